#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# A cell has a say in its own shutdown: tiny-demo with "deny-shutdown"
# denies the request, the CLI says so in one sentence and the cell keeps
# running (and can still be destroyed). With "lock" it reports
# running/locked: while it is, no other cell may be created or destroyed,
# and it cannot be destroyed itself; a shutdown request, which it
# approves, unlocks it. Nothing is left behind: the pool usage returns to
# its value before the first create.

. /scenarios/lib.sh

sysfs=/sys/devices/jailhouse
demos=/usr/libexec/jailhouse/demos

lsmod | grep -q '^jailhouse ' || insmod "$JAILHOUSE_KO"
expect_ok jailhouse enable "$X86_ROOT_CELL" || { dump_dmesg; exit 0; }
mem0=$(cat $sysfs/mem_pool_used)

# start_tiny OPTIONS: create, load and start tiny-demo with OPTIONS.
start_tiny() {
	expect_ok jailhouse cell create /etc/jailhouse/tiny-demo.cell || dump_dmesg
	expect_ok jailhouse cell load tiny-demo $demos/tiny-demo.bin \
		-s "con-type=jailhouse $1" -a 0x1000
	expect_ok jailhouse cell start tiny-demo
}

# Denied shutdown.
start_tiny deny-shutdown
console_has "tiny-demo is up" "PM timer: 10 ms delay took"
expect_fail_with "the cell denied the shutdown request and keeps running." \
	jailhouse cell shutdown tiny-demo
check_eq "CLI said it in one sentence" "1" "$(printf '%s\n' "$OUTPUT" | wc -l)"
console_has "the cell saw and denied the request" "Shutdown request 1 denied"
check_contains "hypervisor logged the denial" "$(jailhouse console)" \
	'Cell "tiny-demo" denied the shutdown request'
check_eq "tiny-demo still running" "running" "$(cell_state tiny-demo)"
expect_fail_with "keeps running" jailhouse cell load tiny-demo \
	$demos/tiny-demo.bin
console_has "load asked again and was denied" "Shutdown request 2 denied"
check_eq "tiny-demo still running after load" "running" "$(cell_state tiny-demo)"
expect_ok jailhouse cell destroy tiny-demo
check_eq "mem pool usage back after denial" "$mem0" "$(cat $sysfs/mem_pool_used)"

# Locked cell.
start_tiny lock
console_has "tiny-demo locked itself" "Cell locked"
check_eq "tiny-demo is running/locked" "running/locked" "$(cell_state tiny-demo)"
expect_fail_with "locked cell refused the new cell" \
	jailhouse cell create /etc/jailhouse/apic-demo.cell
check_contains "lock named on the console" "$(jailhouse console)" \
	'Cell "tiny-demo" is locked: no reconfiguration'
check_eq "no apic-demo cell" "" "$(cell_state apic-demo)"
expect_fail_with "running/locked" jailhouse cell destroy tiny-demo
check_contains "locked destroy on the console" "$(jailhouse console)" \
	'Cell "tiny-demo" is locked and cannot be destroyed'
check_eq "tiny-demo still locked" "running/locked" "$(cell_state tiny-demo)"
check_eq "CPU 2 still the cell's" "0" "$(cat /sys/devices/system/cpu/cpu2/online)"
# The root cell itself is unaffected.
check_eq "root Linux computes while locked" "ok" \
	"$(dd if=/dev/zero bs=64k count=20 2>/dev/null | md5sum >/dev/null && echo ok)"

# Unlock by shutdown; now apic-demo may come, and while it runs a locked
# tiny-demo forbids destroying it.
expect_ok jailhouse cell shutdown tiny-demo
console_has "tiny-demo unlocked" "Cell unlocked"
check_eq "tiny-demo shut down" "shut down" "$(cell_state tiny-demo)"
expect_ok jailhouse cell create /etc/jailhouse/apic-demo.cell
expect_ok jailhouse cell load tiny-demo $demos/tiny-demo.bin \
	-s "con-type=jailhouse lock" -a 0x1000
expect_ok jailhouse cell start tiny-demo
wait_cell_state tiny-demo "running/locked" 20
check_eq "tiny-demo locked again" "running/locked" "$(cell_state tiny-demo)"
expect_fail_with "another cell is running/locked" \
	jailhouse cell destroy apic-demo
check_eq "apic-demo survived" "shut down" "$(cell_state apic-demo)"
expect_ok jailhouse cell shutdown tiny-demo
expect_ok jailhouse cell destroy apic-demo
expect_ok jailhouse cell destroy tiny-demo
check_eq "mem pool usage back after lock" "$mem0" "$(cat $sysfs/mem_pool_used)"
check_eq "root cell has all CPUs" "0-3" "$(cat $sysfs/cells/0/cpus_assigned_list)"
expect_ok jailhouse disable || dump_dmesg
