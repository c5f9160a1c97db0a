# T210-dates: date: filters, fixed and relative, never change scores.
# SPDX-License-Identifier: MIT
. "$(dirname "$0")/lib.sh"
DB="$LEDE_TMP/db"

# Articles either side of each boundary the queries below draw, and one
# without a date. "Now" for relative dates is Sunday 2024-03-31T12:00Z.
cat >dated.jsonl <<'JSON'
{"id": "d1", "headline": "Harbour wall repaired", "body": "The harbour wall was repaired before the new year.", "date": "2003-12-31T23:59:59Z"}
{"id": "d2", "headline": "Harbour opens for the year", "body": "The harbour opened at midnight.", "date": "2004-01-01T00:00:00Z"}
{"id": "d3", "headline": "Harbour harbour harbour", "body": "The harbour closed for the summer as the harbour master retired.", "date": "2004-06-30T23:59:59Z"}
{"id": "d4", "headline": "Harbour in July", "body": "Boats filled the harbour in July.", "date": "2004-07-01T00:00:00Z"}
{"id": "d5", "headline": "Harbour festival", "body": "The harbour festival drew crowds.", "date": "2023-11-12T10:00:00Z"}
{"id": "d6", "headline": "Harbour storm", "body": "A storm hit the harbour on Saturday.", "date": "2024-03-30T08:00:00Z"}
{"id": "d7", "headline": "Harbour dredging", "body": "Dredging of the harbour began last week.", "date": "2024-03-20T09:00:00Z"}
{"id": "d8", "headline": "Harbour history", "body": "A history of the harbour, undated."}
JSON
run lede-index --db "$DB" dated.jsonl
expect_rc 0 "index the dated articles"

# sorted_ids QUERY...: the ids found, sorted, on one line.
sorted_ids() {
	ids "$@" | sort | tr '\n' ' '
}

expect_eq "$(sorted_ids harbour)" "d1 d2 d3 d4 d5 d6 d7 d8 " "all eight"
expect_eq "$(sorted_ids 'date:2004')" "d2 d3 d4 " "date:2004, alone"
expect_eq "$(sorted_ids 'harbour date:2004')" "d2 d3 d4 " "a year"
expect_eq "$(sorted_ids 'harbour date:2004-01..2004-06')" "d2 d3 " \
	"months, the last one whole"
expect_eq "$(sorted_ids 'harbour date:2004-07')" "d4 " "a month"
expect_eq "$(sorted_ids 'harbour date:2023-11-12')" "d5 " "a day"
expect_eq "$(sorted_ids 'harbour date:..2003')" "d1 " "open start"
expect_eq "$(sorted_ids 'harbour date:2024-03..')" "d6 d7 " "open end"
expect_eq "$(sorted_ids 'harbour date:2003 OR date:2023')" "d1 d5 " \
	"either of two years"
expect_eq "$(sorted_ids 'harbour date:2003 date:2023')" "d1 d5 " \
	"two date: filters are alternatives"
expect_eq "$(sorted_ids 'harbour -date:2004')" "d1 d5 d6 d7 d8 " \
	"excluding a year keeps the undated"

# Relative forms count back from LEDE_NOW, as seconds or as a date.
LEDE_NOW=2024-03-31T12:00:00Z
export LEDE_NOW
expect_eq "$(sorted_ids 'harbour date:yesterday..')" "d6 " "yesterday.."
expect_eq "$(sorted_ids 'harbour date:yesterday')" "d6 " "yesterday"
expect_eq "$(sorted_ids 'harbour date:"last week"')" "d7 " "last week"
expect_eq "$(sorted_ids 'harbour date:7d..')" "d6 " "7d.."
expect_eq "$(sorted_ids 'harbour date:"this month"')" "d6 d7 " "this month"
expect_eq "$(sorted_ids 'harbour date:1y..')" "d5 d6 d7 " "1y.."
expect_eq "$(sorted_ids 'harbour date:"last year"')" "d5 " "last year"
LEDE_NOW=1711886400
expect_eq "$(sorted_ids 'harbour date:7d..')" "d6 " "LEDE_NOW in seconds"
LEDE_NOW=1700000000 # 2023-11-14T22:13:20Z
expect_eq "$(sorted_ids 'harbour date:"last week"')" "d5 " \
	"another now, another week"
unset LEDE_NOW

# A date filter leaves scores as they were.
# score_of ID QUERY...: the score lede-search gives ID.
score_of() {
	want_id=$1
	shift
	lede-search --db "$DB" --format json --limit 100 "$@" | canon |
		awk -v id="$want_id" '
			/^      "id": / { cur = $2 }
			/^      "score": / { if (cur == "\"" id "\",") print $2 }'
}
s_all=$(score_of d3 harbour)
s_2004=$(score_of d3 'harbour date:2004')
expect_eq "$(test -n "$s_all" && echo found)" found "d3 has a score"
expect_eq "$s_2004" "$s_all" "the date filter leaves d3's score"
expect_eq "$(score_of d2 'harbour date:2004-01..2004-06')" \
	"$(score_of d2 harbour)" "a range leaves d2's score"

# A bad date is a bad query, with the column of the value.
run lede-search --db "$DB" 'harbour date:2004-13'
expect_in err "cannot read date '2004-13' at column 14" "bad month"
expect_rc 2 "a bad date is a usage error"
run lede-search --db "$DB" 'date:2004-01..2003-01'
expect_in err "cannot read date '2004-01..2003-01' at column 6" \
	"a range that ends before it starts"
LEDE_NOW=someday
export LEDE_NOW
run lede-search --db "$DB" 'date:today'
unset LEDE_NOW
expect_in err "cannot read LEDE_NOW 'someday'" "a LEDE_NOW we cannot read"

done_testing
