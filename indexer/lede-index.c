/* lede-index.c: the indexer program: files, folders and stdin into an index.
 * SPDX-License-Identifier: MIT
 *
 * A run walks the paths it is given and reads each file the index does not
 * already hold as it is (lede_db_file_begin says which), so re-running it
 * over a folder costs little; --prune forgets files that are gone, --watch
 * goes on indexing as files appear, change and go, --delete and --stats
 * work on the index alone.
 */
#define _POSIX_C_SOURCE 200809L

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#ifdef __linux__
#include <sys/inotify.h>
#endif

#include <jansson.h>

#include "lede-index.h"

enum {
	OPT_QUIET = 'q',
	OPT_NO_EXTRACT = 256,
	OPT_PRUNE,
	OPT_WATCH,
	OPT_DELETE,
	OPT_STATS,
	OPT_BATCH_SIZE,
	OPT_REREAD,
	OPT_SHARD,
	OPT_COMPACT,
	OPT_JOBS = 'j'
};

/* More --map options than anyone needs for one export. */
#define MAX_MAPS 64

/* --jobs: the default is one writer per processor, up to DEFAULT_JOBS
 * (each holds a batch in memory); more than MAX_JOBS is a mistake. */
#define DEFAULT_JOBS 8
#define MAX_JOBS 64

/* --batch-size's ceiling: beyond it Xapian commits on its own anyway. */
#define MAX_BATCH 1000000

/* Most frequent values --stats shows per field. */
#define STATS_TOP 5

/* --watch: a file whose last event was not a close after writing is read
 * once it has been quiet this long (it may still be being written). */
#define WATCH_SETTLE_MS 1000
/* --watch commits once changes have been quiet this long, or once the
 * oldest uncommitted change is this old, so that new articles are
 * searchable within seconds even under a steady stream. */
#define WATCH_QUIET_MS 300
#define WATCH_MAX_WAIT_MS 2000

static const struct option long_options[] = {
	{ "db", required_argument, NULL, 'd' },
	{ "format", required_argument, NULL, 'f' },
	{ "map", required_argument, NULL, 'm' },
	{ "no-extract", no_argument, NULL, OPT_NO_EXTRACT },
	{ "prune", no_argument, NULL, OPT_PRUNE },
	{ "reread", no_argument, NULL, OPT_REREAD },
	{ "batch-size", required_argument, NULL, OPT_BATCH_SIZE },
	{ "watch", no_argument, NULL, OPT_WATCH },
	{ "delete", no_argument, NULL, OPT_DELETE },
	{ "stats", no_argument, NULL, OPT_STATS },
	{ "shard", required_argument, NULL, OPT_SHARD },
	{ "compact", no_argument, NULL, OPT_COMPACT },
	{ "jobs", required_argument, NULL, OPT_JOBS },
	{ "quiet", no_argument, NULL, OPT_QUIET },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, 'V' },
	{ NULL, 0, NULL, 0 },
};

static const char usage_text[] =
	"usage: " PROG " [--db DIR] [OPTION]... PATH...\n"
	"       " PROG " [--db DIR] --watch [OPTION]... FOLDER...\n"
	"       " PROG " [--db DIR] --delete ID...\n"
	"       " PROG " [--db DIR] --stats [--format text|json]\n"
	"       " PROG " [--db DIR] --compact\n"
	"\n"
	"Index news articles into a lede index. PATH is a file, a folder\n"
	"(read recursively), a .gz file, an archive (.tar, .tar.gz, .zip)\n"
	"or - for standard input. The index remembers the files it read:\n"
	"running again reads only new and changed files, replaces a changed\n"
	"file's articles and deletes those it no longer holds; it never\n"
	"duplicates them.\n"
	"\n"
	"  -d, --db DIR        the index (default: $LEDE_DB, else\n"
	"                      $XDG_DATA_HOME/lede/index or\n"
	"                      ~/.local/share/lede/index); created if missing\n"
	"  -f, --format FMT    auto (default: by content), text (headline\n"
	"                      line, then body), jsonl (JSON lines or a JSON\n"
	"                      array of articles), html (an article page),\n"
	"                      feed (RSS or Atom), message (an e-mail or\n"
	"                      Usenet post) or mbox; with --stats, text or\n"
	"                      json output\n"
	"  -m, --map KEY=FIELD read JSON key KEY as FIELD (id, headline,\n"
	"                      body, authors, date, source, section,\n"
	"                      language, url, tags, places, orgs, people);\n"
	"                      KEY= ignores the key; repeatable\n"
	"      --no-extract    do not look for places, organisations, people\n"
	"                      and quotes in the text\n"
	"      --prune         delete the articles of files under PATH that\n"
	"                      are gone\n"
	"      --reread        read every file, even unchanged ones (after\n"
	"                      changing --map or --no-extract)\n"
	"      --batch-size N  commit every N articles (default 500; 0: only\n"
	"                      at the end)\n"
	"  -j, --jobs N        into an empty index, write with N threads,\n"
	"                      each into a part of its own, then merge the\n"
	"                      parts (default: one per processor, at most\n"
	"                      8; 1: one writer, committing as it goes)\n"
	"      --watch         index FOLDERs, then keep indexing files as\n"
	"                      they appear, change or go until interrupted\n"
	"      --delete        delete the articles with the ids given\n"
	"      --stats         describe the index on standard output\n"
	"      --shard UNIT    make DIR a shard set: an index per year,\n"
	"                      month or day (UNIT) of the articles' dates,\n"
	"                      searched as one (see lede-index(1))\n"
	"      --compact       compact the index (each shard of a shard\n"
	"                      set) with Xapian's compactor, in place\n"
	"  -q, --quiet         no progress or summary, only warnings and\n"
	"                      errors\n"
	"  -h, --help          show this help and exit\n"
	"  -V, --version       show the version and exit\n"
	"\n"
	"A folder's articles take their section from the folder holding\n"
	"them (business/001.txt) when the article names none.\n"
	"\n"
	"A shard set (--shard) is written and read like one index: later\n"
	"runs need no --shard, and lede-search --db DIR searches it all.\n"
	"\n"
	"Exit status: 0 all files indexed, 1 some files or the index failed\n"
	"(or an id to delete was not found), 2 usage error.\n";

/* Set by SIGINT and SIGTERM; the handler also writes a byte to the pipe
 * so that a --watch waiting in poll wakes up. */
volatile sig_atomic_t stop_signal;
static int stop_pipe[2] = { -1, -1 };

static void
on_stop(int sig)
{
	int saved = errno;
	stop_signal = sig;
	if (stop_pipe[1] >= 0) {
		ssize_t rc = write(stop_pipe[1], "x", 1);
		(void)rc;
	}
	errno = saved;
}

/* stderr is shared by the parallel writers and the progress line: one
 * message at a time, each on a line of its own. */
static pthread_mutex_t output_lock = PTHREAD_MUTEX_INITIALIZER;
static int line_drawn; /* a progress line is on the terminal */

static void
clear_line(void)
{
	if (line_drawn) {
		fputs("\r\033[K", stderr);
		line_drawn = 0;
	}
}

void
err(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	pthread_mutex_lock(&output_lock);
	clear_line();
	fputs(PROG ": ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	pthread_mutex_unlock(&output_lock);
	va_end(ap);
}

double
now_s(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* ---- Progress ---------------------------------------------------------- */

/* Whether a progress line is due: PROGRESS_MS since *last, which then
 * becomes *now. A terminal redrawn for every article slows the run. */
static int
progress_due(double *last, double *now)
{
	*now = now_s();
	if (*now - *last < PROGRESS_MS / 1000.0)
		return 0;
	*last = *now;
	return 1;
}

/* One line on a terminal, redrawn in place: files done of all, articles,
 * their rate and the time left (by bytes, which says more than files
 * whose sizes differ). */
void
progress_show(progress_t *p, unsigned long articles)
{
	double now;
	if (!p->on || !progress_due(&p->last, &now))
		return;
	double elapsed = now - p->start;
	double rate = elapsed > 0 ? (double)articles / elapsed : 0;
	char eta[32] = "";
	if (p->bytes_total && p->bytes_done && elapsed > 1 &&
	    p->bytes_done < p->bytes_total) {
		double left = elapsed * (double)(p->bytes_total -
						 p->bytes_done) /
			      (double)p->bytes_done;
		unsigned long s = (unsigned long)left;
		snprintf(eta, sizeof eta, ", %lu:%02lu:%02lu left", s / 3600,
			 s / 60 % 60, s % 60);
	}
	pthread_mutex_lock(&output_lock);
	fprintf(stderr,
		"\r%llu/%llu files, %lu articles, %.0f articles/s%s\033[K",
		(unsigned long long)p->files_done,
		(unsigned long long)p->files_total, articles, rate, eta);
	line_drawn = 1;
	pthread_mutex_unlock(&output_lock);
}

static void
progress_draw(run_t *run)
{
	progress_show(&run->progress, run->articles);
}

void
progress_end(void)
{
	pthread_mutex_lock(&output_lock);
	clear_line();
	pthread_mutex_unlock(&output_lock);
}

/* ---- Reading files ----------------------------------------------------- */

/* The library names an input by its id base (sport/199.txt); a user
 * wants the path they can open, so keep only the line from `where`. */
void
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

int
on_article(void *ctx, const lede_article_t *article)
{
	run_t *run = ctx;
	/* Interrupted: stop reading (--watch finishes the file first). */
	if (stop_signal && !run->watching)
		return 1;
	lede_status_t st = lede_db_add(run->db, article);
	if (st == LEDE_OK) {
		run->articles++;
		run->changed = 1;
		progress_draw(run);
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

/* Reads one file (or stdin, as "-") with the parser. Returns the parser's
 * status after reporting it. */
static lede_status_t
parse_file(run_t *run, const char *path, const char *name, int in_folder)
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
	return st;
}

/* Indexes one file unless the index holds it as it is; `name` gives ids.
 * Standard input ("-", name NULL) is always read, and has no record. */
void
index_file(run_t *run, const char *path, const char *name, int in_folder,
	   uint64_t size)
{
	if (run->collect) {
		if (!jobs_add_file(run->collect, path, name, in_folder,
				   size)) {
			err("cannot list '%s': out of memory", path);
			run->fatal = 1;
		}
		return;
	}
	if (run->counting) {
		run->progress.files_total++;
		run->progress.bytes_total += size;
		return;
	}
	if (!name) {
		parse_file(run, path, NULL, in_folder);
		return;
	}
	lede_file_state_t state;
	lede_status_t st = lede_db_file_begin(run->db, path, name,
					      run->file_flags, &state);
	if (st != LEDE_OK) {
		err("%s", lede_errmsg(run->db));
		run->failed++;
		if (st != LEDE_IO)
			run->fatal = 1;
	} else if (state == LEDE_FILE_UNCHANGED) {
		run->unchanged++;
	} else {
		st = parse_file(run, path, name, in_folder);
		/* Stopped part way (LEDE_DONE: on_article said stop, for
		 * an interrupt or a failed index) or cut short: read it
		 * again next time. */
		lede_file_end_t how = LEDE_FILE_COMPLETE;
		if (run->fatal || st == LEDE_IO || st == LEDE_NOMEM ||
		    st == LEDE_DONE)
			how = LEDE_FILE_INCOMPLETE;
		else if (st == LEDE_BAD_INPUT)
			how = LEDE_FILE_FAILED;
		uint64_t deleted = 0;
		lede_status_t est = lede_db_file_end(run->db, how, &deleted);
		if (est != LEDE_OK) {
			err("%s", lede_errmsg(run->db));
			run->fatal = 1;
		}
		run->deleted += deleted;
		run->changed = 1;
		if (state == LEDE_FILE_NEW)
			run->added++;
		else
			run->updated++;
	}
	run->progress.files_done++;
	run->progress.bytes_done += size;
	progress_draw(run);
}

/* ---- Walking folders --------------------------------------------------- */

static int
compare_dir_ids(const void *a, const void *b)
{
	const dir_id_t *x = a, *y = b;
	if (x->dev != y->dev)
		return x->dev < y->dev ? -1 : 1;
	if (x->ino != y->ino)
		return x->ino < y->ino ? -1 : 1;
	return 0;
}

/* Adds the folder to the walk's set: 1 if new, 0 if walked already, -1
 * when out of memory. Kept sorted for the search. */
static int
visit(visited_t *set, const struct stat *sb)
{
	dir_id_t id = { sb->st_dev, sb->st_ino };
	size_t lo = 0, hi = set->n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = compare_dir_ids(&id, &set->v[mid]);
		if (c == 0)
			return 0;
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	if (set->n == set->cap) {
		size_t cap = set->cap ? set->cap * 2 : 32;
		dir_id_t *grown = realloc(set->v, cap * sizeof *grown);
		if (!grown)
			return -1;
		set->v = grown;
		set->cap = cap;
	}
	memmove(set->v + lo + 1, set->v + lo, (set->n - lo) * sizeof id);
	set->v[lo] = id;
	set->n++;
	return 1;
}

static int watch_add(run_t *run, const char *dir, const char *rel);

static int
compare_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The names in dir, sorted (byte order) so runs are reproducible, without
 * hidden ones. NULL with *n 0 on failure (errno set) or when empty. */
static char **
list_dir(const char *dir, size_t *n, int *failed)
{
	*n = 0;
	*failed = 0;
	DIR *d = opendir(dir);
	if (!d) {
		*failed = 1;
		return NULL;
	}
	char **names = NULL;
	size_t cap = 0;
	struct dirent *e;
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue; /* ., .., and hidden files */
		if (*n == cap) {
			cap = cap ? cap * 2 : 64;
			char **grown = realloc(names, cap * sizeof *names);
			if (!grown) {
				*failed = 1;
				break;
			}
			names = grown;
		}
		if (!(names[*n] = strdup(e->d_name))) {
			*failed = 1;
			break;
		}
		(*n)++;
	}
	int saved = errno;
	closedir(d);
	errno = saved;
	if (*n)
		qsort(names, *n, sizeof *names, compare_names);
	return names;
}

static void index_entry(run_t *run, const char *path, const char *rel,
			const char *base);

/* Walks dir (path on disk) whose path below the named root is rel ("" at
 * the root). sb is dir's stat. */
static void
index_dir(run_t *run, const char *dir, const char *rel,
	  const struct stat *sb)
{
	int fresh = visit(run->visited, sb);
	if (fresh <= 0) {
		if (fresh < 0) {
			err("cannot walk '%s': out of memory", dir);
			run->failed++;
		} else if (!run->counting) {
			err("skipping '%s': symbolic link to a folder "
			    "already walked (a link loop?)",
			    dir);
			run->skipped_links++;
		}
		return;
	}
	/* Watched before it is listed: a file that appears meanwhile is
	 * seen either way. */
	if (run->watcher && !run->counting && !watch_add(run, dir, rel))
		return;
	size_t n;
	int failed;
	char **names = list_dir(dir, &n, &failed);
	if (failed && !run->counting) {
		err("cannot read folder '%s': %s", dir, strerror(errno));
		run->failed++;
	}
	for (size_t i = 0; i < n && !run->fatal && !stop_signal; i++) {
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
		index_entry(run, path, relpath, names[i]);
		free(path);
		free(relpath);
	}
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
}

/* One entry of a folder: path on disk, rel below the root, base its own
 * name. Links are followed; a link back to a folder walked already is
 * caught by index_dir. */
static void
index_entry(run_t *run, const char *path, const char *rel, const char *base)
{
	struct stat sb;
	if (stat(path, &sb) != 0) {
		if (!run->counting) {
			err("cannot read '%s': %s", path, strerror(errno));
			run->failed++;
		}
	} else if (S_ISDIR(sb.st_mode)) {
		index_dir(run, path, rel, &sb);
	} else if (!S_ISREG(sb.st_mode)) {
		/* Sockets, fifos, devices: nothing to read. */
	} else if (lede_is_documentation_name(base)) {
		if (!run->counting) {
			err("skipping '%s': documentation, not an article "
			    "(name the file to index it)",
			    path);
			run->skipped_docs++;
		}
	} else {
		index_file(run, path, rel, 1, (uint64_t)sb.st_size);
	}
}

/* A folder path without its trailing slashes ("/" stays). */
static char *
trim_slashes(const char *path)
{
	char *root = strdup(path);
	if (!root)
		return NULL;
	size_t len = strlen(root);
	while (len > 1 && root[len - 1] == '/')
		root[--len] = '\0';
	return root;
}

/* Forgets the files at or below path that are gone (--prune, --watch). */
static void
prune_path(run_t *run, const char *path, uint64_t *files_out)
{
	uint64_t files = 0, deleted = 0;
	if (lede_db_prune(run->db, path, &files, &deleted) != LEDE_OK) {
		err("%s", lede_errmsg(run->db));
		run->fatal = 1;
	}
	run->gone += files;
	run->deleted += deleted;
	run->changed |= files > 0;
	if (files_out)
		*files_out = files;
}

static void
index_path(run_t *run, const char *path)
{
	if (!strcmp(path, "-")) {
		if (!run->counting)
			index_file(run, "-", NULL, 0, 0);
		return;
	}
	struct stat sb;
	if (stat(path, &sb) != 0) {
		if (run->counting)
			return;
		int saved = errno;
		/* With --prune a path that is gone is pruned, not an
		 * error, if the index knew files there. */
		uint64_t files = 0;
		if (run->prune && (saved == ENOENT || saved == ENOTDIR))
			prune_path(run, path, &files);
		if (!files) {
			err("cannot read '%s': %s", path, strerror(saved));
			run->failed++;
		}
		return;
	}
	if (S_ISDIR(sb.st_mode)) {
		/* Ids are relative to the folder named, so the same folder
		 * reached by another path keeps its ids. */
		char *root = trim_slashes(path);
		visited_t visited = { NULL, 0, 0 };
		if (!root) {
			err("cannot walk '%s': out of memory", path);
			run->failed++;
			return;
		}
		run->visited = &visited;
		index_dir(run, root, "", &sb);
		run->visited = NULL;
		free(visited.v);
		free(root);
	} else {
		index_file(run, path, path, 0, (uint64_t)sb.st_size);
	}
}

/* For the progress line: walks paths only to count their files and
 * bytes, which give the total and the time left. */
static void
count_paths(run_t *run, char **paths, int n)
{
	if (!run->progress.on)
		return;
	run->counting = 1;
	for (int i = 0; i < n && !stop_signal; i++)
		index_path(run, paths[i]);
	run->counting = 0;
	run->progress.start = now_s();
}

/* One writer per processor, up to DEFAULT_JOBS. */
static unsigned
default_jobs(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);
	return n < 1 ? 1 : n > DEFAULT_JOBS ? DEFAULT_JOBS : (unsigned)n;
}

/* Indexes paths: into an empty index with parallel writers when there
 * are several files and writers (index_jobs.c), else one file after
 * another as the walk finds them. */
static void
index_paths(run_t *run, char **paths, int n, unsigned n_writers,
	    lede_format_t format, const char **maps, int n_maps, long batch,
	    int sharded)
{
	struct jobs *jobs = NULL;
	if (n_writers > 1 && !sharded && jobs_possible(run, paths, n))
		jobs = jobs_new();
	if (!jobs) {
		count_paths(run, paths, n);
		for (int i = 0; i < n && !run->fatal && !stop_signal; i++)
			index_path(run, paths[i]);
		return;
	}
	/* The walk lists the files, saying what it cannot read or skips as
	 * it goes; then they are read. The list gives the progress its
	 * totals: no walk only to count. */
	run->collect = jobs;
	for (int i = 0; i < n && !run->fatal && !stop_signal; i++)
		index_path(run, paths[i]);
	run->collect = NULL;
	run->progress.start = now_s();
	if (!run->fatal && !stop_signal &&
	    !jobs_split_archives(jobs, n_writers)) {
		err("cannot list the files: out of memory");
		run->fatal = 1;
	}
	if (!run->fatal && !stop_signal) {
		if (jobs_files(jobs) > 1)
			jobs_run(run, jobs, n_writers, format,
				 (const char *const *)maps, n_maps, batch);
		else
			jobs_index_here(run, jobs);
	}
	jobs_free(jobs);
}

/* ---- Watching folders (inotify) ---------------------------------------- */

#ifdef __linux__

/* A watched folder: where it is, and its path below its root for ids. */
typedef struct watch_dir {
	char *path;
	char *rel;
} watch_dir_t;

/* A file seen changing, read once it is settled (closed after writing, or
 * quiet for WATCH_SETTLE_MS). */
typedef struct watch_file {
	char *path;
	char *rel;
	double due;
} watch_file_t;

typedef struct watcher {
	int fd;
	watch_dir_t *dirs; /* by watch descriptor */
	size_t n_dirs;
	watch_file_t *files;
	size_t n_files, cap_files;
	size_t watched;
	int overflow; /* events were lost: walk everything again */
} watcher_t;

static int
watch_add(run_t *run, const char *dir, const char *rel)
{
	watcher_t *w = run->watcher;
	uint32_t mask = IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM |
			IN_CREATE | IN_DELETE | IN_MODIFY | IN_ONLYDIR;
	int wd = inotify_add_watch(w->fd, dir, mask);
	if (wd < 0) {
		err("cannot watch '%s': %s%s", dir, strerror(errno),
		    errno == ENOSPC ? " (raise "
				      "/proc/sys/fs/inotify/max_user_watches)"
				    : "");
		run->failed++;
		return 0;
	}
	if ((size_t)wd >= w->n_dirs) {
		size_t n = (size_t)wd * 2 + 16;
		watch_dir_t *grown = realloc(w->dirs, n * sizeof *grown);
		if (!grown) {
			err("cannot watch '%s': out of memory", dir);
			run->fatal = 1;
			return 0;
		}
		memset(grown + w->n_dirs, 0, (n - w->n_dirs) * sizeof *grown);
		w->dirs = grown;
		w->n_dirs = n;
	}
	watch_dir_t *d = &w->dirs[wd];
	if (d->path && strcmp(d->path, dir) != 0) {
		/* The same folder under two paths: inotify knows it by its
		 * inode, and it is watched as the first. */
		err("skipping '%s': the same folder as '%s', watched already",
		    dir, d->path);
		run->skipped_links++;
		return 0;
	}
	if (!d->path)
		w->watched++;
	free(d->path);
	free(d->rel);
	d->path = strdup(dir);
	d->rel = strdup(rel);
	if (!d->path || !d->rel) {
		err("cannot watch '%s': out of memory", dir);
		run->fatal = 1;
		return 0;
	}
	return 1;
}

static void
watch_forget_dir(watcher_t *w, size_t wd)
{
	free(w->dirs[wd].path);
	free(w->dirs[wd].rel);
	w->dirs[wd].path = w->dirs[wd].rel = NULL;
	w->watched--;
}

/* Stops watching path and every folder below it (moved away). */
static void
watch_remove_tree(watcher_t *w, const char *path)
{
	size_t len = strlen(path);
	for (size_t wd = 0; wd < w->n_dirs; wd++) {
		const char *p = w->dirs[wd].path;
		if (p && !strncmp(p, path, len) &&
		    (p[len] == '\0' || p[len] == '/')) {
			inotify_rm_watch(w->fd, (int)wd);
			watch_forget_dir(w, wd);
		}
	}
}

static void
watch_file_free(watch_file_t *f)
{
	free(f->path);
	free(f->rel);
}

static watch_file_t *
watch_file_find(watcher_t *w, const char *path)
{
	for (size_t i = 0; i < w->n_files; i++)
		if (!strcmp(w->files[i].path, path))
			return &w->files[i];
	return NULL;
}

/* Notes that path changed: read it at `due` (or sooner, if it was due
 * sooner and is now settled). */
static int
watch_schedule(watcher_t *w, const char *path, const char *rel, double due)
{
	watch_file_t *f = watch_file_find(w, path);
	if (f) {
		f->due = due;
		return 1;
	}
	if (w->n_files == w->cap_files) {
		size_t cap = w->cap_files ? w->cap_files * 2 : 16;
		watch_file_t *grown = realloc(w->files, cap * sizeof *grown);
		if (!grown)
			return 0;
		w->files = grown;
		w->cap_files = cap;
	}
	f = &w->files[w->n_files];
	f->path = strdup(path);
	f->rel = strdup(rel);
	f->due = due;
	if (!f->path || !f->rel) {
		watch_file_free(f);
		return 0;
	}
	w->n_files++;
	return 1;
}

static void
watch_unschedule(watcher_t *w, const char *path)
{
	watch_file_t *f = watch_file_find(w, path);
	if (!f)
		return;
	watch_file_free(f);
	*f = w->files[--w->n_files];
}

/* Reads the files that are due (all of them when `all`). */
static void
watch_read_due(run_t *run, double now, int all)
{
	watcher_t *w = run->watcher;
	for (size_t i = 0; i < w->n_files && !run->fatal;) {
		watch_file_t f = w->files[i];
		if (!all && f.due > now) {
			i++;
			continue;
		}
		w->files[i] = w->files[--w->n_files];
		struct stat sb;
		/* Gone again already: its deletion said so. */
		if (stat(f.path, &sb) == 0 && S_ISREG(sb.st_mode))
			index_file(run, f.path, f.rel, 1,
				   (uint64_t)sb.st_size);
		watch_file_free(&f);
	}
}

/* One event in a watched folder. */
static void
watch_event(run_t *run, const struct inotify_event *ev, double now)
{
	watcher_t *w = run->watcher;
	if (ev->mask & IN_Q_OVERFLOW) {
		w->overflow = 1;
		return;
	}
	if ((size_t)ev->wd >= w->n_dirs || !w->dirs[ev->wd].path)
		return; /* a folder no longer watched */
	if (ev->mask & IN_IGNORED) {
		watch_forget_dir(w, (size_t)ev->wd);
		return;
	}
	if (!ev->len || ev->name[0] == '.')
		return;
	const watch_dir_t *d = &w->dirs[ev->wd];
	char *path = NULL, *rel = NULL;
	size_t plen = strlen(d->path) + strlen(ev->name) + 2;
	size_t rlen = strlen(d->rel) + strlen(ev->name) + 2;
	path = malloc(plen);
	rel = malloc(rlen);
	if (!path || !rel) {
		err("cannot watch '%s': out of memory", d->path);
		run->fatal = 1;
		free(path);
		free(rel);
		return;
	}
	snprintf(path, plen, "%s/%s", d->path, ev->name);
	snprintf(rel, rlen, "%s%s%s", d->rel, *d->rel ? "/" : "", ev->name);
	if (ev->mask & IN_ISDIR) {
		if (ev->mask & (IN_CREATE | IN_MOVED_TO)) {
			/* A new folder: watch it and read what is already
			 * in it. */
			struct stat sb;
			visited_t visited = { NULL, 0, 0 };
			run->visited = &visited;
			if (stat(path, &sb) == 0)
				index_dir(run, path, rel, &sb);
			run->visited = NULL;
			free(visited.v);
		} else if (ev->mask & (IN_DELETE | IN_MOVED_FROM)) {
			watch_remove_tree(w, path);
			prune_path(run, path, NULL);
		}
	} else if (ev->mask & (IN_DELETE | IN_MOVED_FROM)) {
		watch_unschedule(w, path);
		int found = 0;
		uint64_t deleted = 0;
		if (lede_db_file_remove(run->db, rel, &found, &deleted) !=
		    LEDE_OK) {
			err("%s", lede_errmsg(run->db));
			run->fatal = 1;
		}
		run->gone += found != 0;
		run->deleted += deleted;
		run->changed |= found;
	} else if (lede_is_documentation_name(ev->name)) {
		/* Not an article; said once, when it is closed. */
		if (ev->mask & IN_CLOSE_WRITE) {
			err("skipping '%s': documentation, not an article "
			    "(name the file to index it)",
			    path);
			run->skipped_docs++;
		}
	} else if (ev->mask & (IN_CLOSE_WRITE | IN_MOVED_TO)) {
		if (!watch_schedule(w, path, rel, now))
			run->fatal = 1;
	} else if (ev->mask & (IN_CREATE | IN_MODIFY)) {
		if (!watch_schedule(w, path, rel,
				    now + WATCH_SETTLE_MS / 1000.0))
			run->fatal = 1;
	}
	free(path);
	free(rel);
}

/* Reads what inotify has; 0 when the descriptor failed. */
static int
watch_read_events(run_t *run, double now)
{
	/* Aligned for struct inotify_event, as inotify(7) asks. */
	static union {
		struct inotify_event ev;
		char bytes[64 * 1024];
	} buf;
	for (;;) {
		ssize_t got = read(run->watcher->fd, buf.bytes,
				   sizeof buf.bytes);
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0 && errno == EAGAIN)
			return 1;
		if (got <= 0) {
			err("cannot watch: %s",
			    got < 0 ? strerror(errno) : "no more events");
			return 0;
		}
		for (char *p = buf.bytes; p < buf.bytes + got;) {
			const struct inotify_event *ev = (const void *)p;
			watch_event(run, ev, now);
			p += sizeof *ev + ev->len;
		}
	}
}

static void commit_now(run_t *run);

/* Indexes the folders (pruning what is gone), then follows their changes
 * until a signal comes; everything read by then is committed. */
static void
watch_paths(run_t *run, char **paths, int n)
{
	watcher_t w = { 0 };
	w.fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
	if (w.fd < 0) {
		err("cannot watch: %s", strerror(errno));
		run->fatal = 1;
		return;
	}
	run->watcher = &w;
	for (int i = 0; i < n && !run->fatal && !stop_signal; i++) {
		index_path(run, paths[i]);
		prune_path(run, paths[i], NULL);
	}
	run->progress.on = 0;
	commit_now(run);
	if (!run->fatal && !stop_signal && !run->quiet)
		err("watching %zu folder%s for changes (interrupt to stop)",
		    w.watched, w.watched == 1 ? "" : "s");
	double last_event = 0, first_change = 0;
	int was_changed = 0;
	while (!run->fatal && !stop_signal) {
		double now = now_s();
		/* Wake for the next file due or the next commit due. */
		double wake = now + 60;
		for (size_t i = 0; i < w.n_files; i++)
			if (w.files[i].due < wake)
				wake = w.files[i].due;
		if (run->changed) {
			double quiet = last_event + WATCH_QUIET_MS / 1000.0;
			double oldest = first_change +
					WATCH_MAX_WAIT_MS / 1000.0;
			double due = quiet < oldest ? quiet : oldest;
			if (due < wake)
				wake = due;
		}
		int timeout = wake <= now ? 0 : (int)((wake - now) * 1000) + 1;
		struct pollfd fds[2] = { { w.fd, POLLIN, 0 },
					 { stop_pipe[0], POLLIN, 0 } };
		int rc = poll(fds, 2, timeout);
		if (rc < 0 && errno != EINTR) {
			err("cannot watch: %s", strerror(errno));
			run->fatal = 1;
			break;
		}
		now = now_s();
		if (rc > 0 && (fds[0].revents & POLLIN)) {
			if (!watch_read_events(run, now)) {
				run->fatal = 1;
				break;
			}
			last_event = now;
		}
		if (w.overflow) {
			/* Events were lost: compare everything again. */
			w.overflow = 0;
			err("warning: too many changes at once; checking "
			    "every file again");
			for (int i = 0; i < n && !run->fatal; i++) {
				index_path(run, paths[i]);
				prune_path(run, paths[i], NULL);
			}
		}
		watch_read_due(run, now, 0);
		if (run->changed && !was_changed)
			first_change = now;
		was_changed = run->changed;
		if (run->changed &&
		    (now - last_event >= WATCH_QUIET_MS / 1000.0 ||
		     now - first_change >= WATCH_MAX_WAIT_MS / 1000.0)) {
			commit_now(run);
			was_changed = 0;
		}
	}
	/* Stopped: the events already queued, and the files seen changing,
	 * are read before the end. */
	if (!run->fatal && watch_read_events(run, now_s()))
		watch_read_due(run, now_s(), 1);
	for (size_t i = 0; i < w.n_files; i++)
		watch_file_free(&w.files[i]);
	free(w.files);
	for (size_t wd = 0; wd < w.n_dirs; wd++) {
		free(w.dirs[wd].path);
		free(w.dirs[wd].rel);
	}
	free(w.dirs);
	close(w.fd);
	run->watcher = NULL;
}

#else /* !__linux__ */

static int
watch_add(run_t *run, const char *dir, const char *rel)
{
	(void)run;
	(void)dir;
	(void)rel;
	return 1;
}

#endif

static void
commit_now(run_t *run)
{
	if (!run->changed)
		return;
	if (lede_db_commit(run->db) != LEDE_OK) {
		err("%s", lede_errmsg(run->db));
		run->fatal = 1;
	}
	run->changed = 0;
}

/* ---- --delete and --stats ---------------------------------------------- */

static int
delete_ids(lede_db_t *db, char **ids, int n, int quiet)
{
	unsigned long deleted = 0, missing = 0;
	int failed = 0;
	for (int i = 0; i < n && !failed; i++) {
		int found = 0;
		if (lede_db_delete(db, ids[i], LEDE_NTS, &found) != LEDE_OK) {
			err("%s", lede_errmsg(db));
			failed = 1;
		} else if (found) {
			deleted++;
		} else {
			err("no article '%s' in the index", ids[i]);
			missing++;
		}
	}
	if (!failed && lede_db_commit(db) != LEDE_OK) {
		err("%s", lede_errmsg(db));
		failed = 1;
	}
	if (!quiet && !failed)
		err("deleted %lu articles; %lu not found", deleted, missing);
	return failed || missing;
}

static const struct {
	const char *name;
	lede_field_t field;
} stat_fields[] = {
	{ "headline", LEDE_FIELD_HEADLINE }, { "author", LEDE_FIELD_AUTHOR },
	{ "source", LEDE_FIELD_SOURCE },     { "section", LEDE_FIELD_SECTION },
	{ "language", LEDE_FIELD_LANGUAGE }, { "url", LEDE_FIELD_URL },
	{ "tag", LEDE_FIELD_TAG },	     { "place", LEDE_FIELD_PLACE },
	{ "org", LEDE_FIELD_ORG },	     { "person", LEDE_FIELD_PERSON },
};
#define N_STAT_FIELDS (sizeof stat_fields / sizeof *stat_fields)

static void
print_stats_text(const lede_stats_t *st, const char *dbpath)
{
	int64_t articles = lede_stats_get(st, LEDE_STAT_ARTICLES);
	int64_t bytes = lede_stats_get(st, LEDE_STAT_BYTES);
	int64_t when = lede_stats_get(st, LEDE_STAT_LAST_COMMIT);
	char iso[LEDE_DATE_BUFSIZE] = "unknown";
	if (when != LEDE_NO_DATE)
		lede_date_format(when, iso);
	printf("index        %s\n", dbpath);
	printf("articles     %lld\n", (long long)articles);
	printf("terms        %lld distinct, %lld in all\n",
	       (long long)lede_stats_get(st, LEDE_STAT_TERMS),
	       (long long)lede_stats_get(st, LEDE_STAT_WORDS));
	printf("size         %.1f MiB (%lld bytes)\n",
	       (double)bytes / (1024.0 * 1024.0), (long long)bytes);
	int64_t shards = lede_stats_get(st, LEDE_STAT_SHARDS);
	if (shards != 1)
		printf("shards       %lld\n", (long long)shards);
	printf("files        %lld (%lld to read again)\n",
	       (long long)lede_stats_get(st, LEDE_STAT_FILES),
	       (long long)lede_stats_get(st, LEDE_STAT_FILES_PENDING));
	printf("last commit  %s\n", iso);
	printf("articles with:\n");
	printf("  %-10s %lld\n", "date",
	       (long long)lede_stats_get(st, LEDE_STAT_DATED));
	printf("  %-10s %lld\n", "quotes",
	       (long long)lede_stats_get(st, LEDE_STAT_QUOTED));
	for (size_t i = 0; i < N_STAT_FIELDS; i++) {
		uint64_t n = 0;
		lede_stats_field(st, stat_fields[i].field, &n);
		printf("  %-10s %llu\n", stat_fields[i].name,
		       (unsigned long long)n);
	}
	int header = 0;
	for (size_t i = 0; i < N_STAT_FIELDS; i++) {
		const char *value;
		uint64_t count;
		for (size_t k = 0; lede_stats_top(st, stat_fields[i].field, k,
						  &value, &count) == LEDE_OK;
		     k++) {
			if (!header++)
				printf("most frequent:\n");
			if (k == 0)
				printf("  %-10s", stat_fields[i].name);
			printf("%s %s (%llu)", k ? "," : "", value,
			       (unsigned long long)count);
		}
		if (lede_stats_top(st, stat_fields[i].field, 0, &value,
				   &count) == LEDE_OK)
			putchar('\n');
	}
}

static int
print_stats_json(const lede_stats_t *st, const char *dbpath)
{
	int64_t when = lede_stats_get(st, LEDE_STAT_LAST_COMMIT);
	char iso[LEDE_DATE_BUFSIZE];
	if (when != LEDE_NO_DATE)
		lede_date_format(when, iso);
	json_t *fields = json_object(), *top = json_object();
	json_t *o = json_pack(
		"{s:s, s:I, s:I, s:I, s:I, s:I, s:I, s:I, s:o, s:o, s:o}",
		"index", dbpath, "shards",
		(json_int_t)lede_stats_get(st, LEDE_STAT_SHARDS), "articles",
		(json_int_t)lede_stats_get(st, LEDE_STAT_ARTICLES), "terms",
		(json_int_t)lede_stats_get(st, LEDE_STAT_TERMS), "words",
		(json_int_t)lede_stats_get(st, LEDE_STAT_WORDS), "bytes",
		(json_int_t)lede_stats_get(st, LEDE_STAT_BYTES), "files",
		(json_int_t)lede_stats_get(st, LEDE_STAT_FILES),
		"files_pending",
		(json_int_t)lede_stats_get(st, LEDE_STAT_FILES_PENDING),
		"last_commit",
		when != LEDE_NO_DATE ? json_string(iso) : json_null(),
		"fields", fields, "top", top);
	if (!o)
		return 1;
	json_object_set_new(fields, "date",
			    json_integer(lede_stats_get(st, LEDE_STAT_DATED)));
	json_object_set_new(
		fields, "quotes",
		json_integer(lede_stats_get(st, LEDE_STAT_QUOTED)));
	for (size_t i = 0; i < N_STAT_FIELDS; i++) {
		uint64_t n = 0;
		lede_stats_field(st, stat_fields[i].field, &n);
		json_object_set_new(fields, stat_fields[i].name,
				    json_integer((json_int_t)n));
		json_t *list = NULL;
		const char *value;
		uint64_t count;
		for (size_t k = 0; lede_stats_top(st, stat_fields[i].field, k,
						  &value, &count) == LEDE_OK;
		     k++) {
			if (!list)
				list = json_array();
			json_array_append_new(
				list, json_pack("{s:s, s:I}", "value", value,
						"count", (json_int_t)count));
		}
		if (list)
			json_object_set_new(top, stat_fields[i].name, list);
	}
	int rc = json_dumpf(o, stdout, JSON_INDENT(2)) != 0;
	putchar('\n');
	json_decref(o);
	return rc;
}

static int
show_stats(lede_db_t *db, const char *dbpath, int json)
{
	lede_stats_t *st = NULL;
	if (lede_stats_new(db, STATS_TOP, &st) != LEDE_OK) {
		err("%s", lede_errmsg(db));
		return 1;
	}
	int rc = 0;
	if (json)
		rc = print_stats_json(st, dbpath);
	else
		print_stats_text(st, dbpath);
	lede_stats_free(st);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		err("cannot write the statistics: %s", strerror(errno));
		rc = 1;
	}
	return rc;
}

/* ---- --compact ---------------------------------------------------------- */

typedef struct compact_progress {
	int on;
	double last;
} compact_progress_t;

void
table_progress(double *last, const char *doing, const char *index,
	       const char *table, const char *status)
{
	double now;
	if (!progress_due(last, &now))
		return;
	pthread_mutex_lock(&output_lock);
	fprintf(stderr, "\r%s %s: %s %s\033[K", doing, index, table, status);
	line_drawn = 1;
	pthread_mutex_unlock(&output_lock);
}

/* One line on a terminal, redrawn in place: the index and the table. */
static void
on_compact(void *ctx, const char *index, const char *table,
	   const char *status)
{
	compact_progress_t *p = ctx;
	if (p->on)
		table_progress(&p->last, "compacting", index, table, status);
}

static int
compact(const char *dbpath, int quiet)
{
	compact_progress_t p = { !quiet && isatty(STDERR_FILENO), 0 };
	uint64_t before = 0, after = 0;
	char *msg = NULL;
	double start = now_s();
	lede_status_t st = lede_db_compact(dbpath, on_compact, &p, &before,
					   &after, &msg);
	progress_end();
	if (st != LEDE_OK) {
		err("%s", msg ? msg : lede_status_str(st));
		lede_free(msg);
		return 1;
	}
	if (!quiet)
		fprintf(stderr,
			PROG ": compacted '%s': %.1f MiB to %.1f MiB in %.1f "
			     "s\n",
			dbpath, (double)before / (1024.0 * 1024.0),
			(double)after / (1024.0 * 1024.0), now_s() - start);
	return 0;
}

/* ---- main -------------------------------------------------------------- */

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

/* How many articles the index at path holds as committed, read afresh:
 * after a failed write the writer's own handle may say nothing, or say
 * what it held before the failure undid it. When it cannot be read,
 * *known is 0 and why[0..size) says why. */
static uint64_t
committed_count(const char *path, int *known, char *why, size_t size)
{
	lede_db_t *db = NULL;
	char *msg = NULL;
	uint64_t n = 0;
	lede_status_t st = lede_db_open(path, LEDE_OPEN_READ, &db, &msg);
	if (st == LEDE_OK)
		st = lede_db_count(db, &n);
	if (st != LEDE_OK)
		snprintf(why, size, "%s",
			 msg  ? msg
			 : db ? lede_errmsg(db)
			      : lede_status_str(st));
	lede_free(msg);
	lede_db_close(db);
	*known = st == LEDE_OK;
	return *known ? n : 0;
}

/* The summary. `stopped`: an error stopped the run (said above), and
 * articles read since the index's last commit are not in it: the count in
 * the index is then read from what is on disk, and the files are those
 * begun, not those recorded. */
static void
print_summary(const run_t *run, uint64_t total, int stopped)
{
	if (stopped) {
		int known;
		char why[512];
		total = committed_count(run->dbpath, &known, why,
					sizeof why);
		fprintf(stderr,
			PROG ": stopped by the error above after reading %lu "
			     "articles from %lu files; '%s' ",
			run->articles, run->files, run->dbpath);
		if (known)
			fprintf(stderr,
				"holds %llu articles as of its last commit",
				(unsigned long long)total);
		else
			fprintf(stderr, "cannot be read now (%s)", why);
		fputs(": run again to read the rest\n", stderr);
	} else {
		fprintf(stderr,
			PROG ": %lu articles from %lu files into '%s' (%llu in "
			     "the index)\n",
			run->articles, run->files, run->dbpath,
			(unsigned long long)total);
	}
	fprintf(stderr,
		PROG ": files: %lu new, %lu changed, %lu unchanged, %lu gone; "
		     "%llu articles deleted; %lu skipped",
		run->added, run->updated, run->unchanged, run->gone,
		(unsigned long long)run->deleted,
		run->skipped_docs + run->skipped_links);
	if (run->skipped_docs && run->skipped_links)
		fprintf(stderr, " (%lu documentation, %lu folders walked "
				"already)",
			run->skipped_docs, run->skipped_links);
	else if (run->skipped_docs)
		fprintf(stderr, " (documentation)");
	else if (run->skipped_links)
		fprintf(stderr, " (folders walked already)");
	fprintf(stderr, "; %lu failed; %lu warnings\n", run->failed,
		run->warnings);
}

static void
catch_signals(void)
{
	if (pipe(stop_pipe) == 0) {
		for (int i = 0; i < 2; i++)
			fcntl(stop_pipe[i], F_SETFL,
			      fcntl(stop_pipe[i], F_GETFL) | O_NONBLOCK);
	}
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_stop;
	sigemptyset(&sa.sa_mask);
	/* A second interrupt kills at once, as the user then wants;
	 * committed work survives that too. */
	sa.sa_flags = SA_RESETHAND;
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
}

int
main(int argc, char **argv)
{
	run_t run = { 0 };
	int quiet = 0, no_extract = 0, opt;
	int watch = 0, deleting = 0, stats = 0, compacting = 0;
	lede_shard_unit_t shard_unit = 0;
	long batch = -1, jobs = 0;
	const char *format_name = NULL;
	const char *maps[MAX_MAPS];
	int n_maps = 0;
	char *dbpath = NULL;
	const char *dbopt = NULL;
	while ((opt = getopt_long(argc, argv, "d:f:j:m:qhV", long_options,
				  NULL)) != -1) {
		switch (opt) {
		case 'd':
			dbopt = optarg;
			break;
		case 'f':
			format_name = optarg;
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
		case OPT_PRUNE:
			run.prune = 1;
			break;
		case OPT_REREAD:
			run.file_flags |= LEDE_FILE_REREAD;
			break;
		case OPT_BATCH_SIZE: {
			char *end;
			errno = 0;
			batch = strtol(optarg, &end, 10);
			if (errno || *end || end == optarg || batch < 0 ||
			    batch > MAX_BATCH)
				return usage_error("--batch-size wants a "
						   "number from 0 to %d, "
						   "not '%s'",
						   MAX_BATCH, optarg);
			break;
		}
		case OPT_JOBS: {
			char *end;
			errno = 0;
			jobs = strtol(optarg, &end, 10);
			if (errno || *end || end == optarg || jobs < 1 ||
			    jobs > MAX_JOBS)
				return usage_error("--jobs wants a number "
						   "from 1 to %d, not '%s'",
						   MAX_JOBS, optarg);
			break;
		}
		case OPT_WATCH:
			watch = 1;
			break;
		case OPT_DELETE:
			deleting = 1;
			break;
		case OPT_STATS:
			stats = 1;
			break;
		case OPT_SHARD:
			if (!strcmp(optarg, "year"))
				shard_unit = LEDE_SHARD_YEAR;
			else if (!strcmp(optarg, "month"))
				shard_unit = LEDE_SHARD_MONTH;
			else if (!strcmp(optarg, "day"))
				shard_unit = LEDE_SHARD_DAY;
			else
				return usage_error("--shard cuts by year, "
						   "month or day, not '%s'",
						   optarg);
			break;
		case OPT_COMPACT:
			compacting = 1;
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
	if (watch + deleting + stats + compacting > 1)
		return usage_error("%s", "--watch, --delete, --stats and "
					 "--compact do not go together");
	if (shard_unit && (deleting || stats || compacting))
		return usage_error("%s", "--shard is for indexing: --delete, "
					 "--stats and --compact find the "
					 "shards themselves");
	if (compacting && optind < argc)
		return usage_error("--compact takes no paths ('%s'): it "
				   "compacts the index --db names",
				   argv[optind]);
	int stats_json = 0;
	lede_format_t format = LEDE_FORMAT_AUTO;
	if (stats) {
		if (format_name && strcmp(format_name, "text") &&
		    strcmp(format_name, "json"))
			return usage_error("--stats prints text or json, "
					   "not '%s'",
					   format_name);
		stats_json = format_name && !strcmp(format_name, "json");
		if (optind < argc)
			return usage_error("--stats takes no paths ('%s')",
					   argv[optind]);
	} else if (format_name &&
		   lede_format_parse(format_name, &format) != LEDE_OK) {
		return usage_error("unknown format '%s' (auto, text, jsonl, "
				   "html, feed, message or mbox)",
				   format_name);
	}
	if (!stats && !compacting && optind >= argc)
		return usage_error("%s", deleting ? "--delete: give the ids "
						  "of the articles to delete"
						: "nothing to index: give "
						  "files, folders or - for "
						  "stdin");
#ifndef __linux__
	if (watch)
		return usage_error("%s", "--watch needs Linux (inotify)");
#endif
	for (int i = optind; watch && i < argc; i++) {
		struct stat sb;
		if (stat(argv[i], &sb) != 0 || !S_ISDIR(sb.st_mode))
			return usage_error("--watch follows folders; '%s' is "
					   "not one",
					   argv[i]);
	}

	if (!dbopt) {
		dbpath = lede_default_path();
		if (!dbpath) {
			err("out of memory");
			return 1;
		}
	}
	run.dbpath = dbopt ? dbopt : dbpath;
	if (compacting) {
		int rc = compact(run.dbpath, quiet);
		free(dbpath);
		return rc;
	}
	char *msg = NULL;
	lede_open_flags_t mode = stats	  ? LEDE_OPEN_READ
				 : deleting ? LEDE_OPEN_WRITE
					  : LEDE_OPEN_CREATE;
	lede_status_t st =
		shard_unit ? lede_db_open_sharded(run.dbpath, shard_unit,
						  &run.db, &msg)
			   : lede_db_open(run.dbpath, mode, &run.db, &msg);
	if (st != LEDE_OK) {
		err("%s", msg ? msg : lede_status_str(st));
		lede_free(msg);
		free(dbpath);
		return 1;
	}
	if (stats || deleting) {
		int rc = stats ? show_stats(run.db, run.dbpath, stats_json)
			       : delete_ids(run.db, argv + optind,
					    argc - optind, quiet);
		if (lede_db_close(run.db) != LEDE_OK && !rc) {
			err("cannot close index '%s'", run.dbpath);
			rc = 1;
		}
		free(dbpath);
		return rc;
	}

	if (lede_parser_new(on_article, on_warning, &run, &run.parser) !=
	    LEDE_OK) {
		err("out of memory");
		lede_db_close(run.db);
		free(dbpath);
		return 1;
	}
	lede_parser_set_format(run.parser, format);
	for (int i = 0; i < n_maps; i++)
		if (lede_parser_map(run.parser, maps[i]) != LEDE_OK) {
			int rc = usage_error(
				"%s", lede_parser_errmsg(run.parser));
			lede_parser_free(run.parser);
			lede_db_close(run.db);
			free(dbpath);
			return rc;
		}
	if (no_extract)
		run.flags |= LEDE_PARSE_NO_EXTRACT;
	if (batch >= 0)
		lede_db_set_batch_size(run.db, (unsigned)batch);
	catch_signals();

	/* Progress only for a person watching: a terminal, not --quiet.
	 * Counting the files first gives the total and the time left. */
	run.quiet = quiet;
	run.progress.on = !quiet && isatty(STDERR_FILENO);

	if (watch) {
		count_paths(&run, argv + optind, argc - optind);
		run.watching = 1;
#ifdef __linux__
		watch_paths(&run, argv + optind, argc - optind);
#endif
	} else {
		index_paths(&run, argv + optind, argc - optind,
			    jobs ? (unsigned)jobs : default_jobs(), format,
			    maps, n_maps, batch, shard_unit != 0);
		for (int i = optind;
		     run.prune && i < argc && !run.fatal && !stop_signal; i++)
			if (strcmp(argv[i], "-"))
				prune_path(&run, argv[i], NULL);
	}
	progress_end();

	uint64_t total = 0;
	lede_status_t cst = run.db ? lede_db_commit(run.db) : LEDE_NO_INDEX;
	if (cst != LEDE_OK && run.db)
		err("%s", lede_errmsg(run.db));
	else if (run.db)
		lede_db_count(run.db, &total);
	lede_status_t close_st = run.db ? lede_db_close(run.db) : LEDE_OK;
	if (close_st != LEDE_OK && cst == LEDE_OK) {
		err("cannot close index '%s': %s", run.dbpath,
		    lede_status_str(close_st));
		cst = close_st;
	}
	int interrupted = stop_signal && !watch;
	if (interrupted)
		err("interrupted: what was read is committed; run again to "
		    "read the rest");
	if (!quiet)
		print_summary(&run, total, run.fatal || cst != LEDE_OK);
	free(dbpath);
	lede_parser_free(run.parser);
	/* A watch ends by a signal: that is its clean end, and files that
	 * failed on the way were said as they came. */
	if (watch)
		return (run.fatal || cst != LEDE_OK) ? 1 : 0;
	return (run.failed || run.fatal || interrupted || cst != LEDE_OK)
		       ? 1
		       : 0;
}
