#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# ARMv7: the hypervisor takes HYP mode on all CPUs of the running Linux
# (through the stock kernel's hyp stub) and gives it back, twice
# (enable_disable_rounds in arm-lib.sh says what is checked).
#
# A CPU that the hypervisor switched on for Linux starts in SVC mode, not
# HYP: Linux records the mismatch, and from then on a CPU that Linux
# switches on natively no longer gets the hyp stub (__boot_cpu_mode is
# marked inconsistent). Such a CPU cannot be taken over again, so the
# native cycle comes last, in 80-native-hotplug.sh.
# stockade-timeout: 300

. /scenarios/lib.sh
. /scenarios/arm-lib.sh

# The hypervisor's own debug console (PL011 on virt, the Allwinner
# DW-8250 UART0 on bpim2u, 32-bit registers 4 bytes apart): its banner
# and activation reach the serial line Linux prints on, not only the
# ring that `jailhouse console` reads.
expect_serial "Initializing Jailhouse hypervisor"
expect_serial "Activating hypervisor"
enable_disable_rounds "$ARM_ROOT_CELL"
