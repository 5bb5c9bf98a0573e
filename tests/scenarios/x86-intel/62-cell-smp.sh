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
	-s "con-type=jailhouse" -a 0x1000
expect_ok jailhouse cell start smp-demo
console_has "CPU 0 of the cell starts the other" \
	"SMP demo: CPU 0 (APIC ID 1) starting 1 other CPU(s)" 60
console_has "CPU 1 of the cell reports" "CPU 1 (APIC ID 2) reports" 60
console_has "both CPUs online" "SMP demo: 2 of 2 CPUs online" 60
check_eq "smp-demo running" "running" "$(cell_state smp-demo)"
check_eq "no failed CPU in the cell" "" "$(cat $sysfs/cells/1/cpus_failed_list)"

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

# stray KIND WHAT: smp-demo sends a KIND IPI at root CPU 0 (APIC ID 0) and
# is stopped there, the root unharmed.
stray() {
	expect_ok jailhouse cell create /etc/jailhouse/bochs-smp-demo.cell ||
		return
	expect_ok jailhouse cell load smp-demo $demos/smp-demo.bin \
		-s "con-type=jailhouse ipi-apic=0 ipi-kind=$1" -a 0x1000
	expect_ok jailhouse cell start smp-demo
	console_has "$1 IPI to the root: the cell tried" \
		"SMP demo: sending a $1 IPI to APIC ID 0" 60
	wait_cell_state smp-demo "failed" 30
	check_eq "$1 IPI to the root: cell failed" "failed" \
		"$(cell_state smp-demo)"
	check_contains "$1 IPI to the root: reason on the console" \
		"$(jailhouse console)" \
		"FATAL: CPU 1 of cell \"smp-demo\": $2 to physical x2APIC ID 0x0 outside the cell"
	case "$(jailhouse console)" in
	*"IPI to APIC ID 0 went through"*)
		fail "$1 IPI to the root: stopped before it went through" ;;
	*) pass "$1 IPI to the root: stopped before it went through" ;;
	esac
	check_eq "$1 IPI to the root: root CPU 0 unharmed" "ok" \
		"$(root_cpu0_ok)"
	expect_ok jailhouse cell destroy smp-demo
}
stray fixed IPI
stray init INIT

check_eq "mem pool usage back" "$mem0" "$(cat $sysfs/mem_pool_used)"
check_eq "remap pool usage back" "$remap0" "$(cat $sysfs/remap_pool_used)"
check_eq "CPU 1 back in Linux" "1" "$(cat /sys/devices/system/cpu/cpu1/online)"
check_eq "CPU 2 back in Linux" "1" "$(cat /sys/devices/system/cpu/cpu2/online)"
check_eq "root cell has all CPUs" "0-2" "$(cat $sysfs/cells/0/cpus_assigned_list)"
expect_ok jailhouse disable || dump_dmesg
