#!/bin/bash
# shards.sh: search latency over 1, 4 and 8 shards, local and remote
# (xapian-tcpsrv on loopback), and the cost of compaction, on the RSS
# corpus. Prints markdown tables for bench/RESULTS.md.
# SPDX-License-Identifier: MIT
#
#   bench/shards.sh [BUILD] [WORK]
#
# BUILD holds lede-index and lede-search (default build-rel, configured
# with -DCMAKE_BUILD_TYPE=Release); WORK is a scratch folder with room for
# the corpus unpacked and three copies of its index (about 5 GB; default
# /tmp/lede-bench-shards). Indexes already in WORK are used again, so a
# second run only measures. CORPUS names the tarball (default
# ../shared/corpora/rss-link-database-2023q4/rss-2023-q4-entries-json.tar.gz).
#
# The layouts: "1" is the whole corpus indexed as one index, as a user
# would (lede-index on the tarball); "8" are eight indexes of eight runs
# of consecutive days, indexed one by one from the unpacked corpus; "4" are
# those merged by pairs with Xapian's xapian-compact (an index per 23 days
# or so). Remote: each shard served by its own xapian-tcpsrv on loopback,
# searched with --db tcp://127.0.0.1:PORT.
#
# Each measure is the median of five runs of lede-search --batch over the
# queries below (one process, the indexes opened once), as milliseconds per
# query; "open" is one lede-search process opening the shards and running
# one query, the cost a single command-line search pays.
set -eu

build=${1:-build-rel}
work=${2:-/tmp/lede-bench-shards}
corpus=${CORPUS:-../shared/corpora/rss-link-database-2023q4/rss-2023-q4-entries-json.tar.gz}
index="$build/lede-index"
search="$build/lede-search"
for tool in "$index" "$search"; do
	[ -x "$tool" ] || { echo "shards.sh: no $tool (build it)" >&2; exit 1; }
done
for tool in xapian-tcpsrv xapian-compact setsid jq; do
	command -v "$tool" >/dev/null ||
		{ echo "shards.sh: $tool is not installed" >&2; exit 1; }
done
[ -f "$corpus" ] || { echo "shards.sh: no corpus at $corpus" >&2; exit 1; }
mkdir -p "$work"

# ---- The indexes ------------------------------------------------------------

now() { date +%s.%N; }
# elapsed T0 T1 [SCALE]: (T1 - T0) * SCALE, two decimals.
elapsed() { awk -v a="$1" -v b="$2" -v k="${3:-1}" 'BEGIN { printf "%.2f\n", (b - a) * k }'; }

if [ ! -d "$work/one" ]; then
	t0=$(now)
	"$index" --quiet --db "$work/one" "$corpus" 2>"$work/one.log" || true
	echo "indexed one: $(elapsed "$t0" "$(now)") s" >&2
fi
if [ ! -d "$work/unpacked" ]; then
	mkdir -p "$work/unpacked"
	tar -xzf "$corpus" -C "$work/unpacked"
fi
mapfile -t days < <(find "$work/unpacked" -mindepth 3 -maxdepth 3 -type d |
	sort)
ndays=${#days[@]}
for g in 0 1 2 3 4 5 6 7; do
	[ -d "$work/s8/$g" ] && continue
	# A folder of links to the group's days, named on the command line:
	# files are known by their path below it (2023-10-01/feed.json), as
	# every day has a file of each feed's name.
	rm -rf "$work/groups/$g"
	mkdir -p "$work/groups/$g"
	for ((d = g * ndays / 8; d < (g + 1) * ndays / 8; d++)); do
		ln -s "${days[d]}" "$work/groups/$g/${days[d]##*/}"
	done
	t0=$(now)
	"$index" --quiet --db "$work/s8/$g" "$work/groups/$g" \
		2>"$work/s8-$g.log" || true
	echo "indexed s8/$g: $(elapsed "$t0" "$(now)") s" >&2
done
for g in 0 1 2 3; do
	[ -d "$work/s4/$g" ] && continue
	mkdir -p "$work/s4"
	# It warns that metadata differs (each index's commit time and
	# language list): it keeps the first's.
	xapian-compact --quiet "$work/s8/$((2 * g))" "$work/s8/$((2 * g + 1))" \
		"$work/s4/$g" >"$work/s4-$g.log" 2>&1
done

# ---- Searching ------------------------------------------------------------

queries="$work/queries.txt"
cat >"$queries" <<'EOF'
climate
election
"prime minister"
ukraine OR gaza
bitcoin price
football
inflation rates
title:apple
quantum computing
the
EOF
nq=$(grep -c . "$queries")

pids=()
stop_servers() {
	for p in "${pids[@]}"; do
		kill "$p" 2>/dev/null || true
		wait "$p" 2>/dev/null || true
	done
	pids=()
}
trap stop_servers EXIT
port=$((30000 + $$ % 20000))
# serve DIR: starts a xapian-tcpsrv on DIR (in a session of its own: it
# signals its process group when it stops); its tcp:// name in $served.
serve() {
	while :; do
		port=$((port + 1))
		setsid xapian-tcpsrv --interface 127.0.0.1 --port "$port" "$1" \
			>"$work/srv.$port.log" 2>&1 &
		local pid=$!
		for _ in $(seq 50); do
			grep -q Listening "$work/srv.$port.log" && break
			kill -0 "$pid" 2>/dev/null || break
			sleep 0.1
		done
		if grep -q Listening "$work/srv.$port.log"; then
			pids+=("$pid")
			served="tcp://127.0.0.1:$port"
			return
		fi
		wait "$pid" 2>/dev/null || true
	done
}

# use LAYOUT WHERE: sets opts to the --db options of a layout, its shards
# local or each served on loopback.
use() {
	local dirs=() d
	case $1 in
	1) dirs=("$work/one") ;;
	4) dirs=("$work"/s4/0 "$work"/s4/1 "$work"/s4/2 "$work"/s4/3) ;;
	8) for g in 0 1 2 3 4 5 6 7; do dirs+=("$work/s8/$g"); done ;;
	esac
	opts=()
	for d in "${dirs[@]}"; do
		if [ "$2" = remote ]; then
			serve "$d"
			opts+=(--db "$served")
		else
			opts+=(--db "$d")
		fi
	done
}

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

# ms_per_query OPTIONS...: the batch's median time per query, in ms.
ms_per_query() {
	for _ in 1 2 3 4 5; do
		t0=$(now)
		"$search" "$@" --batch "$queries" >/dev/null
		elapsed "$t0" "$(now)" "$((1000 / nq))"
	done | median
}

# ms_open OPTIONS...: one process, one query, in ms.
ms_open() {
	for _ in 1 2 3 4 5; do
		t0=$(now)
		"$search" "$@" --format json climate >/dev/null
		elapsed "$t0" "$(now)" 1000
	done | median
}

# Every layout gives the same totals: a check that the shards hold the
# corpus (the batch's queries' matches, summed; a facet makes them
# exact rather than estimated).
totals() {
	"$search" "$@" --limit 0 --facet language --batch "$queries" |
		jq -s 'map(.total.estimate) | add'
}

echo "| shards | where | matches (sum) | plain ms/query | facets+timeline ms/query | newest ms/query | open+1 query ms |"
echo "|---|---|---|---|---|---|---|"
for layout in 1 4 8; do
	for where in local remote; do
		use "$layout" "$where"
		n=$(totals "${opts[@]}")
		plain=$(ms_per_query "${opts[@]}")
		facets=$(ms_per_query "${opts[@]}" --facet source \
			--facet language --timeline day)
		newest=$(ms_per_query "${opts[@]}" --sort newest)
		open=$(ms_open "${opts[@]}")
		echo "| $layout | $where | $n | $plain | $facets | $newest | $open |"
		stop_servers
	done
done

# ---- Compaction -------------------------------------------------------------

echo
echo "| index | articles | before MiB | after MiB | seconds | plain ms/query before | after |"
echo "|---|---|---|---|---|---|---|"
for src in one s8/0; do
	copy="$work/compact-$(echo "$src" | tr / -)"
	rm -rf "$copy"
	cp -r "$work/$src" "$copy"
	articles=$("$index" --db "$copy" --stats --format json | jq .articles)
	before_ms=$(ms_per_query --db "$copy")
	t0=$(now)
	"$index" --db "$copy" --compact 2>"$work/compact.log"
	secs=$(elapsed "$t0" "$(now)")
	sizes=$(sed -n "s/.*: \([0-9.]*\) MiB to \([0-9.]*\) MiB.*/\1 \2/p" \
		"$work/compact.log")
	after_ms=$(ms_per_query --db "$copy")
	echo "| $src | $articles | ${sizes% *} | ${sizes#* } | $secs | $before_ms | $after_ms |"
	rm -rf "$copy"
done
