# T250-expand: --like (articles like one) and --significant (values
# over-represented in the results), over a small index built for them.
# SPDX-License-Identifier: MIT
. "$(dirname "$0")/lib.sh"
DB="$LEDE_TMP/db"

# Three stories about one eruption in Iceland (v1..v3), two more about
# flights elsewhere, and a background mostly set in France: Iceland is
# frequent among the flight stories and rare elsewhere, France common
# everywhere.
cat >articles.jsonl <<'JSONL'
{"id": "v1", "section": "world", "headline": "Volcano erupts near Reykjavik", "body": "Lava poured from the volcano overnight and an ash cloud drifted east. Airlines grounded flights as the eruption grew; geologists said the magma chamber was still filling.", "places": ["Iceland"], "orgs": ["Icelandic Met Office"], "language": "en"}
{"id": "v2", "section": "world", "headline": "Ash cloud from Icelandic volcano grounds flights", "body": "The eruption sent volcanic ash high over the north Atlantic. Geologists watching the lava and magma expect the volcano to stay active for weeks.", "places": ["Iceland", "United Kingdom"], "orgs": ["Icelandic Met Office"], "language": "en"}
{"id": "v3", "section": "science", "headline": "Geologists map the magma under the volcano", "body": "Readings of the magma chamber show why the eruption began, and why lava and ash keep coming from the volcano near Reykjavik.", "places": ["Iceland"], "language": "en"}
{"id": "f1", "section": "business", "headline": "Strike cancels flights at Paris airports", "body": "Air traffic controllers walked out and hundreds of flights were cancelled on Friday.", "places": ["France"], "language": "en"}
{"id": "f2", "section": "business", "headline": "Cheap flights return to Madrid", "body": "Budget airlines added flights to Madrid for the summer season.", "places": ["Spain"], "language": "en"}
{"id": "b1", "section": "politics", "headline": "Paris council votes on housing", "body": "The council approved new housing near the river after a long debate.", "places": ["France"], "language": "en"}
{"id": "b2", "section": "culture", "headline": "Lyon opens a new museum", "body": "The museum shows paintings from the city's past.", "places": ["France"], "language": "en"}
{"id": "b3", "section": "sport", "headline": "Marseille win the cup", "body": "The team won the final with a late goal.", "places": ["France"], "language": "en"}
{"id": "b4", "section": "business", "headline": "Wine exports rise", "body": "Exports of wine from Bordeaux rose this year.", "places": ["France"], "language": "en"}
{"id": "b5", "section": "science", "headline": "Rain record broken in Berlin", "body": "The city had its wettest month since records began.", "places": ["Germany"], "language": "en"}
{"id": "b6", "section": "politics", "headline": "Bakers protest in Toulouse", "body": "Bakers marched to protest against rising flour prices.", "places": ["France"], "language": "en"}
JSONL
run lede-index --no-extract --db "$DB" articles.jsonl
expect_rc 0 "index the articles"

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

# ---- --like: the same story first, never the article itself. -----------
search --like v1 --format ids
expect_rc 0 "--like with no query"
printf 'v3\nv2\nf2\nf1\nb1\n' >want
expect_same_file out want "--like v1: the eruption stories, then flights"

search --like v3 --format ids --limit 2
printf 'v1\nv2\n' >want
expect_same_file out want "--like v3: the other two eruption stories"

# With a query, the query must match; likeness ranks.
search --like v1 --format ids flights
printf 'v2\nf2\nf1\n' >want
expect_same_file out want "--like v1 flights"
search --like v1 --limit 0 flights
line_is "3 matches for 'flights' like 'v1'" "the header names both"

# Filters and facets apply as usual.
search --like v1 --filter section=world --facet place
expect_rc 0 "--like with a filter and a facet"
line_is "1 match like 'v1'" "one world story like v1, said so"
line_is "place: Iceland 1 · United Kingdom 1" "facet of the like results"

lede-search --db "$DB" --format json --like v1 --limit 1 >like.json
expect_in like.json '"query": ""' "an empty query is printed as such"
expect_in like.json '"like": "v1"' "and the like id beside it"
lede-search --db "$DB" --format json --limit 1 flights >plain.json
expect_not_in plain.json '"like"' "no like key without --like"

# --batch: the same --like for every line.
printf 'flights\nvolcano\n' >queries.txt
search --like v1 --batch queries.txt --format json
expect_rc 0 "--like with --batch"
expect_eq "$(wc -l <out | tr -d ' ')" 2 "one line per query"
expect_not_in out '"id":"v1"' "v1 is never its own like"

# ---- --significant: over-represented values, best first. ----------------
search --limit 0 --significant place --significant org:1 --facet place \
	'flights OR lava'
expect_rc 0 "--significant"
line_is "place: Iceland 3 · France 1 · Spain 1 · United Kingdom 1" \
	"the facet counts"
line_is "significant place: Iceland 7.22 · Spain 1.54 · United Kingdom 1.14" \
	"Iceland first, France (common everywhere) not at all"
line_is "significant org: Icelandic Met Office 3.65" "--significant org:1"

# Filtered on, a value is over-represented by construction: left out.
search --limit 0 --significant place --filter place=iceland 'flights OR lava'
line_is "significant place: United Kingdom 1.80" \
	"the filtered value is left out"

search --limit 0 --significant person flights
line_is "significant person: (none)" "a field with no values"

lede-search --db "$DB" --format json --limit 0 --significant place:2 \
	flights | canon --drop took_ms | grep -v '"score": ' >got.json
cat >want.json <<'JSON'
{
  "format_version": 1,
  "hits": [],
  "query": "flights",
  "significant": {
    "place": [
      {
        "value": "Iceland"
      },
      {
        "value": "Spain"
      }
    ]
  },
  "total": {
    "estimate": 4,
    "exact": true
  }
}
JSON
expect_same_file got.json want.json "--significant as JSON"
lede-search --db "$DB" --format json --limit 0 --significant place:1 \
	flights >sig.json
if grep -qE '^ *"score": [0-9]+\.[0-9]+,?$' sig.json; then ok; else
	not_ok "a score is a number"; fi
lede-search --db "$DB" --format json --limit 0 flights >plain.json
expect_not_in plain.json '"significant"' "no significant unless asked"

# Formats without totals print none.
search --significant place --format ids flights
printf 'f2\nf1\nv2\nv1\n' >want
expect_same_file out want "--format ids prints only ids"

# ---- Errors. ------------------------------------------------------------
search --like no-such-id
expect_rc 2 "--like an unknown id"
expect_in err "no article with id 'no-such-id'" "the id is named"
search --like no-such-id volcano
expect_rc 2 "--like an unknown id, with a query"
expect_in err "bad query 'volcano': no article with id 'no-such-id'" \
	"the query and the id are named"
search ""
expect_rc 2 "an empty query without --like"
expect_in err "empty query" "says the query is empty"
search --significant author flights
expect_rc 2 "no significant authors"
expect_in err "no significant values for 'author'" "says which field"
search --significant headline flights
expect_rc 2 "no significant headlines"
search --significant place:0 flights
expect_rc 2 "--significant place:0"
search --like v1 --show v1
expect_rc 2 "--like with --show"

done_testing
