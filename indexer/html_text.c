/* html_text.c: HTML fragments to plain text, through libxml2's HTML parser.
 * SPDX-License-Identifier: MIT
 *
 * The parser does the hard part (broken markup, entities, implied
 * elements); this file walks the tree it builds and writes the text into
 * one growing buffer, deciding at each element whether it ends a
 * paragraph, a line, or nothing. Feed readers call this once per item,
 * about 95,000 times for one large corpus, so plain values skip the
 * parser altogether and nothing here is quadratic.
 */
#include <limits.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "html_text.h"
#include "lazy_libs.h"

/* What an element means for the text around it. */
enum elem_kind {
	ELEM_INLINE,	/* <b>, <a>, unknown names: no break */
	ELEM_SKIP,	/* <script> and kin: the content is not text */
	ELEM_BLOCK,	/* ends a paragraph before and after */
	ELEM_LINE,	/* <br>: ends a line */
	ELEM_CELL	/* <td>, <th>: a space, so cells do not run together */
};

struct elem_name {
	const char *name;
	enum elem_kind kind;
};

/* Sorted by name for bsearch. The parser gives tag names in lower case.
 * Skipped: code, styling, embedded documents, and form widgets whose
 * text is labels and options rather than prose. */
static const struct elem_name elem_names[] = {
	{"address", ELEM_BLOCK},  {"applet", ELEM_SKIP},
	{"article", ELEM_BLOCK},  {"aside", ELEM_BLOCK},
	{"audio", ELEM_SKIP},	  {"blockquote", ELEM_BLOCK},
	{"body", ELEM_BLOCK},	  {"br", ELEM_LINE},
	{"canvas", ELEM_SKIP},	  {"caption", ELEM_BLOCK},
	{"center", ELEM_BLOCK},	  {"dd", ELEM_BLOCK},
	{"details", ELEM_BLOCK},  {"dialog", ELEM_BLOCK},
	{"dir", ELEM_BLOCK},	  {"div", ELEM_BLOCK},
	{"dl", ELEM_BLOCK},	  {"dt", ELEM_BLOCK},
	{"embed", ELEM_SKIP},	  {"fieldset", ELEM_BLOCK},
	{"figcaption", ELEM_BLOCK}, {"figure", ELEM_BLOCK},
	{"footer", ELEM_BLOCK},	  {"form", ELEM_BLOCK},
	{"frame", ELEM_SKIP},	  {"frameset", ELEM_SKIP},
	{"h1", ELEM_BLOCK},	  {"h2", ELEM_BLOCK},
	{"h3", ELEM_BLOCK},	  {"h4", ELEM_BLOCK},
	{"h5", ELEM_BLOCK},	  {"h6", ELEM_BLOCK},
	{"head", ELEM_SKIP},	  {"header", ELEM_BLOCK},
	{"hgroup", ELEM_BLOCK},	  {"hr", ELEM_BLOCK},
	{"html", ELEM_BLOCK},	  {"iframe", ELEM_SKIP},
	{"legend", ELEM_BLOCK},	  {"li", ELEM_BLOCK},
	{"main", ELEM_BLOCK},	  {"map", ELEM_SKIP},
	{"math", ELEM_SKIP},	  {"menu", ELEM_BLOCK},
	{"nav", ELEM_BLOCK},	  {"noembed", ELEM_SKIP},
	{"noframes", ELEM_SKIP},  {"noscript", ELEM_SKIP},
	{"object", ELEM_SKIP},	  {"ol", ELEM_BLOCK},
	{"p", ELEM_BLOCK},	  {"picture", ELEM_SKIP},
	{"pre", ELEM_BLOCK},	  {"script", ELEM_SKIP},
	{"section", ELEM_BLOCK},  {"select", ELEM_SKIP},
	{"style", ELEM_SKIP},	  {"summary", ELEM_BLOCK},
	{"svg", ELEM_SKIP},	  {"table", ELEM_BLOCK},
	{"tbody", ELEM_BLOCK},	  {"td", ELEM_CELL},
	{"template", ELEM_SKIP},  {"textarea", ELEM_SKIP},
	{"tfoot", ELEM_BLOCK},	  {"th", ELEM_CELL},
	{"thead", ELEM_BLOCK},	  {"title", ELEM_SKIP},
	{"tr", ELEM_BLOCK},	  {"ul", ELEM_BLOCK},
	{"video", ELEM_SKIP},
};

static int elem_name_cmp(const void *key, const void *entry)
{
	return strcmp(key, ((const struct elem_name *)entry)->name);
}

static enum elem_kind elem_kind(const xmlNode *node)
{
	const struct elem_name *e;

	if (!node->name)
		return ELEM_INLINE;
	e = bsearch(node->name, elem_names,
		    sizeof elem_names / sizeof elem_names[0],
		    sizeof elem_names[0], elem_name_cmp);
	return e ? e->kind : ELEM_INLINE;
}

/* A separator owed before the next character of text. Separators are
 * only written when more text follows, which trims the end for free, and
 * never before the first character, which trims the start. */
enum pending {
	PEND_NONE,
	PEND_SPACE,
	PEND_LINE,
	PEND_PARA
};

typedef struct text_buf {
	char *s;
	size_t len, cap;
	enum pending pending;
	int nomem;
} text_buf_t;

static int grow(text_buf_t *t, size_t more)
{
	size_t cap;
	char *s;

	if (t->nomem)
		return 0;
	if (more <= t->cap - t->len)
		return 1;
	if (more > SIZE_MAX / 2 - t->len) {
		t->nomem = 1;
		return 0;
	}
	cap = t->cap ? t->cap : 256;
	while (cap - t->len < more)
		cap *= 2;
	s = realloc(t->s, cap);
	if (!s) {
		t->nomem = 1;
		return 0;
	}
	t->s = s;
	t->cap = cap;
	return 1;
}

static void owe(text_buf_t *t, enum pending p)
{
	if (p > t->pending)
		t->pending = p;
}

/* Writes the separator owed, if any text came before it. */
static void pay(text_buf_t *t)
{
	static const char *const sep[] = {"", " ", "\n", "\n\n"};
	size_t n;

	if (t->pending == PEND_NONE)
		return;
	if (t->len > 0) {
		n = strlen(sep[t->pending]);
		if (!grow(t, n))
			return;
		memcpy(t->s + t->len, sep[t->pending], n);
		t->len += n;
	}
	t->pending = PEND_NONE;
}

/* ASCII white space and U+00A0: runs of &nbsp; in feed descriptions are
 * layout, not content, and would otherwise glue words together in the
 * index. Returns the length of the space at s, or 0. */
static size_t space_at(const unsigned char *s, size_t left)
{
	if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r' ||
	    *s == '\f' || *s == '\v')
		return 1;
	if (left >= 2 && s[0] == 0xC2 && s[1] == 0xA0)
		return 2;
	return 0;
}

/* Appends s[0..n) with its white space collapsed into separators. */
static void add_text(text_buf_t *t, const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0;

	while (i < n && !t->nomem) {
		size_t sp = space_at(u + i, n - i), run = 0;

		if (sp) {
			owe(t, PEND_SPACE);
			i += sp;
			continue;
		}
		while (i + run < n && !space_at(u + i + run, n - i - run))
			run++;
		pay(t);
		if (!grow(t, run + 1))
			return;
		memcpy(t->s + t->len, s + i, run);
		t->len += run;
		i += run;
	}
}

/* Called on the way into an element: returns 1 to walk its children. */
static int enter(text_buf_t *t, const xmlNode *node)
{
	switch (elem_kind(node)) {
	case ELEM_SKIP:
		return 0;
	case ELEM_BLOCK:
		owe(t, PEND_PARA);
		break;
	case ELEM_LINE:
		/* Two <br> in a row are how many feeds write a paragraph. */
		owe(t, t->pending == PEND_LINE ? PEND_PARA : PEND_LINE);
		break;
	case ELEM_CELL:
		owe(t, PEND_SPACE);
		break;
	case ELEM_INLINE:
		break;
	}
	return 1;
}

static void leave(text_buf_t *t, const xmlNode *node)
{
	enum elem_kind kind = elem_kind(node);

	if (kind == ELEM_BLOCK)
		owe(t, PEND_PARA);
	else if (kind == ELEM_CELL)
		owe(t, PEND_SPACE);
}

/* Walks the tree below root without recursion: deeply nested junk must
 * not be able to exhaust the stack. */
static void walk(text_buf_t *t, xmlNode *root)
{
	xmlNode *node = root;

	while (node && !t->nomem) {
		int down = 0;

		if (node->type == XML_ELEMENT_NODE)
			down = enter(t, node);
		else if ((node->type == XML_TEXT_NODE ||
			  node->type == XML_CDATA_SECTION_NODE) &&
			 node->content)
			add_text(t, (const char *)node->content,
				 strlen((const char *)node->content));
		else if (node->type == XML_DOCUMENT_NODE ||
			 node->type == XML_HTML_DOCUMENT_NODE)
			down = 1;
		if (down && node->children) {
			node = node->children;
			continue;
		}
		/* Done with node: leave it and every ancestor whose last
		 * child it was, then go on to the next sibling. */
		for (;;) {
			if (node->type == XML_ELEMENT_NODE)
				leave(t, node);
			if (node == root) {
				node = NULL;
				break;
			}
			if (node->next) {
				node = node->next;
				break;
			}
			node = node->parent;
		}
	}
}

static int is_alpha(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static int is_hex(char c)
{
	return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

/* 1 when s (left bytes, just after a '&') completes a character
 * reference: a name, '#' and digits, or '#x' and hex digits (&#x2019; is
 * how many feeds write an apostrophe), then ';'. */
static int reference_at(const char *s, size_t left)
{
	size_t j, start;
	int hex;

	if (left > 0 && is_alpha(s[0])) {
		for (j = 1; j < left && (is_alpha(s[j]) || is_digit(s[j])); j++)
			;
		return j < left && s[j] == ';';
	}
	if (left == 0 || s[0] != '#')
		return 0;
	hex = left > 1 && (s[1] == 'x' || s[1] == 'X');
	start = hex ? 2 : 1;
	for (j = start; j < left && (hex ? is_hex(s[j]) : is_digit(s[j])); j++)
		;
	return j > start && j < left && s[j] == ';';
}

int ldi_html_has_markup(const char *s, size_t len)
{
	size_t i;

	for (i = 0; i + 1 < len; i++) {
		char c = s[i + 1];

		if (s[i] == '<' && (is_alpha(c) || c == '/' || c == '!'))
			return 1;
		if (s[i] == '&' && reference_at(s + i + 1, len - i - 1))
			return 1;
	}
	return 0;
}

/* Ends the text: NUL-terminates it and hands it over, or frees it when
 * memory ran out. */
static char *finish(text_buf_t *t, size_t *out_len)
{
	if (!grow(t, 1)) {
		free(t->s);
		return NULL;
	}
	t->s[t->len] = '\0';
	if (out_len)
		*out_len = t->len;
	return t->s;
}

char *ldi_html_to_text(const char *html, size_t len, size_t *out_len)
{
	text_buf_t t;
	htmlParserCtxtPtr ctxt;
	htmlDocPtr doc;

	memset(&t, 0, sizeof t);
	if (!html)
		len = 0;
	/* Without tags or references the parser would only collapse white
	 * space: most feed values are like that, and this is much cheaper. */
	if (!ldi_html_has_markup(html, len)) {
		add_text(&t, html, len);
		return finish(&t, out_len);
	}
	/* The parser counts in int; a fragment of 2 GiB is not a feed
	 * description, and its first 2 GiB are text enough. */
	if (len > INT_MAX) {
		len = INT_MAX;
		while (len > 0 && ((unsigned char)html[len] & 0xC0) == 0x80)
			len--;
	}

	if (ldi_xml_init()) {
		add_text(&t, html, len);
		return finish(&t, out_len);
	}
	ctxt = htmlNewParserCtxt();
	if (!ctxt)
		return NULL;
	/* The input is UTF-8 already: a stray <meta charset> in a fragment
	 * must not switch decoders half way. NONET: never fetch. */
	doc = htmlCtxtReadMemory(ctxt, html, (int)len, NULL, "UTF-8",
				 HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
					 HTML_PARSE_NOWARNING |
					 HTML_PARSE_NONET |
					 HTML_PARSE_IGNORE_ENC |
					 HTML_PARSE_NODEFDTD);
	if (!doc && ctxt->lastError.code == XML_ERR_NO_MEMORY) {
		htmlFreeParserCtxt(ctxt);
		return NULL;
	}
	htmlFreeParserCtxt(ctxt);
	if (doc) {
		walk(&t, (xmlNode *)doc);
		xmlFreeDoc(doc);
	}
	if (t.nomem) {
		free(t.s);
		return NULL;
	}
	return finish(&t, out_len);
}

static pthread_once_t xml_once = PTHREAD_ONCE_INIT;

static void
init_parser(void)
{
	xmlInitParser();
}

const char *
ldi_xml_init(void)
{
	const char *why = ldi_load_libxml2();
	if (!why)
		pthread_once(&xml_once, init_parser);
	return why;
}
