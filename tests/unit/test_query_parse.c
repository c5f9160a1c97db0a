/* test_query_parse.c: what each query becomes, as Xapian describes it.
 * SPDX-License-Identifier: MIT
 */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "query_parse.h"

static xc_stemmer_t *stemmer;

/* One case: a query and Xapian's description of what it parsed into, or
 * the start of the error message. */
typedef struct qcase {
	int line;
	const char *query;
	const char *want;
} qcase_t;

#define Q(query, want) { __LINE__, query, want }

static const qcase_t cases[] = {
	Q("profits", "Query(Zprofit@1)"),
	Q("Profits", "Query(Zprofit@1)"),
	Q("CAFÉ", "Query(Zcafe@1)"),
	Q("cafe\xCC\x81", "Query(Zcafe@1)"),
	Q("time warner", "Query((Ztime@1 OR Zwarner@1))"),
	Q("\"time warner\"", "Query((time@1 PHRASE 2 warner@2))"),
	Q("\"Profits\"", "Query(profits@1)"),
	Q("+bank -shares", "Query((Zbank@1 AND_NOT Zshare@1))"),
	Q("+bank rates", "Query((Zbank@1 AND_MAYBE Zrate@1))"),
	Q("a AND b", "Query((Za@1 AND Zb@1))"),
	Q("a OR b", "Query((Za@1 OR Zb@1))"),
	Q("a NOT b", "Query((Za@1 AND_NOT Zb@1))"),
	Q("a AND NOT b", "Query((Za@1 AND_NOT Zb@1))"),
	Q("(a OR b) AND c", "Query(((Za@1 OR Zb@1) AND Zc@1))"),
	Q("NOT b", "Query((<alldocuments> AND_NOT Zb@1))"),
	Q("-b", "Query((<alldocuments> AND_NOT Zb@1))"),
	Q("NOT a AND b", "Query(((<alldocuments> AND_NOT Za@1) AND Zb@1))"),
	Q("NOT a OR b", "Query(((<alldocuments> AND_NOT Za@1) OR Zb@1))"),
	Q("(NOT a) b", "Query(((<alldocuments> AND_NOT Za@1) OR Zb@1))"),
	Q("title:profits", "Query(ZSprofit@1)"),
	Q("headline:\"warner profit\"",
	  "Query((Swarner@1 PHRASE 2 Sprofit@2))"),
	Q("author:Natarajan", "Query(Anatarajan@1)"),
	Q("by:\"Priya Natarajan\"",
	  "Query((Apriya@1 PHRASE 2 Anatarajan@2))"),
	Q("section:Business", "Query(0 * XSECTIONbusiness)"),
	Q("source:\"BBC News\" profits",
	  "Query((Zprofit@1 FILTER XSOURCEbbc news))"),
	Q("section:a section:b x",
	  "Query((Zx@1 FILTER (XSECTIONa OR XSECTIONb)))"),
	Q("section:a lang:en x",
	  "Query((Zx@1 FILTER (XSECTIONa AND Len)))"),
	Q("id:business/001.txt", "Query(0 * Qbusiness/001.txt)"),
	Q("polic*", "Query(WILDCARD SYNONYM polic)"),
	Q("U.S.-led", "Query((us@1 PHRASE 2 led@2))"),
	Q("unknownfield:word", "Query((unknownfield@1 PHRASE 2 word@2))"),
	Q("!!!", "Query()"),
	Q("(a", "'(' is never closed at column 1"),
	Q("a)", "')' has no matching '(' at column 2"),
	Q("\"a b", "'\"' is never closed: unterminated phrase at column 1"),
	Q("a OR", "nothing after OR at column 3"),
	Q("AND a", "AND/OR needs a word before it at column 1"),
	Q("caf\xC3\xA9 (x", "'(' is never closed at column 6"),
	Q("", "empty query"),
	Q("()", "nothing to search for inside '( )' at column 1"),
	Q("polic.e*", "a wildcard must follow one plain word at column 1"),
	Q("\xCC\x81*", "a wildcard must follow one plain word at column 1"),
	Q("title:(a b)", "a field takes a word or a \"phrase\", not a group"),
	Q("NOT", "nothing after NOT at column 1"),
};

int
main(void)
{
	char *msg = NULL;
	if (xc_stemmer_new("english", &stemmer, &msg) != XC_OK) {
		fprintf(stderr, "no english stemmer: %s\n", msg);
		return 1;
	}
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		const qcase_t *c = &cases[i];
		ldi_parsed_query_t pq;
		char *err = NULL, *desc = NULL;
		lede_status_t st = ldi_query_parse(c->query, strlen(c->query),
						   stemmer, &pq, &err);
		const char *got = err;
		if (st == LEDE_OK && xc_query_describe(pq.query, &desc) ==
					     XC_OK)
			got = desc;
		int ok = got && (st == LEDE_OK ? !strcmp(got, c->want)
					       : !strncmp(got, c->want,
							  strlen(c->want)));
		if (ok) {
			check_passed++;
		} else {
			check_failed++;
			fprintf(stderr,
				"%s:%d: query '%s'\n  got  %s\n  want %s\n",
				__FILE__, c->line, c->query,
				got ? got : "(null)", c->want);
		}
		xc_free(desc);
		free(err);
		if (st == LEDE_OK)
			ldi_parsed_query_free(&pq);
	}

	/* The words kept for snippets: asked-for words only. */
	ldi_parsed_query_t pq;
	char *err = NULL;
	const char *mixed = "Café +bank -shares polic* NOT x";
	CHECK_INT(ldi_query_parse(mixed, strlen(mixed), stemmer, &pq, &err),
		  LEDE_OK);
	CHECK_INT(pq.n_words, 3);
	if (pq.n_words == 3) {
		CHECK_STR(pq.words[0], "cafe");
		CHECK_STR(pq.words[1], "bank");
		CHECK_STR(pq.words[2], "polic*");
	}
	ldi_parsed_query_free(&pq);
	xc_stemmer_free(stemmer);
	return CHECK_DONE();
}
