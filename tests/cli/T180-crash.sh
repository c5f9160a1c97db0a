# T180-crash: killing lede-index (kill -9) at any moment loses at most the
# batch being written: after each kill the index opens, passes Xapian's
# consistency check and holds each id once; a last clean run leaves
# exactly the articles the folder holds, and the run after it reads
# nothing.
# SPDX-License-Identifier: MIT
. "$(dirname "$0")/lib.sh"
DB="$LEDE_TMP/db"
CHECK="${LEDE_CHECK:?set by ctest}"
KILLS=20

# The corpus: 600 small text files in 5 folders and 3 JSON lines files of
# 1,000 records each (files of many articles are where a kill can land
# between two commits of one file), written by awk: a shell loop is too
# slow. Files
# numbered from..to; JSON ids carry a generation, so a rewrite changes
# some records and drops others.
make_texts() { # FROM TO WORD
	awk -v from="$1" -v to="$2" -v word="$3" 'BEGIN {
		for (i = from; i <= to; i++) {
			f = sprintf("corpus/s%d/%04d.txt", i % 5, i)
			printf "Story %d about %s\n\n", i, word > f
			printf "Story %d tells of %s in harbour %d, %s.\n", i, word, i, word > f
			close(f)
		}
	}'
}
make_jsonl() { # FILE GENERATION FROM TO
	awk -v file="$1" -v gen="$2" -v from="$3" -v to="$4" 'BEGIN {
		for (i = from; i <= to; i++)
			printf "{\"id\": \"%s-%d\", \"title\": \"Record %d\", \"text\": \"Record %d of generation %s, ferries.\"}\n",
				file, i, i, i, gen > ("corpus/" file)
	}'
}
mkdir -p corpus/s0 corpus/s1 corpus/s2 corpus/s3 corpus/s4
make_texts 1 600 gulls
for f in a.jsonl b.jsonl c.jsonl; do make_jsonl $f 1 1 1000; done
# Old enough that their times can be trusted (files written in the last
# two seconds are compared by content).
touch -d '1 hour ago' corpus/*/*.txt corpus/*.jsonl

# expected: every id the corpus holds now, in byte order.
expected() {
	{
		(cd corpus && ls s?/*.txt)
		for f in corpus/*.jsonl; do
			sed 's/^{"id": "\([^"]*\)".*/\1/' "$f"
		done
	} | LC_ALL=C sort
}

# One run killed at a random moment: most runs are killed while writing.
seed=${T180_SEED:-$$}
echo "random seed $seed (T180_SEED=$seed to repeat)"
delays=$(awk -v seed="$seed" -v n=$KILLS 'BEGIN {
	srand(seed); for (i = 0; i < n; i++) printf "%.2f\n", 0.05 + rand() * 0.6 }')
k=0
for delay in $delays; do
	k=$((k + 1))
	# Halfway the folder changes under the runs: files deleted, added and
	# rewritten, a JSON file shortened; --prune from then on.
	# Every other run reads every file again, so that it has work to
	# be killed in even once the folder is indexed.
	opts=""
	if [ $((k % 2)) -eq 0 ]; then
		opts=--reread
	fi
	if [ $k -gt 10 ]; then
		opts="$opts --prune"
	fi
	if [ $k -eq 11 ]; then
		rm -f corpus/s*/01[0-3][0-9].txt
		make_texts 601 650 terns
		make_texts 200 260 cormorants
		make_jsonl b.jsonl 2 300 700
		rm corpus/c.jsonl
	fi
	lede-index --db "$DB" --quiet --no-extract --batch-size 50 $opts corpus \
		>run.out 2>run.err &
	pid=$!
	sleep "$delay"
	kill -9 $pid 2>/dev/null
	wait $pid 2>/dev/null
	if "$CHECK" "$DB" >check.out 2>check.err; then
		ok
	else
		not_ok "after kill $k (at ${delay}s): $(cat check.out check.err)"
	fi
	run lede-search --db "$DB" --format ids --limit 1 harbour
	expect_rc 0 "a search after kill $k"
done

run lede-index --db "$DB" --no-extract --prune corpus
expect_rc 0 "a clean run after $KILLS kills"
"$CHECK" --ids "$DB" >ids.out 2>check.err
expect_eq "$?" 0 "the index is sound: $(cat check.err)"
tail -n +2 ids.out >ids
expected >want
expect_same_file ids want "exactly the articles of the folder, each once"
expect_eq "$(wc -l <want | tr -d ' ')" 2011 "600 - 40 + 50 texts and 1,000 + 401 + 0 records"
# total QUERY: how many articles match.
total() {
	lede-search --db "$DB" --format json --limit 0 "$1" |
		sed -n 's/^    "estimate": \([0-9]*\),$/\1/p'
}
expect_eq "$(total '"generation 1"')" 1000 "a.jsonl's records, as they were"
expect_eq "$(total '"generation 2"')" 401 "b.jsonl's rewritten records"
expect_eq "$(total cormorants)" 61 "the rewritten texts"

# Every file is now recorded as read: the next run reads nothing.
run lede-index --db "$DB" --no-extract --prune corpus
expect_rc 0 "one more run"
expect_in err "0 articles from 0 files" "it reads nothing"
expect_in err "0 new, 0 changed, 612 unchanged, 0 gone" "every file is unchanged"

done_testing
