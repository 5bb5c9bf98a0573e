#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Intel VT-x (Bochs): the hypervisor takes over the running Linux with the
# Bochs system config, Linux runs a small workload on both CPUs under it,
# every CPU counted exits, and disable gives the CPUs back; a second round
# proves VMXOFF left VMX usable again. Linux's NMIs reach every CPU under
# the hypervisor (NMI backtraces). After each disable, user space on
# every CPU may use ioperm(): TR has its full limit again (a VM exit cuts
# it to 0x67, hiding Linux's I/O bitmap).

. /scenarios/lib.sh
. /scenarios/x86-lib.sh

sysfs=/sys/devices/jailhouse
cfg=/etc/jailhouse/bochs-x86.cell

lsmod | grep -q '^jailhouse ' || insmod "$JAILHOUSE_KO"
ncpus=$(grep -c '^processor' /proc/cpuinfo)
probe=/usr/libexec/jailhouse/tests/ioperm-probe

# nmi_backtraces WHAT: three rounds of NMIs to all other CPUs (sysrq l),
# each CPU answers every round.
nmi_backtraces() {
	dmesg -c >/dev/null
	for _ in 1 2 3; do
		echo l >/proc/sysrq-trigger
	done
	check_eq "$1: every CPU answered 3 NMI backtrace requests" \
		"$((3 * ncpus))" "$(dmesg | grep -c 'NMI backtrace for cpu')"
}

# ioperm_works WHAT: the I/O bitmap is within TR's limit on every CPU.
ioperm_works() {
	cpu=0
	while [ "$cpu" -lt "$ncpus" ]; do
		check_eq "$1: ioperm() port write on CPU $cpu" \
			"ioperm-probe: port 0x80 written" \
			"$(taskset -c "$cpu" $probe 2>&1; echo "rc=$?" | grep -v rc=0)"
		cpu=$((cpu + 1))
	done
}

round() {
	expect_ok jailhouse enable "$cfg" || { dump_dmesg; return 1; }
	check_eq "round $1: enabled" "1" "$(cat $sysfs/enabled)"
	check_contains "round $1: VPID and virtual NMIs in use" \
		"$(jailhouse console)" \
		"VPID tags guest TLB entries, virtual NMIs wait for their window"
	workload "round $1: under the hypervisor" "bs=4k count=64"
	nmi_backtraces "round $1: under the hypervisor"
	cpu=0
	while [ "$cpu" -lt "$ncpus" ]; do
		n=$(cat "$sysfs/cells/0/statistics/cpu$cpu/vmexits_total" 2>&1)
		case "$n" in
		''|*[!0-9]*|0) fail "round $1: cpu$cpu counted exits" "'$n'" ;;
		*) pass "round $1: cpu$cpu counted exits" ;;
		esac
		cpu=$((cpu + 1))
	done
	check_eq "round $1: no failed CPUs" "" \
		"$(cat $sysfs/cells/0/cpus_failed_list)"
	expect_ok jailhouse disable || { dump_dmesg; return 1; }
	check_eq "round $1: disabled" "0" "$(cat $sysfs/enabled)"
	workload "round $1: after disable" "bs=4k count=64"
	ioperm_works "round $1: after disable"
}

ioperm_works "before enable"
nmi_backtraces "before enable"

round 1 && round 2
