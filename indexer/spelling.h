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
 */
#ifndef LEDE_SPELLING_H
#define LEDE_SPELLING_H

#include <stddef.h>

typedef struct ldi_wordset {
	char *buf;	/* the words, NUL-separated */
	size_t len, cap;
	size_t *offsets;	/* where each word starts in buf */
	size_t n, n_cap;
	const char **words;	/* after ldi_wordset_finish: distinct */
	size_t n_words;
	int nomem;
} ldi_wordset_t;

/* Adds a folded word if it is one the spelling table should hold. */
void ldi_wordset_add(ldi_wordset_t *s, const char *word, size_t len);

/* Sorts the words and drops repeats into s->words[0..n_words). 0, or -1
 * when memory ran out at any point. */
int ldi_wordset_finish(ldi_wordset_t *s);

void ldi_wordset_clear(ldi_wordset_t *s);
void ldi_wordset_free(ldi_wordset_t *s);

#endif /* LEDE_SPELLING_H */
