#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# A CPU without AArch32 at EL1 (QEMU's Cortex-A76: ID_AA64PFR0_EL1.EL1 is
# 1, AArch64 only) cannot run an AArch32 cell: creating one is refused
# with one console line naming the cell and the flag, nothing is left
# behind, and the same machine runs an AArch64 cell as before. VHE is
# switched off on the command line so that EL2 is free (as 23-*).
# stockade-qemu: -cpu cortex-a76
# stockade-append: id_aa64mmfr1.vh=0

# shellcheck source=tests/scenarios/lib.sh
. /scenarios/lib.sh

sysfs=/sys/devices/jailhouse

lsmod | grep -q '^jailhouse ' || insmod "$JAILHOUSE_KO"
expect_ok jailhouse enable "$ARM64_ROOT_CELL" || { dump_dmesg; exit 0; }
mem0=$(cat $sysfs/mem_pool_used)

expect_fail_with "the cell config was rejected" \
	jailhouse cell create /etc/jailhouse/aarch32-demo.cell
check_contains "the hypervisor answered -EINVAL" "$(dmesg | tail -n 5)" \
	'refused to create cell "aarch32-demo" (-22)'
console_has "refusal names cell, flag and reason" \
	'Cell "aarch32-demo": JAILHOUSE_CELL_AARCH32 refused, CPU [0-9]* has no AArch32 at EL1' 5
check_eq "one refusal line" "1" \
	"$(jailhouse console | grep -c 'JAILHOUSE_CELL_AARCH32 refused')"
check_eq "no cell left behind" "1" "$(jailhouse cell list | grep -c running)"
check_eq "mem pool usage unchanged" "$mem0" "$(cat $sysfs/mem_pool_used)"
check_eq "CPU 3 still Linux's" "1" \
	"$(cat /sys/devices/system/cpu/cpu3/online)"

# The AArch64 build of the same demo runs on this CPU.
expect_ok jailhouse cell create /etc/jailhouse/gic-demo.cell
expect_ok jailhouse cell load gic-demo \
	/usr/libexec/jailhouse/demos/gic-demo.bin -s "con-type=jailhouse" \
	-a 0x1000
expect_ok jailhouse cell start gic-demo
console_has "AArch64 gic-demo timer fires" "Timer fired, jitter"
expect_ok jailhouse cell destroy gic-demo
expect_ok jailhouse disable || dump_dmesg
