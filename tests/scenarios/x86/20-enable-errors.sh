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

sysfs=/sys/devices/jailhouse
cfg=/etc/jailhouse/qemu-x86.cell

lsmod | grep -q '^jailhouse ' || insmod "$JAILHOUSE_KO"
if [ ! -f "$cfg" ]; then
	fail "system config $cfg is installed" "missing"
	exit 0
fi
iomem_sum=$(cksum </proc/iomem)

# patched NAME OFFSET BYTES: path of a copy of the system config with
# BYTES (printf escapes) written at OFFSET.
patched() {
	cp "$cfg" "/tmp/$1.cell"
	# shellcheck disable=SC2059 # the bytes are escapes for printf
	printf "$3" | dd of="/tmp/$1.cell" bs=1 seek="$2" conv=notrunc 2>/dev/null
	echo "/tmp/$1.cell"
}

# enable_fails WHAT CONFIG CLI_TEXT [KERNEL_LOG_TEXT]
enable_fails() {
	dmesg -c >/dev/null
	expect_fail_with "$3" jailhouse enable "$2"
	check_eq "$1: still disabled" "0" "$(cat $sysfs/enabled)"
	check_eq "$1: /proc/iomem unchanged" "$iomem_sum" "$(cksum </proc/iomem)"
	[ -n "${4:-}" ] || return 0
	log=$(dmesg | grep '\] jailhouse: ')
	check_contains "$1: kernel log names the cause" "$log" "$4"
	check_eq "$1: one driver line in the kernel log" "1" \
		"$(printf '%s\n' "$log" | grep -c .)"
}

# Caught by the tool before it asks the driver.
enable_fails "corrupted signature" "$(patched badsig 4 X)" \
	"is not a system config (signature JHSYS missing)"
enable_fails "revision 13" "$(patched rev13 6 '\015\000')" \
	"has config revision 13 but this Jailhouse needs revision 14"
enable_fails "arm64 config" "$(patched arm64 5 '\002')" \
	"is a config for ARM64, not for x86"

# Caught by the driver. hypervisor_memory.phys_start is the u64 at 12,
# .size the one at 20; the root cell's CPU bitmap starts at 488.
enable_fails "hypervisor memory in RAM" \
	"$(patched inram 12 '\000\000\000\001\000\000\000\000')" \
	"the hypervisor memory is not reserved" \
	"hypervisor memory 0x1000000-0x15fffff is not reserved; reserve it with memmap= (x86) or mem= (ARM)"
enable_fails "unaligned hypervisor memory" \
	"$(patched unaligned 12 '\000\010\000\072')" \
	"the driver rejected the system config" \
	"invalid config: hypervisor memory at 0x3a000800, size 0x600000, is empty or not page aligned"
enable_fails "online CPU outside the root cell" "$(patched cpus 488 '\007')" \
	"the driver rejected the system config" \
	"invalid config: CPU 3 is online but not in the root cell"

# Firmware trouble comes after the memory was claimed; it must be given
# back. The image is picked by CPU vendor.
case "$(grep -m 1 '^vendor_id' /proc/cpuinfo)" in
*AuthenticAMD*|*HygonGenuine*) fw=jailhouse-amd.bin ;;
*) fw=jailhouse-intel.bin ;;
esac
mkdir -p /lib/firmware
saved=
if [ -e "/lib/firmware/$fw" ]; then
	saved=/tmp/$fw.saved
	mv "/lib/firmware/$fw" "$saved"
fi
enable_fails "firmware missing" "$cfg" \
	"the hypervisor firmware (jailhouse*.bin) is missing in /lib/firmware" \
	"cannot load the hypervisor image /lib/firmware/$fw (-2)"
# Anything without the JAILHOUS signature will do as a bogus image.
cp "$cfg" "/lib/firmware/$fw"
enable_fails "firmware without image signature" "$cfg" \
	"is not a valid image" \
	"$fw is not a hypervisor image (no \"JAILHOUS\" signature)"
rm -f "/lib/firmware/$fw"
[ -z "$saved" ] || mv "$saved" "/lib/firmware/$fw"

# With the real image, 8 KiB of hypervisor memory hold the config but not
# the image and its per-CPU areas.
if [ -e "/lib/firmware/$fw" ]; then
	enable_fails "hypervisor memory too small" \
		"$(patched small 20 '\000\040\000\000')" \
		"the driver rejected the system config" \
		"invalid config: hypervisor memory of 0x2000 bytes is too small"
else
	skip "hypervisor memory too small" "no /lib/firmware/$fw installed"
fi
