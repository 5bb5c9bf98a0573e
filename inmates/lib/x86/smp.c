// SPDX-License-Identifier: GPL-2.0 OR BSD-2-Clause
/*
 * Starting the cell's other CPUs the PC way: INIT, then STARTUP twice,
 * broadcast to all but ourselves (the hypervisor confines the broadcast
 * to the cell). Vector 0 makes them enter at guest-physical 0 like the
 * first CPU; start.S tells them apart and gives each a stack. In a cell
 * they all ran to start.S's halt once already, at cell start: INIT must
 * come after that, or one could count itself twice.
 */
#include <inmate.h>

#define ICR_DEST_ALL_BUT_SELF	(3U << 18)
#define ICR_LEVEL_ASSERT	(1U << 14)
#define ICR_DM_INIT		(5U << 8)
#define ICR_DM_STARTUP		(6U << 8)
#define SIPI_VECTOR		0x00

static volatile ap_entry_t ap_entry;
static volatile unsigned int ap_count;

/* start.S: set before INIT; CPUs that halted at their reset entry. */
extern volatile unsigned int smp_aps_called, smp_aps_parked;

void ap_start(void);

void ap_start(void)
{
	unsigned int index;

	apic_init();
	int_init();
	index = __atomic_add_fetch(&ap_count, 1, __ATOMIC_SEQ_CST);
	if (ap_entry)
		ap_entry(index);
	inmate_halt();
}

unsigned int smp_cpus_online(void)
{
	return 1 + ap_count;
}

unsigned int smp_cpus_parked(void)
{
	return smp_aps_parked;
}

/* Outside a cell only STARTUP starts the others: nobody to wait for. */
static void wait_parked(unsigned int expected)
{
	__u64 deadline = time_ns() + (expected ? 1000 : 10) * NS_PER_MSEC;

	if (!comm_region_valid())
		return;
	while (time_ns() < deadline) {
		if (expected && smp_aps_parked >= expected)
			break;
		cpu_relax();
	}
}

unsigned int smp_start_cpus(ap_entry_t entry, unsigned int expected)
{
	__u64 deadline;

	wait_parked(expected);
	ap_entry = entry;
	smp_aps_called = 1;
	__atomic_thread_fence(__ATOMIC_SEQ_CST);

	apic_send_ipi(0, ICR_DEST_ALL_BUT_SELF | ICR_LEVEL_ASSERT |
			 ICR_DM_INIT);
	delay_us(10000);
	for (int i = 0; i < 2; i++) {
		apic_send_ipi(0, ICR_DEST_ALL_BUT_SELF | ICR_DM_STARTUP |
				 SIPI_VECTOR);
		delay_us(200);
	}

	/* Counted in CPUs other than this one. */
	deadline = time_ns() + (expected ? 1000 : 100) * NS_PER_MSEC;
	while (time_ns() < deadline) {
		if (expected && ap_count >= expected)
			break;
		cpu_relax();
	}
	return ap_count;
}
