/* schema.h: how an article's fields map to Xapian terms, values and data.
 * SPDX-License-Identifier: MIT
 *
 * The indexer writes through this table and the searcher reads through it,
 * so the two cannot disagree about a prefix.
 *
 * The schema, in prose. Each article is one Xapian document:
 * - Its unique term is "Q" + id (ids longer than LDI_MAX_ID_TERM bytes are
 *   cut and end in a hash of the whole id), so adding an article replaces
 *   the one with the same id.
 * - Headline and body words are indexed without prefix, with positions
 *   (headline first, then the body after a gap so that no phrase spans
 *   both), and their stems as "Z" + stem without positions: the scheme
 *   Xapian's own TermGenerator and QueryParser use. The stemmer is the
 *   article's language's (English when the language is unknown);
 *   stopwords and languages without a stemmer get no stem. A word whose form with accents differs from its folded term
 *   is also indexed as "XE" + that form at the same position, for quoted
 *   phrases. Headline words are also indexed under "S" (and stems under
 *   "ZS") for title: queries.
 * - Author names are indexed word by word under "A", unstemmed.
 * - The language (given, else detected) is the boolean term "L" + code;
 *   metadata lists every language indexed.
 * - Source, section and language are boolean terms of their folded whole
 *   value ("XSOURCEbbc news", "XSECTIONbusiness", "Len"); the URL is a
 *   boolean "U" term as given.
 * - The id is value slot 1, which orders hits of equal score.
 * - Slots 3 and 5 are sort keys (LDI_SLOT_OLDEST, LDI_SLOT_NEWEST): the
 *   date in 8 bytes whose byte order is the date's order (oldest first, or
 *   newest first), then the id, so that sorting by the slot's bytes alone
 *   orders by date and breaks ties by id. Undated articles have 8 bytes
 *   0xff there, so they come last both ways. A built-in sort by value is
 *   all a remote shard can do (xapian-tcpsrv knows no custom KeyMaker).
 * - Tags, places, organisations and people are boolean terms of their
 *   folded whole values ("Kclimate", "XPLACEunited kingdom", "XORGbbc",
 *   "XPERSONgordon brown"), one per value.
 * - Quotes are indexed word by word under "XQ" with positions (and stems
 *   under "ZXQ"), for quote: queries; they are in the body too.
 * - Each facet field's values have a slot of their own (LDI_SLOT_AUTHORS
 *   ...), as does the day (LDI_SLOT_DAY): what Xapian's own
 *   ValueCountMatchSpy counts, which remote shards run too.
 * - The story key is value slot 4 (see LDI_SLOT_STORY): wire copies and
 *   reprints of one story share it, and searches collapse on it. It is
 *   also the boolean term "XSTORY" + key, by which a search counts the
 *   copies of each hit's story (Xapian's collapse counts miss those a
 *   remote server collapsed).
 * - The date is value slot 0 (sortable_serialise of seconds since 1970
 *   UTC) and boolean terms "D"YYYYMMDD, "M"YYYYMM, "Y"YYYY.
 * - Value slot 2 (LDI_SLOT_FIELDS) is a JSON object of the stored fields
 *   a list of hits shows (id, headline, authors, date, source, section,
 *   language, url, tags, places, orgs, people, words: the body's word
 *   count). A url that is the id, as a feed entry's link often is, is
 *   stored as "url": true: values are not compressed, and it is the
 *   longest field of such a hit. The document data is a JSON object of
 *   the fields shown with the body (quotes as [{"text", "speaker"}]), a
 *   NUL byte, then the body as it is: what snippets and --show read.
 *   The JSON cannot hold a raw NUL (it writes \u0000), so the first NUL
 *   ends it. Xapian compresses document data and not values, so a list
 *   of hits is read without inflating the bodies, most of the bytes; the
 *   quotes, long and rarely listed, stay compressed with them. (A remote
 *   shard sends a document's values and data together, so there a hit
 *   whose body is read comes over twice.)
 * - Index metadata records the versions below; lede_db_open refuses an
 *   index whose versions differ ("re-index needed"), and the time of the
 *   last commit (LDI_META_COMMITTED).
 *
 * Files (format 5). lede-index remembers every file it read articles from,
 * so that a later run skips what did not change, replaces what did, and
 * deletes what is gone. Each file has a key: the name its ids start from
 * (business/001.txt, feed.jsonl, dump.tar.gz), cut and hashed like ids
 * when longer than LDI_MAX_FILE_KEY. Two things hold it, written in the
 * same commit:
 * - every article read from the file has the boolean term "XFILE" + key,
 *   so the file's articles are one posting list: those a changed file no
 *   longer holds are the ones its new reading did not replace, and a gone
 *   file's articles are deleted by that term;
 * - the metadata entry LDI_META_FILE + key is the file's record, one line
 *   of fields separated by spaces and then the path:
 *     "1 SIZE MTIME HASH ARTICLES PATH"
 *   1 is the record's layout; SIZE in bytes; MTIME in nanoseconds since
 *   1970, or -1 when the file was changed too recently to trust it (it
 *   was still being written, perhaps), so the next run compares contents;
 *   HASH 16 hex digits of FNV-1a 64 over the content, or "-" while the
 *   file is not wholly indexed (a run stopped in it, or nothing in it
 *   could be read): the next run reads it again; ARTICLES how many it
 *   gave (in an unfinished record, how many the last finished reading
 *   gave: 0 for a file never wholly read); PATH the absolute path it was
 *   read from (made absolute without resolving links), where --prune
 *   looks for it.
 * Articles from standard input, or added through lede_db_add outside
 * lede_db_file_begin/end, have no file and are never pruned. A record is
 * written only after the file's last article, so a commit never marks a
 * file done without its articles; a crash leaves articles without a
 * finished record, which the next run reads again and replaces.
 *
 * Format versions:
 *   1  first release.
 *   2  stems by the article's language, "XE" exact forms, languages in
 *      metadata.
 *   3  tags, places, organisations, people and quotes; word counts.
 *   4  the facet slot (2), the oldest-first slot (3) and the story
 *      slot (4).
 *   5  file records and "XFILE" terms (incremental indexing), the time of
 *      the last commit.
 *   6  the body out of the data's JSON, after a NUL byte.
 *   7  a slot per facet field and one for the day (slots 10-18) in place
 *      of the facet slot (2), sort keys that end in the id (slot 3
 *      changed, slot 5 new), "XSTORY" terms: counts and orders that stock
 *      xapian-tcpsrv computes for remote shards.
 *   8  the fields a list shows as JSON in slot 2, the document data
 *      the quotes' JSON and the body.
 */
#ifndef LEDE_SCHEMA_H
#define LEDE_SCHEMA_H

#include <stddef.h>
#include <stdint.h>

#include "lede.h"

#define LDI_FORMAT_VERSION 8

/* Prefixes, Omega's letters where Omega has one. */
#define LDI_PREFIX_ID "Q"
#define LDI_PREFIX_HEADLINE "S"
#define LDI_PREFIX_AUTHOR "A"
#define LDI_PREFIX_SOURCE "XSOURCE"
#define LDI_PREFIX_SECTION "XSECTION"
#define LDI_PREFIX_LANGUAGE "L"
#define LDI_PREFIX_URL "U"
#define LDI_PREFIX_DAY "D"
#define LDI_PREFIX_MONTH "M"
#define LDI_PREFIX_YEAR "Y"
#define LDI_PREFIX_STEM "Z"
#define LDI_PREFIX_TAG "K"
#define LDI_PREFIX_PLACE "XPLACE"
#define LDI_PREFIX_ORG "XORG"
#define LDI_PREFIX_PERSON "XPERSON"
#define LDI_PREFIX_QUOTE "XQ"
/* The file an article was read from (see "Files" above). */
#define LDI_PREFIX_FILE "XFILE"
/* The story key (LDI_SLOT_STORY) as a boolean term, so that the copies of
 * a story that match a query can be counted (lede_results_similar). */
#define LDI_PREFIX_STORY "XSTORY"
/* A word as written but for case (accents kept), where that differs from
 * its folded term: what a quoted phrase matches. */
#define LDI_PREFIX_EXACT "XE"

#define LDI_SLOT_DATE 0
/* The article id, so hits of equal score come out in id order. */
#define LDI_SLOT_ID 1
/* The stored fields a list of hits shows, as JSON (see the schema
 * above): all but the body and the quotes. */
#define LDI_SLOT_FIELDS 2
/* Sort keys, ascending: the date as 8 bytes in the order wanted, then the
 * id (see the schema above; ldi_sort_key writes them). */
#define LDI_SLOT_OLDEST 3
#define LDI_SLOT_NEWEST 5
#define LDI_SORT_KEY_DATE 8
/* The story key (story_key.h): 16 hex digits of a MinHash of the body's
 * lead, equal for near-duplicates. Bodies too short for one have no value
 * here, and Xapian never collapses documents without one. */
#define LDI_SLOT_STORY 4
/* One slot per facet field: the article's distinct values of the field
 * (display form), sorted by bytes and joined by LDI_VALUE_SEP, so that
 * Xapian's ValueCountMatchSpy, which counts one value per document,
 * counts each combination of values; splitting each counted combination
 * and adding its count to each of its values gives every value's count,
 * exactly, since no value repeats within one article's combination.
 * The built-in spy is what xapian-tcpsrv can run on a remote shard and
 * send back (a spy of our own would need a server built with it).
 * LDI_SLOT_DAY holds the day, YYYYMMDD, for timelines. */
#define LDI_SLOT_AUTHORS 10
#define LDI_SLOT_SOURCE 11
#define LDI_SLOT_SECTION 12
#define LDI_SLOT_LANGUAGE 13
#define LDI_SLOT_TAGS 14
#define LDI_SLOT_PLACES 15
#define LDI_SLOT_ORGS 16
#define LDI_SLOT_PEOPLE 17
#define LDI_SLOT_DAY 18
#define LDI_VALUE_SEP '\x1f'

/* Longest id kept whole in the unique term (Xapian allows 245 bytes). */
#define LDI_MAX_ID_TERM 200

/* Longest file name kept whole in a file key: "XFILE" + key must stay
 * within Xapian's term limit, "lede.file:" + key within its metadata key
 * limit. */
#define LDI_MAX_FILE_KEY 200

/* Position gap between headline and body, and between author names. */
#define LDI_POSITION_GAP 100

/* Metadata keys and the values this build writes. */
#define LDI_META_FORMAT "lede.format"
#define LDI_META_ANALYSIS "lede.analysis"
#define LDI_META_NORMALISATION "lede.normalisation"
#define LDI_META_UNICODE "lede.unicode"
#define LDI_NORMALISATION "NFKC+casefold+stripmark"
/* When the last commit was made, "YYYY-MM-DDTHH:MM:SSZ". */
#define LDI_META_COMMITTED "lede.committed"
/* File records: this prefix + the file key (see "Files" above). */
#define LDI_META_FILE "lede.file:"
/* Spelling counts committed before the spelling table has them: this
 * prefix + a writer's session + ":" + a number, lines "COUNT WORD\n"
 * (spelling_records.c). The next writer to give the table its words
 * gives it these and deletes them. */
#define LDI_META_SPELLING "lede.spelling:"
/* Space-separated codes of the languages articles were indexed in ("und"
 * for unknown): queries stem with each of their stemmers. */
#define LDI_META_LANGUAGES "lede.languages"
#define LDI_LANGUAGE_UNKNOWN "und"
/* How articles of unknown language are stemmed (their words as written are
 * indexed too, as for every article). */
#define LDI_UNKNOWN_STEMMER "english"

typedef enum ldi_field_kind {
	LDI_FIELD_TEXT,	   /* words with positions, stemmed */
	LDI_FIELD_NAME,	   /* words with positions, not stemmed */
	LDI_FIELD_BOOLEAN, /* one term of the folded whole value */
	LDI_FIELD_EXACT,   /* one term of the value as given */
	LDI_FIELD_PLACE,   /* like BOOLEAN, the value made canonical first
			      (place:UK finds "United Kingdom") */
	LDI_FIELD_DATE	   /* a date or range (lede_date_range_parse) on
			      the value in LDI_SLOT_DATE; the prefix only
			      names the field among filters */
} ldi_field_kind_t;

/* A field as queries name it: "title:", "by:", ... */
typedef struct ldi_query_field {
	const char *name;
	const char *prefix;
	ldi_field_kind_t kind;
} ldi_query_field_t;

/* The field called `name` (len bytes, no colon) in queries, or NULL. */
const ldi_query_field_t *ldi_query_field(const char *name, size_t len);

/* Writes the unique term for id to buf (at least LDI_ID_TERM_SIZE bytes)
 * and returns its length. */
#define LDI_ID_TERM_SIZE (LDI_MAX_ID_TERM + 32)
size_t ldi_id_term(const char *id, size_t len, char *buf);

/* Writes prefix + the file key of name (len bytes) to buf (at least
 * strlen(prefix) + LDI_FILE_KEY_SIZE bytes) and returns its length. The
 * key is name itself up to LDI_MAX_FILE_KEY bytes, else its head and a
 * hash of the whole. */
#define LDI_FILE_KEY_SIZE (LDI_MAX_FILE_KEY + 32)
size_t ldi_file_key(const char *prefix, const char *name, size_t len,
		    char *buf);

/* Writes the sort key of slot LDI_SLOT_OLDEST (newest 0) or
 * LDI_SLOT_NEWEST (newest 1) for an article of this date (LEDE_NO_DATE:
 * undated) to buf (LDI_SORT_KEY_DATE bytes); the id follows it in the
 * slot. */
void ldi_sort_key(int64_t date, int newest, char buf[LDI_SORT_KEY_DATE]);

#endif /* LEDE_SCHEMA_H */
