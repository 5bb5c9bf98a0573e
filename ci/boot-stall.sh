#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# ci/boot-stall.sh LOG: succeeds, saying why on stdout, when the guest's
# kernel in the console log LOG lost a CPU to an RCU stall that began
# before jailhouse.ko was loaded, that is before any of our code ran (seen
# a few times under TCG on a loaded host: one CPU's local timer never
# fires again from early boot), or when QEMU itself aborted on an
# assertion before that (seen once: "iotlb_to_section: Assertion
# `section_index < d->map.sections_nb' failed" while Linux probed PCI).
# ci/run-scenarios.sh then boots the scenario once more. Debian's kernels
# tick at 250 Hz.
set -eu -o pipefail

tr -d '\r' <"$1" | awk '
	function ts(line) {
		sub(/^\[ */, "", line)
		sub(/\].*/, "", line)
		return line + 0
	}
	/jailhouse: loading out-of-tree module/ && !loaded {
		loaded = ts($0)
	}
	stall_at && !start && match($0, /t=[0-9]+ jiffies/) {
		start = stall_at - substr($0, RSTART + 2) / 250
	}
	/rcu: INFO: rcu_preempt detected stalls/ && !stall_at {
		stall_at = ts($0)
	}
	/^qemu-system-[a-z0-9_]*: .*Assertion .* failed/ && !loaded {
		qemu_abort = 1
	}
	END {
		if (qemu_abort) {
			printf "QEMU aborted on an assertion before " \
			       "jailhouse.ko was loaded"
			exit 0
		}
		if (!start || (loaded && start >= loaded))
			exit 1
		printf "an RCU stall began at %.1f s, before", start
		if (loaded)
			printf " jailhouse.ko was loaded (%.1f s)", loaded
		else
			printf " jailhouse.ko was loaded"
	}'
