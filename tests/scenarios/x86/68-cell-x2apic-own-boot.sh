#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Cells on a CPU with x2APIC: their APIC runs in x2APIC mode, EOI, timer
# and the other registers of their own CPU pass through, so apic-demo
# takes its timer interrupts without a single APIC exit, while the ICR
# still traps. tiny-demo, the 32-bit demo and smp-demo (INIT/SIPI and
# fixed IPIs inside the cell) run as on a CPU without x2APIC (60, 64);
# an NMI or STARTUP at a root CPU stops the cell with a line saying so,
# and leaving x2APIC mode, disabling or moving the APIC, the xAPIC page
# and ExtINT on a local pin are refused. Linux itself stays in xAPIC mode
# (without interrupt remapping it does not take x2APIC): the root cell
# and the cells run side by side in different modes, and CPUs go back
# and forth between them.
# stockade-qemu: -cpu qemu64,+svm,+npt,+x2apic
# stockade-timeout: 600

. /scenarios/lib.sh

sysfs=/sys/devices/jailhouse
demos=/usr/libexec/jailhouse/demos

check_contains "the CPU model has x2APIC" "$(cpu_flags 0)" "x2apic"
check_contains "hardware check names the APIC mode" \
	"$(jailhouse hardware check 2>&1)" "Using x2APIC"

lsmod | grep -q '^jailhouse ' || insmod "$JAILHOUSE_KO"
expect_ok jailhouse enable "$X86_ROOT_CELL" || { dump_dmesg; exit 0; }
# The root in x2APIC mode too under remapping (make check-x86-ir).
root_apic="xAPIC mode"
[ "$X86_ROOT_MODE" = x2apic-ir ] && root_apic="x2APIC mode"
check_contains "banner names the APIC modes" "$(jailhouse console)" \
	"Using x2APIC (root cell: $root_apic)"
mem0=$(cat $sysfs/mem_pool_used)

# cell_dir NAME: the sysfs folder of cell NAME.
cell_dir() {
	for d in $sysfs/cells/*; do
		[ "$(cat "$d/name")" = "$1" ] && { echo "$d"; return; }
	done
}

# counter CELL NAME: the cell's exit counter vmexits_NAME.
counter() {
	cat "$(cell_dir "$1")/statistics/vmexits_$2"
}

# last_tick: apic-demo's latest line (they differ in their jitter figures).
last_tick() {
	jailhouse console | grep "Timer fired" | tail -n 1
}

# apic-demo prints each tick on the hypervisor console (hypercalls, the
# only exits it should take) while it runs 3 s, about 30 ticks.
expect_ok jailhouse cell create /etc/jailhouse/apic-demo.cell
expect_ok jailhouse cell load apic-demo $demos/apic-demo.bin \
	-s "con-type=jailhouse" -a 0x1000
expect_ok jailhouse cell start apic-demo
console_has "apic-demo timer fires" "Timer fired, jitter"
sleep 1
tick0=$(last_tick)
msr0=$(counter apic-demo msr_other)
xapic0=$(counter apic-demo xapic)
icr0=$(counter apic-demo msr_x2apic_icr)
sleep 3
tick1=$(last_tick)
if [ -n "$tick1" ] && [ "$tick1" != "$tick0" ]; then
	pass "apic-demo keeps ticking in x2APIC mode"
else
	fail "apic-demo keeps ticking in x2APIC mode" "'$tick0' -> '$tick1'"
fi
check_eq "apic-demo: no MSR exit in 3 s of ticks (EOI, timer pass)" \
	"$msr0" "$(counter apic-demo msr_other)"
check_eq "apic-demo: no xAPIC exit either" "$xapic0" \
	"$(counter apic-demo xapic)"
check_eq "apic-demo: no ICR exit either" "$icr0" \
	"$(counter apic-demo msr_x2apic_icr)"
# From here on it ticks on COM2, leaving the small console to the rest.
expect_ok jailhouse cell shutdown apic-demo
expect_ok jailhouse cell load apic-demo $demos/apic-demo.bin
expect_ok jailhouse cell start apic-demo

expect_ok jailhouse cell create /etc/jailhouse/tiny-demo.cell
expect_ok jailhouse cell load tiny-demo $demos/tiny-demo.bin \
	-s "con-type=jailhouse" -a 0x1000
expect_ok jailhouse cell start tiny-demo
console_has "tiny-demo says hello" "Hello from this tiny cell"
expect_ok jailhouse cell shutdown tiny-demo
console_has "tiny-demo said goodbye" "Stopped tiny demo" 5

expect_ok jailhouse cell load tiny-demo $demos/32-bit-demo.bin \
	-s "con-type=jailhouse" -a 0x1000
expect_ok jailhouse cell start tiny-demo
console_has "32-bit demo says hello" "Hello from a 32-bit inmate"
console_has "32-bit demo runs" "64-bit arithmetic"
expect_ok jailhouse cell shutdown tiny-demo
console_has "32-bit demo said goodbye" "Stopped 32-bit demo" 5
check_eq "apic-demo kept running" "running" "$(cell_state apic-demo)"

# after TEXT: the console from the last line with TEXT on.
after() {
	jailhouse console | awk -v t="$1" 'index($0, t) { out = "" }
		{ out = out $0 "\n" } END { printf "%s", out }'
}

# probe_gp WHAT ARGS CONSOLE: the attacker with ARGS in tiny-demo's
# cell must take a #GP (its library reports it and halts) after CONSOLE
# on the hypervisor console, the write never going through.
probe_gp() {
	expect_ok jailhouse cell load tiny-demo $demos/attacker.bin \
		-s "con-type=jailhouse $2" -a 0x1000
	expect_ok jailhouse cell start tiny-demo
	console_has "$1: refusal on the console" "$3"
	sleep 1
	check_contains "$1: the probe took a #GP" "$(after "$3")" \
		"FATAL: CPU 2: exception 13"
	case "$(after "$3")" in
	*"went through"*) fail "$1: refused" "the probe's write went through" ;;
	*) pass "$1: refused" ;;
	esac
}
probe_gp "xAPIC mode" "attack=wrmsr msr=0x1b value=0xfee00800" \
	"CPU 2: APIC_BASE write 0xfee00800 refused"
probe_gp "APIC disable" "attack=wrmsr msr=0x1b value=0xfee00000" \
	"CPU 2: APIC_BASE write 0xfee00000 refused"
probe_gp "APIC moved" "attack=wrmsr msr=0x1b value=0xfed00c00" \
	"CPU 2: APIC_BASE write 0xfed00c00 refused"

# probe_fail WHAT ARGS CONSOLE: the cell must fail with CONSOLE.
probe_fail() {
	expect_ok jailhouse cell load tiny-demo $demos/attacker.bin \
		-s "con-type=jailhouse $2" -a 0x1000
	expect_ok jailhouse cell start tiny-demo
	wait_cell_state tiny-demo "failed" 15
	check_eq "$1: cell failed" "failed" "$(cell_state tiny-demo)"
	check_contains "$1: reason on the console" "$(jailhouse console)" \
		"FATAL: CPU 2 of cell \"tiny-demo\": $3"
	case "$(jailhouse console)" in
	*"went through"*) fail "$1: stopped before it went through" ;;
	*) pass "$1: stopped before it went through" ;;
	esac
	check_eq "$1: apic-demo still running" "running" \
		"$(cell_state apic-demo)"
}
probe_fail "fixed IPI to the root" "attack=wrmsr msr=0x830 value=0x4030" \
	"IPI to physical x2APIC ID 0x0 outside the cell"
probe_fail "logical IPI to root CPU 1" \
	"attack=wrmsr msr=0x830 value=0x200004830" \
	"IPI to logical x2APIC ID 0x2 outside the cell"
probe_fail "ExtINT on LINT0" "attack=wrmsr msr=0x835 value=0x700" \
	"ExtINT on local pin (MSR 0x835) refused"
probe_fail "xAPIC page" "attack=read addr=0xfee00020" \
	"MMIO access refused: read at 0xfee00020 (8 bytes)"

# probe_dropped WHAT ARGS CONSOLE: the attacker's write is dropped with
# CONSOLE and the cell runs to its end. (After the probes above: its
# "went through" is no failure here.)
probe_dropped() {
	expect_ok jailhouse cell load tiny-demo $demos/attacker.bin \
		-s "con-type=jailhouse $2" -a 0x1000
	expect_ok jailhouse cell start tiny-demo
	console_has "$1: refusal on the console" "$3"
	console_has "$1: the attacker ran on" "Attacker: done"
	check_eq "$1: cell running" "running" "$(cell_state tiny-demo)"
	check_eq "$1: apic-demo still running" "running" \
		"$(cell_state apic-demo)"
}
# Vector 5 is an exception's: QEMU's APIC would keep it pending in IRR,
# also by SELF_IPI (which traps for this even in x2APIC mode).
probe_dropped "illegal vector by the ICR" \
	"attack=wrmsr msr=0x830 value=0x44005" \
	"CPU 2: IPI with illegal vector 5 dropped"
probe_dropped "illegal vector by SELF_IPI" \
	"attack=wrmsr msr=0x83f value=0x3" \
	"CPU 2: IPI with illegal vector 3 dropped"
# A nonexistent x2APIC MSR: the cell takes its #GP from the hypervisor.
# Had the read reached QEMU's APIC, its illegal-register error would stay
# in CPU 2's ESR for good, and Linux, starting apic-demo's CPU 3 from CPU
# 2 below, would read it as "APIC delivery error (80)" and give up.
expect_ok jailhouse cell load tiny-demo $demos/attacker.bin \
	-s "con-type=jailhouse attack=rdmsr msr=0x800" -a 0x1000
expect_ok jailhouse cell start tiny-demo
console_has "reserved x2APIC MSR: the probe ran" "Attacker: reading MSR 0x800"
sleep 1
check_contains "reserved x2APIC MSR: the probe took a #GP" \
	"$(after "Attacker: reading MSR 0x800")" "FATAL: CPU 2: exception 13"
expect_ok jailhouse cell destroy tiny-demo
expect_ok taskset -c 2 jailhouse cell destroy apic-demo
check_eq "CPU 3 started by CPU 2, no APIC delivery error" "" \
	"$(dmesg | grep -m 1 'APIC delivery error')"
check_eq "mem pool usage back" "$mem0" "$(cat $sysfs/mem_pool_used)"
check_eq "CPU 2 back in Linux ($root_apic again)" "ok" \
	"$(taskset -c 2 sh -c 'echo x | md5sum >/dev/null && echo ok')"
check_eq "CPU 3 back in Linux ($root_apic again)" "ok" \
	"$(taskset -c 3 sh -c 'echo x | md5sum >/dev/null && echo ok')"

# smp-demo: CPUs that served Linux in xAPIC mode serve a cell in x2APIC.
# (A CPU's counters include what it counted for Linux before.)
expect_ok jailhouse cell create /etc/jailhouse/smp-demo.cell
expect_ok jailhouse cell load smp-demo $demos/smp-demo.bin \
	-s "con-type=jailhouse" -a 0x1000
xapic0=$(counter smp-demo xapic)
icr0=$(counter smp-demo msr_x2apic_icr)
expect_ok jailhouse cell start smp-demo
console_has "smp-demo: both CPUs online" "SMP demo: 2 of 2 CPUs online"
# As under Jailhouse, cell start sends every CPU of the cell to the reset
# entry, where all but the bootstrap processor halt until INIT/STARTUP.
check_contains "smp-demo: the other CPU had come to the reset entry" \
	"$(jailhouse console)" "SMP demo: 1 other CPU(s) had halted at the reset entry"
console_has "smp-demo: IPIs inside the cell arrive, physical and logical" \
	"SMP demo: IPIs to CPU 1 (APIC ID 3): physical arrived, logical arrived"
check_eq "smp-demo: no xAPIC page exit" "$xapic0" "$(counter smp-demo xapic)"
icr=$(( $(counter smp-demo msr_x2apic_icr) - icr0 ))
if [ "$icr" -ge 5 ]; then
	pass "smp-demo: its ICR writes trapped ($icr: INIT, 2 STARTUP, 2 IPIs)"
else
	fail "smp-demo: its ICR writes trapped" "$icr"
fi
expect_ok jailhouse cell shutdown smp-demo

# stray KIND TEXT: a KIND IPI at root CPU 0 stops the cell.
stray() {
	expect_ok jailhouse cell load smp-demo $demos/smp-demo.bin \
		-s "con-type=jailhouse ipi-apic=0 ipi-kind=$1" -a 0x1000
	expect_ok jailhouse cell start smp-demo
	wait_cell_state smp-demo "failed" 15
	check_eq "$1 IPI to the root: cell failed" "failed" \
		"$(cell_state smp-demo)"
	check_contains "$1 IPI to the root: reason on the console" \
		"$(jailhouse console)" \
		"FATAL: CPU 2 of cell \"smp-demo\": $2 to physical x2APIC ID 0x0 outside the cell"
	case "$(jailhouse console)" in
	*"IPI to APIC ID 0 went through"*)
		fail "$1 IPI to the root: stopped before it went through" ;;
	*) pass "$1 IPI to the root: stopped before it went through" ;;
	esac
	check_eq "$1 IPI to the root: root CPU 0 unharmed" "ok" \
		"$(taskset -c 0 sh -c 'echo x | md5sum >/dev/null && echo ok')"
}
stray nmi NMI
stray startup STARTUP
expect_ok jailhouse cell destroy smp-demo
check_eq "mem pool usage back at the end" "$mem0" \
	"$(cat $sysfs/mem_pool_used)"
check_eq "root cell has all CPUs" "0-3" \
	"$(cat $sysfs/cells/0/cpus_assigned_list)"
expect_ok jailhouse disable || dump_dmesg
