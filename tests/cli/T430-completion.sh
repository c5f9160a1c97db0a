# T430-completion: the bash and zsh completions offer every option of
# --help and the right values for the options that take them.
# SPDX-License-Identifier: MIT
#
# bash: completions/lede.bash is sourced and its functions called as bash
# calls them (COMP_LINE, COMP_POINT, COMP_WORDS, COMP_CWORD set; COMPREPLY
# read back). zsh, when installed: completions/_lede must parse (zsh -n),
# and real completions are captured from an interactive zsh on a pty
# (zsh/zpty), through compinit as a user's shell loads it.
. "$(dirname "$0")/lib.sh"
BASH_COMPLETION="$LEDE_SRC/completions/lede.bash"
ZSH_COMPLETION="$LEDE_SRC/completions/_lede"

command -v bash >/dev/null 2>&1 || skip "bash is not installed"

# Files and folders for the completions of paths.
mkdir -p arts/business arts/sport
: >arts/business/001.txt
: >queries.txt

# bash_complete LINE: what bash would offer at the end of LINE, sorted,
# space-separated.
bash_complete() {
	bash -c '
		. "$1" || exit 1
		COMP_LINE=$2
		COMP_POINT=${#2}
		read -ra COMP_WORDS <<<"$2"
		COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
		case $2 in *" ") COMP_CWORD=$((COMP_CWORD + 1)) ;; esac
		fn=$(complete -p "${COMP_WORDS[0]}" | sed -n "s/.*-F \([^ ]*\).*/\1/p")
		"$fn" "${COMP_WORDS[0]}" "${COMP_WORDS[COMP_CWORD]}" \
			"${COMP_WORDS[COMP_CWORD-1]}"
		printf "%s\n" "${COMPREPLY[@]}" | sort | tr "\n" " "
	' bash "$BASH_COMPLETION" "$1" | sed 's/ $//'
}

# check SHELL LINE WANT: the completions of LINE in SHELL are WANT. With
# $collect set, only notes LINE in zlines.txt (zsh runs them all at once).
check() {
	if [ -n "${collect:-}" ]; then
		printf '%s\n' "$2" >>zlines.txt
		return
	fi
	got=$("$1"_complete "$2")
	expect_eq "$got" "$3" "$1 completes '$2'"
}

# Both shells must give these (zsh lists values without the text before
# the cursor's word, as bash does).
cases() {
	check "$1" "lede-index --f" "--format"
	check "$1" "lede-index --format " \
		"auto feed html jsonl mbox message text"
	check "$1" "lede-index --format=j" "jsonl"
	check "$1" "lede-index -f h" "html"
	check "$1" "lede-index --map kicker=he" "headline"
	check "$1" "lede-index --db ar" "arts"
	check "$1" "lede-search --fo" "--format --format-version"
	check "$1" "lede-search --format " "ids json jsonl text tsv"
	check "$1" "lede-search --format=js" "json jsonl"
	check "$1" "lede-search --sort " "newest oldest recency relevance"
	check "$1" "lede-search --sort=re" "recency relevance"
	check "$1" "lede-search --timeline " "day month week year"
	check "$1" "lede-search --facet p" "person place"
	check "$1" "lede-search --facet=se" "section"
	check "$1" "lede-search --significant " \
		"language org person place section source tag"
	check "$1" "lede-search --half-life " "12h 1d 2w 30d 7d"
	check "$1" "lede-search --since y" "yesterday"
	check "$1" "lede-search --db a" "arts"
	check "$1" "lede-search --batch qu" "queries.txt"
	check "$1" "lede-search --limit " ""
}

# ---- bash -------------------------------------------------------------------
if bash -n "$BASH_COMPLETION" 2>err; then ok; else not_ok "lede.bash: $(cat err)"; fi
bash -c '. "$1" && complete -p lede-index lede-search' bash \
	"$BASH_COMPLETION" >out 2>err
expect_in out "_lede_index lede-index" "bash completes lede-index"
expect_in out "_lede_search lede-search" "bash completes lede-search"
cases bash
check bash "lede-index -" \
	"--batch-size --compact --db --delete --format --help --jobs --map --no-extract --prune --quiet --reread --shard --stats --version --watch -V -d -f -h -j -m -q"
check bash "lede-index arts/" "arts/business arts/sport"
check bash "lede-index arts/business/" "arts/business/001.txt"
# What bash alone does: the field and its '=' as one word to go on typing,
# and query field prefixes.
check bash "lede-search --filter sec" "section="
check bash "lede-search --filter=pl" "place="
check bash "lede-search --filter " \
	"author= language= org= person= place= section= source= tag="
check bash "lede-search sec" "section:"
check bash "lede-search --batch -" "-"

# What zsh alone does: "-" offers long options too (the short ones are
# checked), "--filter" fields get their "=" as a suffix, and file
# completion goes folder by folder.
zsh_extra() {
	check zsh "lede-search --filter " \
		"author language org person place section source tag"
	check zsh "lede-search section:" ""
	check zsh "lede-search sec" "section:"
	[ -n "${collect:-}" ] && {
		printf '%s\n' "lede-index -" "lede-index arts/" >>zlines.txt
		return
	}
	got=" $(zsh_complete "lede-index -") "
	for opt in -V -d -f -h -m -q --db --quiet; do
		case "$got" in
		*" $opt "*) ok ;;
		*) not_ok "zsh completes 'lede-index -' without $opt: $got" ;;
		esac
	done
	got=" $(zsh_complete "lede-index arts/") "
	case "$got" in
	*" business sport "*) ok ;;
	*) not_ok "zsh completes 'lede-index arts/' without its folders: $got" ;;
	esac
}

# ---- zsh ----------------------------------------------------------------------
if command -v zsh >/dev/null 2>&1; then
	if zsh -n "$ZSH_COMPLETION" 2>err; then ok; else not_ok "_lede: $(cat err)"; fi
	mkdir -p zfunc
	cp "$ZSH_COMPLETION" zfunc/
	# zcap.zsh FUNCDIR LINES: runs an interactive zsh with compinit on a
	# pty, types each line of LINES and TAB, and prints "N<tab>MATCH"
	# for each match compadd was given on line N. The markers are built
	# when printed, so the echo of the typed commands never matches them.
	cat >zcap.zsh <<'ZSH'
zmodload zsh/zpty || exit 1
zpty z zsh -f -i
zpty -w z "PS1='' PROMPT='' RPROMPT=''; unsetopt zle_bracketed_paste 2>/dev/null"
zpty -w z "fpath=($1 \$fpath); autoload -Uz compinit; compinit -u -d $1/.zcompdump"
zpty -w z 'compadd () { local -a __hits; builtin compadd -O __hits "$@"; local h; for h in $__hits; do print -r -- "<H""IT>$h"; done; builtin compadd "$@" }'
zpty -w z 'zle -C all-matches complete-word _main_complete'
zpty -w z 'finish () { zle -I; print -r -- "<E""ND>"; zle send-break }; zle -N finish'
zpty -w z 'bindkey "^I" all-matches; bindkey "^Y" finish'
integer n=0
local l line
for l in "${(@f)$(<$2)}"; do
	n+=1
	zpty -n -w z "$l"$'\t'
	zpty -n -w z $'\C-y'
	while zpty -r z line; do
		[[ $line == *'<END>'* ]] && break
		[[ $line == *'<HIT>'* ]] &&
			print -r -- "$n"$'\t'"${${line##*<HIT>}%%$'\r'*}"
	done
done
zpty -d z
ZSH
	zsh_complete() {
		n=$(grep -nxF -- "$1" zlines.txt | sed -n '1s/:.*//p')
		[ -n "$n" ] || { echo "(line not collected)"; return; }
		sed -n "s/^$n	//p" zhits.txt | sort -u | tr '\n' ' ' |
			sed 's/ $//'
	}
	: >zlines.txt
	collect=1
	cases zsh
	zsh_extra
	printf '%s\n' "lede-index --" "lede-search --" >>zlines.txt
	collect=
	timeout 60 zsh zcap.zsh "$LEDE_TMP/zfunc" zlines.txt >zhits.txt
	cases zsh
	zsh_extra
else
	echo "zsh not installed: the zsh completion is not checked"
fi

# ---- Every option of --help is offered, by each shell. ----------------------
for prog in lede-index lede-search; do
	run $prog --help
	grep -oE -- '--[a-z][a-z-]*' out | sort -u >long.txt
	[ -s long.txt ] && ok || not_ok "no long options in $prog --help"
	for shell in bash zsh; do
		[ "$shell" = zsh ] && ! command -v zsh >/dev/null 2>&1 && continue
		offered=" $("$shell"_complete "$prog --") "
		while read -r opt; do
			case "$offered" in
			*" $opt "*) ok ;;
			*) not_ok "$prog --help lists $opt, $shell does not complete it" ;;
			esac
		done <long.txt
	done
done

done_testing
