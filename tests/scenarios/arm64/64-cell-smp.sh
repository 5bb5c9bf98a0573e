#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# A two-CPU arm64 cell: smp-demo is created on CPUs 2 and 3 (both leave
# Linux); its first CPU switches the other on and off with PSCI CPU_ON
# and CPU_OFF, twice, checking AFFINITY_INFO at each step, and the two
# bounce 100 SGIs each way per round, plus one SGI to "all but self"
# that only the other CPU may get; CPU_ON of a CPU that is on, of itself
# and of a CPU outside the cell must fail as PSCI says. Each finding is
# a line on the hypervisor console (con-type=jailhouse), checked here,
# and the cell's exit counters must show exactly the PSCI calls and SGIs
# the demo made, on the CPUs that made them. The first run (PSCI through
# SMC) leaves the second CPU on; after a shutdown the second run
# (through HVC #0) must find it off again and start it like the first.
# Destroy gives both CPUs back to Linux and the pool back to its value
# before create. It runs on the GICv3 and the GICv2 machine alike.
# stockade-timeout: 300

. /scenarios/lib.sh

sysfs=/sys/devices/jailhouse
demos=/usr/libexec/jailhouse/demos
cpus=/sys/devices/system/cpu
tmp=/tmp/64-smp
mkdir -p $tmp

# SGIs are system register writes (an exit counter of their own) on a
# GICv3 and distributor writes (MMIO exits) on a GICv2.
gic=$ARM64_GIC
if [ "$gic" = GICv3 ]; then
	sgi_exits=virt_sgi
else
	sgi_exits=mmio
fi

lsmod | grep -q '^jailhouse ' || insmod "$JAILHOUSE_KO"
expect_ok jailhouse enable "$ARM64_ROOT_CELL" || { dump_dmesg; exit 0; }
mem0=$(cat $sysfs/mem_pool_used)
remap0=$(cat $sysfs/remap_pool_used)

expect_ok jailhouse cell create /etc/jailhouse/smp-demo.cell || dump_dmesg
id=
for d in "$sysfs"/cells/*; do
	[ "$(cat "$d/name" 2>/dev/null)" = smp-demo ] && id=${d##*/}
done
check_eq "CPUs 2 and 3 left Linux" "0 0" \
	"$(cat $cpus/cpu2/online) $(cat $cpus/cpu3/online)"
check_eq "smp-demo has CPUs 2-3" "2-3" \
	"$(cat "$sysfs/cells/$id/cpus_assigned_list" 2>/dev/null)"
check_eq "root cell kept CPUs 0-1" "0-1" \
	"$(cat $sysfs/cells/0/cpus_assigned_list)"

# exits COUNTER [cpuN]: an exit counter of the cell (or of one of its CPUs).
exits() {
	cat "$sysfs/cells/$id/statistics/${2:+$2/}vmexits_$1" 2>/dev/null ||
		echo missing
}

# has RUN TEXT [COUNT]: TEXT is a line (part) of that run's output, COUNT
# times if given.
has() {
	n=$(grep -cF -- "$2" "$tmp/run$1")
	if [ -z "$3" ] && [ "$n" -gt 0 ]; then
		pass "run $1: $2"
	elif [ -n "$3" ] && [ "$n" -eq "$3" ]; then
		pass "run $1: $2 ($3 times)"
	else
		fail "run $1: $2" "found $n times in the demo's output"
		# What came closest, for the log.
		grep -F -- "$(printf '%s' "$2" | cut -c 1-12)" "$tmp/run$1" |
			sed 's/^/  seen: /'
	fi
}

# run_demo N OPTIONS CONDUIT: load with run=N and OPTIONS, start, wait for
# its last line and keep the console lines of that run (first to last
# line) in $tmp/runN; PSCI goes through CONDUIT (SMC or HVC).
run_demo() {
	expect_ok jailhouse cell load smp-demo $demos/smp-demo.bin \
		-s "con-type=jailhouse run=$1 $2" -a 0x1000
	psci0=$(exits psci)
	sgi0=$(exits $sgi_exits)
	cpu3_psci0=$(exits psci cpu3)
	cpu3_sgi0=$(exits $sgi_exits cpu3)
	expect_ok jailhouse cell start smp-demo
	console_has "run $1: the demo ends" "SMP demo: done, run $1," 60
	# The console ring holds 2 KiB; one run's lines fit.
	jailhouse console | tr -d '\r' | awk -v first="SMP demo: run $1," \
		-v last="SMP demo: done, run $1," '
		index($0, first) { on = 1 }
		on { print }
		index($0, last) { on = 0 }' >"$tmp/run$1"

	has "$1" "SMP demo: run $1, CPU 0 on MPIDR 0x2, PSCI 1.0 via $3"
	has "$1" "SMP demo: $gic, 2 CPUs in the cell, other 0x3, outside 0x0"
	for r in 1 2; do
		has "$1" "r$r: AFFINITY_INFO(0x3) before CPU_ON: OFF"
		has "$1" "r$r: CPU_ON(0x3): SUCCESS"
		has "$1" "r$r: AFFINITY_INFO(0x3) after CPU_ON: ON"
		has "$1" "r$r: CPU_ON(0x3) again: ALREADY_ON"
		pp="r$r: 100 pings sent, 100 pongs back, 0 stray"
		has "$1" "$pp, broadcast to CPU 1: 1"
		has "$1" "r$r: AFFINITY_INFO(0x3) after CPU_OFF: OFF"
	done
	has "$1" "CPU 1: up on MPIDR 0x3, $gic interface set up" 2
	has "$1" "CPU 1: got 100 pings, sent 100 pongs, 0 stray" 2
	has "$1" "CPU_ON(0x2) self: ALREADY_ON"
	has "$1" "CPU_ON(0x0) outside: INVALID_PARAMETERS"
	has "$1" "AFFINITY_INFO(0x0) outside: INVALID_PARAMETERS"
	has "$1" "CPU_ON(0x3) at 0xdead0000: INVALID_ADDRESS"
	has "$1" "AFFINITY_INFO_32(0x3, upper half set): OFF"
	has "$1" "SMP demo: error:" 0
	has "$1" "SMP demo: done, run $1, 0 errors"

	# Each PSCI call and SGI of the demo is one exit, on its own CPU;
	# the second CPU calls PSCI only for its CPU_OFF, once per round.
	totals='s/.*PSCI calls \([0-9]*\), SGIs sent \([0-9]*\)$'
	calls=$(sed -n "$totals/\\1/p" "$tmp/run$1")
	sgis=$(sed -n "$totals/\\2/p" "$tmp/run$1")
	check_eq "run $1: PSCI exits of the cell = the demo's calls" \
		"${calls:-none}" "$(($(exits psci) - psci0))"
	check_eq "run $1: PSCI exits of CPU 3 = its 2 CPU_OFF calls" "2" \
		"$(($(exits psci cpu3) - cpu3_psci0))"
	sgi_delta=$(($(exits $sgi_exits) - sgi0))
	cpu3_sgi_delta=$(($(exits $sgi_exits cpu3) - cpu3_sgi0))
	if [ "$gic" = GICv3 ]; then
		check_eq "run $1: SGI exits of the cell = the demo's SGIs" \
			"${sgis:-none}" "$sgi_delta"
		check_eq "run $1: SGI exits of CPU 3 = its 200 pongs" "200" \
			"$cpu3_sgi_delta"
	elif [ -n "$sgis" ] && [ "$sgi_delta" -ge "$sgis" ] &&
		[ "$cpu3_sgi_delta" -ge 200 ]; then
		pass "run $1: MMIO exits cover the demo's $sgis SGIs"
	else
		fail "run $1: MMIO exits cover the demo's SGIs" \
			"$sgi_delta for ${sgis:-none}, CPU 3: $cpu3_sgi_delta"
	fi
	check_eq "run $1: smp-demo is running" "running" \
		"$(cell_state smp-demo)"
}

# The first run leaves CPU 3 on, so that the reset has to switch it off.
run_demo 1 hold SMC
has 1 "SMP demo: CPU 1 left on: ON"
expect_ok jailhouse cell shutdown smp-demo
check_eq "smp-demo shut down" "shut down" "$(cell_state smp-demo)"
console_has "smp-demo answered the shutdown request" "Stopped SMP demo" 5

# Started again, the cell finds its second CPU off and starts it anew;
# this time PSCI goes through HVC #0, the other conduit a cell may use.
run_demo 2 psci=hvc HVC

# CPU_ON as the cell's very first action, in 20 starts: the other CPU
# takes its reset only after the cell is resumed, and that reset must
# not undo the call. (It did, in up to every other start when the host
# was busy enough for the other CPU to be late; on an idle host the
# race is rarely lost, so this check cannot always see it.)
expect_ok jailhouse cell load smp-demo $demos/smp-demo.bin \
	-s "con-type=jailhouse run=3 early mpidr=0x3 rounds=0" -a 0x1000
good=0
i=0
while [ $i -lt 20 ]; do
	jailhouse cell start smp-demo >/dev/null 2>&1 || break
	t=0
	while [ $t -lt 100 ] && ! jailhouse console | tr -d '\r' |
		tail -n 1 | grep -q "SMP demo: done, run 3,"; do
		sleep 0.1
		t=$((t + 1))
	done
	# This start's lines: from its first one on.
	last=$(jailhouse console | tr -d '\r' | awk '
		/SMP demo: run 3,/ { s = "" }
		{ s = s $0 "\n" }
		END { printf "%s", s }')
	case "$last" in
	*"early CPU_ON(0x3): SUCCESS, CPU 1 up"*"done, run 3, 0 errors"*)
		good=$((good + 1)) ;;
	*)
		printf '%s\n' "$last" | sed "s/^/  start $i: /" ;;
	esac
	jailhouse cell shutdown smp-demo >/dev/null 2>&1 || break
	i=$((i + 1))
done
check_eq "CPU_ON first thing after start: CPU up every time" "20 of 20" \
	"$good of $i"

expect_ok jailhouse cell destroy smp-demo
console_has "destroy reported" 'Closing cell "smp-demo"' 1
check_eq "only the root cell is left" "1" \
	"$(jailhouse cell list | grep -c running)"
check_eq "mem pool usage back to its value before create" "$mem0" \
	"$(cat $sysfs/mem_pool_used)"
check_eq "remap pool usage back" "$remap0" "$(cat $sysfs/remap_pool_used)"
for c in 2 3; do
	check_eq "CPU $c back in Linux" "1" \
		"$(cat $cpus/cpu$c/online)"
	check_eq "CPU $c runs tasks" "on-$c" \
		"$(taskset -c $c sh -c 'echo on-$(cut -d" " -f39 /proc/self/stat)')"
done
check_eq "root cell has all CPUs" "0-3" \
	"$(cat $sysfs/cells/0/cpus_assigned_list)"
expect_ok jailhouse disable || dump_dmesg
