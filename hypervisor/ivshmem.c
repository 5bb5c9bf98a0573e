// SPDX-License-Identifier: GPL-2.0
/*
 * ivshmem endpoints as cells come and go (core/ivshmem.h). A cell's
 * ivshmem device entries become endpoints at cell init and join the link
 * of their bdf; at cell exit they leave it with state 0, which the other
 * peers hear as an interrupt on vector 0.
 *
 * Endpoints and links come from fixed tables: cell init and exit run
 * under the management lock, guests find their endpoints by scanning,
 * which sees an entry only once it is complete (its cell set last).
 */
#include <jailhouse/cell-config.h>
#include <core/arch.h>
#include <core/cell.h>
#include <core/errno.h>
#include <core/ivshmem.h>
#include <core/mmio.h>
#include <core/pci.h>
#include <core/printk.h>
#include <core/ratelimit.h>
#include <core/string.h>
#include <core/unit.h>

/* Regions in front of the output sections: state table, r/w section. */
#define SHMEM_OUTPUT_FIRST	2
#define STATE_ENTRY_SIZE	4
#define MIN_BAR_SIZE		0x1000

static struct ivshmem_endpoint endpoints[IVSHMEM_MAX_ENDPOINTS];
static struct ivshmem_link links[IVSHMEM_MAX_LINKS];
static unsigned int link_users[IVSHMEM_MAX_LINKS];
static DEFINE_SPINLOCK(bars_lock);

#define for_each_ivshmem(dev, n, config)				\
	for ((n) = 0, (dev) = jailhouse_cell_pci_devices(config);	\
	     (n) < (config)->num_pci_devices; (n)++, (dev)++)		\
		if ((dev)->type == JAILHOUSE_PCI_TYPE_IVSHMEM)

static int refuse(const struct jailhouse_cell_desc *config,
		  const struct jailhouse_pci_device *dev, const char *why)
{
	printk("Cell \"%s\": ivshmem %02x:%02x.%x: %s\n", config->name,
	       PCI_BDF_BUS(dev->bdf), PCI_BDF_DEV(dev->bdf),
	       PCI_BDF_FN(dev->bdf), why);
	return -EINVAL;
}

static bool bar_mask_valid(u32 mask)
{
	u64 size = (u64)(u32)~mask + 1;

	return mask && size >= MIN_BAR_SIZE && !(size & (size - 1));
}

/*
 * The sections must follow each other without gaps, in guest and host
 * memory alike: the device gives the guest one address for all of them.
 */
static bool sections_contiguous(const struct jailhouse_memory *shmem,
				unsigned int count)
{
	u64 virt = shmem[0].virt_start, phys = shmem[0].phys_start;
	unsigned int n;

	for (n = 0; n < count; n++) {
		if (!shmem[n].size)
			continue;
		if (shmem[n].virt_start != virt || shmem[n].phys_start != phys)
			return false;
		virt += shmem[n].size;
		phys += shmem[n].size;
	}
	return true;
}

/* Output sections: one size, writable by their own peer only. */
static const char *check_outputs(const struct jailhouse_pci_device *dev,
				 const struct jailhouse_memory *shmem)
{
	const struct jailhouse_memory *out = shmem + SHMEM_OUTPUT_FIRST;
	unsigned int n;

	for (n = 0; n < dev->shmem_peers; n++) {
		if (out[n].size != out[0].size)
			return "output sections differ in size";
		if (n != dev->shmem_dev_id &&
		    (out[n].flags & JAILHOUSE_MEM_WRITE))
			return "another peer's output section is writable";
	}
	return NULL;
}

static const char *check_regions(const struct jailhouse_cell_desc *config,
				 const struct jailhouse_pci_device *dev)
{
	const struct jailhouse_memory *shmem;

	if ((u64)dev->shmem_regions_start + SHMEM_OUTPUT_FIRST +
	    dev->shmem_peers > config->num_memory_regions)
		return "memory regions missing";
	shmem = jailhouse_cell_mem_regions(config) + dev->shmem_regions_start;
	if (shmem[0].size < (u64)STATE_ENTRY_SIZE * dev->shmem_peers ||
	    !(shmem[0].flags & JAILHOUSE_MEM_READ))
		return "state table too small or unreadable";
	if (shmem[0].flags & JAILHOUSE_MEM_WRITE)
		return "state table writable";
	if (!sections_contiguous(shmem, SHMEM_OUTPUT_FIRST + dev->shmem_peers))
		return "sections not contiguous";
	return check_outputs(dev, shmem);
}

int ivshmem_check_device(const struct jailhouse_cell_desc *config,
			 const struct jailhouse_pci_device *dev)
{
	const char *why = NULL;

	if (dev->shmem_peers < 2 || dev->shmem_peers > IVSHMEM_MAX_PEERS)
		why = "unsupported number of peers";
	else if (dev->shmem_dev_id >= dev->shmem_peers)
		why = "peer id out of range";
	else if (!dev->num_msix_vectors && !arch_vpci_intx())
		why = "needs 1 to 16 MSI-X vectors (INTx unsupported)";
	else if (dev->num_msix_vectors > IVSHMEM_MAX_VECTORS)
		why = "more than 16 MSI-X vectors";
	else if (!bar_mask_valid(dev->bar_mask[0]) ||
		 (!bar_mask_valid(dev->bar_mask[1]) &&
		  (dev->num_msix_vectors || dev->bar_mask[1])))
		why = "BAR masks invalid";
	else
		why = check_regions(config, dev);
	return why ? refuse(config, dev, why) : 0;
}

static struct ivshmem_endpoint *find_endpoint(const struct cell *cell,
					      u16 bdf)
{
	struct ivshmem_endpoint *ep;

	for (ep = endpoints; ep < endpoints + IVSHMEM_MAX_ENDPOINTS; ep++)
		if (__atomic_load_n(&ep->cell, __ATOMIC_ACQUIRE) == cell &&
		    ep->dev->bdf == bdf)
			return ep;
	return NULL;
}

/* Whether a joining peer describes the same memory as one connected. */
static bool same_memory(const struct ivshmem_endpoint *a,
			const struct jailhouse_pci_device *dev,
			const struct jailhouse_memory *shmem)
{
	return a->dev->shmem_protocol == dev->shmem_protocol &&
		a->shmem[0].phys_start == shmem[0].phys_start &&
		a->shmem[0].size == shmem[0].size &&
		a->shmem[1].size == shmem[1].size &&
		a->shmem[SHMEM_OUTPUT_FIRST].size ==
		shmem[SHMEM_OUTPUT_FIRST].size;
}

static const char *check_link(const struct ivshmem_link *link,
			      const struct jailhouse_pci_device *dev,
			      const struct jailhouse_memory *shmem)
{
	unsigned int id;

	if (link->max_peers != dev->shmem_peers)
		return "number of peers differs from the link's";
	if (link->peers[dev->shmem_dev_id])
		return "peer id taken";
	for (id = 0; id < link->max_peers; id++)
		if (link->peers[id] &&
		    !same_memory(link->peers[id], dev, shmem))
			return "memory or protocol differs from the link's";
	return NULL;
}

/* The link of dev's bdf, or a new one; NULL with the reason in *why. */
static struct ivshmem_link *join_link(const struct jailhouse_pci_device *dev,
				      const struct jailhouse_memory *shmem,
				      const char **why)
{
	unsigned int n, free = IVSHMEM_MAX_LINKS;

	for (n = 0; n < IVSHMEM_MAX_LINKS; n++) {
		if (!link_users[n]) {
			free = MIN(free, n);
			continue;
		}
		if (links[n].bdf != dev->bdf)
			continue;
		*why = check_link(&links[n], dev, shmem);
		return *why ? NULL : &links[n];
	}
	*why = "too many links";
	if (free == IVSHMEM_MAX_LINKS)
		return NULL;
	memset(&links[free], 0, sizeof(links[free]));
	links[free].bdf = dev->bdf;
	links[free].max_peers = dev->shmem_peers;
	return &links[free];
}

static struct ivshmem_endpoint *free_endpoint(void)
{
	struct ivshmem_endpoint *ep;

	for (ep = endpoints; ep < endpoints + IVSHMEM_MAX_ENDPOINTS; ep++)
		if (!ep->cell)
			return ep;
	return NULL;
}

static int add_endpoint(struct cell *cell,
			const struct jailhouse_pci_device *dev)
{
	const struct jailhouse_memory *shmem =
		jailhouse_cell_mem_regions(cell->config) +
		dev->shmem_regions_start;
	struct ivshmem_endpoint *ep = free_endpoint();
	struct ivshmem_link *link;
	const char *why;

	if (!ep)
		return refuse(cell->config, dev, "too many endpoints");
	link = join_link(dev, shmem, &why);
	if (!link)
		return refuse(cell->config, dev, why);
	memset(ep, 0, sizeof(*ep));
	ep->dev = dev;
	ep->shmem = shmem;
	ep->link = link;
	ivshmem_cfg_reset(ep);
	link_users[link - links]++;
	spin_lock(&link->lock);
	link->peers[dev->shmem_dev_id] = ep;
	spin_unlock(&link->lock);
	__atomic_store_n(&ep->cell, cell, __ATOMIC_RELEASE);
	return 0;
}

static void map_bar(struct ivshmem_endpoint *ep, unsigned int bar, u64 base)
{
	static const mmio_handler_t handlers[2] = {
		ivshmem_register_access, ivshmem_msix_access,
	};

	if (!mmio_region_register(ep->cell, base, ivshmem_bar_size(ep, bar),
				  handlers[bar], ep)) {
		ep->mapped_bar[bar] = base;
		return;
	}
	/* The guest can repeat this at will: paced. */
	if (ratelimit_ok(&ep->cell->print_limit, ep->cell->config->name))
		printk("Cell \"%s\": ivshmem BAR%u at 0x%llx overlaps another "
		       "region: not decoded\n", ep->cell->config->name, bar,
		       base);
}

/* Make the dispatcher's view of ep's BARs what its config space says. */
static void update_bars(struct ivshmem_endpoint *ep)
{
	unsigned int bar;
	u64 base;

	for (bar = 0; bar < 2; bar++) {
		base = ivshmem_cfg_bar(ep, bar);
		if (base == ep->mapped_bar[bar])
			continue;
		if (ep->mapped_bar[bar])
			mmio_region_unregister(ep->cell, ep->mapped_bar[bar]);
		ep->mapped_bar[bar] = 0;
		if (base)
			map_bar(ep, bar, base);
	}
}

bool ivshmem_pci_cfg_read(struct cell *cell, u16 bdf, u16 reg,
			  unsigned int size, u32 *value)
{
	const struct ivshmem_endpoint *ep = find_endpoint(cell, bdf);

	if (!ep)
		return false;
	*value = ivshmem_cfg_read(ep, reg, size);
	return true;
}

bool ivshmem_pci_cfg_write(struct cell *cell, u16 bdf, u16 reg, u32 value,
			   unsigned int size)
{
	struct ivshmem_endpoint *ep = find_endpoint(cell, bdf);

	if (!ep)
		return false;
	if (ivshmem_cfg_write(ep, reg, value, size)) {
		/*
		 * Other writers of a cell's table run while its CPUs are
		 * suspended or not started, so none is in here meanwhile;
		 * CPUs of one cell serialize on this lock.
		 */
		spin_lock(&bars_lock);
		update_bars(ep);
		spin_unlock(&bars_lock);
	}
	return true;
}

/* The peer leaves: state 0 for the others to see, and an interrupt. */
static void remove_endpoint(struct ivshmem_endpoint *ep)
{
	struct ivshmem_link *link = ep->link;
	unsigned int n;

	/* At DISABLE the root's CPUs trap until they leave: keep its BARs. */
	if (ep->cell != &root_cell)
		for (n = 0; n < 2; n++)
			if (ep->mapped_bar[n])
				mmio_region_unregister(ep->cell,
						       ep->mapped_bar[n]);
	spin_lock(&link->lock);
	link->peers[ivshmem_id(ep)] = NULL;
	ivshmem_set_state(ep, 0);
	spin_unlock(&link->lock);
	link_users[link - links]--;
	__atomic_store_n(&ep->cell, NULL, __ATOMIC_RELEASE);
}

static void ivshmem_cell_exit(struct cell *cell)
{
	struct ivshmem_endpoint *ep;

	for (ep = endpoints; ep < endpoints + IVSHMEM_MAX_ENDPOINTS; ep++)
		if (ep->cell == cell)
			remove_endpoint(ep);
}

static int ivshmem_cell_init(struct cell *cell)
{
	const struct jailhouse_pci_device *dev;
	unsigned int n;
	int err;

	for_each_ivshmem(dev, n, cell->config) {
		err = ivshmem_check_device(cell->config, dev);
		if (!err)
			err = add_endpoint(cell, dev);
		if (err)
			return err;
		printk("Cell \"%s\": ivshmem %02x:%02x.%x, peer %u of %u\n",
		       cell->config->name, PCI_BDF_BUS(dev->bdf),
		       PCI_BDF_DEV(dev->bdf), PCI_BDF_FN(dev->bdf),
		       dev->shmem_dev_id, dev->shmem_peers);
	}
	return 0;
}

/* Register and MSI-X BAR of each device. */
static unsigned int ivshmem_count_regions(struct cell *cell)
{
	const struct jailhouse_pci_device *dev;
	unsigned int n, count = 0;

	for_each_ivshmem(dev, n, cell->config)
		count += 2;
	return count;
}

DEFINE_UNIT(ivshmem,
	.name = "ivshmem",
	.mmio_count_regions = ivshmem_count_regions,
	.cell_init = ivshmem_cell_init,
	.cell_exit = ivshmem_cell_exit,
);
