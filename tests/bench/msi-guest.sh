#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Guest half of tests/bench/msi.sh, run as /init's only "scenario".
# Figures only, on lines starting with "BENCH: "; no PASS or FAIL. The
# e1000-demo cell takes the 82574L and raises N interrupts through its
# MSI-X vector 0 ("msix-bench=N"), each once the one before was handled;
# a run with N=0 gives the exits of everything else (start-up, device
# set-up, console lines), which are taken out. What remains per interrupt
# is the cell's cost of an MSI: the interrupt's own exit (the CPU leaves
# the cell for every physical interrupt; the hypervisor injects it) and
# the EOI's where the cell's APIC is emulated.
# stockade-timeout: 600

. /scenarios/lib.sh

sysfs=/sys/devices/jailhouse
demos=/usr/libexec/jailhouse/demos
n=$(sed -n 's/.*bench_count=\([0-9][0-9]*\).*/\1/p' /proc/cmdline)
n=${n:-500}
reasons="vmexits_total vmexits_msr_other vmexits_management vmexits_mmio"

out() {
	echo "BENCH: $*"
}

# stats: the e1000-demo cell's counters of $reasons, in that order.
stats() {
	for d in $sysfs/cells/*; do
		read -r name <"$d/name"
		[ "$name" = e1000-demo ] || continue
		for r in $reasons; do
			cat "$d/statistics/$r" 2>/dev/null || echo 0
		done
	done | tr '\n' ' '
}

# run COUNT: one cell life with COUNT interrupts; prints its counters.
run() {
	jailhouse cell create /etc/jailhouse/e1000-demo.cell >/dev/null &&
	jailhouse cell load e1000-demo $demos/e1000-demo.bin \
		-s "con-type=jailhouse msix-bench=$1" -a 0x1000 >/dev/null &&
	jailhouse cell start e1000-demo >/dev/null || return 1
	t=600
	until jailhouse console | grep -q "bench: $1 interrupts done"; do
		t=$((t - 1))
		[ $t -gt 0 ] || { out "no end of the run with $1"; break; }
		sleep 1
	done
	jailhouse console | grep "bench: $1 interrupts done" | tail -n 1 |
		sed 's/^/BENCH: /'
	stats
	jailhouse cell destroy e1000-demo >/dev/null
}

insmod "$JAILHOUSE_KO"
if ! OUTPUT=$(jailhouse enable /etc/jailhouse/qemu-x86-vtd.cell 2>&1); then
	out "enable failed: $OUTPUT"
	exit 1
fi
out "Stockade x86, QEMU TCG, VT-d, $n MSI-X interrupts"
base=$(run 0 | tail -n 1)
res=$(run "$n")
printf '%s\n' "$res" | grep '^BENCH: '
set -- $(printf '%s\n' "$res" | tail -n 1)
t=$1 m=$2 g=$3 o=$4
set -- $base
awk -v n="$n" -v t=$((t - $1)) -v m=$((m - $2)) -v g=$((g - $3)) \
	-v o=$((o - $4)) 'BEGIN { n = n ? n : 1
	printf "BENCH: exits per MSI-X interrupt in the cell: %.2f " \
		"(x2APIC MSR %.2f, management %.2f, MMIO %.2f, other %.2f)\n",
		t / n, m / n, g / n, o / n, (t - m - g - o) / n }'
jailhouse disable >/dev/null
