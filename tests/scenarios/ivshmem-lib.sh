#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# ivshmem-lib.sh: the root cell's end of the ivshmem link 00:00.0 on the
# ARM QEMU machines (arm64 and ARMv7 virt: virtual ECAM at 0x09100000,
# shared memory in the last MiB of RAM at 0x7ff00000, 3 peers) without a
# driver: devmem on the ECAM window, BAR0 (put at 0x09200000) and the
# sections, polling instead of taking the INTx. Sourced after lib.sh.
#
# The ping protocol is inmates/demos/common/ivshmem-demo.c's: a sequence
# number (u32, written last) and 64 bytes of payload, byte i of ping SEQ
# being (SEQ * 7 + i) & 0xff; the pong carries the same number and the
# payload inverted.

ecam=0x09100000
bar0=0x09200000
shm=0x7ff00000
rw=$((shm + 0x1000))
demos=/usr/libexec/jailhouse/demos
# out_of PEER: the address of PEER's output section.
out_of() {
	echo $((shm + 0x2000 + $1 * 0x1000))
}

# rd ADDR: a 32-bit word of physical memory as a decimal number.
rd() {
	echo $(($(devmem "$1" 32)))
}

# state_of PEER: PEER's entry in the state table.
state_of() {
	rd $((shm + $1 * 4))
}

# ping_word SEQ J: word J of the ping payload, byte i = (SEQ * 7 + i) & 0xff.
ping_word() {
	b=$(($1 * 7 + $2 * 4))
	echo $(((b & 0xff) | ((b + 1) & 0xff) << 8 | ((b + 2) & 0xff) << 16 |
		((b + 3) & 0xff) << 24))
}

# put_string ADDR TEXT: TEXT and a terminating zero, in 32-bit words.
put_string() {
	a=$1
	for w in $(printf '%s\0' "$2" | od -An -tx4 -v); do
		devmem "$a" 32 "0x$w"
		a=$((a + 4))
	done
}

# root_ping PEER SEQ: the root writes ping SEQ into its output section,
# rings PEER and polls PEER's output section for the pong (10 s), whose
# payload must be the ping's inverted. Prints "ok", "no pong" or "bad".
root_ping() {
	out=$(out_of 0)
	j=0
	while [ $j -lt 16 ]; do
		devmem $((out + 4 + j * 4)) 32 "$(ping_word "$2" $j)"
		j=$((j + 1))
	done
	devmem "$out" 32 "$2"
	devmem $((bar0 + 0x0c)) 32 $(($1 << 16))
	pong=$(out_of "$1")
	tries=100
	while [ "$(rd "$pong")" != "$2" ]; do
		tries=$((tries - 1))
		[ $tries -gt 0 ] || { echo "no pong"; return; }
		sleep 0.1
	done
	j=0
	while [ $j -lt 16 ]; do
		[ "$(rd $((pong + 4 + j * 4)))" = \
			$(((~$(ping_word "$2" $j)) & 0xffffffff)) ] ||
			{ echo "bad"; return; }
		j=$((j + 1))
	done
	echo ok
}

# pings PEER FIRST N: N root pings of PEER from sequence number FIRST.
pings() {
	seq=$2
	ok=0
	while [ "$seq" -lt $(($2 + $3)) ]; do
		[ "$(root_ping "$1" "$seq")" = ok ] && ok=$((ok + 1))
		seq=$((seq + 1))
	done
	check_eq "$3 pings of the root answered by cell $1, pongs checked" \
		"$3" "$ok"
	console_has "cell $1 checked the root's last ping" \
		"IVSHMEM $1: ping $(($2 + $3 - 1)) from peer 0, data ok" 10
}

# wait_state PEER STATE: the state table says STATE for PEER within 20 s.
wait_state() {
	tries=200
	while [ "$(state_of "$1")" != "$2" ] && [ $tries -gt 0 ]; do
		sleep 0.1
		tries=$((tries - 1))
	done
	check_eq "state of peer $1 is $2" "$2" "$(state_of "$1")"
}

# start_demo CELL [ARGS]: create (config $IVSHMEM_CELLS$CELL.cell), load
# with ARGS on the command line, start.
start_demo() {
	expect_ok jailhouse cell create "$IVSHMEM_CELLS$1.cell" || dump_dmesg
	expect_ok jailhouse cell load "$1" $demos/ivshmem-demo.bin \
		-s "con-type=jailhouse $2" -a 0x1000
	expect_ok jailhouse cell start "$1"
}

# count TEXT: lines of the hypervisor console matching TEXT.
count() {
	jailhouse console | grep -c "$1"
}

# ivshmem_root_up: the root's end: BAR0, memory decoding, a greeting in
# the read/write section, state 1.
ivshmem_root_up() {
	devmem $((ecam + 0x10)) 32 $bar0
	devmem $((ecam + 0x04)) 16 0x0002
	check_eq "the root is peer 0 of 3" "0 3" \
		"$(rd $bar0) $(rd $((bar0 + 4)))"
	put_string $rw "hello from the root cell"
	devmem $((bar0 + 0x10)) 32 1
	check_eq "the root's state in the state table" "1" "$(state_of 0)"
}

# ivshmem_cells ROOT_CFG: the link between the root and two ivshmem-demo
# cells ($IVSHMEM_CELLS names their configs): root <-> cell ping-pong
# with the data checked on both sides; three peers each writing its own
# output section and reading the others' (cell 2 pings cell 1 by
# doorbell, the root pings both); destroying a cell leaves its state 0
# and interrupts the other cell; a cell writing the root's output
# section is stopped while the root and the other cell go on.
ivshmem_cells() {
	local pool=/sys/devices/jailhouse/mem_pool_used mem0

	lsmod | grep -q '^jailhouse ' || insmod "$JAILHOUSE_KO"
	expect_ok jailhouse enable "$1" || { dump_dmesg; return 0; }
	mem0=$(cat $pool)

	ivshmem_root_up

	start_demo ivshmem-demo "answer-all"
	console_has "cell 1 found its device on the virtual ECAM" \
		"IVSHMEM 1: 00:00.0, peer 1 of 3, state table 0x1000, r/w $(
		)0x1000, output sections 0x1000, at 0x7ff00000, irq 144"
	console_has "cell 1 reads the root's greeting" \
		'IVSHMEM 1: r/w section says "hello from the root cell"'
	wait_state 1 1

	# Cell 2 pings cell 1 three times by doorbell (cell 1 answers every
	# peer), then says it is done with state 2.
	start_demo ivshmem-demo-2 "ping-peer=1 count=3"
	console_has "cell 2 found its device" "IVSHMEM 2: 00:00.0, peer 2 of 3"
	console_has "cell 1 heard of cell 2 getting ready" \
		"IVSHMEM 1: peer states: 0:1 1:1 2:1"
	console_has "cell 2: 3 round trips with cell 1" \
		"IVSHMEM 2: 3 round trips with peer 1"
	check_eq "cell 1 checked the 3 pings of cell 2" "3" \
		"$(count 'IVSHMEM 1: ping [0-9]* from peer 2, data ok')"
	wait_state 2 2

	pings 1 1 3
	pings 2 1 3
	check_eq "no corrupt data" "0" "$(count CORRUPT)"

	# Destroy: the cell's state goes to 0 and the other cell hears of it.
	expect_ok jailhouse cell destroy ivshmem-demo-2
	wait_state 2 0
	console_has "the destroy interrupted cell 1, which sees state 0" \
		"IVSHMEM 1: peer states: 0:1 1:1 2:0"
	pings 1 4 2
	expect_ok jailhouse cell destroy ivshmem-demo
	wait_state 1 0
	check_eq "mem pool usage back after destroy" "$mem0" "$(cat $pool)"

	# A peer writing another's output section is stopped like any
	# forbidden access; the root and cell 2 go on.
	start_demo ivshmem-demo-2
	wait_state 2 1
	start_demo ivshmem-demo "bad-write"
	wait_state 1 1
	check_eq "cell 1 answers once before its bad write" ok \
		"$(root_ping 1 100)"
	wait_cell_state ivshmem-demo failed 20
	check_eq "the cell writing the root's output section failed" "failed" \
		"$(cell_state ivshmem-demo)"
	console_has "the write was named on the console" \
		'cell "ivshmem-demo": refused MMIO write at 0x7ff02000'
	check_eq "the write did not go through" "0" \
		"$(count 'the write went through')"
	check_eq "the root's output section keeps its ping" "100" \
		"$(rd "$(out_of 0)")"
	pings 2 200 2
	expect_ok jailhouse cell destroy ivshmem-demo
	expect_ok jailhouse cell destroy ivshmem-demo-2
	check_eq "mem pool usage back after the failed cell" "$mem0" \
		"$(cat $pool)"
	check_eq "no corrupt data in the whole run" "0" "$(count CORRUPT)"
	devmem $((ecam + 0x04)) 16 0x0000
	expect_ok jailhouse disable || dump_dmesg
}
