/* story_key.c: MinHash story keys over word shingles (see story_key.h).
 * SPDX-License-Identifier: MIT
 */
#include <stdlib.h>
#include <string.h>

#include "analyze.h"
#include "hash.h"
#include "story_key.h"

typedef struct word_list {
	uint64_t *h;
	size_t n, cap, max; /* max 0: no limit */
	int nomem;
} word_list_t;

/* Collects a hash of each word as a reader counts words: words (each CJK
 * character is one), hyphenated compounds whole, URLs and handles; not a
 * compound's parts, nor alternative forms and CJK pairs. */
static int
add_word(void *ctx, const ldi_token_t *tok)
{
	word_list_t *w = ctx;
	if (tok->kind != LDI_TOKEN_WORD && tok->kind != LDI_TOKEN_COMPOUND &&
	    tok->kind != LDI_TOKEN_SPECIAL)
		return 0;
	if (w->max && w->n == w->max)
		return 1; /* enough: stop the analysis */
	if (w->n == w->cap) {
		size_t cap = w->cap ? w->cap * 2 : 256;
		uint64_t *grown = realloc(w->h, cap * sizeof *grown);
		if (!grown) {
			w->nomem = 1;
			return 1;
		}
		w->h = grown;
		w->cap = cap;
	}
	w->h[w->n++] = ldi_hash64(tok->term, tok->len);
	return 0;
}

/* splitmix64's finaliser: every input bit moves about half the output
 * bits, which FNV-1a alone does not do for nearby inputs. */
static uint64_t
mix64(uint64_t x)
{
	x ^= x >> 30;
	x *= UINT64_C(0xbf58476d1ce4e5b9);
	x ^= x >> 27;
	x *= UINT64_C(0x94d049bb133111eb);
	x ^= x >> 31;
	return x;
}

uint64_t
ldi_story_mix(uint64_t shingle, unsigned i)
{
	/* Seeds spaced by the golden ratio, as splitmix64 spaces its
	 * stream; i = 0 is not the identity. */
	return mix64(shingle ^ (UINT64_C(0x9e3779b97f4a7c15) * (i + 1)));
}

int
ldi_story_shingles(const char *text, size_t max_words, uint64_t **out,
		   size_t *n, size_t *words)
{
	word_list_t w = { NULL, 0, 0, max_words, 0 };
	*out = NULL;
	*n = 0;
	if (words)
		*words = 0;
	if (text && *text &&
	    (ldi_analyze(text, strlen(text), add_word, &w) < 0 || w.nomem)) {
		free(w.h);
		return -1;
	}
	if (words)
		*words = w.n;
	if (w.n < LDI_STORY_SHINGLE) {
		free(w.h);
		return 0;
	}
	/* In place: shingle i only reads words i .. i+SHINGLE-1. */
	size_t count = w.n - LDI_STORY_SHINGLE + 1;
	for (size_t i = 0; i < count; i++) {
		uint64_t h = UINT64_C(0xcbf29ce484222325);
		for (size_t j = 0; j < LDI_STORY_SHINGLE; j++)
			h = mix64(h ^ w.h[i + j]);
		w.h[i] = h;
	}
	*out = w.h;
	*n = count;
	return 0;
}

int
ldi_story_key(const char *body, char key[LDI_STORY_KEY_SIZE])
{
	static const char hex[] = "0123456789abcdef";
	uint64_t *sh;
	size_t n, words;
	key[0] = '\0';
	if (ldi_story_shingles(body, LDI_STORY_LEAD_WORDS, &sh, &n, &words) != 0)
		return -1;
	if (words < LDI_STORY_MIN_WORDS) {
		free(sh);
		return 0;
	}
	uint64_t k = 0;
	for (unsigned r = 0; r < LDI_STORY_ROWS; r++) {
		uint64_t least = UINT64_MAX;
		for (size_t i = 0; i < n; i++) {
			uint64_t h = ldi_story_mix(sh[i], r);
			if (h < least)
				least = h;
		}
		/* Folded, not concatenated: all 64 bits of each min-hash
		 * count, and the key stays 64 bits for any number of rows. */
		k = mix64(k ^ least);
	}
	free(sh);
	for (int i = 0; i < 16; i++)
		key[i] = hex[(k >> (60 - 4 * i)) & 0xf];
	key[16] = '\0';
	return 1;
}
