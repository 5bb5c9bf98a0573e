#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# tests/bench/latency.sh [x86] [arm64-gicv3] [arm64-gicv2]: `make
# bench-latency`. Interrupt latency in virtual time: QEMU's
# -icount shift=S,sleep=off makes every instruction take 2^S ns of guest
# time, so the same demo image (apic-demo on x86, gic-demo on arm64), run
# once bare in QEMU and once in a cell beside the root Linux, shows exactly
# what the hypervisor adds between the timer deadline and the handler
# (the demo's "jitter"). Figures only, no verdict.
#
# Per target: every tick's latency bare and in the cell, min/median/max,
# the median difference cell - bare in ns and in instructions, the cell
# CPU's exits per tick by reason; then the same cell with every root CPU
# busy. Under icount QEMU runs the vCPUs one after the other, so the
# loaded figures measure QEMU's round-robin as much as the hypervisor:
# only the idle ones describe the hypervisor's interrupt path.
#
# Environment: BENCH_TICKS (default 100), ICOUNT_SHIFT (default 4).
set -eu -o pipefail

top=$(cd "$(dirname "$0")/../.." && pwd)
ticks=${BENCH_TICKS:-100}
shift_n=${ICOUNT_SHIFT:-4}
icount="-icount shift=$shift_n,sleep=off"
logs=$top/build/logs/latency
B=$top/build/inmates-test
mkdir -p "$logs"
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(x86 arm64-gicv3 arm64-gicv2)

make -s -C "$top/tests/inmates" build >/dev/null

# Copy of an image with its command line at offset 0x1000, as
# `jailhouse cell load -s TEXT -a 0x1000` would put it.
with_cmdline() { # in out text
	cp "$1" "$2"
	printf '%s\0' "$3" | dd of="$2" bs=1 seek=4096 conv=notrunc status=none
}

# run_until LOG MARKER LIMIT -- qemu...: run QEMU until MARKER is in LOG.
run_until() {
	local log=$1 marker=$2 limit=$3 pid i
	shift 4
	rm -f "$log"
	timeout "$limit" "$@" -display none -monitor none -no-reboot \
		2>/dev/null &
	pid=$!
	for ((i = 0; i < limit * 10; i++)); do
		grep -qs -- "$marker" "$log" && break
		kill -0 "$pid" 2>/dev/null || break
		sleep 0.1
	done
	kill "$pid" 2>/dev/null || true
	wait "$pid" 2>/dev/null || true
}

bare_x86() { # log
	local x=$B/x86
	with_cmdline "$x/apic-demo.bin" "$x/lat.bin" "ticks=$ticks"
	# shellcheck disable=SC2086 # icount is two words
	run_until "$1" "Stopped APIC demo" 300 -- \
		qemu-system-x86_64 -machine q35 -accel tcg -cpu qemu64 -m 64 \
		-bios "$B/reset-shim.bin" $icount \
		-device loader,file="$x/lat.bin",addr=0,force-raw=on \
		-serial file:"$1"
}

bare_arm64() { # log gic-version
	local a=$B/arm64 base=0x40200000
	with_cmdline "$a/gic-demo.bin" "$a/lat.bin" "ticks=$ticks"
	# shellcheck disable=SC2086 # icount is two words
	run_until "$1" "Stopped GIC demo" 300 -- \
		qemu-system-aarch64 -machine "virt,gic-version=$2" \
		-cpu cortex-a57 -m 2G -nic none $icount \
		-device loader,file="$a/lat.bin",addr=$base,force-raw=on \
		-device loader,file="$a/comm-v$2.bin",addr=0x80000000,force-raw=on \
		-device loader,addr=$base,cpu-num=0 -serial file:"$1"
}

# cell_run SRCARCH GIC LOG: boot the root Linux under icount and run the
# guest half; the demo's output is in LOG (arm64) or LOG.com2 (x86).
cell_run() {
	local stage initrd=$top/build/initrd-latency-$1.gz
	stage=$("$top/ci/build-tree.sh" "$1" | tail -n 1)
	"$top/ci/initramfs.sh" -o "$initrd" "$1" "$stage" \
		"$top/tests/bench/latency-guest.sh" >/dev/null
	QEMU_GIC=$2 QEMU_TIMEOUT=${QEMU_TIMEOUT:-1800} QEMU_EXTRA="$icount" \
	QEMU_APPEND="bench_ticks=$ticks" \
		"$top/ci/run-qemu.sh" "$1" "$initrd" "$3" >/dev/null || true
}

# Latencies in ns of the Nth start of the demo in a log (N = 1, 2, ...),
# one per line; a start is the demo's first line.
latencies() { # log first-line n
	tr -d '\r' <"$1" | awk -v first="$2" -v n="$3" '
		index($0, first) { block++ }
		block == n && /Timer fired, jitter:/ {
			sub(/.*jitter: */, ""); sub(/ ns.*/, ""); print
		}'
}

# stats FILE: "count min median max" of the numbers in FILE.
stats() {
	sort -n "$1" | awk '{ v[NR] = $1 }
		END {
			if (!NR) { print "0 - - -"; exit }
			m = NR % 2 ? v[(NR + 1) / 2] : int((v[NR / 2] + v[NR / 2 + 1]) / 2)
			print NR, v[1], m, v[NR]
		}'
}

show_ticks() { # label file
	echo "  $1 per tick (ns):"
	fmt -w 76 <(tr '\n' ' ' <"$2") | sed 's/^/    /'
}

report() { # name bare-file cell-file load-file cell-log
	local b c l bm cm
	read -r -a b <<<"$(stats "$2")"
	read -r -a c <<<"$(stats "$3")"
	read -r -a l <<<"$(stats "$4")"
	echo "== $1 (icount shift=$shift_n: one instruction = $((1 << shift_n)) ns)"
	show_ticks bare "$2"
	show_ticks "cell, root idle" "$3"
	printf '  %-22s %5s %8s %8s %8s\n' "" ticks min median max
	printf '  %-22s %5s %8s %8s %8s\n' bare "${b[@]}"
	printf '  %-22s %5s %8s %8s %8s\n' "cell, root idle" "${c[@]}"
	printf '  %-22s %5s %8s %8s %8s\n' "cell, root loaded *" "${l[@]}"
	bm=${b[2]} cm=${c[2]}
	if [ "$bm" != - ] && [ "$cm" != - ]; then
		echo "  added by the hypervisor (median, root idle): $((cm - bm)) ns =" \
		     "$(((cm - bm) / (1 << shift_n))) instructions per interrupt"
	else
		echo "  added by the hypervisor: no figure (a run printed no ticks)"
	fi
	echo "  exits of the cell's CPU per tick, root idle:"
	tr -d '\r' <"$5" | awk '$1 == "BENCH:" && $2 == "idle" && $3 == "exits" {
		printf "    %-14s %8d %8s\n", $4, $5, $6 }'
	tr -d '\r' <"$5" | grep '^BENCH: .*\(failed\|did not start\)' || true
	echo "  * with every root CPU busy QEMU's icount runs the vCPUs in turn:"
	echo "    these figures show QEMU's round-robin, not the hypervisor."
}

for t in "${targets[@]}"; do
	case "$t" in
	x86)
		bare_x86 "$logs/x86-bare.log"
		cell_run x86 3 "$logs/x86-cell.log"
		demo_log=$logs/x86-cell.log.com2 first="APIC demo, console"
		bare_first="APIC demo, console" bare_log=$logs/x86-bare.log
		;;
	arm64-gicv3|arm64-gicv2)
		v=${t#arm64-gicv}
		bare_arm64 "$logs/$t-bare.log" "$v"
		cell_run arm64 "$v" "$logs/$t-cell.log"
		demo_log=$logs/$t-cell.log first="Initializing the GIC"
		bare_first=$first bare_log=$logs/$t-bare.log
		;;
	*)
		echo "latency: unknown target '$t' (x86, arm64-gicv3, arm64-gicv2)" >&2
		exit 2
		;;
	esac
	latencies "$bare_log" "$bare_first" 1 >"$logs/$t.bare"
	latencies "$demo_log" "$first" 1 >"$logs/$t.idle"
	latencies "$demo_log" "$first" 2 >"$logs/$t.load"
	report "$t" "$logs/$t.bare" "$logs/$t.idle" "$logs/$t.load" \
		"$logs/$t-cell.log"
done
