#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# ci/system-test.sh x86|arm64|arm
#
# The QEMU system tests of one architecture (make check-x86, check-arm64,
# check-arm):
# packages, Debian kernel, an out-of-tree build installed into a staging
# folder, then the scenarios. The last line is "N passed, N failed".
set -eu -o pipefail

srcarch=${1:-}
case "$srcarch" in
x86) debarch=amd64 ;;
arm64) debarch=arm64 ;;
arm) debarch=armhf ;;
*) echo "usage: $0 x86|arm64|arm" >&2; exit 2 ;;
esac
top=$(cd "$(dirname "$0")/.." && pwd)
start=$(date +%s)

step() {
	echo "system-test $srcarch: $* [$(( $(date +%s) - start ))s]" >&2
}

step "packages"
"$top/ci/deps.sh"
step "harness self-test"
"$top/ci/test-check-log.sh" >/dev/null || {
	"$top/ci/test-check-log.sh" >&2 || true
	echo "system-test $srcarch: the log judge is broken" >&2
	exit 1
}
step "kernel"
"$top/ci/kernel.sh" "$debarch" >/dev/null
step "build"
stage=$("$top/ci/build-tree.sh" "$srcarch" | tail -n 1)
# User-space programs some x86 scenarios run (tests/programs).
[ "$srcarch" != x86 ] || "$top/ci/build-programs.sh" "$stage"
step "scenarios"
# Its summary line must stay the last line of the output.
exec "$top/ci/run-scenarios.sh" "$srcarch" "$stage"
