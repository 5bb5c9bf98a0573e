# SPDX-License-Identifier: GPL-2.0
#
# QEMU's edu DMA engine at 00:05.0 from the root cell, for the x86 IOMMU
# scenarios (49-vtd-*, 49-amdvi-*). The caller sets bar (edu's BAR0) and
# edu_cfg (its config space file in sysfs).

mem() {
	busybox devmem "$@"
}

# edu_copy SRC DST CMD: 16 bytes (CMD 1: RAM to edu, 3: edu to RAM).
edu_copy() {
	local n=0

	mem $((bar + 0x80)) 32 "$1"
	mem $((bar + 0x88)) 32 "$2"
	mem $((bar + 0x90)) 32 16
	mem $((bar + 0x98)) 32 "$3"
	while [ $(( $(mem $((bar + 0x98)) 32) & 1 )) -ne 0 ]; do
		n=$((n + 1))
		[ "$n" -lt 100 ] || return 1
		sleep 0.1
	done
}

# Memory decoding and bus mastering on, as a driver would.
bus_master_on() {
	local cmd

	cmd=$(od -A n -t u2 -j 4 -N 2 "$edu_cfg")
	printf "\\$(printf %03o $(( (cmd | 6) & 255 )))" |
		dd of="$edu_cfg" bs=1 seek=4 conv=notrunc 2>/dev/null
}
