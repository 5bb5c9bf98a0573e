#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# `make check`: run every suite even when one fails, then print one total.
# Each suite ends with its own "N passed, N failed" line; a suite that
# prints none (a build check) counts as one test judged by its exit code.
#
# Suites named in CHECK_BESIDE (default: none) run in the background
# beside the others, their output shown when they end; their guests
# should not see wall-clock time (Bochs counts guest time in
# instructions, clock: sync=none). On two cores it does not pay: with
# check-x86-intel beside the QEMU suites, Bochs ran four times slower and
# the QEMU suites half again as long as alone (QEMU's TCG threads use both
# cores), so the total grew. Where there are more cores, try
# CHECK_BESIDE=check-x86-intel.
set -u

cd "$(dirname "$0")/.."
logs=build/logs
mkdir -p "$logs"

beside=" ${CHECK_BESIDE:-} "
total_passed=0
total_failed=0
broken=()
waiting=()

# count SUITE RC: adds the suite's result, read from its log, to the totals.
count() {
	local suite=$1 rc=$2 log="$logs/check-$1.log" line p f

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
}

run_suite() {
	make --no-print-directory "$1" </dev/null 2>&1
}

# Background suites first, so they have the whole run to finish in.
for suite in "$@"; do
	case "$beside" in
	*" $suite "*)
		echo "=== $suite (beside the others; output when it ends)"
		( export CHECK_RUNS_BESIDE=1
		  run_suite "$suite" >"$logs/check-$suite.log"
		  echo $? >"$logs/check-$suite.rc" ) &
		waiting+=("$suite:$!")
		;;
	esac
done

for suite in "$@"; do
	case "$beside" in *" $suite "*) continue ;; esac
	echo "=== $suite"
	run_suite "$suite" | tee "$logs/check-$suite.log"
	count "$suite" "${PIPESTATUS[0]}"
done

for entry in ${waiting[@]+"${waiting[@]}"}; do
	suite=${entry%%:*}
	wait "${entry#*:}"
	echo "=== $suite (ran beside the others)"
	cat "$logs/check-$suite.log"
	count "$suite" "$(cat "$logs/check-$suite.rc" 2>/dev/null || echo 1)"
done

echo "==="
if [ ${#broken[@]} -gt 0 ]; then
	echo "failed suites: ${broken[*]} (logs in $logs/)"
fi
echo "check: $total_passed passed, $total_failed failed"
[ "$total_failed" -eq 0 ] && [ ${#broken[@]} -eq 0 ]
