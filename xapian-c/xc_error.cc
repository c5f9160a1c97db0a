/* xc_error.cc: status strings, the exception translator, fault injection.
 * SPDX-License-Identifier: MIT
 */
#include <cstdlib>
#include <cstring>
#include <exception>
#include <new>

#include "xc_internal.h"

unsigned xc_fault_countdown;
static long xc_fault_kind = XC_INTERNAL;

extern "C" const char *xc_status_str(xc_status_t status)
{
	switch (xc_enum_arg(status)) {
	case XC_OK:
		return "success";
	case XC_DONE:
		return "no more items";
	case XC_NOMEM:
		return "out of memory";
	case XC_MISUSE:
		return "invalid argument or operation";
	case XC_NO_DATABASE:
		return "no such index";
	case XC_LOCKED:
		return "index is locked by another writer";
	case XC_MODIFIED:
		return "index changed while reading";
	case XC_VERSION:
		return "index format too old or too new";
	case XC_CORRUPT:
		return "index is corrupt";
	case XC_BAD_QUERY:
		return "bad query";
	case XC_XAPIAN:
		return "Xapian error";
	case XC_INTERNAL:
		return "internal error";
	}
	return "unknown status";
}

extern "C" void xc_free(void *p)
{
	std::free(p);
}

extern "C" const char *xc_version(void)
{
	return Xapian::version_string();
}

extern "C" void xc_fault_inject(unsigned n, xc_status_t kind)
{
	xc_fault_kind = xc_enum_arg(kind);
	xc_fault_countdown = n;
}

/* Throws what a real failure of the armed kind would throw, so the fault
 * travels the same path through xc_translate as the real thing. */
void xc_fault_throw()
{
	const char *what = "injected fault";

	switch (xc_fault_kind) {
	case XC_NOMEM:
		throw std::bad_alloc();
	case XC_MISUSE:
		throw Xapian::InvalidArgumentError(what);
	case XC_NO_DATABASE:
		throw Xapian::DatabaseNotFoundError(what);
	case XC_LOCKED:
		throw Xapian::DatabaseLockError(what);
	case XC_MODIFIED:
		throw Xapian::DatabaseModifiedError(what);
	case XC_VERSION:
		throw Xapian::DatabaseVersionError(what);
	case XC_CORRUPT:
		throw Xapian::DatabaseCorruptError(what);
	case XC_BAD_QUERY:
		throw Xapian::QueryParserError(what);
	case XC_XAPIAN:
		throw Xapian::UnimplementedError(what);
	default:
		break;
	}
	/* Neither family: the translator's last resort must catch it. */
	throw 0;
}

/* Copies text into *msg, giving up quietly if even that allocation fails:
 * the status alone still tells the caller what happened. */
static void xc_set_msg(std::string *msg, const char *text) noexcept
{
	if (!msg)
		return;
	try {
		msg->assign(text);
	} catch (...) {
		msg->clear();
	}
}

static void xc_set_msg(std::string *msg, const Xapian::Error &e) noexcept
{
	if (!msg)
		return;
	try {
		msg->assign(e.get_description());
	} catch (...) {
		msg->clear();
	}
}

xc_status_t xc_misuse(std::string *msg, const char *text) noexcept
{
	xc_set_msg(msg, text);
	return XC_MISUSE;
}

/* The one translator. The order of the handlers matters: in Xapian 1.4
 * DatabaseNotFoundError and DatabaseVersionError derive from
 * DatabaseOpeningError, and every Xapian class from Xapian::Error, so the
 * specific ones come first. WildcardError is a RuntimeError to Xapian, but
 * our header promises XC_MISUSE when a wildcard expands beyond the limit
 * the caller set, so it is classified with the argument errors. */
xc_status_t xc_translate(std::string *msg) noexcept
{
	try {
		throw;
	} catch (const Xapian::DatabaseLockError &e) {
		xc_set_msg(msg, e);
		return XC_LOCKED;
	} catch (const Xapian::DatabaseModifiedError &e) {
		xc_set_msg(msg, e);
		return XC_MODIFIED;
	} catch (const Xapian::DatabaseVersionError &e) {
		xc_set_msg(msg, e);
		return XC_VERSION;
	} catch (const Xapian::DatabaseNotFoundError &e) {
		xc_set_msg(msg, e);
		return XC_NO_DATABASE;
	} catch (const Xapian::DatabaseOpeningError &e) {
		xc_set_msg(msg, e);
		return XC_NO_DATABASE;
	} catch (const Xapian::DatabaseCorruptError &e) {
		xc_set_msg(msg, e);
		return XC_CORRUPT;
	} catch (const Xapian::QueryParserError &e) {
		xc_set_msg(msg, e);
		return XC_BAD_QUERY;
	} catch (const Xapian::InvalidArgumentError &e) {
		xc_set_msg(msg, e);
		return XC_MISUSE;
	} catch (const Xapian::InvalidOperationError &e) {
		xc_set_msg(msg, e);
		return XC_MISUSE;
	} catch (const Xapian::WildcardError &e) {
		xc_set_msg(msg, e);
		return XC_MISUSE;
	} catch (const Xapian::Error &e) {
		xc_set_msg(msg, e);
		return XC_XAPIAN;
	} catch (const std::bad_alloc &) {
		xc_set_msg(msg, "out of memory");
		return XC_NOMEM;
	} catch (const std::exception &e) {
		xc_set_msg(msg, e.what());
		return XC_INTERNAL;
	} catch (...) {
		xc_set_msg(msg, "unknown exception");
		return XC_INTERNAL;
	}
}

char *xc_strdup(const std::string &s)
{
	char *p = static_cast<char *>(std::malloc(s.size() + 1));

	if (!p)
		throw std::bad_alloc();
	std::memcpy(p, s.data(), s.size());
	p[s.size()] = '\0';
	return p;
}

std::string xc_string(const char *p, size_t len)
{
	if (!p)
		return std::string();
	if (len == XC_NTS)
		return std::string(p);
	return std::string(p, len);
}
