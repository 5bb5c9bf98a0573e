#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# ci/build-programs.sh STAGE: the user-space programs the x86 scenarios
# run (tests/programs/*.c), static since the test image has no C library,
# into STAGE/usr/libexec/jailhouse/tests/.
set -eu -o pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
out=$1/usr/libexec/jailhouse/tests
mkdir -p "$out"
for src in "$top"/tests/programs/*.c; do
	gcc -static -O2 -Wall -Wextra -Werror -o "$out/$(basename "$src" .c)" \
		"$src"
done
