/* spelling.c: collecting an article's words for the spelling table.
 * SPDX-License-Identifier: MIT
 */
#include <stdlib.h>
#include <string.h>

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

static int by_word(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

int ldi_wordset_finish(ldi_wordset_t *s)
{
	size_t i, out = 0;
	const char **grown;

	if (s->nomem)
		return -1;
	/* Pointers only now: buf may have moved while words were added. */
	grown = realloc(s->words, (s->n ? s->n : 1) * sizeof *grown);
	if (!grown)
		return -1;
	s->words = grown;
	for (i = 0; i < s->n; i++)
		s->words[i] = s->buf + s->offsets[i];
	qsort(s->words, s->n, sizeof *s->words, by_word);
	for (i = 0; i < s->n; i++)
		if (out == 0 || strcmp(s->words[out - 1], s->words[i]))
			s->words[out++] = s->words[i];
	s->n_words = out;
	return 0;
}

void ldi_wordset_clear(ldi_wordset_t *s)
{
	s->len = 0;
	s->n = 0;
	s->n_words = 0;
	s->nomem = 0;
}

void ldi_wordset_free(ldi_wordset_t *s)
{
	free(s->buf);
	free(s->offsets);
	free(s->words);
	memset(s, 0, sizeof *s);
}
