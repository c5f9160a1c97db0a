# T260-copies: wire copies of one story are one hit with "+N similar";
# --all-copies shows each; totals and facets count every copy.
# SPDX-License-Identifier: MIT
. "$(dirname "$0")/lib.sh"
DB="$LEDE_TMP/db"

lead="The county council voted on Tuesday to close three branch libraries in the valley next spring, saying the savings were needed to keep the mobile library service running. Campaigners said the decision would leave older readers without a library within walking distance, and promised to challenge it. The council leader said the buildings needed repairs the county could not afford this year."
mkdir -p wire/agency wire/herald wire/courier
printf 'Council votes to close three libraries\n\n%s\n' "$lead" >wire/agency/1.txt
printf 'Three valley libraries to shut\n\n%s Readers can still order books online.\n' "$lead" >wire/herald/1.txt
printf 'Valley library closures approved\n\n%s\n\nA public meeting is planned for March.\n' "$lead" >wire/courier/1.txt
printf 'Library opens new reading room\n\nThe central library opened a new reading room on Friday, with space for sixty readers and a café run by volunteers from the valley. It will stay open until nine in the evening on weekdays, and the council hopes students will use it for revision before exams in the summer term.\n' >wire/courier/2.txt

run lede-index --db "$DB" wire
expect_rc 0 "index the copies"

run lede-search --db "$DB" --format json --facet section library
expect_eq "$(jq '.hits | length' out)" 2 "three copies are one hit, plus the other story"
expect_eq "$(jq '[.hits[] | .similar // 0] | sort | join(",")' -r out)" "0,2" \
	"the story's hit says two more copies"
expect_eq "$(jq .total.estimate out)" 4 "the total counts every article"
expect_eq "$(jq -c '[.facets.section[] | [.value, .count]]' out)" \
	'[["courier",2],["agency",1],["herald",1]]' "facets count every copy"

run lede-search --db "$DB" --format json --all-copies library
expect_eq "$(jq '.hits | length' out)" 4 "--all-copies shows each copy"
expect_eq "$(jq '[.hits[] | has("similar")] | any' out)" false \
	"no similar counts without collapsing"

run lede-search --db "$DB" library
expect_in out "+2 similar" "text output says +2 similar"

done_testing
