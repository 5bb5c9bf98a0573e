#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# `jailhouse hardware check` on the ARMv7 test machines (QEMU virt and
# the emulated Banana Pis, all started in HYP mode by the stock kernel):
# they can run the hypervisor, so the check must report nothing that
# blocks, and name what it found: HYP mode left free below an SVC-mode
# kernel, LPAE (which the virtualization extensions come with), the GIC
# and its virtualization interface, PSCI.

. /scenarios/lib.sh

out=$(jailhouse hardware check 2>&1)
rc=$?
check_eq "hardware check passes on a machine that can enable" "0" "$rc"
check_contains "verdict sentence" "$out" \
	"Nothing found that would keep 'jailhouse enable' from working."
check_contains "HYP mode found free" "$(echo "$out" | grep 'EL2 / HYP mode')" \
	"ok       Linux started in HYP mode and runs in SVC mode, KVM is off"
check_contains "LPAE found" "$(echo "$out" | grep 'LPAE')" "ok"
check_contains "GIC found" "$(echo "$out" | grep 'GIC  ')" "ok"
check_contains "GIC virtualization found" \
	"$(echo "$out" | grep 'GIC virtualization')" "ok"
check_contains "PSCI found" "$(echo "$out" | grep 'PSCI')" "ok"
