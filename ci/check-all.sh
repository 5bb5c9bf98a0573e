#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# `make check`: run every suite even when one fails, then print one total.
# Each suite ends with its own "N passed, N failed" line; a suite that
# prints none (a build check) counts as one test judged by its exit code.
set -u

cd "$(dirname "$0")/.."
logs=build/logs
mkdir -p "$logs"

total_passed=0
total_failed=0
broken=()

for suite in "$@"; do
	log="$logs/check-$suite.log"
	echo "=== $suite"
	make --no-print-directory "$suite" </dev/null 2>&1 | tee "$log"
	rc=${PIPESTATUS[0]}
	line=$(grep -E '(^|: )[0-9]+ passed, [0-9]+ failed' "$log" | tail -n 1)
	if [ -n "$line" ]; then
		p=$(echo "$line" | sed -E 's/.*(^|: |[^0-9])([0-9]+) passed.*/\2/')
		f=$(echo "$line" | sed -E 's/.* ([0-9]+) failed.*/\1/')
	elif [ "$rc" -eq 0 ]; then
		p=1 f=0
	else
		p=0 f=1
	fi
	# A suite that failed without counting it still failed.
	if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
		f=1
	fi
	[ "$rc" -ne 0 ] && broken+=("$suite")
	total_passed=$((total_passed + p))
	total_failed=$((total_failed + f))
done

echo "==="
if [ ${#broken[@]} -gt 0 ]; then
	echo "failed suites: ${broken[*]} (logs in $logs/)"
fi
echo "check: $total_passed passed, $total_failed failed"
[ "$total_failed" -eq 0 ] && [ ${#broken[@]} -eq 0 ]
