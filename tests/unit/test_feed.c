/* test_feed.c: unit tests for the RSS 2.0, RSS 1.0 and Atom reader.
 * SPDX-License-Identifier: MIT
 *
 * Usage: test_feed FIXTURES_DIR (tests/fixtures/formats).
 */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "hash.h"
#include "lede.h"
#include "reader.h"

#define MAX_SEEN 12
#include "reader_check.h"

/* Reads len bytes of buf (LEDE_NTS: a C string) as a feed into s. */
static lede_status_t read_feed(struct seen *s, const char *name,
			       const char *buf, size_t len)
{
	return seen_read(s, ldi_read_feed, name, buf, len);
}

static lede_status_t read_fixture(struct seen *s, const char *file)
{
	return seen_read_file(s, ldi_read_feed, file);
}

static void test_rss2(void)
{
	struct seen s = {0};

	CHECK_INT(read_fixture(&s, "rss2.xml"), LEDE_OK);
	CHECK_INT(s.n, 5);
	CHECK_INT(s.n_warn, 2);
	if (s.n != 5 || s.n_warn != 2)
		goto out;
	CHECK_STR(s.where[0], "rss2.xml");
	CHECK_STR(s.warning[0],
		  "item 3: cannot read date 'xyz'; indexed without a date");
	CHECK_STR(s.where[1], "rss2.xml");
	CHECK_STR(s.warning[1],
		  "item 4: no title, description or link (skipped)");

	/* A guid with a scheme is the id; content:encoded, the longer,
	 * is the body; the name in RSS's "e-mail (name)" is the author. */
	CHECK_STR(s.id[0], "tag:harbourside.example,2023:1001");
	CHECK_STR(s.headline[0], "Ferry service to resume after storm");
	CHECK_STR(s.url[0], "https://harbourside.example/news/ferry-resumes");
	CHECK_STR(s.body[0],
		  "The island ferry will sail again on Friday, the operator "
		  "said.\n\nCrossings were cancelled for four days & nights "
		  "after Storm Ciar\xC3\xA1n.");
	CHECK(!contains(s.body[0], "trackView"));
	CHECK_STR(s.authors[0], "Ruth Cole");
	CHECK_STR(s.tags[0], "Transport|Weather");
	CHECK_INT(s.date[0], 1696327200); /* 2023-10-03T10:00:00Z */
	CHECK_STR(s.source[0], "Harbourside News & Views");
	CHECK_STR(s.language[0], "en-gb");
	CHECK_STR(s.section[0], NULL);

	/* A bare guid is no id beyond this feed: the link is. dc: is
	 * matched by namespace, whatever its prefix. */
	CHECK_STR(s.id[1], "https://harbourside.example/news/chip-award");
	CHECK_STR(s.headline[1], "Fish & chips shop wins national award");
	CHECK_STR(s.body[1], "The Golden Haddock in Port Marren has been "
			     "named the best in Britain.");
	CHECK_STR(s.authors[1], "Ann Lee|Bo Ray");
	CHECK_STR(s.tags[1], "");
	CHECK_INT(s.date[1], 1696404600); /* 2023-10-04T07:30:00Z */

	/* Escaped HTML in a description, with a script. */
	CHECK_STR(s.id[2], "https://harbourside.example/news/lifeboat-rescue");
	CHECK_STR(s.body[2],
		  "Two walkers were cut off by the tide near Gull Point.");
	CHECK_INT(s.date[2], LEDE_NO_DATE);

	/* Item 5: no guid or link; its own <source>; unescaped HTML. */
	CHECK_STR(s.id[3], "rss2.xml#5");
	CHECK_STR(s.url[3], NULL);
	CHECK_STR(s.source[3], "Wire Service");
	CHECK_STR(s.body[3], "Raw HTML the feed forgot to escape.");

	/* A permalink guid is the link too; dc:language beats the
	 * channel's. */
	CHECK_STR(s.id[4], "https://harbourside.example/p/6");
	CHECK_STR(s.url[4], "https://harbourside.example/p/6");
	CHECK_STR(s.language[4], "cy");
	CHECK_STR(s.body[4], NULL);
out:
	seen_free(&s);
}

/* RSS's pubDate is an RFC 822 date, read to the second with its zone;
 * an item whose date cannot be read is still indexed, without a date,
 * and that is said once. */
static void test_rss_pubdate(void)
{
	struct seen s = {0};

	CHECK_INT(read_feed(&s, "p.rss",
			    "<rss><channel><item><title>T</title>"
			    "<pubDate>Wed, 04 Oct 2023 07:30:00 +0000</pubDate>"
			    "</item><item><title>U</title>"
			    "<pubDate>Wed, 04 Oct 2023 09:30:05 CEST</pubDate>"
			    "</item><item><title>V</title>"
			    "<pubDate>Wed, 04 Oct 23 03:30 EDT</pubDate>"
			    "</item></channel></rss>",
			    LEDE_NTS),
		  LEDE_OK);
	CHECK_INT(s.n, 3);
	CHECK_INT(s.date[0], 1696404600); /* 2023-10-04T07:30:00Z */
	CHECK_INT(s.date[1], 1696404605); /* 2023-10-04T07:30:05Z */
	CHECK_INT(s.date[2], 1696404600);
	CHECK_INT(s.n_warn, 0);

	CHECK_INT(read_feed(&s, "p.rss",
			    "<rss><channel><item><title>T</title>"
			    "<pubDate>Wed, 04 Oct 2023 07:30:00 +0000 or so"
			    "</pubDate></item></channel></rss>",
			    LEDE_NTS),
		  LEDE_OK);
	CHECK_INT(s.n, 1);
	CHECK_STR(s.headline[0], "T");
	CHECK_INT(s.date[0], LEDE_NO_DATE);
	CHECK_INT(s.n_warn, 1);
	CHECK_STR(s.where[0], "p.rss");
	CHECK_STR(s.warning[0],
		  "item 1: cannot read date 'Wed, 04 Oct 2023 07:30:00 "
		  "+0000 or so'; indexed without a date");
	seen_free(&s);
}

static void test_atom(void)
{
	struct seen s = {0};

	CHECK_INT(read_fixture(&s, "atom.xml"), LEDE_OK);
	CHECK_INT(s.n, 3);
	CHECK_INT(s.n_warn, 1);
	if (s.n != 3 || s.n_warn != 1)
		goto out;
	CHECK_STR(s.warning[0],
		  "entry 3: cannot read date 'yesterday'; indexed without a "
		  "date");

	CHECK_STR(s.id[0], "urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a");
	CHECK_STR(s.headline[0], "Quarks & gluons, explained");
	/* rel="alternate", resolved against xml:base; rel="self" not. */
	CHECK_STR(s.url[0], "https://labnotes.example/2024/quarks");
	CHECK_INT(s.date[0], 1706623200); /* published, not updated */
	CHECK_STR(s.authors[0], "Dr Mei Chen|Sam Okafor");
	CHECK_STR(s.tags[0], "physics|Explainers");
	CHECK_STR(s.source[0], "Lab Notes");
	CHECK_STR(s.language[0], "en");
	/* The xhtml content, longer than the summary. */
	CHECK_STR(s.body[0], "Quarks are never seen alone.\n\n"
			     "Gluons hold them together.");

	/* type="text" is taken literally; type="html" is not. */
	CHECK_STR(s.id[1], "https://labnotes.example/fr/quarks");
	CHECK_STR(s.headline[1], "Les quarks < les atomes");
	CHECK_STR(s.body[1], "Une introduction \xC3\xA0 la physique.");
	CHECK_INT(s.date[1], 1706549400); /* updated, with no published */
	CHECK_STR(s.authors[1], "Lab Notes Team"); /* the feed's */
	CHECK_STR(s.language[1], "fr");
	CHECK_STR(s.url[1], NULL);

	CHECK_STR(s.id[2], "atom.xml#3");
	CHECK_STR(s.headline[2], "Notebook: undated");
	CHECK_INT(s.date[2], LEDE_NO_DATE);
	CHECK_STR(s.language[2], "en");
out:
	seen_free(&s);
}

static void test_rdf(void)
{
	struct seen s = {0};

	/* Declared ISO-8859-1 (read as windows-1252). */
	CHECK_INT(read_fixture(&s, "rdf.xml"), LEDE_OK);
	CHECK_INT(s.n, 2);
	CHECK_INT(s.n_warn, 0);
	if (s.n != 2)
		goto out;
	CHECK_STR(s.id[0], "https://alpen.example/a/1");
	CHECK_STR(s.url[0], "https://alpen.example/a/1?src=rss");
	CHECK_STR(s.headline[0], "Z\xC3\xBCrich plant neue Tramlinie");
	CHECK_STR(s.body[0],
		  "Die Stadt Z\xC3\xBCrich will bis 2030 eine neue Linie bauen.");
	CHECK_STR(s.authors[0], "Lena M\xC3\xBCller");
	CHECK_STR(s.tags[0], "Verkehr");
	CHECK_INT(s.date[0], 1701413100); /* 2023-12-01T06:45:00Z */
	CHECK_STR(s.source[0], "Alpen Kurier");
	CHECK_STR(s.language[0], "de-ch");
	CHECK_STR(s.id[1], "https://alpen.example/a/2");
	CHECK_STR(s.body[1], NULL);
out:
	seen_free(&s);
}

static void test_broken(void)
{
	struct seen s = {0};

	/* Cut off inside item 3: what came before is read. */
	CHECK_INT(read_fixture(&s, "truncated.xml"), LEDE_OK);
	CHECK_INT(s.n, 3);
	CHECK_STR(s.headline[2], "Lifeboat crew rescue two walkers");
	CHECK_STR(s.body[2], "Two walker");
	CHECK_INT(s.n_warn, 1);
	CHECK_STR(s.where[0], "truncated.xml:38");
	CHECK_STR(s.warning[0],
		  "XML error: Premature end of data in tag description line "
		  "38; read what could be recovered");

	CHECK_INT(read_fixture(&s, "empty.xml"), LEDE_BAD_INPUT);
	CHECK_INT(s.n, 0);
	CHECK_INT(s.n_warn, 1);
	CHECK_STR(s.where[0], "empty.xml");
	CHECK_STR(s.warning[0], "not a feed (empty input)");

	CHECK_INT(read_fixture(&s, "binary.png"), LEDE_BAD_INPUT);
	CHECK_INT(s.n, 0);
	CHECK_INT(s.n_warn, 1);
	CHECK_STR(s.warning[0], "binary data, not a feed");

	CHECK_INT(read_feed(&s, "page.html",
			    "<html><body><p>Not a feed</p></body></html>",
			    LEDE_NTS),
		  LEDE_BAD_INPUT);
	CHECK_INT(s.n_warn, 1);
	CHECK_STR(s.warning[0], "not a feed: the root element is <html>, not "
				"<rss>, <feed> or <rdf:RDF>");
	/* A <feed> outside Atom's namespace is someone else's. */
	CHECK_INT(read_feed(&s, "f.xml", "<feed xmlns='urn:other'/>",
			    LEDE_NTS),
		  LEDE_BAD_INPUT);

	CHECK_INT(read_feed(&s, "t.txt", "Just some text", LEDE_NTS),
		  LEDE_BAD_INPUT);
	CHECK_INT(s.n_warn, 1);
	CHECK_STR(s.where[0], "t.txt:1");
	CHECK_STR(s.warning[0],
		  "not a feed: Start tag expected, '<' not found");

	/* A feed so broken that no item survives. */
	CHECK_INT(read_feed(&s, "b.xml", "<rss><chan", LEDE_NTS),
		  LEDE_BAD_INPUT);
	CHECK_INT(s.n, 0);
	CHECK_INT(s.n_warn, 2);
	CHECK_STR(s.warning[1], "no articles found");

	/* An empty feed is a feed. */
	CHECK_INT(read_feed(&s, "e.xml",
			    "<rss version='2.0'><channel><title>Quiet</title>"
			    "</channel></rss>",
			    LEDE_NTS),
		  LEDE_OK);
	CHECK_INT(s.n, 0);
	CHECK_INT(s.n_warn, 1);
	CHECK_STR(s.where[0], "e.xml");
	CHECK_STR(s.warning[0], "no articles found");

	/* Items, none readable. */
	CHECK_INT(read_feed(&s, "n.xml",
			    "<rss><channel><item/><item><title> </title></item>"
			    "</channel></rss>",
			    LEDE_NTS),
		  LEDE_BAD_INPUT);
	CHECK_INT(s.n_warn, 2);
	CHECK_STR(s.warning[1],
		  "item 2: no title, description or link (skipped)");
	seen_free(&s);
}

static void test_entities_and_encodings(void)
{
	struct seen s = {0};
	static const char utf16[] =
		"\xFF\xFE<\0r\0s\0s\0>\0<\0i\0t\0e\0m\0>\0<\0t\0i\0t\0l\0e\0>\0"
		"c\0a\0f\0\xE9\0<\0/\0t\0i\0t\0l\0e\0>\0<\0/\0i\0t\0e\0m\0>\0"
		"<\0/\0r\0s\0s\0>\0";

	/* The old Netscape DTD is named, never loaded: its HTML names
	 * are still understood. */
	CHECK_INT(read_feed(&s, "ns.rss",
			    "<?xml version=\"1.0\"?>\n"
			    "<!DOCTYPE rss PUBLIC \"-//Netscape Communications//"
			    "DTD RSS 0.91//EN\" \"http://my.netscape.com/publish/"
			    "formats/rss-0.91.dtd\">\n"
			    "<rss version=\"0.91\"><channel><item>"
			    "<title>Caf&eacute; &amp; cr&egrave;me</title>"
			    "</item></channel></rss>",
			    LEDE_NTS),
		  LEDE_OK);
	CHECK_STR(s.headline[0], "Caf\xC3\xA9 & cr\xC3\xA8me");

	/* Entities: a simple internal one is read; an external one is
	 * never fetched; a billion laughs is never expanded. */
	CHECK_INT(read_feed(&s, "ent.rss",
			    "<!DOCTYPE rss [\n"
			    "<!ENTITY site \"Harbourside\">\n"
			    "<!ENTITY secret SYSTEM \"file:///etc/passwd\">\n"
			    "<!ENTITY a \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\">\n"
			    "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">\n"
			    "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">\n"
			    "<!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">\n"
			    "<!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\">\n"
			    "<!ENTITY f \"&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;\">\n"
			    "<!ENTITY g \"&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;\">\n"
			    "<!ENTITY h \"&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;\">\n"
			    "]>\n"
			    "<rss><channel><item><title>&site; news</title>"
			    "<description>[&secret;] [&h;]</description>"
			    "</item></channel></rss>",
			    LEDE_NTS),
		  LEDE_OK);
	CHECK_INT(s.n, 1);
	CHECK_STR(s.headline[0], "Harbourside news");
	CHECK(!contains(s.body[0], "root:"));
	CHECK(s.body[0] == NULL || strlen(s.body[0]) < 100);

	/* No declaration: valid UTF-8 is UTF-8, else windows-1252. */
	CHECK_INT(read_feed(&s, "w.rss",
			    "<rss><item><title>caf\xE9 \x93" "ok\x94</title>"
			    "</item></rss>",
			    LEDE_NTS),
		  LEDE_OK);
	CHECK_STR(s.headline[0],
		  "caf\xC3\xA9 \xE2\x80\x9C" "ok\xE2\x80\x9D");
	CHECK_INT(s.n_warn, 0);

	/* Declared UTF-8 with a broken byte: repaired, and said so. */
	CHECK_INT(read_feed(&s, "u.rss",
			    "<?xml version='1.0' encoding='utf-8'?>"
			    "<rss><item><title>caf\xE9 cr\xC3\xA8me</title>"
			    "</item></rss>",
			    LEDE_NTS),
		  LEDE_OK);
	CHECK_STR(s.headline[0], "caf\xEF\xBF\xBD cr\xC3\xA8me");
	CHECK_INT(s.n_warn, 1);
	CHECK_STR(s.warning[0], "invalid UTF-8: 1 byte replaced by U+FFFD");

	CHECK_INT(read_feed(&s, "k.rss",
			    "<?xml version='1.0' encoding='x-klingon'?>"
			    "<rss><item><title>caf\xC3\xA9</title></item></rss>",
			    LEDE_NTS),
		  LEDE_OK);
	CHECK_STR(s.headline[0], "caf\xC3\xA9");
	CHECK_INT(s.n_warn, 1);
	CHECK_STR(s.warning[0], "unknown encoding 'x-klingon'; read as UTF-8");

	CHECK_INT(read_feed(&s, "16.rss", utf16, sizeof utf16 - 1), LEDE_OK);
	CHECK_STR(s.headline[0], "caf\xC3\xA9");
	/* UTF-16 without a byte order mark, as XML allows. */
	CHECK_INT(read_feed(&s, "16.rss", utf16 + 2, sizeof utf16 - 3),
		  LEDE_OK);
	CHECK_STR(s.headline[0], "caf\xC3\xA9");

	/* An undefined windows-1252 byte does not end the feed. */
	CHECK_INT(read_feed(&s, "w.rss",
			    "<?xml version='1.0' encoding='windows-1252'?>"
			    "<rss><item><title>a\x81" "b</title></item>"
			    "<item><title>\xE9t\xE9</title></item></rss>",
			    LEDE_NTS),
		  LEDE_OK);
	CHECK_INT(s.n, 2);
	CHECK_STR(s.headline[0], "a\xEF\xBF\xBD" "b");
	CHECK_STR(s.headline[1], "\xC3\xA9t\xC3\xA9");
	CHECK_INT(s.n_warn, 1);
	CHECK_STR(s.warning[0],
		  "invalid windows-1252: 1 byte replaced by U+FFFD");

	/* Labels read as charset.c reads them for mail too: UTF-8 with no
	 * valid multi-byte character was never UTF-8; gb2312 is GB18030;
	 * an unknown label over bytes that are not UTF-8 is
	 * windows-1252. */
	CHECK_INT(read_feed(&s, "l.rss",
			    "<?xml version='1.0' encoding='UTF-8'?>"
			    "<rss><item><title>caf\xE9</title></item></rss>",
			    LEDE_NTS),
		  LEDE_OK);
	CHECK_STR(s.headline[0], "caf\xC3\xA9");
	CHECK_INT(s.n_warn, 0);
	CHECK_INT(read_feed(&s, "g.rss",
			    "<?xml version='1.0' encoding='gb2312'?>"
			    "<rss><item><title>\x81\x40</title></item></rss>",
			    LEDE_NTS),
		  LEDE_OK);
	CHECK_STR(s.headline[0], "\xE4\xB8\x82");
	CHECK_INT(s.n_warn, 0);
	CHECK_INT(read_feed(&s, "k.rss",
			    "<?xml version='1.0' encoding='x-klingon'?>"
			    "<rss><item><title>caf\xE9</title></item></rss>",
			    LEDE_NTS),
		  LEDE_OK);
	CHECK_STR(s.headline[0], "caf\xC3\xA9");
	CHECK_INT(s.n_warn, 1);
	CHECK_STR(s.warning[0],
		  "unknown encoding 'x-klingon'; read as windows-1252");

	/* Other encodings a feed declares. */
	CHECK_INT(read_feed(&s, "j.rss",
			    "<?xml version='1.0' encoding='Shift_JIS'?>"
			    "<rss><item><title>\x93\xFA\x96\x7B</title></item>"
			    "</rss>",
			    LEDE_NTS),
		  LEDE_OK);
	CHECK_STR(s.headline[0], "\xE6\x97\xA5\xE6\x9C\xAC");
	seen_free(&s);
}

static void test_namespaces_and_ids(void)
{
	struct seen s = {0};
	char hash[LDI_CONTENT_ID_SIZE];

	/* Atom under a prefix; Atom's elements in RSS are not RSS's. */
	CHECK_INT(read_feed(&s, "a.xml",
			    "<a:feed xmlns:a='http://www.w3.org/2005/Atom'>"
			    "<a:title>Prefixed</a:title><a:entry>"
			    "<a:title>One</a:title><a:link href='http://x/1'/>"
			    "<title>not Atom's</title></a:entry></a:feed>",
			    LEDE_NTS),
		  LEDE_OK);
	CHECK_INT(s.n, 1);
	CHECK_STR(s.headline[0], "One");
	CHECK_STR(s.source[0], "Prefixed");
	CHECK_STR(s.id[0], "http://x/1");
	CHECK_INT(read_feed(&s, "r.xml",
			    "<rss xmlns:atom='http://www.w3.org/2005/Atom'>"
			    "<channel><item><atom:title>no</atom:title>"
			    "<title>yes</title><guid>77</guid></item>"
			    "</channel></rss>",
			    LEDE_NTS),
		  LEDE_OK);
	CHECK_STR(s.headline[0], "yes");
	/* A bare guid, with no link, is still the item's own id. */
	CHECK_STR(s.id[0], "77");

	/* RSS 0.9x items beside the channel; numbering runs on. */
	CHECK_INT(read_feed(&s, "old.rss",
			    "<rss><channel><title>Old</title><item><title>A"
			    "</title></item></channel><item><title>B</title>"
			    "</item></rss>",
			    LEDE_NTS),
		  LEDE_OK);
	CHECK_INT(s.n, 2);
	CHECK_STR(s.id[1], "old.rss#2");
	CHECK_STR(s.source[1], "Old");

	/* No name: a hash of the headline and body. */
	ldi_content_id("H\nB", 3, hash);
	CHECK_INT(read_feed(&s, NULL,
			    "<rss><item><title>H</title><description>B"
			    "</description></item></rss>",
			    LEDE_NTS),
		  LEDE_OK);
	CHECK_STR(s.id[0], hash);

	/* RSS author forms. */
	CHECK_INT(read_feed(&s, "au.rss",
			    "<rss><item><title>T</title>"
			    "<author>desk@x.example</author>"
			    "<author>By Jo Bloggs; Al Smith</author>"
			    "<author>x@y.example (Jo Bloggs)</author>"
			    "</item></rss>",
			    LEDE_NTS),
		  LEDE_OK);
	CHECK_STR(s.authors[0], "desk@x.example|Jo Bloggs|Al Smith");

	/* The callback stops the read. */
	s.stop_after = 1;
	CHECK_INT(read_fixture(&s, "rss2.xml"), LEDE_DONE);
	CHECK_INT(s.n, 1);
	s.stop_after = 0;
	seen_free(&s);
}

/* Odd inputs must give a status, never a crash or a leak. */
static void test_no_crash(void)
{
	static const char *const odd[] = {
		"<", "<rss", "<rss>", "<rss/>", "<feed/>", "<?xml",
		"<?xml encoding=", "<?xml version='1.0' encoding='",
		"<!DOCTYPE rss [<!ENTITY x '&x;'>]><rss><item><title>&x;"
		"</title></item></rss>",
		"<rss><item><title><![CDATA[<p>x]]></title></item></rss>",
		"<rss><item><description>&lt;</description></item></rss>",
		"<feed xmlns='http://www.w3.org/2005/Atom'><entry><link/>"
		"<link rel='alternate' href=''/><author/><category/>"
		"<content type='xhtml'/></entry></feed>",
		"<feed xmlns='http://purl.org/atom/ns#' xml:base='::'><entry>"
		"<link href='../x'/><issued>2004-01-01</issued></entry></feed>",
		"<rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'"
		"><item rdf:about=''/></rdf:RDF>",
		"\xFE\xFF", "\xFF\xFE<", "\xEF\xBB\xBF", "<\0r",
		"<rss><item><title>\xEF\xBB\xBF</title></item></rss>",
	};
	struct seen s = {0};
	char *deep;
	size_t i;

	for (i = 0; i < sizeof odd / sizeof odd[0]; i++) {
		lede_status_t st = read_feed(&s, "odd", odd[i], LEDE_NTS);

		CHECK(st == LEDE_OK || st == LEDE_BAD_INPUT);
	}
	deep = malloc(300001);
	if (deep) {
		memcpy(deep, "<rss><item><title>", 18);
		for (i = 18; i + 3 <= 300000; i += 3)
			memcpy(deep + i, "<a>", 3);
		deep[i] = '\0';
		CHECK(read_feed(&s, "deep", deep, LEDE_NTS) != LEDE_NOMEM);
		free(deep);
	}
	seen_free(&s);
}

int main(int argc, char **argv)
{
	if (argc > 1)
		fixtures = argv[1];
	if (argc > 2)
		return seen_show_file(ldi_read_feed, argv[2]);
	test_rss2();
	test_rss_pubdate();
	test_atom();
	test_rdf();
	test_broken();
	test_entities_and_encodings();
	test_namespaces_and_ids();
	test_no_crash();
	return CHECK_DONE();
}
