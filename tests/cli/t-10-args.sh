# SPDX-License-Identifier: GPL-2.0
#
# Command line parsing and help texts; none of these reach the driver.

new_root

expect "no command" 2 "jailhouse: missing command; see 'jailhouse --help'." "$JH"
expect "unknown command" 2 "unknown command 'frobnicate'" "$JH" frobnicate
expect "unknown global option" 2 "unknown option '--frob'" "$JH" --frob
expect "cell without command" 2 "jailhouse cell: missing command" "$JH" cell
expect "unknown cell command" 2 "unknown command 'boot'" "$JH" cell boot

expect "--help" 0 "" "$JH" --help
for cmd in "enable" "disable" "cell create" "cell load" "cell start" \
	   "cell shutdown" "cell destroy" "cell list" "cell stats" "console" \
	   "config check" "hardware check"; do
	check "--help lists '$cmd'" "not in: $OUT" contains "$OUT" "  $cmd "
done
expect "-h" 0 "" "$JH" -h
expect "help" 0 "" "$JH" help

expect "--version" 0 "" "$JH" --version
check "--version names the tool" "got: $OUT" contains "$OUT" "jailhouse (Stockade) "

# Every command's own help: usage line with its full name, stdout only.
for cmd in "enable" "disable" "cell" "cell create" "cell load" "cell start" \
	   "cell shutdown" "cell destroy" "cell list" "cell stats" "console" \
	   "config" "config check" "hardware" "hardware check"; do
	# shellcheck disable=SC2086
	expect "$cmd --help" 0 "" "$JH" $cmd --help &&
		check "$cmd --help shows usage" "got: $OUT" \
			contains "$OUT" "Usage: jailhouse $cmd"
done
expect "cell load -h" 0 "" "$JH" cell load -h
check "cell load help explains --address" "got: $OUT" contains "$OUT" "-a, --address ADDR"
check "cell stats help explains --once" "got: $(
	"$JH" cell stats --help)" contains "$("$JH" cell stats --help)" "--once"

# Missing and surplus arguments.
expect "enable without config" 2 "missing SYSCONFIG" "$JH" enable
expect "enable with two configs" 2 "too many arguments" "$JH" enable a b
expect "enable with an option" 2 "unknown option '-x'" "$JH" enable -x
expect "disable with argument" 2 "too many arguments" "$JH" disable now
expect "cell create without config" 2 "missing CELLCONFIG" "$JH" cell create
expect "cell start without cell" 2 "missing NAME|ID" "$JH" cell start
expect "cell start two cells" 2 "too many arguments" "$JH" cell start a b
expect "cell destroy option" 2 "unknown option '--force'" "$JH" cell destroy --force
expect "cell shutdown without cell" 2 "missing NAME|ID" "$JH" cell shutdown
expect "cell list with argument" 2 "too many arguments" "$JH" cell list all
expect "cell stats without cell" 2 "missing NAME|ID" "$JH" cell stats
expect "cell stats unknown option" 2 "unknown option '-2'" "$JH" cell stats x -2
expect "cell stats two cells" 2 "too many arguments" "$JH" cell stats a b
expect "console unknown option" 2 "unknown option '-x'" "$JH" console -x
expect "console argument" 2 "too many arguments" "$JH" console foo
expect "hardware check argument" 2 "too many arguments" "$JH" hardware check now

# Cell names and ids.
expect "cell name too long" 2 "longer than 31 characters" \
	"$JH" cell start abcdefghijklmnopqrstuvwxyz0123456
expect "cell id out of range" 2 "cell id 99999999999 is out of range" \
	"$JH" cell start 99999999999
expect "empty cell name" 2 "the cell name or id is empty" "$JH" cell start ""

# cell load's image list.
expect "load without image" 2 "missing IMAGE" "$JH" cell load linux
expect "load address without image" 2 "'-a' must follow an IMAGE or STRING" \
	"$JH" cell load linux -a 0x1000 img
expect "load address missing" 2 "'--address' needs an address" \
	"$JH" cell load linux img --address
expect "load bad address" 2 "invalid address '0xzz'" \
	"$JH" cell load linux img -a 0xzz
expect "load negative address" 2 "invalid address '-5'" \
	"$JH" cell load linux img -a -5
expect "load two addresses" 2 "two addresses given for 'img'" \
	"$JH" cell load linux img -a 1 -a 2
expect "load string missing" 2 "'-s' needs a string" "$JH" cell load linux -s
expect "load unknown option" 2 "unknown option '-x'" "$JH" cell load linux img -x
expect "load option as cell" 2 "unknown option '-a'" "$JH" cell load -a 1 img
