/* wordmap.h: hash maps of words and phrases, and the arena their keys
 * live in; the tables behind extraction (extract.c, gazetteer.c).
 * SPDX-License-Identifier: MIT
 *
 * Keys are byte strings compared exactly (case and accents matter), and
 * the map does not copy them: they must outlive the map, which is why an
 * arena comes with it. Each entry carries a value pointer and 32 bits of
 * flags that the caller defines. Open addressing with linear probing,
 * kept at most half full, so a miss costs a hash and a probe or two.
 */
#ifndef LEDE_WORDMAP_H
#define LEDE_WORDMAP_H

#include <stddef.h>
#include <stdint.h>

typedef struct ldi_wordmap_entry {
	const char *key;	/* NULL: an empty slot */
	uint32_t len;
	uint32_t flags;
	const void *value;
} ldi_wordmap_entry_t;

typedef struct ldi_wordmap {
	ldi_wordmap_entry_t *slots;
	size_t cap;		/* a power of two; 0 before the first put */
	size_t count;
} ldi_wordmap_t;

/* The entry for key[0..len), or NULL. */
const ldi_wordmap_entry_t *ldi_wordmap_get(const ldi_wordmap_t *m,
					   const char *key, size_t len);

/* The entry for key[0..len), added (value NULL, flags 0) when missing;
 * the key is kept by pointer. NULL when out of memory. */
ldi_wordmap_entry_t *ldi_wordmap_put(ldi_wordmap_t *m, const char *key,
				     size_t len);

/* Empties the map and frees its slots (not the keys). */
void ldi_wordmap_clear(ldi_wordmap_t *m);

/* Bump allocation in blocks; everything goes at once. */
typedef struct ldi_arena {
	struct ldi_arena_block *head;
} ldi_arena_t;

/* A NUL-terminated copy of s[0..len) in the arena, or NULL when out of
 * memory. */
char *ldi_arena_strndup(ldi_arena_t *a, const char *s, size_t len);

/* n bytes (aligned for any object) from the arena, or NULL. */
void *ldi_arena_alloc(ldi_arena_t *a, size_t n);

void ldi_arena_free(ldi_arena_t *a);

#endif /* LEDE_WORDMAP_H */
