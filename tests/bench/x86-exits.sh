#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# tests/bench/x86-exits.sh [SECONDS]: `make bench-x86`. Builds the x86
# tree, boots it in QEMU (TCG) and prints figures, no verdict: page pool
# usage after the hypervisor's early and late setup, and the VM exits per
# second, by reason and by CPU, of an idle root cell over SECONDS
# (default 10). The figures come from tests/bench/x86-exits-guest.sh;
# the whole console log stays in build/logs/bench-x86.log.
set -eu -o pipefail

secs=${1:-10}
case "$secs" in
''|*[!0-9]*) echo "usage: $0 [SECONDS]" >&2; exit 2 ;;
esac
top=$(cd "$(dirname "$0")/../.." && pwd)
initrd=$top/build/initrd-bench-x86.gz
log=$top/build/logs/bench-x86.log

stage=$("$top/ci/build-tree.sh" x86 | tail -n 1)
"$top/ci/initramfs.sh" -o "$initrd" x86 "$stage" \
	"$top/tests/bench/x86-exits-guest.sh" >/dev/null
rc=0
QEMU_APPEND="bench_seconds=$secs ${QEMU_APPEND:-}" \
	"$top/ci/run-qemu.sh" x86 "$initrd" "$log" >/dev/null || rc=$?

figures=$(tr -d '\r' <"$log" | sed -n 's/^BENCH: //p')
if [ -z "$figures" ]; then
	echo "x86-exits: no figures (QEMU status $rc); see $log" >&2
	exit 1
fi
printf '%s\n' "$figures"
