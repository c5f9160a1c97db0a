/* reader.h: what the format readers share (internal to the library).
 * SPDX-License-Identifier: MIT
 *
 * lede_parse_buffer (parse.c) repairs the input's UTF-8, picks a format
 * and hands the buffer to one reader. Readers may therefore assume that
 * buf holds valid UTF-8 without NUL bytes; they must not assume it is
 * NUL-terminated. Each reader turns records into lede_article_t, calls
 * on_article for each, and reports problems through ldi_warn.
 */
#ifndef LEDE_READER_H
#define LEDE_READER_H

#include <stddef.h>

#include "lede.h"

typedef struct ldi_reader {
	const char *name;	/* for warnings and ids; may be NULL */
	lede_article_fn on_article;	/* never NULL */
	lede_warning_fn on_warning;	/* may be NULL */
	void *ctx;		/* passed to both callbacks */
} ldi_reader_t;

#ifdef __GNUC__
#define LDI_PRINTF(fmt, args) __attribute__((format(printf, fmt, args)))
#else
#define LDI_PRINTF(fmt, args)
#endif

/* Formats a message and passes it to r->on_warning (if set) with "where"
 * built as "name:line", or "name" when line is 0; a NULL name reads
 * "<input>". Never fails: when memory is short the message is cut. */
void ldi_warn(const ldi_reader_t *r, size_t line, const char *fmt, ...)
	LDI_PRINTF(3, 4);

/* LEDE_FORMAT_JSONL when the first byte that is not white space is '{'
 * or '[', else LEDE_FORMAT_TEXT. */
lede_format_t ldi_detect_format(const char *buf, size_t len);

/* One plain-text article: first non-empty line the headline, the rest the
 * body. Returns LEDE_OK, LEDE_DONE, LEDE_NOMEM or LEDE_BAD_INPUT. */
lede_status_t ldi_read_text(const ldi_reader_t *r, const char *buf,
			    size_t len);

/* JSON lines, a JSON array of article objects, or one JSON object.
 * Returns LEDE_OK, LEDE_DONE, LEDE_NOMEM or LEDE_BAD_INPUT. */
lede_status_t ldi_read_jsonl(const ldi_reader_t *r, const char *buf,
			     size_t len);

#endif /* LEDE_READER_H */
