/* test_property.c: any word of an article, typed any natural way, finds it.
 * SPDX-License-Identifier: MIT
 *
 * On real news (a seeded sample of the BBC corpus and the Polish entries
 * of two days of the RSS corpus, when ../shared is present) every sampled
 * word is searched as written, upper-cased and with its accents stripped,
 * each time restricted to the article it came from; every search must
 * find that article. Skipped (exit 77) without the corpora.
 *
 * usage: test_property CORPORA_DIR SCRATCH_DIR
 */
#define _POSIX_C_SOURCE 200809L

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <utf8proc.h>

#include "analyze.h"
#include "check.h"
#include "lede.h"

#define BBC_ARTICLES 500
#define WORDS_PER_CORPUS 1000
#define RSS_DAYS "2023/10/2023-10-01 2023/10/2023-10-02"

typedef struct article {
	char *id;
	char *text; /* headline, newline, body */
} article_t;

typedef struct corpus {
	article_t *a;
	size_t n, cap;
} corpus_t;

static uint64_t rng_state = 0x2545F4914F6CDD1DULL;

/* xorshift64*: the same sample on every machine. */
static uint64_t
rng(void)
{
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return rng_state * 0x2545F4914F6CDD1DULL;
}

static char *
read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	long n = ftell(f);
	fseek(f, 0, SEEK_SET);
	char *buf = n >= 0 ? malloc((size_t)n + 1) : NULL;
	if (buf && fread(buf, 1, (size_t)n, f) != (size_t)n) {
		free(buf);
		buf = NULL;
	}
	fclose(f);
	if (buf) {
		buf[n] = '\0';
		*len = (size_t)n;
	}
	return buf;
}

static char *
dup_printf2(const char *a, const char *sep, const char *b)
{
	size_t n = strlen(a) + strlen(sep) + strlen(b) + 1;
	char *s = malloc(n);
	if (s)
		snprintf(s, n, "%s%s%s", a, sep, b);
	return s;
}

typedef struct sink {
	lede_db_t *db;
	corpus_t *corpus;
	const char *want_language; /* only articles in it, or NULL */
} sink_t;

/* Ids that a query can name without quoting trouble. */
static int
plain_id(const char *id)
{
	return !strpbrk(id, " \t\"()");
}

static int
keep_article(void *ctx, const lede_article_t *a)
{
	sink_t *s = ctx;
	if (s->want_language &&
	    (!a->language || strncmp(a->language, s->want_language, 2)))
		return 0;
	if (!a->id || !plain_id(a->id))
		return 0;
	if (lede_db_add(s->db, a) != LEDE_OK) {
		fprintf(stderr, "cannot add %s: %s\n", a->id,
			lede_errmsg(s->db));
		check_failed++;
		return 1;
	}
	corpus_t *c = s->corpus;
	if (c->n == c->cap) {
		c->cap = c->cap ? c->cap * 2 : 256;
		c->a = realloc(c->a, c->cap * sizeof *c->a);
	}
	article_t *art = &c->a[c->n++];
	art->id = strdup(a->id);
	art->text = dup_printf2(a->headline ? a->headline : "", "\n",
				a->body ? a->body : "");
	return 0;
}

static void
ignore_warning(void *ctx, const char *where, const char *message)
{
	(void)ctx;
	(void)where;
	(void)message;
}

static int
compare_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Indexes a seeded sample of BBC_ARTICLES BBC articles. */
static void
load_bbc(sink_t *s, const char *bbc)
{
	static const char *const sections[] = { "business", "entertainment",
						"politics", "sport", "tech" };
	char **paths = NULL;
	size_t n = 0, cap = 0;
	for (size_t i = 0; i < 5; i++) {
		char dir[4200];
		if (snprintf(dir, sizeof dir, "%s/%s", bbc, sections[i]) >=
		    (int)sizeof dir)
			continue;
		DIR *d = opendir(dir);
		struct dirent *e;
		while (d && (e = readdir(d))) {
			if (e->d_name[0] == '.')
				continue;
			if (n == cap) {
				cap = cap ? cap * 2 : 1024;
				paths = realloc(paths, cap * sizeof *paths);
			}
			char rel[512];
			snprintf(rel, sizeof rel, "%s/%s", sections[i],
				 e->d_name);
			paths[n++] = strdup(rel);
		}
		if (d)
			closedir(d);
	}
	qsort(paths, n, sizeof *paths, compare_str);
	for (size_t k = 0; k < BBC_ARTICLES && n > 0; k++) {
		size_t i = (size_t)(rng() % n);
		char path[4700];
		snprintf(path, sizeof path, "%s/%s", bbc, paths[i]);
		size_t len;
		char *buf = read_file(path, &len);
		if (buf)
			lede_parse_buffer(paths[i], buf, len, LEDE_FORMAT_TEXT,
					  keep_article, ignore_warning, s);
		free(buf);
		free(paths[i]);
		paths[i] = paths[--n]; /* sample without replacement */
	}
	for (size_t i = 0; i < n; i++)
		free(paths[i]);
	free(paths);
}

/* Indexes the Polish entries of two days of the RSS corpus. */
static int
load_polish(sink_t *s, const char *rss_tar, const char *scratch)
{
	char cmd[16384];
	if (snprintf(cmd, sizeof cmd,
		     "mkdir -p '%s/rss' && tar xzf '%s' -C '%s/rss' " RSS_DAYS,
		     scratch, rss_tar, scratch) >= (int)sizeof cmd)
		return -1;
	if (system(cmd) != 0)
		return -1;
	const char *days[] = { "2023/10/2023-10-01", "2023/10/2023-10-02" };
	for (size_t d = 0; d < 2; d++) {
		char dir[4600];
		snprintf(dir, sizeof dir, "%s/rss/%s", scratch, days[d]);
		DIR *dp = opendir(dir);
		if (!dp)
			return -1;
		char **names = NULL;
		size_t n = 0;
		struct dirent *e;
		while ((e = readdir(dp))) {
			if (e->d_name[0] == '.')
				continue;
			names = realloc(names, (n + 1) * sizeof *names);
			names[n++] = strdup(e->d_name);
		}
		closedir(dp);
		qsort(names, n, sizeof *names, compare_str);
		for (size_t i = 0; i < n; i++) {
			char path[4900];
			snprintf(path, sizeof path, "%s/%s", dir, names[i]);
			size_t len;
			char *buf = read_file(path, &len);
			if (buf)
				lede_parse_buffer(names[i], buf, len,
						  LEDE_FORMAT_JSONL,
						  keep_article,
						  ignore_warning, s);
			free(buf);
			free(names[i]);
		}
		free(names);
	}
	return 0;
}

typedef struct words {
	size_t start[4096], end[4096];
	size_t n;
} words_t;

static int
collect_word(void *ctx, const ldi_token_t *tok)
{
	words_t *w = ctx;
	if (tok->kind == LDI_TOKEN_WORD && w->n < 4096) {
		w->start[w->n] = tok->start;
		w->end[w->n] = tok->end;
		w->n++;
	}
	return 0;
}

/* s with every code point upper-cased (malloc'ed). */
static char *
upper(const char *s)
{
	size_t len = strlen(s);
	char *out = malloc(len * 4 + 1), *o = out;
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
	utf8proc_int32_t cp;
	while (*p) {
		utf8proc_ssize_t n = utf8proc_iterate(p, -1, &cp);
		if (n <= 0)
			break;
		p += n;
		o += utf8proc_encode_char(utf8proc_toupper(cp),
					  (utf8proc_uint8_t *)o);
	}
	*o = '\0';
	return out;
}

/* s without its accents (malloc'ed). */
static char *
unaccented(const char *s)
{
	utf8proc_uint8_t *out = NULL;
	utf8proc_map((const utf8proc_uint8_t *)s, 0, &out,
		     UTF8PROC_NULLTERM | UTF8PROC_STABLE |
			     UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK);
	return (char *)out;
}

static unsigned misses_shown;

/* 1 if `word id:ID` finds the article. */
static int
finds(lede_db_t *db, const char *word, const char *id)
{
	char *q = NULL;
	size_t n = strlen(word) + strlen(id) + 8;
	q = malloc(n);
	snprintf(q, n, "%s id:%s", word, id);
	lede_query_t *query = NULL;
	lede_results_t *r = NULL;
	uint64_t total = 0;
	if (lede_query_new(db, q, LEDE_NTS, &query) == LEDE_OK &&
	    lede_query_run(query, &r) == LEDE_OK)
		lede_results_total(r, &total, NULL);
	else if (misses_shown < 20)
		fprintf(stderr, "query '%s': %s\n", q, lede_errmsg(db));
	lede_results_free(r);
	lede_query_free(query);
	free(q);
	return total > 0;
}

static void
sample_words(lede_db_t *db, const corpus_t *c, const char *name)
{
	unsigned tried = 0, found[3] = { 0, 0, 0 };
	for (unsigned k = 0; k < WORDS_PER_CORPUS && c->n > 0; k++) {
		const article_t *a = &c->a[rng() % c->n];
		words_t w;
		w.n = 0;
		ldi_analyze(a->text, strlen(a->text), collect_word, &w);
		if (w.n == 0) {
			k--;
			continue;
		}
		size_t i = (size_t)(rng() % w.n);
		size_t len = w.end[i] - w.start[i];
		char *word = malloc(len + 1);
		memcpy(word, a->text + w.start[i], len);
		word[len] = '\0';
		char *forms[3] = { word, upper(word), unaccented(word) };
		/* "AND", "OR" and "NOT" are operators: typed as words, they
		 * are quoted. */
		for (int f = 0; f < 3; f++) {
			if (forms[f] && (!strcmp(forms[f], "AND") ||
					 !strcmp(forms[f], "OR") ||
					 !strcmp(forms[f], "NOT"))) {
				char *quoted = dup_printf2("\"", forms[f],
							   "\"");
				free(forms[f]);
				forms[f] = quoted;
			}
		}
		static const char *const how[] = { "as written", "upper-cased",
						   "without accents" };
		tried++;
		for (int f = 0; f < 3; f++) {
			if (forms[f] && finds(db, forms[f], a->id)) {
				found[f]++;
			} else if (misses_shown++ < 20) {
				fprintf(stderr, "%s: '%s' (%s) does not find "
						"%s\n",
					name, forms[f] ? forms[f] : "?",
					how[f], a->id);
			}
		}
		for (int f = 0; f < 3; f++)
			free(forms[f]);
	}
	printf("%s: %u words; found as written %u, upper-cased %u, "
	       "without accents %u\n",
	       name, tried, found[0], found[1], found[2]);
	for (int f = 0; f < 3; f++)
		CHECK_INT(found[f], tried);
}

static void
free_corpus(corpus_t *c)
{
	for (size_t i = 0; i < c->n; i++) {
		free(c->a[i].id);
		free(c->a[i].text);
	}
	free(c->a);
}

int
main(int argc, char **argv)
{
	if (argc < 3) {
		fprintf(stderr, "usage: test_property CORPORA SCRATCH\n");
		return 2;
	}
	char bbc[4096], rss[4096];
	snprintf(bbc, sizeof bbc, "%s/bbc", argv[1]);
	snprintf(rss, sizeof rss,
		 "%s/rss-link-database-2023q4/rss-2023-q4-entries-json.tar.gz",
		 argv[1]);
	struct stat sb;
	if (stat(bbc, &sb) != 0 || stat(rss, &sb) != 0) {
		printf("skipped: no corpora at %s\n", argv[1]);
		return 77;
	}
	char scratch[4096];
	snprintf(scratch, sizeof scratch, "%s/property-XXXXXX", argv[2]);
	mkdir(argv[2], 0777);
	if (!mkdtemp(scratch)) {
		perror("mkdtemp");
		return 1;
	}
	char dbpath[4200];
	snprintf(dbpath, sizeof dbpath, "%s/db", scratch);
	lede_db_t *db = NULL;
	CHECK_INT(lede_db_open(dbpath, LEDE_OPEN_CREATE, &db, NULL), LEDE_OK);
	corpus_t english = { 0 }, polish = { 0 };
	sink_t s = { db, &english, NULL };
	load_bbc(&s, bbc);
	s.corpus = &polish;
	s.want_language = "pl";
	CHECK_INT(load_polish(&s, rss, scratch), 0);
	CHECK_INT(lede_db_close(db), LEDE_OK);
	printf("indexed %zu BBC and %zu Polish articles\n", english.n,
	       polish.n);
	CHECK(english.n >= BBC_ARTICLES / 2);
	CHECK(polish.n >= 100);

	CHECK_INT(lede_db_open(dbpath, LEDE_OPEN_READ, &db, NULL), LEDE_OK);
	sample_words(db, &english, "BBC");
	sample_words(db, &polish, "Polish RSS");
	lede_db_close(db);
	free_corpus(&english);
	free_corpus(&polish);

	char cmd[4300];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", scratch);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", scratch);
	return CHECK_DONE();
}
