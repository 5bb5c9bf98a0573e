/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the host side of <arm-common/subarch.h> (the headers in arm_host/asm,
 * arm_host_subarch.c) records for the ARM tests, and how a test gets
 * control back from a path that enters a guest and never returns.
 */
#ifndef _ARM_HOST_H
#define _ARM_HOST_H

#include <setjmp.h>

#include <core/types.h>

/* arm_skip_instruction calls. */
extern unsigned int host_skips;
/* arm_smc calls, and the function id of the last one. */
extern unsigned int host_smc_calls;
extern unsigned long host_smc_fid;
/* arm_power_off and arm_handle_events calls. */
extern unsigned int host_power_offs;
extern unsigned int host_event_calls;

/*
 * arm_enter_guest() longjmps here with 1 when host_guest_armed is set
 * (the fatal path of a cell ends there); otherwise it aborts the test
 * program.
 */
extern jmp_buf host_guest_jmp;
extern bool host_guest_armed;

/* Registers, logs and counters back to zero. */
void host_subarch_reset(void);

#endif /* !_ARM_HOST_H */
