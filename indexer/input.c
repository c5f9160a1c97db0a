/* input.c: lede_parser_file: files, compressed files and archives.
 * SPDX-License-Identifier: MIT
 *
 * Corpora travel as tarballs and gzipped dumps; making users unpack
 * 258,000 feed entries into 13,000 files first would be a chore and a
 * waste of disk. libarchive reads every common compression and archive
 * format as a stream, so lede reads members one at a time, each into
 * memory only while it is parsed.
 *
 * A plain file is read directly: it needs no library, and checking its
 * first bytes for a compression or archive signature costs nothing.
 * A gzip file that holds no tar is read with zlib, which, unlike
 * libarchive, hands over what it could decompress before a file that was
 * cut short ends: feed dumps get cut by full disks and broken downloads,
 * and the records before the damage are worth having.
 */
#define _POSIX_C_SOURCE 200809L

#include <stdarg.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "lazy_libs.h"
#include "lede.h"
#include "parser.h"

/* 1 when the n bytes at b begin with a tar header ("ustar" at 257). */
static int is_tar_header(const void *b, size_t n)
{
	return n >= 262 && !memcmp((const char *)b + 257, "ustar", 5);
}

/* Signatures of the formats handed to libarchive. */
static int is_packed(const unsigned char *b, size_t n)
{
	if (n >= 2 && b[0] == 0x1F && b[1] == 0x8B)
		return 1; /* gzip */
	if (n >= 3 && !memcmp(b, "BZh", 3))
		return 1;
	if (n >= 6 && !memcmp(b, "\xFD" "7zXZ\0", 6))
		return 1;
	if (n >= 4 && !memcmp(b, "\x28\xB5\x2F\xFD", 4))
		return 1; /* zstd */
	if (n >= 4 && !memcmp(b, "PK\x03\x04", 4))
		return 1; /* zip */
	if (n >= 6 && !memcmp(b, "7z\xBC\xAF\x27\x1C", 6))
		return 1;
	return is_tar_header(b, n);
}

int lede_is_documentation_name(const char *name)
{
	static const char *const docs[] = {
		"README", "LICENSE", "LICENCE", "COPYING", "NOTICE",
		"AUTHORS", "CHANGELOG", "SOURCE"};
	const char *base;
	size_t stem, i, k;

	if (!name)
		return 0;
	base = strrchr(name, '/');
	base = base ? base + 1 : name;
	stem = strcspn(base, ".");
	for (i = 0; i < sizeof docs / sizeof docs[0]; i++) {
		size_t n = strlen(docs[i]);

		if (stem != n)
			continue;
		for (k = 0; k < n && (base[k] & ~0x20) == docs[i][k]; k++)
			;
		if (k == n)
			return 1;
	}
	return 0;
}

/* Reads at most n bytes into buf: > 0 bytes read, 0 at the end, < 0 on
 * an error. One per kind of input: a file, an archive member, gzip. */
typedef long (*read_fn)(void *src, char *buf, size_t n);

static long read_file(void *src, char *buf, size_t n)
{
	return (long)fread(buf, 1, n, src); /* ferror() tells errors */
}

static long read_archive_data(void *src, char *buf, size_t n)
{
	return (long)archive_read_data(src, buf, n);
}

static long read_gz(void *src, char *buf, size_t n)
{
	return gzread(src, buf, (unsigned)(n > 1u << 30 ? 1u << 30 : n));
}

/* Reads src to its end into a malloc'ed buffer that starts with the
 * `got` bytes at head, giving up once more than max bytes came
 * (*too_big). *failed says fn reported an error; what came before it is
 * kept. NULL only when out of memory. */
static char *read_all(read_fn fn, void *src, const char *head, size_t got,
		      size_t max, size_t *len, int *too_big, int *failed)
{
	size_t cap = got > 1 << 16 ? got : 1 << 16, n = got;
	char *buf = malloc(cap);

	*too_big = *failed = 0;
	if (!buf)
		return NULL;
	if (got)
		memcpy(buf, head, got);
	for (;;) {
		long r;

		if (n > max) {
			*too_big = 1;
			break;
		}
		if (n == cap) {
			char *grown;

			cap = cap * 2 > max + 1 ? max + 1 : cap * 2;
			grown = realloc(buf, cap);
			if (!grown) {
				free(buf);
				return NULL;
			}
			buf = grown;
		}
		r = fn(src, buf + n, cap - n);
		if (r > 0) {
			n += (size_t)r;
			continue;
		}
		*failed = r < 0;
		break;
	}
	*len = n;
	return buf;
}

/* The caller's warning callback, with `where` the input's name. */
static void warn(lede_parser_t *p, const char *where, const char *fmt, ...)
	LDI_PRINTF(3, 4);
static void warn(lede_parser_t *p, const char *where, const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	ldi_note_warning(p->why, where, msg);
	if (p->on_warning)
		p->on_warning(p->ctx, where, msg);
}

static void warn_too_big(lede_parser_t *p, const char *where)
{
	warn(p, where, "larger than %zu MiB, not an article (skipped)",
	     p->max_bytes >> 20);
}

/* How ldi_parse should take a whole file (not an archive member). */
static unsigned file_how(const lede_parser_t *p)
{
	return LDI_FROM_FILE |
	       ((p->flags & LEDE_PARSE_FOLDER_SECTIONS) ? LDI_IN_FOLDER : 0u);
}

/* What a run over many inputs came to: LEDE_OK once any gave an
 * article, else the last failure. */
static lede_status_t combine(lede_status_t sofar, lede_status_t st)
{
	if (st == LEDE_OK || sofar == LEDE_OK)
		return st == LEDE_NOMEM || st == LEDE_DONE ? st : LEDE_OK;
	return st;
}

/* Member names are paths inside the archive: "./a/b" is "a/b". */
static const char *member_path(const char *path)
{
	while (path[0] == '.' && path[1] == '/')
		path += 2;
	while (path[0] == '/')
		path++;
	return path;
}

static int hidden(const char *path)
{
	const char *s = path;

	while (s) {
		if (s[0] == '.')
			return 1;
		s = strchr(s, '/');
		if (s)
			s++;
	}
	return 0;
}

/* Reads the current member into memory; NULL with *st set when it
 * cannot be. */
static char *read_member(lede_parser_t *p, struct archive *a,
			 const char *where, size_t *len, lede_status_t *st)
{
	int too_big, failed;
	char *buf = read_all(read_archive_data, a, NULL, 0, p->max_bytes, len,
			     &too_big, &failed);

	if (!buf) {
		*st = LEDE_NOMEM;
		return NULL;
	}
	if (too_big) {
		warn_too_big(p, where);
		free(buf);
		*st = LEDE_BAD_INPUT;
		return NULL;
	}
	if (failed) {
		/* A gzip or tar cut short: what came before the damage is
		 * read, and the caller hears of it. */
		warn(p, where, "cut short after %zu bytes (%s): reading what "
			       "is there",
		     *len, archive_error_string(a));
		*st = LEDE_IO;
	}
	return buf;
}

/* A libarchive reader of the formats lede reads (libarchive loaded), or
 * NULL when out of memory. */
static struct archive *new_reader(void)
{
	struct archive *a = archive_read_new();

	if (!a)
		return NULL;
	archive_read_support_filter_all(a);
	archive_read_support_format_tar(a);
	archive_read_support_format_zip(a);
	archive_read_support_format_cpio(a);
	archive_read_support_format_7zip(a);
	/* A compressed single file is libarchive's "raw" format. */
	archive_read_support_format_raw(a);
	return a;
}

static lede_status_t read_archive(lede_parser_t *p, const char *path,
				  const char *name)
{
	const char *why = ldi_load_libarchive();
	struct archive *a;
	struct archive_entry *e;
	lede_status_t result = LEDE_BAD_INPUT, damage = LEDE_OK;
	int rc, raw;
	uint64_t members = 0;

	if (why)
		return ldi_parser_error(p, LEDE_IO, "cannot read '%s': %s",
					name, why);
	a = new_reader();
	if (!a)
		return ldi_parser_error(p, LEDE_NOMEM, "out of memory");
	if (!strcmp(path, "-"))
		rc = archive_read_open_fd(a, 0, 1 << 16);
	else
		rc = archive_read_open_filename(a, path, 1 << 16);
	if (rc != ARCHIVE_OK) {
		result = ldi_parser_error(p, LEDE_IO, "cannot read '%s': %s",
					  name, archive_error_string(a));
		archive_read_free(a);
		return result;
	}
	while (!p->stopped) {
		const char *mpath;
		char *member = NULL, *buf;
		size_t len = 0;
		lede_status_t st = LEDE_OK;
		uint64_t entry = (uint64_t)members;

		/* Past the entries asked for: the rest is another parser's. */
		if (p->end_entry && entry >= p->end_entry)
			break;
		rc = archive_read_next_header(a, &e);
		if (rc == ARCHIVE_EOF)
			break;
		if (rc == ARCHIVE_WARN) {
			/* An entry before the run is another parser's to
			 * warn about. */
			if (entry >= p->first_entry)
				warn(p, name, "%s", archive_error_string(a));
		} else if (rc != ARCHIVE_OK) {
			damage = ldi_parser_error(
				p, LEDE_IO, "cannot read '%s': %s%s", name,
				archive_error_string(a),
				members ? " (members before it were read)"
					: "");
			break;
		}
		members++;
		raw = archive_format(a) == ARCHIVE_FORMAT_RAW;
		if (!raw && archive_entry_filetype(e) != AE_IFREG)
			continue;
		if (!raw && entry < p->first_entry)
			continue;
		mpath = member_path(archive_entry_pathname(e)
					    ? archive_entry_pathname(e)
					    : "");
		if (!raw) {
			if (!*mpath || hidden(mpath) ||
			    lede_is_documentation_name(mpath))
				continue;
			member = malloc(strlen(name) + strlen(mpath) + 2);
			if (!member) {
				result = LEDE_NOMEM;
				break;
			}
			sprintf(member, "%s/%s", name, mpath);
		}
		buf = read_member(p, a, raw ? name : member, &len, &st);
		if (buf) {
			/* A member always sits in its archive's folders. */
			unsigned how = raw ? file_how(p)
					   : LDI_FROM_FILE | LDI_IN_FOLDER;
			lede_status_t pst = ldi_parse(
				p, raw ? name : member, buf, len, how);

			result = combine(result, pst);
			free(buf);
		}
		free(member);
		if (st == LEDE_NOMEM || result == LEDE_NOMEM) {
			result = ldi_parser_error(p, LEDE_NOMEM,
						  "out of memory");
			break;
		}
		if (st == LEDE_IO) {
			damage = ldi_parser_error(p, LEDE_IO,
						  "'%s' is cut short", name);
			break;
		}
	}
	archive_read_free(a);
	if (result == LEDE_NOMEM || result == LEDE_DONE)
		return result;
	return damage != LEDE_OK ? damage : result;
}

/* Reads a gzip stream whose first `got` decompressed bytes are already
 * in head: the rest, up to the size limit. */
static lede_status_t read_gzip(lede_parser_t *p, gzFile g, const char *name,
			       const char *head, size_t got)
{
	size_t n;
	int too_big, failed, errnum = Z_OK;
	char *buf = read_all(read_gz, g, head, got, p->max_bytes, &n,
			     &too_big, &failed);
	lede_status_t st, damage = LEDE_OK;

	if (!buf)
		return ldi_parser_error(p, LEDE_NOMEM, "out of memory");
	if (too_big) {
		free(buf);
		warn_too_big(p, name);
		return LEDE_BAD_INPUT;
	}
	gzerror(g, &errnum);
	if (failed || (errnum != Z_OK && errnum != Z_STREAM_END)) {
		const char *why = gzerror(g, &errnum);

		warn(p, name, "cut short after %zu bytes (%s): reading what "
			      "is there",
		     n, why);
		damage = ldi_parser_error(p, LEDE_IO, "'%s' is cut short (%s)",
					  name, why);
	}
	st = ldi_parse(p, name, buf, n, file_how(p));
	free(buf);
	if (st == LEDE_NOMEM || st == LEDE_DONE)
		return st;
	return damage != LEDE_OK ? damage : st;
}

/* A gzip file: a tarball goes to libarchive, anything else is read here. */
static lede_status_t read_gzip_file(lede_parser_t *p, const char *path,
				    const char *name)
{
	char head[512];
	gzFile g = gzopen(path, "rb");
	int got;
	lede_status_t st;

	if (!g)
		return ldi_parser_error(p, LEDE_IO, "cannot open '%s': %s",
					path, strerror(errno));
	got = gzread(g, head, sizeof head);
	if (got < 0)
		got = 0;
	if (got == (int)sizeof head && is_tar_header(head, sizeof head)) {
		gzclose(g);
		return read_archive(p, path, name);
	}
	st = read_gzip(p, g, name, head, (size_t)got);
	gzclose(g);
	return st;
}

/* lede_parser_file once its arguments are checked. */
static lede_status_t read_input(lede_parser_t *p, const char *path,
				const char *name)
{
	unsigned char head[512];
	size_t n, len;
	FILE *f;
	char *buf;
	int too_big, failed;
	lede_status_t st;

	if (!strcmp(path, "-"))
		return read_archive(p, path, name);
	f = fopen(path, "rb");
	if (!f)
		return ldi_parser_error(p, LEDE_IO, "cannot open '%s': %s",
					path, strerror(errno));
	n = fread(head, 1, sizeof head, f);
	if (n >= 2 && head[0] == 0x1F && head[1] == 0x8B) {
		fclose(f);
		return read_gzip_file(p, path, name);
	}
	if (is_packed(head, n)) {
		fclose(f);
		return read_archive(p, path, name);
	}
	rewind(f);
	buf = read_all(read_file, f, NULL, 0, p->max_bytes, &len, &too_big,
		       &failed);
	if (!buf) {
		fclose(f);
		return ldi_parser_error(p, LEDE_NOMEM, "out of memory");
	}
	if (ferror(f)) {
		st = ldi_parser_error(p, LEDE_IO, "cannot read '%s': %s", path,
				      strerror(errno));
	} else if (too_big) {
		warn_too_big(p, name);
		st = LEDE_BAD_INPUT;
	} else {
		st = ldi_parse(p, name, buf, len, file_how(p));
	}
	free(buf);
	fclose(f);
	return st;
}

/* 1 when the gzip file at path holds a tarball (its first block says
 * "ustar"), as read_gzip_file decides. */
static int gzip_holds_tar(const char *path)
{
	char head[512];
	gzFile g = gzopen(path, "rb");
	int got;

	if (!g)
		return 0;
	got = gzread(g, head, sizeof head);
	gzclose(g);
	return got == (int)sizeof head && is_tar_header(head, sizeof head);
}

lede_status_t lede_archive_entries(const char *path, uint64_t *count)
{
	unsigned char head[512];
	struct archive *a;
	struct archive_entry *e;
	FILE *f;
	size_t n;
	int rc;

	if (!path || !count)
		return LEDE_MISUSE;
	*count = 0;
	if (!(f = fopen(path, "rb")))
		return LEDE_IO;
	n = fread(head, 1, sizeof head, f);
	fclose(f);
	/* What read_input reads without libarchive is no archive. */
	if (!is_packed(head, n) ||
	    (head[0] == 0x1F && head[1] == 0x8B && !gzip_holds_tar(path)))
		return LEDE_OK;
	/* The reader read_archive uses, so that the entries are the ones
	 * it counts. */
	if (ldi_load_libarchive() || !(a = new_reader()))
		return LEDE_IO;
	rc = archive_read_open_filename(a, path, 1 << 16);
	while (rc == ARCHIVE_OK || rc == ARCHIVE_WARN) {
		rc = archive_read_next_header(a, &e);
		if (rc != ARCHIVE_OK && rc != ARCHIVE_WARN)
			break;
		if (archive_format(a) == ARCHIVE_FORMAT_RAW) {
			rc = ARCHIVE_EOF; /* one compressed file */
			*count = 0;
			break;
		}
		++*count;
	}
	archive_read_free(a);
	if (rc != ARCHIVE_EOF) {
		*count = 0;
		return LEDE_IO;
	}
	return LEDE_OK;
}

lede_status_t lede_parser_file(lede_parser_t *p, const char *path,
			       const char *name)
{
	lede_status_t st;

	if (!p)
		return LEDE_MISUSE;
	if (!path)
		return ldi_parser_error(p, LEDE_MISUSE,
					"lede_parser_file: path is NULL");
	p->stopped = 0;
	p->why[0] = '\0';
	if (!name)
		name = path;
	st = read_input(p, path, name);
	return st == LEDE_BAD_INPUT ? ldi_parser_no_article(p, name) : st;
}
