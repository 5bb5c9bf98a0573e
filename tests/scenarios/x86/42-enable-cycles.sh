#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Twenty enable/disable cycles in a row: every enable must leave the
# hypervisor's page pools exactly as used as the first one did (nothing
# leaks or piles up from one run to the next), a second enable while
# enabled is refused by the real hypervisor's driver with the EBUSY
# sentence and changes nothing, and Linux is fine afterwards.
# stockade-timeout: 400

. /scenarios/lib.sh

sysfs=/sys/devices/jailhouse
cfg="$X86_ROOT_CELL"
cycles=20

lsmod | grep -q '^jailhouse ' || insmod "$JAILHOUSE_KO"
ncpus=$(grep -c '^processor' /proc/cpuinfo)
dmesg -c >/dev/null

pools() {
	echo "mem $(cat $sysfs/mem_pool_used)/$(cat $sysfs/mem_pool_size)" \
		"remap $(cat $sysfs/remap_pool_used)/$(cat $sysfs/remap_pool_size)"
}

first=
bad=0
i=1
while [ "$i" -le "$cycles" ]; do
	if ! OUTPUT=$(jailhouse enable "$cfg" 2>&1); then
		fail "cycle $i: enable" "$(_brief)"
		dump_dmesg
		exit 0
	fi
	now=$(pools)
	if [ -z "$first" ]; then
		first=$now
		pass "cycle 1: pool usage $first"
		expect_fail_with "Jailhouse is already enabled" \
			jailhouse enable "$cfg"
		check_eq "still enabled after the refused enable" "1" \
			"$(cat $sysfs/enabled)"
		check_eq "pool usage unchanged by the refused enable" \
			"$first" "$(pools)"
	elif [ "$now" != "$first" ]; then
		fail "cycle $i: pool usage as in cycle 1" \
			"'$now', cycle 1 had '$first'"
		bad=$((bad + 1))
	fi
	# OUTPUT feeds lib.sh's _brief.
	# shellcheck disable=SC2034
	if ! OUTPUT=$(jailhouse disable 2>&1); then
		fail "cycle $i: disable" "$(_brief)"
		dump_dmesg
		exit 0
	fi
	i=$((i + 1))
done
check_eq "pool usage identical after each of $cycles enables" 0 "$bad"
check_eq "disabled at the end" "0" "$(cat $sysfs/enabled)"
check_eq "pools read 0 while disabled" "mem 0/0 remap 0/0" "$(pools)"

# Linux after all that: the same sum on every CPU, no kernel complaints.
pids=
for c in $(seq 0 $((ncpus - 1))); do
	taskset -c "$c" sh -c \
		'dd if=/dev/zero bs=64k count=100 2>/dev/null | md5sum' \
		>"/tmp/cycles-sum.$c" &
	pids="$pids $!"
done
ok=0
for p in $pids; do
	wait "$p" && ok=$((ok + 1))
done
check_eq "workload after $cycles cycles finished on all CPUs" "$ncpus" "$ok"
check_eq "workload results agree" "1" "$(sort -u /tmp/cycles-sum.* | wc -l)"
check_eq "no kernel warnings" "" \
	"$(dmesg | grep -E 'WARNING|BUG|Oops|refused' | head -n 3)"
