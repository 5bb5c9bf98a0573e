#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Intel VT-x (Bochs): disable while Linux has root CPU 2 offline. That CPU
# sits in Linux's dead loop in VMX non-root mode, where no DISABLE
# hypercall reaches it; the driver brings it up to leave VMX and takes it
# down again. It stays offline as the user left it, runs natively once
# onlined, with VMX usable again (a second enable takes it over).
# stockade-timeout: 600

. /scenarios/lib.sh

sysfs=/sys/devices/jailhouse
cfg=/etc/jailhouse/bochs-x86.cell
n=2
cpu=/sys/devices/system/cpu/cpu$n

lsmod | grep -q '^jailhouse ' || insmod "$JAILHOUSE_KO"

runs_on() {
	# shellcheck disable=SC2016 # expanded by the inner shell
	taskset -c "$1" sh -c 'echo on-$(cut -d" " -f39 /proc/self/stat)'
}

expect_ok jailhouse enable "$cfg" || exit 0
echo 0 >"$cpu/online"
check_eq "CPU $n offline under the hypervisor" "0" "$(cat $cpu/online)"
dmesg -c >/dev/null
expect_ok jailhouse disable || dump_dmesg
check_eq "disabled" "0" "$(cat $sysfs/enabled)"
check_eq "CPU $n still offline after disable" "0" "$(cat $cpu/online)"
log=$(dmesg)
check_eq "no kernel warnings or driver errors during disable" "" \
	"$(echo "$log" | grep -iE 'warn|error|fail|bug|refused' | head -n 3)"
check_contains "CPU $n came up to leave the hypervisor" "$log" \
	"Booting Node 0 Processor $n "
check_contains "CPU $n went down again, natively" "$log" \
	"CPU $n is now offline"

echo 1 >"$cpu/online"
check_eq "CPU $n online again" "1" "$(cat $cpu/online)"
check_eq "CPU $n runs tasks" "on-$n" "$(runs_on $n)"
flags=" $(cpu_flags $n) "
check_contains "natively, CPU $n sees VMX again" "$flags" " vmx "

expect_ok jailhouse enable "$cfg" || { dump_dmesg; exit 0; }
check_eq "no failed CPUs in the next round" "" \
	"$(cat $sysfs/cells/0/cpus_failed_list)"
check_eq "CPU $n runs tasks in the next round" "on-$n" "$(runs_on $n)"
expect_ok jailhouse disable || dump_dmesg
check_eq "CPU $n runs tasks natively at the end" "on-$n" "$(runs_on $n)"
