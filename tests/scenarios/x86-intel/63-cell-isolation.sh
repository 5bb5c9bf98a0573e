#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Intel VT-x (Bochs): a cell that touches what it was not given is stopped
# and marked failed, with a console line naming the CPU, the address and
# the reason; the root keeps running, and the failed cell can be destroyed
# with the pool usage as before. First a few bytes of real-mode code at
# the cell's reset address (I/O bitmap, EPT violation, MSR bitmap), then
# the 64-bit attacker inmate next to a running apic-demo on CPU 2, which
# must keep taking its timer interrupts.
# stockade-timeout: 900

. /scenarios/lib.sh

sysfs=/sys/devices/jailhouse
demos=/usr/libexec/jailhouse/demos
tiny=/etc/jailhouse/bochs-tiny-demo.cell
tmp=/tmp/63-isolation
mkdir -p $tmp

lsmod | grep -q '^jailhouse ' || insmod "$JAILHOUSE_KO"
expect_ok jailhouse enable /etc/jailhouse/bochs-x86.cell || { dump_dmesg; exit 0; }
mem0=$(cat $sysfs/mem_pool_used)

root_computes() {
	dd if=/dev/zero bs=64k count=20 2>/dev/null | md5sum >/dev/null &&
		echo ok
}

# failed_cpu NAME: the failed CPU list of cell NAME.
failed_cpus() {
	for d in "$sysfs"/cells/*; do
		[ "$(cat "$d/name")" = "$1" ] && cat "$d/cpus_failed_list"
	done
}

# misbehave WHAT CODE CONSOLE: run real-mode CODE in tiny-demo's cell and
# expect it to fail with CONSOLE on the hypervisor console.
misbehave() {
	printf "$2" >$tmp/code.bin
	expect_ok jailhouse cell create $tiny || return
	expect_ok jailhouse cell load tiny-demo $tmp/code.bin
	expect_ok jailhouse cell start tiny-demo
	wait_cell_state tiny-demo "failed" 60
	check_eq "$1: cell failed" "failed" "$(cell_state tiny-demo)"
	check_eq "$1: failed CPU listed" "1" "$(failed_cpus tiny-demo)"
	check_contains "$1: reason on the console" "$(jailhouse console)" "$3"
	check_eq "$1: root Linux computes" "ok" "$(root_computes)"
	expect_ok jailhouse cell destroy tiny-demo
	check_eq "$1: mem pool usage back" "$mem0" "$(cat $sysfs/mem_pool_used)"
}

# mov dx, 0x3f8; out dx, al; hlt  (COM1 is not tiny-demo's)
misbehave "port" '\272\370\003\356\364' \
	'CPU 1 of cell "tiny-demo": forbidden port I/O: out to port 0x3f8'
# mov ax, 0xffff; mov ds, ax; mov [0x1010], al; hlt  (0x101000: no memory)
misbehave "memory" '\270\377\377\216\330\242\020\020\364' \
	'CPU 1 of cell "tiny-demo": access to unassigned guest-physical memory: write at 0x101000'
# mov ecx, 0x10; rdmsr; hlt  (the TSC MSR is not given to cells)
misbehave "MSR" '\146\271\020\000\000\000\017\062\364' \
	'CPU 1 of cell "tiny-demo": forbidden MSR read of 0x10'

expect_ok jailhouse cell create /etc/jailhouse/bochs-apic-demo.cell
expect_ok jailhouse cell load apic-demo $demos/apic-demo.bin \
	-s "con-type=jailhouse" -a 0x1000
expect_ok jailhouse cell start apic-demo
console_has "apic-demo runs beside" "Timer fired, jitter" 60
mem1=$(cat $sysfs/mem_pool_used)
apic=$(for d in "$sysfs"/cells/*; do
	[ "$(cat "$d/name")" = apic-demo ] && echo "$d"; done)/statistics/vmexits_msr_other

# probe WHAT ARGS CONSOLE TRIED: the attacker with ARGS in tiny-demo's
# cell must say it TRIED and end failed with CONSOLE on the console.
probe() {
	ticks0=$(cat "$apic")
	expect_ok jailhouse cell create $tiny || return
	expect_ok jailhouse cell load tiny-demo $demos/attacker.bin \
		-s "con-type=jailhouse $2" -a 0x1000
	expect_ok jailhouse cell start tiny-demo
	wait_cell_state tiny-demo "failed" 60
	check_eq "$1: cell failed" "failed" "$(cell_state tiny-demo)"
	check_eq "$1: failed CPU listed" "1" "$(failed_cpus tiny-demo)"
	c=$(jailhouse console)
	check_contains "$1: the probe tried" "$c" "Attacker: $4"
	check_contains "$1: reason on the console" "$c" "$3"
	case "$c" in
	*"went through"*) fail "$1: stopped before it went through" \
		"$(echo "$c" | grep 'went through' | head -n 1)" ;;
	*) pass "$1: stopped before it went through" ;;
	esac
	check_eq "$1: apic-demo still running" "running" "$(cell_state apic-demo)"
	ticks1=$(cat "$apic")
	if [ $((ticks1 - ticks0)) -ge 5 ]; then
		pass "$1: apic-demo kept taking timer interrupts ($((ticks1 - ticks0)))"
	else
		fail "$1: apic-demo kept taking timer interrupts" "$ticks0 -> $ticks1"
	fi
	check_eq "$1: root Linux computes" "ok" "$(root_computes)"
	expect_ok jailhouse cell destroy tiny-demo
	check_eq "$1: mem pool usage back" "$mem1" "$(cat $sysfs/mem_pool_used)"
}

# 0x2000000 is the root's RAM; the cell has 1 MiB from 0x3a700000 at 0.
probe "root RAM read" "attack=read addr=0x2000000" \
	'CPU 1 of cell "tiny-demo": access to unassigned guest-physical memory: read at 0x2000000' \
	"reading 0x2000000"
probe "RTC port" "attack=outb port=0x70" \
	'CPU 1 of cell "tiny-demo": forbidden port I/O: out to port 0x70' \
	"writing port 0x70"
probe "TSC MSR write" "attack=wrmsr msr=0x10" \
	'CPU 1 of cell "tiny-demo": forbidden MSR write to 0x10' \
	"writing MSR 0x10"
# A guest must not switch VMX on: IA32_FEATURE_CONTROL reads as locked by
# the firmware, and the write takes the #GP hardware would give (the
# probe's library reports exceptions and halts); the cell stays.
expect_ok jailhouse cell create $tiny
expect_ok jailhouse cell load tiny-demo $demos/attacker.bin \
	-s "con-type=jailhouse attack=wrmsr msr=0x3a value=0x5" -a 0x1000
expect_ok jailhouse cell start tiny-demo
console_has "feature control write: the probe took a #GP" \
	"FATAL: CPU 1: exception 13" 60
case "$(jailhouse console)" in
*"went through"*)
	fail "feature control write refused" "the probe's write went through" ;;
*) pass "feature control write refused" ;;
esac
check_eq "feature control write: cell not failed" "" "$(failed_cpus tiny-demo)"
expect_ok timeout 60 jailhouse cell destroy tiny-demo

expect_ok jailhouse cell destroy apic-demo
check_eq "mem pool usage back at the end" "$mem0" "$(cat $sysfs/mem_pool_used)"
expect_ok jailhouse disable || dump_dmesg
