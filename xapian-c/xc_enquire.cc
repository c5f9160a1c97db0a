/* xc_enquire.cc: running matches, reading results, snippets, value spies.
 * SPDX-License-Identifier: MIT
 */
#include <algorithm>
#include <cmath>
#include <new>

#include "xc_internal.h"

extern "C" xc_status_t xc_enquire_new(xc_db_t *db, xc_enquire_t **out)
{
	if (!out)
		return XC_MISUSE;
	*out = nullptr;
	if (!db)
		return XC_MISUSE;
	return xc_guard(&db->msg, [&] {
		*out = new xc_enquire_t(db);
		return XC_OK;
	});
}

extern "C" void xc_enquire_free(xc_enquire_t *enq)
{
	delete enq;
}

extern "C" const char *xc_enquire_errmsg(const xc_enquire_t *enq)
{
	return enq ? enq->msg.c_str() : "enquire handle is NULL";
}

extern "C" xc_status_t xc_enquire_set_query(xc_enquire_t *enq,
					    const xc_query_t *q,
					    uint32_t qlen)
{
	if (!enq)
		return XC_MISUSE;
	if (!q)
		return xc_misuse(&enq->msg, "query is NULL");
	return xc_guard(&enq->msg, [&] {
		enq->enq.set_query(q->q, qlen);
		return XC_OK;
	});
}

static bool xc_nonneg(double x)
{
	return x >= 0.0 && !std::isinf(x);
}

extern "C" xc_status_t xc_enquire_set_bm25(xc_enquire_t *enq, double k1,
					   double k2, double k3, double b,
					   double min_normlen)
{
	if (!enq)
		return XC_MISUSE;
	if (!xc_nonneg(k1) || !xc_nonneg(k2) || !xc_nonneg(k3) ||
	    !xc_nonneg(b) || !xc_nonneg(min_normlen))
		return xc_misuse(&enq->msg,
				 "BM25 parameters must be finite and >= 0");
	return xc_guard(&enq->msg, [&] {
		enq->enq.set_weighting_scheme(
			Xapian::BM25Weight(k1, k2, k3, b, min_normlen));
		return XC_OK;
	});
}

extern "C" xc_status_t xc_enquire_set_sort_by_value(xc_enquire_t *enq,
						    unsigned slot, int reverse,
						    int then_relevance)
{
	if (!enq)
		return XC_MISUSE;
	return xc_guard(&enq->msg, [&] {
		if (then_relevance)
			enq->enq.set_sort_by_value_then_relevance(slot,
								  reverse);
		else
			enq->enq.set_sort_by_value(slot, reverse);
		return XC_OK;
	});
}

extern "C" xc_status_t xc_enquire_set_sort_by_relevance(xc_enquire_t *enq)
{
	if (!enq)
		return XC_MISUSE;
	return xc_guard(&enq->msg, [&] {
		enq->enq.set_sort_by_relevance();
		return XC_OK;
	});
}

extern "C" xc_status_t
xc_enquire_set_sort_by_relevance_then_value(xc_enquire_t *enq, unsigned slot,
					    int reverse)
{
	if (!enq)
		return XC_MISUSE;
	return xc_guard(&enq->msg, [&] {
		enq->enq.set_sort_by_relevance_then_value(slot, reverse);
		return XC_OK;
	});
}

extern "C" xc_status_t xc_enquire_set_collapse_key(xc_enquire_t *enq,
						   unsigned slot,
						   uint32_t max)
{
	if (!enq)
		return XC_MISUSE;
	return xc_guard(&enq->msg, [&] {
		if (max == 0)
			enq->enq.set_collapse_key(Xapian::BAD_VALUENO);
		else
			enq->enq.set_collapse_key(slot, max);
		return XC_OK;
	});
}

extern "C" xc_status_t xc_enquire_add_value_spy(xc_enquire_t *enq,
						unsigned slot, xc_spy_t **spy)
{
	if (!enq)
		return XC_MISUSE;
	if (!spy)
		return xc_misuse(&enq->msg, "spy is NULL");
	*spy = nullptr;
	return xc_guard(&enq->msg, [&] {
		std::unique_ptr<xc_spy_t> s(new xc_spy_t);
		s->slot = slot;
		/* The vector has room before the spy is handed to Xapian,
		 * so a failed push cannot leave Xapian a dangling one. */
		enq->spies.reserve(enq->spies.size() + 1);
		s->spy.reset(new Xapian::ValueCountMatchSpy(slot));
		enq->enq.add_matchspy(s->spy.get());
		*spy = s.get();
		enq->spies.push_back(std::move(s));
		return XC_OK;
	});
}

/* Gives every spy a fresh Xapian counter before a match: Xapian's spies
 * add to their counts on each run, and ours must describe one run. The
 * old counters are detached from the Enquire before they are freed. */
static void xc_spies_reset(xc_enquire_t *enq)
{
	if (enq->spies.empty())
		return;
	enq->enq.clear_matchspies();
	for (auto &s : enq->spies) {
		s->items.clear();
		s->spy.reset();
		s->spy.reset(new Xapian::ValueCountMatchSpy(s->slot));
		enq->enq.add_matchspy(s->spy.get());
	}
}

/* Copies a spy's counts out in our order. Xapian's top_values breaks ties
 * arbitrarily, and results must be deterministic, so we sort ourselves:
 * count descending, then value ascending. */
static void xc_spies_collect(xc_enquire_t *enq)
{
	for (auto &s : enq->spies) {
		std::vector<std::pair<std::string, uint32_t>> items;
		for (Xapian::TermIterator it = s->spy->values_begin();
		     it != s->spy->values_end(); ++it)
			items.emplace_back(*it, it.get_termfreq());
		std::sort(items.begin(), items.end(),
			  [](const std::pair<std::string, uint32_t> &a,
			     const std::pair<std::string, uint32_t> &b) {
				  if (a.second != b.second)
					  return a.second > b.second;
				  return a.first < b.first;
			  });
		s->items.swap(items);
	}
}

extern "C" xc_status_t xc_enquire_mset(xc_enquire_t *enq, uint32_t first,
				       uint32_t max, uint32_t checkatleast,
				       xc_mset_t **out)
{
	if (!enq)
		return XC_MISUSE;
	if (!out)
		return xc_misuse(&enq->msg, "out is NULL");
	*out = nullptr;
	return xc_guard(&enq->msg, [&] {
		std::unique_ptr<xc_mset_t> m(new xc_mset_t);
		m->enq = enq;
		xc_spies_reset(enq);
		try {
			m->ms = enq->enq.get_mset(first, max, checkatleast);
		} catch (const Xapian::DatabaseModifiedError &) {
			/* Xapian's advice: reopen and try again. Once only;
			 * a second failure goes to the translator. The
			 * spies may hold partial counts, so they restart. */
			enq->db->db.reopen();
			xc_spies_reset(enq);
			m->ms = enq->enq.get_mset(first, max, checkatleast);
		}
		xc_spies_collect(enq);
		*out = m.release();
		return XC_OK;
	});
}

extern "C" void xc_mset_free(xc_mset_t *mset)
{
	delete mset;
}

extern "C" const char *xc_mset_errmsg(const xc_mset_t *mset)
{
	return mset ? mset->msg.c_str() : "mset handle is NULL";
}

extern "C" size_t xc_mset_size(const xc_mset_t *mset)
{
	return mset ? mset->ms.size() : 0;
}

extern "C" void xc_mset_matches(const xc_mset_t *mset, uint32_t *estimated,
				uint32_t *lower, uint32_t *upper)
{
	/* These only read numbers the match stored; they cannot throw. */
	if (estimated)
		*estimated = mset ? mset->ms.get_matches_estimated() : 0;
	if (lower)
		*lower = mset ? mset->ms.get_matches_lower_bound() : 0;
	if (upper)
		*upper = mset ? mset->ms.get_matches_upper_bound() : 0;
}

extern "C" xc_status_t xc_mset_item(const xc_mset_t *mset, size_t i,
				    uint32_t *docid, double *weight,
				    uint32_t *rank)
{
	if (!mset)
		return XC_MISUSE;
	if (i >= mset->ms.size())
		return xc_misuse(&mset->msg, "hit index out of range");
	return xc_guard(&mset->msg, [&] {
		Xapian::MSetIterator it = mset->ms[Xapian::doccount(i)];
		if (docid)
			*docid = *it;
		if (weight)
			*weight = it.get_weight();
		if (rank)
			*rank = it.get_rank();
		return XC_OK;
	});
}

extern "C" xc_status_t xc_mset_document(xc_mset_t *mset, size_t i,
					xc_doc_t **out)
{
	if (!mset)
		return XC_MISUSE;
	if (!out)
		return xc_misuse(&mset->msg, "out is NULL");
	*out = nullptr;
	if (i >= mset->ms.size())
		return xc_misuse(&mset->msg, "hit index out of range");
	return xc_guard(&mset->msg, [&] {
		std::unique_ptr<xc_doc_t> doc(new xc_doc_t);
		Xapian::MSetIterator it = mset->ms[Xapian::doccount(i)];
		/* Xapian fetches a document's data and values lazily, so a
		 * stale revision would only show on a later xc_doc_get_data
		 * with no retry; reading them here, where the retry is,
		 * caches them in the document. Its term list stays lazy. */
		auto fetch = [&] {
			Xapian::Document d = it.get_document();
			(void)d.get_data();
			(void)d.values_count();
			return d;
		};
		try {
			doc->doc = fetch();
		} catch (const Xapian::DatabaseModifiedError &) {
			/* The Enquire holds a copy of the database handle
			 * sharing its internals, so reopening ours moves
			 * the mset's view too. Retried once only. */
			mset->enq->db->db.reopen();
			doc->doc = fetch();
		}
		*out = doc.release();
		return XC_OK;
	});
}

extern "C" xc_status_t xc_mset_snippet(xc_mset_t *mset, const char *text,
				       size_t len, size_t length,
				       const xc_stemmer_t *stemmer,
				       const char *hi_start, const char *hi_end,
				       char **out)
{
	if (!mset)
		return XC_MISUSE;
	if (!out)
		return xc_misuse(&mset->msg, "out is NULL");
	*out = nullptr;
	if (!xc_valid_str(text, len))
		return xc_misuse(&mset->msg, "text is NULL");
	return xc_guard(&mset->msg, [&] {
		Xapian::Stem none;
		std::string s = mset->ms.snippet(
			xc_string(text, len), length,
			stemmer ? stemmer->stem : none,
			Xapian::MSet::SNIPPET_BACKGROUND_MODEL |
				Xapian::MSet::SNIPPET_EXHAUSTIVE,
			hi_start ? hi_start : "", hi_end ? hi_end : "");
		*out = xc_strdup(s);
		return XC_OK;
	});
}

extern "C" size_t xc_spy_size(const xc_spy_t *spy)
{
	return spy ? spy->items.size() : 0;
}

extern "C" xc_status_t xc_spy_item(const xc_spy_t *spy, size_t i,
				   const char **value, size_t *len,
				   uint32_t *count)
{
	if (!spy || !value || i >= spy->items.size())
		return XC_MISUSE;
	/* A plain read of the copy made after the match; nothing throws. */
	const auto &item = spy->items[i];
	*value = item.first.c_str();
	if (len)
		*len = item.first.size();
	if (count)
		*count = item.second;
	return XC_OK;
}
