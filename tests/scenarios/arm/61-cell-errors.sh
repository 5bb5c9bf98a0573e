#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# ARMv7 cell requests that must fail with one clear sentence and change
# nothing, on QEMU virt and the emulated Banana Pi: the steps of arm64's
# (cell_error_cases in lib.sh) with this machine's gic-demo cell and GIC.

. /scenarios/lib.sh

sysfs=/sys/devices/jailhouse
demos=/usr/libexec/jailhouse/demos
cpus=/sys/devices/system/cpu

lsmod | grep -q '^jailhouse ' || insmod "$JAILHOUSE_KO"
cell_error_cases "$ARM_ROOT_CELL" "${ARM_CELLS}gic-demo.cell" "$ARM_GICD_LE"
