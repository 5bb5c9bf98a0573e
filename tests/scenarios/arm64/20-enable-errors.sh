#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# arm64 counterpart of x86/20-enable-errors.sh: every check the driver does
# before taking over EL2 runs on ARM too, and each refusal leaves the
# hypervisor disabled, /proc/iomem unchanged and no mapping behind. An
# image whose entry fails is called on every CPU from an executable
# mapping, and its failure is undone like any other.

. /scenarios/lib.sh

cfg=/etc/jailhouse/qemu-arm64.cell
fw=jailhouse.bin

lsmod | grep -q '^jailhouse ' || insmod "$JAILHOUSE_KO"
if [ ! -f "$cfg" ]; then
	fail "system config $cfg is installed" "missing"
	exit 0
fi
iomem_before=$(cat /proc/iomem)

# hypervisor_memory.phys_start is the u64 at 12, .size the one at 28; the
# root cell's CPU bitmap starts at 488. Linux's RAM starts at 0x40000000.
enable_fails "hypervisor memory in RAM" \
	"$(patched "$cfg" inram 12 '\000\000\000\101')" \
	"the hypervisor memory 0x41000000-0x415fffff is not reserved but System RAM of Linux (reserve it with mem= on the kernel command line)." \
	"hypervisor memory 0x41000000-0x415fffff is not reserved; reserve it with memmap= (x86) or mem= (ARM)"
enable_fails "unaligned hypervisor memory" \
	"$(patched "$cfg" unaligned 12 '\000\010\000\160')" \
	"the driver rejected the system config" \
	"invalid config: hypervisor memory at 0x70000800, size 0x600000, is empty or not page aligned"
enable_fails "online CPU outside the root cell" \
	"$(patched "$cfg" cpus 488 '\007')" \
	"the driver rejected the system config" \
	"invalid config: CPU 3 is online but not in the root cell"

firmware_errors "$fw"

# An image whose entry only returns -EIO (mov x0, #-5; ret at 0x1000):
# core 8 KiB, per-CPU areas 4 KiB, console ring at 0x100.
fake_image "$fw" '\200\000\200\222\300\003\137\326'
enable_fails "hypervisor memory too small" \
	"$(patched "$cfg" small 28 '\000\040\000\000')" \
	"the driver rejected the system config" \
	"invalid config: hypervisor memory of 0x2000 bytes is too small"
# The boot tables of the image map its memory with 2 MiB blocks.
enable_fails "hypervisor memory not 2 MiB aligned" \
	"$(patched "$cfg" misaligned 12 '\000\020\000\160')" \
	"the driver rejected the system config" \
	"invalid config: hypervisor memory at 0x70001000, size 0x600000, must start on a 2 MiB boundary and lie within one 1 GiB slot on arm64"
for round in 1 2; do
	enable_fails "image entry fails, round $round" "$cfg" \
		"the hypervisor failed to start on a CPU" \
		"the hypervisor failed to start (-5)"
	# Addresses in vmallocinfo are hashed; the caller is not.
	check_eq "image entry fails, round $round: hypervisor mapping gone" \
		"" "$(hv_vmalloc_lines)"
done

restore_firmware "$fw"
