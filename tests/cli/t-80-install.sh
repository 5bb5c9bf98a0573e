# SPDX-License-Identifier: GPL-2.0
#
# The build product and `make install`.

# The initramfs has no C library: the binary must not need a loader.
run readelf -l "$JH"
check "tools/jailhouse is static" "it has an ELF interpreter" \
	not_contains "$OUT" "program interpreter"

D=$T/destdir
run make -s -C "$TOPDIR/tools" ARCH="$(uname -m)" CROSS_COMPILE= \
	TOOLS_OUT="$B/host" DESTDIR="$D" install
check "make install succeeds" "exit $RC: $ERR" [ "$RC" -eq 0 ]
for f in usr/sbin/jailhouse usr/libexec/jailhouse/jailhouse-config-check \
	 usr/libexec/jailhouse/pyjailhouse/__init__.py \
	 usr/libexec/jailhouse/pyjailhouse/config_check.py \
	 usr/libexec/jailhouse/jailhouse-config-create \
	 usr/libexec/jailhouse/pyjailhouse/config_create.py \
	 usr/share/bash-completion/completions/jailhouse \
	 usr/share/man/man8/jailhouse.8; do
	check "installed $f" "missing" [ -s "$D/$f" ]
done
check "installed binary is executable" "not executable" [ -x "$D/usr/sbin/jailhouse" ]
check "installed checker is executable" "not executable" \
	[ -x "$D/usr/libexec/jailhouse/jailhouse-config-check" ]
run "$D/usr/libexec/jailhouse/jailhouse-config-check" "$T/nonexistent.cell"
ok=no
[ "$RC" -eq 2 ] && contains "$ERR" "cannot read" && ok=yes
check "installed checker finds its package" "exit $RC: $ERR" [ $ok = yes ]
run "$D/usr/libexec/jailhouse/jailhouse-config-create" -r "$T/nonexistent" "$T/x.c"
ok=no
[ "$RC" -eq 1 ] && contains "$ERR" "cannot read" && ok=yes
check "installed generator finds its package" "exit $RC: $ERR" [ $ok = yes ]

# The man page is valid roff and names every command.
if command -v groff >/dev/null; then
	run groff -man -Tutf8 -ww -z "$TOPDIR/tools/jailhouse.8"
	check "man page has no roff warnings" "$ERR" [ "$RC" -eq 0 -a -z "$ERR" ]
	run groff -man -Tascii "$TOPDIR/tools/jailhouse.8"
	for cmd in "enable" "disable" "cell create" "cell linux" "cell load" "cell start" \
		   "cell shutdown" "cell destroy" "cell list" "cell stats" \
		   "console" "config check" "hardware check"; do
		check "man page describes '$cmd'" "not found" \
			matches "$(printf '%s' "$OUT" | sed 's/.\x08//g')" "^ +$cmd( |$)"
	done
else
	echo "SKIP: man page checks (no groff)"
fi
