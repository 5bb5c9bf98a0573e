#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# The driver's side of a successful enable, with a stand-in image whose
# entry returns 0 at once and whose console ring already holds a line.
# The CPUs then keep running unvirtualized, so nothing here may issue a
# hypercall (cell state, pool counters, statistics values, disable): those
# would fault. That is also why this scenario gets a boot of its own.
#
# Checked: the enabled state in sysfs and /proc/iomem, the root cell's
# directory, the console in sysfs and through /dev/jailhouse (blocking and
# not), enable while enabled, rmmod refused, and the cell requests that the
# driver answers before any hypercall.
# stockade-not-xapic: nothing in it depends on the root's APIC mode; check-x86-ir runs it (make check's time budget)

. /scenarios/lib.sh

sysfs=/sys/devices/jailhouse
cfg="$X86_ROOT_CELL"
cell=/etc/jailhouse/tiny-demo.cell
hello="hello from the stand-in hypervisor"

insmod "$JAILHOUSE_KO"

# le32 VALUE: printf escapes of a little-endian u32.
le32() {
	printf '\\%03o\\%03o\\%03o\\%03o' $(($1 & 255)) $((($1 >> 8) & 255)) \
		$((($1 >> 16) & 255)) $((($1 >> 24) & 255))
}

# Header: core 8 KiB, per-CPU areas 4 KiB, entry at 0x1000, console ring
# at 0x100 (busy 0, tail = length of the line, the line). The entry is
# xor %eax,%eax; ret.
case "$(grep -m 1 '^vendor_id' /proc/cpuinfo)" in
*AuthenticAMD*|*HygonGenuine*) fw=jailhouse-amd.bin ;;
*) fw=jailhouse-intel.bin ;;
esac
mkdir -p /lib/firmware
{
	printf 'JAILHOUS'
	# shellcheck disable=SC2059 # le32 prints printf escapes
	printf "$(le32 0x2000)\\000\\000\\000\\000$(le32 0x1000)\\000\\000\\000\\000"
	# shellcheck disable=SC2059
	printf "$(le32 0x1000)\\000\\000\\000\\000$(le32 0x100)\\000\\000\\000\\000"
	head -c $((0x100 - 40)) /dev/zero
	# shellcheck disable=SC2059
	printf "\\000\\000\\000\\000$(le32 $((${#hello} + 1)))%s\\n" "$hello"
	head -c $((0x1000 - 0x100 - 8 - ${#hello} - 1)) /dev/zero
	printf '\061\300\303'
} >"/lib/firmware/$fw"

expect_ok jailhouse enable "$cfg" || { dump_dmesg; exit 0; }
check_eq "enabled reads 1" "1" "$(cat $sysfs/enabled)"
check_contains "hypervisor memory claimed in /proc/iomem" \
	"$(cat /proc/iomem)" "3a000000-3a5fffff : Jailhouse hypervisor"
# Addresses in vmallocinfo are hashed; the caller and size are not.
check_contains "hypervisor memory mapped by the driver" \
	"$(hv_vmalloc_lines)" " 6295552 "
if [ -e "$sysfs/core" ]; then
	fail "no core file while the hypervisor runs" "$sysfs/core exists"
else
	pass "no core file while the hypervisor runs"
fi

check_eq "cells/ holds the root cell only" "0" "$(ls $sysfs/cells)"
check_eq "root cell name" "QEMU-VM" "$(cat $sysfs/cells/0/name)"
check_eq "root cell CPUs" "f" "$(cat $sysfs/cells/0/cpus_assigned)"
check_eq "root cell CPU list" "0-3" "$(cat $sysfs/cells/0/cpus_assigned_list)"
check_eq "root cell statistics per CPU" "cpu0 cpu1 cpu2 cpu3" \
	"$(cd $sysfs/cells/0/statistics && echo cpu*)"
stats="vmexits_cpuid vmexits_cr vmexits_exception vmexits_hypercall"
stats="$stats vmexits_management vmexits_mmio vmexits_msr_other"
stats="$stats vmexits_msr_x2apic_icr vmexits_pio vmexits_total"
stats="$stats vmexits_xapic vmexits_xsetbv"
for d in statistics statistics/cpu2; do
	check_eq "counter files in cells/0/$d" "$stats" \
		"$(cd $sysfs/cells/0/$d && echo vmexits_*)"
done

check_eq "console in sysfs" "$hello" "$(cat $sysfs/console)"
check_eq "jailhouse console" "$hello" "$(jailhouse console 2>&1)"
# A blocking reader gets the line and then waits for more.
rc=0
out=$(timeout 2 cat /dev/jailhouse) || rc=$?
# busybox timeout exits with 128 + SIGTERM, coreutils with 124.
case "$rc" in 124|143) rc=killed ;; esac
check_eq "blocking read returns the ring, then blocks" "killed:$hello" "$rc:$out"

expect_fail_with "already enabled" jailhouse enable "$cfg"
check_eq "still enabled after the refused second enable" "1" "$(cat $sysfs/enabled)"

if rmmod jailhouse 2>/dev/null; then
	fail "rmmod is refused while enabled" "the module was unloaded"
	exit 0
fi
pass "rmmod is refused while enabled"
check_file "/dev/jailhouse still there" /dev/jailhouse

# Cell requests the driver turns down before asking the hypervisor.
cell_fails() {
	dmesg -c >/dev/null
	expect_fail_with "$3" jailhouse cell create "$2"
	[ -n "${4:-}" ] || return 0
	check_contains "$1: kernel log names the cause" \
		"$(dmesg | grep '\] jailhouse: ')" "$4"
}
# The CPU bitmap follows the 132-byte descriptor; the name is at 8.
cell_fails "cell with CPU 0" "$(patched "$cell" cpu0 132 '\001')" \
	"the cell config was rejected" \
	"invalid cell config: CPU 0 cannot leave the root cell"
cell_fails "cell with CPU 5" "$(patched "$cell" cpu5 132 '\040')" \
	"the cell config was rejected" \
	"invalid cell config: CPU 5 does not exist"
cell_fails "cell named like the root cell" \
	"$(patched "$cell" dup 8 'QEMU-VM\000\000')" \
	"a cell with this name already exists" \
	"a cell named \"QEMU-VM\" exists already"
check_eq "CPUs stay online after refused creates" "0-3" \
	"$(cat /sys/devices/system/cpu/online)"

expect_fail_with "no cell" jailhouse cell start nosuchcell
expect_fail_with "no cell" jailhouse cell destroy nosuchcell
expect_fail_with "the root cell cannot be destroyed" jailhouse cell destroy 0
expect_fail_with "the root cell cannot be started" jailhouse cell start 0
expect_fail_with "the root cell cannot be loaded" \
	jailhouse cell load 0 "$cfg"
check_eq "still only the root cell" "0" "$(ls $sysfs/cells)"
