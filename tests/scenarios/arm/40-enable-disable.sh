#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# ARMv7: the hypervisor takes HYP mode on all CPUs of the running Linux
# (through the stock kernel's hyp stub) and gives it back: Linux keeps
# computing the right results on every CPU under stage-2 translation, the
# hypervisor answers hypercalls and counts exits, Linux takes CPU 3
# offline and back online through PSCI (which the hypervisor intercepts),
# and disable returns HYP mode to the hyp stub so that a second round
# works the same and the module unloads.
#
# A CPU that the hypervisor switched on for Linux starts in SVC mode, not
# HYP: Linux records the mismatch, and from then on a CPU that Linux
# switches on natively no longer gets the hyp stub (__boot_cpu_mode is
# marked inconsistent). Such a CPU cannot be taken over again, so the
# native cycle comes last, in 80-native-hotplug.sh.

. /scenarios/lib.sh

sysfs=/sys/devices/jailhouse
cfg=$ARM_ROOT_CELL
root=$(basename "$cfg" .cell)
cpu3=/sys/devices/system/cpu/cpu3

lsmod | grep -q '^jailhouse ' || insmod "$JAILHOUSE_KO"
ncpus=$(grep -c '^processor' /proc/cpuinfo)
check_eq "Linux runs on 4 CPUs" "4" "$ncpus"

# The digest each CPU must reproduce, computed before any enable.
job='i=0; while [ $i -lt 300 ]; do echo "line $i"; i=$((i + 1)); done | md5sum'
expected=$(sh -c "$job")

# workload WHAT: the job pinned to each CPU; every result must match.
workload() {
	cpu=0
	while [ "$cpu" -lt "$ncpus" ]; do
		taskset -c "$cpu" sh -c "$job" >"/tmp/wl.$cpu" &
		cpu=$((cpu + 1))
	done
	wait
	ok=0
	cpu=0
	while [ "$cpu" -lt "$ncpus" ]; do
		[ "$(cat "/tmp/wl.$cpu")" = "$expected" ] && ok=$((ok + 1))
		cpu=$((cpu + 1))
	done
	check_eq "$1: correct results on all $ncpus CPUs" "$ncpus" "$ok"
}

# stat NAME: a counter of the root cell (sum over its CPUs).
stat() {
	cat "$sysfs/cells/0/statistics/$1"
}

hotplug() {
	psci_before=$(stat vmexits_psci)
	echo 0 >"$cpu3/online"
	check_eq "$1: CPU 3 offline" "0" "$(cat $cpu3/online)"
	echo 1 >"$cpu3/online"
	check_eq "$1: CPU 3 online again" "1" "$(cat $cpu3/online)"
	check_eq "$1: CPU 3 runs tasks" "on-3" \
		"$(taskset -c 3 sh -c 'echo on-$(cut -d" " -f39 /proc/self/stat)')"
	psci_after=$(stat vmexits_psci)
	if [ "$psci_after" -gt "$psci_before" ]; then
		pass "$1: CPU_OFF/CPU_ON went through the hypervisor"
	else
		fail "$1: CPU_OFF/CPU_ON went through the hypervisor" \
			"psci exits $psci_before -> $psci_after"
	fi
}

round() {
	dmesg -c >/dev/null
	expect_ok jailhouse enable "$cfg" || { dump_dmesg; return 1; }
	check_eq "round $1: enabled" "1" "$(cat $sysfs/enabled)"

	list=$(jailhouse cell list)
	check_contains "round $1: cell list shows the root cell on CPUs 0-3" \
		"$(printf '%s\n' "$list" | awk '$1 == "0" { print $2, $4 }')" \
		"$root 0-3"

	expect_ok jailhouse console
	check_contains "round $1: console banner" "$OUTPUT" \
		"Initializing Jailhouse hypervisor"
	check_eq "round $1: all CPUs initialized" "4" \
		"$(printf '%s\n' "$OUTPUT" | grep -c '^ CPU [0-3]\.\.\. OK')"
	check_contains "round $1: console says activated" "$OUTPUT" \
		"Activating hypervisor"

	workload "round $1: under the hypervisor"

	# Reading a CPU's counter is a hypercall on that CPU.
	cpu=0
	while [ "$cpu" -lt "$ncpus" ]; do
		n=$(taskset -c "$cpu" cat \
			"$sysfs/cells/0/statistics/cpu$cpu/vmexits_hypercall")
		case "$n" in
		''|*[!0-9]*|0) fail "round $1: cpu$cpu counted hypercalls" "'$n'" ;;
		*) pass "round $1: cpu$cpu counted hypercalls" ;;
		esac
		cpu=$((cpu + 1))
	done
	usage=$(printf '%s\n' "$OUTPUT" |
		sed -n 's/^Page pool usage after late setup: mem \([0-9]*\)\/\([0-9]*\),.*/\1 \2/p' |
		tail -n 1)
	check_eq "round $1: pool usage through hypercalls" "$usage" \
		"$(cat $sysfs/mem_pool_used) $(cat $sysfs/mem_pool_size)"

	hotplug "round $1"
	# Bringing CPU 3 up touches the GIC distributor: emulated MMIO.
	n=$(stat vmexits_mmio)
	case "$n" in
	''|*[!0-9]*|0) fail "round $1: GIC accesses trapped" "'$n'" ;;
	*) pass "round $1: GIC accesses trapped" ;;
	esac
	workload "round $1: after the CPU cycle"
	check_eq "round $1: no failed CPUs" "" \
		"$(cat $sysfs/cells/0/cpus_failed_list)"

	expect_ok jailhouse disable || { dump_dmesg; return 1; }
	check_eq "round $1: disabled" "0" "$(cat $sysfs/enabled)"
	check_contains "round $1: hypervisor said goodbye" \
		"$(dmesg)" "jailhouse: hypervisor disabled"
	workload "round $1: after disable"
}

# The hypervisor's own debug console (PL011 on virt, the Allwinner
# DW-8250 UART0 on bpim2u, 32-bit registers 4 bytes apart): its banner
# and activation reach the serial line Linux prints on, not only the
# ring that `jailhouse console` reads.
expect_serial "Initializing Jailhouse hypervisor"
expect_serial "Activating hypervisor"
round 1 && round 2
expect_ok rmmod jailhouse
