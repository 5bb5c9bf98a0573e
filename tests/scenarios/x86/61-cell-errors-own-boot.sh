#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Cell requests that must fail with one clear sentence and change
# nothing (AMD SVM); the steps are cell_errors in x86-lib.sh, shared with
# Intel's 64.

. /scenarios/lib.sh
. /scenarios/x86-lib.sh

cell_errors "$X86_ROOT_CELL" /etc/jailhouse/tiny-demo.cell '\010'
