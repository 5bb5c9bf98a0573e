#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# ivshmem v2 between the root cell and two bare-metal cells (issue 16).
# The root config lists the virtual device 00:0e.0 (peer 0 of 3), the
# cells ivshmem-demo and ivshmem-demo-2 the same link (peers 1 and 2).
# Root Linux finds the device once the hypervisor runs and drives it with
# uio_ivshmem; tools/ivshmem-demo pings each inmate, whose pongs come back
# by doorbell, with the data checked on both sides. Each peer writes its
# own output section and reads the root's. Destroying a cell leaves its
# state 0 and interrupts the others. An inmate that writes the root's
# output section is stopped, the root carries on.
# Then ivshmem-net on 00:0f.0 (protocol VETH, peer 0 of 2): the root's
# ivshmem-net.ko against the echo inmate ivshmem-net-echo, which answers
# ARP and ping; the carrier follows the cell (destroy, create again), and
# the echo cell may not write the root's output section either.
# stockade-timeout: 480

. /scenarios/lib.sh
. /scenarios/ivshmem-net-lib.sh

sysfs=/sys/devices/jailhouse
demos=/usr/libexec/jailhouse/demos
pcidev=/sys/bus/pci/devices/0000:00:0e.0
mods=/lib/modules/$(uname -r)
tmp=/tmp/66-ivshmem
mkdir -p $tmp

lsmod | grep -q '^jailhouse ' || insmod "$JAILHOUSE_KO"
expect_ok jailhouse enable "$X86_ROOT_CELL" || { dump_dmesg; exit 0; }
mem0=$(cat $sysfs/mem_pool_used)
console_has "root endpoint set up" \
	'Cell "QEMU-VM": ivshmem 00:0e.0, peer 0 of 3' 5

# The driver has Linux scan for the root's virtual device at enable.
check_eq "root Linux finds 110a:4106 at 00:0e.0" "0x110a 0x4106" \
	"$(cat $pcidev/vendor 2>/dev/null) $(cat $pcidev/device 2>/dev/null)"
check_eq "class other, protocol undefined" "0xff0000" \
	"$(cat $pcidev/class 2>/dev/null)"
insmod "$(find "$mods" -name 'uio.ko*' | head -n 1)"
expect_ok insmod "$(find "$mods" -name uio_ivshmem.ko | head -n 1)" ||
	dump_dmesg
check_file "uio_ivshmem made /dev/uio0" /dev/uio0
expect_ok ivshmem-demo info
check_contains "the root is peer 0 of 3" "$OUTPUT" "ID 0 of 3 peers"
check_contains "sections as configured" "$OUTPUT" \
	"state table 4096, r/w 4096, output sections 344064 bytes each"
expect_ok ivshmem-demo greet "hello from the root cell"

# start_demo CELL [ARGS]: create, load with ARGS on the command line, start.
start_demo() {
	expect_ok jailhouse cell create "/etc/jailhouse/$1.cell" || dump_dmesg
	expect_ok jailhouse cell load "$1" $demos/ivshmem-demo.bin \
		-s "con-type=jailhouse $2" -a 0x1000
	expect_ok jailhouse cell start "$1"
}

# interrupts_seen WHAT: the last wait-state output counted interrupts.
interrupts_seen() {
	n=$(printf '%s' "$OUTPUT" | sed -n 's/.*, \([0-9]*\) interrupts$/\1/p')
	if [ -n "$n" ] && [ "$n" -gt 0 ]; then
		pass "$1 ($n)"
	else
		fail "$1" "'$OUTPUT'"
	fi
}

# events_since WHAT BEFORE MIN: the root's device interrupted at least MIN
# times since the UIO event count was BEFORE. The doorbell of the last pong
# may trail the pong the tool saw: the count gets two seconds to catch up.
events() {
	cat /sys/class/uio/uio0/event 2>/dev/null || echo 0
}
events_since() {
	tries=20
	n=$(($(events) - $2))
	while [ "$n" -lt "$3" ] && [ $tries -gt 0 ]; do
		sleep 0.1
		tries=$((tries - 1))
		n=$(($(events) - $2))
	done
	if [ "$n" -ge "$3" ]; then
		pass "$1 ($n interrupts)"
	else
		fail "$1" "$n interrupts, expected at least $3"
	fi
}

# count TEXT: lines of the hypervisor console matching TEXT.
count() {
	jailhouse console | grep -c "$1"
}

ev=$(events)
start_demo ivshmem-demo
console_has "cell 1 found its device" "IVSHMEM 1: 00:0e.0, peer 1 of 3"
console_has "cell 1 reads the root's greeting" \
	'IVSHMEM 1: r/w section says "hello from the root cell"'
expect_ok ivshmem-demo -t 20 wait-state 1 1
events_since "cell 1 getting ready interrupted the root" "$ev" 1
start_demo ivshmem-demo-2
console_has "cell 2 found its device" "IVSHMEM 2: 00:0e.0, peer 2 of 3"
expect_ok ivshmem-demo -t 20 wait-state 2 1
console_has "cell 1 heard of cell 2 getting ready" \
	"IVSHMEM 1: peer states: 0:0 1:1 2:1"

for peer in 1 2; do
	ev=$(events)
	expect_ok ivshmem-demo -t 20 ping $peer 5
	check_contains "5 round trips with cell $peer, root checked the pongs" \
		"$OUTPUT" "5 round trips with peer $peer, data ok both ways"
	events_since "every pong of cell $peer rang the root's doorbell" "$ev" 5
	check_eq "cell $peer checked 5 pings" "5" \
		"$(count "IVSHMEM $peer: ping [0-9]* from peer 0, data ok")"
done
check_eq "no corrupt data" "0" "$(count CORRUPT)"

# Destroy: the cell's state goes to 0 and the others hear of it.
ivshmem-demo -t 30 wait-state 2 0 >$tmp/wait 2>&1 &
waiter=$!
sleep 1
expect_ok jailhouse cell destroy ivshmem-demo-2
rc=0
wait $waiter || rc=$?
OUTPUT=$(cat $tmp/wait)
check_eq "the destroyed cell's state is 0 for the root" "0" "$rc"
interrupts_seen "the destroy interrupted the root"
console_has "the destroy interrupted cell 1, which sees state 0" \
	"IVSHMEM 1: peer states: 0:0 1:1 2:0"
expect_ok ivshmem-demo -t 20 ping 1 2
check_contains "cell 1 still answers" "$OUTPUT" \
	"2 round trips with peer 1, data ok both ways"
expect_ok jailhouse cell destroy ivshmem-demo
check_eq "mem pool usage back after destroy" "$mem0" \
	"$(cat $sysfs/mem_pool_used)"

# A peer writing another's output section is stopped like any forbidden
# access; the root keeps its device.
start_demo ivshmem-demo "bad-write"
expect_ok ivshmem-demo -t 20 wait-state 1 1
expect_ok ivshmem-demo -t 20 ping 1 1
wait_cell_state ivshmem-demo failed 20
check_eq "the cell writing the root's output section failed" "failed" \
	"$(cell_state ivshmem-demo)"
console_has "the write was named on the console" \
	'CPU 3 of cell "ivshmem-demo": access to unassigned guest-physical memory: write at 0x3f102000'
check_eq "the write did not go through" "0" "$(count 'the write went through')"
expect_ok ivshmem-demo info
check_contains "the root's device still answers" "$OUTPUT" "ID 0 of 3 peers"
expect_ok jailhouse cell destroy ivshmem-demo
expect_ok ivshmem-demo -t 10 wait-state 1 0
check_eq "mem pool usage back after the failed cell" "$mem0" \
	"$(cat $sysfs/mem_pool_used)"

# ivshmem-net: a network interface over the VETH link 00:0f.0.
netpci=/sys/bus/pci/devices/0000:00:0f.0
check_eq "class other, protocol VETH at 00:0f.0" "0xff0001" \
	"$(cat $netpci/class 2>/dev/null)"
expect_ok insmod "$(find "$mods" -name ivshmem-net.ko | head -n 1)" ||
	dump_dmesg
ifc=$(ls $netpci/net 2>/dev/null | head -n 1)
check_eq "ivshmem-net made a network interface" "yes" \
	"$([ -n "$ifc" ] && echo yes || echo no)"
ip addr add 10.16.0.1/24 dev "$ifc"
expect_ok ip link set "$ifc" up

ivnet_echo "$ifc" 0x3f002000
check_eq "mem pool usage back after the echo cells" "$mem0" \
	"$(cat $sysfs/mem_pool_used)"

# Disable takes the virtual device away from Linux first, driver and all;
# a failed disable would give it back.
expect_ok jailhouse disable
check_eq "the virtual device left Linux with the hypervisor" "gone" \
	"$([ -e $pcidev ] && echo present || echo gone)"
check_eq "no UIO device left behind" "gone" \
	"$([ -e /dev/uio0 ] && echo present || echo gone)"
expect_ok rmmod uio_ivshmem
expect_ok jailhouse enable "$X86_ROOT_CELL"
check_file "enable again: Linux finds the device without a rescan" \
	$pcidev/vendor
expect_ok jailhouse disable
