#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Intel VT-x (Bochs): disable while Linux has root CPU 2 offline, in VMX
# non-root mode; the steps and what they check are in x86-lib.sh, shared
# with AMD's 44.
# stockade-timeout: 600

. /scenarios/lib.sh
. /scenarios/x86-lib.sh

disable_with_cpu_offline /etc/jailhouse/bochs-x86.cell 2
