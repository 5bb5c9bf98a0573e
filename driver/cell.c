// SPDX-License-Identifier: GPL-2.0
/*
 * Stockade driver: cells (create, load, start, destroy) and the CPUs that
 * move between Linux and them.
 *
 * Every request needs a running hypervisor. Without one they fail with
 * -EINVAL, as Jailhouse always did; tools tell this case apart by reading
 * /sys/devices/jailhouse/enabled.
 */
#define pr_fmt(fmt) "jailhouse: " fmt

#include <linux/cpu.h>
#include <linux/cpumask.h>
#include <linux/gfp.h>
#include <linux/io.h>
#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/minmax.h>
#include <linux/mm.h>
#include <linux/sizes.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>

#include <jailhouse/ioctl.h>

#include "driver.h"

/* More images than any loader needs; keeps the copied array small. */
#define JAILHOUSE_MAX_PRELOAD_IMAGES	256
/* Cell memory is mapped piecewise so that 32-bit kernels cope too. */
#define JAILHOUSE_LOAD_CHUNK		SZ_4M

/* All cells, the root cell first; protected by jailhouse_lock. */
static LIST_HEAD(cells);
static struct jailhouse_cell *root_cell;
/* Allocated before the hypervisor starts, registered once it runs. */
static struct jailhouse_cell *pending_root;

static struct jailhouse_cell *cell_alloc(int id, const char *name)
{
	struct jailhouse_cell *cell = kzalloc(sizeof(*cell), GFP_KERNEL);

	if (!cell)
		return NULL;
	jailhouse_sysfs_cell_init(cell);
	INIT_LIST_HEAD(&cell->entry);
	cell->id = id;
	strscpy(cell->name, name, sizeof(cell->name));
	return cell;
}

static struct jailhouse_cell *find_cell(const struct jailhouse_cell_id *cid)
{
	struct jailhouse_cell *cell;

	list_for_each_entry(cell, &cells, entry) {
		if (cid->id == JAILHOUSE_CELL_ID_UNUSED ?
		    !strcmp(cell->name, cid->name) : cell->id == cid->id)
			return cell;
	}
	return NULL;
}

static struct jailhouse_cell *find_cell_by_name(const char *name)
{
	struct jailhouse_cell_id cid = { .id = JAILHOUSE_CELL_ID_UNUSED };

	strscpy(cid.name, name, sizeof(cid.name));
	return find_cell(&cid);
}

/* Lowest id not in use; the hypervisor may still pick another. */
static int free_cell_id(void)
{
	struct jailhouse_cell *cell;
	int id = 1;

restart:
	list_for_each_entry(cell, &cells, entry) {
		if (cell->id == id) {
			id++;
			goto restart;
		}
	}
	return id;
}

int jailhouse_cell_prepare_root(const struct jailhouse_system *sys)
{
	struct jailhouse_cell *cell;
	unsigned int cpu;

	cell = cell_alloc(0, sys->root_cell.name);
	if (!cell)
		return -ENOMEM;
	for_each_possible_cpu(cpu)
		if (jailhouse_config_has_cpu(&sys->root_cell, cpu))
			cpumask_set_cpu(cpu, &cell->cpus_assigned);
	if (jailhouse_pci_keep(cell, &sys->root_cell)) {
		kobject_put(&cell->kobj);
		return -ENOMEM;
	}
	pending_root = cell;
	jailhouse_arch_vpci_prepare(sys);
	return 0;
}

void jailhouse_cell_register_root(void)
{
	root_cell = pending_root;
	pending_root = NULL;
	list_add(&root_cell->entry, &cells);
	jailhouse_sysfs_cell_add(root_cell);
	jailhouse_cell_root_devices_add();
}

/* The devices first, then the host they sit on (if Linux needed one). */
void jailhouse_cell_root_devices_remove(void)
{
	if (!root_cell)
		return;
	jailhouse_pci_virtual_remove(root_cell);
	jailhouse_arch_vpci_remove();
}

void jailhouse_cell_root_devices_add(void)
{
	if (!root_cell)
		return;
	jailhouse_arch_vpci_add();
	jailhouse_pci_virtual_add(root_cell);
}

bool jailhouse_cell_root_has_cpu(unsigned int cpu)
{
	return root_cell && cpumask_test_cpu(cpu, &root_cell->cpus_assigned);
}

/* Linux gets back the CPUs it gave up for @cell. */
static void give_back_cpus(struct jailhouse_cell *cell)
{
	unsigned int cpu;
	int err;

	for_each_cpu(cpu, &cell->cpus_offlined) {
		err = add_cpu(cpu);
		if (err)
			pr_warn("cannot bring CPU %u back online (%d)\n", cpu,
				err);
	}
	cpumask_clear(&cell->cpus_offlined);
}

static int take_cpus(struct jailhouse_cell *cell)
{
	unsigned int cpu;
	int err;

	for_each_cpu(cpu, &cell->cpus_assigned) {
		if (!cpu_online(cpu))
			continue;
		err = remove_cpu(cpu);
		if (err) {
			pr_err("cannot take CPU %u offline for cell \"%s\" (%d)\n",
			       cpu, cell->name, err);
			give_back_cpus(cell);
			return err;
		}
		cpumask_set_cpu(cpu, &cell->cpus_offlined);
	}
	return 0;
}

/* Removes @cell from the driver; its CPUs return to the root cell. */
static void cell_delete(struct jailhouse_cell *cell)
{
	list_del(&cell->entry);
	jailhouse_sysfs_cell_del(cell);
	if (cell != root_cell && root_cell) {
		cpumask_or(&root_cell->cpus_assigned,
			   &root_cell->cpus_assigned, &cell->cpus_assigned);
		jailhouse_sysfs_cell_update_cpus(root_cell);
		give_back_cpus(cell);
		jailhouse_pci_release(cell);
	}
	if (cell == root_cell)
		root_cell = NULL;
	kobject_put(&cell->kobj);
}

void jailhouse_cell_delete_all(void)
{
	struct jailhouse_cell *cell, *tmp;

	list_for_each_entry_safe(cell, tmp, &cells, entry)
		if (cell != root_cell)
			cell_delete(cell);
	if (root_cell)
		cell_delete(root_cell);
	if (pending_root) {
		kobject_put(&pending_root->kobj);
		pending_root = NULL;
	}
}

/* The cell's CPUs as a mask, if they may all leave the root cell. */
static int cell_cpus(const struct jailhouse_cell_desc *config,
		     struct cpumask *mask)
{
	int bad = jailhouse_config_first_bad_cpu(config);
	unsigned int cpu;

	if (bad >= 0) {
		pr_err("invalid cell config: CPU %d does not exist\n", bad);
		return -EINVAL;
	}
	cpumask_clear(mask);
	for (cpu = 0; cpu < nr_cpu_ids; cpu++) {
		if (!jailhouse_config_has_cpu(config, cpu))
			continue;
		if (!cpu_possible(cpu)) {
			pr_err("invalid cell config: CPU %u does not exist\n",
			       cpu);
			return -EINVAL;
		}
		if (!jailhouse_arch_cpu_may_leave_root(cpu)) {
			pr_err("invalid cell config: CPU %u cannot leave the root cell\n",
			       cpu);
			return -EINVAL;
		}
		if (!cpumask_test_cpu(cpu, &root_cell->cpus_assigned)) {
			pr_err("CPU %u of cell \"%s\" is not in the root cell\n",
			       cpu, config->name);
			return -EBUSY;
		}
		cpumask_set_cpu(cpu, mask);
	}
	return 0;
}

static int cell_copy_regions(struct jailhouse_cell *cell,
			     const struct jailhouse_cell_desc *config)
{
	if (!config->num_memory_regions)
		return 0;
	cell->memory_regions =
		kmemdup(jailhouse_cell_mem_regions(config),
			config->num_memory_regions *
				sizeof(*cell->memory_regions),
			GFP_KERNEL);
	if (!cell->memory_regions)
		return -ENOMEM;
	cell->num_memory_regions = config->num_memory_regions;
	return 0;
}

static int create_locked(struct jailhouse_cell_desc *config, u32 size)
{
	struct jailhouse_cell *cell;
	long id;
	int err;

	err = jailhouse_config_check_cell(config, size);
	if (err)
		return err;
	if (find_cell_by_name(config->name)) {
		pr_err("a cell named \"%s\" exists already\n", config->name);
		return -EEXIST;
	}

	cell = cell_alloc(0, config->name);
	if (!cell)
		return -ENOMEM;
	err = cell_cpus(config, &cell->cpus_assigned);
	if (!err)
		err = cell_copy_regions(cell, config);
	if (!err)
		err = take_cpus(cell);
	if (err)
		goto out_put;
	err = jailhouse_pci_claim(cell, config);
	if (err) {
		give_back_cpus(cell);
		goto out_put;
	}

	config->id = free_cell_id();
	id = jailhouse_hypercall(JAILHOUSE_HC_CELL_CREATE, __pa(config), 0);
	if (id < 0) {
		err = id;
		pr_err("the hypervisor refused to create cell \"%s\" (%d)\n",
		       config->name, err);
		jailhouse_pci_release(cell);
		give_back_cpus(cell);
		goto out_put;
	}
	cell->id = id;

	cpumask_andnot(&root_cell->cpus_assigned, &root_cell->cpus_assigned,
		       &cell->cpus_assigned);
	jailhouse_sysfs_cell_update_cpus(root_cell);
	list_add_tail(&cell->entry, &cells);
	jailhouse_sysfs_cell_add(cell);
	pr_info("created cell \"%s\" (id %d)\n", cell->name, cell->id);
	return 0;

out_put:
	kobject_put(&cell->kobj);
	return err;
}

int jailhouse_cmd_cell_create(void __user *arg)
{
	struct jailhouse_cell_create params;
	struct jailhouse_cell_desc *config;
	size_t alloc_size;
	int err;

	if (copy_from_user(&params, arg, sizeof(params)))
		return -EFAULT;

	err = mutex_lock_interruptible(&jailhouse_lock);
	if (err)
		return err;
	if (!jailhouse_enabled) {
		err = -EINVAL;
		goto out_unlock;
	}
	if (params.config_size < sizeof(*config) ||
	    params.config_size > JAILHOUSE_CELL_CONFIG_MAX) {
		pr_err("invalid cell config: size %u, expected %zu to %u bytes\n",
		       params.config_size, sizeof(*config),
		       JAILHOUSE_CELL_CONFIG_MAX);
		err = -EINVAL;
		goto out_unlock;
	}

	/* The hypervisor reads it by physical address: one block. */
	alloc_size = PAGE_ALIGN(params.config_size);
	config = alloc_pages_exact(alloc_size, GFP_KERNEL | __GFP_ZERO);
	if (!config) {
		err = -ENOMEM;
		goto out_unlock;
	}
	if (copy_from_user(config, u64_to_user_ptr(params.config_address),
			   params.config_size))
		err = -EFAULT;
	else
		err = create_locked(config, params.config_size);
	free_pages_exact(config, alloc_size);

out_unlock:
	mutex_unlock(&jailhouse_lock);
	return err;
}

/*
 * Looks up the cell a request names; the root cell cannot be loaded,
 * started or destroyed.
 */
static int get_cell(void __user *arg, struct jailhouse_cell_id *cid,
		    struct jailhouse_cell **cell)
{
	if (copy_from_user(cid, arg, sizeof(*cid)))
		return -EFAULT;
	cid->name[sizeof(cid->name) - 1] = 0;

	if (!jailhouse_enabled)
		return -EINVAL;
	*cell = find_cell(cid);
	if (!*cell)
		return -ENOENT;
	if (*cell == root_cell)
		return -EINVAL;
	return 0;
}

/* Where guest address @target (@size bytes) lies in loadable memory. */
static int load_target(const struct jailhouse_cell *cell, u64 target,
		       u64 size, phys_addr_t *phys)
{
	const struct jailhouse_memory *mem;
	unsigned int n;

	for (n = 0; n < cell->num_memory_regions; n++) {
		mem = &cell->memory_regions[n];
		if (!(mem->flags & JAILHOUSE_MEM_LOADABLE) ||
		    target < mem->virt_start ||
		    target - mem->virt_start > mem->size ||
		    size > mem->size - (target - mem->virt_start))
			continue;
		*phys = mem->phys_start + (target - mem->virt_start);
		return 0;
	}
	return -EINVAL;
}

static int copy_image(phys_addr_t phys, const char __user *src, u64 size)
{
	size_t chunk;
	void *dst;
	int err;

	while (size) {
		chunk = min_t(u64, size, JAILHOUSE_LOAD_CHUNK);
		dst = memremap(phys, chunk, MEMREMAP_WB);
		if (!dst)
			return -ENOMEM;
		err = copy_from_user(dst, src, chunk) ? -EFAULT : 0;
		memunmap(dst);
		if (err)
			return err;
		phys += chunk;
		src += chunk;
		size -= chunk;
	}
	return 0;
}

static int load_locked(struct jailhouse_cell_load __user *uload)
{
	struct jailhouse_preload_image *images = NULL;
	struct jailhouse_cell_load load;
	struct jailhouse_cell *cell;
	phys_addr_t *phys = NULL;
	unsigned int n, num;
	long ret;
	int err;

	err = get_cell(&uload->cell_id, &load.cell_id, &cell);
	if (err)
		return err;
	if (copy_from_user(&load.num_preload_images,
			   &uload->num_preload_images,
			   sizeof(load.num_preload_images)))
		return -EFAULT;
	num = load.num_preload_images;
	if (num > JAILHOUSE_MAX_PRELOAD_IMAGES) {
		pr_err("%u images for cell \"%s\", at most %u are supported\n",
		       num, cell->name, JAILHOUSE_MAX_PRELOAD_IMAGES);
		return -EINVAL;
	}

	if (num) {
		images = memdup_user(uload->image, num * sizeof(*images));
		if (IS_ERR(images))
			return PTR_ERR(images);
		phys = kcalloc(num, sizeof(*phys), GFP_KERNEL);
		if (!phys) {
			err = -ENOMEM;
			goto out_free;
		}
	}

	/* All targets are checked before the cell is touched. */
	for (n = 0; n < num; n++) {
		err = load_target(cell, images[n].target_address,
				  images[n].size, &phys[n]);
		if (err) {
			pr_err("image %u for cell \"%s\" (0x%llx bytes at 0x%llx) is outside its loadable memory\n",
			       n, cell->name, images[n].size,
			       images[n].target_address);
			goto out_free;
		}
	}

	ret = jailhouse_hypercall(JAILHOUSE_HC_CELL_SET_LOADABLE, cell->id, 0);
	if (ret < 0) {
		err = ret;
		pr_err("the hypervisor refused to make cell \"%s\" loadable (%d)\n",
		       cell->name, err);
		goto out_free;
	}

	for (n = 0; n < num && !err; n++)
		err = copy_image(phys[n],
				 u64_to_user_ptr(images[n].source_address),
				 images[n].size);

out_free:
	kfree(phys);
	kfree(images);
	return err;
}

int jailhouse_cmd_cell_load(void __user *arg)
{
	int err = mutex_lock_interruptible(&jailhouse_lock);

	if (err)
		return err;
	err = load_locked(arg);
	mutex_unlock(&jailhouse_lock);
	return err;
}

int jailhouse_cmd_cell_start(void __user *arg)
{
	struct jailhouse_cell_id cid;
	struct jailhouse_cell *cell;
	long ret;
	int err;

	err = mutex_lock_interruptible(&jailhouse_lock);
	if (err)
		return err;
	err = get_cell(arg, &cid, &cell);
	if (!err) {
		ret = jailhouse_hypercall(JAILHOUSE_HC_CELL_START, cell->id, 0);
		if (ret < 0) {
			err = ret;
			pr_err("the hypervisor refused to start cell \"%s\" (%d)\n",
			       cell->name, err);
		}
	}
	mutex_unlock(&jailhouse_lock);
	return err;
}

int jailhouse_cmd_cell_destroy(void __user *arg)
{
	struct jailhouse_cell_id cid;
	struct jailhouse_cell *cell;
	long ret;
	int err;

	err = mutex_lock_interruptible(&jailhouse_lock);
	if (err)
		return err;
	err = get_cell(arg, &cid, &cell);
	if (!err) {
		ret = jailhouse_hypercall(JAILHOUSE_HC_CELL_DESTROY, cell->id,
					  0);
		if (ret < 0) {
			err = ret;
			pr_err("the hypervisor refused to destroy cell \"%s\" (%d)\n",
			       cell->name, err);
		} else {
			pr_info("destroyed cell \"%s\"\n", cell->name);
			cell_delete(cell);
		}
	}
	mutex_unlock(&jailhouse_lock);
	return err;
}
