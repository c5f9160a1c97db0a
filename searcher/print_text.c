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

/* Sentinels the snippet marks matches with, turned into colour (or
 * nothing) on output: control characters no article text keeps. */
#define MARK_START "\001"
#define MARK_END "\002"

/* Writes s with control characters made spaces: an article's text must
 * not be able to drive the terminal (escape sequences, bells). The match
 * sentinels become the highlight colour when colour is on. */
static void
put_clean(const text_printer_t *tp, const char *s)
{
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == MARK_START[0])
			fputs(tp->colour ? HIGHLIGHT : "", tp->out);
		else if (c == MARK_END[0])
			fputs(tp->colour ? RESET : "", tp->out);
		else if (c < 0x20 || c == 0x7f)
			fputc(' ', tp->out);
		else
			fputc(c, tp->out);
	}
}

static int
text_begin(printer_t *p, const char *query, uint64_t estimate, int exact)
{
	text_printer_t *tp = (text_printer_t *)p;
	fprintf(tp->out, "%s%llu match%s for '", exact ? "" : "about ",
		(unsigned long long)estimate, estimate == 1 ? "" : "es");
	put_clean(tp, query);
	fputs("'\n", tp->out);
	return 0;
}

static int
text_hit(printer_t *p, lede_results_t *r)
{
	text_printer_t *tp = (text_printer_t *)p;
	FILE *out = tp->out;
	const char *headline = lede_results_field(r, LEDE_FIELD_HEADLINE, 0);
	fprintf(out, "\n%2u. %s", lede_results_rank(r),
		tp->colour ? BOLD : "");
	put_clean(tp, headline ? headline : "(no headline)");
	fprintf(out, "%s\n", tp->colour ? RESET : "");

	/* The facts line: id, then whichever fields the article has. */
	fprintf(out, "    %s", tp->colour ? DIM : "");
	const char *id = lede_results_field(r, LEDE_FIELD_ID, 0);
	put_clean(tp, id ? id : "(no id)");
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
		if (v) {
			fputs(" · ", out);
			put_clean(tp, v);
		}
	}
	for (size_t i = 0;; i++) {
		const char *a = lede_results_field(r, LEDE_FIELD_AUTHOR, i);
		if (!a)
			break;
		fputs(i ? ", " : " · by ", out);
		put_clean(tp, a);
	}
	/* Copies of this story collapsed into the hit. */
	if (lede_results_similar(r))
		fprintf(out, " · +%u similar", lede_results_similar(r));
	fprintf(out, " · score %.3f%s\n", lede_results_score(r),
		tp->colour ? RESET : "");

	/* What the article names, on a line of its own when it names any. */
	static const struct {
		lede_field_t field;
		const char *label;
	} names[] = { { LEDE_FIELD_PLACE, "places" },
		      { LEDE_FIELD_ORG, "orgs" },
		      { LEDE_FIELD_PERSON, "people" } };
	int any = 0;
	for (size_t k = 0; k < sizeof names / sizeof *names; k++) {
		for (size_t i = 0;; i++) {
			const char *v = lede_results_field(r, names[k].field, i);
			if (!v)
				break;
			if (i == 0)
				fprintf(out, "%s%s%s:%s ",
					any ? " · " : "    ",
					tp->colour ? DIM : "", names[k].label,
					tp->colour ? RESET : "");
			else
				fputs(", ", out);
			put_clean(tp, v);
			any = 1;
		}
	}
	if (any)
		fputc('\n', out);

	char *snippet = NULL;
	if (lede_results_snippet(r, PRINTER_SNIPPET_CHARS, MARK_START,
				 MARK_END, &snippet) == LEDE_OK &&
	    *snippet) {
		fputs("    ", out);
		put_clean(tp, snippet);
		fputc('\n', out);
	}
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
