#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Inmate tests: host tests of the shared library, then the demos in plain
# QEMU (x86 q35 with a reset-vector shim standing in for the cell start,
# arm64 and ARMv7 virt with the generic loader). Each check prints
# PASS/FAIL; the last line is "N passed, N failed". Every QEMU runs under
# `timeout` and is stopped by the PID we started, nothing else.
#
#   run.sh <topdir> <build dir>

TOP=$1
B=$2
PASSED=0
FAILED=0
QEMU_TIMEOUT=${QEMU_TIMEOUT:-40}

pass() { echo "PASS: $1"; PASSED=$((PASSED + 1)); }
fail() { echo "FAIL: $1: $2"; FAILED=$((FAILED + 1)); }
check() { # name, condition-command...
	local name=$1
	shift
	if "$@"; then pass "$name"; else fail "$name" "'$*' failed"; fi
}
has() { grep -q -- "$2" "$1"; }
count() { grep -c -- "$2" "$1"; }

# Writes "text" as the command line (image offset 0x1000) of a copy of
# the image, the way `jailhouse cell load -s text -a 0x1000` does.
with_cmdline() { # in, out, text
	cp "$1" "$2" && printf '%s\0' "$3" |
		dd of="$2" bs=1 seek=4096 conv=notrunc status=none
}

# run_qemu LOG MARKER [MONITOR-COMMAND] -- qemu args...
# Waits for MARKER in LOG (or the timeout), optionally asks the monitor
# something (answer in LOG.mon), then stops QEMU.
run_qemu() {
	local log=$1 marker=$2 moncmd=$3 pid i
	shift 4
	rm -f "$log" "$log.mon" "$B/mon.in" "$B/mon.out"
	mkfifo "$B/mon.in" "$B/mon.out"
	exec 7<>"$B/mon.in" 8<>"$B/mon.out"
	timeout "$QEMU_TIMEOUT" "$@" -display none -no-reboot \
		-monitor pipe:"$B/mon" 2>"$log.err" &
	pid=$!
	for ((i = 0; i < QEMU_TIMEOUT * 10; i++)); do
		[ -f "$log" ] && grep -q -- "$marker" "$log" && break
		kill -0 $pid 2>/dev/null || break
		sleep 0.1
	done
	if [ -n "$moncmd" ] && kill -0 $pid 2>/dev/null; then
		echo "$moncmd" >&7
		while IFS= read -r -t 2 line <&8; do
			echo "$line" >>"$log.mon"
		done
	fi
	kill $pid 2>/dev/null
	wait $pid 2>/dev/null
	exec 7>&- 8>&-
	rm -f "$B/mon.in" "$B/mon.out"
	[ -f "$log" ] || touch "$log"
}

# Jitter figures: every "Timer fired" line has |jitter| < 50 ms and
# min <= jitter <= max.
jitter_ok() {
	awk '/Timer fired, jitter:/ {
		gsub(/[,:]/, " ");
		j = $4; mn = $7; mx = $10; n++;
		if (j < -50000000 || j > 50000000 || mn > j || j > mx) bad++;
	} END { exit !(n > 0 && !bad) }' "$1"
}

# The arm64 library's start-up line: "arm64: MMU on, caches on (SCTLR_EL1
# 0x...)". The value is the register, so check its bits too: M (0), C (2)
# and I (12) set and WXN (19) clear, or M, C and I all clear for mmu=off.
sctlr_of() {
	sed -n 's/.*arm64: MMU .*(SCTLR_EL1 \(0x[0-9a-f]*\)).*/\1/p' "$1" |
		head -n 1
}
mmu_on() { # log
	local s
	s=$(sctlr_of "$1")
	has "$1" "arm64: MMU on, caches on" && [ -n "$s" ] &&
		(((s & 0x1005) == 0x1005 && !(s & 0x80000)))
}
mmu_off() { # log
	local s
	s=$(sctlr_of "$1")
	has "$1" "arm64: MMU off (mmu=off), caches off" && [ -n "$s" ] &&
		(((s & 0x1005) == 0))
}

# Walks the arm64 stage-1 tables (4 KiB granule, 39-bit VA, level 1 at
# the start of the table pool, which the first CPU fills first) in a
# dump of the pool taken with the monitor's pmemsave. Prints, for va,
# "invalid", "outside" (a table pointer leaves the pool) or the leaf's
# "attr=<MAIR index> sh=<SH> pxn=<PXN> id=<1 if identity>". The library
# has MAIR index 0 = Device-nGnRE, 1 = Normal write-back.
pt_walk() { # dump pool-base pool-size va
	local dump=$1 pool=$2 size=$3 va=$4 table=$2 level=1 sh e oa
	while :; do
		sh=$((39 - 9 * level))
		e=$(od -An -tx8 -N8 \
			-j $((table - pool + ((va >> sh) & 511) * 8)) "$dump" |
			tr -d ' ')
		[ -n "$e" ] || { echo outside; return; }
		e=$((16#$e))
		if ((!(e & 1) || (level == 3 && (e & 3) == 1))); then
			echo invalid
			return
		fi
		if ((level < 3 && (e & 3) == 3)); then
			table=$((e & 0xfffffffff000))
			if ((table < pool || table >= pool + size)); then
				echo outside
				return
			fi
			level=$((level + 1))
			continue
		fi
		oa=$((e & 0xfffffffff000 & ~((1 << sh) - 1)))
		echo "attr=$(((e >> 2) & 7)) sh=$(((e >> 8) & 3))" \
			"pxn=$(((e >> 53) & 1))" \
			"id=$((oa == (va & ~((1 << sh) - 1))))"
		return
	done
}
pt_is() { # name dump pool size va expected
	local got
	got=$(pt_walk "$2" "$3" "$4" "$5")
	if [ "$got" = "$6" ]; then
		pass "$1"
	else
		fail "$1" "$(printf '0x%x' "$5"): '$got', expected '$6'"
	fi
}
sym() { # elf symbol
	nm "$1" | awk -v s="$2" '$3 == s { print "0x" $1 }'
}

### host tests of the shared library and of the FreeRTOS port's C parts
host_suite() { # program log name
	if "$1" >"$2" 2>&1; then :; fi
	while read -r line; do
		case $line in
		PASS:*) pass "${line#PASS: }" ;;
		FAIL:*) r=${line#FAIL: }; fail "${r%%: *}" "${r#*: }" ;;
		esac
	done <"$2"
	grep -q '^PASS\|^FAIL' "$2" || fail "$3" "no output"
}
host_suite "$B/test-lib" "$B/host.log" "host library tests"
host_suite "$B/test-freertos" "$B/host-freertos.log" "host FreeRTOS port tests"

# Guest time from instructions executed, not from the host's clock: the
# timer demos' jitter and the PM timer delays then do not depend on how
# loaded the machine is (a busy host made 50 ms late ticks under TCG).
ICOUNT=(-icount shift=4,sleep=off)

### x86
X=$B/x86
Q86=(qemu-system-x86_64 -machine q35 -accel tcg -cpu qemu64 -m 64
     "${ICOUNT[@]}" -bios "$B/reset-shim.bin")

with_cmdline "$X/tiny-demo.bin" "$X/t.bin" "exit"
run_qemu "$X/tiny.log" "Stopped tiny demo" "" -- "${Q86[@]}" \
	-device loader,file="$X/t.bin",addr=0,force-raw=on \
	-serial file:"$X/tiny.log"
check "x86 tiny-demo: 16/32/64-bit start reaches C" \
	has "$X/tiny.log" "Hello from this tiny cell!"
us=$(sed -n 's/.*10 ms delay took \([0-9]*\) us.*/\1/p' "$X/tiny.log")
check "x86 tiny-demo: PM timer 10 ms delay ($us us)" \
	test "${us:-0}" -ge 9000 -a "${us:-0}" -le 20000
check "x86 tiny-demo: stops" has "$X/tiny.log" "Stopped tiny demo"

with_cmdline "$X/tiny-demo.bin" "$X/t.bin" "con-base=0x2f8 exit"
run_qemu "$X/com2.log" "Stopped tiny demo" "" -- "${Q86[@]}" \
	-device loader,file="$X/t.bin",addr=0,force-raw=on \
	-serial file:"$X/com1.log" -serial file:"$X/com2.log"
check "x86 console: con-base=0x2f8 prints on COM2" \
	has "$X/com2.log" "Hello from this tiny cell!"
check "x86 console: ... and not on COM1" test ! -s "$X/com1.log"

with_cmdline "$X/apic-demo.bin" "$X/t.bin" "ticks=5"
run_qemu "$X/apic.log" "Stopped APIC demo" "" -- "${Q86[@]}" \
	-device loader,file="$X/t.bin",addr=0,force-raw=on \
	-serial file:"$X/apic.log"
check "x86 apic-demo: TSC calibrated" \
	grep -q "Calibrated TSC frequency: [1-9][0-9]*\.[0-9]* MHz" "$X/apic.log"
check "x86 apic-demo: APIC calibrated" \
	grep -q "Calibrated APIC frequency: [1-9][0-9]* kHz" "$X/apic.log"
check "x86 apic-demo: 5 timer interrupts" \
	test "$(count "$X/apic.log" "Timer fired")" -eq 5
check "x86 apic-demo: plausible jitter" jitter_ok "$X/apic.log"

# Comm region from "the hypervisor": console COM2, PM timer, and a
# shutdown request already posted, which the demo must approve.
"$B/mkcomm-x86" "$X/comm.bin" 2 0x2f8 0 0x608 1 1
with_cmdline "$X/apic-demo.bin" "$X/t.bin" ""
run_qemu "$X/com2.log" "Stopped APIC demo" "xp /2wx 0x10000c" -- \
	"${Q86[@]}" -device loader,file="$X/t.bin",addr=0,force-raw=on \
	-device loader,file="$X/comm.bin",addr=0x100000,force-raw=on \
	-serial file:"$X/com1.log" -serial file:"$X/com2.log"
check "x86 apic-demo: console from comm region (COM2)" \
	has "$X/com2.log" "Calibrated APIC frequency"
check "x86 apic-demo: shutdown request -> Stopped APIC demo" \
	has "$X/com2.log" "Stopped APIC demo"
check "x86 apic-demo: comm region msg cleared, reply APPROVED (3)" \
	grep -q "10000c: 0x00000000 0x00000003" "$X/com2.log.mon"

with_cmdline "$X/smp-demo.bin" "$X/t.bin" "cpus=3 exit"
run_qemu "$X/smp.log" "Stopped SMP demo" "" -- "${Q86[@]}" -smp 3 \
	-device loader,file="$X/t.bin",addr=0,force-raw=on \
	-serial file:"$X/smp.log"
check "x86 smp-demo: CPU 1 reports" has "$X/smp.log" "CPU 1 (APIC ID [0-9]*) reports"
check "x86 smp-demo: CPU 2 reports" has "$X/smp.log" "CPU 2 (APIC ID [0-9]*) reports"
check "x86 smp-demo: 3 of 3 CPUs online" has "$X/smp.log" "3 of 3 CPUs online"

with_cmdline "$X/32-bit-demo.bin" "$X/t.bin" "exit"
run_qemu "$X/32.log" "Stopped 32-bit demo" "" -- "${Q86[@]}" \
	-device loader,file="$X/t.bin",addr=0,force-raw=on \
	-serial file:"$X/32.log"
check "x86 32-bit-demo: runs with 4-byte pointers" \
	has "$X/32.log" "Pointer size: 4 bytes"
check "x86 32-bit-demo: 64-bit division helpers" \
	has "$X/32.log" "81985529216486895 / 7 = 11712218459498127"
check "x86 32-bit-demo: stops" has "$X/32.log" "Stopped 32-bit demo"

### arm64 (linked at 0x40200000: QEMU virt RAM starts at 0x40000000 and
### its device tree takes the first MiB)
A=$B/arm64
BASE=0x40200000
QA=(qemu-system-aarch64 -machine virt,gic-version=3 -cpu cortex-a57 -m 2G
    -nic none "${ICOUNT[@]}")
QA2=(qemu-system-aarch64 -machine virt,gic-version=2 -cpu cortex-a57 -m 2G
     -nic none "${ICOUNT[@]}")
start_at=(-device loader,addr=$BASE,cpu-num=0)

"$B/mkcomm-arm64" "$A/comm-v3.bin" 3 0x09000000 5 3 0x08000000 0 0x080a0000
"$B/mkcomm-arm64" "$A/comm-v2.bin" 3 0x09000000 5 2 0x08000000 0x08010000 0
# Stage 1 as the library sets it up, seen from outside: the first CPU's
# translation through the monitor (nothing is mapped from 4 GiB up, the
# image is identity-mapped) and, for GICv3, the tables themselves.
POOL=$(sym "$A/gic-demo.elf" __pgtables_start)
POOL_SIZE=$(($(sym "$A/gic-demo.elf" __pgtables_end) - POOL))
IMAGE_END=$(sym "$A/gic-demo.elf" __image_end)
with_cmdline "$A/gic-demo.bin" "$A/t.bin" "ticks=5"
for v in 3 2; do
	if [ $v = 3 ]; then q=("${QA[@]}"); else q=("${QA2[@]}"); fi
	rm -f "$A/pool$v.bin"
	run_qemu "$A/gic$v.log" "Stopped GIC demo" \
		"gva2gpa 0x100000000
gva2gpa $BASE
pmemsave $POOL $POOL_SIZE \"$A/pool$v.bin\"" -- "${q[@]}" \
		-device loader,file="$A/t.bin",addr=$BASE,force-raw=on \
		-device loader,file="$A/comm-v$v.bin",addr=0x80000000,force-raw=on \
		"${start_at[@]}" -serial file:"$A/gic$v.log"
	check "arm64 gic-demo GICv$v: GIC from comm region" \
		has "$A/gic$v.log" "GICv$v: distributor 0x8000000"
	check "arm64 gic-demo GICv$v: 5 timer interrupts" \
		test "$(count "$A/gic$v.log" "Timer fired")" -eq 5
	check "arm64 gic-demo GICv$v: plausible jitter" jitter_ok "$A/gic$v.log"
	check "arm64 gic-demo GICv$v: MMU and caches on (SCTLR_EL1 $(sctlr_of \
		"$A/gic$v.log"))" mmu_on "$A/gic$v.log"
	check "arm64 gic-demo GICv$v: 4 GiB and up unmapped (monitor)" \
		has "$A/gic$v.log.mon" "^Unmapped"
	check "arm64 gic-demo GICv$v: image identity-mapped (monitor)" \
		has "$A/gic$v.log.mon" "^gpa: $BASE"
done

# The tables as the CPU walks them: Normal (index 1), inner shareable
# (3), executable just for the image's pages and the comm region's page;
# Device (index 0), never executable, right next to them and for the
# GIC and the UART; nothing from 4 GiB up.
NORMAL="attr=1 sh=3 pxn=0 id=1"
DEVICE="attr=0 sh=0 pxn=1 id=1"
P=("$A/pool3.bin" "$POOL" "$POOL_SIZE")
pt_is "arm64 stage 1: image start Normal" "${P[@]}" $((BASE)) "$NORMAL"
pt_is "arm64 stage 1: last stack page Normal" "${P[@]}" \
	$((IMAGE_END - 1)) "$NORMAL"
pt_is "arm64 stage 1: page after the stacks Device" "${P[@]}" \
	$(((IMAGE_END + 0xfff) & ~0xfff)) "$DEVICE"
pt_is "arm64 stage 1: page below the image Device" "${P[@]}" \
	$((BASE - 0x1000)) "$DEVICE"
pt_is "arm64 stage 1: comm region Normal" "${P[@]}" 0x80000000 "$NORMAL"
pt_is "arm64 stage 1: page after the comm region Device" "${P[@]}" \
	0x80001000 "$DEVICE"
pt_is "arm64 stage 1: GIC distributor Device" "${P[@]}" 0x08000000 "$DEVICE"
pt_is "arm64 stage 1: UART Device" "${P[@]}" 0x09000000 "$DEVICE"
pt_is "arm64 stage 1: 4 GiB unmapped" "${P[@]}" 0x100000000 invalid

# The old way, for comparison: all Device memory, nothing translated.
with_cmdline "$A/gic-demo.bin" "$A/t.bin" "ticks=5 mmu=off"
run_qemu "$A/gic-off.log" "Stopped GIC demo" "gva2gpa 0x100000000" -- \
	"${QA[@]}" -device loader,file="$A/t.bin",addr=$BASE,force-raw=on \
	-device loader,file="$A/comm-v3.bin",addr=0x80000000,force-raw=on \
	"${start_at[@]}" -serial file:"$A/gic-off.log"
check "arm64 gic-demo mmu=off: MMU and caches off (SCTLR_EL1 $(sctlr_of \
	"$A/gic-off.log"))" mmu_off "$A/gic-off.log"
check "arm64 gic-demo mmu=off: 5 timer interrupts" \
	test "$(count "$A/gic-off.log" "Timer fired")" -eq 5
check "arm64 gic-demo mmu=off: plausible jitter" jitter_ok "$A/gic-off.log"
check "arm64 gic-demo mmu=off: no translation (monitor)" \
	has "$A/gic-off.log.mon" "^gpa: 0x100000000"

with_cmdline "$A/uart-demo.bin" "$A/t.bin" \
	"count=3 con-type=PL011 con-base=0x09000000"
run_qemu "$A/uart.log" "Stopped UART demo" "" -- "${QA[@]}" \
	-device loader,file="$A/t.bin",addr=$BASE,force-raw=on \
	"${start_at[@]}" -serial file:"$A/uart.log"
check "arm64 uart-demo: PL011 from the command line" \
	has "$A/uart.log" "UART demo on PL011 console"
check "arm64 uart-demo: 3 numbered lines" \
	test "$(count "$A/uart.log" "Hello [1-3] from cell!")" -eq 3
check "arm64 uart-demo: MMU and caches on" mmu_on "$A/uart.log"

"$B/mkcomm-arm64" "$A/comm-msg.bin" 3 0x09000000 5 3 0x08000000 0 \
	0x080a0000 1
with_cmdline "$A/uart-demo.bin" "$A/t.bin" ""
run_qemu "$A/uart2.log" "Stopped UART demo" "xp /2wx 0x8000000c" -- \
	"${QA[@]}" -device loader,file="$A/t.bin",addr=$BASE,force-raw=on \
	-device loader,file="$A/comm-msg.bin",addr=0x80000000,force-raw=on \
	"${start_at[@]}" -serial file:"$A/uart2.log"
check "arm64 uart-demo: console from comm region" \
	has "$A/uart2.log" "UART demo on PL011 console"
check "arm64 uart-demo: stops on shutdown request" \
	has "$A/uart2.log" "Stopped UART demo"
check "arm64 uart-demo: reply APPROVED (3) in the comm region" \
	grep -q "8000000c: 0x00000000 0x00000003" "$A/uart2.log.mon"

# Two CPUs of plain QEMU: its PSCI firmware emulation answers HVC. The
# second CPU is left running ("hold") and asked through the monitor
# whether it translates too: it loads its MMU setup in start.S. The last
# run is the GICv3 one once more with mmu=off.
for v in 3 2 off; do
	if [ $v = 2 ]; then
		q=("${QA2[@]}")
		gic="gic=2 gicd-base=0x08000000 gicc-base=0x08010000"
	else
		q=("${QA[@]}")
		gic="gic=3 gicd-base=0x08000000 gicr-base=0x080a0000"
	fi
	name="GICv$v"
	mmu=
	if [ $v = off ]; then
		name="mmu=off"
		mmu=mmu=off
	fi
	with_cmdline "$A/smp-demo.bin" "$A/t.bin" \
		"psci=hvc $gic con-type=PL011 con-base=0x09000000 hold $mmu"
	run_qemu "$A/smp$v.log" "SMP demo: done" "cpu 1
info cpus
gva2gpa 0x100000000" -- "${q[@]}" -smp 2 \
		-device loader,file="$A/t.bin",addr=$BASE,force-raw=on \
		"${start_at[@]}" -serial file:"$A/smp$v.log"
	check "arm64 smp-demo $name: second CPU up by PSCI CPU_ON" \
		has "$A/smp$v.log" "CPU 1: up on MPIDR 0x1"
	check "arm64 smp-demo $name: 100 SGI pings answered" \
		has "$A/smp$v.log" "100 pings sent, 100 pongs back, 0 stray"
	check "arm64 smp-demo $name: no errors" \
		has "$A/smp$v.log" "SMP demo: done, run 1, 0 errors"
	check "arm64 smp-demo $name: monitor on CPU 1" \
		has "$A/smp$v.log.mon" "^\* CPU #1"
	if [ $v = off ]; then
		check "arm64 smp-demo $name: MMU and caches off" \
			mmu_off "$A/smp$v.log"
		check "arm64 smp-demo $name: CPU 1 does not translate" \
			has "$A/smp$v.log.mon" "^gpa: 0x100000000"
	else
		check "arm64 smp-demo $name: MMU and caches on" \
			mmu_on "$A/smp$v.log"
		check "arm64 smp-demo $name: CPU 1 translates (monitor)" \
			has "$A/smp$v.log.mon" "^Unmapped"
	fi
done

### FreeRTOS in plain QEMU (needs a FreeRTOS-Kernel checkout: the image
### is built only with FREERTOS_KERNEL set; without it this part is skipped,
### which counts as neither pass nor fail)
F=$B/freertos
# Every worker printed at least two rounds.
workers_ran() { # log
	local w
	for w in low mid high; do
		grep -q "^\[worker-$w\] priority [1-3], round [2-9]" "$1" ||
			return 1
	done
}
# Queue lines: nothing out of order, consumed <= produced <= consumed +
# queue length + the one the producer holds, and production grows.
queue_ok() { # log
	awk '/^Queue: produced/ {
		gsub(/,/, ""); p = $3 + 0; c = $5 + 0; o = $9 + 0; n++;
		if (o != 0 || c > p || p > c + 9 || p < last) bad++;
		last = p;
	} END { exit !(n >= 2 && !bad && last > 0) }' "$1"
}
# Jitter lines: 1000 releases each, 0 <= min <= avg <= max.
freertos_jitter_ok() { # log
	awk '/^Jitter \(1 kHz task, / {
		gsub(/,/, "");
		r = $5 + 0; mn = $8 + 0; av = $11 + 0; mx = $14 + 0; n++;
		if (r != 1000 || mn < 0 || mn > av || av > mx) bad++;
	} END { exit !(n >= 2 && !bad) }' "$1"
}
if [ ! -f "$F/freertos-demo.bin" ]; then
	echo "SKIP: arm64 FreeRTOS demo in plain QEMU: FREERTOS_KERNEL not set" \
		"(no freertos-demo.bin; see Documentation/freertos.md)"
else
	for v in 3 2; do
		if [ $v = 3 ]; then q=("${QA[@]}"); else q=("${QA2[@]}"); fi
		with_cmdline "$F/freertos-demo.bin" "$F/t.bin" "seconds=3"
		run_qemu "$F/run$v.log" "Stopped FreeRTOS demo" "" -- "${q[@]}" \
			-device loader,file="$F/t.bin",addr=$BASE,force-raw=on \
			-device loader,file="$A/comm-v$v.bin",addr=0x80000000,force-raw=on \
			"${start_at[@]}" -serial file:"$F/run$v.log"
		n="arm64 FreeRTOS GICv$v"
		check "$n: kernel started on GICv$v" grep -q \
			"^FreeRTOS V1[0-9.]* on Stockade, GICv$v, tick 1000 Hz" \
			"$F/run$v.log"
		check "$n: three workers at priorities 1-3 ran" \
			workers_ran "$F/run$v.log"
		check "$n: queue counts consistent" queue_ok "$F/run$v.log"
		check "$n: jitter lines (1000 releases, min<=avg<=max)" \
			freertos_jitter_ok "$F/run$v.log"
		check "$n: all 7 tasks stopped cleanly after seconds=3" \
			has "$F/run$v.log" "7 of 7 tasks stopped cleanly"
		check "$n: MMU and caches on" mmu_on "$F/run$v.log"
	done

	# A shutdown request already posted: approved (3) after the stop.
	with_cmdline "$F/freertos-demo.bin" "$F/t.bin" ""
	run_qemu "$F/approve.log" "Stopped FreeRTOS demo" \
		"xp /2wx 0x8000000c" -- "${QA[@]}" \
		-device loader,file="$F/t.bin",addr=$BASE,force-raw=on \
		-device loader,file="$A/comm-msg.bin",addr=0x80000000,force-raw=on \
		"${start_at[@]}" -serial file:"$F/approve.log"
	check "arm64 FreeRTOS: shutdown request stops all tasks first" \
		has "$F/approve.log" "7 of 7 tasks stopped cleanly"
	check "arm64 FreeRTOS: reply APPROVED (3) in the comm region" \
		grep -q "8000000c: 0x00000000 0x00000003" "$F/approve.log.mon"

	# shutdown=refuse: DENIED (2), and the demo goes on until seconds=3.
	with_cmdline "$F/freertos-demo.bin" "$F/t.bin" "shutdown=refuse seconds=3"
	run_qemu "$F/refuse.log" "Stopped FreeRTOS demo" \
		"xp /2wx 0x8000000c" -- "${QA[@]}" \
		-device loader,file="$F/t.bin",addr=$BASE,force-raw=on \
		-device loader,file="$A/comm-msg.bin",addr=0x80000000,force-raw=on \
		"${start_at[@]}" -serial file:"$F/refuse.log"
	check "arm64 FreeRTOS shutdown=refuse: refusal printed" \
		has "$F/refuse.log" "shutdown request refused (shutdown=refuse)"
	check "arm64 FreeRTOS shutdown=refuse: reply DENIED (2)" \
		grep -q "8000000c: 0x00000000 0x00000002" "$F/refuse.log.mon"
	check "arm64 FreeRTOS shutdown=refuse: keeps running (jitter lines)" \
		freertos_jitter_ok "$F/refuse.log"
fi

### ARMv7 (qemu-system-arm virt, cortex-a15, GICv2; RAM from 0x40000000,
### 2 GiB so that the comm region's 0x80000000 is memory). The library runs
### the arm64 demo sources unchanged.
R=$B/arm
QR=(qemu-system-arm -machine virt -cpu cortex-a15 -m 2G -nic none
    "${ICOUNT[@]}")
"$B/mkcomm-arm" "$R/comm.bin" 3 0x09000000 5 2 0x08000000 0x08010000 0
"$B/mkcomm-arm" "$R/comm-msg.bin" 3 0x09000000 5 2 0x08000000 0x08010000 \
	0 1

with_cmdline "$R/gic-demo.bin" "$R/t.bin" \
	"ticks=5 gic=2 gicd-base=0x08000000 gicc-base=0x08010000 con-type=PL011 con-base=0x09000000"
run_qemu "$R/gic.log" "Stopped GIC demo" "" -- "${QR[@]}" \
	-device loader,file="$R/t.bin",addr=$BASE,force-raw=on \
	"${start_at[@]}" -serial file:"$R/gic.log"
check "ARMv7 gic-demo: GICv2 from the command line" \
	has "$R/gic.log" "GICv2: distributor 0x8000000"
check "ARMv7 gic-demo: 5 timer interrupts (CP15 virtual timer)" \
	test "$(count "$R/gic.log" "Timer fired")" -eq 5
check "ARMv7 gic-demo: plausible jitter" jitter_ok "$R/gic.log"

# Console and GIC from the comm region (packed struct, read with the MMU
# off), and a posted shutdown request approved.
with_cmdline "$R/uart-demo.bin" "$R/t.bin" ""
run_qemu "$R/uart.log" "Stopped UART demo" "xp /2wx 0x8000000c" -- \
	"${QR[@]}" -device loader,file="$R/t.bin",addr=$BASE,force-raw=on \
	-device loader,file="$R/comm-msg.bin",addr=0x80000000,force-raw=on \
	"${start_at[@]}" -serial file:"$R/uart.log"
check "ARMv7 uart-demo: console from the comm region" \
	has "$R/uart.log" "UART demo on PL011 console"
check "ARMv7 uart-demo: reply APPROVED (3) in the comm region" \
	grep -q "8000000c: 0x00000000 0x00000003" "$R/uart.log.mon"

# Two CPUs: the arm64 SMP code built for ARMv7 (SMC32 PSCI over HVC in
# plain QEMU, TPIDRPRW as the CPU index, the bakery printk lock with the
# MMU off).
with_cmdline "$R/smp-demo.bin" "$R/t.bin" \
	"psci=hvc gic=2 gicd-base=0x08000000 gicc-base=0x08010000 con-type=PL011 con-base=0x09000000"
run_qemu "$R/smp.log" "SMP demo: done" "" -- "${QR[@]}" -smp 2 \
	-device loader,file="$R/t.bin",addr=$BASE,force-raw=on \
	"${start_at[@]}" -serial file:"$R/smp.log"
check "ARMv7 smp-demo: second CPU up by PSCI CPU_ON" \
	has "$R/smp.log" "CPU 1: up on MPIDR 0x1"
check "ARMv7 smp-demo: 100 SGI pings answered" \
	has "$R/smp.log" "100 pings sent, 100 pongs back, 0 stray"
check "ARMv7 smp-demo: no errors" \
	has "$R/smp.log" "SMP demo: done, run 1, 0 errors"

F=$B/freertos-arm
if [ ! -f "$F/freertos-demo.bin" ]; then
	echo "SKIP: ARMv7 FreeRTOS demo in plain QEMU: FREERTOS_KERNEL not set" \
		"(no freertos-demo.bin; see Documentation/freertos.md)"
else
	with_cmdline "$F/freertos-demo.bin" "$F/t.bin" "seconds=3"
	run_qemu "$F/run.log" "Stopped FreeRTOS demo" "" -- "${QR[@]}" \
		-device loader,file="$F/t.bin",addr=$BASE,force-raw=on \
		-device loader,file="$R/comm.bin",addr=0x80000000,force-raw=on \
		"${start_at[@]}" -serial file:"$F/run.log"
	n="ARMv7 FreeRTOS GICv2"
	check "$n: kernel started" grep -q \
		"^FreeRTOS V1[0-9.]* on Stockade, GICv2, tick 1000 Hz" "$F/run.log"
	check "$n: three workers at priorities 1-3 ran" workers_ran "$F/run.log"
	check "$n: queue counts consistent" queue_ok "$F/run.log"
	check "$n: jitter lines (1000 releases, min<=avg<=max)" \
		freertos_jitter_ok "$F/run.log"
	check "$n: all 7 tasks stopped cleanly after seconds=3" \
		has "$F/run.log" "7 of 7 tasks stopped cleanly"
fi

echo "$PASSED passed, $FAILED failed"
[ $FAILED -eq 0 ]
