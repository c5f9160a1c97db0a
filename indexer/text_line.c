/* text_line.c: characters and lines as the plain-text rules see them.
 * SPDX-License-Identifier: MIT
 *
 * Each test here is deliberately plain: a line's shape is evidence for
 * the rules that sort a body, never proof, and they weigh it.
 */
#include <utf8proc.h>

#include "text_line.h"

/* ---- Characters -------------------------------------------------------- */

int ldi_is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
	       c == '\f' || c == '\v';
}

int ldi_is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\f' || c == '\v';
}

int32_t ldi_decode(const char *s, size_t *n)
{
	utf8proc_int32_t cp;
	utf8proc_ssize_t k;

	if (!*s) {
		*n = 0;
		return 0;
	}
	k = utf8proc_iterate((const utf8proc_uint8_t *)s, -1, &cp);
	if (k <= 0) {
		*n = 1;
		return 0xFFFD;
	}
	*n = (size_t)k;
	return cp;
}

int ldi_is_upper(int32_t cp)
{
	utf8proc_category_t c = utf8proc_category(cp);

	return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
}

int ldi_is_lower(int32_t cp)
{
	return utf8proc_category(cp) == UTF8PROC_CATEGORY_LL;
}

int ldi_is_letter(int32_t cp)
{
	switch (utf8proc_category(cp)) {
	case UTF8PROC_CATEGORY_LU:
	case UTF8PROC_CATEGORY_LL:
	case UTF8PROC_CATEGORY_LT:
	case UTF8PROC_CATEGORY_LM:
	case UTF8PROC_CATEGORY_LO:
	case UTF8PROC_CATEGORY_MN:
		return 1;
	default:
		return 0;
	}
}

static int is_digit(int32_t cp)
{
	return utf8proc_category(cp) == UTF8PROC_CATEGORY_ND;
}

static int is_open_quote(int32_t cp)
{
	return cp == '"' || cp == '\'' || cp == 0x201C || cp == 0x2018;
}

int ldi_is_close_mark(int32_t cp)
{
	return cp == '"' || cp == '\'' || cp == 0x201D || cp == 0x2019 ||
	       cp == ')' || cp == ']';
}

/* Counts the bytes that start a code point: every byte but UTF-8's
 * continuation bytes (10xxxxxx). */
size_t ldi_n_chars(const char *s, size_t len)
{
	size_t i, n = 0;

	for (i = 0; i < len; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			n++;
	return n;
}

int32_t ldi_last_cp(const char *s, size_t len, size_t *start)
{
	size_t i = len, n;

	if (len == 0)
		return 0;
	do
		i--;
	while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80);
	if (start)
		*start = i;
	return ldi_decode(s + i, &n);
}

int ldi_starts_with_ci(const char *s, const char *prefix)
{
	for (; *prefix; s++, prefix++) {
		char a = *s, b = *prefix;

		if (a >= 'A' && a <= 'Z')
			a = (char)(a - 'A' + 'a');
		if (a != b)
			return 0;
	}
	return 1;
}

/* ---- Lines ------------------------------------------------------------- */

size_t ldi_line_len(const char *s)
{
	size_t n = 0;

	while (s[n] && s[n] != '\n')
		n++;
	return n;
}

int ldi_skip_break(const char *s, size_t len, size_t *i)
{
	if (s[*i] == '\n') {
		(*i)++;
		return 1;
	}
	if (s[*i] == '\r') {
		(*i)++;
		if (*i < len && s[*i] == '\n')
			(*i)++;
		return 1;
	}
	return 0;
}

/* No-break spaces (U+00A0) count as blanks because text saved from web
 * pages is full of them, down to lines of nothing else. */
void ldi_trim_line(const char *s, size_t *start, size_t *end)
{
	for (;;) {
		if (*start < *end && ldi_is_blank(s[*start]))
			(*start)++;
		else if (*end - *start >= 2 && s[*start] == '\xC2' &&
			 s[*start + 1] == '\xA0')
			*start += 2;
		else
			break;
	}
	for (;;) {
		if (*end > *start && ldi_is_blank(s[*end - 1]))
			(*end)--;
		else if (*end - *start >= 2 && s[*end - 2] == '\xC2' &&
			 s[*end - 1] == '\xA0')
			*end -= 2;
		else
			break;
	}
}

size_t ldi_count_words(const char *s, size_t len)
{
	size_t i, n = 0;
	int in_word = 0;

	for (i = 0; i < len; i++) {
		if (ldi_is_space(s[i])) {
			in_word = 0;
		} else if (!in_word) {
			in_word = 1;
			n++;
		}
	}
	return n;
}

int ldi_ends_sentence(const char *s, size_t len)
{
	size_t start;
	int32_t cp = ldi_last_cp(s, len, &start);

	while (len > 0 && ldi_is_close_mark(cp)) {
		len = start;
		cp = ldi_last_cp(s, len, &start);
	}
	return cp == '.' || cp == '!' || cp == '?' || cp == 0x2026;
}

int ldi_ends_full_stop(const char *s, size_t len)
{
	size_t start;
	int32_t cp = ldi_last_cp(s, len, &start);

	while (len > 0 && ldi_is_close_mark(cp)) {
		len = start;
		cp = ldi_last_cp(s, len, &start);
	}
	return cp == '.' || cp == 0x2026;
}

int ldi_starts_capital(const char *s)
{
	size_t n;
	int32_t cp = ldi_decode(s, &n);

	if (is_open_quote(cp))
		cp = ldi_decode(s + n, &n);
	return ldi_is_upper(cp) || is_digit(cp);
}

/* Unlike a sentence, a heading does not start with a digit: lines that
 * do are list entries ("1. ...", "00:38 - Intro", "27 Anna Smashnova
 * (Israel)") far more often. */
int ldi_starts_heading(const char *s)
{
	size_t n;
	int32_t cp = ldi_decode(s, &n);

	if (is_open_quote(cp))
		cp = ldi_decode(s + n, &n);
	return ldi_is_upper(cp);
}

int ldi_is_short(const char *s, size_t len)
{
	return ldi_n_chars(s, len) <= LDI_SHORT_CHARS &&
	       ldi_count_words(s, len) <= LDI_SHORT_WORDS;
}
