/* read_text.c: plain-text articles (headline line, then body).
 * SPDX-License-Identifier: MIT
 *
 * The shape of a wire story or a web page saved as text: the first line
 * that is not blank is the headline, everything after it is the body.
 * Saved articles hold more than their story, and the reader sorts out
 * the common extras so they neither pollute the body nor get lost:
 *
 * - Paragraphs. Blank lines separate them; the body handed on has
 *   exactly "\n\n" between paragraphs, each trimmed. A line break inside
 *   a paragraph stays "\n": it is either a hard wrap or a deliberate
 *   break (a list, a table of results, an address), nothing here can
 *   tell which, and both read as white space to the analyser. The one
 *   exception is an archive that puts a paragraph on each line: no
 *   wrapping leaves lines longer than LDI_LONG_LINE characters, so a
 *   block made mostly of such lines is split into a paragraph per line.
 * - Boilerplate: help-line notices, "Follow us on ...", copyright lines,
 *   link lists under "Related Topics". Only a trailing run of them goes,
 *   and never the first paragraph, so an article is not cut in the
 *   middle and a short item is not emptied.
 * - A byline ("By Jane Smith", perhaps with a role) as the first body
 *   line and an author's biography ("Jane Smith is the BBC's health
 *   correspondent.") as the last paragraph: the names become authors and
 *   the lines leave the body.
 * - Crossheads: short headings between paragraphs ("Strong position").
 *   They stay, each its own paragraph, so extraction can take a paragraph
 *   without a full stop for a heading. A crosshead is never the first
 *   or the last paragraph, while a byline is only ever found first and
 *   a biography or boilerplate only at the end, and a line shaped like
 *   a byline or a biography is never called a crosshead.
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

/* ---- Crossheads -------------------------------------------------------- */

/* Is the line s[0..len) one phrase that a heading could be: two
 * letters or more (not "78,000", a match report's attendance, nor a
 * stray "C"), no '!' (readers' comments exclaim, headings do not), no
 * '?' but perhaps a last one, and no full stop or clause punctuation at
 * its end? */
static int heading_shaped(const char *s, size_t len)
{
	size_t i, n, start, n_letters = 0;
	int32_t cp;

	for (i = 0; i < len; i += n) {
		cp = ldi_decode(s + i, &n);
		n_letters += ldi_is_letter(cp);
		if (cp == '!' || (cp == '?' && i + n < len))
			return 0;
	}
	cp = ldi_last_cp(s, len, &start);
	while (start > 0 && ldi_is_close_mark(cp))
		cp = ldi_last_cp(s, start, &start);
	return n_letters >= 2 && cp != '.' && cp != ',' && cp != ';' &&
	       cp != ':' && cp != '-' && cp != 0x2026;
}

/* Does s[0..len) hold needle? */
static int holds(const char *s, size_t len, const char *needle)
{
	size_t i, k = strlen(needle);

	for (i = 0; i + k <= len; i++)
		if (!memcmp(s + i, needle, k))
			return 1;
	return 0;
}

/* Could the line s[0..len) be a crosshead: short, starting with a
 * capital (perhaps quoted), heading-shaped, and neither a link
 * ("Subscribe: https://...") nor a byline or a biography, which have
 * rules of their own? */
static int crosshead_line(const char *s, size_t len)
{
	size_t k;

	if (!ldi_is_short(s, len) || !ldi_starts_heading(s) ||
	    !heading_shaped(s, len) || holds(s, len, "://") ||
	    holds(s, len, "www."))
		return 0;
	if (!strncmp(s, "By ", 3) && ldi_parse_name(s + 3))
		return 0;
	k = ldi_parse_name(s);
	return !(k && !strncmp(s + k, " is ", 4));
}

/* Is the text s (to its NUL) prose a heading could stand over: starting
 * a sentence, and ending one or too long for a heading itself? */
static int is_prose(const char *s)
{
	size_t len = strlen(s);

	return ldi_starts_capital(s) &&
	       (ldi_ends_sentence(s, len) ||
		ldi_n_chars(s, len) > LDI_SHORT_CHARS);
}

/* Is the rest of a paragraph, under a line that may be its heading,
 * prose: a sentence start, a sentence end, and a first line too long for
 * an entry of a list ("Musicians\nJane Smith - guitar\n...") unless it
 * is the only line? */
static int glued_prose(const char *s)
{
	size_t first = ldi_line_len(s);

	return ldi_starts_capital(s) && ldi_ends_sentence(s, strlen(s)) &&
	       (!s[first] || ldi_n_chars(s, first) > LDI_SHORT_CHARS);
}

/* In the paragraph s, was the break after its first line (len bytes)
 * made on purpose? A wrap breaks only where the next word would not
 * fit, so if the first line and the next word together are no longer
 * than the paragraph's longest line, nothing wrapped them. */
static int break_not_wrap(const char *s, size_t len)
{
	const char *next = s + len + 1, *line = s;
	size_t w = 0, n, longest = 0;

	while (next[w] && !ldi_is_space(next[w]))
		w++;
	for (;;) {
		n = ldi_line_len(line);
		if (ldi_n_chars(line, n) > longest)
			longest = ldi_n_chars(line, n);
		if (!line[n])
			break;
		line += n + 1;
	}
	return ldi_n_chars(s, len) + 1 + ldi_n_chars(next, w) <= longest;
}

/* Marks crossheads: a crosshead-shaped paragraph after one that ends a
 * sentence and before prose. Such a line glued to the top of its
 * paragraph by a single newline (a heading tag lost on the way to text)
 * becomes a paragraph of its own, unless it is a line of wrapped text.
 * These context tests keep out what the BBC corpus shows as short lines
 * but not headings: list and table entries ("Arsenal v Wolverhampton",
 * after a line without a full stop) and words that a lost emphasis tag
 * split out of a sentence ("... while American", "Jamaican", "stretched
 * her ..."). */
static void mark_crossheads(ldi_body_t *b)
{
	size_t prev = ldi_body_next_kept(b, (size_t)-1), i, next, len;
	char *s;

	for (i = ldi_body_next_kept(b, prev); i < b->n; prev = i, i = next) {
		next = ldi_body_next_kept(b, i);
		s = b->p[i].s;
		len = ldi_line_len(s);
		if (!ldi_ends_sentence(b->p[prev].s, strlen(b->p[prev].s)) ||
		    !crosshead_line(s, len))
			continue;
		if (!s[len]) {
			if (next < b->n && is_prose(b->p[next].s))
				b->p[i].kind = LDI_PARA_CROSSHEAD;
		} else if (glued_prose(s + len + 1) && break_not_wrap(s, len)) {
			ldi_body_split_para(b, i, len);
			b->p[i].kind = LDI_PARA_CROSSHEAD;
			next = i + 1;
		}
	}
}

/* ---- The article ------------------------------------------------------- */

/* Sorts the body's paragraphs: boilerplate first, so a biography above
 * it is the last paragraph; the byline before the biography, so the
 * byline's names do not count as the biography's subject named before. */
static void shape_body(ldi_body_t *b, const char *headline)
{
	ldi_body_drop_boilerplate(b);
	ldi_body_take_byline(b);
	ldi_body_take_bio(b, headline);
	mark_crossheads(b);
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
