/* db.c: opening and closing an index, and checking it was built by us.
 * SPDX-License-Identifier: MIT
 */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "analyze.h"
#include "db_internal.h"
#include "language.h"
#include "schema.h"

char *
lede_default_path(void)
{
	const char *env = getenv("LEDE_DB");
	if (env && *env)
		return ldi_strdup_printf("%s", env);
	const char *xdg = getenv("XDG_DATA_HOME");
	if (xdg && *xdg)
		return ldi_strdup_printf("%s/lede/index", xdg);
	const char *home = getenv("HOME");
	if (home && *home)
		return ldi_strdup_printf("%s/.local/share/lede/index", home);
	return ldi_strdup_printf("lede.index");
}

/* Creates the parent directories of path, as `mkdir -p` would: Xapian
 * creates only the last one. Failures surface when Xapian opens it. */
static void
make_parents(const char *path)
{
	char *p = ldi_strdup_printf("%s", path);
	if (!p)
		return;
	for (char *s = p + 1; *s; s++) {
		if (*s != '/')
			continue;
		*s = '\0';
		if (mkdir(p, 0777) != 0 && errno != EEXIST)
			break;
		*s = '/';
	}
	free(p);
}

/* The versions this build writes. The format comes last: a crash or a
 * failure while stamping a new index leaves it without a format, so the
 * next open still sees a new index and stamps it again. */
static int
expected_meta(size_t i, const char **key, char *value, size_t size)
{
	switch (i) {
	case 0:
		*key = LDI_META_ANALYSIS;
		snprintf(value, size, "%d", LDI_ANALYSIS_VERSION);
		return 1;
	case 1:
		*key = LDI_META_NORMALISATION;
		snprintf(value, size, "%s", LDI_NORMALISATION);
		return 1;
	case 2:
		*key = LDI_META_UNICODE;
		snprintf(value, size, "%s", ldi_unicode_version());
		return 1;
	case 3:
		*key = LDI_META_FORMAT;
		snprintf(value, size, "%d", LDI_FORMAT_VERSION);
		return 1;
	}
	return 0;
}

/* What a user can do about a damaged index, after its message. */
#define DAMAGED_HINT "the index is damaged: re-index into a new directory"

/* A failure reading or writing x's versions, with the hint when x is
 * damaged. */
static lede_status_t
meta_failed(xc_db_t *x, const char *name, char **msg, xc_status_t xs,
	    const char *what)
{
	return ldi_set_error(msg, ldi_status_from_xc(xs),
			     "cannot %s index '%s': %s%s", what, name,
			     xc_db_errmsg(x),
			     xs == XC_CORRUPT ? "; " DAMAGED_HINT : "");
}

/* 1 when the version have (len bytes) is a number above want's (the
 * format and analysis versions are numbers): the index was made by a
 * later lede, which this one cannot read. */
static int
is_newer(const char *have, size_t len, const char *want)
{
	long n = 0;
	if (len == 0 || len > 9)
		return 0;
	for (size_t i = 0; i < len; i++) {
		if (have[i] < '0' || have[i] > '9')
			return 0;
		n = n * 10 + (have[i] - '0');
	}
	return n > strtol(want, NULL, 10);
}

/* Checks the recorded versions of x (named `name` in messages) against
 * ours. An empty database without a format is new: a writer stamps it.
 * A non-empty one without them was not made by lede. */
lede_status_t
ldi_check_versions(xc_db_t *x, const char *name, int writable, char **msg)
{
	uint32_t docs = 0;
	xc_status_t xs = xc_db_doccount(x, &docs);
	char *format = NULL;
	size_t len = 0;
	if (xs == XC_OK)
		xs = xc_db_get_metadata(x, LDI_META_FORMAT, XC_NTS, &format,
					&len);
	if (xs != XC_OK)
		return meta_failed(x, name, msg, xs, "read");
	int has_format = format != NULL;
	xc_free(format);
	const char *key;
	char want[64];
	if (!has_format && docs == 0) {
		if (!writable)
			return LEDE_OK;
		for (size_t i = 0; expected_meta(i, &key, want, sizeof want);
		     i++) {
			xs = xc_db_set_metadata(x, key, XC_NTS, want,
						strlen(want));
			if (xs != XC_OK)
				return meta_failed(x, name, msg, xs, "write");
		}
		return LEDE_OK;
	}
	for (size_t i = 0; expected_meta(i, &key, want, sizeof want); i++) {
		char *have = NULL;
		xs = xc_db_get_metadata(x, key, XC_NTS, &have, &len);
		if (xs != XC_OK)
			return meta_failed(x, name, msg, xs, "read");
		lede_status_t st = LEDE_OK;
		if (!have)
			st = ldi_set_error(msg, LEDE_FORMAT,
					   "index '%s' was not made by lede "
					   "(no %s): re-index into a new "
					   "directory",
					   name, key);
		else if (is_newer(have, len, want))
			st = ldi_set_error(msg, LEDE_FORMAT,
					   "index '%s' was made by a newer "
					   "lede (%s %.*s, this lede reads "
					   "%s): upgrade lede to use it",
					   name, key, (int)len, have, want);
		else if (len != strlen(want) || memcmp(have, want, len))
			st = ldi_set_error(msg, LEDE_FORMAT,
					   "index '%s' has %s %.*s, this lede "
					   "uses %s: re-index needed",
					   name, key, (int)len, have, want);
		xc_free(have);
		if (st != LEDE_OK)
			return st;
	}
	return LEDE_OK;
}

/* How often a reader starts opening again when a writer's commits
 * discard the revision it was reading (each try takes milliseconds). */
#define OPEN_ATTEMPTS 5

/* Whether a reader's failure may be a writer's commit under it: Xapian
 * says so with DatabaseModifiedError, but glass in Xapian 1.4.22 can also
 * throw DatabaseCorruptError ("Expected block 10 to be level 1, not 0")
 * when two commits overtake a reader that is opening. A damaged index
 * fails every try and is reported as corrupt all the same. */
static int
transient(xc_status_t xs)
{
	return xs == XC_MODIFIED || xs == XC_CORRUPT;
}

void
ldi_back_off(int attempt)
{
	struct timespec ts = { 0, 10000000L * attempt };
	nanosleep(&ts, NULL);
}

/* 1 when this process may not write the index directory at path or its
 * lock file, with the reason in *err (an errno value). */
static int
cannot_write(const char *path, int *err)
{
	char *lock = ldi_strdup_printf("%s/flintlock", path);
	int denied = access(path, W_OK) != 0 ||
		     (lock && access(lock, F_OK) == 0 &&
		      access(lock, W_OK) != 0);
	*err = errno;
	free(lock);
	return denied && (*err == EACCES || *err == EROFS || *err == EPERM);
}

/* 1 when the directory at path holds a Xapian database's version file:
 * an index was there before this open, not one being created. */
static int
holds_index(const char *path)
{
	static const char *const names[] = { "iamglass", "iamchert" };
	int found = 0;
	for (size_t i = 0; i < 2 && !found; i++) {
		char *file = ldi_strdup_printf("%s/%s", path, names[i]);
		found = file && access(file, F_OK) == 0;
		free(file);
	}
	return found;
}

/* Hands a failed open's message to the caller, or frees it when the
 * caller did not ask for one. The message comes by address: callers set
 * it in the same call, open_failed(ldi_set_error(&msg, ...), &msg, ...),
 * and C does not say which argument is evaluated first. */
static lede_status_t
open_failed(lede_status_t st, char **msg, char **errmsg)
{
	if (errmsg)
		*errmsg = *msg;
	else
		free(*msg);
	*msg = NULL;
	return st;
}

lede_status_t
ldi_open_local(const char *path, xc_db_mode_t mode, xc_db_t **out,
	       char **msg)
{
	*out = NULL;
	if ((mode & ~XC_DB_NO_SYNC) == XC_DB_WRITE_CREATE)
		make_parents(path);
	lede_status_t st = LEDE_OK;
	char *xmsg = NULL;
	int err = 0;
	xc_db_t *x = NULL;
	xc_status_t xs = xc_db_open(path, mode, &x, &xmsg);
	for (int attempt = 1; mode == XC_DB_READ && transient(xs) &&
			      attempt < OPEN_ATTEMPTS;
	     attempt++) {
		ldi_back_off(attempt);
		xc_free(xmsg);
		xmsg = NULL;
		xs = xc_db_open(path, mode, &x, &xmsg);
	}
	if (xs == XC_NO_DATABASE) {
		struct stat sb;
		if (stat(path, &sb) != 0)
			st = ldi_set_error(msg, LEDE_NO_INDEX,
					   "no index at '%s' (create one "
					   "with lede-index)",
					   path);
		else
			st = ldi_set_error(msg, LEDE_NO_INDEX, "%s",
					   xmsg ? xmsg : "no index there");
	} else if (xs == XC_LOCKED && cannot_write(path, &err)) {
		/* Xapian reports a lock file it may not open as a lock
		 * failure, but no other writer is to blame. */
		st = ldi_set_error(msg, LEDE_IO,
				   "cannot write to index '%s': %s (it can "
				   "still be searched)",
				   path, strerror(err));
	} else if (xs == XC_LOCKED) {
		st = ldi_set_error(msg, LEDE_LOCKED,
				   "index '%s' is locked: another lede-index "
				   "is writing to it",
				   path);
	} else if (xs == XC_CORRUPT) {
		st = ldi_set_error(msg, LEDE_CORRUPT, "%s; " DAMAGED_HINT,
				   xmsg ? xmsg : xc_status_str(xs));
	} else if (xs == XC_XAPIAN && holds_index(path)) {
		/* Often a table file cut short ("EOF reading block"), which
		 * Xapian does not class as corruption. */
		st = ldi_set_error(msg, LEDE_XAPIAN,
				   "%s; if the index was damaged or cut "
				   "short, re-index into a new directory",
				   xmsg ? xmsg : xc_status_str(xs));
	} else if (xs != XC_OK) {
		/* The binding's message already names the path. */
		st = ldi_set_error(msg, ldi_status_from_xc(xs), "%s",
				   xmsg ? xmsg : xc_status_str(xs));
	}
	xc_free(xmsg);

	/* A writer committing while a reader opens can discard the revision
	 * the reader started on: start again on the newest, a few times. */
	int writable = mode != XC_DB_READ;
	for (int attempt = 1; st == LEDE_OK; attempt++) {
		st = ldi_check_versions(x, path, writable, msg);
		if ((st != LEDE_MODIFIED && st != LEDE_CORRUPT) || writable ||
		    attempt == OPEN_ATTEMPTS)
			break;
		ldi_back_off(attempt);
		/* This attempt's message goes: the next one says its own. */
		free(*msg);
		*msg = NULL;
		xs = xc_db_reopen(x, NULL);
		st = xs == XC_OK ? LEDE_OK
				 : ldi_set_error(msg, ldi_status_from_xc(xs),
						 "cannot open index '%s': %s",
						 path, xc_db_errmsg(x));
	}
	if (st == LEDE_OK && writable) {
		/* Stamp a new index for good, so readers see its versions. */
		xs = xc_db_commit(x);
		if (xs != XC_OK)
			st = ldi_set_error(msg, ldi_status_from_xc(xs),
					   "cannot write index '%s': %s", path,
					   xc_db_errmsg(x));
	}
	if (st != LEDE_OK) {
		xc_db_close(x);
		return st;
	}
	*out = x;
	return LEDE_OK;
}

/* A new handle for the index at path, before anything is opened. */
static lede_db_t *
db_new(const char *path, int writable)
{
	lede_db_t *db = calloc(1, sizeof *db);
	if (!db)
		return NULL;
	if (!(db->path = ldi_strdup_printf("%s", path))) {
		free(db);
		return NULL;
	}
	db->writable = writable;
	db->batch_size = LDI_BATCH_SIZE;
	ldi_spell_new_session(db);
	return db;
}

/* Frees a handle whose opening failed. */
static void
db_discard(lede_db_t *db)
{
	for (size_t i = 0; i < db->n_languages; i++)
		xc_stemmer_free(db->languages[i].stemmer);
	if (db->combined)
		ldi_shards_close(db);
	else
		xc_db_close(db->xdb);
	free(db->shards);
	free(db->deferred);
	free(db->path);
	free(db->errmsg);
	free(db);
}

/* The languages of every database db reads: a reader opening while a
 * writer commits starts again on the newest revision. */
static lede_status_t
load_all_languages(lede_db_t *db, char **msg)
{
	lede_status_t st = LEDE_OK;
	for (int attempt = 1;; attempt++) {
		st = ldi_db_load_languages(db);
		if (st != LEDE_OK)
			ldi_set_error(msg, st, "%s", lede_errmsg(db));
		if ((st != LEDE_MODIFIED && st != LEDE_CORRUPT) ||
		    db->writable || attempt == OPEN_ATTEMPTS)
			return st;
		ldi_back_off(attempt);
		for (size_t i = 0; i < db->n_languages; i++)
			xc_stemmer_free(db->languages[i].stemmer);
		db->n_languages = 0;
		free(*msg);
		*msg = NULL;
		if (xc_db_reopen(db->xdb, NULL) != XC_OK)
			return ldi_set_error(msg, LEDE_MODIFIED,
					     "cannot open index '%s': %s",
					     db->path, xc_db_errmsg(db->xdb));
	}
}

/* The arguments every open checks: out, and the path of those that take
 * one (fn names the function; path_needed: 0 for lede_db_open_combined,
 * which takes a list). */
static lede_status_t
check_open_args(const char *fn, int path_needed, const char *path,
		lede_db_t **out, char **errmsg, char **msg)
{
	if (errmsg)
		*errmsg = NULL;
	if (!out)
		return ldi_set_error(msg, LEDE_MISUSE, "%s: out is NULL", fn);
	*out = NULL;
	if (path_needed && (!path || !*path))
		return ldi_set_error(msg, LEDE_MISUSE,
				     "%s: no index path given", fn);
	return LEDE_OK;
}

lede_status_t
lede_db_open_combined(const char *const *paths, size_t n, lede_db_t **out,
		      char **errmsg)
{
	char *msg = NULL;
	lede_status_t st = check_open_args("lede_db_open_combined", 0, NULL,
					   out, errmsg, &msg);
	if (st != LEDE_OK)
		return open_failed(st, &msg, errmsg);
	if (!paths || n == 0)
		return open_failed(ldi_set_error(&msg, LEDE_MISUSE,
						 "lede_db_open_combined: no "
						 "index path given"),
				   &msg, errmsg);
	for (size_t i = 0; i < n; i++)
		if (!paths[i] || !*paths[i])
			return open_failed(
				ldi_set_error(&msg, LEDE_MISUSE,
					      "lede_db_open: no index path "
					      "given"),
				&msg, errmsg);
	lede_db_t *db = db_new(paths[0], 0);
	if (!db)
		return open_failed(ldi_set_error(&msg, LEDE_NOMEM,
						 "out of memory"),
				   &msg, errmsg);
	/* One folder holding one index is the usual case, and reads as it
	 * always did: no view in between. */
	if (n == 1 && (ldi_path_kind(paths[0], NULL) == LDI_PATH_INDEX ||
		       ldi_path_kind(paths[0], NULL) == LDI_PATH_MISSING ||
		       ldi_path_kind(paths[0], NULL) == LDI_PATH_OTHER)) {
		st = ldi_open_local(paths[0], XC_DB_READ, &db->xdb, &msg);
		db->records = db->xdb;
	} else {
		db->combined = 1;
		for (size_t i = 0; st == LEDE_OK && i < n; i++)
			st = ldi_open_parts(db, paths[i], &msg);
		if (st == LEDE_OK && n == 1)
			st = ldi_open_set_records(db, paths[0], &msg);
		xc_db_t **parts = NULL;
		if (st == LEDE_OK && db->n_shards &&
		    !(parts = malloc(db->n_shards * sizeof *parts)))
			st = ldi_set_error(&msg, LEDE_NOMEM, "out of memory");
		for (size_t i = 0; st == LEDE_OK && i < db->n_shards; i++)
			parts[i] = db->shards[i].xdb;
		if (st == LEDE_OK &&
		    xc_db_combine(parts, db->n_shards, &db->xdb) != XC_OK)
			st = ldi_set_error(&msg, LEDE_NOMEM, "out of memory");
		free(parts);
	}
	if (st == LEDE_OK)
		st = load_all_languages(db, &msg);
	if (st != LEDE_OK) {
		db_discard(db);
		return open_failed(st, &msg, errmsg);
	}
	*out = db;
	return LEDE_OK;
}

/* A writer of a shard set cut by unit. */
static lede_status_t
open_set_writer(const char *path, lede_shard_unit_t unit, lede_db_t **out,
		char **errmsg)
{
	char *msg = NULL;
	lede_db_t *db = db_new(path, 1);
	if (!db)
		return open_failed(ldi_set_error(&msg, LEDE_NOMEM,
						 "out of memory"),
				   &msg, errmsg);
	lede_status_t st = ldi_set_open(db, unit, &msg);
	if (st == LEDE_OK)
		st = load_all_languages(db, &msg);
	if (st != LEDE_OK) {
		db_discard(db);
		return open_failed(st, &msg, errmsg);
	}
	*out = db;
	return LEDE_OK;
}

lede_status_t
lede_db_open(const char *path, lede_open_flags_t flags, lede_db_t **out,
	     char **errmsg)
{
	char *msg = NULL;
	lede_status_t st = check_open_args("lede_db_open", 1, path, out,
					   errmsg, &msg);
	if (st != LEDE_OK)
		return open_failed(st, &msg, errmsg);
	int no_sync = (flags & LEDE_OPEN_NO_SYNC) != 0;
	lede_open_flags_t access =
		(lede_open_flags_t)(flags & ~LEDE_OPEN_NO_SYNC);
	if (access != LEDE_OPEN_READ && access != LEDE_OPEN_WRITE &&
	    access != LEDE_OPEN_CREATE)
		return open_failed(ldi_set_error(&msg, LEDE_MISUSE,
						 "lede_db_open: unknown flags "
						 "%d",
						 (int)flags),
				   &msg, errmsg);
	if (no_sync && access == LEDE_OPEN_READ)
		return open_failed(ldi_set_error(&msg, LEDE_MISUSE,
						 "lede_db_open: "
						 "LEDE_OPEN_NO_SYNC is for "
						 "writing (with "
						 "LEDE_OPEN_WRITE or "
						 "LEDE_OPEN_CREATE)"),
				   &msg, errmsg);
	if (access == LEDE_OPEN_READ)
		return lede_db_open_combined(&path, 1, out, errmsg);

	lede_shard_unit_t unit = 0;
	switch (ldi_path_kind(path, &unit)) {
	case LDI_PATH_SET:
		if (no_sync)
			return open_failed(
				ldi_set_error(&msg, LEDE_MISUSE,
					      "cannot write to '%s' without "
					      "syncing: LEDE_OPEN_NO_SYNC is "
					      "for a single index, and this "
					      "is a shard set",
					      path),
				&msg, errmsg);
		return open_set_writer(path, unit, out, errmsg);
	case LDI_PATH_STUB:
	case LDI_PATH_REMOTE:
		return open_failed(
			ldi_set_error(&msg, LEDE_MISUSE,
				      "cannot write to '%s': a stub or "
				      "remote index is for searching (write "
				      "to the indexes it names)",
				      path),
			&msg, errmsg);
	default:
		break;
	}
	lede_db_t *db = db_new(path, 1);
	if (!db)
		return open_failed(ldi_set_error(&msg, LEDE_NOMEM,
						 "out of memory"),
				   &msg, errmsg);
	int mode = access == LEDE_OPEN_CREATE ? XC_DB_WRITE_CREATE
					      : XC_DB_WRITE_OPEN;
	if (no_sync)
		mode |= XC_DB_NO_SYNC;
	st = ldi_open_local(path, (xc_db_mode_t)mode, &db->xdb, &msg);
	db->records = db->xdb;
	if (st == LEDE_OK)
		st = load_all_languages(db, &msg);
	if (st != LEDE_OK) {
		db_discard(db);
		return open_failed(st, &msg, errmsg);
	}
	*out = db;
	return LEDE_OK;
}

lede_status_t
lede_db_open_sharded(const char *path, lede_shard_unit_t unit,
		     lede_db_t **out, char **errmsg)
{
	char *msg = NULL;
	lede_status_t st = check_open_args("lede_db_open_sharded", 1, path,
					   out, errmsg, &msg);
	if (st != LEDE_OK)
		return open_failed(st, &msg, errmsg);
	if (unit != LEDE_SHARD_YEAR && unit != LEDE_SHARD_MONTH &&
	    unit != LEDE_SHARD_DAY)
		return open_failed(ldi_set_error(&msg, LEDE_MISUSE,
						 "lede_db_open_sharded: "
						 "unknown unit %d",
						 (int)unit),
				   &msg, errmsg);
	lede_shard_unit_t have = 0;
	switch (ldi_path_kind(path, &have)) {
	case LDI_PATH_MISSING:
		st = ldi_set_create(path, unit, &msg);
		if (st != LEDE_OK)
			return open_failed(st, &msg, errmsg);
		break;
	case LDI_PATH_SET:
		if (have != unit)
			return open_failed(
				ldi_set_error(&msg, LEDE_MISUSE,
					      "'%s' is a shard set by %s, not "
					      "by %s",
					      path, ldi_unit_name(have),
					      ldi_unit_name(unit)),
				&msg, errmsg);
		break;
	case LDI_PATH_INDEX:
		return open_failed(
			ldi_set_error(&msg, LEDE_MISUSE,
				      "'%s' is a single index, not a shard "
				      "set: index into a new folder",
				      path),
			&msg, errmsg);
	default:
		return open_failed(
			ldi_set_error(&msg, LEDE_MISUSE,
				      "'%s' is neither a shard set nor an "
				      "empty folder",
				      path),
			&msg, errmsg);
	}
	return open_set_writer(path, unit, out, errmsg);
}

static lede_status_t db_free(lede_db_t *db);

lede_status_t
lede_db_close(lede_db_t *db)
{
	if (!db)
		return LEDE_OK;
	if (db->closed)
		return ldi_set_error(&db->errmsg, LEDE_MISUSE,
				     "lede_db_close: index '%s' was closed "
				     "already",
				     db->path);
	/* A file left open was not read to the end: its record stays as it
	 * was, so the next run reads it again. */
	ldi_file_clear(&db->file);
	if (db->n_queries) {
		/* Queries and results still read through the handle: commit
		 * now, free when the last of them goes. */
		db->closed = 1;
		return db->writable ? lede_db_commit(db) : LEDE_OK;
	}
	return db_free(db);
}

lede_status_t
ldi_db_read_only(lede_db_t *db)
{
	return ldi_set_error(&db->errmsg, LEDE_MISUSE,
			     "index '%s' was opened for reading only",
			     db->path);
}

void
ldi_db_release(lede_db_t *db)
{
	if (--db->n_queries == 0 && db->closed)
		(void)db_free(db); /* the close reported the commit */
}

static lede_status_t
db_free(lede_db_t *db)
{
	/* A commit with nothing new writes nothing (lede_db_commit). */
	lede_status_t st = db->writable ? lede_db_commit(db) : LEDE_OK;
	xc_status_t xs = db->combined ? ldi_shards_close(db)
						: xc_db_close(db->xdb);
	for (size_t i = 0; i < db->n_languages; i++)
		xc_stemmer_free(db->languages[i].stemmer);
	for (size_t i = 0; i < LDI_MAX_LANGUAGES; i++)
		free(db->stems[i]);
	ldi_wordset_free(&db->spelling);
	ldi_tally_free(&db->tally);
	for (size_t i = 0; i < db->n_deferred; i++) {
		free(db->deferred[i].key);
		free(db->deferred[i].value);
	}
	free(db->deferred);
	free(db->shards);
	free(db->path);
	free(db->errmsg);
	free(db);
	return st != LEDE_OK ? st : ldi_status_from_xc(xs);
}

ldi_db_language_t *
ldi_db_language(lede_db_t *db, const char *code)
{
	for (size_t i = 0; i < db->n_languages; i++)
		if (!strcmp(db->languages[i].code, code))
			return &db->languages[i];
	if (db->n_languages == LDI_MAX_LANGUAGES ||
	    strlen(code) >= sizeof db->languages[0].code)
		return NULL;
	ldi_db_language_t *l = &db->languages[db->n_languages];
	l->stemmer = NULL;
	/* Text too short to tell its language is most often English (a
	 * headline-only feed item); English stems only add terms, and the
	 * words as written stay indexed for any other language. */
	const char *name = strcmp(code, LDI_LANGUAGE_UNKNOWN)
				   ? ldi_language_stemmer(code)
				   : LDI_UNKNOWN_STEMMER;
	if (name && xc_stemmer_new(name, &l->stemmer, NULL) != XC_OK)
		return NULL;
	strcpy(l->code, code);
	db->n_languages++;
	db->languages_changed = 1;
	return l;
}

lede_status_t
ldi_db_load_languages_of(lede_db_t *db, xc_db_t *x, const char *name)
{
	char *list = NULL;
	size_t len = 0;
	xc_status_t xs = xc_db_get_metadata(x, LDI_META_LANGUAGES, XC_NTS,
					    &list, &len);
	if (xs != XC_OK)
		return ldi_set_error(&db->errmsg, ldi_status_from_xc(xs),
				     "cannot read index '%s': %s", name,
				     xc_db_errmsg(x));
	lede_status_t st = LEDE_OK;
	for (size_t i = 0; i < len && st == LEDE_OK;) {
		while (i < len && list[i] == ' ')
			i++;
		size_t j = i;
		while (j < len && list[j] != ' ')
			j++;
		char code[16];
		if (j > i && j - i < sizeof code) {
			memcpy(code, list + i, j - i);
			code[j - i] = '\0';
			if (!ldi_db_language(db, code))
				st = ldi_set_error(&db->errmsg, LEDE_NOMEM,
						   "out of memory");
		}
		i = j;
	}
	xc_free(list);
	return st;
}

lede_status_t
ldi_db_load_languages(lede_db_t *db)
{
	/* Metadata of a view is its first part's (Xapian's rule): the
	 * languages of an index of several are those of all its parts. */
	lede_status_t st = LEDE_OK;
	if (db->combined) {
		for (size_t i = 0; st == LEDE_OK && i < db->n_shards; i++)
			st = ldi_db_load_languages_of(db, db->shards[i].xdb,
						      db->shards[i].name);
	} else {
		st = ldi_db_load_languages_of(db, db->xdb, db->path);
	}
	/* What came from the index is already in it. */
	db->languages_changed = 0;
	return st;
}

/* The list of db's languages, space-separated, in list (n bytes). */
static size_t
language_list(const lede_db_t *db, char *list)
{
	size_t n = 0;
	for (size_t i = 0; i < db->n_languages; i++) {
		size_t l = strlen(db->languages[i].code);
		if (n)
			list[n++] = ' ';
		memcpy(list + n, db->languages[i].code, l);
		n += l;
	}
	return n;
}

lede_status_t
ldi_db_save_languages_to(lede_db_t *db, xc_db_t *x, const char *name)
{
	char list[LDI_MAX_LANGUAGES * 16];
	size_t n = language_list(db, list);
	xc_status_t xs = xc_db_set_metadata(x, LDI_META_LANGUAGES, XC_NTS,
					    list, n);
	if (xs != XC_OK)
		return ldi_set_error(&db->errmsg, ldi_status_from_xc(xs),
				     "cannot write index '%s': %s", name,
				     xc_db_errmsg(x));
	return LEDE_OK;
}

lede_status_t
ldi_db_save_languages(lede_db_t *db)
{
	if (!db->languages_changed)
		return LEDE_OK;
	lede_status_t st = ldi_db_save_languages_to(db, db->xdb, db->path);
	if (st == LEDE_OK)
		db->languages_changed = 0;
	return st;
}

const char *
lede_errmsg(const lede_db_t *db)
{
	if (!db)
		return "no index handle (NULL)";
	return db->errmsg ? db->errmsg : "";
}

lede_status_t
lede_db_count(lede_db_t *db, uint64_t *count)
{
	if (!db || !count)
		return db ? ldi_set_error(&db->errmsg, LEDE_MISUSE,
					  "lede_db_count: count is NULL")
			  : LEDE_MISUSE;
	uint32_t n = 0;
	xc_status_t xs = xc_db_reopen(db->xdb, NULL);
	if (xs == XC_OK)
		xs = xc_db_doccount(db->xdb, &n);
	if (xs != XC_OK)
		return ldi_set_error(&db->errmsg, ldi_status_from_xc(xs),
				     "cannot count articles in '%s': %s",
				     db->path, xc_db_errmsg(db->xdb));
	*count = n;
	return LEDE_OK;
}
