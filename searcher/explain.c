/* explain.c: what a query runs as, and what each hit's score is made of.
 * SPDX-License-Identifier: MIT
 *
 * A hit's relevance is Xapian's BM25 weight for the whole query: the sum,
 * over the weighted leaves the hit matches, of their weights (OR, AND and
 * AND_MAYBE add their sides' weights; FILTER and NOT add nothing of their
 * right side; a phrase or NEAR weighs what its words weigh). So the parts
 * of the query the user typed (query_parse.h's ldi_query_part_t: a word
 * with its stems, a phrase, a NEAR group, a field's word) and, with
 * --like, the like terms, add up to it.
 *
 * Rather than recompute BM25 here, each part's weight is measured: the
 * query is run again once per part, the same query with every other part
 * scaled to 0 (ldi_query_reweigh), restricted to the page's hits by their
 * id terms. Structure, statistics and weighting are those of the real run,
 * so a hit matches each of these queries and weighs exactly what that
 * part adds to its score (up to rounding in the order of the additions).
 * A part that matched in a branch that did not count (a NOT, an AND whose
 * other side failed) weighs 0, as it did.
 *
 * With --sort recency the score is that relevance times the decay factor
 * (search.c's rank_by_recency), which is kept per hit.
 */
#include <stdlib.h>
#include <string.h>

#include "query_parse.h"
#include "schema.h"
#include "search_internal.h"

lede_status_t
lede_query_set_explain(lede_query_t *query, int explain)
{
	if (!query)
		return LEDE_MISUSE;
	query->explain = explain != 0;
	return LEDE_OK;
}

/* The number of parts: the text's, and one for the like terms. */
static size_t
n_parts(const lede_query_t *q)
{
	return q->parsed.n_parts + (q->like_id ? 1 : 0);
}

lede_status_t
lede_query_part(const lede_query_t *query, size_t i, const char **clause,
		const char **field, const char **matches)
{
	if (!query || !clause || !field || !matches)
		return LEDE_MISUSE;
	if (i >= n_parts(query))
		return LEDE_DONE;
	if (i < query->parsed.n_parts) {
		const ldi_query_part_t *part = &query->parsed.parts[i];
		*clause = part->clause;
		*field = part->field;
		*matches = part->matches;
		return LEDE_OK;
	}
	*clause = query->like_id;
	*field = "like";
	*matches = query->like_readable ? query->like_readable
					: query->like_id;
	return LEDE_OK;
}

/* A growing string; NULL once out of memory. */
typedef struct buf {
	char *s;
	size_t n, cap;
	int failed;
} buf_t;

static void
put(buf_t *b, const char *s)
{
	size_t len = strlen(s);
	if (b->failed)
		return;
	if (b->n + len + 1 > b->cap) {
		size_t cap = 2 * (b->n + len + 1);
		char *ns = realloc(b->s, cap);
		if (!ns) {
			free(b->s);
			b->s = NULL;
			b->failed = 1;
			return;
		}
		b->s = ns;
		b->cap = cap;
	}
	memcpy(b->s + b->n, s, len + 1);
	b->n += len;
}

const char *
lede_query_describe(lede_query_t *query)
{
	if (!query)
		return NULL;
	buf_t b = { NULL, 0, 0, 0 };
	const char *text = query->parsed.readable;
	const char *like = query->like_readable ? query->like_readable : NULL;
	char *like_id = NULL;
	if (query->like_id && !like) {
		/* Not run yet: the terms are not known. */
		like_id = ldi_strdup_printf("like:%s", query->like_id);
		like = like_id;
		if (!like_id)
			b.failed = 1;
	}
	if (text && like) {
		put(&b, "(");
		put(&b, text);
		put(&b, " AND_MAYBE ");
		put(&b, like);
		put(&b, ")");
	} else {
		put(&b, text ? text : like ? like : "<nothing>");
	}
	free(like_id);
	/* The filters, in the order ldi_search_query applies them. */
	size_t n_filters = 0;
	for (int f = 0; f < LDI_N_FIELDS; f++) {
		size_t in_field = 0, first = 0;
		for (size_t i = 0; i < query->n_filters; i++)
			if ((int)query->filters[i].field == f &&
			    in_field++ == 0)
				first = i;
		for (size_t i = first; in_field && i < query->n_filters; i++) {
			if ((int)query->filters[i].field != f)
				continue;
			if (i == first) {
				put(&b, n_filters++ ? " AND " : " FILTER ");
				if (in_field > 1)
					put(&b, "(");
			} else {
				put(&b, " OR ");
			}
			put(&b, query->filters[i].readable);
		}
		if (in_field > 1)
			put(&b, ")");
	}
	if (query->since != LEDE_NO_DATE || query->until != LEDE_NO_DATE) {
		char shown[LDI_DATE_RANGE_BUFSIZE];
		ldi_date_range_readable(query->since, query->until, shown);
		put(&b, n_filters++ ? " AND " : " FILTER ");
		put(&b, shown);
	}
	for (size_t i = 0; i < query->parsed.n_filters; i++) {
		put(&b, n_filters++ ? " AND " : " FILTER ");
		put(&b, query->parsed.filters[i].readable);
	}
	free(query->described);
	query->described = b.s;
	return query->described;
}

/* The page's hit i as an mset index. */
static size_t
page_index(const lede_results_t *r, size_t i)
{
	return r->order ? r->order[i] : i;
}

static size_t
page_size(const lede_results_t *r)
{
	return r->order ? r->n_order : xc_mset_size(r->mset);
}

/* The OR of the id terms of the page's hits, and their docids. */
static xc_status_t
page_filter(lede_results_t *r, uint32_t *docids, xc_query_t **out)
{
	size_t n = page_size(r), k = 0;
	xc_query_t **terms = calloc(n ? n : 1, sizeof *terms);
	xc_status_t xs = terms ? XC_OK : XC_NOMEM;
	*out = NULL;
	for (size_t i = 0; xs == XC_OK && i < n; i++) {
		const char *id;
		size_t len = 0;
		char term[LDI_ID_TERM_SIZE];
		xs = xc_mset_item(r->mset, page_index(r, i), &docids[i], NULL,
				  NULL);
		if (xs == XC_OK)
			xs = xc_mset_value(r->mset, page_index(r, i), LDI_SLOT_ID,
					   &id, &len);
		if (xs == XC_OK)
			xs = xc_query_term(term, ldi_id_term(id, len, term), 1,
					   0, &terms[k]);
		if (xs == XC_OK)
			k++;
	}
	if (xs == XC_OK)
		xs = xc_query_combine(XC_OP_OR, terms, k, 0, out);
	while (k)
		xc_query_free(terms[--k]);
	free(terms);
	return xs;
}

/* The query whose weight is part `part`'s alone (n_parts(q) - 1 is the
 * like terms', when there are some). */
static lede_status_t
part_query(lede_query_t *q, size_t part, xc_query_t **out)
{
	const ldi_parsed_query_t *pq = &q->parsed;
	xc_query_t *text = NULL;
	*out = NULL;
	if (pq->query) {
		size_t id = part < pq->n_parts ? pq->parts[part].id
					       : LDI_NO_PART;
		lede_db_t *db = q->db;
		lede_status_t st = ldi_query_reweigh(
			q->text, strlen(q->text), db->languages,
			db->n_languages, pq, id, &text);
		if (st != LEDE_OK)
			return ldi_set_error(&q->errmsg, st,
					     "cannot explain '%s': %s", q->text,
					     lede_status_str(st));
	}
	if (!q->like_id) {
		*out = text;
		return LEDE_OK;
	}
	lede_status_t st = ldi_expand_scored(q, text, part >= pq->n_parts,
					     out);
	xc_query_free(text);
	return st;
}

lede_status_t
ldi_explain_collect(lede_results_t *r)
{
	lede_query_t *q = r->query;
	size_t hits = page_size(r), parts = n_parts(q);
	free(r->parts);
	r->parts = NULL;
	r->n_parts = parts;
	if (hits == 0 || parts == 0)
		return LEDE_OK;
	r->parts = calloc(hits * parts, sizeof *r->parts);
	uint32_t *docids = calloc(hits, sizeof *docids);
	xc_query_t *page = NULL;
	if (!r->parts || !docids) {
		free(docids);
		return ldi_set_error(&q->errmsg, LEDE_NOMEM, "out of memory");
	}
	lede_status_t st = LEDE_OK;
	xc_status_t xs = page_filter(r, docids, &page);
	char *detail = xs != XC_OK ? ldi_strdup_printf(
					     "%s", xc_mset_errmsg(r->mset))
				   : NULL;
	for (size_t k = 0; xs == XC_OK && st == LEDE_OK && k < parts; k++) {
		xc_query_t *pq = NULL, *both = NULL;
		xc_enquire_t *enq = NULL;
		xc_mset_t *mset = NULL;
		st = part_query(q, k, &pq);
		if (st != LEDE_OK)
			break;
		xc_query_t *pair[2] = { pq, page };
		xs = xc_query_combine(XC_OP_FILTER, pair, 2, 0, &both);
		if (xs == XC_OK)
			xs = ldi_enquire_new(q, both, &enq);
		/* Every hit of the page matches: room for all of them. */
		if (xs == XC_OK)
			xs = xc_enquire_mset(enq, 0, (uint32_t)hits + 1,
					     (uint32_t)hits + 1, &mset);
		for (size_t m = 0; xs == XC_OK && m < xc_mset_size(mset);
		     m++) {
			uint32_t docid;
			double w;
			xs = xc_mset_item(mset, m, &docid, &w, NULL);
			for (size_t i = 0; xs == XC_OK && i < hits; i++)
				if (docids[i] == docid)
					r->parts[i * parts + k] = w;
		}
		if (xs != XC_OK)
			detail = ldi_strdup_printf(
				"%s", enq ? xc_enquire_errmsg(enq) : "");
		xc_mset_free(mset);
		xc_enquire_free(enq);
		xc_query_free(both);
		xc_query_free(pq);
	}
	if (xs != XC_OK)
		st = ldi_set_error(&q->errmsg, ldi_status_from_xc(xs),
				   "cannot explain '%s': %s", q->text,
				   detail && *detail ? detail
						     : xc_status_str(xs));
	free(detail);
	xc_query_free(page);
	free(docids);
	return st;
}

lede_status_t
lede_results_part(const lede_results_t *results, size_t i, double *weight)
{
	if (!results || !weight || !results->cur.have_current ||
	    !results->explain)
		return LEDE_MISUSE;
	if (i >= results->n_parts)
		return LEDE_DONE;
	*weight = results->parts
			  ? results->parts[(results->cur.next - 1) *
						   results->n_parts +
					   i]
			  : 0;
	return LEDE_OK;
}

double
lede_results_relevance(const lede_results_t *results)
{
	return results && results->cur.have_current ? results->cur.relevance
						    : 0;
}

double
lede_results_recency(const lede_results_t *results, int64_t *age,
		     int64_t *half_life)
{
	int recency = results && results->cur.have_current && results->factors;
	size_t i = recency ? results->cur.next - 1 : 0;
	if (age)
		*age = recency ? results->ages[i] : 0;
	if (half_life)
		*half_life = recency ? results->half_life : 0;
	return recency ? results->factors[i] : 1.0;
}
