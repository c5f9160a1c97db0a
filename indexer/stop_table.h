/* stop_table.h: the stopword hash table, written as const data at build time.
 * SPDX-License-Identifier: MIT
 *
 * Every stopword of every list in languages[] (language_table.h), once,
 * with the set of languages whose lists hold it (bit i: languages[i]).
 * language.c asks it for every token the writer indexes, for every word
 * detection reads, and for the words of a query and of its snippets, so
 * every lede-search run asks it too.
 *
 * stop_table_gen.c writes the tables declared here into stop_table.c when
 * the library is built (CMakeLists.txt). Built at run time instead, on
 * first use, the table cost every process about 0.3 ms: 393 KB of zeroed
 * slots to fault in, then every listed word hashed. As const data it sits
 * in the library's read-only pages, shared by all processes and faulted in
 * from the page cache only where lookups land: a probe reads a 2-byte slot,
 * then the word's entry and its bytes, a few pages at most. There are no
 * pointers in it because in a shared library each pointer is a relocation,
 * written at every program start into a page that then cannot be shared.
 */
#ifndef LEDE_STOP_TABLE_H
#define LEDE_STOP_TABLE_H

#include <stddef.h>
#include <stdint.h>

/* A power of two, at least twice the number of distinct stopwords (the
 * generator checks), so that linear probes stay short. */
#define LDI_STOP_SLOTS 8192

struct ldi_stop_word {
	uint64_t langs; /* bit i: languages[i] lists the word */
	uint16_t off;	/* the word is ldi_stop_text[off, off + len) */
	uint8_t len;
};

/* Open addressing with linear probing from ldi_stop_hash(word) modulo
 * LDI_STOP_SLOTS: 0 is an empty slot, k the word ldi_stop_words[k - 1]. */
extern const uint16_t ldi_stop_slots[LDI_STOP_SLOTS];
extern const struct ldi_stop_word ldi_stop_words[];
/* The words' bytes back to back, neither separated nor terminated. */
extern const char ldi_stop_text[];

/* FNV-1a: the generator and the lookup must hash alike, so both use this. */
static inline uint32_t ldi_stop_hash(const char *s, size_t len)
{
	uint32_t h = 2166136261u;
	size_t i;

	for (i = 0; i < len; i++) {
		h ^= (unsigned char)s[i];
		h *= 16777619u;
	}
	return h;
}

#endif /* LEDE_STOP_TABLE_H */
