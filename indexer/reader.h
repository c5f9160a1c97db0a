/* reader.h: what the format readers share (internal to the library).
 * SPDX-License-Identifier: MIT
 *
 * lede_parse_buffer (parse.c) picks a format and hands the buffer to one
 * reader. Text and JSON readers get the input with its UTF-8 repaired (no
 * invalid bytes, no NUL bytes). HTML, feed and message readers get the
 * bytes as they are, because those formats declare their own encoding
 * (a meta charset, an XML declaration, a MIME charset): they decode it
 * and hand on UTF-8. No reader may assume buf is NUL-terminated.
 *
 * Each reader turns records into lede_article_t (zeroed first, date
 * LEDE_NO_DATE when unknown), calls r->on_article for each, and reports
 * problems through ldi_warn. r->on_article is parse.c's: it repairs any
 * field still not valid UTF-8, fills what the format did not give
 * (extraction: places, organisations, people, quotes; section and source
 * from the URL or folder) and then calls the caller's callback; a non-zero
 * return means stop (the reader returns LEDE_DONE at once).
 *
 * Ids: a record's own id (guid, Message-ID, canonical URL) when it has
 * one; else r->name for a file holding one article; else "name#N" for
 * the Nth record of a file holding many (N from 1, counting every record,
 * readable or not); with r->name NULL, a content hash (hash.h).
 *
 * Every reader returns LEDE_OK (at least one article), LEDE_DONE,
 * LEDE_NOMEM, or LEDE_BAD_INPUT (no article at all, the reason given
 * through ldi_warn).
 */
#ifndef LEDE_READER_H
#define LEDE_READER_H

#include <stddef.h>

#include "lede.h"

struct lede_parser;

typedef struct ldi_reader {
	const char *name;	/* for warnings and ids; may be NULL */
	lede_article_fn on_article;	/* never NULL */
	lede_warning_fn on_warning;	/* may be NULL */
	void *ctx;		/* passed to both callbacks */
	/* The parser's options (JSON key map); NULL means the defaults. */
	const struct lede_parser *parser;
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

/* The room for a parser's last warning, which its message repeats when an
 * input gives no article (lede_parser_errmsg). */
#define LDI_WHY_SIZE 512

/* Keeps "where: message" in why (LDI_WHY_SIZE bytes), cut if need be at
 * a character boundary. */
void ldi_note_warning(char *why, const char *where, const char *message);

/* The format of buf judged from its first bytes: JSON ('{' or '['), a
 * feed (an <rss>, <feed> or <rdf:RDF> root), HTML (a doctype or <html>,
 * <head>, <body> near the start), mbox ("From " then a header line), a
 * message (a header block with From: or Subject:), else text. */
lede_format_t ldi_detect_format(const char *buf, size_t len);

/* One plain-text article: first non-empty line the headline, the rest the
 * body. Returns LEDE_OK, LEDE_DONE, LEDE_NOMEM or LEDE_BAD_INPUT. */
lede_status_t ldi_read_text(const ldi_reader_t *r, const char *buf,
			    size_t len);

/* JSON lines, a JSON array of article objects, or one JSON object.
 * Returns LEDE_OK, LEDE_DONE, LEDE_NOMEM or LEDE_BAD_INPUT. */
lede_status_t ldi_read_jsonl(const ldi_reader_t *r, const char *buf,
			     size_t len);

/* One HTML article page (html_read.c): headline, authors, date, section,
 * source, language, url, tags from JSON-LD (NewsArticle and kin), Open
 * Graph and article: meta tags, <title>/<h1>; body from <article>, else
 * <main>, else <body>, with navigation, scripts, forms and adverts left
 * out. The id is the canonical URL when the page gives one. */
lede_status_t ldi_read_html(const ldi_reader_t *r, const char *buf,
			    size_t len);

/* An RSS 2.0, RSS 1.0 (RDF) or Atom feed (read_feed.c): one article per
 * item/entry, with link, date, authors, categories (as tags), source (the
 * channel's title); descriptions with HTML reduced to text. */
lede_status_t ldi_read_feed(const ldi_reader_t *r, const char *buf,
			    size_t len);

/* One RFC 5322 message (read_message.c): From -> author, Subject ->
 * headline, Date, Newsgroups (first group) -> section, Message-ID -> id,
 * Keywords -> tags; the body decoded (charset, quoted-printable, base64;
 * text/plain part of a multipart), quoted replies and the signature
 * left out. */
lede_status_t ldi_read_message(const ldi_reader_t *r, const char *buf,
			       size_t len);

/* An mbox: messages, each starting at a line "From " (mboxrd quoting
 * ">From " undone). Record N of the file is "name#N" when the message
 * has no Message-ID. */
lede_status_t ldi_read_mbox(const ldi_reader_t *r, const char *buf,
			    size_t len);

#endif /* LEDE_READER_H */
