/* db_internal.h: the lede_db handle, shared by the indexer and searcher.
 * SPDX-License-Identifier: MIT
 */
#ifndef LEDE_DB_INTERNAL_H
#define LEDE_DB_INTERNAL_H

#include "lede.h"
#include "xapian-c.h"

/* Articles per automatic commit: Xapian's per-article cost was lowest
 * with batches of a few hundred on this kind of data (DESIGN.md). */
#define LDI_BATCH_SIZE 500

struct lede_db {
	xc_db_t *xdb;
	xc_stemmer_t *stemmer;
	char *path;
	int writable;
	unsigned pending; /* articles added or deleted since the last commit */
	char *errmsg;	  /* last failure's detail, "" when none */
};

/* Maps a binding status to the library's. */
lede_status_t ldi_status_from_xc(xc_status_t st);

/* Sets *errmsg (freeing the old one) to a printf-style message and returns
 * status. When out of memory *errmsg is left NULL, which the errmsg
 * getters show as "". */
lede_status_t ldi_set_error(char **errmsg, lede_status_t status,
			    const char *fmt, ...)
#ifdef __GNUC__
	__attribute__((format(printf, 3, 4)))
#endif
	;

/* A malloc'ed printf-style string, or NULL when out of memory. */
char *ldi_strdup_printf(const char *fmt, ...)
#ifdef __GNUC__
	__attribute__((format(printf, 1, 2)))
#endif
	;

#endif /* LEDE_DB_INTERNAL_H */
