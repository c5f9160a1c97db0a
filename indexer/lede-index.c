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

/* Articles bigger than this are skipped: no news article is 16 MiB, and
 * reading one whole must not take the machine's memory. */
#define MAX_FILE_BYTES (16u * 1024 * 1024)

enum { OPT_QUIET = 'q' };

static const struct option long_options[] = {
	{ "db", required_argument, NULL, 'd' },
	{ "format", required_argument, NULL, 'f' },
	{ "quiet", no_argument, NULL, OPT_QUIET },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, 'V' },
	{ NULL, 0, NULL, 0 },
};

static const char usage_text[] =
	"usage: " PROG " [--db DIR] [--format auto|text|jsonl] PATH...\n"
	"\n"
	"Index news articles into a lede index. PATH is a file, a folder\n"
	"(read recursively) or - for standard input. Indexing the same\n"
	"files again replaces their articles; it never duplicates them.\n"
	"\n"
	"  -d, --db DIR        the index (default: $LEDE_DB, else\n"
	"                      $XDG_DATA_HOME/lede/index or\n"
	"                      ~/.local/share/lede/index); created if missing\n"
	"  -f, --format FMT    auto (default: by content), text (headline\n"
	"                      line, then body) or jsonl (JSON lines or a\n"
	"                      JSON array of article objects)\n"
	"  -q, --quiet         no summary, only warnings and errors\n"
	"  -h, --help          show this help and exit\n"
	"  -V, --version       show the version and exit\n"
	"\n"
	"Exit status: 0 all files indexed, 1 some files or the index failed,\n"
	"2 usage error.\n";

typedef struct run {
	lede_db_t *db;
	lede_format_t format;
	const char *dbpath;
	unsigned long files, articles, warnings, failed, skipped;
	int fatal;	   /* the index itself failed: stop */
	const char *where; /* the file being read, for messages */
	const char *name;  /* its name for ids, NULL for stdin */
	const char *section; /* folder-given section, or NULL */
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
	lede_article_t a = *article;
	if ((!a.section || !*a.section) && run->section)
		a.section = run->section;
	lede_status_t st = lede_db_add(run->db, &a);
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

/* Reads all of f, stopping once it has more than MAX_FILE_BYTES (then
 * *too_big is set). NULL when out of memory. */
static char *
slurp(FILE *f, size_t *len, int *too_big)
{
	size_t cap = 1 << 16, n = 0;
	char *buf = malloc(cap);
	*too_big = 0;
	while (buf) {
		if (n > MAX_FILE_BYTES) {
			*too_big = 1;
			break;
		}
		if (n == cap) {
			cap *= 2;
			if (cap > MAX_FILE_BYTES + 1)
				cap = MAX_FILE_BYTES + 1;
			char *nb = realloc(buf, cap);
			if (!nb) {
				free(buf);
				return NULL;
			}
			buf = nb;
		}
		size_t got = fread(buf + n, 1, cap - n, f);
		n += got;
		if (got == 0)
			break;
	}
	*len = n;
	return buf;
}

static lede_format_t
format_for(const run_t *run, const char *path)
{
	if (run->format != LEDE_FORMAT_AUTO)
		return run->format;
	const char *dot = strrchr(path, '.');
	const char *slash = strrchr(path, '/');
	if (dot && (!slash || dot > slash)) {
		if (!strcmp(dot, ".jsonl") || !strcmp(dot, ".json") ||
		    !strcmp(dot, ".ndjson"))
			return LEDE_FORMAT_JSONL;
		if (!strcmp(dot, ".txt") || !strcmp(dot, ".TXT"))
			return LEDE_FORMAT_TEXT;
	}
	return LEDE_FORMAT_AUTO;
}

/* Indexes one input. `name` gives ids (NULL for stdin: content hashes). */
static void
index_stream(run_t *run, FILE *f, const char *display, const char *name,
	     lede_format_t format)
{
	size_t len;
	int too_big;
	char *buf = slurp(f, &len, &too_big);
	if (!buf) {
		err("cannot read '%s': out of memory", display);
		run->failed++;
		return;
	}
	if (ferror(f)) {
		err("cannot read '%s': %s", display, strerror(errno));
		run->failed++;
	} else if (too_big) {
		err("skipping '%s': larger than %u MiB", display,
		    MAX_FILE_BYTES >> 20);
		run->skipped++;
	} else if (memchr(buf, '\0', len < 8192 ? len : 8192)) {
		err("skipping '%s': binary file, not an article", display);
		run->skipped++;
	} else {
		run->where = display;
		run->name = name;
		lede_status_t st = lede_parse_buffer(name, buf, len, format,
						     on_article, on_warning,
						     run);
		if (st != LEDE_OK && st != LEDE_DONE) {
			err("cannot index '%s': %s", display,
			    lede_status_str(st));
			run->failed++;
		} else {
			run->files++;
		}
	}
	free(buf);
}

static void
index_file(run_t *run, const char *path, const char *name)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		err("cannot open '%s': %s", path, strerror(errno));
		run->failed++;
		return;
	}
	index_stream(run, f, path, name, format_for(run, path));
	fclose(f);
}

/* Files that sit in article folders but are not articles. */
static int
is_documentation(const char *name)
{
	static const char *const docs[] = { "README", "LICENSE", "LICENCE",
					    "COPYING", "NOTICE", "AUTHORS",
					    "CHANGELOG", "SOURCE" };
	size_t stem = strcspn(name, ".");
	for (size_t i = 0; i < sizeof docs / sizeof *docs; i++) {
		size_t n = strlen(docs[i]);
		if (stem != n)
			continue;
		size_t k = 0;
		while (k < n && (name[k] & ~0x20) == docs[i][k])
			k++;
		if (k == n)
			return 1;
	}
	return 0;
}

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
			const char *saved = run->section;
			/* A top-level folder names the section, the way
			 * archives file articles (business/001.txt). */
			if (depth == 0)
				run->section = names[i];
			index_dir(run, path, relpath, depth + 1);
			run->section = saved;
		} else if (!S_ISREG(sb.st_mode)) {
			/* Sockets, fifos, devices: nothing to read. */
		} else if (is_documentation(names[i])) {
			err("skipping '%s': documentation, not an article "
			    "(name the file to index it)",
			    path);
			run->skipped++;
		} else {
			index_file(run, path, relpath);
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
		index_stream(run, stdin, "<stdin>", NULL, run->format);
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
		index_file(run, path, path);
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
	int quiet = 0, opt;
	char *dbpath = NULL;
	const char *dbopt = NULL;
	while ((opt = getopt_long(argc, argv, "d:f:qhV", long_options,
				  NULL)) != -1) {
		switch (opt) {
		case 'd':
			dbopt = optarg;
			break;
		case 'f':
			if (lede_format_parse(optarg, &run.format) != LEDE_OK)
				return usage_error("unknown format '%s' "
						   "(auto, text or jsonl)",
						   optarg);
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
	return (run.failed || run.fatal || cst != LEDE_OK) ? 1 : 0;
}
