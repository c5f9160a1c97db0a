/* lede-index.h: what lede-index.c and index_jobs.c (its parallel writers)
 * share: a run's state, and reading one file into an index.
 * SPDX-License-Identifier: MIT
 */
#ifndef LEDE_INDEX_H
#define LEDE_INDEX_H

#include <signal.h>
#include <stdint.h>
#include <sys/types.h>

#include "lede.h"

#define PROG "lede-index"

/* Progress redraws at most this often. */
#define PROGRESS_MS 200

/* Set by SIGINT and SIGTERM: stop reading, keep what was read. */
extern volatile sig_atomic_t stop_signal;

typedef struct progress {
	int on;
	uint64_t files_total, bytes_total; /* from counting first */
	uint64_t files_done, bytes_done;
	double start, last;
} progress_t;

typedef struct dir_id {
	dev_t dev;
	ino_t ino;
} dir_id_t;

/* The folders one walk has entered, by device and inode, so that a link
 * back up the tree (or to a folder walked already) is not walked twice. */
typedef struct visited {
	dir_id_t *v;
	size_t n, cap;
} visited_t;

struct watcher;

typedef struct run {
	lede_db_t *db;
	const char *dbpath;
	lede_parser_t *parser;
	unsigned flags;	     /* LEDE_PARSE_* for every input */
	unsigned file_flags; /* LEDE_FILE_* */
	int prune, watching, quiet;
	int counting; /* walking only to count files for the progress */
	struct jobs *collect; /* walking only to list the files to index */
	/* What happened, for the summary. */
	unsigned long files, articles, warnings, failed;
	unsigned long added, updated, unchanged, gone;
	unsigned long skipped_docs, skipped_links;
	uint64_t deleted;
	int fatal;	   /* the index itself failed: stop */
	int changed;	   /* something was written since the last commit */
	const char *where; /* the file being read, for messages */
	const char *name;  /* its name for ids, NULL for stdin */
	progress_t progress;
	visited_t *visited;
	struct watcher *watcher;
} run_t;

struct jobs;

/* Prints "lede-index: " and the message on stderr, first clearing a
 * progress line; safe from any thread. */
#ifdef __GNUC__
__attribute__((format(printf, 1, 2)))
#endif
void err(const char *fmt, ...);

/* Seconds on a monotonic clock. */
double now_s(void);

/* The parser's callbacks; ctx is the run. */
int on_article(void *ctx, const lede_article_t *article);
void on_warning(void *ctx, const char *where, const char *message);

/* Indexes one file into run->db unless the index holds it as it is;
 * `name` gives ids (NULL: standard input, "-"). Counts what happened in
 * run. */
void index_file(run_t *run, const char *path, const char *name,
		int in_folder, uint64_t size);

/* Redraws the progress line (a terminal only) from p, articles so far. */
void progress_show(progress_t *p, unsigned long articles);

/* A compactor's progress (lede_compact_fn's arguments): one line,
 * "DOING INDEX: TABLE STATUS", redrawn at most every PROGRESS_MS. */
void table_progress(double *last, const char *doing, const char *index,
		    const char *table, const char *status);

/* Clears the progress line, if one is drawn. */
void progress_end(void);

/* ---- Parallel writers (index_jobs.c) ---- */

/* The files of a run listed first (by a walk with run->collect set), to
 * be shared among writers. */
struct jobs *jobs_new(void);
void jobs_free(struct jobs *jobs);
size_t jobs_files(const struct jobs *jobs);

/* Adds a file to the list; 0 when out of memory. */
int jobs_add_file(struct jobs *jobs, const char *path, const char *name,
		  int in_folder, uint64_t size);

/* Whether run may write in parallel: its index is empty (no articles, no
 * file records), and it reads no standard input among paths. */
int jobs_possible(run_t *run, char *const *paths, int n);

/* Cuts each listed archive bigger than one writer's share into runs of
 * its entries, one job each; 0 when out of memory. */
int jobs_split_archives(struct jobs *jobs, unsigned n_writers);

/* Indexes the listed files in order into run->db, as a walk would have. */
void jobs_index_here(run_t *run, struct jobs *jobs);

/* Indexes the listed files with n_writers writers, each into an index of
 * its own beside run->dbpath, then merges those into it (lede_db_merge)
 * and opens it again as run->db. The writers' parsers read as
 * run->parser's options say: format, maps, flags. Counts into run as
 * index_file does; run->fatal when the index failed. */
void jobs_run(run_t *run, struct jobs *jobs, unsigned n_writers,
	      lede_format_t format, const char *const *maps, int n_maps,
	      long batch);

#endif /* LEDE_INDEX_H */
