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
# shellcheck source=tests/bench/lib.sh
. "$(dirname "$0")/lib.sh"

initrd=$(bench_initrd x86 x86 x86-exits-guest.sh)
QEMU_APPEND="bench_seconds=$secs ${QEMU_APPEND:-}" \
	bench_boot x86-exits x86 "$initrd" "$bench_top/build/logs/bench-x86.log"
