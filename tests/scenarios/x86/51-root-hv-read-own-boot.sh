#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# The root cell reads hypervisor memory from a kernel module (hvread.ko).
# Natively the reserved memory is readable; under the hypervisor it is not
# mapped for the root cell, so the hypervisor must stop the reading CPU and
# print its fatal report (hypervisor/README.md; same path as
# 50-root-fatal-own-boot.sh) naming the hypervisor address. The other CPUs
# keep Linux alive long enough to see the report in the console ring and
# the CPU marked failed.
# stockade-not-xapic: nothing in it depends on the root's APIC mode; check-x86-ir runs it (make check's time budget)

. /scenarios/lib.sh

sysfs=/sys/devices/jailhouse
cfg="$X86_ROOT_CELL"
hvread=/lib/modules/$(uname -r)/extra/tests/hvread.ko
# The CPU that reads; not CPU 0, which keeps the console going.
cpu=1

lsmod | grep -q '^jailhouse ' || insmod "$JAILHOUSE_KO"
check_file "hvread.ko is installed" "$hvread" || exit 0

# struct jailhouse_system: signature[6], revision u16, flags u32, then
# hypervisor_memory { phys_start, virt_start, size }
# (Documentation/jailhouse-abi.md, config binaries).
u64_at() {
	od -A n -t u8 -j "$2" -N 8 "$1" | tr -d ' '
}
base=$(u64_at "$cfg" 12)
size=$(u64_at "$cfg" 28)
case "$base:$size" in
*[!0-9:]*|:*|*:) fail "hypervisor memory from $cfg" "'$base:$size'"; exit 0 ;;
esac
# Middle of the hypervisor memory: page pool, far from the image header
# and the console page the root cell may read.
addr=$(printf '0x%x' $(((base + size / 2) & ~0xfff)))
pass "hypervisor memory from $cfg: $(printf '0x%x' "$base"), $size bytes, reading $addr"

if ! insmod "$hvread" phys="$addr"; then
	fail "natively, hvread.ko reads $addr" "insmod failed"
	dump_dmesg 5
	exit 0
fi
pass "natively, hvread.ko reads $addr"
check_eq "hvread.ko read what devmem reads" \
	"$(($(busybox devmem "$addr" 32)))" "$(cat /sys/module/hvread/parameters/value)"
rmmod hvread

expect_ok jailhouse enable "$cfg" || exit 0

# Watch from CPU 0 while CPU $cpu hangs in the hypervisor.
watch() {
	sleep 5
	report=$(sed -n "/^FATAL: CPU ${cpu}[: ]/,\$p" $sysfs/console)
	check_contains "the hypervisor reports CPU $cpu as stopped" \
		"$report" "FATAL: CPU $cpu"
	check_contains "the report names $addr" "$report" "$addr"
	check_eq "CPU $cpu is marked failed" "$cpu" \
		"$(cat $sysfs/cells/0/cpus_failed_list)"
}
# Once CPU $cpu stops, any TLB shootdown it has to answer hangs its
# sender: the watcher's address space must never have been on it. Device
# interrupts (the console UART's among them) must not go there either.
taskset -p -c 0 $$ >/dev/null
for f in /proc/irq/*/smp_affinity; do
	echo 1 >"$f"
done 2>/dev/null
watch &

expect_stop "address/exitinfo2 $addr,"
taskset -c "$cpu" insmod "$hvread" phys="$addr"
fail "the read of $addr was stopped" "insmod returned"
