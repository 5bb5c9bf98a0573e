#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Random hypercalls from the root cell on every CPU at once (hcfuzz.ko,
# see tests/modules/hcfuzz.c for which calls and why): each must give the
# documented result, a negative errno for everything invalid. Afterwards
# the hypervisor must be unharmed: the cell list, a workload on every CPU
# and disable all work. Natively the module must refuse to issue any.
# stockade-timeout: 400

. /scenarios/lib.sh

sysfs=/sys/devices/jailhouse
cfg="$X86_ROOT_CELL"
hcfuzz=/lib/modules/$(uname -r)/extra/tests/hcfuzz.ko
params=/sys/module/hcfuzz/parameters
calls=1000

lsmod | grep -q '^jailhouse ' || insmod "$JAILHOUSE_KO"
check_file "hcfuzz.ko is installed" "$hcfuzz" || exit 0
ncpus=$(grep -c '^processor' /proc/cpuinfo)

# hypercall_exits: the per-CPU hypercall exit counters, blank-separated.
hypercall_exits() {
	for c in $(seq 0 $((ncpus - 1))); do
		cat "$sysfs/cells/0/statistics/cpu$c/vmexits_hypercall"
	done
}

expect_ok jailhouse enable "$cfg" || exit 0
before=$(hypercall_exits)

if ! insmod "$hcfuzz" calls=$calls; then
	fail "hcfuzz.ko runs under the hypervisor" "insmod failed"
	dump_dmesg 10
	exit 0
fi
pass "hcfuzz.ko runs under the hypervisor"
dmesg | grep 'hcfuzz: seed' | tail -n 1
check_eq "hypercalls issued" "$((calls * ncpus))" "$(cat $params/total)"
check_eq "CPUs that issued all $calls" "$ncpus" "$(cat $params/cpus)"
check_eq "results against the ABI" "0 unexpected" \
	"$(cat $params/unexpected) unexpected"
check_eq "refused + succeeded = issued" "$(cat $params/total)" \
	"$(($(cat $params/errnos) + $(cat $params/successes)))"
# Both kinds must really have been drawn, or the judge judged nothing.
for what in errnos successes; do
	n=$(cat $params/$what)
	if [ "$n" -gt 0 ]; then
		pass "some calls gave $what ($n)"
	else
		fail "some calls gave $what" "none"
	fi
done
rmmod hcfuzz

# The hypervisor counted the calls where they were made.
after=$(hypercall_exits)
# shellcheck disable=SC2086 # one counter per CPU, split on purpose
set -- $after
for b in $before; do
	c=$((ncpus - $#))
	if [ $(($1 - b)) -ge "$calls" ]; then
		pass "CPU $c: $calls hypercalls reached the hypervisor"
	else
		fail "CPU $c: $calls hypercalls reached the hypervisor" \
			"counter $b -> $1"
	fi
	shift
done

# Still alive and unchanged.
expect_ok jailhouse cell list
check_contains "the root cell is listed" "$OUTPUT" "QEMU-VM"
check_eq "still one cell" "0" "$(ls $sysfs/cells)"
check_eq "no failed CPUs" "" "$(cat $sysfs/cells/0/cpus_failed_list)"
ok=0
pids=
for c in $(seq 0 $((ncpus - 1))); do
	taskset -c "$c" sh -c \
		'dd if=/dev/zero bs=64k count=100 2>/dev/null | md5sum' \
		>"/tmp/fuzz-sum.$c" &
	pids="$pids $!"
done
for p in $pids; do
	wait "$p" && ok=$((ok + 1))
done
check_eq "workload after the fuzzing finished on all CPUs" "$ncpus" "$ok"
check_eq "workload results agree" "1" \
	"$(sort -u /tmp/fuzz-sum.* | wc -l)"
expect_ok jailhouse disable || dump_dmesg
check_eq "disabled" "0" "$(cat $sysfs/enabled)"

# Natively the vmmcall would be an invalid opcode: the module must see
# that no hypervisor is there and refuse.
if insmod "$hcfuzz" 2>/dev/null; then
	fail "natively, hcfuzz.ko refuses to load" "it loaded"
	rmmod hcfuzz
else
	pass "natively, hcfuzz.ko refuses to load"
fi
