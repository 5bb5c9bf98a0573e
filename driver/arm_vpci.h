/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The hypervisor's virtual PCI host on ARM as the root's Linux gets to
 * see it (arm_vpci.c); arm_vpci_node.c writes its device tree node,
 * arm_vpci_sysfs.c shows that in sysfs.
 */
#ifndef _JAILHOUSE_ARM_VPCI_H
#define _JAILHOUSE_ARM_VPCI_H

#include <linux/types.h>

struct device_node;

/* What the system config says about the host, in Linux's terms. */
struct jailhouse_vpci_host {
	u64 ecam_base;
	u8 end_bus;
	u16 domain;
	/* GIC SPI number (INTID - 32) of INTA; INTB-INTD follow. */
	u32 spi_base;
	/* Where Linux may place the BARs of the virtual devices. */
	u64 window_base;
	u64 window_size;
};

/* The interrupt controller INTx goes to, from the live device tree. */
struct jailhouse_vpci_gic {
	u32 phandle;
	u32 address_cells;
};

/* 1 MiB of ECAM per bus: 32 devices, 8 functions, 4 KiB each. */
#define JAILHOUSE_ECAM_BUS_SIZE		(1ULL << 20)

/*
 * A flattened tree with a root (2 address and 2 size cells) and the host
 * as its only child; kmalloc'ed, NULL if it did not fit.
 */
void *jailhouse_vpci_node_blob(const struct jailhouse_vpci_host *host,
			       const struct jailhouse_vpci_gic *gic);

/* arm_vpci_sysfs.c: the node in /sys/firmware/devicetree/base or not. */
void jailhouse_vpci_node_show(struct device_node *np);
void jailhouse_vpci_node_hide(struct device_node *np);

#endif /* !_JAILHOUSE_ARM_VPCI_H */
