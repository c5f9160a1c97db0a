/* story_key.h: the key that wire copies and reprints of one story share.
 * SPDX-License-Identifier: MIT
 *
 * Near-duplicates (the same agency story run by several outlets, a reprint
 * with a new headline, a word changed, the end cut or a paragraph added)
 * are found at index time. The lead of the body, its first
 * LDI_STORY_LEAD_WORDS folded words, is cut into shingles (runs of
 * LDI_STORY_SHINGLE consecutive words), and the story key is a MinHash of
 * that set: LDI_STORY_ROWS min-hashes, each the least of a seeded 64-bit
 * hash over the shingles, folded into one 64-bit value. Two leads whose
 * shingle sets have Jaccard similarity J get the same key with
 * probability J^LDI_STORY_ROWS (one band of locality-sensitive hashing):
 * 0.85 for a word changed in the lead, 1 for any change after it, about
 * 0.0001 for leads sharing a phrase or two.
 *
 * Why these choices, measured on the BBC corpus (2,225 articles, about
 * 150 pairs of copies, 15 revised versions, 37 pairs of follow-ups that
 * reuse a background paragraph; see the commit that added this file):
 * - Xapian collapses on one value per document, exactly equal. SimHash
 *   puts near-duplicates a few bits apart, and no single cut of its 64
 *   bits keeps them together without also merging thousands of unrelated
 *   pairs (top 16 bits: 52 false pairs and a sixth of the copies lost);
 *   MinHash makes equality itself the near-duplicate test.
 * - The lead, not the whole text: reprints keep the lead and change the
 *   headline, trim the end or add a paragraph, while follow-up stories
 *   reuse background paragraphs lower down but open differently. Over the
 *   whole text, two rows merged three follow-ups; over the lead, none.
 *   The headline is left out for the same reason: outlets rewrite it.
 * - Two rows: one row merged a hundred unrelated pairs that share a
 *   single common phrase; three lost more edited copies for no gain.
 *
 * Everything here is stable across platforms and runs (FNV-1a words,
 * fixed seeds, no printf): changing it changes stored keys, so it goes
 * with a format version bump.
 */
#ifndef LEDE_STORY_KEY_H
#define LEDE_STORY_KEY_H

#include <stddef.h>
#include <stdint.h>

/* Words per shingle. */
#define LDI_STORY_SHINGLE 4
/* Words of the body's lead that the key is made from. */
#define LDI_STORY_LEAD_WORDS 100
/* Min-hashes folded into the key (rows of the single band). */
#define LDI_STORY_ROWS 2
/* Bodies with fewer words than this get no key: two short items (a
 * one-line brief, a caption) say too little to be called copies. */
#define LDI_STORY_MIN_WORDS 30
/* 16 lowercase hex digits and a NUL. */
#define LDI_STORY_KEY_SIZE 17

/* The shingle hashes of the first max_words words of text (0: all of
 * them; text may be NULL), in text order, duplicates kept: *out
 * (malloc'ed, the caller frees it; NULL when *n is 0) holds *n hashes,
 * and *words (optional) is the number of words read. Returns 0, or -1
 * when out of memory. */
int ldi_story_shingles(const char *text, size_t max_words, uint64_t **out,
		       size_t *n, size_t *words);

/* The i-th seeded hash of a shingle hash (i from 0): what min-hash i takes
 * the least of. */
uint64_t ldi_story_mix(uint64_t shingle, unsigned i);

/* Writes the story key of an article's body (NULL is an empty body) to
 * key as 16 hex digits. Returns 1 when written, 0 when the body is too
 * short for one (key is then ""), -1 when out of memory. */
int ldi_story_key(const char *body, char key[LDI_STORY_KEY_SIZE]);

#endif /* LEDE_STORY_KEY_H */
