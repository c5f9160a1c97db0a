/* query_latency.c: lede's query latency in process, through lede.h only.
 * SPDX-License-Identifier: MIT
 *
 * Usage: query_latency [-r rounds] [-F filter-field] [-f facet]...
 *                      [-t day|week|month|year] DB QUERIES
 *
 * Reads the queries (see latency.h), runs them all once to warm the
 * caches, then times each of them `rounds` times (default 3): the time of
 * one query is lede_query_new, lede_query_run, reading every hit of the
 * first page (10, the default) with its headline, reading every value of
 * each facet asked for (-f, at most 10 values each, exact counts) and of
 * the timeline (-t), and freeing it all. A filter query keeps the
 * articles whose filter field (-F, default section) has the query's
 * value. Prints "docs N", then "latency N P50 P95 P99 ZERO" (see
 * latency.h). Default settings otherwise: collapsing of copies and
 * spelling suggestions on, as lede-search has them.
 */
#define _POSIX_C_SOURCE 200809L

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "latency.h"
#include "lede.h"

#define MAX_FACETS 8

/* Where what was read goes, so that the compiler keeps the reads. */
static volatile size_t sink;

typedef struct options {
	unsigned rounds;
	lede_field_t filter_field;
	lede_field_t facets[MAX_FACETS];
	size_t n_facets;
	lede_timeline_t timeline;
} options_t;

static int
parse_timeline(const char *s, lede_timeline_t *out)
{
	static const struct {
		const char *name;
		lede_timeline_t unit;
	} units[] = { { "day", LEDE_TIMELINE_DAY },
		      { "week", LEDE_TIMELINE_WEEK },
		      { "month", LEDE_TIMELINE_MONTH },
		      { "year", LEDE_TIMELINE_YEAR } };
	for (size_t i = 0; i < sizeof units / sizeof units[0]; i++) {
		if (!strcmp(s, units[i].name)) {
			*out = units[i].unit;
			return 0;
		}
	}
	return -1;
}

/* Builds, runs and reads one query. Returns 0 and sets *hits (the number
 * of articles that match), or -1 after printing why. */
static int
run_one(lede_db_t *db, const options_t *o, const bench_query_t *bq,
	uint64_t *hits)
{
	char text[1024];
	int n = snprintf(text, sizeof text,
			 bq->kind == BENCH_PHRASE ? "\"%s\"" : "%s", bq->words);
	if (n < 0 || (size_t)n >= sizeof text) {
		fprintf(stderr, "query_latency: query too long: '%s'\n",
			bq->words);
		return -1;
	}
	lede_query_t *q = NULL;
	lede_results_t *r = NULL;
	lede_status_t st = lede_query_new(db, text, LEDE_NTS, &q);
	if (st != LEDE_OK) {
		fprintf(stderr, "query_latency: query '%s': %s\n", text,
			lede_errmsg(db));
		return -1;
	}
	if (bq->kind == BENCH_FILTER)
		st = lede_query_add_filter(q, o->filter_field, bq->filter);
	for (size_t i = 0; i < o->n_facets && st == LEDE_OK; i++)
		st = lede_query_add_facet(q, o->facets[i], 10);
	if (st == LEDE_OK && o->timeline != LEDE_TIMELINE_NONE)
		st = lede_query_set_timeline(q, o->timeline);
	if (st == LEDE_OK)
		st = lede_query_run(q, &r);
	int exact;
	if (st == LEDE_OK)
		st = lede_results_total(r, hits, &exact);
	/* Read what a caller would show: each hit's headline, each facet
	 * value and period. */
	size_t seen = 0;
	while (st == LEDE_OK && (st = lede_results_next(r)) == LEDE_OK) {
		const char *h = lede_results_field(r, LEDE_FIELD_HEADLINE, 0);
		seen += h ? strlen(h) : 0;
	}
	if (st == LEDE_DONE)
		st = LEDE_OK;
	for (size_t i = 0; i < o->n_facets && st == LEDE_OK; i++) {
		const char *value;
		uint64_t count;
		for (size_t j = 0; (st = lede_results_facet(r, o->facets[i], j,
							    &value, &count)) ==
				   LEDE_OK;
		     j++)
			seen += count;
		if (st == LEDE_DONE)
			st = LEDE_OK;
	}
	if (st == LEDE_OK && o->timeline != LEDE_TIMELINE_NONE) {
		const char *period;
		uint64_t count;
		for (size_t j = 0; (st = lede_results_timeline(r, j, &period,
							       &count)) ==
				   LEDE_OK;
		     j++)
			seen += count;
		if (st == LEDE_DONE)
			st = LEDE_OK;
	}
	if (st != LEDE_OK)
		fprintf(stderr, "query_latency: query '%s': %s: %s\n", text,
			lede_status_str(st),
			r ? lede_results_errmsg(r) : lede_query_errmsg(q));
	lede_results_free(r);
	lede_query_free(q);
	sink += seen;
	return st == LEDE_OK ? 0 : -1;
}

static void
usage(void)
{
	fprintf(stderr,
		"usage: query_latency [-r rounds] [-F filter-field] "
		"[-f facet]... [-t day|week|month|year] DB QUERIES\n");
}

int
main(int argc, char **argv)
{
	options_t o = { 3, LEDE_FIELD_SECTION, { 0 }, 0, LEDE_TIMELINE_NONE };
	int c;
	while ((c = getopt(argc, argv, "r:F:f:t:")) != -1) {
		switch (c) {
		case 'r':
			if (bench_parse_rounds("query_latency", optarg,
					       &o.rounds) != 0)
				return 2;
			break;
		case 'F':
			if (lede_field_parse(optarg, &o.filter_field) !=
			    LEDE_OK) {
				fprintf(stderr, "query_latency: unknown field "
						"'%s'\n", optarg);
				return 2;
			}
			break;
		case 'f':
			if (o.n_facets == MAX_FACETS) {
				fprintf(stderr, "query_latency: at most %d "
						"facets\n", MAX_FACETS);
				return 2;
			}
			if (lede_field_parse(optarg,
					     &o.facets[o.n_facets]) !=
			    LEDE_OK) {
				fprintf(stderr, "query_latency: unknown field "
						"'%s'\n", optarg);
				return 2;
			}
			o.n_facets++;
			break;
		case 't':
			if (parse_timeline(optarg, &o.timeline) != 0) {
				fprintf(stderr, "query_latency: unknown "
						"timeline unit '%s'\n", optarg);
				return 2;
			}
			break;
		default:
			usage();
			return 2;
		}
	}
	if (argc - optind != 2) {
		usage();
		return 2;
	}
	bench_query_t *queries;
	size_t n;
	if (bench_read_queries("query_latency", argv[optind + 1], &queries,
			       &n) != 0)
		return 1;
	lede_db_t *db;
	char *err = NULL;
	if (lede_db_open(argv[optind], LEDE_OPEN_READ, &db, &err) != LEDE_OK) {
		fprintf(stderr, "query_latency: cannot open '%s': %s\n",
			argv[optind], err ? err : "unknown error");
		lede_free(err);
		bench_free_queries(queries, n);
		return 1;
	}
	uint64_t docs = 0;
	int rc = 0;
	double *ms = malloc(n * o.rounds * sizeof *ms);
	bench_kind_t *kinds = malloc(n * o.rounds * sizeof *kinds);
	if (!ms || !kinds) {
		fprintf(stderr, "query_latency: out of memory\n");
		rc = 1;
	} else if (lede_db_count(db, &docs) != LEDE_OK) {
		fprintf(stderr, "query_latency: %s\n", lede_errmsg(db));
		rc = 1;
	}
	size_t zero = 0, timed = 0;
	uint64_t hits;
	for (size_t i = 0; i < n && rc == 0; i++) { /* warm-up */
		if (run_one(db, &o, &queries[i], &hits) != 0)
			rc = 1;
		else if (hits == 0)
			zero++;
	}
	for (unsigned round = 0; round < o.rounds && rc == 0; round++) {
		for (size_t i = 0; i < n && rc == 0; i++) {
			double t0 = bench_now_ms();
			if (run_one(db, &o, &queries[i], &hits) != 0)
				rc = 1;
			kinds[timed] = queries[i].kind;
			ms[timed++] = bench_now_ms() - t0;
		}
	}
	if (rc == 0) {
		printf("docs %llu\n", (unsigned long long)docs);
		if (bench_report(ms, kinds, timed, zero) != 0)
			rc = 1;
	}
	free(ms);
	free(kinds);
	lede_db_close(db);
	bench_free_queries(queries, n);
	return rc;
}
