#!/bin/sh
# eval-ranking.sh: lede's ranking on the relevance collections in
# ../shared/eval (Cranfield, MEDLINE, ADI), scored by their score.py.
# SPDX-License-Identifier: MIT
#
# usage: bench/eval-ranking.sh [BUILD_DIR]     (default: build)
# Prints MAP, nDCG@10, P@10, Recall@100 and MRR per collection; compare with
# the figures in ../shared/eval/README.md. Queries are searched as plain
# words: their punctuation is dropped so that no query is a syntax error.
#
# Experiments: in a build configured with -DCMAKE_C_FLAGS=-DLEDE_TUNING
# (and only there) the environment overrides the ranking defaults:
#   LEDE_BM25_K1, LEDE_BM25_B     read by lede-search (searcher/search.c)
#   LEDE_HEADLINE_WDFINC          read by lede-index (indexer/writer.c)
# e.g.  cmake -S . -B build-tune -DCMAKE_C_FLAGS=-DLEDE_TUNING
#       cmake --build build-tune -j2
#       LEDE_BM25_K1=0.9 LEDE_BM25_B=0.5 bench/eval-ranking.sh build-tune
# A normal build ignores them. Every run indexes afresh, so a headline
# weight takes effect. See bench/RESULTS.md for the measured grid.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$here/build}
eval_dir=$here/../shared/eval
[ -d "$eval_dir" ] || { echo "no $eval_dir" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

for coll in cran med adi; do
	db=$tmp/$coll.lede
	"$build/lede-index" --quiet --db "$db" "$eval_dir/$coll/docs.jsonl"
	run=$tmp/$coll.run
	: >"$run"
	while IFS="$(printf '\t')" read -r qid text; do
		words=$(printf '%s' "$text" | tr -c '[:alnum:]' ' ')
		# shellcheck disable=SC2086
		"$build/lede-search" --db "$db" --format json --limit 1000 \
			-- $words |
			"$build/tests/json_canon" |
			awk -v q="$qid" '
				/^      "id": / { gsub(/[",]/, "", $2); id = $2 }
				/^      "rank": / { gsub(/,/, "", $2); rank = $2 }
				/^      "score": / {
					gsub(/,/, "", $2)
					print q, "Q0", id, rank, $2, "lede"
				}' >>"$run"
	done <"$eval_dir/$coll/queries.tsv"
	printf '%s: ' "$coll"
	python3 "$eval_dir/score.py" "$eval_dir/$coll/qrels.txt" "$run" |
		tr '\n' ' '
	echo
done
