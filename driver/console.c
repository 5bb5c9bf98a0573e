// SPDX-License-Identifier: GPL-2.0
/*
 * Stockade driver: read() on /dev/jailhouse streams the hypervisor's
 * virtual console ring (struct jailhouse_virt_console at
 * header.console_page).
 *
 * Each open file starts at the oldest byte still in the ring and then
 * follows it; bytes overwritten before a slow reader got them are skipped.
 * The ring raises no interrupt, so a blocking reader polls it. While the
 * hypervisor is disabled, or once it gets disabled, read() returns 0
 * (end of file) so that `cat /dev/jailhouse` ends with it.
 */
#include <linux/compiler.h>
#include <linux/fs.h>
#include <linux/jiffies.h>
#include <linux/minmax.h>
#include <linux/mutex.h>
#include <linux/sched/signal.h>
#include <linux/slab.h>
#include <linux/uaccess.h>

#include "driver.h"

#define RING_SIZE		JAILHOUSE_VIRT_CONSOLE_SIZE
#define POLL_INTERVAL		msecs_to_jiffies(50)
/* Copies torn by a busy writer are retried this often before sleeping. */
#define FETCH_TRIES		16

struct console_reader {
	struct mutex lock;
	unsigned int generation;
	u32 pos;		/* ring position (tail value) read up to */
};

/*
 * Copies bytes from ring position *pos on, at most @size, and advances
 * *pos. Returns the number of bytes, 0 when there are none or the writer
 * kept interfering. Caller holds jailhouse_hv_sem with the ring mapped.
 */
static size_t ring_fetch(const struct jailhouse_virt_console *con, u32 *pos,
			 char *buf, size_t size)
{
	u32 tail, start, n, i;
	int tries;

	for (tries = 0; tries < FETCH_TRIES; tries++) {
		if (READ_ONCE(con->busy)) {
			cpu_relax();
			continue;
		}
		smp_rmb();
		tail = READ_ONCE(con->tail);
		start = *pos;
		/* Overwritten already (or a new ring): take what is left. */
		if (tail - start > RING_SIZE)
			start = tail - min_t(u32, tail, RING_SIZE);
		n = min_t(size_t, tail - start, size);
		if (!n)
			return 0;
		for (i = 0; i < n; i++)
			buf[i] = READ_ONCE(con->content[(start + i) %
							RING_SIZE]);
		smp_rmb();
		/* Valid unless the writer has since wrapped over our bytes. */
		if (READ_ONCE(con->busy) ||
		    READ_ONCE(con->tail) - start > RING_SIZE)
			continue;
		*pos = start + n;
		return n;
	}
	return 0;
}

int jailhouse_console_open(struct inode *inode, struct file *file)
{
	struct console_reader *reader;

	reader = kzalloc(sizeof(*reader), GFP_KERNEL);
	if (!reader)
		return -ENOMEM;
	mutex_init(&reader->lock);
	file->private_data = reader;
	return stream_open(inode, file);
}

int jailhouse_console_release(struct inode *inode, struct file *file)
{
	kfree(file->private_data);
	return 0;
}

ssize_t jailhouse_console_read(struct file *file, char __user *ubuf,
			       size_t count, loff_t *ppos)
{
	struct console_reader *reader = file->private_data;
	ssize_t ret;
	size_t n;
	char *buf;

	if (!count)
		return 0;
	count = min_t(size_t, count, RING_SIZE);
	buf = kmalloc(count, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	ret = mutex_lock_interruptible(&reader->lock);
	if (ret)
		goto out_free;

	for (;;) {
		down_read(&jailhouse_hv_sem);
		if (!jailhouse_enabled) {
			up_read(&jailhouse_hv_sem);
			ret = 0;
			goto out_unlock;
		}
		if (reader->generation != jailhouse_generation) {
			reader->generation = jailhouse_generation;
			reader->pos = 0;
		}
		n = ring_fetch(jailhouse_hv_console, &reader->pos, buf, count);
		up_read(&jailhouse_hv_sem);
		if (n)
			break;

		if (file->f_flags & O_NONBLOCK) {
			ret = -EAGAIN;
			goto out_unlock;
		}
		schedule_timeout_interruptible(POLL_INTERVAL);
		if (signal_pending(current)) {
			ret = -ERESTARTSYS;
			goto out_unlock;
		}
	}
	ret = copy_to_user(ubuf, buf, n) ? -EFAULT : n;

out_unlock:
	mutex_unlock(&reader->lock);
out_free:
	kfree(buf);
	return ret;
}

/* The ring's current content for sysfs; empty while disabled. */
size_t jailhouse_console_snapshot(char *buf, size_t size)
{
	size_t n = 0;
	u32 pos = 0;

	down_read(&jailhouse_hv_sem);
	if (jailhouse_enabled)
		n = ring_fetch(jailhouse_hv_console, &pos, buf,
			       min_t(size_t, size, RING_SIZE));
	up_read(&jailhouse_hv_sem);
	return n;
}
