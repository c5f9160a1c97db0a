/* test_api.c: liblede's contract, tested through include/lede.h only.
 * SPDX-License-Identifier: MIT
 */
#define _POSIX_C_SOURCE 200809L

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "lede.h"

static char dir[4096];

static char *
index_path(const char *name)
{
	static char path[4200];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	return path;
}

static void
add(lede_db_t *db, const char *id, const char *headline, const char *body)
{
	lede_article_t a = { 0 };
	a.id = id;
	a.headline = headline;
	a.body = body;
	a.date = LEDE_NO_DATE;
	CHECK_INT(lede_db_add(db, &a), LEDE_OK);
}

/* The ids a query finds, in rank order, space-separated. */
static char *
ids_for(lede_db_t *db, const char *query)
{
	static char buf[4096];
	buf[0] = '\0';
	lede_query_t *q = NULL;
	lede_results_t *r = NULL;
	if (lede_query_new(db, query, LEDE_NTS, &q) != LEDE_OK) {
		snprintf(buf, sizeof buf, "(bad query: %s)", lede_errmsg(db));
		return buf;
	}
	lede_query_set_limit(q, 100);
	if (lede_query_run(q, &r) == LEDE_OK) {
		while (lede_results_next(r) == LEDE_OK) {
			if (buf[0])
				strcat(buf, " ");
			strcat(buf, lede_results_field(r, LEDE_FIELD_ID, 0));
		}
	}
	lede_results_free(r);
	lede_query_free(q);
	return buf;
}

static void
test_open_errors(void)
{
	lede_db_t *db = (lede_db_t *)1;
	char *msg = NULL;
	const char *missing = index_path("does-not-exist");
	CHECK_INT(lede_db_open(missing, LEDE_OPEN_READ, &db, &msg),
		  LEDE_NO_INDEX);
	CHECK(db == NULL);
	CHECK(msg && strstr(msg, missing));
	lede_free(msg);
	CHECK_INT(lede_db_open(missing, LEDE_OPEN_WRITE, &db, NULL),
		  LEDE_NO_INDEX);
	CHECK_INT(lede_db_open(NULL, LEDE_OPEN_READ, &db, NULL), LEDE_MISUSE);
	CHECK_INT(lede_db_open(missing, LEDE_OPEN_READ, NULL, NULL),
		  LEDE_MISUSE);
	CHECK_INT(lede_db_open(missing, (lede_open_flags_t)42, &db, NULL),
		  LEDE_MISUSE);
	/* Not syncing is for writers. */
	CHECK_INT(lede_db_open(missing,
			       (lede_open_flags_t)(LEDE_OPEN_READ |
						   LEDE_OPEN_NO_SYNC),
			       &db, &msg),
		  LEDE_MISUSE);
	CHECK(msg && strstr(msg, "for writing"));
	lede_free(msg);
}

/* An index written without syncing reads back like any other. */
static void
test_no_sync(void)
{
	const char *path = index_path("no-sync");
	lede_db_t *db = NULL;
	CHECK_INT(lede_db_open(path,
			       (lede_open_flags_t)(LEDE_OPEN_CREATE |
						   LEDE_OPEN_NO_SYNC),
			       &db, NULL),
		  LEDE_OK);
	if (!db)
		return;
	add(db, "n1", "Ferry timetable changes", "The winter ferry leaves "
						 "at seven from the pier.");
	CHECK_INT(lede_db_commit(db), LEDE_OK);
	add(db, "n2", "Pier repairs begin", "Repairs to the ferry pier "
					    "start next week.");
	CHECK_INT(lede_db_close(db), LEDE_OK);
	CHECK_INT(lede_db_open(path, LEDE_OPEN_READ, &db, NULL), LEDE_OK);
	CHECK_STR(ids_for(db, "ferry"), "n1 n2");
	lede_db_close(db);
}

static void
test_write_and_search(void)
{
	const char *path = index_path("main");
	lede_db_t *db = NULL;
	char *msg = NULL;
	CHECK_INT(lede_db_open(path, LEDE_OPEN_CREATE, &db, &msg), LEDE_OK);
	lede_free(msg);
	add(db, "cafe/1", "Café culture returns", "The Café Lumière reopened.");
	add(db, "cafe/2", "A new CAFE on the seafront", "Coffee and cake.");
	add(db, "cafe/3", "Cafe\xCC\x81 owners meet", "They met on Monday.");
	add(db, "bank/1", "Bank profits rise", "Quarterly profits rose 14%.");
	add(db, "bank/2", "Bank shares fall", "Shares fell after the profit "
					      "warning.");
	/* The same id again replaces: still five articles. */
	add(db, "bank/2", "Bank shares fall sharply",
	    "Shares fell after the profit warning.");

	/* A second writer is refused at once. */
	lede_db_t *db2 = NULL;
	CHECK_INT(lede_db_open(path, LEDE_OPEN_WRITE, &db2, &msg),
		  LEDE_LOCKED);
	CHECK(msg && strstr(msg, "locked"));
	lede_free(msg);
	msg = NULL;

	CHECK_INT(lede_db_commit(db), LEDE_OK);
	uint64_t n = 0;
	CHECK_INT(lede_db_count(db, &n), LEDE_OK);
	CHECK_INT(n, 5);
	CHECK_INT(lede_db_close(db), LEDE_OK);

	CHECK_INT(lede_db_open(path, LEDE_OPEN_READ, &db, NULL), LEDE_OK);
	/* Every way of typing café finds the same articles. */
	char want[4096];
	snprintf(want, sizeof want, "%s", ids_for(db, "cafe"));
	CHECK_INT((long long)strlen(want) > 0, 1);
	CHECK_STR(ids_for(db, "CAFÉ"), want);
	CHECK_STR(ids_for(db, "cafe\xCC\x81"), want);
	CHECK_STR(ids_for(db, "Café"), want);
	CHECK(strstr(want, "cafe/1") && strstr(want, "cafe/2") &&
	      strstr(want, "cafe/3"));
	/* Stemming: "profits" finds "profit". */
	CHECK_STR(ids_for(db, "profits warning"), "bank/2 bank/1");
	CHECK_STR(ids_for(db, "\"profit warning\""), "bank/2");
	CHECK_STR(ids_for(db, "bank -shares"), "bank/1");
	CHECK_STR(ids_for(db, "id:bank/1"), "bank/1");
	CHECK_STR(ids_for(db, "title:sharply"), "bank/2");
	CHECK_STR(ids_for(db, "prof* -shares"), "bank/1");
	CHECK_STR(ids_for(db, "proff*"), "");
	CHECK_STR(ids_for(db, "zebra"), "");

	/* Writing through a reader is misuse, not a crash. */
	lede_article_t a = { 0 };
	a.headline = "x";
	a.date = LEDE_NO_DATE;
	CHECK_INT(lede_db_add(db, &a), LEDE_MISUSE);
	CHECK(strstr(lede_errmsg(db), "reading only") != NULL);
	CHECK_INT(lede_db_delete(db, "bank/1", LEDE_NTS, NULL), LEDE_MISUSE);
	CHECK_INT(lede_db_close(db), LEDE_OK);

	/* Delete by id. */
	CHECK_INT(lede_db_open(path, LEDE_OPEN_WRITE, &db, NULL), LEDE_OK);
	int deleted = -1;
	CHECK_INT(lede_db_delete(db, "bank/1", LEDE_NTS, &deleted), LEDE_OK);
	CHECK_INT(deleted, 1);
	CHECK_INT(lede_db_delete(db, "nope", 4, &deleted), LEDE_OK);
	CHECK_INT(deleted, 0);
	CHECK_INT(lede_db_close(db), LEDE_OK);
	CHECK_INT(lede_db_open(path, LEDE_OPEN_READ, &db, NULL), LEDE_OK);
	CHECK_INT(lede_db_count(db, &n), LEDE_OK);
	CHECK_INT(n, 4);
	CHECK_STR(ids_for(db, "profits"), "bank/2");
	CHECK_INT(lede_db_close(db), LEDE_OK);
}

static void
test_results(void)
{
	const char *path = index_path("results");
	lede_db_t *db = NULL;
	CHECK_INT(lede_db_open(path, LEDE_OPEN_CREATE, &db, NULL), LEDE_OK);
	const char *authors[] = { "Priya Natarajan", "Daniel Brooks" };
	lede_article_t a = { 0 };
	a.id = "world-1";
	a.headline = "Flooding closes the valley road";
	a.body = "Heavy rain closed the main road into the valley. Engineers "
		 "warned that the old bridge needed an inspection before "
		 "it could reopen to traffic.";
	a.authors = authors;
	a.n_authors = 2;
	CHECK_INT(lede_date_parse("2024-03-11T08:30:00Z", LEDE_NTS, &a.date),
		  LEDE_OK);
	a.source = "Valley Herald";
	a.section = "World";
	a.language = "en";
	a.url = "https://example.org/flood";
	CHECK_INT(lede_db_add(db, &a), LEDE_OK);
	for (int i = 0; i < 25; i++) {
		char id[32], body[64];
		snprintf(id, sizeof id, "filler-%02d", i);
		snprintf(body, sizeof body, "Rain story number %d.", i);
		add(db, id, "Rain again", body);
	}
	CHECK_INT(lede_db_close(db), LEDE_OK);

	CHECK_INT(lede_db_open(path, LEDE_OPEN_READ, &db, NULL), LEDE_OK);
	lede_query_t *q = NULL;
	lede_results_t *r = NULL;
	CHECK_INT(lede_query_new(db, "bridge inspection", LEDE_NTS, &q),
		  LEDE_OK);
	CHECK_INT(lede_query_run(q, &r), LEDE_OK);
	uint64_t total = 0;
	int exact = 0;
	CHECK_INT(lede_results_total(r, &total, &exact), LEDE_OK);
	CHECK_INT(total, 1);
	CHECK_INT(exact, 1);
	/* Before the first next there is no current hit. */
	CHECK(lede_results_field(r, LEDE_FIELD_ID, 0) == NULL);
	CHECK_INT(lede_results_rank(r), 0);
	CHECK_INT(lede_results_next(r), LEDE_OK);
	CHECK_INT(lede_results_rank(r), 1);
	CHECK(lede_results_score(r) > 0);
	CHECK_STR(lede_results_field(r, LEDE_FIELD_ID, 0), "world-1");
	CHECK_STR(lede_results_field(r, LEDE_FIELD_AUTHOR, 0),
		  "Priya Natarajan");
	CHECK_STR(lede_results_field(r, LEDE_FIELD_AUTHOR, 1),
		  "Daniel Brooks");
	CHECK(lede_results_field(r, LEDE_FIELD_AUTHOR, 2) == NULL);
	CHECK_STR(lede_results_field(r, LEDE_FIELD_SOURCE, 0),
		  "Valley Herald");
	CHECK_STR(lede_results_field(r, LEDE_FIELD_URL, 0),
		  "https://example.org/flood");
	CHECK(lede_results_field(r, LEDE_FIELD_SOURCE, 1) == NULL);
	CHECK_INT(lede_results_date(r), 1710145800);
	char *snip = NULL;
	CHECK_INT(lede_results_snippet(r, 80, "[", "]", &snip), LEDE_OK);
	CHECK(snip && strstr(snip, "[bridge]") && strstr(snip, "[inspection]"));
	lede_free(snip);
	CHECK_INT(lede_results_next(r), LEDE_DONE);
	CHECK(lede_results_field(r, LEDE_FIELD_ID, 0) == NULL);
	lede_results_free(r);
	lede_query_free(q);

	/* Filters: section and source values fold like words. */
	CHECK_STR(ids_for(db, "section:world"), "world-1");
	CHECK_STR(ids_for(db, "source:\"VALLEY HERALD\" road"), "world-1");
	CHECK_STR(ids_for(db, "author:natarajan"), "world-1");
	CHECK_STR(ids_for(db, "rain section:sport"), "");

	/* Paging: 26 rain articles, pages of 10. */
	CHECK_INT(lede_query_new(db, "rain", LEDE_NTS, &q), LEDE_OK);
	CHECK_INT(lede_query_set_limit(q, 10), LEDE_OK);
	CHECK_INT(lede_query_set_offset(q, 20), LEDE_OK);
	CHECK_INT(lede_query_run(q, &r), LEDE_OK);
	CHECK_INT(lede_results_total(r, &total, &exact), LEDE_OK);
	CHECK_INT(total, 26);
	int hits = 0;
	uint32_t first_rank = 0;
	while (lede_results_next(r) == LEDE_OK) {
		if (!hits)
			first_rank = lede_results_rank(r);
		hits++;
	}
	CHECK_INT(hits, 6);
	CHECK_INT(first_rank, 21);
	lede_results_free(r);
	lede_query_free(q);
	CHECK_INT(lede_db_close(db), LEDE_OK);
}

/* The stored fields of a hit as written, escapes and all: read by the
 * library's own reader, and by jansson for what that reader leaves to it
 * (a control character, written as \u0001). */
static void
test_stored_fields(void)
{
	const char *path = index_path("fields");
	lede_db_t *db = NULL;
	CHECK_INT(lede_db_open(path, LEDE_OPEN_CREATE, &db, NULL), LEDE_OK);
	static const char *const authors[] = { "Ann \"Nan\" Lee",
					       "C:\\Back Slash" };
	/* A url that is the id is stored once (schema.h), and read back
	 * the same by either JSON reader. */
	static const struct {
		const char *id, *headline, *url;
	} arts[] = {
		{ "plain", "Say \"yes\" \\ or\tno / maybe",
		  "https://example.com/plain" },
		{ "https://example.com/control",
		  "Say \"yes\" \\ or\tno \x01 maybe",
		  "https://example.com/control" },
	};
	static const char body[] =
		"The harbour wall was mended over the winter by the "
		"town's own masons, who finished it in March.";
	/* The quotes are stored with the body, apart from the other fields
	 * (schema.h): one plain, one that only jansson reads back. */
	static const lede_quote_t quotes[] = {
		{ "It will \"hold\" now", "Ann Lee" },
		{ "Mended \x01 at last", NULL },
	};
	for (size_t i = 0; i < 2; i++) {
		lede_article_t a = { 0 };
		a.id = arts[i].id;
		a.headline = arts[i].headline;
		a.body = body;
		a.quotes = &quotes[i];
		a.url = arts[i].url;
		a.n_quotes = 1;
		a.authors = authors;
		a.n_authors = 2;
		a.section = "Town/Harbour";
		a.date = LEDE_NO_DATE;
		CHECK_INT(lede_db_add(db, &a), LEDE_OK);
	}
	CHECK_INT(lede_db_close(db), LEDE_OK);

	CHECK_INT(lede_db_open(path, LEDE_OPEN_READ, &db, NULL), LEDE_OK);
	for (size_t i = 0; i < 2; i++) {
		char text[128];
		lede_query_t *q = NULL;
		lede_results_t *r = NULL;
		snprintf(text, sizeof text, "harbour id:\"%s\"", arts[i].id);
		CHECK_INT(lede_query_new(db, text, LEDE_NTS, &q), LEDE_OK);
		CHECK_INT(lede_query_run(q, &r), LEDE_OK);
		CHECK_INT(lede_results_next(r), LEDE_OK);
		CHECK_STR(lede_results_field(r, LEDE_FIELD_ID, 0), arts[i].id);
		CHECK_STR(lede_results_field(r, LEDE_FIELD_HEADLINE, 0),
			  arts[i].headline);
		CHECK(lede_results_field(r, LEDE_FIELD_HEADLINE, 1) == NULL);
		CHECK_STR(lede_results_field(r, LEDE_FIELD_AUTHOR, 0),
			  authors[0]);
		CHECK_STR(lede_results_field(r, LEDE_FIELD_AUTHOR, 1),
			  authors[1]);
		CHECK(lede_results_field(r, LEDE_FIELD_AUTHOR, 2) == NULL);
		CHECK_STR(lede_results_field(r, LEDE_FIELD_SECTION, 0),
			  "Town/Harbour");
		CHECK(lede_results_field(r, LEDE_FIELD_SOURCE, 0) == NULL);
		CHECK_STR(lede_results_field(r, LEDE_FIELD_URL, 0),
			  arts[i].url);
		CHECK(lede_results_field(r, LEDE_FIELD_URL, 1) == NULL);
		CHECK_INT(lede_results_words(r), 18);
		/* The body and the quotes are read when first asked for; the
		 * fields read before stay as they were. */
		const char *t, *sp;
		CHECK_INT(lede_results_quote(r, 0, &t, &sp), LEDE_OK);
		CHECK_STR(t, quotes[i].text);
		CHECK(quotes[i].speaker ? sp && !strcmp(sp, quotes[i].speaker)
					: sp == NULL);
		CHECK_INT(lede_results_quote(r, 1, &t, &sp), LEDE_DONE);
		CHECK_STR(lede_results_field(r, LEDE_FIELD_BODY, 0), body);
		CHECK(lede_results_field(r, LEDE_FIELD_BODY, 1) == NULL);
		CHECK_STR(lede_results_field(r, LEDE_FIELD_HEADLINE, 0),
			  arts[i].headline);
		CHECK_INT(lede_results_date(r), LEDE_NO_DATE);
		CHECK_INT(lede_results_next(r), LEDE_DONE);
		lede_results_free(r);
		lede_query_free(q);
	}
	CHECK_INT(lede_db_close(db), LEDE_OK);
}

static void
test_bad_queries(void)
{
	const char *path = index_path("main");
	lede_db_t *db = NULL;
	CHECK_INT(lede_db_open(path, LEDE_OPEN_READ, &db, NULL), LEDE_OK);
	static const struct {
		const char *query;
		const char *message;
	} bad[] = {
		{ "(cafe", "'(' is never closed at column 1" },
		{ "cafe)", "')' has no matching '(' at column 5" },
		{ "\"cafe", "unterminated phrase at column 1" },
		{ "cafe AND", "nothing after AND at column 6" },
		{ "OR cafe", "needs a word before it at column 1" },
		{ "title:", "nothing after ':' at column 1" },
	};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		lede_query_t *q = (lede_query_t *)1;
		CHECK_INT(lede_query_new(db, bad[i].query, LEDE_NTS, &q),
			  LEDE_BAD_QUERY);
		CHECK(q == NULL);
		if (!strstr(lede_errmsg(db), bad[i].message)) {
			fprintf(stderr, "query '%s': message '%s'\n",
				bad[i].query, lede_errmsg(db));
			CHECK(!"message says where and why");
		}
	}
	/* Blank text is accepted (for lede_query_set_like), but with
	 * nothing to rank by it cannot run. */
	{
		lede_query_t *q = NULL;
		lede_results_t *r = (lede_results_t *)1;
		CHECK_INT(lede_query_new(db, "   ", LEDE_NTS, &q), LEDE_OK);
		CHECK_INT(lede_query_run(q, &r), LEDE_BAD_QUERY);
		CHECK(r == NULL);
		CHECK(strstr(lede_query_errmsg(q), "empty query") != NULL);
		lede_query_free(q);
	}
	/* Only punctuation is a valid query that matches nothing. */
	CHECK_STR(ids_for(db, "!!! ---"), "");
	CHECK_INT(lede_db_close(db), LEDE_OK);
}

/* 1 if s is valid UTF-8. */
static int
valid_utf8(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	while (*p) {
		int n = *p < 0x80 ? 0 : *p >= 0xF0 ? 3 : *p >= 0xE0 ? 2 :
			*p >= 0xC2 ? 1 : -1;
		if (n < 0)
			return 0;
		for (p++; n > 0; n--, p++)
			if ((*p & 0xC0) != 0x80)
				return 0;
	}
	return 1;
}

/* Regressions found in review: each failed before its fix. */
static void
test_regressions(void)
{
	const char *path = index_path("regress");
	lede_db_t *db = NULL;
	CHECK_INT(lede_db_open(path, LEDE_OPEN_CREATE, &db, NULL), LEDE_OK);
	/* Ids longer than a Xapian term can hold are still found by id. */
	char long_id[301];
	memset(long_id, 'x', 300);
	long_id[300] = '\0';
	add(db, long_id, "Long id", "An article with a very long id.");
	/* A snippet never ends inside a character. */
	char body[512] = "profits";
	for (int i = 0; i < 100; i++)
		strcat(body, "\xE2\x80\x94");
	add(db, "dashes", "Dashes", body);
	/* Equal scores come out in id order, whatever the order added. */
	add(db, "tie-c", "Seagulls", "Seagulls over the pier.");
	add(db, "tie-a", "Seagulls", "Seagulls over the pier.");
	add(db, "tie-b", "Seagulls", "Seagulls over the pier.");
	CHECK_INT(lede_db_close(db), LEDE_OK);

	CHECK_INT(lede_db_open(path, LEDE_OPEN_READ, &db, NULL), LEDE_OK);
	CHECK_STR(ids_for(db, "seagulls"), "tie-a tie-b tie-c");
	char query[320];
	snprintf(query, sizeof query, "id:%s", long_id);
	CHECK_STR(ids_for(db, query), long_id);

	lede_query_t *q = NULL;
	lede_results_t *r = NULL;
	CHECK_INT(lede_query_new(db, "profits", LEDE_NTS, &q), LEDE_OK);
	CHECK_INT(lede_query_run(q, &r), LEDE_OK);
	CHECK_INT(lede_results_next(r), LEDE_OK);
	char *snip = NULL;
	for (size_t max = 1; max < 60; max++) {
		CHECK_INT(lede_results_snippet(r, max, "", "", &snip),
			  LEDE_OK);
		if (!valid_utf8(snip)) {
			fprintf(stderr, "snippet of %zu cut a character\n",
				max);
			CHECK(!"snippet is valid UTF-8");
		}
		lede_free(snip);
	}
	lede_results_free(r);
	lede_query_free(q);

	/* Invalid UTF-8 in a query is repaired, not an error. */
	CHECK_INT(lede_query_new(db, "caf\xE9 profits", LEDE_NTS, &q),
		  LEDE_OK);
	CHECK_STR(lede_query_text(q), "caf\xEF\xBF\xBD profits");
	CHECK_INT(lede_query_run(q, &r), LEDE_OK);
	lede_results_free(r);
	lede_query_free(q);
	CHECK_STR(ids_for(db, "source:caf\xE9"), "");
	CHECK(lede_query_text(NULL) == NULL);
	CHECK_INT(lede_db_close(db), LEDE_OK);
}

static void
test_misuse(void)
{
	lede_query_t *q = NULL;
	lede_results_t *r = NULL;
	uint64_t n;
	CHECK_INT(lede_db_add(NULL, NULL), LEDE_MISUSE);
	CHECK_INT(lede_db_delete(NULL, "x", 1, NULL), LEDE_MISUSE);
	CHECK_INT(lede_db_commit(NULL), LEDE_MISUSE);
	CHECK_INT(lede_db_count(NULL, &n), LEDE_MISUSE);
	CHECK_INT(lede_query_new(NULL, "x", 1, &q), LEDE_MISUSE);
	CHECK_INT(lede_query_run(NULL, &r), LEDE_MISUSE);
	CHECK_INT(lede_query_set_limit(NULL, 1), LEDE_MISUSE);
	CHECK_INT(lede_results_next(NULL), LEDE_MISUSE);
	CHECK_INT(lede_results_total(NULL, &n, NULL), LEDE_MISUSE);
	CHECK(lede_results_field(NULL, LEDE_FIELD_ID, 0) == NULL);
	CHECK_INT(lede_results_rank(NULL), 0);
	CHECK_INT(lede_results_date(NULL), LEDE_NO_DATE);
	CHECK_INT(lede_db_close(NULL), LEDE_OK);
	lede_query_free(NULL);
	lede_results_free(NULL);
	lede_free(NULL);
	CHECK(strlen(lede_errmsg(NULL)) > 0);

	lede_db_t *db = NULL;
	CHECK_INT(lede_db_open(index_path("main"), LEDE_OPEN_READ, &db, NULL),
		  LEDE_OK);
	CHECK_INT(lede_query_new(db, NULL, 0, &q), LEDE_MISUSE);
	CHECK_INT(lede_query_new(db, "x", 1, NULL), LEDE_MISUSE);
	CHECK_INT(lede_db_add(db, NULL), LEDE_MISUSE);
	CHECK_INT(lede_db_count(db, NULL), LEDE_MISUSE);
	CHECK_INT(lede_db_close(db), LEDE_OK);
}

static void
test_status_and_version(void)
{
	CHECK_STR(lede_version(), LEDE_VERSION_STRING);
	for (int s = LEDE_OK; s <= LEDE_INTERNAL + 1; s++)
		CHECK(lede_status_str((lede_status_t)s) != NULL &&
		      *lede_status_str((lede_status_t)s));
	CHECK(strstr(lede_status_str(LEDE_LOCKED), "locked") != NULL);
	char *p = lede_default_path();
	CHECK(p != NULL);
	lede_free(p);
	lede_format_t f;
	CHECK_INT(lede_format_parse("jsonl", &f), LEDE_OK);
	CHECK_INT(f, LEDE_FORMAT_JSONL);
	CHECK_INT(lede_format_parse("pdf", &f), LEDE_MISUSE);
}

typedef struct collected {
	lede_db_t *db;
	int articles, warnings;
} collected_t;

static int
collect(void *ctx, const lede_article_t *a)
{
	collected_t *c = ctx;
	c->articles++;
	CHECK_INT(lede_db_add(c->db, a), LEDE_OK);
	return 0;
}

static void
warned(void *ctx, const char *where, const char *message)
{
	collected_t *c = ctx;
	(void)where;
	(void)message;
	c->warnings++;
}

static void
test_parse_and_index(void)
{
	const char *path = index_path("parsed");
	collected_t c = { NULL, 0, 0 };
	CHECK_INT(lede_db_open(path, LEDE_OPEN_CREATE, &c.db, NULL), LEDE_OK);
	const char text[] = "Caf\xE9 owners fear rent rise\n\nThe rent of "
			    "the caf\xE9 will double.\n";
	CHECK_INT(lede_parse_buffer("latin1.txt", text, sizeof text - 1,
				    LEDE_FORMAT_AUTO, collect, warned, &c),
		  LEDE_OK);
	CHECK_INT(c.articles, 1);
	CHECK_INT(c.warnings, 1); /* the repaired bytes */
	const char jsonl[] =
		"{\"id\":\"j1\",\"title\":\"Lighthouse keeper retires\"}\n"
		"{broken\n"
		"{\"title\":\"Ferry timetable changes\",\"text\":\"Fewer "
		"sailings.\"}\n";
	CHECK_INT(lede_parse_buffer("feed.jsonl", jsonl, sizeof jsonl - 1,
				    LEDE_FORMAT_JSONL, collect, warned, &c),
		  LEDE_OK);
	CHECK_INT(c.articles, 3);
	CHECK_INT(c.warnings, 2);
	CHECK_INT(lede_db_close(c.db), LEDE_OK);

	lede_db_t *db = NULL;
	CHECK_INT(lede_db_open(path, LEDE_OPEN_READ, &db, NULL), LEDE_OK);
	CHECK_STR(ids_for(db, "lighthouse"), "j1");
	CHECK_STR(ids_for(db, "ferry"), "feed.jsonl#3");
	CHECK_STR(ids_for(db, "rent"), "latin1.txt");
	CHECK_INT(lede_db_close(db), LEDE_OK);
}

int
main(int argc, char **argv)
{
	const char *base = argc > 1 ? argv[1] : "/tmp";
	snprintf(dir, sizeof dir, "%s/lede-api-XXXXXX", base);
	if (!mkdtemp(dir)) {
		perror("mkdtemp");
		return 1;
	}
	test_open_errors();
	test_no_sync();
	test_write_and_search();
	test_results();
	test_stored_fields();
	test_bad_queries();
	test_regressions();
	test_misuse();
	test_status_and_version();
	test_parse_and_index();
	char cmd[4200];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", dir);
	return CHECK_DONE();
}
