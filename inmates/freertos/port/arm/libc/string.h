/* SPDX-License-Identifier: GPL-2.0 OR BSD-2-Clause */
/*
 * String functions for the FreeRTOS kernel on ARMv7 (see stdlib.h here):
 * the inmate library's (inmates/lib/string.c).
 */
#ifndef _FREERTOS_ARM_STRING_H
#define _FREERTOS_ARM_STRING_H

#include <stddef.h>

void *memset(void *s, int c, size_t n);
void *memcpy(void *dst, const void *src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);
int strcmp(const char *a, const char *b);
int strncmp(const char *a, const char *b, size_t n);

#endif
