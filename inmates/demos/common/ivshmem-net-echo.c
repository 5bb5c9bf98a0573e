// SPDX-License-Identifier: GPL-2.0 OR BSD-2-Clause
/*
 * ivshmem-net echo peer in a bare-metal cell: the far end of the root's
 * ivshmem-net link (driver/ivshmem_net.c, wire format in
 * Documentation/ivshmem-net.md). It answers ARP requests for its address
 * and ICMP echo requests to it, so that `ping` from the root gets
 * replies; every other frame is counted and dropped.
 *
 * Address: 10.16.0.2 (command line "ip=a.b.c.d" changes it), MAC
 * 02:00:00:10:00:02. Console lines start with "IVNET:".
 *
 * Command line: "bad-write" writes into the root's output section once
 * the link is up, which the hypervisor must stop (the cell fails).
 */
#include <inmate.h>
#include <ivshmem.h>

#define STATE_RESET		0
#define STATE_RUN		3
#define HDR_SIZE		64
#define SLOT_SIZE		2048
#define SLOT_DATA		(SLOT_SIZE - 4)

#define ETH_ALEN		6
#define ETH_HLEN		14
#define ETHERTYPE_IP		0x0800
#define ETHERTYPE_ARP		0x0806
#define IP_PROTO_ICMP		1
#define ICMP_ECHO_REPLY		0
#define ICMP_ECHO_REQUEST	8
#define ARP_REQUEST		1
#define ARP_REPLY		2

struct ring_hdr {
	__u32 tx_head, rx_tail, nslots, slot_size;
};

static struct ivshmem_dev ivshmem;
static struct {
	__u32 id, peer, nslots;
	bool linked;
	unsigned long replies, dropped;
} dev;
static const __u8 my_mac[ETH_ALEN] = { 0x02, 0, 0, 0x10, 0, 0x02 };
static __u8 my_ip[4] = { 10, 16, 0, 2 };
static volatile unsigned long irqs;

static void count_irq(void)
{
	irqs++;
}

static void *section_of(unsigned int peer)
{
	return ivshmem_output(&ivshmem, peer);
}

static struct ring_hdr *hdr_of(unsigned int peer)
{
	return section_of(peer);
}

static __u8 *slot_of(unsigned int peer, __u32 index)
{
	return (__u8 *)section_of(peer) + HDR_SIZE +
		(index % dev.nslots) * SLOT_SIZE;
}

static __u32 peer_state(void)
{
	return ivshmem_peer_state(&ivshmem, dev.peer);
}

/* Two peers, an output section that holds at least two slots. */
static bool setup_device(void)
{
	if (ivshmem_init(&ivshmem, 0, ivshmem_default_bar) ||
	    ivshmem_enable_irq(&ivshmem, count_irq))
		return false;
	dev.id = ivshmem.id;
	dev.peer = 1 - dev.id;
	dev.nslots = (ivshmem.out_size - HDR_SIZE) / SLOT_SIZE;
	return dev.id <= 1 && ivshmem.out_size >= HDR_SIZE + 2 * SLOT_SIZE;
}

static void reset_ring(void)
{
	struct ring_hdr *own = hdr_of(dev.id);

	own->tx_head = 0;
	own->rx_tail = 0;
	own->nslots = dev.nslots;
	own->slot_size = SLOT_SIZE;
	ivshmem_wmb();
}

static bool peer_ring_sane(void)
{
	struct ring_hdr *p = hdr_of(dev.peer);

	return READ_ONCE(p->nslots) == dev.nslots &&
	       READ_ONCE(p->slot_size) == SLOT_SIZE;
}

/* Same rule as the driver: continue where the peer's counters stand. */
static void check_link(void)
{
	struct ring_hdr *own = hdr_of(dev.id), *p = hdr_of(dev.peer);
	bool up = peer_state() == STATE_RUN && peer_ring_sane();

	if (up == dev.linked)
		return;
	dev.linked = up;
	if (up) {
		own->rx_tail = READ_ONCE(p->tx_head);
		own->tx_head = READ_ONCE(p->rx_tail);
	}
	printk("IVNET: link %s\n", up ? "up" : "down");
}

static __u16 get16(const __u8 *p)
{
	return p[0] << 8 | p[1];
}

static void swap_bytes(__u8 *a, __u8 *b, unsigned int len)
{
	unsigned int n;
	__u8 t;

	for (n = 0; n < len; n++) {
		t = a[n];
		a[n] = b[n];
		b[n] = t;
	}
}

static void reply_eth(__u8 *frame)
{
	memcpy(frame, frame + ETH_ALEN, ETH_ALEN);
	memcpy(frame + ETH_ALEN, my_mac, ETH_ALEN);
}

/* ARP request for our address: answer in place. */
static bool answer_arp(__u8 *frame, __u32 len)
{
	__u8 *arp = frame + ETH_HLEN;

	if (len < ETH_HLEN + 28 || get16(arp) != 1 ||
	    get16(arp + 2) != ETHERTYPE_IP || get16(arp + 6) != ARP_REQUEST ||
	    memcmp(arp + 24, my_ip, 4) != 0)
		return false;
	arp[7] = ARP_REPLY;
	memcpy(arp + 18, arp + 8, ETH_ALEN + 4);
	memcpy(arp + 8, my_mac, ETH_ALEN);
	memcpy(arp + 14, my_ip, 4);
	reply_eth(frame);
	return true;
}

/*
 * Type 8 -> 0 lowers the ones' complement sum by 0x0800: the checksum
 * (its complement) rises by as much, with the end-around carry.
 */
static void fix_icmp_checksum(__u8 *icmp)
{
	__u32 sum = get16(icmp + 2) + (ICMP_ECHO_REQUEST << 8);

	sum = (sum & 0xffff) + (sum >> 16);
	icmp[2] = sum >> 8;
	icmp[3] = sum & 0xff;
}

/* ICMP echo request to our address: answer in place. */
static bool answer_ping(__u8 *frame, __u32 len)
{
	__u8 *ip = frame + ETH_HLEN, *icmp;
	unsigned int ihl;

	if (len < ETH_HLEN + 20 || (ip[0] >> 4) != 4)
		return false;
	ihl = (ip[0] & 0xf) * 4;
	if (ihl < 20 || len < ETH_HLEN + ihl + 8 || ip[9] != IP_PROTO_ICMP ||
	    memcmp(ip + 16, my_ip, 4) != 0)
		return false;
	icmp = ip + ihl;
	if (icmp[0] != ICMP_ECHO_REQUEST || icmp[1] != 0)
		return false;
	/* Swapped addresses keep the IP header checksum valid. */
	swap_bytes(ip + 12, ip + 16, 4);
	icmp[0] = ICMP_ECHO_REPLY;
	fix_icmp_checksum(icmp);
	reply_eth(frame);
	return true;
}

static bool answer(__u8 *frame, __u32 len)
{
	switch (get16(frame + 12)) {
	case ETHERTYPE_ARP:
		return answer_arp(frame, len);
	case ETHERTYPE_IP:
		return answer_ping(frame, len);
	}
	return false;
}

static bool tx_room(void)
{
	struct ring_hdr *own = hdr_of(dev.id);

	return own->tx_head - READ_ONCE(hdr_of(dev.peer)->rx_tail) <
		dev.nslots;
}

/* Copies the frame into our next slot, answers it there, publishes it. */
static void handle_frame(const __u8 *in)
{
	struct ring_hdr *own = hdr_of(dev.id);
	__u32 len = READ_ONCE(*(const __u32 *)in);
	__u8 *out = slot_of(dev.id, own->tx_head);

	if (len < ETH_HLEN || len > SLOT_DATA || !tx_room()) {
		dev.dropped++;
		return;
	}
	memcpy(out + 4, in + 4, len);
	if (!answer(out + 4, len)) {
		dev.dropped++;
		return;
	}
	*(__u32 *)out = len;
	ivshmem_wmb();
	WRITE_ONCE(own->tx_head, own->tx_head + 1);
	dev.replies++;
}

static void drain(void)
{
	struct ring_hdr *own = hdr_of(dev.id);
	__u32 head = READ_ONCE(hdr_of(dev.peer)->tx_head);
	bool any = false;

	if (head - own->rx_tail > dev.nslots)
		own->rx_tail = head;
	while (own->rx_tail != head) {
		handle_frame(slot_of(dev.peer, own->rx_tail));
		WRITE_ONCE(own->rx_tail, own->rx_tail + 1);
		any = true;
	}
	if (any)
		ivshmem_ring(&ivshmem, dev.peer, 0);
}

static void forbidden_write(void)
{
	printk("IVNET: writing the output section of peer %u\n", dev.peer);
	WRITE_ONCE(hdr_of(dev.peer)->tx_head, 0xdead);
	printk("IVNET: FAILED: the write went through\n");
}

/*
 * Shutdown requests come without an interrupt: poll for them, and for
 * doorbells counted by the handler, every 100 us.
 */
static void serve(bool bad_write)
{
	unsigned long seen = 0;

	irq_enable();
	for (;;) {
		if (comm_region_valid() && comm_region_shutdown_requested())
			break;
		if (READ_ONCE(irqs) == seen) {
			delay_us(100);
			continue;
		}
		seen = READ_ONCE(irqs);
		check_link();
		if (dev.linked)
			drain();
		if (dev.linked && bad_write)
			forbidden_write();
	}
	irq_disable();
	ivshmem_set_state(&ivshmem, STATE_RESET);
	printk("IVNET: stopped, %lu replies, %lu dropped\n", dev.replies,
	       dev.dropped);
	comm_region_reply(JAILHOUSE_MSG_REQUEST_APPROVED);
}

static void parse_ip(void)
{
	char buf[16];
	const char *p = buf;
	unsigned int n, v;

	if (!cmdline_parse_str("ip", buf, sizeof(buf)))
		return;
	for (n = 0; n < 4 && *p; n++) {
		for (v = 0; *p >= '0' && *p <= '9'; p++)
			v = v * 10 + (*p - '0');
		my_ip[n] = v;
		if (*p == '.')
			p++;
	}
}

void inmate_main(void)
{
	if (!setup_device()) {
		printk("IVNET: FAILED: no usable device\n");
		return;
	}
	parse_ip();
	reset_ring();
	ivshmem_set_state(&ivshmem, STATE_RUN);
	printk("IVNET: 00:%02x.%x peer %u, %u slots, ip %u.%u.%u.%u, running\n",
	       ivshmem.bdf >> 3, ivshmem.bdf & 7, dev.id, dev.nslots, my_ip[0],
	       my_ip[1], my_ip[2], my_ip[3]);
	/* The root may already run: look before the first doorbell. */
	irqs++;
	serve(cmdline_parse_bool("bad-write"));
}
