#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Guest half of tests/bench/x86-exits.sh, run as /init's only "scenario":
# enables the hypervisor, takes the page pool figures from its console and
# counts the VM exits of the idle root cell over a while (bench_seconds=N
# on the kernel command line, default 10). Figures only, on lines starting
# with "BENCH: "; no PASS or FAIL. On an Intel CPU (Bochs) it takes the
# Bochs system config.
# stockade-timeout: 600

. /scenarios/lib.sh

sysfs=/sys/devices/jailhouse
cfg=/etc/jailhouse/qemu-x86.cell
stats=$sysfs/cells/0/statistics

out() {
	echo "BENCH: $*"
}

# The test machines: QEMU TCG with AMD SVM, or Bochs with Intel VT-x.
intel() {
	grep -q '^flags.* vmx' /proc/cpuinfo
}
# Asked once, before enable: /proc/cpuinfo is Linux's view from boot.
if intel; then machine="Intel VT-x + EPT, Bochs"
else machine="AMD SVM + NPT, QEMU TCG"; fi

intel && cfg=/etc/jailhouse/bochs-x86.cell

secs=$(sed -n 's/.*bench_seconds=\([0-9][0-9]*\).*/\1/p' /proc/cmdline)
secs=${secs:-10}

insmod "$JAILHOUSE_KO"
if ! OUTPUT=$(jailhouse enable "$cfg" 2>&1); then
	out "enable failed: $OUTPUT"
	exit 1
fi

# Both lines are the hypervisor's own (hypervisor/setup.c).
ring=$(cat $sysfs/console)
early=$(echo "$ring" | sed -n 's/^Page pool usage after early setup: //p')
late=$(echo "$ring" | sed -n 's/^Page pool usage after late setup: //p')

# snapshot: "NAME COUNT" for the root cell's sums and each CPU's total.
# Reading them costs hypercall exits of its own, a fixed few per snapshot.
# They are read with the shell's own `read`: every program started (cat)
# runs C library start-up code that executes CPUID some 33 times, an exit
# each, which used to be most of the CPUID exits measured here.
snapshot() {
	read -r v <"$stats/vmexits_total"
	echo "total $v"
	for f in "$stats"/vmexits_*; do
		read -r v <"$f"
		[ "$f" = "$stats/vmexits_total" ] || echo "${f##*/vmexits_} $v"
	done
	for d in "$stats"/cpu*; do
		read -r v <"$d/vmexits_total"
		echo "${d##*/}:total $v"
	done
}

# Let the boot-time work settle before measuring an idle system.
sleep 2
t0=$(cut -d' ' -f1 /proc/uptime)
snapshot >/tmp/bench-before
sleep "$secs"
snapshot >/tmp/bench-after
t1=$(cut -d' ' -f1 /proc/uptime)

out "Stockade x86 ($machine), $(grep -c '^processor' /proc/cpuinfo) CPUs, idle root cell"
out "page pool after early setup: $early"
out "page pool after late setup:  $late"
out "measured over $(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", b - a }') s"
# The counters are u32 and may wrap between the snapshots.
awk -v a="$t0" -v b="$t1" '
	NR == FNR { before[$1] = $2; next }
	{
		d = $2 - before[$1]
		if (d < 0)
			d += 4294967296
		printf "BENCH: %-18s %10d %12.1f\n", $1, d, d / (b - a)
	}' /tmp/bench-before /tmp/bench-after |
	sed '1i BENCH: exit reason             count   per second'

jailhouse disable >/dev/null 2>&1 || out "disable failed"
