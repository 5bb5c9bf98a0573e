#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# run-fuzz.sh OUT SECONDS scratch|keep NAME...: run build/fuzz/fuzz-NAME
# for SECONDS on seeds/NAME (0: each seed once). "scratch" grows a copy
# that is thrown away, "keep" grows OUT/corpus-NAME for the next run. The
# last line counts harnesses: "N passed, N failed".
set -u

out=$1 seconds=$2 mode=$3
shift 3
here=$(cd "$(dirname "$0")" && pwd)
passed=0 failed=0

for name in "$@"; do
	bin=$out/fuzz-$name
	work=$out/$name
	corpus=$out/corpus-$name
	mkdir -p "$work"
	[ "$mode" = keep ] || { rm -rf "$corpus"; }
	mkdir -p "$corpus"
	log=$work/fuzz.log
	if [ "$seconds" -eq 0 ]; then
		args=(-runs=0)
	else
		args=(-max_total_time="$seconds")
	fi
	# New inputs go to the first directory; the seeds stay as committed.
	(cd "$work" && "$bin" "${args[@]}" -timeout=10 -rss_limit_mb=2048 \
		-print_final_stats=1 "$corpus" "$here/seeds/$name") >"$log" 2>&1
	rc=$?
	runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
	if [ $rc -eq 0 ]; then
		echo "PASS: fuzz $name: ${runs:-?} inputs in ${seconds}s, no crash"
		passed=$((passed + 1))
	else
		echo "FAIL: fuzz $name (exit $rc): see $log"
		grep -E 'ERROR|SUMMARY|Test unit written' "$log" | head -n 5
		failed=$((failed + 1))
	fi
done
echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
