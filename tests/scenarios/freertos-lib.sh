# SPDX-License-Identifier: GPL-2.0
#
# Helpers of the FreeRTOS cell scenarios (arm64 and ARMv7), sourced after
# lib.sh: they follow the hypervisor console in $FREERTOS_LOG and judge the
# demo's lines (inmates/freertos/demo). The caller sets FREERTOS_IMG (the
# image) and FREERTOS_GIC (GICv2 or GICv3, as the banner names it).

FREERTOS_LOG=/tmp/freertos-console.log

# The hypervisor console ring holds 2 KiB, a few seconds of this demo:
# a follower keeps all of it in $FREERTOS_LOG. `since` prints what came
# after the line count saved in $mark.
mark=0
set_mark() { mark=$(wc -l <"$FREERTOS_LOG"); }
since() { tail -n +"$((mark + 1))" "$FREERTOS_LOG"; }

follow_console() {
	: >"$FREERTOS_LOG"
	jailhouse console -f >"$FREERTOS_LOG" 2>&1 &
	follower=$!
}

stop_following() {
	kill "$follower" 2>/dev/null
	wait "$follower" 2>/dev/null
}

# log_wait WHAT PATTERN [SECONDS]: PATTERN (grep -E) shows up after $mark.
log_wait() {
	t=${3:-60}
	while [ "$t" -gt 0 ]; do
		since | grep -qE "$2" && { pass "$1"; return 0; }
		sleep 1
		t=$((t - 1))
	done
	fail "$1" "'$2' not on the hypervisor console"
	since | tail -n 6 | sed 's/^/  console: /'
	return 1
}

# wait_count WHAT PATTERN N SECONDS: N lines matching PATTERN after $mark.
wait_count() {
	t=$4
	while [ "$t" -gt 0 ] && [ "$(since | grep -cE "$2")" -lt "$3" ]; do
		sleep 1
		t=$((t - 1))
	done
	check_eq "$1" "$3" "$(since | grep -cE "$2" | awk -v n="$3" '{ print ($1 >= n) ? n : $1 }')"
}

# Queue lines after $mark: nothing out of order, consumed <= produced <=
# consumed + queue length + one in the producer's hands, production grows.
queue_ok() {
	since | awk '/^Queue: produced/ {
		gsub(/,/, ""); p = $3 + 0; c = $5 + 0; o = $9 + 0; n++;
		if (o != 0 || c > p || p > c + 9 || p < last) bad++;
		last = p;
	} END { exit !(n >= 2 && !bad && last > 0) }'
}

# Jitter lines after $mark: 1000 releases each, 0 <= min <= avg <= max.
jitter_ok() {
	since | awk '/^Jitter \(1 kHz task, / {
		gsub(/,/, "");
		r = $5 + 0; mn = $8 + 0; av = $11 + 0; mx = $14 + 0; n++;
		if (r != 1000 || mn < 0 || mn > av || av > mx) bad++;
	} END { exit !(n >= 2 && !bad) }'
}

# start_freertos OPTIONS: load and start the existing cell with OPTIONS,
# printing through the hypervisor console. The verdict on `cell start`
# waits until the cell's first lines are out: they share the serial line
# with ours, and a PASS line cut into one of them would not be counted.
start_freertos() {
	set_mark
	expect_ok jailhouse cell load freertos-demo "$FREERTOS_IMG" \
		-s "con-type=jailhouse $1" -a 0x1000
	rc=0
	out=$(jailhouse cell start freertos-demo 2>&1) || rc=$?
	log_wait "FreeRTOS started (${1:-default options})" \
		"^FreeRTOS V1[0-9.]* on Stockade, $FREERTOS_GIC, tick 1000 Hz" &&
		log_wait "start-up lines done" "^\[worker-low\] priority 1, round 1"
	check_eq "jailhouse cell start freertos-demo ($out)" "0" "$rc"
}

# check_demo_runs: all tasks run, queue and jitter lines are sound.
check_demo_runs() {
	log_wait "8 tasks created" "^FreeRTOS demo: 8 tasks created"
	for w in low mid high; do
		log_wait "worker-$w runs" "^\[worker-$w\] priority [1-3], round [3-9]"
	done
	wait_count "two queue reports" "^Queue: produced" 2 90
	wait_count "two jitter reports" "^Jitter \(1 kHz task, 1000 releases\)" 2 90
	if queue_ok; then pass "queue counts consistent (in order, none lost)"
	else fail "queue counts consistent" "$(since | grep '^Queue' | tail -n 2 | tr '\n' '|')"; fi
	if jitter_ok; then pass "jitter lines: 1000 releases, 0 <= min <= avg <= max"
	else fail "jitter lines plausible" "$(since | grep '^Jitter' | tail -n 2 | tr '\n' '|')"; fi
	since | grep '^Jitter' | tail -n 1 | sed 's/^/  figures: /'
}

# check_shutdown_approved: the request is approved after a clean stop.
check_shutdown_approved() {
	expect_ok jailhouse cell shutdown freertos-demo
	check_eq "freertos-demo shut down" "shut down" "$(cell_state freertos-demo)"
	log_wait "shutdown stopped all tasks cleanly first" \
		"^FreeRTOS demo: 7 of 7 tasks stopped cleanly" 10
	log_wait "last line before the approval" "^Stopped FreeRTOS demo" 10
	if since | grep -q "did not answer"; then
		fail "shutdown request answered" "$(since | grep 'did not answer' | head -n 1)"
	else
		pass "shutdown request answered"
	fi
}
