#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# The virtual PCI host of the hypervisor on arm64, as the root cell's
# stock Linux sees it: at enable the driver gives Linux a device tree
# node for it (ECAM at 0x09100000, bus 0, domain 1, BARs from 0x09200000,
# INTA-INTD on SPIs 140-143) and pci-host-generic scans it, finding the
# config's ivshmem device at 0001:00:00.0 and nothing else. uio_ivshmem
# binds it with INTx (the device has no MSI-X); ivshmem-demo reads ID,
# peers, sections and states through it, and the root's own doorbell
# comes back as the INTA interrupt on SPI 140. Disable takes device, host
# and node away; three rounds. ivshmem-net.ko drives the second device,
# 00:01.0 (no peer: no carrier). A config whose PCI domain Linux has
# already is named in one line. Runs on GICv3 and GICv2
# (ivshmem-root-lib.sh).

. /scenarios/lib.sh
# shellcheck disable=SC2034 # read by ivshmem-root-lib.sh
VPCI_DEVICES="0001:00:00.0 0001:00:01.0"
. /scenarios/ivshmem-root-lib.sh

vpci_root_rounds "$ARM64_ROOT_CELL"
vpci_net "$ARM64_ROOT_CELL"
vpci_used_domain "$ARM64_ROOT_CELL"
vpci_window_taken "$ARM64_ROOT_CELL"
