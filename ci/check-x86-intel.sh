#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# ci/check-x86-intel.sh (make check-x86-intel)
#
# The Intel VT-x system tests: an out-of-tree x86 build, then every
# tests/scenarios/x86-intel/*.sh in one Bochs boot on a CPU without x2APIC
# (a boot takes minutes there) and every tests/scenarios/x86-intel-x2apic/
# *.sh in one on a CPU with x2APIC (ci/run-bochs.sh says why two), judged
# from the serial logs. The last line is "N passed, N failed".
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
# A tree of its own when it runs beside check-x86 (CHECK_BESIDE).
tree=x86
[ -z "${CHECK_RUNS_BESIDE:-}" ] || tree=x86-intel
stage=$(BUILD_TREE_NAME=$tree "$top/ci/build-tree.sh" x86 | tail -n 1)
# User-space programs the scenarios run (tests/programs).
"$top/ci/build-programs.sh" "$stage"

mkdir -p "$logs"
# Under nested KVM on an Intel host, check-x86 itself runs the Intel image
# (ci/run-qemu.sh); these scenarios run on Bochs' machine either way.
if kvm=$("$top/ci/nested-kvm.sh") && [ "$kvm" = vmx ]; then
	step "nested KVM gives guests VMX here: check-x86 runs the Intel image too; these scenarios stay on Bochs' machine"
else
	step "no nested KVM with VMX here (${kvm:-}): Bochs"
fi
passed=0
failed=0

# wanted NAME: true when SCENARIOS (shell patterns, as in run-scenarios.sh)
# is unset or one of its patterns matches.
wanted() {
	local pat

	[ -n "${SCENARIOS:-}" ] || return 0
	for pat in $SCENARIOS; do
		# shellcheck disable=SC2053
		[[ $1 == $pat ]] && return 0
	done
	return 1
}

# boot NAME CPU: the scenarios of tests/scenarios/NAME in one Bochs boot on
# BOCHS_CPU=CPU; adds up the verdict.
boot() {
	local scenarios=() initrd=$top/build/initrd-$1.gz log=$logs/$1.log
	local rc=0 verdict f

	for f in "$top/tests/scenarios/$1"/*.sh; do
		wanted "${f##*/}" && scenarios+=("$f")
	done
	if [ ${#scenarios[@]} -eq 0 ]; then
		step "no scenario of $1 in SCENARIOS: no boot"
		return 0
	fi

	"$top/ci/initramfs.sh" -o "$initrd" x86 "$stage" "${scenarios[@]}" \
		>/dev/null
	step "Bochs boot ($2) with ${#scenarios[@]} scenario(s)"
	BOCHS_CPU=$2 "$top/ci/run-bochs.sh" "$initrd" "$log" || rc=$?
	step "Bochs status $rc, log $log"
	verdict=$("$top/ci/check-log.sh" "$1" "$log" "${scenarios[@]##*/}") ||
		true
	if ! tail -n 1 <<<"$verdict" | grep -q ' 0 failed$'; then
		echo "---- last lines of $log ----"
		tail -n 40 "$log" | tr -d '\r'
		echo "----"
	fi
	sed '$d' <<<"$verdict"
	read -r p _ f _ < <(tail -n 1 <<<"$verdict")
	passed=$((passed + p))
	failed=$((failed + f))
}

boot x86-intel xapic
boot x86-intel-x2apic x2apic
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
