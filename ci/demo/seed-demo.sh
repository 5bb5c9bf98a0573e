#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# stockade-timeout: 86400
#
# The seeds' session inside the demo VM: enable the hypervisor, run
# apic-demo in a cell of its own, then hand the console to the user while
# the cell keeps printing on COM2. With "stockade.demo=batch" on the
# kernel command line (make check) it watches for a few seconds, takes
# the cell down again and powers off instead.

batch=0
grep -q 'stockade.demo=batch' /proc/cmdline && batch=1

# stall_report STEP: what every task and CPU is doing, printed once a
# batch step has taken far longer than it ever should (a rare hang after
# enable has been seen once in fifteen runs; this is how it gets caught).
stall_report() {
	sleep 90
	echo "DEMO-STALL: '$1' still running after 90 s"
	dmesg -n 8
	echo w >/proc/sysrq-trigger
	echo l >/proc/sysrq-trigger
}

run() {
	local watch=

	echo "root@stockade:~# $*"
	if [ "$batch" = 1 ]; then
		stall_report "$*" &
		watch=$!
	fi
	"$@" || echo "(failed with status $?)"
	[ -z "$watch" ] || kill "$watch" 2>/dev/null
}

insmod "$(find /lib/modules -name jailhouse.ko | head -n 1)"

run jailhouse enable /etc/jailhouse/qemu-x86.cell
run jailhouse cell create /etc/jailhouse/apic-demo.cell
run jailhouse cell load apic-demo /usr/libexec/jailhouse/demos/apic-demo.bin
run jailhouse cell start apic-demo
run jailhouse cell list

if [ "$batch" = 1 ]; then
	sleep 8
	run jailhouse cell stats apic-demo --once
	run jailhouse cell shutdown apic-demo
	run jailhouse cell destroy apic-demo
	run jailhouse disable
	echo "DEMO-FINISHED"
	exit 0
fi

cat <<'MSG'

apic-demo is running in its own cell on CPU 3 and prints on COM2 (the
"Timer fired" lines); Linux keeps CPUs 0-2. Try `jailhouse cell list`,
`jailhouse cell stats apic-demo`, `jailhouse cell destroy apic-demo`,
`jailhouse disable`. Quit QEMU with Ctrl-a x.

MSG
exec setsid cttyhack sh -i </dev/console >/dev/console 2>&1
