// SPDX-License-Identifier: GPL-2.0
/*
 * Stockade `jailhouse` tool: hardware check on x86.
 *
 * AMD needs SVM with nested paging (NPT); Intel needs VMX with EPT and
 * unrestricted guest mode. IOMMUs (AMD-Vi, VT-d) isolate DMA of devices
 * given to cells; without one the hypervisor still runs.
 */
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "hardware.h"

struct cpu {
	char vendor[32];
	char *flags;		/* "flags" line of the first CPU */
	char *vmx_flags;	/* "vmx flags" line (Linux 5.9+), or NULL */
};

/* Value of the first "key : value" line with this key, copied. */
static char *cpuinfo_value(const char *cpuinfo, const char *key)
{
	size_t len = strlen(key);
	const char *line = cpuinfo, *colon, *end;

	while (line && *line) {
		end = strchr(line, '\n');
		if (!end)
			end = line + strlen(line);
		if (strncmp(line, key, len) == 0 &&
		    (line[len] == '\t' || line[len] == ' ' || line[len] == ':')) {
			colon = memchr(line, ':', end - line);
			if (colon) {
				colon++;
				while (*colon == ' ')
					colon++;
				return strndup(colon, end - colon);
			}
		}
		line = *end ? end + 1 : NULL;
	}
	return NULL;
}

static void check_amd(struct hw_report *r, const struct cpu *cpu)
{
	if (hw_has_word(cpu->flags, "svm"))
		hw_line(r, "SVM (AMD-V)", HW_OK, "CPU flag svm");
	else
		hw_line(r, "SVM (AMD-V)", HW_MISSING,
			"the CPU offers no SVM, or the firmware turned it off");

	if (hw_has_word(cpu->flags, "npt"))
		hw_line(r, "nested paging (NPT)", HW_OK, "CPU flag npt");
	else
		hw_line(r, "nested paging (NPT)", HW_MISSING,
			"the CPU offers no nested paging (npt)");
}

#define MSR_IA32_FEATURE_CONTROL	0x3a
#define FEATURE_CONTROL_LOCKED		(1ULL << 0)
#define FEATURE_CONTROL_VMX		(1ULL << 2)

/*
 * The firmware's lock on VMX, from the msr driver's device: locked without
 * VMX outside SMX, VMXON faults whatever the CPU offers.
 */
static void check_feature_control(struct hw_report *r)
{
	int fd = open(jh_path("/dev/cpu/0/msr"), O_RDONLY | O_CLOEXEC);
	uint64_t fc;
	ssize_t got = -1;

	if (fd >= 0) {
		got = pread(fd, &fc, sizeof(fc), MSR_IA32_FEATURE_CONTROL);
		close(fd);
	}
	if (got != (ssize_t)sizeof(fc))
		hw_line(r, "IA32_FEATURE_CONTROL", HW_INFO,
			"not readable (needs root and the msr module)");
	else if (!(fc & FEATURE_CONTROL_LOCKED))
		hw_line(r, "IA32_FEATURE_CONTROL", HW_OK,
			"unlocked: the hypervisor locks it with VMX allowed");
	else if (fc & FEATURE_CONTROL_VMX)
		hw_line(r, "IA32_FEATURE_CONTROL", HW_OK,
			"locked with VMX allowed outside SMX");
	else
		hw_line(r, "IA32_FEATURE_CONTROL", HW_MISSING,
			"locked by the firmware with VMX off: enable VT-x in its setup");
}

static void check_intel_optional(struct hw_report *r, const char *vmx)
{
	if (!vmx)
		return;
	if (hw_has_word(vmx, "vpid"))
		hw_line(r, "VPID", HW_OK, "VMX flag vpid");
	else
		hw_line(r, "VPID", HW_INFO,
			"absent (optional: the TLB is flushed on every exit)");
}

static void check_intel(struct hw_report *r, const struct cpu *cpu)
{
	const char *vmx = cpu->vmx_flags;

	if (hw_has_word(cpu->flags, "vmx"))
		hw_line(r, "VMX (VT-x)", HW_OK, "CPU flag vmx");
	else
		hw_line(r, "VMX (VT-x)", HW_MISSING,
			"the CPU offers no VMX, or the firmware turned it off");

	if (hw_has_word(cpu->flags, "ept") || (vmx && hw_has_word(vmx, "ept")))
		hw_line(r, "EPT", HW_OK, "CPU flag ept");
	else
		hw_line(r, "EPT", HW_MISSING,
			"the CPU offers no extended page tables (ept)");

	/* Older kernels do not list VMX details: say so, do not guess. */
	if (!vmx)
		hw_line(r, "unrestricted guest", HW_INFO,
			"not shown by this kernel (no 'vmx flags' in /proc/cpuinfo)");
	else if (hw_has_word(vmx, "unrestricted_guest"))
		hw_line(r, "unrestricted guest", HW_OK,
			"VMX flag unrestricted_guest");
	else
		hw_line(r, "unrestricted guest", HW_MISSING,
			"the CPU offers no unrestricted guest mode");
	check_intel_optional(r, vmx);
	check_feature_control(r);
}

/*
 * The mode the hypervisor gives cells their APIC in, as its banner says:
 * x2APIC mode where the CPU has it, else an x2APIC emulated over the
 * xAPIC, at an exit per access.
 */
static void check_apic(struct hw_report *r, const struct cpu *cpu)
{
	if (hw_has_word(cpu->flags, "x2apic"))
		hw_line(r, "APIC", HW_OK,
			"Using x2APIC (cells take no exit for EOI and timer)");
	else
		hw_line(r, "APIC", HW_INFO,
			"Using xAPIC (cells' x2APIC emulated: an exit per access)");
}

/* ACPI table header, then the DMAR/IVRS fields before their entries. */
#define ACPI_HEADER_LEN		36
#define DMAR_FLAGS_OFFSET	37
#define DMAR_FLAG_INTR_REMAP	0x01
#define DMAR_ENTRIES_OFFSET	48
#define DMAR_TYPE_DRHD		0
#define DRHD_BASE_OFFSET	8
#define IVRS_ENTRIES_OFFSET	48

struct acpi_table {
	unsigned char *data;
	size_t len;
};

/* The whole table (root only), or len 0. */
static struct acpi_table read_acpi_table(const char *path)
{
	struct acpi_table t = { .data = malloc(65536) };
	ssize_t got;
	int fd = open(jh_path(path), O_RDONLY | O_CLOEXEC);

	if (fd < 0 || !t.data) {
		if (fd >= 0)
			close(fd);
		return t;
	}
	got = read(fd, t.data, 65536);
	close(fd);
	t.len = got > ACPI_HEADER_LEN ? (size_t)got : 0;
	return t;
}

static uint16_t le16(const unsigned char *p)
{
	return p[0] | p[1] << 8;
}

static uint64_t le64(const unsigned char *p)
{
	uint64_t v = 0;
	int n;

	for (n = 7; n >= 0; n--)
		v = v << 8 | p[n];
	return v;
}

/*
 * Remapping structures of the table from offset start: how many have a
 * type in types (a bit mask), and the first one's register base (DMAR).
 */
static int count_entries(const struct acpi_table *t, size_t start,
			 uint64_t types, uint64_t *first_base)
{
	size_t off = start, len;
	int units = 0;

	while (off + 4 <= t->len) {
		len = le16(t->data + off + 2);
		if (len < 4 || off + len > t->len)
			break;
		if (t->data[off] < 64 && (types >> t->data[off]) & 1) {
			if (!units && first_base &&
			    len >= DRHD_BASE_OFFSET + 8)
				*first_base = le64(t->data + off +
						   DRHD_BASE_OFFSET);
			units++;
		}
		off += len;
	}
	return units;
}

/* DRHD units and whether the firmware offers interrupt remapping. */
static bool report_dmar(struct hw_report *r)
{
	struct acpi_table t = read_acpi_table("/sys/firmware/acpi/tables/DMAR");
	uint64_t base = 0;
	int units;

	if (!t.len) {
		free(t.data);
		return false;
	}
	units = count_entries(&t, DMAR_ENTRIES_OFFSET,
			      1ULL << DMAR_TYPE_DRHD, &base);
	hw_line(r, "IOMMU (VT-d)", units ? HW_OK : HW_WARN,
		"%d DMAR unit%s (first at 0x%llx), interrupt remapping %s",
		units, units == 1 ? "" : "s", (unsigned long long)base,
		t.data[DMAR_FLAGS_OFFSET] & DMAR_FLAG_INTR_REMAP ?
		"offered" : "not offered");
	free(t.data);
	return true;
}

/*
 * IVHD blocks: types 0x10, 0x11 and 0x40 describe the same unit for
 * different OS generations, so units are told apart by register base.
 */
#define IVHD_BASE_OFFSET	8
#define IVHD_ENTRIES_10		24
#define IVHD_ENTRIES_11		40
#define IVHD_SPECIAL		0x48
#define IVHD_SPECIAL_IOAPIC	1
#define IVHD_ACPI_HID		0xf0

static bool is_ivhd(unsigned char type)
{
	return type == 0x10 || type == 0x11 || type == 0x40;
}

/* Size of the device entry at p (spec: by type range), 0 if unknown. */
static size_t ivhd_entry_len(const unsigned char *p, size_t left)
{
	if (p[0] < 0x40)
		return 4;
	if (p[0] < 0x80)
		return 8;
	if (p[0] == IVHD_ACPI_HID && left > 21)
		return 22 + p[21];
	return 0;
}

/*
 * Whether the block names an IOAPIC (special entry, variety 1): without
 * one, Linux and the hypervisor cannot remap its interrupts.
 */
static bool ivhd_has_ioapic(const unsigned char *b, size_t len)
{
	size_t off = b[0] == 0x10 ? IVHD_ENTRIES_10 : IVHD_ENTRIES_11;
	size_t step;

	while (off + 4 <= len) {
		if (b[off] == IVHD_SPECIAL && off + 8 <= len &&
		    b[off + 7] == IVHD_SPECIAL_IOAPIC)
			return true;
		step = ivhd_entry_len(b + off, len - off);
		if (!step)
			break;
		off += step;
	}
	return false;
}

/* Distinct units (by base, up to 8) and whether IR is possible. */
static bool report_ivrs(struct hw_report *r)
{
	struct acpi_table t = read_acpi_table("/sys/firmware/acpi/tables/IVRS");
	uint64_t bases[8], base;
	size_t off = IVRS_ENTRIES_OFFSET, len;
	int units = 0, n;
	bool ioapic = false;

	if (!t.len) {
		free(t.data);
		return false;
	}
	for (; off + 4 <= t.len; off += len) {
		len = le16(t.data + off + 2);
		if (len < 4 || off + len > t.len)
			break;
		if (!is_ivhd(t.data[off]) || len < IVHD_ENTRIES_10)
			continue;
		ioapic |= ivhd_has_ioapic(t.data + off, len);
		base = le64(t.data + off + IVHD_BASE_OFFSET);
		for (n = 0; n < units && bases[n] != base; n++)
			;
		if (n == units && units < 8)
			bases[units++] = base;
	}
	hw_line(r, "IOMMU (AMD-Vi)", units ? HW_OK : HW_WARN,
		"%d IVRS unit%s (first at 0x%llx), interrupt remapping %s",
		units, units == 1 ? "" : "s",
		units ? (unsigned long long)bases[0] : 0ULL,
		ioapic ? "offered: the hypervisor remaps cells' device "
		"interrupts" : "not offered (no IOAPIC in IVRS): cells' device "
		"interrupts may not arrive (QEMU: intremap=off)");
	free(t.data);
	return true;
}

/*
 * The firmware's tables, as the hypervisor takes the units over Linux's
 * head (Linux boots with intel_iommu=off or amd_iommu=off): what sysfs
 * shows only covers units Linux uses.
 */
static void check_iommu(struct hw_report *r, bool amd)
{
	const char *table = amd ? "/sys/firmware/acpi/tables/IVRS" :
				  "/sys/firmware/acpi/tables/DMAR";
	const char *name = amd ? "IOMMU (AMD-Vi)" : "IOMMU (VT-d)";
	int units = hw_count_entries("/sys/class/iommu");

	/* VT-d also serves AMD CPUs in virtual machines (QEMU). */
	if (report_dmar(r) | report_ivrs(r))
		return;
	if (units > 0)
		hw_line(r, name, HW_OK, "%d unit%s in /sys/class/iommu", units,
			units == 1 ? "" : "s");
	else if (hw_exists(table))
		hw_line(r, name, HW_OK,
			"ACPI table %s present (not in use by Linux)",
			amd ? "IVRS" : "DMAR");
	else
		hw_line(r, name, HW_WARN,
			"none found: devices given to cells are not DMA-isolated");
}

/*
 * The KVM module of this CPU, if loaded (NULL if not), and whether it has
 * VMX/SVM switched on. KVM does that while it has virtual machines, and
 * each of them holds a reference on kvm_intel/kvm_amd, the use count in
 * /proc/modules. An open /dev/kvm holds one as well without switching
 * anything on, but outside of virtual machines it is rarely held for
 * long. From Linux 6.12 KVM may switch VMX/SVM on as soon as it is
 * loaded, which kvm.enable_virt_at_load says.
 */
static const char *kvm_module(bool *in_use)
{
	static char name[16];
	char *modules = hw_read_text("/proc/modules");
	char *virt_at_load, *line, *next;
	int fields, users;

	*in_use = false;
	name[0] = '\0';
	for (line = modules; line && *line; line = next) {
		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		/* "name size users deps state address" */
		fields = sscanf(line, "%15s %*u %d", name, &users);
		if (fields >= 1 &&
		    (!strcmp(name, "kvm_intel") || !strcmp(name, "kvm_amd"))) {
			*in_use = fields == 2 && users > 0;
			break;
		}
		name[0] = '\0';
	}
	free(modules);
	if (!name[0])
		return NULL;

	virt_at_load =
		hw_read_text("/sys/module/kvm/parameters/enable_virt_at_load");
	if (virt_at_load && virt_at_load[0] == 'Y')
		*in_use = true;
	free(virt_at_load);
	return name;
}

static void check_kvm(struct hw_report *r)
{
	bool in_use;
	const char *held = kvm_module(&in_use);

	if (held && in_use)
		hw_line(r, "KVM", HW_WARN,
			"%s is in use and holds VMX/SVM: enable fails until its virtual machines stop or it is unloaded",
			held);
	else if (held)
		hw_line(r, "KVM", HW_WARN,
			"%s is loaded; unload it if enable reports a busy CPU",
			held);
	else
		hw_line(r, "KVM", HW_OK, "not loaded");
}

const char *hw_virt_taken(void)
{
	static char text[160];
	bool in_use;
	const char *held = kvm_module(&in_use);

	if (!held || !in_use)
		return NULL;
	snprintf(text, sizeof(text),
		 "KVM holds the CPU's virtualization (%s is in use); stop its virtual machines or unload %s",
		 held, held);
	return text;
}

const char hw_mem_param[] = "memmap=";

int hw_check_arch(struct hw_report *r)
{
	struct cpu cpu = { .vendor = "" };
	char *cpuinfo, *vendor;
	bool amd, intel;

	cpuinfo = hw_read_text("/proc/cpuinfo");
	if (!cpuinfo || !*cpuinfo) {
		free(cpuinfo);
		return jh_fail("cannot read /proc/cpuinfo (is /proc mounted?)");
	}
	vendor = cpuinfo_value(cpuinfo, "vendor_id");
	cpu.flags = cpuinfo_value(cpuinfo, "flags");
	cpu.vmx_flags = cpuinfo_value(cpuinfo, "vmx flags");
	free(cpuinfo);
	if (vendor)
		snprintf(cpu.vendor, sizeof(cpu.vendor), "%s", vendor);
	free(vendor);
	if (!cpu.flags)
		cpu.flags = strdup("");

	amd = !strcmp(cpu.vendor, "AuthenticAMD") ||
	      !strcmp(cpu.vendor, "HygonGenuine");
	intel = !strcmp(cpu.vendor, "GenuineIntel");

	printf("Hardware check (x86, %s):\n",
	       cpu.vendor[0] ? cpu.vendor : "unknown vendor");
	if (amd)
		check_amd(r, &cpu);
	else if (intel)
		check_intel(r, &cpu);
	else
		hw_line(r, "CPU vendor", HW_MISSING,
			"CPU vendor '%s' is not supported (AMD or Intel needed)",
			cpu.vendor);
	if (amd || intel) {
		check_apic(r, &cpu);
		check_iommu(r, amd);
	}
	check_kvm(r);
	if (cpu.flags && hw_has_word(cpu.flags, "hypervisor"))
		hw_line(r, "nested", HW_INFO,
			"Linux itself runs in a virtual machine");

	free(cpu.flags);
	free(cpu.vmx_flags);
	return EXIT_OK;
}
