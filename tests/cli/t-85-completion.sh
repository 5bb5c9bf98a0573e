# SPDX-License-Identifier: GPL-2.0
#
# bash completion: what is offered after a given command line.

# complete_line "jailhouse cell st" -> the offers, one per line, sorted
complete_line()
{
	bash -c '
		. "$1"
		read -r -a COMP_WORDS <<<"$2"
		COMP_CWORD=${#COMP_WORDS[@]}
		[[ "$2" == *" " ]] || COMP_CWORD=$((COMP_CWORD - 1))
		COMP_WORDS[COMP_CWORD]=${COMP_WORDS[COMP_CWORD]:-}
		_jailhouse
		printf "%s\n" "${COMPREPLY[@]}" | sort
	' _ "$TOPDIR/tools/jailhouse-completion.bash" "$1"
}

# completes NAME LINE WANT (WANT: offers separated by blanks)
completes()
{
	local got want
	got=$(complete_line "$2" | tr '\n' ' ' | sed 's/ $//')
	# shellcheck disable=SC2086 # the offers are blank-separated
	want=$(printf '%s\n' $3 | sort | tr '\n' ' ' | sed 's/ $//')
	check "completion: $1" "got '$got', wanted '$want'" [ "$got" = "$want" ]
}

new_root
with_driver 1
add_cell 0 RootCell running 0-1 ""
add_cell 1 apic-demo running 2 ""
add_cell 2 linux running 3 ""

completes "commands" "jailhouse " "enable disable cell console config hardware --help --version"
completes "command prefix" "jailhouse c" "cell console config"
completes "cell commands" "jailhouse cell " "create linux load start shutdown destroy list stats --help"
completes "cell names" "jailhouse cell start " "RootCell apic-demo linux"
completes "cell name prefix" "jailhouse cell destroy a" "apic-demo"
completes "load options" "jailhouse cell load linux img -" "-a --address -s --string"
completes "nothing after -a" "jailhouse cell load linux img -a " ""
completes "linux options" "jailhouse cell linux a.cell Image -" \
	"-d --dtb -i --initrd -c --cmdline -w --write-params"
completes "nothing after -c" "jailhouse cell linux a.cell Image -c " ""
completes "stats options" "jailhouse cell stats linux -" "-1 --once"
completes "console options" "jailhouse console --f" "--follow"
completes "config commands" "jailhouse config " "check create collect"
completes "config create options" "jailhouse config create --" "--root --mem-hv --name --help"
completes "hardware" "jailhouse hardware " "check"

mkdir -p "$T/cfg/sub"
: >"$T/cfg/qemu.cell"
: >"$T/cfg/notes.txt"
completes "enable offers .cell files and folders" "jailhouse enable $T/cfg/" \
	"$T/cfg/qemu.cell $T/cfg/sub"
completes "load offers any file" "jailhouse cell load linux $T/cfg/n" "$T/cfg/notes.txt"
completes "linux offers .cell files first" "jailhouse cell linux $T/cfg/" \
	"$T/cfg/qemu.cell $T/cfg/sub"
completes "linux -d offers any file" "jailhouse cell linux a.cell Image -d $T/cfg/n" \
	"$T/cfg/notes.txt"
