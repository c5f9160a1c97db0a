# T130-archives: compressed files and archives are read without unpacking;
# exports with their own key names are mapped; damage is reported.
# SPDX-License-Identifier: MIT
. "$(dirname "$0")/lib.sh"
DB="$LEDE_TMP/db"
EXPORTS="$FIXTURES/exports"

# A tarball of the sample folder: members are named inside it, and the
# folder holding each gives its section.
tar -C "$FIXTURES" -czf news.tar.gz news
run lede-index --db "$DB" news.tar.gz
expect_rc 0 "indexing a .tar.gz"
expect_eq "$(indexed_count)" 11 "7 text files and 4 JSON lines, as unpacked"
expect_eq "$(ids 'id:news.tar.gz/news/sport/002.txt')" \
	"news.tar.gz/news/sport/002.txt" "a member's id is archive/member"
expect_eq "$(ids 'section:sport marathon')" "news.tar.gz/news/sport/002.txt" \
	"the member's folder is its section"
run lede-index --db "$DB" news.tar.gz
expect_eq "$(indexed_count)" 11 "the same archive again replaces"

# A plain tar and a zip-free gzip of one JSON lines file.
tar -C "$FIXTURES/news" -cf plain.tar culture
gzip -c "$FIXTURES/news/world.jsonl" >world.jsonl.gz
run lede-index --db "$DB" plain.tar world.jsonl.gz
expect_rc 0 "a .tar and a .jsonl.gz"
expect_eq "$(ids 'id:world-0001')" "world-0001" "a record from the .gz"
expect_eq "$(ids 'id:plain.tar/culture/001.txt')" "plain.tar/culture/001.txt" \
	"a member of the .tar"

# Standard input may be compressed too.
printf 'Quayside reopens\n\nThe quayside reopened after the storm.\n' |
	gzip -c >harbour.txt.gz
run lede-index --db "$DB" - <harbour.txt.gz
expect_rc 0 "gzip on standard input"
expect_eq "$(ids quayside | wc -l | tr -d ' ')" 1 "its article is found"

# A gzip cut short: what came before the damage is indexed, the file is
# named, and the exit status says something failed.
seq 1 400 | sed 's/.*/{"id": "cut-&", "title": "Record & of the cut file", "text": "Lighthouses and tides, record &."}/' |
	gzip -c >cut.jsonl.gz
size=$(wc -c <cut.jsonl.gz)
head -c $((size / 2)) cut.jsonl.gz >half.jsonl.gz
run lede-index --db "$DB" half.jsonl.gz
expect_rc 1 "a truncated gzip is a failure"
expect_in err "half.jsonl.gz" "the message names the file"
expect_in err "cut short" "and says what is wrong"
n=$(ids 'id:cut-1' | wc -l | tr -d ' ')
expect_eq "$n" 1 "records before the damage were indexed"

# An archive member that is binary is skipped by name; the rest is read.
mkdir -p mixed/pics
printf 'x\0y' >mixed/pics/photo.txt
cp "$FIXTURES/news/tech/001.txt" mixed/pics/story.txt
printf 'About\n' >mixed/README
tar -czf mixed.tar.gz mixed
run lede-index --db "$DB" mixed.tar.gz
expect_in err "mixed.tar.gz/mixed/pics/photo.txt: binary data" \
	"the binary member is named"
expect_not_in err "README" "documentation in an archive is left out quietly"
expect_eq "$(ids 'id:mixed.tar.gz/mixed/pics/story.txt')" \
	"mixed.tar.gz/mixed/pics/story.txt" "the other member was indexed"

# Not an archive at all, though named like one: read by content.
cp "$FIXTURES/news/tech/001.txt" notreally.tar.gz
run lede-index --db "$DB" notreally.tar.gz
expect_rc 0 "a text file named .tar.gz is read as text"

# A 0-byte file.
: >empty.txt
run lede-index --db "$DB" empty.txt
expect_rc 1 "an empty file is a failure"
expect_in err "empty.txt" "named"

# --map: an export's own key names.
run lede-index --db "$DB" --map kicker=headline --map copy=body \
	--map writer=authors --map desk=section --map when=date --map ref=id \
	"$EXPORTS/custom-keys.jsonl"
expect_rc 0 "indexing with --map"
expect_eq "$(ids 'section:transport')" "cms-1001" "mapped section"
expect_eq "$(ids 'author:novak')" "cms-1001" "mapped author"
run lede-index --db "$DB" --map nonsense "$EXPORTS/custom-keys.jsonl"
expect_rc 2 "a bad --map is a usage error"
expect_in err "cannot read map 'nonsense': expected KEY=FIELD" "and says why"

# A feed export: HTML reduced to text, source and section from the link.
run lede-index --db "$DB" "$EXPORTS/feed-export.json"
expect_rc 0 "a JSON array export"
expect_in err "record 3: record has no headline or body (skipped)" \
	"the empty record is reported"
run lede-search --db "$DB" --format json cranes
expect_in out '"source": "example-news.co.uk"' "source from the link's host"
expect_in out '"section": "world"' "section from the link's path"
expect_not_in out '<p>' "no markup in the snippet"

done_testing
