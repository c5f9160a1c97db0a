/* xapian-c.h: lede's C binding of libxapian, the one door to Xapian's C++.
 * SPDX-License-Identifier: MIT
 *
 * Only what lede needs, shaped for C: opaque handles with the prefix xc_,
 * every fallible call returns an xc_status_t, and every exception (Xapian's,
 * the standard library's, anything else) is caught inside the call and
 * turned into a status plus a message kept on the handle.
 *
 * Conventions, the same for every function below:
 * - Strings are UTF-8 and passed as pointer then length; a length of
 *   XC_NTS means "NUL-terminated, measure it".
 * - Whoever calls a *_new or *_open owns the result and hands it to the
 *   matching *_free or *_close, which accept NULL.
 * - A `const char *` that comes back is borrowed from the handle it came
 *   from, and stays valid until the next call on that handle or its free.
 * - A `char *` that comes back is the caller's, to release with xc_free().
 * - xc_*_errmsg(handle) gives the detail of that handle's last failure
 *   ("" if none); valid until the next call on the handle.
 * - A handle serves one thread at a time: Xapian takes no locks.
 */
#ifndef LEDE_XAPIAN_C_H
#define LEDE_XAPIAN_C_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define XC_NTS ((size_t)-1)

typedef enum xc_status {
	XC_OK = 0,
	XC_DONE,	  /* not an error: iteration is over */
	XC_NOMEM,	  /* std::bad_alloc */
	XC_MISUSE,	  /* NULL handle, bad argument, InvalidArgumentError,
			     InvalidOperationError (e.g. writing a read-only db) */
	XC_NO_DATABASE,	  /* DatabaseNotFoundError, DatabaseOpeningError */
	XC_LOCKED,	  /* DatabaseLockError: another writer holds it */
	XC_MODIFIED,	  /* DatabaseModifiedError, after the one retry */
	XC_VERSION,	  /* DatabaseVersionError: format too old or new */
	XC_CORRUPT,	  /* DatabaseCorruptError */
	XC_BAD_QUERY,	  /* QueryParserError */
	XC_XAPIAN,	  /* any other Xapian::Error */
	XC_INTERNAL	  /* any other exception */
} xc_status_t;

/* A fixed English phrase for a status; never NULL, never to be freed. */
const char *xc_status_str(xc_status_t status);

/* Releases a string this binding returned as `char *`. NULL is fine. */
void xc_free(void *p);

/* Xapian's version string, e.g. "1.4.22". Static. */
const char *xc_version(void);

/* ---- Fault injection (tests only) --------------------------------------
 * Makes the Nth wrapped call from now (1 = the next) throw an exception of
 * the family that maps to `kind` (XC_NOMEM throws std::bad_alloc,
 * XC_INTERNAL a plain int, the rest the matching Xapian::Error), so tests
 * can prove every entry point returns a clean status. n = 0 disarms it.
 * Process-wide, not thread-safe; meant for single-threaded tests. */
void xc_fault_inject(unsigned n, xc_status_t kind);

/* ---- Databases --------------------------------------------------------- */

typedef struct xc_db xc_db_t;

typedef enum xc_db_mode {
	XC_DB_READ = 0,		/* existing database, read-only */
	XC_DB_WRITE_OPEN,	/* existing database, writable */
	XC_DB_WRITE_CREATE,	/* writable; created if missing */
	XC_DB_WRITE_OVERWRITE,	/* writable; emptied if present */
	/* Or'ed into a writable mode: commits do not wait for the disk
	 * (Xapian's DB_NO_SYNC). A crash of the process loses nothing
	 * committed; one of the machine may lose or damage the database. */
	XC_DB_NO_SYNC = 0x100
} xc_db_mode_t;

/* Opens the database at `path` (NUL-terminated). A writer that finds
 * another writer's lock fails at once with XC_LOCKED; it never waits.
 * On failure *out is NULL and, if errmsg is not NULL, *errmsg receives a
 * message (free with xc_free) naming the path and Xapian's reason.
 * Returns XC_OK, XC_MISUSE, XC_NO_DATABASE, XC_LOCKED, XC_VERSION,
 * XC_CORRUPT, XC_XAPIAN, XC_NOMEM, XC_INTERNAL. */
xc_status_t xc_db_open(const char *path, xc_db_mode_t mode, xc_db_t **out,
		       char **errmsg);

/* Opens a database served by xapian-tcpsrv on host:port (Xapian's remote
 * backend), read-only. timeout_ms bounds both connecting and each exchange
 * (0: Xapian's default, 10 s). A server that cannot be reached, or that
 * speaks another protocol, gives XC_NO_DATABASE. The handle's path is
 * "tcp://host:port". Otherwise as xc_db_open. */
xc_status_t xc_db_open_remote(const char *host, unsigned port,
			      unsigned timeout_ms, xc_db_t **out,
			      char **errmsg);

/* Opens a database served by a program speaking Xapian's remote protocol
 * on its standard input and output (xapian-progsrv, perhaps through ssh):
 * Xapian's "remote :PROGRAM ARGS" stub line. args are split at spaces.
 * The handle's path is "PROGRAM ARGS". Otherwise as xc_db_open_remote. */
xc_status_t xc_db_open_remote_program(const char *program, const char *args,
				      unsigned timeout_ms, xc_db_t **out,
				      char **errmsg);

/* A read-only view of n databases searched as one (Xapian's
 * Database::add_database): their documents, statistics and spelling
 * together, a match over all of them giving what one database holding
 * every document would give. The parts are borrowed: each must outlive
 * the view, and closing the view leaves them open. A writable part is
 * seen with its pending changes. Document ids interleave: document d of
 * part i (0-based) is (d - 1) * n + i + 1 in the view; xc_db_part_of
 * undoes it. xc_db_reopen on the view reopens every part. Metadata
 * comes from the first part only (Xapian's rule): read each part's. A
 * view of no part (n 0) is an empty database. Returns XC_OK, XC_MISUSE
 * (parts NULL with n > 0, a NULL part), XC_NOMEM, XC_INTERNAL. */
xc_status_t xc_db_combine(xc_db_t *const *parts, size_t n, xc_db_t **out);

/* Makes the view read parts[0..n-1] instead, keeping the handle (so that
 * enquires made from it stay valid; those made before keep reading the
 * old parts). Returns XC_OK, XC_MISUSE (not a view, a NULL part),
 * XC_NOMEM, XC_INTERNAL. */
xc_status_t xc_db_recombine(xc_db_t *view, xc_db_t *const *parts, size_t n);

/* The part (0-based, for a view of n parts) and the part's own document
 * id of document `docid` of a view; part 0 and docid itself for a
 * database that is no view. */
void xc_db_part_of(const xc_db_t *db, uint32_t docid, size_t *part,
		   uint32_t *part_docid);

/* Closes the database. A writable database is committed first and the
 * commit's status returned (Xapian's destructor would swallow the error);
 * the handle is freed whatever the status. NULL returns XC_OK. */
xc_status_t xc_db_close(xc_db_t *db);

const char *xc_db_errmsg(const xc_db_t *db);

/* 1 if opened writable, 0 if not (or db is NULL). */
int xc_db_is_writable(const xc_db_t *db);

/* Brings a reader to the latest committed revision. *changed (optional)
 * is set to 1 if there was a newer one. A local database opened with
 * xc_db_open whose folder was replaced by another (compaction swaps in a
 * new folder under the same name) is opened again from its path, so a
 * reader never reads the new files with the old one's positions; so is
 * each part of a view. */
xc_status_t xc_db_reopen(xc_db_t *db, int *changed);

xc_status_t xc_db_doccount(xc_db_t *db, uint32_t *count);
xc_status_t xc_db_lastdocid(xc_db_t *db, uint32_t *docid);

/* Number of documents indexed by `term`; 0 if none. */
xc_status_t xc_db_termfreq(xc_db_t *db, const char *term, size_t len,
			   uint32_t *freq);

/* The user metadata stored under `key`: *value (xc_free it) is NULL and
 * *len 0 when the key is unset. */
xc_status_t xc_db_get_metadata(xc_db_t *db, const char *key, size_t keylen,
			       char **value, size_t *len);
/* Writable databases only (XC_MISUSE otherwise). */
xc_status_t xc_db_set_metadata(xc_db_t *db, const char *key, size_t keylen,
			       const char *value, size_t len);

/* Commits pending changes of a writable database. */
xc_status_t xc_db_commit(xc_db_t *db);

/* Spelling: adds `freqinc` to a word's frequency in the spelling table
 * (writable only), and suggests the closest word in that table to `word`
 * within `max_edit_distance`; *suggestion is NULL when there is none. */
xc_status_t xc_db_add_spelling(xc_db_t *db, const char *word, size_t len,
			       uint32_t freqinc);
xc_status_t xc_db_spelling_suggestion(xc_db_t *db, const char *word,
				      size_t len, unsigned max_edit_distance,
				      char **suggestion);

/* Sum of the lengths (wdf totals) of all documents. */
xc_status_t xc_db_total_length(xc_db_t *db, uint64_t *length);

/* Listing terms and metadata keys, a page at a time.
 *
 * A list holds strings (which may contain NULs: use their lengths), each
 * with a number. Page through all of them by passing the last string of
 * one page as `after` for the next:
 *
 *   xc_list_t *page;
 *   const char *after = NULL;
 *   size_t alen = 0;
 *   ... xc_db_terms(db, "XFILE", XC_NTS, after, alen, 1000, &page) ...
 *   (copy the last item before freeing the page; an empty page ends it)
 */
typedef struct xc_list xc_list_t;

/* At most max (0: no limit) of the terms in the database that start with
 * prefix (prefix_len bytes or XC_NTS; "" for all) and sort after `after`
 * (after_len bytes or XC_NTS; NULL or "" to start at the first), in byte
 * order, each with its term frequency as number. A writer sees its own
 * pending changes. Returns XC_OK, XC_MISUSE, XC_NOMEM, XC_MODIFIED,
 * XC_XAPIAN, XC_INTERNAL; *out is the caller's (xc_list_free), NULL on
 * failure. */
xc_status_t xc_db_terms(xc_db_t *db, const char *prefix, size_t prefix_len,
			const char *after, size_t after_len, size_t max,
			xc_list_t **out);
/* The same for the user metadata keys (numbers are 0). */
xc_status_t xc_db_metadata_keys(xc_db_t *db, const char *prefix,
				size_t prefix_len, const char *after,
				size_t after_len, size_t max, xc_list_t **out);
size_t xc_list_size(const xc_list_t *list);
/* The i-th string (borrowed until xc_list_free, followed by a NUL), its
 * length and number (len and number may be NULL). XC_MISUSE when list or
 * s is NULL or i is out of range. */
xc_status_t xc_list_item(const xc_list_t *list, size_t i, const char **s,
			 size_t *len, uint64_t *number);
void xc_list_free(xc_list_t *list);

/* The ids of the documents indexed by `term`, ascending: *docids (to be
 * xc_free'd; NULL when *n is 0) holds *n of them. A writer sees its own
 * pending changes. */
xc_status_t xc_db_postings(xc_db_t *db, const char *term, size_t len,
			   uint32_t **docids, size_t *n);

/* Runs Xapian's consistency check on the database directory at `path`.
 * *errors is the number of problems found (0 = consistent); on XC_OK or a
 * failed check, *report (optional, xc_free it) holds Xapian's output. */
xc_status_t xc_db_check(const char *path, size_t *errors, char **report);

/* Compaction: Xapian's compactor writes a compact copy of the database at
 * `src` (a folder) into the new folder `dst` (which must not exist), with
 * every block as full as it goes (Xapian's FULL level: right for an index
 * that will seldom be written again). Progress goes to fn (may be NULL),
 * called from inside the compactor with ctx, the table being compacted
 * and Xapian's status text; it must not longjmp. The source is only
 * read: hold its write lock (xc_db_open for writing) so no writer changes
 * it meanwhile. Returns XC_OK, XC_MISUSE, XC_NO_DATABASE, XC_VERSION,
 * XC_CORRUPT, XC_XAPIAN (say, dst exists or cannot be written), XC_NOMEM,
 * XC_INTERNAL, with *errmsg (optional, xc_free it) naming the path. */
typedef void (*xc_compact_fn)(void *ctx, const char *table,
			      const char *status);
xc_status_t xc_db_compact(const char *src, const char *dst, xc_compact_fn fn,
			  void *ctx, char **errmsg);
/* Merges the n databases at srcs (folders), in that order, into the new
 * folder dst with the same compactor, leaving blocks room to grow
 * (Xapian's STANDARD level: the merged database is written to again).
 * Document ids are renumbered in order: every document of srcs[i] gets
 * a lower id than any of srcs[i + 1]. Metadata a key has in several
 * sources is the first source's; spelling frequencies are summed.
 * Returns as xc_db_compact. */
xc_status_t xc_db_merge(const char *const *srcs, size_t n, const char *dst,
			xc_compact_fn fn, void *ctx, char **errmsg);

/* ---- Documents --------------------------------------------------------- */

typedef struct xc_doc xc_doc_t;

xc_status_t xc_doc_new(xc_doc_t **out);
void xc_doc_free(xc_doc_t *doc);
const char *xc_doc_errmsg(const xc_doc_t *doc);

/* A term at a position (positions start at 1), with its wdf raised by
 * wdfinc (1 is usual). */
xc_status_t xc_doc_add_posting(xc_doc_t *doc, const char *term, size_t len,
			       uint32_t pos, uint32_t wdfinc);
/* A term without position (e.g. a stem), wdf raised by wdfinc. */
xc_status_t xc_doc_add_term(xc_doc_t *doc, const char *term, size_t len,
			    uint32_t wdfinc);
/* A term that only filters: wdf 0, no position. */
xc_status_t xc_doc_add_boolean_term(xc_doc_t *doc, const char *term,
				    size_t len);
xc_status_t xc_doc_set_value(xc_doc_t *doc, unsigned slot, const char *v,
			     size_t len);
xc_status_t xc_doc_set_data(xc_doc_t *doc, const char *data, size_t len);

/* The document's data / value in `slot` ("" if unset), borrowed until the
 * next call on doc. */
xc_status_t xc_doc_get_data(xc_doc_t *doc, const char **data, size_t *len);
xc_status_t xc_doc_get_value(xc_doc_t *doc, unsigned slot, const char **v,
			     size_t *len);

/* Walks the document's terms in sorted order: call with *index 0 first,
 * each call yields one term (borrowed until the next call on doc) and
 * advances *index; XC_DONE after the last. */
xc_status_t xc_doc_term_next(xc_doc_t *doc, size_t *index, const char **term,
			     size_t *len, uint32_t *wdf);

/* Adds doc under its unique term, replacing every document that has that
 * term; *docid (optional) receives the new document's id. Writable only. */
xc_status_t xc_db_replace_document(xc_db_t *db, const char *unique_term,
				   size_t len, xc_doc_t *doc,
				   uint32_t *docid);
/* Adds doc with a fresh document id. Writable only. */
xc_status_t xc_db_add_document(xc_db_t *db, xc_doc_t *doc, uint32_t *docid);
/* Deletes every document indexed by the unique term; *deleted (optional)
 * is the number it had before. Writable only. */
xc_status_t xc_db_delete_document(xc_db_t *db, const char *unique_term,
				  size_t len, uint32_t *deleted);
/* Deletes the document with this id; *deleted (optional) is 1 if there
 * was one, 0 if not. Writable only. */
xc_status_t xc_db_delete_docid(xc_db_t *db, uint32_t docid, int *deleted);
/* Fetches a stored document; XC_NO_DATABASE is never returned here: a
 * missing docid is XC_MISUSE with a message. */
xc_status_t xc_db_get_document(xc_db_t *db, uint32_t docid, xc_doc_t **out);

/* ---- Numbers as sortable strings (Xapian::sortable_serialise) ---------- */

#define XC_SORTABLE_MAX 18
/* Writes the sortable encoding of v to buf, returns its length. */
size_t xc_sortable_serialise(double v, char buf[XC_SORTABLE_MAX]);
double xc_sortable_unserialise(const char *s, size_t len);

/* ---- Stemmers ---------------------------------------------------------- */

typedef struct xc_stemmer xc_stemmer_t;

/* A Snowball stemmer by language name or ISO code ("english", "en",
 * "none"). Unknown names give XC_MISUSE and *errmsg (optional). */
xc_status_t xc_stemmer_new(const char *language, xc_stemmer_t **out,
			   char **errmsg);
void xc_stemmer_free(xc_stemmer_t *stemmer);
const char *xc_stemmer_errmsg(const xc_stemmer_t *stemmer);
/* Stems one lower-cased word; the stem is borrowed until the next call. */
xc_status_t xc_stemmer_stem(xc_stemmer_t *stemmer, const char *word,
			    size_t len, const char **stem, size_t *stemlen);
/* Space-separated names of the stemmers Xapian has. Static. */
const char *xc_stemmer_languages(void);

/* ---- Queries ----------------------------------------------------------- */

typedef struct xc_query xc_query_t;

typedef enum xc_op {
	XC_OP_AND,
	XC_OP_OR,
	XC_OP_AND_NOT,
	XC_OP_XOR,
	XC_OP_AND_MAYBE,
	XC_OP_FILTER,
	XC_OP_NEAR,
	XC_OP_PHRASE,
	XC_OP_ELITE_SET,
	XC_OP_SYNONYM,
	XC_OP_MAX
} xc_op_t;

/* A term query; wqf 1 and pos 0 are the usual values. */
xc_status_t xc_query_term(const char *term, size_t len, uint32_t wqf,
			  uint32_t pos, xc_query_t **out);
/* Every term that starts with `prefix` (Xapian's OP_WILDCARD); at most
 * max_expansion terms (0: no limit) else XC_MISUSE at search time. */
xc_status_t xc_query_wildcard(const char *prefix, size_t len,
			      uint32_t max_expansion, xc_query_t **out);
/* Combines n subqueries (borrowed; copied) with op. `window` is the
 * NEAR/PHRASE window (0: number of subqueries) or ELITE_SET size. */
xc_status_t xc_query_combine(xc_op_t op, xc_query_t *const *subs, size_t n,
			     uint32_t window, xc_query_t **out);
/* Documents whose value in slot lies in [lo, hi] (string order); a NULL
 * lo or hi leaves that end open. */
xc_status_t xc_query_value_range(unsigned slot, const char *lo, size_t lolen,
				 const char *hi, size_t hilen,
				 xc_query_t **out);
/* q with its weights multiplied by factor (>= 0). */
xc_status_t xc_query_scale(const xc_query_t *q, double factor,
			   xc_query_t **out);
xc_status_t xc_query_match_all(xc_query_t **out);
xc_status_t xc_query_match_nothing(xc_query_t **out);
void xc_query_free(xc_query_t *q);
/* 1 if q matches nothing (an empty query). */
int xc_query_empty(const xc_query_t *q);
/* Xapian's description of q, e.g. "Query((Zcafe@1 OR ...))". */
xc_status_t xc_query_describe(const xc_query_t *q, char **out);

/* ---- Query parser ------------------------------------------------------ */

typedef struct xc_qparser xc_qparser_t;

typedef enum xc_qp_flag {
	XC_QP_BOOLEAN = 1 << 0,
	XC_QP_PHRASE = 1 << 1,
	XC_QP_LOVEHATE = 1 << 2,
	XC_QP_BOOLEAN_ANY_CASE = 1 << 3,
	XC_QP_WILDCARD = 1 << 4,
	XC_QP_PURE_NOT = 1 << 5,
	XC_QP_PARTIAL = 1 << 6,
	XC_QP_SPELLING_CORRECTION = 1 << 7,
	XC_QP_SYNONYM = 1 << 8,
	XC_QP_CJK_NGRAM = 1 << 9,
	XC_QP_DEFAULT = XC_QP_BOOLEAN | XC_QP_PHRASE | XC_QP_LOVEHATE
} xc_qp_flag_t;

typedef enum xc_stem_strategy {
	XC_STEM_NONE,
	XC_STEM_SOME,
	XC_STEM_ALL,
	XC_STEM_ALL_Z,
	XC_STEM_SOME_FULL_POS
} xc_stem_strategy_t;

xc_status_t xc_qparser_new(xc_qparser_t **out);
void xc_qparser_free(xc_qparser_t *qp);
const char *xc_qparser_errmsg(const xc_qparser_t *qp);
/* The database (borrowed: it must outlive qp) for wildcards and spelling. */
xc_status_t xc_qparser_set_database(xc_qparser_t *qp, xc_db_t *db);
/* Copies the stemmer. */
xc_status_t xc_qparser_set_stemmer(xc_qparser_t *qp,
				   const xc_stemmer_t *stemmer);
xc_status_t xc_qparser_set_stemming_strategy(xc_qparser_t *qp,
					     xc_stem_strategy_t strategy);
/* XC_OP_AND, XC_OP_OR, XC_OP_NEAR, XC_OP_PHRASE, XC_OP_ELITE_SET, or
 * XC_OP_MAX; anything else is XC_MISUSE. */
xc_status_t xc_qparser_set_default_op(xc_qparser_t *qp, xc_op_t op);
/* "field:" in queries searches terms with prefix (free text). */
xc_status_t xc_qparser_add_prefix(xc_qparser_t *qp, const char *field,
				  const char *prefix);
/* "field:value" filters by the term prefix+value (no effect on scores). */
xc_status_t xc_qparser_add_boolean_prefix(xc_qparser_t *qp,
					  const char *field,
					  const char *prefix);
/* Parses `query`; a syntax error is XC_BAD_QUERY with Xapian's message. */
xc_status_t xc_qparser_parse(xc_qparser_t *qp, const char *query, size_t len,
			     unsigned flags, const char *default_prefix,
			     xc_query_t **out);
/* The spelling-corrected query string from the last parse ("" if none),
 * borrowed until the next call on qp. */
xc_status_t xc_qparser_corrected(xc_qparser_t *qp, const char **s,
				 size_t *len);

/* ---- Enquire, results and match spies ---------------------------------- */

typedef struct xc_enquire xc_enquire_t;
typedef struct xc_mset xc_mset_t;
typedef struct xc_spy xc_spy_t;

/* An enquire session over db (borrowed: db must outlive it). */
xc_status_t xc_enquire_new(xc_db_t *db, xc_enquire_t **out);
void xc_enquire_free(xc_enquire_t *enq);
const char *xc_enquire_errmsg(const xc_enquire_t *enq);
/* Copies q. qlen is the query length for weighting (0: its term count). */
xc_status_t xc_enquire_set_query(xc_enquire_t *enq, const xc_query_t *q,
				 uint32_t qlen);
/* BM25 with Xapian's parameters (defaults k1 1, k2 0, k3 1, b 0.5,
 * min_normlen 0.5). Negative values are XC_MISUSE. */
xc_status_t xc_enquire_set_bm25(xc_enquire_t *enq, double k1, double k2,
				double k3, double b, double min_normlen);
/* Order by the value in slot (ascending, or descending if reverse);
 * ties go by relevance when `then_relevance`, else by docid. */
xc_status_t xc_enquire_set_sort_by_value(xc_enquire_t *enq, unsigned slot,
					 int reverse, int then_relevance);
xc_status_t xc_enquire_set_sort_by_relevance(xc_enquire_t *enq);
/* Order by relevance; equal weights go by the value in slot (ascending,
 * or descending if reverse), so ties come out the same way every time.
 * Over local databases Xapian orders by relevance alone and the binding
 * orders the ties of the page (as xc_enquire_set_collapse_key says for
 * collapsing): Xapian would read the value of every match it looks at. */
xc_status_t xc_enquire_set_sort_by_relevance_then_value(xc_enquire_t *enq,
							unsigned slot,
							int reverse);
/* At most max documents per distinct value of slot (0 turns it off).
 * Over local databases the binding collapses the page itself, from the
 * best matches uncollapsed (about four times the page, more when
 * collapsing leaves too few): the same page as Xapian's collapsing,
 * which reads the key of every match it looks at. Over a database with
 * remote parts Xapian collapses, and then the match counts the documents
 * it looks at (see xc_mset_uncollapsed_matches): a value spy of the
 * enquire does it, if there is one, else Xapian's own
 * ValueCountMatchSpy over count_slot, which each server runs and sends
 * back (best a slot with few distinct values). */
xc_status_t xc_enquire_set_collapse_key(xc_enquire_t *enq, unsigned slot,
					uint32_t max, unsigned count_slot);
/* Counts the values of slot over the documents the match looks at (all of
 * them when checkatleast >= document count). The spy is owned by enq and
 * lives until enq is freed; its counts are filled by xc_enquire_mset.
 * Over one local database opened for reading, once spies have looked up
 * the slot in as many documents as it holds, the slot is read whole into
 * memory (read again after the database changes), and later matches count
 * from there: the same counts, at far less cost per document. */
xc_status_t xc_enquire_add_value_spy(xc_enquire_t *enq, unsigned slot,
				     xc_spy_t **spy);

/* Runs the match: hits first .. first+max-1, counting at least
 * checkatleast matches exactly. If the database changes under the
 * reader, it is reopened and the match retried once. When checkatleast
 * covers a local database (every match to be counted), the page is
 * matched counting 200, and if that match did not see every match, a
 * second one without weights or page counts them all for the bounds and
 * the spies: weighing every match of a large match set cost more. */
xc_status_t xc_enquire_mset(xc_enquire_t *enq, uint32_t first, uint32_t max,
			    uint32_t checkatleast, xc_mset_t **out);

void xc_mset_free(xc_mset_t *mset);
const char *xc_mset_errmsg(const xc_mset_t *mset);
size_t xc_mset_size(const xc_mset_t *mset);
/* Estimated, lower and upper bounds of the number of matches. */
void xc_mset_matches(const xc_mset_t *mset, uint32_t *estimated,
		     uint32_t *lower, uint32_t *upper);
/* The i-th hit of this page (0-based): docid, weight, and rank in the
 * whole result (0-based, counting from the first hit overall). */
xc_status_t xc_mset_item(const xc_mset_t *mset, size_t i, uint32_t *docid,
			 double *weight, uint32_t *rank);
/* With a collapse key (xc_enquire_set_collapse_key): the estimated,
 * lower and upper bounds of the number of matches before collapsing, the
 * documents the dropped ones included; exact (all three the same) when
 * the match saw every document (fewer than checkatleast matched, or
 * checkatleast covers the database). Locally they are Xapian's bounds of
 * the uncollapsed match. Over remote databases Xapian's own bounds stay
 * loose even when the match saw every document, so the enquire counts the
 * documents it looks at. Without a collapse key, the same numbers as
 * xc_mset_matches. Note that xc_mset_matches, with a collapse key, is an
 * estimate, exact locally only when the best matches asked for held them
 * all. */
void xc_mset_uncollapsed_matches(const xc_mset_t *mset, uint32_t *estimated,
				 uint32_t *lower, uint32_t *upper);
/* The collapse count of the i-th hit of this page: how many other
 * matching documents with its collapse key were dropped (with a collapse
 * max above 1, every hit kept for a key reports it). A lower bound: over
 * local databases only those among the best matches the page was picked
 * from count, so it is exact only when those held every match; over a
 * remote database it is Xapian's, and only those dropped where the parts'
 * results were merged count, not those a server dropped within its own
 * part (count them with a query, as lede does). 0 without a collapse key,
 * for a hit without a value in the collapse slot, or when none were
 * dropped.
 * Returns XC_OK, XC_MISUSE (NULL mset or count, i out of range),
 * XC_XAPIAN, XC_INTERNAL; *count is 0 on failure. */
xc_status_t xc_mset_collapse_count(const xc_mset_t *mset, size_t i,
				   uint32_t *count);
/* 1 when the collapse counts of this page (xc_mset_collapse_count) are
 * exact, counting every match of each key; 0 otherwise (or for NULL).
 * Over one local database opened for reading, once its collapse slot is
 * read whole (on the terms of xc_enquire_add_value_spy's columns, every
 * match looked at counting), a match that saw every match counts them
 * so. */
int xc_mset_collapse_counts_exact(const xc_mset_t *mset);
/* The i-th hit's value in the collapse slot (xc_enquire_set_collapse_key),
 * borrowed until the next call on mset: "" without a collapse key or
 * when the hit has no value there. Unlike xc_mset_collapse_count, it
 * comes back from remote databases as it is. Returns XC_OK, XC_MISUSE
 * (NULL mset or key, i out of range), XC_NOMEM, XC_INTERNAL. */
xc_status_t xc_mset_collapse_key(const xc_mset_t *mset, size_t i,
				 const char **key, size_t *len);
/* The i-th hit's document (caller frees it), with its data read (its
 * values and terms are read when asked for). Retries once after a
 * reopen if the database changed. */
xc_status_t xc_mset_document(xc_mset_t *mset, size_t i, xc_doc_t **out);
/* The i-th hit's value in slot, without its data: what sorting or
 * collecting a value over many hits needs. *value (not NUL-terminated,
 * *len 0 when the hit has none) is valid until the next call on mset.
 * Retries once after a reopen if the database changed. Returns XC_OK,
 * XC_MISUSE (NULL pointers, i out of range), XC_MODIFIED, XC_XAPIAN,
 * XC_INTERNAL. */
xc_status_t xc_mset_value(xc_mset_t *mset, size_t i, unsigned slot,
			  const char **value, size_t *len);
/* Xapian's snippet of `text` for this result set's query (HTML-escaped,
 * matches between hi_start and hi_end); *out to be xc_free'd. */
xc_status_t xc_mset_snippet(xc_mset_t *mset, const char *text, size_t len,
			    size_t length, const xc_stemmer_t *stemmer,
			    const char *hi_start, const char *hi_end,
			    char **out);

/* Spy results, sorted by count (descending) then value (ascending). */
size_t xc_spy_size(const xc_spy_t *spy);
xc_status_t xc_spy_item(const xc_spy_t *spy, size_t i, const char **value,
			size_t *len, uint32_t *count);

/* ---- Expand sets: relevance feedback ------------------------------------
 *
 * Xapian's query expansion: given some documents known to be relevant (the
 * relevance set), the terms that best tell them from the rest of the
 * database, weighted by Xapian's default expand weight (TradEWeight). A
 * term indexing most of the database gets no positive weight and is left
 * out, so what comes back is what the relevance set has and the rest
 * mostly lacks.
 *
 *   xc_eset_t *eset;
 *   uint32_t rset[] = { 12, 40 };
 *   xc_enquire_eset(enq, rset, 2, 20, "XPLACE", XC_NTS, 0, &eset);
 *   for (size_t i = 0; i < xc_eset_size(eset); i++)
 *           xc_eset_item(eset, i, &term, &len, &weight);
 *   xc_eset_free(eset);
 */
typedef struct xc_eset xc_eset_t;

/* The at most maxitems terms (0 gives none) of the documents
 * rset_docids[0..n-1] with a positive expand weight, best first, equal
 * weights in term order. The terms of enq's query, if it has one, are left
 * out. With a prefix (prefix_len bytes, or XC_NTS; NULL or "" for none)
 * only terms starting with it come back (Xapian's
 * ExpandDeciderFilterPrefix); without one, exclude_prefixed non-zero
 * leaves out every term starting with an upper-case ASCII letter (the
 * prefixed terms, in Omega's convention), so only plain words come back.
 * An empty relevance set gives an empty set. If the database changes
 * under the reader, it is reopened and the expansion retried once.
 * Returns XC_OK, XC_MISUSE (enq or out NULL, rset_docids NULL with n > 0,
 * a docid of 0, a NULL prefix with a nonzero length), XC_XAPIAN (say, a
 * docid the database does not have), XC_MODIFIED, XC_NOMEM, XC_INTERNAL;
 * *out is NULL on failure, and the detail is in xc_enquire_errmsg(enq).
 * The set is the caller's (xc_eset_free) and does not need enq to live. */
xc_status_t xc_enquire_eset(xc_enquire_t *enq, const uint32_t *rset_docids,
			    size_t n, uint32_t maxitems, const char *prefix,
			    size_t prefix_len, int exclude_prefixed,
			    xc_eset_t **out);
void xc_eset_free(xc_eset_t *eset);
/* The number of terms; 0 for NULL. */
size_t xc_eset_size(const xc_eset_t *eset);
/* The i-th term (0-based), best first: *term is borrowed until
 * xc_eset_free and ends in a NUL (len may be NULL), *weight (may be NULL)
 * its expand weight. Returns XC_OK, or XC_MISUSE (eset or term NULL, i out
 * of range). Never fails otherwise. */
xc_status_t xc_eset_item(const xc_eset_t *eset, size_t i, const char **term,
			 size_t *len, double *weight);

/* ---- Term generator (for the bench) ------------------------------------ */

/* Indexes text (len bytes, or XC_NTS) into a throwaway document with
 * Xapian's TermGenerator, stemming with stem_language ("english"; NULL or
 * "" for none) under STEM_SOME, as Omega would, and sets *terms to the
 * number of positions it generated. lede indexes with ldi_analyze instead;
 * this exists so the bench can compare the two on the same text.
 * Returns XC_OK, XC_MISUSE (NULL terms or text, unknown language),
 * XC_NOMEM, XC_XAPIAN, XC_INTERNAL; *terms is 0 on failure. */
xc_status_t xc_termgen_count_terms(const char *text, size_t len,
				   const char *stem_language,
				   uint64_t *terms);

#ifdef __cplusplus
}
#endif

#endif /* LEDE_XAPIAN_C_H */
