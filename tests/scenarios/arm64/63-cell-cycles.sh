#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# 100 arm64 cell lifecycles in a row (create, load, start, destroy of
# gic-demo, CPU 3 going to the cell and back to Linux each time): every
# one succeeds and the page pool never grows.
# stockade-timeout: 600

. /scenarios/lib.sh

sysfs=/sys/devices/jailhouse
demos=/usr/libexec/jailhouse/demos
cycles=100

lsmod | grep -q '^jailhouse ' || insmod "$JAILHOUSE_KO"
expect_ok jailhouse enable "$ARM64_ROOT_CELL" || { dump_dmesg; exit 0; }
mem0=$(cat $sysfs/mem_pool_used)

i=0
bad=
start=$(date +%s)
while [ $i -lt $cycles ]; do
	jailhouse cell create /etc/jailhouse/gic-demo.cell >/dev/null 2>&1 &&
	jailhouse cell load gic-demo $demos/gic-demo.bin >/dev/null 2>&1 &&
	jailhouse cell start gic-demo >/dev/null 2>&1 &&
	jailhouse cell destroy gic-demo >/dev/null 2>&1 || { bad="cycle $i"; break; }
	used=$(cat $sysfs/mem_pool_used)
	[ "$used" = "$mem0" ] || { bad="cycle $i: pool $mem0 -> $used"; break; }
	i=$((i + 1))
done
echo "cell cycles: $i in $(( $(date +%s) - start )) s"
if [ -z "$bad" ]; then
	pass "$cycles lifecycles without pool growth"
else
	fail "$cycles lifecycles without pool growth" "$bad"
	jailhouse console | tail -n 8 | sed 's/^/  console: /'
fi
check_eq "CPU 3 back in Linux" "1" "$(cat /sys/devices/system/cpu/cpu3/online)"
expect_ok jailhouse disable || dump_dmesg
