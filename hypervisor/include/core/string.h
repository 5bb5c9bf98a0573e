/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Memory and string helpers. The hypervisor image gets them from
 * hypervisor/string.c; host tests use the C library's, whose prototypes
 * these match.
 */
#ifndef _CORE_STRING_H
#define _CORE_STRING_H

#include <core/types.h>

void *memset(void *dst, int c, size_t n);
void *memcpy(void *dst, const void *src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);
int strncmp(const char *a, const char *b, size_t n);

#endif /* _CORE_STRING_H */
