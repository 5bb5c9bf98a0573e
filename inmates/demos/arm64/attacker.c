// SPDX-License-Identifier: GPL-2.0 OR BSD-2-Clause
/*
 * arm64 attacker: tries the forbidden things its command line names, one
 * after the other, each announced on the console first. A cell must not
 * get past a forbidden access: the hypervisor stops it there (state
 * "failed"), so "went through" after an attack is the test's failure.
 * Attacks the hypervisor answers by ignoring or refusing them (SGIs to
 * CPUs outside the cell, PSCI on them, the root's hypercalls) keep the
 * cell running; the attacker reports what it sees and ends with "done".
 * The GIC's addresses and version come from the comm region.
 *
 *   attack=A[,B...]  the attacks, in this order:
 *     read       8-byte read at guest-physical addr=
 *     write      8-byte write there
 *     gicd       32-bit write of value= to distributor register reg=
 *     gicd64     64-bit read of distributor register reg=
 *     unaligned  32-bit read of distributor register reg= + 2, the
 *                distributor mapped as Normal memory at stage 1 so that
 *                the access reaches the hypervisor unaligned
 *     sgi        SGI sgi= to the CPUs with Aff0 in the mask targets=
 *     psci       CPU_ON and AFFINITY_INFO for the CPU with MPIDR mpidr=
 *     hypercalls the root's management calls (DISABLE, CELL_CREATE,
 *                CELL_START, SET_LOADABLE, CELL_DESTROY of cell 0) and
 *                an unknown code, each result printed
 */
#include <inmate.h>
#include <mmu.h>

#define NAME_LEN		16
#define LIST_LEN		128

#define GICD_SGIR		0xf00
#define SGI1R_INTID_SHIFT	24
#define BLOCK_SIZE		0x200000UL

struct args {
	unsigned long long addr, value, mpidr;
	unsigned long reg, targets, sgi;
};

static unsigned long gicd(void)
{
	return comm_region_valid() ? comm_region->gicd_base : 0;
}

/* Stage 1 lets an unaligned access to Normal memory through. */
static void read_unaligned(unsigned long addr)
{
	unsigned long block = addr & ~(BLOCK_SIZE - 1);
	__u32 v;

	if (!mmu_map_normal(block, block + BLOCK_SIZE)) {
		printk("Attacker: cannot map 0x%lx as Normal memory (%s)\n",
		       block, mmu_off_reason() ?: "no table");
		return;
	}
	printk("Attacker: unaligned read at 0x%lx\n", addr);
	v = *(volatile __u32 *)addr;
	printk("Attacker: unaligned read 0x%lx went through: 0x%x\n", addr, v);
}

/* The attacks the hypervisor must stop the cell on. */
static bool try_fatal(const char *name, const struct args *a)
{
	volatile __u64 *p = (volatile __u64 *)(unsigned long)a->addr;
	unsigned long reg = gicd() + a->reg;
	__u64 v;

	if (!strcmp(name, "read")) {
		printk("Attacker: reading 0x%llx\n", a->addr);
		v = *p;
		printk("Attacker: read 0x%llx went through: 0x%llx\n",
		       a->addr, (unsigned long long)v);
	} else if (!strcmp(name, "write")) {
		printk("Attacker: writing 0x%llx\n", a->addr);
		*p = 0x5afe5afe5afe5afeULL;
		printk("Attacker: write 0x%llx went through\n", a->addr);
	} else if (!strcmp(name, "gicd")) {
		printk("Attacker: writing 0x%llx to GICD 0x%lx\n", a->value,
		       a->reg);
		mmio_write32(reg, a->value);
		printk("Attacker: GICD write 0x%lx went through\n", a->reg);
	} else if (!strcmp(name, "gicd64")) {
		printk("Attacker: 64-bit read of GICD 0x%lx\n", a->reg);
		v = mmio_read64(reg);
		printk("Attacker: 64-bit read 0x%lx went through: 0x%llx\n",
		       a->reg, (unsigned long long)v);
	} else if (!strcmp(name, "unaligned")) {
		read_unaligned(reg + 2);
	} else {
		return false;
	}
	return true;
}

/* An SGI that names its targets, bypassing the library's own checks. */
static void send_sgi(const struct args *a)
{
	__u64 sgi1r = (a->sgi & 0xf) << SGI1R_INTID_SHIFT |
		      (a->targets & 0xffff);

	printk("Attacker: SGI %lu to CPUs 0x%lx\n", a->sgi, a->targets);
	if (gic_setup(NULL)) {
		printk("Attacker: no GIC\n");
		return;
	}
	if (comm_region->gic_version == 3) {
		/* ICC_SGI1R_EL1 */
		asm volatile("msr S3_0_C12_C11_5, %0\n\tisb"
			     : : "r" (sgi1r) : "memory");
	} else {
		mmio_write32(gicd() + GICD_SGIR,
			     (a->targets & 0xff) << 16 | (a->sgi & 0xf));
	}
	printk("Attacker: SGI sent\n");
}

static void foreign_psci(const struct args *a)
{
	long ret;

	ret = psci_cpu_on(a->mpidr, 0, 0);
	printk("Attacker: CPU_ON 0x%llx returned %ld (%s)\n", a->mpidr, ret,
	       psci_ret_name(ret));
	ret = psci_affinity_info(a->mpidr);
	printk("Attacker: AFFINITY_INFO 0x%llx returned %ld (%s)\n",
	       a->mpidr, ret, psci_affinity_name(ret));
}

/* Management belongs to the root: each must fail, nothing else happen. */
static void bad_hypercalls(void)
{
	static const unsigned long codes[] = {
		JAILHOUSE_HC_DISABLE, JAILHOUSE_HC_CELL_CREATE,
		JAILHOUSE_HC_CELL_START, JAILHOUSE_HC_CELL_SET_LOADABLE,
		JAILHOUSE_HC_CELL_DESTROY, 0x1234,
	};
	unsigned int n;
	long ret;

	for (n = 0; n < sizeof(codes) / sizeof(codes[0]); n++) {
		ret = (long)jailhouse_call_arg1(codes[n], 0);
		printk("Attacker: hypercall %lu returned %ld\n", codes[n], ret);
	}
}

/* The attacks the hypervisor ignores or refuses, the cell running on. */
static bool try_refused(const char *name, const struct args *a)
{
	if (!strcmp(name, "sgi"))
		send_sgi(a);
	else if (!strcmp(name, "psci"))
		foreign_psci(a);
	else if (!strcmp(name, "hypercalls"))
		bad_hypercalls();
	else
		return false;
	return true;
}

static void parse(struct args *a)
{
	a->addr = cmdline_parse_int("addr", 0);
	a->value = cmdline_parse_int("value", 1);
	a->mpidr = cmdline_parse_int("mpidr", 0);
	/* GICD_ISENABLER1: SPIs 32..63. */
	a->reg = cmdline_parse_int("reg", 0x104);
	a->targets = cmdline_parse_int("targets", 0x3);
	a->sgi = cmdline_parse_int("sgi", 6);
}

void inmate_main(void)
{
	char list[LIST_LEN], name[NAME_LEN];
	unsigned int i = 0, n;
	struct args a;

	parse(&a);
	if (!cmdline_parse_str("attack", list, sizeof(list))) {
		printk("Attacker: nothing to do (attack=read,write,gicd,gicd64,"
		       "unaligned,sgi,psci,hypercalls)\n");
		list[0] = 0;
	}
	while (list[i]) {
		for (n = 0; list[i] && list[i] != ',' && n < NAME_LEN - 1; n++)
			name[n] = list[i++];
		name[n] = 0;
		if (list[i] == ',')
			i++;
		if (!try_fatal(name, &a) && !try_refused(name, &a))
			printk("Attacker: unknown attack \"%s\"\n", name);
	}
	printk("Attacker: done\n");
	for (;;)
		delay_us(1000);
}
