#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# ci/run-scenarios.sh <srcarch> <staging-dir>
#
# Run the QEMU scenarios of one architecture against an installed build:
# tests/scenarios/common/*.sh and tests/scenarios/<srcarch>/*.sh, in name
# order. All of them share one boot, except those whose name contains
# "-own-boot", which get a boot each; such a scenario may name extra QEMU
# arguments (devices, CPU model) in a line "# stockade-qemu: ARGS", which
# are added to QEMU_EXTRA for its boot, and extra kernel parameters in a
# line "# stockade-append: PARAMS", which go after the default command line
# and QEMU_APPEND (for early parameters the last occurrence usually wins).
# One with a line "# stockade-needs: VAR" is opt-in: without the host's
# environment variable VAR it is not booted and one SKIP line says so.
# On x86, X86_ROOT_MODE=x2apic-ir (make check-x86-ir, see ci/run-qemu.sh)
# boots every machine with the root under VT-d interrupt remapping; a
# scenario with a line "# stockade-not-x2apic-ir: WHY" (one about the xAPIC
# root or another IOMMU) is left out then, with one SKIP line naming WHY;
# one with "# stockade-not-xapic: WHY" is left out of the default mode
# the same way (one that runs in the remapping mode only).
# Logs go to build/logs/. SCENARIOS="62-* 64-*" (shell patterns on the
# base name) runs only the matching scenarios of <srcarch>, beside the
# common ones, for a quick look at one change: make check runs them all.
#
# Prints every failure, then as its last line "N passed, N failed". Exit
# status 0 only when something passed and nothing failed.
set -eu -o pipefail

if [ $# -ne 2 ]; then
	echo "usage: $0 x86|arm64|arm STAGING" >&2
	exit 2
fi
srcarch=$1
stage=$2
top=$(cd "$(dirname "$0")/.." && pwd)
logs=$top/build/logs
mkdir -p "$logs"

# wanted NAME: true when SCENARIOS is unset or one of its patterns matches.
wanted() {
	local pat pats
	[ -z "${SCENARIOS:-}" ] && return 0
	read -ra pats <<<"$SCENARIOS"
	for pat in "${pats[@]}"; do
		# shellcheck disable=SC2053
		[[ $1 == $pat ]] && return 0
	done
	return 1
}

# directive NAME SCRIPT: the text after the first "# stockade-NAME: ".
directive() {
	sed -n "s/^# stockade-$1: //p" "$2" | head -n 1
}

root_mode=${X86_ROOT_MODE:-xapic}
[ "$srcarch" = x86 ] || root_mode=xapic

# Name order across both folders, as documented; the base name decides.
shared=()
own=()
while IFS= read -r path; do
	why=$(directive "not-$root_mode" "$path")
	if [ -n "$why" ]; then
		echo "SKIP: $srcarch/$(basename "$path" .sh): not with X86_ROOT_MODE=$root_mode: $why"
		continue
	fi
	case "$(basename "$path")" in
	*-own-boot*) own+=("$path") ;;
	*) shared+=("$path") ;;
	esac
done < <(for f in "$top/tests/scenarios/common/"*.sh \
		  "$top/tests/scenarios/$srcarch/"*.sh; do
		[ -f "$f" ] || continue
		case $f in
		*/common/*) ;;
		*) wanted "$(basename "$f")" || continue ;;
		esac
		printf '%s %s\n' "$(basename "$f")" "$f"
	 done | LC_ALL=C sort | cut -d' ' -f2-)

passed=0
failed=0

# boot NAME QEMU-ARGS KERNEL-ARGS SCENARIO...: pack, boot and judge one QEMU
# run.
boot() {
	local name=$1 qemu_args=$2 kernel_args=$3 initrd log start rc=0 verdict
	local last p f why
	shift 3
	initrd=$top/build/initrd-$name.gz
	log=$logs/$name.log
	"$top/ci/initramfs.sh" -o "$initrd" "$srcarch" "$stage" "$@" >/dev/null
	start=$(date +%s)
	QEMU_EXTRA="${QEMU_EXTRA:-} $qemu_args" \
	QEMU_APPEND="${QEMU_APPEND:-} $kernel_args" \
		"$top/ci/run-qemu.sh" "$srcarch" "$initrd" "$log" || rc=$?
	echo "run-scenarios: $name: $# scenario(s), boot took" \
	     "$(( $(date +%s) - start ))s, qemu status $rc, log $log" >&2
	verdict=$("$top/ci/check-log.sh" "$srcarch" "$log" \
		"${@##*/}") || true
	last=$(tail -n 1 <<<"$verdict")
	sed '$d' <<<"$verdict"
	p=${last%% passed*}
	f=${last#*passed, }
	f=${f%% failed*}
	if ! [[ "$p" =~ ^[0-9]+$ && "$f" =~ ^[0-9]+$ ]]; then
		echo "FAIL: $srcarch/$name: could not judge the log ($last)"
		p=0 f=1
	fi
	if [ "$f" -gt 0 ] && [ -z "${retried:-}" ] &&
	   why=$("$top/ci/boot-stall.sh" "$log"); then
		echo "RETRY: $srcarch/$name: $why; booting it once more" \
		     "(first log kept as $log.first)"
		mv "$log" "$log.first"
		retried=1 boot "$name" "$qemu_args" "$kernel_args" "$@"
		return
	fi
	if [ "$f" -gt 0 ]; then
		tail_of_log "$log"
	fi
	passed=$((passed + p))
	failed=$((failed + f))
}

# tail_of_log LOG: what a failure needs to be understood from CI's output
# alone: the scenario's own last lines (kernel messages, which flood a
# hung guest's log, left out) and then the kernel's last lines.
tail_of_log() {
	echo "---- last scenario lines of $1 ----"
	tr -d '\r' <"$1" | grep -v '^\[ *[0-9]*\.[0-9]*\]' | tail -n 20
	echo "---- last kernel lines ----"
	tr -d '\r' <"$1" | grep '^\[ *[0-9]*\.[0-9]*\]' | tail -n 12
	echo "----"
}

# One log per machine: arm.log (virt), arm-bpim2u.log, x86-ir.log
# (X86_ROOT_MODE=x2apic-ir), ...
machine=$srcarch${ARM_BOARD:+-$ARM_BOARD}
[ "$root_mode" = xapic ] || machine=$srcarch-ir
if [ ${#shared[@]} -gt 0 ]; then
	boot "$machine" "" "" "${shared[@]}"
fi
for s in "${own[@]}"; do
	b=$(basename "$s" .sh)
	# An opt-in scenario needs what only the host can give it.
	need=$(directive needs "$s")
	if [ -n "$need" ] && [ -z "${!need:-}" ]; then
		echo "SKIP: $srcarch/$b: $need is not set, no boot"
		continue
	fi
	boot "$machine-$b" "$(directive qemu "$s")" "$(directive append "$s")" \
		"$s"
done

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
