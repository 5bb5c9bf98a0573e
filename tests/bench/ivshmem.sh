#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# tests/bench/ivshmem.sh [COUNT [SRCARCH]]: `make bench-ivshmem`. Builds
# the tree of SRCARCH (x86, the default, arm64 or arm), boots it in QEMU
# (TCG) and prints figures, no verdict: doorbell round trips root <-> cell
# and cell <-> cell, and on x86 ivshmem-net round trips root <-> echo
# cell, COUNT of each (default 500), with VM exits per round trip and
# rates. The figures come from tests/bench/ivshmem-guest.sh; the console
# log stays in build/logs/bench-ivshmem[-SRCARCH].log.
set -eu -o pipefail

count=${1:-500}
srcarch=${2:-x86}
case "$count" in
''|*[!0-9]*) echo "usage: $0 [COUNT [x86|arm64|arm]]" >&2; exit 2 ;;
esac
case "$srcarch" in
x86|arm64|arm) ;;
*) echo "usage: $0 [COUNT [x86|arm64|arm]]" >&2; exit 2 ;;
esac
suffix=${2:+-$srcarch}
top=$(cd "$(dirname "$0")/../.." && pwd)
initrd=$top/build/initrd-bench-ivshmem$suffix.gz
log=$top/build/logs/bench-ivshmem$suffix.log

stage=$("$top/ci/build-tree.sh" "$srcarch" | tail -n 1)
"$top/ci/initramfs.sh" -o "$initrd" "$srcarch" "$stage" \
	"$top/tests/bench/ivshmem-guest.sh" >/dev/null
rc=0
QEMU_APPEND="bench_count=$count ${QEMU_APPEND:-}" \
	"$top/ci/run-qemu.sh" "$srcarch" "$initrd" "$log" >/dev/null || rc=$?
figures=$(tr -d '\r' <"$log" | sed -n 's/^BENCH: //p')
if [ -z "$figures" ]; then
	echo "ivshmem bench: no figures (QEMU status $rc); see $log" >&2
	exit 1
fi
printf '%s\n' "$figures"
