# T020-docs: the man pages and the JSON schema in docs/ match the programs.
# SPDX-License-Identifier: MIT
#
# Uses groff (Debian: groff-base) to check that the man pages render, and jq
# to validate JSON output against docs/lede-search.schema.json; without
# either, that part is skipped with a message and the rest still runs.
. "$(dirname "$0")/lib.sh"
DOCS="$LEDE_SRC/docs"
SCHEMA="$DOCS/lede-search.schema.json"
DB="$LEDE_TMP/db"

# has_word FILE WORD: FILE holds WORD (an option such as --db or -d) not as
# part of a longer option or word.
has_word() {
	grep -qE -- "(^|[^A-Za-z0-9-])$2([^A-Za-z0-9-]|\$)" "$1"
}

# ---- Every option in --help is in the man page, long and short forms. ----
for prog in lede-index lede-search; do
	page="$DOCS/$prog.1"
	if [ ! -f "$page" ]; then
		not_ok "$page is missing"
		continue
	fi
	# roff writes hyphens as \- and fonts as \fB...\fP; \& is invisible.
	sed -e 's/\\-/-/g' -e 's/\\f[BIRP]//g' -e 's/\\&//g' "$page" >page.txt

	run $prog --help
	expect_rc 0 "$prog --help"
	grep -oE -- '--[a-z][a-z-]*' out | sort -u >long.txt
	if [ -s long.txt ]; then ok; else not_ok "no long options in $prog --help"; fi
	while read -r opt; do
		if has_word page.txt "$opt"; then
			ok
		else
			not_ok "$prog --help lists $opt, $prog.1 does not"
		fi
	done <long.txt

	# "  -d, --db DIR": the short form of each option that has one.
	sed -n 's/^ *\(-[A-Za-z]\), --[a-z].*/\1/p' out >short.txt
	if [ -s short.txt ]; then ok; else not_ok "no short options in $prog --help"; fi
	while read -r opt; do
		if has_word page.txt "$opt"; then
			ok
		else
			not_ok "$prog --help lists $opt, $prog.1 does not"
		fi
	done <short.txt

	for section in NAME SYNOPSIS DESCRIPTION OPTIONS ENVIRONMENT FILES \
		"EXIT STATUS" EXAMPLES "SEE ALSO"; do
		expect_in page.txt ".SH $section" "$prog.1 has a $section section"
	done
done
expect_in "$DOCS/lede-search.1" ".SH QUERY SYNTAX" \
	"lede-search.1 has a QUERY SYNTAX section"
expect_in "$DOCS/lede-search.1" ".SH OUTPUT" "lede-search.1 has an OUTPUT section"
expect_in "$DOCS/lede-search.1" "NO_COLOR" "lede-search.1 documents NO_COLOR"

# ---- lede(3), the C library's page, covers lede.h. --------------------------
page="$DOCS/lede.3"
for section in NAME LIBRARY SYNOPSIS DESCRIPTION EXAMPLE LIFECYCLE \
	"OWNERSHIP AND LIFETIMES" THREADS "RETURN VALUE" ERRORS FUNCTIONS \
	VERSIONS "SEE ALSO"; do
	expect_in "$page" ".SH $section" "lede.3 has a $section section"
done
# Every function lede.h declares (a name followed by "(" once the
# preprocessor has dropped the comments) is in the list of functions, and
# every status in the list of errors.
"${LEDE_CC:-cc}" -E -P -x c "$LEDE_SRC/include/lede.h" >header.txt
grep -o '\blede_[a-z0-9_]*[[:space:]]*(' header.txt | tr -d ' \t(' |
	sort -u >functions.txt
[ "$(wc -l <functions.txt)" -ge 50 ] && ok ||
	not_ok "only $(wc -l <functions.txt) functions found in lede.h"
sed -n '/^\.SH FUNCTIONS/,/^\.SH /p' "$page" >functions.3
while read -r fn; do
	if grep -qE "(^|[^a-z_])$fn([^a-z0-9_]|\$)" functions.3; then
		ok
	else
		not_ok "lede.h declares $fn, lede.3's FUNCTIONS does not list it"
	fi
done <functions.txt
sed -n '/^typedef enum lede_status *{/,/} *lede_status_t;/p' header.txt |
	grep -o 'LEDE_[A-Z_]*' | grep -v '^LEDE_OK$' >statuses.txt
[ "$(wc -l <statuses.txt)" -ge 10 ] && ok || not_ok "no statuses found in lede.h"
sed -n '/^\.SH ERRORS/,/^\.SH /p' "$page" >errors.3
while read -r st; do
	expect_in errors.3 ".B $st" "lede.3's ERRORS explains $st"
done <statuses.txt

# Each page says the version of the header.
version=$(sed -n 's/^#define LEDE_VERSION_STRING "\(.*\)"$/\1/p' \
	"$LEDE_SRC/include/lede.h")
for page in "$DOCS/lede-index.1" "$DOCS/lede-search.1" "$DOCS/lede.3"; do
	expect_in "$page" "\"lede $version\"" "${page##*/} is for lede $version"
done

# ---- The man pages render without warnings, with groff and with man. ------
if command -v man >/dev/null 2>&1; then
	for page in "$DOCS/lede-index.1" "$DOCS/lede-search.1" "$DOCS/lede.3"; do
		MANWIDTH=80 MAN_KEEP_FORMATTING= man -l "$page" >rendered.txt 2>man.err
		expect_eq "$?" 0 "man -l ${page##*/}"
		if [ -s man.err ]; then
			not_ok "man -l ${page##*/} complains:"
			sed 's/^/    /' man.err >&2
		else
			ok
		fi
		expect_in rendered.txt "SEE ALSO" "man -l ${page##*/} renders"
	done
else
	echo "man not installed: man -l not checked"
fi
if command -v groff >/dev/null 2>&1; then
	for page in "$DOCS/lede-index.1" "$DOCS/lede-search.1" "$DOCS/lede.3"; do
		[ -f "$page" ] || continue
		groff -man -Tutf8 -ww -P-cbou "$page" >rendered.txt 2>groff.err
		if [ -s groff.err ]; then
			not_ok "groff warns about ${page##*/}:"
			sed 's/^/    /' groff.err >&2
		else
			ok
		fi
		expect_in rendered.txt "SEE ALSO" "${page##*/} renders"
	done
else
	echo "groff not installed: man page rendering not checked"
fi

# ---- Real JSON output matches the schema. --------------------------------
run lede-index --db "$DB" "$FIXTURES/news" "$FIXTURES/awkward/empty-body.txt"
expect_rc 0 "index the fixtures"

# Between them these answers hold every key: a JSON record with all fields,
# text files with few, an article without body, a filter-only query
# (score 0.0), a later page, no hits at all, facets with a timeline, and
# significant values of articles like one (an empty query), and what
# scores are made of (--explain, with recency and --like).
n=0
for args in "valley road" "--limit 100 NOT zzz" "--offset 1 --limit 2 road" \
	"--limit 0 section:business" "nosuchwordanywhere" \
	"--facet section --facet lang:2 --timeline month NOT zzz" \
	"--limit 1 --significant section --significant place:3 --like world-0001" \
	"--explain --sort recency --like world-0001 road"; do
	n=$((n + 1))
	# shellcheck disable=SC2086 # the options are meant to split
	lede-search --db "$DB" --format json $args >"answer$n.json" 2>err
	expect_eq "$?" 0 "lede-search --format json $args"
done

# The fallback that needs only json_canon: every key printed is a property
# in the schema and is documented in lede-search-json.md.
for f in answer*.json; do
	canon <"$f"
done | sed -n 's/^ *"\([^"]*\)": .*/\1/p' | sort -u >keys.txt
for key in format_version query total estimate exact hits id rank score \
	headline authors date source section language url snippet \
	facets value count timeline period counts_exact significant \
	took_ms like highlights explain parsed parts clause field matches \
	relevance weight recency factor age_days half_life_days; do
	grep -qx "$key" keys.txt && ok ||
		not_ok "no answer printed '$key': the test queries need updating"
done
while read -r key; do
	if grep -q "^ *\"$key\": {" "$SCHEMA"; then
		ok
	else
		not_ok "lede-search prints '$key', the schema does not list it"
	fi
	expect_in "$DOCS/lede-search-json.md" "\`$key\`" \
		"lede-search-json.md documents '$key'"
done <keys.txt

if command -v jq >/dev/null 2>&1; then
	# A validator for the keywords the schema uses. Any other keyword
	# fails, so the schema cannot grow past what is checked here.
	cat >validate.jq <<'JQ'
def known: ["$schema", "$comment", "$defs", "$ref", "title",
	"description", "type", "const", "required", "properties",
	"additionalProperties", "items", "minimum", "minLength", "minItems",
	"maxItems", "pattern", "format"];
def nodes: ., ((.properties // {})[] | nodes), ((.items // empty) | nodes),
	((."$defs" // {})[] | nodes);
def resolve($root):
	if has("$ref") then
		.["$ref"] as $ref |
		$root | getpath($ref | ltrimstr("#/") | split("/"))
	else . end;
def is_type($t):
	if $t == "integer" then type == "number" and . == floor
	elif $t == "number" then type == "number"
	else type == $t end;
def errors($s; $root; $at):
	($s | resolve($root)) as $s | . as $v |
	(if $s.type != null and (is_type($s.type) | not)
	 then "\($at): \(tojson) is not of type \($s.type)" else empty end),
	(if ($s | has("const")) and $v != $s.const
	 then "\($at): \(tojson) is not \($s.const | tojson)" else empty end),
	(if $s.minimum != null and type == "number" and . < $s.minimum
	 then "\($at): \(.) is below \($s.minimum)" else empty end),
	(if $s.minLength != null and type == "string" and length < $s.minLength
	 then "\($at): string shorter than \($s.minLength)" else empty end),
	(if $s.pattern != null and type == "string" and (test($s.pattern) | not)
	 then "\($at): \(tojson) does not match \($s.pattern)" else empty end),
	(if type == "object" then
		(($s.required // [])[] | select(. as $k | $v | has($k) | not) |
		 "\($at): required key \(.) is missing"),
		(to_entries[] | .key as $k | .value |
		 if ($s.properties // {}) | has($k) then
			errors($s.properties[$k]; $root; "\($at).\($k)")
		 elif $s.additionalProperties == false then
			"\($at): key \($k) is not in the schema"
		 else empty end)
	 else empty end),
	(if type == "array" then
		(if $s.minItems != null and length < $s.minItems
		 then "\($at): fewer than \($s.minItems) items" else empty end),
		(if $s.maxItems != null and length > $s.maxItems
		 then "\($at): more than \($s.maxItems) items" else empty end),
		(if $s.items != null then
			range(0; length) as $i | .[$i] |
			errors($s.items; $root; "\($at)[\($i)]")
		 else empty end)
	 else empty end);
$schema[0] as $root |
([$root | nodes | keys[] | select(. as $k | known | index($k) | not)] |
 unique[] | "schema: keyword \(.) is not checked by this test"),
($doc[0] | errors($root; $root; "$"))
JQ
	for f in answer*.json; do
		if jq -n -r --slurpfile schema "$SCHEMA" --slurpfile doc "$f" \
			-f validate.jq >errors.txt 2>&1 && [ ! -s errors.txt ]; then
			ok
		else
			not_ok "$f does not match the schema:"
			sed 's/^/    /' errors.txt >&2
		fi
	done

	# The validator itself finds what it should.
	jq '.hits[0].extra = 1 | del(.hits[0].snippet) | .hits[0].rank = 0 |
		.hits[0].date = "11 March 2024" | .total.exact = "yes" |
		.hits[0].highlights = [[1, 2, 3]]' \
		answer1.json >bad.json
	jq -n -r --slurpfile schema "$SCHEMA" --slurpfile doc bad.json \
		-f validate.jq >errors.txt 2>&1
	for want in "key extra is not in the schema" \
		"required key snippet is missing" "is below 1" \
		"does not match" "is not of type boolean" "more than 2 items"; do
		expect_in errors.txt "$want" "the validator reports: $want"
	done
else
	echo "jq not installed: JSON output checked by key names only"
fi

done_testing
