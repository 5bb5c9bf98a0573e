#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# The virtual PCI host of the hypervisor on arm64, as the root cell sees
# it without a driver: the ECAM window of the root config (0x08e00000,
# bus 0) answers for the ivshmem device 00:00.0 from the core's model and
# with all-ones for empty slots; the device has no MSI-X and says INTA.
# With BAR0 set up, INTx enabled and the doorbell rung to itself, SPI
# 140 (vpci_irq_base 108 + 32 + pin A - 1) turns pending in the
# distributor; with the command register's INTx disable bit set, it does
# not. Runs on GICv3 and GICv2. The root's Linux, having no driver for
# the host yet, only reads it with devmem.

. /scenarios/lib.sh

ecam=0x08e00000
bar0=0x08f00000
# GICD_ISPENDR/ICPENDR word and bit of SPI 140.
ispendr=$((0x08000000 + 0x200 + 140 / 32 * 4))
icpendr=$((0x08000000 + 0x280 + 140 / 32 * 4))
bit=$((1 << (140 % 32)))

spi_pending() {
	echo $(( $(devmem $ispendr 32) & bit ))
}

lsmod | grep -q '^jailhouse ' || insmod "$JAILHOUSE_KO"
expect_ok jailhouse enable "$ARM64_ROOT_CELL" || { dump_dmesg; exit 0; }

check_eq "ivshmem ID in the virtual ECAM" 0x4106110A "$(devmem $ecam 32)"
check_eq "empty slot 00:01.0 reads all-ones" 0xFFFFFFFF \
	"$(devmem $((ecam + 0x8000)) 32)"
check_eq "no MSI-X capability after the vendor one" 0x00 \
	"$(devmem $((ecam + 0x41)) 8)"
check_eq "interrupt pin INTA" 0x01 "$(devmem $((ecam + 0x3d)) 8)"

devmem $((ecam + 0x10)) 32 $bar0
devmem $((ecam + 0x04)) 16 0x0002
check_eq "BAR0 decodes: max peers" 0x00000002 "$(devmem $((bar0 + 4)) 32)"
devmem $icpendr 32 $bit
devmem $((bar0 + 8)) 32 1
devmem $((bar0 + 12)) 32 0
check_eq "doorbell to itself: SPI 140 pending" $bit "$(spi_pending)"

devmem $icpendr 32 $bit
devmem $((ecam + 0x04)) 16 0x0402
devmem $((bar0 + 12)) 32 0
check_eq "INTx disabled: SPI 140 stays quiet" 0 "$(spi_pending)"

devmem $((ecam + 0x04)) 16 0x0000
expect_ok jailhouse disable || dump_dmesg
