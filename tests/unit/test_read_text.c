/* test_read_text.c: unit tests for the plain-text reader's recognisers:
 * paragraphs, crossheads, trailing boilerplate, bylines and biographies.
 * SPDX-License-Identifier: MIT
 *
 * The articles are our own, written in the shape of BBC and Guardian
 * pages saved as text. Each case states the whole headline, body and
 * author list it expects, so a rule that takes too much shows up as
 * surely as one that takes too little. The rules of byline.h, which
 * judge one line with no article around it, are also tested on their
 * own, one line per case.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "byline.h"
#include "check.h"
#include "lede.h"
#include "reader_check.h"

/* Reads text as a plain-text article and checks the headline, the body
 * (NULL: none) and the authors ("" for none). A failure also names the
 * line of the case. */
static void expect_at(int line, const char *text, const char *headline,
		      const char *body, const char *authors)
{
	struct seen s = {0};
	unsigned failed = check_failed;

	CHECK_INT(lede_parse_buffer("case.txt", text, LEDE_NTS,
				    LEDE_FORMAT_TEXT, on_article, NULL, &s),
		  LEDE_OK);
	CHECK_INT(s.n, 1);
	CHECK_STR(s.headline[0], headline);
	CHECK_STR(s.body[0], body);
	CHECK_STR(s.authors[0], authors);
	if (check_failed != failed)
		fprintf(stderr, "  in the case at line %d\n", line);
	seen_free(&s);
}

#define EXPECT(text, headline, body, authors) \
	expect_at(__LINE__, text, headline, body, authors)

static void test_paragraphs(void)
{
	/* Runs of blank lines, CRLF, blanks around lines: "\n\n" between
	 * trimmed paragraphs. */
	EXPECT("Harbour tolls to rise\r\n\r\n\r\n"
	       "  Tolls at the harbour will rise by 5% in April.  \r\n"
	       " \t \r\n\r\n"
	       "\tThe port authority said costs had gone up.\r\n",
	       "Harbour tolls to rise",
	       "Tolls at the harbour will rise by 5% in April.\n\n"
	       "The port authority said costs had gone up.",
	       "");

	/* A line break inside a paragraph stays one: a wrap or a list. */
	EXPECT("Budget at a glance\n\n"
	       "The main measures were:\n"
	       "- a penny off beer\n"
	       "- free bus passes for students\n\n"
	       "The opposition called it a giveaway.\n",
	       "Budget at a glance",
	       "The main measures were:\n- a penny off beer\n"
	       "- free bus passes for students\n\n"
	       "The opposition called it a giveaway.",
	       "");

	/* Old Mac line ends; a line of no-break spaces (web pages' spacer
	 * paragraphs) is blank. */
	EXPECT("Ferry returns\r\rThe ferry is back.\rIt sails at noon.\r"
	       "\xC2\xA0\xC2\xA0\rTickets are £15.\xC2\xA0\r",
	       "Ferry returns",
	       "The ferry is back.\nIt sails at noon.\n\nTickets are £15.",
	       "");

	/* An archive with a paragraph on each line: lines no wrapping
	 * makes, so each is a paragraph. */
	EXPECT("Mill to close after 140 years\n"
	       "The last cotton mill in the valley will close in the spring, "
	       "its owners said on Tuesday, with the loss of 85 jobs.\n"
	       "Workers were told of the decision at a meeting on the factory "
	       "floor, where some had worked for more than thirty years.\n"
	       "The owners blamed energy prices and cheaper imports.\n",
	       "Mill to close after 140 years",
	       "The last cotton mill in the valley will close in the spring, "
	       "its owners said on Tuesday, with the loss of 85 jobs.\n\n"
	       "Workers were told of the decision at a meeting on the factory "
	       "floor, where some had worked for more than thirty years.\n\n"
	       "The owners blamed energy prices and cheaper imports.",
	       "");

	/* Only a headline; blanks only after it. */
	EXPECT("Just a headline\n", "Just a headline", NULL, "");
	EXPECT("\n\nJust a headline \t\n \n\xC2\xA0\n", "Just a headline",
	       NULL, "");
	EXPECT(" \xC2\xA0\n\xC2\xA0Spaced out\xC2\xA0\n\nText.", "Spaced out",
	       "Text.", "");
}

static void test_crossheads(void)
{
	/* BBC-shaped: quoted and plain crossheads stay, each its own
	 * paragraph, and none is taken for anything else. */
	EXPECT("Talks on fishing quotas to resume\n\n"
	       "Ministers from five countries will meet again next week to "
	       "try to settle a row over fishing quotas.\n\n"
	       "\"Strong position\"\n\n"
	       "The fisheries minister said the UK went into the talks in a "
	       "strong position.\n\n"
	       "'Difficult'\n\n"
	       "Her opposite number called the last round \"difficult\" but "
	       "said a deal was close.\n\n"
	       "What happens next?\n\n"
	       "If the talks fail, the quotas will be set by a panel.\n",
	       "Talks on fishing quotas to resume",
	       "Ministers from five countries will meet again next week to "
	       "try to settle a row over fishing quotas.\n\n"
	       "\"Strong position\"\n\n"
	       "The fisheries minister said the UK went into the talks in a "
	       "strong position.\n\n"
	       "'Difficult'\n\n"
	       "Her opposite number called the last round \"difficult\" but "
	       "said a deal was close.\n\n"
	       "What happens next?\n\n"
	       "If the talks fail, the quotas will be set by a panel.",
	       "");

	/* A heading glued to its paragraph by a single newline becomes a
	 * paragraph of its own; the paragraph below is wrapped text. */
	EXPECT("Rail fares to rise\n\n"
	       "Fares will rise by 4% in March, the operators said.\n\n"
	       "Season tickets\n"
	       "Holders of season tickets will pay up to £180 more a year, the\n"
	       "biggest rise for a decade, campaigners said on Friday.\n",
	       "Rail fares to rise",
	       "Fares will rise by 4% in March, the operators said.\n\n"
	       "Season tickets\n\n"
	       "Holders of season tickets will pay up to £180 more a year, the\n"
	       "biggest rise for a decade, campaigners said on Friday.",
	       "");

	/* But the first line of wrapped text is not a heading, however
	 * short: its next word would not have fitted. */
	EXPECT("Bank results\n\n"
	       "Profits rose by a fifth.\n\n"
	       "Shares in the bank rose sharply on\n"
	       "Monday after the results.\n",
	       "Bank results",
	       "Profits rose by a fifth.\n\n"
	       "Shares in the bank rose sharply on\n"
	       "Monday after the results.",
	       "");

	/* A list after a lead-in, numbers, and a lost emphasis tag's
	 * fragments are short lines too, and stay as they are. */
	EXPECT("Cup draw\n\n"
	       "The draw for the fourth round was made on Monday:\n\n"
	       "Arsenal v Wolverhampton\n\n"
	       "Everton v Sunderland\n\n"
	       "Attendance:\n\n"
	       "78,000\n\n"
	       "Ties will be played on 29 January.\n",
	       "Cup draw",
	       "The draw for the fourth round was made on Monday:\n\n"
	       "Arsenal v Wolverhampton\n\n"
	       "Everton v Sunderland\n\n"
	       "Attendance:\n\n"
	       "78,000\n\n"
	       "Ties will be played on 29 January.",
	       "");
}

static void test_boilerplate(void)
{
	/* Modern BBC: a help-line notice, the "Follow BBC" line and the
	 * topic links go; a crosshead just above them stays. */
	EXPECT("Charity walk raises £40,000 for mental health\n\n"
	       "More than 300 people walked 26 miles along the coast to raise "
	       "money for a mental health charity.\n\n"
	       "Follow the money\n\n"
	       "Organisers said every penny would go to local services.\n\n"
	       "If you have been affected by any of the issues raised in this "
	       "story, help and support is available via BBC Action Line.\n\n"
	       "Follow BBC Yorkshire on Facebook, X (formerly Twitter) and "
	       "Instagram. Send your story ideas to yorkslincs.news@bbc.co.uk."
	       "\n\n"
	       "Related Topics\n"
	       "Mental health\n"
	       "Charities\n\n"
	       "More on this story\n\n"
	       "Walkers set off on coast path challenge\n",
	       "Charity walk raises £40,000 for mental health",
	       "More than 300 people walked 26 miles along the coast to raise "
	       "money for a mental health charity.\n\n"
	       "Follow the money\n\n"
	       "Organisers said every penny would go to local services.",
	       "");

	/* Each pattern, any case, in one trailing run. */
	EXPECT("Lifeboat crew honoured\n\n"
	       "The crew of the town's lifeboat received a bravery award.\n\n"
	       "If you or someone you know has been affected, call the "
	       "helpline.\n\n"
	       "Samaritans can be contacted day or night on 116 123.\n\n"
	       "FOLLOW US ON INSTAGRAM @coastnews\n\n"
	       "Sign up for our newsletter to get the news first.\n\n"
	       "Get in touch: news@example.org\n\n"
	       "Share this with\nEmail\nFacebook\nWhatsApp\n\n"
	       "Copyright \xC2\xA9 2024 Coast News Ltd\n\n"
	       "\xC2\xA9 2024 Coast News\n\n"
	       "All rights reserved\n\n"
	       "Continue reading...\n",
	       "Lifeboat crew honoured",
	       "The crew of the town's lifeboat received a bravery award.", "");

	/* Never from the middle: a pattern followed by prose stays, and
	 * so does the first paragraph, whatever it starts with. */
	EXPECT("Flood warnings lifted\n\n"
	       "Flood warnings on the river have been lifted.\n\n"
	       "Follow us on the river path, the warden told walkers, and you "
	       "will see how high the water came.\n\n"
	       "Related Topics\n\n"
	       "The council will meet on Monday to discuss flood defences.\n",
	       "Flood warnings lifted",
	       "Flood warnings on the river have been lifted.\n\n"
	       "Follow us on the river path, the warden told walkers, and you "
	       "will see how high the water came.\n\n"
	       "Related Topics\n\n"
	       "The council will meet on Monday to discuss flood defences.",
	       "");
	EXPECT("Jobs fair\n\n"
	       "If you or someone you know is looking for work, the jobs fair "
	       "opens at the town hall on Monday.\n",
	       "Jobs fair",
	       "If you or someone you know is looking for work, the jobs fair "
	       "opens at the town hall on Monday.",
	       "");

	/* "Follow BBC" needs " on ": a sentence about the BBC stays. */
	EXPECT("Licence fee\n\n"
	       "The fee will rise in April.\n\n"
	       "Follow BBC guidance, viewers were told.\n",
	       "Licence fee",
	       "The fee will rise in April.\n\n"
	       "Follow BBC guidance, viewers were told.",
	       "");
}

static void test_bios(void)
{
	/* Guardian-shaped: the biography goes, its name is the author;
	 * boilerplate after it goes first. */
	EXPECT("The high street is not dead yet\n\n"
	       "Every January the obituaries for the high street are written "
	       "again.\n\n"
	       "Yet the shops on my own street are busier than ever.\n\n"
	       "Jane Smith is the Guardian's retail correspondent.\n\n"
	       "Copyright \xC2\xA9 2024 Guardian News & Media\n",
	       "The high street is not dead yet",
	       "Every January the obituaries for the high street are written "
	       "again.\n\n"
	       "Yet the shops on my own street are busier than ever.",
	       "Jane Smith");

	/* Non-ASCII names, particles, hyphens, apostrophes. */
	EXPECT("Letter from Kraków\n\n"
	       "The old town empties in November.\n\n"
	       "Łukasz Nowak-Kowalski is a freelance writer based in "
	       "Kraków.\n",
	       "Letter from Kraków", "The old town empties in November.",
	       "Łukasz Nowak-Kowalski");
	EXPECT("Cycling in the rain\n\n"
	       "Nobody cycles in Rotterdam for the weather.\n\n"
	       "Zoë van der Berg is an Amsterdam-based journalist and the "
	       "author of two books on cities.\n",
	       "Cycling in the rain",
	       "Nobody cycles in Rotterdam for the weather.",
	       "Zoë van der Berg");
	EXPECT("Notes from Dublin\n\n"
	       "The Liffey was high again this week.\n\n"
	       "Seán O'Brien is the paper's Ireland editor\n",
	       "Notes from Dublin", "The Liffey was high again this week.",
	       "Seán O'Brien");

	/* Near misses. No name: */
	EXPECT("Minister resigns\n\n"
	       "The minister resigned on Friday.\n\n"
	       "The minister is a former correspondent for a Sunday paper.\n",
	       "Minister resigns",
	       "The minister resigned on Friday.\n\n"
	       "The minister is a former correspondent for a Sunday paper.",
	       "");
	/* ... mid-article, where no biography is looked for: */
	EXPECT("Reshuffle\n\n"
	       "Ann Lee is a former correspondent who joined the cabinet last "
	       "year.\n\n"
	       "She will now run the Treasury.\n",
	       "Reshuffle",
	       "Ann Lee is a former correspondent who joined the cabinet last "
	       "year.\n\n"
	       "She will now run the Treasury.",
	       "");
	/* ... the story's subject, called by surname before: */
	EXPECT("Reporter wins award\n\n"
	       "A local reporter has won a national prize.\n\n"
	       "Ms Lee said she was delighted.\n\n"
	       "Ann Lee is a former crime reporter at the Evening Post.\n",
	       "Reporter wins award",
	       "A local reporter has won a national prize.\n\n"
	       "Ms Lee said she was delighted.\n\n"
	       "Ann Lee is a former crime reporter at the Evening Post.",
	       "");
	/* ... no role: */
	EXPECT("Oscars preview\n\n"
	       "The nominations were announced on Tuesday.\n\n"
	       "Mike Hart is the outsider in the best director category.\n",
	       "Oscars preview",
	       "The nominations were announced on Tuesday.\n\n"
	       "Mike Hart is the outsider in the best director category.",
	       "");
	/* ... a role too far away, in another sentence: */
	EXPECT("Theatre review\n\n"
	       "The play opened on Monday.\n\n"
	       "Tom Reid is the star. A reporter asked him about it.\n",
	       "Theatre review",
	       "The play opened on Monday.\n\n"
	       "Tom Reid is the star. A reporter asked him about it.",
	       "");
	/* ... the only paragraph: */
	EXPECT("New health correspondent\n\n"
	       "Jane Smith is the BBC's new health correspondent.\n",
	       "New health correspondent",
	       "Jane Smith is the BBC's new health correspondent.", "");
}

static void test_bylines(void)
{
	EXPECT("Ports brace for strike\n\n"
	       "By Jane Smith\n\n"
	       "Dock workers will walk out on Monday.\n",
	       "Ports brace for strike",
	       "Dock workers will walk out on Monday.",
	       "Jane Smith");

	/* A role on the line, on the next line, or as a paragraph. */
	EXPECT("Ports brace for strike\n\n"
	       "By Jane Smith, Business reporter\n\n"
	       "Dock workers will walk out on Monday.\n",
	       "Ports brace for strike",
	       "Dock workers will walk out on Monday.",
	       "Jane Smith");
	EXPECT("Ports brace for strike\n\n"
	       "By Jane Smith\nBBC News, Washington\n"
	       "Dock workers will walk out on Monday.\n",
	       "Ports brace for strike",
	       "Dock workers will walk out on Monday.",
	       "Jane Smith");
	EXPECT("Ports brace for strike\n\n"
	       "By Jane Smith,\n"
	       "political editor\n\n"
	       "Dock workers will walk out on Monday.\n",
	       "Ports brace for strike",
	       "Dock workers will walk out on Monday.",
	       "Jane Smith");
	EXPECT("Ports brace for strike\n\n"
	       "By Jane Smith\n\n"
	       "Transport correspondent, BBC News\n\n"
	       "Dock workers will walk out on Monday.\n",
	       "Ports brace for strike",
	       "Dock workers will walk out on Monday.",
	       "Jane Smith");

	/* Several names; initials; a place. */
	EXPECT("Ports brace for strike\n\n"
	       "By Jane Smith and John Doe\n\n"
	       "Dock workers will walk out on Monday.\n",
	       "Ports brace for strike",
	       "Dock workers will walk out on Monday.",
	       "Jane Smith|John Doe");
	EXPECT("Ports brace for strike\n\n"
	       "By Jane Smith, John Doe & Carla K. Johnson, BBC News\n\n"
	       "Dock workers will walk out on Monday.\n",
	       "Ports brace for strike",
	       "Dock workers will walk out on Monday.",
	       "Jane Smith|John Doe|Carla K. Johnson");
	EXPECT("Ports brace for strike\n\n"
	       "By Jane Smith in Rotterdam and Ursula von Berg in Hamburg\n\n"
	       "Dock workers will walk out on Monday.\n",
	       "Ports brace for strike",
	       "Dock workers will walk out on Monday.",
	       "Jane Smith|Ursula von Berg");
	/* The byline and the biography name one author once. */
	EXPECT("Ports brace for strike\n\n"
	       "By Jane Smith\n\n"
	       "Dock workers will walk out on Monday.\n\n"
	       "Jane Smith is our transport correspondent\n\n"
	       "Jane Smith is a transport correspondent.\n",
	       "Ports brace for strike",
	       "Dock workers will walk out on Monday.\n\n"
	       "Jane Smith is our transport correspondent",
	       "Jane Smith");
	/* A body that is only a byline. */
	EXPECT("Ports brace for strike\n\nBy Jane Smith\n",
	       "Ports brace for strike", NULL, "Jane Smith");

	/* Near misses: sentences that start with "By". */
	EXPECT("Profits double\n\n"
	       "By the end of 2004, profits had doubled.\n",
	       "Profits double", "By the end of 2004, profits had doubled.",
	       "");
	EXPECT("Profits double\n\n"
	       "By the end of the year\n\n"
	       "Profits had doubled.\n",
	       "Profits double",
	       "By the end of the year\n\nProfits had doubled.", "");
	EXPECT("Sales record\n\n"
	       "By Christmas Day, sales had doubled.\n",
	       "Sales record", "By Christmas Day, sales had doubled.", "");
	EXPECT("Sales record\n\n"
	       "By Boxing Day, shoppers had spent\n"
	       "more than in the whole of November.\n",
	       "Sales record",
	       "By Boxing Day, shoppers had spent\n"
	       "more than in the whole of November.",
	       "");
	EXPECT("Sales record\n\n"
	       "By Boxing Day, Shoppers had spent a record sum\n\n"
	       "Tills were busy.\n",
	       "Sales record",
	       "By Boxing Day, Shoppers had spent a record sum\n\n"
	       "Tills were busy.",
	       "");
	EXPECT("Sales record\n\n"
	       "By Ann Lee, Labour has said nothing\n\n"
	       "Tills were busy.\n",
	       "Sales record",
	       "By Ann Lee, Labour has said nothing\n\nTills were busy.", "");
	EXPECT("Sales record\n\nBy Jane Smith.\n", "Sales record",
	       "By Jane Smith.", "");
	EXPECT("Sales record\n\nBy Staff Reporter\n", "Sales record",
	       "By Staff Reporter", "");
	EXPECT("Sales record\n\nBy Jane Smith Managing Director, Acme\n",
	       "Sales record", "By Jane Smith Managing Director, Acme", "");
	EXPECT("Sales record\n\nBy BBC News\n", "Sales record", "By BBC News",
	       "");
	/* Not the first line: a "byline" further down is text. */
	EXPECT("Sales record\n\nTills were busy.\n\nBy Jane Smith\n",
	       "Sales record", "Tills were busy.\n\nBy Jane Smith", "");
}

/* ---- byline.h, one line at a time -------------------------------------- */

/* The spans names[0..n) joined with '|' into out (size bytes). */
static void join_spans(const ldi_span_t *names, size_t n, char *out,
		       size_t size)
{
	size_t i, at = 0;

	out[0] = '\0';
	for (i = 0; i < n && at + names[i].len + 2 < size; i++) {
		if (i)
			out[at++] = '|';
		memcpy(out + at, names[i].s, names[i].len);
		at += names[i].len;
		out[at] = '\0';
	}
}

/* Checks the name s starts with (NULL: none). */
static void name_at(int line, const char *s, const char *want)
{
	ldi_span_t name;
	char got[256];
	unsigned failed = check_failed;

	name.s = s;
	name.len = ldi_parse_name(s);
	join_spans(&name, 1, got, sizeof got);
	CHECK_STR(name.len ? got : NULL, want);
	if (check_failed != failed)
		fprintf(stderr, "  in the case at line %d\n", line);
}

#define NAME(s, want) name_at(__LINE__, s, want)

static void test_names(void)
{
	NAME("Jane Smith", "Jane Smith");
	NAME("Zoë Ball said", "Zoë Ball");
	NAME("Łukasz Nowak-Kowalski is", "Łukasz Nowak-Kowalski");
	NAME("Seán O'Brien, Ireland editor", "Seán O'Brien");
	NAME("Carla K. Johnson in Rome", "Carla K. Johnson");
	NAME("Ursula von der Leyen", "Ursula von der Leyen");
	/* A name ends at its last capitalised word, and at a line end. */
	NAME("Jane Smith de", "Jane Smith");
	NAME("Jane Smith\nJohn Doe", "Jane Smith");
	/* Not names: one word, five, a particle or a sentence's first
	 * word first, days, titles, acronyms. */
	NAME("Jane", NULL);
	NAME("Anna Bella Carla Dora Emma", NULL);
	NAME("von Trapp Maria", NULL);
	NAME("The Minister said", NULL);
	NAME("Mr Smith said", NULL);
	NAME("Christmas Day", NULL);
	NAME("Staff Reporter", NULL);
	NAME("BBC News", NULL);
}

/* Checks the names the line s gives as a byline (NULL: not a byline). */
static void byline_at(int line, const char *s, const char *want)
{
	ldi_span_t names[LDI_MAX_AUTHORS];
	size_t n;
	char got[256];
	unsigned failed = check_failed;
	int is_byline = ldi_parse_byline(s, strlen(s), names, &n);

	if (is_byline)
		join_spans(names, n, got, sizeof got);
	CHECK_STR(is_byline ? got : NULL, want);
	if (check_failed != failed)
		fprintf(stderr, "  in the case at line %d\n", line);
}

#define BYLINE(s, want) byline_at(__LINE__, s, want)

static void test_byline_lines(void)
{
	BYLINE("By Jane Smith", "Jane Smith");
	BYLINE("By Jane Smith,", "Jane Smith");
	BYLINE("By Jane Smith, Business reporter", "Jane Smith");
	BYLINE("By Jane Smith and John Doe", "Jane Smith|John Doe");
	BYLINE("By Jane Smith, John Doe & Carla K. Johnson, BBC News",
	       "Jane Smith|John Doe|Carla K. Johnson");
	BYLINE("By Jane Smith in Rotterdam and Ursula von Berg in Hamburg",
	       "Jane Smith|Ursula von Berg");
	/* Names past LDI_MAX_AUTHORS are dropped, the byline kept. */
	BYLINE("By Ann Lee, Bob Hart, Cat Ives, Dan Joy, Ed Kay, Fay Lam, "
	       "Guy Moe, Hal Nye and Ida Orr",
	       "Ann Lee|Bob Hart|Cat Ives|Dan Joy|Ed Kay|Fay Lam|Guy Moe|"
	       "Hal Nye");
	BYLINE("By the end of the year", NULL);
	BYLINE("By Christmas Day, sales had doubled", NULL);
	BYLINE("By Jane Smith.", NULL);
	BYLINE("By Staff Reporter", NULL);
	BYLINE("By BBC News", NULL);
	BYLINE("By Jane Smith Managing Director, Acme", NULL);
	BYLINE("By Ann Lee, Labour has said nothing", NULL);
	BYLINE("Jane Smith", NULL);
}

static void test_roles(void)
{
	CHECK(ldi_is_role("Health correspondent", 20));
	CHECK(ldi_has_role_word("Health correspondent", 20));
	CHECK(ldi_is_role("BBC News, Washington", 20));
	CHECK(ldi_has_role_word("BBC News, Washington", 20));
	/* Lower case, so only as a role noun. */
	CHECK(ldi_is_role("political editor", 16));
	CHECK(!ldi_is_role("shoppers had spent", 18));
	/* Capitalised, so a role, but it names none. */
	CHECK(ldi_is_role("Chief Executive", 15));
	CHECK(!ldi_has_role_word("Chief Executive", 15));
	CHECK(!ldi_is_role("Reporters were told", 19));
	CHECK(!ldi_is_role("Health correspondent.", 21));
}

/* Checks the name the paragraph s gives as a biography (NULL: none). */
static void bio_at(int line, const char *s, const char *want)
{
	ldi_span_t name;
	char got[256];
	unsigned failed = check_failed;

	name.s = s;
	name.len = ldi_parse_bio(s);
	join_spans(&name, 1, got, sizeof got);
	CHECK_STR(name.len ? got : NULL, want);
	if (check_failed != failed)
		fprintf(stderr, "  in the case at line %d\n", line);
}

#define BIO(s, want) bio_at(__LINE__, s, want)

static void test_bio_shapes(void)
{
	BIO("Jane Smith is the Guardian's retail correspondent.",
	    "Jane Smith");
	BIO("Łukasz Nowak-Kowalski is a freelance writer based in Kraków.",
	    "Łukasz Nowak-Kowalski");
	BIO("Zoë van der Berg is an Amsterdam-based journalist and the\n"
	    "author of two books on cities.",
	    "Zoë van der Berg");
	/* The shape only: whether Ann Lee is the story's subject is for
	 * the body to say. */
	BIO("Ann Lee is a former crime reporter at the Evening Post.",
	    "Ann Lee");
	BIO("The minister is a former correspondent for a Sunday paper.",
	    NULL);
	BIO("Mike Hart is the outsider in the best director category.",
	    NULL);
	BIO("Tom Reid is the star. A reporter asked him about it.", NULL);
	BIO("Jane Smith is expected to join as health correspondent.", NULL);
	/* Over BIO_MAX_WORDS (60) words: prose, not a biography. */
	BIO("Jane Smith is the health correspondent. She has written for "
	    "the paper since 1998, covering hospitals, doctors, nurses, "
	    "care homes and the long arguments over how each of them should "
	    "be paid for, and before that she reported on schools, the "
	    "courts and the council for a local weekly in the north of the "
	    "county for nine years, until she moved to London in 1997.",
	    NULL);
}

/* Blank lines of no-break spaces are no text either. */
static void test_empty(void)
{
	struct seen s = {0};

	CHECK_INT(lede_parse_buffer("nb.txt", "\xC2\xA0\n \xC2\xA0\t\r\n",
				    LEDE_NTS, LEDE_FORMAT_TEXT, on_article,
				    NULL, &s),
		  LEDE_BAD_INPUT);
	CHECK_INT(s.n, 0);
	seen_free(&s);
}

int main(void)
{
	test_empty();
	test_paragraphs();
	test_crossheads();
	test_boilerplate();
	test_bios();
	test_bylines();
	test_names();
	test_byline_lines();
	test_roles();
	test_bio_shapes();
	return CHECK_DONE();
}
