#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# The advice of the VHE refusal (22-*) works: the same Cortex-A76, booted
# with the kernel parameters that the driver's message recommends, keeps
# Debian's kernel in EL1 and EL2 free, so `jailhouse hardware check`
# passes, enable and disable work twice and Linux computes right on every
# CPU, under the hypervisor and after it.
# The parameters are read from the installed module's message, so that
# advice and this boot cannot drift apart unnoticed.
# stockade-qemu: -cpu cortex-a76
# stockade-append: id_aa64mmfr1.vh=0

# shellcheck source=tests/scenarios/lib.sh
. /scenarios/lib.sh

sysfs=/sys/devices/jailhouse
cfg=$ARM64_ROOT_CELL
root=$(basename "$cfg" .cell)
cpu3=/sys/devices/system/cpu/cpu3

# The override only says "forced" where the CPU had VHE to take away.
boot_log=$(dmesg)
check_contains "the CPU has VHE, switched off by the command line" \
	"$boot_log" "SYS_ID_AA64MMFR1_EL1[11:8]: forced to 0"
case "$boot_log" in
*"detected: Virtualization Host Extensions"*)
	fail "the kernel runs in EL1" "it detected VHE" ;;
*)
	pass "the kernel runs in EL1" ;;
esac
check_contains "EL2 was handed to the kernel" "$boot_log" \
	"CPU: All CPU(s) started at EL2"
check_eq "no /dev/kvm" "" "$(ls /dev/kvm 2>/dev/null)"

# `jailhouse hardware check` agrees: EL2 is free, nothing blocks.
rc=0
out=$(jailhouse hardware check 2>&1) || rc=$?
check_eq "hardware check passes" "0" "$rc"
check_contains "hardware check finds EL2 free" \
	"$(printf '%s\n' "$out" | grep 'EL2 / HYP mode')" \
	"ok       Linux started in EL2 and runs in EL1, KVM is off"
check_contains "hardware check verdict" "$out" \
	"Nothing found that would keep 'jailhouse enable' from working."

# Every name=value of the driver's VHE refusal is on the command line, and
# nothing else about EL2 or CPU features is.
advice=$(tr '\0' '\n' <"$JAILHOUSE_KO" | grep 'runs in EL2 (VHE)' | head -n 1)
params=$(printf '%s\n' "$advice" | grep -o '[a-z0-9_.-]*=[a-z0-9]*' |
	tr '\n' ' ')
if [ -n "$params" ]; then
	pass "the VHE refusal recommends kernel parameters"
else
	fail "the VHE refusal recommends kernel parameters" "'$advice'"
fi
cmdline=" $(cat /proc/cmdline) "
for p in $params; do
	check_contains "booted with the recommended $p" "$cmdline" " $p "
done
for p in $cmdline; do
	case "$p" in
	id_aa64*|kvm-arm.*|arm64.*)
		check_contains "$p on the command line is part of the advice" \
			" $params" " $p " ;;
	esac
done

round() {
	dmesg -c >/dev/null
	expect_ok jailhouse enable "$cfg" || { dump_dmesg 30; return 1; }
	check_eq "round $1: enabled" "1" "$(cat $sysfs/enabled)"
	check_eq "round $1: root cell on CPUs 0-3" "$root 0-3" \
		"$(jailhouse cell list | awk '$1 == "0" { print $2, $4 }')"
	check_contains "round $1: hypervisor activated" \
		"$(jailhouse console)" "Activating hypervisor"
	all_cpus_compute "round $1: under the hypervisor"

	psci=$(cat $sysfs/cells/0/statistics/vmexits_psci)
	echo 0 >"$cpu3/online"
	off=$(cat "$cpu3/online")
	echo 1 >"$cpu3/online"
	check_eq "round $1: CPU 3 offline and online again" "0 1" \
		"$off $(cat "$cpu3/online")"
	n=$(cat $sysfs/cells/0/statistics/vmexits_psci)
	if [ "$n" -gt "$psci" ]; then
		pass "round $1: CPU_OFF/CPU_ON went through the hypervisor"
	else
		fail "round $1: CPU_OFF/CPU_ON went through the hypervisor" \
			"psci exits $psci -> $n"
	fi
	check_eq "round $1: no failed CPUs" "" \
		"$(cat $sysfs/cells/0/cpus_failed_list)"

	expect_ok jailhouse disable || { dump_dmesg 30; return 1; }
	check_eq "round $1: disabled" "0" "$(cat $sysfs/enabled)"
	check_contains "round $1: hypervisor said goodbye" "$(dmesg)" \
		"jailhouse: hypervisor disabled"
	all_cpus_compute "round $1: after disable"
}

insmod "$JAILHOUSE_KO"
round 1 && round 2
expect_ok rmmod jailhouse
