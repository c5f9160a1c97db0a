/* date.h: the calendar and the date forms news carries (internal).
 * SPDX-License-Identifier: MIT
 *
 * lede_date_parse (date.c) tries strict ISO 8601 first, then the forms
 * feeds, mail and pages write (date_text.c): RFC 822/5322 ("Tue, 14 Nov
 * 2023 10:00:00 GMT"), "12 March 2024", "March 12, 2024 3:05 pm EST",
 * "2023-10-17 00:51:22 +0000", asctime ("Tue Apr 20 12:00:00 1993").
 */
#ifndef LEDE_DATE_H
#define LEDE_DATE_H

#include <stddef.h>
#include <stdint.h>

/* Days from 1970-01-01 to y-m-d (proleptic Gregorian). */
int64_t ldi_days_from_civil(int64_t y, int m, int d);
int ldi_days_in_month(int y, int m);

/* 1 and *out set when text (no surrounding space) is an ISO 8601 date or
 * date-time (without a zone it is UTC); else 0. */
int ldi_date_parse_iso(const char *text, size_t len, int64_t *out);

/* 1 and *out set when text (no surrounding space) is one of the other
 * forms above; else 0. Strict: a form with the day and month both as
 * numbers is accepted only year first ("2024/03/12"), since "03/12/2024"
 * means different days in different countries. */
int ldi_date_parse_text(const char *text, size_t len, int64_t *out);

#endif /* LEDE_DATE_H */
