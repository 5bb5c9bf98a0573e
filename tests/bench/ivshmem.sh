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
# shellcheck source=tests/bench/lib.sh
. "$(dirname "$0")/lib.sh"

initrd=$(bench_initrd "$srcarch" "ivshmem$suffix" ivshmem-guest.sh)
QEMU_APPEND="bench_count=$count ${QEMU_APPEND:-}" \
	bench_boot "ivshmem bench" "$srcarch" "$initrd" \
	"$bench_top/build/logs/bench-ivshmem$suffix.log"
