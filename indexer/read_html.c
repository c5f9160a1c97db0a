/* read_html.c: one article from an HTML page.
 * SPDX-License-Identifier: MIT
 *
 * News pages describe themselves three ways, from most to least
 * trustworthy: JSON-LD (schema.org NewsArticle and kin, written for
 * search engines), Open Graph and article: meta tags (written for social
 * sites), and the visible page (<h1>, <title>). Each field takes the
 * first of these that gives it.
 *
 * The body is the text of the page's <article> (else <main>, else
 * <body>) with the furniture around the story taken out: navigation,
 * headers and footers, asides, forms, scripts, embeds, and whatever the
 * page marks by class or id as an advert, promotion, share bar, related
 * links, newsletter box, cookie banner or comments. Figures go too, with
 * their captions: a caption repeats the story in other words and ends in
 * a photo credit ("Photograph: Jane Doe/Reuters") that would read as prose
 * and as a person named by the article. What is left becomes text through
 * ldi_html_to_text, so paragraphs and crossheads (h2, h3) come out as
 * paragraphs, exactly as in feed descriptions.
 *
 * The bytes arrive undecoded. A page's declared charset (a BOM, a meta
 * charset or http-equiv, an XML declaration) is found here and honoured
 * by charset.c: with none, valid UTF-8 is UTF-8 and anything else
 * windows-1252, what browsers assume. Pages that say ISO-8859-1 are read
 * as windows-1252 too, as browsers do: they are the same but for
 * 0x80-0x9F, where such pages hold curly quotes and dashes, not control
 * characters.
 */
#include <jansson.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "charset.h"
#include "hash.h"
#include "html_text.h"
#include "lazy_libs.h"
#include "reader.h"
#include "record.h"

/* How far into the page a charset declaration is looked for, and how far
 * a NUL byte marks the input as binary (git's rule of thumb). */
#define SNIFF_BYTES 8000
/* Most authors or tags kept for one article. */
#define LIST_MAX 256

/* Meta tags: the first value of each kind wins. */
enum meta_key {
	META_OG_TITLE,
	META_OG_SITE_NAME,
	META_OG_URL,
	META_OG_LOCALE,
	META_PUBLISHED,
	META_SECTION,
	META_AUTHOR,
	META_KEYWORDS,
	META_NEWS_KEYWORDS,
	META_DATE,
	META_LANGUAGE,
	N_META
};

/* Matched against property=, else name=, else http-equiv=, in any case. */
static const struct {
	const char *name;
	enum meta_key key;
} meta_names[] = {
	{"og:title", META_OG_TITLE},
	{"og:site_name", META_OG_SITE_NAME},
	{"og:url", META_OG_URL},
	{"og:locale", META_OG_LOCALE},
	{"article:published_time", META_PUBLISHED},
	{"article:section", META_SECTION},
	{"author", META_AUTHOR},
	{"keywords", META_KEYWORDS},
	{"news_keywords", META_NEWS_KEYWORDS},
	{"date", META_DATE},
	{"pubdate", META_DATE},
	{"publish-date", META_DATE},
	{"dc.date", META_DATE},
	{"dc.date.issued", META_DATE},
	{"dcterms.created", META_DATE},
	{"content-language", META_LANGUAGE},
};

typedef struct page {
	const ldi_reader_t *r;
	htmlDocPtr doc;
	/* What the survey of the page found, borrowed from doc. */
	const char *meta[N_META];
	ldi_strlist_t meta_authors; /* article:author, one per tag */
	ldi_strlist_t meta_tags;	 /* article:tag, one per tag */
	const char *canonical, *html_lang;
	xmlNode *title, *h1, *main, *body;
	/* The page's schema.org article object, borrowed from ld_doc. */
	json_t *ld_doc;
	const json_t *ld;
	/* Strings made for the record, freed at the end. */
	ldi_kept_t kept;
	ldi_strlist_t authors, tags; /* borrowed from kept */
	int nomem;
} page_t;

static void push(page_t *p, ldi_strlist_t *l, const char *s)
{
	if (ldi_strlist_push(l, s))
		p->nomem = 1;
}

/* Takes ownership of s (NULL: memory ran out) until the page is done. */
static char *keep(page_t *p, char *s)
{
	char *kept = ldi_keep(&p->kept, s);

	if (!kept)
		p->nomem = 1;
	return kept;
}

static int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
	       c == '\f' || c == '\v';
}

static char lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

static int is_alnum(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9');
}

/* Compares n bytes with ASCII letters folded. */
static int ascii_ncaseeq(const char *a, const char *b, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (lower(a[i]) != lower(b[i]))
			return 0;
	return 1;
}

static int ascii_caseeq(const char *a, const char *b)
{
	size_t n = strlen(a);

	return n == strlen(b) && ascii_ncaseeq(a, b, n);
}

static int name_is(const xmlNode *n, const char *name)
{
	return n->type == XML_ELEMENT_NODE && n->name &&
	       !strcmp((const char *)n->name, name);
}

/* The value of attribute name (any case), "" for one without a value,
 * NULL when absent. Borrowed from the tree. */
static const char *attr(const xmlNode *n, const char *name)
{
	const xmlAttr *a;

	if (n->type != XML_ELEMENT_NODE)
		return NULL;
	for (a = n->properties; a; a = a->next) {
		if (!a->name || !ascii_caseeq((const char *)a->name, name))
			continue;
		if (a->children && a->children->content)
			return (const char *)a->children->content;
		return "";
	}
	return NULL;
}

/* The node after n in document order within root; n's children are
 * skipped unless down. Walking this way needs no recursion, so deeply
 * nested markup cannot exhaust the stack. */
static xmlNode *next_node(xmlNode *n, const xmlNode *root, int down)
{
	if (down && n->children)
		return n->children;
	while (n && n != root) {
		if (n->next)
			return n->next;
		n = n->parent;
	}
	return NULL;
}

/* ---- Cleaning values --------------------------------------------------- */

/* A copy of s[0..n) with runs of white space (and NUL) made one space,
 * trimmed; NULL when nothing is left or memory ran out. Owned by p. */
static char *collapse(page_t *p, const char *s, size_t n)
{
	char *out = malloc(n + 1);
	size_t i, o = 0;
	int space = 0;

	if (!out) {
		p->nomem = 1;
		return NULL;
	}
	for (i = 0; i < n; i++) {
		if (is_space(s[i]) || s[i] == '\0') {
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
	return keep(p, out);
}

/* s[0..n) as a one-line field: markup reduced to text (metadata is often
 * escaped twice, "Tom &amp;amp; Jerry"), white space collapsed. NULL
 * when nothing is left or memory ran out (p->nomem says which). */
static char *clean_line(page_t *p, const char *s, size_t n)
{
	char *text, *out;

	if (!s || p->nomem)
		return NULL;
	if (!ldi_html_has_markup(s, n))
		return collapse(p, s, n);
	text = ldi_html_to_text(s, n, &n);
	if (!text) {
		p->nomem = 1;
		return NULL;
	}
	out = collapse(p, text, n);
	free(text);
	return out;
}

static char *clean_str(page_t *p, const char *s)
{
	return s ? clean_line(p, s, strlen(s)) : NULL;
}

/* A body: markup reduced to text, else trimmed as it is. */
static char *clean_body(page_t *p, const char *s, size_t n)
{
	char *out;

	if (!s || p->nomem)
		return NULL;
	if (ldi_html_has_markup(s, n)) {
		out = keep(p, ldi_html_to_text(s, n, NULL));
	} else {
		while (n > 0 && is_space(*s)) {
			s++;
			n--;
		}
		while (n > 0 && is_space(s[n - 1]))
			n--;
		out = keep(p, malloc(n + 1));
		if (out) {
			memcpy(out, s, n);
			out[n] = '\0';
		}
	}
	return out && *out ? out : NULL;
}

/* The text of an element (a <title>, an <h1>), white space collapsed. A
 * <br> inside a headline still separates words. The tree holds decoded
 * text, so this does not go through clean_line: "&lt;b&gt;" in a headline
 * is the text "<b>", not a tag. */
static char *node_text(page_t *p, xmlNode *node)
{
	xmlNode *n = node->children;
	char *buf = NULL, *grown, *out;
	size_t len = 0, cap = 0;

	while (n) {
		const char *t = NULL;
		size_t tn;

		if (n->type == XML_TEXT_NODE ||
		    n->type == XML_CDATA_SECTION_NODE)
			t = (const char *)n->content;
		else if (name_is(n, "br"))
			t = " ";
		tn = t ? strlen(t) : 0;
		if (tn > 0 && len + tn + 1 > cap) {
			size_t c = cap ? cap : 64;

			while (c < len + tn + 1)
				c *= 2;
			grown = realloc(buf, c);
			if (!grown) {
				free(buf);
				p->nomem = 1;
				return NULL;
			}
			buf = grown;
			cap = c;
		}
		if (tn > 0) {
			memcpy(buf + len, t, tn);
			len += tn;
		}
		n = next_node(n, node,
			      !name_is(n, "script") && !name_is(n, "style"));
	}
	out = buf ? collapse(p, buf, len) : NULL;
	free(buf);
	return out;
}

/* A BCP 47 tag in lower case ("en_GB" from og:locale made "en-gb"), or
 * NULL when s does not look like one. */
static char *clean_language(page_t *p, const char *s)
{
	char *t = clean_str(p, s);
	size_t i, seg = 0, first = 0;

	if (!t)
		return NULL;
	for (i = 0; t[i]; i++) {
		t[i] = t[i] == '_' ? '-' : lower(t[i]);
		if (t[i] == '-') {
			if (seg == 0 || seg > 8)
				return NULL;
			if (!first)
				first = seg;
			seg = 0;
		} else if (is_alnum(t[i])) {
			seg++;
		} else {
			return NULL;
		}
	}
	if (!first)
		first = seg;
	if (seg == 0 || seg > 8 || first < 2 || first > 3)
		return NULL;
	return t;
}

/* ---- Authors and tags -------------------------------------------------- */

static int looks_like_url(const char *s)
{
	return !strncmp(s, "http://", 7) || !strncmp(s, "https://", 8) ||
	       !strncmp(s, "//", 2);
}

/* Adds s (owned by p) to a list unless it is there already; ASCII case
 * is folded, so "Politics" and "politics" are one tag. Lists stop at
 * LIST_MAX: no article has more authors or tags, and the check for
 * repeats is quadratic. */
static void add_unique(page_t *p, ldi_strlist_t *l, const char *s)
{
	if (ldi_strlist_add(l, s, LIST_MAX, LDI_MATCH_ASCII_CASE))
		p->nomem = 1;
}

/* One author name: cleaned, without a leading "By ", and not a profile
 * URL (article:author often holds one). */
static void add_author(page_t *p, const char *s, size_t n)
{
	const char *name = clean_line(p, s, n);

	if (!name)
		return;
	if (lower(name[0]) == 'b' && lower(name[1]) == 'y' &&
	    name[2] == ' ' && name[3])
		name += 3;
	if (!looks_like_url(name))
		add_unique(p, &p->authors, name);
}

static int byline_author(void *ctx, const char *s, size_t n)
{
	page_t *p = ctx;

	add_author(p, s, n);
	return p->nomem;
}

/* A byline string may name several people: "A, B and C", "A; B". */
static void add_byline(page_t *p, const char *s)
{
	ldi_split_byline(s, strlen(s), byline_author, p);
}

/* Tags from a comma-separated list ("keywords", article:tag). */
static void add_tag_list(page_t *p, const char *s)
{
	size_t start = 0, i, n = strlen(s);

	for (i = 0; i <= n && !p->nomem && p->tags.n < LIST_MAX; i++) {
		if (i == n || s[i] == ',') {
			add_unique(p, &p->tags,
				   clean_line(p, s + start, i - start));
			start = i + 1;
		}
	}
}

/* ---- JSON-LD ----------------------------------------------------------- */

static int ends_with(const char *s, const char *tail)
{
	size_t n = strlen(s), m = strlen(tail);

	return n >= m && !strcmp(s + n - m, tail);
}

/* NewsArticle, ReportageNewsArticle, Article, BlogPosting and the rest
 * of schema.org's article family, written short, prefixed ("schema:") or
 * as a full IRI. */
static int is_article_type_name(const char *t)
{
	const char *slash = strrchr(t, '/'), *colon = strrchr(t, ':');

	if (slash)
		t = slash + 1;
	else if (colon)
		t = colon + 1;
	return ends_with(t, "Article") || ends_with(t, "BlogPosting") ||
	       !strcmp(t, "Report");
}

static int is_article_type(const json_t *type)
{
	size_t i;

	if (json_is_string(type))
		return is_article_type_name(json_string_value(type));
	for (i = 0; i < json_array_size(type); i++) {
		const char *t = json_string_value(json_array_get(type, i));

		if (t && is_article_type_name(t))
			return 1;
	}
	return 0;
}

/* The first article object in a JSON-LD value: itself, an element of an
 * array, inside "@graph", or a page's "mainEntity". Pages nest these a
 * level or two; the depth limit only stops silly input. */
static const json_t *find_article(const json_t *v, int depth)
{
	const json_t *found = NULL;
	size_t i;

	if (depth > 8)
		return NULL;
	if (json_is_array(v)) {
		for (i = 0; i < json_array_size(v) && !found; i++)
			found = find_article(json_array_get(v, i), depth + 1);
		return found;
	}
	if (!json_is_object(v))
		return NULL;
	if (is_article_type(json_object_get(v, "@type")))
		return v;
	found = find_article(json_object_get(v, "@graph"), depth + 1);
	if (!found)
		found = find_article(json_object_get(v, "mainEntity"),
				     depth + 1);
	return found;
}

/* Parses one <script type="application/ld+json"> and keeps it if it
 * holds the page's article. Scripts that do not parse (trailing commas
 * and raw newlines in strings are common) are passed over quietly: the
 * page's other metadata still describes it. */
static void read_json_ld(page_t *p, xmlNode *script)
{
	xmlNode *c;

	for (c = script->children; c && !p->ld; c = c->next) {
		const char *s = (const char *)c->content, *open, *end, *cdata;
		const json_t *art;
		json_t *doc;

		if ((c->type != XML_TEXT_NODE &&
		     c->type != XML_CDATA_SECTION_NODE) ||
		    !s)
			continue;
		/* Some pages wrap the JSON in <!-- --> or in CDATA markers,
		 * whose brackets must not be taken for JSON's. */
		cdata = strstr(s, "<![CDATA[");
		if (cdata)
			s = cdata + 9;
		open = strpbrk(s, "{[");
		if (!open)
			continue;
		end = cdata ? strstr(open, "]]>") : NULL;
		if (!end)
			end = open + strlen(open);
		while (end > open && end[-1] != '}' && end[-1] != ']')
			end--;
		doc = json_loadb(open, (size_t)(end - open), JSON_ALLOW_NUL,
				 NULL);
		art = doc ? find_article(doc, 0) : NULL;
		if (art) {
			p->ld_doc = doc;
			p->ld = art;
		} else {
			json_decref(doc);
		}
	}
}

static const char *ld_string(const json_t *obj, const char *key)
{
	return json_string_value(json_object_get(obj, key));
}

/* A name given as a string or as an object with "name" (a Person, an
 * Organization); for an array, its first element's. */
static const char *ld_name(const json_t *v)
{
	if (json_is_array(v))
		v = json_array_get(v, 0);
	if (json_is_object(v))
		v = json_object_get(v, "name");
	return json_string_value(v);
}

/* A string, or the first string of an array ("articleSection"). */
static const char *ld_first(const json_t *v)
{
	if (json_is_array(v))
		v = json_array_get(v, 0);
	return json_string_value(v);
}

static void ld_authors(page_t *p, const json_t *v, int depth)
{
	size_t i;

	if (json_is_string(v)) {
		add_byline(p, json_string_value(v));
	} else if (json_is_object(v)) {
		const char *name = ld_string(v, "name");

		if (name)
			add_author(p, name, strlen(name));
	} else if (depth == 0) {
		for (i = 0; i < json_array_size(v) && !p->nomem; i++)
			ld_authors(p, json_array_get(v, i), 1);
	}
}

static void ld_keywords(page_t *p, const json_t *v)
{
	size_t i;

	if (json_is_string(v)) {
		add_tag_list(p, json_string_value(v));
		return;
	}
	for (i = 0; i < json_array_size(v) && !p->nomem; i++) {
		const char *t = json_string_value(json_array_get(v, i));

		add_unique(p, &p->tags, clean_str(p, t));
	}
}

/* "url", else mainEntityOfPage as a string or as a WebPage's @id. */
static const char *ld_url(const json_t *ld)
{
	const json_t *m = json_object_get(ld, "mainEntityOfPage");
	const char *u = ld_string(ld, "url");

	if (u && *u)
		return u;
	if (json_is_object(m)) {
		u = ld_string(m, "@id");
		return u ? u : ld_string(m, "url");
	}
	return json_string_value(m);
}

/* ---- Surveying the page ------------------------------------------------ */

static void read_meta(page_t *p, const xmlNode *n)
{
	const char *key = attr(n, "property"), *content = attr(n, "content");
	size_t i;

	if (!content || !*content)
		return;
	if (!key || !*key)
		key = attr(n, "name");
	if (!key || !*key)
		key = attr(n, "http-equiv");
	if (!key)
		return;
	if (ascii_caseeq(key, "article:author")) {
		push(p, &p->meta_authors, content);
		return;
	}
	if (ascii_caseeq(key, "article:tag")) {
		push(p, &p->meta_tags, content);
		return;
	}
	for (i = 0; i < sizeof meta_names / sizeof meta_names[0]; i++)
		if (ascii_caseeq(key, meta_names[i].name) &&
		    !p->meta[meta_names[i].key])
			p->meta[meta_names[i].key] = content;
}

/* One walk over the whole page notes what the fields need. */
static void survey(page_t *p)
{
	xmlNode *root = (xmlNode *)p->doc, *n = root->children;

	while (n && !p->nomem) {
		int down = 1;
		const char *v;

		if (n->type != XML_ELEMENT_NODE || !n->name) {
			n = next_node(n, root, 0);
			continue;
		}
		if (name_is(n, "html") && !p->html_lang) {
			p->html_lang = attr(n, "lang");
			if (!p->html_lang)
				p->html_lang = attr(n, "xml:lang");
		} else if (name_is(n, "meta")) {
			read_meta(p, n);
		} else if (name_is(n, "link")) {
			v = attr(n, "rel");
			if (v && ascii_caseeq(v, "canonical") && !p->canonical)
				p->canonical = attr(n, "href");
		} else if (name_is(n, "title")) {
			if (!p->title)
				p->title = n;
			down = 0;
		} else if (name_is(n, "script")) {
			v = attr(n, "type");
			if (v && ascii_caseeq(v, "application/ld+json") &&
			    !p->ld)
				read_json_ld(p, n);
			down = 0;
		} else if (name_is(n, "style")) {
			down = 0;
		} else if (name_is(n, "h1")) {
			if (!p->h1)
				p->h1 = n;
		} else if (name_is(n, "main")) {
			if (!p->main)
				p->main = n;
		} else if (name_is(n, "body")) {
			if (!p->body)
				p->body = n;
		}
		v = attr(n, "role");
		if (!p->main && v && ascii_caseeq(v, "main"))
			p->main = n;
		n = next_node(n, root, down);
	}
}

/* ---- Choosing and cleaning the body ------------------------------------ */

static int str_cmp(const void *key, const void *entry)
{
	return strcmp(key, *(const char *const *)entry);
}

static int in_sorted(const char *s, const char *const *list, size_t n)
{
	return bsearch(s, list, n, sizeof *list, str_cmp) != NULL;
}

#define IN_SORTED(s, list) in_sorted(s, list, sizeof list / sizeof list[0])

/* Elements that are never part of the story's text. An <h1> is the
 * page's title, given as the headline when it is one; left in, it would
 * also start the body, or put the site's logo there. Sorted. */
static const char *const furniture[] = {
	"aside", "audio", "button", "canvas", "dialog", "embed",
	"figcaption", "figure", "footer", "form", "h1", "header",
	"iframe", "input", "map", "nav", "noscript", "object",
	"picture", "script", "select", "style", "svg", "template",
	"textarea", "video",
};

/* ARIA roles of the same. Sorted. */
static const char *const furniture_roles[] = {
	"alertdialog", "banner", "complementary", "contentinfo",
	"dialog", "navigation", "search",
};

/* Words in a class or id that mark adverts and other clutter. Whole
 * words only, so "header-ad" and "adSlot" match "ad" while "shadow",
 * "heading" and "read-more" do not. Singular "comment" is left out: some
 * sites class opinion pieces that way. Sorted. */
static const char *const noise_words[] = {
	"ad", "ads", "adsbygoogle", "adslot", "adunit", "advert",
	"advertisement", "advertisements", "advertising", "adverts",
	"breadcrumb", "breadcrumbs", "comments", "consent", "cookie", "cookies",
	"dfp", "disqus", "footer", "gdpr", "masthead", "menu", "modal", "nav",
	"navbar", "navigation", "newsletter", "newsletters", "outbrain",
	"popup", "promo", "promos", "promoted", "promotion", "promotions",
	"recirc", "recommended", "related", "share", "sharebar", "shares",
	"sharing", "sidebar", "social", "sponsor", "sponsored", "subscribe",
	"taboola", "trending",
};

static int is_upper(char c)
{
	return c >= 'A' && c <= 'Z';
}

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* 1 when a class list or id holds a noise word. Words end at anything
 * not a letter or digit, where a lower-case letter meets a capital
 * ("adSlot") and where letters meet digits ("ad300x250"). */
static int noisy_name(const char *s)
{
	char word[24];
	size_t i, n = 0;

	for (i = 0;; i++) {
		char c = s[i];
		int edge = !is_alnum(c) ||
			   (n > 0 && ((is_upper(c) && !is_upper(s[i - 1]) &&
				       !is_digit(s[i - 1])) ||
				      is_digit(c) != is_digit(s[i - 1])));

		if (edge && n > 0) {
			if (n < sizeof word) {
				word[n] = '\0';
				if (IN_SORTED(word, noise_words))
					return 1;
			}
			n = 0;
		}
		if (!c)
			return 0;
		if (is_alnum(c)) {
			if (n < sizeof word - 1)
				word[n] = lower(c);
			n++;
		}
	}
}

/* 1 for an element that is not part of the story's text. */
static int is_furniture(const xmlNode *n)
{
	const char *v;

	if (n->type != XML_ELEMENT_NODE || !n->name)
		return 0;
	if (IN_SORTED((const char *)n->name, furniture))
		return 1;
	if (attr(n, "hidden"))
		return 1;
	v = attr(n, "aria-hidden");
	if (v && ascii_caseeq(v, "true"))
		return 1;
	v = attr(n, "role");
	if (v && IN_SORTED(v, furniture_roles))
		return 1;
	v = attr(n, "id");
	if (v && noisy_name(v))
		return 1;
	v = attr(n, "class");
	return v && noisy_name(v);
}

/* Bytes of story text below node, furniture left out. */
static size_t text_weight(xmlNode *node)
{
	xmlNode *n = node->children;
	size_t w = 0;

	while (n) {
		if (n->type == XML_TEXT_NODE && n->content) {
			const char *t = (const char *)n->content;

			for (; *t; t++)
				w += !is_space(*t);
		}
		n = next_node(n, node,
			      n->type == XML_ELEMENT_NODE && !is_furniture(n));
	}
	return w;
}

/* The element holding the story: the <article> with the most text
 * (furniture aside, so a related-stories <article> in an <aside> is
 * never chosen), else <main>, else <body>, else the root element. */
static xmlNode *choose_root(page_t *p)
{
	xmlNode *top = (xmlNode *)p->doc, *n = top->children, *best = NULL;
	size_t best_w = 0;

	while (n) {
		if (name_is(n, "article")) {
			size_t w = text_weight(n);

			if (w > best_w) {
				best = n;
				best_w = w;
			}
		}
		n = next_node(n, top,
			      n->type == XML_ELEMENT_NODE && !is_furniture(n));
	}
	if (best)
		return best;
	if (p->main && text_weight(p->main) > 0)
		return p->main;
	return p->body ? p->body : xmlDocGetRootElement(p->doc);
}

/* Takes the furniture out of root's subtree (root itself stays). */
static void prune(xmlNode *root)
{
	xmlNode *n = root->children;

	while (n) {
		if (is_furniture(n)) {
			xmlNode *next = next_node(n, root, 0);

			xmlUnlinkNode(n);
			xmlFreeNode(n);
			n = next;
		} else {
			n = next_node(n, root, 1);
		}
	}
}

/* The text of root, furniture out. The pruned tree is written back out
 * as HTML and read by ldi_html_to_text, so a page's paragraphs come out
 * exactly as a feed description's would. */
static char *body_text(page_t *p, xmlNode *root)
{
	xmlOutputBufferPtr out;
	const char *html;
	char *text;
	size_t n;

	prune(root);
	out = xmlAllocOutputBuffer(NULL);
	if (!out) {
		p->nomem = 1;
		return NULL;
	}
	htmlNodeDumpFormatOutput(out, p->doc, root, NULL, 0);
	if (out->error) {
		xmlOutputBufferClose(out);
		p->nomem = 1;
		return NULL;
	}
	html = (const char *)xmlOutputBufferGetContent(out);
	n = xmlOutputBufferGetSize(out);
	text = keep(p, ldi_html_to_text(html ? html : "", html ? n : 0, NULL));
	xmlOutputBufferClose(out);
	return text && *text ? text : NULL;
}

/* ---- Headlines --------------------------------------------------------- */

/* Cuts " - Site", " | Site" (and the dashes, "::" and "·") off the end of
 * a headline when Site is the site's name; a headline that is only the
 * site's name is no headline. */
static const char *strip_site(char *h, const char *site)
{
	static const char *const seps[] = {
		" - ", " | ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " :: ",
		" \xC2\xB7 "};
	size_t i, hn, sn;

	if (!h || !site)
		return h;
	hn = strlen(h);
	sn = strlen(site);
	if (hn == sn && ascii_ncaseeq(h, site, sn))
		return NULL;
	for (i = 0; i < sizeof seps / sizeof seps[0]; i++) {
		size_t pn = strlen(seps[i]);

		if (hn > pn + sn && ascii_ncaseeq(h + hn - sn, site, sn) &&
		    !memcmp(h + hn - sn - pn, seps[i], pn)) {
			h[hn - sn - pn] = '\0';
			return h;
		}
	}
	return h;
}

static int inside_furniture(const xmlNode *n)
{
	for (n = n->parent; n && n->type == XML_ELEMENT_NODE; n = n->parent)
		if (is_furniture(n))
			return 1;
	return 0;
}

/* The page's <h1> that is its headline. Pages often have more than one
 * (a logo, a promoted story); the headline is usually the one the
 * <title> repeats, so the longest <h1> found in the title wins; failing
 * that, the first outside the page's furniture. Never the site's name. */
static const char *h1_headline(page_t *p, const char *title,
			       const char *site)
{
	xmlNode *top = (xmlNode *)p->doc, *n = p->h1;
	const char *best = NULL, *first = NULL;
	size_t best_n = 0;

	while (n && !p->nomem) {
		if (name_is(n, "h1")) {
			const char *h = strip_site(node_text(p, n), site);

			if (h && title && strstr(title, h) &&
			    strlen(h) > best_n) {
				best = h;
				best_n = strlen(h);
			}
			if (h && !first && !inside_furniture(n))
				first = h;
		}
		n = next_node(n, top, !name_is(n, "h1"));
	}
	return best ? best : first;
}

/* ---- The record -------------------------------------------------------- */

/* The first date that parses wins; one that does not is reported only
 * when no other source gives a date. */
static int64_t page_date(page_t *p)
{
	const char *cands[4];
	const char *bad = NULL;
	char qbuf[LDI_QUOTE_MAX + 4];
	int64_t date;
	size_t i;

	cands[0] = p->ld ? ld_string(p->ld, "datePublished") : NULL;
	cands[1] = p->ld ? ld_string(p->ld, "dateCreated") : NULL;
	cands[2] = p->meta[META_PUBLISHED];
	cands[3] = p->meta[META_DATE];
	for (i = 0; i < sizeof cands / sizeof cands[0]; i++) {
		const char *t = clean_str(p, cands[i]);

		if (!t)
			continue;
		if (lede_date_parse(t, LEDE_NTS, &date) == LEDE_OK)
			return date;
		if (!bad)
			bad = t;
	}
	if (bad)
		ldi_warn(p->r, 0,
			 "cannot read date '%s'; indexed without a date",
			 ldi_quote(bad, qbuf));
	return LEDE_NO_DATE;
}

static void page_authors(page_t *p)
{
	size_t i;

	if (p->ld)
		ld_authors(p, json_object_get(p->ld, "author"), 0);
	if (p->authors.n == 0)
		for (i = 0; i < p->meta_authors.n; i++)
			add_byline(p, p->meta_authors.v[i]);
	if (p->authors.n == 0 && p->meta[META_AUTHOR])
		add_byline(p, p->meta[META_AUTHOR]);
}

static void page_tags(page_t *p)
{
	size_t i;

	if (p->ld)
		ld_keywords(p, json_object_get(p->ld, "keywords"));
	if (p->tags.n == 0)
		for (i = 0; i < p->meta_tags.n; i++)
			add_tag_list(p, p->meta_tags.v[i]);
	if (p->tags.n == 0 && p->meta[META_NEWS_KEYWORDS])
		add_tag_list(p, p->meta[META_NEWS_KEYWORDS]);
	if (p->tags.n == 0 && p->meta[META_KEYWORDS])
		add_tag_list(p, p->meta[META_KEYWORDS]);
}

static const char *page_language(page_t *p)
{
	const char *l = NULL;

	if (p->ld)
		l = clean_language(p, ld_string(p->ld, "inLanguage"));
	if (!l)
		l = clean_language(p, p->html_lang);
	if (!l)
		l = clean_language(p, p->meta[META_OG_LOCALE]);
	if (!l)
		l = clean_language(p, p->meta[META_LANGUAGE]);
	return l;
}

/* Fills a from the surveyed page and passes it on. raw is the input as
 * given, hashed for an id when nothing else gives one. */
static lede_status_t emit(page_t *p, const char *raw, size_t raw_len)
{
	const ldi_reader_t *r = p->r;
	const json_t *ld = p->ld;
	char hash_id[LDI_CONTENT_ID_SIZE];
	const char *site, *canonical, *og_url;
	char *headline = NULL;
	xmlNode *root;
	lede_article_t a;

	memset(&a, 0, sizeof a);
	site = ld ? clean_str(p, ld_name(json_object_get(ld, "publisher")))
		  : NULL;
	if (!site)
		site = clean_str(p, p->meta[META_OG_SITE_NAME]);
	a.source = site;

	if (ld) {
		headline = clean_str(p, ld_string(ld, "headline"));
		if (!headline)
			headline = clean_str(p, ld_string(ld, "name"));
	}
	if (!headline)
		headline = clean_str(p, p->meta[META_OG_TITLE]);
	a.headline = strip_site(headline, site);
	if (!a.headline) {
		char *title = p->title ? node_text(p, p->title) : NULL;

		a.headline = h1_headline(p, title, site);
		if (!a.headline)
			a.headline = strip_site(title, site);
	}
	root = choose_root(p);

	if (ld) {
		const char *b = ld_string(ld, "articleBody");

		a.body = b ? clean_body(p, b, strlen(b)) : NULL;
	}
	page_authors(p);
	page_tags(p);
	a.date = page_date(p);
	if (ld) {
		const json_t *section = json_object_get(ld, "articleSection");

		a.section = clean_str(p, ld_first(section));
	}
	if (!a.section)
		a.section = clean_str(p, p->meta[META_SECTION]);
	a.language = page_language(p);

	/* The canonical URL is the publisher's own name for the page: the
	 * id, and the url, so both agree whenever there is one. */
	canonical = clean_str(p, p->canonical);
	og_url = clean_str(p, p->meta[META_OG_URL]);
	a.url = canonical ? canonical : og_url;
	if (!a.url && ld)
		a.url = clean_str(p, ld_url(ld));
	a.id = canonical ? canonical : og_url ? og_url : r->name;
	if (!a.id) {
		ldi_content_id(raw, raw_len, hash_id);
		a.id = hash_id;
	}
	/* Last: taking the text prunes the tree, and the fields above
	 * point into it (a canonical <link> may sit in a pruned aside). */
	if (!a.body && root && !p->nomem)
		a.body = body_text(p, root);
	if (p->nomem)
		return LEDE_NOMEM;
	if (!a.headline && !a.body) {
		ldi_warn(r, 0, "no article text (no headline or body found)");
		return LEDE_BAD_INPUT;
	}
	a.authors = p->authors.v;
	a.n_authors = p->authors.n;
	a.tags = p->tags.v;
	a.n_tags = p->tags.n;
	return r->on_article(r->ctx, &a) ? LEDE_DONE : LEDE_OK;
}

/* ---- Bytes to a tree --------------------------------------------------- */

/* Reads a charset name at s (up to end) into out: letters, digits and
 * "-_.:" only, so a junk declaration cannot put invalid UTF-8 into a
 * warning. Returns 1 when there was one. */
static int copy_charset(const char *s, const char *end, char *out,
			size_t size)
{
	size_t n = 0;

	while (s < end && (is_space(*s) || *s == '"' || *s == '\''))
		s++;
	while (s < end && n + 1 < size &&
	       (is_alnum(*s) || *s == '-' || *s == '_' || *s == '.' ||
		*s == ':'))
		out[n++] = lower(*s++);
	out[n] = '\0';
	return n > 0;
}

/* Reads the attributes of a tag from s up to its '>', noting charset=,
 * http-equiv= and content= values. Returns where the tag ends. */
static const char *scan_meta(const char *s, const char *end, char *out,
			     size_t size)
{
	const char *content = NULL, *content_end = NULL;
	int equiv_type = 0, found = 0;

	while (s < end && *s != '>') {
		const char *name = s, *val, *val_end;
		size_t nn;

		if (is_space(*s) || *s == '/') {
			s++;
			continue;
		}
		while (s < end && !is_space(*s) && *s != '=' && *s != '>' &&
		       *s != '/')
			s++;
		nn = (size_t)(s - name);
		while (s < end && is_space(*s))
			s++;
		if (s >= end || *s != '=')
			continue;
		s++;
		while (s < end && is_space(*s))
			s++;
		if (s < end && (*s == '"' || *s == '\'')) {
			char q = *s++;

			val = s;
			while (s < end && *s != q)
				s++;
			val_end = s;
			if (s < end)
				s++;
		} else {
			val = s;
			while (s < end && !is_space(*s) && *s != '>')
				s++;
			val_end = s;
		}
		if (nn == 7 && ascii_ncaseeq(name, "charset", 7))
			found = found || copy_charset(val, val_end, out, size);
		else if (nn == 10 && ascii_ncaseeq(name, "http-equiv", 10))
			equiv_type = val_end - val == 12 &&
				     ascii_ncaseeq(val, "content-type", 12);
		else if (nn == 7 && ascii_ncaseeq(name, "content", 7)) {
			content = val;
			content_end = val_end;
		}
	}
	if (!found && equiv_type && content) {
		const char *c;

		for (c = content; c + 8 <= content_end; c++)
			if (ascii_ncaseeq(c, "charset=", 8)) {
				found = copy_charset(c + 8, content_end, out,
						     size);
				break;
			}
	}
	return found ? NULL : s;
}

/* The charset a page declares near its start, in a <meta> tag or an XML
 * declaration, lower-cased into out; 0 when it declares none. */
static int declared_charset(const char *buf, size_t len, char *out,
			    size_t size)
{
	const char *s = buf;
	const char *end = buf + (len < SNIFF_BYTES ? len : SNIFF_BYTES);

	while (s < end) {
		const char *lt = memchr(s, '<', (size_t)(end - s));

		if (!lt)
			return 0;
		s = lt + 1;
		if (end - s >= 3 && !memcmp(s, "!--", 3)) {
			/* Charsets in comments do not count. */
			for (s += 3; s + 3 <= end && memcmp(s, "-->", 3); s++)
				;
		} else if (end - s >= 5 && ascii_ncaseeq(s, "meta", 4) &&
			   (is_space(s[4]) || s[4] == '/')) {
			s = scan_meta(s + 4, end, out, size);
			if (!s)
				return 1;
		} else if (end - s >= 4 && !memcmp(s, "?xml", 4)) {
			const char *q = s;

			while (q + 9 <= end && memcmp(q, "?>", 2)) {
				if (!memcmp(q, "encoding=", 9))
					return copy_charset(q + 9, end, out,
							    size);
				q++;
			}
		}
	}
	return 0;
}

/* Parses n bytes of UTF-8 into p->doc. Returns LEDE_OK, LEDE_NOMEM or
 * LEDE_BAD_INPUT (reason given). */
static lede_status_t parse_page(page_t *p, const char *data, size_t n)
{
	htmlParserCtxtPtr ctxt;
	const char *why;

	/* libxml2 counts in int. */
	if (n > INT_MAX) {
		ldi_warn(p->r, 0,
			 "too large to read as an HTML page (over 2 GiB)");
		return LEDE_BAD_INPUT;
	}
	why = ldi_xml_init();
	if (why) {
		ldi_warn(p->r, 0, "%s", why);
		return LEDE_BAD_INPUT;
	}
	ctxt = htmlNewParserCtxt();
	if (!ctxt)
		return LEDE_NOMEM;
	/* IGNORE_ENC: the text is UTF-8 by now, whatever the page says. */
	p->doc = htmlCtxtReadMemory(ctxt, data, (int)n, NULL, "UTF-8",
				    HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
					    HTML_PARSE_NOWARNING |
					    HTML_PARSE_NONET |
					    HTML_PARSE_IGNORE_ENC |
					    HTML_PARSE_NODEFDTD);
	if (!p->doc && ctxt->lastError.code == XML_ERR_NO_MEMORY) {
		htmlFreeParserCtxt(ctxt);
		return LEDE_NOMEM;
	}
	htmlFreeParserCtxt(ctxt);
	if (!p->doc) {
		ldi_warn(p->r, 0, "no article text (not an HTML page)");
		return LEDE_BAD_INPUT;
	}
	return LEDE_OK;
}

/* Settles the page's charset, makes the bytes UTF-8 and parses them. A
 * byte order mark outranks a declaration; a declaration is read as
 * charset.c reads every label, and pages whose <meta> says UTF-16 are
 * read as UTF-8, as browsers read them. */
static lede_status_t decode_and_parse(page_t *p, const char *buf,
				      size_t len)
{
	const char *label;
	char declared[48], *utf8;
	size_t bom = ldi_charset_bom(buf, len, &label), n = len - bom;
	unsigned flags = LDI_CHARSET_NUL_SPACE;
	lede_status_t st;

	buf += bom;
	if (!label || !strcmp(label, "UTF-8")) {
		if (memchr(buf, '\0', n < SNIFF_BYTES ? n : SNIFF_BYTES)) {
			ldi_warn(p->r, 0, "binary data, not an HTML page");
			return LEDE_BAD_INPUT;
		}
	}
	if (!label && declared_charset(buf, n, declared, sizeof declared)) {
		label = declared;
		flags |= LDI_CHARSET_IN_BAND;
	}
	/* Decoded here, not by libxml2: it reports a bad byte on stderr
	 * and reads the rest of the page as Latin-1 from there. */
	utf8 = ldi_charset_decode_warn(p->r, "charset", label, buf, n, flags,
				       &n);
	if (!utf8)
		return LEDE_NOMEM;
	/* libxml2 copies its input: the converted text can go now. */
	st = parse_page(p, utf8, n);
	free(utf8);
	return st;
}

static void page_free(page_t *p)
{
	ldi_kept_free(&p->kept);
	ldi_strlist_free(&p->authors);
	ldi_strlist_free(&p->tags);
	ldi_strlist_free(&p->meta_authors);
	ldi_strlist_free(&p->meta_tags);
	json_decref(p->ld_doc);
	if (p->doc)
		xmlFreeDoc(p->doc);
}

lede_status_t ldi_read_html(const ldi_reader_t *r, const char *buf,
			    size_t len)
{
	page_t p;
	lede_status_t st;
	size_t i = 0;

	while (i < len && is_space(buf[i]))
		i++;
	if (i == len) {
		ldi_warn(r, 0, "no article text (empty input)");
		return LEDE_BAD_INPUT;
	}
	memset(&p, 0, sizeof p);
	p.r = r;
	st = decode_and_parse(&p, buf, len);
	if (st == LEDE_OK) {
		survey(&p);
		st = p.nomem ? LEDE_NOMEM : emit(&p, buf, len);
	}
	page_free(&p);
	return st;
}
