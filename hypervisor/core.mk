# SPDX-License-Identifier: GPL-2.0
#
# The hypervisor core's C files, relative to hypervisor/: one list for the
# image (Makefile) and the host harnesses that build the core as it is
# (tests/fuzz), so that a new core file cannot be missing from either.

CORE_SRCS := \
	bitmap.c \
	cell.c \
	cell_check.c \
	cell_query.c \
	cell_memory.c \
	comm_region.c \
	config_check.c \
	control.c \
	format.c \
	header.c \
	ivshmem.c \
	ivshmem_cfg.c \
	ivshmem_regs.c \
	management.c \
	mmio.c \
	page_pool.c \
	paging.c \
	pci.c \
	pci_bar.c \
	pci_dev.c \
	pci_msi.c \
	pci_msix.c \
	percpu.c \
	printk.c \
	ratelimit.c \
	refusal.c \
	remap.c \
	setup.c \
	sort.c \
	string.c \
	system_config.c \
	unit.c
