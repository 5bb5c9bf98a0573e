# SPDX-License-Identifier: GPL-2.0
#
# cell list, cell stats and console against a fake sysfs and device.

new_root
with_driver 0
expect "list while disabled" 1 "jailhouse cell list: Jailhouse is not enabled." "$JH" cell list
expect "stats while disabled" 1 "Jailhouse is not enabled." "$JH" cell stats 1 --once
expect "console while disabled" 1 "jailhouse console: Jailhouse is not enabled." "$JH" console

new_root
with_driver 1
add_cell 0 RootCell running 0-1,3 ""
add_cell 1 apic-demo running/locked 2 ""
add_cell 10 "linux-x86-demo" failed 4-5 5
# Not a cell: the listing must skip it.
mkdir -p "$R/sys/devices/jailhouse/cells/.tmp"

expect "cell list" 0 "" "$JH" cell list
WANT="ID  Name            State           Assigned CPUs  Failed CPUs
0   RootCell        running         0-1,3
1   apic-demo       running/locked  2
10  linux-x86-demo  failed          4-5            5"
check "cell list table (ids in numeric order)" "got:
$OUT" [ "$OUT" = "$WANT" ]

set_stat 1 total 1234
set_stat 1 mmio 1000
set_stat 1 hypercall 34
set_stat 1 xapic 200
set_stat 1 management 0
set_stat 1 zz_future 7
# Per-CPU directories sit next to the sums and are not counters.
mkdir -p "$R/sys/devices/jailhouse/cells/1/statistics/cpu2"
echo 999 >"$R/sys/devices/jailhouse/cells/1/statistics/cpu2/vmexits_total"

WANT='Statistics of cell 1 "apic-demo"

COUNTER                             TOTAL
total                                1234
mmio                                 1000
management                              0
hypercall                              34
xapic                                 200
zz_future                               7'
expect "cell stats --once by name" 0 "" "$JH" cell stats apic-demo --once
check "stats: ABI order, total first, unknown last" "got:
$OUT" [ "$OUT" = "$WANT" ]
expect "cell stats -1 by id" 0 "" "$JH" cell stats -1 1
check "stats by id is the same" "got: $OUT" [ "$OUT" = "$WANT" ]
expect "stats of unknown cell" 1 "no cell \"nosuch\" exists." "$JH" cell stats nosuch -1
expect "stats of unknown id" 1 "no cell 4 exists." "$JH" cell stats 4 -1
rm -rf "$R/sys/devices/jailhouse/cells/10/statistics"
expect "stats without statistics dir" 1 "the driver publishes no statistics for cell 10" \
	"$JH" cell stats 10 -1

# Live mode without a terminal: a refresh per second with rates, until
# SIGTERM, which ends it cleanly.
( sleep 1.3; set_stat 1 total 1334 ) &
run timeout --preserve-status -s TERM 2.6 "$JH" cell stats 1
wait
check "live stats end cleanly on SIGTERM" "exit $RC, stderr $ERR" [ "$RC" -eq 0 -a -z "$ERR" ]
check "live stats refresh with rates" "got: $OUT" contains "$OUT" "PER SECOND"
check "live stats show the new total" "got: $OUT" contains "$OUT" "1334"
check "live stats print a rate" "got: $OUT" \
	matches "$OUT" '^total +1334 +(9[0-9]|1[01][0-9])$'

# Live mode notices a destroyed cell.
( sleep 0.5; rm -rf "$R/sys/devices/jailhouse/cells/1" ) &
run timeout 5 "$JH" cell stats 1
wait
check "live stats stop when the cell goes" "exit $RC, stderr $ERR" \
	[ "$RC" -eq 1 -a "$ERR" = "jailhouse cell stats: cell 1 no longer exists." ]

# console: a regular file stands in for the device.
printf 'Initializing Jailhouse hypervisor\nActivating hypervisor\n' \
	>"$R/dev/jailhouse"
expect "console" 0 "" "$JH" console
check "console prints the buffer" "got: $OUT" \
	[ "$OUT" = $'Initializing Jailhouse hypervisor\nActivating hypervisor' ]
run timeout 1 "$JH" console --follow
check "console -f keeps reading" "exit $RC" [ "$RC" -eq 124 ]
