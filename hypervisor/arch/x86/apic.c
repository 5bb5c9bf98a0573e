// SPDX-License-Identifier: GPL-2.0
/*
 * The local APIC of the cells and of the hypervisor itself.
 *
 * The root cell keeps the mode Linux chose (xAPIC or x2APIC). Other cells
 * always see an x2APIC, as Jailhouse gives them: on a CPU that has one,
 * their APIC runs in x2APIC mode and only the ICR and the local pins trap
 * (msr.c sets the map, x86/apic_rules.h says which); on a CPU without,
 * every x2APIC MSR traps and is done through the xAPIC page here.
 *
 * IPIs of any cell trap: INIT and STARTUP must not reach real CPUs in
 * guest mode (QEMU's SVM resets such a CPU out of guest mode), they
 * become requests the target CPU handles in the hypervisor. Other IPIs
 * reach only CPUs of the sender's cell, by the routing identity (APIC ID,
 * logical ID, destination model) Linux gave each CPU before the
 * hypervisor started, which nobody can change afterwards. On the xAPIC
 * page, every write traps and all but those to ID, LDR and DFR are done
 * on the guest's behalf.
 */
#include <core/cell.h>
#include <core/errno.h>
#include <core/hypervisor.h>
#include <core/mmio.h>
#include <core/page_pool.h>
#include <core/paging.h>
#include <core/percpu.h>
#include <core/printk.h>
#include <core/refusal.h>
#include <core/unit.h>
#include <jailhouse/cell-config.h>
#include <x86/apic.h>
#include <x86/apic_rules.h>
#include <x86/processor.h>
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
#define APIC_REG_IRR		0x200
#define APIC_REG_SVR		0x0f0
#define APIC_SVR_ENABLED	BIT(8)
/* Enough for every vector twice; a source firing for ever is not waited for. */
#define APIC_DRAIN_ROUNDS	512
#define APIC_REG_LVT_TIMER	0x320
#define APIC_REG_LVT_ERROR	0x370
#define APIC_REG_TMICT		0x380
#define APIC_ISR_REGS		8
#define APIC_REG_STRIDE		0x10
#define APIC_REG_ICR_LO		0x300
#define APIC_REG_ICR_HI		0x310
#define ICR_DEST_SHIFT		24

/* Each CPU reaches its own APIC at the same address. */
static volatile u8 *xapic;

/* Linux's APIC mode at enable, and whether cells run theirs in x2APIC. */
bool apic_root_x2apic;
bool apic_cells_x2apic;

/* An IPI as a guest asked for it, in the format of its APIC mode. */
struct ipi {
	u32 icr_lo;
	u32 dest;
	bool x2apic;
};

/*
 * The hypervisor reaches the APIC of the CPU it runs on in the mode that
 * APIC is in (apic_cpu_set_mode): MSRs in x2APIC mode, else the page.
 */
static u32 apic_read(unsigned int reg)
{
	if (this_cpu()->arch.x2apic)
		return read_msr(X2APIC_MSR_FIRST + reg / APIC_REG_STRIDE);
	return *(volatile u32 *)(xapic + reg);
}

static void apic_write(unsigned int reg, u32 value)
{
	if (this_cpu()->arch.x2apic)
		write_msr(X2APIC_MSR_FIRST + reg / APIC_REG_STRIDE, value);
	else
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

/*
 * The config's apic_mode says which mode Linux runs its APIC in (as
 * Jailhouse's config generator finds it); cells get x2APIC mode whenever
 * the CPU has it.
 */
static int apic_choose_modes(u8 linux_mode, bool has_x2apic)
{
	if ((linux_mode == JAILHOUSE_APIC_MODE_XAPIC && apic_root_x2apic) ||
	    (linux_mode == JAILHOUSE_APIC_MODE_X2APIC && !apic_root_x2apic)) {
		printk("Linux runs its APIC in %s mode, the config's "
		       "apic_mode says otherwise\n",
		       apic_root_x2apic ? "x2APIC" : "xAPIC");
		return -EIO;
	}
	apic_cells_x2apic = has_x2apic;
	printk("Using %s (root cell: %s mode)\n",
	       has_x2apic ? "x2APIC" : "xAPIC",
	       apic_root_x2apic ? "x2APIC" : "xAPIC");
	return 0;
}

int apic_init(void)
{
	const struct jailhouse_system *sys = system_config_location();
	int err;

	apic_root_x2apic = read_msr(MSR_IA32_APIC_BASE) & APIC_BASE_X2APIC;
	err = apic_choose_modes(sys->platform_info.x86.apic_mode,
				cpuid_ecx(X86_CPUID_FEATURES) &
				X86_FEATURE_X2APIC);
	if (err)
		return err;
	xapic = page_alloc(&remap_pool, 1);
	if (!xapic)
		return -ENOMEM;
	return paging_map(&hv_paging, (unsigned long)xapic, XAPIC_BASE,
			  PAGE_SIZE, PAGE_FLAG_READ | PAGE_FLAG_WRITE |
			  PAGE_FLAG_DEVICE | PAGE_FLAG_NO_HUGE);
}

/*
 * The routing identity of the CPU, as Linux left it at enable: from now
 * on only the hypervisor may change it (see apic_write_reg). Every CPU
 * must be in the mode of the first.
 */
int apic_cpu_init(struct per_cpu *cpu)
{
	cpu->arch.x2apic = read_msr(MSR_IA32_APIC_BASE) & APIC_BASE_X2APIC;
	if (cpu->arch.x2apic != apic_root_x2apic) {
		printk("CPU %u: APIC mode differs from the first CPU's\n",
		       cpu->cpu_id);
		return -EINVAL;
	}
	if (cpu->arch.x2apic) {
		cpu->arch.apic_id = read_msr(X2APIC_MSR_ID);
		cpu->arch.apic_ldr = read_msr(X2APIC_MSR_LDR);
		return 0;
	}
	cpu->arch.apic_id = apic_read(APIC_REG_ID) >> ICR_DEST_SHIFT;
	cpu->arch.apic_ldr = apic_read(APIC_REG_LDR) & APIC_ID_MASK;
	cpu->arch.apic_dfr = apic_read(APIC_REG_DFR) & APIC_DFR_MODEL_MASK;
	return 0;
}

/* By the root cell's mode: the IOAPIC's destinations are the root's. */
bool apic_logical_match(const struct per_cpu *cpu, u32 dest)
{
	if (apic_root_x2apic)
		return x2apic_logical_match(cpu->arch.apic_id, dest);
	return xapic_logical_match(cpu->arch.apic_ldr >> ICR_DEST_SHIFT,
				   cpu->arch.apic_dfr == APIC_DFR_FLAT, dest);
}

/* The highest vector pending in IRR, 0 if none. */
static unsigned int irr_highest(void)
{
	unsigned int reg = APIC_ISR_REGS;
	u32 bits;

	while (reg-- > 0) {
		bits = apic_read(APIC_REG_IRR + reg * APIC_REG_STRIDE);
		if (bits)
			return reg * 32 + 31 - __builtin_clz(bits);
	}
	return 0;
}

/* x86_exception(): an interrupt taken in drain_irr()'s window ends here. */
void apic_end_drained_irq(void)
{
	apic_write(APIC_REG_EOI, 0);
}

/*
 * Vectors still pending for the previous owner (a chaos cell's self IPIs
 * left IRR nearly full, and Linux then lost CPU 2 to an RCU stall; Linux
 * offlines a CPU with its timer's vector still pending at times) are
 * taken by the hypervisor and ended. A software-disabled APIC holds them
 * back, so it is enabled for the time. A source that keeps firing cannot
 * hold the CPU here: the rounds are bounded.
 */
static void drain_irr(void)
{
	u32 svr = apic_read(APIC_REG_SVR);
	unsigned int round, vector;

	apic_write(APIC_REG_SVR, svr | APIC_SVR_ENABLED);
	x86_drain_idt(true);
	for (round = 0; round < APIC_DRAIN_ROUNDS && irr_highest(); round++)
		vcpu_vendor_irq_window();
	x86_drain_idt(false);
	apic_write(APIC_REG_SVR, svr);
	vector = irr_highest();
	if (vector)
		printk("CPU %u: local APIC keeps vector 0x%02x pending after "
		       "%u rounds\n", this_cpu()->cpu_id, vector,
		       APIC_DRAIN_ROUNDS);
}

/*
 * Nothing of the previous owner may fire into the next one: local
 * interrupt sources masked, timer stopped, interrupts in service ended,
 * those pending in the IRR taken and ended (drain_irr).
 */
static void apic_quiet(void)
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
	drain_irr();
}

/*
 * x2APIC back to xAPIC mode leads through the disabled state, which
 * resets the APIC: the routing identity of xAPIC mode comes back from
 * what the hypervisor kept. Not every CPU model enables an APIC again
 * once it was disabled (Bochs, like the P6, ignores the write until a
 * reset): such a CPU is lost to every cell, Linux's included.
 */
static void apic_leave_x2apic(struct per_cpu *cpu, u64 base)
{
	base &= ~(APIC_BASE_X2APIC | APIC_BASE_ENABLE);
	write_msr(MSR_IA32_APIC_BASE, base);
	write_msr(MSR_IA32_APIC_BASE, base | APIC_BASE_ENABLE);
	cpu->arch.x2apic = false;
	if (!(read_msr(MSR_IA32_APIC_BASE) & APIC_BASE_ENABLE)) {
		printk("CPU %u: APIC stays disabled after leaving x2APIC "
		       "mode, the CPU stays in the hypervisor\n",
		       cpu->cpu_id);
		cpu->arch.apic_lost = true;
		return;
	}
	apic_write(APIC_REG_DFR, cpu->arch.apic_dfr | ~APIC_DFR_MODEL_MASK);
	apic_write(APIC_REG_LDR, cpu->arch.apic_ldr);
}

/*
 * A CPU that changes hands (park, reset) gets its APIC in the mode of its
 * cell, with nothing of the previous owner left that could fire. The
 * APIC is disabled only where the mode change needs it: some CPU models
 * never enable it again, and a kick that arrives meanwhile is lost (none
 * needs it: the CPU is handling a management request, whose sender holds
 * every other one back until it is done, and it looks at its INIT and
 * STARTUP state before it waits again).
 */
void apic_cpu_reset(struct per_cpu *cpu)
{
	bool x2apic = cpu->cell == &root_cell ? apic_root_x2apic :
		apic_cells_x2apic;
	u64 base;

	/* Setting the x2APIC bit of a disabled APIC would #GP here. */
	if (cpu->arch.apic_lost)
		return;
	base = read_msr(MSR_IA32_APIC_BASE);
	if (x2apic && !cpu->arch.x2apic) {
		write_msr(MSR_IA32_APIC_BASE, base | APIC_BASE_X2APIC);
		cpu->arch.x2apic = true;
	} else if (!x2apic && cpu->arch.x2apic) {
		apic_leave_x2apic(cpu, base);
		if (cpu->arch.apic_lost)
			return;
	}
	apic_quiet();
}

static void send_ipi(u32 apic_id, u32 icr_lo)
{
	if (this_cpu()->arch.x2apic) {
		write_msr(X2APIC_MSR_ICR, (u64)apic_id << 32 | icr_lo);
		return;
	}
	while (apic_read(APIC_REG_ICR_LO) & ICR_BUSY)
		cpu_relax();
	apic_write(APIC_REG_ICR_HI, apic_id << ICR_DEST_SHIFT);
	apic_write(APIC_REG_ICR_LO, icr_lo);
}

void apic_send_nmi(u32 apic_id)
{
	u32 icr_hi;

	if (this_cpu()->arch.x2apic) {
		send_ipi(apic_id, ICR_DM_NMI);
		return;
	}
	/* The guest may be between its two ICR writes: keep its half. */
	icr_hi = apic_read(APIC_REG_ICR_HI);
	send_ipi(apic_id, ICR_DM_NMI);
	apic_write(APIC_REG_ICR_HI, icr_hi);
}

/*
 * A guest's IPI to target. An NMI is counted first, so that target gives
 * it to its guest also when it merged with a kick or reached the
 * hypervisor itself (x86/nmi_route.h).
 */
static void send_guest_ipi_to(struct per_cpu *target, u32 icr_lo)
{
	if ((icr_lo & ICR_DM_MASK) == ICR_DM_NMI)
		__atomic_fetch_add(&target->arch.guest_nmis, 1,
				   __ATOMIC_RELEASE);
	send_ipi(target->arch.apic_id, icr_lo);
}

static bool ipi_reaches(const struct per_cpu *target, const struct ipi *ipi)
{
	u32 id = target->arch.apic_id;

	if (!(ipi->icr_lo & ICR_DEST_LOGICAL))
		return apic_physical_match(id, ipi->dest, ipi->x2apic);
	if (ipi->x2apic)
		return x2apic_logical_match(id, ipi->dest);
	return xapic_logical_match(target->arch.apic_ldr >> ICR_DEST_SHIFT,
				   target->arch.apic_dfr == APIC_DFR_FLAT,
				   ipi->dest);
}

static bool icr_targets(const struct per_cpu *sender,
			const struct per_cpu *target, const struct ipi *ipi)
{
	switch (ipi->icr_lo & ICR_SHORTHAND_MASK) {
	case ICR_TO_SELF:
		return target == sender;
	case ICR_TO_ALL:
		return true;
	case ICR_TO_OTHERS:
		return target != sender;
	}
	/* Linux addresses INIT and STARTUP physically. */
	return !(ipi->icr_lo & ICR_DEST_LOGICAL) &&
		target->arch.apic_id == ipi->dest;
}

/*
 * INIT and STARTUP go to CPUs of the sender's cell only, as requests.
 * True when the IPI named one destination and that is outside the cell.
 */
static bool send_init_sipi(struct per_cpu *sender, const struct ipi *ipi)
{
	u32 icr_lo = ipi->icr_lo;
	struct per_cpu *target;
	bool named = false;
	unsigned int n;

	/* The de-assert half of a level INIT means nothing today. */
	if ((icr_lo & ICR_DM_MASK) == ICR_DM_INIT && !(icr_lo & ICR_ASSERT))
		return false;

	for (n = 0; n < hypervisor_header.max_cpus; n++) {
		if (!cell_owns_cpu(sender->cell, n))
			continue;
		target = per_cpu(n);
		if (!icr_targets(sender, target, ipi))
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
	/* Broadcasts are confined silently. */
	return !named && (icr_lo & ICR_SHORTHAND_MASK) == ICR_TO_DEST;
}

/* Whether the IPI names a CPU of the hypervisor outside cell. */
static bool reaches_outside(const struct cell *cell, const struct ipi *ipi)
{
	unsigned int n;

	for (n = 0; n < hypervisor_header.max_cpus; n++)
		if (per_cpu(n)->cell && !cell_owns_cpu(cell, n) &&
		    ipi_reaches(per_cpu(n), ipi))
			return true;
	return false;
}

/*
 * IPIs to a destination go to the CPUs of the sender's cell it names, one
 * physical IPI each (one in all for lowest priority), judged by the
 * routing identities the hypervisor keeps: never by what the guest may
 * have put into its APIC. True when the destination names a CPU outside
 * the cell, or none.
 */
static bool send_to_dest(struct per_cpu *sender, const struct ipi *ipi)
{
	u32 icr_lo = ipi->icr_lo & ~ICR_DEST_LOGICAL;
	struct per_cpu *target;
	bool sent = false;
	unsigned int n;

	for_each_cpu_of(n, sender->cell) {
		target = per_cpu(n);
		if (!ipi_reaches(target, ipi))
			continue;
		if (sent && (icr_lo & ICR_DM_MASK) == ICR_DM_LOWEST)
			break;
		send_guest_ipi_to(target, icr_lo);
		sent = true;
	}
	return !sent || reaches_outside(sender->cell, ipi);
}

/* A device model's message to the CPUs that belong to cell now. */
static void send_cell_irq(const struct cell *cell, const struct ipi *ipi,
			  u8 vector, bool lowest)
{
	bool xapic_mode = !this_cpu()->arch.x2apic;
	struct per_cpu *target;
	unsigned int n;
	u32 icr_hi = 0;

	/*
	 * The guest may be between its two ICR writes: keep its half. In
	 * x2APIC mode the ICR is one MSR and ICR_HI's (0x831) none: reading
	 * it faulted the hypervisor on a cell's CPU ringing an ivshmem peer.
	 */
	if (xapic_mode)
		icr_hi = apic_read(APIC_REG_ICR_HI);

	for (n = 0; n < hypervisor_header.max_cpus; n++) {
		target = per_cpu(n);
		if (target->cell != cell || !ipi_reaches(target, ipi))
			continue;
		send_ipi(target->arch.apic_id, vector);
		if (lowest)
			break;
	}
	if (xapic_mode)
		apic_write(APIC_REG_ICR_HI, icr_hi);
}

/* 8-bit destination: the MSI format without interrupt remapping. */
void apic_send_cell_irq(const struct cell *cell, bool logical, u32 dest,
			u8 vector, bool lowest)
{
	const struct ipi ipi = {
		.icr_lo = logical ? ICR_DEST_LOGICAL : 0,
		.dest = dest,
	};

	send_cell_irq(cell, &ipi, vector, lowest);
}

void apic_send_cell_x2apic_irq(const struct cell *cell, bool logical,
			       u32 dest, u8 vector, bool lowest)
{
	const struct ipi ipi = {
		.icr_lo = logical ? ICR_DEST_LOGICAL : 0,
		.dest = dest,
		.x2apic = true,
	};

	send_cell_irq(cell, &ipi, vector, lowest);
}

static bool ipi_confined(const struct cell *cell, const struct ipi *ipi)
{
	const struct per_cpu *target;
	bool named = false;
	unsigned int n;

	for (n = 0; n < hypervisor_header.max_cpus; n++) {
		target = per_cpu(n);
		if (!ipi_reaches(target, ipi))
			continue;
		if (target->cell != cell)
			return false;
		named = true;
	}
	return named;
}

bool apic_dest_confined(const struct cell *cell, bool logical, u32 dest)
{
	const struct ipi ipi = {
		.icr_lo = logical ? ICR_DEST_LOGICAL : 0,
		.dest = dest,
	};

	/*
	 * APICs in x2APIC mode read an 8-bit logical destination in a way
	 * only interrupt remapping could check: refused.
	 */
	if (logical && apic_root_x2apic)
		return false;
	return ipi_confined(cell, &ipi);
}

bool apic_x2apic_dest_in(const unsigned long *cpus, bool logical, u32 dest)
{
	const struct ipi ipi = {
		.icr_lo = logical ? ICR_DEST_LOGICAL : 0,
		.dest = dest,
		.x2apic = true,
	};
	bool named = false;
	unsigned int n;

	/* Only x2APIC mode reads 32-bit destinations that way. */
	if (!apic_root_x2apic)
		return false;
	for (n = 0; n < hypervisor_header.max_cpus; n++) {
		if (!ipi_reaches(per_cpu(n), &ipi))
			continue;
		if (!bitmap_test(cpus, n))
			return false;
		named = true;
	}
	return named;
}

static bool is_broadcast(const struct ipi *ipi)
{
	return !(ipi->icr_lo & ICR_DEST_LOGICAL) &&
		ipi->dest == (ipi->x2apic ? X2APIC_BROADCAST : XAPIC_BROADCAST);
}

/*
 * Fixed, lowest-priority, NMI... IPIs: to the sender's cell only. True
 * when a named destination is outside the cell. What reaches the hardware
 * ICR is the guest's value less its reserved bits, the read-only delivery
 * status and the trigger mode (which only INIT uses): a delivery status
 * bit that stuck there would make every later send_ipi() of this CPU wait
 * for ever, and a level IPI would make the cell's EOI reach the IOAPICs.
 */
static bool send_filtered(struct per_cpu *sender, const struct ipi *ipi)
{
	u32 shorthand = ipi->icr_lo & ICR_SHORTHAND_MASK;
	struct ipi clean = *ipi;
	u32 icr_lo;
	struct per_cpu *target;
	unsigned int n;

	clean.icr_lo &= ICR_VECTOR | ICR_DM_MASK | ICR_DEST_LOGICAL |
		ICR_ASSERT | ICR_SHORTHAND_MASK;
	icr_lo = clean.icr_lo;

	if (shorthand == ICR_TO_SELF) {
		send_guest_ipi_to(sender, icr_self_as_physical(icr_lo));
		return false;
	}
	if (shorthand == ICR_TO_DEST && !is_broadcast(ipi))
		return send_to_dest(sender, &clean);
	/* Broadcasts become one IPI to each CPU of the cell. */
	icr_lo &= ~(ICR_SHORTHAND_MASK | ICR_DEST_LOGICAL);
	for_each_cpu_of(n, sender->cell) {
		target = per_cpu(n);
		if (shorthand != ICR_TO_OTHERS || target != sender)
			send_guest_ipi_to(target, icr_lo);
	}
	return false;
}

/* True when the IPI named a destination outside the sender's cell. */
static bool send_guest_ipi(struct per_cpu *sender, const struct ipi *ipi)
{
	u32 mode = ipi->icr_lo & ICR_DM_MASK;

	if (mode == ICR_DM_INIT || mode == ICR_DM_STARTUP)
		return send_init_sipi(sender, ipi);
	return send_filtered(sender, ipi);
}

static const char *ipi_kind(u32 icr_lo)
{
	switch (icr_lo & ICR_DM_MASK) {
	case ICR_DM_INIT:
		return "INIT";
	case ICR_DM_STARTUP:
		return "STARTUP";
	case ICR_DM_NMI:
		return "NMI";
	}
	return "IPI";
}

/*
 * Vectors 0-15 are the CPU's exceptions: a real APIC refuses them as fixed
 * or lowest-priority IPIs (an illegal vector error), but QEMU's sets them
 * in the target's IRR, where they stay pending for ever (Linux then
 * reports a stale IRR). Such an IPI is dropped, with a line, wherever it
 * was going; NMI, INIT and STARTUP carry no vector there.
 */
static bool illegal_vector_dropped(struct per_cpu *cpu, u32 icr_lo)
{
	u32 mode = icr_lo & ICR_DM_MASK;
	u32 vector = icr_lo & ICR_VECTOR;

	if ((mode != ICR_DM_FIXED && mode != ICR_DM_LOWEST) || vector >= 16)
		return false;
	refusal_printk(cpu->cell, "CPU %u: IPI with illegal vector %u "
		       "dropped\n", cpu->cpu_id, vector);
	return true;
}

/* The xAPIC page's ICR: strays are dropped with a console line. */
static void xapic_icr_write(struct per_cpu *cpu, u32 icr_lo)
{
	struct ipi ipi = {
		.icr_lo = icr_lo,
		.dest = apic_read(APIC_REG_ICR_HI) >> ICR_DEST_SHIFT,
	};
	u32 mode = icr_lo & ICR_DM_MASK;

	if (illegal_vector_dropped(cpu, icr_lo) ||
	    !send_guest_ipi(cpu, &ipi) ||
	    (cpu->cell == &root_cell &&
	     (mode == ICR_DM_INIT || mode == ICR_DM_STARTUP)))
		return;
	if (mode == ICR_DM_INIT || mode == ICR_DM_STARTUP)
		refusal_printk(cpu->cell, "CPU %u: %s to APIC ID 0x%x "
			       "outside its cell dropped\n", cpu->cpu_id,
			       ipi_kind(icr_lo), ipi.dest);
	else
		refusal_printk(cpu->cell, "CPU %u: IPI to %s APIC ID 0x%x "
			       "outside its cell dropped\n", cpu->cpu_id,
			       icr_lo & ICR_DEST_LOGICAL ? "logical" :
			       "physical", ipi.dest);
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
		refusal_printk(cpu->cell, "CPU %u: write of 0x%08x to APIC "
			       "register 0x%03x dropped (routing stays "
			       "0x%08x)\n", cpu->cpu_id, value,
		       reg, now);
	return true;
}

static void apic_write_reg(struct per_cpu *cpu, unsigned int reg, u32 value)
{
	if (!(xapic_reg_access(reg) & X2APIC_WRITE))
		refusal_printk(cpu->cell, "CPU %u: write of 0x%08x to APIC "
			       "register 0x%03x dropped (%s)\n", cpu->cpu_id,
			       value, reg, xapic_reg_access(reg) ?
			       "read-only" : "reserved");
	else if (reg == APIC_REG_ICR_LO)
		xapic_icr_write(cpu, value);
	else if (!routing_write_dropped(cpu, reg, value))
		apic_write(reg, value);
}

/*
 * The xAPIC page of every cell. The root cell's is mapped read-only where
 * its CPUs' APICs are in xAPIC mode, so only its writes come here; other
 * cells' reads come here as well, so that a reserved register reads 0
 * without reaching the APIC (xapic_reg_access). The registers take
 * aligned 32-bit accesses; in x2APIC mode the page is gone, as on the
 * CPU itself.
 */
static enum mmio_result apic_mmio_access(void *arg, struct mmio_access *acc)
{
	struct per_cpu *cpu = this_cpu();
	unsigned int reg = acc->address;

	(void)arg;
	if (acc->size != 4 || (reg & 3) || cpu->arch.x2apic)
		return MMIO_ERROR;
	if (acc->is_write)
		apic_write_reg(cpu, reg, acc->value);
	else if (xapic_reg_access(reg) & X2APIC_READ)
		acc->value = apic_read(reg);
	else
		acc->value = 0;
	return MMIO_HANDLED;
}

bool apic_cell_uses_x2apic(const struct cell *cell)
{
	return cell != &root_cell || apic_root_x2apic;
}

/*
 * A cell's x2APIC ICR write, 32-bit destination in the high half. A
 * non-root cell that names a CPU outside itself is refused; the root's
 * strays are dropped, as on the xAPIC page.
 */
static int x2apic_icr_write(struct per_cpu *cpu, u64 value, char *why,
			    size_t size)
{
	struct ipi ipi = {
		.icr_lo = (u32)value,
		.dest = value >> 32,
		.x2apic = true,
	};

	if (illegal_vector_dropped(cpu, ipi.icr_lo) ||
	    !send_guest_ipi(cpu, &ipi))
		return 0;
	if (cpu->cell == &root_cell) {
		refusal_printk(cpu->cell, "CPU %u: %s to x2APIC ID 0x%x "
			       "outside its cell dropped\n", cpu->cpu_id,
			       ipi_kind(ipi.icr_lo), ipi.dest);
		return 0;
	}
	snprintk(why, size, "%s to %s x2APIC ID 0x%x outside the cell",
		 ipi_kind(ipi.icr_lo), ipi.icr_lo & ICR_DEST_LOGICAL ?
		 "logical" : "physical", ipi.dest);
	return -EACCES;
}

/*
 * x2APIC registers of a cell whose CPU's APIC is in xAPIC mode: the same
 * register through the page, except what x2APIC mode defines itself.
 */
static u64 x2apic_emulated_read(struct per_cpu *cpu, u32 msr)
{
	switch (msr) {
	case X2APIC_MSR_ID:
		return cpu->arch.apic_id;
	case X2APIC_MSR_LDR:
		return x2apic_ldr(cpu->arch.apic_id);
	}
	return apic_read(x2apic_msr_to_reg(msr));
}

int apic_x2apic_read(struct per_cpu *cpu, u32 msr, u64 *value)
{
	if (!apic_cell_uses_x2apic(cpu->cell) ||
	    !(x2apic_msr_access(msr) & X2APIC_READ))
		return -EPERM;
	*value = cpu->arch.x2apic ? read_msr(msr) :
		x2apic_emulated_read(cpu, msr);
	return 0;
}

/* Registers other than the ICR: checked, then to the APIC. */
static int x2apic_reg_write(struct per_cpu *cpu, u32 msr, u32 value,
			    char *why, size_t size)
{
	if ((msr == X2APIC_MSR_LVT_LINT0 || msr == X2APIC_MSR_LVT_LINT1) &&
	    !apic_lint_allowed(value)) {
		snprintk(why, size, "ExtINT on local pin (MSR 0x%x) refused",
			 msr);
		return -EACCES;
	}
	if (msr == X2APIC_MSR_SELF_IPI) {
		if (!illegal_vector_dropped(cpu, value & ICR_VECTOR))
			send_ipi(cpu->arch.apic_id, value & ICR_VECTOR);
		return 0;
	}
	if (cpu->arch.x2apic)
		write_msr(msr, value);
	else
		apic_write(x2apic_msr_to_reg(msr), value);
	return 0;
}

int apic_x2apic_write(struct per_cpu *cpu, u32 msr, u64 value, char *why,
		      size_t size)
{
	if (!apic_cell_uses_x2apic(cpu->cell) ||
	    !(x2apic_msr_access(msr) & X2APIC_WRITE))
		return -EPERM;
	if (msr == X2APIC_MSR_ICR)
		return x2apic_icr_write(cpu, value, why, size);
	/* Reserved bits #GP; the hypervisor's own WRMSR must not. */
	if (value >> 32 || (msr == X2APIC_MSR_EOI && value))
		return -EPERM;
	if (msr == X2APIC_MSR_LVT_LINT0 || msr == X2APIC_MSR_LVT_LINT1)
		value &= APIC_LVT_VALID;
	else if (cpu->arch.x2apic && msr != X2APIC_MSR_SELF_IPI)
		/* Only the ICR, the pins and SELF_IPI trap in native mode. */
		return -EINVAL;
	return x2apic_reg_write(cpu, msr, value, why, size);
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
