/* snippet.h: the passage of an article that best shows why it matched.
 * SPDX-License-Identifier: MIT
 */
#ifndef LEDE_SNIPPET_H
#define LEDE_SNIPPET_H

#include <stddef.h>

#include "lede.h"
#include "xapian-c.h"

/* Highlighted ranges of a snippet, growable (v is malloc'ed). */
typedef struct ldi_range_list {
	lede_range_t *v;
	size_t n, cap;
} ldi_range_list_t;

/* Picks the window of about max_chars bytes of body holding the most
 * distinct query words (then the most matches, then the earliest), and
 * returns it with runs of white space made single spaces, "…" where text
 * was cut, and each matching word between hi_start and hi_end. A body
 * word matches a query word when their folded forms or their stems are
 * equal, or, for a word ending in '*', when it starts with the rest.
 * When ranges is not NULL, it is emptied and receives, in order, each
 * matching word's place in the text returned, in code points, the marks
 * hi_start and hi_end not counted. Returns a malloc'ed string, NULL only
 * when out of memory. */
char *ldi_snippet(const char *body, char *const *words, size_t n_words,
		  xc_stemmer_t *stemmer, size_t max_chars,
		  const char *hi_start, const char *hi_end,
		  ldi_range_list_t *ranges);

#endif /* LEDE_SNIPPET_H */
