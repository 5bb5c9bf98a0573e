# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=bash
#
# Sourced by the host halves of the benchmarks (tests/bench/*.sh other than
# *-guest.sh): build a tree, pack a guest half as the initramfs's only
# scenario, boot it and keep its figures. A guest half prints its figures
# on console lines starting with "BENCH: ".

bench_top=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)

# bench_initrd ARCH NAME GUEST: builds ARCH's tree and packs GUEST (a file
# in tests/bench/) into build/initrd-bench-NAME.gz; prints that path.
bench_initrd() {
	local initrd=$bench_top/build/initrd-bench-$2.gz stage

	stage=$("$bench_top/ci/build-tree.sh" "$1" | tail -n 1)
	"$bench_top/ci/initramfs.sh" -o "$initrd" "$1" "$stage" \
		"$bench_top/tests/bench/$3" >/dev/null
	echo "$initrd"
}

# bench_figures LOG: the figures in a console log, without their prefix.
bench_figures() {
	tr -d '\r' <"$1" | sed -n 's/^BENCH: //p'
}

# bench_boot WHAT ARCH INITRD LOG: boots INITRD (QEMU_EXTRA, QEMU_APPEND
# and the other settings of ci/run-qemu.sh apply) and prints its figures;
# without any it names WHAT, the QEMU status and the log, and fails.
bench_boot() {
	local rc=0 figures

	"$bench_top/ci/run-qemu.sh" "$2" "$3" "$4" >/dev/null || rc=$?
	figures=$(bench_figures "$4")
	if [ -z "$figures" ]; then
		echo "$1: no figures (QEMU status $rc); see $4" >&2
		return 1
	fi
	printf '%s\n' "$figures"
}
