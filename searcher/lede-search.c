/* lede-search.c: the search program: a query in, ranked hits out.
 * SPDX-License-Identifier: MIT
 */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <time.h>
#include <unistd.h>

#include <jansson.h>

#include "lede.h"
#include "printer.h"

#define PROG "lede-search"

enum {
	OPT_OFFSET = 256,
	OPT_FILTER,
	OPT_SINCE,
	OPT_UNTIL,
	OPT_SORT,
	OPT_HALF_LIFE,
	OPT_FACET,
	OPT_TIMELINE,
	OPT_APPROX,
	OPT_NO_SUGGEST,
	OPT_ALL_COPIES,
	OPT_FORMAT_VERSION,
	OPT_SHOW,
	OPT_BATCH,
	OPT_LIKE,
	OPT_SIGNIFICANT,
	OPT_EXPLAIN
};

static const struct option long_options[] = {
	{ "db", required_argument, NULL, 'd' },
	{ "limit", required_argument, NULL, 'n' },
	{ "offset", required_argument, NULL, OPT_OFFSET },
	{ "filter", required_argument, NULL, OPT_FILTER },
	{ "since", required_argument, NULL, OPT_SINCE },
	{ "until", required_argument, NULL, OPT_UNTIL },
	{ "sort", required_argument, NULL, OPT_SORT },
	{ "half-life", required_argument, NULL, OPT_HALF_LIFE },
	{ "facet", required_argument, NULL, OPT_FACET },
	{ "timeline", required_argument, NULL, OPT_TIMELINE },
	{ "like", required_argument, NULL, OPT_LIKE },
	{ "significant", required_argument, NULL, OPT_SIGNIFICANT },
	{ "approx", no_argument, NULL, OPT_APPROX },
	{ "no-suggest", no_argument, NULL, OPT_NO_SUGGEST },
	{ "all-copies", no_argument, NULL, OPT_ALL_COPIES },
	{ "explain", no_argument, NULL, OPT_EXPLAIN },
	{ "format", required_argument, NULL, 'f' },
	{ "format-version", no_argument, NULL, OPT_FORMAT_VERSION },
	{ "show", required_argument, NULL, OPT_SHOW },
	{ "batch", required_argument, NULL, OPT_BATCH },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, 'V' },
	{ NULL, 0, NULL, 0 },
};

static const char usage_text[] =
	"usage: " PROG " [OPTION]... QUERY...\n"
	"       " PROG " [OPTION]... --like ID [QUERY]...\n"
	"       " PROG " [OPTION]... --batch FILE\n"
	"       " PROG " [--db DIR] [--format text|json] --show ID\n"
	"\n"
	"Search a lede index. The words of QUERY are joined with spaces.\n"
	"\n"
	"Query syntax:\n"
	"  word                 any form of the word (profits finds profit)\n"
	"  \"exact phrase\"       the words in this order, as written\n"
	"  +word -word          must match / must not match\n"
	"  a AND b, a OR b, a NOT b, (groups)\n"
	"  a NEAR/3 b           a and b as written, at most 3 words between\n"
	"                       (NEAR alone: 10)\n"
	"  polic*               words starting with polic\n"
	"  title:word  author:name (by:)  source:\"BBC News\"  section:sport\n"
	"  lang:en  id:business/001.txt  url:https://...\n"
	"\n"
	"  -d, --db DIR         the index (default: $LEDE_DB, else\n"
	"                       $XDG_DATA_HOME/lede/index or\n"
	"                       ~/.local/share/lede/index); also a shard\n"
	"                       set, a Xapian stub file or tcp://HOST:PORT\n"
	"                       (xapian-tcpsrv); repeatable: all are\n"
	"                       searched as one index\n"
	"  -n, --limit N        show at most N hits (default 10)\n"
	"      --offset N       skip the first N hits (default 0)\n"
	"      --filter FIELD=VALUE\n"
	"                       only articles whose FIELD (author, source,\n"
	"                       section, language, tag, place, org or\n"
	"                       person) has VALUE; repeatable\n"
	"      --since DATE     only articles from DATE on (2023-10-01, 2023,\n"
	"                       7d, yesterday, \"last month\", ...)\n"
	"      --until DATE     only articles up to the end of DATE\n"
	"      --sort ORDER     relevance (default), newest, oldest or\n"
	"                       recency\n"
	"      --half-life TIME for --sort recency: 12h, 7d (default), 2w\n"
	"      --facet FIELD[:N]\n"
	"                       the N (default 10) commonest values of\n"
	"                       FIELD among all matches; repeatable\n"
	"      --timeline UNIT  matches per day, week, month or year\n"
	"      --like ID        articles like the one with this id (QUERY,\n"
	"                       if given, must match too)\n"
	"      --significant FIELD[:N]\n"
	"                       the N (default 10) values of FIELD (source,\n"
	"                       section, language, tag, place, org or\n"
	"                       person) over-represented in the best matches\n"
	"                       compared with the whole index; repeatable\n"
	"      --approx         estimate facet and timeline counts (faster)\n"
	"      --no-suggest     no \"did you mean\" for words in no article\n"
	"      --all-copies     every copy of a story, not one hit with\n"
	"                       \"+N similar\"\n"
	"      --explain        the query as it runs, and what each hit's\n"
	"                       score is made of (its words, recency)\n"
	"  -f, --format FMT     text (default), json, jsonl, ids or tsv\n"
	"      --format-version show the version of the JSON format and exit\n"
	"      --show ID        show one whole article (text or json)\n"
	"      --batch FILE     one query per line of FILE (- for stdin), one\n"
	"                       JSON object per line out\n"
	"  -h, --help           show this help and exit\n"
	"  -V, --version        show the version and exit\n"
	"\n"
	"Exit status: 0 success (also with no hits), 1 the search failed,\n"
	"2 usage error or a query that cannot be parsed.\n";

#ifdef __GNUC__
__attribute__((format(printf, 1, 2)))
#endif
static void
err(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fputs(PROG ": ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
}

#ifdef __GNUC__
__attribute__((format(printf, 1, 2)))
#endif
static int
usage_error(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fputs(PROG ": ", stderr);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputs("\nTry '" PROG " --help' for more information.\n", stderr);
	return 2;
}

static int
parse_count(const char *s, uint32_t *out)
{
	char *end;
	errno = 0;
	unsigned long v = strtoul(s, &end, 10);
	if (!*s || *end || errno || s[0] < '0' || s[0] > '9' ||
	    v > 100000000UL)
		return -1;
	*out = (uint32_t)v;
	return 0;
}

/* A duration: a whole number and a unit, s h d w or y ("7d", "12h"). */
static int
parse_duration(const char *s, int64_t *out)
{
	char *end;
	errno = 0;
	if (*s < '0' || *s > '9')
		return -1;
	unsigned long long v = strtoull(s, &end, 10);
	int64_t unit;
	switch (*end) {
	case 's': unit = 1; break;
	case 'h': unit = 3600; break;
	case 'd': unit = 86400; break;
	case 'w': unit = 7 * 86400; break;
	case 'y': unit = 365 * 86400; break;
	default: return -1;
	}
	if (errno || end[1] || v == 0 || v > 1000000000ULL / 86400)
		return -1;
	*out = (int64_t)v * unit;
	return 0;
}

/* A field that filters and facets take, by name; -1 for any other (id,
 * url and headline are no facets). */
static int
parse_facet_field(const char *name, lede_field_t *out)
{
	if (lede_field_parse(name, out) != LEDE_OK)
		return -1;
	switch (*out) {
	case LEDE_FIELD_AUTHOR:
	case LEDE_FIELD_SOURCE:
	case LEDE_FIELD_SECTION:
	case LEDE_FIELD_LANGUAGE:
	case LEDE_FIELD_TAG:
	case LEDE_FIELD_PLACE:
	case LEDE_FIELD_ORG:
	case LEDE_FIELD_PERSON:
		return 0;
	default:
		return -1;
	}
}

/* Reads a FIELD[:N] option (--facet, --significant: N default 10) into
 * *list, replacing the N of a field given before. `what` and `fields`
 * name what the option gives and the fields it takes, for the usage
 * message. Returns 0, 1 (out of memory, said) or 2 (usage error, said). */
static int
add_field_count(const char *opt, char *arg, int allow_author,
		const char *what, const char *fields, printer_facet_t **list,
		size_t *n)
{
	char *colon = strchr(arg, ':');
	uint32_t max = 10;
	lede_field_t field;
	if (colon) {
		*colon = '\0';
		if (parse_count(colon + 1, &max) || max == 0)
			return usage_error("%s %s: wants a number of values, "
					   "not '%s'",
					   opt, arg, colon + 1);
	}
	if (parse_facet_field(arg, &field) ||
	    (!allow_author && field == LEDE_FIELD_AUTHOR))
		return usage_error("no %s for '%s' (%s)", what, arg, fields);
	size_t k = 0;
	while (k < *n && (*list)[k].field != field)
		k++;
	if (k == *n) {
		printer_facet_t *f = realloc(*list, (k + 1) * sizeof *f);
		if (!f) {
			err("out of memory");
			return 1;
		}
		*list = f;
		(*n)++;
	}
	(*list)[k].field = field;
	(*list)[k].name = lede_field_name(field);
	(*list)[k].max_values = max;
	return 0;
}

/* "Now" for relative dates: $LEDE_NOW (seconds since 1970 or a date) when
 * set, so tests and reruns can pin it; else the clock. */
static int
get_now(int64_t *now)
{
	const char *env = getenv("LEDE_NOW");
	if (!env || !*env) {
		*now = (int64_t)time(NULL);
		return 0;
	}
	char *end;
	errno = 0;
	long long v = strtoll(env, &end, 10);
	if (!*end && !errno) {
		*now = v;
		return 0;
	}
	return lede_date_parse(env, LEDE_NTS, now) == LEDE_OK ? 0 : -1;
}

typedef struct filter {
	lede_field_t field;
	const char *value;
} filter_t;

/* What every query of a run is asked with. */
typedef struct search_opts {
	uint32_t limit, offset;
	filter_t *filters;
	size_t n_filters;
	int64_t since, until;
	lede_sort_t sort;
	int64_t half_life;
	int sort_set;
	printer_facet_t *facets;
	size_t n_facets;
	lede_timeline_t timeline;
	int approx;
	int no_suggest;
	int all_copies;
	int explain;
	const char *like;
	printer_facet_t *significant;
	size_t n_significant;
} search_opts_t;

/* Sets the run's options on q; LEDE_OK or the failing call's status. */
static lede_status_t
apply_opts(lede_query_t *q, const search_opts_t *o)
{
	lede_status_t st;
	if ((st = lede_query_set_limit(q, o->limit)) != LEDE_OK ||
	    (st = lede_query_set_offset(q, o->offset)) != LEDE_OK)
		return st;
	for (size_t i = 0; i < o->n_filters; i++)
		if ((st = lede_query_add_filter(q, o->filters[i].field,
						o->filters[i].value)) !=
		    LEDE_OK)
			return st;
	if ((o->since != LEDE_NO_DATE || o->until != LEDE_NO_DATE) &&
	    (st = lede_query_set_dates(q, o->since, o->until)) != LEDE_OK)
		return st;
	if (o->sort_set &&
	    (st = lede_query_set_sort(q, o->sort, o->half_life)) != LEDE_OK)
		return st;
	for (size_t i = 0; i < o->n_facets; i++)
		if ((st = lede_query_add_facet(q, o->facets[i].field,
					       o->facets[i].max_values)) !=
		    LEDE_OK)
			return st;
	if (o->timeline != LEDE_TIMELINE_NONE &&
	    (st = lede_query_set_timeline(q, o->timeline)) != LEDE_OK)
		return st;
	if (o->no_suggest && (st = lede_query_set_suggest(q, 0)) != LEDE_OK)
		return st;
	if (o->all_copies && (st = lede_query_set_collapse(q, 0)) != LEDE_OK)
		return st;
	if (o->approx && (st = lede_query_set_approx(q, 1)) != LEDE_OK)
		return st;
	if (o->like && (st = lede_query_set_like(q, o->like)) != LEDE_OK)
		return st;
	if (o->explain && (st = lede_query_set_explain(q, 1)) != LEDE_OK)
		return st;
	for (size_t i = 0; i < o->n_significant; i++)
		if ((st = lede_query_add_significant(
			     q, o->significant[i].field,
			     o->significant[i].max_values)) != LEDE_OK)
			return st;
	return LEDE_OK;
}

/* Runs one query and prints it through pr. Returns 0, 1 (runtime
 * failure) or 2 (the query cannot be parsed), with the reason in msg
 * (without the program name) when not 0. */
static int
search(lede_db_t *db, const char *text, const search_opts_t *o,
       printer_t *pr, char *msg, size_t msg_size)
{
	lede_query_t *q = NULL;
	lede_status_t st = lede_query_new(db, text, LEDE_NTS, &q);
	if (st == LEDE_BAD_QUERY) {
		snprintf(msg, msg_size, "bad query '%s': %s", text,
			 lede_errmsg(db));
		return 2;
	}
	if (st != LEDE_OK) {
		snprintf(msg, msg_size, "cannot search for '%s': %s", text,
			 lede_errmsg(db));
		return 1;
	}
	lede_results_t *r = NULL;
	st = apply_opts(q, o);
	if (st == LEDE_OK)
		st = lede_query_run(q, &r);
	if (st == LEDE_BAD_QUERY) {
		/* An empty query without --like, or a --like id no article
		 * has: the message says which. */
		const char *why = lede_query_errmsg(q);
		if (text[strspn(text, " \t")])
			snprintf(msg, msg_size, "bad query '%s': %s", text,
				 why);
		else
			snprintf(msg, msg_size, "%s", why);
		lede_query_free(q);
		return 2;
	}
	if (st != LEDE_OK) {
		const char *why = lede_query_errmsg(q);
		snprintf(msg, msg_size, "cannot search for '%s': %s", text,
			 why && *why ? why : lede_status_str(st));
		lede_query_free(q);
		return 1;
	}
	int rc = 0;
	if (pr->document) {
		/* JSON: the library renders the whole results. */
		st = pr->document(pr, r);
		if (st == LEDE_IO) {
			snprintf(msg, msg_size, "cannot write results: %s",
				 strerror(errno));
			rc = 1;
		} else if (st != LEDE_OK) {
			const char *why = lede_results_errmsg(r);
			snprintf(msg, msg_size,
				 "cannot read results for '%s': %s", text,
				 why && *why ? why : lede_status_str(st));
			rc = 1;
		}
		lede_results_free(r);
		lede_query_free(q);
		return rc;
	}
	uint64_t estimate = 0;
	int exact = 0;
	lede_results_total(r, &estimate, &exact);
	pr->explain_hits = o->explain;
	if (pr->begin(pr, lede_query_text(q), o->like, estimate, exact,
		      lede_results_suggestion(r)) ||
	    (o->explain && pr->explain && pr->explain(pr, q))) {
		snprintf(msg, msg_size, "cannot format results for '%s'",
			 text);
		rc = 1;
	}
	while (!rc && (st = lede_results_next(r)) == LEDE_OK) {
		if (pr->hit(pr, r)) {
			snprintf(msg, msg_size, "cannot format hit %u of '%s'",
				 lede_results_rank(r), text);
			rc = 1;
		}
	}
	if (!rc && st != LEDE_DONE) {
		snprintf(msg, msg_size, "cannot read results for '%s': %s",
			 text, lede_results_errmsg(r));
		rc = 1;
	}
	if (!rc && (o->n_facets || o->timeline != LEDE_TIMELINE_NONE) &&
	    pr->summary(pr, r, o->facets, o->n_facets,
			o->timeline != LEDE_TIMELINE_NONE)) {
		const char *why = lede_results_errmsg(r);
		snprintf(msg, msg_size,
			 "cannot read facets or timeline for '%s': %s", text,
			 why && *why ? why : "out of memory");
		rc = 1;
	}
	if (!rc && o->n_significant && pr->significant &&
	    pr->significant(pr, r, o->significant, o->n_significant)) {
		const char *why = lede_results_errmsg(r);
		snprintf(msg, msg_size,
			 "cannot read significant values for '%s': %s", text,
			 why && *why ? why : "out of memory");
		rc = 1;
	}
	if (!rc && pr->end(pr)) {
		snprintf(msg, msg_size, "cannot write results: %s",
			 strerror(errno));
		rc = 1;
	}
	lede_results_free(r);
	lede_query_free(q);
	return rc;
}

/* --show ID: the article with that id, whole. */
static int
show(lede_db_t *db, const char *id, int json, int colour)
{
	/* id: takes a "phrase" as its exact value; a phrase cannot hold a
	 * double quote, so an id with one is given bare (it ends at the
	 * first space). */
	size_t len = strlen(id);
	char *text = malloc(len + 6);
	if (!text) {
		err("out of memory");
		return 1;
	}
	int quoted = !strchr(id, '"');
	if (!quoted && strpbrk(id, " \t\n()")) {
		err("no article with id '%s'", id);
		free(text);
		return 1;
	}
	snprintf(text, len + 6, quoted ? "id:\"%s\"" : "id:%s", id);
	lede_query_t *q = NULL;
	lede_results_t *r = NULL;
	lede_status_t st = lede_query_new(db, text, LEDE_NTS, &q);
	if (st == LEDE_OK && (st = lede_query_set_limit(q, 1)) == LEDE_OK)
		st = lede_query_run(q, &r);
	if (st == LEDE_OK)
		st = lede_results_next(r);
	/* The body and the quotes are read on first use (lede.h): read
	 * here, a failure is said as this article's, not as a failed
	 * write. */
	const char *qt, *qs;
	lede_status_t qst =
		st == LEDE_OK ? lede_results_quote(r, 0, &qt, &qs) : LEDE_OK;
	if (qst != LEDE_OK && qst != LEDE_DONE)
		st = qst;
	int rc = 0;
	if (st == LEDE_DONE || st == LEDE_BAD_QUERY) {
		err("no article with id '%s'", id);
		rc = 1;
	} else if (st != LEDE_OK) {
		const char *why = r ? lede_results_errmsg(r)
			     : q    ? lede_query_errmsg(q)
				    : lede_errmsg(db);
		err("cannot show '%s': %s", id,
		    why && *why ? why : lede_status_str(st));
		rc = 1;
	} else if (json ? printer_show_json(stdout, r)
			: printer_show_text(stdout, r, colour)) {
		err("cannot write article '%s': %s", id, strerror(errno));
		rc = 1;
	}
	lede_results_free(r);
	lede_query_free(q);
	free(text);
	return rc;
}

/* {"line": N, "query": "...", "error": "..."} on one line. */
static void
batch_error(size_t line, const char *query, const char *msg)
{
	json_t *o = json_object();
	if (!o)
		return;
	json_object_set_new(o, "line", json_integer((json_int_t)line));
	json_object_set_new(o, "query", json_string(query));
	json_object_set_new(o, "error", json_string(msg));
	json_dumpf(o, stdout, JSON_COMPACT);
	fputc('\n', stdout);
	json_decref(o);
}

/* --batch: each non-blank line a query, each answer a compact JSON
 * object on its own line; a line that cannot be parsed gets an error
 * object and the run goes on. Returns 0, 1 (runtime failure: the run
 * stops) or 2 (some line could not be parsed). */
static int
batch(lede_db_t *db, const char *file, const search_opts_t *o)
{
	FILE *in = strcmp(file, "-") ? fopen(file, "r") : stdin;
	if (!in) {
		err("cannot open '%s': %s", file, strerror(errno));
		return 1;
	}
	char *line = NULL;
	size_t cap = 0, lineno = 0;
	ssize_t n;
	int rc = 0;
	char msg[2048];
	while ((n = getline(&line, &cap, in)) >= 0) {
		lineno++;
		while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
			line[--n] = '\0';
		if (strspn(line, " \t") == (size_t)n)
			continue;
		printer_t *pr = printer_json_new(stdout, 1);
		if (!pr) {
			err("out of memory");
			rc = 1;
			break;
		}
		int one = search(db, line, o, pr, msg, sizeof msg);
		pr->free(pr);
		if (one == 2) {
			batch_error(lineno, line, msg);
			rc = 2;
		} else if (one) {
			err("line %zu: %s", lineno, msg);
			rc = 1;
			break;
		}
	}
	if (rc != 1 && ferror(in)) {
		err("cannot read '%s': %s", file, strerror(errno));
		rc = 1;
	}
	free(line);
	if (in != stdin)
		fclose(in);
	fflush(stdout);
	if (rc != 1 && ferror(stdout)) {
		err("cannot write results: %s", strerror(errno));
		rc = 1;
	}
	return rc;
}

/* The query words joined with single spaces, malloc'ed. */
static char *
join_args(int argc, char **argv)
{
	size_t len = 1;
	for (int i = 0; i < argc; i++)
		len += strlen(argv[i]) + 1;
	char *q = malloc(len);
	if (!q)
		return NULL;
	q[0] = '\0';
	for (int i = 0; i < argc; i++) {
		if (i)
			strcat(q, " ");
		strcat(q, argv[i]);
	}
	return q;
}

static const char *const formats[] = { "text", "json", "jsonl", "ids", "tsv" };

static printer_t *
printer_new(const char *format, int colour)
{
	if (!strcmp(format, "json"))
		return printer_json_new(stdout, 0);
	if (!strcmp(format, "jsonl"))
		return printer_jsonl_new(stdout);
	if (!strcmp(format, "ids"))
		return printer_ids_new(stdout);
	if (!strcmp(format, "tsv"))
		return printer_tsv_new(stdout);
	return printer_text_new(stdout, colour);
}

/* More --db options than anyone types: shards beyond this belong in a
 * stub file. */
#define MAX_DBS 64

/* Parsed options, and what they own. */
typedef struct cli {
	search_opts_t opts;
	const char *dbs[MAX_DBS];
	size_t n_dbs;
	const char *format, *show_id, *batch_file;
	const char *since, *until;
	int format_set;
} cli_t;

static int
parse_options(int argc, char **argv, cli_t *c)
{
	search_opts_t *o = &c->opts;
	int opt, rc;
	while ((opt = getopt_long(argc, argv, "d:n:f:hV", long_options,
				  NULL)) != -1) {
		switch (opt) {
		case 'd':
			if (c->n_dbs == MAX_DBS)
				return usage_error("more than %d --db options "
						   "(list them in a stub file)",
						   MAX_DBS);
			c->dbs[c->n_dbs++] = optarg;
			break;
		case 'n':
			if (parse_count(optarg, &o->limit))
				return usage_error("--limit wants a number of "
						   "hits, not '%s'",
						   optarg);
			break;
		case OPT_OFFSET:
			if (parse_count(optarg, &o->offset))
				return usage_error("--offset wants a number of "
						   "hits, not '%s'",
						   optarg);
			break;
		case OPT_FILTER: {
			char *eq = strchr(optarg, '=');
			lede_field_t field;
			if (!eq || eq == optarg || !eq[1])
				return usage_error("--filter wants "
						   "FIELD=VALUE, not '%s'",
						   optarg);
			*eq = '\0';
			if (parse_facet_field(optarg, &field))
				return usage_error(
					"cannot filter on '%s' (author, "
					"source, section, language, tag, "
					"place, org or person)",
					optarg);
			filter_t *f = realloc(o->filters, (o->n_filters + 1) *
								  sizeof *f);
			if (!f) {
				err("out of memory");
				return 1;
			}
			o->filters = f;
			f[o->n_filters].field = field;
			f[o->n_filters++].value = eq + 1;
			break;
		}
		case OPT_SINCE:
			c->since = optarg;
			break;
		case OPT_UNTIL:
			c->until = optarg;
			break;
		case OPT_SORT: {
			static const char *const names[] = {
				"relevance", "newest", "oldest", "recency"
			};
			size_t i = 0;
			while (i < 4 && strcmp(optarg, names[i]))
				i++;
			if (i == 4)
				return usage_error("unknown sort order '%s' "
						   "(relevance, newest, "
						   "oldest or recency)",
						   optarg);
			o->sort = (lede_sort_t)i;
			o->sort_set = 1;
			break;
		}
		case OPT_HALF_LIFE:
			if (parse_duration(optarg, &o->half_life))
				return usage_error("--half-life wants a "
						   "duration such as 12h, "
						   "7d or 2w, not '%s'",
						   optarg);
			break;
		case OPT_FACET:
			rc = add_field_count(
				"--facet", optarg, 1, "facet",
				"author, source, section, language, tag, "
				"place, org or person",
				&o->facets, &o->n_facets);
			if (rc)
				return rc;
			break;
		case OPT_LIKE:
			o->like = optarg;
			break;
		case OPT_SIGNIFICANT:
			rc = add_field_count(
				"--significant", optarg, 0,
				"significant values",
				"source, section, language, tag, place, org "
				"or person",
				&o->significant, &o->n_significant);
			if (rc)
				return rc;
			break;
		case OPT_TIMELINE: {
			static const char *const units[] = { "day", "week",
							     "month", "year" };
			size_t i = 0;
			while (i < 4 && strcmp(optarg, units[i]))
				i++;
			if (i == 4)
				return usage_error("unknown timeline unit '%s' "
						   "(day, week, month or "
						   "year)",
						   optarg);
			o->timeline = (lede_timeline_t)(LEDE_TIMELINE_DAY + i);
			break;
		}
		case OPT_NO_SUGGEST:
			o->no_suggest = 1;
			break;
		case OPT_ALL_COPIES:
			o->all_copies = 1;
			break;
		case OPT_APPROX:
			o->approx = 1;
			break;
		case OPT_EXPLAIN:
			o->explain = 1;
			break;
		case 'f': {
			size_t i = 0, n = sizeof formats / sizeof *formats;
			while (i < n && strcmp(optarg, formats[i]))
				i++;
			if (i == n)
				return usage_error("unknown format '%s' (text, "
						   "json, jsonl, ids or tsv)",
						   optarg);
			c->format = optarg;
			c->format_set = 1;
			break;
		}
		case OPT_FORMAT_VERSION:
			printf("%d\n", LEDE_JSON_FORMAT_VERSION);
			return -1;
		case OPT_SHOW:
			c->show_id = optarg;
			break;
		case OPT_BATCH:
			c->batch_file = optarg;
			break;
		case 'h':
			fputs(usage_text, stdout);
			return -1;
		case 'V':
			printf(PROG " %s\n", lede_version());
			return -1;
		default:
			fputs("Try '" PROG " --help' for more information.\n",
			      stderr);
			return 2;
		}
	}
	int queries = optind < argc;
	if (c->show_id && o->like)
		return usage_error("%s", "--show takes an id, not --like");
	if (c->show_id && (queries || c->batch_file))
		return usage_error("%s", "--show takes an id, not a query "
					 "or --batch");
	if (c->show_id && strcmp(c->format, "text") &&
	    strcmp(c->format, "json"))
		return usage_error("--show prints text or json, not %s",
				   c->format);
	if (c->batch_file && queries)
		return usage_error("%s", "--batch reads its queries from the "
					 "file: give no QUERY too");
	if (c->batch_file && c->format_set && strcmp(c->format, "json"))
		return usage_error("--batch prints JSON lines, not %s",
				   c->format);
	if (!queries && !c->show_id && !c->batch_file && !o->like)
		return usage_error("%s", "no query: give words to search for");
	if (o->half_life && o->sort != LEDE_SORT_RECENCY)
		return usage_error("%s",
				   "--half-life goes with --sort recency");
	if (c->since || c->until) {
		int64_t now, from, to;
		if (get_now(&now))
			return usage_error("LEDE_NOW is neither seconds since "
					   "1970 nor a date: '%s'",
					   getenv("LEDE_NOW"));
		if (c->since) {
			if (lede_date_range_parse(c->since, LEDE_NTS, now,
						  &from, &to) != LEDE_OK)
				return usage_error("--since wants a date, not "
						   "'%s'",
						   c->since);
			o->since = from;
		}
		if (c->until) {
			if (lede_date_range_parse(c->until, LEDE_NTS, now,
						  &from, &to) != LEDE_OK)
				return usage_error("--until wants a date, not "
						   "'%s'",
						   c->until);
			o->until = to;
		}
	}
	return 0;
}

int
main(int argc, char **argv)
{
	cli_t c = { .format = "text" };
	c.opts.limit = 10;
	c.opts.since = c.opts.until = LEDE_NO_DATE;
	int rc = parse_options(argc, argv, &c);
	if (rc) {
		free(c.opts.filters);
		free(c.opts.facets);
		free(c.opts.significant);
		return rc < 0 ? 0 : rc;
	}

	char *dbpath = c.n_dbs ? NULL : lede_default_path();
	if (!c.n_dbs && dbpath)
		c.dbs[c.n_dbs++] = dbpath;
	const char *path = c.n_dbs ? c.dbs[0] : NULL;
	char *text = NULL;
	printer_t *pr = NULL;
	int colour = isatty(STDOUT_FILENO) && !getenv("NO_COLOR");
	int nomem = !path;
	if (!c.show_id && !c.batch_file) {
		text = join_args(argc - optind, argv + optind);
		pr = printer_new(c.format, colour);
		nomem = nomem || !text || !pr;
	}
	lede_db_t *db = NULL;
	char *msg = NULL;
	if (nomem) {
		err("out of memory");
		rc = 1;
	} else {
		lede_status_t st =
			lede_db_open_combined(c.dbs, c.n_dbs, &db, &msg);
		if (st != LEDE_OK) {
			err("%s", msg ? msg : lede_status_str(st));
			rc = 1;
		} else if (c.show_id) {
			rc = show(db, c.show_id, !strcmp(c.format, "json"),
				  colour);
		} else if (c.batch_file) {
			rc = batch(db, c.batch_file, &c.opts);
		} else {
			char why[2048];
			rc = search(db, text, &c.opts, pr, why, sizeof why);
			if (rc)
				err("%s", why);
		}
	}
	lede_free(msg);
	lede_db_close(db);
	if (pr)
		pr->free(pr);
	free(text);
	free(dbpath);
	free(c.opts.filters);
	free(c.opts.facets);
	free(c.opts.significant);
	return rc;
}
