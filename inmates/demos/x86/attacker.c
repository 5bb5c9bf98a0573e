// SPDX-License-Identifier: GPL-2.0 OR BSD-2-Clause
/*
 * x86 attacker: tries the forbidden things its command line names, one
 * after the other, each announced on the console first. A cell must not
 * get past a forbidden access: the hypervisor stops it there (state
 * "failed"), so "went through" after an attack is the test's failure.
 * Attacks the hypervisor answers by ignoring or refusing them (its APIC's
 * routing registers, IPIs leaving the cell, hypercalls) keep the cell
 * running; the attacker reports what it sees and ends with "done".
 *
 *   attack=A[,B...]  the attacks, in this order:
 *     read     8-byte read at guest-physical addr=
 *     write    8-byte write there
 *     outb     a byte to I/O port port=
 *     rdmsr    MSR msr= read
 *     wrmsr    MSR msr= written with value=
 *     apic     xAPIC register reg= written with value=, read back
 *     ipi      ICR low half icr= sent to dest= (default: every logical
 *              ID but the one the cell found in its LDR, flat model)
 *     hypercalls  the root's management calls (DISABLE, CELL_CREATE,
 *              CELL_START, SET_LOADABLE, CELL_DESTROY of the root, cell
 *              0) and an unknown code, each result printed
 */
#include <inmate.h>

#define XAPIC_LDR		0x0d0
#define XAPIC_ICR_LO		0x300
#define XAPIC_ICR_HI		0x310

#define NAME_LEN		16
#define LIST_LEN		128

struct args {
	unsigned long long addr, value;
	long long port, msr, reg, icr, dest;
};

static void announce_end(const char *what, unsigned long long where)
{
	printk("Attacker: %s 0x%llx went through\n", what, where);
}

/* The attacks the hypervisor must stop the cell on. */
static bool try_fatal(const char *name, const struct args *a)
{
	volatile __u64 *p = (volatile __u64 *)(unsigned long)a->addr;
	__u64 v;

	if (!strcmp(name, "read")) {
		printk("Attacker: reading 0x%llx\n", a->addr);
		v = *p;
		printk("Attacker: read 0x%llx went through: 0x%llx\n",
		       a->addr, (unsigned long long)v);
	} else if (!strcmp(name, "write")) {
		printk("Attacker: writing 0x%llx\n", a->addr);
		*p = 0x5afe5afe5afe5afeULL;
		announce_end("write", a->addr);
	} else if (!strcmp(name, "outb")) {
		printk("Attacker: writing port 0x%llx\n", a->port);
		outb(0x55, a->port);
		announce_end("port", a->port);
	} else if (!strcmp(name, "rdmsr")) {
		printk("Attacker: reading MSR 0x%llx\n", a->msr);
		v = rdmsr(a->msr);
		announce_end("MSR read", a->msr);
		(void)v;
	} else if (!strcmp(name, "wrmsr")) {
		printk("Attacker: writing MSR 0x%llx\n", a->msr);
		wrmsr(a->msr, a->value);
		announce_end("MSR", a->msr);
	} else {
		return false;
	}
	return true;
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
		/* x86 returns the 32-bit view, arm64 the 64-bit one. */
		ret = (int)jailhouse_call_arg1(codes[n], 0);
		printk("Attacker: hypercall %lu returned %ld\n", codes[n], ret);
	}
}

/* The attacks the hypervisor ignores or refuses, the cell running on. */
static bool try_refused(const char *name, const struct args *a)
{
	if (!strcmp(name, "apic")) {
		printk("Attacker: writing 0x%llx to xAPIC register 0x%llx\n",
		       a->value, a->reg);
		mmio_write32(XAPIC_BASE + a->reg, a->value);
		printk("Attacker: xAPIC register 0x%llx reads 0x%x\n", a->reg,
		       mmio_read32(XAPIC_BASE + a->reg));
	} else if (!strcmp(name, "ipi")) {
		printk("Attacker: IPI 0x%llx to 0x%llx\n", a->icr, a->dest);
		mmio_write32(XAPIC_BASE + XAPIC_ICR_HI, a->dest << 24);
		mmio_write32(XAPIC_BASE + XAPIC_ICR_LO, a->icr);
	} else if (!strcmp(name, "hypercalls")) {
		bad_hypercalls();
	} else {
		return false;
	}
	return true;
}

/* The next name of the attack list from list[i]; returns where it ends. */
static unsigned int next_attack(const char *list, unsigned int i, char *name)
{
	unsigned int n;

	for (n = 0; list[i] && list[i] != ',' && n < NAME_LEN - 1; n++)
		name[n] = list[i++];
	name[n] = 0;
	return list[i] == ',' ? i + 1 : i;
}

static bool listed(const char *list, const char *what)
{
	char name[NAME_LEN];
	unsigned int i = 0;

	while (list[i]) {
		i = next_attack(list, i, name);
		if (!strcmp(name, what))
			return true;
	}
	return false;
}

static void parse(struct args *a, const char *list)
{
	a->addr = cmdline_parse_int("addr", 0);
	a->value = cmdline_parse_int("value", 0);
	a->port = cmdline_parse_int("port", 0x70);
	a->msr = cmdline_parse_int("msr", 0x10);
	a->reg = cmdline_parse_int("reg", XAPIC_LDR);
	a->icr = cmdline_parse_int("icr", 0x4c00);
	a->dest = cmdline_parse_int("dest", -1);
	/*
	 * Taken before any attack can change the LDR, and only for the IPI:
	 * a cell whose APIC is in x2APIC mode has no xAPIC page to read.
	 */
	if (a->dest < 0 && listed(list, "ipi"))
		a->dest = ~(mmio_read32(XAPIC_BASE + XAPIC_LDR) >> 24) & 0xff;
}

void inmate_main(void)
{
	char list[LIST_LEN], name[NAME_LEN];
	unsigned int i = 0;
	struct args a;

	if (!cmdline_parse_str("attack", list, sizeof(list))) {
		printk("Attacker: nothing to do (attack=read,write,outb,rdmsr,"
		       "wrmsr,apic,ipi,hypercalls)\n");
		list[0] = 0;
	}
	parse(&a, list);
	while (list[i]) {
		i = next_attack(list, i, name);
		if (!try_fatal(name, &a) && !try_refused(name, &a))
			printk("Attacker: unknown attack \"%s\"\n", name);
	}
	printk("Attacker: done\n");
	for (;;)
		delay_us(1000);
}
