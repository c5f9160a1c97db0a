/* results_json.c: results as the JSON lede-search prints
 * (docs/lede-search-json.md): lede_results_json, lede_results_hit_json,
 * lede_results_article_json.
 * SPDX-License-Identifier: MIT
 *
 * lede-search's json, jsonl, --batch and --show --format json print what
 * these functions return, so the program and the API cannot drift. Objects
 * are built with jansson, whose objects keep their keys in the order set:
 * the order the JSON document's tables list them in.
 */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "search_internal.h"

static void
set(int *failed, json_t *obj, const char *key, json_t *value)
{
	/* jansson steals value, and refuses (returns -1) when it is NULL. */
	if (json_object_set_new(obj, key, value) != 0)
		*failed = 1;
}

static void
append(int *failed, json_t *arr, json_t *value)
{
	if (json_array_append_new(arr, value) != 0)
		*failed = 1;
}

json_t *
ldi_query_explain_json(lede_query_t *q)
{
	int failed = 0;
	const char *parsed = lede_query_describe(q);
	json_t *obj = json_object(), *parts = json_array();
	if (!parsed || !obj || !parts) {
		json_decref(obj);
		json_decref(parts);
		return NULL;
	}
	set(&failed, obj, "parsed", json_string(parsed));
	const char *clause, *field, *matches;
	for (size_t i = 0;
	     lede_query_part(q, i, &clause, &field, &matches) == LEDE_OK;
	     i++) {
		json_t *part = json_object();
		if (!part) {
			failed = 1;
			break;
		}
		set(&failed, part, "clause", json_string(clause));
		set(&failed, part, "field", json_string(field));
		set(&failed, part, "matches", json_string(matches));
		append(&failed, parts, part);
	}
	set(&failed, obj, "parts", parts);
	if (failed) {
		json_decref(obj);
		return NULL;
	}
	return obj;
}

/* A hit's "explain": {"relevance", "parts": [{"clause", "field",
 * "weight"}], "recency": {"factor", "age_days", "half_life_days"}}, the
 * recency only with LEDE_SORT_RECENCY. NULL when out of memory or the
 * results cannot say. */
static json_t *
explain_object(lede_results_t *r)
{
	int failed = 0;
	const lede_query_t *q = r->query;
	json_t *obj = json_object(), *parts = json_array();
	if (!obj || !parts) {
		json_decref(obj);
		json_decref(parts);
		return NULL;
	}
	set(&failed, obj, "relevance", json_real(lede_results_relevance(r)));
	double w;
	lede_status_t st;
	for (size_t i = 0; (st = lede_results_part(r, i, &w)) == LEDE_OK;
	     i++) {
		const char *clause, *field, *matches;
		json_t *part = json_object();
		if (!part || lede_query_part(q, i, &clause, &field,
					     &matches) != LEDE_OK) {
			json_decref(part);
			failed = 1;
			break;
		}
		set(&failed, part, "clause", json_string(clause));
		set(&failed, part, "field", json_string(field));
		set(&failed, part, "weight", json_real(w));
		append(&failed, parts, part);
	}
	if (st != LEDE_DONE)
		failed = 1;
	set(&failed, obj, "parts", parts);
	int64_t age, half_life;
	double factor = lede_results_recency(r, &age, &half_life);
	if (half_life > 0) {
		json_t *rec = json_object();
		if (rec) {
			set(&failed, rec, "factor", json_real(factor));
			set(&failed, rec, "age_days",
			    json_real((double)age / 86400.0));
			set(&failed, rec, "half_life_days",
			    json_real((double)half_life / 86400.0));
		}
		set(&failed, obj, "recency", rec);
	}
	if (failed) {
		json_decref(obj);
		return NULL;
	}
	return obj;
}

/* The snippet without marks, and "highlights": [[start, length], ...]
 * in code points. */
static void
set_snippet(int *failed, json_t *hit, lede_results_t *r)
{
	char *snippet = NULL;
	lede_range_t *ranges = NULL;
	size_t n = 0;
	if (lede_results_snippet_ranges(r, LEDE_JSON_SNIPPET_CHARS, &snippet,
					&ranges, &n) != LEDE_OK) {
		*failed = 1;
		return;
	}
	set(failed, hit, "snippet", json_string(snippet));
	json_t *list = json_array();
	for (size_t i = 0; list && i < n; i++) {
		json_t *pair = json_array();
		append(failed, pair,
		       json_integer((json_int_t)ranges[i].start));
		append(failed, pair,
		       json_integer((json_int_t)ranges[i].length));
		append(failed, list, pair);
	}
	set(failed, hit, "highlights", list);
	lede_free(ranges);
	lede_free(snippet);
}

static void
set_field(int *failed, json_t *hit, const char *key,
	  const lede_results_t *r, lede_field_t field)
{
	const char *v = lede_results_field(r, field, 0);
	if (v)
		set(failed, hit, key, json_string(v));
}

/* A multi-valued field as an array; nothing when it has no value. */
static void
set_list(int *failed, json_t *hit, const char *key, const lede_results_t *r,
	 lede_field_t field)
{
	if (!lede_results_field(r, field, 0))
		return;
	json_t *arr = json_array();
	for (size_t i = 0; arr; i++) {
		const char *v = lede_results_field(r, field, i);
		if (!v)
			break;
		append(failed, arr, json_string(v));
	}
	set(failed, hit, key, arr);
}

/* The current hit as an object in *out, keys in the documented order: a
 * hit (rank, score, snippet and highlights, and explain when the query
 * asked for it) or, when `whole`, the stored article (body instead).
 * LEDE_OK, LEDE_NOMEM, or why the body and quotes, read first, could not
 * be (results' errmsg says). */
static lede_status_t
article_object(lede_results_t *r, int whole, json_t **out)
{
	*out = NULL;
	/* Read here, so that a failure is the caller's status, not a hit
	 * without its quotes or body. */
	lede_status_t st = ldi_results_read_body(r);
	if (st != LEDE_OK)
		return st;
	int failed = 0;
	json_t *hit = json_object();
	if (!hit)
		return LEDE_NOMEM;
	set_field(&failed, hit, "id", r, LEDE_FIELD_ID);
	if (!whole) {
		set(&failed, hit, "rank", json_integer(lede_results_rank(r)));
		set(&failed, hit, "score", json_real(lede_results_score(r)));
	}
	set_field(&failed, hit, "headline", r, LEDE_FIELD_HEADLINE);
	set_list(&failed, hit, "authors", r, LEDE_FIELD_AUTHOR);
	int64_t date = lede_results_date(r);
	if (date != LEDE_NO_DATE) {
		char iso[LEDE_DATE_BUFSIZE];
		lede_date_format(date, iso);
		set(&failed, hit, "date", json_string(iso));
	}
	set_field(&failed, hit, "source", r, LEDE_FIELD_SOURCE);
	set_field(&failed, hit, "section", r, LEDE_FIELD_SECTION);
	set_field(&failed, hit, "language", r, LEDE_FIELD_LANGUAGE);
	set_field(&failed, hit, "url", r, LEDE_FIELD_URL);
	set_list(&failed, hit, "tags", r, LEDE_FIELD_TAG);
	set_list(&failed, hit, "places", r, LEDE_FIELD_PLACE);
	set_list(&failed, hit, "orgs", r, LEDE_FIELD_ORG);
	set_list(&failed, hit, "people", r, LEDE_FIELD_PERSON);
	const char *text, *speaker;
	if (lede_results_quote(r, 0, &text, &speaker) == LEDE_OK) {
		json_t *quotes = json_array();
		for (size_t i = 0;
		     quotes &&
		     lede_results_quote(r, i, &text, &speaker) == LEDE_OK;
		     i++) {
			json_t *q = json_object();
			if (!q || json_array_append_new(quotes, q) != 0) {
				failed = 1;
				break;
			}
			set(&failed, q, "text", json_string(text));
			if (speaker)
				set(&failed, q, "speaker",
				    json_string(speaker));
		}
		set(&failed, hit, "quotes", quotes);
	}
	if (lede_results_words(r))
		set(&failed, hit, "words",
		    json_integer((json_int_t)lede_results_words(r)));
	/* Copies of this story collapsed into the hit. */
	if (!whole && lede_results_similar(r))
		set(&failed, hit, "similar",
		    json_integer(lede_results_similar(r)));
	if (whole) {
		set_field(&failed, hit, "body", r, LEDE_FIELD_BODY);
	} else {
		set_snippet(&failed, hit, r);
	}
	if (!whole && r->explain)
		set(&failed, hit, "explain", explain_object(r));
	if (failed) {
		json_decref(hit);
		return LEDE_NOMEM;
	}
	*out = hit;
	return LEDE_OK;
}

/* {key: value, "count": count}: a facet value or a timeline period. */
static json_t *
count_object(int *failed, const char *key, const char *value, uint64_t count)
{
	json_t *o = json_object();
	if (!o) {
		*failed = 1;
		return NULL;
	}
	set(failed, o, key, json_string(value));
	set(failed, o, "count", json_integer((json_int_t)count));
	return o;
}

/* Every hit of the page, from the first, by a walk of its own: the
 * caller's cursor (struct ldi_cursor) is put back as it was, its current
 * hit and the strings borrowed from it included. LEDE_OK, LEDE_NOMEM or
 * what lede_results_next gave. */
static lede_status_t
hits_array(lede_results_t *r, json_t *hits)
{
	struct ldi_cursor saved = r->cur;
	memset(&r->cur, 0, sizeof r->cur);
	lede_status_t st;
	while ((st = lede_results_next(r)) == LEDE_OK) {
		json_t *hit = NULL;
		st = article_object(r, 0, &hit);
		if (st == LEDE_OK && json_array_append_new(hits, hit) != 0)
			st = LEDE_NOMEM;
		if (st != LEDE_OK)
			break;
	}
	ldi_cursor_clear(&r->cur);
	r->cur = saved;
	return st == LEDE_DONE ? LEDE_OK : st;
}

/* "facets": {name: [{"value", "count"}]}, in the order asked. */
static lede_status_t
facets_object(int *failed, lede_results_t *r, json_t *root)
{
	json_t *obj = json_object();
	lede_status_t bad = LEDE_OK;
	for (size_t f = 0; obj && f < r->n_asked_facets; f++) {
		lede_field_t field = r->asked_facets[f].field;
		json_t *list = json_array();
		const char *value;
		uint64_t count;
		lede_status_t st = LEDE_OK;
		for (size_t i = 0; list; i++) {
			st = lede_results_facet(r, field, i, &value, &count);
			if (st != LEDE_OK)
				break;
			append(failed, list,
			       count_object(failed, "value", value, count));
		}
		if (list && st != LEDE_DONE)
			bad = LEDE_INTERNAL;
		set(failed, obj, lede_field_name(field), list);
	}
	set(failed, root, "facets", obj);
	return bad;
}

/* "timeline": [{"period", "count"}], oldest first. */
static lede_status_t
timeline_array(int *failed, lede_results_t *r, json_t *root)
{
	json_t *list = json_array();
	const char *period;
	uint64_t count;
	lede_status_t st = LEDE_OK;
	for (size_t i = 0; list; i++) {
		st = lede_results_timeline(r, i, &period, &count);
		if (st != LEDE_OK)
			break;
		append(failed, list,
		       count_object(failed, "period", period, count));
	}
	set(failed, root, "timeline", list);
	return list && st != LEDE_DONE ? LEDE_INTERNAL : LEDE_OK;
}

/* "significant": {name: [{"value", "score"}]}, in the order asked. */
static lede_status_t
significant_object(int *failed, lede_results_t *r, json_t *root)
{
	json_t *obj = json_object();
	lede_status_t bad = LEDE_OK;
	for (size_t f = 0; obj && f < r->n_asked_significant; f++) {
		lede_field_t field = r->asked_significant[f].field;
		json_t *list = json_array();
		const char *value;
		double score;
		lede_status_t st = LEDE_OK;
		for (size_t i = 0; list; i++) {
			st = lede_results_significant(r, field, i, &value,
						      &score);
			if (st != LEDE_OK)
				break;
			json_t *o = json_object();
			if (!o) {
				*failed = 1;
				break;
			}
			set(failed, o, "value", json_string(value));
			set(failed, o, "score", json_real(score));
			append(failed, list, o);
		}
		if (list && st != LEDE_DONE && st != LEDE_OK)
			bad = LEDE_INTERNAL;
		set(failed, obj, lede_field_name(field), list);
	}
	set(failed, root, "significant", obj);
	return bad;
}

/* The whole document, keys in the documented order. *st is LEDE_OK, or
 * the reason there is no document (NULL returned). */
static json_t *
results_object(lede_results_t *r, lede_status_t *st)
{
	int failed = 0;
	json_t *root = json_object(), *hits = json_array();
	if (!root || !hits) {
		json_decref(root);
		json_decref(hits);
		*st = LEDE_NOMEM;
		return NULL;
	}
	set(&failed, root, "format_version",
	    json_integer(LEDE_JSON_FORMAT_VERSION));
	set(&failed, root, "query", json_string(r->query->text));
	if (r->like_id)
		set(&failed, root, "like", json_string(r->like_id));
	json_t *total = json_object();
	if (total) {
		set(&failed, total, "estimate",
		    json_integer((json_int_t)r->estimated));
		set(&failed, total, "exact",
		    json_boolean(r->lower == r->upper));
	}
	set(&failed, root, "total", total);
	if (r->suggestion)
		set(&failed, root, "suggestion", json_string(r->suggestion));
	json_incref(hits);
	set(&failed, root, "hits", hits);
	lede_status_t read = hits_array(r, hits);
	json_decref(hits);
	if (read == LEDE_OK && r->explain) {
		json_incref(r->explain_json);
		set(&failed, root, "explain", r->explain_json);
	}
	int counting = r->n_asked_facets ||
		       r->timeline_unit != LEDE_TIMELINE_NONE;
	if (read == LEDE_OK && r->n_asked_facets)
		read = facets_object(&failed, r, root);
	if (read == LEDE_OK && r->timeline_unit != LEDE_TIMELINE_NONE)
		read = timeline_array(&failed, r, root);
	if (read == LEDE_OK && counting)
		set(&failed, root, "counts_exact",
		    json_boolean(r->counts_exact));
	if (read == LEDE_OK && r->n_asked_significant)
		read = significant_object(&failed, r, root);
	/* Whole milliseconds: what a person reads, and no float noise. */
	json_int_t took =
		r->took_ms > 0 ? (json_int_t)(r->took_ms + 0.5) : 0;
	set(&failed, root, "took_ms", json_integer(took));
	if (read != LEDE_OK || failed) {
		json_decref(root);
		*st = read != LEDE_OK ? read : LEDE_NOMEM;
		return NULL;
	}
	*st = LEDE_OK;
	return root;
}

/* A growing string, for json_dump_callback. */
typedef struct text_buf {
	char *s;
	size_t n, cap;
} text_buf_t;

static int
put_text(const char *buffer, size_t size, void *data)
{
	text_buf_t *b = data;
	if (b->n + size + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 1024;
		while (cap < b->n + size + 1)
			cap *= 2;
		char *s = realloc(b->s, cap);
		if (!s)
			return -1;
		b->s = s;
		b->cap = cap;
	}
	memcpy(b->s + b->n, buffer, size);
	b->n += size;
	b->s[b->n] = '\0';
	return 0;
}

/* v as text in *out, ours to free with lede_free (so never jansson's
 * allocator, which a program may have replaced). Takes v. */
static lede_status_t
dump(json_t *v, unsigned flags, char **out)
{
	text_buf_t b = { NULL, 0, 0 };
	size_t jflags = flags & LEDE_JSON_PRETTY ? JSON_INDENT(2)
						 : JSON_COMPACT;
	int rc = json_dump_callback(v, put_text, &b, jflags);
	json_decref(v);
	if (rc != 0 || !b.s) {
		free(b.s);
		return LEDE_NOMEM;
	}
	*out = b.s;
	return LEDE_OK;
}

/* The checks every entry point makes: LEDE_OK, or LEDE_MISUSE with the
 * reason in the results' message. */
static lede_status_t
check_args(lede_results_t *r, const char *fn, unsigned flags, char **json,
	   int need_hit)
{
	if (json)
		*json = NULL;
	if (!r)
		return LEDE_MISUSE;
	if (!json)
		return ldi_set_error(&r->errmsg, LEDE_MISUSE,
				     "%s: json is NULL", fn);
	if (flags & ~(unsigned)LEDE_JSON_PRETTY)
		return ldi_set_error(&r->errmsg, LEDE_MISUSE,
				     "%s: unknown flags %#x", fn, flags);
	if (need_hit && !r->cur.have_current)
		return ldi_set_error(&r->errmsg, LEDE_MISUSE,
				     "%s: no current hit", fn);
	return LEDE_OK;
}

static lede_status_t
nomem(lede_results_t *r)
{
	return ldi_set_error(&r->errmsg, LEDE_NOMEM, "out of memory");
}

lede_status_t
lede_results_json(lede_results_t *results, unsigned flags, char **json)
{
	lede_status_t st = check_args(results, "lede_results_json", flags,
				      json, 0);
	if (st != LEDE_OK)
		return st;
	json_t *root = results_object(results, &st);
	if (st == LEDE_OK)
		st = dump(root, flags, json);
	/* A read error has its message from lede_results_next. */
	if (st == LEDE_NOMEM)
		return nomem(results);
	if (st == LEDE_INTERNAL)
		return ldi_set_error(&results->errmsg, st,
				     "lede_results_json: a facet, timeline or "
				     "significant field asked for is missing");
	return st;
}

lede_status_t
lede_results_hit_json(lede_results_t *results, unsigned flags, char **json)
{
	lede_status_t st = check_args(results, "lede_results_hit_json",
				      flags, json, 1);
	if (st != LEDE_OK)
		return st;
	json_t *hit = NULL;
	st = article_object(results, 0, &hit);
	if (st == LEDE_OK)
		st = dump(hit, flags, json);
	/* A read error has its message from the read. */
	return st == LEDE_NOMEM ? nomem(results) : st;
}

lede_status_t
lede_results_article_json(lede_results_t *results, unsigned flags,
			  char **json)
{
	lede_status_t st = check_args(results, "lede_results_article_json",
				      flags, json, 1);
	if (st != LEDE_OK)
		return st;
	json_t *article = NULL;
	st = article_object(results, 1, &article);
	if (st != LEDE_OK)
		return st == LEDE_NOMEM ? nomem(results) : st;
	int failed = 0;
	json_t *root = json_object();
	if (!root) {
		json_decref(article);
		return nomem(results);
	}
	set(&failed, root, "format_version",
	    json_integer(LEDE_JSON_FORMAT_VERSION));
	set(&failed, root, "article", article);
	if (failed) {
		json_decref(root);
		return nomem(results);
	}
	if (dump(root, flags, json) != LEDE_OK)
		return nomem(results);
	return LEDE_OK;
}
