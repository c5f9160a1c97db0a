/* test_explain.c: what scores are made of (lede_query_set_explain and its
 * readers) and where snippets highlight (lede_results_snippet_ranges),
 * through include/lede.h only.
 * SPDX-License-Identifier: MIT
 *
 * Articles of our own, dated a week apart (e4 undated), with accents, an
 * emoji and CJK in the bodies so that characters and bytes differ.
 */
#define _POSIX_C_SOURCE 200809L

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "lede.h"

static char path[4200];

struct fixture {
	const char *id, *headline, *body, *date, *language;
};

static const struct fixture articles[] = {
	{"e1", "Harbour strike ends",
	 "The harbour strike ended after talks with the port authority. "
	 "Le café 🚢 du port reopened.",
	 "2024-01-10T12:00:00Z", "en"},
	{"e2", "Port news",
	 "A strike at the harbour closed the port for a day, and the Café "
	 "Lumière shut its doors while the strike went on.",
	 "2024-01-03T12:00:00Z", "en"},
	{"e3", "Ferry times", "Ferries ran late while the harbour was closed.",
	 "2023-12-27T12:00:00Z", "en"},
	{"e4", "Council",
	 "The council met to discuss the harbour budget and the strike fund.",
	 NULL, "en"},
	{"e5", "図書館", "東京で新しい図書館が開館した。", "2024-01-09", "ja"},
};
#define N_ARTICLES (sizeof articles / sizeof articles[0])

static void build(void)
{
	lede_db_t *db = NULL;
	size_t i;

	CHECK_INT(lede_db_open(path, LEDE_OPEN_CREATE, &db, NULL), LEDE_OK);
	for (i = 0; db && i < N_ARTICLES; i++) {
		const struct fixture *f = &articles[i];
		lede_article_t a = {0};

		a.id = f->id;
		a.headline = f->headline;
		a.body = f->body;
		a.language = f->language;
		a.date = LEDE_NO_DATE;
		if (f->date)
			CHECK_INT(lede_date_parse(f->date, LEDE_NTS, &a.date),
				  LEDE_OK);
		CHECK_INT(lede_db_add(db, &a), LEDE_OK);
	}
	CHECK_INT(lede_db_close(db), LEDE_OK);
}

static lede_query_t *new_query(lede_db_t *db, const char *text)
{
	lede_query_t *q = NULL;

	CHECK_INT(lede_query_new(db, text, LEDE_NTS, &q), LEDE_OK);
	return q;
}

/* Runs q and checks, for every hit, that the parts add up to the
 * relevance and relevance times the recency factor is the score. Returns
 * the number of hits; *ids gets their ids, space-separated. */
static size_t check_sums(lede_query_t *q, char *ids, size_t size)
{
	lede_results_t *r = NULL;
	size_t hits = 0;

	ids[0] = '\0';
	CHECK_INT(lede_query_run(q, &r), LEDE_OK);
	while (r && lede_results_next(r) == LEDE_OK) {
		double sum = 0, w, rel = lede_results_relevance(r);
		int64_t age, half;
		double factor = lede_results_recency(r, &age, &half);
		size_t i, at = strlen(ids);
		lede_status_t st;

		for (i = 0; (st = lede_results_part(r, i, &w)) == LEDE_OK;
		     i++) {
			CHECK(w >= 0);
			sum += w;
		}
		CHECK_INT(st, LEDE_DONE);
		if (fabs(sum - rel) > 1e-9 * rel) {
			check_failed++;
			fprintf(stderr, "%s:%d: '%s' hit %s: parts %.17g, "
				"relevance %.17g\n", __FILE__, __LINE__,
				lede_query_text(q),
				lede_results_field(r, LEDE_FIELD_ID, 0), sum,
				rel);
		} else {
			check_passed++;
		}
		CHECK(lede_results_score(r) == rel * factor);
		if (half > 0)
			CHECK(fabs(factor - exp2(-(double)age / (double)half)) <
			      1e-12);
		else
			CHECK(factor == 1.0 && age == 0);
		CHECK(lede_results_query(r) == q);
		snprintf(ids + at, size - at, "%s%s", at ? " " : "",
			 lede_results_field(r, LEDE_FIELD_ID, 0));
		hits++;
	}
	lede_results_free(r);
	return hits;
}

static void test_sums(lede_db_t *db)
{
	static const char *const queries[] = {
		"harbour strike",
		"title:strike harbour -ferry",
		"\"port authority\" OR harbour* OR café",
		"(harbour AND zebra) OR strike",
		"+harbour strike port",
		"port NEAR/2 authority strike",
		"section:none OR strike",
	};
	char ids[256];
	size_t i;

	for (i = 0; i < sizeof queries / sizeof *queries; i++) {
		lede_query_t *q = new_query(db, queries[i]);

		CHECK_INT(lede_query_set_explain(q, 1), LEDE_OK);
		CHECK(check_sums(q, ids, sizeof ids) > 0);
		CHECK_INT(lede_query_set_sort(q, LEDE_SORT_RECENCY, 0),
			  LEDE_OK);
		CHECK(check_sums(q, ids, sizeof ids) > 0);
		lede_query_free(q);
	}

	/* Recency: a week halves, two weeks quarter; undated is oldest. */
	lede_query_t *q = new_query(db, "harbour strike");
	lede_results_t *r = NULL;
	static const struct {
		const char *id;
		int64_t age;
	} want[] = { {"e1", 0}, {"e2", 7 * 86400}, {"e4", 14 * 86400},
		     {"e3", 14 * 86400} };
	lede_query_set_explain(q, 1);
	lede_query_set_sort(q, LEDE_SORT_RECENCY, 7 * 86400);
	CHECK_INT(lede_query_run(q, &r), LEDE_OK);
	for (i = 0; r && lede_results_next(r) == LEDE_OK && i < 4; i++) {
		int64_t age, half;
		double f = lede_results_recency(r, &age, &half);

		CHECK_STR(lede_results_field(r, LEDE_FIELD_ID, 0), want[i].id);
		CHECK(age == want[i].age);
		CHECK(half == 7 * 86400);
		CHECK(f == exp2(-(double)want[i].age / (7 * 86400.0)));
	}
	CHECK_INT(i, 4);
	lede_results_free(r);
	lede_query_free(q);

	/* --like alone, and with words. */
	q = new_query(db, "");
	CHECK_INT(lede_query_set_like(q, "e1"), LEDE_OK);
	CHECK_INT(lede_query_set_explain(q, 1), LEDE_OK);
	CHECK(check_sums(q, ids, sizeof ids) > 0);
	lede_query_free(q);
	q = new_query(db, "harbour");
	CHECK_INT(lede_query_set_like(q, "e2"), LEDE_OK);
	CHECK_INT(lede_query_set_explain(q, 1), LEDE_OK);
	CHECK_INT(check_sums(q, ids, sizeof ids), 3);
	CHECK_STR(ids, "e1 e3 e4");
	lede_query_free(q);
}

static void test_parts(lede_db_t *db)
{
	lede_query_t *q = new_query(db, "+title:strike \"port authority\" "
					"the -ferry polic* a NEAR/3 b "
					"section:x");
	const char *clause, *field, *matches;

	static const char *const want[][3] = {
		/* Japanese has no stemmer: words match as written too. */
		{"title:strike", "headline", "headline:strike[strike~ strike]"},
		{"\"port authority\"", "text", "\"port authority\""},
		{"polic*", "text", "polic*"},
		{"a NEAR/3 b", "text", "(a NEAR/3 b)"},
	};
	size_t i;

	for (i = 0; i < 4; i++) {
		CHECK_INT(lede_query_part(q, i, &clause, &field, &matches),
			  LEDE_OK);
		CHECK_STR(clause, want[i][0]);
		CHECK_STR(field, want[i][1]);
		CHECK_STR(matches, want[i][2]);
	}
	CHECK_INT(lede_query_part(q, 4, &clause, &field, &matches),
		  LEDE_DONE);
	CHECK_INT(lede_query_part(q, 0, NULL, &field, &matches), LEDE_MISUSE);
	CHECK_INT(lede_query_part(NULL, 0, &clause, &field, &matches),
		  LEDE_MISUSE);
	CHECK_INT(lede_query_add_filter(q, LEDE_FIELD_PLACE, "UK"), LEDE_OK);
	CHECK_INT(lede_query_add_filter(q, LEDE_FIELD_AUTHOR, "Ann Lee"),
		  LEDE_OK);
	CHECK_INT(lede_query_set_dates(q, 1704067200, LEDE_NO_DATE), LEDE_OK);
	CHECK_STR(lede_query_describe(q),
		  "((headline:strike[strike~ strike] AND_MAYBE (\"port "
		  "authority\" OR polic* OR (a NEAR/3 b))) NOT ferry[ferri~ "
		  "ferry]) FILTER "
		  "author:\"ann lee\" AND place:\"united kingdom\" AND "
		  "date:2024-01-01.. AND section:x");
	CHECK(lede_query_describe(NULL) == NULL);

	/* The like part: its terms once the query has run. */
	CHECK_INT(lede_query_set_like(q, "e1"), LEDE_OK);
	CHECK_INT(lede_query_part(q, 4, &clause, &field, &matches), LEDE_OK);
	CHECK_STR(clause, "e1");
	CHECK_STR(field, "like");
	CHECK_STR(matches, "e1");
	lede_query_free(q);

	q = new_query(db, "");
	lede_query_set_like(q, "e1");
	CHECK_STR(lede_query_describe(q), "like:e1");
	lede_results_t *r = NULL;
	CHECK_INT(lede_query_run(q, &r), LEDE_OK);
	lede_results_free(r);
	CHECK_INT(lede_query_part(q, 0, &clause, &field, &matches), LEDE_OK);
	CHECK(!strncmp(matches, "like:e1[", 8) &&
	      matches[strlen(matches) - 1] == ']');
	CHECK(strstr(matches, "authority") != NULL);
	CHECK_STR(lede_query_describe(q), matches);
	lede_query_free(q);

	/* Without explain, no parts per hit; and none without a hit. */
	q = new_query(db, "harbour");
	double w;
	CHECK_INT(lede_query_run(q, &r), LEDE_OK);
	CHECK_INT(lede_results_part(r, 0, &w), LEDE_MISUSE);
	CHECK_INT(lede_results_next(r), LEDE_OK);
	CHECK_INT(lede_results_part(r, 0, &w), LEDE_MISUSE);
	CHECK(lede_results_relevance(r) == lede_results_score(r));
	CHECK(lede_results_recency(r, NULL, NULL) == 1.0);
	lede_results_free(r);
	lede_query_set_explain(q, 1);
	CHECK_INT(lede_query_run(q, &r), LEDE_OK);
	CHECK_INT(lede_results_part(r, 0, &w), LEDE_MISUSE);
	CHECK_INT(lede_results_next(r), LEDE_OK);
	CHECK_INT(lede_results_part(r, 0, &w), LEDE_OK);
	CHECK(w == lede_results_relevance(r));
	CHECK_INT(lede_results_part(r, 1, &w), LEDE_DONE);
	CHECK_INT(lede_results_part(r, 0, NULL), LEDE_MISUSE);
	lede_results_free(r);
	lede_query_free(q);
	CHECK_INT(lede_query_set_explain(NULL, 1), LEDE_MISUSE);
	CHECK(lede_results_query(NULL) == NULL);
}

/* The byte offset of code point `cp` in s. */
static size_t byte_at(const char *s, size_t cp)
{
	size_t i = 0;

	for (; s[i] && cp; i++)
		if (((unsigned char)s[i + 1] & 0xC0) != 0x80)
			cp--;
	return i;
}

/* For every hit of text: the plain snippet with "[" and "]" put around
 * its ranges is the snippet lede_results_snippet marks the same way, and
 * the ranges are in order, apart, inside the text. *covered gets the
 * words the ranges cover, space-separated. */
static void check_ranges(lede_db_t *db, const char *text, char *covered,
			 size_t size)
{
	lede_query_t *q = new_query(db, text);
	lede_results_t *r = NULL;

	covered[0] = '\0';
	CHECK_INT(lede_query_run(q, &r), LEDE_OK);
	while (r && lede_results_next(r) == LEDE_OK) {
		char *plain = NULL, *marked = NULL, *rebuilt;
		lede_range_t *ranges = NULL;
		size_t n = 0, i, o = 0, from = 0, end = 0;

		CHECK_INT(lede_results_snippet_ranges(r, 120, &plain, &ranges,
						      &n),
			  LEDE_OK);
		CHECK_INT(lede_results_snippet(r, 120, "[", "]", &marked),
			  LEDE_OK);
		if (!plain || !marked)
			break;
		CHECK(n == 0 ? ranges == NULL : ranges != NULL);
		rebuilt = malloc(strlen(plain) + 2 * n + 1);
		for (i = 0; rebuilt && i < n; i++) {
			size_t a = byte_at(plain, ranges[i].start);
			size_t b = byte_at(plain, ranges[i].start +
							  ranges[i].length);
			size_t at = strlen(covered);

			CHECK(ranges[i].length > 0 && ranges[i].start >= end);
			end = ranges[i].start + ranges[i].length;
			CHECK(b <= strlen(plain));
			memcpy(rebuilt + o, plain + from, a - from);
			o += a - from;
			rebuilt[o++] = '[';
			memcpy(rebuilt + o, plain + a, b - a);
			o += b - a;
			rebuilt[o++] = ']';
			from = b;
			snprintf(covered + at, size - at, "%s%.*s",
				 at ? " " : "", (int)(b - a), plain + a);
		}
		if (rebuilt) {
			strcpy(rebuilt + o, plain + from);
			CHECK_STR(rebuilt, marked);
		}
		free(rebuilt);
		lede_free(plain);
		lede_free(marked);
		lede_free(ranges);
	}
	lede_results_free(r);
	lede_query_free(q);
}

static void test_ranges(lede_db_t *db)
{
	char covered[512];

	check_ranges(db, "café", covered, sizeof covered);
	CHECK_STR(covered, "café Café");
	check_ranges(db, "reopened", covered, sizeof covered);
	CHECK_STR(covered, "reopened");
	check_ranges(db, "図書館", covered, sizeof covered);
	CHECK_STR(covered, "図 書 館 館");
	check_ranges(db, "strike -ferry", covered, sizeof covered);
	CHECK_STR(covered, "strike strike strike strike");
	check_ranges(db, "lumière OR zzz", covered, sizeof covered);
	CHECK_STR(covered, "Lumière");

	/* The code points before "reopened" in e1's snippet: the emoji is
	 * one, not two (UTF-16) or four (bytes). */
	lede_query_t *q = new_query(db, "reopened");
	lede_results_t *r = NULL;
	char *plain = NULL;
	lede_range_t *ranges = NULL;
	size_t n = 9;

	CHECK_INT(lede_query_run(q, &r), LEDE_OK);
	CHECK_INT(lede_results_snippet_ranges(r, 100, &plain, &ranges, &n),
		  LEDE_MISUSE);
	CHECK(plain == NULL && ranges == NULL && n == 0);
	CHECK_INT(lede_results_next(r), LEDE_OK);
	CHECK_INT(lede_results_snippet_ranges(r, 100, &plain, &ranges, &n),
		  LEDE_OK);
	CHECK_INT(n, 1);
	if (n == 1) {
		const char *at = strstr(plain, "reopened");
		size_t cp = 0;

		for (const char *s = plain; at && s < at; s++)
			cp += ((unsigned char)*s & 0xC0) != 0x80;
		CHECK(at && ranges[0].start == cp && ranges[0].length == 8);
	}
	lede_free(plain);
	lede_free(ranges);
	CHECK_INT(lede_results_snippet_ranges(r, 100, NULL, &ranges, &n),
		  LEDE_MISUSE);
	CHECK_INT(lede_results_snippet_ranges(r, 100, &plain, NULL, &n),
		  LEDE_MISUSE);
	CHECK_INT(lede_results_snippet_ranges(NULL, 100, &plain, &ranges, &n),
		  LEDE_MISUSE);
	lede_results_free(r);
	lede_query_free(q);
}

int main(int argc, char **argv)
{
	lede_db_t *db = NULL;

	snprintf(path, sizeof path, "%s/explain.lede",
		 argc > 1 ? argv[1] : ".");
	{
		char cmd[4300];

		snprintf(cmd, sizeof cmd, "rm -rf '%s'", path);
		if (system(cmd) != 0)
			return 1;
	}
	build();
	CHECK_INT(lede_db_open(path, LEDE_OPEN_READ, &db, NULL), LEDE_OK);
	if (db) {
		test_sums(db);
		test_parts(db);
		test_ranges(db);
	}
	lede_db_close(db);
	return CHECK_DONE();
}
