#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# tests/bench/ivshmem.sh [COUNT]: `make bench-ivshmem`. Builds the x86
# tree, boots it in QEMU (TCG) and prints figures, no verdict: doorbell
# round trips root <-> cell and ivshmem-net round trips root <-> echo
# cell, COUNT of each (default 500), with VM exits per round trip and
# rates. The figures come from tests/bench/ivshmem-guest.sh; the console
# log stays in build/logs/bench-ivshmem.log.
set -eu -o pipefail

count=${1:-500}
case "$count" in
''|*[!0-9]*) echo "usage: $0 [COUNT]" >&2; exit 2 ;;
esac
top=$(cd "$(dirname "$0")/../.." && pwd)
initrd=$top/build/initrd-bench-ivshmem.gz
log=$top/build/logs/bench-ivshmem.log

stage=$("$top/ci/build-tree.sh" x86 | tail -n 1)
"$top/ci/initramfs.sh" -o "$initrd" x86 "$stage" \
	"$top/tests/bench/ivshmem-guest.sh" >/dev/null
rc=0
QEMU_APPEND="bench_count=$count ${QEMU_APPEND:-}" \
	"$top/ci/run-qemu.sh" x86 "$initrd" "$log" >/dev/null || rc=$?
figures=$(tr -d '\r' <"$log" | sed -n 's/^BENCH: //p')
if [ -z "$figures" ]; then
	echo "ivshmem bench: no figures (QEMU status $rc); see $log" >&2
	exit 1
fi
printf '%s\n' "$figures"
