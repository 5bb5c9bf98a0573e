#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# tests/bench/latency.sh [x86] [arm64-gicv3] [arm64-gicv2] [armv7]
# [freertos]: `make bench-latency`. Interrupt latency in virtual time:
# QEMU's -icount shift=S,sleep=off makes every instruction take 2^S ns of
# guest time, so the same demo image (apic-demo on x86, gic-demo on arm64
# and ARMv7), run once bare in QEMU and once in a cell beside the root
# Linux, shows exactly what the hypervisor adds between the timer deadline
# and the handler (the demo's "jitter"). Figures only, no verdict.
#
# Per target: every tick's latency bare and in the cell, min/median/max,
# the median difference cell - bare in ns and in instructions, the cell
# CPU's exits per tick by reason; then the same cell with every root CPU
# busy. Under icount QEMU runs the vCPUs one after the other, so the
# loaded figures measure QEMU's round-robin as much as the hypervisor:
# only the idle ones describe the hypervisor's interrupt path. Then the
# cost of one exit by kind (MMIO, EOI, hypercall with three dispatches,
# SGI/IPI) from the exit-cost demo, bare and in the same cell.
# No x2APIC row: a cell in x2APIC mode reads the timer's current count
# MSR natively, on which QEMU 10 aborts under icount ("Bad icount read");
# `make bench-cells` counts its exits per tick without icount instead.
# freertos: the FreeRTOS cell's 1 kHz task on arm64 GICv3, its release
# jitter per 1000 releases bare and in a cell (needs FREERTOS_KERNEL, a
# FreeRTOS-Kernel checkout; without it one SKIP line).
# Documentation/latency.md explains the method and holds the figures.
#
# Environment: BENCH_TICKS (default 100), ICOUNT_SHIFT (default 4),
# FREERTOS_KERNEL, BENCH_FREERTOS_SECONDS (default 5: reports per window).
set -eu -o pipefail

top=$(cd "$(dirname "$0")/../.." && pwd)
ticks=${BENCH_TICKS:-100}
shift_n=${ICOUNT_SHIFT:-4}
icount="-icount shift=$shift_n,sleep=off"
logs=$top/build/logs/latency
B=$top/build/inmates-test
mkdir -p "$logs"
targets=("$@")
[ ${#targets[@]} -gt 0 ] ||
	targets=(x86 arm64-gicv3 arm64-gicv2 armv7 freertos)
# The Makefiles want it absolute; the top one does that, a direct call not.
if [ -n "${FREERTOS_KERNEL:-}" ]; then
	FREERTOS_KERNEL=$(cd "$FREERTOS_KERNEL" && pwd)
	export FREERTOS_KERNEL
fi

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

# bare_arm64 LOG GIC-VERSION [IMAGE TEXT MARKER]: gic-demo, or the image
# file IMAGE with command line TEXT until MARKER.
bare_arm64() {
	local a=$B/arm64 base=0x40200000
	with_cmdline "${3:-$a/gic-demo.bin}" "$a/lat.bin" "${4:-ticks=$ticks}"
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

# bare_armv7 LOG [IMAGE TEXT MARKER]: the ARMv7 build of gic-demo, or
# IMAGE with the extra command line TEXT until MARKER, on QEMU virt
# (Cortex-A15, GICv2), GIC and console from its command line.
bare_armv7() {
	local r=$B/arm
	with_cmdline "$r/${2:-gic-demo}.bin" "$r/lat.bin" "${3:-ticks=$ticks} \
gic=2 gicd-base=0x08000000 gicc-base=0x08010000 con-type=PL011 \
con-base=0x09000000"
	# shellcheck disable=SC2086 # icount is two words
	run_until "$1" "${4:-Stopped GIC demo}" 300 -- \
		qemu-system-arm -machine virt -cpu cortex-a15 -m 2G -nic none \
		$icount -device loader,file="$r/lat.bin",addr=0x40200000,force-raw=on \
		-device loader,addr=0x40200000,cpu-num=0 -serial file:"$1"
}

# cell_run SRCARCH GIC LOG [APPEND]: boot the root Linux under icount and
# run the guest half, APPEND added to the kernel command line; the demo's
# output is in LOG (arm64) or LOG.com2 (x86).
cell_run() {
	local stage initrd=$top/build/initrd-latency-$1.gz
	stage=$("$top/ci/build-tree.sh" "$1" | tail -n 1)
	"$top/ci/initramfs.sh" -o "$initrd" "$1" "$stage" \
		"$top/tests/bench/latency-guest.sh" >/dev/null
	# Under icount the ARMv7 kernel takes minutes to reach /init.
	QEMU_GIC=$2 QEMU_TIMEOUT=${QEMU_TIMEOUT:-1800} QEMU_EXTRA="$icount" \
	QEMU_BOOT_LIMIT=${QEMU_BOOT_LIMIT:-900} \
	QEMU_APPEND="bench_ticks=$ticks${4:+ $4}" \
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
	tr -d '\r' <"$1" >"$logs/$3.exit-bare"
	tr -d '\r' <"$2" >"$logs/$3.exit-cell"
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
		}' "$logs/$3.exit-bare" "$logs/$3.exit-cell"
	case "$3" in
	x86)
		echo "    (apic-read: APIC version register; eoi: EOI; in the cell"
		echo "    through the x2APIC MSRs, emulated over the xAPIC on this"
		echo "    CPU model; bare through the xAPIC page; hypercall:"
		echo "    HYPERVISOR_GET_INFO, not possible bare; ipi: to the CPU"
		echo "    itself until its handler ran)"
		;;
	*)
		echo "    (mmio: a GICD_TYPER read; hypercall: HYPERVISOR_GET_INFO,"
		echo "    not possible bare; sgi: to the CPU itself until its handler"
		echo "    ran; EOI: no exit, the HW bit deactivates)"
		;;
	esac
	echo "    (hc-nosys: an unknown hypercall code, the shortest dispatch;"
	echo "    hc-cpustat: CPU_GET_INFO of one of the cell's own counters,"
	echo "    the longest read-only one: three paths, three figures)"
	echo "    management: no figure; only the root's cell management kicks"
	echo "    a cell's CPU, which a cell cannot time from inside"
}

# FreeRTOS's 1 kHz task reports its release jitter (timer interrupt
# latency plus the scheduler's switch to it) as min/avg/max per 1000
# releases: "Jitter (1 kHz task, 1000 releases): min A ns, avg B ns, max
# C ns". freertos_windows LOG N: "A B C" per report of the Nth start.
freertos_windows() {
	tr -d '\r' <"$1" | awk -v n="$2" '
		index($0, "FreeRTOS V") && index($0, " on Stockade") { block++ }
		block == n && /Jitter \(1 kHz task, 1000 releases\)/ {
			sub(/.*Jitter /, ""); gsub(/,/, "")
			print $7, $10, $13
		}'
}

# freertos_stats FILE: "reports min-of-min median-of-avg max-of-max".
freertos_stats() {
	local n lo hi s
	if [ ! -s "$1" ]; then
		echo "0 - - -"
		return
	fi
	n=$(wc -l <"$1")
	lo=$(cut -d" " -f1 "$1" | sort -n | head -n 1)
	hi=$(cut -d" " -f3 "$1" | sort -n | tail -n 1)
	cut -d" " -f2 "$1" >"$1.avg"
	read -r -a s <<<"$(stats "$1.avg")"
	echo "$n $lo ${s[2]} $hi"
}

freertos_report() { # bare cell-idle cell-load cell-log
	local label f b c l
	echo "== freertos (arm64 GICv3, FreeRTOS $(freertos_version)," \
	     "1 kHz tick; icount shift=$shift_n: one instruction =" \
	     "$((1 << shift_n)) ns)"
	echo "  release jitter of the 1 kHz task per 1000 releases (ns):"
	for label in bare "cell, root idle"; do
		case "$label" in
		bare) f=$1 ;; *) f=$2 ;;
		esac
		echo "    $label (min avg max per report):"
		sed 's/^/      /' "$f"
	done
	read -r -a b <<<"$(freertos_stats "$1")"
	read -r -a c <<<"$(freertos_stats "$2")"
	read -r -a l <<<"$(freertos_stats "$3")"
	printf '  %-22s %7s %8s %10s %8s\n' "" reports min "avg (med)" max
	printf '  %-22s %7s %8s %10s %8s\n' bare "${b[@]}"
	printf '  %-22s %7s %8s %10s %8s\n' "cell, root idle" "${c[@]}"
	printf '  %-22s %7s %8s %10s %8s\n' "cell, root loaded *" "${l[@]}"
	if [ "${b[1]}" != - ] && [ "${c[1]}" != - ]; then
		echo "  added by the hypervisor (min, root idle):" \
		     "$((c[1] - b[1])) ns = $(((c[1] - b[1]) / (1 << shift_n)))" \
		     "instructions per tick"
	else
		echo "  added by the hypervisor: no figure (a run printed no reports)"
	fi
	echo "  exits of the cell's CPU per tick, root idle:"
	tr -d '\r' <"$4" | awk '$1 == "BENCH:" && $2 == "idle" && $3 == "exits" {
		printf "    %-14s %8d %8s\n", $4, $5, $6 }'
	tr -d '\r' <"$4" | grep '^BENCH: .*\(failed\|did not start\)' || true
	echo "  (min: the tick's interrupt path and the switch to the task with"
	echo "  nothing else in the way, the same in every run. avg and max also"
	echo "  hold the other tasks' critical sections and, in the cell, ticks"
	echo "  that fell on a root vCPU's turn on QEMU's one thread (Linux's"
	echo "  own ticks, this benchmark's shell): they vary from run to run)"
	echo "  * with every root CPU busy QEMU's icount runs the vCPUs in turn:"
	echo "    these figures show QEMU's round-robin, not the hypervisor."
}

freertos_version() {
	tr -d '\r' <"$logs/freertos-bare.log" |
		sed -n 's/^FreeRTOS \(V[0-9.]*\) on Stockade.*/\1/p' | head -n 1
}

# The FreeRTOS row: its image only comes from a FreeRTOS-Kernel checkout.
freertos_target() {
	local img=$B/freertos/freertos-demo.bin secs=${BENCH_FREERTOS_SECONDS:-5}

	if [ -z "${FREERTOS_KERNEL:-}" ]; then
		echo "== freertos: SKIP, FREERTOS_KERNEL is not set: the FreeRTOS" \
		     "cell is built from a FreeRTOS-Kernel checkout outside this" \
		     "repository (Documentation/freertos.md, Getting a kernel)"
		return
	fi
	if [ ! -e "$img" ]; then
		echo "== freertos: SKIP, no $img although FREERTOS_KERNEL is set" \
		     "($FREERTOS_KERNEL): the FreeRTOS build failed"
		return
	fi
	bare_arm64 "$logs/freertos-bare.log" 3 "$img" "seconds=$secs" \
		"Stopped FreeRTOS demo"
	cell_run arm64 3 "$logs/freertos-cell.log" "bench_freertos=$secs"
	freertos_windows "$logs/freertos-bare.log" 1 >"$logs/freertos.bare"
	freertos_windows "$logs/freertos-cell.log" 1 >"$logs/freertos.idle"
	freertos_windows "$logs/freertos-cell.log" 2 >"$logs/freertos.load"
	freertos_report "$logs/freertos.bare" "$logs/freertos.idle" \
		"$logs/freertos.load" "$logs/freertos-cell.log"
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
		bare_arm64 "$logs/$t-exit-bare.log" "$v" \
			"$B/arm64/exit-cost.bin" bare "Stopped exit-cost demo"
		cell_run arm64 "$v" "$logs/$t-cell.log"
		demo_log=$logs/$t-cell.log first="Initializing the GIC"
		bare_first=$first bare_log=$logs/$t-bare.log
		;;
	freertos)
		freertos_target
		continue
		;;
	armv7)
		# Figures only where the ARMv7 gic-demo and its cell exist.
		if [ ! -e "$B/arm/gic-demo.bin" ] ||
		   [ ! -e "$top/configs/arm/gic-demo.c" ]; then
			echo "== armv7: SKIP, no ARMv7 gic-demo image or cell config in this tree"
			continue
		fi
		bare_armv7 "$logs/armv7-bare.log"
		bare_armv7 "$logs/armv7-exit-bare.log" exit-cost bare \
			"Stopped exit-cost demo"
		cell_run arm 2 "$logs/armv7-cell.log"
		demo_log=$logs/armv7-cell.log first="Initializing the GIC"
		bare_first=$first bare_log=$logs/armv7-bare.log
		;;
	*)
		echo "latency: unknown target '$t' (x86, arm64-gicv3," \
		     "arm64-gicv2, armv7, freertos)" >&2
		exit 2
		;;
	esac
	latencies "$bare_log" "$bare_first" 1 >"$logs/$t.bare"
	latencies "$demo_log" "$first" 1 >"$logs/$t.idle"
	latencies "$demo_log" "$first" 2 >"$logs/$t.load"
	report "$t" "$logs/$t.bare" "$logs/$t.idle" "$logs/$t.load" \
		"$logs/$t-cell.log"
	exit_costs "$logs/$t-exit-bare.log" "$demo_log" "$t"
done
