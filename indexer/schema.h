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
 * - Tags, places, organisations and people are boolean terms of their
 *   folded whole values ("Kclimate", "XPLACEunited kingdom", "XORGbbc",
 *   "XPERSONgordon brown"), one per value.
 * - Quotes are indexed word by word under "XQ" with positions (and stems
 *   under "ZXQ"), for quote: queries; they are in the body too.
 * - Facet values are value slot 2 (see LDI_SLOT_FACETS).
 * - The story key is value slot 4 (see LDI_SLOT_STORY): wire copies and
 *   reprints of one story share it, and searches collapse on it.
 * - The date is value slot 0 (sortable_serialise of seconds since 1970
 *   UTC) and boolean terms "D"YYYYMMDD, "M"YYYYMM, "Y"YYYY.
 * - The document data is a JSON object of the stored fields but the body
 *   (id, headline, authors, date, source, section, language, url, tags,
 *   places, orgs, people, quotes as [{"text", "speaker"}], words: the
 *   body's word count), a NUL byte, then the body as it is: what hits
 *   show. The JSON cannot hold a raw NUL (it writes \u0000), so the first
 *   NUL ends it; a hit's fields are parsed without the body, which is
 *   most of the bytes and only snippets and --show need.
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
 */
#ifndef LEDE_SCHEMA_H
#define LEDE_SCHEMA_H

#include <stddef.h>

#include "lede.h"

#define LDI_FORMAT_VERSION 6

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
/* A word as written but for case (accents kept), where that differs from
 * its folded term: what a quoted phrase matches. */
#define LDI_PREFIX_EXACT "XE"

#define LDI_SLOT_DATE 0
/* The article id, so hits of equal score come out in id order. */
#define LDI_SLOT_ID 1
/* Every facet value of the article in one slot, so one match spy counts
 * them all: entries "<code>\x1f<value>" separated by "\x1e", the value
 * as stored (display form). Codes below; "d" is the day, YYYYMMDD, from
 * which timelines are counted. */
#define LDI_SLOT_FACETS 2
#define LDI_FACET_SEP '\x1e'
#define LDI_FACET_KEY_SEP '\x1f'
#define LDI_FACET_AUTHOR 'a'
#define LDI_FACET_SOURCE 's'
#define LDI_FACET_SECTION 'c'
#define LDI_FACET_LANGUAGE 'l'
#define LDI_FACET_TAG 't'
#define LDI_FACET_PLACE 'p'
#define LDI_FACET_ORG 'o'
#define LDI_FACET_PERSON 'n'
#define LDI_FACET_DAY 'd'
/* sortable_serialise(-date): oldest first is this slot descending, which
 * leaves undated articles (no value) last, as newest first does. */
#define LDI_SLOT_OLDEST 3
/* The story key (story_key.h): 16 hex digits of a MinHash of the body's
 * lead, equal for near-duplicates. Bodies too short for one have no value
 * here, and Xapian never collapses documents without one. */
#define LDI_SLOT_STORY 4

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

#endif /* LEDE_SCHEMA_H */
