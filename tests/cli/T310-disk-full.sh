# T310-disk-full: when the disk fills while indexing, lede-index stops
# with a message naming the index and the cause, and the index still opens
# with everything committed before.
# SPDX-License-Identifier: MIT
#
# A full disk is simulated with a file-size limit (ulimit -f, in 512-byte
# blocks; SIGXFSZ ignored so write() fails with EFBIG instead of killing
# the program): it needs no privileges, unlike a small tmpfs.
. "$(dirname "$0")/lib.sh"
DB="$LEDE_TMP/db"

run lede-index --db "$DB" "$FIXTURES/news"
expect_rc 0 "commit a first batch"
before=$(lede-search --db "$DB" --format ids --limit 5000 NOT zzqxj | sort)
[ -n "$before" ] && ok || not_ok "the first batch is searchable"

# Enough new words that the tables must grow well past the limit.
i=0
while [ $i -lt 1000 ]; do
	printf '{"id": "gen-%d", "headline": "Harbour report %d", "body": "Ferry crossing %d carried alpha%d beta%d gamma%d passengers across the estuary.", "date": "2024-01-%02d"}\n' \
		$i $i $i $i $i $i $((i % 28 + 1))
	i=$((i + 1))
done >more.jsonl

# The largest table file plus 8 KiB: a few new blocks, no more.
largest=$(ls -l "$DB" | awk '$5 > max { max = $5 } END { print max }')
limit=$((largest / 512 + 16))
(
	trap '' XFSZ
	ulimit -f "$limit" || exit 99
	exec lede-index --db "$DB" --no-extract more.jsonl
) >out 2>err
rc=$?
[ "$rc" -ne 99 ] || skip "cannot set a file-size limit here"
expect_rc 1 "indexing into a full disk fails"
expect_in err "index '$DB'" "the message names the index"
expect_in err "File too large" "and the cause"
[ "$(grep -c '^lede-index: cannot' err)" -eq 1 ] && ok ||
	not_ok "one error, then it stops: $(cat err)"
# The summary tells what the index holds, not what was read.
expect_in err "stopped by the error above" "the summary says the run stopped"
held=$(lede-index --db "$DB" --stats 2>/dev/null |
	awk '$1 == "articles" { print $2 }')
expect_in err "holds $held articles as of its last commit" \
	"and how many articles the index holds"
expect_not_in err "into '$DB'" "never that the articles read went in"

# Everything committed before is still there, and the index is sound.
run dbtool check "$DB"
expect_rc 0 "the index passes Xapian's check"
run lede-search --db "$DB" --format ids --limit 5000 NOT zzqxj
expect_rc 0 "the index still opens for searching"
grep -v '^gen-' out | sort >after
printf '%s\n' "$before" >before
expect_same_file after before "every article committed before is there"
run lede-search --db "$DB" --format ids copper
expect_in out "business/002.txt" "and found"

# With room again, the next run takes the new articles.
run lede-index --db "$DB" --no-extract more.jsonl
expect_rc 0 "indexing again with room succeeds"
expect_eq "$(indexed_count)" "$(($(wc -l <before) + 1000))" \
	"every new article is in the index"

done_testing
