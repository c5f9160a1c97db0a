# T300-bbc: the real BBC corpus, when ../shared is beside the checkout.
# SPDX-License-Identifier: MIT
. "$(dirname "$0")/lib.sh"
BBC="$SHARED/corpora/bbc"
[ -d "$BBC/business" ] || skip "no BBC corpus at $BBC"
DB="$LEDE_TMP/db"

run lede-index --db "$DB" "$BBC"
expect_rc 0 "index the BBC corpus"
expect_eq "$(indexed_count)" 2225 "all 2,225 articles"
expect_in err "warning: $BBC/sport/199.txt" "the invalid UTF-8 file is named"
expect_in err "invalid UTF-8" "and the problem"

first=$(ids 'Time Warner quarterly profits' | head -n 1)
expect_eq "$first" "business/001.txt" "Time Warner's results rank first"

run lede-index --db "$DB" "$BBC"
expect_eq "$(indexed_count)" 2225 "indexing again keeps 2,225"

done_testing
