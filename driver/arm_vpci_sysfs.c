// SPDX-License-Identifier: GPL-2.0
/*
 * The virtual PCI host's device tree node in /sys/firmware/devicetree/base
 * next to the nodes of the live tree, one read-only file per property as
 * there. Linux links each device of a node to that directory ("of_node");
 * without it the host device and its bus log an error each. The node's
 * kobject was initialized by the unflattener; only the kernel's own
 * attach code would add it to sysfs, and that is not for modules.
 */
#define pr_fmt(fmt) "jailhouse: " fmt

#include <linux/kernel.h>
#include <linux/of.h>
#include <linux/string.h>
#include <linux/sysfs.h>

#include "arm_vpci.h"

static ssize_t property_read(struct file *file, struct kobject *kobj,
			     struct bin_attribute *attr, char *buf,
			     loff_t offset, size_t count)
{
	struct property *pp = container_of(attr, struct property, attr);

	return memory_read_from_buffer(buf, count, &offset, pp->value,
				       pp->length);
}

static void add_property_file(struct device_node *np, struct property *pp)
{
	sysfs_bin_attr_init(&pp->attr);
	pp->attr.attr.name = pp->name;
	pp->attr.attr.mode = 0444;
	pp->attr.size = pp->length;
	pp->attr.read = property_read;
	if (sysfs_create_bin_file(&np->kobj, &pp->attr))
		pr_warn("%pOF: no sysfs file for property %s\n", np, pp->name);
}

void jailhouse_vpci_node_show(struct device_node *np)
{
	struct property *pp;

	if (!of_root || !of_root->kobj.state_in_sysfs ||
	    kobject_add(&np->kobj, &of_root->kobj, "%s",
			kbasename(np->full_name))) {
		pr_warn("%pOF: not shown in /sys/firmware/devicetree\n", np);
		return;
	}
	for (pp = np->properties; pp; pp = pp->next)
		add_property_file(np, pp);
}

/*
 * Drops the unflattener's reference, shown or not: the directory goes
 * and the kobject's name is freed. Only once nothing else holds the node.
 */
void jailhouse_vpci_node_hide(struct device_node *np)
{
	kobject_put(&np->kobj);
}
