// SPDX-License-Identifier: GPL-2.0 OR BSD-2-Clause
/*
 * arm64 basics: consoles, halting, exception reports and the printk
 * lock.
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

void arch_init(void)
{
}

void __noreturn inmate_halt(void)
{
	irq_disable();
	for (;;)
		asm volatile("wfi" : : : "memory");
}

void arch_unhandled_exception(__u64 vector, __u64 esr, __u64 elr, __u64 far);

void arch_unhandled_exception(__u64 vector, __u64 esr, __u64 elr, __u64 far)
{
	printk("FATAL: exception vector %llu, ESR %llx, ELR %llx, FAR %llx\n",
	       vector, esr, elr, far);
	inmate_halt();
}

/*
 * With the MMU off all memory is Device memory, where exclusive
 * accesses are not architecturally guaranteed to work, and the arm64
 * library starts no second CPU: masking interrupts is the whole lock.
 * SMP inmates need the MMU on (Normal memory) first.
 */
void inmate_lock(volatile int *lock)
{
	(void)lock;
}

void inmate_unlock(volatile int *lock)
{
	(void)lock;
}
