#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Two arm64 cells at once, and isolation: gic-demo (CPU 3) and uart-demo
# (CPU 2) run next to the root Linux; then the attacker inmate in the
# uart-demo cell reads memory the cell does not own, touches the
# distributor registers of an interrupt it does not own, or a GIC register
# in a width or alignment the GIC may not take. Each time that cell ends
# failed with a console line naming CPU, cell and address, while gic-demo
# keeps taking timer interrupts and Linux keeps working; the failed cell
# can be destroyed and everything comes back. Sending SGIs to root CPUs,
# PSCI on them and the root's hypercalls are refused with the cell
# running on. On GICv3 the cell also tries to block the hypervisor's
# kicks through its own redistributor (code of this test's own).
# stockade-timeout: 420

. /scenarios/lib.sh

sysfs=/sys/devices/jailhouse
demos=/usr/libexec/jailhouse/demos
tmp=/tmp/isolation
mkdir -p $tmp

lsmod | grep -q '^jailhouse ' || insmod "$JAILHOUSE_KO"
expect_ok jailhouse enable "$ARM64_ROOT_CELL" || { dump_dmesg; exit 0; }
mem0=$(cat $sysfs/mem_pool_used)

# wait_console WHAT TEXT [SECONDS]
wait_console() {
	t=${3:-20}
	while [ "$t" -gt 0 ]; do
		jailhouse console | grep -q "$2" && { pass "$1"; return 0; }
		sleep 1
		t=$((t - 1))
	done
	fail "$1" "'$2' not in the hypervisor console"
	jailhouse console | tail -n 8 | sed 's/^/  console: /'
	return 1
}

# Exits of gic-demo: its timer interrupts keep them growing.
ticks() {
	jailhouse cell stats -1 gic-demo |
		awk '$1 == "total" || $1 == "vmexits_total" { print $2 }'
}

# gic-demo's lines scroll the console ring faster than a busy machine
# polls it: the cells' runs are judged on a log that follows it.
log=$tmp/console.log
: >"$log"
jailhouse console -f >"$log" 2>&1 &
follower=$!

# mark: lines in the log so far. since FROM: the lines after line FROM.
mark() {
	wc -l <"$log"
}
since() {
	tail -n +$(($1 + 1)) "$log"
}

# wait_log WHAT TEXT FROM: TEXT in the log after line FROM within 30 s.
wait_log() {
	t=30
	while [ "$t" -gt 0 ]; do
		since "$3" | grep -qF "$2" && { pass "$1"; return 0; }
		sleep 1
		t=$((t - 1))
	done
	fail "$1" "'$2' not in the console after line $3"
	since "$3" | grep -v 'Timer fired' | tail -n 8 | sed 's/^/  console: /'
	return 1
}

expect_ok jailhouse cell create /etc/jailhouse/gic-demo.cell
expect_ok jailhouse cell load gic-demo $demos/gic-demo.bin \
	-s "con-type=jailhouse" -a 0x1000
expect_ok jailhouse cell start gic-demo
wait_console "gic-demo timer fires" "Timer fired, jitter"

expect_ok jailhouse cell create /etc/jailhouse/uart-demo.cell
check_eq "root cell kept CPUs 0-1" "0-1" \
	"$(cat $sysfs/cells/0/cpus_assigned_list)"
expect_ok jailhouse cell load uart-demo $demos/uart-demo.bin \
	-s "con-type=jailhouse" -a 0x1000
from=$(mark)
expect_ok jailhouse cell start uart-demo
wait_log "uart-demo prints next to gic-demo" "Hello 3 from cell" "$from"
check_eq "both cells run" "running running" \
	"$(echo $(cell_state gic-demo) $(cell_state uart-demo))"

# attack WHAT ARGS TEXT [TRIED]: the attacker inmate with ARGS in
# uart-demo's cell must fail with TEXT on the console, after the line that
# names the failed cell and TRIED, its announcement, while gic-demo and
# Linux go on.
attack() {
	expect_ok jailhouse cell load uart-demo $demos/attacker.bin \
		-s "con-type=jailhouse $2" -a 0x1000
	before=$(ticks)
	from=$(mark)
	expect_ok jailhouse cell start uart-demo
	wait_log "$1: refused with a console line" "$3" "$from"
	wait_log "$1: the failure names CPU and cell" \
		'Cell "uart-demo" failed; CPU 2 parked' "$from"
	[ -z "$4" ] || check_contains "$1: the attacker tried" \
		"$(since "$from")" "$4"
	check_eq "$1: uart-demo failed" "failed" "$(cell_state uart-demo)"
	sleep 1
	after=$(ticks)
	if [ -n "$after" ] && [ -n "$before" ] && [ "$after" -gt "$before" ]; then
		pass "$1: gic-demo keeps running"
	else
		fail "$1: gic-demo keeps running" "$before -> $after exits"
	fi
	check_eq "$1: gic-demo still running" "running" "$(cell_state gic-demo)"
	check_eq "$1: root Linux computes" "ok" \
		"$(dd if=/dev/zero bs=64k count=50 2>/dev/null | md5sum >/dev/null && echo ok)"
}

# Hypervisor memory (0x70000000) and the root's RAM (0x40000000): no
# cell sees them at any address, those included.
attack "read of hypervisor memory" "attack=read addr=0x70000000" \
	'CPU 2, cell "uart-demo": refused MMIO read at 0x70000000'
attack "write to root RAM" "attack=write addr=0x40000000" \
	'CPU 2, cell "uart-demo": refused MMIO write at 0x40000000'
# GICD_ISENABLER1: SPIs 32..63 belong to the root cell.
attack "enable of a foreign SPI" "attack=gicd reg=0x104 value=1" \
	'CPU 2, cell "uart-demo": refused MMIO write at 0x8000104'
# A 64-bit read of the 32-bit GICD_CTLR: a GIC may answer such a width
# with an external abort, which the hypervisor must never take itself.
attack "64-bit access to a 32-bit GIC register" "attack=gicd64 reg=0" \
	'CPU 2, cell "uart-demo": refused MMIO read at 0x8000000, 8 bytes (by its handler)'
# An unaligned read of GICD_CTLR: Device memory would fault it in the
# cell already, so the attacker maps the distributor as Normal memory at
# stage 1 and the access reaches the hypervisor unaligned; forwarded to
# the GIC it would be an alignment fault of the hypervisor's own.
attack "unaligned access to a GIC register" "attack=unaligned reg=0" \
	'CPU 2, cell "uart-demo": refused MMIO read at 0x8000002, 4 bytes (unaligned)' \
	"Attacker: unaligned read at 0x8000002"

# refused WHAT ARGS: the attacker with ARGS runs to its end in uart-demo's
# cell and keeps running; its console lines are in $c afterwards.
refused() {
	expect_ok jailhouse cell load uart-demo $demos/attacker.bin \
		-s "con-type=jailhouse $2" -a 0x1000
	from=$(mark)
	expect_ok jailhouse cell start uart-demo
	wait_log "$1: the attacker ran" "Attacker: done" "$from"
	c=$(since "$from")
	check_eq "$1: uart-demo still running" "running" \
		"$(cell_state uart-demo)"
	check_eq "$1: gic-demo still running" "running" "$(cell_state gic-demo)"
}

# SGI 6 is Linux's CPU wake-up IPI, which nothing sends under PSCI: the
# root's count of it must not move when the cell aims it at CPUs 0 and 1.
root_ipi6() {
	grep '^ *IPI6:' /proc/interrupts | awk '{ print $2, $3 }'
}
ipi0=$(root_ipi6)
refused "SGI to root CPUs" "attack=sgi sgi=6 targets=0x3"
check_contains "SGI: sent" "$c" "Attacker: SGI sent"
sleep 1
check_eq "SGI: root CPUs 0 and 1 took none" "$ipi0" "$(root_ipi6)"

# PSCI on CPU 0, the root's: not the cell's to switch on or ask about.
refused "PSCI on a root CPU" "attack=psci mpidr=0"
check_contains "PSCI: CPU_ON refused" "$c" \
	"Attacker: CPU_ON 0x0 returned -2"
check_contains "PSCI: AFFINITY_INFO refused" "$c" \
	"Attacker: AFFINITY_INFO 0x0 returned -2"
check_eq "PSCI: root CPUs still online" "1 1" \
	"$(echo $(cat /sys/devices/system/cpu/cpu0/online 2>/dev/null || echo 1) $(cat /sys/devices/system/cpu/cpu1/online))"

# The root's management hypercalls: -EPERM, an unknown code -ENOSYS.
refused "hypercalls" "attack=hypercalls"
for code in 0 1 2 3 4; do
	check_contains "hypercalls: $code refused" "$c" \
		"Attacker: hypercall $code returned -1"
done
check_contains "hypercalls: unknown code" "$c" \
	"Attacker: hypercall 4660 returned -38"
case "$(cat "$log")" in
*"went through"*)
	fail "no attack went through" "$(grep -m 1 'went through' "$log")" ;;
*) pass "no attack went through" ;;
esac

# GICv3: the cell marks every private interrupt of its own CPU active in
# its redistributor, the hypervisor's management SGI 15 included, then
# fails on foreign memory: movz x0, #0x080f, lsl #16; movk x0, #0x300
# (GICR_ISACTIVER0 of CPU 2); movn w1, #0; str w1, [x0];
# movz x0, #0x7000, lsl #16; ldr x1, [x0]; b .  The write must be taken
# less the hypervisor's interrupts: the next load kicks the parked CPU,
# and an active SGI 15 would never be signalled (the load would hang).
if [ "$ARM64_GIC" = GICv3 ]; then
	printf '\340\001\241\322\000\140\200\362\001\000\200\022\001\000\000\271\000\000\256\322\001\000\100\371\000\000\000\024' \
		> $tmp/code.bin
	expect_ok jailhouse cell load uart-demo $tmp/code.bin
	expect_ok jailhouse cell start uart-demo
	wait_cell_state uart-demo failed 10
	check_eq "own redistributor written, then failed" "failed" \
		"$(cell_state uart-demo)"
	sleep 1
	loads=$(grep -c 'Cell "uart-demo" can be loaded' "$log")
	expect_ok jailhouse cell load uart-demo $tmp/code.bin
	check_eq "the parked CPU took the kick" "$((loads + 1))" \
		"$(sleep 1; grep -c 'Cell "uart-demo" can be loaded' "$log")"
fi

kill "$follower"
wait "$follower" 2>/dev/null
expect_ok jailhouse cell destroy uart-demo
expect_ok jailhouse cell shutdown gic-demo
expect_ok jailhouse cell destroy gic-demo
check_eq "mem pool usage back" "$mem0" "$(cat $sysfs/mem_pool_used)"
check_eq "CPUs back in Linux" "1 1" \
	"$(echo $(cat /sys/devices/system/cpu/cpu2/online /sys/devices/system/cpu/cpu3/online))"
check_eq "root cell has all CPUs" "0-3" "$(cat $sysfs/cells/0/cpus_assigned_list)"
expect_ok jailhouse disable || dump_dmesg
