#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# An arm64 non-root cell through its whole life: gic-demo next to the
# running root Linux, from create to destroy (cell_lifecycle in arm-lib.sh
# says what is checked). It runs on the GICv3 and the GICv2 machine alike.
# stockade-timeout: 300

. /scenarios/lib.sh
. /scenarios/arm-lib.sh

cell_lifecycle "$ARM64_ROOT_CELL" /etc/jailhouse/gic-demo.cell \
	"$ARM64_GIC: distributor 0x8000000"
