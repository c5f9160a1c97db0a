/* date.c: ISO 8601 dates to and from seconds since 1970 UTC.
 * SPDX-License-Identifier: MIT
 *
 * The calendar arithmetic is our own (Howard Hinnant's days-from-civil
 * algorithms) rather than timegm or mktime: timegm is not standard C,
 * mktime depends on the process's time zone, and both are limited by
 * time_t on some systems. These functions are pure and work for any year.
 */
#include "lede.h"
#include "date.h"

#include <stdio.h>
#include <string.h>

/* Days from 1970-01-01 to y-m-d in the proleptic Gregorian calendar. */
static int64_t days_from_civil(int64_t y, int m, int d)
{
	int64_t era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

/* The inverse: the date of the day that is z days from 1970-01-01. */
static void civil_from_days(int64_t z, int64_t *y, int *m, int *d)
{
	int64_t era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = yoe + era * 400 + (*m <= 2);
}

static int is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int days_in_month(int y, int m)
{
	static const int days[12] = {31, 28, 31, 30, 31, 30,
				     31, 31, 30, 31, 30, 31};

	return m == 2 && is_leap(y) ? 29 : days[m - 1];
}

static int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
	       c == '\f' || c == '\v';
}

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Reads exactly n digits at s[*pos] into *out; 0 if they are not there. */
static int read_digits(const char *s, size_t len, size_t *pos, int n,
		       int *out)
{
	int v = 0, k;

	if (len - *pos < (size_t)n)
		return 0;
	for (k = 0; k < n; k++) {
		char c = s[*pos + (size_t)k];

		if (!is_digit(c))
			return 0;
		v = v * 10 + (c - '0');
	}
	*pos += (size_t)n;
	*out = v;
	return 1;
}

/* Accepts the extended forms only (with '-' and ':'): a compact
 * "20041231" is as likely to be an id or a count as a date. */
static lede_status_t parse_iso(const char *text, size_t len, int64_t *out)
{
	size_t pos = 0;
	/* Set by read_digits; zero only so -O3 sees them set on every path. */
	int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
	int zone = 0; /* seconds east of UTC */
	int64_t days;

	if (!read_digits(text, len, &pos, 4, &year) || pos >= len ||
	    text[pos++] != '-' || !read_digits(text, len, &pos, 2, &month) ||
	    pos >= len || text[pos++] != '-' ||
	    !read_digits(text, len, &pos, 2, &day))
		return LEDE_BAD_INPUT;
	if (month < 1 || month > 12 || day < 1 ||
	    day > days_in_month(year, month))
		return LEDE_BAD_INPUT;

	if (pos < len) {
		char sep = text[pos++];

		if (sep != 'T' && sep != 't' && sep != ' ')
			return LEDE_BAD_INPUT;
		if (!read_digits(text, len, &pos, 2, &hour) || pos >= len ||
		    text[pos++] != ':' ||
		    !read_digits(text, len, &pos, 2, &minute))
			return LEDE_BAD_INPUT;
		if (pos < len && text[pos] == ':') {
			pos++;
			if (!read_digits(text, len, &pos, 2, &second))
				return LEDE_BAD_INPUT;
			/* A fraction of a second is allowed but dropped:
			 * dates are kept to the second. */
			if (pos < len &&
			    (text[pos] == '.' || text[pos] == ',')) {
				pos++;
				if (pos >= len || !is_digit(text[pos]))
					return LEDE_BAD_INPUT;
				while (pos < len && is_digit(text[pos]))
					pos++;
			}
		}
		/* Second 60 is a leap second (RFC 3339 allows it); it
		 * counts as the first second of the next minute. */
		if (hour > 23 || minute > 59 || second > 60)
			return LEDE_BAD_INPUT;
		if (pos < len && (text[pos] == 'Z' || text[pos] == 'z')) {
			pos++;
		} else if (pos < len &&
			   (text[pos] == '+' || text[pos] == '-')) {
			int sign = text[pos++] == '-' ? -1 : 1;
			int zh, zm = 0;

			if (!read_digits(text, len, &pos, 2, &zh))
				return LEDE_BAD_INPUT;
			if (pos < len && text[pos] == ':') {
				pos++;
				if (!read_digits(text, len, &pos, 2, &zm))
					return LEDE_BAD_INPUT;
			} else if (pos < len) {
				if (!read_digits(text, len, &pos, 2, &zm))
					return LEDE_BAD_INPUT;
			}
			if (zh > 23 || zm > 59)
				return LEDE_BAD_INPUT;
			zone = sign * (zh * 3600 + zm * 60);
		}
		if (pos != len)
			return LEDE_BAD_INPUT;
	}

	days = days_from_civil(year, month, day);
	*out = days * 86400 + hour * 3600 + minute * 60 + second - zone;
	return LEDE_OK;
}

int64_t ldi_days_from_civil(int64_t y, int m, int d)
{
	return days_from_civil(y, m, d);
}

int ldi_days_in_month(int y, int m)
{
	return days_in_month(y, m);
}

int ldi_date_parse_iso(const char *text, size_t len, int64_t *out)
{
	return parse_iso(text, len, out) == LEDE_OK;
}

/* Surrounding whitespace is allowed because exports pad their fields. */
lede_status_t lede_date_parse(const char *text, size_t len, int64_t *out)
{
	if (!text || !out)
		return LEDE_MISUSE;
	if (len == LEDE_NTS)
		len = strlen(text);
	while (len > 0 && is_space(text[len - 1]))
		len--;
	while (len > 0 && is_space(*text)) {
		text++;
		len--;
	}
	if (parse_iso(text, len, out) == LEDE_OK)
		return LEDE_OK;
	return ldi_date_parse_text(text, len, out) ? LEDE_OK
						   : LEDE_BAD_INPUT;
}

void lede_date_format(int64_t date, char buf[LEDE_DATE_BUFSIZE])
{
	int64_t days = date / 86400, rem = date % 86400, year;
	int month, day, secs;
	const char *sign = "";
	unsigned long long ayear;

	if (!buf)
		return;
	/* Floor division: C truncates towards zero, but 1969-12-31T23:59:59
	 * is day -1, second 86399. */
	if (rem < 0) {
		rem += 86400;
		days--;
	}
	secs = (int)rem;
	civil_from_days(days, &year, &month, &day);
	/* Years outside 0-9999 get ISO 8601's expanded form with a sign;
	 * even the extreme years of int64_t fit LEDE_DATE_BUFSIZE. */
	if (year < 0) {
		sign = "-";
		ayear = (unsigned long long)(-year);
	} else {
		ayear = (unsigned long long)year;
		if (year > 9999)
			sign = "+";
	}
	snprintf(buf, LEDE_DATE_BUFSIZE, "%s%04llu-%02d-%02dT%02d:%02d:%02dZ",
		 sign, ayear, month, day, secs / 3600, secs / 60 % 60,
		 secs % 60);
}
