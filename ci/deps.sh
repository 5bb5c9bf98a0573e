#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Install every Debian 12 package the build and the tests need.
# Idempotent: when everything is already there it only queries dpkg/apt
# and returns in about a second. Must run as root on the CI machine.
set -eu -o pipefail

export DEBIAN_FRONTEND=noninteractive
APT_OPTS=(-o DPkg::Lock::Timeout=300 -y --no-install-recommends)

PKGS=(make gcc clang libc6-dev python3 git bc flex bison libelf-dev
      qemu-user busybox-static cpio gzip
      gcc-aarch64-linux-gnu gcc-arm-linux-gnueabihf
      libc6-dev-arm64-cross libc6-dev-armhf-cross device-tree-compiler
      bochs bochsbios vgabios bochs-term grub-pc-bin grub-common xorriso
      mtools)

# The kernel ABI number moves with security updates, so it is looked up in
# the index instead of being written down anywhere.
resolve_kver() {
	apt-cache depends linux-headers-amd64 2>/dev/null |
		awk '!n && /Depends: linux-headers-6/ { sub("linux-headers-", "", $2); print $2; n = 1 }'
}

missing_pkgs() {
	local p
	for p in "$@"; do
		dpkg-query -W -f '${Status}\n' "$p" 2>/dev/null |
			grep -q '^install ok installed$' || echo "$p"
	done
}

# The ARM kernels and busybox are fetched with `apt-get download`, which
# needs the foreign indexes; a fresh machine has none. Looking at the list
# files directly is much faster than asking apt-cache.
foreign_ready() {
	local fa a
	fa=$(dpkg --print-foreign-architectures)
	for a in arm64 armhf; do
		grep -qx "$a" <<<"$fa" || return 1
		compgen -G "/var/lib/apt/lists/*_main_binary-${a}_Packages*" >/dev/null ||
			return 1
	done
}

# QEMU comes from the bookworm-backports suite (QEMU 10): QEMU 7.2's TCG has
# no x2APIC, no VT-d interrupt remapping in x2APIC mode next to an AMD CPU
# model and no Banana Pi board. Every suite runs on it.
BACKPORTS=bookworm-backports
QEMU_PKGS=(qemu-system-x86 qemu-system-arm)
QEMU_MIN=10

qemu_ready() {
	local v
	v=$(dpkg-query -W -f '${Version}' qemu-system-x86 2>/dev/null) || return 1
	dpkg --compare-versions "$v" ge "1:$QEMU_MIN" || return 1
	v=$(dpkg-query -W -f '${Version}' qemu-system-arm 2>/dev/null) || return 1
	dpkg --compare-versions "$v" ge "1:$QEMU_MIN"
}

# The backports suite is added to the machine's own Debian entry (the one
# that already lists bookworm), so no mirror address is written here.
add_backports() {
	local f
	grep -rqs "$BACKPORTS" /etc/apt/sources.list /etc/apt/sources.list.d/ && return 0
	for f in /etc/apt/sources.list.d/*.sources; do
		[ -f "$f" ] || continue
		grep -qE '^Suites:.*\bbookworm\b' "$f" || continue
		grep -qE '^URIs:.*/debian/?$' "$f" || continue
		sed -i -E "/^URIs:.*\/debian\/?\$/,/^\$/ s/^(Suites:.*\bbookworm\b)(.*)\$/\1\2 $BACKPORTS/" "$f"
		grep -q "$BACKPORTS" "$f" && return 0
	done
	f=/etc/apt/sources.list
	if [ -f "$f" ] && grep -qE '^deb .*/debian/? bookworm( |$)' "$f"; then
		grep -E '^deb .*/debian/? bookworm( |$)' "$f" | head -n 1 |
			sed -E "s/ bookworm( |\$)/ $BACKPORTS\1/" >>"$f"
		return 0
	fi
	echo "deps.sh: no Debian bookworm entry in the apt sources to add $BACKPORTS to" >&2
	return 1
}

kver=$(resolve_kver || true)
if [ -n "$kver" ] && foreign_ready && qemu_ready &&
   [ -z "$(missing_pkgs "${PKGS[@]}" "linux-headers-$kver")" ]; then
	exit 0
fi

# Only here: a developer without root can still run the tests when
# everything is installed.
if [ "$(id -u)" != 0 ]; then
	echo "deps.sh: packages are missing and only root can install them" >&2
	exit 1
fi

dpkg --add-architecture arm64
dpkg --add-architecture armhf
add_backports
# A foreign index can be mid-sync on the mirror (size mismatch): apt then
# exits 100 although the indexes we need are usable.
rc=0
apt-get -o DPkg::Lock::Timeout=300 update || rc=$?
if [ "$rc" != 0 ] && [ "$rc" != 100 ]; then
	echo "deps.sh: apt-get update failed ($rc)" >&2
	exit "$rc"
fi

kver=$(resolve_kver)
if [ -z "$kver" ]; then
	echo "deps.sh: cannot resolve the amd64 kernel ABI from linux-headers-amd64" >&2
	exit 1
fi

# Only the native headers: installing foreign linux-headers would remove
# the native compiler. ci/kernel.sh extracts the foreign ones instead.
todo=$(missing_pkgs "${PKGS[@]}" "linux-headers-$kver")
if [ -n "$todo" ]; then
	# shellcheck disable=SC2086 # one package per word
	apt-get "${APT_OPTS[@]}" install $todo
fi

if ! qemu_ready; then
	apt-get "${APT_OPTS[@]}" install -t "$BACKPORTS" "${QEMU_PKGS[@]}"
fi
if ! qemu_ready; then
	echo "deps.sh: QEMU $QEMU_MIN or newer from $BACKPORTS did not install" >&2
	exit 1
fi
