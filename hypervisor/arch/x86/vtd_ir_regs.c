// SPDX-License-Identifier: GPL-2.0
/*
 * The VT-d unit as the root cell sees it once the hypervisor took its
 * interrupt remapping over (vtd_ir.c): every access to the register page
 * traps here. Linux's own register values are kept and shown back; its
 * commands change only its view, except that a new table pointer or a
 * switch of remapping makes its entries checked again; its invalidation
 * queue (in its RAM) is run here, descriptor by descriptor: entry cache
 * invalidations check and copy the entries they name, wait descriptors
 * write their status into the root's RAM only, caches of DMA remapping
 * (which is the hypervisor's) need nothing. Fault status reads as
 * clear: the hypervisor reports faults itself.
 */
#include <core/cell.h>
#include <core/errno.h>
#include <core/mmio.h>
#include <core/printk.h>
#include <core/refusal.h>
#include <core/spinlock.h>
#include <x86/vtd_ir.h>

/* Linux's wait descriptor: its status write goes to root RAM only. */
static void emulate_wait(struct vtd_unit *u, struct vtd_ir *ir, u64 lo,
			 u64 hi)
{
	volatile u32 *status;

	vtd_ir_flush_entries(u, ir);
	if (lo & VTD_QI_WAIT_IF)
		ir->ics |= VTD_ICS_IWC;
	if (!(lo & VTD_QI_WAIT_SW))
		return;
	status = vtd_ir_root_memory(hi & ~3ULL, true);
	if (status)
		*status = lo >> VTD_QI_WAIT_DATA_SHIFT;
	else
		refusal_printk(&root_cell, "VT-d unit at 0x%llx: wait "
			       "status at 0x%llx outside the root cell's "
			       "RAM, not written\n", u->base, hi & ~3ULL);
}

/* One descriptor of Linux's queue. */
static void emulate_descriptor(struct vtd_unit *u, struct vtd_ir *ir,
			       u64 lo, u64 hi)
{
	unsigned int im = (lo >> VTD_QI_IEC_IM_SHIFT) & VTD_QI_IEC_IM_MASK;

	switch (lo & VTD_QI_TYPE_MASK) {
	case VTD_QI_IEC:
		if (lo & VTD_QI_IEC_INDEXED)
			vtd_ir_sync_range(u, ir, (lo >> VTD_QI_IEC_IDX_SHIFT) &
				   0xffff, 1UL << im, true);
		else
			vtd_ir_sync_range(u, ir, 0, ROOT_ENTRIES, true);
		break;
	case VTD_QI_WAIT:
		emulate_wait(u, ir, lo, hi);
		break;
	default:
		/* Caches of DMA remapping, which is the hypervisor's. */
		break;
	}
}

/* Linux moved its tail: run what it queued, up to the tail. */
static void emulate_queue(struct vtd_unit *u, struct vtd_ir *ir, u32 iqt)
{
	unsigned int tail = (iqt >> VTD_IQ_INDEX_SHIFT) %
		vtd_ir_queue_entries(ir);
	const volatile u64 *desc;
	u64 addr;

	if (!(ir->gsts & VTD_GCMD_QIE))
		return;
	while (ir->iqh != tail) {
		addr = (ir->iqa & VTD_IQA_ADDR) + ir->iqh * 16ULL;
		desc = vtd_ir_root_memory(addr, false);
		if (!desc) {
			refusal_printk(&root_cell, "VT-d unit at 0x%llx: "
				       "invalidation queue at 0x%llx outside "
				       "the root cell's RAM\n", u->base, addr);
			break;
		}
		emulate_descriptor(u, ir, desc[0], desc[1]);
		ir->iqh = (ir->iqh + 1) % vtd_ir_queue_entries(ir);
	}
	vtd_ir_flush_entries(u, ir);
}

/* A command of Linux: what it may change, it changes in its own view. */
static void emulate_command(struct vtd_unit *u, struct vtd_ir *ir, u32 cmd)
{
	if (cmd & (VTD_GCMD_TE | VTD_GCMD_CFI))
		refusal_printk(&root_cell, "VT-d unit at 0x%llx: the root "
			       "cell may not switch on %s; ignored\n", u->base,
			       cmd & VTD_GCMD_TE ? "DMA remapping" :
			       "compatibility-format interrupts");
	/* The head starts over whenever the queue is switched. */
	if ((cmd ^ ir->gsts) & VTD_GCMD_QIE)
		ir->iqh = 0;
	ir->gsts = (ir->gsts & ~(VTD_GCMD_QIE | VTD_GCMD_IRE)) |
		(cmd & (VTD_GCMD_QIE | VTD_GCMD_IRE));
	if (cmd & VTD_GCMD_SIRTP) {
		ir->irta_live = ir->irta;
		ir->gsts |= VTD_GCMD_SIRTP;
	}
	vtd_ir_sync_range(u, ir, 0, ROOT_ENTRIES, true);
	vtd_ir_flush_entries(u, ir);
}

static u32 *event_reg(struct vtd_ir *ir, unsigned int reg)
{
	if (reg >= VTD_REG_FECTL && reg <= VTD_REG_FEUADDR)
		return &ir->fault_regs[(reg - VTD_REG_FECTL) / 4];
	if (reg >= VTD_REG_IECTL && reg <= VTD_REG_IEUADDR)
		return &ir->completion_regs[(reg - VTD_REG_IECTL) / 4];
	return NULL;
}

static u32 half(u64 value, unsigned int reg)
{
	return reg & 4 ? value >> 32 : (u32)value;
}

static void set_half(u64 *value, unsigned int reg, u32 v)
{
	unsigned int shift = reg & 4 ? 32 : 0;

	*value = (*value & ~(0xffffffffULL << shift)) | (u64)v << shift;
}

/* Linux's view of the 32-bit register at reg. */
static u32 read_reg(const struct vtd_unit *u, struct vtd_ir *ir,
		    unsigned int reg)
{
	u32 *ev = event_reg(ir, reg);

	if (ev)
		return *ev;
	switch (reg & ~4U) {
	case 0x00:
	case VTD_REG_CAP:
	case VTD_REG_ECAP:
		return vtd_read32(u, reg);
	case VTD_REG_GCMD:
		return reg & 4 ? ir->gsts : 0;
	case VTD_REG_IQH:
	case VTD_REG_IQT:
		return reg & 4 ? 0 : ir->iqh << VTD_IQ_INDEX_SHIFT;
	case VTD_REG_IQA:
		return half(ir->iqa, reg);
	case VTD_REG_ICS & ~4U:
		return reg & 4 ? ir->ics : 0;
	case VTD_REG_IRTA:
		return half(ir->irta, reg);
	}
	/* Fault status and records: the hypervisor reports faults. */
	return 0;
}

static void write_reg(struct vtd_unit *u, struct vtd_ir *ir,
		      unsigned int reg, u32 value)
{
	u32 *ev = event_reg(ir, reg);

	if (ev) {
		*ev = value;
		return;
	}
	switch (reg) {
	case VTD_REG_GCMD:
		emulate_command(u, ir, value);
		break;
	case VTD_REG_IQT:
		emulate_queue(u, ir, value);
		break;
	case VTD_REG_IQA:
	case VTD_REG_IQA + 4:
		if (!(ir->gsts & VTD_GCMD_QIE))
			set_half(&ir->iqa, reg, value);
		break;
	case VTD_REG_ICS:
		ir->ics &= ~value;
		break;
	case VTD_REG_IRTA:
	case VTD_REG_IRTA + 4:
		set_half(&ir->irta, reg, value);
		break;
	}
}

static enum mmio_result ir_access(void *arg, struct mmio_access *acc)
{
	struct vtd_unit *u = arg;
	unsigned int reg = acc->address;
	struct vtd_ir *ir;

	if ((acc->size != 4 && acc->size != 8) || (reg & (acc->size - 1)))
		return MMIO_ERROR;
	spin_lock(&vtd_ir_lock);
	ir = u->ir;
	if (!ir) {
		/* Handed back while this CPU was still on its way out. */
		if (!acc->is_write)
			acc->value = 0;
	} else if (acc->is_write) {
		write_reg(u, ir, reg, acc->value);
		if (acc->size == 8)
			write_reg(u, ir, reg + 4, acc->value >> 32);
	} else {
		acc->value = read_reg(u, ir, reg);
		if (acc->size == 8)
			acc->value |= (u64)read_reg(u, ir, reg + 4) << 32;
	}
	spin_unlock(&vtd_ir_lock);
	return MMIO_HANDLED;
}

int vtd_ir_cell_init(struct vtd_unit *u, struct cell *cell)
{
	if (!u->ir || cell != &root_cell)
		return 0;
	return mmio_region_register(cell, u->base, u->pages * PAGE_SIZE,
				    ir_access, u);
}
