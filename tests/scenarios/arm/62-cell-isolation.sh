#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Two ARMv7 cells at once, and isolation, on QEMU virt and the emulated
# Banana Pi: gic-demo (CPU 3) and uart-demo (CPU 2) run next to the root
# Linux, uart-demo printing on its own console region, a sub-page one
# (virt: 256 bytes of the shared PL011; BPI-M2 Ultra: UART7's 1 KiB, whose
# page UART4..6 share; BPI-M2+: UART3's), each access trapped. Then code of this test in the
# uart-demo cell reads memory the cell does not own, enables an
# interrupt it does not own in the GIC distributor, reads a word just
# outside its sub-page region and makes a byte access inside it (the
# region allows 32-bit ones only). Each time that cell ends failed with
# a console line naming CPU, cell and address (misbehave in lib.sh),
# while gic-demo keeps taking timer interrupts and Linux keeps working;
# the failed cell can be destroyed and everything comes back. The
# attacker inmate then reads root RAM, writes hypervisor memory and makes
# a 64-bit (LDRD) access to the distributor (the cell fails each time),
# sends an SGI to root CPUs, calls PSCI on a root CPU and the root's
# hypercalls (refused, the cell running on).
# stockade-timeout: 420

. /scenarios/lib.sh

sysfs=/sys/devices/jailhouse
demos=/usr/libexec/jailhouse/demos
cpus=/sys/devices/system/cpu
tmp=/tmp/isolation
mkdir -p $tmp

# arm_word WORD: printf escapes of a little-endian ARM instruction.
arm_word() {
	printf '\\%03o\\%03o\\%03o\\%03o' $(($1 & 255)) $((($1 >> 8) & 255)) \
		$((($1 >> 16) & 255)) $((($1 >> 24) & 255))
}

# r0_is ADDR: movw r0, #lo; movt r0, #hi.
r0_is() {
	lo=$(($1 & 0xffff))
	hi=$((($1 >> 16) & 0xffff))
	arm_word $((0xe3000000 | (lo >> 12) << 16 | (lo & 0xfff)))
	arm_word $((0xe3400000 | (hi >> 12) << 16 | (hi & 0xfff)))
}

LDR_R1_R0=0xe5901000	# ldr r1, [r0]
LDRB_R1_R0=0xe5d01000	# ldrb r1, [r0]
MOV_R1_1=0xe3a01001	# mov r1, #1
STR_R1_R0=0xe5801000	# str r1, [r0]
B_SELF=0xeafffffe	# b .

# The cell's console region (sub-page) and the first address after it.
case "$ARM_CELLS" in
*/bananapi-m2-ultra-)	con=0x1c29c00 ;;	# UART7
*/bananapi-m2-plus-)	con=0x1c28c00 ;;	# UART3
*)			con=0x9000000 ;;	# the PL011's first 256 bytes
esac
case "$ARM_CELLS" in
*/bananapi-*)	con_end=$((con + 0x400)) ;;
*)		con_end=$((con + 0x100)) ;;
esac
# The word below it: on the Banana Pis another UART's last register, in
# the same page.
con_below=$((con - 4))

# id_of NAME: the sysfs id of cell NAME.
id_of() {
	for d in "$sysfs"/cells/*; do
		[ "$(cat "$d/name" 2>/dev/null)" = "$1" ] && echo "${d##*/}"
	done
}

lsmod | grep -q '^jailhouse ' || insmod "$JAILHOUSE_KO"
expect_ok jailhouse enable "$ARM_ROOT_CELL" || { dump_dmesg; exit 0; }
mem0=$(cat $sysfs/mem_pool_used)

expect_ok jailhouse cell create "${ARM_CELLS}gic-demo.cell"
expect_ok jailhouse cell load gic-demo $demos/gic-demo.bin \
	-s "con-type=jailhouse" -a 0x1000
expect_ok jailhouse cell start gic-demo
console_has "gic-demo timer fires" "Timer fired, jitter"

expect_ok jailhouse cell create "${ARM_CELLS}uart-demo.cell"
check_eq "root cell kept CPUs 0-1" "0-1" \
	"$(cat $sysfs/cells/0/cpus_assigned_list)"
uid=$(id_of uart-demo)
mmio0=$(cat "$sysfs/cells/$uid/statistics/vmexits_mmio" 2>/dev/null)
# Its own console: every UART register access is one trapped exit. The
# host sees the UART: virt's PL011 and bpim2u's UART7 write to the
# console log (ci/run-qemu.sh). The marker goes out before the cell
# writes, so that no line of the cell's can run into it.
expect_serial "Hello 5 from cell!"
expect_ok jailhouse cell load uart-demo $demos/uart-demo.bin \
	-s "count=5" -a 0x1000
expect_ok jailhouse cell start uart-demo
sleep 3
mmio1=$(cat "$sysfs/cells/$uid/statistics/vmexits_mmio" 2>/dev/null)
if [ -n "$mmio1" ] && [ $((mmio1 - ${mmio0:-0})) -ge 200 ]; then
	pass "uart-demo wrote its lines through the sub-page region"
else
	fail "uart-demo wrote its lines through the sub-page region" \
		"MMIO exits ${mmio0:-none} -> ${mmio1:-none}"
fi
check_eq "both cells run" "running running" \
	"$(echo "$(cell_state gic-demo)" "$(cell_state uart-demo)")"
case "$(jailhouse console)" in
*'cell "uart-demo": refused'*) fail "uart-demo's own accesses taken" \
	"$(jailhouse console | grep 'uart-demo": refused' | head -n 1)" ;;
*) pass "uart-demo's own accesses taken" ;;
esac

# Its lines through the hypervisor console too, next to gic-demo's.
expect_ok jailhouse cell load uart-demo $demos/uart-demo.bin \
	-s "con-type=jailhouse" -a 0x1000
expect_ok jailhouse cell start uart-demo
console_has "uart-demo prints next to gic-demo" "Hello 3 from cell"

misbehave "read of foreign memory" \
	"$(r0_is 0x70000000)$(arm_word $LDR_R1_R0)$(arm_word $B_SELF)" \
	'CPU 2, cell "uart-demo": refused MMIO read at 0x70000000'
# GICD_ISENABLER1: SPIs 32..63 belong to the root cell.
misbehave "enable of a foreign SPI" \
	"$(r0_is $((ARM_GICD + 0x104)))$(arm_word $MOV_R1_1)$(arm_word $STR_R1_R0)$(arm_word $B_SELF)" \
	"CPU 2, cell \"uart-demo\": refused MMIO write at $(printf 0x%x $((ARM_GICD + 0x104)))"
misbehave "word below the sub-page region" \
	"$(r0_is $con_below)$(arm_word $LDR_R1_R0)$(arm_word $B_SELF)" \
	"CPU 2, cell \"uart-demo\": refused MMIO read at $(printf 0x%x $con_below), 4 bytes (no region)"
misbehave "word after the sub-page region" \
	"$(r0_is $con_end)$(arm_word $LDR_R1_R0)$(arm_word $B_SELF)" \
	"CPU 2, cell \"uart-demo\": refused MMIO read at $(printf 0x%x $con_end), 4 bytes (no region)"
misbehave "byte access to a 32-bit-only sub-page region" \
	"$(r0_is $con)$(arm_word $LDRB_R1_R0)$(arm_word $B_SELF)" \
	"CPU 2, cell \"uart-demo\": refused MMIO read at $(printf 0x%x $con), 1 bytes (by its handler)"

# The attacker inmate (arm64's source on the ARMv7 library) in the same
# cell, while gic-demo runs on. gic-demo's lines scroll the console ring
# faster than a busy machine polls it: these runs are judged on a log
# that follows it.
log=$tmp/console.log
: >"$log"
jailhouse console -f >"$log" 2>&1 &
follower=$!

# since FROM: the log after line FROM. wait_log WHAT TEXT FROM: TEXT
# there within 30 s.
since() {
	tail -n +$(($1 + 1)) "$log"
}
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

# run_attacker WHAT ARGS: the attacker with ARGS started in uart-demo's
# cell; from is where its run begins in the log.
run_attacker() {
	expect_ok jailhouse cell load uart-demo $demos/attacker.bin \
		-s "con-type=jailhouse $2" -a 0x1000
	before=$(gic_demo_exits)
	from=$(wc -l <"$log")
	expect_ok jailhouse cell start uart-demo
}

# others_run WHAT: gic-demo took interrupts since $before, Linux computes.
others_run() {
	sleep 1
	after=$(gic_demo_exits)
	if [ -n "$after" ] && [ -n "$before" ] && [ "$after" -gt "$before" ]
	then
		pass "$1: gic-demo keeps running"
	else
		fail "$1: gic-demo keeps running" "$before -> $after exits"
	fi
	check_eq "$1: root Linux computes" "ok" \
		"$(dd if=/dev/zero bs=64k count=50 2>/dev/null | md5sum >/dev/null && echo ok)"
}

# attack WHAT ARGS TEXT: the attacker must fail with TEXT on the console.
attack() {
	run_attacker "$1" "$2"
	wait_log "$1: refused with a console line" "$3" "$from"
	wait_log "$1: the failure names CPU and cell" \
		'Cell "uart-demo" failed; CPU 2 parked' "$from"
	check_eq "$1: uart-demo failed" "failed" "$(cell_state uart-demo)"
	others_run "$1"
}

# refused WHAT ARGS: the attacker runs to its end and keeps running; its
# lines are in $c afterwards.
refused() {
	run_attacker "$1" "$2"
	wait_log "$1: the attacker ran" "Attacker: done" "$from"
	c=$(since "$from")
	check_eq "$1: uart-demo still running" "running" \
		"$(cell_state uart-demo)"
	others_run "$1"
}

attack "attacker: read of root RAM" "attack=read addr=0x40000000" \
	'CPU 2, cell "uart-demo": refused MMIO read at 0x40000000, 4 bytes (no region)'
attack "attacker: write to hypervisor memory" "attack=write addr=0x70000000" \
	'CPU 2, cell "uart-demo": refused MMIO write at 0x70000000, 4 bytes (no region)'
# One LDRD of GICD_CTLR: a 64-bit access to a 32-bit register, with no
# instruction syndrome for the hypervisor to emulate it by.
attack "attacker: 64-bit access to a GIC register" "attack=gicd64 reg=0" \
	'FATAL: MMIO access without instruction syndrome on CPU 2, cell "uart-demo"'
check_contains "attacker: 64-bit access: the address in the dump" \
	"$(since "$from")" "HDFAR $ARM_GICD"

# SGI 0 is Linux's CPU wake-up IPI, which nothing sends under PSCI: the
# root's count of it must not move when the cell aims it at CPUs 0 and 1.
root_ipi0() {
	grep '^ *IPI0:' /proc/interrupts | awk '{ print $2, $3 }'
}
ipi0=$(root_ipi0)
case "$ipi0" in
[0-9]*" "[0-9]*) pass "attacker: root's SGI 0 counts read ($ipi0)" ;;
*) fail "attacker: root's SGI 0 counts read" "'$ipi0'" ;;
esac
refused "attacker: SGI to root CPUs" "attack=sgi sgi=0 targets=0x3"
check_contains "attacker: SGI sent" "$c" "Attacker: SGI sent"
sleep 1
check_eq "attacker: root CPUs 0 and 1 took no SGI 0" "$ipi0" "$(root_ipi0)"

# PSCI on CPU 0, the root's: not the cell's to switch on or ask about.
refused "attacker: PSCI on a root CPU" "attack=psci mpidr=0"
check_contains "attacker: CPU_ON refused" "$c" \
	"Attacker: CPU_ON 0x0 returned -2"
check_contains "attacker: AFFINITY_INFO refused" "$c" \
	"Attacker: AFFINITY_INFO 0x0 returned -2"
check_eq "attacker: root CPU 1 still online" "1" \
	"$(cat $cpus/cpu1/online)"

# The root's management hypercalls: -EPERM, an unknown code -ENOSYS.
refused "attacker: hypercalls" "attack=hypercalls"
for code in 0 1 2 3 4; do
	check_contains "attacker: hypercall $code refused" "$c" \
		"Attacker: hypercall $code returned -1"
done
check_contains "attacker: unknown hypercall" "$c" \
	"Attacker: hypercall 4660 returned -38"
case "$(cat "$log")" in
*"went through"*)
	fail "attacker: no attack went through" \
		"$(grep -m 1 'went through' "$log")" ;;
*) pass "attacker: no attack went through" ;;
esac
kill "$follower"
wait "$follower" 2>/dev/null

expect_ok jailhouse cell destroy uart-demo
expect_ok jailhouse cell shutdown gic-demo
expect_ok jailhouse cell destroy gic-demo
check_eq "mem pool usage back" "$mem0" "$(cat $sysfs/mem_pool_used)"
check_eq "CPUs back in Linux" "1 1" \
	"$(echo "$(cat $cpus/cpu2/online)" "$(cat $cpus/cpu3/online)")"
check_eq "root cell has all CPUs" "0-3" \
	"$(cat $sysfs/cells/0/cpus_assigned_list)"
expect_ok jailhouse disable || dump_dmesg
