/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Ticket spinlocks on compiler atomics: fair between CPUs and free of arch
 * code, since every target's compiler inlines 32-bit atomics.
 */
#ifndef _CORE_SPINLOCK_H
#define _CORE_SPINLOCK_H

#include <core/types.h>

typedef struct {
	u32 next;
	u32 owner;
} spinlock_t;

#define DEFINE_SPINLOCK(name)	spinlock_t name = { 0, 0 }

static inline void spin_lock(spinlock_t *lock)
{
	u32 ticket = __atomic_fetch_add(&lock->next, 1, __ATOMIC_RELAXED);

	while (__atomic_load_n(&lock->owner, __ATOMIC_ACQUIRE) != ticket)
		;
}

/* Take the lock only if nobody holds or waits for it. */
static inline bool spin_trylock(spinlock_t *lock)
{
	u32 owner = __atomic_load_n(&lock->owner, __ATOMIC_RELAXED);

	return __atomic_compare_exchange_n(&lock->next, &owner, owner + 1,
					   false, __ATOMIC_ACQUIRE,
					   __ATOMIC_RELAXED);
}

static inline void spin_unlock(spinlock_t *lock)
{
	__atomic_store_n(&lock->owner, lock->owner + 1, __ATOMIC_RELEASE);
}

#endif /* _CORE_SPINLOCK_H */
