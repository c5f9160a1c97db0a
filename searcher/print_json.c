/* print_json.c: lede-search's JSON output (docs/lede-search-json.md).
 * SPDX-License-Identifier: MIT
 */
#include <stdlib.h>

#include <jansson.h>

#include "printer.h"

/* Bump on a renamed or removed key; a new key is compatible. */
#define JSON_FORMAT_VERSION 1

typedef struct json_printer {
	printer_t base;
	FILE *out;
	json_t *root;
	json_t *hits;
	int failed;
} json_printer_t;

static void
set(json_printer_t *jp, json_t *obj, const char *key, json_t *value)
{
	/* jansson steals value, and refuses (returns -1) when it is NULL. */
	if (json_object_set_new(obj, key, value) != 0)
		jp->failed = 1;
}

static int
json_begin(printer_t *p, const char *query, uint64_t estimate, int exact)
{
	json_printer_t *jp = (json_printer_t *)p;
	set(jp, jp->root, "format_version", json_integer(JSON_FORMAT_VERSION));
	set(jp, jp->root, "query", json_string(query));
	json_t *total = json_object();
	if (total) {
		set(jp, total, "estimate", json_integer((json_int_t)estimate));
		set(jp, total, "exact", json_boolean(exact));
	}
	set(jp, jp->root, "total", total);
	json_incref(jp->hits);
	set(jp, jp->root, "hits", jp->hits);
	return jp->failed ? -1 : 0;
}

static void
set_field(json_printer_t *jp, json_t *hit, const char *key,
	  lede_results_t *r, lede_field_t field)
{
	const char *v = lede_results_field(r, field, 0);
	if (v)
		set(jp, hit, key, json_string(v));
}

/* A multi-valued field as an array; nothing when it has no value. */
static void
set_list(json_printer_t *jp, json_t *hit, const char *key,
	 const lede_results_t *r, lede_field_t field)
{
	if (!lede_results_field(r, field, 0))
		return;
	json_t *arr = json_array();
	for (size_t i = 0; arr; i++) {
		const char *v = lede_results_field(r, field, i);
		if (!v)
			break;
		if (json_array_append_new(arr, json_string(v)))
			jp->failed = 1;
	}
	set(jp, hit, key, arr);
}

static int
json_hit(printer_t *p, lede_results_t *r)
{
	json_printer_t *jp = (json_printer_t *)p;
	json_t *hit = json_object();
	if (!hit || json_array_append_new(jp->hits, hit) != 0) {
		jp->failed = 1;
		return -1;
	}
	set_field(jp, hit, "id", r, LEDE_FIELD_ID);
	set(jp, hit, "rank", json_integer(lede_results_rank(r)));
	set(jp, hit, "score", json_real(lede_results_score(r)));
	set_field(jp, hit, "headline", r, LEDE_FIELD_HEADLINE);
	set_list(jp, hit, "authors", r, LEDE_FIELD_AUTHOR);
	int64_t date = lede_results_date(r);
	if (date != LEDE_NO_DATE) {
		char iso[LEDE_DATE_BUFSIZE];
		lede_date_format(date, iso);
		set(jp, hit, "date", json_string(iso));
	}
	set_field(jp, hit, "source", r, LEDE_FIELD_SOURCE);
	set_field(jp, hit, "section", r, LEDE_FIELD_SECTION);
	set_field(jp, hit, "language", r, LEDE_FIELD_LANGUAGE);
	set_field(jp, hit, "url", r, LEDE_FIELD_URL);
	set_list(jp, hit, "tags", r, LEDE_FIELD_TAG);
	set_list(jp, hit, "places", r, LEDE_FIELD_PLACE);
	set_list(jp, hit, "orgs", r, LEDE_FIELD_ORG);
	set_list(jp, hit, "people", r, LEDE_FIELD_PERSON);
	const char *text, *speaker;
	if (lede_results_quote(r, 0, &text, &speaker) == LEDE_OK) {
		json_t *quotes = json_array();
		for (size_t i = 0; quotes && lede_results_quote(
						     r, i, &text, &speaker) ==
						     LEDE_OK;
		     i++) {
			json_t *q = json_object();
			if (!q || json_array_append_new(quotes, q) != 0) {
				jp->failed = 1;
				break;
			}
			set(jp, q, "text", json_string(text));
			if (speaker)
				set(jp, q, "speaker", json_string(speaker));
		}
		set(jp, hit, "quotes", quotes);
	}
	if (lede_results_words(r))
		set(jp, hit, "words",
		    json_integer((json_int_t)lede_results_words(r)));
	/* Copies of this story collapsed into the hit. */
	if (lede_results_similar(r))
		set(jp, hit, "similar", json_integer(lede_results_similar(r)));
	char *snippet = NULL;
	if (lede_results_snippet(r, PRINTER_SNIPPET_CHARS, "", "",
				 &snippet) == LEDE_OK)
		set(jp, hit, "snippet", json_string(snippet));
	else
		jp->failed = 1;
	lede_free(snippet);
	return jp->failed ? -1 : 0;
}

static int
json_end(printer_t *p)
{
	json_printer_t *jp = (json_printer_t *)p;
	if (jp->failed)
		return -1;
	if (json_dumpf(jp->root, jp->out, JSON_INDENT(2)) != 0)
		return -1;
	fputc('\n', jp->out);
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
printer_json_new(FILE *out)
{
	json_printer_t *jp = calloc(1, sizeof *jp);
	if (!jp)
		return NULL;
	jp->base.begin = json_begin;
	jp->base.hit = json_hit;
	jp->base.end = json_end;
	jp->base.free = json_free_printer;
	jp->out = out;
	jp->root = json_object();
	jp->hits = json_array();
	if (!jp->root || !jp->hits) {
		json_free_printer(&jp->base);
		return NULL;
	}
	return &jp->base;
}
