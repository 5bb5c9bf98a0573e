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
# aimed below vector 16 and for switching on DMA remapping. A pci-demo
# cell owns edu: its MSI toward a root CPU stays disabled, toward its
# own CPU it arrives through the hypervisor's remapping entry, while an
# apic-demo cell runs beside it on the CPU Linux had the serial
# interrupt on. An e1000-demo cell's MSI and MSI-X vectors go through
# entries of its own too (one toward a root CPU stays masked). Disable
# hands Linux its table and queue back, and its
# interrupts keep coming (Linux's own queue moves one once more).
# stockade-qemu: -cpu qemu64,+svm,+npt,+x2apic -device intel-iommu,intremap=on,eim=on -device edu,addr=05.0,dma_mask=0xffffffff
# stockade-append: intel_iommu=off
# stockade-not-x2apic-ir: builds the remapping machine itself and runs in check-x86 already
# stockade-timeout: 540

. /scenarios/lib.sh

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

expect_ok jailhouse enable "$cfg" || { dump_dmesg; exit 0; }
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
# index 0x1a0, whose top bits would read as APIC ID 3 in the plain
# format: still accepted once CPU 3 is a cell's (below).
rtemod=/lib/modules/$(uname -r)/extra/tests/ioapicrte.ko
rte() {
	insmod "$rtemod" pin=20 write=1 lo="$1" hi="$2" || return
	p=/sys/module/ioapicrte/parameters
	printf '0x%08x%08x' "$(cat $p/hi_read)" "$(cat $p/lo_read)"
	rmmod ioapicrte
}

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
		"0x0341000000000030" "$(rte 0x30 0x03410000)"
	rte 0x10000 0 >/dev/null
fi

# A cell's device under remapping, beside apic-demo.
mem "$target" 32 0x600dcafe
expect_ok jailhouse cell create /etc/jailhouse/pci-demo.cell || dump_dmesg
expect_ok jailhouse cell load pci-demo $demos/pci-demo.bin \
	-s "con-type=jailhouse target=$target stray-msi=0" -a 0x1000
expect_ok jailhouse cell start pci-demo
console_has "pci-demo finds edu" \
	"pci-demo: edu at 00:05.0, BAR0 0xfea00000, ident 0x10000ed" 30
console_has "edu's MSI toward root CPU 0 stays disabled" \
	"pci-demo: MSI toward APIC ID 0: left disabled" 30
console_has "edu's MSI reaches the cell's CPU through remapping" \
	"pci-demo: MSI arrived" 30
console_has "pci-demo is done" "pci-demo: done" 30
check_eq "the root's page is unchanged" "0x600DCAFE" "$(mem "$target" 32)"
more "beside the cell, the serial port interrupts" ttyS0
console_has "the cell's device gets a remapping entry" \
	'Reserving 1 interrupt(s) for device 00:05.0 at index 256' 5
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

check_eq "the root keeps all its CPUs beside the cell" "" \
	"$(cat $sysfs/cells/0/cpus_failed_list)"
expect_ok jailhouse disable || exit 0
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
