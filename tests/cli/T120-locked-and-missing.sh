# T120-locked-and-missing: a second writer is refused at once (exit status
# 1, as lede-index(1) says); a missing index is named.
# SPDX-License-Identifier: MIT
. "$(dirname "$0")/lib.sh"
DB="$LEDE_TMP/db"

run lede-search --db "$LEDE_TMP/nowhere" anything
expect_rc 1 "searching a missing index fails"
expect_in err "$LEDE_TMP/nowhere" "the message names the path"
expect_in err "lede-index" "and says how to make one"

run lede-index --db "$DB" "$FIXTURES/news"
expect_rc 0 "make an index"

# The first writer holds the lock while it waits for stdin.
mkfifo pipe
lede-index --db "$DB" - <pipe >first.out 2>first.err &
writer=$!
exec 3>pipe
sleep 1
start=$(date +%s)
run lede-index --db "$DB" "$FIXTURES/news/sport"
end=$(date +%s)
expect_rc 1 "a second writer fails"
expect_in err "lede-index: index '$DB' is locked: another lede-index is writing" \
	"and says the index is locked, by its name"
[ "$(wc -l <err)" -eq 1 ] && ok || not_ok "one message, no summary: $(cat err)"
[ $((end - start)) -le 1 ] && ok || not_ok "refused within a second"

# Readers are not blocked by the writer.
run lede-search --db "$DB" marathon
expect_rc 0 "search while a writer holds the lock"
expect_in out "sport/002.txt" "the reader sees committed articles"

printf 'Pelicans nest on the pier\n\nA pair of pelicans nested.\n' >&3
exec 3>&-
wait $writer
expect_eq "$?" 0 "the first writer finishes cleanly"
expect_eq "$(ids pelicans | wc -l | tr -d ' ')" 1 "its article was committed"

done_testing
