// SPDX-License-Identifier: GPL-2.0
/*
 * What of a cell's ICR write reaches the hardware ICR (arch/x86/apic.c),
 * on a fake xAPIC page. The file is compiled in here: its unit stays out
 * of the core's unit table (the tests of the core run their own units),
 * and its cell-interrupt entry is renamed, since test_x86_msi.c records
 * calls of that name.
 */
#include <string.h>

#include <jailhouse/cell-config.h>

#include <core/unit.h>
#undef DEFINE_UNIT
#define DEFINE_UNIT(id, ...)						\
	static const struct unit __unit_##id __attribute__((used)) = {	\
		__VA_ARGS__						\
	}
#define apic_send_cell_irq xapic_send_cell_irq
#define apic_send_cell_x2apic_irq xapic_send_cell_x2apic_irq
#include "../../hypervisor/arch/x86/apic.c"
#undef apic_send_cell_irq
#undef apic_send_cell_x2apic_irq

#include "arch_stubs.h"
#include "unit.h"

#define ICR_TRIGGER_LEVEL	BIT(15)
/* ICR low bits without a meaning in xAPIC mode: 13, 16, 17, 20..31. */
#define ICR_RESERVED		0xfff32000U

static u32 fake_apic[PAGE_SIZE / 4] __attribute__((aligned(PAGE_SIZE)));
static struct per_cpu sender;
/* apic_init() maps the page there (x86/setup.c, not linked here). */
struct paging_structures hv_paging;

void vcpu_send_init(struct per_cpu *target)
{
	(void)target;
}

void vcpu_send_sipi(struct per_cpu *target, unsigned int vector)
{
	(void)target;
	(void)vector;
}

/* apic_cpu_reset()'s interrupt windows (entry.S, setup.c): never here. */
void vcpu_vendor_irq_window(void)
{
}

void x86_drain_idt(bool on)
{
	(void)on;
}

static u32 fake_icr(void)
{
	return fake_apic[APIC_REG_ICR_LO / 4];
}

/*
 * A self IPI reaches the hardware ICR with what the guest chose (vector,
 * delivery mode, level, destination mode) but nothing else: a delivery
 * status bit left there would make every later send_ipi() of the CPU
 * (the hypervisor's own NMI kicks among them) wait for ever on an APIC
 * that keeps what is written, as QEMU's does; a level trigger would make
 * the cell's EOI reach the IOAPICs. (How the self IPI is addressed, by
 * shorthand or by the CPU's own ID, is left open.)
 */
TEST(x86_apic_icr_keeps_only_architectural_bits)
{
	const u32 chosen = ICR_VECTOR | ICR_DM_MASK | ICR_DEST_LOGICAL |
		ICR_ASSERT;
	const u32 foreign = ICR_BUSY | ICR_TRIGGER_LEVEL | ICR_RESERVED;

	memset(fake_apic, 0, sizeof(fake_apic));
	xapic = (volatile u8 *)fake_apic;
	apic_write_reg(&sender, APIC_REG_ICR_LO,
		       0x41 | ICR_ASSERT | ICR_TO_SELF | foreign);
	EXPECT_EQ(fake_icr() & foreign, 0);
	EXPECT_EQ(fake_icr() & chosen, 0x41 | ICR_ASSERT);

	apic_write_reg(&sender, APIC_REG_ICR_LO,
		       ICR_DM_NMI | ICR_DEST_LOGICAL | ICR_TO_SELF | ICR_BUSY);
	EXPECT_EQ(fake_icr() & foreign, 0);
	EXPECT_EQ(fake_icr() & ICR_DM_MASK, ICR_DM_NMI);
	xapic = NULL;
}

/*
 * An NMI a guest sends is counted at its target before it goes out, so
 * that the target gives it to its guest also when it merged with a kick
 * or landed in the hypervisor (x86/nmi_route.h); fixed IPIs are not.
 */
TEST(x86_apic_guest_nmi_counted_at_target)
{
	memset(fake_apic, 0, sizeof(fake_apic));
	xapic = (volatile u8 *)fake_apic;
	sender.arch.guest_nmis = 0;
	apic_write_reg(&sender, APIC_REG_ICR_LO,
		       0x41 | ICR_ASSERT | ICR_TO_SELF);
	EXPECT_EQ(sender.arch.guest_nmis, 0);
	apic_write_reg(&sender, APIC_REG_ICR_LO, ICR_DM_NMI | ICR_TO_SELF);
	EXPECT_EQ(sender.arch.guest_nmis, 1);
	EXPECT_EQ(fake_icr() & ICR_DM_MASK, ICR_DM_NMI);
	sender.arch.guest_nmis = 0;
	xapic = NULL;
}

/*
 * A cell that keeps writing its APIC ID: one line per refusal for the
 * first ones of its run, then one that says the rest are suppressed.
 */
TEST(x86_apic_routing_refusals_limited_per_run)
{
	static struct jailhouse_cell_desc desc = { .name = "looper" };
	struct cell cell = { .config = &desc };
	const char *p;
	unsigned int n, lines = 0;

	memset(fake_apic, 0, sizeof(fake_apic));
	xapic = (volatile u8 *)fake_apic;
	sender.cell = &cell;
	sender.arch.apic_id = 2;
	dbg_output_reset();
	for (n = 0; n < 100; n++)
		apic_write_reg(&sender, APIC_REG_ID, 0x07000000);
	for (p = dbg_output; (p = strstr(p, "dropped (routing")); p++)
		lines++;
	EXPECT_EQ(lines, REFUSAL_LINES);
	EXPECT_TRUE(strstr(dbg_output, "further refusals suppressed") !=
		    NULL);
	/* The ID itself never changed. */
	EXPECT_EQ(fake_apic[APIC_REG_ID / 4], 0);
	sender.cell = NULL;
	xapic = NULL;
}

/*
 * Fixed and lowest-priority IPIs with a vector below 16, by the xAPIC
 * page's ICR, the x2APIC ICR and SELF_IPI: none reaches the hardware ICR
 * (QEMU's APIC would leave it pending in IRR for ever), each says so in a
 * line, and the cell's next legal IPI still goes out.
 */
TEST(x86_apic_illegal_vectors_dropped)
{
	static struct jailhouse_cell_desc desc = { .name = "vectors" };
	struct cell cell = { .config = &desc };
	static const u32 icrs[] = {
		0x05 | ICR_ASSERT | ICR_TO_SELF,
		0x0f | ICR_DM_LOWEST | ICR_ASSERT | ICR_TO_SELF,
		0x00 | ICR_ASSERT | ICR_TO_SELF,
	};
	const char *p;
	unsigned int n, lines = 0;
	char why[64];

	memset(fake_apic, 0, sizeof(fake_apic));
	xapic = (volatile u8 *)fake_apic;
	sender.cell = &cell;
	sender.arch.apic_id = 2;
	dbg_output_reset();
	for (n = 0; n < (sizeof(icrs) / sizeof(icrs[0])); n++) {
		apic_write_reg(&sender, APIC_REG_ICR_LO, icrs[n]);
		EXPECT_EQ(fake_icr(), 0);
		EXPECT_EQ(apic_x2apic_write(&sender, X2APIC_MSR_ICR,
					    (u64)2 << 32 | icrs[n], why,
					    sizeof(why)), 0);
		EXPECT_EQ(fake_icr(), 0);
	}
	EXPECT_EQ(apic_x2apic_write(&sender, X2APIC_MSR_SELF_IPI, 3, why,
				    sizeof(why)), 0);
	EXPECT_EQ(fake_icr(), 0);
	for (p = dbg_output; (p = strstr(p, "illegal vector")); p++)
		lines++;
	EXPECT_EQ(lines, 2 * (sizeof(icrs) / sizeof(icrs[0])) + 1);
	EXPECT_TRUE(strstr(dbg_output, "CPU 0: IPI with illegal vector 5 "
			   "dropped") != NULL);

	/* Vector 16 is the first one an APIC takes; NMI has none. */
	apic_write_reg(&sender, APIC_REG_ICR_LO, 0x10 | ICR_ASSERT |
		       ICR_TO_SELF);
	EXPECT_EQ(fake_icr() & ICR_VECTOR, 0x10);
	fake_apic[APIC_REG_ICR_LO / 4] = 0;
	apic_write_reg(&sender, APIC_REG_ICR_LO, ICR_DM_NMI | ICR_TO_SELF);
	EXPECT_EQ(fake_icr() & ICR_DM_MASK, ICR_DM_NMI);
	sender.cell = NULL;
	xapic = NULL;
}
