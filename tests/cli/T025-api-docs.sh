# T025-api-docs: lede.h documents every status of every function, and
# tests/api/test_statuses.c provokes each one or says why it cannot.
# SPDX-License-Identifier: MIT
#
# api_doc.awk reads lede.h: each function must have a comment above its
# declaration, each function returning lede_status_t a "Returns" list
# naming LEDE_OK and its other statuses, and every LEDE_ or lede_ name in
# a comment must exist. test_statuses --pairs lists the (function, status)
# pairs it provoked and its exceptions; each documented pair must be one
# of them, and each of them a documented pair.
. "$(dirname "$0")/lib.sh"
HEADER="$LEDE_SRC/include/lede.h"
AWK="$LEDE_SRC/tests/cli/api_doc.awk"
STATUSES="$LEDE_BUILD/tests/test_statuses"

doc() {
	awk -f "$AWK" "$1" "$1"
}

# ---- The checker finds what it should (so that it can fail). -----------
# A copy of lede.h with lede_db_count's "Returns" taken out, a status that
# does not exist in lede_query_run's list, a function with no comment and
# a comment naming a function that is not there.
sed -e '/articles in the index in \*count/,/lede_db_count(/s/Ret/Giv/' \
	-e 's/LEDE_BAD_QUERY (empty text/LEDE_BAD_QUERYY (empty text/' \
	-e '/^\/\* ---- Results --/i\
int lede_undocumented(void);\

' \
	-e 's/lede_results_took_ms, rounded/lede_results_took_sec, rounded/' \
	"$HEADER" >broken.h
doc broken.h >broken.txt
for want in \
	"lede_db_count: returns lede_status_t, its comment has no \"Returns\" list" \
	"comment names LEDE_BAD_QUERYY, which lede.h does not define" \
	"lede_undocumented: no comment above its declaration" \
	"comment names lede_results_took_sec, which lede.h does not define"; do
	expect_in broken.txt "$want" "api_doc.awk reports: $want"
done
expect_not_in broken.txt "pair	lede_db_count	" \
	"without \"Returns\", lede_db_count has no pairs"

# ---- lede.h keeps its promises. -----------------------------------------
doc "$HEADER" >doc.txt
sed -n 's/^problem	//p' doc.txt >problems.txt
if [ -s problems.txt ]; then
	while read -r problem; do
		not_ok "lede.h: $problem"
	done <problems.txt
else
	ok
fi
grep '^function	' doc.txt | cut -f2 | sort >functions.txt
grep '^function	lede_[a-z0-9_]*	lede_status_t' doc.txt | cut -f2 |
	sort >status-functions.txt
grep '^pair	' doc.txt | cut -f2,3 | sort -u >documented.txt
# The parser found the header's declarations: as many as the compiler does.
"${LEDE_CC:-cc}" -E -P -x c "$HEADER" |
	grep -o '\blede_[a-z0-9_]*[[:space:]]*(' | tr -d ' \t(' |
	sort -u >declared.txt
expect_eq "$(sort -u functions.txt | tr '\n' ' ')" \
	"$(tr '\n' ' ' <declared.txt)" "api_doc.awk finds every function"
# Every status function has at least its LEDE_OK pair.
while read -r fn; do
	if grep -q "^$fn	LEDE_OK\$" documented.txt; then ok; else
		not_ok "$fn: no documented statuses"
	fi
done <status-functions.txt

# ---- Every documented pair is provoked, or an exception says why. ------
if [ ! -x "$STATUSES" ]; then
	not_ok "$STATUSES is not built"
	done_testing
fi
"$STATUSES" "$LEDE_TMP" "$LEDE_SRC/tests/fixtures" --pairs pairs.txt \
	>statuses.out 2>&1
rc=$?
expect_rc 0 "test_statuses"
[ "$rc" -eq 0 ] || sed 's/^/    /' statuses.out >&2
grep '^tested	' pairs.txt | cut -f2,3 | sort -u >tested.txt
grep '^exception	' pairs.txt | cut -f2,3 | sort -u >exceptions.txt

excepted() { # excepted FN STATUS: an exception covers the pair
	grep -qx "$1	$2" exceptions.txt || grep -qx "\\*	$2" exceptions.txt
}

n_tested=0
n_excepted=0
while IFS='	' read -r fn st; do
	if grep -qx "$fn	$st" tested.txt; then
		n_tested=$((n_tested + 1))
		ok
	elif excepted "$fn" "$st"; then
		n_excepted=$((n_excepted + 1))
		ok
	else
		not_ok "lede.h: $fn returns $st, and test_statuses neither" \
			"provokes it nor lists it as an exception"
	fi
done <documented.txt

# What the test provokes, the header documents.
while IFS='	' read -r fn st; do
	if grep -qx "$fn	$st" documented.txt; then ok; else
		not_ok "test_statuses provokes $st from $fn; lede.h does not" \
			"list it"
	fi
done <tested.txt

# No exception is stale: it covers a documented pair not provoked.
while IFS='	' read -r fn st; do
	if [ "$fn" = "*" ]; then
		grep "	$st\$" documented.txt >covers.txt
	else
		grep -x "$fn	$st" documented.txt >covers.txt
	fi
	left=0
	while IFS='	' read -r cfn cst; do
		grep -qx "$cfn	$cst" tested.txt || left=$((left + 1))
	done <covers.txt
	if [ "$left" -gt 0 ]; then ok; else
		not_ok "test_statuses excepts $fn $st, which is provoked or" \
			"not documented"
	fi
done <exceptions.txt

echo "lede.h: $(wc -l <functions.txt) functions," \
	"$(wc -l <status-functions.txt) returning lede_status_t," \
	"$(wc -l <documented.txt) (function, status) pairs:" \
	"$n_tested provoked, $n_excepted exceptions"
done_testing
