#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# The root cell touches guest-physical memory its config does not give it
# (a hole in the PCI window; natively the read just returns a value). The
# hypervisor must stop that CPU and report CPU, exit reason, guest RIP,
# the faulting address and the registers on its console.
# stockade-not-xapic: nothing in it depends on the root's APIC mode; check-x86-ir runs it (make check's time budget)

. /scenarios/lib.sh

addr=0xd0000000

lsmod | grep -q '^jailhouse ' || insmod "$JAILHOUSE_KO"
if ! busybox devmem "$addr" 32 >/dev/null 2>&1; then
	fail "natively, $addr is readable" "devmem failed"
	exit 0
fi
pass "natively, $addr is readable"
expect_ok jailhouse enable "$X86_ROOT_CELL" || exit 0
expect_stop "exitinfo2 $addr"
busybox devmem "$addr" 32
fail "the access to $addr was stopped" "devmem returned"
