# T190-delete-stats: --delete removes articles by id; --stats describes
# the index, as text and as JSON.
# SPDX-License-Identifier: MIT
. "$(dirname "$0")/lib.sh"
DB="$LEDE_TMP/db"

run lede-index --db "$DB" --delete x
expect_rc 1 "--delete on a missing index"
expect_in err "no index at" "says there is none"

run lede-index --db "$DB" "$FIXTURES/news"
expect_rc 0 "index the sample articles"

# --stats, text.
run lede-index --db "$DB" --stats
expect_rc 0 "--stats"
expect_in out "articles     11" "the article count"
expect_in out "files        8 (0 to read again)" "the files read"
expect_in out "  section    " "articles with a section"
expect_in out "most frequent:" "and the commonest values"
expect_eq "$(grep -c 'last commit  20[0-9][0-9]-' out)" 1 "the last commit's time"
expect_eq "$(wc -c <err | tr -d ' ')" 0 "nothing on stderr"

# --stats --format json: the same numbers.
run lede-index --db "$DB" --stats --format json
expect_rc 0 "--stats --format json"
canon <out >stats.json && ok || not_ok "valid JSON"
expect_in stats.json '"articles": 11' "articles"
expect_in stats.json '"files": 8' "files"
expect_in stats.json '"files_pending": 0' "none to read again"
sections=$(sed -n 's/^    "section": \([0-9]*\),*$/\1/p' stats.json | head -n 1)
expect_eq "$sections" 11 "every sample article has a section"
expect_in stats.json '"last_commit": "20' "the last commit"
if command -v jq >/dev/null 2>&1; then
	expect_eq "$(jq -c '.top.section[0]' out)" '{"value":"world","count":4}' \
		"the commonest section first, with its count"
	expect_eq "$(jq '.top.section | length' out)" 5 "five values at most"
fi

run lede-index --db "$DB" --stats --format yaml
expect_rc 2 "--stats prints text or json only"
run lede-index --db "$DB" --stats extra
expect_rc 2 "--stats takes no paths"

# --delete: found ids go, unknown ones are named.
run lede-index --db "$DB" --delete business/001.txt world-0002 no-such-id
expect_rc 1 "an unknown id makes the status 1"
expect_in err "no article 'no-such-id' in the index" "and is named"
expect_in err "deleted 2 articles; 1 not found" "the summary"
expect_eq "$(ids 'id:business/001.txt')" "" "the deleted article is gone"
run lede-index --db "$DB" --stats
expect_in out "articles     9" "two fewer"
run lede-index --db "$DB" --delete sport/001.txt
expect_rc 0 "deleting an id that is there"

# A deleted article's file is unchanged, so an ordinary run leaves it out.
run lede-index --db "$DB" "$FIXTURES/news"
expect_in err "(8 in the index)" "a re-run does not bring deleted articles back"
run lede-index --db "$DB" --reread "$FIXTURES/news"
expect_in err "(11 in the index)" "--reread does"

run lede-index --db "$DB" --delete
expect_rc 2 "--delete without ids"
run lede-index --db "$DB" --delete --stats
expect_rc 2 "--delete and --stats together"

done_testing
