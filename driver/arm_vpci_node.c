// SPDX-License-Identifier: GPL-2.0
/*
 * The device tree node of the virtual PCI host, in the binding of
 * Linux's generic ECAM host ("pci-host-ecam-generic", which
 * pci-host-generic drives): config space window, bus range, PCI domain,
 * one 32-bit memory window for the BARs (PCI addresses equal CPU ones),
 * and an interrupt map that sends INTA-INTD of every slot to the SPIs the
 * hypervisor raises for them. No msi-parent: the devices have no MSI
 * here, Linux marks the bus so and drivers take INTx.
 */
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "arm_vpci.h"
#include "fdt_writer.h"

/* Cells of the PCI binding: phys.hi of 32-bit memory space. */
#define PCI_SPACE_MEM32		0x02000000
#define PCI_ADDRESS_CELLS	3
#define PCI_SIZE_CELLS		2
/* The GIC binding's interrupt specifier: type, number, flags. */
#define GIC_SPI			0
#define GIC_IRQ_EDGE_RISING	1
#define GIC_INTERRUPT_CELLS	3
#define INTX_PINS		4
/* The GIC's #address-cells we accept (zeros in the map). */
#define GIC_ADDRESS_CELLS_MAX	3
#define MAP_ENTRY_CELLS_MAX	(PCI_ADDRESS_CELLS + 1 + 1 + \
				 GIC_ADDRESS_CELLS_MAX + GIC_INTERRUPT_CELLS)

static __be32 *put_u64(__be32 *cell, u64 value)
{
	*cell++ = cpu_to_be32(upper_32_bits(value));
	*cell++ = cpu_to_be32(lower_32_bits(value));
	return cell;
}

static void put_reg(struct jailhouse_fdt *fdt,
		    const struct jailhouse_vpci_host *host)
{
	__be32 reg[4], *cell = reg;

	cell = put_u64(cell, host->ecam_base);
	put_u64(cell, (host->end_bus + 1) * JAILHOUSE_ECAM_BUS_SIZE);
	jailhouse_fdt_prop(fdt, "reg", reg, sizeof(reg));
}

static void put_ranges(struct jailhouse_fdt *fdt,
		       const struct jailhouse_vpci_host *host)
{
	__be32 ranges[PCI_ADDRESS_CELLS + 2 + PCI_SIZE_CELLS], *cell = ranges;

	*cell++ = cpu_to_be32(PCI_SPACE_MEM32);
	cell = put_u64(cell, host->window_base);
	cell = put_u64(cell, host->window_base);
	put_u64(cell, host->window_size);
	jailhouse_fdt_prop(fdt, "ranges", ranges, sizeof(ranges));
}

static void put_bus_range(struct jailhouse_fdt *fdt,
			  const struct jailhouse_vpci_host *host)
{
	__be32 range[2] = { 0, cpu_to_be32(host->end_bus) };

	jailhouse_fdt_prop(fdt, "bus-range", range, sizeof(range));
}

/* Only the pin matters: the hypervisor's SPI does not depend on the slot. */
static void put_interrupt_map(struct jailhouse_fdt *fdt,
			      const struct jailhouse_vpci_host *host,
			      const struct jailhouse_vpci_gic *gic)
{
	static const __be32 mask[PCI_ADDRESS_CELLS + 1] = {
		0, 0, 0, cpu_to_be32(7),
	};
	__be32 map[INTX_PINS * MAP_ENTRY_CELLS_MAX], *cell = map;
	unsigned int pin, n;

	memset(map, 0, sizeof(map));
	for (pin = 1; pin <= INTX_PINS; pin++) {
		cell += PCI_ADDRESS_CELLS;
		*cell++ = cpu_to_be32(pin);
		*cell++ = cpu_to_be32(gic->phandle);
		cell += gic->address_cells;
		*cell++ = cpu_to_be32(GIC_SPI);
		*cell++ = cpu_to_be32(host->spi_base + pin - 1);
		*cell++ = cpu_to_be32(GIC_IRQ_EDGE_RISING);
	}
	n = cell - map;
	jailhouse_fdt_prop(fdt, "interrupt-map", map, n * sizeof(*map));
	jailhouse_fdt_prop(fdt, "interrupt-map-mask", mask, sizeof(mask));
}

static void put_host(struct jailhouse_fdt *fdt,
		     const struct jailhouse_vpci_host *host,
		     const struct jailhouse_vpci_gic *gic)
{
	char name[32];

	snprintf(name, sizeof(name), "pcie@%llx", host->ecam_base);
	jailhouse_fdt_begin_node(fdt, name);
	jailhouse_fdt_prop_string(fdt, "compatible", "pci-host-ecam-generic");
	jailhouse_fdt_prop_string(fdt, "device_type", "pci");
	put_reg(fdt, host);
	put_bus_range(fdt, host);
	jailhouse_fdt_prop_u32(fdt, "linux,pci-domain", host->domain);
	jailhouse_fdt_prop_u32(fdt, "#address-cells", PCI_ADDRESS_CELLS);
	jailhouse_fdt_prop_u32(fdt, "#size-cells", PCI_SIZE_CELLS);
	put_ranges(fdt, host);
	jailhouse_fdt_prop_u32(fdt, "#interrupt-cells", 1);
	put_interrupt_map(fdt, host, gic);
	jailhouse_fdt_end_node(fdt);
}

void *jailhouse_vpci_node_blob(const struct jailhouse_vpci_host *host,
			       const struct jailhouse_vpci_gic *gic)
{
	struct jailhouse_fdt *fdt;
	void *blob;

	if (gic->address_cells > GIC_ADDRESS_CELLS_MAX)
		return NULL;
	/* About 1.5 KiB: too much for the stack. */
	fdt = kmalloc(sizeof(*fdt), GFP_KERNEL);
	if (!fdt)
		return NULL;
	jailhouse_fdt_init(fdt);
	jailhouse_fdt_begin_node(fdt, "");
	jailhouse_fdt_prop_u32(fdt, "#address-cells", 2);
	jailhouse_fdt_prop_u32(fdt, "#size-cells", 2);
	put_host(fdt, host, gic);
	jailhouse_fdt_end_node(fdt);
	blob = jailhouse_fdt_finish(fdt);
	kfree(fdt);
	return blob;
}
