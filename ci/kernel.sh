#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# ci/kernel.sh amd64|arm64|armhf
#
# Fetch Debian's kernel image (and, for the ARM architectures, the headers
# needed to cross-build modules) plus a static busybox of that architecture
# into build/kernel/<debarch>/. The packages are unpacked, never installed:
# installing foreign headers would remove the native compiler.
#
# Writes build/kernel/<debarch>/paths.env (VMLINUZ, KDIR, BUSYBOX, KREL,
# shell syntax, sourceable) and prints it. A second call reuses it.
set -eu -o pipefail

debarch=${1:-}
case "$debarch" in
amd64) flavour=amd64 ;;
arm64) flavour=arm64 ;;
# The LPAE flavour is the one that boots on QEMU's virt machine in HYP mode.
armhf) flavour=armmp-lpae ;;
*) echo "usage: $0 amd64|arm64|armhf" >&2; exit 2 ;;
esac

top=$(cd "$(dirname "$0")/.." && pwd)
dir=$top/build/kernel/$debarch
paths=$dir/paths.env

# Reuse only when everything the file names is still there; for amd64 the
# module headers are the installed package, which ci/deps.sh may have moved
# to a newer ABI since.
if [ -f "$paths" ]; then
	# shellcheck source=/dev/null
	. "$paths"
	# shellcheck disable=SC2153 # KDIR comes from paths.env
	if [ -f "$VMLINUZ" ] && [ -d "$KDIR" ] && [ -x "$BUSYBOX" ]; then
		cat "$paths"
		exit 0
	fi
fi

# Debian's kernel ABI number (6.1.0-NN) moves with updates and may differ
# between architectures when a foreign index lags: ask each one.
krel=$(apt-cache depends "linux-headers-$flavour:$debarch" 2>/dev/null |
	awk '!n && $1 == "Depends:" && $2 ~ "^linux-headers-6" {
		sub("^linux-headers-", "", $2); sub(":.*", "", $2); print $2; n = 1 }')
if [ -z "$krel" ]; then
	echo "kernel.sh: no linux-headers-$flavour:$debarch in the apt index" \
	     "(run ci/deps.sh)" >&2
	exit 1
fi
abi=${krel%-"$flavour"}

pkgs=("linux-image-$krel:$debarch" "busybox-static:$debarch")
if [ "$debarch" != amd64 ]; then
	# The headers' scripts/ point into linux-kbuild; it must be the same
	# upstream release as the headers, and the host (amd64) build of it so
	# that fixdep and modpost run here.
	ver=$(apt-cache show --no-all-versions "linux-headers-$abi-common" |
		awk '!n && $1 == "Version:" { print $2; n = 1 }')
	pkgs+=("linux-headers-$krel:$debarch" "linux-headers-$abi-common"
	       "linux-kbuild-6.1:amd64=$ver")
fi

rm -rf "$dir"
mkdir -p "$dir/debs" "$dir/root.tmp"
(cd "$dir/debs" && apt-get -o DPkg::Lock::Timeout=300 download "${pkgs[@]}")
for deb in "$dir"/debs/*.deb; do
	dpkg-deb -x "$deb" "$dir/root.tmp"
done
mv "$dir/root.tmp" "$dir/root"
root=$dir/root

if [ "$debarch" = amd64 ]; then
	kdir=/usr/src/linux-headers-$krel
else
	kdir=$root/usr/src/linux-headers-$krel
	# The flavour Makefile includes the common one by absolute path, which
	# only exists when the package is installed.
	sed -i "s|^include /usr/src/linux-headers-$abi-common/|include $root/usr/src/linux-headers-$abi-common/|" \
		"$kdir/Makefile"
	grep -q "^include $root/" "$kdir/Makefile" || {
		echo "kernel.sh: could not redirect the include in $kdir/Makefile" >&2
		exit 1
	}
fi

cat >"$paths.tmp" <<EOF
KREL=$krel
VMLINUZ=$root/boot/vmlinuz-$krel
KDIR=$kdir
BUSYBOX=$root/bin/busybox
EOF
# shellcheck source=/dev/null
. "$paths.tmp"
for f in "$VMLINUZ" "$BUSYBOX" "$KDIR/Makefile"; do
	[ -e "$f" ] || { echo "kernel.sh: missing $f" >&2; exit 1; }
done
mv "$paths.tmp" "$paths"
cat "$paths"
