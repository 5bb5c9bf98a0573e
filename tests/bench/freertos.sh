#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# tests/bench/freertos.sh [SECONDS]: `make bench-freertos`, the seeds'
# temporal isolation experiment on the emulated Banana Pi BPI-M2 Ultra
# (QEMU bpim2u, TCG). Needs FREERTOS_KERNEL (a FreeRTOS-Kernel checkout,
# Documentation/freertos.md). Stages Debian's armhf stress-ng with its
# libraries (ci/stress-ng.sh) into the test image and prints, from
# tests/bench/freertos-guest.sh's figures:
#  (a) the FreeRTOS 1 kHz task's max release jitter with the root idle and
#      with the root under stress-ng, and loaded/idle;
#  (b) the root's stress-ng bogo-ops per second without and with the
#      FreeRTOS cell running (it takes CPU 3), and with/without.
# SECONDS (default 20) is each stress-ng run and the idle window. Under
# TCG the absolute figures are the emulator's, not a board's: only the
# ratios mean something. The console log stays in
# build/logs/bench-freertos.log. Figures, no verdict; not in make check.
set -eu -o pipefail

secs=${1:-20}
case "$secs" in
''|*[!0-9]*) echo "usage: $0 [SECONDS]" >&2; exit 2 ;;
esac
if [ -z "${FREERTOS_KERNEL:-}" ]; then
	echo "bench-freertos: set FREERTOS_KERNEL to a FreeRTOS-Kernel checkout (Documentation/freertos.md)" >&2
	exit 2
fi
top=$(cd "$(dirname "$0")/../.." && pwd)
initrd=$top/build/initrd-bench-freertos.gz
log=$top/build/logs/bench-freertos.log

echo "bench-freertos: stress-ng for armhf (ci/stress-ng.sh)" >&2
stress=$("$top/ci/stress-ng.sh" armhf | tail -n 1)
echo "bench-freertos: building (log: build/logs/build-arm.log)" >&2
stage=$("$top/ci/build-tree.sh" arm | tail -n 1)
cp -a "$stress/." "$stage/"
"$top/ci/initramfs.sh" -o "$initrd" arm "$stage" \
	"$top/tests/bench/freertos-guest.sh" >/dev/null
rc=0
start=$(date +%s)
ARM_BOARD=bpim2u QEMU_TIMEOUT=${QEMU_TIMEOUT:-$((secs * 4 + 900))} \
QEMU_APPEND="bench_seconds=$secs ${QEMU_APPEND:-}" \
	"$top/ci/run-qemu.sh" arm "$initrd" "$log" >/dev/null || rc=$?
echo "bench-freertos: QEMU ran $(($(date +%s) - start)) s (status $rc)" >&2

figures=$(tr -d '\r' <"$log" | sed -n 's/^BENCH: //p')
if ! grep -q '^done' <<<"$figures"; then
	printf '%s\n' "$figures"
	echo "bench-freertos: the run did not finish; see $log" >&2
	exit 1
fi

# field LINE-PREFIX N: field N of the first figure line starting so.
field() {
	awk -v p="$1" -v n="$2" 'index($0, p) == 1 { print $n; exit }' \
		<<<"$figures"
}
ratio() {
	awk -v a="$1" -v b="$2" 'BEGIN {
		if (b > 0) printf "%.2f", a / b; else print "n/a" }'
}

idle_max=$(field "jitter idle " 6)
load_max=$(field "jitter loaded " 6)
echo "FreeRTOS 1 kHz task, max release jitter (root: stress-ng --cpu 4 --io 2 --vm 1 --vm-bytes 32M --fork 2, ${secs} s):"
printf '  root idle    %12s ns  (%s report lines)\n' "${idle_max:-n/a}" \
	"$(field "jitter idle " 4)"
printf '  root loaded  %12s ns  (%s report lines)\n' "${load_max:-n/a}" \
	"$(field "jitter loaded " 4)"
echo "  loaded/idle  $(ratio "${load_max:-0}" "${idle_max:-0}")"
echo "root stress-ng bogo-ops/s (real time):"
printf '  %-8s %14s %14s %8s\n' stressor "without cell" "with cell" ratio
for s in cpu io vm fork total; do
	a=$(field "bogo without $s " 4)
	b=$(field "bogo with $s " 4)
	printf '  %-8s %14s %14s %8s\n' "$s" "${a:-n/a}" "${b:-n/a}" \
		"$(ratio "${b:-0}" "${a:-0}")"
done
echo "  root CPUs: $(field "root CPUs without" 6) without the cell, $(field "root CPUs beside" 6) beside it (the cell has CPU 3)"
echo "  $(field "cell state" 1) $(field "cell state" 2) $(field "cell state" 3) $(field "cell state" 4) $(field "cell state" 5) $(field "cell state" 6)"
echo "Under TCG (emulated CPUs on a shared host) the absolute figures are"
echo "the emulator's, not a Banana Pi's: only the ratios mean something."
