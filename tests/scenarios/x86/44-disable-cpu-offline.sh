#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Disable while Linux has a CPU of the root cell offline. That CPU sits in
# Linux's dead loop but still inside the hypervisor's guest mode, where no
# DISABLE hypercall reaches it. Disable must still give every CPU back
# (the driver brings the CPU up for it and takes it down again): the CPU
# stays offline as the user left it, and once onlined it runs natively,
# with SVM visible again. A new enable/disable round proves it left the
# hypervisor's memory alone.

. /scenarios/lib.sh

sysfs=/sys/devices/jailhouse
cfg=/etc/jailhouse/qemu-x86.cell
n=2
cpu=/sys/devices/system/cpu/cpu$n

lsmod | grep -q '^jailhouse ' || insmod "$JAILHOUSE_KO"

runs_on() {
	# shellcheck disable=SC2016 # expanded by the inner shell
	taskset -c "$1" sh -c 'echo on-$(cut -d" " -f39 /proc/self/stat)'
}

expect_ok jailhouse enable "$cfg" || exit 0
echo 0 >"$cpu/online"
check_eq "CPU $n offline under the hypervisor" "0" "$(cat $cpu/online)"
dmesg -c >/dev/null
expect_ok jailhouse disable || dump_dmesg
check_eq "disabled" "0" "$(cat $sysfs/enabled)"
check_eq "CPU $n still offline after disable" "0" "$(cat $cpu/online)"
log=$(dmesg)
check_eq "no kernel warnings or driver errors during disable" "" \
	"$(echo "$log" | grep -iE 'warn|error|fail|bug|refused' | head -n 3)"
# The CPU had to come up to leave the hypervisor, then went down again.
check_contains "CPU $n came up to leave the hypervisor" "$log" \
	"Booting Node 0 Processor $n "
check_contains "CPU $n went down again, natively" "$log" \
	"CPU $n is now offline"

echo 1 >"$cpu/online"
check_eq "CPU $n online again" "1" "$(cat $cpu/online)"
check_eq "CPU $n runs tasks" "on-$n" "$(runs_on $n)"
flags=" $(cpu_flags $n) "
check_contains "natively, CPU $n sees SVM again" "$flags" " $(virt_flag) "

# The next round must find every CPU native, CPU $n included.
expect_ok jailhouse enable "$cfg" || { dump_dmesg; exit 0; }
check_eq "no failed CPUs in the next round" "" \
	"$(cat $sysfs/cells/0/cpus_failed_list)"
check_eq "CPU $n runs tasks in the next round" "on-$n" "$(runs_on $n)"
expect_ok jailhouse disable || dump_dmesg
check_eq "CPU $n runs tasks natively at the end" "on-$n" "$(runs_on $n)"
