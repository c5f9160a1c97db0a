# T420-symbols: liblede.so exports the functions lede.h declares, all of
# them, and nothing else.
# SPDX-License-Identifier: MIT
#
# Internal functions (ldi_*, xc_*) and the C++ standard library code the
# binding instantiates must stay inside: a program could otherwise come to
# depend on them, or clash with them.
. "$(dirname "$0")/lib.sh"
: "${LEDE_LIB:?set by ctest: the shared library}"
: "${LEDE_CC:=cc}"
command -v nm >/dev/null 2>&1 || skip "nm (binutils) is not installed"

# Declared: every name followed by "(" in the preprocessed header, which
# leaves out comments, macros and the function pointer types (whose names
# are followed by ")").
"$LEDE_CC" -E -P -x c "$LEDE_SRC/include/lede.h" >header.i 2>err
expect_eq "$?" 0 "lede.h preprocesses ($(cat err))"
grep -o '\blede_[a-z0-9_]*[[:space:]]*(' header.i | tr -d ' \t(' |
	sort -u >declared.txt
n=$(wc -l <declared.txt)
[ "$n" -ge 50 ] && ok || not_ok "only $n functions found in lede.h"

nm -D --defined-only "$LEDE_LIB" >nm.txt 2>err
expect_eq "$?" 0 "nm -D reads $LEDE_LIB ($(cat err))"
awk '{ print $NF }' nm.txt | sed 's/@.*//' | sort -u >exported.txt
[ -s exported.txt ] && ok || not_ok "nm -D lists nothing in $LEDE_LIB"

comm -13 declared.txt exported.txt >extra.txt
if [ -s extra.txt ]; then
	not_ok "liblede.so exports what lede.h does not declare:"
	sed 's/^/    /' extra.txt >&2
else
	ok
fi
comm -23 declared.txt exported.txt >missing.txt
if [ -s missing.txt ]; then
	not_ok "lede.h declares what liblede.so does not export:"
	sed 's/^/    /' missing.txt >&2
else
	ok
fi
# Functions only: no data, and nothing weak a program could replace.
awk '$2 != "T" { print }' nm.txt >not_text.txt
if [ -s not_text.txt ]; then
	not_ok "liblede.so exports symbols that are not plain functions:"
	sed 's/^/    /' not_text.txt >&2
else
	ok
fi

done_testing
