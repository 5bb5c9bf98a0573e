#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Non-root cells through their whole life: tiny-demo and apic-demo are
# created next to the running root Linux, loaded, started and shown in
# the cell list; their output (through the hypervisor's debug console, by
# "con-type=jailhouse" on their command line) reaches `jailhouse console`;
# exit counters move; shutdown requests are answered; destroy gives
# everything back: the pool usage returns to its value before the first
# create, the CPUs come back online in Linux, and disable works.
# Own boot: a later enable in the same boot fails once Linux restarted a
# CPU under the hypervisor (CPUID), a limitation outside cell management.
# stockade-timeout: 400

. /scenarios/lib.sh

sysfs=/sys/devices/jailhouse
demos=/usr/libexec/jailhouse/demos

lsmod | grep -q '^jailhouse ' || insmod "$JAILHOUSE_KO"
expect_ok jailhouse enable "$X86_ROOT_CELL" || { dump_dmesg; exit 0; }
mem0=$(cat $sysfs/mem_pool_used)
remap0=$(cat $sysfs/remap_pool_used)

expect_ok jailhouse cell create /etc/jailhouse/tiny-demo.cell || dump_dmesg
check_contains "create reported on the console" "$(jailhouse console)" \
	'Created cell "tiny-demo"'
check_eq "tiny-demo is shut down after create" "shut down" "$(cell_state tiny-demo)"
check_eq "CPU 2 left Linux" "0" "$(cat /sys/devices/system/cpu/cpu2/online)"
check_eq "root cell lost CPU 2" "0-1,3" "$(cat $sysfs/cells/0/cpus_assigned_list)"

expect_ok jailhouse cell create /etc/jailhouse/apic-demo.cell || dump_dmesg
check_eq "two cells in the list" "3" "$(jailhouse cell list | grep -c -e running -e 'shut down')"

expect_ok jailhouse cell load tiny-demo $demos/tiny-demo.bin \
	-s "con-type=jailhouse" -a 0x1000
console_has "load reported" 'Cell "tiny-demo" can be loaded' 1
expect_ok jailhouse cell start tiny-demo
console_has "tiny-demo says hello" "Hello from this tiny cell"
console_has "tiny-demo read its comm region" "Comm region: 1 CPU(s), PM timer port 0x608"
# The frequencies the hypervisor measured at enable (the config has 0),
# as the cell reads them: TSC 100 MHz..20 GHz, APIC timer 1 MHz..5 GHz.
comm=$(jailhouse console | sed -n 's/.*PM timer port 0x608, TSC \([0-9]*\) kHz, APIC timer \([0-9]*\) kHz.*/\1 \2/p' | tail -n 1)
tsc=${comm% *}
apic=${comm#* }
check_contains "hypervisor measured the clocks" "$(jailhouse console)" \
	"TSC: $tsc kHz, APIC timer: $apic kHz (measured against the PM timer)"
if [ -n "$tsc" ] && [ "$tsc" -ge 100000 ] && [ "$tsc" -le 20000000 ] &&
   [ "$apic" -ge 1000 ] && [ "$apic" -le 5000000 ]; then
	pass "comm region TSC ($tsc kHz) and APIC timer ($apic kHz) plausible"
else
	fail "comm region TSC and APIC timer plausible" "'$comm'"
fi
check_eq "tiny-demo is running" "running" "$(cell_state tiny-demo)"

expect_ok jailhouse cell load apic-demo $demos/apic-demo.bin \
	-s "con-type=jailhouse" -a 0x1000
expect_ok jailhouse cell start apic-demo
console_has "apic-demo timer fires" "Timer fired, jitter"
check_eq "apic-demo is running" "running" "$(cell_state apic-demo)"

stats() {
	jailhouse cell stats -1 "$1" |
		awk '$1 == "total" || $1 == "vmexits_total" { print $2 }'
}
s1=$(stats apic-demo)
sleep 2
s2=$(stats apic-demo)
case "$s1$s2" in
*[!0-9]*|'') fail "apic-demo exit counters move" "'$s1' -> '$s2'" ;;
*) if [ "$s2" -gt "$s1" ]; then pass "apic-demo exit counters move"
   else fail "apic-demo exit counters move" "$s1 -> $s2"; fi ;;
esac

# Root Linux keeps working on its CPUs meanwhile.
check_eq "root Linux computes" "ok" \
	"$(dd if=/dev/zero bs=64k count=50 2>/dev/null | md5sum >/dev/null && echo ok)"

# An approved shutdown stops the cell at once; an unanswered one is noted.
expect_ok jailhouse cell shutdown apic-demo
check_eq "apic-demo shut down" "shut down" "$(cell_state apic-demo)"
# Said before it approved, so the line made it out.
console_has "apic-demo said goodbye" "Stopped APIC demo" 1
expect_ok jailhouse cell shutdown tiny-demo
check_eq "tiny-demo shut down" "shut down" "$(cell_state tiny-demo)"
console_has "tiny-demo said goodbye" "Stopped tiny demo" 1
case "$(jailhouse console)" in
*"did not answer"*) fail "both cells answered the shutdown request" \
	"$(jailhouse console | grep 'did not answer' | head -n 1)" ;;
*) pass "both cells answered the shutdown request" ;;
esac

# A shut-down cell can be loaded and started again. This run takes the
# shutdown request by reporting itself shut down in its comm region, as
# Jailhouse's apic-demo does: that is an answer (approval), at once.
expect_ok jailhouse cell load tiny-demo $demos/tiny-demo.bin \
	-s "con-type=jailhouse answer=state" -a 0x1000
expect_ok jailhouse cell start tiny-demo
check_eq "tiny-demo runs again" "running" "$(cell_state tiny-demo)"
sleep 1
expect_ok jailhouse cell shutdown tiny-demo
check_eq "tiny-demo shut down by its state" "shut down" \
	"$(cell_state tiny-demo)"
console_has "tiny-demo reported itself shut down" \
	"Stopped tiny demo, reported shut down" 1
case "$(jailhouse console)" in
*"did not answer"*) fail "a reported shut-down state answers the request" \
	"$(jailhouse console | grep 'did not answer' | head -n 1)" ;;
*) pass "a reported shut-down state answers the request" ;;
esac
expect_ok jailhouse cell load tiny-demo $demos/tiny-demo.bin \
	-s "con-type=jailhouse" -a 0x1000
expect_ok jailhouse cell start tiny-demo
check_eq "tiny-demo runs once more" "running" "$(cell_state tiny-demo)"

expect_ok jailhouse cell destroy apic-demo
console_has "destroy reported" 'Closing cell "apic-demo"' 1
expect_ok jailhouse cell destroy tiny-demo
check_eq "only the root cell is left" "1" "$(jailhouse cell list | grep -c running)"
check_eq "mem pool usage back to its value before create" "$mem0" \
	"$(cat $sysfs/mem_pool_used)"
check_eq "remap pool usage back" "$remap0" "$(cat $sysfs/remap_pool_used)"
check_eq "CPU 2 back in Linux" "1" "$(cat /sys/devices/system/cpu/cpu2/online)"
check_eq "CPU 3 back in Linux" "1" "$(cat /sys/devices/system/cpu/cpu3/online)"
check_eq "CPU 3 runs tasks" "on-3" \
	"$(taskset -c 3 sh -c 'echo on-$(cut -d" " -f39 /proc/self/stat)')"
check_eq "root cell has all CPUs" "0-3" "$(cat $sysfs/cells/0/cpus_assigned_list)"
expect_ok jailhouse disable || dump_dmesg

