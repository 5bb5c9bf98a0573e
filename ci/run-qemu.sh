#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# ci/run-qemu.sh <srcarch> <initrd> <log>
#
# Boot Debian's kernel with <initrd> in QEMU and write the main serial
# console to <log>. On x86 the second UART (COM2, for inmates) goes to
# <log>.com2. x86 runs under nested KVM (-accel kvm -cpu host: an Intel
# host gives the guest VMX and the driver loads jailhouse-intel.bin, an
# AMD host SVM) where this host's KVM offers VMX or SVM to guests; else,
# as on the CI machines, it says why in one line and uses TCG with an
# emulated AMD CPU.
#
# Environment:
#   QEMU_TIMEOUT      host-side limit in seconds (default 600)
#   QEMU_APPEND       extra kernel command line arguments
#   QEMU_GIC          arm64 GIC version (default 3)
#   ARM_BOARD         arm: virt (default), bpim2u (Banana Pi BPI-M2 Ultra)
#                     or orangepi-pc (with the Banana Pi BPI-M2+ device
#                     tree), each with the kernel package's device tree
#   QEMU_EXTRA        extra QEMU arguments, split on blanks
#   QEMU_QUIET_STOP   after a scenario announced an expected stop, end the
#                     run once the console is silent this long (default 20)
#   QEMU_ACCEL        x86: kvm (nested KVM where it works, the default) or
#                     tcg (always TCG)
#   X86_ROOT_MODE     x86: xapic (the default: no IOMMU, Linux in xAPIC
#                     mode) or x2apic-ir (QEMU's intel-iommu remapping
#                     interrupts and a CPU with x2APIC, also where a
#                     scenario names its own CPU model: Linux remaps its
#                     interrupts and runs its APICs in x2APIC mode, the
#                     scenarios use the root config qemu-x86-ir.cell)
#
# Exit status: QEMU's, or 124 when the time limit ended it.
set -eu -o pipefail

if [ $# -ne 3 ]; then
	echo "usage: $0 x86|arm64|arm INITRD LOG" >&2
	exit 2
fi
srcarch=$1
initrd=$2
log=$3
top=$(cd "$(dirname "$0")/.." && pwd)
limit=${QEMU_TIMEOUT:-600}
quiet_stop=${QEMU_QUIET_STOP:-20}

case "$srcarch" in
x86) debarch=amd64 ;;
arm64) debarch=arm64 ;;
arm) debarch=armhf ;;
*) echo "run-qemu.sh: no QEMU setup for '$srcarch' yet" >&2; exit 2 ;;
esac
"$top/ci/kernel.sh" "$debarch" >/dev/null
# shellcheck source=/dev/null
. "$top/build/kernel/$debarch/paths.env"

# x86_accel: sets accel to nested KVM with the host's CPU (5-level paging
# off: the hypervisor's nested page tables have 4 levels) or to TCG with
# the emulated AMD SVM CPU, and says which.
# shellcheck disable=SC2054 # commas belong to QEMU's option syntax
x86_accel() {
	local why

	if [ "${QEMU_ACCEL:-kvm}" = tcg ]; then
		accel=(-accel tcg -cpu qemu64,+svm,+npt)
		return
	fi
	if why=$("$top/ci/nested-kvm.sh"); then
		echo "run-qemu: nested KVM, -cpu host ($why)" >&2
		accel=(-accel kvm -cpu host,-la57)
	else
		echo "run-qemu: no nested KVM ($why): TCG, emulated AMD SVM" >&2
		accel=(-accel tcg -cpu qemu64,+svm,+npt)
	fi
}

# x86_root_mode: sets root_mode to the QEMU arguments of X86_ROOT_MODE and
# adds its kernel arguments to append. The x2APIC bit goes to every x86
# CPU model by -global, so that a scenario's own -cpu keeps it; Linux
# leaves the unit's DMA remapping to the hypervisor (intel_iommu=off) and
# still remaps its interrupts. Under TCG on a loaded host, Linux's early
# check of the timer through the remapped IOAPIC gave up once ("IO-APIC +
# timer doesn't work!", a panic before /init): no_timer_check skips it, as
# in 49-amdvi-pci-cell-own-boot. Under KVM, QEMU remaps only with the IOAPIC
# on its side (kernel-irqchip=split).
# shellcheck disable=SC2054 # commas belong to QEMU's option syntax
x86_root_mode() {
	case "${X86_ROOT_MODE:-xapic}" in
	xapic) root_mode=() ;;
	x2apic-ir)
		root_mode=(-global x86_64-cpu.x2apic=on
			   -device intel-iommu,intremap=on,eim=on)
		[ "${accel[1]}" != kvm ] ||
			root_mode+=(-machine kernel-irqchip=split)
		append="$append intel_iommu=off no_timer_check"
		;;
	*)
		echo "run-qemu.sh: unknown X86_ROOT_MODE '$X86_ROOT_MODE'" >&2
		exit 2
		;;
	esac
}

# The first -serial is the kernel console; -nographic would put the monitor
# on stdio as well, so the display and monitor are switched off explicitly.
common=(-m 1G -smp 4 -display none -monitor none -no-reboot
	-kernel "$VMLINUZ" -initrd "$initrd")
case "$srcarch" in
x86)
	# 82 MiB at 0x3a000000 are kept from Linux for the hypervisor and cells.
	# The '$' is memmap's own syntax and must reach the kernel literally.
	# shellcheck disable=SC2016
	append='console=ttyS0 panic=-1 memmap=82M$0x3a000000'
	# shellcheck disable=SC2054 # commas belong to QEMU's option syntax
	x86_accel
	x86_root_mode
	cmd=(qemu-system-x86_64 -machine q35 "${accel[@]}" "${common[@]}"
	     "${root_mode[@]}" -serial stdio -serial "file:$log.com2")
	;;
arm64)
	append='console=ttyAMA0 panic=-1 kvm-arm.mode=none mem=768M'
	cmd=(qemu-system-aarch64
	     -machine "virt,virtualization=on,gic-version=${QEMU_GIC:-3}"
	     -cpu cortex-a57 -nic none "${common[@]}" -serial stdio)
	;;
arm)
	# ARMv7: the armmp-lpae kernel starts in HYP mode on both machines.
	if [ "${ARM_BOARD:-virt}" = bpim2u ]; then
		dtb=$(dirname "$VMLINUZ")/../usr/lib/linux-image-$KREL/sun8i-r40-bananapi-m2-ultra.dtb
		append='console=ttyS0,115200 panic=-1 mem=768M'
		# UART0 (Linux) and UART7 (the uart-demo cell's) share
		# stdout, so that the log shows what the cell wrote.
		# shellcheck disable=SC2054 # commas are QEMU's syntax
		cmd=(qemu-system-arm -machine bpim2u -dtb "$dtb"
		     "${common[@]}" -chardev stdio,id=con,mux=on
		     -serial chardev:con -serial null -serial null
		     -serial null -serial null -serial null -serial null
		     -serial chardev:con)
	elif [ "${ARM_BOARD:-virt}" = orangepi-pc ]; then
		# The BPI-M2+ device tree on QEMU's H3 board; UART3 (the
		# uart-demo cell's) shares stdout with UART0.
		dtb=$(dirname "$VMLINUZ")/../usr/lib/linux-image-$KREL/sun8i-h3-bananapi-m2-plus.dtb
		append='console=ttyS0,115200 panic=-1 mem=768M'
		# shellcheck disable=SC2054 # commas are QEMU's syntax
		cmd=(qemu-system-arm -machine orangepi-pc -dtb "$dtb"
		     "${common[@]}" -chardev stdio,id=con,mux=on
		     -serial chardev:con -serial null -serial null
		     -serial chardev:con)
	else
		append='console=ttyAMA0 panic=-1 mem=768M'
		cmd=(qemu-system-arm
		     -machine "virt,virtualization=on,gic-version=2"
		     -cpu cortex-a15 -nic none "${common[@]}" -serial stdio)
	fi
	;;
esac
append="$append ${QEMU_APPEND:-}"
# shellcheck disable=SC2206 # word splitting is the documented interface
extra=(${QEMU_EXTRA:-})

mkdir -p "$(dirname "$log")"
rm -f "$log" "$log.com2"
: >"$log"

# Now and then Debian's kernel hangs early under TCG with 4 vCPUs (a soft
# lockup in boot-time self tests, before /init). Such a boot never reaches
# our code, so it is retried once instead of failing the scenarios.
boot_limit=${QEMU_BOOT_LIMIT:-120}
attempts=2

# run_once: boot, watch, and leave the status in rc; returns 3 for a boot
# that hung before /init.
run_once() {
	local last_size=-1 silent=0 waited=0

	# The log is opened for appending so that our own notes, written while
	# QEMU still runs, are not overwritten by it. timeout puts itself and
	# QEMU in a process group of their own; on expiry it kills that group
	# and nothing else. stdin must not be a terminal: a background QEMU
	# reading one would be stopped by SIGTTIN.
	timeout -k 10 "$limit" "${cmd[@]}" "${extra[@]}" -append "$append" \
		</dev/null >>"$log" 2>&1 &
	qpid=$!
	trap 'kill -TERM "$qpid" 2>/dev/null || true' EXIT
	trap 'kill -TERM "$qpid" 2>/dev/null || true; exit 130' INT TERM

	# An own-boot scenario may stop the machine on purpose (hypervisor
	# panic, root cell halted): no poweroff follows, so wait for silence
	# instead of the full time limit.
	while kill -0 "$qpid" 2>/dev/null; do
		sleep 1
		waited=$((waited + 1))
		if [ "$waited" -ge "$boot_limit" ] &&
		   ! grep -q '^STOCKADE-BOOTED' "$log" 2>/dev/null; then
			echo "run-qemu: no /init after ${boot_limit}s: kernel hung while booting" >>"$log"
			kill -TERM "$qpid" 2>/dev/null || true
			wait "$qpid" 2>/dev/null || true
			trap - EXIT INT TERM
			return 3
		fi
		grep -q '^STOCKADE-EXPECT-STOP:' "$log" 2>/dev/null || continue
		size=$(stat -c %s "$log")
		if [ "$size" = "$last_size" ]; then
			silent=$((silent + 1))
		else
			silent=0
			last_size=$size
		fi
		if [ "$silent" -ge "$quiet_stop" ]; then
			echo "run-qemu: console silent for ${quiet_stop}s after the expected stop" >>"$log"
			kill -TERM "$qpid" 2>/dev/null || true
			break
		fi
	done
	rc=0
	wait "$qpid" || rc=$?
	trap - EXIT INT TERM
	return 0
}

rc=0
hung=0
for attempt in $(seq 1 "$attempts"); do
	hung=0
	run_once && break
	hung=1
	rc=124
	[ "$attempt" -lt "$attempts" ] || break
	echo "run-qemu: booting again (attempt $((attempt + 1)) of $attempts)" >>"$log"
	rm -f "$log.com2"
done
if [ "$hung" = 1 ]; then
	echo "run-qemu: gave up: the kernel hung while booting $attempts times" >>"$log"
else
	case "$rc" in
	124|137) echo "run-qemu: timed out after ${limit}s" >>"$log" ;;
	*) echo "run-qemu: qemu exited with status $rc" >>"$log" ;;
	esac
fi
exit "$rc"
