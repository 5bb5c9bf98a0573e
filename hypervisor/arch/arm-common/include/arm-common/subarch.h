/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The contract between arm-common and the two ARM sub-architectures,
 * arch/arm64 (AArch64, EL2) and arch/arm (ARMv7 with the virtualization
 * extensions, HYP mode). arm-common reaches the CPU only through what is
 * listed here; each sub-arch provides it under the same names, in the
 * headers included below and in its own C and assembly files. A file of
 * arm-common includes this header, never a sub-arch header directly.
 *
 * <asm/layout.h>: the hypervisor's address space.
 *   HV_BASE			link address of the image, start of the
 *				hypervisor memory in its own mapping
 *   HV_REMAP_BASE		window of the remap pool
 *   HV_DEVICE_BASE, HV_DEVICE_SIZE  window hv_map_device() hands out
 *
 * <asm/sysregs.h>: system registers by name. sysreg_read(NAME) yields
 * the register's value (64-bit registers as u64), sysreg_write(NAME, v)
 * sets it; AArch64 uses MRS/MSR, AArch32 MRC/MCR or MRRC/MCRR. Names
 * arm-common uses, each an AArch64 name without its _ELx suffix:
 *   FAR			faulting virtual address (FAR_EL2, HDFAR)
 *   HPFAR			faulting IPA page of a stage-2 abort
 *   VTTBR			stage-2 root and VMID
 *   ICC_PMR, ICC_IAR1, ICC_EOIR1, ICC_DIR, ICC_BPR1, ICC_CTLR,
 *   ICC_IGRPEN1, ICC_SGI1R	GICv3 physical CPU interface (SGI1R 64-bit)
 *   ICH_HCR, ICH_VTR, ICH_VMCR, ICH_ELRSR, ICH_AP0R0, ICH_AP1R0
 *				GICv3 virtual interface control
 * and one accessor pair for the list registers, which AArch32 reaches as
 * two 32-bit halves (ICH_LR<n> low, ICH_LRC<n> high):
 *   u64 ich_lr_read(unsigned int n);
 *   void ich_lr_write(unsigned int n, u64 val);
 * (GICv2's GICH is memory-mapped, the same on both.)
 *
 * <asm/processor.h>: barriers and maintenance, each a complete sequence
 * (the barriers it needs before and after are included):
 *   isb(), dsb_ish()		instruction and inner-shareable data barrier
 *   wfi()			wait for an interrupt (EL2 runs masked; a
 *				pending one ends it all the same)
 *   flush_guest_tlb_local()	EL1&0 translations of the VMID in VTTBR,
 *   flush_guest_tlb_all()	on this CPU / on all CPUs
 *   flush_hyp_tlb_local()	the hypervisor's translations, this CPU
 *   flush_hyp_tlb_all()	the same, all CPUs
 *   flush_hyp_tlb_range(virt, size)  one range, all CPUs
 *   dcache_flush_poc(start, size)  clean and invalidate to the point of
 *				coherency, by virtual address
 *
 * <asm/trap_frame.h>: the guest's general registers as the exception
 * entry saved them.
 *   struct trap_frame
 *   unsigned long trap_reg(const struct trap_frame *f, unsigned int n);
 *   void trap_set_reg(struct trap_frame *f, unsigned int n,
 *		       unsigned long val);
 *				register n as a syndrome names it (AArch64:
 *				x0..x30, 31 the zero register; AArch32:
 *				r0..r14 of the guest's current mode)
 *
 * The functions below are the sub-arch's, in C or assembly.
 */
#ifndef _ARM_COMMON_SUBARCH_H
#define _ARM_COMMON_SUBARCH_H

#include <core/types.h>
#include <asm/layout.h>
#include <asm/processor.h>
#include <asm/sysregs.h>
#include <asm/trap_frame.h>

struct per_cpu;
struct arm_trap;
struct cell;

/* The per-CPU area of the calling CPU (TPIDR_EL2 / HTPIDR). */
struct per_cpu *this_cpu(void);

/*
 * SMC into firmware with function id and three arguments (SMCCC): the
 * result register. Used for PSCI only, whose ids are known to firmware.
 */
long arm_smc(unsigned long fid, unsigned long a1, unsigned long a2,
	     unsigned long a3);

/*
 * Move the guest past the instruction that trapped: 4 bytes on AArch64;
 * on AArch32 2 or 4 by the syndrome's IL bit, and the IT state of a
 * Thumb IT block advanced (psr_it_advance).
 */
void arm_skip_instruction(const struct arm_trap *t);

/*
 * Second line of a fatal report: the exception registers of the trap
 * (syndrome, fault addresses, return address, saved status).
 */
void arm_dump_trap_regs(void);

/*
 * Whether this CPU can run the cell in the execution state its config
 * asks for (JAILHOUSE_CELL_AARCH32): 0, or one console line and a
 * negative errno. Called when a cell is created.
 */
int arm_cell_check_state(const struct cell *cell);

/* Run the guest with the registers of frame; never returns. */
void __noreturn arm_enter_guest(struct trap_frame *frame);

/*
 * The CPU leaves the hypervisor (DISABLE, or a failed enable): virtual
 * interface and stage 2 off, the mode below gets its CPU back with the
 * registers of frame.
 */
void __noreturn arm_cpu_leave(struct per_cpu *cpu, struct trap_frame *frame);

/*
 * Load cpu->cell's translation and traps on this CPU and let it start at
 * entry with the MMU off, context in the first argument register
 * (registers in frame).
 */
void arm_cpu_start(struct per_cpu *cpu, struct trap_frame *frame,
		   unsigned long entry, unsigned long context);

#endif /* !_ARM_COMMON_SUBARCH_H */
