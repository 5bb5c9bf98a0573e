#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# A non-root Linux: Debian's arm64 kernel (the root's own Image) boots in
# the linux-demo cell (linux-cell-lib.sh says what is checked), on the
# GICv3 and the GICv2 machine, each with its device tree. /init runs
# after about 6 s under TCG.
# stockade-timeout: 420
# stockade-linux-cell: yes

. /scenarios/lib.sh
. /scenarios/linux-cell-lib.sh

dtb=/etc/jailhouse/dts/qemu-arm64-linux-demo.dtb
[ "$ARM64_GIC" = GICv3 ] ||
	dtb=/etc/jailhouse/dts/qemu-arm64-gicv2-linux-demo.dtb
linux_cell "$ARM64_ROOT_CELL" /etc/jailhouse/qemu-arm64-linux-demo.cell \
	/boot/linux-cell/Image "$dtb" \
	"earlycon=pl011,mmio32,0x09000000 keep_bootcon quiet rdinit=/init"
