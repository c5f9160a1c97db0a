/* fuzz_parse.c: libFuzzer target for every reader, through
 * lede_parse_buffer: text, JSON, HTML, feeds, messages, mbox, and the
 * detection that picks among them, with finishing and extraction after.
 * SPDX-License-Identifier: MIT
 *
 * Built as fuzz_parse, the first byte picks the format (so the fuzzer
 * reaches each reader whatever the content looks like) and the rest is
 * the input. Built with LEDE_FUZZ_FORMATS defined (a list of
 * lede_format_t values: fuzz_text, fuzz_jsonl, fuzz_html, fuzz_feed,
 * fuzz_message), the whole input goes to each of those readers in turn,
 * alone and through a parser with options (JSON key mappings, sections
 * from folders), so each reader has a target, and seeds, of its own. Every record
 * handed out is checked against lede.h's promises: valid UTF-8 strings,
 * counts that match their lists, quotes with text.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lede.h"
#include "utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_string(const char *s)
{
	if (s && ldi_utf8_invalid(s, strlen(s)))
		abort();
}

static void check_list(const char *const *v, size_t n)
{
	size_t i;

	if (n && !v)
		abort();
	for (i = 0; i < n; i++)
		check_string(v[i]);
}

static int on_article(void *ctx, const lede_article_t *a)
{
	size_t i;

	(void)ctx;
	check_string(a->id);
	check_string(a->headline);
	check_string(a->body);
	check_string(a->source);
	check_string(a->section);
	check_string(a->language);
	check_string(a->url);
	check_list(a->authors, a->n_authors);
	check_list(a->tags, a->n_tags);
	check_list(a->places, a->n_places);
	check_list(a->orgs, a->n_orgs);
	check_list(a->people, a->n_people);
	if (a->n_quotes && !a->quotes)
		abort();
	for (i = 0; i < a->n_quotes; i++) {
		if (!a->quotes[i].text || !*a->quotes[i].text)
			abort();
		check_string(a->quotes[i].text);
		check_string(a->quotes[i].speaker);
	}
	return 0;
}

static void on_warning(void *ctx, const char *where, const char *message)
{
	(void)ctx;
	if (!where || !message)
		abort();
	check_string(where);
	check_string(message);
}

static void parse(const uint8_t *data, size_t size, lede_format_t format)
{
	lede_status_t st;

	st = lede_parse_buffer("fuzz/input.txt", (const char *)data, size,
			       format, on_article, on_warning, NULL);
	if (st != LEDE_OK && st != LEDE_DONE && st != LEDE_BAD_INPUT &&
	    st != LEDE_NOMEM)
		abort();
}

#ifdef LEDE_FUZZ_FORMATS
/* A reader's own target goes through a parser with the options
 * lede-index can set: JSON keys mapped to fields (LEDE_FUZZ_MAPS, a list
 * of "key=field" strings) and sections from the input's folder. */
static void parse_with_options(const uint8_t *data, size_t size,
			       lede_format_t format)
{
	static lede_parser_t *parser;
	lede_status_t st;

	if (!parser) {
#ifdef LEDE_FUZZ_MAPS
		static const char *const maps[] = {LEDE_FUZZ_MAPS};
		size_t i;
#endif
		if (lede_parser_new(on_article, on_warning, NULL, &parser) !=
		    LEDE_OK)
			abort();
		lede_parser_set_flags(parser, LEDE_PARSE_FOLDER_SECTIONS);
#ifdef LEDE_FUZZ_MAPS
		for (i = 0; i < sizeof maps / sizeof maps[0]; i++)
			if (lede_parser_map(parser, maps[i]) != LEDE_OK)
				abort();
#endif
	}
	if (lede_parser_set_format(parser, format) != LEDE_OK)
		abort();
	st = lede_parser_buffer(parser, "business/2024/input.txt",
				(const char *)data, size);
	if (st != LEDE_OK && st != LEDE_DONE && st != LEDE_BAD_INPUT &&
	    st != LEDE_NOMEM)
		abort();
}
#endif

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
#ifdef LEDE_FUZZ_FORMATS
	static const lede_format_t formats[] = {LEDE_FUZZ_FORMATS};
	size_t i;

	for (i = 0; i < sizeof formats / sizeof formats[0]; i++) {
		parse(data, size, formats[i]);
		parse_with_options(data, size, formats[i]);
	}
#else
	static const lede_format_t formats[] = {
		LEDE_FORMAT_AUTO, LEDE_FORMAT_TEXT,    LEDE_FORMAT_JSONL,
		LEDE_FORMAT_HTML, LEDE_FORMAT_FEED,    LEDE_FORMAT_MESSAGE,
		LEDE_FORMAT_MBOX};

	if (size == 0)
		return 0;
	parse(data + 1, size - 1, formats[data[0] % 7]);
#endif
	return 0;
}
