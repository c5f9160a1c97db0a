/* query_parse.c: the query language's recursive-descent parser.
 * SPDX-License-Identifier: MIT
 *
 * Why our own parser rather than Xapian's QueryParser: QueryParser splits
 * and lower-cases words its own way, so "CAFÉ", "U.K." or "£1.13bn" would
 * not reach the terms our analysis indexed; and it cannot say at which
 * column a query went wrong. Here every word goes through ldi_analyze.
 */
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
} parser_t;

/* A growable list of queries the parser owns until it combines them. */
typedef struct qlist {
	xc_query_t **q;
	size_t n, cap;
} qlist_t;

static void
qlist_free(qlist_t *l)
{
	for (size_t i = 0; i < l->n; i++)
		xc_query_free(l->q[i]);
	free(l->q);
	l->q = NULL;
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

static xc_query_t *
fail(parser_t *p, lede_status_t st, size_t at, const char *what)
{
	if (p->status != LEDE_OK)
		return NULL;
	p->status = st;
	if (st == LEDE_BAD_QUERY)
		ldi_set_error(&p->errmsg, st, "%s at column %zu", what,
			      column(p, at));
	else
		ldi_set_error(&p->errmsg, st, "%s", what);
	return NULL;
}

static xc_query_t *
fail_xc(parser_t *p, xc_status_t xs)
{
	return fail(p, ldi_status_from_xc(xs), 0, xc_status_str(xs));
}

static int
qlist_push(parser_t *p, qlist_t *l, xc_query_t *q)
{
	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 8;
		xc_query_t **nq = realloc(l->q, cap * sizeof *nq);
		if (!nq) {
			xc_query_free(q);
			fail(p, LEDE_NOMEM, 0, "out of memory");
			return -1;
		}
		l->q = nq;
		l->cap = cap;
	}
	l->q[l->n++] = q;
	return 0;
}

/* Combines and empties the list; NULL when it was empty. */
static xc_query_t *
qlist_combine(parser_t *p, qlist_t *l, xc_op_t op)
{
	xc_query_t *q = NULL;
	if (l->n == 1) {
		q = l->q[0];
		l->n = 0;
	} else if (l->n > 1) {
		xc_status_t xs = xc_query_combine(op, l->q, l->n, 0, &q);
		if (xs != XC_OK)
			fail_xc(p, xs);
	}
	qlist_free(l);
	return q;
}

static xc_query_t *
combine2(parser_t *p, xc_op_t op, xc_query_t *a, xc_query_t *b)
{
	xc_query_t *subs[2] = { a, b };
	xc_query_t *q = NULL;
	xc_status_t xs = xc_query_combine(op, subs, 2, 0, &q);
	xc_query_free(a);
	xc_query_free(b);
	if (xs != XC_OK)
		return fail_xc(p, xs);
	return q;
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
		fail(p, LEDE_NOMEM, 0, "out of memory");
		return;
	}
	o->words = nw;
	memcpy(s, w, len);
	if (wildcard)
		s[len++] = '*';
	s[len] = '\0';
	o->words[o->n_words++] = s;
}

/* ---- Words and phrases ------------------------------------------------- */

typedef struct word_builder {
	parser_t *p;
	const ldi_query_field_t *field; /* NULL: headline and body */
	int exact;			/* quoted: exact forms, no stems */
	int remember;			/* not under "-" or NOT */
	qlist_t primary;		/* words, parts, URLs...: a phrase */
	qlist_t ngrams;			/* CJK pairs */
	xc_query_t *whole;		/* a compound as one term */
	size_t compounds;
	ldi_token_kind_t first_kind;
	char first[16 + LDI_MAX_URL_BYTES]; /* the first word, folded */
	size_t first_len;
} word_builder_t;

static void
word_builder_free(word_builder_t *wb)
{
	qlist_free(&wb->primary);
	qlist_free(&wb->ngrams);
	xc_query_free(wb->whole);
	wb->whole = NULL;
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
	if (xs != XC_OK)
		return fail_xc(p, xs);
	return q;
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
			wb->whole = term_query(p, prefix, tok->term, tok->len,
					       1);
		return p->status != LEDE_OK;
	}
	if (tok->kind == LDI_TOKEN_NGRAM) {
		xc_query_t *q = term_query(p, prefix, tok->term, tok->len,
					   (uint32_t)wb->ngrams.n + 1);
		return p->status != LEDE_OK ||
		       (q && qlist_push(p, &wb->ngrams, q));
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
	xc_query_t *q = use_exact
				? term_query(p, LDI_PREFIX_EXACT, tok->exact,
					     tok->exact_len,
					     (uint32_t)wb->primary.n + 1)
				: term_query(p, prefix, tok->term, tok->len,
					     (uint32_t)wb->primary.n + 1);
	if (p->status != LEDE_OK)
		return 1;
	if (!q) {
		/* Too long to be a term: it matches nothing. */
		xc_status_t xs = xc_query_match_nothing(&q);
		if (xs != XC_OK) {
			fail_xc(p, xs);
			return 1;
		}
	}
	return qlist_push(p, &wb->primary, q);
}

/* A lone word: each stem the index's languages make of it, and the word
 * itself where some articles were indexed unstemmed. */
static xc_query_t *
stemmed_word(parser_t *p, const word_builder_t *wb)
{
	const char *prefix = wb->field ? wb->field->prefix : "";
	char zprefix[16];
	snprintf(zprefix, sizeof zprefix, "%s%s", LDI_PREFIX_STEM, prefix);
	qlist_t alts = { 0 };
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
			qlist_push(p, &alts, q);
	}
	if (unstemmed && p->status == LEDE_OK) {
		xc_query_t *q = term_query(p, prefix, wb->first, wb->first_len,
					   1);
		if (q)
			qlist_push(p, &alts, q);
	}
	return qlist_combine(p, &alts, XC_OP_SYNONYM);
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

/* Free text. One word is its stems (or itself when quoted or a name); a
 * run of CJK characters is the phrase of its pairs; a hyphenated compound
 * is the compound or the phrase of its parts; anything else is the phrase
 * of its words. NULL when the text has no words. *stop is set when the
 * text is one unquoted stopword. */
static xc_query_t *
text_query(parser_t *p, const ldi_query_field_t *field, const char *s,
	   size_t len, int exact, int remember, int *stop)
{
	word_builder_t wb = { p, field, exact, remember, { 0 }, { 0 },
			      NULL, 0, LDI_TOKEN_WORD, "", 0 };
	*stop = 0;
	int rc = ldi_analyze(s, len, add_word_term, &wb);
	if (rc < 0)
		fail(p, LEDE_NOMEM, 0, "out of memory");
	if (p->status != LEDE_OK) {
		word_builder_free(&wb);
		return NULL;
	}
	xc_query_t *q;
	int stem = !exact && (!field || field->kind == LDI_FIELD_TEXT);
	if (wb.ngrams.n > 0 && wb.ngrams.n + 1 == wb.primary.n) {
		q = qlist_combine(p, &wb.ngrams, XC_OP_PHRASE);
	} else if (wb.primary.n == 1 && stem &&
		   wb.first_kind == LDI_TOKEN_WORD) {
		/* A stopword has no stem in the index (it would make every
		 * query match it), only itself. */
		*stop = !field && is_stopword(p, wb.first, wb.first_len);
		q = *stop ? term_query(p, "", wb.first, wb.first_len, 1)
			  : stemmed_word(p, &wb);
	} else if (wb.compounds == 1 && wb.whole && !exact) {
		xc_query_t *parts = qlist_combine(p, &wb.primary,
						  XC_OP_PHRASE);
		q = combine2(p, XC_OP_OR, wb.whole, parts);
		wb.whole = NULL;
	} else {
		q = qlist_combine(p, &wb.primary, XC_OP_PHRASE);
	}
	word_builder_free(&wb);
	return q;
}

/* A filter field's value: one term of the folded (or, for ids and URLs,
 * untouched) whole value. */
static xc_query_t *
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
		if (ldi_fold(s, len, &folded, &flen) != 0)
			return fail(p, LEDE_NOMEM, 0, "out of memory");
		s = folded;
	}
	size_t plen = strlen(field->prefix);
	char *term = malloc(plen + flen + LDI_ID_TERM_SIZE);
	xc_query_t *q = NULL;
	if (!term) {
		free(folded);
		return fail(p, LEDE_NOMEM, 0, "out of memory");
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
	free(folded);
	if (xs != XC_OK)
		return fail_xc(p, xs);
	return q;
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

/* A date: value (s, len bytes, at column of `at`): a value range on the
 * date slot, open where the range is. Like other filters it weighs
 * nothing, and articles without a date never match it. */
static xc_query_t *
date_query(parser_t *p, const char *s, size_t len, size_t at)
{
	int64_t from, to;
	if (query_now(p) != 0)
		return NULL;
	if (lede_date_range_parse(s, len, p->now, &from, &to) != LEDE_OK) {
		/* Quote at most 40 bytes of the value, cut between
		 * characters so the message stays UTF-8. */
		size_t show = len;
		if (show > 40) {
			show = 40;
			while (show > 0 &&
			       ((unsigned char)s[show] & 0xC0) == 0x80)
				show--;
		}
		char what[96];
		snprintf(what, sizeof what, "cannot read date '%.*s%s'",
			 (int)show, s, show < len ? "..." : "");
		return fail(p, LEDE_BAD_QUERY, at, what);
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
	if (xs != XC_OK)
		return fail_xc(p, xs);
	return q;
}

static xc_query_t *
wildcard_query(parser_t *p, const ldi_query_field_t *field, const char *s,
	       size_t len, size_t at, int remember)
{
	char *folded = NULL;
	size_t flen;
	if (ldi_fold(s, len, &folded, &flen) != 0)
		return fail(p, LEDE_NOMEM, 0, "out of memory");
	/* The stem of a wildcard must be one plain word, as the index has
	 * it: "polic*" is, "U.S.*" is not, and neither is a lone accent,
	 * which folds to nothing and would match every word. */
	if (flen == 0) {
		free(folded);
		return fail(p, LEDE_BAD_QUERY, at,
			    "a wildcard must follow one plain word");
	}
	for (size_t i = 0; i < flen; i++) {
		unsigned char c = (unsigned char)folded[i];
		if (c < 0x80 && !(c >= 'a' && c <= 'z') &&
		    !(c >= '0' && c <= '9')) {
			free(folded);
			return fail(p, LEDE_BAD_QUERY, at,
				    "a wildcard must follow one plain word");
		}
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
	free(folded);
	if (xs != XC_OK)
		return fail_xc(p, xs);
	return q;
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

/* 1 if the operator keyword op stands alone at p->at. */
static int
at_keyword(const parser_t *p, const char *op)
{
	size_t n = strlen(op);
	return word_len(p, p->at) == n && !memcmp(p->text + p->at, op, n);
}

static xc_query_t *parse_or(parser_t *p, int remember);

/* A quoted phrase starting at the quote; advances past the closing one. */
static xc_query_t *
parse_phrase(parser_t *p, const ldi_query_field_t *field, int remember)
{
	size_t open = p->at++;
	const char *close = memchr(p->text + p->at, '"', p->len - p->at);
	if (!close)
		return fail(p, LEDE_BAD_QUERY, open,
			    "'\"' is never closed: unterminated phrase");
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

static xc_query_t *
parse_atom(parser_t *p, int remember, const ldi_query_field_t **filter,
	   int *stop)
{
	*filter = NULL;
	*stop = 0;
	size_t start = p->at;
	char c = p->text[p->at];
	if (c == '(') {
		if (++p->depth > MAX_DEPTH)
			return fail(p, LEDE_BAD_QUERY, start,
				    "too many nested parentheses");
		p->at++;
		skip_space(p);
		if (p->at < p->len && p->text[p->at] == ')') {
			p->depth--;
			return fail(p, LEDE_BAD_QUERY, start,
				    "nothing to search for inside '( )'");
		}
		xc_query_t *q = parse_or(p, remember);
		p->depth--;
		if (p->status != LEDE_OK)
			return q;
		skip_space(p);
		if (p->at >= p->len || p->text[p->at] != ')') {
			xc_query_free(q);
			return fail(p, LEDE_BAD_QUERY, start,
				    "'(' is never closed");
		}
		p->at++;
		if (!q)
			return fail(p, LEDE_BAD_QUERY, start,
				    "nothing to search for inside '( )'");
		return q;
	}
	if (c == '"')
		return parse_phrase(p, NULL, remember);

	size_t n = word_len(p, start);
	const char *w = p->text + start;
	const char *colon = memchr(w, ':', n);
	const ldi_query_field_t *field =
		colon ? ldi_query_field(w, (size_t)(colon - w)) : NULL;
	if (field) {
		size_t vat = (size_t)(colon - p->text) + 1;
		int is_filter = field->kind == LDI_FIELD_BOOLEAN ||
				field->kind == LDI_FIELD_EXACT ||
				field->kind == LDI_FIELD_PLACE ||
				field->kind == LDI_FIELD_DATE;
		if (vat < p->len && p->text[vat] == '"') {
			p->at = vat;
			*filter = is_filter ? field : NULL;
			return parse_phrase(p, field, remember);
		}
		size_t vlen = start + n - vat;
		if (vlen == 0 && vat < p->len && p->text[vat] == '(')
			return fail(p, LEDE_BAD_QUERY, start,
				    "a field takes a word or a \"phrase\", "
				    "not a group: write title:a title:b");
		if (vlen == 0)
			return fail(p, LEDE_BAD_QUERY, start,
				    "field name with nothing after ':'");
		p->at = vat + vlen;
		if (field->kind == LDI_FIELD_DATE) {
			*filter = field;
			return date_query(p, p->text + vat, vlen, vat);
		}
		if (is_filter) {
			*filter = field;
			return filter_query(p, field, p->text + vat, vlen);
		}
		w = p->text + vat;
		n = vlen;
	} else {
		p->at = start + n;
	}
	if (n > 1 && w[n - 1] == '*')
		return wildcard_query(p, field, w, n - 1, start, remember);
	return text_query(p, field, w, n, 0, remember, stop);
}

/* Filters on one field are alternatives (section:a section:b), filters on
 * different fields all apply (section:a source:b). */
static xc_query_t *
combine_filters(parser_t *p, qlist_t *filters,
		const ldi_query_field_t **fields)
{
	qlist_t groups = { 0 };
	for (size_t i = 0; i < filters->n && p->status == LEDE_OK; i++) {
		if (!filters->q[i])
			continue;
		qlist_t same = { 0 };
		for (size_t j = i; j < filters->n; j++) {
			if (filters->q[j] &&
			    !strcmp(fields[j]->prefix, fields[i]->prefix)) {
				xc_query_t *fq = filters->q[j];
				filters->q[j] = NULL;
				if (qlist_push(p, &same, fq))
					break;
			}
		}
		xc_query_t *g = qlist_combine(p, &same, XC_OP_OR);
		if (g && qlist_push(p, &groups, g))
			break;
	}
	qlist_free(filters);
	xc_query_t *all = qlist_combine(p, &groups, XC_OP_AND);
	qlist_free(&groups);
	return all;
}

static int
at_clause_end(const parser_t *p)
{
	return p->at >= p->len || p->text[p->at] == ')' ||
	       at_keyword(p, "AND") || at_keyword(p, "OR") ||
	       at_keyword(p, "NOT");
}

/* A run of clauses: + must match, - must not, the rest rank. */
static xc_query_t *
parse_seq(parser_t *p, int remember)
{
	qlist_t plain = { 0 }, must = { 0 }, mustnot = { 0 }, filters = { 0 };
	qlist_t stops = { 0 }; /* plain stopwords: used only if alone */
	const ldi_query_field_t **filter_fields = NULL;
	size_t seq_start = p->at;
	int clauses = 0;
	for (;;) {
		skip_space(p);
		if (at_clause_end(p))
			break;
		char mod = p->text[p->at];
		size_t at = p->at;
		if ((mod == '+' || mod == '-') && p->at + 1 < p->len &&
		    !is_space(p->text[p->at + 1]))
			p->at++;
		else
			mod = 0;
		const ldi_query_field_t *ff;
		int stop;
		xc_query_t *q =
			parse_atom(p, remember && mod != '-', &ff, &stop);
		if (p->status != LEDE_OK)
			break;
		if (p->at == at) /* nothing consumed: a stray character */
			p->at++;
		clauses++;
		if (!q)
			continue; /* no words in it, e.g. a lone dash */
		if (mod == '-') {
			qlist_push(p, &mustnot, q);
		} else if (ff) {
			const ldi_query_field_t **nf = realloc(
				filter_fields,
				(filters.n + 1) * sizeof *filter_fields);
			if (!nf) {
				xc_query_free(q);
				fail(p, LEDE_NOMEM, 0, "out of memory");
				break;
			}
			filter_fields = nf;
			filter_fields[filters.n] = ff;
			qlist_push(p, &filters, q);
		} else if (stop && !mod) {
			qlist_push(p, &stops, q);
		} else {
			qlist_push(p, mod == '+' ? &must : &plain, q);
		}
		if (p->status != LEDE_OK)
			break;
	}
	xc_query_t *result = NULL;
	if (p->status == LEDE_OK && clauses == 0)
		fail(p, LEDE_BAD_QUERY, seq_start,
		     p->at < p->len ? "expected a word" :
				      "expected a word, found the end");
	if (p->status == LEDE_OK) {
		/* Stopwords rank nothing beside other words ("the bank" is
		 * "bank"), but a query of stopwords alone means them. */
		if (plain.n == 0 && must.n == 0) {
			qlist_t swap = plain;
			plain = stops;
			stops = swap;
		}
		xc_query_t *req = qlist_combine(p, &must, XC_OP_AND);
		xc_query_t *opt = qlist_combine(p, &plain, XC_OP_OR);
		if (req && opt)
			result = combine2(p, XC_OP_AND_MAYBE, req, opt);
		else
			result = req ? req : opt;
		xc_query_t *flt = combine_filters(p, &filters, filter_fields);
		if (flt && result) {
			result = combine2(p, XC_OP_FILTER, result, flt);
		} else if (flt) {
			/* Only filters: every match weighs the same. */
			xc_status_t xs = xc_query_scale(flt, 0, &result);
			xc_query_free(flt);
			if (xs != XC_OK)
				fail_xc(p, xs);
		}
		xc_query_t *neg = qlist_combine(p, &mustnot, XC_OP_OR);
		if (neg && p->status == LEDE_OK) {
			if (!result) {
				xc_status_t xs = xc_query_match_all(&result);
				if (xs != XC_OK)
					fail_xc(p, xs);
			}
			result = combine2(p, XC_OP_AND_NOT, result, neg);
		} else {
			xc_query_free(neg);
		}
	}
	qlist_free(&plain);
	qlist_free(&stops);
	qlist_free(&must);
	qlist_free(&mustnot);
	qlist_free(&filters);
	free(filter_fields);
	if (p->status != LEDE_OK) {
		xc_query_free(result);
		return NULL;
	}
	return result;
}

/* Binary operators need something on both sides; a side with no words
 * ("a AND ---") drops out rather than failing. */
static xc_query_t *
binary(parser_t *p, xc_op_t op, xc_query_t *left, xc_query_t *right)
{
	if (p->status != LEDE_OK) {
		xc_query_free(left);
		xc_query_free(right);
		return NULL;
	}
	if (!left || !right) {
		if (op == XC_OP_AND_NOT && !right)
			return left;
		if (op == XC_OP_AND_NOT) {
			xc_query_t *all = NULL;
			xc_status_t xs = xc_query_match_all(&all);
			if (xs != XC_OK) {
				xc_query_free(right);
				return fail_xc(p, xs);
			}
			return combine2(p, op, all, right);
		}
		return left ? left : right;
	}
	return combine2(p, op, left, right);
}

static xc_query_t *
parse_and(parser_t *p, int remember)
{
	/* A leading NOT has everything as its left side: binary() makes
	 * that "all documents AND_NOT ...", and AND and OR go on after. */
	skip_space(p);
	xc_query_t *left = at_keyword(p, "NOT") ? NULL : parse_seq(p, remember);
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
			xc_query_free(left);
			return fail(p, LEDE_BAD_QUERY, at,
				    op == XC_OP_AND ? "nothing after AND"
						    : "nothing after NOT");
		}
		xc_query_t *right =
			parse_seq(p, remember && op != XC_OP_AND_NOT);
		left = binary(p, op, left, right);
	}
	return left;
}

static xc_query_t *
parse_or(parser_t *p, int remember)
{
	skip_space(p);
	if (at_keyword(p, "AND") || at_keyword(p, "OR"))
		return fail(p, LEDE_BAD_QUERY, p->at,
			    "AND/OR needs a word before it");
	xc_query_t *left = parse_and(p, remember);
	for (;;) {
		if (p->status != LEDE_OK)
			break;
		skip_space(p);
		if (!at_keyword(p, "OR"))
			break;
		size_t at = p->at;
		p->at += 2;
		skip_space(p);
		if (p->at >= p->len || p->text[p->at] == ')') {
			xc_query_free(left);
			return fail(p, LEDE_BAD_QUERY, at, "nothing after OR");
		}
		xc_query_t *right = parse_and(p, remember);
		left = binary(p, XC_OP_OR, left, right);
	}
	return left;
}

lede_status_t
ldi_query_parse(const char *text, size_t len, const ldi_db_language_t *langs,
		size_t n_langs, ldi_parsed_query_t *out, char **errmsg)
{
	memset(out, 0, sizeof *out);
	parser_t p = { text, len, 0, 0, langs, n_langs, LEDE_OK, NULL, out,
		       0, 0 };
	skip_space(&p);
	if (p.at >= len) {
		*errmsg = NULL;
		return ldi_set_error(errmsg, LEDE_BAD_QUERY,
				     "empty query: give at least one word");
	}
	xc_query_t *q = parse_or(&p, 1);
	if (p.status == LEDE_OK) {
		skip_space(&p);
		if (p.at < len)
			fail(&p, LEDE_BAD_QUERY, p.at,
			     p.text[p.at] == ')' ? "')' has no matching '('"
						 : "unexpected text");
	}
	if (p.status == LEDE_OK && !q) {
		/* Nothing searchable (only punctuation): matches nothing. */
		xc_status_t xs = xc_query_match_nothing(&q);
		if (xs != XC_OK)
			fail_xc(&p, xs);
	}
	if (p.status != LEDE_OK) {
		xc_query_free(q);
		ldi_parsed_query_free(out);
		*errmsg = p.errmsg;
		return p.status;
	}
	out->query = q;
	*errmsg = NULL;
	return LEDE_OK;
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
	memset(pq, 0, sizeof *pq);
}
