#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# tests/bench/intel.sh [SECONDS] (make bench-intel): the x86 figures on
# emulated Intel VT-x. One Bochs boot (ci/run-bochs.sh) runs the guest
# halves of bench-x86 and bench-cells, which take the Bochs configs on an
# Intel CPU: VM exits per second of the idle root cell by reason and CPU,
# VM exits per apic-demo timer interrupt by reason (whatever APIC mode the
# inmate library picks: the reasons show it), and the time from
# `jailhouse cell start` to tiny-demo's first line. SECONDS (default 10)
# is each measuring window; Bochs runs far slower than hardware, so the
# times are Bochs' and only the exit counts carry over. Figures only; the
# log is build/logs/bench-intel.log.
set -eu -o pipefail

secs=${1:-10}
case "$secs" in
''|*[!0-9]*) echo "usage: $0 [SECONDS]" >&2; exit 2 ;;
esac
top=$(cd "$(dirname "$0")/../.." && pwd)
initrd=$top/build/initrd-bench-intel.gz
log=$top/build/logs/bench-intel.log

stage=$("$top/ci/build-tree.sh" x86 | tail -n 1)
"$top/ci/initramfs.sh" -o "$initrd" x86 "$stage" \
	"$top/tests/bench/x86-exits-guest.sh" \
	"$top/tests/bench/x86-cells-guest.sh" >/dev/null
rc=0
BOCHS_APPEND="bench_seconds=$secs ${BOCHS_APPEND:-}" \
	"$top/ci/run-bochs.sh" "$initrd" "$log" >/dev/null || rc=$?

figures=$(tr -d '\r' <"$log" | sed -n 's/^BENCH: //p')
if [ -z "$figures" ]; then
	echo "bench-intel: no figures (Bochs status $rc); see $log" >&2
	exit 1
fi
printf '%s\n' "$figures"
tail -n 1 "$log.com2" 2>/dev/null | tr -d '\r' |
	sed -n 's/^Timer fired, /apic-demo (COM2), last tick: /p'
