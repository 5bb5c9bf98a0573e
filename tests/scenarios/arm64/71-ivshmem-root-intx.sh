#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# The virtual PCI host of the hypervisor on arm64, as the root cell's
# stock Linux sees it: at enable the driver gives Linux a device tree
# node for it (ECAM at 0x09100000, bus 0, domain 1, BARs from 0x09200000,
# INTA-INTD on SPIs 140-143) and pci-host-generic scans it, finding the
# config's ivshmem device at 0001:00:00.0 and nothing else. uio_ivshmem
# binds it with INTx (the device has no MSI-X); ivshmem-demo reads ID,
# peers, sections and states through it, and the root's own doorbell
# comes back as the INTA interrupt on SPI 140. Disable takes device and
# host away; three rounds. Runs on GICv3 and GICv2.

. /scenarios/lib.sh

host=/sys/bus/platform/devices/9100000.pcie
node=/sys/firmware/devicetree/base/pcie@9100000
pcidev=/sys/bus/pci/devices/0001:00:00.0
mods=/lib/modules/$(uname -r)

lsmod | grep -q '^jailhouse ' || insmod "$JAILHOUSE_KO"
insmod "$(find "$mods" -name 'uio.ko*' | head -n 1)" 2>/dev/null
expect_ok insmod "$(find "$mods" -name uio_ivshmem.ko | head -n 1)" ||
	dump_dmesg

# cfg_byte OFFSET: one byte of the device's config space, as Linux reads it.
cfg_byte() {
	od -An -tx1 -j "$1" -N 1 "$pcidev/config" 2>/dev/null | tr -d ' '
}

events() {
	cat /sys/class/uio/uio0/event 2>/dev/null || echo 0
}

# The INTx line Linux requested for uio_ivshmem: its GIC interrupt number.
intx_hwirq() {
	grep uio_ivshmem /proc/interrupts |
		sed -n 's/.*GIC[^ ]* *\([0-9]*\) .*/\1/p'
}

check_node() {
	check_eq "$1: the node is in the device tree's sysfs" \
		"pci-host-ecam-generic" "$(tr -d '\0' <$node/compatible 2>/dev/null)"
	check_eq "$1: with the config's PCI domain" "00000001" \
		"$(od -An -tx1 $node/linux,pci-domain 2>/dev/null | tr -d ' ')"
	check_eq "$1: pci-host-generic drives the host" "pci-host-generic" \
		"$(basename "$(readlink $host/driver 2>/dev/null)")"
}

check_device() {
	check_eq "$1: Linux lists 110a:4106 at 0001:00:00.0" "0x110a 0x4106" \
		"$(cat $pcidev/vendor 2>/dev/null) $(cat $pcidev/device 2>/dev/null)"
	check_eq "$1: nothing else on the virtual bus (empty slots all-ones)" \
		"0001:00:00.0" "$(ls /sys/bus/pci/devices | grep '^0001:' | tr '\n' ' ' | sed 's/ $//')"
	check_eq "$1: interrupt pin INTA" "01" "$(cfg_byte 61)"
	check_eq "$1: no MSI-X capability after the vendor one" "00" \
		"$(cfg_byte 65)"
	check_contains "$1: BAR0 in the window after the ECAM area" \
		"$(head -n 1 $pcidev/resource 2>/dev/null)" "0x0000000009200000"
	check_eq "$1: uio_ivshmem drives it" "uio_ivshmem" \
		"$(basename "$(readlink $pcidev/driver 2>/dev/null)")"
}

check_uio() {
	expect_ok ivshmem-demo info
	check_contains "$1: BAR0 decodes: the root is peer 0 of 2" "$OUTPUT" \
		"ID 0 of 2 peers"
	check_contains "$1: sections as configured" "$OUTPUT" \
		"state table 4096, r/w 4096, output sections 4096 bytes each"
	expect_ok ivshmem-demo state $2
	expect_ok ivshmem-demo info
	check_contains "$1: own state in the state table" "$OUTPUT" \
		"peer 0: state $2"
	ev=$(events)
	expect_ok ivshmem-demo -t 10 ring 0
	check_contains "$1: own doorbell interrupts by INTx" "$OUTPUT" \
		"interrupt received"
	check_eq "$1: the uio event count grew by one" "$((ev + 1))" \
		"$(events)"
	check_eq "$1: INTA is SPI 140 (32 + vpci_irq_base 108)" "140" \
		"$(intx_hwirq)"
}

check_gone() {
	check_eq "$1: the device is gone" "no" \
		"$([ -e $pcidev ] && echo yes || echo no)"
	check_eq "$1: the host is gone" "no" \
		"$([ -e $host ] && echo yes || echo no)"
	check_eq "$1: its node is gone" "no" \
		"$([ -e $node ] && echo yes || echo no)"
	check_eq "$1: no PCI bus of domain 1 left" "" \
		"$(ls /sys/class/pci_bus | grep '^0001:')"
	check_eq "$1: /dev/uio0 is gone" "no" \
		"$([ -e /dev/uio0 ] && echo yes || echo no)"
}

for round in 1 2 3; do
	dmesg -c >/dev/null
	expect_ok jailhouse enable "$ARM64_ROOT_CELL" || { dump_dmesg; exit 0; }
	check_contains "round $round: the driver named the host" \
		"$(dmesg | grep 'virtual PCI host' | tail -n 1)" \
		"domain 0001, ECAM at 0x9100000, INTA-INTD on SPIs 140-143"
	check_node "round $round"
	check_device "round $round"
	check_uio "round $round" $((round + 4))
	expect_ok jailhouse disable || dump_dmesg
	check_gone "round $round"
	check_eq "round $round: no kernel warnings or errors" "" \
		"$(dmesg | grep -iE 'warn|error|fail|bug|oops' | head -n 3)"
done

# A PCI domain Linux has already (0, QEMU's PCIe host) in the config: the
# driver names it in one line and leaves the host out; the hypervisor
# runs and disables as usual. (pci_domain is at byte 86 of the config.)
bad=/tmp/71-domain0.cell
cp "$ARM64_ROOT_CELL" $bad
set_bytes $bad 86 '\000\000'
dmesg -c >/dev/null
expect_ok jailhouse enable $bad || dump_dmesg
check_contains "a PCI domain of Linux's is named" "$(dmesg)" \
	"PCI domain 0 is Linux's already: the virtual PCI host stays unseen"
check_eq "no host then" "no" "$([ -e $host ] && echo yes || echo no)"
check_eq "Linux's own host keeps its bus" "0000:00" \
	"$(ls /sys/class/pci_bus | grep '^0000:' | head -n 1)"
expect_ok jailhouse disable || dump_dmesg
