// SPDX-License-Identifier: GPL-2.0
/*
 * The host side of <arm-common/subarch.h>: register variables instead of
 * system registers, counters instead of CPU operations, and a longjmp
 * instead of entering a guest (arm_host.h).
 */
#include <stdlib.h>
#include <string.h>

#include <core/percpu.h>
#include <arm-common/hv.h>
#include <arm-common/subarch.h>
#include <arm-common/traps.h>

#include "arm_host.h"

u64 host_sysregs[HOST_SYSREGS];
u64 host_ich_lr[16];
u64 host_sgi1r_log[64];
unsigned int host_sgi1r_count;
unsigned int host_wfi_calls;
unsigned int host_guest_tlb_flushes;
unsigned int host_skips;
unsigned int host_smc_calls;
unsigned long host_smc_fid;
unsigned int host_power_offs;
unsigned int host_event_calls;
jmp_buf host_guest_jmp;
bool host_guest_armed;

void host_subarch_reset(void)
{
	memset(host_sysregs, 0, sizeof(host_sysregs));
	memset(host_ich_lr, 0, sizeof(host_ich_lr));
	host_sgi1r_count = 0;
	host_wfi_calls = 0;
	host_guest_tlb_flushes = 0;
	host_skips = 0;
	host_smc_calls = 0;
	host_smc_fid = 0;
	host_power_offs = 0;
	host_event_calls = 0;
	host_guest_armed = false;
}

u64 host_sysreg_read(enum host_sysreg reg)
{
	return host_sysregs[reg];
}

void host_sysreg_write(enum host_sysreg reg, u64 val)
{
	if (reg == HOST_SYSREG_ICC_SGI1R &&
	    host_sgi1r_count < ARRAY_SIZE(host_sgi1r_log))
		host_sgi1r_log[host_sgi1r_count++] = val;
	host_sysregs[reg] = val;
}

void arm_skip_instruction(const struct arm_trap *t)
{
	(void)t;
	host_skips++;
}

void arm_dump_trap_regs(void)
{
}

void __noreturn arm_enter_guest(struct trap_frame *frame)
{
	(void)frame;
	if (!host_guest_armed)
		abort();
	host_guest_armed = false;
	longjmp(host_guest_jmp, 1);
}

void __noreturn arm_cpu_leave(struct per_cpu *cpu, struct trap_frame *frame)
{
	(void)cpu;
	(void)frame;
	abort();
}

long arm_smc(unsigned long fid, unsigned long a1, unsigned long a2,
	     unsigned long a3)
{
	(void)a1;
	(void)a2;
	(void)a3;
	host_smc_calls++;
	host_smc_fid = fid;
	return 0;
}

void arm_power_off(struct per_cpu *cpu)
{
	(void)cpu;
	host_power_offs++;
}

void arm_handle_events(struct per_cpu *cpu, struct trap_frame *frame)
{
	(void)cpu;
	(void)frame;
	host_event_calls++;
}
