#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# arm64 cell requests that must fail with one clear sentence and change
# nothing: memory over the GIC distributor, a CPU or memory another cell
# has, a duplicate name, unknown
# names, images outside the loadable memory, starting a running cell,
# disabling with cells, destroying twice. The pool usage and the cell
# list are the same afterwards.

. /scenarios/lib.sh

sysfs=/sys/devices/jailhouse
demos=/usr/libexec/jailhouse/demos
cpus=/sys/devices/system/cpu

lsmod | grep -q '^jailhouse ' || insmod "$JAILHOUSE_KO"
# QEMU virt's distributor: 0x08000000.
cell_error_cases "$ARM64_ROOT_CELL" /etc/jailhouse/gic-demo.cell \
	'\000\000\000\010'
