# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=dash
#
# Inmates built from upstream Jailhouse's own tree (UPSTREAM_INMATES on the
# host, packed into /usr/libexec/jailhouse/upstream; never part of this
# repository) run unchanged in our cells with our configs. ARM (arm64 and
# ARMv7): gic-demo and uart-demo (upstream_arm_scenario). x86: tiny-demo,
# the 32-bit demo, apic-demo (x2APIC timer, locked cell: the first
# shutdown is refused) and smp-demo (every CPU of the cell starts at the
# reset entry, the first one starts the others by INIT/SIPI, IPIs back),
# last ioapic-demo (an IOAPIC pin, the ACPI SCI, in the cell).
# Each run's console lines are shown prefixed with "UP:".

up=/usr/libexec/jailhouse/upstream

# up_show CELL: the console lines since that cell started, for the log.
up_show() {
	jailhouse console | tr -d '\r' |
		awk -v t="Started cell \"$1\"" 'index($0, t) { out = "" }
			{ out = out $0 "\n" } END { printf "%s", out }' |
		sed 's/^/UP: /'
}

# up_run CELL CONFIG IMAGE: create, load with the virtual console, start
# (CONFIG: a name in /etc/jailhouse or a path without .cell).
up_run() {
	local cfg=/etc/jailhouse/$2.cell

	# A full path prefix (ARM_CELLS) names the board's own config.
	case "$2" in /*) cfg=$2.cell ;; esac
	expect_ok jailhouse cell create "$cfg"
	expect_ok jailhouse cell load "$1" "$up/$3.bin" \
		-s "con-virtual=1" -a 0x1000
	expect_ok jailhouse cell start "$1"
}

# up_gone CELL: destroy it and check it went.
up_gone() {
	expect_ok jailhouse cell destroy "$1"
	check_eq "upstream $1: destroyed" "" "$(cell_state "$1")"
}

up_tiny() {
	up_run tiny-demo tiny-demo tiny-demo
	console_has "upstream tiny-demo says hello" \
		"Hello from this tiny cell!"
	console_has "upstream tiny-demo reads the PM timer" "PM Timer:" 30
	up_show tiny-demo
	check_eq "upstream tiny-demo: running" "running" \
		"$(cell_state tiny-demo)"
	up_gone tiny-demo

	up_run tiny-demo tiny-demo 32-bit-demo
	console_has "upstream 32-bit demo runs in 32-bit mode" \
		"This runs in 32-bit mode (EFER: "
	up_show tiny-demo
	check_eq "upstream 32-bit demo: not failed" "running" \
		"$(cell_state tiny-demo)"
	up_gone tiny-demo
}

up_apic() {
	up_run apic-demo apic-demo apic-demo
	console_has "upstream apic-demo calibrates" \
		"Calibrated TSC frequency:" 30
	console_has "upstream apic-demo timer fires" "Timer fired, jitter:" 30
	sleep 4
	up_show apic-demo | tail -n 12
	check_contains "upstream apic-demo: running, locked" \
		"$(cell_state apic-demo)" "locked"
	check_eq "upstream apic-demo: no fatal line" "0" \
		"$(jailhouse console | grep -c FATAL)"
	# As upstream designed it: the first request refused, the second
	# taken.
	jailhouse cell shutdown apic-demo >/dev/null 2>&1
	console_has "upstream apic-demo refuses the first shutdown" \
		"Rejecting first shutdown request"
	expect_ok jailhouse cell shutdown apic-demo
	# Its timer handler prints too: a tick can split the line.
	console_has "upstream apic-demo stops" "Stopped API"
	# It answers by reporting itself shut down, which counts as approval.
	check_eq "upstream apic-demo: its answer was taken" "0" \
		"$(jailhouse console | grep -c 'did not answer the shutdown')"
	up_gone apic-demo
}

# As under Jailhouse, cell start sends both CPUs (2 and 3) to the reset
# entry at once; the first to count itself there is the primary, and
# that is a race: either may win.
up_smp() {
	local primary other

	up_run smp-demo smp-demo smp-demo
	console_has "upstream smp-demo: primary CPU" \
		"SMP demo, primary CPU: [23]"
	primary=$(jailhouse console | tr -d '\r' | sed -n \
		's/^SMP demo, primary CPU: \([23]\)$/\1/p' | tail -n 1)
	other=$((5 - ${primary:-2}))
	console_has "upstream smp-demo finds the other CPU at reset" \
		"Found 1 other CPU(s)"
	console_has "upstream smp-demo starts it by INIT/SIPI" \
		"Hello from CPU $other!"
	console_has "upstream smp-demo: its IPI comes back" \
		"Received IPI on $primary"
	up_show smp-demo
	check_eq "upstream smp-demo: running" "running" \
		"$(cell_state smp-demo)"
	up_gone smp-demo
}

# The ACPI SCI, IOAPIC pin 9, taken from the root for the cell: the PM
# timer's overflow (every 2^24 ticks of 3.58 MHz, 4.7 s) raises it. Last
# of all: Linux does not take the pin up again.
up_ioapic() {
	up_run ioapic-demo ioapic-demo ioapic-demo
	console_has "upstream ioapic-demo starts" \
		"Note: ACPI IRQs are broken for Linux now." 30
	console_has "upstream ioapic-demo: the SCI arrives" \
		"ACPI IRQ received, status: 0001" 30
	t=20
	while [ "$t" -gt 0 ] &&
	      [ "$(jailhouse console | grep -c 'ACPI IRQ received')" -lt 2 ]; do
		sleep 1
		t=$((t - 1))
	done
	check_eq "upstream ioapic-demo: and again (level, acknowledged)" \
		"2" "$(jailhouse console | grep -c 'ACPI IRQ received' |
		       sed 's/^[2-9]$/2/')"
	up_show ioapic-demo
	check_eq "upstream ioapic-demo: running" "running" \
		"$(cell_state ioapic-demo)"
	up_gone ioapic-demo
}

# upstream_inmates_scenario: all of the above in one root cell.
upstream_inmates_scenario() {
	if [ ! -d "$up" ]; then
		skip "upstream inmates" "none packed (UPSTREAM_INMATES)"
		return 0
	fi
	ls "$up" | sed 's/^/UP: packed /'
	lsmod | grep -q '^jailhouse ' || insmod "$JAILHOUSE_KO"
	expect_ok jailhouse enable "$X86_ROOT_CELL" ||
		{ dump_dmesg; return 0; }
	up_tiny
	up_apic
	up_smp
	up_ioapic
	check_eq "no cell of upstream's was stopped by the hypervisor" "0" \
		"$(jailhouse console | grep -c FATAL)"
	expect_ok jailhouse disable
}

# upstream_arm_scenario ROOT_CFG CELLS: upstream's ARM gic-demo and
# uart-demo in our cells (CELLS: the prefix of the machine's cell configs)
# with the virtual console: the GIC and timer come up from what our comm
# region tells them, timer interrupts arrive, both cells run side by side,
# and destroy returns the pool to its value before.
upstream_arm_scenario() {
	local sysfs=/sys/devices/jailhouse mem0 n1 n2

	lsmod | grep -q '^jailhouse ' || insmod "$JAILHOUSE_KO"
	expect_ok jailhouse enable "$1" || { dump_dmesg; return 0; }
	mem0=$(cat $sysfs/mem_pool_used)

	up_run gic-demo "$2gic-demo" gic-demo
	console_has "upstream gic-demo sets up the GIC" "Initializing the GIC..."
	console_has "upstream gic-demo sets up its timer" \
		"Initializing the timer..."
	console_has "upstream gic-demo takes timer interrupts" \
		"Timer fired, jitter:" 30
	up_show gic-demo
	n1=$(jailhouse console | grep -c "Timer fired")
	sleep 2
	n2=$(jailhouse console | grep -c "Timer fired")
	if [ "$n2" -gt "$n1" ]; then pass "upstream gic-demo keeps ticking"
	else fail "upstream gic-demo keeps ticking" "$n1 -> $n2"; fi

	up_run uart-demo "$2uart-demo" uart-demo
	# It prints in a loop as fast as it can: the ring keeps the latest.
	console_has "upstream uart-demo prints" "Hello [0-9]* from cell!" 30
	up_show uart-demo | tail -n 5
	check_eq "upstream gic-demo still running beside it" "running" \
		"$(cell_state gic-demo)"

	up_gone uart-demo
	up_gone gic-demo
	check_eq "pool usage back after the upstream cells" "$mem0" \
		"$(cat $sysfs/mem_pool_used)"
	expect_ok jailhouse disable || dump_dmesg
}
