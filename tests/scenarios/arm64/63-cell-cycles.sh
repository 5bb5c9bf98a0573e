#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# 100 arm64 cell lifecycles in a row (create, load, start, destroy of
# gic-demo, CPU 3 going to the cell and back to Linux each time): every
# one succeeds and the page pool never grows.
# stockade-timeout: 600

. /scenarios/lib.sh

sysfs=/sys/devices/jailhouse
demos=/usr/libexec/jailhouse/demos
cpus=/sys/devices/system/cpu

lsmod | grep -q '^jailhouse ' || insmod "$JAILHOUSE_KO"
cell_cycles "$ARM64_ROOT_CELL" /etc/jailhouse/gic-demo.cell 100
