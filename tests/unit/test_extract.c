/* test_extract.c: unit tests of place, organisation, person and quote
 * extraction (extract.h).
 * SPDX-License-Identifier: MIT
 *
 * Every sentence here was written for this test. Each case gives a
 * headline, a body, a language and the lists expected, exactly and in
 * order; a failure names the case's line.
 *
 * The gazetteer loads once per process, so its absence is tested by a
 * second run of this program: "test_extract --no-iso-codes DIR" points
 * LEDE_ISO_CODES_DIR at DIR (created empty) before the first call.
 */
#define _POSIX_C_SOURCE 200809L

#include "check.h"
#include "extract.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define MAX_LIST 8

struct want_quote {
	const char *text, *speaker;
};

struct extract_case {
	int line;
	const char *headline, *body, *language;
	const char *places[MAX_LIST];
	const char *orgs[MAX_LIST];
	const char *people[MAX_LIST];
	struct want_quote quotes[MAX_LIST];
};

/* Compares a list with its NULL-ended expectation; prints both when they
 * differ. */
static void check_list(int line, const char *what, char **got, size_t n,
		       const char *const *want)
{
	size_t i, nwant = 0;
	int ok;

	while (nwant < MAX_LIST && want[nwant])
		nwant++;
	ok = n == nwant;
	for (i = 0; ok && i < n; i++)
		ok = !strcmp(got[i], want[i]);
	if (ok) {
		check_passed++;
		return;
	}
	check_failed++;
	fprintf(stderr, "case at line %d: %s are", line, what);
	for (i = 0; i < n; i++)
		fprintf(stderr, " [%s]", got[i]);
	fprintf(stderr, ", want");
	for (i = 0; i < nwant; i++)
		fprintf(stderr, " [%s]", want[i]);
	fprintf(stderr, "\n");
}

static void check_quotes(int line, const ldi_entities_t *e,
			 const struct want_quote *want)
{
	size_t i, nwant = 0;
	int ok;

	while (nwant < MAX_LIST && want[nwant].text)
		nwant++;
	ok = e->n_quotes == nwant;
	for (i = 0; ok && i < nwant; i++) {
		const lede_quote_t *q = &e->quotes[i];

		ok = !strcmp(q->text, want[i].text) &&
		     (q->speaker && want[i].speaker
			      ? !strcmp(q->speaker, want[i].speaker)
			      : q->speaker == want[i].speaker);
	}
	if (ok) {
		check_passed++;
		return;
	}
	check_failed++;
	fprintf(stderr, "case at line %d: quotes are", line);
	for (i = 0; i < e->n_quotes; i++)
		fprintf(stderr, " [%s | %s]", e->quotes[i].text,
			e->quotes[i].speaker ? e->quotes[i].speaker : "(null)");
	fprintf(stderr, ", want");
	for (i = 0; i < nwant; i++)
		fprintf(stderr, " [%s | %s]", want[i].text,
			want[i].speaker ? want[i].speaker : "(null)");
	fprintf(stderr, "\n");
}

#define L(...) { __VA_ARGS__ }
#define NONE { NULL }
#define NOQ { { NULL, NULL } }
#define Q(text, speaker) { text, speaker }

static const struct extract_case cases[] = {
	/* Places: one canonical name for every spelling. */
	{ __LINE__, "Britain's exports fall",
	  "The UK government said the U.K. would act. Great Britain and "
	  "the United Kingdom are the same country.", "en",
	  L("United Kingdom"), NONE, NONE, NOQ },
	{ __LINE__, NULL,
	  "Talks in the US ended. The U.S. and the United States of America "
	  "agreed, as did the USA.", "en-US",
	  L("United States"), NONE, NONE, NOQ },
	/* Longest match first. */
	{ __LINE__, NULL,
	  "Ministers met in Northern Ireland on Monday, then flew to New "
	  "South Wales and Papua New Guinea.", "en",
	  L("Northern Ireland", "New South Wales", "Papua New Guinea"), NONE,
	  NONE, NOQ },
	/* Case matters: "us" and "chad" are words. */
	{ __LINE__, NULL,
	  "Give us a break, said the chad from the ballot paper.", "en",
	  NONE, NONE, NONE, NOQ },
	/* Order of first mention, each once. */
	{ __LINE__, "France and Germany agree",
	  "Germany will pay more; France will pay less. Britain watches "
	  "from London, and France waits.", "en",
	  L("France", "Germany", "United Kingdom", "London"), NONE, NONE,
	  NOQ },
	/* A place inside an organisation's name is not a place mention. */
	{ __LINE__, NULL,
	  "Shares in Bank of America rose sharply on Tuesday.", "en",
	  NONE, L("Bank of America"), NONE, NOQ },
	/* "America" is the United States, except in longer names. */
	{ __LINE__, NULL,
	  "Exports from Latin America to America grew. Captain America "
	  "was not consulted.", "en",
	  L("Latin America", "United States"), NONE, NONE, NOQ },
	/* Names that are also first names need a locative word. */
	{ __LINE__, NULL,
	  "Michael Jordan scored twice. Refugees in Jordan waited for aid.",
	  "en", L("Jordan"), NONE, NONE, NOQ },
	{ __LINE__, NULL,
	  "George Washington never read the Washington Post. Officials in "
	  "Washington did.", "en",
	  L("Washington DC"), L("Washington Post"), NONE, NOQ },
	/* Accents may be dropped; the canonical name keeps them. */
	{ __LINE__, NULL, "Flights from Krakow and Kraków were cancelled.",
	  "en", L("Kraków"), NONE, NONE, NOQ },
	/* "US-led": the place before a hyphenated word. */
	{ __LINE__, NULL, "The US-led coalition met in Geneva.", "en",
	  L("United States", "Geneva"), NONE, NONE, NOQ },

	/* Organisations: acronyms spelt out, and used later. */
	{ __LINE__, "IOPC opens inquiry",
	  "The Independent Office for Police Conduct (IOPC) opened an "
	  "inquiry into the arrest. The IOPC said it would report within "
	  "weeks.", "en",
	  NONE, L("Independent Office for Police Conduct"), NONE, NOQ },
	/* Known names and the parties by their nicknames. */
	{ __LINE__, NULL,
	  "The plan was backed by Labour and opposed by the Tories, while "
	  "Nato and the UN stayed silent.", "en",
	  NONE,
	  L("Labour Party", "Conservative Party", "NATO", "United Nations"),
	  NONE, NOQ },
	/* A run of capitalised words ending in an organisation word; titles
	 * after it are not part of it. */
	{ __LINE__, NULL,
	  "A report by the Department of Trade and Industry was welcomed by "
	  "Home Office Minister Hazel Blears.", "en",
	  NONE, L("Department of Trade and Industry", "Home Office"),
	  L("Hazel Blears"), NOQ },
	/* "WHO" is the organisation in mixed case, a word in capitals. */
	{ __LINE__, "WHO KNEW WHAT AND WHEN",
	  "The WHO said cases were falling.", "en",
	  NONE, L("World Health Organization"), NONE, NOQ },
	/* Firms named after people are organisations. */
	{ __LINE__, NULL,
	  "Goldman Sachs said profits doubled, and Marks & Spencer plc "
	  "agreed.", "en",
	  NONE, L("Goldman Sachs", "Marks & Spencer"), NONE, NOQ },
	/* "Labour" at a sentence start is not evidence. */
	{ __LINE__, NULL, "Labour costs rose by 3% in the year.", "en",
	  NONE, NONE, NONE, NOQ },

	/* People: a short mention names the full name seen elsewhere. */
	{ __LINE__, "Brown defends budget",
	  "Gordon Brown visited a school in Leeds. Later Mr Brown said the "
	  "budget was fair.", "en",
	  L("Leeds"), NONE, L("Gordon Brown"), NOQ },
	/* A title before a name; the title is not part of it. */
	{ __LINE__, NULL,
	  "Assistant Commissioner Jane Doe said more officers had been "
	  "sent to the town.", "en",
	  NONE, NONE, L("Jane Doe"), NOQ },
	/* A short mention naming no one in full is left out. */
	{ __LINE__, NULL, "Ms Hewlett said the plan was sound.", "en",
	  NONE, NONE, NONE, NOQ },
	/* Capitalised words at sentence starts are no evidence. */
	{ __LINE__, NULL,
	  "Heavy Snow closed roads across Scotland. Police said drivers "
	  "should stay at home. Meanwhile Anna Kowalski said buses would "
	  "run.", "en",
	  L("Scotland"), NONE, L("Anna Kowalski"), NOQ },
	/* "Sir Alex" names the one Alex in full. */
	{ __LINE__, NULL,
	  "Alex Ferguson watched from the stand. Sir Alex said the team had "
	  "played well.", "en",
	  NONE, NONE, L("Alex Ferguson"), NOQ },
	/* Royal titles are part of the name. */
	{ __LINE__, NULL,
	  "Prince Charles opened the new wing of the hospital.", "en",
	  NONE, NONE, L("Prince Charles"), NOQ },
	/* A name with a speech verb and an apposition. */
	{ __LINE__, NULL,
	  "Tom Harris, chief executive of the Lakeside Housing Trust, warned "
	  "that rents would rise.", "en",
	  NONE, L("Lakeside Housing Trust"), L("Tom Harris"), NOQ },

	/* Quotes: the three usual shapes, and the speaker found by each. */
	{ __LINE__, NULL,
	  "\"We will not give up on this town,\" said Jane Doe.", "en",
	  NONE, NONE, L("Jane Doe"),
	  L(Q("We will not give up on this town", "Jane Doe")) },
	{ __LINE__, NULL,
	  "John Smith runs the mill.\n\n"
	  "\"The figures are simply wrong,\" Mr Smith said.", "en",
	  NONE, NONE, L("John Smith"),
	  L(Q("The figures are simply wrong", "John Smith")) },
	{ __LINE__, NULL,
	  "Mary Jones said: \"We have done nothing wrong at all.\"", "en",
	  NONE, NONE, L("Mary Jones"),
	  L(Q("We have done nothing wrong at all.", "Mary Jones")) },
	{ __LINE__, NULL,
	  "\xe2\x80\x9cThe water is safe to drink again,\xe2\x80\x9d "
	  "according to Dr Alan Reed.", "en",
	  NONE, NONE, L("Alan Reed"),
	  L(Q("The water is safe to drink again", "Alan Reed")) },
	/* "he" is the one man named just before. */
	{ __LINE__, NULL,
	  "Mr Peter Grant, the club's chairman, met the players.\n\n"
	  "\"This is a dark day for all of us,\" he said.", "en",
	  NONE, NONE, L("Peter Grant"),
	  L(Q("This is a dark day for all of us", "Peter Grant")) },
	/* Someone the rules cannot name stands between: the pronoun may
	 * be them, so no speaker rather than the wrong one. */
	{ __LINE__, NULL,
	  "Mr Peter Grant, the club's chairman, met the players.\n\n"
	  "But Hollins, speaking to reporters, was calm. He told the "
	  "radio station: \"We will not sell our captain this year.\"",
	  "en",
	  NONE, NONE, L("Peter Grant"),
	  L(Q("We will not sell our captain this year.", NULL)) },
	/* No speaker named: NULL. */
	{ __LINE__, NULL,
	  "\"Nobody expected the river to rise so fast,\" a neighbour "
	  "said.", "en",
	  NONE, NONE, NONE,
	  L(Q("Nobody expected the river to rise so fast", NULL)) },
	/* A quote over two paragraphs is one quote. */
	{ __LINE__, NULL,
	  "Mary Jones said: \"We worked hard for this result.\n\n"
	  "\"Now we will celebrate with our families.\"", "en",
	  NONE, NONE, L("Mary Jones"),
	  L(Q("We worked hard for this result. Now we will celebrate with "
	      "our families.", "Mary Jones")) },
	/* A quote interrupted by its speaker is one quote. */
	{ __LINE__, NULL,
	  "Mr Peter Grant met the players.\n\n"
	  "\"It was a long season,\" he said, \"but we stayed up in the "
	  "end.\"", "en",
	  NONE, NONE, L("Peter Grant"),
	  L(Q("It was a long season, but we stayed up in the end.",
	      "Peter Grant")) },
	/* Single quotes: quotes in a house style without double ones, but
	 * never in a headline, where they mark a claim. */
	{ __LINE__, "Mill 'set to close by spring'",
	  "Mary Jones said: \xe2\x80\x98We will rebuild the school by "
	  "spring.\xe2\x80\x99 The players\xe2\x80\x99 union agreed.",
	  "en", NONE, NONE, L("Mary Jones"),
	  L(Q("We will rebuild the school by spring.", "Mary Jones")) },
	/* An apostrophe after a plural does not close a single quote. */
	{ __LINE__, NULL,
	  "Mary Jones said: \xe2\x80\x98The parents\xe2\x80\x99 group "
	  "will meet the council next week.\xe2\x80\x99", "en",
	  NONE, NONE, L("Mary Jones"),
	  L(Q("The parents\xe2\x80\x99 group will meet the council next "
	      "week.", "Mary Jones")) },
	/* Scare quotes and crossheads are not quotes. */
	{ __LINE__, NULL,
	  "The minister called the plan \"desperate\" and \"a stunt\".", "en",
	  NONE, NONE, NONE, NOQ },
	{ __LINE__, NULL,
	  "The mill closed in May.\n\n\"Lost in the dark woods\"\n\n"
	  "Workers left the town.", "en",
	  NONE, NONE, NONE, NOQ },

	/* Other languages: places only, Polish forms included. */
	{ __LINE__, "Premier w Warszawie",
	  "Premier Donald Tusk powiedział w Warszawie, że Polska pomoże "
	  "Ukrainie. \"To jest bardzo ważny dzień dla nas\" - dodał. "
	  "Spotkanie w województwie mazowieckim trwało godzinę.", "pl-PL",
	  L("Warsaw", "Poland", "Ukraine", "Mazowieckie"), NONE, NONE, NOQ },
	/* Polish forms do not count in English text. */
	{ __LINE__, NULL, "The Czech side won. Indie music is back.", "en",
	  NONE, NONE, NONE, NOQ },

	/* Broken UTF-8 is repaired, not fatal. */
	{ __LINE__, NULL, "Talks between Britain\xff and France resumed.",
	  NULL, L("United Kingdom", "France"), NONE, NONE, NOQ },
};

static void run_cases(void)
{
	size_t i;

	for (i = 0; i < sizeof cases / sizeof *cases; i++) {
		const struct extract_case *t = &cases[i];
		ldi_entities_t e;

		if (ldi_extract(t->headline, t->body, t->language, &e) !=
		    LEDE_OK) {
			check_failed++;
			fprintf(stderr, "case at line %d: ldi_extract failed\n",
				t->line);
			continue;
		}
		check_list(t->line, "places", e.places, e.n_places, t->places);
		check_list(t->line, "orgs", e.orgs, e.n_orgs, t->orgs);
		check_list(t->line, "people", e.people, e.n_people, t->people);
		check_quotes(t->line, &e, t->quotes);
		ldi_entities_free(&e);
	}
}

/* More mentions than the first allocation holds: the arrays grow under
 * the rules that point into them. */
static void test_long_article(void)
{
	static const char sentence[] =
		"The Independent Office for Police Conduct (IOPC) met Mr Tom "
		"Harris in Leeds, and the IOPC wrote to Britain and France. ";
	size_t n = 200, len = strlen(sentence), i;
	char *body = malloc(n * len + 1);
	ldi_entities_t e;

	if (!body) {
		check_failed++;
		return;
	}
	for (i = 0; i < n; i++)
		memcpy(body + i * len, sentence, len);
	body[n * len] = '\0';
	CHECK_INT(ldi_extract("Inquiry", body, "en", &e), LEDE_OK);
	CHECK_INT(e.n_orgs, 1);
	CHECK(e.n_orgs == 1 &&
	      !strcmp(e.orgs[0], "Independent Office for Police Conduct"));
	CHECK_INT(e.n_places, 3);
	CHECK_INT(e.n_people, 1);
	ldi_entities_free(&e);
	free(body);
}

static void test_empty(void)
{
	ldi_entities_t e;

	CHECK_INT(ldi_extract(NULL, NULL, NULL, &e), LEDE_OK);
	CHECK(!e.n_places && !e.n_orgs && !e.n_people && !e.n_quotes);
	CHECK(!e.places && !e.orgs && !e.people && !e.quotes);
	ldi_entities_free(&e);
	CHECK_INT(ldi_extract("", "", "en", &e), LEDE_OK);
	CHECK(!e.n_places && !e.n_orgs && !e.n_people && !e.n_quotes);
	ldi_entities_free(&e);
	CHECK_INT(ldi_extract("\n\n", " \n ", "und", &e), LEDE_OK);
	CHECK(!e.n_places && !e.n_orgs && !e.n_people && !e.n_quotes);
	ldi_entities_free(&e);
	CHECK_INT(ldi_extract("Britain", NULL, NULL, NULL), LEDE_MISUSE);
	ldi_entities_free(NULL);
}

static void test_place_canonical(void)
{
	CHECK_STR(ldi_place_canonical("UK", LEDE_NTS), "United Kingdom");
	CHECK_STR(ldi_place_canonical("U.K.", 4), "United Kingdom");
	CHECK_STR(ldi_place_canonical("Britain", LEDE_NTS), "United Kingdom");
	CHECK_STR(ldi_place_canonical("United Kingdom", LEDE_NTS),
		  "United Kingdom");
	/* Queries are typed in any case, with or without "the". */
	CHECK_STR(ldi_place_canonical("united  kingdom", LEDE_NTS),
		  "United Kingdom");
	CHECK_STR(ldi_place_canonical("us", LEDE_NTS), "United States");
	CHECK_STR(ldi_place_canonical("the Netherlands", LEDE_NTS),
		  "Netherlands");
	CHECK_STR(ldi_place_canonical("Korea, Republic of", LEDE_NTS), NULL);
	CHECK_STR(ldi_place_canonical("Republic of Korea", LEDE_NTS),
		  "South Korea");
	CHECK_STR(ldi_place_canonical("Iran, Islamic Republic of", LEDE_NTS),
		  NULL);
	CHECK_STR(ldi_place_canonical("Islamic Republic of Iran", LEDE_NTS),
		  "Iran");
	CHECK_STR(ldi_place_canonical("Russian Federation", LEDE_NTS),
		  "Russia");
	CHECK_STR(ldi_place_canonical("Krakow", LEDE_NTS), "Kraków");
	CHECK_STR(ldi_place_canonical("Kiev", LEDE_NTS), "Kyiv");
	CHECK_STR(ldi_place_canonical("Polsce", LEDE_NTS), "Poland");
	CHECK_STR(ldi_place_canonical("Bihar", LEDE_NTS), "Bihar");
	CHECK_STR(ldi_place_canonical("Bayern", LEDE_NTS), "Bavaria");
	/* Context-only names are places to someone who asks for them. */
	CHECK_STR(ldi_place_canonical("Jordan", LEDE_NTS), "Jordan");
	CHECK_STR(ldi_place_canonical("C\xc3\xb4te d\xe2\x80\x99Ivoire",
				      LEDE_NTS), "Ivory Coast");
	CHECK_STR(ldi_place_canonical("Korea", LEDE_NTS), NULL);
	CHECK_STR(ldi_place_canonical("Atlantis", LEDE_NTS), NULL);
	CHECK_STR(ldi_place_canonical("", 0), NULL);
	CHECK_STR(ldi_place_canonical(NULL, 0), NULL);
	CHECK_STR(ldi_place_canonical("UKraine", 2), "United Kingdom");
}

/* The second run: no iso-codes, so no places, and nothing else lost. */
static int no_iso_codes(const char *dir)
{
	ldi_entities_t e;

	if (mkdir(dir, 0777) < 0 && errno != EEXIST) {
		perror(dir);
		return 1;
	}
	setenv("LEDE_ISO_CODES_DIR", dir, 1);
	CHECK_INT(ldi_extract("Britain and France agree",
			      "The Bank of England said: \"Rates will stay "
			      "where they are for now.\"",
			      "en", &e),
		  LEDE_OK);
	CHECK_INT(e.n_places, 0);
	CHECK_INT(e.n_orgs, 1);
	CHECK(e.n_orgs == 1 && !strcmp(e.orgs[0], "Bank of England"));
	CHECK_INT(e.n_quotes, 1);
	CHECK(e.n_quotes == 1 && e.quotes[0].speaker &&
	      !strcmp(e.quotes[0].speaker, "Bank of England"));
	ldi_entities_free(&e);
	CHECK_STR(ldi_place_canonical("UK", LEDE_NTS), NULL);
	CHECK_STR(ldi_place_canonical("France", LEDE_NTS), NULL);
	return CHECK_DONE();
}

int main(int argc, char **argv)
{
	if (argc == 3 && !strcmp(argv[1], "--no-iso-codes"))
		return no_iso_codes(argv[2]);
	if (argc != 1) {
		fprintf(stderr, "usage: test_extract [--no-iso-codes DIR]\n");
		return 2;
	}
	run_cases();
	test_long_article();
	test_empty();
	test_place_canonical();
	return CHECK_DONE();
}
