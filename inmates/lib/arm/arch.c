// SPDX-License-Identifier: GPL-2.0 OR BSD-2-Clause
/*
 * ARMv7 basics: consoles, halting and exception reports (the printk lock
 * is arm64's bakery-lock.c).
 */
#include <inmate.h>

const struct uart_driver arch_uart_drivers[] = {
	{
		.name = "PL011",
		.type = JAILHOUSE_CON_TYPE_PL011,
		.default_flags = JAILHOUSE_CON_ACCESS_MMIO |
				 JAILHOUSE_CON_REGDIST_4,
		.init = uart_pl011_init,
		.putc = uart_pl011_putc,
	},
	{
		.name = "8250",
		.type = JAILHOUSE_CON_TYPE_8250,
		.default_flags = JAILHOUSE_CON_ACCESS_MMIO |
				 JAILHOUSE_CON_REGDIST_4,
		.init = uart_8250_init,
		.putc = uart_8250_putc,
	},
	{ .name = NULL },
};

/* No UART is safe to assume on an unknown board. */
const struct jailhouse_console arch_default_console = {
	.type = JAILHOUSE_CON_TYPE_NONE,
};

/* The console comes up in inmate_start(). */
void arch_init(void)
{
	smp_init_boot_cpu();
	psci_init();
}

void __noreturn inmate_halt(void)
{
	irq_disable();
	for (;;)
		asm volatile("wfi" : : : "memory");
}

void arch_unhandled_exception(unsigned int vector, unsigned long lr,
			      unsigned long spsr);

void arch_unhandled_exception(unsigned int vector, unsigned long lr,
			      unsigned long spsr)
{
	static const char *const names[8] = {
		"reset", "undefined instruction", "SVC", "prefetch abort",
		"data abort", "reserved", "IRQ", "FIQ",
	};
	unsigned long dfsr, dfar;

	asm volatile("mrc p15, 0, %0, c5, c0, 0" : "=r" (dfsr));
	asm volatile("mrc p15, 0, %0, c6, c0, 0" : "=r" (dfar));
	printk("FATAL: CPU %u: %s exception, LR 0x%lx, SPSR 0x%lx, "
	       "DFSR 0x%lx, DFAR 0x%lx\n", smp_cpu_index(), names[vector & 7],
	       lr, spsr, dfsr, dfar);
	inmate_halt();
}

/*
 * libgcc's division helpers (64-bit division has no instruction) call
 * these on a zero divisor; its own versions would raise a signal.
 */
int __aeabi_idiv0(int r);
long long __aeabi_ldiv0(long long r);

int __aeabi_idiv0(int r)
{
	printk("FATAL: division by zero\n");
	inmate_halt();
	return r;
}

long long __aeabi_ldiv0(long long r)
{
	return __aeabi_idiv0(r);
}
