# lede.bash: bash completion for lede-index and lede-search.
# SPDX-License-Identifier: MIT
#
# Installed as share/bash-completion/completions/lede-index and .../lede-search
# (bash-completion loads a command's file on first use); or source it from
# ~/.bashrc. Needs bash 4 and nothing from the bash-completion package.
#
# Options and their values: formats, fields (--filter FIELD=, --facet,
# --significant, --map KEY=FIELD), sort orders, timeline periods, date
# words, index folders, and files and folders to index. Both "--opt value"
# and "--opt=value" work. tests/cli/T430-completion.sh checks that every
# option of --help is here.

# Shared by both programs: sets _lede_cur (the word being completed, as
# the shell will see it: "--format=js", "section=po"), _lede_prev (the
# word before it) and _lede_rl_cur (the part readline replaces: the text
# after the last COMP_WORDBREAKS character, "js" or "po"). Works on
# COMP_LINE rather than COMP_WORDS, which bash splits at '=' and ':'.
_lede_words() {
	local line=${COMP_LINE:0:COMP_POINT}
	_lede_cur=${line##*[[:space:]]}
	local before=${line%"$_lede_cur"}
	before=${before%"${before##*[![:space:]]}"}
	_lede_prev=${before##*[[:space:]]}
	local breaks=${COMP_WORDBREAKS//[[:space:]]/}
	if [[ -n $breaks ]]; then
		_lede_rl_cur=${_lede_cur##*["$breaks"]}
	else
		_lede_rl_cur=$_lede_cur
	fi
}

# _lede_reply WORD...: COMPREPLY is the words that start with _lede_cur,
# less the part before _lede_rl_cur, which readline keeps.
_lede_reply() {
	local keep=${_lede_cur%"$_lede_rl_cur"} w
	COMPREPLY=()
	for w in "$@"; do
		[[ $w == "$_lede_cur"* ]] && COMPREPLY+=("${w#"$keep"}")
	done
}

# _lede_nospace: the completion is not a whole word yet (section=, by:).
_lede_nospace() {
	compopt -o nospace 2>/dev/null
}

# _lede_files MODE PREFIX [WORD...]: files and folders (MODE -d: folders
# only) that start with what follows PREFIX (an "--opt=" or ""), and any
# WORD that does.
_lede_files() {
	local mode=$1 prefix=$2 value=${_lede_cur#"$2"}
	shift 2
	local -a found
	if [[ $mode == -d ]]; then
		mapfile -t found < <(compgen -d -- "$value")
	else
		mapfile -t found < <(compgen -f -- "$value")
	fi
	compopt -o filenames 2>/dev/null
	_lede_reply "${found[@]/#/$prefix}" "${@/#/$prefix}"
}

# _lede_with_prefix PREFIX WORD...: _lede_reply over PREFIX+WORD.
_lede_with_prefix() {
	local prefix=$1
	shift
	_lede_reply "${@/#/$prefix}"
}

# Fields as lede_field_parse names them.
_lede_filter_fields="author source section language tag place org person"
_lede_significant_fields="source section language tag place org person"
_lede_map_fields="id headline body authors date source section language url
tags places orgs people"

# _lede_index_value OPTION PREFIX: completes OPTION's value.
_lede_index_value() {
	local prefix=$2
	case $1 in
	-d | --db) _lede_files -d "$prefix" ;;
	-f | --format)
		_lede_with_prefix "$prefix" auto text jsonl html feed message \
			mbox
		;;
	--shard) _lede_with_prefix "$prefix" year month day ;;
	-m | --map)
		# KEY=FIELD: the key is the user's; the field is ours.
		local value=${_lede_cur#"$prefix"}
		if [[ $value == *=* ]]; then
			# shellcheck disable=SC2086 # a word list
			_lede_with_prefix "$prefix${value%%=*}=" $_lede_map_fields
		fi
		;;
	*) return 1 ;;
	esac
	return 0
}

_lede_index() {
	local _lede_cur _lede_prev _lede_rl_cur
	_lede_words
	local opts="--db --format --map --no-extract --prune --reread
		--batch-size --jobs --watch --delete --stats --shard --compact
		--quiet --help --version -d -f -j -m -q -h -V"
	local with_arg="-d --db -f --format -j --jobs -m --map --batch-size
		--shard"
	COMPREPLY=()
	if [[ $_lede_cur == --*=* ]]; then
		_lede_index_value "${_lede_cur%%=*}" "${_lede_cur%%=*}="
	elif [[ " $with_arg " == *" $_lede_prev "* ]]; then
		_lede_index_value "$_lede_prev" ""
	elif [[ $_lede_cur == -* ]]; then
		# shellcheck disable=SC2086 # a word list
		_lede_reply $opts
	else
		_lede_files "" ""
	fi
}

# Field prefixes a query word can start with (lede-search(1), QUERY SYNTAX).
_lede_query_fields="title: headline: author: by: quote: source: section: lang:
place: org: person: tag: id: url: date:"

_lede_search_value() {
	local prefix=$2 value=${_lede_cur#"$2"}
	case $1 in
	-d | --db) _lede_files -d "$prefix" ;;
	-f | --format)
		_lede_with_prefix "$prefix" text json jsonl ids tsv
		;;
	--sort)
		_lede_with_prefix "$prefix" relevance newest oldest recency
		;;
	--timeline)
		_lede_with_prefix "$prefix" day week month year
		;;
	--half-life)
		_lede_with_prefix "$prefix" 12h 1d 7d 2w 30d
		;;
	--since | --until)
		_lede_with_prefix "$prefix" today yesterday 7d 2w 1m 1y
		;;
	--filter)
		# FIELD=VALUE: the field is ours; values are the index's.
		if [[ $value != *=* ]]; then
			# shellcheck disable=SC2086 # a word list
			_lede_with_prefix "$prefix" ${_lede_filter_fields// /= }=
			_lede_nospace
		fi
		;;
	--facet)
		if [[ $value != *:* ]]; then
			# shellcheck disable=SC2086 # a word list
			_lede_with_prefix "$prefix" $_lede_filter_fields
		fi
		;;
	--significant)
		if [[ $value != *:* ]]; then
			# shellcheck disable=SC2086 # a word list
			_lede_with_prefix "$prefix" $_lede_significant_fields
		fi
		;;
	--batch) _lede_files "" "$prefix" - ;; # - is standard input
	-n | --limit | --offset | --like | --show) ;; # numbers and ids
	*) return 1 ;;
	esac
	return 0
}

_lede_search() {
	local _lede_cur _lede_prev _lede_rl_cur
	_lede_words
	local opts="--db --limit --offset --filter --since --until --sort
		--half-life --facet --timeline --like --significant --approx
		--no-suggest --explain --all-copies --format --format-version
		--show --batch --help --version -d -n -f -h -V"
	local with_arg="-d --db -n --limit --offset --filter --since --until
		--sort --half-life --facet --timeline --like --significant -f
		--format --show --batch"
	with_arg=" ${with_arg//[[:space:]]/ } "
	COMPREPLY=()
	if [[ $_lede_cur == --*=* ]]; then
		_lede_search_value "${_lede_cur%%=*}" "${_lede_cur%%=*}="
	elif [[ $with_arg == *" $_lede_prev "* ]]; then
		_lede_search_value "$_lede_prev" ""
	elif [[ $_lede_cur == -* ]]; then
		# shellcheck disable=SC2086 # a word list
		_lede_reply $opts
	elif [[ -n $_lede_cur && $_lede_cur != *:* ]]; then
		# A query word: the field prefixes it may be starting.
		# shellcheck disable=SC2086 # a word list
		_lede_reply $_lede_query_fields
		((${#COMPREPLY[@]})) && _lede_nospace
	fi
}

complete -F _lede_index lede-index
complete -F _lede_search lede-search
