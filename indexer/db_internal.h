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
	/* The articles added, as they came: the shard's index (0 for a
	 * single index) in the high 32 bits, its document id in the low. */
	uint64_t *docids;
	size_t n_docids, cap_docids;
} ldi_file_t;

/* One of the databases an index is made of when it is more than one: a
 * shard of a shard set, a line of a stub file, a --db (shards.c). */
typedef struct ldi_shard {
	char *name;	   /* as messages name it: a path, tcp://host:port */
	char *folder;	   /* a shard set's own shard: its folder's name
			      ("2023-11"); NULL for others */
	xc_db_t *xdb;	   /* reader, or writer when writable */
	xc_db_t *retired;  /* the reader a writer replaced: queries made
			      before may still read it */
	int writable;
	int dirty;	   /* written since the last commit */
} ldi_shard_t;

/* A file record to write once the shards are committed (files.c): value
 * NULL deletes the record. */
typedef struct ldi_record_write {
	char *key;
	char *value;
} ldi_record_write_t;

struct lede_db {
	/* What reads: the index itself, or a view of its shards. */
	xc_db_t *xdb;
	char *path;
	/* An index of several databases (a shard set, a stub, several
	 * paths): each of them, in the order the view reads them; none for
	 * a single index. */
	ldi_shard_t *shards;
	size_t n_shards, cap_shards;
	int combined; /* xdb is a view of shards[] (maybe of none) */
	/* A shard set opened for writing: how it is cut (0 otherwise), and
	 * whether its view missed a change of shards (a failed rebuild). */
	lede_shard_unit_t unit;
	int view_stale;
	/* Where file records live: xdb for a single index, a shard set's
	 * own database ("files") for a shard set, NULL when there is none
	 * (remote shards, stubs). records_owned: closed with db. */
	xc_db_t *records;
	int records_owned;
	int records_dirty;
	/* A shard set's records written only after the shards commit, so
	 * that no record says "done" before its articles are in (files.c,
	 * ldi_set_commit). */
	ldi_record_write_t *deferred;
	size_t n_deferred, cap_deferred;
	int writable;
	unsigned pending; /* articles added or deleted since the last commit */
	unsigned batch_size; /* commit when pending reaches it; 0: never */
	int dirty;	     /* anything written since the last commit */
	ldi_file_t file;     /* the file being indexed, if file.active */
	ldi_db_language_t languages[LDI_MAX_LANGUAGES];
	size_t n_languages;
	int languages_changed; /* a writer added one not yet in metadata */
	/* A writer's recent stems in each language (writer.c); NULL until
	 * it stems a word in it. */
	struct ldi_stem_cache *stems[LDI_MAX_LANGUAGES];
	char *errmsg;	       /* last failure's detail, "" when none */
	ldi_wordset_t spelling; /* a writer's scratch: one article's words */
	ldi_tally_t tally;	/* the words of the articles added since the
				   spelling table was last given them */
	/* This handle's spelling entries (spelling_records.c): the
	 * session that names them, and how many it wrote. */
	char spell_session[17];
	unsigned long spell_entries;
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

/* Hands the tally's words to the spelling tables of the databases they
 * go to (writer.c), with the entries other handles left in a single
 * index; before a commit that gives the spelling table its words. On
 * failure the words not yet given stay for the next try, and
 * db->errmsg names the index. */
lede_status_t ldi_db_flush_spelling(lede_db_t *db);

/* ---- Spelling entries of a single index (spelling_records.c) ----------- */

/* Names this handle's entries from now on (a new session). */
void ldi_spell_new_session(lede_db_t *db);

/* After a failed write: forgets the tally, and starts a new session, so
 * that the entries already committed count as another handle's. */
void ldi_spell_forget(lede_db_t *db);

/* Writes an entry of what the tally counted since its last entry, for
 * the commit to come. */
lede_status_t ldi_spell_record(lede_db_t *db);

/* Gives the spelling table the counts of other handles' entries and
 * deletes every entry, this handle's too (its counts are in its tally,
 * which the caller gives next). */
lede_status_t ldi_spell_take_entries(lede_db_t *db);

/* A write to part `part` of db (a shard set's shard; 0 for one index)
 * failed, and with it went every change to that database since its
 * last commit: Xapian drops them, so that no half-made change is ever
 * committed. So go the words counted for its spelling table (writer.c). */
void ldi_db_changes_lost(lede_db_t *db, size_t part);

/* Notes a document of the open file, added to shard `shard` (0 for a
 * single index) (files.c); LEDE_NOMEM when out of memory. */
lede_status_t ldi_file_note(lede_db_t *db, size_t shard, uint32_t docid);

/* ---- Indexes of several databases (shards.c) ---------------------------- */

/* The name of a shard set's list of shards, in its folder: a Xapian stub
 * database file, whose first line marks it as lede's (LDI_SET_MARKER
 * and the unit). */
#define LDI_SET_STUB "XAPIANDB"
#define LDI_SET_MARKER "# lede shard set: "
/* A shard set's database of file records (no articles), also the lock
 * that keeps a second writer out of the whole set. */
#define LDI_SET_RECORDS "files"
/* The shard of articles without a date. */
#define LDI_SET_UNDATED "undated"

typedef enum ldi_path_kind {
	LDI_PATH_MISSING, /* nothing there, or an empty folder */
	LDI_PATH_INDEX,	  /* a folder holding one Xapian database */
	LDI_PATH_SET,	  /* a folder holding a lede shard set */
	LDI_PATH_STUB,	  /* a stub file, or a folder with a stub */
	LDI_PATH_REMOTE,  /* tcp://host:port */
	LDI_PATH_OTHER	  /* anything else (a plain file, ...) */
} ldi_path_kind_t;

/* What path names; for a shard set, *unit (optional) says how it is
 * cut. */
ldi_path_kind_t ldi_path_kind(const char *path, lede_shard_unit_t *unit);

/* Opens what spec names (a folder, a shard set, a stub file, or
 * tcp://host:port) for reading and appends its databases to db->shards,
 * checking each was made by this lede. LEDE_OK, or an error with *msg
 * (malloc'ed) naming the database or the stub line. */
lede_status_t ldi_open_parts(lede_db_t *db, const char *spec, char **msg);

/* The file records of a shard set opened for reading, when it has them:
 * db->records, opened read-only. */
lede_status_t ldi_open_set_records(lede_db_t *db, const char *path,
				   char **msg);

/* Makes an empty shard set cut by unit at path (a folder that does not
 * exist or is empty). */
lede_status_t ldi_set_create(const char *path, lede_shard_unit_t unit,
			     char **msg);

/* Opens the shard set at db->path, cut by unit, for writing: its records
 * database (the set's lock), and its shards for reading until one is
 * written to. */
lede_status_t ldi_set_open(lede_db_t *db, lede_shard_unit_t unit, char **msg);

/* The index in db->shards of the shard for an article of this date,
 * opened for writing (made, and listed in the stub, if new). Messages
 * go to db->errmsg. */
lede_status_t ldi_set_shard_for(lede_db_t *db, int64_t date, size_t *index);

/* Opens shard i for writing (a shard set's writer only). */
lede_status_t ldi_set_shard_writable(lede_db_t *db, size_t i);

/* The documents indexed by term across db's databases (what db->xdb
 * reads, pending changes included), each as (shard << 32 | docid) in
 * that shard; *out (free it) NULL when *n is 0. */
lede_status_t ldi_db_postings(lede_db_t *db, const char *term, size_t len,
			      uint64_t **out, size_t *n);

/* Deletes document docid of shard `shard` (as ldi_db_postings gives
 * them); *deleted 1 if it was there. */
lede_status_t ldi_db_delete_doc(lede_db_t *db, uint64_t doc, int *deleted);

/* A shard set's commit: records, shards, then the deferred records. */
lede_status_t ldi_set_commit(lede_db_t *db);
/* Records the commit's time `now` (lede_date_format) in x and commits
 * it; a failure's message names the index `name`. For one index and for
 * each part of a set. */
lede_status_t ldi_commit_one(lede_db_t *db, xc_db_t *x, const char *name,
			     const char *now);

/* Closes db's databases (shards, view, records); returns the first
 * failure (a writer's commit on close). */
xc_status_t ldi_shards_close(lede_db_t *db);

/* Opens the database at path (a folder) in mode: a reader tries again
 * while writers' commits discard the revision it opened, and a writer
 * stamps a new database with this lede's versions and commits; then
 * checks the versions (db.c). Messages name the path. */
lede_status_t ldi_open_local(const char *path, xc_db_mode_t mode,
			     xc_db_t **out, char **msg);

/* Waits a little longer after each failed try (10 ms times attempt), so
 * that a writer committing under a reader can finish its commit. */
void ldi_back_off(int attempt);

/* Writes a new database at the folder tmp (compact.c's callers). */
typedef lede_status_t (*ldi_build_fn)(void *ctx, const char *tmp, char **msg);

/* Puts a database that build writes beside path (path + ".lede-compact")
 * in place of path, so that a crash at any point leaves path whole, old
 * or new (compact.c). lock: a writer of path the caller holds (kept), or
 * NULL to take one here. */
lede_status_t ldi_rebuild_in_place(const char *path, xc_db_t *lock,
				   ldi_build_fn build, void *ctx, char **msg);

/* "year", "month" or "day" (shards.c). */
const char *ldi_unit_name(lede_shard_unit_t unit);

/* Applies the records ldi_record_later deferred to db->records, in
 * order (files.c). */
lede_status_t ldi_records_apply(lede_db_t *db);

/* Checks a database's recorded versions against this lede's; a writer
 * stamps a new empty one (db.c). name names it in messages. */
lede_status_t ldi_check_versions(xc_db_t *x, const char *name, int writable,
				 char **msg);

/* Reads the language list of one database into db (db.c). */
lede_status_t ldi_db_load_languages_of(lede_db_t *db, xc_db_t *x,
				       const char *name);

/* Stores db's language list in x (a writer) (db.c). */
lede_status_t ldi_db_save_languages_to(lede_db_t *db, xc_db_t *x,
				       const char *name);

/* Frees what the open file holds and closes it (files.c). */
void ldi_file_clear(ldi_file_t *file);

/* A file record as files.c reads it (schema.h gives its layout). */
typedef struct ldi_file_record {
	uint64_t size;
	int64_t mtime;
	uint64_t hash;
	int complete; /* a hash: the file was wholly indexed */
	uint64_t articles;
	const char *path; /* into the value read */
} ldi_file_record_t;

/* Called by ldi_file_records for each record: its whole metadata key
 * (LDI_META_FILE and the file's key), and the record, or NULL when it
 * cannot be read as one. */
typedef lede_status_t (*ldi_file_record_fn)(lede_db_t *db, const char *key,
					    size_t klen,
					    const ldi_file_record_t *r,
					    void *ctx);

/* Writes the record under key, its whole metadata key (schema.h,
 * "Files"): hash NULL for a file not wholly read. */
lede_status_t ldi_file_record_write(lede_db_t *db, const char *key,
				    uint64_t size, int64_t mtime,
				    const uint64_t *hash, uint64_t articles,
				    const char *path);

/* Calls fn for every file record of db, in key order; fn may delete the
 * record it is given. Stops at the first status fn returns that is not
 * LEDE_OK, and returns it; else LEDE_OK, or the failure reading the
 * records. */
lede_status_t ldi_file_records(lede_db_t *db, ldi_file_record_fn fn,
			       void *ctx);

/* qsort's and bsearch's order of uint64_t values: docids as
 * ldi_file_note packs them, hashes of record keys. */
int ldi_compare_u64(const void *a, const void *b);

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
