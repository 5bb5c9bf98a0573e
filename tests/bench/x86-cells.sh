#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# tests/bench/x86-cells.sh [SECONDS]: `make bench-cells`. Builds the x86
# tree, boots it in QEMU (TCG) twice, on a CPU model without x2APIC (cells
# get it emulated over the xAPIC) and on one with x2APIC (cells run it in
# x2APIC mode), and prints figures, no verdict: the idle root cell's VM
# exits per second by reason, the VM exits per apic-demo timer interrupt
# in steady state over SECONDS (default 10), and the time from `jailhouse
# cell start` to the first line of tiny-demo. The figures come from
# tests/bench/x86-cells-guest.sh; the console logs stay in
# build/logs/bench-cells-{xapic,x2apic}.log (apic-demo's COM2 in
# ...log.com2).
set -eu -o pipefail

secs=${1:-10}
case "$secs" in
''|*[!0-9]*) echo "usage: $0 [SECONDS]" >&2; exit 2 ;;
esac
# shellcheck source=tests/bench/lib.sh
. "$(dirname "$0")/lib.sh"

initrd=$(bench_initrd x86 cells x86-cells-guest.sh)

# run NAME CPU-MODEL TITLE: one boot, its figures.
run() {
	local log=$bench_top/build/logs/bench-cells-$1.log

	echo "== $3"
	QEMU_EXTRA="${QEMU_EXTRA:-} -cpu $2" \
	QEMU_APPEND="bench_seconds=$secs ${QEMU_APPEND:-}" \
		bench_boot x86-cells x86 "$initrd" "$log" || return
	# The inmate's own view of the same run: its last jitter line.
	tail -n 1 "$log.com2" 2>/dev/null | tr -d '\r' |
		sed -n 's/^Timer fired, /apic-demo (COM2), last tick: /p'
}

rc=0
run xapic qemu64,+svm,+npt \
	"CPU without x2APIC: cells' x2APIC emulated over the xAPIC" || rc=1
run x2apic qemu64,+svm,+npt,+x2apic \
	"CPU with x2APIC: cells' APIC in x2APIC mode" || rc=1
exit $rc
