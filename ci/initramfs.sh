#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# ci/initramfs.sh [-o OUTPUT] <srcarch> <staging-dir> <scenario.sh>...
#
# Pack a test initramfs (default build/initrd-<srcarch>.gz): the static
# busybox of that architecture, ci/guest-init.sh as /init, everything
# `make install DESTDIR=<staging-dir>` produced, tests/scenarios/lib.sh (and
# the helper files beside it, *-lib.sh) and
# the scenarios, which /init runs in the order given here. With
# UPSTREAM_INMATES naming a folder of inmates built from upstream Jailhouse's
# tree (never part of this repository), its *.bin land in
# /usr/libexec/jailhouse/upstream for the scenarios that run them. A
# scenario with the line "# stockade-linux-cell: yes" (arm64) also gets
# the kernel Image and the cell's initramfs (ci/linux-cell-initrd.sh) in
# /boot/linux-cell, for booting Linux in a cell.
set -eu -o pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
out=
if [ "${1:-}" = -o ]; then
	out=$2
	shift 2
fi
if [ $# -lt 2 ]; then
	echo "usage: $0 [-o OUTPUT] x86|arm64|arm STAGING SCENARIO..." >&2
	exit 2
fi
srcarch=$1
staging=$2
shift 2
case "$srcarch" in
x86) debarch=amd64 ;;
arm64) debarch=arm64 ;;
arm) debarch=armhf ;;
*) echo "initramfs.sh: unknown architecture '$srcarch'" >&2; exit 2 ;;
esac
out=${out:-$top/build/initrd-$srcarch.gz}
[ -d "$staging" ] || { echo "initramfs.sh: no staging dir $staging" >&2; exit 1; }

"$top/ci/kernel.sh" "$debarch" >/dev/null
# shellcheck source=/dev/null
. "$top/build/kernel/$debarch/paths.env"

work=$(mktemp -d "$top/build/initramfs.XXXXXX")
trap 'rm -rf "$work"' EXIT
root=$work/root
mkdir -p "$root/bin" "$root/scenarios"

cp -a "$staging/." "$root/"
# The kernel's own uio.ko, which uio_ivshmem needs, and uio_pci_generic,
# Linux's driver for a device a cell gave back (modules in Debian).
kroot=$(dirname "$(dirname "$VMLINUZ")")
for mod in uio uio_pci_generic; do
	ko=$(find "$kroot/lib/modules/$KREL" -name "$mod.ko*" 2>/dev/null |
		head -n 1)
	[ -n "$ko" ] || continue
	install -D -m 0644 "$ko" \
		"$root/lib/modules/$KREL/kernel/drivers/uio/$(basename "$ko")"
done
if [ -n "${UPSTREAM_INMATES:-}" ]; then
	mkdir -p "$root/usr/libexec/jailhouse/upstream"
	cp "$UPSTREAM_INMATES"/*.bin "$root/usr/libexec/jailhouse/upstream/"
fi
if [ "$srcarch" = arm64 ] && [ $# -gt 0 ] &&
   grep -q '^# stockade-linux-cell: yes' "$@"; then
	# Debian's arm64 vmlinuz is the plain Image (EFI stub, no gzip).
	install -D -m 0644 "$VMLINUZ" "$root/boot/linux-cell/Image"
	"$top/ci/linux-cell-initrd.sh" arm64 "$root/boot/linux-cell/initrd.gz"
fi
install -m 0755 "$BUSYBOX" "$root/bin/busybox"
install -m 0755 "$top/ci/guest-init.sh" "$root/init"
for lib in "$top"/tests/scenarios/lib.sh "$top"/tests/scenarios/*-lib.sh; do
	install -m 0644 "$lib" "$root/scenarios/$(basename "$lib")"
done

# Scenarios keep their base name; two with the same name (common/ and an
# architecture folder) would silently shadow each other.
: >"$root/scenarios/list"
for s in "$@"; do
	name=$(basename "$s")
	if [ -e "$root/scenarios/$name" ]; then
		echo "initramfs.sh: two scenarios named $name" >&2
		exit 1
	fi
	install -m 0755 "$s" "$root/scenarios/$name"
	echo "$name" >>"$root/scenarios/list"
done

mkdir -p "$(dirname "$out")"
(cd "$root" && find . | LC_ALL=C sort | cpio -o -H newc --quiet -R 0:0) |
	gzip -1 >"$out.tmp"
mv "$out.tmp" "$out"
echo "$out"
