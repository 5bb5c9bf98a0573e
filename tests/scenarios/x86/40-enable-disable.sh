#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# The hypervisor takes over a running Linux and gives it back: enable with
# the system config, Linux keeps running a workload on every CPU under it,
# the hypervisor counts exits, disable returns all CPUs, and a second
# enable/disable round works the same.

. /scenarios/lib.sh
. /scenarios/x86-lib.sh

sysfs=/sys/devices/jailhouse
cfg="$X86_ROOT_CELL"

lsmod | grep -q '^jailhouse ' || insmod "$JAILHOUSE_KO"
ncpus=$(grep -c '^processor' /proc/cpuinfo)

round() {
	expect_ok jailhouse enable "$cfg" || { dump_dmesg; return 1; }
	check_eq "round $1: enabled" "1" "$(cat $sysfs/enabled)"
	if [ -r "$sysfs/console" ]; then
		check_contains "round $1: hypervisor console" \
			"$(cat $sysfs/console)" "Activating hypervisor"
	fi
	workload "round $1: under the hypervisor" "bs=64k count=200"
	# Every CPU went through the hypervisor at least for the APIC.
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
	workload "round $1: after disable" "bs=64k count=200"
}

round 1 && round 2
