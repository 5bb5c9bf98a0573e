// SPDX-License-Identifier: GPL-2.0
/*
 * Port I/O: the I/O permission map of a cell lets the ports of its config
 * through; everything else exits here. The PCI config ports always exit,
 * whatever a config says: they reach every device of the system.
 */
#include <jailhouse/cell-config.h>
#include <core/cell.h>
#include <core/errno.h>
#include <core/page_pool.h>
#include <core/percpu.h>
#include <core/printk.h>
#include <core/string.h>
#include <x86/cell.h>
#include <x86/exits.h>
#include <x86/pci.h>
#include <x86/vcpu.h>

/* PCI configuration address and data ports (mechanism #1). */
#define PCI_CONF1_FIRST		0xcf8
#define PCI_CONF1_LAST		0xcff

int pio_init_bitmap(struct arch_cell *ac,
		    const struct jailhouse_cell_desc *config)
{
	const struct jailhouse_pio *pio = jailhouse_cell_pio(config);
	unsigned int n, port;

	ac->iopm = page_alloc(&mem_pool, vcpu_iopm_pages);
	if (!ac->iopm)
		return -ENOMEM;
	/* A set bit intercepts the port; start with all of them. */
	memset(ac->iopm, 0xff, vcpu_iopm_pages * PAGE_SIZE);

	for (n = 0; n < config->num_pio_regions; n++, pio++)
		for (port = pio->base;
		     port < (unsigned int)pio->base + pio->length &&
		     port <= 0xffff; port++)
			vcpu_iopm_set(ac->iopm, port, false);
	for (port = PCI_CONF1_FIRST; port <= PCI_CONF1_LAST; port++)
		vcpu_iopm_set(ac->iopm, port, true);
	return 0;
}

/* Result of an IN: the accumulator's low size bytes replaced. */
static void complete_in(struct guest_regs *regs, unsigned int size,
			u32 value)
{
	if (size == 4)
		regs->rax = value;
	else if (size == 2)
		regs->rax = (regs->rax & ~0xffffUL) | value;
	else
		regs->rax = (regs->rax & ~0xffUL) | value;
}

/*
 * Only the PCI config ports are handled; string and REP forms are
 * refused: no cell needs them on trapped ports.
 */
void pio_handle_exit(struct per_cpu *cpu, struct guest_regs *regs,
		     const struct vcpu_io_intercept *io)
{
	unsigned int size = io->size;
	u32 value = regs->rax;
	char why[64];

	cpu->stats[JAILHOUSE_CPU_STAT_VMEXITS_PIO]++;
	if (io->string_or_rep || (size != 1 && size != 2 && size != 4) ||
	    pci_conf1_access(cpu, io->port, size, io->in, &value)) {
		snprintk(why, sizeof(why), "forbidden port I/O: %s port 0x%x",
			 io->in ? "in from" : "out to", io->port);
		vcpu_fatal(cpu, regs, why);
		return;
	}
	if (io->in)
		complete_in(regs, size, value);
	vcpu_skip_instruction(cpu, io->length);
}
