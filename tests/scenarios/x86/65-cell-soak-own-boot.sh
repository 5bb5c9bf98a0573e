#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Soak: 200 cycles of create, load, start and destroy of tiny-demo. After
# every cycle the pool usage must be back at its value before the first
# create, and every tenth cycle the cell must have printed its hello
# before being destroyed (it really ran). Prints the time per cycle.
# stockade-timeout: 600

. /scenarios/lib.sh

sysfs=/sys/devices/jailhouse
demos=/usr/libexec/jailhouse/demos
cycles=$(sed -n 's/.*soak_cycles=\([0-9][0-9]*\).*/\1/p' /proc/cmdline)
cycles=${cycles:-200}

lsmod | grep -q '^jailhouse ' || insmod "$JAILHOUSE_KO"
expect_ok jailhouse enable "$X86_ROOT_CELL" || { dump_dmesg; exit 0; }
mem0=$(cat $sysfs/mem_pool_used)
remap0=$(cat $sysfs/remap_pool_used)

# Whether the cell printed its hello since it was loaded: the console
# ring also holds earlier cycles, as far as it reaches back. (The hello
# may come before the hypervisor's "Started" line.)
said_hello() {
	jailhouse console | awk '/Cell "tiny-demo" can be loaded/ { h = 0 }
		/Hello from this tiny cell/ { h = 1 } END { print h + 0 }'
}

# One failed step ends the run: the rest would only repeat the report.
n=0
bad=
t0=$(cut -d' ' -f1 /proc/uptime)
while [ "$n" -lt "$cycles" ] && [ -z "$bad" ]; do
	n=$((n + 1))
	out=$(jailhouse cell create /etc/jailhouse/tiny-demo.cell 2>&1) ||
		{ bad="create: $out"; break; }
	out=$(jailhouse cell load tiny-demo $demos/tiny-demo.bin \
		-s "con-type=jailhouse" -a 0x1000 2>&1) ||
		{ bad="load: $out"; break; }
	out=$(jailhouse cell start tiny-demo 2>&1) ||
		{ bad="start: $out"; break; }
	if [ $((n % 10)) -eq 0 ]; then
		t=50
		while [ "$t" -gt 0 ] && [ "$(said_hello)" != 1 ]; do
			sleep 0.1
			t=$((t - 1))
		done
		[ "$(said_hello)" = 1 ] || bad="no hello from the cell"
	fi
	out=$(jailhouse cell destroy tiny-demo 2>&1) ||
		{ bad="destroy: $out"; break; }
	m=$(cat $sysfs/mem_pool_used)
	r=$(cat $sysfs/remap_pool_used)
	[ "$m" = "$mem0" ] && [ "$r" = "$remap0" ] ||
		bad="pool usage mem $m (was $mem0), remap $r (was $remap0)"
done
t1=$(cut -d' ' -f1 /proc/uptime)

if [ -z "$bad" ]; then
	pass "$cycles create/load/start/destroy cycles, pool usage back every time"
else
	fail "$cycles create/load/start/destroy cycles" "cycle $n: $bad"
	jailhouse console | tail -n 5 | sed 's/^/  console: /'
fi
echo "soak: $n cycles in $(awk -v a="$t0" -v b="$t1" -v n="$n" \
	'BEGIN { printf "%.1f s, %.0f ms per cycle", b - a, (b - a) * 1000 / n }')"
check_eq "CPU 2 back in Linux" "1" "$(cat /sys/devices/system/cpu/cpu2/online)"
check_eq "root cell has all CPUs" "0-3" "$(cat $sysfs/cells/0/cpus_assigned_list)"
expect_ok jailhouse disable || dump_dmesg
