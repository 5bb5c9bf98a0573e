// SPDX-License-Identifier: GPL-2.0
/*
 * Stockade `jailhouse` tool: turning a driver errno into one sentence.
 *
 * The driver answers with a bare errno and writes its detailed reason to
 * the kernel log. The same errno means different things for different
 * requests (EINVAL is a bad config for "enable" but may be "not enabled"
 * for cell requests), so the sentence depends on the operation, and where
 * the state is visible (sysfs, /proc) it is consulted instead of guessed.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <jailhouse/cell-config.h>

#include "cli.h"
#include "hardware.h"

#define SEE_DMESG	"; see dmesg"

static const char *const verb[] = {
	[JH_OP_ENABLE] = "enable Jailhouse",
	[JH_OP_DISABLE] = "disable Jailhouse",
	[JH_OP_CELL_CREATE] = "create the cell",
	[JH_OP_CELL_LOAD] = "load the cell",
	[JH_OP_CELL_SHUTDOWN] = "shut the cell down",
	[JH_OP_CELL_START] = "start the cell",
	[JH_OP_CELL_DESTROY] = "destroy the cell",
	[JH_OP_CONSOLE] = "read the hypervisor console",
};

void jh_explain_open(int err)
{
	switch (err) {
	case ENOENT:
	case ENXIO:
	case ENODEV:
		if (err == ENOENT && jh_hv_state() != JH_HV_NO_DRIVER)
			jh_fail("/dev/jailhouse is missing although the driver is loaded (is devtmpfs mounted?)");
		else
			jh_fail("the jailhouse driver is not loaded (modprobe jailhouse)");
		break;
	case EACCES:
	case EPERM:
		jh_fail("permission denied opening /dev/jailhouse (run as root)");
		break;
	default:
		jh_fail("cannot open /dev/jailhouse: %s", strerror(err));
	}
}

static bool is_cell_op(enum jh_op op)
{
	return op != JH_OP_ENABLE && op != JH_OP_DISABLE &&
	       op != JH_OP_CONSOLE;
}

/*
 * Is some of the hypervisor memory System RAM in /proc/iomem? Linux marks
 * its RAM busy, so the driver cannot claim any part of it, while memory
 * kept from Linux is listed as reserved (memmap=) or not at all (mem=).
 * Other users read all addresses there as zero, which matches nothing and
 * leaves the cause open.
 */
static bool hv_memory_in_ram(const struct jailhouse_system *sys)
{
	unsigned long long first = sys->hypervisor_memory.phys_start;
	unsigned long long last = first + sys->hypervisor_memory.size - 1;
	unsigned long long start, end;
	char *iomem, *line, *next;
	bool in_ram = false;
	int name;

	if (!sys->hypervisor_memory.size || last < first)
		return false;
	iomem = hw_read_text("/proc/iomem");
	for (line = iomem; line && *line && !in_ram; line = next) {
		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		name = 0;
		/* "  start-end : name", nested entries indented */
		if (sscanf(line, " %llx-%llx : %n", &start, &end, &name) == 2 &&
		    name && !strcmp(line + name, "System RAM"))
			in_ram = start <= last && end >= first;
	}
	free(iomem);
	return in_ram;
}

static void explain_busy_enable(const struct jailhouse_system *sys)
{
	const char *taken;

	if (jh_hv_state() == JH_HV_ENABLED) {
		jh_fail("Jailhouse is already enabled");
		return;
	}
	/* In the order the driver checks. */
	taken = hw_virt_taken();
	if (taken)
		jh_fail("%s", taken);
	else if (sys && hv_memory_in_ram(sys))
		jh_fail("the hypervisor memory 0x%llx-0x%llx is not reserved but System RAM of Linux (reserve it with %s on the kernel command line)",
			(unsigned long long)sys->hypervisor_memory.phys_start,
			(unsigned long long)(sys->hypervisor_memory.phys_start +
					     sys->hypervisor_memory.size - 1),
			hw_mem_param);
	else
		jh_fail("the hypervisor memory is not reserved (memmap= or mem= on the kernel command line), or the CPU's virtualization is in use (KVM, or a VHE kernel on ARM)" SEE_DMESG);
}

static void explain_enable(int err, const struct jailhouse_system *sys)
{
	switch (err) {
	case ENODEV:
		jh_fail("no hardware virtualization support (VMX/SVM/EL2) usable by the hypervisor; run 'jailhouse hardware check'" SEE_DMESG);
		break;
	case EINVAL:
		jh_fail("the driver rejected the system config (signature, revision, architecture, or it does not fit the hypervisor memory)" SEE_DMESG);
		break;
	case EBUSY:
		explain_busy_enable(sys);
		break;
	case ENOENT:
		jh_fail("the hypervisor firmware (jailhouse*.bin) is missing in /lib/firmware");
		break;
	case ENOEXEC:
		jh_fail("the hypervisor firmware in /lib/firmware is not a valid image (reinstall it)" SEE_DMESG);
		break;
	case EIO:
		jh_fail("the hypervisor failed to start on a CPU; see dmesg and 'jailhouse console'");
		break;
	case ENXIO:
		jh_fail("a CPU cannot enter the hypervisor: Linux switched it on without its hyp stub (ARMv7); take that CPU offline or reboot" SEE_DMESG);
		break;
	case E2BIG:
	case EFBIG:
		jh_fail("the system config or firmware is too big for the hypervisor memory" SEE_DMESG);
		break;
	default:
		jh_fail("cannot %s: %s" SEE_DMESG, verb[JH_OP_ENABLE],
			strerror(err));
	}
}

/* Causes that one errno has for every cell request alike. */
static bool explain_cell_common(enum jh_op op, int err,
				const struct jailhouse_cell_id *cell)
{
	switch (err) {
	case ENOENT:
		if (op == JH_OP_CELL_CREATE)
			return false;
		if (cell)
			jh_fail("no %s exists", jh_cell_label(cell));
		else
			jh_fail("no such cell exists");
		return true;
	case EEXIST:
		jh_fail("a cell with this name already exists");
		return true;
	default:
		return false;
	}
}

/* The driver refuses the root cell with EINVAL; a root cell given by
 * name is recognised through sysfs. */
static bool is_root_cell(const struct jailhouse_cell_id *cell)
{
	int id;

	if (!cell)
		return false;
	if (cell->id != JAILHOUSE_CELL_ID_UNUSED)
		return cell->id == 0;
	return jh_find_cell(cell, &id) == 0 && id == 0;
}

static void explain_cell(enum jh_op op, int err,
			 const struct jailhouse_cell_id *cell)
{
	bool root = err == EINVAL && is_root_cell(cell);

	if (explain_cell_common(op, err, cell))
		return;

	switch (op) {
	case JH_OP_CELL_CREATE:
		if (err == EINVAL)
			jh_fail("the cell config was rejected (revision, architecture, resources not in the root cell, or CPU 0)" SEE_DMESG);
		else if (err == EBUSY)
			jh_fail("a CPU or memory region of the cell is not available in the root cell (used by another cell or busy in Linux)" SEE_DMESG);
		else if (err == ENOENT)
			jh_fail("the cell config names something that does not exist (a CPU not present?)" SEE_DMESG);
		else if (err == EPERM)
			jh_fail("the hypervisor or a locked cell refused the new cell" SEE_DMESG);
		else if (err == E2BIG || err == EFBIG)
			jh_fail("the cell config is too big" SEE_DMESG);
		else
			break;
		return;
	case JH_OP_CELL_LOAD:
		if (err == EINVAL && root)
			jh_fail("the root cell cannot be loaded");
		else if (err == EINVAL)
			jh_fail("an image does not fit into a loadable memory region of the cell (check the -a addresses), or there are too many images" SEE_DMESG);
		else if (err == EPERM)
			jh_fail("the cell denied the shutdown request that loading needs and keeps running");
		else
			break;
		return;
	case JH_OP_CELL_SHUTDOWN:
	case JH_OP_CELL_START:
	case JH_OP_CELL_DESTROY:
		if (err == EINVAL && root)
			jh_fail("the root cell cannot be %s",
				op == JH_OP_CELL_START ? "started" :
				op == JH_OP_CELL_DESTROY ? "destroyed" :
							   "shut down");
		else if (err == EINVAL)
			jh_fail("the request was rejected by the driver" SEE_DMESG);
		else if (err == EPERM && op == JH_OP_CELL_SHUTDOWN)
			jh_fail("the cell denied the shutdown request and keeps running");
		else if (err == EPERM)
			jh_fail("the cell refused the request (running/locked), or another cell is running/locked and forbids changes");
		else if (err == EBUSY && op == JH_OP_CELL_START)
			jh_fail("the cell is already running (shut it down first)");
		else if (err == EBUSY)
			jh_fail("the cell is busy with another request; try again");
		else
			break;
		return;
	default:
		break;
	}
	jh_fail("cannot %s: %s" SEE_DMESG, verb[op], strerror(err));
}

void jh_explain(enum jh_op op, int err, const void *arg,
		const struct jailhouse_cell_id *cell)
{
	/* Whatever else they might mean, these two are what a request to a
	 * driver without a running hypervisor gets. */
	if (op != JH_OP_ENABLE && (err == ENODEV || err == EINVAL) &&
	    jh_hv_state() == JH_HV_DISABLED) {
		jh_fail("Jailhouse is not enabled");
		return;
	}

	switch (err) {
	case EPERM:
	case EACCES:
		if (geteuid() != 0) {
			jh_fail("this needs root privileges");
			return;
		}
		break;
	case ENOMEM:
		jh_fail("out of memory (in the driver or the hypervisor's memory pool)" SEE_DMESG);
		return;
	case ENOTTY:
		jh_fail("/dev/jailhouse does not know this request (driver and tool do not match)");
		return;
	case EINTR:
		jh_fail("interrupted by a signal while trying to %s", verb[op]);
		return;
	case ENOSYS:
		jh_fail("the driver cannot %s on this architecture yet" SEE_DMESG,
			verb[op]);
		return;
	default:
		break;
	}

	if (op == JH_OP_ENABLE)
		explain_enable(err, arg);
	else if (is_cell_op(op))
		explain_cell(op, err, cell);
	else if (op == JH_OP_DISABLE && err == EPERM)
		jh_fail("a cell refused the shutdown of the hypervisor (running/locked)");
	else if (op == JH_OP_DISABLE && err == EBUSY)
		jh_fail("cells still exist; destroy them first");
	else
		jh_fail("cannot %s: %s" SEE_DMESG, verb[op], strerror(err));
}
