# T340-corrupt-index: a damaged index file gets a clear message from both
# programs (naming the index, saying it is damaged and what to do), exit
# status 1 and no crash.
# SPDX-License-Identifier: MIT
. "$(dirname "$0")/lib.sh"

run lede-index --db "$LEDE_TMP/good" "$FIXTURES/news"
expect_rc 0 "make an index"

# fresh NAME: a copy of the good index at $LEDE_TMP/NAME, in $DB.
fresh() {
	DB="$LEDE_TMP/$1"
	rm -rf "$DB"
	cp -R "$LEDE_TMP/good" "$DB"
}

# both WHAT TEXT: each program fails on $DB with TEXT in its message.
both() {
	for prog in lede-search lede-index; do
		if [ $prog = lede-search ]; then
			run lede-search --db "$DB" --format json copper
		else
			run lede-index --db "$DB" "$FIXTURES/news/sport"
		fi
		expect_rc 1 "$prog on $1: exit status 1, no crash"
		expect_in err "$prog: cannot open index '$DB'" \
			"$prog on $1 names the index"
		expect_in err "$2" "$prog on $1 says what is wrong"
		expect_in err "re-index into a new directory" \
			"$prog on $1 says what to do"
		[ "$(wc -l <err)" -eq 1 ] && ok ||
			not_ok "$prog on $1: one message: $(cat err)"
		[ -s out ] && not_ok "$prog on $1: nothing on stdout" || ok
	done
}

# Every byte of a table overwritten: Xapian finds the damage.
fresh garbage
size=$(wc -c <"$DB/postlist.glass")
dd if=/dev/zero bs="$size" count=1 2>/dev/null | tr '\000' '\377' \
	>"$DB/postlist.glass"
both "an overwritten table" "the index is damaged"

# A table cut short, as a full disk or a failed copy leaves it.
fresh truncated
: >"$DB/termlist.glass"
both "a truncated table" "damaged or cut short"

# The version file overwritten.
fresh version
printf 'not a version file at all, just text\n' >"$DB/iamglass"
both "an overwritten version file" "the index is damaged"

# The damage is left for the user to see: the good copy still works.
run lede-search --db "$LEDE_TMP/good" --format ids copper
expect_in out "business/002.txt" "an undamaged copy still searches"

done_testing
