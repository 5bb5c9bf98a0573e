#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# ARMv7 counterpart of arm64/20-enable-errors.sh: every check the driver
# does before taking over HYP mode, and each refusal leaves the
# hypervisor disabled, /proc/iomem unchanged and no mapping behind. An
# image whose entry fails is called on every CPU from an executable
# mapping, and its failure is undone like any other.

. /scenarios/lib.sh

cfg=$ARM_ROOT_CELL
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
enable_fails "online CPU outside the root cell" \
	"$(patched "$cfg" cpus 488 '\007')" \
	"the driver rejected the system config" \
	"invalid config: CPU 3 is online but not in the root cell"
# HV_BASE and the hypervisor's windows are in the last 1 GiB slot: its
# boot tables cannot map the memory there at its physical address too.
enable_fails "hypervisor memory in the last GiB" \
	"$(patched "$cfg" highslot 12 '\000\000\000\300')" \
	"the driver rejected the system config" \
	"invalid config: hypervisor memory at 0xc0000000, size 0x600000, must start on a 2 MiB boundary, be at most 192 MiB and lie within one 1 GiB slot below 3 GiB on ARMv7"

firmware_errors "$fw"

# An image whose entry only returns -EIO (mvn r0, #4; bx lr at 0x1000):
# core 8 KiB, per-CPU areas 4 KiB, console ring at 0x100. The header's
# sizes are unsigned long, 32 bits here (lib.sh's fake_image is 64-bit).
{
	printf 'JAILHOUS\000\040\000\000\000\020\000\000'
	printf '\000\020\000\000\000\001\000\000'
	head -c $((0x1000 - 24)) /dev/zero
	printf '\004\000\340\343\036\377\057\341'
} >"/lib/firmware/$fw"
enable_fails "hypervisor memory not 2 MiB aligned" \
	"$(patched "$cfg" misaligned 12 '\000\020\000\160')" \
	"the driver rejected the system config" \
	"invalid config: hypervisor memory at 0x70001000, size 0x600000, must start on a 2 MiB boundary, be at most 192 MiB and lie within one 1 GiB slot below 3 GiB on ARMv7"
for round in 1 2; do
	enable_fails "image entry fails, round $round" "$cfg" \
		"the hypervisor failed to start on a CPU" \
		"the hypervisor failed to start (-5)"
	# Addresses in vmallocinfo are hashed; the caller is not.
	check_eq "image entry fails, round $round: hypervisor mapping gone" \
		"" "$(hv_vmalloc_lines)"
done

restore_firmware "$fw"

# The real image still works after all that.
expect_ok jailhouse enable "$cfg"
expect_ok jailhouse disable
