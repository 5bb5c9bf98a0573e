#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# ci/check-log.sh <label> <serial-log> <scenario-name>...
#
# Judge one QEMU run from its console log: count the "PASS:" and "FAIL:"
# lines of each scenario given (between its STOCKADE-BEGIN and STOCKADE-END
# markers, see ci/guest-init.sh), and add a failure for every scenario that
# never started, never ended (crash, hang, time limit) or exited non-zero
# without saying why. A scenario that announced an expected stop
# (STOCKADE-EXPECT-STOP: TEXT) passes that check when TEXT shows up in its
# part of the console log, and fails it otherwise. Each
# STOCKADE-EXPECT-SERIAL: TEXT of a scenario is one more check: TEXT must
# show up in its part of the console log, on a line that is not a dump of
# the hypervisor console or kernel log ("  console: ...", "  dmesg: ...").
# That is how a scenario asks for output only the host sees: what the
# hypervisor or a cell wrote to a UART directly.
#
# Prints the failures (and skips) as "FAIL: <label>/<scenario>: ...", then
# one last line "N passed, N failed". Exit status 0 when nothing failed.
set -eu -o pipefail

if [ $# -lt 3 ]; then
	echo "usage: $0 LABEL LOG SCENARIO..." >&2
	exit 2
fi
label=$1
log=$2
shift 2
[ -r "$log" ] || { echo "check-log.sh: cannot read $log" >&2; exit 2; }

# The console uses CRLF line ends; awk sees plain lines.
tr -d '\r' <"$log" | awk -v label="$label" -v names="$*" '
function report(name, what) {
	printf "FAIL: %s/%s: %s\n", label, name, what
	failed++
}
BEGIN { nn = split(names, order, " ") }
/^STOCKADE-DONE$/ { cur = ""; next }
/^STOCKADE-BEGIN: / { cur = $2; begun[cur] = 1; next }
/^STOCKADE-END: / {
	sub("^rc=", "", $3)
	ended[$2] = 1; rc[$2] = $3; cur = ""; next
}
cur == "" { next }
/^STOCKADE-EXPECT-STOP: / {
	stop[cur] = substr($0, length("STOCKADE-EXPECT-STOP: ") + 1)
	next
}
/^STOCKADE-EXPECT-SERIAL: / {
	serial[cur, ++nserial[cur]] = \
		substr($0, length("STOCKADE-EXPECT-SERIAL: ") + 1)
	next
}
/^PASS: / { passed++; npass[cur]++; next }
/^FAIL: / {
	printf "FAIL: %s/%s: %s\n", label, cur, substr($0, 7)
	failed++; nfail[cur]++; next
}
/^SKIP: / {
	printf "SKIP: %s/%s: %s\n", label, cur, substr($0, 7)
	nskip[cur]++; next
}
# Kernel and hypervisor messages are written synchronously while the
# output of the scenario may still sit in the tty buffer: the text announced
# by STOCKADE-EXPECT-STOP can show up before the marker. Keep the whole
# section and search it at the end.
{ text[cur] = text[cur] "\n" $0 }
!/^  (console|dmesg|seen): / { direct[cur] = direct[cur] "\n" $0 }
END {
	for (i = 1; i <= nn; i++) {
		n = order[i]
		if (!(n in begun)) {
			report(n, "never started (boot failed or an earlier scenario hung the machine)")
		} else if (n in stop) {
			if (index(text[n], stop[n])) {
				passed++
			} else {
				report(n, "expected stop \"" stop[n] "\" did not show on the console")
			}
		} else if (!(n in ended)) {
			report(n, "no end marker (crashed, hung or ran out of time)")
		} else if (rc[n] != 0 && !nfail[n]) {
			report(n, "exited with status " rc[n] (rc[n] == 137 ? " (guest time limit)" : ""))
		} else if (!npass[n] && !nfail[n] && !nskip[n]) {
			report(n, "reported nothing")
		}
		for (k = 1; k <= nserial[n]; k++) {
			if (index(direct[n], serial[n, k]))
				passed++
			else
				report(n, "\"" serial[n, k] "\" not on the serial console")
		}
	}
	printf "%d passed, %d failed\n", passed, failed
	exit (failed > 0)
}'
