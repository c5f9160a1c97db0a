/* spelling.h: the words an article adds to the index's spelling table
 * (internal).
 * SPDX-License-Identifier: MIT
 *
 * "did you mean" suggestions come from Xapian's spelling table, which
 * holds words with their frequencies. lede fills it with the folded words
 * of headlines and bodies, each once per article: once per article, so a
 * word repeated in one story does not outweigh a word used across many.
 * Numbers, very short and very long words are left out: they are never
 * misspellings worth correcting to.
 *
 * A writer does not give Xapian each article's words as the article
 * comes: it counts them in a tally and gives each word once, with its
 * count, before a commit its caller asks for, or when the tally grows
 * large (writer.c); the batch commits in between record the counts in the
 * index (spelling_records.c). Xapian adds the counts up as it would have
 * added the ones, so the frequencies are the same, for one call per
 * distinct word instead of one per word of every article (each a search
 * of Xapian's pending changes, and a sort of the article's words before
 * it), and for far fewer rewrites of the table's word lists.
 */
#ifndef LEDE_SPELLING_H
#define LEDE_SPELLING_H

#include <stddef.h>
#include <stdint.h>

typedef struct ldi_wordset {
	char *buf;	/* the words, NUL-separated */
	size_t len, cap;
	size_t *offsets;	/* where each word starts in buf */
	size_t n, n_cap;	/* words added, repeats included */
	int nomem;
} ldi_wordset_t;

/* Adds a folded word if it is one the spelling table should hold. */
void ldi_wordset_add(ldi_wordset_t *s, const char *word, size_t len);

void ldi_wordset_clear(ldi_wordset_t *s);
void ldi_wordset_free(ldi_wordset_t *s);

/* A word of the tally: how many articles of the batch used it, in which
 * part of the index (a shard set's shard; 0 for one index). */
typedef struct ldi_tally_word {
	size_t at;	/* the word's offset in the tally's buf */
	uint32_t len;	/* 0: an empty slot */
	uint32_t part;
	uint32_t count;	/* 0 once handed to Xapian */
	uint32_t recorded; /* of count, how much a spelling entry holds */
	uint32_t seen;	/* the article that counted it last */
	uint64_t hash;
} ldi_tally_word_t;

typedef struct ldi_tally {
	ldi_tally_word_t *slots;	/* open addressing, at most half full */
	size_t cap, used;
	char *buf;	/* the words, NUL-terminated */
	size_t len, buf_cap;
	uint32_t articles;	/* counted since the last clear */
	uint32_t checkpoint;	/* articles at the last spelling entry */
} ldi_tally_t;

/* Counts each distinct word of s (an article's words, as
 * ldi_wordset_add collected them) once for part. Nothing is counted
 * when it fails: 0, or -1 when out of memory (also when s ran out). */
int ldi_tally_add(ldi_tally_t *t, uint32_t part, const ldi_wordset_t *s);

/* The word of slot w, NUL-terminated; borrowed until the tally changes. */
static inline const char *ldi_tally_word(const ldi_tally_t *t,
					 const ldi_tally_word_t *w)
{
	return t->buf + w->at;
}

/* Forgets the counts of part's words (those not yet given to Xapian). */
void ldi_tally_drop(ldi_tally_t *t, uint32_t part);

/* Empties the tally, keeping its memory for the next batch. */
void ldi_tally_clear(ldi_tally_t *t);
void ldi_tally_free(ldi_tally_t *t);

#endif /* LEDE_SPELLING_H */
