#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# The two-CPU cell of 64-cell-smp, with the ARMv7 build of smp-demo in an
# AArch32 cell (configs/arm64/aarch32-smp-demo.c): PSCI CPU_ON, CPU_OFF
# and AFFINITY_INFO through SMC32 and HVC32 with their arguments in r0-r3,
# SGIs between the cell's CPUs (on GICv3 the MCRR of ICC_SGI1R, decoded
# from the AArch32 register numbers), the second CPU entering AArch32 at
# the address CPU_ON names, every exit counted, and destroy giving CPUs 2
# and 3 back to Linux in AArch64.
# stockade-timeout: 420

. /scenarios/lib.sh

sysfs=/sys/devices/jailhouse
demos=/usr/libexec/jailhouse/demos/aarch32
cpus=/sys/devices/system/cpu
tmp=/tmp/69-aarch32-smp
mkdir -p $tmp

check_file "ARMv7 smp-demo.bin installed for AArch32 cells" $demos/smp-demo.bin
lsmod | grep -q '^jailhouse ' || insmod "$JAILHOUSE_KO"
smp_cell_scenario "$ARM64_ROOT_CELL" /etc/jailhouse/aarch32-smp-demo.cell \
	"$ARM64_GIC"
