# SPDX-License-Identifier: GPL-2.0
#
# config check hands over to the Python checker next to the binary.

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
