#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# A two-CPU ARMv7 cell (smp-demo on CPUs 2 and 3): PSCI CPU_ON/CPU_OFF
# (SMC32) through SMC and HVC, AFFINITY_INFO at each step, 100 SGIs each
# way per round through the virtual GICv2 distributor, CPU_ON refusals,
# the second CPU left on across a shutdown, CPU_ON as the cell's first
# action, and destroy giving everything back: arm64's steps
# (smp_cell_scenario in lib.sh) on QEMU virt and the emulated Banana Pi.
# stockade-timeout: 400

. /scenarios/lib.sh

sysfs=/sys/devices/jailhouse
demos=/usr/libexec/jailhouse/demos
cpus=/sys/devices/system/cpu
tmp=/tmp/64-smp
mkdir -p $tmp

lsmod | grep -q '^jailhouse ' || insmod "$JAILHOUSE_KO"
smp_cell_scenario "$ARM_ROOT_CELL" "${ARM_CELLS}smp-demo.cell" GICv2
