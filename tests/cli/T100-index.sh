# T100-index: indexing folders, files and stdin; ids are stable.
# SPDX-License-Identifier: MIT
. "$(dirname "$0")/lib.sh"
DB="$LEDE_TMP/db"

run lede-index --db "$DB" "$FIXTURES/news"
expect_rc 0 "indexing the sample articles"
expect_eq "$(indexed_count)" 11 "7 text files and 4 JSON lines"
expect_in err "11 articles from 8 files" "the summary counts them"

# Again: ids are stable, so the count stays.
run lede-index --db "$DB" "$FIXTURES/news"
expect_rc 0 "indexing the same folder again"
expect_eq "$(indexed_count)" 11 "re-indexing replaces, never duplicates"

# The same folder reached by another path keeps its ids.
run lede-index --db "$DB" "$FIXTURES/news/"
expect_eq "$(indexed_count)" 11 "a trailing slash changes no id"

# Ids: relative to the folder named; a JSON record's own id.
expect_eq "$(ids 'id:business/001.txt')" "business/001.txt" "file id"
expect_eq "$(ids 'id:world-0002')" "world-0002" "JSON record id"
# The folder gave the section.
expect_eq "$(ids 'section:sport marathon')" "sport/002.txt" "folder section"

# A file named directly is its path as given.
cp "$FIXTURES/news/business/002.txt" copper.txt
run lede-index --db "$DB" copper.txt
expect_rc 0 "indexing one file"
expect_eq "$(indexed_count)" 12 "one more article"
expect_eq "$(ids 'id:copper.txt')" "copper.txt" "named file's id"

# Standard input: the content decides the id, so the same text replaces.
printf 'Lighthouse keeper retires\n\nAfter forty years the keeper left.\n' >lh.txt
run lede-index --db "$DB" - <lh.txt
expect_rc 0 "indexing stdin"
run lede-index --db "$DB" - <lh.txt
expect_eq "$(indexed_count)" 13 "the same stdin twice is one article"
expect_eq "$(ids lighthouse | wc -l | tr -d ' ')" 1 "found once"

# --format forces a reader.
printf '{"title": "Forced JSON", "text": "Gannets return"}\n' >feed.data
run lede-index --db "$DB" --format jsonl feed.data
expect_rc 0 "--format jsonl"
expect_eq "$(ids gannets)" "feed.data#1" "the Nth record's id"

# The default index: $LEDE_DB.
LEDE_DB="$LEDE_TMP/envdb" run lede-index "$FIXTURES/news/sport"
expect_rc 0 "indexing into \$LEDE_DB"
expect_eq "$(indexed_count)" 2 "\$LEDE_DB chose the index"
run env LEDE_DB="$LEDE_TMP/envdb" lede-search --format json goal
expect_in out '"id": "001.txt"' "lede-search reads \$LEDE_DB too (ids relative to the folder named)"
# ... else under $HOME.
run lede-index "$FIXTURES/news/culture"
expect_rc 0 "indexing into the default path"
[ -d "$HOME/.local/share/lede/index" ] && ok || not_ok "default index made"

done_testing
