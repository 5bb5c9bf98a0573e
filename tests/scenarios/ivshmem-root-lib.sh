#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# ivshmem-root-lib.sh: the root cell's stock Linux and the hypervisor's
# virtual PCI host on ARM (arm64 and ARMv7 QEMU virt root configs: ECAM at
# 0x09100000, bus 0, domain 1, BARs from 0x09200000, INTA-INTD on SPIs
# 140-143, the ivshmem device 00:00.0 with INTx). Sourced after lib.sh.

vpci_host=/sys/bus/platform/devices/9100000.pcie
vpci_node=/sys/firmware/devicetree/base/pcie@9100000
vpci_dev=/sys/bus/pci/devices/0001:00:00.0
# All devices of the root config on the virtual bus (arm64 has ivshmem-net
# at 00:01.0 too).
. /scenarios/ivshmem-net-lib.sh

VPCI_DEVICES=${VPCI_DEVICES:-0001:00:00.0}

# vpci_cfg_byte OFFSET: one byte of the device's config space, as Linux
# reads it.
vpci_cfg_byte() {
	od -An -tx1 -j "$1" -N 1 "$vpci_dev/config" 2>/dev/null | tr -d ' '
}

vpci_events() {
	cat /sys/class/uio/uio0/event 2>/dev/null || echo 0
}

# The GIC interrupt number of the line uio_ivshmem requested.
vpci_intx_hwirq() {
	grep uio_ivshmem /proc/interrupts |
		sed -n 's/.*GIC[^ ]* *\([0-9]*\) .*/\1/p'
}

# vpci_names DIR PREFIX: the entries of DIR whose names start with PREFIX.
vpci_names() {
	local d names=

	for d in "$1/$2"*; do
		[ -e "$d" ] && names="$names${names:+ }${d##*/}"
	done
	echo "$names"
}

vpci_exists() {
	[ -e "$1" ] && echo yes || echo no
}

vpci_check_node() {
	check_eq "$1: the node is in the device tree's sysfs" \
		"pci-host-ecam-generic" \
		"$(tr -d '\0' <$vpci_node/compatible 2>/dev/null)"
	check_eq "$1: with the config's PCI domain" "00000001" \
		"$(od -An -tx1 $vpci_node/linux,pci-domain 2>/dev/null | tr -d ' ')"
	check_eq "$1: pci-host-generic drives the host" "pci-host-generic" \
		"$(basename "$(readlink $vpci_host/driver 2>/dev/null)")"
}

vpci_check_device() {
	check_eq "$1: Linux lists 110a:4106 at 0001:00:00.0" "0x110a 0x4106" \
		"$(cat $vpci_dev/vendor 2>/dev/null) $(cat $vpci_dev/device 2>/dev/null)"
	check_eq "$1: the config's devices only (empty slots all-ones)" \
		"$VPCI_DEVICES" "$(vpci_names /sys/bus/pci/devices 0001:)"
	check_eq "$1: interrupt pin INTA" "01" "$(vpci_cfg_byte 61)"
	check_eq "$1: no MSI-X capability after the vendor one" "00" \
		"$(vpci_cfg_byte 65)"
	check_contains "$1: BAR0 in the window after the ECAM area" \
		"$(head -n 1 $vpci_dev/resource 2>/dev/null)" "0x0000000009200000"
	check_eq "$1: uio_ivshmem drives it" "uio_ivshmem" \
		"$(basename "$(readlink $vpci_dev/driver 2>/dev/null)")"
}

# vpci_check_uio WHAT STATE
vpci_check_uio() {
	local peers ev

	expect_ok ivshmem-demo info
	peers=$(echo "$OUTPUT" | sed -n 's/^ID 0 of \([0-9]*\) peers.*/\1/p')
	check_eq "$1: BAR0 decodes: the root is peer 0 of 2 or more" "yes" \
		"$([ "${peers:-0}" -ge 2 ] && echo yes || echo "no: '$OUTPUT'")"
	check_contains "$1: sections as configured" "$OUTPUT" \
		"state table 4096, r/w 4096, output sections 4096 bytes each"
	expect_ok ivshmem-demo state "$2"
	expect_ok ivshmem-demo info
	check_contains "$1: own state in the state table" "$OUTPUT" \
		"peer 0: state $2"
	ev=$(vpci_events)
	expect_ok ivshmem-demo -t 10 ring 0
	check_contains "$1: own doorbell interrupts by INTx" "$OUTPUT" \
		"interrupt received"
	check_eq "$1: the uio event count grew by one" "$((ev + 1))" \
		"$(vpci_events)"
	check_eq "$1: INTA is SPI 140 (32 + vpci_irq_base 108)" "140" \
		"$(vpci_intx_hwirq)"
}

vpci_check_gone() {
	check_eq "$1: the device is gone" "no" "$(vpci_exists $vpci_dev)"
	check_eq "$1: the host is gone" "no" "$(vpci_exists $vpci_host)"
	check_eq "$1: its node is gone" "no" "$(vpci_exists $vpci_node)"
	check_eq "$1: no PCI bus of domain 1 left" "" \
		"$(vpci_names /sys/class/pci_bus 0001:)"
	check_eq "$1: /dev/uio0 is gone" "no" "$(vpci_exists /dev/uio0)"
}

# vpci_root_rounds ROOT_CFG: three enable/disable rounds with uio_ivshmem
# loaded before, so that it binds when the device appears.
vpci_root_rounds() {
	local mods round

	mods=/lib/modules/$(uname -r)
	lsmod | grep -q '^jailhouse ' || insmod "$JAILHOUSE_KO"
	insmod "$(find "$mods" -name 'uio.ko*' | head -n 1)" 2>/dev/null
	expect_ok insmod "$(find "$mods" -name uio_ivshmem.ko | head -n 1)" ||
		dump_dmesg
	for round in 1 2 3; do
		dmesg -c >/dev/null
		expect_ok jailhouse enable "$1" || { dump_dmesg; return 0; }
		check_contains "round $round: the driver named the host" \
			"$(dmesg | grep 'virtual PCI host' | tail -n 1)" \
			"domain 0001, ECAM at 0x9100000, INTA-INTD on SPIs 140-143"
		vpci_check_node "round $round"
		vpci_check_device "round $round"
		vpci_check_uio "round $round" $((round + 4))
		expect_ok jailhouse disable || dump_dmesg
		vpci_check_gone "round $round"
		check_eq "round $round: no kernel warnings or errors" "" \
			"$(dmesg | grep -iE 'warn|error|fail|bug|oops' | head -n 3)"
	done
}

# vpci_used_domain ROOT_CFG: the config with pci_domain 0 (byte 86), the
# domain of QEMU's PCIe host: the driver names it in one line and leaves
# the host out; the hypervisor runs and disables as usual.
vpci_used_domain() {
	local bad=/tmp/vpci-domain0.cell

	cp "$1" $bad
	set_bytes $bad 86 '\000\000'
	dmesg -c >/dev/null
	expect_ok jailhouse enable $bad || { dump_dmesg; return 0; }
	check_contains "a PCI domain of Linux's is named" "$(dmesg)" \
		"PCI domain 0 is Linux's already: the virtual PCI host stays unseen"
	check_eq "no host then" "no" "$(vpci_exists $vpci_host)"
	check_eq "Linux's own host keeps its bus" "0000:00" \
		"$(vpci_names /sys/class/pci_bus 0000:)"
	expect_ok jailhouse disable || dump_dmesg
}

# vpci_net ROOT_CFG: ivshmem-net.ko on the VETH device 0001:00:01.0 (INTB,
# SPI 141): the interface comes up without carrier while its peer has no
# cell, then pings the echo cell where the machine has its config
# (ivshmem-net-lib.sh); disable takes it away, and the module unloads.
vpci_net() {
	local dev=/sys/bus/pci/devices/0001:00:01.0 mods ifc

	mods=/lib/modules/$(uname -r)
	expect_ok jailhouse enable "$1" || { dump_dmesg; return 0; }
	expect_ok insmod "$(find "$mods" -name ivshmem-net.ko | head -n 1)" ||
		dump_dmesg
	check_eq "ivshmem-net drives 0001:00:01.0" "ivshmem-net" \
		"$(basename "$(readlink $dev/driver 2>/dev/null)")"
	ifc=$(vpci_names $dev/net "")
	check_eq "it made one interface" "1" "$(echo "$ifc" | wc -w)"
	expect_ok ip link set "$ifc" up
	check_eq "no carrier without a peer" "0" \
		"$(cat /sys/class/net/"$ifc"/carrier 2>/dev/null)"
	check_contains "its INTx line is SPI 141 (pin B)" \
		"$(grep ivshmem-net /proc/interrupts)" " 141 "
	if [ -e /etc/jailhouse/ivshmem-net-echo.cell ]; then
		ip addr add 10.16.0.1/24 dev "$ifc"
		ivnet_echo "$ifc" 0x7ff82000
	else
		skip "ivshmem-net against the echo cell" \
			"no ivshmem-net-echo cell config for this machine"
	fi
	expect_ok jailhouse disable || dump_dmesg
	check_eq "the interface went with the device" "no" \
		"$(vpci_exists /sys/class/net/"$ifc")"
	expect_ok rmmod ivshmem_net
}

# vpci_offset_of FILE HEX: byte offset of the bytes HEX (no blanks) in FILE.
vpci_offset_of() {
	od -An -v -tx1 "$1" | tr -d ' \n' |
		awk -v want="$2" '{ i = index($0, want); if (i % 2) print (i - 1) / 2 }'
}

# vpci_window_taken ROOT_CFG: the config with its GPIO region (phys and
# virt 0x09030000) moved to 0x09200000, where the BAR window would be: a
# BAR there would reach that memory, not the device. The driver names the
# overlap in one line and leaves the host out; enable and disable work.
vpci_window_taken() {
	local bad=/tmp/vpci-window.cell off

	cp "$1" $bad
	off=$(vpci_offset_of $bad 00000309000000000000030900000000)
	if [ -z "$off" ]; then
		fail "GPIO region found in the root config" "no such bytes"
		return 0
	fi
	set_bytes $bad "$off" '\000\000\040\011\000\000\000\000\000\000\040\011'
	dmesg -c >/dev/null
	expect_ok jailhouse enable $bad || { dump_dmesg; return 0; }
	check_contains "a root region over the BAR window is named" "$(dmesg)" \
		"the BAR window of the virtual PCI host, 0x9200000-0x9201fff after its ECAM area, overlaps a memory region of the root cell"
	check_eq "no host then either" "no" "$(vpci_exists $vpci_host)"
	expect_ok jailhouse disable || dump_dmesg
}
