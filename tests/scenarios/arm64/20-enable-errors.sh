#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# arm64 counterpart of x86/20-enable-errors.sh: every check the driver does
# before taking over EL2 runs on ARM too, and each refusal leaves the
# hypervisor disabled and /proc/iomem unchanged. Taking over EL2 is not
# implemented yet, so a well-formed image ends in ENOSYS; that check changes
# once it is.

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

# A well-formed header (core 8 KiB, per-CPU areas 4 KiB, entry at 0x1000,
# console ring at 0x100) in front of 4 KiB of nothing.
{
	printf 'JAILHOUS'
	printf '\000\040\000\000\000\000\000\000\000\020\000\000\000\000\000\000'
	printf '\000\020\000\000\000\000\000\000\000\001\000\000\000\000\000\000'
	head -c $((0x1000 + 0x100 - 40)) /dev/zero
} >"/lib/firmware/$fw"
enable_fails "hypervisor memory too small" \
	"$(patched small 28 '\000\040\000\000')" \
	"the driver rejected the system config" \
	"invalid config: hypervisor memory of 0x2000 bytes is too small"
enable_fails "EL2 take-over" "$cfg" \
	"cannot enable Jailhouse on this architecture yet" \
	"enabling the hypervisor on ARM is not implemented yet"

rm -f "/lib/firmware/$fw"
[ -z "$saved" ] || mv "$saved" "/lib/firmware/$fw"
