# SPDX-License-Identifier: GPL-2.0
#
# ivshmem-net against the bare-metal echo cell (inmate ivshmem-net-echo,
# cell config ivshmem-net-echo.cell), for every machine that has both:
# x86 66-ivshmem, the ARM 71-ivshmem-root-intx. The caller has loaded
# ivshmem-net.ko and has the root's interface IFC up with 10.16.0.1/24;
# the echo cell answers ARP and ping as 10.16.0.2.

# ivnet_wait_carrier IFC WHAT 0|1: the interface's carrier within 20 s.
ivnet_wait_carrier() {
	local tries=200

	while [ "$(cat /sys/class/net/"$1"/carrier 2>/dev/null)" != "$3" ] &&
		[ $tries -gt 0 ]; do
		sleep 0.1
		tries=$((tries - 1))
	done
	check_eq "$2" "$3" "$(cat /sys/class/net/"$1"/carrier 2>/dev/null)"
}

# ivnet_start_echo [ARGS]: create, load and start the echo cell.
ivnet_start_echo() {
	expect_ok jailhouse cell create /etc/jailhouse/ivshmem-net-echo.cell ||
		dump_dmesg
	expect_ok jailhouse cell load ivshmem-net-echo \
		/usr/libexec/jailhouse/demos/ivshmem-net-echo.bin \
		-s "con-type=jailhouse $1" -a 0x1000
	expect_ok jailhouse cell start ivshmem-net-echo
}

# ivnet_pings N: N round trips to the echo cell, each request as soon as
# the last reply is in (-A): no second-long gaps.
ivnet_pings() {
	expect_ok ping -A -c "$1" -w 30 10.16.0.2
	check_contains "$1 pings answered by the echo cell" "$OUTPUT" \
		"$1 packets received"
}

# ivnet_echo IFC ROOT_OUTPUT: the carrier follows the echo cell (start,
# destroy, create again), pings go through; an echo cell that writes the
# root's output section (at physical ROOT_OUTPUT) fails there.
ivnet_echo() {
	local ifc=$1

	ivnet_wait_carrier "$ifc" "no carrier while the peer is missing" 0
	ivnet_start_echo
	console_has "the echo cell found its device" "IVNET: 00:.* peer 1"
	ivnet_wait_carrier "$ifc" "carrier once the echo cell runs" 1
	ivnet_pings 5
	console_has "the echo cell saw the link up" "IVNET: link up"
	expect_ok jailhouse cell destroy ivshmem-net-echo
	ivnet_wait_carrier "$ifc" "destroying the echo cell takes the link down" 0
	ivnet_start_echo
	ivnet_wait_carrier "$ifc" "creating it again brings the link back" 1
	ivnet_pings 3
	expect_ok jailhouse cell destroy ivshmem-net-echo
	ivnet_wait_carrier "$ifc" "down again after the second destroy" 0

	ivnet_start_echo "bad-write"
	wait_cell_state ivshmem-net-echo failed 20
	check_eq "the echo cell writing the root's output section failed" \
		"failed" "$(cell_state ivshmem-net-echo)"
	console_has "that write was named on the console" "write at $2"
	check_eq "that write did not go through" "0" \
		"$(jailhouse console | grep -c 'IVNET: FAILED: the write went through')"
	expect_ok jailhouse cell destroy ivshmem-net-echo
}
