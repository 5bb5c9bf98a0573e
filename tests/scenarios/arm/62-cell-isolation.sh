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
# the failed cell can be destroyed and everything comes back.
# stockade-timeout: 300

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

expect_ok jailhouse cell destroy uart-demo
expect_ok jailhouse cell shutdown gic-demo
expect_ok jailhouse cell destroy gic-demo
check_eq "mem pool usage back" "$mem0" "$(cat $sysfs/mem_pool_used)"
check_eq "CPUs back in Linux" "1 1" \
	"$(echo "$(cat $cpus/cpu2/online)" "$(cat $cpus/cpu3/online)")"
check_eq "root cell has all CPUs" "0-3" \
	"$(cat $sysfs/cells/0/cpus_assigned_list)"
expect_ok jailhouse disable || dump_dmesg
