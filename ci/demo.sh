#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# `make demo`: build everything for x86, boot Debian's kernel in QEMU (AMD
# SVM + NPT CPU model) and run the seeds' session (ci/demo/seed-demo.sh);
# with ARCH=arm, ci/demo-arm.sh (the FreeRTOS cell on the Banana Pi).
# Both serial ports show in the terminal: COM1 carries Linux and the
# hypervisor and takes the keyboard, COM2 the apic-demo cell. Ctrl-a x
# quits.
#
# --batch: no terminal; the guest stops by itself and the run passes when
# apic-demo's timer lines and the whole command sequence show up.
set -eu -o pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
# ARCH=arm: the emulated Banana Pi with the FreeRTOS cell.
case "${ARCH:-}" in
arm|armv7*) exec "$top/ci/demo-arm.sh" "$@" ;;
esac
batch=0
[ "${1:-}" = --batch ] && batch=1

"$top/ci/deps.sh" >/dev/null
"$top/ci/kernel.sh" amd64 >/dev/null
. "$top/build/kernel/amd64/paths.env"
echo "demo: building (log: build/logs/build-x86.log)"
stage=$("$top/ci/build-tree.sh" x86 | tail -n 1)
initrd=$("$top/ci/initramfs.sh" -o "$top/build/initrd-demo.gz" x86 "$stage" \
	"$top/ci/demo/seed-demo.sh" | tail -n 1)

# The '$' belongs to memmap's syntax and must reach the kernel literally.
append='console=ttyS0 panic=-1 loglevel=4 memmap=82M$0x3a000000'
qemu=(qemu-system-x86_64 -machine q35 -accel tcg -cpu qemu64,+svm,+npt
      -smp 4 -m 1G -display none -no-reboot -kernel "$VMLINUZ"
      -initrd "$initrd")

if [ "$batch" = 0 ]; then
	# The terminal types into COM1 (the root's shell); COM2 is only
	# shown, from a file, so keystrokes can never land in the cell's port.
	com2=$top/build/logs/demo-com2.log
	mkdir -p "$(dirname "$com2")"
	: >"$com2"
	tail -n +1 -f "$com2" &
	tailpid=$!
	trap 'kill "$tailpid" 2>/dev/null || true' EXIT
	echo "demo: booting; quit with Ctrl-a x"
	"${qemu[@]}" -append "$append" -serial mon:stdio \
		-serial "file:$com2"
	exit 0
fi

# Batch runs go through the test runner, which retries a kernel that hangs
# before /init; demo_boot boots once more after an early QEMU abort.
# shellcheck source=ci/demo-lib.sh
. "$top/ci/demo-lib.sh"
log=$top/build/logs/demo.log
QEMU_APPEND="loglevel=4 stockade.demo=batch" QEMU_TIMEOUT=300 \
	demo_boot x86 "$initrd" "$log"

passed=0
failed=0
expect() {
	if grep -q -- "$2" "$3"; then
		echo "PASS: demo: $1"
		passed=$((passed + 1))
	else
		echo "FAIL: demo: $1: '$2' not in $(basename "$3")"
		failed=$((failed + 1))
	fi
}
expect "hypervisor activated" "Activating hypervisor" "$log"
expect "cell created" 'Created cell "apic-demo"' "$log"
expect "cell started" 'Started cell "apic-demo"' "$log"
expect "cell listed as running" "apic-demo.*running" "$log"
# From the comm region (measured by the hypervisor) or calibrated.
expect "APIC calibrated" "Calibrated APIC frequency: [1-9][0-9]* kHz" "$log.com2"
ticks=$(grep -c 'Timer fired, jitter' "$log.com2" || true)
if [ "$ticks" -ge 5 ]; then
	echo "PASS: demo: $ticks timer lines from apic-demo"
	passed=$((passed + 1))
else
	echo "FAIL: demo: only $ticks timer lines from apic-demo (want 5)"
	failed=$((failed + 1))
fi
expect "cell closed" 'Closing cell "apic-demo"' "$log"
expect "hypervisor shut down" "Shutting down hypervisor" "$log"
expect "session completed" "DEMO-FINISHED" "$log"
if grep -q DEMO-STALL "$log"; then
	echo "FAIL: demo: a step stalled; tasks and CPUs at that moment:"
	sed -n '/DEMO-STALL/,$p' "$log" | head -n 400
	failed=$((failed + 1))
fi
echo "demo: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
