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

# arm64: the GIC of this machine (QEMU_GIC picks it) and its root config.
if grep -q GICv3 /proc/interrupts 2>/dev/null; then
	# shellcheck disable=SC2034 # read by the scenarios
	ARM64_GIC=GICv3
	ARM64_ROOT_CELL=/etc/jailhouse/qemu-arm64.cell
else
	# shellcheck disable=SC2034 # read by the scenarios
	ARM64_GIC=GICv2
	ARM64_ROOT_CELL=/etc/jailhouse/qemu-arm64-gicv2.cell
fi

# ARMv7: the root config of this machine (QEMU virt or the emulated
# Banana Pi BPI-M2 Ultra, ARM_BOARD=bpim2u in ci/run-qemu.sh).
if grep -q "BPI-M2-Ultra" /proc/device-tree/model 2>/dev/null; then
	# shellcheck disable=SC2034 # read by the scenarios
	ARM_ROOT_CELL=/etc/jailhouse/bananapi-m2-ultra.cell
else
	# shellcheck disable=SC2034 # read by the scenarios
	ARM_ROOT_CELL=/etc/jailhouse/qemu-arm.cell
fi

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

# --- Enable refusals (x86 and arm64 20-enable-errors.sh) ---------------------
# They use $cfg (the system config) and $iomem_before, set by the caller.

# The driver's mappings in /proc/vmallocinfo ("[jailhouse]" callers),
# from three reads. The kernel hands the file out a page at a time and
# finds where to go on by counting entries again: an area freed meanwhile
# (any task's stack, a firmware buffer) shifts the count, and one entry
# is skipped. A skip can only hide an entry, so a line seen in any read
# exists, and "none" must hold in every read.
hv_vmalloc_lines() {
	for _vm_round in 1 2 3; do
		grep '\[jailhouse\]' /proc/vmallocinfo
	done | sort -u
}

# patched FILE NAME OFFSET BYTES: path of a copy of FILE with BYTES (printf
# escapes) written at OFFSET.
patched() {
	cp "$1" "/tmp/$2.cell"
	# shellcheck disable=SC2059 # the bytes are escapes for printf
	printf "$4" | dd of="/tmp/$2.cell" bs=1 seek="$3" conv=notrunc 2>/dev/null
	echo "/tmp/$2.cell"
}

# enable_fails WHAT CONFIG CLI_TEXT [KERNEL_LOG_TEXT]: enable must fail with
# CLI_TEXT and change nothing; where the driver decided, the kernel log
# holds exactly one driver line, naming KERNEL_LOG_TEXT.
enable_fails() {
	dmesg -c >/dev/null
	expect_fail_with "$3" jailhouse enable "$2"
	check_eq "$1: still disabled" "0" \
		"$(cat /sys/devices/jailhouse/enabled)"
	if [ "$(cat /proc/iomem)" = "$iomem_before" ]; then
		pass "$1: /proc/iomem unchanged"
	else
		fail "$1: /proc/iomem unchanged" \
			"$(grep -i jailhouse /proc/iomem | head -n 1)"
	fi
	[ -n "${4:-}" ] || return 0
	# "] jailhouse: " is the driver; the firmware loader's lines about
	# the jailhouse device have a second blank.
	log=$(dmesg | grep '\] jailhouse: ')
	check_contains "$1: kernel log names the cause" "$log" "$4"
	check_eq "$1: one driver line in the kernel log" "1" \
		"$(printf '%s\n' "$log" | grep -c .)"
}

# firmware_errors FW: enable with the image FW missing, then with a file
# that is not an image. Leaves a bogus /lib/firmware/FW behind; the
# original, if any, is kept in $saved_fw for restore_firmware.
firmware_errors() {
	mkdir -p /lib/firmware
	saved_fw=
	if [ -e "/lib/firmware/$1" ]; then
		saved_fw=/tmp/$1.saved
		mv "/lib/firmware/$1" "$saved_fw"
	fi
	enable_fails "firmware missing" "$cfg" \
		"the hypervisor firmware (jailhouse*.bin) is missing in /lib/firmware" \
		"cannot load the hypervisor image /lib/firmware/$1 (-2)"
	# Anything without the JAILHOUS signature will do as a bogus image.
	cp "$cfg" "/lib/firmware/$1"
	enable_fails "firmware without image signature" "$cfg" \
		"is not a valid image" \
		"$1 is not a hypervisor image (no \"JAILHOUS\" signature)"
}

restore_firmware() {
	rm -f "/lib/firmware/$1"
	[ -z "$saved_fw" ] || mv "$saved_fw" "/lib/firmware/$1"
}

# le64 VALUE: printf escapes of a little-endian u64 (VALUE < 2^32).
le64() {
	printf '\\%03o\\%03o\\%03o\\%03o\\000\\000\\000\\000' \
		$(($1 & 255)) $((($1 >> 8) & 255)) $((($1 >> 16) & 255)) \
		$((($1 >> 24) & 255))
}

# fake_image FW CODE: a firmware image whose entry (at 0x1000) is CODE
# (printf escapes): core 8 KiB, per-CPU areas 4 KiB, console ring at 0x100.
fake_image() {
	{
		printf 'JAILHOUS'
		# shellcheck disable=SC2059 # le64 prints printf escapes
		printf "$(le64 0x2000)$(le64 0x1000)$(le64 0x1000)$(le64 0x100)"
		head -c $((0x1000 - 40)) /dev/zero
		# shellcheck disable=SC2059
		printf "$2"
	} >"/lib/firmware/$1"
}

# --- Cells and CPUs ------------------------------------------------------------

# cell_state NAME: the state column of `jailhouse cell list` for cell NAME
# ("running", "shut down", "failed", ...).
cell_state() {
	jailhouse cell list |
		awk -v n="$1" '$2 == n { s = $3; if ($4 == "down") s = s " " $4; print s }'
}

# wait_cell_state NAME STATE SECONDS: poll until cell NAME is in STATE or
# SECONDS have passed; the caller asserts the outcome.
wait_cell_state() {
	t=$3
	while [ "$t" -gt 0 ] && [ "$(cell_state "$1")" != "$2" ]; do
		sleep 1
		t=$((t - 1))
	done
}

# console_has WHAT TEXT [SECONDS]: TEXT shows up in `jailhouse console`
# within SECONDS (default 20).
console_has() {
	t=${3:-20}
	while [ "$t" -gt 0 ]; do
		jailhouse console | grep -q "$2" && { pass "$1"; return 0; }
		sleep 1
		t=$((t - 1))
	done
	fail "$1" "'$2' not in the hypervisor console"
	jailhouse console | tail -n 8 | sed 's/^/  console: /'
	return 1
}

# virt_flag: the /proc/cpuinfo flag of this CPU's virtualization
# extension, svm (AMD) or vmx (Intel): the x86 suites run on either where
# nested KVM gives the guest the host's CPU (ci/run-qemu.sh).
virt_flag() {
	if grep -q '^vendor_id.*GenuineIntel' /proc/cpuinfo; then
		echo vmx
	else
		echo svm
	fi
}

# cpu_flags N: the flags line of CPU N in /proc/cpuinfo (empty if offline).
cpu_flags() {
	awk -v n="$1" '/^processor/ { p = $3 } /^flags/ && p == n' /proc/cpuinfo
}

# arm64 root whose EL2 is taken (KVM, VHE kernel): el2_refusals WHAT
# CLI_TEXT LOG_TEXT. Enable with $ARM64_ROOT_CELL is refused twice, and
# again after the module was reloaded, each time changing nothing and
# leaving no mapping; Linux keeps all 4 CPUs, computes right on each and
# still takes CPU 3 offline and online, before, between and after.
el2_refusals() {
	_el2_what=$1
	_el2_cli=$2
	_el2_log=$3
	# shellcheck disable=SC2034 # read by enable_fails
	iomem_before=$(cat /proc/iomem)
	_el2_linux_works "$_el2_what: before"
	insmod "$JAILHOUSE_KO"
	_el2_refused "$_el2_what"
	_el2_refused "$_el2_what, second attempt"
	_el2_linux_works "$_el2_what: after the refusals"
	expect_ok rmmod jailhouse
	check_eq "module removed" "" "$(lsmod | grep '^jailhouse ')"
	insmod "$JAILHOUSE_KO"
	_el2_refused "$_el2_what, module reloaded"
	expect_ok rmmod jailhouse
	_el2_linux_works "$_el2_what: after the module is gone"
}

# all_cpus_compute WHAT: the same job on each of CPUs 0-3 at once, and
# each gives the digest the job gives here.
# shellcheck disable=SC2016 # expanded by the shell that runs the job
_cpu_job='i=0; while [ $i -lt 300 ]; do echo "line $i"; i=$((i + 1)); done | md5sum'
all_cpus_compute() {
	_cpu_expected=$(sh -c "$_cpu_job")
	for cpu in 0 1 2 3; do
		rm -f "/tmp/wl.$cpu"
		taskset -c "$cpu" sh -c "$_cpu_job" >"/tmp/wl.$cpu" 2>&1 &
	done
	wait
	ok=0
	for cpu in 0 1 2 3; do
		[ "$(cat "/tmp/wl.$cpu")" = "$_cpu_expected" ] && ok=$((ok + 1))
	done
	check_eq "$1: right results on all 4 CPUs" "4" "$ok"
}

_el2_linux_works() {
	check_eq "$1: CPUs 0-3 online" "0-3" \
		"$(cat /sys/devices/system/cpu/online)"
	all_cpus_compute "$1"
	_el2_cpu3=/sys/devices/system/cpu/cpu3
	echo 0 >"$_el2_cpu3/online"
	off=$(cat "$_el2_cpu3/online")
	echo 1 >"$_el2_cpu3/online"
	check_eq "$1: CPU 3 offline and online again" "0 1" \
		"$off $(cat "$_el2_cpu3/online")"
	# Field 39 of a task's stat is the CPU it runs on.
	check_eq "$1: CPU 3 runs tasks" "3" \
		"$(taskset -c 3 cut -d' ' -f39 /proc/self/stat)"
}

_el2_refused() {
	enable_fails "$1" "$ARM64_ROOT_CELL" "$_el2_cli" "$_el2_log"
	check_eq "$1: no hypervisor mapping left" "" \
		"$(hv_vmalloc_lines)"
}
