/* test_files.c: incremental indexing, batch size and statistics, through
 * include/lede.h only.
 * SPDX-License-Identifier: MIT
 */
#define _POSIX_C_SOURCE 200809L

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "check.h"
#include "lede.h"

static char dir[4096];

/* Paths in the scratch folder, kept until the test ends. */
static char *paths[16];
static size_t n_paths;

static const char *
in_dir(const char *name)
{
	size_t size = strlen(dir) + strlen(name) + 2;
	char *path = malloc(size);
	if (!path || n_paths == sizeof paths / sizeof *paths)
		abort();
	snprintf(path, size, "%s/%s", dir, name);
	return paths[n_paths++] = path;
}

/* Writes text to the file and dates it `age` seconds back (files changed
 * in the last two seconds are compared by content). */
static void
write_file(const char *path, const char *text, time_t age)
{
	FILE *f = fopen(path, "w");
	CHECK(f != NULL);
	if (!f)
		return;
	fputs(text, f);
	fclose(f);
	struct timespec times[2];
	times[0].tv_sec = times[1].tv_sec = time(NULL) - age;
	times[0].tv_nsec = times[1].tv_nsec = 0;
	CHECK_INT(utimensat(AT_FDCWD, path, times, 0), 0);
}

static void
add(lede_db_t *db, const char *id, const char *body)
{
	lede_article_t a = { 0 };
	a.id = id;
	a.headline = "Harbour news";
	a.body = body;
	a.date = LEDE_NO_DATE;
	a.section = "Business";
	CHECK_INT(lede_db_add(db, &a), LEDE_OK);
}

static uint64_t
count(lede_db_t *db)
{
	uint64_t n = 0;
	CHECK_INT(lede_db_count(db, &n), LEDE_OK);
	return n;
}

static lede_file_state_t
begin(lede_db_t *db, const char *path, const char *name)
{
	lede_file_state_t state = (lede_file_state_t)-1;
	CHECK_INT(lede_db_file_begin(db, path, name, 0, &state), LEDE_OK);
	return state;
}

static void
test_files(void)
{
	const char *dbpath = in_dir("files.lede");
	const char *feed = in_dir("feed.jsonl");
	lede_db_t *db = NULL;
	CHECK_INT(lede_db_open(dbpath, LEDE_OPEN_CREATE, &db, NULL), LEDE_OK);
	if (!db)
		return;
	uint64_t deleted = 99;

	/* New: read it, its articles go in. */
	write_file(feed, "three records\n", 3600);
	CHECK_INT(begin(db, feed, "feed.jsonl"), LEDE_FILE_NEW);
	add(db, "f1", "ferries one");
	add(db, "f2", "ferries two");
	add(db, "f3", "ferries three");
	CHECK_INT(lede_db_file_end(db, LEDE_FILE_COMPLETE, &deleted),
		  LEDE_OK);
	CHECK_INT(deleted, 0);
	CHECK_INT(count(db), 3);

	/* Unchanged: nothing to do, and no file is open after. */
	CHECK_INT(begin(db, feed, "feed.jsonl"), LEDE_FILE_UNCHANGED);
	CHECK_INT(lede_db_file_end(db, LEDE_FILE_COMPLETE, NULL),
		  LEDE_MISUSE);
	/* Touched: the same content, still unchanged. */
	write_file(feed, "three records\n", 1800);
	CHECK_INT(begin(db, feed, "feed.jsonl"), LEDE_FILE_UNCHANGED);
	/* Asked to read it anyway. */
	lede_file_state_t state;
	CHECK_INT(lede_db_file_begin(db, feed, "feed.jsonl", LEDE_FILE_REREAD,
				     &state),
		  LEDE_OK);
	CHECK_INT(state, LEDE_FILE_CHANGED);
	CHECK_INT(lede_db_file_end(db, LEDE_FILE_INCOMPLETE, &deleted),
		  LEDE_OK);
	CHECK_INT(count(db), 3);

	/* Changed, same size: the hash tells. Two records left, one new:
	 * f1 and f3 go, f2 is replaced. */
	write_file(feed, "THREE records\n", 900);
	CHECK_INT(begin(db, feed, "feed.jsonl"), LEDE_FILE_CHANGED);
	add(db, "f2", "ferries two again");
	add(db, "f4", "ferries four");
	CHECK_INT(lede_db_file_end(db, LEDE_FILE_COMPLETE, &deleted),
		  LEDE_OK);
	CHECK_INT(deleted, 2);
	CHECK_INT(count(db), 2);

	/* Reading stopped part way: its articles stay, and it is read again
	 * next time even though its content is what was recorded then. */
	write_file(feed, "four records, say\n", 600);
	CHECK_INT(begin(db, feed, "feed.jsonl"), LEDE_FILE_CHANGED);
	add(db, "f5", "ferries five");
	CHECK_INT(lede_db_file_end(db, LEDE_FILE_INCOMPLETE, &deleted),
		  LEDE_OK);
	CHECK_INT(deleted, 0);
	CHECK_INT(count(db), 3);
	CHECK_INT(begin(db, feed, "feed.jsonl"), LEDE_FILE_CHANGED);
	add(db, "f5", "ferries five");
	CHECK_INT(lede_db_file_end(db, LEDE_FILE_COMPLETE, &deleted),
		  LEDE_OK);
	CHECK_INT(deleted, 2);

	/* Nothing readable in it: its articles go, and it is read again. */
	write_file(feed, "garbage\n", 300);
	CHECK_INT(begin(db, feed, "feed.jsonl"), LEDE_FILE_CHANGED);
	CHECK_INT(lede_db_file_end(db, LEDE_FILE_FAILED, &deleted), LEDE_OK);
	CHECK_INT(deleted, 1);
	CHECK_INT(begin(db, feed, "feed.jsonl"), LEDE_FILE_NEW);
	add(db, "f6", "ferries six");
	/* One file at a time. */
	CHECK_INT(lede_db_file_begin(db, feed, "other", 0, &state),
		  LEDE_MISUSE);
	CHECK(strstr(lede_errmsg(db), "still open") != NULL);
	CHECK_INT(lede_db_file_end(db, LEDE_FILE_COMPLETE, NULL), LEDE_OK);

	/* A file that is not there. */
	CHECK_INT(lede_db_file_begin(db, in_dir("none.txt"), "none.txt", 0,
				     &state),
		  LEDE_IO);
	CHECK(strstr(lede_errmsg(db), "none.txt") != NULL);

	/* Articles added outside a file have none: prune leaves them. */
	add(db, "loose", "ferries without a file");
	const char *text = in_dir("story.txt");
	write_file(text, "Story\n\nText.\n", 3600);
	CHECK_INT(begin(db, text, "story.txt"), LEDE_FILE_NEW);
	add(db, "story.txt", "ferries in a story");
	CHECK_INT(lede_db_file_end(db, LEDE_FILE_COMPLETE, NULL), LEDE_OK);
	CHECK_INT(count(db), 3);

	/* Prune: only gone files, only below the path. */
	uint64_t files = 99;
	CHECK_INT(lede_db_prune(db, dir, &files, &deleted), LEDE_OK);
	CHECK_INT(files, 0);
	CHECK_INT(deleted, 0);
	unlink(text);
	CHECK_INT(lede_db_prune(db, in_dir("elsewhere"), &files, &deleted),
		  LEDE_OK);
	CHECK_INT(files, 0);
	CHECK_INT(lede_db_prune(db, dir, &files, &deleted), LEDE_OK);
	CHECK_INT(files, 1);
	CHECK_INT(deleted, 1);
	CHECK_INT(count(db), 2);

	/* Remove by name. */
	int found = -1;
	CHECK_INT(lede_db_file_remove(db, "feed.jsonl", &found, &deleted),
		  LEDE_OK);
	CHECK_INT(found, 1);
	CHECK_INT(deleted, 1);
	CHECK_INT(lede_db_file_remove(db, "feed.jsonl", &found, &deleted),
		  LEDE_OK);
	CHECK_INT(found, 0);
	CHECK_INT(deleted, 0);
	CHECK_INT(count(db), 1);

	/* A file left open at close: what was added is kept, and the file
	 * is read again next time. */
	write_file(feed, "again\n", 3600);
	CHECK_INT(begin(db, feed, "feed.jsonl"), LEDE_FILE_NEW);
	add(db, "f7", "ferries seven");
	CHECK_INT(lede_db_close(db), LEDE_OK);
	CHECK_INT(lede_db_open(dbpath, LEDE_OPEN_WRITE, &db, NULL), LEDE_OK);
	if (!db)
		return;
	CHECK_INT(count(db), 2);
	CHECK_INT(begin(db, feed, "feed.jsonl"), LEDE_FILE_NEW);
	CHECK_INT(lede_db_file_end(db, LEDE_FILE_INCOMPLETE, NULL), LEDE_OK);

	/* Misuse. */
	CHECK_INT(lede_db_file_begin(NULL, feed, "x", 0, &state),
		  LEDE_MISUSE);
	CHECK_INT(lede_db_file_begin(db, NULL, "x", 0, &state), LEDE_MISUSE);
	CHECK_INT(lede_db_file_begin(db, feed, NULL, 0, &state), LEDE_MISUSE);
	CHECK_INT(lede_db_file_begin(db, feed, "x", 0, NULL), LEDE_MISUSE);
	CHECK_INT(lede_db_file_end(NULL, LEDE_FILE_COMPLETE, NULL),
		  LEDE_MISUSE);
	CHECK_INT(lede_db_file_remove(db, NULL, NULL, NULL), LEDE_MISUSE);
	CHECK_INT(lede_db_prune(db, NULL, NULL, NULL), LEDE_MISUSE);
	CHECK_INT(lede_db_close(db), LEDE_OK);

	/* Readers cannot. */
	CHECK_INT(lede_db_open(dbpath, LEDE_OPEN_READ, &db, NULL), LEDE_OK);
	CHECK_INT(lede_db_file_begin(db, feed, "feed.jsonl", 0, &state),
		  LEDE_MISUSE);
	CHECK_INT(lede_db_prune(db, dir, NULL, NULL), LEDE_MISUSE);
	CHECK_INT(lede_db_set_batch_size(db, 10), LEDE_MISUSE);
	CHECK_INT(lede_db_close(db), LEDE_OK);
}

/* The batch size decides when readers see articles. */
static void
test_batches(void)
{
	const char *dbpath = in_dir("batch.lede");
	lede_db_t *w = NULL, *r = NULL;
	CHECK_INT(lede_db_open(dbpath, LEDE_OPEN_CREATE, &w, NULL), LEDE_OK);
	CHECK_INT(lede_db_open(dbpath, LEDE_OPEN_READ, &r, NULL), LEDE_OK);
	if (!w || !r)
		return;
	CHECK_INT(lede_db_set_batch_size(w, 2), LEDE_OK);
	add(w, "b1", "one");
	CHECK_INT(count(r), 0);
	add(w, "b2", "two");
	CHECK_INT(count(r), 2);
	add(w, "b3", "three");
	CHECK_INT(count(r), 2);
	CHECK_INT(lede_db_set_batch_size(w, 0), LEDE_OK);
	for (int i = 0; i < 5; i++)
		add(w, "b4", "four, again and again");
	CHECK_INT(count(r), 2);
	CHECK_INT(lede_db_commit(w), LEDE_OK);
	CHECK_INT(count(r), 4);
	CHECK_INT(lede_db_set_batch_size(NULL, 1), LEDE_MISUSE);
	CHECK_INT(lede_db_close(w), LEDE_OK);
	CHECK_INT(lede_db_close(r), LEDE_OK);
}

static void
test_stats(void)
{
	const char *dbpath = in_dir("stats.lede");
	lede_db_t *db = NULL;
	CHECK_INT(lede_db_open(dbpath, LEDE_OPEN_CREATE, &db, NULL), LEDE_OK);
	if (!db)
		return;
	lede_article_t a = { 0 };
	const char *authors[] = { "Jane Smith" };
	a.id = "s1";
	a.headline = "Ferries resume";
	a.body = "Ferries resumed sailing.";
	a.section = "Travel";
	a.authors = authors;
	a.n_authors = 1;
	a.date = 1700000000;
	CHECK_INT(lede_db_add(db, &a), LEDE_OK);
	a.id = "s2";
	a.authors = NULL;
	a.n_authors = 0;
	a.date = LEDE_NO_DATE;
	CHECK_INT(lede_db_add(db, &a), LEDE_OK);
	a.id = "s3";
	a.section = "Sport";
	CHECK_INT(lede_db_add(db, &a), LEDE_OK);
	time_t before = time(NULL);
	CHECK_INT(lede_db_close(db), LEDE_OK);

	CHECK_INT(lede_db_open(dbpath, LEDE_OPEN_READ, &db, NULL), LEDE_OK);
	lede_stats_t *st = NULL;
	CHECK_INT(lede_stats_new(db, 1, &st), LEDE_OK);
	CHECK_INT(lede_stats_get(st, LEDE_STAT_ARTICLES), 3);
	CHECK_INT(lede_stats_get(st, LEDE_STAT_DATED), 1);
	CHECK_INT(lede_stats_get(st, LEDE_STAT_FILES), 0);
	CHECK(lede_stats_get(st, LEDE_STAT_TERMS) > 5);
	CHECK(lede_stats_get(st, LEDE_STAT_WORDS) > 5);
	CHECK(lede_stats_get(st, LEDE_STAT_BYTES) > 0);
	int64_t when = lede_stats_get(st, LEDE_STAT_LAST_COMMIT);
	CHECK(when >= before - 2 && when <= time(NULL));
	CHECK_INT(lede_stats_get(st, (lede_stat_t)99), -1);
	uint64_t n = 0;
	CHECK_INT(lede_stats_field(st, LEDE_FIELD_AUTHOR, &n), LEDE_OK);
	CHECK_INT(n, 1);
	CHECK_INT(lede_stats_field(st, LEDE_FIELD_SECTION, &n), LEDE_OK);
	CHECK_INT(n, 3);
	CHECK_INT(lede_stats_field(st, LEDE_FIELD_URL, &n), LEDE_OK);
	CHECK_INT(n, 0);
	CHECK_INT(lede_stats_field(st, LEDE_FIELD_ID, &n), LEDE_OK);
	CHECK_INT(n, 3);
	CHECK_INT(lede_stats_field(st, LEDE_FIELD_BODY, &n), LEDE_MISUSE);
	const char *value = NULL;
	CHECK_INT(lede_stats_top(st, LEDE_FIELD_SECTION, 0, &value, &n),
		  LEDE_OK);
	CHECK_STR(value, "Travel");
	CHECK_INT(n, 2);
	CHECK_INT(lede_stats_top(st, LEDE_FIELD_SECTION, 1, &value, &n),
		  LEDE_DONE);
	CHECK_INT(lede_stats_top(st, LEDE_FIELD_URL, 0, &value, &n),
		  LEDE_MISUSE);
	lede_stats_free(st);
	lede_stats_free(NULL);
	CHECK_INT(lede_stats_new(db, 0, NULL), LEDE_MISUSE);
	CHECK_INT(lede_stats_new(NULL, 0, &st), LEDE_MISUSE);
	CHECK_INT(lede_stats_get(NULL, LEDE_STAT_ARTICLES), -1);
	CHECK_INT(lede_db_close(db), LEDE_OK);
}

int
main(int argc, char **argv)
{
	snprintf(dir, sizeof dir, "%s/lede-files-XXXXXX",
		 argc > 1 ? argv[1] : "/tmp");
	if (!mkdtemp(dir)) {
		perror("mkdtemp");
		return 1;
	}
	test_files();
	test_batches();
	test_stats();
	char cmd[4200];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", dir);
	while (n_paths)
		free(paths[--n_paths]);
	return CHECK_DONE();
}
