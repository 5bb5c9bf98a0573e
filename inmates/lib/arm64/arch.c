// SPDX-License-Identifier: GPL-2.0 OR BSD-2-Clause
/*
 * arm64 basics: consoles, halting and exception reports (the printk lock
 * is in bakery-lock.c).
 */
#include <inmate.h>
#include <mmu.h>

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

/*
 * One line about how the inmate runs (memory model, for comparisons and
 * the tests), from the register itself rather than from what was meant.
 */
static void mmu_report(void)
{
	__u64 sctlr = read_sysreg(sctlr_el1);
	const char *why = mmu_off_reason();
	const char *caches =
		(sctlr & (SCTLR_C | SCTLR_I)) == (SCTLR_C | SCTLR_I) ?
		"on" : "off";

	if (why)
		printk("arm64: MMU off (%s), caches %s (SCTLR_EL1 0x%llx)\n",
		       why, caches, sctlr);
	else
		printk("arm64: MMU on, caches %s (SCTLR_EL1 0x%llx)\n",
		       caches, sctlr);
}

void arch_init(void)
{
	smp_init_boot_cpu();
	psci_init();
	/*
	 * The console comes up early for that line. inmate_start() sets it
	 * up once more, which picks the same port and finds the UART
	 * working: harmless.
	 */
	console_init();
	mmu_report();
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
	printk("FATAL: CPU %u: exception vector %llu, ESR %llx, ELR %llx, "
	       "FAR %llx\n", smp_cpu_index(), vector, esr, elr, far);
	inmate_halt();
}
