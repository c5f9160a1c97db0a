/* facets.c: facet values and timelines from Xapian's value counts.
 * SPDX-License-Identifier: MIT
 *
 * Each facet field has a value slot holding an article's distinct values
 * of the field, sorted and joined (schema.h: LDI_SLOT_AUTHORS ...), and
 * the day has one too (LDI_SLOT_DAY). Xapian's ValueCountMatchSpy counts
 * each distinct slot value over the match set; for a multi-valued field
 * that is a combination of values ("France\x1fUnited Kingdom"), so here
 * each combination is split and its count added to each of its values.
 * That is exact: a value is in an article's combination at most once.
 * The spy is Xapian's own, so a remote shard served by stock
 * xapian-tcpsrv runs it and sends its counts back, and Xapian adds them
 * up: facets over shards are those of one index holding them all. Days
 * become the periods a timeline asks for.
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

unsigned ldi_facet_slot(lede_field_t field)
{
	switch (field) {
	case LEDE_FIELD_AUTHOR: return LDI_SLOT_AUTHORS;
	case LEDE_FIELD_SOURCE: return LDI_SLOT_SOURCE;
	case LEDE_FIELD_SECTION: return LDI_SLOT_SECTION;
	case LEDE_FIELD_LANGUAGE: return LDI_SLOT_LANGUAGE;
	case LEDE_FIELD_TAG: return LDI_SLOT_TAGS;
	case LEDE_FIELD_PLACE: return LDI_SLOT_PLACES;
	case LEDE_FIELD_ORG: return LDI_SLOT_ORGS;
	case LEDE_FIELD_PERSON: return LDI_SLOT_PEOPLE;
	default: return 0;
	}
}

xc_status_t ldi_facets_spy(xc_enquire_t *enq, unsigned fields, int timeline,
			   ldi_facet_spies_t *spies)
{
	xc_status_t xs = XC_OK;
	int f;

	memset(spies, 0, sizeof *spies);
	for (f = 0; xs == XC_OK && f < LDI_N_FIELDS; f++)
		if ((fields & (1u << f)) && ldi_facet_slot((lede_field_t)f))
			xs = xc_enquire_add_value_spy(
				enq, ldi_facet_slot((lede_field_t)f),
				&spies->field[f]);
	if (xs == XC_OK && timeline)
		xs = xc_enquire_add_value_spy(enq, LDI_SLOT_DAY, &spies->day);
	return xs;
}

static int by_name(const void *a, const void *b)
{
	const ldi_count_t *x = a, *y = b;

	return strcmp(x->value, y->value);
}

/* Appends value (len bytes) with count to l. */
static int push_count(ldi_count_list_t *l, size_t *cap, const char *value,
		      size_t len, uint64_t count)
{
	char *v;

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

/* Sorts l by name and adds up the counts of equal names, keeping one. */
static void merge_equal(ldi_count_list_t *l)
{
	size_t i, k = 0;

	if (l->n < 2)
		return;
	qsort(l->v, l->n, sizeof *l->v, by_name);
	for (i = 1; i < l->n; i++) {
		if (!strcmp(l->v[i].value, l->v[k].value)) {
			l->v[k].count += l->v[i].count;
			free(l->v[i].value);
		} else {
			l->v[++k] = l->v[i];
		}
	}
	l->n = k + 1;
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

/* A value of a counted combination, borrowed from the spy, with its
 * count. */
typedef struct facet_part {
	const char *p;
	size_t len;
	uint64_t count;
} facet_part_t;

/* Byte order, as strcmp would give: values hold no NUL. */
static int part_names(const facet_part_t *x, const facet_part_t *y)
{
	size_t n = x->len < y->len ? x->len : y->len;
	int c = memcmp(x->p, y->p, n);

	if (c)
		return c;
	return x->len < y->len ? -1 : x->len > y->len;
}

static int part_by_count_then_name(const void *a, const void *b)
{
	const facet_part_t *x = a, *y = b;

	if (x->count != y->count)
		return x->count > y->count ? -1 : 1;
	return part_names(x, y);
}

/* Each value of each counted combination, with the combination's count,
 * into *parts (values not yet merged; *parts NULL when there are none). 0,
 * or -1 when out of memory. */
static int split_counts(const xc_spy_t *spy, facet_part_t **parts, size_t *n)
{
	size_t cap = 0, i, items = xc_spy_size(spy);

	*parts = NULL;
	*n = 0;
	for (i = 0; i < items; i++) {
		const char *combo, *p, *end;
		size_t len;
		uint32_t count;

		if (xc_spy_item(spy, i, &combo, &len, &count) != XC_OK)
			continue;
		for (p = combo, end = combo + len; p < end;) {
			const char *e = memchr(p, LDI_VALUE_SEP,
					       (size_t)(end - p));

			if (!e)
				e = end;
			if (e > p) {
				if (*n == cap) {
					size_t c = cap ? 2 * cap : 64;
					facet_part_t *grown = realloc(
						*parts, c * sizeof *grown);

					if (!grown)
						return -1;
					*parts = grown;
					cap = c;
				}
				(*parts)[*n].p = p;
				(*parts)[*n].len = (size_t)(e - p);
				(*parts)[*n].count = count;
				(*n)++;
			}
			p = e + 1;
		}
	}
	return 0;
}

/* FNV-1a over a value's bytes. */
static uint64_t part_hash(const facet_part_t *x)
{
	uint64_t h = 14695981039346656037ULL;
	size_t i;

	for (i = 0; i < x->len; i++)
		h = (h ^ (unsigned char)x->p[i]) * 1099511628211ULL;
	return h;
}

/* Adds up the counts of equal values, keeping the first of each in
 * parts[0..*n). A hash table rather than a sort by name: a large match
 * set has a few thousand values. 0, or -1 when out of memory. */
static int merge_parts(facet_part_t *parts, size_t *n)
{
	size_t cap = 16, i, k = 0, *slot;

	while (cap < 2 * *n)
		cap *= 2;
	slot = malloc(cap * sizeof *slot);
	if (!slot)
		return -1;
	memset(slot, 0xff, cap * sizeof *slot); /* SIZE_MAX: empty */
	for (i = 0; i < *n; i++) {
		size_t h = (size_t)part_hash(&parts[i]) & (cap - 1);

		while (slot[h] != (size_t)-1 &&
		       part_names(&parts[slot[h]], &parts[i]))
			h = (h + 1) & (cap - 1);
		if (slot[h] != (size_t)-1) {
			parts[slot[h]].count += parts[i].count;
		} else {
			parts[k] = parts[i];
			slot[h] = k++;
		}
	}
	free(slot);
	*n = k;
	return 0;
}

/* ldi_facet_values, keeping the first max values (0: all). */
static int facet_values(const xc_spy_t *spy, uint32_t max, ldi_count_list_t *l)
{
	facet_part_t *parts;
	size_t n, i;

	/* The values stay in the spy's copy of its counts until they are
	 * counted and ranked: only those kept are copied. */
	if (split_counts(spy, &parts, &n) != 0) {
		free(parts);
		return -1;
	}
	if (n > 1 && merge_parts(parts, &n) != 0) {
		free(parts);
		return -1;
	}
	if (n > 1)
		qsort(parts, n, sizeof *parts, part_by_count_then_name);
	if (max && n > max)
		n = max;
	l->v = n ? malloc(n * sizeof *l->v) : NULL;
	if (n && !l->v) {
		free(parts);
		return -1;
	}
	for (i = 0; i < n; i++) {
		char *v = malloc(parts[i].len + 1);

		if (!v) {
			free(parts);
			return -1;
		}
		memcpy(v, parts[i].p, parts[i].len);
		v[parts[i].len] = '\0';
		l->v[i].value = v;
		l->v[i].count = parts[i].count;
		l->n = i + 1;
	}
	free(parts);
	return 0;
}

int ldi_facet_values(const xc_spy_t *spy, ldi_count_list_t *l)
{
	return facet_values(spy, 0, l);
}

/* The timeline from the day spy's counts: days into periods, added up,
 * oldest first. */
static int timeline_counts(const xc_spy_t *spy, lede_timeline_t unit,
			   ldi_count_list_t *l)
{
	size_t cap = 0, i, n = xc_spy_size(spy);

	for (i = 0; i < n; i++) {
		const char *day;
		size_t len;
		uint32_t count;
		char ymd[9], period[32];

		if (xc_spy_item(spy, i, &day, &len, &count) != XC_OK ||
		    len != 8)
			continue;
		memcpy(ymd, day, 8);
		ymd[8] = '\0';
		if (period_of(ymd, unit, period, sizeof period) &&
		    push_count(l, &cap, period, strlen(period), count) != 0)
			return -1;
	}
	merge_equal(l);
	return 0;
}

lede_status_t ldi_facets_collect(lede_results_t *r,
				 const ldi_facet_spies_t *spies)
{
	const lede_query_t *q = r->query;
	int f;

	if (spies->day &&
	    timeline_counts(spies->day, q->timeline, &r->timeline) != 0)
		return LEDE_NOMEM;
	for (f = 0; f < LDI_N_FIELDS; f++) {
		ldi_count_list_t *l = &r->facets[f];
		uint32_t max = 0;
		size_t k;

		if (!spies->field[f])
			continue;
		for (k = 0; k < q->n_facets; k++)
			if (q->facets[k].field == (lede_field_t)f)
				max = q->facets[k].max;
		if (facet_values(spies->field[f], max, l) != 0)
			return LEDE_NOMEM;
	}
	return LEDE_OK;
}
