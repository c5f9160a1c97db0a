/* test_misuse.c: every way a caller can misuse lede.h gets a clean status.
 * SPDX-License-Identifier: MIT
 *
 * NULL handles to every function that takes one, NULL strings and out
 * parameters, enum values out of range, results read before the first
 * lede_results_next and after the last, and handles freed in the wrong
 * order (a database closed under its queries and results, a query freed
 * under its results): each must give the status lede.h documents, never a
 * crash. Run under ASan and UBSan by CI, which also catches leaks. What
 * cannot be made safe in C (using a handle after freeing it) is documented
 * as undefined in lede.h and lede(3), not tested.
 */
#define _POSIX_C_SOURCE 200809L

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "lede.h"

/* Enum values no version of lede gives a meaning to, on both sides. */
#define BAD_ENUM(type) ((type)97)
#define NEG_ENUM(type) ((type)-1)

static char path[4200];

static int
count_article(void *ctx, const lede_article_t *article)
{
	(void)article;
	(*(unsigned *)ctx)++;
	return 0;
}

static void
test_free_functions(void)
{
	/* Every free and close accepts NULL. */
	lede_free(NULL);
	lede_parser_free(NULL);
	lede_query_free(NULL);
	lede_results_free(NULL);
	CHECK_INT(lede_db_close(NULL), LEDE_OK);

	/* Fixed strings for any status, known or not. */
	CHECK(lede_status_str(LEDE_OK) != NULL);
	CHECK_STR(lede_status_str(BAD_ENUM(lede_status_t)), "unknown status");
	CHECK_STR(lede_status_str(NEG_ENUM(lede_status_t)), "unknown status");
	CHECK(lede_version() != NULL);
}

static void
test_text_functions(void)
{
	int64_t t = 0, from = 0, to = 0;
	CHECK_INT(lede_date_parse(NULL, 3, &t), LEDE_MISUSE);
	CHECK_INT(lede_date_parse("2004", LEDE_NTS, NULL), LEDE_MISUSE);
	CHECK_INT(lede_date_parse("", 0, &t), LEDE_BAD_INPUT);
	CHECK_INT(lede_date_range_parse(NULL, 3, 0, &from, &to), LEDE_MISUSE);
	CHECK_INT(lede_date_range_parse("2004", LEDE_NTS, 0, NULL, &to),
		  LEDE_MISUSE);
	CHECK_INT(lede_date_range_parse("2004", LEDE_NTS, 0, &from, NULL),
		  LEDE_MISUSE);
	CHECK_INT(lede_date_range_parse("7d", LEDE_NTS, INT64_MIN, &from, &to),
		  LEDE_BAD_INPUT);

	/* Any int64 formats (within the buffer), the extremes included. */
	char buf[LEDE_DATE_BUFSIZE];
	lede_date_format(LEDE_NO_DATE, buf);
	CHECK(strlen(buf) < LEDE_DATE_BUFSIZE);
	lede_date_format(INT64_MAX, buf);
	CHECK(strlen(buf) < LEDE_DATE_BUFSIZE);
	lede_date_format(0, buf);
	CHECK_STR(buf, "1970-01-01T00:00:00Z");

	lede_format_t fmt;
	lede_field_t field;
	CHECK_INT(lede_format_parse(NULL, &fmt), LEDE_MISUSE);
	CHECK_INT(lede_format_parse("text", NULL), LEDE_MISUSE);
	CHECK_INT(lede_format_parse("pdf", &fmt), LEDE_MISUSE);
	CHECK_INT(lede_field_parse(NULL, &field), LEDE_MISUSE);
	CHECK_INT(lede_field_parse("section", NULL), LEDE_MISUSE);
	CHECK_INT(lede_field_parse("colour", &field), LEDE_MISUSE);
	/* Each field's own name reads back as that field; aliases give the
	 * own name ("lang" is "language"). */
	CHECK(lede_field_name((lede_field_t)999) == NULL);
	CHECK_STR(lede_field_name(LEDE_FIELD_BODY), "body");
	CHECK_INT(lede_field_parse("lang", &field), LEDE_OK);
	CHECK_STR(lede_field_name(field), "language");
	CHECK_INT(lede_field_parse("people", &field), LEDE_OK);
	CHECK_STR(lede_field_name(field), "person");
	for (int f = LEDE_FIELD_ID; f <= LEDE_FIELD_PERSON; f++) {
		lede_field_t back;
		if (f == LEDE_FIELD_BODY)
			continue;
		CHECK_INT(lede_field_parse(lede_field_name((lede_field_t)f),
					   &back), LEDE_OK);
		CHECK_INT(back, f);
	}
	CHECK_INT(lede_is_documentation_name(NULL), 0);
}

static void
test_parsing(void)
{
	unsigned n = 0;
	static const char text[] = "Headline\n\nBody.\n";

	CHECK_INT(lede_parse_buffer("a", NULL, 5, LEDE_FORMAT_TEXT,
				    count_article, NULL, &n),
		  LEDE_MISUSE);
	CHECK_INT(lede_parse_buffer("a", text, sizeof text - 1,
				    LEDE_FORMAT_TEXT, NULL, NULL, &n),
		  LEDE_MISUSE);
	CHECK_INT(lede_parse_buffer("a", text, sizeof text - 1,
				    BAD_ENUM(lede_format_t), count_article,
				    NULL, &n),
		  LEDE_MISUSE);
	CHECK_INT(lede_parse_buffer("a", text, sizeof text - 1,
				    NEG_ENUM(lede_format_t), count_article,
				    NULL, &n),
		  LEDE_MISUSE);
	CHECK_INT(n, 0);
	/* NULL name and NULL warning callback are allowed. */
	CHECK_INT(lede_parse_buffer(NULL, text, sizeof text - 1,
				    LEDE_FORMAT_TEXT, count_article, NULL, &n),
		  LEDE_OK);
	CHECK_INT(n, 1);

	lede_parser_t *p = (lede_parser_t *)&n;
	CHECK_INT(lede_parser_new(NULL, NULL, NULL, &p), LEDE_MISUSE);
	CHECK(p == NULL);
	CHECK_INT(lede_parser_new(count_article, NULL, &n, NULL), LEDE_MISUSE);

	/* A NULL parser. */
	CHECK(lede_parser_errmsg(NULL) != NULL);
	CHECK_INT(lede_parser_set_format(NULL, LEDE_FORMAT_TEXT), LEDE_MISUSE);
	CHECK_INT(lede_parser_set_flags(NULL, 0), LEDE_MISUSE);
	CHECK_INT(lede_parser_map(NULL, "kicker=headline"), LEDE_MISUSE);
	CHECK_INT(lede_parser_buffer(NULL, "a", text, sizeof text - 1),
		  LEDE_MISUSE);
	CHECK_INT(lede_parser_file(NULL, "a.txt", NULL), LEDE_MISUSE);

	/* A real parser with bad arguments. */
	CHECK_INT(lede_parser_new(count_article, NULL, &n, &p), LEDE_OK);
	CHECK_STR(lede_parser_errmsg(p), "");
	CHECK_INT(lede_parser_set_format(p, BAD_ENUM(lede_format_t)),
		  LEDE_MISUSE);
	CHECK_INT(lede_parser_set_format(p, NEG_ENUM(lede_format_t)),
		  LEDE_MISUSE);
	CHECK_INT(lede_parser_set_flags(p, 1u << 30), LEDE_MISUSE);
	CHECK_INT(lede_parser_map(p, NULL), LEDE_MISUSE);
	CHECK_INT(lede_parser_map(p, "no-equals-sign"), LEDE_MISUSE);
	CHECK_INT(lede_parser_map(p, "kicker=colour"), LEDE_MISUSE);
	CHECK(strstr(lede_parser_errmsg(p), "colour") != NULL);
	CHECK_INT(lede_parser_buffer(p, "a", NULL, 5), LEDE_MISUSE);
	CHECK_INT(lede_parser_file(p, NULL, NULL), LEDE_MISUSE);
	CHECK_INT(lede_parser_file(p, "/nonexistent/lede/file.txt", NULL),
		  LEDE_IO);
	CHECK(strstr(lede_parser_errmsg(p), "/nonexistent/lede/file.txt"));
	/* The parser still works after all that. */
	n = 0;
	CHECK_INT(lede_parser_buffer(p, "a", text, sizeof text - 1), LEDE_OK);
	CHECK_INT(n, 1);
	lede_parser_free(p);
}

/* An index of three articles for the rest. */
static void
make_index(void)
{
	lede_db_t *db = NULL;
	CHECK_INT(lede_db_open(path, LEDE_OPEN_CREATE, &db, NULL), LEDE_OK);
	static const char *const ids[] = { "a", "b", "c" };
	static const char *const sections[] = { "business", "sport",
						"business" };
	static const lede_quote_t quote = { "We will win", "Jo Bloggs" };
	for (int i = 0; i < 3; i++) {
		lede_article_t a = { 0 };
		a.id = ids[i];
		a.headline = "Markets rally";
		a.body = "Shares in markets rallied on Monday as traders "
			 "cheered the news.";
		a.section = sections[i];
		a.date = 1700000000 + i * 86400;
		a.quotes = &quote;
		a.n_quotes = 1;
		CHECK_INT(lede_db_add(db, &a), LEDE_OK);
	}
	CHECK_INT(lede_db_close(db), LEDE_OK);
}

static void
test_db(void)
{
	lede_db_t *db = (lede_db_t *)path;
	uint64_t count = 0;
	int deleted = -1;
	lede_article_t a = { 0 };
	a.id = "x";
	a.headline = "x";
	a.date = LEDE_NO_DATE;

	/* Opening. */
	CHECK_INT(lede_db_open(NULL, LEDE_OPEN_READ, &db, NULL), LEDE_MISUSE);
	CHECK(db == NULL);
	CHECK_INT(lede_db_open(path, LEDE_OPEN_READ, NULL, NULL), LEDE_MISUSE);
	CHECK_INT(lede_db_open(path, BAD_ENUM(lede_open_flags_t), &db, NULL),
		  LEDE_MISUSE);
	CHECK_INT(lede_db_open(path, NEG_ENUM(lede_open_flags_t), &db, NULL),
		  LEDE_MISUSE);
	/* CREATE without WRITE is no mode. */
	CHECK_INT(lede_db_open(path, (lede_open_flags_t)2, &db, NULL),
		  LEDE_MISUSE);

	/* A NULL database. */
	CHECK(lede_errmsg(NULL) != NULL);
	CHECK_INT(lede_db_count(NULL, &count), LEDE_MISUSE);
	CHECK_INT(lede_db_add(NULL, &a), LEDE_MISUSE);
	CHECK_INT(lede_db_delete(NULL, "x", LEDE_NTS, &deleted), LEDE_MISUSE);
	CHECK_INT(lede_db_commit(NULL), LEDE_MISUSE);
	lede_query_t *q = (lede_query_t *)path;
	CHECK_INT(lede_query_new(NULL, "x", LEDE_NTS, &q), LEDE_MISUSE);
	CHECK(q == NULL);

	/* A reader asked to write. */
	CHECK_INT(lede_db_open(path, LEDE_OPEN_READ, &db, NULL), LEDE_OK);
	CHECK_STR(lede_errmsg(db), "");
	CHECK_INT(lede_db_count(db, NULL), LEDE_MISUSE);
	CHECK_INT(lede_db_add(db, &a), LEDE_MISUSE);
	CHECK(*lede_errmsg(db) != '\0');
	CHECK_INT(lede_db_delete(db, "a", LEDE_NTS, &deleted), LEDE_MISUSE);
	CHECK_INT(lede_db_commit(db), LEDE_MISUSE);
	CHECK_INT(lede_db_count(db, &count), LEDE_OK);
	CHECK_INT(count, 3);
	CHECK_INT(lede_db_close(db), LEDE_OK);

	/* A writer given bad articles and ids. */
	CHECK_INT(lede_db_open(path, LEDE_OPEN_WRITE, &db, NULL), LEDE_OK);
	CHECK_INT(lede_db_add(db, NULL), LEDE_MISUSE);
	lede_article_t bad = a;
	bad.n_authors = 2; /* and no array */
	CHECK_INT(lede_db_add(db, &bad), LEDE_MISUSE);
	bad = a;
	bad.n_tags = 1;
	CHECK_INT(lede_db_add(db, &bad), LEDE_MISUSE);
	bad = a;
	bad.n_places = 1;
	CHECK_INT(lede_db_add(db, &bad), LEDE_MISUSE);
	bad = a;
	bad.n_orgs = 1;
	CHECK_INT(lede_db_add(db, &bad), LEDE_MISUSE);
	bad = a;
	bad.n_people = 1;
	CHECK_INT(lede_db_add(db, &bad), LEDE_MISUSE);
	bad = a;
	bad.n_quotes = 1;
	CHECK_INT(lede_db_add(db, &bad), LEDE_MISUSE);
	/* NULL entries in a list, and a quote without text, are absent
	 * values, as NULL fields are. */
	const char *const with_null[] = { NULL, "Jo Bloggs" };
	const lede_quote_t no_text = { NULL, "Jo" };
	bad = a;
	bad.id = "nulls";
	bad.authors = with_null;
	bad.n_authors = 2;
	bad.tags = with_null;
	bad.n_tags = 2;
	bad.quotes = &no_text;
	bad.n_quotes = 1;
	CHECK_INT(lede_db_add(db, &bad), LEDE_OK);
	/* Dates at the ends of int64 are stored as dates or as none, never
	 * overflowed. */
	bad = a;
	bad.id = "far-future";
	bad.date = INT64_MAX;
	CHECK_INT(lede_db_add(db, &bad), LEDE_OK);
	bad.id = "far-past";
	bad.date = INT64_MIN + 1;
	CHECK_INT(lede_db_add(db, &bad), LEDE_OK);

	CHECK_INT(lede_db_delete(db, NULL, 3, &deleted), LEDE_MISUSE);
	CHECK_INT(lede_db_delete(db, "nulls", LEDE_NTS, NULL), LEDE_OK);
	CHECK_INT(lede_db_delete(db, "far-future", LEDE_NTS, &deleted),
		  LEDE_OK);
	CHECK_INT(deleted, 1);
	CHECK_INT(lede_db_delete(db, "far-past", LEDE_NTS, &deleted), LEDE_OK);
	CHECK_INT(lede_db_delete(db, "never-there", LEDE_NTS, &deleted),
		  LEDE_OK);
	CHECK_INT(deleted, 0);
	CHECK_INT(lede_db_commit(db), LEDE_OK);
	CHECK_INT(lede_db_count(db, &count), LEDE_OK);
	CHECK_INT(count, 3);

	/* Queries given bad arguments. */
	CHECK_INT(lede_query_new(db, NULL, 3, &q), LEDE_MISUSE);
	CHECK(q == NULL);
	CHECK_INT(lede_query_new(db, "x", LEDE_NTS, NULL), LEDE_MISUSE);
	CHECK_INT(lede_query_new(db, "(unclosed", LEDE_NTS, &q),
		  LEDE_BAD_QUERY);
	CHECK(q == NULL);
	CHECK(*lede_errmsg(db) != '\0');
	CHECK_INT(lede_db_close(db), LEDE_OK);
}

static void
test_query_setters(lede_db_t *db)
{
	/* A NULL query. */
	CHECK(lede_query_errmsg(NULL) != NULL);
	CHECK(lede_query_text(NULL) == NULL);
	CHECK_INT(lede_query_set_limit(NULL, 5), LEDE_MISUSE);
	CHECK_INT(lede_query_set_offset(NULL, 5), LEDE_MISUSE);
	CHECK_INT(lede_query_add_filter(NULL, LEDE_FIELD_SECTION, "sport"),
		  LEDE_MISUSE);
	CHECK_INT(lede_query_set_dates(NULL, 0, 1), LEDE_MISUSE);
	CHECK_INT(lede_query_set_sort(NULL, LEDE_SORT_NEWEST, 0), LEDE_MISUSE);
	CHECK_INT(lede_query_add_facet(NULL, LEDE_FIELD_SECTION, 0),
		  LEDE_MISUSE);
	CHECK_INT(lede_query_set_like(NULL, "a"), LEDE_MISUSE);
	CHECK_INT(lede_query_add_significant(NULL, LEDE_FIELD_SECTION, 0),
		  LEDE_MISUSE);
	CHECK_INT(lede_query_set_timeline(NULL, LEDE_TIMELINE_DAY),
		  LEDE_MISUSE);
	CHECK_INT(lede_query_set_approx(NULL, 1), LEDE_MISUSE);
	CHECK_INT(lede_query_set_suggest(NULL, 0), LEDE_MISUSE);
	CHECK_INT(lede_query_set_collapse(NULL, 0), LEDE_MISUSE);
	lede_results_t *r = (lede_results_t *)path;
	CHECK_INT(lede_query_run(NULL, &r), LEDE_MISUSE);

	/* A real query with bad arguments: each is refused and changes
	 * nothing, so the query still runs as if it had not been tried. */
	lede_query_t *q = NULL;
	CHECK_INT(lede_query_new(db, "markets", LEDE_NTS, &q), LEDE_OK);
	CHECK_STR(lede_query_text(q), "markets");
	CHECK_INT(lede_query_run(q, NULL), LEDE_MISUSE);
	CHECK(*lede_query_errmsg(q) != '\0');
	CHECK_INT(lede_query_add_filter(q, LEDE_FIELD_SECTION, NULL),
		  LEDE_MISUSE);
	CHECK_INT(lede_query_add_filter(q, BAD_ENUM(lede_field_t), "x"),
		  LEDE_MISUSE);
	CHECK_INT(lede_query_add_filter(q, NEG_ENUM(lede_field_t), "x"),
		  LEDE_MISUSE);
	CHECK_INT(lede_query_add_filter(q, LEDE_FIELD_BODY, "x"), LEDE_MISUSE);
	CHECK_INT(lede_query_set_sort(q, BAD_ENUM(lede_sort_t), 0),
		  LEDE_MISUSE);
	CHECK_INT(lede_query_set_sort(q, NEG_ENUM(lede_sort_t), 0),
		  LEDE_MISUSE);
	CHECK_INT(lede_query_set_sort(q, LEDE_SORT_RECENCY, -3600),
		  LEDE_MISUSE);
	CHECK_INT(lede_query_add_facet(q, BAD_ENUM(lede_field_t), 0),
		  LEDE_MISUSE);
	CHECK_INT(lede_query_add_facet(q, NEG_ENUM(lede_field_t), 0),
		  LEDE_MISUSE);
	CHECK_INT(lede_query_add_facet(q, LEDE_FIELD_ID, 0), LEDE_MISUSE);
	CHECK_INT(lede_query_set_like(q, NULL), LEDE_MISUSE);
	CHECK_INT(lede_query_set_like(q, ""), LEDE_MISUSE);
	CHECK_INT(lede_query_add_significant(q, BAD_ENUM(lede_field_t), 0),
		  LEDE_MISUSE);
	CHECK_INT(lede_query_add_significant(q, NEG_ENUM(lede_field_t), 0),
		  LEDE_MISUSE);
	CHECK_INT(lede_query_add_significant(q, LEDE_FIELD_AUTHOR, 0),
		  LEDE_MISUSE);
	CHECK_INT(lede_query_set_timeline(q, BAD_ENUM(lede_timeline_t)),
		  LEDE_MISUSE);
	CHECK_INT(lede_query_set_timeline(q, NEG_ENUM(lede_timeline_t)),
		  LEDE_MISUSE);

	CHECK_INT(lede_query_run(q, &r), LEDE_OK);
	uint64_t total = 0;
	int exact = 0;
	CHECK_INT(lede_results_total(r, &total, &exact), LEDE_OK);
	CHECK_INT(total, 3);
	CHECK_INT(exact, 1);
	/* Nothing asked for: no facet, timeline or significant values. */
	const char *value = NULL;
	uint64_t count = 0;
	double score = 0;
	CHECK_INT(lede_results_facet(r, LEDE_FIELD_SECTION, 0, &value, &count),
		  LEDE_MISUSE);
	CHECK_INT(lede_results_timeline(r, 0, &value, &count), LEDE_MISUSE);
	CHECK_INT(lede_results_significant(r, LEDE_FIELD_SECTION, 0, &value,
					   &score),
		  LEDE_MISUSE);
	lede_results_free(r);
	lede_query_free(q);

	/* An empty query runs only with a like id. */
	CHECK_INT(lede_query_new(db, "  ", LEDE_NTS, &q), LEDE_OK);
	r = (lede_results_t *)path;
	CHECK_INT(lede_query_run(q, &r), LEDE_BAD_QUERY);
	CHECK(r == NULL);
	CHECK(*lede_query_errmsg(q) != '\0');
	CHECK_INT(lede_query_set_like(q, "no-such-id"), LEDE_OK);
	CHECK_INT(lede_query_run(q, &r), LEDE_BAD_QUERY);
	CHECK(strstr(lede_query_errmsg(q), "no-such-id") != NULL);
	lede_query_free(q);
}

static void
test_results(lede_db_t *db)
{
	const char *value = NULL, *text = NULL, *speaker = NULL;
	uint64_t count = 0, total = 0;
	double score = 0;
	char *snippet = (char *)path;

	/* NULL results. */
	CHECK(lede_results_errmsg(NULL) != NULL);
	CHECK_INT(lede_results_total(NULL, &total, NULL), LEDE_MISUSE);
	CHECK_INT(lede_results_next(NULL), LEDE_MISUSE);
	CHECK_INT(lede_results_rank(NULL), 0);
	CHECK(lede_results_score(NULL) == 0);
	CHECK_INT(lede_results_date(NULL), LEDE_NO_DATE);
	CHECK_INT(lede_results_similar(NULL), 0);
	CHECK(lede_results_field(NULL, LEDE_FIELD_ID, 0) == NULL);
	CHECK_INT(lede_results_quote(NULL, 0, &text, &speaker), LEDE_MISUSE);
	CHECK_INT(lede_results_words(NULL), 0);
	CHECK_INT(lede_results_facet(NULL, LEDE_FIELD_SECTION, 0, &value,
				     &count),
		  LEDE_MISUSE);
	CHECK_INT(lede_results_timeline(NULL, 0, &value, &count), LEDE_MISUSE);
	CHECK_INT(lede_results_significant(NULL, LEDE_FIELD_SECTION, 0, &value,
					   &score),
		  LEDE_MISUSE);
	CHECK(lede_results_suggestion(NULL) == NULL);
	CHECK_INT(lede_results_counts_exact(NULL), 0);
	CHECK_INT(lede_results_snippet(NULL, 100, "[", "]", &snippet),
		  LEDE_MISUSE);

	lede_query_t *q = NULL;
	lede_results_t *r = NULL;
	CHECK_INT(lede_query_new(db, "markets", LEDE_NTS, &q), LEDE_OK);
	CHECK_INT(lede_query_add_facet(q, LEDE_FIELD_SECTION, 0), LEDE_OK);
	CHECK_INT(lede_query_set_timeline(q, LEDE_TIMELINE_DAY), LEDE_OK);
	CHECK_INT(lede_query_add_significant(q, LEDE_FIELD_SECTION, 0),
		  LEDE_OK);
	CHECK_INT(lede_query_run(q, &r), LEDE_OK);

	/* Totals, facets and the timeline need no current hit; bad fields
	 * and NULL out parameters are refused. */
	CHECK_INT(lede_results_total(r, NULL, NULL), LEDE_MISUSE);
	CHECK_INT(lede_results_total(r, &total, NULL), LEDE_OK);
	CHECK_INT(total, 3);
	CHECK_INT(lede_results_facet(r, LEDE_FIELD_SECTION, 0, &value, &count),
		  LEDE_OK);
	CHECK_STR(value, "business");
	CHECK_INT(count, 2);
	CHECK_INT(lede_results_facet(r, LEDE_FIELD_SECTION, 2, &value, &count),
		  LEDE_DONE);
	CHECK_INT(lede_results_facet(r, LEDE_FIELD_SECTION, SIZE_MAX, &value,
				     &count),
		  LEDE_DONE);
	CHECK_INT(lede_results_facet(r, LEDE_FIELD_SECTION, 0, NULL, &count),
		  LEDE_MISUSE);
	CHECK_INT(lede_results_facet(r, LEDE_FIELD_SECTION, 0, &value, NULL),
		  LEDE_MISUSE);
	CHECK_INT(lede_results_facet(r, LEDE_FIELD_PLACE, 0, &value, &count),
		  LEDE_MISUSE);
	CHECK_INT(lede_results_facet(r, BAD_ENUM(lede_field_t), 0, &value,
				     &count),
		  LEDE_MISUSE);
	CHECK_INT(lede_results_facet(r, NEG_ENUM(lede_field_t), 0, &value,
				     &count),
		  LEDE_MISUSE);
	CHECK_INT(lede_results_timeline(r, 0, &value, &count), LEDE_OK);
	CHECK_INT(lede_results_timeline(r, 3, &value, &count), LEDE_DONE);
	CHECK_INT(lede_results_timeline(r, 0, NULL, &count), LEDE_MISUSE);
	CHECK_INT(lede_results_timeline(r, 0, &value, NULL), LEDE_MISUSE);
	CHECK_INT(lede_results_significant(r, LEDE_FIELD_SECTION, SIZE_MAX,
					   &value, &score),
		  LEDE_DONE);
	CHECK_INT(lede_results_significant(r, LEDE_FIELD_SECTION, 0, NULL,
					   &score),
		  LEDE_MISUSE);
	CHECK_INT(lede_results_significant(r, LEDE_FIELD_SECTION, 0, &value,
					   NULL),
		  LEDE_MISUSE);
	CHECK_INT(lede_results_significant(r, BAD_ENUM(lede_field_t), 0,
					   &value, &score),
		  LEDE_MISUSE);
	CHECK_INT(lede_results_significant(r, NEG_ENUM(lede_field_t), 0,
					   &value, &score),
		  LEDE_MISUSE);

	/* Before the first lede_results_next there is no current hit. */
	CHECK_INT(lede_results_rank(r), 0);
	CHECK(lede_results_score(r) == 0);
	CHECK_INT(lede_results_date(r), LEDE_NO_DATE);
	CHECK_INT(lede_results_similar(r), 0);
	CHECK(lede_results_field(r, LEDE_FIELD_ID, 0) == NULL);
	CHECK_INT(lede_results_quote(r, 0, &text, &speaker), LEDE_MISUSE);
	CHECK_INT(lede_results_words(r), 0);
	CHECK_INT(lede_results_snippet(r, 100, "[", "]", &snippet),
		  LEDE_MISUSE);
	CHECK(snippet == NULL || snippet == (char *)path);
	CHECK(*lede_results_errmsg(r) != '\0');

	/* The first hit, read with bad arguments. */
	CHECK_INT(lede_results_next(r), LEDE_OK);
	CHECK_INT(lede_results_rank(r), 1);
	CHECK(lede_results_field(r, LEDE_FIELD_ID, 0) != NULL);
	CHECK(lede_results_field(r, LEDE_FIELD_ID, 1) == NULL);
	CHECK(lede_results_field(r, LEDE_FIELD_ID, SIZE_MAX) == NULL);
	CHECK(lede_results_field(r, BAD_ENUM(lede_field_t), 0) == NULL);
	CHECK(lede_results_field(r, NEG_ENUM(lede_field_t), 0) == NULL);
	CHECK(lede_results_field(r, LEDE_FIELD_PLACE, 0) == NULL);
	CHECK_INT(lede_results_quote(r, 0, NULL, &speaker), LEDE_MISUSE);
	CHECK_INT(lede_results_quote(r, 0, &text, NULL), LEDE_MISUSE);
	CHECK_INT(lede_results_quote(r, 0, &text, &speaker), LEDE_OK);
	CHECK_STR(text, "We will win");
	CHECK_INT(lede_results_quote(r, 1, &text, &speaker), LEDE_DONE);
	CHECK_INT(lede_results_quote(r, SIZE_MAX, &text, &speaker), LEDE_DONE);
	CHECK_INT(lede_results_snippet(r, 100, "[", "]", NULL), LEDE_MISUSE);
	/* NULL highlight marks are empty ones; no room is an empty
	 * snippet, not an error. */
	CHECK_INT(lede_results_snippet(r, 100, NULL, NULL, &snippet), LEDE_OK);
	CHECK(snippet && strstr(snippet, "markets"));
	lede_free(snippet);
	CHECK_INT(lede_results_snippet(r, 0, "[", "]", &snippet), LEDE_OK);
	lede_free(snippet);

	/* Past the end: LEDE_DONE every time, and no current hit. */
	CHECK_INT(lede_results_next(r), LEDE_OK);
	CHECK_INT(lede_results_next(r), LEDE_OK);
	CHECK_INT(lede_results_next(r), LEDE_DONE);
	CHECK_INT(lede_results_next(r), LEDE_DONE);
	CHECK_INT(lede_results_next(r), LEDE_DONE);
	CHECK_INT(lede_results_rank(r), 0);
	CHECK(lede_results_field(r, LEDE_FIELD_ID, 0) == NULL);
	CHECK_INT(lede_results_quote(r, 0, &text, &speaker), LEDE_MISUSE);
	snippet = NULL;
	CHECK_INT(lede_results_snippet(r, 100, "[", "]", &snippet),
		  LEDE_MISUSE);
	CHECK(snippet == NULL);
	/* What does not need a hit still works. */
	CHECK_INT(lede_results_facet(r, LEDE_FIELD_SECTION, 1, &value, &count),
		  LEDE_OK);
	CHECK_STR(value, "sport");
	lede_results_free(r);
	lede_query_free(q);

	/* A page past the last hit, and a page of none. */
	CHECK_INT(lede_query_new(db, "markets", LEDE_NTS, &q), LEDE_OK);
	CHECK_INT(lede_query_set_offset(q, UINT32_MAX), LEDE_OK);
	CHECK_INT(lede_query_set_limit(q, UINT32_MAX), LEDE_OK);
	CHECK_INT(lede_query_run(q, &r), LEDE_OK);
	CHECK_INT(lede_results_next(r), LEDE_DONE);
	lede_results_free(r);
	CHECK_INT(lede_query_set_offset(q, 0), LEDE_OK);
	CHECK_INT(lede_query_set_limit(q, 0), LEDE_OK);
	CHECK_INT(lede_query_set_sort(q, LEDE_SORT_RECENCY, 0), LEDE_OK);
	CHECK_INT(lede_query_run(q, &r), LEDE_OK);
	CHECK_INT(lede_results_next(r), LEDE_DONE);
	CHECK_INT(lede_results_total(r, &total, NULL), LEDE_OK);
	CHECK_INT(total, 3);
	lede_results_free(r);
	lede_query_free(q);
}

/* Handles freed in the wrong order: children keep their parents. */
static void
test_lifetimes(void)
{
	lede_db_t *db = NULL;
	lede_query_t *q = NULL, *q2 = NULL;
	lede_results_t *r = NULL;
	char *snippet = NULL;

	/* A reader closed under a query and its results: the results
	 * stay readable, the query can no longer run. */
	CHECK_INT(lede_db_open(path, LEDE_OPEN_READ, &db, NULL), LEDE_OK);
	CHECK_INT(lede_query_new(db, "markets", LEDE_NTS, &q), LEDE_OK);
	CHECK_INT(lede_query_new(db, "rallied", LEDE_NTS, &q2), LEDE_OK);
	CHECK_INT(lede_query_run(q, &r), LEDE_OK);
	CHECK_INT(lede_db_close(db), LEDE_OK);
	CHECK_INT(lede_results_next(r), LEDE_OK);
	CHECK_STR(lede_results_field(r, LEDE_FIELD_ID, 0), "a");
	CHECK_INT(lede_results_snippet(r, 60, "[", "]", &snippet), LEDE_OK);
	CHECK(snippet && strstr(snippet, "[markets]"));
	lede_free(snippet);
	lede_results_t *r2 = (lede_results_t *)path;
	CHECK_INT(lede_query_run(q, &r2), LEDE_MISUSE);
	CHECK(r2 == NULL);
	CHECK(strstr(lede_query_errmsg(q), "closed") != NULL);
	CHECK_INT(lede_query_set_limit(q, 3), LEDE_OK);
	/* The query freed before its results: they go on. */
	lede_query_free(q);
	CHECK_INT(lede_results_next(r), LEDE_OK);
	CHECK_STR(lede_results_field(r, LEDE_FIELD_ID, 0), "b");
	lede_results_free(r);
	/* The last one frees the database (ASan checks it leaks not). */
	CHECK_INT(lede_query_run(q2, &r2), LEDE_MISUSE);
	lede_query_free(q2);

	/* A writer closed under a query commits at once; its lock is held
	 * until the query goes. */
	CHECK_INT(lede_db_open(path, LEDE_OPEN_WRITE, &db, NULL), LEDE_OK);
	lede_article_t a = { 0 };
	a.id = "d";
	a.headline = "Late news";
	a.date = LEDE_NO_DATE;
	CHECK_INT(lede_db_add(db, &a), LEDE_OK);
	CHECK_INT(lede_query_new(db, "markets", LEDE_NTS, &q), LEDE_OK);
	CHECK_INT(lede_db_close(db), LEDE_OK);
	lede_db_t *reader = NULL, *writer = NULL;
	uint64_t count = 0;
	CHECK_INT(lede_db_open(path, LEDE_OPEN_READ, &reader, NULL), LEDE_OK);
	CHECK_INT(lede_db_count(reader, &count), LEDE_OK);
	CHECK_INT(count, 4);
	CHECK_INT(lede_db_open(path, LEDE_OPEN_WRITE, &writer, NULL),
		  LEDE_LOCKED);
	lede_query_free(q);
	CHECK_INT(lede_db_open(path, LEDE_OPEN_WRITE, &writer, NULL), LEDE_OK);
	CHECK_INT(lede_db_delete(writer, "d", LEDE_NTS, NULL), LEDE_OK);
	CHECK_INT(lede_db_close(writer), LEDE_OK);
	CHECK_INT(lede_db_close(reader), LEDE_OK);
}

int
main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: test_misuse SCRATCH-DIR\n");
		return 2;
	}
	snprintf(path, sizeof path, "%s/misuse.lede", argv[1]);
	char cmd[4300];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", path);
	if (system(cmd) != 0)
		return 1;

	test_free_functions();
	test_text_functions();
	test_parsing();
	make_index();
	test_db();

	lede_db_t *db = NULL;
	CHECK_INT(lede_db_open(path, LEDE_OPEN_READ, &db, NULL), LEDE_OK);
	if (db) {
		test_query_setters(db);
		test_results(db);
		lede_db_close(db);
	}
	test_lifetimes();
	return CHECK_DONE();
}
