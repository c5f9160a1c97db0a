# T230-output: the formats for scripts (jsonl, ids, tsv), --show, --batch
# and --format-version.
# SPDX-License-Identifier: MIT
. "$(dirname "$0")/lib.sh"
DB="$LEDE_TMP/db"

cat >articles.jsonl <<'JSONL'
{"id": "b01", "headline": "Ferry strike halts crossings", "body": "A ferry strike halted every crossing.\n\nTalks resume on Monday.", "date": "2023-11-01T10:00:00Z", "section": "business", "source": "Coast Post", "places": ["London"], "authors": ["Ann Lee", "Bo Chen"], "tags": ["transport"], "url": "https://example.org/b01", "language": "en"}
{"id": "b02", "headline": "Ferry\ttimes\nchange", "body": "The ferry times change in winter, and the ferry company says why.", "section": "travel", "language": "en"}
{"id": "b03", "headline": "Bakery opens", "body": "A bakery opened by the quay.", "date": "2023-12-01T09:30:00Z", "source": "Daily Wire", "language": "en"}
JSONL
run lede-index --no-extract --db "$DB" articles.jsonl
expect_rc 0 "index the articles"

run lede-search --format-version
expect_rc 0 "--format-version"
expect_eq "$(cat out)" 1 "--format-version prints 1"
lede-search --db "$DB" --format json ferry >answer.json
expect_in answer.json '"format_version": 1,' "the same version as the output"

# ---- ids: one id per line, best first. ----------------------------------
run lede-search --db "$DB" --format ids ferry
expect_rc 0 "--format ids"
printf '%s\n' b02 b01 >want.txt
expect_same_file out want.txt "ids"
run lede-search --db "$DB" --format ids nosuchword
expect_rc 0 "no hits as ids"
expect_eq "$(wc -c <out | tr -d ' ')" 0 "no hits: no output"

# ---- tsv: a header, then one line per hit; no tab or newline inside. ----
run lede-search --db "$DB" --format tsv ferry OR bakery
expect_rc 0 "--format tsv"
cut -f1,3- out >got.tsv
cat >want.tsv <<'TSV'
rank	id	date	source	section	headline
1	b03	2023-12-01T09:30:00Z	Daily Wire		Bakery opens
2	b02			travel	Ferry times change
3	b01	2023-11-01T10:00:00Z	Coast Post	business	Ferry strike halts crossings
TSV
expect_same_file got.tsv want.tsv "tsv, the score aside"
if awk -F'\t' 'NR > 1 && $2 !~ /^[0-9]+\.[0-9][0-9][0-9][0-9][0-9][0-9]$/ { exit 1 }' out; then
	ok
else
	not_ok "tsv scores have six decimals"
fi
expect_eq "$(awk -F'\t' '{ print NF }' out | sort -u)" 7 "seven cells a line"

# ---- jsonl: the hits of json, one per line, nothing else. ---------------
run lede-search --db "$DB" --format jsonl ferry
expect_rc 0 "--format jsonl"
expect_eq "$(wc -l <out | tr -d ' ')" 2 "one line per hit"
expect_eq "$(sed 's/^{"id":"\([^"]*\)","rank":\([0-9]*\),.*}$/\1 \2/' out |
	tr '\n' ' ')" "b02 1 b01 2 " "hit objects in rank order"
expect_not_in out '"total"' "no totals in jsonl"
lede-search --db "$DB" --format json ferry >answer.json
if command -v jq >/dev/null 2>&1; then
	jq -c '.hits[]' answer.json >want.jsonl
	jq -c . out >got.jsonl
	expect_same_file got.jsonl want.jsonl "jsonl lines are the json hits"
fi
n=0
while IFS= read -r line; do
	n=$((n + 1))
	printf '%s\n' "$line" | canon >line$n.json
	expect_eq "$?" 0 "jsonl line $n is one JSON object"
done <out
run lede-search --db "$DB" --format jsonl --facet section --timeline year \
	ferry
expect_eq "$(wc -l <out | tr -d ' ')" 2 "jsonl leaves facets out"

# ---- --show: the whole article. -----------------------------------------
run lede-search --db "$DB" --show b01
expect_rc 0 "--show"
cat >want.txt <<'TEXT'
Ferry strike halts crossings

id        b01
authors   Ann Lee, Bo Chen
date      2023-11-01T10:00:00Z
source    Coast Post
section   business
language  en
url       https://example.org/b01
tags      transport
places    London
TEXT
head -n 11 out >got.txt
expect_same_file got.txt want.txt "--show as text: the fields"
expect_in out "A ferry strike halted every crossing." "the body's start"
expect_in out "Talks resume on Monday." "the whole body"

lede-search --db "$DB" --show b01 --format json | canon >got.json
expect_in got.json '"format_version": 1' "--show as json: the version"
expect_in got.json '"id": "b01"' "its id"
expect_in got.json '"authors": [' "its authors"
expect_in got.json '"tags": [' "its tags"
expect_in got.json 'Talks resume on Monday.' "its whole body"
expect_in got.json '"body": "A ferry strike' "as body"
expect_not_in got.json '"snippet"' "no snippet"
expect_not_in got.json '"rank"' "no rank"

run lede-search --db "$DB" --show b99
expect_rc 1 "--show of a missing id"
expect_in err "no article with id 'b99'" "says so"
expect_eq "$(wc -c <out | tr -d ' ')" 0 "and prints nothing on stdout"
run lede-search --db "$DB" --show b01 --format tsv
expect_rc 2 "--show as tsv is a usage error"

# ---- --batch: one answer per line; a bad line does not stop the run. ----
printf '%s\n' ferry '' 'ferry AND (bakery' 'bakery' >queries.txt
run lede-search --db "$DB" --limit 1 --batch queries.txt
expect_rc 2 "--batch with a bad line ends with status 2"
expect_eq "$(wc -l <out | tr -d ' ')" 3 "three answers (the blank line skipped)"
sed -n 1p out | canon --drop took_ms --drop score --drop snippet --drop highlights \
	--drop words >got.json
cat >want.json <<'JSON'
{
  "format_version": 1,
  "hits": [
    {
      "headline": "Ferry\ttimes\nchange",
      "id": "b02",
      "language": "en",
      "rank": 1,
      "section": "travel"
    }
  ],
  "query": "ferry",
  "total": {
    "estimate": 2,
    "exact": true
  }
}
JSON
expect_same_file got.json want.json "the first answer, with --limit 1"
sed -n 2p out | canon >got.json
expect_in got.json '"line": 3' "the bad line's number"
expect_in got.json '"query": "ferry AND (bakery"' "the bad line's query"
expect_in got.json "\"error\": \"bad query 'ferry AND (bakery': '(' is never closed" \
	"the bad line's error"
expect_in out '"query":"bakery"' "the line after the bad one is answered"

printf 'ferry\nbakery\n' | lede-search --db "$DB" --format ids \
	--batch - >/dev/null 2>err
expect_eq "$?" 2 "--batch prints JSON only"
printf 'ferry\nbakery\n' >good.txt
run lede-search --db "$DB" --format json --batch - <good.txt
expect_rc 0 "--batch from stdin"
expect_eq "$(wc -l <out | tr -d ' ')" 2 "two answers"
run lede-search --db "$DB" --batch nosuchfile.txt
expect_rc 1 "--batch of a missing file"
expect_in err "cannot open 'nosuchfile.txt'" "names it"

done_testing
