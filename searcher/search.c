/* search.c: running a query and walking its hits.
 * SPDX-License-Identifier: MIT
 */
#define _POSIX_C_SOURCE 200809L /* clock_gettime */

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <jansson.h>

#include "db_internal.h"
#include "language.h"
#include "query_parse.h"
#include "schema.h"
#include "search_internal.h"
#include "snippet.h"
#include "utf8.h"

/* BM25 parameters, tuned on the three collections in ../shared/eval
 * (Cranfield, MEDLINE, ADI) by bench/eval-ranking.sh; figures and the
 * whole grid in bench/RESULTS.md. Criterion: the mean of MAP and nDCG@10
 * over the three, each counting the same. Over k1 {0.9 1.0 1.2 1.5 2.0}
 * x b {0.3 0.5 0.75 0.9}, k1 2.0, b 0.75 came first (.4846, was .4735
 * at k1 1.2) and beat k1 1.2 on MAP and nDCG@10 of every collection;
 * k1 2.0, b 0.9 was level (.4845). b 0.75 held. k1 2.0 is the edge of
 * the grid, and none of these collections is news: check on news
 * judgments when there are some. */
#define BM25_K1 2.0
#define BM25_K2 0.0
#define BM25_K3 1.0
#define BM25_B 0.75
#define BM25_MIN_NORMLEN 0.5

#ifdef LEDE_TUNING
/* For bench/eval-ranking.sh only, in a build configured with
 * -DCMAKE_C_FLAGS=-DLEDE_TUNING: LEDE_BM25_K1 and LEDE_BM25_B override
 * the constants above. Never in a normal build. */
static double
tuned(const char *name, double value)
{
	const char *v = getenv(name);
	return v && *v ? strtod(v, NULL) : value;
}
#define TUNED(name, value) tuned(name, value)
#else
#define TUNED(name, value) (value)
#endif

/* Matches counted exactly, beyond the page asked for, so that a total
 * is usually exact without walking every posting of a common word. */
#define CHECK_AT_LEAST 1000

/* How often a query is tried on the newest revision when commits keep
 * discarding the one it read (see lede_query_run). */
#define RUN_ATTEMPTS 8

/* Milliseconds on a clock that only goes forward, for lede_results_took_ms:
 * the wall clock may be set back while a search runs. */
static double
now_ms(void)
{
	struct timespec ts;
	if (clock_gettime(CLOCK_MONOTONIC, &ts) != 0)
		return 0;
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

lede_status_t
lede_query_new(lede_db_t *db, const char *text, size_t len,
	       lede_query_t **out)
{
	if (!out)
		return db ? ldi_set_error(&db->errmsg, LEDE_MISUSE,
					  "lede_query_new: out is NULL")
			  : LEDE_MISUSE;
	*out = NULL;
	if (!db)
		return LEDE_MISUSE;
	if (!text)
		return ldi_set_error(&db->errmsg, LEDE_MISUSE,
				     "lede_query_new: text is NULL");
	if (len == LEDE_NTS)
		len = strlen(text);
	double start = now_ms();
	lede_query_t *q = calloc(1, sizeof *q);
	if (!q)
		return ldi_set_error(&db->errmsg, LEDE_NOMEM, "out of memory");
	q->db = db;
	q->limit = 10;
	q->since = q->until = LEDE_NO_DATE;
	/* Repaired up front, so the parser, the folding and whoever prints
	 * the query back all see valid UTF-8. */
	size_t tlen;
	q->text = ldi_utf8_repair(text, len, &tlen, NULL);
	if (!q->text) {
		free(q);
		return ldi_set_error(&db->errmsg, LEDE_NOMEM, "out of memory");
	}
	/* The languages (and so the stemmers) a writer added since; again
	 * on the newest revision if a commit discarded the one read. */
	lede_status_t st = LEDE_MODIFIED;
	for (int i = 0; (st == LEDE_MODIFIED || st == LEDE_CORRUPT) &&
			i < RUN_ATTEMPTS;
	     i++) {
		st = LEDE_OK;
		if (!db->writable && xc_db_reopen(db->xdb, NULL) == XC_OK)
			st = ldi_db_load_languages(db);
	}
	if (st != LEDE_OK) {
		free(q->text);
		free(q);
		return st;
	}
	char *msg = NULL;
	/* Blank text parses to nothing: a query that only --like can make
	 * runnable (ldi_expand_prepare says so when it is run). */
	if (q->text[strspn(q->text, " \t\n\r\f\v")])
		st = ldi_query_parse(q->text, tlen, db->languages,
				     db->n_languages, &q->parsed, &msg);
	if (st != LEDE_OK) {
		ldi_set_error(&db->errmsg, st, "%s", msg ? msg : "");
		free(msg);
		free(q->text);
		free(q);
		return st;
	}
	db->n_queries++;
	q->parse_ms = now_ms() - start;
	*out = q;
	return LEDE_OK;
}

void
lede_query_free(lede_query_t *query)
{
	if (!query)
		return;
	if (query->n_results) {
		query->freed = 1; /* the last results free it */
		return;
	}
	lede_db_t *db = query->db;
	ldi_parsed_query_free(&query->parsed);
	ldi_expand_query_free(query);
	for (size_t i = 0; i < query->n_filters; i++) {
		free(query->filters[i].term);
		free(query->filters[i].readable);
	}
	free(query->described);
	free(query->filters);
	free(query->facets);
	free(query->text);
	free(query->errmsg);
	free(query);
	ldi_db_release(db);
}

const char *
lede_query_errmsg(const lede_query_t *query)
{
	if (!query)
		return "no query handle (NULL)";
	return query->errmsg ? query->errmsg : "";
}

const char *
lede_query_text(const lede_query_t *query)
{
	return query ? query->text : NULL;
}

lede_status_t
lede_query_set_limit(lede_query_t *query, uint32_t limit)
{
	if (!query)
		return LEDE_MISUSE;
	query->limit = limit;
	return LEDE_OK;
}

lede_status_t
lede_query_set_offset(lede_query_t *query, uint32_t offset)
{
	if (!query)
		return LEDE_MISUSE;
	query->offset = offset;
	return LEDE_OK;
}

lede_status_t
lede_query_set_collapse(lede_query_t *query, int collapse)
{
	if (!query)
		return LEDE_MISUSE;
	query->all_copies = !collapse;
	return LEDE_OK;
}

static lede_status_t
run_failed(lede_query_t *query, lede_results_t *r, xc_status_t xs,
	   const char *detail)
{
	lede_status_t st = ldi_set_error(&query->errmsg,
					 ldi_status_from_xc(xs),
					 "search in '%s' failed: %s",
					 query->db->path,
					 *detail ? detail : xc_status_str(xs));
	lede_results_free(r);
	return st;
}

/* Hits re-ranked by recency are taken from this many best matches. */
#define RECENCY_POOL 1000
/* The default half-life of --sort recency: a week, news's rhythm. */
#define DEFAULT_HALF_LIFE (7 * 86400)

static xc_status_t
set_order(const lede_query_t *q, xc_enquire_t *enq)
{
	/* The date keys end in the id, so ties go by id in every layout:
	 * Xapian would break them by docid, which differs between one
	 * index and shards (schema.h). */
	switch (q->sort) {
	case LEDE_SORT_NEWEST:
		return xc_enquire_set_sort_by_value(enq, LDI_SLOT_NEWEST, 0,
						    0);
	case LEDE_SORT_OLDEST:
		return xc_enquire_set_sort_by_value(enq, LDI_SLOT_OLDEST, 0,
						    0);
	case LEDE_SORT_RELEVANCE:
	case LEDE_SORT_RECENCY:
	default:
		/* Equal scores in id order: the same query gives the same
		 * page. */
		return xc_enquire_set_sort_by_relevance_then_value(
			enq, LDI_SLOT_ID, 0);
	}
}

xc_status_t
ldi_enquire_new(lede_query_t *q, const xc_query_t *xq, xc_enquire_t **out)
{
	xc_status_t xs = xc_enquire_new(q->db->xdb, out);
	if (xs == XC_OK)
		xs = xc_enquire_set_query(*out, xq, 0);
	if (xs == XC_OK)
		xs = xc_enquire_set_bm25(
			*out, TUNED("LEDE_BM25_K1", BM25_K1), BM25_K2, BM25_K3,
			TUNED("LEDE_BM25_B", BM25_B), BM25_MIN_NORMLEN);
	if (xs == XC_OK)
		xs = set_order(q, *out);
	/* One hit per story. Spies still see every match, so facet and
	 * timeline counts are over articles, not stories. */
	if (xs == XC_OK && !q->all_copies)
		xs = xc_enquire_set_collapse_key(*out, LDI_SLOT_STORY, 1,
						 LDI_SLOT_LANGUAGE);
	return xs;
}

/* The date of hit i of mset, or LEDE_NO_DATE. */
static int64_t
hit_date(xc_mset_t *mset, size_t i)
{
	const char *v;
	size_t len;
	int64_t date = LEDE_NO_DATE;
	if (xc_mset_value(mset, i, LDI_SLOT_DATE, &v, &len) == XC_OK && len)
		date = (int64_t)xc_sortable_unserialise(v, len);
	return date;
}

typedef struct scored {
	size_t index;
	double score;
	double factor; /* the recency factor in score */
	int64_t age;
} scored_t;

static int
by_score(const void *a, const void *b)
{
	const scored_t *x = a, *y = b;
	if (x->score != y->score)
		return x->score > y->score ? -1 : 1;
	return x->index < y->index ? -1 : x->index > y->index;
}

/* Re-ranks the pool by score * 2^(-age / half-life), age counted from
 * the newest hit in the pool (undated hits count as oldest), and keeps
 * the page asked for. */
static lede_status_t
rank_by_recency(lede_results_t *r)
{
	const lede_query_t *q = r->query;
	size_t n = xc_mset_size(r->mset), i;
	double half = (double)(q->half_life ? q->half_life
					    : DEFAULT_HALF_LIFE);
	int64_t newest = LEDE_NO_DATE, oldest = LEDE_NO_DATE;
	scored_t *s = calloc(n ? n : 1, sizeof *s);
	int64_t *dates = calloc(n ? n : 1, sizeof *dates);
	if (!s || !dates) {
		free(s);
		free(dates);
		return LEDE_NOMEM;
	}
	for (i = 0; i < n; i++) {
		dates[i] = hit_date(r->mset, i);
		if (dates[i] == LEDE_NO_DATE)
			continue;
		if (newest == LEDE_NO_DATE || dates[i] > newest)
			newest = dates[i];
		if (oldest == LEDE_NO_DATE || dates[i] < oldest)
			oldest = dates[i];
	}
	for (i = 0; i < n; i++) {
		uint32_t docid, rank;
		double w = 0;
		xc_mset_item(r->mset, i, &docid, &w, &rank);
		int64_t d = dates[i] != LEDE_NO_DATE ? dates[i] : oldest;
		double age = newest != LEDE_NO_DATE && d != LEDE_NO_DATE
				     ? (double)(newest - d)
				     : 0.0;
		s[i].index = i;
		s[i].age = (int64_t)age;
		s[i].factor = exp2(-age / half);
		s[i].score = w * s[i].factor;
	}
	free(dates);
	qsort(s, n, sizeof *s, by_score);
	size_t first = q->offset < n ? q->offset : n;
	size_t count = n - first < q->limit ? n - first : q->limit;
	r->order = malloc((count ? count : 1) * sizeof *r->order);
	r->scores = malloc((count ? count : 1) * sizeof *r->scores);
	r->factors = malloc((count ? count : 1) * sizeof *r->factors);
	r->ages = malloc((count ? count : 1) * sizeof *r->ages);
	if (!r->order || !r->scores || !r->factors || !r->ages) {
		free(s);
		return LEDE_NOMEM;
	}
	r->half_life = (int64_t)half;
	for (i = 0; i < count; i++) {
		r->order[i] = s[first + i].index;
		r->scores[i] = s[first + i].score;
		r->factors[i] = s[first + i].factor;
		r->ages[i] = s[first + i].age;
	}
	r->n_order = count;
	free(s);
	return LEDE_OK;
}

/* Runs xq once more, without the page, to count `fields` (bits) of the
 * facet slot: the counts of a filtered field with its own filters
 * lifted. */
static lede_status_t
count_lifted(lede_results_t *r, int field, uint32_t check)
{
	lede_query_t *q = r->query;
	xc_query_t *xq = NULL;
	xc_enquire_t *enq = NULL;
	xc_mset_t *mset = NULL;
	ldi_facet_spies_t spies;
	lede_status_t st = ldi_search_query(q, field, &xq);
	if (st != LEDE_OK)
		return st;
	xc_status_t xs = ldi_enquire_new(q, xq, &enq);
	if (xs == XC_OK)
		xs = ldi_facets_spy(enq, 1u << field, 0, &spies);
	if (xs == XC_OK)
		xs = xc_enquire_mset(enq, 0, 0, check, &mset);
	if (xs == XC_OK)
		st = ldi_facets_collect(r, &spies);
	else
		st = ldi_set_error(&q->errmsg, ldi_status_from_xc(xs),
				   "search in '%s' failed: %s", q->db->path,
				   *xc_enquire_errmsg(enq)
					   ? xc_enquire_errmsg(enq)
					   : xc_status_str(xs));
	xc_mset_free(mset);
	xc_enquire_free(enq);
	xc_query_free(xq);
	return st;
}

/* Counts the copies of each page hit's story (lede_results_similar) into
 * r->similars, by mset index: one more match, of the query's articles
 * that carry the page's story keys, with a value spy on the key. Xapian
 * counts what it collapses too, but a remote server's own collapsing is
 * lost on the way back; this count is exact, and the same over one
 * index or any shards. When the binding counted every match of each key
 * (xc_mset_collapse_counts_exact), its counts are the same, and no match
 * is needed; nor, over one index, for stories it holds only once. */
static lede_status_t
count_copies(lede_results_t *r, xc_query_t *xq)
{
	lede_query_t *q = r->query;
	size_t n = xc_mset_size(r->mset);
	size_t page = r->order ? r->n_order : n;
	if (!page)
		return LEDE_OK;
	r->similars = calloc(n, sizeof *r->similars);
	if (!r->similars)
		return LEDE_NOMEM;
	xc_status_t xs = XC_OK;
	if (xc_mset_collapse_counts_exact(r->mset)) {
		for (size_t p = 0; xs == XC_OK && p < page; p++) {
			size_t i = r->order ? r->order[p] : p;
			xs = xc_mset_collapse_count(r->mset, i,
						    &r->similars[i]);
		}
		if (xs == XC_OK)
			return LEDE_OK;
		return ldi_set_error(&q->errmsg, ldi_status_from_xc(xs),
				     "search in '%s' failed: %s", q->db->path,
				     xc_mset_errmsg(r->mset));
	}
	xc_query_t **terms = calloc(page, sizeof *terms);
	if (!terms)
		return LEDE_NOMEM;
	size_t k = 0;
	const char *why = NULL; /* a failed term frequency's message */
	for (size_t p = 0; xs == XC_OK && p < page; p++) {
		size_t i = r->order ? r->order[p] : p;
		const char *key;
		size_t len = 0;
		char term[sizeof LDI_PREFIX_STORY + 64];
		xs = xc_mset_collapse_key(r->mset, i, &key, &len);
		if (xs != XC_OK || len == 0 || len > 64)
			continue;
		size_t plen = strlen(LDI_PREFIX_STORY);
		memcpy(term, LDI_PREFIX_STORY, plen);
		memcpy(term + plen, key, len);
		/* A story the index holds once has no copies to count: most
		 * have none, and a page of them needs no match at all. Over
		 * shards each term frequency would ask every shard in turn
		 * (a network exchange each for a remote one), where the
		 * match asks them all at once: there it is left to the
		 * match. */
		uint32_t copies = 2;
		if (!q->db->combined)
			xs = xc_db_termfreq(q->db->xdb, term, plen + len,
					    &copies);
		if (xs != XC_OK) {
			why = xc_db_errmsg(q->db->xdb);
			break;
		}
		if (copies < 2)
			continue;
		xs = xc_query_term(term, plen + len, 1, 0, &terms[k]);
		k += xs == XC_OK;
	}
	xc_query_t *any = NULL, *both = NULL;
	xc_enquire_t *enq = NULL;
	xc_mset_t *mset = NULL;
	xc_spy_t *spy = NULL;
	uint32_t docs = 0;
	if (xs == XC_OK && k)
		xs = xc_query_combine(XC_OP_OR, terms, k, 0, &any);
	if (xs == XC_OK && any) {
		xc_query_t *pair[2] = { xq, any };
		xs = xc_query_combine(XC_OP_FILTER, pair, 2, 0, &both);
	}
	if (xs == XC_OK && both)
		xs = xc_enquire_new(q->db->xdb, &enq);
	if (xs == XC_OK && enq)
		xs = xc_enquire_set_query(enq, both, 0);
	if (xs == XC_OK && enq)
		xs = xc_enquire_add_value_spy(enq, LDI_SLOT_STORY, &spy);
	if (xs == XC_OK && enq)
		xs = xc_db_doccount(q->db->xdb, &docs);
	if (xs == XC_OK && enq)
		xs = xc_enquire_mset(enq, 0, 0, docs, &mset);
	for (size_t p = 0; xs == XC_OK && mset && p < page; p++) {
		size_t i = r->order ? r->order[p] : p;
		const char *key, *value;
		size_t len = 0, vlen;
		uint32_t count;
		xs = xc_mset_collapse_key(r->mset, i, &key, &len);
		for (size_t v = 0; xs == XC_OK && len &&
				   v < xc_spy_size(spy);
		     v++)
			if (xc_spy_item(spy, v, &value, &vlen, &count) ==
				    XC_OK &&
			    vlen == len && !memcmp(value, key, len))
				r->similars[i] = count ? count - 1 : 0;
	}
	lede_status_t st = LEDE_OK;
	if (xs != XC_OK)
		st = ldi_set_error(&q->errmsg, ldi_status_from_xc(xs),
				   "search in '%s' failed: %s", q->db->path,
				   enq && *xc_enquire_errmsg(enq)
					   ? xc_enquire_errmsg(enq)
				   : why && *why ? why
						 : xc_status_str(xs));
	xc_mset_free(mset);
	xc_enquire_free(enq);
	xc_query_free(both);
	xc_query_free(any);
	for (size_t t = 0; t < k; t++)
		xc_query_free(terms[t]);
	free(terms);
	return st;
}

/* A copy of n requests, or NULL when there are none. */
static ldi_facet_req_t *
copy_requests(const ldi_facet_req_t *v, size_t n)
{
	ldi_facet_req_t *copy = n ? malloc(n * sizeof *copy) : NULL;
	if (copy)
		memcpy(copy, v, n * sizeof *copy);
	return copy;
}

/* Copies onto r what q asks for that lede_results_json lists (see struct
 * lede_results). LEDE_OK or LEDE_NOMEM. */
static lede_status_t
copy_asked(lede_results_t *r, const lede_query_t *q)
{
	r->timeline_unit = q->timeline;
	r->explain = q->explain;
	r->asked_facets = copy_requests(q->facets, q->n_facets);
	r->asked_significant = copy_requests(q->significant, q->n_significant);
	if ((q->n_facets && !r->asked_facets) ||
	    (q->n_significant && !r->asked_significant))
		return LEDE_NOMEM;
	r->n_asked_facets = q->n_facets;
	r->n_asked_significant = q->n_significant;
	if (q->like_id && !(r->like_id = ldi_strdup_printf("%s", q->like_id)))
		return LEDE_NOMEM;
	return LEDE_OK;
}

/* One run of the query on the newest revision (see lede_query_run). */
static lede_status_t
run_once(lede_query_t *query, lede_results_t **out)
{
	if (out)
		*out = NULL;
	if (!query)
		return LEDE_MISUSE;
	if (!out)
		return ldi_set_error(&query->errmsg, LEDE_MISUSE,
				     "lede_query_run: out is NULL");
	if (query->db->closed)
		return ldi_set_error(&query->errmsg, LEDE_MISUSE,
				     "lede_query_run: the query's index was "
				     "closed");
	double start = now_ms();
	lede_results_t *r = calloc(1, sizeof *r);
	if (!r)
		return ldi_set_error(&query->errmsg, LEDE_NOMEM,
				     "out of memory");
	r->query = query;
	query->n_results++;
	if (copy_asked(r, query) != LEDE_OK) {
		lede_results_free(r);
		return ldi_set_error(&query->errmsg, LEDE_NOMEM,
				     "out of memory");
	}
	xc_db_t *xdb = query->db->xdb;
	/* A reader sees the index as it was when opened: catch up with
	 * what writers committed since. */
	xc_status_t xs = xc_db_reopen(xdb, NULL);
	if (xs != XC_OK)
		return run_failed(query, r, xs, xc_db_errmsg(xdb));
	xc_query_t *xq = NULL;
	lede_status_t st = ldi_expand_prepare(query);
	if (st == LEDE_OK)
		st = ldi_search_query(query, -1, &xq);
	if (st != LEDE_OK) {
		lede_results_free(r);
		return st;
	}
	xs = ldi_enquire_new(query, xq, &r->enquire);
	if (xs != XC_OK) {
		xc_query_free(xq);
		return run_failed(query, r, xs,
				  r->enquire ? xc_enquire_errmsg(r->enquire)
					     : xc_db_errmsg(xdb));
	}

	/* Facets and timelines count the whole match set: every match
	 * must be looked at, unless the caller settled for an estimate. */
	unsigned fields = 0, lifted = 0;
	for (size_t i = 0; i < query->n_facets; i++) {
		unsigned bit = 1u << query->facets[i].field;
		if (ldi_has_filter(query, query->facets[i].field))
			lifted |= bit;
		else
			fields |= bit;
		r->facet_asked[query->facets[i].field] = 1;
	}
	int counting = query->n_facets || query->timeline;
	ldi_facet_spies_t spies;
	xs = ldi_facets_spy(r->enquire, fields,
			    query->timeline != LEDE_TIMELINE_NONE, &spies);
	uint32_t check = query->offset + query->limit;
	if (check < CHECK_AT_LEAST)
		check = CHECK_AT_LEAST;
	if (counting && !query->approx) {
		uint32_t docs = 0;
		if (xs == XC_OK)
			xs = xc_db_doccount(xdb, &docs);
		if (docs > check)
			check = docs;
	}
	uint32_t first = query->offset, max = query->limit;
	if (query->sort == LEDE_SORT_RECENCY) {
		first = 0;
		max = query->offset + query->limit;
		if (max < RECENCY_POOL)
			max = RECENCY_POOL;
	}
	if (xs == XC_OK)
		xs = xc_enquire_mset(r->enquire, first, max, check, &r->mset);
	if (xs != XC_OK) {
		xc_query_free(xq);
		return run_failed(query, r, xs, xc_enquire_errmsg(r->enquire));
	}
	/* Articles, not stories: the copies collapsed away matched too. */
	xc_mset_uncollapsed_matches(r->mset, &r->estimated, &r->lower,
				    &r->upper);
	r->counts_exact = !query->approx ||
			  (r->lower == r->upper && r->estimated <= check);
	if (query->sort == LEDE_SORT_RECENCY)
		st = rank_by_recency(r);
	if (st == LEDE_OK && !query->all_copies)
		st = count_copies(r, xq);
	xc_query_free(xq);
	if (st == LEDE_OK)
		st = ldi_facets_collect(r, &spies);
	for (int f = 0; st == LEDE_OK && f < LDI_N_FIELDS; f++)
		if (lifted & (1u << f))
			st = count_lifted(r, f, check);
	if (st == LEDE_OK && !query->no_suggest)
		st = ldi_suggest(query->db, query->text, &query->parsed,
				 &r->suggestion);
	if (st == LEDE_OK && query->n_significant)
		st = ldi_significant_collect(r);
	if (st == LEDE_OK && query->explain)
		st = ldi_explain_collect(r);
	if (st == LEDE_OK && query->explain &&
	    !(r->explain_json = ldi_query_explain_json(query)))
		st = LEDE_NOMEM;
	if (st != LEDE_OK) {
		if (st == LEDE_NOMEM)
			ldi_set_error(&query->errmsg, st, "out of memory");
		lede_results_free(r);
		return st;
	}
	r->took_ms = query->parse_ms + (now_ms() - start);
	*out = r;
	return LEDE_OK;
}

/* A writer that commits often can discard the revision a reader is on
 * more than once during one run, even after the binding's own reopen and
 * retry of each call: the whole run starts again on the newest revision
 * (up to RUN_ATTEMPTS times, waiting a little longer each time, so that a
 * writer's burst of commits can pass), so that a reader never fails
 * because a writer is busy. Xapian 1.4's glass sometimes says "corrupt" rather
 * than "modified" then (see db.c); a damaged index fails every time. */
lede_status_t
lede_query_run(lede_query_t *query, lede_results_t **out)
{
	lede_status_t st = run_once(query, out);
	for (int i = 1; (st == LEDE_MODIFIED || st == LEDE_CORRUPT) &&
			!query->db->writable && i < RUN_ATTEMPTS;
	     i++) {
		ldi_back_off(i);
		st = run_once(query, out);
	}
	return st;
}

/* ---- Stored fields ------------------------------------------------------
 *
 * A hit's data starts with its fields, a JSON object written by jansson
 * (schema.h). Parsing each hit's with jansson, a tree of allocations to be
 * read once or twice, was a tenth of a query. fields_read reads the
 * object in one pass into an array of nodes, its strings decoded into one
 * block; but it reads only what it is sure jansson would read the same:
 * valid UTF-8 (the whole object), strings without control characters nor
 * \u escapes, integers of at most 15 digits, no key twice in an object,
 * no deeper than 16. Anything else, valid or not, is left to jansson,
 * whose verdict and tree are used as before (lede writes none of it but
 * for a control character in a text). */

#define FIELDS_MAX_DEPTH 16

typedef enum node_type {
	NODE_OBJECT,
	NODE_ARRAY,
	NODE_STRING,
	NODE_INTEGER,
	NODE_LITERAL /* true, false, null: the word is its str */
} node_type_t;

struct ldi_node {
	node_type_t type;
	const char *key; /* an object member's key, raw (no escapes) */
	size_t key_len;
	const char *str; /* a string, decoded, in ldi_fields_t.strings */
	json_int_t integer;
	size_t child, next; /* first child, next sibling; 0: none */
};

typedef struct fields_reader {
	const char *p, *end;
	char *out; /* where the next decoded string goes */
	ldi_fields_t *f;
} fields_reader_t;

static void
skip_space(fields_reader_t *r)
{
	while (r->p < r->end && (*r->p == ' ' || *r->p == '\t' ||
				 *r->p == '\n' || *r->p == '\r'))
		r->p++;
}

/* The index of a new node of the given type. Out of memory, *nomem is
 * set and 0 returned, the index of no node but the first, the object. */
static size_t
new_node(fields_reader_t *r, node_type_t type, int *nomem)
{
	ldi_fields_t *f = r->f;
	if (f->n == f->cap) {
		size_t cap = f->cap ? 2 * f->cap : 32;
		ldi_node_t *grown = realloc(f->nodes, cap * sizeof *grown);
		if (!grown) {
			*nomem = 1;
			return 0;
		}
		f->nodes = grown;
		f->cap = cap;
	}
	memset(&f->nodes[f->n], 0, sizeof f->nodes[f->n]);
	f->nodes[f->n].type = type;
	return f->n++;
}

/* A string at r->p (its opening quote), decoded into r->out when `out`
 * (else only checked, for a key: then *raw, *raw_len are its bytes and it
 * must have no escape). 0, or -1 when it is not for this reader. */
static int
read_string(fields_reader_t *r, const char **out, const char **raw,
	    size_t *raw_len)
{
	const char *start = ++r->p;
	char *o = r->out;
	while (r->p < r->end && *r->p != '"') {
		unsigned char c = (unsigned char)*r->p;
		if (c < 0x20)
			return -1;
		if (c != '\\') {
			if (out)
				*o++ = (char)c;
			r->p++;
			continue;
		}
		if (!out || r->end - r->p < 2)
			return -1;
		switch (r->p[1]) {
		case '"': *o++ = '"'; break;
		case '\\': *o++ = '\\'; break;
		case '/': *o++ = '/'; break;
		case 'b': *o++ = '\b'; break;
		case 'f': *o++ = '\f'; break;
		case 'n': *o++ = '\n'; break;
		case 'r': *o++ = '\r'; break;
		case 't': *o++ = '\t'; break;
		default: return -1; /* \u, or not JSON */
		}
		r->p += 2;
	}
	if (r->p == r->end)
		return -1;
	if (raw) {
		*raw = start;
		*raw_len = (size_t)(r->p - start);
	}
	r->p++;
	if (out) {
		*o++ = '\0';
		*out = r->out;
		r->out = o;
	}
	return 0;
}

static int
read_value(fields_reader_t *r, size_t node, int depth, int *nomem);

/* The members of an object or the elements of an array, from r->p just
 * after its opening bracket, as children of node. */
static int
read_children(fields_reader_t *r, size_t node, int object, int depth,
	      int *nomem)
{
	size_t last = 0;
	skip_space(r);
	if (r->p < r->end && *r->p == (object ? '}' : ']')) {
		r->p++;
		return 0;
	}
	for (;;) {
		const char *key = NULL;
		size_t key_len = 0;
		skip_space(r);
		if (object) {
			if (r->p == r->end || *r->p != '"' ||
			    read_string(r, NULL, &key, &key_len) != 0)
				return -1;
			/* jansson keeps a key's last value: left to it. */
			for (size_t k = r->f->nodes[node].child; k;
			     k = r->f->nodes[k].next)
				if (r->f->nodes[k].key_len == key_len &&
				    !memcmp(r->f->nodes[k].key, key, key_len))
					return -1;
			skip_space(r);
			if (r->p == r->end || *r->p != ':')
				return -1;
			r->p++;
			skip_space(r);
		}
		size_t child = new_node(r, NODE_LITERAL, nomem);
		if (!child)
			return -1;
		r->f->nodes[child].key = key;
		r->f->nodes[child].key_len = key_len;
		if (last)
			r->f->nodes[last].next = child;
		else
			r->f->nodes[node].child = child;
		last = child;
		if (read_value(r, child, depth + 1, nomem) != 0)
			return -1;
		skip_space(r);
		if (r->p == r->end)
			return -1;
		if (*r->p == ',') {
			r->p++;
			continue;
		}
		if (*r->p != (object ? '}' : ']'))
			return -1;
		r->p++;
		return 0;
	}
}

/* A value at r->p into node. */
static int
read_value(fields_reader_t *r, size_t node, int depth, int *nomem)
{
	ldi_node_t *n = &r->f->nodes[node];
	if (r->p == r->end || depth > FIELDS_MAX_DEPTH)
		return -1;
	switch (*r->p) {
	case '{':
	case '[':
		n->type = *r->p == '{' ? NODE_OBJECT : NODE_ARRAY;
		r->p++;
		return read_children(r, node, n->type == NODE_OBJECT, depth,
				     nomem);
	case '"':
		n->type = NODE_STRING;
		return read_string(r, &n->str, NULL, NULL);
	case 't':
	case 'f':
	case 'n': {
		static const char *const words[] = { "true", "false", "null" };
		for (size_t w = 0; w < 3; w++) {
			size_t l = strlen(words[w]);
			if ((size_t)(r->end - r->p) >= l &&
			    !memcmp(r->p, words[w], l)) {
				r->p += l;
				n->str = words[w];
				return 0;
			}
		}
		return -1;
	}
	default: {
		/* -?(0|[1-9][0-9]*), at most 15 digits: jansson's integers,
		 * in range. Fractions and exponents are left to it. */
		const char *q = r->p;
		int neg = q < r->end && *q == '-';
		q += neg;
		const char *digits = q;
		json_int_t v = 0;
		while (q < r->end && *q >= '0' && *q <= '9')
			v = v * 10 + (*q++ - '0');
		size_t nd = (size_t)(q - digits);
		if (nd == 0 || nd > 15 || (nd > 1 && *digits == '0') ||
		    (q < r->end && (*q == '.' || *q == 'e' || *q == 'E')))
			return -1;
		n->type = NODE_INTEGER;
		n->integer = neg ? -v : v;
		r->p = q;
		return 0;
	}
	}
}

static void
fields_free(ldi_fields_t *f)
{
	free(f->nodes);
	free(f->strings);
	memset(f, 0, sizeof *f);
}

/* Reads the object json (len bytes) into f: LEDE_OK, LEDE_DONE when it is
 * for jansson to read (f then empty), LEDE_NOMEM. f keeps a copy of json,
 * which the keys point into, so json may go once this returns. */
static lede_status_t
fields_read(ldi_fields_t *f, const char *json, size_t len)
{
	int nomem = 0;
	memset(f, 0, sizeof *f);
	/* The copy, then the decoded strings: never longer than they were,
	 * and each gets a NUL, where at least its two quotes were. */
	f->strings = malloc(2 * len + 1);
	if (!f->strings)
		return LEDE_NOMEM;
	char *copy = f->strings;
	memcpy(copy, json, len);
	fields_reader_t r = { copy, copy + len, copy + len, f };
	skip_space(&r);
	int ok = ldi_utf8_invalid(copy, len) == 0 && r.p < r.end &&
		 *r.p == '{' && new_node(&r, NODE_OBJECT, &nomem) == 0 &&
		 !nomem && read_value(&r, 0, 0, &nomem) == 0;
	if (ok)
		skip_space(&r);
	if (ok && r.p == r.end)
		return LEDE_OK;
	fields_free(f);
	return nomem ? LEDE_NOMEM : LEDE_DONE;
}

/* The member key of object node `obj`, or 0. */
static size_t
fields_member(const ldi_fields_t *f, size_t obj, const char *key)
{
	if (f->nodes[obj].type != NODE_OBJECT)
		return 0;
	size_t len = strlen(key);
	for (size_t k = f->nodes[obj].child; k; k = f->nodes[k].next)
		if (f->nodes[k].key_len == len &&
		    !memcmp(f->nodes[k].key, key, len))
			return k;
	return 0;
}

/* The i-th element of array node `arr`, or 0. */
static size_t
fields_element(const ldi_fields_t *f, size_t arr, size_t i)
{
	if (!arr || f->nodes[arr].type != NODE_ARRAY)
		return 0;
	size_t k = f->nodes[arr].child;
	while (k && i--)
		k = f->nodes[k].next;
	return k;
}

/* Node k's string, or NULL when it is none. */
static const char *
fields_string(const ldi_fields_t *f, size_t k)
{
	return k && f->nodes[k].type == NODE_STRING ? f->nodes[k].str : NULL;
}

static void
stored_free(ldi_stored_t *s)
{
	fields_free(&s->read);
	json_decref(s->json);
	s->json = NULL;
}

/* Reads the stored object json (len bytes) of document docid's `what`
 * into s, by fields_read or else by jansson. LEDE_OK, or LEDE_NOMEM or
 * LEDE_CORRUPT with r's message set. */
static lede_status_t
stored_parse(lede_results_t *r, ldi_stored_t *s, const char *json,
	     size_t len, uint32_t docid, const char *what)
{
	lede_status_t st = fields_read(&s->read, json, len);
	if (st == LEDE_NOMEM)
		return ldi_set_error(&r->errmsg, st, "out of memory");
	if (st != LEDE_DONE)
		return st;
	json_error_t jerr;
	s->json = json_loadb(json, len, 0, &jerr);
	if (json_is_object(s->json))
		return LEDE_OK;
	json_decref(s->json);
	s->json = NULL;
	return ldi_set_error(&r->errmsg, LEDE_CORRUPT,
			     "document %u has unreadable %s: %s", docid, what,
			     len ? jerr.text : "none stored");
}

/* A failed read of hit i's `what`: the status, with r's message naming
 * the hit and Xapian's reason. */
static lede_status_t
hit_read_failed(lede_results_t *r, xc_status_t xs, const char *what,
		size_t i)
{
	return ldi_set_error(&r->errmsg, ldi_status_from_xc(xs),
			     "cannot read %s hit %zu: %s", what, i + 1,
			     *xc_mset_errmsg(r->mset) ? xc_mset_errmsg(r->mset)
						      : xc_status_str(xs));
}

/* The string under key in s: for a list, its i-th element; else the
 * value itself, for i 0 only. NULL when there is none. */
static const char *
stored_get(const ldi_stored_t *s, const char *key, size_t i)
{
	const ldi_fields_t *f = &s->read;
	if (f->nodes) {
		size_t k = fields_member(f, 0, key);
		if (k && f->nodes[k].type == NODE_ARRAY)
			k = fields_element(f, k, i);
		else if (i > 0)
			return NULL;
		return fields_string(f, k);
	}
	json_t *v = json_object_get(s->json, key);
	if (json_is_array(v))
		v = json_array_get(v, i);
	else if (i > 0)
		return NULL;
	return json_is_string(v) ? json_string_value(v) : NULL;
}

/* Whether key in s is JSON's true. */
static int
stored_true(const ldi_stored_t *s, const char *key)
{
	const ldi_fields_t *f = &s->read;
	if (f->nodes) {
		size_t k = fields_member(f, 0, key);
		return k && f->nodes[k].type == NODE_LITERAL &&
		       !strcmp(f->nodes[k].str, "true");
	}
	return json_is_true(json_object_get(s->json, key));
}

void
ldi_cursor_clear(struct ldi_cursor *cur)
{
	stored_free(&cur->fields);
	stored_free(&cur->with_body);
	xc_doc_free(cur->doc);
	cur->doc = NULL;
	cur->body = NULL;
	cur->have_current = 0;
}

void
lede_results_free(lede_results_t *results)
{
	if (!results)
		return;
	ldi_cursor_clear(&results->cur);
	xc_mset_free(results->mset);
	xc_enquire_free(results->enquire);
	for (int f = 0; f < LDI_N_FIELDS; f++)
		ldi_count_list_free(&results->facets[f]);
	ldi_count_list_free(&results->timeline);
	free(results->order);
	free(results->similars);
	free(results->scores);
	free(results->factors);
	free(results->ages);
	free(results->parts);
	free(results->suggestion);
	free(results->asked_facets);
	free(results->asked_significant);
	free(results->like_id);
	json_decref(results->explain_json);
	ldi_expand_results_free(results);
	free(results->errmsg);
	lede_query_t *query = results->query;
	free(results);
	if (--query->n_results == 0 && query->freed)
		lede_query_free(query);
}

lede_status_t
lede_results_facet(const lede_results_t *r, lede_field_t field, size_t i,
		   const char **value, uint64_t *count)
{
	if (!r || !value || !count || (int)field < 0 ||
	    field >= LDI_N_FIELDS || !r->facet_asked[field])
		return LEDE_MISUSE;
	if (i >= r->facets[field].n)
		return LEDE_DONE;
	*value = r->facets[field].v[i].value;
	*count = r->facets[field].v[i].count;
	return LEDE_OK;
}

lede_status_t
lede_results_timeline(const lede_results_t *r, size_t i, const char **period,
		      uint64_t *count)
{
	if (!r || !period || !count || r->timeline_unit == LEDE_TIMELINE_NONE)
		return LEDE_MISUSE;
	if (i >= r->timeline.n)
		return LEDE_DONE;
	*period = r->timeline.v[i].value;
	*count = r->timeline.v[i].count;
	return LEDE_OK;
}

const char *
lede_results_suggestion(const lede_results_t *r)
{
	return r ? r->suggestion : NULL;
}

int
lede_results_counts_exact(const lede_results_t *r)
{
	return r ? r->counts_exact : 0;
}

lede_query_t *
lede_results_query(const lede_results_t *results)
{
	return results ? results->query : NULL;
}

const char *
lede_results_errmsg(const lede_results_t *results)
{
	if (!results)
		return "no results handle (NULL)";
	return results->errmsg ? results->errmsg : "";
}

lede_status_t
lede_results_total(const lede_results_t *results, uint64_t *estimate,
		   int *exact)
{
	if (!results || !estimate)
		return LEDE_MISUSE;
	*estimate = results->estimated;
	if (exact)
		*exact = results->lower == results->upper;
	return LEDE_OK;
}

double
lede_results_took_ms(const lede_results_t *results)
{
	return results ? results->took_ms : 0;
}

lede_status_t
lede_results_next(lede_results_t *r)
{
	if (!r)
		return LEDE_MISUSE;
	ldi_cursor_clear(&r->cur);
	size_t size = r->order ? r->n_order : xc_mset_size(r->mset);
	if (r->cur.next >= size)
		return LEDE_DONE;
	size_t i = r->order ? r->order[r->cur.next] : r->cur.next;
	r->cur.next++;
	uint32_t docid, rank;
	xc_status_t xs = xc_mset_item(r->mset, i, &docid, &r->cur.score, &rank);
	r->cur.relevance = r->cur.score;
	if (r->order) {
		/* Re-ranked: the rank is the place in the new order. */
		r->cur.score = r->scores[r->cur.next - 1];
		rank = r->query->offset + (uint32_t)(r->cur.next - 1);
	}
	r->cur.similar = r->similars ? r->similars[i] : 0;
	/* The stored fields' JSON (schema.h); the body waits until it is
	 * asked for (ldi_results_read_body). */
	const char *json = NULL;
	size_t len = 0;
	if (xs == XC_OK)
		xs = xc_mset_value(r->mset, i, LDI_SLOT_FIELDS, &json, &len);
	if (xs != XC_OK)
		return hit_read_failed(r, xs, "", i);
	lede_status_t st =
		stored_parse(r, &r->cur.fields, json, len, docid, "fields");
	if (st != LEDE_OK)
		return st;
	r->cur.docid = docid;
	r->cur.index = i;
	r->cur.rank = rank + 1;
	r->cur.have_current = 1;
	return LEDE_OK;
}

/* Most callers list hits without the body, and it is most of what a hit
 * stores (schema.h), so it is read here, on first use. */
lede_status_t
ldi_results_read_body(lede_results_t *r)
{
	if (r->cur.doc)
		return LEDE_OK;
	xc_doc_t *doc = NULL;
	const char *data = NULL;
	size_t len = 0;
	xc_status_t xs = xc_mset_document(r->mset, r->cur.index, &doc);
	if (xs == XC_OK)
		xs = xc_doc_get_data(doc, &data, &len);
	if (xs != XC_OK) {
		xc_doc_free(doc);
		return hit_read_failed(r, xs, "the body of ", r->cur.index);
	}
	/* The JSON of the fields that come with the body, a NUL, the body
	 * (schema.h). The data ends in a NUL of its own (xc_doc_get_data),
	 * so the body is a string; the document holds it until the next
	 * hit. */
	const char *nul = memchr(data, '\0', len);
	lede_status_t st =
		nul ? stored_parse(r, &r->cur.with_body, data,
				   (size_t)(nul - data), r->cur.docid, "data")
		    : ldi_set_error(&r->errmsg, LEDE_CORRUPT,
				    "document %u has unreadable data: no NUL "
				    "after the fields",
				    r->cur.docid);
	if (st != LEDE_OK) {
		xc_doc_free(doc);
		return st;
	}
	r->cur.doc = doc;
	r->cur.body = nul + 1;
	return LEDE_OK;
}

/* ldi_results_read_body for the getters, whose results are const:
 * reading on demand changes nothing a caller sees but the cached body and
 * the message, and a results handle is always allocated by
 * lede_query_run, never defined const, so writing through it is defined.
 * LEDE_MISUSE without a current hit. */
static lede_status_t
read_hit_body(const lede_results_t *results)
{
	lede_results_t *r = (lede_results_t *)(uintptr_t)results;
	if (!r || !r->cur.have_current)
		return LEDE_MISUSE;
	return ldi_results_read_body(r);
}

uint32_t
lede_results_rank(const lede_results_t *results)
{
	return results && results->cur.have_current ? results->cur.rank : 0;
}

double
lede_results_score(const lede_results_t *results)
{
	return results && results->cur.have_current ? results->cur.score : 0;
}

uint32_t
lede_results_similar(const lede_results_t *results)
{
	return results && results->cur.have_current ? results->cur.similar : 0;
}

/* The stored JSON key of each field. */
static const char *
field_key(lede_field_t field)
{
	switch (field) {
	case LEDE_FIELD_ID: return "id";
	case LEDE_FIELD_HEADLINE: return "headline";
	case LEDE_FIELD_BODY: return "body";
	case LEDE_FIELD_AUTHOR: return "authors";
	case LEDE_FIELD_SOURCE: return "source";
	case LEDE_FIELD_SECTION: return "section";
	case LEDE_FIELD_LANGUAGE: return "language";
	case LEDE_FIELD_URL: return "url";
	case LEDE_FIELD_TAG: return "tags";
	case LEDE_FIELD_PLACE: return "places";
	case LEDE_FIELD_ORG: return "orgs";
	case LEDE_FIELD_PERSON: return "people";
	}
	return NULL;
}

/* The i-th string under key in the current hit's stored fields. */
static const char *
stored_string(const lede_results_t *results, const char *key, size_t i)
{
	if (!results || !results->cur.have_current || !key)
		return NULL;
	return stored_get(&results->cur.fields, key, i);
}

const char *
lede_results_field(const lede_results_t *results, lede_field_t field,
		   size_t i)
{
	if (field == LEDE_FIELD_BODY) { /* kept apart from the JSON */
		if (i > 0 || read_hit_body(results) != LEDE_OK)
			return NULL;
		return *results->cur.body ? results->cur.body : NULL;
	}
	/* "url": true is a url that is the id, as a feed's often is: the
	 * JSON does not say it twice (schema.h). */
	if (field == LEDE_FIELD_URL && results && results->cur.have_current &&
	    stored_true(&results->cur.fields, "url"))
		return i == 0 ? stored_string(results, "id", 0) : NULL;
	return stored_string(results, field_key(field), i);
}

lede_status_t
lede_results_quote(const lede_results_t *results, size_t i,
		   const char **text, const char **speaker)
{
	if (!results || !text || !speaker || !results->cur.have_current)
		return LEDE_MISUSE;
	/* The quotes are stored with the body (schema.h). */
	*text = *speaker = NULL;
	lede_status_t st = read_hit_body(results);
	if (st != LEDE_OK)
		return st;
	const ldi_stored_t *s = &results->cur.with_body;
	const ldi_fields_t *f = &s->read;
	if (f->nodes) {
		size_t q = fields_element(f, fields_member(f, 0, "quotes"), i);
		*text = q ? fields_string(f, fields_member(f, q, "text"))
			  : NULL;
		*speaker = q ? fields_string(f, fields_member(f, q, "speaker"))
			     : NULL;
		return *text ? LEDE_OK : LEDE_DONE;
	}
	json_t *q = json_array_get(json_object_get(s->json, "quotes"), i);
	*text = json_string_value(json_object_get(q, "text"));
	*speaker = json_string_value(json_object_get(q, "speaker"));
	return *text ? LEDE_OK : LEDE_DONE;
}

uint64_t
lede_results_words(const lede_results_t *results)
{
	if (!results || !results->cur.have_current)
		return 0;
	const ldi_fields_t *f = &results->cur.fields.read;
	if (f->nodes) {
		size_t k = fields_member(f, 0, "words");
		return k && f->nodes[k].type == NODE_INTEGER &&
				       f->nodes[k].integer > 0
			       ? (uint64_t)f->nodes[k].integer
			       : 0;
	}
	json_t *w = json_object_get(results->cur.fields.json, "words");
	return json_is_integer(w) && json_integer_value(w) > 0
		       ? (uint64_t)json_integer_value(w)
		       : 0;
}

int64_t
lede_results_date(const lede_results_t *results)
{
	const char *iso = stored_string(results, "date", 0);
	int64_t t;
	if (!iso || lede_date_parse(iso, LEDE_NTS, &t) != LEDE_OK)
		return LEDE_NO_DATE;
	return t;
}

/* The snippet of the current hit, with ranges when `ranges` is not
 * NULL. */
static lede_status_t
snippet(lede_results_t *results, size_t max_chars, const char *hi_start,
	const char *hi_end, char **out, ldi_range_list_t *ranges)
{
	*out = NULL;
	lede_status_t st = ldi_results_read_body(results);
	if (st != LEDE_OK)
		return st;
	const char *body = results->cur.body;
	const ldi_parsed_query_t *pq = &results->query->parsed;
	/* Matches are found with the stemmer the article was indexed with. */
	lede_db_t *db = results->query->db;
	const char *stored = stored_string(results, "language", 0);
	const char *lang =
		stored ? ldi_language_code(stored, strlen(stored)) : NULL;
	if (!lang)
		lang = LDI_LANGUAGE_UNKNOWN;
	xc_stemmer_t *stemmer = NULL;
	for (size_t i = 0; i < db->n_languages; i++)
		if (!strcmp(db->languages[i].code, lang))
			stemmer = db->languages[i].stemmer;
	char *s = ldi_snippet(body ? body : "", pq->words, pq->n_words,
			      stemmer, max_chars, hi_start ? hi_start : "",
			      hi_end ? hi_end : "", ranges);
	if (!s)
		return ldi_set_error(&results->errmsg, LEDE_NOMEM,
				     "out of memory");
	*out = s;
	return LEDE_OK;
}

lede_status_t
lede_results_snippet(lede_results_t *results, size_t max_chars,
		     const char *hi_start, const char *hi_end, char **out)
{
	if (out)
		*out = NULL;
	if (!results)
		return LEDE_MISUSE;
	if (!out || !results->cur.have_current)
		return ldi_set_error(&results->errmsg, LEDE_MISUSE,
				     "lede_results_snippet: %s",
				     out ? "no current hit" :
					   "snippet is NULL");
	return snippet(results, max_chars, hi_start, hi_end, out, NULL);
}

lede_status_t
lede_results_snippet_ranges(lede_results_t *results, size_t max_chars,
			    char **out, lede_range_t **ranges,
			    size_t *n_ranges)
{
	if (out)
		*out = NULL;
	if (ranges)
		*ranges = NULL;
	if (n_ranges)
		*n_ranges = 0;
	if (!results)
		return LEDE_MISUSE;
	if (!out || !ranges || !n_ranges || !results->cur.have_current)
		return ldi_set_error(&results->errmsg, LEDE_MISUSE,
				     "lede_results_snippet_ranges: %s",
				     results->cur.have_current
					     ? "a NULL pointer"
					     : "no current hit");
	ldi_range_list_t list = { NULL, 0, 0 };
	lede_status_t st = snippet(results, max_chars, "", "", out, &list);
	if (st != LEDE_OK || list.n == 0) {
		free(list.v);
		return st;
	}
	*ranges = list.v;
	*n_ranges = list.n;
	return LEDE_OK;
}
