# lib.sh: the harness every tests/cli/T*.sh script sources.
# SPDX-License-Identifier: MIT
#
# Each script runs the real programs in a scratch folder and checks what
# they print and how they exit. A failed check prints its description and
# the script goes on; done_testing prints "N passed, N failed" and sets the
# exit status. A script that cannot run here calls skip (exit 77).

set -u
: "${LEDE_BIN:?set by ctest: folder of lede-index and lede-search}"
: "${LEDE_SRC:?set by ctest: the source tree}"
: "${LEDE_TMP:?set by ctest: a scratch folder for this script}"

PATH="$LEDE_BIN:$PATH"
export PATH
FIXTURES="$LEDE_SRC/tests/fixtures"
SHARED="$LEDE_SRC/../shared"

rm -rf "$LEDE_TMP"
mkdir -p "$LEDE_TMP/home"
cd "$LEDE_TMP" || exit 1
# Nothing from the caller's environment may pick the index or the colours.
unset LEDE_DB XDG_DATA_HOME
HOME="$LEDE_TMP/home"
export HOME

test_passed=0
test_failed=0

ok() {
	test_passed=$((test_passed + 1))
}

not_ok() {
	test_failed=$((test_failed + 1))
	printf '%s: FAIL: %s\n' "${0##*/}" "$*" >&2
}

# run CMD...: runs it with stdout in ./out, stderr in ./err, status in $rc.
run() {
	"$@" >out 2>err
	rc=$?
}

# expect_rc N DESCRIPTION
expect_rc() {
	if [ "$rc" -eq "$1" ]; then
		ok
	else
		not_ok "$2: exit status $rc, want $1; stderr: $(cat err)"
	fi
}

# expect_in FILE TEXT DESCRIPTION: FILE contains TEXT (fixed string).
expect_in() {
	if grep -qF -- "$2" "$1"; then
		ok
	else
		not_ok "$3: '$2' not in $1:"
		sed 's/^/    /' "$1" >&2
	fi
}

expect_not_in() {
	if grep -qF -- "$2" "$1"; then
		not_ok "$3: '$2' found in $1"
	else
		ok
	fi
}

# expect_eq GOT WANT DESCRIPTION
expect_eq() {
	if [ "$1" = "$2" ]; then
		ok
	else
		not_ok "$3: got '$1', want '$2'"
	fi
}

# expect_same_file GOT WANT DESCRIPTION
expect_same_file() {
	if diff -u "$2" "$1" >diff.out 2>&1; then
		ok
	else
		not_ok "$3:"
		sed 's/^/    /' diff.out >&2
	fi
}

# canon [--drop KEY]... < JSON: the canonical form of JSON.
canon() {
	"${JSON_CANON:?set by ctest}" "$@"
}

# ids QUERY...: the ids lede-search finds on $DB, one per line.
ids() {
	lede-search --db "$DB" --format json --limit 100 "$@" |
		canon | sed -n 's/^      "id": "\(.*\)",$/\1/p'
}

# indexed_count: the index size lede-index reported in ./err.
indexed_count() {
	sed -n 's/.*(\([0-9]*\) in the index).*/\1/p' err
}

skip() {
	echo "skipped: $*"
	exit 77
}

done_testing() {
	echo "$test_passed passed, $test_failed failed"
	[ "$test_failed" -eq 0 ]
	exit $?
}

# dbtool set-meta DIR KEY VALUE | check DIR: changes or checks an index
# behind lede's back (tests/cli/dbtool.c).
dbtool() {
	"${DBTOOL:?set by ctest}" "$@"
}
