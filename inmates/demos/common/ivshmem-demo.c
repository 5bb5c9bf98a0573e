// SPDX-License-Identifier: GPL-2.0 OR BSD-2-Clause
/*
 * ivshmem v2 peer in a bare-metal cell, the same on x86 and ARM: finds
 * the device through the inmate library (lib/ivshmem.c), maps its BARs
 * where the cell has nothing else, takes doorbells on the architecture's
 * interrupt (MSI-X vector 0 on x86, the INTx SPI on ARM) and answers
 * every ping of peer 0 with a pong in its own output section, then rings
 * peer 0 back.
 *
 * The ping protocol (shared with tools/ivshmem-demo): a peer's output
 * section starts with a sequence number (u32, written last) and a
 * 64-byte payload where byte i is (seq * 7 + i) & 0xff for a ping; the
 * pong carries the same sequence number and the payload inverted. The
 * read/write section holds a greeting string of the root.
 *
 * Console lines start with "IVSHMEM <peer id>:", so that several peers
 * can share the hypervisor console.
 *
 * Command line: "bad-write" writes into the pinging peer's output section
 * after the first pong, which the hypervisor must stop (the cell fails).
 * "poll": spin on the root's output section instead of waiting for its
 * doorbell, and ring no doorbell back (the root polls too: ivshmem-demo
 * -p); the benchmark's baseline.
 * "answer-all": answer pings of every peer, not only of the root; a peer
 * other than the root pings only while its state is 1 (ready): in any
 * other state its output section holds pongs, which are not answered.
 * "ping-peer=P count=N": once peer P is ready, N round trips with it by
 * doorbell (P needs "answer-all"), then state 2 tells the root it is done
 * (cell <-> cell doorbell figures of make bench-ivshmem).
 * "bar=ADDR": BAR0 there instead of the library's default for the
 * architecture (lib/<arch>/ivshmem-irq.c).
 */
#include <inmate.h>
#include <ivshmem.h>

#define PAYLOAD_SIZE		64
#define STATE_READY		1
#define STATE_DONE		2

struct message {
	__u32 seq;
	__u8 payload[PAYLOAD_SIZE];
};

static struct ivshmem_dev dev;
static volatile unsigned long irqs;
static bool poll_mode;

static void count_irq(void)
{
	irqs++;
}

static volatile __u32 *state_table(void)
{
	return (volatile __u32 *)(unsigned long)dev.base;
}

static struct message *output_of(unsigned int peer)
{
	return ivshmem_output(&dev, peer);
}

static void print_states(void)
{
	unsigned int n;

	printk("IVSHMEM %u: peer states:", dev.id);
	for (n = 0; n < dev.peers; n++)
		printk(" %u:%u", n, state_table()[n]);
	printk("\n");
}

static bool payload_ok(const struct message *msg, __u32 seq)
{
	unsigned int n;

	for (n = 0; n < PAYLOAD_SIZE; n++)
		if (msg->payload[n] != (__u8)(seq * 7 + n))
			return false;
	return true;
}

/* Answer a new ping of peer; returns whether there was one. */
static bool answer(unsigned int peer, __u32 *last)
{
	struct message *in = output_of(peer), *out = output_of(dev.id);
	__u32 seq = READ_ONCE(in->seq);
	unsigned int n;

	if (!seq || seq == *last)
		return false;
	*last = seq;
	printk("IVSHMEM %u: ping %u from peer %u, data %s\n", dev.id, seq,
	       peer, payload_ok(in, seq) ? "ok" : "CORRUPT");
	for (n = 0; n < PAYLOAD_SIZE; n++)
		out->payload[n] = ~in->payload[n];
	ivshmem_wmb();
	WRITE_ONCE(out->seq, seq);
	if (!poll_mode)
		ivshmem_ring(&dev, peer, 0);
	return true;
}

static void forbidden_write(unsigned int peer)
{
	printk("IVSHMEM %u: writing the output section of peer %u\n",
	       dev.id, peer);
	WRITE_ONCE(output_of(peer)->seq, 0xdead);
	printk("IVSHMEM %u: FAILED: the write went through\n", dev.id);
}

static void answer_others(__u32 *last)
{
	unsigned int peer;

	for (peer = 1; peer < dev.peers; peer++)
		if (peer != dev.id && state_table()[peer] == STATE_READY)
			answer(peer, &last[peer]);
}

static void wait_irq(unsigned long *seen)
{
	while (READ_ONCE(irqs) == *seen)
		cpu_relax();
	*seen = READ_ONCE(irqs);
}

/* count round trips with peer, each pong awaited by its doorbell. */
static void ping_peer(unsigned int peer, unsigned int count)
{
	struct message *out = output_of(dev.id), *in = output_of(peer);
	unsigned long seen = READ_ONCE(irqs);
	__u32 seq = 0x10000, n, i, ok = 0;

	while (state_table()[peer] != STATE_READY)
		delay_us(1000);
	irq_enable();
	for (n = 0; n < count; n++) {
		seq++;
		for (i = 0; i < PAYLOAD_SIZE; i++)
			out->payload[i] = seq * 7 + i;
		ivshmem_wmb();
		WRITE_ONCE(out->seq, seq);
		ivshmem_ring(&dev, peer, 0);
		while (READ_ONCE(in->seq) != seq)
			wait_irq(&seen);
		ok++;
	}
	printk("IVSHMEM %u: %u round trips with peer %u\n", dev.id, ok, peer);
	ivshmem_set_state(&dev, STATE_DONE);
}

/*
 * Shutdown requests come without an interrupt: poll for them, and for
 * doorbells counted by the handler, every millisecond.
 */
static void serve(bool bad_write)
{
	unsigned long seen = 0;
	__u32 last = 0, last_of[16] = { 0 };
	bool all = cmdline_parse_bool("answer-all") && dev.peers <= 16;

	irq_enable();
	for (;;) {
		if (comm_region_valid() && comm_region_shutdown_requested())
			break;
		if (poll_mode) {
			answer(0, &last);
			continue;
		}
		if (READ_ONCE(irqs) == seen) {
			delay_us(1000);
			continue;
		}
		seen = READ_ONCE(irqs);
		print_states();
		if (dev.id != 0 && answer(0, &last) && bad_write)
			forbidden_write(0);
		if (all)
			answer_others(last_of);
	}
	irq_disable();
	printk("IVSHMEM %u: stopped\n", dev.id);
	comm_region_reply(JAILHOUSE_MSG_REQUEST_APPROVED);
}

void inmate_main(void)
{
	unsigned long bar = cmdline_parse_int("bar", ivshmem_default_bar);
	int err = ivshmem_init(&dev, 0, bar);

	if (err) {
		printk("IVSHMEM: FAILED: %s\n", err == -1 ? "no device" :
		       "capabilities missing");
		return;
	}
	if (ivshmem_enable_irq(&dev, count_irq)) {
		printk("IVSHMEM: FAILED: no interrupt\n");
		return;
	}
	printk("IVSHMEM %u: 00:%02x.%x, peer %u of %u, state table 0x%x, "
	       "r/w 0x%llx, output sections 0x%llx, at 0x%llx, irq %u\n",
	       dev.id, dev.bdf >> 3, dev.bdf & 7, dev.id, dev.peers,
	       dev.state_size, dev.rw_size, dev.out_size, dev.base, dev.irq);
	printk("IVSHMEM %u: r/w section says \"%.40s\"\n", dev.id,
	       (const char *)ivshmem_rw_section(&dev));
	ivshmem_set_state(&dev, STATE_READY);
	printk("IVSHMEM %u: ready\n", dev.id);
	poll_mode = cmdline_parse_bool("poll");
	if (cmdline_parse_int("ping-peer", 0))
		ping_peer(cmdline_parse_int("ping-peer", 0),
			  cmdline_parse_int("count", 100));
	serve(cmdline_parse_bool("bad-write"));
}
