/* print_json.c: lede-search's JSON output (docs/lede-search-json.md).
 * SPDX-License-Identifier: MIT
 */
#include <stdlib.h>

#include <jansson.h>

#include "printer.h"

typedef struct json_printer {
	printer_t base;
	FILE *out;
	int compact;
	json_t *root;
	json_t *hits;
	int failed;
} json_printer_t;

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

static int
json_begin(printer_t *p, const char *query, const char *like,
	   uint64_t estimate, int exact, const char *suggestion)
{
	json_printer_t *jp = (json_printer_t *)p;
	int *failed = &jp->failed;
	set(failed, jp->root, "format_version",
	    json_integer(PRINTER_JSON_FORMAT_VERSION));
	set(failed, jp->root, "query", json_string(query));
	if (like)
		set(failed, jp->root, "like", json_string(like));
	json_t *total = json_object();
	if (total) {
		set(failed, total, "estimate",
		    json_integer((json_int_t)estimate));
		set(failed, total, "exact", json_boolean(exact));
	}
	set(failed, jp->root, "total", total);
	if (suggestion)
		set(failed, jp->root, "suggestion", json_string(suggestion));
	json_incref(jp->hits);
	set(failed, jp->root, "hits", jp->hits);
	return *failed ? -1 : 0;
}

/* --explain at the top: {"parsed": "...", "parts": [{"clause", "field",
 * "matches"}]}. */
static int
json_explain(printer_t *p, lede_query_t *q)
{
	json_printer_t *jp = (json_printer_t *)p;
	int *failed = &jp->failed;
	const char *parsed = lede_query_describe(q);
	json_t *obj = json_object(), *parts = json_array();
	if (!parsed || !obj || !parts) {
		json_decref(obj);
		json_decref(parts);
		return -1;
	}
	set(failed, obj, "parsed", json_string(parsed));
	const char *clause, *field, *matches;
	for (size_t i = 0;
	     lede_query_part(q, i, &clause, &field, &matches) == LEDE_OK;
	     i++) {
		json_t *part = json_object();
		if (!part) {
			*failed = 1;
			break;
		}
		set(failed, part, "clause", json_string(clause));
		set(failed, part, "field", json_string(field));
		set(failed, part, "matches", json_string(matches));
		append(failed, parts, part);
	}
	set(failed, obj, "parts", parts);
	set(failed, jp->root, "explain", obj);
	return *failed ? -1 : 0;
}

/* --explain in a hit: {"relevance", "parts": [{"clause", "field",
 * "weight"}], "recency": {"factor", "age_days", "half_life_days"}}, the
 * recency only with --sort recency. NULL when out of memory or the
 * results cannot say. */
static json_t *
explain_object(lede_results_t *r)
{
	int failed = 0;
	const lede_query_t *q = lede_results_query(r);
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
	if (lede_results_snippet_ranges(r, PRINTER_SNIPPET_CHARS, &snippet,
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
set_field(int *failed, json_t *hit, const char *key, lede_results_t *r,
	  lede_field_t field)
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

/* The current hit as an object, keys in the documented order: a hit
 * (rank, score, snippet and highlights; explain too when `explain`) or,
 * when `whole`, the stored article (body instead). NULL when out of
 * memory. */
static json_t *
article_object(lede_results_t *r, int whole, int explain)
{
	int failed = 0;
	json_t *hit = json_object();
	if (!hit)
		return NULL;
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
	if (!whole && explain)
		set(&failed, hit, "explain", explain_object(r));
	if (failed) {
		json_decref(hit);
		return NULL;
	}
	return hit;
}

static int
json_hit(printer_t *p, lede_results_t *r)
{
	json_printer_t *jp = (json_printer_t *)p;
	json_t *hit = article_object(r, 0, p->explain_hits);
	if (!hit || json_array_append_new(jp->hits, hit) != 0)
		jp->failed = 1;
	return jp->failed ? -1 : 0;
}

/* A list of {"value", "count"} or {"period", "count"}. */
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

static int
json_summary(printer_t *p, lede_results_t *r, const printer_facet_t *facets,
	     size_t n, int timeline)
{
	json_printer_t *jp = (json_printer_t *)p;
	int *failed = &jp->failed;
	int bad_read = 0;
	if (n) {
		json_t *obj = json_object();
		for (size_t f = 0; obj && f < n; f++) {
			json_t *list = json_array();
			const char *value;
			uint64_t count;
			lede_status_t st = LEDE_OK;
			for (size_t i = 0; list; i++) {
				st = lede_results_facet(r, facets[f].field, i,
							&value, &count);
				if (st != LEDE_OK)
					break;
				append(failed, list,
				       count_object(failed, "value", value,
						    count));
			}
			if (st != LEDE_DONE)
				bad_read = 1;
			set(failed, obj, facets[f].name, list);
		}
		set(failed, jp->root, "facets", obj);
	}
	if (timeline) {
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
		if (st != LEDE_DONE)
			bad_read = 1;
		set(failed, jp->root, "timeline", list);
	}
	set(failed, jp->root, "counts_exact",
	    json_boolean(lede_results_counts_exact(r)));
	return *failed || bad_read ? -1 : 0;
}

/* "significant": {field: [{"value", "score"}]}, fields in the order
 * asked. */
static int
json_significant(printer_t *p, lede_results_t *r,
		 const printer_facet_t *fields, size_t n)
{
	json_printer_t *jp = (json_printer_t *)p;
	int *failed = &jp->failed;
	int bad_read = 0;
	json_t *obj = json_object();
	for (size_t f = 0; obj && f < n; f++) {
		json_t *list = json_array();
		const char *value;
		double score;
		lede_status_t st = LEDE_OK;
		for (size_t i = 0; list; i++) {
			st = lede_results_significant(r, fields[f].field, i,
						      &value, &score);
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
		if (st != LEDE_DONE)
			bad_read = 1;
		set(failed, obj, fields[f].name, list);
	}
	set(failed, jp->root, "significant", obj);
	return *failed || bad_read ? -1 : 0;
}

static int
dump_line(json_t *v, FILE *out, size_t flags)
{
	if (json_dumpf(v, out, flags) != 0)
		return -1;
	fputc('\n', out);
	return 0;
}

static int
json_end(printer_t *p, double took_ms)
{
	json_printer_t *jp = (json_printer_t *)p;
	/* Whole milliseconds: what a person reads, and no float noise. */
	set(&jp->failed, jp->root, "took_ms",
	    json_integer(took_ms > 0 ? (json_int_t)(took_ms + 0.5) : 0));
	if (jp->failed)
		return -1;
	if (dump_line(jp->root, jp->out,
		      jp->compact ? JSON_COMPACT : JSON_INDENT(2)))
		return -1;
	fflush(jp->out);
	return ferror(jp->out) ? -1 : 0;
}
static void
json_free_printer(printer_t *p)
{
	json_printer_t *jp = (json_printer_t *)p;
	if (!jp)
		return;
	json_decref(jp->hits);
	json_decref(jp->root);
	free(jp);
}

printer_t *
printer_json_new(FILE *out, int compact)
{
	json_printer_t *jp = calloc(1, sizeof *jp);
	if (!jp)
		return NULL;
	jp->base.begin = json_begin;
	jp->base.explain = json_explain;
	jp->base.hit = json_hit;
	jp->base.summary = json_summary;
	jp->base.significant = json_significant;
	jp->base.end = json_end;
	jp->base.free = json_free_printer;
	jp->out = out;
	jp->compact = compact;
	jp->root = json_object();
	jp->hits = json_array();
	if (!jp->root || !jp->hits) {
		json_free_printer(&jp->base);
		return NULL;
	}
	return &jp->base;
}

/* ---- JSON lines: the same hit objects, one per line, as they come. ---- */

typedef struct jsonl_printer {
	printer_t base;
	FILE *out;
} jsonl_printer_t;

static int
jsonl_begin(printer_t *p, const char *query, const char *like,
	    uint64_t estimate, int exact, const char *suggestion)
{
	(void)suggestion, (void)like;
	(void)p, (void)query, (void)estimate, (void)exact;
	return 0;
}

static int
jsonl_hit(printer_t *p, lede_results_t *r)
{
	jsonl_printer_t *lp = (jsonl_printer_t *)p;
	json_t *hit = article_object(r, 0, p->explain_hits);
	if (!hit)
		return -1;
	int rc = dump_line(hit, lp->out, JSON_COMPACT);
	json_decref(hit);
	return rc;
}

static int
jsonl_summary(printer_t *p, lede_results_t *r, const printer_facet_t *facets,
	      size_t n, int timeline)
{
	(void)p, (void)r, (void)facets, (void)n, (void)timeline;
	return 0;
}

static int
jsonl_end(printer_t *p, double took_ms)
{
	jsonl_printer_t *lp = (jsonl_printer_t *)p;
	(void)took_ms;
	fflush(lp->out);
	return ferror(lp->out) ? -1 : 0;
}

static void
jsonl_free(printer_t *p)
{
	free(p);
}

printer_t *
printer_jsonl_new(FILE *out)
{
	jsonl_printer_t *lp = calloc(1, sizeof *lp);
	if (!lp)
		return NULL;
	lp->base.begin = jsonl_begin;
	lp->base.hit = jsonl_hit;
	lp->base.summary = jsonl_summary;
	lp->base.end = jsonl_end;
	lp->base.free = jsonl_free;
	lp->out = out;
	return &lp->base;
}

/* ---- --show: {"format_version": 1, "article": {...}} ----------------- */

int
printer_show_json(FILE *out, lede_results_t *r)
{
	int failed = 0;
	json_t *root = json_object();
	if (!root)
		return -1;
	set(&failed, root, "format_version",
	    json_integer(PRINTER_JSON_FORMAT_VERSION));
	set(&failed, root, "article", article_object(r, 1, 0));
	int rc = failed ? -1 : dump_line(root, out, JSON_INDENT(2));
	json_decref(root);
	fflush(out);
	return rc || ferror(out) ? -1 : 0;
}
