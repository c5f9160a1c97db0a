# T240-suggest: "did you mean" for a word in no article, from the words of
# the indexed articles; never for words that are there; off on request.
# SPDX-License-Identifier: MIT
. "$(dirname "$0")/lib.sh"
DB="$LEDE_TMP/db"

run lede-index --db "$DB" "$FIXTURES/news"
expect_rc 0 "index the fixtures"

run lede-search --db "$DB" 'harbur section:business'
expect_rc 0 "a misspelt word is not an error"
expect_in out "did you mean: harbour section:business" \
	"the word is replaced, the filter kept as typed"

run lede-search --db "$DB" --format json 'mortage lending'
expect_eq "$(jq -r .suggestion out)" "mortgage lending" "JSON suggestion"

run lede-search --db "$DB" --format json 'mortgage lending'
expect_eq "$(jq -r '.suggestion // "none"' out)" "none" \
	"no suggestion when every word is there"

run lede-search --db "$DB" --no-suggest 'harbur'
expect_not_in out "did you mean" "--no-suggest turns it off"

done_testing
