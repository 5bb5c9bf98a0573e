#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# A root config written by `jailhouse config create` runs this machine:
# tests/config-create holds what this very machine (QEMU q35, VT-d, edu)
# shows in /proc, its ACPI tables and PCI config spaces, and the build
# turns them into /etc/jailhouse/generated-x86.cell with the tool (the
# guest has no Python). First `jailhouse config collect` packs the live
# machine's files and they are compared with those, so that a QEMU that
# lays it out differently says so instead of failing below; then the hypervisor is enabled with the generated config,
# runs apic-demo, hands edu to the pci-demo cell through the VT-d unit the
# tool found in the DMAR table, and is disabled again.
# stockade-qemu: -device intel-iommu,intremap=off -device edu,addr=05.0,dma_mask=0xffffffff
# stockade-append: intel_iommu=off
# stockade-not-x2apic-ir: enables with the config written for this VT-d machine without remapping

. /scenarios/lib.sh

cfg=/etc/jailhouse/generated-x86.cell
sums=/usr/share/jailhouse-tests/config-create.md5
demos=/usr/libexec/jailhouse/demos

lsmod | grep -q '^jailhouse ' || insmod "$JAILHOUSE_KO"
check_file "the generated config is installed" "$cfg" || exit 0

# The machine's files as `jailhouse config collect` packs them (the
# collector is C: it runs here), unpacked by busybox's tar.
expect_ok jailhouse config collect /tmp/collected.tar
rm -rf /tmp/collected && mkdir -p /tmp/collected
tar -xf /tmp/collected.tar -C /tmp/collected
check_file "the archive holds every PCI function's config space" \
	/tmp/collected/sys/bus/pci/devices/0000:00:05.0/config
check_eq "a config space is collected whole (root reads 256 bytes)" 256 \
	"$(wc -c </tmp/collected/sys/bus/pci/devices/0000:00:05.0/config)"

# collected_sums: the checksums of what was collected, as the build took
# them from the files the config was made from.
collected_sums() {
	cd /tmp/collected || return
	grep -v ' : Kernel ' proc/iomem | md5sum | sed 's|-$|iomem|'
	md5sum sys/firmware/acpi/tables/APIC sys/firmware/acpi/tables/DMAR \
		sys/firmware/acpi/tables/FACP sys/firmware/acpi/tables/MCFG
	ls sys/bus/pci/devices | md5sum | sed 's|-$|pci-list|'
	cd / || return
}
if [ "$(collected_sums)" = "$(cat $sums)" ]; then
	pass "the machine matches the files the config was made from"
else
	fail "the machine matches the files the config was made from" \
		"collect them anew into tests/config-create/qemu-x86-vtd"
	collected_sums | diff "$sums" - | sed 's/^/  /'
fi

expect_ok jailhouse enable "$cfg" || { jailhouse console | tail -n 20; exit 0; }
console_has "the generated config's VT-d unit (from the DMAR) is on" \
	"VT-d: DMA remapping on" 5
expect_ok jailhouse cell create /etc/jailhouse/apic-demo.cell
expect_ok jailhouse cell load apic-demo $demos/apic-demo.bin \
	-s "con-type=jailhouse" -a 0x1000
expect_ok jailhouse cell start apic-demo
console_has "apic-demo runs beside the generated root cell" \
	"Timer fired, jitter"
expect_ok jailhouse cell destroy apic-demo

expect_ok jailhouse cell create /etc/jailhouse/pci-demo.cell
console_has "edu moves from the generated root cell to pci-demo" \
	'Adding PCI device 00:05.0 to cell "pci-demo"' 5
expect_ok jailhouse cell destroy pci-demo
check_eq "edu is back with the root cell" "11e8" \
	"$(od -A n -t x2 -j 2 -N 2 /sys/bus/pci/devices/0000:00:05.0/config |
	   tr -d ' ')"
expect_ok jailhouse disable
