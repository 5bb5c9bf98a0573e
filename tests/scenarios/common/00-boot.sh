#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# The machine the other scenarios rely on: memory kept from Linux for the
# hypervisor, four CPUs online, hardware virtualization visible to the
# kernel. When this fails, nothing after it means much.

. /scenarios/lib.sh

check_eq "4 CPUs online" "0-3" "$(cat /sys/devices/system/cpu/online)"

# Highest end address of a top-level "System RAM" range in /proc/iomem.
ram_top() {
	top=0
	for r in $(sed -n 's/^\([0-9a-f]*\)-\([0-9a-f]*\) : System RAM$/\2/p' /proc/iomem); do
		[ $((0x$r)) -gt $((top)) ] && top=0x$r
	done
	echo "$top"
}

cmdline=$(cat /proc/cmdline)
case "$(uname -m)" in
x86_64)
	# shellcheck disable=SC2016 # a literal '$', memmap's own syntax
	check_contains "memory reservation on the command line" \
		"$cmdline" 'memmap=82M$0x3a000000'
	# 82 MiB from 0x3a000000 end at 0x3f1fffff; the kernel must have
	# taken the whole range out of System RAM.
	check_contains "0x3a000000-0x3f1fffff reserved in /proc/iomem" \
		"$(cat /proc/iomem)" "3a000000-3f1fffff : Reserved"
	overlap=
	for r in $(sed -n 's/^\([0-9a-f]*-[0-9a-f]*\) : System RAM$/\1/p' /proc/iomem); do
		if [ $((0x${r%-*})) -le $((0x3f1fffff)) ] &&
		   [ $((0x${r#*-})) -ge $((0x3a000000)) ]; then
			overlap="$overlap $r"
		fi
	done
	check_eq "no System RAM overlaps the reservation" "" "$overlap"
	flags=$(grep -m 1 '^flags' /proc/cpuinfo)
	check_contains "CPU offers SVM" "$flags" " svm"
	check_contains "CPU offers nested paging" "$flags" " npt"
	;;
aarch64)
	check_contains "memory limit on the command line" "$cmdline" "mem=768M"
	check_contains "KVM kept off EL2" "$cmdline" "kvm-arm.mode=none"
	# RAM starts at 0x40000000 on QEMU virt; 768 MiB end at 0x6fffffff.
	check_eq "System RAM ends at 0x6fffffff" "0x6fffffff" "$(ram_top)"
	if dmesg | grep -q "All CPU(s) started at EL2"; then
		pass "CPUs started at EL2"
	else
		fail "CPUs started at EL2" "$(dmesg | grep -m 1 'CPU(s) started' || echo 'no such kernel message')"
	fi
	;;
armv7l)
	check_contains "memory limit on the command line" "$cmdline" "mem=768M"
	check_eq "System RAM ends at 0x6fffffff" "0x6fffffff" "$(ram_top)"
	if dmesg | grep -q "All CPU(s) started in HYP mode"; then
		pass "CPUs started in HYP mode"
	else
		fail "CPUs started in HYP mode" "$(dmesg | grep -m 1 'CPU(s) started' || echo 'no such kernel message')"
	fi
	;;
*)
	fail "known architecture" "$(uname -m)"
	;;
esac
