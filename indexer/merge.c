/* merge.c: one index from several written apart (lede_db_merge).
 * SPDX-License-Identifier: MIT
 *
 * Parallel writers (lede-index --jobs) each fill an index of their own
 * from a share of the input: Xapian's writer is single-threaded, and its
 * cost per article is most of indexing. Xapian's compactor then merges
 * the parts into one in a fraction of the time the writing took. The
 * merged index is written beside the target and swapped in (compact.c's
 * ldi_rebuild_in_place), so the target is empty or whole, never half
 * merged.
 *
 * What the compactor leaves to us:
 * - An id in several parts (the same article in files of two shares)
 *   keeps every copy. A writer keeps the last one added, so here the
 *   copy from the last part is kept: parts are merged in order, and the
 *   compactor numbers each part's documents after the previous part's,
 *   so that copy has the highest document id.
 * - Metadata a key has in several parts is the first part's. The
 *   language list (which stemmers a query uses) is made the union of the
 *   parts' lists; the time of the last commit is the merge's. A file's
 *   record is in several parts when they read runs of one archive's
 *   entries (lede_parser_set_entries): the merged record counts the
 *   file's articles in the merged index (an id two runs read is one
 *   article), and says the file was wholly read only if each run was.
 *   Such records are few among many (one per archive split across
 *   parts, against one per file read), so they are found in two passes:
 *   a hash of every record's key (8 bytes each, not the records), then,
 *   for the keys whose hash more than one part has, the records
 *   themselves.
 */
#define _POSIX_C_SOURCE 200809L

#include <stdlib.h>
#include <string.h>

#include "db_internal.h"
#include "hash.h"
#include "schema.h"

/* Id terms read per page when looking for copies. */
#define ID_PAGE 4096

typedef struct merge {
	const char *path;
	const char *const *parts;
	size_t n;
	lede_compact_fn fn;
	void *ctx;
	/* The union of the parts' languages. */
	char codes[LDI_MAX_LANGUAGES][sizeof ((ldi_db_language_t *)0)->code];
	size_t n_codes;
	/* The hashes of every part's record keys (first pass), then the
	 * sorted hashes more than one part has. */
	uint64_t *hashes;
	size_t n_hashes, cap_hashes;
	/* The records whose key hash is shared, in part order (second
	 * pass). */
	struct part_record *records;
	size_t n_records, cap_records;
} merge_t;

typedef struct part_record {
	char *key;	/* the whole metadata key */
	ldi_file_record_t r; /* r.path is path */
	char *path;
	size_t order;	/* where it was read, for a stable sort */
} part_record_t;

static void
free_records(merge_t *m)
{
	for (size_t i = 0; i < m->n_records; i++) {
		free(m->records[i].key);
		free(m->records[i].path);
	}
	free(m->records);
	free(m->hashes);
}

/* First pass: notes the hash of a record's key. */
static lede_status_t
hash_record(lede_db_t *db, const char *key, size_t klen,
	    const ldi_file_record_t *r, void *ctx)
{
	merge_t *m = ctx;
	(void)db;
	if (!r) /* unreadable: the next run reads its file again anyway */
		return LEDE_OK;
	if (m->n_hashes == m->cap_hashes) {
		size_t cap = m->cap_hashes ? 2 * m->cap_hashes : 1024;
		uint64_t *grown = realloc(m->hashes, cap * sizeof *grown);
		if (!grown)
			return LEDE_NOMEM;
		m->hashes = grown;
		m->cap_hashes = cap;
	}
	m->hashes[m->n_hashes++] = ldi_hash64(key, klen);
	return LEDE_OK;
}

/* Keeps, sorted and once each, the hashes noted more than once: a key
 * is in one part at most once, so those are the keys of records in
 * several parts (and, rarely, of two keys that hash alike, which the
 * second pass tells apart). */
static void
keep_shared_hashes(merge_t *m)
{
	if (m->n_hashes > 1)
		qsort(m->hashes, m->n_hashes, sizeof *m->hashes,
		      ldi_compare_u64);
	size_t k = 0;
	for (size_t i = 0; i + 1 < m->n_hashes;) {
		size_t end = i + 1;
		while (end < m->n_hashes && m->hashes[end] == m->hashes[i])
			end++;
		if (end - i > 1)
			m->hashes[k++] = m->hashes[i];
		i = end;
	}
	m->n_hashes = k;
}

/* Second pass: keeps a record whose key hash is shared. */
static lede_status_t
collect_record(lede_db_t *db, const char *key, size_t klen,
	       const ldi_file_record_t *r, void *ctx)
{
	merge_t *m = ctx;
	(void)db;
	if (!r)
		return LEDE_OK;
	uint64_t h = ldi_hash64(key, klen);
	if (!m->n_hashes || !bsearch(&h, m->hashes, m->n_hashes,
				     sizeof *m->hashes, ldi_compare_u64))
		return LEDE_OK;
	if (m->n_records == m->cap_records) {
		size_t cap = m->cap_records ? 2 * m->cap_records : 1024;
		part_record_t *grown = realloc(m->records,
					       cap * sizeof *grown);
		if (!grown)
			return LEDE_NOMEM;
		m->records = grown;
		m->cap_records = cap;
	}
	part_record_t *p = &m->records[m->n_records];
	p->key = malloc(klen + 1);
	p->r = *r;
	p->r.path = p->path = strdup(r->path);
	if (!p->key || !p->path) {
		free(p->key);
		free(p->path);
		return LEDE_NOMEM;
	}
	memcpy(p->key, key, klen);
	p->key[klen] = '\0';
	p->order = m->n_records++;
	return LEDE_OK;
}

static int
by_key(const void *a, const void *b)
{
	const part_record_t *x = a, *y = b;
	int c = strcmp(x->key, y->key);
	if (c)
		return c;
	return x->order < y->order ? -1 : x->order > y->order;
}

/* How many articles of the merged index came from the file whose record
 * key is key: those with its file term (schema.h), once copies are
 * dropped, so an id two runs read counts once, as one writer counts it;
 * the parts' counts would count it in each part that read it. (An
 * article whose id a later file of another part also has is that file's
 * now, and not counted here, where one writer's record, written before
 * the later file was read, would still count it: the count only tells a
 * later run whether the file was ever wholly read.) */
static lede_status_t
file_articles(lede_db_t *db, const char *key, uint64_t *articles)
{
	size_t mlen = strlen(LDI_META_FILE), plen = strlen(LDI_PREFIX_FILE);
	char term[sizeof LDI_PREFIX_FILE + LDI_FILE_KEY_SIZE];
	size_t klen = strlen(key);
	if (klen < mlen || plen + klen - mlen > sizeof term)
		return ldi_set_error(&db->errmsg, LEDE_CORRUPT,
				     "index '%s': a file record's key is "
				     "malformed",
				     db->path);
	memcpy(term, LDI_PREFIX_FILE, plen);
	memcpy(term + plen, key + mlen, klen - mlen);
	uint32_t freq = 0;
	xc_status_t xs = xc_db_termfreq(db->xdb, term, plen + klen - mlen,
					&freq);
	if (xs != XC_OK)
		return ldi_set_error(&db->errmsg, ldi_status_from_xc(xs),
				     "cannot read index '%s': %s", db->path,
				     xc_db_errmsg(db->xdb));
	*articles = freq;
	return LEDE_OK;
}

/* Writes one record for each file whose records are in several parts. */
static lede_status_t
combine_records(lede_db_t *db, merge_t *m)
{
	if (m->n_records < 2)
		return LEDE_OK; /* (and qsort wants an array) */
	qsort(m->records, m->n_records, sizeof *m->records, by_key);
	for (size_t i = 0; i < m->n_records;) {
		size_t end = i + 1;
		int complete = m->records[i].r.complete;
		while (end < m->n_records &&
		       !strcmp(m->records[end].key, m->records[i].key)) {
			complete &= m->records[end].r.complete;
			end++;
		}
		if (end - i > 1) {
			/* An unfinished record counts what the last finished
			 * reading gave: none, in a first load. */
			uint64_t articles = 0;
			lede_status_t st =
				complete ? file_articles(db, m->records[i].key,
							 &articles)
					 : LEDE_OK;
			if (st != LEDE_OK)
				return st;
			const ldi_file_record_t *r = &m->records[i].r;
			st = ldi_file_record_write(
				db, m->records[i].key, r->size, r->mtime,
				complete ? &r->hash : NULL, articles, r->path);
			if (st != LEDE_OK)
				return st;
		}
		i = end;
	}
	return LEDE_OK;
}

static void
on_progress(void *ctx, const char *table, const char *status)
{
	const merge_t *m = ctx;
	if (m->fn)
		m->fn(m->ctx, m->path, table, status);
}

static void
add_code(merge_t *m, const char *code)
{
	for (size_t i = 0; i < m->n_codes; i++)
		if (!strcmp(m->codes[i], code))
			return;
	if (m->n_codes < LDI_MAX_LANGUAGES)
		strcpy(m->codes[m->n_codes++], code);
}

/* Opens part i as a reader and walks its file records with fn; on the
 * first pass (fn hash_record), gathers its languages too. */
static lede_status_t
walk_part(merge_t *m, size_t i, ldi_file_record_fn fn, char **msg)
{
	lede_db_t *part = NULL;
	char *why = NULL;
	lede_status_t st = lede_db_open(m->parts[i], LEDE_OPEN_READ, &part,
					&why);
	if (st != LEDE_OK) {
		ldi_set_error(msg, st, "%s", why ? why : lede_status_str(st));
		free(why);
		return st;
	}
	for (size_t j = 0; fn == hash_record && j < part->n_languages; j++)
		add_code(m, part->languages[j].code);
	st = ldi_file_records(part, fn, m);
	if (st != LEDE_OK)
		ldi_set_error(msg, st, "cannot merge '%s': %s", m->parts[i],
			      st == LEDE_NOMEM ? "out of memory"
					       : lede_errmsg(part));
	lede_db_close(part);
	return st;
}

/* Checks that each part is an index of this lede (opening it as a reader
 * does), gathers their languages, and the records of files that more
 * than one part read. */
static lede_status_t
check_parts(merge_t *m, char **msg)
{
	for (size_t i = 0; i < m->n; i++) {
		ldi_path_kind_t kind = ldi_path_kind(m->parts[i], NULL);
		if (kind == LDI_PATH_MISSING)
			return ldi_set_error(msg, LEDE_NO_INDEX,
					     "cannot merge '%s': no index "
					     "there",
					     m->parts[i]);
		if (kind != LDI_PATH_INDEX)
			return ldi_set_error(msg, LEDE_MISUSE,
					     "cannot merge '%s': not an index "
					     "(a part is one index: not a "
					     "shard set, a stub or remote)",
					     m->parts[i]);
		lede_status_t st = walk_part(m, i, hash_record, msg);
		if (st != LEDE_OK)
			return st;
	}
	keep_shared_hashes(m);
	for (size_t i = 0; m->n_hashes && i < m->n; i++) {
		lede_status_t st = walk_part(m, i, collect_record, msg);
		if (st != LEDE_OK)
			return st;
	}
	return LEDE_OK;
}

/* Deletes every copy of the id term but the last. */
static lede_status_t
keep_last(lede_db_t *db, const char *term, size_t len, uint64_t *dropped)
{
	uint64_t *docs = NULL;
	size_t n = 0;
	lede_status_t st = ldi_db_postings(db, term, len, &docs, &n);
	for (size_t i = 0; st == LEDE_OK && i + 1 < n; i++) {
		int gone = 0;
		st = ldi_db_delete_doc(db, docs[i], &gone);
		*dropped += (uint64_t)gone;
	}
	free(docs);
	return st;
}

/* Finds the ids the merged index holds more than once: their terms have a
 * term frequency above 1. */
static lede_status_t
drop_copies(lede_db_t *db, uint64_t *dropped)
{
	size_t plen = strlen(LDI_PREFIX_ID);
	char after[LDI_ID_TERM_SIZE] = "";
	size_t alen = 0;
	for (;;) {
		xc_list_t *page = NULL;
		xc_status_t xs = xc_db_terms(db->xdb, LDI_PREFIX_ID, plen, after,
					     alen, ID_PAGE, &page);
		if (xs != XC_OK)
			return ldi_set_error(&db->errmsg,
					     ldi_status_from_xc(xs),
					     "cannot read index '%s': %s",
					     db->path, xc_db_errmsg(db->xdb));
		size_t n = xc_list_size(page);
		lede_status_t st = LEDE_OK;
		for (size_t i = 0; i < n && st == LEDE_OK; i++) {
			const char *term;
			size_t len;
			uint64_t freq;
			xc_list_item(page, i, &term, &len, &freq);
			if (len < sizeof after) {
				memcpy(after, term, len);
				alen = len;
			}
			if (freq > 1)
				st = keep_last(db, term, len, dropped);
		}
		xc_list_free(page);
		if (st != LEDE_OK || n < ID_PAGE)
			return st;
	}
}

/* Writes the merged index at tmp (an ldi_build_fn). */
static lede_status_t
merge_into(void *ctx, const char *tmp, char **msg)
{
	merge_t *m = ctx;
	char *xmsg = NULL;
	xc_status_t xs = xc_db_merge(m->parts, m->n, tmp, on_progress, m,
				     &xmsg);
	if (xs != XC_OK) {
		lede_status_t st = ldi_set_error(msg, ldi_status_from_xc(xs),
						 "%s",
						 xmsg ? xmsg
						      : xc_status_str(xs));
		xc_free(xmsg);
		return st;
	}
	lede_db_t *db = NULL;
	char *why = NULL;
	lede_status_t st = lede_db_open(tmp, LEDE_OPEN_WRITE, &db, &why);
	if (st != LEDE_OK) {
		ldi_set_error(msg, st, "%s", why ? why : lede_status_str(st));
		free(why);
		return st;
	}
	/* Deletions count towards no batch: one commit at the end. */
	db->batch_size = 0;
	uint64_t dropped = 0;
	st = drop_copies(db, &dropped);
	if (st == LEDE_OK)
		st = combine_records(db, m);
	for (size_t i = 0; st == LEDE_OK && i < m->n_codes; i++)
		if (!ldi_db_language(db, m->codes[i]))
			st = ldi_set_error(&db->errmsg, LEDE_NOMEM,
					   "out of memory");
	/* Something to commit, so that the commit's time is recorded. */
	db->dirty = 1;
	if (st == LEDE_OK)
		st = lede_db_commit(db);
	if (st != LEDE_OK)
		ldi_set_error(msg, st, "%s", lede_errmsg(db));
	lede_db_close(db);
	return st;
}

static lede_status_t
count_record(lede_db_t *db, const char *key, size_t klen,
	     const ldi_file_record_t *r, void *ctx)
{
	(void)db;
	(void)key;
	(void)klen;
	(void)r;
	++*(uint64_t *)ctx;
	return LEDE_OK;
}

/* Opens the target for writing, holding its lock, and checks that it has
 * neither articles nor file records. */
static lede_status_t
open_empty(const char *path, lede_db_t **out, char **msg)
{
	switch (ldi_path_kind(path, NULL)) {
	case LDI_PATH_MISSING:
	case LDI_PATH_INDEX:
		break;
	default:
		return ldi_set_error(msg, LEDE_MISUSE,
				     "cannot merge into '%s': not an index "
				     "folder (merge into one index, not a "
				     "shard set, stub or remote)",
				     path);
	}
	char *why = NULL;
	lede_status_t st = lede_db_open(path, LEDE_OPEN_CREATE, out, &why);
	if (st != LEDE_OK) {
		ldi_set_error(msg, st, "%s", why ? why : lede_status_str(st));
		free(why);
		return st;
	}
	uint64_t articles = 0, files = 0;
	st = lede_db_count(*out, &articles);
	if (st == LEDE_OK)
		st = ldi_file_records(*out, count_record, &files);
	if (st != LEDE_OK)
		ldi_set_error(msg, st, "%s", lede_errmsg(*out));
	else if (articles || files)
		st = ldi_set_error(msg, LEDE_MISUSE,
				   "cannot merge into '%s': it holds %llu "
				   "articles and %llu file records (merge "
				   "into a new or empty index)",
				   path, (unsigned long long)articles,
				   (unsigned long long)files);
	if (st != LEDE_OK) {
		lede_db_close(*out);
		*out = NULL;
	}
	return st;
}

lede_status_t
lede_db_merge(const char *path, const char *const *parts, size_t n,
	      lede_compact_fn progress, void *ctx, char **errmsg)
{
	char *msg = NULL;
	lede_status_t st = LEDE_OK;
	if (errmsg)
		*errmsg = NULL;
	if (!path || !*path || !parts || !n)
		st = ldi_set_error(&msg, LEDE_MISUSE,
				   "lede_db_merge: %s",
				   !path || !*path ? "no index path given"
						   : "no parts given");
	for (size_t i = 0; st == LEDE_OK && i < n; i++)
		if (!parts[i] || !*parts[i])
			st = ldi_set_error(&msg, LEDE_MISUSE,
					   "lede_db_merge: part %zu is NULL "
					   "or empty",
					   i);
	merge_t *m = st == LEDE_OK ? calloc(1, sizeof *m) : NULL;
	if (st == LEDE_OK && !m)
		st = ldi_set_error(&msg, LEDE_NOMEM, "out of memory");
	lede_db_t *target = NULL;
	if (st == LEDE_OK) {
		*m = (merge_t){ .path = path, .parts = parts, .n = n,
				.fn = progress, .ctx = ctx };
		st = check_parts(m, &msg);
	}
	if (st == LEDE_OK)
		st = open_empty(path, &target, &msg);
	if (st == LEDE_OK)
		st = ldi_rebuild_in_place(path, target->xdb, merge_into, m,
					  &msg);
	/* The lock is the old (empty) copy's: its files are gone. */
	lede_db_close(target);
	if (m)
		free_records(m);
	free(m);
	if (errmsg)
		*errmsg = msg;
	else
		free(msg);
	return st;
}
