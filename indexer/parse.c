/* parse.c: lede_parse_buffer: repair, detect the format, run a reader.
 * SPDX-License-Identifier: MIT
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "finish.h"
#include "lede.h"
#include "parser.h"
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

void ldi_note_warning(char *why, const char *where, const char *message)
{
	int n = snprintf(why, LDI_WHY_SIZE, "%s: %s", where, message);

	if (n < 0)
		why[0] = '\0';
	else if (n >= LDI_WHY_SIZE)
		cut_partial_utf8(why);
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

static int starts_with_ci(const char *s, size_t len, const char *prefix)
{
	size_t i, n = strlen(prefix);

	if (len < n)
		return 0;
	for (i = 0; i < n; i++) {
		char c = s[i];

		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if (c != prefix[i])
			return 0;
	}
	return 1;
}

/* Finds the first element name in markup: past the XML declaration,
 * comments, processing instructions and doctype. */
static lede_format_t markup_format(const char *buf, size_t len)
{
	size_t i = 0;

	while (i < len) {
		while (i < len && is_space(buf[i]))
			i++;
		if (i >= len || buf[i] != '<')
			return LEDE_FORMAT_TEXT;
		if (starts_with_ci(buf + i, len - i, "<!doctype html"))
			return LEDE_FORMAT_HTML;
		if (starts_with_ci(buf + i, len - i, "<!--")) {
			const char *e = NULL;
			size_t k;

			for (k = i + 4; k + 2 < len; k++)
				if (!memcmp(buf + k, "-->", 3)) {
					e = buf + k + 3;
					break;
				}
			if (!e)
				return LEDE_FORMAT_TEXT;
			i = (size_t)(e - buf);
			continue;
		}
		if (starts_with_ci(buf + i, len - i, "<?") ||
		    starts_with_ci(buf + i, len - i, "<!")) {
			const char *e = memchr(buf + i, '>', len - i);

			if (!e)
				return LEDE_FORMAT_TEXT;
			i = (size_t)(e - buf) + 1;
			continue;
		}
		if (starts_with_ci(buf + i, len - i, "<rss") ||
		    starts_with_ci(buf + i, len - i, "<feed") ||
		    starts_with_ci(buf + i, len - i, "<rdf:rdf"))
			return LEDE_FORMAT_FEED;
		if (starts_with_ci(buf + i, len - i, "<html") ||
		    starts_with_ci(buf + i, len - i, "<head") ||
		    starts_with_ci(buf + i, len - i, "<body") ||
		    starts_with_ci(buf + i, len - i, "<meta") ||
		    starts_with_ci(buf + i, len - i, "<article"))
			return LEDE_FORMAT_HTML;
		return LEDE_FORMAT_TEXT;
	}
	return LEDE_FORMAT_TEXT;
}

/* "Name: value" where Name is a header field name (RFC 5322: printable
 * ASCII but colon, no spaces). */
static int header_line(const char *s, size_t len, size_t *name_len)
{
	size_t i = 0;

	while (i < len && s[i] > ' ' && s[i] < 127 && s[i] != ':')
		i++;
	if (i == 0 || i >= len || s[i] != ':')
		return 0;
	*name_len = i;
	return 1;
}

/* A block of header lines before the first blank line, holding From: or
 * Subject:. A text article's headline rarely looks like "Word: text" on
 * every line up to the first blank one, and never names From: too. */
static int looks_like_message(const char *buf, size_t len)
{
	size_t pos = 0, lines = 0;
	int named = 0;

	while (pos < len && lines < 64) {
		const char *nl = memchr(buf + pos, '\n', len - pos);
		size_t end = nl ? (size_t)(nl - buf) : len, n;
		size_t line_len = end - pos;

		if (line_len > 0 && buf[end - 1] == '\r')
			line_len--;
		if (line_len == 0)
			break;
		if (buf[pos] == ' ' || buf[pos] == '\t') {
			if (lines == 0)
				return 0; /* continuation of nothing */
		} else if (header_line(buf + pos, line_len, &n)) {
			if (starts_with_ci(buf + pos, n + 1, "from:") ||
			    starts_with_ci(buf + pos, n + 1, "subject:"))
				named = 1;
		} else {
			return 0;
		}
		lines++;
		pos = end + 1;
	}
	return named && lines >= 2;
}

lede_format_t ldi_detect_format(const char *buf, size_t len)
{
	size_t i = 0;

	if (len >= 3 && !memcmp(buf, "\xEF\xBB\xBF", 3))
		i = 3;
	while (i < len && is_space(buf[i]))
		i++;
	if (i < len && (buf[i] == '{' || buf[i] == '['))
		return LEDE_FORMAT_JSONL;
	if (i < len && buf[i] == '<')
		return markup_format(buf + i, len - i);
	if (i == 0 && starts_with_ci(buf, len, "from ")) {
		const char *nl = memchr(buf, '\n', len);

		if (nl && looks_like_message(nl + 1, len - (size_t)(nl + 1 - buf)))
			return LEDE_FORMAT_MBOX;
	}
	if (i == 0 && looks_like_message(buf, len))
		return LEDE_FORMAT_MESSAGE;
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

static int binary(const char *buf, size_t len)
{
	return memchr(buf, '\0', len < 8192 ? len : 8192) != NULL;
}

/* Text and JSON come with no declared encoding: repair here, with the
 * line of the first bad byte in the warning. */
static lede_status_t read_plain(const ldi_reader_t *r, lede_format_t format,
				const char *buf, size_t len)
{
	char *fixed = NULL;
	size_t bad = ldi_utf8_invalid(buf, len);
	lede_status_t st;

	if (bad) {
		size_t line = first_bad_line(buf, len), fixed_len;

		fixed = ldi_utf8_repair(buf, len, &fixed_len, NULL);
		if (!fixed)
			return LEDE_NOMEM;
		ldi_warn(r, line,
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
	if (format == LEDE_FORMAT_TEXT)
		st = ldi_read_text(r, buf, len);
	else
		st = ldi_read_jsonl(r, buf, len);
	free(fixed);
	return st;
}

lede_status_t ldi_parse(struct lede_parser *p, const char *name,
			const char *buf, size_t len, unsigned how)
{
	ldi_reader_t r;
	ldi_finish_t f;
	lede_format_t format = p->format;
	lede_status_t st;

	if (!buf && len != 0)
		return LEDE_MISUSE;
	if (!buf) {
		buf = "";
		len = 0;
	} else if (len == LEDE_NTS) {
		len = strlen(buf);
	}

	memset(&f, 0, sizeof f);
	f.reader = &r;
	f.on_article = p->on_article;
	f.on_warning = p->on_warning;
	f.ctx = p->ctx;
	f.flags = p->flags;
	f.why = p->why;
	/* An empty name would give ids like "#3" and warnings at ":3". */
	r.name = name && *name ? name : NULL;
	r.on_article = ldi_finish_article;
	r.on_warning = ldi_finish_warning;
	r.ctx = &f;
	r.parser = p;

	/* A file may be anything; a buffer the caller hands over is meant
	 * as text, so a stray NUL there is repaired like any bad byte. */
	if ((how & LDI_FROM_FILE) && binary(buf, len)) {
		ldi_warn(&r, 0, "binary data, not an article (skipped)");
		return LEDE_BAD_INPUT;
	}
	if (format == LEDE_FORMAT_AUTO)
		format = ldi_detect_format(buf, len);
	/* Formats of one article per input: the folder may be the section. */
	f.folder_sections = (how & LDI_IN_FOLDER) &&
			    (format == LEDE_FORMAT_TEXT ||
			     format == LEDE_FORMAT_HTML ||
			     format == LEDE_FORMAT_MESSAGE);
	switch (format) {
	case LEDE_FORMAT_HTML:
		st = ldi_read_html(&r, buf, len);
		break;
	case LEDE_FORMAT_FEED:
		st = ldi_read_feed(&r, buf, len);
		break;
	case LEDE_FORMAT_MESSAGE:
		st = ldi_read_message(&r, buf, len);
		break;
	case LEDE_FORMAT_MBOX:
		st = ldi_read_mbox(&r, buf, len);
		break;
	case LEDE_FORMAT_AUTO:
	case LEDE_FORMAT_TEXT:
	case LEDE_FORMAT_JSONL:
	default:
		st = read_plain(&r, format, buf, len);
		break;
	}
	if (f.failed)
		return f.failed;
	if (f.stopped)
		p->stopped = 1;
	return f.stopped ? LEDE_DONE : st;
}

lede_status_t lede_parse_buffer(const char *name, const char *buf,
				size_t len, lede_format_t format,
				lede_article_fn on_article,
				lede_warning_fn on_warning, void *ctx)
{
	struct lede_parser p;

	if (!on_article || (!buf && len != 0) || format < LEDE_FORMAT_AUTO ||
	    format > LEDE_FORMAT_MBOX)
		return LEDE_MISUSE;
	memset(&p, 0, sizeof p);
	p.format = format;
	p.on_article = on_article;
	p.on_warning = on_warning;
	p.ctx = ctx;
	return ldi_parse(&p, name, buf, len, 0u);
}

lede_status_t lede_parser_new(lede_article_fn on_article,
			      lede_warning_fn on_warning, void *ctx,
			      lede_parser_t **parser)
{
	lede_parser_t *p;

	if (!parser)
		return LEDE_MISUSE;
	*parser = NULL;
	if (!on_article)
		return LEDE_MISUSE;
	p = calloc(1, sizeof *p);
	if (!p)
		return LEDE_NOMEM;
	p->on_article = on_article;
	p->on_warning = on_warning;
	p->ctx = ctx;
	p->max_bytes = LDI_MAX_INPUT;
	*parser = p;
	return LEDE_OK;
}

void lede_parser_free(lede_parser_t *p)
{
	size_t i;

	if (!p)
		return;
	for (i = 0; i < p->n_map; i++)
		free(p->map[i].key);
	free(p->map);
	free(p->errmsg);
	free(p);
}

const char *lede_parser_errmsg(const lede_parser_t *p)
{
	if (!p)
		return "no parser handle (NULL)";
	return p->errmsg ? p->errmsg : "";
}

lede_status_t ldi_parser_error(lede_parser_t *p, lede_status_t st,
			       const char *fmt, ...)
{
	va_list ap;
	char *msg;
	int n;

	free(p->errmsg);
	p->errmsg = NULL;
	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0 || !(msg = malloc((size_t)n + 1)))
		return st;
	va_start(ap, fmt);
	vsnprintf(msg, (size_t)n + 1, fmt, ap);
	va_end(ap);
	p->errmsg = msg;
	return st;
}

lede_status_t ldi_parser_no_article(lede_parser_t *p, const char *name)
{
	if (p->why[0])
		return ldi_parser_error(p, LEDE_BAD_INPUT, "%s", p->why);
	return ldi_parser_error(p, LEDE_BAD_INPUT, "no article in '%s'",
				name && *name ? name : "<input>");
}

lede_status_t lede_parser_set_format(lede_parser_t *p, lede_format_t format)
{
	if (!p)
		return LEDE_MISUSE;
	if (format < LEDE_FORMAT_AUTO || format > LEDE_FORMAT_MBOX)
		return ldi_parser_error(p, LEDE_MISUSE,
					"lede_parser_set_format: unknown "
					"format %d",
					(int)format);
	p->format = format;
	return LEDE_OK;
}

lede_status_t lede_parser_set_entries(lede_parser_t *p, uint64_t first,
				      uint64_t count)
{
	if (!p)
		return LEDE_MISUSE;
	if (count && first > UINT64_MAX - count)
		return ldi_parser_error(p, LEDE_MISUSE,
					"lede_parser_set_entries: entries "
					"past the last number");
	p->first_entry = count ? first : 0;
	p->end_entry = count ? first + count : 0;
	return LEDE_OK;
}

lede_status_t lede_parser_set_flags(lede_parser_t *p, unsigned flags)
{
	unsigned known = LEDE_PARSE_FOLDER_SECTIONS | LEDE_PARSE_NO_EXTRACT;

	if (!p)
		return LEDE_MISUSE;
	if (flags & ~known)
		return ldi_parser_error(p, LEDE_MISUSE,
					"lede_parser_set_flags: unknown "
					"flags %#x",
					flags & ~known);
	p->flags = flags;
	return LEDE_OK;
}

static const struct {
	const char *name;
	ldi_map_field_t field;
} map_fields[] = {
	{"id", LDI_MAP_ID},	      {"headline", LDI_MAP_HEADLINE},
	{"body", LDI_MAP_BODY},	      {"authors", LDI_MAP_AUTHORS},
	{"author", LDI_MAP_AUTHORS},  {"date", LDI_MAP_DATE},
	{"source", LDI_MAP_SOURCE},   {"section", LDI_MAP_SECTION},
	{"language", LDI_MAP_LANGUAGE}, {"url", LDI_MAP_URL},
	{"tags", LDI_MAP_TAGS},	      {"places", LDI_MAP_PLACES},
	{"orgs", LDI_MAP_ORGS},	      {"people", LDI_MAP_PEOPLE},
};

lede_status_t lede_parser_map(lede_parser_t *p, const char *spec)
{
	const char *eq;
	ldi_map_field_t field = LDI_MAP_IGNORE;
	ldi_map_entry_t *grown;
	char *key;
	size_t i;

	if (!p || !spec)
		return LEDE_MISUSE;
	eq = strchr(spec, '=');
	if (!eq || eq == spec)
		return ldi_parser_error(p, LEDE_MISUSE,
					"cannot read map '%s': expected "
					"KEY=FIELD",
					spec);
	if (eq[1]) {
		for (i = 0; i < sizeof map_fields / sizeof map_fields[0]; i++)
			if (!strcmp(eq + 1, map_fields[i].name))
				break;
		if (i == sizeof map_fields / sizeof map_fields[0])
			return ldi_parser_error(
				p, LEDE_MISUSE,
				"cannot map '%.*s' to '%s': no such field "
				"(id, headline, body, authors, date, source, "
				"section, language, url, tags, places, orgs, "
				"people, or nothing to ignore the key)",
				(int)(eq - spec), spec, eq + 1);
		field = map_fields[i].field;
	}
	key = malloc((size_t)(eq - spec) + 1);
	grown = realloc(p->map, (p->n_map + 1) * sizeof *grown);
	if (!key || !grown) {
		free(key);
		if (grown)
			p->map = grown;
		return ldi_parser_error(p, LEDE_NOMEM, "out of memory");
	}
	p->map = grown;
	memcpy(key, spec, (size_t)(eq - spec));
	key[eq - spec] = '\0';
	p->map[p->n_map].key = key;
	p->map[p->n_map].field = field;
	p->n_map++;
	return LEDE_OK;
}

size_t ldi_map_keys(const struct lede_parser *p, ldi_map_field_t field,
		    const char **keys, size_t max)
{
	size_t i, n = 0;

	for (i = 0; p && i < p->n_map && n < max; i++)
		if (p->map[i].field == field)
			keys[n++] = p->map[i].key;
	return n;
}

int ldi_map_claims(const struct lede_parser *p, const char *key)
{
	size_t i;

	for (i = 0; p && i < p->n_map; i++)
		if (!strcmp(p->map[i].key, key))
			return 1;
	return 0;
}

lede_status_t lede_parser_buffer(lede_parser_t *p, const char *name,
				 const char *buf, size_t len)
{
	lede_status_t st;

	if (!p)
		return LEDE_MISUSE;
	if (!buf && len != 0)
		return ldi_parser_error(p, LEDE_MISUSE,
					"lede_parser_buffer: buf is NULL");
	p->stopped = 0;
	p->why[0] = '\0';
	st = ldi_parse(p, name, buf, len,
		       (p->flags & LEDE_PARSE_FOLDER_SECTIONS) ? LDI_IN_FOLDER
							       : 0u);
	return st == LEDE_BAD_INPUT ? ldi_parser_no_article(p, name) : st;
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
	else if (!strcmp(name, "html"))
		*out = LEDE_FORMAT_HTML;
	else if (!strcmp(name, "feed") || !strcmp(name, "rss") ||
		 !strcmp(name, "atom"))
		*out = LEDE_FORMAT_FEED;
	else if (!strcmp(name, "message") || !strcmp(name, "email") ||
		 !strcmp(name, "eml"))
		*out = LEDE_FORMAT_MESSAGE;
	else if (!strcmp(name, "mbox"))
		*out = LEDE_FORMAT_MBOX;
	else
		return LEDE_MISUSE;
	return LEDE_OK;
}
