#!/bin/bash
# compare.sh: lede against the engines people would pick instead, on the
# same corpora in the same run (issue 8): Omega's scriptindex and quest,
# SQLite FTS5, and a minimal indexer and searcher on Xapian's own
# TermGenerator. See bench/README.md for what each one does and why.
# SPDX-License-Identifier: MIT
#
# usage: bench/compare.sh [--sizes LIST] [--quick] [--queries N]
#                         [--rounds N] [--runs N] [--build DIR]
#                         [--note TEXT] [--no-record] [--no-install] [--keep]
#   --sizes LIST  corpora, comma-separated: a number N for the BBC corpus
#                 repeated N times (1, 4, 16), "rss" for the RSS corpus;
#                 default 1,4,16,rss (--quick: 1)
#   --quick       a short trial: 50 queries, 1 timed round, 5 shell runs,
#                 the RSS corpus cut to its first 2 days; not recorded
#   --queries N   queries in the seeded set (default 200)
#   --rounds N    timed rounds over the query set (default 3)
#   --runs N      runs of the one query timed from the shell (default 21)
#   --build DIR   where to build lede and the bench programs
#                 (default build-compare in the repository)
#   --note TEXT   a line for RESULTS.md about the run (e.g. a loaded machine)
#   --no-record   print the table only; do not append it to RESULTS.md
#   --no-install  do not install missing peers (fail instead)
#   --keep        keep the temporary folder (corpora, indexes, logs)
# Installs what is missing from Debian (as root): xapian-omega
# (scriptindex, quest), xapian-tools (xapian-compact, xapian-delve),
# sqlite3 and libsqlite3-dev (FTS5), time (GNU time for peak memory),
# python3 (corpus preparation). The corpora are read from ../shared/corpora.
set -eu
export LC_ALL=C

here=$(cd "$(dirname "$0")/.." && pwd)
corpora=$here/../shared/corpora
sizes=
quick=0
n_queries=
rounds=
runs=
build=$here/build-compare
note=
record=1
install=1
keep=0
# The command as given, each argument quoted when the shell needs it.
command_line=bench/compare.sh
for arg in "$@"; do
	case $arg in
	'' | *[!A-Za-z0-9_./,=:+-]*) command_line+=" '${arg//\'/\'\\\'\'}'" ;;
	*) command_line+=" $arg" ;;
	esac
done

die() {
	echo "compare.sh: $*" >&2
	exit 1
}

# usage [STATUS]: the header's usage text; on stdout for --help (status
# 0), else on stderr.
usage() {
	if [ "${1:-2}" = 0 ]; then
		sed -n '/^# usage:/,/^# python3/s/^# \{0,1\}//p' "$0"
		exit 0
	fi
	sed -n '/^# usage:/,/^# python3/s/^# \{0,1\}//p' "$0" >&2
	exit 2
}

while [ $# -gt 0 ]; do
	case $1 in
	--sizes) [ $# -ge 2 ] || usage; sizes=$2; shift ;;
	--sizes=*) sizes=${1#*=} ;;
	--quick) quick=1 ;;
	--queries) [ $# -ge 2 ] || usage; n_queries=$2; shift ;;
	--rounds) [ $# -ge 2 ] || usage; rounds=$2; shift ;;
	--runs) [ $# -ge 2 ] || usage; runs=$2; shift ;;
	--build) [ $# -ge 2 ] || usage; build=$2; shift ;;
	--note) [ $# -ge 2 ] || usage; note=$2; shift ;;
	--no-record) record=0 ;;
	--no-install) install=0 ;;
	--keep) keep=1 ;;
	-h | --help) usage 0 ;;
	*) echo "compare.sh: unknown option '$1'" >&2; usage ;;
	esac
	shift
done
if [ "$quick" = 1 ]; then
	: "${sizes:=1}" "${n_queries:=50}" "${rounds:=1}" "${runs:=5}"
	rss_days=2
	record=0
else
	: "${sizes:=1,4,16,rss}" "${n_queries:=200}" "${rounds:=3}" "${runs:=21}"
	rss_days=
fi
for v in "$n_queries" "$rounds" "$runs"; do
	case $v in
	'' | *[!0-9]* | 0*) die "'$v': expected a positive number" ;;
	esac
done
IFS=, read -r -a size_list <<<"$sizes"
[ ${#size_list[@]} -gt 0 ] || die "--sizes: no corpus named"
for s in "${size_list[@]}"; do
	case $s in
	rss) ;;
	'' | *[!0-9]* | 0*) die "--sizes: '$s' is neither a number nor rss" ;;
	esac
done
[ -d "$corpora/bbc" ] || die "no BBC corpus in '$corpora'"

# ---- peers, installed from Debian when missing ----

missing=()
need() { # PACKAGE TEST...: the package when the test fails
	local pkg=$1
	shift
	"$@" >/dev/null 2>&1 || missing+=("$pkg")
}
need xapian-omega command -v scriptindex
need xapian-omega command -v quest
need xapian-tools command -v xapian-compact
need xapian-tools command -v xapian-delve
need sqlite3 command -v sqlite3
need libsqlite3-dev pkg-config --exists sqlite3
need time test -x /usr/bin/time
need python3 command -v python3
if [ ${#missing[@]} -gt 0 ]; then
	mapfile -t missing < <(printf '%s\n' "${missing[@]}" | sort -u)
	[ "$install" = 1 ] || die "missing: ${missing[*]} (--no-install given)"
	[ "$(id -u)" = 0 ] || die "missing: ${missing[*]}; run as root to install"
	echo "compare.sh: installing ${missing[*]}" >&2
	export DEBIAN_FRONTEND=noninteractive
	apt-get install -y --no-install-recommends "${missing[@]}" >&2 ||
		{ apt-get update >&2 &&
			apt-get install -y --no-install-recommends "${missing[@]}" >&2; } ||
		die "could not install ${missing[*]}"
fi
sqlite3 :memory: 'CREATE VIRTUAL TABLE t USING fts5(a)' ||
	die "this sqlite3 has no FTS5"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/lede-compare.XXXXXX")
cleanup() {
	if [ "$keep" = 1 ]; then
		echo "compare.sh: kept $tmp" >&2
	else
		rm -rf "$tmp"
	fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---- lede and the bench programs, built for speed ----

echo "compare.sh: building in $build" >&2
if ! { cmake -S "$here" -B "$build" -DCMAKE_BUILD_TYPE=Release -DLEDE_BENCH=ON \
	-DLEDE_WERROR=OFF &&
	cmake --build "$build" -j2 --target lede-index lede-search \
		query_latency xapian_minimal fts5_bench; } >"$tmp/build.log" 2>&1; then
	tail -n 20 "$tmp/build.log" >&2
	die "the build failed (.ci/install-deps installs lede's dependencies)"
fi
bin=$build/bench

results=$tmp/results.tsv
: >"$results"
load_before=$(cut -d' ' -f1-3 /proc/loadavg)

# ---- measuring ----

# timed LOG CMD...: runs CMD under GNU time; sets wall, cpu (user + system
# seconds) and rss (peak KiB). Returns CMD's status; its output is in LOG.
timed() {
	local log=$1 st=0
	shift
	/usr/bin/time -f '%e %U %S %M' -o "$tmp/time" "$@" >"$log" 2>&1 || st=$?
	read -r wall user sys rss < <(tail -n 1 "$tmp/time")
	cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
	return "$st"
}

kib() { du -sk "$1" | cut -f1; }

# latency PROGRAM ARGS...: from a query program's output (see latency.h),
# "P50 P95 P99 ZERO DOCS" over all queries, then P50 and P99 of each kind
# (words, phrase, filter); dashes when it fails.
latency() {
	local out
	if out=$("$@"); then
		awk '$1 == "docs" { docs = $2 }
		$1 == "latency" { all = $3 " " $4 " " $5 " " $6 }
		$1 ~ /^latency-/ { kinds = kinds " " $3 " " $5 }
		END { print all, docs kinds }' <<<"$out"
	else
		echo "compare.sh: failed: $*" >&2
		echo "- - - - - - - - - - -"
	fi
}

# shell_ms CMD...: the median wall time of CMD in milliseconds over $runs
# runs, after one run to warm the caches; "-" when it fails.
shell_ms() {
	local i t0 t1
	"$@" >/dev/null 2>&1 || { echo -; return 0; }
	for ((i = 0; i < runs; i++)); do
		t0=$EPOCHREALTIME
		"$@" >/dev/null 2>&1
		t1=$EPOCHREALTIME
		echo "$t0 $t1"
	done | awk '{ printf "%.3f\n", ($2 - $1) * 1000 }' | sort -n |
		awk '{ v[NR] = $1 } END { printf "%.1f", v[int((NR + 1) / 2)] }'
}

# row FIELDS...: one line of results (see render below for the columns).
row() { (IFS=$'\t'; echo "$*") >>"$results"; }

# compacted_kib ENGINE DB: the index's size after compaction; "-" when
# compacting fails.
compacted_kib() {
	local out=$tmp/compacted st=0
	rm -rf "$out"
	if [ "$1" = fts5 ]; then
		cp "$2" "$out" && sqlite3 "$out" \
			"INSERT INTO articles(articles) VALUES('optimize'); VACUUM;" || st=$?
	else
		xapian-compact "$2" "$out" >/dev/null || st=$?
	fi
	if [ "$st" = 0 ]; then
		kib "$out"
	else
		echo "compare.sh: compacting '$2' failed" >&2
		echo -
	fi
	rm -rf "$out"
}

# run_corpus NAME LEDE_INPUT PEERS ARTICLES BYTES QUERIES FILTER FACETS...
run_corpus() {
	local name=$1 input=$2 peers=$3 articles=$4 bytes=$5 queries=$6
	local filter=$7
	shift 7
	local facets=("$@") e db log st plain faceted shell idx comp words
	# The one query timed from the shell: the first of two words.
	words=$(awk -F'\t' '$1 == "words" && split($2, w, " ") == 2 { print $2; exit }' "$queries")
	[ -n "$words" ] || words=$(awk -F'\t' '$1 == "words" { print $2; exit }' "$queries")
	local fts_match
	fts_match=$(awk -v w="$words" 'BEGIN { n = split(w, a, " ");
		for (i = 1; i <= n; i++) printf "%s\"%s\"", (i > 1 ? " OR " : ""), a[i] }')
	for e in lede lede-1 omega xapian-1 xapian-500 fts5; do
		echo "compare.sh: $name: $e" >&2
		db=$tmp/$name.$e
		log=$tmp/$name.$e.log
		st=0
		case $e in
		lede) timed "$log" "$build/lede-index" --quiet --db "$db" "$input" || st=$? ;;
		# One writer: what the parallel first load adds, and lede's
		# cost per article on one core. Its index is the same.
		lede-1) timed "$log" "$build/lede-index" --quiet --jobs 1 --db "$db" "$input" || st=$? ;;
		omega) timed "$log" scriptindex --overwrite "$db" \
			"$here/bench/omega-index.script" "$peers" || st=$? ;;
		xapian-1) XAPIAN_FLUSH_THRESHOLD=$((articles + 1)) \
			timed "$log" "$bin/xapian_minimal" index "$db" "$peers" || st=$? ;;
		xapian-500) timed "$log" "$bin/xapian_minimal" index "$db" "$peers" 500 || st=$? ;;
		fts5) timed "$log" "$bin/fts5_bench" index "$db" "$peers" || st=$? ;;
		esac
		if [ "$st" != 0 ]; then
			# lede-index says 1 when a file could not be indexed and
			# goes on: a number is still worth having, with a warning.
			echo "compare.sh: $name: $e exited with $st:" >&2
			tail -n 5 "$log" >&2
			[ -e "$db" ] || { row "$name" "$e" "$articles" "$bytes" - - - - - - "$st"; continue; }
		fi
		idx=$(kib "$db")
		comp=$(compacted_kib "$e" "$db")
		plain="- - - - - - - - - - -" faceted=$plain shell=-
		case $e in
		lede)
			local fl=() f
			for f in "${facets[@]}"; do
				case $f in
				month | day | week | year) fl+=(-t "$f") ;;
				*) fl+=(-f "$f") ;;
				esac
			done
			plain=$(latency "$bin/query_latency" -r "$rounds" -F "$filter" "$db" "$queries")
			faceted=$(latency "$bin/query_latency" -r "$rounds" -F "$filter" "${fl[@]}" "$db" "$queries")
			shell=$(shell_ms "$build/lede-search" --db "$db" -- "$words") ;;
		omega)
			plain="- - - - $(xapian-delve "$db" | awk '/^number of documents/ { print $NF }') - - - - - -"
			shell=$(shell_ms quest -d "$db" "$words") ;;
		xapian-*)
			plain=$(latency "$bin/xapian_minimal" search -r "$rounds" "$db" "$queries")
			faceted=$(latency "$bin/xapian_minimal" search -r "$rounds" -f "$db" "$queries") ;;
		fts5)
			plain=$(latency "$bin/fts5_bench" search -r "$rounds" "$db" "$queries")
			faceted=$(latency "$bin/fts5_bench" search -r "$rounds" -f "$db" "$queries")
			shell=$(shell_ms sqlite3 "$db" "SELECT id, headline FROM articles WHERE articles MATCH '$fts_match' ORDER BY rank LIMIT 10") ;;
		esac
		local pl fa
		read -r -a pl <<<"$plain"
		read -r -a fa <<<"$faceted"
		# Columns: see render.
		row "$name" "$e" "$articles" "$bytes" "$wall" "$cpu" "$rss" "$idx" "$comp" \
			"$shell" "$st" "${pl[4]}" "${pl[@]:0:4}" "${pl[@]:5}" \
			"${fa[@]:0:4}" "${fa[@]:5}"
		rm -rf "$db"
	done
	echo "$name	$words" >>"$tmp/shell-queries"
}

# ---- corpora and queries ----

prep=$here/bench/compare-prep.py
seed=8 # the issue's number: any fixed seed gives a fixed query set
have_bbc_queries=0
for s in "${size_list[@]}"; do
	if [ "$s" = rss ]; then
		[ -f "$corpora/rss-link-database-2023q4/rss-2023-q4-entries-json.tar.gz" ] ||
			die "no RSS corpus in '$corpora'"
		dir=$tmp/rss
		mkdir -p "$dir"
		echo "compare.sh: preparing the RSS corpus" >&2
		read -r articles bytes < <(python3 "$prep" rss \
			"$corpora/rss-link-database-2023q4/rss-2023-q4-entries-json.tar.gz" \
			"$dir" $rss_days)
		input=$corpora/rss-link-database-2023q4/rss-2023-q4-entries-json.tar.gz
		[ -z "$rss_days" ] || input=$dir/rss.tar.gz
		python3 "$prep" queries "$dir/peers.txt" "$seed" "$n_queries" "$dir/queries.tsv"
		cat "$input" >/dev/null
		# No section in feeds: the filter and the peers' facet are the
		# source; lede adds section and place, and a timeline.
		run_corpus rss "$input" "$dir/peers.txt" "$articles" "$bytes" \
			"$dir/queries.tsv" source source section place month
	else
		if [ "$have_bbc_queries" = 0 ]; then
			# One query set for every BBC size, drawn from the
			# original articles, so the sizes compare.
			mkdir -p "$tmp/bbc-queries"
			python3 "$prep" bbc "$corpora/bbc" 1 "$tmp/bbc-queries" >/dev/null
			python3 "$prep" queries "$tmp/bbc-queries/peers.txt" "$seed" \
				"$n_queries" "$tmp/bbc-queries.tsv"
			have_bbc_queries=1
		fi
		dir=$tmp/bbc$s
		mkdir -p "$dir"
		echo "compare.sh: preparing BBC x$s" >&2
		read -r articles bytes < <(python3 "$prep" bbc "$corpora/bbc" "$s" "$dir")
		input=$corpora/bbc
		[ "$s" = 1 ] || input=$dir/files
		find "$input" -type f -exec cat {} + >/dev/null
		run_corpus "bbc-x$s" "$input" "$dir/peers.txt" "$articles" "$bytes" \
			"$tmp/bbc-queries.tsv" section section place org
		rm -rf "$dir"
	fi
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

# ---- the table and the issue's ratios ----

# Columns of results.tsv, one line per corpus and engine:
#  1 corpus  2 engine  3 articles  4 bytes  5 wall s  6 CPU s  7 peak KiB
#  8 index KiB  9 compacted KiB  10 shell ms  11 exit status  12 docs
#  13-15 p50 p95 p99 (ms, no facets)  16 queries without a hit
#  17-22 p50 and p99 of words, phrase and filter queries
#  23-32 the same with facets
# A dash (or nothing, after a failed indexing) where there is no figure.
awk_lib='
function v(x) { return x == "" ? "-" : x }
function mb(kib) { return v(kib) == "-" ? "-" : sprintf("%.1f", kib * 1024 / 1e6) }
function trio(a, b, c) { return v(a) == "-" ? "-" : a " / " b " / " c }
function duo(a, b) { return v(a) == "-" ? "-" : a " / " b }
function engine(e) {
	if (e == "lede") return "lede (parallel first load)"
	if (e == "lede-1") return "lede, one writer (--jobs 1)"
	if (e == "omega") return "Omega scriptindex + quest"
	if (e == "xapian-1") return "minimal Xapian, one commit"
	if (e == "xapian-500") return "minimal Xapian, commit every 500"
	if (e == "fts5") return "SQLite FTS5"
	return e
}
function timed(x) { return v(x) != "-" && x > 0 }
'

render() {
	awk -F'\t' "$awk_lib"'
	BEGIN {
		print "| corpus | engine | articles | in index | index s | CPU s | articles/s | MB/s | peak MB | index MB | compacted MB | query ms p50 / p95 / p99 | with facets | one query from the shell, ms |"
		print "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"
	}
	{
		printf "| %s | %s%s | %d | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n",
			$1, engine($2), $11 != 0 ? " (exit " $11 ")" : "", $3,
			v($12), v($5), v($6),
			timed($5) ? sprintf("%.0f", $3 / $5) : "-",
			timed($5) ? sprintf("%.2f", $4 / 1e6 / $5) : "-",
			mb($7), mb($8), mb($9), trio($13, $14, $15),
			trio($23, $24, $25), v($10)
	}' "$results"
}

render_kinds() {
	awk -F'\t' "$awk_lib"'
	BEGIN {
		print "| corpus | engine | words p50 / p99 | phrase | filter | words, with facets | phrase, with facets | filter, with facets |"
		print "|---|---|---|---|---|---|---|---|"
	}
	v($17) != "-" {
		printf "| %s | %s | %s | %s | %s | %s | %s | %s |\n", $1,
			engine($2), duo($17, $18), duo($19, $20),
			duo($21, $22), duo($27, $28), duo($29, $30),
			duo($31, $32)
	}' "$results"
}

# The goals of issue 8, each a ratio or a bound within this run.
ratios() {
	awk -F'\t' "$awk_lib"'
	function goal(corpus, what, target, value, met) {
		printf "| %s | %s | %s | %s | %s |\n", corpus, what, target,
			value, met ? "yes" : "no"
	}
	function has(c, e) { return (c SUBSEP e) in rate }
	function q(c, e, a) { return has(c, e) && v(a[c, e]) != "-" }
	!timed($5) { next }
	{
		c = $1; e = $2
		rate[c, e] = $3 / $5
		rss[c, e] = $7 * 1024 / 1e6
		comp[c, e] = $9; sh[c, e] = $10
		p50[c, e] = $13; p99[c, e] = $15
		fp50[c, e] = $23; fp99[c, e] = $25
		if (!(c in seen)) { order[++n] = c; seen[c] = 1 }
	}
	END {
		print "| corpus | goal | target | measured | met |"
		print "|---|---|---|---|---|"
		for (i = 1; i <= n; i++) {
			c = order[i]
			if (!has(c, "lede"))
				continue
			l = rate[c, "lede"]
			if (has(c, "omega"))
				goal(c, "lede articles/s / scriptindex", ">= 3",
				     sprintf("%.2f", l / rate[c, "omega"]),
				     l >= 3 * rate[c, "omega"])
			if (has(c, "xapian-500"))
				goal(c, "lede articles/s / minimal Xapian every 500", ">= 2",
				     sprintf("%.2f", l / rate[c, "xapian-500"]),
				     l >= 2 * rate[c, "xapian-500"])
			if (has(c, "fts5"))
				goal(c, "FTS5 articles/s / lede", "<= 4",
				     sprintf("%.2f", rate[c, "fts5"] / l),
				     rate[c, "fts5"] <= 4 * l)
			if (c ~ /^bbc-x/ && c != "bbc-x1" && has("bbc-x1", "lede"))
				goal(c, "lede time per article / at x1", "<= 1.25",
				     sprintf("%.2f", rate["bbc-x1", "lede"] / l),
				     rate["bbc-x1", "lede"] <= 1.25 * l)
			goal(c, "lede peak memory, MB", "< 300",
			     sprintf("%.0f", rss[c, "lede"]), rss[c, "lede"] < 300)
			if (q(c, "lede", fp50)) {
				goal(c, "lede p50 with facets, ms", "<= 0.5",
				     fp50[c, "lede"], fp50[c, "lede"] <= 0.5)
				lim = c == "rss" ? 10 : 3
				goal(c, "lede p99 with facets, ms", "<= " lim,
				     fp99[c, "lede"], fp99[c, "lede"] <= lim)
			}
			if (q(c, "lede", fp50) && q(c, "xapian-500", fp50)) {
				goal(c, "lede p50 with facets / minimal Xapian with one", "<= 1",
				     sprintf("%.2f", fp50[c, "lede"] / fp50[c, "xapian-500"]),
				     fp50[c, "lede"] <= fp50[c, "xapian-500"])
				goal(c, "lede p99 with facets / minimal Xapian with one", "<= 1",
				     sprintf("%.2f", fp99[c, "lede"] / fp99[c, "xapian-500"]),
				     fp99[c, "lede"] <= fp99[c, "xapian-500"])
			}
			if (q(c, "lede", p50) && q(c, "fts5", p50))
				goal(c, "FTS5 p50 / lede p50, no facets", ">= 10",
				     sprintf("%.2f", p50[c, "fts5"] / p50[c, "lede"]),
				     p50[c, "fts5"] >= 10 * p50[c, "lede"])
			if (q(c, "lede", sh) && q(c, "omega", sh))
				goal(c, "lede-search / quest, one run from the shell", "<= 2",
				     sprintf("%.2f", sh[c, "lede"] / sh[c, "omega"]),
				     sh[c, "lede"] <= 2 * sh[c, "omega"])
			if (q(c, "lede", comp) && q(c, "omega", comp))
				goal(c, "lede compacted size / scriptindex", "<= 1",
				     sprintf("%.2f", comp[c, "lede"] / comp[c, "omega"]),
				     comp[c, "lede"] <= comp[c, "omega"])
		}
	}' "$results"
}

table=$(render)
kinds=$(render_kinds)
goals=$(ratios)
printf '%s\n\nLatency by kind of query, ms:\n\n%s\n\nGoals:\n\n%s\n' \
	"$table" "$kinds" "$goals"
# Queries that find nothing are quick everywhere: say so when any did.
awk -F'\t' '(v = $16 + $26) > 0 {
	printf "compare.sh: %s %s: %d queries found nothing\n", $1, $2, v
}' "$results" >&2

[ "$record" = 1 ] || exit 0

# ---- RESULTS.md: the run, the command and the machine ----

versions=$(dpkg-query -W -f '${Package} ${Version}, ' libxapian30 xapian-omega \
	libsqlite3-0 2>/dev/null | sed 's/, $//')
commit=$(git -C "$here" rev-parse --short HEAD 2>/dev/null || echo unknown)
git -C "$here" diff --quiet HEAD 2>/dev/null || commit="$commit (with local changes)"
first=1
grep -q '^# Speed against peers' "$here/bench/RESULTS.md" && first=0
{
	if [ "$first" = 1 ]; then
		printf '\n# Speed against peers\n\n'
		printf 'Runs of `bench/compare.sh` (issue 8); bench/README.md says what each\n'
		printf 'engine does and how each figure is taken. Every goal is a ratio within\n'
		printf 'one run: compare rows of one table, never across runs.\n'
	fi
	printf '\n## %s, lede %s\n\n' "$(date -u '+%Y-%m-%d %H:%M UTC')" "$commit"
	[ -z "$note" ] || printf '%s\n\n' "$note"
	printf '    %s\n\n' "$command_line"
	printf 'Machine: %s, %s cores, %s MB of memory; %s, Linux %s; %s;\n' \
		"$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)" \
		"$(nproc)" "$(awk '/^MemTotal/ { printf "%.0f", $2 / 1024 }' /proc/meminfo)" \
		"$(. /etc/os-release && echo "$PRETTY_NAME")" "$(uname -r)" \
		"$(cc --version | head -n 1)"
	printf '%s. Load average (1, 5, 15 min) %s before, %s after.\n' \
		"$versions" "$load_before" "$load_after"
	printf '%s queries (seed %s), each timed %s times after a warm-up; %s shell runs of one query:\n' \
		"$n_queries" "$seed" "$rounds" "$runs"
	sed 's/^\([^\t]*\)\t\(.*\)$/`\2` on \1/' "$tmp/shell-queries" | paste -sd, - |
		sed 's/,/, /g; s/$/./'
	printf '\n%s\n\nLatency by kind of query, ms (p50 / p99):\n\n%s\n\n' \
		"$table" "$kinds"
	printf 'The goals of issue 8:\n\n%s\n' "$goals"
} >>"$here/bench/RESULTS.md"
echo "compare.sh: appended to bench/RESULTS.md" >&2
