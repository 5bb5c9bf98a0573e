// SPDX-License-Identifier: GPL-2.0 OR BSD-2-Clause
/*
 * The cell's other CPUs: PSCI CPU_ON with the library's secondary entry
 * (start.S) and the CPU's index as context id, a stack per index, the
 * GIC interface set up before the inmate's entry function runs.
 *
 * A CPU reads its start data before its MMU is on, and with mmu=off
 * every access is to Device memory, where exclusive loads and stores
 * need not work. Each flag below therefore has a single writer, and a
 * barrier orders it against what it announces.
 */
#include <inmate.h>

void smp_secondary_entry(void);
void __noreturn smp_secondary_start(unsigned int index);

/* Written by the starting CPU before CPU_ON, read by the new one. */
static ap_entry_t entries[SMP_MAX_CPUS];
/* Written by the CPU of that index only. */
static __u64 mpidrs[SMP_MAX_CPUS];
static __u32 online[SMP_MAX_CPUS];

void smp_init_boot_cpu(void)
{
	WRITE_ONCE(mpidrs[0], mpidr_self());
	WRITE_ONCE(online[0], 1);
}

unsigned int smp_find_cpus(__u64 *out, unsigned int max)
{
	__u64 self = mpidr_self(), cand;
	unsigned int n = 0, aff0;

	if (!max)
		return 0;
	out[n++] = self;
	/*
	 * A hypervisor answers AFFINITY_INFO for the cell's own CPUs only;
	 * firmware for every CPU there is. Either way: these can be started.
	 */
	for (aff0 = 0; aff0 < 16 && n < max; aff0++) {
		cand = (self & ~0xffULL) | aff0;
		if (cand != self && psci_affinity_info(cand) >= 0)
			out[n++] = cand;
	}
	return n;
}

bool smp_cpu_online(unsigned int index)
{
	return index < SMP_MAX_CPUS && READ_ONCE(online[index]);
}

__u64 smp_cpu_mpidr(unsigned int index)
{
	return index < SMP_MAX_CPUS ? READ_ONCE(mpidrs[index]) : 0;
}

long smp_start_cpu(unsigned int index, __u64 mpidr, ap_entry_t entry)
{
	if (!index || index >= SMP_MAX_CPUS || !entry)
		return PSCI_INVALID_PARAMETERS;
	/* Its stack is in use: a second CPU on it would wreck both. */
	if (smp_cpu_online(index))
		return PSCI_DENIED;
	WRITE_ONCE(entries[index], entry);
	return psci_cpu_on(mpidr, (unsigned long)smp_secondary_entry, index);
}

bool smp_wait_online(unsigned int index, unsigned long timeout_us)
{
	__u64 end = timer_get_ticks() +
		timer_ns_to_ticks(timeout_us * NS_PER_USEC);

	while (!smp_cpu_online(index)) {
		if (timer_get_ticks() > end)
			return false;
		cpu_relax();
	}
	return true;
}

/* From start.S, on the CPU's own stack with interrupts masked. */
void __noreturn smp_secondary_start(unsigned int index)
{
	ap_entry_t entry = READ_ONCE(entries[index]);

	WRITE_ONCE(mpidrs[index], mpidr_self());
	/* Fails harmlessly when the first CPU set up no GIC. */
	gic_cpu_init();
	/* Whoever sees the flag may send SGIs: the setup must be done. */
	dsb(sy);
	WRITE_ONCE(online[index], 1);
	dsb(sy);
	entry(index);
	smp_cpu_off();
}

void __noreturn smp_cpu_off(void)
{
	unsigned int me = smp_cpu_index();

	irq_disable();
	if (me < SMP_MAX_CPUS)
		WRITE_ONCE(online[me], 0);
	psci_cpu_off();
	/* Still here: the call was refused. Nothing else to do. */
	printk("CPU %u: PSCI CPU_OFF failed\n", me);
	inmate_halt();
}
