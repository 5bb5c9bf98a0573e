#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Linux keeps working under the hypervisor with load on every CPU for a
# while: per CPU a loop of arithmetic with a known result and of file
# writes whose checksums must survive a copy, for at least 10 s, while one
# CPU goes offline and comes back. Every loop must make progress without a
# single wrong result, and the hypervisor must end it unharmed.
# stockade-timeout: 300

. /scenarios/lib.sh

sysfs=/sys/devices/jailhouse
cfg="$X86_ROOT_CELL"
seconds=12
hot=/sys/devices/system/cpu/cpu3

lsmod | grep -q '^jailhouse ' || insmod "$JAILHOUSE_KO"
ncpus=$(grep -c '^processor' /proc/cpuinfo)

# One loop: sum of squares 1..200 (2686700), then 64 KiB of random data
# written, checksummed, copied and checked again. Writes "ROUNDS ERRORS".
cat >/tmp/load-loop.sh <<'EOF'
c=$1
end=$2
n=0
bad=0
while [ "$(date +%s)" -lt "$end" ]; do
	s=0
	i=1
	while [ "$i" -le 200 ]; do
		s=$((s + i * i))
		i=$((i + 1))
	done
	[ "$s" -eq 2686700 ] || bad=$((bad + 1))
	dd if=/dev/urandom of=/tmp/load.$c bs=4k count=16 2>/dev/null
	a=$(md5sum </tmp/load.$c)
	cp /tmp/load.$c /tmp/load.$c.copy
	b=$(md5sum </tmp/load.$c.copy)
	if [ "$a" != "$b" ] || ! cmp -s /tmp/load.$c /tmp/load.$c.copy; then
		bad=$((bad + 1))
	fi
	n=$((n + 1))
done
echo "$n $bad" >/tmp/load-result.$c
EOF

expect_ok jailhouse enable "$cfg" || exit 0
start=$(date +%s)
end=$((start + seconds))
pids=
for c in $(seq 0 $((ncpus - 1))); do
	rm -f "/tmp/load-result.$c"
	taskset -c "$c" sh /tmp/load-loop.sh "$c" "$end" &
	pids="$pids $!"
done

# A CPU under load leaves and comes back in the middle of it; its loop
# moves to another CPU meanwhile.
sleep 4
echo 0 >$hot/online
check_eq "CPU 3 offline under load" "0" "$(cat $hot/online)"
sleep 2
echo 1 >$hot/online
check_eq "CPU 3 back online under load" "1" "$(cat $hot/online)"

for p in $pids; do
	wait "$p"
done
took=$(($(date +%s) - start))
if [ "$took" -ge 10 ]; then
	pass "load ran for ${took}s under the hypervisor"
else
	fail "load ran for at least 10s" "${took}s"
fi
for c in $(seq 0 $((ncpus - 1))); do
	# shellcheck disable=SC2046 # "ROUNDS ERRORS", split on purpose
	set -- $(cat "/tmp/load-result.$c" 2>/dev/null)
	if [ "${1:-0}" -gt 0 ] && [ "${2:-x}" = 0 ]; then
		pass "CPU $c loop: $1 rounds, no wrong result"
	else
		fail "CPU $c loop without a wrong result" \
			"rounds '${1:-}', errors '${2:-}'"
	fi
done

check_eq "still enabled" "1" "$(cat $sysfs/enabled)"
check_eq "no failed CPUs" "" "$(cat $sysfs/cells/0/cpus_failed_list)"
expect_ok jailhouse disable || dump_dmesg
check_eq "no kernel warnings" "" \
	"$(dmesg | grep -E 'WARNING|BUG|Oops|rcu.*stall' | head -n 3)"
