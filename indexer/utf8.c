/* utf8.c: strict UTF-8 validation and repair (RFC 3629).
 * SPDX-License-Identifier: MIT
 */
#include "utf8.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define LOW_BYTES UINT64_C(0x0101010101010101)
#define HIGH_BITS UINT64_C(0x8080808080808080)

/* Length of the run of ASCII bytes other than NUL at the start of p. Most
 * news text is ASCII, so eight bytes are tested at a time: a word passes
 * when no byte has its top bit set and no byte is zero (the classic
 * "has a zero byte" test, which never misses one). memcpy keeps the load
 * free of alignment and aliasing trouble; compilers make it one move. */
static size_t ascii_run(const unsigned char *p, size_t n)
{
	size_t i = 0;

	while (n - i >= 8) {
		uint64_t v;

		memcpy(&v, p + i, sizeof v);
		if ((v | ((v - LOW_BYTES) & ~v)) & HIGH_BITS)
			break;
		i += 8;
	}
	while (i < n && p[i] != 0 && p[i] < 0x80)
		i++;
	return i;
}

/* Length of the valid sequence that starts at p (1 to 4), or 0 when the
 * byte at p starts none. The ranges of the second byte are RFC 3629's
 * table: they rule out overlongs (C0, C1, E0 80-9F, F0 80-8F), surrogates
 * (ED A0-BF) and code points above U+10FFFF (F4 90-BF, F5-FF). */
static size_t valid_seq(const unsigned char *p, size_t n)
{
	unsigned char c = p[0];
	unsigned char lo = 0x80, hi = 0xBF;
	size_t need, k;

	if (c == 0)
		return 0;
	if (c < 0x80)
		return 1;
	if (c >= 0xC2 && c <= 0xDF) {
		need = 2;
	} else if (c >= 0xE0 && c <= 0xEF) {
		need = 3;
		if (c == 0xE0)
			lo = 0xA0;
		else if (c == 0xED)
			hi = 0x9F;
	} else if (c >= 0xF0 && c <= 0xF4) {
		need = 4;
		if (c == 0xF0)
			lo = 0x90;
		else if (c == 0xF4)
			hi = 0x8F;
	} else {
		return 0;
	}
	if (n < need || p[1] < lo || p[1] > hi)
		return 0;
	for (k = 2; k < need; k++)
		if ((p[k] & 0xC0) != 0x80)
			return 0;
	return need;
}

size_t ldi_utf8_invalid(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, bad = 0;

	if (!s)
		return 0;
	while (i < len) {
		size_t k;

		i += ascii_run(p + i, len - i);
		if (i >= len)
			break;
		k = valid_seq(p + i, len - i);
		if (k) {
			i += k;
		} else {
			bad++;
			i++;
		}
	}
	return bad;
}

char *ldi_utf8_repair(const char *s, size_t len, size_t *outlen,
		      size_t *nbad)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t bad, i = 0, o = 0;
	char *out;

	if (!s)
		len = 0;
	/* Counting first lets the copy be exact: a 3x worst-case buffer
	 * would be wasteful for the large, mostly clean files we read. */
	bad = ldi_utf8_invalid(s, len);
	if (bad > (SIZE_MAX - 1 - len) / 2)
		return NULL;
	out = malloc(len + 2 * bad + 1);
	if (!out)
		return NULL;
	if (bad == 0) {
		if (len)
			memcpy(out, s, len);
		o = len;
	} else {
		while (i < len) {
			size_t run = ascii_run(p + i, len - i), k;

			memcpy(out + o, p + i, run);
			i += run;
			o += run;
			if (i >= len)
				break;
			k = valid_seq(p + i, len - i);
			if (k) {
				memcpy(out + o, p + i, k);
				i += k;
				o += k;
			} else {
				/* U+FFFD REPLACEMENT CHARACTER */
				out[o++] = (char)0xEF;
				out[o++] = (char)0xBF;
				out[o++] = (char)0xBD;
				i++;
			}
		}
	}
	out[o] = '\0';
	if (outlen)
		*outlen = o;
	if (nbad)
		*nbad = bad;
	return out;
}
