/* test_lazy_libs.c: liblede loads libxml2 and libarchive only when a
 * reader needs them, through include/lede.h only.
 * SPDX-License-Identifier: MIT
 *
 * A program that only searches (one lede-search from the shell) must not
 * pay for mapping the readers' libraries and what they pull in; one that
 * reads a feed or an archive must still get every article. Which
 * libraries are in the process is read from /proc/self/maps.
 *
 * usage: test_lazy_libs SCRATCH FIXTURES (tests/fixtures)
 */
#define _POSIX_C_SOURCE 200809L

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "tar_header.h"
#include "lede.h"

/* 1 when a library whose file name starts with `name` is mapped. */
static int
mapped(const char *name)
{
	FILE *f = fopen("/proc/self/maps", "r");
	char line[4096];
	int found = 0;
	CHECK(f != NULL);
	while (f && !found && fgets(line, sizeof line, f)) {
		const char *slash = strrchr(line, '/');
		found = slash && !strncmp(slash + 1, name, strlen(name));
	}
	if (f)
		fclose(f);
	return found;
}

struct got {
	int articles;
	char id[256];
	char headline[256];
};

static int
on_article(void *ctx, const lede_article_t *a)
{
	struct got *g = ctx;
	if (!g->articles++) {
		snprintf(g->id, sizeof g->id, "%s", a->id ? a->id : "");
		snprintf(g->headline, sizeof g->headline, "%s",
			 a->headline ? a->headline : "");
	}
	return 0;
}

/* Searching, with a facet and a snippet, maps neither library. */
static void
search_alone(const char *scratch)
{
	char path[4096];
	lede_db_t *db = NULL;
	lede_query_t *q = NULL;
	lede_results_t *r = NULL;
	lede_article_t a = { 0 };
	char *snippet = NULL;
	uint64_t total = 0;
	int exact = 0;

	snprintf(path, sizeof path, "%.4000s/lazy.lede", scratch);
	CHECK_INT(lede_db_open(path, LEDE_OPEN_CREATE, &db, NULL), LEDE_OK);
	if (!db)
		return;
	a.id = "harbour-1";
	a.headline = "Harbour reopens after the storm";
	a.body = "The harbour at Scrabster reopened on Monday after the "
		 "storm closed it for a week.";
	a.date = LEDE_NO_DATE;
	a.section = "Business";
	CHECK_INT(lede_db_add(db, &a), LEDE_OK);
	CHECK_INT(lede_db_commit(db), LEDE_OK);
	CHECK_INT(lede_query_new(db, "harbour storm", LEDE_NTS, &q), LEDE_OK);
	if (q) {
		CHECK_INT(lede_query_add_facet(q, LEDE_FIELD_SECTION, 0),
			  LEDE_OK);
		CHECK_INT(lede_query_run(q, &r), LEDE_OK);
	}
	if (r) {
		CHECK_INT(lede_results_total(r, &total, &exact), LEDE_OK);
		CHECK_INT(total, 1);
		CHECK_INT(lede_results_next(r), LEDE_OK);
		CHECK_INT(lede_results_snippet(r, 80, "[", "]", &snippet),
			  LEDE_OK);
		CHECK(snippet && strstr(snippet, "[harbour]"));
		lede_free(snippet);
	}
	lede_results_free(r);
	lede_query_free(q);
	CHECK_INT(lede_db_close(db), LEDE_OK);
	CHECK_INT(mapped("libxml2"), 0);
	CHECK_INT(mapped("libarchive"), 0);
}

/* Reading a feed loads libxml2 (and not libarchive), and reads it. */
static void
read_feed(const char *fixtures)
{
	char path[4096];
	lede_parser_t *p = NULL;
	struct got g = { 0 };

	snprintf(path, sizeof path, "%s/formats/rss2.xml", fixtures);
	CHECK_INT(lede_parser_new(on_article, NULL, &g, &p), LEDE_OK);
	if (!p)
		return;
	CHECK_INT(lede_parser_file(p, path, "rss2.xml"), LEDE_OK);
	CHECK(g.articles > 0);
	CHECK_INT(mapped("libxml2"), 1);
	CHECK_INT(mapped("libarchive"), 0);
	lede_parser_free(p);
}

/* Reading an archive loads libarchive, and gives its member's article. */
static void
read_archive(const char *scratch)
{
	static const char text[] = "Lifeboat crew honoured\n\nThe crew of "
				    "the Thurso lifeboat were honoured for "
				    "a rescue in the Pentland Firth.\n";
	unsigned char block[512];
	char path[4096];
	lede_parser_t *p = NULL;
	struct got g = { 0 };
	FILE *f;

	snprintf(path, sizeof path, "%.4000s/lazy.tar", scratch);
	f = fopen(path, "wb");
	CHECK(f != NULL);
	if (!f)
		return;
	tar_header(block, "news/lifeboat.txt", sizeof text - 1);
	fwrite(block, 1, sizeof block, f);
	memset(block, 0, sizeof block);
	memcpy(block, text, sizeof text - 1);
	fwrite(block, 1, sizeof block, f);
	memset(block, 0, sizeof block);
	fwrite(block, 1, sizeof block, f);
	fwrite(block, 1, sizeof block, f);
	CHECK_INT(fclose(f), 0);

	CHECK_INT(lede_parser_new(on_article, NULL, &g, &p), LEDE_OK);
	if (!p)
		return;
	CHECK_INT(lede_parser_file(p, path, "lazy.tar"), LEDE_OK);
	CHECK_INT(g.articles, 1);
	CHECK_STR(g.id, "lazy.tar/news/lifeboat.txt");
	CHECK_STR(g.headline, "Lifeboat crew honoured");
	CHECK_INT(mapped("libarchive"), 1);
	lede_parser_free(p);
}

int
main(int argc, char **argv)
{
	if (argc < 3) {
		fprintf(stderr, "usage: test_lazy_libs SCRATCH FIXTURES\n");
		return 2;
	}
	/* A folder of its own, so that no index of an earlier run (or
	 * format) is opened. */
	char dir[4096];
	snprintf(dir, sizeof dir, "%.3000s/lazy_libs.XXXXXX", argv[1]);
	if (!mkdtemp(dir)) {
		perror("mkdtemp");
		return 1;
	}
	/* The loader itself (ld.so) names the libraries liblede needs: if
	 * liblede.so named libxml2, it would be mapped before main. */
	search_alone(dir);
	read_feed(argv[2]);
	read_archive(dir);
	return CHECK_DONE();
}
