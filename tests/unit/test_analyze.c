/* test_analyze.c: unit tests of word splitting and folding (analyze.h).
 * SPDX-License-Identifier: MIT
 *
 * Each case is one line: input text, then the terms expected, separated by
 * single spaces, as in Xapian's term-generator tests. A failure names the
 * case's line.
 */
#include "analyze.h"
#include "check.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

struct term_case {
	int line;
	const char *in;
	size_t len; /* of in: some inputs hold a NUL */
	const char *want;
};

#define T(in, want) { __LINE__, in, sizeof(in) - 1, want }

static const struct term_case term_cases[] = {
	/* Plain words, separators, case. */
	T("", ""),
	T("   \t\n", ""),
	T("!!! ... --- ?!", ""),
	T("Hello world", "hello world"),
	T("Hello, world!", "hello world"),
	T("tab\tnew\nline\r\nend", "tab new line end"),
	T("MiXeD CaSe", "mixed case"),
	T("abc123 456def", "abc123 456def"),
	T("a\0b", "a b"),
	T("\"quoted\" (parens) [brackets]", "quoted parens brackets"),

	/* Apostrophes: join letters, drop a final possessive "'s". */
	T("don't", "dont"),
	T("don\xE2\x80\x99t", "dont"),
	T("Met's plan", "met plan"),
	T("Met\xE2\x80\x99s plan", "met plan"),
	T("MET'S", "met"),
	T("Jones'", "jones"),
	T("the Joneses' house", "the joneses house"),
	T("O'Neill", "oneill"),
	T("O'Neill's", "oneill"),
	T("rock'n'roll", "rocknroll"),
	T("'quoted'", "quoted"),
	T("\xE2\x80\x99tis", "tis"),
	T("it's", "it"),
	T("90's", "90 s"),
	T("L'Or\xC3\xA9" "al", "loreal"),
	T("a' b", "a b"),
	T("the 's", "the s"),
	T("Met'sy", "metsy"),
	T("don\xCA\xBCt", "dont"),
	T("don\xEF\xBC\x87t", "dont"),
	T("Charles's", "charles"),

	/* Single letters joined by dots. */
	T("U.K.", "uk"),
	T("the U.K. economy", "the uk economy"),
	T("U.S.A", "usa"),
	T("e.g. this", "eg this"),
	T("U.S.-led", "us led"),
	T("J.R.R. Tolkien", "jrr tolkien"),
	T("U.Kingdom", "u kingdom"),
	T("St.Andrews", "st andrews"),
	T("Plan A. Then", "plan a then"),
	T("A.1", "a 1"),
	T("www.bbc.co.uk", "www bbc co uk"),
	T("\xC3\x89.U.", "eu"),
	T("U.S.Army", "us army"),
	T("e\xCC\x81.u.", "eu"),

	/* Numbers: ',' between digits dropped, '.' kept. */
	T("1.13bn", "1.13bn"),
	T("$11.1bn", "11.1bn"),
	T("\xC2\xA3" "600m", "600m"),
	T("10,000", "10000"),
	T("10,000.50", "10000.50"),
	T("20:00", "20 00"),
	T("3.5%", "3.5"),
	T("in 2015.", "in 2015"),
	T("1,2 and 3.", "12 and 3"),
	T("v2.0", "v2.0"),
	T("1.2.3", "1.2.3"),
	T(".5 and 5.", "5 and 5"),
	T("1, 2", "1 2"),
	T("ab,cd ab.cd", "ab cd ab cd"),
	T("\xEF\xBC\x91\xEF\xBC\x92\xEF\xBC\x93", "123"),
	T("\xEF\xBC\x91\xEF\xBC\x8E\xEF\xBC\x95", "1.5"),
	T("x\xC2\xB2 \xC2\xBD", "x2 12"),
	/* Symbols separate even where NFKC would give letters. */
	T("5\xE3\x8E\x8F", "5"),
	T("\xE2\x85\xAB \xC7\x85" "emal", "xii dzemal"),
	T("\xE2\x92\x88", "1"),

	/* Hyphens separate. */
	T("well-known", "well known"),
	T("e-mail", "e mail"),
	T("pre\xE2\x80\x93" "war", "pre war"),

	/* NFKC, full case folding, accents. */
	T("Caf\xC3\xA9", "cafe"),
	T("CAF\xC3\x89", "cafe"),
	T("cafe\xCC\x81", "cafe"),
	T("\xEF\xBC\xA1\xEF\xBC\xA2\xEF\xBC\xA3", "abc"),
	T("\xEF\xAC\x81nance", "finance"),
	T("Stra\xC3\x9F" "e", "strasse"),
	T("STRASSE", "strasse"),
	T("\xE1\xBA\x9E", "ss"),
	T("na\xC3\xAFve r\xC3\xA9sum\xC3\xA9", "naive resume"),
	T("\xC4\xB2ssel", "ijssel"),
	T("\xC4\xB0stanbul", "istanbul"),
	T("I\xC5\x9F\xC4\xB1k ISIK", "isik isik"),
	T("\xCE\x9F\xCE\x94\xCE\xA5\xCE\xA3\xCE\xA3\xCE\x95\xCE\xA5\xCE\xA3",
	  "\xCE\xBF\xCE\xB4\xCF\x85\xCF\x83\xCF\x83\xCE\xB5\xCF\x85\xCF\x83"),
	T("\xCE\x9F\xCE\xB4\xCF\x85\xCF\x83\xCF\x83\xCE\xAD\xCF\x8D\xCF\x82",
	  "\xCE\xBF\xCE\xB4\xCF\x85\xCF\x83\xCF\x83\xCE\xB5\xCF\x85\xCF\x83"),

	/* Letters without a decomposition, folded by our own table. */
	T("\xC5\x81\xC3\xB3" "d\xC5\xBA", "lodz"),
	T("\xC5\x81\xC3\x93" "D\xC5\xB9", "lodz"),
	T("\xC3\x98rsted \xC3\xB8l", "orsted ol"),
	T("\xC4\x90okovi\xC4\x87", "dokovic"),
	T("\xC4\xA6" "amrun", "hamrun"),
	T("\xC3\x86sir \xC5\x92uvre", "aesir oeuvre"),
	T("\xC3\x9E\xC3\xB3rr", "thorr"),
	T("Gu\xC3\xB0mundsson", "gudmundsson"),

	/* Invisible joiners do not split words; a zero-width space does. */
	T("co\xC2\xAD" "operate", "cooperate"),
	T("ab\xE2\x80\x8D" "cd", "abcd"),
	T("ab\xE2\x80\x8C" "cd", "abcd"),
	T("ab\xE2\x81\xA0" "cd", "abcd"),
	T("ab\xE2\x80\x8B" "cd", "ab cd"),
	T("\xE2\x80\x8D" "ab\xE2\x80\x8D cd", "ab cd"),
	/* Persian "mikhaham" with its ZWNJ. */
	T("\xD9\x85\xDB\x8C\xE2\x80\x8C"
	  "\xD8\xAE\xD9\x88\xD8\xA7\xD9\x87\xD9\x85",
	  "\xD9\x85\xDB\x8C\xD8\xAE\xD9\x88\xD8\xA7\xD9\x87\xD9\x85"),

	/* Right-to-left scripts: words kept, vowel marks stripped. */
	T("\xD9\x85\xD9\x8E\xD8\xB1\xD9\x92\xD8\xAD\xD9\x8E\xD8\xA8\xD9\x8B\xD8"
	  "\xA7 \xD8\xA8\xD8\xA7\xD9\x84\xD8\xB9\xD8\xA7\xD9\x84\xD9\x85",
	  "\xD9\x85\xD8\xB1\xD8\xAD\xD8\xA8\xD8\xA7 "
	  "\xD8\xA8\xD8\xA7\xD9\x84\xD8\xB9\xD8\xA7\xD9\x84\xD9\x85"),
	T("\xD7\xA9\xD7\x81\xD6\xB8\xD7\x9C\xD7\x95\xD6\xB9\xD7\x9D "
	  "\xD7\xA2\xD7\x95\xD7\x9C\xD7\x9D",
	  "\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D \xD7\xA2\xD7\x95\xD7\x9C\xD7\x9D"),

	/* Emoji and other symbols separate. */
	T("fire\xF0\x9F\x94\xA5sale", "fire sale"),
	T("I \xE2\x9D\xA4\xEF\xB8\x8F NY", "i ny"),
	T("\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9 family", "family"),
	T("1\xEF\xB8\x8F\xE2\x83\xA3 first", "1 first"),
	T("a\xE2\x84\xA2 b\xC2\xA9", "a b"),

	/* Han, kana and Hangul: one word per character. */
	T("\xE6\x9D\xB1\xE4\xBA\xAC", "\xE6\x9D\xB1 \xE4\xBA\xAC"),
	T("\xE6\x9D\xB1\xE4\xBA\xAC\xE3\x82\xBF\xE3\x83\xAF\xE3\x83\xBC",
	  "\xE6\x9D\xB1 \xE4\xBA\xAC \xE3\x82\xBF \xE3\x83\xAF \xE3\x83\xBC"),
	T("\xE3\x81\xB2\xE3\x82\x89\xE3\x81\x8C\xE3\x81\xAA",
	  "\xE3\x81\xB2 \xE3\x82\x89 \xE3\x81\x8C \xE3\x81\xAA"),
	/* Decomposed ga (ka + U+3099) and halfwidth ga gi keep voicing. */
	T("\xE3\x81\x8B\xE3\x82\x99", "\xE3\x81\x8C"),
	T("\xEF\xBD\xB6\xEF\xBE\x9E\xEF\xBD\xB7\xEF\xBE\x9E",
	  "\xE3\x82\xAC \xE3\x82\xAE"),
	T("\xEF\xBD\xB6\xEF\xBE\x80", "\xE3\x82\xAB \xE3\x82\xBF"),
	T("\xED\x95\x9C\xEA\xB5\xAD\xEC\x96\xB4",
	  "\xED\x95\x9C \xEA\xB5\xAD \xEC\x96\xB4"),
	/* Hangul "han" as conjoining jamo is one syllable. */
	T("\xE1\x84\x92\xE1\x85\xA1\xE1\x86\xAB", "\xED\x95\x9C"),
	T("Tokyo\xE6\x9D\xB1\xE4\xBA\xAC" "2020",
	  "tokyo \xE6\x9D\xB1 \xE4\xBA\xAC 2020"),
	/* A compatibility ideograph folds to its unified one. */
	T("\xEF\xA4\x80", "\xE8\xB1\x88"),
	T("\xE4\xB8\xAD\xE6\x96\x87\xEF\xBC\x8C" "English\xE3\x80\x82",
	  "\xE4\xB8\xAD \xE6\x96\x87 english"),
	/* A stray halfwidth voicing mark alone is no term. */
	T("\xEF\xBE\x9E", ""),

	/* Invalid UTF-8 separates words and never crashes. */
	T("abc\xFF" "def", "abc def"),
	T("\xC3", ""),
	T("caf\xC3", "caf"),
	T("ab\xC0\xAF" "cd", "ab cd"),
	T("ab\xED\xA0\x80" "cd", "ab cd"),
	T("\xF4\x90\x80\x80x", "x"),
	T("\xE6\x9D" "ab", "ab"),

	/* Combining marks continue a word but never start one. */
	T("\xCC\x81" "abc", "abc"),
	T("a\xCC\x81\xCC\x81\xCC\x81" "b", "ab"),
	T("\xCC\x81\xCC\x81", ""),

	/* Scripts without spaces stay one run; Indic vowel signs are marks
	 * and are stripped like accents (pinned here so a change is seen). */
	T("\xE0\xB8\xA0\xE0\xB8\xB2\xE0\xB8\xA9\xE0\xB8\xB2",
	  "\xE0\xB8\xA0\xE0\xB8\xB2\xE0\xB8\xA9\xE0\xB8\xB2"),
	T("\xE0\xA4\xB9\xE0\xA4\xBF\xE0\xA4\xA8\xE0\xA5\x8D\xE0\xA4\xA6"
	  "\xE0\xA5\x80",
	  "\xE0\xA4\xB9\xE0\xA4\xA8\xE0\xA4\xA6"),
};

/* Collects the terms of one analysis, space-separated. */
struct collect {
	char buf[4096];
	size_t len;
	size_t count;
	int stop_after; /* return 7 after this many terms; 0: never */
	ldi_token_t toks[16]; /* term points into terms */
	char terms[16][LDI_MAX_TERM_BYTES + 1];
};

static int collect_fn(void *ctx, const ldi_token_t *tok)
{
	struct collect *c = ctx;

	if (strlen(tok->term) != tok->len)
		return 99; /* term not NUL-terminated at len */
	if (c->len + tok->len + 2 < sizeof c->buf) {
		if (c->count)
			c->buf[c->len++] = ' ';
		memcpy(c->buf + c->len, tok->term, tok->len);
		c->len += tok->len;
		c->buf[c->len] = '\0';
	}
	if (c->count < 16) {
		memcpy(c->terms[c->count], tok->term, tok->len + 1);
		c->toks[c->count] = *tok;
		c->toks[c->count].term = c->terms[c->count];
	}
	c->count++;
	if (c->stop_after && c->count == (size_t)c->stop_after)
		return 7;
	return 0;
}

static int run(struct collect *c, const char *in, size_t len)
{
	memset(c, 0, sizeof *c);
	return ldi_analyze(in, len, collect_fn, c);
}

static void test_terms(void)
{
	size_t i;
	struct collect c;

	for (i = 0; i < sizeof term_cases / sizeof term_cases[0]; i++) {
		const struct term_case *tc = &term_cases[i];
		int rc = run(&c, tc->in, tc->len);

		if (rc == 0 && !strcmp(c.buf, tc->want)) {
			check_passed++;
		} else {
			check_failed++;
			fprintf(stderr,
				"%s:%d: input \"%s\": want \"%s\", got \"%s\""
				" (rc %d)\n",
				__FILE__, tc->line, tc->in, tc->want, c.buf,
				rc);
		}
	}
}

struct offset_case {
	int line;
	const char *in;
	size_t index; /* which token */
	const char *term;
	size_t start, end;
};

#define O(in, index, term, start, end) { __LINE__, in, index, term, start, end }

static const struct offset_case offset_cases[] = {
	O("Hello world", 1, "world", 6, 11),
	O("U.K. economy", 0, "uk", 0, 4),
	O("U.K. economy", 1, "economy", 5, 12),
	O("U.S.-led", 1, "led", 5, 8),
	O("Met's plan", 0, "met", 0, 5),
	O("Met's plan", 1, "plan", 6, 10),
	O("Jones' plan", 0, "jones", 0, 5),
	O("don't", 0, "dont", 0, 5),
	O("Caf\xC3\xA9 au", 0, "cafe", 0, 5),
	O("Caf\xC3\xA9 au", 1, "au", 6, 8),
	O("cafe\xCC\x81 x", 0, "cafe", 0, 6),
	O("\xE6\x9D\xB1\xE4\xBA\xAC", 1, "\xE4\xBA\xAC", 3, 6),
	O("ab\xFF" "cd", 1, "cd", 3, 5),
	O("co\xC2\xAD" "op", 0, "coop", 0, 6),
	O("ab\xE2\x80\x8D x", 0, "ab", 0, 2),
	O("$11.1bn", 0, "11.1bn", 1, 7),
	O("10,000 x", 0, "10000", 0, 6),
	O("\xCC\x81" "abc", 0, "abc", 2, 5),
	O("\xE3\x81\x8B\xE3\x82\x99!", 0, "\xE3\x81\x8C", 0, 6),
};

static void test_offsets(void)
{
	size_t i;
	struct collect c;

	for (i = 0; i < sizeof offset_cases / sizeof offset_cases[0]; i++) {
		const struct offset_case *oc = &offset_cases[i];
		const ldi_token_t *t = &c.toks[oc->index];
		int ok;

		run(&c, oc->in, strlen(oc->in));
		ok = c.count > oc->index && !strcmp(t->term, oc->term) &&
		     t->start == oc->start && t->end == oc->end;
		if (ok) {
			check_passed++;
		} else {
			check_failed++;
			fprintf(stderr,
				"%s:%d: input \"%s\" token %zu: want \"%s\" "
				"[%zu,%zu), got %s\n",
				__FILE__, oc->line, oc->in, oc->index,
				oc->term, oc->start, oc->end,
				c.count > oc->index ? "another" : "none");
		}
	}
}

/* Filter values keep their spaces and punctuation. */
static void check_fold(int line, const char *in, size_t len,
		       const char *want)
{
	char *out = NULL;
	size_t outlen = 0;
	int rc = ldi_fold(in, len, &out, &outlen);

	if (want == NULL ? rc == -1
			 : rc == 0 && outlen == strlen(want) &&
				   !strcmp(out, want)) {
		check_passed++;
	} else {
		check_failed++;
		fprintf(stderr, "%s:%d: ldi_fold(\"%s\"): want \"%s\", "
				"got \"%s\" (rc %d)\n",
			__FILE__, line, in, want ? want : "(error)",
			rc == 0 ? out : "(error)", rc);
	}
	free(out);
}

#define FOLD(in, want) check_fold(__LINE__, in, strlen(in), want)

static void test_fold(void)
{
	FOLD("BBC News", "bbc news");
	FOLD("", "");
	FOLD("Caf\xC3\xA9 Soci\xC3\xA9t\xC3\xA9", "cafe societe");
	FOLD("cafe\xCC\x81", "cafe");
	FOLD("U.K. & Europe!", "u.k. & europe!");
	FOLD("\xEF\xBC\xA1\xEF\xBC\xA2\xEF\xBC\xA3", "abc");
	FOLD("\xC5\x81\xC3\xB3" "d\xC5\xBA", "lodz");
	FOLD("Stra\xC3\x9F" "e", "strasse");
	FOLD("\xC2\xBD", "1\xE2\x81\x84" "2");
	FOLD("a\xE2\x80\x8D" "b", "ab");
	FOLD("\xEF\xBD\xB6\xEF\xBE\x9E", "\xE3\x82\xAC");
	FOLD("\xE3\x81\x8B\xE3\x82\x99\xE3\x82\x99", "\xE3\x81\x8C");
	FOLD("ab\xFF", NULL);
	FOLD("\xC3", NULL);
	FOLD("\xED\xA0\x80", NULL);
}

/* A word's term from ldi_analyze equals its ldi_fold. */
static void test_agree(void)
{
	static const char *const words[] = {
		"Caf\xC3\xA9",
		"\xC5\x81\xC3\xB3" "d\xC5\xBA",
		"Stra\xC3\x9F" "e",
		"\xEF\xAC\x81nance",
		"\xE3\x81\x8B\xE3\x82\x99",
		"\xC4\xB0stanbul",
		"\xE1\x84\x92\xE1\x85\xA1\xE1\x86\xAB", "\xEF\xA4\x80",
	};
	size_t i;
	struct collect c;

	for (i = 0; i < sizeof words / sizeof words[0]; i++) {
		char *f = NULL;
		size_t flen;

		run(&c, words[i], strlen(words[i]));
		CHECK_INT(ldi_fold(words[i], strlen(words[i]), &f, &flen), 0);
		CHECK_STR(c.buf, f);
		free(f);
	}
}

static void test_lengths(void)
{
	char buf[512];
	struct collect c;
	size_t i;

	/* Exactly LDI_MAX_TERM_BYTES is a term; one more is not. */
	memset(buf, 'a', LDI_MAX_TERM_BYTES + 1);
	run(&c, buf, LDI_MAX_TERM_BYTES);
	CHECK_INT(c.count, 1);
	CHECK_INT(c.toks[0].len, LDI_MAX_TERM_BYTES);
	run(&c, buf, LDI_MAX_TERM_BYTES + 1);
	CHECK_INT(c.count, 0);

	/* The limit is on the folded form: 32 "é" (64 bytes) fold to 32
	 * bytes, 33 "ß" (66 bytes) to 66. */
	for (i = 0; i < 32; i++)
		memcpy(buf + 2 * i, "\xC3\xA9", 2);
	run(&c, buf, 64);
	CHECK_INT(c.count, 1);
	CHECK_INT(c.toks[0].len, 32);
	for (i = 0; i < 33; i++)
		memcpy(buf + 2 * i, "\xC3\x9F", 2);
	run(&c, buf, 66);
	CHECK_INT(c.count, 0);

	/* A long word between short ones does not disturb them. */
	memset(buf, 'x', 300);
	memcpy(buf, "ok ", 3);
	memcpy(buf + 297, " ok", 3);
	run(&c, buf, 300);
	CHECK_STR(c.buf, "ok ok");
}

static void test_stop(void)
{
	struct collect c;

	memset(&c, 0, sizeof c);
	c.stop_after = 2;
	CHECK_INT(ldi_analyze("one two three", 13, collect_fn, &c), 7);
	CHECK_INT(c.count, 2);
}

/* Pathological input stays linear: a million marks on one letter, a
 * million marks in an order utf8proc would have to sort, a 50 MB word. */
static void test_pathological(void)
{
	size_t n = 1000000, i, big = 50u << 20;
	char *s = malloc(2 * n + 2);
	char *f = NULL;
	size_t flen = 0;
	struct collect c;
	clock_t t0 = clock();

	CHECK(s != NULL);
	if (!s)
		return;
	s[0] = 'a';
	for (i = 0; i < n; i++) /* U+0301 (class 230), U+0316 (220) */
		memcpy(s + 1 + 2 * i, i % 2 ? "\xCC\x96" : "\xCC\x81", 2);
	s[1 + 2 * n] = 'b';
	run(&c, s, 2 * n + 2);
	CHECK_STR(c.buf, "ab");
	CHECK_INT(ldi_fold(s, 2 * n + 2, &f, &flen), 0);
	CHECK_STR(f, "ab");
	free(f);
	free(s);

	s = malloc(big);
	CHECK(s != NULL);
	if (!s)
		return;
	memset(s, 'z', big);
	run(&c, s, big);
	CHECK_INT(c.count, 0);
	free(s);
	/* Generous even under sanitizers; quadratic would take hours. */
	CHECK((double)(clock() - t0) / CLOCKS_PER_SEC < 30.0);
}

int main(void)
{
	const char *v = ldi_unicode_version();

	test_terms();
	test_offsets();
	test_fold();
	test_agree();
	test_lengths();
	test_stop();
	test_pathological();
	CHECK(v != NULL && v[0] >= '1' && v[0] <= '9');
	printf("%zu term cases, %zu offset cases\n",
	       sizeof term_cases / sizeof term_cases[0],
	       sizeof offset_cases / sizeof offset_cases[0]);
	return CHECK_DONE();
}
