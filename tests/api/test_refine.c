/* test_refine.c: filters, date ranges, sorting, facets and timelines,
 * through include/lede.h only.
 * SPDX-License-Identifier: MIT
 *
 * Eight articles of our own, with sections, sources, places, authors and
 * dates chosen so that every count below can be worked out by hand.
 */
#define _POSIX_C_SOURCE 200809L

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "lede.h"

static char path[4200];

struct fixture {
	const char *id, *headline, *section, *source, *date;
	const char *places[3];
	const char *authors[2];
};

/* "harbour" is in every headline; "storm" in five. */
static const struct fixture articles[] = {
	{"a1", "Harbour storm closes ferry", "news", "Coast Post",
	 "2023-11-01T08:00:00Z", {"Wales", NULL}, {"Ann Lee", NULL}},
	{"a2", "Harbour storm floods quay", "news", "Coast Post",
	 "2023-11-02T09:00:00Z", {"Wales", "Scotland", NULL}, {"Bo Ray", NULL}},
	{"a3", "Harbour storm damage counted", "business", "Daily Ledger",
	 "2023-11-09T10:00:00Z", {"Scotland", NULL}, {"Ann Lee", NULL}},
	{"a4", "Harbour storm insurance claims", "business", "Coast Post",
	 "2023-12-01T11:00:00Z", {NULL}, {"Cy Dale", NULL}},
	{"a5", "Harbour storm fund opens", "politics", "Daily Ledger",
	 "2024-01-15T12:00:00Z", {"Wales", NULL}, {NULL}},
	{"a6", "Harbour market reopens", "news", "Daily Ledger",
	 "2024-01-16T13:00:00Z", {NULL}, {"Ann Lee", "Bo Ray"}},
	{"a7", "Harbour festival planned", "culture", "Coast Post", NULL,
	 {"Wales", NULL}, {NULL}},
	{"a8", "Harbour lights switched on", "culture", "Coast Post",
	 "2022-12-24T18:00:00Z", {NULL}, {NULL}},
};

static size_t count_list(const char *const *v)
{
	size_t n = 0;

	while (n < 3 && v[n])
		n++;
	return n;
}

static void build(void)
{
	lede_db_t *db = NULL;
	size_t i;

	CHECK_INT(lede_db_open(path, LEDE_OPEN_CREATE, &db, NULL), LEDE_OK);
	for (i = 0; db && i < sizeof articles / sizeof articles[0]; i++) {
		const struct fixture *f = &articles[i];
		lede_article_t a = {0};

		a.id = f->id;
		a.headline = f->headline;
		a.body = "The harbour master gave an update on Monday.";
		a.section = f->section;
		a.source = f->source;
		a.language = "en";
		a.date = LEDE_NO_DATE;
		if (f->date)
			CHECK_INT(lede_date_parse(f->date, LEDE_NTS, &a.date),
				  LEDE_OK);
		a.places = f->places;
		a.n_places = count_list(f->places);
		a.authors = f->authors;
		a.n_authors = count_list(f->authors);
		CHECK_INT(lede_db_add(db, &a), LEDE_OK);
	}
	CHECK_INT(lede_db_close(db), LEDE_OK);
}

/* Runs text on a query set up by `setup`; writes ids in order to ids and
 * facet `field` as "value=count ..." to facet (when field >= 0). */
typedef void (*setup_fn)(lede_query_t *q);

static lede_results_t *run(lede_db_t *db, const char *text, setup_fn setup,
			   lede_query_t **qout)
{
	lede_query_t *q = NULL;
	lede_results_t *r = NULL;

	CHECK_INT(lede_query_new(db, text, LEDE_NTS, &q), LEDE_OK);
	if (!q)
		return NULL;
	lede_query_set_limit(q, 20);
	if (setup)
		setup(q);
	CHECK_INT(lede_query_run(q, &r), LEDE_OK);
	*qout = q;
	return r;
}

static const char *ids(lede_results_t *r)
{
	static char buf[256];

	buf[0] = '\0';
	while (r && lede_results_next(r) == LEDE_OK) {
		if (buf[0])
			strcat(buf, " ");
		strcat(buf, lede_results_field(r, LEDE_FIELD_ID, 0));
	}
	return buf;
}

static const char *facet(lede_results_t *r, lede_field_t field)
{
	static char buf[512];
	const char *v;
	uint64_t n;
	size_t i;

	buf[0] = '\0';
	for (i = 0; r && lede_results_facet(r, field, i, &v, &n) == LEDE_OK;
	     i++) {
		size_t at = strlen(buf);

		snprintf(buf + at, sizeof buf - at, "%s%s=%llu", at ? " " : "",
			 v, (unsigned long long)n);
	}
	return buf;
}

static const char *timeline(lede_results_t *r)
{
	static char buf[512];
	const char *v;
	uint64_t n;
	size_t i;

	buf[0] = '\0';
	for (i = 0; r && lede_results_timeline(r, i, &v, &n) == LEDE_OK; i++) {
		size_t at = strlen(buf);

		snprintf(buf + at, sizeof buf - at, "%s%s=%llu", at ? " " : "",
			 v, (unsigned long long)n);
	}
	return buf;
}

static void done(lede_query_t *q, lede_results_t *r)
{
	lede_results_free(r);
	lede_query_free(q);
}

static void facets_all(lede_query_t *q)
{
	CHECK_INT(lede_query_add_facet(q, LEDE_FIELD_SECTION, 0), LEDE_OK);
	CHECK_INT(lede_query_add_facet(q, LEDE_FIELD_SOURCE, 0), LEDE_OK);
	CHECK_INT(lede_query_add_facet(q, LEDE_FIELD_PLACE, 0), LEDE_OK);
	CHECK_INT(lede_query_add_facet(q, LEDE_FIELD_AUTHOR, 2), LEDE_OK);
	CHECK_INT(lede_query_set_timeline(q, LEDE_TIMELINE_MONTH), LEDE_OK);
}

static void test_facets(lede_db_t *db)
{
	lede_query_t *q = NULL;
	lede_results_t *r = run(db, "storm", facets_all, &q);

	/* By count, then name; multi-valued fields once per value. */
	CHECK_STR(facet(r, LEDE_FIELD_SECTION), "business=2 news=2 politics=1");
	CHECK_STR(facet(r, LEDE_FIELD_SOURCE),
		  "Coast Post=3 Daily Ledger=2");
	CHECK_STR(facet(r, LEDE_FIELD_PLACE), "Wales=3 Scotland=2");
	/* At most 2 values asked for. */
	CHECK_STR(facet(r, LEDE_FIELD_AUTHOR), "Ann Lee=2 Bo Ray=1");
	CHECK_STR(timeline(r), "2023-11=3 2023-12=1 2024-01=1");
	CHECK_INT(lede_results_counts_exact(r), 1);
	/* A facet not asked for is misuse, not an empty list. */
	{
		const char *v;
		uint64_t n;

		CHECK_INT(lede_results_facet(r, LEDE_FIELD_ORG, 0, &v, &n),
			  LEDE_MISUSE);
	}
	done(q, r);
}

static void filter_news(lede_query_t *q)
{
	facets_all(q);
	lede_query_set_sort(q, LEDE_SORT_OLDEST, 0);
	CHECK_INT(lede_query_add_filter(q, LEDE_FIELD_SECTION, "News"),
		  LEDE_OK);
}

static void test_filter_lifted(lede_db_t *db)
{
	lede_query_t *q = NULL;
	lede_results_t *r = run(db, "harbour", filter_news, &q);

	CHECK_STR(ids(r), "a1 a2 a6");
	/* The filtered field counts as if its filter were lifted... */
	CHECK_STR(facet(r, LEDE_FIELD_SECTION),
		  "news=3 business=2 culture=2 politics=1");
	/* ...the others follow it. */
	CHECK_STR(facet(r, LEDE_FIELD_SOURCE), "Coast Post=2 Daily Ledger=1");
	CHECK_STR(facet(r, LEDE_FIELD_PLACE), "Wales=2 Scotland=1");
	done(q, r);
}

static void two_filters(lede_query_t *q)
{
	/* Alternatives on one field, all fields must hold. */
	lede_query_set_sort(q, LEDE_SORT_OLDEST, 0);
	lede_query_add_filter(q, LEDE_FIELD_SECTION, "news");
	lede_query_add_filter(q, LEDE_FIELD_SECTION, "business");
	lede_query_add_filter(q, LEDE_FIELD_PLACE, "Scotland");
}

/* An author filter names the whole author, in any case. */
static void by_ann(lede_query_t *q)
{
	lede_query_set_sort(q, LEDE_SORT_OLDEST, 0);
	lede_query_add_filter(q, LEDE_FIELD_AUTHOR, "ann lee");
}

static void test_filters(lede_db_t *db)
{
	lede_query_t *q = NULL, *q2 = NULL;
	lede_results_t *r = run(db, "harbour", two_filters, &q);
	lede_results_t *r2;
	double with, without;

	CHECK_STR(ids(r), "a2 a3");
	done(q, r);
	r = run(db, "harbour", by_ann, &q);
	CHECK_STR(ids(r), "a1 a3 a6");
	done(q, r);

	/* A filter never changes a score. */
	r = run(db, "storm closes", NULL, &q);
	r2 = run(db, "storm closes", by_ann, &q2);
	CHECK_INT(lede_results_next(r), LEDE_OK);
	CHECK_INT(lede_results_next(r2), LEDE_OK);
	with = lede_results_score(r2);
	without = lede_results_score(r);
	CHECK(with == without);
	done(q, r);
	done(q2, r2);

	/* Misuse: a field that cannot be a filter, an empty value. */
	CHECK_INT(lede_query_new(db, "harbour", LEDE_NTS, &q), LEDE_OK);
	CHECK_INT(lede_query_add_filter(q, LEDE_FIELD_BODY, "x"), LEDE_MISUSE);
	CHECK_INT(lede_query_add_filter(q, LEDE_FIELD_SECTION, ""),
		  LEDE_MISUSE);
	CHECK_INT(lede_query_add_facet(q, LEDE_FIELD_URL, 3), LEDE_MISUSE);
	CHECK_INT(lede_query_set_sort(q, (lede_sort_t)9, 0), LEDE_MISUSE);
	CHECK_INT(lede_query_set_dates(q, 10, 5), LEDE_MISUSE);
	CHECK_INT(lede_query_add_filter(NULL, LEDE_FIELD_SECTION, "x"),
		  LEDE_MISUSE);
	lede_query_free(q);
}

static void november(lede_query_t *q)
{
	int64_t from, to;

	lede_query_set_sort(q, LEDE_SORT_OLDEST, 0);
	CHECK_INT(lede_date_parse("2023-11-01", LEDE_NTS, &from), LEDE_OK);
	CHECK_INT(lede_date_parse("2023-11-30T23:59:59Z", LEDE_NTS, &to),
		  LEDE_OK);
	CHECK_INT(lede_query_set_dates(q, from, to), LEDE_OK);
}

static void since_2024(lede_query_t *q)
{
	int64_t from;

	lede_query_set_sort(q, LEDE_SORT_OLDEST, 0);
	CHECK_INT(lede_date_parse("2024-01-01", LEDE_NTS, &from), LEDE_OK);
	CHECK_INT(lede_query_set_dates(q, from, LEDE_NO_DATE), LEDE_OK);
}

static void test_dates(lede_db_t *db)
{
	lede_query_t *q = NULL;
	lede_results_t *r = run(db, "harbour", november, &q);

	CHECK_STR(ids(r), "a1 a2 a3");
	done(q, r);
	r = run(db, "harbour", since_2024, &q);
	CHECK_STR(ids(r), "a5 a6");
	done(q, r);
}

static void newest(lede_query_t *q)
{
	CHECK_INT(lede_query_set_sort(q, LEDE_SORT_NEWEST, 0), LEDE_OK);
}

static void oldest(lede_query_t *q)
{
	CHECK_INT(lede_query_set_sort(q, LEDE_SORT_OLDEST, 0), LEDE_OK);
}

static void recency(lede_query_t *q)
{
	/* A one-day half-life: age dominates any score difference here. */
	CHECK_INT(lede_query_set_sort(q, LEDE_SORT_RECENCY, 86400), LEDE_OK);
}

static void test_sort(lede_db_t *db)
{
	lede_query_t *q = NULL;
	lede_results_t *r = run(db, "harbour", newest, &q);

	/* Undated articles last, whichever way. */
	CHECK_STR(ids(r), "a6 a5 a4 a3 a2 a1 a8 a7");
	done(q, r);
	r = run(db, "harbour", oldest, &q);
	CHECK_STR(ids(r), "a8 a1 a2 a3 a4 a5 a6 a7");
	done(q, r);
	r = run(db, "storm", recency, &q);
	CHECK_STR(ids(r), "a5 a4 a3 a2 a1");
	done(q, r);
}

static void no_suggest(lede_query_t *q)
{
	CHECK_INT(lede_query_set_suggest(q, 0), LEDE_OK);
}

static void test_suggest(lede_db_t *db)
{
	lede_query_t *q = NULL;
	lede_results_t *r = run(db, "harbur AND storm section:news", NULL, &q);

	/* Only the word in no article changes; the rest stays as typed. */
	CHECK_STR(lede_results_suggestion(r), "harbour AND storm section:news");
	done(q, r);
	r = run(db, "harbour storm", NULL, &q);
	CHECK(lede_results_suggestion(r) == NULL);
	done(q, r);
	r = run(db, "harbur", no_suggest, &q);
	CHECK(lede_results_suggestion(r) == NULL);
	done(q, r);
	CHECK(lede_results_suggestion(NULL) == NULL);
}

int main(int argc, char **argv)
{
	lede_db_t *db = NULL;

	snprintf(path, sizeof path, "%s/refine.lede",
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
		test_facets(db);
		test_filter_lifted(db);
		test_filters(db);
		test_dates(db);
		test_sort(db);
		test_suggest(db);
	}
	lede_db_close(db);
	return CHECK_DONE();
}
