/* compact.c: compacting an index in place, safely, with Xapian's compactor.
 * SPDX-License-Identifier: MIT
 *
 * Xapian compacts into a new folder; putting that folder where the index
 * was is ours to do, so that a crash at any point leaves the index's path
 * holding an index, complete, old or new:
 *
 *  1. Lock the index for writing (a writer would change what is being
 *     copied), and remove what an earlier crash left beside it.
 *  2. Compact PATH into PATH.lede-compact; make its files durable.
 *  3. Swap the two folders in one rename (Linux's RENAME_EXCHANGE): PATH
 *     is the new index, PATH.lede-compact the old one. Where the system
 *     cannot swap, two renames: PATH to PATH.lede-old, then
 *     PATH.lede-compact to PATH; a crash between them leaves no PATH but
 *     both copies whole, and the next compaction (step 1) finishes the
 *     move.
 *  4. Make the renames durable, unlock, remove the old copy.
 *
 * A reader with the old index open keeps reading its files until its next
 * query, which sees the folder was replaced and opens the new one
 * (xc_db_reopen).
 */
#define _GNU_SOURCE /* renameat2 */

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "db_internal.h"

#define COMPACT_SUFFIX ".lede-compact"
#define OLD_SUFFIX ".lede-old"

typedef struct progress {
	lede_compact_fn fn;
	void *ctx;
	const char *index;
} progress_t;

static void
on_progress(void *ctx, const char *table, const char *status)
{
	progress_t *p = ctx;
	if (p->fn)
		p->fn(p->ctx, p->index, table, status);
}

static int
exists(const char *path)
{
	struct stat sb;
	return lstat(path, &sb) == 0;
}

/* The bytes of the regular files in a folder (a database is flat). */
static uint64_t
folder_bytes(const char *path)
{
	DIR *d = opendir(path);
	if (!d)
		return 0;
	uint64_t total = 0;
	struct dirent *e;
	while ((e = readdir(d))) {
		char *file = ldi_strdup_printf("%s/%s", path, e->d_name);
		struct stat sb;
		if (file && stat(file, &sb) == 0 && S_ISREG(sb.st_mode))
			total += (uint64_t)sb.st_size;
		free(file);
	}
	closedir(d);
	return total;
}

/* Calls fsync on each regular file of a folder, then on the folder;
 * -1 with errno set on failure. */
static int
sync_folder(const char *path)
{
	DIR *d = opendir(path);
	if (!d)
		return -1;
	struct dirent *e;
	int rc = 0;
	while (rc == 0 && (e = readdir(d))) {
		char *file = ldi_strdup_printf("%s/%s", path, e->d_name);
		struct stat sb;
		if (!file) {
			errno = ENOMEM;
			rc = -1;
		} else if (stat(file, &sb) == 0 && S_ISREG(sb.st_mode)) {
			int fd = open(file, O_RDONLY);
			if (fd < 0 || fsync(fd) != 0)
				rc = -1;
			if (fd >= 0)
				close(fd);
		}
		free(file);
	}
	closedir(d);
	if (rc == 0) {
		int fd = open(path, O_RDONLY);
		if (fd < 0 || fsync(fd) != 0)
			rc = -1;
		if (fd >= 0)
			close(fd);
	}
	return rc;
}

/* Makes a rename in the folder holding path durable. */
static void
sync_parent(const char *path)
{
	const char *slash = strrchr(path, '/');
	char *parent = slash ? ldi_strdup_printf("%.*s",
						 (int)(slash - path + (slash ==
								       path)),
						 path)
			     : ldi_strdup_printf(".");
	if (!parent)
		return;
	int fd = open(parent, O_RDONLY);
	if (fd >= 0) {
		(void)fsync(fd);
		close(fd);
	}
	free(parent);
}

/* Removes a database folder: its files, then itself. Only flat folders:
 * anything else inside is left, and the removal fails. */
static int
remove_folder(const char *path)
{
	DIR *d = opendir(path);
	if (!d)
		return errno == ENOENT ? 0 : -1;
	struct dirent *e;
	while ((e = readdir(d))) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		char *file = ldi_strdup_printf("%s/%s", path, e->d_name);
		struct stat sb;
		if (file && lstat(file, &sb) == 0 && !S_ISDIR(sb.st_mode))
			(void)unlink(file);
		free(file);
	}
	closedir(d);
	return rmdir(path);
}

/* Swaps the folders at a and b in one step; -1 (errno set) when the
 * system or file system cannot. */
static int
swap_folders(const char *a, const char *b)
{
#ifdef RENAME_EXCHANGE
	return renameat2(AT_FDCWD, a, AT_FDCWD, b, RENAME_EXCHANGE);
#else
	(void)a;
	(void)b;
	errno = ENOSYS;
	return -1;
#endif
}

/* Finishes what a crash in the middle of step 3 left: no index at path,
 * the old one at path.lede-old and the new one, whole, beside it. */
static lede_status_t
recover(const char *path, const char *tmp, const char *old, char **msg)
{
	if (exists(path) || !exists(old))
		return LEDE_OK;
	const char *whole = exists(tmp) ? tmp : old;
	if (rename(whole, path) != 0)
		return ldi_set_error(msg, LEDE_IO,
				     "cannot move '%s' back to '%s' after an "
				     "interrupted compaction: %s",
				     whole, path, strerror(errno));
	sync_parent(path);
	return LEDE_OK;
}

lede_status_t
ldi_rebuild_in_place(const char *path, xc_db_t *lock, ldi_build_fn build,
		     void *ctx, char **msg)
{
	char *tmp = ldi_strdup_printf("%s%s", path, COMPACT_SUFFIX);
	char *old = ldi_strdup_printf("%s%s", path, OLD_SUFFIX);
	xc_db_t *own = NULL;
	lede_status_t st = LEDE_OK;
	if (!tmp || !old) {
		st = ldi_set_error(msg, LEDE_NOMEM, "out of memory");
		goto out;
	}
	st = recover(path, tmp, old, msg);
	if (st == LEDE_OK && !lock) {
		st = ldi_open_local(path, XC_DB_WRITE_OPEN, &own, msg);
		lock = own;
	}
	if (st != LEDE_OK)
		goto out;
	/* Left by a crash: a copy never swapped in, or an old one never
	 * removed. The index at path is whole either way. */
	if ((exists(tmp) && remove_folder(tmp) != 0) ||
	    (exists(old) && remove_folder(old) != 0)) {
		st = ldi_set_error(msg, LEDE_IO,
				   "cannot remove what an interrupted "
				   "compaction left beside '%s': %s",
				   path, strerror(errno));
		goto out;
	}
	st = build(ctx, tmp, msg);
	if (st != LEDE_OK) {
		remove_folder(tmp);
		goto out;
	}
	if (sync_folder(tmp) != 0) {
		st = ldi_set_error(msg, LEDE_IO, "cannot write '%s': %s", tmp,
				   strerror(errno));
		remove_folder(tmp);
		goto out;
	}
	const char *gone = tmp;
	if (swap_folders(tmp, path) != 0) {
		if (errno != EINVAL && errno != ENOSYS && errno != ENOTSUP) {
			st = ldi_set_error(msg, LEDE_IO,
					   "cannot put '%s' in place of '%s': "
					   "%s",
					   tmp, path, strerror(errno));
			remove_folder(tmp);
			goto out;
		}
		if (rename(path, old) != 0) {
			st = ldi_set_error(msg, LEDE_IO,
					   "cannot move '%s' aside: %s", path,
					   strerror(errno));
			remove_folder(tmp);
			goto out;
		}
		if (rename(tmp, path) != 0) {
			st = ldi_set_error(msg, LEDE_IO,
					   "cannot move '%s' to '%s' (the old "
					   "index is '%s'; the next compaction "
					   "puts one back): %s",
					   tmp, path, old, strerror(errno));
			goto out;
		}
		gone = old;
	}
	sync_parent(path);
	/* The lock is the old copy's now: let go, then remove it. */
	xc_db_close(own);
	own = NULL;
	if (remove_folder(gone) != 0)
		st = ldi_set_error(msg, LEDE_IO,
				   "wrote '%s', but cannot remove the old "
				   "copy at '%s': %s",
				   path, gone, strerror(errno));
out:
	xc_db_close(own);
	free(tmp);
	free(old);
	return st;
}

typedef struct compaction {
	const char *path;
	progress_t progress;
	uint64_t *before;
} compaction_t;

/* Writes the compact copy of c->path at tmp (an ldi_build_fn). */
static lede_status_t
compact_into(void *ctx, const char *tmp, char **msg)
{
	compaction_t *c = ctx;
	*c->before += folder_bytes(c->path);
	char *xmsg = NULL;
	xc_status_t xs = xc_db_compact(c->path, tmp, on_progress,
				       &c->progress, &xmsg);
	if (xs == XC_OK)
		return LEDE_OK;
	lede_status_t st = ldi_set_error(msg, ldi_status_from_xc(xs), "%s",
					 xmsg ? xmsg : xc_status_str(xs));
	xc_free(xmsg);
	return st;
}

/* Compacts the database folder at path in place (steps 1-4 above). lock:
 * a writer of path the caller holds, or NULL to take one here. */
static lede_status_t
compact_one(const char *path, xc_db_t *lock, const progress_t *progress,
	    uint64_t *before, uint64_t *after, char **msg)
{
	compaction_t c = { path, *progress, before };
	c.progress.index = path;
	lede_status_t st = ldi_rebuild_in_place(path, lock, compact_into, &c,
						msg);
	if (st == LEDE_OK)
		*after += folder_bytes(path);
	return st;
}

/* Compacts each shard a shard set lists, then its records, holding the
 * set's lock (its records' writer) throughout so that no lede-index
 * writes to the set meanwhile. */
static lede_status_t
compact_set(const char *path, const progress_t *progress, uint64_t *before,
	    uint64_t *after, char **msg)
{
	char *records = ldi_strdup_printf("%s/%s", path, LDI_SET_RECORDS);
	if (!records)
		return ldi_set_error(msg, LEDE_NOMEM, "out of memory");
	xc_db_t *lock = NULL;
	lede_status_t st = ldi_open_local(records, XC_DB_WRITE_CREATE, &lock,
					  msg);
	if (st == LEDE_LOCKED)
		st = ldi_set_error(msg, LEDE_LOCKED,
				   "shard set '%s' is locked: another "
				   "lede-index is writing to it",
				   path);
	/* The shards, as a reader lists them. */
	lede_db_t list;
	memset(&list, 0, sizeof list);
	if (st == LEDE_OK)
		st = ldi_open_parts(&list, path, msg);
	char **folders = NULL;
	size_t n = 0;
	if (st == LEDE_OK && list.n_shards &&
	    !(folders = calloc(list.n_shards, sizeof *folders)))
		st = ldi_set_error(msg, LEDE_NOMEM, "out of memory");
	for (size_t i = 0; st == LEDE_OK && i < list.n_shards; i++)
		if (list.shards[i].folder &&
		    !(folders[n++] = ldi_strdup_printf("%s",
						       list.shards[i].name)))
			st = ldi_set_error(msg, LEDE_NOMEM, "out of memory");
	/* Closed before compacting: their folders are about to move. */
	ldi_shards_close(&list);
	free(list.shards);
	for (size_t i = 0; st == LEDE_OK && i < n; i++)
		st = compact_one(folders[i], NULL, progress, before, after,
				 msg);
	if (st == LEDE_OK)
		st = compact_one(records, lock, progress, before, after, msg);
	xc_db_close(lock);
	for (size_t i = 0; i < n; i++)
		free(folders[i]);
	free(folders);
	free(records);
	return st;
}

lede_status_t
lede_db_compact(const char *path, lede_compact_fn fn, void *ctx,
		uint64_t *before, uint64_t *after, char **errmsg)
{
	char *msg = NULL;
	uint64_t b = 0, a = 0;
	lede_status_t st = LEDE_OK;
	if (errmsg)
		*errmsg = NULL;
	progress_t progress = { fn, ctx, path };
	if (!path || !*path) {
		st = ldi_set_error(&msg, LEDE_MISUSE,
				   "lede_db_compact: no index path given");
	} else {
		switch (ldi_path_kind(path, NULL)) {
		case LDI_PATH_SET:
			st = compact_set(path, &progress, &b, &a, &msg);
			break;
		case LDI_PATH_STUB:
		case LDI_PATH_REMOTE:
			st = ldi_set_error(&msg, LEDE_MISUSE,
					   "cannot compact '%s': a stub or "
					   "remote index (compact the indexes "
					   "it names, where they are)",
					   path);
			break;
		default:
			st = compact_one(path, NULL, &progress, &b, &a, &msg);
			break;
		}
	}
	if (before)
		*before = b;
	if (after)
		*after = a;
	if (errmsg)
		*errmsg = msg;
	else
		free(msg);
	return st;
}
