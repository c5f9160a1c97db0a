/* crosshead.c: short headings between a plain-text body's paragraphs.
 * SPDX-License-Identifier: MIT
 *
 * Crossheads ("Strong position", "What happens next?") break up a long
 * story. They stay in the body, each its own paragraph, so extraction
 * can take a paragraph without a full stop for a heading. A crosshead is
 * never the first or the last paragraph, while a byline is only ever
 * found first and a biography or boilerplate only at the end, and a line
 * shaped like a byline or a biography is never called a crosshead: no
 * two rules can claim the same line.
 */
#include <string.h>

#include "byline.h"
#include "text_body.h"
#include "text_line.h"

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

/* A crosshead glued to the top of its paragraph by a single newline is
 * a heading tag lost on the way to text, unless the break is a wrap.
 * The context tests keep out what the BBC corpus shows as short lines
 * but not headings: list and table entries ("Arsenal v Wolverhampton",
 * after a line without a full stop) and words that a lost emphasis tag
 * split out of a sentence ("... while American", "Jamaican", "stretched
 * her ..."). */
void ldi_body_mark_crossheads(ldi_body_t *b)
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
