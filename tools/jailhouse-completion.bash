# SPDX-License-Identifier: GPL-2.0
#
# bash completion for jailhouse(8), the Stockade command line tool.
# Plain bash (no bash-completion helpers needed), so that it also works
# on minimal systems that only source this one file.

# Names of the existing cells, from the driver's sysfs directory.
_jailhouse_cells()
{
	local f
	for f in "${JAILHOUSE_TEST_ROOT}"/sys/devices/jailhouse/cells/*/name; do
		[ -r "$f" ] && printf '%s\n' "$(<"$f")"
	done
}

# Config files first: the usual argument is a .cell file.
_jailhouse_configs()
{
	compopt -o filenames 2>/dev/null
	mapfile -t COMPREPLY < <(compgen -d -- "$1"; compgen -f -X '!*.cell' -- "$1")
}

_jailhouse_files()
{
	compopt -o filenames 2>/dev/null
	mapfile -t COMPREPLY < <(compgen -f -- "$1")
}

_jailhouse_words()
{
	local IFS=$'\n'
	mapfile -t COMPREPLY < <(compgen -W "$1" -- "$2")
}

_jailhouse()
{
	local cur=${COMP_WORDS[COMP_CWORD]}
	local prev=${COMP_WORDS[COMP_CWORD-1]}
	local cmd=${COMP_WORDS[1]} sub=${COMP_WORDS[2]}
	COMPREPLY=()

	if [ "$COMP_CWORD" -eq 1 ]; then
		_jailhouse_words $'enable\ndisable\ncell\nconsole\nconfig\nhardware\n--help\n--version' "$cur"
		return
	fi

	case "$cmd" in
	enable)
		[ "$COMP_CWORD" -eq 2 ] && _jailhouse_configs "$cur"
		;;
	console)
		_jailhouse_words $'-f\n--follow\n--help' "$cur"
		;;
	config)
		if [ "$COMP_CWORD" -eq 2 ]; then
			_jailhouse_words $'check\ncreate\ncollect' "$cur"
		elif [ "${COMP_WORDS[2]}" = create ]; then
			_jailhouse_words $'-r\n--root\n--mem-hv\n--name\n--help' "$cur"
		else
			_jailhouse_configs "$cur"
		fi
		;;
	hardware)
		[ "$COMP_CWORD" -eq 2 ] && _jailhouse_words 'check' "$cur"
		;;
	cell)
		if [ "$COMP_CWORD" -eq 2 ]; then
			_jailhouse_words $'create\nlinux\nload\nstart\nshutdown\ndestroy\nlist\nstats\n--help' "$cur"
			return
		fi
		case "$sub" in
		create)
			[ "$COMP_CWORD" -eq 3 ] && _jailhouse_configs "$cur"
			;;
		start|shutdown|destroy)
			[ "$COMP_CWORD" -eq 3 ] &&
				_jailhouse_words "$(_jailhouse_cells)" "$cur"
			;;
		stats)
			if [[ "$cur" == -* ]]; then
				_jailhouse_words $'-1\n--once' "$cur"
			else
				_jailhouse_words "$(_jailhouse_cells)" "$cur"
			fi
			;;
		linux)
			case "$prev" in
			-c|--cmdline)
				# A kernel command line: nothing to offer.
				;;
			-d|--dtb|-i|--initrd|-w|--write-params)
				_jailhouse_files "$cur"
				;;
			*)
				if [[ "$cur" == -* ]]; then
					_jailhouse_words $'-d\n--dtb\n-i\n--initrd\n-c\n--cmdline\n-w\n--write-params' "$cur"
				elif [ "$COMP_CWORD" -eq 3 ]; then
					_jailhouse_configs "$cur"
				else
					_jailhouse_files "$cur"
				fi
				;;
			esac
			;;
		load)
			if [ "$COMP_CWORD" -eq 3 ]; then
				_jailhouse_words "$(_jailhouse_cells)" "$cur"
				return
			fi
			case "$prev" in
			-a|--address|-s|--string)
				# An address or a free string: nothing to offer.
				;;
			*)
				if [[ "$cur" == -* ]]; then
					_jailhouse_words $'-a\n--address\n-s\n--string' "$cur"
				else
					_jailhouse_files "$cur"
				fi
				;;
			esac
			;;
		esac
		;;
	esac
}

complete -F _jailhouse jailhouse
