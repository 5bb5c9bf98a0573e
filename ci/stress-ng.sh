#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# ci/stress-ng.sh armhf|arm64|amd64
#
# Debian's stress-ng for one architecture, with exactly the shared
# libraries and loader it needs, in a folder laid out like a root file
# system: build/stress-ng/<debarch>/stage (printed on the last line), for
# make bench-freertos to copy into a test image's staging folder. The
# packages are unpacked, never installed. Libraries come from stress-ng's
# Depends, a level at a time, until every DT_NEEDED of the binary and of
# the libraries it pulls in resolves; only those files are staged.
set -eu -o pipefail

debarch=${1:-}
case "$debarch" in
armhf) loader=ld-linux-armhf.so.3 ;;
arm64) loader=ld-linux-aarch64.so.1 ;;
amd64) loader=ld-linux-x86-64.so.2 ;;
*) echo "usage: $0 armhf|arm64|amd64" >&2; exit 2 ;;
esac
top=$(cd "$(dirname "$0")/.." && pwd)
dir=$top/build/stress-ng/$debarch
stage=$dir/stage
if [ -x "$stage/usr/bin/stress-ng" ]; then
	echo "$stage"
	exit 0
fi
# Downloaded packages stay for the next run.
rm -rf "$dir/root" "$stage"
mkdir -p "$dir/debs" "$dir/root" "$stage"

# fetch PACKAGE...: download and unpack those not fetched yet.
fetch() {
	local p
	for p in "$@"; do
		[ -e "$dir/debs/.$p" ] && continue
		# Architecture: all packages have no :<debarch> candidate.
		(cd "$dir/debs" &&
		 { apt-get -q -o DPkg::Lock::Timeout=300 download \
			"$p:$debarch" 2>/dev/null ||
		   apt-get -q -o DPkg::Lock::Timeout=300 download "$p"; }) >&2
		: >"$dir/debs/.$p"
	done
	for deb in "$dir"/debs/*.deb; do
		dpkg-deb -x "$deb" "$dir/root"
	done
}

# depends PACKAGE...: their Depends (no alternatives), one per line.
depends() {
	local p
	for p in "$@"; do
		apt-cache show --no-all-versions "$p:$debarch" |
			sed -n 's/^Depends: //p' | tr ',' '\n' |
			sed 's/|.*//; s/([^)]*)//; s/:any//; s/ //g'
	done | grep -v '^$' | sort -u
}

# find_lib SONAME: its path in the unpacked packages, if any (from the
# list that resolve makes).
find_lib() {
	grep -m 1 "/$1\$" "$dir/libs.list" || true
}

# resolve: stage the binary and all it needs; false while a library is
# missing (its soname goes to $dir/missing).
resolve() {
	local todo=("$dir/root/usr/bin/stress-ng") seen=" " f n lib
	: >"$dir/missing"
	find "$dir/root/lib" "$dir/root/usr/lib" \( -type f -o -type l \) \
		>"$dir/libs.list" 2>/dev/null || true
	while [ ${#todo[@]} -gt 0 ]; do
		f=${todo[0]}
		todo=("${todo[@]:1}")
		for n in $(readelf -d "$f" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p'); do
			case "$seen" in *" $n "*) continue ;; esac
			seen="$seen$n "
			lib=$(find_lib "$n")
			if [ -z "$lib" ]; then
				echo "$n" >>"$dir/missing"
				continue
			fi
			todo+=("$(readlink -f "$lib")")
			mkdir -p "$stage/lib"
			cp -L "$lib" "$stage/lib/$n"
		done
	done
	[ ! -s "$dir/missing" ]
}

level=(stress-ng)
fetch stress-ng
for _ in 1 2 3 4; do
	resolve && break
	mapfile -t level < <(depends "${level[@]}")
	fetch "${level[@]}"
done
if ! resolve; then
	echo "stress-ng.sh: unresolved libraries: $(tr '\n' ' ' <"$dir/missing")" >&2
	exit 1
fi
install -D -m 0755 "$dir/root/usr/bin/stress-ng" "$stage/usr/bin/stress-ng"
cp -L "$(find_lib "$loader")" "$stage/lib/$loader"
echo "$stage"
