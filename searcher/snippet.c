/* snippet.c: choosing and highlighting the best passage of a hit.
 * SPDX-License-Identifier: MIT
 *
 * Our own rather than Xapian's MSet::snippet, because that one re-splits
 * the text with Xapian's tokeniser: it would not see that "CAFÉ" in the
 * query and "café" in the body are one word to lede.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "analyze.h"
#include "snippet.h"

/* Bodies longer than this are searched for a passage only in their first
 * part: a snippet is a preview, and the bound keeps search time flat. */
#define SCAN_LIMIT (256 * 1024)

typedef struct span {
	size_t start, end;
	int word; /* index of the query word it matches, or -1 */
} span_t;

/* What match_word said of a body word, remembered for the rest of the
 * body: a word comes back often (most of a body's words are repeats),
 * and stemming it again is most of what a snippet costs. Words longer
 * than a slot's key are not remembered. */
#define SEEN_SLOTS 2048 /* a power of two */
#define SEEN_KEY 23

typedef struct seen {
	char key[SEEN_KEY];
	unsigned char len; /* 0: an empty slot */
	int word;
} seen_t;

typedef struct scan {
	seen_t *seen; /* SEEN_SLOTS of them, or NULL */
	size_t n_seen;
	span_t *spans;
	size_t n, cap;
	char *const *words;
	size_t n_words;
	char **stems; /* stems of words, NULL for wildcards */
	xc_stemmer_t *stemmer;
	int failed;
} scan_t;

/* The query word a body word matches, or -1. The body word is stemmed
 * once, however many query words there are. */
static int
match_word(scan_t *sc, const ldi_token_t *tok)
{
	for (size_t i = 0; i < sc->n_words; i++) {
		const char *w = sc->words[i];
		size_t wl = strlen(w);
		if (wl > 1 && w[wl - 1] == '*') {
			if (tok->len >= wl - 1 && !memcmp(tok->term, w, wl - 1))
				return (int)i;
		} else if (wl == tok->len && !memcmp(tok->term, w, wl)) {
			return (int)i;
		}
	}
	const char *stem;
	size_t slen;
	if (!sc->stemmer ||
	    xc_stemmer_stem(sc->stemmer, tok->term, tok->len, &stem, &slen))
		return -1;
	for (size_t i = 0; i < sc->n_words; i++)
		if (sc->stems[i] && strlen(sc->stems[i]) == slen &&
		    !memcmp(sc->stems[i], stem, slen))
			return (int)i;
	return -1;
}

/* match_word through the memory of words seen. */
static int
match_seen(scan_t *sc, const ldi_token_t *tok)
{
	if (!sc->seen || tok->len == 0 || tok->len > SEEN_KEY)
		return match_word(sc, tok);
	uint32_t h = 2166136261u; /* FNV-1a */
	for (size_t i = 0; i < tok->len; i++)
		h = (h ^ (unsigned char)tok->term[i]) * 16777619u;
	size_t at = h & (SEEN_SLOTS - 1);
	for (;; at = (at + 1) & (SEEN_SLOTS - 1)) {
		seen_t *e = &sc->seen[at];
		if (!e->len)
			break;
		if (e->len == tok->len && !memcmp(e->key, tok->term, tok->len))
			return e->word;
	}
	int word = match_word(sc, tok);
	/* Three quarters full at most, so that lookups stay short. */
	if (sc->n_seen < SEEN_SLOTS / 4 * 3) {
		seen_t *e = &sc->seen[at];
		memcpy(e->key, tok->term, tok->len);
		e->len = (unsigned char)tok->len;
		e->word = word;
		sc->n_seen++;
	}
	return word;
}

static int
add_span(void *ctx, const ldi_token_t *tok)
{
	scan_t *sc = ctx;
	/* One span per stretch of text: a compound's parts, not the whole;
	 * a character, not its CJK pair; a hashtag, not its bare word. */
	if (tok->kind == LDI_TOKEN_COMPOUND || tok->kind == LDI_TOKEN_ALT ||
	    tok->kind == LDI_TOKEN_NGRAM)
		return 0;
	if (sc->n == sc->cap) {
		size_t cap = sc->cap ? sc->cap * 2 : 256;
		span_t *ns = realloc(sc->spans, cap * sizeof *ns);
		if (!ns) {
			sc->failed = 1;
			return 1;
		}
		sc->spans = ns;
		sc->cap = cap;
	}
	span_t *sp = &sc->spans[sc->n++];
	sp->start = tok->start;
	sp->end = tok->end;
	sp->word = match_seen(sc, tok);
	return 0;
}

/* Appends to a growing string; on failure the string is freed and NULL
 * kept, so callers check once at the end. `chars` counts the code points
 * of the text put, highlight marks left out. */
typedef struct out {
	char *s;
	size_t n, cap;
	size_t chars;
} out_t;

static size_t
code_points(const char *s, size_t len)
{
	size_t n = 0;
	for (size_t i = 0; i < len; i++)
		n += ((unsigned char)s[i] & 0xC0) != 0x80;
	return n;
}

/* Appends a highlight mark: not text, not counted. */
static void
put_mark(out_t *o, const char *s, size_t len)
{
	if (!o->s && o->cap)
		return;
	if (o->n + len + 1 > o->cap) {
		size_t cap = (o->n + len + 1) * 2;
		char *ns = realloc(o->s, cap);
		if (!ns) {
			free(o->s);
			o->s = NULL;
			o->cap = 1;
			return;
		}
		o->s = ns;
		o->cap = cap;
	}
	memcpy(o->s + o->n, s, len);
	o->n += len;
	o->s[o->n] = '\0';
}

static void
put(out_t *o, const char *s, size_t len)
{
	put_mark(o, s, len);
	o->chars += code_points(s, len);
}

/* Records [start, start + length) of the text put as a highlight. */
static void
add_range(out_t *o, ldi_range_list_t *ranges, size_t start, size_t length)
{
	if (!ranges || !o->s)
		return;
	if (ranges->n == ranges->cap) {
		size_t cap = ranges->cap ? 2 * ranges->cap : 8;
		lede_range_t *nr = realloc(ranges->v, cap * sizeof *nr);
		if (!nr) {
			free(o->s);
			o->s = NULL;
			o->cap = 1;
			return;
		}
		ranges->v = nr;
		ranges->cap = cap;
	}
	ranges->v[ranges->n].start = start;
	ranges->v[ranges->n].length = length;
	ranges->n++;
}

static int
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
	       c == '\v';
}

/* Copies text[from, to) with white space runs as single spaces. */
static void
put_text(out_t *o, const char *text, size_t from, size_t to)
{
	size_t i = from;
	while (i < to) {
		if (is_space(text[i])) {
			while (i < to && is_space(text[i]))
				i++;
			put(o, " ", 1);
			continue;
		}
		size_t j = i;
		while (j < to && !is_space(text[j]))
			j++;
		put(o, text + i, j - i);
		i = j;
	}
}

/* Finds the best window [*first, *last] of spans. */
static void
best_window(const scan_t *sc, const char *body, size_t max_chars,
	    size_t *first, size_t *last)
{
	size_t counts_small[16];
	size_t *counts = sc->n_words <= 16
				 ? counts_small
				 : calloc(sc->n_words, sizeof *counts);
	*first = 0;
	*last = 0;
	if (!counts)
		return;
	memset(counts, 0, sc->n_words * sizeof *counts);
	long best = -1;
	size_t distinct = 0, matches = 0, j = 0;
	for (size_t i = 0; i < sc->n; i++) {
		if (j < i)
			j = i;
		while (j < sc->n &&
		       sc->spans[j].end - sc->spans[i].start <= max_chars) {
			int w = sc->spans[j].word;
			if (w >= 0) {
				matches++;
				if (counts[w]++ == 0)
					distinct++;
			}
			j++;
		}
		/* Starting at a sentence reads better: a small bonus. */
		size_t s = sc->spans[i].start;
		int sentence = i == 0;
		while (s > 0 && is_space(body[s - 1]))
			s--;
		if (s > 0 && (body[s - 1] == '.' || body[s - 1] == '!' ||
			      body[s - 1] == '?' || body[s - 1] == '\n'))
			sentence = 1;
		long score = (long)distinct * 1000 + (long)matches * 10 +
			     sentence * 5;
		if (score > best && j > i) {
			best = score;
			*first = i;
			*last = j - 1;
		}
		int w = sc->spans[i].word;
		if (w >= 0 && i < j) {
			matches--;
			if (--counts[w] == 0)
				distinct--;
		}
	}
	if (counts != counts_small)
		free(counts);
}

char *
ldi_snippet(const char *body, char *const *words, size_t n_words,
	    xc_stemmer_t *stemmer, size_t max_chars, const char *hi_start,
	    const char *hi_end, ldi_range_list_t *ranges)
{
	size_t len = strlen(body);
	scan_t sc = { NULL, 0, NULL, 0, 0, words, n_words, NULL, stemmer, 0 };
	out_t o = { NULL, 0, 0, 0 };
	if (ranges)
		ranges->n = 0;
	if (max_chars == 0)
		max_chars = 1;
	sc.stems = calloc(n_words ? n_words : 1, sizeof *sc.stems);
	if (!sc.stems)
		return NULL;
	for (size_t i = 0; i < n_words; i++) {
		size_t wl = strlen(words[i]);
		const char *s;
		size_t slen;
		if ((wl > 1 && words[i][wl - 1] == '*') || !stemmer ||
		    xc_stemmer_stem(stemmer, words[i], wl, &s, &slen))
			continue;
		sc.stems[i] = malloc(slen + 1);
		if (!sc.stems[i])
			goto done;
		memcpy(sc.stems[i], s, slen);
		sc.stems[i][slen] = '\0';
	}
	/* Without memory (out of it) words are only stemmed each time. */
	sc.seen = calloc(SEEN_SLOTS, sizeof *sc.seen);
	if (ldi_analyze(body, len < SCAN_LIMIT ? len : SCAN_LIMIT, add_span,
			&sc) < 0 ||
	    sc.failed)
		goto done;

	put(&o, "", 0);
	if (sc.n == 0) {
		size_t end = len < max_chars ? len : max_chars;
		while (end < len && end > 0 &&
		       ((unsigned char)body[end] & 0xC0) == 0x80)
			end--;
		put_text(&o, body, 0, end);
		if (end < len)
			put(&o, "…", strlen("…"));
		goto done;
	}
	size_t first, last;
	best_window(&sc, body, max_chars, &first, &last);
	size_t from = sc.spans[first].start, to = sc.spans[last].end;
	/* Keep the punctuation that closes the last word's sentence. */
	while (to < len && !is_space(body[to]) && to - from < max_chars)
		to++;
	/* Never stop inside a character. */
	while (to < len && to > sc.spans[last].end &&
	       ((unsigned char)body[to] & 0xC0) == 0x80)
		to--;
	if (from > 0)
		put(&o, "…", strlen("…"));
	size_t at = from;
	for (size_t i = first; i <= last; i++) {
		if (sc.spans[i].word < 0)
			continue;
		put_text(&o, body, at, sc.spans[i].start);
		put_mark(&o, hi_start, strlen(hi_start));
		size_t start = o.chars;
		put(&o, body + sc.spans[i].start,
		    sc.spans[i].end - sc.spans[i].start);
		add_range(&o, ranges, start, o.chars - start);
		put_mark(&o, hi_end, strlen(hi_end));
		at = sc.spans[i].end;
	}
	put_text(&o, body, at, to);
	/* Trailing white space at the cut reads as a stray gap. */
	while (o.s && o.n > 0 && o.s[o.n - 1] == ' ')
		o.s[--o.n] = '\0';
	if (to < len)
		put(&o, "…", strlen("…"));
done:
	for (size_t i = 0; i < n_words; i++)
		free(sc.stems[i]);
	free(sc.stems);
	free(sc.seen);
	free(sc.spans);
	return o.s;
}
