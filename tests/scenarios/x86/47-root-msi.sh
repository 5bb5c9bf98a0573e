#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# The root cell's own devices, where no interrupt remapping checks their
# messages: an MSI the root aims at a non-root cell's CPU is refused (MSI
# left disabled, one line), one at its own CPUs is enabled as written.
# The device is the AHCI controller (00:1f.2, MSI at 0x80, listed in the
# root config), which nothing drives in this initramfs; apic-demo holds
# CPU 3 (APIC ID 3) meanwhile.
# stockade-not-x2apic-ir: under remapping the root's messages select entries the hypervisor checks (49-vtd-ir-own-boot)

. /scenarios/lib.sh

ahci=/sys/bus/pci/devices/0000:00:1f.2/config
demos=/usr/libexec/jailhouse/demos

lsmod | grep -q '^jailhouse ' || insmod "$JAILHOUSE_KO"
check_file "the AHCI controller is there" "$ahci" || exit 0

# msi_ctrl: the MSI control word as the device holds it.
msi_ctrl() {
	od -A n -t x2 -j $((0x82)) -N 2 "$ahci" | tr -d ' '
}

# root_msi APIC: the root points AHCI's MSI at APIC ID APIC, vector 0x41,
# and enables it (64-bit address, one vector).
root_msi() {
	set_bytes "$ahci" $((0x84)) "\\000\\0$(printf '%o' $(($1 << 4)))\\340\\376"
	set_bytes "$ahci" $((0x88)) '\000\000\000\000'
	set_bytes "$ahci" $((0x8c)) '\101\000'
	set_bytes "$ahci" $((0x82)) '\201\000'
}

expect_ok jailhouse enable "$X86_ROOT_CELL" || { dump_dmesg; exit 0; }
expect_ok jailhouse cell create /etc/jailhouse/apic-demo.cell
expect_ok jailhouse cell load apic-demo $demos/apic-demo.bin
expect_ok jailhouse cell start apic-demo

root_msi 3
console_has "the root may not aim a device's MSI at the cell's CPU" \
	'PCI 00:1f.2: cell "QEMU-VM" may not enable MSI with address 0xfee03000, data 0x41' 5
check_eq "... the device keeps MSI disabled" "0080" "$(msi_ctrl)"

root_msi 1
check_eq "an MSI at the root's own CPU 1 is enabled" "0081" "$(msi_ctrl)"
set_bytes "$ahci" $((0x82)) '\200\000'

check_eq "apic-demo runs on" "running" "$(cell_state apic-demo)"
expect_ok jailhouse cell destroy apic-demo
expect_ok jailhouse disable
