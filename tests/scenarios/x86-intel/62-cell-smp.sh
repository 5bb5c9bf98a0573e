#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Intel VT-x (Bochs): a cell of two CPUs (smp-demo: CPUs 1 and 2). Its
# first CPU starts the second with INIT/SIPI through the xAPIC ICR, which
# the hypervisor must deliver inside the cell as wait-for-SIPI exits, and
# every CPU reports. Then the cell aims a fixed IPI, an NMI, INIT and
# STARTUP at APIC ID 0, the root's CPU: the hypervisor drops them and says
# so, the cell keeps running and the root is unharmed. A restart brings
# both CPUs up again; destroy gives them back with the pool usage as before.
# stockade-timeout: 600

. /scenarios/lib.sh

sysfs=/sys/devices/jailhouse
demos=/usr/libexec/jailhouse/demos

lsmod | grep -q '^jailhouse ' || insmod "$JAILHOUSE_KO"
expect_ok jailhouse enable /etc/jailhouse/bochs-x86.cell || { dump_dmesg; exit 0; }
mem0=$(cat $sysfs/mem_pool_used)
remap0=$(cat $sysfs/remap_pool_used)

# Root CPU 0 answers: a task pinned there runs and computes.
root_cpu0_ok() {
	taskset -c 0 sh -c 'dd if=/dev/zero bs=64k count=20 2>/dev/null | md5sum >/dev/null && echo ok'
}

expect_ok jailhouse cell create /etc/jailhouse/bochs-smp-demo.cell || dump_dmesg
check_eq "root cell lost CPUs 1 and 2" "0" "$(cat $sysfs/cells/0/cpus_assigned_list)"
check_eq "smp-demo has CPUs 1 and 2" "1-2" \
	"$(cat $sysfs/cells/1/cpus_assigned_list)"
expect_ok jailhouse cell load smp-demo $demos/smp-demo.bin \
	-s "con-type=jailhouse ipi-apic=0" -a 0x1000
expect_ok jailhouse cell start smp-demo
console_has "CPU 0 of the cell starts the other" \
	"SMP demo: CPU 0 (APIC ID 1) starting 1 other CPU(s)" 60
console_has "CPU 1 of the cell reports" "CPU 1 (APIC ID 2) reports" 60
console_has "both CPUs online" "SMP demo: 2 of 2 CPUs online" 60

# The IPIs at the root CPU.
console_has "the cell sent IPIs at APIC ID 0" \
	"SMP demo: sent fixed, NMI, INIT and STARTUP IPIs to APIC ID 0" 60
c=$(jailhouse console)
check_contains "fixed IPI to the root dropped" "$c" \
	"CPU 1: IPI to physical APIC ID 0x0 outside its cell dropped"
check_contains "INIT to the root dropped" "$c" \
	"CPU 1: INIT to APIC ID 0x0 outside its cell dropped"
check_contains "STARTUP to the root dropped" "$c" \
	"CPU 1: STARTUP to APIC ID 0x0 outside its cell dropped"
sleep 1
check_eq "smp-demo still running" "running" "$(cell_state smp-demo)"
check_eq "no failed CPU in the cell" "" "$(cat $sysfs/cells/1/cpus_failed_list)"
check_eq "root CPU 0 unharmed" "ok" "$(root_cpu0_ok)"

expect_ok jailhouse cell shutdown smp-demo
console_has "smp-demo said goodbye" "Stopped SMP demo" 60
check_eq "smp-demo shut down" "shut down" "$(cell_state smp-demo)"
# Restart: both CPUs come up again from the reset state.
expect_ok jailhouse cell load smp-demo $demos/smp-demo.bin \
	-s "con-type=jailhouse" -a 0x1000
expect_ok jailhouse cell start smp-demo
t=60
while [ "$t" -gt 0 ] && [ "$(jailhouse console | grep -c 'SMP demo: 2 of 2 CPUs online')" -lt 2 ]; do
	sleep 1
	t=$((t - 1))
done
check_eq "both CPUs online after a restart" "2" \
	"$(jailhouse console | grep -c 'SMP demo: 2 of 2 CPUs online')"

expect_ok jailhouse cell destroy smp-demo
check_eq "mem pool usage back" "$mem0" "$(cat $sysfs/mem_pool_used)"
check_eq "remap pool usage back" "$remap0" "$(cat $sysfs/remap_pool_used)"
check_eq "CPU 1 back in Linux" "1" "$(cat /sys/devices/system/cpu/cpu1/online)"
check_eq "CPU 2 back in Linux" "1" "$(cat /sys/devices/system/cpu/cpu2/online)"
check_eq "root cell has all CPUs" "0-2" "$(cat $sysfs/cells/0/cpus_assigned_list)"
expect_ok jailhouse disable || dump_dmesg
