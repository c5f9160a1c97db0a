/* search_internal.h: the query and results handles, shared by the files
 * that run a search (internal to the library).
 * SPDX-License-Identifier: MIT
 */
#ifndef LEDE_SEARCH_INTERNAL_H
#define LEDE_SEARCH_INTERNAL_H

#include <jansson.h>

#include "db_internal.h"
#include "lede.h"
#include "query_parse.h"
#include "xapian-c.h"

/* Fields filters and facets apply to. */
#define LDI_N_FIELDS (LEDE_FIELD_PERSON + 1)

typedef struct ldi_filter {
	lede_field_t field;
	char *term;	/* prefix + folded value */
	char *readable; /* as --explain shows it: section:business */
} ldi_filter_t;

typedef struct ldi_facet_req {
	lede_field_t field;
	uint32_t max;
} ldi_facet_req_t;

struct lede_query {
	lede_db_t *db;
	char *text; /* as given, invalid UTF-8 repaired */
	ldi_parsed_query_t parsed;
	uint32_t limit;
	uint32_t offset;
	ldi_filter_t *filters;
	size_t n_filters;
	int64_t since, until; /* LEDE_NO_DATE: open */
	lede_sort_t sort;
	int64_t half_life;
	ldi_facet_req_t *facets;
	size_t n_facets;
	lede_timeline_t timeline;
	int approx;
	int no_suggest;
	int all_copies; /* 1: no collapsing on the story key */
	/* --like (expand.c): the article's id, NULL when not set; and
	 * the part of the query that scores (the text, the like terms),
	 * built anew by ldi_expand_prepare on each run. */
	char *like_id;
	xc_query_t *scored;
	/* The like terms (their OR), the article's own id term, and the
	 * terms shown: "like:ID[word ...]". */
	xc_query_t *like, *like_self;
	char *like_readable;
	ldi_facet_req_t *significant;
	size_t n_significant;
	int explain;	  /* lede_query_set_explain */
	double parse_ms;  /* what lede_query_new took */
	char *described;  /* lede_query_describe's last answer */
	char *errmsg;
	/* Results made from this query and not yet freed; lede_query_free
	 * with some alive marks it freed and the last of them frees it. */
	unsigned n_results;
	int freed;
};

/* One counted value of a facet or a timeline period. */
typedef struct ldi_count {
	char *value;
	uint64_t count;
} ldi_count_t;

typedef struct ldi_count_list {
	ldi_count_t *v;
	size_t n;
} ldi_count_list_t;

/* The over-represented values of a field (expand.c), best first. */
typedef struct ldi_scored {
	char *value;
	double score;
} ldi_scored_t;

typedef struct ldi_scored_list {
	ldi_scored_t *v;
	size_t n;
} ldi_scored_list_t;

/* Lets go of what the cursor holds of its current hit. */
struct ldi_cursor;
void ldi_cursor_clear(struct ldi_cursor *cur);
/* Reads the current hit's body and the quotes stored with it, on first
 * use (schema.h): LEDE_OK, or the failure with results' errmsg set. */
lede_status_t ldi_results_read_body(lede_results_t *r);

/* A hit's stored fields as search.c reads them without jansson: the JSON
 * object's values as nodes, its strings decoded into one block. */
typedef struct ldi_node ldi_node_t;
typedef struct ldi_fields {
	ldi_node_t *nodes; /* nodes[0]: the object; NULL: none read */
	size_t n, cap;
	char *strings;
} ldi_fields_t;

/* A stored JSON object: read by search.c, or by jansson when it had to
 * (json NULL otherwise). Zeroed is empty. */
typedef struct ldi_stored {
	ldi_fields_t read;
	json_t *json;
} ldi_stored_t;

struct lede_results {
	lede_query_t *query;
	xc_enquire_t *enquire;
	xc_mset_t *mset;
	uint32_t estimated, lower, upper;
	/* The cursor: everything lede_results_next moves. Kept together so
	 * that results_json.c can walk the page and put it back as it was
	 * (a field added here is saved with the rest). */
	struct ldi_cursor {
		size_t next;	  /* index of the next hit in the page */
		int have_current; /* 1 once lede_results_next gave a hit */
		uint32_t rank;
		double score;
		double relevance; /* the hit's weight before recency */
		uint32_t similar; /* the hit's copies collapsed */
		/* The hit's stored fields (schema.h): those a list shows,
		 * from its slot; the quotes, with the body. */
		ldi_stored_t fields;
		ldi_stored_t with_body;
		uint32_t docid;
		size_t index;	  /* the hit's place in the mset */
		xc_doc_t *doc;	  /* the hit's document once its body was
				     asked for (ldi_results_read_body)... */
		const char *body; /* ...holding the body (the data) */
	} cur;
	uint32_t *similars; /* copies per mset index (count_copies), NULL
			       when not collapsing */
	/* With recency ordering, the page's hits as mset indexes and
	 * their decayed scores, in order; NULL otherwise. */
	size_t *order;
	double *scores;
	size_t n_order;
	/* With recency ordering, the page's recency factors and ages. */
	double *factors;
	int64_t *ages;
	int64_t half_life;
	/* With explain, what each part of the query weighs in each hit of
	 * the page: parts[hit * n_parts + part]. */
	double *parts;
	size_t n_parts;
	ldi_count_list_t facets[LDI_N_FIELDS];
	int facet_asked[LDI_N_FIELDS];
	ldi_count_list_t timeline;
	int counts_exact;
	char *suggestion; /* NULL: none */
	ldi_scored_list_t significant[LDI_N_FIELDS];
	int significant_asked[LDI_N_FIELDS];
	/* What the query asked for when it ran, which lede_results_json
	 * lists: the query may be changed, or run again, before the results
	 * are read. Facets and significant fields in the order asked. */
	ldi_facet_req_t *asked_facets;
	size_t n_asked_facets;
	ldi_facet_req_t *asked_significant;
	size_t n_asked_significant;
	lede_timeline_t timeline_unit;
	char *like_id; /* NULL: no lede_query_set_like */
	int explain;
	/* With explain: the query as it ran, {"parsed", "parts"}. */
	json_t *explain_json;
	/* lede_query_new's parsing and lede_query_run, in milliseconds. */
	double took_ms;
	char *errmsg;
};

/* The query to run: the parsed query filtered by the query's filters,
 * those set with lede_query_add_filter and those lifted out of the text
 * (all of them, or all but those on field `lift` when lift is a field;
 * pass -1 for none lifted) and its date range. *out is the caller's to
 * free. */
lede_status_t ldi_search_query(lede_query_t *q, int lift, xc_query_t **out);

/* 1 when q has a filter on field that ldi_search_query can lift. */
int ldi_has_filter(const lede_query_t *q, lede_field_t field);

/* A fresh enquire for xq with lede's weighting, q's order and collapse
 * (search.c). */
xc_status_t ldi_enquire_new(lede_query_t *q, const xc_query_t *xq,
			    xc_enquire_t **out);

/* explain.c: fills r->parts for the page's hits (lede_query_set_explain).
 * LEDE_OK, LEDE_NOMEM, or a binding error; messages go to q->errmsg. */
lede_status_t ldi_explain_collect(lede_results_t *r);

/* The boolean prefix of a field whose terms are whole folded values
 * (source, section, language, tag, place, org, person), or NULL: authors
 * are indexed word by word, so their terms are no names. */
const char *ldi_whole_value_prefix(lede_field_t field);

/* The value slot of a facet field (schema.h: LDI_SLOT_AUTHORS ...), or 0
 * when it has none (facets.c). */
unsigned ldi_facet_slot(lede_field_t field);

/* The value spies a match counts facets and the timeline with: one per
 * field asked for, NULL for the others. */
typedef struct ldi_facet_spies {
	xc_spy_t *field[LDI_N_FIELDS];
	xc_spy_t *day; /* NULL: no timeline */
} ldi_facet_spies_t;

/* Adds to enq a spy for each field in `fields` (a bit per field) and, when
 * `timeline`, one for the day, into *spies (facets.c). */
xc_status_t ldi_facets_spy(xc_enquire_t *enq, unsigned fields, int timeline,
			   ldi_facet_spies_t *spies);

/* The values of a facet field's spy (its counted combinations split),
 * each with its count, by count then name, appended to the empty list l
 * (facets.c). 0, or -1 when out of memory (l then holds what was made). */
int ldi_facet_values(const xc_spy_t *spy, ldi_count_list_t *l);

/* Fills r->facets[field] for each field spied on and, with a day spy,
 * r->timeline, from the spies' counts after the match (facets.c).
 * LEDE_OK or LEDE_NOMEM. */
lede_status_t ldi_facets_collect(lede_results_t *r,
				 const ldi_facet_spies_t *spies);

void ldi_count_list_free(ldi_count_list_t *l);

/* The query text with its misspelt words replaced (suggest.c); *out NULL
 * when no word needs it. LEDE_OK or LEDE_NOMEM. */
lede_status_t ldi_suggest(lede_db_t *db, const char *text,
			  const ldi_parsed_query_t *pq, char **out);

/* expand.c: sets q->scored, the part of the query that ranks: the text
 * alone, or with --like the article's expand terms (with the text, when
 * there is one, as AND_MAYBE) without the article itself. LEDE_BAD_QUERY
 * when there is neither text nor --like, or the like id is in no article;
 * LEDE_NOMEM; a binding error. Messages go to q->errmsg. */
lede_status_t ldi_expand_prepare(lede_query_t *q);

/* expand.c: the query that ranks with --like (q->like set by
 * ldi_expand_prepare): text (borrowed; NULL for none) must match, the
 * like terms rank, scaled to 0 unless like_weighs, and the article itself
 * is left out. *out is the caller's. LEDE_OK or a binding error. */
lede_status_t ldi_expand_scored(lede_query_t *q, const xc_query_t *text,
				int like_weighs, xc_query_t **out);

/* expand.c: fills r->significant for each field asked for, from the
 * expand set of the results' best matches. */
lede_status_t ldi_significant_collect(lede_results_t *r);

/* results_json.c: {"parsed", "parts": [{"clause", "field", "matches"}]},
 * the query as it runs and its parts (lede_query_describe,
 * lede_query_part), for lede_results_json. NULL when out of memory. */
json_t *ldi_query_explain_json(lede_query_t *q);

/* expand.c: frees what the query and the results hold for expand.c. */
void ldi_expand_query_free(lede_query_t *q);
void ldi_expand_results_free(lede_results_t *r);

#endif /* LEDE_SEARCH_INTERNAL_H */
