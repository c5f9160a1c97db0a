/* fts5_bench.c: SQLite FTS5 as a peer of lede, indexing and querying.
 * SPDX-License-Identifier: MIT
 *
 * Usage: fts5_bench index DB ARTICLES
 *        fts5_bench search [-r rounds] [-f] DB QUERIES
 *
 * index: creates DB (which must not exist) with one FTS5 table,
 *   articles(id UNINDEXED, headline, body, section UNINDEXED) with the
 *   porter stemmer over unicode61, and loads every record of ARTICLES
 *   (scriptindex's input format, as compare-prep.py writes it) in one
 *   transaction, SQLite's defaults otherwise. Prints "docs N".
 * search: reads the queries (see latency.h), runs them all once, then
 *   times each `rounds` times (default 3): the ten best rows by bm25
 *   (ORDER BY rank) with id and headline, the filter as "section = ?";
 *   with -f also the section facet, a GROUP BY over the same matches,
 *   ten values by count. Words become "w1" OR "w2" (any, as lede and
 *   Xapian read them), a phrase "w1 w2". Statements are prepared once and
 *   re-bound, as a program would. Prints "docs N" and "latency ..." (see
 *   latency.h).
 */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sqlite3.h>

#include "latency.h"

static volatile size_t sink;

static int
fail(sqlite3 *db, const char *what)
{
	fprintf(stderr, "fts5_bench: %s: %s\n", what, sqlite3_errmsg(db));
	return -1;
}

/* One record of the articles file: the four fields the table has. */
typedef struct record {
	char *field[4]; /* id, headline, body, section */
	size_t len[4], cap[4];
} record_t;

static const char *const field_names[4] = { "id", "headline", "body",
					    "section" };

/* Appends s (len bytes) to field i, after a newline when more is true.
 * Returns 0 or -1 when out of memory. */
static int
append(record_t *r, int i, const char *s, size_t len, int more)
{
	size_t need = r->len[i] + len + 2;
	if (need > r->cap[i]) {
		size_t cap = r->cap[i] ? r->cap[i] : 256;
		while (cap < need)
			cap *= 2;
		char *grown = realloc(r->field[i], cap);
		if (!grown)
			return -1;
		r->field[i] = grown;
		r->cap[i] = cap;
	}
	if (more)
		r->field[i][r->len[i]++] = '\n';
	memcpy(r->field[i] + r->len[i], s, len);
	r->len[i] += len;
	r->field[i][r->len[i]] = '\0';
	return 0;
}

static int
insert(sqlite3 *db, sqlite3_stmt *ins, const record_t *r)
{
	for (int i = 0; i < 4; i++)
		sqlite3_bind_text(ins, i + 1, r->field[i] ? r->field[i] : "",
				  (int)r->len[i], SQLITE_STATIC);
	int rc = sqlite3_step(ins);
	sqlite3_reset(ins);
	return rc == SQLITE_DONE ? 0 : fail(db, "insert");
}

static int
load(sqlite3 *db, sqlite3_stmt *ins, FILE *f, const char *path,
     long long *docs)
{
	record_t r;
	memset(&r, 0, sizeof r);
	char *line = NULL;
	size_t linecap = 0, lineno = 0;
	ssize_t len;
	int last = -1, have = 0, rc = 0;
	while (rc == 0 && (len = getline(&line, &linecap, f)) >= 0) {
		lineno++;
		if (len > 0 && line[len - 1] == '\n')
			line[--len] = '\0';
		if (len == 0) {
			if (have) {
				rc = insert(db, ins, &r);
				++*docs;
			}
			for (int i = 0; i < 4; i++)
				r.len[i] = 0;
			last = -1;
			have = 0;
			continue;
		}
		const char *eq = memchr(line, '=', (size_t)len);
		if (!eq) {
			fprintf(stderr, "fts5_bench: %s:%zu: no '='\n", path,
				lineno);
			rc = -1;
			break;
		}
		const char *value = eq + 1;
		size_t vlen = (size_t)(line + len - value);
		if (eq == line) { /* a continuation line */
			if (last >= 0 && append(&r, last, value, vlen, 1) != 0)
				rc = -1;
			continue;
		}
		last = -1;
		for (int i = 0; i < 4; i++)
			if (strlen(field_names[i]) == (size_t)(eq - line) &&
			    !memcmp(line, field_names[i], (size_t)(eq - line)))
				last = i;
		if (last >= 0 && append(&r, last, value, vlen, 0) != 0)
			rc = -1;
		have = 1;
	}
	if (rc == 0 && have) {
		rc = insert(db, ins, &r);
		++*docs;
	}
	if (rc == 0 && ferror(f)) {
		fprintf(stderr, "fts5_bench: cannot read '%s': %s\n", path,
			strerror(errno));
		rc = -1;
	}
	for (int i = 0; i < 4; i++)
		free(r.field[i]);
	free(line);
	return rc;
}

static int
do_index(const char *dbpath, const char *path)
{
	struct stat st;
	if (stat(dbpath, &st) == 0) {
		fprintf(stderr, "fts5_bench: '%s' exists\n", dbpath);
		return 1;
	}
	FILE *f = fopen(path, "r");
	if (!f) {
		fprintf(stderr, "fts5_bench: cannot open '%s': %s\n", path,
			strerror(errno));
		return 1;
	}
	sqlite3 *db;
	sqlite3_stmt *ins = NULL;
	long long docs = 0;
	int rc = sqlite3_open(dbpath, &db) == SQLITE_OK ? 0 : fail(db, "open");
	if (rc == 0 &&
	    sqlite3_exec(db,
			 "CREATE VIRTUAL TABLE articles USING fts5("
			 "id UNINDEXED, headline, body, section UNINDEXED,"
			 " tokenize = 'porter unicode61'); BEGIN",
			 NULL, NULL, NULL) != SQLITE_OK)
		rc = fail(db, "create");
	if (rc == 0 &&
	    sqlite3_prepare_v2(db, "INSERT INTO articles VALUES (?, ?, ?, ?)",
			       -1, &ins, NULL) != SQLITE_OK)
		rc = fail(db, "prepare");
	if (rc == 0)
		rc = load(db, ins, f, path, &docs);
	sqlite3_finalize(ins);
	if (rc == 0 &&
	    sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
		rc = fail(db, "commit");
	sqlite3_close(db);
	fclose(f);
	if (rc == 0)
		printf("docs %lld\n", docs);
	return rc == 0 ? 0 : 1;
}

/* The FTS5 query for q: each word a quoted string (so no word is read as
 * an operator), OR between them; a phrase one quoted string. */
static int
match_text(const bench_query_t *q, char *buf, size_t size)
{
	size_t at = 0;
	const char *w = q->words;
	if (q->kind == BENCH_PHRASE) {
		int n = snprintf(buf, size, "\"%s\"", w);
		return n > 0 && (size_t)n < size ? 0 : -1;
	}
	while (*w) {
		size_t len = strcspn(w, " ");
		int n = snprintf(buf + at, size - at, "%s\"%.*s\"",
				 at ? " OR " : "", (int)len, w);
		if (n < 0 || (size_t)n >= size - at)
			return -1;
		at += (size_t)n;
		w += len;
		w += strspn(w, " ");
	}
	return 0;
}

/* Steps through a statement's rows, reading every column. Returns the
 * number of rows, or -1 after printing why. */
static long
read_rows(sqlite3 *db, sqlite3_stmt *s)
{
	long rows = 0;
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		for (int i = 0; i < sqlite3_column_count(s); i++)
			sink += (size_t)sqlite3_column_bytes(s, i) +
				(size_t)(sqlite3_column_text(s, i) != NULL);
		rows++;
	}
	sqlite3_reset(s);
	return rc == SQLITE_DONE ? rows : fail(db, "step");
}

typedef struct statements {
	sqlite3_stmt *top, *top_filter, *facet, *facet_filter;
} statements_t;

static int
run_one(sqlite3 *db, const statements_t *st, const bench_query_t *q,
	int facet, long *hits)
{
	char match[1024];
	if (match_text(q, match, sizeof match) != 0) {
		fprintf(stderr, "fts5_bench: query too long: '%s'\n", q->words);
		return -1;
	}
	int filter = q->kind == BENCH_FILTER;
	sqlite3_stmt *s[2] = { filter ? st->top_filter : st->top,
			       filter ? st->facet_filter : st->facet };
	for (int i = 0; i < 1 + facet; i++) {
		sqlite3_bind_text(s[i], 1, match, -1, SQLITE_STATIC);
		if (filter)
			sqlite3_bind_text(s[i], 2, q->filter, -1,
					  SQLITE_STATIC);
		long rows = read_rows(db, s[i]);
		if (rows < 0)
			return -1;
		if (i == 0)
			*hits = rows;
	}
	return 0;
}

static int
do_search(const char *dbpath, const char *qpath, unsigned rounds, int facet)
{
	bench_query_t *queries;
	size_t n;
	if (bench_read_queries("fts5_bench", qpath, &queries, &n) != 0)
		return 1;
	sqlite3 *db;
	statements_t st = { NULL, NULL, NULL, NULL };
	sqlite3_stmt *count = NULL;
	int rc = sqlite3_open_v2(dbpath, &db, SQLITE_OPEN_READONLY, NULL) ==
				 SQLITE_OK ?
			 0 :
			 fail(db, "open");
#define TOP "SELECT id, headline FROM articles WHERE articles MATCH ?1"
#define FACET "SELECT section, count(*) AS n FROM articles " \
	      "WHERE articles MATCH ?1"
	const struct {
		sqlite3_stmt **s;
		const char *sql;
	} sql[] = {
		{ &st.top, TOP " ORDER BY rank LIMIT 10" },
		{ &st.top_filter,
		  TOP " AND section = ?2 ORDER BY rank LIMIT 10" },
		{ &st.facet, FACET " GROUP BY section ORDER BY n DESC, section "
				   "LIMIT 10" },
		{ &st.facet_filter,
		  FACET " AND section = ?2 GROUP BY section "
			"ORDER BY n DESC, section LIMIT 10" },
		{ &count, "SELECT count(*) FROM articles" },
	};
	for (size_t i = 0; rc == 0 && i < sizeof sql / sizeof sql[0]; i++)
		if (sqlite3_prepare_v2(db, sql[i].sql, -1, sql[i].s, NULL) !=
		    SQLITE_OK)
			rc = fail(db, "prepare");
	long long docs = 0;
	if (rc == 0 && sqlite3_step(count) == SQLITE_ROW)
		docs = sqlite3_column_int64(count, 0);
	double *ms = malloc(n * rounds * sizeof *ms);
	bench_kind_t *kinds = malloc(n * rounds * sizeof *kinds);
	if (rc == 0 && (!ms || !kinds)) {
		fprintf(stderr, "fts5_bench: out of memory\n");
		rc = -1;
	}
	size_t zero = 0, timed = 0;
	long hits;
	for (size_t i = 0; i < n && rc == 0; i++) { /* warm-up */
		rc = run_one(db, &st, &queries[i], facet, &hits);
		zero += rc == 0 && hits == 0;
	}
	for (unsigned r = 0; r < rounds && rc == 0; r++) {
		for (size_t i = 0; i < n && rc == 0; i++) {
			double t0 = bench_now_ms();
			rc = run_one(db, &st, &queries[i], facet, &hits);
			kinds[timed] = queries[i].kind;
			ms[timed++] = bench_now_ms() - t0;
		}
	}
	if (rc == 0) {
		printf("docs %lld\n", docs);
		rc = bench_report(ms, kinds, timed, zero);
	}
	free(ms);
	free(kinds);
	sqlite3_finalize(st.top);
	sqlite3_finalize(st.top_filter);
	sqlite3_finalize(st.facet);
	sqlite3_finalize(st.facet_filter);
	sqlite3_finalize(count);
	sqlite3_close(db);
	bench_free_queries(queries, n);
	return rc == 0 ? 0 : 1;
}

static void
usage(void)
{
	fprintf(stderr, "usage: fts5_bench index DB ARTICLES\n"
			"       fts5_bench search [-r rounds] [-f] DB "
			"QUERIES\n");
}

int
main(int argc, char **argv)
{
	if (argc == 4 && !strcmp(argv[1], "index"))
		return do_index(argv[2], argv[3]);
	if (argc < 2 || strcmp(argv[1], "search") != 0) {
		usage();
		return 2;
	}
	unsigned rounds = 3;
	int facet = 0, c;
	optind = 2;
	while ((c = getopt(argc, argv, "r:f")) != -1) {
		if (c == 'r') {
			if (bench_parse_rounds("fts5_bench", optarg,
					       &rounds) != 0)
				return 2;
		} else if (c == 'f') {
			facet = 1;
		} else {
			usage();
			return 2;
		}
	}
	if (argc - optind != 2) {
		usage();
		return 2;
	}
	return do_search(argv[optind], argv[optind + 1], rounds, facet);
}
