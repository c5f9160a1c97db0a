/* xc_document.cc: documents, sortable number encoding and stemmers.
 * SPDX-License-Identifier: MIT
 */
#include <new>

#include "xc_internal.h"

extern "C" xc_status_t xc_doc_new(xc_doc_t **out)
{
	if (!out)
		return XC_MISUSE;
	*out = nullptr;
	return xc_guard(nullptr, [&] {
		*out = new xc_doc_t;
		return XC_OK;
	});
}

extern "C" void xc_doc_free(xc_doc_t *doc)
{
	delete doc;
}

extern "C" const char *xc_doc_errmsg(const xc_doc_t *doc)
{
	return doc ? doc->msg.c_str() : "document handle is NULL";
}

extern "C" xc_status_t xc_doc_add_posting(xc_doc_t *doc, const char *term,
					  size_t len, uint32_t pos,
					  uint32_t wdfinc)
{
	if (!doc)
		return XC_MISUSE;
	if (!xc_valid_str(term, len))
		return xc_misuse(&doc->msg, "term is NULL");
	return xc_guard(&doc->msg, [&] {
		doc->doc.add_posting(xc_string(term, len), pos, wdfinc);
		return XC_OK;
	});
}

extern "C" xc_status_t xc_doc_add_term(xc_doc_t *doc, const char *term,
				       size_t len, uint32_t wdfinc)
{
	if (!doc)
		return XC_MISUSE;
	if (!xc_valid_str(term, len))
		return xc_misuse(&doc->msg, "term is NULL");
	return xc_guard(&doc->msg, [&] {
		doc->doc.add_term(xc_string(term, len), wdfinc);
		return XC_OK;
	});
}

extern "C" xc_status_t xc_doc_add_boolean_term(xc_doc_t *doc,
					       const char *term, size_t len)
{
	if (!doc)
		return XC_MISUSE;
	if (!xc_valid_str(term, len))
		return xc_misuse(&doc->msg, "term is NULL");
	return xc_guard(&doc->msg, [&] {
		doc->doc.add_boolean_term(xc_string(term, len));
		return XC_OK;
	});
}

extern "C" xc_status_t xc_doc_set_value(xc_doc_t *doc, unsigned slot,
					const char *v, size_t len)
{
	if (!doc)
		return XC_MISUSE;
	if (!xc_valid_str(v, len))
		return xc_misuse(&doc->msg, "value is NULL");
	return xc_guard(&doc->msg, [&] {
		doc->doc.add_value(slot, xc_string(v, len));
		return XC_OK;
	});
}

extern "C" xc_status_t xc_doc_set_data(xc_doc_t *doc, const char *data,
				       size_t len)
{
	if (!doc)
		return XC_MISUSE;
	if (!xc_valid_str(data, len))
		return xc_misuse(&doc->msg, "data is NULL");
	return xc_guard(&doc->msg, [&] {
		doc->doc.set_data(xc_string(data, len));
		doc->has_data = false;
		return XC_OK;
	});
}

extern "C" xc_status_t xc_doc_get_data(xc_doc_t *doc, const char **data,
				       size_t *len)
{
	if (!doc)
		return XC_MISUSE;
	if (!data)
		return xc_misuse(&doc->msg, "data is NULL");
	return xc_guard(&doc->msg, [&] {
		if (doc->has_data) {
			*data = doc->data.c_str();
			if (len)
				*len = doc->data.size();
			return XC_OK;
		}
		doc->buf = doc->doc.get_data();
		*data = doc->buf.c_str();
		if (len)
			*len = doc->buf.size();
		return XC_OK;
	});
}

extern "C" xc_status_t xc_doc_get_value(xc_doc_t *doc, unsigned slot,
					const char **v, size_t *len)
{
	if (!doc)
		return XC_MISUSE;
	if (!v)
		return xc_misuse(&doc->msg, "v is NULL");
	return xc_guard(&doc->msg, [&] {
		doc->buf = doc->doc.get_value(slot);
		*v = doc->buf.c_str();
		if (len)
			*len = doc->buf.size();
		return XC_OK;
	});
}

extern "C" xc_status_t xc_doc_term_next(xc_doc_t *doc, size_t *index,
					const char **term, size_t *len,
					uint32_t *wdf)
{
	if (!doc)
		return XC_MISUSE;
	if (!index || !term)
		return xc_misuse(&doc->msg, "index or term is NULL");
	return xc_guard(&doc->msg, [&] {
		/* The list is read once per walk: a Xapian TermIterator
		 * cannot be kept across calls through a C index. */
		if (*index == 0) {
			doc->terms.clear();
			const Xapian::Document &d = doc->doc;
			for (Xapian::TermIterator it = d.termlist_begin();
			     it != d.termlist_end(); ++it)
				doc->terms.emplace_back(*it, it.get_wdf());
		}
		if (*index >= doc->terms.size())
			return XC_DONE;
		const auto &t = doc->terms[*index];
		*term = t.first.c_str();
		if (len)
			*len = t.first.size();
		if (wdf)
			*wdf = t.second;
		++*index;
		return XC_OK;
	});
}

extern "C" size_t xc_sortable_serialise(double v, char buf[XC_SORTABLE_MAX])
{
	/* Xapian writes at most 9 bytes here and never throws. */
	return buf ? Xapian::sortable_serialise_(v, buf) : 0;
}

extern "C" double xc_sortable_unserialise(const char *s, size_t len)
{
	if (!xc_valid_str(s, len))
		return 0.0;
	try {
		return Xapian::sortable_unserialise(xc_string(s, len));
	} catch (...) {
		/* Only the copy into a std::string can throw; there is no
		 * status to report it through, so 0 stands for failure. */
		return 0.0;
	}
}

extern "C" xc_status_t xc_stemmer_new(const char *language,
				      xc_stemmer_t **out, char **errmsg)
{
	std::string reason;
	xc_status_t st;

	if (errmsg)
		*errmsg = nullptr;
	if (!out)
		return XC_MISUSE;
	*out = nullptr;
	if (!language) {
		reason = "language is NULL";
		st = XC_MISUSE;
	} else {
		st = xc_guard(&reason, [&] {
			std::unique_ptr<xc_stemmer_t> s(new xc_stemmer_t);
			s->stem = Xapian::Stem(language);
			*out = s.release();
			return XC_OK;
		});
	}
	if (st != XC_OK && errmsg) {
		try {
			std::string text = "cannot create stemmer '";
			text += language ? language : "(null)";
			text += "': " + reason;
			*errmsg = xc_strdup(text);
		} catch (...) {
			*errmsg = nullptr;
		}
	}
	return st;
}

extern "C" void xc_stemmer_free(xc_stemmer_t *stemmer)
{
	delete stemmer;
}

extern "C" const char *xc_stemmer_errmsg(const xc_stemmer_t *stemmer)
{
	return stemmer ? stemmer->msg.c_str() : "stemmer handle is NULL";
}

extern "C" xc_status_t xc_stemmer_stem(xc_stemmer_t *stemmer,
				       const char *word, size_t len,
				       const char **stem, size_t *stemlen)
{
	if (!stemmer)
		return XC_MISUSE;
	if (!xc_valid_str(word, len) || !stem)
		return xc_misuse(&stemmer->msg, "word or stem is NULL");
	return xc_guard(&stemmer->msg, [&] {
		stemmer->out = stemmer->stem(xc_string(word, len));
		*stem = stemmer->out.c_str();
		if (stemlen)
			*stemlen = stemmer->out.size();
		return XC_OK;
	});
}

extern "C" const char *xc_stemmer_languages(void)
{
	/* Built once, on first use; a function-local static is initialised
	 * thread-safely, and a failure leaves it to be tried again. */
	try {
		static const std::string names =
			Xapian::Stem::get_available_languages();
		return names.c_str();
	} catch (...) {
		return "";
	}
}
