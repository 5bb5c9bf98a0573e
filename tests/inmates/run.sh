#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Inmate tests: host tests of the shared library, then the demos in plain
# QEMU (x86 q35 with a reset-vector shim standing in for the cell start,
# arm64 virt with the generic loader). Each check prints PASS/FAIL; the
# last line is "N passed, N failed". Every QEMU runs under `timeout` and
# is stopped by the PID we started, nothing else.
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

### host tests of the shared library
if "$B/test-lib" >"$B/host.log" 2>&1; then :; fi
while read -r line; do
	case $line in
	PASS:*) pass "${line#PASS: }" ;;
	FAIL:*) r=${line#FAIL: }; fail "${r%%: *}" "${r#*: }" ;;
	esac
done <"$B/host.log"
grep -q '^PASS\|^FAIL' "$B/host.log" || fail "host library tests" "no output"

### x86
X=$B/x86
Q86=(qemu-system-x86_64 -machine q35 -accel tcg -cpu qemu64 -m 64
     -bios "$B/reset-shim.bin")

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
    -nic none)
QA2=(qemu-system-aarch64 -machine virt,gic-version=2 -cpu cortex-a57 -m 2G
     -nic none)
start_at=(-device loader,addr=$BASE,cpu-num=0)

"$B/mkcomm-arm64" "$A/comm-v3.bin" 3 0x09000000 5 3 0x08000000 0 0x080a0000
"$B/mkcomm-arm64" "$A/comm-v2.bin" 3 0x09000000 5 2 0x08000000 0x08010000 0
with_cmdline "$A/gic-demo.bin" "$A/t.bin" "ticks=5"
for v in 3 2; do
	if [ $v = 3 ]; then q=("${QA[@]}"); else q=("${QA2[@]}"); fi
	run_qemu "$A/gic$v.log" "Stopped GIC demo" "" -- "${q[@]}" \
		-device loader,file="$A/t.bin",addr=$BASE,force-raw=on \
		-device loader,file="$A/comm-v$v.bin",addr=0x80000000,force-raw=on \
		"${start_at[@]}" -serial file:"$A/gic$v.log"
	check "arm64 gic-demo GICv$v: GIC from comm region" \
		has "$A/gic$v.log" "GICv$v: distributor 0x8000000"
	check "arm64 gic-demo GICv$v: 5 timer interrupts" \
		test "$(count "$A/gic$v.log" "Timer fired")" -eq 5
	check "arm64 gic-demo GICv$v: plausible jitter" jitter_ok "$A/gic$v.log"
done

with_cmdline "$A/uart-demo.bin" "$A/t.bin" \
	"count=3 con-type=PL011 con-base=0x09000000"
run_qemu "$A/uart.log" "Stopped UART demo" "" -- "${QA[@]}" \
	-device loader,file="$A/t.bin",addr=$BASE,force-raw=on \
	"${start_at[@]}" -serial file:"$A/uart.log"
check "arm64 uart-demo: PL011 from the command line" \
	has "$A/uart.log" "UART demo on PL011 console"
check "arm64 uart-demo: 3 numbered lines" \
	test "$(count "$A/uart.log" "Hello [1-3] from cell!")" -eq 3

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

# Two CPUs of plain QEMU: its PSCI firmware emulation answers HVC.
for v in 3 2; do
	if [ $v = 3 ]; then
		q=("${QA[@]}")
		gic="gic=3 gicd-base=0x08000000 gicr-base=0x080a0000"
	else
		q=("${QA2[@]}")
		gic="gic=2 gicd-base=0x08000000 gicc-base=0x08010000"
	fi
	with_cmdline "$A/smp-demo.bin" "$A/t.bin" \
		"psci=hvc $gic con-type=PL011 con-base=0x09000000"
	run_qemu "$A/smp$v.log" "SMP demo: done" "" -- "${q[@]}" -smp 2 \
		-device loader,file="$A/t.bin",addr=$BASE,force-raw=on \
		"${start_at[@]}" -serial file:"$A/smp$v.log"
	check "arm64 smp-demo GICv$v: second CPU up by PSCI CPU_ON" \
		has "$A/smp$v.log" "CPU 1: up on MPIDR 0x1"
	check "arm64 smp-demo GICv$v: 100 SGI pings answered" \
		has "$A/smp$v.log" "100 pings sent, 100 pongs back, 0 stray"
	check "arm64 smp-demo GICv$v: no errors" \
		has "$A/smp$v.log" "SMP demo: done, run 1, 0 errors"
done

echo "$PASSED passed, $FAILED failed"
[ $FAILED -eq 0 ]
