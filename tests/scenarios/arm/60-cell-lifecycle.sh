#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# An ARMv7 non-root cell through its whole life, on QEMU virt and the
# emulated Banana Pi: gic-demo (its ARMv7 build) is created next to the
# running root Linux (CPU 3 leaves Linux), loaded, started and shown in
# the cell list; its timer interrupts, injected by the hypervisor, reach
# it (lines on the hypervisor console through con-type=jailhouse); its
# shutdown request is answered; destroy gives everything back: the pool usage returns to its value before create,
# CPU 3 comes back online in Linux and runs tasks, and disable works.
# stockade-timeout: 300

. /scenarios/lib.sh

sysfs=/sys/devices/jailhouse
demos=/usr/libexec/jailhouse/demos
cpu3=/sys/devices/system/cpu/cpu3

lsmod | grep -q '^jailhouse ' || insmod "$JAILHOUSE_KO"
expect_ok jailhouse enable "$ARM_ROOT_CELL" || { dump_dmesg; exit 0; }
mem0=$(cat $sysfs/mem_pool_used)
remap0=$(cat $sysfs/remap_pool_used)

expect_ok jailhouse cell create "${ARM_CELLS}gic-demo.cell" || dump_dmesg
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
console_has "gic-demo set up its GIC" "GICv2: distributor $ARM_GICD"
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
