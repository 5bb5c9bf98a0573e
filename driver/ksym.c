// SPDX-License-Identifier: GPL-2.0
/*
 * Stockade driver: addresses of kernel functions that modules may not link
 * against.
 *
 * Mapping the hypervisor at its link address needs a few vmalloc and page
 * attribute helpers that stock kernels do not export, and neither is
 * kallsyms_lookup_name() any more. A kprobe on kallsyms_lookup_name reveals
 * its address, which is then used for the others. Only functions are
 * looked up: kernels without CONFIG_KALLSYMS_ALL do not list data symbols.
 */
#define pr_fmt(fmt) "jailhouse: " fmt

#include <linux/kprobes.h>
#include <linux/mutex.h>
#include <linux/printk.h>

#include "driver.h"

typedef unsigned long (*kallsyms_lookup_name_t)(const char *name);

static DEFINE_MUTEX(ksym_lock);
static kallsyms_lookup_name_t lookup_name;

static int ksym_find_lookup(void)
{
	struct kprobe kp = { .symbol_name = "kallsyms_lookup_name" };
	int err;

	err = register_kprobe(&kp);
	if (err)
		return err;
	lookup_name = (kallsyms_lookup_name_t)kp.addr;
	unregister_kprobe(&kp);
	return lookup_name ? 0 : -ENOENT;
}

/* The address of kernel function @name, or NULL after logging why. */
void *jailhouse_ksym(const char *name)
{
	unsigned long addr = 0;
	int err = 0;

	mutex_lock(&ksym_lock);
	if (!lookup_name)
		err = ksym_find_lookup();
	if (!err)
		addr = lookup_name(name);
	mutex_unlock(&ksym_lock);

	if (err)
		pr_err("cannot find kallsyms_lookup_name through a kprobe (%d); CONFIG_KPROBES is needed\n",
		       err);
	else if (!addr)
		pr_err("kernel function %s not found\n", name);
	return (void *)addr;
}
