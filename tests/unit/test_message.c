/* test_message.c: unit tests for the message and mbox readers and
 * charset.c. argv[1] is tests/fixtures/messages.
 * SPDX-License-Identifier: MIT
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "charset.h"
#include "check.h"
#include "hash.h"
#include "reader.h"
#include "utf8.h"

#define MAX_SEEN 16

static int valid(const char *s)
{
	return !s || !ldi_utf8_invalid(s, strlen(s));
}

/* Readers hand on valid UTF-8, a language left for detection. */
static void check_article(const lede_article_t *a)
{
	CHECK(valid(a->id) && valid(a->headline) && valid(a->body) &&
	      valid(a->section));
	CHECK(a->id && *a->id);
	CHECK(a->language == NULL && a->source == NULL && a->url == NULL);
}

#define SEEN_CHECK_ARTICLE(a) check_article(a)
#define SEEN_CHECK_NAME(name) CHECK(valid(name) && *(name))
#define SEEN_CHECK_WARNING(where, message) \
	CHECK(valid(where) && valid(message))
#include "reader_check.h"

/* Reads len bytes of buf (LEDE_NTS: a C string) with one reader. */
static lede_status_t run(struct seen *s, reader_fn fn, const char *name,
			 const char *buf, size_t len)
{
	return seen_read(s, fn, name, buf, len);
}

/* Reads the fixture `name`, named as such, and checks that the reader
 * returns one of the statuses reader.h allows, whatever the fixture. */
static lede_status_t run_file(struct seen *s, reader_fn fn,
			      const char *name)
{
	lede_status_t st = seen_read_file(s, fn, name);

	CHECK(st == LEDE_OK || st == LEDE_DONE || st == LEDE_NOMEM ||
	      st == LEDE_BAD_INPUT);
	return st;
}

/* ---- Fixtures ---------------------------------------------------------- */

static void test_usenet_reply(void)
{
	struct seen s = {0};

	CHECK_INT(run_file(&s, ldi_read_message, "usenet-reply.txt"),
		  LEDE_OK);
	CHECK_INT(s.n, 1);
	CHECK_INT(s.n_warn, 0);
	if (s.n != 1)
		goto out;
	CHECK_STR(s.id[0], "C5uKx1.4Hq@zoo.example.edu");
	CHECK_STR(s.headline[0],
		  "HLV for Fred (was Re: Prefab Space Station?)");
	CHECK_STR(s.authors[0], "Henry Spencer");
	CHECK_STR(s.section[0], "sci.space");
	CHECK_INT(s.date[0], 735307200); /* 1993-04-20T12:00:00Z */
	CHECK_STR(s.tags[0], "launchers|Titan|commercial");
	CHECK_STR(s.body[0],
		  "The problem with Commercial Titan is that the maker has "
		  "made little\nattempt to market it.\n\n"
		  "They are happy with their government business.");
out:
	seen_free(&s);
}

static void test_tin_quotes(void)
{
	struct seen s = {0};

	CHECK_INT(run_file(&s, ldi_read_message, "tin-quotes.txt"), LEDE_OK);
	CHECK_INT(s.n, 1);
	CHECK_INT(s.n_warn, 0);
	if (s.n != 1)
		goto out;
	CHECK_STR(s.id[0], "tin-quotes.txt"); /* no Message-ID */
	CHECK_STR(s.headline[0], "Analytical engine");
	CHECK_STR(s.authors[0], "Lovelace, Ada");
	CHECK_STR(s.section[0], NULL);
	CHECK_STR(s.tags[0], "");
	CHECK_INT(s.date[0], 735308130); /* 08:15:30 EDT */
	/* ": " quotes and a two-line attribution, "| " quotes after
	 * "wrote:", a rule and a signature go; a "| " table after the
	 * poster's own text stays. */
	CHECK_STR(s.body[0], "A thousand should do for the first trials.\n\n"
			     "His paper is the best account of it so far.\n"
			     "| It is a table, and it stays |");
out:
	seen_free(&s);
}

static void test_latin1(void)
{
	struct seen s = {0};

	CHECK_INT(run_file(&s, ldi_read_message, "latin1-usenet.txt"),
		  LEDE_OK);
	CHECK_INT(s.n, 1);
	CHECK_INT(s.n_warn, 0);
	if (s.n != 1)
		goto out;
	CHECK_STR(s.authors[0], "Jürgen Müller");
	CHECK_STR(s.headline[0], "Über Käse");
	/* windows-1252's quotes and euro; its undefined 0x81 is U+FFFD. */
	CHECK_STR(s.body[0], "Grüße aus Köln, \u201Csehr gut\u201D "
			     "\uFFFD und 5\u20AC.\n\nJürgen");
	CHECK_INT(s.date[0], LEDE_NO_DATE);
out:
	seen_free(&s);
}

static void test_qp_latin1(void)
{
	struct seen s = {0};

	CHECK_INT(run_file(&s, ldi_read_message, "qp-latin1.eml"), LEDE_OK);
	CHECK_INT(s.n, 1);
	CHECK_INT(s.n_warn, 0);
	if (s.n != 1)
		goto out;
	CHECK_STR(s.id[0], "20210503143000.GA1234@example.fr");
	CHECK_STR(s.headline[0], "Café crème");
	CHECK_STR(s.authors[0], "François Dupont");
	CHECK_INT(s.date[0], 1620045000); /* 14:30 +0200 */
	CHECK_STR(s.body[0],
		  "Bonjour à tous,\n\nLe café crème coûte désormais deux "
		  "euros cinquante, ce qui est cher pour un café.\n\n"
		  "François");
out:
	seen_free(&s);
}

static void test_base64_utf8(void)
{
	struct seen s = {0};

	CHECK_INT(run_file(&s, ldi_read_message, "base64-utf8.eml"), LEDE_OK);
	CHECK_INT(s.n, 1);
	CHECK_INT(s.n_warn, 0);
	if (s.n != 1)
		goto out;
	/* The two encoded words split the bytes of "ü" between them. */
	CHECK_STR(s.headline[0], "Zürich öffnet Bahnhof");
	CHECK_STR(s.authors[0], "Иван Петров");
	CHECK_STR(s.id[0], "b64.1@example.ru");
	CHECK_INT(s.date[0], 1709279999); /* a leap day, -0800 */
	CHECK_STR(s.body[0], "Привет, мир!\n\nΚαλημέρα κόσμε.");
out:
	seen_free(&s);
}

static void test_alternative_crlf(void)
{
	struct seen s = {0};

	CHECK_INT(run_file(&s, ldi_read_message, "alternative.eml"), LEDE_OK);
	CHECK_INT(s.n, 1);
	CHECK_INT(s.n_warn, 0);
	if (s.n != 1)
		goto out;
	CHECK_STR(s.id[0], "alt.42@example.org");
	CHECK_STR(s.headline[0], "Board meeting: budget approved");
	CHECK_STR(s.authors[0], "Board Secretary|Doe, Jane");
	CHECK_STR(s.tags[0], "board|budget|2024");
	CHECK_INT(s.date[0], 1709715600);
	/* The text/plain part, though the HTML one comes first. */
	CHECK_STR(s.body[0], "The board met on Tuesday and approved the budget "
			     "\u2014 with one change.\n\n"
			     "Minutes follow next week.");
out:
	seen_free(&s);
}

/* With no text/plain part, the first text/html part is the body. */
static void test_html_only(void)
{
	struct seen s = {0};

	CHECK_INT(run_file(&s, ldi_read_message, "html-only.eml"), LEDE_OK);
	CHECK_INT(s.n, 1);
	CHECK_STR(s.headline[0], "Weekly digest");
	CHECK_STR(s.authors[0], "news@example.com");
	CHECK_STR(s.id[0], "html.1@example.com");
	CHECK_STR(s.body[0], "Only markup here.");
	CHECK_INT(s.n_warn, 0);

	/* Quoted-printable Latin-1 inside multipart/related, with a style
	 * sheet, a script and entities; a later HTML attachment is not the
	 * body. */
	CHECK_INT(run_file(&s, ldi_read_message, "html-related.eml"),
		  LEDE_OK);
	CHECK_INT(s.n, 1);
	CHECK_INT(s.n_warn, 0);
	CHECK_STR(s.headline[0], "Caf\u00E9 de la Gare reopens");
	CHECK_STR(s.authors[0], "Ren\u00E9e Dupr\u00E9");
	CHECK_INT(s.date[0], 1709572800); /* 2024-03-04T17:20:00Z */
	CHECK_STR(s.body[0],
		  "Caf\u00E9 de la Gare\n\n"
		  "The caf\u00E9 reopens on Friday after a \u201Clong\u201D "
		  "refit & a new terrace.\n\n"
		  "Opening hours:\n8am\u20136pm");

	/* A text/plain part wins wherever it is; base64 HTML is decoded;
	 * HTML with no text gives no body. */
	CHECK_INT(run(&s, ldi_read_message, "m",
		      "Subject: s\nContent-Type: multipart/mixed; boundary=b\n"
		      "\n--b\nContent-Type: text/html\n\n<p>html</p>\n"
		      "--b\nContent-Type: text/plain\n\nplain\n--b--\n",
		      LEDE_NTS),
		  LEDE_OK);
	CHECK_STR(s.body[0], "plain");
	CHECK_INT(run(&s, ldi_read_message, "m",
		      "Subject: s\nContent-Type: text/html; charset=utf-8\n"
		      "Content-Transfer-Encoding: base64\n\n"
		      "PHA+Y2Fmw6k8L3A+\n",
		      LEDE_NTS),
		  LEDE_OK);
	CHECK_STR(s.body[0], "caf\u00E9");
	CHECK_INT(run(&s, ldi_read_message, "m",
		      "Subject: s\nContent-Type: text/html\n\n"
		      "<script>x()</script>\n",
		      LEDE_NTS),
		  LEDE_OK);
	CHECK_INT(s.n, 1);
	CHECK_STR(s.body[0], NULL);
	CHECK_INT(s.n_warn, 0);
	seen_free(&s);
}

static void test_mbox(void)
{
	struct seen s = {0};

	CHECK_INT(run_file(&s, ldi_read_mbox, "three.mbox"), LEDE_OK);
	CHECK_INT(s.n, 2);
	CHECK_INT(s.n_warn, 1);
	if (s.n != 2 || s.n_warn != 1)
		goto out;
	CHECK_STR(s.id[0], "three.mbox#1");
	CHECK_STR(s.headline[0], "First post");
	CHECK_STR(s.authors[0], "Alice");
	CHECK_INT(s.date[0], 735228000); /* 10:00 -0400 */
	/* "From " inside a paragraph does not split; ">From " loses one
	 * '>', and ">>From " becomes a quote, which goes. */
	CHECK_STR(s.body[0],
		  "The first message.\n"
		  "From the archive, a line that is not a separator.\n\n"
		  "From here on, mboxrd quoting.");
	CHECK_STR(s.where[0], "three.mbox#2");
	CHECK_STR(s.warning[0], "not a message: no header lines at the start "
				"(message skipped)");
	CHECK_STR(s.id[1], "third@example.org");
	CHECK_STR(s.headline[1], "Third post");
	CHECK_STR(s.authors[1], "carol@example.org");
	CHECK_STR(s.body[1], "The third message.");
	CHECK_INT(s.date[1], LEDE_NO_DATE);
out:
	seen_free(&s);
}

static void test_empty_and_binary(void)
{
	struct seen s = {0};

	CHECK_INT(run_file(&s, ldi_read_message, "empty.eml"),
		  LEDE_BAD_INPUT);
	CHECK_INT(s.n, 0);
	CHECK_INT(s.n_warn, 1);
	CHECK_STR(s.where[0], "empty.eml");
	CHECK_STR(s.warning[0], "no message (empty input)");

	CHECK_INT(run_file(&s, ldi_read_mbox, "empty.eml"), LEDE_BAD_INPUT);
	CHECK_INT(s.n_warn, 1);
	CHECK_STR(s.warning[0], "no messages (empty input)");

	CHECK_INT(run_file(&s, ldi_read_message, "binary.bin"),
		  LEDE_BAD_INPUT);
	CHECK_INT(s.n, 0);
	CHECK_INT(s.n_warn, 1);
	CHECK_STR(s.where[0], "binary.bin");
	CHECK_STR(s.warning[0], "not a message: no header lines at the start");

	CHECK_INT(run_file(&s, ldi_read_mbox, "binary.bin"), LEDE_BAD_INPUT);
	CHECK_INT(s.n, 0);
	CHECK_INT(s.n_warn, 1);
	CHECK_STR(s.where[0], "binary.bin#1");
	seen_free(&s);
}

static void test_pgp_uu(void)
{
	struct seen s = {0};

	CHECK_INT(run_file(&s, ldi_read_message, "pgp-uu.txt"), LEDE_OK);
	CHECK_INT(s.n, 1);
	if (s.n != 1)
		goto out;
	CHECK_STR(s.headline[0], "Signed notes and a file");
	CHECK_STR(s.authors[0], "Phil");
	CHECK_STR(s.section[0], "sci.crypt");
	CHECK_STR(s.body[0], "The key server moved to a new host.\n"
			     "--- quoted dashes stay, unescaped.\n\n"
			     "The file follows.\n\nThat was all.");
out:
	seen_free(&s);
}

/* ---- Headers ----------------------------------------------------------- */

struct date_case {
	const char *text;
	int64_t want;
};

static void test_dates(void)
{
	static const struct date_case cases[] = {
		{"Tue, 20 Apr 1993 12:00:00 GMT", 735307200},
		{"20 Apr 93 08:15:30 EDT", 735308130},
		{"Tue Apr 20 12:00:00 1993", 735307200},	/* ctime */
		{"Tue Apr 20 1993 12:00:00", 735307200},
		{"Tuesday, 20-Apr-93 12:00:00 UT", 735307200},
		{"Tue, 20 Apr 1993 13:00 +0100", 735307200},
		{"Tue, 20 Apr 1993 07:00:00 -0500 (EST)", 735307200},
		{"20 Apr 1993 04:00:00 PST", 735307200},
		{"20 Apr 1993 05:00:00 PDT", 735307200},
		{"20 Apr 1993 06:00:00 CST", 735307200},
		{"20 Apr 1993 07:00:00 CDT", 735307200},
		{"20 Apr 1993 05:00:00 MST", 735307200},
		{"20 Apr 1993 06:00:00 MDT", 735307200},
		{"20 Apr 1993 08:00:00 EDT", 735307200},
		{"20 Apr 1993 12:00:00 Z", 735307200},
		{"20 Apr 1993 12:00:00 A", 735307200},	/* military: UTC */
		{"20 Apr 1993 12:00:00 MEST", 735307200}, /* unknown: UTC */
		{"20 Apr 1993 12:00:00", 735307200},	/* no zone */
		{"20 Apr 1993 12:00:00 +05:30", 735307200 - 19800},
		{"Thu, 29 Feb 2024 23:59:59 -0800", 1709279999},
		{"1 Jan 49 00:00:00 GMT", 2493072000},
		{"1 Jan 50 00:00:00 GMT", -631152000},
		{"Fri, 31 Dec 1999 23:59:60 GMT", 946684800},
		{"2004-12-31T23:59:58Z", 1104537598},	/* ISO 8601 */
		{"30 Feb 1993 10:00:00 GMT", LEDE_NO_DATE},
		{"20 Apr 1993 25:00:00 GMT", LEDE_NO_DATE},
		{"Tue, 20 Foo 1993 12:00:00", LEDE_NO_DATE},
		{"yesterday", LEDE_NO_DATE},
		{"123 Apr 1993", LEDE_NO_DATE},
	};
	struct seen s = {0};
	char msg[256];
	size_t i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		snprintf(msg, sizeof msg,
			 "From: a@example.org\nSubject: s\nDate: %s\n\nb\n",
			 cases[i].text);
		CHECK_INT(run(&s, ldi_read_message, "d", msg, LEDE_NTS),
			  LEDE_OK);
		CHECK_INT(s.n, 1);
		if (s.date[0] != cases[i].want)
			fprintf(stderr, "date case '%s'\n", cases[i].text);
		CHECK_INT(s.date[0], cases[i].want);
		CHECK_INT(s.n_warn, cases[i].want == LEDE_NO_DATE);
	}

	/* The warning names the line of the field. */
	CHECK_INT(run(&s, ldi_read_message, "d",
		      "From: a@example.org\nSubject: s\nDate: yesterday\n\nb",
		      LEDE_NTS),
		  LEDE_OK);
	CHECK_STR(s.where[0], "d:3");
	CHECK_STR(s.warning[0], "unrecognised date 'yesterday' (field left "
				"empty)");
	/* An envelope line counts, and so do folded lines. */
	CHECK_INT(run(&s, ldi_read_message, "d",
		      "From a@example.org Tue Apr 20 12:00:00 1993\n"
		      "Subject: folded\n over\nDate: soon\n\nb",
		      LEDE_NTS),
		  LEDE_OK);
	CHECK_STR(s.headline[0], "folded over");
	CHECK_STR(s.where[0], "d:4");
	seen_free(&s);
}

struct text_case {
	const char *in;
	const char *want;
};

static void test_from(void)
{
	static const struct text_case cases[] = {
		{"henry@zoo.example.edu (Henry Spencer)", "Henry Spencer"},
		{"\"Spencer, Henry\" <henry@zoo.example.edu>",
		 "Spencer, Henry"},
		{"Henry Spencer <henry@zoo.example.edu>", "Henry Spencer"},
		{"henry@zoo.example.edu", "henry@zoo.example.edu"},
		{"<henry@zoo.example.edu>", "henry@zoo.example.edu"},
		{"<henry@zoo.example.edu> (Henry Spencer)", "Henry Spencer"},
		{"a@x.org (A One), \"Two, B\" <b@x.org>, c@x.org",
		 "A One|Two, B|c@x.org"},
		{"Charles P. Cox, Jr. <cox@example.edu>",
		 "Charles P. Cox, Jr."},
		{"'Ada Lovelace' <ada@example.org>", "Ada Lovelace"},
		{"=?utf-8?Q?Zo=C3=AB?= =?utf-8?Q?_Smith?= <z@example.org>",
		 "Zoë Smith"},
		{"\"=?ISO-8859-1?Q?Andr=E9?=\" <a@example.org>", "André"},
		{"x@example.org (  )", "x@example.org"},
		{"A <a@example.org>, A <a@example.org>", "A"},
		{"Henry \"the Hawk\" Spencer <h@example.org>",
		 "Henry the Hawk Spencer"},
		{"\"Dr. \\\"Q\\\" Smith\" <q@example.org>", "Dr. \"Q\" Smith"},
		{"x@example.org (Outer (inner) name)", "Outer name"},
		{"", ""},
	};
	struct seen s = {0};
	char msg[256];
	size_t i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		snprintf(msg, sizeof msg, "From: %s\nSubject: s\n\nb\n",
			 cases[i].in);
		CHECK_INT(run(&s, ldi_read_message, "f", msg, LEDE_NTS),
			  LEDE_OK);
		CHECK_INT(s.n, 1);
		if (s.n && strcmp(s.authors[0], cases[i].want))
			fprintf(stderr, "from case '%s'\n", cases[i].in);
		CHECK_STR(s.authors[0], cases[i].want);
	}
	seen_free(&s);
}

static void test_subject(void)
{
	static const struct text_case cases[] = {
		{"Re: Saturn", "Saturn"},
		{"RE: re: Fwd: FW: Saturn", "Saturn"},
		{"Re^2: Saturn", "Saturn"},
		{"Re[3]: Saturn", "Saturn"},
		{"Re : Saturn", "Saturn"},
		{"Reality: check", "Reality: check"},
		{"Fwdx: kept", "Fwdx: kept"},
		{"Re:", NULL},
		{"Saturn (was Re: Titan)", "Saturn (was Re: Titan)"},
		{"  spaced\t\tout  ", "spaced out"},
		{"=?utf-8?B?w4lsw6k=?= vote", "Élé vote"},
		{"=?utf-8?q?a?=  =?utf-8?q?b?= c =?utf-8?q?d?=", "ab c d"},
		{"=?utf-8?q?a?= x=?bad", "a x=?bad"},
		{"=?x-unknown?q?caf=E9?=", "café"},
		{"=?utf-8*en?q?lang?=", "lang"},
	};
	struct seen s = {0};
	char msg[256];
	size_t i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		snprintf(msg, sizeof msg, "Subject: %s\n\nb\n", cases[i].in);
		CHECK_INT(run(&s, ldi_read_message, "s", msg, LEDE_NTS),
			  LEDE_OK);
		CHECK_INT(s.n, 1);
		CHECK_STR(s.headline[0], cases[i].want);
	}
	seen_free(&s);
}

static void test_header_block(void)
{
	struct seen s = {0};
	char hash[LDI_CONTENT_ID_SIZE];
	const char *msg = "Subject: hashed\n\nbody\n";

	/* No From or Subject: not a message. */
	CHECK_INT(run(&s, ldi_read_message, "h", "X-Foo: bar\n\nbody",
		      LEDE_NTS),
		  LEDE_BAD_INPUT);
	CHECK_INT(s.n_warn, 1);
	CHECK_STR(s.warning[0], "not a message: no From or Subject header");
	/* No header line at the start. */
	CHECK_INT(run(&s, ldi_read_message, "h",
		      "Just text.\nSubject: too late\n\nbody", LEDE_NTS),
		  LEDE_BAD_INPUT);
	CHECK_STR(s.warning[0], "not a message: no header lines at the start");
	CHECK_INT(run(&s, ldi_read_message, "h", " \n\t\n", LEDE_NTS),
		  LEDE_BAD_INPUT);
	CHECK_STR(s.warning[0], "no message (blank input)");

	/* A field's continuation left without its field (20 Newsgroups
	 * lost "Path:" so) is passed over. */
	CHECK_INT(run(&s, ldi_read_message, "h",
		      " agate!ames!purdue!kari\n"
		      "Subject: Seagate drive\nFrom: k@example.edu (Kari)\n"
		      "\nFor sale.\n",
		      LEDE_NTS),
		  LEDE_OK);
	CHECK_STR(s.headline[0], "Seagate drive");
	CHECK_STR(s.authors[0], "Kari");
	CHECK_STR(s.body[0], "For sale.");

	/* CRLF, header names in any case, first field of a name wins, a
	 * body line that looks like a field stays in the body. */
	CHECK_INT(run(&s, ldi_read_message, "h",
		      "SUBJECT: one\r\nsubject: two\r\nmessage-id:  <m@x> \r\n"
		      "NEWSGROUPS: comp.lang.c, comp.std.c\r\n\r\n"
		      "Note: this is body text.\r\n",
		      LEDE_NTS),
		  LEDE_OK);
	CHECK_STR(s.headline[0], "one");
	CHECK_STR(s.id[0], "m@x");
	CHECK_STR(s.section[0], "comp.lang.c");
	CHECK_STR(s.body[0], "Note: this is body text.");
	CHECK_STR(s.authors[0], "");

	/* No name: the id is a hash of the message. */
	ldi_content_id(msg, strlen(msg), hash);
	CHECK_INT(run(&s, ldi_read_message, NULL, msg, LEDE_NTS), LEDE_OK);
	CHECK_STR(s.id[0], hash);

	/* A reply that is all quote still gives an article. */
	CHECK_INT(run(&s, ldi_read_message, "q",
		      "Subject: Re: me too\n\nX wrote:\n> a\n> b\n\n-- \nsig\n",
		      LEDE_NTS),
		  LEDE_OK);
	CHECK_INT(s.n, 1);
	CHECK_STR(s.headline[0], "me too");
	CHECK_STR(s.body[0], NULL);
	seen_free(&s);
}

/* ---- Bodies ------------------------------------------------------------ */

static void test_bodies(void)
{
	static const struct text_case cases[] = {
		/* Attributions and quote styles. */
		{"On Mon, 1 Jan 2024, A wrote:\n> q\n\nMine.", "Mine."},
		{"Bob wrote:\n\nMy own words.", "My own words."},
		{"Text.\n\nJS> initials quote\nMore.", "Text.\n\nMore."},
		{"Text.\n#> hash quote\n# and its tail\nMore.",
		 "Text.\n\nMore."},
		{"#include <stdio.h>\n# shell comment", "#include <stdio.h>\n"
							"# shell comment"},
		{"Smile :-)\n: tin quote\nEnd.", "Smile :-)\n\nEnd."},
		{"In article <x@y>\n> q\nOwn.", "Own."},
		{"My doctor said:\nrest.", "My doctor said:\nrest."},
		/* Signatures. */
		{"Body.\n-- \nName\nAddress", "Body."},
		{"Body.\n--\nName", "Body."},
		{"--\nHi all, a question about the Opel GT and how to find\n"
		 "parts for it, and whether there is a club, and how big\n"
		 "it is, and what they cost, and where to look for them.\n"
		 "Thanks.",
		 "Hi all, a question about the Opel GT and how to find\n"
		 "parts for it, and whether there is a club, and how big\n"
		 "it is, and what they cost, and where to look for them.\n"
		 "Thanks."},
		{"Body.\n\n----------\nJo Bloggs  jo@example.org", "Body."},
		{"Table:\n----------\nBos 10 2\nMtl 9 3\nNYR 8 4\nPhi 7 5",
		 "Table:\n----------\nBos 10 2\nMtl 9 3\nNYR 8 4\nPhi 7 5"},
		/* Paragraphs: runs of blank lines and left-out lines. */
		{"\n\n  a  \n\n\n\nb\n> q\nc\n\n", "  a\n\nb\n\nc"},
		/* A "begin" block without "end" as far as its data goes. */
		{"Data:\nbegin 644 x.bin\nM86)C\n\nAfter.", "Data:\n\nAfter."},
		/* PGP armour but no signed text. */
		{"-----BEGIN PGP PUBLIC KEY BLOCK-----\nabc\n"
		 "-----END PGP PUBLIC KEY BLOCK-----\nMy key.",
		 "My key."},
	};
	struct seen s = {0};
	char msg[512];
	size_t i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		snprintf(msg, sizeof msg, "Subject: s\n\n%s", cases[i].in);
		CHECK_INT(run(&s, ldi_read_message, "b", msg, LEDE_NTS),
			  LEDE_OK);
		CHECK_INT(s.n, 1);
		if (s.n && (s.body[0] == NULL) != (cases[i].want == NULL))
			fprintf(stderr, "body case %zu\n", i);
		else if (s.n && s.body[0] && strcmp(s.body[0], cases[i].want))
			fprintf(stderr, "body case %zu\n", i);
		CHECK_STR(s.body[0], cases[i].want);
	}
	seen_free(&s);
}

static void test_mime(void)
{
	struct seen s = {0};

	/* Quoted-printable: soft breaks with padding, a bare "=", a
	 * lowercase escape; charset from a quoted parameter after another
	 * quoted one holding ';'. */
	CHECK_INT(run(&s, ldi_read_message, "m",
		      "Subject: s\nContent-Type: text/plain; name=\"a;b\";\n"
		      " charset=\"ISO-8859-15\"\n"
		      "Content-Transfer-Encoding: Quoted-Printable\n\n"
		      "Prix: 5=A4 =  \nnet, 1=3d1, =e9t=E9.\n",
		      LEDE_NTS),
		  LEDE_OK);
	CHECK_STR(s.body[0], "Prix: 5€ net, 1=1, été.");

	/* A multipart/digest's parts are messages; a message/rfc822 part
	 * gives its text. */
	CHECK_INT(run(&s, ldi_read_message, "m",
		      "Subject: digest\nContent-Type: multipart/digest; "
		      "boundary=d\n\n--d\n\nSubject: inner\n\nDigest text.\n"
		      "--d--\n",
		      LEDE_NTS),
		  LEDE_OK);
	CHECK_STR(s.body[0], "Digest text.");
	CHECK_INT(run(&s, ldi_read_message, "m",
		      "Subject: fwd\nContent-Type: multipart/mixed; "
		      "boundary=x\n\n--x\nContent-Type: image/png\n\nPNG\n"
		      "--x\nContent-Type: message/rfc822\n\nSubject: orig\n"
		      "Content-Type: text/plain; charset=koi8-r\n\n"
		      "\xF0\xD2\xC9\xD7\xC5\xD4\n--x--\n",
		      LEDE_NTS),
		  LEDE_OK);
	CHECK_STR(s.body[0], "Привет");

	/* A last part cut off before its closing boundary still counts. */
	CHECK_INT(run(&s, ldi_read_message, "m",
		      "Subject: cut\nContent-Type: multipart/mixed; "
		      "boundary=x\n\n--x\n\nCut short",
		      LEDE_NTS),
		  LEDE_OK);
	CHECK_STR(s.body[0], "Cut short");

	/* A multipart without a boundary, an unknown type: no body. */
	CHECK_INT(run(&s, ldi_read_message, "m",
		      "Subject: nb\nContent-Type: multipart/mixed\n\ntext\n",
		      LEDE_NTS),
		  LEDE_OK);
	CHECK_STR(s.body[0], NULL);
	CHECK_INT(s.n_warn, 0);
	CHECK_INT(run(&s, ldi_read_message, "m",
		      "Subject: app\nContent-Type: application/octet-stream\n"
		      "\n\x01\x02",
		      LEDE_NTS),
		  LEDE_OK);
	CHECK_STR(s.body[0], NULL);
	/* A type that cannot be read is text/plain. */
	CHECK_INT(run(&s, ldi_read_message, "m",
		      "Subject: t\nContent-Type: ???\n\nplain\n", LEDE_NTS),
		  LEDE_OK);
	CHECK_STR(s.body[0], "plain");
	/* Old Mac line ends. */
	CHECK_INT(run(&s, ldi_read_message, "m",
		      "Subject: cr\nContent-Type: text/plain; charset=utf-8\n"
		      "\none\rtwo\r\rthree",
		      LEDE_NTS),
		  LEDE_OK);
	CHECK_STR(s.body[0], "one\ntwo\n\nthree");
	seen_free(&s);
}

/* MIME nested deeper than the readers follow: no text, no crash. */
static void test_deep_nesting(void)
{
	struct seen s = {0};
	size_t depth, cap = 64 * 100 + 64;
	char *msg = malloc(cap);
	size_t o;
	int level;

	CHECK(msg != NULL);
	if (!msg)
		return;
	for (depth = 5; depth <= 40; depth += 35) {
		o = (size_t)snprintf(msg, cap, "Subject: deep\n");
		for (level = 0; level < (int)depth; level++)
			o += (size_t)snprintf(msg + o, cap - o,
					      "Content-Type: multipart/mixed;"
					      " boundary=b%d\n\n--b%d\n",
					      level, level);
		snprintf(msg + o, cap - o, "\nDeep text.\n");
		CHECK_INT(run(&s, ldi_read_message, "deep", msg, LEDE_NTS),
			  LEDE_OK);
		CHECK_STR(s.body[0], depth == 5 ? "Deep text." : NULL);
	}
	free(msg);
	seen_free(&s);
}

static void test_mbox_more(void)
{
	struct seen s = {0};
	const char *two = "From a Mon Apr 19 10:00:00 1993\nSubject: one\n\n1\n"
			  "\nFrom b Mon Apr 19 10:00:00 1993\nSubject: two\n"
			  "\n2\n";
	char hash[LDI_CONTENT_ID_SIZE];
	const char *second = "From b Mon Apr 19 10:00:00 1993\nSubject: two\n"
			     "\n2\n";

	/* Without a name: warnings say "<input>#N", ids are hashes of the
	 * message with its envelope line. */
	ldi_content_id(second, strlen(second), hash);
	CHECK_INT(run(&s, ldi_read_mbox, NULL,
		      "From x\nnot a header\n\n"
		      "From b Mon Apr 19 10:00:00 1993\nSubject: two\n\n2\n",
		      LEDE_NTS),
		  LEDE_OK);
	CHECK_INT(s.n, 1);
	CHECK_STR(s.id[0], hash);
	CHECK_STR(s.where[0], "<input>#1");

	/* A stop from on_article is LEDE_DONE at once. */
	s.stop_after = 1;
	CHECK_INT(run(&s, ldi_read_mbox, "two", two, LEDE_NTS), LEDE_DONE);
	CHECK_INT(s.n, 1);
	CHECK_INT(run(&s, ldi_read_message, "one", "Subject: x\n\ny", LEDE_NTS),
		  LEDE_DONE);
	s.stop_after = 0;

	/* Leading blank lines; text before the first "From " line is a
	 * record of its own. */
	CHECK_INT(run(&s, ldi_read_mbox, "lead",
		      "\n\n  \nSubject: zero\n\n0\n"
		      "\nFrom a x\nSubject: one\n\n1\n",
		      LEDE_NTS),
		  LEDE_OK);
	CHECK_INT(s.n, 2);
	CHECK_STR(s.id[0], "lead#1");
	CHECK_STR(s.headline[0], "zero");
	CHECK_STR(s.id[1], "lead#2");

	/* Nothing readable, or nothing at all. */
	CHECK_INT(run(&s, ldi_read_mbox, "bad", "From a\njunk\n\nFrom b\n",
		      LEDE_NTS),
		  LEDE_BAD_INPUT);
	CHECK_INT(s.n_warn, 2);
	CHECK_STR(s.where[1], "bad#2");
	CHECK_INT(run(&s, ldi_read_mbox, "blank", "\n \n", LEDE_NTS),
		  LEDE_BAD_INPUT);
	CHECK_STR(s.warning[0], "no messages (blank input)");
	seen_free(&s);
}

/* ---- charset.c --------------------------------------------------------- */

struct charset_case {
	const char *charset;
	const char *in;
	size_t len;
	const char *want;
};

#define CS(charset, in, want) {charset, in, sizeof(in) - 1, want}

static void test_charset(void)
{
	static const struct charset_case cases[] = {
		CS(NULL, "caf\xC3\xA9", "café"),
		CS(NULL, "caf\xE9", "café"),
		CS("", "caf\xE9", "café"),
		CS("us-ascii", "caf\xE9", "café"),
		CS("US-ASCII", "plain", "plain"),
		CS("utf-8", "caf\xE9", "café"),
		CS("UTF-8", "\xC3\xA9 \xE9", "é \xEF\xBF\xBD"),
		CS("iso-8859-1", "\x93q\x94 \x81", "\u201Cq\u201D \uFFFD"),
		CS(" \"Latin1\" ", "\xE9", "é"),
		CS("windows-1252", "\x80", "€"),
		CS("ISO-8859-2", "\xB1", "ą"),
		CS("koi8-r", "\xF0\xD2\xC9", "При"),
		CS("x-no-such-charset", "\xE9", "é"),
		CS("utf-8//TRANSLIT", "caf\xE9", "café"),
		CS("shift_jis", "\x82\xA0", "あ"),
		CS("iso-2022-jp", "\x1B$B$\"\x1B(B", "あ"),
		CS("gb2312", "\xC4\xE3", "你"),
		CS("utf-16le", "a\0b\0", "ab"),
		CS(NULL, "a\0b", "a\xEF\xBF\xBD" "b"),
		CS("euc-jp", "a\xA4", "a\xEF\xBF\xBD"),
		CS("euc-jp", "\xFF" "a", "\xEF\xBF\xBD" "a"),
		CS("iso-8859-1", "", ""),
	};
	size_t i, n;
	char *out;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		out = ldi_charset_to_utf8(cases[i].charset, cases[i].in,
					  cases[i].len, &n);
		CHECK(out != NULL);
		if (!out)
			continue;
		if (strcmp(out, cases[i].want))
			fprintf(stderr, "charset case %zu\n", i);
		CHECK_STR(out, cases[i].want);
		CHECK_INT(n, strlen(cases[i].want));
		free(out);
	}
	out = ldi_charset_to_utf8("utf-8", NULL, 5, NULL);
	CHECK_STR(out, "");
	free(out);
	/* Every byte of windows-1252 gives valid UTF-8. */
	{
		char all[256];

		for (i = 0; i < 256; i++)
			all[i] = (char)i;
		out = ldi_charset_to_utf8("cp1252", all, sizeof all, &n);
		CHECK(out && !ldi_utf8_invalid(out, n));
		free(out);
	}
}

/* What ldi_charset_decode reports: the charset used, the bad bytes, an
 * unknown label; and its flags. */
struct decode_case {
	const char *label;
	unsigned flags;
	const char *in;
	size_t len;
	const char *want, *name;
	size_t invalid;
	int unknown;
};

#define DC(label, flags, in, want, name, invalid, unknown) \
	{label, flags, in, sizeof(in) - 1, want, name, invalid, unknown}

static void test_charset_decode(void)
{
	static const struct decode_case cases[] = {
		DC(NULL, 0, "caf\xC3\xA9", "café", "UTF-8", 0, 0),
		DC(NULL, 0, "caf\xE9 \x9D", "café \uFFFD", "windows-1252",
		   1, 0),
		DC("Latin1", 0, "\x81\x8D\x8F\x90\x9D\x80",
		   "\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD€", "windows-1252", 5, 0),
		DC("utf-8", 0, "\xC3\xA9 \xE9\xFF", "é \uFFFD\uFFFD",
		   "UTF-8", 2, 0),
		DC("utf-8", 0, "caf\xE9", "café", "windows-1252", 0, 0),
		DC("\"KOI8-R\"", 0, "\xC4\xC1", "да", "KOI8-R", 0, 0),
		DC("utf-8*en", 0, "a", "a", "UTF-8", 0, 0),
		DC("euc-jp", 0, "a\xA4", "a\uFFFD", "euc-jp", 1, 0),
		DC("x-klingon", 0, "caf\xC3\xA9", "café", "UTF-8", 0, 1),
		DC("x-klingon", 0, "caf\xE9", "café", "windows-1252", 0, 1),
		DC("utf-8//TRANSLIT", 0, "caf\xE9", "café", "windows-1252",
		   0, 1),
		/* NUL bytes are not counted, whatever they become. */
		DC(NULL, 0, "a\0b", "a\uFFFDb", "UTF-8", 0, 0),
		DC(NULL, LDI_CHARSET_NUL_SPACE, "a\0b\xE9", "a bé",
		   "windows-1252", 0, 0),
		DC("utf-16le", LDI_CHARSET_NUL_SPACE, "a\0\0\0b\0", "a b",
		   "utf-16le", 0, 0),
		DC("utf-16le", 0, "a\0\0\0b\0", "a\uFFFDb", "utf-16le", 0,
		   0),
		/* A label read from the text as ASCII is not UTF-16. */
		DC("utf-16", LDI_CHARSET_IN_BAND, "caf\xC3\xA9", "café",
		   "UTF-8", 0, 0),
		DC("unicode", LDI_CHARSET_IN_BAND, "caf\xC3\xA9", "café",
		   "UTF-8", 0, 0),
		DC("utf-16le", 0, "c\0", "c", "utf-16le", 0, 0),
		/* WHATWG's supersets. */
		DC("gb2312", 0, "\x81\x40", "丂", "gb2312", 0, 0),
		DC("euc-kr", 0, "\x81\x41", "갂", "euc-kr", 0, 0),
		DC("shift_jis", 0, "\x87\x40", "①", "shift_jis", 0, 0),
	};
	ldi_charset_info_t info;
	const char *label;
	size_t i, n;
	char *out;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const struct decode_case *c = &cases[i];

		memset(&info, 0x55, sizeof info);
		out = ldi_charset_decode(c->label, c->in, c->len, c->flags,
					 &n, &info);
		CHECK(out != NULL);
		if (!out)
			continue;
		if (strcmp(out, c->want) || strcmp(info.name, c->name) ||
		    info.invalid != c->invalid || info.unknown != c->unknown)
			fprintf(stderr, "decode case %zu\n", i);
		CHECK_STR(out, c->want);
		CHECK_INT(n, strlen(c->want));
		CHECK_STR(info.name, c->name);
		CHECK_INT(info.invalid, c->invalid);
		CHECK_INT(info.unknown, c->unknown);
		free(out);
	}
	out = ldi_charset_decode("koi8-r", NULL, 3, 0, NULL, NULL);
	CHECK_STR(out, "");
	free(out);

	CHECK_INT(ldi_charset_bom("\xEF\xBB\xBFx", 4, &label), 3);
	CHECK_STR(label, "UTF-8");
	CHECK_INT(ldi_charset_bom("\xFF\xFEx", 3, &label), 2);
	CHECK_STR(label, "UTF-16LE");
	CHECK_INT(ldi_charset_bom("\xFE\xFF", 2, &label), 2);
	CHECK_STR(label, "UTF-16BE");
	CHECK_INT(ldi_charset_bom("\xEF\xBB", 2, &label), 0);
	CHECK_STR(label, NULL);
	CHECK_INT(ldi_charset_bom("", 0, &label), 0);
}

/* ---- Odd input --------------------------------------------------------- */

/* Odd inputs give a status, never a crash or a leak. */
static void test_no_crash(void)
{
	static const char *const odd[] = {
		"From:", "Subject:", ":", "From \n", "From x\n\nFrom y\n",
		"From: \"unterminated", "From: (((((", "From: <<<<>>>",
		"From: \\", "From: a\\", "From: ,,,;;;", "From: (a\\",
		"Subject: =?", "Subject: =?utf-8?", "Subject: =?utf-8?Q?",
		"Subject: =?utf-8?B?====?=", "Subject: =?x?Q?=?=",
		"Subject: =?=?=?=?=?=?=?", "Subject: Re: Re: Re:",
		"Subject: s\nDate: ,,,, ( (",
		"Subject: s\nDate: Mon Apr 99", "Subject: s\nDate: 1 Jan 1",
		"Subject: s\nContent-Type: multipart/x; boundary=\"\n\n--\n",
		("Subject: s\nContent-Type: multipart/mixed; boundary=b\n\n"
		 "--b\n--b\n--b--"),
		"Subject: s\nContent-Type: multipart/x; boundary=b\n\n--b",
		"Subject: s\nContent-Type: ; ; ;= =; charset\n\nx",
		"Subject: s\nContent-Type: text/plain; charset=\"\n\nx",
		"Subject: s\nContent-Transfer-Encoding: base64\n\n=",
		"Subject: s\nContent-Transfer-Encoding: base64\n\nQ",
		"Subject: s\nContent-Transfer-Encoding: quoted-printable\n\n=",
		"Subject: s\nContent-Transfer-Encoding: quoted-printable\n\n=4",
		"Subject: s\n\nbegin 644 x\n", "Subject: s\n\nbegin 644 x\nend",
		"Subject: s\n\n-----BEGIN PGP SIGNED MESSAGE-----",
		"Subject: s\n\n-----BEGIN PGP SIGNED MESSAGE-----\nHash: x",
		"Subject: s\n\n--\n--\n--\n", "Subject: s\n\n--",
		"Subject: s\n\n>", "Subject: s\n\nM\nM\nM\n`\nend",
		"\n\n\n", " x\n y\n z\n w\n",
	};
	struct seen s = {0};
	unsigned long rng = 12345;
	char junk[512];
	size_t i, k;

	for (i = 0; i < sizeof odd / sizeof odd[0]; i++) {
		lede_status_t st = run(&s, ldi_read_message, "odd", odd[i],
				       LEDE_NTS);

		CHECK(st == LEDE_OK || st == LEDE_BAD_INPUT);
		st = run(&s, ldi_read_mbox, "odd", odd[i], LEDE_NTS);
		CHECK(st == LEDE_OK || st == LEDE_BAD_INPUT);
	}
	/* Random bytes, half of them after a header line. */
	for (i = 0; i < 300; i++) {
		size_t start = i % 2 ? 0 : 11;
		lede_status_t st;

		memcpy(junk, "Subject: x\n", 11);
		for (k = start; k < sizeof junk; k++) {
			rng = rng * 1103515245UL + 12345UL;
			junk[k] = (char)((rng >> 16) & 0xFF);
			/* Some structure now and then: line breaks,
			 * markers the readers look for. */
			if ((rng >> 8) % 13 == 0)
				junk[k] = "\n=?>:-<\"(@"[(rng >> 4) % 10];
		}
		st = run(&s, ldi_read_message, "junk", junk, sizeof junk);
		CHECK(st == LEDE_OK || st == LEDE_BAD_INPUT);
		st = run(&s, ldi_read_mbox, "junk", junk, sizeof junk);
		CHECK(st == LEDE_OK || st == LEDE_BAD_INPUT);
	}
	seen_free(&s);
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: test_message FIXTURE-DIR\n");
		return 2;
	}
	fixtures = argv[1];
	test_usenet_reply();
	test_tin_quotes();
	test_latin1();
	test_qp_latin1();
	test_base64_utf8();
	test_alternative_crlf();
	test_html_only();
	test_mbox();
	test_empty_and_binary();
	test_pgp_uu();
	test_dates();
	test_from();
	test_subject();
	test_header_block();
	test_bodies();
	test_mime();
	test_deep_nesting();
	test_mbox_more();
	test_charset();
	test_charset_decode();
	test_no_crash();
	return CHECK_DONE();
}
