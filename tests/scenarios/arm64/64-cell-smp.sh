#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# A two-CPU arm64 cell: smp-demo is created on CPUs 2 and 3 (both leave
# Linux); its first CPU switches the other on and off with PSCI CPU_ON
# and CPU_OFF, twice, checking AFFINITY_INFO at each step, and the two
# bounce 100 SGIs each way per round, plus one SGI to "all but self"
# that only the other CPU may get; CPU_ON of a CPU that is on, of itself
# and of a CPU outside the cell must fail as PSCI says. Each finding is
# a line on the hypervisor console (con-type=jailhouse), checked here,
# and the cell's exit counters must show exactly the PSCI calls and SGIs
# the demo made, on the CPUs that made them. The first run (PSCI through
# SMC) leaves the second CPU on; after a shutdown the second run
# (through HVC #0) must find it off again and start it like the first.
# Destroy gives both CPUs back to Linux and the pool back to its value
# before create. It runs on the GICv3 and the GICv2 machine alike.
# stockade-timeout: 300

. /scenarios/lib.sh

sysfs=/sys/devices/jailhouse
demos=/usr/libexec/jailhouse/demos
cpus=/sys/devices/system/cpu
tmp=/tmp/64-smp
mkdir -p $tmp

lsmod | grep -q '^jailhouse ' || insmod "$JAILHOUSE_KO"
smp_cell_scenario "$ARM64_ROOT_CELL" /etc/jailhouse/smp-demo.cell "$ARM64_GIC"
