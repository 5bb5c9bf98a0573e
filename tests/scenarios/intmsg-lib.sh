# SPDX-License-Identifier: GPL-2.0
#
# A cell's device writes interrupt messages of its own making (pci-demo
# "intmsg=0": fixed, lowest-priority broadcast, SMI, NMI, ExtINT toward
# root CPU 0), for the x86 IOMMU scenarios (49-vtd-*, 49-amdvi-*). Such a
# write is no DMA the IOMMU translates: only interrupt remapping can stop
# it, and QEMU 10.0 lets all of them through, also under VT-d remapping
# (Documentation/x86-interrupt-messages.md).

# loc_ticks CPU: local timer interrupts of CPU so far.
loc_ticks() {
	awk -v cpu="$1" '$1 == "LOC:" { print $(cpu + 2); exit }' \
		/proc/interrupts
}

# intmsg_checks passed|blocked: after pci-demo's messages, the hypervisor
# is alive and root CPU 0 ticks on; with "passed" the SMI was taken
# outside the guest (the hypervisor's line). The NMI is not judged: the
# hypervisor gives an NMI no kick of its own explains to the guest, but
# kicks are counted loosely (one whose work was done while the CPU waited
# in the hypervisor stays counted), so that the next foreign NMI may go.
intmsg_checks() {
	local before

	# Right away: a cell beside may fill the console fast.
	[ "$1" != passed ] ||
		console_has "the SMI at root CPU 0 was taken outside the guest" \
			'CPU 0 (cell "[^"]*"): SMI taken in the hypervisor' 60
	console_has "edu wrote its interrupt messages" \
		"pci-demo: interrupt messages done" 60
	case "$(jailhouse console)" in
	*FATAL*) fail "the hypervisor survives the messages" \
		"$(jailhouse console | grep -m 1 FATAL)" ;;
	*) pass "the hypervisor survives the messages" ;;
	esac
	before=$(loc_ticks 0)
	sleep 1
	if [ "$(loc_ticks 0)" -gt "$before" ]; then
		pass "root CPU 0 keeps ticking after the messages"
	else
		fail "root CPU 0 keeps ticking after the messages" \
			"LOC stayed at $before"
	fi
}
