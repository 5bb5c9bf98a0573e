#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Guest half of tests/bench/x86-cells.sh, run as /init's only "scenario".
# Figures only, on lines starting with "BENCH: "; no PASS or FAIL.
#  - VM exits per second of the idle root cell by reason, over 5 s.
#  - VM exits of apic-demo's CPU by reason over bench_seconds=N (default
#    10) of steady state, per timer interrupt (10 Hz); its console is
#    COM2, which is passed through, so printing costs no exits.
#  - time from `jailhouse cell start` to tiny-demo's first line in the
#    hypervisor console (con-type=jailhouse), over 5 starts.
# On an Intel CPU (Bochs) it takes the Bochs configs (bochs-*.cell).
# stockade-timeout: 600

. /scenarios/lib.sh

sysfs=/sys/devices/jailhouse
demos=/usr/libexec/jailhouse/demos

out() {
	echo "BENCH: $*"
}

# The test machines: QEMU TCG with AMD SVM (qemu-x86.cell and the demo
# configs), or Bochs with Intel VT-x (bochs-*.cell).
intel() {
	grep -q '^flags.* vmx' /proc/cpuinfo
}
# Asked once, before enable: /proc/cpuinfo is Linux's view from boot.
if intel; then machine="Intel VT-x + EPT, Bochs"
else machine="AMD SVM + NPT, QEMU TCG"; fi
if intel; then root=bochs-x86 cells=bochs-; else root=qemu-x86 cells=; fi

secs=$(sed -n 's/.*bench_seconds=\([0-9][0-9]*\).*/\1/p' /proc/cmdline)
secs=${secs:-10}

# now_ms: uptime in milliseconds (the kernel gives 10 ms steps).
now_ms() {
	awk '{ printf "%d", $1 * 1000 }' /proc/uptime
}

insmod "$JAILHOUSE_KO"
if ! OUTPUT=$(jailhouse enable /etc/jailhouse/$root.cell 2>&1); then
	out "enable failed: $OUTPUT"
	exit 1
fi
out "Stockade x86 ($machine), $(grep -c '^processor' /proc/cpuinfo) CPUs"
out "$(jailhouse console | grep 'TSC: .* kHz, APIC timer' | tail -n 1)"

# The idle root cell's exits per second, by reason (u32 counters may wrap).
# Read with the shell's own `read`: every program started (cat, even a
# busybox applet) runs C library start-up code that executes CPUID some
# 33 times, each an exit, which would be most of what is measured.
root=$sysfs/cells/0/statistics
root_snapshot() {
	for f in "$root"/vmexits_*; do
		read -r v <"$f"
		echo "${f##*/vmexits_} $v"
	done
}
sleep 2
t0=$(now_ms)
root_snapshot >/tmp/root-before
sleep 5
root_snapshot >/tmp/root-after
t1=$(now_ms)
out "idle root cell over $((t1 - t0)) ms:"
awk -v ms=$((t1 - t0)) '
	NR == FNR { before[$1] = $2; next }
	{
		d = $2 - before[$1]
		if (d < 0)
			d += 4294967296
		if (d || $1 == "total")
			printf "BENCH: %-14s %8d %10.1f\n", $1, d, d * 1000 / ms
	}' /tmp/root-before /tmp/root-after |
	sed '1i BENCH: exit reason        count   per second'

# Exits per timer interrupt of apic-demo.
jailhouse cell create /etc/jailhouse/${cells}apic-demo.cell >/dev/null &&
jailhouse cell load apic-demo $demos/apic-demo.bin >/dev/null &&
jailhouse cell start apic-demo >/dev/null || { out "apic-demo did not start"; exit 1; }
stats=
for d in $sysfs/cells/*; do
	[ "$(cat "$d/name")" = apic-demo ] && stats=$d/statistics
done
snapshot() {
	for f in "$stats"/vmexits_*; do
		echo "${f##*/vmexits_} $(cat "$f")"
	done
}
# Past its start-up (calibration is skipped: the comm region has the
# frequencies) into the steady state.
sleep 3
t0=$(now_ms)
snapshot >/tmp/cells-before
sleep "$secs"
snapshot >/tmp/cells-after
t1=$(now_ms)
irqs=$(( (t1 - t0) / 100 ))
out "apic-demo steady state over $((t1 - t0)) ms: $irqs timer interrupts at 10 Hz"
awk -v irqs="$irqs" '
	NR == FNR { before[$1] = $2; next }
	{
		d = $2 - before[$1]
		if (d < 0)
			d += 4294967296
		if (d || $1 == "total")
			printf "BENCH: %-14s %8d %10.2f\n", $1, d, d / irqs
	}' /tmp/cells-before /tmp/cells-after |
	sed '1i BENCH: exit reason        count  per timer interrupt'
jailhouse cell destroy apic-demo >/dev/null

# Start latency: from before `cell start` until the hello is visible.
first_line() {
	awk '/Cell "tiny-demo" can be loaded/ { h = 0 }
		/Hello from this tiny cell/ { h = 1 } END { print h + 0 }' \
		$sysfs/console
}
lat=
cmd=
for run in 1 2 3 4 5; do
	jailhouse cell create /etc/jailhouse/${cells}tiny-demo.cell >/dev/null
	jailhouse cell load tiny-demo $demos/tiny-demo.bin \
		-s "con-type=jailhouse" -a 0x1000 >/dev/null
	a=$(now_ms)
	jailhouse cell start tiny-demo >/dev/null
	b=$(now_ms)
	while [ "$(first_line)" != 1 ]; do
		[ $(( $(now_ms) - a )) -gt 10000 ] && break
	done
	c=$(now_ms)
	cmd="$cmd $((b - a))"
	lat="$lat $((c - a))"
	jailhouse cell destroy tiny-demo >/dev/null
done
# What one look at the console costs: the resolution of the above.
a=$(now_ms)
for i in 1 2 3 4 5 6 7 8 9 10; do first_line >/dev/null; done
poll=$(( ($(now_ms) - a) / 10 ))
out "cell start command returned after (ms):$cmd"
out "cell start to first tiny-demo line (ms):$lat (one console poll: ~$poll ms; uptime steps: 10 ms)"

jailhouse disable >/dev/null 2>&1 || out "disable failed"
