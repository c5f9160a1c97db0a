/* charset.c: text in a named character set to UTF-8.
 * SPDX-License-Identifier: MIT
 *
 * windows-1252 is decoded here from a table rather than through iconv:
 * it is what most undeclared and mislabelled 8-bit news text is, glibc's
 * converter refuses its five undefined bytes, and the table cannot fail.
 * Everything else named goes to glibc's iconv.
 */
#include "charset.h"

#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "utf8.h"

/* Long enough for every name iconv knows ("ISO_8859-1:1987",
 * "EXTENDED_UNIX_CODE_PACKED_FORMAT_FOR_JAPANESE" is the longest). */
#define NAME_MAX_LEN 64

typedef enum how {
	HOW_GUESS,	/* UTF-8 if valid, else windows-1252 */
	HOW_UTF8,	/* declared UTF-8 */
	HOW_CP1252,	/* windows-1252, ISO-8859-1 for its holes */
	HOW_ICONV	/* whatever iconv makes of the name */
} how_t;

struct alias {
	const char *name;
	how_t how;
	const char *iconv_name; /* for HOW_ICONV: NULL means the name */
};

/* Labels that mean something other than what iconv would make of them.
 * ASCII labels are guessed because 8-bit bytes under them are common
 * (Usenet clients wrote Latin-1 and declared us-ascii). The Chinese,
 * Korean, Japanese and Hebrew rows follow the WHATWG Encoding Standard:
 * mail declared with the narrow name usually holds the superset. */
static const struct alias aliases[] = {
	{"us-ascii", HOW_GUESS, NULL},
	{"ascii", HOW_GUESS, NULL},
	{"us", HOW_GUESS, NULL},
	{"ansi_x3.4-1968", HOW_GUESS, NULL},
	{"iso646-us", HOW_GUESS, NULL},
	{"unknown", HOW_GUESS, NULL},
	{"unknown-8bit", HOW_GUESS, NULL},
	{"x-unknown", HOW_GUESS, NULL},
	{"x-user-defined", HOW_GUESS, NULL},
	{"default", HOW_GUESS, NULL},
	{"utf-8", HOW_UTF8, NULL},
	{"utf8", HOW_UTF8, NULL},
	{"unicode-1-1-utf-8", HOW_UTF8, NULL},
	{"iso-8859-1", HOW_CP1252, NULL},
	{"iso8859-1", HOW_CP1252, NULL},
	{"iso_8859-1", HOW_CP1252, NULL},
	{"iso_8859-1:1987", HOW_CP1252, NULL},
	{"latin1", HOW_CP1252, NULL},
	{"latin-1", HOW_CP1252, NULL},
	{"l1", HOW_CP1252, NULL},
	{"cp819", HOW_CP1252, NULL},
	{"ibm819", HOW_CP1252, NULL},
	{"csisolatin1", HOW_CP1252, NULL},
	{"windows-1252", HOW_CP1252, NULL},
	{"cp1252", HOW_CP1252, NULL},
	{"x-cp1252", HOW_CP1252, NULL},
	{"iso-8859-9", HOW_ICONV, "WINDOWS-1254"},
	{"latin5", HOW_ICONV, "WINDOWS-1254"},
	{"gb2312", HOW_ICONV, "GB18030"},
	{"gbk", HOW_ICONV, "GB18030"},
	{"x-gbk", HOW_ICONV, "GB18030"},
	{"euc-cn", HOW_ICONV, "GB18030"},
	{"ks_c_5601-1987", HOW_ICONV, "CP949"},
	{"euc-kr", HOW_ICONV, "CP949"},
	{"shift_jis", HOW_ICONV, "CP932"},
	{"sjis", HOW_ICONV, "CP932"},
	{"x-sjis", HOW_ICONV, "CP932"},
	{"iso-8859-8-i", HOW_ICONV, "ISO-8859-8"},
	{"x-mac-roman", HOW_ICONV, "MACINTOSH"},
};

/* windows-1252's bytes 0x80-0x9F; 0 marks the five it leaves undefined,
 * which read as ISO-8859-1 (the C1 control of the same number). */
static const uint16_t cp1252_high[32] = {
	0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
	0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178};

static char lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

static int name_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
	       c == '-' || c == '_' || c == '.' || c == ':' || c == '+' ||
	       c == '(' || c == ')';
}

/* The label in lower case, without quotes and spaces around it and
 * without an RFC 2231 language ("utf-8*en"). 0 when there is none or it
 * holds characters no charset name has: iconv would read "//" in a name
 * as options, and a label comes from the message's author. */
static int clean_name(const char *charset, char out[NAME_MAX_LEN])
{
	size_t i = 0, n;

	if (!charset)
		return 0;
	while (*charset == ' ' || *charset == '\t' || *charset == '"' ||
	       *charset == '\'')
		charset++;
	n = strlen(charset);
	while (n > 0 && (charset[n - 1] == ' ' || charset[n - 1] == '\t' ||
			 charset[n - 1] == '"' || charset[n - 1] == '\''))
		n--;
	for (i = 0; i < n && charset[i] != '*'; i++) {
		char c = lower(charset[i]);

		if (i + 1 >= NAME_MAX_LEN || !name_char(c))
			return 0;
		out[i] = c;
	}
	out[i] = '\0';
	return i > 0;
}

static how_t classify(const char *charset, const char **iconv_name,
		      char name[NAME_MAX_LEN])
{
	size_t i;

	*iconv_name = NULL;
	if (!clean_name(charset, name))
		return HOW_GUESS;
	for (i = 0; i < sizeof aliases / sizeof aliases[0]; i++) {
		if (!strcmp(name, aliases[i].name)) {
			*iconv_name = aliases[i].iconv_name;
			return aliases[i].how;
		}
	}
	return HOW_ICONV;
}

static size_t put_utf8(char *out, uint32_t cp)
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xC0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	out[0] = (char)(0xE0 | (cp >> 12));
	out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
	out[2] = (char)(0x80 | (cp & 0x3F));
	return 3;
}

/* Every byte becomes one character of at most three bytes. */
static char *from_cp1252(const char *in, size_t len, size_t *out_len)
{
	const unsigned char *p = (const unsigned char *)in;
	size_t i, o = 0;
	char *out;

	if (len > (SIZE_MAX - 1) / 3)
		return NULL;
	out = malloc(3 * len + 1);
	if (!out)
		return NULL;
	for (i = 0; i < len; i++) {
		uint32_t cp = p[i];

		if (cp == 0)
			cp = 0xFFFD;
		else if (cp >= 0x80 && cp < 0xA0 && cp1252_high[cp - 0x80])
			cp = cp1252_high[cp - 0x80];
		o += put_utf8(out + o, cp);
	}
	out[o] = '\0';
	*out_len = o;
	return out;
}

/* UTF-8 when the bytes are UTF-8 (NUL bytes apart: the repair turns them
 * into U+FFFD); windows-1252 otherwise. A declared UTF-8 text is trusted
 * when at least one multi-byte character in it is valid: then the bad
 * bytes are damage, not another encoding. */
static char *guess(const char *in, size_t len, int declared_utf8,
		   size_t *out_len)
{
	size_t i, nul = 0, high = 0, bad, bad_high;

	for (i = 0; i < len; i++) {
		nul += in[i] == '\0';
		high += (unsigned char)in[i] >= 0x80;
	}
	bad = ldi_utf8_invalid(in, len);
	bad_high = bad - nul;
	if (bad_high == 0 || (declared_utf8 && high > bad_high))
		return ldi_utf8_repair(in, len, out_len, NULL);
	return from_cp1252(in, len, out_len);
}

/* Makes room for at least `need` more bytes after *o in *buf. */
static int reserve(char **buf, size_t *cap, size_t o, size_t need)
{
	size_t cap2 = *cap;
	char *grown;

	if (*cap - o >= need)
		return 1;
	while (cap2 - o < need) {
		if (cap2 > SIZE_MAX / 2)
			return 0;
		cap2 *= 2;
	}
	grown = realloc(*buf, cap2);
	if (!grown)
		return 0;
	*buf = grown;
	*cap = cap2;
	return 1;
}

/* Runs the conversion to the end, putting U+FFFD for each byte iconv
 * cannot read (EILSEQ) and for a sequence cut off at the end (EINVAL),
 * then flushes the shift state (ISO-2022-JP ends in ASCII mode). Leaves
 * room for a NUL. Returns the number of bytes written, or SIZE_MAX when
 * out of memory. */
static size_t run_iconv(iconv_t cd, const char *in, size_t len, char **buf,
			size_t *cap)
{
	char *inp = (char *)(uintptr_t)in; /* iconv's prototype lacks const */
	size_t inleft = len, o = 0, outleft;
	char *outp;

	while (inleft > 0) {
		size_t r;
		int err;

		outp = *buf + o;
		outleft = *cap - o - 1;
		r = iconv(cd, &inp, &inleft, &outp, &outleft);
		err = errno;
		o = (size_t)(outp - *buf);
		if (r != (size_t)-1)
			continue;
		if (err == E2BIG) {
			if (!reserve(buf, cap, o, *cap - o + 16))
				return SIZE_MAX;
			continue;
		}
		if (!reserve(buf, cap, o, 4))
			return SIZE_MAX;
		o += put_utf8(*buf + o, 0xFFFD);
		if (err == EINVAL)
			break;
		inp++;
		inleft--;
	}
	for (;;) {
		outp = *buf + o;
		outleft = *cap - o - 1;
		size_t r = iconv(cd, NULL, NULL, &outp, &outleft);
		int err = errno;

		o = (size_t)(outp - *buf);
		if (r != (size_t)-1 || err != E2BIG)
			break;
		if (!reserve(buf, cap, o, *cap - o + 16))
			return SIZE_MAX;
	}
	return o;
}

static char *with_iconv(iconv_t cd, const char *in, size_t len,
			size_t *out_len)
{
	size_t cap, o;
	char *buf, *fixed;

	if (len > (SIZE_MAX - 64) / 2)
		return NULL;
	cap = 2 * len + 64;
	buf = malloc(cap);
	if (!buf)
		return NULL;
	o = run_iconv(cd, in, len, &buf, &cap);
	if (o == SIZE_MAX) {
		free(buf);
		return NULL;
	}
	buf[o] = '\0';
	/* Converters may give U+0000 (from UTF-16, say), and no converter
	 * is trusted to give only valid UTF-8. */
	if (!ldi_utf8_invalid(buf, o)) {
		*out_len = o;
		return buf;
	}
	fixed = ldi_utf8_repair(buf, o, out_len, NULL);
	free(buf);
	return fixed;
}

char *ldi_charset_to_utf8(const char *charset, const char *in, size_t len,
			  size_t *out_len)
{
	char name[NAME_MAX_LEN];
	const char *iconv_name;
	size_t n = 0;
	char *out = NULL;
	how_t how;
	iconv_t cd;

	if (!in)
		len = 0;
	if (!in || len == 0) {
		out = calloc(1, 1);
		if (out && out_len)
			*out_len = 0;
		return out;
	}
	how = classify(charset, &iconv_name, name);
	if (how == HOW_ICONV) {
		cd = iconv_open("UTF-8", iconv_name ? iconv_name : name);
		if (cd == (iconv_t)-1) {
			how = HOW_GUESS;
		} else {
			out = with_iconv(cd, in, len, &n);
			iconv_close(cd);
		}
	}
	if (how == HOW_GUESS || how == HOW_UTF8)
		out = guess(in, len, how == HOW_UTF8, &n);
	else if (how == HOW_CP1252)
		out = from_cp1252(in, len, &n);
	if (out && out_len)
		*out_len = n;
	return out;
}
