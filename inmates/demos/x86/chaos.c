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
 *   - xAPIC: aligned 32-bit writes of random values to the registers the
 *     hypervisor passes on (TPR, EOI, SVR, ESR, LVTs, timer), now and then
 *     to those it keeps (ID, LDR, DFR), and IPIs with random destination,
 *     shorthand and vector, reads of any register. IPIs are fixed or
 *     lowest priority, LVT entries fixed: INIT and SIPI would restart the
 *     chaos, and an NMI the cell's handler never returns from blocks the
 *     hypervisor's NMI kicks (the library halts in it);
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

static __u64 state;

/* xorshift64*: small, and the same sequence for the same seed. */
static __u64 next(void)
{
	state ^= state >> 12;
	state ^= state << 25;
	state ^= state >> 27;
	return state * 0x2545f4914f6cdd1dULL;
}

static unsigned long counts[3], done;
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

static void one_access(unsigned long mmconfig)
{
	unsigned int what = next() % 8;

	if (what < 3 || !mmconfig) {
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
	printk("Chaos: %s: %lu xAPIC, %lu MMCONFIG, %lu hypercalls "
	       "(seed 0x%llx)\n", what, counts[0], counts[1], counts[2],
	       (unsigned long long)seed);
}

void inmate_main(void)
{
	unsigned long seconds = cmdline_parse_int("seconds", 10);
	unsigned long mmconfig = cmdline_parse_int("mmconfig", 0xb0000000);
	__u64 seed = cmdline_parse_int("seed", 0), start, now, last;
	unsigned int n;

	trace = cmdline_parse_bool("trace");
	if (!seed)
		seed = rdtsc() | 1;
	state = seed;
	printk("Chaos: seed 0x%llx, %lu s, MMCONFIG at 0x%lx\n",
	       (unsigned long long)seed, seconds, mmconfig);
	start = last = pm_timer_read_ns();
	do {
		for (n = 0; n < 64; n++)
			one_access(mmconfig);
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
