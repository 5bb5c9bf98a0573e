# SPDX-License-Identifier: GPL-2.0
#
# The arm64 and arm builds under qemu-user: static, right architecture,
# and their own hardware check and config architecture.

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
	printf 'arm,psci-1.0\0arm,psci-0.2\0arm,psci\0' >"$R/proc/device-tree/psci/compatible"
	printf 'console=ttyAMA0 kvm-arm.mode=none\n' >"$R/proc/cmdline"
	printf 'processor\t: 0\nFeatures\t: half thumb fastmult vfp edsp neon vfpv3 tls vfpv4 idiva idivt lpae evtstrm\n' \
		>"$R/proc/cpuinfo"
	expect "$arch: hardware check passes" 0 "" "$qemu" "$bin" hardware check
	check "$arch: GIC found" "got: $OUT" matches "$OUT" 'GIC +ok +arm,gic-v3'
	check "$arch: PSCI found" "got: $OUT" matches "$OUT" 'PSCI +ok'

	mkdir -p "$R/dev"
	: >"$R/dev/kvm"
	rm -rf "$R/proc/device-tree/psci"
	expect "$arch: KVM on EL2 and no PSCI" 1 "KVM is using EL2 (boot Linux with kvm-arm.mode=none) (and 1 more problem above)." \
		"$qemu" "$bin" hardware check
done
[ -z "$FOREIGN" ] && echo "SKIP: foreign builds (no cross compiler or qemu-user)"
