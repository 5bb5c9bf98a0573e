# SPDX-License-Identifier: GPL-2.0
#
# hardware check on x86 from a fake /proc and /sys.

# cpuinfo VENDOR FLAGS [VMX_FLAGS]: two CPUs, as Linux prints them.
cpuinfo()
{
	mkdir -p "$R/proc"
	: >"$R/proc/cpuinfo"
	for cpu in 0 1; do
		{
			printf 'processor\t: %s\nvendor_id\t: %s\n' "$cpu" "$1"
			printf 'model name\t: Test CPU\nflags\t\t: %s\n' "$2"
			[ -n "$3" ] && printf 'vmx flags\t: %s\n' "$3"
			printf '\n'
		} >>"$R/proc/cpuinfo"
	done
}

AMDFLAGS="fpu vme de pse tsc msr pae mce cx8 apic svm lm npt nrip_save"

new_root
cpuinfo AuthenticAMD "$AMDFLAGS"
mkdir -p "$R/sys/class/iommu/ivhd0"
expect "AMD with SVM, NPT, IOMMU" 0 "" "$JH" hardware check
check "AMD report lists SVM ok" "got: $OUT" matches "$OUT" 'SVM \(AMD-V\) +ok'
check "AMD report lists the IOMMU" "got: $OUT" contains "$OUT" "1 unit in /sys/class/iommu"
check "AMD report ends with a verdict" "got: $OUT" contains "$OUT" "Nothing found that would keep 'jailhouse enable' from working."
check "AMD without x2APIC: Using xAPIC" "got: $OUT" matches "$OUT" 'APIC +note +Using xAPIC'

new_root
cpuinfo AuthenticAMD "$AMDFLAGS x2apic"
expect "AMD with x2APIC" 0 "" "$JH" hardware check
check "AMD with x2APIC: Using x2APIC" "got: $OUT" matches "$OUT" 'APIC +ok +Using x2APIC'

new_root
cpuinfo AuthenticAMD "fpu svm lm nrip_save"
expect "AMD without NPT" 1 "jailhouse hardware check: enable cannot work: the CPU offers no nested paging (npt)." \
	"$JH" hardware check
check "missing NPT is marked" "got: $OUT" matches "$OUT" 'NPT\) +MISSING'
check "no IOMMU is a warning" "got: $OUT" matches "$OUT" 'IOMMU \(AMD-Vi\) +warning'

new_root
cpuinfo AuthenticAMD "fpu lm hypervisor"
expect "AMD without SVM and NPT" 1 "offers no SVM, or the firmware turned it off (and 1 more problem above)." \
	"$JH" hardware check
check "guest is noted" "got: $OUT" contains "$OUT" "Linux itself runs in a virtual machine"

new_root
cpuinfo GenuineIntel "fpu vmx lm" "vnmi preemption_timer invvpid ept_x_only ept ept_ad flexpriority tsc_offset vtpr mtf ple"
mkdir -p "$R/sys/firmware/acpi/tables"
: >"$R/sys/firmware/acpi/tables/DMAR"
expect "Intel without unrestricted guest" 1 "the CPU offers no unrestricted guest mode." \
	"$JH" hardware check
check "DMAR table counts as VT-d" "got: $OUT" contains "$OUT" "ACPI table DMAR present"

new_root
cpuinfo GenuineIntel "fpu vmx lm" "ept unrestricted_guest"
expect "Intel with EPT and unrestricted guest" 0 "" "$JH" hardware check

# dmar FLAGS: a DMAR table with one DRHD at 0xfed90000 and an RMRR.
dmar()
{
	mkdir -p "$R/sys/firmware/acpi/tables"
	{
		printf 'DMAR\100\000\000\000'
		head -c 28 /dev/zero
		printf '\057%b' "$1"
		head -c 10 /dev/zero
		printf '\000\000\020\000\000\000\000\000'
		printf '\000\000\331\376\000\000\000\000'
		printf '\001\000\010\000\000\000\000\000'
	} >"$R/sys/firmware/acpi/tables/DMAR"
}

new_root
cpuinfo AuthenticAMD "$AMDFLAGS"
dmar '\001'
expect "AMD CPU with a VT-d unit (QEMU)" 0 "" "$JH" hardware check
check "DMAR units counted, IR offered" "got: $OUT" contains "$OUT" \
	"1 DMAR unit (first at 0xfed90000), interrupt remapping offered"

new_root
cpuinfo GenuineIntel "fpu vmx lm" "ept unrestricted_guest"
dmar '\000'
expect "Intel with a VT-d unit without IR" 0 "" "$JH" hardware check
check "DMAR without the IR flag" "got: $OUT" contains "$OUT" \
	"1 DMAR unit (first at 0xfed90000), interrupt remapping not offered"

# ivrs [IOAPIC]: an IVRS as QEMU's amd-iommu gives it: the one unit at
# 0xfed80000 as an IVHD of type 0x10 and again of type 0x11, each with a
# select entry for 00:05.0; with IOAPIC, the 0x11 block also names an
# IOAPIC (special entry 0x48, variety 1).
ivrs()
{
	local len=054

	[ -n "${1:-}" ] && len=064
	mkdir -p "$R/sys/firmware/acpi/tables"
	{
		printf 'IVRS\000\000\000\000\001'
		head -c 39 /dev/zero
		printf '\020\321\034\000\030\000\100\000'
		printf '\000\000\330\376\000\000\000\000'
		printf '\000\000\000\000\104\000\000\000'
		printf '\002\050\000\000'
		printf "\\021\\021\\$len\\000\\030\\000\\100\\000"
		printf '\000\000\330\376\000\000\000\000'
		head -c 24 /dev/zero
		printf '\002\050\000\000'
		[ -n "${1:-}" ] && printf '\110\000\000\000\000\240\000\001'
	} >"$R/sys/firmware/acpi/tables/IVRS"
}

new_root
cpuinfo AuthenticAMD "$AMDFLAGS"
ivrs
expect "AMD CPU with an AMD-Vi unit (QEMU)" 0 "" "$JH" hardware check
check "IVHD blocks of one unit counted once, no IOAPIC" "got: $OUT" \
	contains "$OUT" "1 IVRS unit (first at 0xfed80000), interrupt remapping not offered (no IOAPIC in IVRS): cells' device interrupts may not arrive"

new_root
cpuinfo AuthenticAMD "$AMDFLAGS"
ivrs ioapic
expect "AMD-Vi unit naming the IOAPIC" 0 "" "$JH" hardware check
check "IVRS with an IOAPIC offers IR" "got: $OUT" contains "$OUT" \
	"1 IVRS unit (first at 0xfed80000), interrupt remapping offered: the hypervisor remaps cells' device interrupts"

# msr_feature_control VALUE: /dev/cpu/0/msr with IA32_FEATURE_CONTROL.
msr_feature_control()
{
	mkdir -p "$R/dev/cpu/0"
	printf "$1" | dd of="$R/dev/cpu/0/msr" bs=1 seek=58 2>/dev/null
}

new_root
cpuinfo GenuineIntel "fpu vmx lm" "ept unrestricted_guest vpid"
msr_feature_control '\001\000\000\000\000\000\000\000'
expect "Intel with VMX locked off by the firmware" 1 \
	"locked by the firmware with VMX off: enable VT-x in its setup." \
	"$JH" hardware check
check "VPID reported" "got: $OUT" contains "$OUT" "VMX flag vpid"

new_root
cpuinfo GenuineIntel "fpu vmx lm" "ept unrestricted_guest"
msr_feature_control '\005\000\000\000\000\000\000\000'
expect "Intel with VMX locked on" 0 "" "$JH" hardware check
check "feature control reported" "got: $OUT" contains "$OUT" \
	"locked with VMX allowed outside SMX"
check "no VPID is a note" "got: $OUT" contains "$OUT" "absent (optional"

new_root
cpuinfo GenuineIntel "fpu vmx ept lm"
expect "Intel on an older kernel (no vmx flags)" 0 "" "$JH" hardware check
check "unrestricted guest unknown, not missing" "got: $OUT" contains "$OUT" "not shown by this kernel"

new_root
cpuinfo AuthenticAMD "$AMDFLAGS"
printf 'kvm_amd 155648 0 - Live 0x0\nkvm 1142784 1 kvm_amd, Live 0x0\n' >"$R/proc/modules"
expect "KVM loaded" 0 "" "$JH" hardware check
check "KVM is warned about" "got: $OUT" contains "$OUT" "kvm_amd is loaded"
printf 'kvm_amd 155648 1 - Live 0x0\nkvm 1142784 1 kvm_amd, Live 0x0\n' >"$R/proc/modules"
expect "KVM with a virtual machine" 0 "" "$JH" hardware check
check "KVM in use is named" "got: $OUT" matches "$OUT" \
	'KVM +warning +kvm_amd is in use and holds VMX/SVM'

new_root
cpuinfo CyrixInstead "fpu"
expect "unknown vendor" 1 "CPU vendor 'CyrixInstead' is not supported" "$JH" hardware check

new_root
expect "no /proc" 1 "cannot read /proc/cpuinfo (is /proc mounted?)." "$JH" hardware check
