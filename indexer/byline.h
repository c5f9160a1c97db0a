/* byline.h: authors' names in bylines and biographies.
 * SPDX-License-Identifier: MIT
 *
 * Saved articles name their authors in the text: a byline ("By Jane
 * Smith, Health correspondent") above the story, a biography ("Jane
 * Smith is the BBC's health correspondent.") below it. These functions
 * judge one line or paragraph on its own; where to look (the first line
 * of a body, its last paragraph) and whether the person named is the
 * story's subject rather than its author is the caller's to decide
 * (text_authors.c does both for plain text).
 *
 * Every rule prefers to say no: a line wrongly taken for a byline or a
 * biography loses a paragraph and invents an author, while one missed
 * costs only an author facet value.
 *
 * Text is UTF-8 as readers get it (reader.h). Functions taking s alone
 * read a paragraph to its NUL. A line s[0..len) must end at a '\n' or
 * the NUL (at s[len]): a name's end is found by looking past its last
 * word, so the rules read the character that ends the line.
 */
#ifndef LEDE_BYLINE_H
#define LEDE_BYLINE_H

#include <stddef.h>

/* Authors kept from one byline, and from one article; more names are
 * dropped. */
#define LDI_MAX_AUTHORS 8

/* Where a name lies in a text: s[0..len), borrowed from the text. */
typedef struct ldi_span {
	const char *s;
	size_t len;
} ldi_span_t;

/* The length in bytes of the person's name that s starts with, or 0 when
 * it starts with none. A name is two to four capitalised words ("Jane
 * Smith", "Zoë Ball", "Łukasz Nowak-Kowalski"), with initials ("Carla K.
 * Johnson") and particles ("Ursula von der Leyen") among them but a
 * capitalised word last. Words that start sentences ("The", "Mr"), name
 * days ("Christmas") or give titles ("Chief", "Editor") are no part of
 * one. A name never runs over a line break. */
size_t ldi_parse_name(const char *s);

/* Is the line s[0..len) a byline: "By Jane Smith", "By Jane Smith and
 * John Doe", "By A, B and C", a name perhaps followed by " in Place", the
 * whole perhaps followed by "," and a role (ldi_is_role)? On 1, names[]
 * (room for LDI_MAX_AUTHORS) holds the first *n names given, pointing
 * into s; on 0, *n is not to be relied on. A line ending a sentence
 * ("By Christmas Day, sales had doubled.") is never a byline. */
int ldi_parse_byline(const char *s, size_t len, ldi_span_t *names,
		     size_t *n);

/* Could the line s[0..len) be a byline's role ("Health correspondent",
 * "BBC News, Washington", "political editor")? Short, no full stop, no
 * verb, and capitalised or naming a role: "shoppers had spent" (a
 * sentence cut by wrapping) is not one. */
int ldi_is_role(const char *s, size_t len);

/* Does a word of s[0..len) name a role ("correspondent", "sub-editors")
 * or the news ("News", as in "BBC News, Kyiv")? A role line that does is
 * one even when it stands on its own, away from the byline. */
int ldi_has_role_word(const char *s, size_t len);

/* Is the paragraph s shaped like an author's biography, "<Name> is
 * a/an/the ... <role>", the role noun within a few words and in the same
 * sentence, the whole a sentence or two? Returns the length of the name
 * it starts with (a span of s), or 0. "The minister is a former
 * correspondent" names no one, "Mike Leigh is the outsider" names no
 * role. */
size_t ldi_parse_bio(const char *s);

#endif /* LEDE_BYLINE_H */
