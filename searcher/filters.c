/* filters.c: what narrows or orders a query without changing what it
 * asks: field filters, date ranges, sorting, and the facets asked for.
 * SPDX-License-Identifier: MIT
 *
 * Filters are Xapian boolean filters (OP_FILTER), so they never change a
 * score: a journalist narrowing to one section sees the same order as
 * before, fewer hits. Filters on one field are alternatives (OR), on
 * different fields all must hold (AND), the way faceted search behaves
 * everywhere.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyze.h"
#include "extract.h"
#include "schema.h"
#include "search_internal.h"

static const struct {
	const char *name;
	lede_field_t field;
} field_names[] = {
	{"author", LEDE_FIELD_AUTHOR},	   {"authors", LEDE_FIELD_AUTHOR},
	{"source", LEDE_FIELD_SOURCE},	   {"section", LEDE_FIELD_SECTION},
	{"language", LEDE_FIELD_LANGUAGE}, {"lang", LEDE_FIELD_LANGUAGE},
	{"place", LEDE_FIELD_PLACE},	   {"places", LEDE_FIELD_PLACE},
	{"org", LEDE_FIELD_ORG},	   {"orgs", LEDE_FIELD_ORG},
	{"person", LEDE_FIELD_PERSON},	   {"people", LEDE_FIELD_PERSON},
	{"tag", LEDE_FIELD_TAG},	   {"tags", LEDE_FIELD_TAG},
	{"id", LEDE_FIELD_ID},		   {"url", LEDE_FIELD_URL},
	{"headline", LEDE_FIELD_HEADLINE},
};

lede_status_t lede_field_parse(const char *name, lede_field_t *out)
{
	size_t i;

	if (!name || !out)
		return LEDE_MISUSE;
	for (i = 0; i < sizeof field_names / sizeof field_names[0]; i++)
		if (!strcmp(name, field_names[i].name)) {
			*out = field_names[i].field;
			return LEDE_OK;
		}
	return LEDE_MISUSE;
}

const char *lede_field_name(lede_field_t field)
{
	size_t i;

	if (field == LEDE_FIELD_BODY) /* no filter or facet takes it */
		return "body";
	/* The table gives each field's own name first. */
	for (i = 0; i < sizeof field_names / sizeof field_names[0]; i++)
		if (field_names[i].field == field)
			return field_names[i].name;
	return NULL;
}

const char *ldi_whole_value_prefix(lede_field_t field)
{
	switch (field) {
	case LEDE_FIELD_SOURCE: return LDI_PREFIX_SOURCE;
	case LEDE_FIELD_SECTION: return LDI_PREFIX_SECTION;
	case LEDE_FIELD_LANGUAGE: return LDI_PREFIX_LANGUAGE;
	case LEDE_FIELD_TAG: return LDI_PREFIX_TAG;
	case LEDE_FIELD_PLACE: return LDI_PREFIX_PLACE;
	case LEDE_FIELD_ORG: return LDI_PREFIX_ORG;
	case LEDE_FIELD_PERSON: return LDI_PREFIX_PERSON;
	default: return NULL;
	}
}

/* The prefix a filter on field uses, or NULL. Authors are indexed word
 * by word: an author filter is the AND of the name's "A" words. */
static const char *filter_prefix(lede_field_t field)
{
	return field == LEDE_FIELD_AUTHOR ? LDI_PREFIX_AUTHOR
					  : ldi_whole_value_prefix(field);
}

static lede_status_t query_error(lede_query_t *q, lede_status_t st,
				 const char *what)
{
	return ldi_set_error(&q->errmsg, st, "%s", what);
}

/* An author filter names a whole author; authors are indexed word by
 * word, so it becomes the AND of the name's words, each an "A" term:
 * stored as those terms joined by '\n'. */
static char *author_terms(const char *value)
{
	char *folded, *out, *o;
	size_t flen, i;

	if (ldi_fold(value, strlen(value), &folded, &flen) != 0)
		return NULL;
	out = malloc(2 * flen + 2);
	if (!out) {
		free(folded);
		return NULL;
	}
	o = out;
	for (i = 0; i < flen;) {
		size_t j = i;

		while (j < flen && folded[j] != ' ')
			j++;
		if (j > i) {
			if (o != out)
				*o++ = '\n';
			*o++ = 'A';
			memcpy(o, folded + i, j - i);
			o += j - i;
		}
		i = j + 1;
	}
	*o = '\0';
	free(folded);
	return out;
}

/* A filter as --explain shows it, from its term(s): "section:business",
 * "place:\"united kingdom\"", "author:\"ann lee\"". NULL when out of
 * memory. */
static char *filter_readable(lede_field_t field, const char *term)
{
	const char *name = NULL, *v = term + strlen(filter_prefix(field));
	char *s;
	size_t i;

	for (i = 0; i < sizeof field_names / sizeof field_names[0]; i++)
		if (field_names[i].field == field) {
			name = field_names[i].name;
			break;
		}
	if (field == LEDE_FIELD_LANGUAGE)
		name = "lang"; /* as the query's lang: is shown */
	if (field == LEDE_FIELD_AUTHOR) {
		/* "Aann\nAlee": the words after their prefixes. */
		char *o;

		s = malloc(strlen(name) + strlen(term) + 4);
		if (!s)
			return NULL;
		o = s + sprintf(s, "%s:\"", name);
		for (v = term; *v; v++) {
			if (v == term || v[-1] == '\n')
				continue; /* the 'A' of each word */
			*o++ = *v == '\n' ? ' ' : *v;
		}
		strcpy(o, "\"");
		return s;
	}
	return ldi_strdup_printf(strchr(v, ' ') ? "%s:\"%s\"" : "%s:%s", name,
				 v);
}

lede_status_t lede_query_add_filter(lede_query_t *q, lede_field_t field,
				    const char *value)
{
	const char *prefix = filter_prefix(field);
	ldi_filter_t *grown;
	char *term, *readable;

	if (!q)
		return LEDE_MISUSE;
	if (!prefix || !value || !*value)
		return query_error(q, LEDE_MISUSE,
				   "lede_query_add_filter: no such filter "
				   "field, or an empty value");
	if (field == LEDE_FIELD_AUTHOR) {
		term = author_terms(value);
	} else {
		const char *v = value;
		char *folded;
		size_t flen, plen = strlen(prefix);

		if (field == LEDE_FIELD_PLACE) {
			const char *c = ldi_place_canonical(v, strlen(v));

			if (c)
				v = c;
		}
		if (ldi_fold(v, strlen(v), &folded, &flen) != 0)
			return query_error(q, LEDE_NOMEM, "out of memory");
		term = malloc(plen + flen + 1);
		if (term) {
			memcpy(term, prefix, plen);
			memcpy(term + plen, folded, flen);
			term[plen + flen] = '\0';
		}
		free(folded);
	}
	if (!term)
		return query_error(q, LEDE_NOMEM, "out of memory");
	readable = filter_readable(field, term);
	grown = readable ? realloc(q->filters,
				   (q->n_filters + 1) * sizeof *grown)
			 : NULL;
	if (!grown) {
		free(term);
		free(readable);
		return query_error(q, LEDE_NOMEM, "out of memory");
	}
	q->filters = grown;
	q->filters[q->n_filters].field = field;
	q->filters[q->n_filters].term = term;
	q->filters[q->n_filters].readable = readable;
	q->n_filters++;
	return LEDE_OK;
}

lede_status_t lede_query_set_dates(lede_query_t *q, int64_t since,
				   int64_t until)
{
	if (!q)
		return LEDE_MISUSE;
	if (since != LEDE_NO_DATE && until != LEDE_NO_DATE && since > until)
		return query_error(q, LEDE_MISUSE,
				   "lede_query_set_dates: since is after "
				   "until");
	q->since = since;
	q->until = until;
	return LEDE_OK;
}

lede_status_t lede_query_set_sort(lede_query_t *q, lede_sort_t sort,
				  int64_t half_life)
{
	if (!q)
		return LEDE_MISUSE;
	if (sort < LEDE_SORT_RELEVANCE || sort > LEDE_SORT_RECENCY ||
	    half_life < 0)
		return query_error(q, LEDE_MISUSE,
				   "lede_query_set_sort: unknown order or a "
				   "negative half-life");
	q->sort = sort;
	q->half_life = half_life;
	return LEDE_OK;
}

lede_status_t lede_query_add_facet(lede_query_t *q, lede_field_t field,
				   uint32_t max_values)
{
	ldi_facet_req_t *grown;
	size_t i;

	if (!q)
		return LEDE_MISUSE;
	if (!ldi_facet_slot(field))
		return query_error(q, LEDE_MISUSE,
				   "lede_query_add_facet: this field has no "
				   "facet");
	/* Asked again: the new maximum, in the place first asked (the
	 * order lede_results_json lists facets in). */
	for (i = 0; i < q->n_facets; i++)
		if (q->facets[i].field == field) {
			q->facets[i].max = max_values;
			return LEDE_OK;
		}
	grown = realloc(q->facets, (q->n_facets + 1) * sizeof *grown);
	if (!grown)
		return query_error(q, LEDE_NOMEM, "out of memory");
	q->facets = grown;
	q->facets[q->n_facets].field = field;
	q->facets[q->n_facets].max = max_values;
	q->n_facets++;
	return LEDE_OK;
}

lede_status_t lede_query_set_timeline(lede_query_t *q, lede_timeline_t unit)
{
	if (!q)
		return LEDE_MISUSE;
	if (unit < LEDE_TIMELINE_NONE || unit > LEDE_TIMELINE_YEAR)
		return query_error(q, LEDE_MISUSE,
				   "lede_query_set_timeline: unknown unit");
	q->timeline = unit;
	return LEDE_OK;
}

lede_status_t lede_query_set_suggest(lede_query_t *q, int suggest)
{
	if (!q)
		return LEDE_MISUSE;
	q->no_suggest = !suggest;
	return LEDE_OK;
}

lede_status_t lede_query_set_approx(lede_query_t *q, int approx)
{
	if (!q)
		return LEDE_MISUSE;
	q->approx = approx != 0;
	return LEDE_OK;
}

/* The OR of the terms of q's filters on `field` (an author filter is the
 * AND of its words); NULL in *out when there are none. */
static xc_status_t field_filter(const lede_query_t *q, lede_field_t field,
				xc_query_t **out)
{
	xc_query_t *subs[64];
	size_t n = 0, i;
	xc_status_t xs = XC_OK;

	*out = NULL;
	for (i = 0; i < q->n_filters && xs == XC_OK && n < 64; i++) {
		const char *t = q->filters[i].term;
		xc_query_t *words[32];
		size_t nw = 0;

		if (q->filters[i].field != field)
			continue;
		while (*t && nw < 32 && xs == XC_OK) {
			size_t len = strcspn(t, "\n");

			xs = xc_query_term(t, len, 1, 0, &words[nw]);
			if (xs == XC_OK)
				nw++;
			t += len + (t[len] == '\n');
		}
		if (xs == XC_OK && nw)
			xs = xc_query_combine(XC_OP_AND, words, nw, 0,
					      &subs[n]);
		if (xs == XC_OK && nw)
			n++;
		while (nw)
			xc_query_free(words[--nw]);
	}
	if (xs == XC_OK && n)
		xs = xc_query_combine(XC_OP_OR, subs, n, 0, out);
	while (n)
		xc_query_free(subs[--n]);
	return xs;
}

static xc_status_t date_filter(const lede_query_t *q, xc_query_t **out)
{
	char lo[XC_SORTABLE_MAX], hi[XC_SORTABLE_MAX];
	size_t lolen = 0, hilen = 0;

	*out = NULL;
	if (q->since == LEDE_NO_DATE && q->until == LEDE_NO_DATE)
		return XC_OK;
	if (q->since != LEDE_NO_DATE)
		lolen = xc_sortable_serialise((double)q->since, lo);
	if (q->until != LEDE_NO_DATE)
		hilen = xc_sortable_serialise((double)q->until, hi);
	return xc_query_value_range(LDI_SLOT_DATE,
				    q->since != LEDE_NO_DATE ? lo : NULL, lolen,
				    q->until != LEDE_NO_DATE ? hi : NULL, hilen,
				    out);
}

int ldi_has_filter(const lede_query_t *q, lede_field_t field)
{
	size_t i;

	for (i = 0; i < q->n_filters; i++)
		if (q->filters[i].field == field)
			return 1;
	for (i = 0; i < q->parsed.n_filters; i++)
		if (q->parsed.filters[i].field == field)
			return 1;
	return 0;
}

lede_status_t ldi_search_query(lede_query_t *q, int lift, xc_query_t **out)
{
	size_t max = LDI_N_FIELDS + 2 + q->parsed.n_filters, n = 0, f;
	xc_query_t **parts = malloc(max * sizeof *parts);
	xc_status_t xs = XC_OK;
	lede_status_t st = LEDE_OK;

	*out = NULL;
	if (!parts)
		return ldi_set_error(&q->errmsg, LEDE_NOMEM, "out of memory");
	parts[n++] = q->scored ? q->scored : q->parsed.query;
	for (f = 0; f < LDI_N_FIELDS && xs == XC_OK; f++) {
		xc_query_t *fq = NULL;

		if ((int)f == lift)
			continue;
		xs = field_filter(q, (lede_field_t)f, &fq);
		if (xs == XC_OK && fq)
			parts[n++] = fq;
	}
	if (xs == XC_OK) {
		xc_query_t *dq = NULL;

		xs = date_filter(q, &dq);
		if (xs == XC_OK && dq)
			parts[n++] = dq;
	}
	/* FILTER: the first part scores, the rest only narrow. The query's
	 * own lifted filters are borrowed from it, the rest are ours. */
	size_t ours = n;
	for (f = 0; f < q->parsed.n_filters; f++)
		if ((int)q->parsed.filters[f].field != lift)
			parts[n++] = q->parsed.filters[f].query;
	if (xs == XC_OK)
		xs = xc_query_combine(XC_OP_FILTER, parts, n, 0, out);
	if (xs != XC_OK)
		st = ldi_set_error(&q->errmsg, ldi_status_from_xc(xs),
				   "cannot build the query: %s",
				   xc_status_str(xs));
	while (ours > 1)
		xc_query_free(parts[--ours]);
	free(parts);
	return st;
}
