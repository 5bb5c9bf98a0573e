# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=bash
#
# Sourced by ci/demo.sh and ci/demo-arm.sh (which set $top).

# demo_boot ARCH INITRD LOG: the batch boot of a demo session (the QEMU_*
# settings of ci/run-qemu.sh apply), and one more when the first never
# reached our code: QEMU aborting on its own assertion or the guest's
# kernel losing a CPU before jailhouse.ko was loaded (ci/boot-stall.sh),
# both seen under TCG on a loaded host.
demo_boot() {
	local why

	"$top/ci/run-qemu.sh" "$1" "$2" "$3" || true
	if ! grep -q DEMO-FINISHED "$3" &&
	   why=$("$top/ci/boot-stall.sh" "$3"); then
		echo "RETRY: demo: $why; booting it once more (first log" \
		     "kept as $3.first)"
		mv "$3" "$3.first"
		"$top/ci/run-qemu.sh" "$1" "$2" "$3" || true
	fi
}
