# T275-explain: --explain shows the query as it runs and what each hit's
# score is made of; the parts add up to the score (times the recency
# factor with --sort recency).
# SPDX-License-Identifier: MIT
. "$(dirname "$0")/lib.sh"
DB="$LEDE_TMP/db"

# Dated a week apart (e4 has no date), so that recency halves per week.
cat >articles.jsonl <<'JSONL'
{"id": "e1", "headline": "Harbour strike ends", "body": "The harbour strike ended after talks with the port authority.", "date": "2024-01-10T12:00:00Z", "section": "business", "language": "en"}
{"id": "e2", "headline": "Port news", "body": "A strike at the harbour closed the port for a day.", "date": "2024-01-03T12:00:00Z", "section": "business", "language": "en"}
{"id": "e3", "headline": "Ferry times", "body": "Ferries ran late while the harbour was closed.", "date": "2023-12-27T12:00:00Z", "section": "travel", "language": "en"}
{"id": "e4", "headline": "Council", "body": "The council met to discuss the harbour budget and the strike fund.", "section": "politics", "language": "en"}
JSONL
run lede-index --no-extract --db "$DB" articles.jsonl
expect_rc 0 "index the articles"

search() {
	run lede-search --db "$DB" --explain "$@"
}

# lines PATTERN: the lines of ./out that start with PATTERN, trimmed.
lines() {
	grep "^ *$1" out | sed 's/^ *//'
}

# sums [OPTION]... QUERY: for each hit of the JSON answer, "ok ID N" when
# its N parts add up to its relevance and relevance times the recency
# factor (1 without one) is its score; "bad ..." otherwise.
sums() {
	lede-search --db "$DB" --explain --format json "$@" | canon | awk '
	/^      "explain": \{/ { inexp = 1; sum = 0; f = 1; n = 0 }
	inexp && /"weight": / { v = $2; sub(/,$/, "", v); sum += v; n++ }
	inexp && /"factor": / { v = $2; sub(/,$/, "", v); f = v }
	inexp && /"relevance": / { v = $2; sub(/,$/, "", v); rel = v; inexp = 0 }
	/^      "id": / { id = $2; gsub(/[",]/, "", id) }
	/^      "score": / {
		v = $2; sub(/,$/, "", v)
		d1 = sum - rel; if (d1 < 0) d1 = -d1
		d2 = rel * f - v; if (d2 < 0) d2 = -d2
		if (d1 <= 1e-9 * rel && d2 <= 1e-12)
			print "ok", id, n
		else
			print "bad", id, "parts", sum, "relevance", rel,
				"factor", f, "score", v
	}'
}

# ---- Text: the parsed query, then one explain line per hit. --------------
search 'harbour strike'
expect_rc 0 "--explain"
lines "parsed:" >got.txt
printf '%s\n' 'parsed: (harbour[harbour~] OR strike[strike~])' >want.txt
expect_same_file got.txt want.txt "the parsed line: words and their stems"
lines "explain:" >got.txt
cat >want.txt <<'TXT'
explain: harbour 0.091 + strike 0.325 = 0.416
explain: harbour 0.059 + strike 0.211 = 0.269
explain: harbour 0.054 + strike 0.194 = 0.248
explain: harbour 0.057 = 0.057
TXT
expect_same_file got.txt want.txt "each hit's parts and score"
expect_in out "e1 · 2024-01-10 · business · score 0.416" \
	"the score shown is the sum"

# A field's word is a part of its own; excluded words are no parts.
search 'title:strike harbour -ferry'
lines "parsed:" >got.txt
printf '%s\n' 'parsed: ((headline:strike[strike~] OR harbour[harbour~]) NOT ferry[ferri~])' >want.txt
expect_same_file got.txt want.txt "a field, and NOT"
lines "explain:" >got.txt
cat >want.txt <<'TXT'
explain: title:strike 1.162 + harbour 0.091 = 1.253
explain: harbour 0.059 = 0.059
explain: harbour 0.054 = 0.054
TXT
expect_same_file got.txt want.txt "the headline part"

# A word that matched where it does not count weighs 0.
search '(harbour AND zebra) OR strike'
lines "explain:" >got.txt
printf '%s\n' 'explain: strike 0.325 = 0.325' 'explain: strike 0.211 = 0.211' \
	'explain: strike 0.194 = 0.194' >want.txt
expect_same_file got.txt want.txt "harbour counts nowhere: its AND failed"
lede-search --db "$DB" --explain --format json '(harbour AND zebra) OR strike' |
	canon >zero.json
expect_eq "$(grep -A2 '"clause": "harbour"' zero.json |
	grep -c '"weight": 0.0$')" 3 "harbour weighs 0.0 in each of the three hits"

# Recency multiplies the sum: a week old halves it, two weeks quarter it;
# undated counts as the oldest.
search --sort recency 'harbour strike'
lines "explain:" >got.txt
cat >want.txt <<'TXT'
explain: (harbour 0.091 + strike 0.325) * recency 1.000 (age 0d, half-life 7d) = 0.416
explain: (harbour 0.054 + strike 0.194) * recency 0.500 (age 7d, half-life 7d) = 0.124
explain: (harbour 0.059 + strike 0.211) * recency 0.250 (age 14d, half-life 7d) = 0.067
explain: (harbour 0.057) * recency 0.250 (age 14d, half-life 7d) = 0.014
TXT
expect_same_file got.txt want.txt "recency"
search --sort recency --half-life 12h --limit 1 --offset 1 'harbour strike'
lines "explain:" >got.txt
printf '%s\n' 'explain: (harbour 0.054 + strike 0.194) * recency 0.000 (age 7d, half-life 12h) = 0.000' >want.txt
expect_same_file got.txt want.txt "a half-life in hours"
lede-search --db "$DB" --explain --format json --sort recency --limit 2 \
	'harbour strike' | canon >recency.json
for want in '"age_days": 7.0,' '"factor": 0.5,' '"half_life_days": 7.0'; do
	expect_in recency.json "$want" "recency in JSON: $want"
done

# --like is a part of its own; filters and dates come after FILTER.
search --like e1 port
lines "parsed:" >got.txt
printf '%s\n' 'parsed: (port[port~] AND_MAYBE like:e1[ends authority ended talks port strike])' >want.txt
expect_same_file got.txt want.txt "the like terms"
lines "explain:" >got.txt
printf '%s\n' 'explain: port 0.730 + like:e1 0.924 = 1.654' >want.txt
expect_same_file got.txt want.txt "the like part"
search --filter section=business --since 2024-01-01 \
	'"port authority" OR harbour*'
lines "parsed:" >got.txt
printf '%s\n' 'parsed: ("port authority" OR harbour*) FILTER section:business AND date:2024-01-01..' >want.txt
expect_same_file got.txt want.txt "a phrase, a wildcard, --filter, --since"
lines "explain:" >got.txt
printf '%s\n' 'explain: "port authority" 1.114 + harbour* 0.091 = 1.204' \
	'explain: harbour* 0.054 = 0.054' >want.txt
expect_same_file got.txt want.txt "a phrase and a wildcard"
search section:travel
lines "parsed:" >got.txt
printf '%s\n' 'parsed: <all> FILTER section:travel' >want.txt
expect_same_file got.txt want.txt "a filter alone"
lines "explain:" >got.txt
printf '%s\n' 'explain: no ranked words = 0.000' >want.txt
expect_same_file got.txt want.txt "nothing ranked"
search 'port NEAR/2 authority'
lines "explain:" >got.txt
printf '%s\n' 'explain: port NEAR/2 authority 1.114 = 1.114' >want.txt
expect_same_file got.txt want.txt "a NEAR group is one part"

# ---- JSON: the parts add up, for every hit, whatever the query. ----------
sums 'harbour strike' >got.txt
printf '%s\n' "ok e1 2" "ok e4 2" "ok e2 2" "ok e3 2" >want.txt
expect_same_file got.txt want.txt "the parts add up to the score"
sums --sort recency 'harbour strike' >got.txt
printf '%s\n' "ok e1 2" "ok e2 2" "ok e4 2" "ok e3 2" >want.txt
expect_same_file got.txt want.txt "... times the recency factor"
sums 'title:strike "port authority" harbour* -ferry' >got.txt
printf '%s\n' "ok e1 3" "ok e4 3" "ok e2 3" >want.txt
expect_same_file got.txt want.txt "... with a field, a phrase and a wildcard"
sums --like e1 >got.txt
printf '%s\n' "ok e2 1" "ok e4 1" >want.txt
expect_same_file got.txt want.txt "... with --like alone"
sums --like e2 --sort recency harbour >got.txt
printf '%s\n' "ok e1 2" "ok e3 2" "ok e4 2" >want.txt
expect_same_file got.txt want.txt "... with --like, words and recency"

lede-search --db "$DB" --explain --format json 'title:strike harbour' |
	canon >parts.json
expect_in parts.json '"parsed": "(headline:strike[strike~] OR harbour[harbour~])"' \
	"explain.parsed"
expect_in parts.json '"matches": "headline:strike[strike~]"' "explain.parts"
expect_in parts.json '"field": "headline"' "a part's field"
run lede-search --db "$DB" --explain --format jsonl 'harbour strike'
expect_eq "$(grep -c '"explain":{"relevance":' out)" 4 "jsonl hits explain too"

# ---- Without --explain, nothing of it. ----------------------------------
run lede-search --db "$DB" 'harbour strike'
expect_not_in out "parsed:" "no parsed line"
expect_not_in out "explain:" "no explain lines"
lede-search --db "$DB" --format json 'harbour strike' >plain.json
expect_not_in plain.json '"explain"' "no explain in JSON"

done_testing
