#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Intel VT-x (Bochs) on a CPU model with x2APIC: tiny-demo's CPU runs its
# APIC in x2APIC mode while the root stays in xAPIC mode. Going back to
# xAPIC mode leads through a disabled APIC, and Bochs, like the P6, never
# enables an APIC again before a reset (current CPUs do): the CPU the cell
# gives back is lost. The hypervisor says so in one line and keeps the CPU
# parked, Linux's attempt to start it fails instead of hanging, the root
# goes on with CPU 0, a cell with that CPU is refused, and so is disable,
# which would need the CPU to leave the hypervisor.

. /scenarios/lib.sh

sysfs=/sys/devices/jailhouse
demos=/usr/libexec/jailhouse/demos
tiny=/etc/jailhouse/bochs-tiny-demo.cell
cpu1=/sys/devices/system/cpu/cpu1/online

lsmod | grep -q '^jailhouse ' || insmod "$JAILHOUSE_KO"
expect_ok jailhouse enable /etc/jailhouse/bochs-x86.cell || { dump_dmesg; exit 0; }
console_has "cells get x2APIC mode, the root keeps xAPIC" \
	"Using x2APIC (root cell: xAPIC mode)"

expect_ok jailhouse cell create "$tiny" || { dump_dmesg; exit 0; }
check_eq "CPU 1 left Linux" "0" "$(cat $cpu1)"
expect_ok jailhouse cell load tiny-demo $demos/tiny-demo.bin \
	-s "con-type=jailhouse" -a 0x1000
expect_ok jailhouse cell start tiny-demo
console_has "tiny-demo says hello in x2APIC mode" "Hello from this tiny cell"
check_eq "tiny-demo is running" "running" "$(cell_state tiny-demo)"
expect_ok jailhouse cell shutdown tiny-demo
console_has "tiny-demo said goodbye" "Stopped tiny demo" 1

dmesg -c >/dev/null
expect_ok jailhouse cell destroy tiny-demo
console_has "the hypervisor says the CPU is lost" \
	"CPU 1: APIC stays disabled after leaving x2APIC mode, the CPU stays in the hypervisor"
check_eq "CPU 1 stays offline" "0" "$(cat $cpu1)"
check_contains "Linux's start of CPU 1 failed" "$(dmesg)" \
	"cannot bring CPU 1 back online"
n=$(taskset -c 0 sh -c 'dd if=/dev/zero bs=4k count=64 2>/dev/null | wc -c')
check_eq "the root goes on with CPU 0" "262144" "$n"

expect_fail_with "" jailhouse cell create "$tiny"
console_has "a cell with the lost CPU is refused" \
	"CPU 1 lost its APIC and can run no cell"
expect_fail_with "" jailhouse disable
check_eq "disable refused: the hypervisor stays" "1" "$(cat $sysfs/enabled)"
check_contains "the driver says why" "$(dmesg)" \
	"cannot bring CPU 1 online to take it out of the hypervisor"
