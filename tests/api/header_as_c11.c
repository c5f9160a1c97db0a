/* header_as_c11.c: lede.h compiles as strict C11 and is usable as such.
 * SPDX-License-Identifier: MIT
 *
 * Built with -std=c11 -Wall -Wextra -pedantic -Werror whatever the rest of
 * the build uses, and included by header_as_cxx.cc to be built again as
 * C++: so it is written in the language the two share (no designated
 * initialisers, no implicit conversions from void *). It runs the
 * header's worked example, and a parse with callbacks, on the index named
 * by its argument; exit status 0 when the answers are right.
 */
#include <stdio.h>
#include <string.h>

#include "lede.h"

static int failures;

static void
expect(int ok, const char *what)
{
	if (!ok) {
		fprintf(stderr, "header_as: FAIL: %s\n", what);
		failures++;
	}
}

static int
count_article(void *ctx, const lede_article_t *article)
{
	unsigned *n = (unsigned *)ctx;
	(*n)++;
	return article->headline ? 0 : 1;
}

static void
ignore_warning(void *ctx, const char *where, const char *message)
{
	(void)ctx;
	(void)where;
	(void)message;
}

static int
run_example(const char *path)
{
	/* The worked example at the top of lede.h. */
	lede_db_t *db;
	char *err = NULL;
	if (lede_db_open(path, LEDE_OPEN_CREATE, &db, &err) != LEDE_OK) {
		fprintf(stderr, "%s\n", err);
		lede_free(err);
		return 1;
	}
	/* Zeroed as the header asks: { 0 } in C; g++ -Wextra warns about
	 * every member { 0 } leaves out, so C++ writes {}. */
#ifdef __cplusplus
	lede_article_t a = {};
#else
	lede_article_t a = { 0 };
#endif
	const char *const authors[] = { "Jane Doe" };
	a.id = "business/001.txt";
	a.headline = "Ad sales boost Time Warner profit";
	a.body = "Quarterly profits at US media giant TimeWarner jumped 76%.";
	a.authors = authors;
	a.n_authors = 1;
	a.section = "business";
	a.date = LEDE_NO_DATE;
	expect(lede_db_add(db, &a) == LEDE_OK, "lede_db_add");
	expect(lede_db_close(db) == LEDE_OK, "lede_db_close commits");

	expect(lede_db_open(path, LEDE_OPEN_READ, &db, NULL) == LEDE_OK,
	       "lede_db_open to read");
	lede_query_t *q;
	lede_results_t *r;
	expect(lede_query_new(db, "time warner profits", LEDE_NTS, &q) ==
		       LEDE_OK,
	       "lede_query_new");
	lede_query_set_limit(q, 10);
	lede_query_add_facet(q, LEDE_FIELD_SECTION, 0);
	unsigned hits = 0;
	if (lede_query_run(q, &r) == LEDE_OK) {
		while (lede_results_next(r) == LEDE_OK) {
			hits++;
			expect(lede_results_rank(r) == hits, "ranks count");
			const char *h =
				lede_results_field(r, LEDE_FIELD_HEADLINE, 0);
			expect(h && !strcmp(h, a.headline), "the headline");
		}
		const char *value = NULL;
		uint64_t count = 0;
		expect(lede_results_facet(r, LEDE_FIELD_SECTION, 0, &value,
					  &count) == LEDE_OK &&
			       !strcmp(value, "business") && count == 1,
		       "the section facet");
		lede_results_free(r);
	}
	expect(hits == 1, "one hit");
	lede_query_free(q);
	lede_db_close(db);

	/* A parse with callbacks, as a C program writes them. */
	static const char text[] = "A headline\n\nA body of words.\n";
	unsigned articles = 0;
	expect(lede_parse_buffer("a.txt", text, sizeof text - 1,
				 LEDE_FORMAT_TEXT, count_article,
				 ignore_warning, &articles) == LEDE_OK &&
		       articles == 1,
	       "lede_parse_buffer");

	/* The version macros agree with each other and with the library. */
	char version[32];
	snprintf(version, sizeof version, "%d.%d.%d", LEDE_VERSION_MAJOR,
		 LEDE_VERSION_MINOR, LEDE_VERSION_PATCH);
	expect(!strcmp(version, LEDE_VERSION_STRING),
	       "LEDE_VERSION_STRING is MAJOR.MINOR.PATCH");
	expect(!strcmp(lede_version(), LEDE_VERSION_STRING),
	       "lede_version() is LEDE_VERSION_STRING");
	return failures != 0;
}

#ifndef HEADER_AS_NO_MAIN
int
main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: header_as_c11 INDEX\n");
		return 2;
	}
	return run_example(argv[1]);
}
#endif
