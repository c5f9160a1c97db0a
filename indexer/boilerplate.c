/* boilerplate.c: the notices and links saved pages put after an article.
 * SPDX-License-Identifier: MIT
 *
 * Help-line notices, "Follow us on ...", copyright lines, link lists
 * under "Related Topics": none of it is the story, and all of it would
 * match searches for its words in every article that carries it. Only a
 * trailing run goes, and never the first paragraph, so an article is not
 * cut in the middle and a short item is not emptied.
 */
#include <string.h>

#include "text_body.h"
#include "text_line.h"

enum { BP_NONE, BP_PLAIN, BP_LIST };

/* What web pages and apps put after an article. Matched at the start of
 * a paragraph, case-insensitively (prefixes are lower case). A list
 * heading must be the whole first line and takes the short link lines
 * after it; `also`, when set, must appear later in the paragraph, so
 * that "Follow BBC Sport on X" goes and "Follow BBC rules" stays. */
static const struct boilerplate {
	const char *prefix;
	const char *also;
	int kind;
} boilerplate[] = {
	{"if you have been affected by", NULL, BP_PLAIN},
	{"if you or someone you know", NULL, BP_PLAIN},
	{"samaritans can be contacted", NULL, BP_PLAIN},
	{"follow us on ", NULL, BP_PLAIN},
	{"follow bbc ", " on ", BP_PLAIN},
	{"sign up for our ", NULL, BP_PLAIN},
	{"sign up to our ", NULL, BP_PLAIN},
	{"copyright \xC2\xA9", NULL, BP_PLAIN},
	{"copyright (c)", NULL, BP_PLAIN},
	{"copyright 19", NULL, BP_PLAIN},
	{"copyright 20", NULL, BP_PLAIN},
	{"\xC2\xA9", NULL, BP_PLAIN},
	{"all rights reserved", NULL, BP_PLAIN},
	{"get in touch", NULL, BP_PLAIN},
	{"continue reading", NULL, BP_PLAIN},
	{"share this with", NULL, BP_LIST},
	{"related topics", NULL, BP_LIST},
	{"more on this story", NULL, BP_LIST},
};

/* The kind of notice the paragraph s starts with, or BP_NONE. */
static int boilerplate_kind(const char *s)
{
	size_t i, plen, first = ldi_line_len(s);

	for (i = 0; i < sizeof boilerplate / sizeof boilerplate[0]; i++) {
		const struct boilerplate *bp = &boilerplate[i];

		if (!ldi_starts_with_ci(s, bp->prefix))
			continue;
		plen = strlen(bp->prefix);
		if (bp->also && !strstr(s + plen, bp->also))
			continue;
		if (bp->kind == BP_LIST &&
		    !(first == plen || (first == plen + 1 && s[plen] == ':')))
			continue;
		return bp->kind;
	}
	return BP_NONE;
}

/* A paragraph that could be an entry of a link list: short lines, none
 * ending in a full stop. */
static int is_link_list(const char *s)
{
	while (*s) {
		size_t len = ldi_line_len(s);

		if (ldi_n_chars(s, len) > LDI_LONG_LINE ||
		    ldi_ends_full_stop(s, len))
			return 0;
		s += len;
		if (*s)
			s++;
	}
	return 1;
}

/* Walking back from the end, link lines are held until a list heading
 * above them claims them; anything else ends the run. */
void ldi_body_drop_boilerplate(ldi_body_t *b)
{
	size_t i, cut = b->n;
	int pending = 0;

	for (i = b->n; i-- > 1;) {
		int kind = boilerplate_kind(b->p[i].s);

		if (kind == BP_LIST) {
			pending = 0;
			cut = i;
		} else if (kind == BP_PLAIN) {
			if (!pending)
				cut = i;
		} else if (is_link_list(b->p[i].s)) {
			pending = 1;
		} else {
			break;
		}
	}
	for (i = cut; i < b->n; i++)
		b->p[i].kind = LDI_PARA_BOILERPLATE;
}
