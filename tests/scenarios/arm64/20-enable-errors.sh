#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# arm64 counterpart of x86/20-enable-errors.sh: every check the driver does
# before taking over EL2 runs on ARM too, and each refusal leaves the
# hypervisor disabled, /proc/iomem unchanged and no mapping behind. An
# image whose entry fails is called on every CPU from an executable
# mapping, and its failure is undone like any other.

. /scenarios/lib.sh

sysfs=/sys/devices/jailhouse
cfg=/etc/jailhouse/qemu-arm64.cell
fw=jailhouse.bin

lsmod | grep -q '^jailhouse ' || insmod "$JAILHOUSE_KO"
if [ ! -f "$cfg" ]; then
	fail "system config $cfg is installed" "missing"
	exit 0
fi
iomem_before=$(cat /proc/iomem)

# patched NAME OFFSET BYTES: path of a copy of the system config with
# BYTES (printf escapes) written at OFFSET.
patched() {
	cp "$cfg" "/tmp/$1.cell"
	# shellcheck disable=SC2059 # the bytes are escapes for printf
	printf "$3" | dd of="/tmp/$1.cell" bs=1 seek="$2" conv=notrunc 2>/dev/null
	echo "/tmp/$1.cell"
}

# enable_fails WHAT CONFIG CLI_TEXT KERNEL_LOG_TEXT
enable_fails() {
	dmesg -c >/dev/null
	expect_fail_with "$3" jailhouse enable "$2"
	check_eq "$1: still disabled" "0" "$(cat $sysfs/enabled)"
	if [ "$(cat /proc/iomem)" = "$iomem_before" ]; then
		pass "$1: /proc/iomem unchanged"
	else
		fail "$1: /proc/iomem unchanged" \
			"$(grep -i jailhouse /proc/iomem | head -n 1)"
	fi
	# "] jailhouse: " is the driver; the firmware loader's lines about
	# the jailhouse device have a second blank.
	log=$(dmesg | grep '\] jailhouse: ')
	check_contains "$1: kernel log names the cause" "$log" "$4"
	check_eq "$1: one driver line in the kernel log" "1" \
		"$(printf '%s\n' "$log" | grep -c .)"
}

# hypervisor_memory.phys_start is the u64 at 12, .size the one at 28; the
# root cell's CPU bitmap starts at 488. Linux's RAM starts at 0x40000000.
enable_fails "hypervisor memory in RAM" \
	"$(patched inram 12 '\000\000\000\101')" \
	"the hypervisor memory is not reserved" \
	"hypervisor memory 0x41000000-0x415fffff is not reserved; reserve it with memmap= (x86) or mem= (ARM)"
enable_fails "unaligned hypervisor memory" \
	"$(patched unaligned 12 '\000\010\000\160')" \
	"the driver rejected the system config" \
	"invalid config: hypervisor memory at 0x70000800, size 0x600000, is empty or not page aligned"
enable_fails "online CPU outside the root cell" "$(patched cpus 488 '\007')" \
	"the driver rejected the system config" \
	"invalid config: CPU 3 is online but not in the root cell"

mkdir -p /lib/firmware
saved=
if [ -e "/lib/firmware/$fw" ]; then
	saved=/tmp/$fw.saved
	mv "/lib/firmware/$fw" "$saved"
fi
enable_fails "firmware missing" "$cfg" \
	"the hypervisor firmware (jailhouse*.bin) is missing in /lib/firmware" \
	"cannot load the hypervisor image /lib/firmware/$fw (-2)"
cp "$cfg" "/lib/firmware/$fw"
enable_fails "firmware without image signature" "$cfg" \
	"is not a valid image" \
	"$fw is not a hypervisor image (no \"JAILHOUS\" signature)"

# le64 VALUE: printf escapes of a little-endian u64 (VALUE < 2^32).
le64() {
	printf '\\%03o\\%03o\\%03o\\%03o\\000\\000\\000\\000' \
		$(($1 & 255)) $((($1 >> 8) & 255)) $((($1 >> 16) & 255)) \
		$((($1 >> 24) & 255))
}

# An image whose entry only returns -EIO (mov x0, #-5; ret at 0x1000):
# core 8 KiB, per-CPU areas 4 KiB, console ring at 0x100.
{
	printf 'JAILHOUS'
	# shellcheck disable=SC2059 # le64 prints printf escapes
	printf "$(le64 0x2000)$(le64 0x1000)$(le64 0x1000)$(le64 0x100)"
	head -c $((0x1000 - 40)) /dev/zero
	printf '\200\000\200\222\300\003\137\326'
} >"/lib/firmware/$fw"
enable_fails "hypervisor memory too small" \
	"$(patched small 28 '\000\040\000\000')" \
	"the driver rejected the system config" \
	"invalid config: hypervisor memory of 0x2000 bytes is too small"
# The boot tables of the image map its memory with 2 MiB blocks.
enable_fails "hypervisor memory not 2 MiB aligned" \
	"$(patched misaligned 12 '\000\020\000\160')" \
	"the driver rejected the system config" \
	"invalid config: hypervisor memory at 0x70001000, size 0x600000, must start on a 2 MiB boundary and lie within one 1 GiB slot on arm64"
for round in 1 2; do
	enable_fails "image entry fails, round $round" "$cfg" \
		"the hypervisor failed to start on a CPU" \
		"the hypervisor failed to start (-5)"
	# Addresses in vmallocinfo are hashed; the caller is not.
	check_eq "image entry fails, round $round: hypervisor mapping gone" \
		"" "$(grep '\[jailhouse\]' /proc/vmallocinfo)"
done

rm -f "/lib/firmware/$fw"
[ -z "$saved" ] || mv "$saved" "/lib/firmware/$fw"
