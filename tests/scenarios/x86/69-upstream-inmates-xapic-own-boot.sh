#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Opt-in: inmates built from upstream Jailhouse's tree run unchanged in
# our cells on a CPU without x2APIC (their x2APIC MSRs emulated over the
# xAPIC). See tests/scenarios/upstream-lib.sh.
# stockade-needs: UPSTREAM_INMATES
# stockade-not-x2apic-ir: about a CPU without x2APIC
# stockade-timeout: 600

. /scenarios/lib.sh
. /scenarios/upstream-lib.sh

case "$(cpu_flags 0)" in
*x2apic*) fail "the CPU model has no x2APIC" "it has" ;;
*) pass "the CPU model has no x2APIC" ;;
esac
upstream_inmates_scenario
