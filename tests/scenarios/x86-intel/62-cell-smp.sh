#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Intel VT-x (Bochs): a cell of two CPUs (smp-demo: CPUs 1 and 2). Its
# first CPU starts the second with INIT/SIPI through the x2APIC ICR, which
# the hypervisor must deliver inside the cell as wait-for-SIPI exits, and
# every CPU reports. A restart brings both CPUs up again; destroy gives
# them back with the pool usage as before. Then the cell aims a fixed IPI,
# then an INIT, at APIC ID 0, the root's CPU: the hypervisor stops the
# cell before it goes through (a cell in x2APIC mode that names a CPU
# outside itself fails, as on AMD in x86/64) and the root is unharmed.
# stockade-timeout: 600

. /scenarios/lib.sh
. /scenarios/x86-lib.sh

sysfs=/sys/devices/jailhouse
demos=/usr/libexec/jailhouse/demos

lsmod | grep -q '^jailhouse ' || insmod "$JAILHOUSE_KO"
expect_ok jailhouse enable /etc/jailhouse/bochs-x86.cell || { dump_dmesg; exit 0; }
mem0=$(cat $sysfs/mem_pool_used)
remap0=$(cat $sysfs/remap_pool_used)

expect_ok jailhouse cell create /etc/jailhouse/bochs-smp-demo.cell || dump_dmesg
check_eq "root cell lost CPUs 1 and 2" "0" "$(cat $sysfs/cells/0/cpus_assigned_list)"
check_eq "smp-demo has CPUs 1 and 2" "1-2" \
	"$(cat $sysfs/cells/1/cpus_assigned_list)"
expect_ok jailhouse cell load smp-demo $demos/smp-demo.bin \
	-s "con-type=jailhouse" -a 0x1000
expect_ok jailhouse cell start smp-demo
console_has "CPU 0 of the cell starts the other" \
	"SMP demo: CPU 0 (APIC ID 1) starting 1 other CPU(s)" 60
console_has "CPU 1 of the cell reports" "CPU 1 (APIC ID 2) reports" 60
console_has "both CPUs online" "SMP demo: 2 of 2 CPUs online" 60
check_eq "smp-demo running" "running" "$(cell_state smp-demo)"
check_eq "no failed CPU in the cell" "" "$(cat $sysfs/cells/1/cpus_failed_list)"

smp_restart 60

expect_ok jailhouse cell destroy smp-demo

smp_stray /etc/jailhouse/bochs-smp-demo.cell 1 60 fixed IPI
smp_stray /etc/jailhouse/bochs-smp-demo.cell 1 60 init INIT

check_eq "mem pool usage back" "$mem0" "$(cat $sysfs/mem_pool_used)"
check_eq "remap pool usage back" "$remap0" "$(cat $sysfs/remap_pool_used)"
check_eq "CPU 1 back in Linux" "1" "$(cat /sys/devices/system/cpu/cpu1/online)"
check_eq "CPU 2 back in Linux" "1" "$(cat /sys/devices/system/cpu/cpu2/online)"
check_eq "root cell has all CPUs" "0-2" "$(cat $sysfs/cells/0/cpus_assigned_list)"
expect_ok jailhouse disable || dump_dmesg
