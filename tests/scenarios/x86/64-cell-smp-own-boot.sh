#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# A cell of two CPUs (smp-demo: CPUs 2 and 3): both start at the reset
# entry, the second halts there, and the first starts it again with
# INIT/SIPI through the x2APIC ICR (emulated over the xAPIC here: this CPU
# model has no x2APIC), which the hypervisor must deliver inside the
# cell, every CPU reports, and fixed IPIs by physical and by
# logical destination reach the other CPU. Then cells aim a fixed IPI and
# an INIT at APIC ID 0, a root CPU: the hypervisor stops the cell with a
# line saying so (Documentation/inmate-interface.md), the IPI never gets
# there and the root is unharmed. Destroy gives both CPUs back and the
# pool usage returns to its baseline.

. /scenarios/lib.sh
. /scenarios/x86-lib.sh

sysfs=/sys/devices/jailhouse
demos=/usr/libexec/jailhouse/demos

lsmod | grep -q '^jailhouse ' || insmod "$JAILHOUSE_KO"
expect_ok jailhouse enable "$X86_ROOT_CELL" || { dump_dmesg; exit 0; }
mem0=$(cat $sysfs/mem_pool_used)
remap0=$(cat $sysfs/remap_pool_used)

expect_ok jailhouse cell create /etc/jailhouse/smp-demo.cell || dump_dmesg
check_eq "root cell lost CPUs 2 and 3" "0-1" "$(cat $sysfs/cells/0/cpus_assigned_list)"
check_eq "smp-demo has CPUs 2 and 3" "2-3" \
	"$(cat $sysfs/cells/1/cpus_assigned_list)"
expect_ok jailhouse cell load smp-demo $demos/smp-demo.bin \
	-s "con-type=jailhouse" -a 0x1000
expect_ok jailhouse cell start smp-demo
console_has "CPU 0 of the cell starts the other" \
	"SMP demo: CPU 0 (APIC ID 2) starting 1 other CPU(s)"
console_has "CPU 1 of the cell reports" "CPU 1 (APIC ID 3) reports"
console_has "both CPUs online" "SMP demo: 2 of 2 CPUs online"
# As under Jailhouse, cell start sends every CPU of the cell to the reset
# entry (inmates built with Jailhouse's library count the CPUs there), where
# all but the bootstrap processor halt until INIT/STARTUP.
check_contains "the other CPU had come to the reset entry at cell start" \
	"$(jailhouse console)" "SMP demo: 1 other CPU(s) had halted at the reset entry"
console_has "IPIs inside the cell arrive, physical and logical" \
	"SMP demo: IPIs to CPU 1 (APIC ID 3): physical arrived, logical arrived"
sleep 1
check_eq "smp-demo still running" "running" "$(cell_state smp-demo)"
check_eq "no failed CPU in the cell" "" "$(cat $sysfs/cells/1/cpus_failed_list)"

smp_restart 30

expect_ok jailhouse cell destroy smp-demo

smp_stray /etc/jailhouse/smp-demo.cell 2 30 fixed IPI
smp_stray /etc/jailhouse/smp-demo.cell 2 30 init INIT

check_eq "mem pool usage back" "$mem0" "$(cat $sysfs/mem_pool_used)"
check_eq "remap pool usage back" "$remap0" "$(cat $sysfs/remap_pool_used)"
check_eq "CPU 2 back in Linux" "1" "$(cat /sys/devices/system/cpu/cpu2/online)"
check_eq "CPU 3 back in Linux" "1" "$(cat /sys/devices/system/cpu/cpu3/online)"
check_eq "root cell has all CPUs" "0-3" "$(cat $sysfs/cells/0/cpus_assigned_list)"
expect_ok jailhouse disable || dump_dmesg
