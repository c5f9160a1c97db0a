/* dbtool.c: what the fault tests do to an index behind lede's back.
 * SPDX-License-Identifier: MIT
 *
 * usage: dbtool set-meta DIR KEY VALUE   (sets one metadata entry)
 *        dbtool meta DIR PREFIX          (prints the entries whose key
 *                                         starts with PREFIX, "KEY VALUE"
 *                                         a line, in key order)
 *        dbtool check DIR                (Xapian's consistency check)
 * Through our binding, so the tests need no Xapian tools installed. Exit
 * status 0 on success (check: the index is consistent), 1 otherwise, with
 * the reason on stderr.
 */
#include <stdio.h>
#include <string.h>

#include "xapian-c.h"

/* libxapian 1.4.22's Database::check deletes its table checker through a
 * base class without a virtual destructor: Xapian's bug, harmless, but
 * ASan aborts on it (test_xapian_c.c says more). ASan reads this hook at
 * start-up; without ASan it is never called. */
const char *__asan_default_options(void);
const char *
__asan_default_options(void)
{
	return "new_delete_type_mismatch=0";
}

/* Opens path in mode; NULL, after saying why, when it cannot. */
static xc_db_t *
open_db(const char *path, xc_db_mode_t mode)
{
	xc_db_t *db = NULL;
	char *msg = NULL;
	xc_status_t xs = xc_db_open(path, mode, &db, &msg);
	if (xs != XC_OK) {
		fprintf(stderr, "dbtool: %s\n", msg ? msg : xc_status_str(xs));
		xc_free(msg);
		return NULL;
	}
	return db;
}

static int
set_meta(const char *path, const char *key, const char *value)
{
	xc_db_t *db = open_db(path, XC_DB_WRITE_OPEN);
	if (!db)
		return 1;
	xc_status_t xs =
		xc_db_set_metadata(db, key, XC_NTS, value, strlen(value));
	if (xs != XC_OK)
		fprintf(stderr, "dbtool: cannot set '%s': %s\n", key,
			xc_db_errmsg(db));
	xc_status_t cs = xc_db_close(db);
	if (xs == XC_OK && cs != XC_OK)
		fprintf(stderr, "dbtool: cannot commit '%s': %s\n", path,
			xc_status_str(cs));
	return xs == XC_OK && cs == XC_OK ? 0 : 1;
}

/* Prints "KEY VALUE" for each metadata entry whose key starts with
 * prefix, in key order. */
static int
print_meta(const char *path, const char *prefix)
{
	xc_db_t *db = open_db(path, XC_DB_READ);
	if (!db)
		return 1;
	xc_list_t *keys = NULL;
	xc_status_t xs =
		xc_db_metadata_keys(db, prefix, XC_NTS, NULL, 0, 0, &keys);
	for (size_t i = 0; xs == XC_OK && i < xc_list_size(keys); i++) {
		const char *key;
		size_t klen;
		char *value = NULL;
		size_t vlen = 0;
		xs = xc_list_item(keys, i, &key, &klen, NULL);
		if (xs == XC_OK)
			xs = xc_db_get_metadata(db, key, klen, &value, &vlen);
		if (xs == XC_OK)
			printf("%.*s %.*s\n", (int)klen, key, (int)vlen,
			       value ? value : "");
		xc_free(value);
	}
	if (xs != XC_OK)
		fprintf(stderr, "dbtool: cannot read '%s': %s\n", path,
			xc_db_errmsg(db));
	xc_list_free(keys);
	xc_db_close(db);
	return xs == XC_OK ? 0 : 1;
}

static int
check(const char *path)
{
	size_t errors = 0;
	char *report = NULL;
	xc_status_t xs = xc_db_check(path, &errors, &report);
	if (xs != XC_OK || errors) {
		fprintf(stderr, "dbtool: '%s' fails the check (%s, %zu "
				"errors)\n%s",
			path, xc_status_str(xs), errors, report ? report : "");
		xc_free(report);
		return 1;
	}
	xc_free(report);
	return 0;
}

int
main(int argc, char **argv)
{
	if (argc == 5 && !strcmp(argv[1], "set-meta"))
		return set_meta(argv[2], argv[3], argv[4]);
	if (argc == 4 && !strcmp(argv[1], "meta"))
		return print_meta(argv[2], argv[3]);
	if (argc == 3 && !strcmp(argv[1], "check"))
		return check(argv[2]);
	fprintf(stderr, "usage: dbtool set-meta DIR KEY VALUE\n"
			"       dbtool meta DIR PREFIX\n"
			"       dbtool check DIR\n");
	return 2;
}
