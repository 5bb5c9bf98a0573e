/* SPDX-License-Identifier: GPL-2.0 OR BSD-2-Clause */
/*
 * Stockade / Jailhouse-compatible interface: ioctls of /dev/jailhouse.
 * Shared by the driver and user-space tools.
 */
#ifndef _JAILHOUSE_IOCTL_H
#define _JAILHOUSE_IOCTL_H

#include <linux/ioctl.h>
#include <jailhouse/types.h>

#define JAILHOUSE_CELL_ID_NAMELEN	31

#ifndef JAILHOUSE_CELL_ID_UNUSED
#define JAILHOUSE_CELL_ID_UNUSED	(-1)
#endif

/* A cell by id, or by name when id is JAILHOUSE_CELL_ID_UNUSED (-1). */
struct jailhouse_cell_id {
	__s32 id;
	__u32 padding;
	char name[JAILHOUSE_CELL_ID_NAMELEN + 1];
};

/* A cell config (.cell image) in the caller's memory. */
struct jailhouse_cell_create {
	__u64 config_address;
	__u32 config_size;
	__u32 padding;
};

/* One image to copy into a cell's loadable memory, at its guest address. */
struct jailhouse_preload_image {
	__u64 source_address;
	__u64 size;
	__u64 target_address;
	__u64 padding;
};

/* Zero images means "shut the cell down", leaving it loadable. */
struct jailhouse_cell_load {
	struct jailhouse_cell_id cell_id;
	__u32 num_preload_images;
	__u32 padding;
	struct jailhouse_preload_image image[];
};

/* The argument is a user pointer to the system config image. */
#define JAILHOUSE_ENABLE	_IOW(0, 0, void *)
#define JAILHOUSE_DISABLE	_IO(0, 1)
#define JAILHOUSE_CELL_CREATE	_IOW(0, 2, struct jailhouse_cell_create)
#define JAILHOUSE_CELL_LOAD	_IOW(0, 3, struct jailhouse_cell_load)
#define JAILHOUSE_CELL_START	_IOW(0, 4, struct jailhouse_cell_id)
#define JAILHOUSE_CELL_DESTROY	_IOW(0, 5, struct jailhouse_cell_id)

#endif /* !_JAILHOUSE_IOCTL_H */
