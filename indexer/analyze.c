/* analyze.c: splits text into tokens and folds each into its term.
 * SPDX-License-Identifier: MIT
 *
 * Words are found on the caller's original text, one code point at a time,
 * so token offsets are byte offsets into that text; each word is then
 * folded on its own. Folding is NFKC, full case folding, removal of
 * default-ignorable code points and of combining marks, then a small table
 * of letters Unicode does not decompose (see extra_fold below). The exact
 * form is the same without the last two steps.
 *
 * Decisions beyond analyze.h, kept here so the tests can pin them down:
 * - A ',' between digits joins them and is dropped ("10,000" -> "10000"),
 *   so the forms with and without a thousands separator find each other;
 *   '.' and ':' between digits join them and are kept ("1.13bn", "20:00"),
 *   since they carry meaning. Fullwidth '．' '，' '：' '－' '／' and '＇'
 *   count as their ASCII forms because NFKC would turn them into those;
 *   U+02BC (modifier letter apostrophe, which some keyboards type for "'")
 *   is an apostrophe too.
 * - A '-' (or U+2010, U+2011) or '/' joins digits only while the word so
 *   far is digits and number separators ("2004-05", "24/7", "1.5-2"), and
 *   is kept as ASCII '-' or '/'. Otherwise a hyphen between word starts
 *   makes a compound: "covid-19" -> covid19, covid, 19; "10-year" ->
 *   10year, 10, year; "2004-05-season" -> 2004-05season, 2004-05, season.
 *   A compound's parts follow the word rules (acronyms, apostrophes), a
 *   possessive "'s" ends the compound, and with more than eight parts
 *   each part is a plain WORD. When a part gives no term (too long), the
 *   compound is not emitted either. En and em dashes separate.
 * - When a token is skipped (empty or too long), the next token that would
 *   have shared its position takes the next position instead, so a long
 *   compound still puts its first part one position on.
 * - URLs take ASCII characters up to a space, control character or <>",
 *   and non-ASCII letters, digits and marks other than CJK: CJK text and
 *   curly quotes often follow a URL with no space. Trailing .,;:!?' are
 *   dropped, and ) or ] when they close nothing inside the URL. A URL or
 *   e-mail address is case folded (NFKC, no accent stripping); one longer
 *   than LDI_MAX_URL_BYTES is skipped whole, not split into words.
 * - E-mail addresses are ASCII: a local part of letters, digits and
 *   ._%+-_ (at most 64 bytes, starting with a letter or digit), '@', then
 *   two or more labels of letters, digits and '-' joined by dots, the last
 *   all letters and at least two of them.
 * - A handle is '@' then letters, digits, marks and '_' with at least one
 *   letter ("@10" is not one); a hashtag is '#' then a letter, then the
 *   same. Either needs a word start: no letter, digit, mark, CJK character
 *   or '_' just before ("C#" is "c"). CJK letters end them. The SPECIAL
 *   term keeps '_' ("#climate_change"); the ALT bare word drops it
 *   ("climatechange"). A possessive "'s" after one is dropped.
 * - The exact form is at most EXACT_MAX bytes; a longer one (or one whose
 *   word gathered more marks than fit) is replaced by the term.
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
 *   term; a Hangul syllable written as conjoining jamo is one character.
 *   Bigrams run across Han, kana and Hangul alike (as in Xapian's CJK
 *   n-gram mode); anything else between two characters ends the run.
 *
 * Cost is linear in the input: code points are classified once, marks are
 * dropped while a word is gathered (STRIPMARK would drop them anyway), so
 * utf8proc never sorts long runs of marks, and a word whose gathered form
 * exceeds GATHER_MAX bytes is skipped without folding: each gathered code
 * point folds to at least one byte, so such a word could not fit in
 * LDI_MAX_TERM_BYTES anyway. The exact form's copy with marks is bounded
 * the same way. An e-mail check looks at most 64 bytes back from the next
 * '@', and every other scan consumes what it reads. Pure ASCII words (most
 * of an English text) are lower-cased by hand, without utf8proc and
 * without allocation, and their exact form is their term.
 */
#include "analyze.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

/* Gathered bytes beyond which a word cannot fold to a short enough term. */
#define GATHER_MAX (4 * LDI_MAX_TERM_BYTES)

/* The same for URLs and e-mail addresses. */
#define URL_GATHER_MAX (4 * LDI_MAX_URL_BYTES)

/* Longest exact form: room for two marks on every letter of a term. */
#define EXACT_MAX (3 * LDI_MAX_TERM_BYTES)

/* Most parts a hyphenated compound may have; a longer chain of hyphens is
 * more likely a list or an ASCII-art line than a word. */
#define MAX_PARTS 8

/* Longest e-mail local part and domain (RFC 5321). */
#define EMAIL_LOCAL_MAX 64
#define EMAIL_DOMAIN_MAX 255

/* Code points kept on the stack while folding one word; more is rare
 * (long decompositions) and goes to the heap. */
#define FOLD_STACK 512

/* NFKC and full case folding, with default-ignorables removed. Marks are
 * not stripped by utf8proc but by strip_marks, which spares kana voicing
 * marks. */
static const utf8proc_option_t fold_options =
	UTF8PROC_STABLE | UTF8PROC_COMPAT | UTF8PROC_COMPOSE |
	UTF8PROC_CASEFOLD | UTF8PROC_IGNORE;

/* fold() flags. */
#define F_TERM 1u	/* keep only what a term may hold */
#define F_STRIP 2u	/* strip marks and apply extra_fold */
#define F_UNDERSCORE 4u /* with F_TERM, keep '_' too (hashtags) */

enum kind {
	K_SEP,	  /* separates words */
	K_LETTER, /* L*, not CJK */
	K_DIGIT,  /* Nd */
	K_NUMBER, /* Nl, No, not CJK */
	K_MARK,	  /* Mn, Mc, Me */
	K_CJK,	  /* Han, kana, Hangul letter or number: a word alone */
	K_DOT,
	K_COMMA,
	K_COLON,
	K_HYPHEN,
	K_SLASH,
	K_APOS,
	K_AT,
	K_HASH,
	K_UNDER,  /* '_': separates words, but joins handles and hashtags */
	K_TRANSP  /* invisible joiners that do not split a word */
};

#define S K_SEP
#define L K_LETTER
#define D K_DIGIT
static const unsigned char ascii_kind[128] = {
	S, S, S, S, S, S, S, S, S, S, S, S, S, S, S, S,
	S, S, S, S, S, S, S, S, S, S, S, S, S, S, S, S,
	S, S, S, K_HASH, S, S, S, K_APOS, S, S, S, S, K_COMMA, K_HYPHEN,
	K_DOT, K_SLASH,
	D, D, D, D, D, D, D, D, D, D, K_COLON, S, S, S, S, S,
	K_AT, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L,
	L, L, L, L, L, L, L, L, L, L, L, S, S, S, S, K_UNDER,
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
	case 0xFF1A:
		return K_COLON;
	case 0x2010: /* hyphen */
	case 0x2011: /* non-breaking hyphen */
	case 0xFF0D: /* fullwidth hyphen-minus */
		return K_HYPHEN;
	case 0xFF0F:
		return K_SLASH;
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

/* Kinds a word (or a compound's part) starts with. */
static int is_start_kind(enum kind k)
{
	return k == K_LETTER || k == K_DIGIT || k == K_NUMBER;
}

/* One folded word: a compound's part, a CJK character, a hashtag's body. */
struct unit {
	char term[LDI_MAX_TERM_BYTES + 8];
	char exact[EXACT_MAX + 8];
	size_t len;  /* 0: nothing to emit */
	size_t xlen;
	int same;    /* exact is term */
	size_t start, end;
};

struct analyzer {
	const unsigned char *text;
	size_t len;
	ldi_token_fn fn;
	void *ctx;
	/* The word's code points minus marks and dropped joiners. */
	unsigned char gather[URL_GATHER_MAX + 8];
	size_t glen;
	size_t gmax;  /* GATHER_MAX, or URL_GATHER_MAX for URLs */
	int ascii;    /* gather holds only ASCII */
	int too_long; /* gather overflowed: skip the word */
	/* The same with marks, for the exact form; filled only once a word
	 * has a mark, since until then it would equal gather. */
	unsigned char xgather[GATHER_MAX + 8];
	size_t xglen;
	int xmark;     /* the word has marks: xgather is in use */
	int xtoo_long; /* xgather overflowed: exact falls back to term */
	struct unit units[MAX_PARTS];
	/* Compounds, bigrams, specials: the term and exact form built. */
	char cterm[LDI_MAX_URL_BYTES + 8];
	char cexact[EXACT_MAX + 8];
	int carry;     /* a skipped token left its position to the next */
	size_t at_pos; /* the next '@' at or after the scan, or len */
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

/* Whether the code point before pos belongs to a word, so that a '#' or
 * '@' at pos is inside one ("C#") rather than at a word start. */
static int after_word(const struct analyzer *a, size_t pos)
{
	size_t q, n;
	int32_t cp;
	enum kind k;

	if (pos == 0)
		return 0;
	q = pos - 1;
	while (q > 0 && pos - q < 4 && (a->text[q] & 0xC0) == 0x80)
		q--;
	n = decode(a->text + q, a->len - q, &cp);
	if (n == 0 || q + n != pos)
		return 0;
	k = classify(cp);
	return is_word_kind(k) || k == K_CJK || k == K_UNDER;
}

static void gather_reset(struct analyzer *a, size_t max)
{
	a->glen = 0;
	a->gmax = max;
	a->ascii = 1;
	a->too_long = 0;
	a->xglen = 0;
	a->xmark = 0;
	a->xtoo_long = 0;
}

static void xgather(struct analyzer *a, const unsigned char *s, size_t n)
{
	if (a->xglen + n > GATHER_MAX) {
		a->xtoo_long = 1;
		return;
	}
	memcpy(a->xgather + a->xglen, s, n);
	a->xglen += n;
}

/* Appends to the word (and to its exact copy, once that is in use). */
static void gather(struct analyzer *a, const unsigned char *s, size_t n)
{
	if (a->glen + n > a->gmax) {
		a->too_long = 1;
		return;
	}
	if (s[0] >= 0x80)
		a->ascii = 0;
	memcpy(a->gather + a->glen, s, n);
	a->glen += n;
	if (a->xmark && !a->xtoo_long)
		xgather(a, s, n);
}

/* A mark goes to the exact copy only: the term would strip it anyway. */
static void gather_mark(struct analyzer *a, const unsigned char *s,
			size_t n)
{
	if (a->too_long || a->xtoo_long)
		return;
	if (!a->xmark) {
		a->xmark = 1;
		xgather(a, a->gather, a->glen);
	}
	xgather(a, s, n);
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

/* Whether a term keeps this ASCII code point, found at cps[i]. */
static int term_keeps_ascii(const int32_t *cps, size_t i, size_t ncp,
			    unsigned flags)
{
	int32_t cp = cps[i];

	switch (cp) {
	case '.':
	case ':':
	case '-':
	case '/':
		/* Joiners of numbers, which the scanner put there. */
		return i > 0 && is_digit_cp(cps[i - 1]) && i + 1 < ncp &&
		       is_digit_cp(cps[i + 1]);
	case '_':
		return (flags & F_UNDERSCORE) != 0;
	default:
		return ascii_kind[cp] == K_LETTER || ascii_kind[cp] == K_DIGIT;
	}
}

/* Folds the valid UTF-8 in s into out (capacity cap bytes plus a NUL).
 * With F_TERM only letters, digits, marks and the joiners of numbers are
 * kept ("1⁄2" -> "12"); otherwise every code point is. With F_STRIP marks
 * are stripped and extra_fold applied; *changed (if not NULL) then says
 * whether that altered anything, so that the exact form is known to be the
 * term without folding again. Returns the length written, cap + 1 if the
 * result does not fit, or -1 when out of memory or s is not valid UTF-8. */
static ptrdiff_t fold(const unsigned char *s, size_t n, unsigned flags,
		      char *out, size_t cap, int *changed)
{
	int32_t stack[FOLD_STACK];
	int32_t *cps = stack;
	utf8proc_ssize_t m;
	size_t i, ncp, w = 0;
	ptrdiff_t rc;

	if (changed)
		*changed = 0;
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
	ncp = (size_t)m;
	if (flags & F_STRIP) {
		ncp = strip_marks(cps, (size_t)m);
		if (changed && ncp != (size_t)m)
			*changed = 1;
	}
	m = utf8proc_normalize_utf32(cps, (utf8proc_ssize_t)ncp,
				     fold_options);
	if (m < 0) {
		rc = -1;
		goto out;
	}
	ncp = (size_t)m;
	for (i = 0; i < ncp; i++) {
		int32_t cp = cps[i];
		const char *x = NULL;
		char buf[4];
		size_t bl;

		if ((flags & F_TERM) && cp < 0x80) {
			/* ASCII after NFKC: "1⁄2" -> "12", "¹," -> "1". */
			if (!term_keeps_ascii(cps, i, ncp, flags))
				continue;
		} else if (flags & F_TERM) {
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
				break;
			default:
				/* Enclosing marks (the keycap of "1️⃣")
				 * make symbols, not accents: not even
				 * the exact form keeps them. */
				continue;
			}
		}
		if (flags & F_STRIP)
			x = extra_lookup(cp);
		if (x) {
			bl = strlen(x);
			memcpy(buf, x, bl);
			if (changed)
				*changed = 1;
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

/* Lower-cases ASCII bytes (all of a gathered ASCII word is kept). */
static void ascii_lower(const unsigned char *s, size_t n, char *out)
{
	size_t i;

	for (i = 0; i < n; i++)
		out[i] = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] + 32 : s[i]);
	out[n] = '\0';
}

/* Folds the gathered word into u: its term (flags as fold's, F_STRIP
 * included) and its exact form. u->len is 0 when the word gives no term.
 * Returns 0, or -1 when out of memory. */
static int fold_unit(struct analyzer *a, struct unit *u, unsigned flags,
		     size_t start, size_t end)
{
	ptrdiff_t tlen, xlen;
	int changed = 1;

	u->len = 0;
	u->same = 1;
	u->start = start;
	u->end = end;
	if (a->too_long || a->glen == 0)
		return 0;
	if (a->ascii) {
		if (a->glen > LDI_MAX_TERM_BYTES)
			return 0;
		ascii_lower(a->gather, a->glen, u->term);
		u->len = a->glen;
		if (!a->xmark)
			return 0;
	} else {
		tlen = fold(a->gather, a->glen, flags | F_STRIP, u->term,
			    LDI_MAX_TERM_BYTES, &changed);
		if (tlen < 0)
			return -1;
		if (tlen == 0 || tlen > LDI_MAX_TERM_BYTES)
			return 0;
		u->len = (size_t)tlen;
		if (!changed && !a->xmark)
			return 0;
	}
	if (a->xtoo_long)
		return 0;
	xlen = a->xmark ? fold(a->xgather, a->xglen, flags & ~F_STRIP,
			       u->exact, EXACT_MAX, NULL)
			: fold(a->gather, a->glen, flags & ~F_STRIP, u->exact,
			       EXACT_MAX, NULL);
	if (xlen < 0)
		return -1;
	if (xlen == 0 || xlen > EXACT_MAX ||
	    ((size_t)xlen == u->len && !memcmp(u->exact, u->term, u->len)))
		return 0;
	u->xlen = (size_t)xlen;
	u->same = 0;
	return 0;
}

/* Hands one token to the callback, or skips it when its term is empty or
 * longer than max. exact may be NULL (the term) or equal to it. Returns
 * the callback's value, or 0. */
static int put(struct analyzer *a, ldi_token_kind_t kind, unsigned inc,
	       const char *term, size_t len, const char *exact,
	       size_t exact_len, size_t start, size_t end, size_t max)
{
	ldi_token_t tok;

	if (len == 0 || len > max) {
		if (inc)
			a->carry = 1;
		return 0;
	}
	if (a->carry) {
		inc = 1;
		a->carry = 0;
	}
	if (!exact || (exact_len == len && !memcmp(exact, term, len))) {
		exact = term;
		exact_len = len;
	}
	tok.term = term;
	tok.len = len;
	tok.exact = exact;
	tok.exact_len = exact_len;
	tok.start = start;
	tok.end = end;
	tok.pos_inc = inc;
	tok.kind = kind;
	return a->fn(a->ctx, &tok);
}

static int put_unit(struct analyzer *a, const struct unit *u,
		    ldi_token_kind_t kind, unsigned inc)
{
	return put(a, kind, inc, u->term, u->len, u->same ? NULL : u->exact,
		   u->xlen, u->start, u->end, LDI_MAX_TERM_BYTES);
}

/* Puts the concatenation of n units (the empty ones left out) into
 * a->cterm and a->cexact. Returns the term's length, or
 * LDI_MAX_TERM_BYTES + 1 when it is too long; *xlen gets the exact form's
 * length, 0 when that is too long (the term stands in for it). */
static size_t concat(struct analyzer *a, const struct unit *const *u,
		     size_t n, size_t *xlen)
{
	size_t i, tl = 0, xl = 0;

	for (i = 0; i < n; i++) {
		tl += u[i]->len;
		xl += u[i]->same ? u[i]->len : u[i]->xlen;
	}
	*xlen = 0;
	if (tl > LDI_MAX_TERM_BYTES)
		return LDI_MAX_TERM_BYTES + 1; /* too long: put() drops it */
	if (xl > EXACT_MAX)
		xl = 0;
	tl = 0;
	*xlen = xl;
	xl = 0;
	for (i = 0; i < n; i++) {
		const char *x = u[i]->same ? u[i]->term : u[i]->exact;
		size_t l = u[i]->same ? u[i]->len : u[i]->xlen;

		if (u[i]->len == 0)
			continue;
		memcpy(a->cterm + tl, u[i]->term, u[i]->len);
		tl += u[i]->len;
		if (*xlen) {
			memcpy(a->cexact + xl, x, l);
			xl += l;
		}
	}
	a->cterm[tl] = '\0';
	a->cexact[xl] = '\0';
	return tl;
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

	gather_reset(a, GATHER_MAX);
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
		if (q > letter + letter_n)
			gather_mark(a, a->text + letter + letter_n,
				    q - letter - letter_n);
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
 * position after it; *end gets the end of the word's range, and
 * *possessive whether it ended with a dropped "'s". */
static size_t scan_word(struct analyzer *a, size_t start, size_t *end,
			int *possessive)
{
	size_t p = start, wend = start, n, n2, q;
	int32_t cp, cp2;
	enum kind k, k2, prev = K_SEP;
	int digits_only = 1; /* digits and the joiners of numbers so far */

	gather_reset(a, GATHER_MAX);
	*possessive = 0;
	for (;;) {
		k = peek(a, p, &cp, &n);
		switch (k) {
		case K_LETTER:
		case K_DIGIT:
		case K_NUMBER:
			if (k != K_DIGIT)
				digits_only = 0;
			/* Take a whole run of ASCII letters and digits at
			 * once: most words are nothing else. */
			q = p + n;
			while (q < a->len && a->text[q] < 0x80) {
				unsigned char c = ascii_kind[a->text[q]];

				if (c == K_LETTER)
					digits_only = 0;
				else if (c != K_DIGIT)
					break;
				q++;
			}
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
			gather_mark(a, a->text + p, n);
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
		case K_COLON:
			if (prev != K_DIGIT ||
			    peek(a, p + n, &cp2, &n2) != K_DIGIT)
				break;
			if (k == K_DOT)
				gather(a, (const unsigned char *)".", 1);
			else if (k == K_COLON)
				gather(a, (const unsigned char *)":", 1);
			p += n;
			continue;
		case K_HYPHEN:
		case K_SLASH:
			/* A range or date; else the compound decides. */
			if (prev != K_DIGIT || !digits_only ||
			    peek(a, p + n, &cp2, &n2) != K_DIGIT)
				break;
			gather(a, (const unsigned char *)(k == K_HYPHEN ? "-"
								       : "/"),
			       1);
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
				*possessive = 1;
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

/* Scans one word or one part of a compound at start and folds it into u;
 * returns the position after it. *possessive as scan_word's. */
static size_t scan_part(struct analyzer *a, size_t start, struct unit *u,
			int *possessive, int *rc)
{
	size_t next, end;

	*possessive = 0;
	/* Cheap test first: an acronym's letter is followed by a dot or,
	 * when accented, by a mark. */
	if (start + 1 < a->len &&
	    (a->text[start + 1] == '.' || (a->text[start + 1] & 0x80)) &&
	    (a->text[start] >= 0x80 ||
	     ascii_kind[a->text[start]] == K_LETTER) &&
	    scan_acronym(a, start, &end))
		next = end;
	else
		next = scan_word(a, start, &end, possessive);
	*rc = fold_unit(a, u, F_TERM, start, end);
	return next;
}

/* Length of the hyphen at p when a compound goes on there: a hyphen, then
 * a letter or digit. 0 otherwise. */
static size_t compound_goes_on(const struct analyzer *a, size_t p)
{
	size_t n, n2;
	int32_t cp;

	if (peek(a, p, &cp, &n) != K_HYPHEN)
		return 0;
	return is_start_kind(peek(a, p + n, &cp, &n2)) ? n : 0;
}

/* A word, or a hyphenated compound and its parts. Returns the callback's
 * value (0 to go on) or -1; *next gets the position after the token. */
static int scan_compound(struct analyzer *a, size_t start, size_t *next)
{
	const struct unit *parts[MAX_PARTS];
	size_t p = start, h, nparts = 0, i, tl, xl;
	int possessive, rc, streaming = 0, first = 1;

	for (;;) {
		struct unit *u = &a->units[streaming ? 0 : nparts];

		p = scan_part(a, p, u, &possessive, &rc);
		if (rc)
			return rc;
		if (streaming) {
			rc = put_unit(a, u, LDI_TOKEN_WORD, 1);
			if (rc)
				return rc;
		} else {
			parts[nparts++] = u;
		}
		h = possessive ? 0 : compound_goes_on(a, p);
		if (!h)
			break;
		if (!streaming && nparts == MAX_PARTS) {
			/* Too many parts for a compound: plain words. */
			for (i = 0; i < nparts; i++) {
				rc = put_unit(a, parts[i], LDI_TOKEN_WORD, 1);
				if (rc)
					return rc;
			}
			streaming = 1;
		}
		p += h;
	}
	*next = p;
	if (streaming)
		return 0;
	if (nparts == 1)
		return put_unit(a, parts[0], LDI_TOKEN_WORD, 1);
	tl = concat(a, parts, nparts, &xl);
	for (i = 0; i < nparts; i++)
		if (parts[i]->len == 0)
			tl = 0; /* without a part, it is not the whole */
	rc = put(a, LDI_TOKEN_COMPOUND, 1, a->cterm, tl,
		 xl ? a->cexact : NULL, xl, parts[0]->start,
		 parts[nparts - 1]->end, LDI_MAX_TERM_BYTES);
	for (i = 0; i < nparts && rc == 0; i++) {
		if (parts[i]->len == 0)
			continue;
		rc = put_unit(a, parts[i], LDI_TOKEN_PART, first ? 0 : 1);
		first = 0;
	}
	return rc;
}

/* Gathers one Han, kana or Hangul character with the marks that belong to
 * it; returns the position after them. */
static size_t scan_cjk(struct analyzer *a, size_t start)
{
	size_t p = start, n;
	int32_t cp, first;
	enum kind k;
	int voiced = 0;

	gather_reset(a, GATHER_MAX);
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
		} else {
			gather_mark(a, a->text + p, n);
		}
		p += n;
	}
	return p;
}

/* A run of CJK characters: each a WORD, each adjacent pair an NGRAM. */
static int scan_cjk_run(struct analyzer *a, size_t start, size_t *next)
{
	struct unit *cur = &a->units[0], *nxt = &a->units[1], *t;
	const struct unit *pair[2];
	size_t p, q, n, tl, xl;
	int32_t cp;
	int rc;

	p = scan_cjk(a, start);
	if (fold_unit(a, cur, F_TERM, start, p))
		return -1;
	for (;;) {
		rc = put_unit(a, cur, LDI_TOKEN_WORD, 1);
		if (rc)
			break;
		if (peek(a, p, &cp, &n) != K_CJK)
			break;
		q = scan_cjk(a, p);
		if (fold_unit(a, nxt, F_TERM, p, q))
			return -1;
		if (cur->len && nxt->len) {
			pair[0] = cur;
			pair[1] = nxt;
			tl = concat(a, pair, 2, &xl);
			rc = put(a, LDI_TOKEN_NGRAM, 0, a->cterm, tl,
				 xl ? a->cexact : NULL, xl, cur->start,
				 nxt->end, LDI_MAX_TERM_BYTES);
			if (rc)
				break;
		}
		t = cur;
		cur = nxt;
		nxt = t;
		p = q;
	}
	*next = p;
	return rc;
}

/* Case-insensitive: does the text at p start with the lower-case ASCII
 * string s? */
static int starts_with(const struct analyzer *a, size_t p, const char *s)
{
	size_t i, n = strlen(s);

	if (a->len - p < n)
		return 0;
	for (i = 0; i < n; i++) {
		unsigned char c = a->text[p + i];

		if ((c >= 'A' && c <= 'Z' ? c + 32 : c) != (unsigned char)s[i])
			return 0;
	}
	return 1;
}

/* Folds the gathered URL or e-mail address (case only, accents kept) and
 * puts it as one SPECIAL token. */
static int put_whole(struct analyzer *a, size_t start, size_t end)
{
	ptrdiff_t tl;

	if (a->too_long)
		return put(a, LDI_TOKEN_SPECIAL, 1, a->cterm, 0, NULL, 0,
			   start, end, LDI_MAX_URL_BYTES);
	if (a->ascii) {
		tl = (ptrdiff_t)a->glen; /* put skips it if too long */
		if (a->glen <= LDI_MAX_URL_BYTES)
			ascii_lower(a->gather, a->glen, a->cterm);
	} else {
		tl = fold(a->gather, a->glen, 0, a->cterm, LDI_MAX_URL_BYTES,
			  NULL);
		if (tl < 0)
			return -1;
	}
	return put(a, LDI_TOKEN_SPECIAL, 1, a->cterm, (size_t)tl, NULL, 0,
		   start, end, LDI_MAX_URL_BYTES);
}

/* A URL at start (http://, https:// or www.): returns 1 and sets *next
 * and *rc if there is one, else 0. */
static int try_url(struct analyzer *a, size_t start, size_t *next, int *rc)
{
	size_t p, body, n, bad;
	int32_t cp;
	long parens = 0, brackets = 0;

	if (starts_with(a, start, "http://"))
		body = start + 7;
	else if (starts_with(a, start, "https://"))
		body = start + 8;
	else if (starts_with(a, start, "www."))
		body = start + 4;
	else
		return 0;
	for (p = body; p < a->len; p += n) {
		unsigned char c = a->text[p];

		n = 1;
		if (c < 0x80) {
			if (c <= 0x20 || c == 0x7F || c == '<' || c == '>' ||
			    c == '"')
				break;
			parens += c == '(' ? 1 : c == ')' ? -1 : 0;
			brackets += c == '[' ? 1 : c == ']' ? -1 : 0;
			continue;
		}
		n = decode(a->text + p, a->len - p, &cp);
		if (n == 0 || !is_word_kind(classify(cp)))
			break;
	}
	/* Drop what ends a sentence rather than the URL. */
	while (p > body) {
		unsigned char c = a->text[p - 1];

		if (c == ')' && parens < 0)
			parens++;
		else if (c == ']' && brackets < 0)
			brackets++;
		else if (c == '\0' || !strchr(".,;:!?'", c))
			break;
		p--;
	}
	if (p == body)
		return 0;
	/* "www." must be followed by a host name. */
	if (body == start + 4 && a->text[body] < 0x80 &&
	    ascii_kind[a->text[body]] != K_LETTER &&
	    ascii_kind[a->text[body]] != K_DIGIT)
		return 0;
	gather_reset(a, URL_GATHER_MAX);
	bad = p - start > URL_GATHER_MAX;
	if (bad)
		a->too_long = 1;
	else
		gather(a, a->text + start, p - start);
	*rc = put_whole(a, start, p);
	*next = p;
	return 1;
}

static int is_ascii_alnum(unsigned char c)
{
	return c < 0x80 &&
	       (ascii_kind[c] == K_LETTER || ascii_kind[c] == K_DIGIT);
}

/* An e-mail address at start: returns 1 and sets *next and *rc if there
 * is one, else 0. Only the 64 bytes before the next '@' can hold the local
 * part, so a text with no '@' costs one memchr. */
static int try_email(struct analyzer *a, size_t start, size_t *next,
		     int *rc)
{
	const unsigned char *t = a->text;
	size_t at, p, label, last = 0, labels = 0;
	int alpha = 1;

	if (a->at_pos < start) {
		const unsigned char *m =
			memchr(t + start, '@', a->len - start);
		a->at_pos = m ? (size_t)(m - t) : a->len;
	}
	at = a->at_pos;
	if (at >= a->len || at - start > EMAIL_LOCAL_MAX || at == start ||
	    !is_ascii_alnum(t[start]) || t[at - 1] == '.')
		return 0;
	for (p = start; p < at; p++)
		if (!is_ascii_alnum(t[p]) &&
		    (t[p] == '\0' || !strchr("._%+-_", t[p])))
			return 0;
	p = at + 1;
	for (;;) {
		label = p;
		alpha = 1;
		while (p < a->len && (is_ascii_alnum(t[p]) || t[p] == '-') &&
		       p - at <= EMAIL_DOMAIN_MAX) {
			if (ascii_kind[t[p]] != K_LETTER)
				alpha = 0;
			p++;
		}
		if (p == label || p - at > EMAIL_DOMAIN_MAX)
			return 0;
		labels++;
		last = p - label;
		if (p + 1 < a->len && t[p] == '.' && is_ascii_alnum(t[p + 1]))
			p++;
		else
			break;
	}
	if (labels < 2 || !alpha || last < 2)
		return 0;
	gather_reset(a, URL_GATHER_MAX);
	gather(a, t + start, p - start);
	*rc = put_whole(a, start, p);
	*next = p;
	return 1;
}

/* An @handle or #hashtag at start (on the '@' or '#'): returns 1 and sets
 * *next and *rc if there is one, else 0. */
static int try_tag(struct analyzer *a, size_t start, size_t *next, int *rc)
{
	struct unit *u = &a->units[0];
	size_t p, n, n2, end, tl, xl, i;
	int32_t cp;
	enum kind k;
	int letters = 0;
	char sigil = a->text[start] == '#' ? '#' : '@';

	if (after_word(a, start))
		return 0;
	p = start + 1;
	k = peek(a, p, &cp, &n);
	if (k != K_LETTER && (sigil == '#' || (k != K_DIGIT && k != K_UNDER)))
		return 0;
	gather_reset(a, GATHER_MAX);
	for (;;) {
		k = peek(a, p, &cp, &n);
		if (k == K_LETTER || k == K_DIGIT || k == K_UNDER) {
			letters |= k == K_LETTER;
			gather(a, a->text + p, n);
		} else if (k == K_MARK) {
			gather_mark(a, a->text + p, n);
		} else {
			break;
		}
		p += n;
	}
	if (!letters)
		return 0;
	end = p;
	/* "#Brexit's": the possessive goes, as after a word. */
	if (peek(a, p, &cp, &n) == K_APOS &&
	    peek(a, p + n, &cp, &n2) == K_LETTER &&
	    (cp == 's' || cp == 'S') &&
	    !is_word_kind(peek(a, p + n + 1, &cp, &n2)) &&
	    peek(a, p + n + 1, &cp, &n2) != K_UNDER)
		end = p = p + n + 1;
	*next = p;
	*rc = fold_unit(a, u, F_TERM | F_UNDERSCORE, start, end);
	if (*rc)
		return 1;
	/* The SPECIAL: the sigil and the body. */
	tl = u->len + 1;
	xl = u->same ? 0 : u->xlen + 1;
	if (u->len == 0)
		tl = 0;
	else if (tl <= LDI_MAX_TERM_BYTES) {
		a->cterm[0] = sigil;
		memcpy(a->cterm + 1, u->term, u->len + 1);
		if (xl) {
			a->cexact[0] = sigil;
			memcpy(a->cexact + 1, u->exact, u->xlen + 1);
		}
	}
	*rc = put(a, LDI_TOKEN_SPECIAL, 1, a->cterm, tl,
		  xl ? a->cexact : NULL, xl, start, end, LDI_MAX_TERM_BYTES);
	if (*rc)
		return 1;
	/* The ALT: the bare word, without underscores, which separate words
	 * in ordinary text and so in a query. */
	for (i = tl = 0; i < u->len; i++)
		if (u->term[i] != '_')
			u->term[tl++] = u->term[i];
	u->term[tl] = '\0';
	u->len = tl;
	if (!u->same) {
		for (i = xl = 0; i < u->xlen; i++)
			if (u->exact[i] != '_')
				u->exact[xl++] = u->exact[i];
		u->exact[xl] = '\0';
		u->xlen = xl;
	}
	u->start = start + 1;
	*rc = put_unit(a, u, LDI_TOKEN_ALT, 0);
	return 1;
}

int ldi_analyze(const char *text, size_t len, ldi_token_fn fn, void *ctx)
{
	struct analyzer an, *a = &an;
	size_t pos = 0, n, next;
	int32_t cp;
	int rc = 0;
	enum kind k;

	a->text = (const unsigned char *)text;
	a->len = len;
	a->fn = fn;
	a->ctx = ctx;
	a->carry = 0;
	a->at_pos = 0;
	if (len > 0) {
		const char *m = memchr(text, '@', len);

		a->at_pos = m ? (size_t)(m - text) : len;
	}
	while (pos < len && rc == 0) {
		k = peek(a, pos, &cp, &n);
		switch (k) {
		case K_LETTER:
			/* Only "http" and "www" can start a URL. */
			if ((cp | 0x20) == 'h' || (cp | 0x20) == 'w') {
				if (try_url(a, pos, &pos, &rc))
					break;
			}
			/* fall through */
		case K_DIGIT:
		case K_NUMBER:
			if (cp < 0x80 && try_email(a, pos, &pos, &rc))
				break;
			rc = scan_compound(a, pos, &next);
			pos = next;
			break;
		case K_CJK:
			rc = scan_cjk_run(a, pos, &next);
			pos = next;
			break;
		case K_AT:
		case K_HASH:
			if (try_tag(a, pos, &pos, &rc))
				break;
			pos += n;
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
	r = fold(pre, w, F_STRIP, res, 3 * w + 15, NULL);
	if (r > (ptrdiff_t)(3 * w + 15)) {
		size_t big = 18 * 4 * w + 16;
		char *grown = realloc(res, big);

		if (!grown) {
			free(res);
			free(pre);
			return -1;
		}
		res = grown;
		r = fold(pre, w, F_STRIP, res, big - 1, NULL);
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
