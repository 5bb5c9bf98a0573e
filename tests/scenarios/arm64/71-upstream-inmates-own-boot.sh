#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Opt-in: gic-demo and uart-demo built from upstream Jailhouse's tree
# (inmates/demos/arm64, never part of this repository) run unchanged in
# our arm64 cells with our configs, on GICv3 and GICv2: the GIC and timer
# come up from what our comm region tells them, timer interrupts arrive,
# their lines reach the hypervisor console through the virtual console,
# and the cells are destroyed with the pool as before. Run with
# UPSTREAM_INMATES=/path/to/upstream/inmates/demos/arm64 \
#   SCENARIOS="71-*" make check-arm64 (or check-arm64-gicv2).
# stockade-needs: UPSTREAM_INMATES
# stockade-timeout: 300

. /scenarios/lib.sh
. /scenarios/upstream-lib.sh

upstream_arm_scenario "$ARM64_ROOT_CELL" /etc/jailhouse/
