// SPDX-License-Identifier: GPL-2.0
/*
 * Stockade driver: sanity checks of system and cell configs.
 *
 * The hypervisor validates configs thoroughly; the driver checks what it
 * relies on itself (sizes, the memory it maps, CPUs it hands over) and
 * rejects foreign or outdated files before anything is touched, so that a
 * wrong file never gets as far as a half-done enable. Every rejection logs
 * exactly one line that names the cause.
 */
#define pr_fmt(fmt) "jailhouse: " fmt

#include <linux/cpumask.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/printk.h>
#include <linux/string.h>

#include "driver.h"

#if defined(CONFIG_X86)
#define JAILHOUSE_ARCH_ID	JAILHOUSE_X86
#elif defined(CONFIG_ARM64)
#define JAILHOUSE_ARCH_ID	JAILHOUSE_ARM64
#else
#define JAILHOUSE_ARCH_ID	JAILHOUSE_ARM
#endif

static const char *arch_name(unsigned int arch)
{
	switch (arch) {
	case JAILHOUSE_X86:
		return "x86";
	case JAILHOUSE_ARM:
		return "arm";
	case JAILHOUSE_ARM64:
		return "arm64";
	default:
		return "unknown";
	}
}

static int check_header(const char *what, const char *signature,
			const char *expected, unsigned int arch,
			unsigned int revision)
{
	if (memcmp(signature, expected, JAILHOUSE_SIGNATURE_LEN)) {
		pr_err("invalid %s: signature \"%*pE\", expected \"%s\"\n",
		       what, JAILHOUSE_SIGNATURE_LEN, signature, expected);
		return -EINVAL;
	}
	if (revision != JAILHOUSE_CONFIG_REVISION) {
		pr_err("invalid %s: revision %u, expected %u\n", what,
		       revision, JAILHOUSE_CONFIG_REVISION);
		return -EINVAL;
	}
	if (arch != JAILHOUSE_ARCH_ID) {
		pr_err("invalid %s: architecture %u (%s), expected %u (%s)\n",
		       what, arch, arch_name(arch), JAILHOUSE_ARCH_ID,
		       arch_name(JAILHOUSE_ARCH_ID));
		return -EINVAL;
	}
	return 0;
}

/* Names are fixed 32-byte fields; anything but a C string is garbage. */
static int check_name(const char *what, const char *name)
{
	size_t len = strnlen(name, JAILHOUSE_CELL_NAME_MAXLEN + 1);

	if (len == 0 || len > JAILHOUSE_CELL_NAME_MAXLEN) {
		pr_err("invalid %s: the cell name must be 1 to %u characters\n",
		       what, JAILHOUSE_CELL_NAME_MAXLEN);
		return -EINVAL;
	}
	return 0;
}

/*
 * The CPU set is an array of unsigned longs in little-endian byte order,
 * so bit n is bit n % 8 of byte n / 8 whatever the word size of the
 * compiler that built the config.
 */
bool jailhouse_config_has_cpu(const struct jailhouse_cell_desc *cell,
			      unsigned int cpu)
{
	const u8 *set = (const u8 *)jailhouse_cell_cpu_set(cell);

	if (cpu / 8 >= cell->cpu_set_size)
		return false;
	return set[cpu / 8] & (1U << (cpu % 8));
}

/* The first CPU in the set that this machine cannot have, or -1. */
int jailhouse_config_first_bad_cpu(const struct jailhouse_cell_desc *cell)
{
	unsigned int cpu;

	for (cpu = nr_cpu_ids; cpu / 8 < cell->cpu_set_size; cpu++)
		if (jailhouse_config_has_cpu(cell, cpu))
			return cpu;
	return -1;
}

static bool cpu_set_empty(const struct jailhouse_cell_desc *cell)
{
	const u8 *set = (const u8 *)jailhouse_cell_cpu_set(cell);

	return !memchr_inv(set, 0, cell->cpu_set_size);
}

/* Only what is needed to compute the full size of the config. */
int jailhouse_config_check_system_header(const struct jailhouse_system *sys)
{
	return check_header("config", sys->signature,
			    JAILHOUSE_SYSTEM_SIGNATURE, sys->architecture,
			    sys->revision);
}

int jailhouse_config_check_system(const struct jailhouse_system *sys,
				  u64 size)
{
	const struct jailhouse_memory *mem = &sys->hypervisor_memory;
	const struct jailhouse_cell_desc *root = &sys->root_cell;
	unsigned int cpu;
	int err;

	err = jailhouse_config_check_system_header(sys);
	if (err)
		return err;

	/* The caller sized its copy from an earlier read of the header. */
	if (jailhouse_system_config_size(sys) != size) {
		pr_err("invalid config: it changed while it was read\n");
		return -EINVAL;
	}

	if (mem->size == 0 || mem->size > ULONG_MAX ||
	    mem->phys_start + mem->size < mem->phys_start ||
	    !PAGE_ALIGNED(mem->phys_start) || !PAGE_ALIGNED(mem->size)) {
		pr_err("invalid config: hypervisor memory at 0x%llx, size 0x%llx, is empty or not page aligned\n",
		       mem->phys_start, mem->size);
		return -EINVAL;
	}
	/* The full check needs the image's size; this one comes first. */
	if (size >= mem->size) {
		pr_err("invalid config: the config (%llu bytes) does not fit into the hypervisor memory (%llu bytes)\n",
		       size, mem->size);
		return -EINVAL;
	}

	err = check_name("config", root->name);
	if (err)
		return err;

	if (cpu_set_empty(root)) {
		pr_err("invalid config: the root cell has no CPUs\n");
		return -EINVAL;
	}
	/* Linux keeps running on every online CPU, as the root cell. */
	for_each_online_cpu(cpu) {
		if (!jailhouse_config_has_cpu(root, cpu)) {
			pr_err("invalid config: CPU %u is online but not in the root cell\n",
			       cpu);
			return -EINVAL;
		}
	}
	return 0;
}

int jailhouse_config_check_cell_header(const struct jailhouse_cell_desc *cell)
{
	return check_header("cell config", cell->signature,
			    JAILHOUSE_CELL_DESC_SIGNATURE, cell->architecture,
			    cell->revision);
}

/*
 * A file longer than its header says is accepted (padding after the
 * arrays is harmless); a shorter one would make the hypervisor read past
 * its end.
 */
int jailhouse_config_check_cell(const struct jailhouse_cell_desc *cell,
				u64 size)
{
	u64 needed = jailhouse_cell_config_size(cell);
	int err;

	err = jailhouse_config_check_cell_header(cell);
	if (err)
		return err;

	if (needed > size) {
		pr_err("invalid cell config: %llu bytes long, but its header describes %llu\n",
		       size, needed);
		return -EINVAL;
	}

	err = check_name("cell config", cell->name);
	if (err)
		return err;

	if (cpu_set_empty(cell)) {
		pr_err("invalid cell config: cell \"%s\" has no CPUs\n",
		       cell->name);
		return -EINVAL;
	}
	return 0;
}
