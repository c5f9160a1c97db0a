/* text_body.c: walking, splitting and joining a body's paragraphs.
 * SPDX-License-Identifier: MIT
 *
 * Paragraphs and authors point into the one copy of the text that
 * ldi_body_split made, so the passes move and allocate nothing; only
 * the finished body and author names are copied out, once.
 */
#include <stdlib.h>
#include <string.h>

#include "text_body.h"

int ldi_para_kept(const ldi_para_t *p)
{
	return p->kind == LDI_PARA_TEXT || p->kind == LDI_PARA_CROSSHEAD;
}

size_t ldi_body_next_kept(const ldi_body_t *b, size_t i)
{
	for (i++; i < b->n && !ldi_para_kept(&b->p[i]); i++)
		;
	return i;
}

void ldi_body_split_para(ldi_body_t *b, size_t i, size_t bytes)
{
	memmove(b->p + i + 2, b->p + i + 1,
		(b->n - i - 1) * sizeof *b->p);
	b->p[i].s[bytes] = '\0';
	b->p[i + 1].s = b->p[i].s + bytes + 1;
	b->p[i + 1].kind = b->p[i].kind;
	b->n++;
}

void ldi_body_add_author(ldi_body_t *b, const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < b->n_authors; i++)
		if (b->authors[i].len == len &&
		    !memcmp(b->authors[i].s, s, len))
			return;
	if (b->n_authors < LDI_MAX_AUTHORS) {
		b->authors[b->n_authors].s = s;
		b->authors[b->n_authors].len = len;
		b->n_authors++;
	}
}

lede_status_t ldi_body_join(const ldi_body_t *b, char **out)
{
	size_t i, len = 0, n = 0;
	char *p;

	*out = NULL;
	for (i = 0; i < b->n; i++)
		if (ldi_para_kept(&b->p[i])) {
			len += strlen(b->p[i].s) + 2;
			n++;
		}
	if (n == 0)
		return LEDE_OK;
	p = *out = malloc(len);
	if (!p)
		return LEDE_NOMEM;
	for (i = 0; i < b->n; i++) {
		size_t k;

		if (!ldi_para_kept(&b->p[i]))
			continue;
		if (p != *out) {
			*p++ = '\n';
			*p++ = '\n';
		}
		k = strlen(b->p[i].s);
		memcpy(p, b->p[i].s, k);
		p += k;
	}
	*p = '\0';
	return LEDE_OK;
}

lede_status_t ldi_body_copy_authors(const ldi_body_t *b, const char **names,
				    char **store)
{
	size_t i, k, len = 0;
	char *p;

	*store = NULL;
	if (b->n_authors == 0)
		return LEDE_OK;
	for (i = 0; i < b->n_authors; i++)
		len += b->authors[i].len + 1;
	p = *store = malloc(len);
	if (!p)
		return LEDE_NOMEM;
	for (i = 0; i < b->n_authors; i++) {
		const ldi_span_t *a = &b->authors[i];

		names[i] = p;
		for (k = 0; k < a->len; k++)
			if (a->s[k] != ' ' || (k > 0 && a->s[k - 1] != ' '))
				*p++ = a->s[k];
		*p++ = '\0';
	}
	return LEDE_OK;
}

void ldi_body_free(ldi_body_t *b)
{
	free(b->text);
	free(b->p);
}
