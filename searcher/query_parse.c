/* query_parse.c: the query language's recursive-descent parser.
 * SPDX-License-Identifier: MIT
 *
 * Why our own parser rather than Xapian's QueryParser: QueryParser splits
 * and lower-cases words its own way, so "CAFÉ", "U.K." or "£1.13bn" would
 * not reach the terms our analysis indexed; and it cannot say at which
 * column a query went wrong. Here every word goes through ldi_analyze.
 *
 * Each piece of the query is a node: the Xapian query and a readable form
 * of it (what --explain prints), built side by side so they cannot
 * disagree. The notation: a word is shown folded, with what it matches in
 * brackets, "~" marking a stem ("profits[profit~]": any word whose stem is
 * profit); a phrase in quotes; a field as "headline:"; operators in
 * capitals (AND, OR, NOT, AND_MAYBE for "+a b", FILTER, NEAR/n); "<all>"
 * for every article.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "analyze.h"
#include "db_internal.h"
#include "extract.h"
#include "language.h"
#include "query_parse.h"
#include "schema.h"

/* Deep nesting is bounded so a hostile "((((...." cannot exhaust the
 * stack. */
#define MAX_DEPTH 64
/* NEAR without /n, as in Xapian's own query parser. */
#define NEAR_DEFAULT 10

/* A part while parsing: where its clause is in the text. */
typedef struct part_rec {
	size_t id;
	size_t start, end;
	char *matches;
	const char *field;
	int used; /* 0: a stopword dropped beside other words */
} part_rec_t;

typedef struct parser {
	const char *text;
	size_t len;
	size_t at;
	int depth;
	const ldi_db_language_t *langs;
	size_t n_langs;
	lede_status_t status;
	char *errmsg;
	ldi_parsed_query_t *out;
	int have_now; /* now is read once, at the first date: field */
	int64_t now;
	/* Ranked clauses, numbered in the order they are parsed. */
	part_rec_t *parts;
	size_t n_parts, cap_parts;
	/* ldi_query_reweigh: only part `focus` weighs. */
	int reweigh;
	size_t focus;
} parser_t;

/* A piece of the query: the Xapian query and its readable form; both
 * NULL for "nothing" (a clause without words). */
typedef struct node {
	xc_query_t *q;
	char *d;
	int field;   /* a lifted filter's lede_field_t, else -1 */
	long part;   /* index in parser.parts of a ranked clause, else -1 */
} node_t;

static const node_t no_node = { NULL, NULL, -1, -1 };

/* A growable list of nodes the parser owns until it combines them. */
typedef struct nlist {
	node_t *v;
	size_t n, cap;
} nlist_t;

/* What parse_atom found, for the clause around it. */
typedef enum atom_kind {
	ATOM_WORDS,  /* a word, phrase or wildcard: ranked */
	ATOM_GROUP,  /* ( ... ) */
	ATOM_FILTER  /* a filter field's value */
} atom_kind_t;

typedef struct atom {
	atom_kind_t kind;
	const ldi_query_field_t *field; /* its field, NULL for none */
	int stop;			/* one unquoted stopword */
	size_t start, end;		/* its text */
} atom_t;

static void
node_free(node_t *n)
{
	xc_query_free(n->q);
	free(n->d);
	*n = no_node;
}

static void
nlist_free(nlist_t *l)
{
	for (size_t i = 0; i < l->n; i++)
		node_free(&l->v[i]);
	free(l->v);
	l->v = NULL;
	l->n = l->cap = 0;
}

static size_t
column(const parser_t *p, size_t at)
{
	size_t col = 1;
	for (size_t i = 0; i < at && i < p->len; i++)
		if (((unsigned char)p->text[i] & 0xC0) != 0x80)
			col++;
	return col;
}

static void
fail(parser_t *p, lede_status_t st, size_t at, const char *what)
{
	if (p->status != LEDE_OK)
		return;
	p->status = st;
	if (st == LEDE_BAD_QUERY)
		ldi_set_error(&p->errmsg, st, "%s at column %zu", what,
			      column(p, at));
	else
		ldi_set_error(&p->errmsg, st, "%s", what);
}

static void
fail_xc(parser_t *p, xc_status_t xs)
{
	fail(p, ldi_status_from_xc(xs), 0, xc_status_str(xs));
}

static void
fail_nomem(parser_t *p)
{
	fail(p, LEDE_NOMEM, 0, "out of memory");
}

/* A malloc'ed printf-style string; NULL (and p failed) when out of
 * memory. */
#ifdef __GNUC__
__attribute__((format(printf, 2, 3)))
#endif
static char *
str_printf(parser_t *p, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	char *s = n >= 0 ? malloc((size_t)n + 1) : NULL;
	if (!s) {
		fail_nomem(p);
		return NULL;
	}
	va_start(ap, fmt);
	vsnprintf(s, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return s;
}

/* A node of q and d (both taken); nothing, and p failed, if either is
 * missing: a query without its readable form is out of memory. */
static node_t
node_make(parser_t *p, xc_query_t *q, char *d)
{
	node_t n = no_node;
	if (!q || !d) {
		if (q && !d)
			fail_nomem(p);
		xc_query_free(q);
		free(d);
		return n;
	}
	n.q = q;
	n.d = d;
	return n;
}

/* Appends n (taken) to l; an empty node is dropped. -1 on failure. */
static int
nlist_push(parser_t *p, nlist_t *l, node_t n)
{
	if (!n.q) {
		node_free(&n);
		return 0;
	}
	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 8;
		node_t *nv = realloc(l->v, cap * sizeof *nv);
		if (!nv) {
			node_free(&n);
			fail_nomem(p);
			return -1;
		}
		l->v = nv;
		l->cap = cap;
	}
	l->v[l->n++] = n;
	return 0;
}

/* The readable forms of l joined: open, d0, sep, d1, ..., close. */
static char *
join_readable(parser_t *p, const nlist_t *l, const char *open,
	      const char *sep, const char *close)
{
	size_t len = strlen(open) + strlen(close) + 1;
	for (size_t i = 0; i < l->n; i++)
		len += strlen(l->v[i].d) + strlen(sep);
	char *s = malloc(len);
	if (!s) {
		fail_nomem(p);
		return NULL;
	}
	char *o = s;
	o += sprintf(o, "%s", open);
	for (size_t i = 0; i < l->n; i++)
		o += sprintf(o, "%s%s", i ? sep : "", l->v[i].d);
	sprintf(o, "%s", close);
	return s;
}

/* Combines and empties the list, shown as "(a SEP b)" (open and close
 * given); nothing when it was empty, its node when it held one. */
static node_t
nlist_combine_as(parser_t *p, nlist_t *l, xc_op_t op, uint32_t window,
		 const char *open, const char *sep, const char *close)
{
	node_t n = no_node;
	if (l->n == 1) {
		n = l->v[0];
		l->n = 0;
	} else if (l->n > 1 && p->status == LEDE_OK) {
		xc_query_t **subs = malloc(l->n * sizeof *subs);
		xc_query_t *q = NULL;
		if (!subs) {
			fail_nomem(p);
		} else {
			for (size_t i = 0; i < l->n; i++)
				subs[i] = l->v[i].q;
			xc_status_t xs = xc_query_combine(op, subs, l->n,
							  window, &q);
			free(subs);
			if (xs != XC_OK)
				fail_xc(p, xs);
			else
				n = node_make(p, q, join_readable(p, l, open,
								  sep, close));
		}
	}
	nlist_free(l);
	return n;
}

static node_t
nlist_combine(parser_t *p, nlist_t *l, xc_op_t op, const char *sep)
{
	return nlist_combine_as(p, l, op, 0, "(", sep, ")");
}

/* a SEP b, both taken; either may be nothing, then the other is it. */
static node_t
combine2(parser_t *p, xc_op_t op, node_t a, node_t b, const char *sep)
{
	nlist_t l = { 0 };
	nlist_push(p, &l, a);
	nlist_push(p, &l, b);
	return nlist_combine(p, &l, op, sep);
}

/* n with its weight scaled to 0, shown as it was. */
static node_t
scale0(parser_t *p, node_t n)
{
	if (!n.q)
		return n;
	xc_query_t *q = NULL;
	xc_status_t xs = xc_query_scale(n.q, 0, &q);
	xc_query_free(n.q);
	n.q = q;
	if (xs != XC_OK) {
		fail_xc(p, xs);
		node_free(&n);
	}
	return n;
}

static node_t
match_all(parser_t *p)
{
	xc_query_t *q = NULL;
	xc_status_t xs = xc_query_match_all(&q);
	if (xs != XC_OK) {
		fail_xc(p, xs);
		return no_node;
	}
	return node_make(p, q, str_printf(p, "<all>"));
}

static void
remember_word(parser_t *p, const char *w, size_t len, int wildcard)
{
	ldi_parsed_query_t *o = p->out;
	char **nw = realloc(o->words, (o->n_words + 1) * sizeof *nw);
	char *s = malloc(len + 2);
	if (!nw || !s) {
		free(s);
		if (nw)
			o->words = nw;
		fail_nomem(p);
		return;
	}
	o->words = nw;
	memcpy(s, w, len);
	if (wildcard)
		s[len++] = '*';
	s[len] = '\0';
	o->words[o->n_words++] = s;
}

/* The name a field is shown under, one per prefix ("title" and
 * "headline" are both "headline"); NULL for no field. */
static const char *
field_label(const ldi_query_field_t *field)
{
	static const struct {
		const char *prefix, *label;
	} labels[] = {
		{ LDI_PREFIX_HEADLINE, "headline" },
		{ LDI_PREFIX_AUTHOR, "author" },
		{ LDI_PREFIX_QUOTE, "quote" },
		{ LDI_PREFIX_SOURCE, "source" },
		{ LDI_PREFIX_SECTION, "section" },
		{ LDI_PREFIX_LANGUAGE, "lang" },
		{ LDI_PREFIX_URL, "url" },
		{ LDI_PREFIX_ID, "id" },
		{ LDI_PREFIX_TAG, "tag" },
		{ LDI_PREFIX_PLACE, "place" },
		{ LDI_PREFIX_ORG, "org" },
		{ LDI_PREFIX_PERSON, "person" },
		{ LDI_PREFIX_DAY, "date" },
	};
	if (!field)
		return NULL;
	for (size_t i = 0; i < sizeof labels / sizeof *labels; i++)
		if (!strcmp(field->prefix, labels[i].prefix))
			return labels[i].label;
	return field->name;
}

/* The field of a filter the query may lift out of its facet
 * (ldi_query_filter_t), or -1. */
static int
lift_field(const ldi_query_field_t *field)
{
	static const struct {
		const char *prefix;
		lede_field_t field;
	} liftable[] = {
		{ LDI_PREFIX_SOURCE, LEDE_FIELD_SOURCE },
		{ LDI_PREFIX_SECTION, LEDE_FIELD_SECTION },
		{ LDI_PREFIX_LANGUAGE, LEDE_FIELD_LANGUAGE },
		{ LDI_PREFIX_TAG, LEDE_FIELD_TAG },
		{ LDI_PREFIX_PLACE, LEDE_FIELD_PLACE },
		{ LDI_PREFIX_ORG, LEDE_FIELD_ORG },
		{ LDI_PREFIX_PERSON, LEDE_FIELD_PERSON },
	};
	for (size_t i = 0; i < sizeof liftable / sizeof *liftable; i++)
		if (!strcmp(field->prefix, liftable[i].prefix))
			return (int)liftable[i].field;
	return -1;
}

/* ---- Words and phrases ------------------------------------------------- */

typedef struct word_builder {
	parser_t *p;
	const ldi_query_field_t *field; /* NULL: headline and body */
	int exact;			/* quoted: exact forms, no stems */
	int remember;			/* not under "-" or NOT */
	nlist_t primary;		/* words, parts, URLs...: a phrase */
	nlist_t ngrams;			/* CJK pairs */
	node_t whole;			/* a compound as one term */
	size_t compounds;
	ldi_token_kind_t first_kind;
	char first[16 + LDI_MAX_URL_BYTES]; /* the first word, folded */
	size_t first_len;
} word_builder_t;

static void
word_builder_free(word_builder_t *wb)
{
	nlist_free(&wb->primary);
	nlist_free(&wb->ngrams);
	node_free(&wb->whole);
}

/* prefix + word as a term query at pos; NULL (and p failed) on error or
 * when the term is too long to be in the index. */
static xc_query_t *
term_query(parser_t *p, const char *prefix, const char *word, size_t len,
	   uint32_t pos)
{
	char term[32 + LDI_MAX_URL_BYTES * 2];
	size_t plen = strlen(prefix);
	if (plen + len > sizeof term)
		return NULL;
	memcpy(term, prefix, plen);
	memcpy(term + plen, word, len);
	xc_query_t *q = NULL;
	xc_status_t xs = xc_query_term(term, plen + len, 1, pos, &q);
	if (xs != XC_OK) {
		fail_xc(p, xs);
		return NULL;
	}
	return q;
}

/* A term node shown as the word alone: the field is shown around the
 * phrase or group it is in. A term too long to be in the index matches
 * nothing. */
static node_t
term_node(parser_t *p, const char *prefix, const char *word, size_t len,
	  uint32_t pos)
{
	xc_query_t *q = term_query(p, prefix, word, len, pos);
	if (p->status != LEDE_OK)
		return no_node;
	if (!q) {
		xc_status_t xs = xc_query_match_nothing(&q);
		if (xs != XC_OK) {
			fail_xc(p, xs);
			return no_node;
		}
	}
	return node_make(p, q, str_printf(p, "%.*s", (int)len, word));
}

static int
add_word_term(void *ctx, const ldi_token_t *tok)
{
	word_builder_t *wb = ctx;
	parser_t *p = wb->p;
	const char *prefix = wb->field ? wb->field->prefix : "";
	if (tok->kind == LDI_TOKEN_ALT)
		return 0; /* "#brexit" asks for the hashtag, not the word */
	if (tok->kind == LDI_TOKEN_COMPOUND) {
		if (wb->compounds++ == 0)
			wb->whole = term_node(p, prefix, tok->term, tok->len,
					      1);
		return p->status != LEDE_OK;
	}
	if (tok->kind == LDI_TOKEN_NGRAM) {
		node_t n = term_node(p, prefix, tok->term, tok->len,
				     (uint32_t)wb->ngrams.n + 1);
		return p->status != LEDE_OK || nlist_push(p, &wb->ngrams, n);
	}
	if (wb->primary.n == 0 && tok->len <= sizeof wb->first) {
		memcpy(wb->first, tok->term, tok->len);
		wb->first_len = tok->len;
		wb->first_kind = tok->kind;
	}
	if (wb->remember)
		remember_word(p, tok->term, tok->len, 0);
	/* A quoted word with accents asks for them: its exact form. */
	int use_exact = wb->exact && !wb->field && tok->exact != tok->term;
	node_t n = use_exact ? term_node(p, LDI_PREFIX_EXACT, tok->exact,
					 tok->exact_len,
					 (uint32_t)wb->primary.n + 1)
			     : term_node(p, prefix, tok->term, tok->len,
					 (uint32_t)wb->primary.n + 1);
	return p->status != LEDE_OK || nlist_push(p, &wb->primary, n);
}

/* A lone word: each stem the index's languages make of it, and the word
 * itself where some articles were indexed unstemmed. Shown as
 * "word[stem~ ...]", or as the word alone when it matches only itself. */
static node_t
stemmed_word(parser_t *p, const word_builder_t *wb)
{
	const char *prefix = wb->field ? wb->field->prefix : "";
	char zprefix[16];
	snprintf(zprefix, sizeof zprefix, "%s%s", LDI_PREFIX_STEM, prefix);
	nlist_t alts = { 0 };
	char seen[LDI_MAX_LANGUAGES][LDI_MAX_TERM_BYTES + 1];
	size_t n_seen = 0;
	int unstemmed = p->n_langs == 0;
	for (size_t i = 0; i < p->n_langs && p->status == LEDE_OK; i++) {
		if (!p->langs[i].stemmer) {
			unstemmed = 1;
			continue;
		}
		const char *stem;
		size_t slen;
		xc_status_t xs = xc_stemmer_stem(p->langs[i].stemmer,
						 wb->first, wb->first_len,
						 &stem, &slen);
		if (xs != XC_OK) {
			fail_xc(p, xs);
			break;
		}
		if (slen == 0 || slen > LDI_MAX_TERM_BYTES)
			continue;
		size_t k = 0;
		while (k < n_seen && strcmp(seen[k], stem) != 0)
			k++;
		if (k < n_seen)
			continue;
		memcpy(seen[n_seen], stem, slen);
		seen[n_seen++][slen] = '\0';
		xc_query_t *q = term_query(p, zprefix, stem, slen, 1);
		if (q)
			nlist_push(p, &alts,
				   node_make(p, q,
					     str_printf(p, "%.*s~", (int)slen,
							stem)));
	}
	if (unstemmed && p->status == LEDE_OK) {
		xc_query_t *q = term_query(p, prefix, wb->first, wb->first_len,
					   1);
		if (q)
			nlist_push(p, &alts,
				   node_make(p, q,
					     str_printf(p, "%.*s",
							(int)wb->first_len,
							wb->first)));
	}
	if (p->status != LEDE_OK || alts.n == 0) {
		nlist_free(&alts);
		return no_node;
	}
	int only_itself = alts.n == 1 && unstemmed;
	char *open = str_printf(p, "%.*s%s", (int)wb->first_len, wb->first,
				only_itself ? "" : "[");
	char *d = !open ? NULL
		  : only_itself ? open
				: join_readable(p, &alts, open, " ", "]");
	if (d != open)
		free(open);
	node_t n = nlist_combine(p, &alts, XC_OP_SYNONYM, " ");
	if (n.q && d) {
		free(n.d);
		n.d = d;
	} else {
		free(d);
		node_free(&n);
	}
	return n;
}

/* 1 if the lone folded word is a stopword in any language the index
 * holds (English when it holds none yet). */
static int
is_stopword(const parser_t *p, const char *w, size_t len)
{
	if (p->n_langs == 0)
		return ldi_is_stopword("en", w, len);
	for (size_t i = 0; i < p->n_langs; i++)
		if (ldi_is_stopword(p->langs[i].code, w, len))
			return 1;
	return 0;
}

/* n shown with its field in front ("headline:..."), when it has one. */
static node_t
with_field(parser_t *p, const ldi_query_field_t *field, node_t n)
{
	const char *label = field_label(field);
	if (!label || !n.q)
		return n;
	char *d = str_printf(p, "%s:%s", label, n.d);
	if (!d) {
		node_free(&n);
		return n;
	}
	free(n.d);
	n.d = d;
	return n;
}

/* Free text. One word is its stems (or itself when quoted or a name); a
 * run of CJK characters is the phrase of its pairs; a hyphenated compound
 * is the compound or the phrase of its parts; anything else is the phrase
 * of its words. Nothing when the text has no words. *stop is set when the
 * text is one unquoted stopword. */
static node_t
text_query(parser_t *p, const ldi_query_field_t *field, const char *s,
	   size_t len, int exact, int remember, int *stop)
{
	word_builder_t wb = { p, field, exact, remember, { 0 }, { 0 },
			      no_node, 0, LDI_TOKEN_WORD, "", 0 };
	*stop = 0;
	int rc = ldi_analyze(s, len, add_word_term, &wb);
	if (rc < 0)
		fail_nomem(p);
	if (p->status != LEDE_OK) {
		word_builder_free(&wb);
		return no_node;
	}
	node_t n;
	int stem = !exact && (!field || field->kind == LDI_FIELD_TEXT);
	if (wb.ngrams.n > 0 && wb.ngrams.n + 1 == wb.primary.n) {
		n = nlist_combine_as(p, &wb.ngrams, XC_OP_PHRASE, 0, "\"", " ",
				     "\"");
	} else if (wb.primary.n == 1 && stem &&
		   wb.first_kind == LDI_TOKEN_WORD) {
		/* A stopword has no stem in the index (it would make every
		 * query match it), only itself. */
		*stop = !field && is_stopword(p, wb.first, wb.first_len);
		if (*stop)
			n = term_node(p, "", wb.first, wb.first_len, 1);
		else
			n = stemmed_word(p, &wb);
	} else if (wb.compounds == 1 && wb.whole.q && !exact) {
		node_t parts = nlist_combine_as(p, &wb.primary, XC_OP_PHRASE,
						0, "\"", " ", "\"");
		n = combine2(p, XC_OP_OR, wb.whole, parts, " OR ");
		wb.whole = no_node;
	} else {
		n = nlist_combine_as(p, &wb.primary, XC_OP_PHRASE, 0, "\"", " ",
				     "\"");
	}
	word_builder_free(&wb);
	return with_field(p, field, n);
}

/* A value shown after its field: quoted when it holds a space or a
 * parenthesis. */
static char *
filter_readable(parser_t *p, const ldi_query_field_t *field, const char *v,
		size_t len)
{
	int quote = 0;
	for (size_t i = 0; i < len; i++)
		if (v[i] == ' ' || v[i] == '(' || v[i] == ')')
			quote = 1;
	return str_printf(p, quote ? "%s:\"%.*s\"" : "%s:%.*s",
			  field_label(field), (int)len, v);
}

/* A filter field's value: one term of the folded (or, for ids and URLs,
 * untouched) whole value. */
static node_t
filter_query(parser_t *p, const ldi_query_field_t *field, const char *s,
	     size_t len)
{
	char *folded = NULL;
	size_t flen = len;
	if (field->kind == LDI_FIELD_PLACE) {
		/* Places are indexed by one name each: place:UK means
		 * what was indexed as "United Kingdom". */
		const char *canonical = ldi_place_canonical(s, len);
		if (canonical) {
			s = canonical;
			len = flen = strlen(canonical);
		}
	}
	if (field->kind == LDI_FIELD_BOOLEAN ||
	    field->kind == LDI_FIELD_PLACE) {
		if (ldi_fold(s, len, &folded, &flen) != 0) {
			fail_nomem(p);
			return no_node;
		}
		s = folded;
	}
	size_t plen = strlen(field->prefix);
	char *term = malloc(plen + flen + LDI_ID_TERM_SIZE);
	xc_query_t *q = NULL;
	if (!term) {
		free(folded);
		fail_nomem(p);
		return no_node;
	}
	size_t tlen;
	if (!strcmp(field->prefix, LDI_PREFIX_ID)) {
		/* Long ids are stored shortened: build the same term. */
		tlen = ldi_id_term(s, flen, term);
	} else {
		memcpy(term, field->prefix, plen);
		memcpy(term + plen, s, flen);
		tlen = plen + flen;
	}
	/* Position 0: a filter term has no place in a phrase. */
	xc_status_t xs = xc_query_term(term, tlen, 1, 0, &q);
	free(term);
	node_t n = no_node;
	if (xs != XC_OK)
		fail_xc(p, xs);
	else
		n = node_make(p, q, filter_readable(p, field, s, flen));
	free(folded);
	return n;
}

/* "Now" for relative dates (date:yesterday, date:7d..): the clock's,
 * unless the environment variable LEDE_NOW gives it as seconds since 1970
 * ("1711886400") or as a date lede_date_parse reads ("2024-03-31T12:00Z"),
 * so tests and scripts get the same answer on any day. 0 when set; a
 * LEDE_NOW that is neither fails the query, since silently using the
 * clock would make a test pass or fail by the calendar. */
static int
query_now(parser_t *p)
{
	if (p->have_now)
		return 0;
	const char *env = getenv("LEDE_NOW");
	if (!env || !*env) {
		p->now = (int64_t)time(NULL);
		p->have_now = 1;
		return 0;
	}
	size_t i = env[0] == '-' ? 1 : 0, digits = 0;
	int64_t v = 0;
	while (env[i] >= '0' && env[i] <= '9' && digits < 18) {
		v = v * 10 + (env[i++] - '0');
		digits++;
	}
	if (digits > 0 && env[i] == '\0') {
		p->now = env[0] == '-' ? -v : v;
	} else if (lede_date_parse(env, strlen(env), &p->now) != LEDE_OK) {
		p->status = LEDE_BAD_QUERY;
		ldi_set_error(&p->errmsg, LEDE_BAD_QUERY,
			      "cannot read LEDE_NOW '%s': give seconds since "
			      "1970 or a date",
			      env);
		return -1;
	}
	p->have_now = 1;
	return 0;
}

/* A date as shown: the day alone when the time is the day's first second
 * (or, for the end of a range, its last), else the whole ISO form. */
static void
date_readable(int64_t t, int end, char buf[LEDE_DATE_BUFSIZE])
{
	lede_date_format(t, buf);
	size_t n = strlen(buf);
	const char *cut = end ? "T23:59:59Z" : "T00:00:00Z";
	if (n > 10 && !strcmp(buf + n - 10, cut))
		buf[n - 10] = '\0';
}

void
ldi_date_range_readable(int64_t from, int64_t to,
			char buf[LDI_DATE_RANGE_BUFSIZE])
{
	char a[LEDE_DATE_BUFSIZE] = "", b[LEDE_DATE_BUFSIZE] = "";
	if (from != LEDE_NO_DATE)
		date_readable(from, 0, a);
	if (to != LEDE_NO_DATE)
		date_readable(to, 1, b);
	/* One whole day is that day. */
	if (*a && strlen(a) == 10 && !strcmp(a, b))
		snprintf(buf, LDI_DATE_RANGE_BUFSIZE, "date:%s", a);
	else
		snprintf(buf, LDI_DATE_RANGE_BUFSIZE, "date:%s..%s", a, b);
}

/* How much of s[0..len) an error message quotes: at most QUOTE_MAX bytes,
 * cut between characters so that the message stays UTF-8. */
#define QUOTE_MAX 40
static size_t
quoted_len(const char *s, size_t len)
{
	if (len <= QUOTE_MAX)
		return len;
	size_t show = QUOTE_MAX;
	while (show > 0 && ((unsigned char)s[show] & 0xC0) == 0x80)
		show--;
	return show;
}

/* A date: value (s, len bytes, at column of `at`): a value range on the
 * date slot, open where the range is. Like other filters it weighs
 * nothing, and articles without a date never match it. */
static node_t
date_query(parser_t *p, const char *s, size_t len, size_t at)
{
	int64_t from, to;
	if (query_now(p) != 0)
		return no_node;
	if (lede_date_range_parse(s, len, p->now, &from, &to) != LEDE_OK) {
		size_t show = quoted_len(s, len);
		char what[96];
		snprintf(what, sizeof what, "cannot read date '%.*s%s'",
			 (int)show, s, show < len ? "..." : "");
		fail(p, LEDE_BAD_QUERY, at, what);
		return no_node;
	}
	char lo[XC_SORTABLE_MAX], hi[XC_SORTABLE_MAX];
	size_t lolen = 0, hilen = 0;
	if (from != LEDE_NO_DATE)
		lolen = xc_sortable_serialise((double)from, lo);
	if (to != LEDE_NO_DATE)
		hilen = xc_sortable_serialise((double)to, hi);
	xc_query_t *q = NULL;
	xc_status_t xs = xc_query_value_range(
		LDI_SLOT_DATE, from != LEDE_NO_DATE ? lo : NULL, lolen,
		to != LEDE_NO_DATE ? hi : NULL, hilen, &q);
	if (xs != XC_OK) {
		fail_xc(p, xs);
		return no_node;
	}
	char shown[LDI_DATE_RANGE_BUFSIZE];
	ldi_date_range_readable(from, to, shown);
	return node_make(p, q, str_printf(p, "%s", shown));
}

static node_t
wildcard_query(parser_t *p, const ldi_query_field_t *field, const char *s,
	       size_t len, size_t at, int remember)
{
	char *folded = NULL;
	size_t flen;
	if (ldi_fold(s, len, &folded, &flen) != 0) {
		fail_nomem(p);
		return no_node;
	}
	/* The stem of a wildcard must be one plain word, as the index has
	 * it: "polic*" is, "U.S.*" is not, and neither is a lone accent,
	 * which folds to nothing and would match every word. */
	int plain = flen > 0;
	for (size_t i = 0; i < flen; i++) {
		unsigned char c = (unsigned char)folded[i];
		if (c < 0x80 && !(c >= 'a' && c <= 'z') &&
		    !(c >= '0' && c <= '9'))
			plain = 0;
	}
	if (!plain) {
		free(folded);
		fail(p, LEDE_BAD_QUERY, at,
		     "a wildcard must follow one plain word");
		return no_node;
	}
	const char *prefix = field ? field->prefix : "";
	size_t plen = strlen(prefix);
	char *pat = malloc(plen + flen + 1);
	xc_query_t *q = NULL;
	xc_status_t xs = XC_NOMEM;
	if (pat) {
		memcpy(pat, prefix, plen);
		memcpy(pat + plen, folded, flen);
		xs = xc_query_wildcard(pat, plen + flen, 0, &q);
	}
	if (xs == XC_OK && remember)
		remember_word(p, folded, flen, 1);
	free(pat);
	node_t n = no_node;
	if (xs != XC_OK)
		fail_xc(p, xs);
	else
		n = with_field(p, field,
			       node_make(p, q,
					 str_printf(p, "%.*s*", (int)flen,
						    folded)));
	free(folded);
	return n;
}

/* ---- The grammar ------------------------------------------------------- */

static int
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
	       c == '\v';
}

static void
skip_space(parser_t *p)
{
	while (p->at < p->len && is_space(p->text[p->at]))
		p->at++;
}

/* Length of the bare word at p->at: up to a space, a parenthesis or a
 * quote. */
static size_t
word_len(const parser_t *p, size_t at)
{
	size_t i = at;
	while (i < p->len && !is_space(p->text[i]) && p->text[i] != '(' &&
	       p->text[i] != ')' && p->text[i] != '"')
		i++;
	return i - at;
}

/* 1 if the operator keyword op stands alone at `at`. */
static int
keyword_at(const parser_t *p, size_t at, const char *op)
{
	size_t n = strlen(op);
	return word_len(p, at) == n && !memcmp(p->text + at, op, n);
}

static int
at_keyword(const parser_t *p, const char *op)
{
	return keyword_at(p, p->at, op);
}

/* 1 if "NEAR" or "NEAR/..." stands at `at`. */
static int
near_at(const parser_t *p, size_t at)
{
	size_t n = word_len(p, at);
	return n >= 4 && !memcmp(p->text + at, "NEAR", 4) &&
	       (n == 4 || p->text[at + 4] == '/');
}

/* Fails with "'KEYWORD' why" for the keyword at `at`. */
static void
fail_keyword(parser_t *p, size_t at, const char *why)
{
	size_t n = word_len(p, at);
	char what[128];
	snprintf(what, sizeof what, "'%.*s' %s",
		 (int)quoted_len(p->text + at, n), p->text + at, why);
	fail(p, LEDE_BAD_QUERY, at, what);
}

static node_t parse_or(parser_t *p, int remember, nlist_t *pending);

/* A quoted phrase starting at the quote; advances past the closing one. */
static node_t
parse_phrase(parser_t *p, const ldi_query_field_t *field, int remember)
{
	size_t open = p->at++;
	const char *close = memchr(p->text + p->at, '"', p->len - p->at);
	if (!close) {
		fail(p, LEDE_BAD_QUERY, open,
		     "'\"' is never closed: unterminated phrase");
		return no_node;
	}
	const char *s = p->text + p->at;
	size_t len = (size_t)(close - s);
	p->at += len + 1;
	if (field && field->kind == LDI_FIELD_DATE)
		return date_query(p, s, len, open);
	if (field && field->kind != LDI_FIELD_TEXT &&
	    field->kind != LDI_FIELD_NAME)
		return filter_query(p, field, s, len);
	int stop;
	return text_query(p, field, s, len, 1, remember, &stop);
}

static int
is_filter_field(const ldi_query_field_t *field)
{
	return field->kind == LDI_FIELD_BOOLEAN ||
	       field->kind == LDI_FIELD_EXACT ||
	       field->kind == LDI_FIELD_PLACE || field->kind == LDI_FIELD_DATE;
}

static node_t
parse_atom(parser_t *p, int remember, atom_t *a)
{
	a->kind = ATOM_WORDS;
	a->field = NULL;
	a->stop = 0;
	size_t start = a->start = p->at;
	char c = p->text[p->at];
	if (c == '(') {
		a->kind = ATOM_GROUP;
		if (++p->depth > MAX_DEPTH) {
			fail(p, LEDE_BAD_QUERY, start,
			     "too many nested parentheses");
			return no_node;
		}
		p->at++;
		skip_space(p);
		if (p->at < p->len && p->text[p->at] == ')') {
			p->depth--;
			fail(p, LEDE_BAD_QUERY, start,
			     "nothing to search for inside '( )'");
			return no_node;
		}
		node_t n = parse_or(p, remember, NULL);
		p->depth--;
		if (p->status != LEDE_OK)
			return n;
		skip_space(p);
		if (p->at >= p->len || p->text[p->at] != ')') {
			node_free(&n);
			fail(p, LEDE_BAD_QUERY, start, "'(' is never closed");
			return no_node;
		}
		p->at++;
		if (!n.q)
			fail(p, LEDE_BAD_QUERY, start,
			     "nothing to search for inside '( )'");
		return n;
	}
	if (c == '"')
		return parse_phrase(p, NULL, remember);

	size_t n = word_len(p, start);
	const char *w = p->text + start;
	const char *colon = memchr(w, ':', n);
	const ldi_query_field_t *field =
		colon ? ldi_query_field(w, (size_t)(colon - w)) : NULL;
	a->field = field;
	if (field) {
		size_t vat = (size_t)(colon - p->text) + 1;
		int is_filter = is_filter_field(field);
		if (is_filter)
			a->kind = ATOM_FILTER;
		if (vat < p->len && p->text[vat] == '"') {
			p->at = vat;
			return parse_phrase(p, field, remember);
		}
		size_t vlen = start + n - vat;
		if (vlen == 0 && vat < p->len && p->text[vat] == '(') {
			fail(p, LEDE_BAD_QUERY, start,
			     "a field takes a word or a \"phrase\", not a "
			     "group: write title:a title:b");
			return no_node;
		}
		if (vlen == 0) {
			fail(p, LEDE_BAD_QUERY, start,
			     "field name with nothing after ':'");
			return no_node;
		}
		p->at = vat + vlen;
		if (field->kind == LDI_FIELD_DATE)
			return date_query(p, p->text + vat, vlen, vat);
		if (is_filter)
			return filter_query(p, field, p->text + vat, vlen);
		w = p->text + vat;
		n = vlen;
	} else {
		p->at = start + n;
	}
	if (n > 1 && w[n - 1] == '*')
		return wildcard_query(p, field, w, n - 1, start, remember);
	return text_query(p, field, w, n, 0, remember, &a->stop);
}

/* ---- NEAR -------------------------------------------------------------- */

typedef struct one_word {
	size_t words;
	char term[16 + LDI_MAX_URL_BYTES];
	size_t len;
} one_word_t;

static int
count_word(void *ctx, const ldi_token_t *tok)
{
	one_word_t *ow = ctx;
	/* A compound's parts, a hashtag's bare word and CJK pairs are
	 * other forms of words counted already, or to come. */
	if (tok->kind == LDI_TOKEN_COMPOUND || tok->kind == LDI_TOKEN_ALT ||
	    tok->kind == LDI_TOKEN_NGRAM)
		return 0;
	if (ow->words++ == 0 && tok->len <= sizeof ow->term) {
		memcpy(ow->term, tok->term, tok->len);
		ow->len = tok->len;
	}
	return 0;
}

/* The operand of NEAR at `at`: one word, as written (positions are kept
 * for words, not for their stems), in a ranked field or none. Sets
 * *field and *end (where it ends). Fails, saying why, on anything else. */
static node_t
near_operand(parser_t *p, size_t at, int remember,
	     const ldi_query_field_t **field, size_t *end)
{
	char c = p->text[at];
	const char *why = NULL;
	size_t n = word_len(p, at);
	*field = NULL;
	if (c == '(')
		why = "NEAR joins words, not groups";
	else if (c == '"')
		why = "NEAR joins words, not \"phrases\"";
	else if ((c == '+' || c == '-') && n > 1)
		why = "NEAR joins plain words: put + or - before the first "
		      "one";
	if (why) {
		fail(p, LEDE_BAD_QUERY, at, why);
		return no_node;
	}
	const char *w = p->text + at;
	size_t wlen = n;
	const char *colon = memchr(w, ':', n);
	const ldi_query_field_t *f =
		colon ? ldi_query_field(w, (size_t)(colon - w)) : NULL;
	if (f) {
		w = colon + 1;
		wlen = n - (size_t)(w - (p->text + at));
		if (is_filter_field(f))
			why = "NEAR joins words, not filters";
		else if (wlen == 0 && at + n < p->len &&
			 p->text[at + n] == '"')
			why = "NEAR joins words, not \"phrases\"";
		else if (wlen == 0)
			why = "field name with nothing after ':'";
	}
	if (!why && wlen > 1 && w[wlen - 1] == '*')
		why = "NEAR joins words, not wildcards";
	if (why) {
		fail(p, LEDE_BAD_QUERY, at, why);
		return no_node;
	}
	one_word_t ow = { 0, "", 0 };
	if (ldi_analyze(w, wlen, count_word, &ow) < 0) {
		fail_nomem(p);
		return no_node;
	}
	if (ow.words != 1) {
		char what[128];
		snprintf(what, sizeof what,
			 ow.words ? "NEAR joins single words: '%.*s' is more "
				    "than one"
				  : "'%.*s' has no word for NEAR",
			 (int)quoted_len(w, wlen), w);
		fail(p, LEDE_BAD_QUERY, at, what);
		return no_node;
	}
	if (remember)
		remember_word(p, ow.term, ow.len, 0);
	*field = f;
	*end = at + n;
	return term_node(p, f ? f->prefix : "", ow.term, ow.len, 1);
}

/* The distance of the NEAR keyword at `at`, or 0 (and p failed). */
static unsigned
near_distance(parser_t *p, size_t at)
{
	size_t n = word_len(p, at);
	if (n == 4)
		return NEAR_DEFAULT;
	unsigned v = 0;
	size_t i = 5;
	while (i < n && p->text[at + i] >= '0' && p->text[at + i] <= '9' &&
	       v <= LDI_NEAR_MAX)
		v = v * 10 + (unsigned)(p->text[at + i++] - '0');
	if (i == 5 || i < n || v == 0 || v > LDI_NEAR_MAX) {
		char what[64];
		snprintf(what, sizeof what,
			 "wants the number of words that may come between, "
			 "from 1 to %d",
			 LDI_NEAR_MAX);
		fail_keyword(p, at, what);
		return 0;
	}
	return v;
}

/* "a NEAR/n b ...": the atom just parsed (first, freed here) and what
 * follows, as OP_NEAR over the words' own terms; a stretch of at most n
 * other words holds them all (with several NEARs, the largest n). */
static node_t
parse_near(parser_t *p, node_t first, atom_t *a, int remember)
{
	node_free(&first);
	nlist_t ops = { 0 };
	const ldi_query_field_t *field, *f;
	size_t end = a->start;
	unsigned most = 0;
	/* The first word was remembered for snippets by parse_atom. */
	nlist_push(p, &ops, near_operand(p, a->start, 0, &field, &end));
	while (p->status == LEDE_OK && near_at(p, p->at)) {
		size_t kw = p->at;
		unsigned d = near_distance(p, kw);
		if (!d)
			break;
		if (d > most)
			most = d;
		p->at += word_len(p, kw);
		skip_space(p);
		if (p->at >= p->len || p->text[p->at] == ')' ||
		    at_keyword(p, "AND") || at_keyword(p, "OR") ||
		    at_keyword(p, "NOT") || near_at(p, p->at)) {
			fail_keyword(p, kw, "needs a word after it");
			break;
		}
		size_t op_at = p->at;
		node_t o = near_operand(p, op_at, remember, &f, &end);
		if (p->status == LEDE_OK && f != field &&
		    (!f || !field || strcmp(f->prefix, field->prefix))) {
			node_free(&o);
			fail(p, LEDE_BAD_QUERY, op_at,
			     "NEAR joins words of one field");
		}
		nlist_push(p, &ops, o);
		p->at = end;
		skip_space(p);
	}
	if (p->status != LEDE_OK) {
		nlist_free(&ops);
		return no_node;
	}
	char sep[32];
	snprintf(sep, sizeof sep, " NEAR/%u ", most);
	uint32_t window = most + (uint32_t)ops.n;
	node_t n = nlist_combine_as(p, &ops, XC_OP_NEAR, window, "(", sep, ")");
	a->kind = ATOM_WORDS;
	a->stop = 0;
	a->field = field;
	a->end = end;
	return with_field(p, field, n);
}

/* ---- Runs of clauses --------------------------------------------------- */

/* Records n as a ranked part of the query (text a->start..a->end); when
 * reweighing, scales it to 0 unless it is the part in focus. */
static node_t
new_part(parser_t *p, node_t n, const atom_t *a)
{
	size_t id = p->n_parts;
	if (p->n_parts == p->cap_parts) {
		size_t cap = p->cap_parts ? 2 * p->cap_parts : 8;
		part_rec_t *np = realloc(p->parts, cap * sizeof *np);
		if (!np) {
			node_free(&n);
			fail_nomem(p);
			return n;
		}
		p->parts = np;
		p->cap_parts = cap;
	}
	part_rec_t *r = &p->parts[p->n_parts];
	r->id = id;
	r->start = a->start;
	r->end = a->end;
	r->matches = NULL;
	r->field = a->field ? field_label(a->field) : "text";
	r->used = 1;
	if (!p->reweigh) {
		r->matches = str_printf(p, "%s", n.d);
		if (!r->matches) {
			node_free(&n);
			return n;
		}
	}
	p->n_parts++;
	n.part = (long)id;
	if (p->reweigh && id != p->focus)
		n = scale0(p, n);
	return n;
}

/* Filters on one field are alternatives (section:a section:b), filters on
 * different fields all apply (section:a source:b). Each field's group goes
 * to `pending` when it may be lifted (pending not NULL, a field with a
 * facet), else into the AND returned. */
static node_t
combine_filters(parser_t *p, nlist_t *filters,
		const ldi_query_field_t **fields, nlist_t *pending)
{
	nlist_t groups = { 0 };
	for (size_t i = 0; i < filters->n && p->status == LEDE_OK; i++) {
		if (!filters->v[i].q)
			continue;
		nlist_t same = { 0 };
		for (size_t j = i; j < filters->n; j++) {
			if (filters->v[j].q &&
			    !strcmp(fields[j]->prefix, fields[i]->prefix)) {
				node_t fq = filters->v[j];
				filters->v[j] = no_node;
				if (nlist_push(p, &same, fq))
					break;
			}
		}
		node_t g = nlist_combine(p, &same, XC_OP_OR, " OR ");
		int lf = pending ? lift_field(fields[i]) : -1;
		g.field = lf;
		if (nlist_push(p, lf >= 0 ? pending : &groups, g))
			break;
	}
	nlist_free(filters);
	return nlist_combine(p, &groups, XC_OP_AND, " AND ");
}

static int
at_clause_end(const parser_t *p)
{
	return p->at >= p->len || p->text[p->at] == ')' ||
	       at_keyword(p, "AND") || at_keyword(p, "OR") ||
	       at_keyword(p, "NOT");
}

/* A run of clauses: + must match, - must not, the rest rank. Filters
 * that may be lifted go to `pending` when it is not NULL. */
static node_t
parse_seq(parser_t *p, int remember, nlist_t *pending)
{
	nlist_t plain = { 0 }, must = { 0 }, mustnot = { 0 }, filters = { 0 };
	nlist_t stops = { 0 }; /* plain stopwords: used only if alone */
	const ldi_query_field_t **filter_fields = NULL;
	size_t seq_start = p->at;
	int clauses = 0;
	for (;;) {
		skip_space(p);
		if (at_clause_end(p))
			break;
		if (near_at(p, p->at)) {
			fail_keyword(p, p->at, "needs a word before it");
			break;
		}
		char mod = p->text[p->at];
		size_t at = p->at;
		if ((mod == '+' || mod == '-') && p->at + 1 < p->len &&
		    !is_space(p->text[p->at + 1]))
			p->at++;
		else
			mod = 0;
		int weighs = remember && mod != '-';
		atom_t a;
		node_t n = parse_atom(p, weighs, &a);
		a.end = p->at;
		if (p->status == LEDE_OK) {
			size_t after = p->at;
			skip_space(p);
			if (near_at(p, p->at))
				n = parse_near(p, n, &a, weighs);
			else
				p->at = after;
		}
		if (p->status != LEDE_OK) {
			node_free(&n);
			break;
		}
		if (p->at == at) /* nothing consumed: a stray character */
			p->at++;
		clauses++;
		if (!n.q) {
			node_free(&n);
			continue; /* no words in it, e.g. a lone dash */
		}
		if (mod == '-') {
			nlist_push(p, &mustnot, n);
		} else if (a.kind == ATOM_FILTER) {
			const ldi_query_field_t **nf = realloc(
				filter_fields,
				(filters.n + 1) * sizeof *filter_fields);
			if (!nf) {
				node_free(&n);
				fail_nomem(p);
				break;
			}
			filter_fields = nf;
			filter_fields[filters.n] = a.field;
			nlist_push(p, &filters, n);
		} else {
			if (weighs && a.kind == ATOM_WORDS)
				n = new_part(p, n, &a);
			nlist_push(p, a.stop && !mod ? &stops
				      : mod == '+'   ? &must
						     : &plain,
				   n);
		}
		if (p->status != LEDE_OK)
			break;
	}
	node_t result = no_node;
	if (p->status == LEDE_OK && clauses == 0)
		fail(p, LEDE_BAD_QUERY, seq_start,
		     p->at < p->len ? "expected a word"
				    : "expected a word, found the end");
	if (p->status == LEDE_OK) {
		/* Stopwords rank nothing beside other words ("the bank" is
		 * "bank"), but a query of stopwords alone means them. */
		if (plain.n == 0 && must.n == 0) {
			nlist_t swap = plain;
			plain = stops;
			stops = swap;
		}
		for (size_t i = 0; i < stops.n; i++)
			if (stops.v[i].part >= 0)
				p->parts[stops.v[i].part].used = 0;
		node_t req = nlist_combine(p, &must, XC_OP_AND, " AND ");
		node_t opt = nlist_combine(p, &plain, XC_OP_OR, " OR ");
		result = combine2(p, XC_OP_AND_MAYBE, req, opt, " AND_MAYBE ");
		node_t flt =
			combine_filters(p, &filters, filter_fields, pending);
		if (flt.q && result.q)
			result = combine2(p, XC_OP_FILTER, result, flt,
					  " FILTER ");
		else if (flt.q)
			/* Only filters: every match weighs the same. */
			result = scale0(p, flt);
		node_t neg = nlist_combine(p, &mustnot, XC_OP_OR, " OR ");
		if (neg.q && p->status == LEDE_OK) {
			if (!result.q)
				result = match_all(p);
			result = combine2(p, XC_OP_AND_NOT, result, neg,
					  " NOT ");
		} else {
			node_free(&neg);
		}
	}
	nlist_free(&plain);
	nlist_free(&stops);
	nlist_free(&must);
	nlist_free(&mustnot);
	nlist_free(&filters);
	free(filter_fields);
	if (p->status != LEDE_OK)
		node_free(&result);
	return result;
}

/* n with the filters of `pending` (emptied) applied: they no longer stand
 * at the top of the query. */
static node_t
fold_filters(parser_t *p, node_t n, nlist_t *pending)
{
	node_t flt = nlist_combine(p, pending, XC_OP_AND, " AND ");
	if (!flt.q)
		return n;
	flt.field = -1;
	if (n.q)
		return combine2(p, XC_OP_FILTER, n, flt, " FILTER ");
	return scale0(p, flt);
}

/* Binary operators need something on both sides; a side with no words
 * ("a AND ---") drops out rather than failing. */
static node_t
binary(parser_t *p, xc_op_t op, node_t left, node_t right)
{
	if (p->status != LEDE_OK) {
		node_free(&left);
		node_free(&right);
		return no_node;
	}
	const char *sep = op == XC_OP_AND	? " AND "
			  : op == XC_OP_OR	? " OR "
						: " NOT ";
	if (op == XC_OP_AND_NOT && right.q && !left.q)
		left = match_all(p);
	return combine2(p, op, left, right, sep);
}

static node_t
parse_and(parser_t *p, int remember, nlist_t *pending)
{
	/* A leading NOT has everything as its left side: binary() makes
	 * that "all documents AND_NOT ...", and AND and OR go on after. */
	skip_space(p);
	node_t left = at_keyword(p, "NOT") ? no_node
					   : parse_seq(p, remember, pending);
	for (;;) {
		if (p->status != LEDE_OK)
			break;
		skip_space(p);
		xc_op_t op;
		size_t at = p->at;
		if (at_keyword(p, "AND")) {
			p->at += 3;
			skip_space(p);
			op = XC_OP_AND;
			if (at_keyword(p, "NOT")) {
				p->at += 3;
				op = XC_OP_AND_NOT;
			}
		} else if (at_keyword(p, "NOT")) {
			p->at += 3;
			op = XC_OP_AND_NOT;
		} else {
			break;
		}
		skip_space(p);
		if (p->at >= p->len || p->text[p->at] == ')') {
			node_free(&left);
			fail(p, LEDE_BAD_QUERY, at,
			     op == XC_OP_AND ? "nothing after AND"
					     : "nothing after NOT");
			return no_node;
		}
		/* What is excluded neither ranks nor lifts. */
		node_t right = op == XC_OP_AND
				       ? parse_seq(p, remember, pending)
				       : parse_seq(p, 0, NULL);
		left = binary(p, op, left, right);
	}
	if (p->status != LEDE_OK)
		node_free(&left);
	return left;
}

/* With `pending`, filters of a query without OR are lifted into it. */
static node_t
parse_or(parser_t *p, int remember, nlist_t *pending)
{
	skip_space(p);
	if (at_keyword(p, "AND") || at_keyword(p, "OR")) {
		fail(p, LEDE_BAD_QUERY, p->at,
		     "AND/OR needs a word before it");
		return no_node;
	}
	nlist_t mine = { 0 };
	node_t left = parse_and(p, remember, pending ? &mine : NULL);
	for (;;) {
		if (p->status != LEDE_OK)
			break;
		skip_space(p);
		if (!at_keyword(p, "OR"))
			break;
		/* Filters of one alternative filter that one only. */
		left = fold_filters(p, left, &mine);
		size_t at = p->at;
		p->at += 2;
		skip_space(p);
		if (p->at >= p->len || p->text[p->at] == ')') {
			node_free(&left);
			fail(p, LEDE_BAD_QUERY, at, "nothing after OR");
			break;
		}
		node_t right = parse_and(p, remember, NULL);
		left = binary(p, XC_OP_OR, left, right);
	}
	for (size_t i = 0; i < mine.n && p->status == LEDE_OK; i++) {
		nlist_push(p, pending, mine.v[i]);
		mine.v[i] = no_node;
	}
	nlist_free(&mine);
	if (p->status != LEDE_OK)
		node_free(&left);
	return left;
}

/* ---- Entry points ------------------------------------------------------ */

static void
parser_free(parser_t *p)
{
	for (size_t i = 0; i < p->n_parts; i++)
		free(p->parts[i].matches);
	free(p->parts);
	p->parts = NULL;
	p->n_parts = p->cap_parts = 0;
}

/* Parses p's text into its top node, the lifted filters in *pending. */
static node_t
parse_all(parser_t *p, nlist_t *pending)
{
	skip_space(p);
	if (p->at >= p->len) {
		p->status = ldi_set_error(&p->errmsg, LEDE_BAD_QUERY,
					  "empty query: give at least one "
					  "word");
		return no_node;
	}
	node_t q = parse_or(p, 1, pending);
	if (p->status == LEDE_OK) {
		skip_space(p);
		if (p->at < p->len)
			fail(p, LEDE_BAD_QUERY, p->at,
			     p->text[p->at] == ')' ? "')' has no matching '('"
						   : "unexpected text");
	}
	if (p->status == LEDE_OK && !q.q) {
		if (pending->n) {
			/* Only filters, all lifted: every article, each
			 * weighing 0, narrowed by them. */
			q = scale0(p, match_all(p));
		} else {
			/* Nothing searchable (only punctuation): matches
			 * nothing. */
			xc_query_t *none = NULL;
			xc_status_t xs = xc_query_match_nothing(&none);
			if (xs != XC_OK)
				fail_xc(p, xs);
			else
				q = node_make(p, none,
					      str_printf(p, "<nothing>"));
		}
	}
	if (p->status != LEDE_OK)
		node_free(&q);
	return q;
}

/* Moves what p and pending hold into out. */
static void
keep_results(parser_t *p, nlist_t *pending, ldi_parsed_query_t *out)
{
	size_t used = 0;
	for (size_t i = 0; i < p->n_parts; i++)
		used += p->parts[i].used;
	if (used && !(out->parts = calloc(used, sizeof *out->parts))) {
		fail_nomem(p);
		return;
	}
	for (size_t i = 0; i < p->n_parts; i++) {
		part_rec_t *r = &p->parts[i];
		if (!r->used)
			continue;
		ldi_query_part_t *o = &out->parts[out->n_parts++];
		o->id = r->id;
		o->field = r->field;
		o->matches = r->matches;
		r->matches = NULL;
		o->clause = str_printf(p, "%.*s", (int)(r->end - r->start),
				       p->text + r->start);
	}
	if (pending->n &&
	    !(out->filters = calloc(pending->n, sizeof *out->filters))) {
		fail_nomem(p);
		return;
	}
	for (size_t i = 0; i < pending->n; i++) {
		ldi_query_filter_t *f = &out->filters[out->n_filters++];
		f->field = (lede_field_t)pending->v[i].field;
		f->query = pending->v[i].q;
		f->readable = pending->v[i].d;
		pending->v[i] = no_node;
	}
	out->have_now = p->have_now;
	out->now = p->now;
	out->n_langs = p->n_langs;
}

lede_status_t
ldi_query_parse(const char *text, size_t len, const ldi_db_language_t *langs,
		size_t n_langs, ldi_parsed_query_t *out, char **errmsg)
{
	memset(out, 0, sizeof *out);
	parser_t p = { 0 };
	p.text = text;
	p.len = len;
	p.langs = langs;
	p.n_langs = n_langs;
	p.out = out;
	nlist_t pending = { 0 };
	node_t q = parse_all(&p, &pending);
	if (p.status == LEDE_OK) {
		out->query = q.q;
		out->readable = q.d;
		q = no_node;
		keep_results(&p, &pending, out);
	}
	nlist_free(&pending);
	parser_free(&p);
	if (p.status != LEDE_OK) {
		ldi_parsed_query_free(out);
		*errmsg = p.errmsg;
		return p.status;
	}
	*errmsg = NULL;
	return LEDE_OK;
}

lede_status_t
ldi_query_reweigh(const char *text, size_t len,
		  const ldi_db_language_t *langs, size_t n_langs,
		  const ldi_parsed_query_t *pq, size_t part_id,
		  xc_query_t **out)
{
	ldi_parsed_query_t scratch;
	memset(&scratch, 0, sizeof scratch);
	parser_t p = { 0 };
	*out = NULL;
	if (pq->n_langs > n_langs)
		return LEDE_MISUSE;
	p.text = text;
	p.len = len;
	p.langs = langs;
	p.n_langs = pq->n_langs;
	p.out = &scratch;
	p.reweigh = 1;
	p.focus = part_id;
	p.have_now = pq->have_now;
	p.now = pq->now;
	nlist_t pending = { 0 };
	node_t q = parse_all(&p, &pending);
	*out = q.q;
	free(q.d);
	nlist_free(&pending);
	parser_free(&p);
	ldi_parsed_query_free(&scratch);
	free(p.errmsg);
	return p.status;
}

void
ldi_parsed_query_free(ldi_parsed_query_t *pq)
{
	if (!pq)
		return;
	xc_query_free(pq->query);
	for (size_t i = 0; i < pq->n_words; i++)
		free(pq->words[i]);
	free(pq->words);
	free(pq->readable);
	for (size_t i = 0; i < pq->n_parts; i++) {
		free(pq->parts[i].clause);
		free(pq->parts[i].matches);
	}
	free(pq->parts);
	for (size_t i = 0; i < pq->n_filters; i++) {
		xc_query_free(pq->filters[i].query);
		free(pq->filters[i].readable);
	}
	free(pq->filters);
	memset(pq, 0, sizeof *pq);
}
