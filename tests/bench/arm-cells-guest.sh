#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Guest half of tests/bench/arm-cells.sh, run as /init's only "scenario",
# on arm64 and ARMv7 alike.
# Figures only, on lines starting with "BENCH: "; no PASS or FAIL.
#  - VM exits of gic-demo's CPU by reason over bench_seconds=N (default
#    10) of steady state, per timer interrupt (10 Hz), next to the exit
#    rate of the root cell in the same window. gic-demo prints each tick
#    on the PL011 it shares with Linux, mapped straight into the cell, so
#    printing costs no exits; the window is framed by "BENCH-WINDOW:"
#    lines so that the host can count those ticks in the console log.
#    Nothing else is printed while gic-demo writes to the UART. Where the
#    cell's UART is a trapped sub-page region (the Banana Pi), gic-demo
#    runs silent (con-type=none), so that the figures show its timer
#    path alone.
#  - time from `jailhouse cell start` to gic-demo's first line in the
#    hypervisor console (con-type=jailhouse), over 5 starts.
# stockade-timeout: 1800

# shellcheck source=/dev/null # the initramfs copy of tests/scenarios/lib.sh
. /scenarios/lib.sh

sysfs=/sys/devices/jailhouse
demos=/usr/libexec/jailhouse/demos

out() {
	echo "BENCH: $*"
}

secs=$(sed -n 's/.*bench_seconds=\([0-9][0-9]*\).*/\1/p' /proc/cmdline)
secs=${secs:-10}

# now_ms: uptime in milliseconds (the kernel gives 10 ms steps).
now_ms() {
	awk '{ printf "%d", $1 * 1000 }' /proc/uptime
}

# The machine decides the configs, as in the scenarios (lib.sh).
demo_args=
case "$(uname -m)" in
armv7*)
	gic=GICv2
	rootcfg=$ARM_ROOT_CELL
	cellcfg=${ARM_CELLS}gic-demo.cell
	what="ARMv7 ($(tr -d '\0' </proc/device-tree/model), QEMU TCG)"
	[ "$ARM_CELLS" = /etc/jailhouse/ ] || demo_args="-s con-type=none -a 0x1000"
	;;
*)
	gic=$ARM64_GIC
	rootcfg=$ARM64_ROOT_CELL
	cellcfg=/etc/jailhouse/gic-demo.cell
	what="arm64 ($gic, QEMU TCG cortex-a57)"
	;;
esac
root=$(basename "$rootcfg" .cell)

insmod "$JAILHOUSE_KO"
if ! OUTPUT=$(jailhouse enable "$rootcfg" 2>&1); then
	out "enable failed: $(printf '%s\n' "$OUTPUT" | head -n 1)"
	exit 1
fi
out "Stockade $what, $(grep -c '^processor' /proc/cpuinfo) CPUs, root config $root.cell"

if ! OUTPUT=$(jailhouse cell create "$cellcfg" 2>&1); then
	out "cells could not be created on $gic, no cell figures: $(printf '%s\n' "$OUTPUT" | head -n 1)"
	jailhouse disable >/dev/null 2>&1 || out "disable failed"
	exit 1
fi
# Without con-type gic-demo uses the PL011 of its config, without exits.
# shellcheck disable=SC2086 # demo_args are separate words
if ! jailhouse cell load gic-demo $demos/gic-demo.bin $demo_args >/dev/null ||
   ! jailhouse cell start gic-demo >/dev/null; then
	out "gic-demo did not start"
	jailhouse cell destroy gic-demo >/dev/null 2>&1
	jailhouse disable >/dev/null 2>&1
	exit 1
fi

cell=
for d in "$sysfs"/cells/*; do
	[ "$(cat "$d/name")" = gic-demo ] && cell=$d/statistics
done
rootstats=$sysfs/cells/0/statistics

# counters WHO DIR: "WHO reason value" for each counter in DIR, read by
# one process so that the counters of a cell are read close together.
counters() {
	grep -H . "$2"/vmexits_* |
		sed "s|^.*/vmexits_\([a-z0-9_]*\):|$1 \1 |"
}

# Past its start-up into the steady state.
sleep 3
counters root "$rootstats" >/tmp/cells-before
t0=$(now_ms)
counters cell "$cell" >>/tmp/cells-before
echo "BENCH-WINDOW: begin"
sleep "$secs"
echo "BENCH-WINDOW: end"
counters cell "$cell" >/tmp/cells-after
t1=$(now_ms)
counters root "$rootstats" >>/tmp/cells-after
# What one reading of both cells' counters costs the root cell.
{
	counters cell "$cell"
	counters root "$rootstats"
} >/tmp/cells-again
jailhouse cell destroy gic-demo >/dev/null || out "destroy of gic-demo failed"

# From here on the UART is ours alone again.
ms=$((t1 - t0))
irqs=$(((ms + 50) / 100))
out "gic-demo steady state over $ms ms: $irqs timer interrupts at 10 Hz"
awk -v irqs="$irqs" -v ms="$ms" '
	function delta(a, b) {
		return b >= a ? b - a : b - a + 4294967296
	}
	NR == FNR { before[$1 " " $2] = $3; next }
	{
		after[$1 " " $2] = $3
		if ($1 == "cell")
			order[++n] = $2
	}
	END {
		printf "BENCH: %-12s %8s %10s %10s %10s\n", "exit reason",
		       "gic-demo", "per tick", "root cell", "root per s"
		for (i = 1; i <= n; i++) {
			r = order[i]
			c = delta(before["cell " r], after["cell " r])
			o = delta(before["root " r], after["root " r])
			if (c || o || r == "total" || r == "maintenance")
				printf "BENCH: %-12s %8d %10.2f %10d %10.1f\n",
				       r, c, irqs ? c / irqs : 0, o,
				       o * 1000 / ms
		}
	}' /tmp/cells-before /tmp/cells-after
n=$(awk '$1 == "root" && $2 == "hypercall" { print $3 }' /tmp/cells-after)
m=$(awk '$1 == "root" && $2 == "hypercall" { print $3 }' /tmp/cells-again)
out "reading both cells' counters costs the root cell $((m - n)) hypercall exits (about one such read is in the root figures)"

# Start latency: from before `cell start` until the first line is
# visible in the hypervisor console.
first_line() {
	awk '/Cell "gic-demo" can be loaded/ { h = 0 }
		/Initializing the GIC/ { h = 1 } END { print h + 0 }' \
		$sysfs/console
}
lat=
cmd=
for run in 1 2 3 4 5; do
	if ! jailhouse cell create "$cellcfg" >/dev/null; then
		out "run $run: cell create failed"
		break
	fi
	jailhouse cell load gic-demo $demos/gic-demo.bin \
		-s "con-type=jailhouse" -a 0x1000 >/dev/null
	a=$(now_ms)
	jailhouse cell start gic-demo >/dev/null
	b=$(now_ms)
	while [ "$(first_line)" != 1 ]; do
		[ $(($(now_ms) - a)) -gt 10000 ] && break
	done
	c=$(now_ms)
	cmd="$cmd $((b - a))"
	lat="$lat $((c - a))"
	jailhouse cell destroy gic-demo >/dev/null
done
# What one look at the console costs: the resolution of the above.
a=$(now_ms)
for _ in 1 2 3 4 5 6 7 8 9 10; do first_line >/dev/null; done
poll=$((($(now_ms) - a) / 10))
out "cell start command returned after (ms):$cmd"
out "cell start to first gic-demo line (ms):$lat (one console poll: ~$poll ms; uptime steps: 10 ms)"

jailhouse disable >/dev/null 2>&1 || out "disable failed"
