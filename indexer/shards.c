/* shards.c: indexes made of several databases: shard sets, stubs, remotes.
 * SPDX-License-Identifier: MIT
 *
 * lede searches several Xapian databases as one with Xapian's own
 * machinery: a view (xc_db_combine, Xapian's add_database) over databases
 * that are local folders or remote servers (xapian-tcpsrv). What it reads
 * as a list of databases is Xapian's stub database format, so a stub
 * works with Xapian's tools too:
 *
 *	# comment
 *	auto PATH		a database, or another stub (relative paths
 *				are relative to the stub's folder)
 *	glass PATH		a glass database
 *	remote HOST:PORT	a database served by xapian-tcpsrv
 *	remote :PROGRAM ARGS	one served by xapian-progsrv through PROGRAM
 *
 * lede reads the stub itself, line by line, rather than let Xapian open
 * it, because it must see each database: to check it was made by this
 * lede, and to read its metadata (Xapian gives a combined database only
 * its first part's).
 *
 * A shard set is a folder lede-index --shard fills: a shard per year,
 * month or day of the articles' dates ("2023-11/", "undated/"), each an
 * ordinary index; XAPIANDB, the stub listing them, whose first line
 * ("# lede shard set: month") marks the folder as a shard set and says
 * how it is cut; and "files", a database of the file records incremental
 * indexing keeps (schema.h, "Files") and nothing else, whose write lock
 * is the whole set's. Xapian's tools open the folder as the stub it is.
 *
 * Writing. The writer opens every shard for reading and a shard for
 * writing only when it first writes there, so a run over this month's
 * articles locks and touches this month's shard only. Its view covers
 * every shard (writers with their pending changes), so a term's postings
 * across the set, mapped back to (shard, docid) through Xapian's
 * interleaving of document ids, say where an article or a file's
 * articles are. An id is kept in one shard: adding an article deletes any
 * copy another shard holds (its date moved). A commit commits the records
 * database first (what says "read again"), then each shard written, then
 * the records that say a file is done (ldi_set_commit, files.c), so that
 * a crash between them never leaves a record claiming articles that are
 * not in.
 */
#define _POSIX_C_SOURCE 200809L

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "db_internal.h"

/* Stubs naming stubs: deeper than this is a loop. */
#define MAX_STUB_DEPTH 8

/* How long a remote shard may take over one exchange: a match counting
 * facets over a few million articles takes seconds, not a minute. */
#define REMOTE_TIMEOUT_MS 60000

/* Longest stub file read: a stub is a list of databases. */
#define MAX_STUB_BYTES (1 << 20)

const char *
ldi_unit_name(lede_shard_unit_t unit)
{
	switch (unit) {
	case LEDE_SHARD_YEAR: return "year";
	case LEDE_SHARD_MONTH: return "month";
	case LEDE_SHARD_DAY: return "day";
	}
	return "?";
}

static int
file_exists(const char *dir, const char *name)
{
	char *p = ldi_strdup_printf("%s/%s", dir, name);
	struct stat sb;
	int rc = p && stat(p, &sb) == 0;
	free(p);
	return rc;
}

/* The whole file at path, NUL-terminated, in *out (free it); -1 with
 * errno set when it cannot be read. */
static int
read_file(const char *path, char **out, size_t *len)
{
	*out = NULL;
	FILE *f = fopen(path, "rb");
	if (!f)
		return -1;
	char *buf = malloc(MAX_STUB_BYTES + 1);
	size_t n = buf ? fread(buf, 1, MAX_STUB_BYTES + 1, f) : 0;
	int bad = !buf || ferror(f);
	int saved = errno;
	fclose(f);
	if (bad || n > MAX_STUB_BYTES) {
		free(buf);
		errno = bad ? saved : EFBIG;
		return -1;
	}
	buf[n] = '\0';
	*out = buf;
	if (len)
		*len = n;
	return 0;
}

/* The unit a shard set's stub names on its first line, or 0 when the
 * stub is not lede's. */
static lede_shard_unit_t
stub_unit(const char *stub)
{
	char *text = NULL;
	if (read_file(stub, &text, NULL) != 0)
		return 0;
	size_t mlen = strlen(LDI_SET_MARKER);
	lede_shard_unit_t unit = 0;
	if (!strncmp(text, LDI_SET_MARKER, mlen)) {
		const char *u = text + mlen;
		size_t n = strcspn(u, "\r\n");
		for (lede_shard_unit_t k = LEDE_SHARD_YEAR; k <= LEDE_SHARD_DAY;
		     k++)
			if (n == strlen(ldi_unit_name(k)) &&
			    !strncmp(u, ldi_unit_name(k), n))
				unit = k;
	}
	free(text);
	return unit;
}

/* 1 when the folder has no entries but . and .. */
static int
folder_empty(const char *path)
{
	DIR *d = opendir(path);
	if (!d)
		return 0;
	struct dirent *e;
	int empty = 1;
	while (empty && (e = readdir(d)))
		empty = !strcmp(e->d_name, ".") || !strcmp(e->d_name, "..");
	closedir(d);
	return empty;
}

ldi_path_kind_t
ldi_path_kind(const char *path, lede_shard_unit_t *unit)
{
	if (unit)
		*unit = 0;
	if (!strncmp(path, "tcp://", 6))
		return LDI_PATH_REMOTE;
	struct stat sb;
	if (stat(path, &sb) != 0)
		return LDI_PATH_MISSING;
	if (S_ISREG(sb.st_mode))
		return LDI_PATH_STUB;
	if (!S_ISDIR(sb.st_mode))
		return LDI_PATH_OTHER;
	if (file_exists(path, "iamglass") || file_exists(path, "iamchert"))
		return LDI_PATH_INDEX;
	if (file_exists(path, LDI_SET_STUB)) {
		char *stub = ldi_strdup_printf("%s/%s", path, LDI_SET_STUB);
		lede_shard_unit_t u = stub ? stub_unit(stub) : 0;
		free(stub);
		if (unit)
			*unit = u;
		return u ? LDI_PATH_SET : LDI_PATH_STUB;
	}
	return folder_empty(path) ? LDI_PATH_MISSING : LDI_PATH_OTHER;
}

/* ---- The list of databases ------------------------------------------- */

/* Appends a database to db->shards; the handle is db's from here on,
 * even on failure (then closed). */
static lede_status_t
add_shard(lede_db_t *db, const char *name, const char *folder, xc_db_t *x,
	  int writable, char **msg)
{
	if (db->n_shards == db->cap_shards) {
		size_t cap = db->cap_shards ? 2 * db->cap_shards : 8;
		ldi_shard_t *grown = realloc(db->shards, cap * sizeof *grown);
		if (!grown) {
			xc_db_close(x);
			return ldi_set_error(msg, LEDE_NOMEM, "out of memory");
		}
		db->shards = grown;
		db->cap_shards = cap;
	}
	ldi_shard_t *s = &db->shards[db->n_shards];
	memset(s, 0, sizeof *s);
	s->name = ldi_strdup_printf("%s", name);
	s->folder = folder ? ldi_strdup_printf("%s", folder) : NULL;
	if (!s->name || (folder && !s->folder)) {
		free(s->name);
		free(s->folder);
		xc_db_close(x);
		return ldi_set_error(msg, LEDE_NOMEM, "out of memory");
	}
	s->xdb = x;
	s->writable = writable;
	db->n_shards++;
	return LEDE_OK;
}

/* Opens the database a remote stub line or tcp:// names: "HOST:PORT"
 * ("[v6]:PORT" too) or ":PROGRAM ARGS". */
static lede_status_t
open_remote(lede_db_t *db, const char *name, const char *spec, char **msg)
{
	xc_db_t *x = NULL;
	char *xmsg = NULL;
	xc_status_t xs;
	if (spec[0] == ':') {
		const char *prog = spec + 1;
		size_t plen = strcspn(prog, " ");
		char *p = ldi_strdup_printf("%.*s", (int)plen, prog);
		if (!p)
			return ldi_set_error(msg, LEDE_NOMEM, "out of memory");
		xs = xc_db_open_remote_program(
			p, prog[plen] ? prog + plen + 1 : "",
			REMOTE_TIMEOUT_MS, &x, &xmsg);
		free(p);
	} else {
		const char *colon = strrchr(spec, ':');
		char *end = NULL;
		unsigned long port = colon ? strtoul(colon + 1, &end, 10) : 0;
		if (!colon || colon == spec || !end || *end || !colon[1] ||
		    port == 0 || port > 65535)
			return ldi_set_error(msg, LEDE_BAD_INPUT,
					     "'%s': a remote index is "
					     "HOST:PORT, with a port from 1 "
					     "to 65535",
					     name);
		const char *host = spec;
		size_t hlen = (size_t)(colon - spec);
		if (host[0] == '[' && hlen > 2 && host[hlen - 1] == ']') {
			host++;
			hlen -= 2;
		}
		char *h = ldi_strdup_printf("%.*s", (int)hlen, host);
		if (!h)
			return ldi_set_error(msg, LEDE_NOMEM, "out of memory");
		xs = xc_db_open_remote(h, (unsigned)port, REMOTE_TIMEOUT_MS,
				       &x, &xmsg);
		free(h);
	}
	if (xs != XC_OK) {
		lede_status_t st =
			xs == XC_NO_DATABASE
				? ldi_set_error(msg, LEDE_NO_INDEX,
						"%s (is a server running "
						"there?)",
						xmsg ? xmsg : name)
				: ldi_set_error(msg, ldi_status_from_xc(xs),
						"%s",
						xmsg ? xmsg
						     : xc_status_str(xs));
		xc_free(xmsg);
		return st;
	}
	xc_free(xmsg);
	lede_status_t st = ldi_check_versions(x, name, 0, msg);
	if (st != LEDE_OK) {
		xc_db_close(x);
		return st;
	}
	return add_shard(db, name, NULL, x, 0, msg);
}

static lede_status_t open_spec(lede_db_t *db, const char *spec, int depth,
			       char **msg);

/* The next line of a stub's text at *cursor, cut in place without its
 * "\n" or "\r\n"; NULL at the end of the text. */
static char *
next_stub_line(char **cursor)
{
	char *line = *cursor;
	if (!line || !*line)
		return NULL;
	char *next = strchr(line, '\n');
	if (next)
		*next++ = '\0';
	*cursor = next;
	size_t len = strlen(line);
	if (len && line[len - 1] == '\r')
		line[len - 1] = '\0';
	return line;
}

/* Opens every database the stub file lists; a folder's stub (XAPIANDB)
 * lists a shard set's own shards as "auto NAME", and lists none until
 * the set has articles (set_stub). A stub file named by the caller that
 * lists nothing is more likely a wrong path than an empty search. */
static lede_status_t
open_stub(lede_db_t *db, const char *file, int set_stub, int depth,
	  char **msg)
{
	char *text = NULL;
	if (read_file(file, &text, NULL) != 0)
		return ldi_set_error(msg, LEDE_NO_INDEX,
				     "cannot read stub '%s': %s", file,
				     strerror(errno));
	/* Relative paths are relative to the stub's folder, as Xapian
	 * reads them. */
	const char *slash = strrchr(file, '/');
	char *base = slash ? ldi_strdup_printf("%.*s", (int)(slash - file),
					       file)
			   : ldi_strdup_printf(".");
	if (!base) {
		free(text);
		return ldi_set_error(msg, LEDE_NOMEM, "out of memory");
	}
	if (!*base) {
		free(base);
		base = ldi_strdup_printf("/");
	}
	lede_status_t st = base ? LEDE_OK
				: ldi_set_error(msg, LEDE_NOMEM,
						"out of memory");
	char *cursor = text, *line;
	unsigned listed = 0;
	for (unsigned lineno = 1;
	     st == LEDE_OK && (line = next_stub_line(&cursor)); lineno++) {
		if (!*line || line[0] == '#')
			continue;
		listed++;
		char *rest = strchr(line, ' ');
		if (rest)
			*rest++ = '\0';
		if (rest && (!strcmp(line, "auto") ||
			     !strcmp(line, "glass")) && *rest) {
			char *path = rest[0] == '/'
					     ? ldi_strdup_printf("%s", rest)
					     : ldi_strdup_printf("%s/%s", base,
								 rest);
			if (!path) {
				st = ldi_set_error(msg, LEDE_NOMEM,
						   "out of memory");
				break;
			}
			size_t before = db->n_shards;
			st = open_spec(db, path, depth + 1, msg);
			/* A shard set's own shard: a name in its folder. */
			if (st == LEDE_OK && db->n_shards == before + 1 &&
			    !strchr(rest, '/') && !db->shards[before].folder) {
				db->shards[before].folder =
					ldi_strdup_printf("%s", rest);
				if (!db->shards[before].folder)
					st = ldi_set_error(msg, LEDE_NOMEM,
							   "out of memory");
			}
			free(path);
		} else if (rest && !strcmp(line, "remote") && *rest) {
			char *name = rest[0] == ':'
					     ? ldi_strdup_printf("%s", rest + 1)
					     : ldi_strdup_printf("tcp://%s",
								 rest);
			st = name ? open_remote(db, name, rest, msg)
				  : ldi_set_error(msg, LEDE_NOMEM,
						  "out of memory");
			free(name);
		} else {
			st = ldi_set_error(msg, LEDE_BAD_INPUT,
					   "%s:%u: not a stub line lede reads "
					   "(auto PATH, glass PATH, remote "
					   "HOST:PORT or remote :PROGRAM "
					   "ARGS)",
					   file, lineno);
		}
	}
	if (st == LEDE_OK && !listed && !set_stub)
		st = ldi_set_error(msg, LEDE_NO_INDEX,
				   "'%s' is not an index: as a stub it lists "
				   "none (one per line: auto PATH, glass PATH, "
				   "remote HOST:PORT or remote :PROGRAM ARGS)",
				   file);
	free(base);
	free(text);
	return st;
}

static lede_status_t
open_spec(lede_db_t *db, const char *spec, int depth, char **msg)
{
	if (depth > MAX_STUB_DEPTH)
		return ldi_set_error(msg, LEDE_BAD_INPUT,
				     "'%s': stubs name stubs more than %d "
				     "deep (a loop?)",
				     spec, MAX_STUB_DEPTH);
	switch (ldi_path_kind(spec, NULL)) {
	case LDI_PATH_REMOTE:
		return open_remote(db, spec, spec + strlen("tcp://"), msg);
	case LDI_PATH_SET:
	case LDI_PATH_STUB: {
		struct stat sb;
		int is_dir = stat(spec, &sb) == 0 && S_ISDIR(sb.st_mode);
		char *file = is_dir ? ldi_strdup_printf("%s/%s", spec,
							LDI_SET_STUB)
				    : ldi_strdup_printf("%s", spec);
		if (!file)
			return ldi_set_error(msg, LEDE_NOMEM, "out of memory");
		lede_status_t st =
			open_stub(db, file,
				  ldi_path_kind(spec, NULL) == LDI_PATH_SET,
				  depth, msg);
		free(file);
		return st;
	}
	default: {
		xc_db_t *x = NULL;
		lede_status_t st = ldi_open_local(spec, XC_DB_READ, &x, msg);
		return st == LEDE_OK ? add_shard(db, spec, NULL, x, 0, msg)
				     : st;
	}
	}
}

lede_status_t
ldi_open_parts(lede_db_t *db, const char *spec, char **msg)
{
	return open_spec(db, spec, 0, msg);
}

lede_status_t
ldi_open_set_records(lede_db_t *db, const char *path, char **msg)
{
	if (ldi_path_kind(path, NULL) != LDI_PATH_SET ||
	    !file_exists(path, LDI_SET_RECORDS))
		return LEDE_OK;
	char *p = ldi_strdup_printf("%s/%s", path, LDI_SET_RECORDS);
	if (!p)
		return ldi_set_error(msg, LEDE_NOMEM, "out of memory");
	lede_status_t st = ldi_open_local(p, XC_DB_READ, &db->records, msg);
	free(p);
	db->records_owned = st == LEDE_OK;
	return st;
}

/* ---- Shard sets: making and opening ---------------------------------- */

/* Writes the set's stub: the marker, then a line per shard of its own,
 * sorted by name, written beside it and renamed over it, so a reader
 * sees the old list or the new one. */
static lede_status_t
write_stub(lede_db_t *db, const char *path, lede_shard_unit_t unit,
	   char **msg)
{
	size_t n = 0;
	for (size_t i = 0; i < db->n_shards; i++)
		n += db->shards[i].folder != NULL;
	const char **names = malloc((n ? n : 1) * sizeof *names);
	char *stub = ldi_strdup_printf("%s/%s", path, LDI_SET_STUB);
	char *tmp = ldi_strdup_printf("%s/%s.new", path, LDI_SET_STUB);
	lede_status_t st = LEDE_OK;
	if (!names || !stub || !tmp) {
		st = ldi_set_error(msg, LEDE_NOMEM, "out of memory");
		goto out;
	}
	n = 0;
	for (size_t i = 0; i < db->n_shards; i++)
		if (db->shards[i].folder)
			names[n++] = db->shards[i].folder;
	/* Few shards: an insertion sort keeps this short. */
	for (size_t i = 1; i < n; i++)
		for (size_t j = i; j > 0 && strcmp(names[j - 1], names[j]) > 0;
		     j--) {
			const char *t = names[j];
			names[j] = names[j - 1];
			names[j - 1] = t;
		}
	FILE *f = fopen(tmp, "w");
	if (!f) {
		st = ldi_set_error(msg, LEDE_IO, "cannot write '%s': %s", tmp,
				   strerror(errno));
		goto out;
	}
	fprintf(f, "%s%s\n", LDI_SET_MARKER, ldi_unit_name(unit));
	fputs("# A Xapian stub database listing the shards of this set, kept "
	      "by lede-index.\n",
	      f);
	for (size_t i = 0; i < n; i++)
		fprintf(f, "auto %s\n", names[i]);
	int bad = fflush(f) != 0 || fsync(fileno(f)) != 0;
	bad |= fclose(f) != 0;
	if (bad || rename(tmp, stub) != 0) {
		st = ldi_set_error(msg, LEDE_IO, "cannot write '%s': %s", stub,
				   strerror(errno));
		unlink(tmp);
		goto out;
	}
	/* The rename itself is durable once the folder is. */
	int dfd = open(path, O_RDONLY);
	if (dfd >= 0) {
		(void)fsync(dfd);
		close(dfd);
	}
out:
	free(names);
	free(stub);
	free(tmp);
	return st;
}

lede_status_t
ldi_set_create(const char *path, lede_shard_unit_t unit, char **msg)
{
	/* The stub first: it is what marks the folder as a shard set, and
	 * an opening writer makes whatever else is missing. */
	char *p = ldi_strdup_printf("%s/", path);
	if (!p)
		return ldi_set_error(msg, LEDE_NOMEM, "out of memory");
	for (char *s = p + 1; *s; s++) {
		if (*s != '/')
			continue;
		*s = '\0';
		if (mkdir(p, 0777) != 0 && errno != EEXIST) {
			lede_status_t st = ldi_set_error(
				msg, LEDE_IO, "cannot make folder '%s': %s", p,
				strerror(errno));
			free(p);
			return st;
		}
		*s = '/';
	}
	free(p);
	lede_db_t empty;
	memset(&empty, 0, sizeof empty);
	return write_stub(&empty, path, unit, msg);
}

lede_status_t
ldi_set_open(lede_db_t *db, lede_shard_unit_t unit, char **msg)
{
	db->unit = unit;
	db->combined = 1;
	char *p = ldi_strdup_printf("%s/%s", db->path, LDI_SET_RECORDS);
	if (!p)
		return ldi_set_error(msg, LEDE_NOMEM, "out of memory");
	/* The records' lock is the set's: a second writer stops here. */
	lede_status_t st = ldi_open_local(p, XC_DB_WRITE_CREATE, &db->records,
					  msg);
	free(p);
	if (st == LEDE_LOCKED)
		return ldi_set_error(msg, LEDE_LOCKED,
				     "shard set '%s' is locked: another "
				     "lede-index is writing to it",
				     db->path);
	if (st != LEDE_OK)
		return st;
	db->records_owned = 1;

	char *file = ldi_strdup_printf("%s/%s", db->path, LDI_SET_STUB);
	char *text = NULL;
	if (!file)
		return ldi_set_error(msg, LEDE_NOMEM, "out of memory");
	if (read_file(file, &text, NULL) != 0) {
		st = ldi_set_error(msg, LEDE_IO, "cannot read '%s': %s", file,
				   strerror(errno));
		free(file);
		return st;
	}
	char *cursor = text, *line;
	for (unsigned lineno = 1;
	     st == LEDE_OK && (line = next_stub_line(&cursor)); lineno++) {
		const char *name = line + 5;
		if (!*line || line[0] == '#') {
			/* a comment */
		} else if (strncmp(line, "auto ", 5) || !*name ||
			   strchr(name, '/') || !strcmp(name, ".") ||
			   !strcmp(name, "..")) {
			st = ldi_set_error(msg, LEDE_MISUSE,
					   "%s:%u: lede-index writes only to "
					   "the shard folders of a set (\"auto "
					   "NAME\"); list other indexes in a "
					   "stub of your own to search them "
					   "together",
					   file, lineno);
		} else {
			char *path = ldi_strdup_printf("%s/%s", db->path, name);
			xc_db_t *x = NULL;
			st = path ? ldi_open_local(path, XC_DB_READ, &x, msg)
				  : ldi_set_error(msg, LEDE_NOMEM,
						  "out of memory");
			if (st == LEDE_OK)
				st = add_shard(db, path, name, x, 0, msg);
			free(path);
		}
	}
	free(text);
	free(file);
	if (st != LEDE_OK)
		return st;
	xc_db_t **parts = malloc((db->n_shards ? db->n_shards : 1) *
				 sizeof *parts);
	if (!parts)
		return ldi_set_error(msg, LEDE_NOMEM, "out of memory");
	for (size_t i = 0; i < db->n_shards; i++)
		parts[i] = db->shards[i].xdb;
	if (xc_db_combine(parts, db->n_shards, &db->xdb) != XC_OK)
		st = ldi_set_error(msg, LEDE_NOMEM, "out of memory");
	free(parts);
	return st;
}

/* ---- Shard sets: writing --------------------------------------------- */

/* Points the view at the shards' current handles. */
static lede_status_t
recombine(lede_db_t *db)
{
	xc_db_t **parts = malloc((db->n_shards ? db->n_shards : 1) *
				 sizeof *parts);
	if (!parts)
		return ldi_set_error(&db->errmsg, LEDE_NOMEM, "out of memory");
	for (size_t i = 0; i < db->n_shards; i++)
		parts[i] = db->shards[i].xdb;
	xc_status_t xs = xc_db_recombine(db->xdb, parts, db->n_shards);
	free(parts);
	/* A view that missed a change is made again before it is read. */
	db->view_stale = xs != XC_OK;
	return xs == XC_OK ? LEDE_OK
			   : ldi_set_error(&db->errmsg, ldi_status_from_xc(xs),
					   "cannot open shard set '%s': %s",
					   db->path, xc_db_errmsg(db->xdb));
}

lede_status_t
ldi_set_shard_writable(lede_db_t *db, size_t i)
{
	ldi_shard_t *s = &db->shards[i];
	if (s->writable)
		return LEDE_OK;
	if (!db->unit || !s->folder)
		return ldi_set_error(&db->errmsg, LEDE_MISUSE,
				     "cannot write to '%s': not a shard of "
				     "this set",
				     s->name);
	xc_db_t *w = NULL;
	lede_status_t st = ldi_open_local(s->name, XC_DB_WRITE_OPEN, &w,
					  &db->errmsg);
	if (st != LEDE_OK)
		return st;
	/* The reader stays open: queries made before may read it. */
	s->retired = s->xdb;
	s->xdb = w;
	s->writable = 1;
	return recombine(db);
}

/* The shard name for a date: "2023", "2023-11", "2023-11-12", or
 * "undated" (no date, or a year outside 0-9999). */
static void
shard_name(int64_t date, lede_shard_unit_t unit, char *buf, size_t size)
{
	char iso[LEDE_DATE_BUFSIZE];
	if (date == LEDE_NO_DATE) {
		snprintf(buf, size, "%s", LDI_SET_UNDATED);
		return;
	}
	lede_date_format(date, iso);
	/* iso is "YYYY-MM-DDTHH:MM:SSZ" for years 0-9999. */
	if (strlen(iso) < 10 || iso[4] != '-' || iso[0] == '-') {
		snprintf(buf, size, "%s", LDI_SET_UNDATED);
		return;
	}
	size_t n = unit == LEDE_SHARD_YEAR ? 4 : unit == LEDE_SHARD_MONTH ? 7
									  : 10;
	snprintf(buf, size, "%.*s", (int)n, iso);
}

lede_status_t
ldi_set_shard_for(lede_db_t *db, int64_t date, size_t *index)
{
	char name[32];
	shard_name(date, db->unit, name, sizeof name);
	for (size_t i = 0; i < db->n_shards; i++)
		if (db->shards[i].folder &&
		    !strcmp(db->shards[i].folder, name)) {
			*index = i;
			return ldi_set_shard_writable(db, i);
		}
	/* A new shard: made and stamped, then listed, so a reader never
	 * finds a listed shard it cannot open. */
	char *path = ldi_strdup_printf("%s/%s", db->path, name);
	if (!path)
		return ldi_set_error(&db->errmsg, LEDE_NOMEM, "out of memory");
	xc_db_t *w = NULL;
	lede_status_t st = ldi_open_local(path, XC_DB_WRITE_CREATE, &w,
					  &db->errmsg);
	if (st == LEDE_OK)
		st = add_shard(db, path, name, w, 1, &db->errmsg);
	free(path);
	if (st != LEDE_OK)
		return st;
	*index = db->n_shards - 1;
	char *msg = NULL;
	st = write_stub(db, db->path, db->unit, &msg);
	if (st != LEDE_OK) {
		ldi_set_error(&db->errmsg, st, "%s", msg ? msg : "");
		free(msg);
		return st;
	}
	return recombine(db);
}

lede_status_t
ldi_db_postings(lede_db_t *db, const char *term, size_t len, uint64_t **out,
		size_t *n)
{
	uint32_t *ids = NULL;
	size_t count = 0;
	*out = NULL;
	*n = 0;
	if (db->view_stale) {
		lede_status_t st = recombine(db);
		if (st != LEDE_OK)
			return st;
	}
	xc_status_t xs = xc_db_postings(db->xdb, term, len, &ids, &count);
	if (xs != XC_OK)
		return ldi_set_error(&db->errmsg, ldi_status_from_xc(xs),
				     "cannot read index '%s': %s", db->path,
				     xc_db_errmsg(db->xdb));
	if (!count)
		return LEDE_OK;
	uint64_t *docs = malloc(count * sizeof *docs);
	if (!docs) {
		xc_free(ids);
		return ldi_set_error(&db->errmsg, LEDE_NOMEM, "out of memory");
	}
	for (size_t i = 0; i < count; i++) {
		size_t part = 0;
		uint32_t local = ids[i];
		if (db->shards)
			xc_db_part_of(db->xdb, ids[i], &part, &local);
		docs[i] = (uint64_t)part << 32 | local;
	}
	xc_free(ids);
	*out = docs;
	*n = count;
	return LEDE_OK;
}

lede_status_t
ldi_db_delete_doc(lede_db_t *db, uint64_t doc, int *deleted)
{
	size_t part = (size_t)(doc >> 32);
	uint32_t docid = (uint32_t)doc;
	*deleted = 0;
	xc_db_t *x = db->xdb;
	const char *name = db->path;
	if (db->shards) {
		if (part >= db->n_shards)
			return ldi_set_error(&db->errmsg, LEDE_INTERNAL,
					     "no shard %zu", part);
		lede_status_t st = ldi_set_shard_writable(db, part);
		if (st != LEDE_OK)
			return st;
		x = db->shards[part].xdb;
		name = db->shards[part].name;
	}
	xc_status_t xs = xc_db_delete_docid(x, docid, deleted);
	if (xs != XC_OK) {
		ldi_db_changes_lost(db, part);
		return ldi_set_error(&db->errmsg, ldi_status_from_xc(xs),
				     "cannot write index '%s': %s", name,
				     xc_db_errmsg(x));
	}
	if (db->shards && *deleted)
		db->shards[part].dirty = 1;
	return LEDE_OK;
}

lede_status_t
ldi_commit_one(lede_db_t *db, xc_db_t *x, const char *name, const char *now)
{
	xc_status_t xs = xc_db_set_metadata(x, LDI_META_COMMITTED, XC_NTS,
					    now, strlen(now));
	if (xs == XC_OK)
		xs = xc_db_commit(x);
	if (xs != XC_OK)
		return ldi_set_error(&db->errmsg, ldi_status_from_xc(xs),
				     "cannot commit to index '%s': %s", name,
				     xc_db_errmsg(x));
	return LEDE_OK;
}

lede_status_t
ldi_set_commit(lede_db_t *db)
{
	char now[LEDE_DATE_BUFSIZE];
	lede_date_format((int64_t)time(NULL), now);
	lede_status_t st = LEDE_OK;
	/* First what says "read again": file records of files being read,
	 * before any of their articles is committed. */
	if (db->records_dirty)
		st = ldi_commit_one(db, db->records, db->path, now);
	db->records_dirty = 0;
	for (size_t i = 0; st == LEDE_OK && i < db->n_shards; i++) {
		ldi_shard_t *s = &db->shards[i];
		if (!s->writable || !s->dirty)
			continue;
		/* Every shard lists every language of the set, so readers
		 * stem a query with each. */
		st = ldi_db_save_languages_to(db, s->xdb, s->name);
		if (st == LEDE_OK)
			st = ldi_commit_one(db, s->xdb, s->name, now);
		s->dirty = st != LEDE_OK;
	}
	/* Then what says "done": only now are the articles in. */
	if (st == LEDE_OK && db->n_deferred) {
		st = ldi_records_apply(db);
		if (st == LEDE_OK)
			st = ldi_commit_one(db, db->records, db->path, now);
	}
	if (st == LEDE_OK)
		db->languages_changed = 0;
	return st;
}

xc_status_t
ldi_shards_close(lede_db_t *db)
{
	xc_status_t first = XC_OK, xs;
	/* The view first: it reads the shards. */
	xc_db_close(db->xdb);
	db->xdb = NULL;
	for (size_t i = 0; i < db->n_shards; i++) {
		ldi_shard_t *s = &db->shards[i];
		xs = xc_db_close(s->xdb);
		if (first == XC_OK)
			first = xs;
		xc_db_close(s->retired);
		free(s->name);
		free(s->folder);
	}
	db->n_shards = 0;
	if (db->records_owned) {
		xs = xc_db_close(db->records);
		if (first == XC_OK)
			first = xs;
	}
	db->records = NULL;
	db->records_owned = 0;
	return first;
}
