/* charset.c: text in a named character set to UTF-8.
 * SPDX-License-Identifier: MIT
 *
 * windows-1252 is decoded here from a table rather than through iconv:
 * it is what most undeclared and mislabelled 8-bit news text is, and the
 * table lets a guess between it and UTF-8 be made without a converter.
 * Everything else named goes to glibc's iconv. Bytes a charset cannot
 * hold become U+FFFD and are counted, never the end of the text: libxml2
 * and iconv left to themselves stop at the first one.
 */
#include "charset.h"
#include "reader.h"

#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "utf8.h"

typedef enum how {
	HOW_GUESS,	/* UTF-8 if valid, else windows-1252 */
	HOW_UTF8,	/* declared UTF-8 */
	HOW_CP1252,	/* windows-1252 */
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
 * text declared with the narrow name usually holds the superset. */
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

/* Label beginnings that name encodings whose ASCII letters are more than
 * one byte wide, for LDI_CHARSET_IN_BAND. */
static const char *const wide[] = {"utf-16", "utf16", "utf-32", "utf32",
				   "ucs-2",  "ucs2",  "ucs-4",  "ucs4",
				   "unicode"};

/* windows-1252's bytes 0x80-0x9F; 0 marks the five it leaves undefined. */
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

static int label_blank(char c)
{
	return c == ' ' || c == '\t' || c == '"' || c == '\'';
}

enum label_kind {
	LABEL_NONE,	/* no label, or only quotes and spaces */
	LABEL_ODD,	/* characters no charset name has, or too long */
	LABEL_OK
};

/* The label without quotes and spaces around it and without an RFC 2231
 * language ("utf-8*en"): in lower case into name, for the lookups, and
 * as written into shown, for warnings. A label with characters no
 * charset name has is odd: iconv would read "//" in a name as options,
 * and a label comes from the text's author. */
static enum label_kind clean_name(const char *label,
				  char name[LDI_CHARSET_NAME_MAX],
				  char shown[LDI_CHARSET_NAME_MAX])
{
	size_t i, n;

	name[0] = shown[0] = '\0';
	if (!label)
		return LABEL_NONE;
	while (label_blank(*label))
		label++;
	n = strlen(label);
	while (n > 0 && label_blank(label[n - 1]))
		n--;
	for (i = 0; i < n && label[i] != '*'; i++) {
		char c = lower(label[i]);

		if (i + 1 >= LDI_CHARSET_NAME_MAX || !name_char(c))
			return LABEL_ODD;
		name[i] = c;
		shown[i] = label[i];
	}
	name[i] = shown[i] = '\0';
	return i > 0 ? LABEL_OK : LABEL_NONE;
}

static int is_wide(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof wide / sizeof wide[0]; i++)
		if (!strncmp(name, wide[i], strlen(wide[i])))
			return 1;
	return 0;
}

/* How to read text labelled `name` (cleaned). *iconv_name gets the name
 * to give iconv when it is not the label itself. */
static how_t classify(const char *name, unsigned flags,
		      const char **iconv_name)
{
	size_t i;

	*iconv_name = NULL;
	for (i = 0; i < sizeof aliases / sizeof aliases[0]; i++) {
		if (!strcmp(name, aliases[i].name)) {
			*iconv_name = aliases[i].iconv_name;
			return aliases[i].how;
		}
	}
	if ((flags & LDI_CHARSET_IN_BAND) && is_wide(name))
		return HOW_UTF8;
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

/* Every byte becomes one character of at most three bytes; NUL and the
 * five undefined bytes become U+FFFD, and only the latter are invalid. */
static char *from_cp1252(const char *in, size_t len, size_t *out_len,
			 size_t *invalid)
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

		if (cp >= 0x80 && cp < 0xA0) {
			cp = cp1252_high[cp - 0x80];
			if (!cp) {
				cp = 0xFFFD;
				(*invalid)++;
			}
		} else if (cp == 0) {
			cp = 0xFFFD;
		}
		o += put_utf8(out + o, cp);
	}
	out[o] = '\0';
	*out_len = o;
	return out;
}

/* UTF-8 when the bytes are UTF-8 (NUL bytes apart: the repair turns them
 * into U+FFFD); windows-1252 otherwise. A declared UTF-8 text is trusted
 * when at least one multi-byte character in it is valid: then the bad
 * bytes are damage, not another encoding. *is_utf8 says which it was. */
static char *guess(const char *in, size_t len, int declared_utf8,
		   size_t *out_len, size_t *invalid, int *is_utf8)
{
	size_t i, nul = 0, high = 0, bad, bad_high;

	for (i = 0; i < len; i++) {
		nul += in[i] == '\0';
		high += (unsigned char)in[i] >= 0x80;
	}
	bad = ldi_utf8_invalid(in, len);
	bad_high = bad - nul;
	*is_utf8 = bad_high == 0 || (declared_utf8 && high > bad_high);
	if (*is_utf8) {
		*invalid += bad_high;
		return ldi_utf8_repair(in, len, out_len, NULL);
	}
	return from_cp1252(in, len, out_len, invalid);
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
 * counting the bytes in *invalid, then flushes the shift state
 * (ISO-2022-JP ends in ASCII mode). Leaves room for a NUL. Returns the
 * number of bytes written, or SIZE_MAX when out of memory. */
static size_t run_iconv(iconv_t cd, const char *in, size_t len, char **buf,
			size_t *cap, size_t *invalid)
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
		if (err == EINVAL) {
			*invalid += inleft;
			break;
		}
		(*invalid)++;
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
			unsigned flags, size_t *out_len, size_t *invalid)
{
	size_t cap, o, i, nul = 0, bad;
	char *buf, *fixed;

	if (len > (SIZE_MAX - 64) / 2)
		return NULL;
	cap = 2 * len + 64;
	buf = malloc(cap);
	if (!buf)
		return NULL;
	o = run_iconv(cd, in, len, &buf, &cap, invalid);
	if (o == SIZE_MAX) {
		free(buf);
		return NULL;
	}
	buf[o] = '\0';
	/* Converters give U+0000 for NUL (in UTF-16 it is two bytes, so it
	 * could not be dealt with before), and no converter is trusted to
	 * give only valid UTF-8. */
	for (i = 0; i < o; i++) {
		if (buf[i] != '\0')
			continue;
		if (flags & LDI_CHARSET_NUL_SPACE)
			buf[i] = ' ';
		else
			nul++;
	}
	bad = ldi_utf8_invalid(buf, o);
	if (!bad) {
		*out_len = o;
		return buf;
	}
	*invalid += bad - nul;
	fixed = ldi_utf8_repair(buf, o, out_len, NULL);
	free(buf);
	return fixed;
}

/* A copy of in with its NUL bytes made spaces, for charsets in which a
 * NUL byte is a NUL character. */
static char *spaced_copy(const char *in, size_t len)
{
	char *out = malloc(len);
	size_t i;

	if (!out)
		return NULL;
	for (i = 0; i < len; i++)
		out[i] = in[i] ? in[i] : ' ';
	return out;
}

/* Reads in as how says, with iconv descriptor cd for HOW_ICONV. */
static char *decode(how_t how, iconv_t cd, const char *in, size_t len,
		    unsigned flags, size_t *out_len, ldi_charset_info_t *info)
{
	int is_utf8;
	char *out;

	if (how == HOW_ICONV)
		return with_iconv(cd, in, len, flags, out_len,
				  &info->invalid);
	if (how == HOW_CP1252) {
		strcpy(info->name, "windows-1252");
		return from_cp1252(in, len, out_len, &info->invalid);
	}
	out = guess(in, len, how == HOW_UTF8, out_len, &info->invalid,
		    &is_utf8);
	strcpy(info->name, is_utf8 ? "UTF-8" : "windows-1252");
	return out;
}

char *ldi_charset_decode(const char *label, const char *in, size_t len,
			 unsigned flags, size_t *out_len,
			 ldi_charset_info_t *info)
{
	char name[LDI_CHARSET_NAME_MAX];
	const char *iconv_name = NULL;
	ldi_charset_info_t local;
	iconv_t cd = (iconv_t)-1;
	char *spaced = NULL, *out = NULL;
	size_t n = 0;
	how_t how = HOW_GUESS;

	if (!info)
		info = &local;
	memset(info, 0, sizeof *info);
	switch (clean_name(label, name, info->name)) {
	case LABEL_ODD:
		info->unknown = 1;
		break;
	case LABEL_OK:
		how = classify(name, flags, &iconv_name);
		break;
	case LABEL_NONE:
		break;
	}
	if (how == HOW_ICONV) {
		cd = iconv_open("UTF-8", iconv_name ? iconv_name : name);
		if (cd == (iconv_t)-1) {
			how = HOW_GUESS;
			info->unknown = 1;
		}
	}
	if (!in) {
		in = "";
		len = 0;
	}
	/* In the charsets read without iconv a NUL byte is a NUL
	 * character, and can go before decoding; with_iconv deals with the
	 * rest. */
	if (how != HOW_ICONV && (flags & LDI_CHARSET_NUL_SPACE) &&
	    memchr(in, '\0', len)) {
		spaced = spaced_copy(in, len);
		if (!spaced)
			goto out;
		in = spaced;
	}
	out = decode(how, cd, in, len, flags, &n, info);
	if (out && out_len)
		*out_len = n;
out:
	if (how == HOW_ICONV)
		iconv_close(cd);
	free(spaced);
	return out;
}

char *ldi_charset_to_utf8(const char *charset, const char *in, size_t len,
			  size_t *out_len)
{
	return ldi_charset_decode(charset, in, len, 0, out_len, NULL);
}

size_t ldi_charset_bom(const char *in, size_t len, const char **label)
{
	if (len >= 3 && !memcmp(in, "\xEF\xBB\xBF", 3)) {
		*label = "UTF-8";
		return 3;
	}
	if (len >= 2 && !memcmp(in, "\xFF\xFE", 2)) {
		*label = "UTF-16LE";
		return 2;
	}
	if (len >= 2 && !memcmp(in, "\xFE\xFF", 2)) {
		*label = "UTF-16BE";
		return 2;
	}
	*label = NULL;
	return 0;
}

char *ldi_charset_decode_warn(const struct ldi_reader *r,
			      const char *label_word, const char *label,
			      const char *in, size_t len, unsigned flags,
			      size_t *out_len)
{
	ldi_charset_info_t info;
	char *utf8 = ldi_charset_decode(label, in, len, flags, out_len, &info);

	if (!utf8)
		return NULL;
	if (info.unknown)
		ldi_warn(r, 0, "unknown %s '%s'; read as %s", label_word,
			 label, info.name);
	if (info.invalid)
		ldi_warn(r, 0, "invalid %s: %zu byte%s replaced by U+FFFD",
			 info.name, info.invalid,
			 info.invalid == 1 ? "" : "s");
	return utf8;
}
