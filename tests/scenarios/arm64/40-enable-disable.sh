#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# The hypervisor takes EL2 on all CPUs of the running Linux and gives it
# back, twice (enable_disable_rounds in arm-lib.sh says what is checked);
# after each disable, CPU 3 also cycles natively. QEMU_GIC=2 boots the
# same machine with a GICv2.
# stockade-timeout: 300

. /scenarios/lib.sh
. /scenarios/arm-lib.sh

enable_disable_rounds "$ARM64_ROOT_CELL" native-cycle
