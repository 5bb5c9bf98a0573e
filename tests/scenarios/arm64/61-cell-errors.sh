#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# arm64 cell requests that must fail with one clear sentence and change
# nothing: memory over the GIC distributor, a CPU or memory another cell
# has, a duplicate name, unknown
# names, images outside the loadable memory, starting a running cell,
# disabling with cells, destroying twice. The pool usage and the cell
# list are the same afterwards.

. /scenarios/lib.sh

sysfs=/sys/devices/jailhouse
demos=/usr/libexec/jailhouse/demos
tmp=/tmp/61-cells
mkdir -p $tmp

lsmod | grep -q '^jailhouse ' || insmod "$JAILHOUSE_KO"
expect_ok jailhouse enable "$ARM64_ROOT_CELL" || { dump_dmesg; exit 0; }
mem0=$(cat $sysfs/mem_pool_used)

# patched NAME OFFSET BYTES: a copy of gic-demo.cell with bytes replaced.
patched() {
	cp /etc/jailhouse/gic-demo.cell "$tmp/$1.cell"
	printf "$3" | dd of="$tmp/$1.cell" bs=1 seek="$2" conv=notrunc 2>/dev/null
}

# The descriptor is 132 bytes: name @8, CPU set @132, memory regions follow.
# Memory over the GIC distributor in the cell's guest-physical space
# (region 0's virt_start @148 becomes 0x08000000): refused.
patched gicd 148 '\000\000\000\010'
expect_fail_with "config was rejected" jailhouse cell create $tmp/gicd.cell
check_contains "GIC refusal on the console" "$(jailhouse console)" \
	'covers the GIC distributor'
patched othername 8 'other\000'
expect_ok jailhouse cell create /etc/jailhouse/gic-demo.cell || dump_dmesg
list=$(jailhouse cell list)
expect_fail_with "already exists" jailhouse cell create /etc/jailhouse/gic-demo.cell
# Same CPU and memory under another name.
expect_fail_with "not available in the root cell" jailhouse cell create $tmp/othername.cell
# Another name and CPU 2, but gic-demo's memory.
patched overlap 8 'overlap\000'
printf '\004' | dd of=$tmp/overlap.cell bs=1 seek=132 conv=notrunc 2>/dev/null
expect_fail_with "not available in the root cell" jailhouse cell create $tmp/overlap.cell
check_contains "overlap named on the console" "$(jailhouse console)" \
	'overlaps cell "gic-demo"'
check_eq "cell list unchanged" "$list" "$(jailhouse cell list)"
check_eq "CPU 2 still in Linux" "1" "$(cat /sys/devices/system/cpu/cpu2/online)"

expect_fail_with 'no cell "nosuch" exists' jailhouse cell start nosuch
expect_fail_with 'no cell "nosuch" exists' jailhouse cell destroy nosuch
expect_fail_with "does not fit into a loadable memory region" \
	jailhouse cell load gic-demo $demos/gic-demo.bin -a 0x100000
expect_ok jailhouse cell load gic-demo $demos/gic-demo.bin \
	-s "con-type=jailhouse" -a 0x1000
expect_ok jailhouse cell start gic-demo
expect_fail_with "already running" jailhouse cell start gic-demo
check_contains "start refusal on the console" "$(jailhouse console)" \
	'Cell "gic-demo" is already running'
expect_fail_with "destroy them first" jailhouse disable
expect_ok jailhouse cell destroy gic-demo
expect_fail_with 'no cell "gic-demo" exists' jailhouse cell destroy gic-demo
check_eq "mem pool usage back" "$mem0" "$(cat $sysfs/mem_pool_used)"
check_eq "CPU 3 back in Linux" "1" "$(cat /sys/devices/system/cpu/cpu3/online)"
expect_ok jailhouse disable || dump_dmesg
