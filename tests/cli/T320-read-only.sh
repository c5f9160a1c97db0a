# T320-read-only: an index the user may not write can still be searched;
# lede-index says it cannot write there (not that it is locked).
# SPDX-License-Identifier: MIT
. "$(dirname "$0")/lib.sh"
DB="$LEDE_TMP/db"
SPORT="$FIXTURES/news/sport"

run lede-index --db "$DB" "$FIXTURES/news"
expect_rc 0 "make an index"

# Root may write anything: as root, run the programs as nobody, from a
# folder anyone may enter (the checkout may sit under a private home),
# with copies of the programs (and their library), the index and the
# input.
if [ "$(id -u)" -eq 0 ]; then
	command -v setpriv >/dev/null 2>&1 ||
		skip "running as root without setpriv to drop privileges"
	shared=$(mktemp -d "${TMPDIR:-/tmp}/lede-T320-XXXXXX") ||
		skip "cannot make a folder in ${TMPDIR:-/tmp}"
	trap 'rm -rf "$shared"' EXIT
	mkdir "$shared/bin"
	# The library goes beside them: the programs look for it there
	# ($ORIGIN in their run path), as they do in the build tree.
	cp "$LEDE_BIN/lede-index" "$LEDE_BIN/lede-search" "$shared/bin/"
	cp -P "$LEDE_BIN"/liblede.so* "$shared/bin/"
	cp -R "$DB" "$shared/db"
	cp -R "$SPORT" "$shared/sport"
	chmod -R a+rX "$shared"
	DB="$shared/db"
	SPORT="$shared/sport"
	PATH="$shared/bin:$PATH"
	as_user() {
		setpriv --reuid=65534 --regid=65534 --clear-groups "$@"
	}
else
	as_user() {
		"$@"
	}
fi
chmod a-w "$DB"
if as_user sh -c ": >'$DB/probe'" 2>/dev/null; then
	skip "the index folder stays writable here"
fi
as_user sh -c "cat '$DB/iamglass' >/dev/null" 2>/dev/null ||
	skip "the index cannot be read as an unprivileged user here"

run as_user lede-search --db "$DB" --format ids copper
expect_rc 0 "searching a read-only index works"
expect_in out "business/002.txt" "and finds its articles"

run as_user lede-index --db "$DB" "$SPORT"
expect_rc 1 "indexing into it fails"
expect_in err "cannot write to index '$DB'" "and says it cannot write there"
expect_in err "Permission denied" "and why"
expect_not_in err "locked" "it does not blame another writer"
[ "$(wc -l <err)" -eq 1 ] && ok || not_ok "one message: $(cat err)"

# A writable folder with a lock file the user may not write is the same.
chmod a+w "$DB"
chmod a-w "$DB/flintlock"
run as_user lede-index --db "$DB" "$SPORT"
expect_rc 1 "a lock file that cannot be written fails too"
expect_in err "cannot write to index '$DB'" "with the same message"
chmod u+w "$DB/flintlock"

run lede-index --db "$DB" "$SPORT"
expect_rc 0 "whoever may write it still can"

done_testing
