# T500-shards: the fixtures as one index and as four shards, two local and
# two served by xapian-tcpsrv on loopback, give the same hits, order,
# scores (to 1e-9) and counts; so does a shard set cut by year.
# SPDX-License-Identifier: MIT
. "$(dirname "$0")/lib.sh"
command -v xapian-tcpsrv >/dev/null 2>&1 ||
	skip "xapian-tcpsrv is not installed (Debian: xapian-tools)"
command -v jq >/dev/null 2>&1 || skip "jq is not installed"
command -v setsid >/dev/null 2>&1 || skip "setsid (util-linux) is not installed"

# Copies of one wire story, in three shards: one hit with "+2 similar"
# must come out whichever shards hold them. Their own folders give each a
# distinct id (agency/1.txt, ...), the same in one index and in shards.
lead="The county council voted on Tuesday to close three branch libraries in the valley next spring, saying the savings were needed to keep the mobile library service running. Campaigners said the decision would leave older readers without a library within walking distance, and promised to challenge it. The council leader said the buildings needed repairs the county could not afford this year."
mkdir -p wireA/agency wireB/herald wireC/courier
printf 'Council votes to close three libraries\n\n%s\n' "$lead" \
	>wireA/agency/1.txt
printf 'Three valley libraries to shut\n\n%s Readers can still order books online.\n' \
	"$lead" >wireB/herald/1.txt
printf 'Valley library closures approved\n\n%s\n\nA public meeting is planned for March.\n' \
	"$lead" >wireC/courier/1.txt
printf 'Library opens new reading room\n\nThe central library opened a new reading room on Friday, with space for sixty readers and a café run by volunteers from the valley.\n' \
	>wireC/courier/2.txt

# shard NAME INPUT...: indexes the inputs into NAME, and into one.
shard() {
	name=$1
	shift
	for input in "$@"; do
		lede-index --quiet --db "$name" "$input" 2>>index.err
		lede-index --quiet --db one "$input" 2>>index.err
	done
}
shard A "$FIXTURES/news" wireA
shard B "$FIXTURES/exports" "$FIXTURES/formats" wireB
shard C "$FIXTURES/messages" wireC
shard D "$FIXTURES/awkward"
for s in A B C D; do
	lede-index --db "$s" --stats --format json >stats.json 2>err
	[ "$(jq .articles stats.json)" -gt 0 ] && ok ||
		not_ok "shard $s holds no article: $(cat err)"
done

# Servers on free ports of the loopback, stopped however the test ends.
pids=""
trap 'for p in $pids; do kill "$p" 2>/dev/null; wait "$p"; done' EXIT
trap 'exit 1' INT TERM
seed=$(awk -v pid=$$ 'BEGIN { srand(); print int(rand() * 30000) + pid % 7919 }')
# serve DIR: starts xapian-tcpsrv on DIR on a free port, in $port.
serve() {
	tries=0
	while [ "$tries" -lt 20 ]; do
		port=$((20000 + (seed + tries * 131) % 40000))
		tries=$((tries + 1))
		# A session of its own: xapian-tcpsrv signals its whole
		# process group when it stops, which is ctest's otherwise.
		setsid xapian-tcpsrv --interface 127.0.0.1 --port "$port" \
			"$1" >"srv.$port.log" 2>&1 &
		pid=$!
		n=0
		while [ "$n" -lt 50 ] && ! grep -q Listening "srv.$port.log" &&
			kill -0 "$pid" 2>/dev/null; do
			sleep 0.1
			n=$((n + 1))
		done
		if grep -q Listening "srv.$port.log"; then
			pids="$pids $pid"
			seed=$((seed + tries * 131 + 1))
			return 0
		fi
		kill "$pid" 2>/dev/null # the port was taken
		wait "$pid" 2>/dev/null
	done
	not_ok "xapian-tcpsrv did not start for $1: $(cat "srv.$port.log")"
	return 1
}
serve B || done_testing
portB=$port
serve D || done_testing
portD=$port

# The four as one: A and C local, B and D remote, named every way lede
# reads them: a folder, a stub file (with a comment, a relative path and a
# remote line), tcp://. Paths are relative to this folder (no spaces).
printf '# shards C and B\nauto C\nremote 127.0.0.1:%s\n' "$portB" >mix.stub
dbs="--db A --db mix.stub --db tcp://127.0.0.1:$portD"

# same_json A B: the same JSON, numbers within 1e-9 of each other.
same_json() {
	jq -n -e --slurpfile a "$1" --slurpfile b "$2" '
		def shape: walk(if type == "number" then 0 else . end);
		def absv: if . < 0 then -. else . end;
		$a[0] as $x | $b[0] as $y |
		($x | shape) == ($y | shape) and
		([$x | paths(type == "number")] | all(. as $p |
			((($x | getpath($p)) - ($y | getpath($p))) | absv)
			<= 1e-9))' >/dev/null
}

# check DESCRIPTION SEARCH-OPTION...: one index and the shards ($dbs)
# give the same answer.
check() {
	what=$1
	shift
	lede-search --db one --format json "$@" >one.out 2>one.err
	rc_one=$?
	# shellcheck disable=SC2086 # $dbs is a list of options
	lede-search $dbs --format json "$@" >shards.out 2>shards.err
	rc_shards=$?
	if [ "$rc_one" -ne 0 ] || [ "$rc_shards" -ne 0 ]; then
		not_ok "$what: exit $rc_one / $rc_shards: $(cat one.err shards.err)"
		return
	fi
	canon --drop took_ms <one.out >one.json
	canon --drop took_ms <shards.out >shards.json
	if same_json one.json shards.json; then
		ok
	else
		not_ok "$what: the shards differ from one index:"
		diff one.json shards.json | head -20 >&2
	fi
}

all_facets="--facet source --facet section --facet language --facet author
--facet tag --facet place --facet org --facet person"
words="the OR a OR library OR council OR harbour"
# shellcheck disable=SC2086 # $all_facets is a list of options
{
check "ranked hits" -n 100 harbour OR council
check "every facet and a monthly timeline" -n 100 $all_facets \
	--timeline month "$words"
check "a daily timeline over a date range" -n 0 --timeline day \
	--since 1993-01-01 --until 2024-12-31 "$words"
check "filters, with their field's counts lifted" -n 50 \
	--filter section=sport --filter section=business --facet section \
	--facet source "$words"
check "newest first" -n 100 --sort newest "$words"
check "oldest first" -n 100 --sort oldest "$words"
check "recency" -n 30 --sort recency "$words"
check "a later page" -n 5 --offset 7 "$words"
check "wire copies in three shards, collapsed" --facet section library
check "every copy" --all-copies library
check "--like an article of a local shard" -n 20 --like business/001.txt
check "--like an article of a remote shard" -n 20 \
	--like https://coastline.example/2024/03/harbour-wall
check "--significant" --significant place --significant source \
	--significant org "$words"
check "--explain" -n 5 --explain harbour council
check "a phrase and a field" '"harbour wall"' OR section:sport
check "--show of a remote article" --show tag:harbourside.example,2023:1001
}

# shellcheck disable=SC2086 # $dbs is a list of options
lede-search $dbs --format json library >out 2>err
expect_eq "$(jq '[.hits[] | .similar // 0] | sort | join(",")' -r out)" \
	"0,2" "the copies' hit counts the two in other shards"
expect_eq "$(jq '.total.estimate' out)" 4 "the total counts every copy"

# Spelling: a word only a remote shard holds has no suggestion (Xapian's
# remote backend has no spelling table); the search still answers.
lede-search --db one --format json seafrnt >out 2>err
expect_eq "$(jq -r .suggestion out)" "seafront" "one index suggests"
# shellcheck disable=SC2086 # $dbs is a list of options
run lede-search $dbs --format json seafrnt
expect_rc 0 "a misspelt word over remote shards"
expect_eq "$(jq -r '.suggestion // "none"' out)" "none" \
	"no suggestion from a remote shard's words"

# A server that is not there: a message naming it, exit 1.
run lede-search --db A --db tcp://127.0.0.1:1 harbour
expect_rc 1 "an unreachable server"
expect_in err "tcp://127.0.0.1:1" "the message names the server"
printf 'auto C\nchert B\n' >bad.stub
run lede-search --db bad.stub harbour
expect_rc 1 "a stub line lede does not read"
expect_in err "bad.stub:2:" "the message names the stub's line"
# An empty file (or one of comments) is a wrong path, not an empty
# search; a shard set with no shards yet is an empty index (T505).
: >empty.stub
run lede-search --db empty.stub harbour
expect_rc 1 "an empty file as the index"
expect_in err "'empty.stub' is not an index" "the message names the file"
printf '# none yet\n\n' >comments.stub
run lede-search --db comments.stub harbour
expect_rc 1 "a stub of comments only"

# A shard set cut by year is one index too: searched here, and with two of
# its shards each served by a xapian-tcpsrv of its own.
for input in "$FIXTURES/news" wireA "$FIXTURES/exports" "$FIXTURES/formats" \
	wireB "$FIXTURES/messages" wireC "$FIXTURES/awkward"; do
	lede-index --quiet --db years --shard year "$input" 2>>index.err
done
expect_eq "$(LC_ALL=C ls years | tr '\n' ' ')" \
	"1993 2021 2022 2023 2024 XAPIANDB files undated " \
	"a shard per year, the undated, the stub and the records"
dbs="--db years"
# shellcheck disable=SC2086 # $all_facets is a list of options
check "a shard set: every facet" -n 100 $all_facets --timeline year \
	"$words"
check "a shard set: newest first" -n 100 --sort newest "$words"
check "a shard set: --like" -n 20 --like business/001.txt
serve years/2023 && port2023=$port
serve years/undated && port_undated=$port
printf 'auto years/1993\nauto years/2021\nauto years/2022\nauto years/2024\nremote 127.0.0.1:%s\nremote 127.0.0.1:%s\n' \
	"$port2023" "$port_undated" >years.stub
dbs="--db years.stub"
# shellcheck disable=SC2086 # $all_facets is a list of options
check "a shard set, two shards remote: every facet" -n 100 $all_facets \
	--timeline month "$words"
check "a shard set, two shards remote: wire copies" --facet source library

done_testing
