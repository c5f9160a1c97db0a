# T330-newer-format: an index made by a newer lede is refused by both
# programs with a message that says so, and left as it was; an older one
# asks for a re-index.
# SPDX-License-Identifier: MIT
. "$(dirname "$0")/lib.sh"
DB="$LEDE_TMP/db"

run lede-index --db "$DB" "$FIXTURES/news"
expect_rc 0 "make an index"

# The metadata key schema.h records the format version under.
run dbtool set-meta "$DB" lede.format 99
expect_rc 0 "stamp the index with format 99"

for prog in lede-search lede-index; do
	if [ $prog = lede-search ]; then
		run lede-search --db "$DB" copper
	else
		run lede-index --db "$DB" "$FIXTURES/news/sport"
	fi
	expect_rc 1 "$prog refuses a newer format"
	expect_in err "$prog: index '$DB' was made by a newer lede" \
		"$prog says a newer lede made it"
	expect_in err "lede.format 99" "$prog names the version found"
	expect_in err "upgrade lede" "$prog says what to do"
	[ "$(wc -l <err)" -eq 1 ] && ok || not_ok "$prog: one message: $(cat err)"
done

# lede-index changed nothing: the index is still refused, not restamped.
run lede-search --db "$DB" copper
expect_in err "was made by a newer lede" "the refused writer left it alone"

# A newer text analysis is a newer lede too.
DB="$LEDE_TMP/db2"
run lede-index --db "$DB" "$FIXTURES/news"
run dbtool set-meta "$DB" lede.analysis 1000
run lede-search --db "$DB" copper
expect_rc 1 "a newer analysis is refused"
expect_in err "was made by a newer lede (lede.analysis 1000" \
	"and said to be from a newer lede"

# An older format is not newer: it needs a re-index.
run dbtool set-meta "$DB" lede.analysis 0
run lede-search --db "$DB" copper
expect_rc 1 "an older analysis is refused"
expect_in err "re-index needed" "with a re-index asked for"
expect_not_in err "made by a newer" "and no talk of a newer lede"

done_testing
