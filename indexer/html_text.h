/* html_text.h: HTML fragments to plain text (libxml2's HTML parser).
 * SPDX-License-Identifier: MIT
 *
 * Feed descriptions and JSON "content" fields often hold markup ("<p>",
 * "<img ...>", "&amp;"). Indexing that as text would make "p" and "img"
 * words and leave "&amp;" in snippets, so every reader that meets such a
 * field reduces it to text here.
 */
#ifndef LEDE_HTML_TEXT_H
#define LEDE_HTML_TEXT_H

#include <stddef.h>

/* 1 when s (len bytes) looks like it holds markup or character
 * references: '<' followed by a letter, '/' or '!', or '&' followed by a
 * name or '#' and digits and ';'. Cheap: lets callers skip the parser for
 * the many plain values. */
int ldi_html_has_markup(const char *s, size_t len);

/* The text of an HTML fragment (UTF-8 in, UTF-8 out): tags dropped;
 * script, style, noscript, iframe and similar content dropped; block
 * elements (p, div, li, h1-h6, blockquote, tr, ...) end a paragraph
 * ("\n\n" between paragraphs), <br> a line ("\n"); entities decoded; runs
 * of white space inside a paragraph collapsed to one space; leading and
 * trailing space trimmed. Broken markup gives the text libxml2 recovers.
 * Returns a malloc'ed NUL-terminated string (its length in *out_len when
 * out_len is not NULL), or NULL when out of memory. When libxml2 cannot
 * be loaded the fragment comes back as it is, markup and all: nothing is
 * lost, and readers of whole pages and feeds say why. */
char *ldi_html_to_text(const char *html, size_t len, size_t *out_len);

/* Loads libxml2 (lazy_libs.h) and initialises it, once per process,
 * before any parser context is made: its own initialisation is not safe
 * when two threads (parallel writers, each parsing) reach it first at
 * once. NULL when libxml2 is ready; else why it cannot be loaded. */
const char *ldi_xml_init(void);

#endif /* LEDE_HTML_TEXT_H */
