/* test_json.c: results as JSON (lede_results_json, lede_results_hit_json,
 * lede_results_article_json), through include/lede.h only, and the same
 * text as lede-search prints.
 * SPDX-License-Identifier: MIT
 *
 * usage: test_json SCRATCH_DIR [LEDE_SEARCH]
 * The JSON is parsed back with jansson and checked value by value on
 * articles whose counts are known by construction (those of
 * tests/cli/T220-facets.sh). Given the path of lede-search, the test also
 * runs it on the same index and compares its output with the library's,
 * byte for byte (took_ms, a time, aside).
 */
#define _POSIX_C_SOURCE 200809L

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <jansson.h>

#include "check.h"
#include "lede.h"

static char path[4200];

struct fixture {
	const char *id, *body, *date, *section, *source, *place1, *place2;
};

/* Eight articles say "harbour" once, in bodies of the same length; a09
 * does not. a08 has no date. */
static const struct fixture articles[] = {
	{"a01", "The harbour strike went on.", "2023-10-02T10:00:00Z",
	 "business", "Coast Post", "London", NULL},
	{"a02", "The harbour crowd went on.", "2023-10-15T10:00:00Z",
	 "business", "Coast Post", "London", "Paris"},
	{"a03", "The harbour strike went on.", "2023-11-01T10:00:00Z",
	 "politics", "Daily Wire", "Paris", NULL},
	{"a04", "The harbour crowd went on.", "2023-11-03T10:00:00Z",
	 "politics", "Coast Post", "Berlin", NULL},
	{"a05", "The harbour strike went on.", "2023-11-20T10:00:00Z",
	 "sport", "Daily Wire", "London", NULL},
	{"a06", "The harbour crowd went on.", "2023-12-05T10:00:00Z",
	 "business", "Daily Wire", NULL, NULL},
	{"a07", "The harbour strike went on.", "2024-01-10T10:00:00Z",
	 "world", "Evening Star", "Berlin", "London"},
	{"a08", "The harbour crowd went on.", NULL, "culture",
	 "Evening Star", NULL, NULL},
	{"a09", "The bakery opened its doors.", "2023-10-20T10:00:00Z",
	 "business", "Coast Post", "Rome", NULL},
};
#define N_ARTICLES (sizeof articles / sizeof articles[0])

static void build(void)
{
	lede_db_t *db = NULL;
	size_t i;

	CHECK_INT(lede_db_open(path, LEDE_OPEN_CREATE, &db, NULL), LEDE_OK);
	for (i = 0; db && i < N_ARTICLES; i++) {
		const struct fixture *f = &articles[i];
		const char *places[2];
		char headline[64];
		lede_article_t a = {0};

		snprintf(headline, sizeof headline, "Dock news %zu", i + 1);
		a.id = f->id;
		a.headline = headline;
		a.body = f->body;
		a.section = f->section;
		a.source = f->source;
		a.language = "en";
		places[0] = f->place1;
		places[1] = f->place2;
		a.places = places;
		a.n_places = f->place2 ? 2 : f->place1 ? 1 : 0;
		a.date = LEDE_NO_DATE;
		if (f->date)
			CHECK_INT(lede_date_parse(f->date, LEDE_NTS, &a.date),
				  LEDE_OK);
		CHECK_INT(lede_db_add(db, &a), LEDE_OK);
	}
	CHECK_INT(lede_db_close(db), LEDE_OK);
}

/* The query of the CLI comparison: "harbour", oldest first, three hits,
 * facets section, source:2 and place, a timeline by month. */
static lede_query_t *facet_query(lede_db_t *db)
{
	lede_query_t *q = NULL;

	CHECK_INT(lede_query_new(db, "harbour", LEDE_NTS, &q), LEDE_OK);
	CHECK_INT(lede_query_set_limit(q, 3), LEDE_OK);
	CHECK_INT(lede_query_set_sort(q, LEDE_SORT_OLDEST, 0), LEDE_OK);
	CHECK_INT(lede_query_add_facet(q, LEDE_FIELD_SECTION, 0), LEDE_OK);
	CHECK_INT(lede_query_add_facet(q, LEDE_FIELD_SOURCE, 2), LEDE_OK);
	CHECK_INT(lede_query_add_facet(q, LEDE_FIELD_PLACE, 0), LEDE_OK);
	CHECK_INT(lede_query_set_timeline(q, LEDE_TIMELINE_MONTH), LEDE_OK);
	return q;
}

/* The results rendered with flags, parsed; NULL (a failed check) when
 * either step fails. *text (optional) gets the text, to lede_free. */
static json_t *render(lede_results_t *r, unsigned flags, char **text)
{
	char *json = NULL;
	json_t *v = NULL;
	json_error_t err;

	CHECK_INT(lede_results_json(r, flags, &json), LEDE_OK);
	if (json) {
		v = json_loads(json, 0, &err);
		if (!v)
			fprintf(stderr, "not JSON (%s): %s\n", err.text, json);
		CHECK(v != NULL);
	}
	if (text)
		*text = json;
	else
		lede_free(json);
	return v;
}

/* The keys of obj, space-separated, in their order in the text. */
static void keys_of(json_t *obj, char *buf, size_t size)
{
	const char *key;
	json_t *value;
	size_t n = 0;

	buf[0] = '\0';
	json_object_foreach(obj, key, value) {
		(void)value;
		n += (size_t)snprintf(buf + n, n < size ? size - n : 0, "%s%s",
				      n ? " " : "", key);
	}
}

/* The values of a list of {key, "count"} objects as "value:count ...". */
static void counts_of(const json_t *list, const char *key, char *buf,
		      size_t size)
{
	size_t i, n = 0;
	json_t *o;

	buf[0] = '\0';
	if (!json_is_array(list)) {
		snprintf(buf, size, "(not a list)");
		return;
	}
	json_array_foreach(list, i, o) {
		n += (size_t)snprintf(
			buf + n, n < size ? size - n : 0, "%s%s:%lld",
			n ? " " : "",
			json_string_value(json_object_get(o, key)),
			(long long)json_integer_value(
				json_object_get(o, "count")));
	}
}

static void ids_of(const json_t *hits, char *buf, size_t size)
{
	size_t i, n = 0;
	json_t *hit;

	buf[0] = '\0';
	json_array_foreach(hits, i, hit) {
		n += (size_t)snprintf(buf + n, n < size ? size - n : 0, "%s%s",
				      n ? " " : "",
				      json_string_value(
					      json_object_get(hit, "id")));
	}
}

/* The document's values, checked one by one. */
static void test_values(lede_db_t *db)
{
	lede_query_t *q = facet_query(db);
	lede_results_t *r = NULL;
	json_t *doc;
	char buf[512];

	CHECK_INT(lede_query_run(q, &r), LEDE_OK);
	doc = render(r, LEDE_JSON_PRETTY, NULL);
	if (!doc) {
		lede_results_free(r);
		lede_query_free(q);
		return;
	}
	keys_of(doc, buf, sizeof buf);
	CHECK_STR(buf, "format_version query total hits facets timeline "
		       "counts_exact took_ms");
	CHECK_INT(json_integer_value(json_object_get(doc, "format_version")),
		  LEDE_JSON_FORMAT_VERSION);
	CHECK_STR(json_string_value(json_object_get(doc, "query")), "harbour");
	json_t *total = json_object_get(doc, "total");
	CHECK_INT(json_integer_value(json_object_get(total, "estimate")), 8);
	CHECK(json_is_true(json_object_get(total, "exact")));
	ids_of(json_object_get(doc, "hits"), buf, sizeof buf);
	CHECK_STR(buf, "a01 a02 a03");
	json_t *hit = json_array_get(json_object_get(doc, "hits"), 1);
	CHECK_INT(json_integer_value(json_object_get(hit, "rank")), 2);
	CHECK_STR(json_string_value(json_object_get(hit, "date")),
		  "2023-10-15T10:00:00Z");
	CHECK_STR(json_string_value(json_object_get(hit, "snippet")),
		  "The harbour crowd went on.");
	CHECK_INT(json_integer_value(json_array_get(
			  json_array_get(json_object_get(hit, "highlights"),
					 0),
			  0)),
		  4);

	json_t *facets = json_object_get(doc, "facets");
	keys_of(facets, buf, sizeof buf);
	CHECK_STR(buf, "section source place");
	counts_of(json_object_get(facets, "section"), "value", buf,
		  sizeof buf);
	CHECK_STR(buf, "business:3 politics:2 culture:1 sport:1 world:1");
	counts_of(json_object_get(facets, "source"), "value", buf,
		  sizeof buf);
	CHECK_STR(buf, "Coast Post:3 Daily Wire:3");
	counts_of(json_object_get(facets, "place"), "value", buf, sizeof buf);
	CHECK_STR(buf, "London:4 Berlin:2 Paris:2");
	counts_of(json_object_get(doc, "timeline"), "period", buf,
		  sizeof buf);
	CHECK_STR(buf, "2023-10:2 2023-11:3 2023-12:1 2024-01:1");
	CHECK(json_is_true(json_object_get(doc, "counts_exact")));
	json_t *took = json_object_get(doc, "took_ms");
	CHECK(json_is_integer(took));
	CHECK(json_integer_value(took) ==
	      (json_int_t)floor(lede_results_took_ms(r) + 0.5));
	CHECK(lede_results_took_ms(r) > 0);
	json_decref(doc);
	lede_results_free(r);
	lede_query_free(q);
}

/* lede_results_json walks the page on its own: the cursor stays. */
static void test_cursor(lede_db_t *db)
{
	lede_query_t *q = facet_query(db);
	lede_results_t *r = NULL;
	char *first = NULL, *again = NULL, *compact = NULL;
	json_t *doc;

	CHECK_INT(lede_query_run(q, &r), LEDE_OK);
	/* Before any hit: all of them, and then the first is still first. */
	doc = render(r, LEDE_JSON_PRETTY, &first);
	CHECK_INT(json_array_size(json_object_get(doc, "hits")), 3);
	json_decref(doc);
	CHECK_INT(lede_results_next(r), LEDE_OK);
	CHECK_STR(lede_results_field(r, LEDE_FIELD_ID, 0), "a01");
	/* On a hit: the same document, and the hit and the strings borrowed
	 * from it are unchanged. */
	const char *id = lede_results_field(r, LEDE_FIELD_ID, 0);
	doc = render(r, LEDE_JSON_PRETTY, &again);
	json_decref(doc);
	CHECK(first && again && !strcmp(first, again));
	CHECK_STR(id, "a01");
	CHECK_INT(lede_results_rank(r), 1);
	CHECK_STR(lede_results_field(r, LEDE_FIELD_ID, 0), "a01");
	/* Its hit alone is the document's first, byte for byte. */
	char *hit = NULL;
	CHECK_INT(lede_results_hit_json(r, 0, &hit), LEDE_OK);
	doc = render(r, 0, &compact);
	char *want = json_dumps(json_array_get(json_object_get(doc, "hits"), 0),
				JSON_COMPACT);
	CHECK_STR(hit, want);
	CHECK(compact && !strchr(compact, '\n') && !strstr(compact, ": "));
	free(want);
	json_decref(doc);
	lede_free(hit);
	CHECK_INT(lede_results_next(r), LEDE_OK);
	CHECK_STR(lede_results_field(r, LEDE_FIELD_ID, 0), "a02");
	CHECK_INT(lede_results_next(r), LEDE_OK);
	CHECK_INT(lede_results_next(r), LEDE_DONE);
	/* After the last: still every hit, and still done. */
	doc = render(r, LEDE_JSON_PRETTY, NULL);
	CHECK_INT(json_array_size(json_object_get(doc, "hits")), 3);
	json_decref(doc);
	CHECK_INT(lede_results_next(r), LEDE_DONE);
	lede_free(first);
	lede_free(again);
	lede_free(compact);
	lede_results_free(r);
	lede_query_free(q);
}

/* What is listed is what the query asked when it ran. */
static void test_asked(lede_db_t *db)
{
	lede_query_t *q = NULL;
	lede_results_t *r = NULL;
	json_t *doc;
	char buf[512];

	CHECK_INT(lede_query_new(db, "harbour", LEDE_NTS, &q), LEDE_OK);
	CHECK_INT(lede_query_add_facet(q, LEDE_FIELD_PLACE, 1), LEDE_OK);
	CHECK_INT(lede_query_add_facet(q, LEDE_FIELD_LANGUAGE, 0), LEDE_OK);
	/* Asked again: the new maximum, in the first place. */
	CHECK_INT(lede_query_add_facet(q, LEDE_FIELD_PLACE, 2), LEDE_OK);
	CHECK_INT(lede_query_add_significant(q, LEDE_FIELD_SECTION, 0),
		  LEDE_OK);
	CHECK_INT(lede_query_set_limit(q, 0), LEDE_OK);
	CHECK_INT(lede_query_run(q, &r), LEDE_OK);
	/* Changed after the run: not these results' business. */
	CHECK_INT(lede_query_add_facet(q, LEDE_FIELD_SECTION, 0), LEDE_OK);
	CHECK_INT(lede_query_set_timeline(q, LEDE_TIMELINE_YEAR), LEDE_OK);
	CHECK_INT(lede_query_set_explain(q, 1), LEDE_OK);
	CHECK_INT(lede_query_set_like(q, "a01"), LEDE_OK);
	doc = render(r, LEDE_JSON_PRETTY, NULL);
	keys_of(doc, buf, sizeof buf);
	CHECK_STR(buf, "format_version query total hits facets counts_exact "
		       "significant took_ms");
	keys_of(json_object_get(doc, "facets"), buf, sizeof buf);
	CHECK_STR(buf, "place language");
	counts_of(json_object_get(json_object_get(doc, "facets"), "place"),
		  "value", buf, sizeof buf);
	CHECK_STR(buf, "London:4 Berlin:2");
	counts_of(json_object_get(json_object_get(doc, "facets"), "language"),
		  "value", buf, sizeof buf);
	CHECK_STR(buf, "en:8");
	CHECK(json_is_array(json_object_get(
		json_object_get(doc, "significant"), "section")));
	json_decref(doc);
	lede_results_free(r);

	/* Run again: now the like id, the explain and the timeline. */
	CHECK_INT(lede_query_run(q, &r), LEDE_OK);
	doc = render(r, LEDE_JSON_PRETTY, NULL);
	keys_of(doc, buf, sizeof buf);
	CHECK_STR(buf, "format_version query like total hits explain facets "
		       "timeline counts_exact significant took_ms");
	CHECK_STR(json_string_value(json_object_get(doc, "like")), "a01");
	json_t *explain = json_object_get(doc, "explain");
	CHECK_STR(json_string_value(json_object_get(explain, "parsed")),
		  lede_query_describe(q));
	const char *clause, *field, *matches;
	size_t n = 0;
	while (lede_query_part(q, n, &clause, &field, &matches) == LEDE_OK)
		n++;
	CHECK(n >= 2);
	CHECK_INT(json_array_size(json_object_get(explain, "parts")), n);
	counts_of(json_object_get(doc, "timeline"), "period", buf,
		  sizeof buf);
	CHECK_STR(buf, "2023:5 2024:1");
	json_decref(doc);
	lede_results_free(r);
	lede_query_free(q);
}

/* Every status the functions document, without a crash. */
static void test_misuse(lede_db_t *db)
{
	lede_query_t *q = facet_query(db);
	lede_results_t *r = NULL;
	static char unset[] = "unset";
	char *json = unset;

	CHECK_INT(lede_results_json(NULL, 0, &json), LEDE_MISUSE);
	CHECK(json == NULL);
	CHECK_INT(lede_results_hit_json(NULL, 0, &json), LEDE_MISUSE);
	CHECK_INT(lede_results_article_json(NULL, 0, &json), LEDE_MISUSE);
	CHECK(lede_results_took_ms(NULL) == 0);
	CHECK_INT(lede_query_run(q, &r), LEDE_OK);
	CHECK_INT(lede_results_json(r, 0, NULL), LEDE_MISUSE);
	CHECK(strstr(lede_results_errmsg(r), "json is NULL") != NULL);
	json = unset;
	CHECK_INT(lede_results_json(r, 0x80, &json), LEDE_MISUSE);
	CHECK(json == NULL);
	CHECK(strstr(lede_results_errmsg(r), "unknown flags") != NULL);
	/* No current hit: before the first, and after the last. */
	CHECK_INT(lede_results_hit_json(r, 0, &json), LEDE_MISUSE);
	CHECK(strstr(lede_results_errmsg(r), "no current hit") != NULL);
	CHECK_INT(lede_results_article_json(r, 0, &json), LEDE_MISUSE);
	while (lede_results_next(r) == LEDE_OK)
		;
	CHECK_INT(lede_results_hit_json(r, LEDE_JSON_PRETTY, &json),
		  LEDE_MISUSE);
	CHECK(json == NULL);
	CHECK_INT(lede_results_article_json(r, 0, NULL), LEDE_MISUSE);
	lede_results_free(r);
	lede_query_free(q);
}

/* --show's object: the article whole, with its body, no rank. */
static void test_article(lede_db_t *db)
{
	lede_query_t *q = NULL;
	lede_results_t *r = NULL;
	char *json = NULL;

	CHECK_INT(lede_query_new(db, "id:a02", LEDE_NTS, &q), LEDE_OK);
	CHECK_INT(lede_query_run(q, &r), LEDE_OK);
	CHECK_INT(lede_results_next(r), LEDE_OK);
	CHECK_INT(lede_results_article_json(r, 0, &json), LEDE_OK);
	json_t *doc = json ? json_loads(json, 0, NULL) : NULL;
	json_t *a = json_object_get(doc, "article");
	char buf[256];
	keys_of(doc, buf, sizeof buf);
	CHECK_STR(buf, "format_version article");
	keys_of(a, buf, sizeof buf);
	CHECK_STR(buf, "id headline date source section language places "
		       "words body");
	CHECK_STR(json_string_value(json_object_get(a, "body")),
		  "The harbour crowd went on.");
	json_decref(doc);
	lede_free(json);
	lede_results_free(r);
	lede_query_free(q);
}

/* ---- The same text as lede-search ---------------------------------- */

/* What argv prints on stdout, malloc'ed; NULL when it cannot run or
 * fails. */
static char *run_capture(char *const argv[])
{
	int fd[2];
	pid_t pid;
	char *out = NULL;
	size_t n = 0, cap = 0;
	int status;

	if (pipe(fd) != 0)
		return NULL;
	pid = fork();
	if (pid < 0)
		return NULL;
	if (pid == 0) {
		dup2(fd[1], 1);
		close(fd[0]);
		close(fd[1]);
		execv(argv[0], argv);
		_exit(127);
	}
	close(fd[1]);
	for (;;) {
		if (n + 4096 + 1 > cap) {
			char *grown = realloc(out, cap = cap * 2 + 8192);
			if (!grown)
				break;
			out = grown;
		}
		ssize_t got = read(fd[0], out + n, cap - n - 1);
		if (got <= 0)
			break;
		n += (size_t)got;
	}
	close(fd[0]);
	if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status) ||
	    WEXITSTATUS(status) != 0 || !out) {
		free(out);
		return NULL;
	}
	out[n] = '\0';
	return out;
}

/* Puts 0 for every took_ms value in s (pretty or compact). */
static void zero_took(char *s)
{
	char *p = s;

	while ((p = strstr(p, "\"took_ms\":")) != NULL) {
		p += strlen("\"took_ms\":");
		if (*p == ' ')
			p++;
		char *end = p;
		while (*end >= '0' && *end <= '9')
			end++;
		if (end > p) {
			*p = '0';
			memmove(p + 1, end, strlen(end) + 1);
		}
	}
}

/* lede-search with args on our index; the output with took_ms zeroed. */
static char *cli(const char *prog, const char *const *args)
{
	char *argv[32];
	size_t n = 0, i;

	argv[n++] = strdup(prog);
	argv[n++] = strdup("--db");
	argv[n++] = strdup(path);
	while (*args && n < 31)
		argv[n++] = strdup(*args++);
	argv[n] = NULL;
	char *out = NULL;
	for (i = 0; i < n && argv[i]; i++)
		;
	if (i == n)
		out = run_capture(argv);
	for (i = 0; i < n; i++)
		free(argv[i]);
	CHECK(out != NULL);
	if (out)
		zero_took(out);
	return out;
}

/* s with a newline after it, took_ms zeroed; lede_free'd. */
static char *as_printed(char *s)
{
	size_t len = s ? strlen(s) : 0;
	char *out = malloc(len + 2);

	if (out) {
		memcpy(out, s ? s : "", len);
		out[len] = '\n';
		out[len + 1] = '\0';
		zero_took(out);
	}
	lede_free(s);
	return out;
}

static void check_same(const char *what, const char *got, const char *want)
{
	if (got && want && !strcmp(got, want)) {
		check_passed++;
		return;
	}
	check_failed++;
	fprintf(stderr, "%s:%d: %s: lede-search printed\n%s\nlede.h gave\n%s\n",
		__FILE__, __LINE__, what, want ? want : "(nothing)",
		got ? got : "(nothing)");
}

static void test_cli(lede_db_t *db, const char *prog)
{
	static const char *const search[] = {
		"--format", "json", "--limit", "3", "--sort", "oldest",
		"--facet", "section", "--facet", "source:2", "--facet",
		"place", "--timeline", "month", "harbour", NULL
	};
	static const char *const jsonl[] = {
		"--format", "jsonl", "--limit", "3", "--sort", "oldest",
		"--facet", "section", "--facet", "source:2", "--facet",
		"place", "--timeline", "month", "harbour", NULL
	};
	static const char *const show[] = { "--show", "a07", "--format",
					    "json", NULL };
	lede_query_t *q = facet_query(db);
	lede_results_t *r = NULL;
	char *json = NULL;

	CHECK_INT(lede_query_run(q, &r), LEDE_OK);
	char *want = cli(prog, search);
	CHECK_INT(lede_results_json(r, LEDE_JSON_PRETTY, &json), LEDE_OK);
	char *got = as_printed(json);
	check_same("--format json", got, want);
	free(got);
	free(want);

	/* jsonl: each hit on a line. */
	want = cli(prog, jsonl);
	size_t len = 0, cap = 4096;
	got = calloc(1, cap);
	while (got && lede_results_next(r) == LEDE_OK) {
		json = NULL;
		CHECK_INT(lede_results_hit_json(r, 0, &json), LEDE_OK);
		char *line = as_printed(json);
		size_t n = line ? strlen(line) : 0;
		if (len + n + 1 > cap) {
			char *grown = realloc(got, cap = 2 * (len + n + 1));
			if (!grown) {
				free(line);
				break;
			}
			got = grown;
		}
		memcpy(got + len, line ? line : "", n + 1);
		len += n;
		free(line);
	}
	check_same("--format jsonl", got, want);
	free(got);
	free(want);
	lede_results_free(r);
	lede_query_free(q);

	/* --batch: one compact document per query line. */
	char batch[4300];
	snprintf(batch, sizeof batch, "%s.batch", path);
	FILE *f = fopen(batch, "w");
	CHECK(f != NULL);
	if (f) {
		fputs("harbour\n", f);
		fclose(f);
	}
	const char *const batch_args[] = { "--limit",  "3",	  "--sort",
					   "oldest",   "--facet", "section",
					   "--facet",  "source:2", "--facet",
					   "place",    "--timeline", "month",
					   "--batch",  batch,	  NULL };
	want = cli(prog, batch_args);
	q = facet_query(db);
	CHECK_INT(lede_query_run(q, &r), LEDE_OK);
	json = NULL;
	CHECK_INT(lede_results_json(r, 0, &json), LEDE_OK);
	got = as_printed(json);
	check_same("--batch", got, want);
	free(got);
	free(want);
	lede_results_free(r);
	lede_query_free(q);

	/* --show ID --format json. */
	want = cli(prog, show);
	CHECK_INT(lede_query_new(db, "id:a07", LEDE_NTS, &q), LEDE_OK);
	CHECK_INT(lede_query_set_limit(q, 1), LEDE_OK);
	CHECK_INT(lede_query_run(q, &r), LEDE_OK);
	CHECK_INT(lede_results_next(r), LEDE_OK);
	json = NULL;
	CHECK_INT(lede_results_article_json(r, LEDE_JSON_PRETTY, &json),
		  LEDE_OK);
	got = as_printed(json);
	check_same("--show", got, want);
	free(got);
	free(want);
	lede_results_free(r);
	lede_query_free(q);
}

int main(int argc, char **argv)
{
	lede_db_t *db = NULL;

	snprintf(path, sizeof path, "%s/json.lede", argc > 1 ? argv[1] : ".");
	{
		char cmd[4300];

		snprintf(cmd, sizeof cmd, "rm -rf '%s'", path);
		if (system(cmd) != 0)
			return 1;
	}
	build();
	CHECK_INT(lede_db_open(path, LEDE_OPEN_READ, &db, NULL), LEDE_OK);
	if (db) {
		test_values(db);
		test_cursor(db);
		test_asked(db);
		test_misuse(db);
		test_article(db);
		if (argc > 2)
			test_cli(db, argv[2]);
		else
			printf("no lede-search given: output not compared\n");
	}
	lede_db_close(db);
	return CHECK_DONE();
}
