/* facets.c: facet values and timelines from the facet slot's counts.
 * SPDX-License-Identifier: MIT
 *
 * The indexer puts every facet value of an article, and its day, in one
 * value slot (schema.h: LDI_SLOT_FACETS), so one match spy pass counts
 * them all. Here the spy's entries ("c\x1fbusiness", "d\x1f20231112")
 * become per-field lists sorted by count then name, and days become the
 * periods a timeline asks for.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "schema.h"
#include "search_internal.h"

void ldi_count_list_free(ldi_count_list_t *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		free(l->v[i].value);
	free(l->v);
	l->v = NULL;
	l->n = 0;
}

static int by_count_then_name(const void *a, const void *b)
{
	const ldi_count_t *x = a, *y = b;

	if (x->count != y->count)
		return x->count > y->count ? -1 : 1;
	return strcmp(x->value, y->value);
}

static int by_name(const void *a, const void *b)
{
	const ldi_count_t *x = a, *y = b;

	return strcmp(x->value, y->value);
}

/* Adds count to the value's entry in l (values sorted later). */
static int add_count(ldi_count_list_t *l, size_t *cap, const char *value,
		     size_t len, uint64_t count)
{
	char *v;

	/* Periods arrive in order, so a repeat is the last entry. */
	if (l->n && strlen(l->v[l->n - 1].value) == len &&
	    !memcmp(l->v[l->n - 1].value, value, len)) {
		l->v[l->n - 1].count += count;
		return 0;
	}
	if (l->n == *cap) {
		size_t c = *cap ? 2 * *cap : 32;
		ldi_count_t *grown = realloc(l->v, c * sizeof *grown);

		if (!grown)
			return -1;
		l->v = grown;
		*cap = c;
	}
	v = malloc(len + 1);
	if (!v)
		return -1;
	memcpy(v, value, len);
	v[len] = '\0';
	l->v[l->n].value = v;
	l->v[l->n].count = count;
	l->n++;
	return 0;
}

/* The period of day YYYYMMDD in unit, written to buf. */
static int period_of(const char *ymd, lede_timeline_t unit, char *buf,
		     size_t size)
{
	int y, m, d;

	if (sscanf(ymd, "%4d%2d%2d", &y, &m, &d) != 3)
		return 0;
	switch (unit) {
	case LEDE_TIMELINE_DAY:
		snprintf(buf, size, "%04d-%02d-%02d", y, m, d);
		return 1;
	case LEDE_TIMELINE_MONTH:
		snprintf(buf, size, "%04d-%02d", y, m);
		return 1;
	case LEDE_TIMELINE_YEAR:
		snprintf(buf, size, "%04d", y);
		return 1;
	case LEDE_TIMELINE_WEEK: {
		/* ISO 8601: the week belongs to the year of its Thursday. */
		int64_t days = ldi_days_from_civil(y, m, d);
		int wd = (int)(((days % 7) + 7 + 3) % 7); /* Monday 0 */
		int64_t thursday = days - wd + 3, jan1;
		int64_t ty = y;
		int week;

		if (thursday < ldi_days_from_civil(ty, 1, 1))
			ty--;
		else if (thursday >= ldi_days_from_civil(ty + 1, 1, 1))
			ty++;
		jan1 = ldi_days_from_civil(ty, 1, 1);
		week = (int)((thursday - jan1) / 7) + 1;
		snprintf(buf, size, "%04d-W%02d", (int)ty, week);
		return 1;
	}
	case LEDE_TIMELINE_NONE:
	default:
		return 0;
	}
}

lede_status_t ldi_facets_collect(lede_results_t *r,
				 const struct xc_multi_spy *spy,
				 unsigned fields, int timeline)
{
	size_t caps[LDI_N_FIELDS] = {0}, tcap = 0, i, f;
	size_t n = xc_multi_spy_size(spy);
	const lede_query_t *q = r->query;

	for (i = 0; i < n; i++) {
		const char *entry;
		size_t len;
		uint64_t count;
		char period[32];

		if (xc_multi_spy_item(spy, i, &entry, &len, &count) != XC_OK ||
		    len < 2 || entry[1] != LDI_FACET_KEY_SEP)
			continue;
		if (entry[0] == LDI_FACET_DAY) {
			char ymd[9];

			if (!timeline || len != 10)
				continue;
			memcpy(ymd, entry + 2, 8);
			ymd[8] = '\0';
			if (period_of(ymd, q->timeline, period, sizeof period) &&
			    add_count(&r->timeline, &tcap, period,
				      strlen(period), count) != 0)
				return LEDE_NOMEM;
			continue;
		}
		for (f = 0; f < LDI_N_FIELDS; f++)
			if ((fields & (1u << f)) &&
			    ldi_facet_code((lede_field_t)f) == entry[0])
				break;
		if (f == LDI_N_FIELDS)
			continue;
		if (add_count(&r->facets[f], &caps[f], entry + 2, len - 2,
			      count) != 0)
			return LEDE_NOMEM;
	}
	if (timeline && r->timeline.n)
		qsort(r->timeline.v, r->timeline.n, sizeof *r->timeline.v,
		      by_name);
	for (f = 0; f < LDI_N_FIELDS; f++) {
		ldi_count_list_t *l = &r->facets[f];
		uint32_t max = 0;
		size_t k;

		if (!(fields & (1u << f)) || !l->n)
			continue;
		qsort(l->v, l->n, sizeof *l->v, by_count_then_name);
		for (k = 0; k < q->n_facets; k++)
			if (q->facets[k].field == (lede_field_t)f)
				max = q->facets[k].max;
		while (max && l->n > max)
			free(l->v[--l->n].value);
	}
	return LEDE_OK;
}
