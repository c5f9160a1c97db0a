/* test_read.c: unit tests for lede_parse_buffer and the format readers.
 * SPDX-License-Identifier: MIT
 */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "hash.h"
#include "lede.h"
#include "reader.h"
#include "reader_check.h"

/* Parses len bytes of buf (LEDE_NTS: a C string) into s, emptied first. */
static lede_status_t parse(struct seen *s, const char *name, const char *buf,
			   size_t len, lede_format_t format)
{
	seen_free(s);
	return lede_parse_buffer(name, buf, len, format, on_article,
				 on_warning, s);
}

static void test_text(void)
{
	struct seen s = {0};
	char hash[LDI_CONTENT_ID_SIZE];

	CHECK_INT(parse(&s, "a/001.txt",
			"\r\n  \r\n  Ad sales boost profit \r\n\r\n"
			"Quarterly profits jumped.\r\nShares rose.\r\n\r\n",
			LEDE_NTS, LEDE_FORMAT_TEXT),
		  LEDE_OK);
	CHECK_INT(s.n, 1);
	CHECK_INT(s.n_warn, 0);
	CHECK_STR(s.id[0], "a/001.txt");
	CHECK_STR(s.headline[0], "Ad sales boost profit");
	CHECK_STR(s.body[0], "Quarterly profits jumped.\nShares rose.");
	CHECK_STR(s.authors[0], "");
	CHECK_INT(s.date[0], LEDE_NO_DATE);

	/* Headline only. */
	CHECK_INT(parse(&s, "h.txt", "Just a headline\n", LEDE_NTS,
			LEDE_FORMAT_TEXT),
		  LEDE_OK);
	CHECK_INT(s.n, 1);
	CHECK_STR(s.headline[0], "Just a headline");
	CHECK_STR(s.body[0], NULL);

	/* No name: the id is a hash of the trimmed text. */
	ldi_content_id("Title\nBody", 10, hash);
	CHECK_INT(parse(&s, NULL, "Title\nBody\n", LEDE_NTS,
			LEDE_FORMAT_TEXT),
		  LEDE_OK);
	CHECK_STR(s.id[0], hash);
	CHECK_INT(strlen(hash), 18);
	CHECK(!strncmp(hash, "h:", 2));

	/* Empty and blank inputs. */
	CHECK_INT(parse(&s, "e.txt", "", 0, LEDE_FORMAT_TEXT),
		  LEDE_BAD_INPUT);
	CHECK_INT(s.n, 0);
	CHECK_INT(s.n_warn, 1);
	CHECK_STR(s.where[0], "e.txt");
	CHECK_STR(s.warning[0], "no article text (empty input)");
	CHECK_INT(parse(&s, NULL, " \r\n\t\n", LEDE_NTS, LEDE_FORMAT_AUTO),
		  LEDE_BAD_INPUT);
	CHECK_INT(s.n_warn, 1);
	CHECK_STR(s.where[0], "<input>");
	seen_free(&s);
}

static void test_json_keys(void)
{
	struct seen s = {0};
	const char *in =
		"{\"id\": \"one\", \"headline\": \"H1\", \"title\": \"no\","
		" \"body\": \"B1\", \"text\": \"no\", \"authors\": \"A B\","
		" \"date\": \"2004-12-31\", \"source\": \"S1\","
		" \"section\": \"Sec1\", \"language\": \"EN-GB\","
		" \"url\": \"http://u/1\"}\n"
		"{\"guid\": \"two\", \"title\": \"H2\", \"text\": \"B2\","
		" \"author\": [\"X Y\", \"By Z W\"], \"published\":"
		" \"2004-12-31T23:59Z\", \"publisher\": {\"name\": \"S2\"},"
		" \"category\": \"Sec2\", \"lang\": \"fr\","
		" \"link\": \"http://u/2\"}\n"
		"\n"
		"{\"uuid\": 77, \"headline\": \"\", \"title\": \"H3\","
		" \"content\": \"B3\", \"byline\": \"By Ann Lee and Bo Ray\","
		" \"date_published\": \"2004-12-31T23:59:58.25+01:00\","
		" \"outlet\": \"S3\"}\n"
		"{\"headline\": \"H4\", \"article\": \"B4\", \"creator\":"
		" [{\"name\": \"P Q\"}, {\"name\": \"R S\"}, 3],"
		" \"datePublished\": \"2004-12-31 10:00\","
		" \"site_name\": \"S4\"}\n"
		"{\"headline\": \"H5\", \"description\": \"B5\", \"author\":"
		" {\"name\": \"Solo\"}, \"pubDate\": \"2001-01-01\"}\n"
		"{\"headline\": \"H6\", \"short_description\": \"B6\","
		" \"authors\": \"Carla K. Johnson, AP; X; \","
		" \"published_at\": \"2001-01-01\"}\n"
		"{\"headline\": \"H7\", \"summary\": \"B7\", \"authors\": [],"
		" \"author\": \"\", \"byline\": \"Real One\","
		" \"created_at\": \"2001-01-01\"}\n"
		"{\"title\": 2024, \"body\": \"  padded  \", \"id\": \"\","
		" \"guid\": \"g8\", \"date\": \"nope\", \"pubDate\":"
		" \"2001-01-01\", \"source\": true}\n";

	CHECK_INT(parse(&s, "k.jsonl", in, LEDE_NTS, LEDE_FORMAT_AUTO),
		  LEDE_OK);
	CHECK_INT(s.n, 8);
	CHECK_INT(s.n_warn, 0);
	if (s.n != 8)
		goto out;
	CHECK_STR(s.id[0], "one");
	CHECK_STR(s.headline[0], "H1");
	CHECK_STR(s.body[0], "B1");
	CHECK_STR(s.authors[0], "A B");
	CHECK_INT(s.date[0], 1104451200);
	CHECK_STR(s.source[0], "S1");
	CHECK_STR(s.section[0], "Sec1");
	CHECK_STR(s.language[0], "en-gb");
	CHECK_STR(s.url[0], "http://u/1");

	CHECK_STR(s.id[1], "two");
	CHECK_STR(s.headline[1], "H2");
	CHECK_STR(s.body[1], "B2");
	CHECK_STR(s.authors[1], "X Y|Z W");
	CHECK_INT(s.date[1], 1104537540);
	CHECK_STR(s.source[1], "S2");
	CHECK_STR(s.section[1], "Sec2");
	CHECK_STR(s.language[1], "fr");
	CHECK_STR(s.url[1], "http://u/2");

	CHECK_STR(s.id[2], "77");
	CHECK_STR(s.headline[2], "H3");
	CHECK_STR(s.body[2], "B3");
	CHECK_STR(s.authors[2], "Ann Lee|Bo Ray");
	CHECK_INT(s.date[2], 1104537598 - 3600);
	CHECK_STR(s.source[2], "S3");
	CHECK_STR(s.url[2], NULL);

	/* No id or url: name#N, N counting the blank line out. */
	CHECK_STR(s.id[3], "k.jsonl#4");
	CHECK_STR(s.body[3], "B4");
	CHECK_STR(s.authors[3], "P Q|R S");
	CHECK_INT(s.date[3], 1104487200);
	CHECK_STR(s.source[3], "S4");

	CHECK_STR(s.body[4], "B5");
	CHECK_STR(s.authors[4], "Solo");
	CHECK_INT(s.date[4], 978307200);
	CHECK_STR(s.body[5], "B6");
	CHECK_STR(s.authors[5], "Carla K. Johnson|AP|X");
	CHECK_INT(s.date[5], 978307200);
	CHECK_STR(s.body[6], "B7");
	CHECK_STR(s.authors[6], "Real One");
	CHECK_INT(s.date[6], 978307200);

	/* Numbers become text, text is trimmed, an empty id gives way to
	 * the next key, a date that does not parse to one that does. */
	CHECK_STR(s.headline[7], "2024");
	CHECK_STR(s.body[7], "padded");
	CHECK_STR(s.id[7], "g8");
	CHECK_INT(s.date[7], 978307200);
	CHECK_STR(s.source[7], NULL);
out:
	seen_free(&s);
}

static void test_json_problems(void)
{
	struct seen s = {0};
	char hash[LDI_CONTENT_ID_SIZE];
	const char *line3 = "{\"headline\": \"C\"}";

	/* A bad line in the middle costs only itself. */
	CHECK_INT(parse(&s, "f.jsonl",
			"{\"headline\": \"A\"}\n"
			"{\"headline\": \"B\",,}\n"
			"{\"headline\": \"C\"}\n",
			LEDE_NTS, LEDE_FORMAT_JSONL),
		  LEDE_OK);
	CHECK_INT(s.n, 2);
	CHECK_STR(s.headline[0], "A");
	CHECK_STR(s.headline[1], "C");
	CHECK_STR(s.id[0], "f.jsonl#1");
	CHECK_STR(s.id[1], "f.jsonl#3"); /* stable: the bad line counts */
	CHECK_INT(s.n_warn, 1);
	CHECK_STR(s.where[0], "f.jsonl:2");
	CHECK(!strncmp(s.warning[0] ? s.warning[0] : "", "invalid JSON: ",
		       14));
	CHECK(contains(s.warning[0], "(line skipped)"));

	/* Not objects, no headline or body, an unreadable date. */
	CHECK_INT(parse(&s, "p.jsonl",
			"[1, 2]\n"
			"\"text\"\n"
			"{\"url\": \"http://x\"}\n"
			"{\"title\": \"T\", \"date\": \"31/12/2004\"}\n"
			"{\"title\": \"\", \"body\": \"  \"}\n",
			LEDE_NTS, LEDE_FORMAT_JSONL),
		  LEDE_OK);
	CHECK_INT(s.n, 1);
	CHECK_STR(s.headline[0], "T");
	CHECK_INT(s.date[0], LEDE_NO_DATE);
	CHECK_STR(s.id[0], "p.jsonl#4");
	CHECK_INT(s.n_warn, 5);
	CHECK_STR(s.where[0], "p.jsonl:1");
	CHECK(contains(s.warning[0], "not a JSON object"));
	CHECK_STR(s.where[1], "p.jsonl:2");
	CHECK(contains(s.warning[1], "not a JSON object"));
	CHECK_STR(s.where[2], "p.jsonl:3");
	CHECK_STR(s.warning[2], "record has no headline or body (skipped)");
	CHECK_STR(s.where[3], "p.jsonl:4");
	CHECK_STR(s.warning[3],
		  "unrecognised date '31/12/2004' (field left empty)");
	CHECK_STR(s.where[4], "p.jsonl:5");
	CHECK_STR(s.warning[4], "record has no headline or body (skipped)");

	/* Records, but none readable. */
	CHECK_INT(parse(&s, "n.jsonl", "{\"x\": 1}\nnot json\n", LEDE_NTS,
			LEDE_FORMAT_JSONL),
		  LEDE_BAD_INPUT);
	CHECK_INT(s.n, 0);
	CHECK_INT(s.n_warn, 2);

	/* No records at all. */
	CHECK_INT(parse(&s, "z.jsonl", "\n  \n", LEDE_NTS, LEDE_FORMAT_JSONL),
		  LEDE_OK);
	CHECK_INT(s.n, 0);
	CHECK_INT(s.n_warn, 1);
	CHECK_STR(s.where[0], "z.jsonl");
	CHECK_STR(s.warning[0], "no articles found");
	CHECK_INT(parse(&s, "e.json", "[]", LEDE_NTS, LEDE_FORMAT_AUTO),
		  LEDE_OK);
	CHECK_INT(s.n_warn, 1);
	CHECK_STR(s.warning[0], "no articles found");

	/* Ids: url before name#N; with no name, a hash of the line. */
	ldi_content_id(line3, strlen(line3), hash);
	CHECK_INT(parse(&s, NULL,
			"{\"headline\": \"A\", \"url\": \"http://a\"}\n"
			"oops\n"
			"  {\"headline\": \"C\"}  \r\n",
			LEDE_NTS, LEDE_FORMAT_AUTO),
		  LEDE_OK);
	CHECK_INT(s.n, 2);
	CHECK_STR(s.id[0], "http://a");
	CHECK_STR(s.id[1], hash);
	CHECK_INT(s.n_warn, 1);
	CHECK_STR(s.where[0], "<input>:2");

	/* A record's "\u0000" becomes U+FFFD rather than cutting the text. */
	CHECK_INT(parse(&s, "u.jsonl", "{\"title\": \"a\\u0000b\"}",
			LEDE_NTS, LEDE_FORMAT_AUTO),
		  LEDE_OK);
	CHECK_STR(s.headline[0], "a\xEF\xBF\xBD" "b");
	seen_free(&s);
}

static void test_json_documents(void)
{
	struct seen s = {0};

	/* A feed archive: one array of article objects. */
	CHECK_INT(parse(&s, "feed.json",
			"  [\n  {\"title\": \"One\", \"link\": \"http://1\","
			" \"date_published\": \"2023-10-01T23:05:42+00:00\"},\n"
			"  {\"title\": \"Two\"},\n  42,\n"
			"  {\"title\": \"Four\"}\n]\n",
			LEDE_NTS, LEDE_FORMAT_AUTO),
		  LEDE_OK);
	CHECK_INT(s.n, 3);
	CHECK_STR(s.id[0], "http://1");
	CHECK_INT(s.date[0], 1696201542);
	CHECK_STR(s.id[1], "feed.json#2");
	CHECK_STR(s.id[2], "feed.json#4");
	CHECK_INT(s.n_warn, 1);
	CHECK_STR(s.where[0], "feed.json");
	CHECK(contains(s.warning[0], "record 3: not a JSON object"));

	/* A broken array is one warning with the line of the error. */
	CHECK_INT(parse(&s, "bad.json", "[\n{\"title\": \"x\"},\n{oops}\n]",
			LEDE_NTS, LEDE_FORMAT_AUTO),
		  LEDE_BAD_INPUT);
	CHECK_INT(s.n, 0);
	CHECK_INT(s.n_warn, 1);
	CHECK_STR(s.where[0], "bad.json:3");
	CHECK(contains(s.warning[0], "(input skipped)"));

	/* One object written over several lines. */
	CHECK_INT(parse(&s, "one.json",
			"{\n  \"title\": \"Pretty\",\n  \"body\": \"B\"\n}\n",
			LEDE_NTS, LEDE_FORMAT_AUTO),
		  LEDE_OK);
	CHECK_INT(s.n, 1);
	CHECK_STR(s.headline[0], "Pretty");
	CHECK_STR(s.id[0], "one.json#1");
	CHECK_INT(s.n_warn, 0);
	seen_free(&s);
}

static void test_repair_and_detect(void)
{
	struct seen s = {0};
	static const char nul_text[] = "Head\0line\nBody";
	static const char nul_json[] = "{\"title\": \"A\"}\n"
				       "{\"title\": \"B\0\"}\n";

	/* Latin-1 on line 2 of a JSON lines file. */
	CHECK_INT(parse(&s, "l1.jsonl",
			"{\"title\": \"ok\"}\n{\"title\": \"caf\xE9\"}\n",
			LEDE_NTS, LEDE_FORMAT_AUTO),
		  LEDE_OK);
	CHECK_INT(s.n, 2);
	CHECK_STR(s.headline[1], "caf\xEF\xBF\xBD");
	CHECK_INT(s.n_warn, 1);
	CHECK_STR(s.where[0], "l1.jsonl:2");
	CHECK_STR(s.warning[0], "invalid UTF-8: 1 byte replaced by U+FFFD");

	CHECK_INT(parse(&s, "l2.txt", "T\xE9t\xE9\n", LEDE_NTS,
			LEDE_FORMAT_AUTO),
		  LEDE_OK);
	CHECK_STR(s.headline[0], "T\xEF\xBF\xBDt\xEF\xBF\xBD");
	CHECK_STR(s.warning[0], "invalid UTF-8: 2 bytes replaced by U+FFFD");
	CHECK_STR(s.where[0], "l2.txt:1");

	/* Embedded NUL bytes, in text and in JSON. */
	CHECK_INT(parse(&s, "nul.txt", nul_text, sizeof nul_text - 1,
			LEDE_FORMAT_AUTO),
		  LEDE_OK);
	CHECK_STR(s.headline[0], "Head\xEF\xBF\xBDline");
	CHECK_STR(s.body[0], "Body");
	CHECK_INT(s.n_warn, 1);
	CHECK_INT(parse(&s, "nul.jsonl", nul_json, sizeof nul_json - 1,
			LEDE_FORMAT_AUTO),
		  LEDE_OK);
	CHECK_INT(s.n, 2);
	CHECK_STR(s.headline[1], "B\xEF\xBF\xBD");
	CHECK_STR(s.where[0], "nul.jsonl:2");

	/* A byte order mark is dropped. */
	CHECK_INT(parse(&s, "bom.json", "\xEF\xBB\xBF{\"title\": \"T\"}",
			LEDE_NTS, LEDE_FORMAT_AUTO),
		  LEDE_OK);
	CHECK_INT(s.n, 1);
	CHECK_INT(s.n_warn, 0);

	/* Detection looks at the first byte that is not white space. */
	CHECK_INT(ldi_detect_format("  \n{", 4), LEDE_FORMAT_JSONL);
	CHECK_INT(ldi_detect_format("\t[", 2), LEDE_FORMAT_JSONL);
	CHECK_INT(ldi_detect_format("Headline {x}", 12), LEDE_FORMAT_TEXT);
	CHECK_INT(ldi_detect_format("", 0), LEDE_FORMAT_TEXT);
	CHECK_INT(parse(&s, "t", "{not json, but text}\nbody", LEDE_NTS,
			LEDE_FORMAT_TEXT),
		  LEDE_OK);
	CHECK_STR(s.headline[0], "{not json, but text}");
	CHECK_INT(parse(&s, "j", "{\"title\": \"x\"}", LEDE_NTS,
			LEDE_FORMAT_AUTO),
		  LEDE_OK);
	CHECK_STR(s.headline[0], "x");
	CHECK_STR(s.id[0], "j#1");
	seen_free(&s);
}

static void test_stop_and_args(void)
{
	struct seen s = {0};
	lede_format_t f = LEDE_FORMAT_TEXT;

	s.stop_after = 2;
	CHECK_INT(parse(&s, "s.jsonl",
			"{\"title\": \"1\"}\n{\"title\": \"2\"}\n"
			"{\"title\": \"3\"}\n",
			LEDE_NTS, LEDE_FORMAT_AUTO),
		  LEDE_DONE);
	CHECK_INT(s.n, 2);
	s.stop_after = 1;
	CHECK_INT(parse(&s, "s.txt", "Head\nBody", LEDE_NTS,
			LEDE_FORMAT_AUTO),
		  LEDE_DONE);
	CHECK_INT(parse(&s, "s.json",
			"[{\"title\": \"1\"}, {\"title\": \"2\"}]",
			LEDE_NTS, LEDE_FORMAT_AUTO),
		  LEDE_DONE);
	CHECK_INT(s.n, 1);
	s.stop_after = 0;

	CHECK_INT(lede_parse_buffer("x", NULL, 5, LEDE_FORMAT_AUTO,
				    on_article, NULL, NULL),
		  LEDE_MISUSE);
	CHECK_INT(lede_parse_buffer("x", "a", 1, LEDE_FORMAT_AUTO, NULL,
				    NULL, NULL),
		  LEDE_MISUSE);
	CHECK_INT(lede_parse_buffer("x", "a", 1, (lede_format_t)99,
				    on_article, NULL, &s),
		  LEDE_MISUSE);
	/* No warning callback: warnings are dropped, parsing goes on. */
	seen_free(&s);
	CHECK_INT(lede_parse_buffer("x", "bad\n{\"title\": \"t\"}\n",
				    LEDE_NTS, LEDE_FORMAT_JSONL, on_article,
				    NULL, &s),
		  LEDE_OK);
	CHECK_INT(s.n, 1);

	CHECK_INT(lede_format_parse("auto", &f), LEDE_OK);
	CHECK_INT(f, LEDE_FORMAT_AUTO);
	CHECK_INT(lede_format_parse("text", &f), LEDE_OK);
	CHECK_INT(f, LEDE_FORMAT_TEXT);
	CHECK_INT(lede_format_parse("jsonl", &f), LEDE_OK);
	CHECK_INT(f, LEDE_FORMAT_JSONL);
	CHECK_INT(lede_format_parse("json", &f), LEDE_OK);
	CHECK_INT(f, LEDE_FORMAT_JSONL);
	CHECK_INT(lede_format_parse("xml", &f), LEDE_MISUSE);
	CHECK_INT(lede_format_parse(NULL, &f), LEDE_MISUSE);
	CHECK_INT(lede_format_parse("text", NULL), LEDE_MISUSE);
	seen_free(&s);
}

/* Odd inputs must give a status, never a crash or a leak. */
static void test_no_crash(void)
{
	static const char *const odd[] = {
		"{", "[", "[{", "}", "]", "{}", "[[]]", "null", "\"\"",
		"{\"title\": {\"name\": \"x\"}}", "{\"authors\": [[[]]]}",
		"{\"title\": \"t\", \"authors\": \", ; and , \"}",
		"{\"title\": \"t\", \"authors\": \"By \"}",
		"{\"title\": \"t\", \"date\": \"2004-02-30\"}",
		"[\"a\", null, {\"title\": \"t\", \"id\": 1e300}]",
	};
	struct seen s = {0};
	char deep[3000];
	size_t i;

	for (i = 0; i < sizeof odd / sizeof odd[0]; i++) {
		lede_status_t st = parse(&s, "odd", odd[i], LEDE_NTS,
					 LEDE_FORMAT_AUTO);

		CHECK(st == LEDE_OK || st == LEDE_BAD_INPUT);
	}
	memset(deep, '[', sizeof deep - 1);
	deep[sizeof deep - 1] = '\0';
	CHECK_INT(parse(&s, "deep", deep, LEDE_NTS, LEDE_FORMAT_AUTO),
		  LEDE_BAD_INPUT);
	CHECK_INT(s.n_warn, 1);
	seen_free(&s);
}

int main(void)
{
	test_text();
	test_json_keys();
	test_json_problems();
	test_json_documents();
	test_repair_and_detect();
	test_stop_and_args();
	test_no_crash();
	return CHECK_DONE();
}
