/* query_parse.h: lede's query language, parsed into a Xapian query.
 * SPDX-License-Identifier: MIT
 *
 * Words go through the indexer's own analysis (ldi_analyze) and stemmer,
 * so a query word finds every form of it the index holds. The grammar:
 *
 *	query   := and ("OR" and)*
 *	and     := seq (("AND" ["NOT"] | "NOT") seq)*
 *	seq     := clause+			(ranked: any word may match)
 *	clause  := ["+" | "-"] near		(+ must match, - must not)
 *	near    := atom (("NEAR" | "NEAR/" n) atom)*
 *	atom    := "(" query ")" | [field ":"] ("\"" phrase "\"" | word)
 *
 * A word becomes its stems (so "profits" finds "profit"); a word that the
 * analysis splits ("U.S.-led") matches as a phrase, or as one compound;
 * a "quoted phrase" matches its words as written, accents included when
 * given; "word*" matches every word starting with "word". Words joined by
 * NEAR/n lie within a stretch of text holding at most n other words (n
 * from 1 to LDI_NEAR_MAX; NEAR alone is NEAR/10), matched as written:
 * positions belong to words, not to stems. Fields come from schema.h;
 * filter fields (source:, section:, lang:, id:, url:, date:, ...) narrow
 * the results without changing scores. date: takes what
 * lede_date_range_parse reads ("2004-01..2004-06", "yesterday..",
 * date:"last week"), relative forms counted from the clock or from the
 * environment variable LEDE_NOW (see query_now in query_parse.c).
 */
#ifndef LEDE_QUERY_PARSE_H
#define LEDE_QUERY_PARSE_H

#include <stddef.h>
#include <stdint.h>

#include "db_internal.h"
#include "lede.h"
#include "xapian-c.h"

/* The largest n of NEAR/n. */
#define LDI_NEAR_MAX 1000

/* A ranked clause of the query: a word, a phrase, a wildcard, a NEAR
 * group, each with its field. The score of a hit is the sum of what its
 * parts weigh in it (explain.c). */
typedef struct ldi_query_part {
	size_t id;	    /* its number, for ldi_query_reweigh */
	char *clause;	    /* as typed, without + or - */
	char *matches;	    /* what it searches for, readable */
	const char *field;  /* "text" (headline and body), "headline",
			       "quote" or "author"; static */
} ldi_query_part_t;

/* A filter on a field with facets written in the query (section:sport)
 * where it narrows the whole query: in a run of words and filters at the
 * top, AND-ed with the rest, never inside parentheses, an OR or a NOT.
 * Such filters are kept out of the parsed query so that the field's facet
 * can be counted without them (ldi_search_query). */
typedef struct ldi_query_filter {
	lede_field_t field;
	xc_query_t *query; /* the OR of the run's filters on the field */
	char *readable;	   /* e.g. "section:sport" */
} ldi_query_filter_t;

typedef struct ldi_parsed_query {
	/* Everything but the filters below. */
	xc_query_t *query;
	/* Folded words the user asked for (not the excluded ones), for
	 * snippets; a wildcard is kept as its stem followed by '*'. */
	char **words;
	size_t n_words;
	/* The query as it runs, readable (see lede-search(1), --explain):
	 * "(profits[profit~] OR bank[bank~])". */
	char *readable;
	ldi_query_part_t *parts;
	size_t n_parts;
	ldi_query_filter_t *filters;
	size_t n_filters;
	/* "Now" for relative dates, once read (have_now). */
	int have_now;
	int64_t now;
	/* How many of the languages it was parsed with: a database's list
	 * only grows, so its first n_langs are these. */
	size_t n_langs;
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

/* "No part weighs", for ldi_query_reweigh. */
#define LDI_NO_PART SIZE_MAX

/* The same query as pq->query, parsed again from the same text with the
 * same languages (the first pq->n_langs of langs; n_langs is how many
 * langs holds, for checking) and pq's "now", in which only the part
 * numbered part_id
 * (an ldi_query_part_t id; LDI_NO_PART for none) weighs: the others are
 * scaled to 0, so a document matches exactly when it matches pq->query
 * and weighs what that part adds to its score. *out is the caller's to
 * free. Returns LEDE_OK, LEDE_NOMEM or a binding error. */
lede_status_t ldi_query_reweigh(const char *text, size_t len,
				const ldi_db_language_t *langs,
				size_t n_langs, const ldi_parsed_query_t *pq,
				size_t part_id, xc_query_t **out);

void ldi_parsed_query_free(ldi_parsed_query_t *pq);

/* A date range as the readable form shows it, from and to inclusive
 * (LEDE_NO_DATE: open): "date:2004-01-01..2004-06-30", "date:2023-11-12"
 * for one whole day, "date:2004-01-01.." for an open end. */
#define LDI_DATE_RANGE_BUFSIZE (2 * LEDE_DATE_BUFSIZE + 8)
void ldi_date_range_readable(int64_t from, int64_t to,
			     char buf[LDI_DATE_RANGE_BUFSIZE]);

#endif /* LEDE_QUERY_PARSE_H */
