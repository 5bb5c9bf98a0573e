/* SPDX-License-Identifier: GPL-2.0 OR BSD-2-Clause */
/*
 * The ARMv7 build is freestanding and soft-float without a C library
 * (Debian's armhf headers assume the VFP calling convention): the FreeRTOS
 * kernel includes <stdlib.h> for NULL and size_t only.
 */
#ifndef _FREERTOS_ARM_STDLIB_H
#define _FREERTOS_ARM_STDLIB_H

#include <stddef.h>

#endif
