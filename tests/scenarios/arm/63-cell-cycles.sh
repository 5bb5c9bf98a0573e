#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# 100 ARMv7 cell lifecycles in a row (gic-demo on CPU 3: create, load,
# start, destroy), each one succeeding, without the page pool growing
# (cell_cycles in lib.sh, as on arm64).
# stockade-timeout: 900

. /scenarios/lib.sh

sysfs=/sys/devices/jailhouse
demos=/usr/libexec/jailhouse/demos
cpus=/sys/devices/system/cpu

lsmod | grep -q '^jailhouse ' || insmod "$JAILHOUSE_KO"
cell_cycles "$ARM_ROOT_CELL" "${ARM_CELLS}gic-demo.cell" 100
