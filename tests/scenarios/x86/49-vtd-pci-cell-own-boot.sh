#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# A non-root cell owns a PCI device under VT-d: the pci-demo cell takes
# the edu DMA engine from the root cell (Linux lets go of it, the root
# cell's config space no longer shows it, the hypervisor moves it to the
# cell's DMA domain). The inmate finds edu through its filtered config
# space, copies through it inside its own RAM (allowed), and aims it at a
# page of root RAM: the write and the read are blocked with fault lines
# naming device, address and cell, the root's page is unchanged and the
# root keeps running; edu's MSI, programmed by the cell toward root CPU
# 0, stays disabled (refusal line), and toward its own CPU arrives there.
# Interrupt messages edu writes as DMA (intmsg-lib.sh: fixed, SMI, NMI,
# ExtINT, lowest-priority broadcast at root CPU 0) leave the hypervisor
# alive and CPU 0 ticking; the SMI is taken outside the guest.
# Destroy stops edu's DMA and MSI and gives it back: the root's DMA
# works again and the page pool returns to its value before create, also
# over 50 more create/destroy cycles. Beside pci-demo, the
# e1000-demo cell owns the 82574L network controller the same way, and
# its MSI-X through the hypervisor's copy of the table: a vector toward
# its CPU arrives, one toward a root CPU stays masked in the device. A
# cell sizes its BARs as usual but cannot move them. After the hand-back,
# Linux's uio_pci_generic drives edu (a factorial).
# stockade-qemu: -device intel-iommu,intremap=off -device edu,addr=05.0,dma_mask=0xffffffff
# stockade-append: intel_iommu=off
# stockade-not-x2apic-ir: VT-d without interrupt remapping on a machine of its own (its unit has intremap=off); 49-vtd-ir-own-boot runs pci-demo and e1000-demo under remapping

. /scenarios/lib.sh
. /scenarios/intmsg-lib.sh
. /scenarios/edu-lib.sh

sysfs=/sys/devices/jailhouse
demos=/usr/libexec/jailhouse/demos
edu_cfg=/sys/bus/pci/devices/0000:00:05.0/config
bar=0xfea00000
target=0x3a701000
ram_a=0x3a700000

lsmod | grep -q '^jailhouse ' || insmod "$JAILHOUSE_KO"

check_file "edu device at 00:05.0" "$edu_cfg" || exit 0
check_file "pci-demo inmate installed" "$demos/pci-demo.bin" || exit 0
mem "$target" 32 0x600dcafe
mem $((target + 4)) 32 0x600dcafe

expect_ok jailhouse enable /etc/jailhouse/qemu-x86-vtd.cell ||
	{ dump_dmesg; exit 0; }
mem0=$(cat $sysfs/mem_pool_used)

expect_ok jailhouse cell create /etc/jailhouse/pci-demo.cell || dump_dmesg
console_has "edu moves to the cell's DMA domain" \
	'Adding PCI device 00:05.0 to cell "pci-demo"' 5
check_eq "the root cell no longer sees edu" "ffffffff" \
	"$(od -A n -t x4 -N 4 "$edu_cfg" | tr -d ' ')"
check_contains "Linux keeps its drivers off edu" \
	"$(cat /sys/bus/pci/devices/0000:00:05.0/driver_override)" \
	"jailhouse-cell"

expect_ok jailhouse cell load pci-demo $demos/pci-demo.bin \
	-s "con-type=jailhouse target=$target stray-msi=0 intmsg=0" -a 0x1000
expect_ok jailhouse cell start pci-demo
console_has "the inmate finds edu in its config space" \
	"pci-demo: edu at 00:05.0, BAR0 0xfea00000, ident 0x10000ed" 30
console_has "the cell sizes edu's BAR0 (1 MiB)" \
	"pci-demo: BAR0 sizes 0x100000 bytes" 30
console_has "the cell's move of BAR0 is refused with a line" \
	'cell "pci-demo" may not move BAR 0 (0xfea00000 to 0x00200000): the device stays' 10
console_has "edu did not move" \
	"pci-demo: BAR0 moved to 0x200000 as the cell sees it; edu still answers at 0xfea00000: ident 0x10000ed" 10
console_has "edu's DMA inside the cell's own memory works" \
	"pci-demo: DMA in own memory: ok" 30
console_has "edu's write to root memory is blocked" \
	'DMA write of device 00:05.0 (cell "pci-demo") at 0x3a701000 blocked' 30
console_has "edu's MSI toward root CPU 0 stays disabled" \
	"pci-demo: MSI toward APIC ID 0: left disabled" 30
intmsg_checks passed
check_contains "the refusal is on the console" "$(jailhouse console)" \
	'cell "pci-demo" may not enable MSI with address 0xfee00000, data 0x40'
console_has "edu's MSI reaches the cell's CPU" "pci-demo: MSI arrived" 30
console_has "the cell is done" "pci-demo: done" 30
console_has "edu's read of root memory is blocked" \
	'DMA read of device 00:05.0 (cell "pci-demo") at 0x3a701000 blocked' 10
check_eq "the root's page is unchanged" "0x600DCAFE 0x600DCAFE" \
	"$(mem "$target" 32) $(mem $((target + 4)) 32)"
case "$(jailhouse console)" in
*"brought 0x600dcafe"*) fail "the cell read nothing of the root" \
	"it got the root's data" ;;
*"brought 0x"*) pass "the cell read nothing of the root" ;;
*) fail "the cell read nothing of the root" "no read result" ;;
esac
check_eq "the root keeps all its CPUs" "" \
	"$(cat $sysfs/cells/0/cpus_failed_list)"
check_eq "pci-demo is running" "running" "$(cell_state pci-demo)"

# Beside it, a second cell takes the 82574L (QEMU's e1000e at 00:02.0):
# frames through its own rings in MAC loopback, MSI completion; a frame
# sent from the root's page and one received into it are both blocked.
mem "$target" 32 0x600dcafe
expect_ok jailhouse cell create /etc/jailhouse/e1000-demo.cell || dump_dmesg
console_has "the 82574L moves to the cell's DMA domain" \
	'Adding PCI device 00:02.0 to cell "e1000-demo"' 5
expect_ok jailhouse cell load e1000-demo $demos/e1000-demo.bin \
	-s "con-type=jailhouse target=$target" -a 0x1000
expect_ok jailhouse cell start e1000-demo
console_has "e1000-demo finds its device" \
	"e1000-demo: 82574L at 00:02.0, BAR0 0xfeb40000" 30
console_has "e1000-demo's link comes up" "e1000-demo: link up" 30
console_has "frames loop back through the cell's rings" \
	"e1000-demo: loopback: 8 of 8 frames back intact" 30
console_has "the 82574L's MSI reaches the cell's CPU" \
	"e1000-demo: interrupts: arrived" 30
console_has "its read of root memory is blocked" \
	'DMA read of device 00:02.0 (cell "e1000-demo") at 0x3a701000 blocked' 30
console_has "e1000-demo is done" "e1000-demo: done" 30
console_has "its write into root memory is blocked" \
	'DMA write of device 00:02.0 (cell "e1000-demo") at 0x3a701000 blocked' 10
case "$(jailhouse console)" in
*"came back with 0x600dcafe"*) fail "the frame carried nothing of the root" \
	"it carried the root's data" ;;
*) pass "the frame carried nothing of the root" ;;
esac
check_eq "the root's page is unchanged after e1000-demo" "0x600DCAFE" \
	"$(mem "$target" 32)"
# MSI-X: its table (BAR3) is the hypervisor's. Vector 0 toward the cell's
# CPU arrives; vector 1 toward root CPU 0 stays masked in the device, with
# a refusal line (the root reads the device's table through devmem: the
# hypervisor's read-only view while the cell owns the device).
console_has "e1000-demo enables MSI-X through the hypervisor's table" \
	"e1000-demo: MSI-X table at 0xfeb90000, enabled" 5
console_has "the 82574L's MSI-X vector 0 reaches the cell's CPU" \
	"e1000-demo: MSI-X vector 0 toward APIC ID [0-9]*: arrived" 5
console_has "MSI-X vector 1 toward a root CPU refused" \
	'cell "e1000-demo" may not unmask MSI-X vector 1 with address 0xfee00000, data 0x53' 5
console_has "MSI-X vector 1 did not arrive" \
	"e1000-demo: MSI-X vector 1 toward APIC ID 0: did not arrive" 5
check_eq "MSI-X vector 0 unmasked in the device" "0x00000000" \
	"$(mem 0xfeb9000c 32)"
check_eq "MSI-X vector 1 masked in the device" "0x00000001" \
	"$(mem 0xfeb9001c 32)"
# The root cell reads the cell's table, but may not unmask the vector.
mem 0xfeb9001c 32 0
console_has "the root's write into the cell's MSI-X table refused" \
	'the root cell may not write the MSI-X table of cell "e1000-demo" (offset 0x1c): dropped' 5
check_eq "MSI-X vector 1 still masked after the root's write" "0x00000001" \
	"$(mem 0xfeb9001c 32)"
check_eq "pci-demo still running beside it" "running" "$(cell_state pci-demo)"
expect_ok jailhouse cell destroy e1000-demo
console_has "the 82574L returns to the root cell" \
	'Removing PCI device 00:02.0 from cell "e1000-demo"' 5

expect_ok jailhouse cell destroy pci-demo
console_has "edu returns to the root cell" \
	'Removing PCI device 00:05.0 from cell "pci-demo"' 5
check_eq "the page pool is back to its value before create" "$mem0" \
	"$(cat $sysfs/mem_pool_used)"
check_eq "the root cell sees edu again" "11e81234" \
	"$(od -A n -t x4 -N 4 "$edu_cfg" | tr -d ' ')"
check_eq "the driver override is gone" "(null)" \
	"$(cat /sys/bus/pci/devices/0000:00:05.0/driver_override)"
# The cell switched bus mastering on; the hand-back stopped it.
cmd=$(od -A n -t u2 -j 4 -N 2 "$edu_cfg")
check_eq "edu's DMA was stopped at the hand-back" "0" $(( cmd & 4 ))
# The cell had enabled edu's MSI (capability at 0x40): switched off too.
msi=$(od -A n -t u2 -j $((0x42)) -N 2 "$edu_cfg")
check_eq "edu's MSI was disabled at the hand-back" "0" $(( msi & 1 ))
bus_master_on
mem "$ram_a" 32 0x13572468
mem "$target" 32 0
if edu_copy "$ram_a" 0x40000 1 && edu_copy 0x40000 "$target" 3; then
	check_eq "the root's DMA through edu works again" "0x13572468" \
		"$(mem "$target" 32)"
else
	fail "the root's DMA through edu works again" "edu hung"
fi

# Linux's own driver takes edu back: uio_pci_generic binds and a factorial
# runs through the BAR it maps (edu's INTx is only reported: it does not
# arrive through uio on QEMU 10's q35 even without the hypervisor).
mods=/lib/modules/$(uname -r)
dev=/sys/bus/pci/devices/0000:00:05.0
insmod "$(find "$mods" -name 'uio.ko*' | head -n 1)" 2>/dev/null
insmod "$(find "$mods" -name 'uio_pci_generic.ko*' | head -n 1)" 2>/dev/null
echo uio_pci_generic >"$dev/driver_override"
echo 0000:00:05.0 >/sys/bus/pci/drivers_probe 2>/dev/null
uio=$(ls "$dev/uio" 2>/dev/null | head -n 1)
check_eq "uio_pci_generic binds edu after the hand-back" "uio_pci_generic" \
	"$(basename "$(readlink "$dev/driver" 2>/dev/null)")"
if [ -n "$uio" ]; then
	expect_ok /usr/libexec/jailhouse/tests/edu-uio "$dev" "/dev/$uio"
	check_contains "Linux's driver works on edu again" "$OUTPUT" \
		"edu-uio: factorial ok"
	case "$OUTPUT" in
	*"interrupt ok"*) pass "edu's interrupt reaches Linux through uio" ;;
	*) skip "edu's interrupt reaches Linux through uio" \
		"edu's INTx through uio_pci_generic does not arrive on QEMU 10's q35 without the hypervisor either" ;;
	esac
else
	fail "Linux's driver works on edu again" "no uio device for edu"
fi
echo 0000:00:05.0 >"$dev/driver/unbind" 2>/dev/null
echo >"$dev/driver_override"

# Many hand-overs: the device moves between the domains each time and
# the page pool comes back to the same usage.
ok=0
for n in $(seq 50); do
	jailhouse cell create /etc/jailhouse/pci-demo.cell >/dev/null 2>&1 &&
		jailhouse cell destroy pci-demo >/dev/null 2>&1 &&
		[ "$(cat $sysfs/mem_pool_used)" = "$mem0" ] || break
	ok=$n
done
check_eq "50 create/destroy cycles with edu, pool usage constant" 50 "$ok"
bus_master_on
mem "$target" 32 0
if edu_copy "$ram_a" 0x40000 1 && edu_copy 0x40000 "$target" 3; then
	check_eq "the root's DMA works after the cycles" "0x13572468" \
		"$(mem "$target" 32)"
else
	fail "the root's DMA works after the cycles" "edu hung"
fi
expect_ok jailhouse disable
