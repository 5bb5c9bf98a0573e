// SPDX-License-Identifier: GPL-2.0 OR BSD-2-Clause
/*
 * x86 chaos inmate: random accesses to what the hypervisor emulates or
 * filters for a cell, for seconds=N (default 10) by the PM timer. The
 * choices come from a seeded generator; the seed (seed=, else the TSC) is
 * printed first, so that a run that upsets the hypervisor can be replayed
 * with the same sequence.
 *
 * Only accesses a cell may make are chosen, so that the cell lives for
 * the whole run; what a cell may not do at all is the attacker's job
 * (attacker.c). Each access is legal in form, its content random:
 *   - xAPIC (unless "no-xapic": a cell on a CPU with x2APIC runs its APIC
 *     in x2APIC mode and has no xAPIC page, so these draws make x2APIC
 *     accesses instead): aligned 32-bit writes of random values to the
 *     registers the
 *     hypervisor passes on (TPR, EOI, SVR, ESR, LVTs, timer), now and then
 *     to those it keeps (ID, LDR, DFR), and IPIs with random destination,
 *     shorthand and vector, reads of any register. IPIs are fixed or
 *     lowest priority, LVT entries fixed: INIT and SIPI would restart the
 *     chaos, and an NMI the cell's handler never returns from blocks the
 *     hypervisor's NMI kicks (the library halts in it);
 *   - x2APIC MSRs (cells see an x2APIC, emulated over the xAPIC where
 *     the CPU has none): IPIs through the ICR and SELF_IPI with random
 *     vectors (below 16 included, which the hypervisor drops), fixed or
 *     lowest priority, to the own CPU, by shorthand or the own ID;
 *     APIC_BASE written back with the BSP flag flipped, the only change a
 *     cell may make; ID, LDR and the rest of the range read. Only with
 *     "x2apic" on the command line: a seed of a run without it replays
 *     the same sequence;
 *   - IOAPIC (with "ioapic", for a cell that owns one of its pins):
 *     the index register set to any register (ID, version, every
 *     redirection entry half), then the window read or written with a
 *     random value, or a random vector written to the EOI register;
 *   - PCI MMCONFIG: naturally aligned reads and writes of 1, 2, 4 and 8
 *     bytes anywhere in the window, devices of other cells included;
 *   - hypercalls: every code up to a few past the last, random arguments
 *     (not the console's: it would print noise).
 * Every second a line with the counts, "so far" and, once the time is
 * up, "done"; "trace" prints each access before it is made.
 */
#include <inmate.h>

#define MMCONFIG_SIZE		0x10000000UL	/* 256 buses */
#define ICR_LO			0x300
#define ICR_HI			0x310
#define ICR_DM_LOWEST		(1U << 8)
#define ICR_DM_MASK		(7U << 8)
#define HC_CODES		12
#define MSR_APIC_BASE		0x1b
#define APIC_BASE_BSP		(1U << 8)
#define X2APIC_MSR_ID		0x802
#define X2APIC_MSR_ICR		0x830
#define X2APIC_MSR_SELF_IPI	0x83f
#define ICR_SHORTHAND_SHIFT	18
#define IOAPIC_SELECT		0x00
#define IOAPIC_WINDOW		0x10
#define IOAPIC_EOI		0x40
/* ID, version, arbitration, then 24 entries of two halves. */
#define IOAPIC_REGS		0x40

static __u64 state;

/* xorshift64*: small, and the same sequence for the same seed. */
static __u64 next(void)
{
	state ^= state >> 12;
	state ^= state << 25;
	state ^= state >> 27;
	return state * 0x2545f4914f6cdd1dULL;
}

static unsigned long counts[5], done;
static bool x2apic, ioapic, no_xapic;
/* "trace": every access printed before it is made, for replays. */
static bool trace;

#define TRACE(fmt, ...)							\
	do {								\
		if (trace)						\
			printk("Chaos: %lu: " fmt "\n", done, __VA_ARGS__); \
	} while (0)

static void apic_access(void)
{
	static const __u16 passed[] = {
		0x080, 0x0b0, 0x0f0, 0x280, 0x2f0, 0x320, 0x330, 0x340,
		0x350, 0x360, 0x370, 0x380, 0x3e0,
	};
	static const __u16 kept[] = { 0x020, 0x0d0, 0x0e0 };
	__u64 r = next();
	__u32 v = r >> 32, reg;

	switch (r & 0xf) {
	case 0:
		reg = kept[(r >> 8) % 3];
		break;
	case 1:
	case 2:
		/* Fixed or lowest priority only. */
		v = (v & ~ICR_DM_MASK) | (v & ICR_DM_LOWEST);
		r = next();
		TRACE("ICR high 0x%x", (__u32)r);
		mmio_write32(XAPIC_BASE + ICR_HI, r);
		reg = ICR_LO;
		break;
	case 3:
	case 4:
	case 5:
		TRACE("xAPIC read 0x%x", (__u32)(r >> 8) & 0x3f0);
		mmio_read32(XAPIC_BASE + ((r >> 8) & 0x3f0));
		return;
	default:
		reg = passed[(r >> 8) % (sizeof(passed) / sizeof(passed[0]))];
		/* LVT entries: fixed delivery, as for IPIs. */
		if (reg >= 0x2f0 && reg <= 0x370)
			v &= ~ICR_DM_MASK;
		break;
	}
	TRACE("xAPIC write 0x%x: 0x%x", reg, v);
	mmio_write32(XAPIC_BASE + reg, v);
}

/* Readable x2APIC MSRs: ID, version, TPR, PPR, LDR, SVR... */
static const __u16 x2apic_readable[] = {
	0x802, 0x803, 0x808, 0x80a, 0x80d, 0x80f, 0x810, 0x820, 0x828,
	0x830, 0x832, 0x835, 0x836, 0x838, 0x839, 0x83e,
};

static void x2apic_access(void)
{
	__u64 r = next(), icr;
	__u32 lo = (r >> 32) & 0xff, msr;

	switch (r & 3) {
	case 0:
		/* Shorthand 0 names the own CPU by its ID. */
		lo |= (__u32)(r >> 8) & ICR_DM_LOWEST;
		lo |= (__u32)((r >> 16) & 3) << ICR_SHORTHAND_SHIFT;
		icr = rdmsr(X2APIC_MSR_ID) << 32 | lo;
		TRACE("x2APIC ICR 0x%llx", (unsigned long long)icr);
		wrmsr(X2APIC_MSR_ICR, icr);
		break;
	case 1:
		TRACE("x2APIC SELF_IPI 0x%x", lo);
		wrmsr(X2APIC_MSR_SELF_IPI, lo);
		break;
	case 2:
		TRACE("APIC_BASE BSP flip%s", "");
		wrmsr(MSR_APIC_BASE, rdmsr(MSR_APIC_BASE) ^ APIC_BASE_BSP);
		break;
	default:
		msr = x2apic_readable[(r >> 8) % (sizeof(x2apic_readable) /
						  sizeof(x2apic_readable[0]))];
		TRACE("x2APIC read 0x%x", msr);
		rdmsr(msr);
		break;
	}
}

static void ioapic_access(unsigned long base)
{
	__u64 r = next();
	__u32 reg = (r >> 8) % IOAPIC_REGS, v = r >> 32;

	if ((r & 3) == 3) {
		TRACE("IOAPIC EOI 0x%x", v & 0xff);
		mmio_write32(base + IOAPIC_EOI, v & 0xff);
		return;
	}
	mmio_write32(base + IOAPIC_SELECT, reg);
	if (r & 1) {
		TRACE("IOAPIC read 0x%x", reg);
		mmio_read32(base + IOAPIC_WINDOW);
	} else {
		TRACE("IOAPIC write 0x%x: 0x%x", reg, v);
		mmio_write32(base + IOAPIC_WINDOW, v);
	}
}

static void mmconfig_access(unsigned long base)
{
	__u64 r = next(), v = next();
	unsigned int size = 1U << ((r >> 1) & 3);
	unsigned long addr = base + ((r >> 8) % MMCONFIG_SIZE & ~(size - 1UL));
	bool write = r & 1;

	TRACE("MMCONFIG %s 0x%lx, %u bytes", write ? "write" : "read", addr,
	      size);
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
	case 4:
		if (write)
			*(volatile __u32 *)addr = v;
		else
			(void)*(volatile __u32 *)addr;
		break;
	default:
		if (write)
			*(volatile __u64 *)addr = v;
		else
			(void)*(volatile __u64 *)addr;
		break;
	}
}

static void hypercall(void)
{
	__u32 code = next() % HC_CODES;
	__u64 a1 = next(), a2 = next();

	if (code == JAILHOUSE_HC_DEBUG_CONSOLE_PUTC)
		code = JAILHOUSE_HC_CPU_GET_INFO;
	TRACE("hypercall %u (0x%llx, 0x%llx)", code, (unsigned long long)a1,
	      (unsigned long long)a2);
	jailhouse_call_arg2(code, a1, a2);
}

/* Eight in eight before x2APIC and IOAPIC: old seeds replay the same. */
static void one_access(unsigned long mmconfig, unsigned long ioapic_base)
{
	unsigned int what = next() % (8 + (x2apic ? 2 : 0) + (ioapic ? 2 : 0));

	if (what >= 8 && x2apic && what < 10) {
		x2apic_access();
		counts[3]++;
	} else if (what >= 8) {
		ioapic_access(ioapic_base);
		counts[4]++;
	} else if ((what < 3 || !mmconfig) && no_xapic) {
		x2apic_access();
		counts[3]++;
	} else if (what < 3 || !mmconfig) {
		apic_access();
		counts[0]++;
	} else if (what < 6) {
		mmconfig_access(mmconfig);
		counts[1]++;
	} else {
		hypercall();
		counts[2]++;
	}
	done++;
}

/*
 * The seed again: refusal lines of the hypervisor may have pushed the
 * first line out of its console ring.
 */
static void report(const char *what, __u64 seed)
{
	printk("Chaos: %s: %lu xAPIC, %lu x2APIC, %lu MMCONFIG, "
	       "%lu hypercalls, %lu IOAPIC (seed 0x%llx)\n", what, counts[0],
	       counts[3], counts[1], counts[2], counts[4],
	       (unsigned long long)seed);
}

void inmate_main(void)
{
	unsigned long seconds = cmdline_parse_int("seconds", 10);
	unsigned long mmconfig = cmdline_parse_int("mmconfig", 0xb0000000);
	unsigned long ioapic_base = cmdline_parse_int("ioapic-base",
						      0xfec00000);
	__u64 seed = cmdline_parse_int("seed", 0), start, now, last;
	unsigned int n;

	trace = cmdline_parse_bool("trace");
	x2apic = cmdline_parse_bool("x2apic");
	ioapic = cmdline_parse_bool("ioapic");
	no_xapic = cmdline_parse_bool("no-xapic");
	if (!seed)
		seed = rdtsc() | 1;
	state = seed;
	printk("Chaos: seed 0x%llx, %lu s, MMCONFIG at 0x%lx\n",
	       (unsigned long long)seed, seconds, mmconfig);
	start = last = pm_timer_read_ns();
	do {
		for (n = 0; n < 64; n++)
			one_access(mmconfig, ioapic_base);
		now = pm_timer_read_ns();
		if (now - last >= NS_PER_SEC) {
			report("so far", seed);
			last = now;
		}
	} while (now - start < seconds * NS_PER_SEC);
	/* Again and again: other cells' lines scroll the console ring. */
	for (;;) {
		report("done", seed);
		delay_us(1000000);
	}
}
