#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Opt-in: gic-demo and uart-demo built from upstream Jailhouse's tree
# (inmates/demos/arm, never part of this repository) run unchanged in
# our ARMv7 cells with our configs (virt and the Banana Pis): the GIC and timer
# come up from what our comm region tells them, timer interrupts arrive,
# their lines reach the hypervisor console through the virtual console,
# and the cells are destroyed with the pool as before. Run with
# UPSTREAM_INMATES=/path/to/upstream/inmates/demos/arm \
#   SCENARIOS="71-*" make check-arm (or check-arm-bananapi).
# stockade-needs: UPSTREAM_INMATES
# stockade-timeout: 300

. /scenarios/lib.sh
. /scenarios/upstream-lib.sh

upstream_arm_scenario "$ARM_ROOT_CELL" "$ARM_CELLS"
