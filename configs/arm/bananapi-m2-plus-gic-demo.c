// SPDX-License-Identifier: GPL-2.0
/*
 * Cell config for the gic-demo inmate on the BPI-M2+ (H3) as QEMU's
 * orangepi-pc runs it (configs/arm/bananapi-m2-plus.c): the BPI-M2
 * Ultra's cell, unchanged. Both SoCs have UART0 at 0x01c28000, the same
 * four Cortex-A7 CPUs and GIC-400, and both root configs give cells the
 * RAM from 0x70600000.
 */

#include "bananapi-m2-ultra-gic-demo.c"
