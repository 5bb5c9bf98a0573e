#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# After the hypervisor is gone, Linux takes CPU 3 offline and back online
# natively (PSCI straight to firmware) and the CPU runs tasks. A CPU the
# hypervisor had switched on for Linux (40-enable-disable.sh) started in
# SVC mode, so Linux no longer installs its hyp stub on CPUs it switches
# on itself: enable must refuse CPU 3 by name instead of hanging on it,
# and works once CPU 3 is offline. Last of the ARMv7 scenarios on the
# shared boot.

. /scenarios/lib.sh

cpu3=/sys/devices/system/cpu/cpu3

check_eq "hypervisor disabled" "0" \
	"$(cat /sys/devices/jailhouse/enabled 2>/dev/null || echo 0)"
echo 0 >$cpu3/online
check_eq "CPU 3 offline natively" "0" "$(cat $cpu3/online)"
echo 1 >$cpu3/online
check_eq "CPU 3 online natively" "1" "$(cat $cpu3/online)"
check_eq "CPU 3 runs tasks after the native cycle" "on-3" \
	"$(taskset -c 3 sh -c 'echo on-$(cut -d" " -f39 /proc/self/stat)')"

dmesg -c >/dev/null
expect_fail_with "a CPU cannot enter the hypervisor" \
	jailhouse enable "$ARM_ROOT_CELL"
check_contains "the kernel log names CPU 3" "$(dmesg)" "CPU 3 has no hyp stub"
check_eq "still disabled" "0" "$(cat /sys/devices/jailhouse/enabled)"
echo 0 >$cpu3/online
expect_ok jailhouse enable "$ARM_ROOT_CELL"
check_eq "enabled without CPU 3" "1" "$(cat /sys/devices/jailhouse/enabled)"
expect_ok jailhouse disable
echo 1 >$cpu3/online
check_eq "CPU 3 online natively again" "1" "$(cat $cpu3/online)"
