/* stats.c: what an index holds, for lede-index --stats.
 * SPDX-License-Identifier: MIT
 *
 * Counts come from Xapian directly: articles and words from the database,
 * distinct terms by walking the term list, articles with a field from a
 * wildcard over the field's prefix (exact: the match looks at every
 * article), the most frequent values from one match with a value spy per
 * facet field, as lede-search's facets count them.
 */
#define _POSIX_C_SOURCE 200809L

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "db_internal.h"
#include "schema.h"
#include "search_internal.h"

/* Terms listed per page while counting them. */
#define TERM_PAGE 4096

#define N_STATS (LEDE_STAT_SHARDS + 1)
#define N_FIELDS (LEDE_FIELD_PERSON + 1)

typedef struct top_value {
	char *value;
	uint64_t count;
} top_value_t;

struct lede_stats {
	int64_t stat[N_STATS];
	uint64_t with_field[N_FIELDS];
	top_value_t *top[N_FIELDS];
	size_t n_top[N_FIELDS];
};

/* The prefix whose terms mark an article as having the field; NULL for
 * the id (every article has one) and the body (no prefix). */
static const char *
field_prefix(lede_field_t field)
{
	switch (field) {
	case LEDE_FIELD_HEADLINE: return LDI_PREFIX_HEADLINE;
	case LEDE_FIELD_AUTHOR: return LDI_PREFIX_AUTHOR;
	case LEDE_FIELD_SOURCE: return LDI_PREFIX_SOURCE;
	case LEDE_FIELD_SECTION: return LDI_PREFIX_SECTION;
	case LEDE_FIELD_LANGUAGE: return LDI_PREFIX_LANGUAGE;
	case LEDE_FIELD_URL: return LDI_PREFIX_URL;
	case LEDE_FIELD_TAG: return LDI_PREFIX_TAG;
	case LEDE_FIELD_PLACE: return LDI_PREFIX_PLACE;
	case LEDE_FIELD_ORG: return LDI_PREFIX_ORG;
	case LEDE_FIELD_PERSON: return LDI_PREFIX_PERSON;
	case LEDE_FIELD_ID:
	case LEDE_FIELD_BODY: break;
	}
	return NULL;
}

static lede_status_t
failed(lede_db_t *db, xc_status_t xs, const char *detail)
{
	return ldi_set_error(&db->errmsg, ldi_status_from_xc(xs),
			     "cannot read index '%s': %s", db->path,
			     detail && *detail ? detail : xc_status_str(xs));
}

/* The number of articles with a term that starts with prefix. */
static lede_status_t
count_prefix(lede_db_t *db, const char *prefix, uint32_t docs,
	     uint64_t *count)
{
	*count = 0;
	if (docs == 0)
		return LEDE_OK;
	xc_query_t *q = NULL;
	xc_enquire_t *enq = NULL;
	xc_mset_t *mset = NULL;
	xc_status_t xs = xc_query_wildcard(prefix, XC_NTS, 0, &q);
	const char *detail = NULL;
	if (xs == XC_OK)
		xs = xc_enquire_new(db->xdb, &enq);
	if (xs == XC_OK)
		xs = xc_enquire_set_query(enq, q, 1);
	if (xs == XC_OK)
		xs = xc_enquire_mset(enq, 0, 0, docs, &mset);
	if (xs != XC_OK)
		detail = enq ? xc_enquire_errmsg(enq) : xc_db_errmsg(db->xdb);
	lede_status_t st = LEDE_OK;
	if (xs == XC_OK) {
		uint32_t estimated, lower, upper;
		xc_mset_matches(mset, &estimated, &lower, &upper);
		*count = lower;
	} else {
		st = failed(db, xs, detail);
	}
	xc_mset_free(mset);
	xc_enquire_free(enq);
	xc_query_free(q);
	return st;
}

/* Keeps the `top` most frequent values of field from its spy's counts
 * (facets.c splits the counted combinations). */
static lede_status_t
collect_top(lede_stats_t *s, lede_field_t field, const xc_spy_t *spy,
	    uint32_t top)
{
	ldi_count_list_t all = { NULL, 0 };
	if (ldi_facet_values(spy, &all) != 0) {
		ldi_count_list_free(&all);
		return LEDE_NOMEM;
	}
	size_t keep = all.n > top ? top : all.n;
	if (keep == 0) {
		ldi_count_list_free(&all);
		return LEDE_OK;
	}
	top_value_t *v = calloc(keep, sizeof *v);
	if (!v) {
		ldi_count_list_free(&all);
		return LEDE_NOMEM;
	}
	/* The list is by count then name already: keep its head. */
	for (size_t k = 0; k < keep; k++) {
		v[k].value = all.v[k].value;
		v[k].count = all.v[k].count;
		all.v[k].value = NULL;
	}
	for (size_t k = keep; k < all.n; k++)
		free(all.v[k].value);
	free(all.v);
	s->top[field] = v;
	s->n_top[field] = keep;
	return LEDE_OK;
}

/* The most frequent values of every facet field, in one pass: a value
 * spy per field, as lede-search's facets count them. */
static lede_status_t
count_top(lede_db_t *db, lede_stats_t *s, uint32_t docs, uint32_t top)
{
	if (top == 0 || docs == 0)
		return LEDE_OK;
	xc_query_t *q = NULL;
	xc_enquire_t *enq = NULL;
	xc_mset_t *mset = NULL;
	ldi_facet_spies_t spies = { { NULL }, NULL };
	unsigned fields = 0;
	for (int f = 0; f < N_FIELDS; f++)
		if (ldi_facet_slot((lede_field_t)f))
			fields |= 1u << f;
	xc_status_t xs = xc_query_match_all(&q);
	if (xs == XC_OK)
		xs = xc_enquire_new(db->xdb, &enq);
	if (xs == XC_OK)
		xs = xc_enquire_set_query(enq, q, 1);
	if (xs == XC_OK)
		xs = ldi_facets_spy(enq, fields, 0, &spies);
	if (xs == XC_OK)
		xs = xc_enquire_mset(enq, 0, 0, docs, &mset);
	lede_status_t st = LEDE_OK;
	if (xs != XC_OK)
		st = failed(db, xs,
			    enq ? xc_enquire_errmsg(enq)
				: xc_db_errmsg(db->xdb));
	for (int f = 0; st == LEDE_OK && f < N_FIELDS; f++)
		if (spies.field[f])
			st = collect_top(s, (lede_field_t)f, spies.field[f],
					 top);
	if (st == LEDE_NOMEM)
		ldi_set_error(&db->errmsg, st, "out of memory");
	xc_mset_free(mset);
	xc_enquire_free(enq);
	xc_query_free(q);
	return st;
}

/* Distinct terms, a page at a time. */
static lede_status_t
count_terms(lede_db_t *db, int64_t *count)
{
	char *after = NULL;
	size_t alen = 0;
	int64_t n = 0;
	lede_status_t st = LEDE_OK;
	for (;;) {
		xc_list_t *page = NULL;
		xc_status_t xs = xc_db_terms(db->xdb, "", 0, after, alen,
					     TERM_PAGE, &page);
		if (xs != XC_OK) {
			st = failed(db, xs, xc_db_errmsg(db->xdb));
			break;
		}
		size_t size = xc_list_size(page);
		n += (int64_t)size;
		if (size) {
			const char *last;
			xc_list_item(page, size - 1, &last, &alen, NULL);
			char *copy = realloc(after, alen + 1);
			if (!copy) {
				xc_list_free(page);
				st = ldi_set_error(&db->errmsg, LEDE_NOMEM,
						   "out of memory");
				break;
			}
			after = copy;
			memcpy(after, last, alen + 1);
		}
		xc_list_free(page);
		if (size < TERM_PAGE)
			break;
	}
	free(after);
	*count = n;
	return st;
}

typedef struct file_counts {
	int64_t files, pending;
} file_counts_t;

static lede_status_t
count_file(lede_db_t *db, const char *key, size_t klen,
	   const ldi_file_record_t *r, void *ctx)
{
	file_counts_t *c = ctx;
	(void)db;
	(void)key;
	(void)klen;
	c->files++;
	c->pending += r && !r->complete;
	return LEDE_OK;
}

/* File records, and how many of them are to be read again. */
static lede_status_t
count_files(lede_db_t *db, int64_t *files, int64_t *pending)
{
	file_counts_t c = { 0, 0 };
	*files = *pending = 0;
	/* Remote shards and stubs have no records of their own. */
	if (!db->records)
		return LEDE_OK;
	lede_status_t st = ldi_file_records(db, count_file, &c);
	*files = c.files;
	*pending = c.pending;
	return st;
}

/* The size of the files in one folder (Xapian keeps a database in one). */
static int64_t
folder_bytes(const char *path)
{
	DIR *d = opendir(path);
	if (!d)
		return -1;
	int64_t total = 0;
	struct dirent *e;
	while ((e = readdir(d))) {
		char *file = ldi_strdup_printf("%s/%s", path, e->d_name);
		struct stat sb;
		if (file && stat(file, &sb) == 0 && S_ISREG(sb.st_mode))
			total += (int64_t)sb.st_size;
		free(file);
	}
	closedir(d);
	return total;
}

/* The size on disk of the index: its folder, or each local database it is
 * made of (remote ones count nothing) and a shard set's own files. */
static int64_t
disk_bytes(const lede_db_t *db)
{
	if (!db->combined)
		return folder_bytes(db->path);
	int64_t total = 0;
	for (size_t i = 0; i < db->n_shards; i++) {
		int64_t n = folder_bytes(db->shards[i].name);
		total += n > 0 ? n : 0;
	}
	if (db->records_owned) {
		char *p = ldi_strdup_printf("%s/%s", db->path,
					    LDI_SET_RECORDS);
		int64_t n = p ? folder_bytes(p) : 0;
		total += n > 0 ? n : 0;
		free(p);
		n = folder_bytes(db->path);
		total += n > 0 ? n : 0;
	}
	return total;
}

/* The time of x's last commit, or LEDE_NO_DATE. */
static int64_t
commit_time(xc_db_t *x)
{
	char *value = NULL;
	size_t len = 0;
	int64_t when = LEDE_NO_DATE;
	if (xc_db_get_metadata(x, LDI_META_COMMITTED, XC_NTS, &value,
			       &len) == XC_OK &&
	    value && lede_date_parse(value, len, &when) != LEDE_OK)
		when = LEDE_NO_DATE;
	xc_free(value);
	return when;
}

/* The newest commit of the databases db is made of. */
static int64_t
last_commit(lede_db_t *db)
{
	if (!db->combined)
		return commit_time(db->xdb);
	int64_t when = db->records ? commit_time(db->records) : LEDE_NO_DATE;
	for (size_t i = 0; i < db->n_shards; i++) {
		int64_t t = commit_time(db->shards[i].xdb);
		if (t != LEDE_NO_DATE && (when == LEDE_NO_DATE || t > when))
			when = t;
	}
	return when;
}

lede_status_t
lede_stats_new(lede_db_t *db, uint32_t top, lede_stats_t **out)
{
	if (out)
		*out = NULL;
	if (!db)
		return LEDE_MISUSE;
	if (!out)
		return ldi_set_error(&db->errmsg, LEDE_MISUSE,
				     "lede_stats_new: out is NULL");
	lede_stats_t *s = calloc(1, sizeof *s);
	if (!s)
		return ldi_set_error(&db->errmsg, LEDE_NOMEM, "out of memory");
	uint32_t docs = 0;
	uint64_t words = 0;
	xc_status_t xs = db->writable ? XC_OK : xc_db_reopen(db->xdb, NULL);
	if (xs == XC_OK)
		xs = xc_db_doccount(db->xdb, &docs);
	if (xs == XC_OK)
		xs = xc_db_total_length(db->xdb, &words);
	lede_status_t st = xs == XC_OK ? LEDE_OK
				       : failed(db, xs, xc_db_errmsg(db->xdb));
	s->stat[LEDE_STAT_ARTICLES] = docs;
	s->stat[LEDE_STAT_WORDS] = (int64_t)words;
	if (st == LEDE_OK)
		st = count_terms(db, &s->stat[LEDE_STAT_TERMS]);
	if (st == LEDE_OK)
		st = count_files(db, &s->stat[LEDE_STAT_FILES],
				 &s->stat[LEDE_STAT_FILES_PENDING]);
	s->stat[LEDE_STAT_BYTES] = disk_bytes(db);
	s->stat[LEDE_STAT_SHARDS] =
		db->combined ? (int64_t)db->n_shards : 1;
	s->stat[LEDE_STAT_LAST_COMMIT] = last_commit(db);
	uint64_t n = 0;
	if (st == LEDE_OK)
		st = count_prefix(db, LDI_PREFIX_DAY, docs, &n);
	s->stat[LEDE_STAT_DATED] = (int64_t)n;
	if (st == LEDE_OK)
		st = count_prefix(db, LDI_PREFIX_QUOTE, docs, &n);
	s->stat[LEDE_STAT_QUOTED] = (int64_t)n;
	s->with_field[LEDE_FIELD_ID] = docs;
	for (int f = 0; st == LEDE_OK && f < N_FIELDS; f++) {
		const char *prefix = field_prefix((lede_field_t)f);
		if (prefix)
			st = count_prefix(db, prefix, docs, &s->with_field[f]);
	}
	if (st == LEDE_OK)
		st = count_top(db, s, docs, top);
	if (st != LEDE_OK) {
		lede_stats_free(s);
		return st;
	}
	*out = s;
	return LEDE_OK;
}

void
lede_stats_free(lede_stats_t *stats)
{
	if (!stats)
		return;
	for (int f = 0; f < N_FIELDS; f++) {
		for (size_t i = 0; i < stats->n_top[f]; i++)
			free(stats->top[f][i].value);
		free(stats->top[f]);
	}
	free(stats);
}

int64_t
lede_stats_get(const lede_stats_t *stats, lede_stat_t what)
{
	if (!stats || (int)what < 0 || what >= N_STATS)
		return -1;
	return stats->stat[what];
}

lede_status_t
lede_stats_field(const lede_stats_t *stats, lede_field_t field,
		 uint64_t *articles)
{
	if (!stats || !articles || (int)field < 0 || field >= N_FIELDS ||
	    field == LEDE_FIELD_BODY)
		return LEDE_MISUSE;
	*articles = stats->with_field[field];
	return LEDE_OK;
}

lede_status_t
lede_stats_top(const lede_stats_t *stats, lede_field_t field, size_t i,
	       const char **value, uint64_t *count)
{
	if (!stats || !value || !count || (int)field < 0 ||
	    field >= N_FIELDS || !ldi_facet_slot(field))
		return LEDE_MISUSE;
	if (i >= stats->n_top[field])
		return LEDE_DONE;
	*value = stats->top[field][i].value;
	*count = stats->top[field][i].count;
	return LEDE_OK;
}
