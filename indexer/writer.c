/* writer.c: turning an article record into a Xapian document, and deletes.
 * SPDX-License-Identifier: MIT
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <jansson.h>

#include "analyze.h"
#include "db_internal.h"
#include "hash.h"
#include "language.h"
#include "schema.h"
#include "story_key.h"
#include "utf8.h"

/* Longest term we build: a prefix, "Z", and the longest token. */
#define TERM_BUF (16 + LDI_MAX_URL_BYTES * 2)

/* Terms longer than this are refused by Xapian (245 bytes in all). */
#define MAX_XAPIAN_TERM 240

/* How many times a headline word counts (wdf per occurrence). On the
 * collections in ../shared/eval 1 did worse than 2 and 3 a little better,
 * mostly on ADI's 82 documents; 2 stays (bench/RESULTS.md). */
#define HEADLINE_WDFINC 2

/* The stems of a language's most recent words, so that a word is given
 * to Snowball once rather than at every occurrence: an article's words
 * are mostly the language's few thousand common ones. Direct-mapped on
 * the word's hash; a word or stem too long for a slot is not kept. */
#define STEM_CACHE_SLOTS 8192 /* a power of two */
#define STEM_CACHE_WORD 30
#define STEM_CACHE_STEM 32

struct stem_slot {
	unsigned char wlen; /* 0: empty */
	unsigned char slen;
	char word[STEM_CACHE_WORD];
	char stem[STEM_CACHE_STEM];
};

struct ldi_stem_cache {
	struct stem_slot slots[STEM_CACHE_SLOTS];
};

typedef struct text_indexer {
	xc_doc_t *doc;
	xc_stemmer_t *stemmer; /* NULL: do not stem */
	struct ldi_stem_cache **stems; /* the stemmer's cache (lazily made) */
	const char *language;  /* for stopwords */
	const char *prefix;
	const char *also;      /* a second prefix to index under, or NULL */
	int exact;	       /* add "XE" exact forms */
	uint32_t pos;
	uint32_t wdfinc;
	xc_status_t status;
	const char *detail; /* the failing handle's message */
	size_t words;	    /* tokens that start a position */
	ldi_wordset_t *spelling; /* words for the spelling table, or NULL */
} text_indexer_t;

static int
post(text_indexer_t *ti, const char *prefix, const char *word, size_t len)
{
	char term[TERM_BUF];
	size_t plen = strlen(prefix);
	if (plen + len > MAX_XAPIAN_TERM)
		return 0;
	memcpy(term, prefix, plen);
	memcpy(term + plen, word, len);
	ti->status = xc_doc_add_posting(ti->doc, term, plen + len, ti->pos,
					ti->wdfinc);
	ti->detail = xc_doc_errmsg(ti->doc);
	return ti->status != XC_OK;
}

/* The stem of tok's term, from the cache or from Snowball (then kept);
 * *stem is borrowed until the next call. 0, or 1 with ti->status and
 * ti->detail set when the stemmer failed. */
static int
stem_of(text_indexer_t *ti, const ldi_token_t *tok, const char **stem,
	size_t *slen)
{
	struct stem_slot *slot = NULL;
	if (tok->len <= STEM_CACHE_WORD) {
		/* Without memory for a cache, words are stemmed each time. */
		if (!*ti->stems)
			*ti->stems = calloc(1, sizeof **ti->stems);
		if (*ti->stems) {
			uint64_t h = ldi_hash64(tok->term, tok->len);
			slot = &(*ti->stems)->slots[h & (STEM_CACHE_SLOTS - 1)];
		}
	}
	if (slot && slot->wlen == tok->len &&
	    !memcmp(slot->word, tok->term, tok->len)) {
		*stem = slot->stem;
		*slen = slot->slen;
		return 0;
	}
	ti->status = xc_stemmer_stem(ti->stemmer, tok->term, tok->len, stem,
				     slen);
	if (ti->status != XC_OK) {
		ti->detail = xc_stemmer_errmsg(ti->stemmer);
		return 1;
	}
	if (slot && *slen <= STEM_CACHE_STEM) {
		slot->wlen = (unsigned char)tok->len;
		memcpy(slot->word, tok->term, tok->len);
		slot->slen = (unsigned char)*slen;
		memcpy(slot->stem, *stem, *slen);
	}
	return 0;
}

/* Adds "Z" + prefix + stem. */
static int
add_stem(text_indexer_t *ti, const char *prefix, const char *stem,
	 size_t slen)
{
	size_t plen = strlen(prefix);
	if (slen == 0 || 1 + plen + slen > MAX_XAPIAN_TERM)
		return 0;
	char term[TERM_BUF];
	term[0] = 'Z';
	memcpy(term + 1, prefix, plen);
	memcpy(term + 1 + plen, stem, slen);
	ti->status = xc_doc_add_term(ti->doc, term, 1 + plen + slen,
				     ti->wdfinc);
	ti->detail = xc_doc_errmsg(ti->doc);
	return ti->status != XC_OK;
}

static int
add_token(void *ctx, const ldi_token_t *tok)
{
	text_indexer_t *ti = ctx;
	ti->pos += tok->pos_inc;
	ti->words += tok->pos_inc > 0;
	if (ti->spelling && tok->kind == LDI_TOKEN_WORD)
		ldi_wordset_add(ti->spelling, tok->term, tok->len);
	if (post(ti, ti->prefix, tok->term, tok->len) ||
	    (ti->also && post(ti, ti->also, tok->term, tok->len)))
		return 1;
	if (ti->exact && tok->exact != tok->term &&
	    post(ti, LDI_PREFIX_EXACT, tok->exact, tok->exact_len))
		return 1;
	/* Stems of words only: a URL, a hashtag or a CJK pair has none, and
	 * a stopword's stem would only make every query word match it. */
	int stem = ti->stemmer && (tok->kind == LDI_TOKEN_WORD ||
				   tok->kind == LDI_TOKEN_COMPOUND ||
				   tok->kind == LDI_TOKEN_PART);
	if (!stem || ldi_is_stopword(ti->language, tok->term, tok->len))
		return 0;
	const char *st;
	size_t slen;
	return stem_of(ti, tok, &st, &slen) ||
	       add_stem(ti, ti->prefix, st, slen) ||
	       (ti->also && add_stem(ti, ti->also, st, slen));
}

/* Indexes text's words under ti->prefix (and ti->also) from position
 * ti->pos on. On failure ti->detail names what failed. */
static xc_status_t
index_text(text_indexer_t *ti, const char *text)
{
	if (!text || !*text)
		return XC_OK;
	ti->status = XC_OK;
	int rc = ldi_analyze(text, strlen(text), add_token, ti);
	if (rc < 0)
		return XC_NOMEM;
	return ti->status;
}

/* Adds the boolean term prefix + folded value. */
static xc_status_t
add_folded_term(xc_doc_t *doc, const char *prefix, const char *value)
{
	if (!value || !*value)
		return XC_OK;
	char *folded;
	size_t flen;
	if (ldi_fold(value, strlen(value), &folded, &flen) != 0)
		return XC_NOMEM;
	xc_status_t xs = XC_OK;
	size_t plen = strlen(prefix);
	if (flen > 0 && flen + plen <= 240) {
		char *term = malloc(plen + flen);
		if (!term) {
			free(folded);
			return XC_NOMEM;
		}
		memcpy(term, prefix, plen);
		memcpy(term + plen, folded, flen);
		xs = xc_doc_add_boolean_term(doc, term, plen + flen);
		free(term);
	}
	free(folded);
	return xs;
}

static xc_status_t
add_exact_term(xc_doc_t *doc, const char *prefix, const char *value)
{
	if (!value || !*value)
		return XC_OK;
	char term[256];
	size_t plen = strlen(prefix), vlen = strlen(value);
	if (plen + vlen > 240)
		return XC_OK; /* too long for a term; still stored in data */
	memcpy(term, prefix, plen);
	memcpy(term + plen, value, vlen);
	return xc_doc_add_boolean_term(doc, term, plen + vlen);
}

/* The day of date as "YYYYMMDD" in ymd (9 bytes); 0 for years outside
 * 0000-9999, which have no such form. */
static int
day_key(int64_t date, char ymd[9])
{
	char iso[LEDE_DATE_BUFSIZE];
	lede_date_format(date, iso);
	/* iso is "YYYY-MM-DDTHH:MM:SSZ". */
	if (strlen(iso) < 10 || iso[4] != '-')
		return 0;
	memcpy(ymd, iso, 4);
	memcpy(ymd + 4, iso + 5, 2);
	memcpy(ymd + 6, iso + 8, 2);
	ymd[8] = '\0';
	return 1;
}

static xc_status_t
add_date(xc_doc_t *doc, int64_t date)
{
	char buf[XC_SORTABLE_MAX];
	size_t n = xc_sortable_serialise((double)date, buf);
	xc_status_t xs = xc_doc_set_value(doc, LDI_SLOT_DATE, buf, n);
	/* Day, month and year terms. */
	char ymd[9];
	if (xs == XC_OK && day_key(date, ymd)) {
		char term[16];
		static const char *const prefixes[] = {
			LDI_PREFIX_DAY, LDI_PREFIX_MONTH, LDI_PREFIX_YEAR
		};
		static const size_t lens[] = { 8, 6, 4 };
		for (size_t i = 0; i < 3 && xs == XC_OK; i++) {
			term[0] = prefixes[i][0];
			memcpy(term + 1, ymd, lens[i]);
			xs = xc_doc_add_boolean_term(doc, term, 1 + lens[i]);
		}
	}
	return xs;
}

/* Owns repaired copies of a record's strings, so that what is indexed and
 * stored is always valid UTF-8 even when a caller passes broken text. */
typedef struct clean_article {
	lede_article_t a;
	const char **lists;   /* copies of the five lists, one block */
	lede_quote_t *quotes;
	char **owned;	      /* repaired copies */
	size_t n_owned;
	char *id;
} clean_article_t;

static int
clean_field(clean_article_t *c, const char **field)
{
	const char *s = *field;
	if (!s)
		return 0;
	size_t len = strlen(s);
	if (ldi_utf8_invalid(s, len) == 0)
		return 0;
	char *fixed = ldi_utf8_repair(s, len, NULL, NULL);
	if (!fixed)
		return -1;
	c->owned[c->n_owned++] = fixed;
	*field = fixed;
	return 0;
}

static void
clean_free(clean_article_t *c)
{
	for (size_t i = 0; i < c->n_owned; i++)
		free(c->owned[i]);
	free(c->owned);
	free(c->lists);
	free(c->quotes);
	free(c->id);
}

/* Copies list (n strings) into *slot and repairs each string. */
static int
clean_list(clean_article_t *c, const char *const **list, size_t n,
	   const char ***slot)
{
	for (size_t i = 0; i < n; i++) {
		(*slot)[i] = (*list)[i];
		if ((*slot)[i] && clean_field(c, &(*slot)[i]) != 0)
			return -1;
	}
	*list = *slot;
	*slot += n;
	return 0;
}

static int
clean_article(clean_article_t *c, const lede_article_t *in)
{
	memset(c, 0, sizeof *c);
	c->a = *in;
	size_t n_list = in->n_authors + in->n_tags + in->n_places +
			in->n_orgs + in->n_people;
	c->owned = malloc((7 + n_list + 2 * in->n_quotes) * sizeof *c->owned);
	if (!c->owned)
		return -1;
	if (n_list) {
		c->lists = malloc(n_list * sizeof *c->lists);
		if (!c->lists)
			return -1;
		const char **slot = c->lists;
		if (clean_list(c, &c->a.authors, in->n_authors, &slot) ||
		    clean_list(c, &c->a.tags, in->n_tags, &slot) ||
		    clean_list(c, &c->a.places, in->n_places, &slot) ||
		    clean_list(c, &c->a.orgs, in->n_orgs, &slot) ||
		    clean_list(c, &c->a.people, in->n_people, &slot))
			return -1;
	}
	if (in->n_quotes) {
		c->quotes = malloc(in->n_quotes * sizeof *c->quotes);
		if (!c->quotes)
			return -1;
		for (size_t i = 0; i < in->n_quotes; i++) {
			c->quotes[i] = in->quotes[i];
			if (clean_field(c, &c->quotes[i].text) ||
			    clean_field(c, &c->quotes[i].speaker))
				return -1;
		}
		c->a.quotes = c->quotes;
	}
	const char **fields[] = { &c->a.id, &c->a.headline, &c->a.body,
				  &c->a.source, &c->a.section,
				  &c->a.language, &c->a.url };
	for (size_t i = 0; i < sizeof fields / sizeof *fields; i++)
		if (clean_field(c, fields[i]) != 0)
			return -1;
	if (!c->a.id || !*c->a.id) {
		/* No id: the content decides, so the same text replaces. */
		size_t hl = c->a.headline ? strlen(c->a.headline) : 0;
		size_t bl = c->a.body ? strlen(c->a.body) : 0;
		char *both = malloc(hl + bl + 2);
		if (!both)
			return -1;
		memcpy(both, c->a.headline ? c->a.headline : "", hl);
		both[hl] = '\n';
		memcpy(both + hl + 1, c->a.body ? c->a.body : "", bl);
		c->id = malloc(LDI_CONTENT_ID_SIZE);
		if (c->id)
			ldi_content_id(both, hl + bl + 1, c->id);
		free(both);
		if (!c->id)
			return -1;
		c->a.id = c->id;
	}
	return 0;
}

static int
set_string(json_t *obj, const char *key, const char *value)
{
	if (!value || !*value)
		return 0;
	return json_object_set_new(obj, key, json_string(value));
}

/* An array of the list's non-empty strings under key; nothing when
 * there are none. */
static int
set_list(json_t *obj, const char *key, const char *const *list, size_t n)
{
	json_t *arr = NULL;
	int rc = 0;
	for (size_t i = 0; i < n; i++) {
		if (!list[i] || !*list[i])
			continue;
		if (!arr && !(arr = json_array()))
			return -1;
		rc |= json_array_append_new(arr, json_string(list[i]));
	}
	return arr ? rc | json_object_set_new(obj, key, arr) : rc;
}

static int
set_quotes(json_t *obj, const lede_quote_t *quotes, size_t n)
{
	json_t *arr = NULL;
	int rc = 0;
	for (size_t i = 0; i < n; i++) {
		if (!quotes[i].text || !*quotes[i].text)
			continue;
		if (!arr && !(arr = json_array()))
			return -1;
		json_t *q = json_object();
		if (!q)
			rc = -1;
		else {
			rc |= set_string(q, "text", quotes[i].text);
			rc |= set_string(q, "speaker", quotes[i].speaker);
			rc |= json_array_append_new(arr, q);
		}
	}
	return arr ? rc | json_object_set_new(obj, "quotes", arr) : rc;
}

static int
compare_strings(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The slot of one facet field: its distinct values, sorted, joined by
 * LDI_VALUE_SEP (schema.h). A value holding the separator would split:
 * it is left out of the slot (it stays a term and in the stored data). */
static xc_status_t
add_field_slot(xc_doc_t *doc, unsigned slot, const char *const *v, size_t n)
{
	if (n == 0)
		return XC_OK;
	const char **sorted = malloc(n * sizeof *sorted);
	if (!sorted)
		return XC_NOMEM;
	size_t k = 0, len = 0;
	for (size_t i = 0; i < n; i++) {
		if (!v[i] || !*v[i] || strchr(v[i], LDI_VALUE_SEP))
			continue;
		sorted[k++] = v[i];
		len += strlen(v[i]) + 1;
	}
	xc_status_t xs = XC_OK;
	if (k) {
		qsort(sorted, k, sizeof *sorted, compare_strings);
		char *joined = malloc(len);
		if (!joined) {
			free(sorted);
			return XC_NOMEM;
		}
		size_t at = 0;
		for (size_t i = 0; i < k; i++) {
			if (i && !strcmp(sorted[i], sorted[i - 1]))
				continue;
			if (at)
				joined[at++] = LDI_VALUE_SEP;
			size_t l = strlen(sorted[i]);
			memcpy(joined + at, sorted[i], l);
			at += l;
		}
		xs = xc_doc_set_value(doc, slot, joined, at);
		free(joined);
	}
	free(sorted);
	return xs;
}

/* Slots LDI_SLOT_AUTHORS ... LDI_SLOT_DAY: what facets and timelines
 * count (schema.h). */
static xc_status_t
add_field_slots(xc_doc_t *doc, const lede_article_t *a)
{
	struct {
		unsigned slot;
		const char *const *v;
		size_t n;
	} lists[] = {
		{ LDI_SLOT_AUTHORS, a->authors, a->n_authors },
		{ LDI_SLOT_SOURCE, &a->source, a->source ? 1 : 0 },
		{ LDI_SLOT_SECTION, &a->section, a->section ? 1 : 0 },
		{ LDI_SLOT_LANGUAGE, &a->language, a->language ? 1 : 0 },
		{ LDI_SLOT_TAGS, a->tags, a->n_tags },
		{ LDI_SLOT_PLACES, a->places, a->n_places },
		{ LDI_SLOT_ORGS, a->orgs, a->n_orgs },
		{ LDI_SLOT_PEOPLE, a->people, a->n_people },
	};
	xc_status_t xs = XC_OK;
	for (size_t i = 0; xs == XC_OK && i < sizeof lists / sizeof *lists;
	     i++)
		xs = add_field_slot(doc, lists[i].slot, lists[i].v,
				    lists[i].n);
	char ymd[9];
	if (xs == XC_OK && a->date != LEDE_NO_DATE && day_key(a->date, ymd))
		xs = xc_doc_set_value(doc, LDI_SLOT_DAY, ymd, 8);
	return xs;
}

/* Slots LDI_SLOT_OLDEST and LDI_SLOT_NEWEST: the date's sort key, then
 * the id, so that equal dates sort by id. */
static xc_status_t
add_sort_keys(xc_doc_t *doc, int64_t date, const char *id)
{
	size_t idlen = strlen(id);
	char *key = malloc(LDI_SORT_KEY_DATE + idlen);
	if (!key)
		return XC_NOMEM;
	memcpy(key + LDI_SORT_KEY_DATE, id, idlen);
	ldi_sort_key(date, 0, key);
	xc_status_t xs = xc_doc_set_value(doc, LDI_SLOT_OLDEST, key,
					  LDI_SORT_KEY_DATE + idlen);
	if (xs == XC_OK) {
		ldi_sort_key(date, 1, key);
		xs = xc_doc_set_value(doc, LDI_SLOT_NEWEST, key,
				      LDI_SORT_KEY_DATE + idlen);
	}
	free(key);
	return xs;
}

/* Slot LDI_SLOT_STORY: the key near-duplicates share, when the body is
 * long enough to have one. */
static xc_status_t
add_story_key(xc_doc_t *doc, const char *body)
{
	char key[LDI_STORY_KEY_SIZE];
	int rc = ldi_story_key(body, key);
	if (rc < 0)
		return XC_NOMEM;
	if (rc == 0)
		return XC_OK;
	xc_status_t xs = xc_doc_set_value(doc, LDI_SLOT_STORY, key,
					  strlen(key));
	char term[sizeof LDI_PREFIX_STORY + LDI_STORY_KEY_SIZE];
	snprintf(term, sizeof term, "%s%s", LDI_PREFIX_STORY, key);
	return xs == XC_OK ? xc_doc_add_boolean_term(doc, term, strlen(term))
			   : xs;
}

/* The stored fields a list of hits shows, as hits are made from them: a
 * JSON object for slot LDI_SLOT_FIELDS (see schema.h). NULL when out of
 * memory. */
static char *
stored_fields(const lede_article_t *a, size_t words)
{
	json_t *obj = json_object();
	if (!obj)
		return NULL;
	int rc = set_string(obj, "id", a->id);
	rc |= set_string(obj, "headline", a->headline);
	rc |= set_list(obj, "authors", a->authors, a->n_authors);
	if (a->date != LEDE_NO_DATE) {
		char iso[LEDE_DATE_BUFSIZE];
		lede_date_format(a->date, iso);
		rc |= set_string(obj, "date", iso);
	}
	rc |= set_string(obj, "source", a->source);
	rc |= set_string(obj, "section", a->section);
	rc |= set_string(obj, "language", a->language);
	/* A feed's id is often its link: then "url" is true, not the
	 * same string again (schema.h). */
	if (a->url && *a->url && a->id && !strcmp(a->url, a->id))
		rc |= json_object_set_new(obj, "url", json_true());
	else
		rc |= set_string(obj, "url", a->url);
	rc |= set_list(obj, "tags", a->tags, a->n_tags);
	rc |= set_list(obj, "places", a->places, a->n_places);
	rc |= set_list(obj, "orgs", a->orgs, a->n_orgs);
	rc |= set_list(obj, "people", a->people, a->n_people);
	rc |= json_object_set_new(obj, "words", json_integer((json_int_t)words));
	char *fields = rc ? NULL : json_dumps(obj, JSON_COMPACT);
	json_decref(obj);
	return fields;
}

/* The document data: the JSON object of the fields shown with the body
 * (the quotes), a NUL, the body (see schema.h). *len: the whole length.
 * NULL when out of memory. */
static char *
stored_data(const lede_article_t *a, size_t *len)
{
	json_t *obj = json_object();
	if (!obj)
		return NULL;
	int rc = set_quotes(obj, a->quotes, a->n_quotes);
	char *json = rc ? NULL : json_dumps(obj, JSON_COMPACT);
	json_decref(obj);
	if (!json)
		return NULL;
	size_t jlen = strlen(json), blen = a->body ? strlen(a->body) : 0;
	char *s = realloc(json, jlen + 1 + blen + 1);
	if (!s) {
		free(json);
		return NULL;
	}
	s[jlen] = '\0';
	if (blen)
		memcpy(s + jlen + 1, a->body, blen);
	s[jlen + 1 + blen] = '\0';
	*len = jlen + 1 + blen;
	return s;
}

/* Fills doc from the article, in the language `lang`. On failure *detail
 * is the message of the handle that failed ("" when the status says it
 * all). */
static xc_status_t
build_document(const lede_article_t *a, const ldi_db_language_t *lang,
	       struct ldi_stem_cache **stems, ldi_wordset_t *spelling,
	       xc_doc_t *doc, const char **detail)
{
	text_indexer_t ti = { doc, lang->stemmer, stems, lang->code,
			      "", NULL, 1, 0, 1, XC_OK, "", 0, spelling };
	/* Headline words count twice: a word in the headline says more
	 * about what the article is than one in the body. */
	ti.also = LDI_PREFIX_HEADLINE;
	ti.wdfinc = HEADLINE_WDFINC;
#ifdef LEDE_TUNING
	/* For bench/eval-ranking.sh only (see searcher/search.c). */
	const char *tune = getenv("LEDE_HEADLINE_WDFINC");
	if (tune && *tune)
		ti.wdfinc = (uint32_t)strtoul(tune, NULL, 10);
#endif
	xc_status_t xs = index_text(&ti, a->headline);
	ti.also = NULL;
	ti.wdfinc = 1;
	ti.pos += LDI_POSITION_GAP;
	size_t words = ti.words;
	if (xs == XC_OK)
		xs = index_text(&ti, a->body);
	words = ti.words - words;
	/* Names are not stemmed, and have no exact forms of their own. */
	text_indexer_t names = { doc, NULL, NULL, lang->code,
				 LDI_PREFIX_AUTHOR, NULL, 0, 0, 1, XC_OK, "",
				 0, NULL };
	for (size_t i = 0; xs == XC_OK && i < a->n_authors; i++) {
		xs = index_text(&names, a->authors[i]);
		names.pos += LDI_POSITION_GAP;
	}
	text_indexer_t quotes = { doc, lang->stemmer, stems,
				  lang->code, LDI_PREFIX_QUOTE, NULL, 0, 0, 1,
				  XC_OK, "", 0, NULL };
	for (size_t i = 0; xs == XC_OK && i < a->n_quotes; i++) {
		xs = index_text(&quotes, a->quotes[i].text);
		quotes.pos += LDI_POSITION_GAP;
	}
	if (xs != XC_OK) {
		*detail = ti.status != XC_OK	  ? ti.detail
			  : names.status != XC_OK ? names.detail
						  : quotes.detail;
		return xs;
	}
	/* From here on only doc can fail. */
	*detail = xc_doc_errmsg(doc);
	if (xs == XC_OK)
		xs = add_folded_term(doc, LDI_PREFIX_SOURCE, a->source);
	if (xs == XC_OK)
		xs = add_folded_term(doc, LDI_PREFIX_SECTION, a->section);
	if (xs == XC_OK)
		xs = add_folded_term(doc, LDI_PREFIX_LANGUAGE, a->language);
	if (xs == XC_OK)
		xs = add_exact_term(doc, LDI_PREFIX_URL, a->url);
	if (xs == XC_OK && a->date != LEDE_NO_DATE)
		xs = add_date(doc, a->date);
	static const char *const list_prefixes[] = {
		LDI_PREFIX_TAG, LDI_PREFIX_PLACE, LDI_PREFIX_ORG,
		LDI_PREFIX_PERSON };
	const char *const *lists[] = { a->tags, a->places, a->orgs,
				       a->people };
	size_t counts[] = { a->n_tags, a->n_places, a->n_orgs, a->n_people };
	for (size_t l = 0; l < 4; l++)
		for (size_t i = 0; xs == XC_OK && i < counts[l]; i++)
			xs = add_folded_term(doc, list_prefixes[l],
					     lists[l][i]);
	if (xs == XC_OK)
		xs = add_field_slots(doc, a);
	if (xs == XC_OK)
		xs = add_story_key(doc, a->body);
	if (xs == XC_OK) {
		char *fields = stored_fields(a, words);
		if (!fields)
			return XC_NOMEM;
		xs = xc_doc_set_value(doc, LDI_SLOT_FIELDS, fields,
				      strlen(fields));
		free(fields);
	}
	if (xs == XC_OK) {
		size_t len = 0;
		char *data = stored_data(a, &len);
		if (!data)
			return XC_NOMEM;
		xs = xc_doc_set_data(doc, data, len);
		free(data);
	}
	return xs;
}

/* The language an article is indexed in: its own tag when lede knows
 * it (the record then shows the canonical code), else a guess from its
 * text, else unknown. Sets a->language to what the hit will show. NULL
 * only when out of memory. */
static ldi_db_language_t *
article_language(lede_db_t *db, lede_article_t *a)
{
	const char *code = NULL;
	if (a->language && *a->language) {
		code = ldi_language_code(a->language, strlen(a->language));
		if (code)
			a->language = code;
	} else {
		/* The headline alone is too short to tell; the body's first
		 * few thousand bytes are plenty. */
		const char *text = a->body && *a->body ? a->body : a->headline;
		if (text)
			code = ldi_language_detect(text, strlen(text));
		a->language = code;
	}
	ldi_db_language_t *lang =
		ldi_db_language(db, code ? code : LDI_LANGUAGE_UNKNOWN);
	if (!lang) /* the table is full: index unstemmed */
		lang = ldi_db_language(db, LDI_LANGUAGE_UNKNOWN);
	return lang;
}

lede_status_t
ldi_db_flush_spelling(lede_db_t *db)
{
	ldi_tally_t *t = &db->tally;
	if (!db->unit) {
		lede_status_t st = ldi_spell_take_entries(db);
		if (st != LEDE_OK)
			return st;
	}
	for (size_t i = 0; t->used && i < t->cap; i++) {
		ldi_tally_word_t *w = &t->slots[i];
		if (!w->count)
			continue;
		xc_db_t *x = db->unit ? db->shards[w->part].xdb : db->xdb;
		xc_status_t xs = xc_db_add_spelling(x, ldi_tally_word(t, w),
						    w->len, w->count);
		if (xs != XC_OK)
			return ldi_set_error(
				&db->errmsg, ldi_status_from_xc(xs),
				"cannot commit to index '%s': %s",
				db->unit ? db->shards[w->part].name
					 : db->path,
				xc_db_errmsg(x));
		/* Xapian has it now: a second try must not add it again. */
		w->count = 0;
	}
	ldi_tally_clear(t);
	return LEDE_OK;
}

void
ldi_db_changes_lost(lede_db_t *db, size_t part)
{
	if (db->unit)
		ldi_tally_drop(&db->tally, (uint32_t)part);
	else
		ldi_spell_forget(db);
}

/* A single index's tally goes to the spelling table at commits the caller
 * asks for (lede_db_commit, closing), or once it holds this many distinct
 * words or has counted this many articles; other commits only record it
 * (spelling_records.c). Bounds the tally's memory (some 20 MB) and how
 * far the table lags behind a long load. */
#define SPELL_MAX_WORDS (1u << 18)
#define SPELL_MAX_ARTICLES 50000u

/* Before a commit, or every LDI_BATCH_SIZE articles without one: gives
 * the spelling table the tally, or records it. An entry walks the whole
 * tally, so batches smaller than the default give it at once, as every
 * commit did before entries. */
static lede_status_t
spelling_checkpoint(lede_db_t *db, int give)
{
	const ldi_tally_t *t = &db->tally;
	int small_batches = db->batch_size && db->batch_size < LDI_BATCH_SIZE;
	if (give || db->unit || small_batches || t->used >= SPELL_MAX_WORDS ||
	    t->articles >= SPELL_MAX_ARTICLES)
		return ldi_db_flush_spelling(db);
	return ldi_spell_record(db);
}

static lede_status_t commit(lede_db_t *db, int give_spelling);

/* Commits once a batch is full, so memory stays bounded and a crash loses
 * at most one batch. */
lede_status_t
ldi_db_count_change(lede_db_t *db)
{
	db->dirty = 1;
	if (++db->pending < db->batch_size || db->batch_size == 0)
		return LEDE_OK;
	return commit(db, 0);
}

/* Deletes the documents with the unique term in every shard of the set
 * but `keep`. */
static lede_status_t
delete_elsewhere(lede_db_t *db, const char *term, size_t len, size_t keep)
{
	uint64_t *docs = NULL;
	size_t n = 0;
	lede_status_t st = ldi_db_postings(db, term, len, &docs, &n);
	for (size_t i = 0; st == LEDE_OK && i < n; i++) {
		int gone = 0;
		if ((size_t)(docs[i] >> 32) == keep)
			continue;
		st = ldi_db_delete_doc(db, docs[i], &gone);
	}
	free(docs);
	return st;
}

lede_status_t
lede_db_add(lede_db_t *db, const lede_article_t *article)
{
	if (!db)
		return LEDE_MISUSE;
	if (!article)
		return ldi_set_error(&db->errmsg, LEDE_MISUSE,
				     "lede_db_add: article is NULL");
	if (!db->writable)
		return ldi_db_read_only(db);
	const char *bad_list =
		article->n_authors && !article->authors	  ? "authors"
		: article->n_tags && !article->tags	  ? "tags"
		: article->n_places && !article->places ? "places"
		: article->n_orgs && !article->orgs	  ? "orgs"
		: article->n_people && !article->people ? "people"
		: article->n_quotes && !article->quotes ? "quotes"
							: NULL;
	if (bad_list)
		return ldi_set_error(&db->errmsg, LEDE_MISUSE,
				     "lede_db_add: n_%s is not 0 but %s is "
				     "NULL",
				     bad_list, bad_list);
	clean_article_t c;
	if (clean_article(&c, article) != 0) {
		clean_free(&c);
		return ldi_set_error(&db->errmsg, LEDE_NOMEM,
				     "out of memory");
	}
	ldi_db_language_t *lang = article_language(db, &c.a);
	if (!lang) {
		clean_free(&c);
		return ldi_set_error(&db->errmsg, LEDE_NOMEM,
				     "out of memory");
	}
	const lede_article_t *a = &c.a;
	/* A shard set: the shard of the article's date. */
	size_t shard = 0;
	xc_db_t *target = db->xdb;
	if (db->unit) {
		lede_status_t sst = ldi_set_shard_for(db, a->date, &shard);
		if (sst != LEDE_OK) {
			clean_free(&c);
			return sst;
		}
		target = db->shards[shard].xdb;
	}
	xc_doc_t *doc = NULL;
	xc_status_t xs = xc_doc_new(&doc);
	const char *detail = "";
	if (xs == XC_OK)
		xs = build_document(a, lang,
				    &db->stems[lang - db->languages],
				    &db->spelling, doc, &detail);
	if (xs == XC_OK) {
		char term[LDI_ID_TERM_SIZE];
		size_t tlen = ldi_id_term(a->id, strlen(a->id), term);
		xs = xc_doc_add_boolean_term(doc, term, tlen);
		if (xs == XC_OK)
			xs = xc_doc_set_value(doc, LDI_SLOT_ID, a->id,
					      strlen(a->id));
		if (xs == XC_OK)
			xs = add_sort_keys(doc, a->date, a->id);
		/* The file it came from, so that a changed or gone file's
		 * articles can be found (schema.h, "Files"). */
		if (xs == XC_OK && db->file.active)
			xs = xc_doc_add_boolean_term(doc, db->file.term,
						     db->file.term_len);
		detail = xc_doc_errmsg(doc);
		uint32_t docid = 0;
		if (xs == XC_OK) {
			xs = xc_db_replace_document(target, term, tlen, doc,
						    &docid);
			detail = xc_db_errmsg(target);
			if (xs != XC_OK)
				ldi_db_changes_lost(db, shard);
		}
		db->dirty |= xs == XC_OK;
		if (xs == XC_OK && db->unit)
			db->shards[shard].dirty = 1;
		if (xs == XC_OK && db->file.active &&
		    ldi_file_note(db, shard, docid) != LEDE_OK)
			xs = XC_NOMEM;
		/* One copy per id in a set: another shard's goes (the
		 * article's date moved it here). */
		if (xs == XC_OK && db->unit) {
			lede_status_t dst =
				delete_elsewhere(db, term, tlen, shard);
			if (dst != LEDE_OK) {
				xc_doc_free(doc);
				clean_free(&c);
				ldi_wordset_clear(&db->spelling);
				return dst;
			}
		}
	}
	/* The spelling table learns the article's words once each, in the
	 * database the article went to, when the batch is flushed. A
	 * replaced article's old words are not taken back: the table only
	 * ranks suggestions, and a re-index adds to all words alike. */
	if (xs == XC_OK &&
	    ldi_tally_add(&db->tally, (uint32_t)shard, &db->spelling) != 0) {
		xs = XC_NOMEM;
		detail = "";
	}
	ldi_wordset_clear(&db->spelling);
	lede_status_t st = LEDE_OK;
	if (xs != XC_OK)
		st = ldi_set_error(&db->errmsg, ldi_status_from_xc(xs),
				   "cannot add article '%s' to index '%s': %s",
				   a->id, db->path,
				   *detail ? detail : xc_status_str(xs));
	xc_doc_free(doc);
	clean_free(&c);
	if (st == LEDE_OK)
		st = ldi_db_count_change(db);
	/* Without a commit for a long while (a batch size over
	 * LDI_BATCH_SIZE, or 0), the words are still recorded every
	 * LDI_BATCH_SIZE articles, so that Xapian's own automatic commits
	 * carry most of them. */
	if (st == LEDE_OK &&
	    db->tally.articles - db->tally.checkpoint >= LDI_BATCH_SIZE)
		st = spelling_checkpoint(db, 0);
	return st;
}

lede_status_t
lede_db_delete(lede_db_t *db, const char *id, size_t len, int *deleted)
{
	if (!db)
		return LEDE_MISUSE;
	if (!id)
		return ldi_set_error(&db->errmsg, LEDE_MISUSE,
				     "lede_db_delete: id is NULL");
	if (!db->writable)
		return ldi_db_read_only(db);
	if (len == LEDE_NTS)
		len = strlen(id);
	char term[LDI_ID_TERM_SIZE];
	size_t tlen = ldi_id_term(id, len, term);
	if (db->unit) {
		/* A shard set: wherever it is. */
		uint64_t *docs = NULL;
		size_t count = 0;
		int any = 0;
		lede_status_t st = ldi_db_postings(db, term, tlen, &docs,
						   &count);
		for (size_t i = 0; st == LEDE_OK && i < count; i++) {
			int gone = 0;
			st = ldi_db_delete_doc(db, docs[i], &gone);
			any |= gone;
		}
		free(docs);
		if (deleted)
			*deleted = any;
		if (st != LEDE_OK)
			return st;
		return any ? ldi_db_count_change(db) : LEDE_OK;
	}
	uint32_t n = 0;
	xc_status_t xs = xc_db_delete_document(db->xdb, term, tlen, &n);
	if (xs != XC_OK) {
		ldi_db_changes_lost(db, 0);
		return ldi_set_error(&db->errmsg, ldi_status_from_xc(xs),
				     "cannot delete '%.*s': %s", (int)len, id,
				     xc_db_errmsg(db->xdb));
	}
	if (deleted)
		*deleted = n > 0;
	return n ? ldi_db_count_change(db) : LEDE_OK;
}

lede_status_t
lede_db_commit(lede_db_t *db)
{
	if (!db)
		return LEDE_MISUSE;
	if (!db->writable)
		return ldi_db_read_only(db);
	return commit(db, 1);
}

/* A batch's commit (give_spelling 0), or one the caller asked for. */
static lede_status_t
commit(lede_db_t *db, int give_spelling)
{
	/* Nothing to write: no new revision, so that a run that changed
	 * nothing leaves the index exactly as it was. Words recorded but
	 * not given to the spelling table are something. */
	if (!db->dirty && !db->pending && !db->languages_changed &&
	    !(db->tally.used && !db->unit))
		return LEDE_OK;
	/* The spelling table's words (or their entry) first, so they
	 * commit with the articles they came from. */
	lede_status_t st = spelling_checkpoint(db, give_spelling);
	/* The words not yet given stay in the tally for the next try. */
	if (st != LEDE_OK)
		return st;
	if (db->unit) {
		st = ldi_set_commit(db);
	} else {
		char now[LEDE_DATE_BUFSIZE];
		lede_date_format((int64_t)time(NULL), now);
		st = ldi_db_save_languages(db);
		if (st == LEDE_OK)
			st = ldi_commit_one(db, db->xdb, db->path, now);
	}
	if (st == LEDE_OK) {
		db->pending = 0;
		db->dirty = 0;
	} else if (!db->unit) {
		/* Xapian either dropped what this commit held (its entry,
		 * the deletion of older ones) or keeps it for the next:
		 * either way the entries hold the counts, not the tally,
		 * which goes with its session. */
		ldi_spell_forget(db);
	}
	return st;
}

lede_status_t
lede_db_set_batch_size(lede_db_t *db, unsigned n)
{
	if (!db)
		return LEDE_MISUSE;
	if (!db->writable)
		return ldi_db_read_only(db);
	db->batch_size = n;
	return LEDE_OK;
}
