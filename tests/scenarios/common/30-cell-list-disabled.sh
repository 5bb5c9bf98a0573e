#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Without a running hypervisor every cell request and disable fail, and the
# tool says why instead of printing an errno. The driver answers these with
# EINVAL (as Jailhouse does); the tool tells "not enabled" apart through
# sysfs.

. /scenarios/lib.sh

lsmod | grep -q '^jailhouse ' || insmod "$JAILHOUSE_KO"
if [ "$(cat /sys/devices/jailhouse/enabled 2>/dev/null)" != 0 ]; then
	fail "the hypervisor is disabled to begin with" \
		"enabled is '$(cat /sys/devices/jailhouse/enabled 2>&1)'"
	exit 0
fi

expect_fail_with "Jailhouse is not enabled" jailhouse cell list
expect_fail_with "Jailhouse is not enabled" jailhouse cell start tiny-demo
expect_fail_with "Jailhouse is not enabled" jailhouse cell shutdown tiny-demo
expect_fail_with "Jailhouse is not enabled" jailhouse cell destroy tiny-demo
expect_fail_with "Jailhouse is not enabled" jailhouse disable
# A cell config, whatever the architecture: one whose signature is JHCLL.
for f in /etc/jailhouse/*.cell; do
	if [ -f "$f" ] && [ "$(head -c 5 "$f")" = JHCLL ]; then
		expect_fail_with "Jailhouse is not enabled" \
			jailhouse cell create "$f"
		break
	fi
done
check_eq "still disabled" "0" "$(cat /sys/devices/jailhouse/enabled)"
check_eq "still no cells" "" "$(ls /sys/devices/jailhouse/cells)"
