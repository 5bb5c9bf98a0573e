// SPDX-License-Identifier: GPL-2.0
/*
 * Interrupt injection through the list registers (gic_inject.c), with a
 * fake GIC behind struct gic_ops: a queue of acknowledge values, logs of
 * priority drops, deactivations and sent SGIs, and list registers in an
 * array whose empty bitmap follows their state, as ELRSR does.
 *
 * The fake's list register layout is its own (not GICv2's nor GICv3's)
 * so that only what struct gic_lr_format says is relied upon: state in
 * bits 63:62, HW link bit 61, physical id from bit 32, priority byte at
 * 55:48, virtual id and (for SGIs) the source CPU as in a GICv2
 * acknowledge value, bits 12:0.
 */
#include <string.h>

#include <core/percpu.h>
#include <arm-common/gic.h>
#include <arm-common/gic_ops.h>
#include <arm-common/gicd.h>
#include <arm-common/traps.h>

#include "unit.h"

#define LR_PENDING	(1ULL << 62)
#define LR_ACTIVE	(2ULL << 62)
#define LR_STATE	(3ULL << 62)
#define LR_HW		(1ULL << 61)
#define LR_PRIO		(0xa0ULL << 48)

/* Slots of the fake; the CPU under test implements fewer (NUM_LRS). */
#define FAKE_LRS	8
#define NUM_LRS		4
#define MAINT_IRQ	26
#define LOG_MAX		64

/* An SGI's acknowledge value: id and source CPU. */
#define SGI(id, src)	((u32)(src) << 10 | (id))

static u64 lrs[FAKE_LRS];
static u32 acks[LOG_MAX];
static unsigned int num_acks, next_ack;
static u32 eois[LOG_MAX], deacts[LOG_MAX];
static unsigned int num_eois, num_deacts;
static struct {
	struct per_cpu *target;
	unsigned int sgi;
} sent[LOG_MAX];
static unsigned int num_sent;
/* Last set_underflow() argument; -1: not called. */
static int underflow;
static unsigned int bad_lr_index;
static unsigned int cpu_init_calls, cpu_shutdown_calls, cpu_reset_calls;

static struct per_cpu cpu;

static int fake_cpu_init(struct per_cpu *c)
{
	(void)c;
	cpu_init_calls++;
	return 0;
}

static void fake_cpu_shutdown(struct per_cpu *c)
{
	(void)c;
	cpu_shutdown_calls++;
}

static void fake_cpu_reset(struct per_cpu *c)
{
	(void)c;
	cpu_reset_calls++;
}

static void fake_send_sgi(struct per_cpu *target, unsigned int sgi)
{
	if (num_sent < LOG_MAX) {
		sent[num_sent].target = target;
		sent[num_sent].sgi = sgi;
	}
	num_sent++;
}

/* Spurious once the queue is empty, as the CPU interface answers. */
static u32 fake_ack(void)
{
	return next_ack < num_acks ? acks[next_ack++] : 1023;
}

static void fake_eoi(u32 iar)
{
	if (num_eois < LOG_MAX)
		eois[num_eois] = iar;
	num_eois++;
}

static void fake_deactivate(u32 iar)
{
	if (num_deacts < LOG_MAX)
		deacts[num_deacts] = iar;
	num_deacts++;
}

/*
 * Every free slot of the fake shows as empty, also those above what the
 * CPU implements: the code must keep to cpu->arch.num_lrs itself.
 */
static u64 fake_empty_lrs(void)
{
	u64 empty = 0;
	unsigned int n;

	for (n = 0; n < FAKE_LRS; n++)
		if (!(lrs[n] & LR_STATE))
			empty |= 1ULL << n;
	return empty;
}

static u64 fake_read_lr(unsigned int n)
{
	if (n >= NUM_LRS) {
		bad_lr_index++;
		return 0;
	}
	return lrs[n];
}

static void fake_write_lr(unsigned int n, u64 val)
{
	if (n >= NUM_LRS) {
		bad_lr_index++;
		return;
	}
	lrs[n] = val;
}

static u64 fake_make_lr(u32 iar)
{
	u32 irq = iar & 0x3ff;

	if (irq < 16)
		return LR_PENDING | LR_PRIO | (iar & 0x1fff);
	return LR_PENDING | LR_PRIO | LR_HW | (u64)irq << 32 | irq;
}

static void fake_set_underflow(bool on)
{
	underflow = on;
}

/* What the version's short path answers, and how often it was asked. */
static u64 fast_answer;
static unsigned int fast_calls;

static u64 fake_irq_fast(struct per_cpu *c)
{
	(void)c;
	fast_calls++;
	return fast_answer;
}

static const struct gic_ops fake_ops = {
	.lr = {
		.iar_id = 0x3ff,
		.vintid = 0x3ff,
		.sgi_id = 0x1fff,
		.state = LR_STATE,
		.pending = LR_PENDING,
		.hw = LR_HW,
	},
	.cpu_init = fake_cpu_init,
	.cpu_shutdown = fake_cpu_shutdown,
	.cpu_reset = fake_cpu_reset,
	.send_sgi = fake_send_sgi,
	.ack = fake_ack,
	.eoi = fake_eoi,
	.deactivate = fake_deactivate,
	.empty_lrs = fake_empty_lrs,
	.read_lr = fake_read_lr,
	.write_lr = fake_write_lr,
	.make_lr = fake_make_lr,
	.set_underflow = fake_set_underflow,
	.irq_fast = fake_irq_fast,
};

static void reset_logs(void)
{
	num_acks = next_ack = 0;
	num_eois = num_deacts = num_sent = 0;
	underflow = -1;
	fast_calls = 0;
}

static void queue_acks(const u32 *iars, unsigned int n)
{
	memcpy(acks, iars, n * sizeof(*iars));
	num_acks = n;
	next_ack = 0;
}

static bool deactivated(u32 iar)
{
	unsigned int n;

	for (n = 0; n < num_deacts && n < LOG_MAX; n++)
		if (deacts[n] == iar)
			return true;
	return false;
}

static bool was_sent(unsigned int sgi)
{
	unsigned int n;

	for (n = 0; n < num_sent && n < LOG_MAX; n++)
		if (sent[n].sgi == sgi && sent[n].target == &cpu)
			return true;
	return false;
}

static bool queued(unsigned int irq)
{
	return (cpu.arch.pending[irq / 64] >> (irq % 64)) & 1;
}

/* The CPU after gic_cpu_init(), with garbage where init must clear. */
static int setup(void)
{
	int err;

	memset(&cpu, 0, sizeof(cpu));
	cpu.cpu_id = 1;
	cpu.arch.num_lrs = NUM_LRS;
	memset(cpu.arch.pending, 0xff, sizeof(cpu.arch.pending));
	memset(lrs, 0xff, sizeof(lrs));
	lrs[NUM_LRS] = lrs[NUM_LRS + 1] = 0;
	lrs[NUM_LRS + 2] = lrs[NUM_LRS + 3] = 0;
	bad_lr_index = 0;
	cpu_init_calls = cpu_shutdown_calls = cpu_reset_calls = 0;
	reset_logs();
	gic = &fake_ops;
	gic_maint_irq = MAINT_IRQ;
	err = gic_cpu_init(&cpu);
	reset_logs();
	return err;
}

static void teardown(void)
{
	gic = NULL;
}

/* All list registers taken by SGIs of source 7 that nothing else uses. */
static void fill_lrs(void)
{
	unsigned int n;

	for (n = 0; n < NUM_LRS; n++)
		lrs[n] = fake_make_lr(SGI(8 + n, 7)) ^ LR_STATE;
}

TEST(arm_gic_inject_cpu_init_starts_clean)
{
	unsigned int n;

	ASSERT_EQ(setup(), 0);
	EXPECT_EQ(cpu_init_calls, 1);
	EXPECT_TRUE(cpu.arch.gic_ready);
	for (n = 0; n < NUM_LRS; n++)
		EXPECT_EQ(lrs[n], 0);
	for (n = 0; n < GIC_PENDING_WORDS; n++)
		EXPECT_EQ(cpu.arch.pending[n], 0);
	EXPECT_EQ(bad_lr_index, 0);
	teardown();
}

TEST(arm_gic_inject_into_free_list_register)
{
	static const u32 in[] = { 40, SGI(3, 2), 1023 };

	ASSERT_EQ(setup(), 0);
	lrs[0] = fake_make_lr(41) ^ LR_STATE;
	queue_acks(in, ARRAY_SIZE(in));
	EXPECT_FALSE(gic_handle_irq(&cpu));
	/* First free ones, encoded by make_lr; an SGI keeps its source. */
	EXPECT_EQ(lrs[1], fake_make_lr(40));
	EXPECT_EQ(lrs[2], fake_make_lr(SGI(3, 2)));
	EXPECT_EQ(lrs[2] & 0x1fff, SGI(3, 2));
	EXPECT_EQ(lrs[3], 0);
	EXPECT_EQ(lrs[0], fake_make_lr(41) ^ LR_STATE);
	/* Both priority-dropped; only the SGI deactivated (no HW link). */
	ASSERT_EQ(num_eois, 2);
	EXPECT_EQ(eois[0], 40);
	EXPECT_EQ(eois[1], SGI(3, 2));
	ASSERT_EQ(num_deacts, 1);
	EXPECT_EQ(deacts[0], SGI(3, 2));
	EXPECT_EQ(underflow, -1);
	EXPECT_EQ(bad_lr_index, 0);
	teardown();
}

TEST(arm_gic_inject_queues_when_full_and_refills_in_order)
{
	static const u32 in[] = { 50, SGI(2, 1), 33, 1023 };
	static const u32 maint[] = { MAINT_IRQ, 1023 };
	unsigned int n;

	ASSERT_EQ(setup(), 0);
	fill_lrs();
	queue_acks(in, ARRAY_SIZE(in));
	EXPECT_FALSE(gic_handle_irq(&cpu));
	EXPECT_TRUE(queued(50));
	EXPECT_TRUE(queued(33));
	EXPECT_TRUE(queued(2));
	EXPECT_EQ(underflow, true);
	for (n = 0; n < NUM_LRS; n++)
		EXPECT_EQ(lrs[n], fake_make_lr(SGI(8 + n, 7)) ^ LR_STATE);
	/* Free slots beyond the CPU's list registers are not used. */
	for (n = NUM_LRS; n < FAKE_LRS; n++)
		EXPECT_EQ(lrs[n], 0);
	EXPECT_EQ(bad_lr_index, 0);

	/* Two become free: the lowest ids go first. */
	lrs[1] = lrs[3] = 0;
	reset_logs();
	queue_acks(maint, ARRAY_SIZE(maint));
	EXPECT_FALSE(gic_handle_irq(&cpu));
	EXPECT_EQ(cpu.stats[JAILHOUSE_CPU_STAT_VMEXITS_MAINTENANCE], 1);
	/* The source of a queued SGI is gone. */
	EXPECT_EQ(lrs[1], fake_make_lr(2));
	EXPECT_EQ(lrs[3], fake_make_lr(33));
	EXPECT_FALSE(queued(2));
	EXPECT_FALSE(queued(33));
	EXPECT_TRUE(queued(50));
	EXPECT_EQ(underflow, true);
	ASSERT_EQ(num_deacts, 1);
	EXPECT_EQ(deacts[0], MAINT_IRQ);
	ASSERT_EQ(num_eois, 1);
	EXPECT_EQ(eois[0], MAINT_IRQ);

	lrs[0] = 0;
	reset_logs();
	queue_acks(maint, ARRAY_SIZE(maint));
	EXPECT_FALSE(gic_handle_irq(&cpu));
	EXPECT_EQ(cpu.stats[JAILHOUSE_CPU_STAT_VMEXITS_MAINTENANCE], 2);
	EXPECT_EQ(lrs[0], fake_make_lr(50));
	EXPECT_FALSE(queued(50));
	EXPECT_EQ(underflow, false);
	for (n = 0; n < GIC_PENDING_WORDS; n++)
		EXPECT_EQ(cpu.arch.pending[n], 0);
	teardown();
}

TEST(arm_gic_inject_merges_listed_sgi)
{
	const u32 in[] = { SGI(3, 1), SGI(4, 1), SGI(3, 2), 1023 };
	const u64 sgi3 = fake_make_lr(SGI(3, 1));

	ASSERT_EQ(setup(), 0);
	/* Pending: stays one pending entry. Active: active and pending. */
	lrs[0] = sgi3;
	lrs[2] = fake_make_lr(SGI(4, 1)) ^ LR_STATE;
	queue_acks(in, ARRAY_SIZE(in));
	EXPECT_FALSE(gic_handle_irq(&cpu));
	EXPECT_EQ(lrs[0], sgi3);
	EXPECT_EQ(lrs[2], fake_make_lr(SGI(4, 1)) | LR_STATE);
	/* Another source is another interrupt for the guest. */
	EXPECT_EQ(lrs[1], fake_make_lr(SGI(3, 2)));
	EXPECT_EQ(lrs[3], 0);
	/* Each SGI is done with physically at once. */
	EXPECT_EQ(num_deacts, 3);
	EXPECT_TRUE(deactivated(SGI(3, 1)));
	EXPECT_TRUE(deactivated(SGI(4, 1)));
	EXPECT_TRUE(deactivated(SGI(3, 2)));
	EXPECT_EQ(underflow, -1);
	teardown();
}

/*
 * A queued SGI (source 0 by then) whose id and source a list register
 * still holds, active, when room comes: merged there, not listed twice.
 */
TEST(arm_gic_inject_refill_merges_listed_sgi)
{
	static const u32 in[] = { 60, SGI(5, 1), 1023 };
	static const u32 maint[] = { MAINT_IRQ, 1023 };
	unsigned int n, listed = 0;

	ASSERT_EQ(setup(), 0);
	fill_lrs();
	lrs[0] = fake_make_lr(SGI(5, 0)) ^ LR_STATE;
	queue_acks(in, ARRAY_SIZE(in));
	gic_handle_irq(&cpu);
	ASSERT_TRUE(queued(5));
	ASSERT_TRUE(queued(60));

	lrs[2] = 0;
	queue_acks(maint, ARRAY_SIZE(maint));
	gic_handle_irq(&cpu);
	for (n = 0; n < NUM_LRS; n++)
		if ((lrs[n] & LR_STATE) && (lrs[n] & 0x3ff) == 5)
			listed++;
	EXPECT_EQ(listed, 1);
	EXPECT_EQ(lrs[0], fake_make_lr(SGI(5, 0)) | LR_STATE);
	EXPECT_EQ(lrs[2], fake_make_lr(60));
	EXPECT_FALSE(queued(5));
	EXPECT_FALSE(queued(60));
	EXPECT_EQ(underflow, false);
	teardown();
}

/*
 * The full path after the short one: the interrupt the short path
 * acknowledged is handled first (as in the loop), then the others.
 */
TEST(arm_gic_inject_full_path_after_the_short_one)
{
	static const u32 rest[] = { 41, 1023 };

	ASSERT_EQ(setup(), 0);
	queue_acks(rest, ARRAY_SIZE(rest));
	EXPECT_FALSE(gic_handle_acked(&cpu, GIC_ACK_SLOW | SGI(3, 2)));
	EXPECT_EQ(lrs[0], fake_make_lr(SGI(3, 2)));
	EXPECT_EQ(lrs[1], fake_make_lr(41));
	ASSERT_EQ(num_eois, 2);
	EXPECT_EQ(eois[0], SGI(3, 2));
	EXPECT_EQ(eois[1], 41);
	ASSERT_EQ(num_deacts, 1);
	EXPECT_EQ(deacts[0], SGI(3, 2));
	EXPECT_EQ(next_ack, 2);

	/* Nothing acknowledged yet: only the loop. */
	lrs[0] = lrs[1] = 0;
	reset_logs();
	queue_acks(rest, ARRAY_SIZE(rest));
	EXPECT_FALSE(gic_handle_acked(&cpu, GIC_ACK_NONE));
	ASSERT_EQ(num_eois, 1);
	EXPECT_EQ(eois[0], 41);
	EXPECT_EQ(lrs[0], fake_make_lr(41));

	/* The kick is reported whichever half acknowledged it. */
	reset_logs();
	EXPECT_TRUE(gic_handle_acked(&cpu, GIC_ACK_SLOW | GIC_MGMT_SGI));
	EXPECT_TRUE(deactivated(GIC_MGMT_SGI));
	EXPECT_EQ(cpu.stats[JAILHOUSE_CPU_STAT_VMEXITS_MANAGEMENT], 1);
	EXPECT_EQ(bad_lr_index, 0);
	teardown();
}

/*
 * Before the CPU's GIC is taken over, neither half touches it; after,
 * the short path is the version's, and the exit is counted.
 */
TEST(arm_gic_inject_short_path_only_once_set_up)
{
	static const u32 rest[] = { 41, 1023 };

	ASSERT_EQ(setup(), 0);
	fast_answer = GIC_ACK_DONE;
	EXPECT_EQ(arm_irq_fast(&cpu), GIC_ACK_DONE);
	EXPECT_EQ(fast_calls, 1);
	EXPECT_EQ(cpu.stats[JAILHOUSE_CPU_STAT_VMEXITS_TOTAL], 1);
	EXPECT_EQ(cpu.stats[JAILHOUSE_CPU_STAT_VMEXITS_VIRQ], 1);
	fast_answer = GIC_ACK_SLOW | 40;
	EXPECT_EQ(gic_irq_fast(&cpu), GIC_ACK_SLOW | 40);

	cpu.arch.gic_ready = false;
	reset_logs();
	queue_acks(rest, ARRAY_SIZE(rest));
	EXPECT_EQ(gic_irq_fast(&cpu), GIC_ACK_NONE);
	EXPECT_EQ(fast_calls, 0);
	EXPECT_FALSE(gic_handle_acked(&cpu, GIC_ACK_SLOW | 40));
	EXPECT_EQ(next_ack, 0);
	EXPECT_EQ(num_eois, 0);
	EXPECT_EQ(lrs[0], 0);
	teardown();
}

TEST(arm_gic_inject_drop_injected)
{
	bool resend;

	for (resend = false; ; resend = true) {
		ASSERT_EQ(setup(), 0);
		lrs[0] = fake_make_lr(40) ^ LR_STATE;		/* active */
		lrs[1] = fake_make_lr(27);			/* pending */
		lrs[2] = fake_make_lr(SGI(4, 2));		/* pending */
		lrs[3] = fake_make_lr(SGI(5, 2)) ^ LR_STATE;	/* active */
		cpu.arch.pending[0] = 1ULL << 7 | 1ULL << 6;
		cpu.arch.pending[100 / 64] |= 1ULL << (100 % 64);
		underflow = true;
		gic_drop_injected(&cpu, resend);

		/* Linked ones deactivated physically, listed or queued. */
		EXPECT_EQ(num_deacts, 3);
		EXPECT_TRUE(deactivated(40));
		EXPECT_TRUE(deactivated(27));
		EXPECT_TRUE(deactivated(100));
		/* Pending SGIs come again only when asked; active ones not. */
		EXPECT_EQ(num_sent, resend ? 3 : 0);
		EXPECT_EQ(was_sent(4), resend);
		EXPECT_EQ(was_sent(6), resend);
		EXPECT_EQ(was_sent(7), resend);
		EXPECT_FALSE(was_sent(5));
		EXPECT_EQ(lrs[0] | lrs[1] | lrs[2] | lrs[3], 0);
		EXPECT_EQ(cpu.arch.pending[0] | cpu.arch.pending[1], 0);
		EXPECT_EQ(underflow, false);
		teardown();
		if (resend)
			break;
	}
}

/* An active SGI that another one was merged into is still pending. */
TEST(arm_gic_inject_drop_resends_active_pending_sgi)
{
	ASSERT_EQ(setup(), 0);
	lrs[2] = fake_make_lr(SGI(9, 3)) | LR_STATE;
	gic_drop_injected(&cpu, true);
	EXPECT_EQ(num_sent, 1);
	EXPECT_TRUE(was_sent(9));
	EXPECT_EQ(num_deacts, 0);
	teardown();
}

TEST(arm_gic_inject_shutdown_and_reset)
{
	ASSERT_EQ(setup(), 0);
	lrs[0] = fake_make_lr(SGI(1, 0));
	gic_cpu_reset(&cpu);
	EXPECT_EQ(cpu_reset_calls, 1);
	EXPECT_EQ(num_sent, 0);
	EXPECT_EQ(lrs[0], 0);
	EXPECT_TRUE(cpu.arch.gic_ready);

	lrs[0] = fake_make_lr(SGI(1, 0));
	gic_cpu_shutdown(&cpu);
	EXPECT_EQ(cpu_shutdown_calls, 1);
	EXPECT_TRUE(was_sent(1));
	EXPECT_FALSE(cpu.arch.gic_ready);

	/* Not set up (any more): nothing to do. */
	lrs[0] = fake_make_lr(SGI(1, 0));
	gic_cpu_shutdown(&cpu);
	gic_cpu_reset(&cpu);
	EXPECT_EQ(cpu_shutdown_calls, 1);
	EXPECT_EQ(cpu_reset_calls, 1);
	EXPECT_EQ(lrs[0], fake_make_lr(SGI(1, 0)));
	teardown();
}

TEST(arm_gic_handle_irq_until_spurious)
{
	const u32 in[] = { SGI(15, 2), 40, MAINT_IRQ, 1021, 41 };
	u32 spurious;

	ASSERT_EQ(setup(), 0);
	queue_acks(in, ARRAY_SIZE(in));
	EXPECT_TRUE(gic_handle_irq(&cpu));
	/* Stopped at the spurious id: 41 is still waiting. */
	EXPECT_EQ(next_ack, 4);
	EXPECT_EQ(cpu.stats[JAILHOUSE_CPU_STAT_VMEXITS_MANAGEMENT], 1);
	EXPECT_EQ(cpu.stats[JAILHOUSE_CPU_STAT_VMEXITS_MAINTENANCE], 1);
	ASSERT_EQ(num_eois, 3);
	EXPECT_EQ(eois[0], SGI(15, 2));
	EXPECT_EQ(eois[1], 40);
	EXPECT_EQ(eois[2], MAINT_IRQ);
	ASSERT_EQ(num_deacts, 2);
	EXPECT_EQ(deacts[0], SGI(15, 2));
	EXPECT_EQ(deacts[1], MAINT_IRQ);
	/* The hypervisor's own never reach the guest. */
	EXPECT_EQ(lrs[0], fake_make_lr(40));
	EXPECT_EQ(lrs[1] | lrs[2] | lrs[3], 0);

	/* Each of the four special ids ends the loop; 1019 does not. */
	for (spurious = 1020; spurious < 1024; spurious++) {
		const u32 tail[] = { spurious, 42 };

		reset_logs();
		queue_acks(tail, ARRAY_SIZE(tail));
		EXPECT_FALSE(gic_handle_irq(&cpu));
		EXPECT_EQ(next_ack, 1);
		EXPECT_EQ(num_eois, 0);
	}
	{
		const u32 last[] = { 1019, 1023 };

		reset_logs();
		queue_acks(last, ARRAY_SIZE(last));
		EXPECT_FALSE(gic_handle_irq(&cpu));
		EXPECT_EQ(next_ack, 2);
		EXPECT_EQ(lrs[1], fake_make_lr(1019));
	}
	EXPECT_EQ(cpu.stats[JAILHOUSE_CPU_STAT_VMEXITS_MANAGEMENT], 1);

	/* Not set up: nothing is taken. */
	reset_logs();
	queue_acks(in, ARRAY_SIZE(in));
	cpu.arch.gic_ready = false;
	EXPECT_FALSE(gic_handle_irq(&cpu));
	EXPECT_EQ(next_ack, 0);
	teardown();
}

TEST(arm_gic_send_mgmt_sgi)
{
	ASSERT_EQ(setup(), 0);
	gic_send_mgmt_sgi(&cpu);
	ASSERT_EQ(num_sent, 1);
	EXPECT_TRUE(sent[0].target == &cpu);
	EXPECT_EQ(sent[0].sgi, GIC_MGMT_SGI);
	teardown();
}
