#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Guest half of tests/bench/ivshmem.sh, run as /init's only "scenario".
# Figures only, on lines starting with "BENCH: "; no PASS or FAIL.
#  - doorbell round trips root <-> ivshmem-demo cell (tools/ivshmem-demo
#    ping): VM exits of the root cell and of the cell per round trip, and
#    round trips per second;
#  - the same round trips by polling the shared memory only (no doorbell
#    either way: ivshmem-demo -p, inmate option "poll"), and the ratio of
#    the two times (TCG: only the ratio means something);
#  - ivshmem-net root <-> ivshmem-net-echo cell: `ping -A` (next request
#    as soon as the reply is in) at 56 and 1400 data bytes: round trips per
#    second, payload throughput, VM exits per round trip on both sides.
#  - doorbell round trips cell <-> cell (ivshmem-demo "ping-peer=2" against
#    ivshmem-demo-2 "answer-all"): exits per round trip of both cells,
#    the pinger's start-up taken out by a run with count=0.
# On ARM (arm64, ARMv7 QEMU virt) the same but ivshmem-net, which has no
# echo cell there; the root's device signals on INTx instead of MSI-X.
# The root's figures have its idle background (timer ticks, measured
# before, per ms) taken out; they still hold the start of one program
# (some 33 CPUID exits).
# stockade-timeout: 600

. /scenarios/lib.sh

sysfs=/sys/devices/jailhouse
demos=/usr/libexec/jailhouse/demos
mods=/lib/modules/$(uname -r)
n=$(sed -n 's/.*bench_count=\([0-9][0-9]*\).*/\1/p' /proc/cmdline)
n=${n:-500}

out() {
	echo "BENCH: $*"
}

now_ms() {
	awk '{ printf "%d", $1 * 1000 }' /proc/uptime
}

# total CELL: the cell's vmexits_total, read by the shell itself (a
# program would add its own start-up exits).
total() {
	for d in $sysfs/cells/*; do
		read -r name <"$d/name"
		[ "$name" = "$1" ] || continue
		read -r v <"$d/statistics/vmexits_total"
		echo "$v"
	done
}

# start CELL IMAGE [ARGS]: create, load (silent console: no printing
# exits), start.
start() {
	jailhouse cell create /etc/jailhouse/$1.cell >/dev/null &&
	jailhouse cell load $1 $demos/$2.bin -s "con-type=none $3" \
		-a 0x1000 >/dev/null &&
	jailhouse cell start $1 >/dev/null
}

# report WHAT COUNT MS ROOT-EXITS CELL-EXITS [BYTES-PER-TRIP]
report() {
	awk -v what="$1" -v n="$2" -v ms="$3" -v r="$4" -v c="$5" \
		-v b="${6:-0}" -v idle="$idle" 'BEGIN {
		ms = ms ? ms : 1
		r -= idle * ms
		printf "BENCH: %s: %d round trips in %d ms, %.0f/s", \
			what, n, ms, n * 1000 / ms
		if (b)
			printf ", %.2f Mbit/s each way", b * 8 * n / ms / 1000
		printf "; exits per round trip: root %.2f, cell %.2f\n", \
			r / n, c / n
	}'
}

case "$(uname -m)" in
aarch64) root_cfg=$ARM64_ROOT_CELL arch="arm64 ($ARM64_GIC)" ;;
armv7l) root_cfg=$ARM_ROOT_CELL arch=ARMv7 ;;
*) root_cfg=/etc/jailhouse/qemu-x86.cell arch=x86 ;;
esac

insmod "$JAILHOUSE_KO"
# uio_ivshmem before enable: on ARM the device appears at enable.
insmod "$(find "$mods" -name 'uio.ko*' | head -n 1)"
insmod "$(find "$mods" -name uio_ivshmem.ko | head -n 1)"
if ! OUTPUT=$(jailhouse enable "$root_cfg" 2>&1); then
	out "enable failed: $OUTPUT"
	exit 1
fi
root=$(cat $sysfs/cells/0/name)
out "Stockade $arch, QEMU TCG, $n round trips per figure"
sleep 1
r0=$(total "$root") t0=$(now_ms)
sleep 3
r1=$(total "$root") t1=$(now_ms)
idle=$(awk -v d=$((r1 - r0)) -v ms=$((t1 - t0)) \
	'BEGIN { printf "%.4f", d / (ms ? ms : 1) }')
out "idle root background: $idle exits per ms (subtracted below)"

# Doorbell round trips with the ivshmem-demo cell.
if start ivshmem-demo ivshmem-demo && ivshmem-demo -t 20 wait-state 1 1 \
	>/dev/null; then
	r0=$(total "$root") c0=$(total ivshmem-demo) t0=$(now_ms)
	ivshmem-demo -t 60 ping 1 "$n" | tail -n 1 | sed 's/^/BENCH: /'
	t1=$(now_ms) r1=$(total "$root") c1=$(total ivshmem-demo)
	report "doorbell root <-> cell" "$n" $((t1 - t0)) \
		$((r1 - r0)) $((c1 - c0))
	bell=$((t1 - t0))
	jailhouse cell destroy ivshmem-demo >/dev/null
else
	out "ivshmem-demo did not start"
fi

# The same by polling only.
if start ivshmem-demo ivshmem-demo poll && ivshmem-demo -t 20 wait-state \
	1 1 >/dev/null; then
	r0=$(total "$root") c0=$(total ivshmem-demo) t0=$(now_ms)
	ivshmem-demo -p -t 60 ping 1 "$n" | tail -n 1 | sed 's/^/BENCH: /'
	t1=$(now_ms) r1=$(total "$root") c1=$(total ivshmem-demo)
	report "flag poll root <-> cell" "$n" $((t1 - t0)) \
		$((r1 - r0)) $((c1 - c0))
	awk -v b="${bell:-0}" -v p=$((t1 - t0)) 'BEGIN {
		printf "BENCH: doorbell / flag poll round trip time: %.2f\n", \
			b / (p ? p : 1) }'
	jailhouse cell destroy ivshmem-demo >/dev/null
else
	out "ivshmem-demo (poll) did not start"
fi

# Cell <-> cell: exits of the pinger (less its start-up) and the answerer.
# cell_run COUNT: starts the pinger, waits for its state 2, prints
# "PINGER-EXITS ANSWERER-EXITS" and destroys it.
cell_run() {
	a0=$(total ivshmem-demo-2)
	start ivshmem-demo ivshmem-demo "ping-peer=2 count=$1" &&
		ivshmem-demo -t 120 wait-state 1 2 >/dev/null ||
		out "pinger did not finish"
	echo "$(total ivshmem-demo) $(( $(total ivshmem-demo-2) - a0 ))"
	jailhouse cell destroy ivshmem-demo >/dev/null
}
if start ivshmem-demo-2 ivshmem-demo answer-all &&
	ivshmem-demo -t 20 wait-state 2 1 >/dev/null; then
	set -- $(cell_run 0)
	p0=$1 a0=$2
	set -- $(cell_run "$n")
	awk -v n="$n" -v p=$(($1 - p0)) -v a=$(($2 - a0)) 'BEGIN {
		printf "BENCH: doorbell cell <-> cell: %d round trips; " \
			"exits per round trip: pinger %.2f, answerer %.2f\n", \
			n, p / n, a / n }'
	jailhouse cell destroy ivshmem-demo-2 >/dev/null
else
	out "ivshmem-demo-2 did not start"
fi

# ivshmem-net with the echo cell (x86 only).
if [ "$arch" != x86 ]; then
	jailhouse disable >/dev/null
	exit 0
fi
insmod "$(find "$mods" -name ivshmem-net.ko | head -n 1)"
ifc=$(ls /sys/bus/pci/devices/0000:00:0f.0/net 2>/dev/null | head -n 1)
ip addr add 10.16.0.1/24 dev "$ifc"
ip link set "$ifc" up
if ! start ivshmem-net-echo ivshmem-net-echo; then
	out "ivshmem-net-echo did not start"
	exit 1
fi
ping -c 3 -w 20 10.16.0.2 >/dev/null || out "no ping reply"
for size in 56 1400; do
	r0=$(total "$root") c0=$(total ivshmem-net-echo) t0=$(now_ms)
	got=$(ping -A -q -c "$n" -s $size -w 120 10.16.0.2 |
		sed -n 's/.* \([0-9]*\) packets received.*/\1/p')
	t1=$(now_ms) r1=$(total "$root") c1=$(total ivshmem-net-echo)
	# Frame bytes: data + ICMP 8 + IP 20 + Ethernet 14.
	report "ivshmem-net ping -s $size (${got:-0} of $n answered)" \
		"$n" $((t1 - t0)) $((r1 - r0)) $((c1 - c0)) $((size + 42))
done
jailhouse cell destroy ivshmem-net-echo >/dev/null
jailhouse disable >/dev/null
