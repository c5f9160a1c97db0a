/* db_internal.h: the lede_db handle, shared by the indexer and searcher.
 * SPDX-License-Identifier: MIT
 */
#ifndef LEDE_DB_INTERNAL_H
#define LEDE_DB_INTERNAL_H

#include "lede.h"
#include "schema.h"
#include "spelling.h"
#include "xapian-c.h"

/* Articles per automatic commit by default: Xapian's per-article cost
 * was lowest with batches of a few hundred on this kind of data
 * (DESIGN.md). */
#define LDI_BATCH_SIZE 500

/* Languages one index can hold; more are indexed as unknown. */
#define LDI_MAX_LANGUAGES 64

/* A language the index holds articles in, and how its words are stemmed
 * (the index metadata lists them, so queries stem each word the ways
 * the articles were stemmed). */
typedef struct ldi_db_language {
	char code[16];		/* canonical code, or "und" (unknown) */
	xc_stemmer_t *stemmer;	/* NULL: indexed unstemmed */
} ldi_db_language_t;

/* The file a writer is indexing, between lede_db_file_begin and
 * lede_db_file_end (files.c): what its record will say, and the articles
 * this reading added. */
typedef struct ldi_file {
	int active;
	char term[sizeof LDI_PREFIX_FILE + LDI_FILE_KEY_SIZE]; /* XFILE+key */
	size_t term_len;
	char *meta_key; /* LDI_META_FILE + key */
	char *path;	/* absolute */
	uint64_t size;
	int64_t mtime; /* ns, or -1: too recent to trust */
	uint64_t hash;
	uint32_t *docids; /* the articles added, as they came */
	size_t n_docids, cap_docids;
} ldi_file_t;

struct lede_db {
	xc_db_t *xdb;
	char *path;
	int writable;
	unsigned pending; /* articles added or deleted since the last commit */
	unsigned batch_size; /* commit when pending reaches it; 0: never */
	int dirty;	     /* anything written since the last commit */
	ldi_file_t file;     /* the file being indexed, if file.active */
	ldi_db_language_t languages[LDI_MAX_LANGUAGES];
	size_t n_languages;
	int languages_changed; /* a writer added one not yet in metadata */
	char *errmsg;	       /* last failure's detail, "" when none */
	ldi_wordset_t spelling; /* a writer's scratch: one article's words */
	/* Queries made from this handle and not yet freed. lede_db_close
	 * with some alive commits and marks the handle closed; the last
	 * of them frees it (ldi_db_release), so no query or results is
	 * left pointing at freed memory. */
	unsigned n_queries;
	int closed;
};

/* A query of db is gone: frees db when it was the last and db is closed. */
void ldi_db_release(lede_db_t *db);

/* The LEDE_MISUSE a write to an index opened for reading gets, with its
 * message set on db. */
lede_status_t ldi_db_read_only(lede_db_t *db);

/* The entry for code (a canonical code or "und"), added with its stemmer
 * when new. NULL when out of memory or the table is full. */
ldi_db_language_t *ldi_db_language(lede_db_t *db, const char *code);

/* Reads the index's language list into db (adding to what db has). */
lede_status_t ldi_db_load_languages(lede_db_t *db);

/* A writer stores its language list when it grew; called before every
 * commit. */
lede_status_t ldi_db_save_languages(lede_db_t *db);

/* Counts one article added or deleted, and commits once a batch is
 * full (writer.c). */
lede_status_t ldi_db_count_change(lede_db_t *db);

/* Notes a document of the open file (files.c); LEDE_NOMEM when out of
 * memory. */
lede_status_t ldi_file_note(lede_db_t *db, uint32_t docid);

/* Frees what the open file holds and closes it (files.c). */
void ldi_file_clear(ldi_file_t *file);

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
