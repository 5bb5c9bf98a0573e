#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Guest half of tests/bench/freertos.sh (make bench-freertos), run as
# /init's only "scenario" on the emulated Banana Pi: the seeds' temporal
# isolation experiment. Figures only, on lines starting with "BENCH: ";
# no PASS or FAIL.
#  1. stress-ng in the root cell, hypervisor enabled, no other cell: its
#     bogo-ops per second.
#  2. The FreeRTOS cell on CPU 3 (printing through the hypervisor
#     console), the root idle: the 1 kHz task's jitter lines.
#  3. The same stress-ng again beside the running cell: its bogo-ops
#     rates, and the jitter lines meanwhile.
# The seeds ran `stress-ng --cpu 8 --io 4 --vm 2 --vm-bytes 128M --fork 4`
# on a real board; here every count is halved and the memory quartered
# for a TCG-emulated machine, with a fixed duration (bench_seconds=N,
# default 20).
# stockade-timeout: 1800

# shellcheck source=/dev/null # the initramfs copy of tests/scenarios/lib.sh
. /scenarios/lib.sh

out() {
	echo "BENCH: $*"
}

secs=$(sed -n 's/.*bench_seconds=\([0-9][0-9]*\).*/\1/p' /proc/cmdline)
secs=${secs:-20}
img=/usr/libexec/jailhouse/demos/freertos-demo.bin
cfg=/etc/jailhouse/bananapi-m2-ultra-freertos-demo.cell
log=/tmp/console.log

# stress LABEL: one stress-ng run; its per-stressor rates and their sum.
stress() {
	stress-ng --cpu 4 --io 2 --vm 1 --vm-bytes 32M --fork 2 \
		--timeout "${secs}s" --metrics-brief >/tmp/stress.out 2>&1
	awk -v label="$1" '{
		for (i = 1; i < NF; i++)
			if ($i ~ /^(cpu|io|vm|fork)$/ && $(i + 1) ~ /^[0-9]+$/) {
				printf "BENCH: bogo %s %s %s\n", label, $i, $(i + 5)
				sum += $(i + 5); n++
			}
	} END { if (n) printf "BENCH: bogo %s total %.2f\n", label, sum }' \
		/tmp/stress.out
	grep -q "bogo" /tmp/stress.out ||
		out "stress-ng failed: $(head -n 3 /tmp/stress.out | tr '\n' '|')"
	# Its own complaints (a stressor that could not run), for the log.
	grep -E "(fail|error|warn|skipped|killed)" /tmp/stress.out |
		sed 's/^/stress-ng said: /'
	return 0
}

# jitter LABEL FROM: max of the jitter lines' max after line FROM of $log.
jitter() {
	tail -n +"$(($2 + 1))" "$log" | tr -d '\r' | awk -v label="$1" '
		/^Jitter \(1 kHz task, 1000 releases\)/ {
			gsub(/,/, ""); n++
			if ($14 + 0 > max) max = $14 + 0
			avg += $11
		} END {
			if (n) printf "BENCH: jitter %s lines %d max_ns %d avg_ns %d\n",
				label, n, max, avg / n
			else printf "BENCH: jitter %s lines 0\n", label
		}'
}

if [ ! -f "$img" ]; then
	out "no FreeRTOS image: built without FREERTOS_KERNEL"
	exit 0
fi
command -v stress-ng >/dev/null || { out "no stress-ng in the image"; exit 0; }
insmod "$JAILHOUSE_KO"
jailhouse enable "$ARM_ROOT_CELL" || { out "enable failed"; exit 0; }

out "root CPUs without the cell: $(grep -c ^processor /proc/cpuinfo)"
stress without

if ! { jailhouse cell create "$cfg" &&
	jailhouse cell load freertos-demo "$img" -s "con-type=jailhouse" \
		-a 0x1000 &&
	jailhouse cell start freertos-demo; }; then
	out "cell failed"
	exit 0
fi
jailhouse console -f >"$log" 2>&1 &
follower=$!
# Past the start-up lines and the first report, which includes them.
sleep 4
idle_from=$(wc -l <"$log")
sleep "$secs"
jitter idle "$idle_from"

out "root CPUs beside the cell: $(grep -c ^processor /proc/cpuinfo)"
load_from=$(wc -l <"$log")
stress with
jitter loaded "$load_from"
out "cell state after the load: $(cell_state freertos-demo)"

kill "$follower"
jailhouse cell shutdown freertos-demo
jailhouse cell destroy freertos-demo
jailhouse disable
out "done"
