#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# The disabled driver unloads cleanly, takes its device and sysfs tree
# along, and survives another load/unload round.

. /scenarios/lib.sh

lsmod | grep -q '^jailhouse ' || insmod "$JAILHOUSE_KO"
dmesg -c >/dev/null

expect_ok rmmod jailhouse
if lsmod | grep -q '^jailhouse '; then
	fail "lsmod no longer lists jailhouse" "$(lsmod | grep '^jailhouse ')"
else
	pass "lsmod no longer lists jailhouse"
fi
for p in /dev/jailhouse /sys/devices/jailhouse; do
	if [ -e "$p" ]; then
		fail "$p is gone" "it still exists"
	else
		pass "$p is gone"
	fi
done
expect_fail_with "driver is not loaded" jailhouse cell list

expect_ok insmod "$JAILHOUSE_KO"
check_eq "reloaded driver starts disabled" "0" \
	"$(cat /sys/devices/jailhouse/enabled 2>&1)"
expect_ok rmmod jailhouse

bad=$(dmesg | grep -E 'WARNING|BUG|Oops|Call Trace|\] jailhouse: ' | grep -v 'taint')
check_eq "no kernel warnings or driver errors on unload" "" "$bad"
