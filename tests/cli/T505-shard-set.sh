# T505-shard-set: lede-index --shard writes each article to the shard of
# its date and keeps incremental indexing whole across shards: re-runs
# skip unchanged files, a changed file's articles move between shards and
# leave none behind, --prune and --delete reach every shard.
# SPDX-License-Identifier: MIT
. "$(dirname "$0")/lib.sh"
DB="$LEDE_TMP/news"

mkdir in
cat >in/feed.jsonl <<'EOF'
{"id": "a1", "title": "Harbour wall repaired", "text": "The harbour wall was repaired in October.", "date": "2023-10-05", "source": "Coastal Times"}
{"id": "a2", "title": "Harbour fees rise", "text": "Harbour fees rise in November.", "date": "2023-11-05T10:00:00Z", "source": "Coastal Times"}
{"id": "a3", "title": "Harbour open day", "text": "An open day at the harbour, date unknown.", "source": "Valley Herald"}
EOF
cat >in/other.jsonl <<'EOF'
{"id": "b1", "title": "Harbour ferry returns", "text": "The harbour ferry returns in December.", "date": "2023-12-01", "source": "Valley Herald"}
EOF

run lede-index --db "$DB" --shard month in
expect_rc 0 "index into a new shard set"
expect_eq "$(LC_ALL=C ls "$DB" | tr '\n' ' ')" \
	"2023-10 2023-11 2023-12 XAPIANDB files undated " \
	"a shard per month, undated, the stub and the file records"
expect_eq "$(head -1 "$DB/XAPIANDB")" "# lede shard set: month" \
	"the stub's first line marks the set and its unit"
expect_eq "$(grep -c '^auto ' "$DB/XAPIANDB")" 4 "the stub lists the shards"
expect_eq "$(indexed_count)" 4 "four articles in the set"
expect_eq "$(ids --sort oldest harbour | tr '\n' ' ')" "a1 a2 b1 a3 " \
	"searched as one index, oldest first, undated last"

run lede-index --db "$DB" --stats --format json
expect_eq "$(jq .shards out)" 4 "--stats counts the shards"
expect_eq "$(jq .articles out)" 4 "--stats counts every shard's articles"
expect_eq "$(jq .files out)" 2 "--stats counts the set's file records"

# A second run: nothing read, nothing written.
stamp() { ls -l --time-style=+%s.%N "$DB"/*/*.glass | md5sum; }
before=$(stamp)
run lede-index --db "$DB" in
expect_rc 0 "run again"
expect_in err "0 new, 0 changed, 2 unchanged" "unchanged files are skipped"
expect_eq "$(stamp)" "$before" "an unchanged run writes no shard"

# The file changes: a1's date moves it to December, a2 is gone, a4 is new
# (in a month that had no shard).
sleep 2
cat >in/feed.jsonl <<'EOF'
{"id": "a1", "title": "Harbour wall repaired", "text": "The harbour wall was repaired in December after all.", "date": "2023-12-20", "source": "Coastal Times"}
{"id": "a3", "title": "Harbour open day", "text": "An open day at the harbour, date unknown.", "source": "Valley Herald"}
{"id": "a4", "title": "Harbour history", "text": "A history of the harbour.", "date": "2022-01-15", "source": "Valley Herald"}
EOF
run lede-index --db "$DB" in
expect_rc 0 "index the changed file"
expect_in err "0 new, 1 changed, 1 unchanged" "the changed file is read"
expect_eq "$(indexed_count)" 4 "a2 gone, a4 new: still four"
expect_eq "$(ids --sort oldest harbour | tr '\n' ' ')" "a4 b1 a1 a3 " \
	"a1 moved, a2 deleted, a4 added"
expect_eq "$(ids id:a1 | wc -l | tr -d ' ')" 1 "a1 is in one shard only"
lede-index --db "$DB/2023-10" --stats --format json >stats.json 2>err
expect_eq "$(jq .articles stats.json)" 0 "a1's old shard holds nothing"
lede-index --db "$DB/2023-12" --stats --format json >stats.json 2>err
expect_eq "$(jq .articles stats.json)" 2 "its new shard holds it and b1"
expect_in "$DB/XAPIANDB" "auto 2022-01" "the new month's shard is listed"

# The facets and the timeline count over every shard.
run lede-search --db "$DB" --format json --facet source --timeline month harbour
expect_eq "$(jq -c '[.facets.source[] | [.value, .count]]' out)" \
	'[["Valley Herald",3],["Coastal Times",1]]' "facets over the shards"
expect_eq "$(jq -c '[.timeline[] | [.period, .count]]' out)" \
	'[["2022-01",1],["2023-12",2]]' "the timeline over the shards"

# A file gone: --prune deletes its articles, wherever they are.
rm in/other.jsonl
run lede-index --db "$DB" --prune in
expect_rc 0 "prune"
expect_in err "1 gone" "the gone file is pruned"
expect_eq "$(ids harbour | sort | tr '\n' ' ')" "a1 a3 a4 " "b1 is gone"

# --delete finds an id in its shard.
run lede-index --db "$DB" --delete a4 nosuch
expect_rc 1 "delete one id found and one not"
expect_in err "no article 'nosuch'" "the missing id is reported"
expect_eq "$(ids harbour | sort | tr '\n' ' ')" "a1 a3 " "a4 is deleted"

# Standard input goes by date too, and replaces an id in another shard.
printf '{"id": "a3", "title": "Harbour open day", "text": "The open day is in March.", "date": "2024-03-02"}\n' |
	lede-index --quiet --db "$DB" --format jsonl -
expect_eq "$(ids --sort newest harbour | tr '\n' ' ')" "a3 a1 " \
	"a3 moved out of undated"
expect_eq "$(ids id:a3 | wc -l | tr -d ' ')" 1 "a3 is in one shard only"

# One writer for the whole set: the records' lock.
run lede-index --db "$DB" --shard year in
expect_rc 1 "another unit for an existing set"
expect_in err "shard set by month, not by year" "the message says both units"
mkdir single
lede-index --quiet --db single/idx in 2>/dev/null
run lede-index --db single/idx --shard month in
expect_rc 1 "--shard on a single index"
expect_in err "single index, not a shard set" "the message says what it is"
run lede-index --db "$DB" --shard weekly in
expect_rc 2 "an unknown unit"
run lede-index --db "$DB" --shard month --stats
expect_rc 2 "--shard with --stats"

# The set's stub lists only lede's shards; another line is refused for
# writing, and read as Xapian would.
cp "$DB/XAPIANDB" stub.saved
printf 'auto %s\n' "$LEDE_TMP/single/idx" >>"$DB/XAPIANDB"
run lede-index --db "$DB" in
expect_rc 1 "a set whose stub names an index outside it"
expect_in err "XAPIANDB:" "the message names the stub line"
run lede-search --db "$DB" --format ids harbour
expect_rc 0 "a reader reads such a stub"
cp stub.saved "$DB/XAPIANDB"

# Writing to a stub or a remote index is refused.
printf 'auto news\n' >my.stub
run lede-index --db my.stub in
expect_rc 1 "writing to a stub"
expect_in err "stub or remote index is for searching" "the message says why"

# An empty shard set is an empty index.
run lede-index --db empty --shard day --stats
expect_rc 2 "--stats does not make a set"
mkdir empty
lede-index --quiet --db empty --shard day "$LEDE_TMP/nothing" 2>/dev/null
run lede-search --db empty --format json harbour
expect_rc 0 "search an empty shard set"
expect_eq "$(jq .total.estimate out)" 0 "no hits"

done_testing
