/* lede.h: full-text search for news archives, as a C library.
 * SPDX-License-Identifier: MIT
 *
 * This header is the manual. A worked example first:
 *
 *	lede_db_t *db;
 *	char *err = NULL;
 *	if (lede_db_open("news.lede", LEDE_OPEN_CREATE, &db, &err) != LEDE_OK) {
 *		fprintf(stderr, "%s\n", err);
 *		lede_free(err);
 *		return 1;
 *	}
 *	lede_article_t a = {0};
 *	a.id = "business/001.txt";
 *	a.headline = "Ad sales boost Time Warner profit";
 *	a.body = "Quarterly profits at US media giant TimeWarner jumped 76%...";
 *	a.date = LEDE_NO_DATE;
 *	lede_db_add(db, &a);
 *	lede_db_close(db);		// commits, and says if that failed
 *
 *	lede_db_open("news.lede", LEDE_OPEN_READ, &db, NULL);
 *	lede_query_t *q;
 *	lede_results_t *r;
 *	lede_query_new(db, "time warner profits", LEDE_NTS, &q);
 *	lede_query_set_limit(q, 10);
 *	if (lede_query_run(q, &r) == LEDE_OK) {
 *		while (lede_results_next(r) == LEDE_OK)
 *			printf("%u %s\n", lede_results_rank(r),
 *			       lede_results_field(r, LEDE_FIELD_HEADLINE, 0));
 *		lede_results_free(r);
 *	}
 *	lede_query_free(q);
 *	lede_db_close(db);
 *
 * Rules that hold for every function here:
 * - Every fallible call returns lede_status_t: LEDE_OK (zero) on success.
 *   Its comment says "Returns" and lists every status it can give, and
 *   why; none other comes out. Objects come back through the last
 *   parameter, set to NULL on failure.
 * - The errmsg function of a handle (lede_errmsg, lede_parser_errmsg,
 *   lede_query_errmsg, lede_results_errmsg) gives the detail of that
 *   handle's last failure, naming the file, the path or the query. Calls
 *   without a handle, and getters that take a const handle, have only
 *   their status to say what went wrong; the exceptions are the current
 *   hit's body and quotes, read from the index when first asked for
 *   (lede_results_field, lede_results_quote), whose failures leave their
 *   message in lede_results_errmsg.
 * - Whoever calls an *_open or *_new owns the result and hands it to the
 *   matching *_close or *_free, which accept NULL. Handles may be freed in
 *   any order: a query keeps its database's memory, results their
 *   query's, until they are freed themselves (see lede_db_close). Using
 *   a handle after freeing it is undefined, as for free().
 * - A NULL handle, a NULL where a pointer is required, or an enum value
 *   this version does not know gives LEDE_MISUSE (getters: 0 or NULL),
 *   never a crash.
 * - A returned `const char *` is borrowed; each function says until when.
 *   A returned `char *` is the caller's, to release with lede_free().
 * - Inputs are borrowed for the call only; lede copies what it keeps.
 * - Text is UTF-8. Strings passed as pointer then length accept LEDE_NTS
 *   as the length for NUL-terminated text. Invalid UTF-8 is repaired
 *   (each bad byte becomes U+FFFD), never an error.
 * - A handle serves one thread at a time (Xapian takes no locks); use one
 *   database handle per thread, with its queries and results. Many
 *   readers and one writer may use the same index at once, from any
 *   number of processes. Functions without a handle (lede_version,
 *   lede_status_str, lede_free, the date, format and field parsers,
 *   lede_is_documentation_name, lede_parse_buffer, lede_default_path)
 *   hold no state: any thread may call them at any time.
 * - Out of memory gives LEDE_NOMEM; a failure inside Xapian that lede
 *   cannot classify gives LEDE_XAPIAN, and one that should not happen at
 *   all LEDE_INTERNAL (a bug in lede). Each is listed where it can occur.
 */
#ifndef LEDE_H
#define LEDE_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* liblede.so is built with hidden visibility: what is declared between
 * this push and the pop at the end of the header, the API, is all it
 * exports. For a program the pragma changes nothing. */
#if defined(__GNUC__) && __GNUC__ >= 4
#pragma GCC visibility push(default)
#endif

/* ---- Version ----------------------------------------------------------- */

/* The version of this header. The build takes the project's version from
 * these lines (CMakeLists.txt), so the library, lede.pc and the CMake
 * package say the same. Before 1.0, a new minor version may change the
 * ABI: liblede.so's SONAME carries MAJOR.MINOR. */
#define LEDE_VERSION_MAJOR 0
#define LEDE_VERSION_MINOR 1
#define LEDE_VERSION_PATCH 0
#define LEDE_VERSION_STRING "0.1.0"

/* The library's version, "MAJOR.MINOR.PATCH": compare with
 * LEDE_VERSION_STRING to catch a header/library mismatch. Static: never
 * NULL, never to be freed. */
const char *lede_version(void);

/* The length of a NUL-terminated string, where a length is asked for. */
#define LEDE_NTS ((size_t)-1)

/* ---- Status codes and memory ------------------------------------------- */

typedef enum lede_status {
	LEDE_OK = 0,
	LEDE_DONE,	  /* not an error: no more items */
	LEDE_NOMEM,	  /* out of memory */
	LEDE_MISUSE,	  /* NULL handle, bad argument, wrong mode */
	LEDE_NO_INDEX,	  /* no index at that path, or it cannot be opened */
	LEDE_LOCKED,	  /* another writer has the index */
	LEDE_MODIFIED,	  /* the index changed while reading, even after a
			     reopen and retry: try again */
	LEDE_FORMAT,	  /* built by another lede or Xapian format:
			     re-index needed */
	LEDE_CORRUPT,	  /* the index is damaged */
	LEDE_BAD_QUERY,	  /* the query cannot be parsed */
	LEDE_BAD_INPUT,	  /* input that cannot be read as articles */
	LEDE_IO,	  /* a file could not be read (or an index written) */
	LEDE_XAPIAN,	  /* another error from Xapian */
	LEDE_INTERNAL	  /* a bug in lede */
} lede_status_t;

/* A fixed English phrase for a status ("index is locked by another
 * writer"). Static; never NULL: "unknown status" for a code this version
 * does not know. */
const char *lede_status_str(lede_status_t status);

/* Releases what lede returned for the caller to free: a `char *`
 * (lede_default_path, lede_db_open's message, snippets, JSON) or
 * lede_results_snippet_ranges's ranges. NULL is fine. */
void lede_free(void *p);

/* ---- Article records --------------------------------------------------- */

/* "No date known" for lede_article_t.date. */
#define LEDE_NO_DATE INT64_MIN

/* Quoted speech found in an article: what was said and, when the sentence
 * names one, who said it (NULL or "" when not known). */
typedef struct lede_quote {
	const char *text;
	const char *speaker;
} lede_quote_t;

/* One article, as a reader or a caller gives it to lede. Fields are
 * NUL-terminated UTF-8; NULL or "" means absent. Each list is a pointer
 * and a count; a NULL pointer with a count of 0 is an empty list.
 * Borrowed for the call. Always start from a zeroed record ({0}; in C++
 * {}), so fields added by later versions of lede read as absent. */
typedef struct lede_article {
	const char *id;		/* stable id; NULL: a hash of the content */
	const char *headline;
	const char *body;
	const char *const *authors; /* n_authors names */
	size_t n_authors;
	int64_t date;		/* seconds since 1970 UTC, or LEDE_NO_DATE */
	const char *source;	/* publisher or outlet, e.g. "BBC News" */
	const char *section;	/* e.g. "business" */
	const char *language;	/* BCP 47, e.g. "en" */
	const char *url;
	/* The publisher's own keywords and feed categories. */
	const char *const *tags;
	size_t n_tags;
	/* Entities the article names, one canonical form each ("United
	 * Kingdom", not "UK" and "Britain"). lede_parse_buffer fills them
	 * by extraction when the format gave none. */
	const char *const *places;
	size_t n_places;
	const char *const *orgs;
	size_t n_orgs;
	const char *const *people;
	size_t n_people;
	const lede_quote_t *quotes;
	size_t n_quotes;
} lede_article_t;

/* Parses a date in any form news carries into seconds since 1970 UTC
 * in *out: ISO 8601 ("2004-12-31", "2004-12-31T23:59Z", "2004-12-31
 * 23:59:58.25 +01:00"), RFC 822/5322 ("Fri, 31 Dec 2004 23:59:58 GMT",
 * obsolete zone names and two-digit years included), "31 December 2004",
 * "December 31, 2004 11:59 PM EST", "2004/12/31". A time without a zone
 * is UTC. Dates whose day and month are both numbers are read only year
 * first. text is len bytes (or LEDE_NTS); spaces around it are ignored.
 * Returns LEDE_OK, LEDE_MISUSE (text or out NULL), LEDE_BAD_INPUT (not
 * a date). */
lede_status_t lede_date_parse(const char *text, size_t len, int64_t *out);

#define LEDE_DATE_BUFSIZE 32

/* Writes date as "YYYY-MM-DDTHH:MM:SSZ" (21 bytes with the NUL) to buf,
 * which holds LEDE_DATE_BUFSIZE bytes. Any value fits: years beyond 9999
 * or before 0 take ISO 8601's signed form ("+10000-01-01T00:00:00Z"), so
 * test for LEDE_NO_DATE first. A NULL buf is ignored. */
void lede_date_format(int64_t date, char buf[LEDE_DATE_BUFSIZE]);

/* ---- Reading formats --------------------------------------------------- */

typedef enum lede_format {
	LEDE_FORMAT_AUTO,	/* guessed from the content */
	LEDE_FORMAT_TEXT,	/* headline line, blank line, body */
	LEDE_FORMAT_JSONL,	/* JSON lines, a JSON array, or one object */
	LEDE_FORMAT_HTML,	/* one article page */
	LEDE_FORMAT_FEED,	/* RSS 2.0, RSS 1.0 (RDF) or Atom */
	LEDE_FORMAT_MESSAGE,	/* one RFC 5322 message (e-mail, Usenet) */
	LEDE_FORMAT_MBOX	/* messages, each after a "From " line */
} lede_format_t;

/* Parses a format name into *out: "auto", "text", "jsonl" (or "json"),
 * "html", "feed" (or "rss", "atom"), "message" (or "email", "eml"),
 * "mbox". Returns LEDE_OK, LEDE_MISUSE (name or out NULL, or any other
 * name). */
lede_status_t lede_format_parse(const char *name, lede_format_t *out);

/* Called once per article found; the record and its strings are borrowed
 * for the call. Returning non-zero stops the parse, which then returns
 * LEDE_DONE. */
typedef int (*lede_article_fn)(void *ctx, const lede_article_t *article);

/* Called for a problem that does not stop the parse: `where` names the
 * input and, where known, the line ("feed.jsonl:12"); message says what
 * was wrong and what lede did about it. Both borrowed for the call. */
typedef void (*lede_warning_fn)(void *ctx, const char *where,
				const char *message);

/* Reads articles from buf, len bytes (or LEDE_NTS; NULL only with len
 * 0), in `format`, with no options (lede_parser_new gives them), passing
 * each to on_article (not NULL) and each problem to on_warning (may be
 * NULL), both with ctx. `name` (may be NULL) names the input in warnings
 * and gives ids: a text article without its own id gets `name` as id;
 * the Nth record of a JSON lines input without an id or url gets
 * "name#N". With name NULL, ids fall back to a content hash.
 * Invalid UTF-8 is repaired, with a warning. Bad records are reported
 * through on_warning and skipped; the rest is read.
 * Returns LEDE_OK (an article or more was read; also for JSON lines
 * holding no record at all, with a warning), LEDE_DONE (stopped by
 * on_article), LEDE_MISUSE (NULL on_article, NULL buf with a length, a
 * format this version does not know), LEDE_NOMEM, LEDE_BAD_INPUT (no
 * article in it: the text is empty, or every record is bad; the reasons
 * went to on_warning). */
lede_status_t lede_parse_buffer(const char *name, const char *buf,
				size_t len, lede_format_t format,
				lede_article_fn on_article,
				lede_warning_fn on_warning, void *ctx);

/* A parser reads many inputs with the same options: a format, JSON key
 * mappings, flags. It also reads files, gzip-compressed files and
 * archives (tar, tar.gz, zip, cpio...) without unpacking them first.
 * Not thread-safe: one parser per thread. */
typedef struct lede_parser lede_parser_t;

/* Creates a parser that passes articles to on_article (not NULL) and
 * problems to on_warning (may be NULL), each with ctx (passed back as
 * is). Defaults: format AUTO, extraction on, no key mappings, no flags.
 * The caller frees *parser with lede_parser_free. Returns LEDE_OK,
 * LEDE_MISUSE (on_article or parser NULL), LEDE_NOMEM. */
lede_status_t lede_parser_new(lede_article_fn on_article,
			      lede_warning_fn on_warning, void *ctx,
			      lede_parser_t **parser);

/* Frees a parser and its messages; NULL is fine. */
void lede_parser_free(lede_parser_t *parser);

/* The detail of the parser's last failure, "" if none ("no parser
 * handle (NULL)" for NULL); after LEDE_BAD_INPUT, the last warning of
 * that input. Borrowed until the next call on parser. */
const char *lede_parser_errmsg(const lede_parser_t *parser);

/* The format of the inputs to come (default LEDE_FORMAT_AUTO: guessed
 * from each input's content). Returns LEDE_OK, LEDE_MISUSE (NULL parser,
 * a format this version does not know). */
lede_status_t lede_parser_set_format(lede_parser_t *parser,
				     lede_format_t format);

enum {
	/* Fill a missing section from the folder the input's name puts it
	 * in ("business/001.txt" -> business), for inputs that hold one
	 * article each. Folders named like dates or numbers ("2023-10-01")
	 * and generic ones ("data", "articles") name no section. Archive
	 * members always work this way. */
	LEDE_PARSE_FOLDER_SECTIONS = 1 << 0,
	/* Leave places, organisations, people and quotes empty. */
	LEDE_PARSE_NO_EXTRACT = 1 << 1
};

/* Sets the parser's flags, LEDE_PARSE_* bits or 0, replacing those set
 * before. Returns LEDE_OK, LEDE_MISUSE (NULL parser, a bit this version
 * does not know). */
lede_status_t lede_parser_set_flags(lede_parser_t *parser, unsigned flags);

/* Maps a JSON key to a field: spec is "key=field" with field one of id,
 * headline, body, authors (or author), date, source, section, language,
 * url, tags, places, orgs, people; "key=" ignores the key. A mapped key
 * is read before the usual keys of its field. Mappings add up; none can
 * be taken back. Returns LEDE_OK, LEDE_MISUSE (NULL parser or spec, spec
 * malformed or field unknown: lede_parser_errmsg says which),
 * LEDE_NOMEM. */
lede_status_t lede_parser_map(lede_parser_t *parser, const char *spec);

/* Reads a buffer as lede_parse_buffer does (name, buf and len as there),
 * with the parser's format, flags and mappings, passing articles and
 * warnings to the parser's callbacks. Returns LEDE_OK, LEDE_DONE,
 * LEDE_MISUSE (NULL parser, NULL buf with a length), LEDE_NOMEM,
 * LEDE_BAD_INPUT (no article in it: lede_parser_errmsg gives the last
 * warning), as lede_parse_buffer. */
lede_status_t lede_parser_buffer(lede_parser_t *parser, const char *name,
				 const char *buf, size_t len);

/* Reads the file at path ("-": standard input); `name` gives ids and
 * warnings (NULL: path). A gzip, bzip2 or xz file is decompressed; an
 * archive gives each regular member as an input named
 * "name/member/path" (with sections from the member's folder; hidden
 * and documentation members are left out). Inputs over 256 MiB, articles
 * over 16 MiB (no news article is; such a thing is a data file) and
 * binary inputs are skipped with a warning.
 * Returns LEDE_OK (something was read; problems went to on_warning),
 * LEDE_DONE (stopped by on_article), LEDE_MISUSE (NULL parser or path),
 * LEDE_NOMEM, LEDE_IO (the file or archive could not be read, or was cut
 * short: lede_parser_errmsg says why; articles before the damage were
 * passed on), LEDE_BAD_INPUT (no article in it: empty, binary, too big,
 * or nothing but bad records; lede_parser_errmsg gives the last
 * warning). */
lede_status_t lede_parser_file(lede_parser_t *parser, const char *path,
			       const char *name);

/* Reads, of every archive lede_parser_file reads from now on, only its
 * entries numbered first to first + count - 1 (from 0, in the archive's
 * order, counting every entry as lede_archive_entries does: folders,
 * hidden and documentation members too), stopping after the last; count
 * 0 reads them all again (the default). Several parsers can so share one
 * large archive, each a run of its entries. Files that are no archive
 * are read whole. Returns LEDE_OK, LEDE_MISUSE (NULL parser, first +
 * count past the largest number). */
lede_status_t lede_parser_set_entries(lede_parser_t *parser, uint64_t first,
				      uint64_t count);

/* How many entries the archive at path holds, in *count: 0 for a file
 * lede_parser_file reads whole (not an archive, or one compressed file).
 * Reads the whole archive. Returns LEDE_OK, LEDE_MISUSE (path or count
 * NULL), LEDE_IO (the file cannot be read, or the archive is damaged or
 * libarchive cannot be loaded; *count is then 0). */
lede_status_t lede_archive_entries(const char *path, uint64_t *count);

/* 1 when a file name (README, LICENSE.txt, ...; any folder before it is
 * ignored) names a project's documentation rather than an article:
 * lede_parser_file leaves such archive members out, and lede-index such
 * files in folders it walks. 0 otherwise, and for NULL. */
int lede_is_documentation_name(const char *name);

/* ---- Opening an index -------------------------------------------------- */

typedef struct lede_db lede_db_t;

typedef enum lede_open_flags {
	LEDE_OPEN_READ = 0,	/* search only */
	LEDE_OPEN_WRITE = 1,	/* add and delete; the index must exist */
	LEDE_OPEN_CREATE = 3,	/* like WRITE, creating the index if missing */
	/* Or'ed into WRITE or CREATE for a single index (not a shard set):
	 * commits do not wait for the disk. A crash of the program loses
	 * nothing committed, but one of the machine (power, kernel) may lose
	 * or damage the index. For indexes that can be made again, such as
	 * the parts of a parallel load (lede_db_merge). Filling BBC x16 with
	 * one writer took 8% less time this way. */
	LEDE_OPEN_NO_SYNC = 4
} lede_open_flags_t;

/* The index used when none is named: $LEDE_DB if set and not empty, else
 * "$XDG_DATA_HOME/lede/index" ($HOME/.local/share/lede/index when
 * XDG_DATA_HOME is unset), else "lede.index". Caller frees the string
 * with lede_free(); NULL only when out of memory. */
char *lede_default_path(void);

/* Opens the index at `path`. Writers are exclusive: a second writer gets
 * LEDE_LOCKED at once, never a wait; a reader opening while a writer
 * commits starts again on the newest revision. An index made by an
 * incompatible lede gets LEDE_FORMAT (the message says when a newer lede
 * made it); a writer that may not write the directory gets LEDE_IO. On
 * failure *db is NULL and, when errmsg is not NULL, *errmsg is a message
 * naming the path (lede_free it).
 * What path may name:
 * - a folder holding an index (what LEDE_OPEN_CREATE makes);
 * - a shard set (lede_db_open_sharded): every shard, searched as one
 *   index; a writer adds each article to the shard of its date;
 * - for reading only: a Xapian stub database (a file, or a folder with
 *   a file XAPIANDB) whose lines name the indexes to search as one:
 *   "auto PATH" (relative to the stub's folder; a folder, a shard set
 *   or another stub), "remote HOST:PORT" (an index served by
 *   xapian-tcpsrv), "remote :PROGRAM ARGS" (by xapian-progsrv through a
 *   program such as ssh), "#" comments; or "tcp://HOST:PORT".
 * Searching several indexes gives what one index holding all their
 * articles would give: the same hits, scores, order and counts (each
 * article id must be in one of them only), except that spelling
 * suggestions know only the words of local indexes (Xapian's remote
 * backend has no spelling table).
 * Returns LEDE_OK, LEDE_MISUSE (also: writing to a stub or a remote
 * index; LEDE_OPEN_NO_SYNC for reading or for a shard set),
 * LEDE_NO_INDEX (also: a server that cannot be reached, a stub file
 * that lists no index),
 * LEDE_LOCKED, LEDE_FORMAT, LEDE_CORRUPT, LEDE_IO, LEDE_MODIFIED (a
 * writer kept committing while a reader opened), LEDE_BAD_INPUT (a stub
 * line lede cannot read: the message names the file and line),
 * LEDE_XAPIAN, LEDE_NOMEM, LEDE_INTERNAL. */
lede_status_t lede_db_open(const char *path, lede_open_flags_t flags,
			   lede_db_t **db, char **errmsg);

/* Opens several indexes (each anything lede_db_open reads) as one, for
 * reading, as lede_db_open does for a stub listing them. n is at least
 * 1. Returns LEDE_OK, LEDE_MISUSE (paths NULL, n 0, a NULL or empty
 * path), LEDE_NO_INDEX (no index at a path, a server that cannot be
 * reached, a stub file that lists no index), LEDE_FORMAT, LEDE_CORRUPT,
 * LEDE_MODIFIED, LEDE_BAD_INPUT (a stub line lede cannot read),
 * LEDE_XAPIAN, LEDE_NOMEM, LEDE_INTERNAL;
 * the message names the index or the stub line. */
lede_status_t lede_db_open_combined(const char *const *paths, size_t n,
				    lede_db_t **db, char **errmsg);

/* Time-based shards: one index per year, month or day, named after it
 * ("2023", "2023-11", "2023-11-12"), in one folder, with "undated" for
 * articles without a date (or a year outside 0-9999). */
typedef enum lede_shard_unit {
	LEDE_SHARD_YEAR = 1,
	LEDE_SHARD_MONTH,
	LEDE_SHARD_DAY
} lede_shard_unit_t;

/* Opens the shard set at `path` for writing, making it (a folder holding
 * the shards, the stub XAPIANDB listing them, and "files", the records
 * of incremental indexing) when path does not exist or is an empty
 * folder. Each article added goes to the shard of its date, made when
 * first needed; an id is kept in one shard only (an article whose date
 * moved leaves its old shard). The shard set is one index to every other
 * function: lede_db_open opens it too, for reading or writing, whatever
 * its unit. Returns LEDE_OK, LEDE_MISUSE (NULL arguments, an unknown
 * unit, or path is something else: an index, a set cut by another unit,
 * a set whose XAPIANDB names what lede did not make; the message says
 * which), LEDE_NO_INDEX (a shard the set lists is missing), LEDE_LOCKED
 * (another writer has the set), LEDE_IO (the folder cannot be made),
 * LEDE_FORMAT, LEDE_CORRUPT, LEDE_MODIFIED, LEDE_XAPIAN, LEDE_NOMEM,
 * LEDE_INTERNAL. */
lede_status_t lede_db_open_sharded(const char *path, lede_shard_unit_t unit,
				   lede_db_t **db, char **errmsg);

/* Called while compaction goes on: the index (a path) and the table being
 * compacted, and what the compactor says of it. All borrowed for the
 * call. */
typedef void (*lede_compact_fn)(void *ctx, const char *index,
				const char *table, const char *status);

/* Compacts the index at path with Xapian's compactor, blocks as full as
 * they go (for an index, such as a closed shard, that will seldom be
 * written again), and puts the compact copy in its place: it is written
 * beside it (path + ".lede-compact"), then the two folders are swapped
 * in one rename, so a crash at any point leaves path holding either the
 * old index or the new one, complete; the next compaction removes what
 * a crash left beside it. The index is locked for writing meanwhile
 * (LEDE_LOCKED if a writer has it). A shard set: each of its shards and
 * its records in turn. Readers may go on: one that has the index open
 * reads the old files until it next runs a query, which opens the new
 * ones. progress (may be NULL) hears of each table; *before and *after
 * (both optional) are the sizes on disk in bytes. Returns LEDE_OK,
 * LEDE_MISUSE (path NULL, a stub or remote), LEDE_NO_INDEX, LEDE_LOCKED,
 * LEDE_IO (a folder could not be moved or removed: the message says what
 * is where), LEDE_FORMAT, LEDE_CORRUPT, LEDE_XAPIAN, LEDE_NOMEM,
 * LEDE_INTERNAL. */
lede_status_t lede_db_compact(const char *path, lede_compact_fn progress,
			      void *ctx, uint64_t *before, uint64_t *after,
			      char **errmsg);

/* Makes the index at path from n indexes written apart, such as by
 * parallel writers each given a share of the input (lede-index --jobs):
 * Xapian's compactor merges the parts, in order, into a new index beside
 * path, which is then put in its place as lede_db_compact does, so a
 * crash leaves path empty or whole. The result is what one writer adding
 * the parts' articles in order would have made: an id in several parts
 * keeps the copy of the last part that has it; each part's file records
 * are kept, so a later run over the same files reads only what changed
 * (a file recorded in several parts, each having read a run of its
 * entries with lede_parser_set_entries, gets one record: the file's
 * articles in the merged index, an id two runs read counted once, and
 * wholly read only if each part read its run to the end).
 * path must be new or an empty index (no articles, no file records); it
 * is locked for writing meanwhile. The parts (each one index folder of
 * this lede, not written meanwhile) are only read: the caller removes
 * them. progress (may be NULL) hears of each table merged. Returns
 * LEDE_OK, LEDE_MISUSE (path, parts or a part NULL or "", n 0, path or a
 * part not one index folder, path not empty), LEDE_NO_INDEX (a part is
 * missing), LEDE_LOCKED (a writer has path), LEDE_IO (as
 * lede_db_compact), LEDE_FORMAT, LEDE_CORRUPT, LEDE_XAPIAN, LEDE_NOMEM,
 * LEDE_INTERNAL; *errmsg (optional: lede_free it) says why. */
lede_status_t lede_db_merge(const char *path, const char *const *parts,
			    size_t n, lede_compact_fn progress, void *ctx,
			    char **errmsg);

/* Commits a writer's pending articles and closes the index. The caller's
 * use of db ends here whatever the status; as no handle is left to ask
 * why a commit failed, call lede_db_commit first to learn it. When
 * queries made from db are still alive, the index stays open for them (a
 * writer's lock too) until the last of them, and the last results made
 * from them, are freed: results go on reading hits, while lede_query_run
 * gives LEDE_MISUSE. Returns the commit's status: LEDE_OK (also when
 * nothing was pending, for a reader, and for NULL), LEDE_MISUSE (db was
 * closed already and is only still open for its queries), and a failed
 * commit's LEDE_NO_INDEX, LEDE_XAPIAN, LEDE_NOMEM, LEDE_CORRUPT,
 * LEDE_INTERNAL (see lede_db_commit). */
lede_status_t lede_db_close(lede_db_t *db);

/* The detail of the last failure on db (or on a query or results made
 * from it: pass those handles to lede_query_errmsg / lede_results_errmsg),
 * "" if none, "no index handle (NULL)" for NULL. Borrowed until the next
 * call on db. */
const char *lede_errmsg(const lede_db_t *db);

/* The number of articles in the index in *count: a reader counts the
 * newest committed revision, a writer its pending articles too. Returns
 * LEDE_OK, LEDE_MISUSE (db or count NULL), LEDE_NO_INDEX (a reader's
 * index was removed since it was opened), LEDE_NOMEM, LEDE_CORRUPT,
 * LEDE_XAPIAN, LEDE_INTERNAL. */
lede_status_t lede_db_count(lede_db_t *db, uint64_t *count);

/* ---- Writing ----------------------------------------------------------- */

/* Adds an article (borrowed for the call: lede copies what it keeps),
 * replacing any article with the same id (so indexing the same input
 * twice changes nothing). Pending until commit; lede commits on its own
 * every few hundred articles (lede_db_set_batch_size), so this call may
 * fail as a commit does. Writers only. Returns LEDE_OK, LEDE_MISUSE
 * (NULL db or article, a reader, a list count without its list),
 * LEDE_NO_INDEX, LEDE_XAPIAN (the index could not be written: see
 * lede_db_commit), LEDE_NOMEM, LEDE_CORRUPT, LEDE_INTERNAL; lede_errmsg
 * says why. */
lede_status_t lede_db_add(lede_db_t *db, const lede_article_t *article);

/* Deletes the article with this id, len bytes (or LEDE_NTS); *deleted
 * (optional) is 1 if there was one, else 0. Pending until commit, and
 * counted towards the automatic one (lede_db_add). Writers only. Returns
 * LEDE_OK (also when no article has the id), LEDE_MISUSE (NULL db or id,
 * a reader), LEDE_NO_INDEX, LEDE_XAPIAN (a commit failed: see
 * lede_db_commit), LEDE_NOMEM, LEDE_CORRUPT, LEDE_INTERNAL. */
lede_status_t lede_db_delete(lede_db_t *db, const char *id, size_t len,
			     int *deleted);

/* Makes every pending change durable and visible to readers, and records
 * the time of the commit (lede_stats_get, LEDE_STAT_LAST_COMMIT). With
 * nothing pending it writes nothing. Writers only. Returns LEDE_OK,
 * LEDE_MISUSE (NULL db, a reader), LEDE_NO_INDEX (the index's folder was
 * removed, and a table it needs could not be made), LEDE_XAPIAN (the
 * index could not be written: a full disk, its folder removed),
 * LEDE_NOMEM, LEDE_CORRUPT, LEDE_INTERNAL; lede_errmsg says why. */
lede_status_t lede_db_commit(lede_db_t *db);

/* Commits on its own once n articles were added or deleted since the last
 * commit (default 500: Xapian's cost per article was lowest with batches
 * of a few hundred); 0 commits only when asked (lede_db_commit,
 * lede_db_close), though Xapian itself still commits every 10,000
 * changes. Pending changes are held in memory, so the batch bounds both
 * what a writer holds and what a crash can lose: committed data survives
 * any crash. The spelling table (suggestions) gets the words of articles
 * at lede_db_commit and lede_db_close, and on the way only every 50,000
 * articles (or 262,144 distinct words): giving it words costs more the
 * more often it is done (batches under 500 articles, and shard sets,
 * give them at every commit). The commits in between record the words
 * in the index, so those of every article lede commits reach the table,
 * after a crash with the next writer's commit that writes anything;
 * Xapian's own commits (batch size 0) may carry up to 499 articles whose
 * words were not yet recorded. Writers only.
 * Returns LEDE_OK, LEDE_MISUSE (NULL db, a reader). */
lede_status_t lede_db_set_batch_size(lede_db_t *db, unsigned n);

/* ---- Incremental indexing ---------------------------------------------- */

/* An index remembers the files its articles came from: each file's name
 * (what its articles' ids start from), its path, size, modification time
 * and a hash of its content, and which articles it gave. A run over the
 * same files reads only what changed, replaces a changed file's articles
 * and deletes those it no longer holds:
 *
 *	lede_file_state_t state;
 *	uint64_t deleted;
 *	if (lede_db_file_begin(db, path, name, 0, &state) == LEDE_OK &&
 *	    state != LEDE_FILE_UNCHANGED) {
 *		// on_article calls lede_db_add(db, article)
 *		lede_status_t st = lede_parser_file(parser, path, name);
 *		lede_db_file_end(db, st == LEDE_IO ? LEDE_FILE_INCOMPLETE
 *				   : st == LEDE_BAD_INPUT ? LEDE_FILE_FAILED
 *				   : LEDE_FILE_COMPLETE, &deleted);
 *	}
 *
 * The file's record is written with its last article, in the same commit
 * or a later one, so a crash never leaves a file marked done without its
 * articles: the next run reads it again. */
typedef enum lede_file_state {
	LEDE_FILE_NEW,		/* not indexed before (or only part of it,
				   the first time) */
	LEDE_FILE_CHANGED,	/* indexed before; changed since, or its
				   last reading did not finish */
	LEDE_FILE_UNCHANGED	/* same size and modification time, or else
				   the same content */
} lede_file_state_t;

enum {
	/* Read the file even when it is unchanged (after changing how
	 * articles are read: --map, --no-extract, a newer lede). */
	LEDE_FILE_REREAD = 1 << 0
};

/* Looks up the file at path, whose articles' ids start from `name` (as
 * for lede_parser_file; the file's key in the index), and sets *state.
 * An unchanged file gives LEDE_FILE_UNCHANGED and nothing more is to be
 * done: its articles are in the index. Otherwise the file is open for
 * indexing: until lede_db_file_end, every article lede_db_add adds is
 * recorded as the file's. The content is hashed when the file is new or
 * changed, or when its size is the same but its time is not (a file
 * touched, or copied with a new time, is still unchanged). flags: 0 or
 * LEDE_FILE_REREAD (the file is read whatever its state: NEW or
 * CHANGED). path and name are borrowed for the call. Returns LEDE_OK,
 * LEDE_MISUSE (NULL db, path, name or state, a reader, a file already
 * open), LEDE_IO (the file cannot be read, or is no regular file:
 * lede_errmsg says why), LEDE_NOMEM, LEDE_XAPIAN, LEDE_CORRUPT,
 * LEDE_INTERNAL. */
lede_status_t lede_db_file_begin(lede_db_t *db, const char *path,
				 const char *name, unsigned flags,
				 lede_file_state_t *state);

typedef enum lede_file_end {
	/* The file was read to the end: its articles that this reading did
	 * not add are deleted, and the file is recorded as indexed. */
	LEDE_FILE_COMPLETE,
	/* Nothing in the file could be read as articles: its earlier
	 * articles are deleted, and the next run reads it again. */
	LEDE_FILE_FAILED,
	/* Reading stopped part way (a read error, a file cut short, the
	 * program stopping): its earlier articles stay, and the next run
	 * reads it again. */
	LEDE_FILE_INCOMPLETE
} lede_file_end_t;

/* Closes the file lede_db_file_begin opened, as `how` says; *deleted
 * (optional) is the number of its articles deleted, which count towards
 * the automatic commit (lede_db_add). The file is closed whatever the
 * status. Returns LEDE_OK, LEDE_MISUSE (NULL db, no file open, a `how`
 * this version does not know), LEDE_NO_INDEX, LEDE_XAPIAN (a commit
 * failed: see lede_db_commit), LEDE_NOMEM, LEDE_CORRUPT, LEDE_INTERNAL. */
lede_status_t lede_db_file_end(lede_db_t *db, lede_file_end_t how,
			       uint64_t *deleted);

/* Forgets the file called `name` (its key, as given to
 * lede_db_file_begin) and deletes its articles: *found (optional) is 1
 * if the index knew the file, *deleted (optional) how many articles
 * went. Writers only. Returns LEDE_OK (also for a file the index does
 * not know), LEDE_MISUSE (NULL db or name, a reader, a file open with
 * lede_db_file_begin), LEDE_NO_INDEX, LEDE_XAPIAN (a commit failed: see
 * lede_db_commit), LEDE_NOMEM, LEDE_CORRUPT, LEDE_INTERNAL. */
lede_status_t lede_db_file_remove(lede_db_t *db, const char *name, int *found,
				  uint64_t *deleted);

/* Deletes the articles of every known file at `path` or below it (a
 * folder) that is gone: no longer there, or no longer a regular file.
 * Files that cannot be looked at (permission denied) are kept. *files and
 * *deleted (both optional) count the files forgotten and the articles
 * deleted. Writers only. Returns LEDE_OK, LEDE_MISUSE (NULL db or path,
 * a reader, a file open with lede_db_file_begin), LEDE_NO_INDEX,
 * LEDE_XAPIAN (a commit failed: see lede_db_commit), LEDE_NOMEM,
 * LEDE_CORRUPT, LEDE_INTERNAL. */
lede_status_t lede_db_prune(lede_db_t *db, const char *path, uint64_t *files,
			    uint64_t *deleted);

/* ---- Queries ----------------------------------------------------------- */

typedef enum lede_field {
	LEDE_FIELD_ID,
	LEDE_FIELD_HEADLINE,
	LEDE_FIELD_BODY,
	LEDE_FIELD_AUTHOR,	/* multi-valued */
	LEDE_FIELD_SOURCE,
	LEDE_FIELD_SECTION,
	LEDE_FIELD_LANGUAGE,
	LEDE_FIELD_URL,
	LEDE_FIELD_TAG,		/* multi-valued, as are the three below */
	LEDE_FIELD_PLACE,
	LEDE_FIELD_ORG,
	LEDE_FIELD_PERSON
} lede_field_t;

typedef struct lede_query lede_query_t;
typedef struct lede_results lede_results_t;

/* Parses a query, text of len bytes (or LEDE_NTS), into *query (see
 * lede-search(1) for the syntax: words, "phrases", AND OR NOT, +must
 * -not, (groups), a NEAR/n b, field:value, trailing*), through the same
 * text analysis the indexer used; a reader first catches up with the
 * languages writers added. Text that is empty or only spaces is accepted
 * here, for a query that lede_query_set_like gives something to rank by;
 * run without it, such a query gives LEDE_BAD_QUERY. The caller frees
 * the query with lede_query_free; db may be closed first (see
 * lede_db_close). Returns LEDE_OK, LEDE_MISUSE (NULL db, text or query),
 * LEDE_BAD_QUERY (lede_errmsg(db) says where and why: "... at column
 * 7"), LEDE_NOMEM, and, when reading the index's languages fails,
 * LEDE_MODIFIED, LEDE_CORRUPT, LEDE_XAPIAN, LEDE_INTERNAL. */
lede_status_t lede_query_new(lede_db_t *db, const char *text, size_t len,
			     lede_query_t **query);

/* Frees a query; NULL is fine. Results made from it stay valid, and keep
 * it until the last of them is freed. */
void lede_query_free(lede_query_t *query);

/* The detail of the query's last failure (its setters' and
 * lede_query_run's), "" if none, "no query handle (NULL)" for NULL.
 * Borrowed until the next call on query. */
const char *lede_query_errmsg(const lede_query_t *query);

/* The query's text as lede read it (invalid UTF-8 repaired), for printing
 * back. Borrowed until lede_query_free; NULL when query is NULL. */
const char *lede_query_text(const lede_query_t *query);

/* Page of hits to return: at most limit (default 10; 0 gives none, only
 * the totals) starting offset hits in (default 0). Any values are
 * allowed: a page past the last hit is empty. Returns LEDE_OK,
 * LEDE_MISUSE (NULL query). */
lede_status_t lede_query_set_limit(lede_query_t *query, uint32_t limit);
lede_status_t lede_query_set_offset(lede_query_t *query, uint32_t offset);

/* Parses a field's name into *out, as options and facets name them:
 * "author", "source", "section", "language" (or "lang"), "place", "org",
 * "person", "tag", "id", "url", "headline", and the plurals "authors",
 * "places", "orgs", "people", "tags".
 * Returns LEDE_OK, LEDE_MISUSE (name or out NULL, or any other name). */
lede_status_t lede_field_parse(const char *name, lede_field_t *out);

/* A field's own name, the first lede_field_parse lists for it ("language"
 * for LEDE_FIELD_LANGUAGE, "body" for LEDE_FIELD_BODY): what facets and
 * JSON keys are called. A static string; NULL for a value this version
 * does not know. */
const char *lede_field_name(lede_field_t field);

/* Keeps only articles whose `field` has this value (whole value, case
 * and accents folded; places by any of their names). Filters on one
 * field are alternatives, filters on different fields must all hold; no
 * filter changes a score. Fields: LEDE_FIELD_AUTHOR, SOURCE, SECTION,
 * LANGUAGE, TAG, PLACE, ORG, PERSON. value is borrowed for the call.
 * Returns LEDE_OK, LEDE_MISUSE (NULL query, NULL or empty value, any
 * other field), LEDE_NOMEM. */
lede_status_t lede_query_add_filter(lede_query_t *query, lede_field_t field,
				    const char *value);

/* Keeps only articles dated from `since` to `until`, both inclusive, in
 * seconds since 1970 UTC; LEDE_NO_DATE leaves that end open (both open:
 * no date filter). Articles without a date are left out once either end
 * is set. Setting it again replaces it. Returns LEDE_OK, LEDE_MISUSE
 * (NULL query, since after until). */
lede_status_t lede_query_set_dates(lede_query_t *query, int64_t since,
				   int64_t until);

/* Parses a date or a range as people write them in queries (date:...)
 * and options (--since): "2004", "2004-01", "2023-11-12", any form
 * lede_date_parse reads, "A..B", "A..", "..B", and relative forms counted
 * back from `now` (seconds since 1970 UTC): "today", "yesterday", "7d",
 * "2w", "3m", "1y" (that long ago), "last week", "last month", "last
 * year", "this week", ... A single day, month or year means all of it.
 * text is len bytes (or LEDE_NTS). Sets *from and *to (inclusive;
 * LEDE_NO_DATE for an open end). Returns LEDE_OK, LEDE_MISUSE (text, from
 * or to NULL), LEDE_BAD_INPUT (not a date or a range, a range that ends
 * before it starts, or a relative form with a `now` out of range). */
lede_status_t lede_date_range_parse(const char *text, size_t len, int64_t now,
				    int64_t *from, int64_t *to);

typedef enum lede_sort {
	LEDE_SORT_RELEVANCE,	/* best first (the default) */
	LEDE_SORT_NEWEST,	/* newest first; undated last */
	LEDE_SORT_OLDEST,	/* oldest first; undated last */
	LEDE_SORT_RECENCY	/* relevance times 2^(-age / half_life) */
} lede_sort_t;

/* How hits are ordered. half_life (seconds, > 0) is used by
 * LEDE_SORT_RECENCY only; 0 means the default, 7 days. Recency re-ranks
 * the best 1000 matches by relevance (more when offset + limit is more);
 * ages count from the newest article among them (undated ones are as old
 * as the oldest), not from the clock, so an archive keeps its order as
 * it ages. Ties go to the article id. Returns LEDE_OK, LEDE_MISUSE (NULL
 * query, an order this version does not know, a negative half_life). */
lede_status_t lede_query_set_sort(lede_query_t *query, lede_sort_t sort,
				  int64_t half_life);

/* Asks for the counts of a field's values over the whole match set:
 * LEDE_FIELD_AUTHOR, SOURCE, SECTION, LANGUAGE, TAG, PLACE, ORG, PERSON.
 * At most max_values values (0: all), by count then name. Asking again
 * for a field replaces its maximum and keeps its place in the order the
 * facets were first asked for, which lede_results_json lists them in.
 * Multi-valued fields count each value once per article. When a filter on
 * the same field is set, the counts are those the query would have
 * without that field's filters (so a user can see where else to go):
 * filters set with lede_query_add_filter, and filters in the query text
 * that narrow all of it (section:sport in the run of words at its top, or
 * AND-ed with it; not inside ( ), beside OR or after NOT). Returns
 * LEDE_OK, LEDE_MISUSE (NULL query, any other field), LEDE_NOMEM. */
lede_status_t lede_query_add_facet(lede_query_t *query, lede_field_t field,
				   uint32_t max_values);

/* Articles like the one with this id (relevance feedback): the query
 * looks for the article's 40 most telling words (those it has and most
 * other articles lack, by Xapian's expand weight), so articles on the
 * same story rank first; the article itself is left out. The query's own
 * text, if any, must still match, and ranks with the likeness; filters,
 * dates, sorting and facets apply as usual. The id is looked up when the
 * query runs: an id no article has makes lede_query_run return
 * LEDE_BAD_QUERY with a message naming it. Setting it again replaces it.
 * Returns LEDE_OK, LEDE_MISUSE (NULL query, NULL or empty id),
 * LEDE_NOMEM. */
lede_status_t lede_query_set_like(lede_query_t *query, const char *id);

/* Asks for the values of a field over-represented in the results: those
 * whose share of the best 100 matches (by relevance, whatever the sort)
 * is well above their share of the whole index, best first, scored by
 * Xapian's expand weight (only positive scores; comparable within one
 * field of one query). Values the query itself names or filters on are
 * left out: they are over-represented by construction. Fields whose
 * values are indexed whole: LEDE_FIELD_SOURCE, SECTION, LANGUAGE, TAG,
 * PLACE, ORG, PERSON (authors are indexed word by word: LEDE_MISUSE, as
 * for other fields). At most max_values values (0: all with a positive
 * score); asking again for a field replaces its maximum. Returns LEDE_OK,
 * LEDE_MISUSE (NULL query, any other field), LEDE_NOMEM. */
lede_status_t lede_query_add_significant(lede_query_t *query,
					 lede_field_t field,
					 uint32_t max_values);

typedef enum lede_timeline {
	LEDE_TIMELINE_NONE,
	LEDE_TIMELINE_DAY,	/* periods "2023-11-12" */
	LEDE_TIMELINE_WEEK,	/* ISO weeks, "2023-W45" */
	LEDE_TIMELINE_MONTH,	/* "2023-11" */
	LEDE_TIMELINE_YEAR	/* "2023" */
} lede_timeline_t;

/* Asks for hit counts per period over the whole match set
 * (LEDE_TIMELINE_NONE, the default: none). Returns LEDE_OK, LEDE_MISUSE
 * (NULL query, a unit this version does not know). */
lede_status_t lede_query_set_timeline(lede_query_t *query,
				      lede_timeline_t unit);

/* Facet and timeline counts are exact unless approx is not 0: then they
 * come from the first few thousand matches only, faster on big match
 * sets, and lede_results_counts_exact says so. Returns LEDE_OK,
 * LEDE_MISUSE (NULL query). */
lede_status_t lede_query_set_approx(lede_query_t *query, int approx);

/* Spelling suggestions: when a word of the query is in no article and
 * the index knows a close one (at most two edits away, the most frequent
 * of the closest), the results carry the query with each such word
 * replaced (lede_results_suggestion). On by default; 0 turns it off.
 * Returns LEDE_OK, LEDE_MISUSE (NULL query). */
lede_status_t lede_query_set_suggest(lede_query_t *query, int suggest);

/* Near-duplicates: wire copies and reprints of one story share a story
 * key, made at index time from the opening words of their bodies (bodies
 * under 30 words have none and are never collapsed). With collapse 1, the
 * default, each story is one hit, its best-ranked copy, and
 * lede_results_similar counts the copies left out; with 0 every copy is
 * a hit of its own. Totals, facets and timelines count every matching
 * article either way, so with collapsing the pages can hold fewer hits
 * than the total says. Returns LEDE_OK, LEDE_MISUSE (NULL query). */
lede_status_t lede_query_set_collapse(lede_query_t *query, int collapse);

/* Asks lede_query_run to work out, for each hit of the page, what each
 * part of the query adds to its score (lede_results_part): one more
 * match per part, over the page's hits only. Off by default. Returns
 * LEDE_OK, LEDE_MISUSE (NULL query). */
lede_status_t lede_query_set_explain(lede_query_t *query, int explain);

/* The query as it runs, readable: the parsed text with what each word
 * matches ("profits[profit~]": any word whose stem is profit; quotes for
 * phrases, "headline:" for a field, AND OR NOT AND_MAYBE NEAR/n), the
 * like terms, then after FILTER the filters and dates (lede-search(1),
 * --explain, gives the whole notation). Borrowed until the next call of
 * lede_query_describe or lede_query_free; NULL when query is NULL or out
 * of memory. The like terms are known once the query has run: before,
 * they show as "like:ID". */
const char *lede_query_describe(lede_query_t *query);

/* The i-th ranked part (0-based) of the query, in the order typed: a
 * word (with its stems), a "phrase", a wildcard, a NEAR group, each with
 * its field, and last, with lede_query_set_like, the like terms. *clause
 * is the part as typed (without + or -; the like part: the id), *field
 * "text" (headline and body), "headline", "quote", "author" or "like",
 * *matches what it searches for, in lede_query_describe's notation.
 * Stopwords dropped beside other words, excluded words (-word, NOT) and
 * filters are no parts. Borrowed until lede_query_free (a like part's
 * matches, until the next lede_query_run). Returns LEDE_OK, LEDE_DONE
 * past the last part, LEDE_MISUSE (a NULL pointer). */
lede_status_t lede_query_part(const lede_query_t *query, size_t i,
			      const char **clause, const char **field,
			      const char **matches);

/* Runs the query on the newest committed revision, with the options set
 * so far, into *results. If a writer's commits discard the revision it
 * is reading, it reopens and runs again (a few times), so a reader does
 * not fail because a writer is busy. The query may be changed and run
 * again; results already made keep what they had. The caller frees the
 * results with lede_results_free; they are valid until then, even when
 * the query is freed first. Returns LEDE_OK, LEDE_MISUSE (NULL query or
 * results, the query's index closed), LEDE_BAD_QUERY (empty text without
 * lede_query_set_like, or a like id no article has), LEDE_NO_INDEX (a
 * reader's index was removed since it was opened), LEDE_MODIFIED (the
 * writer kept discarding what the reader read), LEDE_NOMEM,
 * LEDE_CORRUPT, LEDE_XAPIAN, LEDE_INTERNAL; lede_query_errmsg says
 * why. */
lede_status_t lede_query_run(lede_query_t *query, lede_results_t **results);

/* ---- Results ----------------------------------------------------------- */

/* Frees results; NULL is fine. Strings borrowed from them go with them. */
void lede_results_free(lede_results_t *results);

/* The detail of the results' last failure (lede_results_next, snippets,
 * JSON), "" if none, "no results handle (NULL)" for NULL. Borrowed until
 * the next call on results. */
const char *lede_results_errmsg(const lede_results_t *results);

/* The query the results came from (it outlives them); NULL for NULL. */
lede_query_t *lede_results_query(const lede_results_t *results);

/* Number of articles that match, copies collapsed into another hit
 * included: *estimate (not NULL) always, *exact (optional) 1 when the
 * estimate is the true count. Needs no current hit. Returns LEDE_OK,
 * LEDE_MISUSE (NULL results or estimate). */
lede_status_t lede_results_total(const lede_results_t *results,
				 uint64_t *estimate, int *exact);

/* How long the search took, in milliseconds: lede_query_new's parsing of
 * the query plus this lede_query_run (matching, counting facets and the
 * timeline, significant values, suggestions, explain), on a monotonic
 * clock. Reading hits afterwards (lede_results_next, snippets, JSON) is
 * not counted. lede_results_json gives it rounded, as "took_ms". 0 for
 * NULL. */
double lede_results_took_ms(const lede_results_t *results);

/* Moves to the next hit (the first, on the first call), which the
 * functions below then read. After a failure there is no current hit,
 * and the next call moves on to the hit after. Returns LEDE_OK,
 * LEDE_DONE after the last hit (and on every call after it), LEDE_MISUSE
 * (NULL results), and when the hit cannot be read, LEDE_MODIFIED (the
 * index changed even after a reopen and retry), LEDE_CORRUPT, LEDE_NOMEM,
 * LEDE_XAPIAN, LEDE_INTERNAL; lede_results_errmsg says why. */
lede_status_t lede_results_next(lede_results_t *results);

/* The getters of the current hit give 0, NULL or LEDE_NO_DATE when there
 * is none (before the first lede_results_next, after LEDE_DONE or a
 * failure) or results is NULL. */

/* The current hit's rank in the whole match set, from 1 (the offset
 * counts: the first hit of the second page of 10 is 11). */
uint32_t lede_results_rank(const lede_results_t *results);

/* The current hit's score, by which hits are ranked under
 * LEDE_SORT_RELEVANCE: its relevance (lede_results_relevance), times
 * lede_results_recency under LEDE_SORT_RECENCY. */
double lede_results_score(const lede_results_t *results);

/* The current hit's date, seconds since 1970 UTC; LEDE_NO_DATE when it
 * has none. */
int64_t lede_results_date(const lede_results_t *results);

/* The current hit's relevance: its BM25 weight for the query. It is
 * lede_results_score, but with LEDE_SORT_RECENCY, where the score is the
 * relevance times lede_results_recency. 0 without a current hit. */
double lede_results_relevance(const lede_results_t *results);

/* The current hit's recency factor, 2^(-age / half_life), in (0, 1],
 * with its age in seconds (counted from the newest article among the
 * best 1000 matches; undated articles count as the oldest) in *age and
 * the half-life in *half_life (both optional). 1, with both 0, unless the
 * query sorts by LEDE_SORT_RECENCY and there is a current hit. */
double lede_results_recency(const lede_results_t *results, int64_t *age,
			    int64_t *half_life);

/* With lede_query_set_explain: what the i-th part of the query
 * (lede_query_part) adds to the current hit's relevance; 0 when the hit
 * does not match it, or matches it where it does not count (inside a NOT,
 * or an AND whose other side failed). The parts add up to
 * lede_results_relevance, up to rounding. Returns LEDE_OK, LEDE_DONE past
 * the last part, LEDE_MISUSE (no explain asked for, no current hit, NULL
 * results or weight). */
lede_status_t lede_results_part(const lede_results_t *results, size_t i,
				double *weight);

/* How many other matching articles are copies of the current hit's story
 * and were collapsed into it (see lede_query_set_collapse): 0 when there
 * are none, when collapsing is off, or when there is no current hit.
 * Exact: counted by a query on the page's stories, also over shards. */
uint32_t lede_results_similar(const lede_results_t *results);

/* The i-th value (0-based) of a stored field of the current hit, or NULL
 * when the field has no i-th value (single-valued fields have only the
 * 0th), for a field this version does not know, or with no current hit.
 * LEDE_FIELD_BODY is the whole body as stored, read from the index when
 * first asked for (lede_results_next reads only the fields a list of
 * hits shows); NULL too when that read fails, which lede_results_quote
 * tells apart by its status, with lede_results_errmsg saying why. If the
 * index changed since the search, the body read is that of the
 * article's document then (an article replaced meanwhile has another
 * document, and its read fails). Borrowed until the next call to
 * lede_results_next or lede_results_free. */
const char *lede_results_field(const lede_results_t *results,
			       lede_field_t field, size_t i);

/* The i-th quote (0-based) of the current hit: what was said in *text,
 * who said it in *speaker (NULL when the article does not say). Both
 * borrowed like lede_results_field's strings. The quotes are stored with
 * the body and read with it. Returns LEDE_OK, LEDE_DONE when there is no
 * i-th quote, LEDE_MISUSE (no current hit, NULL results, text or
 * speaker), and when the body cannot be read, LEDE_MODIFIED, LEDE_CORRUPT,
 * LEDE_NOMEM, LEDE_XAPIAN, LEDE_INTERNAL (lede_results_errmsg says why);
 * on failure *text and *speaker are NULL. */
lede_status_t lede_results_quote(const lede_results_t *results, size_t i,
				 const char **text, const char **speaker);

/* The number of words in the current hit's body; 0 when unknown or with
 * no current hit. */
uint64_t lede_results_words(const lede_results_t *results);

/* The i-th value (0-based) of facet `field`, by count then name, in
 * *value, and its count in *count. Needs no current hit. Borrowed until
 * lede_results_free. Returns LEDE_OK, LEDE_DONE past the last value,
 * LEDE_MISUSE (field not asked for with lede_query_add_facet, NULL
 * results, value or count). */
lede_status_t lede_results_facet(const lede_results_t *results,
				 lede_field_t field, size_t i,
				 const char **value, uint64_t *count);

/* The i-th period (0-based, oldest first) of the timeline in *period and
 * its hit count in *count; periods without hits are left out. Needs no
 * current hit. Borrowed until lede_results_free. Returns LEDE_OK,
 * LEDE_DONE past the last period, LEDE_MISUSE (no timeline asked for,
 * NULL results, period or count). */
lede_status_t lede_results_timeline(const lede_results_t *results, size_t i,
				    const char **period, uint64_t *count);

/* The i-th value (0-based) of the significant values of `field`
 * (lede_query_add_significant), best first, as stored (display form),
 * and its score (> 0). Needs no current hit. Borrowed until
 * lede_results_free. Returns LEDE_OK, LEDE_DONE past the last value,
 * LEDE_MISUSE (field not asked for, NULL results, value or score). */
lede_status_t lede_results_significant(const lede_results_t *results,
				       lede_field_t field, size_t i,
				       const char **value, double *score);

/* The query with its misspelt words replaced ("did you mean"), or NULL
 * when there is nothing to suggest (or suggestions are off, or results
 * is NULL). Borrowed until lede_results_free. */
const char *lede_results_suggestion(const lede_results_t *results);

/* 1 when facet and timeline counts are exact, 0 when estimated
 * (lede_query_set_approx) or results is NULL. */
int lede_results_counts_exact(const lede_results_t *results);

/* The best passage of the current hit's body for the query, at most about
 * `max_chars` characters (0: an empty one), with each matching word
 * between hi_start and hi_end (NULL is ""). The caller frees *snippet
 * with lede_free. Returns LEDE_OK, LEDE_MISUSE (no current hit, NULL
 * results or snippet), LEDE_NOMEM, and when the body cannot be read,
 * LEDE_MODIFIED, LEDE_CORRUPT, LEDE_XAPIAN, LEDE_INTERNAL
 * (lede_results_errmsg says why); on failure *snippet is NULL. */
lede_status_t lede_results_snippet(lede_results_t *results, size_t max_chars,
				   const char *hi_start, const char *hi_end,
				   char **snippet);

/* A stretch of text: `length` characters from character `start` (0 is
 * the first), counted in Unicode code points. */
typedef struct lede_range {
	size_t start;
	size_t length;
} lede_range_t;

/* The same passage as lede_results_snippet, as plain text without marks,
 * and where the matching words are in it: *n_ranges ranges in *ranges,
 * in order, not overlapping, counted in code points of *snippet (not
 * bytes; a language whose strings count UTF-16 units, such as
 * JavaScript, must convert for characters beyond U+FFFF). Both are the
 * caller's, to free with lede_free; *ranges is NULL when *n_ranges is 0.
 * Returns LEDE_OK, LEDE_MISUSE (no current hit, a NULL pointer),
 * LEDE_NOMEM, and when the body cannot be read, LEDE_MODIFIED,
 * LEDE_CORRUPT, LEDE_XAPIAN, LEDE_INTERNAL (lede_results_errmsg says
 * why); on failure *snippet and *ranges are NULL. */
lede_status_t lede_results_snippet_ranges(lede_results_t *results,
					  size_t max_chars, char **snippet,
					  lede_range_t **ranges,
					  size_t *n_ranges);

/* ---- Statistics -------------------------------------------------------- */

/* What an index holds, measured once by lede_stats_new:
 *
 *	lede_stats_t *st;
 *	if (lede_stats_new(db, 5, &st) == LEDE_OK) {
 *		printf("%lld articles\n",
 *		       (long long)lede_stats_get(st, LEDE_STAT_ARTICLES));
 *		lede_stats_free(st);
 *	}
 */
typedef struct lede_stats lede_stats_t;

typedef enum lede_stat {
	LEDE_STAT_ARTICLES,	/* articles */
	LEDE_STAT_TERMS,	/* distinct terms */
	LEDE_STAT_WORDS,	/* term occurrences in all articles */
	LEDE_STAT_BYTES,	/* size of the index's files on disk */
	LEDE_STAT_FILES,	/* files recorded (incremental indexing) */
	LEDE_STAT_FILES_PENDING, /* of those, files to be read again */
	LEDE_STAT_LAST_COMMIT,	/* seconds since 1970 UTC, or LEDE_NO_DATE
				   when the index does not say */
	LEDE_STAT_DATED,	/* articles with a date */
	LEDE_STAT_QUOTED,	/* articles with quotes */
	LEDE_STAT_SHARDS	/* databases searched as one (1: a single
				   index) */
} lede_stat_t;

/* Measures db into *out: counts, sizes, how many articles have each
 * field, and the `top` most frequent values of each facet field (0:
 * none). A reader measures the newest committed revision. Reads every
 * article's facet values, so it takes time on a big index. The caller
 * frees *out with lede_stats_free; it needs db only for the call. Returns
 * LEDE_OK, LEDE_MISUSE (NULL db or out), LEDE_NO_INDEX (a reader's index
 * was removed since it was opened), LEDE_MODIFIED (a writer's commits
 * discarded what was being read), LEDE_NOMEM, LEDE_CORRUPT, LEDE_XAPIAN,
 * LEDE_INTERNAL; lede_errmsg says why. */
lede_status_t lede_stats_new(lede_db_t *db, uint32_t top, lede_stats_t **out);

/* Frees stats; NULL is fine. */
void lede_stats_free(lede_stats_t *stats);

/* One number; -1 for a NULL stats or a `what` this version does not
 * know. */
int64_t lede_stats_get(const lede_stats_t *stats, lede_stat_t what);

/* How many articles have at least one value of field, in *articles: any
 * field but LEDE_FIELD_BODY. Returns LEDE_OK, LEDE_MISUSE (NULL stats or
 * articles, LEDE_FIELD_BODY, a field this version does not know). */
lede_status_t lede_stats_field(const lede_stats_t *stats, lede_field_t field,
			       uint64_t *articles);

/* The i-th most frequent value (0-based; by count, then name) of a facet
 * field (author, source, section, language, tag, place, org, person), as
 * stored, and its article count. Borrowed until lede_stats_free. Returns
 * LEDE_OK, LEDE_DONE past the last of the `top` values, LEDE_MISUSE (NULL
 * stats, value or count, a field that is no facet field). */
lede_status_t lede_stats_top(const lede_stats_t *stats, lede_field_t field,
			     size_t i, const char **value, uint64_t *count);

/* ---- Results as JSON --------------------------------------------------- */

/* The JSON lede-search prints, from the library, so that a program gets
 * exactly what `lede-search --format json` gives for the same search:
 * docs/lede-search-json.md describes every key, and
 * docs/lede-search.schema.json is its JSON Schema. The text is UTF-8,
 * non-ASCII characters written as they are, not escaped, with no final
 * newline; keys in the order that document lists them.
 *
 * The "format_version" key of these documents: a new key keeps it, a
 * renamed or removed key, or a changed type or meaning, increases it.
 * `lede-search --format-version` prints it. */
#define LEDE_JSON_FORMAT_VERSION 1

/* The max_chars of the snippets in the JSON (lede_results_snippet_ranges):
 * about 240 bytes of text. */
#define LEDE_JSON_SNIPPET_CHARS 240

enum {
	/* Indented by two spaces, one key per line, as lede-search
	 * --format json and --show print. Without it, the JSON is on one
	 * line with no spaces between tokens, as --batch and --format jsonl
	 * print it. */
	LEDE_JSON_PRETTY = 1 << 0
};

/* The whole results as one JSON object, as `lede-search --format json`
 * prints it: format_version; query (lede_query_text); like (the id of
 * lede_query_set_like, if set); total; suggestion (if any); hits, every
 * hit of the page in order, each as lede_results_hit_json gives it;
 * explain ({"parsed", "parts"}) if lede_query_set_explain was set;
 * facets, by field name in the order asked for ("language" for
 * LEDE_FIELD_LANGUAGE); timeline; counts_exact (with facets or a
 * timeline); significant; took_ms (lede_results_took_ms, rounded to whole
 * milliseconds). What was asked for is what the query asked when
 * lede_query_run made these results, whatever was set on it since.
 *
 * It walks the hits itself, independently of lede_results_next: it may be
 * called at any time, any number of times, and always lists the page from
 * its first hit; the cursor is left where it was, with the same current
 * hit, and strings borrowed from that hit stay valid.
 *
 * flags: LEDE_JSON_PRETTY, or 0 for the one line --batch prints. On
 * success *json is the caller's, to free with lede_free; on failure it is
 * NULL. Returns LEDE_OK, LEDE_MISUSE (NULL results or json, unknown
 * flags), LEDE_NOMEM, what lede_results_next returns when a hit, its
 * body or its quotes cannot be read (LEDE_MODIFIED, LEDE_CORRUPT,
 * LEDE_XAPIAN), LEDE_INTERNAL; lede_results_errmsg says why. */
lede_status_t lede_results_json(lede_results_t *results, unsigned flags,
				char **json);

/* The current hit as one JSON object, as it appears in "hits" and as
 * `lede-search --format jsonl` prints it, one per line (flags 0): id,
 * rank, score, the stored fields the article has, similar, snippet,
 * highlights, and explain when the query asked for it. flags: 0 or
 * LEDE_JSON_PRETTY. *json is the caller's, to free with lede_free; NULL
 * on failure. Returns LEDE_OK, LEDE_MISUSE (NULL results or json,
 * unknown flags, no current hit), LEDE_NOMEM, and when the hit's body or
 * quotes cannot be read, LEDE_MODIFIED, LEDE_CORRUPT, LEDE_XAPIAN,
 * LEDE_INTERNAL (lede_results_errmsg says why). */
lede_status_t lede_results_hit_json(lede_results_t *results, unsigned flags,
				    char **json);

/* The current hit as the whole stored article, wrapped as
 * `lede-search --show ID --format json` prints it (LEDE_JSON_PRETTY):
 * {"format_version": 1, "article": {...}}, the article with the keys of
 * a hit except rank, score, similar, snippet, highlights and explain, and
 * with "body", the whole body as stored. Ownership and flags as for
 * lede_results_hit_json. Returns LEDE_OK, LEDE_MISUSE (NULL results or
 * json, unknown flags, no current hit), LEDE_NOMEM, and when the body or
 * quotes cannot be read, LEDE_MODIFIED, LEDE_CORRUPT, LEDE_XAPIAN,
 * LEDE_INTERNAL (lede_results_errmsg says why). */
lede_status_t lede_results_article_json(lede_results_t *results,
					unsigned flags, char **json);

#if defined(__GNUC__) && __GNUC__ >= 4
#pragma GCC visibility pop
#endif

#ifdef __cplusplus
}
#endif

#endif /* LEDE_H */
