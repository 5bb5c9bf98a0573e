#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Enable requests that must fail before anything is touched: broken system
# configs (caught by the tool or by the driver), memory that was not
# reserved, a missing or bogus firmware image. Each fails with the tool's
# sentence; where the driver decides, the kernel log holds exactly one
# "jailhouse:" line naming the cause. Afterwards the hypervisor is still
# disabled and /proc/iomem unchanged (the reservation was given back).

. /scenarios/lib.sh

cfg="$X86_ROOT_CELL"

lsmod | grep -q '^jailhouse ' || insmod "$JAILHOUSE_KO"
if [ ! -f "$cfg" ]; then
	fail "system config $cfg is installed" "missing"
	exit 0
fi
iomem_before=$(cat /proc/iomem)

# Caught by the tool before it asks the driver.
enable_fails "corrupted signature" "$(patched "$cfg" badsig 4 X)" \
	"is not a system config (signature JHSYS missing)"
enable_fails "revision 13" "$(patched "$cfg" rev13 6 '\015\000')" \
	"has config revision 13 but this Jailhouse needs revision 14"
enable_fails "arm64 config" "$(patched "$cfg" arm64 5 '\002')" \
	"is a config for ARM64, not for x86"

# Caught by the driver. hypervisor_memory.phys_start is the u64 at 12,
# .size the one at 28; the root cell's CPU bitmap starts at 488.
enable_fails "hypervisor memory in RAM" \
	"$(patched "$cfg" inram 12 '\000\000\000\001\000\000\000\000')" \
	"the hypervisor memory 0x1000000-0x15fffff is not reserved but System RAM of Linux (reserve it with memmap= on the kernel command line)." \
	"hypervisor memory 0x1000000-0x15fffff is not reserved; reserve it with memmap= (x86) or mem= (ARM)"
enable_fails "unaligned hypervisor memory" \
	"$(patched "$cfg" unaligned 12 '\000\010\000\072')" \
	"the driver rejected the system config" \
	"invalid config: hypervisor memory at 0x3a000800, size 0x600000, is empty or not page aligned"
enable_fails "online CPU outside the root cell" \
	"$(patched "$cfg" cpus 488 '\007')" \
	"the driver rejected the system config" \
	"invalid config: CPU 3 is online but not in the root cell"

# Firmware trouble comes after the memory was claimed; it must be given
# back. The image is picked by CPU vendor.
case "$(grep -m 1 '^vendor_id' /proc/cpuinfo)" in
*AuthenticAMD*|*HygonGenuine*) fw=jailhouse-amd.bin ;;
*) fw=jailhouse-intel.bin ;;
esac
firmware_errors "$fw"

# An image whose entry only returns -EIO (mov $-5,%eax; ret at 0x1000):
# core 8 KiB, per-CPU areas 4 KiB, console ring at 0x100. Calling it
# proves the mapping at JAILHOUSE_BASE is executable on every CPU; its
# failure must make the driver undo everything.
fake_image "$fw" '\270\373\377\377\377\303'
# 8 KiB of hypervisor memory hold the config, but not the image and its
# per-CPU areas.
enable_fails "hypervisor memory too small" \
	"$(patched "$cfg" small 28 '\000\040\000\000')" \
	"the driver rejected the system config" \
	"invalid config: hypervisor memory of 0x2000 bytes is too small"
for round in 1 2; do
	enable_fails "image entry fails, round $round" "$cfg" \
		"the hypervisor failed to start on a CPU" \
		"the hypervisor failed to start (-5)"
	# Addresses in vmallocinfo are hashed; the caller is not.
	check_eq "image entry fails, round $round: hypervisor mapping gone" \
		"" "$(hv_vmalloc_lines)"
done

restore_firmware "$fw"
