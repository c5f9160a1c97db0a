/* record.c: the strings a format reader makes for one record.
 * SPDX-License-Identifier: MIT
 *
 * See record.h. Four readers (JSON, HTML, feeds, messages) once carried
 * a copy each of this code.
 */
#include <stdlib.h>
#include <string.h>

#include "record.h"

char *ldi_keep(ldi_kept_t *k, char *s)
{
	if (!s)
		return NULL;
	if (k->n == k->cap) {
		size_t cap = k->cap ? 2 * k->cap : 16;
		char **grown = realloc(k->v, cap * sizeof *grown);

		if (!grown) {
			free(s);
			return NULL;
		}
		k->v = grown;
		k->cap = cap;
	}
	k->v[k->n++] = s;
	return s;
}

void ldi_kept_release(ldi_kept_t *k, size_t mark)
{
	while (k->n > mark)
		free(k->v[--k->n]);
}

void ldi_kept_free(ldi_kept_t *k)
{
	ldi_kept_release(k, 0);
	free(k->v);
	memset(k, 0, sizeof *k);
}

int ldi_strlist_push(ldi_strlist_t *l, const char *s)
{
	if (l->n == l->cap) {
		size_t cap = l->cap ? 2 * l->cap : 8;
		const char **grown = realloc((void *)l->v, cap * sizeof *grown);

		if (!grown)
			return -1;
		l->v = grown;
		l->cap = cap;
	}
	l->v[l->n++] = s;
	return 0;
}

static char lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

static int same(const char *a, const char *b, ldi_match_t match)
{
	if (match == LDI_MATCH_EXACT)
		return !strcmp(a, b);
	while (*a && lower(*a) == lower(*b)) {
		a++;
		b++;
	}
	return *a == '\0' && *b == '\0';
}

int ldi_strlist_add(ldi_strlist_t *l, const char *s, size_t max,
		    ldi_match_t match)
{
	size_t i;

	if (!s || l->n >= max)
		return 0;
	for (i = 0; i < l->n; i++)
		if (same(l->v[i], s, match))
			return 0;
	return ldi_strlist_push(l, s);
}

void ldi_strlist_free(ldi_strlist_t *l)
{
	free((void *)l->v);
	memset(l, 0, sizeof *l);
}

void ldi_split_byline(const char *s, size_t n,
		      int (*fn)(void *ctx, const char *s, size_t n),
		      void *ctx)
{
	size_t start = 0, i = 0;

	while (i < n) {
		size_t sep = 0;

		if (s[i] == ';')
			sep = 1;
		else if (s[i] == ',' && i + 1 < n && s[i + 1] == ' ')
			sep = 2;
		else if (n - i >= 5 && !memcmp(s + i, " and ", 5))
			sep = 5;
		if (sep) {
			if (fn(ctx, s + start, i - start))
				return;
			i += sep;
			start = i;
		} else {
			i++;
		}
	}
	fn(ctx, s + start, n - start);
}

const char *ldi_quote(const char *t, char *buf)
{
	size_t n = strlen(t);

	if (n <= LDI_QUOTE_MAX)
		return t;
	n = LDI_QUOTE_MAX;
	while (n > 0 && ((unsigned char)t[n] & 0xC0) == 0x80)
		n--;
	memcpy(buf, t, n);
	memcpy(buf + n, "...", 4);
	return buf;
}
