/* parse.c: lede_parse_buffer: repair, detect the format, run a reader.
 * SPDX-License-Identifier: MIT
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lede.h"
#include "reader.h"
#include "utf8.h"

/* Drops a UTF-8 sequence cut short at the end of s, as vsnprintf leaves
 * when a message does not fit: warnings must stay valid UTF-8. */
static void cut_partial_utf8(char *s)
{
	size_t len = strlen(s), i = len, need;
	unsigned char lead;

	while (i > 0 && len - i < 3 && ((unsigned char)s[i - 1] & 0xC0) == 0x80)
		i--;
	if (i == 0)
		return;
	lead = (unsigned char)s[i - 1];
	if (lead < 0xC0)
		return;
	need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
	if (len - (i - 1) < need)
		s[i - 1] = '\0';
}

void ldi_warn(const ldi_reader_t *r, size_t line, const char *fmt, ...)
{
	char msg_small[256], where_small[256];
	char *msg = msg_small, *msg_big = NULL, *where_big = NULL;
	const char *name, *where;
	va_list ap;
	int n;

	if (!r || !r->on_warning)
		return;
	va_start(ap, fmt);
	n = vsnprintf(msg_small, sizeof msg_small, fmt, ap);
	va_end(ap);
	if (n < 0) {
		msg_small[0] = '\0';
	} else if ((size_t)n >= sizeof msg_small) {
		msg_big = malloc((size_t)n + 1);
		if (msg_big) {
			va_start(ap, fmt);
			vsnprintf(msg_big, (size_t)n + 1, fmt, ap);
			va_end(ap);
			msg = msg_big;
		} else {
			cut_partial_utf8(msg_small);
		}
	}

	name = r->name ? r->name : "<input>";
	where = name;
	if (line > 0) {
		n = snprintf(where_small, sizeof where_small, "%s:%zu", name,
			     line);
		where = where_small;
		if (n > 0 && (size_t)n >= sizeof where_small) {
			where_big = malloc((size_t)n + 1);
			if (where_big) {
				snprintf(where_big, (size_t)n + 1, "%s:%zu",
					 name, line);
				where = where_big;
			} else {
				cut_partial_utf8(where_small);
			}
		}
	}
	r->on_warning(r->ctx, where, msg);
	free(msg_big);
	free(where_big);
}

static int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
	       c == '\f' || c == '\v';
}

lede_format_t ldi_detect_format(const char *buf, size_t len)
{
	size_t i = 0;

	while (i < len && is_space(buf[i]))
		i++;
	if (i < len && (buf[i] == '{' || buf[i] == '['))
		return LEDE_FORMAT_JSONL;
	return LEDE_FORMAT_TEXT;
}

/* The 1-based line holding the first invalid byte. A newline is never
 * part of a multi-byte sequence, so checking line by line finds exactly
 * the bytes a check of the whole buffer would. */
static size_t first_bad_line(const char *buf, size_t len)
{
	size_t start = 0, line = 1;

	while (start < len) {
		const char *nl = memchr(buf + start, '\n', len - start);
		size_t end = nl ? (size_t)(nl - buf) : len;

		if (ldi_utf8_invalid(buf + start, end - start))
			return line;
		start = end + 1;
		line++;
	}
	return 0;
}

lede_status_t lede_parse_buffer(const char *name, const char *buf,
				size_t len, lede_format_t format,
				lede_article_fn on_article,
				lede_warning_fn on_warning, void *ctx)
{
	ldi_reader_t r;
	char *fixed = NULL;
	size_t bad;
	lede_status_t st;

	if (!on_article || (!buf && len != 0))
		return LEDE_MISUSE;
	if (format != LEDE_FORMAT_AUTO && format != LEDE_FORMAT_TEXT &&
	    format != LEDE_FORMAT_JSONL)
		return LEDE_MISUSE;
	if (!buf) {
		buf = "";
		len = 0;
	} else if (len == LEDE_NTS) {
		len = strlen(buf);
	}

	/* An empty name would give ids like "#3" and warnings at ":3". */
	r.name = name && *name ? name : NULL;
	r.on_article = on_article;
	r.on_warning = on_warning;
	r.ctx = ctx;

	bad = ldi_utf8_invalid(buf, len);
	if (bad) {
		size_t line = first_bad_line(buf, len), fixed_len;

		fixed = ldi_utf8_repair(buf, len, &fixed_len, NULL);
		if (!fixed)
			return LEDE_NOMEM;
		ldi_warn(&r, line,
			 "invalid UTF-8: %zu byte%s replaced by U+FFFD", bad,
			 bad == 1 ? "" : "s");
		buf = fixed;
		len = fixed_len;
	}
	/* Editors on Windows start UTF-8 files with a byte order mark; it
	 * would end up in a headline, and JSON parsers reject it. */
	if (len >= 3 && !memcmp(buf, "\xEF\xBB\xBF", 3)) {
		buf += 3;
		len -= 3;
	}

	if (format == LEDE_FORMAT_AUTO)
		format = ldi_detect_format(buf, len);
	if (format == LEDE_FORMAT_TEXT)
		st = ldi_read_text(&r, buf, len);
	else
		st = ldi_read_jsonl(&r, buf, len);
	free(fixed);
	return st;
}

lede_status_t lede_format_parse(const char *name, lede_format_t *out)
{
	if (!name || !out)
		return LEDE_MISUSE;
	if (!strcmp(name, "auto"))
		*out = LEDE_FORMAT_AUTO;
	else if (!strcmp(name, "text"))
		*out = LEDE_FORMAT_TEXT;
	else if (!strcmp(name, "jsonl") || !strcmp(name, "json"))
		*out = LEDE_FORMAT_JSONL;
	else
		return LEDE_MISUSE;
	return LEDE_OK;
}
