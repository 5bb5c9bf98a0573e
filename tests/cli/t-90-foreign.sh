# SPDX-License-Identifier: GPL-2.0
#
# The arm64 and arm builds under qemu-user: static, right architecture,
# and their own hardware check and config architecture. Where Linux runs
# (EL1, EL2 with VHE) shows in the interrupt of its timer, or failing
# that in a kernel log that still begins with the boot.

VHE="the kernel itself runs in EL2 (VHE), where the hypervisor must run; boot it with id_aa64mmfr1.vh=0 kvm-arm.mode=none"

# ppis N...: the interrupts property of a timer node, one PPI per N.
ppis()
{
	local n

	for n in "$@"; do
		# shellcheck disable=SC2059 # the format carries the escapes
		printf "\\000\\000\\000\\001\\000\\000\\000\\$(printf %03o "$n")\\000\\000\\000\\004"
	done
}

# qemu_virt_dt: GICv3, PSCI and the timer as QEMU's virt machine has them
# (PPIs 13, 14, 11, 10: secure and non-secure EL1 physical, virtual, EL2),
# KVM kept off on the command line.
qemu_virt_dt()
{
	local dt=$R/proc/device-tree

	mkdir -p "$dt/intc@8000000" "$dt/psci" "$dt/timer"
	printf 'arm,gic-v3\0' >"$dt/intc@8000000/compatible"
	printf '\000\000\000\003' >"$dt/intc@8000000/#interrupt-cells"
	ppis 9 >"$dt/intc@8000000/interrupts"
	printf 'arm,psci-1.0\0arm,psci-0.2\0arm,psci\0' >"$dt/psci/compatible"
	printf 'arm,armv8-timer\0arm,armv7-timer\0' >"$dt/timer/compatible"
	ppis 13 14 11 10 >"$dt/timer/interrupts"
	printf 'console=ttyAMA0 kvm-arm.mode=none\n' >"$R/proc/cmdline"
}

# timer_irq ID: /proc/interrupts with Linux's timer on GIC interrupt ID.
timer_irq()
{
	{
		printf '           CPU0       CPU1       \n'
		printf ' 11:        379        428     GICv3  %s Level     arch_timer\n' "$1"
		printf ' 14:          0          0     GICv3  33 Level     uart-pl011\n'
		printf 'IPI0:         6         35       Rescheduling interrupts\n'
	} >"$R/proc/interrupts"
}

# le32 N: N (< 256) as four little-endian bytes.
le32()
{
	# shellcheck disable=SC2059 # the format carries the escapes
	printf "\\$(printf %03o "$1")\\000\\000\\000"
}

# gtdt: an ACPI GTDT (revision 3) with the interrupt IDs of QEMU's virt
# machine: 29, 30, 27, 26 and the EL2 virtual timer on 28.
gtdt()
{
	printf 'GTDT'
	le32 104
	printf '\003'
	head -c 39 /dev/zero
	le32 29; le32 0; le32 30; le32 0; le32 27; le32 0; le32 26; le32 0
	head -c 16 /dev/zero
	le32 28; le32 0
}

# kmsg FIRST_SEQ MESSAGE...: /dev/kmsg records, numbered from FIRST_SEQ.
kmsg()
{
	local seq=$1 m

	shift
	mkdir -p "$R/dev"
	{
		for m in "Booting Linux on physical CPU 0x0000000000 [0x411fd070]" "$@"; do
			printf '6,%s,%s,-;%s\n' "$seq" "$((seq * 100))" "$m"
			seq=$((seq + 1))
		done
	} >"$R/dev/kmsg"
}

# el2_line: the EL2 line of the hardware check in $OUT.
el2_line()
{
	printf '%s\n' "$OUT" | grep 'EL2 / HYP mode'
}

for arch in $FOREIGN; do
	bin=$B/$arch/jailhouse
	qemu=QEMU_$arch
	qemu=${!qemu}
	case $arch in
	arm64) machine=AArch64 name=ARM64 code=2 ;;
	arm) machine=ARM name="ARM (32-bit)" code=1 ;;
	esac

	run readelf -h -l "$bin"
	check "$arch: built for $machine" "readelf: $OUT" matches "$OUT" "Machine: +$machine"
	check "$arch: static" "has an interpreter" not_contains "$OUT" "program interpreter"

	new_root
	expect "$arch: --help runs" 0 "" "$qemu" "$bin" --help
	"$MKCONFIG" system "$T/x86.cell"
	"$MKCONFIG" system "$T/own.cell" arch="$code"
	expect "$arch: x86 config refused" 1 "is a config for x86, not for $name" \
		"$qemu" "$bin" enable "$T/x86.cell"
	expect "$arch: own config accepted" 1 "driver is not loaded" \
		"$qemu" "$bin" enable "$T/own.cell"

	# A device tree with GICv3 and PSCI, KVM kept off: nothing missing.
	mkdir -p "$R/proc/device-tree/intc@8000000" "$R/proc/device-tree/psci"
	printf 'arm,gic-v3\0' >"$R/proc/device-tree/intc@8000000/compatible"
	ppis 9 >"$R/proc/device-tree/intc@8000000/interrupts"
	printf 'arm,psci-1.0\0arm,psci-0.2\0arm,psci\0' >"$R/proc/device-tree/psci/compatible"
	printf 'console=ttyAMA0 kvm-arm.mode=none\n' >"$R/proc/cmdline"
	printf 'processor\t: 0\nFeatures\t: half thumb fastmult vfp edsp neon vfpv3 tls vfpv4 idiva idivt lpae evtstrm\n' \
		>"$R/proc/cpuinfo"
	expect "$arch: hardware check passes" 0 "" "$qemu" "$bin" hardware check
	check "$arch: GIC found" "got: $OUT" matches "$OUT" 'GIC +ok +arm,gic-v3'
	check "$arch: PSCI found" "got: $OUT" matches "$OUT" 'PSCI +ok'
	check "$arch: GIC virtualization found" "got: $OUT" matches "$OUT" \
		'GIC virtualization +ok'

	# A GIC without its maintenance interrupt: no virtualization
	# extensions described, the check says so and fails.
	rm "$R/proc/device-tree/intc@8000000/interrupts"
	expect "$arch: GIC without virtualization" 1 \
		"the GIC node names no maintenance interrupt" \
		"$qemu" "$bin" hardware check
	ppis 9 >"$R/proc/device-tree/intc@8000000/interrupts"

	mkdir -p "$R/dev"
	: >"$R/dev/kvm"
	rm -rf "$R/proc/device-tree/psci"
	expect "$arch: KVM on EL2 and no PSCI" 1 "KVM is using EL2 (boot Linux with kvm-arm.mode=none) (and 1 more problem above)." \
		"$qemu" "$bin" hardware check

	new_root
	qemu_virt_dt
	if [ "$arch" = arm64 ]; then
		timer_irq 30
		expect "arm64: EL1 physical timer" 0 "" "$qemu" "$bin" hardware check
		check "arm64: started in EL2, kernel in EL1" "got: $OUT" matches "$(el2_line)" \
			'ok +Linux started in EL2 and runs in EL1, KVM is off'
		timer_irq 26
		expect "arm64: EL2 timer, VHE" 1 "enable cannot work: $VHE." \
			"$qemu" "$bin" hardware check
		check "arm64: VHE line" "got: $OUT" matches "$(el2_line)" 'MISSING +the kernel itself runs in EL2 \(VHE\)'
		timer_irq 27
		expect "arm64: virtual timer, started in EL1" 1 \
			"enable cannot work: Linux was started in EL1, which leaves EL2 out of reach (the boot loader must start it in EL2)." \
			"$qemu" "$bin" hardware check

		# The last kvm-arm.mode counts; with KVM built in, only none
		# keeps the driver from taking EL2 as KVM's.
		timer_irq 30
		mkdir -p "$R/sys/module/kvm/parameters"
		expect "arm64: KVM built in, turned off" 0 "" "$qemu" "$bin" hardware check
		printf 'kvm-arm.mode=none kvm-arm.mode=nvhe\n' >"$R/proc/cmdline"
		expect "arm64: KVM built in, turned on again" 1 \
			"enable cannot work: KVM is built in and not turned off (boot Linux with kvm-arm.mode=none)." \
			"$qemu" "$bin" hardware check
		rm -rf "$R/sys/module"
		expect "arm64: no KVM in the kernel" 0 "" "$qemu" "$bin" hardware check
		printf 'console=ttyAMA0 kvm-arm.mode=none\n' >"$R/proc/cmdline"

		# interrupt-names, where present, name the timers in any order.
		ppis 14 11 10 13 >"$R/proc/device-tree/timer/interrupts"
		printf 'phys\0virt\0hyp-phys\0sec-phys\0' >"$R/proc/device-tree/timer/interrupt-names"
		timer_irq 26
		expect "arm64: timers found by name" 1 "$VHE." "$qemu" "$bin" hardware check
		timer_irq 27
		expect "arm64: timers found by name, virtual timer" 1 "Linux was started in EL1" \
			"$qemu" "$bin" hardware check

		# An ACPI machine: the GTDT holds the interrupt IDs.
		rm -rf "$R/proc/device-tree"
		mkdir -p "$R/sys/firmware/acpi/tables"
		gtdt >"$R/sys/firmware/acpi/tables/GTDT"
		timer_irq 30
		expect "arm64 ACPI: EL1 physical timer" 0 "" "$qemu" "$bin" hardware check
		check "arm64 ACPI: started in EL2" "got: $OUT" matches "$(el2_line)" 'ok +Linux started in EL2'
		timer_irq 26
		expect "arm64 ACPI: EL2 timer" 1 "$VHE." "$qemu" "$bin" hardware check
		timer_irq 28
		expect "arm64 ACPI: EL2 virtual timer" 1 "$VHE." "$qemu" "$bin" hardware check
		rm -rf "$R/sys/firmware"

		# No timer to judge by: the kernel log, as far as it goes.
		rm -f "$R/proc/interrupts"
		expect "arm64: no timer, no log" 0 "" "$qemu" "$bin" hardware check
		check "arm64: EL2 unknown" "got: $OUT" matches "$(el2_line)" 'note +unknown: the timer'
		kmsg 0 "CPU features: detected: Virtualization Host Extensions" \
			"CPU: All CPU(s) started at EL2"
		expect "arm64: log with VHE" 1 "$VHE." "$qemu" "$bin" hardware check
		kmsg 0 "CPU: All CPU(s) started at EL2"
		expect "arm64: whole log without VHE" 0 "" "$qemu" "$bin" hardware check
		check "arm64: started in EL2 by the log" "got: $OUT" matches "$(el2_line)" 'ok +Linux started in EL2'
		kmsg 7000 "CPU: All CPU(s) started at EL2"
		expect "arm64: wrapped log" 0 "" "$qemu" "$bin" hardware check
		check "arm64: wrapped log proves nothing" "got: $OUT" matches "$(el2_line)" 'note +unknown'
		kmsg 7000 "CPU features: detected: Virtualization Host Extensions"
		expect "arm64: wrapped log with VHE" 1 "$VHE." "$qemu" "$bin" hardware check
		kmsg 0 "CPU: All CPU(s) started at EL1"
		expect "arm64: log says EL1" 1 "Linux was started in EL1" "$qemu" "$bin" hardware check
	else
		timer_irq 29
		expect "arm: secure physical timer" 0 "" "$qemu" "$bin" hardware check
		check "arm: started in HYP mode" "got: $OUT" matches "$(el2_line)" \
			'ok +Linux started in HYP mode and runs in SVC mode'
		timer_irq 27
		expect "arm: virtual timer" 1 \
			"enable cannot work: Linux was started in SVC mode, which leaves HYP mode out of reach (the boot loader must start it in HYP mode)." \
			"$qemu" "$bin" hardware check
		timer_irq 26
		expect "arm: no VHE on 32 bits" 0 "" "$qemu" "$bin" hardware check
		check "arm: EL2 timer unknown" "got: $OUT" matches "$(el2_line)" 'note +unknown'
	fi
done
[ -z "$FOREIGN" ] && echo "SKIP: foreign builds (no cross compiler or qemu-user)"

# The arm64 fake build: a busy enable is narrowed down by what ARM shows,
# in the order the driver checks (VHE, KVM, memory).
FAKE64=$B/arm64/jailhouse-fake
# shellcheck disable=SC2154 # QEMU_arm64 comes from run.sh
if [ -x "$FAKE64" ]; then
	new_root
	with_driver 0
	qemu_virt_dt
	"$MKCONFIG" system "$T/ram64.cell" arch=2 hvmem=0x41000000,0x600000
	"$MKCONFIG" system "$T/kept64.cell" arch=2 hvmem=0x70000000,0x600000
	printf '%s\n' "09000000-09000fff : pl011@9000000" "40000000-6fffffff : System RAM" \
		"  40210000-4185ffff : Kernel code" >"$R/proc/iomem"
	busy() { JH_FAKE_ERRNO=EBUSY expect "$@"; }
	timer_irq 30
	busy "arm64 enable: hypervisor memory in System RAM" 1 \
		"jailhouse enable: the hypervisor memory 0x41000000-0x415fffff is not reserved but System RAM of Linux (reserve it with mem= on the kernel command line)." \
		"$QEMU_arm64" "$FAKE64" enable "$T/ram64.cell"
	busy "arm64 enable: cause unknown" 1 \
		"the hypervisor memory is not reserved (memmap= or mem= on the kernel command line), or the CPU's virtualization is in use (KVM, or a VHE kernel on ARM); see dmesg." \
		"$QEMU_arm64" "$FAKE64" enable "$T/kept64.cell"
	: >"$R/dev/kvm"
	busy "arm64 enable: KVM" 1 "jailhouse enable: KVM is using EL2 (boot Linux with kvm-arm.mode=none)." \
		"$QEMU_arm64" "$FAKE64" enable "$T/ram64.cell"
	timer_irq 26
	busy "arm64 enable: VHE" 1 "jailhouse enable: $VHE." \
		"$QEMU_arm64" "$FAKE64" enable "$T/ram64.cell"
	rm -f "$R/dev/kvm"
	mkdir -p "$R/sys/module/kvm"
	printf 'console=ttyAMA0\n' >"$R/proc/cmdline"
	timer_irq 30
	busy "arm64 enable: KVM not turned off" 1 \
		"jailhouse enable: KVM is built in and not turned off (boot Linux with kvm-arm.mode=none)." \
		"$QEMU_arm64" "$FAKE64" enable "$T/kept64.cell"
fi
