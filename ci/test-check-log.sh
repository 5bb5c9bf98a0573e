#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Self-test of ci/check-log.sh on made-up console logs: the judge decides
# every system test, so a judge that counts wrong would hide failures.
# Prints "N passed, N failed" and exits non-zero on any mismatch.
set -eu -o pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
ok=0
bad=0

# expect NAME WANTED-SUMMARY WANTED-STATUS SCENARIO... < log lines
expect() {
	local name=$1 want=$2 wrc=$3 out rc=0
	shift 3
	# Real console logs end lines with CRLF.
	sed 's/$/\r/' >"$tmp/log"
	out=$("$top/ci/check-log.sh" t "$tmp/log" "$@") || rc=$?
	if [ "$(tail -n 1 <<<"$out")" = "$want" ] && [ "$rc" = "$wrc" ]; then
		ok=$((ok + 1))
	else
		echo "FAIL: $name: wanted '$want' status $wrc, got status $rc:"
		printf '    %s\n' "$out"
		bad=$((bad + 1))
	fi
}

expect "clean run" "2 passed, 0 failed" 0 a.sh <<'EOF'
[    1.0] kernel noise
STOCKADE-BEGIN: a.sh
PASS: one
PASS: two
STOCKADE-END: a.sh rc=0
STOCKADE-DONE
PASS: after the end is not counted
EOF

expect "FAIL lines count" "1 passed, 1 failed" 1 a.sh <<'EOF'
STOCKADE-BEGIN: a.sh
PASS: one
FAIL: two: because
STOCKADE-END: a.sh rc=0
EOF

expect "crash without end marker" "1 passed, 1 failed" 1 a.sh <<'EOF'
STOCKADE-BEGIN: a.sh
PASS: one
[    9.9] Oops
EOF

expect "never started" "1 passed, 1 failed" 1 a.sh b.sh <<'EOF'
STOCKADE-BEGIN: a.sh
PASS: one
STOCKADE-END: a.sh rc=0
EOF

expect "silent non-zero exit" "0 passed, 1 failed" 1 a.sh <<'EOF'
STOCKADE-BEGIN: a.sh
STOCKADE-END: a.sh rc=2
EOF

expect "nothing reported" "0 passed, 1 failed" 1 a.sh <<'EOF'
STOCKADE-BEGIN: a.sh
STOCKADE-END: a.sh rc=0
EOF

expect "skip only" "0 passed, 0 failed" 0 a.sh <<'EOF'
STOCKADE-BEGIN: a.sh
SKIP: driver: not built
STOCKADE-END: a.sh rc=0
EOF

expect "expected stop seen, even before its marker" "2 passed, 0 failed" 0 a.sh <<'EOF'
STOCKADE-BEGIN: a.sh
[    3.0] FATAL: hypervisor stopped
PASS: one
STOCKADE-EXPECT-STOP: FATAL: hypervisor stopped
EOF

expect "expected stop missing" "0 passed, 1 failed" 1 a.sh <<'EOF'
STOCKADE-BEGIN: a.sh
STOCKADE-EXPECT-STOP: FATAL: hypervisor stopped
STOCKADE-END: a.sh rc=0
EOF

expect "expected serial output seen" "2 passed, 0 failed" 0 a.sh <<'EOF'
STOCKADE-BEGIN: a.sh
Hello 3 from cell!
PASS: one
STOCKADE-EXPECT-SERIAL: Hello 3 from cell
STOCKADE-END: a.sh rc=0
EOF

expect "expected serial output only in a console dump" "0 passed, 2 failed" 1 a.sh <<'EOF'
STOCKADE-BEGIN: a.sh
STOCKADE-EXPECT-SERIAL: Hello 3 from cell
  console: Hello 3 from cell!
FAIL: something: failed
STOCKADE-END: a.sh rc=0
EOF

rm -f "$tmp/log"
out=$("$top/ci/check-log.sh" t "$tmp/log" a.sh 2>/dev/null) && rc=0 || rc=$?
if [ "$rc" = 2 ]; then ok=$((ok + 1)); else echo "FAIL: missing log: status $rc"; bad=$((bad + 1)); fi

# stall WANTED-STATUS NAME < log lines: ci/boot-stall.sh's judgement.
stall() {
	local rc=0
	sed 's/$/\r/' >"$tmp/log"
	"$top/ci/boot-stall.sh" "$tmp/log" >/dev/null || rc=$?
	if [ "$rc" = "$1" ]; then
		ok=$((ok + 1))
	else
		echo "FAIL: boot-stall: $2: wanted status $1, got $rc"
		bad=$((bad + 1))
	fi
}

stall 0 "stall from early boot" <<'EOF'
[    3.928745] jailhouse: loading out-of-tree module taints kernel.
[   22.725715] rcu: INFO: rcu_preempt detected stalls on CPUs/tasks:
[   22.726275] rcu: 	2-...!: (0 ticks this GP) idle=7028/0/0x0 softirq=20/20 fqs=0
[   22.726679] 	(detected by 1, t=5252 jiffies, g=-1147, q=622 ncpus=4)
EOF
stall 1 "stall after the module came" <<'EOF'
[    3.928745] jailhouse: loading out-of-tree module taints kernel.
[   40.000000] rcu: INFO: rcu_preempt detected stalls on CPUs/tasks:
[   40.000100] 	(detected by 1, t=5252 jiffies, g=-1147, q=622 ncpus=4)
EOF
stall 0 "QEMU aborted before the module came" <<'EOF'
[    1.264450] pci 0000:00:02.0: BAR 3 [mem 0xfebd0000-0xfebd3fff]
qemu-system-x86_64: system/physmem.c:2678: iotlb_to_section: Assertion `section_index < d->map.sections_nb' failed.
EOF
stall 1 "QEMU aborted after the module came" <<'EOF'
[    3.928745] jailhouse: loading out-of-tree module taints kernel.
qemu-system-x86_64: system/physmem.c:2678: iotlb_to_section: Assertion `section_index < d->map.sections_nb' failed.
EOF
stall 1 "no stall" <<'EOF'
[    3.928745] jailhouse: loading out-of-tree module taints kernel.
EOF

echo "$ok passed, $bad failed"
[ "$bad" -eq 0 ]
