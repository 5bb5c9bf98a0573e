#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Guest half of tests/bench/latency.sh, run as /init's only "scenario"
# under QEMU's -icount (virtual time = instructions executed). It runs the
# timer demo of the architecture (apic-demo on x86, gic-demo on arm64) in
# a cell twice: with the root cell idle, then with every root CPU busy.
# The demo's "Timer fired, jitter: ..." lines are the per-tick latencies,
# which the host side reads from the demo's UART, one block per start of
# the demo. Exit counters of the cell's CPU by reason come out as
# "BENCH: <window> exits <reason> <count> <per tick>". With
# bench_freertos=SECONDS on the kernel command line the FreeRTOS cell
# takes the demo's place (arm64: freertos-demo.cell, its 1 kHz tick), each
# window SECONDS long.
# stockade-timeout: 1800

# shellcheck source=/dev/null # the initramfs copy of tests/scenarios/lib.sh
. /scenarios/lib.sh

sysfs=/sys/devices/jailhouse
demos=/usr/libexec/jailhouse/demos

out() {
	echo "BENCH: $*"
}

ticks=$(sed -n 's/.*bench_ticks=\([0-9][0-9]*\).*/\1/p' /proc/cmdline)
ticks=${ticks:-100}
# bench_freertos=SECONDS: the FreeRTOS cell's windows instead of the
# timer demo's, SECONDS long each (its tick is 1 kHz).
freertos=$(sed -n 's/.*bench_freertos=\([0-9][0-9]*\).*/\1/p' /proc/cmdline)

case "$(uname -m)" in
x86_64)
	root=qemu-x86
	demo=apic-demo
	;;
armv7*)
	root=qemu-arm
	demo=gic-demo
	;;
*)
	demo=gic-demo
	if grep -q GICv3 /proc/interrupts; then
		root=qemu-arm64
	else
		root=qemu-arm64-gicv2
	fi
	;;
esac

image=$demos/$demo.bin
load_opts=
window_s=$((ticks / 10))
if [ -n "$freertos" ]; then
	demo="freertos-demo"
	image=$demos/freertos-demo.bin
	# A command line of its own, so that none is read from the image.
	load_opts="-s seconds=0 -a 0x1000"
	window_s=$freertos
	ticks=$((freertos * 1000))
fi

insmod "$JAILHOUSE_KO"
if ! OUTPUT=$(jailhouse enable "/etc/jailhouse/$root.cell" 2>&1); then
	out "enable failed: $(printf '%s\n' "$OUTPUT" | head -n 1)"
	exit 1
fi

counters() { # DIR
	grep -H . "$1"/vmexits_* | sed 's|^.*/vmexits_\([a-z0-9_]*\):| \1 |'
}

# window NAME: the demo in a cell for $ticks ticks ($window_s seconds),
# then gone.
window() {
	local d stats
	# shellcheck disable=SC2086 # load_opts is several words or none
	if ! jailhouse cell create "/etc/jailhouse/$demo.cell" >/dev/null ||
	   ! jailhouse cell load "$demo" "$image" $load_opts >/dev/null ||
	   ! jailhouse cell start "$demo" >/dev/null; then
		out "$1: $demo did not start"
		return 1
	fi
	for d in "$sysfs"/cells/*; do
		[ "$(cat "$d/name")" = "$demo" ] && stats=$d/statistics
	done
	# Past the demo's start-up; the window then spans $ticks ticks.
	sleep 1
	counters "$stats" >/tmp/lat-before
	sleep "$window_s"
	counters "$stats" >/tmp/lat-after
	jailhouse cell destroy "$demo" >/dev/null || out "$1: destroy failed"
	awk -v w="$1" -v t="$ticks" '
		NR == FNR { b[$1] = $2; next }
		{
			d = $2 - b[$1]
			if (d < 0)
				d += 4294967296
			if (d || $1 == "total")
				printf "BENCH: %s exits %s %d %.2f\n", w, $1, d, d / t
		}' /tmp/lat-before /tmp/lat-after
}

window idle

# The cost of one exit by kind: exit-cost in the same cell, root
# idle; its "Exit cost:" lines go to the same console as the demo's.
if [ -z "$freertos" ] && [ -e "$demos/exit-cost.bin" ]; then
	if jailhouse cell create "/etc/jailhouse/$demo.cell" >/dev/null &&
	   jailhouse cell load "$demo" "$demos/exit-cost.bin" >/dev/null &&
	   jailhouse cell start "$demo" >/dev/null; then
		sleep 2
	else
		out "exit-cost did not start"
	fi
	jailhouse cell destroy "$demo" >/dev/null 2>&1 ||
		out "exit-cost: destroy failed"
fi

# Every root CPU computes; the cell's CPU is not the root's.
pids=
for _ in $(seq "$(grep -c '^processor' /proc/cpuinfo)"); do
	(while :; do :; done) &
	pids="$pids $!"
done
window load
# shellcheck disable=SC2086 # one pid per word
kill $pids

jailhouse disable >/dev/null 2>&1 || out "disable failed"
