/* charset.h: text in a named character set to UTF-8 (internal).
 * SPDX-License-Identifier: MIT
 *
 * Mail, news, pages and feeds declare their encoding (a MIME charset, an
 * encoded word's charset, a <meta>, an XML declaration, a byte order
 * mark) or, in old Usenet posts and hand-made pages, do not declare it
 * at all and hold raw Latin-1. Labels are often wrong: "iso-8859-1" text
 * with Windows quotes in it, "us-ascii" text with 8-bit bytes. The rules
 * here are the ones browsers settled on (the WHATWG Encoding Standard
 * reads iso-8859-1 and us-ascii as windows-1252, gb2312 as GB18030,
 * shift_jis as CP932, euc-kr as CP949) plus a check for UTF-8, so the
 * common mislabellings come out as the writer meant them. All three
 * readers that meet declared charsets (read_message.c, read_html.c,
 * read_feed.c) decode here, so they cannot drift apart.
 */
#ifndef LEDE_CHARSET_H
#define LEDE_CHARSET_H

#include <stddef.h>

/* Room for a charset name in ldi_charset_info_t, its NUL included. No
 * name iconv knows is longer. */
#define LDI_CHARSET_NAME_MAX 64

/* Flags for ldi_charset_decode. */
enum {
	/* NUL characters become spaces rather than U+FFFD. The page and
	 * feed readers refuse input with a NUL near its start (binary
	 * data); one further in is stray damage, and a space leaves no
	 * trace of it in the text. */
	LDI_CHARSET_NUL_SPACE = 1 << 0,
	/* The label was read out of the bytes themselves as ASCII (a
	 * <meta>, an XML declaration). Then it cannot truly name UTF-16 or
	 * UTF-32, in which those ASCII letters would be two or four bytes
	 * wide: such a label is read as UTF-8, as browsers do. */
	LDI_CHARSET_IN_BAND = 1 << 1
};

/* What ldi_charset_decode made of its input, for readers that warn. */
typedef struct ldi_charset_info {
	/* The charset the text was read in: "UTF-8", "windows-1252", or
	 * else the label as given, without surrounding quotes and spaces
	 * and without an RFC 2231 language ("utf-8*en"). */
	char name[LDI_CHARSET_NAME_MAX];
	/* How many input bytes were invalid in that charset; each became
	 * U+FFFD (a sequence cut off at the end becomes one U+FFFD). NUL
	 * bytes are not counted. */
	size_t invalid;
	/* 1 when a label was given but names no charset we can read (or
	 * holds characters no charset name has): the text was then read
	 * as if it had no label. */
	int unknown;
} ldi_charset_info_t;

/* Decodes len bytes of `in`, declared to be in charset `label`, to UTF-8.
 *
 * label is a charset name in any case ("ISO-8859-2", "koi8-r", "utf-8"),
 * quotes and surrounding spaces allowed; NULL or "" when none was given.
 * - iso-8859-1, latin1, windows-1252 and their aliases: windows-1252.
 *   Its five undefined bytes (0x81, 0x8D, 0x8F, 0x90, 0x9D) count as
 *   invalid and become U+FFFD.
 * - no label, us-ascii, an unknown name: UTF-8 when the bytes are valid
 *   UTF-8, else windows-1252 as above.
 * - utf-8: as it is when valid; with invalid bytes but also valid
 *   multi-byte characters, each invalid byte becomes U+FFFD; with no
 *   valid multi-byte character at all, it was never UTF-8:
 *   windows-1252.
 * - gb2312, gbk: GB18030; shift_jis: CP932; euc-kr: CP949; other
 *   WHATWG supersets likewise (see the table in charset.c).
 * - any other name glibc's iconv knows: iconv; each byte it cannot
 *   convert becomes U+FFFD and the rest is converted.
 * flags: LDI_CHARSET_* above, or 0.
 *
 * NUL bytes become U+FFFD (or spaces, with LDI_CHARSET_NUL_SPACE), so
 * the result is a C string of valid UTF-8. info, when not NULL, says what
 * was done. Returns the text malloc'ed (its length in *out_len when
 * out_len is not NULL); the caller frees it with free(). NULL only when
 * out of memory. */
char *ldi_charset_decode(const char *label, const char *in, size_t len,
			 unsigned flags, size_t *out_len,
			 ldi_charset_info_t *info);

/* ldi_charset_decode for a reader: an unknown label and any invalid
 * bytes are reported through ldi_warn, the label called `label_word`
 * ("charset" for pages, "encoding" for XML). NULL only when out of
 * memory. */
struct ldi_reader;
char *ldi_charset_decode_warn(const struct ldi_reader *r,
			      const char *label_word, const char *label,
			      const char *in, size_t len, unsigned flags,
			      size_t *out_len);

/* ldi_charset_decode with no flags and no info: for callers that have
 * no one to tell about bad bytes. */
char *ldi_charset_to_utf8(const char *charset, const char *in, size_t len,
			  size_t *out_len);

/* The length of the byte order mark that starts `in` (0 when there is
 * none), with *label set to the charset it marks: "UTF-8", "UTF-16LE" or
 * "UTF-16BE" (NULL when there is none). A byte order mark outranks any
 * declaration in the text, as in browsers and XML parsers. */
size_t ldi_charset_bom(const char *in, size_t len, const char **label);

#endif /* LEDE_CHARSET_H */
