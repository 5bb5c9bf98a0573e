// SPDX-License-Identifier: GPL-2.0
/*
 * The local xAPIC (memory-mapped; the test machines have no x2APIC). Every
 * cell reads its APIC directly but every write traps: INIT and STARTUP
 * IPIs must not reach real CPUs in guest mode (QEMU's SVM resets such a
 * CPU out of guest mode). They become requests the target CPU handles in
 * the hypervisor. Other IPIs reach only CPUs of the sender's cell; the
 * registers that decide where interrupts go (ID, LDR, DFR) keep the
 * values Linux gave them before the hypervisor started; all other writes
 * are done on the guest's behalf.
 */
#include <core/cell.h>
#include <core/errno.h>
#include <core/hypervisor.h>
#include <core/mmio.h>
#include <core/page_pool.h>
#include <core/paging.h>
#include <core/percpu.h>
#include <core/printk.h>
#include <core/unit.h>
#include <x86/apic.h>
#include <x86/setup.h>
#include <x86/vcpu.h>

#define APIC_REG_ID		0x020
#define APIC_REG_TPR		0x080
#define APIC_REG_EOI		0x0b0
#define APIC_REG_LDR		0x0d0
#define APIC_REG_DFR		0x0e0
/* The bits of ID, LDR and DFR that mean anything. */
#define APIC_ID_MASK		0xff000000U
#define APIC_DFR_MODEL_MASK	0xf0000000U
#define APIC_DFR_FLAT		0xf0000000U
#define APIC_REG_ISR		0x100
#define APIC_REG_LVT_TIMER	0x320
#define APIC_REG_LVT_ERROR	0x370
#define APIC_REG_TMICT		0x380
#define APIC_LVT_MASKED		BIT(16)
#define APIC_ISR_REGS		8
#define APIC_REG_STRIDE		0x10
#define APIC_BROADCAST		0xff
#define APIC_REG_ICR_LO		0x300
#define APIC_REG_ICR_HI		0x310

#define ICR_VECTOR		0x000000ffU
#define ICR_DM_SHIFT		8
#define ICR_DM_MASK		(7U << ICR_DM_SHIFT)
#define ICR_DM_LOWEST		(1U << ICR_DM_SHIFT)
#define ICR_DM_NMI		(4U << ICR_DM_SHIFT)
#define ICR_DM_INIT		(5U << ICR_DM_SHIFT)
#define ICR_DM_STARTUP		(6U << ICR_DM_SHIFT)
#define ICR_DEST_LOGICAL	BIT(11)
#define ICR_BUSY		BIT(12)
#define ICR_ASSERT		BIT(14)
#define ICR_SHORTHAND_SHIFT	18
#define ICR_SHORTHAND_MASK	(3U << ICR_SHORTHAND_SHIFT)
#define ICR_TO_DEST		(0U << ICR_SHORTHAND_SHIFT)
#define ICR_TO_SELF		(1U << ICR_SHORTHAND_SHIFT)
#define ICR_TO_ALL		(2U << ICR_SHORTHAND_SHIFT)
#define ICR_TO_OTHERS		(3U << ICR_SHORTHAND_SHIFT)
#define ICR_DEST_SHIFT		24

/* Each CPU reaches its own APIC at the same address. */
static volatile u8 *xapic;

static u32 apic_read(unsigned int reg)
{
	return *(volatile u32 *)(xapic + reg);
}

static void apic_write(unsigned int reg, u32 value)
{
	*(volatile u32 *)(xapic + reg) = value;
}

u32 apic_reg_read(unsigned int reg)
{
	return apic_read(reg);
}

void apic_reg_write(unsigned int reg, u32 value)
{
	apic_write(reg, value);
}

int apic_init(void)
{
	xapic = page_alloc(&remap_pool, 1);
	if (!xapic)
		return -ENOMEM;
	return paging_map(&hv_paging, (unsigned long)xapic, XAPIC_BASE,
			  PAGE_SIZE, PAGE_FLAG_READ | PAGE_FLAG_WRITE |
			  PAGE_FLAG_DEVICE | PAGE_FLAG_NO_HUGE);
}

/*
 * The routing identity of the CPU, as Linux left it at enable: from now
 * on only the hypervisor may change it (see apic_write_reg).
 */
void apic_cpu_init(struct per_cpu *cpu)
{
	cpu->arch.apic_id = apic_read(APIC_REG_ID) >> ICR_DEST_SHIFT;
	cpu->arch.apic_ldr = apic_read(APIC_REG_LDR) & APIC_ID_MASK;
	cpu->arch.apic_dfr = apic_read(APIC_REG_DFR) & APIC_DFR_MODEL_MASK;
}

/*
 * Flat model: dest is a mask of logical IDs. Cluster model: a cluster in
 * the upper nibble (0xf: all) and a mask of its members in the lower.
 */
bool apic_logical_match(const struct per_cpu *cpu, u8 dest)
{
	u8 id = cpu->arch.apic_ldr >> ICR_DEST_SHIFT;

	if (cpu->arch.apic_dfr == APIC_DFR_FLAT)
		return id & dest;
	return ((dest >> 4) == 0xf || (dest >> 4) == (id >> 4)) &&
		(id & dest & 0xf);
}

/*
 * Nothing of the previous owner may fire into the next one: local
 * interrupt sources masked, timer stopped, interrupts in service ended.
 */
void apic_cpu_reset(void)
{
	unsigned int reg, n;

	for (reg = APIC_REG_LVT_TIMER; reg <= APIC_REG_LVT_ERROR;
	     reg += APIC_REG_STRIDE)
		apic_write(reg, APIC_LVT_MASKED);
	apic_write(APIC_REG_TMICT, 0);
	apic_write(APIC_REG_TPR, 0);
	for (n = 0; n < APIC_ISR_REGS * 32; n++) {
		for (reg = 0; reg < APIC_ISR_REGS; reg++)
			if (apic_read(APIC_REG_ISR + reg * APIC_REG_STRIDE))
				break;
		if (reg == APIC_ISR_REGS)
			break;
		apic_write(APIC_REG_EOI, 0);
	}
}

static void send_ipi(u32 apic_id, u32 icr_lo)
{
	while (apic_read(APIC_REG_ICR_LO) & ICR_BUSY)
		cpu_relax();
	apic_write(APIC_REG_ICR_HI, apic_id << ICR_DEST_SHIFT);
	apic_write(APIC_REG_ICR_LO, icr_lo);
}

void apic_send_nmi(u32 apic_id)
{
	/* The guest may be between its two ICR writes: keep its half. */
	u32 icr_hi = apic_read(APIC_REG_ICR_HI);

	send_ipi(apic_id, ICR_DM_NMI);
	apic_write(APIC_REG_ICR_HI, icr_hi);
}

static bool icr_targets(const struct per_cpu *sender,
			const struct per_cpu *target, u32 icr_lo, u32 dest)
{
	switch (icr_lo & ICR_SHORTHAND_MASK) {
	case ICR_TO_SELF:
		return target == sender;
	case ICR_TO_ALL:
		return true;
	case ICR_TO_OTHERS:
		return target != sender;
	}
	/* Linux addresses INIT and STARTUP physically. */
	return !(icr_lo & ICR_DEST_LOGICAL) && target->arch.apic_id == dest;
}

/* INIT and STARTUP go to CPUs of the sender's cell only, as requests. */
static void send_init_sipi(struct per_cpu *sender, u32 icr_lo)
{
	u32 dest = apic_read(APIC_REG_ICR_HI) >> ICR_DEST_SHIFT;
	bool named = false;
	struct per_cpu *target;
	unsigned int n;

	/* The de-assert half of a level INIT means nothing today. */
	if ((icr_lo & ICR_DM_MASK) == ICR_DM_INIT && !(icr_lo & ICR_ASSERT))
		return;

	for (n = 0; n < hypervisor_header.max_cpus; n++) {
		if (!cell_owns_cpu(sender->cell, n))
			continue;
		target = per_cpu(n);
		if (!icr_targets(sender, target, icr_lo, dest))
			continue;
		named = true;
		/*
		 * A CPU cannot reset itself this way, and one that Linux had
		 * offline at enable time never came into the hypervisor.
		 */
		if (target == sender || !target->cell)
			continue;
		if ((icr_lo & ICR_DM_MASK) == ICR_DM_INIT)
			vcpu_send_init(target);
		else
			vcpu_send_sipi(target, icr_lo & ICR_VECTOR);
	}
	/* Broadcasts are confined silently; a named stranger is noted. */
	if (!named && (icr_lo & ICR_SHORTHAND_MASK) == ICR_TO_DEST &&
	    sender->cell != &root_cell)
		printk("CPU %u: %s to APIC ID 0x%x outside its cell dropped\n",
		       sender->cpu_id, (icr_lo & ICR_DM_MASK) == ICR_DM_INIT ?
		       "INIT" : "STARTUP", dest);
}

static bool ipi_reaches(const struct per_cpu *target, bool logical,
			u32 dest)
{
	return logical ? apic_logical_match(target, dest) :
		target->arch.apic_id == dest;
}

/* Whether dest names a CPU of the hypervisor outside cell. */
static bool reaches_outside(const struct cell *cell, bool logical, u32 dest)
{
	unsigned int n;

	for (n = 0; n < hypervisor_header.max_cpus; n++)
		if (per_cpu(n)->cell && !cell_owns_cpu(cell, n) &&
		    ipi_reaches(per_cpu(n), logical, dest))
			return true;
	return false;
}

/*
 * IPIs to a destination go to the CPUs of the sender's cell it names, one
 * physical IPI each (one in all for lowest priority), judged by the
 * routing identities the hypervisor keeps: never by what the guest may
 * have put into its APIC.
 */
static void send_to_dest(struct per_cpu *sender, u32 icr_lo, u32 dest)
{
	bool logical = icr_lo & ICR_DEST_LOGICAL;
	struct per_cpu *target;
	bool sent = false;
	unsigned int n;

	icr_lo &= ~ICR_DEST_LOGICAL;
	for_each_cpu_of(n, sender->cell) {
		target = per_cpu(n);
		if (!ipi_reaches(target, logical, dest))
			continue;
		if (sent && (icr_lo & ICR_DM_MASK) == ICR_DM_LOWEST)
			break;
		send_ipi(target->arch.apic_id, icr_lo);
		sent = true;
	}
	if (!sent || reaches_outside(sender->cell, logical, dest))
		printk("CPU %u: IPI to %s APIC ID 0x%x outside its cell "
		       "dropped\n", sender->cpu_id,
		       logical ? "logical" : "physical", dest);
}

void apic_send_cell_irq(const struct cell *cell, bool logical, u32 dest,
			u8 vector, bool lowest)
{
	/* The guest may be between its two ICR writes: keep its half. */
	u32 icr_hi = apic_read(APIC_REG_ICR_HI);
	struct per_cpu *target;
	unsigned int n;

	for (n = 0; n < hypervisor_header.max_cpus; n++) {
		target = per_cpu(n);
		if (target->cell != cell || !ipi_reaches(target, logical, dest))
			continue;
		send_ipi(target->arch.apic_id, vector);
		if (lowest)
			break;
	}
	apic_write(APIC_REG_ICR_HI, icr_hi);
}

/*
 * Fixed, lowest-priority, NMI... IPIs: to the sender's cell only. What
 * reaches the hardware ICR is the guest's value less its reserved bits,
 * the read-only delivery status and the trigger mode (which only INIT
 * uses): a delivery status bit that stuck there would make every later
 * send_ipi() of this CPU wait for ever, and a level IPI would make the
 * cell's EOI reach the IOAPICs.
 */
static void send_filtered(struct per_cpu *sender, u32 icr_lo)
{
	u32 dest = apic_read(APIC_REG_ICR_HI) >> ICR_DEST_SHIFT;
	u32 shorthand = icr_lo & ICR_SHORTHAND_MASK;
	bool logical = icr_lo & ICR_DEST_LOGICAL;
	struct per_cpu *target;
	unsigned int n;

	icr_lo &= ICR_VECTOR | ICR_DM_MASK | ICR_DEST_LOGICAL | ICR_ASSERT |
		ICR_SHORTHAND_MASK;

	if (shorthand == ICR_TO_SELF) {
		apic_write(APIC_REG_ICR_LO, icr_lo);
		return;
	}
	if (shorthand == ICR_TO_DEST && (logical || dest != APIC_BROADCAST)) {
		send_to_dest(sender, icr_lo, dest);
		return;
	}
	/* Broadcasts become one IPI to each CPU of the cell. */
	icr_lo &= ~(ICR_SHORTHAND_MASK | ICR_DEST_LOGICAL);
	for_each_cpu_of(n, sender->cell) {
		target = per_cpu(n);
		if (shorthand != ICR_TO_OTHERS || target != sender)
			send_ipi(target->arch.apic_id, icr_lo);
	}
}

/*
 * APIC ID, LDR and DFR decide where interrupts go: they stay as Linux set
 * them at enable. Writing the value they have is fine (Linux does so when
 * it brings a CPU up); another one is dropped.
 */
static bool routing_write_dropped(struct per_cpu *cpu, unsigned int reg,
				  u32 value)
{
	u32 mask = reg == APIC_REG_DFR ? APIC_DFR_MODEL_MASK : APIC_ID_MASK;
	u32 now;

	if (reg == APIC_REG_ID)
		now = cpu->arch.apic_id << ICR_DEST_SHIFT;
	else if (reg == APIC_REG_LDR)
		now = cpu->arch.apic_ldr;
	else if (reg == APIC_REG_DFR)
		now = cpu->arch.apic_dfr;
	else
		return false;
	if ((value & mask) != now)
		printk("CPU %u: write of 0x%08x to APIC register 0x%03x "
		       "dropped (routing stays 0x%08x)\n", cpu->cpu_id, value,
		       reg, now);
	return true;
}

static void apic_write_reg(struct per_cpu *cpu, unsigned int reg, u32 value)
{
	u32 mode;

	if (reg == APIC_REG_ICR_LO) {
		mode = value & ICR_DM_MASK;
		if (mode == ICR_DM_INIT || mode == ICR_DM_STARTUP)
			send_init_sipi(cpu, value);
		else
			send_filtered(cpu, value);
	} else if (!routing_write_dropped(cpu, reg, value)) {
		apic_write(reg, value);
	}
}

/*
 * The xAPIC page of every cell, mapped read-only: writes come here, reads
 * only if the page is not mapped. The registers take aligned 32-bit
 * accesses.
 */
static enum mmio_result apic_mmio_access(void *arg, struct mmio_access *acc)
{
	unsigned int reg = acc->address;

	(void)arg;
	if (acc->size != 4 || (reg & 3))
		return MMIO_ERROR;
	if (acc->is_write)
		apic_write_reg(this_cpu(), reg, acc->value);
	else
		acc->value = apic_read(reg);
	return MMIO_HANDLED;
}

static unsigned int apic_mmio_count_regions(struct cell *cell)
{
	(void)cell;
	return 1;
}

static int apic_cell_init(struct cell *cell)
{
	return mmio_region_register(cell, XAPIC_BASE, PAGE_SIZE,
				    apic_mmio_access, NULL);
}

static void apic_cell_exit(struct cell *cell)
{
	/*
	 * At DISABLE the root cell's CPUs leave one by one and trap until
	 * they do: its regions stay for as long as the hypervisor runs.
	 */
	if (cell == &root_cell)
		return;
	mmio_region_unregister(cell, XAPIC_BASE);
}

/* The xAPIC page of the cells; the hypervisor's own APIC access is early. */
DEFINE_UNIT(xapic,
	.name = "xAPIC",
	.mmio_count_regions = apic_mmio_count_regions,
	.cell_init = apic_cell_init,
	.cell_exit = apic_cell_exit,
);
