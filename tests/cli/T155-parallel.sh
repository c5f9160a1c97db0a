# T155-parallel: a first load written by parallel threads (--jobs) and
# merged gives the index one writer gives: the same hits, scores, facets
# and counts; an id found in several files keeps the article of the last;
# the files are recorded, so the next run reads only what changed; and
# nothing is left beside the index, not even what a dead run left.
# SPDX-License-Identifier: MIT
. "$(dirname "$0")/lib.sh"
CHECK="${LEDE_CHECK:?set by ctest}"

cp -R "$FIXTURES/news" news
# The same id in three files: aa/ comes first in the walk, world.jsonl
# next, zz/ last; zz's article is the one kept.
mkdir news/aa news/zz
printf '{"id": "world-0001", "headline": "Early copy of the flood story", "body": "An early copy about the valley flood."}\n' >news/aa/early.jsonl
printf '{"id": "world-0001", "headline": "Late copy of the flood story", "body": "A late copy about the valley flood and the bridge."}\n' >news/zz/late.jsonl
printf '{"id": "zz-0002", "headline": "Harbour ferry returns", "body": "The harbour ferry returned to service after repairs."}\n' >>news/zz/late.jsonl
touch -d '1 hour ago' news/*/* news/*

run lede-index --jobs 1 --db one news
expect_rc 0 "one writer"
cp err one.err
# A dead run's parts (a process id no process has) are removed.
mkdir -p many.lede-jobs.999999999/0
run lede-index --jobs 3 --db many news
expect_rc 0 "three writers"
cp err many.err
expect_in many.err "files: 10 new, 0 changed, 0 unchanged, 0 gone" \
	"every file is counted once"
for f in one many; do
	sed -n 's/.*articles from \([0-9]*\) files.*(\([0-9]*\) in the index).*/\1 \2/p' $f.err >$f.counts
done
expect_same_file many.counts one.counts "the same files and articles"
expect_eq "$(cat many.counts)" "10 12" "12 articles from 10 files"
expect_eq "$(ls -d many.lede-* 2>/dev/null)" "" "nothing is left beside the index"

DB=many
expect_eq "$(ids 'id:world-0001')" "world-0001" "a duplicate id is kept once"
lede-search --db many --show world-0001 >show.out 2>&1
expect_in show.out "Late copy of the flood story" "the last file's article is kept"
"$CHECK" many >check.out 2>&1
expect_eq "$?" "0" "the merged index is consistent, each id once: $(cat check.out)"

# The same answers, down to scores and facet counts.
for q in 'flood' 'harbour OR ferry' 'road bridge' 'section:sport' 'marathon'; do
	for db in one many; do
		lede-search --db $db --format json --limit 50 \
			--facet section --facet language --timeline month "$q" |
			canon --drop took_ms >$db.json
	done
	expect_same_file many.json one.json "the same results for '$q'"
done
lede-index --db one --stats --format json | canon --drop bytes --drop index \
	--drop last_commit >one.stats
lede-index --db many --stats --format json | canon --drop bytes --drop index \
	--drop last_commit >many.stats
expect_same_file many.stats one.stats "the same statistics"

# The files are recorded: nothing is read again, then only what changed.
run lede-index --jobs 3 --db many news
expect_in err "files: 0 new, 0 changed, 10 unchanged" "a second run reads nothing"
printf '{"id": "zz-0003", "headline": "Ferry timetable", "body": "A new ferry timetable starts."}\n' >>news/zz/late.jsonl
touch -d '1 hour ago' news/zz/late.jsonl
run lede-index --jobs 3 --db many news
expect_in err "files: 0 new, 1 changed, 9 unchanged" "then only the changed file"
expect_in err "(13 in the index)" "and its new article is in"

# One file, or standard input: one writer, as always.
run lede-index --jobs 4 --db single news/world.jsonl
expect_rc 0 "a single file"
expect_eq "$(ls -d single.lede-* 2>/dev/null)" "" "no parts for one file"

# One archive bigger than a writer's share: runs of its entries, one per
# writer, in order; the same index as one writer's, an id in two runs
# keeps the later entry's article, and one record for the archive.
mkdir arch
cp -R "$FIXTURES/news/." arch/
printf '{"id": "tar-dup", "headline": "Early copy in the archive", "body": "The early copy of the ferry story."}\n' >arch/aa.jsonl
printf '{"id": "tar-dup", "headline": "Late copy in the archive", "body": "The late copy of the ferry story."}\n' >arch/zz.jsonl
(cd arch && find . -type f | LC_ALL=C sort | tar -cf ../news.tar -T -)
touch -d '1 hour ago' news.tar
for jobs in 1 2; do
	run lede-index --jobs $jobs --db tar$jobs news.tar
	expect_rc 0 "an archive with --jobs $jobs"
	cp err tar$jobs.err
done
expect_in tar2.err "from 1 files" "the archive is one file: $(cat tar2.err)"
expect_in tar2.err "files: 1 new, 0 changed, 0 unchanged" "counted once"
expect_eq "$(ls -d tar2.lede-* 2>/dev/null)" "" "nothing is left beside it"
for q in 'flood' 'ferry' 'harbour OR ferry' 'section:sport'; do
	for db in tar1 tar2; do
		lede-search --db $db --format json --limit 50 \
			--facet section --facet language --timeline month "$q" |
			canon --drop took_ms >$db.json
	done
	expect_same_file tar2.json tar1.json "the same results from the archive for '$q'"
done
lede-search --db tar2 --show news.tar/tar-dup >show.out 2>&1 ||
	lede-search --db tar2 --show tar-dup >show.out 2>&1
expect_in show.out "Late copy in the archive" "the later entry's article is kept"
for db in tar1 tar2; do
	lede-index --db $db --stats --format json | canon --drop bytes \
		--drop index --drop last_commit >$db.stats
done
expect_same_file tar2.stats tar1.stats "the same statistics for the archive"
# Each writer's run of the archive has a record of its own: the merged one
# counts the archive's articles as one writer's does, tar-dup (in two runs)
# once.
for db in tar1 tar2; do
	dbtool meta $db lede.file: >$db.records
done
expect_eq "$(wc -l <tar2.records)" "1" "one record for the archive"
expect_same_file tar2.records tar1.records "the same record as one writer's"
"$CHECK" tar2 >check.out 2>&1
expect_eq "$?" "0" "the index of the archive is consistent: $(cat check.out)"
run lede-index --jobs 2 --db tar2 news.tar
expect_in err "files: 0 new, 0 changed, 1 unchanged" "the archive is recorded whole"

# A bad --jobs.
for bad in 0 -1 x 65; do
	run lede-index --jobs "$bad" --db bad news
	expect_rc 2 "--jobs $bad is a usage error"
	expect_in err "--jobs wants a number" "--jobs $bad is explained"
done

done_testing
