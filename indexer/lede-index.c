/* lede-index.c: the indexer program: files, folders and stdin into an index.
 * SPDX-License-Identifier: MIT
 */
#define _POSIX_C_SOURCE 200809L

#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lede.h"

#define PROG "lede-index"

enum { OPT_QUIET = 'q', OPT_NO_EXTRACT = 256 };

/* More --map options than anyone needs for one export. */
#define MAX_MAPS 64

static const struct option long_options[] = {
	{ "db", required_argument, NULL, 'd' },
	{ "format", required_argument, NULL, 'f' },
	{ "map", required_argument, NULL, 'm' },
	{ "no-extract", no_argument, NULL, OPT_NO_EXTRACT },
	{ "quiet", no_argument, NULL, OPT_QUIET },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, 'V' },
	{ NULL, 0, NULL, 0 },
};

static const char usage_text[] =
	"usage: " PROG " [--db DIR] [--format FMT] [--map KEY=FIELD]... "
	"PATH...\n"
	"\n"
	"Index news articles into a lede index. PATH is a file, a folder\n"
	"(read recursively), a .gz file, an archive (.tar, .tar.gz, .zip)\n"
	"or - for standard input. Indexing the same files again replaces\n"
	"their articles; it never duplicates them.\n"
	"\n"
	"  -d, --db DIR        the index (default: $LEDE_DB, else\n"
	"                      $XDG_DATA_HOME/lede/index or\n"
	"                      ~/.local/share/lede/index); created if missing\n"
	"  -f, --format FMT    auto (default: by content), text (headline\n"
	"                      line, then body), jsonl (JSON lines or a JSON\n"
	"                      array of articles), html (an article page),\n"
	"                      feed (RSS or Atom), message (an e-mail or\n"
	"                      Usenet post) or mbox\n"
	"  -m, --map KEY=FIELD read JSON key KEY as FIELD (id, headline,\n"
	"                      body, authors, date, source, section,\n"
	"                      language, url, tags, places, orgs, people);\n"
	"                      KEY= ignores the key; repeatable\n"
	"      --no-extract    do not look for places, organisations, people\n"
	"                      and quotes in the text\n"
	"  -q, --quiet         no summary, only warnings and errors\n"
	"  -h, --help          show this help and exit\n"
	"  -V, --version       show the version and exit\n"
	"\n"
	"A folder's articles take their section from the folder holding\n"
	"them (business/001.txt) when the article names none.\n"
	"\n"
	"Exit status: 0 all files indexed, 1 some files or the index failed,\n"
	"2 usage error.\n";

typedef struct run {
	lede_db_t *db;
	const char *dbpath;
	unsigned long files, articles, warnings, failed, skipped;
	int fatal;	   /* the index itself failed: stop */
	const char *where; /* the file being read, for messages */
	const char *name;  /* its name for ids, NULL for stdin */
	lede_parser_t *parser;
	unsigned flags; /* LEDE_PARSE_* for every input */
} run_t;

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

/* The library names an input by its id base (sport/199.txt); a user
 * wants the path they can open, so keep only the line from `where`. */
static void
on_warning(void *ctx, const char *where, const char *message)
{
	run_t *run = ctx;
	run->warnings++;
	const char *line = "";
	size_t nlen = run->name ? strlen(run->name) : 0;
	if (run->name && !strncmp(where, run->name, nlen))
		line = where + nlen;
	else if (!run->name && !strncmp(where, "<input>", 7))
		line = where + 7;
	else
		line = NULL;
	if (line)
		err("warning: %s%s: %s", run->where, line, message);
	else
		err("warning: %s: %s", where, message);
}

static int
on_article(void *ctx, const lede_article_t *article)
{
	run_t *run = ctx;
	lede_status_t st = lede_db_add(run->db, article);
	if (st == LEDE_OK) {
		run->articles++;
		return 0;
	}
	err("cannot index '%s': %s", run->where, lede_errmsg(run->db));
	run->failed++;
	if (st != LEDE_MISUSE && st != LEDE_BAD_INPUT) {
		/* The index failed, not the article: stop. */
		run->fatal = 1;
		return 1;
	}
	return 0;
}

/* Indexes one file (or stdin, as "-"); `name` gives ids (NULL for
 * stdin: content hashes). */
static void
index_file(run_t *run, const char *path, const char *name, int in_folder)
{
	const char *display = strcmp(path, "-") ? path : "<stdin>";
	run->where = display;
	run->name = name;
	lede_parser_set_flags(run->parser,
			      run->flags |
				      (in_folder ? LEDE_PARSE_FOLDER_SECTIONS
						 : 0u));
	lede_status_t st = lede_parser_file(run->parser, path, name);
	switch (st) {
	case LEDE_OK:
	case LEDE_DONE:
		run->files++;
		break;
	case LEDE_BAD_INPUT:
		/* Why was said in a warning. */
		run->failed++;
		break;
	case LEDE_NOMEM:
		err("cannot index '%s': out of memory", display);
		run->failed++;
		run->fatal = 1;
		break;
	default:
		err("%s", lede_parser_errmsg(run->parser));
		run->failed++;
		break;
	}
}

/* Files that sit in article folders but are not articles. */
static int
compare_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Walks dir (path on disk) whose path below the named root is rel ("" at
 * the root). Entries go in name order so runs are reproducible; symbolic
 * links to folders are not followed, so link loops cannot trap the walk. */
static void
index_dir(run_t *run, const char *dir, const char *rel, int depth)
{
	DIR *d = opendir(dir);
	if (!d) {
		err("cannot open folder '%s': %s", dir, strerror(errno));
		run->failed++;
		return;
	}
	char **names = NULL;
	size_t n = 0, cap = 0;
	struct dirent *e;
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue; /* ., .., and hidden files */
		if (n == cap) {
			cap = cap ? cap * 2 : 64;
			char **nn = realloc(names, cap * sizeof *names);
			if (!nn)
				break;
			names = nn;
		}
		if (!(names[n] = strdup(e->d_name)))
			break;
		n++;
	}
	closedir(d);
	if (n)
		qsort(names, n, sizeof *names, compare_names);
	for (size_t i = 0; i < n && !run->fatal; i++) {
		size_t plen = strlen(dir) + strlen(names[i]) + 2;
		size_t rlen = strlen(rel) + strlen(names[i]) + 2;
		char *path = malloc(plen), *relpath = malloc(rlen);
		if (!path || !relpath) {
			free(path);
			free(relpath);
			err("cannot walk '%s': out of memory", dir);
			run->failed++;
			break;
		}
		snprintf(path, plen, "%s/%s", dir, names[i]);
		snprintf(relpath, rlen, "%s%s%s", rel, *rel ? "/" : "",
			 names[i]);
		struct stat sb;
		if (lstat(path, &sb) == 0 && S_ISLNK(sb.st_mode) &&
		    stat(path, &sb) == 0 && S_ISDIR(sb.st_mode)) {
			err("skipping '%s': symbolic link to a folder", path);
			run->skipped++;
		} else if (stat(path, &sb) != 0) {
			err("cannot read '%s': %s", path, strerror(errno));
			run->failed++;
		} else if (S_ISDIR(sb.st_mode)) {
			index_dir(run, path, relpath, depth + 1);
		} else if (!S_ISREG(sb.st_mode)) {
			/* Sockets, fifos, devices: nothing to read. */
		} else if (lede_is_documentation_name(names[i])) {
			err("skipping '%s': documentation, not an article "
			    "(name the file to index it)",
			    path);
			run->skipped++;
		} else {
			index_file(run, path, relpath, 1);
		}
		free(path);
		free(relpath);
	}
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
}

static void
index_path(run_t *run, const char *path)
{
	if (!strcmp(path, "-")) {
		index_file(run, "-", NULL, 0);
		return;
	}
	struct stat sb;
	if (stat(path, &sb) != 0) {
		err("cannot read '%s': %s", path, strerror(errno));
		run->failed++;
		return;
	}
	if (S_ISDIR(sb.st_mode)) {
		/* Ids are relative to the folder named, so the same folder
		 * reached by another path keeps its ids. */
		char *root = strdup(path);
		if (!root) {
			err("cannot walk '%s': out of memory", path);
			run->failed++;
			return;
		}
		size_t len = strlen(root);
		while (len > 1 && root[len - 1] == '/')
			root[--len] = '\0';
		index_dir(run, root, "", 0);
		free(root);
	} else {
		index_file(run, path, path, 0);
	}
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

int
main(int argc, char **argv)
{
	run_t run = { 0 };
	int quiet = 0, no_extract = 0, opt;
	lede_format_t format = LEDE_FORMAT_AUTO;
	const char *maps[MAX_MAPS];
	int n_maps = 0;
	char *dbpath = NULL;
	const char *dbopt = NULL;
	while ((opt = getopt_long(argc, argv, "d:f:m:qhV", long_options,
				  NULL)) != -1) {
		switch (opt) {
		case 'd':
			dbopt = optarg;
			break;
		case 'f':
			if (lede_format_parse(optarg, &format) != LEDE_OK)
				return usage_error("unknown format '%s' (auto, "
						   "text, jsonl, html, feed, "
						   "message or mbox)",
						   optarg);
			break;
		case 'm':
			if (n_maps == MAX_MAPS)
				return usage_error("more than %d --map "
						   "options",
						   MAX_MAPS);
			maps[n_maps++] = optarg;
			break;
		case OPT_NO_EXTRACT:
			no_extract = 1;
			break;
		case OPT_QUIET:
			quiet = 1;
			break;
		case 'h':
			fputs(usage_text, stdout);
			return 0;
		case 'V':
			printf(PROG " %s\n", lede_version());
			return 0;
		default:
			fprintf(stderr,
				"Try '" PROG " --help' for more information.\n");
			return 2;
		}
	}
	if (optind >= argc)
		return usage_error("%s", "nothing to index: give files, "
					 "folders or - for stdin");
	if (lede_parser_new(on_article, on_warning, &run, &run.parser) !=
	    LEDE_OK) {
		err("out of memory");
		return 1;
	}
	lede_parser_set_format(run.parser, format);
	for (int i = 0; i < n_maps; i++)
		if (lede_parser_map(run.parser, maps[i]) != LEDE_OK) {
			int rc = usage_error(
				"%s", lede_parser_errmsg(run.parser));
			lede_parser_free(run.parser);
			return rc;
		}
	if (no_extract)
		run.flags |= LEDE_PARSE_NO_EXTRACT;

	if (!dbopt) {
		dbpath = lede_default_path();
		if (!dbpath) {
			err("out of memory");
			return 1;
		}
	}
	run.dbpath = dbopt ? dbopt : dbpath;
	char *msg = NULL;
	lede_status_t st = lede_db_open(run.dbpath, LEDE_OPEN_CREATE, &run.db,
					&msg);
	if (st != LEDE_OK) {
		err("%s", msg ? msg : lede_status_str(st));
		lede_free(msg);
		free(dbpath);
		lede_parser_free(run.parser);
		return 1;
	}
	for (int i = optind; i < argc && !run.fatal; i++)
		index_path(&run, argv[i]);

	uint64_t total = 0;
	lede_status_t cst = lede_db_commit(run.db);
	if (cst != LEDE_OK)
		err("%s", lede_errmsg(run.db));
	else
		lede_db_count(run.db, &total);
	lede_status_t close_st = lede_db_close(run.db);
	if (close_st != LEDE_OK && cst == LEDE_OK) {
		err("cannot close index '%s': %s", run.dbpath,
		    lede_status_str(close_st));
		cst = close_st;
	}
	if (!quiet)
		fprintf(stderr,
			PROG ": %lu articles from %lu files into '%s' "
			     "(%llu in the index); %lu warnings, %lu skipped, "
			     "%lu failed\n",
			run.articles, run.files, run.dbpath,
			(unsigned long long)total, run.warnings, run.skipped,
			run.failed);
	free(dbpath);
	lede_parser_free(run.parser);
	return (run.failed || run.fatal || cst != LEDE_OK) ? 1 : 0;
}
