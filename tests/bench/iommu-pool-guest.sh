#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Guest half of tests/bench/iommu-pool.sh, run as /init's only "scenario":
# enables the hypervisor with the root config named by bench_cfg= on the
# kernel command line and prints the page pool figures on lines starting
# with "BENCH: ", before and after the pci-demo cell (which takes edu at
# 00:05.0 into its own DMA domain where there is an IOMMU). No verdict.
# stockade-timeout: 400

. /scenarios/lib.sh

sysfs=/sys/devices/jailhouse
name=$(sed -n 's/.*bench_cfg=\([a-z0-9-]*\).*/\1/p' /proc/cmdline)
demos=/usr/libexec/jailhouse/demos

out() {
	echo "BENCH: $*"
}

# pool WHEN: both pools as sysfs counts them (pages).
pool() {
	out "$(printf '%-28s' "$1:") mem $(cat $sysfs/mem_pool_used)" \
	    "of $(cat $sysfs/mem_pool_size)," \
	    "remap $(cat $sysfs/remap_pool_used) of $(cat $sysfs/remap_pool_size)"
}

insmod "$JAILHOUSE_KO"
if ! OUTPUT=$(jailhouse enable "/etc/jailhouse/$name.cell" 2>&1); then
	out "$name: enable failed: $OUTPUT"
	exit 1
fi
out "== $name.cell"
jailhouse console | sed -n 's/^Page pool usage after \(.*\) setup: /BENCH: hypervisor after \1 setup: /p'
pool "after enable"
if jailhouse cell create /etc/jailhouse/pci-demo.cell >/dev/null 2>&1; then
	pool "with the pci-demo cell"
	jailhouse cell destroy pci-demo >/dev/null 2>&1
	pool "after its destroy"
else
	out "pci-demo cell: create refused ($(jailhouse console |
		grep -i 'pci-demo' | tail -n 1))"
fi
jailhouse disable >/dev/null 2>&1
