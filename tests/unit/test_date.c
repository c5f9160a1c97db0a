/* test_date.c: unit tests for ISO 8601 date parsing and formatting.
 * SPDX-License-Identifier: MIT
 */
#include <string.h>

#include "check.h"
#include "lede.h"

/* A form that parses, and the seconds it gives. */
struct good_date {
	const char *text;
	int64_t want;
};

static const struct good_date good[] = {
	{"1970-01-01", 0},
	{"1970-01-01T00:00:00Z", 0},
	{"1970-01-02", 86400},
	{"1969-12-31", -86400},
	{"1969-12-31T23:59:59Z", -1},
	{"1900-01-01", -2208988800LL},
	{"1600-03-01", -11670912000LL},
	{"0000-01-01", -62167219200LL},
	{"9999-12-31T23:59:59Z", 253402300799LL},
	{"2000-01-01", 946684800},
	{"2004-12-31", 1104451200},
	{"2004-12-31T23:59Z", 1104537540},
	{"2004-12-31T23:59:58Z", 1104537598},
	{"2004-12-31t23:59:58z", 1104537598},
	{"2004-12-31 23:59:58", 1104537598},	/* no zone: UTC */
	{"2004-12-31T23:59", 1104537540},
	{"2004-12-31T23:59:58.25+01:00", 1104537598 - 3600},
	{"2004-12-31T23:59:58,999Z", 1104537598}, /* fraction dropped */
	{"2004-12-31T23:59:58+0100", 1104537598 - 3600},
	{"2004-12-31T23:59:58+01", 1104537598 - 3600},
	{"2004-12-31T23:59:58-05:30", 1104537598 + 5 * 3600 + 1800},
	{"2004-12-31T23:59:58-00:00", 1104537598},
	{"2004-12-31T23:59+01:00", 1104537540 - 3600},
	{"2016-12-31T23:59:60Z", 1483228800},	/* leap second */
	{"  2004-12-31 \n", 1104451200},	/* padded */
	{"2000-02-29", 951782400},		/* leap: divisible by 400 */
	{"2004-02-29", 1078012800},
	{"2023-10-01T23:05:42+00:00", 1696201542},
	{"2022-09-23", 1663891200},
	/* RFC 822 / 5322, as feeds and mail write it. */
	{"Fri, 31 Dec 2004 23:59:58 GMT", 1104537598},
	{"Fri, 31 Dec 2004 23:59:58 +0000", 1104537598},
	{"Fri, 31 Dec 2004 23:59:58 -0500 (EST)", 1104537598 + 5 * 3600},
	{"31 Dec 2004 23:59:58 EST", 1104537598 + 5 * 3600},
	{"Fri, 31 Dec 04 23:59 BST", 1104537540 - 3600},
	{"Tue, 20 Apr 93 12:00:00 GMT", 735307200},
	{"Tue Apr 20 12:00:00 1993", 735307200},	/* asctime */
	{"Tue, 14 Nov 2023 10:00:00 CET", 1699956000 - 3600},
	{"Tue, 14 Nov 2023 10:00:00 IST", 1699956000 - 5 * 3600 - 1800},
	/* What old mail and news write (read_message.c's forms). */
	{"20 Apr 93 08:15:30 EDT", 735308130},
	{"Tue Apr 20 1993 12:00:00", 735307200},
	{"Tuesday, 20-Apr-93 12:00:00 UT", 735307200},
	{"Tue, 20 Apr 1993 13:00 +0100", 735307200},
	{"20 Apr 1993 04:00:00 PST", 735307200},
	{"20 Apr 1993 05:00:00 PDT", 735307200},
	{"20 Apr 1993 06:00:00 CST", 735307200},
	{"20 Apr 1993 07:00:00 CDT", 735307200},
	{"20 Apr 1993 05:00:00 MST", 735307200},
	{"20 Apr 1993 06:00:00 MDT", 735307200},
	{"20 Apr 1993 12:00:00 Z", 735307200},
	{"20 Apr 1993 12:00:00", 735307200},
	{"20 Apr 1993 12:00:00 +05:30", 735307200 - 19800},
	{"Thu, 29 Feb 2024 23:59:59 -0800", 1709279999},
	{"1 Jan 49 00:00:00 GMT", 2493072000LL},
	{"1 Jan 50 00:00:00 GMT", -631152000},
	{"Fri, 31 Dec 1999 23:59:60 GMT", 946684800},
	/* RFC 5322 section 4.3: military letters and unknown zones are
	 * UTC, three-digit years are 1900 on. Only in its exact shape. */
	{"20 Apr 1993 12:00:00 A", 735307200},
	{"20 Apr 1993 12:00:00 N", 735307200},
	{"20 Apr 1993 12:00:00 MEST", 735307200},
	{"Tue, 20 Apr 1993 12:00 NZST", 735307200},
	{"20-Apr-93 12:00:00 MEST", 735307200},
	{"Fri, 31 Dec 100 23:59:59 GMT", 978307199},
	{"31 Dec 100 23:59:59 -0100", 978307199 + 3600},
	/* Comments, anywhere, nested, spaced, quoted. */
	{"Tue, 20 Apr 1993 07:00:00 -0500 (Eastern Standard Time)",
	 735307200},
	{"20 Apr 1993 12:00:00 MEST (Middle (European) Summer Time)",
	 735307200},
	{"Tue, (x) 20 Apr 1993 12:00:00 GMT(a \\) b)", 735307200},
	/* What pages write. */
	{"12 March 2024", 1710201600},
	{"12th March 2024", 1710201600},
	{"March 12, 2024", 1710201600},
	{"Tuesday 12 March 2024 3:05pm", 1710201600 + 15 * 3600 + 300},
	{"March 12, 2024 3:05 PM EST", 1710201600 + 20 * 3600 + 300},
	{"Sept. 5, 2023", 1693872000},
	{"12-Mar-2024", 1710201600},
	{"2024/03/12", 1710201600},
	{"2024.03.12 08:00", 1710201600 + 8 * 3600},
	/* ISO, spaced out. */
	{"2023-10-17 00:51:22 +0000", 1697503882},
	{"2004-12-31T23:59:58 +01:00", 1104537598 - 3600},
	{"2004-12-31T23:59:58 UTC", 1104537598},
	{"2023-10-17T00:51:22.334756 GMT", 1697503882},
};

static const char *const bad[] = {
	"",
	"   ",
	"2004",
	"2004-12",
	"20041231",
	"2004-1-31",
	"2004-12-1",
	"04-12-31",
	"2004-00-10",
	"2004-13-01",
	"2004-12-00",
	"2004-12-32",
	"2004-04-31",
	"1900-02-29",	/* not leap: divisible by 100 */
	"2003-02-29",
	"2100-02-29",
	"2004-12-31T",
	"2004-12-31T24:00",
	"2004-12-31T23:60",
	"2004-12-31T23:59:61",
	"2004-12-31T23",
	"2004-12-31T23:5",
	"2004-12-31T23:59:5",
	"2004-12-31T23:59:58.",
	"2004-12-31T23:59:58.Z",
	"2004-12-31T23:59.5",
	"2004-12-31X23:59",
	"2004-12-31T23:59:58+1",
	"2004-12-31T23:59:58+01:",
	"2004-12-31T23:59:58+01:0",
	"2004-12-31T23:59:58+24:00",
	"2004-12-31T23:59:58+01:60",
	"2004-12-31T23:59:58+010",
	"2004-12-31T23:59:58ZZ",
	"2004-12-31Z",
	"2004-12-31 x",
	"31/12/2004",
	"-2004-12-31",
	"+2004-12-31",
	/* The forms of feeds and mail, broken. */
	"Fri, 31 Dec 2004 23:59:58 XYZ1",
	"Fri, 32 Dec 2004",
	"31 Febuary 2004",
	"31 Feb 2004",
	"March 2024",
	"12 March",
	"12 March 2024 pm",
	"12 March 2024 13:00 pm",
	"12 March 2024 12:00 GMT GMT",
	"12 12 2024",
	"03/12/2024",
	"12.03.2024",
	"2024-03-12 x",
	"2024-3-12 10:00",
	"Tuesday",
	"12 March 2024 and more",
	"2004-12-31T23:59:58+01:00 UTC",
	/* Mail and news forms, broken. */
	"30 Feb 1993 10:00:00 GMT",
	"20 Apr 1993 25:00:00 GMT",
	"Tue, 20 Foo 1993 12:00:00",
	"yesterday",
	"123 Apr 1993",
	"1 Jan 1",
	"Mon Apr 99",
	/* An unknown zone anywhere but after an RFC 5322 date-time. */
	"20 Apr 1993 12:00:00 J",	/* J is local time: unknown */
	"20 Apr 1993 12:00:00 Mest",	/* zones are in capitals */
	"12 March 2024 10:00 Uhr",
	"20 Apr 1993 12:00:00 AB",
	"20 Apr 1993 12:00:00 EASTERN",
	"20 Apr 1993 MEST",
	"MEST 20 Apr 1993 12:00:00",
	"20 Apr 1993 MEST 12:00:00",
	"Apr 20 1993 12:00:00 MEST",
	"Tue Apr 20 12:00:00 1993 MEST",
	"20 Apr 1993 12:00 pm MEST",
	"at 20 Apr 1993 12:00 MEST",
	"20 Apr 1993 12:00:00 +0000 MEST",
	"20 Apr 1993 12:00:00 MEST MEST",
	"20 Apr 1993 12:00:00 MEST 10",
	"2004-12-31T23:59:58 MEST",
	"2024-03-12 10:00 MEST",
	/* Three-digit years outside that shape. */
	"31 Dec 100 23:59:59",
	"31 Dec 100",
	"12 March 124",
	"Dec 31 100 23:59:59 GMT",
	"100 Dec 31 23:59:59 GMT",
	"31 Dec 100 11:59 pm GMT",
	/* Comments that do not close. */
	"20 Apr 1993 12:00:00 (unclosed",
	"20 Apr 1993 (a (b) 12:00",
	"20 Apr 1993 12:00:00 GMT (a \\)",
	"(EST)",
};

static void test_good(void)
{
	size_t i;

	for (i = 0; i < sizeof good / sizeof good[0]; i++) {
		int64_t got = 42;
		lede_status_t st = lede_date_parse(good[i].text, LEDE_NTS,
						   &got);

		if (st != LEDE_OK || got != good[i].want)
			fprintf(stderr, "good date '%s':\n", good[i].text);
		CHECK_INT(st, LEDE_OK);
		CHECK_INT(got, good[i].want);
	}
}

static void test_bad(void)
{
	size_t i;

	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		int64_t got = 42;
		lede_status_t st = lede_date_parse(bad[i], LEDE_NTS, &got);

		if (st != LEDE_BAD_INPUT)
			fprintf(stderr, "bad date '%s':\n", bad[i]);
		CHECK_INT(st, LEDE_BAD_INPUT);
	}
}

static void test_args(void)
{
	int64_t got = 42;

	CHECK_INT(lede_date_parse(NULL, 0, &got), LEDE_MISUSE);
	CHECK_INT(lede_date_parse("2004-12-31", 10, NULL), LEDE_MISUSE);
	/* Only len bytes count. */
	CHECK_INT(lede_date_parse("2004-12-31T23:59Z", 10, &got), LEDE_OK);
	CHECK_INT(got, 1104451200);
	CHECK_INT(lede_date_parse("2004-12-31", 7, &got), LEDE_BAD_INPUT);
	CHECK_INT(lede_date_parse("2004-12-31\0" "T10:00", 16, &got),
		  LEDE_BAD_INPUT);
}

static void test_format(void)
{
	char buf[LEDE_DATE_BUFSIZE];

	lede_date_format(0, buf);
	CHECK_STR(buf, "1970-01-01T00:00:00Z");
	lede_date_format(-1, buf);
	CHECK_STR(buf, "1969-12-31T23:59:59Z");
	lede_date_format(-86400, buf);
	CHECK_STR(buf, "1969-12-31T00:00:00Z");
	lede_date_format(-86401, buf);
	CHECK_STR(buf, "1969-12-30T23:59:59Z");
	lede_date_format(1104537598, buf);
	CHECK_STR(buf, "2004-12-31T23:59:58Z");
	lede_date_format(951782400, buf);
	CHECK_STR(buf, "2000-02-29T00:00:00Z");
	lede_date_format(-62167219200LL, buf);
	CHECK_STR(buf, "0000-01-01T00:00:00Z");
	lede_date_format(253402300799LL, buf);
	CHECK_STR(buf, "9999-12-31T23:59:59Z");
	/* Outside years 0-9999: ISO 8601's expanded years, in bounds. */
	lede_date_format(253402300800LL, buf);
	CHECK_STR(buf, "+10000-01-01T00:00:00Z");
	lede_date_format(-62167219201LL, buf);
	CHECK_STR(buf, "-0001-12-31T23:59:59Z");
	lede_date_format(INT64_MAX, buf);
	CHECK(strlen(buf) < LEDE_DATE_BUFSIZE && buf[0] == '+');
	lede_date_format(INT64_MIN, buf);
	CHECK(strlen(buf) < LEDE_DATE_BUFSIZE && buf[0] == '-');
	lede_date_format(INT64_MIN + 1, buf);
	CHECK(strlen(buf) < LEDE_DATE_BUFSIZE);
}

/* Format then parse gives back the same second, over years 0-9999, on
 * odd steps so that many days, hours and seconds are visited. */
static void test_round_trip(void)
{
	const int64_t lo = -62167219200LL, hi = 253402300799LL;
	int64_t t;
	size_t fails = 0, n = 0;

	for (t = lo; t <= hi; t += 9876543 + (t & 0xFFFF)) {
		char buf[LEDE_DATE_BUFSIZE];
		int64_t back = 0;

		lede_date_format(t, buf);
		if (lede_date_parse(buf, LEDE_NTS, &back) != LEDE_OK ||
		    back != t) {
			if (fails++ == 0)
				fprintf(stderr, "round trip of %lld: %s\n",
					(long long)t, buf);
		}
		n++;
	}
	CHECK_INT(fails, 0);
	CHECK(n > 10000);

	/* Every day from 1899 to 2101, which holds the leap-year rules'
	 * three cases, parses back from its formatted date alone. */
	for (t = -2240524800LL; t < 4133980800LL; t += 86400) {
		char buf[LEDE_DATE_BUFSIZE];
		int64_t back = 0;

		lede_date_format(t, buf);
		buf[10] = '\0';
		if (lede_date_parse(buf, LEDE_NTS, &back) != LEDE_OK ||
		    back != t) {
			if (fails++ == 0)
				fprintf(stderr, "day %lld: %s\n",
					(long long)t, buf);
		}
	}
	CHECK_INT(fails, 0);
}

int main(void)
{
	test_good();
	test_bad();
	test_args();
	test_format();
	test_round_trip();
	return CHECK_DONE();
}
