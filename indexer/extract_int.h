/* extract_int.h: what extract.c, extract_names.c and extract_quotes.c
 * share: the token array of one article, the entities found so far, the
 * word classes of extract_words.c.
 * SPDX-License-Identifier: MIT
 */
#ifndef LEDE_EXTRACT_INT_H
#define LEDE_EXTRACT_INT_H

#include <stddef.h>
#include <stdint.h>

#include "extract.h"
#include "wordmap.h"

/* ---- Word classes (extract_words.c) -------------------------------------- */

/* What an English word can be, by its lower-case form; a word may be
 * several things ("secretary" is a title and a role). */
enum {
	W_STOP = 1u << 0,	/* an English stopword */
	W_HONORIFIC = 1u << 1,	/* Mr, Mrs, Ms, Dr, Sir, Dame */
	W_NOBLE = 1u << 2,	/* Lord, Lady, Baroness: part of the name */
	W_ROYAL = 1u << 3,	/* Pope, King, Prince: part of the name */
	W_TITLE = 1u << 4,	/* President, Secretary, Inspector, MP */
	W_ROLE = 1u << 5,	/* spokesman, striker, chief executive */
	W_SPEECH = 1u << 6,	/* said, says, told, added */
	W_ORG = 1u << 7,	/* Party, Council, Bank, Office */
	W_NONNAME = 1u << 8,	/* capitalised, but never in a person's
				   name: months, Street, Cup, Times */
	W_DEMONYM = 1u << 9,	/* British, French */
	W_OPENER = 1u << 10,	/* opens sentences: Meanwhile, Yesterday */
	W_PARTICLE = 1u << 11,	/* de, van, von, bin: inside names */
	W_LOCATIVE = 1u << 12,	/* in, to, from: before a place */
	W_MALE = 1u << 13,	/* Mr, Sir, King, he */
	W_FEMALE = 1u << 14,	/* Mrs, Ms, Queen, she */
	W_GOV = 1u << 15,	/* Government, Minister: may follow a place
				   name without making it part of a longer
				   one ("UK Government") */
	W_COMPASS = 1u << 16,	/* North, Southern, Greater: may precede a
				   place name */
	W_PRONOUN = 1u << 17,	/* he, she */
	W_CONNECTOR = 1u << 18, /* of, for, and, the, on: inside org names */
	W_ROMAN = 1u << 19,	/* II, III: after a royal name */
	W_DET = 1u << 20,	/* the, a, his: before a role word */
	W_TIME = 1u << 21	/* days and months */
};

/* The classes of word[0..len) as written (ASCII letters compared without
 * case; other words have none). Thread-safe; the tables load once. */
uint32_t ldi_word_class(const char *word, size_t len);

/* Flags of known organisations (ldi_org_find). */
enum {
	ORG_NAME = 1u,		/* the key names an organisation: value is
				   its canonical name */
	ORG_PREFIX = 2u,	/* a longer name starts with these words */
	ORG_NOT_SENT = 4u,	/* not at a sentence start ("Labour costs") */
	ORG_NOT_AFTER_CAP = 8u, /* not after a capitalised word ("Social
				   Democrats" are not the US Democrats) */
	ORG_MIXED_CASE = 16u	/* not in text set in capitals ("WHO") */
};

/* The known organisation (or prefix of one) written as key: words
 * joined by single spaces, case as written. NULL when unknown. */
const ldi_wordmap_entry_t *ldi_org_find(const char *key, size_t len);

/* ---- One article --------------------------------------------------------- */

enum tok_kind {
	K_WORD,
	K_PUNCT,	/* ch: the ASCII character; dashes are '-' */
	K_QUOTE,	/* ch: one of Q_* */
	K_BREAK		/* a line or paragraph break */
};

enum quote_char {
	Q_STRAIGHT,	/* " */
	Q_OPEN,		/* U+201C */
	Q_CLOSE,	/* U+201D */
	Q_SOPEN,	/* U+2018 */
	Q_SCLOSE,	/* U+2019 not inside a word */
	Q_SSTRAIGHT	/* ' not inside a word */
};

/* Token flags. */
enum {
	T_CAP = 1u << 0,	/* starts with an upper-case letter */
	T_ALLCAPS = 1u << 1,	/* two or more letters, none lower case */
	T_LOWER = 1u << 2,	/* starts with a lower-case letter */
	T_DIGIT = 1u << 3,	/* starts with a digit */
	T_POSS = 1u << 4,	/* a possessive 's follows (outside the
				   token's byte range) */
	T_SENT = 1u << 5,	/* the first word of a sentence */
	T_DOTS = 1u << 6,	/* dotted: "U.S.", an initial "W." */
	T_ABBR = 1u << 7,	/* an abbreviation with its dot ("Mr.") */
	T_TITLECASE = 1u << 8,	/* on a line in title case or capitals */
	T_SPACE_BEFORE = 1u << 9, /* quotes: space or line start before */
	T_SPACE_AFTER = 1u << 10, /* quotes: space, line end or
				     punctuation after */
	T_HEADLINE = 1u << 11,	/* in the headline */
	T_HYPHEN = 1u << 12,	/* a hyphenated word */
	T_PARA_START = 1u << 13, /* the first token of its line */
	T_INQUOTE = 1u << 14	/* inside a quotation (extract_quotes.c) */
};

typedef struct ldi_tok {
	uint32_t start, end;	/* bytes of the word in the text */
	uint32_t cls;		/* W_* (English text only) */
	uint16_t flags;		/* T_* */
	uint8_t kind;		/* K_* */
	uint8_t ch;		/* K_PUNCT, K_QUOTE: see above */
	int32_t men;		/* the mention that claimed it, or -1 */
} ldi_tok_t;

enum ent_type { E_PLACE, E_ORG, E_PERSON, E_NTYPES };

enum gender { G_UNKNOWN, G_MALE, G_FEMALE };

typedef struct ldi_ent {
	const char *name;	/* canonical, in the article's arena */
	uint32_t first;		/* token of the first mention */
	uint8_t type;
	uint8_t gender;		/* G_* (people) */
} ldi_ent_t;

typedef struct ldi_mention {
	int32_t ent;
	uint32_t from, to;	/* tokens [from, to) */
} ldi_mention_t;

typedef struct ldi_ctx {
	char *text;		/* headline, blank line, body */
	size_t len;
	int english, polish;
	ldi_tok_t *tok;
	size_t ntok, captok;
	ldi_ent_t *ent;
	size_t nent, capent;
	ldi_wordmap_t ent_index;	/* type byte + name -> ent + 1 */
	/* The article's lower-case words, built on first use by
	 * ldi_lower_elsewhere. Rules hold the context as const, so they
	 * reach this cache through a pointer (to lower_words). */
	ldi_wordmap_t lower_words;
	ldi_wordmap_t *lower;
	int lower_built_flag;
	int *lower_built;
	ldi_mention_t *men;
	size_t nmen, capmen;
	ldi_arena_t arena;
	lede_quote_t *quotes;	/* text and speaker in the arena */
	size_t nquotes, capquotes;
	int oom;
} ldi_ctx_t;

/* The word tok as a pointer and length into the text. */
#define TOK_TEXT(c, i) ((c)->text + (c)->tok[i].start)
#define TOK_LEN(c, i) ((size_t)((c)->tok[i].end - (c)->tok[i].start))

/* 1 if token i is a word equal to the ASCII string s (exact case). */
int ldi_tok_is(const ldi_ctx_t *c, size_t i, const char *s);

/* The text of tokens [from, to) with each run of white space made one
 * space, in the arena; NULL when out of memory (c->oom set). */
char *ldi_span_text(ldi_ctx_t *c, size_t from, size_t to);

/* Finds or adds the entity (type, name); name is copied into the arena
 * unless it is there already. Returns its index, or -1 when out of
 * memory. `at` is the token of this mention, for "first mention" order. */
int ldi_entity(ldi_ctx_t *c, int type, const char *name, size_t len,
	       size_t at);

/* Records a mention of entity ent over tokens [from, to) and claims the
 * tokens, so no other rule reads them again. Returns the mention's
 * index, or -1 when out of memory. */
int ldi_mention(ldi_ctx_t *c, int ent, size_t from, size_t to);

/* 1 if a word equal to word i but in lower case appears in the text:
 * evidence that a capitalised word at a sentence start is an ordinary
 * word ("Yesterday", "Police"). The first call indexes the article's
 * lower-case words; later calls are one lookup. */
int ldi_lower_elsewhere(const ldi_ctx_t *c, size_t i);

/* The rules, in the order ldi_extract runs them. */
void ldi_find_orgs(ldi_ctx_t *c);
void ldi_find_people(ldi_ctx_t *c);
void ldi_find_places(ldi_ctx_t *c);
void ldi_find_quotes(ldi_ctx_t *c);

#endif /* LEDE_EXTRACT_INT_H */
