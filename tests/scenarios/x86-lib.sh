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

# workload WHAT DD_SIZE: one job (dd of DD_SIZE, e.g. "bs=4k count=64",
# through md5sum) pinned to each CPU; all must finish.
workload() {
	local pids='' cpu=0 ok=0 p ncpus

	ncpus=$(grep -c '^processor' /proc/cpuinfo)
	while [ "$cpu" -lt "$ncpus" ]; do
		# shellcheck disable=SC2086 # DD_SIZE is two words
		taskset -c "$cpu" sh -c \
			"dd if=/dev/zero $2 2>/dev/null | md5sum >/dev/null" &
		pids="$pids $!"
		cpu=$((cpu + 1))
	done
	for p in $pids; do
		wait "$p" && ok=$((ok + 1))
	done
	check_eq "$1: workload finished on all $ncpus CPUs" "$ncpus" "$ok"
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

# cell_errors ROOT_CFG TINY_CFG OTHER_CPU_SET: cell requests that must
# fail with one clear sentence and change nothing: CPU 0, memory over the
# xAPIC, a port the root has not, a CPU or memory another cell has, a
# duplicate name, unknown names, images outside the loadable memory,
# starting a running cell, destroying twice. The pool usage and the cell
# list are the same afterwards. OTHER_CPU_SET is a printf byte of a root
# CPU that is not tiny-demo's.
cell_errors() {
	local root_cfg=$1 tiny=$2 other_cpu=$3 mem0 list
	local sysfs=/sys/devices/jailhouse demos=/usr/libexec/jailhouse/demos

	lsmod | grep -q '^jailhouse ' || insmod "$JAILHOUSE_KO"
	expect_ok jailhouse enable "$root_cfg" || { dump_dmesg; return 0; }
	mem0=$(cat $sysfs/mem_pool_used)

	# The descriptor is 132 bytes: name @8, CPU set @132, memory regions follow.
	patched "$tiny" ce-cpu0 132 '\001' >/dev/null
	expect_fail_with "CPU 0" jailhouse cell create /tmp/ce-cpu0.cell
	# Isolation refusals: RAM over the xAPIC page in the cell's guest-physical
	# space (region 0's virt_start @148), a port the root cell has not got
	# (PIO range 0's base @204: 0xcf8, PCI config, which the root never has).
	patched "$tiny" ce-xapic 148 '\000\000\340\376' >/dev/null
	expect_fail_with "config was rejected" jailhouse cell create /tmp/ce-xapic.cell
	check_contains "xAPIC refusal on the console" "$(jailhouse console)" \
		'memory region 0 (0x3a700000, size 0x100000) covers the xAPIC'
	patched "$tiny" ce-ports 204 '\370\014' >/dev/null
	expect_fail_with "config was rejected" jailhouse cell create /tmp/ce-ports.cell
	check_contains "port refusal on the console" "$(jailhouse console)" \
		"I/O port 0xcf8 is not the root cell's"
	patched "$tiny" ce-othername 8 'other\000' >/dev/null
	expect_ok jailhouse cell create "$tiny" || dump_dmesg
	list=$(jailhouse cell list)
	expect_fail_with "already exists" jailhouse cell create "$tiny"
	# Same CPU and memory under another name.
	expect_fail_with "not available in the root cell" jailhouse cell create /tmp/ce-othername.cell
	# Another name and another CPU, but tiny-demo's memory.
	patched "$tiny" ce-named 8 'overlap\000' >/dev/null
	patched /tmp/ce-named.cell ce-overlap 132 "$other_cpu" >/dev/null
	expect_fail_with "not available in the root cell" jailhouse cell create /tmp/ce-overlap.cell
	check_contains "overlap named on the console" "$(jailhouse console)" \
		'overlaps cell "tiny-demo"'
	check_eq "cell list unchanged" "$list" "$(jailhouse cell list)"

	expect_fail_with 'no cell "nosuch" exists' jailhouse cell start nosuch
	expect_fail_with 'no cell "nosuch" exists' jailhouse cell destroy nosuch
	expect_fail_with "does not fit into a loadable memory region" \
		jailhouse cell load tiny-demo $demos/tiny-demo.bin -a 0x100000
	expect_ok jailhouse cell load tiny-demo $demos/tiny-demo.bin \
		-s "con-type=jailhouse" -a 0x1000
	expect_ok jailhouse cell start tiny-demo
	expect_fail_with "already running" jailhouse cell start tiny-demo
	check_contains "start refusal on the console" "$(jailhouse console)" \
		'Cell "tiny-demo" is already running'
	expect_fail_with "destroy them first" jailhouse disable
	expect_ok jailhouse cell destroy tiny-demo
	expect_fail_with 'no cell "tiny-demo" exists' jailhouse cell destroy tiny-demo
	check_eq "mem pool usage back" "$mem0" "$(cat $sysfs/mem_pool_used)"
	expect_ok jailhouse disable || dump_dmesg
}

# root_cpu0_ok: "ok" when a task pinned to root CPU 0 runs and computes.
root_cpu0_ok() {
	taskset -c 0 sh -c 'dd if=/dev/zero bs=64k count=20 2>/dev/null | md5sum >/dev/null && echo ok'
}

# smp_restart WAIT: the running smp-demo cell shuts down on request and,
# loaded and started again, brings both CPUs up from the reset state
# (WAIT: seconds for each step).
smp_restart() {
	local t=$1 demos=/usr/libexec/jailhouse/demos

	expect_ok jailhouse cell shutdown smp-demo
	console_has "smp-demo said goodbye" "Stopped SMP demo" "$1"
	check_eq "smp-demo shut down" "shut down" "$(cell_state smp-demo)"
	expect_ok jailhouse cell load smp-demo $demos/smp-demo.bin \
		-s "con-type=jailhouse" -a 0x1000
	expect_ok jailhouse cell start smp-demo
	while [ "$t" -gt 0 ] &&
		[ "$(jailhouse console | grep -c 'SMP demo: 2 of 2 CPUs online')" -lt 2 ]; do
		sleep 1
		t=$((t - 1))
	done
	check_eq "both CPUs online after a restart" "2" \
		"$(jailhouse console | grep -c 'SMP demo: 2 of 2 CPUs online')"
}

# smp_stray CFG CPU WAIT KIND WHAT: the smp-demo cell of CFG sends a KIND
# IPI (WHAT in the hypervisor's words) from its CPU CPU at root CPU 0
# (APIC ID 0) and is stopped before it goes through, the root unharmed
# (WAIT: seconds for each step).
smp_stray() {
	local demos=/usr/libexec/jailhouse/demos

	expect_ok jailhouse cell create "$1" || return 0
	expect_ok jailhouse cell load smp-demo $demos/smp-demo.bin \
		-s "con-type=jailhouse ipi-apic=0 ipi-kind=$4" -a 0x1000
	expect_ok jailhouse cell start smp-demo
	console_has "$4 IPI to the root: the cell tried" \
		"SMP demo: sending a $4 IPI to APIC ID 0" "$3"
	wait_cell_state smp-demo "failed" "$3"
	check_eq "$4 IPI to the root: cell failed" "failed" \
		"$(cell_state smp-demo)"
	check_contains "$4 IPI to the root: reason on the console" \
		"$(jailhouse console)" \
		"FATAL: CPU $2 of cell \"smp-demo\": $5 to physical x2APIC ID 0x0 outside the cell"
	case "$(jailhouse console)" in
	*"IPI to APIC ID 0 went through"*)
		fail "$4 IPI to the root: stopped before it went through" ;;
	*) pass "$4 IPI to the root: stopped before it went through" ;;
	esac
	check_eq "$4 IPI to the root: root CPU 0 unharmed" "ok" \
		"$(root_cpu0_ok)"
	expect_ok jailhouse cell destroy smp-demo
}
