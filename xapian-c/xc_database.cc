/* xc_database.cc: opening, writing, reading and checking databases.
 * SPDX-License-Identifier: MIT
 */
#include <cstdlib>
#include <new>
#include <sstream>

#include <sys/stat.h>

#include "xc_internal.h"

/* Remembers which folder a local reader opened (see xc_db_refresh). */
static void xc_db_note_identity(xc_db_t *db)
{
	struct stat sb;

	db->has_identity = stat(db->path.c_str(), &sb) == 0 &&
			   S_ISDIR(sb.st_mode);
	if (db->has_identity) {
		db->dev = static_cast<unsigned long long>(sb.st_dev);
		db->ino = static_cast<unsigned long long>(sb.st_ino);
	}
}

/* Writable-only entry points share this check, so a reader refuses writes
 * with one message rather than with whatever Xapian would say. */
static bool xc_db_require_writable(xc_db_t *db)
{
	if (db->writable)
		return true;
	xc_misuse(&db->msg, "database is open read-only");
	return false;
}

/* Hands a failed open's message to the caller, prefixed with what failed
 * and the path in git's style. A failed allocation leaves *errmsg NULL. */
static void xc_open_errmsg(char **errmsg, const char *path,
			   const std::string &reason) noexcept
{
	if (!errmsg)
		return;
	try {
		std::string text = "cannot open index '";
		text += path ? path : "(null)";
		text += "'";
		if (!reason.empty()) {
			text += ": ";
			text += reason;
		}
		*errmsg = xc_strdup(text);
	} catch (...) {
		*errmsg = nullptr;
	}
}

extern "C" xc_status_t xc_db_open(const char *path, xc_db_mode_t mode,
				  xc_db_t **out, char **errmsg)
{
	std::string reason;
	xc_status_t st;

	if (errmsg)
		*errmsg = nullptr;
	if (!out)
		return XC_MISUSE;
	*out = nullptr;
	if (!path) {
		xc_open_errmsg(errmsg, path, "path is NULL");
		return XC_MISUSE;
	}
	st = xc_guard(&reason, [&] {
		int action = 0;
		bool reading = false;
		long m = xc_enum_arg(mode);

		if (m & XC_DB_NO_SYNC) {
			if (m == (XC_DB_READ | XC_DB_NO_SYNC))
				throw Xapian::InvalidArgumentError(
					"no sync is for writing");
			action |= Xapian::DB_NO_SYNC;
			m &= ~long(XC_DB_NO_SYNC);
		}
		switch (m) {
		case XC_DB_READ:
			reading = true;
			break;
		case XC_DB_WRITE_OPEN:
			action |= Xapian::DB_OPEN;
			break;
		case XC_DB_WRITE_CREATE:
			action |= Xapian::DB_CREATE_OR_OPEN;
			break;
		case XC_DB_WRITE_OVERWRITE:
			action |= Xapian::DB_CREATE_OR_OVERWRITE;
			break;
		default:
			throw Xapian::InvalidArgumentError(
				"unknown database mode");
		}
		std::unique_ptr<xc_db_t> db(new xc_db_t);
		db->path = path;
		if (reading) {
			db->db = Xapian::Database(path);
			xc_db_note_identity(db.get());
		} else {
			/* No DB_RETRY_LOCK: a second writer must fail at
			 * once, never wait for the first to finish. */
			db->wdb = Xapian::WritableDatabase(path, action);
			db->db = db->wdb;
			db->writable = true;
		}
		*out = db.release();
		return XC_OK;
	});
	if (st != XC_OK)
		xc_open_errmsg(errmsg, path, reason);
	return st;
}

/* Opens a remote database with open(), which throws what Xapian's
 * remote backend throws; a server that cannot be reached or understood
 * is "no such index" to the caller, as a missing folder is. */
template <typename Open>
static xc_status_t xc_db_open_remote_with(const std::string &name,
					  xc_db_t **out, char **errmsg,
					  Open open)
{
	std::string reason;
	xc_status_t st = xc_guard(&reason, [&] {
		std::unique_ptr<xc_db_t> db(new xc_db_t);
		db->path = name;
		db->remote = true;
		try {
			db->db = open();
		} catch (const Xapian::NetworkError &e) {
			reason = e.get_description();
			return XC_NO_DATABASE;
		}
		*out = db.release();
		return XC_OK;
	});
	if (st != XC_OK)
		xc_open_errmsg(errmsg, name.c_str(), reason);
	return st;
}

extern "C" xc_status_t xc_db_open_remote(const char *host, unsigned port,
					 unsigned timeout_ms, xc_db_t **out,
					 char **errmsg)
{
	if (errmsg)
		*errmsg = nullptr;
	if (!out)
		return XC_MISUSE;
	*out = nullptr;
	if (!host || !*host || port == 0 || port > 65535) {
		xc_open_errmsg(errmsg, host ? host : "(null)",
			       "a remote index needs a host and a port "
			       "from 1 to 65535");
		return XC_MISUSE;
	}
	std::string name;
	try {
		name = "tcp://";
		name += host;
		name += ":" + std::to_string(port);
	} catch (...) {
		return XC_NOMEM;
	}
	return xc_db_open_remote_with(name, out, errmsg, [&] {
		return timeout_ms ? Xapian::Remote::open(host, port, timeout_ms)
				  : Xapian::Remote::open(host, port);
	});
}

extern "C" xc_status_t xc_db_open_remote_program(const char *program,
						 const char *args,
						 unsigned timeout_ms,
						 xc_db_t **out, char **errmsg)
{
	if (errmsg)
		*errmsg = nullptr;
	if (!out)
		return XC_MISUSE;
	*out = nullptr;
	if (!program || !*program) {
		xc_open_errmsg(errmsg, "(null)", "no program given");
		return XC_MISUSE;
	}
	std::string name;
	try {
		name = program;
		if (args && *args) {
			name += " ";
			name += args;
		}
	} catch (...) {
		return XC_NOMEM;
	}
	return xc_db_open_remote_with(name, out, errmsg, [&] {
		std::string a = args ? args : "";
		return timeout_ms ? Xapian::Remote::open(program, a, timeout_ms)
				  : Xapian::Remote::open(program, a);
	});
}

/* Makes db a view of parts[0..n-1]. Xapian cannot search a Database
 * without a part (the Enquire refuses it), so a view of none reads an
 * empty in-memory database. */
static void xc_db_set_parts(xc_db_t *db, xc_db_t *const *parts, size_t n)
{
	Xapian::Database view;
	bool remote = false;

	if (n == 0)
		view = Xapian::Database(std::string(),
					Xapian::DB_BACKEND_INMEMORY);
	for (size_t i = 0; i < n; i++) {
		view.add_database(parts[i]->db);
		remote |= parts[i]->remote;
	}
	db->parts.assign(parts, parts + n);
	db->db = view;
	db->remote = remote;
	db->is_view = true;
	db->generation++;
}

extern "C" xc_status_t xc_db_combine(xc_db_t *const *parts, size_t n,
				     xc_db_t **out)
{
	if (!out)
		return XC_MISUSE;
	*out = nullptr;
	if (!parts && n)
		return XC_MISUSE;
	for (size_t i = 0; i < n; i++)
		if (!parts[i])
			return XC_MISUSE;
	return xc_guard(nullptr, [&] {
		std::unique_ptr<xc_db_t> db(new xc_db_t);
		db->path = "combined";
		xc_db_set_parts(db.get(), parts, n);
		*out = db.release();
		return XC_OK;
	});
}

extern "C" xc_status_t xc_db_recombine(xc_db_t *view, xc_db_t *const *parts,
				       size_t n)
{
	if (!view)
		return XC_MISUSE;
	if (!view->is_view)
		return xc_misuse(&view->msg, "not a view (xc_db_combine)");
	if (!parts && n)
		return xc_misuse(&view->msg, "parts is NULL");
	for (size_t i = 0; i < n; i++)
		if (!parts[i])
			return xc_misuse(&view->msg, "a part is NULL");
	return xc_guard(&view->msg, [&] {
		xc_db_set_parts(view, parts, n);
		return XC_OK;
	});
}

extern "C" void xc_db_part_of(const xc_db_t *db, uint32_t docid,
			      size_t *part, uint32_t *part_docid)
{
	size_t n = db && db->parts.size() > 1 ? db->parts.size() : 1;
	size_t p = 0;
	uint32_t d = docid;

	if (docid && n > 1) {
		p = (docid - 1) % n;
		d = static_cast<uint32_t>((docid - 1) / n + 1);
	}
	if (part)
		*part = p;
	if (part_docid)
		*part_docid = d;
}

extern "C" xc_status_t xc_db_close(xc_db_t *db)
{
	xc_status_t st;

	if (!db)
		return XC_OK;
	/* A view shares its parts' internals: closing it would close them
	 * under their own handles. */
	if (db->is_view) {
		delete db;
		return XC_OK;
	}
	/* Commit explicitly: the destructor would commit too, but it
	 * swallows errors, and the caller must learn if data was lost. */
	st = xc_guard(&db->msg, [&] {
		if (db->writable)
			db->wdb.commit();
		db->db.close();
		return XC_OK;
	});
	delete db;
	return st;
}

extern "C" const char *xc_db_errmsg(const xc_db_t *db)
{
	return db ? db->msg.c_str() : "database handle is NULL";
}

extern "C" int xc_db_is_writable(const xc_db_t *db)
{
	return db && db->writable;
}

/* Reopens db, and each part of a view; true when db's Database was
 * replaced rather than reopened. Xapian's reopen reads a newer revision
 * through the files it has open, which is right for commits but not when
 * compaction swapped in a whole new folder under the same name: the open
 * files are then the old index's, and files opened later the new one's.
 * So a local reader whose folder changed identity opens the path again,
 * and a view with a part opened again is rebuilt over the new parts. */
static bool xc_db_refresh(xc_db_t *db, bool *changed)
{
	if (db->is_view) {
		bool replaced = false;
		for (xc_db_t *p : db->parts)
			replaced |= xc_db_refresh(p, changed);
		if (replaced) {
			std::vector<xc_db_t *> parts(db->parts);
			xc_db_set_parts(db, parts.data(), parts.size());
		}
		return replaced;
	}
	struct stat sb;
	if (db->has_identity && stat(db->path.c_str(), &sb) == 0 &&
	    S_ISDIR(sb.st_mode) &&
	    (static_cast<unsigned long long>(sb.st_dev) != db->dev ||
	     static_cast<unsigned long long>(sb.st_ino) != db->ino)) {
		db->db = Xapian::Database(db->path);
		db->dev = static_cast<unsigned long long>(sb.st_dev);
		db->ino = static_cast<unsigned long long>(sb.st_ino);
		db->generation++;
		*changed = true;
		return true;
	}
	if (db->db.reopen()) {
		db->generation++;
		*changed = true;
	}
	return false;
}

uint64_t xc_db_stamp(const xc_db_t *db)
{
	/* Generations only go up, so the sum changes when any does. */
	uint64_t stamp = db->generation;

	for (const xc_db_t *p : db->parts)
		stamp += xc_db_stamp(p);
	return stamp;
}

/* Moves the generation of db and of every part of it on. */
static void xc_db_touch(xc_db_t *db)
{
	db->generation++;
	for (xc_db_t *p : db->parts)
		xc_db_touch(p);
}

void xc_db_reopen_retry(xc_db_t *db)
{
	/* Touched first: should the reopen throw, what was read before
	 * is stale all the same. */
	xc_db_touch(db);
	db->db.reopen();
}

extern "C" xc_status_t xc_db_reopen(xc_db_t *db, int *changed)
{
	if (!db)
		return XC_MISUSE;
	return xc_guard(&db->msg, [&] {
		bool c = false;
		xc_db_refresh(db, &c);
		if (changed)
			*changed = c ? 1 : 0;
		return XC_OK;
	});
}

extern "C" xc_status_t xc_db_doccount(xc_db_t *db, uint32_t *count)
{
	if (!db)
		return XC_MISUSE;
	if (!count)
		return xc_misuse(&db->msg, "count is NULL");
	return xc_guard(&db->msg, [&] {
		*count = db->db.get_doccount();
		return XC_OK;
	});
}

extern "C" xc_status_t xc_db_lastdocid(xc_db_t *db, uint32_t *docid)
{
	if (!db)
		return XC_MISUSE;
	if (!docid)
		return xc_misuse(&db->msg, "docid is NULL");
	return xc_guard(&db->msg, [&] {
		*docid = db->db.get_lastdocid();
		return XC_OK;
	});
}

extern "C" xc_status_t xc_db_termfreq(xc_db_t *db, const char *term,
				      size_t len, uint32_t *freq)
{
	if (!db)
		return XC_MISUSE;
	if (!xc_valid_str(term, len) || !freq)
		return xc_misuse(&db->msg, "term or freq is NULL");
	return xc_guard(&db->msg, [&] {
		*freq = db->db.get_termfreq(xc_string(term, len));
		return XC_OK;
	});
}

extern "C" xc_status_t xc_db_get_metadata(xc_db_t *db, const char *key,
					  size_t keylen, char **value,
					  size_t *len)
{
	if (!db)
		return XC_MISUSE;
	if (!xc_valid_str(key, keylen) || !value)
		return xc_misuse(&db->msg, "key or value is NULL");
	*value = nullptr;
	if (len)
		*len = 0;
	return xc_guard(&db->msg, [&] {
		std::string v = db->db.get_metadata(xc_string(key, keylen));
		/* Xapian cannot tell an unset key from an empty value;
		 * both come back as "unset". */
		if (!v.empty())
			*value = xc_strdup(v);
		if (len)
			*len = v.size();
		return XC_OK;
	});
}

extern "C" xc_status_t xc_db_set_metadata(xc_db_t *db, const char *key,
					  size_t keylen, const char *value,
					  size_t len)
{
	if (!db)
		return XC_MISUSE;
	if (!xc_valid_str(key, keylen) || !xc_valid_str(value, len))
		return xc_misuse(&db->msg, "key or value is NULL");
	if (!xc_db_require_writable(db))
		return XC_MISUSE;
	return xc_guard(&db->msg, [&] {
		db->wdb.set_metadata(xc_string(key, keylen),
				     xc_string(value, len));
		return XC_OK;
	});
}

extern "C" xc_status_t xc_db_commit(xc_db_t *db)
{
	if (!db)
		return XC_MISUSE;
	if (!xc_db_require_writable(db))
		return XC_MISUSE;
	return xc_guard(&db->msg, [&] {
		db->wdb.commit();
		return XC_OK;
	});
}

extern "C" xc_status_t xc_db_add_spelling(xc_db_t *db, const char *word,
					  size_t len, uint32_t freqinc)
{
	if (!db)
		return XC_MISUSE;
	if (!xc_valid_str(word, len))
		return xc_misuse(&db->msg, "word is NULL");
	if (!xc_db_require_writable(db))
		return XC_MISUSE;
	return xc_guard(&db->msg, [&] {
		db->wdb.add_spelling(xc_string(word, len), freqinc);
		return XC_OK;
	});
}

extern "C" xc_status_t xc_db_spelling_suggestion(xc_db_t *db,
						 const char *word, size_t len,
						 unsigned max_edit_distance,
						 char **suggestion)
{
	if (!db)
		return XC_MISUSE;
	if (!xc_valid_str(word, len) || !suggestion)
		return xc_misuse(&db->msg, "word or suggestion is NULL");
	*suggestion = nullptr;
	return xc_guard(&db->msg, [&] {
		std::string s = db->db.get_spelling_suggestion(
			xc_string(word, len), max_edit_distance);
		if (!s.empty())
			*suggestion = xc_strdup(s);
		return XC_OK;
	});
}

extern "C" xc_status_t xc_db_check(const char *path, size_t *errors,
				   char **report)
{
	if (report)
		*report = nullptr;
	if (!path || !errors)
		return XC_MISUSE;
	*errors = 0;
	std::ostringstream *out = nullptr;
	xc_status_t st = xc_guard(nullptr, [&] {
		out = new std::ostringstream;
		*errors = Xapian::Database::check(std::string(path), 0,
						  report ? out : nullptr);
		return XC_OK;
	});
	/* Xapian throws when the database cannot be checked at all; what it
	 * printed before that still helps, so the report goes back too. */
	if (report && out) {
		try {
			*report = xc_strdup(out->str());
		} catch (...) {
			*report = nullptr;
		}
	}
	delete out;
	return st;
}

/* Hands the compactor's progress to the caller's function. The C function
 * runs inside Xapian's call, unlike the binding's other callbacks, since
 * progress is only worth something while it happens; it cannot throw. */
struct xc_compactor final : public Xapian::Compactor {
	xc_compact_fn fn = nullptr;
	void *ctx = nullptr;

	void set_status(const std::string &table,
			const std::string &status) override
	{
		if (fn)
			fn(ctx, table.c_str(), status.c_str());
	}
};

/* Compacts the databases at srcs, in order, into the new folder dst, at
 * Xapian's `level` of fullness; *errmsg names `what` on failure. */
static xc_status_t compact_into(const char *const *srcs, size_t n,
				const char *dst, unsigned level,
				const std::string &what, xc_compact_fn fn,
				void *ctx, char **errmsg)
{
	if (errmsg)
		*errmsg = nullptr;
	if (!srcs || !n || !dst)
		return XC_MISUSE;
	for (size_t i = 0; i < n; i++)
		if (!srcs[i])
			return XC_MISUSE;
	std::string reason;
	xc_status_t st = xc_guard(&reason, [&] {
		struct stat sb;
		if (stat(dst, &sb) == 0)
			throw Xapian::InvalidOperationError(
				std::string("'") + dst + "' exists already");
		Xapian::Database db;
		for (size_t i = 0; i < n; i++)
			db.add_database(Xapian::Database(srcs[i]));
		xc_compactor c;
		c.fn = fn;
		c.ctx = ctx;
		db.compact(dst, level, 0, c);
		return XC_OK;
	});
	if (st != XC_OK && errmsg) {
		try {
			*errmsg = xc_strdup(what + ": " + reason);
		} catch (...) {
			*errmsg = nullptr;
		}
	}
	return st;
}

extern "C" xc_status_t xc_db_compact(const char *src, const char *dst,
				     xc_compact_fn fn, void *ctx,
				     char **errmsg)
{
	if (!src)
		return compact_into(nullptr, 0, dst, 0, "", fn, ctx, errmsg);
	return compact_into(&src, 1, dst, Xapian::Compactor::FULL,
			    "cannot compact index '" + std::string(src) + "'",
			    fn, ctx, errmsg);
}

extern "C" xc_status_t xc_db_merge(const char *const *srcs, size_t n,
				   const char *dst, xc_compact_fn fn,
				   void *ctx, char **errmsg)
{
	return compact_into(srcs, n, dst, Xapian::Compactor::STANDARD,
			    "cannot merge into '" +
				    std::string(dst ? dst : "") + "'",
			    fn, ctx, errmsg);
}

extern "C" xc_status_t xc_db_replace_document(xc_db_t *db,
					      const char *unique_term,
					      size_t len, xc_doc_t *doc,
					      uint32_t *docid)
{
	if (!db)
		return XC_MISUSE;
	if (!xc_valid_str(unique_term, len) || !doc)
		return xc_misuse(&db->msg, "unique term or document is NULL");
	if (!xc_db_require_writable(db))
		return XC_MISUSE;
	return xc_guard(&db->msg, [&] {
		Xapian::docid id = db->wdb.replace_document(
			xc_string(unique_term, len), doc->doc);
		if (docid)
			*docid = id;
		return XC_OK;
	});
}

extern "C" xc_status_t xc_db_add_document(xc_db_t *db, xc_doc_t *doc,
					  uint32_t *docid)
{
	if (!db)
		return XC_MISUSE;
	if (!doc)
		return xc_misuse(&db->msg, "document is NULL");
	if (!xc_db_require_writable(db))
		return XC_MISUSE;
	return xc_guard(&db->msg, [&] {
		Xapian::docid id = db->wdb.add_document(doc->doc);
		if (docid)
			*docid = id;
		return XC_OK;
	});
}

extern "C" xc_status_t xc_db_delete_document(xc_db_t *db,
					     const char *unique_term,
					     size_t len, uint32_t *deleted)
{
	if (!db)
		return XC_MISUSE;
	if (!xc_valid_str(unique_term, len))
		return xc_misuse(&db->msg, "unique term is NULL");
	if (!xc_db_require_writable(db))
		return XC_MISUSE;
	return xc_guard(&db->msg, [&] {
		std::string term = xc_string(unique_term, len);
		/* The writer's term frequency includes uncommitted changes,
		 * so this is the count the deletion is about to remove. */
		Xapian::doccount n = db->wdb.get_termfreq(term);
		db->wdb.delete_document(term);
		if (deleted)
			*deleted = n;
		return XC_OK;
	});
}

extern "C" xc_status_t xc_db_get_document(xc_db_t *db, uint32_t docid,
					  xc_doc_t **out)
{
	if (!db)
		return XC_MISUSE;
	if (!out)
		return xc_misuse(&db->msg, "out is NULL");
	*out = nullptr;
	if (docid == 0)
		return xc_misuse(&db->msg, "document id 0 is invalid");
	return xc_guard(&db->msg, [&] {
		std::unique_ptr<xc_doc_t> doc(new xc_doc_t);
		try {
			doc->doc = db->db.get_document(docid);
		} catch (const Xapian::DocNotFoundError &e) {
			/* The header promises misuse, not "no database",
			 * for an id that is not there. */
			db->msg = "no document with id " +
				  std::to_string(docid) + ": " +
				  e.get_description();
			return XC_MISUSE;
		}
		*out = doc.release();
		return XC_OK;
	});
}

extern "C" xc_status_t xc_db_delete_docid(xc_db_t *db, uint32_t docid,
					  int *deleted)
{
	if (!db)
		return XC_MISUSE;
	if (deleted)
		*deleted = 0;
	if (docid == 0)
		return xc_misuse(&db->msg, "document id 0 is invalid");
	if (!xc_db_require_writable(db))
		return XC_MISUSE;
	return xc_guard(&db->msg, [&] {
		try {
			db->wdb.delete_document(docid);
		} catch (const Xapian::DocNotFoundError &) {
			/* Gone already: what the caller wanted. */
			return XC_OK;
		}
		if (deleted)
			*deleted = 1;
		return XC_OK;
	});
}

extern "C" xc_status_t xc_db_total_length(xc_db_t *db, uint64_t *length)
{
	if (!db)
		return XC_MISUSE;
	if (!length)
		return xc_misuse(&db->msg, "length is NULL");
	return xc_guard(&db->msg, [&] {
		*length = db->db.get_total_length();
		return XC_OK;
	});
}

/* ---- Lists of terms and metadata keys ---------------------------------- */

struct xc_list {
	std::vector<std::pair<std::string, uint64_t>> items;
};

/* Fills list from a term iterator: up to max items (0: all) after
 * `after`, with each term's frequency when `freqs`. */
static void xc_list_fill(xc_list_t *list, Xapian::TermIterator it,
			 Xapian::TermIterator end, const std::string &after,
			 size_t max, bool freqs)
{
	if (!after.empty()) {
		it.skip_to(after);
		if (it != end && *it == after)
			++it;
	}
	for (; it != end && (max == 0 || list->items.size() < max); ++it)
		list->items.emplace_back(*it, freqs ? it.get_termfreq() : 0);
}

/* The body of both listings: one reopen and retry when the database
 * changed under a reader, as for matches. */
template <typename Begin>
static xc_status_t xc_db_list(xc_db_t *db, const char *after,
			      size_t after_len, size_t max, bool freqs,
			      xc_list_t **out, Begin begin)
{
	return xc_guard(&db->msg, [&] {
		std::string from = xc_string(after, after_len);
		std::unique_ptr<xc_list_t> list(new xc_list_t);
		try {
			auto range = begin();
			xc_list_fill(list.get(), range.first, range.second,
				     from, max, freqs);
		} catch (const Xapian::DatabaseModifiedError &) {
			xc_db_reopen_retry(db);
			list->items.clear();
			auto range = begin();
			xc_list_fill(list.get(), range.first, range.second,
				     from, max, freqs);
		}
		*out = list.release();
		return XC_OK;
	});
}

extern "C" xc_status_t xc_db_terms(xc_db_t *db, const char *prefix,
				   size_t prefix_len, const char *after,
				   size_t after_len, size_t max,
				   xc_list_t **out)
{
	if (!db)
		return XC_MISUSE;
	if (!out)
		return xc_misuse(&db->msg, "out is NULL");
	*out = nullptr;
	if (!xc_valid_str(prefix, prefix_len) ||
	    !xc_valid_str(after, after_len))
		return xc_misuse(&db->msg, "prefix or after is NULL");
	return xc_db_list(db, after, after_len, max, true, out, [&] {
		std::string pre = xc_string(prefix, prefix_len);
		return std::make_pair(db->db.allterms_begin(pre),
				      db->db.allterms_end(pre));
	});
}

extern "C" xc_status_t xc_db_metadata_keys(xc_db_t *db, const char *prefix,
					   size_t prefix_len,
					   const char *after,
					   size_t after_len, size_t max,
					   xc_list_t **out)
{
	if (!db)
		return XC_MISUSE;
	if (!out)
		return xc_misuse(&db->msg, "out is NULL");
	*out = nullptr;
	if (!xc_valid_str(prefix, prefix_len) ||
	    !xc_valid_str(after, after_len))
		return xc_misuse(&db->msg, "prefix or after is NULL");
	return xc_db_list(db, after, after_len, max, false, out, [&] {
		std::string pre = xc_string(prefix, prefix_len);
		return std::make_pair(db->db.metadata_keys_begin(pre),
				      db->db.metadata_keys_end(pre));
	});
}

extern "C" size_t xc_list_size(const xc_list_t *list)
{
	return list ? list->items.size() : 0;
}

extern "C" xc_status_t xc_list_item(const xc_list_t *list, size_t i,
				    const char **s, size_t *len,
				    uint64_t *number)
{
	if (!list || !s || i >= list->items.size())
		return XC_MISUSE;
	const auto &item = list->items[i];
	*s = item.first.c_str();
	if (len)
		*len = item.first.size();
	if (number)
		*number = item.second;
	return XC_OK;
}

extern "C" void xc_list_free(xc_list_t *list)
{
	delete list;
}

extern "C" xc_status_t xc_db_postings(xc_db_t *db, const char *term,
				      size_t len, uint32_t **docids,
				      size_t *n)
{
	if (!db)
		return XC_MISUSE;
	if (!xc_valid_str(term, len) || !docids || !n)
		return xc_misuse(&db->msg, "term, docids or n is NULL");
	*docids = nullptr;
	*n = 0;
	return xc_guard(&db->msg, [&] {
		std::string t = xc_string(term, len);
		std::vector<uint32_t> ids;
		auto collect = [&] {
			ids.clear();
			for (Xapian::PostingIterator it =
				     db->db.postlist_begin(t);
			     it != db->db.postlist_end(t); ++it)
				ids.push_back(*it);
		};
		try {
			collect();
		} catch (const Xapian::DatabaseModifiedError &) {
			xc_db_reopen_retry(db);
			collect();
		}
		if (!ids.empty()) {
			void *p = std::malloc(ids.size() * sizeof ids[0]);
			if (!p)
				throw std::bad_alloc();
			std::memcpy(p, ids.data(), ids.size() * sizeof ids[0]);
			*docids = static_cast<uint32_t *>(p);
			*n = ids.size();
		}
		return XC_OK;
	});
}
