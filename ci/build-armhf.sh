#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Cross-build what armv7 (armhf) users need from us, the module and the
# command line tool, against Debian's armmp-lpae headers (make
# check-armhf-build). There is no armv7 system test yet; this keeps the
# 32-bit build from rotting until there is.
set -eu -o pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
"$top/ci/deps.sh"
"$top/ci/kernel.sh" armhf >/dev/null
"$top/ci/build-tree.sh" arm tools modules
echo "armhf build: OK"
