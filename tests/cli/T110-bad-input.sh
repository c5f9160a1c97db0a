# T110-bad-input: bad files are named, repaired or skipped; the rest goes on.
# SPDX-License-Identifier: MIT
. "$(dirname "$0")/lib.sh"
DB="$LEDE_TMP/db"
AWK="$FIXTURES/awkward"

run lede-index --db "$DB" "$AWK/latin1.txt"
expect_rc 0 "invalid UTF-8 is not fatal"
expect_in err "warning: $AWK/latin1.txt:1: invalid UTF-8" \
	"the warning names the file and line"
expect_eq "$(ids 'owners rent')" "$AWK/latin1.txt" "the article was indexed"

run lede-index --db "$DB" "$AWK/bad-line.jsonl"
expect_rc 0 "a bad JSON line is a warning"
expect_in err "$AWK/bad-line.jsonl:2" "the warning names line 2"
expect_eq "$(ids lighthouses | sort | tr '\n' ' ')" \
	"$AWK/bad-line.jsonl#1 $AWK/bad-line.jsonl#3 " "lines 1 and 3 indexed"

run lede-index --db "$DB" "$AWK/dup-id.jsonl"
expect_eq "$(ids 'id:dup-1' | wc -l | tr -d ' ')" 1 "a duplicate id is one article"
run lede-search --db "$DB" --format json 'id:dup-1'
expect_in out "Corrected version" "the later record wins"

run lede-index --db "$DB" "$AWK/blank.txt" "$AWK/empty-body.txt" nonexistent.txt
expect_rc 1 "failed files make the exit status 1"
expect_in err "blank.txt" "the empty file is named"
expect_in err "cannot read 'nonexistent.txt'" "a missing file is named"
expect_eq "$(ids 'id:'"$AWK/empty-body.txt")" "$AWK/empty-body.txt" \
	"the other files were still indexed"

printf 'x\0y' >binary.bin
run lede-index --db "$DB" binary.bin
expect_in err "binary.bin: binary data, not an article (skipped)" \
	"binary files are skipped"

mkdir -p folder/sub
cp "$FIXTURES/news/sport/001.txt" folder/sub/a.txt
printf 'About this folder\n' >folder/README.md
ln -s .. folder/sub/loop
run lede-index --db "$DB" folder
expect_rc 0 "a folder with a README and a link loop"
expect_in err "skipping 'folder/README.md': documentation" "README skipped"
expect_in err "symbolic link to a folder" "link loops are not followed"
expect_eq "$(ids 'id:sub/a.txt')" "sub/a.txt" "the article in it was indexed"

# Over the size limit: skipped with a message, not read whole.
head -c 17000000 /dev/zero | tr '\0' 'a' >huge.txt
run lede-index --db "$DB" huge.txt
expect_in err "over the 16 MiB limit (skipped)" "a 17 MB article is skipped"

# A query with invalid UTF-8 is repaired, and JSON output stays valid.
run lede-search --db "$DB" --format json "$(printf 'caf\351')"
expect_rc 0 "a query with a Latin-1 byte"
canon <out >/dev/null 2>&1 && ok || not_ok "its JSON output is valid"

done_testing
