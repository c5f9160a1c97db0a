/* analyze.h: text analysis shared by indexing and query parsing.
 * SPDX-License-Identifier: MIT
 *
 * One normaliser, one tokeniser: the indexer runs article text through
 * ldi_analyze and the query parser runs query words through the very same
 * function, so whatever form a word takes in an article ("Café", "CAFÉ",
 * a decomposed "café", fullwidth letters) the query finds the same term.
 *
 * A term is the word after NFKC normalisation, full case folding and
 * removal of combining marks (accent folding). Stemming is not done here:
 * the writer and the query builder stem terms with Xapian's Snowball
 * stemmers (see schema.h), so the unstemmed term stays available for
 * phrases and exact matches.
 */
#ifndef LEDE_ANALYZE_H
#define LEDE_ANALYZE_H

#include <stddef.h>

/* Bump when a change to analysis changes the terms of any text: an index
 * built by another version must be rebuilt (checked on open).
 *   1  words, folding, acronyms, numbers with '.' and ','
 *   2  compounds, URLs, e-mail, @handles, #hashtags, times and ranges,
 *      CJK bigrams, exact (unfolded) forms, per-language stemming and
 *      stopwords */
#define LDI_ANALYSIS_VERSION 2

/* Words whose folded form is longer than this are not terms (Xapian's
 * limit is 245 bytes with the prefix; nobody searches 65-byte words).
 * URLs and e-mail addresses may be longer: up to LDI_MAX_URL_BYTES. */
#define LDI_MAX_TERM_BYTES 64
#define LDI_MAX_URL_BYTES 200

typedef enum ldi_token_kind {
	LDI_TOKEN_WORD,	    /* a word, at the next position */
	LDI_TOKEN_COMPOUND, /* a hyphenated compound as one term, hyphens
			       dropped ("post-incident" -> "postincident"),
			       at the next position; its parts follow, the
			       first at the same position */
	LDI_TOKEN_PART,	    /* a part of the compound before it */
	LDI_TOKEN_ALT,	    /* another form of the token before it, at the
			       same position: the bare word of a #hashtag or
			       @handle ("#brexit" then "brexit") */
	LDI_TOKEN_NGRAM,    /* CJK: the bigram of the character before it
			       and the next one, at that character's
			       position ("東京" -> 東, 東京, 京) */
	LDI_TOKEN_SPECIAL   /* a URL, e-mail address, @handle or #hashtag
			       as one term, at the next position */
} ldi_token_kind_t;

typedef struct ldi_token {
	const char *term;  /* folded form, NUL-terminated; borrowed for the
			      callback only */
	size_t len;	   /* bytes in term */
	const char *exact; /* NFKC and case folded but accents kept
			      ("łódź" where term is "lodz"); the same
			      pointer as term when the two are equal */
	size_t exact_len;
	size_t start;	   /* byte range of the word in the input text */
	size_t end;
	unsigned pos_inc;  /* 1: the next position; 0: the same position as
			      the token before it */
	ldi_token_kind_t kind;
} ldi_token_t;

/* Return 0 to go on, anything else to stop (ldi_analyze returns it). */
typedef int (*ldi_token_fn)(void *ctx, const ldi_token_t *tok);

/* Splits `text` into tokens and calls fn for each, in order. Words:
 * - runs of letters, digits and combining marks (Unicode L*, N*, M*);
 * - an apostrophe (' or U+2019) between letters joins them ("don't" ->
 *   "dont"), except a final possessive "'s"/"’s", which is dropped
 *   ("Met's" -> "met");
 * - a '.' or ',' between two digits joins them ("1.13bn", "10,000" ->
 *   "10000"); so does ':' ("20:00" stays "20:00"), and '-' or '/' between
 *   digit runs makes one term of a range or date ("2004-05", "24/7");
 * - single letters separated by dots form one word ("U.K." -> "uk");
 * - letters or digits joined by hyphens make a COMPOUND followed by its
 *   PARTs ("post-incident" -> postincident, post, incident);
 * - URLs (scheme://... or www....), e-mail addresses, @handles and
 *   #hashtags are SPECIAL tokens, folded but whole ("#Brexit" ->
 *   "#brexit"), a handle or hashtag followed by its bare word as ALT;
 * - each Han, Hiragana, Katakana or Hangul character is a WORD of its own,
 *   and each pair of adjacent ones also an NGRAM;
 * - anything else (spaces, punctuation, symbols, emoji) separates words.
 * Tokens whose folded form is empty or too long are skipped. Invalid
 * UTF-8 bytes separate words (repair input first).
 * Returns 0, fn's non-zero return, or -1 when out of memory. */
int ldi_analyze(const char *text, size_t len, ldi_token_fn fn, void *ctx);

/* Folds a whole string the way terms are folded (NFKC, case fold, marks
 * removed), without splitting it: for filter values such as a section
 * name. *out is malloc'ed, NUL-terminated. Returns 0, or -1 when out of
 * memory or the input is not valid UTF-8. */
int ldi_fold(const char *s, size_t len, char **out, size_t *outlen);

/* utf8proc's Unicode version, e.g. "13.0.0" (recorded in the index). */
const char *ldi_unicode_version(void);

#endif /* LEDE_ANALYZE_H */
