/* analyze.c: splits text into words and folds each word into its term.
 * SPDX-License-Identifier: MIT
 *
 * Words are found on the caller's original text, one code point at a time,
 * so token offsets are byte offsets into that text; each word is then
 * folded on its own. Folding is NFKC, full case folding, removal of
 * default-ignorable code points and of combining marks, then a small table
 * of letters Unicode does not decompose (see extra_fold below).
 *
 * Decisions beyond analyze.h, kept here so the tests can pin them down:
 * - A ',' between digits joins them and is dropped ("10,000" -> "10000"),
 *   so the forms with and without a thousands separator find each other;
 *   a '.' between digits joins them and is kept ("1.13bn", "3.5"), since it
 *   carries meaning. Fullwidth '．' '，' and '＇' count as '.' ',' and '\''
 *   because NFKC would turn them into those anyway; U+02BC (modifier letter
 *   apostrophe, which some keyboards type for "'") is an apostrophe too.
 * - Soft hyphen, ZWNJ, ZWJ, word joiner and U+FEFF inside a word neither
 *   split it nor appear in its term; elsewhere they are ignored.
 * - Symbols separate words even where NFKC would make letters of them
 *   ("5㎏" -> "5", "a™" -> "a"), as analyze.h says; letters and numbers
 *   that NFKC rewrites are folded ("ﬁ" -> "fi", "½" -> "12", "Ⅻ" -> "xii"),
 *   and punctuation NFKC brings into a term ("1⁄2") is dropped.
 * - A word does not start with a combining mark (a stray mark or an emoji
 *   variation selector is skipped like a separator).
 * - A single-letter acronym's range includes its final dot ("U.K."), and a
 *   possessive word's range includes its "'s", so highlights cover them.
 * - Kana keep their voicing marks (が stays が, not か): dakuten are not
 *   accents, and stripping them would merge different Japanese words. A
 *   Han, kana or Hangul character takes the combining marks after it (and
 *   halfwidth ﾞ ﾟ), so decomposed and halfwidth forms fold to the same
 *   term; a Hangul syllable written as conjoining jamo is one word.
 *
 * Cost is linear in the input: code points are classified once, marks are
 * dropped while a word is gathered (STRIPMARK would drop them anyway), so
 * utf8proc never sorts long runs of marks, and a word whose gathered form
 * exceeds GATHER_MAX bytes is skipped without folding: each gathered code
 * point folds to at least one byte, so such a word could not fit in
 * LDI_MAX_TERM_BYTES anyway. Pure ASCII words (most of an English text)
 * are lower-cased by hand, without utf8proc and without allocation.
 */
#include "analyze.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

/* Gathered bytes beyond which a word cannot fold to a short enough term. */
#define GATHER_MAX (4 * LDI_MAX_TERM_BYTES)

/* Code points kept on the stack while folding one word; more is rare
 * (long decompositions) and goes to the heap. */
#define FOLD_STACK 512

/* NFKC and full case folding, with default-ignorables removed. Marks are
 * not stripped by utf8proc but by strip_marks, which spares kana voicing
 * marks. */
static const utf8proc_option_t fold_options =
	UTF8PROC_STABLE | UTF8PROC_COMPAT | UTF8PROC_COMPOSE |
	UTF8PROC_CASEFOLD | UTF8PROC_IGNORE;

enum kind {
	K_SEP,	  /* separates words */
	K_LETTER, /* L*, not CJK */
	K_DIGIT,  /* Nd */
	K_NUMBER, /* Nl, No, not CJK */
	K_MARK,	  /* Mn, Mc, Me */
	K_CJK,	  /* Han, kana, Hangul letter or number: a word alone */
	K_DOT,
	K_COMMA,
	K_APOS,
	K_TRANSP  /* invisible joiners that do not split a word */
};

#define S K_SEP
#define L K_LETTER
#define D K_DIGIT
static const unsigned char ascii_kind[128] = {
	S, S, S, S, S, S, S, S, S, S, S, S, S, S, S, S,
	S, S, S, S, S, S, S, S, S, S, S, S, S, S, S, S,
	S, S, S, S, S, S, S, K_APOS, S, S, S, S, K_COMMA, S, K_DOT, S,
	D, D, D, D, D, D, D, D, D, D, S, S, S, S, S, S,
	S, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L,
	L, L, L, L, L, L, L, L, L, L, L, S, S, S, S, S,
	S, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L,
	L, L, L, L, L, L, L, L, L, L, L, S, S, S, S, S,
};
#undef S
#undef L
#undef D

/* Letters that Unicode gives no decomposition but that people type without
 * their stroke or as two letters: "Łódź" is searched as "lodz", "Ørsted" as
 * "orsted", "Æsir" as "aesir". Applied after case folding, so only the
 * lower-case forms are listed. Sorted by code point. Changing this table
 * changes terms: bump LDI_ANALYSIS_VERSION. */
static const struct {
	int32_t from;
	char to[3];
} extra_fold[] = {
	{ 0x00E6, "ae" }, /* æ */
	{ 0x00F0, "d" },  /* ð (Icelandic eth, typed "d") */
	{ 0x00F8, "o" },  /* ø */
	{ 0x00FE, "th" }, /* þ */
	{ 0x0111, "d" },  /* đ */
	{ 0x0127, "h" },  /* ħ */
	{ 0x0131, "i" },  /* ı (dotless i) */
	{ 0x0142, "l" },  /* ł */
	{ 0x0153, "oe" }, /* œ */
};

static const char *extra_lookup(int32_t cp)
{
	size_t i;

	if (cp < 0x00E6 || cp > 0x0153)
		return NULL;
	for (i = 0; i < sizeof extra_fold / sizeof extra_fold[0]; i++)
		if (extra_fold[i].from == cp)
			return extra_fold[i].to;
	return NULL;
}

/* Decodes one code point per RFC 3629 (no overlongs, surrogates or values
 * above U+10FFFF). Returns its length in bytes, or 0 if s does not start a
 * valid sequence. Our own decoder, because the scanner calls it for every
 * non-ASCII character and must agree with ldi_utf8_invalid. */
static size_t decode(const unsigned char *s, size_t n, int32_t *cp)
{
	unsigned c = s[0];
	uint32_t v;

	if (c < 0x80) {
		*cp = (int32_t)c;
		return 1;
	}
	if (c < 0xC2 || c > 0xF4)
		return 0;
	if (c < 0xE0) {
		if (n < 2 || (s[1] & 0xC0) != 0x80)
			return 0;
		*cp = (int32_t)(((c & 0x1Fu) << 6) | (s[1] & 0x3Fu));
		return 2;
	}
	if (c < 0xF0) {
		if (n < 3 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80)
			return 0;
		v = ((c & 0x0Fu) << 12) | ((s[1] & 0x3Fu) << 6) |
		    (s[2] & 0x3Fu);
		if (v < 0x800 || (v >= 0xD800 && v <= 0xDFFF))
			return 0;
		*cp = (int32_t)v;
		return 3;
	}
	if (n < 4 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80 ||
	    (s[3] & 0xC0) != 0x80)
		return 0;
	v = ((c & 0x07u) << 18) | ((s[1] & 0x3Fu) << 12) |
	    ((s[2] & 0x3Fu) << 6) | (s[3] & 0x3Fu);
	if (v < 0x10000 || v > 0x10FFFF)
		return 0;
	*cp = (int32_t)v;
	return 4;
}

/* Scripts written without spaces between words, where we index each
 * character (Xapian's CJK n-gram mode does the same for its unigrams). */
static int is_cjk(int32_t cp)
{
	if (cp < 0x1100)
		return 0;
	return (cp <= 0x11FF) ||		      /* Hangul jamo */
	       (cp >= 0x3005 && cp <= 0x3007) ||      /* 々 〆 〇 */
	       (cp >= 0x3021 && cp <= 0x3029) ||      /* Hangzhou numerals */
	       (cp >= 0x3038 && cp <= 0x303C) ||
	       (cp >= 0x3040 && cp <= 0x30FF) ||      /* Hiragana, Katakana */
	       (cp >= 0x3130 && cp <= 0x318F) ||      /* Hangul compat jamo */
	       (cp >= 0x31F0 && cp <= 0x31FF) ||      /* Katakana ext. */
	       (cp >= 0x3400 && cp <= 0x4DBF) ||      /* Han ext. A */
	       (cp >= 0x4E00 && cp <= 0x9FFF) ||      /* Han */
	       (cp >= 0xA960 && cp <= 0xA97F) ||      /* Hangul jamo ext. A */
	       (cp >= 0xAC00 && cp <= 0xD7FF) ||      /* Hangul, jamo ext. B */
	       (cp >= 0xF900 && cp <= 0xFAFF) ||      /* Han compatibility */
	       (cp >= 0xFF66 && cp <= 0xFFDC) ||      /* halfwidth kana, jamo */
	       (cp >= 0x1AFF0 && cp <= 0x1B16F) ||    /* kana supplements */
	       (cp >= 0x20000 && cp <= 0x323AF);      /* Han ext. B-H, compat */
}

static int is_kana(int32_t cp)
{
	return (cp >= 0x3040 && cp <= 0x30FF) ||
	       (cp >= 0x31F0 && cp <= 0x31FF) ||
	       (cp >= 0xFF66 && cp <= 0xFF9D) ||
	       (cp >= 0x1AFF0 && cp <= 0x1B16F);
}

/* Voicing marks: combining, or the halfwidth spacing forms NFKC turns
 * into the combining ones. */
static int is_voicing(int32_t cp)
{
	return cp == 0x3099 || cp == 0x309A || cp == 0xFF9E || cp == 0xFF9F;
}

/* A Hangul leading jamo or syllable followed by vowel or trailing jamo is
 * one syllable in decomposed form. */
static int is_hangul_start(int32_t cp)
{
	return (cp >= 0x1100 && cp <= 0x115F) ||
	       (cp >= 0xA960 && cp <= 0xA97F) || (cp >= 0xAC00 && cp <= 0xD7A3);
}

static int is_hangul_vt(int32_t cp)
{
	return (cp >= 0x1160 && cp <= 0x11FF) || (cp >= 0xD7B0 && cp <= 0xD7FF);
}

static enum kind classify(int32_t cp)
{
	if (cp < 0x80)
		return (enum kind)ascii_kind[cp];
	switch (cp) {
	case 0x2019: /* right single quotation mark, the curly apostrophe */
	case 0x02BC: /* modifier letter apostrophe */
	case 0xFF07: /* fullwidth apostrophe */
		return K_APOS;
	case 0xFF0E:
		return K_DOT;
	case 0xFF0C:
		return K_COMMA;
	case 0x00AD: /* soft hyphen */
	case 0x200C: /* zero-width non-joiner */
	case 0x200D: /* zero-width joiner */
	case 0x2060: /* word joiner */
	case 0xFEFF: /* zero-width no-break space */
		return K_TRANSP;
	default:
		break;
	}
	switch (utf8proc_category(cp)) {
	case UTF8PROC_CATEGORY_LU:
	case UTF8PROC_CATEGORY_LL:
	case UTF8PROC_CATEGORY_LT:
	case UTF8PROC_CATEGORY_LM:
	case UTF8PROC_CATEGORY_LO:
		return is_cjk(cp) ? K_CJK : K_LETTER;
	case UTF8PROC_CATEGORY_ND:
		return K_DIGIT;
	case UTF8PROC_CATEGORY_NL:
	case UTF8PROC_CATEGORY_NO:
		return is_cjk(cp) ? K_CJK : K_NUMBER;
	case UTF8PROC_CATEGORY_MN:
	case UTF8PROC_CATEGORY_MC:
	case UTF8PROC_CATEGORY_ME:
		return K_MARK;
	default:
		return K_SEP;
	}
}

static int is_word_kind(enum kind k)
{
	return k == K_LETTER || k == K_DIGIT || k == K_NUMBER || k == K_MARK;
}

struct analyzer {
	const unsigned char *text;
	size_t len;
	ldi_token_fn fn;
	void *ctx;
	/* The word's code points minus marks and dropped joiners. */
	unsigned char gather[GATHER_MAX + 8];
	size_t glen;
	int ascii;    /* gather holds only ASCII */
	int too_long; /* gather overflowed: skip the word */
	char term[LDI_MAX_TERM_BYTES + 8];
};

/* Kind of the code point at pos (K_SEP at the end or on an invalid byte);
 * *n gets its length (1 for an invalid byte). */
static enum kind peek(const struct analyzer *a, size_t pos, int32_t *cp,
		      size_t *n)
{
	*cp = -1;
	*n = 1;
	if (pos >= a->len)
		return K_SEP;
	if (a->text[pos] < 0x80) {
		*cp = a->text[pos];
		return (enum kind)ascii_kind[a->text[pos]];
	}
	*n = decode(a->text + pos, a->len - pos, cp);
	if (*n == 0) {
		*n = 1;
		*cp = -1;
		return K_SEP;
	}
	return classify(*cp);
}

static void gather(struct analyzer *a, const unsigned char *s, size_t n)
{
	if (a->glen + n > GATHER_MAX) {
		a->too_long = 1;
		return;
	}
	if (s[0] >= 0x80)
		a->ascii = 0;
	memcpy(a->gather + a->glen, s, n);
	a->glen += n;
}

static size_t encode(int32_t cp, char *out)
{
	return (size_t)utf8proc_encode_char(cp, (utf8proc_uint8_t *)out);
}

/* Drops the combining marks that decomposition produced (é -> e + U+0301,
 * İ -> i + U+0307), except a voicing mark right after a kana. Returns the
 * new count. */
static size_t strip_marks(int32_t *cps, size_t n)
{
	size_t i, w = 0;

	for (i = 0; i < n; i++) {
		int32_t cp = cps[i];
		utf8proc_category_t cat;

		if (cp >= 0x300) {
			cat = utf8proc_category(cp);
			if ((cat == UTF8PROC_CATEGORY_MN ||
			     cat == UTF8PROC_CATEGORY_MC ||
			     cat == UTF8PROC_CATEGORY_ME) &&
			    !(is_voicing(cp) && w > 0 && is_kana(cps[w - 1])))
				continue;
		}
		cps[w++] = cp;
	}
	return w;
}

static int is_digit_cp(int32_t cp)
{
	return cp >= 0 && utf8proc_category(cp) == UTF8PROC_CATEGORY_ND;
}

/* Folds the valid UTF-8 in s into out (capacity cap bytes plus a NUL).
 * As a term (as_term), only letters, digits, marks and a '.' between
 * digits are kept; otherwise every code point is kept. Returns the length
 * written, cap + 1 if the result does not fit, or -1 when out of memory
 * or s is not valid UTF-8. */
static ptrdiff_t fold(const unsigned char *s, size_t n, int as_term,
		      char *out, size_t cap)
{
	int32_t stack[FOLD_STACK];
	int32_t *cps = stack;
	utf8proc_ssize_t m;
	size_t i, ncp, w = 0;
	ptrdiff_t rc;

	m = utf8proc_decompose(s, (utf8proc_ssize_t)n, cps, FOLD_STACK,
			       fold_options);
	if (m > FOLD_STACK) {
		cps = malloc((size_t)m * sizeof *cps);
		if (!cps)
			return -1;
		m = utf8proc_decompose(s, (utf8proc_ssize_t)n, cps, m,
				       fold_options);
	}
	if (m < 0) {
		rc = -1;
		goto out;
	}
	ncp = strip_marks(cps, (size_t)m);
	m = utf8proc_normalize_utf32(cps, (utf8proc_ssize_t)ncp,
				     fold_options);
	if (m < 0) {
		rc = -1;
		goto out;
	}
	ncp = (size_t)m;
	for (i = 0; i < ncp; i++) {
		int32_t cp = cps[i];
		const char *x;
		char buf[4];
		size_t bl;

		if (as_term && cp < 0x80) {
			/* ASCII after NFKC: "1⁄2" -> "12", "¹," -> "1". */
			if (cp == '.') {
				if (!(i > 0 && is_digit_cp(cps[i - 1]) &&
				      i + 1 < ncp && is_digit_cp(cps[i + 1])))
					continue;
			} else if (ascii_kind[cp] != K_LETTER &&
				   ascii_kind[cp] != K_DIGIT) {
				continue;
			}
		} else if (as_term) {
			switch (utf8proc_category(cp)) {
			case UTF8PROC_CATEGORY_LU:
			case UTF8PROC_CATEGORY_LL:
			case UTF8PROC_CATEGORY_LT:
			case UTF8PROC_CATEGORY_LM:
			case UTF8PROC_CATEGORY_LO:
			case UTF8PROC_CATEGORY_ND:
			case UTF8PROC_CATEGORY_NL:
			case UTF8PROC_CATEGORY_NO:
			case UTF8PROC_CATEGORY_MN:
			case UTF8PROC_CATEGORY_MC:
			case UTF8PROC_CATEGORY_ME:
				break;
			default:
				continue;
			}
		}
		x = extra_lookup(cp);
		if (x) {
			bl = strlen(x);
			memcpy(buf, x, bl);
		} else {
			bl = encode(cp, buf);
		}
		if (w + bl > cap) {
			rc = (ptrdiff_t)cap + 1;
			goto out;
		}
		memcpy(out + w, buf, bl);
		w += bl;
	}
	out[w] = '\0';
	rc = (ptrdiff_t)w;
out:
	if (cps != stack)
		free(cps);
	return rc;
}

/* Folds the gathered word and hands it to the callback. Returns the
 * callback's value, 0 for a skipped word, or -1 when out of memory. */
static int emit(struct analyzer *a, size_t start, size_t end)
{
	ldi_token_t tok;
	ptrdiff_t tlen;
	size_t i;

	if (a->too_long || a->glen == 0)
		return 0;
	if (a->ascii) {
		if (a->glen > LDI_MAX_TERM_BYTES)
			return 0;
		for (i = 0; i < a->glen; i++) {
			unsigned char c = a->gather[i];
			a->term[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
		}
		a->term[a->glen] = '\0';
		tlen = (ptrdiff_t)a->glen;
	} else {
		tlen = fold(a->gather, a->glen, 1, a->term,
			    LDI_MAX_TERM_BYTES);
		if (tlen < 0)
			return -1;
		if (tlen == 0 || tlen > LDI_MAX_TERM_BYTES)
			return 0;
	}
	tok.term = a->term;
	tok.len = (size_t)tlen;
	tok.start = start;
	tok.end = end;
	return a->fn(a->ctx, &tok);
}

static void gather_reset(struct analyzer *a)
{
	a->glen = 0;
	a->ascii = 1;
	a->too_long = 0;
}

/* Tries "U.K.", "e.g.", "U.S.A": single letters (each maybe followed by
 * marks) joined by dots, at least two of them. On success gathers the
 * letters, sets *end past the last letter or its dot, and returns 1. */
static int scan_acronym(struct analyzer *a, size_t start, size_t *end)
{
	size_t p = start, q, n, good = start;
	int32_t cp;
	enum kind k;
	int units = 0;

	gather_reset(a);
	for (;;) {
		size_t letter = p, letter_n;

		if (peek(a, p, &cp, &n) != K_LETTER)
			break;
		letter_n = n;
		q = p + n;
		while ((k = peek(a, q, &cp, &n)) == K_MARK)
			q += n;
		if (is_word_kind(k))
			break; /* a longer run: not a single letter */
		gather(a, a->text + letter, letter_n);
		units++;
		if (k != K_DOT) {
			good = q;
			break;
		}
		good = q + n;
		p = good;
	}
	if (units < 2)
		return 0;
	*end = good;
	return 1;
}

/* Gathers the word starting at start (a letter or number) and returns the
 * position after it; *end gets the end of the word's range. */
static size_t scan_word(struct analyzer *a, size_t start, size_t *end)
{
	size_t p = start, wend = start, n, n2, q;
	int32_t cp, cp2;
	enum kind k, k2, prev = K_SEP;

	gather_reset(a);
	for (;;) {
		k = peek(a, p, &cp, &n);
		switch (k) {
		case K_LETTER:
		case K_DIGIT:
		case K_NUMBER:
			/* Take a whole run of ASCII letters and digits at
			 * once: most words are nothing else. */
			q = p + n;
			while (q < a->len && a->text[q] < 0x80 &&
			       (ascii_kind[a->text[q]] == K_LETTER ||
				ascii_kind[a->text[q]] == K_DIGIT))
				q++;
			if (q > p + n)
				k = (enum kind)ascii_kind[a->text[q - 1]];
			n = q - p;
			gather(a, a->text + p, n);
			prev = k;
			p += n;
			wend = p;
			continue;
		case K_MARK:
			/* Stripped from terms anyway; dropping them here
			 * keeps utf8proc from sorting long runs of them. */
			p += n;
			wend = p;
			continue;
		case K_TRANSP:
			q = p + n;
			while ((k2 = peek(a, q, &cp2, &n2)) == K_TRANSP)
				q += n2;
			if (!is_word_kind(k2))
				break;
			p = q;
			continue;
		case K_DOT:
		case K_COMMA:
			if (prev != K_DIGIT ||
			    peek(a, p + n, &cp2, &n2) != K_DIGIT)
				break;
			if (k == K_DOT)
				gather(a, (const unsigned char *)".", 1);
			p += n;
			continue;
		case K_APOS:
			q = p + n;
			if (prev != K_LETTER ||
			    peek(a, q, &cp2, &n2) != K_LETTER)
				break;
			if ((cp2 == 's' || cp2 == 'S') &&
			    !is_word_kind(peek(a, q + 1, &cp2, &n2))) {
				/* Possessive: the word ends, "'s" dropped. */
				wend = q + 1;
				p = wend;
				break;
			}
			p = q;
			continue;
		default:
			break;
		}
		break;
	}
	*end = wend;
	return p;
}

/* Gathers one Han, kana or Hangul character with the marks that belong to
 * it; returns the position after them. */
static size_t scan_cjk(struct analyzer *a, size_t start)
{
	size_t p = start, n;
	int32_t cp, first;
	enum kind k;
	int voiced = 0;

	gather_reset(a);
	peek(a, p, &first, &n);
	gather(a, a->text + p, n);
	p += n;
	if (is_hangul_start(first)) {
		while (peek(a, p, &cp, &n) == K_CJK && is_hangul_vt(cp)) {
			gather(a, a->text + p, n);
			p += n;
		}
	}
	for (;;) {
		k = peek(a, p, &cp, &n);
		if (k != K_MARK && !(is_voicing(cp) && is_kana(first)))
			break;
		/* One voicing mark is kept; others would be stripped. */
		if (is_voicing(cp) && !voiced) {
			gather(a, a->text + p, n);
			voiced = 1;
		}
		p += n;
	}
	return p;
}

int ldi_analyze(const char *text, size_t len, ldi_token_fn fn, void *ctx)
{
	struct analyzer an, *a = &an;
	size_t pos = 0, n, next, end;
	int32_t cp;
	int rc = 0;

	a->text = (const unsigned char *)text;
	a->len = len;
	a->fn = fn;
	a->ctx = ctx;
	while (pos < len && rc == 0) {
		switch (peek(a, pos, &cp, &n)) {
		case K_LETTER:
			/* Cheap test first: an acronym's letter is followed
			 * by a dot or, when accented, by a mark. */
			if ((pos + 1 < len && (text[pos + 1] == '.' ||
					       (a->text[pos + 1] & 0x80))) &&
			    scan_acronym(a, pos, &end)) {
				rc = emit(a, pos, end);
				pos = end;
				break;
			}
			/* fall through */
		case K_DIGIT:
		case K_NUMBER:
			next = scan_word(a, pos, &end);
			rc = emit(a, pos, end);
			pos = next;
			break;
		case K_CJK:
			next = scan_cjk(a, pos);
			rc = emit(a, pos, next);
			pos = next;
			break;
		default:
			/* Skip a run of ASCII separators at once. */
			pos += n;
			while (pos < len && a->text[pos] < 0x80 &&
			       ascii_kind[a->text[pos]] == K_SEP)
				pos++;
			break;
		}
	}
	return rc;
}

int ldi_fold(const char *s, size_t len, char **out, size_t *outlen)
{
	const unsigned char *u = (const unsigned char *)s;
	unsigned char *pre;
	char *res;
	size_t p = 0, n, w = 0;
	int32_t cp, base = -1;
	ptrdiff_t r;

	/* Marks are dropped before utf8proc sees them, as in ldi_analyze, so
	 * a long run of them cannot make its canonical reordering slow. */
	pre = malloc(len + 1);
	if (!pre)
		return -1;
	while (p < len) {
		n = decode(u + p, len - p, &cp);
		if (n == 0) {
			free(pre);
			return -1;
		}
		if (classify(cp) != K_MARK && !is_voicing(cp)) {
			base = cp;
		} else if (is_voicing(cp) && is_kana(base)) {
			base = -1; /* one voicing mark after a kana is kept */
		} else {
			p += n;
			continue;
		}
		memcpy(pre + w, u + p, n);
		w += n;
		p += n;
	}
	/* Folding can grow text (ß -> ss, ﬃ -> ffi, U+FDFA -> 18 letters):
	 * try a generous size, then the worst case. */
	res = malloc(3 * w + 16);
	if (!res) {
		free(pre);
		return -1;
	}
	r = fold(pre, w, 0, res, 3 * w + 15);
	if (r > (ptrdiff_t)(3 * w + 15)) {
		size_t big = 18 * 4 * w + 16;
		char *grown = realloc(res, big);

		if (!grown) {
			free(res);
			free(pre);
			return -1;
		}
		res = grown;
		r = fold(pre, w, 0, res, big - 1);
	}
	free(pre);
	if (r < 0) {
		free(res);
		return -1;
	}
	*out = res;
	if (outlen)
		*outlen = (size_t)r;
	return 0;
}

const char *ldi_unicode_version(void)
{
	return utf8proc_unicode_version();
}
