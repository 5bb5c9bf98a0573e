#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# ci/linux-cell-initrd.sh <srcarch> <output>
#
# The initramfs of the Linux cell that scenario 73-cell-linux boots: the
# static busybox of that architecture and an /init that says it is up,
# on the kernel log (earlycon on the shared UART, so only the host sees
# it) and in a page the cell shares with the root cell, where the
# scenario waits for it:
#   +0 "LINX" (0x4c494e58) once /init runs
#   +4 the number of CPUs the cell's Linux brought up
#   +8 a counter that /init raises every second
set -eu -o pipefail

if [ $# -ne 2 ]; then
	echo "usage: $0 arm64 OUTPUT" >&2
	exit 2
fi
top=$(cd "$(dirname "$0")/.." && pwd)
case "$1" in
arm64) debarch=arm64 ;;
*) echo "linux-cell-initrd.sh: no Linux cell on '$1'" >&2; exit 2 ;;
esac
# shellcheck source=/dev/null
. "$top/build/kernel/$debarch/paths.env"

work=$(mktemp -d "$top/build/linux-cell.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/bin" "$work/dev" "$work/proc"
install -m 0755 "$BUSYBOX" "$work/bin/busybox"
ln -s busybox "$work/bin/sh"
cat >"$work/init" <<'INIT'
#!/bin/sh
# /init of the linux-demo cell (ci/linux-cell-initrd.sh builds it).
marker=0x77fdf000
b=/bin/busybox
$b mount -t devtmpfs dev /dev
$b mount -t proc proc /proc
cpus=$($b grep -c '^processor' /proc/cpuinfo)
# Level 2: shown on the console even with "quiet".
echo "<2>linux-demo: init up with $cpus CPUs" >/dev/kmsg
$b devmem $((marker + 4)) 32 "$cpus"
$b devmem $marker 32 0x4c494e58
n=0
while :; do
	n=$((n + 1))
	$b devmem $((marker + 8)) 32 $n
	$b sleep 1
done
INIT
chmod 0755 "$work/init"
mkdir -p "$(dirname "$2")"
(cd "$work" && find . | LC_ALL=C sort | cpio -o -H newc --quiet -R 0:0) |
	gzip -9 >"$2.tmp"
mv "$2.tmp" "$2"
