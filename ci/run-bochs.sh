#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# ci/run-bochs.sh <initrd> <log>
#
# Boot Debian's amd64 kernel with <initrd> in Bochs, an emulated Intel CPU
# with VT-x, EPT and unrestricted guest (QEMU's TCG has no VMX), and write
# the kernel's serial console to <log>, COM2 to <log>.com2, Bochs' own log
# to <log>.bochs. Bochs cannot boot a kernel directly: a GRUB ISO carries
# kernel and initrd. It has no headless display either: the text display
# runs inside script(1), which gives it a terminal, and the debugger
# script only says "continue".
#
# Environment:
#   BOCHS_TIMEOUT     host-side limit in seconds (default 3600)
#   BOCHS_BOOT_LIMIT  seconds until /init must have started (default 2400:
#                     a loaded machine may give Bochs a fifth of a core,
#                     and the boot then takes over 20 minutes)
#   BOCHS_APPEND      extra kernel command line arguments
#   BOCHS_CPU         xapic (default): a VT-x CPU without x2APIC, where
#                     CPUs come back from cells (see below); x2apic: a
#                     Skylake-X model, whose x2APIC cells have but whose
#                     CPUs never come back from a cell
#
# Exit status: 0 when the guest ran to its end, 124 when a time limit
# ended it. The verdict is in the log (ci/check-log.sh).
set -eu -o pipefail

if [ $# -ne 2 ]; then
	echo "usage: $0 INITRD LOG" >&2
	exit 2
fi
initrd=$(realpath "$1")
log=$(realpath -m "$2")
top=$(cd "$(dirname "$0")/.." && pwd)
limit=${BOCHS_TIMEOUT:-3600}
boot_limit=${BOCHS_BOOT_LIMIT:-2400}

"$top/ci/kernel.sh" amd64 >/dev/null
# shellcheck source=/dev/null
. "$top/build/kernel/amd64/paths.env"

work=$(mktemp -d "$top/build/bochs.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/iso/boot/grub"
cp "$VMLINUZ" "$work/iso/boot/vmlinuz"
cp "$initrd" "$work/iso/boot/initrd.gz"

# The TSC clocksource stalls sleep(1) in Bochs; the PM timer does not.
# x2APIC stays off: the hypervisor filters IPIs on the xAPIC page. '$' is
# memmap's own syntax, escaped for GRUB.
append='console=ttyS0,115200 panic=-1 clocksource=acpi_pm tsc=unstable'
append="$append nox2apic memmap=82M\\\$0x3a000000 ${BOCHS_APPEND:-}"
cat >"$work/iso/boot/grub/grub.cfg" <<CFG
serial --unit=0 --speed=115200
terminal_input serial
terminal_output serial
set timeout=0
menuentry stockade {
	linux /boot/vmlinuz $append
	initrd /boot/initrd.gz
}
CFG
grub-mkrescue -o "$work/boot.iso" "$work/iso" >/dev/null 2>&1

# Three CPUs: the root keeps CPU 0, apic-demo takes CPU 2, smp-demo CPUs
# 1-2 (configs/x86/bochs-*.c). Leaving x2APIC mode, as a CPU must that a cell (x2APIC mode) gives back
# to Linux (xAPIC mode), leads through a disabled APIC, and Bochs never
# enables an APIC again before a reset (like the P6; current CPUs do). So
# the cell lifecycle runs on a generic VT-x CPU (EPT, unrestricted guest)
# without x2APIC, where cells get the x2APIC emulated over the xAPIC.
case ${BOCHS_CPU:-xapic} in
xapic)
	cpu='cpu: model=bx_generic, count=3, ips=50000000
cpuid: level=6, vendor_string="GenuineIntel", family=6, model=0x55, stepping=4, x86_64=1, 1g_pages=1, pcid=1, mmx=1, sep=1, simd=sse4_2, aes=1, movbe=1, xsave=1, xsaveopt=1, apic=xapic, vmx=2' ;;
x2apic)
	cpu='cpu: model=corei7_skylake_x, count=3, ips=50000000' ;;
*)
	echo "run-bochs: BOCHS_CPU is xapic or x2apic" >&2
	exit 2 ;;
esac
cat >"$work/bochsrc" <<RC
megs: 1024
$cpu
romimage: file=/usr/share/bochs/BIOS-bochs-latest
vgaromimage: file=/usr/share/bochs/VGABIOS-lgpl-latest
pci: enabled=1, chipset=i440fx
ata0-master: type=cdrom, path=$work/boot.iso, status=inserted
boot: cdrom
com1: enabled=1, mode=file, dev=$log
com2: enabled=1, mode=file, dev=$log.com2
display_library: term
clock: sync=none, time0=local
log: $log.bochs
panic: action=fatal
error: action=report
info: action=ignore
RC
echo c >"$work/dbg.rc"

mkdir -p "$(dirname "$log")"

# With its debugger built in, Bochs draws the text screen on a pty of its
# own ("connected to screen /dev/pts/N"). Nobody looks at it, but unread it
# fills up and Bochs stops in the middle of a write: drain it.
drain_screen() {
	local pty

	pty=$(grep -ao 'connected to screen "[^"]*"' "$work/term.out" 2>/dev/null |
		sed 's/.*"\(.*\)"/\1/') || true
	[ -n "$pty" ] && [ -c "$pty" ] || return 1
	stty -F "$pty" raw -echo 2>/dev/null || true
	cat "$pty" >/dev/null 2>&1 &
	drainer=$!
}

# run_once: one boot; returns 3 when the kernel hung before /init.
run_once() {
	local waited=0 drained=0

	rm -f "$log" "$log.com2" "$log.bochs"
	: >"$log"
	(cd "$work" && timeout -k 10 "$limit" script -qfec \
		"bochs -q -f bochsrc -rc dbg.rc" /dev/null \
		</dev/null >"$work/term.out" 2>&1) &
	bpid=$!
	while kill -0 "$bpid" 2>/dev/null; do
		sleep 2
		waited=$((waited + 2))
		[ "$drained" = 1 ] || { drain_screen && drained=1; } || true
		if [ "$waited" -ge "$boot_limit" ] &&
		   ! grep -q '^STOCKADE-BOOTED' "$log" 2>/dev/null; then
			echo "run-bochs: no /init after ${boot_limit}s" >>"$log"
			kill -TERM "$bpid" 2>/dev/null || true
			wait "$bpid" 2>/dev/null || true
			[ "$drained" = 0 ] || kill "$drainer" 2>/dev/null || true
			return 3
		fi
		# The guest's poweroff ends Bochs with a panic; the last
		# scenario's marker may come first.
		if grep -q '^STOCKADE-DONE' "$log" 2>/dev/null; then
			sleep 5
			kill -TERM "$bpid" 2>/dev/null || true
			break
		fi
	done
	rc=0
	wait "$bpid" || rc=$?
	# Bochs ends the guest's poweroff with a panic, or we ended it after
	# the last scenario: either way the guest ran to its end.
	if grep -q '^STOCKADE-DONE' "$log" 2>/dev/null; then
		rc=0
	fi
	[ "$drained" = 0 ] || kill "$drainer" 2>/dev/null || true
	return 0
}

rc=0
for attempt in 1 2; do
	run_once && break
	rc=124
	[ "$attempt" -lt 2 ] || break
	echo "run-bochs: booting again (attempt 2 of 2)" >>"$log"
done
exit "$rc"
