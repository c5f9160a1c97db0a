/* extract.c: places, organisations, people and quotes from an article's
 * text (extract.h): the tokenizer, the shared helpers and the output.
 * SPDX-License-Identifier: MIT
 *
 * The headline and body are joined into one text (headline, blank line,
 * body) and cut once into tokens: words, punctuation, quote marks and
 * line breaks, each word with its case, whether it starts a sentence and,
 * for English, its word classes (extract_words.c). The rules then run over
 * the token array in a fixed order, each claiming the tokens it names so
 * that the next does not read them again:
 *
 *   organisations (extract_names.c), because "Bank of America" and
 *   "Goldman Sachs" must not become a place or a person;
 *   people, because "Georgia Harrison" must not become a place;
 *   places;
 *   quotes (extract_quotes.c), whose speakers are the people and
 *   organisations already found.
 *
 * For languages other than English only places run. A NULL, empty or
 * "und" language counts as English: most untagged text lede sees is.
 *
 * On a line set in title case or in capitals (most feed headlines:
 * "Israel Strikes Back At Gaza"), a capital letter says nothing, so only
 * known names, acronyms and places are read there, and a place is not
 * dropped for the capitalised word next to it.
 *
 * Cost: one pass to cut tokens, with one hash lookup per English word for
 * its classes; the rules then look only at capitalised words and at the
 * few tokens around them. Memory per article is the token array, a few
 * small arrays and one arena, all freed before returning: nothing is
 * allocated per token.
 *
 * Decisions the contract leaves open:
 * - out == NULL gives LEDE_MISUSE; nothing else but LEDE_NOMEM fails.
 *   Running out of memory while the tables load once per process leaves
 *   them empty (no places, fewer names) rather than failing every later
 *   call.
 * - Invalid UTF-8 is repaired first (each bad byte is U+FFFD, a
 *   separator), as everywhere in lede.
 * - Any newline ends a sentence: crossheads and headlines carry no full
 *   stop, and a name never spans a line break in the input lede reads.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "extract_int.h"
#include "language.h"
#include "utf8.h"

/* ---- Characters ---------------------------------------------------------- */

enum cc {
	C_SPACE,
	C_NL,
	C_UPPER,
	C_LOWER,
	C_LETTER,	/* letters without case */
	C_DIGIT,
	C_MARK,
	C_APOS,		/* ' U+2019 U+02BC */
	C_DQUOTE,	/* " */
	C_LDQ,		/* U+201C */
	C_RDQ,		/* U+201D */
	C_LSQ,		/* U+2018 */
	C_HYPHEN,	/* - U+2010 U+2011 */
	C_DASH,		/* U+2013 U+2014 */
	C_PUNCT,	/* punctuation the rules read */
	C_OTHER		/* symbols and the rest: skipped */
};

static enum cc classify(int32_t cp)
{
	if (cp < 0x80) {
		if (cp >= 'a' && cp <= 'z')
			return C_LOWER;
		if (cp >= 'A' && cp <= 'Z')
			return C_UPPER;
		if (cp >= '0' && cp <= '9')
			return C_DIGIT;
		switch (cp) {
		case ' ': case '\t': case '\r': case '\f': case '\v':
			return C_SPACE;
		case '\n':
			return C_NL;
		case '\'':
			return C_APOS;
		case '"':
			return C_DQUOTE;
		case '-':
			return C_HYPHEN;
		case '.': case ',': case ':': case ';': case '!': case '?':
		case '(': case ')': case '[': case ']': case '&': case '/':
			return C_PUNCT;
		default:
			return C_OTHER;
		}
	}
	switch (cp) {
	case 0x2019: case 0x02bc:
		return C_APOS;
	case 0x201c:
		return C_LDQ;
	case 0x201d:
		return C_RDQ;
	case 0x2018:
		return C_LSQ;
	case 0x2010: case 0x2011:
		return C_HYPHEN;
	case 0x2013: case 0x2014:
		return C_DASH;
	case 0x2028: case 0x2029: case 0x85:
		return C_NL;
	case 0x2026:	/* ellipsis */
		return C_PUNCT;
	default:
		break;
	}
	switch (utf8proc_category(cp)) {
	case UTF8PROC_CATEGORY_LU:
	case UTF8PROC_CATEGORY_LT:
		return C_UPPER;
	case UTF8PROC_CATEGORY_LL:
		return C_LOWER;
	case UTF8PROC_CATEGORY_LM:
	case UTF8PROC_CATEGORY_LO:
		return C_LETTER;
	case UTF8PROC_CATEGORY_ND:
	case UTF8PROC_CATEGORY_NL:
	case UTF8PROC_CATEGORY_NO:
		return C_DIGIT;
	case UTF8PROC_CATEGORY_MN:
	case UTF8PROC_CATEGORY_MC:
	case UTF8PROC_CATEGORY_ME:
		return C_MARK;
	case UTF8PROC_CATEGORY_ZS:
		return C_SPACE;
	case UTF8PROC_CATEGORY_ZL:
	case UTF8PROC_CATEGORY_ZP:
		return C_NL;
	default:
		return C_OTHER;
	}
}

/* The code point at text[i] (valid UTF-8: the text was repaired) and its
 * length in *n; -1 with *n 0 at the end. */
static int32_t cp_at(const ldi_ctx_t *c, size_t i, size_t *n)
{
	utf8proc_int32_t cp;
	utf8proc_ssize_t k;

	if (i >= c->len) {
		*n = 0;
		return -1;
	}
	if ((unsigned char)c->text[i] < 0x80) {
		*n = 1;
		return (unsigned char)c->text[i];
	}
	k = utf8proc_iterate((const utf8proc_uint8_t *)c->text + i,
			     (utf8proc_ssize_t)(c->len - i), &cp);
	if (k <= 0) {
		*n = 1;
		return 0xfffd;
	}
	*n = (size_t)k;
	return cp;
}

static enum cc cc_at(const ldi_ctx_t *c, size_t i)
{
	size_t n;
	int32_t cp = cp_at(c, i, &n);

	return cp < 0 ? C_NL : classify(cp);
}

static int is_wordchar(enum cc k)
{
	return k == C_UPPER || k == C_LOWER || k == C_LETTER ||
	       k == C_DIGIT || k == C_MARK;
}

static int is_letter(enum cc k)
{
	return k == C_UPPER || k == C_LOWER || k == C_LETTER;
}

/* ---- Tokens -------------------------------------------------------------- */

static ldi_tok_t *push_tok(ldi_ctx_t *c, int kind, size_t start, size_t end)
{
	ldi_tok_t *t;

	if (c->ntok == c->captok) {
		size_t cap = c->captok ? 2 * c->captok : 256;
		ldi_tok_t *grown = realloc(c->tok, cap * sizeof *grown);

		if (!grown) {
			c->oom = 1;
			return NULL;
		}
		c->tok = grown;
		c->captok = cap;
	}
	t = &c->tok[c->ntok++];
	memset(t, 0, sizeof *t);
	t->kind = (uint8_t)kind;
	t->start = (uint32_t)start;
	t->end = (uint32_t)end;
	t->men = -1;
	return t;
}

/* Abbreviations whose full stop ends no sentence ("Mr. Brown"). */
static int is_abbreviation(const char *w, size_t n)
{
	static const char *const abbr[] = {
		"Mr", "Mrs", "Ms", "Dr", "St", "Prof", "Gen", "Sen", "Rep",
		"Gov", "Lt", "Col", "Sgt", "Capt", "Jr", "Sr", "Inc", "Corp",
		"Ltd", "Co", "No", "vs", "Mt", "Ft", "Rev", "Hon", "Supt",
		"Insp", "Det", "Adm", "Maj", "Cmdr", "Cllr", "Fr", "Jan",
		"Feb", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec"
	};
	size_t i;

	if (n > 4)
		return 0;
	for (i = 0; i < sizeof abbr / sizeof *abbr; i++)
		if (abbr[i][0] == w[0] && strlen(abbr[i]) == n &&
		    !memcmp(abbr[i], w, n))
			return 1;
	return 0;
}

/* Cuts the word that starts at byte i, pushes it and returns the byte
 * after it (and after a possessive 's or an abbreviation's dot). */
static size_t scan_word(ldi_ctx_t *c, size_t i, int *sent, int *line_start)
{
	size_t j = i, n, end, next, seg = 0;
	unsigned letters = 0, upper = 0, lower = 0, flags = 0;
	enum cc first = cc_at(c, i);
	ldi_tok_t *t;

	for (;;) {
		enum cc k = cc_at(c, j);

		if (is_wordchar(k)) {
			cp_at(c, j, &n);
			if (is_letter(k)) {
				letters++;
				seg++;
				upper += k == C_UPPER;
				lower += k == C_LOWER;
			}
			j += n;
			continue;
		}
		cp_at(c, j, &n);
		if (k == C_HYPHEN && is_wordchar(cc_at(c, j + n))) {
			flags |= T_HYPHEN;
			j += n;
			seg = 0;
			continue;
		}
		if (k == C_APOS && is_letter(cc_at(c, j + n))) {
			char s = c->text[j + n];

			if ((s == 's' || s == 'S') &&
			    !is_wordchar(cc_at(c, j + n + 1))) {
				flags |= T_POSS;
				break;
			}
			j += n;
			continue;
		}
		/* "U.S.", "U.K.": a dot between single letters. */
		if (c->text[j] == '.' && seg == 1 && letters == upper &&
		    cc_at(c, j + 1) == C_UPPER && j + 2 < c->len &&
		    c->text[j + 2] == '.') {
			flags |= T_DOTS;
			j++;
			seg = 0;
			continue;
		}
		break;
	}
	end = next = j;
	if (flags & T_POSS) {
		cp_at(c, j, &n);
		next = j + n + 1;
	} else if (j < c->len && c->text[j] == '.') {
		if (flags & T_DOTS) {
			end = next = j + 1;	/* the acronym's last dot */
		} else if (letters == 1 && upper == 1 &&
			   cc_at(c, j + 1) == C_SPACE &&
			   cc_at(c, j + 2) == C_UPPER) {
			/* An initial: "George W. Bush". */
			flags |= T_DOTS;
			end = next = j + 1;
		} else if (is_abbreviation(c->text + i, j - i)) {
			flags |= T_ABBR;
			next = j + 1;
		}
	}
	t = push_tok(c, K_WORD, i, end);
	if (!t)
		return c->len;
	if (first == C_UPPER)
		flags |= T_CAP;
	else if (first == C_LOWER)
		flags |= T_LOWER;
	else if (first == C_DIGIT)
		flags |= T_DIGIT;
	if (letters >= 2 && !lower)
		flags |= T_ALLCAPS;
	if (*sent)
		flags |= T_SENT;
	if (*line_start)
		flags |= T_PARA_START;
	*sent = *line_start = 0;
	t->flags = (uint16_t)flags;
	if (c->english) {
		size_t wlen = (flags & T_DOTS) ? end - i : j - i;

		t->cls = ldi_word_class(c->text + i, wlen);
		/* "ex-President", "ex-chairman": a title still. */
		if (!t->cls && wlen > 3 && !memcmp(c->text + i, "ex-", 3))
			t->cls = ldi_word_class(c->text + i + 3, wlen - 3) &
				 (W_TITLE | W_ROLE);
	}
	return next;
}

/* Is the quote mark at [i, i+n) preceded by a space, a line start or an
 * opening bracket, and is it followed by a space, a line end or
 * punctuation? Straight quotes open or close by this. */
static unsigned quote_spacing(const ldi_ctx_t *c, size_t i, size_t n)
{
	unsigned flags = 0;
	enum cc after = cc_at(c, i + n);

	if (i == 0 || strchr(" \t\r\n([{", c->text[i - 1]) ||
	    (unsigned char)c->text[i - 1] >= 0x80)
		flags |= T_SPACE_BEFORE;
	if (i > 0 && (unsigned char)c->text[i - 1] >= 0x80) {
		/* After a non-ASCII character: only a dash or another quote
		 * counts as space. */
		size_t k = i - 1;
		size_t m;
		enum cc before;

		while (k > 0 && ((unsigned char)c->text[k] & 0xc0) == 0x80)
			k--;
		before = classify(cp_at(c, k, &m));
		if (before != C_DASH && before != C_LDQ && before != C_LSQ &&
		    before != C_SPACE)
			flags &= ~(unsigned)T_SPACE_BEFORE;
	}
	if (after == C_SPACE || after == C_NL || after == C_DASH ||
	    after == C_RDQ || after == C_APOS ||
	    (after == C_PUNCT && c->text[i + n] != '(' &&
	     c->text[i + n] != '['))
		flags |= T_SPACE_AFTER;
	return flags;
}

static void push_break(ldi_ctx_t *c, size_t i)
{
	if (c->ntok && c->tok[c->ntok - 1].kind == K_BREAK)
		return;
	push_tok(c, K_BREAK, i, i);
}

static void tokenize(ldi_ctx_t *c, size_t headline_end)
{
	size_t i = 0, n;
	int sent = 1, line_start = 1;

	while (i < c->len && !c->oom) {
		int32_t cp = cp_at(c, i, &n);
		enum cc k = classify(cp);
		ldi_tok_t *t;

		switch (k) {
		case C_UPPER: case C_LOWER: case C_LETTER: case C_DIGIT:
			i = scan_word(c, i, &sent, &line_start);
			continue;
		case C_NL:
			push_break(c, i);
			sent = line_start = 1;
			break;
		case C_APOS:
			/* "Gaetz 's threats": a possessive set apart from its
			 * word, not a quote mark. */
			if (c->ntok && c->tok[c->ntok - 1].kind == K_WORD &&
			    (c->text[i + n] == 's' || c->text[i + n] == 'S') &&
			    !is_wordchar(cc_at(c, i + n + 1))) {
				c->tok[c->ntok - 1].flags |= T_POSS;
				i += n + 1;
				continue;
			}
			/* fall through */
		case C_DQUOTE: case C_LDQ: case C_RDQ: case C_LSQ:
			t = push_tok(c, K_QUOTE, i, i + n);
			if (!t)
				return;
			t->ch = k == C_DQUOTE ? Q_STRAIGHT
				: k == C_LDQ  ? Q_OPEN
				: k == C_RDQ  ? Q_CLOSE
				: k == C_LSQ  ? Q_SOPEN
				: cp == '\''  ? Q_SSTRAIGHT
					      : Q_SCLOSE;
			t->flags = (uint16_t)quote_spacing(c, i, n);
			/* The first word inside a quote starts a sentence
			 * as far as evidence goes. */
			if (t->flags & T_SPACE_BEFORE)
				sent = 1;
			break;
		case C_HYPHEN: case C_DASH:
			if (!(t = push_tok(c, K_PUNCT, i, i + n)))
				return;
			t->ch = '-';
			break;
		case C_PUNCT:
			if (!(t = push_tok(c, K_PUNCT, i, i + n)))
				return;
			t->ch = cp == 0x2026 ? '.' : (uint8_t)cp;
			if (t->ch == '.' || t->ch == '!' || t->ch == '?')
				sent = 1;
			break;
		default:
			break;
		}
		i += n;
	}
	for (i = 0; i < c->ntok && c->tok[i].start < headline_end; i++)
		c->tok[i].flags |= T_HEADLINE;
}

/* Marks the words of lines set in title case ("Israel Strikes Back At
 * Gaza") or in capitals: there, a capital letter is no evidence of a
 * name. A line counts when all its words of three letters or more,
 * stopwords aside, are capitalised ("The IOPC met Mr Tom Harris" is a
 * sentence: "met"), and there are at least three; a long line may have
 * one lower-case word in ten. */
static void mark_titlecase(ldi_ctx_t *c)
{
	size_t from = 0, i;

	while (from < c->ntok) {
		unsigned cap = 0, low = 0, caps = 0;
		size_t to = from;

		while (to < c->ntok && c->tok[to].kind != K_BREAK)
			to++;
		for (i = from; i < to; i++) {
			const ldi_tok_t *t = &c->tok[i];

			if (t->kind != K_WORD || t->end - t->start < 3 ||
			    (t->cls & W_STOP))
				continue;
			if (t->flags & T_ALLCAPS)
				caps++;
			else if (t->flags & T_CAP)
				cap++;
			else if (t->flags & T_LOWER)
				low++;
		}
		/* A sentence full of names still has a lower-case verb or
		 * noun or two; a title-case headline has none (its short
		 * words are stopwords, not counted). */
		if ((cap + caps >= 3 && (low == 0 ||
					 (cap + caps >= 15 &&
					  low * 10 <= cap + caps))) ||
		    (caps >= 3 && caps > cap + low))
			for (i = from; i < to; i++)
				c->tok[i].flags |= T_TITLECASE;
		from = to + 1;
	}
}

/* ---- Helpers for the rules ----------------------------------------------- */

int ldi_tok_is(const ldi_ctx_t *c, size_t i, const char *s)
{
	size_t n = strlen(s);

	return i < c->ntok && c->tok[i].kind == K_WORD && TOK_LEN(c, i) == n &&
	       !memcmp(TOK_TEXT(c, i), s, n);
}

char *ldi_span_text(ldi_ctx_t *c, size_t from, size_t to)
{
	size_t start = c->tok[from].start, end = c->tok[to - 1].end, i, o = 0;
	char *out = ldi_arena_alloc(&c->arena, end - start + 1);

	if (!out) {
		c->oom = 1;
		return NULL;
	}
	for (i = start; i < end; i++) {
		unsigned char ch = (unsigned char)c->text[i];

		if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r') {
			if (o && out[o - 1] != ' ')
				out[o++] = ' ';
		} else if (ch == 0xe2 && i + 2 < end &&
			   (unsigned char)c->text[i + 1] == 0x80 &&
			   (unsigned char)c->text[i + 2] == 0x99) {
			out[o++] = '\'';	/* O’Brien is O'Brien */
			i += 2;
		} else {
			out[o++] = (char)ch;
		}
	}
	out[o] = '\0';
	return out;
}

int ldi_entity(ldi_ctx_t *c, int type, const char *name, size_t len,
	       size_t at)
{
	char *key;
	ldi_wordmap_entry_t *e;
	ldi_ent_t *ent;

	if (!len)
		return -1;
	key = ldi_arena_alloc(&c->arena, len + 2);
	if (!key) {
		c->oom = 1;
		return -1;
	}
	key[0] = (char)('0' + type);
	memcpy(key + 1, name, len);
	key[len + 1] = '\0';
	e = ldi_wordmap_put(&c->ent_index, key, len + 1);
	if (!e) {
		c->oom = 1;
		return -1;
	}
	if (e->flags) {
		ent = &c->ent[e->flags - 1];
		if (at < ent->first)
			ent->first = (uint32_t)at;
		return (int)e->flags - 1;
	}
	if (c->nent == c->capent) {
		size_t cap = c->capent ? 2 * c->capent : 32;
		ldi_ent_t *grown = realloc(c->ent, cap * sizeof *grown);

		if (!grown) {
			c->oom = 1;
			return -1;
		}
		c->ent = grown;
		c->capent = cap;
	}
	ent = &c->ent[c->nent];
	ent->name = key + 1;
	ent->first = (uint32_t)at;
	ent->type = (uint8_t)type;
	ent->gender = 0;
	e->flags = (uint32_t)++c->nent;
	return (int)c->nent - 1;
}

int ldi_mention(ldi_ctx_t *c, int ent, size_t from, size_t to)
{
	size_t i;
	ldi_mention_t *m;

	if (ent < 0)
		return -1;
	if (c->nmen == c->capmen) {
		size_t cap = c->capmen ? 2 * c->capmen : 64;
		ldi_mention_t *grown = realloc(c->men, cap * sizeof *grown);

		if (!grown) {
			c->oom = 1;
			return -1;
		}
		c->men = grown;
		c->capmen = cap;
	}
	m = &c->men[c->nmen];
	m->ent = ent;
	m->from = (uint32_t)from;
	m->to = (uint32_t)to;
	for (i = from; i < to; i++)
		c->tok[i].men = (int32_t)c->nmen;
	if (from < c->ent[ent].first)
		c->ent[ent].first = (uint32_t)from;
	return (int)c->nmen++;
}

/* Longest word whose lower-case form is looked up. */
#define MAX_LOWER 64

static void index_lower(const ldi_ctx_t *c)
{
	size_t k;

	for (k = 0; k < c->ntok; k++) {
		const ldi_tok_t *t = &c->tok[k];

		if (t->kind == K_WORD && (t->flags & T_LOWER) &&
		    !ldi_wordmap_put(c->lower, c->text + t->start,
				     t->end - t->start))
			return;	/* out of memory: fewer words known */
	}
}

int ldi_lower_elsewhere(const ldi_ctx_t *c, size_t i)
{
	char lower[MAX_LOWER];
	size_t n = TOK_LEN(c, i);
	const char *w = TOK_TEXT(c, i);

	if ((unsigned char)w[0] >= 0x80 || w[0] < 'A' || w[0] > 'Z' ||
	    n > sizeof lower)
		return 0;
	if (!*c->lower_built) {
		index_lower(c);
		*c->lower_built = 1;
	}
	lower[0] = (char)(w[0] - 'A' + 'a');
	memcpy(lower + 1, w + 1, n - 1);
	return ldi_wordmap_get(c->lower, lower, n) != NULL;
}

/* ---- The entry points ---------------------------------------------------- */

/* English unless the tag names another language lede knows. */
static void set_language(ldi_ctx_t *c, const char *language)
{
	const char *code;

	if (!language || !*language || !strcmp(language, "und")) {
		c->english = 1;
		return;
	}
	code = ldi_language_code(language, strlen(language));
	c->english = code && !strcmp(code, "en");
	c->polish = code && !strcmp(code, "pl");
}

/* Joins headline and body into c->text, repairing invalid UTF-8 in each
 * first, so the headline's end is known. */
static int join_text(ldi_ctx_t *c, const char *headline, const char *body,
		     size_t *headline_end)
{
	size_t hl = headline ? strlen(headline) : 0;
	size_t bl = body ? strlen(body) : 0;
	char *fixed_hl = NULL, *fixed_body = NULL;

	if (hl && ldi_utf8_invalid(headline, hl)) {
		if (!(fixed_hl = ldi_utf8_repair(headline, hl, &hl, NULL)))
			return -1;
		headline = fixed_hl;
	}
	if (bl && ldi_utf8_invalid(body, bl)) {
		if (!(fixed_body = ldi_utf8_repair(body, bl, &bl, NULL))) {
			free(fixed_hl);
			return -1;
		}
		body = fixed_body;
	}
	c->text = malloc(hl + 2 + bl + 1);
	if (c->text) {
		if (hl)
			memcpy(c->text, headline, hl);
		memcpy(c->text + hl, "\n\n", 2);
		if (bl)
			memcpy(c->text + hl + 2, body, bl);
		c->text[hl + 2 + bl] = '\0';
		c->len = hl + 2 + bl;
		*headline_end = hl;
	}
	free(fixed_hl);
	free(fixed_body);
	return c->text ? 0 : -1;
}

static char *dup_str(const char *s)
{
	size_t n = strlen(s);
	char *p = malloc(n + 1);

	if (p)
		memcpy(p, s, n + 1);
	return p;
}

/* The entities of one type, in order of first mention. */
static int output_list(const ldi_ctx_t *c, int type, char ***list,
		       size_t *count)
{
	size_t i, n = 0, k;
	uint32_t *order;

	for (i = 0; i < c->nent; i++)
		n += c->ent[i].type == type;
	*list = NULL;
	*count = 0;
	if (!n)
		return 0;
	order = malloc(n * sizeof *order);
	*list = calloc(n, sizeof **list);
	if (!order || !*list) {
		free(order);
		return -1;
	}
	for (i = 0, k = 0; i < c->nent; i++)
		if (c->ent[i].type == type)
			order[k++] = (uint32_t)i;
	/* Insertion sort: a few dozen entities at most, and stable. */
	for (i = 1; i < n; i++) {
		uint32_t e = order[i];

		for (k = i; k > 0 && c->ent[order[k - 1]].first >
					     c->ent[e].first; k--)
			order[k] = order[k - 1];
		order[k] = e;
	}
	for (i = 0; i < n; i++) {
		(*list)[i] = dup_str(c->ent[order[i]].name);
		if (!(*list)[i]) {
			free(order);
			return -1;
		}
		(*count)++;
	}
	free(order);
	return 0;
}

static int output(const ldi_ctx_t *c, ldi_entities_t *out)
{
	size_t i;

	if (output_list(c, E_PLACE, &out->places, &out->n_places) < 0 ||
	    output_list(c, E_ORG, &out->orgs, &out->n_orgs) < 0 ||
	    output_list(c, E_PERSON, &out->people, &out->n_people) < 0)
		return -1;
	if (!c->nquotes)
		return 0;
	out->quotes = calloc(c->nquotes, sizeof *out->quotes);
	if (!out->quotes)
		return -1;
	for (i = 0; i < c->nquotes; i++) {
		char *text = dup_str(c->quotes[i].text);
		char *speaker = c->quotes[i].speaker
					? dup_str(c->quotes[i].speaker)
					: NULL;

		if (!text || (c->quotes[i].speaker && !speaker)) {
			free(text);
			free(speaker);
			return -1;
		}
		out->quotes[i].text = text;
		out->quotes[i].speaker = speaker;
		out->n_quotes++;
	}
	return 0;
}

static void ctx_free(ldi_ctx_t *c)
{
	free(c->text);
	free(c->tok);
	free(c->ent);
	free(c->men);
	free(c->quotes);
	ldi_wordmap_clear(&c->ent_index);
	ldi_wordmap_clear(&c->lower_words);
	ldi_arena_free(&c->arena);
}

lede_status_t ldi_extract(const char *headline, const char *body,
			  const char *language, ldi_entities_t *out)
{
	ldi_ctx_t c;
	size_t headline_end = 0;

	if (!out)
		return LEDE_MISUSE;
	memset(out, 0, sizeof *out);
	memset(&c, 0, sizeof c);
	c.lower = &c.lower_words;
	c.lower_built = &c.lower_built_flag;
	if ((!headline || !*headline) && (!body || !*body))
		return LEDE_OK;
	set_language(&c, language);
	if (join_text(&c, headline, body, &headline_end) < 0)
		return LEDE_NOMEM;
	tokenize(&c, headline_end);
	if (!c.oom)
		mark_titlecase(&c);
	if (c.english && !c.oom)
		ldi_find_orgs(&c);
	if (c.english && !c.oom)
		ldi_find_people(&c);
	if (!c.oom)
		ldi_find_places(&c);
	if (c.english && !c.oom)
		ldi_find_quotes(&c);
	if (c.oom || output(&c, out) < 0) {
		ctx_free(&c);
		ldi_entities_free(out);
		return LEDE_NOMEM;
	}
	ctx_free(&c);
	return LEDE_OK;
}

void ldi_entities_free(ldi_entities_t *e)
{
	size_t i;

	if (!e)
		return;
	for (i = 0; i < e->n_places; i++)
		free(e->places[i]);
	for (i = 0; i < e->n_orgs; i++)
		free(e->orgs[i]);
	for (i = 0; i < e->n_people; i++)
		free(e->people[i]);
	for (i = 0; i < e->n_quotes; i++) {
		/* Ours, malloc'ed by output(): const only in the
		 * public struct. */
		free((void *)(uintptr_t)e->quotes[i].text);
		free((void *)(uintptr_t)e->quotes[i].speaker);
	}
	free(e->places);
	free(e->orgs);
	free(e->people);
	free(e->quotes);
	memset(e, 0, sizeof *e);
}
