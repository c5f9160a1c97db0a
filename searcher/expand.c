/* expand.c: articles like a given one (--like) and the values a field has
 * more often in the results than in the whole index (--significant).
 * SPDX-License-Identifier: MIT
 *
 * Both come from Xapian's query expansion (xc_enquire_eset): given some
 * documents (the relevance set), the terms that best tell them from the
 * rest of the index.
 * - --like ID: the relevance set is the article itself. Its LIKE_TERMS
 *   best plain words (stems, headline copies and field terms are prefixed
 *   and left out: they would only repeat the words; stopwords too) are
 *   ORed; articles
 *   sharing many of them, and the rarer ones, rank first. The article
 *   itself is left out. With query text as well, the text must match and
 *   the like terms rank (AND_MAYBE): "like this one, about that".
 * - --significant FIELD: the relevance set is the first SIGNIFICANT_RSET
 *   matches in relevance order, and only the field's boolean terms count
 *   ("XPLACEparis"), so the values whose share of the results is well
 *   above their share of the index come first, scored by their expand
 *   weight. Terms are folded ("paris"); the form to show ("Paris") is
 *   found among the relevance set's values in the field's slot, which
 *   holds each value as stored and is small. The stored fields' slot
 *   would serve too, but it is JSON, to be parsed a hundred times.
 */
#include <stdlib.h>
#include <string.h>

#include "analyze.h"
#include "language.h"
#include "schema.h"
#include "search_internal.h"

/* How many of the article's words --like searches for. */
#define LIKE_TERMS 40
/* The best matches whose values --significant weighs against the index. */
#define SIGNIFICANT_RSET 100
/* "All" values of a field, for max_values 0. */
#define SIGNIFICANT_ALL 10000

/* A malloc'ed copy of s, NULL for NULL, "" or no memory. */
static char *
copy_str(const char *s)
{
	if (!s || !*s)
		return NULL;
	char *c = malloc(strlen(s) + 1);
	if (c)
		strcpy(c, s);
	return c;
}

static lede_status_t
expand_error(lede_query_t *q, xc_status_t xs, const char *detail)
{
	return ldi_set_error(&q->errmsg, ldi_status_from_xc(xs),
			     "search in '%s' failed: %s", q->db->path,
			     detail && *detail ? detail : xc_status_str(xs));
}

lede_status_t
lede_query_set_like(lede_query_t *query, const char *id)
{
	if (!query)
		return LEDE_MISUSE;
	if (!id || !*id)
		return ldi_set_error(&query->errmsg, LEDE_MISUSE,
				     "lede_query_set_like: no id");
	char *copy = copy_str(id);
	if (!copy)
		return ldi_set_error(&query->errmsg, LEDE_NOMEM,
				     "out of memory");
	free(query->like_id);
	query->like_id = copy;
	return LEDE_OK;
}

lede_status_t
lede_query_add_significant(lede_query_t *query, lede_field_t field,
			   uint32_t max_values)
{
	if (!query)
		return LEDE_MISUSE;
	if (!ldi_whole_value_prefix(field))
		return ldi_set_error(&query->errmsg, LEDE_MISUSE,
				     "lede_query_add_significant: this field "
				     "has no whole values to weigh");
	for (size_t i = 0; i < query->n_significant; i++)
		if (query->significant[i].field == field) {
			query->significant[i].max = max_values;
			return LEDE_OK;
		}
	ldi_facet_req_t *grown =
		realloc(query->significant,
			(query->n_significant + 1) * sizeof *grown);
	if (!grown)
		return ldi_set_error(&query->errmsg, LEDE_NOMEM,
				     "out of memory");
	query->significant = grown;
	grown[query->n_significant].field = field;
	grown[query->n_significant].max = max_values;
	query->n_significant++;
	return LEDE_OK;
}

/* The docid of the article whose unique term is term, in *docid (0 when
 * there is none). */
static xc_status_t
find_article(xc_db_t *xdb, const char *term, size_t len, uint32_t *docid,
	     char **detail)
{
	xc_query_t *tq = NULL;
	xc_enquire_t *enq = NULL;
	xc_mset_t *mset = NULL;
	*docid = 0;
	xc_status_t xs = xc_query_term(term, len, 1, 0, &tq);
	if (xs == XC_OK)
		xs = xc_enquire_new(xdb, &enq);
	if (xs == XC_OK)
		xs = xc_enquire_set_query(enq, tq, 0);
	if (xs == XC_OK)
		xs = xc_enquire_mset(enq, 0, 1, 1, &mset);
	if (xs == XC_OK && xc_mset_size(mset))
		xs = xc_mset_item(mset, 0, docid, NULL, NULL);
	if (xs != XC_OK) {
		const char *m = enq ? xc_enquire_errmsg(enq) : xc_db_errmsg(xdb);
		*detail = copy_str(m);
	}
	xc_mset_free(mset);
	xc_enquire_free(enq);
	xc_query_free(tq);
	return xs;
}

/* 1 when word is a stopword of a language the index holds: in a small
 * or one-topic index even "the" can look telling. */
static int
stopword(const lede_db_t *db, const char *word, size_t len)
{
	for (size_t i = 0; i < db->n_languages; i++)
		if (ldi_is_stopword(db->languages[i].code, word, len))
			return 1;
	return 0;
}

/* The OR of the best plain words of document docid, stopwords left out;
 * match-nothing when it has none worth searching for. *readable (NULL
 * when out of memory) shows them: "like:ID[word word ...]". */
static xc_status_t
like_terms(const lede_db_t *db, const char *id, uint32_t docid,
	   xc_query_t **out, char **readable, char **detail)
{
	xc_db_t *xdb = db->xdb;
	xc_enquire_t *enq = NULL;
	xc_eset_t *eset = NULL;
	xc_query_t *terms[LIKE_TERMS];
	size_t n = 0;
	*out = NULL;
	/* Terms are at most LDI_MAX_TERM_BYTES, plain words. */
	size_t cap = strlen(id) + 16 + LIKE_TERMS * (LDI_MAX_TERM_BYTES + 1);
	char *shown = malloc(cap);
	size_t at = shown ? (size_t)snprintf(shown, cap, "like:%s[", id) : 0;
	xc_status_t xs = xc_enquire_new(xdb, &enq);
	if (xs == XC_OK)
		xs = xc_enquire_eset(enq, &docid, 1, 2 * LIKE_TERMS, NULL, 0,
				     1, &eset);
	if (xs != XC_OK) {
		const char *m = enq ? xc_enquire_errmsg(enq) : xc_db_errmsg(xdb);
		*detail = copy_str(m);
	}
	for (size_t i = 0;
	     xs == XC_OK && i < xc_eset_size(eset) && n < LIKE_TERMS; i++) {
		const char *t;
		size_t len;
		xs = xc_eset_item(eset, i, &t, &len, NULL);
		if (xs == XC_OK && stopword(db, t, len))
			continue;
		if (xs == XC_OK)
			xs = xc_query_term(t, len, 1, 0, &terms[n]);
		if (xs == XC_OK && shown && at + len + 3 < cap)
			at += (size_t)snprintf(shown + at, cap - at, "%s%s",
					       n ? " " : "", t);
		if (xs == XC_OK)
			n++;
	}
	if (shown)
		snprintf(shown + at, cap - at, "]");
	*readable = shown;
	if (xs == XC_OK)
		xs = n ? xc_query_combine(XC_OP_OR, terms, n, 0, out)
		       : xc_query_match_nothing(out);
	while (n)
		xc_query_free(terms[--n]);
	xc_eset_free(eset);
	xc_enquire_free(enq);
	return xs;
}

/* Combines a and b with op into *out; a and b are freed either way. */
static xc_status_t
combine2(xc_op_t op, xc_query_t *a, xc_query_t *b, xc_query_t **out)
{
	xc_query_t *pair[2] = { a, b };
	xc_status_t xs = xc_query_combine(op, pair, 2, 0, out);
	xc_query_free(a);
	xc_query_free(b);
	return xs;
}

lede_status_t
ldi_expand_scored(lede_query_t *q, const xc_query_t *text, int like_weighs,
		  xc_query_t **out)
{
	xc_query_t *like = NULL, *scored = NULL, *self = NULL;
	*out = NULL;
	xc_status_t xs = like_weighs ? xc_query_scale(q->like, 1, &like)
				     : xc_query_scale(q->like, 0, &like);
	if (xs == XC_OK && text) {
		/* The text decides what matches; likeness adds to the
		 * score. (A factor of 1 copies the text, which stays.) */
		xc_query_t *copy = NULL;
		xs = xc_query_scale(text, 1, &copy);
		if (xs == XC_OK)
			xs = combine2(XC_OP_AND_MAYBE, copy, like, &scored);
		else
			xc_query_free(like);
	} else {
		scored = like;
	}
	like = NULL;
	if (xs == XC_OK)
		xs = xc_query_scale(q->like_self, 1, &self);
	if (xs == XC_OK) {
		xs = combine2(XC_OP_AND_NOT, scored, self, out);
		scored = NULL;
	}
	xc_query_free(scored);
	if (xs != XC_OK)
		return expand_error(q, xs, NULL);
	return LEDE_OK;
}

/* Frees what the last run built for the like id, so a run builds it
 * afresh (the index may have changed) and a freed query holds none. */
static void
drop_like_queries(lede_query_t *q)
{
	xc_query_free(q->scored);
	xc_query_free(q->like);
	xc_query_free(q->like_self);
	free(q->like_readable);
	q->scored = q->like = q->like_self = NULL;
	q->like_readable = NULL;
}

lede_status_t
ldi_expand_prepare(lede_query_t *q)
{
	drop_like_queries(q);
	if (!q->like_id)
		return q->parsed.query
			       ? LEDE_OK
			       : ldi_set_error(&q->errmsg, LEDE_BAD_QUERY,
					       "empty query: give at least "
					       "one word");
	char term[LDI_ID_TERM_SIZE];
	size_t tlen = ldi_id_term(q->like_id, strlen(q->like_id), term);
	uint32_t docid = 0;
	char *detail = NULL;
	xc_status_t xs = find_article(q->db->xdb, term, tlen, &docid, &detail);
	if (xs == XC_OK && !docid)
		return ldi_set_error(&q->errmsg, LEDE_BAD_QUERY,
				     "no article with id '%s' to find "
				     "articles like",
				     q->like_id);
	if (xs == XC_OK)
		xs = like_terms(q->db, q->like_id, docid, &q->like,
				&q->like_readable, &detail);
	if (xs == XC_OK)
		xs = xc_query_term(term, tlen, 1, 0, &q->like_self);
	if (xs != XC_OK) {
		lede_status_t st = expand_error(q, xs, detail);
		free(detail);
		return st;
	}
	free(detail);
	if (!q->like_readable)
		return ldi_set_error(&q->errmsg, LEDE_NOMEM, "out of memory");
	return ldi_expand_scored(q, q->parsed.query, 1, &q->scored);
}

/* A display form of a value and its folded form, from a field's slot. */
typedef struct shown {
	char *folded;
	const char *display; /* into the slot copy it came from */
	size_t len;
} shown_t;

/* The relevance set: the first SIGNIFICANT_RSET matches by relevance,
 * their docids and, for each field asked for, the field's slot (copied;
 * NULL for the other fields). */
typedef struct rset {
	uint32_t docids[SIGNIFICANT_RSET];
	char *slots[SIGNIFICANT_RSET][LDI_N_FIELDS];
	size_t slot_lens[SIGNIFICANT_RSET][LDI_N_FIELDS];
	size_t n;
} rset_t;

static void
rset_free(rset_t *rs)
{
	for (size_t i = 0; i < rs->n; i++)
		for (int f = 0; f < LDI_N_FIELDS; f++)
			free(rs->slots[i][f]);
	rs->n = 0;
}

/* Copies the slot of each field asked for, of hit i of mset, into rs's
 * entry d (the values alone: the document's data is not read). */
static xc_status_t
copy_slots(const lede_query_t *q, xc_mset_t *mset, size_t i, rset_t *rs,
	   size_t d)
{
	for (int f = 0; f < LDI_N_FIELDS; f++) {
		rs->slots[d][f] = NULL;
		rs->slot_lens[d][f] = 0;
	}
	for (size_t k = 0; k < q->n_significant; k++) {
		lede_field_t f = q->significant[k].field;
		const char *v;
		size_t len = 0;
		if (rs->slots[d][f])
			continue;
		xc_status_t xs = xc_mset_value(mset, i, ldi_facet_slot(f), &v,
					       &len);
		if (xs != XC_OK)
			return xs;
		char *copy = malloc(len + 1);
		if (!copy)
			return XC_NOMEM;
		memcpy(copy, v, len);
		copy[len] = '\0';
		rs->slots[d][f] = copy;
		rs->slot_lens[d][f] = len;
	}
	return XC_OK;
}

/* Fills rs from a fresh run of the results' enquire, in relevance order
 * whatever order the page was in: the results' own page may be another
 * order, another offset, or too short. The enquire is not used again
 * for the results (their hits are in their own mset), and its spies
 * were read already. */
static lede_status_t
rset_fill(lede_results_t *r, rset_t *rs)
{
	lede_query_t *q = r->query;
	xc_mset_t *mset = NULL;
	xc_status_t xs = xc_enquire_set_sort_by_relevance_then_value(
		r->enquire, LDI_SLOT_ID, 0);
	if (xs == XC_OK)
		xs = xc_enquire_mset(r->enquire, 0, SIGNIFICANT_RSET, 0, &mset);
	if (xs != XC_OK)
		return expand_error(q, xs, xc_enquire_errmsg(r->enquire));
	size_t n = xc_mset_size(mset);
	for (size_t i = 0; xs == XC_OK && i < n && i < SIGNIFICANT_RSET;
	     i++) {
		xs = xc_mset_item(mset, i, &rs->docids[rs->n], NULL, NULL);
		if (xs == XC_OK) {
			/* Counted first, so rset_free frees what was
			 * copied even when a copy fails. */
			rs->n++;
			xs = copy_slots(q, mset, i, rs, rs->n - 1);
		}
	}
	lede_status_t st = LEDE_OK;
	if (xs == XC_NOMEM)
		st = ldi_set_error(&q->errmsg, LEDE_NOMEM, "out of memory");
	else if (xs != XC_OK)
		st = expand_error(q, xs, xc_mset_errmsg(mset));
	xc_mset_free(mset);
	return st;
}

static void
shown_free(shown_t *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(s[i].folded);
	free(s);
}

/* Every value of field in the relevance set's slots, with its folded
 * form. -1 when out of memory. */
static int
shown_values(const rset_t *rs, lede_field_t field, shown_t **out,
	     size_t *n_out)
{
	shown_t *s = NULL;
	size_t n = 0, cap = 0;
	for (size_t d = 0; d < rs->n; d++) {
		const char *p = rs->slots[d][field];
		if (!p)
			continue;
		const char *end = p + rs->slot_lens[d][field];
		while (p < end) {
			const char *e = memchr(p, LDI_VALUE_SEP,
					       (size_t)(end - p));
			if (!e)
				e = end;
			if (e > p) {
				if (n == cap) {
					cap = cap ? 2 * cap : 16;
					shown_t *g = realloc(s, cap * sizeof *g);
					if (!g) {
						shown_free(s, n);
						return -1;
					}
					s = g;
				}
				size_t flen;
				if (ldi_fold(p, (size_t)(e - p), &s[n].folded,
					     &flen) == 0) {
					s[n].display = p;
					s[n].len = (size_t)(e - p);
					n++;
				}
			}
			p = e + 1;
		}
	}
	*out = s;
	*n_out = n;
	return 0;
}

/* Adds the value named by term (its folded form after the prefix) to l,
 * as shown in its field's slot, else as folded. */
static int
add_scored(ldi_scored_list_t *l, const char *folded, size_t flen,
	   const shown_t *shown, size_t n_shown, double score)
{
	const char *v = folded;
	size_t len = flen;
	for (size_t i = 0; i < n_shown; i++)
		if (strlen(shown[i].folded) == flen &&
		    !memcmp(shown[i].folded, folded, flen)) {
			v = shown[i].display;
			len = shown[i].len;
			break;
		}
	char *copy = malloc(len + 1);
	if (!copy)
		return -1;
	memcpy(copy, v, len);
	copy[len] = '\0';
	l->v[l->n].value = copy;
	l->v[l->n].score = score;
	l->n++;
	return 0;
}

/* The significant values of one field, into r->significant[field]. */
static lede_status_t
significant_field(lede_results_t *r, const rset_t *rs,
		  const ldi_facet_req_t *req)
{
	lede_query_t *q = r->query;
	const char *prefix = ldi_whole_value_prefix(req->field);
	size_t plen = strlen(prefix);
	xc_eset_t *eset = NULL;
	xc_status_t xs = xc_enquire_eset(
		r->enquire, rs->docids, rs->n,
		req->max ? req->max : SIGNIFICANT_ALL, prefix, plen, 0, &eset);
	if (xs != XC_OK)
		return expand_error(q, xs, xc_enquire_errmsg(r->enquire));
	shown_t *shown = NULL;
	size_t n_shown = 0, n = xc_eset_size(eset);
	ldi_scored_list_t *l = &r->significant[req->field];
	l->v = malloc((n ? n : 1) * sizeof *l->v);
	int nomem = !l->v ||
		    shown_values(rs, req->field, &shown, &n_shown) != 0;
	for (size_t i = 0; !nomem && i < n; i++) {
		const char *t;
		size_t len;
		double w;
		if (xc_eset_item(eset, i, &t, &len, &w) != XC_OK ||
		    len <= plen)
			continue;
		nomem = add_scored(l, t + plen, len - plen, shown, n_shown,
				   w) != 0;
	}
	shown_free(shown, n_shown);
	xc_eset_free(eset);
	return nomem ? ldi_set_error(&q->errmsg, LEDE_NOMEM, "out of memory")
		     : LEDE_OK;
}

lede_status_t
ldi_significant_collect(lede_results_t *r)
{
	lede_query_t *q = r->query;
	rset_t rs;
	rs.n = 0;
	lede_status_t st = rset_fill(r, &rs);
	for (size_t i = 0; st == LEDE_OK && i < q->n_significant; i++) {
		r->significant_asked[q->significant[i].field] = 1;
		st = significant_field(r, &rs, &q->significant[i]);
	}
	rset_free(&rs);
	return st;
}

lede_status_t
lede_results_significant(const lede_results_t *results, lede_field_t field,
			 size_t i, const char **value, double *score)
{
	if (!results || !value || !score || (int)field < 0 ||
	    field >= LDI_N_FIELDS || !results->significant_asked[field])
		return LEDE_MISUSE;
	if (i >= results->significant[field].n)
		return LEDE_DONE;
	*value = results->significant[field].v[i].value;
	*score = results->significant[field].v[i].score;
	return LEDE_OK;
}

void
ldi_expand_query_free(lede_query_t *q)
{
	free(q->like_id);
	q->like_id = NULL;
	drop_like_queries(q);
	free(q->significant);
	q->significant = NULL;
	q->n_significant = 0;
}

void
ldi_expand_results_free(lede_results_t *r)
{
	for (int f = 0; f < LDI_N_FIELDS; f++) {
		ldi_scored_list_t *l = &r->significant[f];
		for (size_t i = 0; i < l->n; i++)
			free(l->v[i].value);
		free(l->v);
		l->v = NULL;
		l->n = 0;
	}
}
