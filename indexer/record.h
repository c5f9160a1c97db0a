/* record.h: the strings a format reader makes for one record.
 * SPDX-License-Identifier: MIT
 *
 * A reader builds an article from strings it allocates (a decoded title,
 * a trimmed author) and from lists of them (authors, tags). They live
 * until the article has gone to on_article, then go all at once: the
 * strings in an ldi_kept_t, the lists in ldi_strlist_t, which borrow
 * their strings from it. A reader with strings that outlive its records
 * (a feed's title) keeps those first and releases back to a mark.
 *
 * Nothing here sets a reader's "out of memory" flag: each call says it
 * failed and the reader records that its own way.
 *
 * Also here, because every reader needs them the same way: the split of
 * a byline into names, and the cut of a value quoted in a warning.
 */
#ifndef LEDE_RECORD_H
#define LEDE_RECORD_H

#include <stddef.h>

/* Strings owned until released. Zeroed is empty. */
typedef struct ldi_kept {
	char **v;
	size_t n, cap;
} ldi_kept_t;

/* Takes ownership of s and returns it. Returns NULL when s is NULL (a
 * failed allocation passed straight in) or when memory runs out, in
 * which case s is freed: either way the caller is out of memory. */
char *ldi_keep(ldi_kept_t *k, char *s);

/* Frees the strings kept after the first mark ones (k->n read earlier),
 * leaving k ready for more. A mark of 0 frees them all. */
void ldi_kept_release(ldi_kept_t *k, size_t mark);

/* Frees every string and the store itself; k is then zeroed. */
void ldi_kept_free(ldi_kept_t *k);

/* A list of borrowed strings (authors, tags). Zeroed is empty. */
typedef struct ldi_strlist {
	const char **v;
	size_t n, cap;
} ldi_strlist_t;

/* How ldi_strlist_add tells two strings apart. */
typedef enum ldi_match {
	LDI_MATCH_EXACT,	/* byte for byte */
	LDI_MATCH_ASCII_CASE	/* ASCII letters folded: "BBC" is "bbc" */
} ldi_match_t;

/* Appends s. Returns 0, or -1 when memory ran out (the list unchanged). */
int ldi_strlist_push(ldi_strlist_t *l, const char *s);

/* Appends s unless it is NULL, already in the list (as match says) or
 * the list holds max strings: no article has hundreds of authors, and
 * the check for repeats grows with the square of the list. Returns 0,
 * or -1 when memory ran out. */
int ldi_strlist_add(ldi_strlist_t *l, const char *s, size_t max,
		    ldi_match_t match);

/* Frees the list's array (not its strings); l is then zeroed. */
void ldi_strlist_free(ldi_strlist_t *l);

/* Calls fn for each name of a byline "A, B and C" or "A; B", in order:
 * the names are split at ";", ", " and " and ", and passed as s[0..n),
 * untrimmed and possibly empty. "Smith, John" becomes two names, a
 * rarer shape in news than a list of authors. A non-zero return from
 * fn stops the split (memory ran out). */
void ldi_split_byline(const char *s, size_t n,
		      int (*fn)(void *ctx, const char *s, size_t n),
		      void *ctx);

/* Values quoted in warnings are cut to this many bytes. */
#define LDI_QUOTE_MAX 80

/* t as a warning quotes it: t itself when it has at most LDI_QUOTE_MAX
 * bytes, else its first LDI_QUOTE_MAX bytes, cut at a character
 * boundary and followed by "...", copied into buf (LDI_QUOTE_MAX + 4
 * bytes). */
const char *ldi_quote(const char *t, char *buf);

#endif /* LEDE_RECORD_H */
