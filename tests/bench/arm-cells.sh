#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# tests/bench/arm-cells.sh [SECONDS]: `make bench-arm64` and `make
# bench-arm`. Builds the arm64 tree (BENCH_ARCH=arm64, the default) or the
# ARMv7 one (BENCH_ARCH=arm), boots it in QEMU (TCG) and prints figures
# about non-root cells, no verdict: the VM exits per gic-demo timer
# interrupt in steady state over SECONDS (default 10) with the root cell's
# exit rate beside them, and the time from `jailhouse cell start` to
# gic-demo's first line. On arm64 QEMU_GIC=2 runs the same on a GICv2
# machine (default 3); on ARMv7 ARM_BOARD=bpim2u on the emulated Banana Pi
# (default: virt). The figures come from tests/bench/arm-cells-guest.sh;
# the console log stays in build/logs/bench-<arch>[-<machine>].log.
set -eu -o pipefail

secs=${1:-10}
case "$secs" in
''|*[!0-9]*) echo "usage: $0 [SECONDS]" >&2; exit 2 ;;
esac
arch=${BENCH_ARCH:-arm64}
gic=${QEMU_GIC:-3}
case "$arch-$gic" in
arm64-3) suffix= ;;
arm64-2) suffix=-gicv2 ;;
arm64-*) echo "arm-cells: QEMU_GIC must be 2 or 3, not '$gic'" >&2; exit 2 ;;
arm-*) suffix=${ARM_BOARD:+-$ARM_BOARD} ;;
*) echo "arm-cells: BENCH_ARCH must be arm64 or arm" >&2; exit 2 ;;
esac
# shellcheck source=tests/bench/lib.sh
. "$(dirname "$0")/lib.sh"

initrd=$(bench_initrd "$arch" "$arch" arm-cells-guest.sh)
log=$bench_top/build/logs/bench-$arch$suffix.log
start=$(date +%s)
figures=$(QEMU_GIC=$gic QEMU_TIMEOUT=${QEMU_TIMEOUT:-$((secs + 600))} \
	QEMU_APPEND="bench_seconds=$secs ${QEMU_APPEND:-}" \
	bench_boot arm-cells "$arch" "$initrd" "$log") || exit 1
echo "arm-cells: QEMU ran $(($(date +%s) - start)) s" >&2
printf '%s\n' "$figures"
# Without a running gic-demo there is nothing in the log to count.
if printf '%s\n' "$figures" | grep -q -e '^enable failed' \
	-e '^cells could not be created' -e '^gic-demo did not start'; then
	exit 1
fi
# The inmate's own view of the window: the ticks it printed between the
# guest's marks (a mark may in rare cases be cut by a tick's line), the
# exits per printed tick, and the last tick's jitter line.
total=$(printf '%s\n' "$figures" | awk '$1 == "total" { print $2 }')
tr -d '\r' <"$log" | awk -v total="${total:-0}" '
	/BENCH-WINDOW: begin/ { on = 1; n = 0; next }
	/BENCH-WINDOW: end/ { if (on) done = 1; on = 0 }
	on && /Timer fired, / { n++; last = $0 }
	END {
		if (!done) {
			print "gic-demo (PL011): window marks not found in the log"
			exit
		}
		# Silent on a trapped UART (con-type=none): nothing to count.
		if (!n)
			exit
		printf "gic-demo (PL011): %d timer lines in the window", n
		if (n)
			printf ", %.2f exits each", total / n
		printf "\n"
		if (n) {
			sub(/.*Timer fired, /, "", last)
			print "gic-demo (PL011), last tick in the window: " last
		}
	}'
