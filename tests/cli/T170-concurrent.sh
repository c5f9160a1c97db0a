# T170-concurrent: searches keep working while a writer commits under
# them: no query fails, and a reader never sees the hit count go down.
# SPDX-License-Identifier: MIT
. "$(dirname "$0")/lib.sh"
DB="$LEDE_TMP/db"

# A first commit, so readers have an index to open.
printf '{"id": "seed", "title": "Harbour opens", "text": "The harbour opened."}\n' >seed.jsonl
run lede-index --db "$DB" seed.jsonl
expect_rc 0 "the first article"

# The writer: 2,000 articles fed slowly through a pipe, committed every
# 20, so it commits some 100 times over a few seconds.
feed() {
	i=0
	while [ $i -lt 40 ]; do
		j=0
		while [ $j -lt 50 ]; do
			printf '{"id": "a%d-%d", "title": "Harbour news %d", "text": "Boats came into the harbour, round %d."}\n' \
				$i $j $j $i
			j=$((j + 1))
		done
		sleep 0.05
		i=$((i + 1))
	done
}
feed | lede-index --db "$DB" --batch-size 20 --format jsonl - \
	>writer.out 2>writer.err &
writer=$!

# Reader 1: one long-lived process (one index handle) answering a query
# per line while the writer runs; every answer on its own line.
queries() {
	while kill -0 $writer 2>/dev/null; do
		echo harbour
		sleep 0.01
	done
	echo harbour
}
queries | lede-search --db "$DB" --facet section --timeline day --batch - >reader1.out 2>reader1.err &
reader1=$!

# Reader 2: a new process per query, as scripts run it.
: >reader2.out
reader2_failed=0
while kill -0 $writer 2>/dev/null; do
	if lede-search --db "$DB" --format json --limit 1 harbour \
		>one.out 2>>reader2.err; then
		sed -n 's/^    "estimate": \([0-9]*\),$/\1/p' one.out >>reader2.out
	else
		reader2_failed=$((reader2_failed + 1))
	fi
done

wait $writer
expect_eq "$?" 0 "the writer finishes"
wait $reader1
expect_eq "$?" 0 "the long-lived reader never failed: $(cat reader1.err)"
expect_eq "$reader2_failed" 0 "no one-shot query failed: $(cat reader2.err 2>/dev/null)"

# never_down FILE: the counts in FILE (one per line) never decrease.
never_down() {
	awk 'NR > 1 && $1 < prev { print "from " prev " down to " $1 " at line " NR; bad = 1 }
	     { prev = $1 } END { exit bad }' "$1"
}
sed -n 's/.*"total":{"estimate":\([0-9]*\),.*/\1/p' reader1.out >counts1
n1=$(wc -l <counts1 | tr -d ' ')
n2=$(wc -l <reader2.out | tr -d ' ')
[ "$n1" -ge 20 ] && ok || not_ok "reader 1 ran only $n1 queries"
[ "$n2" -ge 5 ] && ok || not_ok "reader 2 ran only $n2 queries"
expect_eq "$(grep -c '"error"' reader1.out)" 0 "no query answered with an error"
never_down counts1 >down1 && ok || not_ok "reader 1's counts went down: $(cat down1)"
never_down reader2.out >down2 && ok || not_ok "reader 2's counts went down: $(cat down2)"
expect_eq "$(tail -n 1 counts1)" 2001 "the last answer sees every article"

done_testing
