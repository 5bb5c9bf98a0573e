// SPDX-License-Identifier: GPL-2.0
/*
 * The debug console hooks of the core: an 8250 (uart_8250.c) by port or
 * MMIO. An MMIO UART is used at the address the driver mapped it to in
 * Linux's tables (header debug_console_base): early setup still runs on
 * those, and dbg_map_hv gives the hypervisor's own tables the same
 * mapping, so one pointer serves both. Linux's ioremap addresses lie in
 * its vmalloc area, far from the hypervisor's own mappings.
 */
#include <jailhouse/cell-config.h>
#include <jailhouse/console.h>
#include <core/arch.h>
#include <core/hypervisor.h>
#include <core/page_pool.h>
#include <core/paging.h>
#include <x86/uart_8250.h>
#include <x86/setup.h>

void arch_dbg_init(const struct jailhouse_console *con)
{
	uart_8250_init(con, hypervisor_header.debug_console_base);
}

void arch_dbg_write(const char *s, size_t len)
{
	uart_8250_write(s, len);
}

int dbg_map_hv(void)
{
	const struct jailhouse_console *con =
		&system_config_location()->debug_console;
	unsigned long virt = hypervisor_header.debug_console_base;
	u64 phys = con->address;

	if (con->type != JAILHOUSE_CON_TYPE_8250 ||
	    !JAILHOUSE_CON_IS_MMIO(con->flags) || !virt)
		return 0;
	return paging_map(&hv_paging, virt & PAGE_MASK, phys & PAGE_MASK,
			  PAGES((phys & ~PAGE_MASK) + con->size) * PAGE_SIZE,
			  PAGE_FLAG_READ | PAGE_FLAG_WRITE | PAGE_FLAG_DEVICE |
			  PAGE_FLAG_NO_HUGE);
}
