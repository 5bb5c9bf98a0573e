#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# `make demo ARCH=arm`: build everything for ARMv7, boot Debian's
# armmp-lpae kernel on the emulated Banana Pi BPI-M2 Ultra (QEMU bpim2u)
# and run the seeds' FreeRTOS session (ci/demo/freertos-session.sh, which
# calls the shipped tools/demo/freertos-demo.sh). UART0 carries Linux and
# the hypervisor and takes the keyboard; UART7, the cell's own, is shown
# from a file. Ctrl-a x quits. Without FREERTOS_KERNEL (a FreeRTOS-Kernel
# checkout, Documentation/freertos.md) the cell is gic-demo, and this says
# so.
#
# --batch (make check-demo-arm): no terminal; the guest runs the whole
# sequence and powers off, and the run passes when every step and the
# cell's own lines show up.
set -eu -o pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
batch=0
[ "${1:-}" = --batch ] && batch=1

"$top/ci/deps.sh" >/dev/null
"$top/ci/kernel.sh" armhf >/dev/null
. "$top/build/kernel/armhf/paths.env"
if [ -n "${FREERTOS_KERNEL:-}" ]; then
	echo "demo: FreeRTOS from $FREERTOS_KERNEL"
	cell=freertos-demo
else
	echo "demo: FREERTOS_KERNEL is not set, so no FreeRTOS image: the cell is gic-demo (Documentation/freertos.md says how to get a kernel)"
	cell=gic-demo
fi
echo "demo: building (log: build/logs/build-arm.log)"
stage=$("$top/ci/build-tree.sh" arm | tail -n 1)
initrd=$("$top/ci/initramfs.sh" -o "$top/build/initrd-demo-arm.gz" arm \
	"$stage" "$top/ci/demo/freertos-session.sh" | tail -n 1)

log=$top/build/logs/demo-arm.log
if [ "$batch" = 0 ]; then
	dtb=$(dirname "$VMLINUZ")/../usr/lib/linux-image-$KREL/sun8i-r40-bananapi-m2-ultra.dtb
	uart7=$log.uart7
	mkdir -p "$(dirname "$uart7")"
	: >"$uart7"
	tail -n +1 -f "$uart7" | sed -u 's/^/[UART7] /' &
	tailpid=$!
	trap 'kill "$tailpid" 2>/dev/null || true' EXIT
	echo "demo: booting the emulated Banana Pi; quit with Ctrl-a x"
	qemu-system-arm -machine bpim2u -dtb "$dtb" -m 1G -smp 4 \
		-display none -no-reboot -kernel "$VMLINUZ" -initrd "$initrd" \
		-append "console=ttyS0,115200 panic=-1 loglevel=4 mem=768M" \
		-serial mon:stdio -serial null -serial null -serial null \
		-serial null -serial null -serial null -serial "file:$uart7"
	exit 0
fi

# Batch runs go through the test runner, which retries a kernel that hangs
# before /init; demo_boot boots once more after an early QEMU abort.
# shellcheck source=ci/demo-lib.sh
. "$top/ci/demo-lib.sh"
ARM_BOARD=bpim2u QEMU_APPEND="loglevel=4 stockade.demo=batch" \
	QEMU_TIMEOUT=${QEMU_TIMEOUT:-420} \
	demo_boot arm "$initrd" "$log"

# The cell's UART7 has a file of its own, or shares the console's log.
cell_log=$log.uart7
[ -s "$cell_log" ] || cell_log=$log

passed=0
failed=0
# expect WHAT PATTERN FILE [N]: at least N (default 1) lines match.
expect() {
	local n
	n=$(grep -c -- "$2" "$3" 2>/dev/null || true)
	if [ "${n:-0}" -ge "${4:-1}" ]; then
		echo "PASS: demo-arm: $1"
		passed=$((passed + 1))
	else
		echo "FAIL: demo-arm: $1: ${n:-0} lines with '$2' in $(basename "$3"), want ${4:-1}"
		failed=$((failed + 1))
	fi
}
expect "module loaded" "freertos-demo: load the module: insmod" "$log"
expect "hypervisor activated" "Activating hypervisor" "$log"
expect "cell created" "Created cell \"$cell\"" "$log"
expect "image loaded" "freertos-demo: load the image: jailhouse cell load $cell" "$log"
expect "cell started" "Started cell \"$cell\"" "$log"
expect "cell listed as running" "$cell.*running" "$log"
if [ "$cell" = freertos-demo ]; then
	expect "FreeRTOS up on UART7" "^FreeRTOS V1[0-9.]* on Stockade, GICv2" "$cell_log"
	expect "all 8 tasks created" "^FreeRTOS demo: 8 tasks created" "$cell_log"
	expect "queue reports on UART7" "^Queue: produced" "$cell_log" 3
	expect "jitter reports on UART7" "^Jitter (1 kHz task, 1000 releases)" "$cell_log" 3
	expect "tasks stopped cleanly on shutdown" "tasks stopped cleanly" "$cell_log"
else
	expect "gic-demo timer lines on UART7" "Timer fired, jitter" "$cell_log" 5
fi
expect "shutdown approved" "freertos-demo: destroy the cell" "$log"
# Each step is announced only after the one before it worked.
expect "cell destroyed" "freertos-demo: disable the hypervisor" "$log"
expect "hypervisor disabled" "freertos-demo: unload the module" "$log"
expect "module unloaded" "freertos-demo: done" "$log"
expect "session completed" "DEMO-FINISHED" "$log"
echo "demo-arm: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
