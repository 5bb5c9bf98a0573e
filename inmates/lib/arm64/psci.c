// SPDX-License-Identifier: GPL-2.0 OR BSD-2-Clause
/*
 * PSCI calls following the SMC calling convention (arch_smccc() in
 * inmate_arch.h), for arm64 and ARMv7. SMC is what a cell's firmware
 * interface looks like on hardware; plain QEMU without EL2/EL3 only
 * answers HVC, which the command line selects with "psci=hvc".
 */
#include <inmate.h>

static bool use_hvc;
/* Per CPU index, each written by its own CPU only. */
static unsigned long calls[SMP_MAX_CPUS];

void psci_init(void)
{
	char conduit[8];

	if (cmdline_parse_str("psci", conduit, sizeof(conduit)))
		use_hvc = !strcmp(conduit, "hvc");
}

bool psci_uses_hvc(void)
{
	return use_hvc;
}

long psci_call(__u32 fid, __u64 a1, __u64 a2, __u64 a3)
{
	unsigned int me = smp_cpu_index();

	if (me < SMP_MAX_CPUS)
		calls[me]++;
	/* The result is a signed 32-bit value in a full register. */
	return (int)arch_smccc(use_hvc, fid, a1, a2, a3);
}

unsigned long psci_calls(void)
{
	unsigned int me = smp_cpu_index();

	return me < SMP_MAX_CPUS ? calls[me] : 0;
}

long psci_cpu_on(__u64 mpidr, unsigned long entry, __u64 context)
{
	/* What the new CPU reads must be out before it can run. */
	dsb(sy);
	return psci_call(PSCI_CPU_ON, mpidr, entry, context);
}

long psci_affinity_info(__u64 mpidr)
{
	return psci_call(PSCI_AFFINITY_INFO, mpidr, 0, 0);
}

long psci_cpu_off(void)
{
	dsb(sy);
	return psci_call(PSCI_CPU_OFF, 0, 0, 0);
}

const char *psci_ret_name(long ret)
{
	switch (ret) {
	case PSCI_SUCCESS:
		return "SUCCESS";
	case PSCI_NOT_SUPPORTED:
		return "NOT_SUPPORTED";
	case PSCI_INVALID_PARAMETERS:
		return "INVALID_PARAMETERS";
	case PSCI_DENIED:
		return "DENIED";
	case PSCI_ALREADY_ON:
		return "ALREADY_ON";
	case PSCI_ON_PENDING:
		return "ON_PENDING";
	case PSCI_INTERNAL_FAILURE:
		return "INTERNAL_FAILURE";
	case PSCI_INVALID_ADDRESS:
		return "INVALID_ADDRESS";
	}
	return "UNKNOWN";
}

const char *psci_affinity_name(long ret)
{
	switch (ret) {
	case PSCI_AFFINITY_ON:
		return "ON";
	case PSCI_AFFINITY_OFF:
		return "OFF";
	case PSCI_AFFINITY_ON_PENDING:
		return "ON_PENDING";
	}
	return psci_ret_name(ret);
}
