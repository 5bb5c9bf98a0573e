#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# An ARMv7 non-root cell through its whole life, on QEMU virt and the
# emulated Banana Pi: gic-demo (its ARMv7 build) next to the running root
# Linux, from create to destroy (cell_lifecycle in arm-lib.sh says what
# is checked).
# stockade-timeout: 300

. /scenarios/lib.sh
. /scenarios/arm-lib.sh

cell_lifecycle "$ARM_ROOT_CELL" "${ARM_CELLS}gic-demo.cell" \
	"GICv2: distributor $ARM_GICD"
