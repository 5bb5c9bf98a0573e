#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# KVM holds EL2: the default kvm-arm.mode=none is overridden (the last
# kvm-arm.mode on the command line counts), so KVM initializes in nVHE
# mode on the Cortex-A57, which has no VHE. Enable must be refused before
# anything is reserved or mapped, with the cause and the kernel parameter
# that helps in the kernel log, the same way a second time and after the
# module was reloaded. Linux keeps all CPUs, computes right on each, and
# still takes CPU 3 offline and online through KVM's EL2 code.
# stockade-append: kvm-arm.mode=nvhe

# shellcheck source=tests/scenarios/lib.sh
. /scenarios/lib.sh

cli_text="jailhouse enable: KVM is using EL2 (boot Linux with kvm-arm.mode=none)."
log_text="KVM holds EL2; boot the kernel with kvm-arm.mode=none"

# The setup this scenario is about; without it the rest means nothing.
boot_log=$(dmesg)
check_contains "KVM initialized in nVHE mode" "$boot_log" \
	"]: Hyp mode initialized successfully"
check_file "KVM offers /dev/kvm" /dev/kvm
case "$boot_log" in
*"detected: Virtualization Host Extensions"*)
	fail "the kernel runs in EL1" "it detected VHE" ;;
*)
	pass "the kernel runs in EL1" ;;
esac

# `jailhouse hardware check` must see the same obstacle.
rc=0
out=$(jailhouse hardware check 2>&1) || rc=$?
if [ "$rc" -ne 0 ]; then
	pass "hardware check fails"
else
	fail "hardware check fails" "it passed"
fi
check_contains "hardware check names KVM" \
	"$(printf '%s\n' "$out" | grep 'EL2 / HYP mode')" \
	"MISSING  KVM is using EL2 (boot Linux with kvm-arm.mode=none)"

el2_refusals "KVM holds EL2" "$cli_text" "$log_text"
