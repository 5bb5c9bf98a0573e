# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=dash
#
# A non-root Linux cell, for scenario arm64/73-cell-linux (and one day
# ARMv7's): `jailhouse cell linux` boots the root's own kernel with a busybox
# initramfs (ci/linux-cell-initrd.sh, in /boot/linux-cell of the test
# image) in the linux-demo cell (CPUs 2 and 3, 127 MiB at 0x78000000).
# Its /init leaves a marker in a page shared with the root cell, which
# this waits for; its kernel writes to the shared UART through earlycon,
# which the host checks. The root keeps computing meanwhile; destroy
# gives both CPUs and the memory back.

_lc_marker=0x77fdf000

_lc_peek() {
	busybox devmem $((_lc_marker + $1)) 32
}

# _lc_wait SECONDS: until /init has written "LINX" or the cell failed;
# prints the time.
_lc_wait() {
	t=0
	while [ $t -lt "$1" ] && [ "$(_lc_peek 0)" != 0x4C494E58 ] &&
	      [ "$(cell_state linux-demo)" = running ]; do
		sleep 1
		t=$((t + 1))
	done
	echo $t
}

# linux_cell ROOTCONFIG CELLCONFIG KERNEL DTB BOOTARGS
linux_cell() {
	local sysfs=/sys/devices/jailhouse rd=/boot/linux-cell/initrd.gz
	local mem0 secs n1 n2

	lsmod | grep -q '^jailhouse ' || insmod "$JAILHOUSE_KO"
	expect_ok jailhouse enable "$1" || { dump_dmesg; return 0; }
	mem0=$(cat $sysfs/mem_pool_used)
	busybox devmem $_lc_marker 32 0
	busybox devmem $((_lc_marker + 8)) 32 0

	# Announced before the cell writes to the shared UART, which would
	# interleave with these lines.
	expect_serial "linux-loader: kernel at 0x78000000, device tree at"
	expect_serial "linux-demo: init up with 2 CPUs"
	expect_ok jailhouse cell linux "$2" "$3" -d "$4" -i $rd -c "$5" ||
		dump_dmesg
	check_eq "linux-demo is running" "running" "$(cell_state linux-demo)"
	check_eq "root cell lost CPUs 2 and 3" "0-1" \
		"$(cat $sysfs/cells/0/cpus_assigned_list)"

	secs=$(_lc_wait 120)
	if [ "$(_lc_peek 0)" = 0x4C494E58 ]; then
		pass "the cell's Linux ran its /init (after ${secs}s)"
	else
		fail "the cell's Linux ran its /init" "no marker after ${secs}s"
		# Where it got stuck: its exits and the hypervisor's last words.
		jailhouse cell stats linux-demo -1 | sed 's/^/  stats: /'
		jailhouse console | tail -n 8 | sed 's/^/  console: /'
	fi
	check_eq "the cell's Linux brought up both CPUs" "0x00000002" \
		"$(_lc_peek 4)"
	n1=$(_lc_peek 8)
	check_eq "root Linux computes while the cell runs" "ok" \
		"$(dd if=/dev/zero bs=64k count=50 2>/dev/null | md5sum >/dev/null && echo ok)"
	sleep 3
	n2=$(_lc_peek 8)
	if [ $((n2)) -gt $((n1)) ]; then pass "the cell's /init keeps running"
	else fail "the cell's /init keeps running" "counter $n1 -> $n2"; fi

	expect_ok jailhouse cell destroy linux-demo
	check_eq "only the root cell is left" "1" \
		"$(jailhouse cell list | grep -c running)"
	check_eq "mem pool usage back to its value before create" "$mem0" \
		"$(cat $sysfs/mem_pool_used)"
	check_eq "root cell has all CPUs" "0-3" \
		"$(cat $sysfs/cells/0/cpus_assigned_list)"
	check_eq "CPU 2 back in Linux" "1" \
		"$(cat /sys/devices/system/cpu/cpu2/online)"
	check_eq "CPU 3 back in Linux" "1" \
		"$(cat /sys/devices/system/cpu/cpu3/online)"
	expect_ok jailhouse disable || dump_dmesg
}
