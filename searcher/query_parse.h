/* query_parse.h: lede's query language, parsed into a Xapian query.
 * SPDX-License-Identifier: MIT
 *
 * Words go through the indexer's own analysis (ldi_analyze) and stemmer,
 * so a query word finds every form of it the index holds. The grammar:
 *
 *	query   := and ("OR" and)*
 *	and     := seq (("AND" ["NOT"] | "NOT") seq)*
 *	seq     := clause+			(ranked: any word may match)
 *	clause  := ["+" | "-"] atom		(+ must match, - must not)
 *	atom    := "(" query ")" | [field ":"] ("\"" phrase "\"" | word)
 *
 * A word becomes its stems (so "profits" finds "profit"); a word that the
 * analysis splits ("U.S.-led") matches as a phrase, or as one compound;
 * a "quoted phrase" matches its words as written, accents included when
 * given; "word*" matches every word starting with "word". Fields
 * come from schema.h; filter fields (source:, section:, lang:, id:, url:,
 * date:) narrow the results without changing scores. date: takes what
 * lede_date_range_parse reads ("2004-01..2004-06", "yesterday..",
 * date:"last week"), relative forms counted from the clock or from the
 * environment variable LEDE_NOW (see query_now in query_parse.c).
 */
#ifndef LEDE_QUERY_PARSE_H
#define LEDE_QUERY_PARSE_H

#include <stddef.h>

#include "db_internal.h"
#include "lede.h"
#include "xapian-c.h"

typedef struct ldi_parsed_query {
	xc_query_t *query;
	/* Folded words the user asked for (not the excluded ones), for
	 * snippets; a wildcard is kept as its stem followed by '*'. */
	char **words;
	size_t n_words;
} ldi_parsed_query_t;

/* Parses text for an index holding articles in the n_langs languages
 * (borrowed for the call): a word matches each stem their stemmers make
 * of it, and itself where a language has no stemmer; a lone word that is
 * a stopword in any of them ranks only when the query has nothing else.
 * On success fills *out (release with ldi_parsed_query_free). On failure
 * returns LEDE_BAD_QUERY (with *errmsg saying where and why, columns
 * counted in characters from 1), LEDE_NOMEM, or a binding error; *errmsg
 * is malloc'ed. */
lede_status_t ldi_query_parse(const char *text, size_t len,
			      const ldi_db_language_t *langs, size_t n_langs,
			      ldi_parsed_query_t *out, char **errmsg);

void ldi_parsed_query_free(ldi_parsed_query_t *pq);

#endif /* LEDE_QUERY_PARSE_H */
