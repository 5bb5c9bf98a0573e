#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# VT-d interrupt remapping owned by the hypervisor. QEMU's intel-iommu
# with remapping on and a CPU with x2APIC: Linux enables remapping itself
# and runs its APICs in x2APIC mode (its DMA remapping stays off,
# intel_iommu=off). At enable the hypervisor puts its own table and
# queue in place, with checked copies of Linux's entries; Linux's view
# of the unit is emulated from then on. Under it the root keeps its
# serial interrupts, timers, IPIs and CPU offline/online, moves an
# interrupt to another CPU (the changed entry reaches the hypervisor's
# table through Linux's queue), and gets one refusal line for an entry
# aimed below vector 16 and for switching on DMA remapping; an IOAPIC
# entry of Linux's that selects a remapping entry past the root's is
# masked at enable and refused later. A pci-demo
# cell owns edu: its MSI toward a root CPU stays disabled, toward its
# own CPU it arrives through the hypervisor's remapping entry, while an
# apic-demo cell runs beside it on the CPU Linux had the serial
# interrupt on. An e1000-demo cell's MSI and MSI-X vectors go through
# entries of its own too (one toward a root CPU stays masked). pci-demo's
# blocked DMA is reported by the unit's fault event (an NMI) while the
# cell runs, and edu's own interrupt messages (intmsg-lib.sh), which
# QEMU passes in compatibility format, leave the hypervisor alive. An
# ioapic-demo cell's IOAPIC pin (9, the ACPI SCI) reaches the IOAPIC in
# remappable form, through an entry of the pin's: the level interrupt
# arrives twice, the cell reads back the entry it wrote, and after
# destroy the pin's real entry is the masked remappable one. Disable
# hands Linux its table and queue back, and its
# interrupts keep coming (Linux's own queue moves one once more).
# On a loaded host Linux's early check of the timer through the
# remapped IOAPIC gave up twice in seven boots ("timer doesn't work
# through Interrupt-remapped IO-APIC", a panic before the hypervisor
# ever ran); no_timer_check skips that check.
# stockade-qemu: -cpu qemu64,+svm,+npt,+x2apic -device intel-iommu,intremap=on,eim=on -device edu,addr=05.0,dma_mask=0xffffffff
# stockade-append: intel_iommu=off no_timer_check
# stockade-not-x2apic-ir: builds the remapping machine itself and runs in check-x86 already
# stockade-timeout: 540

. /scenarios/lib.sh
. /scenarios/intmsg-lib.sh

sysfs=/sys/devices/jailhouse
cfg=/etc/jailhouse/qemu-x86-vtd-ir.cell
demos=/usr/libexec/jailhouse/demos
target=0x3a701000

lsmod | grep -q '^jailhouse ' || insmod "$JAILHOUSE_KO"

mem() {
	busybox devmem "$@"
}

# irqs NAME [CPU]: interrupts of /proc/interrupts line NAME, all CPUs or
# one (0-3).
irqs() {
	awk -v name="$1" -v cpu="${2:-}" '$NF == name {
		if (cpu != "") { print $(cpu + 2); exit }
		print $2 + $3 + $4 + $5; exit }' /proc/interrupts
}

# more WHAT NAME [CPU]: NAME's interrupts grow while the console talks.
more() {
	local before after n

	before=$(irqs "$2" "${3:-}")
	for n in 1 2 3 4 5 6 7 8; do
		echo "$1: line $n"
	done
	sleep 1
	after=$(irqs "$2" "${3:-}")
	[ "$after" -gt "$before" ] && pass "$1 ($before -> $after)" ||
		fail "$1" "$2 stayed at $before"
}

# timers WHAT: every CPU's local timer ticks on.
timers() {
	local before after

	before=$(awk '$1 == "LOC:" { print $2, $3, $4, $5 }' /proc/interrupts)
	sleep 1
	after=$(awk '$1 == "LOC:" { print $2, $3, $4, $5 }' /proc/interrupts)
	set -- $before $after
	[ "$5" -gt "$1" ] && [ "$6" -gt "$2" ] && [ "$7" -gt "$3" ] &&
		[ "$8" -gt "$4" ] && pass "$WHAT every CPU's timer ticks" ||
		fail "$WHAT every CPU's timer ticks" "$before -> $after"
}

check_contains "Linux remaps interrupts in x2APIC mode" "$(dmesg)" \
	"Enabled IRQ remapping in x2apic mode"
check_contains "the remapped IOAPIC serves the serial port" \
	"$(grep ' ttyS0' /proc/interrupts)" "IR-IO-APIC"

# ioapicrte.ko: an IOAPIC entry written (rte LO HI) and read back
# (both, and rte_read PIN) the way Linux's IOAPIC code does.
rtemod=/lib/modules/$(uname -r)/extra/tests/ioapicrte.ko
rte() {
	insmod "$rtemod" pin=20 write=1 lo="$1" hi="$2" || return
	p=/sys/module/ioapicrte/parameters
	printf '0x%08x%08x' "$(cat $p/hi_read)" "$(cat $p/lo_read)"
	rmmod ioapicrte
}
# rte_read PIN: the entry of PIN as the root reads it.
rte_read() {
	insmod "$rtemod" pin="$1" || return
	p=/sys/module/ioapicrte/parameters
	printf '0x%08x%08x' "$(cat $p/hi_read)" "$(cat $p/lo_read)"
	rmmod ioapicrte
}

# Before enable, unused pin 20 selects entry 0x1a0 of Linux's table,
# unmasked: past the root's remapping entries, where cells' pins get
# theirs, so enable masks it, with a line.
[ -f "$rtemod" ] && rte 0x30 0x03410000 >/dev/null

# Linux's fault event registers (control, data, address), which the
# hypervisor points at a root CPU as an NMI while it runs.
fault_event() {
	echo "$(mem 0xfed90038 32) $(mem 0xfed9003c 32) $(mem 0xfed90040 32)"
}
linux_fault_event=$(fault_event)
expect_ok jailhouse enable "$cfg" || { dump_dmesg; exit 0; }
if check_file "ioapicrte.ko is installed" "$rtemod"; then
	console_has "enable masks a root entry selecting a cells' remapping entry" \
		"IOAPIC pin 20: cell \"QEMU-VM\" may not keep entry 0x0341000000000030 (remapping entry not the root cell's): masked" 5
	check_eq "... in the IOAPIC" "0x0341000000010030" "$(rte_read 20)"
	rte 0x10000 0 >/dev/null
fi
con=$(cat $sysfs/console)
check_contains "the hypervisor takes Linux's remapping over" "$con" \
	"VT-d unit at 0xfed90000: interrupt remapping taken over"
n=$(echo "$con" | sed -n 's/.*taken over, \([0-9]*\) of Linux.*/\1/p')
[ "${n:-0}" -gt 0 ] && pass "Linux's entries checked in: $n" ||
	fail "Linux's entries checked in" "none"
check_contains "no entry of Linux refused" "$(echo "$con" | grep -c refused)" \
	"0"

more "under the hypervisor, the serial port interrupts" ttyS0
WHAT="under the hypervisor," timers
echo 8 > /proc/irq/4/smp_affinity
more "the serial interrupt moved to CPU 3 arrives there" ttyS0 3
echo f > /proc/irq/4/smp_affinity
echo 0 > /sys/devices/system/cpu/cpu2/online &&
	echo 1 > /sys/devices/system/cpu/cpu2/online &&
	pass "CPU 2 goes offline and online again" ||
	fail "CPU 2 goes offline and online again" "it did not"
more "after CPU 2's return, the serial port interrupts" ttyS0
check_eq "the root keeps all its CPUs" "" \
	"$(cat $sysfs/cells/0/cpus_failed_list)"

# vtdpoke.ko: an entry of Linux's table aimed at vector 5 (index 255,
# unused), then the table pointer command: checked again, refused.
poke=/lib/modules/$(uname -r)/extra/tests/vtdpoke.ko
vtdpoke() {
	insmod "$poke" "$@" && rmmod vtdpoke
}
if check_file "vtdpoke.ko is installed" "$poke"; then
	vtdpoke entry=255 lo=0x50001 hi=0x40028 gcmd=0x07000000
	console_has "a root entry below vector 16 is refused" \
		"remapping entry 255 of the root cell refused: vector below 16" 5
	vtdpoke entry=255 lo=0 hi=0 gcmd=0x07000000
	vtdpoke gcmd=0x86000000
	console_has "the root may not switch DMA remapping on" \
		"the root cell may not switch on DMA remapping; ignored" 5
fi
more "after the refusals, the serial port interrupts" ttyS0

# The root's IOAPIC entries are remappable ones: accepted as such (the
# remapping entry they select is checked), here on unused pin 20 with
# index 0xa0, while CPU 3 is a cell's (below). Index 0x1a0 is past the
# root's entries, where cells' pins have theirs (all with the IOAPIC's
# source id): refused and masked.
#
# apic-demo takes CPU 3, where the serial interrupt was: Linux moves it
# away, and the interrupt keeps coming beside the cell.
echo 8 > /proc/irq/4/smp_affinity
expect_ok jailhouse cell create /etc/jailhouse/apic-demo.cell
expect_ok jailhouse cell load apic-demo $demos/apic-demo.bin \
	-s "con-type=jailhouse" -a 0x1000
expect_ok jailhouse cell start apic-demo
console_has "apic-demo's timer fires" "Timer fired, jitter" 30
more "with CPU 3 in a cell, the serial port interrupts" ttyS0
if check_file "ioapicrte.ko is installed" "$rtemod"; then
	check_eq "the root's remappable IOAPIC entry is accepted" \
		"0x0141000000000030" "$(rte 0x30 0x01410000)"
	rte 0x10000 0 >/dev/null
	check_eq "a root entry selecting a cells' remapping entry is masked" \
		"0x0341000000010000" "$(rte 0x30 0x03410000)"
	console_has "... with a refusal line" \
		"may not set entry 0x0341000000000030 (remapping entry not the root cell's): masked" 5
	rte 0x10000 0 >/dev/null
fi

# A cell's device under remapping, beside apic-demo.
mem "$target" 32 0x600dcafe
expect_ok jailhouse cell create /etc/jailhouse/pci-demo.cell || dump_dmesg
expect_ok jailhouse cell load pci-demo $demos/pci-demo.bin \
	-s "con-type=jailhouse target=$target stray-msi=0 intmsg=0" -a 0x1000
expect_ok jailhouse cell start pci-demo
console_has "pci-demo finds edu" \
	"pci-demo: edu at 00:05.0, BAR0 0xfea00000, ident 0x10000ed" 30
# Root Linux in x2APIC mode seldom exits on MMIO, where the hypervisor
# also looks for faults: the unit's fault event (an NMI) reports the
# cell's blocked DMA while the device is still the cell's.
console_has "the cell's blocked DMA write is reported while the cell runs" \
	'DMA write of device 00:05.0 (cell "pci-demo") at 0x3a701000 blocked' 30
console_has "the cell's blocked DMA read is reported while the cell runs" \
	'DMA read of device 00:05.0 (cell "pci-demo") at 0x3a701000 blocked' 30
console_has "edu's MSI toward root CPU 0 stays disabled" \
	"pci-demo: MSI toward APIC ID 0: left disabled" 30
intmsg_checks passed
console_has "edu's MSI reaches the cell's CPU through remapping" \
	"pci-demo: MSI arrived" 30
console_has "the cell's device gets a remapping entry" \
	'Reserving 1 interrupt(s) for device 00:05.0 at index 256' 5
console_has "pci-demo is done" "pci-demo: done" 30
check_eq "the root's page is unchanged" "0x600DCAFE" "$(mem "$target" 32)"
more "beside the cell, the serial port interrupts" ttyS0
expect_ok jailhouse cell destroy pci-demo
check_eq "apic-demo runs on" "running" "$(cell_state apic-demo)"
expect_ok jailhouse cell destroy apic-demo
more "after destroy, the serial port interrupts" ttyS0

# The 82574L's MSI and MSI-X in a cell under remapping: the device gets
# remappable messages of entries of the cell's own (the hardware table's
# vector 0 in remappable format), vector 0 arrives, vector 1 toward root
# CPU 0 stays masked.
expect_ok jailhouse cell create /etc/jailhouse/e1000-demo.cell || dump_dmesg
expect_ok jailhouse cell load e1000-demo $demos/e1000-demo.bin \
	-s "con-type=jailhouse target=$target pause=500" -a 0x1000
expect_ok jailhouse cell start e1000-demo
console_has "e1000-demo's MSI arrives through remapping" \
	"e1000-demo: interrupts: arrived" 30
console_has "its MSI-X vector 0 arrives through remapping" \
	"e1000-demo: MSI-X vector 0 toward APIC ID [0-9]*: arrived" 30
console_has "its MSI-X vector 1 toward a root CPU is refused" \
	'cell "e1000-demo" may not unmask MSI-X vector 1 with address 0xfee00000, data 0x53' 5
console_has "e1000-demo is done" "e1000-demo: done" 30
console_has "the 82574L gets a remapping entry" \
	'Reserving 1 interrupt(s) for device 00:02.0 at index' 5
check_eq "MSI-X vector 0 holds a remappable message in the device" "16" \
	"$(( $(mem 0xfeb90000 32) & 0x10 ))"
check_eq "MSI-X vector 1 masked in the device" "0x00000001" \
	"$(mem 0xfeb9001c 32)"
expect_ok jailhouse cell destroy e1000-demo

# A cell's IOAPIC pin under remapping: level-triggered, vector 0x50,
# toward the cell's CPU (APIC ID 3). Real units drop the compatibility
# format (QEMU's does not), so the IOAPIC must hold the remappable one.
# First an NMI on the pin, which no remapping entry carries: masked.
pin_line='IOAPIC pin 9 of cell "ioapic-demo": interrupt remapping entry'
expect_ok jailhouse cell create /etc/jailhouse/ioapic-demo.cell || dump_dmesg
expect_ok jailhouse cell load ioapic-demo $demos/ioapic-demo.bin \
	-s "con-type=jailhouse nmi-first" -a 0x1000
expect_ok jailhouse cell start ioapic-demo
console_has "an NMI on the cell's pin is refused (no remapping entry carries it)" \
	"may not set entry 0x0300000000008450 (delivery mode not fixed or lowest priority under interrupt remapping): masked" 30
console_has "... and the cell reads the pin masked" \
	"ioapic-demo: NMI entry reads 0x0300000000018450" 30
console_has "the cell's pin gets a remapping entry of its own" "$pin_line" 30
console_has "the cell reads back the entry it wrote" \
	"ioapic-demo: pin 9 reads 0x0300000000008050" 30
console_has "the SCI arrives through remapping, twice (level, EOI)" \
	"ioapic-demo: 2 of 2 SCIs arrived (pin 9, vector 0x50, APIC ID 3" 30
idx=$(jailhouse console | sed -n "s/.*$pin_line \([0-9]*\).*/\1/p" |
	tail -n 1)
expect_ok jailhouse cell destroy ioapic-demo
if check_file "ioapicrte.ko is installed" "$rtemod"; then
	check_eq "pin 9 holds the remappable entry ${idx:-?}, masked" \
		"$(printf '0x%08x%08x' $((0x10000 | ${idx:-0} << 17)) $((0x18050)))" \
		"$(rte_read 9)"
fi

# Upstream Jailhouse's ioapic-demo, unchanged, in the same cell where
# UPSTREAM_INMATES packed it: its SCI arrives twice, and its pin went
# through a remapping entry too (its vector 32, level, masked at destroy).
if [ -d /usr/libexec/jailhouse/upstream ]; then
	. /scenarios/upstream-lib.sh
	up_ioapic
	idx=$(jailhouse console |
		sed -n "s/.*$pin_line \([0-9]*\).*/\1/p" | tail -n 1)
	check_eq "upstream ioapic-demo's pin 9: remappable entry ${idx:-?}" \
		"$(printf '0x%08x%08x' $((0x10000 | ${idx:-0} << 17)) $((0x18020)))" \
		"$(rte_read 9)"
else
	skip "upstream ioapic-demo under remapping" \
		"none packed (UPSTREAM_INMATES)"
fi

check_eq "the root keeps all its CPUs beside the cell" "" \
	"$(cat $sysfs/cells/0/cpus_failed_list)"
expect_ok jailhouse disable || exit 0
check_eq "after disable, Linux's fault event registers are back" \
	"$linux_fault_event" "$(fault_event)"
more "after disable, the serial port interrupts" ttyS0
echo 4 > /proc/irq/4/smp_affinity
more "after disable, Linux moves the serial interrupt to CPU 2" ttyS0 2
echo f > /proc/irq/4/smp_affinity
echo 0 > /sys/devices/system/cpu/cpu3/online &&
	echo 1 > /sys/devices/system/cpu/cpu3/online &&
	pass "after disable, CPU 3 goes offline and online again" ||
	fail "after disable, CPU 3 goes offline and online again" "it did not"
check_contains "Linux reports no remapping faults" \
	"$(dmesg | grep -c -i 'DMAR.*fault')" "0"
