#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# ci/check-arm-bananapi.sh: the ARMv7 scenarios on the emulated Banana
# Pis. Every one on the BPI-M2 Ultra (QEMU's bpim2u), then one boot of
# the BPI-M2+ (QEMU's orangepi-pc with the board's device tree) with
# enable/disable, a cell's lifecycle and two cells with the isolation
# checks (SCENARIOS, if set, picks the Ultra's). Prints both runs'
# failures and as its last line the sum, "N passed, N failed"; exit
# status 0 when both passed.
set -u -o pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
out=$(mktemp)
trap 'rm -f "$out"' EXIT
passed=0
failed=0
rc=0

# run BOARD PATTERNS: one system test, its counts added.
run() {
	local last p f
	ARM_BOARD=$1 SCENARIOS=$2 "$top/ci/system-test.sh" arm | tee "$out" ||
		rc=1
	last=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$out" | tail -n 1)
	p=${last%% passed*}
	f=${last#*passed, }
	f=${f%% failed*}
	if ! [[ "$p" =~ ^[0-9]+$ && "$f" =~ ^[0-9]+$ ]]; then
		echo "FAIL: arm-$1: no verdict"
		p=0 f=1
	fi
	passed=$((passed + p))
	failed=$((failed + f))
}

run bpim2u "${SCENARIOS:-}"
run orangepi-pc "40-* 60-* 62-*"
echo "$passed passed, $failed failed"
[ "$rc" -eq 0 ] && [ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
