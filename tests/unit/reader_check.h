/* reader_check.h: what the format readers' unit tests share.
 * SPDX-License-Identifier: MIT
 *
 * A struct seen collects what one read gave: each article flattened to
 * strings (lists joined with '|'), each warning with its "where". Tests
 * read through seen_read (one reader function) or hand on_article and
 * on_warning to lede_parse_buffer themselves, then check the fields.
 *
 * Before including this, a test may define:
 *   MAX_SEEN               articles and warnings kept (on_article stops
 *                          the read when full); 16 when not defined.
 *   SEEN_CHECK_ARTICLE(a)  checks run on every article as it comes;
 *   SEEN_CHECK_NAME(name)  checks run on each author and tag kept;
 *   SEEN_CHECK_WARNING(where, message)  checks run on every warning.
 * Each is a no-op when not defined.
 *
 * Everything here is static: each test is one file, and check.h's tally
 * is per file too.
 */
#ifndef LEDE_TEST_READER_CHECK_H
#define LEDE_TEST_READER_CHECK_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "lede.h"
#include "reader.h"

#ifndef MAX_SEEN
#define MAX_SEEN 16
#endif
#ifndef SEEN_CHECK_ARTICLE
#define SEEN_CHECK_ARTICLE(a) ((void)(a))
#endif
#ifndef SEEN_CHECK_NAME
#define SEEN_CHECK_NAME(name) ((void)(name))
#endif
#ifndef SEEN_CHECK_WARNING
#define SEEN_CHECK_WARNING(where, message) ((void)(where), (void)(message))
#endif

/* What one read gave: articles flattened to strings, and warnings. */
struct seen {
	size_t n;
	char *id[MAX_SEEN], *headline[MAX_SEEN], *body[MAX_SEEN];
	char *authors[MAX_SEEN], *tags[MAX_SEEN]; /* joined with '|' */
	char *source[MAX_SEEN], *section[MAX_SEEN], *language[MAX_SEEN];
	char *url[MAX_SEEN];
	int64_t date[MAX_SEEN];
	size_t n_warn;
	char *where[MAX_SEEN], *warning[MAX_SEEN];
	int stop_after; /* on_article returns 1 after this many; 0: never */
};

/* Fixtures are read from here; main sets it from argv[1]. */
static const char *fixtures = ".";

static inline char *dup_or_null(const char *s)
{
	char *d;

	if (!s)
		return NULL;
	d = malloc(strlen(s) + 1);
	if (d)
		strcpy(d, s);
	return d;
}

/* The n strings of v joined with '|'; "" when there are none. */
static inline char *join(const char *const *v, size_t n)
{
	size_t i, len = 1;
	char *out;

	for (i = 0; i < n; i++) {
		SEEN_CHECK_NAME(v[i]);
		len += strlen(v[i]) + 1;
	}
	out = malloc(len);
	if (!out)
		return NULL;
	out[0] = '\0';
	for (i = 0; i < n; i++) {
		if (i)
			strcat(out, "|");
		strcat(out, v[i]);
	}
	return out;
}

static inline int contains(const char *haystack, const char *needle)
{
	return haystack && strstr(haystack, needle) != NULL;
}

static inline int on_article(void *ctx, const lede_article_t *a)
{
	struct seen *s = ctx;

	SEEN_CHECK_ARTICLE(a);
	if (s->n == MAX_SEEN)
		return 1;
	s->id[s->n] = dup_or_null(a->id);
	s->headline[s->n] = dup_or_null(a->headline);
	s->body[s->n] = dup_or_null(a->body);
	s->authors[s->n] = join(a->authors, a->n_authors);
	s->tags[s->n] = join(a->tags, a->n_tags);
	s->source[s->n] = dup_or_null(a->source);
	s->section[s->n] = dup_or_null(a->section);
	s->language[s->n] = dup_or_null(a->language);
	s->url[s->n] = dup_or_null(a->url);
	s->date[s->n] = a->date;
	s->n++;
	return s->stop_after && s->n >= (size_t)s->stop_after;
}

static inline void on_warning(void *ctx, const char *where,
			      const char *message)
{
	struct seen *s = ctx;

	CHECK(where != NULL && message != NULL);
	SEEN_CHECK_WARNING(where, message);
	if (s->n_warn == MAX_SEEN)
		return;
	s->where[s->n_warn] = dup_or_null(where);
	s->warning[s->n_warn] = dup_or_null(message);
	s->n_warn++;
}

/* Frees what s holds and empties it, keeping stop_after. */
static inline void seen_free(struct seen *s)
{
	int stop_after = s->stop_after;
	size_t i;

	for (i = 0; i < s->n; i++) {
		free(s->id[i]);
		free(s->headline[i]);
		free(s->body[i]);
		free(s->authors[i]);
		free(s->tags[i]);
		free(s->source[i]);
		free(s->section[i]);
		free(s->language[i]);
		free(s->url[i]);
	}
	for (i = 0; i < s->n_warn; i++) {
		free(s->where[i]);
		free(s->warning[i]);
	}
	memset(s, 0, sizeof *s);
	s->stop_after = stop_after;
}

typedef lede_status_t (*reader_fn)(const ldi_reader_t *, const char *,
				   size_t);

/* Reads len bytes of buf (LEDE_NTS: a C string) with one reader into s,
 * emptied first. */
static inline lede_status_t seen_read(struct seen *s, reader_fn fn,
				      const char *name, const char *buf,
				      size_t len)
{
	ldi_reader_t r = {name, on_article, on_warning, s, NULL};

	seen_free(s);
	return fn(&r, buf, len == LEDE_NTS ? strlen(buf) : len);
}

/* The bytes of a fixture, NUL-terminated (len without it); NULL and a
 * failed check when it cannot be read. */
static inline char *load(const char *file, size_t *len)
{
	char path[1024];
	FILE *f;
	char *buf = NULL;
	long size;

	snprintf(path, sizeof path, "%s/%s", fixtures, file);
	f = fopen(path, "rb");
	if (f && fseek(f, 0, SEEK_END) == 0 && (size = ftell(f)) >= 0 &&
	    fseek(f, 0, SEEK_SET) == 0) {
		buf = malloc((size_t)size + 1);
		if (buf && fread(buf, 1, (size_t)size, f) != (size_t)size) {
			free(buf);
			buf = NULL;
		}
		if (buf) {
			buf[size] = '\0';
			*len = (size_t)size;
		}
	}
	if (f)
		fclose(f);
	if (!buf)
		fprintf(stderr, "cannot read fixture '%s'\n", path);
	CHECK(buf != NULL);
	return buf;
}

/* Reads the fixture file with one reader into s, named as the file. */
static inline lede_status_t seen_read_file(struct seen *s, reader_fn fn,
					   const char *file)
{
	size_t len = 0;
	char *buf = load(file, &len);
	lede_status_t st;

	if (!buf)
		return LEDE_INTERNAL;
	st = seen_read(s, fn, file, buf, len);
	free(buf);
	return st;
}

/* Prints what one fixture gave, field by field: "test_x DIR FILE" shows
 * what a new check should expect. Returns main's exit status. */
static inline int seen_show_file(reader_fn fn, const char *file)
{
	struct seen s = {0};
	size_t i;

	printf("status %d\n", seen_read_file(&s, fn, file));
	for (i = 0; i < s.n; i++)
		printf("id=%s\nheadline=%s\nauthors=%s\ntags=%s\nsource=%s\n"
		       "section=%s\nlanguage=%s\nurl=%s\ndate=%lld\nbody=[%s]\n",
		       s.id[i], s.headline[i], s.authors[i], s.tags[i],
		       s.source[i], s.section[i], s.language[i], s.url[i],
		       (long long)s.date[i], s.body[i]);
	for (i = 0; i < s.n_warn; i++)
		printf("warning %s: %s\n", s.where[i], s.warning[i]);
	seen_free(&s);
	return 0;
}

#endif /* LEDE_TEST_READER_CHECK_H */
