#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# arm-lib.sh: scenario steps that ARMv7 and arm64 share. Sourced after
# lib.sh.

# cell_lifecycle ROOT_CFG CELL_CFG GIC_LINE: a non-root gic-demo cell
# through its whole life. It is created next to the running root Linux
# (CPU 3 leaves Linux), loaded, started and shown in the cell list; its
# timer interrupts, injected by the hypervisor, reach it (lines on the
# hypervisor console through con-type=jailhouse, the first one GIC_LINE);
# its shutdown request is answered; destroy gives everything back: the
# pool usage returns to its value before create, CPU 3 comes back online
# in Linux and runs tasks, and disable works.
cell_lifecycle() {
	local sysfs=/sys/devices/jailhouse demos=/usr/libexec/jailhouse/demos
	local cpu3=/sys/devices/system/cpu/cpu3 mem0 remap0 n1 n2

	lsmod | grep -q '^jailhouse ' || insmod "$JAILHOUSE_KO"
	expect_ok jailhouse enable "$1" || { dump_dmesg; return 0; }
	mem0=$(cat $sysfs/mem_pool_used)
	remap0=$(cat $sysfs/remap_pool_used)

	expect_ok jailhouse cell create "$2" || dump_dmesg
	check_contains "create reported on the console" "$(jailhouse console)" \
		'Created cell "gic-demo"'
	check_eq "gic-demo is shut down after create" "shut down" "$(cell_state gic-demo)"
	check_eq "CPU 3 left Linux" "0" "$(cat $cpu3/online)"
	check_eq "root cell lost CPU 3" "0-2" "$(cat $sysfs/cells/0/cpus_assigned_list)"
	check_eq "root Linux computes while the cell exists" "ok" \
		"$(dd if=/dev/zero bs=64k count=50 2>/dev/null | md5sum >/dev/null && echo ok)"

	expect_ok jailhouse cell load gic-demo $demos/gic-demo.bin \
		-s "con-type=jailhouse" -a 0x1000
	console_has "load reported" 'Cell "gic-demo" can be loaded' 1
	expect_ok jailhouse cell start gic-demo
	console_has "gic-demo set up its GIC" "$3"
	console_has "gic-demo timer fires" "Timer fired, jitter"
	check_eq "gic-demo is running" "running" "$(cell_state gic-demo)"
	n1=$(jailhouse console | grep -c "Timer fired")
	sleep 2
	n2=$(jailhouse console | grep -c "Timer fired")
	if [ "$n2" -gt "$n1" ]; then pass "gic-demo timer keeps firing"
	else fail "gic-demo timer keeps firing" "$n1 -> $n2"; fi

	expect_ok jailhouse cell shutdown gic-demo
	check_eq "gic-demo shut down" "shut down" "$(cell_state gic-demo)"
	console_has "gic-demo answered the shutdown request" "Stopped GIC demo" 5
	case "$(jailhouse console)" in
	*"did not answer"*) fail "no unanswered shutdown request" \
		"$(jailhouse console | grep 'did not answer' | head -n 1)" ;;
	*) pass "no unanswered shutdown request" ;;
	esac

	# A shut-down cell can be loaded and started again.
	expect_ok jailhouse cell load gic-demo $demos/gic-demo.bin \
		-s "con-type=jailhouse" -a 0x1000
	expect_ok jailhouse cell start gic-demo
	check_eq "gic-demo runs again" "running" "$(cell_state gic-demo)"

	expect_ok jailhouse cell destroy gic-demo
	console_has "destroy reported" 'Closing cell "gic-demo"' 1
	check_eq "only the root cell is left" "1" "$(jailhouse cell list | grep -c running)"
	check_eq "mem pool usage back to its value before create" "$mem0" \
		"$(cat $sysfs/mem_pool_used)"
	check_eq "remap pool usage back" "$remap0" "$(cat $sysfs/remap_pool_used)"
	check_eq "CPU 3 back in Linux" "1" "$(cat $cpu3/online)"
	check_eq "CPU 3 runs tasks" "on-3" \
		"$(taskset -c 3 sh -c 'echo on-$(cut -d" " -f39 /proc/self/stat)')"
	check_eq "root cell has all CPUs" "0-3" "$(cat $sysfs/cells/0/cpus_assigned_list)"
	expect_ok jailhouse disable || dump_dmesg
}

# The digest each CPU must reproduce (set by enable_disable_rounds).
_arm_job='i=0; while [ $i -lt 300 ]; do echo "line $i"; i=$((i + 1)); done | md5sum'
_arm_expected=

# _arm_workload WHAT: the job pinned to each CPU; every result must match.
_arm_workload() {
	local cpu=0 ok=0 ncpus=$_arm_ncpus

	while [ "$cpu" -lt "$ncpus" ]; do
		taskset -c "$cpu" sh -c "$_arm_job" >"/tmp/wl.$cpu" &
		cpu=$((cpu + 1))
	done
	wait
	cpu=0
	while [ "$cpu" -lt "$ncpus" ]; do
		[ "$(cat "/tmp/wl.$cpu")" = "$_arm_expected" ] && ok=$((ok + 1))
		cpu=$((cpu + 1))
	done
	check_eq "$1: correct results on all $ncpus CPUs" "$ncpus" "$ok"
}

# _arm_root_stat NAME: a counter of the root cell (sum over its CPUs).
_arm_root_stat() {
	cat "/sys/devices/jailhouse/cells/0/statistics/$1"
}

# _arm_hotplug WHAT: CPU 3 off and on again, through the hypervisor's PSCI.
_arm_hotplug() {
	local cpu3=/sys/devices/system/cpu/cpu3 before after

	before=$(_arm_root_stat vmexits_psci)
	echo 0 >"$cpu3/online"
	check_eq "$1: CPU 3 offline" "0" "$(cat $cpu3/online)"
	echo 1 >"$cpu3/online"
	check_eq "$1: CPU 3 online again" "1" "$(cat $cpu3/online)"
	# shellcheck disable=SC2016 # expanded by the inner shell
	check_eq "$1: CPU 3 runs tasks" "on-3" \
		"$(taskset -c 3 sh -c 'echo on-$(cut -d" " -f39 /proc/self/stat)')"
	after=$(_arm_root_stat vmexits_psci)
	if [ "$after" -gt "$before" ]; then
		pass "$1: CPU_OFF/CPU_ON went through the hypervisor"
	else
		fail "$1: CPU_OFF/CPU_ON went through the hypervisor" \
			"psci exits $before -> $after"
	fi
}

# _arm_hypercalls_counted WHAT: reading a CPU's counter is a hypercall
# on that CPU, so each CPU's count is above zero.
_arm_hypercalls_counted() {
	local cpu=0 n

	while [ "$cpu" -lt "$_arm_ncpus" ]; do
		n=$(taskset -c "$cpu" cat \
			"/sys/devices/jailhouse/cells/0/statistics/cpu$cpu/vmexits_hypercall")
		case "$n" in
		''|*[!0-9]*|0) fail "$1: cpu$cpu counted hypercalls" "'$n'" ;;
		*) pass "$1: cpu$cpu counted hypercalls" ;;
		esac
		cpu=$((cpu + 1))
	done
}

# _arm_console_after_enable WHAT: the hypervisor's console after enable.
_arm_console_after_enable() {
	local usage

	expect_ok jailhouse console
	check_contains "$1: console banner" "$OUTPUT" \
		"Initializing Jailhouse hypervisor"
	check_eq "$1: all CPUs initialized" "4" \
		"$(printf '%s\n' "$OUTPUT" | grep -c '^ CPU [0-3]\.\.\. OK')"
	check_contains "$1: console reports pool usage" "$OUTPUT" \
		"Page pool usage after early setup: mem"
	check_contains "$1: console says activated" "$OUTPUT" \
		"Activating hypervisor"
	# The pool figures of the console, now through hypercalls.
	usage=$(printf '%s\n' "$OUTPUT" |
		sed -n 's/^Page pool usage after late setup: mem \([0-9]*\)\/\([0-9]*\),.*/\1 \2/p' |
		tail -n 1)
	check_eq "$1: pool usage through hypercalls" "$usage" \
		"$(cat /sys/devices/jailhouse/mem_pool_used) $(cat /sys/devices/jailhouse/mem_pool_size)"
}

# _arm_round N CFG NATIVE_CYCLE: one enable/disable round.
_arm_round() {
	local sysfs=/sys/devices/jailhouse cpu3=/sys/devices/system/cpu/cpu3
	local what="round $1" n

	dmesg -c >/dev/null
	expect_ok jailhouse enable "$2" || { dump_dmesg; return 1; }
	check_eq "$what: enabled" "1" "$(cat $sysfs/enabled)"
	check_contains "$what: cell list shows the root cell on CPUs 0-3" \
		"$(jailhouse cell list | awk '$1 == "0" { print $2, $4 }')" \
		"$(basename "$2" .cell) 0-3"
	_arm_console_after_enable "$what"
	_arm_workload "$what: under the hypervisor"
	_arm_hypercalls_counted "$what"

	_arm_hotplug "$what"
	# Bringing CPU 3 up touches the GIC (distributor or redistributor):
	# emulated MMIO.
	n=$(_arm_root_stat vmexits_mmio)
	case "$n" in
	''|*[!0-9]*|0) fail "$what: GIC accesses trapped" "'$n'" ;;
	*) pass "$what: GIC accesses trapped" ;;
	esac
	_arm_workload "$what: after the CPU cycle"
	check_eq "$what: no failed CPUs" "" "$(cat $sysfs/cells/0/cpus_failed_list)"

	expect_ok jailhouse disable || { dump_dmesg; return 1; }
	check_eq "$what: disabled" "0" "$(cat $sysfs/enabled)"
	check_contains "$what: hypervisor said goodbye" \
		"$(dmesg)" "jailhouse: hypervisor disabled"
	_arm_workload "$what: after disable"
	[ "$3" = native-cycle ] || return 0
	check_eq "$what: CPU 3 cycles natively after disable" "1" \
		"$(echo 0 >$cpu3/online; echo 1 >$cpu3/online; cat $cpu3/online)"
}

# enable_disable_rounds CFG [native-cycle]: the hypervisor takes the
# hypervisor mode (EL2 or HYP) on all CPUs of the running Linux and gives
# it back, twice: Linux keeps computing the right results on every CPU
# under stage-2 translation, the hypervisor answers hypercalls and counts
# exits, Linux takes CPU 3 offline and back online through PSCI (which
# the hypervisor intercepts), and disable returns the mode to the
# kernel's hyp stub so that the second round works the same and the
# module unloads. With native-cycle, CPU 3 also cycles natively after
# each disable.
enable_disable_rounds() {
	lsmod | grep -q '^jailhouse ' || insmod "$JAILHOUSE_KO"
	_arm_ncpus=$(grep -c '^processor' /proc/cpuinfo)
	check_eq "Linux runs on 4 CPUs" "4" "$_arm_ncpus"
	# Computed before any enable.
	_arm_expected=$(sh -c "$_arm_job")

	_arm_round 1 "$1" "${2:-}" && _arm_round 2 "$1" "${2:-}"
	expect_ok rmmod jailhouse
}
