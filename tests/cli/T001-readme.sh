# T001-readme: README's Quick start is what CI runs, so README never lies.
# SPDX-License-Identifier: MIT
. "$(dirname "$0")/lib.sh"
README="$LEDE_SRC/README.md"

# The two commands are the two lines of the first ```sh block under
# "Quick start".
sed -n '/^## Quick start/,/^## /p' "$README" |
	sed -n '/^```sh$/,/^```$/p' | grep -v '^```' >commands
expect_eq "$(wc -l <commands | tr -d ' ')" 2 "exactly two commands"
test_command=$(sed -n 2p commands)
expect_in "$LEDE_SRC/.ci/run" "$test_command" ".ci/run runs README's test command"
expect_in commands "ctest" "the second command runs ctest"
expect_in commands ".ci/install-deps" "the first installs what is missing"

# The first command's index and search work on the shipped samples.
demo_db=$(sed -n 1p commands | sed -n 's/.*--db \([^ ]*\) tests.*/\1/p')
[ -n "$demo_db" ] && ok || not_ok "the first command names its index"
for path in $(sed -n 1p commands | grep -o 'tests/fixtures/[^ ]*'); do
	[ -e "$LEDE_SRC/$path" ] && ok || not_ok "README names $path, which exists"
done

done_testing
