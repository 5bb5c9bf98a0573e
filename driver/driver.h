/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stockade driver: state and functions shared by the files of jailhouse.ko.
 */
#ifndef _JAILHOUSE_DRIVER_H
#define _JAILHOUSE_DRIVER_H

#include <linux/cpumask.h>
#include <linux/err.h>
#include <linux/kobject.h>
#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/rwsem.h>
#include <linux/types.h>

#include <jailhouse/cell-config.h>
#include <jailhouse/header.h>
#include <jailhouse/hypercall.h>

/*
 * Upper bounds for configs copied from user space. A cell config is handed
 * to the hypervisor by physical address and must be one contiguous block,
 * hence the smaller limit.
 */
#define JAILHOUSE_SYSTEM_CONFIG_MAX	(16 << 20)
#define JAILHOUSE_CELL_CONFIG_MAX	(1 << 20)

/*
 * jailhouse_lock serializes all requests that change the hypervisor or the
 * cells (ioctls, module exit). jailhouse_hv_sem guards "the hypervisor is
 * running and its memory is mapped": whoever issues a hypercall or reads
 * the console ring outside of jailhouse_lock holds it for reading and
 * checks jailhouse_enabled; disable holds it for writing. sysfs readers use
 * only the semaphore because disable removes their files while holding
 * jailhouse_lock.
 */
extern struct mutex jailhouse_lock;
extern struct rw_semaphore jailhouse_hv_sem;
extern bool jailhouse_enabled;
/* Counts enables so that console readers notice a restarted ring. */
extern unsigned int jailhouse_generation;
/* The image header at the start of the mapped hypervisor memory. */
extern struct jailhouse_header *jailhouse_hv_header;
extern struct jailhouse_virt_console *jailhouse_hv_console;

/* config.c: checks that need nothing but the config bytes. */
int jailhouse_config_check_system_header(const struct jailhouse_system *sys);
int jailhouse_config_check_system(const struct jailhouse_system *sys,
				  u64 size);
int jailhouse_config_check_cell_header(const struct jailhouse_cell_desc *cell);
int jailhouse_config_check_cell(const struct jailhouse_cell_desc *cell,
				u64 size);
bool jailhouse_config_has_cpu(const struct jailhouse_cell_desc *cell,
			      unsigned int cpu);
int jailhouse_config_first_bad_cpu(const struct jailhouse_cell_desc *cell);

/* A cell as the driver sees it; the root cell has id 0. */
struct jailhouse_cell {
	struct kobject kobj;		/* cells/<id> */
	struct kobject *stats_kobj;	/* cells/<id>/statistics */
	struct kobject **cpu_kobjs;	/* statistics/cpu<n>, by CPU */
	struct list_head entry;
	int id;
	char name[JAILHOUSE_CELL_NAME_MAXLEN + 1];
	cpumask_t cpus_assigned;
	/* CPUs this driver took offline for the cell; onlined on destroy. */
	cpumask_t cpus_offlined;
	unsigned int num_memory_regions;
	struct jailhouse_memory *memory_regions;
	/* The config's PCI devices, which Linux let go of (pci.c). */
	unsigned int num_pci_devices;
	struct jailhouse_pci_device *pci_devices;
};

/*
 * pci.c: Linux lets go of the cell's PCI devices before the hypervisor
 * creates the cell, and takes them back after it is destroyed.
 */
int jailhouse_pci_claim(struct jailhouse_cell *cell,
			const struct jailhouse_cell_desc *config);
void jailhouse_pci_release(struct jailhouse_cell *cell);
/* The config's device list only, for the root cell (nothing claimed). */
int jailhouse_pci_keep(struct jailhouse_cell *cell,
		       const struct jailhouse_cell_desc *config);
/* The root's virtual devices appear to Linux / leave it again. */
void jailhouse_pci_virtual_add(const struct jailhouse_cell *root);
void jailhouse_pci_virtual_remove(const struct jailhouse_cell *root);

/* cell.c */
int jailhouse_cell_prepare_root(const struct jailhouse_system *sys);
void jailhouse_cell_register_root(void);
void jailhouse_cell_delete_all(void);
/* Before a disable: Linux lets go of the root's virtual devices. */
void jailhouse_cell_root_devices_remove(void);
/* After enable, or a disable the hypervisor refused: Linux finds them. */
void jailhouse_cell_root_devices_add(void);
/* Whether @cpu belongs to the root cell now (false while disabled). */
bool jailhouse_cell_root_has_cpu(unsigned int cpu);
int jailhouse_cmd_cell_create(void __user *arg);
int jailhouse_cmd_cell_load(void __user *arg);
int jailhouse_cmd_cell_start(void __user *arg);
int jailhouse_cmd_cell_destroy(void __user *arg);

/* sysfs.c */
int jailhouse_sysfs_init(struct device *dev);
void jailhouse_sysfs_exit(struct device *dev);
void jailhouse_sysfs_cell_init(struct jailhouse_cell *cell);
int jailhouse_sysfs_cell_add(struct jailhouse_cell *cell);
void jailhouse_sysfs_cell_update_cpus(struct jailhouse_cell *cell);
void jailhouse_sysfs_cell_del(struct jailhouse_cell *cell);
int jailhouse_sysfs_core_add(void *core, size_t size);
void jailhouse_sysfs_core_del(void);

/* console.c */
int jailhouse_console_open(struct inode *inode, struct file *file);
int jailhouse_console_release(struct inode *inode, struct file *file);
ssize_t jailhouse_console_read(struct file *file, char __user *buf,
			       size_t count, loff_t *ppos);
size_t jailhouse_console_snapshot(char *buf, size_t size);

/* ksym.c */
void *jailhouse_ksym(const char *name);

/*
 * hv_map.c: the executable mapping of the hypervisor memory in
 * [start, end) of the kernel's address space (vm_flags of its vmalloc
 * area); init looks up the kernel functions it needs.
 */
void jailhouse_hv_map_init(void);
void *jailhouse_hv_map(phys_addr_t phys, unsigned long size,
		       unsigned long start, unsigned long end,
		       unsigned long vm_flags);
void jailhouse_hv_unmap(void *virt);

/* x86.c, arm64.c, armv7.c; arm.c for what both ARM ones share */
int jailhouse_arch_init(void);
void jailhouse_arch_exit(void);
int jailhouse_arch_check_cpu(void);
const char *jailhouse_arch_firmware_name(void);
/* Map the hypervisor memory where the arch runs it (hv_map.c). */
void *jailhouse_arch_map(phys_addr_t phys, unsigned long size);
/*
 * The image and config are in place and the header filled by the driver;
 * the arch adds its header fields and makes the code executable.
 */
void jailhouse_arch_image_loaded(struct jailhouse_header *header,
				 void *mem, unsigned long size);
bool jailhouse_arch_cpu_may_leave_root(unsigned int cpu);
/*
 * A virtual PCI host of the hypervisor that Linux cannot find by itself
 * (ARM: arm_vpci.c; x86 has none): prepare takes what enable's config
 * says, add makes the host appear once the hypervisor runs, remove takes
 * it away before the hypervisor goes.
 */
void jailhouse_arch_vpci_prepare(const struct jailhouse_system *sys);
void jailhouse_arch_vpci_add(void);
void jailhouse_arch_vpci_remove(void);

/*
 * The result register is 32 bits wide on x86 and ARMv7 and 64 on arm64;
 * widen it with its sign so that callers see negative errno values.
 */
static inline long jailhouse_hypercall(unsigned int code, unsigned long arg1,
				       unsigned long arg2)
{
	__typeof__(jailhouse_call(0)) ret =
		jailhouse_call_arg2(code, arg1, arg2);

	if (sizeof(ret) == 4)
		return (s32)ret;
	return (long)ret;
}

#endif /* !_JAILHOUSE_DRIVER_H */
