# SPDX-License-Identifier: GPL-2.0
#
# Top-level build: `make ARCH=x86_64|arm64|arm [KDIR=...] [CROSS_COMPILE=...]`.
# See Documentation/build-and-test.md.

TOPDIR := $(CURDIR)
include scripts/build.mk
export TOPDIR ARCH CROSS_COMPILE

SUBDIRS := tools configs inmates hypervisor

# As with Jailhouse, a plain `make && make install` on the target machine
# builds and installs the driver for the running kernel when its headers
# are there. A cross build, or a machine without them, needs KDIR given.
ifeq ($(origin KDIR),undefined)
ifeq ($(CROSS_COMPILE),)
KDIR := $(wildcard /lib/modules/$(shell uname -r)/build)
endif
endif

# A FreeRTOS-Kernel checkout for the FreeRTOS cell (inmates/freertos); sub-
# makes run in other folders, so a relative path is made absolute here.
ifneq ($(FREERTOS_KERNEL),)
override FREERTOS_KERNEL := $(abspath $(FREERTOS_KERNEL))
export FREERTOS_KERNEL
endif

.PHONY: all modules $(SUBDIRS) install clean check check-unit check-abi \
	check-fuzz fuzz check-config check-cli check-inmates check-armhf-build check-x86 \
	check-x86-ir \
	check-x86-intel check-arm64 check-arm64-gicv2 check-arm check-arm-bananapi \
	check-demo check-demo-arm demo deps freertos \
	bench-x86 bench-cells bench-arm64 bench-arm bench-latency bench-freertos bench-intel \
	bench-ivshmem bench-msi bench-iommu

all: $(SUBDIRS) $(if $(KDIR),modules)

$(SUBDIRS):
	$(Q)$(MAKE) -C $@

modules:
	$(Q)$(MAKE) -C $(KDIR) M=$(TOPDIR) ARCH=$(SRCARCH) \
		CROSS_COMPILE=$(CROSS_COMPILE) modules

install: all
	$(Q)for d in $(SUBDIRS); do $(MAKE) -C $$d install || exit 1; done
	$(if $(KDIR),$(Q)$(MAKE) -C $(KDIR) M=$(TOPDIR) ARCH=$(SRCARCH) \
		CROSS_COMPILE=$(CROSS_COMPILE) \
		INSTALL_MOD_PATH=$(DESTDIR) INSTALL_MOD_DIR=extra modules_install)

clean:
	$(Q)for d in $(SUBDIRS); do $(MAKE) -C $$d clean; done
	$(Q)rm -f driver/*.o driver/*.ko driver/*.mod* driver/.*.cmd \
		Module.symvers modules.order driver/modules.order

# FreeRTOS in a cell: freertos-demo.bin from a FreeRTOS-Kernel checkout,
# `make freertos FREERTOS_KERNEL=<dir> [ARCH=arm64|arm]`
# (Documentation/freertos.md).
freertos:
	$(Q)$(MAKE) -C inmates/freertos

# The whole suite: host tests first (seconds), then QEMU system tests;
# every suite runs even when an earlier one fails, and the last line is the
# total.
CHECK_SUITES := check-unit check-fuzz check-abi check-config check-cli \
	check-inmates check-armhf-build check-x86 check-x86-ir check-x86-intel \
	check-arm64 check-arm64-gicv2 check-arm check-arm-bananapi check-demo \
	check-demo-arm

check: deps
	$(Q)ci/check-all.sh $(CHECK_SUITES)

# Packages from apt (Debian 12, root); a second run only checks.
deps:
	$(Q)ci/deps.sh

check-unit:
	$(Q)$(MAKE) -C tests/unit run

# libFuzzer harnesses of the core, about 20 s each on their seed corpus.
check-fuzz:
	$(Q)$(MAKE) -C tests/fuzz run

# The same, as long as asked: make fuzz FUZZ_SECONDS=3600 (per harness).
fuzz:
	$(Q)$(MAKE) -C tests/fuzz fuzz

check-inmates:
	$(Q)$(MAKE) -C tests/inmates run

check-cli:
	$(Q)$(MAKE) -C tests/cli run

check-abi:
	$(Q)$(MAKE) -C tests/abi run

check-config:
	$(Q)$(MAKE) -C tests/config-check run

check-armhf-build:
	$(Q)ci/build-armhf.sh

# The seeds' session in QEMU, interactive: Ctrl-a x quits.
demo: deps
	$(Q)ci/demo.sh

# The same session without a terminal, judged by its output.
check-demo:
	$(Q)ci/demo.sh --batch

# The seeds' FreeRTOS session on the emulated Banana Pi, batch (a
# FreeRTOS kernel with FREERTOS_KERNEL, gic-demo without).
check-demo-arm:
	$(Q)ci/demo-arm.sh --batch

check-x86:
	$(Q)ci/system-test.sh x86

# The same scenarios with the root under VT-d interrupt remapping, Linux in
# x2APIC mode (QEMU's intel-iommu, root config qemu-x86-ir.cell).
check-x86-ir:
	$(Q)X86_ROOT_MODE=x2apic-ir ci/system-test.sh x86

# Intel VT-x in Bochs (QEMU's TCG has no VMX): tests/scenarios/x86-intel.
check-x86-intel:
	$(Q)ci/check-x86-intel.sh

check-arm64:
	$(Q)ci/system-test.sh arm64

# The same arm64 scenarios on a GICv2 machine (scenarios pick the config).
check-arm64-gicv2:
	$(Q)QEMU_GIC=2 ci/system-test.sh arm64

# ARMv7: QEMU virt, Cortex-A15, GICv2, the armmp-lpae kernel.
check-arm:
	$(Q)ci/system-test.sh arm

# The same on the emulated Banana Pi BPI-M2 Ultra (Allwinner R40, QEMU 10),
# then one boot of the BPI-M2+ (Allwinner H3, QEMU's orangepi-pc).
check-arm-bananapi:
	$(Q)ci/check-arm-bananapi.sh

# Figures, not a test: not part of check.
bench-x86: deps
	$(Q)tests/bench/x86-exits.sh

# ivshmem doorbell and ivshmem-net round trips: figures only.
bench-ivshmem: deps
	$(Q)tests/bench/ivshmem.sh $(BENCH_COUNT)

# Exits per MSI-X interrupt of a cell's own device: figures only.
bench-msi: deps
	$(Q)tests/bench/msi.sh $(BENCH_COUNT)

# Page pool use with each IOMMU (none, VT-d, VT-d IR, AMD-Vi): figures only.
bench-iommu: deps
	$(Q)tests/bench/iommu-pool.sh

# Exits per apic-demo timer interrupt, cell start latency: figures only.
bench-cells: deps
	$(Q)tests/bench/x86-cells.sh

# The same two on emulated Intel VT-x, in one Bochs boot: figures only.
bench-intel: deps
	$(Q)tests/bench/intel.sh $(BENCH_SECONDS)

# Exits per gic-demo timer interrupt, cell start latency: figures only.
# QEMU_GIC=2 for the GICv2 machine, BENCH_SECONDS=N for a longer window.
bench-arm64: deps
	$(Q)tests/bench/arm-cells.sh $(BENCH_SECONDS)

# The same figures on ARMv7: QEMU virt, then the emulated BPI-M2 Ultra.
bench-arm: deps
	$(Q)BENCH_ARCH=arm tests/bench/arm-cells.sh $(BENCH_SECONDS)
	$(Q)BENCH_ARCH=arm ARM_BOARD=bpim2u tests/bench/arm-cells.sh $(BENCH_SECONDS)

# Interrupt latency in virtual time (QEMU -icount), bare vs in a cell:
# figures only. Targets: BENCH_TARGETS="x86 x86-x2apic arm64-gicv3
# arm64-gicv2 armv7 freertos" (all by default; freertos needs
# FREERTOS_KERNEL, else SKIP).
bench-latency: deps
	$(Q)tests/bench/latency.sh $(BENCH_TARGETS)

# The seeds' temporal isolation experiment on the emulated Banana Pi:
# FreeRTOS jitter with the root idle and under stress-ng, the root's
# stress-ng rates without and with the FreeRTOS cell; ratios only mean
# something under TCG. Needs FREERTOS_KERNEL; BENCH_SECONDS=N per run.
bench-freertos: deps
	$(Q)tests/bench/freertos.sh $(BENCH_SECONDS)
