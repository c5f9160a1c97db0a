/* parser.h: the state behind lede_parser_t (internal to the library).
 * SPDX-License-Identifier: MIT
 */
#ifndef LEDE_PARSER_H
#define LEDE_PARSER_H

#include "lede.h"
#include "reader.h"

/* The fields a JSON key can be mapped to with lede_parser_map. */
typedef enum ldi_map_field {
	LDI_MAP_IGNORE,	/* "key=": the key is not read at all */
	LDI_MAP_ID,
	LDI_MAP_HEADLINE,
	LDI_MAP_BODY,
	LDI_MAP_AUTHORS,
	LDI_MAP_DATE,
	LDI_MAP_SOURCE,
	LDI_MAP_SECTION,
	LDI_MAP_LANGUAGE,
	LDI_MAP_URL,
	LDI_MAP_TAGS,
	LDI_MAP_PLACES,
	LDI_MAP_ORGS,
	LDI_MAP_PEOPLE
} ldi_map_field_t;

typedef struct ldi_map_entry {
	char *key;
	ldi_map_field_t field;
} ldi_map_entry_t;

struct lede_parser {
	lede_format_t format;
	unsigned flags;		/* LEDE_PARSE_* */
	ldi_map_entry_t *map;
	size_t n_map;
	lede_article_fn on_article;
	lede_warning_fn on_warning;
	void *ctx;
	char *errmsg;
	/* The last warning of the input being read, for errmsg when it
	 * gives no article. */
	char why[LDI_WHY_SIZE];
	size_t max_bytes;	/* inputs larger than this are skipped */
	int stopped;		/* on_article asked to stop */
	/* Of an archive, only entries [first_entry, end_entry) are read
	 * (lede_parser_set_entries); end_entry 0: all. */
	uint64_t first_entry, end_entry;
};

/* Inputs bigger than this are skipped. */
#define LDI_MAX_INPUT ((size_t)256 * 1024 * 1024)

/* Sets p's message (printf-style) and returns st. */
lede_status_t ldi_parser_error(struct lede_parser *p, lede_status_t st,
			       const char *fmt, ...) LDI_PRINTF(3, 4);

/* Sets p's message for an input that gave no article: its last warning,
 * or that name gave none. Returns LEDE_BAD_INPUT. */
lede_status_t ldi_parser_no_article(struct lede_parser *p, const char *name);

/* The keys mapped to field, in the order given; *n their number. Keys
 * mapped to any field (or ignored) are in ldi_map_claims. */
size_t ldi_map_keys(const struct lede_parser *p, ldi_map_field_t field,
		    const char **keys, size_t max);
int ldi_map_claims(const struct lede_parser *p, const char *key);

/* How an input came, for ldi_parse. */
enum {
	LDI_IN_FOLDER = 1, /* the folder in its name may give a section */
	LDI_FROM_FILE = 2  /* read from a file: it may be binary */
};

/* Parses one buffer as lede_parser_buffer does; how is LDI_* bits. */
lede_status_t ldi_parse(struct lede_parser *p, const char *name,
			const char *buf, size_t len, unsigned how);

#endif /* LEDE_PARSER_H */
