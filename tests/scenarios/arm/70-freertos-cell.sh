#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# FreeRTOS in an ARMv7 cell beside the root Linux, on QEMU virt and on the
# emulated Banana Pi BPI-M2 Ultra (inmates/freertos, in the test image
# only when it was built with FREERTOS_KERNEL naming a FreeRTOS-Kernel
# checkout; otherwise this scenario says it skipped, which counts as
# neither pass nor fail). The cell is created, loaded and started; all its
# tasks run, its queue counts and its 1 kHz task's jitter lines reach the
# hypervisor console; a shutdown request is approved only after every task
# stopped cleanly; the cell is destroyed and recreated, and then runs on
# its own UART (the config's console, no con-type): it keeps running and
# approves the next shutdown request, so its UART accesses went through.
# Everything is given back: pool usage, CPU 3.
# stockade-timeout: 600

. /scenarios/lib.sh
. /scenarios/freertos-lib.sh

sysfs=/sys/devices/jailhouse
FREERTOS_IMG=/usr/libexec/jailhouse/demos/freertos-demo.bin
# shellcheck disable=SC2034 # read by freertos-lib.sh
FREERTOS_GIC=GICv2
cpu3=/sys/devices/system/cpu/cpu3
case "$ARM_ROOT_CELL" in
*/bananapi-m2-ultra.cell)
	cfg=/etc/jailhouse/bananapi-m2-ultra-freertos-demo.cell ;;
*)	cfg=/etc/jailhouse/freertos-demo.cell ;;
esac

if [ ! -f "$FREERTOS_IMG" ]; then
	skip "FreeRTOS cell" "no $FREERTOS_IMG: the test image was built without FREERTOS_KERNEL (see Documentation/freertos.md)"
	exit 0
fi

lsmod | grep -q '^jailhouse ' || insmod "$JAILHOUSE_KO"
expect_ok jailhouse enable "$ARM_ROOT_CELL" || { dump_dmesg; exit 0; }
mem0=$(cat $sysfs/mem_pool_used)
follow_console

expect_ok jailhouse cell create "$cfg" || dump_dmesg
check_eq "CPU 3 left Linux" "0" "$(cat $cpu3/online)"
start_freertos ""
check_eq "freertos-demo is running" "running" "$(cell_state freertos-demo)"
check_demo_runs
check_shutdown_approved

# A shut-down cell starts again; then destroy and recreate.
start_freertos ""
log_wait "tasks run again after restart" "^\[worker-high\] priority 3, round 2"
expect_ok jailhouse cell destroy freertos-demo
check_eq "mem pool usage back after destroy" "$mem0" "$(cat $sysfs/mem_pool_used)"
check_eq "CPU 3 back in Linux" "1" "$(cat $cpu3/online)"

# The recreated cell prints on its own UART, which nobody here reads
# (QEMU writes it to a file beside the log): what shows that it works is
# that the cell lives on and answers the shutdown request.
expect_ok jailhouse cell create "$cfg" || dump_dmesg
expect_ok jailhouse cell load freertos-demo "$FREERTOS_IMG"
expect_ok jailhouse cell start freertos-demo
sleep 5
check_eq "freertos-demo runs on its own UART" "running" \
	"$(cell_state freertos-demo)"
set_mark
expect_ok jailhouse cell shutdown freertos-demo
check_eq "the cell on its own UART approved the shutdown" "shut down" \
	"$(cell_state freertos-demo)"
if since | grep -q "did not answer"; then
	fail "shutdown request answered" "$(since | grep 'did not answer' | head -n 1)"
else
	pass "shutdown request answered (own UART)"
fi
expect_ok jailhouse cell destroy freertos-demo
check_eq "only the root cell is left" "1" "$(jailhouse cell list | grep -c running)"
check_eq "mem pool usage back to its value before create" "$mem0" \
	"$(cat $sysfs/mem_pool_used)"
check_eq "CPU 3 back in Linux after the last cell" "1" "$(cat $cpu3/online)"
check_eq "CPU 3 runs tasks" "on-3" \
	"$(taskset -c 3 sh -c 'echo on-$(cut -d" " -f39 /proc/self/stat)')"

stop_following
expect_ok jailhouse disable || dump_dmesg
