/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Error numbers the hypervisor returns. The values are Linux's, because the
 * driver passes hypercall results straight to user space.
 */
#ifndef _CORE_ERRNO_H
#define _CORE_ERRNO_H

#define EPERM		1
#define ENOENT		2
#define EIO		5
#define E2BIG		7
#define ENOMEM		12
#define EACCES		13
#define EFAULT		14
#define EBUSY		16
#define EEXIST		17
#define ENODEV		19
#define EINVAL		22
#define ENOSPC		28
#define ERANGE		34
#define ENOSYS		38
#define ETIMEDOUT	110

#endif /* _CORE_ERRNO_H */
