#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# tests/bench/iommu-pool.sh: `make bench-iommu`. Builds the x86 tree and
# boots it in QEMU (TCG) once per IOMMU setting: none, VT-d DMA
# remapping, VT-d with interrupt remapping (root in x2APIC mode) and
# AMD-Vi; prints figures, no verdict: the hypervisor's page pool after
# its early and late setup, after enable (as sysfs counts it), with the
# pci-demo cell (edu, DMA-remapped) and after its destroy. The figures
# come from tests/bench/iommu-pool-guest.sh; the console logs stay in
# build/logs/bench-iommu-*.log.
set -eu -o pipefail

top=$(cd "$(dirname "$0")/../.." && pwd)
initrd=$top/build/initrd-bench-iommu.gz
edu="-device edu,addr=05.0,dma_mask=0xffffffff"

stage=$("$top/ci/build-tree.sh" x86 | tail -n 1)
"$top/ci/initramfs.sh" -o "$initrd" x86 "$stage" \
	"$top/tests/bench/iommu-pool-guest.sh" >/dev/null

# run NAME CONFIG QEMU-ARGS APPEND: one boot, its figures.
run() {
	local log=$top/build/logs/bench-iommu-$1.log rc=0 figures

	QEMU_EXTRA="${QEMU_EXTRA:-} $3" \
	QEMU_APPEND="bench_cfg=$2 $4 ${QEMU_APPEND:-}" \
		"$top/ci/run-qemu.sh" x86 "$initrd" "$log" >/dev/null || rc=$?
	figures=$(tr -d '\r' <"$log" | sed -n 's/^BENCH: //p')
	if [ -z "$figures" ]; then
		echo "iommu bench: no figures for $1 (QEMU status $rc); see $log" >&2
		return 1
	fi
	printf '%s\n' "$figures"
}

rc=0
run none qemu-x86 "$edu" "" || rc=1
run vtd qemu-x86-vtd "-device intel-iommu,intremap=off $edu" \
	intel_iommu=off || rc=1
run vtd-ir qemu-x86-vtd-ir "-cpu qemu64,+svm,+npt,+x2apic
	-device intel-iommu,intremap=on,eim=on $edu" intel_iommu=off || rc=1
run amdvi qemu-x86-amdvi "-device amd-iommu,intremap=off,pt=off $edu" \
	"amd_iommu=off no_timer_check" || rc=1
exit $rc
