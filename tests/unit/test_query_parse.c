/* test_query_parse.c: what each query becomes, as Xapian describes it.
 * SPDX-License-Identifier: MIT
 */
#define _POSIX_C_SOURCE 200809L /* setenv, for LEDE_NOW */
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

/* Xapian's description of what a parse runs: the query, filtered by the
 * filters lifted out of it (as ldi_search_query applies them). */
static xc_status_t
describe(const ldi_parsed_query_t *pq, char **out)
{
	xc_query_t *parts[16];
	size_t n = 0;
	parts[n++] = pq->query;
	for (size_t i = 0; i < pq->n_filters && n < 16; i++)
		parts[n++] = pq->filters[i].query;
	if (n == 1)
		return xc_query_describe(pq->query, out);
	xc_query_t *all = NULL;
	xc_status_t xs = xc_query_combine(XC_OP_FILTER, parts, n, 0, &all);
	if (xs == XC_OK)
		xs = xc_query_describe(all, out);
	xc_query_free(all);
	return xs;
}

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
	Q("section:Business",
	  "Query((0 * <alldocuments> FILTER XSECTIONbusiness))"),
	Q("source:\"BBC News\" profits",
	  "Query((Zprofit@1 FILTER XSOURCEbbc news))"),
	Q("section:a section:b x",
	  "Query((Zx@1 FILTER (XSECTIONa OR XSECTIONb)))"),
	Q("section:a lang:en x",
	  "Query((Zx@1 FILTER XSECTIONa FILTER Len))"),
	Q("id:business/001.txt", "Query(0 * Qbusiness/001.txt)"),
	Q("polic*", "Query(WILDCARD SYNONYM polic)"),
	/* NEAR: the words' own terms, which have positions; the window is
	 * n other words plus the words themselves. */
	Q("budget NEAR/3 deficit", "Query((budget@1 NEAR 5 deficit@1))"),
	Q("Budgets NEAR deficit", "Query((budgets@1 NEAR 12 deficit@1))"),
	Q("a NEAR/2 b NEAR/4 c", "Query((a@1 NEAR 7 b@1 NEAR 7 c@1))"),
	Q("title:a NEAR/2 title:b", "Query((Sa@1 NEAR 4 Sb@1))"),
	Q("x a NEAR/2 b -y",
	  "Query(((Zx@1 OR (a@1 NEAR 4 b@1)) AND_NOT Zy@1))"),
	Q("+a NEAR/2 b c", "Query(((a@1 NEAR 4 b@1) AND_MAYBE Zc@1))"),
	Q("-a NEAR/2 b c", "Query((Zc@1 AND_NOT (a@1 NEAR 4 b@1)))"),
	Q("the NEAR/1 bank", "Query((the@1 NEAR 3 bank@1))"),
	Q("a NEAR/0 b", "'NEAR/0' wants the number of words that may come "
			"between, from 1 to 1000 at column 3"),
	Q("a NEAR/x b", "'NEAR/x' wants the number of words"),
	/* A long word is quoted cut between characters, not inside one
	 * (found by fuzz_query): 39 ASCII bytes, then 2-byte letters, so
	 * the 40th byte is the first half of an é. */
	Q("x NEAR abcdefghijklmnopqrstuvwxyzabcdefghijklmééé-b",
	  "NEAR joins single words: "
	  "'abcdefghijklmnopqrstuvwxyzabcdefghijklm' is more than one"),
	Q("a NEAR/1001 b", "'NEAR/1001' wants the number of words"),
	Q("a NEAR/", "'NEAR/' wants the number of words"),
	Q("a NEAR/3", "'NEAR/3' needs a word after it at column 3"),
	Q("a NEAR/3 OR b", "'NEAR/3' needs a word after it at column 3"),
	Q("(a NEAR/3) b", "'NEAR/3' needs a word after it at column 4"),
	Q("NEAR/3 a", "'NEAR/3' needs a word before it at column 1"),
	Q("a AND NEAR b", "'NEAR' needs a word before it at column 7"),
	Q("\"a b\" NEAR/3 c", "NEAR joins words, not \"phrases\" at column 1"),
	Q("a NEAR/3 \"b c\"", "NEAR joins words, not \"phrases\" at column 10"),
	Q("(a b) NEAR/3 c", "NEAR joins words, not groups at column 1"),
	Q("a NEAR/3 b*", "NEAR joins words, not wildcards at column 10"),
	Q("section:x NEAR/3 b", "NEAR joins words, not filters at column 1"),
	Q("a NEAR/3 -b", "NEAR joins plain words: put + or - before the "
			 "first one at column 10"),
	Q("a NEAR/3 U.S.-led", "NEAR joins single words: 'U.S.-led' is more "
			       "than one at column 10"),
	Q("title:a NEAR/3 b", "NEAR joins words of one field at column 16"),
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
	Q("date:2004-13", "cannot read date '2004-13' at column 6"),
	Q("x date:\"last decade\"",
	  "cannot read date 'last decade' at column 8"),
	Q("date:..", "cannot read date '..' at column 6"),
	Q("date:2004-01..2003-01",
	  "cannot read date '2004-01..2003-01' at column 6"),
	Q("date:", "field name with nothing after ':' at column 1"),
};

/* Xapian's description of a value range on the date slot from `from` to
 * `to` (dates lede_date_parse reads; NULL: open), without the "Query()"
 * around it: what a date: filter must become. */
static char *
range_description(const char *from, const char *to)
{
	char lo[XC_SORTABLE_MAX], hi[XC_SORTABLE_MAX];
	size_t lolen = 0, hilen = 0;
	int64_t t;
	if (from && lede_date_parse(from, strlen(from), &t) == LEDE_OK)
		lolen = xc_sortable_serialise((double)t, lo);
	if (to && lede_date_parse(to, strlen(to), &t) == LEDE_OK)
		hilen = xc_sortable_serialise((double)t, hi);
	xc_query_t *q = NULL;
	char *desc = NULL, *inner = NULL;
	if (xc_query_value_range(0, from ? lo : NULL, lolen, to ? hi : NULL,
				 hilen, &q) == XC_OK &&
	    xc_query_describe(q, &desc) == XC_OK &&
	    !strncmp(desc, "Query(", 6)) {
		size_t n = strlen(desc) - 7;
		inner = malloc(n + 1);
		if (inner) {
			memcpy(inner, desc + 6, n);
			inner[n] = '\0';
		}
	}
	xc_free(desc);
	xc_query_free(q);
	return inner;
}

/* One date: case: the query, then what surrounds the range in Xapian's
 * description ("%s" stands for it), and the range's ends. */
typedef struct dcase {
	int line;
	const char *query, *shape, *from, *to;
} dcase_t;

#define D(query, shape, from, to) { __LINE__, query, shape, from, to }

/* LEDE_NOW for these: Sunday 2024-03-31T12:00:00Z. */
static const dcase_t date_cases[] = {
	D("date:2004", "Query(%s)", "2004-01-01", "2004-12-31T23:59:59Z"),
	D("date:2004-01..2004-06", "Query(%s)", "2004-01-01",
	  "2004-06-30T23:59:59Z"),
	D("date:2023-11-12", "Query(%s)", "2023-11-12",
	  "2023-11-12T23:59:59Z"),
	D("date:2004..", "Query(%s)", "2004-01-01", NULL),
	D("date:..2004-06", "Query(%s)", NULL, "2004-06-30T23:59:59Z"),
	D("date:yesterday..", "Query(%s)", "2024-03-30", NULL),
	D("date:\"last week\"", "Query(%s)", "2024-03-18",
	  "2024-03-24T23:59:59Z"),
	D("date:7d..", "Query(%s)", "2024-03-24", NULL),
	D("date:today", "Query(%s)", "2024-03-31", "2024-03-31T23:59:59Z"),
	/* A filter: it never changes a score. */
	D("profits date:2004", "Query((Zprofit@1 FILTER %s))", "2004-01-01",
	  "2004-12-31T23:59:59Z"),
	D("-date:2004 x", "Query((Zx@1 AND_NOT %s))", "2004-01-01",
	  "2004-12-31T23:59:59Z"),
	D("x section:a date:2004", "Query(((Zx@1 FILTER %s) FILTER XSECTIONa))",
	  "2004-01-01", "2004-12-31T23:59:59Z"),
};

static void
check_date_cases(void)
{
	for (size_t i = 0; i < sizeof date_cases / sizeof *date_cases; i++) {
		const dcase_t *c = &date_cases[i];
		char *range = range_description(c->from, c->to);
		char want[256] = "";
		const char *hole = strstr(c->shape, "%s");
		if (range && hole)
			snprintf(want, sizeof want, "%.*s%s%s",
				 (int)(hole - c->shape), c->shape, range,
				 hole + 2);
		ldi_parsed_query_t pq;
		char *err = NULL, *desc = NULL;
		lede_status_t st = ldi_query_parse(c->query, strlen(c->query),
						   langs, 1, &pq, &err);
		const char *got = err;
		if (st == LEDE_OK && describe(&pq, &desc) ==
					     XC_OK)
			got = desc;
		if (st == LEDE_OK && range && got && !strcmp(got, want)) {
			check_passed++;
		} else {
			check_failed++;
			fprintf(stderr,
				"%s:%d: query '%s'\n  got  %s\n  want %s\n",
				__FILE__, c->line, c->query,
				got ? got : "(null)", want);
		}
		xc_free(desc);
		free(err);
		free(range);
		if (st == LEDE_OK)
			ldi_parsed_query_free(&pq);
	}
}

/* What --explain shows of a parse: the readable form, the lifted
 * filters ("field=readable" joined by " & "), and the parts ("clause =
 * matches (field)" joined by " & "). */
typedef struct rcase {
	int line;
	const char *query, *readable, *lifted, *parts;
} rcase_t;

#define R(query, readable, lifted, parts)                                 \
	{ __LINE__, query, readable, lifted, parts }

static const rcase_t readable_cases[] = {
	R("profits", "profits[profit~]", "",
	  "profits = profits[profit~] (text)"),
	R("quarterly profits", "(quarterly[quarter~] OR profits[profit~])", "",
	  "quarterly = quarterly[quarter~] (text) & "
	  "profits = profits[profit~] (text)"),
	R("\"time warner\" +title:bank -shares",
	  "((headline:bank[bank~] AND_MAYBE \"time warner\") NOT "
	  "shares[share~])",
	  "",
	  "\"time warner\" = \"time warner\" (text) & "
	  "title:bank = headline:bank[bank~] (headline)"),
	R("by:natarajan polic*", "(author:natarajan OR polic*)", "",
	  "by:natarajan = author:natarajan (author) & polic* = polic* (text)"),
	R("the bank", "bank[bank~]", "", "bank = bank[bank~] (text)"),
	R("the", "the", "", "the = the (text)"),
	R("budget NEAR/3 deficit", "(budget NEAR/3 deficit)", "",
	  "budget NEAR/3 deficit = (budget NEAR/3 deficit) (text)"),
	R("U.S.-led", "(usled OR \"us led\")", "",
	  "U.S.-led = (usled OR \"us led\") (text)"),
	/* Filters at the top, AND-ed with the rest, are lifted. */
	R("harbour section:Sport place:UK", "harbour[harbour~]",
	  "section=section:sport & place=place:\"united kingdom\"",
	  "harbour = harbour[harbour~] (text)"),
	R("section:a section:b x AND source:c", "x[x~]",
	  "section=(section:a OR section:b) & source=source:c",
	  "x = x[x~] (text)"),
	R("section:a", "<all>", "section=section:a", ""),
	R("section:a date:2004",
	  "date:2004-01-01..2004-12-31", "section=section:a", ""),
	/* Anywhere else, they stay where they are. */
	R("(x section:a)", "(x[x~] FILTER section:a)", "", "x = x[x~] (text)"),
	R("x section:a OR y",
	  "((x[x~] FILTER section:a) OR y[y~])", "",
	  "x = x[x~] (text) & y = y[y~] (text)"),
	R("x NOT section:a", "(x[x~] NOT section:a)", "", "x = x[x~] (text)"),
	R("x -section:a", "(x[x~] NOT section:a)", "", "x = x[x~] (text)"),
	R("x id:a/1 date:2023-11-12",
	  "(x[x~] FILTER (id:a/1 AND date:2023-11-12))", "",
	  "x = x[x~] (text)"),
	R("x date:..2004-06", "(x[x~] FILTER date:..2004-06-30)", "",
	  "x = x[x~] (text)"),
};

static const char *
field_name(lede_field_t f)
{
	switch (f) {
	case LEDE_FIELD_SECTION: return "section";
	case LEDE_FIELD_SOURCE: return "source";
	case LEDE_FIELD_PLACE: return "place";
	default: return "other";
	}
}

static void
check_readable_cases(void)
{
	for (size_t i = 0;
	     i < sizeof readable_cases / sizeof *readable_cases; i++) {
		const rcase_t *c = &readable_cases[i];
		ldi_parsed_query_t pq;
		char *err = NULL;
		char lifted[512] = "", parts[1024] = "";
		lede_status_t st = ldi_query_parse(c->query, strlen(c->query),
						   langs, 1, &pq, &err);
		if (st != LEDE_OK) {
			check_failed++;
			fprintf(stderr, "%s:%d: query '%s': %s\n", __FILE__,
				c->line, c->query, err);
			free(err);
			continue;
		}
		for (size_t k = 0; k < pq.n_filters; k++)
			snprintf(lifted + strlen(lifted),
				 sizeof lifted - strlen(lifted), "%s%s=%s",
				 k ? " & " : "",
				 field_name(pq.filters[k].field),
				 pq.filters[k].readable);
		for (size_t k = 0; k < pq.n_parts; k++)
			snprintf(parts + strlen(parts),
				 sizeof parts - strlen(parts),
				 "%s%s = %s (%s)", k ? " & " : "",
				 pq.parts[k].clause, pq.parts[k].matches,
				 pq.parts[k].field);
		if (!strcmp(pq.readable, c->readable) &&
		    !strcmp(lifted, c->lifted) && !strcmp(parts, c->parts)) {
			check_passed++;
		} else {
			check_failed++;
			fprintf(stderr,
				"%s:%d: query '%s'\n  got  %s | %s | %s\n"
				"  want %s | %s | %s\n",
				__FILE__, c->line, c->query, pq.readable,
				lifted, parts, c->readable, c->lifted,
				c->parts);
		}
		ldi_parsed_query_free(&pq);
	}
}

/* Reweighing: the same matches, only one part weighing. */
static void
check_reweigh(void)
{
	const char *text = "+bank the rates -shares (x OR \"a b\") section:s";
	ldi_parsed_query_t pq;
	char *err = NULL;
	CHECK_INT(ldi_query_parse(text, strlen(text), langs, 1, &pq, &err),
		  LEDE_OK);
	if (err)
		return;
	/* "the" is dropped beside other words: not a part. */
	CHECK_INT(pq.n_parts, 4);
	static const char *const want[] = {
		"Query(((Zbank@1 AND_MAYBE (0 * Zrate@1 OR (0 * Zx@1 OR 0 * "
		"(a@1 PHRASE 2 b@2)))) AND_NOT Zshare@1))",
		"Query(((0 * Zbank@1 AND_MAYBE (Zrate@1 OR (0 * Zx@1 OR 0 * "
		"(a@1 PHRASE 2 b@2)))) AND_NOT Zshare@1))",
		"Query(((0 * Zbank@1 AND_MAYBE (0 * Zrate@1 OR (Zx@1 OR 0 * "
		"(a@1 PHRASE 2 b@2)))) AND_NOT Zshare@1))",
		"Query(((0 * Zbank@1 AND_MAYBE (0 * Zrate@1 OR (0 * Zx@1 OR "
		"(a@1 PHRASE 2 b@2)))) AND_NOT Zshare@1))",
		"Query(((0 * Zbank@1 AND_MAYBE (0 * Zrate@1 OR (0 * Zx@1 OR "
		"0 * (a@1 PHRASE 2 b@2)))) AND_NOT Zshare@1))",
	};
	for (size_t k = 0; k <= pq.n_parts && k < 5; k++) {
		xc_query_t *q = NULL;
		char *desc = NULL;
		size_t id = k < pq.n_parts ? pq.parts[k].id : LDI_NO_PART;
		CHECK_INT(ldi_query_reweigh(text, strlen(text), langs, 1, &pq,
					    id, &q),
			  LEDE_OK);
		if (q && xc_query_describe(q, &desc) == XC_OK)
			CHECK_STR(desc, want[k]);
		xc_free(desc);
		xc_query_free(q);
	}
	if (pq.n_parts == 4) {
		CHECK_STR(pq.parts[0].clause, "bank");
		CHECK_STR(pq.parts[3].clause, "\"a b\"");
	}
	ldi_parsed_query_free(&pq);
}

int
main(void)
{
	char *msg = NULL;
	/* Relative dates count from here, whatever the day. */
	setenv("LEDE_NOW", "1711886400", 1);
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
		if (st == LEDE_OK && describe(&pq, &desc) ==
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

	check_date_cases();
	check_readable_cases();
	check_reweigh();

	/* LEDE_NOW as a date, and one that is neither a date nor a number. */
	setenv("LEDE_NOW", "2024-03-31T12:00Z", 1);
	ldi_parsed_query_t dq;
	char *derr = NULL, *ddesc = NULL, *dwant = range_description(
		"2024-03-30", "2024-03-30T23:59:59Z");
	CHECK_INT(ldi_query_parse("date:yesterday", 14, langs, 1, &dq, &derr),
		  LEDE_OK);
	if (derr == NULL && xc_query_describe(dq.query, &ddesc) == XC_OK) {
		CHECK(dwant && !strncmp(ddesc, "Query(", 6) &&
		      !strncmp(ddesc + 6, dwant, strlen(dwant)));
		ldi_parsed_query_free(&dq);
	}
	xc_free(ddesc);
	free(dwant);
	setenv("LEDE_NOW", "soon", 1);
	CHECK_INT(ldi_query_parse("date:yesterday", 14, langs, 1, &dq, &derr),
		  LEDE_BAD_QUERY);
	CHECK_STR(derr, "cannot read LEDE_NOW 'soon': give seconds since "
			"1970 or a date");
	free(derr);
	derr = NULL;
	/* Only a date: query reads it. */
	CHECK_INT(ldi_query_parse("x", 1, langs, 1, &dq, &derr), LEDE_OK);
	ldi_parsed_query_free(&dq);
	setenv("LEDE_NOW", "1711886400", 1);

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
