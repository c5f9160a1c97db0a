/* xc_internal.h: handle layouts and the call guard shared by the binding.
 * SPDX-License-Identifier: MIT
 *
 * Only the binding's .cc files include this. Every exported function that
 * returns a status checks its arguments, then runs its body through
 * xc_guard(), which holds the one try block, the fault-injection point and
 * the one catch-all that hands the exception in flight to xc_translate().
 */
#ifndef LEDE_XC_INTERNAL_H
#define LEDE_XC_INTERNAL_H

#include <cstring>
#include <map>
#include <memory>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include <xapian.h>

#include "xapian-c.h"

/* One value slot of a whole database, read once: each document's value
 * as a number (`ord`, by docid; 0 for no value) into the slot's distinct
 * values (`values`, values[0] being ""). A spy counting over it does an
 * array lookup per match where Xapian's reads the value and looks it up
 * in a map of strings. */
struct xc_column_data {
	std::vector<uint32_t> ord;
	std::vector<std::string> values;
	/* Counts by ordinal, all 0, lent to one spy at a time so that a
	 * match need not clear an array as long as the distinct values
	 * (see xc_column_spy); mutable as the handle, used by one thread
	 * at a time, is the only one to touch it. */
	mutable std::vector<uint32_t> spare;
};

/* A database's column of one slot: its data once read (NULL before), the
 * stamp (xc_db_stamp) it was read at, and how many documents spies have
 * looked up in the slot without it since (see xc_column_get). A ranked
 * column's numbers are the values' places in byte order instead (equal
 * values, equal places; 0 for no value), and it has no values. */
struct xc_column {
	Xapian::valueno slot = 0;
	bool ranked = false;
	std::shared_ptr<const xc_column_data> data;
	uint64_t stamp = 0;
	uint64_t looked = 0;
};

/* A database. `db` is the reading view; when the database was opened for
 * writing, `wdb` is the writer and `db` a copy of it, and since copies of
 * a Xapian::Database share their internals, a reopen or commit through one
 * is seen through the other. */
struct xc_db {
	Xapian::Database db;
	Xapian::WritableDatabase wdb;
	bool writable = false;
	std::string path;
	std::string msg;
	/* A view (xc_db_combine): the databases it reads, borrowed. */
	bool is_view = false;
	std::vector<xc_db *> parts;
	/* A remote database, or a view with one among its parts: what the
	 * match sends there must be what stock xapian-tcpsrv can rebuild. */
	bool remote = false;
	/* A local folder opened read-only: which folder it was (device and
	 * inode), so that a reopen notices one swapped in under its name. */
	bool has_identity = false;
	unsigned long long dev = 0, ino = 0;
	/* Goes up whenever what `db` reads may have changed: a reopen that
	 * found a newer revision, a folder opened again, a view given other
	 * parts, a reopen before a retry (xc_db_reopen_retry). A view's
	 * parts share their internals with it, so its own counts only what
	 * happens to it, and xc_db_stamp adds up its parts'. */
	uint64_t generation = 0;
	/* Value slots read whole for the match spies (xc_enquire.cc), one
	 * per slot asked for; each knows the stamp it was read at. */
	std::vector<std::unique_ptr<xc_column>> columns;
};

/* A number that changes whenever what db reads may have changed (see
 * xc_db::generation). */
uint64_t xc_db_stamp(const xc_db_t *db);

/* Xapian's reopen, for the retries after a DatabaseModifiedError: moves
 * the generation of db (and of a view's parts, whose internals it
 * shares) on, so nothing read from the old revision is used again. */
void xc_db_reopen_retry(xc_db_t *db);

struct xc_doc {
	Xapian::Document doc;
	/* Backing store for the borrowed strings get_data/get_value hand
	 * out, so they survive until the next call on the document. */
	std::string buf;
	/* A hit's data, read once by xc_mset_document: Xapian's Document
	 * does not keep what it read, and a second get_data would read and
	 * inflate it again. */
	std::string data;
	bool has_data = false;
	/* The term list, fetched once when a walk starts at index 0. */
	std::vector<std::pair<std::string, Xapian::termcount>> terms;
	std::string msg;
};

struct xc_stemmer {
	Xapian::Stem stem;
	std::string out;
	std::string msg;
};

/* Queries have no errmsg of their own in the header, but const entry
 * points still run through the guard, so the message is mutable. */
struct xc_query {
	Xapian::Query q;
	mutable std::string msg;
};

struct xc_qparser {
	Xapian::QueryParser qp;
	std::string corrected;
	std::string msg;
};

/* Counts the values of a slot over the documents a match looks at, as
 * Xapian's ValueCountMatchSpy does, from a column: a lookup and an
 * increment per document. A document past the column's end (none, while
 * the column is current) has its value read and counted apart. For
 * local databases only: a remote server cannot run it. The match calls
 * one xc_columns_spy for all of an enquire's (one call, one docid). */
struct xc_column_spy {
	std::shared_ptr<const xc_column_data> col;
	Xapian::valueno slot = 0;
	uint64_t total = 0; /* documents looked at */
	std::vector<uint32_t> counts;  /* by ordinal */
	std::vector<uint32_t> touched; /* ordinals counted at least once */
	std::map<std::string, uint32_t> extra;
	/* Counts over col, in its spare array when it is free. */
	xc_column_spy(std::shared_ptr<const xc_column_data> c,
		      Xapian::valueno s);
	/* Gives the array back cleared, when the column has none: once
	 * the counts are read, or on destruction. No count after. */
	void give_back();
	~xc_column_spy() { give_back(); }
	xc_column_spy(const xc_column_spy &) = delete;
	xc_column_spy &operator=(const xc_column_spy &) = delete;
	void count(const Xapian::Document &doc, Xapian::docid did)
	{
		++total;
		if (did >= col->ord.size()) {
			count_apart(doc);
			return;
		}
		uint32_t o = col->ord[did];
		if (o && counts[o]++ == 0)
			touched.push_back(o);
	}
	void count_apart(const Xapian::Document &doc);
};

/* The one spy Xapian calls for all the column spies of a match. */
struct xc_columns_spy final : public Xapian::MatchSpy {
	std::vector<xc_column_spy *> spies;
	void operator()(const Xapian::Document &doc, double) override
	{
		Xapian::docid did = doc.get_docid();
		for (xc_column_spy *s : spies)
			s->count(doc, did);
	}
};

/* A value-count spy. Xapian's spy keeps counting across matches, so the
 * enquire swaps in a fresh one before each match (a column spy when the
 * slot's column is at hand, else Xapian's); the handle the caller holds
 * stays the same. `items` is the sorted copy xc_spy_item reads. */
struct xc_spy {
	Xapian::valueno slot = 0;
	std::unique_ptr<Xapian::ValueCountMatchSpy> spy;
	std::unique_ptr<xc_column_spy> column;
	std::vector<std::pair<std::string, uint32_t>> items;
};

/* The spies are declared before the Enquire so that they are destroyed
 * after it: Xapian keeps plain pointers to spies it does not own. */
struct xc_enquire {
	xc_db_t *db = nullptr;
	std::vector<std::unique_ptr<xc_spy>> spies;
	/* The collapse key (xc_enquire_set_collapse_key): at most
	 * collapse_max hits per value of collapse_slot, 0 for no collapsing.
	 * Over local databases the enquire collapses a page itself
	 * (xc_window_page in xc_enquire.cc); over remote ones Xapian does,
	 * and then the counter below is needed. */
	Xapian::valueno collapse_slot = Xapian::BAD_VALUENO;
	Xapian::doccount collapse_max = 0;
	/* Relevance order with equal weights by the value in tie_slot
	 * (xc_enquire_set_sort_by_relevance_then_value; BAD_VALUENO for
	 * any other order). Xapian would read that value in every match
	 * it looks at; over local databases the enquire orders the ties of
	 * its page itself (xc_window_page in xc_enquire.cc). */
	Xapian::valueno tie_slot = Xapian::BAD_VALUENO;
	bool tie_reverse = false;
	/* While the enquire collapses, a spy over the collapse slot's
	 * column when there is one: the matches of each key, so that the
	 * collapse counts are exact when the match saw every match. */
	std::unique_ptr<xc_column_spy> key_spy;
	/* What the match calls for the column spies, the key spy's too. */
	std::unique_ptr<xc_columns_spy> columns_spy;
	/* The match being run has a page (a key spy is of use). */
	bool paging = false;
	/* Counts the documents a match looks at: when Xapian collapses, its
	 * bounds on the matches before collapsing stay loose even when the
	 * match saw every document, so the enquire counts them itself (see
	 * xc_spies_reset): with the total of a value spy it has anyway, else
	 * with a built-in spy, whose total the servers send back. */
	std::unique_ptr<Xapian::MatchSpy> counter;
	Xapian::valueno count_slot = 0;
	bool counting = false; /* Xapian collapses: the match counts */
	const Xapian::ValueCountMatchSpy *count_total = nullptr;
	Xapian::Enquire enq;
	/* The database as enq reads it, and the enquire that counts apart
	 * from the page (xc_count_apart in xc_enquire.cc), made when first
	 * needed. */
	Xapian::Database dbh;
	std::unique_ptr<Xapian::Enquire> count_enq;
	/* db's stamp when the enquire was made: columns are used only while
	 * it holds, as a folder opened again is not what enq reads. */
	uint64_t stamp;
	std::string msg;

	explicit xc_enquire(xc_db_t *d)
		: db(d), enq(d->db), dbh(d->db), stamp(xc_db_stamp(d))
	{
	}
};

/* An MSet keeps its enquire (and through it the database) so that a hit's
 * document can be fetched after a reopen; hence msets are freed before
 * their enquire, and enquires before their database. */
struct xc_mset {
	xc_enquire_t *enq = nullptr;
	Xapian::MSet ms;
	/* When the matches were counted apart from the page (count_apart),
	 * cms is that match, whose bounds are the ones to give. */
	Xapian::MSet cms;
	bool count_apart = false;
	bool counted = false;	 /* Xapian collapsed: seen is valid */
	bool exhaustive = false; /* the match looked at every match */
	uint64_t seen = 0;	 /* documents the match looked at */
	/* Picked by the enquire (xc_window_page): ms holds the best
	 * matches from the first on, uncollapsed and with ties in docid
	 * order (the window), and the page is picks[i], an index into ms,
	 * with its key and the count of the matches of that key left out
	 * when `collapsed` (in the window, or all of them when
	 * counts_exact). Of the window, the first `usable` are
	 * surely in their place (see xc_window_pick), and `kept` of them
	 * were kept; `whole` says whether the window holds every match. */
	bool picked = false;
	bool collapsed = false;
	uint32_t first = 0;
	Xapian::doccount usable = 0;
	std::vector<Xapian::doccount> picks;
	std::vector<std::string> keys;
	std::vector<uint32_t> dropped;
	Xapian::doccount kept = 0;
	bool whole = false;
	bool counts_exact = false; /* dropped[] counted over every match */
	mutable std::string key; /* xc_mset_collapse_key's answer */
	std::string value;	 /* the last xc_mset_value */
	mutable std::string msg;
};

/* Fault injection: the countdown is process-wide and checked by every
 * guarded call; zero means disarmed, so the usual cost is one load. */
extern unsigned xc_fault_countdown;
[[noreturn]] void xc_fault_throw();

/* Classifies the exception in flight (call only inside a catch block) and
 * copies its description into *msg when msg is not NULL. Never throws. */
xc_status_t xc_translate(std::string *msg) noexcept;

/* Sets *msg (if not NULL) to text and returns XC_MISUSE; for argument
 * checks before the guarded body runs. Never throws. */
xc_status_t xc_misuse(std::string *msg, const char *text) noexcept;

/* A malloc'd NUL-terminated copy of s for the caller to xc_free; throws
 * std::bad_alloc like any C++ allocation would. */
char *xc_strdup(const std::string &s);

/* A std::string from a pointer and a length, where XC_NTS means the
 * pointer is NUL-terminated and NULL with length 0 is the empty string. */
std::string xc_string(const char *p, size_t len);

/* True when p and len describe a string: a NULL pointer is only valid for
 * an empty one. */
static inline bool xc_valid_str(const char *p, size_t len)
{
	return p || len == 0;
}

/* An enum argument as the C caller passed it. C lets any int travel in an
 * enum parameter, but C++ leaves loading a value outside the enumerators'
 * range undefined (UBSan flags it), so the bytes are copied out instead of
 * being read as the enum type. */
template <typename E>
static inline long xc_enum_arg(const E &e) noexcept
{
	std::underlying_type_t<E> v;

	static_assert(sizeof v == sizeof e, "enum and its type differ");
	std::memcpy(&v, &e, sizeof v);
	return static_cast<long>(v);
}

/* The one try block of an exported function. The message is cleared first
 * so that xc_*_errmsg describes the latest call only; then the fault point
 * may throw, and the body runs. Whatever the body throws, of either family
 * or neither, ends in xc_translate. */
template <typename Body>
static inline xc_status_t xc_guard(std::string *msg, Body &&body) noexcept
{
	if (msg)
		msg->clear();
	try {
		if (xc_fault_countdown && --xc_fault_countdown == 0)
			xc_fault_throw();
		return body();
	} catch (...) {
		return xc_translate(msg);
	}
}

#endif /* LEDE_XC_INTERNAL_H */
