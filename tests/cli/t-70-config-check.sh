# SPDX-License-Identifier: GPL-2.0
#
# config check and config create hand over to the Python checker and
# generator next to the binary.

new_root
"$MKCONFIG" system "$T/check-sys.cell"

# The checker's own messages and exit status come through unchanged.
run "$JH" config check "$T/nonexistent.cell"
ok=no
[ "$RC" -eq 2 ] && contains "$ERR" "jailhouse-config-check: cannot read $T/nonexistent.cell" && ok=yes
check "config check runs the checker" "exit $RC, stderr $ERR" [ $ok = yes ]
run "$JH" config check "$T/check-sys.cell"
check "config check judges a config" "exit $RC, stdout $OUT, stderr $ERR" \
	[ "$RC" -le 1 -a -n "$OUT" ]
expect "config check --help is ours" 0 "" "$JH" config check --help
check "config check help" "got: $OUT" contains "$OUT" "Usage: jailhouse config check SYSCONFIG [CELLCONFIG...]"

# Without a checker beside it or installed, the tool says where it looked.
if [ ! -e /usr/libexec/jailhouse/jailhouse-config-check ]; then
	mkdir -p "$T/lonely"
	cp "$JH" "$T/lonely/jailhouse"
	expect "config check without checker" 1 \
		"the config checker (jailhouse-config-check) is not installed next to this program or in /usr/libexec/jailhouse." \
		"$T/lonely/jailhouse" config check "$T/check-sys.cell"
else
	echo "SKIP: config check without checker (one is installed)"
fi

# config create: the generator writes a config from a machine's files
# (tests/config-check/test_create.py looks into what it writes).
fixture=$TOPDIR/tests/config-create/qemu-x86-vtd
if [ -d "$fixture" ]; then
	run "$JH" config create -r "$fixture" "$T/generated.c"
	ok=no
	[ "$RC" -eq 0 ] && grep -q 'JAILHOUSE_SYSTEM_SIGNATURE' "$T/generated.c" && ok=yes
	check "config create runs the generator" "exit $RC, stderr $ERR" [ $ok = yes ]
	run "$JH" config create -r "$T/nonexistent" "$T/generated2.c"
	check "config create: a missing root is one sentence" "exit $RC, stderr $ERR" \
		[ "$RC" -eq 1 -a ! -e "$T/generated2.c" ]
	check "config create names the missing file" "stderr $ERR" \
		contains "$ERR" "cannot read $T/nonexistent/proc/cmdline"
else
	echo "SKIP: config create: no $fixture"
fi
# config collect packs a machine's files (here the fixture, through the
# tool's test root) into an archive config create reads like the folder.
if [ -d "$fixture" ]; then
	JAILHOUSE_TEST_ROOT=$fixture run "$JH" config collect "$T/collected.tar"
	check "config collect writes an archive" "exit $RC, stderr $ERR" \
		[ "$RC" -eq 0 -a -s "$T/collected.tar" ]
	members=$(tar -tf "$T/collected.tar" 2>&1 | sort | tr '\n' ' ')
	check "the archive holds /proc, the ACPI tables and PCI config spaces" \
		"members: $members" contains "$members" \
		"proc/cmdline proc/cpuinfo proc/iomem proc/ioports sys/bus/pci/devices/0000:00:00.0/config"
	check "the archive holds the DMAR" "members: $members" \
		contains "$members" "sys/firmware/acpi/tables/DMAR"
	run "$JH" config create -r "$T/collected.tar" "$T/from-tar.c"
	check "config create reads the archive like the folder" \
		"exit $RC, stderr $ERR" cmp -s "$T/from-tar.c" "$T/generated.c"
	# GNU tar strips "../" when packing; Python keeps the name as given.
	python3 -c 'import io, sys, tarfile
t = tarfile.open(sys.argv[1], "w")
i = tarfile.TarInfo("../outside"); i.size = 1
t.addfile(i, io.BytesIO(b"x")); t.close()' "$T/evil.tar"
	run "$JH" config create -r "$T/evil.tar" "$T/evil.c"
	check "config create refuses an archive member outside its folder" \
		"exit $RC, stderr $ERR" [ "$RC" -eq 1 -a ! -e "$T/evil.c" ]
	check "config create names the member it refused" "stderr $ERR" \
		contains "$ERR" "'../outside' is not a collected file"
fi
expect "config collect without a file" 2 "expects one argument" \
	"$JH" config collect
JAILHOUSE_TEST_ROOT=$T/nowhere run "$JH" config collect "$T/partial.tar"
check "config collect of a machine without /proc fails, leaving nothing" \
	"exit $RC, stderr $ERR" [ "$RC" -eq 1 -a ! -e "$T/partial.tar" ]
check "config collect names the file it missed" "stderr $ERR" \
	contains "$ERR" "proc/cmdline"
expect "config create --help is ours" 0 "" "$JH" config create --help
check "config create help" "got: $OUT" contains "$OUT" "Usage: jailhouse config create [-r ROOT]"
if [ ! -e /usr/libexec/jailhouse/jailhouse-config-create ]; then
	mkdir -p "$T/lonely"
	cp "$JH" "$T/lonely/jailhouse"
	expect "config create without generator" 1 \
		"the config generator (jailhouse-config-create) is not installed next to this program or in /usr/libexec/jailhouse." \
		"$T/lonely/jailhouse" config create "$T/x.c"
else
	echo "SKIP: config create without generator (one is installed)"
fi
