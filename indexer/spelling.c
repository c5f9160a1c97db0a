/* spelling.c: collecting an article's words for the spelling table, and
 * counting a batch's words before they go to it.
 * SPDX-License-Identifier: MIT
 */
#include <stdlib.h>
#include <string.h>

#include "hash.h"
#include "spelling.h"

/* Shorter words are too often abbreviations or typos of anything;
 * longer ones are URLs, hashes and compounds. */
#define MIN_WORD 3
#define MAX_WORD 24

static int worth_keeping(const char *w, size_t len)
{
	size_t i;

	if (len < MIN_WORD || len > MAX_WORD)
		return 0;
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)w[i];

		/* Digits and punctuation: codes, numbers, times. Bytes of
		 * 0x80 and up are letters of other scripts. */
		if (c < 0x80 && !(c >= 'a' && c <= 'z'))
			return 0;
	}
	return 1;
}

void ldi_wordset_add(ldi_wordset_t *s, const char *w, size_t len)
{
	if (s->nomem || !worth_keeping(w, len))
		return;
	if (s->len + len + 1 > s->cap) {
		size_t cap = s->cap ? 2 * s->cap : 4096;
		char *grown;

		while (cap < s->len + len + 1)
			cap *= 2;
		grown = realloc(s->buf, cap);
		if (!grown) {
			s->nomem = 1;
			return;
		}
		s->buf = grown;
		s->cap = cap;
	}
	if (s->n == s->n_cap) {
		size_t cap = s->n_cap ? 2 * s->n_cap : 256;
		size_t *grown = realloc(s->offsets, cap * sizeof *grown);

		if (!grown) {
			s->nomem = 1;
			return;
		}
		s->offsets = grown;
		s->n_cap = cap;
	}
	s->offsets[s->n++] = s->len;
	memcpy(s->buf + s->len, w, len);
	s->buf[s->len + len] = '\0';
	s->len += len + 1;
}

void ldi_wordset_clear(ldi_wordset_t *s)
{
	s->len = 0;
	s->n = 0;
	s->nomem = 0;
}

void ldi_wordset_free(ldi_wordset_t *s)
{
	free(s->buf);
	free(s->offsets);
	memset(s, 0, sizeof *s);
}

/* The slot of word w[0..len) of part (hash h): its own, or the empty
 * one where it would go. */
static size_t slot_of(const ldi_tally_t *t, uint32_t part, const char *w,
		      size_t len, uint64_t h)
{
	size_t mask = t->cap - 1;
	size_t i = (size_t)h & mask;

	for (;; i = (i + 1) & mask) {
		const ldi_tally_word_t *e = &t->slots[i];

		if (!e->len)
			return i;
		if (e->hash == h && e->len == len && e->part == part &&
		    !memcmp(t->buf + e->at, w, len))
			return i;
	}
}

/* Room for n more words of `bytes` bytes in all, made before any is
 * counted so that counting an article cannot fail half way. */
static int reserve(ldi_tally_t *t, size_t n, size_t bytes)
{
	if (t->len + bytes > t->buf_cap) {
		size_t cap = t->buf_cap ? 2 * t->buf_cap : 65536;
		char *grown;

		while (cap < t->len + bytes)
			cap *= 2;
		grown = realloc(t->buf, cap);
		if (!grown)
			return -1;
		t->buf = grown;
		t->buf_cap = cap;
	}
	/* At most half full: probes stay short. */
	if (2 * (t->used + n) > t->cap) {
		size_t cap = t->cap ? 2 * t->cap : 4096, i;
		ldi_tally_t bigger = *t;

		while (2 * (t->used + n) > cap)
			cap *= 2;
		bigger.slots = calloc(cap, sizeof *bigger.slots);
		if (!bigger.slots)
			return -1;
		bigger.cap = cap;
		for (i = 0; i < t->cap; i++) {
			const ldi_tally_word_t *e = &t->slots[i];

			if (e->len)
				bigger.slots[slot_of(&bigger, e->part,
						     t->buf + e->at, e->len,
						     e->hash)] = *e;
		}
		free(t->slots);
		*t = bigger;
	}
	return 0;
}

int ldi_tally_add(ldi_tally_t *t, uint32_t part, const ldi_wordset_t *s)
{
	size_t i;
	uint32_t article;

	if (s->nomem || reserve(t, s->n, s->len) != 0)
		return -1;
	/* Articles are numbered from 1 since the tally was last cleared,
	 * so that a slot's "seen" of 0 is no article's. */
	article = ++t->articles;
	for (i = 0; i < s->n; i++) {
		const char *w = s->buf + s->offsets[i];
		size_t len = strlen(w);
		uint64_t h = ldi_hash64(w, len);
		ldi_tally_word_t *e = &t->slots[slot_of(t, part, w, len, h)];

		if (!e->len) {
			e->at = t->len;
			e->len = (uint32_t)len;
			e->part = part;
			e->count = 0;
			e->recorded = 0;
			e->hash = h;
			memcpy(t->buf + t->len, w, len + 1);
			t->len += len + 1;
			t->used++;
		} else if (e->seen == article) {
			continue; /* once per article */
		}
		e->seen = article;
		e->count++;
	}
	return 0;
}

void ldi_tally_drop(ldi_tally_t *t, uint32_t part)
{
	size_t i;

	for (i = 0; t->used && i < t->cap; i++)
		if (t->slots[i].len && t->slots[i].part == part)
			t->slots[i].count = 0;
}

void ldi_tally_clear(ldi_tally_t *t)
{
	if (t->used)
		memset(t->slots, 0, t->cap * sizeof *t->slots);
	t->used = 0;
	t->len = 0;
	t->articles = 0;
	t->checkpoint = 0;
}

void ldi_tally_free(ldi_tally_t *t)
{
	free(t->slots);
	free(t->buf);
	memset(t, 0, sizeof *t);
}
