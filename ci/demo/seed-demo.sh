#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# stockade-timeout: 86400
#
# The seeds' session inside the demo VM: enable the hypervisor, run
# apic-demo in a cell of its own, then hand the console to the user while
# the cell keeps printing on COM2. With "stockade.demo=batch" on the
# kernel command line (make check) it watches for a few seconds, takes
# the cell down again and powers off instead.

run() {
	echo "root@stockade:~# $*"
	"$@" || echo "(failed with status $?)"
}

insmod "$(find /lib/modules -name jailhouse.ko | head -n 1)"

run jailhouse enable /etc/jailhouse/qemu-x86.cell
run jailhouse cell create /etc/jailhouse/apic-demo.cell
run jailhouse cell load apic-demo /usr/libexec/jailhouse/demos/apic-demo.bin
run jailhouse cell start apic-demo
run jailhouse cell list

if grep -q 'stockade.demo=batch' /proc/cmdline; then
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
