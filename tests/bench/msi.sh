#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# tests/bench/msi.sh [COUNT]: `make bench-msi`. Builds the x86 tree and
# boots it in QEMU (TCG, VT-d beside the AMD CPU model, edu at 00:05.0 so
# that the BARs lie where configs/x86/e1000-demo.c has them) twice, on a CPU
# model without x2APIC and on one with it, and prints figures, no
# verdict: the VM exits a cell takes per MSI-X interrupt of its own
# device (the 82574L in the e1000-demo cell, COUNT interrupts, default
# 500), by reason. The figures come from tests/bench/msi-guest.sh; the
# console logs stay in build/logs/bench-msi-{xapic,x2apic}.log.
set -eu -o pipefail

count=${1:-500}
case "$count" in
''|*[!0-9]*) echo "usage: $0 [COUNT]" >&2; exit 2 ;;
esac
# shellcheck source=tests/bench/lib.sh
. "$(dirname "$0")/lib.sh"

initrd=$(bench_initrd x86 msi msi-guest.sh)

# run NAME CPU-MODEL TITLE: one boot, its figures.
run() {
	echo "== $3"
	QEMU_EXTRA="${QEMU_EXTRA:-} -cpu $2 -device intel-iommu,intremap=off
		-device edu,addr=05.0,dma_mask=0xffffffff" \
	QEMU_APPEND="intel_iommu=off bench_count=$count ${QEMU_APPEND:-}" \
		bench_boot "msi bench" x86 "$initrd" \
		"$bench_top/build/logs/bench-msi-$1.log"
}

rc=0
run xapic qemu64,+svm,+npt \
	"CPU without x2APIC: the cell's EOI goes to the emulated x2APIC" ||
	rc=1
run x2apic qemu64,+svm,+npt,+x2apic \
	"CPU with x2APIC: the cell's EOI passes to its APIC" || rc=1
exit $rc
