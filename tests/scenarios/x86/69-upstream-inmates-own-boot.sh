#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Opt-in: inmates built from upstream Jailhouse's tree run unchanged in
# our cells on a CPU with x2APIC (their APIC native x2APIC). See
# tests/scenarios/upstream-lib.sh; run with
# UPSTREAM_INMATES=/path/to/bins SCENARIOS="69-*" make check-x86.
# stockade-needs: UPSTREAM_INMATES
# stockade-qemu: -cpu qemu64,+svm,+npt,+x2apic
# stockade-timeout: 600

. /scenarios/lib.sh
. /scenarios/upstream-lib.sh

check_contains "the CPU model has x2APIC" "$(cpu_flags 0)" "x2apic"
upstream_inmates_scenario
