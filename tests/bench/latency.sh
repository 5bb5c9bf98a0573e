#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# tests/bench/latency.sh [x86] [arm64-gicv3] [arm64-gicv2] [armv7]: `make
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
# only the idle ones describe the hypervisor's interrupt path. Then the
# cost of one exit by kind (MMIO, EOI, hypercall, SGI/IPI) from the
# exit-cost demo, bare and in the same cell (not on ARMv7 yet).
# Documentation/latency.md explains the method and holds the figures.
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
[ ${#targets[@]} -gt 0 ] || targets=(x86 arm64-gicv3 arm64-gicv2 armv7)

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

# bare_x86 LOG [IMAGE TEXT MARKER]: apic-demo, or IMAGE with command
# line TEXT until MARKER.
bare_x86() {
	local x=$B/x86
	with_cmdline "$x/${2:-apic-demo}.bin" "$x/lat.bin" "${3:-ticks=$ticks}"
	# shellcheck disable=SC2086 # icount is two words
	run_until "$1" "${4:-Stopped APIC demo}" 300 -- \
		qemu-system-x86_64 -machine q35 -accel tcg -cpu qemu64 -m 64 \
		-bios "$B/reset-shim.bin" $icount \
		-device loader,file="$x/lat.bin",addr=0,force-raw=on \
		-serial file:"$1"
}

# bare_arm64 LOG GIC-VERSION [IMAGE TEXT MARKER]: gic-demo, or IMAGE
# with command line TEXT until MARKER.
bare_arm64() {
	local a=$B/arm64 base=0x40200000
	with_cmdline "$a/${3:-gic-demo}.bin" "$a/lat.bin" "${4:-ticks=$ticks}"
	# The comm region tells the demo where the UART and the GIC are.
	if [ "$2" = 3 ]; then
		"$B/mkcomm-arm64" "$a/comm-v3.bin" 3 0x09000000 5 3 \
			0x08000000 0 0x080a0000
	else
		"$B/mkcomm-arm64" "$a/comm-v2.bin" 3 0x09000000 5 2 \
			0x08000000 0x08010000 0
	fi
	# shellcheck disable=SC2086 # icount is two words
	run_until "$1" "${5:-Stopped GIC demo}" 300 -- \
		qemu-system-aarch64 -machine "virt,gic-version=$2" \
		-cpu cortex-a57 -m 2G -nic none $icount \
		-device loader,file="$a/lat.bin",addr=$base,force-raw=on \
		-device loader,file="$a/comm-v$2.bin",addr=0x80000000,force-raw=on \
		-device loader,addr=$base,cpu-num=0 -serial file:"$1"
}

# bare_armv7 LOG: the ARMv7 build of gic-demo on QEMU virt (Cortex-A15,
# GICv2), GIC and console from its command line.
bare_armv7() {
	local r=$B/arm
	with_cmdline "$r/gic-demo.bin" "$r/lat.bin" "ticks=$ticks gic=2 \
gicd-base=0x08000000 gicc-base=0x08010000 con-type=PL011 con-base=0x09000000"
	# shellcheck disable=SC2086 # icount is two words
	run_until "$1" "Stopped GIC demo" 300 -- \
		qemu-system-arm -machine virt -cpu cortex-a15 -m 2G -nic none \
		$icount -device loader,file="$r/lat.bin",addr=0x40200000,force-raw=on \
		-device loader,addr=0x40200000,cpu-num=0 -serial file:"$1"
}

# cell_run SRCARCH GIC LOG: boot the root Linux under icount and run the
# guest half; the demo's output is in LOG (arm64) or LOG.com2 (x86).
cell_run() {
	local stage initrd=$top/build/initrd-latency-$1.gz
	stage=$("$top/ci/build-tree.sh" "$1" | tail -n 1)
	"$top/ci/initramfs.sh" -o "$initrd" "$1" "$stage" \
		"$top/tests/bench/latency-guest.sh" >/dev/null
	# Under icount the ARMv7 kernel takes minutes to reach /init.
	QEMU_GIC=$2 QEMU_TIMEOUT=${QEMU_TIMEOUT:-1800} QEMU_EXTRA="$icount" \
	QEMU_BOOT_LIMIT=${QEMU_BOOT_LIMIT:-900} \
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

# exit_costs BARE-LOG CELL-LOG TARGET: exit-cost's batches ("Exit cost: KIND
# OPS ops NS ns"), per operation less the loop's own "base" one, in
# instructions, bare and in the cell; the difference is the hypervisor's.
exit_costs() {
	echo "  cost of one operation by exit kind, in instructions (root idle):"
	if ! grep -qs "Exit cost: base" "$2"; then
		echo "    no figures: exit-cost printed nothing in the cell"
		return
	fi
	tr -d '\r' <"$1" >"$logs/exit-cost.bare"
	tr -d '\r' <"$2" >"$logs/exit-cost.cell"
	awk -v ins=$((1 << shift_n)) '
		{ f = FILENAME == ARGV[1] ? 1 : 2 }
		/Exit cost: [a-z-]+ [0-9]+ ops [0-9]+ ns/ {
			sub(/.*Exit cost: /, "")
			v[f, $1] = $4 / $2 / ins
			if (f == 2 && $1 != "base")
				kinds[++n] = $1
		}
		END {
			printf "    %-10s %8s %8s %8s\n", "", "bare", "cell", "added"
			for (i = 1; i <= n; i++) {
				k = kinds[i]
				c = v[2, k] - v[2, "base"]
				if ((1, k) in v) {
					b = v[1, k] - v[1, "base"]
					printf "    %-10s %8.1f %8.1f %8.1f\n", k, b, c, c - b
				} else {
					printf "    %-10s %8s %8.1f %8.1f  (no bare figure)\n", \
					       k, "-", c, c
				}
			}
		}' "$logs/exit-cost.bare" "$logs/exit-cost.cell"
	case "$3" in
	x86)
		echo "    (apic-read: xAPIC version register; eoi: xAPIC EOI;"
		echo "    hypercall: HYPERVISOR_GET_INFO, not possible bare; ipi: to"
		echo "    the CPU itself until its handler ran, four xAPIC accesses)"
		;;
	*)
		echo "    (mmio: a GICD_TYPER read; hypercall: HYPERVISOR_GET_INFO,"
		echo "    not possible bare; sgi: to the CPU itself until its handler"
		echo "    ran; EOI: no exit, the HW bit deactivates)"
		;;
	esac
	echo "    management: no figure; only the root's cell management kicks"
	echo "    a cell's CPU, which a cell cannot time from inside"
}

for t in "${targets[@]}"; do
	case "$t" in
	x86)
		bare_x86 "$logs/x86-bare.log"
		bare_x86 "$logs/x86-exit-bare.log" exit-cost bare \
			"Stopped exit-cost demo"
		cell_run x86 3 "$logs/x86-cell.log"
		demo_log=$logs/x86-cell.log.com2 first="APIC demo, console"
		bare_first="APIC demo, console" bare_log=$logs/x86-bare.log
		;;
	arm64-gicv3|arm64-gicv2)
		v=${t#arm64-gicv}
		bare_arm64 "$logs/$t-bare.log" "$v"
		bare_arm64 "$logs/$t-exit-bare.log" "$v" exit-cost bare \
			"Stopped exit-cost demo"
		cell_run arm64 "$v" "$logs/$t-cell.log"
		demo_log=$logs/$t-cell.log first="Initializing the GIC"
		bare_first=$first bare_log=$logs/$t-bare.log
		;;
	armv7)
		# Figures only where the ARMv7 gic-demo and its cell exist.
		if [ ! -e "$B/arm/gic-demo.bin" ] ||
		   [ ! -e "$top/configs/arm/gic-demo.c" ]; then
			echo "== armv7: SKIP, no ARMv7 gic-demo image or cell config in this tree"
			continue
		fi
		bare_armv7 "$logs/armv7-bare.log"
		cell_run arm 2 "$logs/armv7-cell.log"
		demo_log=$logs/armv7-cell.log first="Initializing the GIC"
		bare_first=$first bare_log=$logs/armv7-bare.log
		;;
	*)
		echo "latency: unknown target '$t' (x86, arm64-gicv3, arm64-gicv2, armv7)" >&2
		exit 2
		;;
	esac
	latencies "$bare_log" "$bare_first" 1 >"$logs/$t.bare"
	latencies "$demo_log" "$first" 1 >"$logs/$t.idle"
	latencies "$demo_log" "$first" 2 >"$logs/$t.load"
	report "$t" "$logs/$t.bare" "$logs/$t.idle" "$logs/$t.load" \
		"$logs/$t-cell.log"
	if [ "$t" = armv7 ]; then
		echo "  cost of one exit by kind: SKIP on ARMv7, no exit-cost demo" \
		     "build for it yet"
	else
		exit_costs "$logs/$t-exit-bare.log" "$demo_log" "$t"
	fi
done
