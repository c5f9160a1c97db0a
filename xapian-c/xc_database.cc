/* xc_database.cc: opening, writing, reading and checking databases.
 * SPDX-License-Identifier: MIT
 */
#include <new>
#include <sstream>

#include "xc_internal.h"

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

		switch (xc_enum_arg(mode)) {
		case XC_DB_READ:
			reading = true;
			break;
		case XC_DB_WRITE_OPEN:
			action = Xapian::DB_OPEN;
			break;
		case XC_DB_WRITE_CREATE:
			action = Xapian::DB_CREATE_OR_OPEN;
			break;
		case XC_DB_WRITE_OVERWRITE:
			action = Xapian::DB_CREATE_OR_OVERWRITE;
			break;
		default:
			throw Xapian::InvalidArgumentError(
				"unknown database mode");
		}
		std::unique_ptr<xc_db_t> db(new xc_db_t);
		db->path = path;
		if (reading) {
			db->db = Xapian::Database(path);
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

extern "C" xc_status_t xc_db_close(xc_db_t *db)
{
	xc_status_t st;

	if (!db)
		return XC_OK;
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

extern "C" xc_status_t xc_db_reopen(xc_db_t *db, int *changed)
{
	if (!db)
		return XC_MISUSE;
	return xc_guard(&db->msg, [&] {
		bool c = db->db.reopen();
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
