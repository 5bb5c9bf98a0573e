// SPDX-License-Identifier: GPL-2.0
/*
 * The x86 nested page fault path (hypervisor/arch/x86/mmio.c) against a
 * fake vendor: the instruction at the guest's RIP, which the guest
 * controls, is decoded once; the access reaches the cell's dispatcher
 * with the right size, direction and value; a read lands in the right
 * part of the right register; RIP moves by the instruction's length; and
 * whatever cannot be decoded or handled ends in one fatal report with
 * RIP untouched.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jailhouse/cell-config.h>
#include <core/cell.h>
#include <core/errno.h>
#include <core/mmio.h>
#include <core/page_pool.h>
#include <core/percpu.h>
#include <x86/exits.h>
#include <x86/guest_mem.h>
#include <x86/vcpu.h>

#include "test_pool.h"
#include "test_units.h"
#include "unit.h"

#define DEV_BASE		0xfed00000ULL
#define DEV_SIZE		0x1000
#define GUEST_RIP		0x401000ULL

/* The fake vendor's guest state. */
static struct {
	u8 code[32];
	/* Linear address of code[0], and how many bytes of it are mapped. */
	u64 code_at;
	unsigned int readable;
	unsigned int reads;
	u64 rip, rsp, efer;
	struct segment cs;
	char fatal[128];
	unsigned int fatals;
} guest;

static struct per_cpu cpu;
static struct guest_regs regs;
static struct jailhouse_cell_desc desc;
static struct cell cell;
static struct page_pool saved_mem;

/* What the device handler saw, and what it answers. */
static struct mmio_access seen;
static unsigned int handler_calls;
static u64 answer;
static enum mmio_result outcome;

u64 vcpu_get_rip(struct per_cpu *c)
{
	(void)c;
	return guest.rip;
}

void vcpu_skip_instruction(struct per_cpu *c, unsigned int length)
{
	(void)c;
	guest.rip += length;
}

u64 vcpu_get_rsp(struct per_cpu *c)
{
	(void)c;
	return guest.rsp;
}

void vcpu_set_rsp(struct per_cpu *c, u64 value)
{
	(void)c;
	guest.rsp = value;
}

void vcpu_get_cs(struct per_cpu *c, struct segment *cs)
{
	(void)c;
	*cs = guest.cs;
}

bool vcpu_long_mode(struct per_cpu *c)
{
	(void)c;
	return (guest.efer & EFER_LMA) && (guest.cs.attrib & SEG_ATTR_L);
}

u64 vcpu_get_efer(struct per_cpu *c)
{
	(void)c;
	return guest.efer;
}

void vcpu_fatal(struct per_cpu *c, const struct guest_regs *r,
		const char *why)
{
	(void)c;
	(void)r;
	guest.fatals++;
	snprintf(guest.fatal, sizeof(guest.fatal), "%s", why);
}

/* The mapped code bytes sit at code_at (linear); anything else faults. */
int guest_read_linear(struct per_cpu *c, u64 addr, void *buf,
		      unsigned int len)
{
	(void)c;
	guest.reads++;
	if (addr < guest.code_at ||
	    addr + len > guest.code_at + guest.readable)
		return -EFAULT;
	memcpy(buf, guest.code + (addr - guest.code_at), len);
	return 0;
}

static enum mmio_result device(void *arg, struct mmio_access *acc)
{
	(void)arg;
	handler_calls++;
	seen = *acc;
	if (!acc->is_write)
		acc->value = answer;
	return outcome;
}

/* A cell with one device region; the guest in 64-bit mode at GUEST_RIP. */
static void setup(const u8 *code, unsigned int len)
{
	saved_mem = mem_pool;
	test_pool_create(&mem_pool, 4, 0x200000);
	desc = (struct jailhouse_cell_desc){ .name = "x86-mmio" };
	cell = (struct cell){ .id = 1, .config = &desc };
	test_units_arm(true);
	test_unit_regions = 1;
	memset(&cpu, 0, sizeof(cpu));
	cpu.cell = &cell;
	memset(&regs, 0, sizeof(regs));
	memset(&guest, 0, sizeof(guest));
	memcpy(guest.code, code, len);
	guest.code_at = GUEST_RIP;
	guest.readable = sizeof(guest.code);
	guest.rip = GUEST_RIP;
	guest.efer = EFER_LMA | EFER_LME;
	guest.cs.attrib = SEG_ATTR_L;
	handler_calls = 0;
	memset(&seen, 0, sizeof(seen));
	answer = 0;
	outcome = MMIO_HANDLED;
	if (mmio_cell_init(&cell) ||
	    mmio_region_register(&cell, DEV_BASE, DEV_SIZE, device, NULL))
		abort();
}

static void teardown(void)
{
	mmio_cell_exit(&cell);
	test_units_arm(false);
	test_pool_destroy(&mem_pool);
	mem_pool = saved_mem;
}

static void fault(u64 gpa, bool write)
{
	struct vcpu_npf_intercept npf = { .gpa = gpa, .is_write = write };

	mmio_handle_npf(&cpu, &regs, &npf);
}

TEST(x86_mmio_register_write_then_rip)
{
	/* mov %eax,(%rdx) */
	static const u8 code[] = { 0x89, 0x02 };

	setup(code, sizeof(code));
	regs.rax = 0x1122334455667788UL;
	fault(DEV_BASE + 0x40, true);
	EXPECT_EQ(guest.fatals, 0);
	EXPECT_EQ(handler_calls, 1);
	EXPECT_EQ(seen.address, 0x40);
	EXPECT_EQ(seen.size, 4);
	EXPECT_TRUE(seen.is_write);
	EXPECT_EQ(seen.value, 0x55667788);
	EXPECT_EQ(guest.rip, GUEST_RIP + 2);
	EXPECT_EQ(cpu.stats[JAILHOUSE_CPU_STAT_VMEXITS_MMIO], 1);
	teardown();
}

TEST(x86_mmio_reads_land_in_the_right_register_part)
{
	/* mov (%rdx),%ax: the upper 48 bits of RAX stay. */
	static const u8 word[] = { 0x66, 0x8b, 0x02 };
	/* movzbl (%rdx),%ecx: a 32-bit result clears the upper half. */
	static const u8 movzx[] = { 0x0f, 0xb6, 0x0a };
	/* mov (%rdx),%ah without REX: bits 8-15 of RAX. */
	static const u8 high[] = { 0x8a, 0x22 };
	static const u8 bh[] = { 0x8a, 0x3a };
	static const u8 ch[] = { 0x88, 0x2a };
	/* mov (%rdx),%r9 */
	static const u8 rex[] = { 0x4c, 0x8b, 0x0a };

	setup(word, sizeof(word));
	regs.rax = 0xffffffffffffffffUL;
	answer = 0x1234;
	fault(DEV_BASE, false);
	EXPECT_EQ(seen.size, 2);
	EXPECT_FALSE(seen.is_write);
	EXPECT_EQ(regs.rax, 0xffffffffffff1234UL);
	EXPECT_EQ(guest.rip, GUEST_RIP + 3);
	teardown();

	setup(movzx, sizeof(movzx));
	regs.rcx = 0xffffffffffffffffUL;
	answer = 0xab;
	fault(DEV_BASE + 1, false);
	EXPECT_EQ(seen.size, 1);
	EXPECT_EQ(regs.rcx, 0xab);
	teardown();

	setup(high, sizeof(high));
	regs.rax = 0x1111;
	answer = 0x7f;
	fault(DEV_BASE, false);
	EXPECT_EQ(regs.rax, 0x7f11);
	EXPECT_EQ(guest.rsp, 0);
	EXPECT_EQ(guest.rip, GUEST_RIP + 2);
	teardown();

	/* mov (%rdx),%bh: bits 8-15 of RBX, RDI untouched. */
	setup(bh, sizeof(bh));
	regs.rbx = 0xffff;
	regs.rdi = 0x77;
	answer = 0x12;
	fault(DEV_BASE, false);
	EXPECT_EQ(regs.rbx, 0x12ff);
	EXPECT_EQ(regs.rdi, 0x77);
	EXPECT_EQ(guest.rsp, 0);
	teardown();

	/* mov %ch,(%rdx): the byte comes from bits 8-15 of RCX. */
	setup(ch, sizeof(ch));
	regs.rcx = 0xab00;
	regs.rbp = 0xcd00;
	fault(DEV_BASE, true);
	EXPECT_EQ(seen.value, 0xab);
	teardown();

	setup(rex, sizeof(rex));
	answer = 0x0102030405060708ULL;
	fault(DEV_BASE + 8, false);
	EXPECT_EQ(seen.size, 8);
	EXPECT_EQ(regs.r9, 0x0102030405060708UL);
	teardown();
}

TEST(x86_mmio_rsp_is_the_vendors)
{
	/* mov (%rdx),%rsp: RSP is not among the saved registers. */
	static const u8 code[] = { 0x48, 0x8b, 0x22 };

	setup(code, sizeof(code));
	answer = 0xdead0000;
	fault(DEV_BASE, false);
	EXPECT_EQ(guest.rsp, 0xdead0000);
	teardown();
}

TEST(x86_mmio_immediates_and_absolute_addresses)
{
	/* movq $-2,(%rax): imm32 sign-extended to 64 bits. */
	static const u8 imm[] = { 0x48, 0xc7, 0x00, 0xfe, 0xff, 0xff, 0xff };
	/* movabs %eax,0xfed00010 (64-bit address). */
	static const u8 moffs[] = { 0xa3, 0x10, 0x00, 0xd0, 0xfe, 0, 0, 0, 0 };
	/* mov [0x1010],al in real mode: a 16-bit address. */
	static const u8 real[] = { 0xa2, 0x10, 0x10 };

	setup(imm, sizeof(imm));
	fault(DEV_BASE, true);
	EXPECT_EQ(seen.size, 8);
	EXPECT_EQ(seen.value, 0xfffffffffffffffeULL);
	EXPECT_EQ(guest.rip, GUEST_RIP + 7);
	teardown();

	setup(moffs, sizeof(moffs));
	regs.rax = 0xcafe;
	fault(DEV_BASE + 0x10, true);
	EXPECT_EQ(seen.size, 4);
	EXPECT_EQ(seen.value, 0xcafe);
	EXPECT_EQ(guest.rip, GUEST_RIP + 9);
	teardown();

	setup(real, sizeof(real));
	guest.efer = 0;
	guest.cs.attrib = 0;
	regs.rax = 0x5a;
	fault(DEV_BASE + 0x20, true);
	EXPECT_EQ(seen.size, 1);
	EXPECT_EQ(seen.value, 0x5a);
	EXPECT_EQ(guest.rip, GUEST_RIP + 3);
	teardown();
}

/* One fatal report, RIP where it was, the device never reached. */
static void expect_refused(const char *why)
{
	EXPECT_EQ(guest.fatals, 1);
	EXPECT_EQ(guest.rip, GUEST_RIP);
	EXPECT_TRUE(strstr(guest.fatal, why) != NULL);
}

TEST(x86_mmio_refusals)
{
	/* inc (%rdx): no move, not understood. */
	static const u8 inc[] = { 0xff, 0x02 };
	/* mov %eax,%edx: a register operand is no memory access. */
	static const u8 regop[] = { 0x89, 0xc2 };
	/*
	 * Four prefixes, REX.W, movq $imm32 to a SIB operand with disp32:
	 * 16 bytes, one more than any x86 instruction may have.
	 */
	static const u8 overlong[] = {
		0x2e, 0x3e, 0x26, 0x64, 0x48, 0xc7, 0x84, 0x24,
		0x00, 0x00, 0x00, 0x00, 0x01, 0x02, 0x03, 0x04,
	};
	static const u8 store[] = { 0x89, 0x02 };

	setup(inc, sizeof(inc));
	fault(DEV_BASE, true);
	expect_refused("MMIO access not understood: write at 0xfed00000");
	EXPECT_EQ(handler_calls, 0);
	teardown();

	setup(regop, sizeof(regop));
	fault(DEV_BASE, true);
	expect_refused("MMIO access not understood");
	teardown();

	setup(overlong, sizeof(overlong));
	fault(DEV_BASE, true);
	expect_refused("MMIO access not understood");
	EXPECT_EQ(handler_calls, 0);
	teardown();

	/* The code itself unreadable. */
	setup(store, sizeof(store));
	guest.rip = 0x1000;
	fault(DEV_BASE, true);
	EXPECT_EQ(guest.fatals, 1);
	EXPECT_EQ(guest.rip, 0x1000);
	teardown();

	/* No region there. */
	setup(store, sizeof(store));
	fault(0x2000, true);
	expect_refused("access to unassigned guest-physical memory: write "
		       "at 0x2000 (4 bytes)");
	teardown();

	/* Straddling the end of the region. */
	setup(store, sizeof(store));
	fault(DEV_BASE + DEV_SIZE - 2, true);
	expect_refused("access to unassigned guest-physical memory");
	EXPECT_EQ(handler_calls, 0);
	teardown();

	/* The handler refuses. */
	setup(store, sizeof(store));
	outcome = MMIO_ERROR;
	fault(DEV_BASE, true);
	expect_refused("MMIO access refused: write at 0xfed00000");
	EXPECT_EQ(handler_calls, 1);
	teardown();
}

/*
 * The instruction's bytes placed so that the page holding them ends after
 * `before` of them; `mapped` bytes of the next page are readable.
 */
static void at_page_end(const u8 *code, unsigned int len,
			unsigned int before, unsigned int mapped)
{
	u64 page_end = GUEST_RIP + 0x1000;
	unsigned int lead = 16 - before;

	setup(code, 0);
	memcpy(guest.code + lead, code, len);
	guest.code_at = page_end - 16;
	guest.readable = 16 + mapped;
	guest.rip = page_end - before;
}

TEST(x86_mmio_instruction_at_a_page_end)
{
	/* mov %eax,(%rdx) */
	static const u8 store[] = { 0x89, 0x02 };
	/* movq $-2,(%rax): 7 bytes. */
	static const u8 imm[] = { 0x48, 0xc7, 0x00, 0xfe, 0xff, 0xff, 0xff };
	u64 end = GUEST_RIP + 0x1000;

	/* Its last byte ends the page, nothing mapped after it. */
	at_page_end(store, sizeof(store), 2, 0);
	regs.rax = 0x1234;
	fault(DEV_BASE + 4, true);
	EXPECT_EQ(guest.fatals, 0);
	EXPECT_EQ(handler_calls, 1);
	EXPECT_EQ(seen.value, 0x1234);
	EXPECT_EQ(guest.rip, end);
	teardown();

	/* Cut by the unmapped page: refused, the zeros never decoded. */
	at_page_end(imm, sizeof(imm), 5, 0);
	fault(DEV_BASE, true);
	EXPECT_EQ(guest.fatals, 1);
	EXPECT_EQ(handler_calls, 0);
	EXPECT_EQ(guest.rip, end - 5);
	EXPECT_TRUE(strstr(guest.fatal, "not understood") != NULL);
	teardown();

	/* Straddling into a mapped page: both parts read. */
	at_page_end(imm, sizeof(imm), 5, 16);
	fault(DEV_BASE, true);
	EXPECT_EQ(guest.fatals, 0);
	EXPECT_EQ(seen.value, 0xfffffffffffffffeULL);
	EXPECT_EQ(guest.rip, end + 2);
	teardown();

	/* The whole instruction in its page: the next one is not read. */
	at_page_end(imm, sizeof(imm), 16, 0);
	fault(DEV_BASE, true);
	EXPECT_EQ(guest.fatals, 0);
	EXPECT_EQ(guest.reads, 1);
	EXPECT_EQ(guest.rip, end - 9);
	teardown();
}

/*
 * The address-size prefix in 64-bit code: what compilers emit for a store
 * through a pointer they know to be 32-bit (the e1000-demo's MSI-X table).
 */
TEST(x86_mmio_address_size_prefix)
{
	/* mov %eax,(%ebx) */
	static const u8 store[] = { 0x67, 0x89, 0x03 };
	/* movl $0x53,0x18(%ebx) */
	static const u8 imm[] = { 0x67, 0xc7, 0x43, 0x18, 0x53, 0, 0, 0 };
	/* mov 0xfed00010,%eax with a 32-bit absolute address */
	static const u8 moffs[] = { 0x67, 0xa1, 0x10, 0x00, 0xd0, 0xfe };

	setup(store, sizeof(store));
	regs.rax = 0xfee03000;
	fault(DEV_BASE, true);
	EXPECT_EQ(guest.fatals, 0);
	EXPECT_EQ(seen.value, 0xfee03000);
	EXPECT_EQ(guest.rip, GUEST_RIP + 3);
	teardown();

	setup(imm, sizeof(imm));
	fault(DEV_BASE + 0x18, true);
	EXPECT_EQ(seen.size, 4);
	EXPECT_EQ(seen.value, 0x53);
	EXPECT_EQ(guest.rip, GUEST_RIP + 8);
	teardown();

	setup(moffs, sizeof(moffs));
	answer = 0x1234;
	fault(DEV_BASE + 0x10, false);
	EXPECT_EQ(regs.rax, 0x1234);
	EXPECT_EQ(guest.rip, GUEST_RIP + 6);
	teardown();

	/* In 32-bit code it means 16-bit addressing: not understood. */
	setup(store, sizeof(store));
	guest.efer = 0;
	guest.cs.attrib = SEG_ATTR_DB;
	fault(DEV_BASE, true);
	expect_refused("MMIO access not understood");
	teardown();
}
