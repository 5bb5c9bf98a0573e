// SPDX-License-Identifier: GPL-2.0 OR BSD-2-Clause
/*
 * arm64 chaos inmate: random accesses to what the hypervisor emulates or
 * filters for a cell, for seconds=N (default 10) by the generic timer.
 * The choices come from a seeded generator; the seed (seed=, else the
 * counter) is printed first and with every count line, so that a run
 * that upsets the hypervisor can be replayed.
 *
 * Only accesses a cell may make are chosen, so that the cell lives for
 * the whole run; what a cell may not do at all is the attacker's job
 * (attacker.c). Each access is legal in form, its content random:
 *   - distributor: naturally aligned reads and writes of 1, 2 or 4 bytes
 *     to the per-interrupt registers of the private interrupts (the
 *     cell's own; an access must cover one that is not the hypervisor's),
 *     32-bit ones to the global and identification registers (writes are
 *     dropped for cells);
 *   - SGIs with random targets, number and filter (ICC_SGI1R_EL1 on
 *     GICv3, GICD_SGIR on GICv2), the hypervisor's own SGI among them;
 *   - PSCI: random function ids and arguments, less those that end the
 *     CPU or the cell (CPU_OFF, SYSTEM_OFF, SYSTEM_RESET); CPU_ON with a
 *     random entry assumes a cell of one CPU, where it can start nothing;
 *   - hypercalls: every code up to a few past the last, random arguments
 *     (not the console's: it would print noise).
 * Every second a line with the counts, "so far" and, once the time is
 * up, "done".
 */
#include <inmate.h>

#define GICD_SGIR		0xf00
#define GICD_PIDR2		0xffe8
#define HC_CODES		12
/* The hypervisor's private interrupts on the test machines. */
#define HV_SGI			15
#define HV_MAINT_IRQ		25

/* PSCI function numbers (low bits of the ids) that end the CPU or cell. */
#define PSCI_FN_64		0x40000000U
#define PSCI_FN_CPU_OFF		2
#define PSCI_FN_SYSTEM_OFF	8
#define PSCI_FN_SYSTEM_RESET	9

/* The registers with a field per interrupt: bytes of interrupts 0..31. */
static const struct {
	__u16 offset, bytes;
} private_regs[] = {
	{ 0x080, 4 }, { 0x100, 4 }, { 0x180, 4 }, { 0x200, 4 },
	{ 0x280, 4 }, { 0x300, 4 }, { 0x380, 4 }, { 0x400, 32 },
	{ 0x800, 32 }, { 0xc00, 8 }, { 0xd00, 4 },
};

static __u64 state;
static unsigned long counts[4];

/* xorshift64*: small, and the same sequence for the same seed. */
static __u64 next(void)
{
	state ^= state >> 12;
	state ^= state << 25;
	state ^= state >> 27;
	return state * 0x2545f4914f6cdd1dULL;
}

static void sized_access(unsigned long addr, unsigned int size, bool write,
		   __u32 v)
{
	switch (size) {
	case 1:
		if (write)
			*(volatile __u8 *)addr = v;
		else
			(void)*(volatile __u8 *)addr;
		break;
	case 2:
		if (write)
			*(volatile __u16 *)addr = v;
		else
			(void)*(volatile __u16 *)addr;
		break;
	default:
		if (write)
			*(volatile __u32 *)addr = v;
		else
			(void)*(volatile __u32 *)addr;
		break;
	}
}

static void gicd_access(unsigned long gicd)
{
	unsigned int n = sizeof(private_regs) / sizeof(private_regs[0]);
	__u64 r = next();
	unsigned int size = 1U << ((r >> 1) % 3), reg, offset;

	if (r & 0x30) {
		reg = (r >> 8) % n;
		offset = (r >> 16) % private_regs[reg].bytes & ~(size - 1);
		/*
		 * A byte of only the management SGI or the maintenance
		 * interrupt is no register of the cell's (a refusal).
		 */
		if (size == 1 && private_regs[reg].bytes == 32 &&
		    (offset == HV_SGI || offset == HV_MAINT_IRQ))
			offset--;
		sized_access(gicd + private_regs[reg].offset + offset, size,
			     r & 1, r >> 32);
	} else if (r & 0x40) {
		/* CTLR, TYPER, IIDR, ... up to the first per-IRQ register. */
		sized_access(gicd + ((r >> 8) & 0x7c), 4, r & 1,
			     r >> 32);
	} else {
		sized_access(gicd + GICD_PIDR2 - ((r >> 8) & 0x18), 4,
			     r & 1, r >> 32);
	}
}

static void sgi(unsigned long gicd, unsigned int version)
{
	__u64 r = next();

	if (version == 3)
		/* ICC_SGI1R_EL1 */
		asm volatile("msr S3_0_C12_C11_5, %0\n\tisb"
			     : : "r" (r) : "memory");
	else
		mmio_write32(gicd + GICD_SGIR, r & 0x03ff800f);
}

static void psci(void)
{
	__u64 r = next();
	__u32 fn = r & 0x1f;

	if (fn == PSCI_FN_CPU_OFF || fn == PSCI_FN_SYSTEM_OFF ||
	    fn == PSCI_FN_SYSTEM_RESET)
		fn = 0;
	psci_call(PSCI_VERSION | (r & 0x100 ? PSCI_FN_64 : 0) | fn,
		  next() & 0xff00ffffffULL, next(), next());
}

static void hypercall(void)
{
	__u32 code = next() % HC_CODES;

	if (code == JAILHOUSE_HC_DEBUG_CONSOLE_PUTC)
		code = JAILHOUSE_HC_CPU_GET_INFO;
	jailhouse_call_arg2(code, next(), next());
}

static void one_access(unsigned long gicd, unsigned int version)
{
	unsigned int what = next() % 8;

	if (what < 4) {
		gicd_access(gicd);
		counts[0]++;
	} else if (what < 5) {
		sgi(gicd, version);
		counts[1]++;
	} else if (what < 6) {
		psci();
		counts[2]++;
	} else {
		hypercall();
		counts[3]++;
	}
}

static void report(const char *what, __u64 seed)
{
	printk("Chaos: %s: %lu GICD, %lu SGI, %lu PSCI, %lu hypercalls "
	       "(seed 0x%llx)\n", what, counts[0], counts[1], counts[2],
	       counts[3], (unsigned long long)seed);
}

void inmate_main(void)
{
	unsigned long seconds = cmdline_parse_int("seconds", 10);
	__u64 seed = cmdline_parse_int("seed", 0), start, now, last, hz;
	unsigned int n;

	if (!comm_region_valid() || gic_setup(NULL)) {
		printk("Chaos: no GIC in the comm region\n");
		return;
	}
	if (!seed)
		seed = read_sysreg(cntvct_el0) | 1;
	state = seed;
	hz = timer_get_frequency();
	printk("Chaos: seed 0x%llx, %lu s, GICv%u\n",
	       (unsigned long long)seed, seconds, comm_region->gic_version);
	start = last = read_sysreg(cntvct_el0);
	do {
		for (n = 0; n < 64; n++)
			one_access(comm_region->gicd_base,
				   comm_region->gic_version);
		now = read_sysreg(cntvct_el0);
		if (now - last >= hz) {
			report("so far", seed);
			last = now;
		}
	} while (now - start < seconds * hz);
	/* Again and again: other cells' lines scroll the console ring. */
	for (;;) {
		report("done", seed);
		delay_us(1000000);
	}
}
