#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Runs the host tests of the `jailhouse` tool (t-*.sh, in name order).
# Usage: run.sh BUILD_DIR "FOREIGN_ARCHS" QEMU_ARM64 QEMU_ARM
# Prints PASS/FAIL lines and ends with "N passed, N failed"; exits 1 if
# anything failed.

HERE=$(cd "$(dirname "$0")" && pwd)
B=$1
FOREIGN=$2
QEMU_arm64=$3
QEMU_arm=$4
TOPDIR=$(cd "$HERE/../.." && pwd)

JH=$B/host/jailhouse
FAKE=$B/jailhouse-fake
MKCONFIG=$B/mkconfig

T=$(mktemp -d "${TMPDIR:-/tmp}/jailhouse-cli-tests.XXXXXX")
trap 'rm -rf "$T"' EXIT

# The sanitizers must not make leaks of a failing command look like a
# second line of error output: leaks fail the test in their own way.
export ASAN_OPTIONS=detect_leaks=1:exitcode=99
export UBSAN_OPTIONS=halt_on_error=1:exitcode=98

# shellcheck source=lib.sh
. "$HERE/lib.sh"

for t in "$HERE"/t-*.sh; do
	# shellcheck disable=SC1090 # each test file in turn
	. "$t"
done

echo "$PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
