#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# VT-d interrupt remapping: QEMU's intel-iommu with remapping on and a CPU
# with x2APIC, so Linux enables remapping itself and runs in x2APIC mode
# (its DMA remapping stays off: intel_iommu=off).
# stockade-qemu: -cpu qemu64,+svm,+npt,+x2apic -device intel-iommu,intremap=on,eim=on -device edu,addr=05.0,dma_mask=0xffffffff
# stockade-append: intel_iommu=off
# stockade-timeout: 480

. /scenarios/lib.sh

sysfs=/sys/devices/jailhouse
cfg=/etc/jailhouse/qemu-x86-vtd-ir.cell

lsmod | grep -q '^jailhouse ' || insmod "$JAILHOUSE_KO"

check_contains "Linux remaps interrupts in x2APIC mode" "$(dmesg)" \
	"Enabled IRQ remapping in x2apic mode"
check_contains "the remapped IOAPIC serves the timer" \
	"$(grep ' timer' /proc/interrupts)" "IR-IO-APIC"
# Not yet taken over: the hypervisor refuses a unit Linux is using.
expect_fail_with \
	"the hypervisor memory is not reserved" jailhouse enable "$cfg"
