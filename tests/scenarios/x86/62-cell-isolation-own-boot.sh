#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# A cell that touches what it was not given is stopped and marked failed,
# with a console line naming the CPU, the address and the reason; the
# root cell keeps running, and the failed cell can be destroyed, leaving
# the pool usage as before. The misbehaving inmates are a few bytes of
# 16-bit code loaded at the cell's reset address.

. /scenarios/lib.sh

sysfs=/sys/devices/jailhouse
tmp=/tmp/62-isolation
mkdir -p $tmp

lsmod | grep -q '^jailhouse ' || insmod "$JAILHOUSE_KO"
expect_ok jailhouse enable /etc/jailhouse/qemu-x86.cell || { dump_dmesg; exit 0; }
mem0=$(cat $sysfs/mem_pool_used)

state() {
	jailhouse cell list | awk -v n="$1" '$2 == n { print $3 }'
}

# misbehave WHAT CODE CONSOLE: run CODE in tiny-demo's cell and expect it
# to fail with CONSOLE on the hypervisor console.
misbehave() {
	printf "$2" >$tmp/code.bin
	expect_ok jailhouse cell create /etc/jailhouse/tiny-demo.cell || return
	expect_ok jailhouse cell load tiny-demo $tmp/code.bin
	expect_ok jailhouse cell start tiny-demo
	t=10
	while [ "$t" -gt 0 ] && [ "$(state tiny-demo)" != "failed" ]; do
		sleep 1
		t=$((t - 1))
	done
	check_eq "$1: cell failed" "failed" "$(state tiny-demo)"
	check_eq "$1: failed CPU listed" "2" \
		"$(cat $sysfs/cells/1/cpus_failed_list 2>/dev/null)"
	check_contains "$1: reason on the console" "$(jailhouse console)" "$3"
	check_eq "$1: root Linux computes" "ok" \
		"$(dd if=/dev/zero bs=64k count=20 2>/dev/null | md5sum >/dev/null && echo ok)"
	expect_ok jailhouse cell destroy tiny-demo
	check_eq "$1: mem pool usage back" "$mem0" "$(cat $sysfs/mem_pool_used)"
}

# mov dx, 0x3f8; out dx, al; hlt  (COM1 is not tiny-demo's)
misbehave "port" '\272\370\003\356\364' \
	'CPU 2 of cell "tiny-demo": forbidden port I/O: out to port 0x3f8'
# mov ax, 0xffff; mov ds, ax; mov [0x1010], al; hlt  (0x101000: no memory)
misbehave "memory" '\270\377\377\216\330\242\020\020\364' \
	'CPU 2 of cell "tiny-demo": access to unassigned guest-physical memory: write at 0x101000'
# mov ecx, 0x10; rdmsr; hlt  (the TSC MSR is not given to cells)
misbehave "MSR" '\146\271\020\000\000\000\017\062\364' \
	'CPU 2 of cell "tiny-demo": forbidden MSR read of 0x10'

expect_ok jailhouse disable || dump_dmesg
