/* utf8.h: finding and repairing invalid UTF-8.
 * SPDX-License-Identifier: MIT
 *
 * Real archives hold Latin-1 and broken bytes. lede never refuses them:
 * each byte that does not start a valid UTF-8 sequence (per RFC 3629: no
 * overlongs, no surrogates, nothing above U+10FFFF) becomes U+FFFD.
 */
#ifndef LEDE_UTF8_H
#define LEDE_UTF8_H

#include <stddef.h>

/* Number of invalid bytes in s (0 means valid UTF-8). NUL bytes are valid
 * UTF-8 but count as invalid here: they end C strings early. */
size_t ldi_utf8_invalid(const char *s, size_t len);

/* A malloc'ed, NUL-terminated copy of s with every invalid byte (and NUL)
 * replaced by U+FFFD; *nbad (optional) gets how many. Returns NULL only
 * when out of memory. */
char *ldi_utf8_repair(const char *s, size_t len, size_t *outlen,
		      size_t *nbad);

#endif /* LEDE_UTF8_H */
