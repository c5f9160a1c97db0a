/* test_statuses.c: each status lede.h documents, provoked through lede.h.
 * SPDX-License-Identifier: MIT
 *
 * For every function returning lede_status_t and every status its comment
 * lists after "Returns", a case here makes the function return exactly
 * that status and checks that the handle's message names the cause (calls
 * without a handle, and getters of a const handle but the body and quote
 * readers, have only their status to tell). The statuses no outside
 * caller can bring about are listed in `exceptions`, each with the
 * reason. Run with "--pairs FILE", the test
 * writes the (function, status) pairs it provoked and its exceptions to
 * FILE; tests/cli/T025-api-docs.sh compares them with the pairs lede.h
 * documents, so a status added to a comment needs a case here, and a
 * status provoked here needs its place in a comment.
 *
 * Usage: test_statuses SCRATCH-DIR FIXTURES-DIR [--pairs FILE]
 */
#define _POSIX_C_SOURCE 200809L

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "check.h"
#include "tar_header.h"
#include "lede.h"

/* What cannot be provoked from outside the library, and why. "*" stands
 * for every function whose comment lists the status. */
static const struct exception {
	const char *fn, *status, *why;
} exceptions[] = {
	{ "*", "LEDE_NOMEM",
	  "running out of memory cannot be brought about through lede.h; "
	  "tests/unit/test_faults.c makes the binding throw std::bad_alloc" },
	{ "*", "LEDE_INTERNAL",
	  "a bug in lede, or an exception of neither Xapian's family nor "
	  "the standard one: no correct use provokes it; test_faults.c "
	  "throws one through the binding's hook" },
	{ "*", "LEDE_MODIFIED",
	  "a writer's commits must discard the revision a reader reads, "
	  "again after the reader's reopen and retry: a race that cannot be "
	  "made to happen on demand; test_faults.c injects "
	  "DatabaseModifiedError" },
	{ "*", "LEDE_CORRUPT",
	  "past lede_db_open (whose LEDE_CORRUPT is provoked here), damage "
	  "shows only in B-tree blocks below the roots, which no edit of "
	  "the index's files makes reliably; test_faults.c injects "
	  "DatabaseCorruptError" },
	/* Writers are made to fail with LEDE_XAPIAN by removing the index's
	 * folder under them; a reader goes on reading the files it has
	 * open, and fails in other ways (LEDE_NO_INDEX) when it reopens. */
	{ "lede_db_open", "LEDE_XAPIAN",
	  "a Xapian error other than a missing, locked, foreign or damaged "
	  "index (an I/O error): cannot be made to happen from outside; "
	  "test_faults.c injects it" },
	{ "lede_db_count", "LEDE_XAPIAN",
	  "a Xapian error while reading (an I/O error); test_faults.c" },
	{ "lede_query_new", "LEDE_XAPIAN",
	  "a Xapian error while reading the index's languages; "
	  "test_faults.c" },
	{ "lede_query_run", "LEDE_XAPIAN",
	  "a Xapian error while matching (an I/O error); test_faults.c" },
	{ "lede_results_next", "LEDE_XAPIAN",
	  "a Xapian error while reading a hit's document; test_faults.c" },
	{ "lede_results_json", "LEDE_XAPIAN",
	  "a Xapian error while reading a hit's document; test_faults.c" },
	{ "lede_results_hit_json", "LEDE_XAPIAN",
	  "a Xapian error while reading a hit's body; test_faults.c" },
	{ "lede_results_article_json", "LEDE_XAPIAN",
	  "a Xapian error while reading a hit's body; test_faults.c" },
	{ "lede_results_quote", "LEDE_XAPIAN",
	  "a Xapian error while reading a hit's body; test_faults.c" },
	{ "lede_results_snippet", "LEDE_XAPIAN",
	  "a Xapian error while reading a hit's body; test_faults.c" },
	{ "lede_results_snippet_ranges", "LEDE_XAPIAN",
	  "a Xapian error while reading a hit's body; test_faults.c" },
	{ "lede_stats_new", "LEDE_XAPIAN",
	  "a Xapian error while reading the term lists; test_faults.c" },
	{ "lede_db_file_begin", "LEDE_XAPIAN",
	  "begin only reads the file's record, from files the writer has "
	  "open: a Xapian error there is an I/O error; test_faults.c" },
	{ "lede_db_open_combined", "LEDE_XAPIAN",
	  "as for lede_db_open, an I/O error, or a remote server's failure "
	  "other than not answering; test_faults.c" },
	{ "lede_db_open_sharded", "LEDE_XAPIAN",
	  "as for lede_db_open, an I/O error while opening or making a "
	  "shard; test_faults.c" },
	{ "lede_db_compact", "LEDE_XAPIAN",
	  "a Xapian error while compacting: a disk that fills up or fails; "
	  "test_faults.c injects it" },
	{ "lede_db_merge", "LEDE_XAPIAN",
	  "a Xapian error while merging: a disk that fills up or fails; "
	  "the same compactor call as lede_db_compact's" },
};

/* The (function, status) pairs provoked so far. */
static struct pair {
	const char *fn, *status;
} provoked[512];
static size_t n_provoked;

static char dir[4096];
static const char *fixtures;

static void
note(const char *fn, const char *status)
{
	for (size_t i = 0; i < n_provoked; i++)
		if (!strcmp(provoked[i].fn, fn) &&
		    !strcmp(provoked[i].status, status))
			return;
	if (n_provoked == sizeof provoked / sizeof *provoked) {
		fprintf(stderr, "test_statuses: too many pairs\n");
		abort();
	}
	provoked[n_provoked].fn = fn;
	provoked[n_provoked].status = status;
	n_provoked++;
}

static int
expect_status(const char *fn, lede_status_t got, lede_status_t want,
	      const char *want_name, int line)
{
	if (got == want) {
		check_passed++;
		note(fn, want_name);
		return 1;
	}
	check_failed++;
	fprintf(stderr, "%s:%d: %s gave %s (%d), want %s\n", __FILE__, line,
		fn, lede_status_str(got), (int)got, want_name);
	return 0;
}

/* EXPECT(lede_db_add, (db, &a), LEDE_MISUSE): calls the function, checks
 * its status and notes the pair. */
#define EXPECT(fn, args, want) \
	expect_status(#fn, fn args, want, #want, __LINE__)

/* The message names the cause: it holds `part`. */
static void
expect_msg(const char *msg, const char *part, int line)
{
	if (msg && strstr(msg, part)) {
		check_passed++;
		return;
	}
	check_failed++;
	fprintf(stderr, "%s:%d: message \"%s\" does not say \"%s\"\n",
		__FILE__, line, msg ? msg : "(null)", part);
}
#define EXPECT_MSG(msg, part) expect_msg(msg, part, __LINE__)

static char *
in_dir(const char *name)
{
	static char paths[32][4200];
	static size_t n;
	char *p = paths[n++ % 32];
	snprintf(p, sizeof paths[0], "%s/%s", dir, name);
	return p;
}

static char *
fixture(const char *name)
{
	static char paths[8][4200];
	static size_t n;
	char *p = paths[n++ % 8];
	snprintf(p, sizeof paths[0], "%s/%s", fixtures, name);
	return p;
}

static void
remove_tree(const char *path)
{
	char cmd[4300];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", path);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", path);
}

static void
write_file(const char *path, const char *data, size_t len)
{
	FILE *f = fopen(path, "wb");
	CHECK(f != NULL);
	if (!f)
		return;
	CHECK(fwrite(data, 1, len, f) == len);
	fclose(f);
}

/* ---- Callbacks ------------------------------------------------------- */

typedef struct seen {
	unsigned articles;
	unsigned stop_after; /* 0: never stop */
	char warning[512];   /* the last one, "where: message" */
	lede_db_t *db;	     /* when set, articles are added to it */
	char last_id[128];   /* the last article's id */
} seen_t;

static int
on_article(void *ctx, const lede_article_t *a)
{
	seen_t *s = ctx;
	s->articles++;
	snprintf(s->last_id, sizeof s->last_id, "%s", a->id ? a->id : "");
	if (s->db)
		CHECK_INT(lede_db_add(s->db, a), LEDE_OK);
	return s->stop_after && s->articles >= s->stop_after;
}

static void
on_warning(void *ctx, const char *where, const char *message)
{
	seen_t *s = ctx;
	snprintf(s->warning, sizeof s->warning, "%s: %s", where, message);
}

/* ---- Functions without a handle ------------------------------------ */

static void
test_text(void)
{
	int64_t t = 0, from = 0, to = 0;
	lede_format_t format;
	lede_field_t field;

	/* No handle: the status is all there is to say. */
	EXPECT(lede_date_parse, ("2004-12-31", LEDE_NTS, &t), LEDE_OK);
	CHECK_INT(t, 1104451200);
	EXPECT(lede_date_parse, (NULL, 3, &t), LEDE_MISUSE);
	EXPECT(lede_date_parse, ("the day after", LEDE_NTS, &t),
	       LEDE_BAD_INPUT);

	EXPECT(lede_date_range_parse, ("2004..2005", LEDE_NTS, 0, &from, &to),
	       LEDE_OK);
	EXPECT(lede_date_range_parse, ("2004", LEDE_NTS, 0, NULL, &to),
	       LEDE_MISUSE);
	EXPECT(lede_date_range_parse, ("2005..2004", LEDE_NTS, 0, &from, &to),
	       LEDE_BAD_INPUT);

	EXPECT(lede_format_parse, ("rss", &format), LEDE_OK);
	CHECK_INT(format, LEDE_FORMAT_FEED);
	EXPECT(lede_format_parse, ("pdf", &format), LEDE_MISUSE);

	EXPECT(lede_field_parse, ("lang", &field), LEDE_OK);
	CHECK_INT(field, LEDE_FIELD_LANGUAGE);
	EXPECT(lede_field_parse, ("colour", &field), LEDE_MISUSE);
}

static void
test_parse_buffer(void)
{
	static const char text[] = "Harbour reopens\n\nThe harbour reopened.\n";
	static const char two[] = "{\"id\": \"a\", \"headline\": \"One\"}\n"
				  "{\"id\": \"b\", \"headline\": \"Two\"}\n";
	seen_t s = { 0 };

	EXPECT(lede_parse_buffer, ("a.txt", text, LEDE_NTS, LEDE_FORMAT_AUTO,
				   on_article, on_warning, &s),
	       LEDE_OK);
	CHECK_INT(s.articles, 1);
	s.articles = 0;
	s.stop_after = 1;
	EXPECT(lede_parse_buffer, ("two.jsonl", two, LEDE_NTS,
				   LEDE_FORMAT_JSONL, on_article, on_warning,
				   &s),
	       LEDE_DONE);
	CHECK_INT(s.articles, 1);
	EXPECT(lede_parse_buffer, ("a.txt", NULL, 5, LEDE_FORMAT_TEXT,
				   on_article, on_warning, &s),
	       LEDE_MISUSE);
	/* The reason of LEDE_BAD_INPUT goes to the warning callback. */
	EXPECT(lede_parse_buffer, ("blank.txt", "\n \n", LEDE_NTS,
				   LEDE_FORMAT_TEXT, on_article, on_warning,
				   &s),
	       LEDE_BAD_INPUT);
	EXPECT_MSG(s.warning, "blank.txt");
	EXPECT_MSG(s.warning, "empty");
}

/* ---- Parsers -------------------------------------------------------- */

/* A tar of one article, then a member that stops 300 bytes into the 2000
 * its header promises. */
static void
write_cut_tar(const char *path)
{
	static unsigned char tar[3 * 512 + 300];
	static const char body[] = "Ferry returns\n\nThe ferry is back.\n";
	memset(tar, 0, sizeof tar);
	tar_header(tar, "news/ferry.txt", sizeof body - 1);
	memcpy(tar + 512, body, sizeof body - 1);
	tar_header(tar + 1024, "news/cut.txt", 2000);
	memset(tar + 1536, 'x', 300);
	write_file(path, (const char *)tar, sizeof tar);
}

/* A tar of three articles, news/1.txt to news/3.txt. */
static void
write_tar3(const char *path)
{
	static unsigned char tar[8 * 512];
	memset(tar, 0, sizeof tar);
	for (int i = 0; i < 3; i++) {
		char name[32], body[64];
		snprintf(name, sizeof name, "news/%d.txt", i + 1);
		int n = snprintf(body, sizeof body,
				 "Ferry %d returns\n\nThe ferry is back.\n",
				 i + 1);
		tar_header(tar + 1024 * i, name, (size_t)n);
		memcpy(tar + 1024 * i + 512, body, (size_t)n);
	}
	write_file(path, (const char *)tar, sizeof tar);
}

/* A run of an archive's entries, for writers sharing one archive. */
static void
test_archive_entries(void)
{
	seen_t s = { 0 };
	lede_parser_t *p = NULL;
	uint64_t n = 99;
	const char *tar = in_dir("three.tar");
	write_tar3(tar);

	EXPECT(lede_archive_entries, (tar, &n), LEDE_OK);
	CHECK_INT(n, 3);
	EXPECT(lede_archive_entries, (fixture("news/business/001.txt"), &n),
	       LEDE_OK);
	CHECK_INT(n, 0);
	EXPECT(lede_archive_entries, (NULL, &n), LEDE_MISUSE);
	EXPECT(lede_archive_entries, (tar, NULL), LEDE_MISUSE);
	EXPECT(lede_archive_entries, (in_dir("no-such.tar"), &n), LEDE_IO);
	const char *cut = in_dir("cut-entries.tar");
	write_cut_tar(cut);
	EXPECT(lede_archive_entries, (cut, &n), LEDE_IO);
	CHECK_INT(n, 0);

	EXPECT(lede_parser_set_entries, (NULL, 0, 1), LEDE_MISUSE);
	if (!EXPECT(lede_parser_new, (on_article, on_warning, &s, &p),
		    LEDE_OK))
		return;
	EXPECT(lede_parser_set_entries, (p, UINT64_MAX, 2), LEDE_MISUSE);
	EXPECT_MSG(lede_parser_errmsg(p), "lede_parser_set_entries");
	EXPECT(lede_parser_set_entries, (p, 1, 1), LEDE_OK);
	s.articles = 0;
	EXPECT(lede_parser_file, (p, tar, "three.tar"), LEDE_OK);
	CHECK_INT(s.articles, 1);
	CHECK_STR(s.last_id, "three.tar/news/2.txt");
	EXPECT(lede_parser_set_entries, (p, 2, 5), LEDE_OK);
	s.articles = 0;
	EXPECT(lede_parser_file, (p, tar, "three.tar"), LEDE_OK);
	CHECK_INT(s.articles, 1);
	CHECK_STR(s.last_id, "three.tar/news/3.txt");
	/* Count 0: all again. */
	EXPECT(lede_parser_set_entries, (p, 1, 0), LEDE_OK);
	s.articles = 0;
	EXPECT(lede_parser_file, (p, tar, "three.tar"), LEDE_OK);
	CHECK_INT(s.articles, 3);
	lede_parser_free(p);
}

static void
test_parser(void)
{
	seen_t s = { 0 };
	lede_parser_t *p = (lede_parser_t *)&s;

	EXPECT(lede_parser_new, (NULL, on_warning, &s, &p), LEDE_MISUSE);
	CHECK(p == NULL);
	if (!EXPECT(lede_parser_new, (on_article, on_warning, &s, &p),
		    LEDE_OK))
		return;

	EXPECT(lede_parser_set_format, (p, LEDE_FORMAT_TEXT), LEDE_OK);
	EXPECT(lede_parser_set_format, (p, (lede_format_t)97), LEDE_MISUSE);
	EXPECT_MSG(lede_parser_errmsg(p), "format");
	EXPECT(lede_parser_set_format, (p, LEDE_FORMAT_AUTO), LEDE_OK);

	EXPECT(lede_parser_set_flags, (p, LEDE_PARSE_NO_EXTRACT), LEDE_OK);
	EXPECT(lede_parser_set_flags, (p, 1u << 30), LEDE_MISUSE);
	EXPECT_MSG(lede_parser_errmsg(p), "flags");

	EXPECT(lede_parser_map, (p, "kicker=headline"), LEDE_OK);
	EXPECT(lede_parser_map, (p, "kicker=colour"), LEDE_MISUSE);
	EXPECT_MSG(lede_parser_errmsg(p), "colour");

	static const char text[] = "Harbour reopens\n\nThe harbour reopened.\n";
	EXPECT(lede_parser_buffer, (p, "a.txt", text, LEDE_NTS), LEDE_OK);
	CHECK_INT(s.articles, 1);
	EXPECT(lede_parser_buffer, (p, "a.txt", NULL, 5), LEDE_MISUSE);
	EXPECT_MSG(lede_parser_errmsg(p), "buf");
	EXPECT(lede_parser_buffer, (p, "blank.txt", " \n\n", LEDE_NTS),
	       LEDE_BAD_INPUT);
	EXPECT_MSG(lede_parser_errmsg(p), "blank.txt");
	EXPECT_MSG(lede_parser_errmsg(p), "empty");
	s.articles = 0;
	s.stop_after = 1;
	EXPECT(lede_parser_buffer, (p, "two.txt", text, LEDE_NTS), LEDE_DONE);
	s.stop_after = 0;

	/* Files. */
	s.articles = 0;
	EXPECT(lede_parser_file,
	       (p, fixture("news/business/001.txt"), "business/001.txt"),
	       LEDE_OK);
	CHECK_INT(s.articles, 1);
	s.articles = 0;
	s.stop_after = 2;
	EXPECT(lede_parser_file, (p, fixture("news/world.jsonl"), NULL),
	       LEDE_DONE);
	CHECK_INT(s.articles, 2);
	s.stop_after = 0;
	EXPECT(lede_parser_file, (p, NULL, "x"), LEDE_MISUSE);
	EXPECT_MSG(lede_parser_errmsg(p), "path");
	const char *missing = in_dir("no-such-file.txt");
	EXPECT(lede_parser_file, (p, missing, NULL), LEDE_IO);
	EXPECT_MSG(lede_parser_errmsg(p), missing);
	/* An archive cut short: the article before the damage is read. */
	const char *tar = in_dir("cut.tar");
	write_cut_tar(tar);
	s.articles = 0;
	EXPECT(lede_parser_file, (p, tar, "cut.tar"), LEDE_IO);
	EXPECT_MSG(lede_parser_errmsg(p), "cut.tar");
	EXPECT_MSG(lede_parser_errmsg(p), "cut short");
	CHECK_INT(s.articles, 1);
	/* No article: the message repeats the reason the warning gave. */
	EXPECT(lede_parser_file, (p, fixture("awkward/blank.txt"), "blank"),
	       LEDE_BAD_INPUT);
	EXPECT_MSG(lede_parser_errmsg(p), "blank");
	EXPECT_MSG(lede_parser_errmsg(p), "empty");
	EXPECT(lede_parser_file, (p, fixture("formats/binary.png"), NULL),
	       LEDE_BAD_INPUT);
	EXPECT_MSG(lede_parser_errmsg(p), "binary.png");
	EXPECT_MSG(lede_parser_errmsg(p), "binary");
	lede_parser_free(p);

	/* Without a warning callback the message is the only way to know. */
	CHECK_INT(lede_parser_new(on_article, NULL, &s, &p), LEDE_OK);
	EXPECT(lede_parser_file, (p, fixture("formats/binary.png"), NULL),
	       LEDE_BAD_INPUT);
	EXPECT_MSG(lede_parser_errmsg(p), "binary");
	lede_parser_free(p);
}

/* ---- Indexes -------------------------------------------------------- */

static lede_status_t
add(lede_db_t *db, const char *id, const char *section, const char *body)
{
	static const lede_quote_t quote = { "We will rebuild", "Ann Lee" };
	lede_article_t a = { 0 };
	a.id = id;
	a.headline = "Harbour news";
	a.body = body;
	a.section = section;
	a.date = 1700000000;
	a.quotes = &quote;
	a.n_quotes = 1;
	return lede_db_add(db, &a);
}

/* The fixtures' news, and three articles of our own, in a new index:
 * N_ARTICLES in all, each with a section. */
#define N_ARTICLES 14
static void
make_index(const char *path)
{
	lede_db_t *db = NULL;
	lede_parser_t *p = NULL;
	seen_t s = { 0 };
	static const char *const files[] = {
		"news/business/001.txt", "news/business/002.txt",
		"news/culture/001.txt",	 "news/politics/001.txt",
		"news/sport/001.txt",	 "news/sport/002.txt",
		"news/tech/001.txt",	 "news/world.jsonl",
	};
	remove_tree(path);
	CHECK_INT(lede_db_open(path, LEDE_OPEN_CREATE, &db, NULL), LEDE_OK);
	CHECK_INT(lede_parser_new(on_article, NULL, &s, &p), LEDE_OK);
	CHECK_INT(lede_parser_set_flags(p, LEDE_PARSE_FOLDER_SECTIONS),
		  LEDE_OK);
	s.db = db;
	for (size_t i = 0; i < sizeof files / sizeof *files; i++)
		CHECK_INT(lede_parser_file(p, fixture(files[i]), files[i] + 5),
			  LEDE_OK);
	lede_parser_free(p);
	CHECK_INT(add(db, "h1", "harbours", "The harbour wall was rebuilt."),
		  LEDE_OK);
	CHECK_INT(add(db, "h2", "harbours", "The harbour master retired."),
		  LEDE_OK);
	CHECK_INT(add(db, "h3", "harbours", "A harbour ferry was sold."),
		  LEDE_OK);
	CHECK_INT(lede_db_close(db), LEDE_OK);
}

/* Adds one to byte `at` of the index's version file, or appends junk. */
static void
damage_version_file(const char *index, long at)
{
	char path[4300];
	snprintf(path, sizeof path, "%s/iamglass", index);
	FILE *f = fopen(path, "r+b");
	CHECK(f != NULL);
	if (!f)
		return;
	char magic[14];
	/* Xapian 1.4's glass backend, which this test knows. */
	CHECK(fread(magic, 1, sizeof magic, f) == sizeof magic &&
	      !memcmp(magic, "\x0f\x0dXapian Glass", sizeof magic));
	if (at < 0) {
		CHECK(fseek(f, 0, SEEK_END) == 0);
		fputc('x', f);
	} else {
		CHECK(fseek(f, at, SEEK_SET) == 0);
		int c = fgetc(f);
		CHECK(fseek(f, at, SEEK_SET) == 0);
		fputc((c + 1) & 0xFF, f);
	}
	fclose(f);
}

static void test_open_read_only(void);

static void
test_open(const char *index)
{
	lede_db_t *db = NULL, *db2 = NULL;
	char *msg = NULL;

	EXPECT(lede_db_open, (index, LEDE_OPEN_READ, &db, &msg), LEDE_OK);
	CHECK(msg == NULL);
	lede_db_close(db);

	EXPECT(lede_db_open, (NULL, LEDE_OPEN_READ, &db, &msg), LEDE_MISUSE);
	EXPECT_MSG(msg, "path");
	lede_free(msg);
	const char *missing = in_dir("no-such-index");
	EXPECT(lede_db_open, (missing, LEDE_OPEN_WRITE, &db, &msg),
	       LEDE_NO_INDEX);
	CHECK(db == NULL);
	EXPECT_MSG(msg, missing);
	lede_free(msg);

	CHECK_INT(lede_db_open(index, LEDE_OPEN_WRITE, &db, NULL), LEDE_OK);
	EXPECT(lede_db_open, (index, LEDE_OPEN_WRITE, &db2, &msg), LEDE_LOCKED);
	EXPECT_MSG(msg, index);
	EXPECT_MSG(msg, "locked");
	lede_free(msg);
	lede_db_close(db);

	/* An index whose files say another format version. */
	const char *copy = in_dir("format.lede");
	make_index(copy);
	damage_version_file(copy, 15);
	EXPECT(lede_db_open, (copy, LEDE_OPEN_READ, &db, &msg), LEDE_FORMAT);
	EXPECT_MSG(msg, copy);
	EXPECT_MSG(msg, "format");
	lede_free(msg);
	/* An index whose version file has junk at its end. */
	make_index(copy);
	damage_version_file(copy, -1);
	EXPECT(lede_db_open, (copy, LEDE_OPEN_READ, &db, &msg), LEDE_CORRUPT);
	EXPECT_MSG(msg, copy);
	EXPECT_MSG(msg, "Corrupt");
	lede_free(msg);
	remove_tree(copy);
	test_open_read_only();
}

/* A writer on an index whose folder it may not write gets LEDE_IO. Root
 * may write anywhere, so as root the open runs in a child that has
 * become nobody, on an index in /tmp that nobody can reach but not
 * write (the build folder may be under a private home). */
static void
test_open_read_only(void)
{
	char top[] = "/tmp/lede-statuses-XXXXXX";
	if (!mkdtemp(top) || chmod(top, 0755) != 0) {
		check_failed++;
		fprintf(stderr, "cannot make a folder in /tmp\n");
		return;
	}
	char index[sizeof top + 16];
	snprintf(index, sizeof index, "%s/ro.lede", top);
	make_index(index);
	CHECK_INT(chmod(index, 0555), 0);
	fflush(NULL);
	pid_t pid = fork();
	if (pid == 0) {
		if (geteuid() == 0 &&
		    (setgid(65534) != 0 || setuid(65534) != 0))
			_exit(100);
		lede_db_t *db = NULL;
		char *msg = NULL;
		lede_status_t st = lede_db_open(index, LEDE_OPEN_WRITE, &db,
						&msg);
		/* The message names the index and says why: exit 101 if not. */
		int told = msg && strstr(msg, index) && strstr(msg, "write");
		lede_free(msg);
		lede_db_close(db);
		_exit(told ? (int)st : 101);
	}
	int status = 0;
	CHECK(pid > 0 && waitpid(pid, &status, 0) == pid &&
	      WIFEXITED(status));
	int code = WEXITSTATUS(status);
	if (code == 100 || code == 101) {
		check_failed++;
		fprintf(stderr, "%s: %s\n", index,
			code == 100 ? "cannot become nobody"
				    : "the message does not name the index "
				      "and say it cannot write");
	} else {
		expect_status("lede_db_open", (lede_status_t)code, LEDE_IO,
			      "LEDE_IO", __LINE__);
	}
	chmod(index, 0755);
	remove_tree(top);
}

/* Shard sets, several indexes as one, compaction. */
static void
test_shards(const char *index)
{
	lede_db_t *db = NULL, *db2 = NULL;
	char *msg = NULL;
	const char *set = in_dir("set.lede");
	const char *stub = in_dir("bad.stub");
	const char *paths[2] = { index, set };

	/* A shard set: made, then opened again; read with the index. */
	EXPECT(lede_db_open_sharded, (set, LEDE_SHARD_MONTH, &db, &msg),
	       LEDE_OK);
	CHECK(msg == NULL);
	if (db) {
		CHECK_INT(add(db, "s1", "harbours", "A shard's article."),
			  LEDE_OK);
		lede_db_close(db);
	}
	EXPECT(lede_db_open_combined, (paths, 2, &db, &msg), LEDE_OK);
	lede_db_close(db);
	EXPECT(lede_db_open_combined, (paths, 0, &db, &msg), LEDE_MISUSE);
	EXPECT_MSG(msg, "no index path");
	lede_free(msg);
	const char *missing[2] = { index, in_dir("no-such-index") };
	EXPECT(lede_db_open_combined, (missing, 2, &db, &msg), LEDE_NO_INDEX);
	EXPECT_MSG(msg, "no-such-index");
	lede_free(msg);

	/* A stub line lede does not read, by either door. */
	write_file(stub, "# shards\nchert elsewhere\n", 25);
	EXPECT(lede_db_open, (stub, LEDE_OPEN_READ, &db, &msg),
	       LEDE_BAD_INPUT);
	EXPECT_MSG(msg, "bad.stub:2");
	lede_free(msg);
	const char *bad[1] = { stub };
	EXPECT(lede_db_open_combined, (bad, 1, &db, &msg), LEDE_BAD_INPUT);
	EXPECT_MSG(msg, "bad.stub:2");
	lede_free(msg);

	/* Misuse: an unknown unit, a single index. */
	EXPECT(lede_db_open_sharded, (set, (lede_shard_unit_t)7, &db, &msg),
	       LEDE_MISUSE);
	EXPECT_MSG(msg, "unit");
	lede_free(msg);
	EXPECT(lede_db_open_sharded, (index, LEDE_SHARD_DAY, &db, &msg),
	       LEDE_MISUSE);
	EXPECT_MSG(msg, "single index");
	lede_free(msg);
	/* A second writer of the set. */
	CHECK_INT(lede_db_open(set, LEDE_OPEN_WRITE, &db, NULL), LEDE_OK);
	EXPECT(lede_db_open_sharded, (set, LEDE_SHARD_MONTH, &db2, &msg),
	       LEDE_LOCKED);
	EXPECT_MSG(msg, "locked");
	lede_free(msg);
	/* Nor can it be compacted meanwhile. */
	EXPECT(lede_db_compact, (set, NULL, NULL, NULL, NULL, &msg),
	       LEDE_LOCKED);
	EXPECT_MSG(msg, "locked");
	lede_free(msg);
	lede_db_close(db);
	/* A folder that cannot be made: its parent is a file. */
	char under_file[4400];
	snprintf(under_file, sizeof under_file, "%s/set", stub);
	EXPECT(lede_db_open_sharded, (under_file, LEDE_SHARD_YEAR, &db, &msg),
	       LEDE_IO);
	EXPECT_MSG(msg, stub);
	lede_free(msg);
	/* A shard the set lists is missing. */
	const char *gappy = in_dir("gappy.lede");
	CHECK_INT(lede_db_open_sharded(gappy, LEDE_SHARD_MONTH, &db, NULL),
		  LEDE_OK);
	lede_db_close(db);
	char stub_of[4400];
	snprintf(stub_of, sizeof stub_of, "%s/XAPIANDB", gappy);
	write_file(stub_of, "# lede shard set: month\nauto 2023-11\n", 36);
	EXPECT(lede_db_open_sharded, (gappy, LEDE_SHARD_MONTH, &db, &msg),
	       LEDE_NO_INDEX);
	EXPECT_MSG(msg, "2023-11");
	lede_free(msg);
	/* A shard of another format, read or written. */
	char shard[4400];
	snprintf(shard, sizeof shard, "%s/2023-11", set);
	damage_version_file(shard, 15);
	EXPECT(lede_db_open_sharded, (set, LEDE_SHARD_MONTH, &db, &msg),
	       LEDE_FORMAT);
	EXPECT_MSG(msg, shard);
	lede_free(msg);
	EXPECT(lede_db_open_combined, (paths, 2, &db, &msg), LEDE_FORMAT);
	EXPECT_MSG(msg, shard);
	lede_free(msg);

	/* Compaction: in place; refused for a stub, nothing there, another
	 * format, and a leftover it cannot remove. */
	const char *copy = in_dir("compact.lede");
	make_index(copy);
	uint64_t before = 0, after = 0;
	EXPECT(lede_db_compact, (copy, NULL, NULL, &before, &after, &msg),
	       LEDE_OK);
	CHECK(before > 0 && after > 0);
	EXPECT(lede_db_compact, (stub, NULL, NULL, NULL, NULL, &msg),
	       LEDE_MISUSE);
	EXPECT_MSG(msg, "stub");
	lede_free(msg);
	EXPECT(lede_db_compact, (in_dir("nowhere"), NULL, NULL, NULL, NULL,
				 &msg),
	       LEDE_NO_INDEX);
	EXPECT_MSG(msg, "nowhere");
	lede_free(msg);
	char left[4400];
	snprintf(left, sizeof left, "%s.lede-compact/sub", copy);
	CHECK_INT(mkdir(in_dir("compact.lede.lede-compact"), 0777), 0);
	CHECK_INT(mkdir(left, 0777), 0);
	write_file(in_dir("compact.lede.lede-compact/sub/x"), "x", 1);
	EXPECT(lede_db_compact, (copy, NULL, NULL, NULL, NULL, &msg), LEDE_IO);
	EXPECT_MSG(msg, "interrupted compaction");
	lede_free(msg);
	remove_tree(in_dir("compact.lede.lede-compact"));
	damage_version_file(copy, 15);
	EXPECT(lede_db_compact, (copy, NULL, NULL, NULL, NULL, &msg),
	       LEDE_FORMAT);
	EXPECT_MSG(msg, copy);
	lede_free(msg);
	remove_tree(copy);
	remove_tree(set);
	remove_tree(gappy);
}

/* Merging parts written apart into an empty index. */
static void
test_merge(void)
{
	const char *one = in_dir("part1.lede"), *two = in_dir("part2.lede");
	make_index(one);
	make_index(two);
	const char *parts[2] = { one, two };
	const char *merged = in_dir("merged.lede");
	char *msg = NULL;
	lede_db_t *db = NULL;
	remove_tree(merged);
	/* The same articles in both parts: one copy of each is kept. */
	EXPECT(lede_db_merge, (merged, parts, 2, NULL, NULL, &msg), LEDE_OK);
	uint64_t n_one = 0, n_merged = 0;
	CHECK_INT(lede_db_open(one, LEDE_OPEN_READ, &db, NULL), LEDE_OK);
	CHECK_INT(lede_db_count(db, &n_one), LEDE_OK);
	lede_db_close(db);
	CHECK_INT(lede_db_open(merged, LEDE_OPEN_READ, &db, NULL), LEDE_OK);
	CHECK_INT(lede_db_count(db, &n_merged), LEDE_OK);
	lede_db_close(db);
	CHECK(n_one > 0 && n_merged == n_one);
	/* Not into an index that holds articles, nor with no parts. */
	EXPECT(lede_db_merge, (merged, parts, 2, NULL, NULL, &msg),
	       LEDE_MISUSE);
	EXPECT_MSG(msg, "holds");
	lede_free(msg);
	EXPECT(lede_db_merge, (in_dir("m2.lede"), parts, 0, NULL, NULL, &msg),
	       LEDE_MISUSE);
	EXPECT_MSG(msg, "no parts");
	lede_free(msg);
	/* A part that is not there; one that is a file. */
	const char *missing[2] = { one, in_dir("nowhere.lede") };
	EXPECT(lede_db_merge, (in_dir("m2.lede"), missing, 2, NULL, NULL,
			       &msg),
	       LEDE_NO_INDEX);
	EXPECT_MSG(msg, "nowhere.lede");
	lede_free(msg);
	const char *file = in_dir("plain-file");
	write_file(file, "x", 1);
	const char *not_index[1] = { file };
	EXPECT(lede_db_merge, (in_dir("m2.lede"), not_index, 1, NULL, NULL,
			       &msg),
	       LEDE_MISUSE);
	EXPECT_MSG(msg, "plain-file");
	lede_free(msg);
	/* A target another writer holds. */
	const char *held = in_dir("held.lede");
	remove_tree(held);
	CHECK_INT(lede_db_open(held, LEDE_OPEN_CREATE, &db, NULL), LEDE_OK);
	EXPECT(lede_db_merge, (held, parts, 2, NULL, NULL, &msg),
	       LEDE_LOCKED);
	EXPECT_MSG(msg, "held.lede");
	lede_free(msg);
	lede_db_close(db);
	/* What an interrupted merge left beside it, and cannot go. */
	char left[4400];
	snprintf(left, sizeof left, "%s.lede-compact", held);
	CHECK_INT(mkdir(left, 0777), 0);
	snprintf(left, sizeof left, "%s.lede-compact/sub", held);
	CHECK_INT(mkdir(left, 0777), 0);
	snprintf(left, sizeof left, "%s.lede-compact/sub/x", held);
	write_file(left, "x", 1);
	EXPECT(lede_db_merge, (held, parts, 2, NULL, NULL, &msg), LEDE_IO);
	EXPECT_MSG(msg, "interrupted");
	lede_free(msg);
	snprintf(left, sizeof left, "%s.lede-compact", held);
	remove_tree(left);
	/* A part of another format. */
	damage_version_file(two, 15);
	EXPECT(lede_db_merge, (held, parts, 2, NULL, NULL, &msg),
	       LEDE_FORMAT);
	EXPECT_MSG(msg, two);
	lede_free(msg);
	remove_tree(one);
	remove_tree(two);
	remove_tree(merged);
	remove_tree(held);
	remove_tree(file);
}

/* A new writer whose folder the caller removes to make Xapian fail. */
static lede_db_t *
new_writer(const char *path, unsigned batch)
{
	lede_db_t *db = NULL;
	remove_tree(path);
	CHECK_INT(lede_db_open(path, LEDE_OPEN_CREATE, &db, NULL), LEDE_OK);
	CHECK_INT(lede_db_set_batch_size(db, batch), LEDE_OK);
	return db;
}

static void
test_write(const char *index)
{
	lede_db_t *db = NULL;
	int deleted = -1;
	lede_article_t a = { 0 };
	a.id = "x";
	a.headline = "Harbour news";
	a.date = LEDE_NO_DATE;

	/* A reader asked to write. */
	CHECK_INT(lede_db_open(index, LEDE_OPEN_READ, &db, NULL), LEDE_OK);
	EXPECT(lede_db_add, (db, &a), LEDE_MISUSE);
	EXPECT_MSG(lede_errmsg(db), "reading only");
	EXPECT(lede_db_delete, (db, "h1", LEDE_NTS, &deleted), LEDE_MISUSE);
	EXPECT_MSG(lede_errmsg(db), "reading only");
	EXPECT(lede_db_commit, (db), LEDE_MISUSE);
	EXPECT_MSG(lede_errmsg(db), "reading only");
	EXPECT(lede_db_set_batch_size, (db, 10), LEDE_MISUSE);
	EXPECT_MSG(lede_errmsg(db), "reading only");
	lede_db_close(db);

	const char *path = in_dir("write.lede");
	db = new_writer(path, 500);
	EXPECT(lede_db_set_batch_size, (db, 2), LEDE_OK);
	EXPECT(lede_db_add, (db, &a), LEDE_OK);
	lede_article_t bad = a;
	bad.n_authors = 2;
	EXPECT(lede_db_add, (db, &bad), LEDE_MISUSE);
	EXPECT_MSG(lede_errmsg(db), "authors");
	EXPECT(lede_db_delete, (db, "x", LEDE_NTS, &deleted), LEDE_OK);
	CHECK_INT(deleted, 1);
	EXPECT(lede_db_delete, (db, NULL, 3, &deleted), LEDE_MISUSE);
	EXPECT_MSG(lede_errmsg(db), "id");
	EXPECT(lede_db_commit, (db), LEDE_OK);
	EXPECT(lede_db_close, (db), LEDE_OK);

	/* Closed twice, while a query keeps it open: the second is misuse
	 * (the caller's handle is gone after the first, so no message). */
	lede_query_t *q = NULL;
	CHECK_INT(lede_db_open(index, LEDE_OPEN_READ, &db, NULL), LEDE_OK);
	CHECK_INT(lede_query_new(db, "harbour", LEDE_NTS, &q), LEDE_OK);
	EXPECT(lede_db_close, (db), LEDE_OK);
	EXPECT(lede_db_close, (db), LEDE_MISUSE);
	lede_query_free(q);

	/* Writers whose index's folder is removed under them: the commit
	 * fails, and the calls that commit with it. Xapian makes each table
	 * when it is first written to: one still to be made gives
	 * LEDE_NO_INDEX (positions, in a new index), one that was written
	 * LEDE_XAPIAN. */
	db = new_writer(path, 500);
	CHECK_INT(add(db, "a", "news", "The harbour wall."), LEDE_OK);
	remove_tree(path);
	EXPECT(lede_db_commit, (db), LEDE_NO_INDEX);
	EXPECT_MSG(lede_errmsg(db), path);
	lede_db_close(db);

	db = new_writer(path, 500);
	CHECK_INT(add(db, "a", "news", "The harbour wall."), LEDE_OK);
	CHECK_INT(lede_db_commit(db), LEDE_OK);
	CHECK_INT(add(db, "b", "news", "The harbour master."), LEDE_OK);
	remove_tree(path);
	EXPECT(lede_db_commit, (db), LEDE_XAPIAN);
	EXPECT_MSG(lede_errmsg(db), path);
	lede_db_close(db);

	/* lede_db_close: no handle is left to hold a message. */
	db = new_writer(path, 500);
	CHECK_INT(add(db, "a", "news", "The harbour wall."), LEDE_OK);
	remove_tree(path);
	EXPECT(lede_db_close, (db), LEDE_NO_INDEX);

	db = new_writer(path, 500);
	CHECK_INT(add(db, "a", "news", "The harbour wall."), LEDE_OK);
	CHECK_INT(lede_db_commit(db), LEDE_OK);
	CHECK_INT(add(db, "b", "news", "The harbour master."), LEDE_OK);
	remove_tree(path);
	EXPECT(lede_db_close, (db), LEDE_XAPIAN);

	/* Batch size 1: each article commits. */
	db = new_writer(path, 1);
	remove_tree(path);
	EXPECT(lede_db_add, (db, &a), LEDE_NO_INDEX);
	EXPECT_MSG(lede_errmsg(db), path);
	lede_db_close(db);

	db = new_writer(path, 1);
	CHECK_INT(lede_db_add(db, &a), LEDE_OK);
	remove_tree(path);
	a.id = "y";
	EXPECT(lede_db_add, (db, &a), LEDE_XAPIAN);
	EXPECT_MSG(lede_errmsg(db), path);
	a.id = "x";
	lede_db_close(db);

	db = new_writer(path, 0);
	CHECK_INT(lede_db_add(db, &a), LEDE_OK);
	CHECK_INT(add(db, "y", "news", "The harbour master."), LEDE_OK);
	CHECK_INT(lede_db_set_batch_size(db, 3), LEDE_OK);
	remove_tree(path);
	EXPECT(lede_db_delete, (db, "x", LEDE_NTS, NULL), LEDE_NO_INDEX);
	EXPECT_MSG(lede_errmsg(db), path);
	lede_db_close(db);

	db = new_writer(path, 1);
	CHECK_INT(lede_db_add(db, &a), LEDE_OK);
	remove_tree(path);
	EXPECT(lede_db_delete, (db, "x", LEDE_NTS, NULL), LEDE_XAPIAN);
	EXPECT_MSG(lede_errmsg(db), path);
	lede_db_close(db);
	remove_tree(path);
}

/* A new writer that knows the file src.txt as "src", with two articles:
 * committed, with batch size 1, or pending (never written: batch size
 * 0). */
static lede_db_t *
writer_with_file(const char *path, const char *src, int committed)
{
	lede_db_t *db = new_writer(path, committed ? 1 : 0);
	lede_file_state_t state;
	write_file(src, "one\n", 4);
	CHECK_INT(lede_db_file_begin(db, src, "src", 0, &state), LEDE_OK);
	CHECK_INT(state, LEDE_FILE_NEW);
	CHECK_INT(add(db, "src#1", "news", "The harbour wall."), LEDE_OK);
	CHECK_INT(add(db, "src#2", "news", "The harbour master."), LEDE_OK);
	CHECK_INT(lede_db_file_end(db, LEDE_FILE_COMPLETE, NULL), LEDE_OK);
	if (committed)
		CHECK_INT(lede_db_commit(db), LEDE_OK);
	return db;
}

static void
test_files(const char *index)
{
	lede_db_t *db = NULL;
	lede_file_state_t state;
	uint64_t n = 0, files = 0;
	int found = -1;
	const char *path = in_dir("files.lede");
	const char *src = in_dir("src.txt");
	const char *folder = dir;

	CHECK_INT(lede_db_open(index, LEDE_OPEN_READ, &db, NULL), LEDE_OK);
	EXPECT(lede_db_file_begin, (db, src, "src", 0, &state), LEDE_MISUSE);
	EXPECT_MSG(lede_errmsg(db), "reading only");
	lede_db_close(db);

	db = writer_with_file(path, src, 1);
	const char *missing = in_dir("no-such-file.txt");
	EXPECT(lede_db_file_begin, (db, missing, "m", 0, &state), LEDE_IO);
	EXPECT_MSG(lede_errmsg(db), missing);
	EXPECT(lede_db_file_begin, (db, folder, "d", 0, &state), LEDE_IO);
	EXPECT_MSG(lede_errmsg(db), "not a regular file");
	EXPECT(lede_db_file_end, (db, LEDE_FILE_COMPLETE, &n), LEDE_MISUSE);
	EXPECT_MSG(lede_errmsg(db), "no file is open");
	write_file(src, "two\n", 4);
	EXPECT(lede_db_file_begin, (db, src, "src", LEDE_FILE_REREAD, &state),
	       LEDE_OK);
	CHECK_INT(state, LEDE_FILE_CHANGED);
	EXPECT(lede_db_file_begin, (db, src, "src", 0, &state), LEDE_MISUSE);
	EXPECT_MSG(lede_errmsg(db), "still open");
	EXPECT(lede_db_file_remove, (db, "src", &found, &n), LEDE_MISUSE);
	EXPECT_MSG(lede_errmsg(db), "still open");
	EXPECT(lede_db_prune, (db, folder, &files, &n), LEDE_MISUSE);
	EXPECT_MSG(lede_errmsg(db), "still open");
	CHECK_INT(add(db, "src#1", "news", "The harbour wall."), LEDE_OK);
	EXPECT(lede_db_file_end, (db, LEDE_FILE_COMPLETE, &n), LEDE_OK);
	CHECK_INT(n, 1);
	EXPECT(lede_db_file_remove, (db, NULL, &found, &n), LEDE_MISUSE);
	EXPECT_MSG(lede_errmsg(db), "name");
	EXPECT(lede_db_file_remove, (db, "src", &found, &n), LEDE_OK);
	CHECK_INT(found, 1);
	CHECK_INT(n, 1);
	EXPECT(lede_db_prune, (db, NULL, &files, &n), LEDE_MISUSE);
	EXPECT_MSG(lede_errmsg(db), "path");
	EXPECT(lede_db_prune, (db, folder, &files, &n), LEDE_OK);
	lede_db_close(db);

	/* The index's folder removed under the writer: what deletes
	 * articles commits once the batch is full, and fails, with
	 * LEDE_XAPIAN or, before the first commit, LEDE_NO_INDEX (see
	 * test_write). */
	for (int committed = 0; committed <= 1; committed++) {
		lede_status_t want = committed ? LEDE_XAPIAN : LEDE_NO_INDEX;
		const char *name = committed ? "LEDE_XAPIAN" : "LEDE_NO_INDEX";

		/* src#2 is gone from the file: its deletion commits. */
		db = writer_with_file(path, src, committed);
		write_file(src, "three\n", 6);
		CHECK_INT(lede_db_file_begin(db, src, "src", 0, &state),
			  LEDE_OK);
		CHECK_INT(state, LEDE_FILE_CHANGED);
		CHECK_INT(add(db, "src#1", "news", "The harbour wall."),
			  LEDE_OK);
		CHECK_INT(lede_db_set_batch_size(db, committed ? 1 : 4),
			  LEDE_OK);
		remove_tree(path);
		expect_status("lede_db_file_end",
			      lede_db_file_end(db, LEDE_FILE_COMPLETE, &n),
			      want, name, __LINE__);
		EXPECT_MSG(lede_errmsg(db), path);
		lede_db_close(db);

		db = writer_with_file(path, src, committed);
		CHECK_INT(lede_db_set_batch_size(db, committed ? 1 : 3),
			  LEDE_OK);
		remove_tree(path);
		expect_status("lede_db_file_remove",
			      lede_db_file_remove(db, "src", &found, &n), want,
			      name, __LINE__);
		EXPECT_MSG(lede_errmsg(db), path);
		lede_db_close(db);

		db = writer_with_file(path, src, committed);
		CHECK_INT(lede_db_set_batch_size(db, committed ? 1 : 3),
			  LEDE_OK);
		remove(src);
		remove_tree(path);
		expect_status("lede_db_prune",
			      lede_db_prune(db, folder, &files, &n), want, name,
			      __LINE__);
		EXPECT_MSG(lede_errmsg(db), path);
		lede_db_close(db);
	}
	remove_tree(path);
}

/* A reader whose index's folder was removed since it was opened. */
static void
test_removed_under_reader(const char *index)
{
	const char *path = in_dir("removed.lede");
	lede_db_t *db = NULL;
	lede_query_t *q = NULL;
	lede_results_t *r = (lede_results_t *)dir;
	lede_stats_t *st = (lede_stats_t *)dir;
	uint64_t n = 0;

	make_index(path);
	CHECK_INT(lede_db_open(path, LEDE_OPEN_READ, &db, NULL), LEDE_OK);
	CHECK_INT(lede_query_new(db, "harbour", LEDE_NTS, &q), LEDE_OK);
	remove_tree(path);
	EXPECT(lede_db_count, (db, &n), LEDE_NO_INDEX);
	EXPECT_MSG(lede_errmsg(db), path);
	EXPECT(lede_query_run, (q, &r), LEDE_NO_INDEX);
	CHECK(r == NULL);
	EXPECT_MSG(lede_query_errmsg(q), path);
	EXPECT(lede_stats_new, (db, 3, &st), LEDE_NO_INDEX);
	CHECK(st == NULL);
	EXPECT_MSG(lede_errmsg(db), path);
	lede_query_free(q);
	lede_db_close(db);

	CHECK_INT(lede_db_open(index, LEDE_OPEN_READ, &db, NULL), LEDE_OK);
	EXPECT(lede_db_count, (db, &n), LEDE_OK);
	CHECK_INT(n, N_ARTICLES);
	EXPECT(lede_db_count, (db, NULL), LEDE_MISUSE);
	EXPECT_MSG(lede_errmsg(db), "count");
	lede_db_close(db);
}

/* ---- Queries -------------------------------------------------------- */

static void
test_query(lede_db_t *db)
{
	lede_query_t *q = (lede_query_t *)dir;
	lede_results_t *r = NULL;

	EXPECT(lede_query_new, (db, NULL, 3, &q), LEDE_MISUSE);
	CHECK(q == NULL);
	EXPECT_MSG(lede_errmsg(db), "text");
	EXPECT(lede_query_new, (db, "harbour (wall", LEDE_NTS, &q),
	       LEDE_BAD_QUERY);
	EXPECT_MSG(lede_errmsg(db), "column");
	if (!EXPECT(lede_query_new, (db, "harbour", LEDE_NTS, &q), LEDE_OK))
		return;

	/* Setters whose only misuse is a NULL query, which has no message
	 * of its own: its errmsg says so. */
	EXPECT(lede_query_set_limit, (q, 5), LEDE_OK);
	EXPECT(lede_query_set_limit, (NULL, 5), LEDE_MISUSE);
	EXPECT(lede_query_set_offset, (q, 0), LEDE_OK);
	EXPECT(lede_query_set_offset, (NULL, 0), LEDE_MISUSE);
	EXPECT(lede_query_set_approx, (q, 0), LEDE_OK);
	EXPECT(lede_query_set_approx, (NULL, 1), LEDE_MISUSE);
	EXPECT(lede_query_set_suggest, (q, 1), LEDE_OK);
	EXPECT(lede_query_set_suggest, (NULL, 1), LEDE_MISUSE);
	EXPECT(lede_query_set_collapse, (q, 1), LEDE_OK);
	EXPECT(lede_query_set_collapse, (NULL, 1), LEDE_MISUSE);
	EXPECT(lede_query_set_explain, (q, 1), LEDE_OK);
	EXPECT(lede_query_set_explain, (NULL, 1), LEDE_MISUSE);
	EXPECT_MSG(lede_query_errmsg(NULL), "NULL");

	EXPECT(lede_query_add_filter, (q, LEDE_FIELD_SECTION, "Harbours"),
	       LEDE_OK);
	EXPECT(lede_query_add_filter, (q, LEDE_FIELD_BODY, "wall"),
	       LEDE_MISUSE);
	EXPECT_MSG(lede_query_errmsg(q), "field");
	EXPECT(lede_query_set_dates, (q, 1600000000, LEDE_NO_DATE), LEDE_OK);
	EXPECT(lede_query_set_dates, (q, 1700000000, 1600000000),
	       LEDE_MISUSE);
	EXPECT_MSG(lede_query_errmsg(q), "since");
	EXPECT(lede_query_set_sort, (q, LEDE_SORT_RELEVANCE, 0), LEDE_OK);
	EXPECT(lede_query_set_sort, (q, LEDE_SORT_RECENCY, -1), LEDE_MISUSE);
	EXPECT_MSG(lede_query_errmsg(q), "half-life");
	EXPECT(lede_query_add_facet, (q, LEDE_FIELD_SECTION, 0), LEDE_OK);
	EXPECT(lede_query_add_facet, (q, LEDE_FIELD_ID, 0), LEDE_MISUSE);
	EXPECT_MSG(lede_query_errmsg(q), "facet");
	EXPECT(lede_query_set_timeline, (q, LEDE_TIMELINE_DAY), LEDE_OK);
	EXPECT(lede_query_set_timeline, (q, (lede_timeline_t)97),
	       LEDE_MISUSE);
	EXPECT_MSG(lede_query_errmsg(q), "unit");
	EXPECT(lede_query_add_significant, (q, LEDE_FIELD_SECTION, 0),
	       LEDE_OK);
	EXPECT(lede_query_add_significant, (q, LEDE_FIELD_AUTHOR, 0),
	       LEDE_MISUSE);
	EXPECT_MSG(lede_query_errmsg(q), "whole values");
	EXPECT(lede_query_set_like, (q, ""), LEDE_MISUSE);
	EXPECT_MSG(lede_query_errmsg(q), "id");

	/* Parts: a const query, so the status says it all. */
	const char *clause = NULL, *field = NULL, *matches = NULL;
	EXPECT(lede_query_part, (q, 0, &clause, &field, &matches), LEDE_OK);
	CHECK_STR(clause, "harbour");
	EXPECT(lede_query_part, (q, 1, &clause, &field, &matches), LEDE_DONE);
	EXPECT(lede_query_part, (q, 0, NULL, &field, &matches), LEDE_MISUSE);

	EXPECT(lede_query_run, (q, &r), LEDE_OK);
	lede_results_free(r);
	EXPECT(lede_query_run, (q, NULL), LEDE_MISUSE);
	EXPECT_MSG(lede_query_errmsg(q), "NULL");
	lede_query_free(q);

	/* Nothing to rank by; then an article that is not there. */
	CHECK_INT(lede_query_new(db, " ", LEDE_NTS, &q), LEDE_OK);
	EXPECT(lede_query_run, (q, &r), LEDE_BAD_QUERY);
	EXPECT_MSG(lede_query_errmsg(q), "empty");
	EXPECT(lede_query_set_like, (q, "no-such-article"), LEDE_OK);
	EXPECT(lede_query_run, (q, &r), LEDE_BAD_QUERY);
	EXPECT_MSG(lede_query_errmsg(q), "no-such-article");
	lede_query_free(q);
}

/* A query of an index closed under it. */
static void
test_query_of_closed_index(const char *index)
{
	lede_db_t *db = NULL;
	lede_query_t *q = NULL;
	lede_results_t *r = (lede_results_t *)dir;
	CHECK_INT(lede_db_open(index, LEDE_OPEN_READ, &db, NULL), LEDE_OK);
	CHECK_INT(lede_query_new(db, "harbour", LEDE_NTS, &q), LEDE_OK);
	CHECK_INT(lede_db_close(db), LEDE_OK);
	EXPECT(lede_query_run, (q, &r), LEDE_MISUSE);
	CHECK(r == NULL);
	EXPECT_MSG(lede_query_errmsg(q), "closed");
	lede_query_free(q);
}

/* ---- Results -------------------------------------------------------- */

static void
test_results(lede_db_t *db)
{
	lede_query_t *q = NULL;
	lede_results_t *r = NULL;
	const char *value = NULL, *text = NULL, *speaker = NULL;
	uint64_t count = 0;
	double score = 0, weight = 0;
	char *s = NULL;

	/* Counts, which need no current hit. */
	CHECK_INT(lede_query_new(db, "harbour", LEDE_NTS, &q), LEDE_OK);
	CHECK_INT(lede_query_add_facet(q, LEDE_FIELD_SECTION, 0), LEDE_OK);
	CHECK_INT(lede_query_set_timeline(q, LEDE_TIMELINE_YEAR), LEDE_OK);
	CHECK_INT(lede_query_add_significant(q, LEDE_FIELD_SECTION, 0),
		  LEDE_OK);
	if (!EXPECT(lede_query_run, (q, &r), LEDE_OK)) {
		lede_query_free(q);
		return;
	}
	EXPECT(lede_results_total, (r, &count, NULL), LEDE_OK);
	CHECK(count >= 3);
	EXPECT(lede_results_total, (r, NULL, NULL), LEDE_MISUSE);
	EXPECT(lede_results_facet, (r, LEDE_FIELD_SECTION, 0, &value, &count),
	       LEDE_OK);
	EXPECT(lede_results_facet, (r, LEDE_FIELD_SECTION, 99, &value, &count),
	       LEDE_DONE);
	EXPECT(lede_results_facet, (r, LEDE_FIELD_PLACE, 0, &value, &count),
	       LEDE_MISUSE);
	EXPECT(lede_results_timeline, (r, 0, &value, &count), LEDE_OK);
	EXPECT(lede_results_timeline, (r, 99, &value, &count), LEDE_DONE);
	EXPECT(lede_results_timeline, (r, 0, NULL, &count), LEDE_MISUSE);
	value = NULL;
	EXPECT(lede_results_significant,
	       (r, LEDE_FIELD_SECTION, 0, &value, &score), LEDE_OK);
	CHECK(value != NULL);
	CHECK(score > 0);
	EXPECT(lede_results_significant,
	       (r, LEDE_FIELD_SECTION, 99, &value, &score), LEDE_DONE);
	EXPECT(lede_results_significant,
	       (r, LEDE_FIELD_PLACE, 0, &value, &score), LEDE_MISUSE);
	char *json = NULL;
	EXPECT(lede_results_json, (r, LEDE_JSON_PRETTY, &json), LEDE_OK);
	CHECK(json && strstr(json, "\"hits\""));
	lede_free(json);
	EXPECT(lede_results_json, (r, 1u << 7, &json), LEDE_MISUSE);
	CHECK(json == NULL);
	EXPECT_MSG(lede_results_errmsg(r), "flags");
	lede_results_free(r);
	lede_query_free(q);

	/* Our own articles, which have a quote, with explain. */
	CHECK_INT(lede_query_new(db, "harbour", LEDE_NTS, &q), LEDE_OK);
	CHECK_INT(lede_query_add_filter(q, LEDE_FIELD_SECTION, "harbours"),
		  LEDE_OK);
	CHECK_INT(lede_query_set_explain(q, 1), LEDE_OK);
	if (!EXPECT(lede_query_run, (q, &r), LEDE_OK)) {
		lede_query_free(q);
		return;
	}

	/* What needs a current hit, before the first. */
	EXPECT(lede_results_quote, (r, 0, &text, &speaker), LEDE_MISUSE);
	EXPECT(lede_results_part, (r, 0, &weight), LEDE_MISUSE);
	s = (char *)dir;
	EXPECT(lede_results_snippet, (r, 100, "[", "]", &s), LEDE_MISUSE);
	CHECK(s == NULL);
	EXPECT_MSG(lede_results_errmsg(r), "no current hit");
	EXPECT(lede_results_hit_json, (r, 0, &json), LEDE_MISUSE);
	EXPECT_MSG(lede_results_errmsg(r), "no current hit");

	/* The first hit. */
	EXPECT(lede_results_next, (r), LEDE_OK);
	EXPECT(lede_results_quote, (r, 0, &text, &speaker), LEDE_OK);
	CHECK_STR(text, "We will rebuild");
	EXPECT(lede_results_quote, (r, 1, &text, &speaker), LEDE_DONE);
	EXPECT(lede_results_part, (r, 0, &weight), LEDE_OK);
	CHECK(weight > 0);
	EXPECT(lede_results_part, (r, 1, &weight), LEDE_DONE);
	EXPECT(lede_results_snippet, (r, 100, "[", "]", &s), LEDE_OK);
	CHECK(s && strstr(s, "[harbour]"));
	lede_free(s);
	lede_range_t *ranges = NULL;
	size_t n_ranges = 0;
	EXPECT(lede_results_snippet_ranges, (r, 100, &s, &ranges, &n_ranges),
	       LEDE_OK);
	CHECK(n_ranges >= 1);
	lede_free(s);
	lede_free(ranges);
	EXPECT(lede_results_snippet_ranges, (r, 100, &s, NULL, &n_ranges),
	       LEDE_MISUSE);
	EXPECT_MSG(lede_results_errmsg(r), "NULL");
	EXPECT(lede_results_hit_json, (r, 0, &json), LEDE_OK);
	lede_free(json);
	EXPECT(lede_results_article_json, (r, LEDE_JSON_PRETTY, &json),
	       LEDE_OK);
	CHECK(json && strstr(json, "\"body\""));
	lede_free(json);
	EXPECT(lede_results_article_json, (r, 1u << 7, &json), LEDE_MISUSE);
	EXPECT_MSG(lede_results_errmsg(r), "flags");

	while (lede_results_next(r) == LEDE_OK)
		;
	EXPECT(lede_results_next, (r), LEDE_DONE);
	EXPECT(lede_results_next, (NULL), LEDE_MISUSE);
	EXPECT_MSG(lede_results_errmsg(NULL), "NULL");
	lede_results_free(r);
	lede_query_free(q);

	/* No explain asked for. */
	CHECK_INT(lede_query_new(db, "harbour", LEDE_NTS, &q), LEDE_OK);
	CHECK_INT(lede_query_run(q, &r), LEDE_OK);
	CHECK_INT(lede_results_next(r), LEDE_OK);
	EXPECT(lede_results_part, (r, 0, &weight), LEDE_MISUSE);
	lede_results_free(r);
	lede_query_free(q);
}

static void
test_stats(lede_db_t *db)
{
	lede_stats_t *st = (lede_stats_t *)dir;
	uint64_t n = 0;
	const char *value = NULL;

	EXPECT(lede_stats_new, (db, 3, NULL), LEDE_MISUSE);
	EXPECT_MSG(lede_errmsg(db), "out");
	if (!EXPECT(lede_stats_new, (db, 3, &st), LEDE_OK))
		return;
	EXPECT(lede_stats_field, (st, LEDE_FIELD_SECTION, &n), LEDE_OK);
	CHECK_INT(n, N_ARTICLES);
	EXPECT(lede_stats_field, (st, LEDE_FIELD_BODY, &n), LEDE_MISUSE);
	EXPECT(lede_stats_top, (st, LEDE_FIELD_SECTION, 0, &value, &n),
	       LEDE_OK);
	CHECK(value != NULL && n >= 3);
	EXPECT(lede_stats_top, (st, LEDE_FIELD_SECTION, 3, &value, &n),
	       LEDE_DONE);
	EXPECT(lede_stats_top, (st, LEDE_FIELD_ID, 0, &value, &n),
	       LEDE_MISUSE);
	lede_stats_free(st);
}

/* ---- Coverage ------------------------------------------------------- */

static int
write_pairs(const char *file)
{
	FILE *f = fopen(file, "w");
	if (!f) {
		perror(file);
		return 1;
	}
	for (size_t i = 0; i < n_provoked; i++)
		fprintf(f, "tested\t%s\t%s\n", provoked[i].fn,
			provoked[i].status);
	for (size_t i = 0; i < sizeof exceptions / sizeof *exceptions; i++)
		fprintf(f, "exception\t%s\t%s\t%s\n", exceptions[i].fn,
			exceptions[i].status, exceptions[i].why);
	return fclose(f) != 0;
}

int
main(int argc, char **argv)
{
	if (argc != 3 && !(argc == 5 && !strcmp(argv[3], "--pairs"))) {
		fprintf(stderr, "usage: test_statuses SCRATCH-DIR FIXTURES-DIR "
				"[--pairs FILE]\n");
		return 2;
	}
	snprintf(dir, sizeof dir, "%s/statuses", argv[1]);
	fixtures = argv[2];
	remove_tree(dir);
	if (mkdir(dir, 0777) != 0) {
		perror(dir);
		return 1;
	}

	test_text();
	test_parse_buffer();
	test_parser();
	test_archive_entries();

	const char *index = in_dir("news.lede");
	make_index(index);
	test_open(index);
	test_write(index);
	test_files(index);
	test_removed_under_reader(index);
	test_query_of_closed_index(index);
	test_shards(index);
	test_merge();

	lede_db_t *db = NULL;
	CHECK_INT(lede_db_open(index, LEDE_OPEN_READ, &db, NULL), LEDE_OK);
	if (db) {
		test_query(db);
		test_results(db);
		test_stats(db);
		lede_db_close(db);
	}
	remove_tree(dir);

	int rc = CHECK_DONE();
	if (argc == 5 && write_pairs(argv[4]))
		rc = 1;
	return rc;
}
