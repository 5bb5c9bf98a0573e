#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Cell memory the root cell never had is accepted, as Jailhouse does: the
# root config is patched to leave the top 2 MiB of RAM (0x7fe00000 on,
# which Linux with mem=768M does not use) out of its regions, and
# gic-demo's UART region is patched into 64 KiB of RAM there (the demo
# prints through con-type=jailhouse and never needs the UART). That cell
# is created, loaded, runs its timer and is destroyed while the root
# Linux keeps working; everything goes back as before. The same foreign
# region moved over the hypervisor's memory is still refused, with one
# console line naming the region and the reason.
# stockade-timeout: 300

. /scenarios/lib.sh

sysfs=/sys/devices/jailhouse
demos=/usr/libexec/jailhouse/demos
cpu3=/sys/devices/system/cpu/cpu3

# Root region 8 (RAM for cells, 0x70600000) has its size at byte 752:
# 0xf800000 instead of 0xfa00000 ends it at 0x7fe00000.
root=$(patched "$ARM64_ROOT_CELL" foreign-root 768 '\000\000\200\017')
# gic-demo's region 0 (the shared UART) starts at byte 140: phys, virt,
# size and flags, eight bytes each.
foreign=$(patched /etc/jailhouse/gic-demo.cell foreign-cell 140 \
	'\000\000\360\177\000\000\000\000\000\000\020\000\000\000\000\000\000\000\001\000\000\000\000\000\003\000\000\000\000\000\000\000')
over_hv=$(patched /etc/jailhouse/gic-demo.cell over-hv 140 \
	'\000\000\137\160\000\000\000\000\000\000\020\000\000\000\000\000\000\000\002\000\000\000\000\000\003\000\000\000\000\000\000\000')

lsmod | grep -q '^jailhouse ' || insmod "$JAILHOUSE_KO"
expect_ok jailhouse enable "$root" || { dump_dmesg; exit 0; }
mem0=$(cat $sysfs/mem_pool_used)
remap0=$(cat $sysfs/remap_pool_used)

expect_fail_with "config was rejected" jailhouse cell create "$over_hv"
console_has "memory over the hypervisor refused, naming the region" \
	'Cell "gic-demo": memory region 0 (0x705f0000, size 0x20000) overlaps the hypervisor' 5
check_eq "refused create leaves CPU 3 in Linux" "1" "$(cat $cpu3/online)"

expect_ok jailhouse cell create "$foreign" || dump_dmesg
console_has "cell with memory the root never had created" \
	'Created cell "gic-demo"' 5
check_eq "CPU 3 left Linux" "0" "$(cat $cpu3/online)"
expect_ok jailhouse cell load gic-demo $demos/gic-demo.bin \
	-s "con-type=jailhouse" -a 0x1000
expect_ok jailhouse cell start gic-demo
console_has "gic-demo timer fires" "Timer fired, jitter"
check_eq "gic-demo is running" "running" "$(cell_state gic-demo)"
check_eq "root Linux computes while the cell runs" "ok" \
	"$(dd if=/dev/zero bs=64k count=50 2>/dev/null | md5sum >/dev/null && echo ok)"

expect_ok jailhouse cell destroy gic-demo
console_has "destroy reported" 'Closing cell "gic-demo"' 5
check_eq "mem pool usage back to its value before create" "$mem0" \
	"$(cat $sysfs/mem_pool_used)"
check_eq "remap pool usage back" "$remap0" "$(cat $sysfs/remap_pool_used)"
check_eq "CPU 3 back in Linux" "1" "$(cat $cpu3/online)"
check_eq "root Linux computes after destroy" "ok" \
	"$(dd if=/dev/zero bs=64k count=50 2>/dev/null | md5sum >/dev/null && echo ok)"
expect_ok jailhouse disable || dump_dmesg
