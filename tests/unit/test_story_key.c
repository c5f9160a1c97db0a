/* test_story_key.c: unit tests of story keys (story_key.h).
 * SPDX-License-Identifier: MIT
 *
 * A story of our own in pieces: a lead (the first hundred-odd words, what
 * the key is made from) and a tail. Copies are built from the pieces with
 * one change each; each case says whether the copy must share the key of
 * the original. Keys are probabilistic only over which texts are chosen:
 * for a given text they are fixed, which a golden key checks.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "story_key.h"

/* The key of lead + tail. */
#define GOLDEN_KEY "22e07d9cebde70ed"

/* 112 words. */
static const char lead[] =
	"Ferry services between the mainland and the northern isles were "
	"suspended on Tuesday after a storm tore part of the roof from the "
	"harbour terminal at Scrabster. The operator said no passengers were "
	"hurt, but two crew members were treated for minor injuries after a "
	"gangway collapsed in winds that reached ninety miles an hour. "
	"Engineers are expected to inspect the pier on Wednesday morning, and "
	"the company hopes to restore a reduced timetable by the weekend if "
	"the forecast holds. Hauliers warned that supermarket shelves on the "
	"islands could empty within days, since most fresh food arrives by the "
	"overnight freight sailing. The council has opened a rest centre for "
	"travellers stranded in the town. ";

static const char tail[] =
	"It is the third time this winter that the route has been closed. "
	"Local businesses say the repeated disruption has cost them thousands "
	"of pounds in lost trade, and the islands' member of parliament has "
	"called for a second vessel to be kept in reserve. The transport "
	"minister is due to visit the terminal next month.";

/* The same event, written afresh by another outlet: same topic, same
 * names, different sentences. */
static const char rival[] =
	"A storm ripped away part of the roof of Scrabster's harbour terminal "
	"on Tuesday, halting ferry crossings to the northern isles. Two crew "
	"members needed treatment when a gangway gave way, the operator said, "
	"though passengers escaped injury. Winds of up to ninety miles an hour "
	"battered the north coast for most of the day. The pier will be "
	"checked by engineers on Wednesday. Island hauliers fear food "
	"shortages, as fresh supplies depend on the overnight freight "
	"crossing, and a rest centre has been opened in the town for people "
	"unable to travel. The operator hopes a reduced timetable can resume "
	"by the weekend.";

/* A follow-up: a new lead, then the original's background paragraph. */
static const char follow_up_lead[] =
	"Ferry crossings to the northern isles resumed on Friday, three days "
	"after a storm damaged the harbour terminal at Scrabster. The first "
	"sailing left at seven in the morning with a full load of freight, "
	"and the operator said the normal timetable would return on Monday. "
	"Engineers found no lasting damage to the pier itself, though the "
	"terminal roof will take several weeks to repair. Shops on the islands "
	"reported that fresh food had begun to run short on Thursday. ";

static char *
join(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	char *s = malloc(la + lb + 1);
	if (!s)
		abort();
	memcpy(s, a, la);
	memcpy(s + la, b, lb + 1);
	return s;
}

/* Replaces the first `from` in s with `to` (s is freed, result returned). */
static char *
replace(char *s, const char *from, const char *to)
{
	char *at = strstr(s, from);
	if (!at)
		abort();
	size_t head = (size_t)(at - s), fl = strlen(from), tl = strlen(to);
	char *r = malloc(strlen(s) - fl + tl + 1);
	if (!r)
		abort();
	memcpy(r, s, head);
	memcpy(r + head, to, tl);
	strcpy(r + head + tl, at + fl);
	free(s);
	return r;
}

static int
key_of(const char *body, char key[LDI_STORY_KEY_SIZE])
{
	return ldi_story_key(body, key);
}

static void
check_same(int line, const char *a, const char *b, int want_same)
{
	char ka[LDI_STORY_KEY_SIZE], kb[LDI_STORY_KEY_SIZE];
	CHECK_INT(key_of(a, ka), 1);
	CHECK_INT(key_of(b, kb), 1);
	int same = !strcmp(ka, kb);
	if (same != want_same)
		fprintf(stderr, "case at line %d: keys %s and %s, want %s\n",
			line, ka, kb, want_same ? "equal" : "different");
	CHECK_INT(same, want_same);
}

static void
test_copies(void)
{
	char *orig = join(lead, tail);

	/* The very same text. */
	char *copy = join(lead, tail);
	check_same(__LINE__, orig, copy, 1);
	free(copy);

	/* Case, punctuation, accents and spacing are folded away. */
	copy = join(lead, tail);
	copy = replace(copy, "Ferry services", "FERRY   services");
	copy = replace(copy, "Scrabster.", "Scrabster;");
	copy = replace(copy, "ninety miles", "nin\xc3\xa9ty  miles");
	check_same(__LINE__, orig, copy, 1);
	free(copy);

	/* A sentence changed after the lead. */
	copy = join(lead, tail);
	copy = replace(copy, "It is the third time this winter that the "
			     "route has been closed.",
		       "The route was also closed twice in December, "
		       "when high seas kept the vessel in port.");
	check_same(__LINE__, orig, copy, 1);
	free(copy);

	/* Trimmed from the end, as reprints are. */
	check_same(__LINE__, orig, lead, 1);

	/* A paragraph added at the end. */
	copy = join(orig, " A spokesman for the coastguard said crews had "
			  "been on standby throughout the night.");
	check_same(__LINE__, orig, copy, 1);
	free(copy);

	/* One word changed in the lead: a four-word window in a hundred
	 * moves, so copies like this share the key about 85% of the time;
	 * this one does. */
	copy = join(lead, tail);
	copy = replace(copy, "The operator said", "The operator confirmed");
	check_same(__LINE__, orig, copy, 1);
	free(copy);

	free(orig);
}

static void
test_different(void)
{
	char *orig = join(lead, tail);

	/* Another outlet's own account of the same event. */
	check_same(__LINE__, orig, rival, 0);

	/* A follow-up that reuses the original's background. */
	char *follow = join(follow_up_lead, tail);
	check_same(__LINE__, orig, follow, 0);
	free(follow);

	/* The original's sentences in another order: the same words, but
	 * a different story to a reader, and different shingles. */
	check_same(__LINE__, lead, tail, 0);

	free(orig);
}

static void
test_short(void)
{
	char key[LDI_STORY_KEY_SIZE] = "x";

	CHECK_INT(ldi_story_key(NULL, key), 0);
	CHECK_STR(key, "");
	CHECK_INT(ldi_story_key("", key), 0);
	CHECK_INT(ldi_story_key("Storm closes harbour; ferries cancelled.",
				key),
		  0);
	CHECK_STR(key, "");
	/* 29 words: still too short; 30 is enough. */
	static const char words29[] =
		"one two three four five six seven eight nine ten eleven "
		"twelve thirteen fourteen fifteen sixteen seventeen eighteen "
		"nineteen twenty twentyone twentytwo twentythree twentyfour "
		"twentyfive twentysix twentyseven twentyeight twentynine";
	CHECK_INT(ldi_story_key(words29, key), 0);
	char *words30 = join(words29, " thirty");
	CHECK_INT(ldi_story_key(words30, key), 1);
	CHECK_INT(strlen(key), 16);
	free(words30);
}

static void
test_shingles(void)
{
	uint64_t *sh;
	size_t n, words;

	CHECK_INT(ldi_story_shingles("a b c", 0, &sh, &n, &words), 0);
	CHECK(sh == NULL);
	CHECK_INT(n, 0);
	CHECK_INT(words, 3);
	CHECK_INT(ldi_story_shingles("a b c d e f", 0, &sh, &n, &words), 0);
	CHECK_INT(n, 3);
	CHECK_INT(words, 6);
	/* Shingles depend on the words, not on where they are. */
	uint64_t *sh2;
	size_t n2;
	CHECK_INT(ldi_story_shingles("x y b c d e", 0, &sh2, &n2, NULL), 0);
	CHECK_INT(n2, 3);
	if (sh && sh2 && n == 3 && n2 == 3) {
		CHECK(sh[1] == sh2[2]);
		CHECK(sh[0] != sh2[0]);
	}
	free(sh);
	free(sh2);
	/* The lead only: words after max_words are not read. */
	CHECK_INT(ldi_story_shingles("a b c d e f", 5, &sh, &n, &words), 0);
	CHECK_INT(n, 2);
	CHECK_INT(words, 5);
	free(sh);
	/* Compound parts share a position with the compound: one word. */
	CHECK_INT(ldi_story_shingles("post-incident review", 0, &sh, &n,
				     &words),
		  0);
	CHECK_INT(words, 2);
	free(sh);
}

/* Keys are stored in indexes: a change to the hashing must be a decision
 * (and a format bump), never an accident of platform or compiler. */
static void
test_golden(void)
{
	char key[LDI_STORY_KEY_SIZE];
	char *orig = join(lead, tail);
	CHECK_INT(ldi_story_key(orig, key), 1);
	CHECK_STR(key, GOLDEN_KEY);
	CHECK(ldi_story_mix(0, 0) != ldi_story_mix(0, 1));
	free(orig);
}

int
main(void)
{
	test_copies();
	test_different();
	test_short();
	test_shingles();
	test_golden();
	return CHECK_DONE();
}
