/* text_line.h: characters and lines as the plain-text rules see them.
 * SPDX-License-Identifier: MIT
 *
 * The rules that sort a plain-text body (paragraphs, boilerplate,
 * bylines, crossheads) judge a line by its shape: how long it is in
 * characters and words, whether it starts like a sentence and ends like
 * one. They share these tests so that "short" or "ends a sentence" means
 * the same thing to each of them.
 *
 * Text is UTF-8 as readers get it (valid, without NUL bytes: reader.h).
 * A "line" s[0..len) is a run of bytes with no line break in it; a
 * function taking s alone reads to the NUL.
 */
#ifndef LEDE_TEXT_LINE_H
#define LEDE_TEXT_LINE_H

#include <stddef.h>
#include <stdint.h>

/* No wire or e-mail wrapper makes lines this long (in characters). */
#define LDI_LONG_LINE 100

/* A crosshead or a role line is at most this long. */
#define LDI_SHORT_WORDS 8
#define LDI_SHORT_CHARS 60

/* ---- Characters -------------------------------------------------------- */

/* ASCII white space, line breaks included. */
int ldi_is_space(char c);

/* Space within a line: what trimming a line and splitting words see. */
int ldi_is_blank(char c);

/* The code point at s and its length in bytes in *n; 0 with *n 0 at the
 * end of the string. A byte that starts no valid sequence reads as
 * U+FFFD, one byte long, so callers always move on. */
int32_t ldi_decode(const char *s, size_t *n);

/* Upper or title case (Lu, Lt). */
int ldi_is_upper(int32_t cp);

/* Lower case (Ll). */
int ldi_is_lower(int32_t cp);

/* Letters and the combining marks of decomposed accents. */
int ldi_is_letter(int32_t cp);

/* A closing quote or bracket, which may stand after a sentence's end. */
int ldi_is_close_mark(int32_t cp);

/* Characters (code points) in s[0..len). */
size_t ldi_n_chars(const char *s, size_t len);

/* The last code point of s[0..len), or 0 when len is 0; its first byte's
 * offset goes to *start when start is not NULL (untouched when len is
 * 0). */
int32_t ldi_last_cp(const char *s, size_t len, size_t *start);

/* Does s start with prefix, ignoring ASCII case? The prefix must be in
 * lower case. */
int ldi_starts_with_ci(const char *s, const char *prefix);

/* ---- Lines ------------------------------------------------------------- */

/* The length of the line at s: bytes up to the first '\n' or the NUL. */
size_t ldi_line_len(const char *s);

/* Skips a line break at s[*i] (LF, CRLF, or a lone CR of old Mac files),
 * reading no further than s[len - 1]; returns 0, *i unmoved, when there
 * is none. */
int ldi_skip_break(const char *s, size_t len, size_t *i);

/* Narrows s[*start..*end) past blanks and no-break spaces at both ends. */
void ldi_trim_line(const char *s, size_t *start, size_t *end);

/* Words (runs of bytes other than white space) in s[0..len). */
size_t ldi_count_words(const char *s, size_t len);

/* Does the line s[0..len) end a sentence: a full stop, '!', '?' or an
 * ellipsis, perhaps inside closing quotes or brackets? */
int ldi_ends_sentence(const char *s, size_t len);

/* Does the line s[0..len) end with a full stop (or an ellipsis), perhaps
 * inside closing quotes or brackets: a statement, not a heading? */
int ldi_ends_full_stop(const char *s, size_t len);

/* Does s start like a sentence: a capital or a digit, perhaps after an
 * opening quote? */
int ldi_starts_capital(const char *s);

/* Does s start like a heading: a capital, perhaps after an opening
 * quote? */
int ldi_starts_heading(const char *s);

/* Is the line s[0..len) short enough for a heading (a crosshead, a role,
 * a link): at most LDI_SHORT_CHARS characters and LDI_SHORT_WORDS
 * words? */
int ldi_is_short(const char *s, size_t len);

#endif /* LEDE_TEXT_LINE_H */
