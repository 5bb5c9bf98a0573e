#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# `jailhouse hardware check` on the real test machine, before any enable:
# the machine can run the hypervisor (later scenarios enable it), so the
# check must find SVM and nested paging and report nothing that blocks.

. /scenarios/lib.sh

out=$(jailhouse hardware check 2>&1)
rc=$?
check_eq "hardware check passes on a machine that can enable" "0" "$rc"
if [ "$(virt_flag)" = vmx ]; then
	check_contains "VMX found" "$(echo "$out" | grep 'VMX (VT-x)')" "ok"
	check_contains "nested paging found" \
		"$(echo "$out" | grep 'EPT')" "ok"
else
	check_contains "SVM found" "$(echo "$out" | grep 'SVM (AMD-V)')" "ok"
	check_contains "nested paging found" \
		"$(echo "$out" | grep 'nested paging (NPT)')" "ok"
fi
check_contains "verdict sentence" "$out" \
	"Nothing found that would keep 'jailhouse enable' from working."
