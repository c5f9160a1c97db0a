# T010-help: both programs explain themselves and refuse bad usage clearly.
# SPDX-License-Identifier: MIT
. "$(dirname "$0")/lib.sh"

for prog in lede-index lede-search; do
	run $prog --help
	expect_rc 0 "$prog --help"
	expect_in out "usage: $prog" "$prog --help prints usage on stdout"
	expect_in out "--db DIR" "$prog --help lists --db"
	run $prog -h
	expect_rc 0 "$prog -h"

	run $prog --version
	expect_rc 0 "$prog --version"
	expect_in out "$prog 0.1.0" "$prog --version names program and version"

	run $prog --no-such-option
	expect_rc 2 "$prog with an unknown option"
	expect_in err "Try '$prog --help'" "$prog hints at --help"

	run $prog
	expect_rc 2 "$prog with no arguments"
	expect_in err "Try '$prog --help'" "$prog without arguments hints"
done

run lede-index --format pdf x
expect_rc 2 "lede-index with an unknown format"
expect_in err "unknown format 'pdf'" "the format is named"

run lede-search --limit many x
expect_rc 2 "lede-search with a bad --limit"
expect_in err "not 'many'" "the bad number is named"

run lede-search --format xml x
expect_rc 2 "lede-search with an unknown format"

run lede-search --format-version
expect_rc 0 "lede-search --format-version"
expect_eq "$(cat out)" 1 "--format-version prints the JSON format version"

# Bad values of the new options: usage errors that name the value.
for bad in "--sort sideways" "--facet colour" "--facet section:x" \
	"--timeline hour" "--filter section" "--filter id=3" \
	"--half-life 7 --sort recency" "--half-life 7d" "--since notadate" \
	"--show x --format tsv" "--show x y" "--batch - x" \
	"--batch - --format ids"; do
	# shellcheck disable=SC2086 # the options are meant to split
	run lede-search $bad x
	expect_rc 2 "lede-search $bad"
	expect_in err "Try 'lede-search --help'" "lede-search $bad hints"
done

# Every option in --help has a long form.
for opt in --db --format --quiet --help --version; do
	run lede-index --help
	expect_in out "$opt" "lede-index --help mentions $opt"
done
for opt in --db --limit --offset --filter --since --until --sort \
	--half-life --facet --timeline --approx --format --format-version \
	--show --batch --help --version; do
	run lede-search --help
	expect_in out "$opt" "lede-search --help mentions $opt"
done

done_testing
