/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The whole interface from the core to architecture code. Each arch
 * provides every one of these under hypervisor/arch/<arch>/; there are
 * no defaults, so a port that lacks one fails to link instead of doing
 * nothing at run time. The core never includes anything from there.
 * Host unit tests provide stubs (tests/unit/arch_stubs.c).
 */
#ifndef _CORE_ARCH_H
#define _CORE_ARCH_H

#include <core/types.h>

struct cell;
struct jailhouse_comm_region;
struct jailhouse_console;
struct jailhouse_memory;
struct per_cpu;

/* JAILHOUSE_X86/ARM/ARM64: the architecture byte configs must carry. */
extern const u8 arch_config_architecture;

/*
 * Virtual address of the remap pool's window (REMAP_POOL_PAGES pages)
 * in the hypervisor's address space; the arch keeps it free.
 */
extern const unsigned long arch_remap_base;

/*
 * Prepare the debug console the system config describes (driver chosen
 * by its type). Unknown or absent consoles make arch_dbg_write a no-op.
 */
void arch_dbg_init(const struct jailhouse_console *con);

/*
 * Write len bytes to the debug console given by the system config (the
 * arch picks the UART driver). "\n" is a line end; the driver adds "\r"
 * where the device needs it. Called with the printk lock held.
 */
void arch_dbg_write(const char *s, size_t len);

/*
 * Global arch setup on the first CPU, after the pools exist: the
 * hypervisor's own address space, checks of the CPU's virtualization
 * support (-ENODEV without it).
 */
int arch_init_early(void);

/* Arch state of a cell from its config (second-stage tables etc.). */
int arch_cell_init(struct cell *cell);

/*
 * Take over this CPU from Linux: save its state, switch to the
 * hypervisor's tables, enable virtualization and prepare the guest that
 * continues Linux. Runs on every CPU, after arch_init_early.
 */
int arch_cpu_init(struct per_cpu *cpu);

/*
 * Undo arch_cpu_init, however far it got, when setup fails anywhere: the
 * CPU returns to Linux with the error.
 */
void arch_cpu_restore(struct per_cpu *cpu);

/* Global arch setup on the last CPU, after every CPU is initialized. */
int arch_init_late(void);

/*
 * Map size bytes at phys into the hypervisor's address space at virt
 * (inside the remap window), readable and writable, for this CPU; and
 * remove such a mapping again.
 */
int arch_map_hv(unsigned long virt, u64 phys, unsigned long size);
void arch_unmap_hv(unsigned long virt, unsigned long size);
/*
 * Like arch_map_hv, but as device memory (uncached, no merging, no
 * speculative reads) for device registers the core reaches on behalf of
 * a cell (sub-page regions, core/mmio.h); arch_unmap_hv removes it.
 */
int arch_map_device_hv(unsigned long virt, u64 phys, unsigned long size);

/*
 * Cells other than the root (cell.c). arch_cell_create builds the arch
 * state of a new cell from its validated config, without its memory
 * regions (the core maps those one by one); it may refuse what the arch
 * cannot give a cell (-EINVAL, one console line). The arch may also move
 * resources of the config (I/O ports) away from the root cell here and
 * back in arch_cell_destroy, which frees everything arch_cell_create
 * allocated, also after a partial failure.
 */
int arch_cell_create(struct cell *cell);
void arch_cell_destroy(struct cell *cell);

/*
 * Map or unmap one region in the cell's second-stage tables: guest
 * mem->virt_start to mem->phys_start, mem->size bytes, access by
 * mem->flags. The CPUs of the cell are suspended or not running it.
 */
int arch_map_memory_region(struct cell *cell,
			   const struct jailhouse_memory *mem);
int arch_unmap_memory_region(struct cell *cell,
			     const struct jailhouse_memory *mem);

/*
 * A cell is about to start: what the root cell loaded into its RAM
 * regions, and the comm region the hypervisor wrote, must reach memory
 * for CPUs that start with their caches off; cached copies go (ARM).
 * The root cell has lost access already and the cell's CPUs are stopped.
 */
void arch_flush_cell_memory(struct cell *cell);

/* Fill the arch fields at the end of a cell's comm region. */
void arch_comm_region_init(struct cell *cell,
			   struct jailhouse_comm_region *comm);

/*
 * Read or write one register of a PCI function's config space in the
 * hardware (size 1, 2 or 4, reg a multiple of it, below 0x1000) for the
 * filter of pci.c. Reads of what the arch cannot reach return all-ones.
 */
u32 arch_pci_read_config(u16 bdf, u16 reg, unsigned int size);
void arch_pci_write_config(u16 bdf, u16 reg, u32 value, unsigned int size);

/*
 * Deliver the MSI message (address, data) a device model of the core
 * (ivshmem) raises for cell: only to CPUs that belong to cell now, and
 * only a fixed or lowest-priority interrupt; anything else is dropped.
 * Architectures without MSI for cells drop every message.
 */
void arch_send_msi(const struct cell *cell, u64 address, u32 data);

/*
 * Whether a device that cell owns may be enabled with the MSI message
 * (address, data) and its vectors consecutive vectors: every CPU it
 * reaches belongs to cell, and it names at least one. Architectures
 * without MSI for cells confirm none.
 */
bool arch_msi_confined(const struct cell *cell, u64 address, u32 data,
		       unsigned int vectors);
/*
 * Whether the root cell's own MSI messages are checked with
 * arch_msi_confined like a cell's: not where a remapping unit checks the
 * entries they select (x86 under VT-d interrupt remapping), nor where
 * they name no CPU (ARM).
 */
bool arch_msi_root_checked(void);
/*
 * Where an interrupt remapping unit is on, the message (address, data),
 * confined to cell, that its device bdf gets instead for its interrupt
 * vector (0 for MSI, the table index for MSI-X): one that selects an
 * entry naming the same CPU and vector, usable by bdf alone. 0 (the
 * message unchanged elsewhere), or a negative errno when no entry is
 * left: the device's MSI then stays disabled, the MSI-X vector masked.
 */
int arch_msi_remap(const struct cell *cell, u16 bdf, unsigned int vector,
		   u64 *address, u32 *data);

/*
 * INTx of the core's virtual PCI devices (ivshmem without MSI-X).
 * arch_vpci_intx says whether the arch delivers it at all (ARM: yes, as
 * SPIs of the virtual PCI host; x86: no, such devices are refused).
 * arch_send_intx raises pin (1 to 4, INTA to INTD) of a device of cell
 * once, edge-like; the arch drops it where cell owns no such interrupt.
 */
bool arch_vpci_intx(void);
void arch_send_intx(const struct cell *cell, unsigned int pin);

/*
 * A monotonic clock in nanoseconds, readable on every CPU at any time
 * (x86: TSC, ARM: the generic timer's physical count). Bounds the waits
 * of the core (replies of cells) and paces guest-triggered messages; a
 * few percent off is fine.
 */
u64 arch_time_ns(void);

/* Kick target into the hypervisor to look at its requests. */
void arch_send_management_ipi(struct per_cpu *target);

/*
 * Wait in the hypervisor, on cpu itself, until kicked; may return
 * earlier. Callers re-check what they wait for.
 */
void arch_cpu_wait(struct per_cpu *cpu);

/*
 * On cpu itself, when it resumes from a suspension: its mappings may
 * have changed, so the guest's TLB entries must go.
 */
void arch_cpu_tlb_flush(struct per_cpu *cpu);

/*
 * On cpu itself: stop running guest code and take on the context of
 * cpu->cell (it may have changed); the CPU then waits for a reset.
 */
void arch_park_cpu(struct per_cpu *cpu);

/*
 * On cpu itself: start over in cpu->cell as the start convention of the
 * arch says (Documentation/inmate-interface.md): the cell's first CPU
 * runs from the reset state, the others wait for the cell to start them.
 */
void arch_reset_cpu(struct per_cpu *cpu);

#endif /* _CORE_ARCH_H */
