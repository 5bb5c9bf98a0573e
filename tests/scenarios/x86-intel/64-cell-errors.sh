#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Intel VT-x (Bochs): cell requests that must fail with one clear
# sentence and change nothing: CPU 0, memory over the xAPIC, a port the
# root has not, a CPU or memory another cell has, a duplicate name,
# unknown names, images outside the loadable memory, starting a running
# cell, destroying twice. The pool usage and the cell list are the same
# afterwards.
# stockade-timeout: 600

. /scenarios/lib.sh

sysfs=/sys/devices/jailhouse
demos=/usr/libexec/jailhouse/demos
tmp=/tmp/64-cells
mkdir -p $tmp

lsmod | grep -q '^jailhouse ' || insmod "$JAILHOUSE_KO"
expect_ok jailhouse enable /etc/jailhouse/bochs-x86.cell || { dump_dmesg; exit 0; }
mem0=$(cat $sysfs/mem_pool_used)

# patched NAME OFFSET HEXBYTES: bochs-tiny-demo.cell with bytes replaced.
patched() {
	cp /etc/jailhouse/bochs-tiny-demo.cell "$tmp/$1.cell"
	printf "$3" | dd of="$tmp/$1.cell" bs=1 seek="$2" conv=notrunc 2>/dev/null
}

# The descriptor is 132 bytes: name @8, CPU set @132, memory regions follow.
patched cpu0 132 '\001'
expect_fail_with "CPU 0" jailhouse cell create $tmp/cpu0.cell
# Isolation refusals: RAM over the xAPIC page in the cell's guest-physical
# space (region 0's virt_start @148), a port the root cell has not got
# (PIO range 0's base @204: 0xcf8, PCI config, which the root never has).
patched xapic 148 '\000\000\340\376'
expect_fail_with "config was rejected" jailhouse cell create $tmp/xapic.cell
check_contains "xAPIC refusal on the console" "$(jailhouse console)" \
	'memory region 0 (0x3a700000, size 0x100000) covers the xAPIC'
patched ports 204 '\370\014'
expect_fail_with "config was rejected" jailhouse cell create $tmp/ports.cell
check_contains "port refusal on the console" "$(jailhouse console)" \
	"I/O port 0xcf8 is not the root cell's"
patched othername 8 'other\000'
expect_ok jailhouse cell create /etc/jailhouse/bochs-tiny-demo.cell || dump_dmesg
list=$(jailhouse cell list)
expect_fail_with "already exists" jailhouse cell create /etc/jailhouse/bochs-tiny-demo.cell
# Same CPU and memory under another name.
expect_fail_with "not available in the root cell" jailhouse cell create $tmp/othername.cell
# Another name and CPU 2, but tiny-demo's memory.
patched overlap 8 'overlap\000'
printf '\004' | dd of=$tmp/overlap.cell bs=1 seek=132 conv=notrunc 2>/dev/null
expect_fail_with "not available in the root cell" jailhouse cell create $tmp/overlap.cell
check_contains "overlap named on the console" "$(jailhouse console)" \
	'overlaps cell "tiny-demo"'
check_eq "cell list unchanged" "$list" "$(jailhouse cell list)"

expect_fail_with 'no cell "nosuch" exists' jailhouse cell start nosuch
expect_fail_with 'no cell "nosuch" exists' jailhouse cell destroy nosuch
expect_fail_with "does not fit into a loadable memory region" \
	jailhouse cell load tiny-demo $demos/tiny-demo.bin -a 0x100000
expect_ok jailhouse cell load tiny-demo $demos/tiny-demo.bin \
	-s "con-type=jailhouse" -a 0x1000
expect_ok jailhouse cell start tiny-demo
expect_fail_with "already running" jailhouse cell start tiny-demo
check_contains "start refusal on the console" "$(jailhouse console)" \
	'Cell "tiny-demo" is already running'
expect_fail_with "destroy them first" jailhouse disable
expect_ok jailhouse cell destroy tiny-demo
expect_fail_with 'no cell "tiny-demo" exists' jailhouse cell destroy tiny-demo
check_eq "mem pool usage back" "$mem0" "$(cat $sysfs/mem_pool_used)"
expect_ok jailhouse disable || dump_dmesg

