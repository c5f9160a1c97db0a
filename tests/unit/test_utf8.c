/* test_utf8.c: unit tests for UTF-8 validation and repair.
 * SPDX-License-Identifier: MIT
 */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "utf8.h"

#define FFFD "\xEF\xBF\xBD"

/* One case: input bytes, how many are bad, the repaired text. */
struct utf8_case {
	const char *in;
	size_t len;
	size_t bad;
	const char *repaired;
};

#define C(in, bad, out) {in, sizeof(in) - 1, bad, out}

static const struct utf8_case cases[] = {
	C("", 0, ""),
	C("plain ASCII text, long enough for the word-at-a-time path", 0,
	  "plain ASCII text, long enough for the word-at-a-time path"),
	C("caf\xC3\xA9", 0, "caf\xC3\xA9"),
	C("caf\xE9", 1, "caf" FFFD),			/* Latin-1 */
	C("caf\xE9 cr\xE8me br\xFBl\xE9" "e", 4,
	  "caf" FFFD " cr" FFFD "me br" FFFD "l" FFFD "e"),
	C("\xE2\x82\xAC 5", 0, "\xE2\x82\xAC 5"),	/* euro sign */
	C("\xF0\x9F\x93\xB0 news", 0, "\xF0\x9F\x93\xB0 news"), /* 4 bytes */
	C("\xF4\x8F\xBF\xBF", 0, "\xF4\x8F\xBF\xBF"),	/* U+10FFFF */
	C("\xF4\x90\x80\x80", 4, FFFD FFFD FFFD FFFD),	/* U+110000 */
	C("\xF5\x80\x80\x80", 4, FFFD FFFD FFFD FFFD),
	C("\xC0\xAF", 2, FFFD FFFD),			/* overlong '/' */
	C("\xC1\xBF", 2, FFFD FFFD),
	C("\xE0\x80\xAF", 3, FFFD FFFD FFFD),		/* overlong */
	C("\xE0\xA0\x80", 0, "\xE0\xA0\x80"),		/* U+0800 */
	C("\xF0\x8F\xBF\xBF", 4, FFFD FFFD FFFD FFFD),	/* overlong */
	C("\xF0\x90\x80\x80", 0, "\xF0\x90\x80\x80"),	/* U+10000 */
	C("\xED\xA0\x80", 3, FFFD FFFD FFFD),		/* U+D800 */
	C("\xED\xBF\xBF", 3, FFFD FFFD FFFD),		/* U+DFFF */
	C("\xED\x9F\xBF", 0, "\xED\x9F\xBF"),		/* U+D7FF */
	C("\xEE\x80\x80", 0, "\xEE\x80\x80"),		/* U+E000 */
	C("ab\xC3", 1, "ab" FFFD),			/* cut at end */
	C("ab\xE2\x82", 2, "ab" FFFD FFFD),
	C("ab\xF0\x9F\x93", 3, "ab" FFFD FFFD FFFD),
	C("\xE2\x82x", 2, FFFD FFFD "x"),		/* cut mid-text */
	C("\x80\xBF", 2, FFFD FFFD),			/* lone continuations */
	C("\xFE\xFF", 2, FFFD FFFD),
	C("a\0b", 1, "a" FFFD "b"),			/* NUL */
	C("\0", 1, FFFD),
	C("0123456\0" "89abcdef", 1, "0123456" FFFD "89abcdef"),
	C("01234567\xE9" "9abcdefghij", 1, "01234567" FFFD "9abcdefghij"),
};

static void test_cases(void)
{
	size_t i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const struct utf8_case *c = &cases[i];
		size_t outlen = 99, nbad = 99;
		char *out;

		CHECK_INT(ldi_utf8_invalid(c->in, c->len), c->bad);
		out = ldi_utf8_repair(c->in, c->len, &outlen, &nbad);
		CHECK(out != NULL);
		if (!out)
			continue;
		if (strcmp(out, c->repaired) != 0)
			fprintf(stderr, "case %zu:\n", i);
		CHECK_STR(out, c->repaired);
		CHECK_INT(outlen, strlen(c->repaired));
		CHECK_INT(nbad, c->bad);
		/* Repaired text is valid, and repairing it changes nothing. */
		CHECK_INT(ldi_utf8_invalid(out, outlen), 0);
		free(out);
	}
}

static void test_edges(void)
{
	char *out;
	size_t outlen = 99;
	char big[1000];
	size_t i;

	/* NULL with no bytes is an empty string. */
	CHECK_INT(ldi_utf8_invalid(NULL, 0), 0);
	out = ldi_utf8_repair(NULL, 0, &outlen, NULL);
	CHECK(out != NULL);
	CHECK_STR(out, "");
	CHECK_INT(outlen, 0);
	free(out);

	/* Only len bytes are read: the byte after them is not looked at. */
	CHECK_INT(ldi_utf8_invalid("ab\xE9", 2), 0);

	/* Every alignment of a bad byte inside a long ASCII run. */
	for (i = 0; i < sizeof big; i++) {
		memset(big, 'x', sizeof big);
		big[i] = (char)0x80;
		if (ldi_utf8_invalid(big, sizeof big) != 1) {
			CHECK_INT(i, -1);
			break;
		}
		big[i] = '\0';
		if (ldi_utf8_invalid(big, sizeof big) != 1) {
			CHECK_INT(i, -1);
			break;
		}
	}
	CHECK_INT(i, sizeof big);
}

/* Every two-byte input agrees with a slow reference: a byte pair is
 * valid exactly when it is two ASCII non-NUL bytes or one valid 2-byte
 * sequence (C2-DF followed by 80-BF). */
static void test_all_pairs(void)
{
	unsigned a, b;
	size_t mismatches = 0;

	for (a = 0; a < 256; a++) {
		for (b = 0; b < 256; b++) {
			char s[2];
			size_t want;

			s[0] = (char)a;
			s[1] = (char)b;
			if (a >= 0xC2 && a <= 0xDF && b >= 0x80 && b <= 0xBF)
				want = 0;
			else
				want = (a == 0 || a >= 0x80) +
				       (b == 0 || b >= 0x80);
			if (ldi_utf8_invalid(s, 2) != want)
				mismatches++;
		}
	}
	CHECK_INT(mismatches, 0);
}

int main(void)
{
	test_cases();
	test_edges();
	test_all_pairs();
	return CHECK_DONE();
}
