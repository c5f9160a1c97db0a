# T280-highlights: JSON snippets are plain text, with the matching words'
# places as [start, length] in code points; the ranges cover exactly the
# words that match.
# SPDX-License-Identifier: MIT
. "$(dirname "$0")/lib.sh"
DB="$LEDE_TMP/db"

# Accents, an emoji (one code point, two UTF-16 units, four bytes) and CJK
# before the matches, so that code points, bytes and UTF-16 units differ;
# h3 is long enough to be cut, so its snippet starts with an ellipsis.
cat >articles.jsonl <<'JSONL'
{"id": "h1", "headline": "Cafés", "body": "Le café 🚢 du port: the Café Lumière reopened, and cafés filled.", "language": "en"}
{"id": "h2", "headline": "図書館", "body": "東京で新しい図書館が開館した。", "language": "ja"}
{"id": "h3", "headline": "Police", "body": "The harbour board met on Monday to discuss the dredging of the channel, the price of berths for visiting yachts, the state of the slipway and a dozen other matters that took most of the morning. Only at the end did the police say that their new policy on night patrols would start in spring.", "language": "en"}
JSONL
run lede-index --no-extract --db "$DB" articles.jsonl
expect_rc 0 "index the articles"

# ranges QUERY: "ID RANGES" per hit, RANGES as printed in JSON lines.
ranges() {
	lede-search --db "$DB" --format jsonl "$@" |
		sed -n 's/^{"id":"\([^"]*\)".*"highlights":\(\[[][0-9,]*\]\).*/\1 \2/p'
}

expect_eq "$(ranges café)" 'h1 [[3,4],[23,4],[50,5]]' \
	"café, Café and cafés, counted in code points (the emoji is one)"
expect_eq "$(ranges 図書館)" 'h2 [[6,1],[7,1],[8,1],[11,1]]' \
	"CJK: each matching character"
expect_eq "$(ranges 'polic*')" 'h3 [[25,6],[51,6]]' \
	"a wildcard, in a snippet that starts with an ellipsis"
expect_eq "$(ranges 'police "night patrols"')" 'h3 [[25,6],[61,5],[67,7]]' \
	"a word and a phrase's words"
expect_eq "$(ranges 'police NEAR/8 patrols')" 'h3 [[25,6],[67,7]]' \
	"the words of NEAR"
expect_eq "$(ranges 'reopened OR (port NOT café)')" 'h1 [[13,4],[36,8]]' \
	"a word after NOT is not highlighted"
expect_eq "$(ranges 'lang:ja')" 'h2 []' "a filter alone highlights nothing"

# The snippet itself has no marks.
lede-search --db "$DB" --format json café | canon >cafe.json
expect_in cafe.json '"snippet": "Le café 🚢 du port: the Café Lumière reopened, and cafés filled."' \
	"the snippet is plain text"

# What the ranges cover, cut out of the snippet by code points.
if command -v jq >/dev/null 2>&1; then
	cover() {
		lede-search --db "$DB" --format jsonl "$@" |
			jq -r '. as $h | .highlights[] |
				$h.snippet[.[0]:.[0] + .[1]]' | tr '\n' ' '
	}
	expect_eq "$(cover café)" "café Café cafés " "café: the words themselves"
	expect_eq "$(cover 図書館)" "図 書 館 館 " "図書館: its characters"
	expect_eq "$(cover 'police "night patrols"')" "police night patrols " \
		"police, night, patrols"
	expect_eq "$(cover 'polic*')" "police policy " "polic*"
else
	echo "jq not installed: the words under the ranges are not cut out"
fi

done_testing
