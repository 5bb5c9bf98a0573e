#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# PCI config space under the hypervisor: the root cell reads its listed
# devices as before (ports 0xcf8/0xcfc in every width, extended space
# through MMCONFIG), writes their header, cannot write a capability its
# config keeps read-only, and sees an unlisted device (an edu device at
# 00:05.0 added for this boot) as all-ones, with one console note. After
# disable everything is as before.
# stockade-qemu: -device edu,addr=05.0
# stockade-not-xapic: nothing in it depends on the root's APIC mode; check-x86-ir runs it (make check's time budget)

. /scenarios/lib.sh

sysfs=/sys/devices/jailhouse
cfg="$X86_ROOT_CELL"
pci=/sys/bus/pci/devices

lsmod | grep -q '^jailhouse ' || insmod "$JAILHOUSE_KO"

# cfg_hex BDF OFFSET COUNT: COUNT bytes of config space, one hex word.
cfg_hex() {
	od -v -A n -t x1 -j "$2" -N "$3" "$pci/0000:$1/config" 2>/dev/null |
		tr -d ' \n'
}

# cfg_write BDF OFFSET BYTES: byte writes (BYTES in octal escapes).
cfg_write() {
	printf "$3" | dd of="$pci/0000:$1/config" bs=1 seek="$2" \
		conv=notrunc 2>/dev/null
}

# octal BYTE-HEX: the printf escape of one byte.
octal() {
	printf '\\%03o' "0x$1"
}

listed="00:00.0 00:01.0 00:02.0 00:1f.0 00:1f.2 00:1f.3"

# snapshot: ids (dword), device id (word), vendor byte 1 (byte), class
# of every listed device, for comparison.
snapshot() {
	for d in $listed; do
		printf '%s:%s/%s/%s/%s ' "$d" "$(cfg_hex "$d" 0 4)" \
			"$(cfg_hex "$d" 2 2)" "$(cfg_hex "$d" 1 1)" \
			"$(cfg_hex "$d" 8 4)"
	done
}

check_file "edu device at 00:05.0" "$pci/0000:00:05.0/config" || exit 0
check_eq "natively, 00:05.0 is an edu device" "3412e811" \
	"$(cfg_hex 00:05.0 0 4)"
native=$(snapshot)
# e1000e is PCI Express: its extended space comes through MMCONFIG.
ext_native=$(cfg_hex 00:02.0 256 8)
case "$ext_native" in
''|ffffffffffffffff) skip "extended config space" "reads '$ext_native'" ;;
esac
# 0xf4 of 00:02.0, after its PCIe capability, is writable in QEMU but
# in no capability of the config.
reg_native=$(cfg_hex 00:02.0 244 1)
reg_new=$(printf '%02x' $((0x$reg_native ^ 0x5a)))
cfg_write 00:02.0 244 "$(octal "$reg_new")"
check_eq "natively, 0xf4 of 00:02.0 is writable" "$reg_new" \
	"$(cfg_hex 00:02.0 244 1)"
cfg_write 00:02.0 244 "$(octal "$reg_native")"
edu_cmd=$(cfg_hex 00:05.0 4 2)

# sum_stat NAME: an exit counter of the root cell, summed over its CPUs.
sum_stat() {
	cat $sysfs/cells/0/statistics/cpu*/vmexits_$1 |
		awk '{ s += $1 } END { print s }'
}

expect_ok jailhouse enable "$cfg" || exit 0
pio=$(sum_stat pio)
check_eq "listed devices read as before" "$native" "$(snapshot)"
mmio=$(sum_stat mmio)
check_eq "extended space of 00:02.0 as before ($ext_native)" \
	"$ext_native" "$(cfg_hex 00:02.0 256 8)"
# Under the hypervisor every config access exits.
[ "$(sum_stat mmio)" -gt "$mmio" ] && pass "MMCONFIG reads trapped" ||
	fail "MMCONFIG reads trapped" "mmio exits $mmio -> $(sum_stat mmio)"
[ "$(sum_stat pio)" -gt "$pio" ] && pass "0xcf8/0xcfc accesses trapped" ||
	fail "0xcf8/0xcfc accesses trapped" "pio exits $pio -> $(sum_stat pio)"
check_eq "00:05.0 reads all-ones (dword)" "ffffffff" "$(cfg_hex 00:05.0 0 4)"
check_eq "00:05.0 reads all-ones (word)" "ffff" "$(cfg_hex 00:05.0 2 2)"
check_eq "00:05.0 reads all-ones (byte)" "ff" "$(cfg_hex 00:05.0 9 1)"
ones=
for n in 1 2 3 4 5 6 7 8; do ones=${ones}ffffffffffffffff; done
check_eq "00:05.0 reads all-ones (all)" "$ones" "$(cfg_hex 00:05.0 0 64)"

# The owner writes its header: cache line size of 00:02.0.
cls=$(cfg_hex 00:02.0 12 1)
cfg_write 00:02.0 12 '\020'
check_eq "header write of 00:02.0 reaches the device" "10" \
	"$(cfg_hex 00:02.0 12 1)"
cfg_write 00:02.0 12 "$(octal "$cls")"
check_eq "header write of 00:02.0 restored" "$cls" "$(cfg_hex 00:02.0 12 1)"

# Outside the header and the writable capabilities, writes are dropped.
cfg_write 00:02.0 244 "$(octal "$reg_new")"
check_eq "write outside writable capabilities ignored" "$reg_native" \
	"$(cfg_hex 00:02.0 244 1)"
cfg_write 00:05.0 4 '\000\000'

con=$(cat $sysfs/console)
check_contains "note about the hidden device" "$con" \
	'PCI 00:05.0 is not in the config of cell "QEMU-VM": hidden'
check_contains "note about the refused write" "$con" \
	'PCI 00:02.0: cell "QEMU-VM" may not write register 0xf4: ignored'
check_eq "one note per device" "1" \
	"$(echo "$con" | grep -c 'PCI 00:05.0 ')"
check_eq "no failed CPUs" "" "$(cat $sysfs/cells/0/cpus_failed_list)"

expect_ok jailhouse disable || exit 0
check_eq "after disable, 00:05.0 is back" "3412e811" "$(cfg_hex 00:05.0 0 4)"
check_eq "after disable, its command register unchanged" "$edu_cmd" \
	"$(cfg_hex 00:05.0 4 2)"
check_eq "after disable, listed devices as before" "$native" "$(snapshot)"
