#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# A kernel that owns EL2 itself (VHE): on a Cortex-A76, which has VHE,
# Debian's kernel stays in EL2 although kvm-arm.mode=none keeps KVM off.
# `jailhouse hardware check` names it with the kernel parameters that
# help (23-* boots with them), also after the kernel log lost its boot
# messages. Enable must be refused before anything is reserved or mapped,
# with the cause and the same advice from the tool and in the kernel log,
# the same way a second time and after the module was reloaded. Linux
# keeps all CPUs, computes right on each, and still takes CPU 3 offline
# and online.
# stockade-qemu: -cpu cortex-a76

# shellcheck source=tests/scenarios/lib.sh
. /scenarios/lib.sh

advice="the kernel itself runs in EL2 (VHE), where the hypervisor must run; boot it with id_aa64mmfr1.vh=0 kvm-arm.mode=none"
cli_text="jailhouse enable: $advice."
log_text="the kernel runs in EL2 (VHE); boot it with id_aa64mmfr1.vh=0 kvm-arm.mode=none"

# The setup this scenario is about; without it the rest means nothing.
boot_log=$(dmesg)
check_contains "the kernel runs in EL2 (VHE)" "$boot_log" \
	"CPU features: detected: Virtualization Host Extensions"
check_contains "KVM is off" "$boot_log" "KVM disabled from command line"
check_eq "no /dev/kvm" "" "$(ls /dev/kvm 2>/dev/null)"

# `jailhouse hardware check` must see the same obstacle with the same
# advice, also once the kernel log has lost its boot messages, as it does
# on a system that runs long: it judges by the timer interrupt, and a VHE
# kernel takes the EL2 timer's interrupt (PPI 10, ID 26 here).
hardware_check_vhe() {
	rc=0
	out=$(jailhouse hardware check 2>&1) || rc=$?
	check_eq "$1: hardware check fails" "1" "$rc"
	check_contains "$1: hardware check names VHE" \
		"$(printf '%s\n' "$out" | grep 'EL2 / HYP mode')" \
		"MISSING  $advice"
	check_contains "$1: hardware check verdict" "$out" \
		"jailhouse hardware check: enable cannot work: $advice."
}
check_contains "the kernel's timer is the EL2 timer" \
	"$(grep ' arch_timer$' /proc/interrupts)" " 26 Level "
hardware_check_vhe "whole kernel log"
# Debug records reach the log but not the console.
n=0
while [ $n -lt 40 ] && dmesg | grep -q "Virtualization Host Extensions"; do
	i=0
	while [ $i -lt 500 ]; do
		echo "<7>stockade: record $n.$i, overwriting the boot messages" \
			>/dev/kmsg
		i=$((i + 1))
	done
	n=$((n + 1))
done
check_eq "the kernel log lost its boot messages" "" \
	"$(dmesg | grep -e 'Virtualization Host Extensions' -e 'Booting Linux')"
hardware_check_vhe "boot messages gone"

el2_refusals "VHE kernel" "$cli_text" "$log_text"
