/* test_versions.c: an index built by another analysis or format version
 * is refused with "re-index needed", never searched with the wrong terms.
 * SPDX-License-Identifier: MIT
 */
#define _POSIX_C_SOURCE 200809L

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyze.h"
#include "check.h"
#include "lede.h"
#include "schema.h"
#include "xapian-c.h"

static char dir[4096];

static void
make_index(const char *path)
{
	lede_db_t *db = NULL;
	CHECK_INT(lede_db_open(path, LEDE_OPEN_CREATE, &db, NULL), LEDE_OK);
	lede_article_t a = { 0 };
	a.id = "a";
	a.headline = "Harbour lights";
	a.date = LEDE_NO_DATE;
	CHECK_INT(lede_db_add(db, &a), LEDE_OK);
	CHECK_INT(lede_db_close(db), LEDE_OK);
}

static void
set_meta(const char *path, const char *key, const char *value)
{
	xc_db_t *x = NULL;
	CHECK_INT(xc_db_open(path, XC_DB_WRITE_OPEN, &x, NULL), XC_OK);
	CHECK_INT(xc_db_set_metadata(x, key, XC_NTS, value, strlen(value)),
		  XC_OK);
	CHECK_INT(xc_db_close(x), XC_OK);
}

/* Opening path must fail with LEDE_FORMAT and a message containing all
 * of the given words. */
static void
expect_refused(const char *path, const char *w1, const char *w2)
{
	for (int flags = 0; flags < 2; flags++) {
		lede_db_t *db = NULL;
		char *msg = NULL;
		lede_status_t st = lede_db_open(
			path, flags ? LEDE_OPEN_WRITE : LEDE_OPEN_READ, &db,
			&msg);
		CHECK_INT(st, LEDE_FORMAT);
		CHECK(db == NULL);
		if (!msg || !strstr(msg, w1) || !strstr(msg, w2)) {
			fprintf(stderr, "message: %s\n", msg ? msg : "(none)");
			CHECK(!"the message says what differs and what to do");
		}
		lede_free(msg);
		lede_db_close(db);
	}
}

int
main(int argc, char **argv)
{
	snprintf(dir, sizeof dir, "%s/lede-versions-XXXXXX",
		 argc > 1 ? argv[1] : "/tmp");
	if (!mkdtemp(dir)) {
		perror("mkdtemp");
		return 1;
	}
	char path[4200];

	/* Built by an older analysis: terms would not match queries. */
	snprintf(path, sizeof path, "%s/old-analysis", dir);
	make_index(path);
	char older[16];
	snprintf(older, sizeof older, "%d", LDI_ANALYSIS_VERSION - 1);
	set_meta(path, LDI_META_ANALYSIS, older);
	expect_refused(path, "re-index needed", LDI_META_ANALYSIS);

	/* Another Unicode version normalises some text differently. */
	snprintf(path, sizeof path, "%s/old-unicode", dir);
	make_index(path);
	set_meta(path, LDI_META_UNICODE, "9.0.0");
	expect_refused(path, "re-index needed", "9.0.0");

	/* A newer format or analysis: a newer lede made it. */
	snprintf(path, sizeof path, "%s/new-format", dir);
	make_index(path);
	set_meta(path, LDI_META_FORMAT, "99");
	expect_refused(path, "made by a newer lede", LDI_META_FORMAT " 99");
	snprintf(path, sizeof path, "%s/new-analysis", dir);
	make_index(path);
	set_meta(path, LDI_META_ANALYSIS, "1000");
	expect_refused(path, "made by a newer lede", LDI_META_ANALYSIS);

	/* An older format needs a re-index, not an upgrade. */
	snprintf(path, sizeof path, "%s/old-format", dir);
	make_index(path);
	set_meta(path, LDI_META_FORMAT, "1");
	expect_refused(path, "re-index needed", LDI_META_FORMAT);

	/* A Xapian database lede did not make. */
	snprintf(path, sizeof path, "%s/foreign", dir);
	xc_db_t *x = NULL;
	xc_doc_t *d = NULL;
	CHECK_INT(xc_db_open(path, XC_DB_WRITE_CREATE, &x, NULL), XC_OK);
	CHECK_INT(xc_doc_new(&d), XC_OK);
	CHECK_INT(xc_doc_add_term(d, "hello", 5, 1), XC_OK);
	CHECK_INT(xc_db_add_document(x, d, NULL), XC_OK);
	xc_doc_free(d);
	CHECK_INT(xc_db_close(x), XC_OK);
	expect_refused(path, "not made by lede", "re-index");

	/* The same versions open. */
	snprintf(path, sizeof path, "%s/current", dir);
	make_index(path);
	lede_db_t *db = NULL;
	CHECK_INT(lede_db_open(path, LEDE_OPEN_READ, &db, NULL), LEDE_OK);
	lede_db_close(db);

	char cmd[4300];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", dir);
	return CHECK_DONE();
}
