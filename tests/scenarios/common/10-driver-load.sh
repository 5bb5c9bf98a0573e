#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# jailhouse.ko loads, creates /dev/jailhouse and /sys/devices/jailhouse,
# and starts out disabled: pool counters 0, no cells, no core image, and
# the console device at end of file.

. /scenarios/lib.sh

sysfs=/sys/devices/jailhouse

if [ -z "$JAILHOUSE_KO" ]; then
	fail "jailhouse.ko is installed" "not found under /lib/modules/$(uname -r)"
	exit 0
fi

dmesg -c >/dev/null
expect_ok insmod "$JAILHOUSE_KO" || { dump_dmesg; exit 0; }
check_contains "lsmod lists jailhouse" "$(lsmod)" "jailhouse"

if [ -c /dev/jailhouse ]; then
	pass "/dev/jailhouse is a character device"
else
	fail "/dev/jailhouse is a character device" "$(ls -l /dev/jailhouse 2>&1)"
fi
check_file "$sysfs exists" "$sysfs"
check_eq "enabled reads 0" "0" "$(cat $sysfs/enabled)"
for f in mem_pool_size mem_pool_used remap_pool_size remap_pool_used; do
	check_eq "$f reads 0 while disabled" "0" "$(cat $sysfs/$f)"
done
check_eq "console is empty while disabled" "" "$(cat $sysfs/console)"
check_file "cells/ exists" "$sysfs/cells"
check_eq "no cells while disabled" "" "$(ls $sysfs/cells)"
if [ -e "$sysfs/core" ]; then
	fail "no core image while disabled" "$sysfs/core exists"
else
	pass "no core image while disabled"
fi

# Reading the console of a disabled hypervisor is end of file at once,
# not a blocked reader.
rc=0
out=$(timeout 5 cat /dev/jailhouse 2>&1) || rc=$?
check_eq "reading /dev/jailhouse while disabled ends at once" "0:" "$rc:$out"

# Loading must be quiet apart from the unsigned-module taint note.
bad=$(dmesg | grep -E 'WARNING|BUG|Oops|Call Trace|\] jailhouse: ' | grep -v 'taint')
check_eq "no kernel warnings or driver errors on load" "" "$bad"
