// SPDX-License-Identifier: GPL-2.0
/*
 * Stockade driver: module entry points, /dev/jailhouse, and enabling and
 * disabling the hypervisor (memory reservation, firmware, hand-over).
 *
 * The hand-over contract with the image is described in
 * Documentation/hypervisor-interface.md; user-visible behaviour (errno
 * values, unloading) in driver/README.md.
 */
#define pr_fmt(fmt) "jailhouse: " fmt

#include <linux/atomic.h>
#include <linux/capability.h>
#include <linux/compat.h>
#include <linux/cpu.h>
#include <linux/device.h>
#include <linux/firmware.h>
#include <linux/fs.h>
#include <linux/io.h>
#include <linux/ioport.h>
#include <linux/miscdevice.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/smp.h>
#include <linux/uaccess.h>

#include <jailhouse/ioctl.h>

#include "driver.h"

DEFINE_MUTEX(jailhouse_lock);
DECLARE_RWSEM(jailhouse_hv_sem);
bool jailhouse_enabled;
unsigned int jailhouse_generation;
struct jailhouse_header *jailhouse_hv_header;
struct jailhouse_virt_console *jailhouse_hv_console;

static struct device *jailhouse_dev;

/* The claimed and mapped hypervisor memory; valid while hv_mem is set. */
static void *hv_mem;
static phys_addr_t hv_mem_phys;
static unsigned long hv_mem_size;
static void __iomem *hv_debug_console;
/* Kept mapped after disable for coverage data, exposed as sysfs core. */
static bool hv_core_kept;
/* The CPUs that entered the hypervisor on enable. */
static cpumask_t hv_entered_cpus;

struct cpu_call {
	int (*entry)(unsigned int cpu);
	atomic_t error;
};

static void cpu_call_error(struct cpu_call *call, int err)
{
	if (err)
		atomic_cmpxchg(&call->error, 0, err);
}

/* Runs on every online CPU at once, interrupts off. */
static void enter_hypervisor(void *info)
{
	struct cpu_call *call = info;

	cpu_call_error(call, call->entry(smp_processor_id()));
}

static void leave_hypervisor(void *info)
{
	cpu_call_error(info, jailhouse_hypercall(JAILHOUSE_HC_DISABLE, 0, 0));
}

static void hv_mem_release(void)
{
	if (hv_core_kept) {
		jailhouse_sysfs_core_del();
		hv_core_kept = false;
	}
	if (hv_debug_console) {
		iounmap(hv_debug_console);
		hv_debug_console = NULL;
	}
	if (hv_mem) {
		jailhouse_hv_unmap(hv_mem);
		hv_mem = NULL;
		jailhouse_hv_header = NULL;
		jailhouse_hv_console = NULL;
	}
	if (hv_mem_size) {
		release_mem_region(hv_mem_phys, hv_mem_size);
		hv_mem_size = 0;
	}
}

/* Checks the image header against itself and against the memory it gets. */
static int check_image(const char *name, const struct firmware *fw,
		       const struct jailhouse_system *config, u64 config_size,
		       unsigned int max_cpus)
{
	const struct jailhouse_header *header = (const void *)fw->data;
	u64 need;

	if (fw->size < sizeof(*header) ||
	    memcmp(header->signature, JAILHOUSE_SIGNATURE,
		   sizeof(header->signature))) {
		pr_err("%s is not a hypervisor image (no \"%s\" signature)\n",
		       name, JAILHOUSE_SIGNATURE);
		return -ENOEXEC;
	}
	if (!PAGE_ALIGNED(header->core_size) || header->core_size < fw->size ||
	    header->percpu_size == 0 || !PAGE_ALIGNED(header->percpu_size) ||
	    header->entry >= fw->size ||
	    header->core_size < sizeof(struct jailhouse_virt_console) ||
	    header->console_page >
		header->core_size - sizeof(struct jailhouse_virt_console)) {
		pr_err("%s has an inconsistent image header\n", name);
		return -ENOEXEC;
	}

	need = header->core_size + (u64)max_cpus * header->percpu_size +
		config_size;
	if (need > config->hypervisor_memory.size) {
		pr_err("invalid config: hypervisor memory of 0x%llx bytes is too small, the image, %u per-CPU areas and the config need 0x%llx\n",
		       config->hypervisor_memory.size, max_cpus, need);
		return -EINVAL;
	}
	return 0;
}

/* Maps the MMIO debug console for the early hypervisor, if it has one. */
static int map_debug_console(const struct jailhouse_system *config)
{
	const struct jailhouse_console *con = &config->debug_console;

	if (con->type == JAILHOUSE_CON_TYPE_NONE ||
	    !JAILHOUSE_CON_IS_MMIO(con->flags))
		return 0;
	if (!con->size) {
		pr_err("invalid config: MMIO debug console without a size\n");
		return -EINVAL;
	}
	hv_debug_console = ioremap(con->address, con->size);
	if (!hv_debug_console) {
		pr_err("cannot map the debug console at 0x%llx\n",
		       con->address);
		return -ENOMEM;
	}
	return 0;
}

/* Copies image and config into the mapped memory and fills the header. */
static void load_image(const struct firmware *fw,
		       const struct jailhouse_system *config, u64 config_size,
		       unsigned int max_cpus)
{
	const struct jailhouse_header *src = (const void *)fw->data;
	unsigned long config_offset =
		src->core_size + (unsigned long)max_cpus * src->percpu_size;

	memcpy(hv_mem, fw->data, fw->size);
	/* bss and per-CPU areas start out zeroed. */
	memset(hv_mem + fw->size, 0, config_offset - fw->size);
	memcpy(hv_mem + config_offset, config, config_size);

	jailhouse_hv_header = hv_mem;
	jailhouse_hv_header->max_cpus = max_cpus;
	jailhouse_hv_header->debug_console_base =
		(unsigned long)hv_debug_console;
	jailhouse_hv_console = hv_mem + src->console_page;
}

/* Hands every online CPU to the hypervisor; 0 or the first error. */
static int start_hypervisor(void)
{
	struct cpu_call call = {
		.entry = (void *)hv_mem + jailhouse_hv_header->entry,
		.error = ATOMIC_INIT(0),
	};

	cpus_read_lock();
	jailhouse_hv_header->online_cpus = num_online_cpus();
	cpumask_copy(&hv_entered_cpus, cpu_online_mask);
	on_each_cpu(enter_hypervisor, &call, 1);
	cpus_read_unlock();
	return atomic_read(&call.error);
}

static int enable_locked(struct jailhouse_system *config, u64 config_size)
{
	const struct jailhouse_memory *mem = &config->hypervisor_memory;
	unsigned int max_cpus = cpumask_last(cpu_possible_mask) + 1;
	const char *fw_name = jailhouse_arch_firmware_name();
	const struct firmware *fw;
	void *virt;
	int err;

	err = jailhouse_config_check_system(config, config_size);
	if (err)
		return err;
	err = jailhouse_arch_check_cpu();
	if (err)
		return err;

	/* Coverage data of the previous run is gone now. */
	hv_mem_release();

	if (!request_mem_region(mem->phys_start, mem->size,
				"Jailhouse hypervisor")) {
		pr_err("hypervisor memory 0x%llx-0x%llx is not reserved; reserve it with memmap= (x86) or mem= (ARM)\n",
		       mem->phys_start, mem->phys_start + mem->size - 1);
		return -EBUSY;
	}
	hv_mem_phys = mem->phys_start;
	hv_mem_size = mem->size;

	err = firmware_request_nowarn(&fw, fw_name, jailhouse_dev);
	if (err) {
		pr_err("cannot load the hypervisor image /lib/firmware/%s (%d)\n",
		       fw_name, err);
		goto out_release;
	}
	err = check_image(fw_name, fw, config, config_size, max_cpus);
	if (err)
		goto out_firmware;
	err = map_debug_console(config);
	if (err)
		goto out_firmware;

	virt = jailhouse_arch_map(hv_mem_phys, hv_mem_size);
	if (IS_ERR(virt)) {
		err = PTR_ERR(virt);
		goto out_firmware;
	}
	hv_mem = virt;
	load_image(fw, config, config_size, max_cpus);
	release_firmware(fw);
	jailhouse_arch_image_loaded(jailhouse_hv_header, hv_mem, hv_mem_size);

	/* Allocations that could fail must not come after the start. */
	err = jailhouse_cell_prepare_root(config);
	if (err)
		goto out_release;

	err = start_hypervisor();
	if (err) {
		pr_err("the hypervisor failed to start (%d); see its console output\n",
		       err);
		jailhouse_cell_delete_all();
		goto out_release;
	}

	down_write(&jailhouse_hv_sem);
	jailhouse_enabled = true;
	jailhouse_generation++;
	up_write(&jailhouse_hv_sem);

	/* Unloading the driver would orphan the hypervisor: see README. */
	__module_get(THIS_MODULE);
	jailhouse_cell_register_root();
	pr_info("hypervisor enabled, root cell \"%s\"\n",
		config->root_cell.name);
	return 0;

out_firmware:
	release_firmware(fw);
out_release:
	hv_mem_release();
	return err;
}

static int jailhouse_cmd_enable(struct jailhouse_system __user *arg)
{
	struct jailhouse_system head;
	struct jailhouse_system *config;
	u64 size;
	int err;

	err = mutex_lock_interruptible(&jailhouse_lock);
	if (err)
		return err;
	if (jailhouse_enabled) {
		err = -EBUSY;
		goto out_unlock;
	}

	/*
	 * The ioctl passes no length: read the fixed part, size the rest
	 * from it, then check everything again on the full copy.
	 */
	if (copy_from_user(&head, arg, sizeof(head))) {
		err = -EFAULT;
		goto out_unlock;
	}
	err = jailhouse_config_check_system_header(&head);
	if (err)
		goto out_unlock;
	size = jailhouse_system_config_size(&head);
	if (size > JAILHOUSE_SYSTEM_CONFIG_MAX) {
		pr_err("invalid config: %llu bytes, the driver accepts at most %u\n",
		       size, JAILHOUSE_SYSTEM_CONFIG_MAX);
		err = -EINVAL;
		goto out_unlock;
	}

	config = kvmalloc(size, GFP_KERNEL);
	if (!config) {
		err = -ENOMEM;
		goto out_unlock;
	}
	if (copy_from_user(config, arg, size))
		err = -EFAULT;
	else
		err = enable_locked(config, size);
	kvfree(config);

out_unlock:
	mutex_unlock(&jailhouse_lock);
	return err;
}

/*
 * A root CPU that Linux took offline under the hypervisor idles in guest
 * mode, where no DISABLE reaches it; left there it would run on memory
 * the hypervisor no longer owns. Such CPUs come up for the DISABLE
 * hypercall and go down again afterwards, natively.
 */
static bool cpu_parked(unsigned int cpu)
{
	return cpumask_test_cpu(cpu, &hv_entered_cpus) &&
		jailhouse_cell_root_has_cpu(cpu) && !cpu_online(cpu);
}

static int online_parked_cpus(struct cpumask *parked)
{
	unsigned int cpu;
	int err;

	cpumask_clear(parked);
	for_each_cpu(cpu, &hv_entered_cpus) {
		if (!cpu_parked(cpu))
			continue;
		err = add_cpu(cpu);
		if (err) {
			pr_err("cannot bring CPU %u online to take it out of the hypervisor (%d)\n",
			       cpu, err);
			return err;
		}
		cpumask_set_cpu(cpu, parked);
	}
	return 0;
}

static void offline_parked_cpus(const struct cpumask *parked)
{
	unsigned int cpu;
	int err;

	for_each_cpu(cpu, parked) {
		err = remove_cpu(cpu);
		if (err)
			pr_warn("cannot take CPU %u offline again (%d)\n", cpu,
				err);
	}
}

/* DISABLE on every CPU; all that entered must be there, or none leaves. */
static int leave_on_all_cpus(void)
{
	struct cpu_call call = { .error = ATOMIC_INIT(0) };
	unsigned int cpu;

	cpus_read_lock();
	for_each_cpu(cpu, &hv_entered_cpus) {
		if (cpu_parked(cpu)) {
			cpus_read_unlock();
			pr_err("CPU %u went offline during disable; try again\n",
			       cpu);
			return -EBUSY;
		}
	}
	on_each_cpu(leave_hypervisor, &call, 1);
	cpus_read_unlock();
	return atomic_read(&call.error);
}

static int jailhouse_cmd_disable(void)
{
	/* Static for its size; jailhouse_lock guards it. */
	static cpumask_t parked;
	int err;

	err = mutex_lock_interruptible(&jailhouse_lock);
	if (err)
		return err;
	if (!jailhouse_enabled) {
		err = -EINVAL;
		goto out_unlock;
	}

	err = online_parked_cpus(&parked);
	if (err) {
		offline_parked_cpus(&parked);
		goto out_unlock;
	}

	jailhouse_cell_root_devices_remove();
	/* No hypercall or console access may overlap the hypervisor's exit. */
	down_write(&jailhouse_hv_sem);
	err = leave_on_all_cpus();
	if (!err)
		jailhouse_enabled = false;
	up_write(&jailhouse_hv_sem);
	offline_parked_cpus(&parked);
	if (err) {
		pr_err("the hypervisor refused to disable (%d)\n", err);
		jailhouse_cell_root_devices_add();
		goto out_unlock;
	}

	/* The hypervisor has handed the cells' CPUs back to Linux. */
	jailhouse_cell_delete_all();

	if (jailhouse_hv_header->gcov_info_head &&
	    !jailhouse_sysfs_core_add(hv_mem,
				      jailhouse_hv_header->core_size))
		hv_core_kept = true;
	else
		hv_mem_release();

	module_put(THIS_MODULE);
	pr_info("hypervisor disabled\n");

out_unlock:
	mutex_unlock(&jailhouse_lock);
	return err;
}

static long jailhouse_ioctl(struct file *file, unsigned int cmd,
			    unsigned long arg)
{
	void __user *uarg = (void __user *)arg;

	if (!capable(CAP_SYS_ADMIN))
		return -EPERM;

	switch (cmd) {
	case JAILHOUSE_ENABLE:
		return jailhouse_cmd_enable(uarg);
	case JAILHOUSE_DISABLE:
		return jailhouse_cmd_disable();
	case JAILHOUSE_CELL_CREATE:
		return jailhouse_cmd_cell_create(uarg);
	case JAILHOUSE_CELL_LOAD:
		return jailhouse_cmd_cell_load(uarg);
	case JAILHOUSE_CELL_START:
		return jailhouse_cmd_cell_start(uarg);
	case JAILHOUSE_CELL_DESTROY:
		return jailhouse_cmd_cell_destroy(uarg);
	default:
		return -ENOTTY;
	}
}

#ifdef CONFIG_COMPAT
/*
 * ENABLE encodes the size of a pointer in its number; the structs of the
 * other requests are laid out identically for 32-bit callers.
 */
#define JAILHOUSE_ENABLE_COMPAT	_IOW(0, 0, compat_uptr_t)

static long jailhouse_compat_ioctl(struct file *file, unsigned int cmd,
				   unsigned long arg)
{
	if (cmd == JAILHOUSE_ENABLE_COMPAT)
		cmd = JAILHOUSE_ENABLE;
	return jailhouse_ioctl(file, cmd, (unsigned long)compat_ptr(arg));
}
#endif

static const struct file_operations jailhouse_fops = {
	.owner = THIS_MODULE,
	.open = jailhouse_console_open,
	.release = jailhouse_console_release,
	.read = jailhouse_console_read,
	.unlocked_ioctl = jailhouse_ioctl,
#ifdef CONFIG_COMPAT
	.compat_ioctl = jailhouse_compat_ioctl,
#endif
	.llseek = noop_llseek,
};

static struct miscdevice jailhouse_misc = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "jailhouse",
	.fops = &jailhouse_fops,
};

static int __init jailhouse_init(void)
{
	int err;

	jailhouse_dev = root_device_register("jailhouse");
	if (IS_ERR(jailhouse_dev))
		return PTR_ERR(jailhouse_dev);

	err = jailhouse_sysfs_init(jailhouse_dev);
	if (err)
		goto out_unregister_dev;
	err = jailhouse_arch_init();
	if (err)
		goto out_sysfs;
	err = misc_register(&jailhouse_misc);
	if (err)
		goto out_sysfs;
	return 0;

out_sysfs:
	jailhouse_sysfs_exit(jailhouse_dev);
out_unregister_dev:
	root_device_unregister(jailhouse_dev);
	return err;
}

/* Only reached while disabled: enable holds a reference on the module. */
static void __exit jailhouse_exit(void)
{
	misc_deregister(&jailhouse_misc);
	mutex_lock(&jailhouse_lock);
	hv_mem_release();
	mutex_unlock(&jailhouse_lock);
	jailhouse_sysfs_exit(jailhouse_dev);
	root_device_unregister(jailhouse_dev);
}

module_init(jailhouse_init);
module_exit(jailhouse_exit);

MODULE_DESCRIPTION("Stockade: loader and control interface of the partitioning hypervisor");
MODULE_LICENSE("GPL");
MODULE_FIRMWARE("jailhouse-amd.bin");
MODULE_FIRMWARE("jailhouse-intel.bin");
MODULE_FIRMWARE("jailhouse.bin");
