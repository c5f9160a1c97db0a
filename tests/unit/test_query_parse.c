/* test_query_parse.c: what each query becomes, as Xapian describes it.
 * SPDX-License-Identifier: MIT
 */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "query_parse.h"

/* An index of English articles, as the parser sees it. */
static ldi_db_language_t langs[1] = { { "en", NULL } };

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
	Q("x AND y", "Query((Zx@1 AND Zy@1))"),
	Q("x OR y", "Query((Zx@1 OR Zy@1))"),
	Q("x NOT y", "Query((Zx@1 AND_NOT Zy@1))"),
	Q("x AND NOT y", "Query((Zx@1 AND_NOT Zy@1))"),
	Q("(x OR y) AND z", "Query(((Zx@1 OR Zy@1) AND Zz@1))"),
	Q("NOT y", "Query((<alldocuments> AND_NOT Zy@1))"),
	Q("-y", "Query((<alldocuments> AND_NOT Zy@1))"),
	Q("NOT x AND y", "Query(((<alldocuments> AND_NOT Zx@1) AND Zy@1))"),
	Q("NOT x OR y", "Query(((<alldocuments> AND_NOT Zx@1) OR Zy@1))"),
	Q("(NOT x) y", "Query(((<alldocuments> AND_NOT Zx@1) OR Zy@1))"),
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
	Q("U.S.-led", "Query((usled@1 OR (us@1 PHRASE 2 led@2)))"),
	Q("post-incident",
	  "Query((postincident@1 OR (post@1 PHRASE 2 incident@2)))"),
	Q("\"post-incident review\"",
	  "Query((post@1 PHRASE 3 incident@2 PHRASE 3 review@3))"),
	Q("the bank", "Query(Zbank@1)"),
	Q("the", "Query(the@1)"),
	Q("to be or not to be", "Query((to@1 OR be@1 OR or@1 OR not@1 OR "
				"to@1 OR be@1))"),
	Q("\"to be or not to be\"",
	  "Query((to@1 PHRASE 6 be@2 PHRASE 6 or@3 PHRASE 6 not@4 PHRASE 6 "
	  "to@5 PHRASE 6 be@6))"),
	Q("Łódź", "Query(Zlodz@1)"),
	Q("\"Łódź\"", "Query(XEłódź@1)"),
	Q("\"lodz\"", "Query(lodz@1)"),
	Q("#Brexit", "Query(#brexit@1)"),
	Q("20:00", "Query(Z20:00@1)"),
	Q("図書館", "Query((図書@1 PHRASE 2 書館@2))"),
	Q("図", "Query(Z図@1)"),
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
	if (xc_stemmer_new("english", &langs[0].stemmer, &msg) != XC_OK) {
		fprintf(stderr, "no english stemmer: %s\n", msg);
		return 1;
	}
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		const qcase_t *c = &cases[i];
		ldi_parsed_query_t pq;
		char *err = NULL, *desc = NULL;
		lede_status_t st = ldi_query_parse(c->query, strlen(c->query),
						   langs, 1, &pq, &err);
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
	CHECK_INT(ldi_query_parse(mixed, strlen(mixed), langs, 1, &pq, &err),
		  LEDE_OK);
	CHECK_INT(pq.n_words, 3);
	if (pq.n_words == 3) {
		CHECK_STR(pq.words[0], "cafe");
		CHECK_STR(pq.words[1], "bank");
		CHECK_STR(pq.words[2], "polic*");
	}
	ldi_parsed_query_free(&pq);
	xc_stemmer_free(langs[0].stemmer);
	return CHECK_DONE();
}
