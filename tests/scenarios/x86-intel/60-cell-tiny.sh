#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Intel VT-x (Bochs): a non-root cell's life on VMX. tiny-demo takes CPU 1
# from the running root Linux, starts in real mode (unrestricted guest),
# reaches long mode, prints through the hypervisor's console, reads its
# comm region, answers the shutdown request; destroy gives CPU 1 back to
# Linux and disable works.

. /scenarios/lib.sh

sysfs=/sys/devices/jailhouse
demos=/usr/libexec/jailhouse/demos

lsmod | grep -q '^jailhouse ' || insmod "$JAILHOUSE_KO"
expect_ok jailhouse enable /etc/jailhouse/bochs-x86.cell || { dump_dmesg; exit 0; }
mem0=$(cat $sysfs/mem_pool_used)

expect_ok jailhouse cell create /etc/jailhouse/bochs-tiny-demo.cell || dump_dmesg
check_eq "CPU 1 left Linux" "0" "$(cat /sys/devices/system/cpu/cpu1/online)"
expect_ok jailhouse cell load tiny-demo $demos/tiny-demo.bin \
	-s "con-type=jailhouse" -a 0x1000
expect_ok jailhouse cell start tiny-demo
console_has "tiny-demo says hello" "Hello from this tiny cell"
console_has "tiny-demo read its comm region" \
	"Comm region: 1 CPU(s), PM timer port 0xb008"
check_eq "tiny-demo is running" "running" "$(cell_state tiny-demo)"

expect_ok jailhouse cell shutdown tiny-demo
check_eq "tiny-demo shut down" "shut down" "$(cell_state tiny-demo)"
console_has "tiny-demo said goodbye" "Stopped tiny demo" 1

expect_ok jailhouse cell destroy tiny-demo
check_eq "mem pool usage back to its value before create" "$mem0" \
	"$(cat $sysfs/mem_pool_used)"
check_eq "CPU 1 back in Linux" "1" "$(cat /sys/devices/system/cpu/cpu1/online)"
expect_ok jailhouse disable || dump_dmesg
check_eq "disabled" "0" "$(cat $sysfs/enabled)"
