#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# FreeRTOS in an arm64 cell beside the root Linux (inmates/freertos, in
# the test image only when it was built with FREERTOS_KERNEL naming a
# FreeRTOS-Kernel checkout; otherwise this scenario says it skipped, which
# counts as neither pass nor fail). The cell is created, loaded and
# started; all its tasks run, its queue counts and its 1 kHz task's jitter
# lines reach the hypervisor console; a shutdown request is approved only
# after every task stopped cleanly; the cell starts again, is destroyed
# and recreated; loaded with shutdown=refuse it denies the request (EPERM)
# and keeps running, and destroy still takes it down. Everything is given
# back: pool usage, CPU 3.
# stockade-timeout: 600

. /scenarios/lib.sh

sysfs=/sys/devices/jailhouse
demos=/usr/libexec/jailhouse/demos
img=$demos/freertos-demo.bin
cfg=/etc/jailhouse/freertos-demo.cell
cpu3=/sys/devices/system/cpu/cpu3
log=/tmp/freertos-console.log

if [ ! -f "$img" ]; then
	skip "FreeRTOS cell" "no $img: the test image was built without FREERTOS_KERNEL (see Documentation/freertos.md)"
	exit 0
fi

# The hypervisor console ring holds 2 KiB, a few seconds of this demo:
# a follower keeps all of it in $log. `since` prints what came after the
# line count saved in $mark.
mark=0
set_mark() { mark=$(wc -l <"$log"); }
since() { tail -n +"$((mark + 1))" "$log"; }

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

# start_freertos OPTIONS: load and start the existing cell with OPTIONS.
# The verdict on `cell start` waits until the cell's first lines are out:
# they share the serial line with ours, and a PASS line cut into one of
# them would not be counted.
start_freertos() {
	set_mark
	expect_ok jailhouse cell load freertos-demo "$img" \
		-s "con-type=jailhouse $1" -a 0x1000
	rc=0
	out=$(jailhouse cell start freertos-demo 2>&1) || rc=$?
	log_wait "FreeRTOS started (${1:-default options})" \
		"^FreeRTOS V1[0-9.]* on Stockade, $ARM64_GIC, tick 1000 Hz" &&
		log_wait "start-up lines done" "^\[worker-low\] priority 1, round 1"
	check_eq "jailhouse cell start freertos-demo ($out)" "0" "$rc"
}

lsmod | grep -q '^jailhouse ' || insmod "$JAILHOUSE_KO"
expect_ok jailhouse enable "$ARM64_ROOT_CELL" || { dump_dmesg; exit 0; }
mem0=$(cat $sysfs/mem_pool_used)
: >"$log"
jailhouse console -f >"$log" 2>&1 &
follower=$!

expect_ok jailhouse cell create "$cfg" || dump_dmesg
check_eq "CPU 3 left Linux" "0" "$(cat $cpu3/online)"
start_freertos ""
check_eq "freertos-demo is running" "running" "$(cell_state freertos-demo)"
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

# A shut-down cell starts again; then destroy and recreate.
start_freertos ""
log_wait "tasks run again after restart" "^\[worker-high\] priority 3, round 2"
expect_ok jailhouse cell destroy freertos-demo
check_eq "mem pool usage back after destroy" "$mem0" "$(cat $sysfs/mem_pool_used)"
check_eq "CPU 3 back in Linux" "1" "$(cat $cpu3/online)"

expect_ok jailhouse cell create "$cfg" || dump_dmesg
start_freertos "shutdown=refuse"
log_wait "refusal configured" "shutdown requests refused"
expect_fail_with "the cell denied the shutdown request and keeps running." \
	jailhouse cell shutdown freertos-demo
log_wait "the demo refused the request" \
	"^FreeRTOS demo: shutdown request refused \(shutdown=refuse\)" 10
check_eq "freertos-demo still running" "running" "$(cell_state freertos-demo)"
set_mark
log_wait "still measuring after the refusal" \
	"^Jitter \(1 kHz task, 1000 releases\)" 60
expect_ok jailhouse cell destroy freertos-demo
check_eq "only the root cell is left" "1" "$(jailhouse cell list | grep -c running)"
check_eq "mem pool usage back to its value before create" "$mem0" \
	"$(cat $sysfs/mem_pool_used)"
check_eq "CPU 3 back in Linux after the refusing cell" "1" "$(cat $cpu3/online)"
check_eq "CPU 3 runs tasks" "on-3" \
	"$(taskset -c 3 sh -c 'echo on-$(cut -d" " -f39 /proc/self/stat)')"

kill "$follower" 2>/dev/null
wait "$follower" 2>/dev/null
expect_ok jailhouse disable || dump_dmesg
