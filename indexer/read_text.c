/* read_text.c: plain-text articles (headline line, then body).
 * SPDX-License-Identifier: MIT
 *
 * The shape of a wire story or a web page saved as text: the first line
 * that is not blank is the headline, everything after it is the body.
 * Saved articles hold more than their story, and the reader sorts out
 * the common extras so they neither pollute the body nor get lost. It
 * splits the body into paragraphs (text_paragraphs.c) and lets passes
 * mark what they find (text_body.h):
 *
 * - Boilerplate: a trailing run of notices and link lists leaves the
 *   body (boilerplate.c).
 * - A byline as the body's first line and an author's biography as its
 *   last paragraph: the names become authors and the lines leave the
 *   body (text_authors.c, on the rules of byline.c).
 * - Crossheads: short headings between paragraphs stay, each its own
 *   paragraph (crosshead.c).
 *
 * Every rule prefers to leave text alone: a byline or a biography taken
 * wrongly removes a paragraph and invents an author, one missed costs
 * only an author facet value.
 */
#include <stdlib.h>
#include <string.h>

#include "byline.h"
#include "hash.h"
#include "reader.h"
#include "text_body.h"
#include "text_line.h"

/* Sorts the body's paragraphs: boilerplate first, so a biography above
 * it is the last paragraph; the byline before the biography, so the
 * byline's names do not count as the biography's subject named before;
 * crossheads last, among the paragraphs the others leave. */
static void shape_body(ldi_body_t *b, const char *headline)
{
	ldi_body_drop_boilerplate(b);
	ldi_body_take_byline(b);
	ldi_body_take_bio(b, headline);
	ldi_body_mark_crossheads(b);
}

/* A NUL-terminated copy of s[0..len). */
static char *copy_str(const char *s, size_t len)
{
	char *out = malloc(len + 1);

	if (out) {
		memcpy(out, s, len);
		out[len] = '\0';
	}
	return out;
}

/* The first line of buf[*pos..end) that is not blank, trimmed, as
 * [*head, *head_end); *pos moves past it. Empty when there is none. */
static void find_headline(const char *buf, size_t end, size_t *pos,
			  size_t *head, size_t *head_end)
{
	for (;;) {
		*head = *pos;
		while (*pos < end && buf[*pos] != '\n' && buf[*pos] != '\r')
			(*pos)++;
		*head_end = *pos;
		ldi_trim_line(buf, head, head_end);
		if (*head < *head_end || *pos == end)
			return;
		ldi_skip_break(buf, end, pos);
	}
}

lede_status_t ldi_read_text(const ldi_reader_t *r, const char *buf,
			    size_t len)
{
	size_t start = 0, end = len, pos, head, head_end;
	char *headline, *body = NULL, *names_store = NULL;
	const char *names[LDI_MAX_AUTHORS];
	char hash_id[LDI_CONTENT_ID_SIZE];
	ldi_body_t b;
	lede_article_t a;
	lede_status_t st = LEDE_OK;

	/* Trimming the whole buffer first leaves the headline starting at
	 * its first character, past any blank lines before it. */
	while (start < end && ldi_is_space(buf[start]))
		start++;
	while (end > start && ldi_is_space(buf[end - 1]))
		end--;
	pos = start;
	find_headline(buf, end, &pos, &head, &head_end);
	if (head == head_end) {
		ldi_warn(r, 0, "no article text (empty input)");
		return LEDE_BAD_INPUT;
	}

	memset(&b, 0, sizeof b);
	headline = copy_str(buf + head, head_end - head);
	if (!headline)
		return LEDE_NOMEM;
	if (pos < end) {
		st = ldi_body_split(buf + pos, end - pos, &b);
		if (st == LEDE_OK) {
			shape_body(&b, headline);
			st = ldi_body_join(&b, &body);
		}
		if (st == LEDE_OK)
			st = ldi_body_copy_authors(&b, names, &names_store);
		if (st != LEDE_OK)
			goto out;
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
	a.authors = b.n_authors ? names : NULL;
	a.n_authors = b.n_authors;
	a.date = LEDE_NO_DATE;
	if (r->on_article(r->ctx, &a))
		st = LEDE_DONE;
out:
	ldi_body_free(&b);
	free(headline);
	free(body);
	free(names_store);
	return st;
}
