// SPDX-License-Identifier: GPL-2.0
/*
 * Stockade driver: /sys/devices/jailhouse.
 *
 * Layout (Documentation/jailhouse-abi.md, sysfs): enabled, console, the pool
 * counters, core (only while the driver keeps an image mapped for reading),
 * cells/<id>/ with name, state and CPU sets, cells/<id>/statistics/ with
 * the cell's exit counters and one cpu<n>/ per CPU of the cell. While the
 * hypervisor is disabled the pool counters read 0 and cells/ is empty.
 *
 * Nothing here takes jailhouse_lock: requests remove these files while
 * holding it, and sysfs waits for running readers before a file goes.
 */
#define pr_fmt(fmt) "jailhouse: " fmt

#include <linux/cpumask.h>
#include <linux/device.h>
#include <linux/err.h>
#include <linux/kernel.h>
#include <linux/kobject.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/sysfs.h>

#include "driver.h"

static struct kobject *cells_kobj;
static struct kobject *dev_kobj;
static void *core_mem;

/* Issues a hypercall if the hypervisor runs; false if it does not. */
static bool hv_query(unsigned int code, unsigned long arg1,
		     unsigned long arg2, long *ret)
{
	bool running;

	down_read(&jailhouse_hv_sem);
	running = jailhouse_enabled;
	if (running)
		*ret = jailhouse_hypercall(code, arg1, arg2);
	up_read(&jailhouse_hv_sem);
	return running;
}

/* Counters are unsigned and as wide as the hypercall result register. */
static u64 counter_value(long ret)
{
	if (sizeof(jailhouse_call(0)) == 4)
		return (u32)ret;
	return (unsigned long)ret;
}

static ssize_t enabled_show(struct device *dev, struct device_attribute *attr,
			    char *buf)
{
	return sysfs_emit(buf, "%d\n", READ_ONCE(jailhouse_enabled));
}

static ssize_t console_show(struct device *dev, struct device_attribute *attr,
			    char *buf)
{
	return jailhouse_console_snapshot(buf, PAGE_SIZE);
}

static ssize_t info_show(char *buf, unsigned int type)
{
	long ret = 0;

	if (hv_query(JAILHOUSE_HC_HYPERVISOR_GET_INFO, type, 0, &ret) &&
	    IS_ERR_VALUE(ret))
		return ret;
	return sysfs_emit(buf, "%llu\n", counter_value(ret));
}

#define INFO_ATTR(_name, _type)						\
static ssize_t _name##_show(struct device *dev,				\
			    struct device_attribute *attr, char *buf)	\
{									\
	return info_show(buf, _type);					\
}									\
static DEVICE_ATTR_RO(_name)

INFO_ATTR(mem_pool_size, JAILHOUSE_INFO_MEM_POOL_SIZE);
INFO_ATTR(mem_pool_used, JAILHOUSE_INFO_MEM_POOL_USED);
INFO_ATTR(remap_pool_size, JAILHOUSE_INFO_REMAP_POOL_SIZE);
INFO_ATTR(remap_pool_used, JAILHOUSE_INFO_REMAP_POOL_USED);
static DEVICE_ATTR_RO(enabled);
static DEVICE_ATTR_RO(console);

static struct attribute *jailhouse_attrs[] = {
	&dev_attr_enabled.attr,
	&dev_attr_console.attr,
	&dev_attr_mem_pool_size.attr,
	&dev_attr_mem_pool_used.attr,
	&dev_attr_remap_pool_size.attr,
	&dev_attr_remap_pool_used.attr,
	NULL,
};

static const struct attribute_group jailhouse_group = {
	.attrs = jailhouse_attrs,
};

static ssize_t core_read(struct file *filp, struct kobject *kobj,
			 struct bin_attribute *attr, char *buf, loff_t off,
			 size_t count)
{
	/* sysfs has clipped the request to attr->size already. */
	memcpy(buf, core_mem + off, count);
	return count;
}

static struct bin_attribute core_attr = {
	.attr = { .name = "core", .mode = 0400 },
	.read = core_read,
};

int jailhouse_sysfs_core_add(void *core, size_t size)
{
	core_mem = core;
	core_attr.size = size;
	return sysfs_create_bin_file(dev_kobj, &core_attr);
}

void jailhouse_sysfs_core_del(void)
{
	sysfs_remove_bin_file(dev_kobj, &core_attr);
	core_mem = NULL;
}

/* Statistics: the same files for a cell (sums) and for each of its CPUs. */
struct stat_attr {
	struct kobj_attribute attr;
	unsigned int counter;
};

static ssize_t stat_show(struct kobject *kobj, struct kobj_attribute *attr,
			 char *buf)
{
	struct stat_attr *stat = container_of(attr, struct stat_attr, attr);
	const struct cpumask *cpus;
	struct jailhouse_cell *cell;
	unsigned int cpu;
	u64 sum = 0;
	long ret;

	/* cpu<n> sits in statistics/, which sits in the cell's directory. */
	if (sscanf(kobject_name(kobj), "cpu%u", &cpu) == 1) {
		cpus = cpumask_of(cpu);
	} else {
		cell = container_of(kobj->parent, struct jailhouse_cell, kobj);
		cpus = &cell->cpus_assigned;
	}

	for_each_cpu(cpu, cpus) {
		if (!hv_query(JAILHOUSE_HC_CPU_GET_INFO, cpu,
			      JAILHOUSE_CPU_INFO_STAT_BASE + stat->counter,
			      &ret))
			break;
		if (IS_ERR_VALUE(ret))
			return ret;
		sum += counter_value(ret);
	}
	return sysfs_emit(buf, "%llu\n", sum);
}

#define STAT_ATTR(_name, _counter)					\
static struct stat_attr stat_attr_##_name = {				\
	.attr = __ATTR(vmexits_##_name, 0444, stat_show, NULL),		\
	.counter = _counter,						\
}

STAT_ATTR(total, JAILHOUSE_CPU_STAT_VMEXITS_TOTAL);
STAT_ATTR(mmio, JAILHOUSE_CPU_STAT_VMEXITS_MMIO);
STAT_ATTR(management, JAILHOUSE_CPU_STAT_VMEXITS_MANAGEMENT);
STAT_ATTR(hypercall, JAILHOUSE_CPU_STAT_VMEXITS_HYPERCALL);
#ifdef JAILHOUSE_CPU_STAT_VMEXITS_PIO
STAT_ATTR(pio, JAILHOUSE_CPU_STAT_VMEXITS_PIO);
STAT_ATTR(xapic, JAILHOUSE_CPU_STAT_VMEXITS_XAPIC);
STAT_ATTR(cr, JAILHOUSE_CPU_STAT_VMEXITS_CR);
STAT_ATTR(cpuid, JAILHOUSE_CPU_STAT_VMEXITS_CPUID);
STAT_ATTR(xsetbv, JAILHOUSE_CPU_STAT_VMEXITS_XSETBV);
STAT_ATTR(exception, JAILHOUSE_CPU_STAT_VMEXITS_EXCEPTION);
STAT_ATTR(msr_other, JAILHOUSE_CPU_STAT_VMEXITS_MSR_OTHER);
STAT_ATTR(msr_x2apic_icr, JAILHOUSE_CPU_STAT_VMEXITS_MSR_X2APIC_ICR);
#endif
#ifdef JAILHOUSE_CPU_STAT_VMEXITS_MAINTENANCE
STAT_ATTR(maintenance, JAILHOUSE_CPU_STAT_VMEXITS_MAINTENANCE);
STAT_ATTR(virt_irq, JAILHOUSE_CPU_STAT_VMEXITS_VIRQ);
STAT_ATTR(virt_sgi, JAILHOUSE_CPU_STAT_VMEXITS_VSGI);
STAT_ATTR(psci, JAILHOUSE_CPU_STAT_VMEXITS_PSCI);
STAT_ATTR(smccc, JAILHOUSE_CPU_STAT_VMEXITS_SMCCC);
#endif
#ifdef JAILHOUSE_CPU_STAT_VMEXITS_CP15
STAT_ATTR(cp15, JAILHOUSE_CPU_STAT_VMEXITS_CP15);
#endif

static struct attribute *stat_attrs[] = {
	&stat_attr_total.attr.attr,
	&stat_attr_mmio.attr.attr,
	&stat_attr_management.attr.attr,
	&stat_attr_hypercall.attr.attr,
#ifdef JAILHOUSE_CPU_STAT_VMEXITS_PIO
	&stat_attr_pio.attr.attr,
	&stat_attr_xapic.attr.attr,
	&stat_attr_cr.attr.attr,
	&stat_attr_cpuid.attr.attr,
	&stat_attr_xsetbv.attr.attr,
	&stat_attr_exception.attr.attr,
	&stat_attr_msr_other.attr.attr,
	&stat_attr_msr_x2apic_icr.attr.attr,
#endif
#ifdef JAILHOUSE_CPU_STAT_VMEXITS_MAINTENANCE
	&stat_attr_maintenance.attr.attr,
	&stat_attr_virt_irq.attr.attr,
	&stat_attr_virt_sgi.attr.attr,
	&stat_attr_psci.attr.attr,
	&stat_attr_smccc.attr.attr,
#endif
#ifdef JAILHOUSE_CPU_STAT_VMEXITS_CP15
	&stat_attr_cp15.attr.attr,
#endif
	NULL,
};

static const struct attribute_group stat_group = {
	.attrs = stat_attrs,
};

/* Cell directories. */
static struct jailhouse_cell *to_cell(struct kobject *kobj)
{
	return container_of(kobj, struct jailhouse_cell, kobj);
}

static ssize_t name_show(struct kobject *kobj, struct kobj_attribute *attr,
			 char *buf)
{
	return sysfs_emit(buf, "%s\n", to_cell(kobj)->name);
}

static ssize_t state_show(struct kobject *kobj, struct kobj_attribute *attr,
			  char *buf)
{
	static const char *const names[] = {
		[JAILHOUSE_CELL_RUNNING] = "running",
		[JAILHOUSE_CELL_RUNNING_LOCKED] = "running/locked",
		[JAILHOUSE_CELL_SHUT_DOWN] = "shut down",
		[JAILHOUSE_CELL_FAILED] = "failed",
		[JAILHOUSE_CELL_FAILED_COMM_REV] = "Comm ABI mismatch",
	};
	long ret = -1;

	hv_query(JAILHOUSE_HC_CELL_GET_STATE, to_cell(kobj)->id, 0, &ret);
	if (ret < 0 || ret >= ARRAY_SIZE(names))
		return sysfs_emit(buf, "invalid\n");
	return sysfs_emit(buf, "%s\n", names[ret]);
}

static ssize_t cpus_show(struct kobject *kobj, char *buf, bool failed,
			 bool list)
{
	struct jailhouse_cell *cell = to_cell(kobj);
	cpumask_var_t cpus;
	unsigned int cpu;
	ssize_t len;
	long ret;

	if (!zalloc_cpumask_var(&cpus, GFP_KERNEL))
		return -ENOMEM;
	for_each_cpu(cpu, &cell->cpus_assigned) {
		if (failed &&
		    (!hv_query(JAILHOUSE_HC_CPU_GET_INFO, cpu,
			       JAILHOUSE_CPU_INFO_STATE, &ret) ||
		     ret != JAILHOUSE_CPU_FAILED))
			continue;
		cpumask_set_cpu(cpu, cpus);
	}
	len = sysfs_emit(buf, list ? "%*pbl\n" : "%*pb\n",
			 cpumask_pr_args(cpus));
	free_cpumask_var(cpus);
	return len;
}

#define CPUS_ATTR(_name, _failed, _list)				\
static ssize_t _name##_show(struct kobject *kobj,			\
			    struct kobj_attribute *attr, char *buf)	\
{									\
	return cpus_show(kobj, buf, _failed, _list);			\
}									\
static struct kobj_attribute _name##_attr = __ATTR_RO(_name)

CPUS_ATTR(cpus_assigned, false, false);
CPUS_ATTR(cpus_assigned_list, false, true);
CPUS_ATTR(cpus_failed, true, false);
CPUS_ATTR(cpus_failed_list, true, true);
static struct kobj_attribute name_attr = __ATTR_RO(name);
static struct kobj_attribute state_attr = __ATTR_RO(state);

static struct attribute *cell_attrs[] = {
	&name_attr.attr,
	&state_attr.attr,
	&cpus_assigned_attr.attr,
	&cpus_assigned_list_attr.attr,
	&cpus_failed_attr.attr,
	&cpus_failed_list_attr.attr,
	NULL,
};
ATTRIBUTE_GROUPS(cell);

static void cell_release(struct kobject *kobj)
{
	struct jailhouse_cell *cell = to_cell(kobj);

	kfree(cell->cpu_kobjs);
	kfree(cell->memory_regions);
	kfree(cell->pci_devices);
	kfree(cell);
}

static struct kobj_type cell_ktype = {
	.release = cell_release,
	.sysfs_ops = &kobj_sysfs_ops,
	.default_groups = cell_groups,
};

/* From here on the cell is freed by the last kobject_put(). */
void jailhouse_sysfs_cell_init(struct jailhouse_cell *cell)
{
	kobject_init(&cell->kobj, &cell_ktype);
}

static void stat_dir_del(struct kobject *kobj)
{
	if (kobj) {
		kobject_del(kobj);
		kobject_put(kobj);
	}
}

static struct kobject *stat_dir(const char *name, struct kobject *parent)
{
	struct kobject *kobj = kobject_create_and_add(name, parent);

	if (kobj && sysfs_create_group(kobj, &stat_group)) {
		kobject_put(kobj);
		kobj = NULL;
	}
	return kobj;
}

/* Makes statistics/cpu<n> match the CPUs the cell has now. */
void jailhouse_sysfs_cell_update_cpus(struct jailhouse_cell *cell)
{
	char name[16];
	unsigned int cpu;
	bool want;

	if (!cell->stats_kobj)
		return;
	for_each_possible_cpu(cpu) {
		want = cpumask_test_cpu(cpu, &cell->cpus_assigned);
		if (want && !cell->cpu_kobjs[cpu]) {
			snprintf(name, sizeof(name), "cpu%u", cpu);
			cell->cpu_kobjs[cpu] = stat_dir(name, cell->stats_kobj);
			if (!cell->cpu_kobjs[cpu])
				pr_warn("cannot create statistics of CPU %u\n",
					cpu);
		} else if (!want && cell->cpu_kobjs[cpu]) {
			stat_dir_del(cell->cpu_kobjs[cpu]);
			cell->cpu_kobjs[cpu] = NULL;
		}
	}
}

/* A cell works without its sysfs entries, so failures only warn. */
int jailhouse_sysfs_cell_add(struct jailhouse_cell *cell)
{
	int err;

	err = kobject_add(&cell->kobj, cells_kobj, "%d", cell->id);
	if (err)
		goto out_warn;

	cell->cpu_kobjs = kcalloc(nr_cpu_ids, sizeof(*cell->cpu_kobjs),
				  GFP_KERNEL);
	cell->stats_kobj = stat_dir("statistics", &cell->kobj);
	if (!cell->cpu_kobjs || !cell->stats_kobj) {
		err = -ENOMEM;
		goto out_warn;
	}
	jailhouse_sysfs_cell_update_cpus(cell);
	return 0;

out_warn:
	pr_warn("cannot create sysfs entries of cell \"%s\" (%d)\n",
		cell->name, err);
	return err;
}

void jailhouse_sysfs_cell_del(struct jailhouse_cell *cell)
{
	unsigned int cpu;

	if (cell->cpu_kobjs) {
		for_each_possible_cpu(cpu) {
			stat_dir_del(cell->cpu_kobjs[cpu]);
			cell->cpu_kobjs[cpu] = NULL;
		}
	}
	stat_dir_del(cell->stats_kobj);
	cell->stats_kobj = NULL;
	if (cell->kobj.state_in_sysfs)
		kobject_del(&cell->kobj);
}

int jailhouse_sysfs_init(struct device *dev)
{
	int err;

	dev_kobj = &dev->kobj;
	err = sysfs_create_group(dev_kobj, &jailhouse_group);
	if (err)
		return err;
	cells_kobj = kobject_create_and_add("cells", dev_kobj);
	if (!cells_kobj) {
		sysfs_remove_group(dev_kobj, &jailhouse_group);
		return -ENOMEM;
	}
	return 0;
}

void jailhouse_sysfs_exit(struct device *dev)
{
	kobject_put(cells_kobj);
	sysfs_remove_group(&dev->kobj, &jailhouse_group);
}
