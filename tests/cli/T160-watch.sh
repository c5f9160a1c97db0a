# T160-watch: lede-index --watch indexes files as they appear, change and
# go, new folders too, and stops cleanly on SIGTERM with all committed.
# SPDX-License-Identifier: MIT
. "$(dirname "$0")/lib.sh"
DB="$LEDE_TMP/db"
CHECK="${LEDE_CHECK:?set by ctest}"
[ "$(uname -s)" = Linux ] || skip "--watch needs Linux (inotify)"

mkdir -p inbox
printf 'Herons return\n\nHerons came back to the marsh.\n' >inbox/herons.txt
printf 'Old news\n\nThis file goes before the watch starts.\n' >inbox/gone.txt
run lede-index --db "$DB" inbox
rm inbox/gone.txt

lede-index --db "$DB" --watch inbox >watch.out 2>watch.err &
watcher=$!

# wait_for WHAT CMD...: runs CMD every tenth of a second until it
# succeeds, for at most 10 seconds.
wait_for() {
	what=$1
	shift
	tries=0
	until "$@" >/dev/null 2>&1; do
		tries=$((tries + 1))
		if [ $tries -ge 100 ]; then
			not_ok "$what: not within 10 seconds"
			return 1
		fi
		sleep 0.1
	done
	ok
}
# found QUERY ID: a search for QUERY finds ID.
found() {
	ids "$1" | grep -qx -- "$2"
}
not_found() {
	! ids "$1" | grep -qx -- "$2"
}

wait_for "the watch starts" grep -q "watching 1 folder" watch.err
# The first pass prunes what went while no one watched.
expect_eq "$(ids old)" "" "a file deleted before the watch is pruned"

# New files, and a new folder with a file in it.
printf 'Gulls gather\n\nGulls gathered on the pier.\n' >inbox/gulls.txt
printf '{"id": "w1", "title": "Terns arrive", "text": "Terns arrived early."}\n{"id": "w2", "title": "Skuas seen", "text": "Skuas were seen offshore."}\n' >inbox/birds.jsonl
mkdir -p inbox/new/deeper
printf 'Puffins nest\n\nPuffins nested in the cliffs.\n' >inbox/new/deeper/puffins.txt
wait_for "a new file is searchable" found gulls gulls.txt
wait_for "a JSON lines file's records" found skuas w2
wait_for "a file in a new folder" found puffins new/deeper/puffins.txt

# A changed file: its vanished record goes, its changed one is replaced.
printf '{"id": "w1", "title": "Terns leave", "text": "Terns left for the south."}\n' >inbox/birds.jsonl
wait_for "a changed record" found south w1
wait_for "a record no longer in its file" not_found skuas w2

# A deleted file and a folder moved away: their articles go.
rm inbox/herons.txt
wait_for "a deleted file's article" not_found herons herons.txt
mv inbox/new moved-away
wait_for "a folder moved away" not_found puffins new/deeper/puffins.txt

# A file being written when the signal comes is read before the end.
printf 'Cormorants dry\n\nCormorants dried their wings.\n' >inbox/late.txt
kill -TERM $watcher
wait $watcher
expect_eq "$?" 0 "SIGTERM ends the watch cleanly"
expect_in watch.err "articles from" "with its summary"

"$CHECK" --ids "$DB" >ids.out 2>check.err
expect_eq "$?" 0 "the index is sound: $(cat check.err)"
tail -n +2 ids.out >got
printf '%s\n' gulls.txt late.txt w1 >want
expect_same_file got want "the index holds what the folder holds"

done_testing
