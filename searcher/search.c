/* search.c: running a query and walking its hits.
 * SPDX-License-Identifier: MIT
 */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "db_internal.h"
#include "language.h"
#include "query_parse.h"
#include "schema.h"
#include "snippet.h"
#include "utf8.h"

/* BM25 parameters. k1 1.2 and b 0.75 held up better than Xapian's
 * defaults (k1 1, b 0.5) on all three collections in ../shared/eval. */
#define BM25_K1 1.2
#define BM25_K2 0.0
#define BM25_K3 1.0
#define BM25_B 0.75
#define BM25_MIN_NORMLEN 0.5

/* Matches counted exactly, beyond the page asked for, so that a total
 * is usually exact without walking every posting of a common word. */
#define CHECK_AT_LEAST 1000

struct lede_query {
	lede_db_t *db;
	char *text; /* as given, invalid UTF-8 repaired */
	ldi_parsed_query_t parsed;
	uint32_t limit;
	uint32_t offset;
	char *errmsg;
};

struct lede_results {
	lede_query_t *query;
	xc_enquire_t *enquire;
	xc_mset_t *mset;
	uint32_t estimated, lower, upper;
	size_t next;	  /* index of the next hit in mset */
	int have_current; /* 1 once lede_results_next gave a hit */
	uint32_t rank;
	double score;
	json_t *fields;	  /* the current hit's stored fields */
	char *errmsg;
};

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
	lede_query_t *q = calloc(1, sizeof *q);
	if (!q)
		return ldi_set_error(&db->errmsg, LEDE_NOMEM, "out of memory");
	q->db = db;
	q->limit = 10;
	/* Repaired up front, so the parser, the folding and whoever prints
	 * the query back all see valid UTF-8. */
	size_t tlen;
	q->text = ldi_utf8_repair(text, len, &tlen, NULL);
	if (!q->text) {
		free(q);
		return ldi_set_error(&db->errmsg, LEDE_NOMEM, "out of memory");
	}
	/* The languages (and so the stemmers) a writer added since. */
	lede_status_t st = LEDE_OK;
	if (!db->writable && xc_db_reopen(db->xdb, NULL) == XC_OK)
		st = ldi_db_load_languages(db);
	if (st != LEDE_OK) {
		free(q->text);
		free(q);
		return st;
	}
	char *msg = NULL;
	st = ldi_query_parse(q->text, tlen, db->languages, db->n_languages,
			     &q->parsed, &msg);
	if (st != LEDE_OK) {
		ldi_set_error(&db->errmsg, st, "%s", msg ? msg : "");
		free(msg);
		free(q->text);
		free(q);
		return st;
	}
	*out = q;
	return LEDE_OK;
}

void
lede_query_free(lede_query_t *query)
{
	if (!query)
		return;
	ldi_parsed_query_free(&query->parsed);
	free(query->text);
	free(query->errmsg);
	free(query);
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

static lede_status_t
run_failed(lede_query_t *query, lede_results_t *r, xc_status_t xs,
	   const char *detail)
{
	lede_status_t st = ldi_set_error(&query->errmsg,
					 ldi_status_from_xc(xs),
					 "search in '%s' failed: %s",
					 query->db->path,
					 *detail ? detail : xc_status_str(xs));
	xc_mset_free(r->mset);
	xc_enquire_free(r->enquire);
	free(r);
	return st;
}

lede_status_t
lede_query_run(lede_query_t *query, lede_results_t **out)
{
	if (!query)
		return LEDE_MISUSE;
	if (!out)
		return ldi_set_error(&query->errmsg, LEDE_MISUSE,
				     "lede_query_run: out is NULL");
	*out = NULL;
	lede_results_t *r = calloc(1, sizeof *r);
	if (!r)
		return ldi_set_error(&query->errmsg, LEDE_NOMEM,
				     "out of memory");
	r->query = query;
	xc_db_t *xdb = query->db->xdb;
	/* A reader sees the index as it was when opened: catch up with
	 * what writers committed since. */
	xc_status_t xs = xc_db_reopen(xdb, NULL);
	if (xs != XC_OK)
		return run_failed(query, r, xs, xc_db_errmsg(xdb));
	xs = xc_enquire_new(xdb, &r->enquire);
	if (xs != XC_OK)
		return run_failed(query, r, xs, xc_db_errmsg(xdb));
	xs = xc_enquire_set_query(r->enquire, query->parsed.query, 0);
	if (xs == XC_OK)
		xs = xc_enquire_set_bm25(r->enquire, BM25_K1, BM25_K2,
					 BM25_K3, BM25_B, BM25_MIN_NORMLEN);
	/* Equal scores in id order: the same query gives the same page. */
	if (xs == XC_OK)
		xs = xc_enquire_set_sort_by_relevance_then_value(
			r->enquire, LDI_SLOT_ID, 0);
	if (xs == XC_OK) {
		uint32_t check = query->offset + query->limit;
		if (check < CHECK_AT_LEAST)
			check = CHECK_AT_LEAST;
		xs = xc_enquire_mset(r->enquire, query->offset, query->limit,
				     check, &r->mset);
	}
	if (xs != XC_OK)
		return run_failed(query, r, xs, xc_enquire_errmsg(r->enquire));
	xc_mset_matches(r->mset, &r->estimated, &r->lower, &r->upper);
	*out = r;
	return LEDE_OK;
}

void
lede_results_free(lede_results_t *results)
{
	if (!results)
		return;
	json_decref(results->fields);
	xc_mset_free(results->mset);
	xc_enquire_free(results->enquire);
	free(results->errmsg);
	free(results);
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

lede_status_t
lede_results_next(lede_results_t *r)
{
	if (!r)
		return LEDE_MISUSE;
	json_decref(r->fields);
	r->fields = NULL;
	r->have_current = 0;
	if (r->next >= xc_mset_size(r->mset))
		return LEDE_DONE;
	size_t i = r->next++;
	uint32_t docid, rank;
	xc_doc_t *doc = NULL;
	xc_status_t xs = xc_mset_item(r->mset, i, &docid, &r->score, &rank);
	if (xs == XC_OK)
		xs = xc_mset_document(r->mset, i, &doc);
	const char *data = NULL;
	size_t len = 0;
	if (xs == XC_OK)
		xs = xc_doc_get_data(doc, &data, &len);
	if (xs != XC_OK) {
		lede_status_t st = ldi_set_error(
			&r->errmsg, ldi_status_from_xc(xs),
			"cannot read hit %zu: %s", i + 1,
			*xc_mset_errmsg(r->mset) ? xc_mset_errmsg(r->mset)
						  : xc_status_str(xs));
		xc_doc_free(doc);
		return st;
	}
	json_error_t jerr;
	r->fields = json_loadb(data, len, 0, &jerr);
	xc_doc_free(doc);
	if (!json_is_object(r->fields)) {
		json_decref(r->fields);
		r->fields = NULL;
		return ldi_set_error(&r->errmsg, LEDE_CORRUPT,
				     "document %u has unreadable data: %s",
				     docid, jerr.text);
	}
	r->rank = rank + 1;
	r->have_current = 1;
	return LEDE_OK;
}

uint32_t
lede_results_rank(const lede_results_t *results)
{
	return results && results->have_current ? results->rank : 0;
}

double
lede_results_score(const lede_results_t *results)
{
	return results && results->have_current ? results->score : 0;
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
	if (!results || !results->have_current || !key)
		return NULL;
	json_t *v = json_object_get(results->fields, key);
	if (json_is_array(v))
		v = json_array_get(v, i);
	else if (i > 0)
		return NULL;
	return json_is_string(v) ? json_string_value(v) : NULL;
}

const char *
lede_results_field(const lede_results_t *results, lede_field_t field,
		   size_t i)
{
	return stored_string(results, field_key(field), i);
}

lede_status_t
lede_results_quote(const lede_results_t *results, size_t i,
		   const char **text, const char **speaker)
{
	if (!results || !text || !speaker || !results->have_current)
		return LEDE_MISUSE;
	json_t *q = json_array_get(json_object_get(results->fields, "quotes"),
				   i);
	*text = json_string_value(json_object_get(q, "text"));
	*speaker = json_string_value(json_object_get(q, "speaker"));
	return *text ? LEDE_OK : LEDE_DONE;
}

uint64_t
lede_results_words(const lede_results_t *results)
{
	if (!results || !results->have_current)
		return 0;
	json_t *w = json_object_get(results->fields, "words");
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

lede_status_t
lede_results_snippet(lede_results_t *results, size_t max_chars,
		     const char *hi_start, const char *hi_end, char **snippet)
{
	if (!results)
		return LEDE_MISUSE;
	if (!snippet || !results->have_current)
		return ldi_set_error(&results->errmsg, LEDE_MISUSE,
				     "lede_results_snippet: %s",
				     snippet ? "no current hit" :
					       "snippet is NULL");
	*snippet = NULL;
	const char *body = lede_results_field(results, LEDE_FIELD_BODY, 0);
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
			      hi_end ? hi_end : "");
	if (!s)
		return ldi_set_error(&results->errmsg, LEDE_NOMEM,
				     "out of memory");
	*snippet = s;
	return LEDE_OK;
}
