# T220-facets: filters, dates, sorting, facets and timelines over a small
# index whose counts are known by construction.
# SPDX-License-Identifier: MIT
. "$(dirname "$0")/lib.sh"
DB="$LEDE_TMP/db"

# Eight articles say "harbour" once, in bodies of the same length, so they
# score nearly alike; a09 does not. a08 has no date.
cat >articles.jsonl <<'JSONL'
{"id": "a01", "headline": "Dock news one", "body": "The harbour strike went on.", "date": "2023-10-02T10:00:00Z", "section": "business", "source": "Coast Post", "places": ["London"], "authors": ["Ann Lee"], "language": "en"}
{"id": "a02", "headline": "Dock news two", "body": "The harbour crowd went on.", "date": "2023-10-15T10:00:00Z", "section": "business", "source": "Coast Post", "places": ["London", "Paris"], "authors": ["Bo Chen"], "language": "en"}
{"id": "a03", "headline": "Dock news three", "body": "The harbour strike went on.", "date": "2023-11-01T10:00:00Z", "section": "politics", "source": "Daily Wire", "places": ["Paris"], "authors": ["Ann Lee", "Bo Chen"], "language": "en"}
{"id": "a04", "headline": "Dock news four", "body": "The harbour crowd went on.", "date": "2023-11-03T10:00:00Z", "section": "politics", "source": "Coast Post", "places": ["Berlin"], "authors": ["Cy Dunn"], "language": "en"}
{"id": "a05", "headline": "Dock news five", "body": "The harbour strike went on.", "date": "2023-11-20T10:00:00Z", "section": "sport", "source": "Daily Wire", "places": ["London"], "authors": ["Ann Lee"], "language": "en"}
{"id": "a06", "headline": "Dock news six", "body": "The harbour crowd went on.", "date": "2023-12-05T10:00:00Z", "section": "business", "source": "Daily Wire", "authors": ["Cy Dunn"], "language": "en"}
{"id": "a07", "headline": "Dock news seven", "body": "The harbour strike went on.", "date": "2024-01-10T10:00:00Z", "section": "world", "source": "Evening Star", "places": ["Berlin", "London"], "authors": ["Bo Chen"], "language": "en"}
{"id": "a08", "headline": "Dock news eight", "body": "The harbour crowd went on.", "section": "culture", "source": "Evening Star", "language": "en"}
{"id": "a09", "headline": "Bread news", "body": "The bakery opened its doors.", "date": "2023-10-20T10:00:00Z", "section": "business", "source": "Coast Post", "places": ["Rome"], "authors": ["Dee Fox"], "language": "en"}
JSONL
run lede-index --no-extract --db "$DB" articles.jsonl
expect_rc 0 "index the articles"

# search ARGS...: text output in ./out, status in $rc.
search() {
	run lede-search --db "$DB" "$@"
}

# line_is TEXT DESCRIPTION: ./out has TEXT as a whole line.
line_is() {
	if grep -qxF -- "$1" out; then
		ok
	else
		not_ok "$2: no line '$1' in:"
		sed 's/^/    /' out >&2
	fi
}

# ---- Facets: counts over every match, by count then name. ---------------
search --limit 0 --facet section --facet source --facet place \
	--facet author harbour
expect_rc 0 "four facets"
line_is "section: business 3 · politics 2 · culture 1 · sport 1 · world 1" \
	"section facet"
line_is "source: Coast Post 3 · Daily Wire 3 · Evening Star 2" "source facet"
line_is "place: London 4 · Berlin 2 · Paris 2" "place facet (multi-valued)"
line_is "author: Ann Lee 3 · Bo Chen 3 · Cy Dunn 2" "author facet (multi-valued)"
expect_not_in out "Rome" "a non-matching article counts nowhere"

search --limit 0 --facet section:2 harbour
line_is "section: business 3 · politics 2" "--facet section:2 keeps two"

search --limit 0 --facet lang harbour
line_is "language: en 8" "lang is the language facet"

search --limit 0 --facet place nosuchword
line_is "place: (none)" "a facet of no matches"

# JSON: the shapes of DESIGN.md, facets in the order asked.
lede-search --db "$DB" --format json --limit 0 --facet source:2 \
	--facet section:1 --timeline year harbour |
	canon --drop took_ms >got.json
cat >want.json <<'JSON'
{
  "counts_exact": true,
  "facets": {
    "section": [
      {
        "count": 3,
        "value": "business"
      }
    ],
    "source": [
      {
        "count": 3,
        "value": "Coast Post"
      },
      {
        "count": 3,
        "value": "Daily Wire"
      }
    ]
  },
  "format_version": 1,
  "hits": [],
  "query": "harbour",
  "timeline": [
    {
      "count": 6,
      "period": "2023"
    },
    {
      "count": 1,
      "period": "2024"
    }
  ],
  "total": {
    "estimate": 8,
    "exact": true
  }
}
JSON
expect_same_file got.json want.json "facets and timeline as JSON"
lede-search --db "$DB" --format json --limit 0 --facet source:2 \
	--facet section:1 harbour >order.json
src=$(grep -n '"source": \[' order.json | cut -d: -f1)
sec=$(grep -n '"section": \[' order.json | cut -d: -f1)
if [ -n "$src" ] && [ -n "$sec" ] && [ "$src" -lt "$sec" ]; then ok; else
	not_ok "facets are printed in the order asked"; fi
expect_in order.json '"took_ms": ' "took_ms is printed"
lede-search --db "$DB" --format json --limit 0 harbour >plain.json
expect_not_in plain.json '"facets"' "no facets unless asked"
expect_not_in plain.json '"counts_exact"' "no counts_exact unless asked"

# --approx estimates only past the first few thousand matches: on eight it
# still counts them all, and says the counts are exact.
lede-search --db "$DB" --format json --limit 0 --approx --facet section \
	harbour >approx.json
expect_in approx.json '"counts_exact": true' "--approx on a small match set"
search --limit 0 --approx --facet section harbour
line_is "section: business 3 · politics 2 · culture 1 · sport 1 · world 1" \
	"--approx counts"

# ---- Filters: a field's own facet ignores its filter. --------------------
search --limit 0 --filter section=business --facet section --facet source \
	--facet place harbour
expect_in out "3 matches for 'harbour'" "--filter section=business"
line_is "section: business 3 · politics 2 · culture 1 · sport 1 · world 1" \
	"the filtered field's facet as if the filter were lifted"
line_is "source: Coast Post 2 · Daily Wire 1" "other facets follow the filter"
line_is "place: London 2 · Paris 1" "multi-valued facets follow it too"

search --limit 0 --filter place=london --facet place --facet section harbour
expect_in out "4 matches for 'harbour'" "a filter value folds case"
line_is "place: London 4 · Berlin 2 · Paris 2" "place facet with a place filter"
line_is "section: business 2 · sport 1 · world 1" "section facet with it"

# A filter typed in the query, narrowing the whole of it (a top-level run
# AND-ed with the rest), is lifted from its own facet like --filter.
search --limit 0 --facet section --facet source 'harbour section:business'
expect_in out "3 matches for 'harbour section:business'" "section: in the query"
line_is "section: business 3 · politics 2 · culture 1 · sport 1 · world 1" \
	"its facet as if the query's filter were lifted"
line_is "source: Coast Post 2 · Daily Wire 1" "other facets follow it"
search --limit 0 --facet place --facet section 'harbour AND place:london'
expect_in out "4 matches for 'harbour AND place:london'" "place: after AND"
line_is "place: London 4 · Berlin 2 · Paris 2" "place: lifted after AND"
line_is "section: business 2 · sport 1 · world 1" "section follows place:"
search --limit 0 --facet section --facet source \
	'harbour section:business source:"Coast Post"'
expect_in out "2 matches for" "two fields in the query"
line_is "section: business 2 · politics 1" "section lifted, source kept"
line_is "source: Coast Post 2 · Daily Wire 1" "source lifted, section kept"
search --limit 0 --facet section 'section:business'
line_is "section: business 4 · politics 2 · culture 1 · sport 1 · world 1" \
	"a query of one filter: its facet counts every article"
search --limit 0 --facet section --filter section=politics \
	'harbour section:business'
expect_in out "0 matches for" "--filter and a query filter on one field both hold"
line_is "section: business 3 · politics 2 · culture 1 · sport 1 · world 1" \
	"both lifted from the field's facet"
# Anywhere else a query's filter stays: inside ( ), beside OR, after NOT.
search --limit 0 --facet section '(harbour section:business)'
line_is "section: business 3" "not lifted inside parentheses"
search --limit 0 --facet section 'harbour section:business OR bakery'
line_is "section: business 4" "not lifted beside OR"
search --limit 0 --facet section 'harbour NOT section:business'
line_is "section: politics 2 · culture 1 · sport 1 · world 1" \
	"not lifted after NOT"

# Filters on one field are alternatives, on different fields all hold.
expect_eq "$(lede-search --db "$DB" --format ids --filter section=business \
	--filter section=sport --sort oldest harbour | tr '\n' ' ')" "a01 a02 a05 a06 " \
	"two values of one field"
expect_eq "$(lede-search --db "$DB" --format ids --filter section=business \
	--filter source="Daily Wire" harbour | tr '\n' ' ')" "a06 " \
	"two fields"
expect_eq "$(lede-search --db "$DB" --format ids --filter author="bo chen" \
	--filter place=paris --sort oldest harbour | tr '\n' ' ')" "a02 a03 " \
	"author and place"

# Filters never change scores.
lede-search --db "$DB" --format tsv harbour | cut -f2,3 | sort -k2 >all.tsv
lede-search --db "$DB" --format tsv --filter section=politics harbour |
	cut -f2,3 >some.tsv
while IFS='	' read -r score id; do
	expect_in all.tsv "$score	$id" "the score of $id with a filter"
done <some.tsv

# ---- Timeline: periods oldest first, undated articles not counted. --------
search --limit 0 --timeline month harbour
expect_rc 0 "timeline month"
sed -n 's/^\([0-9W-]*\)  #* \([0-9]*\)$/\1 \2/p' out >periods.txt
printf '%s\n' "2023-10 2" "2023-11 3" "2023-12 1" "2024-01 1" >want.txt
expect_same_file periods.txt want.txt "months"
line_is "2023-11  ######################################## 3" \
	"the busiest period has the longest bar"
expect_not_in out "$(printf '\342\226\207')" "ASCII bars when not a terminal"

search --limit 0 --timeline week harbour
sed -n 's/^\([0-9W-]*\)  #* \([0-9]*\)$/\1 \2/p' out >periods.txt
printf '%s\n' "2023-W40 1" "2023-W41 1" "2023-W44 2" "2023-W47 1" \
	"2023-W49 1" "2024-W02 1" >want.txt
expect_same_file periods.txt want.txt "ISO weeks"

search --limit 0 --timeline day --filter section=politics harbour
sed -n 's/^\([0-9W-]*\)  #* \([0-9]*\)$/\1 \2/p' out >periods.txt
printf '%s\n' "2023-11-01 1" "2023-11-03 1" >want.txt
expect_same_file periods.txt want.txt "days, with a filter"

search --limit 0 --timeline year nosuchword
expect_in out "timeline: (no dated matches)" "a timeline of no matches"

# ---- Dates: --since from the start, --until to the end of what it names. --
expect_eq "$(lede-search --db "$DB" --format ids --since 2023-11 \
	--until 2023-11 --sort oldest harbour | tr '\n' ' ')" "a03 a04 a05 " "one month"
expect_eq "$(lede-search --db "$DB" --format ids --since 2023-11-03 \
	--sort oldest harbour | tr '\n' ' ')" "a04 a05 a06 a07 " "--since a day"
expect_eq "$(lede-search --db "$DB" --format ids --until 2023-10-15 \
	--sort oldest harbour | tr '\n' ' ')" "a01 a02 " "--until a day keeps all of it"
expect_eq "$(LEDE_NOW=2024-01-15T00:00:00Z lede-search --db "$DB" \
	--format ids --since 7d harbour | tr '\n' ' ')" "a07 " \
	"--since 7d counts from LEDE_NOW"
expect_eq "$(LEDE_NOW=1705276800 lede-search --db "$DB" --format ids \
	--since 7d harbour | tr '\n' ' ')" "a07 " "LEDE_NOW in seconds"
run env LEDE_NOW=soon lede-search --db "$DB" --since 7d harbour
expect_rc 2 "a LEDE_NOW that is no time"
run lede-search --db "$DB" --since "the day after" harbour
expect_rc 2 "a --since that is no date"
expect_in err "--since wants a date, not 'the day after'" "names it"

# ---- Sorting. ------------------------------------------------------------
expect_eq "$(lede-search --db "$DB" --format ids --limit 20 --sort newest \
	harbour | tr '\n' ' ')" "a07 a06 a05 a04 a03 a02 a01 a08 " \
	"--sort newest, undated last"
expect_eq "$(lede-search --db "$DB" --format ids --limit 20 --sort oldest \
	harbour | tr '\n' ' ')" "a01 a02 a03 a04 a05 a06 a07 a08 " \
	"--sort oldest, undated last"
# Near-equal relevance (within a few per cent): recency decides.
expect_eq "$(lede-search --db "$DB" --format ids --limit 3 --sort recency \
	--half-life 2w harbour | tr '\n' ' ')" "a07 a06 a05 " \
	"--sort recency with equal relevance"
expect_eq "$(lede-search --db "$DB" --format ids --limit 2 --offset 2 \
	--sort newest harbour | tr '\n' ' ')" "a05 a04 " "--sort with --offset"

done_testing
