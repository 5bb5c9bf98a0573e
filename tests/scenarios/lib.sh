# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=dash
#
# Helpers for the QEMU scenarios; source with `. /scenarios/lib.sh`.
# Runs under busybox sh inside the test initramfs.
#
# Only the lines "PASS: <what>" and "FAIL: <what>: <why>" are counted by
# the host (ci/check-log.sh); "SKIP: <what>: <why>" is shown but not counted.
# The output of the last expect_ok/expect_fail_with is kept in $OUTPUT.

OUTPUT=

pass() {
	echo "PASS: $1"
}

fail() {
	echo "FAIL: $1: ${2:-failed}"
}

skip() {
	echo "SKIP: $1: ${2:-skipped}"
}

# First line of $OUTPUT, shortened, to explain a failure on one line.
_brief() {
	if [ -n "$OUTPUT" ]; then
		printf '%s' "$OUTPUT" | head -n 1 | cut -c 1-160
	else
		echo "(no output)"
	fi
}

# expect_ok CMD [ARGS...]: the command must exit with status 0.
expect_ok() {
	local rc=0
	OUTPUT=$("$@" 2>&1) || rc=$?
	if [ "$rc" -eq 0 ]; then
		pass "$*"
	else
		fail "$*" "exit status $rc: $(_brief)"
	fi
	return "$rc"
}

# expect_fail_with TEXT CMD [ARGS...]: the command must fail (status not 0)
# and its output (stdout and stderr) must contain TEXT.
expect_fail_with() {
	local text="$1" rc=0
	shift
	OUTPUT=$("$@" 2>&1) || rc=$?
	if [ "$rc" -eq 0 ]; then
		fail "$* fails" "it succeeded"
		return 1
	fi
	case "$OUTPUT" in
	*"$text"*)
		pass "$* fails with '$text'"
		return 0 ;;
	esac
	fail "$* fails with '$text'" "status $rc but output was: $(_brief)"
	return 1
}

# check_eq WHAT EXPECTED ACTUAL
check_eq() {
	if [ "$2" = "$3" ]; then
		pass "$1"
	else
		fail "$1" "expected '$2', got '$3'"
		return 1
	fi
}

# check_contains WHAT HAYSTACK NEEDLE
check_contains() {
	case "$2" in
	*"$3"*)
		pass "$1" ;;
	*)
		fail "$1" "'$3' not found in '$(printf '%s' "$2" | head -n 1 | cut -c 1-160)'"
		return 1 ;;
	esac
}

# check_file WHAT PATH: PATH must exist.
check_file() {
	if [ -e "$2" ]; then
		pass "$1"
	else
		fail "$1" "$2 does not exist"
		return 1
	fi
}

# expect_stop TEXT: from here on the machine is expected to stop (own-boot
# scenarios only). The host then requires TEXT to appear on the console after
# this point instead of the scenario's end marker.
expect_stop() {
	echo "STOCKADE-EXPECT-STOP: $1"
	# The console drains the tty buffer slowly; a stop right after this
	# could swallow the marker.
	sleep 1
}

# Put the kernel log tail next to a failure, for the reader of the CI log.
dump_dmesg() {
	dmesg | tail -n "${1:-30}" | sed 's/^/  dmesg: /'
}

# The installed driver for the running kernel, if any.
# shellcheck disable=SC2034 # for the scenarios
JAILHOUSE_KO=$(find "/lib/modules/$(uname -r)" -name jailhouse.ko 2>/dev/null | head -n 1)
