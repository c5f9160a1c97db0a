/* test_spelling.c: unit tests of the spelling words (spelling.h), and of
 * the frequencies the spelling table ends up with.
 * SPDX-License-Identifier: MIT
 *
 * A writer counts each word once per article over a whole batch and
 * gives the spelling table each word once, before the commit. The
 * frequencies decide between suggestions at the same distance, so the
 * end-to-end cases pit a word many articles use against one repeated in
 * a single article, whatever the batch size and in each shard of a set.
 */
#define _POSIX_C_SOURCE 200809L /* mkdtemp */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "lede.h"
#include "spelling.h"

static char dir[4096];

static void
add_words(ldi_wordset_t *s, const char *const *words)
{
	for (; *words; words++)
		ldi_wordset_add(s, *words, strlen(*words));
}

/* The count of word in part, or -1 when the tally does not hold it. */
static long
count_of(const ldi_tally_t *t, uint32_t part, const char *word)
{
	for (size_t i = 0; i < t->cap; i++) {
		const ldi_tally_word_t *w = &t->slots[i];
		if (w->len && w->part == part &&
		    !strcmp(ldi_tally_word(t, w), word))
			return (long)w->count;
	}
	return -1;
}

static void
test_wordset(void)
{
	ldi_wordset_t s = { 0 };
	static const char *const words[] = {
		"harbour", "of",	   "1984", "b2b", "ferry",
		"łódź",	   "harbour", "abcdefghijklmnopqrstuvwxyz", NULL
	};
	add_words(&s, words);
	/* Too short, digits and too long are left out; repeats stay until
	 * the tally counts them. */
	CHECK_INT(s.n, 4);
	CHECK_STR(s.buf + s.offsets[0], "harbour");
	CHECK_STR(s.buf + s.offsets[1], "ferry");
	CHECK_STR(s.buf + s.offsets[2], "łódź");
	CHECK_STR(s.buf + s.offsets[3], "harbour");
	ldi_wordset_clear(&s);
	CHECK_INT(s.n, 0);
	ldi_wordset_free(&s);
}

static void
test_tally(void)
{
	ldi_wordset_t s = { 0 };
	ldi_tally_t t = { 0 };
	static const char *const first[] = { "harbour", "ferry", "harbour",
					     "harbour", NULL };
	static const char *const second[] = { "ferry", "storm", NULL };

	add_words(&s, first);
	CHECK_INT(ldi_tally_add(&t, 0, &s), 0);
	ldi_wordset_clear(&s);
	add_words(&s, second);
	CHECK_INT(ldi_tally_add(&t, 0, &s), 0);
	CHECK_INT(ldi_tally_add(&t, 3, &s), 0);
	ldi_wordset_clear(&s);
	/* Once per article, each part on its own. */
	CHECK_INT(count_of(&t, 0, "harbour"), 1);
	CHECK_INT(count_of(&t, 0, "ferry"), 2);
	CHECK_INT(count_of(&t, 0, "storm"), 1);
	CHECK_INT(count_of(&t, 3, "ferry"), 1);
	CHECK_INT(count_of(&t, 3, "harbour"), -1);
	CHECK_INT(t.used, 5);
	CHECK_INT(t.articles, 3);

	/* Enough words to grow the table several times: none is lost. */
	char word[16];
	for (int i = 0; i < 20000; i++) {
		snprintf(word, sizeof word, "w%c%c%c%c", 'a' + i % 26,
			 'a' + i / 26 % 26, 'a' + i / 676 % 26,
			 'a' + i / 17576 % 26);
		ldi_wordset_add(&s, word, strlen(word));
		ldi_wordset_add(&s, word, strlen(word));
	}
	CHECK_INT(ldi_tally_add(&t, 0, &s), 0);
	ldi_wordset_clear(&s);
	CHECK_INT(t.used, 20005);
	CHECK(2 * t.used <= t.cap);
	CHECK_INT(count_of(&t, 0, "waaaa"), 1);
	CHECK_INT(count_of(&t, 0, "wzzcb"), 1);
	CHECK_INT(count_of(&t, 0, "harbour"), 1);

	ldi_tally_clear(&t);
	CHECK_INT(t.used, 0);
	CHECK_INT(t.articles, 0);
	CHECK_INT(count_of(&t, 0, "ferry"), -1);
	add_words(&s, second);
	CHECK_INT(ldi_tally_add(&t, 0, &s), 0);
	CHECK_INT(count_of(&t, 0, "ferry"), 1);

	/* An article whose words ran out of memory counts nothing. */
	s.nomem = 1;
	CHECK_INT(ldi_tally_add(&t, 0, &s), -1);
	CHECK_INT(count_of(&t, 0, "ferry"), 1);
	ldi_wordset_free(&s);
	ldi_tally_free(&t);
}

static lede_status_t
add(lede_db_t *db, const char *id, int64_t date, const char *body)
{
	lede_article_t a = { 0 };
	a.id = id;
	a.headline = "News";
	a.body = body;
	a.date = date;
	a.language = "en";
	return lede_db_add(db, &a);
}

/* The suggestion for text in the index at path, or "" when none. */
static const char *
suggestion(const char *path, const char *text)
{
	static char out[64];
	lede_db_t *db = NULL;
	lede_query_t *q = NULL;
	lede_results_t *r = NULL;
	out[0] = '\0';
	if (lede_db_open(path, LEDE_OPEN_READ, &db, NULL) != LEDE_OK) {
		lede_db_close(db);
		return "(cannot open)";
	}
	if (lede_query_new(db, text, LEDE_NTS, &q) == LEDE_OK &&
	    lede_query_run(q, &r) == LEDE_OK) {
		const char *s = lede_results_suggestion(r);
		snprintf(out, sizeof out, "%s", s ? s : "");
	}
	lede_results_free(r);
	lede_query_free(q);
	lede_db_close(db);
	return out;
}

/* "card" in one article six times, "cart" in two: at one edit from
 * "carx" each, and "cart" wins on articles, in any batches. */
static void
test_frequencies(unsigned batch)
{
	char path[4200];
	snprintf(path, sizeof path, "%s/batch-%u", dir, batch);
	lede_db_t *db = NULL;
	CHECK_INT(lede_db_open(path, LEDE_OPEN_CREATE, &db, NULL), LEDE_OK);
	CHECK_INT(lede_db_set_batch_size(db, batch), LEDE_OK);
	CHECK_INT(add(db, "a", 1700000000,
		      "card card card card card card"), LEDE_OK);
	CHECK_INT(add(db, "b", 1700000000, "the cart"), LEDE_OK);
	CHECK_INT(add(db, "c", 1700000000, "a cart"), LEDE_OK);
	CHECK_INT(lede_db_close(db), LEDE_OK);
	CHECK_STR(suggestion(path, "carx"), "cart");
}

/* With no commit for longer than a batch, the words still all arrive:
 * those given to Xapian on the way and those at the commit. */
static void
test_long_batch(void)
{
	char path[4200];
	snprintf(path, sizeof path, "%s/long", dir);
	lede_db_t *db = NULL;
	CHECK_INT(lede_db_open(path, LEDE_OPEN_CREATE, &db, NULL), LEDE_OK);
	CHECK_INT(lede_db_set_batch_size(db, 0), LEDE_OK);
	for (int i = 0; i < 1100; i++) {
		char id[16];
		snprintf(id, sizeof id, "n%d", i);
		CHECK_INT(add(db, id, 1700000000,
			      i == 0	    ? "the harbour opened"
			      : i == 1099 ? "the lighthouse closed"
			      : i % 2	    ? "the card" : "the cart cart"),
			  LEDE_OK);
	}
	CHECK_INT(lede_db_close(db), LEDE_OK);
	CHECK_STR(suggestion(path, "harbur"), "harbour");
	CHECK_STR(suggestion(path, "lighthuse"), "lighthouse");
	/* 550 articles have "card", 548 "cart". */
	CHECK_STR(suggestion(path, "carx"), "card");
}

/* A shard set: each shard's table learns the words of its own articles. */
static void
test_shards(void)
{
	char path[4200], shard[4300];
	snprintf(path, sizeof path, "%s/set", dir);
	lede_db_t *db = NULL;
	CHECK_INT(lede_db_open_sharded(path, LEDE_SHARD_MONTH, &db, NULL),
		  LEDE_OK);
	CHECK_INT(lede_db_set_batch_size(db, 2), LEDE_OK);
	/* 2023-10-01 and 2023-11-01. */
	CHECK_INT(add(db, "o1", 1696118400, "the harbour"), LEDE_OK);
	CHECK_INT(add(db, "n1", 1698796800, "the lighthouse"), LEDE_OK);
	CHECK_INT(add(db, "o2", 1696118400, "card card card"), LEDE_OK);
	CHECK_INT(add(db, "n2", 1698796800, "the cart"), LEDE_OK);
	CHECK_INT(add(db, "n3", 1698796800, "a cart"), LEDE_OK);
	CHECK_INT(lede_db_close(db), LEDE_OK);
	snprintf(shard, sizeof shard, "%s/2023-10", path);
	CHECK_STR(suggestion(shard, "harbur"), "harbour");
	CHECK_STR(suggestion(shard, "lighthuse"), "");
	CHECK_STR(suggestion(shard, "carx"), "card");
	snprintf(shard, sizeof shard, "%s/2023-11", path);
	CHECK_STR(suggestion(shard, "harbur"), "");
	CHECK_STR(suggestion(shard, "lighthuse"), "lighthouse");
	CHECK_STR(suggestion(shard, "carx"), "cart");
	/* The set as one: "cart" in two articles, "card" in one. */
	CHECK_STR(suggestion(path, "carx"), "cart");
}

int
main(int argc, char **argv)
{
	test_wordset();
	test_tally();

	snprintf(dir, sizeof dir, "%s/lede-spelling-XXXXXX",
		 argc > 1 ? argv[1] : "/tmp");
	if (!mkdtemp(dir)) {
		perror("mkdtemp");
		return 1;
	}
	test_frequencies(1);
	test_frequencies(2);
	test_frequencies(0);
	test_frequencies(500);
	test_long_batch();
	test_shards();

	char cmd[4300];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", dir);
	return CHECK_DONE();
}
