// SPDX-License-Identifier: GPL-2.0
/*
 * hcfuzz.ko [calls=N] [seed=S]: random hypercalls from the root cell on
 * every online CPU at once, each result judged against the hypercalls
 * section of Documentation/jailhouse-abi.md.
 * The counts end up in the kernel log and in the read-only parameters
 * under /sys/module/hcfuzz/parameters/; the module stays loaded so that a
 * scenario can read them.
 *
 * Which calls are left out, and why the rest are harmless:
 * - DISABLE from the root always succeeds: it takes the calling CPU out of
 *   the hypervisor. That is no random call failing cleanly.
 * - DEBUG_CONSOLE_PUTC with a random byte would succeed and write garbage
 *   to the console the tests are judged by.
 * - CELL_START, CELL_SET_LOADABLE and CELL_DESTROY name a cell by id; with
 *   the root cell alone (checked before starting) no id names a cell they
 *   may act on, so all must fail.
 * - CELL_CREATE gets a random guest-physical address: RAM with whatever is
 *   there, hypervisor memory, MMIO or nothing. None of it holds a valid
 *   cell config, so it must fail, whatever the hypervisor reads there.
 * The info calls (HYPERVISOR_GET_INFO, CELL_GET_STATE, CPU_GET_INFO) must
 * succeed exactly for valid arguments; unknown codes must give -ENOSYS.
 */
#define pr_fmt(fmt) "hcfuzz: " fmt

#include <linux/atomic.h>
#include <linux/cpu.h>
#include <linux/cpumask.h>
#include <linux/errno.h>
#include <linux/module.h>
#include <linux/percpu.h>
#include <linux/prandom.h>
#include <linux/random.h>
#include <linux/workqueue.h>
#include <asm/processor.h>

#include <jailhouse/hypercall.h>

/* "Jailhouse\0\0\0" in EBX, ECX, EDX of the signature leaf. */
#define SIGNATURE_EBX	0x6c69614a
#define SIGNATURE_ECX	0x73756f68
#define SIGNATURE_EDX	0x00000065

/* Unexpected results logged one by one; the rest are only counted. */
#define MAX_REPORTS	10

/* Read by JAILHOUSE_HYPERCALL(). */
bool jailhouse_use_vmcall;

static unsigned int calls = 1000;
module_param(calls, uint, 0444);
MODULE_PARM_DESC(calls, "hypercalls per CPU");

static unsigned long seed;
module_param(seed, ulong, 0444);
MODULE_PARM_DESC(seed, "random seed; 0 picks one (logged, and readable here)");

static unsigned long total, errnos, successes, unexpected;
static unsigned int cpus;
module_param(total, ulong, 0444);
MODULE_PARM_DESC(total, "hypercalls issued");
module_param(errnos, ulong, 0444);
MODULE_PARM_DESC(errnos, "calls refused with a negative errno, as expected");
module_param(successes, ulong, 0444);
MODULE_PARM_DESC(successes, "info calls that succeeded, as expected");
module_param(unexpected, ulong, 0444);
MODULE_PARM_DESC(unexpected, "calls whose result broke the ABI");
module_param(cpus, uint, 0444);
MODULE_PARM_DESC(cpus, "CPUs that issued all their calls");

struct fuzz_cpu {
	struct rnd_state rnd;
	unsigned long done, errnos, successes, unexpected;
	bool moved;
};

static DEFINE_PER_CPU(struct fuzz_cpu, fuzz_cpu);
static DEFINE_PER_CPU(struct work_struct, fuzz_work);
static atomic_t reports = ATOMIC_INIT(0);

/* What the interface promises for one call. */
enum outcome {
	ANY_ERRNO,
	ENOSYS_ERRNO,
	ANY_SUCCESS,
	EXACT_VALUE,
};

struct expectation {
	enum outcome outcome;
	int value;
};

/* The ABI returns the result in EAX, errors as negative errno values. */
static int hypercall(u32 code, unsigned long arg1, unsigned long arg2)
{
	unsigned long result;

	JAILHOUSE_HYPERCALL(result, "a" (code), "D" (arg1), "S" (arg2));
	return (s32)result;
}

static struct expectation expect(u32 code, unsigned long arg1,
				 unsigned long arg2)
{
	struct expectation e = { .outcome = ANY_ERRNO };

	switch (code) {
	case JAILHOUSE_HC_CELL_CREATE:
	case JAILHOUSE_HC_CELL_START:
	case JAILHOUSE_HC_CELL_SET_LOADABLE:
	case JAILHOUSE_HC_CELL_DESTROY:
		break;
	case JAILHOUSE_HC_HYPERVISOR_GET_INFO:
		if (arg1 == JAILHOUSE_INFO_NUM_CELLS) {
			e.outcome = EXACT_VALUE;
			e.value = 1;
		} else if (arg1 < JAILHOUSE_INFO_NUM_CELLS) {
			e.outcome = ANY_SUCCESS;
		}
		break;
	case JAILHOUSE_HC_CELL_GET_STATE:
		/* The root cell has id 0 and runs, or we would not. */
		if (arg1 == 0) {
			e.outcome = EXACT_VALUE;
			e.value = JAILHOUSE_CELL_RUNNING;
		}
		break;
	case JAILHOUSE_HC_CPU_GET_INFO:
		/*
		 * Assumes the root cell owns every possible CPU, as the test
		 * machine's config does; then no CPU has failed either.
		 */
		if (arg1 >= nr_cpu_ids || !cpu_possible(arg1))
			break;
		if (arg2 == JAILHOUSE_CPU_INFO_STATE) {
			e.outcome = EXACT_VALUE;
			e.value = JAILHOUSE_CPU_RUNNING;
		} else if (arg2 >= JAILHOUSE_CPU_INFO_STAT_BASE &&
			   arg2 < JAILHOUSE_CPU_INFO_STAT_BASE +
				  JAILHOUSE_NUM_CPU_STATS) {
			e.outcome = ANY_SUCCESS;
		}
		break;
	default:
		e.outcome = ENOSYS_ERRNO;
		break;
	}
	return e;
}

static bool as_expected(struct expectation e, int result)
{
	switch (e.outcome) {
	case ANY_ERRNO:
		return result < 0 && result >= -MAX_ERRNO;
	case ENOSYS_ERRNO:
		return result == -ENOSYS;
	case ANY_SUCCESS:
		return result >= 0;
	case EXACT_VALUE:
		return result == e.value;
	}
	return false;
}

static void report(unsigned int cpu, u32 code, unsigned long arg1,
		   unsigned long arg2, int result, struct expectation e)
{
	static const char *const wanted[] = {
		[ANY_ERRNO] = "a negative errno",
		[ENOSYS_ERRNO] = "-ENOSYS",
		[ANY_SUCCESS] = "success (>= 0)",
	};

	if (e.outcome == EXACT_VALUE)
		pr_err("CPU %u: code %u (0x%lx, 0x%lx) returned %d, expected %d\n",
		       cpu, code, arg1, arg2, result, e.value);
	else
		pr_err("CPU %u: code %u (0x%lx, 0x%lx) returned %d, expected %s\n",
		       cpu, code, arg1, arg2, result, wanted[e.outcome]);
}

static u64 random_u64(struct rnd_state *rnd)
{
	return (u64)prandom_u32_state(rnd) << 32 | prandom_u32_state(rnd);
}

/* Mostly the codes the ABI knows, often just past them, sometimes any. */
static u32 random_code(struct rnd_state *rnd)
{
	u32 code;

	do {
		if (prandom_u32_state(rnd) % 4)
			code = prandom_u32_state(rnd) % 16;
		else
			code = prandom_u32_state(rnd);
	} while (code == JAILHOUSE_HC_DISABLE ||
		 code == JAILHOUSE_HC_DEBUG_CONSOLE_PUTC);
	return code;
}

/* Arguments near the valid ones hit the checks' edges; wide ones the rest. */
static unsigned long random_arg(struct rnd_state *rnd)
{
	u64 r = random_u64(rnd);

	switch (prandom_u32_state(rnd) % 8) {
	case 0:
	case 1:
	case 2:		/* ids, info types, CPU numbers */
		return r % 8;
	case 3:		/* around the statistics counters */
		return JAILHOUSE_CPU_INFO_STAT_BASE - 4 + r % 24;
	case 4:		/* page addresses below 2 GiB: RAM, hypervisor, MMIO */
		return r & 0x7ffff000;
	case 5:		/* small negative numbers */
		return -(unsigned long)(r % 4 + 1);
	case 6:
		return (u32)r;
	default:
		return r;
	}
}

static void fuzz_this_cpu(struct work_struct *unused)
{
	unsigned int cpu = smp_processor_id();
	struct fuzz_cpu *fc = per_cpu_ptr(&fuzz_cpu, cpu);
	unsigned int i;

	for (i = 0; i < calls; i++) {
		u32 code = random_code(&fc->rnd);
		unsigned long arg1 = random_arg(&fc->rnd);
		unsigned long arg2 = random_arg(&fc->rnd);
		struct expectation e = expect(code, arg1, arg2);
		int result = hypercall(code, arg1, arg2);

		fc->done++;
		if (!as_expected(e, result)) {
			fc->unexpected++;
			if (atomic_inc_return(&reports) <= MAX_REPORTS)
				report(cpu, code, arg1, arg2, result, e);
		} else if (result < 0) {
			fc->errnos++;
		} else {
			fc->successes++;
		}
	}
	/* A bound worker stays put; if not, "every CPU" was not tested. */
	fc->moved = smp_processor_id() != cpu;
}

static bool under_jailhouse(void)
{
	unsigned int eax, ebx, ecx, edx;

	if (!boot_cpu_has(X86_FEATURE_HYPERVISOR))
		return false;
	cpuid(JAILHOUSE_CPUID_SIGNATURE, &eax, &ebx, &ecx, &edx);
	return ebx == SIGNATURE_EBX && ecx == SIGNATURE_ECX &&
		edx == SIGNATURE_EDX;
}

static int __init hcfuzz_init(void)
{
	unsigned int cpu;
	int num_cells;

	jailhouse_use_vmcall = boot_cpu_data.x86_vendor == X86_VENDOR_INTEL;
	if (!under_jailhouse()) {
		pr_err("not running under the hypervisor (no CPUID signature)\n");
		return -ENODEV;
	}
	num_cells = hypercall(JAILHOUSE_HC_HYPERVISOR_GET_INFO,
			      JAILHOUSE_INFO_NUM_CELLS, 0);
	if (num_cells != 1) {
		pr_err("%d cells: random cell ids are only harmless with the root cell alone\n",
		       num_cells);
		return -EBUSY;
	}

	if (!seed)
		seed = get_random_u64();
	for_each_possible_cpu(cpu) {
		struct fuzz_cpu *fc = per_cpu_ptr(&fuzz_cpu, cpu);

		memset(fc, 0, sizeof(*fc));
		prandom_seed_state(&fc->rnd, seed + cpu);
	}

	/* Bound workers, all at once: the calls of the CPUs overlap. */
	cpus_read_lock();
	for_each_online_cpu(cpu) {
		struct work_struct *work = per_cpu_ptr(&fuzz_work, cpu);

		INIT_WORK(work, fuzz_this_cpu);
		queue_work_on(cpu, system_highpri_wq, work);
	}
	for_each_online_cpu(cpu)
		flush_work(per_cpu_ptr(&fuzz_work, cpu));
	cpus_read_unlock();

	for_each_possible_cpu(cpu) {
		struct fuzz_cpu *fc = per_cpu_ptr(&fuzz_cpu, cpu);

		if (!fc->done)
			continue;
		total += fc->done;
		errnos += fc->errnos;
		successes += fc->successes;
		unexpected += fc->unexpected;
		if (fc->done == calls && !fc->moved)
			cpus++;
	}
	pr_info("seed 0x%lx: %lu hypercalls on %u CPUs: %lu negative errno, %lu documented successes, %lu unexpected\n",
		seed, total, cpus, errnos, successes, unexpected);
	return 0;
}

static void __exit hcfuzz_exit(void)
{
}

module_init(hcfuzz_init);
module_exit(hcfuzz_exit);

MODULE_DESCRIPTION("Stockade test: random hypercalls from the root cell");
MODULE_LICENSE("GPL");
