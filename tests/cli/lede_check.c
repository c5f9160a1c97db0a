/* lede_check.c: checks an index the way the crash tests need to.
 * SPDX-License-Identifier: MIT
 *
 *   lede_check DB        opens DB as lede-search would, runs Xapian's own
 *                        consistency check (what xapian-check runs) and
 *                        checks that every article has exactly one id and
 *                        no id names two articles; prints what it found,
 *                        exits 0 when all is well, 1 when not
 *   lede_check --ids DB  the same, then every id, one per line, in byte
 *                        order
 *
 * Test support only: it reads the index through the binding, so it sees
 * the terms lede itself never shows (schema.h: "Q" + id).
 */
#define _POSIX_C_SOURCE 200809L

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lede.h"
#include "xapian-c.h"

/* libxapian 1.4.22's check deletes a table checker through a base pointer
 * whose destructor is not virtual; ASan reports it (see test_xapian_c.c).
 * Harmless, and Xapian's, so that one ASan check is off here. */
const char *__asan_default_options(void);
const char *
__asan_default_options(void)
{
	return "new_delete_type_mismatch=0";
}

#define PAGE 1000

int
main(int argc, char **argv)
{
	int list_ids = argc == 3 && !strcmp(argv[1], "--ids");
	if (argc != 2 && !list_ids) {
		fprintf(stderr, "usage: lede_check [--ids] DB\n");
		return 2;
	}
	const char *path = argv[argc - 1];

	/* Opens as a reader would: versions checked, "re-index needed"
	 * refused. */
	lede_db_t *db = NULL;
	char *msg = NULL;
	if (lede_db_open(path, LEDE_OPEN_READ, &db, &msg) != LEDE_OK) {
		fprintf(stderr, "lede_check: %s\n", msg ? msg : "cannot open");
		lede_free(msg);
		return 1;
	}
	uint64_t count = 0;
	int bad = lede_db_count(db, &count) != LEDE_OK;
	lede_db_close(db);

	size_t errors = 0;
	char *report = NULL;
	if (xc_db_check(path, &errors, &report) != XC_OK || errors) {
		fprintf(stderr, "lede_check: Xapian's check found %zu errors:\n%s",
			errors, report ? report : "");
		bad = 1;
	}
	xc_free(report);

	xc_db_t *x = NULL;
	if (xc_db_open(path, XC_DB_READ, &x, &msg) != XC_OK) {
		fprintf(stderr, "lede_check: %s\n", msg ? msg : "cannot open");
		xc_free(msg);
		return 1;
	}
	uint32_t docs = 0;
	xc_db_doccount(x, &docs);
	char **ids = NULL;
	size_t n_ids = 0, cap = 0, dups = 0;
	char after[512] = "";
	size_t alen = 0;
	for (;;) {
		xc_list_t *page = NULL;
		if (xc_db_terms(x, "Q", 1, after, alen, PAGE, &page) != XC_OK) {
			fprintf(stderr, "lede_check: %s\n", xc_db_errmsg(x));
			bad = 1;
			break;
		}
		size_t n = xc_list_size(page);
		for (size_t i = 0; i < n; i++) {
			const char *term;
			size_t len;
			uint64_t freq;
			xc_list_item(page, i, &term, &len, &freq);
			if (freq != 1) {
				fprintf(stderr,
					"lede_check: id '%s' names %llu "
					"articles\n",
					term + 1, (unsigned long long)freq);
				dups++;
			}
			if (n_ids == cap) {
				cap = cap ? cap * 2 : 1024;
				char **grown = realloc(ids, cap * sizeof *ids);
				if (!grown)
					return 1;
				ids = grown;
			}
			ids[n_ids] = strdup(term + 1);
			if (!ids[n_ids])
				return 1;
			n_ids++;
			if (len < sizeof after) {
				memcpy(after, term, len);
				alen = len;
			}
		}
		xc_list_free(page);
		if (n < PAGE)
			break;
	}
	xc_db_close(x);
	if (n_ids != docs || count != docs) {
		fprintf(stderr,
			"lede_check: %u articles, but %zu ids (and %llu "
			"counted)\n",
			docs, n_ids, (unsigned long long)count);
		bad = 1;
	}
	if (dups)
		bad = 1;
	printf("%u articles, %zu ids, %zu named twice, Xapian check: %zu "
	       "errors\n",
	       docs, n_ids, dups, errors);
	for (size_t i = 0; i < n_ids; i++) {
		if (list_ids)
			printf("%s\n", ids[i]);
		free(ids[i]);
	}
	free(ids);
	return bad;
}
