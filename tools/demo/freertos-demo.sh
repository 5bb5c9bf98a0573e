#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# freertos-demo.sh [run [SECONDS] | start | stop]
#
# The seeds' FreeRTOS session on a Banana Pi (or QEMU virt, arm64 or
# ARMv7), step by step with a line for each: load the jailhouse module,
# enable the hypervisor with the board's root cell, create the FreeRTOS
# cell, load its image, start it; then shut it down, destroy it, disable
# the hypervisor and unload the module.
#
#   run [SECONDS]  start, let the cell run SECONDS (default 10), stop
#   start          the first half only: the cell keeps running
#   stop           the second half
#
# The board comes from the device tree; these override what it picks:
#   ROOT_CELL      root cell config (/etc/jailhouse/<board>.cell)
#   CELL_CONFIG    the cell's config (<board>-freertos-demo.cell)
#   IMAGE          the inmate (/usr/libexec/jailhouse/demos/freertos-demo.bin)
#   CELL_ARGS      the inmate's command line (default: empty, the cell
#                  prints on its own UART; "con-type=jailhouse" prints
#                  through the hypervisor console, `jailhouse console`)
#   JAILHOUSE_KO   the module (default: the first jailhouse.ko under
#                  /lib/modules)
# Without a FreeRTOS image (the build had no FREERTOS_KERNEL) it says so
# and runs the gic-demo cell instead. Exit status: 0 when every step
# worked, else that of the first failed step.

etc=/etc/jailhouse
demos=/usr/libexec/jailhouse/demos

say() {
	echo "freertos-demo: $*"
}

# step WHAT COMMAND...: announce, run, stop the script on failure.
step() {
	what=$1
	shift
	say "$what: $*"
	"$@" || {
		rc=$?
		say "FAILED ($what, status $rc)"
		exit "$rc"
	}
}

board_prefix() {
	model=$(tr -d '\0' </proc/device-tree/model 2>/dev/null)
	case "$model" in
	*BPI-M2-Ultra*) echo bananapi-m2-ultra ;;
	*BPI-M2-Plus*) echo bananapi-m2-plus ;;
	*"Banana Pi"*|*BananaPi*) echo bananapi ;;
	*)
		case "$(uname -m)" in
		aarch64)
			if grep -q GICv3 /proc/interrupts; then echo qemu-arm64
			else echo qemu-arm64-gicv2; fi ;;
		*) echo qemu-arm ;;
		esac ;;
	esac
}

# pick: ROOT_CELL, CELL_CONFIG, IMAGE and the cell's name.
pick() {
	board=$(board_prefix)
	: "${ROOT_CELL:=$etc/$board.cell}"
	case "$board" in
	qemu-*) prefix= ;;
	*) prefix=$board- ;;
	esac
	if [ -z "${IMAGE:-}" ] && [ ! -f "$demos/freertos-demo.bin" ]; then
		say "no FreeRTOS image ($demos/freertos-demo.bin): this build had no FREERTOS_KERNEL (Documentation/freertos.md); running gic-demo instead"
		demo=gic-demo
	else
		demo=freertos-demo
	fi
	: "${IMAGE:=$demos/$demo.bin}"
	: "${CELL_CONFIG:=$etc/$prefix$demo.cell}"
	cell=$demo
	say "board $board: root cell $ROOT_CELL, cell $CELL_CONFIG, image $IMAGE"
}

module() {
	: "${JAILHOUSE_KO:=$(find /lib/modules -name jailhouse.ko | head -n 1)}"
	if [ -z "$JAILHOUSE_KO" ]; then
		say "FAILED (no jailhouse.ko under /lib/modules)"
		exit 1
	fi
	step "load the module" insmod "$JAILHOUSE_KO"
}

start() {
	module
	step "enable the hypervisor" jailhouse enable "$ROOT_CELL"
	step "create the cell" jailhouse cell create "$CELL_CONFIG"
	step "load the image" jailhouse cell load "$cell" "$IMAGE" \
		-s "${CELL_ARGS:-}" -a 0x1000
	step "start the cell" jailhouse cell start "$cell"
	jailhouse cell list
	say "$cell is running"
}

stop() {
	step "shut the cell down (it must approve)" jailhouse cell shutdown "$cell"
	step "destroy the cell" jailhouse cell destroy "$cell"
	step "disable the hypervisor" jailhouse disable
	step "unload the module" rmmod jailhouse
	say "done: Linux has all CPUs back"
}

pick
case "${1:-run}" in
start) start ;;
stop) stop ;;
run)
	start
	say "letting $cell run for ${2:-10} s"
	sleep "${2:-10}"
	stop ;;
*)
	echo "usage: $0 [run [SECONDS] | start | stop]" >&2
	exit 2 ;;
esac
