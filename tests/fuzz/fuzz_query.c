/* fuzz_query.c: libFuzzer target for the query language: the parser
 * (ldi_query_parse) and a search through the public API.
 * SPDX-License-Identifier: MIT
 *
 * Each input is parsed raw (the parser must stay in bounds on any bytes)
 * and, as lede_query_new does, after UTF-8 repair: then it must keep the
 * promises query_parse.h makes (a query on success, a message on failure,
 * a column inside the text, words in valid UTF-8). The repaired text then
 * runs through lede_query_new and lede_query_run on a small index made
 * once at start-up, with a facet, the timeline and snippets, so that what
 * parses also runs. Relative dates count from a fixed LEDE_NOW.
 */
#define _POSIX_C_SOURCE 200809L /* setenv, mkdtemp */

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db_internal.h"
#include "lede.h"
#include "query_parse.h"
#include "utf8.h"
#include "xapian-c.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* An index holding English and French articles and some without a
 * stemmer, as the parser sees it. */
static ldi_db_language_t langs[3] = {
	{ "en", NULL }, { "fr", NULL }, { "ja", NULL }
};

static char dir[256];
static lede_db_t *db;

static void
remove_index(void)
{
	char cmd[300];

	lede_db_close(db);
	db = NULL;
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		fprintf(stderr, "fuzz_query: could not remove %s\n", dir);
}

static void
add(lede_db_t *w, const char *id, const char *headline, const char *body,
    const char *section, const char *lang, int64_t date)
{
	static const char *authors[] = { "Priya Natarajan" };
	static const char *places[] = { "United Kingdom" };
	lede_article_t a = { 0 };

	a.id = id;
	a.headline = headline;
	a.body = body;
	a.section = section;
	a.source = "BBC News";
	a.language = lang;
	a.date = date;
	a.authors = authors;
	a.n_authors = 1;
	a.places = places;
	a.n_places = 1;
	if (lede_db_add(w, &a) != LEDE_OK)
		abort();
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	lede_db_t *w = NULL;
	const char *tmp = getenv("TMPDIR");

	(void)argc;
	(void)argv;
	setenv("LEDE_NOW", "2024-03-31T12:00:00Z", 1);
	if (xc_stemmer_new("english", &langs[0].stemmer, NULL) != XC_OK ||
	    xc_stemmer_new("french", &langs[1].stemmer, NULL) != XC_OK)
		abort();
	snprintf(dir, sizeof dir, "%s/lede-fuzz-query-XXXXXX",
		 tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(dir))
		abort();
	atexit(remove_index);
	char path[300];
	snprintf(path, sizeof path, "%s/index", dir);
	if (lede_db_open(path, LEDE_OPEN_CREATE, &w, NULL) != LEDE_OK)
		abort();
	add(w, "business/001.txt", "Time Warner profits rise",
	    "Quarterly profits at US media giant TimeWarner jumped 76% to "
	    "$1.13bn (\xC2\xA3" "600m) for the three months to December. "
	    "\"We are pleased,\" said the chief executive.",
	    "Business", "en", 1104537600);
	add(w, "world/002.txt", "Le caf\xC3\xA9 du port ferme",
	    "Les p\xC3\xAA" "cheurs du port regrettent le caf\xC3\xA9. "
	    "Polici\xC3\xA8res et marins parlent de la mar\xC3\xA9" "e.",
	    "World", "fr", 1711800000);
	add(w, "tech/003.txt", "U.S.-led talks on post-incident rules",
	    "Officials in the U.K. met on Friday; #brexit trended. E-mail "
	    "news@example.org or see https://example.org/a?b=1 for more.",
	    "Tech", "en", LEDE_NO_DATE);
	add(w, "asia/004.txt", "\xE6\x9D\xB1\xE4\xBA\xAC\xE3\x81\xAE"
	    "\xE5\xB8\x82\xE5\xA0\xB4",
	    "\xE6\x9D\xB1\xE4\xBA\xAC\xE3\x81\xAE\xE5\xB8\x82\xE5\xA0\xB4"
	    "\xE3\x81\xAF\xE5\xAE\x89\xE5\xAE\x9A",
	    "Asia", "ja", 1700000000);
	if (lede_db_close(w) != LEDE_OK ||
	    lede_db_open(path, LEDE_OPEN_READ, &db, NULL) != LEDE_OK)
		abort();
	return 0;
}

/* The parser's promises for text (valid UTF-8 when checked is set). */
static void
parse(const char *text, size_t len, int checked)
{
	ldi_parsed_query_t pq;
	char *msg = NULL;
	lede_status_t st = ldi_query_parse(text, len, langs, 3, &pq, &msg);
	size_t i;

	if (st == LEDE_OK) {
		if (!pq.query || msg || (pq.n_words && !pq.words))
			abort();
		for (i = 0; i < pq.n_words; i++)
			if (checked &&
			    ldi_utf8_invalid(pq.words[i], strlen(pq.words[i])))
				abort();
		ldi_parsed_query_free(&pq);
		return;
	}
	if (st != LEDE_BAD_QUERY && st != LEDE_NOMEM)
		abort();
	if (!msg || !*msg || pq.query || pq.words)
		abort();
	if (checked) {
		/* The last "at column N": a quoted value may hold one. */
		const char *col = NULL, *s;
		for (s = msg; (s = strstr(s, "at column ")); s++)
			col = s;
		if (ldi_utf8_invalid(msg, strlen(msg)))
			abort();
		/* Columns count characters from 1; the end is one past. */
		if (col) {
			size_t chars = 0;
			for (i = 0; i < len; i++)
				chars += ((unsigned char)text[i] & 0xC0) != 0x80;
			if (strtoul(col + 10, NULL, 10) - 1 > chars)
				abort();
		}
	}
	free(msg);
}

/* The same text through the public API, as lede-search runs it. */
static void
search(const char *text, size_t len)
{
	lede_query_t *q = NULL;
	lede_results_t *r = NULL;
	lede_status_t st = lede_query_new(db, text, len, &q);
	const char *value;
	uint64_t count;
	char *snippet;

	if (st == LEDE_BAD_QUERY || st == LEDE_NOMEM)
		return;
	if (st != LEDE_OK)
		abort();
	if (lede_query_add_facet(q, LEDE_FIELD_SECTION, 5) != LEDE_OK ||
	    lede_query_set_timeline(q, LEDE_TIMELINE_MONTH) != LEDE_OK)
		abort();
	st = lede_query_run(q, &r);
	if (st == LEDE_OK) {
		while ((st = lede_results_next(r)) == LEDE_OK) {
			snippet = NULL;
			if (lede_results_snippet(r, 80, "[", "]", &snippet) ==
				    LEDE_OK &&
			    (!snippet ||
			     ldi_utf8_invalid(snippet, strlen(snippet))))
				abort();
			lede_free(snippet);
		}
		if (st != LEDE_DONE)
			abort();
		for (size_t i = 0; lede_results_facet(r, LEDE_FIELD_SECTION, i,
						      &value, &count) ==
				   LEDE_OK;
		     i++)
			if (!value || !count)
				abort();
		value = lede_results_suggestion(r);
		if (value && ldi_utf8_invalid(value, strlen(value)))
			abort();
	} else if (st != LEDE_BAD_QUERY && st != LEDE_NOMEM) {
		abort();
	}
	lede_results_free(r);
	lede_query_free(q);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *raw = (const char *)data;
	size_t len = 0;
	char *fixed;

	parse(raw, size, 0);
	fixed = ldi_utf8_repair(raw, size, &len, NULL);
	if (!fixed)
		return 0;
	parse(fixed, len, 1);
	search(fixed, len);
	free(fixed);
	return 0;
}
