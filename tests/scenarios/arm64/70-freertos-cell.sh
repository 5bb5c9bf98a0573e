#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# FreeRTOS in an arm64 cell beside the root Linux (inmates/freertos, in
# the test image only when it was built with FREERTOS_KERNEL naming a
# FreeRTOS-Kernel checkout; otherwise this scenario says it skipped, which
# counts as neither pass nor fail). The cell is created, loaded and
# started; all its tasks run, its queue counts and its 1 kHz task's jitter
# lines reach the hypervisor console; a shutdown request is approved only
# after every task stopped cleanly; the cell starts again, is destroyed
# and recreated; loaded with shutdown=refuse it denies the request (EPERM)
# and keeps running, and destroy still takes it down. Everything is given
# back: pool usage, CPU 3.
# stockade-timeout: 600

. /scenarios/lib.sh
. /scenarios/freertos-lib.sh

sysfs=/sys/devices/jailhouse
FREERTOS_IMG=/usr/libexec/jailhouse/demos/freertos-demo.bin
# shellcheck disable=SC2034 # read by freertos-lib.sh
FREERTOS_GIC=$ARM64_GIC
cfg=/etc/jailhouse/freertos-demo.cell
cpu3=/sys/devices/system/cpu/cpu3

if [ ! -f "$FREERTOS_IMG" ]; then
	skip "FreeRTOS cell" "no $FREERTOS_IMG: the test image was built without FREERTOS_KERNEL (see Documentation/freertos.md)"
	exit 0
fi

lsmod | grep -q '^jailhouse ' || insmod "$JAILHOUSE_KO"
expect_ok jailhouse enable "$ARM64_ROOT_CELL" || { dump_dmesg; exit 0; }
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

expect_ok jailhouse cell create "$cfg" || dump_dmesg
start_freertos "shutdown=refuse"
log_wait "refusal configured" "shutdown requests refused"
expect_fail_with "the cell denied the shutdown request and keeps running." \
	jailhouse cell shutdown freertos-demo
log_wait "the demo refused the request" \
	"^FreeRTOS demo: shutdown request refused \(shutdown=refuse\)" 10
check_eq "freertos-demo still running" "running" "$(cell_state freertos-demo)"
set_mark
log_wait "still measuring after the refusal" \
	"^Jitter \(1 kHz task, 1000 releases\)" 60
expect_ok jailhouse cell destroy freertos-demo
check_eq "only the root cell is left" "1" "$(jailhouse cell list | grep -c running)"
check_eq "mem pool usage back to its value before create" "$mem0" \
	"$(cat $sysfs/mem_pool_used)"
check_eq "CPU 3 back in Linux after the refusing cell" "1" "$(cat $cpu3/online)"
check_eq "CPU 3 runs tasks" "on-3" \
	"$(taskset -c 3 sh -c 'echo on-$(cut -d" " -f39 /proc/self/stat)')"

stop_following
expect_ok jailhouse disable || dump_dmesg
