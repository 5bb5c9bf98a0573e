# SPDX-License-Identifier: GPL-2.0
#
# Config file errors caught before the driver is asked.

new_root
C=$T/configs
mkdir -p "$C"
"$MKCONFIG" system "$C/sys.cell"
"$MKCONFIG" cell "$C/cell.cell"
"$MKCONFIG" system "$C/rev13.cell" revision=13
"$MKCONFIG" cell "$C/cell-rev13.cell" revision=13
"$MKCONFIG" system "$C/arm64.cell" arch=2
"$MKCONFIG" cell "$C/cell-arm.cell" arch=1
"$MKCONFIG" system "$C/short.cell" cut=100
"$MKCONFIG" cell "$C/cell-short.cell" cut=60
"$MKCONFIG" system "$C/cut.cell" cut=500
"$MKCONFIG" cell "$C/cell-cut.cell" cut=150
: >"$C/empty.cell"
printf 'not a config at all' >"$C/junk.cell"

expect "enable missing file" 1 "config file '$C/none.cell' not found" \
	"$JH" enable "$C/none.cell"
expect "enable directory" 1 "'$C' is a directory, not a config file" \
	"$JH" enable "$C"
expect "enable empty file" 1 "config file '$C/empty.cell' is empty" \
	"$JH" enable "$C/empty.cell"
expect "enable junk" 1 "'$C/junk.cell' is not a system config (signature JHSYS missing)" \
	"$JH" enable "$C/junk.cell"
expect "enable cell config" 1 "'$C/cell.cell' is a cell config, not a system config" \
	"$JH" enable "$C/cell.cell"
expect "enable too short" 1 "'$C/short.cell' is too short for a system config: 100 bytes, the header alone needs 488" \
	"$JH" enable "$C/short.cell"
expect "enable old revision" 1 "has config revision 13 but this Jailhouse needs revision 14" \
	"$JH" enable "$C/rev13.cell"
expect "enable foreign architecture" 1 "'$C/arm64.cell' is a config for ARM64, not for x86" \
	"$JH" enable "$C/arm64.cell"
expect "enable truncated" 1 "'$C/cut.cell' is truncated: its header declares 528 bytes but the file has 500" \
	"$JH" enable "$C/cut.cell"

expect "create missing file" 1 "config file '$C/none.cell' not found" \
	"$JH" cell create "$C/none.cell"
expect "create system config" 1 "'$C/sys.cell' is a system config, not a cell config" \
	"$JH" cell create "$C/sys.cell"
expect "create junk" 1 "is not a cell config (signature JHCLL missing)" \
	"$JH" cell create "$C/junk.cell"
expect "create too short" 1 "too short for a cell config: 60 bytes, the header alone needs 132" \
	"$JH" cell create "$C/cell-short.cell"
expect "create old revision" 1 "has config revision 13" \
	"$JH" cell create "$C/cell-rev13.cell"
expect "create foreign architecture" 1 "is a config for ARM (32-bit), not for x86" \
	"$JH" cell create "$C/cell-arm.cell"
expect "create truncated" 1 "its header declares 204 bytes but the file has 150" \
	"$JH" cell create "$C/cell-cut.cell"

expect "load missing image" 1 "image file '$T/none.bin' not found" \
	"$JH" cell load linux "$T/none.bin"
: >"$T/empty.bin"
expect "load empty image" 1 "image file '$T/empty.bin' is empty" \
	"$JH" cell load linux "$T/empty.bin"

# root reads everything, so unreadable files can only be tried as a user.
if [ "$(id -u)" -ne 0 ]; then
	cp "$C/sys.cell" "$T/secret.cell"
	chmod 000 "$T/secret.cell"
	expect "enable unreadable" 1 "config file '$T/secret.cell' is not readable (permission denied)" \
		"$JH" enable "$T/secret.cell"
else
	echo "SKIP: unreadable config file (running as root)"
fi

# A valid config gets as far as the driver.
expect "valid configs pass the checks" 1 "driver is not loaded" \
	"$JH" enable "$C/sys.cell"
