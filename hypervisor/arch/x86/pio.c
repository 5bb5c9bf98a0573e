// SPDX-License-Identifier: GPL-2.0
/*
 * Port I/O: the I/O permission map of a cell lets the ports of its config
 * through; everything else exits here. The PCI config ports always exit,
 * whatever a config says: they reach every device of the system.
 */
#include <jailhouse/cell-config.h>
#include <core/bitmap.h>
#include <core/cell.h>
#include <core/errno.h>
#include <core/page_pool.h>
#include <core/percpu.h>
#include <core/printk.h>
#include <core/string.h>
#include <x86/io.h>
#include <x86/vmcb.h>
#include <x86/x86.h>

/* PCI configuration address and data ports (mechanism #1). */
#define PCI_CONF1_FIRST		0xcf8
#define PCI_CONF1_LAST		0xcff

int pio_init_bitmap(struct arch_cell *ac,
		    const struct jailhouse_cell_desc *config)
{
	const struct jailhouse_pio *pio = jailhouse_cell_pio(config);
	unsigned int n, port;

	ac->iopm = page_alloc(&mem_pool, SVM_IOPM_PAGES);
	if (!ac->iopm)
		return -ENOMEM;
	/* A set bit intercepts the port; start with all of them. */
	memset(ac->iopm, 0xff, SVM_IOPM_PAGES * PAGE_SIZE);

	for (n = 0; n < config->num_pio_regions; n++, pio++)
		for (port = pio->base;
		     port < (unsigned int)pio->base + pio->length &&
		     port <= 0xffff; port++)
			bitmap_clear_bit((unsigned long *)ac->iopm, port);
	for (port = PCI_CONF1_FIRST; port <= PCI_CONF1_LAST; port++)
		bitmap_set_bit((unsigned long *)ac->iopm, port);
	return 0;
}

u32 port_in(u16 port, unsigned int size)
{
	u32 value;

	if (size == 1) {
		u8 v;

		asm volatile("inb %1, %0" : "=a" (v) : "Nd" (port));
		value = v;
	} else if (size == 2) {
		u16 v;

		asm volatile("inw %1, %0" : "=a" (v) : "Nd" (port));
		value = v;
	} else {
		asm volatile("inl %1, %0" : "=a" (value) : "Nd" (port));
	}
	return value;
}

void port_out(u16 port, unsigned int size, u32 value)
{
	if (size == 1)
		asm volatile("outb %0, %1" : : "a" ((u8)value), "Nd" (port));
	else if (size == 2)
		asm volatile("outw %0, %1" : : "a" ((u16)value), "Nd" (port));
	else
		asm volatile("outl %0, %1" : : "a" (value), "Nd" (port));
}

/*
 * Returns 0 when handled, -EPERM for ports the cell may not use. String
 * and REP forms are refused: no cell needs them on trapped ports.
 */
int pio_handle_exit(struct per_cpu *cpu, struct guest_regs *regs)
{
	struct vmcb *vmcb = &cpu->arch.vmcb;
	u64 info = vmcb->exitinfo1;
	u16 port = info >> SVM_IOIO_PORT_SHIFT;
	unsigned int size = (info & SVM_IOIO_SIZE_MASK) >> SVM_IOIO_SIZE_SHIFT;
	bool in = info & SVM_IOIO_IN;
	u32 value = regs->rax;
	int err;

	if (info & (SVM_IOIO_STR | SVM_IOIO_REP))
		return -EINVAL;
	if (size != 1 && size != 2 && size != 4)
		return -EINVAL;

	err = pci_conf1_access(cpu, port, size, in, &value);
	if (err)
		return err;

	if (in) {
		if (size == 4)
			regs->rax = value;
		else if (size == 2)
			regs->rax = (regs->rax & ~0xffffUL) | value;
		else
			regs->rax = (regs->rax & ~0xffUL) | value;
	}
	/* EXITINFO2 is the address of the next instruction. */
	vmcb->rip = vmcb->exitinfo2;
	return 0;
}
