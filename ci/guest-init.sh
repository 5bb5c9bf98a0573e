#!/bin/busybox sh
# shellcheck shell=dash
# SPDX-License-Identifier: GPL-2.0
#
# /init of the test initramfs (packed by ci/initramfs.sh). Runs the
# scenarios listed in /scenarios/list in order and powers the machine off.
# The host judges the run only by what appears on the serial console, so
# every scenario is framed by STOCKADE-BEGIN/STOCKADE-END markers.

/bin/busybox mkdir -p /proc /sys /dev /tmp /run /sbin /usr/bin /usr/sbin
/bin/busybox --install -s
export PATH=/usr/sbin:/usr/bin:/sbin:/bin
export HOME=/root

mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev
mount -t tmpfs tmpfs /tmp
mount -t debugfs debugfs /sys/kernel/debug 2>/dev/null

# Keep informational kernel chatter from splitting our lines on the shared
# console; warnings and oopses still come through. A loglevel= on the
# command line (QEMU_APPEND) wins, for debugging.
grep -q 'loglevel=' /proc/cmdline || echo 5 >/proc/sys/kernel/printk

echo "STOCKADE-BOOTED: $(uname -r) $(uname -m)"

# Each scenario runs in its own shell process under a guest-side time limit,
# so an `exit`, a crash or a hang in one of them cannot stop the next. The
# limit can be raised by a "# stockade-timeout: SECONDS" line in the script.
while read -r name; do
	[ -n "$name" ] || continue
	script=/scenarios/$name
	limit=$(sed -n 's/^# stockade-timeout: *\([0-9][0-9]*\).*/\1/p' "$script" | head -n 1)
	echo "STOCKADE-BEGIN: $name"
	(cd /tmp && exec timeout -s KILL "${limit:-300}" sh "$script" </dev/null 2>&1)
	echo "STOCKADE-END: $name rc=$?"
done </scenarios/list

echo "STOCKADE-DONE"
# Without the pause the last lines still in the UART buffer are lost.
sync
sleep 1
poweroff -f
