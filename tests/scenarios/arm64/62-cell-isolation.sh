#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Two arm64 cells at once, and isolation: gic-demo (CPU 3) and uart-demo
# (CPU 2) run next to the root Linux; then code of this test in the
# uart-demo cell reads memory the cell does not own, touches the
# distributor registers of an interrupt it does not own, or a GIC register
# in a width the GIC may not take. Each time that cell ends failed with a
# console line naming CPU, cell and address,
# while gic-demo keeps taking timer interrupts and Linux keeps working;
# the failed cell can be destroyed and everything comes back. On GICv3
# the cell also tries to block the hypervisor's kicks through its own
# redistributor.
# stockade-timeout: 300

. /scenarios/lib.sh

sysfs=/sys/devices/jailhouse
demos=/usr/libexec/jailhouse/demos
tmp=/tmp/isolation
mkdir -p $tmp

lsmod | grep -q '^jailhouse ' || insmod "$JAILHOUSE_KO"
expect_ok jailhouse enable "$ARM64_ROOT_CELL" || { dump_dmesg; exit 0; }
mem0=$(cat $sysfs/mem_pool_used)

expect_ok jailhouse cell create /etc/jailhouse/gic-demo.cell
expect_ok jailhouse cell load gic-demo $demos/gic-demo.bin \
	-s "con-type=jailhouse" -a 0x1000
expect_ok jailhouse cell start gic-demo
console_has "gic-demo timer fires" "Timer fired, jitter"

expect_ok jailhouse cell create /etc/jailhouse/uart-demo.cell
check_eq "root cell kept CPUs 0-1" "0-1" \
	"$(cat $sysfs/cells/0/cpus_assigned_list)"
expect_ok jailhouse cell load uart-demo $demos/uart-demo.bin \
	-s "con-type=jailhouse" -a 0x1000
expect_ok jailhouse cell start uart-demo
console_has "uart-demo prints next to gic-demo" "Hello 3 from cell"
check_eq "both cells run" "running running" \
	"$(echo $(cell_state gic-demo) $(cell_state uart-demo))"

# movz x0, #0x7000, lsl #16; ldr x1, [x0]; b .  (hypervisor memory)
misbehave "read of foreign memory" \
	'\000\000\256\322\001\000\100\371\000\000\000\024' \
	'CPU 2, cell "uart-demo": refused MMIO read at 0x70000000'
# movz x0, #0x0800, lsl #16; movk x0, #0x104; movz w1, #1; str w1, [x0]
# (GICD_ISENABLER1: SPIs 32..63 belong to the root cell); b .
misbehave "enable of a foreign SPI" \
	'\000\000\241\322\200\040\200\362\041\000\200\122\001\000\000\271\000\000\000\024' \
	'CPU 2, cell "uart-demo": refused MMIO write at 0x8000104'
# movz x0, #0x0800, lsl #16; ldr x1, [x0]; b .
# (a 64-bit read of the 32-bit GICD_CTLR: a GIC may answer such a width
# with an external abort, which the hypervisor must never take itself)
misbehave "64-bit access to a 32-bit GIC register" \
	'\000\000\241\322\001\000\100\371\000\000\000\024' \
	'CPU 2, cell "uart-demo": refused MMIO read at 0x8000000, 8 bytes (by its handler)'

# GICv3: the cell marks every private interrupt of its own CPU active in
# its redistributor, the hypervisor's management SGI 15 included, then
# fails on foreign memory: movz x0, #0x080f, lsl #16; movk x0, #0x300
# (GICR_ISACTIVER0 of CPU 2); movn w1, #0; str w1, [x0];
# movz x0, #0x7000, lsl #16; ldr x1, [x0]; b .  The write must be taken
# less the hypervisor's interrupts: the next load kicks the parked CPU,
# and an active SGI 15 would never be signalled (the load would hang).
if [ "$ARM64_GIC" = GICv3 ]; then
	printf '\340\001\241\322\000\140\200\362\001\000\200\022\001\000\000\271\000\000\256\322\001\000\100\371\000\000\000\024' \
		> $tmp/code.bin
	expect_ok jailhouse cell load uart-demo $tmp/code.bin
	expect_ok jailhouse cell start uart-demo
	wait_cell_state uart-demo failed 10
	check_eq "own redistributor written, then failed" "failed" \
		"$(cell_state uart-demo)"
	expect_ok jailhouse cell load uart-demo $tmp/code.bin
	# The newest line about the cell, not a count: gic-demo's lines
	# push older ones out of the console ring.
	check_eq "the parked CPU took the kick" 'Cell "uart-demo" can be loaded' \
		"$(jailhouse console | tr -d '\r' |
			grep -o 'Cell "uart-demo" [a-z ;0-9A-Z]*' | tail -n 1)"
fi

expect_ok jailhouse cell destroy uart-demo
expect_ok jailhouse cell shutdown gic-demo
expect_ok jailhouse cell destroy gic-demo
check_eq "mem pool usage back" "$mem0" "$(cat $sysfs/mem_pool_used)"
check_eq "CPUs back in Linux" "1 1" \
	"$(echo $(cat /sys/devices/system/cpu/cpu2/online /sys/devices/system/cpu/cpu3/online))"
check_eq "root cell has all CPUs" "0-3" "$(cat $sysfs/cells/0/cpus_assigned_list)"
expect_ok jailhouse disable || dump_dmesg
