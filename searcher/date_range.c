/* date_range.c: dates and date ranges as people write them in queries.
 * SPDX-License-Identifier: MIT
 *
 * A range is "A..B", "A..", "..B" or a lone A, where each side is a
 * period: a year ("2004"), a month ("2004-01"), a day in any form
 * lede_date_parse reads, an instant (a date with a clock time), or a
 * period counted back from `now` ("yesterday", "7d", "last week"). A
 * range runs from the start of its first period to the end of its last,
 * so "2004-01..2004-06" takes in all of June. Days, weeks, months and
 * years are UTC's: an index holds articles from every time zone, and
 * UTC is what it stores.
 */
#include <string.h>

#include "date.h"
#include "lede.h"

#define DAY 86400

/* A stretch of time, both ends inclusive, in seconds since 1970 UTC. */
typedef struct period {
	int64_t start, end;
} period_t;

static int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
	       c == '\f' || c == '\v';
}

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static char lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

static void trim(const char **s, size_t *len)
{
	while (*len > 0 && is_space((*s)[*len - 1]))
		(*len)--;
	while (*len > 0 && is_space(**s)) {
		(*s)++;
		(*len)--;
	}
}

/* Floor division, so that instants before 1970 fall in the right day. */
static int64_t floor_div(int64_t a, int64_t b)
{
	int64_t q = a / b;

	return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

/* The date of the day that is `day` days from 1970-01-01, found through
 * ldi_days_from_civil: a guess at the year from the mean Gregorian year
 * (146097 days in 400 years), put right, then the month. */
static void civil_from_days(int64_t day, int64_t *y, int *m, int *d)
{
	int64_t year = 1970 + floor_div(day * 400, 146097);
	int month = 12;

	while (ldi_days_from_civil(year, 1, 1) > day)
		year--;
	while (ldi_days_from_civil(year + 1, 1, 1) <= day)
		year++;
	while (ldi_days_from_civil(year, month, 1) > day)
		month--;
	*y = year;
	*m = month;
	*d = (int)(day - ldi_days_from_civil(year, month, 1)) + 1;
}

static period_t days(int64_t first_day, int64_t n_days)
{
	period_t p;

	p.start = first_day * DAY;
	p.end = (first_day + n_days) * DAY - 1;
	return p;
}

static period_t month_of(int64_t y, int m)
{
	return days(ldi_days_from_civil(y, m, 1),
		    ldi_days_in_month((int)y, m));
}

static period_t year_of(int64_t y)
{
	return days(ldi_days_from_civil(y, 1, 1),
		    ldi_days_from_civil(y + 1, 1, 1) -
			    ldi_days_from_civil(y, 1, 1));
}

/* 1 when s (len bytes) is the words of phrase, ignoring case, with any
 * run of spaces between them. */
static int words_are(const char *s, size_t len, const char *phrase)
{
	size_t i = 0;

	for (; *phrase; phrase++) {
		if (*phrase == ' ') {
			if (i >= len || !is_space(s[i]))
				return 0;
			while (i < len && is_space(s[i]))
				i++;
			continue;
		}
		if (i >= len || lower(s[i]) != *phrase)
			return 0;
		i++;
	}
	return i == len;
}

/* The day that is n months before day `today`, its day of the month
 * clamped to the shorter month ("1m" on 31 March is 28 or 29 February). */
static int64_t months_back(int64_t today, int64_t n)
{
	int64_t y, months;
	int m, d, dim;

	civil_from_days(today, &y, &m, &d);
	months = y * 12 + (m - 1) - n;
	y = floor_div(months, 12);
	m = (int)(months - y * 12) + 1;
	dim = ldi_days_in_month((int)y, m);
	return ldi_days_from_civil(y, m, d > dim ? dim : d);
}

/* "today", "this week", "7d"...: 1 and *out set, else 0. */
static int relative(const char *s, size_t len, int64_t now, period_t *out)
{
	int64_t today = floor_div(now, DAY), y, n = 0;
	/* 1970-01-01 was a Thursday: day 0 is weekday 3 counting from
	 * Monday, as ISO weeks do. */
	int64_t monday = today - (today + 3 - floor_div(today + 3, 7) * 7);
	int m, d;
	size_t i;

	/* Some three million years either side of 1970: beyond that the
	 * arithmetic below could overflow, and no news is dated there. */
	if (now < -INT64_C(100000000000000) || now > INT64_C(100000000000000))
		return 0;
	civil_from_days(today, &y, &m, &d);
	if (words_are(s, len, "today")) {
		*out = days(today, 1);
	} else if (words_are(s, len, "yesterday")) {
		*out = days(today - 1, 1);
	} else if (words_are(s, len, "this week")) {
		*out = days(monday, 7);
	} else if (words_are(s, len, "last week")) {
		*out = days(monday - 7, 7);
	} else if (words_are(s, len, "this month")) {
		*out = month_of(y, m);
	} else if (words_are(s, len, "last month")) {
		*out = m == 1 ? month_of(y - 1, 12) : month_of(y, m - 1);
	} else if (words_are(s, len, "this year")) {
		*out = year_of(y);
	} else if (words_are(s, len, "last year")) {
		*out = year_of(y - 1);
	} else {
		/* "7d", "2w", "3m", "1y": the day that long ago. Six digits
		 * reach back far enough and keep the sums far from
		 * overflowing. */
		for (i = 0; i + 1 < len && is_digit(s[i]); i++) {
			if (i == 6)
				return 0;
			n = n * 10 + (s[i] - '0');
		}
		if (i == 0 || i + 1 != len)
			return 0;
		switch (lower(s[i])) {
		case 'd':
			*out = days(today - n, 1);
			break;
		case 'w':
			*out = days(today - 7 * n, 1);
			break;
		case 'm':
			*out = days(months_back(today, n), 1);
			break;
		case 'y':
			*out = days(months_back(today, 12 * n), 1);
			break;
		default:
			return 0;
		}
	}
	return 1;
}

/* 1 when a date lede_date_parse read had a clock time: a time always has
 * a ':' or an "am"/"pm" right after a digit ("11pm"). */
static int has_time(const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++) {
		if (s[i] == ':')
			return 1;
		if (i > 0 && is_digit(s[i - 1]) && i + 1 < len &&
		    (lower(s[i]) == 'a' || lower(s[i]) == 'p') &&
		    lower(s[i + 1]) == 'm')
			return 1;
	}
	return 0;
}

/* One side of a range (trimmed, not empty). */
static lede_status_t parse_period(const char *s, size_t len, int64_t now,
				  period_t *out)
{
	int64_t t;
	int year, month;

	trim(&s, &len);
	if (len == 0)
		return LEDE_BAD_INPUT;
	if ((len == 4 || (len == 7 && s[4] == '-' && is_digit(s[5]) &&
			  is_digit(s[6]))) &&
	    is_digit(s[0]) && is_digit(s[1]) && is_digit(s[2]) &&
	    is_digit(s[3])) {
		year = (s[0] - '0') * 1000 + (s[1] - '0') * 100 +
		       (s[2] - '0') * 10 + (s[3] - '0');
		if (len == 4) {
			*out = year_of(year);
			return LEDE_OK;
		}
		month = (s[5] - '0') * 10 + (s[6] - '0');
		if (month < 1 || month > 12)
			return LEDE_BAD_INPUT;
		*out = month_of(year, month);
		return LEDE_OK;
	}
	if (relative(s, len, now, out))
		return LEDE_OK;
	if (lede_date_parse(s, len, &t) != LEDE_OK)
		return LEDE_BAD_INPUT;
	if (has_time(s, len))
		out->start = out->end = t;
	else
		*out = days(floor_div(t, DAY), 1);
	return LEDE_OK;
}

lede_status_t lede_date_range_parse(const char *text, size_t len, int64_t now,
				    int64_t *from, int64_t *to)
{
	const char *dots = NULL;
	period_t a, b;
	size_t i;

	if (!text || !from || !to)
		return LEDE_MISUSE;
	if (len == LEDE_NTS)
		len = strlen(text);
	trim(&text, &len);
	/* date:"last week" reaches us with its quotes. */
	if (len >= 2 && text[0] == '"' && text[len - 1] == '"') {
		text++;
		len -= 2;
		trim(&text, &len);
	}
	if (len == 0)
		return LEDE_BAD_INPUT;
	for (i = 0; i + 1 < len; i++) {
		if (text[i] == '.' && text[i + 1] == '.') {
			dots = text + i;
			break;
		}
	}
	if (!dots) {
		if (parse_period(text, len, now, &a) != LEDE_OK)
			return LEDE_BAD_INPUT;
		*from = a.start;
		*to = a.end;
		return LEDE_OK;
	}

	size_t alen = (size_t)(dots - text), blen = len - alen - 2;
	const char *bs = dots + 2;
	trim(&text, &alen);
	trim(&bs, &blen);
	if (alen == 0 && blen == 0)
		return LEDE_BAD_INPUT;
	a.start = LEDE_NO_DATE;
	b.end = LEDE_NO_DATE;
	if (alen > 0 && parse_period(text, alen, now, &a) != LEDE_OK)
		return LEDE_BAD_INPUT;
	if (blen > 0 && parse_period(bs, blen, now, &b) != LEDE_OK)
		return LEDE_BAD_INPUT;
	if (alen > 0 && blen > 0 && a.start > b.end)
		return LEDE_BAD_INPUT;
	*from = a.start;
	*to = b.end;
	return LEDE_OK;
}
