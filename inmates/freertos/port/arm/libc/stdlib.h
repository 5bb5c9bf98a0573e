/* SPDX-License-Identifier: GPL-2.0 OR BSD-2-Clause */
/*
 * The ARMv7 inmate library builds without C library headers (Debian's
 * armhf headers assume a program that uses VFP, see inmates/lib/arm/lib.mk):
 * the FreeRTOS kernel includes <stdlib.h> for NULL and size_t only.
 */
#ifndef _FREERTOS_ARM_STDLIB_H
#define _FREERTOS_ARM_STDLIB_H

#include <stddef.h>

#endif
