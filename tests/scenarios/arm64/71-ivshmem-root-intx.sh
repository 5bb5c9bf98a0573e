#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# The virtual PCI host of the hypervisor on arm64, as the root cell sees
# it without a driver: the ECAM window of the root config (0x09100000,
# bus 0) answers for the ivshmem device 00:00.0 from the core's model and
# with all-ones for empty slots; the device has no MSI-X and says INTA.
# BAR0 decodes the device's registers once set. Runs on GICv3 and GICv2.
# The root's Linux, having no driver for the host yet, reaches it with
# devmem only; the INTx SPI it raises (140 here) is not observed: the
# kernel's strict /dev/mem keeps devmem off the distributor, which the
# GIC driver claims (unit tests cover the pin rule and the SPI write).

. /scenarios/lib.sh

ecam=0x09100000
bar0=0x09200000

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
check_eq "BAR0 decodes: max peers" 0x00000003 "$(devmem $((bar0 + 4)) 32)"
check_eq "BAR0 decodes: own peer id" 0x00000000 "$(devmem $bar0 32)"
devmem $((ecam + 0x04)) 16 0x0000
expect_ok jailhouse disable || dump_dmesg
