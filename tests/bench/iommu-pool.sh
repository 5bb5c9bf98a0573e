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

# shellcheck source=tests/bench/lib.sh
. "$(dirname "$0")/lib.sh"

initrd=$(bench_initrd x86 iommu iommu-pool-guest.sh)
edu="-device edu,addr=05.0,dma_mask=0xffffffff"

# run NAME CONFIG QEMU-ARGS APPEND: one boot, its figures.
run() {
	QEMU_EXTRA="${QEMU_EXTRA:-} $3" \
	QEMU_APPEND="bench_cfg=$2 $4 ${QEMU_APPEND:-}" \
		bench_boot "iommu bench ($1)" x86 "$initrd" \
		"$bench_top/build/logs/bench-iommu-$1.log"
}

rc=0
run none qemu-x86 "$edu" "" || rc=1
run vtd qemu-x86-vtd "-device intel-iommu,intremap=off $edu" \
	intel_iommu=off || rc=1
run vtd-ir qemu-x86-vtd-ir "-cpu qemu64,+svm,+npt,+x2apic
	-device intel-iommu,intremap=on,eim=on $edu" intel_iommu=off || rc=1
run amdvi qemu-x86-amdvi "-device amd-iommu,intremap=on,pt=off $edu" \
	"amd_iommu=off intremap=off no_timer_check" || rc=1
exit $rc
