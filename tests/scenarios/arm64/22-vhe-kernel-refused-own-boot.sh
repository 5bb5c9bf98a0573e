#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# A kernel that owns EL2 itself (VHE): on a Cortex-A76, which has VHE,
# Debian's kernel stays in EL2 although kvm-arm.mode=none keeps KVM off.
# Enable must be refused before anything is reserved or mapped, with the
# cause and the kernel parameters that help in the kernel log (23-* boots
# with them), the same way a second time and after the module was
# reloaded. Linux keeps all CPUs, computes right on each, and still takes
# CPU 3 offline and online.
# stockade-qemu: -cpu cortex-a76

# shellcheck source=tests/scenarios/lib.sh
. /scenarios/lib.sh

cli_text="the CPU's virtualization is in use (KVM, or a VHE kernel on ARM)"
log_text="the kernel runs in EL2 (VHE); boot it with id_aa64mmfr1.vh=0 kvm-arm.mode=none"

# The setup this scenario is about; without it the rest means nothing.
boot_log=$(dmesg)
check_contains "the kernel runs in EL2 (VHE)" "$boot_log" \
	"CPU features: detected: Virtualization Host Extensions"
check_contains "KVM is off" "$boot_log" "KVM disabled from command line"
check_eq "no /dev/kvm" "" "$(ls /dev/kvm 2>/dev/null)"

el2_refusals "VHE kernel" "$cli_text" "$log_text"
