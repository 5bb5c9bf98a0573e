#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# ci/build-tree.sh x86|arm64|arm [TARGET...]
#
# Build and install the work tree for one architecture in a copy of its own,
# build/<srcarch>/src, so that objects of different architectures never mix
# and the developer's tree stays untouched. The install lands in
# build/<srcarch>/stage (printed on the last line). With TARGETs, only those
# top-level targets are made and nothing is installed.
#
# BUILD_TREE_NAME (default: the srcarch) names the folder under build/: a
# suite that runs beside another of the same architecture (make check runs
# check-x86-intel beside check-x86) builds in one of its own, so neither
# reinstalls a stage the other is packing.
#
# Parts that do not exist yet are left out: a subdirectory of the top
# Makefile's SUBDIRS without a Makefile, and the driver when driver/ has no
# Kbuild or Makefile. Anything that exists and fails to build fails the run.
set -eu -o pipefail

srcarch=${1:-}
shift || true
targets=("$@")
want_install=$((${#targets[@]} == 0))
case "$srcarch" in
x86) arch=x86_64 debarch=amd64 ;;
arm64) arch=arm64 debarch=arm64 ;;
arm) arch=arm debarch=armhf ;;
*) echo "usage: $0 x86|arm64|arm" >&2; exit 2 ;;
esac

top=$(cd "$(dirname "$0")/.." && pwd)
name=${BUILD_TREE_NAME:-$srcarch}
base=$top/build/$name
src=$base/src
stage=$base/stage
mkdir -p "$src"

# Tracked files and new files git does not ignore: what a commit of the work
# tree would hold. Without git (a tarball), everything but build/.
list=$base/files.list
if git -C "$top" rev-parse --git-dir >/dev/null 2>&1; then
	git -C "$top" ls-files --cached --others --exclude-standard
else
	(cd "$top" && find . -path ./build -prune -o -type f -print | sed 's|^\./||')
fi | while IFS= read -r f; do
	# A tracked file deleted in the work tree is still in the index.
	if [ -e "$top/$f" ] || [ -L "$top/$f" ]; then
		case "$f" in build/*) ;; *) echo "$f" ;; esac
	fi
done | LC_ALL=C sort -u >"$list.new"

# Sources that disappeared from the work tree must leave the copy too, or a
# wildcard in some Makefile would still build them. Objects stay, so the
# next build is incremental.
if [ -f "$list" ]; then
	LC_ALL=C comm -23 "$list" "$list.new" | while IFS= read -r f; do
		rm -f "$src/$f"
	done
fi
# tar keeps the modification times, so make only rebuilds what changed.
tar -C "$top" -cf - --no-recursion -T "$list.new" | tar -C "$src" -xf -
mv "$list.new" "$list"

# The subdirectory list lives in the top Makefile; ask it rather than
# repeating it here. One without a Makefile yet gets an empty one in the
# copy only; the real one replaces it as soon as it exists.
# shellcheck disable=SC2016 # $(SUBDIRS) is for make, not the shell
subdirs=$(printf 'print-subdirs:\n\t@echo $(SUBDIRS)\n' |
	make -s --no-print-directory -C "$src" -f Makefile -f - \
		ARCH="$arch" print-subdirs)
for d in $subdirs; do
	if ! grep -qx "$d/Makefile" "$list"; then
		echo "build-tree.sh: $d/ has no Makefile yet, skipped" >&2
		mkdir -p "$src/$d"
		printf '# empty: %s/ has no Makefile yet (ci/build-tree.sh)\nall install clean:\n' \
			"$d" >"$src/$d/Makefile"
	fi
done

makeargs=(ARCH="$arch")
if [ -f "$src/driver/Kbuild" ] || [ -f "$src/driver/Makefile" ]; then
	"$top/ci/kernel.sh" "$debarch" >/dev/null
	# shellcheck source=/dev/null
	. "$top/build/kernel/$debarch/paths.env"
	makeargs+=(KDIR="$KDIR")
else
	echo "build-tree.sh: driver/ has no Kbuild yet, module skipped" >&2
	# The top Makefile's modules target needs KDIR.
	for i in "${!targets[@]}"; do
		[ "${targets[$i]}" != modules ] || unset "targets[$i]"
	done
fi

if [ "$want_install" = 1 ]; then
	rm -rf "$stage"
	mkdir -p "$stage"
	targets=(install DESTDIR="$stage")
elif [ ${#targets[@]} -eq 0 ]; then
	echo "build-tree.sh: nothing left to build for $srcarch" >&2
	exit 0
fi

# The full output goes to a log; a failure shows its end and stops the run.
mkdir -p "$top/build/logs"
blog=$top/build/logs/build-$name.log
echo "build-tree.sh: make ${makeargs[*]} ${targets[*]} (log: $blog)" >&2
# Test modules (tests/modules) belong in the test image only, not in what
# `make install` gives users; they need the kernel headers like the driver.
testmods=()
if [ "$want_install" = 1 ] && [ -f "$src/tests/modules/Makefile" ] &&
	[ -n "${KDIR:-}" ]; then
	testmods=(-C "$src/tests/modules" "${makeargs[@]}" "${targets[@]}")
fi
# So is the root config `jailhouse config create` writes from the x86 test
# machine's files (tests/config-create).
gencfg=()
if [ "$want_install" = 1 ] && [ -f "$src/tests/config-create/Makefile" ]; then
	gencfg=(-C "$src/tests/config-create" "${makeargs[@]}" "${targets[@]}")
fi
if ! { make -C "$src" -j"$(nproc)" "${makeargs[@]}" "${targets[@]}" &&
	{ [ ${#testmods[@]} -eq 0 ] || make "${testmods[@]}"; } &&
	{ [ ${#gencfg[@]} -eq 0 ] || make "${gencfg[@]}"; }; } >"$blog" 2>&1; then
	tail -n 100 "$blog" >&2
	echo "build-tree.sh: BUILD FAILED for $srcarch, see $blog" >&2
	exit 1
fi
nwarn=$(grep -c 'warning:' "$blog" || true)
[ "$nwarn" = 0 ] || echo "build-tree.sh: $nwarn compiler warning(s), see $blog" >&2
[ "$want_install" = 0 ] || echo "$stage"
