/* test_expand.c: articles like an article (lede_query_set_like) and the
 * significant values of a field (lede_query_add_significant), through
 * include/lede.h only.
 * SPDX-License-Identifier: MIT
 *
 * Articles of our own: three about one eruption in Iceland (v1..v3), two
 * more about flights elsewhere, and a background of other stories, most of
 * them in France, so that Iceland is frequent among the flight stories and
 * rare elsewhere, while France is common everywhere.
 */
#define _POSIX_C_SOURCE 200809L

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "lede.h"

static char path[4200];

struct fixture {
	const char *id, *section, *headline, *body;
	const char *places[3];
	const char *orgs[2];
};

static const struct fixture articles[] = {
	{"v1", "world", "Volcano erupts near Reykjavik",
	 "Lava poured from the volcano overnight and an ash cloud drifted "
	 "east. Airlines grounded flights as the eruption grew; geologists "
	 "said the magma chamber was still filling.",
	 {"Iceland", NULL}, {"Icelandic Met Office", NULL}},
	{"v2", "world", "Ash cloud from Icelandic volcano grounds flights",
	 "The eruption sent volcanic ash high over the north Atlantic. "
	 "Geologists watching the lava and magma expect the volcano to stay "
	 "active for weeks.",
	 {"Iceland", "United Kingdom", NULL}, {"Icelandic Met Office", NULL}},
	{"v3", "science", "Geologists map the magma under the volcano",
	 "Readings of the magma chamber show why the eruption began, and why "
	 "lava and ash keep coming from the volcano near Reykjavik.",
	 {"Iceland", NULL}, {NULL}},
	{"f1", "business", "Strike cancels flights at Paris airports",
	 "Air traffic controllers walked out and hundreds of flights were "
	 "cancelled on Friday.",
	 {"France", NULL}, {NULL}},
	{"f2", "business", "Cheap flights return to Madrid",
	 "Budget airlines added flights to Madrid for the summer season.",
	 {"Spain", NULL}, {NULL}},
	{"b1", "politics", "Paris council votes on housing",
	 "The council approved new housing near the river after a long "
	 "debate.",
	 {"France", NULL}, {NULL}},
	{"b2", "culture", "Lyon opens a new museum",
	 "The museum shows paintings from the city's past.",
	 {"France", NULL}, {NULL}},
	{"b3", "sport", "Marseille win the cup",
	 "The team won the final with a late goal.",
	 {"France", NULL}, {NULL}},
	{"b4", "business", "Wine exports rise",
	 "Exports of wine from Bordeaux rose this year.",
	 {"France", NULL}, {NULL}},
	{"b5", "science", "Rain record broken in Berlin",
	 "The city had its wettest month since records began.",
	 {"Germany", NULL}, {NULL}},
	{"b6", "politics", "Bakers protest in Toulouse",
	 "Bakers marched to protest against rising flour prices.",
	 {"France", NULL}, {NULL}},
};
#define N_ARTICLES (sizeof articles / sizeof articles[0])

static size_t count_list(const char *const *v, size_t max)
{
	size_t n = 0;

	while (n < max && v[n])
		n++;
	return n;
}

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
		a.section = f->section;
		a.language = "en";
		a.date = LEDE_NO_DATE;
		a.places = f->places;
		a.n_places = count_list(f->places, 3);
		a.orgs = f->orgs;
		a.n_orgs = count_list(f->orgs, 2);
		CHECK_INT(lede_db_add(db, &a), LEDE_OK);
	}
	CHECK_INT(lede_db_close(db), LEDE_OK);
}

/* The ids of r's hits, in order, separated by spaces. */
static const char *ids(lede_results_t *r)
{
	static char buf[512];

	buf[0] = '\0';
	while (r && lede_results_next(r) == LEDE_OK) {
		if (buf[0])
			strcat(buf, " ");
		strcat(buf, lede_results_field(r, LEDE_FIELD_ID, 0));
	}
	return buf;
}

/* The significant values of field, "value value ...", best first; each
 * score is checked to be positive and not above the one before. */
static const char *significant(lede_results_t *r, lede_field_t field)
{
	static char buf[512];
	const char *v;
	double score, prev = 1e300;
	size_t i;
	lede_status_t st;

	buf[0] = '\0';
	for (i = 0; (st = lede_results_significant(r, field, i, &v,
						   &score)) == LEDE_OK;
	     i++) {
		size_t at = strlen(buf);

		CHECK(score > 0 && score <= prev);
		prev = score;
		snprintf(buf + at, sizeof buf - at, "%s%s", at ? "|" : "", v);
	}
	CHECK_INT(st, LEDE_DONE);
	return buf;
}

/* A query for text, like `like` (NULL: none), run; NULL on failure. */
static lede_results_t *run(lede_db_t *db, const char *text, const char *like,
			   lede_query_t **qout)
{
	lede_query_t *q = NULL;
	lede_results_t *r = NULL;

	*qout = NULL;
	CHECK_INT(lede_query_new(db, text, LEDE_NTS, &q), LEDE_OK);
	if (!q)
		return NULL;
	lede_query_set_limit(q, 20);
	if (like)
		CHECK_INT(lede_query_set_like(q, like), LEDE_OK);
	*qout = q;
	CHECK_INT(lede_query_run(q, &r), LEDE_OK);
	return r;
}

static void done(lede_query_t *q, lede_results_t *r)
{
	lede_results_free(r);
	lede_query_free(q);
}

static void test_like(lede_db_t *db)
{
	lede_query_t *q;
	lede_results_t *r = run(db, "", "v1", &q);
	const char *got = ids(r);

	/* The two other eruption stories first, then the flight stories
	 * (they share "flights", f2 "airlines" too); never v1 itself, nor
	 * the articles that share no telling word with it (stopwords such
	 * as "the" do not count). */
	CHECK(!strncmp(got, "v2 v3", 5) || !strncmp(got, "v3 v2", 5));
	CHECK(strstr(got, "f2 f1") != NULL);
	CHECK(!strstr(got, "v1"));
	CHECK(!strstr(got, "b2") && !strstr(got, "b3") && !strstr(got, "b4"));
	done(q, r);

	/* From another of the three, the same pair is found. */
	r = run(db, "   ", "v3", &q);
	got = ids(r);
	CHECK(!strncmp(got, "v1 v2", 5) || !strncmp(got, "v2 v1", 5));
	CHECK(!strstr(got, "v3"));
	done(q, r);

	/* With text: the text must match, likeness ranks. */
	r = run(db, "flights", "v1", &q);
	CHECK_STR(ids(r), "v2 f2 f1");
	done(q, r);

	/* Filters and facets still apply. */
	{
		lede_query_t *fq = NULL;
		lede_results_t *fr = NULL;
		const char *v;
		uint64_t n;

		CHECK_INT(lede_query_new(db, "", 0, &fq), LEDE_OK);
		CHECK_INT(lede_query_set_like(fq, "v1"), LEDE_OK);
		CHECK_INT(lede_query_add_filter(fq, LEDE_FIELD_SECTION,
						"world"), LEDE_OK);
		CHECK_INT(lede_query_add_facet(fq, LEDE_FIELD_PLACE, 0),
			  LEDE_OK);
		CHECK_INT(lede_query_run(fq, &fr), LEDE_OK);
		CHECK_INT(lede_results_facet(fr, LEDE_FIELD_PLACE, 0, &v, &n),
			  LEDE_OK);
		CHECK_STR(v, "Iceland");
		CHECK_INT(n, 1);
		CHECK_STR(ids(fr), "v2");
		done(fq, fr);
	}
}

static void test_like_errors(lede_db_t *db)
{
	lede_query_t *q = NULL;
	lede_results_t *r = (lede_results_t *)1;

	CHECK_INT(lede_query_set_like(NULL, "v1"), LEDE_MISUSE);
	CHECK_INT(lede_query_new(db, "", LEDE_NTS, &q), LEDE_OK);
	if (!q)
		return;
	CHECK_INT(lede_query_set_like(q, NULL), LEDE_MISUSE);
	CHECK_INT(lede_query_set_like(q, ""), LEDE_MISUSE);

	/* Empty text without --like has nothing to rank by. */
	CHECK_INT(lede_query_run(q, &r), LEDE_BAD_QUERY);
	CHECK(r == NULL);
	CHECK(strstr(lede_query_errmsg(q), "empty query") != NULL);

	/* An id no article has is named in the message. */
	CHECK_INT(lede_query_set_like(q, "no/such-article"), LEDE_OK);
	CHECK_INT(lede_query_run(q, &r), LEDE_BAD_QUERY);
	CHECK(r == NULL);
	CHECK(strstr(lede_query_errmsg(q), "'no/such-article'") != NULL);

	/* Setting it again replaces it; the query runs again. */
	CHECK_INT(lede_query_set_like(q, "v2"), LEDE_OK);
	CHECK_INT(lede_query_run(q, &r), LEDE_OK);
	CHECK(!strstr(ids(r), "v2"));
	lede_results_free(r);
	lede_query_free(q);
}

static void test_significant(lede_db_t *db)
{
	lede_query_t *q = NULL;
	lede_results_t *r = NULL;
	const char *v;
	double score;

	/* Iceland is in three of the five flight stories and nowhere else;
	 * France is in one of them and in most of the rest. */
	CHECK_INT(lede_query_new(db, "flights OR lava", LEDE_NTS, &q),
		  LEDE_OK);
	if (!q)
		return;
	CHECK_INT(lede_query_add_significant(q, LEDE_FIELD_PLACE, 0),
		  LEDE_OK);
	CHECK_INT(lede_query_add_significant(q, LEDE_FIELD_ORG, 5), LEDE_OK);
	CHECK_INT(lede_query_add_significant(q, LEDE_FIELD_SECTION, 1),
		  LEDE_OK);
	/* Only the first page is shown: the values come from more. */
	CHECK_INT(lede_query_set_limit(q, 1), LEDE_OK);
	CHECK_INT(lede_query_run(q, &r), LEDE_OK);
	{
		const char *places = significant(r, LEDE_FIELD_PLACE);

		/* Display forms, best first; France not at all. */
		CHECK(!strncmp(places, "Iceland|", 8) ||
		      !strcmp(places, "Iceland"));
		CHECK(!strstr(places, "France"));
		CHECK(!strstr(places, "Germany"));
	}
	CHECK_STR(significant(r, LEDE_FIELD_ORG), "Icelandic Met Office");
	/* One asked for. */
	CHECK_STR(significant(r, LEDE_FIELD_SECTION), "world");
	CHECK_INT(lede_results_significant(r, LEDE_FIELD_TAG, 0, &v, &score),
		  LEDE_MISUSE);
	CHECK_INT(lede_results_significant(r, LEDE_FIELD_PLACE, 0, NULL,
					   &score),
		  LEDE_MISUSE);
	CHECK_INT(lede_results_significant(r, LEDE_FIELD_PLACE, 0, &v, NULL),
		  LEDE_MISUSE);
	CHECK_INT(lede_results_significant(NULL, LEDE_FIELD_PLACE, 0, &v,
					   &score),
		  LEDE_MISUSE);
	CHECK_INT(lede_results_significant(r, LEDE_FIELD_PLACE, 99, &v,
					   &score),
		  LEDE_DONE);
	lede_results_free(r);

	/* A value the query filters on is over-represented by
	 * construction, and left out. */
	CHECK_INT(lede_query_add_filter(q, LEDE_FIELD_PLACE, "iceland"),
		  LEDE_OK);
	CHECK_INT(lede_query_run(q, &r), LEDE_OK);
	CHECK(!strstr(significant(r, LEDE_FIELD_PLACE), "Iceland"));
	lede_results_free(r);
	lede_query_free(q);

	/* Whatever the sort, the best matches by relevance are weighed. */
	CHECK_INT(lede_query_new(db, "volcano", LEDE_NTS, &q), LEDE_OK);
	CHECK_INT(lede_query_set_sort(q, LEDE_SORT_OLDEST, 0), LEDE_OK);
	CHECK_INT(lede_query_add_significant(q, LEDE_FIELD_PLACE, 1),
		  LEDE_OK);
	CHECK_INT(lede_query_run(q, &r), LEDE_OK);
	CHECK_STR(significant(r, LEDE_FIELD_PLACE), "Iceland");
	lede_results_free(r);
	lede_query_free(q);

	/* No matches: no values. */
	CHECK_INT(lede_query_new(db, "zzzzqqq", LEDE_NTS, &q), LEDE_OK);
	CHECK_INT(lede_query_set_suggest(q, 0), LEDE_OK);
	CHECK_INT(lede_query_add_significant(q, LEDE_FIELD_PLACE, 0),
		  LEDE_OK);
	CHECK_INT(lede_query_run(q, &r), LEDE_OK);
	CHECK_INT(lede_results_significant(r, LEDE_FIELD_PLACE, 0, &v,
					   &score),
		  LEDE_DONE);
	lede_results_free(r);

	/* Fields without whole values to weigh. */
	CHECK_INT(lede_query_add_significant(q, LEDE_FIELD_AUTHOR, 5),
		  LEDE_MISUSE);
	CHECK(strstr(lede_query_errmsg(q), "lede_query_add_significant") !=
	      NULL);
	CHECK_INT(lede_query_add_significant(q, LEDE_FIELD_HEADLINE, 5),
		  LEDE_MISUSE);
	CHECK_INT(lede_query_add_significant(q, (lede_field_t)99, 5),
		  LEDE_MISUSE);
	CHECK_INT(lede_query_add_significant(NULL, LEDE_FIELD_PLACE, 5),
		  LEDE_MISUSE);
	lede_query_free(q);

	/* --like and significant values together. */
	r = run(db, "", "v1", &q);
	CHECK_INT(lede_results_significant(r, LEDE_FIELD_PLACE, 0, &v,
					   &score),
		  LEDE_MISUSE);
	done(q, r);
}

int main(int argc, char **argv)
{
	lede_db_t *db = NULL;

	snprintf(path, sizeof path, "%s/expand.lede",
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
		test_like(db);
		test_like_errors(db);
		test_significant(db);
	}
	lede_db_close(db);
	return CHECK_DONE();
}
