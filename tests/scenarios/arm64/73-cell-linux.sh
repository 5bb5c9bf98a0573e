#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# A non-root Linux: `jailhouse cell linux` boots Debian's arm64 kernel
# (the root's own Image) with a busybox initramfs in the linux-demo cell
# (CPUs 2 and 3, 127 MiB). Its /init leaves a marker in a page shared
# with the root cell (ci/linux-cell-initrd.sh), which this script waits
# for; its kernel writes to the shared UART through earlycon, which the
# host checks. The root keeps computing meanwhile; destroy gives both
# CPUs and the memory back. On the GICv3 and the GICv2 machine, each with
# its device tree. /init runs after about 6 s under TCG.
# stockade-timeout: 420
# stockade-linux-cell: yes

. /scenarios/lib.sh

cfg=/etc/jailhouse/qemu-arm64-linux-demo.cell
dtb=/etc/jailhouse/dts/qemu-arm64-linux-demo.dtb
[ "$ARM64_GIC" = GICv3 ] ||
	dtb=/etc/jailhouse/dts/qemu-arm64-gicv2-linux-demo.dtb
img=/boot/linux-cell/Image
rd=/boot/linux-cell/initrd.gz
sysfs=/sys/devices/jailhouse
marker=0x77fdf000
bootargs="earlycon=pl011,mmio32,0x09000000 keep_bootcon quiet rdinit=/init"

peek() {
	busybox devmem $(($marker + $1)) 32
}

# wait_marker SECONDS: until /init has written "LINX" or the cell failed;
# prints the time.
wait_marker() {
	t=0
	while [ $t -lt "$1" ] && [ "$(peek 0)" != 0x4C494E58 ] &&
	      [ "$(cell_state linux-demo)" = running ]; do
		sleep 1
		t=$((t + 1))
	done
	echo $t
}

lsmod | grep -q '^jailhouse ' || insmod "$JAILHOUSE_KO"
expect_ok jailhouse enable "$ARM64_ROOT_CELL" || { dump_dmesg; exit 0; }
mem0=$(cat $sysfs/mem_pool_used)
busybox devmem $marker 32 0
busybox devmem $(($marker + 8)) 32 0

# Announced before the cell writes to the shared UART, which would
# interleave with these lines.
expect_serial "linux-loader: kernel at 0x78000000, device tree at"
expect_serial "linux-demo: init up with 2 CPUs"
expect_ok jailhouse cell linux $cfg $img -d $dtb -i $rd -c "$bootargs" ||
	dump_dmesg
check_eq "linux-demo is running" "running" "$(cell_state linux-demo)"
check_eq "root cell lost CPUs 2 and 3" "0-1" \
	"$(cat $sysfs/cells/0/cpus_assigned_list)"

secs=$(wait_marker 300)
if [ "$(peek 0)" = 0x4C494E58 ]; then
	pass "the cell's Linux ran its /init (after ${secs}s)"
else
	fail "the cell's Linux ran its /init" "no marker after ${secs}s"
fi
check_eq "the cell's Linux brought up both CPUs" "0x00000002" "$(peek 4)"
n1=$(peek 8)
check_eq "root Linux computes while the cell runs" "ok" \
	"$(dd if=/dev/zero bs=64k count=50 2>/dev/null | md5sum >/dev/null && echo ok)"
sleep 3
n2=$(peek 8)
if [ $((n2)) -gt $((n1)) ]; then pass "the cell's /init keeps running"
else fail "the cell's /init keeps running" "counter $n1 -> $n2"; fi

expect_ok jailhouse cell destroy linux-demo
check_eq "only the root cell is left" "1" "$(jailhouse cell list | grep -c running)"
check_eq "mem pool usage back to its value before create" "$mem0" \
	"$(cat $sysfs/mem_pool_used)"
check_eq "root cell has all CPUs" "0-3" "$(cat $sysfs/cells/0/cpus_assigned_list)"
check_eq "CPU 2 back in Linux" "1" "$(cat /sys/devices/system/cpu/cpu2/online)"
check_eq "CPU 3 back in Linux" "1" "$(cat /sys/devices/system/cpu/cpu3/online)"
expect_ok jailhouse disable || dump_dmesg
