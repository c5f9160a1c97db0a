/* test_date_range.c: dates and ranges as queries write them.
 * SPDX-License-Identifier: MIT
 */
#include <string.h>

#include "check.h"
#include "lede.h"

/* Sunday 2024-03-31T12:00:00Z: the end of an ISO week, of a month after
 * a leap February, and of a quarter. */
#define NOW INT64_C(1711886400)

/* A text, the `now` it is read at, and the range it gives, written as
 * lede_date_format writes dates ("" for an open end); want_from NULL
 * means the text is not a range. */
typedef struct rcase {
	int line;
	const char *text;
	int64_t now;
	const char *want_from, *want_to;
} rcase_t;

#define R(text, now, from, to) { __LINE__, text, now, from, to }
#define BAD(text) { __LINE__, text, NOW, NULL, NULL }

static const rcase_t cases[] = {
	/* Calendar periods: all of them. */
	R("2004", NOW, "2004-01-01T00:00:00Z", "2004-12-31T23:59:59Z"),
	R("2004-01", NOW, "2004-01-01T00:00:00Z", "2004-01-31T23:59:59Z"),
	R("2004-02", NOW, "2004-02-01T00:00:00Z", "2004-02-29T23:59:59Z"),
	R("2023-11-12", NOW, "2023-11-12T00:00:00Z", "2023-11-12T23:59:59Z"),
	R("12 March 2024", NOW, "2024-03-12T00:00:00Z",
	  "2024-03-12T23:59:59Z"),
	R("2024/03/12", NOW, "2024-03-12T00:00:00Z", "2024-03-12T23:59:59Z"),
	/* With a clock time: that instant. */
	R("2023-11-12T10:30:00Z", NOW, "2023-11-12T10:30:00Z",
	  "2023-11-12T10:30:00Z"),
	R("2023-11-12T10:30+01:00", NOW, "2023-11-12T09:30:00Z",
	  "2023-11-12T09:30:00Z"),
	R("March 12, 2024 3:05 pm EST", NOW, "2024-03-12T20:05:00Z",
	  "2024-03-12T20:05:00Z"),
	/* Ranges, the end inclusive. */
	R("2004-01..2004-06", NOW, "2004-01-01T00:00:00Z",
	  "2004-06-30T23:59:59Z"),
	R("2004..2005", NOW, "2004-01-01T00:00:00Z", "2005-12-31T23:59:59Z"),
	R("2004-03..", NOW, "2004-03-01T00:00:00Z", ""),
	R("..2004-03", NOW, "", "2004-03-31T23:59:59Z"),
	R("2023-11-12..2023-11-12", NOW, "2023-11-12T00:00:00Z",
	  "2023-11-12T23:59:59Z"),
	R("2023-11-12T10:00Z..2023-11-13", NOW, "2023-11-12T10:00:00Z",
	  "2023-11-13T23:59:59Z"),
	R(" 2004 .. 2005 ", NOW, "2004-01-01T00:00:00Z",
	  "2005-12-31T23:59:59Z"),
	/* Counted back from now. */
	R("today", NOW, "2024-03-31T00:00:00Z", "2024-03-31T23:59:59Z"),
	R("TODAY", NOW, "2024-03-31T00:00:00Z", "2024-03-31T23:59:59Z"),
	R("yesterday", NOW, "2024-03-30T00:00:00Z", "2024-03-30T23:59:59Z"),
	R("yesterday..", NOW, "2024-03-30T00:00:00Z", ""),
	R("yesterday..today", NOW, "2024-03-30T00:00:00Z",
	  "2024-03-31T23:59:59Z"),
	R("0d", NOW, "2024-03-31T00:00:00Z", "2024-03-31T23:59:59Z"),
	R("7d", NOW, "2024-03-24T00:00:00Z", "2024-03-24T23:59:59Z"),
	R("7d..", NOW, "2024-03-24T00:00:00Z", ""),
	R("..7d", NOW, "", "2024-03-24T23:59:59Z"),
	R("7D", NOW, "2024-03-24T00:00:00Z", "2024-03-24T23:59:59Z"),
	R("2w", NOW, "2024-03-17T00:00:00Z", "2024-03-17T23:59:59Z"),
	R("2w..", NOW, "2024-03-17T00:00:00Z", ""),
	R("1m", NOW, "2024-02-29T00:00:00Z", "2024-02-29T23:59:59Z"),
	R("3m..", NOW, "2023-12-31T00:00:00Z", ""),
	R("13m", NOW, "2023-02-28T00:00:00Z", "2023-02-28T23:59:59Z"),
	R("1y", NOW, "2023-03-31T00:00:00Z", "2023-03-31T23:59:59Z"),
	R("1y", INT64_C(1709208000) /* 2024-02-29T12:00Z */,
	  "2023-02-28T00:00:00Z", "2023-02-28T23:59:59Z"),
	R("1y..1m", NOW, "2023-03-31T00:00:00Z", "2024-02-29T23:59:59Z"),
	/* ISO weeks start on Monday; NOW is a Sunday. */
	R("this week", NOW, "2024-03-25T00:00:00Z", "2024-03-31T23:59:59Z"),
	R("last week", NOW, "2024-03-18T00:00:00Z", "2024-03-24T23:59:59Z"),
	R("this week", INT64_C(1711324800) /* Monday 2024-03-25 */,
	  "2024-03-25T00:00:00Z", "2024-03-31T23:59:59Z"),
	R("last week", INT64_C(1704067200) /* Monday 2024-01-01 */,
	  "2023-12-25T00:00:00Z", "2023-12-31T23:59:59Z"),
	R("this month", NOW, "2024-03-01T00:00:00Z", "2024-03-31T23:59:59Z"),
	R("last month", NOW, "2024-02-01T00:00:00Z", "2024-02-29T23:59:59Z"),
	R("last month", INT64_C(1704067200), "2023-12-01T00:00:00Z",
	  "2023-12-31T23:59:59Z"),
	R("this year", NOW, "2024-01-01T00:00:00Z", "2024-12-31T23:59:59Z"),
	R("last year", NOW, "2023-01-01T00:00:00Z", "2023-12-31T23:59:59Z"),
	R("Last  Week", NOW, "2024-03-18T00:00:00Z", "2024-03-24T23:59:59Z"),
	R("\"last week\"", NOW, "2024-03-18T00:00:00Z",
	  "2024-03-24T23:59:59Z"),
	R(" \" this month \" ", NOW, "2024-03-01T00:00:00Z",
	  "2024-03-31T23:59:59Z"),
	R("last month..", NOW, "2024-02-01T00:00:00Z", ""),
	/* Before 1970, days still start at midnight. */
	R("yesterday", INT64_C(-43200) /* 1969-12-31T12:00Z */,
	  "1969-12-30T00:00:00Z", "1969-12-30T23:59:59Z"),
	R("1969", NOW, "1969-01-01T00:00:00Z", "1969-12-31T23:59:59Z"),
	/* Not ranges. */
	BAD(""),
	BAD("   "),
	BAD("\"\""),
	BAD("2004-13"),
	BAD("2004-00"),
	BAD("2004-1"),
	BAD("200"),
	BAD(".."),
	BAD("..."),
	BAD("2004...2005"),
	BAD("2004..2005..2006"),
	BAD("7x"),
	BAD("d"),
	BAD("7"),
	BAD("-7d"),
	BAD("1234567d"),
	BAD("last decade"),
	BAD("lastweek"),
	BAD("last week ago"),
	BAD("2004-01..2003-01"),
	BAD("today..yesterday"),
	BAD("2023-02-30"),
	BAD("\"last week"),
};

static void fmt(int64_t t, char buf[LEDE_DATE_BUFSIZE])
{
	if (t == LEDE_NO_DATE)
		buf[0] = '\0';
	else
		lede_date_format(t, buf);
}

int main(void)
{
	size_t i;
	int64_t from, to;

	for (i = 0; i < sizeof cases / sizeof *cases; i++) {
		const rcase_t *c = &cases[i];
		char got_from[LEDE_DATE_BUFSIZE], got_to[LEDE_DATE_BUFSIZE];
		lede_status_t st;

		from = to = 0;
		st = lede_date_range_parse(c->text, strlen(c->text), c->now,
					   &from, &to);
		if (!c->want_from) {
			if (st == LEDE_BAD_INPUT) {
				check_passed++;
			} else {
				check_failed++;
				fprintf(stderr, "%s:%d: '%s' gave %d, want "
					"LEDE_BAD_INPUT\n", __FILE__, c->line,
					c->text, (int)st);
			}
			continue;
		}
		fmt(from, got_from);
		fmt(to, got_to);
		if (st == LEDE_OK && !strcmp(got_from, c->want_from) &&
		    !strcmp(got_to, c->want_to)) {
			check_passed++;
		} else {
			check_failed++;
			fprintf(stderr, "%s:%d: '%s' gave %d [%s, %s], want "
				"[%s, %s]\n", __FILE__, c->line, c->text,
				(int)st, got_from, got_to, c->want_from,
				c->want_to);
		}
	}

	/* NUL-terminated text, and misuse. */
	CHECK_INT(lede_date_range_parse("2004", LEDE_NTS, NOW, &from, &to),
		  LEDE_OK);
	CHECK_INT(from, INT64_C(1072915200));
	CHECK_INT(to, INT64_C(1104537599));
	/* Only the given length is read. */
	CHECK_INT(lede_date_range_parse("2004-01..junk", 7, NOW, &from, &to),
		  LEDE_OK);
	CHECK_INT(to, INT64_C(1075593599));
	CHECK_INT(lede_date_range_parse(NULL, 0, NOW, &from, &to),
		  LEDE_MISUSE);
	CHECK_INT(lede_date_range_parse("2004", 4, NOW, NULL, &to),
		  LEDE_MISUSE);
	CHECK_INT(lede_date_range_parse("2004", 4, NOW, &from, NULL),
		  LEDE_MISUSE);
	/* A `now` far outside any calendar reads no relative form. */
	CHECK_INT(lede_date_range_parse("today", 5, INT64_MAX, &from, &to),
		  LEDE_BAD_INPUT);
	CHECK_INT(lede_date_range_parse("7d", 2, INT64_MIN, &from, &to),
		  LEDE_BAD_INPUT);
	return CHECK_DONE();
}
