// SPDX-License-Identifier: GPL-2.0 OR BSD-2-Clause
/*
 * x86 basics: hypercall flavour, consoles, PM timer port, halting and
 * the printk lock.
 */
#include <inmate.h>

/* Read by the hypercall helpers of <asm/jailhouse_hypercall.h>. */
bool jailhouse_use_vmcall;

static char vendor[13];

const struct uart_driver arch_uart_drivers[] = {
	{
		.name = "8250",
		.type = JAILHOUSE_CON_TYPE_8250,
		.default_flags = JAILHOUSE_CON_ACCESS_PIO |
				 JAILHOUSE_CON_REGDIST_1,
		.init = uart_8250_init,
		.putc = uart_8250_putc,
	},
	{ .name = NULL },
};

/* COM1 at 115200 baud, for images started outside a cell. */
const struct jailhouse_console arch_default_console = {
	.address = 0x3f8,
	.type = JAILHOUSE_CON_TYPE_8250,
	.flags = JAILHOUSE_CON_ACCESS_PIO | JAILHOUSE_CON_REGDIST_1,
	.divider = 1,
};

const char *cpu_vendor(void)
{
	return vendor;
}

void arch_init(void)
{
	__u32 eax, regs[3];

	cpuid(0, &eax, &regs[0], &regs[2], &regs[1]);
	memcpy(vendor, regs, 12);
	/* vmcall is Intel's instruction; AMD and Hygon use vmmcall. */
	jailhouse_use_vmcall = !memcmp(vendor, "GenuineIntel", 12);

	if (comm_region_valid()) {
		pm_timer_port = comm_region->pm_timer_address;
		tsc_khz = comm_region->tsc_khz;
		apic_khz = comm_region->apic_khz;
	} else {
		/* QEMU's q35/i440fx with the usual firmware setup. */
		pm_timer_port = 0x608;
	}
	pm_timer_port = cmdline_parse_int("pm-timer", pm_timer_port);

	apic_init();
	int_init();
}

void __noreturn inmate_halt(void)
{
	for (;;)
		asm volatile("cli; hlt" : : : "memory");
}

void inmate_lock(volatile int *lock)
{
	while (__atomic_exchange_n(lock, 1, __ATOMIC_ACQUIRE))
		while (*lock)
			cpu_relax();
}

void inmate_unlock(volatile int *lock)
{
	__atomic_store_n(lock, 0, __ATOMIC_RELEASE);
}
