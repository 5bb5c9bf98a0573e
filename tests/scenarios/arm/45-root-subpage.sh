#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# A root cell with a sub-page region (issue 12, item 2: sub-page regions
# for root cells on ARM too): QEMU virt's root config with its PL011
# region cut to the first 256 bytes, where all the registers Linux uses
# at run time lie. The hypervisor accepts it (`jailhouse config check`
# does too: tests/config-check, which has the Python this guest lacks);
# Linux's console then goes through the hypervisor access by access
# (trapped, checked against the byte range, forwarded): each character
# printed is at least one MMIO exit of the root cell, what the root
# prints still reaches the serial line, and disable works.

. /scenarios/lib.sh

sysfs=/sys/devices/jailhouse

if [ "$ARM_ROOT_CELL" != /etc/jailhouse/qemu-arm.cell ]; then
	skip "root sub-page region" "the patched config is QEMU virt's"
	exit 0
fi

# offset_of FILE HEX...: byte offset of the first occurrence of those
# bytes in FILE (empty if none).
offset_of() {
	_file=$1
	shift
	od -A n -t x1 -v "$_file" | tr -s ' ' '\n' | grep -v '^$' |
		awk -v want="$*" '
		BEGIN { n = split(want, p, " ") }
		{ b[NR - 1] = $1 }
		END {
			for (i = 0; i + n <= NR; i++) {
				for (j = 0; j < n && b[i + j] == p[j + 1]; j++)
					;
				if (j == n) { print i; exit }
			}
		}'
}

# The UART region: phys_start and virt_start 0x09000000, size follows.
off=$(offset_of "$ARM_ROOT_CELL" 00 00 00 09 00 00 00 00 00 00 00 09 00 00 00 00)
if [ -z "$off" ]; then
	fail "UART region found in the root config" "no such bytes"
	exit 0
fi
cfg=$(patched "$ARM_ROOT_CELL" root-subpage $((off + 16)) '\000\001\000\000')

lsmod | grep -q '^jailhouse ' || insmod "$JAILHOUSE_KO"
expect_ok jailhouse enable "$cfg" || { dump_dmesg; exit 0; }
exits() {
	cat $sysfs/cells/0/statistics/vmexits_mmio
}
before=$(exits)
# 40 lines of 60 characters on the console (this script's output).
i=0
while [ $i -lt 40 ]; do
	echo "root sub-page console line $i: ............................"
	i=$((i + 1))
done
expect_serial "root sub-page console line 39: ...."
after=$(exits)
if [ $((after - before)) -ge 2400 ]; then
	pass "the root's console went through the sub-page region"
else
	fail "the root's console went through the sub-page region" \
		"$before -> $after MMIO exits for 2400 characters"
fi
case "$(jailhouse console)" in
*'cell "qemu-arm": refused'*) fail "no root access refused" \
	"$(jailhouse console | grep 'refused' | head -n 1)" ;;
*) pass "no root access refused" ;;
esac
expect_ok jailhouse disable || dump_dmesg
