// SPDX-License-Identifier: GPL-2.0
/* Host doubles of the arch_* interface (hypervisor/include/core/arch.h). */
#include <string.h>

#include <jailhouse/cell-config.h>
#include <core/arch.h>
#include <core/cell.h>
#include <core/errno.h>
#include <core/management.h>
#include <core/percpu.h>
#include <arm-common/gic_ops.h>
#include <arm-common/hv.h>

#include "arch_stubs.h"

const u8 arch_config_architecture = JAILHOUSE_X86;
/* Never dereferenced: the remap pool only hands out addresses. */
const unsigned long arch_remap_base = 0xffffff0000000000UL;
const struct jailhouse_console *dbg_console;

char dbg_output[8192];
size_t dbg_output_len;

void dbg_output_reset(void)
{
	dbg_output_len = 0;
	dbg_output[0] = '\0';
}

void arch_dbg_write(const char *s, size_t len)
{
	if (len > sizeof(dbg_output) - 1 - dbg_output_len)
		len = sizeof(dbg_output) - 1 - dbg_output_len;
	memcpy(dbg_output + dbg_output_len, s, len);
	dbg_output_len += len;
	dbg_output[dbg_output_len] = '\0';
}

void arch_dbg_init(const struct jailhouse_console *con)
{
	dbg_console = con;
}

unsigned int arch_init_early_calls;
unsigned int arch_cell_init_calls;
unsigned int arch_init_late_calls;
unsigned long arch_cpu_init_mask;
unsigned long arch_cpu_restore_mask;
int arch_cpu_init_fail_cpu = -1;

int arch_init_early(void)
{
	__atomic_add_fetch(&arch_init_early_calls, 1, __ATOMIC_RELAXED);
	return 0;
}

int arch_cell_init(struct cell *cell)
{
	(void)cell;
	__atomic_add_fetch(&arch_cell_init_calls, 1, __ATOMIC_RELAXED);
	return 0;
}

int arch_cpu_init(struct per_cpu *cpu)
{
	__atomic_or_fetch(&arch_cpu_init_mask, 1UL << cpu->cpu_id,
			  __ATOMIC_RELAXED);
	return (int)cpu->cpu_id == arch_cpu_init_fail_cpu ? -EIO : 0;
}

void arch_cpu_restore(struct per_cpu *cpu)
{
	__atomic_or_fetch(&arch_cpu_restore_mask, 1UL << cpu->cpu_id,
			  __ATOMIC_RELAXED);
}

int arch_init_late(void)
{
	__atomic_add_fetch(&arch_init_late_calls, 1, __ATOMIC_RELAXED);
	return 0;
}

/*
 * Cell management. "Physical" memory is fake_phys (FAKE_PHYS_BASE on);
 * mapping it into the remap window is done by copying, which is all the
 * core needs for reading configs.
 */
unsigned char fake_phys[FAKE_PHYS_SIZE] __attribute__((aligned(4096)));
unsigned int arch_cell_create_calls, arch_cell_destroy_calls;
unsigned int arch_map_calls, arch_unmap_calls;
struct root_op root_ops[ROOT_OPS_MAX];
unsigned int root_ops_len;

static void log_root_op(const struct cell *cell, int map,
			const struct jailhouse_memory *mem)
{
	if (cell != &root_cell || root_ops_len >= ROOT_OPS_MAX)
		return;
	root_ops[root_ops_len++] = (struct root_op){
		.map = map, .phys = mem->phys_start,
		.virt = mem->virt_start, .size = mem->size,
	};
}
unsigned int arch_flush_calls;
u32 arch_flush_seen_state;
unsigned long arch_park_mask, arch_reset_mask, arch_ipi_mask;

/*
 * Plain mappings (remap_cell_memory) copy fake_phys in and, at unmap,
 * back out, so that what the core writes through them arrives.
 */
#define NUM_PLAIN_MAPS		8
static struct {
	unsigned long virt, size;
	u64 phys;
} plain_maps[NUM_PLAIN_MAPS];

static int map_copy(unsigned long virt, u64 phys, unsigned long size)
{
	if (phys < FAKE_PHYS_BASE || phys - FAKE_PHYS_BASE > FAKE_PHYS_SIZE ||
	    size > FAKE_PHYS_SIZE - (phys - FAKE_PHYS_BASE))
		return -EINVAL;
	memcpy((void *)virt, fake_phys + (phys - FAKE_PHYS_BASE), size);
	return 0;
}

int arch_map_hv(unsigned long virt, u64 phys, unsigned long size)
{
	int err = map_copy(virt, phys, size);
	unsigned int n;

	for (n = 0; !err && n < NUM_PLAIN_MAPS; n++)
		if (!plain_maps[n].size) {
			plain_maps[n].virt = virt;
			plain_maps[n].phys = phys;
			plain_maps[n].size = size;
			break;
		}
	return err;
}

static void unmap_plain(unsigned long virt, unsigned long size)
{
	unsigned int n;

	for (n = 0; n < NUM_PLAIN_MAPS; n++)
		if (plain_maps[n].size == size && plain_maps[n].virt == virt) {
			memcpy(fake_phys + (plain_maps[n].phys -
					    FAKE_PHYS_BASE),
			       (void *)virt, size);
			plain_maps[n].size = 0;
			return;
		}
}

/*
 * Device mappings behave like real ones for the one access made through
 * them: what was written goes back to fake_phys at unmap time.
 */
static unsigned long device_virt, device_size;
static u64 device_phys;
unsigned int arch_map_device_calls;

int arch_map_device_hv(unsigned long virt, u64 phys, unsigned long size)
{
	int err = map_copy(virt, phys, size);

	if (!err) {
		device_virt = virt;
		device_phys = phys;
		device_size = size;
		arch_map_device_calls++;
	}
	return err;
}

void arch_unmap_hv(unsigned long virt, unsigned long size)
{
	if (device_size && virt == device_virt && size == device_size) {
		memcpy(fake_phys + (device_phys - FAKE_PHYS_BASE),
		       (void *)virt, size);
		device_size = 0;
	} else {
		unmap_plain(virt, size);
	}
	memset((void *)virt, 0x5a, size);
}

bool arch_intx_supported;
const struct cell *arch_intx_cell;
unsigned int arch_intx_pin, arch_intx_count;

bool arch_vpci_intx(void)
{
	return arch_intx_supported;
}

void arch_send_intx(const struct cell *cell, unsigned int pin)
{
	arch_intx_cell = cell;
	arch_intx_pin = pin;
	arch_intx_count++;
}

struct msi_call arch_msi_calls[ARCH_MSI_LOG];
unsigned int arch_msi_count;

void arch_send_msi(const struct cell *cell, u64 address, u32 data)
{
	if (arch_msi_count < ARCH_MSI_LOG)
		arch_msi_calls[arch_msi_count] = (struct msi_call){
			cell, address, data,
		};
	arch_msi_count++;
}

/* Never looked into; the core only needs cell->arch set. */
static char stub_arch_cell;

int arch_cell_create(struct cell *cell)
{
	cell->arch = (struct arch_cell *)&stub_arch_cell;
	arch_cell_create_calls++;
	return 0;
}

void arch_cell_destroy(struct cell *cell)
{
	cell->arch = NULL;
	arch_cell_destroy_calls++;
}

int arch_map_memory_region(struct cell *cell,
			   const struct jailhouse_memory *mem)
{
	log_root_op(cell, 1, mem);
	arch_map_calls++;
	return 0;
}

int arch_unmap_memory_region(struct cell *cell,
			     const struct jailhouse_memory *mem)
{
	log_root_op(cell, 0, mem);
	arch_unmap_calls++;
	return 0;
}

void arch_flush_cell_memory(struct cell *cell)
{
	arch_flush_calls++;
	arch_flush_seen_state = cell->comm_region->cell_state;
}

void arch_comm_region_init(struct cell *cell,
			   struct jailhouse_comm_region *comm)
{
	(void)cell;
	comm->num_cpus = 42;
}

u64 fake_time_ns, fake_time_step_ns = 1000;
unsigned long arch_gone_mask;

unsigned long arch_slow_mask;
unsigned int arch_slow_delay;
/* Resumed slow CPUs whose requests are still to be taken, and when. */
static unsigned long slow_pending;
static unsigned int slow_countdown;
static u32 slow_requests[8 * sizeof(unsigned long)];

/* Slow CPUs between taking their requests and carrying them out. */
static unsigned long slow_midway;

/*
 * A slow CPU is caught in the middle, as a preempted vCPU can be: at the
 * first tick it has taken its requests (the word is clear, the CPU busy),
 * only at the next does it carry them out.
 */
static void slow_cpus_tick(void)
{
	struct per_cpu *target;
	unsigned int cpu;

	for (cpu = 0; cpu < 8 * sizeof(slow_midway); cpu++)
		if (slow_midway & (1UL << cpu)) {
			slow_midway &= ~(1UL << cpu);
			target = per_cpu(cpu);
			target->requests = slow_requests[cpu];
			target->requests_busy = false;
			cpu_handle_requests(target);
		}
	if (!slow_pending || --slow_countdown)
		return;
	for (cpu = 0; cpu < 8 * sizeof(slow_pending); cpu++)
		if (slow_pending & (1UL << cpu)) {
			slow_pending &= ~(1UL << cpu);
			target = per_cpu(cpu);
			target->requests_busy = true;
			slow_requests[cpu] = target->requests;
			target->requests = 0;
			slow_midway |= 1UL << cpu;
		}
}

u64 arch_time_ns(void)
{
	slow_cpus_tick();
	return __atomic_add_fetch(&fake_time_ns, fake_time_step_ns,
				  __ATOMIC_RELAXED);
}

/* Targets answer at once, as if they ran the request loop themselves. */
void arch_send_management_ipi(struct per_cpu *target)
{
	arch_ipi_mask |= 1UL << target->cpu_id;
	if (arch_gone_mask & (1UL << target->cpu_id))
		return;
	if (__atomic_load_n(&target->suspend_cpu, __ATOMIC_ACQUIRE)) {
		target->cpu_suspended = true;
	} else if (target->cpu_suspended) {
		target->cpu_suspended = false;
		if (arch_slow_mask & (1UL << target->cpu_id)) {
			slow_pending |= 1UL << target->cpu_id;
			slow_countdown = arch_slow_delay;
			return;
		}
		cpu_handle_requests(target);
	}
}

unsigned int arch_wait_calls;

void arch_cpu_wait(struct per_cpu *cpu)
{
	(void)cpu;
	arch_wait_calls++;
}

void arch_cpu_tlb_flush(struct per_cpu *cpu)
{
	(void)cpu;
}

void arch_park_cpu(struct per_cpu *cpu)
{
	arch_park_mask |= 1UL << cpu->cpu_id;
}

void arch_reset_cpu(struct per_cpu *cpu)
{
	arch_reset_mask |= 1UL << cpu->cpu_id;
}

/*
 * ARM hypervisor services the GIC code uses. Only pointers to the
 * per-CPU areas pass through here, so the x86 view of struct per_cpu
 * this file is compiled with does not matter.
 */
struct fake_device fake_devices[NUM_FAKE_DEVICES];
unsigned int this_cpu_id;

void *hv_map_device(u64 phys, u64 size)
{
	unsigned int n;

	for (n = 0; n < NUM_FAKE_DEVICES; n++)
		if (fake_devices[n].mem && fake_devices[n].phys == phys &&
		    size <= fake_devices[n].size)
			return fake_devices[n].mem;
	return NULL;
}

struct per_cpu *this_cpu(void)
{
	return per_cpu(this_cpu_id);
}


u64 arch_msi_confined_address = 0xfee02000;
unsigned int arch_msi_confined_calls;

bool arch_msi_confined(const struct cell *cell, u64 address, u32 data,
		       unsigned int vectors)
{
	(void)cell;
	arch_msi_confined_calls++;
	return address == arch_msi_confined_address && (data & 0xff) >= 16 &&
		(vectors == 1 || arch_msi_remapping);
}

bool arch_msi_remapping;
bool arch_msi_root_check;

bool arch_msi_root_checked(void)
{
	return arch_msi_root_check;
}

int arch_msi_remap(const struct cell *cell, u16 bdf, unsigned int vector,
		   u64 *address, u32 *data)
{
	(void)cell;
	(void)bdf;
	if (!arch_msi_remapping)
		return 0;
	/* A remappable-looking message that names the vector. */
	*address = 0xfee00010 | vector << 5;
	*data = 0;
	return 0;
}
