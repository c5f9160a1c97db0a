/* index_jobs.c: lede-index's parallel writers, for a first load.
 * SPDX-License-Identifier: MIT
 *
 * Xapian's writer is single-threaded, and writing is most of what
 * indexing costs. When the index is empty, the files are listed first
 * and cut, in order, into parts, big ones first; each writer thread
 * takes the next part, reads it into an index of its own beside the
 * target (DB.lede-jobs.PID/N) with its own parser, and takes another
 * until none is left. lede_db_merge then merges the parts, in order, into
 * the target, keeping for an id in several files the copy of the last,
 * as one writer would have. The parts hold file records, so later runs
 * are incremental as after any first run.
 *
 * An archive too big for one writer to finish with the others (the RSS
 * corpus is one .tar.gz) is cut into runs of its entries, each a job of
 * its own (lede_parser_set_entries): in order, so the last copy of an id
 * is still the last. Each run's part records the whole file with its own
 * articles; lede_db_merge makes one record of them, counting the file's
 * articles in the merged index.
 *
 * What is given up: until the merge, nothing is in the target. An
 * interrupt stops the writers after their current file and still merges
 * what they read; a crash leaves the target empty, and the next run
 * starts again (removing the parts a dead run left).
 */
#define _XOPEN_SOURCE 700 /* nftw */

#include <errno.h>
#include <ftw.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <dirent.h>

#include "lede-index.h"

#define JOBS_SUFFIX ".lede-jobs."

typedef struct job_file {
	char *path, *name;
	int in_folder;
	uint64_t size;
	/* A run of an archive's entries (count 0: the whole file); `more`
	 * for every run but the first, which alone counts as the file and
	 * owns path and name (the others borrow them). */
	uint64_t first, count;
	int more;
} job_file_t;

struct writer;

struct jobs {
	job_file_t *files;
	size_t n_files, cap_files;
	uint64_t bytes;
	/* Part k is files [first[k], first[k + 1]). */
	size_t *first;
	size_t n_parts;
	char **part_paths;
	char *dir;
	/* Under lock: the next part to take; stop: a writer's index
	 * failed; made[k]: part k's index was made. */
	pthread_mutex_t lock;
	pthread_cond_t done;
	size_t next_part;
	int stop;
	unsigned running;
	unsigned char *made;
	/* What the writers' parsers are given. */
	lede_format_t format;
	const char *const *maps;
	int n_maps;
	long batch;
	const run_t *main;
};

typedef struct writer {
	struct jobs *jobs;
	run_t run;
	pthread_t thread;
	/* Progress for the main thread, updated after each file. */
	atomic_ulong articles, files_done;
	atomic_uint_least64_t bytes_done;
} writer_t;

struct jobs *
jobs_new(void)
{
	struct jobs *j = calloc(1, sizeof *j);
	if (!j)
		return NULL;
	pthread_mutex_init(&j->lock, NULL);
	pthread_cond_init(&j->done, NULL);
	return j;
}

void
jobs_free(struct jobs *j)
{
	if (!j)
		return;
	for (size_t i = 0; i < j->n_files; i++) {
		if (j->files[i].more)
			continue; /* the first run's strings */
		free(j->files[i].path);
		free(j->files[i].name);
	}
	free(j->files);
	for (size_t k = 0; j->part_paths && k < j->n_parts; k++)
		free(j->part_paths[k]);
	free(j->part_paths);
	free(j->first);
	free(j->made);
	free(j->dir);
	pthread_mutex_destroy(&j->lock);
	pthread_cond_destroy(&j->done);
	free(j);
}

size_t
jobs_files(const struct jobs *j)
{
	return j->n_files;
}

int
jobs_add_file(struct jobs *j, const char *path, const char *name,
	      int in_folder, uint64_t size)
{
	if (j->n_files == j->cap_files) {
		size_t cap = j->cap_files ? 2 * j->cap_files : 256;
		job_file_t *grown = realloc(j->files, cap * sizeof *grown);
		if (!grown)
			return 0;
		j->files = grown;
		j->cap_files = cap;
	}
	job_file_t *f = &j->files[j->n_files];
	f->path = strdup(path);
	f->name = strdup(name);
	if (!f->path || !f->name) {
		free(f->path);
		free(f->name);
		return 0;
	}
	f->in_folder = in_folder;
	f->size = size;
	f->first = f->count = 0;
	f->more = 0;
	j->bytes += size;
	j->n_files++;
	return 1;
}

int
jobs_possible(run_t *run, char *const *paths, int n)
{
	for (int i = 0; i < n; i++)
		if (!strcmp(paths[i], "-"))
			return 0;
	uint64_t count = 0;
	if (lede_db_count(run->db, &count) != LEDE_OK || count)
		return 0;
	/* No file records either (a first run cut short records files
	 * before their articles), and one index, not a shard set. */
	lede_stats_t *st = NULL;
	if (lede_stats_new(run->db, 0, &st) != LEDE_OK)
		return 0;
	int empty = lede_stats_get(st, LEDE_STAT_FILES) == 0 &&
		    lede_stats_get(st, LEDE_STAT_SHARDS) == 1;
	lede_stats_free(st);
	return empty;
}

void
jobs_index_here(run_t *run, struct jobs *j)
{
	run->progress.files_total = j->n_files;
	run->progress.bytes_total = j->bytes;
	for (size_t i = 0; i < j->n_files && !run->fatal && !stop_signal;
	     i++) {
		job_file_t *f = &j->files[i];
		index_file(run, f->path, f->name, f->in_folder, f->size);
	}
}

/* What a file weighs in the plan: its bytes, and a little for opening it
 * and keeping its record, so that empty files are not free. */
static uint64_t
weight(const job_file_t *f)
{
	return f->size + 512;
}

/* Cuts an archive bigger than one writer's share into runs of its
 * entries, as many as it holds shares (rounded up), in place of the
 * file; 0 when out of memory. Listing an archive reads it once more, so
 * only such archives are listed. */
int
jobs_split_archives(struct jobs *j, unsigned writers)
{
	uint64_t total = 0;
	for (size_t i = 0; i < j->n_files; i++)
		total += weight(&j->files[i]);
	uint64_t share = total / writers;
	for (size_t i = 0; i < j->n_files && writers > 1; i++) {
		job_file_t *f = &j->files[i];
		uint64_t entries = 0;
		if (weight(f) <= share ||
		    lede_archive_entries(f->path, &entries) != LEDE_OK)
			continue;
		uint64_t runs = (weight(f) + share - 1) / share;
		if (runs > writers)
			runs = writers;
		/* Each run at least two entries, or it is not worth it. */
		if (runs < 2 || entries < 2 * runs)
			continue;
		size_t more = (size_t)runs - 1;
		if (j->n_files + more > j->cap_files) {
			size_t cap = j->n_files + more;
			job_file_t *grown = realloc(j->files,
						    cap * sizeof *grown);
			if (!grown)
				return 0;
			j->files = grown;
			j->cap_files = cap;
			f = &j->files[i];
		}
		job_file_t whole = *f;
		job_file_t *runs_at = &j->files[i];
		memmove(runs_at + runs, runs_at + 1,
			(j->n_files - i - 1) * sizeof *runs_at);
		for (uint64_t r = 0; r < runs; r++) {
			job_file_t *c = &runs_at[r];
			*c = whole; /* the first run owns path and name */
			c->first = entries * r / runs;
			/* The last run reads to the end, whatever was added
			 * since the archive was listed. */
			c->count = r + 1 < runs
					   ? entries * (r + 1) / runs - c->first
					   : UINT64_MAX - c->first;
			c->size = whole.size / runs;
			c->more = r > 0;
		}
		j->n_files += more;
		i += more;
	}
	return 1;
}

/* Cuts the files, in order, into parts that get smaller as the run goes
 * on (guided scheduling): each takes 1/(2 * writers) of what is left,
 * but not less than 1/(16 * writers) of all. Big parts first keep the
 * parts few (each is opened, committed and merged); small ones last let
 * the writers finish close together. No part is empty. */
static int
plan_parts(struct jobs *j, unsigned writers)
{
	size_t cap = j->n_files ? j->n_files : 1;
	j->first = calloc(cap + 1, sizeof *j->first);
	j->made = calloc(cap, 1);
	j->part_paths = calloc(cap, sizeof *j->part_paths);
	if (!j->first || !j->made || !j->part_paths)
		return 0;
	uint64_t total = 0;
	for (size_t i = 0; i < j->n_files; i++)
		total += weight(&j->files[i]);
	uint64_t least = total / (16 * (uint64_t)writers);
	uint64_t left = total, acc = 0, want = 0;
	size_t k = 0;
	for (size_t i = 0; i < j->n_files; i++) {
		if (i == j->first[k]) {
			want = left / (2 * (uint64_t)writers);
			if (want < least)
				want = least;
		} else if (acc >= want) {
			j->first[++k] = i;
			left -= acc;
			acc = 0;
			want = left / (2 * (uint64_t)writers);
			if (want < least)
				want = least;
		}
		acc += weight(&j->files[i]);
	}
	j->n_parts = k + 1;
	j->first[j->n_parts] = j->n_files;
	return 1;
}

/* Removes a file, or an empty folder once nftw has emptied it. */
static int
remove_entry(const char *path, const struct stat *sb, int type,
	     struct FTW *ftw)
{
	(void)sb;
	(void)ftw;
	return (type == FTW_DP ? rmdir(path) : unlink(path)) == 0 ? 0 : -1;
}

static int
remove_tree(const char *path)
{
	return nftw(path, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
}

/* Removes what runs that died left beside the index: DB.lede-jobs.PID of
 * a process that is gone. */
static void
remove_stale(const char *dbpath)
{
	const char *slash = strrchr(dbpath, '/');
	char *parent = slash ? strndup(dbpath, (size_t)(slash - dbpath) +
							(slash == dbpath))
			     : strdup(".");
	const char *base = slash ? slash + 1 : dbpath;
	DIR *d = parent ? opendir(parent) : NULL;
	struct dirent *e;
	size_t blen = strlen(base), slen = strlen(JOBS_SUFFIX);
	while (d && (e = readdir(d))) {
		if (strncmp(e->d_name, base, blen) ||
		    strncmp(e->d_name + blen, JOBS_SUFFIX, slen))
			continue;
		char *end;
		long pid = strtol(e->d_name + blen + slen, &end, 10);
		if (*end || pid <= 0 || pid == (long)getpid() ||
		    kill((pid_t)pid, 0) == 0 || errno != ESRCH)
			continue;
		size_t len = strlen(parent) + strlen(e->d_name) + 2;
		char *stale = malloc(len);
		if (stale) {
			snprintf(stale, len, "%s/%s", parent, e->d_name);
			(void)remove_tree(stale);
		}
		free(stale);
	}
	if (d)
		closedir(d);
	free(parent);
}

/* Takes the next part to write, or returns 0 when none is left or the
 * run stops. */
static int
next_part(struct jobs *j, size_t *k)
{
	pthread_mutex_lock(&j->lock);
	int go = !j->stop && !stop_signal && j->next_part < j->n_parts;
	if (go)
		*k = j->next_part++;
	pthread_mutex_unlock(&j->lock);
	return go;
}

/* Writes part k into its own index; 0 when that index failed. */
static int
write_part(writer_t *w, size_t k)
{
	struct jobs *j = w->jobs;
	run_t *run = &w->run;
	char *msg = NULL;
	/* A part lives only until the merge, and a crash starts the load
	 * again: its commits need not wait for the disk. */
	lede_status_t st = lede_db_open(j->part_paths[k],
					LEDE_OPEN_CREATE | LEDE_OPEN_NO_SYNC,
					&run->db, &msg);
	if (st != LEDE_OK) {
		err("%s", msg ? msg : lede_status_str(st));
		lede_free(msg);
		return 0;
	}
	pthread_mutex_lock(&j->lock);
	j->made[k] = 1;
	pthread_mutex_unlock(&j->lock);
	if (j->batch >= 0)
		lede_db_set_batch_size(run->db, (unsigned)j->batch);
	for (size_t i = j->first[k];
	     i < j->first[k + 1] && !run->fatal && !stop_signal; i++) {
		job_file_t *f = &j->files[i];
		run_t before = *run;
		lede_parser_set_entries(run->parser, f->first, f->count);
		index_file(run, f->path, f->name, f->in_folder, f->size);
		if (f->more) {
			/* The file was counted with its first run. */
			run->files = before.files;
			run->added = before.added;
			run->updated = before.updated;
			run->unchanged = before.unchanged;
			run->progress.files_done = before.progress.files_done;
		}
		atomic_store(&w->articles, run->articles);
		atomic_store(&w->files_done, run->progress.files_done);
		atomic_store(&w->bytes_done, run->progress.bytes_done);
		pthread_mutex_lock(&j->lock);
		int stop = j->stop;
		pthread_mutex_unlock(&j->lock);
		if (stop)
			break;
	}
	if (lede_db_commit(run->db) != LEDE_OK) {
		err("%s", lede_errmsg(run->db));
		run->fatal = 1;
	}
	lede_db_close(run->db);
	run->db = NULL;
	return !run->fatal;
}

static void *
writer_main(void *arg)
{
	writer_t *w = arg;
	struct jobs *j = w->jobs;
	size_t k;
	while (next_part(j, &k))
		if (!write_part(w, k)) {
			w->run.fatal = 1;
			pthread_mutex_lock(&j->lock);
			j->stop = 1;
			pthread_mutex_unlock(&j->lock);
			break;
		}
	pthread_mutex_lock(&j->lock);
	j->running--;
	pthread_cond_signal(&j->done);
	pthread_mutex_unlock(&j->lock);
	return NULL;
}

/* A writer's run: the main run's options, its own parser and counts. */
static int
writer_init(writer_t *w, struct jobs *j)
{
	const run_t *m = j->main;
	memset(&w->run, 0, sizeof w->run);
	w->jobs = j;
	w->run.flags = m->flags;
	w->run.file_flags = m->file_flags;
	w->run.quiet = m->quiet;
	atomic_init(&w->articles, 0);
	atomic_init(&w->files_done, 0);
	atomic_init(&w->bytes_done, 0);
	if (lede_parser_new(on_article, on_warning, &w->run,
			    &w->run.parser) != LEDE_OK)
		return 0;
	lede_parser_set_format(w->run.parser, j->format);
	/* The maps were checked on the main run's parser. */
	for (int i = 0; i < j->n_maps; i++)
		(void)lede_parser_map(w->run.parser, j->maps[i]);
	return 1;
}

static void
add_counts(run_t *to, const run_t *from)
{
	to->files += from->files;
	to->articles += from->articles;
	to->warnings += from->warnings;
	to->failed += from->failed;
	to->added += from->added;
	to->updated += from->updated;
	to->unchanged += from->unchanged;
	to->deleted += from->deleted;
	to->fatal |= from->fatal;
}

/* The progress line while writers work: their counts summed. */
static void
show_progress(run_t *run, writer_t *w, unsigned n)
{
	progress_t p = run->progress;
	unsigned long articles = run->articles;
	for (unsigned i = 0; i < n; i++) {
		articles += atomic_load(&w[i].articles);
		p.files_done += atomic_load(&w[i].files_done);
		p.bytes_done += atomic_load(&w[i].bytes_done);
	}
	progress_show(&p, articles);
}

typedef struct merge_progress {
	int on;
	double last;
} merge_progress_t;

static void
on_merge(void *ctx, const char *index, const char *table,
	 const char *status)
{
	merge_progress_t *p = ctx;
	if (p->on)
		table_progress(&p->last, "merging the parts into", index,
			       table, status);
}

/* After an interrupt: an archive cut into runs may have runs no writer
 * began, which leave no record to say so; its merged record is made
 * "not wholly read", so that the next run reads it again. */
static void
reread_split_archives(run_t *run, const struct jobs *j)
{
	for (size_t i = 0; i < j->n_files; i++) {
		const job_file_t *f = &j->files[i];
		lede_file_state_t state;
		if (!f->count || f->more)
			continue;
		if (lede_db_file_begin(run->db, f->path, f->name,
				       LEDE_FILE_REREAD, &state) != LEDE_OK ||
		    lede_db_file_end(run->db, LEDE_FILE_INCOMPLETE, NULL) !=
			    LEDE_OK ||
		    lede_db_commit(run->db) != LEDE_OK)
			err("%s", lede_errmsg(run->db));
	}
}

/* Merges the parts made into the target. */
static void
merge_parts(run_t *run, struct jobs *j)
{
	const char **made = calloc(j->n_parts ? j->n_parts : 1,
				   sizeof *made);
	size_t n = 0;
	if (!made) {
		err("out of memory");
		run->fatal = 1;
		return;
	}
	for (size_t k = 0; k < j->n_parts; k++)
		if (j->made[k])
			made[n++] = j->part_paths[k];
	if (n) {
		merge_progress_t p = { run->progress.on, 0 };
		char *msg = NULL;
		lede_status_t st = lede_db_merge(run->dbpath, made, n,
						 on_merge, &p, &msg);
		progress_end();
		if (st != LEDE_OK) {
			err("%s", msg ? msg : lede_status_str(st));
			run->fatal = 1;
		}
		lede_free(msg);
	}
	free(made);
}

void
jobs_run(run_t *run, struct jobs *j, unsigned n_writers,
	 lede_format_t format, const char *const *maps, int n_maps,
	 long batch)
{
	j->format = format;
	j->maps = maps;
	j->n_maps = n_maps;
	j->batch = batch;
	j->main = run;
	size_t len = strlen(run->dbpath) + sizeof JOBS_SUFFIX + 24;
	j->dir = malloc(len);
	writer_t *w = calloc(n_writers, sizeof *w);
	int ok = j->dir && w && plan_parts(j, n_writers);
	for (size_t k = 0; ok && k < j->n_parts; k++) {
		size_t plen = len + 24;
		if (!(j->part_paths[k] = malloc(plen)))
			ok = 0;
		else
			snprintf(j->part_paths[k], plen, "%s%s%ld/%zu",
				 run->dbpath, JOBS_SUFFIX, (long)getpid(), k);
	}
	if (!ok) {
		err("out of memory");
		run->fatal = 1;
		free(w);
		return;
	}
	snprintf(j->dir, len, "%s%s%ld", run->dbpath, JOBS_SUFFIX,
		 (long)getpid());
	remove_stale(run->dbpath);
	if (mkdir(j->dir, 0777) != 0) {
		err("cannot make '%s' for the parallel writers: %s", j->dir,
		    strerror(errno));
		run->fatal = 1;
		free(w);
		return;
	}
	/* The merge takes the index's lock; the writers hold their parts'. */
	lede_db_close(run->db);
	run->db = NULL;

	/* An archive's runs are one file. */
	run->progress.files_total = 0;
	for (size_t i = 0; i < j->n_files; i++)
		run->progress.files_total += !j->files[i].more;
	run->progress.bytes_total = j->bytes;
	unsigned started = 0;
	for (unsigned i = 0; i < n_writers; i++) {
		if (!writer_init(&w[i], j)) {
			lede_parser_free(w[i].run.parser);
			break;
		}
		pthread_mutex_lock(&j->lock);
		j->running++;
		pthread_mutex_unlock(&j->lock);
		if (pthread_create(&w[i].thread, NULL, writer_main, &w[i])) {
			pthread_mutex_lock(&j->lock);
			j->running--;
			pthread_mutex_unlock(&j->lock);
			lede_parser_free(w[i].run.parser);
			break;
		}
		started++;
	}
	if (!started) {
		err("cannot start the parallel writers");
		run->fatal = 1;
	}
	pthread_mutex_lock(&j->lock);
	while (j->running) {
		struct timespec until;
		clock_gettime(CLOCK_REALTIME, &until);
		until.tv_nsec += PROGRESS_MS * 1000000L;
		if (until.tv_nsec >= 1000000000L) {
			until.tv_sec++;
			until.tv_nsec -= 1000000000L;
		}
		pthread_cond_timedwait(&j->done, &j->lock, &until);
		if (run->progress.on) {
			pthread_mutex_unlock(&j->lock);
			show_progress(run, w, started);
			pthread_mutex_lock(&j->lock);
		}
	}
	pthread_mutex_unlock(&j->lock);
	for (unsigned i = 0; i < started; i++) {
		pthread_join(w[i].thread, NULL);
		add_counts(run, &w[i].run);
		lede_parser_free(w[i].run.parser);
	}
	free(w);
	progress_end();

	/* A writer's index failed (said already): what the others wrote is
	 * dropped with it, and the target stays as it was, empty. */
	if (!run->fatal)
		merge_parts(run, j);
	if (remove_tree(j->dir) != 0)
		err("cannot remove '%s': %s", j->dir, strerror(errno));
	char *msg = NULL;
	if (lede_db_open(run->dbpath, LEDE_OPEN_CREATE, &run->db, &msg) !=
	    LEDE_OK) {
		err("%s", msg ? msg : "cannot open the index again");
		run->fatal = 1;
		run->db = NULL;
	}
	lede_free(msg);
	if (run->db && !run->fatal && stop_signal)
		reread_split_archives(run, j);
}
