// SPDX-License-Identifier: GPL-2.0
/*
 * printk and the virtual console ring. One lock keeps messages of
 * different CPUs from interleaving on either console.
 */
#include <jailhouse/console.h>
#include <core/arch.h>
#include <core/page_pool.h>
#include <core/printk.h>
#include <core/spinlock.h>

/*
 * The driver finds the ring through header.console_page and maps that
 * page on its own: give it a page of its own in the image.
 */
struct jailhouse_virt_console virt_console
	__attribute__((section(".console"), aligned(PAGE_SIZE)));
bool virt_console_enabled;

static DEFINE_SPINLOCK(printk_lock);

void virt_console_write(struct jailhouse_virt_console *con, const char *s,
			size_t len)
{
	u32 tail = con->tail;

	/* Readers that see busy, or tail moving, copy again. */
	__atomic_store_n(&con->busy, 1, __ATOMIC_RELAXED);
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
	while (len--)
		con->content[tail++ % JAILHOUSE_VIRT_CONSOLE_SIZE] = *s++;
	__atomic_store_n(&con->tail, tail, __ATOMIC_RELEASE);
	__atomic_store_n(&con->busy, 0, __ATOMIC_RELEASE);
}

void vprintk(const char *fmt, va_list ap)
{
	char buf[PRINTK_MAX];
	int len;

	len = vsnprintk(buf, sizeof(buf), fmt, ap);
	if (len > (int)sizeof(buf) - 1)
		len = sizeof(buf) - 1;

	spin_lock(&printk_lock);
	arch_dbg_write(buf, len);
	if (virt_console_enabled)
		virt_console_write(&virt_console, buf, len);
	spin_unlock(&printk_lock);
}

void printk(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vprintk(fmt, ap);
	va_end(ap);
}
