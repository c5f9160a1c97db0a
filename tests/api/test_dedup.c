/* test_dedup.c: near-duplicate collapsing, through include/lede.h only.
 * SPDX-License-Identifier: MIT
 *
 * Seven articles of our own, all about a ferry: three copies of one wire
 * story (new headlines, another source, a paragraph added, a word changed
 * after the lead), a rival outlet's own account of the same event, a
 * follow-up that reuses the wire story's background, and two identical
 * one-line briefs, too short to be called copies. Searches show the wire
 * story once with "+2 similar", or every copy when asked; totals, facets
 * and timelines count all seven either way.
 */
#define _POSIX_C_SOURCE 200809L

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "lede.h"

static char path[4200];

#define LEAD                                                                 \
	"Ferry services between the mainland and the northern isles were "   \
	"suspended on Tuesday after a storm tore part of the roof from the " \
	"harbour terminal at Scrabster. The operator said no passengers "    \
	"were hurt, but two crew members were treated for minor injuries "   \
	"after a gangway collapsed in winds that reached ninety miles an "   \
	"hour. Engineers are expected to inspect the pier on Wednesday "     \
	"morning, and the company hopes to restore a reduced timetable by "  \
	"the weekend if the forecast holds. Hauliers warned that "           \
	"supermarket shelves on the islands could empty within days, since " \
	"most fresh food arrives by the overnight freight sailing. The "     \
	"council has opened a rest centre for travellers stranded in the "   \
	"town. "

#define TAIL                                                                 \
	"It is the third time this winter that the route has been closed. "  \
	"Local businesses say the repeated disruption has cost them "         \
	"thousands of pounds in lost trade, and the islands' member of "     \
	"parliament has called for a second vessel to be kept in reserve."

struct fixture {
	const char *id, *headline, *source, *section, *date, *body;
};

static const struct fixture articles[] = {
	{"wire-1", "Storm shuts northern isles ferry", "Wire", "news",
	 "2024-01-09T08:00:00Z", LEAD TAIL},
	{"wire-2", "Ferry halted as storm hits terminal", "Courier", "news",
	 "2024-01-09T10:00:00Z",
	 LEAD TAIL " The transport minister is due to visit next month."},
	{"wire-3", "Islands cut off after terminal damaged", "Gazette",
	 "business", "2024-01-10T07:00:00Z",
	 LEAD "It is the fourth time this winter that the route has been "
	      "closed. Local businesses say the repeated disruption has cost "
	      "them thousands of pounds in lost trade."},
	{"rival", "Storm rips roof from ferry terminal", "Gazette", "news",
	 "2024-01-09T12:00:00Z",
	 "A storm ripped away part of the roof of Scrabster's harbour "
	 "terminal on Tuesday, halting ferry crossings to the northern isles. "
	 "Two crew members needed treatment when a gangway gave way, the "
	 "operator said, though passengers escaped injury. The pier will be "
	 "checked by engineers on Wednesday. Island hauliers fear food "
	 "shortages, as fresh supplies depend on the overnight freight "
	 "crossing."},
	{"follow-up", "Ferry crossings resume", "Wire", "news",
	 "2024-01-12T09:00:00Z",
	 "Ferry crossings to the northern isles resumed on Friday, three days "
	 "after a storm damaged the harbour terminal at Scrabster. The first "
	 "sailing left at seven in the morning with a full load of freight, "
	 "and the operator said the normal timetable would return on Monday. "
	 "Engineers found no lasting damage to the pier itself. " TAIL},
	{"brief-1", "Ferry update", "Courier", "briefs",
	 "2024-01-09T09:00:00Z", "Ferry sailings are cancelled today."},
	{"brief-2", "Ferry update", "Gazette", "briefs",
	 "2024-01-09T09:30:00Z", "Ferry sailings are cancelled today."},
};
#define NARTICLES (sizeof articles / sizeof articles[0])

static void build(void)
{
	lede_db_t *db = NULL;
	size_t i;

	CHECK_INT(lede_db_open(path, LEDE_OPEN_CREATE, &db, NULL), LEDE_OK);
	for (i = 0; db && i < NARTICLES; i++) {
		const struct fixture *f = &articles[i];
		lede_article_t a = {0};

		a.id = f->id;
		a.headline = f->headline;
		a.body = f->body;
		a.source = f->source;
		a.section = f->section;
		a.language = "en";
		CHECK_INT(lede_date_parse(f->date, LEDE_NTS, &a.date),
			  LEDE_OK);
		CHECK_INT(lede_db_add(db, &a), LEDE_OK);
	}
	CHECK_INT(lede_db_close(db), LEDE_OK);
}

/* The hits of `text` as "id+similar id id ...", e.g. "wire-1+2 rival";
 * collapse as lede_query_set_collapse takes it, -1 to leave the default. */
struct run {
	char hits[512];
	uint64_t total;
	int exact;
	char sources[256]; /* the source facet, "name=count ..." */
	char timeline[256];
};

static void run_query(lede_db_t *db, const char *text, int collapse,
		      lede_sort_t sort, uint32_t offset, struct run *out)
{
	lede_query_t *q = NULL;
	lede_results_t *r = NULL;
	size_t i, n = 0;
	const char *value;
	uint64_t count;

	memset(out, 0, sizeof *out);
	CHECK_INT(lede_query_new(db, text, LEDE_NTS, &q), LEDE_OK);
	if (!q)
		return;
	if (collapse >= 0)
		CHECK_INT(lede_query_set_collapse(q, collapse), LEDE_OK);
	CHECK_INT(lede_query_set_sort(q, sort, 0), LEDE_OK);
	CHECK_INT(lede_query_set_offset(q, offset), LEDE_OK);
	CHECK_INT(lede_query_add_facet(q, LEDE_FIELD_SOURCE, 0), LEDE_OK);
	CHECK_INT(lede_query_set_timeline(q, LEDE_TIMELINE_DAY), LEDE_OK);
	CHECK_INT(lede_query_run(q, &r), LEDE_OK);
	if (!r) {
		lede_query_free(q);
		return;
	}
	CHECK_INT(lede_results_total(r, &out->total, &out->exact), LEDE_OK);
	/* No current hit yet: nothing similar. */
	CHECK_INT(lede_results_similar(r), 0);
	while (lede_results_next(r) == LEDE_OK) {
		uint32_t similar = lede_results_similar(r);
		n += (size_t)snprintf(out->hits + n, sizeof out->hits - n,
				      similar ? "%s%s+%u" : "%s%s", n ? " " : "",
				      lede_results_field(r, LEDE_FIELD_ID, 0),
				      similar);
	}
	CHECK_INT(lede_results_similar(r), 0);
	n = 0;
	for (i = 0; lede_results_facet(r, LEDE_FIELD_SOURCE, i, &value,
				       &count) == LEDE_OK;
	     i++)
		n += (size_t)snprintf(out->sources + n,
				      sizeof out->sources - n, "%s%s=%llu",
				      n ? " " : "", value,
				      (unsigned long long)count);
	n = 0;
	for (i = 0; lede_results_timeline(r, i, &value, &count) == LEDE_OK;
	     i++)
		n += (size_t)snprintf(out->timeline + n,
				      sizeof out->timeline - n, "%s%s=%llu",
				      n ? " " : "", value,
				      (unsigned long long)count);
	lede_results_free(r);
	lede_query_free(q);
}

static const char all_sources[] = "Gazette=3 Courier=2 Wire=2";
static const char all_days[] =
	"2024-01-09=5 2024-01-10=1 2024-01-12=1";

static void test_collapse(lede_db_t *db)
{
	struct run on, off;

	/* The wire story once, as its best copy, with its two others
	 * counted; the rival account and the follow-up are stories of
	 * their own; the briefs are too short to collapse. */
	run_query(db, "ferry", -1, LEDE_SORT_RELEVANCE, 0, &on);
	CHECK_INT(on.total, NARTICLES);
	CHECK_INT(on.exact, 1);
	CHECK(strstr(on.hits, "+2") != NULL);
	CHECK(strstr(on.hits, "rival") != NULL);
	CHECK(strstr(on.hits, "follow-up") != NULL);
	CHECK(strstr(on.hits, "brief-1") != NULL);
	CHECK(strstr(on.hits, "brief-2") != NULL);
	{
		int copies = (strstr(on.hits, "wire-1") != NULL) +
			     (strstr(on.hits, "wire-2") != NULL) +
			     (strstr(on.hits, "wire-3") != NULL);
		CHECK_INT(copies, 1);
	}
	/* Counts over every article, copies included. */
	CHECK_STR(on.sources, all_sources);
	CHECK_STR(on.timeline, all_days);

	/* Every copy, nothing similar. */
	run_query(db, "ferry", 0, LEDE_SORT_RELEVANCE, 0, &off);
	CHECK_INT(off.total, NARTICLES);
	CHECK(strchr(off.hits, '+') == NULL);
	CHECK(strstr(off.hits, "wire-1") && strstr(off.hits, "wire-2") &&
	      strstr(off.hits, "wire-3"));
	CHECK_STR(off.sources, all_sources);
	CHECK_STR(off.timeline, all_days);

	/* Collapse on again, explicitly. */
	run_query(db, "ferry", 1, LEDE_SORT_RELEVANCE, 0, &off);
	CHECK_STR(off.hits, on.hits);

	/* Newest first: the copy kept is the newest, wire-3. */
	run_query(db, "ferry", -1, LEDE_SORT_NEWEST, 0, &on);
	CHECK_STR(on.hits, "follow-up wire-3+2 rival brief-2 brief-1");
	CHECK_STR(on.sources, all_sources);
	run_query(db, "ferry", -1, LEDE_SORT_OLDEST, 0, &on);
	CHECK_STR(on.hits, "wire-1+2 brief-1 brief-2 rival follow-up");

	/* Recency re-ranks a pool that is already collapsed. */
	run_query(db, "ferry", -1, LEDE_SORT_RECENCY, 0, &on);
	CHECK(strstr(on.hits, "+2") != NULL);
	CHECK_INT(on.total, NARTICLES);

	/* A page further in keeps the count. */
	run_query(db, "ferry", -1, LEDE_SORT_OLDEST, 1, &on);
	CHECK_STR(on.hits, "brief-1 brief-2 rival follow-up");
	run_query(db, "ferry", -1, LEDE_SORT_NEWEST, 1, &on);
	CHECK_STR(on.hits, "wire-3+2 rival brief-2 brief-1");

	/* Only the copies match: one hit standing for three. */
	run_query(db, "\"cost them thousands\" -resume", -1,
		  LEDE_SORT_OLDEST, 0, &on);
	CHECK_STR(on.hits, "wire-1+2");
	CHECK_INT(on.total, 3);
	CHECK_INT(on.exact, 1);
	CHECK_STR(on.sources, "Courier=1 Gazette=1 Wire=1");
	run_query(db, "\"cost them thousands\" -resume", 0, LEDE_SORT_OLDEST,
		  0, &on);
	CHECK_STR(on.hits, "wire-1 wire-2 wire-3");
}

/* A filter that leaves one copy: nothing else to collapse into it. */
static void test_filtered(lede_db_t *db)
{
	lede_query_t *q = NULL;
	lede_results_t *r = NULL;

	CHECK_INT(lede_query_new(db, "scrabster", LEDE_NTS, &q), LEDE_OK);
	CHECK_INT(lede_query_add_filter(q, LEDE_FIELD_SOURCE, "Courier"),
		  LEDE_OK);
	CHECK_INT(lede_query_run(q, &r), LEDE_OK);
	CHECK_INT(lede_results_next(r), LEDE_OK);
	CHECK_STR(lede_results_field(r, LEDE_FIELD_ID, 0), "wire-2");
	CHECK_INT(lede_results_similar(r), 0);
	CHECK_INT(lede_results_next(r), LEDE_DONE);
	lede_results_free(r);
	lede_query_free(q);
}

static void test_misuse(void)
{
	CHECK_INT(lede_query_set_collapse(NULL, 1), LEDE_MISUSE);
	CHECK_INT(lede_results_similar(NULL), 0);
}

int main(int argc, char **argv)
{
	const char *base = argc > 1 ? argv[1] : "/tmp";
	lede_db_t *db = NULL;
	char cmd[4300];

	snprintf(path, sizeof path, "%s/test_dedup.index", base);
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", path);
	if (system(cmd) != 0)
		return 1;
	build();
	CHECK_INT(lede_db_open(path, LEDE_OPEN_READ, &db, NULL), LEDE_OK);
	if (db) {
		test_collapse(db);
		test_filtered(db);
		lede_db_close(db);
	}
	test_misuse();
	if (system(cmd) != 0)
		return 1;
	return CHECK_DONE();
}
