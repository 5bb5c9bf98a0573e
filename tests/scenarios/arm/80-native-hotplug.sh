#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# After the hypervisor is gone, Linux takes CPU 3 offline and back online
# natively (PSCI straight to firmware) and the CPU runs tasks. Last of the
# ARMv7 scenarios on the shared boot: a CPU the hypervisor had switched on
# for Linux started in SVC mode, so Linux no longer installs the hyp stub
# on CPUs it switches on itself, and such a CPU cannot be taken over again
# (40-enable-disable.sh).

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
