// SPDX-License-Identifier: GPL-2.0
/*
 * CPUs managing CPUs. The manager writes flags into the target's per-CPU
 * area and kicks it; the target notices in its exit handler or in a wait
 * loop of the hypervisor and calls cpu_handle_requests(). Every change of
 * a flag is followed by a kick, so a target may sleep until kicked.
 */
#include <core/arch.h>
#include <core/cell.h>
#include <core/errno.h>
#include <core/hypervisor.h>
#include <core/management.h>
#include <core/percpu.h>
#include <core/printk.h>
#include <core/spinlock.h>

/*
 * A kicked CPU enters the hypervisor within microseconds; one that has
 * not after this long never will (its kicks are lost, or it has left),
 * and waiting on would hold the management lock for good.
 */
#define SUSPEND_WAIT_MAX_NS	10000000000ULL

static DEFINE_SPINLOCK(management_spinlock);

void management_lock(struct per_cpu *cpu)
{
	while (!spin_trylock(&management_spinlock)) {
		/* The holder may be waiting for us to suspend. */
		if (__atomic_load_n(&cpu->suspend_cpu, __ATOMIC_ACQUIRE))
			cpu_handle_requests(cpu);
	}
}

void management_unlock(void)
{
	spin_unlock(&management_spinlock);
}

static bool wait_suspended(struct per_cpu *target, u64 deadline)
{
	while (!__atomic_load_n(&target->cpu_suspended, __ATOMIC_ACQUIRE))
		if (arch_time_ns() >= deadline)
			return false;
	return true;
}

int cell_suspend(struct cell *cell, struct per_cpu *self)
{
	u64 deadline = arch_time_ns() + SUSPEND_WAIT_MAX_NS;
	struct per_cpu *target;
	unsigned int cpu;

	for_each_cpu_of(cpu, cell) {
		target = per_cpu(cpu);
		if (target == self)
			continue;
		__atomic_store_n(&target->suspend_cpu, true, __ATOMIC_RELEASE);
		arch_send_management_ipi(target);
	}
	for_each_cpu_of(cpu, cell) {
		target = per_cpu(cpu);
		if (target == self || wait_suspended(target, deadline))
			continue;
		printk("CPU %u of cell \"%s\" does not answer: operation "
		       "abandoned\n", cpu, cell->config->name);
		cell_resume(cell, self);
		return -ETIMEDOUT;
	}
	return 0;
}

void cell_resume(struct cell *cell, struct per_cpu *self)
{
	struct per_cpu *target;
	unsigned int cpu;

	for_each_cpu_of(cpu, cell) {
		target = per_cpu(cpu);
		if (target == self)
			continue;
		__atomic_store_n(&target->suspend_cpu, false, __ATOMIC_RELEASE);
		arch_send_management_ipi(target);
	}
}

void cell_wait_requests_taken(struct cell *cell)
{
	u64 deadline = arch_time_ns() + SUSPEND_WAIT_MAX_NS;
	unsigned int cpu;

	for_each_cpu_of(cpu, cell)
		while (__atomic_load_n(&per_cpu(cpu)->requests,
				       __ATOMIC_SEQ_CST) ||
		       __atomic_load_n(&per_cpu(cpu)->requests_busy,
				       __ATOMIC_SEQ_CST))
			if (arch_time_ns() >= deadline) {
				printk("CPU %u does not take its requests\n",
				       cpu);
				return;
			}
}

void cpu_post_request(struct per_cpu *target, u32 requests)
{
	__atomic_or_fetch(&target->requests, requests, __ATOMIC_ACQ_REL);
}

bool cpu_handle_requests(struct per_cpu *cpu)
{
	bool had_work = false;
	u32 requests;

	if (__atomic_load_n(&cpu->suspend_cpu, __ATOMIC_ACQUIRE)) {
		had_work = true;
		__atomic_store_n(&cpu->cpu_suspended, true, __ATOMIC_RELEASE);
		while (__atomic_load_n(&cpu->suspend_cpu, __ATOMIC_ACQUIRE))
			arch_cpu_wait(cpu);
		__atomic_store_n(&cpu->cpu_suspended, false,
				 __ATOMIC_RELEASE);
		arch_cpu_tlb_flush(cpu);
	}

	if (!__atomic_load_n(&cpu->requests, __ATOMIC_ACQUIRE))
		return had_work;
	/* Before the requests go: a waiter must see one or the other. */
	__atomic_store_n(&cpu->requests_busy, true, __ATOMIC_SEQ_CST);
	requests = __atomic_exchange_n(&cpu->requests, 0, __ATOMIC_SEQ_CST);
	/*
	 * A park still pending from before the cell restarted (this CPU was
	 * slow to wake) is superseded by the reset: parking now would undo
	 * what the cell's running CPUs did since, such as a PSCI CPU_ON of
	 * this one.
	 */
	if ((requests & CPU_REQ_PARK) && !(requests & CPU_REQ_RESET)) {
		cpu->parked = true;
		arch_park_cpu(cpu);
	}
	if (requests & CPU_REQ_RESET) {
		cpu->parked = false;
		arch_reset_cpu(cpu);
	}
	__atomic_store_n(&cpu->requests_busy, false, __ATOMIC_RELEASE);
	return true;
}
