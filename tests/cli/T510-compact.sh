# T510-compact: lede-index --compact keeps every article and every search
# result as they were, swaps the compact copy in under the same name, and
# recovers from what a crash can leave beside the index.
# SPDX-License-Identifier: MIT
. "$(dirname "$0")/lib.sh"
command -v jq >/dev/null 2>&1 || skip "jq is not installed"
DB="$LEDE_TMP/db"

for d in news exports formats messages awkward; do
	lede-index --quiet --db "$DB" "$FIXTURES/$d" 2>/dev/null
	lede-index --quiet --db set --shard year "$FIXTURES/$d" 2>/dev/null
done

# answers INDEX: what lede-search says of it, for many queries, in one
# file; and the ids of every article.
answers() {
	: >"$2"
	for q in "harbour OR council" "the OR a OR in" '"harbour wall"' \
		"section:sport OR source:\"Coastal Times\""; do
		for opts in "-n 100" "-n 100 --sort newest" \
			"-n 0 --facet source --facet place --facet person --facet section --timeline month" \
			"-n 5 --explain" "-n 20 --like business/001.txt"; do
			# shellcheck disable=SC2086 # $opts is a list of options
			lede-search --db "$1" --format json $opts "$q" |
				canon --drop took_ms >>"$2"
		done
	done
	lede-search --db "$1" --format ids -n 1000 "the OR a OR in OR of" |
		sort >>"$2"
	lede-index --db "$1" --stats --format json |
		jq -c '{articles, terms, words, files, files_pending, fields}' \
			>>"$2"
}

answers "$DB" before.txt
[ "$(grep -c . before.txt)" -gt 100 ] && ok || not_ok "answers are there"
run lede-index --db "$DB" --compact
expect_rc 0 "compact the index"
expect_in err "compacted '$DB'" "says what it compacted"
answers "$DB" after.txt
expect_same_file after.txt before.txt "every answer is the same"
expect_eq "$(ls -d "$DB"* | tr '\n' ' ')" "$DB " "nothing is left beside it"
run lede-index --db "$DB" "$FIXTURES/news"
expect_rc 0 "index again after compaction"
expect_in err "0 new, 0 changed, 8 unchanged" "its file records are kept"

# A shard set: every shard, then its records.
answers set set-before.txt
run lede-index --db set --compact
expect_rc 0 "compact a shard set"
answers set set-after.txt
expect_same_file set-after.txt set-before.txt \
	"every answer of the set is the same"
run lede-index --db set/2023 --compact --quiet
expect_rc 0 "compact one shard"
expect_eq "$(cat err)" "" "--quiet says nothing"
answers set set-after.txt
expect_same_file set-after.txt set-before.txt "and again"

# What a crash leaves: a copy never swapped in is removed...
mkdir "$DB.lede-compact"
echo junk >"$DB.lede-compact/postlist.glass"
run lede-index --db "$DB" --compact
expect_rc 0 "compact with a leftover copy beside"
expect_eq "$(ls -d "$DB"* | tr '\n' ' ')" "$DB " "the leftover is gone"
# ... and with the old index moved aside and the new one not yet in
# place (where folders cannot be swapped in one rename), the next
# compaction puts the new one in place.
cp -r "$DB" "$DB.lede-compact"
mv "$DB" "$DB.lede-old"
run lede-search --db "$DB" harbour
expect_rc 1 "no index between the two renames"
run lede-index --db "$DB" --compact
expect_rc 0 "compaction finishes the move"
answers "$DB" after.txt
expect_same_file after.txt before.txt "the index is whole"
expect_eq "$(ls -d "$DB"* | tr '\n' ' ')" "$DB " "nothing is left beside it"

# Refused: a locked index, a stub, nothing there.
lede-index --db "$DB" --watch "$FIXTURES/news" >watch.out 2>&1 &
watch=$!
n=0
until grep -q "watching" watch.out || [ "$n" -ge 100 ]; do
	sleep 0.05
	n=$((n + 1))
done
run lede-index --db "$DB" --compact
expect_rc 1 "compact an index a writer holds"
expect_in err "locked" "the message says it is locked"
kill "$watch"
wait "$watch"
printf 'auto db\n' >my.stub
run lede-index --db my.stub --compact
expect_rc 1 "compact a stub"
expect_in err "stub or remote" "the message says why"
run lede-index --db nowhere --compact
expect_rc 1 "compact nothing"
expect_in err "no index at 'nowhere'" "the message names the path"
run lede-index --db "$DB" --compact "$FIXTURES/news"
expect_rc 2 "--compact takes no paths"

done_testing
