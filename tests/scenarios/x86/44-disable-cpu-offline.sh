#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Disable while Linux has a CPU of the root cell offline (AMD SVM); the
# steps and what they check are in x86-lib.sh, shared with Intel's 44.

. /scenarios/lib.sh
. /scenarios/x86-lib.sh

disable_with_cpu_offline "$X86_ROOT_CELL" 2
