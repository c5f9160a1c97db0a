/* test_shards.c: shard sets, several indexes as one, and compaction,
 * through include/lede.h only.
 * SPDX-License-Identifier: MIT
 */
#define _POSIX_C_SOURCE 200809L

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "lede.h"

static char dir[4096];
static char set_path[4200], one_path[4200], stub_path[4200];

static int
contains(const char *hay, const char *needle)
{
	return hay && strstr(hay, needle) != NULL;
}

/* Six articles over three months and no date; the same into any db. */
static void
add_articles(lede_db_t *db)
{
	static const struct {
		const char *id, *headline, *section, *date;
	} articles[] = {
		{ "o1", "Harbour wall repaired", "local", "2023-10-02" },
		{ "o2", "Harbour fees rise again", "business", "2023-10-30" },
		{ "n1", "Harbour ferry returns", "local", "2023-11-12" },
		{ "d1", "Harbour lights at Christmas", "culture",
		  "2023-12-24" },
		{ "d2", "Storm closes the harbour", "local", "2023-12-27" },
		{ "u1", "Harbour history, undated", "culture", NULL },
	};
	for (size_t i = 0; i < sizeof articles / sizeof *articles; i++) {
		lede_article_t a = { 0 };
		a.id = articles[i].id;
		a.headline = articles[i].headline;
		a.body = "News from the harbour and the town around it.";
		a.section = articles[i].section;
		a.date = LEDE_NO_DATE;
		if (articles[i].date)
			CHECK_INT(lede_date_parse(articles[i].date, LEDE_NTS,
						  &a.date),
				  LEDE_OK);
		CHECK_INT(lede_db_add(db, &a), LEDE_OK);
	}
}

/* The ids of a search, in order, joined by spaces, and the section facet
 * as "value:count ...". */
static void
search(lede_db_t *db, lede_sort_t sort, char *ids, char *facet, size_t size)
{
	lede_query_t *q = NULL;
	lede_results_t *r = NULL;
	ids[0] = facet[0] = '\0';
	CHECK_INT(lede_query_new(db, "harbour", LEDE_NTS, &q), LEDE_OK);
	CHECK_INT(lede_query_set_sort(q, sort, 0), LEDE_OK);
	CHECK_INT(lede_query_add_facet(q, LEDE_FIELD_SECTION, 0), LEDE_OK);
	CHECK_INT(lede_query_set_limit(q, 20), LEDE_OK);
	CHECK_INT(lede_query_run(q, &r), LEDE_OK);
	while (r && lede_results_next(r) == LEDE_OK) {
		size_t n = strlen(ids);
		snprintf(ids + n, size - n, "%s%s", n ? " " : "",
			 lede_results_field(r, LEDE_FIELD_ID, 0));
	}
	const char *value;
	uint64_t count;
	for (size_t i = 0; r && lede_results_facet(r, LEDE_FIELD_SECTION, i,
						   &value, &count) == LEDE_OK;
	     i++) {
		size_t n = strlen(facet);
		snprintf(facet + n, size - n, "%s%s:%llu", n ? " " : "", value,
			 (unsigned long long)count);
	}
	lede_results_free(r);
	lede_query_free(q);
}

static void
test_sharded(void)
{
	lede_db_t *db = NULL;
	char *err = NULL;
	CHECK_INT(lede_db_open_sharded(set_path, LEDE_SHARD_MONTH, &db, &err),
		  LEDE_OK);
	CHECK(err == NULL);
	if (!db)
		return;
	add_articles(db);
	/* A writer searches what it wrote, over every shard. */
	uint64_t n = 0;
	CHECK_INT(lede_db_count(db, &n), LEDE_OK);
	CHECK_INT(n, 6);
	CHECK_INT(lede_db_close(db), LEDE_OK);

	/* The folders: one per month, one for the undated. */
	const char *shards[] = { "2023-10", "2023-11", "2023-12", "undated",
				 "XAPIANDB", "files" };
	for (size_t i = 0; i < sizeof shards / sizeof *shards; i++) {
		char p[4400];
		struct stat sb;
		snprintf(p, sizeof p, "%s/%s", set_path, shards[i]);
		CHECK(stat(p, &sb) == 0);
	}

	/* The same articles as one index give the same answers. */
	CHECK_INT(lede_db_open(one_path, LEDE_OPEN_CREATE, &db, NULL),
		  LEDE_OK);
	if (db) {
		add_articles(db);
		CHECK_INT(lede_db_close(db), LEDE_OK);
	}
	lede_db_t *one = NULL, *set = NULL;
	CHECK_INT(lede_db_open(one_path, LEDE_OPEN_READ, &one, NULL), LEDE_OK);
	CHECK_INT(lede_db_open(set_path, LEDE_OPEN_READ, &set, NULL), LEDE_OK);
	char ids1[512], ids2[512], f1[512], f2[512];
	if (one && set) {
		search(one, LEDE_SORT_NEWEST, ids1, f1, sizeof ids1);
		search(set, LEDE_SORT_NEWEST, ids2, f2, sizeof ids2);
		CHECK_STR(ids1, "d2 d1 n1 o2 o1 u1");
		CHECK_STR(ids2, ids1);
		CHECK_STR(f1, "local:3 culture:2 business:1");
		CHECK_STR(f2, f1);
		search(one, LEDE_SORT_RELEVANCE, ids1, f1, sizeof ids1);
		search(set, LEDE_SORT_RELEVANCE, ids2, f2, sizeof ids2);
		CHECK_STR(ids2, ids1);
		lede_stats_t *st = NULL;
		CHECK_INT(lede_stats_new(set, 3, &st), LEDE_OK);
		CHECK_INT(lede_stats_get(st, LEDE_STAT_SHARDS), 4);
		CHECK_INT(lede_stats_get(st, LEDE_STAT_ARTICLES), 6);
		lede_stats_free(st);
		CHECK_INT(lede_stats_new(one, 3, &st), LEDE_OK);
		CHECK_INT(lede_stats_get(st, LEDE_STAT_SHARDS), 1);
		lede_stats_free(st);
	}
	lede_db_close(set);

	/* Both as one (a stub, and two paths): each article twice. */
	const char *both[] = { one_path, set_path };
	CHECK_INT(lede_db_open_combined(both, 2, &db, NULL), LEDE_OK);
	n = 0;
	if (db)
		CHECK_INT(lede_db_count(db, &n), LEDE_OK);
	CHECK_INT(n, 12);
	lede_db_close(db);
	FILE *f = fopen(stub_path, "w");
	CHECK(f != NULL);
	if (f) {
		fprintf(f, "# both\nauto one\nauto %s\n", set_path);
		fclose(f);
	}
	CHECK_INT(lede_db_open(stub_path, LEDE_OPEN_READ, &db, NULL), LEDE_OK);
	n = 0;
	if (db)
		CHECK_INT(lede_db_count(db, &n), LEDE_OK);
	CHECK_INT(n, 12);
	lede_db_close(db);

	/* What cannot be written to, and wrong arguments. */
	CHECK_INT(lede_db_open(stub_path, LEDE_OPEN_WRITE, &db, &err),
		  LEDE_MISUSE);
	CHECK(db == NULL);
	CHECK(contains(err, "stub or remote"));
	lede_free(err);
	err = NULL;
	CHECK_INT(lede_db_open(set_path,
			       (lede_open_flags_t)(LEDE_OPEN_WRITE |
						   LEDE_OPEN_NO_SYNC),
			       &db, &err),
		  LEDE_MISUSE);
	CHECK(db == NULL);
	CHECK(contains(err, "shard set"));
	lede_free(err);
	err = NULL;
	CHECK_INT(lede_db_open_sharded(one_path, LEDE_SHARD_MONTH, &db, &err),
		  LEDE_MISUSE);
	CHECK(contains(err, "single index"));
	lede_free(err);
	err = NULL;
	CHECK_INT(lede_db_open_sharded(set_path, LEDE_SHARD_YEAR, &db, &err),
		  LEDE_MISUSE);
	CHECK(contains(err, "by month, not by year"));
	lede_free(err);
	err = NULL;
	CHECK_INT(lede_db_open_sharded(set_path, (lede_shard_unit_t)9, &db,
				       &err),
		  LEDE_MISUSE);
	lede_free(err);
	err = NULL;
	CHECK_INT(lede_db_open_sharded(NULL, LEDE_SHARD_DAY, &db, NULL),
		  LEDE_MISUSE);
	CHECK_INT(lede_db_open_sharded(set_path, LEDE_SHARD_MONTH, NULL,
				       NULL),
		  LEDE_MISUSE);
	CHECK_INT(lede_db_open_combined(both, 0, &db, &err), LEDE_MISUSE);
	CHECK(contains(err, "no index path"));
	lede_free(err);
	err = NULL;
	CHECK_INT(lede_db_open_combined(NULL, 1, &db, NULL), LEDE_MISUSE);
	const char *missing[] = { one_path, "tcp://127.0.0.1:1" };
	CHECK_INT(lede_db_open_combined(missing, 2, &db, &err),
		  LEDE_NO_INDEX);
	CHECK(contains(err, "tcp://127.0.0.1:1"));
	lede_free(err);
	err = NULL;
	const char *bad[] = { "tcp://127.0.0.1" };
	CHECK_INT(lede_db_open_combined(bad, 1, &db, &err), LEDE_BAD_INPUT);
	lede_free(err);

	/* A second writer of the set is refused at once. */
	lede_db_t *w1 = NULL, *w2 = NULL;
	CHECK_INT(lede_db_open(set_path, LEDE_OPEN_WRITE, &w1, NULL), LEDE_OK);
	CHECK_INT(lede_db_open_sharded(set_path, LEDE_SHARD_MONTH, &w2, &err),
		  LEDE_LOCKED);
	CHECK(contains(err, "locked"));
	lede_free(err);
	err = NULL;
	/* Nor can it be compacted meanwhile. */
	CHECK_INT(lede_db_compact(set_path, NULL, NULL, NULL, NULL, &err),
		  LEDE_LOCKED);
	lede_free(err);
	CHECK_INT(lede_db_close(w1), LEDE_OK);
	lede_db_close(one);
}

typedef struct progress {
	unsigned calls;
	int named_index;
} progress_t;

static void
on_progress(void *ctx, const char *index, const char *table,
	    const char *status)
{
	progress_t *p = ctx;
	p->calls++;
	p->named_index |= index && table && status &&
			  strstr(index, "one") != NULL;
}

/* A reader open across compaction answers the same, from the new files. */
static void
test_compact(void)
{
	lede_db_t *reader = NULL;
	CHECK_INT(lede_db_open(one_path, LEDE_OPEN_READ, &reader, NULL),
		  LEDE_OK);
	if (!reader)
		return;
	char ids1[512], ids2[512], f1[512], f2[512];
	search(reader, LEDE_SORT_RELEVANCE, ids1, f1, sizeof ids1);
	progress_t p = { 0, 0 };
	uint64_t before = 0, after = 0;
	char *err = NULL;
	CHECK_INT(lede_db_compact(one_path, on_progress, &p, &before, &after,
				  &err),
		  LEDE_OK);
	CHECK(err == NULL);
	CHECK(p.calls > 0);
	CHECK(p.named_index);
	CHECK(before > 0 && after > 0 && after <= before);
	search(reader, LEDE_SORT_RELEVANCE, ids2, f2, sizeof ids2);
	CHECK_STR(ids2, ids1);
	CHECK_STR(f2, f1);
	uint64_t n = 0;
	CHECK_INT(lede_db_count(reader, &n), LEDE_OK);
	CHECK_INT(n, 6);
	/* Nothing is left beside it. */
	char left[4400];
	struct stat sb;
	snprintf(left, sizeof left, "%s.lede-compact", one_path);
	CHECK(stat(left, &sb) != 0);
	lede_db_close(reader);

	/* A shard set: every shard, and the writer goes on after. */
	CHECK_INT(lede_db_compact(set_path, NULL, NULL, NULL, NULL, NULL),
		  LEDE_OK);
	lede_db_t *db = NULL;
	CHECK_INT(lede_db_open(set_path, LEDE_OPEN_WRITE, &db, NULL), LEDE_OK);
	if (db) {
		lede_article_t a = { 0 };
		a.id = "n2";
		a.headline = "Harbour quiet in November";
		a.date = 1700000000; /* 2023-11-14 */
		CHECK_INT(lede_db_add(db, &a), LEDE_OK);
		CHECK_INT(lede_db_count(db, &n), LEDE_OK);
		CHECK_INT(n, 7);
		CHECK_INT(lede_db_close(db), LEDE_OK);
	}

	CHECK_INT(lede_db_compact(stub_path, NULL, NULL, NULL, NULL, &err),
		  LEDE_MISUSE);
	lede_free(err);
	CHECK_INT(lede_db_compact(NULL, NULL, NULL, NULL, NULL, NULL),
		  LEDE_MISUSE);
	char nowhere[4400];
	snprintf(nowhere, sizeof nowhere, "%s/nowhere", dir);
	CHECK_INT(lede_db_compact(nowhere, NULL, NULL, NULL, NULL, NULL),
		  LEDE_NO_INDEX);
}

int
main(int argc, char **argv)
{
	snprintf(dir, sizeof dir, "%s/lede-shards-XXXXXX",
		 argc > 1 ? argv[1] : "/tmp");
	if (!mkdtemp(dir)) {
		perror("mkdtemp");
		return 1;
	}
	snprintf(set_path, sizeof set_path, "%s/set", dir);
	snprintf(one_path, sizeof one_path, "%s/one", dir);
	snprintf(stub_path, sizeof stub_path, "%s/both.stub", dir);
	test_sharded();
	test_compact();
	char cmd[4200];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", dir);
	return CHECK_DONE();
}
