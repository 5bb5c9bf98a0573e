#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# The root cell's IOAPIC under the hypervisor: every access traps and is
# filtered by the pins of the config. Linux's IOAPIC interrupts keep
# working (the console UART, also after Linux moved it to another CPU by
# rewriting its redirection entry), and entries that would INIT a CPU or
# send to an APIC ID outside the cell are refused and masked, with a
# console line each.

. /scenarios/lib.sh

sysfs=/sys/devices/jailhouse
cfg="$X86_ROOT_CELL"

lsmod | grep -q '^jailhouse ' || insmod "$JAILHOUSE_KO"

# irq_count IRQ [CPU]: interrupts of IRQ on CPU (all CPUs without one).
irq_count() {
	awk -v irq="$1:" -v cpu="${2:--1}" '
		$1 == irq { s = 0
			for (i = 2; i < NF && $i ~ /^[0-9]+$/; i++)
				if (cpu < 0 || i - 2 == cpu) s += $i
			print s }' /proc/interrupts
}

# chatter: console output, which the UART driver sends by interrupts.
chatter() {
	for n in 1 2 3 4 5 6 7 8 9 10 11 12; do
		echo "ioapic scenario output line $n of 12"
	done
}

# rises WHAT IRQ [CPU]: after some output the count of IRQ (on CPU) grows;
# the UART may still be sending when echo returns, so wait a little.
rises() {
	what=$1
	shift
	before=$(irq_count "$@")
	chatter
	for n in 1 2 3 4 5 6 7 8 9 10; do
		after=$(irq_count "$@")
		[ "$after" -gt "$before" ] && break
		sleep 0.5
	done
	[ "$after" -gt "$before" ] && pass "$what" ||
		fail "$what" "$before -> $after: $(grep "^ *$1:" /proc/interrupts)"
}

# rte PIN [LO HI]: the entry of PIN as "0xHHHHHHHHLLLLLLLL", after
# programming it with LO and HI if given (ioapicrte.ko).
rte() {
	if [ $# -eq 3 ]; then
		insmod "$rtemod" pin="$1" write=1 lo="$2" hi="$3" || return
	else
		insmod "$rtemod" pin="$1" || return
	fi
	p=/sys/module/ioapicrte/parameters
	printf '0x%08x%08x' "$(cat $p/hi_read)" "$(cat $p/lo_read)"
	rmmod ioapicrte
}
rtemod=/lib/modules/$(uname -r)/extra/tests/ioapicrte.ko

uart_irq=$(awk '/ttyS0/ { sub(":", "", $1); print $1 }' /proc/interrupts)
case "$(grep " ttyS0" /proc/interrupts)" in
*IO-APIC*) pass "ttyS0 is on IOAPIC line $uart_irq" ;;
*) skip "IOAPIC interrupts" "ttyS0 is not on the IOAPIC"; exit 0 ;;
esac
affinity=$(cat /proc/irq/$uart_irq/smp_affinity_list)

expect_ok jailhouse enable "$cfg" || exit 0
rises "ttyS0 interrupts under the hypervisor" "$uart_irq"

# Linux rewrites the entry (trapped) to move the interrupt to CPU 2.
echo 2 >/proc/irq/$uart_irq/smp_affinity_list
chatter
rises "ttyS0 interrupts on CPU 2 after a move" "$uart_irq" 2
echo "$affinity" >/proc/irq/$uart_irq/smp_affinity_list

# Pin 20 is unused: Linux left it masked. INIT delivery, then a physical
# destination no CPU has (APIC ID 0x0f).
pin=20
if check_file "ioapicrte.ko is installed" "$rtemod"; then
	check_eq "unused pin $pin is masked" "0x0000000000010000" "$(rte $pin)"
	# A refused entry keeps its old contents, masked.
	check_eq "INIT entry refused, pin masked" "0x0000000000010000" \
		"$(rte $pin 0x530 0)"
	check_eq "entry to APIC ID 0x0f refused, pin masked" \
		"0x0f00000000010000" "$(rte $pin 0x31 0x0f000000)"
	check_eq "masked entries may be anything" "0x0f00000000010500" \
		"$(rte $pin 0x10500 0x0f000000)"
	# Bit 48, the remappable format, selects a remapping entry: refused
	# where the hypervisor does not remap interrupts, the root's to use
	# (entry 0, one of Linux's, checked) where it does.
	if [ "$X86_ROOT_MODE" = x2apic-ir ]; then
		check_eq "remappable entry accepted under remapping" \
			"0x0001000000000030" "$(rte $pin 0x30 0x00010000)"
	else
		check_eq "remappable entry refused, pin masked" \
			"0x0001000000010500" "$(rte $pin 0x30 0x00010000)"
	fi
	rte $pin 0x10000 0 >/dev/null
fi
con=$(cat $sysfs/console)
check_contains "console names the refused INIT entry" "$con" \
	"IOAPIC pin $pin: cell \"QEMU-VM\" may not set entry 0x0000000000000530 (delivery mode): masked"
check_contains "console names the refused destination" "$con" \
	"IOAPIC pin $pin: cell \"QEMU-VM\" may not set entry 0x0f00000000000031 (destination outside the cell): masked"
if [ "$X86_ROOT_MODE" = x2apic-ir ]; then
	check_eq "no refusal of the remappable entry" "" \
		"$(echo "$con" | grep 'may not set entry 0x0001000000000030')"
else
	check_contains "console names the refused remappable entry" "$con" \
		"IOAPIC pin $pin: cell \"QEMU-VM\" may not set entry 0x0001000000000030 (remappable format without interrupt remapping): masked"
fi
check_eq "no failed CPUs" "" "$(cat $sysfs/cells/0/cpus_failed_list)"

expect_ok jailhouse disable || exit 0
rises "ttyS0 interrupts after disable" "$uart_irq"
