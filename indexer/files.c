/* files.c: file records, so that re-indexing reads only what changed.
 * SPDX-License-Identifier: MIT
 *
 * schema.h ("Files") describes what is stored: a metadata record per file
 * and an "XFILE" term on each of its articles. Here a file is looked up
 * (unchanged, changed, new), opened so that lede_db_add tags its articles,
 * closed (deleting the articles a changed file no longer holds, then
 * writing its record), removed, or pruned when it is gone from disk.
 */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "db_internal.h"
#include "hash.h"
#include "schema.h"

/* A file changed less than this long before it was looked at may change
 * again within the same timestamp tick (a second on some file systems)
 * without its time moving: its record gets no time, so the next run
 * compares contents instead (git calls such entries "racily clean"). */
#define RACY_NS INT64_C(2000000000)

/* The layout of a record's line (schema.h). */
#define RECORD_LAYOUT 1

/* Records read per page when pruning. */
/* File records read per page of metadata keys. */
#define RECORD_PAGE 1024

typedef ldi_file_record_t record_t;

static int64_t
mtime_ns(const struct stat *sb)
{
	return (int64_t)sb->st_mtim.tv_sec * 1000000000 + sb->st_mtim.tv_nsec;
}

static int64_t
now_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

/* Parses a record's value (NUL-terminated); 0 if it is not one. */
static int
parse_record(const char *value, record_t *r)
{
	int layout, n = 0;
	char hash[24];
	if (sscanf(value, "%d %" SCNu64 " %" SCNd64 " %20s %" SCNu64 " %n",
		   &layout, &r->size, &r->mtime, hash, &r->articles,
		   &n) != 5 ||
	    n == 0 || layout != RECORD_LAYOUT)
		return 0;
	r->path = value + n;
	r->complete = strcmp(hash, "-") != 0;
	r->hash = r->complete ? strtoull(hash, NULL, 16) : 0;
	return 1;
}

static lede_status_t
xapian_failed(lede_db_t *db, xc_status_t xs, const char *what)
{
	return ldi_set_error(&db->errmsg, ldi_status_from_xc(xs),
			     "cannot %s index '%s': %s", what, db->path,
			     *xc_db_errmsg(db->records)
				     ? xc_db_errmsg(db->records)
				     : xc_status_str(xs));
}

/* The newest deferred write of key, or NULL (a shard set's records wait
 * for the shards' commit: see ldi_record_later). */
static const ldi_record_write_t *
deferred_write(const lede_db_t *db, const char *key)
{
	for (size_t i = db->n_deferred; i-- > 0;)
		if (!strcmp(db->deferred[i].key, key))
			return &db->deferred[i];
	return NULL;
}

/* Reads the record under key into *value (free it; NULL when there is
 * none or it is unreadable, which is treated as none). */
static lede_status_t
read_record(lede_db_t *db, const char *key, char **value, record_t *r)
{
	size_t len = 0;
	*value = NULL;
	const ldi_record_write_t *w = deferred_write(db, key);
	if (w) {
		if (w->value && !(*value = ldi_strdup_printf("%s", w->value)))
			return ldi_set_error(&db->errmsg, LEDE_NOMEM,
					     "out of memory");
	} else {
		char *v = NULL;
		xc_status_t xs = xc_db_get_metadata(db->records, key, XC_NTS,
						    &v, &len);
		if (xs != XC_OK)
			return xapian_failed(db, xs, "read");
		if (v && !(*value = ldi_strdup_printf("%s", v))) {
			xc_free(v);
			return ldi_set_error(&db->errmsg, LEDE_NOMEM,
					     "out of memory");
		}
		xc_free(v);
	}
	if (*value && !parse_record(*value, r)) {
		free(*value);
		*value = NULL;
	}
	return LEDE_OK;
}

/* Writes value (NULL: deletes the record) under key now: in a shard set,
 * it is committed before the shards are. */
static lede_status_t
put_record(lede_db_t *db, const char *key, const char *value)
{
	xc_status_t xs = xc_db_set_metadata(db->records, key, XC_NTS,
					    value ? value : "",
					    value ? strlen(value) : 0);
	if (xs != XC_OK)
		return xapian_failed(db, xs, "write");
	db->dirty = 1;
	db->records_dirty = 1;
	return LEDE_OK;
}

/* Writes value (NULL: deletes the record) under key once the articles it
 * speaks of are committed: in a shard set, after the shards' commit
 * (ldi_set_commit); in a single index the commit is one, so at once. */
static lede_status_t
put_record_later(lede_db_t *db, const char *key, const char *value)
{
	if (!db->unit)
		return put_record(db, key, value);
	if (db->n_deferred == db->cap_deferred) {
		size_t cap = db->cap_deferred ? 2 * db->cap_deferred : 16;
		ldi_record_write_t *grown =
			realloc(db->deferred, cap * sizeof *grown);
		if (!grown)
			return ldi_set_error(&db->errmsg, LEDE_NOMEM,
					     "out of memory");
		db->deferred = grown;
		db->cap_deferred = cap;
	}
	ldi_record_write_t *w = &db->deferred[db->n_deferred];
	w->key = ldi_strdup_printf("%s", key);
	w->value = value ? ldi_strdup_printf("%s", value) : NULL;
	if (!w->key || (value && !w->value)) {
		free(w->key);
		free(w->value);
		return ldi_set_error(&db->errmsg, LEDE_NOMEM, "out of memory");
	}
	db->n_deferred++;
	db->dirty = 1;
	return LEDE_OK;
}

lede_status_t
ldi_records_apply(lede_db_t *db)
{
	lede_status_t st = LEDE_OK;
	size_t i;
	for (i = 0; st == LEDE_OK && i < db->n_deferred; i++)
		st = put_record(db, db->deferred[i].key,
				db->deferred[i].value);
	/* What was not applied stays for the next commit. */
	size_t done = st == LEDE_OK ? i : i - 1;
	for (size_t k = 0; k < done; k++) {
		free(db->deferred[k].key);
		free(db->deferred[k].value);
	}
	memmove(db->deferred, db->deferred + done,
		(db->n_deferred - done) * sizeof *db->deferred);
	db->n_deferred -= done;
	return st;
}

/* A record's line (schema.h); NULL when out of memory. */
static char *
record_line(uint64_t size, int64_t mtime, const uint64_t *hash,
	    uint64_t articles, const char *path)
{
	char hex[24] = "-";
	if (hash)
		snprintf(hex, sizeof hex, "%016" PRIx64, *hash);
	return ldi_strdup_printf("%d %" PRIu64 " %" PRId64 " %s %" PRIu64
				 " %s",
				 RECORD_LAYOUT, size, mtime, hex, articles,
				 path);
}

/* One saying the file is done (hash given) waits for its articles'
 * commit; one saying "read again" goes in at once. */
lede_status_t
ldi_file_record_write(lede_db_t *db, const char *key, uint64_t size,
		      int64_t mtime, const uint64_t *hash, uint64_t articles,
		      const char *path)
{
	char *value = record_line(size, mtime, hash, articles, path);
	if (!value)
		return ldi_set_error(&db->errmsg, LEDE_NOMEM, "out of memory");
	lede_status_t st = hash ? put_record_later(db, key, value)
				: put_record(db, key, value);
	free(value);
	return st;
}

/* path made absolute (from the working folder) with "." and ".." and
 * doubled slashes taken out, without resolving links: the file as it was
 * reached. NULL when out of memory or the working folder is unknown. */
static char *
absolute_path(const char *path)
{
	char *cwd = NULL;
	if (path[0] != '/') {
		size_t size = 256;
		for (;;) {
			char *grown = realloc(cwd, size);
			if (!grown) {
				free(cwd);
				return NULL;
			}
			cwd = grown;
			if (getcwd(cwd, size))
				break;
			if (errno != ERANGE) {
				free(cwd);
				return NULL;
			}
			size *= 2;
		}
	}
	char *joined = ldi_strdup_printf("%s/%s", cwd ? cwd : "", path);
	free(cwd);
	if (!joined)
		return NULL;
	/* Rewrites joined in place: out never passes in. */
	char *out = joined;
	const char *in = joined;
	size_t n = 0;
	while (*in) {
		while (*in == '/')
			in++;
		const char *end = strchr(in, '/');
		size_t len = end ? (size_t)(end - in) : strlen(in);
		if (len == 0 || (len == 1 && in[0] == '.')) {
			/* nothing */
		} else if (len == 2 && in[0] == '.' && in[1] == '.') {
			while (n > 0 && out[n - 1] != '/')
				n--;
			if (n > 0)
				n--; /* the slash before it */
		} else {
			out[n++] = '/';
			memmove(out + n, in, len);
			n += len;
		}
		in += len;
	}
	if (n == 0)
		out[n++] = '/';
	out[n] = '\0';
	return joined;
}

/* FNV-1a 64 of the file's content; LEDE_IO with a message naming the
 * path when it cannot be read. */
static lede_status_t
hash_file(lede_db_t *db, const char *path, uint64_t *hash)
{
	int fd = open(path, O_RDONLY);
	if (fd < 0)
		return ldi_set_error(&db->errmsg, LEDE_IO,
				     "cannot read '%s': %s", path,
				     strerror(errno));
	static const size_t size = 1 << 16;
	unsigned char *buf = malloc(size);
	if (!buf) {
		close(fd);
		return ldi_set_error(&db->errmsg, LEDE_NOMEM, "out of memory");
	}
	uint64_t h = LDI_HASH64_START;
	lede_status_t st = LEDE_OK;
	for (;;) {
		ssize_t got = read(fd, buf, size);
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0) {
			st = ldi_set_error(&db->errmsg, LEDE_IO,
					   "cannot read '%s': %s", path,
					   strerror(errno));
			break;
		}
		if (got == 0)
			break;
		h = ldi_hash64_more(h, buf, (size_t)got);
	}
	free(buf);
	close(fd);
	*hash = h;
	return st;
}

void
ldi_file_clear(ldi_file_t *file)
{
	free(file->meta_key);
	free(file->path);
	free(file->docids);
	memset(file, 0, sizeof *file);
}

lede_status_t
ldi_file_note(lede_db_t *db, size_t shard, uint32_t docid)
{
	ldi_file_t *f = &db->file;
	if (f->n_docids == f->cap_docids) {
		size_t cap = f->cap_docids ? f->cap_docids * 2 : 64;
		uint64_t *grown = realloc(f->docids, cap * sizeof *grown);
		if (!grown)
			return LEDE_NOMEM;
		f->docids = grown;
		f->cap_docids = cap;
	}
	f->docids[f->n_docids++] = (uint64_t)shard << 32 | docid;
	return LEDE_OK;
}

static lede_status_t
check_writer(lede_db_t *db, const char *fn)
{
	if (!db->writable || !db->records)
		return ldi_db_read_only(db);
	if (db->file.active)
		return ldi_set_error(&db->errmsg, LEDE_MISUSE,
				     "%s: file '%s' is still open (call "
				     "lede_db_file_end first)",
				     fn, db->file.path);
	return LEDE_OK;
}

lede_status_t
lede_db_file_begin(lede_db_t *db, const char *path, const char *name,
		   unsigned flags, lede_file_state_t *state)
{
	if (!db)
		return LEDE_MISUSE;
	if (!path || !name || !state)
		return ldi_set_error(&db->errmsg, LEDE_MISUSE,
				     "lede_db_file_begin: path, name or "
				     "state is NULL");
	lede_status_t st = check_writer(db, "lede_db_file_begin");
	if (st != LEDE_OK)
		return st;
	struct stat sb;
	if (stat(path, &sb) != 0)
		return ldi_set_error(&db->errmsg, LEDE_IO,
				     "cannot read '%s': %s", path,
				     strerror(errno));
	if (!S_ISREG(sb.st_mode))
		return ldi_set_error(&db->errmsg, LEDE_IO,
				     "cannot read '%s': not a regular file",
				     path);
	ldi_file_t f = { 0 };
	f.size = (uint64_t)sb.st_size;
	f.mtime = mtime_ns(&sb);
	if (now_ns() - f.mtime < RACY_NS)
		f.mtime = -1;
	char key[sizeof LDI_META_FILE + LDI_FILE_KEY_SIZE];
	size_t klen = ldi_file_key(LDI_META_FILE, name, strlen(name), key);
	key[klen] = '\0';
	f.term_len = ldi_file_key(LDI_PREFIX_FILE, name, strlen(name), f.term);
	f.meta_key = ldi_strdup_printf("%s", key);
	f.path = absolute_path(path);
	if (!f.meta_key || !f.path) {
		ldi_file_clear(&f);
		return ldi_set_error(&db->errmsg, LEDE_NOMEM, "out of memory");
	}

	char *value = NULL;
	record_t r = { 0 };
	st = read_record(db, key, &value, &r);
	int same_path = value && !strcmp(r.path, f.path);
	int reread = (flags & LEDE_FILE_REREAD) != 0;
	if (st == LEDE_OK && !reread && value && r.complete &&
	    r.size == f.size && r.mtime == f.mtime && f.mtime != -1 &&
	    same_path) {
		/* The usual case on a re-run: nothing to read, nothing to
		 * write. */
		*state = LEDE_FILE_UNCHANGED;
		free(value);
		ldi_file_clear(&f);
		return LEDE_OK;
	}
	if (st == LEDE_OK)
		st = hash_file(db, path, &f.hash);
	if (st == LEDE_OK && !reread && value && r.complete &&
	    r.size == f.size && r.hash == f.hash) {
		/* Touched, copied or moved, but the same content: only the
		 * record changes. */
		*state = LEDE_FILE_UNCHANGED;
		if (r.mtime != f.mtime || !same_path)
			st = ldi_file_record_write(db, key, f.size, f.mtime,
						   &f.hash, r.articles,
						   f.path);
		free(value);
		ldi_file_clear(&f);
		return st;
	}
	/* To be read: until its last article is in, the record says it is
	 * not done, whatever it said before, so a run stopped half way
	 * leaves it to be read again. */
	if (st == LEDE_OK) {
		/* A reading that never finished leaves articles (and their
		 * count) only if an earlier one did. */
		*state = value && (r.complete || r.articles)
				 ? LEDE_FILE_CHANGED
				 : LEDE_FILE_NEW;
		st = ldi_file_record_write(db, key, f.size, f.mtime, NULL,
					   value ? r.articles : 0, f.path);
	}
	free(value);
	if (st != LEDE_OK) {
		ldi_file_clear(&f);
		return st;
	}
	f.active = 1;
	db->file = f;
	return LEDE_OK;
}

int
ldi_compare_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
	return x < y ? -1 : x > y;
}

/* Deletes the documents of the file term that are not in keep[0..n-1]
 * (sorted; shard and docid as ldi_file_note packs them), in every shard,
 * adding to *deleted. */
static lede_status_t
delete_others(lede_db_t *db, const char *term, size_t term_len,
	      const uint64_t *keep, size_t n, uint64_t *deleted)
{
	uint64_t *docs = NULL;
	size_t count = 0;
	lede_status_t st = ldi_db_postings(db, term, term_len, &docs, &count);
	for (size_t i = 0; i < count && st == LEDE_OK; i++) {
		if (n && bsearch(&docs[i], keep, n, sizeof *keep,
				 ldi_compare_u64))
			continue;
		int gone = 0;
		st = ldi_db_delete_doc(db, docs[i], &gone);
		if (st == LEDE_OK && gone) {
			(*deleted)++;
			st = ldi_db_count_change(db);
		}
	}
	free(docs);
	return st;
}

lede_status_t
lede_db_file_end(lede_db_t *db, lede_file_end_t how, uint64_t *deleted)
{
	if (deleted)
		*deleted = 0;
	if (!db)
		return LEDE_MISUSE;
	if (!db->file.active)
		return ldi_set_error(&db->errmsg, LEDE_MISUSE,
				     "lede_db_file_end: no file is open");
	ldi_file_t *f = &db->file;
	lede_status_t st = LEDE_OK;
	uint64_t n_deleted = 0;
	/* What is not read to the end stays as it was: its record already
	 * says to read it again. */
	if (how == LEDE_FILE_COMPLETE || how == LEDE_FILE_FAILED) {
		/* A document added twice (an id repeated in the file) is
		 * kept once. */
		size_t n = f->n_docids;
		if (n)
			qsort(f->docids, n, sizeof *f->docids,
			      ldi_compare_u64);
		size_t distinct = 0;
		for (size_t i = 0; i < n; i++)
			if (i == 0 || f->docids[i] != f->docids[i - 1])
				f->docids[distinct++] = f->docids[i];
		/* The record comes last: once it says done, every article
		 * is in and every vanished one is out. */
		st = delete_others(db, f->term, f->term_len, f->docids,
				   distinct, &n_deleted);
		if (st == LEDE_OK)
			st = ldi_file_record_write(
				db, f->meta_key, f->size, f->mtime,
				how == LEDE_FILE_COMPLETE ? &f->hash : NULL,
				distinct, f->path);
	} else if (how != LEDE_FILE_INCOMPLETE) {
		st = ldi_set_error(&db->errmsg, LEDE_MISUSE,
				   "lede_db_file_end: unknown outcome %d",
				   (int)how);
	}
	ldi_file_clear(f);
	if (deleted)
		*deleted = n_deleted;
	return st;
}

/* Deletes the file whose key (after LDI_META_FILE) is key: its articles,
 * then its record. In a shard set the record first says "read again"
 * (committed before the shards), and goes once the articles have: so a
 * crash between the commits never leaves a record claiming a file whose
 * articles are gone. */
static lede_status_t
remove_key(lede_db_t *db, const char *key, size_t klen, uint64_t *deleted)
{
	char term[sizeof LDI_PREFIX_FILE + LDI_FILE_KEY_SIZE];
	size_t plen = strlen(LDI_PREFIX_FILE);
	if (klen > LDI_FILE_KEY_SIZE)
		return ldi_set_error(&db->errmsg, LEDE_INTERNAL,
				     "file key too long");
	memcpy(term, LDI_PREFIX_FILE, plen);
	memcpy(term + plen, key, klen);
	char *meta = ldi_strdup_printf("%s%.*s", LDI_META_FILE, (int)klen,
				       key);
	if (!meta)
		return ldi_set_error(&db->errmsg, LEDE_NOMEM, "out of memory");
	lede_status_t st = LEDE_OK;
	if (db->unit) {
		char *value = NULL;
		record_t r;
		st = read_record(db, meta, &value, &r);
		if (st == LEDE_OK && value)
			st = ldi_file_record_write(db, meta, r.size, r.mtime,
						   NULL, r.articles, r.path);
		free(value);
	}
	if (st == LEDE_OK)
		st = delete_others(db, term, plen + klen, NULL, 0, deleted);
	if (st == LEDE_OK)
		st = put_record_later(db, meta, NULL);
	free(meta);
	return st;
}

lede_status_t
lede_db_file_remove(lede_db_t *db, const char *name, int *found,
		    uint64_t *deleted)
{
	if (found)
		*found = 0;
	if (deleted)
		*deleted = 0;
	if (!db)
		return LEDE_MISUSE;
	if (!name)
		return ldi_set_error(&db->errmsg, LEDE_MISUSE,
				     "lede_db_file_remove: name is NULL");
	lede_status_t st = check_writer(db, "lede_db_file_remove");
	if (st != LEDE_OK)
		return st;
	char key[sizeof LDI_META_FILE + LDI_FILE_KEY_SIZE];
	size_t klen = ldi_file_key(LDI_META_FILE, name, strlen(name), key);
	key[klen] = '\0';
	char *value = NULL;
	record_t r;
	st = read_record(db, key, &value, &r);
	if (st != LEDE_OK)
		return st;
	free(value);
	if (found)
		*found = value != NULL;
	uint64_t n = 0;
	size_t plen = strlen(LDI_META_FILE);
	st = remove_key(db, key + plen, klen - plen, &n);
	if (deleted)
		*deleted = n;
	return st;
}

/* 1 when the file at path is gone: not there, or not a regular file. A
 * file that cannot be looked at (permissions, I/O) is not gone. */
static int
is_gone(const char *path)
{
	struct stat sb;
	if (stat(path, &sb) == 0)
		return !S_ISREG(sb.st_mode);
	return errno == ENOENT || errno == ENOTDIR;
}

/* 1 when path is root or lies below it. */
static int
is_under(const char *path, const char *root)
{
	size_t n = strlen(root);
	if (strncmp(path, root, n) != 0)
		return 0;
	return path[n] == '\0' || path[n] == '/' || (n && root[n - 1] == '/');
}

lede_status_t
ldi_file_records(lede_db_t *db, ldi_file_record_fn fn, void *ctx)
{
	size_t plen = strlen(LDI_META_FILE);
	char after[sizeof LDI_META_FILE + LDI_FILE_KEY_SIZE] = "";
	size_t alen = 0;
	lede_status_t st = LEDE_OK;
	for (;;) {
		xc_list_t *page = NULL;
		xc_status_t xs = xc_db_metadata_keys(db->records,
						     LDI_META_FILE, plen,
						     after, alen, RECORD_PAGE,
						     &page);
		if (xs != XC_OK)
			return xapian_failed(db, xs, "read");
		size_t n = xc_list_size(page);
		for (size_t i = 0; i < n && st == LEDE_OK; i++) {
			const char *key;
			size_t klen;
			xc_list_item(page, i, &key, &klen, NULL);
			/* The next page starts after this key, whatever fn
			 * does with its record. */
			if (klen < sizeof after) {
				memcpy(after, key, klen);
				alen = klen;
			}
			char *value = NULL;
			record_t r;
			st = read_record(db, key, &value, &r);
			if (st == LEDE_OK)
				st = fn(db, key, klen, value ? &r : NULL, ctx);
			free(value);
		}
		xc_list_free(page);
		if (n < RECORD_PAGE || st != LEDE_OK)
			return st;
	}
}

typedef struct prune {
	const char *root;
	uint64_t files, deleted;
} prune_t;

/* Forgets the record's file, and its articles, when it is under the
 * root and gone. */
static lede_status_t
prune_one(lede_db_t *db, const char *key, size_t klen,
	  const ldi_file_record_t *r, void *ctx)
{
	prune_t *pr = ctx;
	size_t plen = strlen(LDI_META_FILE);
	if (!r || !is_under(r->path, pr->root) || !is_gone(r->path))
		return LEDE_OK;
	lede_status_t st = remove_key(db, key + plen, klen - plen,
				      &pr->deleted);
	pr->files += st == LEDE_OK;
	return st;
}

lede_status_t
lede_db_prune(lede_db_t *db, const char *path, uint64_t *files,
	      uint64_t *deleted)
{
	if (files)
		*files = 0;
	if (deleted)
		*deleted = 0;
	if (!db)
		return LEDE_MISUSE;
	if (!path)
		return ldi_set_error(&db->errmsg, LEDE_MISUSE,
				     "lede_db_prune: path is NULL");
	lede_status_t st = check_writer(db, "lede_db_prune");
	if (st != LEDE_OK)
		return st;
	char *root = absolute_path(path);
	if (!root)
		return ldi_set_error(&db->errmsg, LEDE_NOMEM, "out of memory");
	prune_t pr = { root, 0, 0 };
	st = ldi_file_records(db, prune_one, &pr);
	free(root);
	if (files)
		*files = pr.files;
	if (deleted)
		*deleted = pr.deleted;
	return st;
}
