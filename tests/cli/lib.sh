# SPDX-License-Identifier: GPL-2.0
#
# Helpers of the `jailhouse` tool tests, sourced by run.sh.

PASSED=0
FAILED=0

pass()
{
	PASSED=$((PASSED + 1))
	echo "PASS: $1"
}

fail()
{
	FAILED=$((FAILED + 1))
	echo "FAIL: $1: $2"
}

# Runs a command; leaves its stdout in OUT, stderr in ERR, status in RC.
run()
{
	OUT=$("$@" 2>"$T/stderr")
	RC=$?
	ERR=$(cat "$T/stderr")
}

# expect NAME STATUS STDERR_TEXT COMMAND...
# A failure must be exactly one line on stderr that ends with a period
# and contains STDERR_TEXT; a success must leave stderr empty.
expect()
{
	local name=$1 status=$2 text=$3
	shift 3
	run "$@"
	if [ "$RC" -ne "$status" ]; then
		fail "$name" "exit status $RC, wanted $status; stderr: $ERR"
	elif [ "$status" -eq 0 ] && [ -n "$ERR" ]; then
		fail "$name" "stderr not empty: $ERR"
	elif [ "$status" -ne 0 ] && [ "$(printf '%s\n' "$ERR" | wc -l)" -ne 1 ]; then
		fail "$name" "stderr is not one line: $ERR"
	elif [ "$status" -ne 0 ] && [[ "$ERR" != *. ]]; then
		fail "$name" "stderr does not end a sentence: $ERR"
	elif [[ "$ERR" != *"$text"* ]]; then
		fail "$name" "stderr '$ERR' lacks '$text'"
	else
		pass "$name"
		return 0
	fi
	return 1
}

# check NAME CONDITION_TEXT [test args...]: pass if the test command holds.
check()
{
	local name=$1 why=$2
	shift 2
	if "$@"; then
		pass "$name"
	else
		fail "$name" "$why"
	fi
}

contains()
{
	[[ "$1" == *"$2"* ]]
}

not_contains()
{
	[[ "$1" != *"$2"* ]]
}

# A fresh fake system root for JAILHOUSE_TEST_ROOT, in $R.
NROOTS=0
new_root()
{
	NROOTS=$((NROOTS + 1))
	R=$T/root$NROOTS
	mkdir -p "$R"
	export JAILHOUSE_TEST_ROOT=$R
}

# The driver is loaded; $1 = 1 when the hypervisor is enabled.
with_driver()
{
	mkdir -p "$R/dev" "$R/sys/devices/jailhouse/cells"
	: >"$R/dev/jailhouse"
	echo "$1" >"$R/sys/devices/jailhouse/enabled"
}

# add_cell ID NAME STATE ASSIGNED FAILED
add_cell()
{
	local d=$R/sys/devices/jailhouse/cells/$1
	mkdir -p "$d/statistics"
	echo "$2" >"$d/name"
	echo "$3" >"$d/state"
	echo "$4" >"$d/cpus_assigned_list"
	echo "$5" >"$d/cpus_failed_list"
}

# set_stat ID COUNTER VALUE (COUNTER without the vmexits_ prefix)
set_stat()
{
	echo "$3" >"$R/sys/devices/jailhouse/cells/$1/statistics/vmexits_$2"
}

fake_log()
{
	export JH_FAKE_LOG=$T/fake.log
	: >"$JH_FAKE_LOG"
}

# matches TEXT REGEX: some line of TEXT matches the extended regex.
matches()
{
	printf '%s\n' "$1" | grep -Eq -- "$2"
}
