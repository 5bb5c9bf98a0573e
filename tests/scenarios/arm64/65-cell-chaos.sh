#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Chaos: the chaos inmate in uart-demo's cell (CPU 2) makes random
# accesses to what the hypervisor emulates or filters for a cell
# (distributor registers, SGIs, PSCI, hypercalls) for 20 s, next to
# gic-demo (CPU 3) and a busy root. The accesses are legal in form, so
# nothing may fail: the chaos cell still running at the end with no
# failure on the console, gic-demo still taking its timer interrupts, the
# root's workload still passing; afterwards both cells are destroyed, the
# pool is back at its baseline, and a new cell can be created, started
# and destroyed on the chaos CPU (the management SGI still arrives).
# The seed is printed by the scenario and the inmate: run the inmate with
# seed=THAT to replay a failure.
# stockade-timeout: 360

. /scenarios/lib.sh

sysfs=/sys/devices/jailhouse
demos=/usr/libexec/jailhouse/demos
tmp=/tmp/chaos
mkdir -p $tmp
seconds=20
seed=$(( $(date +%s) % 1000000 * 7919 + 1 ))

lsmod | grep -q '^jailhouse ' || insmod "$JAILHOUSE_KO"
expect_ok jailhouse enable "$ARM64_ROOT_CELL" || { dump_dmesg; exit 0; }
mem0=$(cat $sysfs/mem_pool_used)

# wait_console WHAT TEXT [SECONDS]
wait_console() {
	t=${3:-20}
	while [ "$t" -gt 0 ]; do
		jailhouse console | grep -q "$2" && { pass "$1"; return 0; }
		sleep 1
		t=$((t - 1))
	done
	fail "$1" "'$2' not in the hypervisor console"
	jailhouse console | tail -n 8 | sed 's/^/  console: /'
	return 1
}

# Exits of gic-demo: its timer interrupts keep them growing.
ticks() {
	jailhouse cell stats -1 gic-demo |
		awk '$1 == "total" || $1 == "vmexits_total" { print $2 }'
}

failures() {
	jailhouse console | grep -c 'failed; CPU\|FATAL'
}

expect_ok jailhouse cell create /etc/jailhouse/gic-demo.cell
expect_ok jailhouse cell load gic-demo $demos/gic-demo.bin \
	-s "con-type=jailhouse" -a 0x1000
expect_ok jailhouse cell start gic-demo
wait_console "gic-demo timer fires" "Timer fired, jitter"

(
	while :; do
		if dd if=/dev/zero bs=64k count=10 2>/dev/null | md5sum >/dev/null
		then echo ok; else echo bad; fi
		sleep 1
	done >$tmp/root.log
) &
worker=$!

fail0=$(failures)
echo "chaos seed: $seed"
expect_ok jailhouse cell create /etc/jailhouse/uart-demo.cell
expect_ok jailhouse cell load uart-demo $demos/chaos.bin \
	-s "con-type=jailhouse seed=$seed seconds=$seconds" -a 0x1000
ticks0=$(ticks)
root0=$(grep -c ok $tmp/root.log)
expect_ok jailhouse cell start uart-demo
wait_console "chaos: ran its $seconds s" "Chaos: done" $((seconds * 6))
c=$(jailhouse console | grep 'Chaos: done' | tail -n 1)
echo "$c"
check_contains "chaos: the seed is the one given" "$c" \
	"(seed $(printf 0x%x $seed))"
check_eq "chaos: cell still running" "running" "$(cell_state uart-demo)"
check_eq "chaos: no cell failure on the console" "$fail0" "$(failures)"
n=$(echo "$c" | awk '{ print $3 + $5 + $7 + $9 }')
if [ "${n:-0}" -ge 10000 ]; then
	pass "chaos: tens of thousands of accesses ($n)"
else
	fail "chaos: tens of thousands of accesses" "${n:-none}"
fi
check_eq "chaos: gic-demo still running" "running" "$(cell_state gic-demo)"
ticks1=$(ticks)
if [ -n "$ticks1" ] && [ -n "$ticks0" ] && [ "$ticks1" -gt "$ticks0" ]; then
	pass "chaos: gic-demo kept taking timer interrupts"
else
	fail "chaos: gic-demo kept taking timer interrupts" "$ticks0 -> $ticks1"
fi
if [ "$(grep -c ok $tmp/root.log)" -gt "$((root0 + 2))" ] &&
   ! grep -q bad $tmp/root.log; then
	pass "chaos: root workload kept passing"
else
	fail "chaos: root workload kept passing" "$(grep -c ok $tmp/root.log) runs after $root0, $(grep -c bad $tmp/root.log) bad"
fi

kill "$worker"
wait "$worker" 2>/dev/null
expect_ok timeout 30 jailhouse cell destroy uart-demo
expect_ok jailhouse cell shutdown gic-demo
expect_ok timeout 30 jailhouse cell destroy gic-demo
check_eq "chaos: mem pool usage back" "$mem0" "$(cat $sysfs/mem_pool_used)"

# The management SGI still reaches the chaos CPU: a whole cell life there.
expect_ok jailhouse cell create /etc/jailhouse/uart-demo.cell
expect_ok jailhouse cell load uart-demo $demos/uart-demo.bin \
	-s "con-type=jailhouse" -a 0x1000
expect_ok jailhouse cell start uart-demo
wait_console "chaos: a new cell runs on that CPU" "Hello 3 from cell"
expect_ok timeout 30 jailhouse cell destroy uart-demo
check_eq "chaos: mem pool usage back again" "$mem0" \
	"$(cat $sysfs/mem_pool_used)"
check_eq "chaos: CPUs back in Linux" "1 1" \
	"$(echo $(cat /sys/devices/system/cpu/cpu2/online /sys/devices/system/cpu/cpu3/online))"
expect_ok jailhouse disable || dump_dmesg
