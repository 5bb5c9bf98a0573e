#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# ci/check-x86-intel.sh (make check-x86-intel)
#
# The Intel VT-x system tests: an out-of-tree x86 build, then every
# tests/scenarios/x86-intel/*.sh in one Bochs boot (a boot takes minutes
# there), judged from the serial log. The last line is "N passed, N failed".
set -eu -o pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
logs=$top/build/logs
start=$(date +%s)

step() {
	echo "check-x86-intel: $* [$(( $(date +%s) - start ))s]" >&2
}

step "packages"
"$top/ci/deps.sh"
step "kernel"
"$top/ci/kernel.sh" amd64 >/dev/null
step "build"
stage=$("$top/ci/build-tree.sh" x86 | tail -n 1)
# User-space probes the scenarios run (static: the image has no C library).
mkdir -p "$stage/usr/libexec/jailhouse/tests"
gcc -static -O2 -Wall -Wextra -Werror \
	-o "$stage/usr/libexec/jailhouse/tests/ioperm-probe" \
	"$top/tests/programs/ioperm-probe.c"

scenarios=("$top"/tests/scenarios/x86-intel/*.sh)
initrd=$top/build/initrd-x86-intel.gz
log=$logs/x86-intel.log
mkdir -p "$logs"
"$top/ci/initramfs.sh" -o "$initrd" x86 "$stage" "${scenarios[@]}" >/dev/null
# Under nested KVM on an Intel host, check-x86 itself runs the Intel image
# (ci/run-qemu.sh); this suite's configs are Bochs' machine either way.
if kvm=$("$top/ci/nested-kvm.sh") && [ "$kvm" = vmx ]; then
	step "nested KVM gives guests VMX here: check-x86 runs the Intel image too; these scenarios stay on Bochs' machine"
else
	step "no nested KVM with VMX here (${kvm:-}): Bochs"
fi
step "Bochs boot with ${#scenarios[@]} scenario(s)"
rc=0
"$top/ci/run-bochs.sh" "$initrd" "$log" || rc=$?
step "Bochs status $rc, log $log"
verdict=$("$top/ci/check-log.sh" x86-intel "$log" "${scenarios[@]##*/}") ||
	true
if ! tail -n 1 <<<"$verdict" | grep -q ' 0 failed$'; then
	echo "---- last lines of $log ----"
	tail -n 40 "$log" | tr -d '\r'
	echo "----"
fi
echo "$verdict"
tail -n 1 <<<"$verdict" | grep -q ' 0 failed$'
