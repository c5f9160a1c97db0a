/* print_text.c: lede-search's text output, one readable block per hit.
 * SPDX-License-Identifier: MIT
 */
#include <stdlib.h>
#include <string.h>

#include "printer.h"

#define BOLD "\033[1m"
#define HIGHLIGHT "\033[1;33m"
#define DIM "\033[2m"
#define RESET "\033[0m"

typedef struct text_printer {
	printer_t base;
	FILE *out;
	int colour;
	unsigned hits;
} text_printer_t;

static int
text_begin(printer_t *p, const char *query, uint64_t estimate, int exact)
{
	text_printer_t *tp = (text_printer_t *)p;
	fprintf(tp->out, "%s%llu match%s for '%s'\n", exact ? "" : "about ",
		(unsigned long long)estimate, estimate == 1 ? "" : "es",
		query);
	return 0;
}

static int
text_hit(printer_t *p, lede_results_t *r)
{
	text_printer_t *tp = (text_printer_t *)p;
	FILE *out = tp->out;
	const char *headline = lede_results_field(r, LEDE_FIELD_HEADLINE, 0);
	fprintf(out, "\n%2u. %s%s%s\n", lede_results_rank(r),
		tp->colour ? BOLD : "", headline ? headline : "(no headline)",
		tp->colour ? RESET : "");

	/* The facts line: id, then whichever fields the article has. */
	fprintf(out, "    %s", tp->colour ? DIM : "");
	const char *id = lede_results_field(r, LEDE_FIELD_ID, 0);
	fputs(id ? id : "(no id)", out);
	int64_t date = lede_results_date(r);
	if (date != LEDE_NO_DATE) {
		char iso[LEDE_DATE_BUFSIZE];
		lede_date_format(date, iso);
		fprintf(out, " · %.10s", iso);
	}
	const lede_field_t facts[] = { LEDE_FIELD_SOURCE,
				       LEDE_FIELD_SECTION };
	for (size_t i = 0; i < sizeof facts / sizeof *facts; i++) {
		const char *v = lede_results_field(r, facts[i], 0);
		if (v)
			fprintf(out, " · %s", v);
	}
	for (size_t i = 0;; i++) {
		const char *a = lede_results_field(r, LEDE_FIELD_AUTHOR, i);
		if (!a)
			break;
		fprintf(out, "%s%s", i ? ", " : " · by ", a);
	}
	fprintf(out, " · score %.3f%s\n", lede_results_score(r),
		tp->colour ? RESET : "");

	char *snippet = NULL;
	if (lede_results_snippet(r, PRINTER_SNIPPET_CHARS,
				 tp->colour ? HIGHLIGHT : "",
				 tp->colour ? RESET : "",
				 &snippet) == LEDE_OK &&
	    *snippet)
		fprintf(out, "    %s\n", snippet);
	lede_free(snippet);
	tp->hits++;
	return 0;
}

static int
text_end(printer_t *p)
{
	text_printer_t *tp = (text_printer_t *)p;
	fflush(tp->out);
	return ferror(tp->out) ? -1 : 0;
}

static void
text_free(printer_t *p)
{
	free(p);
}

printer_t *
printer_text_new(FILE *out, int colour)
{
	text_printer_t *tp = calloc(1, sizeof *tp);
	if (!tp)
		return NULL;
	tp->base.begin = text_begin;
	tp->base.hit = text_hit;
	tp->base.end = text_end;
	tp->base.free = text_free;
	tp->out = out;
	tp->colour = colour;
	return &tp->base;
}
