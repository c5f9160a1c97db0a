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

/* The whole body: like put_clean, but its line breaks and tabs kept. */
static void
put_body(const text_printer_t *tp, const char *s)
{
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == '\n' || c == '\t')
			fputc(c, tp->out);
		else if (c == '\r' && s[1] == '\n')
			continue;
		else if (c < 0x20 || c == 0x7f)
			fputc(' ', tp->out);
		else
			fputc(c, tp->out);
	}
}

/* "12 matches for 'QUERY'", "3 matches like 'ID'", "2 matches for
 * 'QUERY' like 'ID'". */
static int
text_begin(printer_t *p, const char *query, const char *like,
	   uint64_t estimate, int exact, const char *suggestion)
{
	text_printer_t *tp = (text_printer_t *)p;
	fprintf(tp->out, "%s%llu match%s", exact ? "" : "about ",
		(unsigned long long)estimate, estimate == 1 ? "" : "es");
	if (!like || query[strspn(query, " \t\n\r\f\v")]) {
		fputs(" for '", tp->out);
		put_clean(tp, query);
		fputc('\'', tp->out);
	}
	if (like) {
		fputs(" like '", tp->out);
		put_clean(tp, like);
		fputc('\'', tp->out);
	}
	fputc('\n', tp->out);
	if (suggestion) {
		fputs("did you mean: ", tp->out);
		put_clean(tp, suggestion);
		fputc('\n', tp->out);
	}
	return 0;
}

/* --explain: "parsed: ..." after the count. */
static int
text_explain(printer_t *p, lede_query_t *q)
{
	text_printer_t *tp = (text_printer_t *)p;
	const char *parsed = lede_query_describe(q);
	if (!parsed)
		return -1;
	fputs("parsed: ", tp->out);
	put_clean(tp, parsed);
	fputc('\n', tp->out);
	return 0;
}

/* A duration: whole days as "7d", whole hours as "12h", else under two
 * days in hours to a tenth ("15.5h"), then in days ("19.6d"). */
static void
put_duration(FILE *out, int64_t seconds)
{
	if (seconds % 86400 == 0)
		fprintf(out, "%lldd", (long long)(seconds / 86400));
	else if (seconds % 3600 == 0)
		fprintf(out, "%lldh", (long long)(seconds / 3600));
	else if (seconds < 2 * 86400)
		fprintf(out, "%.1fh", (double)seconds / 3600.0);
	else
		fprintf(out, "%.1fd", (double)seconds / 86400.0);
}

/* --explain, for a hit: its score as the sum of what its parts weigh
 * (those that weigh anything), times the recency factor when there is
 * one: "    explain: quarterly 2.101 + profits 3.381 = 5.482". */
static int
text_explain_hit(const text_printer_t *tp, lede_results_t *r)
{
	FILE *out = tp->out;
	const lede_query_t *q = lede_results_query(r);
	int64_t age, half_life;
	double factor = lede_results_recency(r, &age, &half_life);
	int recency = half_life > 0;
	fprintf(out, "    %sexplain:%s %s", tp->colour ? DIM : "",
		tp->colour ? RESET : "", recency ? "(" : "");
	size_t shown = 0;
	double w;
	lede_status_t st;
	for (size_t i = 0; (st = lede_results_part(r, i, &w)) == LEDE_OK;
	     i++) {
		const char *clause, *field, *matches;
		if (w == 0 ||
		    lede_query_part(q, i, &clause, &field, &matches) != LEDE_OK)
			continue;
		fputs(shown++ ? " + " : "", out);
		if (!strcmp(field, "like"))
			fputs("like:", out);
		put_clean(tp, clause);
		fprintf(out, " %.3f", w);
	}
	if (!shown)
		fputs("no ranked words", out);
	if (recency) {
		fprintf(out, ") * recency %.3f (age ", factor);
		put_duration(out, age);
		fputs(", half-life ", out);
		put_duration(out, half_life);
		fputc(')', out);
	}
	fprintf(out, " = %.3f\n", lede_results_score(r));
	return st == LEDE_DONE ? 0 : -1;
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

	if (p->explain_hits && text_explain_hit(tp, r))
		return -1;

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

/* The longest timeline bar, in characters. */
#define BAR_WIDTH 40

/* "section: business 12 · politics 7", one line per facet; then the
 * timeline, one line per period with a bar scaled to the busiest one:
 * block characters when colour is on, '#' otherwise (a pipe, a file or
 * NO_COLOR gets plain ASCII). */
static int
text_summary(printer_t *p, lede_results_t *r, const printer_facet_t *facets,
	     size_t n, int timeline)
{
	text_printer_t *tp = (text_printer_t *)p;
	FILE *out = tp->out;
	int bad_read = 0;
	fputc('\n', out);
	if (!lede_results_counts_exact(r))
		fputs("(counts below are estimates from the first matches)\n",
		      out);
	for (size_t f = 0; f < n; f++) {
		fprintf(out, "%s%s:%s", tp->colour ? BOLD : "", facets[f].name,
			tp->colour ? RESET : "");
		const char *value;
		uint64_t count;
		lede_status_t st;
		size_t i;
		for (i = 0; (st = lede_results_facet(r, facets[f].field, i,
						     &value, &count)) ==
			    LEDE_OK;
		     i++) {
			fputs(i ? " · " : " ", out);
			put_clean(tp, value);
			fprintf(out, " %llu", (unsigned long long)count);
		}
		if (st != LEDE_DONE)
			bad_read = 1;
		fputs(i ? "\n" : " (none)\n", out);
	}
	if (timeline) {
		uint64_t max = 0, count;
		const char *period;
		lede_status_t st;
		size_t i;
		for (i = 0; (st = lede_results_timeline(r, i, &period,
							&count)) == LEDE_OK;
		     i++)
			if (count > max)
				max = count;
		if (st != LEDE_DONE)
			bad_read = 1;
		if (n)
			fputc('\n', out);
		if (i == 0)
			fputs("timeline: (no dated matches)\n", out);
		for (i = 0; lede_results_timeline(r, i, &period, &count) ==
			    LEDE_OK;
		     i++) {
			uint64_t len = (count * BAR_WIDTH + max - 1) / max;
			fputs(period, out);
			fputs("  ", out);
			for (uint64_t k = 0; k < len; k++)
				fputs(tp->colour ? "\u2587" : "#", out);
			fprintf(out, " %llu\n", (unsigned long long)count);
		}
	}
	return bad_read ? -1 : 0;
}

/* "significant place: Iceland 4.21 · United Kingdom 0.83", one line per
 * field, after a blank line. */
static int
text_significant(printer_t *p, lede_results_t *r,
		 const printer_facet_t *fields, size_t n)
{
	text_printer_t *tp = (text_printer_t *)p;
	FILE *out = tp->out;
	int bad_read = 0;
	fputc('\n', out);
	for (size_t f = 0; f < n; f++) {
		fprintf(out, "%ssignificant %s:%s", tp->colour ? BOLD : "",
			fields[f].name, tp->colour ? RESET : "");
		const char *value;
		double score;
		lede_status_t st;
		size_t i;
		for (i = 0; (st = lede_results_significant(r, fields[f].field,
							   i, &value,
							   &score)) == LEDE_OK;
		     i++) {
			fputs(i ? " · " : " ", out);
			put_clean(tp, value);
			fprintf(out, " %.2f", score);
		}
		if (st != LEDE_DONE)
			bad_read = 1;
		fputs(i ? "\n" : " (none)\n", out);
	}
	return bad_read ? -1 : 0;
}

static int
text_end(printer_t *p)
{
	text_printer_t *tp = (text_printer_t *)p;
	fflush(tp->out);
	return ferror(tp->out) ? -1 : 0;
}

/* --show: the headline, one "field: value" line per stored field the
 * article has, then the whole body after a blank line. */
int
printer_show_text(FILE *out, lede_results_t *r, int colour)
{
	text_printer_t tp = { .out = out, .colour = colour };
	const char *headline = lede_results_field(r, LEDE_FIELD_HEADLINE, 0);
	fputs(colour ? BOLD : "", out);
	put_clean(&tp, headline ? headline : "(no headline)");
	fprintf(out, "%s\n\n", colour ? RESET : "");
	static const struct {
		lede_field_t field;
		const char *label;
	} fields[] = { { LEDE_FIELD_ID, "id" },
		       { LEDE_FIELD_AUTHOR, "authors" },
		       { LEDE_FIELD_SOURCE, "source" },
		       { LEDE_FIELD_SECTION, "section" },
		       { LEDE_FIELD_LANGUAGE, "language" },
		       { LEDE_FIELD_URL, "url" },
		       { LEDE_FIELD_TAG, "tags" },
		       { LEDE_FIELD_PLACE, "places" },
		       { LEDE_FIELD_ORG, "orgs" },
		       { LEDE_FIELD_PERSON, "people" } };
	for (size_t k = 0; k < sizeof fields / sizeof *fields; k++) {
		for (size_t i = 0;; i++) {
			const char *v = lede_results_field(r, fields[k].field,
							   i);
			if (!v)
				break;
			if (i == 0)
				fprintf(out, "%s%-9s%s ", colour ? DIM : "",
					fields[k].label, colour ? RESET : "");
			else
				fputs(", ", out);
			put_clean(&tp, v);
		}
		if (lede_results_field(r, fields[k].field, 0))
			fputc('\n', out);
		if (fields[k].field == LEDE_FIELD_AUTHOR) {
			int64_t date = lede_results_date(r);
			if (date != LEDE_NO_DATE) {
				char iso[LEDE_DATE_BUFSIZE];
				lede_date_format(date, iso);
				fprintf(out, "%s%-9s%s %s\n",
					colour ? DIM : "", "date",
					colour ? RESET : "", iso);
			}
		}
	}
	const char *text, *speaker;
	for (size_t i = 0; lede_results_quote(r, i, &text, &speaker) ==
			   LEDE_OK;
	     i++) {
		fprintf(out, "%s%-9s%s \"", colour ? DIM : "",
			i ? "" : "quotes", colour ? RESET : "");
		put_clean(&tp, text);
		fputc('"', out);
		if (speaker && *speaker) {
			fputs(" (", out);
			put_clean(&tp, speaker);
			fputc(')', out);
		}
		fputc('\n', out);
	}
	if (lede_results_words(r))
		fprintf(out, "%s%-9s%s %llu\n", colour ? DIM : "", "words",
			colour ? RESET : "",
			(unsigned long long)lede_results_words(r));
	const char *body = lede_results_field(r, LEDE_FIELD_BODY, 0);
	if (body && *body) {
		fputc('\n', out);
		put_body(&tp, body);
		fputc('\n', out);
	}
	fflush(out);
	return ferror(out) ? -1 : 0;
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
	tp->base.explain = text_explain;
	tp->base.hit = text_hit;
	tp->base.summary = text_summary;
	tp->base.significant = text_significant;
	tp->base.end = text_end;
	tp->base.free = text_free;
	tp->out = out;
	tp->colour = colour;
	return &tp->base;
}
