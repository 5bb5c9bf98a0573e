#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Linux takes a CPU offline and brings it back while the hypervisor runs:
# its INIT and STARTUP IPIs are caught and replayed by the hypervisor, so
# the CPU restarts as a guest and still leaves cleanly on disable. After
# disable the same works natively.

. /scenarios/lib.sh

sysfs=/sys/devices/jailhouse
cfg="$X86_ROOT_CELL"
cpu=/sys/devices/system/cpu/cpu3

lsmod | grep -q '^jailhouse ' || insmod "$JAILHOUSE_KO"

# hotplug WHAT: offline CPU 3, online it again, run something on it.
hotplug() {
	echo 0 >"$cpu/online"
	check_eq "$1: CPU 3 offline" "0" "$(cat $cpu/online)"
	echo 1 >"$cpu/online"
	check_eq "$1: CPU 3 online again" "1" "$(cat $cpu/online)"
	check_eq "$1: CPU 3 runs tasks" "on-3" \
		"$(taskset -c 3 sh -c 'echo on-$(cut -d" " -f39 /proc/self/stat)')"
}

expect_ok jailhouse enable "$cfg" || exit 0
before=$(cat $sysfs/cells/0/statistics/cpu3/vmexits_management)
hotplug "under the hypervisor"
after=$(cat $sysfs/cells/0/statistics/cpu3/vmexits_management)
if [ "$after" -gt "$before" ]; then
	pass "INIT reached CPU 3 through the hypervisor"
else
	fail "INIT reached CPU 3 through the hypervisor" \
		"management exits $before -> $after"
fi
check_eq "no failed CPUs" "" "$(cat $sysfs/cells/0/cpus_failed_list)"
# Linux identified the restarted CPU through the hypervisor's CPUID.
flags=" $(cpu_flags 3) "
check_contains "CPU 3 sees the hypervisor flag" "$flags" " hypervisor "
case "$flags" in
*" $(virt_flag) "*) fail "SVM is hidden from CPU 3" "$(virt_flag) in its flags" ;;
*) pass "SVM is hidden from CPU 3" ;;
esac
expect_ok jailhouse disable || dump_dmesg
check_eq "disabled" "0" "$(cat $sysfs/enabled)"
hotplug "natively after disable"
flags=" $(cpu_flags 3) "
check_contains "natively, CPU 3 sees SVM again" "$flags" " $(virt_flag) "
