// SPDX-License-Identifier: GPL-2.0
/*
 * edu-uio SYSFS-DEVICE UIO-DEVICE: Linux's own generic driver
 * (uio_pci_generic) drives QEMU's edu device once a cell has given it
 * back: a factorial through edu's registers in BAR0 (mapped from sysfs)
 * and an interrupt that edu raises when done, which arrives through
 * uio (INTx, so the device's interrupt pin is the root cell's again).
 * Prints "edu-uio: factorial ok, interrupt ok" or what went wrong. Exits
 * non-zero when the factorial fails; the interrupt is only reported:
 * with QEMU 10's q35 it does not arrive even without the hypervisor.
 */
#include <fcntl.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#define EDU_BAR_SIZE		0x100000
#define EDU_FACTORIAL		0x08
#define EDU_STATUS		0x20
#define  STATUS_COMPUTING	0x01
#define  STATUS_IRQ_WHEN_DONE	0x80
#define EDU_IRQ_STATUS		0x24
#define EDU_IRQ_ACK		0x64

static volatile uint32_t *edu;

static uint32_t reg(unsigned int off)
{
	return edu[off / 4];
}

static void set_reg(unsigned int off, uint32_t value)
{
	edu[off / 4] = value;
}

static int map_bar(const char *device)
{
	char path[256];
	void *map;
	int fd;

	snprintf(path, sizeof(path), "%s/resource0", device);
	fd = open(path, O_RDWR | O_SYNC);
	if (fd < 0) {
		perror(path);
		return -1;
	}
	map = mmap(NULL, EDU_BAR_SIZE, PROT_READ | PROT_WRITE, MAP_SHARED, fd,
		   0);
	close(fd);
	if (map == MAP_FAILED) {
		perror("mmap");
		return -1;
	}
	edu = map;
	return 0;
}

/* uio_pci_generic: writing 1 unmasks the interrupt (INTx enable). */
static int wait_interrupt(int uio)
{
	struct pollfd pfd = { .fd = uio, .events = POLLIN };
	uint32_t on = 1, count;

	if (write(uio, &on, sizeof(on)) != sizeof(on))
		return -1;
	set_reg(EDU_STATUS, STATUS_IRQ_WHEN_DONE);
	set_reg(EDU_FACTORIAL, 5);
	if (poll(&pfd, 1, 5000) != 1 ||
	    read(uio, &count, sizeof(count)) != sizeof(count))
		return -1;
	set_reg(EDU_IRQ_ACK, reg(EDU_IRQ_STATUS));
	return 0;
}

static int factorial_ok(void)
{
	int n;

	set_reg(EDU_STATUS, 0);
	set_reg(EDU_FACTORIAL, 10);
	for (n = 0; n < 1000 && (reg(EDU_STATUS) & STATUS_COMPUTING); n++)
		usleep(1000);
	return reg(EDU_FACTORIAL) == 3628800;
}

int main(int argc, char **argv)
{
	int uio, fact, irq;

	if (argc != 3) {
		fprintf(stderr, "usage: edu-uio SYSFS-DEVICE UIO-DEVICE\n");
		return 2;
	}
	if (map_bar(argv[1]))
		return 1;
	uio = open(argv[2], O_RDWR);
	if (uio < 0) {
		perror(argv[2]);
		return 1;
	}
	fact = factorial_ok();
	irq = wait_interrupt(uio) == 0;
	printf("edu-uio: factorial %s, interrupt %s\n", fact ? "ok" : "WRONG",
	       irq ? "ok" : "MISSING");
	return fact ? 0 : 1;
}
