/* read_feed.c: articles from RSS 2.0, RSS 1.0 (RDF) and Atom feeds.
 * SPDX-License-Identifier: MIT
 *
 * One article per <item> or <entry>, its source the feed's own title.
 * Elements are matched by namespace and local name, never by prefix:
 * "dc:creator" may be written "dublin:creator", and an Atom feed may use
 * Atom as its default namespace or give it a prefix.
 *
 * libxml2 reads the XML with recovery on, so a feed cut short or with a
 * stray "&" is read as far as it goes, and with the network off and no
 * external entities loaded: a feed is data from strangers and may not
 * make us fetch anything or expand an entity bomb.
 *
 * Feed values are often HTML: descriptions nearly always, titles often
 * enough ("Tom &amp;amp; Jerry"). Anything that looks like markup goes
 * through ldi_html_to_text. Atom says which of its text is plain, and
 * that is taken at its word.
 *
 * Items are numbered 1, 2, ... in the order the feed gives them,
 * counting every one, readable or not, for warnings and for "name#N" ids.
 */
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "charset.h"
#include "hash.h"
#include "html_text.h"
#include "lazy_libs.h"
#include "reader.h"
#include "record.h"

#define NS_ATOM "http://www.w3.org/2005/Atom"
#define NS_ATOM03 "http://purl.org/atom/ns#"
#define NS_RDF "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
#define NS_RSS10 "http://purl.org/rss/1.0/"
#define NS_RSS090 "http://my.netscape.com/rdf/simple/0.9/"
#define NS_DC "http://purl.org/dc/elements/1.1/"
#define NS_CONTENT "http://purl.org/rss/1.0/modules/content/"

/* A NUL byte this near the start marks the input as binary. */
#define SNIFF_BYTES 8000
/* Most authors or tags kept for one article. */
#define LIST_MAX 256

enum feed_kind {
	FEED_RSS,
	FEED_RDF,
	FEED_ATOM
};

/* A name for "no namespace" in the element tables below. */
static const char no_ns[] = "";

typedef struct feed {
	const ldi_reader_t *r;
	xmlDocPtr doc;
	enum feed_kind kind;
	const char *word;	/* "item" or "entry", for warnings */
	const char *ns;		/* the feed's own elements' namespace */
	xmlNode *head;		/* <channel> or <feed> */
	/* Strings owned by the feed: those before mark live as long as the
	 * feed (its title, language, authors), the rest for one item. */
	ldi_kept_t kept;
	size_t mark;
	const char *source, *language;
	ldi_strlist_t feed_authors;
	/* The current item's lists, borrowed from kept. */
	ldi_strlist_t authors, tags;
	size_t items, emitted;
	int broken;		/* the XML was not well-formed */
	int nomem;
} feed_t;

static int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
	       c == '\f' || c == '\v';
}

static char lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

/* Takes ownership of s (NULL: memory ran out). */
static char *keep(feed_t *f, char *s)
{
	char *kept = ldi_keep(&f->kept, s);

	if (!kept)
		f->nomem = 1;
	return kept;
}

static void end_item(feed_t *f)
{
	ldi_kept_release(&f->kept, f->mark);
	f->authors.n = 0;
	f->tags.n = 0;
}

/* Adds s to a list unless it is there already (ASCII case folded).
 * Lists stop at LIST_MAX: no article has more authors or tags, and the
 * check for repeats is quadratic. */
static void add_unique(feed_t *f, ldi_strlist_t *l, const char *s)
{
	if (ldi_strlist_add(l, s, LIST_MAX, LDI_MATCH_ASCII_CASE))
		f->nomem = 1;
}

/* ---- Elements ---------------------------------------------------------- */

/* 1 when n is element local in namespace ns (no_ns: in none). */
static int is_el(const xmlNode *n, const char *ns, const char *local)
{
	const char *href;

	if (n->type != XML_ELEMENT_NODE || !n->name ||
	    strcmp((const char *)n->name, local))
		return 0;
	href = n->ns && n->ns->href ? (const char *)n->ns->href : no_ns;
	return !strcmp(href, ns);
}

/* The first child of parent that is element local in ns. */
static xmlNode *child(const xmlNode *parent, const char *ns,
		      const char *local)
{
	xmlNode *c;

	for (c = parent ? parent->children : NULL; c; c = c->next)
		if (is_el(c, ns, local))
			return c;
	return NULL;
}

/* The next sibling after c that is element local in ns. */
static xmlNode *next_el(xmlNode *c, const char *ns, const char *local)
{
	for (c = c->next; c; c = c->next)
		if (is_el(c, ns, local))
			return c;
	return NULL;
}

static const char *attr(const xmlNode *n, const char *name)
{
	const xmlAttr *a;

	for (a = n->properties; a; a = a->next)
		if (a->name && !strcmp((const char *)a->name, name) &&
		    !a->ns)
			return a->children && a->children->content
				       ? (const char *)a->children->content
				       : "";
	return NULL;
}

/* ---- Text -------------------------------------------------------------- */

typedef struct buf {
	char *s;
	size_t len, cap;
	int nomem;
} buf_t;

static void put(buf_t *b, const char *s, size_t n)
{
	if (b->nomem || n == 0)
		return;
	if (n > SIZE_MAX / 2 - b->len) {
		b->nomem = 1;
		return;
	}
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 128;
		char *grown;

		while (cap < b->len + n + 1)
			cap *= 2;
		grown = realloc(b->s, cap);
		if (!grown) {
			b->nomem = 1;
			return;
		}
		b->s = grown;
		b->cap = cap;
	}
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

/* An entity reference the parser kept as a node. Entities are never
 * expanded in general (see the top of the file): a simple internal one
 * gives its text, and an HTML name such as "eacute", used by feeds that
 * name the old Netscape DTD without it being loaded, gives its character;
 * anything else is dropped. */
static void put_entity(feed_t *f, buf_t *b, const xmlNode *n)
{
	xmlEntityPtr ent = xmlGetDocEntity(f->doc, n->name);
	const htmlEntityDesc *html;
	char utf8[4];
	unsigned v;

	if (ent && ent->etype == XML_INTERNAL_GENERAL_ENTITY &&
	    ent->content && !strpbrk((const char *)ent->content, "&<")) {
		put(b, (const char *)ent->content,
		    strlen((const char *)ent->content));
		return;
	}
	html = htmlEntityLookup(n->name);
	if (!html)
		return;
	v = html->value;
	if (v < 0x80) {
		utf8[0] = (char)v;
		put(b, utf8, 1);
	} else if (v < 0x800) {
		utf8[0] = (char)(0xC0 | (v >> 6));
		utf8[1] = (char)(0x80 | (v & 0x3F));
		put(b, utf8, 2);
	} else {
		utf8[0] = (char)(0xE0 | (v >> 12));
		utf8[1] = (char)(0x80 | ((v >> 6) & 0x3F));
		utf8[2] = (char)(0x80 | (v & 0x3F));
		put(b, utf8, 3);
	}
}

/* What an element holds, as a string: its text, or, when it holds
 * elements (Atom's xhtml, or HTML a feed forgot to escape), those
 * written out as markup, with *markup set. NULL when empty. */
static char *content(feed_t *f, xmlNode *n, int *markup)
{
	buf_t b = {NULL, 0, 0, 0};
	xmlNode *c;

	*markup = 0;
	for (c = n->children; c; c = c->next)
		if (c->type == XML_ELEMENT_NODE)
			*markup = 1;
	if (*markup) {
		xmlBufferPtr xb = xmlBufferCreate();

		if (!xb) {
			f->nomem = 1;
			return NULL;
		}
		for (c = n->children; c; c = c->next)
			if (xmlNodeDump(xb, f->doc, c, 0, 0) < 0)
				b.nomem = 1;
		put(&b, (const char *)xmlBufferContent(xb),
		    (size_t)xmlBufferLength(xb));
		xmlBufferFree(xb);
	} else {
		for (c = n->children; c; c = c->next) {
			if ((c->type == XML_TEXT_NODE ||
			     c->type == XML_CDATA_SECTION_NODE) &&
			    c->content)
				put(&b, (const char *)c->content,
				    strlen((const char *)c->content));
			else if (c->type == XML_ENTITY_REF_NODE)
				put_entity(f, &b, c);
		}
	}
	if (b.nomem) {
		free(b.s);
		f->nomem = 1;
		return NULL;
	}
	return b.s ? keep(f, b.s) : NULL;
}

/* 1 when Atom marks n as plain text (type="text", the default); RSS
 * never says, and its text is HTML often enough to treat it so. */
static int plain_text(const feed_t *f, const xmlNode *n)
{
	const char *type = attr(n, "type"), *mode = attr(n, "mode");

	if (f->kind != FEED_ATOM)
		return 0;
	if (mode && !strcmp(mode, "escaped"))
		return 0;
	return !type || !strcmp(type, "text") || !strcmp(type, "text/plain");
}

/* A copy of s[0..n) with runs of white space made one space, trimmed;
 * NULL when nothing is left. */
static char *collapse(feed_t *f, const char *s, size_t n)
{
	char *out = malloc(n + 1);
	size_t i, o = 0;
	int space = 0;

	if (!out) {
		f->nomem = 1;
		return NULL;
	}
	for (i = 0; i < n; i++) {
		if (is_space(s[i])) {
			space = 1;
			continue;
		}
		if (space && o > 0)
			out[o++] = ' ';
		space = 0;
		out[o++] = s[i];
	}
	out[o] = '\0';
	if (o == 0) {
		free(out);
		return NULL;
	}
	return keep(f, out);
}

/* Markup in s reduced to text, unless plain. Returns s or the text. */
static char *as_text(feed_t *f, char *s, int plain, size_t *len)
{
	*len = s ? strlen(s) : 0;
	if (!s || plain || !ldi_html_has_markup(s, *len))
		return s;
	return keep(f, ldi_html_to_text(s, *len, len));
}

/* A one-line value of element n (a title, a name, a category): markup
 * reduced to text, white space collapsed. NULL when empty or absent. */
static char *line_of(feed_t *f, xmlNode *n)
{
	int markup;
	size_t len;
	char *s;

	if (!n)
		return NULL;
	s = content(f, n, &markup);
	s = as_text(f, s, plain_text(f, n) && !markup, &len);
	return s ? collapse(f, s, len) : NULL;
}

/* A value that is never markup (a link, an id, a date, a language). */
static char *value_of(feed_t *f, xmlNode *n)
{
	int markup;
	char *s = n ? content(f, n, &markup) : NULL;

	return s && !markup ? collapse(f, s, strlen(s)) : NULL;
}

/* A description or content: markup reduced to text, else trimmed. */
static char *body_of(feed_t *f, xmlNode *n)
{
	int markup;
	size_t len, start = 0;
	char *s;

	if (!n)
		return NULL;
	s = content(f, n, &markup);
	s = as_text(f, s, plain_text(f, n) && !markup, &len);
	if (!s)
		return NULL;
	while (start < len && is_space(s[start]))
		start++;
	while (len > start && is_space(s[len - 1]))
		len--;
	if (len == start)
		return NULL;
	memmove(s, s + start, len - start);
	s[len - start] = '\0';
	return s;
}

/* A language tag lower-cased, "_" made "-" ("en_US" -> "en-us"). */
static char *clean_language(char *s)
{
	size_t i;

	for (i = 0; s && s[i]; i++)
		s[i] = s[i] == '_' ? '-' : lower(s[i]);
	return s;
}

/* n's xml:lang, inherited from its ancestors. */
static char *xml_lang(feed_t *f, const xmlNode *n)
{
	xmlChar *lang = xmlNodeGetLang(n);
	char *copy = NULL;

	if (lang) {
		copy = collapse(f, (const char *)lang,
				strlen((const char *)lang));
		xmlFree(lang);
	}
	return clean_language(copy);
}

/* ---- Authors ----------------------------------------------------------- */

static void add_author(feed_t *f, const char *s, size_t n)
{
	char *name;

	while (n > 0 && is_space(*s)) {
		s++;
		n--;
	}
	if (n > 3 && lower(s[0]) == 'b' && lower(s[1]) == 'y' && s[2] == ' ') {
		s += 3;
		n -= 3;
	}
	name = collapse(f, s, n);
	add_unique(f, &f->authors, name);
}

static int byline_author(void *ctx, const char *s, size_t n)
{
	feed_t *f = ctx;

	add_author(f, s, n);
	return f->nomem;
}

/* A byline may name several people: "A, B and C", "A; B". */
static void add_byline(feed_t *f, const char *s)
{
	ldi_split_byline(s, strlen(s), byline_author, f);
}

/* RSS's <author> is an e-mail address, by the book with the name after
 * it in brackets: "jane@example.com (Jane Doe)". */
static void add_rss_author(feed_t *f, const char *s)
{
	const char *open = strchr(s, '('), *close = strrchr(s, ')');

	if (open && close && close > open + 1 && !close[1] &&
	    memchr(s, '@', (size_t)(open - s))) {
		char *name = collapse(f, open + 1, (size_t)(close - open - 1));

		if (name)
			add_byline(f, name);
		return;
	}
	add_byline(f, s);
}

/* Atom's <author><name>, for an entry or for the whole feed. */
static void add_atom_authors(feed_t *f, xmlNode *parent)
{
	xmlNode *a;

	for (a = child(parent, f->ns, "author"); a && !f->nomem;
	     a = next_el(a, f->ns, "author")) {
		char *name = line_of(f, child(a, f->ns, "name"));

		if (name)
			add_author(f, name, strlen(name));
	}
}

static void item_authors(feed_t *f, xmlNode *item)
{
	xmlNode *n;
	size_t i;

	if (f->kind == FEED_ATOM) {
		add_atom_authors(f, item);
		/* An entry without authors has its feed's. */
		if (f->authors.n == 0)
			for (i = 0; i < f->feed_authors.n; i++)
				add_unique(f, &f->authors,
					   f->feed_authors.v[i]);
	}
	for (n = child(item, f->ns, "author"); n && f->kind != FEED_ATOM;
	     n = next_el(n, f->ns, "author")) {
		char *s = line_of(f, n);

		if (s)
			add_rss_author(f, s);
	}
	for (n = child(item, NS_DC, "creator"); n;
	     n = next_el(n, NS_DC, "creator")) {
		char *s = line_of(f, n);

		if (s)
			add_byline(f, s);
	}
}

/* ---- Item fields ------------------------------------------------------- */

static void item_tags(feed_t *f, xmlNode *item)
{
	xmlNode *n;

	for (n = child(item, f->ns, "category"); n;
	     n = next_el(n, f->ns, "category")) {
		char *tag;

		if (f->kind == FEED_ATOM) {
			const char *t = attr(n, "term");

			if (!t || !*t)
				t = attr(n, "label");
			tag = t ? collapse(f, t, strlen(t)) : NULL;
		} else {
			tag = line_of(f, n);
		}
		add_unique(f, &f->tags, tag);
	}
	for (n = child(item, NS_DC, "subject"); n;
	     n = next_el(n, NS_DC, "subject"))
		add_unique(f, &f->tags,
			   line_of(f, n));
}

/* The date: the first of the item's dates that parses. One that does
 * not is reported only when no other gives a date. */
static int64_t item_date(feed_t *f, xmlNode *item, size_t num)
{
	static const char *const rss[] = {"pubDate"};
	static const char *const atom[] = {"published", "updated", "issued",
					   "modified", "created"};
	const char *const *names = f->kind == FEED_ATOM ? atom : rss;
	size_t i, n_names = f->kind == FEED_ATOM ? 5 : 1;
	const char *bad = NULL;
	char qbuf[LDI_QUOTE_MAX + 4];
	int64_t date;

	for (i = 0; i <= n_names; i++) {
		xmlNode *n = i < n_names ? child(item, f->ns, names[i])
					 : child(item, NS_DC, "date");
		char *t = value_of(f, n);

		if (!t)
			continue;
		if (lede_date_parse(t, LEDE_NTS, &date) == LEDE_OK)
			return date;
		if (!bad)
			bad = t;
	}
	if (bad)
		ldi_warn(f->r, 0,
			 "%s %zu: cannot read date '%s'; "
			 "indexed without a date",
			 f->word, num, ldi_quote(bad, qbuf));
	return LEDE_NO_DATE;
}

/* Atom's link to the entry's page: rel="alternate", or no rel. A
 * relative href is resolved against xml:base when the feed gives one. */
static char *atom_link(feed_t *f, xmlNode *item)
{
	xmlNode *n;

	for (n = child(item, f->ns, "link"); n; n = next_el(n, f->ns, "link")) {
		const char *rel = attr(n, "rel"), *href = attr(n, "href");
		xmlChar *base, *full;
		char *link;

		if (!href || !*href || (rel && strcmp(rel, "alternate")))
			continue;
		base = xmlNodeGetBase(f->doc, n);
		full = base ? xmlBuildURI((const xmlChar *)href, base) : NULL;
		link = full ? collapse(f, (const char *)full,
				       strlen((const char *)full))
			    : collapse(f, href, strlen(href));
		xmlFree(full);
		xmlFree(base);
		if (link)
			return link;
	}
	/* Atom 0.3 and some RSS-minded feeds write <link>url</link>. */
	return value_of(f, child(item, f->ns, "link"));
}

/* A guid that names something beyond this feed: it has a URI scheme
 * ("http:", "urn:", "tag:"). A bare "12345" is unique only within its
 * feed, so the link is the better id when there is one. */
static int has_scheme(const char *s)
{
	size_t i = 0;

	while ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') ||
	       (i > 0 && ((s[i] >= '0' && s[i] <= '9') || s[i] == '+' ||
			  s[i] == '-' || s[i] == '.')))
		i++;
	return i > 0 && s[i] == ':';
}

/* The longer text of two bodies (content:encoded or a description,
 * Atom's content or summary): feeds put a teaser in one and the article,
 * or nothing, in the other. */
static char *longer(char *a, char *b)
{
	if (!a)
		return b;
	if (!b)
		return a;
	return strlen(b) > strlen(a) ? b : a;
}

/* Reads item number num and passes it on. Returns LEDE_OK (read or
 * skipped), LEDE_DONE or LEDE_NOMEM. */
static lede_status_t read_item(feed_t *f, xmlNode *item, size_t num)
{
	const ldi_reader_t *r = f->r;
	char hash_id[LDI_CONTENT_ID_SIZE];
	char *guid = NULL, *source = NULL, *lang;
	lede_article_t a;
	int stop;

	memset(&a, 0, sizeof a);
	a.headline = line_of(f, child(item, f->ns, "title"));
	if (f->kind == FEED_ATOM) {
		a.body = longer(body_of(f, child(item, f->ns, "summary")),
				body_of(f, child(item, f->ns, "content")));
		a.url = atom_link(f, item);
		guid = value_of(f, child(item, f->ns, "id"));
		source = line_of(f, child(child(item, f->ns, "source"),
					  f->ns, "title"));
	} else {
		xmlNode *g = child(item, f->ns, "guid");
		const char *perma = g ? attr(g, "isPermaLink") : NULL;

		a.body = longer(body_of(f, child(item, f->ns, "description")),
				body_of(f, child(item, NS_CONTENT, "encoded")));
		a.url = value_of(f, child(item, f->ns, "link"));
		guid = value_of(f, g);
		/* By RSS 2.0's rules a guid is the item's permalink unless
		 * it says otherwise. */
		if (!a.url && guid && !(perma && !strcmp(perma, "false")) &&
		    (!strncmp(guid, "http://", 7) ||
		     !strncmp(guid, "https://", 8)))
			a.url = guid;
		if (f->kind == FEED_RDF) {
			xmlChar *about = xmlGetNsProp(item,
						      (const xmlChar *)"about",
						      (const xmlChar *)NS_RDF);

			if (about) {
				guid = collapse(f, (const char *)about,
						strlen((const char *)about));
				xmlFree(about);
			}
		}
		source = line_of(f, child(item, f->ns, "source"));
	}
	if (f->nomem)
		return LEDE_NOMEM;
	if (!a.headline && !a.body && !a.url) {
		ldi_warn(r, 0,
			 "%s %zu: no title, description or link (skipped)",
			 f->word, num);
		return LEDE_OK;
	}

	item_authors(f, item);
	item_tags(f, item);
	a.authors = f->authors.v;
	a.n_authors = f->authors.n;
	a.tags = f->tags.v;
	a.n_tags = f->tags.n;
	a.date = item_date(f, item, num);
	a.source = source ? source : f->source;
	lang = clean_language(value_of(f, child(item, NS_DC, "language")));
	if (!lang)
		lang = xml_lang(f, item);
	a.language = lang ? lang : f->language;

	a.id = guid && has_scheme(guid) ? guid : a.url ? a.url : guid;
	if (!a.id && r->name) {
		size_t n = strlen(r->name) + 24;
		char *id = keep(f, malloc(n));

		if (id)
			snprintf(id, n, "%s#%zu", r->name, num);
		a.id = id;
	}
	if (!a.id) {
		buf_t b = {NULL, 0, 0, 0};

		if (a.headline)
			put(&b, a.headline, strlen(a.headline));
		put(&b, "\n", 1);
		if (a.body)
			put(&b, a.body, strlen(a.body));
		ldi_content_id(b.s, b.len, hash_id);
		free(b.s);
		if (b.nomem)
			f->nomem = 1;
		a.id = hash_id;
	}
	if (f->nomem)
		return LEDE_NOMEM;

	stop = r->on_article(r->ctx, &a);
	f->emitted++;
	return stop ? LEDE_DONE : LEDE_OK;
}

/* ---- The feed ---------------------------------------------------------- */

/* Settles what kind of feed root is and reads what its items share:
 * the title (their source), language, and Atom's feed-level authors.
 * Returns 0 when root is no feed's root. */
static int read_head(feed_t *f, xmlNode *root)
{
	const char *name = (const char *)root->name;
	const char *ns = root->ns && root->ns->href
				 ? (const char *)root->ns->href
				 : no_ns;
	char *lang;

	if (!strcmp(name, "rss")) {
		f->kind = FEED_RSS;
		f->ns = ns;
		f->head = child(root, ns, "channel");
	} else if (!strcmp(name, "RDF") && !strcmp(ns, NS_RDF)) {
		f->kind = FEED_RDF;
		f->ns = child(root, NS_RSS090, "channel") ||
				child(root, NS_RSS090, "item")
			? NS_RSS090
			: NS_RSS10;
		f->head = child(root, f->ns, "channel");
	} else if (!strcmp(name, "feed") &&
		   (!strcmp(ns, NS_ATOM) || !strcmp(ns, NS_ATOM03) ||
		    ns == no_ns)) {
		f->kind = FEED_ATOM;
		f->ns = ns;
		f->head = root;
	} else {
		return 0;
	}
	f->word = f->kind == FEED_ATOM ? "entry" : "item";
	f->source = line_of(f, child(f->head, f->ns, "title"));
	lang = value_of(f, child(f->head, f->ns, "language"));
	if (!lang)
		lang = value_of(f, child(f->head, NS_DC, "language"));
	f->language = lang ? clean_language(lang)
			   : xml_lang(f, f->head ? f->head : root);
	if (f->kind == FEED_ATOM) {
		/* Kept apart from the entries' own authors, which they
		 * replace. */
		add_atom_authors(f, root);
		f->feed_authors = f->authors;
		memset(&f->authors, 0, sizeof f->authors);
	}
	f->mark = f->kept.n;
	return 1;
}

/* Reads each child of parent that is an item (or entry). */
static lede_status_t read_items(feed_t *f, xmlNode *parent)
{
	const char *local = f->kind == FEED_ATOM ? "entry" : "item";
	xmlNode *n;

	for (n = child(parent, f->ns, local); n; n = next_el(n, f->ns, local)) {
		lede_status_t st = read_item(f, n, ++f->items);

		end_item(f);
		if (st != LEDE_OK)
			return st;
	}
	return LEDE_OK;
}

/* libxml2's last error, first line only, in printable ASCII: a message
 * may quote the input, and warnings must be valid UTF-8. */
static void xml_error(xmlParserCtxtPtr ctxt, char *out, size_t size,
		      size_t *line)
{
	const char *m = ctxt->lastError.message;
	size_t o = 0;

	for (; m && *m && *m != '\n' && o + 1 < size; m++)
		out[o++] = *m >= 0x20 && *m < 0x7F ? *m : '?';
	while (o > 0 && out[o - 1] == ' ')
		o--;
	out[o] = '\0';
	if (o == 0)
		snprintf(out, size, "unreadable XML");
	*line = ctxt->lastError.line > 0 ? (size_t)ctxt->lastError.line : 0;
}

/* Reads the charset name in an XML declaration at the very start of buf
 * into out (lower case; letters, digits and "-_.:" only). */
static int declared_encoding(const char *buf, size_t len, char *out,
			     size_t size)
{
	size_t i, o = 0;

	if (len < 5 || memcmp(buf, "<?xml", 5))
		return 0;
	for (i = 5; i + 9 < len && memcmp(buf + i, "?>", 2); i++) {
		if (memcmp(buf + i, "encoding", 8))
			continue;
		i += 8;
		while (i < len && (is_space(buf[i]) || buf[i] == '=' ||
				   buf[i] == '"' || buf[i] == '\''))
			i++;
		while (i < len && o + 1 < size &&
		       ((buf[i] >= 'a' && buf[i] <= 'z') ||
			(buf[i] >= 'A' && buf[i] <= 'Z') ||
			(buf[i] >= '0' && buf[i] <= '9') || buf[i] == '-' ||
			buf[i] == '_' || buf[i] == '.' || buf[i] == ':'))
			out[o++] = lower(buf[i++]);
		out[o] = '\0';
		return o > 0;
	}
	return 0;
}

/* Parses n bytes of UTF-8 into f->doc. Returns LEDE_OK, LEDE_NOMEM or
 * LEDE_BAD_INPUT (reason given). */
static lede_status_t parse_utf8(feed_t *f, const char *data, size_t n)
{
	xmlParserCtxtPtr ctxt;
	const char *why;
	char msg[160];
	size_t line;

	/* libxml2 counts in int. */
	if (n > INT_MAX) {
		ldi_warn(f->r, 0, "too large to read as a feed (over 2 GiB)");
		return LEDE_BAD_INPUT;
	}
	why = ldi_xml_init();
	if (why) {
		ldi_warn(f->r, 0, "%s", why);
		return LEDE_BAD_INPUT;
	}
	ctxt = xmlNewParserCtxt();
	if (!ctxt)
		return LEDE_NOMEM;
	/* IGNORE_ENC: the text is UTF-8 by now, whatever the declaration
	 * says. No NOENT, no DTDLOAD: entities stay unexpanded. */
	f->doc = xmlCtxtReadMemory(ctxt, data, (int)n, NULL, "UTF-8",
				   XML_PARSE_RECOVER | XML_PARSE_NONET |
					   XML_PARSE_NOERROR |
					   XML_PARSE_NOWARNING |
					   XML_PARSE_BIG_LINES |
					   XML_PARSE_IGNORE_ENC);
	if (ctxt->lastError.code == XML_ERR_NO_MEMORY) {
		xmlFreeParserCtxt(ctxt);
		return LEDE_NOMEM;
	}
	if (!f->doc || !xmlDocGetRootElement(f->doc)) {
		xml_error(ctxt, msg, sizeof msg, &line);
		ldi_warn(f->r, line, "not a feed: %s", msg);
		xmlFreeParserCtxt(ctxt);
		return LEDE_BAD_INPUT;
	}
	if (!ctxt->wellFormed) {
		f->broken = 1;
		xml_error(ctxt, msg, sizeof msg, &line);
		ldi_warn(f->r, line,
			 "XML error: %s; read what could be recovered", msg);
	}
	xmlFreeParserCtxt(ctxt);
	return LEDE_OK;
}

/* Settles the feed's encoding, makes the bytes UTF-8 and parses them. A
 * byte order mark, or UTF-16's NUL beside the first '<', outranks the
 * XML declaration; a declaration is read as charset.c reads every
 * label, and one that says UTF-16 in ASCII is read as UTF-8. */
static lede_status_t parse_xml(feed_t *f, const char *buf, size_t len)
{
	const char *label;
	char declared[48], *utf8;
	size_t bom = ldi_charset_bom(buf, len, &label), n = len - bom;
	unsigned flags = LDI_CHARSET_NUL_SPACE;
	lede_status_t st;

	buf += bom;
	/* XML allows UTF-16 without a byte order mark. */
	if (!label && n >= 2 && buf[0] == '<' && buf[1] == '\0')
		label = "UTF-16LE";
	else if (!label && n >= 2 && buf[0] == '\0' && buf[1] == '<')
		label = "UTF-16BE";
	if (!label || !strcmp(label, "UTF-8")) {
		if (memchr(buf, '\0', n < SNIFF_BYTES ? n : SNIFF_BYTES)) {
			ldi_warn(f->r, 0, "binary data, not a feed");
			return LEDE_BAD_INPUT;
		}
	}
	if (!label && declared_encoding(buf, n, declared, sizeof declared)) {
		label = declared;
		flags |= LDI_CHARSET_IN_BAND;
	}
	/* Decoded here, not by libxml2: it gives up on the encoding at the
	 * first bad byte and reads the rest as Latin-1. */
	utf8 = ldi_charset_decode_warn(f->r, "encoding", label, buf, n, flags,
				       &n);
	if (!utf8)
		return LEDE_NOMEM;
	/* libxml2 copies its input: the converted text can go now. */
	st = parse_utf8(f, utf8, n);
	free(utf8);
	return st;
}

lede_status_t ldi_read_feed(const ldi_reader_t *r, const char *buf,
			    size_t len)
{
	feed_t f;
	char qbuf[LDI_QUOTE_MAX + 4];
	xmlNode *root;
	lede_status_t st;
	size_t i = 0;

	while (i < len && is_space(buf[i]))
		i++;
	if (i == len) {
		ldi_warn(r, 0, "not a feed (empty input)");
		return LEDE_BAD_INPUT;
	}
	memset(&f, 0, sizeof f);
	f.r = r;
	st = parse_xml(&f, buf, len);
	if (st != LEDE_OK)
		goto out;
	root = xmlDocGetRootElement(f.doc);
	if (!read_head(&f, root)) {
		ldi_warn(r, 0,
			 "not a feed: the root element is <%s>, not <rss>, "
			 "<feed> or <rdf:RDF>",
			 ldi_quote((const char *)root->name, qbuf));
		st = LEDE_BAD_INPUT;
		goto out;
	}
	if (f.nomem) {
		st = LEDE_NOMEM;
		goto out;
	}
	/* RSS 0.9x feeds may put items beside the channel, not in it. */
	if (f.kind == FEED_RSS && f.head)
		st = read_items(&f, f.head);
	if (st == LEDE_OK)
		st = read_items(&f, root);
	if (st != LEDE_OK)
		goto out;
	if (f.items == 0) {
		ldi_warn(r, 0, "no articles found");
		/* An empty feed is a feed; a broken one with nothing in
		 * it is not one we could read. */
		st = f.broken ? LEDE_BAD_INPUT : LEDE_OK;
	} else if (f.emitted == 0) {
		st = LEDE_BAD_INPUT;
	}
out:
	ldi_kept_free(&f.kept);
	ldi_strlist_free(&f.authors);
	ldi_strlist_free(&f.tags);
	ldi_strlist_free(&f.feed_authors);
	if (f.doc)
		xmlFreeDoc(f.doc);
	return st;
}
