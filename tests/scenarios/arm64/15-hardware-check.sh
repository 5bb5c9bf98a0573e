#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# `jailhouse hardware check` on the real arm64 test machine (EL2 left free
# by kvm-arm.mode=none): it can run the hypervisor, so the check must
# report nothing that blocks.

. /scenarios/lib.sh

out=$(jailhouse hardware check 2>&1)
rc=$?
check_eq "hardware check passes on a machine that can enable" "0" "$rc"
check_contains "verdict sentence" "$out" \
	"Nothing found that would keep 'jailhouse enable' from working."
check_contains "EL2 found free" "$(echo "$out" | grep 'EL2 / HYP mode')" \
	"ok       Linux started in EL2 and runs in EL1, KVM is off"
check_contains "GIC found" "$(echo "$out" | grep 'GIC ')" "ok"
check_contains "PSCI found" "$(echo "$out" | grep 'PSCI')" "ok"
