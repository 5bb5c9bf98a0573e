// SPDX-License-Identifier: GPL-2.0
/*
 * ivshmem-demo: a Linux peer of an ivshmem v2 link, over uio_ivshmem.
 *
 *   ivshmem-demo [-d /dev/uioN] [-t SECONDS] [-p] COMMAND
 *     info                 ID, peers, sections, states of all peers
 *     state VALUE          set our state (the others get an interrupt)
 *     wait-state PEER VAL  wait until PEER's state is VAL, counting the
 *                          interrupts meanwhile
 *     ping PEER COUNT      COUNT round trips: our output section carries
 *                          a ping, a doorbell tells PEER, whose pong in
 *                          its output section is checked on the
 *                          interrupt it sends back
 *     greet TEXT           put TEXT into the read/write section
 *     ring PEER            ring PEER's doorbell (vector 0); ringing our
 *                          own waits for the interrupt it causes
 *
 * The ping protocol is that of the ivshmem-demo inmate: sequence number
 * (u32, written last) and a 64-byte payload, byte i = (seq * 7 + i) for
 * the ping and its inverse for the pong. Exit status 0 on success.
 *
 * -p: ping by polling only, no doorbells either way (the inmate needs
 * "poll" on its command line): the baseline for doorbell costs.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

#define REG_ID		0x00
#define REG_MAX_PEERS	0x04
#define REG_DOORBELL	0x0c
#define REG_STATE	0x10
#define PAYLOAD_SIZE	64

struct message {
	uint32_t seq;
	uint8_t payload[PAYLOAD_SIZE];
};

struct map {
	void *addr;
	size_t size;
};

static struct {
	int fd;
	const char *path;
	struct map regs, states, rw, out;
	uint32_t id, peers;
	int timeout_ms;
	bool poll;
} dev = { .path = "/dev/uio0", .timeout_ms = 10000 };

static int fail(const char *what)
{
	fprintf(stderr, "ivshmem-demo: %s: %s\n", what,
		errno ? strerror(errno) : "failed");
	return 1;
}

static long sysfs_value(int index, const char *attr)
{
	const char *name = strrchr(dev.path, '/');
	char path[128];
	long value = -1;
	FILE *f;

	snprintf(path, sizeof(path), "/sys/class/uio%s/maps/map%d/%s",
		 name ? name : "/uio0", index, attr);
	f = fopen(path, "r");
	if (!f)
		return -1;
	if (fscanf(f, "%li", &value) != 1)
		value = -1;
	fclose(f);
	return value;
}

static bool map_name_is(int index, const char *want)
{
	const char *name = strrchr(dev.path, '/');
	char path[128], got[32] = "";
	FILE *f;

	snprintf(path, sizeof(path), "/sys/class/uio%s/maps/map%d/name",
		 name ? name : "/uio0", index);
	f = fopen(path, "r");
	if (!f)
		return false;
	if (!fgets(got, sizeof(got), f))
		got[0] = 0;
	fclose(f);
	got[strcspn(got, "\n")] = 0;
	return !strcmp(got, want);
}

/* The UIO map of that name, read-only or writable. */
static int map_by_name(const char *name, bool writable, struct map *m)
{
	int index, prot = PROT_READ | (writable ? PROT_WRITE : 0);

	for (index = 0; index < 5; index++) {
		if (!map_name_is(index, name))
			continue;
		m->size = sysfs_value(index, "size");
		m->addr = mmap(NULL, m->size, prot, MAP_SHARED, dev.fd,
			       (off_t)index * getpagesize());
		return m->addr == MAP_FAILED ? -1 : 0;
	}
	m->addr = NULL;
	return 0;
}

static volatile uint32_t *reg(unsigned int offset)
{
	return (volatile uint32_t *)((char *)dev.regs.addr + offset);
}

static uint32_t state_of(unsigned int peer)
{
	return ((volatile uint32_t *)dev.states.addr)[peer];
}

static struct message *output_of(unsigned int peer)
{
	return (struct message *)((char *)dev.out.addr +
				  peer * (dev.out.size / dev.peers));
}

static int open_device(void)
{
	dev.fd = open(dev.path, O_RDWR);
	if (dev.fd < 0)
		return fail(dev.path);
	if (map_by_name("registers", true, &dev.regs) || !dev.regs.addr ||
	    map_by_name("state_table", false, &dev.states) ||
	    !dev.states.addr || map_by_name("rw_section", true, &dev.rw) ||
	    map_by_name("output_sections", true, &dev.out) || !dev.out.addr)
		return fail("mapping the device");
	dev.id = *reg(REG_ID);
	dev.peers = *reg(REG_MAX_PEERS);
	if (!dev.peers || dev.id >= dev.peers)
		return fail("implausible ID or peer count");
	return 0;
}

/* Wait for one interrupt: 1, or 0 on timeout, -1 on error. */
static int wait_irq(int timeout_ms)
{
	struct pollfd pfd = { .fd = dev.fd, .events = POLLIN };
	uint32_t count;
	int n = poll(&pfd, 1, timeout_ms);

	if (n <= 0)
		return n;
	return read(dev.fd, &count, sizeof(count)) == sizeof(count) ? 1 : -1;
}

static long long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000LL + ts.tv_nsec / 1000000;
}

static int cmd_info(void)
{
	unsigned int n;

	printf("ID %u of %u peers, state table %zu, r/w %zu, output "
	       "sections %zu bytes each\n", dev.id, dev.peers,
	       dev.states.size, dev.rw.addr ? dev.rw.size : 0,
	       dev.out.size / dev.peers);
	for (n = 0; n < dev.peers; n++)
		printf("peer %u: state %u\n", n, state_of(n));
	return 0;
}

static int cmd_wait_state(unsigned int peer, uint32_t value)
{
	long long deadline = now_ms() + dev.timeout_ms;
	unsigned int irqs = 0;

	if (peer >= dev.peers)
		return fail("no such peer");
	while (state_of(peer) != value) {
		if (now_ms() >= deadline) {
			printf("peer %u: state %u, not %u, after %u "
			       "interrupts: timeout\n", peer, state_of(peer),
			       value, irqs);
			return 1;
		}
		if (wait_irq(100) > 0)
			irqs++;
	}
	/* The interrupt may trail the state table write a little. */
	if (!irqs && wait_irq(1000) > 0)
		irqs++;
	printf("peer %u: state %u, %u interrupts\n", peer, value, irqs);
	return 0;
}

/*
 * The sections are shared memory, but UIO maps them uncached: Device
 * memory on ARM, where an unaligned access (a vectorized copy into the
 * payload at offset 4) faults. Byte by byte through volatile, then.
 */
static bool pong_ok(unsigned int peer, uint32_t seq)
{
	const volatile uint8_t *in = output_of(peer)->payload;
	unsigned int n;

	for (n = 0; n < PAYLOAD_SIZE; n++)
		if (in[n] != (uint8_t)~(seq * 7 + n))
			return false;
	return true;
}

/* One round trip; 0 when the pong came back intact. */
static int round_trip(unsigned int peer, uint32_t seq)
{
	struct message *out = output_of(dev.id);
	volatile uint8_t *payload = out->payload;
	long long deadline = now_ms() + dev.timeout_ms;
	unsigned int n;

	for (n = 0; n < PAYLOAD_SIZE; n++)
		payload[n] = seq * 7 + n;
	__atomic_store_n(&out->seq, seq, __ATOMIC_RELEASE);
	if (!dev.poll)
		*reg(REG_DOORBELL) = peer << 16;
	while (__atomic_load_n(&output_of(peer)->seq, __ATOMIC_ACQUIRE) !=
	       seq) {
		if (now_ms() >= deadline) {
			printf("ping %u: no pong from peer %u\n", seq, peer);
			return 1;
		}
		if (!dev.poll)
			wait_irq(100);
	}
	if (!pong_ok(peer, seq)) {
		printf("ping %u: pong from peer %u CORRUPT\n", seq, peer);
		return 1;
	}
	printf("ping %u: pong from peer %u ok\n", seq, peer);
	return 0;
}

static long long now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000LL + ts.tv_nsec / 1000;
}

static int cmd_ping(unsigned int peer, unsigned int count)
{
	uint32_t seq = output_of(dev.id)->seq;
	long long start = now_us();
	unsigned int n;

	if (peer >= dev.peers || peer == dev.id)
		return fail("no such peer");
	for (n = 0; n < count; n++) {
		/* Never 0: that means "nothing yet" to the peer. */
		if (++seq == 0)
			seq = 1;
		if (round_trip(peer, seq))
			return 1;
	}
	printf("%u round trips with peer %u, data ok both ways, %lld us "
	       "each on average\n", count, peer,
	       count ? (now_us() - start) / count : 0);
	return 0;
}

static int cmd_greet(const char *text)
{
	volatile char *dst;

	if (!dev.rw.addr || strlen(text) >= dev.rw.size)
		return fail("no room in the read/write section");
	/* Byte by byte, as pong_ok() says. */
	dst = dev.rw.addr;
	do
		*dst++ = *text;
	while (*text++);
	return 0;
}

static int cmd_ring(unsigned int peer)
{
	if (peer >= dev.peers)
		return fail("no such peer");
	*reg(REG_DOORBELL) = peer << 16;
	if (peer != dev.id) {
		printf("rang peer %u\n", peer);
		return 0;
	}
	/* uio counts events since open: one before the poll still counts. */
	if (wait_irq(dev.timeout_ms) <= 0) {
		printf("own doorbell: no interrupt\n");
		return 1;
	}
	printf("own doorbell: interrupt received\n");
	return 0;
}

static int usage(void)
{
	fprintf(stderr, "usage: ivshmem-demo [-d /dev/uioN] [-t SECONDS] [-p] "
		"info | state VALUE | wait-state PEER VALUE |\n"
		"       ping PEER COUNT | greet TEXT | ring PEER\n");
	return 2;
}

static int run(int argc, char **argv)
{
	if (argc == 1 && !strcmp(argv[0], "info"))
		return cmd_info();
	if (argc == 2 && !strcmp(argv[0], "state")) {
		*reg(REG_STATE) = strtoul(argv[1], NULL, 0);
		return 0;
	}
	if (argc == 3 && !strcmp(argv[0], "wait-state"))
		return cmd_wait_state(strtoul(argv[1], NULL, 0),
				      strtoul(argv[2], NULL, 0));
	if (argc == 3 && !strcmp(argv[0], "ping"))
		return cmd_ping(strtoul(argv[1], NULL, 0),
				strtoul(argv[2], NULL, 0));
	if (argc == 2 && !strcmp(argv[0], "greet"))
		return cmd_greet(argv[1]);
	if (argc == 2 && !strcmp(argv[0], "ring"))
		return cmd_ring(strtoul(argv[1], NULL, 0));
	return usage();
}

int main(int argc, char **argv)
{
	int opt;

	while ((opt = getopt(argc, argv, "d:t:p")) != -1) {
		if (opt == 'd')
			dev.path = optarg;
		else if (opt == 't')
			dev.timeout_ms = atoi(optarg) * 1000;
		else if (opt == 'p')
			dev.poll = true;
		else
			return usage();
	}
	if (optind >= argc)
		return usage();
	if (open_device())
		return 1;
	return run(argc - optind, argv + optind);
}
