/* lede-search.c: the search program: a query in, ranked hits out.
 * SPDX-License-Identifier: MIT
 */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lede.h"
#include "printer.h"

#define PROG "lede-search"

enum { OPT_OFFSET = 256 };

static const struct option long_options[] = {
	{ "db", required_argument, NULL, 'd' },
	{ "limit", required_argument, NULL, 'n' },
	{ "offset", required_argument, NULL, OPT_OFFSET },
	{ "format", required_argument, NULL, 'f' },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, 'V' },
	{ NULL, 0, NULL, 0 },
};

static const char usage_text[] =
	"usage: " PROG " [--db DIR] [--limit N] [--offset N]\n"
	"                   [--format text|json] QUERY...\n"
	"\n"
	"Search a lede index. The words of QUERY are joined with spaces.\n"
	"\n"
	"Query syntax:\n"
	"  word                 any form of the word (profits finds profit)\n"
	"  \"exact phrase\"       the words in this order, as written\n"
	"  +word -word          must match / must not match\n"
	"  a AND b, a OR b, a NOT b, (groups)\n"
	"  polic*               words starting with polic\n"
	"  title:word  author:name (by:)  source:\"BBC News\"  section:sport\n"
	"  lang:en  id:business/001.txt  url:https://...\n"
	"\n"
	"  -d, --db DIR         the index (default: $LEDE_DB, else\n"
	"                       $XDG_DATA_HOME/lede/index or\n"
	"                       ~/.local/share/lede/index)\n"
	"  -n, --limit N        show at most N hits (default 10)\n"
	"      --offset N       skip the first N hits (default 0)\n"
	"  -f, --format FMT     text (default) or json\n"
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
	if (!*s || *end || errno || s[0] == '-' || v > 100000000UL)
		return -1;
	*out = (uint32_t)v;
	return 0;
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

static int
search(lede_db_t *db, const char *text, uint32_t limit, uint32_t offset,
       printer_t *pr)
{
	lede_query_t *q = NULL;
	lede_status_t st = lede_query_new(db, text, LEDE_NTS, &q);
	if (st == LEDE_BAD_QUERY) {
		err("bad query '%s': %s", text, lede_errmsg(db));
		return 2;
	}
	if (st != LEDE_OK) {
		err("cannot search for '%s': %s", text, lede_errmsg(db));
		return 1;
	}
	lede_query_set_limit(q, limit);
	lede_query_set_offset(q, offset);
	lede_results_t *r = NULL;
	st = lede_query_run(q, &r);
	if (st != LEDE_OK) {
		err("cannot search for '%s': %s", text, lede_query_errmsg(q));
		lede_query_free(q);
		return 1;
	}
	uint64_t estimate = 0;
	int exact = 0;
	lede_results_total(r, &estimate, &exact);
	int rc = 0;
	if (pr->begin(pr, lede_query_text(q), estimate, exact)) {
		err("cannot format results for '%s'", text);
		rc = 1;
	}
	while (!rc && (st = lede_results_next(r)) == LEDE_OK) {
		if (pr->hit(pr, r)) {
			err("cannot format hit %u of '%s'",
			    lede_results_rank(r), text);
			rc = 1;
		}
	}
	if (!rc && st != LEDE_DONE) {
		err("cannot read results for '%s': %s", text,
		    lede_results_errmsg(r));
		rc = 1;
	}
	if (!rc && pr->end(pr)) {
		err("cannot write results: %s", strerror(errno));
		rc = 1;
	}
	lede_results_free(r);
	lede_query_free(q);
	return rc;
}

int
main(int argc, char **argv)
{
	uint32_t limit = 10, offset = 0;
	const char *dbopt = NULL, *format = "text";
	int opt;
	while ((opt = getopt_long(argc, argv, "d:n:f:hV", long_options,
				  NULL)) != -1) {
		switch (opt) {
		case 'd':
			dbopt = optarg;
			break;
		case 'n':
			if (parse_count(optarg, &limit))
				return usage_error("--limit wants a number of "
						   "hits, not '%s'",
						   optarg);
			break;
		case OPT_OFFSET:
			if (parse_count(optarg, &offset))
				return usage_error("--offset wants a number of "
						   "hits, not '%s'",
						   optarg);
			break;
		case 'f':
			if (strcmp(optarg, "text") && strcmp(optarg, "json"))
				return usage_error("unknown format '%s' (text "
						   "or json)",
						   optarg);
			format = optarg;
			break;
		case 'h':
			fputs(usage_text, stdout);
			return 0;
		case 'V':
			printf(PROG " %s\n", lede_version());
			return 0;
		default:
			fputs("Try '" PROG " --help' for more information.\n",
			      stderr);
			return 2;
		}
	}
	if (optind >= argc)
		return usage_error("%s", "no query: give words to search for");

	char *dbpath = dbopt ? NULL : lede_default_path();
	char *text = join_args(argc - optind, argv + optind);
	const char *path = dbopt ? dbopt : dbpath;
	int colour = isatty(STDOUT_FILENO) && !getenv("NO_COLOR");
	printer_t *pr = !strcmp(format, "json") ? printer_json_new(stdout)
						: printer_text_new(stdout,
								   colour);
	if (!text || !path || !pr) {
		err("out of memory");
		free(text);
		free(dbpath);
		if (pr)
			pr->free(pr);
		return 1;
	}
	lede_db_t *db = NULL;
	char *msg = NULL;
	lede_status_t st = lede_db_open(path, LEDE_OPEN_READ, &db, &msg);
	int rc;
	if (st != LEDE_OK) {
		err("%s", msg ? msg : lede_status_str(st));
		rc = 1;
	} else {
		rc = search(db, text, limit, offset, pr);
	}
	lede_free(msg);
	lede_db_close(db);
	pr->free(pr);
	free(text);
	free(dbpath);
	return rc;
}
