/* extract_names.c: organisations, people and places in an article's
 * tokens (the rules of extract.c).
 * SPDX-License-Identifier: MIT
 *
 * Organisations
 * - A known name (extract_words.c: "BBC", "Nato", "the Tories") is one,
 *   with a few conditions: "Labour" not at a sentence start, "Democrats"
 *   not after another capitalised word ("Social Democrats"), "WHO" not on
 *   a line set in capitals.
 * - "Long Name (LN)": when the initials of the capitalised words before
 *   the bracket spell the acronym (of, for, and, the may be skipped) and
 *   the long name holds an organisation word, the long name is an
 *   organisation and the acronym, anywhere in the article, names it.
 *   Without an organisation word the pair is left alone: "Gross Domestic
 *   Product (GDP)" is no organisation.
 * - A run of capitalised words (of, for, and, the, & may join them) that
 *   ends in an organisation word, or has one followed by "of" or "for"
 *   ("Bank of England", "Independent Office for Police Conduct"), is one.
 *   The run is cut before a title ("Home Office Minister Hazel Blears"
 *   gives "Home Office") and after an "of" that comes before any
 *   organisation word ("Richard Yamarone of Argus Research"); an "and"
 *   between two complete names splits it ("EADS and BAE Systems"); a
 *   leading "The", and a sentence's first word that the article also
 *   writes in lower case, are dropped. A lone organisation word
 *   ("Police") is not enough, and one followed by another capitalised
 *   word only describes something else ("English Chamber Orchestra",
 *   "Parliament Square").
 *
 * People: a "name" is two to four capitalised words (initials and
 *   particles such as "van" or "bin" may join them) that are not
 *   stopwords, months, organisation words, demonyms or other words no
 *   person is called ("Street", "Cup", "Times"), whose first and last
 *   words are not places ("Paris Hilton" is lost, "Real Madrid" never
 *   found; first names such as Georgia are allowed first). A name is a
 *   person when the article gives evidence for it:
 * - a title or role before it: Mr, Dr, Sir, President, Secretary,
 *   Assistant Commissioner, striker, chief executive;
 * - a speech verb after or before it ("Gordon Brown said", "said Gordon
 *   Brown", "according to Gordon Brown"), or after a clause set off by
 *   commas ("David Frost, director general of the BCC, warned");
 * - an apposition after it: ", the chancellor," or ", 45,";
 * - a short mention with such evidence that names it: "Mr Brown",
 *   "Brown said" (the surname) or "Sir Alex" (the first name), when the
 *   article names exactly one person with that surname (first name).
 * A short mention that names no one in full is left out: "Hewitt" alone
 * would merge everyone of that name across the archive into one facet
 * value. Variants become the longest form: "George Bush" becomes "George
 * W Bush", "Saumarez Smith" becomes "Charles Saumarez Smith", and a name
 * whose first word only starts a sentence ("Dogged Federer") becomes the
 * one person of that surname ("Roger Federer"). A title closes a name
 * only where it is a surname too ("John Major", "Mervyn King").
 * Royal and noble titles are part of the name ("Prince Charles", "Lord
 * Falconer", "Pope John Paul II"); other titles are not. Words joined by
 * anything but spaces ("Business_Insider") are not one name.
 *
 * Places: the gazetteer's names, longest first ("Northern Ireland" before
 * "Ireland"), as written (case matters: "us" and "chad" are no places),
 * with a possessive allowed at the end ("Britain's"). A match is dropped
 * when it is part of a longer name: a capitalised word right before it
 * ("Michael Jordan", "New England"; a compass word such as "North" or a
 * sentence's function word such as "In" does not count), or right after
 * it ("Washington Post", "Jordan Henderson"; words like "Government" or
 * "Minister" do not count), or "of" with a royal title before it ("Prince
 * of Wales"). Names that are also first names, words or clubs (Jordan,
 * Chad, Liverpool) need a locative word before them ("in Jordan") or a
 * place just before them ("Syria and Jordan"), and not with a possessive
 * ("Victoria's career"). "US-led" and "UK-based" name the place before
 * the hyphen. In Polish text the Polish forms count too ("w Polsce"), as
 * does "województwo mazowieckie".
 */
#include <stdlib.h>
#include <string.h>

#include "extract_int.h"
#include "gazetteer.h"

/* Longest name, in tokens, the tables hold ("Saint Vincent and the
 * Grenadines" is five). */
#define MAX_NAME_TOKENS 8
#define MAX_KEY 256

/* Longest clause between a name and its speech verb ("David Frost,
 * director general of the British Chambers of Commerce, warned"). */
#define MAX_APPOSITION 20

static int is_word(const ldi_ctx_t *c, size_t i)
{
	return i < c->ntok && c->tok[i].kind == K_WORD;
}

static int is_punct(const ldi_ctx_t *c, size_t i, char ch)
{
	return i < c->ntok && c->tok[i].kind == K_PUNCT && c->tok[i].ch == ch;
}

static int is_cap(const ldi_ctx_t *c, size_t i)
{
	return is_word(c, i) && (c->tok[i].flags & T_CAP);
}

/* Are tokens i and i + 1 separated by white space only, on one line?
 * "Business_Insider" and "Poland/Ukraine" are not two words of one name. */
static int spaced(const ldi_ctx_t *c, size_t i)
{
	size_t k;

	if (i + 1 >= c->ntok)
		return 0;
	for (k = c->tok[i].end; k < c->tok[i + 1].start; k++)
		if (c->text[k] != ' ' && c->text[k] != '\t')
			return (c->tok[i].flags & T_ABBR) &&
			       k == c->tok[i].end && c->text[k] == '.';
	return k > c->tok[i].end;
}

static int is_free(const ldi_ctx_t *c, size_t i)
{
	return i < c->ntok && c->tok[i].men < 0;
}

static uint32_t cls(const ldi_ctx_t *c, size_t i)
{
	return i < c->ntok && c->tok[i].kind == K_WORD ? c->tok[i].cls : 0;
}

/* Lower-case word i has class `want` (speech verbs, roles and
 * connectors are written in lower case). */
static int is_lower(const ldi_ctx_t *c, size_t i, uint32_t want)
{
	return is_word(c, i) && (c->tok[i].flags & T_LOWER) &&
	       (c->tok[i].cls & want);
}

/* ---- Table lookups over several tokens ----------------------------------- */

typedef const ldi_wordmap_entry_t *(*lookup_fn)(const char *, size_t);

/* Looks up the longest name starting at token i in a table whose entries
 * flag names with 1 and word-prefixes with 2 (the gazetteer's and the
 * organisations'). Words are joined by single spaces, U+2019 read as
 * "'"; "&" counts as a word; a possessive ends the name. Names flagged
 * with any of `reject` are skipped. Returns the number of tokens matched
 * (0: none) and the entry in *found. */
static size_t longest(const ldi_ctx_t *c, size_t i, lookup_fn find,
		      unsigned reject, const ldi_wordmap_entry_t **found)
{
	char key[MAX_KEY];
	size_t len = 0, k, best = 0;

	*found = NULL;
	for (k = i; k < c->ntok && k < i + MAX_NAME_TOKENS; k++) {
		const ldi_tok_t *t = &c->tok[k];
		const ldi_wordmap_entry_t *e;
		size_t n, j;

		if (!(t->kind == K_WORD ||
		      (t->kind == K_PUNCT && t->ch == '&' && k > i)))
			break;
		if (k > i) {
			if ((c->tok[k - 1].flags & T_POSS) || !spaced(c, k - 1))
				break;
			key[len++] = ' ';
		}
		n = t->end - t->start;
		if (len + n >= sizeof key)
			break;
		for (j = 0; j < n; j++) {
			const char *p = c->text + t->start + j;

			if ((unsigned char)p[0] == 0xe2 && j + 2 < n &&
			    (unsigned char)p[1] == 0x80 &&
			    (unsigned char)p[2] == 0x99) {
				key[len++] = '\'';
				j += 2;
			} else {
				key[len++] = *p;
			}
		}
		e = find(key, len);
		if (!e)
			break;
		if ((e->flags & 1u) && !(e->flags & reject)) {
			best = k - i + 1;
			*found = e;
		}
		if (!(e->flags & 2u))
			break;
	}
	return best;
}

/* Gazetteer names that do not count in this article's language. */
static unsigned not_here(const ldi_ctx_t *c)
{
	return c->polish ? 0 : LDI_PLACE_POLISH;
}

/* ---- Organisations ------------------------------------------------------- */

static int org_entity(ldi_ctx_t *c, const char *name, size_t from, size_t to)
{
	int e = ldi_entity(c, E_ORG, name, strlen(name), from);

	return e < 0 ? -1 : ldi_mention(c, e, from, to);
}

/* Word i can be an acronym: "IOPC", or "Nato" and "Ukip" as British
 * papers write them. */
static int acronym_shape(const ldi_ctx_t *c, size_t i)
{
	const ldi_tok_t *t = &c->tok[i];
	size_t n = t->end - t->start, k;
	const char *w = c->text + t->start;

	if (!is_word(c, i) || (t->flags & (T_DOTS | T_POSS)) || n < 2 || n > 8)
		return 0;
	if (t->flags & T_ALLCAPS) {
		for (k = 0; k < n; k++)
			if (!(w[k] >= 'A' && w[k] <= 'Z'))
				return 0;
		return 1;
	}
	if (!(t->flags & T_CAP) || n < 3 || n > 5)
		return 0;
	for (k = 1; k < n; k++)
		if (!(w[k] >= 'a' && w[k] <= 'z'))
			return 0;
	return 1;
}

/* The first token of the words before the bracket at `open` whose
 * initials spell the acronym at open + 1, or open when they do not. */
static size_t expansion_start(const ldi_ctx_t *c, size_t open)
{
	const char *acro = TOK_TEXT(c, open + 1);
	size_t a = TOK_LEN(c, open + 1), k = open;

	while (a > 0 && k > 0) {
		size_t w = k - 1;
		char initial, want = acro[a - 1];

		if (want >= 'a' && want <= 'z')
			want = (char)(want - 'a' + 'A');
		if (is_cap(c, w)) {
			initial = TOK_TEXT(c, w)[0];
			if (initial != want)
				return open;
			a--;
		} else if (!is_lower(c, w, W_CONNECTOR) &&
			   !is_punct(c, w, '&')) {
			return open;
		}
		k = w;
	}
	return a ? open : k;
}

static int has_org_word(const ldi_ctx_t *c, size_t from, size_t to)
{
	size_t i;

	for (i = from; i < to; i++)
		if (is_cap(c, i) && (c->tok[i].cls & W_ORG))
			return 1;
	return 0;
}

/* Whole tokens [from, to) form a place name. */
static int is_place(const ldi_ctx_t *c, size_t from, size_t to)
{
	const ldi_wordmap_entry_t *e;

	return longest(c, from, ldi_gazetteer_find, not_here(c), &e) ==
	       to - from;
}

/* "Independent Office for Police Conduct (IOPC)": the long name becomes
 * the organisation and the acronym one of its names, in `acronyms` (whose
 * flags hold the entity's index + 1). */
static void find_expansions(ldi_ctx_t *c, ldi_wordmap_t *acronyms)
{
	size_t i;

	for (i = 1; i + 2 < c->ntok && !c->oom; i++) {
		size_t from, n;
		const ldi_wordmap_entry_t *known;
		const char *name;
		ldi_wordmap_entry_t *e;
		int m;

		if (!is_punct(c, i, '(') || !acronym_shape(c, i + 1) ||
		    !is_punct(c, i + 2, ')'))
			continue;
		from = expansion_start(c, i);
		if (from == i || i - from < 2 || !is_free(c, from) ||
		    !is_free(c, i - 1) || (c->tok[i - 1].flags & T_POSS))
			continue;
		if (is_place(c, from, i))
			continue;
		n = longest(c, from, ldi_org_find, 0, &known);
		if (n == i - from && known) {
			name = known->value;
		} else {
			n = longest(c, i + 1, ldi_org_find, 0, &known);
			if (n == 1 && known)
				name = known->value;
			else if (has_org_word(c, from, i))
				name = ldi_span_text(c, from, i);
			else
				continue;
		}
		if (!name || (m = org_entity(c, name, from, i + 3)) < 0)
			return;
		e = ldi_wordmap_put(acronyms, TOK_TEXT(c, i + 1),
				    TOK_LEN(c, i + 1));
		if (!e) {
			c->oom = 1;
			return;
		}
		/* The entity, not the mention: c->men moves as it grows. */
		if (!e->flags)
			e->flags = (uint32_t)c->men[m].ent + 1;
		i += 2;
	}
}

/* Later (and earlier) mentions of acronyms the article has spelt out. */
static void find_acronyms(ldi_ctx_t *c, const ldi_wordmap_t *acronyms)
{
	size_t i;

	if (!acronyms->count)
		return;
	for (i = 0; i < c->ntok && !c->oom; i++) {
		const ldi_wordmap_entry_t *e;

		if (!is_word(c, i) || !is_free(c, i) ||
		    !(c->tok[i].flags & T_CAP))
			continue;
		e = ldi_wordmap_get(acronyms, TOK_TEXT(c, i), TOK_LEN(c, i));
		if (e && e->flags)
			ldi_mention(c, (int)e->flags - 1, i, i + 1);
	}
}

/* A capitalised word right before token i that is part of the same name
 * (not a sentence's first word, not a function word). */
static int cap_before(const ldi_ctx_t *c, size_t i)
{
	size_t p = i - 1;

	if (i == 0 || !is_cap(c, p) || (c->tok[p].flags & T_POSS))
		return 0;
	if (c->tok[p].cls & (W_STOP | W_COMPASS | W_LOCATIVE))
		return 0;
	if ((c->tok[p].flags & T_SENT) &&
	    ((c->tok[p].cls & W_OPENER) || ldi_lower_elsewhere(c, p)))
		return 0;
	return 1;
}

static void find_known_orgs(ldi_ctx_t *c)
{
	size_t i;

	for (i = 0; i < c->ntok && !c->oom; i++) {
		const ldi_wordmap_entry_t *e;
		size_t n;

		if (!is_word(c, i) || !is_free(c, i) ||
		    (c->tok[i].flags & T_DIGIT))
			continue;
		n = longest(c, i, ldi_org_find, 0, &e);
		if (!n)
			continue;
		if (((e->flags & ORG_NOT_SENT) && (c->tok[i].flags & T_SENT)) ||
		    ((e->flags & ORG_NOT_AFTER_CAP) && cap_before(c, i)) ||
		    ((e->flags & ORG_MIXED_CASE) &&
		     (c->tok[i].flags & T_TITLECASE)))
			continue;
		if (org_entity(c, e->value, i, i + n) < 0)
			return;
		i += n - 1;
	}
}

/* Title words that end an organisation run: "Home Office Minister". */
#define RUN_STOP (W_TITLE | W_ROLE | W_HONORIFIC | W_NOBLE | W_ROYAL | W_SPEECH)

/* May word k go on a run of capitalised words? Titles end one ("Home
 * Office Minister"), except right after a connector ("Department of
 * Justice"). */
static int run_word(const ldi_ctx_t *c, size_t k, size_t start)
{
	const ldi_tok_t *t = &c->tok[k];

	if (!is_cap(c, k) || !is_free(c, k) || (t->flags & T_TITLECASE))
		return 0;
	if (!(t->cls & RUN_STOP) || (t->cls & W_ORG))
		return 1;
	return k > start && (is_lower(c, k - 1, W_CONNECTOR) ||
			     is_punct(c, k - 1, '&'));
}

/* One run of capitalised words from i; returns its end. */
static size_t cap_run(const ldi_ctx_t *c, size_t i)
{
	size_t k = i;

	while (k < c->ntok && is_free(c, k)) {
		if (k > i && !spaced(c, k - 1))
			break;
		if (run_word(c, k, i)) {
			k++;
			if (c->tok[k - 1].flags & T_POSS)
				break;
			continue;
		}
		/* A connector joins two capitalised words. */
		if (k > i && (is_lower(c, k, W_CONNECTOR) ||
			      is_punct(c, k, '&')) &&
		    run_word(c, k + 1, i) && !(c->tok[k - 1].flags & T_POSS)) {
			k++;
			continue;
		}
		/* "Marks & Spencer plc" */
		if (k > i && ldi_tok_is(c, k, "plc")) {
			k++;
			break;
		}
		break;
	}
	return k;
}

/* A hyphenated word with a lower-case part: "Gibraltar-based",
 * "Man-of-the-match". Not a name, nor the start of one. */
static int lower_after_hyphen(const ldi_ctx_t *c, size_t i)
{
	const char *w = TOK_TEXT(c, i), *end = w + TOK_LEN(c, i);

	if (!(c->tok[i].flags & T_HYPHEN))
		return 0;
	for (; w < end; w++)
		if (*w == '-' && w + 1 < end && w[1] >= 'a' && w[1] <= 'z')
			return 1;
	return 0;
}

/* The organisation inside run [from, to), as [*a, *b); 0 when none. */
static int org_in_run(const ldi_ctx_t *c, size_t from, size_t to, size_t *a,
		      size_t *b)
{
	size_t k, last = 0;

	for (k = from; k < to; k++) {
		int org = (is_cap(c, k) && (c->tok[k].cls & W_ORG)) ||
			  ldi_tok_is(c, k, "plc");

		if (!org)
			continue;
		/* "Chief Executive Jane Doe": a title, not an organisation. */
		if ((c->tok[k].cls & W_TITLE) && k + 1 < to && is_cap(c, k + 1))
			return 0;
		if (k + 1 < to && (ldi_tok_is(c, k + 1, "of") ||
				   ldi_tok_is(c, k + 1, "for"))) {
			last = to;
			break;
		}
		last = k + 1;
	}
	if (!last)
		return 0;
	/* "English Chamber Orchestra", "Serious Organised Crime and Police
	 * Act", "Parliament Square": the organisation word only describes
	 * the name of something else. */
	if (last < to && is_cap(c, last))
		return 0;
	*a = from;
	*b = last;
	/* "Called the Marlin Joint Development Association": a sentence's
	 * first word before a connector belongs to the sentence. */
	if ((c->tok[*a].flags & T_SENT) && !(c->tok[*a].cls & W_ORG) &&
	    *a + 1 < *b && is_lower(c, *a + 1, W_CONNECTOR))
		(*a)++;
	/* "Richard Yamarone of Argus Research": an "of" before the first
	 * organisation word joins the name to something else. */
	for (k = *a; k < *b && !(is_cap(c, k) && (c->tok[k].cls & W_ORG)); k++)
		if (ldi_tok_is(c, k, "of") || ldi_tok_is(c, k, "for"))
			*a = k + 1;
	/* Leading function words, "Gibraltar-based", and a sentence's
	 * ordinary first word. */
	while (*a < *b && ((c->tok[*a].cls & (W_STOP | W_CONNECTOR | W_TIME)) ||
			   lower_after_hyphen(c, *a) ||
			   c->tok[*a].kind != K_WORD ||
			   ((c->tok[*a].flags & T_SENT) &&
			    ((c->tok[*a].cls & W_OPENER) ||
			     ldi_lower_elsewhere(c, *a)) &&
			    !(c->tok[*a].cls & W_ORG))))
		(*a)++;
	return *b - *a >= 2;
}

/* "EADS and BAE Systems", "United Bank of Africa and Standard Trust
 * Bank": an "and" between two complete names splits the run; one inside
 * a name ("Department of Trade and Industry", "Food and Drug
 * Administration") does not. */
static size_t split_at_and(const ldi_ctx_t *c, size_t from, size_t to)
{
	size_t k;

	for (k = from + 1; k + 1 < to; k++) {
		if (!ldi_tok_is(c, k, "and") && !is_punct(c, k, '&'))
			continue;
		if ((k == from + 1 && (c->tok[from].flags & T_ALLCAPS)) ||
		    is_place(c, from, k) ||
		    (has_org_word(c, from, k) && has_org_word(c, k + 1, to)))
			return k;
	}
	return to;
}

static void find_org_runs(ldi_ctx_t *c)
{
	size_t i = 0;

	while (i < c->ntok && !c->oom) {
		size_t end, a, b;

		if (!is_cap(c, i) || !is_free(c, i) ||
		    (c->tok[i].flags & T_TITLECASE)) {
			i++;
			continue;
		}
		end = split_at_and(c, i, cap_run(c, i));
		if (end <= i) {
			i++;
			continue;
		}
		/* "Apple Computer", "Commons Public Accounts Committee": the
		 * rest of a name already found. */
		if (i > 0 && is_cap(c, i - 1) && !is_free(c, i - 1) &&
		    !(c->tok[i - 1].flags & T_POSS)) {
			i = end;
			continue;
		}
		if (org_in_run(c, i, end, &a, &b) && !is_place(c, a, b)) {
			char *name = ldi_span_text(c, a, b);

			if (!name || org_entity(c, name, a, b) < 0)
				return;
		}
		i = end;
	}
}

void ldi_find_orgs(ldi_ctx_t *c)
{
	ldi_wordmap_t acronyms = { NULL, 0, 0 };

	/* Expansions first: "Federal Bureau of Investigation (FBI)" is one
	 * mention, not a known acronym inside an unknown name. */
	find_expansions(c, &acronyms);
	find_acronyms(c, &acronyms);
	ldi_wordmap_clear(&acronyms);
	find_known_orgs(c);
	find_org_runs(c);
}

/* ---- People -------------------------------------------------------------- */

/* Could word i be part of a person's name, leaving titles aside? */
static int name_like(const ldi_ctx_t *c, size_t i)
{
	const ldi_tok_t *t;

	if (!is_word(c, i) || !is_free(c, i))
		return 0;
	t = &c->tok[i];
	if (t->flags & (T_TITLECASE | T_DOTS | T_ABBR | T_DIGIT))
		return 0;
	if (t->flags & T_LOWER) {
		/* "al-Assad", "bin-Laden": an Arabic article joined to a
		 * capitalised name. */
		static const char *const articles[] = {
			"al-", "el-", "ad-", "as-", "ash-", "at-", "bin-",
			"ibn-", "abu-"
		};
		const char *w = c->text + t->start;
		size_t k, n;

		if (!(t->flags & T_HYPHEN))
			return 0;
		for (k = 0; k < sizeof articles / sizeof *articles; k++) {
			n = strlen(articles[k]);
			if (t->end - t->start > n && !memcmp(w, articles[k], n))
				return w[n] >= 'A' && w[n] <= 'Z';
		}
		return 0;
	}
	if (!(t->flags & T_CAP) || (t->flags & T_ALLCAPS) ||
	    lower_after_hyphen(c, i))
		return 0;
	return !(t->cls & (W_STOP | W_NONNAME | W_ORG | W_DEMONYM | W_SPEECH |
			   W_HONORIFIC | W_NOBLE | W_ROYAL | W_PRONOUN |
			   W_CONNECTOR));
}

static int name_word(const ldi_ctx_t *c, size_t i)
{
	return name_like(c, i) && !(c->tok[i].cls & (W_TITLE | W_ROLE));
}

/* An initial: "W", "W." or "J.K." inside a name. */
static int initial(const ldi_ctx_t *c, size_t i)
{
	const ldi_tok_t *t = &c->tok[i];
	size_t n = t->end - t->start;

	if (!is_word(c, i) || !is_free(c, i) || !(t->flags & T_CAP) ||
	    (t->flags & T_TITLECASE))
		return 0;
	return n == 1 || (n == 2 && (t->flags & T_DOTS)) ||
	       ((t->flags & T_DOTS) && n <= 4);
}

/* Titles that are also surnames: "John Major", "Mervyn King". */
static int surname_title(const ldi_ctx_t *c, size_t i)
{
	static const char *const names[] = {
		"King", "Major", "Bishop", "Judge", "Dean", "Knight", "Prince",
		"Marshal", "Chancellor", "Pope"
	};
	size_t k;

	if (!is_free(c, i))
		return 0;
	for (k = 0; k < sizeof names / sizeof *names; k++)
		if (ldi_tok_is(c, i, names[k]))
			return !(c->tok[i].flags & T_TITLECASE);
	return 0;
}

/* The end of the name that starts at token i (i when none does); *words
 * gets the number of its name words, initials and particles aside. A
 * title word may close a name ("John Major", "Mervyn King") unless
 * another name follows it ("Trade Secretary Patricia Hewitt"). */
static size_t name_span(const ldi_ctx_t *c, size_t i, unsigned *words)
{
	size_t j = i;
	unsigned n = 0;

	while (j < c->ntok) {
		if (j > i &&
		    ((c->tok[j - 1].flags & T_POSS) || !spaced(c, j - 1)))
			break;
		if (name_word(c, j)) {
			n++;
			j++;
			continue;
		}
		if (initial(c, j) && name_word(c, j + 1)) {
			j++;
			continue;
		}
		if (n && is_lower(c, j, W_PARTICLE) && name_word(c, j + 1)) {
			j++;
			continue;
		}
		if (n && (c->tok[j].flags & T_ALLCAPS) &&
		    (c->tok[j].cls & W_ROMAN) && is_free(c, j)) {
			j++;
			break;
		}
		if (n && surname_title(c, j) && !name_word(c, j + 1) &&
		    !initial(c, j + 1)) {
			n++;
			j++;
		}
		break;
	}
	*words = n;
	return n > 4 ? i : j;
}

enum evidence {
	EV_NONE,
	EV_TITLE,	/* a title or role before */
	EV_SPEECH,	/* a speech verb next to it */
	EV_APPOSITION	/* ", the chancellor," ", 45," */
};

/* Evidence that the name [from, to) is a person's. *title gets the
 * classes of a title word right before it. */
static int evidence(const ldi_ctx_t *c, size_t from, size_t to,
		    uint32_t *title)
{
	size_t k;

	*title = 0;
	if (from > 0 && is_word(c, from - 1) &&
	    !(c->tok[from - 1].flags & (T_TITLECASE | T_POSS))) {
		uint32_t w = cls(c, from - 1);
		int cap = c->tok[from - 1].flags & T_CAP;

		uint32_t capped = W_HONORIFIC | W_NOBLE | W_ROYAL | W_TITLE;
		uint32_t lower = W_ROLE | W_TITLE;

		if (((w & capped) && cap) || ((w & lower) && !cap)) {
			*title = w;
			return EV_TITLE;
		}
		/* "told Vanity Fair": the one told is often a paper. */
		if (is_lower(c, from - 1, W_SPEECH) &&
		    !ldi_tok_is(c, from - 1, "told") &&
		    !ldi_tok_is(c, from - 1, "tells"))
			return EV_SPEECH;
		if (from > 1 && ldi_tok_is(c, from - 1, "to") &&
		    (ldi_tok_is(c, from - 2, "according") ||
		     ldi_tok_is(c, from - 2, "According")))
			return EV_SPEECH;
	}
	if (is_lower(c, to, W_SPEECH))
		return EV_SPEECH;
	if (!is_punct(c, to, ','))
		return EV_NONE;
	/* ", the chancellor," ", chief executive of" ", 45," */
	k = to + 1;
	if (is_lower(c, k, W_DET))
		k++;
	if (is_lower(c, k, W_ROLE | W_TITLE) ||
	    (is_cap(c, k) && (cls(c, k) & W_TITLE) &&
	     is_lower(c, to + 1, W_DET)))
		return EV_APPOSITION;
	if (is_word(c, to + 1) && (c->tok[to + 1].flags & T_DIGIT) &&
	    TOK_LEN(c, to + 1) <= 3 && is_punct(c, to + 2, ','))
		return EV_APPOSITION;
	/* "David Frost, director general of ..., warned" */
	for (k = to + 1; k < c->ntok && k <= to + MAX_APPOSITION; k++) {
		const ldi_tok_t *t = &c->tok[k];

		if (t->kind == K_BREAK || t->kind == K_QUOTE ||
		    (t->kind == K_PUNCT && strchr(".!?(", t->ch)))
			break;
		if (t->kind == K_PUNCT && t->ch == ',')
			return is_lower(c, k + 1, W_SPEECH) ? EV_SPEECH
							   : EV_NONE;
	}
	return EV_NONE;
}

static int same(const char *a, size_t alen, const char *b, size_t blen)
{
	return alen == blen && !memcmp(a, b, alen);
}

/* A name seen in the article, with or without evidence. */
struct cand {
	const char *name;
	const char *first, *last;	/* first and last name words */
	size_t first_len, last_len;
	uint32_t from, to;
	int rep;			/* the variant it stands for */
	int target;			/* a longer variant, or -1 */
	uint8_t evidence, gender;
	uint8_t sent_first;		/* its first word starts a
					   sentence */
};

/* A one-word mention: a surname or (after Sir, Dame) a first name. */
struct ref {
	uint32_t from, to, word;
	uint8_t by_first, evidence, gender;
};

struct people {
	struct cand *cand;
	size_t ncand, capcand;
	struct ref *ref;
	size_t nref, capref;
	ldi_wordmap_t by_last, by_first; /* word -> rep + 1, or AMBIGUOUS */
};

static void *grow(void *p, size_t *cap, size_t n, size_t size)
{
	size_t want = *cap ? 2 * *cap : 16;
	void *q;

	if (n < *cap)
		return p;
	q = realloc(p, want * size);
	if (q)
		*cap = want;
	return q;
}

static uint8_t gender_of(uint32_t w)
{
	return w & W_MALE ? G_MALE : w & W_FEMALE ? G_FEMALE : G_UNKNOWN;
}

static void add_cand(ldi_ctx_t *c, struct people *p, size_t from, size_t to,
		     int ev, uint32_t title)
{
	struct cand *k;
	size_t last = to - 1;

	p->cand = grow(p->cand, &p->capcand, p->ncand, sizeof *p->cand);
	if (!p->cand) {
		c->oom = 1;
		return;
	}
	while (last > from && !name_like(c, last))
		last--;		/* past a Roman numeral */
	k = &p->cand[p->ncand];
	k->name = ldi_span_text(c, from, to);
	k->first = TOK_TEXT(c, from);
	k->first_len = TOK_LEN(c, from);
	k->last = TOK_TEXT(c, last);
	k->last_len = TOK_LEN(c, last);
	k->from = (uint32_t)from;
	k->to = (uint32_t)to;
	k->rep = (int)p->ncand;
	k->target = -1;
	k->sent_first = (c->tok[from].flags & T_SENT) != 0;
	k->evidence = ev != EV_NONE;
	k->gender = gender_of(title);
	if (k->name)
		p->ncand++;
}

static void add_ref(ldi_ctx_t *c, struct people *p, size_t from, size_t to,
		    size_t word, int by_first, int ev, uint32_t title)
{
	struct ref *r;

	p->ref = grow(p->ref, &p->capref, p->nref, sizeof *p->ref);
	if (!p->ref) {
		c->oom = 1;
		return;
	}
	r = &p->ref[p->nref++];
	r->from = (uint32_t)from;
	r->to = (uint32_t)to;
	r->word = (uint32_t)word;
	r->by_first = (uint8_t)by_first;
	r->evidence = ev != EV_NONE;
	r->gender = gender_of(title);
}

/* "Prince Charles", "Lord Falconer", "Queen Elizabeth II": the title is
 * part of the name. */
static void add_titled(ldi_ctx_t *c, size_t from, size_t to, uint32_t title)
{
	char *name = ldi_span_text(c, from, to);
	int e;

	if (!name)
		return;
	e = ldi_entity(c, E_PERSON, name, strlen(name), from);
	if (e < 0)
		return;
	if (!c->ent[e].gender)
		c->ent[e].gender = gender_of(title);
	ldi_mention(c, e, from, to);
}

/* Drops a sentence's first word from a name when it is an ordinary word
 * ("Meanwhile Gordon Brown said"). */
static size_t trim_opener(const ldi_ctx_t *c, size_t from, size_t to,
			  unsigned *words)
{
	const char *w = TOK_TEXT(c, from);
	size_t n = TOK_LEN(c, from);

	if (*words < 2 || !(c->tok[from].flags & T_SENT))
		return from;
	/* Before a name of two words, "Finally" or "Wherever" is an adverb
	 * far more often than a first name. */
	if ((c->tok[from].cls & W_OPENER) || ldi_lower_elsewhere(c, from) ||
	    (*words >= 3 && n > 4 &&
	     (!memcmp(w + n - 2, "ly", 2) || !memcmp(w + n - 4, "ever", 4)))) {
		(*words)--;
		from++;
		while (from < to && !name_word(c, from))
			from++;
	}
	return from;
}

/* Is the name [from, to) a place, or does it start or end with one that
 * is not also a first name ("Paris Hilton", "Real Madrid", "Progressive
 * Slovakia" are lost; "Georgia Harrison" is kept)? */
static int placelike(const ldi_ctx_t *c, size_t from, size_t to)
{
	const ldi_wordmap_entry_t *e;
	size_t n = longest(c, from, ldi_gazetteer_find, not_here(c), &e);

	if (n)
		return n == to - from || !(e->flags & LDI_PLACE_FIRSTNAME);
	e = ldi_gazetteer_find(TOK_TEXT(c, to - 1), TOK_LEN(c, to - 1));
	return e && (e->flags & LDI_PLACE_NAME) &&
	       !(e->flags & (LDI_PLACE_FIRSTNAME | LDI_PLACE_POLISH));
}

static void scan_names(ldi_ctx_t *c, struct people *p)
{
	size_t i = 0;

	while (i < c->ntok && !c->oom) {
		unsigned words;
		size_t from = i, to = name_span(c, i, &words);
		uint32_t title;
		int ev;

		if (to == i) {
			i++;
			continue;
		}
		i = to;
		from = trim_opener(c, from, to, &words);
		if (!words)
			continue;
		ev = evidence(c, from, to, &title);
		if ((title & W_ROYAL) || ((title & W_NOBLE) && words == 1)) {
			add_titled(c, from - 1, to, title);
		} else if (words == 1) {
			int sir = ev == EV_TITLE &&
				  (ldi_tok_is(c, from - 1, "Sir") ||
				   ldi_tok_is(c, from - 1, "Dame"));
			size_t word = from;

			while (word < to && !name_like(c, word))
				word++;
			if (word < to)
				add_ref(c, p, from, to, word, sir, ev, title);
		} else if (!placelike(c, from, to)) {
			add_cand(c, p, from, to, ev, title);
		}
	}
}

/* Is name a the words at the end of name b ("Saumarez Smith" of "Charles
 * Saumarez Smith")? */
static int word_suffix(const struct cand *a, const struct cand *b)
{
	size_t la = strlen(a->name), lb = strlen(b->name);

	return la < lb && b->name[lb - la - 1] == ' ' &&
	       !strcmp(b->name + lb - la, a->name);
}

/* Does name a stand for name b? "George Bush" for "George W Bush",
 * "Saumarez Smith" for "Charles Saumarez Smith", and a name whose first
 * word only starts a sentence ("Dogged Federer") for the one person of
 * that surname ("Roger Federer"). */
static int stands_for(const struct cand *a, const struct cand *b)
{
	int same_last = same(a->last, a->last_len, b->last, b->last_len);

	if (same_last && a->sent_first && !b->sent_first)
		return 1;
	if (strlen(a->name) >= strlen(b->name))
		return 0;
	return (same_last && same(a->first, a->first_len, b->first,
				  b->first_len)) ||
	       word_suffix(a, b);
}

/* Indexes each distinct name (a candidate that is its own rep) by its
 * last word, chaining names with the same last word through next[]:
 * every variant of a name shares its last word. */
static int group_by_last(const struct people *p, ldi_wordmap_t *heads,
			 int *next)
{
	size_t i;

	for (i = 0; i < p->ncand; i++) {
		const struct cand *a = &p->cand[i];
		ldi_wordmap_entry_t *e;

		next[i] = -1;
		if (a->rep != (int)i)
			continue;
		e = ldi_wordmap_put(heads, a->last, a->last_len);
		if (!e)
			return -1;
		next[i] = e->flags ? (int)e->flags - 1 : -1;
		e->flags = (uint32_t)i + 1;
	}
	return 0;
}

/* Points each candidate at the name it stands for (its rep): first the
 * same name seen earlier, then the longest variant. Variants are looked
 * for only among names with the same last word, so this stays linear in
 * practice even for a whole book. */
static int merge_variants(struct people *p)
{
	ldi_wordmap_t names = { NULL, 0, 0 }, heads = { NULL, 0, 0 };
	int *next = malloc((p->ncand + 1) * sizeof *next);
	size_t i, round;

	if (!next)
		return -1;
	for (i = 0; i < p->ncand; i++) {
		ldi_wordmap_entry_t *e = ldi_wordmap_put(
			&names, p->cand[i].name, strlen(p->cand[i].name));

		if (!e)
			goto oom;
		if (e->flags)
			p->cand[i].rep = (int)e->flags - 1;
		else
			e->flags = (uint32_t)i + 1;
	}
	if (group_by_last(p, &heads, next) < 0)
		goto oom;
	for (i = 0; i < p->ncand; i++) {
		struct cand *a = &p->cand[i];
		const ldi_wordmap_entry_t *e;
		int k, best = -1, nbest = 0;

		if (a->rep != (int)i)
			continue;
		e = ldi_wordmap_get(&heads, a->last, a->last_len);
		for (k = e ? (int)e->flags - 1 : -1; k >= 0; k = next[k]) {
			const struct cand *b = &p->cand[k];

			if (k == (int)i || !stands_for(a, b))
				continue;
			if (best < 0 ||
			    strlen(b->name) > strlen(p->cand[best].name)) {
				best = k;
				nbest = 1;
			} else if (strlen(b->name) ==
				   strlen(p->cand[best].name)) {
				nbest++;
			}
		}
		if (best >= 0 && nbest == 1)
			a->target = best;
	}
	/* Follow chains of variants to their end (a few steps at most). */
	for (round = 0; round < 4; round++)
		for (i = 0; i < p->ncand; i++) {
			struct cand *a = &p->cand[i];
			const struct cand *r = &p->cand[a->rep];

			if (r->target >= 0)
				a->rep = r->target;
		}
	for (i = 0; i < p->ncand; i++) {
		struct cand *r = &p->cand[p->cand[i].rep];

		r->evidence |= p->cand[i].evidence;
		if (!r->gender)
			r->gender = p->cand[i].gender;
	}
	ldi_wordmap_clear(&names);
	ldi_wordmap_clear(&heads);
	free(next);
	return 0;
oom:
	ldi_wordmap_clear(&names);
	ldi_wordmap_clear(&heads);
	free(next);
	return -1;
}

/* Marks a key of a surname or first-name index as naming several
 * people. */
#define AMBIGUOUS UINT32_MAX

/* Indexes the final names by last and first word, for short mentions. */
static int index_names(struct people *p)
{
	size_t i;

	for (i = 0; i < p->ncand; i++) {
		const struct cand *a = &p->cand[i];
		ldi_wordmap_entry_t *e;

		if (a->rep != (int)i)
			continue;
		if (!(e = ldi_wordmap_put(&p->by_last, a->last, a->last_len)))
			return -1;
		e->flags = e->flags ? AMBIGUOUS : (uint32_t)i + 1;
		if (!(e = ldi_wordmap_put(&p->by_first, a->first,
					  a->first_len)))
			return -1;
		e->flags = e->flags ? AMBIGUOUS : (uint32_t)i + 1;
	}
	return 0;
}

/* The one name whose last (or first) word is word [w, w+n), or -1 when
 * none or several are. */
static int resolve(const struct people *p, const char *w, size_t n,
		   int by_first)
{
	const ldi_wordmap_entry_t *e =
		ldi_wordmap_get(by_first ? &p->by_first : &p->by_last, w, n);

	return e && e->flags != AMBIGUOUS ? (int)e->flags - 1 : -1;
}

void ldi_find_people(ldi_ctx_t *c)
{
	struct people p;
	int *ent = NULL;
	size_t i;

	memset(&p, 0, sizeof p);
	scan_names(c, &p);
	if (c->oom)
		goto out;
	if (merge_variants(&p) < 0 || index_names(&p) < 0) {
		c->oom = 1;
		goto out;
	}
	/* Short mentions with evidence make their full name a person. */
	for (i = 0; i < p.nref; i++) {
		struct ref *r = &p.ref[i];
		int k = resolve(&p, TOK_TEXT(c, r->word), TOK_LEN(c, r->word),
				r->by_first);

		if (k < 0)
			continue;
		p.cand[k].evidence |= r->evidence;
		if (!p.cand[k].gender)
			p.cand[k].gender = r->gender;
	}
	ent = malloc((p.ncand + 1) * sizeof *ent);
	if (!ent) {
		c->oom = 1;
		goto out;
	}
	for (i = 0; i < p.ncand; i++) {
		const struct cand *k = &p.cand[i];
		const struct cand *r = &p.cand[k->rep];

		ent[i] = -1;
		if (!r->evidence)
			continue;
		if (k->rep != (int)i) {
			ent[i] = -2;	/* filled below from the variant */
			continue;
		}
		ent[i] = ldi_entity(c, E_PERSON, r->name, strlen(r->name),
				    k->from);
		if (ent[i] >= 0 && !c->ent[ent[i]].gender)
			c->ent[ent[i]].gender = r->gender;
	}
	for (i = 0; i < p.ncand && !c->oom; i++) {
		const struct cand *k = &p.cand[i];
		int e = ent[k->rep];

		if (e >= 0)
			ldi_mention(c, e, k->from, k->to);
	}
	for (i = 0; i < p.nref && !c->oom; i++) {
		const struct ref *r = &p.ref[i];
		int k = resolve(&p, TOK_TEXT(c, r->word), TOK_LEN(c, r->word),
				r->by_first);

		if (k >= 0 && ent[k] >= 0)
			ldi_mention(c, ent[k], r->from, r->to);
	}
out:
	free(ent);
	free(p.cand);
	free(p.ref);
	ldi_wordmap_clear(&p.by_last);
	ldi_wordmap_clear(&p.by_first);
}

/* ---- Places -------------------------------------------------------------- */

static int is_locative(const ldi_ctx_t *c, size_t i)
{
	static const char *const polish[] = { "w", "we", "do", "z", "ze",
					      "na", "nad", "pod", "przy",
					      "przez", "ku", "od" };
	size_t k;

	if (!is_word(c, i) || !(c->tok[i].flags & T_LOWER))
		return 0;
	if (c->english)
		return (c->tok[i].cls & W_LOCATIVE) != 0;
	if (!c->polish)
		return 0;
	for (k = 0; k < sizeof polish / sizeof *polish; k++)
		if (ldi_tok_is(c, i, polish[k]))
			return 1;
	return 0;
}

/* A place mention within the three tokens before i: "Syria and Jordan",
 * "Iraq, Jordan". */
static int place_before(const ldi_ctx_t *c, size_t i)
{
	size_t k;

	for (k = i; k > 0 && k + 3 > i; k--) {
		int m = c->tok[k - 1].men;

		if (m >= 0 && c->ent[c->men[m].ent].type == E_PLACE)
			return 1;
		if (c->tok[k - 1].kind == K_BREAK)
			return 0;
	}
	return 0;
}

/* Does the capitalised word before token i make the match part of a
 * longer name? */
static int blocked_before(const ldi_ctx_t *c, size_t i)
{
	size_t p = i - 1;

	if (i == 0)
		return 0;
	/* "Prince of Wales", "Duke of Edinburgh" */
	if (i >= 2 && ldi_tok_is(c, p, "of") && is_cap(c, i - 2) &&
	    (cls(c, i - 2) & (W_ROYAL | W_NOBLE)))
		return 1;
	if (!is_cap(c, p) || (c->tok[p].flags & T_POSS))
		return 0;
	if (c->tok[i].flags & T_TITLECASE)
		return (c->tok[p].cls & (W_HONORIFIC | W_ROYAL | W_NOBLE)) != 0;
	if (c->tok[p].flags & T_SENT) {
		if (!c->english)
			return 0;
		if (c->tok[p].cls &
		    (W_STOP | W_OPENER | W_COMPASS | W_LOCATIVE))
			return 0;
		return !ldi_lower_elsewhere(c, p);
	}
	return !(c->tok[p].cls & (W_STOP | W_COMPASS | W_LOCATIVE));
}

/* Does the capitalised word at token j (right after a match) make the
 * match part of a longer name? */
static int blocked_after(const ldi_ctx_t *c, size_t j)
{
	const ldi_wordmap_entry_t *e;

	if (!is_cap(c, j) || (c->tok[j - 1].flags & T_POSS))
		return 0;
	if (c->tok[j].flags & T_TITLECASE)
		return (c->tok[j].cls & (W_NONNAME | W_ORG)) &&
		       !(c->tok[j].cls & (W_GOV | W_STOP));
	if (c->tok[j].cls & (W_GOV | W_STOP | W_TITLE | W_ROLE))
		return 0;
	/* "Kent, England" has a comma; "London Paris" is a list. */
	if (longest(c, j, ldi_gazetteer_find, not_here(c), &e))
		return 0;
	return 1;
}

/* "województwo mazowieckie", "w województwie śląskim" */
static size_t voivodeship(ldi_ctx_t *c, size_t i)
{
	const char *canon;
	int e;

	/* "województw", the stem of every form of the word */
	static const char stem[] = "wojew\xc3\xb3" "dztw";
	size_t n = sizeof stem - 1;

	if (!is_word(c, i) || TOK_LEN(c, i) <= n ||
	    (memcmp(TOK_TEXT(c, i), stem, n) &&
	     !(TOK_TEXT(c, i)[0] == 'W' && !memcmp(TOK_TEXT(c, i) + 1, stem + 1,
						    n - 1))) ||
	    !is_word(c, i + 1) || !is_free(c, i + 1))
		return 0;
	canon = ldi_gazetteer_voivodeship(TOK_TEXT(c, i + 1),
					  TOK_LEN(c, i + 1));
	if (!canon)
		return 0;
	e = ldi_entity(c, E_PLACE, canon, strlen(canon), i);
	ldi_mention(c, e, i, i + 2);
	return 2;
}

/* "US-led", "UK-based": the place before a hyphen and a lower-case word. */
static const ldi_wordmap_entry_t *hyphen_prefix(const ldi_ctx_t *c, size_t i)
{
	const char *w = TOK_TEXT(c, i), *dash;
	const ldi_wordmap_entry_t *e;

	if (!(c->tok[i].flags & T_HYPHEN))
		return NULL;
	dash = memchr(w, '-', TOK_LEN(c, i));
	if (!dash || !(dash[1] >= 'a' && dash[1] <= 'z'))
		return NULL;
	e = ldi_gazetteer_find(w, (size_t)(dash - w));
	if (!e || !(e->flags & LDI_PLACE_NAME) ||
	    (e->flags & (LDI_PLACE_CONTEXT | LDI_PLACE_POLISH)))
		return NULL;
	return e;
}

void ldi_find_places(ldi_ctx_t *c)
{
	size_t i = 0;

	while (i < c->ntok && !c->oom) {
		const ldi_wordmap_entry_t *e;
		size_t n;
		int ent;

		if (c->polish && (n = voivodeship(c, i))) {
			i += n;
			continue;
		}
		if (!is_cap(c, i) || !is_free(c, i)) {
			i++;
			continue;
		}
		n = longest(c, i, ldi_gazetteer_find, not_here(c), &e);
		if (n) {
			size_t k;

			for (k = i; k < i + n && is_free(c, k); k++)
				;
			if (k < i + n) {
				i++;
				continue;
			}
		} else if ((e = hyphen_prefix(c, i))) {
			n = 1;
		} else {
			i++;
			continue;
		}
		/* "thanks to Victoria's career": a possessive is a person's
		 * more often than a place's when the name is both. */
		if ((e->flags & LDI_PLACE_CONTEXT) &&
		    ((c->tok[i + n - 1].flags & T_POSS) ||
		     (!is_locative(c, i - 1) && !place_before(c, i)))) {
			i += n;
			continue;
		}
		if (blocked_before(c, i) || blocked_after(c, i + n)) {
			i += n;
			continue;
		}
		ent = ldi_entity(c, E_PLACE, e->value, strlen(e->value), i);
		ldi_mention(c, ent, i, i + n);
		i += n;
	}
}
