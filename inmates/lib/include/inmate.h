/* SPDX-License-Identifier: GPL-2.0 OR BSD-2-Clause */
/*
 * Inmate library: what every demo and bare-metal cell program can use on
 * any architecture. The architecture part (<inmate_arch.h>) supplies port
 * and MMIO accessors, interrupt control and the comm region address.
 * The start convention is in Documentation/inmate-interface.md.
 */
#ifndef _INMATE_H
#define _INMATE_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <jailhouse/hypercall.h>
#include <inmate_arch.h>

#define __noreturn	__attribute__((noreturn))
#define __printf(a, b)	__attribute__((format(printf, a, b)))
#define __unused	__attribute__((unused))
#define __aligned(n)	__attribute__((aligned(n)))

#define READ_ONCE(x)	(*(const volatile typeof(x) *)&(x))
#define WRITE_ONCE(x, v) (*(volatile typeof(x) *)&(x) = (v))

#define MIN(a, b)	((a) < (b) ? (a) : (b))
#define MAX(a, b)	((a) > (b) ? (a) : (b))

#define NS_PER_USEC	1000ULL
#define NS_PER_MSEC	1000000ULL
#define NS_PER_SEC	1000000000ULL

/* string.c */
void *memset(void *s, int c, size_t n);
void *memcpy(void *dst, const void *src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);
int strcmp(const char *a, const char *b);
int strncmp(const char *a, const char *b, size_t n);

/* format.c: printf-style formatting without a C library */
typedef void (*format_out_t)(char c, void *ctx);
void format_emit(format_out_t out, void *ctx, const char *fmt, va_list ap);
int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap);
int snprintf(char *buf, size_t size, const char *fmt, ...) __printf(3, 4);
/* "0x..." (hex), "0..." is decimal; returns false on garbage. */
bool parse_ull(const char *s, size_t len, unsigned long long *val);

/* console.c: output selection and printk */
struct uart_driver {
	const char *name;	/* con-type= value */
	__u16 type;		/* JAILHOUSE_CON_TYPE_* */
	__u16 default_flags;	/* JAILHOUSE_CON_*, when named by con-type */
	void (*init)(unsigned long base, __u16 flags, __u32 divider);
	void (*putc)(unsigned long base, __u16 flags, char c);
};

/* Provided by the architecture; terminated by an entry without name. */
extern const struct uart_driver arch_uart_drivers[];
/* Fallback port when neither command line nor comm region names one. */
extern const struct jailhouse_console arch_default_console;

/* Drivers shared between architectures (uart-8250.c). */
void uart_8250_init(unsigned long base, __u16 flags, __u32 divider);
void uart_8250_putc(unsigned long base, __u16 flags, char c);

void console_init(void);
void console_putc(char c);
const char *console_name(void);
void printk(const char *fmt, ...) __printf(1, 2);
void vprintk(const char *fmt, va_list ap);

/* cmdline.c: "key=value key2 ..." at guest-physical 0x1000 */
extern const char *inmate_cmdline;
bool cmdline_parse_str(const char *key, char *buf, size_t size);
long long cmdline_parse_int(const char *key, long long def);
bool cmdline_parse_bool(const char *key);

/* comm.c: the communication region at COMM_REGION_BASE */
extern struct jailhouse_comm_region *comm_region;
bool comm_region_valid(void);
__u32 comm_region_msg(void);
void comm_region_reply(__u32 reply);
/*
 * Answers a pending message: shutdown requests with APPROVED or DENIED
 * as told, reconfiguration notices with RECEIVED, anything else with
 * UNKNOWN. Returns the message that was answered (JAILHOUSE_MSG_NONE if
 * there was none).
 */
__u32 comm_region_poll(bool approve_shutdown);
/*
 * Whether a shutdown request is pending, left unanswered so that the
 * inmate can still say goodbye before it replies (the hypervisor stops
 * the cell's CPUs as soon as it reads APPROVED); other messages are
 * answered as comm_region_poll() does.
 */
bool comm_region_shutdown_requested(void);

/*
 * pci.c of the architecture: config space of the devices the cell owns
 * (bdf = bus << 8 | device << 3 | function); reads of absent ones are
 * all-ones.
 */
#define PCI_CFG_VENDOR_ID	0x00
#define PCI_CFG_COMMAND		0x04
#define PCI_CMD_MEM		0x0002
#define PCI_CMD_MASTER		0x0004
#define PCI_CFG_BAR		0x10
#define PCI_CFG_CAP_PTR		0x34
#define PCI_CAP_VENDOR		0x09
#define PCI_CAP_MSIX		0x11
__u32 pci_read_config(__u16 bdf, unsigned int reg, unsigned int size);
void pci_write_config(__u16 bdf, unsigned int reg, __u32 value,
		      unsigned int size);
/* First device with that ID on start_bdf's bus from there; -1 if none. */
int pci_find_device(__u16 vendor, __u16 device, __u16 start_bdf);
/* Offset of the first capability cap_id of bdf; -1 if none. */
int pci_find_cap(__u16 bdf, __u8 cap_id);

/* Architecture services every port has (lib/<arch>/). */
void arch_init(void);
void __noreturn inmate_halt(void);
/* Spin lock for printk from several CPUs. */
void inmate_lock(volatile int *lock);
void inmate_unlock(volatile int *lock);

/* Provided by the inmate. */
void inmate_main(void);

#endif /* !_INMATE_H */
