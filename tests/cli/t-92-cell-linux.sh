# SPDX-License-Identifier: GPL-2.0
#
# jailhouse cell linux: its arguments (every build), and on the arm64
# fake build under qemu-user the layout, the edited device tree, the
# requests it makes and its refusals.

C=$T/linux
mkdir -p "$C"

new_root
with_driver 1
expect "cell linux: no arguments" 2 "missing CELLCONFIG" "$JH" cell linux
expect "cell linux: no kernel" 2 "missing KERNEL" "$JH" cell linux a.cell
expect "cell linux: no dtb" 2 "missing -d DTB" "$JH" cell linux a.cell Image
expect "cell linux: -i without value" 2 "'-i' needs a value" \
	"$JH" cell linux a.cell Image -d x.dtb -i
expect "cell linux: unknown option" 2 "unknown option '-k'" \
	"$JH" cell linux a.cell Image -k 3
expect "cell linux: three files" 2 "too many arguments" \
	"$JH" cell linux a.cell Image extra -d x.dtb
expect "cell linux: x86 refused" 1 "supported on ARM64 only" \
	"$JH" cell linux a.cell Image -d x.dtb
run "$JH" cell linux --help
check "cell linux --help names the options" "$OUT" \
	contains "$OUT" "-c, --cmdline CMDLINE"

FAKE64=$B/arm64/jailhouse-fake
# shellcheck disable=SC2154 # QEMU_arm64 comes from run.sh
if [ ! -x "$FAKE64" ]; then
	echo "SKIP: cell linux on arm64: no arm64 fake build (cross compiler or qemu-user missing)"
elif ! command -v dtc >/dev/null; then
	echo "SKIP: cell linux on arm64: no dtc to make a device tree"
else
	f64() { "$QEMU_arm64" "$FAKE64" "$@"; }
	new_root
	with_driver 1
	mkdir -p "$R/usr/libexec/jailhouse"
	printf 'LOADER' >"$R/usr/libexec/jailhouse/linux-loader.bin"
	# 4 KiB Image header: text offset 0, 3 MiB image size, ARM\x64.
	{
		printf '\000%.0s' $(seq 8)
		printf '\000\000\000\000\000\000\000\000'
		printf '\000\000\060\000\000\000\000\000'
		printf '\000%.0s' $(seq 32)
		printf 'ARM\144'
		printf '\000%.0s' $(seq 4)
	} >"$C/Image"
	head -c 4096 /dev/zero >>"$C/Image"
	printf '\037\213\010\000' >"$C/Image.gz"
	printf 'RAMDISK' >"$C/initrd"
	printf '/dts-v1/;\n/ { #address-cells = <2>; #size-cells = <2>;\n  chosen { bootargs = "old"; stdout-path = "x"; };\n  memory@0 { device_type = "memory"; reg = <0 0 0 1>; };\n  cpus { };\n};\n' >"$C/in.dts"
	dtc -q -I dts -O dtb -o "$C/in.dtb" "$C/in.dts"
	printf 'not a dtb' >"$C/bad.dtb"
	# Loader region at 0, 64 MiB for Linux at 0x48000000.
	"$MKCONFIG" cell "$C/l.cell" arch=2 name=lx \
		ram=0,0x20000 ram=0x48000000,0x4000000
	"$MKCONFIG" cell "$C/small.cell" arch=2 name=lx \
		ram=0,0x20000 ram=0x48000000,0x300000
	"$MKCONFIG" cell "$C/noram.cell" arch=2 name=lx

	fake_log
	expect "arm64 cell linux boots" 0 "" f64 cell linux "$C/l.cell" \
		"$C/Image" -d "$C/in.dtb" -i "$C/initrd" -c "console=x quiet"
	LOG=$(sed 's/ data=.*//' "$JH_FAKE_LOG")
	check "arm64 cell linux: create, 5 images, start" "log: $LOG" \
		matches "$LOG" "^CREATE"
	check "arm64 cell linux: loader at 0, params at 0x1000" "log: $LOG" \
		contains "$LOG" $'IMAGE size=6 target=0x0\nIMAGE size=41 target=0x1000'
	check "arm64 cell linux: kernel 2 MiB aligned" "log: $LOG" \
		contains "$LOG" "IMAGE size=4160 target=0x48000000"
	check "arm64 cell linux: initrd after the device tree" "log: $LOG" \
		matches "$LOG" "IMAGE size=7 target=0x4830[0-9a-f]000"
	check "arm64 cell linux: started" "log: $LOG" \
		matches "$LOG" "^START id=-1 name=lx"
	check "arm64 cell linux: loader parameters" "$(cat "$JH_FAKE_LOG")" \
		contains "$(cat "$JH_FAKE_LOG")" "data=kernel=0x48000000 dtb=0x48300000"

	run f64 cell linux "$C/l.cell" "$C/Image" -d "$C/in.dtb" \
		-i "$C/initrd" -c "console=x quiet" -w "$C/out.dtb"
	check "arm64 cell linux -w prints the commands" "$OUT" \
		contains "$OUT" "-s \"kernel=0x48000000 dtb=0x48300000 mmu=off\" -a 0x1000"
	DTS=$(dtc -q -I dtb -O dts "$C/out.dtb" 2>&1)
	check "edited dtb: bootargs replaced" "$DTS" \
		contains "$DTS" 'bootargs = "console=x quiet";'
	check "edited dtb: other /chosen properties kept" "$DTS" \
		contains "$DTS" 'stdout-path = "x";'
	check "edited dtb: memory is the cell's RAM but the loader's" "$DTS" \
		contains "$DTS" 'reg = <0x00 0x48000000 0x00 0x4000000>;'
	check "edited dtb: initrd range" "$DTS" \
		matches "$DTS" 'linux,initrd-end = <0x00 0x4830[0-9a-f]007>;'
	check "edited dtb: no second bootargs" "$DTS" \
		[ "$(grep -c bootargs <<<"$DTS")" -eq 1 ]

	fake_log
	expect "arm64 cell linux: too little RAM" 1 \
		"cell RAM too small: kernel, device tree and initrd need 4 MiB" \
		f64 cell linux "$C/small.cell" "$C/Image" -d "$C/in.dtb" \
		-i "$C/initrd"
	check "arm64 cell linux: nothing created when RAM is short" \
		"$(cat "$JH_FAKE_LOG")" [ ! -s "$JH_FAKE_LOG" ]
	expect "arm64 cell linux: no loadable RAM" 1 "has no loadable RAM region" \
		f64 cell linux "$C/noram.cell" "$C/Image" -d "$C/in.dtb"
	expect "arm64 cell linux: gzip'd kernel" 1 "is gzip-compressed" \
		f64 cell linux "$C/l.cell" "$C/Image.gz" -d "$C/in.dtb"
	expect "arm64 cell linux: not an Image" 1 "not an arm64 Linux Image" \
		f64 cell linux "$C/l.cell" "$C/initrd" -d "$C/in.dtb"
	expect "arm64 cell linux: broken dtb" 1 "is not a valid blob" \
		f64 cell linux "$C/l.cell" "$C/Image" -d "$C/bad.dtb"
	expect "arm64 cell linux: missing initrd" 1 "$C/nothing" \
		f64 cell linux "$C/l.cell" "$C/Image" -d "$C/in.dtb" \
		-i "$C/nothing"
	rm "$R/usr/libexec/jailhouse/linux-loader.bin"
	expect "arm64 cell linux: no loader installed" 1 "linux-loader.bin" \
		f64 cell linux "$C/l.cell" "$C/Image" -d "$C/in.dtb"

	# A load the driver refuses: the cell is destroyed again.
	printf 'LOADER' >"$R/usr/libexec/jailhouse/linux-loader.bin"
	fake_log
	JH_FAKE_FAIL_AT=2 JH_FAKE_ERRNO=EINVAL run f64 cell linux "$C/l.cell" \
		"$C/Image" -d "$C/in.dtb"
	LOG=$(sed 's/ data=.*//' "$JH_FAKE_LOG")
	check "arm64 cell linux: a failed load destroys the cell" "log: $LOG" \
		matches "$LOG" "^DESTROY"
fi
