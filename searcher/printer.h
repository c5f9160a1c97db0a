/* printer.h: one interface for lede-search's output formats.
 * SPDX-License-Identifier: MIT
 *
 * Every format is a backend of this one interface (notmuch's sprinter), so
 * the formats get the same calls in the same order and cannot drift:
 * begin, hit (once per hit), summary (when facets or a timeline were asked
 * for), end. The JSON formats are the library's (lede_results_json and
 * lede_results_hit_json), so that lede-search and a program using lede.h
 * print the same: json renders the whole results at once (document), jsonl
 * each hit.
 */
#ifndef LEDE_PRINTER_H
#define LEDE_PRINTER_H

#include <stdint.h>
#include <stdio.h>

#include "lede.h"

/* A facet asked for: the field and the name it is printed under. */
typedef struct printer_facet {
	lede_field_t field;
	const char *name;
	uint32_t max_values;
} printer_facet_t;

typedef struct printer printer_t;

struct printer {
	/* Before the hits: the query as typed, the id of --like (NULL:
	 * none), the number of matches, and the query with misspelt words
	 * replaced (NULL: nothing to say). */
	int (*begin)(printer_t *p, const char *query, const char *like,
		     uint64_t estimate, int exact, const char *suggestion);
	/* After begin, only with --explain: the query as it runs and its
	 * parts. NULL in formats that print no totals. Returns 0, or -1
	 * when out of memory. */
	int (*explain)(printer_t *p, lede_query_t *q);
	/* One hit: the results' current hit; with explain_hits set, what
	 * its score is made of too. */
	int (*hit)(printer_t *p, lede_results_t *r);
	/* After the hits, only when facets or a timeline were asked for:
	 * the n facets in the order asked, then the timeline if `timeline`.
	 * Returns 0, or -1 when the results could not be read. */
	int (*summary)(printer_t *p, lede_results_t *r,
		       const printer_facet_t *facets, size_t n, int timeline);
	/* After the summary, only with --significant: the n fields asked
	 * for, in that order, each with its values and scores. NULL in
	 * formats that print no totals (jsonl, ids, tsv). Returns 0, or -1
	 * when the results could not be read. */
	int (*significant)(printer_t *p, lede_results_t *r,
			   const printer_facet_t *fields, size_t n);
	/* After everything: writes what is pending; returns 0 on success,
	 * -1 when the output failed (say, a closed pipe). */
	int (*end)(printer_t *p);
	void (*free)(printer_t *p);
	/* Formats the library renders whole (json): the results as one
	 * document, called alone in place of begin ... end. NULL in the
	 * others. Returns LEDE_OK, LEDE_IO when the output failed (errno
	 * says why), or the status of lede_results_json (its message in
	 * lede_results_errmsg). */
	lede_status_t (*document)(printer_t *p, lede_results_t *r);
	/* 1 with --explain (lede_query_set_explain is set on the query):
	 * hits carry what their scores are made of. */
	int explain_hits;
};

/* Readable blocks; colour (ANSI) and block-character bars when `colour`.
 * NULL when out of memory. */
printer_t *printer_text_new(FILE *out, int colour);

/* One JSON object (docs/lede-search-json.md), lede_results_json's, then
 * a newline: indented, or on one line when `compact` (for --batch). NULL
 * when out of memory. */
printer_t *printer_json_new(FILE *out, int compact);

/* JSON lines: one hit object per line (lede_results_hit_json), nothing
 * else. */
printer_t *printer_jsonl_new(FILE *out);

/* One id per line. */
printer_t *printer_ids_new(FILE *out);

/* Tab-separated: a header line, then rank, score, id, date, source,
 * section and headline per hit. */
printer_t *printer_tsv_new(FILE *out);

/* --show: the current hit as one whole article, all stored fields and the
 * full body (json: lede_results_article_json). Return 0, or -1 when out
 * of memory or the output failed. */
int printer_show_text(FILE *out, lede_results_t *r, int colour);
int printer_show_json(FILE *out, lede_results_t *r);

/* Snippet length, in bytes of text, for every format: the JSON's. */
#define PRINTER_SNIPPET_CHARS LEDE_JSON_SNIPPET_CHARS

#endif /* LEDE_PRINTER_H */
