#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# An AArch32 cell on arm64 (JAILHOUSE_CELL_AARCH32): the ARMv7 builds of
# gic-demo and uart-demo, the images an ARMv7 board runs, in a cell whose
# CPU (CPU 3) runs EL1 in AArch32. gic-demo sets up the GIC through its
# AArch32 code (CP15 on GICv3), its timer interrupts are injected and it
# answers the shutdown request over the comm region; uart-demo prints its
# lines; the same uart-demo pointed at a device the cell does not own is
# stopped at its first access, with one console line, and the cell fails.
# Every time, destroy gives everything back and CPU 3 runs Linux again:
# its EL1 is AArch64 once more. Runs on the GICv3 and the GICv2 machine.
# stockade-timeout: 360

. /scenarios/lib.sh

sysfs=/sys/devices/jailhouse
demos=/usr/libexec/jailhouse/demos/aarch32
cell=/etc/jailhouse/aarch32-demo.cell
cpu3=/sys/devices/system/cpu/cpu3
# QEMU virt's PL031 RTC: a device of the root cell, none of this cell's.
foreign=0x9010000

# cpu3_back WHEN: CPU 3 is Linux's again and computes there.
cpu3_back() {
	check_eq "CPU 3 back in Linux $1" "1" "$(cat $cpu3/online)"
	check_eq "CPU 3 runs tasks $1" "on-3" \
		"$(taskset -c 3 sh -c 'echo on-$(cut -d" " -f39 /proc/self/stat)')"
}

for f in gic-demo.bin uart-demo.bin; do
	check_file "ARMv7 $f installed for AArch32 cells" "$demos/$f"
done
lsmod | grep -q '^jailhouse ' || insmod "$JAILHOUSE_KO"
expect_ok jailhouse enable "$ARM64_ROOT_CELL" || { dump_dmesg; exit 0; }
mem0=$(cat $sysfs/mem_pool_used)

expect_ok jailhouse cell create $cell || dump_dmesg
check_eq "AArch32 cell created" "shut down" "$(cell_state aarch32-demo)"
expect_ok jailhouse cell load aarch32-demo $demos/gic-demo.bin \
	-s "con-type=jailhouse" -a 0x1000
expect_ok jailhouse cell start aarch32-demo
console_has "ARMv7 gic-demo set up the $ARM64_GIC" \
	"$ARM64_GIC: distributor 0x8000000"
console_has "ARMv7 gic-demo timer fires" "Timer fired, jitter"
check_eq "ARMv7 gic-demo is running" "running" "$(cell_state aarch32-demo)"
n1=$(jailhouse console | grep -c "Timer fired")
sleep 2
n2=$(jailhouse console | grep -c "Timer fired")
if [ "$n2" -gt "$n1" ]; then pass "ARMv7 gic-demo timer keeps firing"
else fail "ARMv7 gic-demo timer keeps firing" "$n1 -> $n2"; fi
check_eq "root Linux computes next to the AArch32 cell" "ok" \
	"$(dd if=/dev/zero bs=64k count=50 2>/dev/null | md5sum >/dev/null && echo ok)"

expect_ok jailhouse cell shutdown aarch32-demo
check_eq "ARMv7 gic-demo shut down" "shut down" "$(cell_state aarch32-demo)"
console_has "ARMv7 gic-demo answered the shutdown request" \
	"Stopped GIC demo" 5

# The same cell, uart-demo now: lines through the hypervisor console.
expect_ok jailhouse cell load aarch32-demo $demos/uart-demo.bin \
	-s "con-type=jailhouse" -a 0x1000
expect_ok jailhouse cell start aarch32-demo
console_has "ARMv7 uart-demo prints" "Hello 5 from cell!"
expect_ok jailhouse cell destroy aarch32-demo
console_has "destroy reported" 'Closing cell "aarch32-demo"' 1
check_eq "mem pool usage back after destroy" "$mem0" \
	"$(cat $sysfs/mem_pool_used)"
cpu3_back "after destroy"

# uart-demo on a UART at a device the cell does not own.
expect_ok jailhouse cell create $cell
expect_ok jailhouse cell load aarch32-demo $demos/uart-demo.bin \
	-s "con-type=PL011 con-base=$foreign" -a 0x1000
expect_ok jailhouse cell start aarch32-demo
wait_cell_state aarch32-demo failed 20
check_eq "AArch32 access to a foreign device fails the cell" "failed" \
	"$(cell_state aarch32-demo)"
# The line names the register of that device the UART driver touched.
console_has "refusal names cell and the foreign device" \
	"cell \"aarch32-demo\": refused MMIO [a-z]* at 0x$(printf %x $((foreign >> 12)))[0-9a-f]\{3\}, " 5
check_eq "one refusal line" "1" \
	"$(jailhouse console | grep -c 'cell "aarch32-demo": refused MMIO')"
expect_ok jailhouse cell destroy aarch32-demo
check_eq "mem pool usage back after the failed cell" "$mem0" \
	"$(cat $sysfs/mem_pool_used)"
cpu3_back "after the failed cell"
check_eq "root cell has all CPUs" "0-3" \
	"$(cat $sysfs/cells/0/cpus_assigned_list)"
expect_ok jailhouse disable || dump_dmesg
