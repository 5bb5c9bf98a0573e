# SPDX-License-Identifier: GPL-2.0
#
# Without the driver (no /dev/jailhouse, no sysfs directory): every
# command that needs it says so, after the config checks.

new_root
"$MKCONFIG" system "$T/sys.cell"
"$MKCONFIG" cell "$T/cell.cell"
echo hello >"$T/image"

NODRV="the jailhouse driver is not loaded (modprobe jailhouse)."
expect "enable without driver" 1 "jailhouse enable: $NODRV" "$JH" enable "$T/sys.cell"
expect "disable without driver" 1 "jailhouse disable: $NODRV" "$JH" disable
expect "cell create without driver" 1 "$NODRV" "$JH" cell create "$T/cell.cell"
expect "cell load without driver" 1 "$NODRV" "$JH" cell load linux "$T/image"
expect "cell start without driver" 1 "$NODRV" "$JH" cell start linux
expect "cell shutdown without driver" 1 "$NODRV" "$JH" cell shutdown 1
expect "cell destroy without driver" 1 "$NODRV" "$JH" cell destroy 1
expect "cell list without driver" 1 "jailhouse cell list: $NODRV" "$JH" cell list
expect "cell stats without driver" 1 "$NODRV" "$JH" cell stats 1 --once
expect "console without driver" 1 "jailhouse console: $NODRV" "$JH" console

# The same on the real host, which has no driver either.
if [ ! -e /dev/jailhouse ] && [ ! -e /sys/devices/jailhouse ]; then
	unset JAILHOUSE_TEST_ROOT
	expect "enable on the host" 1 "$NODRV" "$JH" enable "$T/sys.cell"
	expect "cell list on the host" 1 "$NODRV" "$JH" cell list
	new_root
fi

# Loaded driver, but no device node (no devtmpfs in an initramfs).
mkdir -p "$R/sys/devices/jailhouse"
echo 0 >"$R/sys/devices/jailhouse/enabled"
expect "device node missing" 1 "/dev/jailhouse is missing although the driver is loaded" \
	"$JH" disable
