#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Intel VT-x (Bochs): cell requests that must fail with one clear
# sentence and change nothing; the steps are cell_errors in x86-lib.sh,
# shared with AMD's 61.
# stockade-timeout: 600

. /scenarios/lib.sh
. /scenarios/x86-lib.sh

cell_errors /etc/jailhouse/bochs-x86.cell /etc/jailhouse/bochs-tiny-demo.cell '\004'
