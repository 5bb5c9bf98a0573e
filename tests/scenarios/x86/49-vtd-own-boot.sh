#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# VT-d DMA remapping next to the AMD SVM CPU: QEMU's intel-iommu, which
# Linux leaves alone (intel_iommu=off), and an edu DMA engine owned by the
# root cell. Under the hypervisor the root's device still copies between
# root memory regions, but its DMA at the hypervisor's memory is blocked
# (read: no hypervisor bytes come back; write: the memory is unchanged,
# checked after disable) with a fault line naming device, address and
# cell, and the root keeps running. After disable translation is off and
# the same reads reach the hypervisor's memory again, which shows the
# block came from the IOMMU.
# stockade-qemu: -device intel-iommu,intremap=off -device edu,addr=05.0,dma_mask=0xffffffff
# stockade-append: intel_iommu=off
# stockade-not-x2apic-ir: VT-d without interrupt remapping on a machine of its own (its unit has intremap=off)

. /scenarios/lib.sh

sysfs=/sys/devices/jailhouse
cfg=/etc/jailhouse/qemu-x86-vtd.cell
image=/lib/firmware/jailhouse-amd.bin
bar=0xfea00000
# edu's registers (QEMU docs/specs/edu.rst) and its 4 KiB buffer.
edu_src=$((bar + 0x80))
edu_dst=$((bar + 0x88))
edu_cnt=$((bar + 0x90))
edu_cmd=$((bar + 0x98))
edu_buf=0x40000
# Root RAM in the reservation (a DMA-able region of the root), and the
# hypervisor's first page.
ram_a=0x3a700000
ram_b=0x3a701000
hv=0x3a000000

lsmod | grep -q '^jailhouse ' || insmod "$JAILHOUSE_KO"

mem() {
	busybox devmem "$@"
}

# edu_dma SRC DST CMD: copy 16 bytes (CMD 1: RAM to edu, 3: edu to RAM)
# and wait for the engine; false if it does not finish.
edu_dma() {
	local n=0

	mem "$edu_src" 32 "$1"
	mem "$edu_dst" 32 "$2"
	mem "$edu_cnt" 32 16
	mem "$edu_cmd" 32 "$3"
	while [ $(( $(mem "$edu_cmd" 32) & 1 )) -ne 0 ]; do
		n=$((n + 1))
		[ "$n" -lt 100 ] || return 1
		sleep 0.1
	done
}

# words ADDR: the four 32-bit words at ADDR.
words() {
	echo "$(mem "$1" 32) $(mem $(($1 + 4)) 32) $(mem $(($1 + 8)) 32)" \
	     "$(mem $(($1 + 12)) 32)"
}

# fill ADDR W0 W1 W2 W3
fill() {
	mem "$1" 32 "$2"
	mem $(($1 + 4)) 32 "$3"
	mem $(($1 + 8)) 32 "$4"
	mem $(($1 + 12)) 32 "$5"
}

# round_trip WHAT W0..W3: A -> edu -> B must carry the words over.
round_trip() {
	local what=$1 want

	shift
	fill "$ram_a" "$@"
	fill "$ram_b" 0 0 0 0
	want=$(words "$ram_a")
	edu_dma "$ram_a" "$edu_buf" 1 && edu_dma "$edu_buf" "$ram_b" 3 ||
		{ fail "$what" "edu did not finish"; return 1; }
	check_eq "$what" "$want" "$(words "$ram_b")"
}

# The image's first 16 bytes as four words, as devmem prints them.
image_words() {
	local w out=

	for w in $(od -A n -t x4 -N 16 "$image"); do
		out="$out${out:+ }0x$(echo "$w" | tr a-f A-F)"
	done
	echo "$out"
}

# wait_console TEXT: up to 5 s for TEXT on the hypervisor console.
wait_console() {
	local n=0

	while [ "$n" -lt 50 ]; do
		case "$(cat $sysfs/console)" in *"$1"*) return 0 ;; esac
		n=$((n + 1))
		sleep 0.1
	done
	return 1
}

check_file "edu device at 00:05.0" /sys/bus/pci/devices/0000:00:05.0 ||
	exit 0
case "$(image_words)" in
"0x"*" 0x"*" 0x"*" 0x"*) pass "the image's first words: $(image_words)" ;;
*) fail "the image's first words" "got '$(image_words)'"; exit 0 ;;
esac
# Bus mastering for edu: Linux has no driver for it.
cmd=$(od -A n -t u2 -j 4 -N 2 /sys/bus/pci/devices/0000:00:05.0/config)
printf "\\$(printf %03o $(( (cmd | 6) & 255 )))" |
	dd of=/sys/bus/pci/devices/0000:00:05.0/config bs=1 seek=4 \
	   conv=notrunc 2>/dev/null
check_contains "hardware check reports the DMAR unit" \
	"$(jailhouse hardware check 2>&1 | grep 'VT-d')" \
	"1 DMAR unit (first at 0xfed90000), interrupt remapping not offered"
round_trip "natively, edu copies between root RAM pages" \
	0x11111111 0x22222222 0x33333333 0x44444444 || exit 0

check_eq "before enable, the unit's fault event is masked" \
	"0x80000000" "$(mem 0xfed90038 32)"
expect_ok jailhouse enable "$cfg" || exit 0
con=$(cat $sysfs/console)
check_contains "the VT-d unit comes up" "$con" "Initializing unit: VT-d"
check_contains "translation switched on" "$con" "VT-d: DMA remapping on"
check_contains "edu joins the root cell's domain" "$con" \
	'Adding PCI device 00:05.0 to cell "QEMU-VM"'

round_trip "under VT-d, edu copies between root RAM pages" \
	0x55555555 0x66666666 0x77777777 0x88888888

# Read the hypervisor's first bytes into edu, then out to B.
fill "$ram_b" 0 0 0 0
edu_dma "$hv" "$edu_buf" 1 && edu_dma "$edu_buf" "$ram_b" 3 ||
	fail "edu finishes a blocked read" "it hung"
got=$(words "$ram_b")
[ "$got" != "$(image_words)" ] &&
	pass "edu's read of hypervisor memory brought nothing of it" ||
	fail "edu's read of hypervisor memory brought nothing of it" \
	     "got the image's bytes $got"
wait_console 'DMA read of device 00:05.0 (cell "QEMU-VM") at 0x3a000000 blocked' &&
	pass "fault line for the blocked read" ||
	fail "fault line for the blocked read" \
	     "$(grep 'VT-d' $sysfs/console | tail -n 3 | tr '\n' '|')"

# And write the pattern over the hypervisor's header.
fill "$ram_a" 0xdeadbeef 0xdeadbeef 0xdeadbeef 0xdeadbeef
edu_dma "$ram_a" "$edu_buf" 1 && edu_dma "$edu_buf" "$hv" 3 ||
	fail "edu finishes a blocked write" "it hung"
wait_console 'DMA write of device 00:05.0 (cell "QEMU-VM") at 0x3a000000 blocked' &&
	pass "fault line for the blocked write" ||
	fail "fault line for the blocked write" \
	     "$(grep 'VT-d' $sysfs/console | tail -n 3 | tr '\n' '|')"
check_eq "the root keeps all its CPUs" "" \
	"$(cat $sysfs/cells/0/cpus_failed_list)"
round_trip "edu works on after the faults" \
	0x99999999 0xaaaaaaaa 0xbbbbbbbb 0xcccccccc
pages=$(cat $sysfs/mem_pool_used 2>/dev/null)
echo "page pool after enable with VT-d: ${pages:-?} used"

expect_ok jailhouse disable || exit 0
# While the hypervisor runs it is an NMI to a root CPU (vtd_fault_event.c).
check_eq "after disable, the unit's fault event is masked again" \
	"0x80000000" "$(mem 0xfed90038 32)"
check_eq "the hypervisor's header survived the blocked write" \
	"$(image_words)" "$(words "$hv")"
fill "$ram_b" 0 0 0 0
edu_dma "$hv" "$edu_buf" 1 && edu_dma "$edu_buf" "$ram_b" 3 ||
	fail "edu finishes after disable" "it hung"
check_eq "after disable, edu reads that memory again (no IOMMU)" \
	"$(image_words)" "$(words "$ram_b")"
round_trip "after disable, edu copies between RAM pages" \
	0x12345678 0x9abcdef0 0x0fedcba9 0x87654321

# The units come back for a second enable (Linux still leaves them off).
expect_ok jailhouse enable "$cfg" || exit 0
round_trip "second enable: edu copies between root RAM pages" \
	0x0badf00d 0x1badf00d 0x2badf00d 0x3badf00d
fill "$ram_b" 0 0 0 0
edu_dma "$hv" "$edu_buf" 1 && edu_dma "$edu_buf" "$ram_b" 3 ||
	fail "edu finishes a blocked read (second enable)" "it hung"
[ "$(words "$ram_b")" != "$(image_words)" ] &&
	pass "second enable: hypervisor memory blocked again" ||
	fail "second enable: hypervisor memory blocked again" \
	     "got the image's bytes"
expect_ok jailhouse disable
