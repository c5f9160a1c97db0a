# T140-formats: HTML pages, feeds and messages are recognised by content
# and give their fields; what cannot be read is named.
# SPDX-License-Identifier: MIT
. "$(dirname "$0")/lib.sh"
DB="$LEDE_TMP/db"

run lede-index --db "$DB" "$FIXTURES/formats" "$FIXTURES/messages"
expect_rc 1 "some fixtures are broken on purpose"
expect_in err "28 articles from 18 files" "every readable article"
expect_in err "formats/binary.png: binary data, not an article (skipped)" \
	"a binary file is named"
expect_in err "rss2.xml: item 3: cannot read date 'xyz'; indexed without a date" \
	"a feed item with a bad date is named and kept"
expect_in err "truncated.xml:38: XML error" "a truncated feed is named"
expect_in err "three.mbox#2: not a message" "a broken message in an mbox"

# fields: id, headline, authors, section, source, date
fields() {
	lede-search --db "$DB" --format json --limit 1 "$1" |
		jq -r '.hits[] | [.id, .headline, (.authors // [] | join("|")),
			.section // "", .source // "", .date // ""] | join(" ~ ")'
}

expect_eq "$(fields 'id:https://www.northerncourier.example/news/york-floods-2023')" \
	"https://www.northerncourier.example/news/york-floods-2023 ~ Flood defences hold as River Ouse peaks in York ~ Helen Marsh|Tom O'Brien ~ UK News ~ The Northern Courier ~ 2023-11-02T08:15:00Z" \
	"an HTML page's JSON-LD fields"
expect_eq "$(fields 'id:tag:harbourside.example,2023:1001')" \
	"tag:harbourside.example,2023:1001 ~ Ferry service to resume after storm ~ Ruth Cole ~ news ~ Harbourside News & Views ~ 2023-10-03T10:00:00Z" \
	"an RSS item: guid, RFC 822 date, channel title as source"
expect_eq "$(fields 'id:C5uKx1.4Hq@zoo.example.edu')" \
	"C5uKx1.4Hq@zoo.example.edu ~ HLV for Fred (was Re: Prefab Space Station?) ~ Henry Spencer ~ sci.space ~  ~ 1993-04-20T12:00:00Z" \
	"a Usenet post: Message-ID, Subject without Re:, From, Newsgroups"
expect_eq "$(fields 'id:https://harbourside.example/news/lifeboat-rescue' |
	cut -d'~' -f6)" " " "the item with a bad date has none"

# What messages leave out of the body is not searchable as theirs.
run lede-search --db "$DB" --format json 'id:C5uKx1.4Hq@zoo.example.edu'
expect_not_in out "writes:" "the attribution line is gone"

# Entities found in the HTML page: place: finds it by another name.
expect_eq "$(ids 'place:UK')" "https://harbourside.example/news/chip-award" \
	"place:UK finds the item that names the United Kingdom"
expect_eq "$(ids 'org:"Environment Agency"')" \
	"https://www.northerncourier.example/news/york-floods-2023" \
	"org: finds an organisation the page names"

# A url that is the id is stored once (schema.h) and shown as given: in
# JSON, in --show and in --show's JSON.
chip=https://harbourside.example/news/chip-award
run lede-search --db "$DB" --format json "id:\"$chip\""
expect_in out "\"url\": \"$chip\"" "the JSON hit's url is the id"
run lede-search --db "$DB" --show "$chip"
expect_rc 0 "--show the item"
expect_in out "url       $chip" "--show prints its url"
run lede-search --db "$DB" --format json --show "$chip"
expect_in out "\"url\": \"$chip\"" "--show's JSON has its url"

done_testing
