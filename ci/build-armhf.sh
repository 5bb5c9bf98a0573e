#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Cross-build what armv7 (armhf) users need from us, the module and the
# command line tool, against Debian's armmp-lpae headers (make
# check-armhf-build), and the ARMv7 hypervisor image: every file of
# hypervisor/arch/arm-common must compile against the ARMv7 side of
# <arm-common/subarch.h> and link into jailhouse.bin.
set -eu -o pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
"$top/ci/deps.sh"
"$top/ci/kernel.sh" armhf >/dev/null
# A file left out of arch/arm/build.mk would go unnoticed otherwise; old
# objects must not stand in for it.
objdir=$top/build/arm/src/hypervisor/obj-arm/arch/arm-common
rm -rf "$objdir"
"$top/ci/build-tree.sh" arm tools modules hypervisor

missing=0
count=0
for src in "$top"/hypervisor/arch/arm-common/*.c; do
	count=$((count + 1))
	obj=$objdir/$(basename "${src%.c}").o
	if [ ! -f "$obj" ]; then
		echo "armhf build: $(basename "$src") not compiled for ARMv7 (add it to hypervisor/arch/arm/build.mk)" >&2
		missing=1
	fi
done
[ "$missing" = 0 ] || exit 1
if [ ! -s "$top/build/arm/src/hypervisor/jailhouse.bin" ]; then
	echo "armhf build: no ARMv7 jailhouse.bin linked" >&2
	exit 1
fi
echo "armhf build: OK ($count arm-common files compiled for ARMv7)"
