# T150-incremental: a second run reads only what changed, replaces a
# changed file's articles, deletes those it no longer holds, and with
# --prune forgets files that are gone.
# SPDX-License-Identifier: MIT
. "$(dirname "$0")/lib.sh"
DB="$LEDE_TMP/db"

cp -R "$FIXTURES/news" news
# Files written in the last two seconds are compared by content, so that
# a change within one timestamp tick is not missed; these are older.
old() { touch -d '1 hour ago' "$@"; }
old news/*/* news/*

run lede-index --db "$DB" news
expect_rc 0 "the first run"
expect_in err "11 articles from 8 files" "reads every file"
expect_in err "files: 8 new, 0 changed, 0 unchanged, 0 gone" "all new"

# An unchanged folder: nothing read, nothing written.
sums() { (cd "$DB" && cksum -- * | sort); }
sums >before
run lede-index --db "$DB" news
expect_rc 0 "the same folder again"
expect_in err "0 articles from 0 files" "nothing is read"
expect_in err "(11 in the index)" "nothing is lost"
expect_in err "files: 0 new, 0 changed, 8 unchanged, 0 gone" "all unchanged"
sums >after
expect_same_file after before "the index is byte for byte as it was"

# Touched, or copied with a new time: the content decides.
touch -d '30 minutes ago' news/sport/001.txt
run lede-index --db "$DB" news
expect_in err "0 articles from 0 files" "a touched file is not read again"
expect_in err "8 unchanged" "it is unchanged"
# Same size, other content: the hash tells.
sed 's/marathon/Marathon/' news/sport/002.txt >tmp && cat tmp >news/sport/002.txt
old news/sport/002.txt
run lede-index --db "$DB" news
expect_in err "1 articles from 1 files" "the file with new content is read"
expect_in err "0 new, 1 changed, 7 unchanged" "and counted as changed"

# A JSON lines file loses a record and changes another: the one it no
# longer holds is deleted, the other replaced.
jsonl=$(ls news/*.jsonl news/*/*.jsonl 2>/dev/null | head -n 1)
[ -n "$jsonl" ] || not_ok "the fixtures have a JSON lines file"
first_id=$(sed -n '1s/^{"id": *"\([^"]*\)".*/\1/p' "$jsonl")
records=$(wc -l <"$jsonl" | tr -d ' ')
expect_eq "$(ids "id:$first_id")" "$first_id" "the first record is indexed"
sed 1d "$jsonl" >tmp && cat tmp >"$jsonl"
old "$jsonl"
run lede-index --db "$DB" news
expect_rc 0 "a shortened JSON lines file"
expect_in err "$((records - 1)) articles from 1 files" "its records are read again"
expect_in err "1 articles deleted" "the vanished record is deleted"
expect_in err "(10 in the index)" "one article fewer"
expect_eq "$(ids "id:$first_id")" "" "it is gone from searches"

# A file deleted: kept without --prune, deleted with it.
rm news/culture/001.txt
run lede-index --db "$DB" news
expect_in err "(10 in the index)" "without --prune a gone file's articles stay"
expect_in err "0 gone" "and nothing is gone"
run lede-index --db "$DB" --prune news
expect_rc 0 "--prune"
expect_in err "1 gone; 1 articles deleted" "the gone file is forgotten"
expect_in err "(9 in the index)" "its article with it"
expect_eq "$(ids 'id:culture/001.txt')" "" "and not found"

# --prune only looks below the paths given.
printf 'Ospreys return\n\nOspreys nest by the loch again.\n' >osprey.txt
old osprey.txt
run lede-index --db "$DB" osprey.txt
expect_in err "(10 in the index)" "a file named directly"
rm osprey.txt
run lede-index --db "$DB" --prune news
expect_in err "(10 in the index)" "pruning news leaves osprey.txt alone"
# A path that is gone is pruned, not an error, when the index knew it.
run lede-index --db "$DB" --prune osprey.txt
expect_rc 0 "--prune of a gone file the index knew"
expect_in err "1 gone" "it is forgotten"
expect_in err "(9 in the index)" "with its article"
run lede-index --db "$DB" --prune nowhere.txt
expect_rc 1 "a path the index never knew is still an error"
expect_in err "cannot read 'nowhere.txt'" "and named"

# --reread reads everything, changed or not.
run lede-index --db "$DB" --reread news
expect_in err "0 new, 7 changed, 0 unchanged" "--reread reads every file"
expect_in err "(9 in the index)" "and duplicates nothing"

# Links: a folder reached twice is walked once.
mkdir -p linked/a
cp "$FIXTURES/news/sport/001.txt" linked/a/x.txt
ln -s a linked/b
ln -s .. linked/a/up
run lede-index --db "$DB" linked
expect_rc 0 "a folder with links back and across"
expect_in err "skipping 'linked/a/up': symbolic link to a folder already walked" \
	"the link back up is not followed"
expect_in err "skipping 'linked/b': symbolic link to a folder already walked" \
	"nor the second way into a"
expect_eq "$(ids 'id:a/x.txt')" "a/x.txt" "the file is indexed once"

run lede-index --db "$DB" --batch-size lots news
expect_rc 2 "--batch-size wants a number"

# Progress: on a terminal only (script(1) gives one), never with --quiet.
run lede-index --db "$DB" --reread news
expect_not_in err "articles/s" "no progress when stderr is not a terminal"
if command -v script >/dev/null 2>&1; then
	script -qec "lede-index --db '$DB' --reread news" /dev/null >tty.out 2>&1
	expect_in tty.out "/7 files, " "progress on a terminal, with the number of files"
	expect_in tty.out "articles/s" "with the rate"
	script -qec "lede-index --db '$DB' --reread --quiet news" /dev/null >tty.out 2>&1
	expect_not_in tty.out "articles/s" "--quiet shows none"
else
	echo "no script(1): the terminal checks are left out"
fi

done_testing
