#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Intel VT-x (Bochs): the hypervisor takes over the running Linux with the
# Bochs system config, Linux runs a small workload on both CPUs under it,
# every CPU counted exits, and disable gives the CPUs back; a second round
# proves VMXOFF left VMX usable again.

. /scenarios/lib.sh

sysfs=/sys/devices/jailhouse
cfg=/etc/jailhouse/bochs-x86.cell

lsmod | grep -q '^jailhouse ' || insmod "$JAILHOUSE_KO"
ncpus=$(grep -c '^processor' /proc/cpuinfo)

# workload WHAT: a short job pinned to each CPU; all must finish.
workload() {
	pids=
	cpu=0
	while [ "$cpu" -lt "$ncpus" ]; do
		taskset -c "$cpu" sh -c \
			'dd if=/dev/zero bs=4k count=64 2>/dev/null | md5sum >/dev/null' &
		pids="$pids $!"
		cpu=$((cpu + 1))
	done
	ok=0
	for p in $pids; do
		wait "$p" && ok=$((ok + 1))
	done
	check_eq "$1: workload finished on all $ncpus CPUs" "$ncpus" "$ok"
}

round() {
	expect_ok jailhouse enable "$cfg" || { dump_dmesg; return 1; }
	check_eq "round $1: enabled" "1" "$(cat $sysfs/enabled)"
	workload "round $1: under the hypervisor"
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
	workload "round $1: after disable"
}

round 1 && round 2
