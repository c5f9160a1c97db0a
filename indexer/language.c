/* language.c: language tags, stemmer names, stopwords and a cheap guess.
 * SPDX-License-Identifier: MIT
 *
 * One table (languages[] in language_table.h) knows every language lede
 * names: its ISO 639-1 code, the other codes and English names metadata
 * uses for it, the Snowball stemmer Xapian 1.4.22 ships for it (checked
 * against Xapian::Stem::get_available_languages()), and its stopword list.
 *
 * Decisions beyond language.h, kept here so the tests can pin them down:
 * - Norwegian is "no" whatever the tag says ("nb", "nn", "nob", "nno",
 *   "Bokmal"): Xapian has one Norwegian stemmer, and one code keeps the
 *   language facet from splitting one archive's articles in three. The
 *   retired codes "iw" (Hebrew) and "in" (Indonesian) still occur in old
 *   feeds and map to "he" and "id".
 * - Stopword lists are written in folded form, the form ldi_analyze gives
 *   ("ete" for "été", "sie" for "się", "dont" for "don't"), and kept sorted
 *   by bytes so duplicates show; test_language checks both. Lookup is one
 *   hash table over all the lists, built with the library (stop_table.h).
 *   Russian is there for stopword lookup only: Cyrillic text is recognised
 *   by its letters, never by its stopwords.
 * - Detection reads the first DETECT_BYTES bytes only: enough for a few
 *   hundred words, and cheap on a 50 MB body. Script decides first:
 *   letters are counted per script, Han, kana and Hangul weighing
 *   CJK_WEIGHT letters each (one of them carries about as much text as a
 *   short Latin word), and the leading script must hold DOMINANT_PCT per
 *   cent of the weight, or the text is mixed and the answer NULL.
 * - Scripts used by several languages go to the one news archives hold
 *   most: Devanagari is "hi" (Nepali and Marathi need metadata), Arabic
 *   script "ar". Cyrillic is "ru" unless letters Russian lacks say
 *   otherwise: є і ї ґ "uk", ђ ј љ њ ћ џ "sr", a frequent ъ with no ы, э
 *   or ё "bg".
 * - For Latin script each word votes for every language whose stopword
 *   list holds it, each vote weighing 1/k when k lists hold the word: a
 *   word many languages share ("a", "de", "en") says little, and close
 *   pairs (Danish and Norwegian, Spanish and Catalan) are told apart by
 *   the words they do not share. The winner needs MIN_HITS stopwords, a
 *   share of at least MIN_SHARE_PCT per cent of the words, and
 *   LEAD_NUM/LEAD_DEN times the weighted votes of the runner-up, or else
 *   clearly more of the words that tell the two apart, or letters only it
 *   writes (see clear_lead). Such letters (ł, ř, ő, ğ: marked_letters)
 *   also let MIN_HITS_MARKED stopwords do for MIN_HITS, since feeds are
 *   full of a headline and one sentence. Latin languages without a list
 *   here (Vietnamese, Slovak, Croatian, ...) come out NULL or, when close
 *   to a listed one, as that one (Slovak as "cs").
 */
#include "language.h"

#include "analyze.h"
#include "language_table.h"
#include "stop_table.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#define DETECT_BYTES 4096
#define CJK_WEIGHT 3
#define DOMINANT_PCT 60
/* Fewer letters than this in the leading script decide nothing. */
#define MIN_SCRIPT_LETTERS 4
/* Latin text needs this many words (not numbers) to be judged at all. */
#define MIN_WORDS 8
#define MIN_HITS 5
/* ... or this many, with MARKED_MIN letters of its own (marked_letters). */
#define MIN_HITS_MARKED 3
#define MARKED_MIN 3
#define MIN_SHARE_PCT 15
#define LEAD_NUM 3
#define LEAD_DEN 2
#define APART_MIN 3

/* Compares s[0..n) with the lower-case NUL-terminated word, ignoring ASCII
 * case (tags are ASCII; a locale's tolower has no business here). */
static int ascii_ieq(const char *s, size_t n, const char *word)
{
	size_t i;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c >= 'A' && c <= 'Z')
			c = (unsigned char)(c - 'A' + 'a');
		if (word[i] == '\0' || (unsigned char)word[i] != c)
			return 0;
	}
	return word[n] == '\0';
}

static const struct language *by_name(const char *s, size_t n)
{
	size_t i, j;

	for (i = 0; i < NLANG; i++)
		for (j = 0; j < 3 && languages[i].names[j]; j++)
			if (ascii_ieq(s, n, languages[i].names[j]))
				return &languages[i];
	return NULL;
}

static const struct language *by_code(const char *s, size_t n)
{
	size_t i, j;

	for (i = 0; i < NLANG; i++) {
		if (ascii_ieq(s, n, languages[i].code))
			return &languages[i];
		for (j = 0; j < 4 && languages[i].aliases[j]; j++)
			if (ascii_ieq(s, n, languages[i].aliases[j]))
				return &languages[i];
	}
	return NULL;
}

static int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
	       c == '\v';
}

const char *ldi_language_code(const char *tag, size_t len)
{
	const struct language *lang;
	size_t primary;

	if (!tag)
		return NULL;
	while (len > 0 && is_space(tag[0])) {
		tag++;
		len--;
	}
	while (len > 0 && is_space(tag[len - 1]))
		len--;
	if (len == 0)
		return NULL;
	/* A whole name first, so "Irish Gaelic" is not cut at its space. */
	lang = by_name(tag, len);
	if (lang)
		return lang->code;
	for (primary = 0; primary < len; primary++)
		if (tag[primary] == '-' || tag[primary] == '_')
			break;
	if (primary == 2 || primary == 3)
		lang = by_code(tag, primary);
	else
		lang = by_name(tag, primary); /* "English-US", "polish_PL" */
	return lang ? lang->code : NULL;
}

static const struct language *by_canonical(const char *code)
{
	size_t i;

	if (!code)
		return NULL;
	for (i = 0; i < NLANG; i++)
		if (!strcmp(languages[i].code, code))
			return &languages[i];
	return NULL;
}

const char *ldi_language_stemmer(const char *code)
{
	const struct language *lang = by_canonical(code);

	return lang ? lang->stemmer : NULL;
}

/* The set of languages whose lists hold term[0..len) (bit i:
 * languages[i]). One probe answers "which languages stop this word", which
 * the writer asks for every token and detection for every word of every
 * language; a binary search per list made that the indexer's top cost.
 * The table is const data written at build time (stop_table.h), so the
 * first lookup of a process costs no more than the others. */
static uint64_t stop_langs(const char *term, size_t len)
{
	uint32_t i = ldi_stop_hash(term, len) & (LDI_STOP_SLOTS - 1);
	uint16_t k;

	while ((k = ldi_stop_slots[i]) != 0) {
		const struct ldi_stop_word *w = &ldi_stop_words[k - 1];

		if (w->len == len && !memcmp(ldi_stop_text + w->off, term, len))
			return w->langs;
		i = (i + 1) & (LDI_STOP_SLOTS - 1);
	}
	return 0;
}

static int in_list(const struct language *lang, const char *term, size_t len)
{
	return (stop_langs(term, len) >> (size_t)(lang - languages)) & 1;
}

int ldi_is_stopword(const char *code, const char *term, size_t len)
{
	const struct language *lang = by_canonical(code);

	if (!lang || !term)
		return 0;
	return in_list(lang, term, len);
}

/* Exposed so test_language can check every list is sorted and folded. */
const char *const *ldi_language_stopwords(const char *code, size_t *count)
{
	const struct language *lang = by_canonical(code);

	*count = lang ? lang->nstop : 0;
	return lang ? lang->stop : NULL;
}

enum script {
	SC_LATIN,
	SC_GREEK,
	SC_CYRILLIC,
	SC_ARMENIAN,
	SC_HEBREW,
	SC_ARABIC,
	SC_DEVANAGARI,
	SC_TAMIL,
	SC_THAI,
	SC_HANGUL,
	SC_KANA,
	SC_HAN,
	SC_OTHER,
	SC_COUNT
};

/* Code point ranges of the scripts that decide a language, sorted. Only
 * letters and marks inside them are counted (see letter_script). */
static const struct {
	int32_t first, last;
	enum script script;
} script_ranges[] = {
	{ 0x0041, 0x005A, SC_LATIN },	   { 0x0061, 0x007A, SC_LATIN },
	{ 0x00C0, 0x024F, SC_LATIN },	   { 0x0370, 0x03FF, SC_GREEK },
	{ 0x0400, 0x052F, SC_CYRILLIC },   { 0x0531, 0x058F, SC_ARMENIAN },
	{ 0x0591, 0x05FF, SC_HEBREW },	   { 0x0600, 0x06FF, SC_ARABIC },
	{ 0x0750, 0x077F, SC_ARABIC },	   { 0x08A0, 0x08FF, SC_ARABIC },
	{ 0x0900, 0x097F, SC_DEVANAGARI }, { 0x0B80, 0x0BFF, SC_TAMIL },
	{ 0x0E00, 0x0E7F, SC_THAI },	   { 0x1100, 0x11FF, SC_HANGUL },
	{ 0x1C80, 0x1C8F, SC_CYRILLIC },   { 0x1E00, 0x1EFF, SC_LATIN },
	{ 0x1F00, 0x1FFF, SC_GREEK },	   { 0x2C60, 0x2C7F, SC_LATIN },
	{ 0x2DE0, 0x2DFF, SC_CYRILLIC },   { 0x3040, 0x30FF, SC_KANA },
	{ 0x3130, 0x318F, SC_HANGUL },	   { 0x31F0, 0x31FF, SC_KANA },
	{ 0x3400, 0x4DBF, SC_HAN },	   { 0x4E00, 0x9FFF, SC_HAN },
	{ 0xA640, 0xA69F, SC_CYRILLIC },   { 0xA720, 0xA7FF, SC_LATIN },
	{ 0xA960, 0xA97F, SC_HANGUL },	   { 0xAC00, 0xD7FF, SC_HANGUL },
	{ 0xF900, 0xFAFF, SC_HAN },	   { 0xFB13, 0xFB17, SC_ARMENIAN },
	{ 0xFB1D, 0xFB4F, SC_HEBREW },	   { 0xFB50, 0xFDFF, SC_ARABIC },
	{ 0xFE70, 0xFEFF, SC_ARABIC },	   { 0xFF21, 0xFF3A, SC_LATIN },
	{ 0xFF41, 0xFF5A, SC_LATIN },	   { 0xFF66, 0xFF9F, SC_KANA },
	{ 0xFFA0, 0xFFDC, SC_HANGUL },	   { 0x20000, 0x3FFFF, SC_HAN },
};

/* The script of a letter or mark; SC_COUNT for anything else (digits,
 * punctuation, symbols, spaces), which says nothing about language. */
static enum script letter_script(int32_t cp)
{
	size_t lo = 0, hi = sizeof script_ranges / sizeof script_ranges[0];
	utf8proc_category_t cat;

	if (cp < 0x80) {
		if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z'))
			return SC_LATIN;
		return SC_COUNT;
	}
	cat = utf8proc_category(cp);
	if (cat < UTF8PROC_CATEGORY_LU || cat > UTF8PROC_CATEGORY_ME)
		return SC_COUNT;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (cp < script_ranges[mid].first)
			hi = mid;
		else if (cp > script_ranges[mid].last)
			lo = mid + 1;
		else
			return script_ranges[mid].script;
	}
	return SC_OTHER;
}

/* Letters that, among the languages with stopword lists, only one
 * language writes (lower case). They confirm a stopword leader in text too
 * short for MIN_HITS, such as a headline and one sentence, but never pick
 * a language alone: a quoted name ("Łódź", "Dvořák") has them too. */
static const struct {
	const char *code;
	int32_t letters[6];
} marked_letters[] = {
	{ "pl", { 0x0142, 0x015B, 0x017A, 0x017C, 0x0107, 0x0144 } },
	{ "cs", { 0x0159, 0x016F, 0x011B } },
	{ "hu", { 0x0151, 0x0171 } },
	{ "tr", { 0x011F, 0x0131, 0x015F } },
	{ "ro", { 0x0219, 0x021B, 0x0103, 0x0163 } },
	{ "lt", { 0x0117, 0x0173, 0x012F, 0x016B } },
	{ "pt", { 0x00E3, 0x00F5 } },
	{ "es", { 0x00F1 } },
	{ "de", { 0x00DF } },
};

#define NMARKED (sizeof marked_letters / sizeof marked_letters[0])

struct script_counts {
	unsigned long n[SC_COUNT];
	unsigned long cyr_uk;	/* є і ї ґ: Ukrainian, not Russian */
	unsigned long cyr_sr;	/* ђ ј љ њ ћ џ: Serbian, not Russian */
	unsigned long cyr_ru;	/* ы э ё: Russian, not Ukrainian or Bulgarian */
	unsigned long cyr_hard; /* ъ: rare in Russian, common in Bulgarian */
	unsigned long marked[NMARKED];
};

static void count_marked(struct script_counts *sc, int32_t cp)
{
	size_t i, j;

	cp = utf8proc_tolower(cp);
	for (i = 0; i < NMARKED; i++)
		for (j = 0; j < 6 && marked_letters[i].letters[j]; j++)
			if (marked_letters[i].letters[j] == cp)
				sc->marked[i]++;
}

static void count_cyrillic(struct script_counts *sc, int32_t cp)
{
	int32_t lower = cp;

	if (cp >= 0x0400 && cp <= 0x040F)
		lower = cp + 0x50;
	else if (cp >= 0x0410 && cp <= 0x042F)
		lower = cp + 0x20;
	else if (cp == 0x0490)
		lower = 0x0491;
	switch (lower) {
	case 0x0454: case 0x0456: case 0x0457: case 0x0491:
		sc->cyr_uk++;
		break;
	case 0x0452: case 0x0458: case 0x0459: case 0x045A: case 0x045B:
	case 0x045F:
		sc->cyr_sr++;
		break;
	case 0x044B: case 0x044D: case 0x0451:
		sc->cyr_ru++;
		break;
	case 0x044A:
		sc->cyr_hard++;
		break;
	default:
		break;
	}
}

static void count_scripts(const char *text, size_t len,
			  struct script_counts *sc)
{
	const utf8proc_uint8_t *s = (const utf8proc_uint8_t *)text;
	size_t i = 0;

	memset(sc, 0, sizeof *sc);
	while (i < len) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t n;
		enum script script;

		if (s[i] < 0x80) {
			cp = s[i];
			n = 1;
		} else {
			n = utf8proc_iterate(s + i, (utf8proc_ssize_t)(len - i),
					     &cp);
			if (n <= 0) { /* invalid byte: skip it alone */
				i++;
				continue;
			}
		}
		i += (size_t)n;
		script = letter_script(cp);
		if (script == SC_COUNT)
			continue;
		sc->n[script]++;
		if (script == SC_CYRILLIC)
			count_cyrillic(sc, cp);
		else if (script == SC_LATIN && cp >= 0x00DF)
			count_marked(sc, cp);
	}
}

static const char *cyrillic_language(const struct script_counts *sc)
{
	unsigned long all = sc->n[SC_CYRILLIC];

	/* Ukrainian і alone is about 5% of Ukrainian letters; Russian ы is
	 * about 2% of Russian ones. Two per cent of a script's letters that
	 * another language never writes is not a quoted name. */
	if (sc->cyr_uk > sc->cyr_ru && sc->cyr_uk * 50 >= all)
		return "uk";
	if (sc->cyr_sr > sc->cyr_ru && sc->cyr_sr * 50 >= all)
		return "sr";
	if (sc->cyr_hard > 5 * sc->cyr_ru && sc->cyr_hard * 67 >= all)
		return "bg";
	return "ru";
}

/* The language the script alone decides; NULL for Latin script (left to
 * the stopwords) and for mixed or too short text, with *latin set when
 * Latin script leads clearly. */
static const char *script_language(const struct script_counts *sc,
				   int *latin)
{
	unsigned long weight[SC_COUNT], total = 0, cjk, lead_weight;
	enum script lead = SC_LATIN;
	int i;

	*latin = 0;
	for (i = 0; i < SC_COUNT; i++) {
		weight[i] = sc->n[i];
		if (i == SC_HANGUL || i == SC_KANA || i == SC_HAN)
			weight[i] *= CJK_WEIGHT;
		total += weight[i];
	}
	/* Japanese mixes kana with Han and Korean may mix in Han: the CJK
	 * scripts lead together, then their shares say which language. */
	cjk = weight[SC_HANGUL] + weight[SC_KANA] + weight[SC_HAN];
	for (i = 0; i < SC_COUNT; i++)
		if (i != SC_HANGUL && i != SC_KANA && i != SC_HAN &&
		    weight[i] > weight[lead])
			lead = (enum script)i;
	lead_weight = weight[lead];
	if (cjk > lead_weight) {
		lead = SC_HAN;
		lead_weight = cjk;
	}
	if (total == 0 || lead_weight * 100 < total * DOMINANT_PCT)
		return NULL;
	if (lead == SC_HAN) {
		unsigned long chars = sc->n[SC_HANGUL] + sc->n[SC_KANA] +
				      sc->n[SC_HAN];

		if (chars < MIN_SCRIPT_LETTERS)
			return NULL;
		/* Japanese writes about half its characters in kana; a
		 * Chinese text has none, bar a quoted name. */
		if (sc->n[SC_KANA] * 20 >= chars)
			return "ja";
		if (sc->n[SC_HANGUL] > sc->n[SC_HAN])
			return "ko";
		return "zh";
	}
	if (sc->n[lead] < MIN_SCRIPT_LETTERS)
		return NULL;
	switch (lead) {
	case SC_LATIN:
		*latin = 1;
		return NULL;
	case SC_GREEK:
		return "el";
	case SC_CYRILLIC:
		return cyrillic_language(sc);
	case SC_ARMENIAN:
		return "hy";
	case SC_HEBREW:
		return "he";
	case SC_ARABIC:
		return "ar";
	case SC_DEVANAGARI:
		return "hi";
	case SC_TAMIL:
		return "ta";
	case SC_THAI:
		return "th";
	default:
		return NULL;
	}
}

struct votes {
	uint64_t latin; /* latin_langs() */
	unsigned long words;
	unsigned long hits[NLANG];
	double score[NLANG];
	/* both[i][j]: words in i's list and in j's; those in i's but not
	 * in j's are hits[i] - both[i][j]. Counting the pairs a word is in
	 * costs far less than the pairs it is not in: most stopwords are
	 * in one list or a few. */
	unsigned long both[NLANG][NLANG];
};

/* The languages that vote in Latin-script detection (bit i:
 * languages[i]). */
static uint64_t latin_langs(void)
{
	uint64_t set = 0;
	size_t i;

	for (i = 0; i < NLANG; i++)
		if (languages[i].latin)
			set |= UINT64_C(1) << i;
	return set;
}

static int vote(void *ctx, const ldi_token_t *tok)
{
	struct votes *v = ctx;
	unsigned char in[NLANG]; /* the languages listing the word */
	uint64_t hit;
	size_t i, j, k = 0;

	/* Parts, alternative forms and n-grams repeat a word already seen;
	 * numbers belong to no language. */
	if (tok->kind != LDI_TOKEN_WORD && tok->kind != LDI_TOKEN_COMPOUND)
		return 0;
	if (tok->len == 0 || (tok->term[0] >= '0' && tok->term[0] <= '9'))
		return 0;
	v->words++;
	/* Most words are in no list: nothing more to count. */
	hit = stop_langs(tok->term, tok->len) & v->latin;
	if (!hit)
		return 0;
	for (i = 0; i < NLANG; i++)
		if ((hit >> i) & 1)
			in[k++] = (unsigned char)i;
	for (i = 0; i < k; i++) {
		v->hits[in[i]]++;
		v->score[in[i]] += 1.0 / (double)k;
		for (j = 0; j < k; j++)
			v->both[in[i]][in[j]]++;
	}
	return 0;
}

/* Whether the text has MARKED_MIN letters only `code` writes. */
static int marked_for(const struct script_counts *sc, const char *code)
{
	size_t i;

	for (i = 0; i < NMARKED; i++)
		if (!strcmp(marked_letters[i].code, code))
			return sc->marked[i] >= MARKED_MIN;
	return 0;
}

/* Whether the leader's votes are clearly ahead of the runner-up's: by
 * LEAD_NUM/LEAD_DEN in weighted votes; or, for two close languages whose
 * shared words drown the rest, by APART_MIN words that only the leader
 * lists against at most a third as many that only the runner-up lists;
 * or, failing both, by letters only the leader writes (Polish and Czech
 * share most short words, but not ł or ř). */
static int clear_lead(const struct votes *v, const struct script_counts *sc,
		      size_t best, size_t second)
{
	unsigned long mine = v->hits[best] - v->both[best][second];
	unsigned long theirs = v->hits[second] - v->both[second][best];

	if (v->score[best] * LEAD_DEN >= v->score[second] * LEAD_NUM)
		return 1;
	if (mine >= APART_MIN && mine >= 3 * theirs)
		return 1;
	return marked_for(sc, languages[best].code) &&
	       !marked_for(sc, languages[second].code);
}

static const char *stopword_language(const char *text, size_t len,
				     const struct script_counts *sc)
{
	struct votes *v = calloc(1, sizeof *v);
	size_t i, best = 0, second = 1;
	const char *lang = NULL;
	unsigned long min_hits;

	if (!v)
		return NULL;
	v->latin = latin_langs();
	if (ldi_analyze(text, len, vote, v) != 0 || v->words < MIN_WORDS)
		goto out;
	if (v->score[second] > v->score[best]) {
		best = 1;
		second = 0;
	}
	for (i = 2; i < NLANG; i++) {
		if (v->score[i] > v->score[best]) {
			second = best;
			best = i;
		} else if (v->score[i] > v->score[second]) {
			second = i;
		}
	}
	/* Two close leaders: the one whose own letters the text has goes
	 * first (ties of weighted votes are common between pl and cs). */
	if (v->score[best] * LEAD_DEN < v->score[second] * LEAD_NUM &&
	    marked_for(sc, languages[second].code) &&
	    !marked_for(sc, languages[best].code)) {
		i = best;
		best = second;
		second = i;
	}
	min_hits = marked_for(sc, languages[best].code) ? MIN_HITS_MARKED
							: MIN_HITS;
	if (v->hits[best] >= min_hits &&
	    v->hits[best] * 100 >= v->words * MIN_SHARE_PCT &&
	    clear_lead(v, sc, best, second))
		lang = languages[best].code;
out:
	free(v);
	return lang;
}

const char *ldi_language_detect(const char *text, size_t len)
{
	struct script_counts sc;
	const char *lang;
	int latin;

	if (!text || len == 0)
		return NULL;
	if (len > DETECT_BYTES) {
		/* Cut at a character boundary, not inside one. */
		len = DETECT_BYTES;
		while (len > 0 && ((unsigned char)text[len] & 0xC0) == 0x80)
			len--;
	}
	count_scripts(text, len, &sc);
	lang = script_language(&sc, &latin);
	if (lang || !latin)
		return lang;
	return stopword_language(text, len, &sc);
}
