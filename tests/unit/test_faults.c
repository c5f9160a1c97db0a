/* test_faults.c: every lede call fails cleanly when Xapian fails under it.
 * SPDX-License-Identifier: MIT
 *
 * The binding's test hook makes its Nth call throw; for each N in turn we
 * open, write and search, and check that each call returns a status (no
 * crash, no leak: the suite runs under ASan) and that what was committed
 * before the fault is still there and usable after it.
 */
#define _POSIX_C_SOURCE 200809L

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "lede.h"
#include "xapian-c.h"

static char dir[4096];

static const xc_status_t kinds[] = { XC_XAPIAN, XC_NOMEM, XC_INTERNAL,
				     XC_MODIFIED };

static lede_status_t
add(lede_db_t *db, const char *id, const char *body)
{
	lede_article_t a = { 0 };
	a.id = id;
	a.headline = "Harbour news";
	a.body = body;
	a.date = 1700000000;
	a.section = "Business";
	return lede_db_add(db, &a);
}

/* Open, write and close under a fault; then the index must work. */
static void
fault_while_writing(unsigned n, xc_status_t kind)
{
	char path[4200];
	snprintf(path, sizeof path, "%s/w-%u-%d", dir, n, (int)kind);
	lede_db_t *db = NULL;
	char *msg = NULL;
	xc_fault_inject(n, kind);
	lede_status_t st = lede_db_open(path, LEDE_OPEN_CREATE, &db, &msg);
	CHECK((st == LEDE_OK) == (db != NULL));
	CHECK(st == LEDE_OK || (msg && *msg));
	lede_free(msg);
	if (db) {
		add(db, "a", "ferries and harbours");
		add(db, "b", "harbour walls");
		lede_db_delete(db, "a", LEDE_NTS, NULL);
		lede_db_commit(db);
		lede_db_close(db);
	}
	xc_fault_inject(0, XC_OK);

	/* Whatever happened, the index opens and takes articles now. */
	db = NULL;
	CHECK_INT(lede_db_open(path, LEDE_OPEN_CREATE, &db, &msg), LEDE_OK);
	if (msg) {
		fprintf(stderr, "after fault %u/%d: %s\n", n, (int)kind, msg);
		lede_free(msg);
	}
	CHECK_INT(add(db, "c", "harbour lights"), LEDE_OK);
	CHECK_INT(lede_db_close(db), LEDE_OK);
	CHECK_INT(lede_db_open(path, LEDE_OPEN_READ, &db, NULL), LEDE_OK);
	uint64_t count = 0;
	CHECK_INT(lede_db_count(db, &count), LEDE_OK);
	CHECK(count >= 1);
	lede_db_close(db);
}

/* Write a shard set under a fault: articles over three months, one
 * moved, one deleted; then the set must open, take articles and be
 * searched as one. */
static void
fault_while_sharding(unsigned n, xc_status_t kind)
{
	char path[4200];
	snprintf(path, sizeof path, "%s/s-%u-%d", dir, n, (int)kind);
	lede_db_t *db = NULL;
	char *msg = NULL;
	xc_fault_inject(n, kind);
	lede_status_t st = lede_db_open_sharded(path, LEDE_SHARD_MONTH, &db,
						&msg);
	CHECK((st == LEDE_OK) == (db != NULL));
	CHECK(st == LEDE_OK || (msg && *msg));
	lede_free(msg);
	msg = NULL;
	if (db) {
		static const int64_t dates[] = { 1696118400, 1698796800,
						 1701388800, LEDE_NO_DATE };
		for (int i = 0; i < 4; i++) {
			lede_article_t a = { 0 };
			char id[8];
			snprintf(id, sizeof id, "m%d", i);
			a.id = id;
			a.headline = "Harbour news";
			a.body = "ferries and harbours";
			a.date = dates[i];
			lede_db_add(db, &a);
		}
		add(db, "m0", "moved to November"); /* 1700000000 */
		lede_db_delete(db, "m1", LEDE_NTS, NULL);
		lede_db_commit(db);
		lede_db_close(db);
	}
	xc_fault_inject(0, XC_OK);

	db = NULL;
	CHECK_INT(lede_db_open_sharded(path, LEDE_SHARD_MONTH, &db, &msg),
		  LEDE_OK);
	if (msg) {
		fprintf(stderr, "after fault %u/%d: %s\n", n, (int)kind, msg);
		lede_free(msg);
	}
	CHECK_INT(add(db, "c", "harbour lights"), LEDE_OK);
	CHECK_INT(lede_db_close(db), LEDE_OK);
	CHECK_INT(lede_db_open(path, LEDE_OPEN_READ, &db, NULL), LEDE_OK);
	uint64_t count = 0;
	CHECK_INT(lede_db_count(db, &count), LEDE_OK);
	CHECK(count >= 1);
	lede_db_close(db);
}

/* Compact under a fault: whatever happens, the index is there, whole. */
static void
fault_while_compacting(const char *path, unsigned n, xc_status_t kind)
{
	char *msg = NULL;
	xc_fault_inject(n, kind);
	lede_status_t st = lede_db_compact(path, NULL, NULL, NULL, NULL, &msg);
	xc_fault_inject(0, XC_OK);
	CHECK(st == LEDE_OK || (msg && *msg));
	lede_free(msg);
	lede_db_t *db = NULL;
	CHECK_INT(lede_db_open(path, LEDE_OPEN_READ, &db, NULL), LEDE_OK);
	uint64_t count = 0;
	if (db)
		CHECK_INT(lede_db_count(db, &count), LEDE_OK);
	CHECK_INT(count, 30);
	lede_db_close(db);
}

/* Search under a fault: each call gives a status, never a crash. */
static void
fault_while_searching(const char *path, unsigned n, xc_status_t kind)
{
	lede_db_t *db = NULL;
	if (lede_db_open(path, LEDE_OPEN_READ, &db, NULL) != LEDE_OK) {
		CHECK(!"open the search index");
		return;
	}
	xc_fault_inject(n, kind);
	lede_query_t *q = NULL;
	lede_results_t *r = NULL;
	lede_status_t st = lede_query_new(db, "harbour OR \"harbour walls\" "
					      "harb* section:business",
					  LEDE_NTS, &q);
	if (st == LEDE_OK)
		st = lede_query_run(q, &r);
	while (st == LEDE_OK && (st = lede_results_next(r)) == LEDE_OK) {
		/* The body is read on first use: a fault there fails the
		 * snippet or the quote, with a message, not the hit. */
		char *snip = NULL;
		lede_status_t sst = lede_results_snippet(r, 100, "[", "]",
							 &snip);
		CHECK(sst == LEDE_OK ? snip != NULL
				     : !snip && *lede_results_errmsg(r));
		lede_free(snip);
		const char *text, *speaker;
		sst = lede_results_quote(r, 0, &text, &speaker);
		CHECK(sst == LEDE_OK || sst == LEDE_DONE ||
		      (!text && *lede_results_errmsg(r)));
		CHECK(lede_results_field(r, LEDE_FIELD_ID, 0) != NULL);
	}
	CHECK(st == LEDE_OK || st == LEDE_DONE ||
	      *lede_errmsg(db) || (q && *lede_query_errmsg(q)) ||
	      (r && *lede_results_errmsg(r)));
	xc_fault_inject(0, XC_OK);
	lede_results_free(r);
	lede_query_free(q);
	lede_db_close(db);
}

/* --like and --significant under a fault: expand sets, the like
 * article's lookup and the relevance set's documents. */
static void
fault_while_expanding(const char *path, unsigned n, xc_status_t kind)
{
	lede_db_t *db = NULL;
	if (lede_db_open(path, LEDE_OPEN_READ, &db, NULL) != LEDE_OK) {
		CHECK(!"open the search index");
		return;
	}
	xc_fault_inject(n, kind);
	lede_query_t *q = NULL;
	lede_results_t *r = NULL;
	lede_status_t st = lede_query_new(db, n % 2 ? "" : "harbour",
					  LEDE_NTS, &q);
	if (st == LEDE_OK)
		st = lede_query_set_like(q, "h1");
	if (st == LEDE_OK)
		st = lede_query_add_significant(q, LEDE_FIELD_SECTION, 3);
	if (st == LEDE_OK)
		st = lede_query_run(q, &r);
	const char *v;
	double score;
	if (st == LEDE_OK)
		CHECK(lede_results_significant(r, LEDE_FIELD_SECTION, 0, &v,
					       &score) != LEDE_MISUSE);
	while (st == LEDE_OK && (st = lede_results_next(r)) == LEDE_OK)
		CHECK(lede_results_field(r, LEDE_FIELD_ID, 0) != NULL);
	CHECK(st == LEDE_OK || st == LEDE_DONE ||
	      *lede_errmsg(db) || (q && *lede_query_errmsg(q)) ||
	      (r && *lede_results_errmsg(r)));
	xc_fault_inject(0, XC_OK);
	lede_results_free(r);
	lede_query_free(q);
	lede_db_close(db);
}

/* Results as JSON under a fault: lede_results_json reads the page's hits
 * itself, so a fault there gives a status, a message and no text, and
 * leaves the caller's cursor where it was. */
static void
fault_while_rendering(const char *path, unsigned n, xc_status_t kind)
{
	lede_db_t *db = NULL;
	if (lede_db_open(path, LEDE_OPEN_READ, &db, NULL) != LEDE_OK) {
		CHECK(!"open the search index");
		return;
	}
	lede_query_t *q = NULL;
	lede_results_t *r = NULL;
	CHECK_INT(lede_query_new(db, "harbour", LEDE_NTS, &q), LEDE_OK);
	CHECK_INT(lede_query_set_limit(q, 5), LEDE_OK);
	CHECK_INT(lede_query_add_facet(q, LEDE_FIELD_SECTION, 0), LEDE_OK);
	CHECK_INT(lede_query_run(q, &r), LEDE_OK);
	CHECK_INT(lede_results_next(r), LEDE_OK);
	const char *id = lede_results_field(r, LEDE_FIELD_ID, 0);
	char kept[16];
	snprintf(kept, sizeof kept, "%s", id ? id : "");
	xc_fault_inject(n, kind);
	char *json = NULL, *hit = NULL;
	lede_status_t st = lede_results_json(r, LEDE_JSON_PRETTY, &json);
	lede_status_t hst = lede_results_hit_json(r, 0, &hit);
	xc_fault_inject(0, XC_OK);
	CHECK((st == LEDE_OK) == (json != NULL));
	CHECK(st == LEDE_OK || *lede_results_errmsg(r));
	CHECK((hst == LEDE_OK) == (hit != NULL));
	/* A failed read (of a hit, or of a body read on first use) is
	 * said as what it was, not as running out of memory. */
	CHECK(st == LEDE_OK || (st == LEDE_NOMEM) == (kind == XC_NOMEM));
	CHECK(hst == LEDE_OK || (hst == LEDE_NOMEM) == (kind == XC_NOMEM));
	lede_free(json);
	lede_free(hit);
	/* The borrowed id is still the current hit's, and the walk goes on
	 * from it. */
	CHECK_STR(id, kept);
	CHECK_STR(lede_results_field(r, LEDE_FIELD_ID, 0), kept);
	CHECK_INT(lede_results_rank(r), 1);
	CHECK_INT(lede_results_next(r), LEDE_OK);
	CHECK_INT(lede_results_rank(r), 2);
	lede_results_free(r);
	lede_query_free(q);
	lede_db_close(db);
}

int
main(int argc, char **argv)
{
	snprintf(dir, sizeof dir, "%s/lede-faults-XXXXXX",
		 argc > 1 ? argv[1] : "/tmp");
	if (!mkdtemp(dir)) {
		perror("mkdtemp");
		return 1;
	}
	for (size_t k = 0; k < sizeof kinds / sizeof *kinds; k++)
		for (unsigned n = 1; n <= 40; n++)
			fault_while_writing(n, kinds[k]);

	char path[4200];
	snprintf(path, sizeof path, "%s/search", dir);
	lede_db_t *db = NULL;
	CHECK_INT(lede_db_open(path, LEDE_OPEN_CREATE, &db, NULL), LEDE_OK);
	for (int i = 0; i < 30; i++) {
		char id[16];
		snprintf(id, sizeof id, "h%d", i);
		add(db, id, i % 2 ? "harbour walls were rebuilt"
				  : "the harbour master retired");
	}
	CHECK_INT(lede_db_close(db), LEDE_OK);
	for (size_t k = 0; k < sizeof kinds / sizeof *kinds; k++)
		for (unsigned n = 1; n <= 120; n++)
			fault_while_searching(path, n, kinds[k]);
	for (size_t k = 0; k < sizeof kinds / sizeof *kinds; k++)
		for (unsigned n = 1; n <= 80; n++)
			fault_while_expanding(path, n, kinds[k]);
	for (size_t k = 0; k < sizeof kinds / sizeof *kinds; k++)
		for (unsigned n = 1; n <= 24; n++)
			fault_while_rendering(path, n, kinds[k]);
	for (size_t k = 0; k < sizeof kinds / sizeof *kinds; k++)
		for (unsigned n = 1; n <= 12; n++)
			fault_while_compacting(path, n, kinds[k]);
	for (size_t k = 0; k < sizeof kinds / sizeof *kinds; k++)
		for (unsigned n = 1; n <= 60; n++)
			fault_while_sharding(n, kinds[k]);

	char cmd[4300];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", dir);
	return CHECK_DONE();
}
