/* date_text.c: the date forms feeds, mail and web pages write.
 * SPDX-License-Identifier: MIT
 *
 * The text is cut at spaces and commas into words, and each word is
 * classified on its own: a weekday (ignored), a month name, a day or year
 * number, an ISO date, a clock time, "am"/"pm", a zone. Then the parts
 * must make exactly one date: one month, one day, one year, at most one
 * time and one zone. Anything left over makes the whole text a non-date,
 * because a wrong date sorts an article into the wrong place in every
 * timeline, while a missing one only leaves it out.
 *
 * Mail and news add three old forms, accepted only in the exact shape of
 * an RFC 5322 date-time ("[weekday] day month year time zone"), where
 * they cannot be mistaken for anything else: a zone in capitals we do
 * not know ("MEST"), or a military letter ("A"), which RFC 5322 says to
 * read as UTC; and a three-digit year, which it says to read as 1900
 * plus the number (a Y2K bug's "31 Dec 100"). Comments in parentheses
 * ("(Eastern Standard Time)") are skipped wherever they are, as RFC 5322
 * allows.
 */
#include <stdint.h>
#include <string.h>

#include "date.h"

/* Most words whose kinds are kept for the RFC 5322 shape test. */
#define MAX_WORDS 8

/* What a word of the text was taken for. */
enum word_kind {
	W_WEEKDAY,
	W_FILLER,	/* "at", "of", "on" */
	W_MONTH,
	W_AMPM,
	W_ZONE,		/* a zone we know, named or numeric */
	W_ODD_ZONE,	/* capitals we do not know, read as UTC */
	W_TIME,
	W_ISO,		/* "2004-12-31T23:59:58" */
	W_YMD,		/* "2024-03-12" */
	W_DMY,		/* "12-Mar-2024" */
	W_DAY_NUM,	/* a number of one or two digits */
	W_YEAR3,	/* three digits */
	W_YEAR4,	/* four digits */
	W_ORDINAL	/* "12th" */
};

typedef struct parts {
	int year, month, day;	/* 0: not seen */
	int year_digits;
	int hour, minute, second; /* hour -1: no time */
	int ampm;		/* 0 none, 1 am, 2 pm */
	int zone;		/* seconds east of UTC */
	int have_zone;
	int numbers[3];		/* bare numbers, in order */
	int digits[3];
	int n_numbers;
	int odd_zone;		/* the zone is a W_ODD_ZONE */
	enum word_kind words[MAX_WORDS]; /* what each word was */
	size_t n_words;		/* may pass MAX_WORDS: then not RFC 5322 */
} parts_t;

static int lower(char c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static int is_alpha(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* w (n bytes) equals lower-case word, ignoring case. */
static int word_is(const char *w, size_t n, const char *word)
{
	size_t i;

	if (strlen(word) != n)
		return 0;
	for (i = 0; i < n; i++)
		if (lower(w[i]) != word[i])
			return 0;
	return 1;
}

static const char *const month_names[12] = {
	"january", "february", "march", "april", "may", "june", "july",
	"august", "september", "october", "november", "december"};
static const char *const day_names[7] = {
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
	"sunday"};

/* 1 when w is name, its first three letters, or (for September and the
 * days) a common four-letter form ("Sept", "Tues", "Thur"). */
static int name_matches(const char *w, size_t n, const char *name)
{
	size_t i, len = strlen(name);

	if (n < 3 || n > len)
		return 0;
	if (n != 3 && n != len && !(n == 4 && (!strcmp(name, "september") ||
					       !strcmp(name, "tuesday") ||
					       !strcmp(name, "thursday"))))
		return 0;
	for (i = 0; i < n; i++)
		if (lower(w[i]) != name[i])
			return 0;
	return 1;
}

static int month_of(const char *w, size_t n)
{
	int m;

	for (m = 0; m < 12; m++)
		if (name_matches(w, n, month_names[m]))
			return m + 1;
	return 0;
}

static int is_weekday(const char *w, size_t n)
{
	int d;

	for (d = 0; d < 7; d++)
		if (name_matches(w, n, day_names[d]))
			return 1;
	return 0;
}

/* Zone abbreviations mail and feeds use; RFC 5322 lists the American
 * ones, the European ones are common in British and Polish feeds. */
static const struct {
	const char *name;
	int minutes; /* east of UTC */
} zone_names[] = {
	/* IST is India's here: of its three meanings, the one news feeds
	 * (The Times of India, ...) write. */
	{"ut", 0},	 {"utc", 0},	{"gmt", 0},    {"z", 0},
	{"wet", 0},	 {"bst", 60},	{"cet", 60},   {"west", 60},
	{"cest", 120},	 {"eet", 120},	{"eest", 180}, {"msk", 180},
	{"ist", 330},	 {"est", -300}, {"edt", -240}, {"cst", -360},
	{"cdt", -300},	 {"mst", -420}, {"mdt", -360}, {"pst", -480},
	{"pdt", -420},	 {"jst", 540},	{"aest", 600}, {"aedt", 660}};

static int zone_of(const char *w, size_t n, int *zone)
{
	size_t i;

	for (i = 0; i < sizeof zone_names / sizeof zone_names[0]; i++)
		if (word_is(w, n, zone_names[i].name)) {
			*zone = zone_names[i].minutes * 60;
			return 1;
		}
	return 0;
}

/* A zone RFC 5322 says to read as UTC when its meaning is unknown: a
 * military letter (any but J, which is local time) or three to five
 * letters. Capitals only: zone abbreviations are written so, while a
 * word in small letters after a time is a word ("10:00 Uhr"). */
static int is_odd_zone(const char *w, size_t n)
{
	size_t i;

	if (n != 1 && (n < 3 || n > 5))
		return 0;
	for (i = 0; i < n; i++)
		if (w[i] < 'A' || w[i] > 'Z')
			return 0;
	return n > 1 || w[0] != 'J';
}

/* Reads 1 to max digits at w[*i]; the count in *nd. */
static int read_number(const char *w, size_t n, size_t *i, int max,
		       int *value, int *nd)
{
	int v = 0, k = 0;

	while (*i < n && is_digit(w[*i]) && k < max) {
		v = v * 10 + (w[*i] - '0');
		(*i)++;
		k++;
	}
	if (k == 0 || (*i < n && is_digit(w[*i])))
		return 0;
	*value = v;
	*nd = k;
	return 1;
}

/* "+0100", "-05:00", "+01": a numeric zone. */
static int numeric_zone(const char *w, size_t n, int *zone)
{
	int sign, h, m = 0;

	if (n < 3 || (w[0] != '+' && w[0] != '-'))
		return 0;
	sign = w[0] == '-' ? -1 : 1;
	if (n == 5 && is_digit(w[1]) && is_digit(w[2]) && is_digit(w[3]) &&
	    is_digit(w[4])) {
		h = (w[1] - '0') * 10 + (w[2] - '0');
		m = (w[3] - '0') * 10 + (w[4] - '0');
	} else if (n == 6 && w[3] == ':' && is_digit(w[1]) &&
		   is_digit(w[2]) && is_digit(w[4]) && is_digit(w[5])) {
		h = (w[1] - '0') * 10 + (w[2] - '0');
		m = (w[4] - '0') * 10 + (w[5] - '0');
	} else if (n == 3 && is_digit(w[1]) && is_digit(w[2])) {
		h = (w[1] - '0') * 10 + (w[2] - '0');
	} else {
		return 0;
	}
	if (h > 23 || m > 59)
		return 0;
	*zone = sign * (h * 3600 + m * 60);
	return 1;
}

/* "10:05", "10:05:30", "10:05:30.25", "3pm", "3:05pm". */
static int clock_time(const char *w, size_t n, parts_t *p)
{
	size_t i = 0;
	int h, m = 0, s = 0, nd;

	if (!read_number(w, n, &i, 2, &h, &nd))
		return 0;
	if (i < n && w[i] == ':') {
		i++;
		if (!read_number(w, n, &i, 2, &m, &nd) || nd != 2)
			return 0;
		if (i < n && w[i] == ':') {
			i++;
			if (!read_number(w, n, &i, 2, &s, &nd) || nd != 2)
				return 0;
			if (i < n && w[i] == '.') {
				i++;
				if (i >= n || !is_digit(w[i]))
					return 0;
				while (i < n && is_digit(w[i]))
					i++;
			}
		}
	} else if (i == n) {
		return 0; /* a bare number is a day or a year */
	}
	if (i < n) {
		if (word_is(w + i, n - i, "am"))
			p->ampm = 1;
		else if (word_is(w + i, n - i, "pm"))
			p->ampm = 2;
		else
			return 0;
	}
	if (h > 23 || m > 59 || s > 60 || p->hour >= 0)
		return 0;
	p->hour = h;
	p->minute = m;
	p->second = s;
	return 1;
}

/* "2024-03-12", "2024/03/12", "2024.03.12", and "12-Mar-2024"; *kind
 * says which. */
static int compound_date(const char *w, size_t n, parts_t *p,
			 enum word_kind *kind)
{
	size_t i = 0, j;
	int a, b, c, nda, ndb, ndc;
	char sep;

	if (!read_number(w, n, &i, 4, &a, &nda) || i >= n)
		return 0;
	sep = w[i];
	if (sep != '-' && sep != '/' && sep != '.')
		return 0;
	i++;
	if (nda == 4) {
		if (!read_number(w, n, &i, 2, &b, &ndb) || ndb != 2 ||
		    i >= n || w[i] != sep)
			return 0;
		i++;
		if (!read_number(w, n, &i, 2, &c, &ndc) || ndc != 2 ||
		    i != n)
			return 0;
		if (p->year || p->month || p->day)
			return 0;
		p->year = a;
		p->year_digits = 4;
		p->month = b;
		p->day = c;
		*kind = W_YMD;
		return 1;
	}
	/* day-Month-year */
	j = i;
	while (j < n && is_alpha(w[j]))
		j++;
	if (j == i || j >= n || w[j] != sep)
		return 0;
	b = month_of(w + i, j - i);
	i = j + 1;
	if (!b || !read_number(w, n, &i, 4, &c, &ndc) || i != n ||
	    (ndc != 2 && ndc != 4) || nda > 2)
		return 0;
	if (p->year || p->month || p->day)
		return 0;
	p->day = a;
	p->month = b;
	p->year = c;
	p->year_digits = ndc;
	*kind = W_DMY;
	return 1;
}

/* A word of letters; 0 when it cannot be part of a date. */
static int alpha_word(const char *w, size_t n, parts_t *p,
		      enum word_kind *kind)
{
	int m;

	if (is_weekday(w, n)) {
		*kind = W_WEEKDAY;
		return 1;
	}
	if (word_is(w, n, "at") || word_is(w, n, "of") ||
	    word_is(w, n, "on")) {
		*kind = W_FILLER;
		return 1;
	}
	if ((m = month_of(w, n)) != 0) {
		if (p->month)
			return 0;
		p->month = m;
		*kind = W_MONTH;
		return 1;
	}
	if (word_is(w, n, "am") || word_is(w, n, "pm")) {
		if (p->ampm)
			return 0;
		p->ampm = word_is(w, n, "am") ? 1 : 2;
		*kind = W_AMPM;
		return 1;
	}
	if (p->have_zone)
		return 0;
	if (zone_of(w, n, &p->zone)) {
		*kind = W_ZONE;
	} else if (is_odd_zone(w, n)) {
		/* Whether it may stand is known only at the end, when the
		 * whole shape of the text is. */
		p->zone = 0;
		p->odd_zone = 1;
		*kind = W_ODD_ZONE;
	} else {
		return 0;
	}
	p->have_zone = 1;
	return 1;
}

/* A word starting with a digit; 0 when it cannot be part of a date. */
static int number_word(const char *w, size_t n, parts_t *p,
		       enum word_kind *kind)
{
	size_t i = 0;
	int v, nd;

	if (clock_time(w, n, p)) {
		*kind = W_TIME;
		return 1;
	}
	if (compound_date(w, n, p, kind))
		return 1;
	if (!read_number(w, n, &i, 4, &v, &nd))
		return 0;
	/* "12th", "1st", "2nd", "3rd" */
	if (i < n && !(n - i == 2 && (word_is(w + i, 2, "st") ||
				      word_is(w + i, 2, "nd") ||
				      word_is(w + i, 2, "rd") ||
				      word_is(w + i, 2, "th"))))
		return 0;
	if (i < n && nd > 2)
		return 0;
	if (p->n_numbers == 3)
		return 0;
	p->numbers[p->n_numbers] = v;
	p->digits[p->n_numbers] = i < n ? 1 : nd; /* ordinals are days */
	p->n_numbers++;
	if (i < n)
		*kind = W_ORDINAL;
	else
		*kind = nd == 4 ? W_YEAR4 : nd == 3 ? W_YEAR3 : W_DAY_NUM;
	return 1;
}

/* One word of the text (n > 0): its kind into *kind; 0 when it cannot
 * be part of a date. */
static int classify(const char *w, size_t n, parts_t *p,
		    enum word_kind *kind)
{
	if (w[n - 1] == '.' && n > 1 && is_alpha(w[n - 2]))
		n--; /* "Sept." "Tue." */
	if (is_alpha(w[0]))
		return alpha_word(w, n, p, kind);
	if (w[0] == '+' || w[0] == '-') {
		if (p->have_zone || !numeric_zone(w, n, &p->zone))
			return 0;
		p->have_zone = 1;
		*kind = W_ZONE;
		return 1;
	}
	if (!is_digit(w[0]))
		return 0;
	return number_word(w, n, p, kind);
}

/* 1 when the words are exactly an RFC 5322 date-time: an optional
 * weekday, then day, month and year (or "20-Apr-93" as one word), a
 * time and a zone. */
static int rfc5322_shape(const parts_t *p)
{
	const enum word_kind *w = p->words;
	size_t n = p->n_words;

	if (n > MAX_WORDS)
		return 0;
	if (n > 0 && w[0] == W_WEEKDAY) {
		w++;
		n--;
	}
	if (n == 5 && w[0] == W_DAY_NUM && w[1] == W_MONTH &&
	    (w[2] == W_DAY_NUM || w[2] == W_YEAR3 || w[2] == W_YEAR4)) {
		w += 3;
		n -= 3;
	} else if (n == 3 && w[0] == W_DMY) {
		w++;
		n--;
	} else {
		return 0;
	}
	return w[0] == W_TIME && (w[1] == W_ZONE || w[1] == W_ODD_ZONE);
}

/* Bare numbers become day and year: a four-digit one is the year; of two
 * short ones the first is the day (RFC 822's "12 Mar 24"), and a year
 * before 50 is 20xx as RFC 5322 says. */
static int assign_numbers(parts_t *p)
{
	int k;

	for (k = 0; k < p->n_numbers; k++) {
		int v = p->numbers[k], nd = p->digits[k];

		if (nd == 4 || nd == 3 || (p->day && !p->year)) {
			if (p->year)
				return 0;
			p->year = v;
			p->year_digits = nd;
		} else if (!p->day) {
			p->day = v;
		} else {
			return 0;
		}
	}
	if (p->year_digits == 2)
		p->year += p->year < 50 ? 2000 : 1900;
	else if (p->year_digits == 3 && rfc5322_shape(p))
		p->year += 1900;
	else if (p->year_digits != 4)
		return 0;
	return 1;
}

/* "2004-12-31T23:59:58" at the start of the text, without a zone of its
 * own: feeds write "2004-12-31T23:59:58 UTC". Sets the day and time. */
static int iso_date_time(const char *w, size_t n, parts_t *p,
			 int64_t *day_start)
{
	size_t i;
	int64_t t, rem;

	if (n <= 10 || w[10] != 'T')
		return 0;
	for (i = 11; i < n; i++)
		if (!is_digit(w[i]) && w[i] != ':' && w[i] != '.')
			return 0; /* it has a zone: not this form */
	if (!ldi_date_parse_iso(w, n, &t))
		return 0;
	rem = ((t % 86400) + 86400) % 86400;
	*day_start = t - rem;
	p->hour = (int)(rem / 3600);
	p->minute = (int)(rem / 60 % 60);
	p->second = (int)(rem % 60);
	return 1;
}

/* Words end at these, and at a comment's '('. */
static int is_separator(char c)
{
	return c == ' ' || c == ',' || c == '\t';
}

/* Skips the comment at text[*i] ('('), nested ones and quoted
 * characters ("\\)") in it; 0 when it is not closed. */
static int skip_comment(const char *text, size_t len, size_t *i)
{
	size_t depth = 0;

	for (; *i < len; (*i)++) {
		if (text[*i] == '\\' && *i + 1 < len)
			(*i)++;
		else if (text[*i] == '(')
			depth++;
		else if (text[*i] == ')' && --depth == 0) {
			(*i)++;
			return 1;
		}
	}
	return 0;
}

int ldi_date_parse_text(const char *text, size_t len, int64_t *out)
{
	parts_t p;
	size_t i = 0;
	int64_t t, iso_day = 0;
	int have_iso = 0;

	memset(&p, 0, sizeof p);
	p.hour = -1;
	while (i < len) {
		enum word_kind kind;
		size_t start;

		while (i < len && is_separator(text[i]))
			i++;
		if (i < len && text[i] == '(') {
			if (!skip_comment(text, len, &i))
				return 0;
			continue;
		}
		start = i;
		while (i < len && !is_separator(text[i]) && text[i] != '(')
			i++;
		if (start == i)
			continue;
		if (start == 0 && iso_date_time(text, i, &p, &iso_day)) {
			have_iso = 1;
			kind = W_ISO;
		} else if (!classify(text + start, i - start, &p, &kind)) {
			return 0;
		}
		if (p.n_words < MAX_WORDS)
			p.words[p.n_words] = kind;
		p.n_words++;
	}
	/* An unknown zone is a zone only where RFC 5322 puts one. */
	if (p.odd_zone && !rfc5322_shape(&p))
		return 0;

	if (have_iso) {
		if (p.n_numbers || p.month || p.day || p.ampm)
			return 0;
		t = iso_day;
	} else {
		if (!assign_numbers(&p) || !p.month || !p.day)
			return 0;
		if (p.month < 1 || p.month > 12 || p.day < 1 ||
		    p.day > ldi_days_in_month(p.year, p.month))
			return 0;
		t = ldi_days_from_civil(p.year, p.month, p.day) * 86400;
	}
	if (p.hour < 0) {
		if (p.ampm || p.have_zone)
			return 0; /* "12 March 2024 pm" */
		*out = t;
		return 1;
	}
	if (p.ampm) {
		if (p.hour < 1 || p.hour > 12)
			return 0;
		p.hour = p.hour % 12 + (p.ampm == 2 ? 12 : 0);
	}
	*out = t + p.hour * 3600 + p.minute * 60 + p.second - p.zone;
	return 1;
}
