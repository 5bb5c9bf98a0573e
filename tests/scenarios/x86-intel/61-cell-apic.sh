#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Intel VT-x (Bochs): apic-demo on CPU 2 programs its xAPIC timer, takes
# the interrupts in VMX non-root mode and measures their jitter against
# the PM timer; its exit counters move, the root keeps computing, and a
# shutdown, restart and destroy leave the pool usage as before.
# stockade-timeout: 600

. /scenarios/lib.sh

sysfs=/sys/devices/jailhouse
demos=/usr/libexec/jailhouse/demos

lsmod | grep -q '^jailhouse ' || insmod "$JAILHOUSE_KO"
expect_ok jailhouse enable /etc/jailhouse/bochs-x86.cell || { dump_dmesg; exit 0; }
mem0=$(cat $sysfs/mem_pool_used)

expect_ok jailhouse cell create /etc/jailhouse/bochs-apic-demo.cell || dump_dmesg
check_eq "CPU 2 left Linux" "0" "$(cat /sys/devices/system/cpu/cpu2/online)"
expect_ok jailhouse cell load apic-demo $demos/apic-demo.bin \
	-s "con-type=jailhouse" -a 0x1000
expect_ok jailhouse cell start apic-demo
console_has "apic-demo calibrated against the PM timer" "Calibrated APIC" 60
console_has "apic-demo timer fires" "Timer fired, jitter" 60
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
*) if [ "$s2" -gt "$s1" ]; then pass "apic-demo exit counters move ($s1 -> $s2)"
   else fail "apic-demo exit counters move" "$s1 -> $s2"; fi ;;
esac
check_eq "root Linux computes meanwhile" "ok" \
	"$(dd if=/dev/zero bs=64k count=20 2>/dev/null | md5sum >/dev/null && echo ok)"

expect_ok jailhouse cell shutdown apic-demo
check_eq "apic-demo shut down" "shut down" "$(cell_state apic-demo)"
console_has "apic-demo said goodbye" "Stopped APIC demo" 1
# A restart from the reset state, for three ticks: the timer fires again
# and the demo stops by itself. Its last lines show the whole new run.
expect_ok jailhouse cell load apic-demo $demos/apic-demo.bin \
	-s "con-type=jailhouse ticks=3" -a 0x1000
expect_ok jailhouse cell start apic-demo
# last_run: 5 once the console ends with a calibration, 3 ticks, the stop.
last_run() {
	jailhouse console | tail -n 8 | awk '/Calibrated APIC/ { c = 1; t = 0 }
		c && /Timer fired/ { t++ }
		c && /Stopped APIC demo/ { s = 1 }
		END { print c + t + s }'
}
t=60
while [ "$t" -gt 0 ] && [ "$(last_run)" -lt 5 ]; do
	sleep 1
	t=$((t - 1))
done
check_eq "apic-demo ran again after a restart (calibration, 3 ticks, stop)" \
	"5" "$(last_run)"
expect_ok jailhouse cell destroy apic-demo
console_has "destroy reported" 'Closing cell "apic-demo"' 1
check_eq "mem pool usage back" "$mem0" "$(cat $sysfs/mem_pool_used)"
check_eq "CPU 2 back in Linux" "1" "$(cat /sys/devices/system/cpu/cpu2/online)"
expect_ok jailhouse disable || dump_dmesg
