/* extract_quotes.c: quoted speech and who said it (the last rule of
 * extract.c; English text only).
 * SPDX-License-Identifier: MIT
 *
 * Quotation marks: curly double quotes open and close as they say;
 * a straight double quote opens after a space or a line start and closes
 * after anything else. Single quotes count only in an article that has no
 * double quotes at all (a house style), and never in the headline, where
 * BBC-style headlines use them for claims ("Rank 'set to sell film
 * unit'"), not for speech. A closing mark with nothing open is ignored
 * (the corpus drops opening marks now and then).
 *
 * A quotation left open at the end of a paragraph continues when the next
 * paragraph opens with a quote mark (the convention for long quotes), and
 * so does one left open when a new quote mark opens right after a full
 * stop (the same quote with its paragraph break lost); the parts are
 * joined into one quote. Otherwise an open quote ends at its paragraph.
 *
 * A quote must have at least four words: "desperate" and "crippled" are
 * scare quotes; a URL is no quote however many words it cuts into. A
 * quote whose words are all capitalised is a title ("I Believe In A
 * Thing Called Love", "Sunday Morning Futures"), and one that fills a
 * short line of its own and names no speaker is a crosshead.
 *
 * The speaker is read from the words around the quote, in the same
 * sentence:
 *   "...," said Gordon Brown.      "...," Mr Brown said.
 *   "...," he added.               "...," a Home Office spokesman said.
 *   Gordon Brown said: "..."       Mr Brown told the BBC: "..."
 *   Mr Brown said the plan was "..."   "...", according to Mr Brown.
 *   "It was thought...," he said, "a craze..." (joined as one quote)
 * It is a person or organisation the earlier rules found, so it always
 * appears in the article's people or organisations. "He" or "she" is the
 * person named in this paragraph or the one before, outside quotes, when
 * only one person named there is not known (from a title such as Mr or
 * Ms) to be of the other sex; otherwise the speaker is NULL, as it is
 * for "the spokesman said".
 */
#include <stdlib.h>
#include <string.h>

#include "extract_int.h"

#define MIN_WORDS 4

/* Tokens looked at between a speech verb and the quote it introduces
 * ("told BBC Radio 4's Today programme:"). */
#define MAX_LEAD 12

/* Words in a line that is only a crosshead. */
#define CROSSHEAD_WORDS 10

/* Longest clause between a speaker and the speech verb. */
#define MAX_APPOSITION 20

/* Tokens searched back for the person a pronoun stands for: two
 * paragraphs of news, and a bound for text without paragraphs. */
#define MAX_PRONOUN_SCAN 600

struct span {
	uint32_t open, close;	/* the marks; close may be a break */
	uint8_t closed;		/* ends with a closing mark */
	uint8_t cont;		/* the next span continues this quote */
};

struct spans {
	struct span *s;
	size_t n, cap;
};

static int push_span(ldi_ctx_t *c, struct spans *sp, size_t open,
		     size_t close, int closed)
{
	if (sp->n == sp->cap) {
		size_t cap = sp->cap ? 2 * sp->cap : 16;
		struct span *grown = realloc(sp->s, cap * sizeof *grown);

		if (!grown) {
			c->oom = 1;
			return -1;
		}
		sp->s = grown;
		sp->cap = cap;
	}
	sp->s[sp->n].open = (uint32_t)open;
	sp->s[sp->n].close = (uint32_t)close;
	sp->s[sp->n].closed = (uint8_t)closed;
	sp->s[sp->n].cont = 0;
	sp->n++;
	return 0;
}

enum mark { M_NONE, M_OPEN, M_CLOSE, M_EITHER };

/* "the players' union": an apostrophe after a plural, followed by a
 * lower-case word that is not a speech verb or pronoun ("...others'
 * said Smith" does close a quote). */
static int plural_possessive(const ldi_ctx_t *c, size_t k)
{
	const ldi_tok_t *t = &c->tok[k];

	return t->start > 0 && c->text[t->start - 1] == 's' &&
	       k + 1 < c->ntok && c->tok[k + 1].kind == K_WORD &&
	       (c->tok[k + 1].flags & T_LOWER) &&
	       !(c->tok[k + 1].cls & (W_SPEECH | W_PRONOUN));
}

/* What quote mark k is: double marks in double mode, single ones in
 * single mode (see the top of this file). */
static enum mark mark_of(const ldi_ctx_t *c, size_t k, int single)
{
	const ldi_tok_t *t = &c->tok[k];
	int before = (t->flags & T_SPACE_BEFORE) != 0;
	int after = (t->flags & T_SPACE_AFTER) != 0;

	if (t->kind != K_QUOTE)
		return M_NONE;
	if (!single) {
		if (t->ch == Q_OPEN)
			return M_OPEN;
		if (t->ch == Q_CLOSE)
			return M_CLOSE;
		if (t->ch != Q_STRAIGHT)
			return M_NONE;
		if (before && !after)
			return M_OPEN;
		if (!before)
			return after ? M_CLOSE : M_EITHER;
		return M_EITHER;
	}
	if (t->flags & T_HEADLINE)
		return M_NONE;
	if (t->ch == Q_SOPEN)
		return M_OPEN;
	if (t->ch != Q_SCLOSE && t->ch != Q_SSTRAIGHT)
		return M_NONE;
	if (!before && after)
		return plural_possessive(c, k) ? M_NONE : M_CLOSE;
	return before && !after ? M_OPEN : M_NONE;
}

static int ends_sentence(const ldi_ctx_t *c, size_t i)
{
	return i < c->ntok && c->tok[i].kind == K_PUNCT &&
	       (c->tok[i].ch == '.' || c->tok[i].ch == '?' ||
		c->tok[i].ch == '!');
}

static int find_spans(ldi_ctx_t *c, struct spans *sp, int single)
{
	size_t k;
	long open = -1;

	for (k = 0; k < c->ntok; k++) {
		const ldi_tok_t *t = &c->tok[k];
		enum mark m;

		if (t->kind == K_BREAK) {
			if (open >= 0) {
				if (push_span(c, sp, (size_t)open, k, 0) < 0)
					return -1;
				/* A paragraph that opens with a quote mark
				 * continues an unclosed quote. */
				if (k + 1 < c->ntok &&
				    mark_of(c, k + 1, single) == M_OPEN)
					sp->s[sp->n - 1].cont = 1;
			}
			open = -1;
			continue;
		}
		m = mark_of(c, k, single);
		if (m == M_NONE)
			continue;
		if (open < 0 && (m == M_OPEN || m == M_EITHER)) {
			open = (long)k;
		} else if (open >= 0 && m == M_OPEN) {
			/* A new quote opens inside an open one: the first
			 * ends here, and goes on in the new one when it
			 * stopped at a full stop. */
			if (push_span(c, sp, (size_t)open, k, 0) < 0)
				return -1;
			sp->s[sp->n - 1].cont =
				(uint8_t)ends_sentence(c, k - 1);
			open = (long)k;
		} else if (open >= 0) {
			if (push_span(c, sp, (size_t)open, k, 1) < 0)
				return -1;
			open = -1;
		}
	}
	if (open >= 0 && push_span(c, sp, (size_t)open, c->ntok, 0) < 0)
		return -1;
	return 0;
}

/* ---- Speakers ------------------------------------------------------------ */

/* The mention covering token i, if it is a person or an organisation
 * outside any quote. */
static const ldi_mention_t *speaker_at(const ldi_ctx_t *c, size_t i)
{
	const ldi_mention_t *m;

	if (i >= c->ntok || c->tok[i].men < 0 || (c->tok[i].flags & T_INQUOTE))
		return NULL;
	m = &c->men[c->tok[i].men];
	return c->ent[m->ent].type == E_PLACE ? NULL : m;
}

static int is_lower(const ldi_ctx_t *c, size_t i, uint32_t want)
{
	return i < c->ntok && c->tok[i].kind == K_WORD &&
	       (c->tok[i].flags & T_LOWER) && (c->tok[i].cls & want);
}

static int is_punct(const ldi_ctx_t *c, size_t i, char ch)
{
	return i < c->ntok && c->tok[i].kind == K_PUNCT && c->tok[i].ch == ch;
}

/* The person a "he" or "she" at token p stands for, or -1. */
static int pronoun(const ldi_ctx_t *c, size_t p)
{
	int other = ldi_tok_is(c, p, "she") || ldi_tok_is(c, p, "She")
			    ? G_MALE
			    : G_FEMALE;
	int seen[8], nseen = 0, match = -1, nmatch = 0, i;
	size_t k = p, breaks = 0;

	while (k > 0 && breaks < 2 && p - k < MAX_PRONOUN_SCAN) {
		const ldi_tok_t *t = &c->tok[--k];
		const ldi_mention_t *m;

		if (t->kind == K_BREAK) {
			breaks++;
			continue;
		}
		/* A capitalised word that is no known entity may be the one
		 * the pronoun stands for ("But Parry, speaking to the BBC,
		 * ... He told ..."): then no one is named for sure. */
		if (t->kind == K_WORD && (t->flags & T_CAP) &&
		    !(t->flags & (T_SENT | T_TITLECASE | T_INQUOTE)) &&
		    t->men < 0 && k + 1 < p)
			return -1;
		m = speaker_at(c, k);
		if (!m || c->ent[m->ent].type != E_PERSON)
			continue;
		for (i = 0; i < nseen && seen[i] != m->ent; i++)
			;
		if (i < nseen)
			continue;
		if (nseen == (int)(sizeof seen / sizeof *seen))
			return -1;
		seen[nseen++] = m->ent;
	}
	/* The one person not known to be of the other sex. */
	for (i = 0; i < nseen; i++)
		if (c->ent[seen[i]].gender != other) {
			match = seen[i];
			nmatch++;
		}
	return nmatch == 1 ? match : -1;
}

/* The speaker whose phrase ends right before token v (a speech verb):
 * "Gordon Brown said", "he said", "a Home Office spokesman said",
 * "David Frost, director general of the BCC, warned". Returns the entity,
 * -1 for none named, -2 when nothing there is a speaker at all. */
static int subject_before(const ldi_ctx_t *c, size_t v)
{
	const ldi_mention_t *m;
	size_t k;

	if (v == 0)
		return -2;
	if ((m = speaker_at(c, v - 1)) && m->to == v)
		return m->ent;
	if (is_lower(c, v - 1, W_PRONOUN) ||
	    ldi_tok_is(c, v - 1, "He") || ldi_tok_is(c, v - 1, "She"))
		return pronoun(c, v - 1);
	/* "a Home Office spokesman said" */
	if (is_lower(c, v - 1, W_ROLE)) {
		if (v >= 2 && (m = speaker_at(c, v - 2)) && m->to == v - 1 &&
		    c->ent[m->ent].type == E_ORG)
			return m->ent;
		return -1;
	}
	if (!is_punct(c, v - 1, ','))
		return -2;
	/* An apposition set off by commas. */
	for (k = v - 1; k > 0 && k + MAX_APPOSITION > v; k--) {
		const ldi_tok_t *t = &c->tok[k - 1];

		if (t->kind == K_BREAK || t->kind == K_QUOTE ||
		    (t->kind == K_PUNCT && strchr(".!?", t->ch)))
			return -2;
		if (t->kind == K_PUNCT && t->ch == ',') {
			if (k >= 2 && (m = speaker_at(c, k - 2)) &&
			    m->to == k - 1)
				return m->ent;
			return -2;
		}
	}
	return -2;
}

/* The speaker whose phrase starts at token k, after a speech verb:
 * "said Gordon Brown", "said Trade Secretary Patricia Hewitt", "said
 * the spokesman", "said he". Same returns as subject_before. */
static int subject_after(const ldi_ctx_t *c, size_t k)
{
	const ldi_mention_t *m;
	size_t j;

	if (is_lower(c, k, W_PRONOUN))
		return pronoun(c, k);
	for (j = k; j < c->ntok && j < k + 6; j++) {
		if ((m = speaker_at(c, j)) && m->from == j)
			return m->ent;
		if (c->tok[j].kind != K_WORD)
			break;
		if (!(c->tok[j].cls &
		      (W_TITLE | W_ROLE | W_DET | W_CONNECTOR)) &&
		    !(c->tok[j].flags & T_CAP))
			break;
	}
	return is_lower(c, k, W_DET) ? -1 : -2;
}

/* After the closing mark at `close`: "...," said X / X said / he added /
 * according to X. Returns the speaker entity, -1 (attributed, no one
 * named) or -2 (no attribution); *end gets the token after it. */
static int attribution_after(const ldi_ctx_t *c, size_t close, size_t *end)
{
	size_t k = close + 1, v;
	int ended = ends_sentence(c, close - 1);
	int who;

	if (is_punct(c, k, ','))
		k++;
	else if (ended && !(k < c->ntok && (c->tok[k].flags & T_LOWER)))
		return -2;
	if (k >= c->ntok || c->tok[k].kind != K_WORD)
		return -2;
	/* "said X", "added the spokesman" */
	if (is_lower(c, k, W_SPEECH) && !ldi_tok_is(c, k, "told") &&
	    !ldi_tok_is(c, k, "tells")) {
		who = subject_after(c, k + 1);
		if (who != -2) {
			for (v = k + 1;
			     v < c->ntok && c->tok[v].kind == K_WORD; v++)
				;
			*end = v;
			return who;
		}
	}
	if (ldi_tok_is(c, k, "according") && ldi_tok_is(c, k + 1, "to")) {
		who = subject_after(c, k + 2);
		for (v = k + 2; v < c->ntok && c->tok[v].kind == K_WORD; v++)
			;
		*end = v;
		return who == -2 ? -1 : who;
	}
	/* "X said", "he said", "a BBC spokesman said", "X, 45, said" */
	for (v = k; v < c->ntok && v < k + MAX_APPOSITION; v++) {
		const ldi_tok_t *t = &c->tok[v];

		if (t->kind == K_BREAK || t->kind == K_QUOTE ||
		    ends_sentence(c, v))
			break;
		if (is_lower(c, v, W_SPEECH)) {
			who = subject_before(c, v);
			if (who == -2)
				break;
			for (v++; v < c->ntok && c->tok[v].kind == K_WORD; v++)
				;
			*end = v;
			return who;
		}
	}
	return -2;
}

/* Before the opening mark at `open`: "X said: ...", "X told the BBC:",
 * "X said the plan was ...". Same returns as attribution_after. */
static int attribution_before(const ldi_ctx_t *c, size_t open)
{
	size_t k, lead = 0;

	for (k = open; k > 0 && lead < MAX_LEAD; k--, lead++) {
		const ldi_tok_t *t = &c->tok[k - 1];

		if (t->kind == K_BREAK || t->kind == K_QUOTE ||
		    ends_sentence(c, k - 1))
			return -2;
		if (is_lower(c, k - 1, W_SPEECH))
			return subject_before(c, k - 1);
	}
	return -2;
}

/* ---- Quotes -------------------------------------------------------------- */

/* Appends the text between the marks of span s to buf (with a space
 * between parts), white space made single spaces. */
static size_t append_text(const ldi_ctx_t *c, const struct span *s, char *buf,
			  size_t o)
{
	size_t from = c->tok[s->open].end;
	size_t to = s->close < c->ntok ? c->tok[s->close].start : c->len;
	size_t i;

	if (o && buf[o - 1] != ' ')
		buf[o++] = ' ';
	for (i = from; i < to; i++) {
		char ch = c->text[i];

		if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r') {
			if (o && buf[o - 1] != ' ')
				buf[o++] = ' ';
		} else {
			buf[o++] = ch;
		}
	}
	return o;
}

static size_t span_bytes(const ldi_ctx_t *c, const struct span *s)
{
	size_t to = s->close < c->ntok ? c->tok[s->close].start : c->len;

	return to - c->tok[s->open].end + 1;
}

/* Counts the words of span s and whether all longer ones are
 * capitalised. */
static unsigned span_words(const ldi_ctx_t *c, const struct span *s,
			   int *titlecase)
{
	unsigned words = 0, longer = 0, caps = 0;
	size_t k;

	for (k = s->open + 1; k < s->close && k < c->ntok; k++) {
		const ldi_tok_t *t = &c->tok[k];

		if (t->kind == K_PUNCT && strchr(".!?,;:", t->ch))
			caps = 0, longer = 1000; /* a sentence */
		if (t->kind != K_WORD)
			continue;
		words++;
		if (t->end - t->start >= 4 && !(t->cls & W_STOP)) {
			longer++;
			caps += (t->flags & T_CAP) != 0;
		}
	}
	*titlecase = longer > 0 && longer < 1000 && caps == longer;
	return words;
}

/* A quote that is the whole of a short line: a crosshead. */
static int crosshead(const ldi_ctx_t *c, const struct span *s, unsigned words)
{
	size_t last = s->close + 1;

	if (words >= CROSSHEAD_WORDS || (c->tok[s->open].flags & T_HEADLINE))
		return 0;
	if (s->open > 0 && c->tok[s->open - 1].kind != K_BREAK)
		return 0;
	if (s->closed && last < c->ntok && c->tok[last].kind == K_PUNCT)
		last++;
	return !s->closed || last >= c->ntok || c->tok[last].kind == K_BREAK;
}

static void mark_inquote(ldi_ctx_t *c, const struct spans *sp)
{
	size_t i, k;

	for (i = 0; i < sp->n; i++)
		for (k = sp->s[i].open + 1; k < sp->s[i].close && k < c->ntok;
		     k++)
			c->tok[k].flags |= T_INQUOTE;
}

/* Adds a quote, or names the speaker of the same quote seen before;
 * seen maps quote text to its index + 1. */
static int add_quote(ldi_ctx_t *c, ldi_wordmap_t *seen, const char *text,
		     int speaker)
{
	ldi_wordmap_entry_t *e = ldi_wordmap_put(seen, text, strlen(text));

	if (!e) {
		c->oom = 1;
		return -1;
	}
	if (e->flags) {
		lede_quote_t *q = &c->quotes[e->flags - 1];

		if (!q->speaker && speaker >= 0)
			q->speaker = c->ent[speaker].name;
		return 0;
	}
	if (c->nquotes == c->capquotes) {
		size_t cap = c->capquotes ? 2 * c->capquotes : 8;
		lede_quote_t *grown = realloc(c->quotes, cap * sizeof *grown);

		if (!grown) {
			c->oom = 1;
			return -1;
		}
		c->quotes = grown;
		c->capquotes = cap;
	}
	c->quotes[c->nquotes].text = text;
	c->quotes[c->nquotes].speaker = speaker >= 0 ? c->ent[speaker].name
						     : NULL;
	e->flags = (uint32_t)++c->nquotes;
	return 0;
}

/* Spaces in s: a URL or a file name is many "words" but one string. */
static size_t spaces(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		n += *s == ' ';
	return n;
}

/* Builds the quote from spans [a, b] and its speaker; returns the index
 * of the last span used. */
static size_t build_quote(ldi_ctx_t *c, const struct spans *sp,
			  ldi_wordmap_t *seen, size_t a)
{
	size_t b = a, i, bytes = 0, o = 0, end = 0;
	unsigned words = 0;
	int who, titlecase = 0, tc;
	char *buf;

	while (b + 1 < sp->n && sp->s[b].cont)
		b++;
	who = sp->s[b].closed ? attribution_after(c, sp->s[b].close, &end) : -2;
	/* "...," he said, "a craze that ..." continues the quote. */
	if (who != -2 && end + 1 < c->ntok && b + 1 < sp->n &&
	    is_punct(c, end, ',') && sp->s[b + 1].open == end + 1 &&
	    end + 2 < c->ntok && (c->tok[end + 2].flags & T_LOWER))
		for (b++; b + 1 < sp->n && sp->s[b].cont; b++)
			;
	if (who == -2)
		who = attribution_before(c, sp->s[a].open);
	for (i = a; i <= b; i++) {
		words += span_words(c, &sp->s[i], &tc);
		titlecase |= tc && a == b;
		bytes += span_bytes(c, &sp->s[i]) + 1;
	}
	if (words < MIN_WORDS || titlecase)
		return b;
	if (who < 0 && a == b && crosshead(c, &sp->s[a], words))
		return b;
	buf = ldi_arena_alloc(&c->arena, bytes + 1);
	if (!buf) {
		c->oom = 1;
		return b;
	}
	for (i = a; i <= b; i++)
		o = append_text(c, &sp->s[i], buf, o);
	while (o && strchr(" ,:;-", buf[o - 1]))
		o--;
	i = 0;
	while (i < o && buf[i] == ' ')
		i++;
	buf[o] = '\0';
	if (i < o && !strstr(buf + i, "://") &&
	    spaces(buf + i) >= MIN_WORDS - 1)
		add_quote(c, seen, buf + i, who);
	return b;
}

static int has_double_quotes(const ldi_ctx_t *c)
{
	size_t k;

	for (k = 0; k < c->ntok; k++)
		if (c->tok[k].kind == K_QUOTE &&
		    (c->tok[k].ch == Q_STRAIGHT || c->tok[k].ch == Q_OPEN ||
		     c->tok[k].ch == Q_CLOSE))
			return 1;
	return 0;
}

void ldi_find_quotes(ldi_ctx_t *c)
{
	struct spans sp = { NULL, 0, 0 };
	ldi_wordmap_t seen = { NULL, 0, 0 };
	size_t i;

	if (find_spans(c, &sp, !has_double_quotes(c)) < 0)
		goto out;
	mark_inquote(c, &sp);
	for (i = 0; i < sp.n && !c->oom; i++)
		i = build_quote(c, &sp, &seen, i);
out:
	ldi_wordmap_clear(&seen);
	free(sp.s);
}
