/* SPDX-License-Identifier: GPL-2.0 */
/* The arch functions the core calls, as host test doubles. */
#ifndef _ARCH_STUBS_H
#define _ARCH_STUBS_H

#include <stddef.h>

struct jailhouse_console;

/* What arch_dbg_init was last given. */
extern const struct jailhouse_console *dbg_console;

/* Everything arch_dbg_write received since the last reset, NUL-ended. */
extern char dbg_output[8192];
extern size_t dbg_output_len;

void dbg_output_reset(void);

#endif /* _ARCH_STUBS_H */
