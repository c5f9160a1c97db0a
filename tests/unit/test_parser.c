/* test_parser.c: format detection, the parser's options, and what
 * finishing fills in (sections, sources, languages) for every reader.
 * SPDX-License-Identifier: MIT
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "lede.h"
#include "reader.h"
#include "url.h"

#define MAX_SEEN 8

/* The fields of each article seen, flattened to strings. */
struct seen {
	size_t n, n_warn;
	char id[MAX_SEEN][256], headline[MAX_SEEN][256], body[MAX_SEEN][512];
	char source[MAX_SEEN][128], section[MAX_SEEN][128];
	char language[MAX_SEEN][16], authors[MAX_SEEN][256];
	char places[MAX_SEEN][256];
	int64_t date[MAX_SEEN];
	char warning[MAX_SEEN][512];
};

static void put(char *dst, size_t size, const char *s)
{
	snprintf(dst, size, "%s", s ? s : "");
}

static void join(char *dst, size_t size, const char *const *v, size_t n)
{
	size_t i, at = 0;

	dst[0] = '\0';
	for (i = 0; i < n && at < size; i++)
		at += (size_t)snprintf(dst + at, size - at, "%s%s",
				       i ? "|" : "", v[i]);
}

static int on_article(void *ctx, const lede_article_t *a)
{
	struct seen *s = ctx;
	size_t k = s->n;

	if (k == MAX_SEEN)
		return 1;
	put(s->id[k], sizeof s->id[k], a->id);
	put(s->headline[k], sizeof s->headline[k], a->headline);
	put(s->body[k], sizeof s->body[k], a->body);
	put(s->source[k], sizeof s->source[k], a->source);
	put(s->section[k], sizeof s->section[k], a->section);
	put(s->language[k], sizeof s->language[k], a->language);
	join(s->authors[k], sizeof s->authors[k], a->authors, a->n_authors);
	join(s->places[k], sizeof s->places[k], a->places, a->n_places);
	s->date[k] = a->date;
	s->n++;
	return 0;
}

static void on_warning(void *ctx, const char *where, const char *message)
{
	struct seen *s = ctx;

	if (s->n_warn < MAX_SEEN)
		snprintf(s->warning[s->n_warn], sizeof s->warning[0], "%s: %s",
			 where, message);
	s->n_warn++;
}

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	long n;

	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	rewind(f);
	buf = malloc((size_t)n + 1);
	if (buf && fread(buf, 1, (size_t)n, f) != (size_t)n) {
		free(buf);
		buf = NULL;
	}
	fclose(f);
	if (buf)
		buf[n] = '\0';
	*len = (size_t)n;
	return buf;
}

static lede_format_t detect(const char *s)
{
	return ldi_detect_format(s, strlen(s));
}

static void test_detect(void)
{
	CHECK_INT(detect("{\"title\": \"x\"}\n"), LEDE_FORMAT_JSONL);
	CHECK_INT(detect("  [ {} ]"), LEDE_FORMAT_JSONL);
	CHECK_INT(detect("<?xml version=\"1.0\"?>\n<rss version=\"2.0\">"),
		  LEDE_FORMAT_FEED);
	CHECK_INT(detect("<?xml version=\"1.0\"?><!-- a feed -->\n"
			 "<feed xmlns=\"http://www.w3.org/2005/Atom\">"),
		  LEDE_FORMAT_FEED);
	CHECK_INT(detect("<rdf:RDF xmlns:rdf=\"x\">"), LEDE_FORMAT_FEED);
	CHECK_INT(detect("<!DOCTYPE html>\n<html lang=\"en\">"),
		  LEDE_FORMAT_HTML);
	CHECK_INT(detect("<html><head><title>x</title>"), LEDE_FORMAT_HTML);
	CHECK_INT(detect("\xEF\xBB\xBF<!doctype HTML><p>x"), LEDE_FORMAT_HTML);
	CHECK_INT(detect("From: a@example.org\nSubject: Hello\n\nBody\n"),
		  LEDE_FORMAT_MESSAGE);
	CHECK_INT(detect("Subject: Re: Tides\r\nFrom: b@example.org (B)\r\n"
			 "Lines: 2\r\n\r\nBody\r\n"),
		  LEDE_FORMAT_MESSAGE);
	CHECK_INT(detect("From a@example.org Tue Apr 20 12:00:00 1993\n"
			 "From: a@example.org\nSubject: One\n\nBody\n"),
		  LEDE_FORMAT_MBOX);
	/* Near misses are text. */
	CHECK_INT(detect("Update: the road is open\n\nThe road reopened.\n"),
		  LEDE_FORMAT_TEXT);
	CHECK_INT(detect("From the archive: a day at sea\n\nIt rained.\n"),
		  LEDE_FORMAT_TEXT);
	CHECK_INT(detect("<b>Bold</b> headline\n\nBody\n"), LEDE_FORMAT_TEXT);
	CHECK_INT(detect("Lines: 3\nOrganization: Uni\n\nNo From or Subject\n"),
		  LEDE_FORMAT_TEXT);
	CHECK_INT(detect(""), LEDE_FORMAT_TEXT);
}

static int host_is(const char *url, const char *want)
{
	char buf[64];

	if (!ldi_url_host(url, buf, sizeof buf))
		return want == NULL;
	return want && !strcmp(buf, want);
}

static int section_is(const char *url, const char *want)
{
	char buf[64];

	if (!ldi_url_section(url, buf, sizeof buf))
		return want == NULL;
	return want && !strcmp(buf, want);
}

static void test_urls(void)
{
	CHECK(host_is("https://www.BBC.co.uk:443/news/x", "bbc.co.uk"));
	CHECK(host_is("http://user:pw@feeds.example.org/rss", "example.org"));
	CHECK(host_is("https://m.com/a", "m.com"));
	CHECK(host_is("https://tvn24.pl", "tvn24.pl"));
	CHECK(host_is("ftp://example.org/x", NULL));
	CHECK(host_is("example.org/x", NULL));
	CHECK(host_is("https:///x", NULL));

	CHECK(section_is("https://www.theguardian.com/world/2023/oct/12/slug",
			 "world"));
	/* The last segment is the story's slug, not a section. */
	CHECK(section_is("https://www.bbc.co.uk/news/uk-wales-67020202",
			 "news"));
	CHECK(section_is("https://www.bbc.co.uk/sport/football/67020202",
			 "sport"));
	CHECK(section_is("https://tvn24.pl/polska/most-ra123", "polska"));
	CHECK(section_is("https://example.org/2023/10/12/slug", NULL));
	CHECK(section_is("https://example.org/en/article/slug", NULL));
	CHECK(section_is("https://example.org/slug-only", NULL));
	CHECK(section_is("https://example.org/a1b2c3d4e5/slug", NULL));
	CHECK(section_is("https://example.org/us-news/x?y=1", "us-news"));
	CHECK(section_is("https://www.forbes.com/sites/jane/2023/10/12/x",
			 NULL));
	CHECK(section_is("https://example.org/category/climate/x", "climate"));
	CHECK(section_is("https://example.org/node/12345", NULL));
	CHECK(section_is("https://example.org/world?x=/a/b", NULL));

	CHECK(ldi_folder_is_section("business", 8));
	CHECK(ldi_folder_is_section("sci.space", 9));
	CHECK(!ldi_folder_is_section("2023-10-01", 10));
	CHECK(!ldi_folder_is_section("07", 2));
	CHECK(!ldi_folder_is_section("data", 4));
	CHECK(!ldi_folder_is_section("", 0));
}

static lede_parser_t *new_parser(struct seen *s)
{
	lede_parser_t *p = NULL;

	memset(s, 0, sizeof *s);
	CHECK_INT(lede_parser_new(on_article, on_warning, s, &p), LEDE_OK);
	return p;
}

static void test_folder_sections(void)
{
	struct seen s;
	lede_parser_t *p = new_parser(&s);
	const char *text = "Rates held\n\nThe bank held rates.\n";

	CHECK_INT(lede_parser_buffer(p, "business/001.txt", text,
				     LEDE_NTS),
		  LEDE_OK);
	CHECK_STR(s.section[0], "");
	CHECK_INT(lede_parser_set_flags(p, LEDE_PARSE_FOLDER_SECTIONS),
		  LEDE_OK);
	CHECK_INT(lede_parser_buffer(p, "news/business/001.txt", text,
				     LEDE_NTS),
		  LEDE_OK);
	CHECK_STR(s.section[1], "business");
	CHECK_INT(lede_parser_buffer(p, "2023/10/001.txt", text, LEDE_NTS),
		  LEDE_OK);
	CHECK_STR(s.section[2], "");
	CHECK_INT(lede_parser_buffer(p, "001.txt", text, LEDE_NTS), LEDE_OK);
	CHECK_STR(s.section[3], "");
	/* A JSON file holds many articles: its folder is not theirs. */
	CHECK_INT(lede_parser_buffer(p, "business/export.jsonl",
				     "{\"title\": \"Rates held\"}", LEDE_NTS),
		  LEDE_OK);
	CHECK_STR(s.section[4], "");
	CHECK_INT(lede_parser_set_flags(p, 1u << 7), LEDE_MISUSE);
	lede_parser_free(p);
}

static void test_feed_export(const char *dir)
{
	struct seen s;
	lede_parser_t *p = new_parser(&s);
	char path[1024];
	size_t len;
	char *buf;

	snprintf(path, sizeof path, "%s/feed-export.json", dir);
	buf = slurp(path, &len);
	CHECK(buf != NULL);
	if (!buf) {
		lede_parser_free(p);
		return;
	}
	CHECK_INT(lede_parser_buffer(p, "feed-export.json", buf, len),
		  LEDE_OK);
	CHECK_INT(s.n, 2);
	CHECK_STR(s.id[0], "https://www.example-news.co.uk/world/europe/"
			   "harbour-cranes-return-123");
	/* The feed's URL in "source" is not a name: the link's host is. */
	CHECK_STR(s.source[0], "example-news.co.uk");
	CHECK_STR(s.section[0], "world");
	CHECK_STR(s.language[0], "en-gb");
	/* HTML reduced to text, entities decoded, the image gone. */
	CHECK_STR(s.body[0], "Three cranes were lifted into place at the "
			     "Gdańsk yard on Monday & work resumes next "
			     "week.");
	CHECK_INT(s.date[0], 1697503882);
	CHECK_STR(s.source[1], "przyklad.pl");
	CHECK_STR(s.section[1], "kraj");
	CHECK_STR(s.language[1], "pl-pl");
	CHECK_INT(s.date[1], 1699774200);
	CHECK_INT(s.n_warn, 1);
	CHECK_STR(s.warning[0], "feed-export.json: record 3: record has no "
				"headline or body (skipped)");

	/* The outlet's name, once the export's key for it is mapped. */
	lede_parser_free(p);
	p = new_parser(&s);
	CHECK_INT(lede_parser_map(p, "artist=source"), LEDE_OK);
	CHECK_INT(lede_parser_buffer(p, "feed-export.json", buf, len),
		  LEDE_OK);
	CHECK_STR(s.source[0], "Example News");
	CHECK_STR(s.source[1], "Przykład");
	lede_parser_free(p);
	free(buf);
}

static void test_map(const char *dir)
{
	struct seen s;
	lede_parser_t *p = new_parser(&s);
	char path[1024];

	CHECK_INT(lede_parser_map(p, "kicker=headline"), LEDE_OK);
	CHECK_INT(lede_parser_map(p, "copy=body"), LEDE_OK);
	CHECK_INT(lede_parser_map(p, "writer=authors"), LEDE_OK);
	CHECK_INT(lede_parser_map(p, "desk=section"), LEDE_OK);
	CHECK_INT(lede_parser_map(p, "when=date"), LEDE_OK);
	CHECK_INT(lede_parser_map(p, "ref=id"), LEDE_OK);
	CHECK_INT(lede_parser_map(p, "nonsense"), LEDE_MISUSE);
	CHECK_STR(lede_parser_errmsg(p),
		  "cannot read map 'nonsense': expected KEY=FIELD");
	CHECK_INT(lede_parser_map(p, "x=colour"), LEDE_MISUSE);
	CHECK(strstr(lede_parser_errmsg(p), "cannot map 'x' to 'colour'") !=
	      NULL);
	CHECK_INT(lede_parser_map(p, "=body"), LEDE_MISUSE);

	snprintf(path, sizeof path, "%s/custom-keys.jsonl", dir);
	CHECK_INT(lede_parser_file(p, path, "custom-keys.jsonl"), LEDE_OK);
	CHECK_INT(s.n, 2);
	CHECK_STR(s.id[0], "cms-1001");
	CHECK_STR(s.headline[0], "Tram line to the airport approved");
	CHECK_STR(s.authors[0], "Ada Novak");
	CHECK_STR(s.section[0], "transport");
	CHECK_INT(s.date[0], 1710201600);
	/* A mapped key comes before the usual "title". */
	CHECK_STR(s.headline[1], "Bakery wins regional prize");
	CHECK_INT(s.date[1], 1699956000);
	lede_parser_free(p);

	/* "key=" ignores a key the usual names would read. */
	p = new_parser(&s);
	CHECK_INT(lede_parser_map(p, "title="), LEDE_OK);
	CHECK_INT(lede_parser_buffer(p, "x.jsonl",
				     "{\"title\": \"T\", \"headline\": \"H\"}\n"
				     "{\"title\": \"only a title\"}\n",
				     LEDE_NTS),
		  LEDE_OK);
	CHECK_INT(s.n, 1);
	CHECK_STR(s.headline[0], "H");
	lede_parser_free(p);
}

static void test_misuse(void)
{
	lede_parser_t *p = NULL;
	struct seen s;

	CHECK_INT(lede_parser_new(NULL, NULL, NULL, &p), LEDE_MISUSE);
	CHECK(p == NULL);
	CHECK_INT(lede_parser_new(on_article, NULL, NULL, NULL), LEDE_MISUSE);
	CHECK_INT(lede_parser_buffer(NULL, "x", "y", 1), LEDE_MISUSE);
	CHECK_INT(lede_parser_file(NULL, "x", NULL), LEDE_MISUSE);
	CHECK_INT(lede_parser_map(NULL, "a=body"), LEDE_MISUSE);
	CHECK_INT(lede_parser_set_format(NULL, LEDE_FORMAT_TEXT), LEDE_MISUSE);
	CHECK_STR(lede_parser_errmsg(NULL), "no parser handle (NULL)");
	lede_parser_free(NULL);

	p = new_parser(&s);
	CHECK_INT(lede_parser_set_format(p, (lede_format_t)99), LEDE_MISUSE);
	CHECK_INT(lede_parser_file(p, "/nonexistent/x.txt", NULL), LEDE_IO);
	CHECK_STR(lede_parser_errmsg(p), "cannot open '/nonexistent/x.txt': "
					 "No such file or directory");
	/* A binary file is skipped whatever the format asked for. */
	CHECK_INT(lede_parser_set_format(p, LEDE_FORMAT_TEXT), LEDE_OK);
	{
		FILE *f = fopen("binary.txt", "wb");

		CHECK(f != NULL);
		if (f) {
			fwrite("x\0y", 1, 3, f);
			fclose(f);
		}
	}
	CHECK_INT(lede_parser_file(p, "binary.txt", NULL), LEDE_BAD_INPUT);
	CHECK_STR(s.warning[0],
		  "binary.txt: binary data, not an article (skipped)");
	CHECK_INT(s.n, 0);
	remove("binary.txt");
	lede_parser_free(p);
}

static void test_extract_flag(void)
{
	struct seen s;
	lede_parser_t *p = new_parser(&s);
	const char *text = "Floods in Wales\n\nRivers rose across Wales and "
			   "Scotland on Monday.\n";

	CHECK_INT(lede_parser_buffer(p, "a.txt", text, LEDE_NTS), LEDE_OK);
	CHECK_STR(s.places[0], "Wales|Scotland");
	CHECK_INT(lede_parser_set_flags(p, LEDE_PARSE_NO_EXTRACT), LEDE_OK);
	CHECK_INT(lede_parser_buffer(p, "a.txt", text, LEDE_NTS), LEDE_OK);
	CHECK_STR(s.places[1], "");
	lede_parser_free(p);
}

int main(int argc, char **argv)
{
	const char *dir = argc > 1 ? argv[1] : "tests/fixtures/exports";

	test_detect();
	test_urls();
	test_folder_sections();
	test_feed_export(dir);
	test_map(dir);
	test_misuse();
	test_extract_flag();
	return CHECK_DONE();
}
