/* charset.h: text in a named character set to UTF-8 (internal).
 * SPDX-License-Identifier: MIT
 *
 * Mail and news declare their encoding (a MIME charset, an encoded
 * word's charset) or, in old Usenet posts, do not declare it at all and
 * hold raw Latin-1. Labels are often wrong: "iso-8859-1" text with
 * Windows quotes in it, "us-ascii" text with 8-bit bytes. The rules here
 * are the ones browsers settled on (the WHATWG Encoding Standard reads
 * iso-8859-1 and us-ascii as windows-1252) plus a check for UTF-8, so
 * the common mislabellings come out as the writer meant them.
 */
#ifndef LEDE_CHARSET_H
#define LEDE_CHARSET_H

#include <stddef.h>

/* Decodes len bytes of `in`, written in `charset`, to UTF-8.
 *
 * charset is a MIME name in any case ("ISO-8859-2", "koi8-r", "utf-8"),
 * quotes and surrounding spaces allowed; NULL or "" when none was given.
 * - iso-8859-1, latin1, windows-1252 and their aliases: windows-1252,
 *   whose five undefined bytes read as ISO-8859-1.
 * - no charset, us-ascii, an unknown name: UTF-8 when the bytes are valid
 *   UTF-8, else windows-1252 as above.
 * - utf-8: as it is when valid; with invalid bytes but also valid
 *   multi-byte characters, each invalid byte becomes U+FFFD; with no valid
 *   multi-byte character at all, it was never UTF-8: windows-1252.
 * - any other name glibc's iconv knows: iconv; each byte it cannot
 *   convert becomes U+FFFD and the rest is converted.
 *
 * NUL bytes become U+FFFD, so the result is a C string of valid UTF-8.
 * Returns it malloc'ed (its length in *out_len when out_len is not NULL);
 * the caller frees it with free(). NULL only when out of memory. */
char *ldi_charset_to_utf8(const char *charset, const char *in, size_t len,
			  size_t *out_len);

#endif /* LEDE_CHARSET_H */
