/* print_lines.c: lede-search's formats for programs: json and jsonl,
 * which the library renders, and the line formats ids and tsv.
 * SPDX-License-Identifier: MIT
 */
#include <stdlib.h>

#include "printer.h"

typedef struct line_printer {
	printer_t base;
	FILE *out;
} line_printer_t;

/* A field as one TSV cell: tabs, line breaks and other control
 * characters become spaces, so a value can never start a new cell or
 * row. NULL is an empty cell. */
static void
put_cell(FILE *out, const char *s)
{
	for (; s && *s; s++) {
		unsigned char c = (unsigned char)*s;
		fputc(c < 0x20 || c == 0x7f ? ' ' : c, out);
	}
}

/* Nothing before the hits (ids, jsonl). */
static int
quiet_begin(printer_t *p, const char *query, const char *like,
	  uint64_t estimate, int exact, const char *suggestion)
{
	(void)suggestion, (void)like;
	(void)p, (void)query, (void)estimate, (void)exact;
	return 0;
}

static int
ids_hit(printer_t *p, lede_results_t *r)
{
	line_printer_t *lp = (line_printer_t *)p;
	put_cell(lp->out, lede_results_field(r, LEDE_FIELD_ID, 0));
	fputc('\n', lp->out);
	return 0;
}

static int
lines_summary(printer_t *p, lede_results_t *r, const printer_facet_t *facets,
	      size_t n, int timeline)
{
	(void)p, (void)r, (void)facets, (void)n, (void)timeline;
	return 0;
}

static int
lines_end(printer_t *p)
{
	line_printer_t *lp = (line_printer_t *)p;
	fflush(lp->out);
	return ferror(lp->out) ? -1 : 0;
}

static void
lines_free(printer_t *p)
{
	free(p);
}

static printer_t *
line_printer_new(FILE *out,
		 int (*begin)(printer_t *, const char *, const char *,
			      uint64_t, int, const char *),
		 int (*hit)(printer_t *, lede_results_t *))
{
	line_printer_t *lp = calloc(1, sizeof *lp);
	if (!lp)
		return NULL;
	lp->base.begin = begin;
	lp->base.hit = hit;
	lp->base.summary = lines_summary;
	lp->base.end = lines_end;
	lp->base.free = lines_free;
	lp->out = out;
	return &lp->base;
}

printer_t *
printer_ids_new(FILE *out)
{
	return line_printer_new(out, quiet_begin, ids_hit);
}

static int
tsv_begin(printer_t *p, const char *query, const char *like,
	  uint64_t estimate, int exact, const char *suggestion)
{
	(void)suggestion, (void)like;
	line_printer_t *lp = (line_printer_t *)p;
	(void)query, (void)estimate, (void)exact;
	fputs("rank\tscore\tid\tdate\tsource\tsection\theadline\n", lp->out);
	return 0;
}

static int
tsv_hit(printer_t *p, lede_results_t *r)
{
	line_printer_t *lp = (line_printer_t *)p;
	FILE *out = lp->out;
	fprintf(out, "%u\t%.6f\t", lede_results_rank(r),
		lede_results_score(r));
	put_cell(out, lede_results_field(r, LEDE_FIELD_ID, 0));
	fputc('\t', out);
	int64_t date = lede_results_date(r);
	if (date != LEDE_NO_DATE) {
		char iso[LEDE_DATE_BUFSIZE];
		lede_date_format(date, iso);
		fputs(iso, out);
	}
	const lede_field_t cells[] = { LEDE_FIELD_SOURCE, LEDE_FIELD_SECTION,
				       LEDE_FIELD_HEADLINE };
	for (size_t i = 0; i < sizeof cells / sizeof *cells; i++) {
		fputc('\t', out);
		put_cell(out, lede_results_field(r, cells[i], 0));
	}
	fputc('\n', out);
	return 0;
}

printer_t *
printer_tsv_new(FILE *out)
{
	return line_printer_new(out, tsv_begin, tsv_hit);
}

/* ---- JSON: the library's documents, each followed by a newline. ------- */

typedef struct json_printer {
	line_printer_t lines;
	unsigned flags; /* for lede_results_json */
} json_printer_t;

/* Writes text and a newline; LEDE_OK or LEDE_IO. */
static lede_status_t
put_line(FILE *out, const char *text)
{
	if (fputs(text, out) == EOF || fputc('\n', out) == EOF)
		return LEDE_IO;
	return LEDE_OK;
}

static lede_status_t
json_document(printer_t *p, lede_results_t *r)
{
	json_printer_t *jp = (json_printer_t *)p;
	FILE *out = jp->lines.out;
	char *json = NULL;
	lede_status_t st = lede_results_json(r, jp->flags, &json);
	if (st == LEDE_OK)
		st = put_line(out, json);
	lede_free(json);
	if (st == LEDE_OK && (fflush(out) == EOF || ferror(out)))
		st = LEDE_IO;
	return st;
}

printer_t *
printer_json_new(FILE *out, int compact)
{
	json_printer_t *jp = calloc(1, sizeof *jp);
	if (!jp)
		return NULL;
	jp->lines.base.document = json_document;
	jp->lines.base.free = lines_free;
	jp->lines.out = out;
	jp->flags = compact ? 0 : LEDE_JSON_PRETTY;
	return &jp->lines.base;
}

/* JSON lines: each hit, compact, on a line of its own. */
static int
jsonl_hit(printer_t *p, lede_results_t *r)
{
	line_printer_t *lp = (line_printer_t *)p;
	char *json = NULL;
	int rc = lede_results_hit_json(r, 0, &json) != LEDE_OK ||
		 put_line(lp->out, json) != LEDE_OK;
	lede_free(json);
	return rc ? -1 : 0;
}

printer_t *
printer_jsonl_new(FILE *out)
{
	return line_printer_new(out, quiet_begin, jsonl_hit);
}

int
printer_show_json(FILE *out, lede_results_t *r)
{
	char *json = NULL;
	int rc = lede_results_article_json(r, LEDE_JSON_PRETTY, &json) !=
			 LEDE_OK ||
		 put_line(out, json) != LEDE_OK;
	lede_free(json);
	if (fflush(out) == EOF || ferror(out))
		rc = 1;
	return rc ? -1 : 0;
}
