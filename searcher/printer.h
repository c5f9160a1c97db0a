/* printer.h: one interface for lede-search's output formats.
 * SPDX-License-Identifier: MIT
 *
 * Every format is a backend of this one interface (notmuch's sprinter), so
 * text and JSON get the same calls in the same order and cannot drift.
 */
#ifndef LEDE_PRINTER_H
#define LEDE_PRINTER_H

#include <stdint.h>
#include <stdio.h>

#include "lede.h"

typedef struct printer printer_t;

struct printer {
	/* Before the hits: the query as typed and the number of matches. */
	int (*begin)(printer_t *p, const char *query, uint64_t estimate,
		     int exact);
	/* One hit: the results' current hit. */
	int (*hit)(printer_t *p, lede_results_t *r);
	/* After the last hit: writes what is pending; returns 0 on success,
	 * -1 when the output failed (say, a closed pipe). */
	int (*end)(printer_t *p);
	void (*free)(printer_t *p);
};

/* Readable blocks; colour (ANSI) when `colour`. NULL when out of memory. */
printer_t *printer_text_new(FILE *out, int colour);

/* One JSON object (docs/lede-search-json.md). NULL when out of memory. */
printer_t *printer_json_new(FILE *out);

/* Snippet length, in bytes of text, for both formats. */
#define PRINTER_SNIPPET_CHARS 240

#endif /* LEDE_PRINTER_H */
