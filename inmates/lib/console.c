// SPDX-License-Identifier: GPL-2.0 OR BSD-2-Clause
/*
 * Console selection and printk. The command line wins over the comm
 * region so that one image can be pointed at another UART without a new
 * cell config; the architecture default only serves images started
 * outside a cell (plain QEMU).
 */
#include <inmate.h>

static const struct uart_driver *con_drv;
static unsigned long con_base;
static __u16 con_flags;
static __u32 con_divider;
static volatile int printk_lock;

static void hypervisor_putc(unsigned long base, __u16 flags, char c)
{
	(void)base;
	(void)flags;
	jailhouse_call_arg1(JAILHOUSE_HC_DEBUG_CONSOLE_PUTC, (__u8)c);
}

/* Output through the hypervisor's debug console (needs the cell flag). */
static const struct uart_driver hypervisor_console = {
	.name = "jailhouse",
	.putc = hypervisor_putc,
};

static const struct uart_driver *driver_by_name(const char *name)
{
	const struct uart_driver *d;

	if (!strcmp(name, hypervisor_console.name))
		return &hypervisor_console;
	for (d = arch_uart_drivers; d->name; d++)
		if (!strcmp(d->name, name))
			return d;
	return NULL;
}

static const struct uart_driver *driver_by_type(__u16 type)
{
	const struct uart_driver *d;

	for (d = arch_uart_drivers; d->name; d++)
		if (d->type == type)
			return d;
	return NULL;
}

static void console_pick(void)
{
	const struct jailhouse_console *con = NULL;
	char type[16];
	long long base;

	if (comm_region_valid())
		con = &comm_region->console;
	else
		con = &arch_default_console;

	con_drv = driver_by_type(con->type);
	con_base = con->address;
	con_flags = con->flags;
	con_divider = con->divider;
	/* A cell without UART but with the hypervisor's console. */
	if (!con_drv && comm_region_valid() &&
	    (comm_region->flags & JAILHOUSE_COMM_FLAG_DBG_PUTC_ACTIVE))
		con_drv = &hypervisor_console;

	if (cmdline_parse_str("con-type", type, sizeof(type))) {
		con_drv = driver_by_name(type);
		/* The comm region's flags describe a different UART. */
		if (con_drv && con_drv->type != con->type)
			con_flags = con_drv->default_flags;
	}
	base = cmdline_parse_int("con-base", -1);
	if (base >= 0)
		con_base = (unsigned long)base;
	con_divider = cmdline_parse_int("con-divider", con_divider);
}

void console_init(void)
{
	console_pick();
	if (con_drv && con_drv->init)
		con_drv->init(con_base, con_flags, con_divider);
}

const char *console_name(void)
{
	return con_drv ? con_drv->name : "none";
}

void console_putc(char c)
{
	if (!con_drv)
		return;
	/* Terminals expect CR LF. */
	if (c == '\n')
		con_drv->putc(con_base, con_flags, '\r');
	con_drv->putc(con_base, con_flags, c);
}

static void console_out(char c, void *ctx)
{
	(void)ctx;
	console_putc(c);
}

void vprintk(const char *fmt, va_list ap)
{
	/* One CPU's message at a time, so lines of an SMP cell stay whole. */
	inmate_lock(&printk_lock);
	format_emit(console_out, NULL, fmt, ap);
	inmate_unlock(&printk_lock);
}

void printk(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vprintk(fmt, ap);
	va_end(ap);
}
