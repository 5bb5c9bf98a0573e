// SPDX-License-Identifier: GPL-2.0
/*
 * ivshmem-net: a point-to-point virtual Ethernet link over an ivshmem v2
 * device of protocol JAILHOUSE_SHMEM_PROTO_VETH (1), for two peers.
 *
 * Wire format: Stockade's own simple slot ring, described in
 * Documentation/ivshmem-net.md (it is NOT Jailhouse's virtio-vring
 * layout). Each peer sends from its own output section (the only shared
 * memory it may write) and reads the peer's one. Both counters a peer
 * owns live in its own section: how many frames it produced (tx_head)
 * and how many of the peer's frames it consumed (rx_tail). The state
 * register tells the peer whether the link end runs (RUN) or not; the
 * carrier is on while both ends run.
 *
 * Interrupts: MSI-X vector 0 (x86), INTx where there is no MSI-X (ARM).
 * A state write of the peer raises vector 0 here, as does its doorbell,
 * so one handler looks at both.
 */
#include <linux/etherdevice.h>
#include <linux/io.h>
#include <linux/module.h>
#include <linux/netdevice.h>
#include <linux/pci.h>

#define IVSHMEM_VENDOR_ID	0x110a
#define IVSHMEM_DEVICE_ID	0x4106
/* Class "other", protocol 1 (JAILHOUSE_SHMEM_PROTO_VETH). */
#define IVSHMEM_CLASS_VETH	0xff0001

#define REG_ID			0x00
#define REG_MAX_PEERS		0x04
#define REG_INT_CTRL		0x08
#define REG_DOORBELL		0x0c
#define REG_STATE		0x10
#define INT_ENABLE		0x1

#define VNDR_STATE_SIZE		0x04
#define VNDR_RW_SIZE		0x08
#define VNDR_OUT_SIZE		0x10
#define VNDR_ADDRESS		0x18

/* Link end states, as written to the state register. */
#define STATE_RESET		0
#define STATE_RUN		3

/* Output section layout (Documentation/ivshmem-net.md). */
#define HDR_SIZE		64
#define SLOT_SIZE		2048
#define SLOT_DATA		(SLOT_SIZE - 4)
#define NET_MTU			1500

struct ivnet_hdr {
	u32 tx_head;
	u32 rx_tail;
	u32 nslots;
	u32 slot_size;
};

struct ivnet {
	struct net_device *ndev;
	struct pci_dev *pdev;
	struct napi_struct napi;
	void __iomem *regs;
	u32 *state_table;
	void *own, *peer;	/* output sections */
	u32 nslots;
	unsigned int id, peer_id;
	bool running, linked;
	spinlock_t tx_lock;
};

static struct ivnet_hdr *own_hdr(struct ivnet *in)
{
	return in->own;
}

static struct ivnet_hdr *peer_hdr(struct ivnet *in)
{
	return in->peer;
}

static void *slot(void *section, u32 index, u32 nslots)
{
	return section + HDR_SIZE + (size_t)(index % nslots) * SLOT_SIZE;
}

static void ring_doorbell(struct ivnet *in)
{
	writel(in->peer_id << 16, in->regs + REG_DOORBELL);
}

static bool peer_runs(struct ivnet *in)
{
	return READ_ONCE(in->state_table[in->peer_id]) == STATE_RUN;
}

/*
 * The peer's counters are guest input: a peer ring with another slot
 * count or size than ours is not a link we can read.
 */
static bool peer_ring_sane(struct ivnet *in)
{
	struct ivnet_hdr *p = peer_hdr(in);

	return READ_ONCE(p->nslots) == in->nslots &&
	       READ_ONCE(p->slot_size) == SLOT_SIZE;
}

/*
 * Link up: continue from where the peer's counters stand, so frames of an
 * earlier life of either end are neither read nor counted as in flight.
 */
static void link_up(struct ivnet *in)
{
	struct ivnet_hdr *o = own_hdr(in), *p = peer_hdr(in);

	spin_lock_bh(&in->tx_lock);
	WRITE_ONCE(o->rx_tail, READ_ONCE(p->tx_head));
	WRITE_ONCE(o->tx_head, READ_ONCE(p->rx_tail));
	spin_unlock_bh(&in->tx_lock);
	in->linked = true;
	netif_carrier_on(in->ndev);
	netif_wake_queue(in->ndev);
	netdev_info(in->ndev, "link up (peer %u runs)\n", in->peer_id);
}

static void link_down(struct ivnet *in)
{
	in->linked = false;
	netif_carrier_off(in->ndev);
	netif_stop_queue(in->ndev);
	netdev_info(in->ndev, "link down (peer %u stopped)\n", in->peer_id);
}

static void check_link(struct ivnet *in)
{
	bool up = in->running && peer_runs(in) && peer_ring_sane(in);

	if (up && !in->linked)
		link_up(in);
	else if (!up && in->linked)
		link_down(in);
}

static u32 tx_free(struct ivnet *in)
{
	u32 used = own_hdr(in)->tx_head - READ_ONCE(peer_hdr(in)->rx_tail);

	return used >= in->nslots ? 0 : in->nslots - used;
}

static netdev_tx_t ivnet_xmit(struct sk_buff *skb, struct net_device *ndev)
{
	struct ivnet *in = netdev_priv(ndev);
	struct ivnet_hdr *o = own_hdr(in);
	u8 *s;

	spin_lock(&in->tx_lock);
	if (!in->linked || skb->len > SLOT_DATA || !tx_free(in)) {
		spin_unlock(&in->tx_lock);
		ndev->stats.tx_dropped++;
		dev_kfree_skb_any(skb);
		return NETDEV_TX_OK;
	}
	s = slot(in->own, o->tx_head, in->nslots);
	*(u32 *)s = skb->len;
	skb_copy_bits(skb, 0, s + 4, skb->len);
	/* The frame must be visible before the counter that publishes it. */
	smp_wmb();
	WRITE_ONCE(o->tx_head, o->tx_head + 1);
	if (!tx_free(in))
		netif_stop_queue(ndev);
	spin_unlock(&in->tx_lock);
	ndev->stats.tx_packets++;
	ndev->stats.tx_bytes += skb->len;
	dev_consume_skb_any(skb);
	ring_doorbell(in);
	return NETDEV_TX_OK;
}

static void receive_one(struct ivnet *in, const u8 *s)
{
	struct net_device *ndev = in->ndev;
	u32 len = READ_ONCE(*(const u32 *)s);
	struct sk_buff *skb;

	/* The length is the peer's word: check it before trusting it. */
	if (len < ETH_HLEN || len > SLOT_DATA) {
		ndev->stats.rx_length_errors++;
		return;
	}
	skb = napi_alloc_skb(&in->napi, len);
	if (!skb) {
		ndev->stats.rx_dropped++;
		return;
	}
	skb_put_data(skb, s + 4, len);
	skb->protocol = eth_type_trans(skb, ndev);
	ndev->stats.rx_packets++;
	ndev->stats.rx_bytes += len;
	napi_gro_receive(&in->napi, skb);
}

static int receive(struct ivnet *in, int budget)
{
	struct ivnet_hdr *o = own_hdr(in);
	u32 head = READ_ONCE(peer_hdr(in)->tx_head);
	int done = 0;

	/* Read the slots only after the counter that published them. */
	smp_rmb();
	/* A head more than a ring ahead is garbage: drop what it claims. */
	if (head - o->rx_tail > in->nslots)
		WRITE_ONCE(o->rx_tail, head);
	while (o->rx_tail != head && done < budget) {
		receive_one(in, slot(in->peer, o->rx_tail, in->nslots));
		smp_mb();
		WRITE_ONCE(o->rx_tail, o->rx_tail + 1);
		done++;
	}
	if (done)
		ring_doorbell(in);
	return done;
}

static int ivnet_poll(struct napi_struct *napi, int budget)
{
	struct ivnet *in = container_of(napi, struct ivnet, napi);
	int done = 0;

	check_link(in);
	if (in->linked) {
		done = receive(in, budget);
		if (netif_queue_stopped(in->ndev) && tx_free(in))
			netif_wake_queue(in->ndev);
	}
	if (done < budget)
		napi_complete_done(napi, done);
	return done;
}

static irqreturn_t ivnet_irq(int irq, void *data)
{
	struct ivnet *in = data;

	napi_schedule(&in->napi);
	return IRQ_HANDLED;
}

static void reset_own_section(struct ivnet *in)
{
	struct ivnet_hdr *o = own_hdr(in);

	WRITE_ONCE(o->tx_head, 0);
	WRITE_ONCE(o->rx_tail, 0);
	WRITE_ONCE(o->nslots, in->nslots);
	WRITE_ONCE(o->slot_size, SLOT_SIZE);
	smp_wmb();
}

static int ivnet_open(struct net_device *ndev)
{
	struct ivnet *in = netdev_priv(ndev);

	netif_carrier_off(ndev);
	napi_enable(&in->napi);
	in->running = true;
	writel(STATE_RUN, in->regs + REG_STATE);
	napi_schedule(&in->napi);
	return 0;
}

static int ivnet_stop(struct net_device *ndev)
{
	struct ivnet *in = netdev_priv(ndev);

	in->running = false;
	writel(STATE_RESET, in->regs + REG_STATE);
	napi_disable(&in->napi);
	if (in->linked)
		link_down(in);
	return 0;
}

static const struct net_device_ops ivnet_ops = {
	.ndo_open = ivnet_open,
	.ndo_stop = ivnet_stop,
	.ndo_start_xmit = ivnet_xmit,
	.ndo_set_mac_address = eth_mac_addr,
	.ndo_validate_addr = eth_validate_addr,
};

static u64 read_cfg64(struct pci_dev *pdev, int pos)
{
	u32 lo, hi;

	pci_read_config_dword(pdev, pos, &lo);
	pci_read_config_dword(pdev, pos + 4, &hi);
	return (u64)hi << 32 | lo;
}

static void *map_shmem(struct pci_dev *pdev, u64 addr, u64 size)
{
	void *p = devm_memremap(&pdev->dev, addr, size, MEMREMAP_WB);

	return IS_ERR(p) ? NULL : p;
}

/* Maps the state table and both output sections; 2 peers only. */
static int map_sections(struct ivnet *in)
{
	struct pci_dev *pdev = in->pdev;
	int cap = pci_find_capability(pdev, PCI_CAP_ID_VNDR);
	u64 rw, out, addr;
	u32 state;

	if (!cap)
		return -ENODEV;
	pci_read_config_dword(pdev, cap + VNDR_STATE_SIZE, &state);
	rw = read_cfg64(pdev, cap + VNDR_RW_SIZE);
	out = read_cfg64(pdev, cap + VNDR_OUT_SIZE);
	addr = read_cfg64(pdev, cap + VNDR_ADDRESS);
	if (!state || !addr || out < HDR_SIZE + 2 * SLOT_SIZE) {
		dev_err(&pdev->dev, "output section too small for a ring\n");
		return -EINVAL;
	}
	in->nslots = (out - HDR_SIZE) / SLOT_SIZE;
	in->state_table = map_shmem(pdev, addr, state);
	addr += state + rw;
	in->own = map_shmem(pdev, addr + in->id * out, out);
	in->peer = map_shmem(pdev, addr + in->peer_id * out, out);
	if (!in->state_table || !in->own || !in->peer)
		return -ENOMEM;
	return 0;
}

static int setup_device(struct ivnet *in)
{
	struct pci_dev *pdev = in->pdev;
	int err = pcim_enable_device(pdev);

	if (!err)
		err = pcim_iomap_regions(pdev, BIT(0), "ivshmem-net");
	if (err)
		return err;
	in->regs = pcim_iomap_table(pdev)[0];
	if (readl(in->regs + REG_MAX_PEERS) != 2) {
		dev_err(&pdev->dev, "ivshmem-net needs exactly 2 peers\n");
		return -EINVAL;
	}
	in->id = readl(in->regs + REG_ID);
	if (in->id > 1)
		return -EINVAL;
	in->peer_id = 1 - in->id;
	pci_set_master(pdev);
	return map_sections(in);
}

static int setup_irq(struct ivnet *in)
{
	struct pci_dev *pdev = in->pdev;
	int err;

	err = pci_alloc_irq_vectors(pdev, 1, 1, PCI_IRQ_MSIX | PCI_IRQ_LEGACY);
	if (err < 0)
		return err;
	err = request_irq(pci_irq_vector(pdev, 0), ivnet_irq, IRQF_SHARED,
			  "ivshmem-net", in);
	if (err) {
		pci_free_irq_vectors(pdev);
		return err;
	}
	writel(INT_ENABLE, in->regs + REG_INT_CTRL);
	return 0;
}

static void setup_netdev(struct net_device *ndev)
{
	ndev->netdev_ops = &ivnet_ops;
	ndev->min_mtu = ETH_MIN_MTU;
	ndev->max_mtu = NET_MTU;
	ndev->mtu = NET_MTU;
	eth_hw_addr_random(ndev);
}

static int ivnet_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct net_device *ndev;
	struct ivnet *in;
	int err;

	ndev = devm_alloc_etherdev(&pdev->dev, sizeof(*in));
	if (!ndev)
		return -ENOMEM;
	SET_NETDEV_DEV(ndev, &pdev->dev);
	in = netdev_priv(ndev);
	in->ndev = ndev;
	in->pdev = pdev;
	spin_lock_init(&in->tx_lock);
	err = setup_device(in);
	if (err)
		return err;
	writel(STATE_RESET, in->regs + REG_STATE);
	reset_own_section(in);
	setup_netdev(ndev);
	netif_napi_add(ndev, &in->napi, ivnet_poll);
	netif_carrier_off(ndev);
	pci_set_drvdata(pdev, in);
	err = setup_irq(in);
	if (err)
		return err;
	err = register_netdev(ndev);
	if (err) {
		free_irq(pci_irq_vector(pdev, 0), in);
		pci_free_irq_vectors(pdev);
		return err;
	}
	netdev_info(ndev, "peer %u of 2, %u slots of %u bytes\n", in->id,
		    in->nslots, SLOT_SIZE);
	return 0;
}

static void ivnet_remove(struct pci_dev *pdev)
{
	struct ivnet *in = pci_get_drvdata(pdev);

	unregister_netdev(in->ndev);
	writel(0, in->regs + REG_INT_CTRL);
	writel(STATE_RESET, in->regs + REG_STATE);
	free_irq(pci_irq_vector(pdev, 0), in);
	pci_free_irq_vectors(pdev);
	netif_napi_del(&in->napi);
}

static const struct pci_device_id ivnet_ids[] = {
	{ PCI_DEVICE(IVSHMEM_VENDOR_ID, IVSHMEM_DEVICE_ID),
	  .class = IVSHMEM_CLASS_VETH, .class_mask = 0xffffff },
	{ 0 }
};
MODULE_DEVICE_TABLE(pci, ivnet_ids);

static struct pci_driver ivnet_driver = {
	.name = "ivshmem-net",
	.id_table = ivnet_ids,
	.probe = ivnet_probe,
	.remove = ivnet_remove,
};
module_pci_driver(ivnet_driver);

MODULE_DESCRIPTION("Virtual Ethernet over ivshmem v2 shared memory");
MODULE_LICENSE("GPL v2");
