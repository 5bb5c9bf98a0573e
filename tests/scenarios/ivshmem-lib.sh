#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# ivshmem-lib.sh: the ivshmem link 00:00.0 between the root cell and the
# cells ivshmem-demo and ivshmem-demo-2 on the ARM QEMU machines (arm64
# and ARMv7 virt: shared memory in the last MiB of RAM at 0x7ff00000,
# 3 peers). The root's end is its stock Linux: the driver's node for the
# virtual PCI host (ivshmem-root-lib.sh checks it), uio_ivshmem on
# 0001:00:00.0 with INTx (SPI 140) and tools/ivshmem-demo, whose pings
# wait for the pong's doorbell. Sourced after lib.sh.
#
# The ping protocol is inmates/demos/common/ivshmem-demo.c's: a sequence
# number (u32, written last) and 64 bytes of payload, byte i of ping SEQ
# being (SEQ * 7 + i) & 0xff; the pong carries the same number and the
# payload inverted. Both ends check what they get.

demos=/usr/libexec/jailhouse/demos

# ivs_events: interrupts the root's device has delivered to UIO so far.
ivs_events() {
	cat /sys/class/uio/uio0/event 2>/dev/null || echo 0
}

# ivs_events_since WHAT BEFORE MIN: at least MIN interrupts since the
# count was BEFORE; the doorbell of the last pong may trail the pong the
# tool saw, so the count gets two seconds to catch up.
ivs_events_since() {
	local tries=20 n

	n=$(($(ivs_events) - $2))
	while [ "$n" -lt "$3" ] && [ $tries -gt 0 ]; do
		sleep 0.1
		tries=$((tries - 1))
		n=$(($(ivs_events) - $2))
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

# pings PEER N: N round trips of the root with cell PEER, the pongs
# checked by the tool, each ping by the cell (its console line for that
# sequence number); every pong rang the root.
pings() {
	local ev seq ok=0 seqs='s/^ping \([0-9]*\): pong from peer .* ok$/\1/p'

	ev=$(ivs_events)
	expect_ok ivshmem-demo -t 20 ping "$1" "$2"
	check_contains "$2 round trips with cell $1, root checked the pongs" \
		"$OUTPUT" "$2 round trips with peer $1, data ok both ways"
	ivs_events_since "every pong of cell $1 rang the root's doorbell" \
		"$ev" "$2"
	for seq in $(printf '%s\n' "$OUTPUT" | sed -n "$seqs"); do
		count "IVSHMEM $1: ping $seq from peer 0, data ok" >/dev/null &&
			ok=$((ok + 1))
	done
	check_eq "cell $1 checked the $2 pings of the root" "$2" "$ok"
}

# wait_state PEER STATE: PEER's state in the table becomes STATE (20 s).
wait_state() {
	expect_ok ivshmem-demo -t 20 wait-state "$1" "$2"
}

# start_demo CELL [ARGS]: create (config $IVSHMEM_CELLS$CELL.cell), load
# with ARGS on the command line, start.
start_demo() {
	expect_ok jailhouse cell create "$IVSHMEM_CELLS$1.cell" || dump_dmesg
	expect_ok jailhouse cell load "$1" $demos/ivshmem-demo.bin \
		-s "con-type=jailhouse $2" -a 0x1000
	expect_ok jailhouse cell start "$1"
}

# ivs_modules: uio_ivshmem loaded before enable, so that it binds the
# root's device when that appears.
ivs_modules() {
	local mods

	mods=/lib/modules/$(uname -r)
	lsmod | grep -q '^uio ' ||
		insmod "$(find "$mods" -name 'uio.ko*' | head -n 1)"
	lsmod | grep -q '^uio_ivshmem ' || expect_ok insmod \
		"$(find "$mods" -name uio_ivshmem.ko | head -n 1)"
}

# ivs_root_up: the root's end through uio: peer 0 of 3, state 1 and a
# greeting in the read/write section.
ivs_root_up() {
	check_file "uio_ivshmem made /dev/uio0" /dev/uio0
	expect_ok ivshmem-demo info
	check_contains "the root is peer 0 of 3" "$OUTPUT" "ID 0 of 3 peers"
	expect_ok ivshmem-demo greet "hello from the root cell"
	expect_ok ivshmem-demo state 1
}

# ivs_interrupts_seen WHAT: the last wait-state output counted interrupts.
ivs_interrupts_seen() {
	local n

	n=$(printf '%s' "$OUTPUT" | sed -n 's/.*, \([0-9]*\) interrupts$/\1/p')
	if [ -n "$n" ] && [ "$n" -gt 0 ]; then
		pass "$1 ($n)"
	else
		fail "$1" "'$OUTPUT'"
	fi
}

# ivshmem_cells ROOT_CFG: the link between the root and two ivshmem-demo
# cells ($IVSHMEM_CELLS names their configs): root <-> cell ping-pong
# with the data checked on both sides and doorbells both ways; three
# peers each writing its own output section and reading the others'
# (cell 2 pings cell 1 by doorbell, the root pings both); destroying a
# cell leaves its state 0 and interrupts the root and the other cell; a
# cell writing the root's output section is stopped while the root and
# the other cell go on.
ivshmem_cells() {
	local pool=/sys/devices/jailhouse/mem_pool_used mem0 ev waiter rc

	lsmod | grep -q '^jailhouse ' || insmod "$JAILHOUSE_KO"
	ivs_modules
	expect_ok jailhouse enable "$1" || { dump_dmesg; return 0; }
	mem0=$(cat $pool)
	ivs_root_up

	ev=$(ivs_events)
	start_demo ivshmem-demo "answer-all"
	console_has "cell 1 found its device on the virtual ECAM" \
		"IVSHMEM 1: 00:00.0, peer 1 of 3, state table 0x1000, r/w $(
		)0x1000, output sections 0x1000, at 0x7ff00000, irq 144"
	console_has "cell 1 reads the root's greeting" \
		'IVSHMEM 1: r/w section says "hello from the root cell"'
	wait_state 1 1
	ivs_events_since "cell 1 getting ready interrupted the root" "$ev" 1

	# Cell 2 pings cell 1 three times by doorbell (cell 1 answers every
	# peer while it is ready), then says it is done with state 2.
	start_demo ivshmem-demo-2 "ping-peer=1 count=3"
	console_has "cell 2 found its device" "IVSHMEM 2: 00:00.0, peer 2 of 3"
	console_has "cell 1 heard of cell 2 getting ready" \
		"IVSHMEM 1: peer states: 0:1 1:1 2:1"
	console_has "cell 2: 3 round trips with cell 1" \
		"IVSHMEM 2: 3 round trips with peer 1"
	check_eq "cell 1 checked the 3 pings of cell 2" "3" \
		"$(count 'IVSHMEM 1: ping [0-9]* from peer 2, data ok')"
	wait_state 2 2

	pings 1 3
	pings 2 3
	check_eq "no corrupt data" "0" "$(count CORRUPT)"

	# Destroy: the cell's state goes to 0 and the others hear of it.
	ivshmem-demo -t 30 wait-state 2 0 >/tmp/ivs-wait 2>&1 &
	waiter=$!
	sleep 1
	expect_ok jailhouse cell destroy ivshmem-demo-2
	rc=0
	wait $waiter || rc=$?
	OUTPUT=$(cat /tmp/ivs-wait)
	check_eq "the destroyed cell's state is 0 for the root" "0" "$rc"
	ivs_interrupts_seen "the destroy interrupted the root"
	console_has "the destroy interrupted cell 1, which sees state 0" \
		"IVSHMEM 1: peer states: 0:1 1:1 2:0"
	pings 1 2
	expect_ok jailhouse cell destroy ivshmem-demo
	wait_state 1 0
	check_eq "mem pool usage back after destroy" "$mem0" "$(cat $pool)"

	# A peer writing another's output section is stopped like any
	# forbidden access; the root and cell 2 go on.
	start_demo ivshmem-demo-2
	wait_state 2 1
	start_demo ivshmem-demo "bad-write"
	wait_state 1 1
	expect_ok ivshmem-demo -t 20 ping 1 1
	wait_cell_state ivshmem-demo failed 20
	check_eq "the cell writing the root's output section failed" "failed" \
		"$(cell_state ivshmem-demo)"
	console_has "the write was named on the console" \
		'cell "ivshmem-demo": refused MMIO write at 0x7ff02000'
	check_eq "the write did not go through" "0" \
		"$(count 'the write went through')"
	pings 2 2
	expect_ok jailhouse cell destroy ivshmem-demo
	expect_ok jailhouse cell destroy ivshmem-demo-2
	check_eq "mem pool usage back after the failed cell" "$mem0" \
		"$(cat $pool)"
	check_eq "no corrupt data in the whole run" "0" "$(count CORRUPT)"
	expect_ok jailhouse disable || dump_dmesg
	check_eq "/dev/uio0 went with the hypervisor" "no" \
		"$([ -e /dev/uio0 ] && echo yes || echo no)"
}
