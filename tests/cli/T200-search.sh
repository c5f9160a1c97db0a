# T200-search: ranked hits as JSON and as text; case and accents fold.
# SPDX-License-Identifier: MIT
. "$(dirname "$0")/lib.sh"
DB="$LEDE_TMP/db"
run lede-index --db "$DB" "$FIXTURES/news" "$FIXTURES/awkward/decomposed.txt"
expect_rc 0 "index the fixtures"

# JSON: the whole answer, scores aside, is what docs/ describes.
lede-search --db "$DB" --format json 'quarterly profits' | canon --drop score --drop took_ms >got.json
cat >want.json <<'JSON'
{
  "format_version": 1,
  "hits": [
    {
      "headline": "Harbour Bank lifts quarterly profits as mortgage lending grows",
      "highlights": [
        [
          17,
          9
        ],
        [
          27,
          7
        ],
        [
          232,
          7
        ]
      ],
      "id": "business/001.txt",
      "language": "en",
      "orgs": [
        "Harbour Bank"
      ],
      "people": [
        "Maren Holt"
      ],
      "rank": 1,
      "section": "business",
      "snippet": "…on Tuesday that quarterly profits rose 14% to £412m, helped by a rise in mortgage lending and lower bad-debt charges. The lender, which has 310 branches along the north-east coast, said new mortgage approvals climbed for the third quarter…",
      "words": 76
    },
    {
      "headline": "Café culture returns to the old quarter",
      "highlights": [
        [
          33,
          9
        ]
      ],
      "id": "culture/001.txt",
      "language": "en",
      "rank": 2,
      "section": "culture",
      "snippet": "After two quiet winters, the old quarter's cafés are full again, and the Café Lumière has reopened with its original 1920s interior. Owners said visitors were staying longer and spending more, and that the new pedestrian zone had helped…",
      "words": 39
    }
  ],
  "query": "quarterly profits",
  "total": {
    "estimate": 2,
    "exact": true
  }
}
JSON
expect_same_file got.json want.json "JSON output for 'quarterly profits'"

# Stored fields of a JSON record come back.
lede-search --db "$DB" --format json 'flooding valley' | canon --drop score --drop snippet >got.json
expect_in got.json '"authors": [' "authors array"
expect_in got.json '"Priya Natarajan"' "author"
expect_in got.json '"date": "2024-03-11T08:30:00Z"' "date in UTC"
expect_in got.json '"source": "Valley Herald"' "source"
expect_in got.json '"language": "en"' "language"
expect_in got.json '"url": "https://example.org/world/flooding-valley"' "url"

# Text: one readable block per hit.
run lede-search --db "$DB" --limit 1 'cycle lanes'
expect_rc 0 "text search"
expect_in out " 1. Council approves plan for twelve new cycle lanes" "headline line"
expect_in out "politics/001.txt · politics · score" "facts line"
expect_in out "…new cycle lanes, ending a year" "snippet around the matches"
expect_not_in out " 2. " "--limit 1 shows one hit"
expect_not_in out "$(printf '\033')" "no colour when not a terminal"

# Every way of typing café finds the same articles.
want=$(ids cafe)
expect_eq "$(ids CAFÉ)" "$want" "CAFÉ"
expect_eq "$(ids "$(printf 'cafe\314\201')")" "$want" "decomposed café"
expect_eq "$(ids Café)" "$want" "Café"
expect_eq "$(printf '%s\n' "$want" | sort | tr '\n' ' ')" \
	"$FIXTURES/awkward/decomposed.txt culture/001.txt " "both café articles"

# Paging.
all=$(ids mortgage OR copper OR marathon OR goal)
expect_eq "$(printf '%s\n' "$all" | wc -l | tr -d ' ')" 4 "four hits"
page=$(lede-search --db "$DB" --format json --limit 2 --offset 2 \
	mortgage OR copper OR marathon OR goal | canon |
	sed -n 's/^      "id": "\(.*\)",$/\1/p')
expect_eq "$page" "$(printf '%s\n' "$all" | sed -n '3,4p')" "--offset 2 --limit 2"

# Zero hits is an answer, not a failure.
run lede-search --db "$DB" zebra
expect_rc 0 "no hits"
expect_in out "0 matches for 'zebra'" "says so"

# A query that cannot be parsed: where and why, exit status 2.
run lede-search --db "$DB" 'profits AND (bank'
expect_rc 2 "bad query"
expect_in err "bad query 'profits AND (bank': '(' is never closed at column 13" \
	"message shows where and why"

# Polish and Japanese articles are found by their words.
expect_eq "$(ids lodzi)" "world-0003" "accent-folded Polish"
expect_eq "$(ids 'Łodzi')" "world-0003" "Polish as written"
expect_eq "$(ids 図書館)" "world-0004" "Japanese"

# Quoted words with accents ask for them; without, they match both.
expect_eq "$(ids '"Łodzi"')" "world-0003" "a quoted accented word"
expect_eq "$(ids '"lodzi"')" "world-0003" "a quoted word without accents"
expect_eq "$(ids '"Łódzi"')" "" "a quoted word with the wrong accents"

# The language: given, or guessed from the text, and stored.
expect_eq "$(ids 'lang:pl')" "world-0003" "a given language"
expect_eq "$(ids 'lang:en copper')" "business/002.txt" "a guessed language"
# Stopwords rank nothing beside other words, but a phrase keeps them.
expect_eq "$(ids 'the copper')" "business/002.txt" "stopwords beside words"
expect_eq "$(ids '"the price of copper"')" "business/002.txt" "stopwords in a phrase"
expect_eq "$(ids '"price copper"')" "" "a phrase is a phrase"

# Compounds: with or without the hyphen, or as words.
expect_eq "$(ids 'electric-car')" "business/002.txt" "a compound as written"
expect_eq "$(ids 'electriccar')" "business/002.txt" "a compound without hyphen"
expect_eq "$(ids '"electric car makers"')" "business/002.txt" "a compound's parts"

# CJK: any run of two characters.
expect_eq "$(ids 図書)" "world-0004" "two Japanese characters"
expect_eq "$(ids 開館)" "world-0004" "two more"

done_testing
