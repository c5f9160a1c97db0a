/* text_authors.c: a plain-text body's byline and its author's biography.
 * SPDX-License-Identifier: MIT
 *
 * A byline ("By Jane Smith", perhaps with a role) is looked for only as
 * the body's first line, and an author's biography ("Jane Smith is the
 * BBC's health correspondent.") only as its last paragraph: those are
 * the places articles put them, and a line of the same shape anywhere
 * else is more likely the story's own text. byline.h judges the lines;
 * this file knows where to look and what else the body says.
 */
#include <string.h>

#include "byline.h"
#include "text_body.h"
#include "text_line.h"

/* ---- Byline ------------------------------------------------------------ */

/* The role may stand on the byline's next line or as a paragraph of its
 * own. On its own it must be one line and name a role ("Transport
 * correspondent, BBC News"): a short capitalised line after a byline may
 * as well be the story's first. Nor may it be the last kept paragraph,
 * lest a short item lose all its text. */
void ldi_body_take_byline(ldi_body_t *b)
{
	ldi_span_t names[LDI_MAX_AUTHORS];
	size_t n_names, i, len, len2 = 0, cut;
	const char *s, *second = NULL;
	int has_role;

	if (b->n == 0 || b->p[0].kind != LDI_PARA_TEXT)
		return;
	s = b->p[0].s;
	len = ldi_line_len(s);
	if (s[len]) {
		size_t n;

		second = s + len + 1;
		len2 = ldi_line_len(second);
		/* A line going on in lower case is a wrapped sentence,
		 * unless it is a role ("political editor"). */
		if (ldi_is_lower(ldi_decode(second, &n)) &&
		    !ldi_is_role(second, len2))
			return;
	}
	if (!ldi_parse_byline(s, len, names, &n_names))
		return;
	for (i = 0; i < n_names; i++)
		ldi_body_add_author(b, names[i].s, names[i].len);

	has_role = second && ldi_is_role(second, len2);
	cut = has_role ? len + 1 + len2 : len;
	if (s[cut])
		ldi_body_split_para(b, 0, cut);
	b->p[0].kind = LDI_PARA_BYLINE;

	i = ldi_body_next_kept(b, 0);
	if (!has_role && i < b->n && ldi_body_next_kept(b, i) < b->n &&
	    !strchr(b->p[i].s, '\n') &&
	    ldi_is_role(b->p[i].s, strlen(b->p[i].s)) &&
	    ldi_has_role_word(b->p[i].s, strlen(b->p[i].s)))
		b->p[i].kind = LDI_PARA_BYLINE;
}

/* ---- Biography --------------------------------------------------------- */

/* The first place text holds s[0..len), or NULL. */
static const char *find_span(const char *text, const char *s, size_t len)
{
	for (; *text; text++)
		if (*text == *s && !strncmp(text, s, len))
			return text;
	return NULL;
}

/* Does text use the surname s[sur..len) of the name s[0..len) on its
 * own, not as part of the whole name? */
static int mentions_surname(const char *text, const char *s, size_t sur,
			    size_t len)
{
	const char *hit;
	size_t n;

	for (hit = text; (hit = find_span(hit, s + sur, len - sur)) != NULL;
	     hit++) {
		size_t before = (size_t)(hit - text);

		if (before > 0 &&
		    ldi_is_letter(ldi_last_cp(text, before, NULL)))
			continue;
		if (ldi_is_letter(ldi_decode(hit + len - sur, &n)))
			continue;
		if (before >= sur && !memcmp(hit - sur, s, sur))
			continue;
		return 1;
	}
	return 0;
}

/* Is the person named s[0..len) the article's subject: does the
 * headline or a kept paragraph other than `skip` call them by surname
 * alone ("Smith said", "Ms Smith")? That is how a story goes on about
 * someone it has introduced; its author, by contrast, is named whole if
 * at all ("argues analyst Bill Thompson" in a column's standfirst). */
static int is_subject(const ldi_body_t *b, size_t skip, const char *headline,
		      const char *s, size_t len)
{
	size_t sur = len, k;

	while (sur > 0 && s[sur - 1] != ' ')
		sur--;
	if (headline && mentions_surname(headline, s, sur, len))
		return 1;
	for (k = 0; k < b->n; k++)
		if (k != skip && ldi_para_kept(&b->p[k]) &&
		    mentions_surname(b->p[k].s, s, sur, len))
			return 1;
	return 0;
}

/* "The minister is a former correspondent" names no one and "Mike
 * Leigh is the outsider" names no role (ldi_parse_bio); a story's last
 * word on its subject, "Ann Lee is a former reporter", names someone the
 * story has called "Lee" before (is_subject). */
void ldi_body_take_bio(ldi_body_t *b, const char *headline)
{
	size_t first = ldi_body_next_kept(b, (size_t)-1), last = b->n, k;
	const char *s;

	while (last > 0 && !ldi_para_kept(&b->p[last - 1]))
		last--;
	if (last == 0 || first >= last - 1)
		return;
	last--;
	s = b->p[last].s;
	k = ldi_parse_bio(s);
	if (!k || is_subject(b, last, headline, s, k))
		return;
	ldi_body_add_author(b, s, k);
	b->p[last].kind = LDI_PARA_BIO;
}
