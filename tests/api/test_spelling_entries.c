/* test_spelling_entries.c: the spelling table gets every committed
 * article's words, whenever the writer gives them, through include/lede.h
 * only.
 * SPDX-License-Identifier: MIT
 *
 * A writer gives the spelling table its words at the commits its caller
 * asks for; the batch commits in between record them in the index
 * instead. These check what a user sees: a suggestion for a word of a
 * committed article, after an explicit commit, after closing, and after
 * a writer that died without closing (its words reach the table with the
 * next writer's commit).
 *
 * usage: test_spelling_entries SCRATCH
 */
#define _POSIX_C_SOURCE 200809L

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "check.h"
#include "lede.h"

static char dir[4096];

static const char *
index_path(const char *name)
{
	static char path[4096 + 64];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	return path;
}

static lede_status_t
add(lede_db_t *db, int n, const char *word)
{
	char id[32], body[256];
	lede_article_t a = { 0 };
	snprintf(id, sizeof id, "article-%d", n);
	snprintf(body, sizeof body,
		 "The ferry from %s sailed at dawn, and the harbour master "
		 "counted the passengers on the pier.",
		 word);
	a.id = id;
	a.headline = "Ferry sails at dawn";
	a.body = body;
	a.date = LEDE_NO_DATE;
	return lede_db_add(db, &a);
}

/* What lede suggests for `typo` in the index at path ("" for none). */
static void
suggestion(const char *path, const char *typo, char *out, size_t size)
{
	lede_db_t *db = NULL;
	lede_query_t *q = NULL;
	lede_results_t *r = NULL;
	*out = '\0';
	CHECK_INT(lede_db_open(path, LEDE_OPEN_READ, &db, NULL), LEDE_OK);
	if (db)
		CHECK_INT(lede_query_new(db, typo, LEDE_NTS, &q), LEDE_OK);
	if (q)
		CHECK_INT(lede_query_run(q, &r), LEDE_OK);
	if (r && lede_results_suggestion(r))
		snprintf(out, size, "%s", lede_results_suggestion(r));
	lede_results_free(r);
	lede_query_free(q);
	lede_db_close(db);
}

static lede_db_t *
open_writer(const char *path, unsigned batch)
{
	lede_db_t *db = NULL;
	CHECK_INT(lede_db_open(path, LEDE_OPEN_CREATE, &db, NULL), LEDE_OK);
	if (db)
		CHECK_INT(lede_db_set_batch_size(db, batch), LEDE_OK);
	return db;
}

/* Small batches, then lede_db_commit: the words are there at once. */
static void
explicit_commit(void)
{
	const char *path = index_path("explicit.lede");
	lede_db_t *db = open_writer(path, 2);
	if (!db)
		return;
	CHECK_INT(add(db, 1, "Scrabster"), LEDE_OK);
	CHECK_INT(add(db, 2, "Stromness"), LEDE_OK); /* a batch commit */
	CHECK_INT(add(db, 3, "Lerwick"), LEDE_OK);
	CHECK_INT(lede_db_commit(db), LEDE_OK);
	char s[256];
	suggestion(path, "scrabstr", s, sizeof s);
	CHECK_STR(s, "scrabster");
	suggestion(path, "lerwik", s, sizeof s);
	CHECK_STR(s, "lerwick");
	CHECK_INT(lede_db_close(db), LEDE_OK);
}

/* No commit at all until closing (batch size 0): more articles than a
 * batch, so the words are recorded on the way. */
static void
close_only(void)
{
	const char *path = index_path("close.lede");
	lede_db_t *db = open_writer(path, 0);
	if (!db)
		return;
	for (int i = 0; i < 700; i++)
		CHECK_INT(add(db, i, i == 10 ? "Kirkwall" : "Thurso"), LEDE_OK);
	CHECK_INT(add(db, 700, "Scalloway"), LEDE_OK);
	CHECK_INT(lede_db_close(db), LEDE_OK);
	char s[256];
	suggestion(path, "kirkwal", s, sizeof s);
	CHECK_STR(s, "kirkwall");
	suggestion(path, "scaloway", s, sizeof s);
	CHECK_STR(s, "scalloway");
}

/* A writer that dies after its batch commits, without closing: its
 * articles are committed, and the next writer's commit gives the
 * spelling table their words. */
static void
writer_dies(void)
{
	const char *path = index_path("crash.lede");
	pid_t pid = fork();
	CHECK(pid >= 0);
	if (pid == 0) {
		lede_db_t *db = NULL;
		/* The default batch (500): its commits record words. */
		if (lede_db_open(path, LEDE_OPEN_CREATE, &db, NULL) !=
		    LEDE_OK)
			_exit(2);
		for (int i = 0; i < 1000; i++)
			if (add(db, i, i == 300 ? "Scrabster" : "Wick") !=
			    LEDE_OK)
				_exit(3);
		_exit(0); /* no close: 1,000 articles in two commits */
	}
	int status = 0;
	CHECK_INT(waitpid(pid, &status, 0), pid);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);

	lede_db_t *db = NULL;
	uint64_t n = 0;
	CHECK_INT(lede_db_open(path, LEDE_OPEN_READ, &db, NULL), LEDE_OK);
	if (db)
		CHECK_INT(lede_db_count(db, &n), LEDE_OK);
	CHECK_INT(n, 1000);
	lede_db_close(db);

	db = open_writer(path, 100);
	if (!db)
		return;
	CHECK_INT(add(db, 100, "Gills"), LEDE_OK);
	CHECK_INT(lede_db_close(db), LEDE_OK);
	char s[256];
	suggestion(path, "scrabstr", s, sizeof s);
	CHECK_STR(s, "scrabster");
	suggestion(path, "gils", s, sizeof s);
	CHECK_STR(s, "gills");
}

int
main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: test_spelling_entries SCRATCH\n");
		return 2;
	}
	/* A fresh folder each run: the checks count articles. */
	snprintf(dir, sizeof dir, "%.4000s/spelling_entries.XXXXXX", argv[1]);
	if (!mkdtemp(dir)) {
		perror(dir);
		return 2;
	}
	explicit_commit();
	close_only();
	writer_dies();
	return CHECK_DONE();
}
