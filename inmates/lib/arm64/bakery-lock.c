// SPDX-License-Identifier: GPL-2.0 OR BSD-2-Clause
/*
 * The lock that keeps the CPUs' printk lines whole, for arm64 and ARMv7.
 */
#include <inmate.h>

/*
 * With the MMU off (arm64's mmu=off; ARMv7 always) all memory is Device
 * or Strongly-ordered memory, where exclusive accesses are not
 * architecturally guaranteed to work. Lamport's bakery needs only plain
 * loads and stores, each CPU writing its own slots, so it serves with
 * the MMU on or off; dsb sy after every store makes them visible in
 * program order, which the algorithm relies on. There is one bakery for
 * all inmate locks (the library has the printk lock only), taken
 * recursively so that a CPU that holds it (say, printk in an interrupt
 * handler) cannot wait for itself.
 */
static __u32 choosing[SMP_MAX_CPUS], ticket[SMP_MAX_CPUS];
static unsigned int depth[SMP_MAX_CPUS];

static bool served_before(unsigned int other, unsigned int me)
{
	__u32 t = READ_ONCE(ticket[other]);

	return t && (t < ticket[me] || (t == ticket[me] && other < me));
}

void inmate_lock(volatile int *lock)
{
	unsigned int me = smp_cpu_index(), n;
	__u32 max = 0;

	(void)lock;
	if (me >= SMP_MAX_CPUS || depth[me]++)
		return;

	WRITE_ONCE(choosing[me], 1);
	dsb(sy);
	for (n = 0; n < SMP_MAX_CPUS; n++)
		max = MAX(max, READ_ONCE(ticket[n]));
	WRITE_ONCE(ticket[me], max + 1);
	dsb(sy);
	WRITE_ONCE(choosing[me], 0);
	dsb(sy);

	for (n = 0; n < SMP_MAX_CPUS; n++) {
		if (n == me)
			continue;
		while (READ_ONCE(choosing[n]))
			cpu_relax();
		/*
		 * On Normal memory (MMU on) the ticket read must not pass
		 * the choosing read: the bakery needs them in this order.
		 */
		dsb(sy);
		while (served_before(n, me))
			cpu_relax();
	}
	dsb(sy);
}

void inmate_unlock(volatile int *lock)
{
	unsigned int me = smp_cpu_index();

	(void)lock;
	if (me >= SMP_MAX_CPUS || --depth[me])
		return;
	/* The protected accesses complete before the next CPU may go. */
	dsb(sy);
	WRITE_ONCE(ticket[me], 0);
	dsb(sy);
}
