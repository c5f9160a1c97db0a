# T270-near: NEAR/n over a small index whose word distances are known,
# phrases beside it, and the errors of NEAR used wrongly.
# SPDX-License-Identifier: MIT
. "$(dirname "$0")/lib.sh"
DB="$LEDE_TMP/db"

# Words between "budget" and "deficit": n1 none, n3 two (in the other
# order), n2 four; n4 has them only across headline and body, n5 only as
# "budgets" and "deficits", one word apart.
cat >articles.jsonl <<'JSONL'
{"id": "n1", "headline": "Treasury figures", "body": "The budget deficit grew again this year.", "language": "en"}
{"id": "n2", "headline": "Spending review", "body": "The budget was cut and the deficit fell.", "language": "en"}
{"id": "n3", "headline": "Bond markets", "body": "The deficit and the budget worried investors.", "language": "en"}
{"id": "n4", "headline": "Budget day", "body": "The chancellor said the deficit was under control.", "language": "en"}
{"id": "n5", "headline": "Budgets and deficits", "body": "Local councils publish budgets and report deficits every spring.", "language": "en"}
JSONL
run lede-index --no-extract --db "$DB" articles.jsonl
expect_rc 0 "index the articles"

# found QUERY: the ids found, on one line.
found() {
	lede-search --db "$DB" --format ids --limit 20 "$@" | tr '\n' ' '
}

# ---- The distance: at most n other words between, either order. --------
expect_eq "$(found 'budget NEAR/1 deficit')" "n1 " "NEAR/1: side by side"
expect_eq "$(found 'budget NEAR/2 deficit')" "n1 n3 " \
	"NEAR/2: two words between, in either order"
expect_eq "$(found 'budget NEAR/4 deficit')" "n1 n3 n2 " \
	"NEAR/4: four words between; the shorter articles first"
expect_eq "$(found 'deficit NEAR/4 budget')" "n1 n3 n2 " \
	"the words in either order in the query"
expect_eq "$(found 'budget NEAR deficit')" "n1 n3 n2 " \
	"NEAR alone is NEAR/10; never across headline and body (n4)"
expect_eq "$(found 'budget NEAR/2 deficit NEAR/2 worried')" "n3 " \
	"three words in one stretch"

# ---- Words as written: positions are the words', not their stems'. ------
expect_eq "$(found 'budgets NEAR/1 deficits')" "n5 " "plurals as written"
expect_eq "$(found 'title:budgets NEAR/1 title:deficits')" "n5 " \
	"in the headline"
expect_eq "$(found 'budget deficit')" "n5 n4 n1 n3 n2 " \
	"without NEAR, any form of either word"

# ---- With the rest of the language. -------------------------------------
expect_eq "$(found 'budget NEAR/4 deficit -investors')" "n1 n2 " \
	"NEAR and a word that must not match"
expect_eq "$(found '(budget NEAR/2 deficit) OR chancellor')" "n4 n1 n3 " \
	"NEAR in a group, ORed"
expect_eq "$(found '+budget NEAR/2 deficit chancellor')" "n1 n3 " \
	"+ before NEAR: the whole NEAR must match"

# ---- Phrases: their words in order, next to each other. -----------------
expect_eq "$(found '"budget deficit"')" "n1 " "a phrase"
expect_eq "$(found '"deficit budget"')" "" "a phrase in the other order"
expect_eq "$(found '"budgets and deficits"')" "n5 " \
	"a phrase with a stopword, headline and body"

# ---- Errors: where and why, exit status 2. ------------------------------
bad() {
	run lede-search --db "$DB" "$1"
	expect_rc 2 "bad query: $1"
	expect_in err "bad query '$1': $2" "the message for $1"
}
bad 'budget NEAR/0 deficit' \
	"'NEAR/0' wants the number of words that may come between, from 1 to 1000 at column 8"
bad 'budget NEAR/x deficit' "'NEAR/x' wants the number of words"
bad 'budget NEAR/1001 deficit' "'NEAR/1001' wants the number of words"
bad 'budget NEAR/3' "'NEAR/3' needs a word after it at column 8"
bad 'budget NEAR/3 OR deficit' "'NEAR/3' needs a word after it at column 8"
bad 'NEAR/3 deficit' "'NEAR/3' needs a word before it at column 1"
bad 'budget AND NEAR deficit' "'NEAR' needs a word before it at column 12"
bad '"budget cut" NEAR/3 deficit' \
	'NEAR joins words, not "phrases" at column 1'
bad 'budget NEAR/3 defic*' "NEAR joins words, not wildcards at column 15"
bad 'budget NEAR/3 section:world' \
	"NEAR joins words, not filters at column 15"
bad 'budget NEAR/3 post-war' \
	"NEAR joins single words: 'post-war' is more than one at column 15"
bad 'title:budget NEAR/3 deficit' \
	"NEAR joins words of one field at column 21"

# Lower case "near" is a word.
expect_eq "$(found 'near')" "" "near is an ordinary word"

done_testing
