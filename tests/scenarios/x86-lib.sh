#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# x86-lib.sh: scenario steps that AMD (QEMU) and Intel (Bochs) share.
# Sourced after lib.sh.

# runs_on N: "on-N" when a task pinned to CPU N ran there.
runs_on() {
	# shellcheck disable=SC2016 # expanded by the inner shell
	taskset -c "$1" sh -c 'echo on-$(cut -d" " -f39 /proc/self/stat)'
}

# disable_with_cpu_offline CFG N: enable with CFG, take root CPU N offline
# under the hypervisor, disable. That CPU sits in Linux's dead loop in
# guest mode, where no DISABLE hypercall reaches it: the driver brings it
# up to leave the hypervisor and takes it down again. It stays offline as
# the user left it, runs natively once onlined with the CPU's
# virtualization flag visible again, and a second enable/disable round
# finds every CPU native.
disable_with_cpu_offline() {
	local cfg=$1 n=$2 sysfs=/sys/devices/jailhouse log flags
	local cpu=/sys/devices/system/cpu/cpu$2

	lsmod | grep -q '^jailhouse ' || insmod "$JAILHOUSE_KO"

	expect_ok jailhouse enable "$cfg" || return 0
	echo 0 >"$cpu/online"
	check_eq "CPU $n offline under the hypervisor" "0" "$(cat $cpu/online)"
	dmesg -c >/dev/null
	expect_ok jailhouse disable || dump_dmesg
	check_eq "disabled" "0" "$(cat $sysfs/enabled)"
	check_eq "CPU $n still offline after disable" "0" "$(cat $cpu/online)"
	log=$(dmesg)
	check_eq "no kernel warnings or driver errors during disable" "" \
		"$(echo "$log" | grep -iE 'warn|error|fail|bug|refused' | head -n 3)"
	# The CPU had to come up to leave the hypervisor, then went down again.
	check_contains "CPU $n came up to leave the hypervisor" "$log" \
		"Booting Node 0 Processor $n "
	check_contains "CPU $n went down again, natively" "$log" \
		"CPU $n is now offline"

	echo 1 >"$cpu/online"
	check_eq "CPU $n online again" "1" "$(cat $cpu/online)"
	check_eq "CPU $n runs tasks" "on-$n" "$(runs_on $n)"
	flags=" $(cpu_flags $n) "
	check_contains "natively, CPU $n sees $(virt_flag) again" "$flags" \
		" $(virt_flag) "

	# The next round must find every CPU native, CPU $n included.
	expect_ok jailhouse enable "$cfg" || { dump_dmesg; return 0; }
	check_eq "no failed CPUs in the next round" "" \
		"$(cat $sysfs/cells/0/cpus_failed_list)"
	check_eq "CPU $n runs tasks in the next round" "on-$n" "$(runs_on $n)"
	expect_ok jailhouse disable || dump_dmesg
	check_eq "CPU $n runs tasks natively at the end" "on-$n" "$(runs_on $n)"
}
