// SPDX-License-Identifier: GPL-2.0 OR BSD-2-Clause
/*
 * Interrupt descriptor table for all 256 vectors (isr.S). Exceptions
 * without a handler print what happened and stop the CPU, since an
 * inmate has nobody to recover for it; unexpected interrupts are counted
 * and acknowledged.
 */
#include <inmate.h>

#define GATE_INT_PRESENT	0x8e00

#ifdef __x86_64__
#define SEL_CODE		0x18
struct idt_gate {
	__u16 offset_lo;
	__u16 selector;
	__u16 flags;
	__u16 offset_mid;
	__u32 offset_hi;
	__u32 reserved;
} __attribute__((packed));
#else
#define SEL_CODE		0x08
struct idt_gate {
	__u16 offset_lo;
	__u16 selector;
	__u16 flags;
	__u16 offset_hi;
} __attribute__((packed));
#endif

struct idt_desc {
	__u16 limit;
	unsigned long base;
} __attribute__((packed));

extern const unsigned long int_stubs[256];

static struct idt_gate idt[256] __aligned(16);
static int_handler_t handlers[256];
static unsigned long spurious;

void int_dispatch(unsigned long vector);

void int_dispatch(unsigned long vector)
{
	vector &= 0xff;
	if (handlers[vector]) {
		handlers[vector](vector);
		return;
	}
	if (vector < 32) {
		printk("FATAL: CPU %u: exception %lu\n", apic_id(), vector);
		inmate_halt();
	}
	spurious++;
	apic_eoi();
}

static void idt_load(void)
{
	struct idt_desc desc = {
		.limit = sizeof(idt) - 1,
		.base = (unsigned long)idt,
	};

	asm volatile("lidt %0" : : "m" (desc));
}

/* Builds the table once; every CPU calls it to load it. */
void int_init(void)
{
	if (!idt[0].flags) {
		for (unsigned int v = 0; v < 256; v++) {
			unsigned long a = int_stubs[v];

			idt[v].offset_lo = a & 0xffff;
			idt[v].selector = SEL_CODE;
			idt[v].flags = GATE_INT_PRESENT;
#ifdef __x86_64__
			idt[v].offset_mid = (a >> 16) & 0xffff;
			idt[v].offset_hi = (__u64)a >> 32;
#else
			idt[v].offset_hi = a >> 16;
#endif
		}
	}
	idt_load();
}

void int_set_handler(unsigned int vector, int_handler_t handler)
{
	handlers[vector & 0xff] = handler;
}
