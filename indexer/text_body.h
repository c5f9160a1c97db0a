/* text_body.h: a plain-text article's body as paragraphs, and the
 * passes that sort them (internal to the plain-text reader).
 * SPDX-License-Identifier: MIT
 *
 * ldi_read_text (read_text.c) splits the body into paragraphs, lets each
 * pass below mark what it finds, then joins the paragraphs still kept.
 * Passes mark rather than remove, so a later pass still sees where a
 * paragraph was: the biography must be the last paragraph before any
 * boilerplate, a crosshead must stand between two kept ones.
 *
 * Lifetime: every paragraph, and every author span, points into
 * b->text, which lives until ldi_body_free. The text never moves; a
 * split only writes a NUL over a '\n', where no name runs.
 */
#ifndef LEDE_TEXT_BODY_H
#define LEDE_TEXT_BODY_H

#include <stddef.h>

#include "byline.h"
#include "lede.h"

typedef enum ldi_para_kind {
	LDI_PARA_TEXT,		/* prose, or anything not recognised */
	LDI_PARA_CROSSHEAD,	/* a short heading between paragraphs */
	LDI_PARA_BOILERPLATE,	/* a trailing notice or link list */
	LDI_PARA_BIO,		/* the author's biography */
	LDI_PARA_BYLINE		/* the byline, or the role line under it */
} ldi_para_kind_t;

typedef struct ldi_para {
	char *s;		/* NUL-terminated, lines joined by "\n" */
	ldi_para_kind_t kind;
} ldi_para_t;

/* The body as paragraphs, and the authors it names. Zero it before
 * ldi_body_split. */
typedef struct ldi_body {
	char *text;		/* storage for every paragraph */
	ldi_para_t *p;		/* p[0..n), room for cap */
	size_t n, cap;
	ldi_span_t authors[LDI_MAX_AUTHORS];	/* spans of text */
	size_t n_authors;
} ldi_body_t;

/* ---- Making and reading the body (text_paragraphs.c, text_body.c) ------ */

/* Splits s[0..len) (the article after its headline) into b's
 * paragraphs: blocks of lines between blank lines, each line trimmed,
 * joined by "\n", all LDI_PARA_TEXT. b must be zeroed; s is copied.
 * Returns LEDE_OK or LEDE_NOMEM; either way, b goes to ldi_body_free.
 *
 * Splits at a '\n' (ldi_body_split_para) never make paragraphs
 * outnumber lines, and b->cap is one more than the lines, so they always
 * have room. */
lede_status_t ldi_body_split(const char *s, size_t len, ldi_body_t *b);

/* Does the paragraph stay in the body (text or crosshead)? */
int ldi_para_kept(const ldi_para_t *p);

/* The index of the first kept paragraph after i, or b->n when there is
 * none; i may be (size_t)-1 to find the first one. */
size_t ldi_body_next_kept(const ldi_body_t *b, size_t i);

/* Splits paragraph i in two at the '\n' that b->p[i].s[bytes] must be;
 * both halves keep its kind and the paragraphs after move up one. */
void ldi_body_split_para(ldi_body_t *b, size_t i, size_t bytes);

/* Records s[0..len), a span of b->text, as an author unless it is one
 * already; names past LDI_MAX_AUTHORS are dropped. */
void ldi_body_add_author(ldi_body_t *b, const char *s, size_t len);

/* The kept paragraphs joined by "\n\n" into a malloc'ed string *out,
 * NULL when none is kept. Returns LEDE_OK or LEDE_NOMEM (*out NULL). */
lede_status_t ldi_body_join(const ldi_body_t *b, char **out);

/* The authors as NUL-terminated strings, runs of spaces made one: all
 * in one malloc'ed block *store (NULL when there are none), each
 * pointed to from names[0..b->n_authors), which has room for
 * LDI_MAX_AUTHORS. The caller frees *store, and with it the names.
 * Returns LEDE_OK or LEDE_NOMEM (*store NULL). */
lede_status_t ldi_body_copy_authors(const ldi_body_t *b, const char **names,
				    char **store);

/* Frees what b holds (not b itself); b may be only zeroed. */
void ldi_body_free(ldi_body_t *b);

/* ---- The passes, in the order ldi_read_text runs them ------------------ */

/* Marks the trailing run of boilerplate (boilerplate.c): notices such as
 * "Follow us on ..." or copyright lines, and link lists under headings
 * such as "Related Topics", as LDI_PARA_BOILERPLATE. Never the first
 * paragraph, nor anything above a paragraph that is none of these. Runs
 * first, so that the biography is the last paragraph the later passes
 * see. */
void ldi_body_drop_boilerplate(ldi_body_t *b);

/* Takes a byline from the first line of the body (text_authors.c), when
 * the first paragraph is still LDI_PARA_TEXT and its first line is one
 * (ldi_parse_byline) and not the start of a wrapped sentence. Its names
 * become authors; it is marked LDI_PARA_BYLINE, with the role under it
 * if any (the next line, or the next paragraph when that names a role),
 * and the rest of its paragraph split off. */
void ldi_body_take_byline(ldi_body_t *b);

/* Takes an author's biography from the last kept paragraph
 * (text_authors.c) when it is shaped like one (ldi_parse_bio), another
 * kept paragraph comes before it, and the person is not the article's
 * subject: neither the headline (may be NULL) nor another kept paragraph
 * calls them by their surname alone. The name becomes an author; the
 * paragraph is marked LDI_PARA_BIO. Runs after ldi_body_take_byline,
 * which has taken the byline out of the kept paragraphs, so that a
 * byline naming the author does not make them the subject. */
void ldi_body_take_bio(ldi_body_t *b, const char *headline);

/* Marks crossheads (crosshead.c): a kept paragraph of one short,
 * heading-shaped line (not a byline, a biography or a link), between a
 * kept paragraph that ends a sentence and kept prose, becomes
 * LDI_PARA_CROSSHEAD. Such a line heading a paragraph of prose, when the
 * break after it is no wrap, is split off and marked the same way. It
 * sees only kept paragraphs, so it runs after the passes that take
 * paragraphs out of the body. */
void ldi_body_mark_crossheads(ldi_body_t *b);

#endif /* LEDE_TEXT_BODY_H */
