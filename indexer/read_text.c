/* read_text.c: plain-text articles (headline line, then body).
 * SPDX-License-Identifier: MIT
 *
 * The shape of a wire story or a web page saved as text: the first line
 * that is not blank is the headline, everything after it is the body.
 */
#include <stdlib.h>
#include <string.h>

#include "hash.h"
#include "reader.h"

static int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
	       c == '\f' || c == '\v';
}

/* A NUL-terminated copy of s[0..len) with each CRLF turned into LF, so
 * a body saved on Windows reads like one saved anywhere else. */
static char *copy_lf(const char *s, size_t len)
{
	char *out = malloc(len + 1);
	size_t i, o = 0;

	if (!out)
		return NULL;
	for (i = 0; i < len; i++) {
		if (s[i] == '\r' && i + 1 < len && s[i + 1] == '\n')
			continue;
		out[o++] = s[i];
	}
	out[o] = '\0';
	return out;
}

lede_status_t ldi_read_text(const ldi_reader_t *r, const char *buf,
			    size_t len)
{
	size_t start = 0, end = len, head_end, body_start;
	char *headline, *body = NULL;
	char hash_id[LDI_CONTENT_ID_SIZE];
	lede_article_t a;
	lede_status_t st = LEDE_OK;

	/* Trimming the whole buffer first leaves the headline starting at
	 * its first character, past any blank lines before it. */
	while (start < end && is_space(buf[start]))
		start++;
	while (end > start && is_space(buf[end - 1]))
		end--;
	if (start == end) {
		ldi_warn(r, 0, "no article text (empty input)");
		return LEDE_BAD_INPUT;
	}

	head_end = start;
	while (head_end < end && buf[head_end] != '\n')
		head_end++;
	body_start = head_end;
	while (head_end > start && is_space(buf[head_end - 1]))
		head_end--;
	while (body_start < end && is_space(buf[body_start]))
		body_start++;

	headline = copy_lf(buf + start, head_end - start);
	if (!headline)
		return LEDE_NOMEM;
	if (body_start < end) {
		body = copy_lf(buf + body_start, end - body_start);
		if (!body) {
			free(headline);
			return LEDE_NOMEM;
		}
	}

	memset(&a, 0, sizeof a);
	if (r->name) {
		a.id = r->name;
	} else {
		/* The trimmed text, so a trailing newline more or less
		 * does not make a new article. */
		ldi_content_id(buf + start, end - start, hash_id);
		a.id = hash_id;
	}
	a.headline = headline;
	a.body = body;
	a.date = LEDE_NO_DATE;
	if (r->on_article(r->ctx, &a))
		st = LEDE_DONE;
	free(headline);
	free(body);
	return st;
}
