/* xc_enquire.cc: running matches, reading results, snippets, value spies.
 * SPDX-License-Identifier: MIT
 */
#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <deque>
#include <new>
#include <string_view>
#include <unordered_map>

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
		if (max == 0) {
			enq->enq.set_collapse_key(Xapian::BAD_VALUENO);
			/* Xapian keeps a plain pointer to the counter until
			 * the next xc_spies_reset, so it stays allocated;
			 * it is just no longer read. */
			if (enq->counter)
				enq->counter->documents = 0;
			enq->counting = false;
		} else {
			if (!enq->counter)
				enq->counter.reset(new xc_count_spy);
			enq->enq.set_collapse_key(slot, max);
			enq->counting = true;
		}
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

/* ---- The multi-value spy -----------------------------------------------
 *
 * xc_multi_spy is a Xapian::MatchSpy that splits one value slot into
 * entries at a separator byte and counts, for each distinct entry, the
 * documents carrying it. It is built for speed on the whole match set
 * (a quarter of a million documents, ten entries each):
 * - each entry's bytes are stored once, in `arena`, and the hash map is
 *   keyed by string_views into it, so looking up an entry already seen
 *   allocates nothing (C++17's unordered_map has no heterogeneous lookup
 *   for std::string keys);
 * - an entry repeated within one document is counted once by stamping
 *   each tally with the serial number of the last document that counted
 *   it, which needs no per-document sorting or set;
 * - the sorted view C reads is built once, after the match.
 *
 * Serialisation, for remote shards: the parameters are the slot as a
 * varint and the separator byte; the results are the document count as a
 * varint, then per entry its length as a varint, its bytes and its count
 * as a varint. Xapian 1.4 does not install its pack/unpack helpers, so the
 * varints are ours (7 bits a byte, low first, high bit set on all but the
 * last). A remote server must have this class in its Xapian::Registry
 * under name() to rebuild it. */

static void xc_pack_uint(std::string &out, uint64_t v)
{
	while (v >= 0x80) {
		out += static_cast<char>((v & 0x7f) | 0x80);
		v >>= 7;
	}
	out += static_cast<char>(v);
}

static uint64_t xc_unpack_uint(const char *&p, const char *end)
{
	uint64_t v = 0;
	unsigned shift = 0;

	for (;;) {
		if (p == end || shift > 63)
			throw Xapian::SerialisationError(
				"multi-value spy: bad or truncated number");
		unsigned char c = static_cast<unsigned char>(*p++);
		v |= static_cast<uint64_t>(c & 0x7f) << shift;
		if (!(c & 0x80))
			return v;
		shift += 7;
	}
}

struct xc_multi_tally {
	uint64_t count;
	uint64_t last_doc; /* serial of the last document counted */
};

struct xc_multi_spy final : public Xapian::MatchSpy {
	Xapian::valueno slot;
	char sep;
	/* Documents seen; also the serial of the current document. */
	uint64_t documents = 0;
	std::deque<std::string> arena;
	std::unordered_map<std::string_view, xc_multi_tally> counts;
	/* After the match: the entries in byte order, with their counts. */
	std::vector<std::pair<std::string_view, uint64_t>> items;
	std::string msg;
	/* Made by xc_multi_spy_test_rebuild, not owned by an enquire. */
	bool free_standing = false;

	xc_multi_spy(Xapian::valueno slot_, char sep_) : slot(slot_), sep(sep_)
	{
		counts.reserve(1024);
	}

	/* Forgets all counts; the slot and separator stay. */
	void reset() noexcept
	{
		items.clear();
		counts.clear();
		arena.clear();
		documents = 0;
	}

	/* The tally of entry e, created with a copy of its bytes if new. */
	xc_multi_tally &tally(std::string_view e)
	{
		auto it = counts.find(e);
		if (it != counts.end())
			return it->second;
		arena.emplace_back(e);
		try {
			return counts.emplace(std::string_view(arena.back()),
					      xc_multi_tally{0, 0})
				.first->second;
		} catch (...) {
			arena.pop_back();
			throw;
		}
	}

	void operator()(const Xapian::Document &doc, double) override
	{
		const std::string v = doc.get_value(slot);
		const uint64_t serial = ++documents;
		const char *p = v.data(), *end = p + v.size();

		while (p < end) {
			const char *q = static_cast<const char *>(
				std::memchr(p, sep, end - p));
			if (!q)
				q = end;
			if (q > p) {
				xc_multi_tally &t = tally(
					std::string_view(p, q - p));
				if (t.last_doc != serial) {
					t.last_doc = serial;
					t.count++;
				}
			}
			p = q + 1;
		}
	}

	/* Builds the sorted view. string_view compares with
	 * char_traits<char>::compare, which orders bytes as unsigned char,
	 * like memcmp. */
	void finish()
	{
		std::vector<std::pair<std::string_view, uint64_t>> v;
		v.reserve(counts.size());
		for (const auto &c : counts)
			v.emplace_back(c.first, c.second.count);
		std::sort(v.begin(), v.end());
		items.swap(v);
	}

	Xapian::MatchSpy *clone() const override
	{
		return new xc_multi_spy(slot, sep);
	}

	std::string name() const override
	{
		return "lede::MultiValueCountMatchSpy";
	}

	std::string serialise() const override
	{
		std::string out;
		xc_pack_uint(out, slot);
		out += sep;
		return out;
	}

	Xapian::MatchSpy *unserialise(const std::string &s,
				      const Xapian::Registry &) const override
	{
		const char *p = s.data(), *end = p + s.size();
		uint64_t sl = xc_unpack_uint(p, end);
		if (end - p != 1 || sl > Xapian::BAD_VALUENO)
			throw Xapian::SerialisationError(
				"multi-value spy: bad parameters");
		return new xc_multi_spy(static_cast<Xapian::valueno>(sl), *p);
	}

	std::string serialise_results() const override
	{
		std::string out;
		xc_pack_uint(out, documents);
		for (const auto &c : counts) {
			xc_pack_uint(out, c.first.size());
			out.append(c.first.data(), c.first.size());
			xc_pack_uint(out, c.second.count);
		}
		return out;
	}

	/* Adds serialised counts to ours. The input is checked whole
	 * before anything is added, so a bad one changes nothing. */
	void merge_results(const std::string &s) override
	{
		const char *p = s.data(), *end = p + s.size();
		uint64_t docs = xc_unpack_uint(p, end);
		std::vector<std::pair<std::string_view, uint64_t>> in;
		while (p != end) {
			uint64_t len = xc_unpack_uint(p, end);
			if (len > static_cast<uint64_t>(end - p))
				throw Xapian::SerialisationError(
					"multi-value spy: truncated entry");
			std::string_view e(p, len);
			p += len;
			in.emplace_back(e, xc_unpack_uint(p, end));
		}
		/* The input was read whole above, so a malformed one
		 * changes nothing; from here on only a failed allocation
		 * can stop the merge, leaving it partly done. */
		counts.reserve(counts.size() + in.size());
		for (const auto &e : in)
			tally(e.first).count += e.second;
		documents += docs;
	}

	std::string get_description() const override
	{
		std::string d = "lede::MultiValueCountMatchSpy(slot ";
		d += std::to_string(slot);
		d += ", sep ";
		d += std::to_string(static_cast<unsigned char>(sep));
		d += ", ";
		d += std::to_string(counts.size());
		d += " entries over ";
		d += std::to_string(documents);
		d += " documents)";
		return d;
	}
};

/* The enquire keeps its spies in one list of xc_spy entries, which hold a
 * Xapian::ValueCountMatchSpy. A multi-value spy rides in that list inside
 * this carrier: an empty ValueCountMatchSpy (it allocates nothing and is
 * never given to Xapian) owning the real spy. So the multi-value spy is
 * freed with the enquire's other spies, after the Enquire itself, and the
 * per-match reset and collection below find it. */
struct xc_multi_carrier final : public Xapian::ValueCountMatchSpy {
	std::unique_ptr<xc_multi_spy> multi;
};

static xc_multi_spy *xc_multi_of(const xc_spy &s)
{
	auto *c = dynamic_cast<xc_multi_carrier *>(s.spy.get());
	return c ? c->multi.get() : nullptr;
}

extern "C" xc_status_t xc_enquire_add_multi_spy(xc_enquire_t *enq,
						unsigned slot, char sep,
						xc_multi_spy_t **spy)
{
	if (!enq)
		return XC_MISUSE;
	if (!spy)
		return xc_misuse(&enq->msg, "spy is NULL");
	*spy = nullptr;
	if (slot == Xapian::BAD_VALUENO)
		return xc_misuse(&enq->msg, "slot is not a value slot");
	return xc_guard(&enq->msg, [&] {
		std::unique_ptr<xc_spy_t> s(new xc_spy_t);
		std::unique_ptr<xc_multi_carrier> c(new xc_multi_carrier);
		c->multi.reset(new xc_multi_spy(slot, sep));
		s->slot = slot;
		xc_multi_spy *m = c->multi.get();
		s->spy = std::move(c);
		/* As for value spies: room first, then hand it to Xapian. */
		enq->spies.reserve(enq->spies.size() + 1);
		enq->enq.add_matchspy(m);
		*spy = m;
		enq->spies.push_back(std::move(s));
		return XC_OK;
	});
}

/* Gives every spy a fresh Xapian counter before a match: Xapian's spies
 * add to their counts on each run, and ours must describe one run. The
 * old counters are detached from the Enquire before they are freed. */
static void xc_spies_reset(xc_enquire_t *enq)
{
	if (enq->spies.empty() && !enq->counter)
		return;
	enq->enq.clear_matchspies();
	if (enq->counter) {
		enq->counter->documents = 0;
		if (enq->counting)
			enq->enq.add_matchspy(enq->counter.get());
	}
	for (auto &s : enq->spies) {
		if (xc_multi_spy *m = xc_multi_of(*s)) {
			/* Ours can be emptied in place, so the handle the
			 * caller holds is the spy Xapian fills. */
			m->reset();
			enq->enq.add_matchspy(m);
			continue;
		}
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
		if (xc_multi_spy *m = xc_multi_of(*s)) {
			m->finish();
			continue;
		}
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
		if (enq->counting) {
			/* Xapian skips documents too weak for the page only
			 * once it has counted checkatleast of them (raised
			 * to cover the page), and never more than the
			 * database holds: below that, it saw them all. */
			uint64_t check = std::max<uint64_t>(
				checkatleast, uint64_t(first) + max);
			m->counted = true;
			m->seen = enq->counter->documents;
			m->exhaustive = m->seen < check ||
					check >= enq->db->db.get_doccount();
		}
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

extern "C" void xc_mset_uncollapsed_matches(const xc_mset_t *mset,
					    uint32_t *estimated,
					    uint32_t *lower, uint32_t *upper)
{
	/* Numbers the match stored, like xc_mset_matches: no throw. */
	uint32_t e = 0, lo = 0, hi = 0;
	if (mset) {
		const Xapian::MSet &ms = mset->ms;
		e = ms.get_uncollapsed_matches_estimated();
		lo = ms.get_uncollapsed_matches_lower_bound();
		hi = ms.get_uncollapsed_matches_upper_bound();
		/* Xapian's bounds stay loose with a collapse key even when
		 * the match saw every document; the counter counted them. */
		if (mset->counted && mset->exhaustive)
			e = lo = hi = static_cast<uint32_t>(mset->seen);
		else if (mset->counted && lo < mset->seen)
			lo = static_cast<uint32_t>(mset->seen);
	}
	if (estimated)
		*estimated = e;
	if (lower)
		*lower = lo;
	if (upper)
		*upper = hi;
}

extern "C" xc_status_t xc_mset_collapse_count(const xc_mset_t *mset,
					      size_t i, uint32_t *count)
{
	if (!mset)
		return XC_MISUSE;
	if (!count)
		return xc_misuse(&mset->msg, "count is NULL");
	*count = 0;
	if (i >= mset->ms.size())
		return xc_misuse(&mset->msg, "hit index out of range");
	return xc_guard(&mset->msg, [&] {
		*count = mset->ms[Xapian::doccount(i)].get_collapse_count();
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
		/* Xapian fetches a document's data lazily, so a stale
		 * revision would only show on a later xc_doc_get_data with
		 * no retry; reading it here, where the retry is, caches it
		 * in the document. Values and terms stay lazy: reading every
		 * value slot of every hit cost more than the data
		 * (xc_mset_value reads one with the retry). */
		auto fetch = [&] {
			Xapian::Document d = it.get_document();
			(void)d.get_data();
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

extern "C" xc_status_t xc_mset_value(xc_mset_t *mset, size_t i,
				     unsigned slot, const char **value,
				     size_t *len)
{
	if (!mset)
		return XC_MISUSE;
	if (!value || !len)
		return xc_misuse(&mset->msg, "value or len is NULL");
	*value = nullptr;
	*len = 0;
	if (i >= mset->ms.size())
		return xc_misuse(&mset->msg, "hit index out of range");
	return xc_guard(&mset->msg, [&] {
		Xapian::MSetIterator it = mset->ms[Xapian::doccount(i)];
		try {
			mset->value = it.get_document().get_value(slot);
		} catch (const Xapian::DatabaseModifiedError &) {
			/* As in xc_mset_document: retried once. */
			mset->enq->db->db.reopen();
			mset->value = it.get_document().get_value(slot);
		}
		*value = mset->value.data();
		*len = mset->value.size();
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

extern "C" size_t xc_multi_spy_size(const xc_multi_spy_t *spy)
{
	return spy ? spy->items.size() : 0;
}

extern "C" uint64_t xc_multi_spy_documents(const xc_multi_spy_t *spy)
{
	return spy ? spy->documents : 0;
}

extern "C" xc_status_t xc_multi_spy_item(const xc_multi_spy_t *spy, size_t i,
					 const char **entry, size_t *len,
					 uint64_t *count)
{
	if (!spy || !entry || i >= spy->items.size())
		return XC_MISUSE;
	/* A plain read of the view built after the match; nothing throws.
	 * The view points into std::strings, so entries end in a NUL. */
	const auto &item = spy->items[i];
	*entry = item.first.data();
	if (len)
		*len = item.first.size();
	if (count)
		*count = item.second;
	return XC_OK;
}

extern "C" size_t xc_multi_spy_lower_bound(const xc_multi_spy_t *spy,
					   const char *prefix, size_t len)
{
	if (!spy)
		return 0;
	if (!xc_valid_str(prefix, len))
		return spy->items.size();
	if (len == XC_NTS)
		len = std::strlen(prefix);
	std::string_view key(prefix ? prefix : "", len);
	auto it = std::lower_bound(
		spy->items.begin(), spy->items.end(), key,
		[](const std::pair<std::string_view, uint64_t> &a,
		   std::string_view b) { return a.first < b; });
	return static_cast<size_t>(it - spy->items.begin());
}

extern "C" size_t xc_multi_spy_prefix_range(const xc_multi_spy_t *spy,
					    const char *prefix, size_t len,
					    size_t *end)
{
	size_t first = xc_multi_spy_lower_bound(spy, prefix, len);
	size_t last = first;

	if (spy && xc_valid_str(prefix, len)) {
		if (len == XC_NTS)
			len = std::strlen(prefix);
		std::string_view key(prefix ? prefix : "", len);
		/* Entries with the prefix follow one another from first;
		 * a second binary search finds where they stop. */
		auto it = std::partition_point(
			spy->items.begin() + first, spy->items.end(),
			[&](const std::pair<std::string_view, uint64_t> &a) {
				return a.first.substr(0, key.size()) == key;
			});
		last = static_cast<size_t>(it - spy->items.begin());
	}
	if (end)
		*end = last;
	return first;
}

extern "C" const char *xc_multi_spy_errmsg(const xc_multi_spy_t *spy)
{
	return spy ? spy->msg.c_str() : "spy handle is NULL";
}

extern "C" xc_status_t xc_multi_spy_serialise(xc_multi_spy_t *spy,
					      char **out, size_t *len)
{
	if (!spy)
		return XC_MISUSE;
	if (!out)
		return xc_misuse(&spy->msg, "out is NULL");
	*out = nullptr;
	if (len)
		*len = 0;
	return xc_guard(&spy->msg, [&] {
		std::string s = spy->serialise_results();
		*out = xc_strdup(s);
		if (len)
			*len = s.size();
		return XC_OK;
	});
}

extern "C" xc_status_t xc_multi_spy_merge(xc_multi_spy_t *spy,
					  const char *data, size_t len)
{
	if (!spy)
		return XC_MISUSE;
	if (!data || len == XC_NTS)
		return xc_misuse(&spy->msg, "data is NULL or unmeasured");
	return xc_guard(&spy->msg, [&] {
		spy->merge_results(std::string(data, len));
		spy->finish();
		return XC_OK;
	});
}

extern "C" xc_status_t xc_multi_spy_describe(xc_multi_spy_t *spy, char **out)
{
	if (!spy)
		return XC_MISUSE;
	if (!out)
		return xc_misuse(&spy->msg, "out is NULL");
	*out = nullptr;
	return xc_guard(&spy->msg, [&] {
		*out = xc_strdup(spy->get_description());
		return XC_OK;
	});
}

extern "C" xc_status_t xc_multi_spy_test_rebuild(xc_multi_spy_t *spy,
						 xc_multi_spy_t **out)
{
	if (!spy)
		return XC_MISUSE;
	if (!out)
		return xc_misuse(&spy->msg, "out is NULL");
	*out = nullptr;
	return xc_guard(&spy->msg, [&] {
		/* The path a remote match takes: parameters through
		 * serialise and the registry's unserialise, counts through
		 * serialise_results and merge_results. */
		Xapian::Registry reg;
		std::unique_ptr<Xapian::MatchSpy> fresh(spy->clone());
		if (fresh->name() != spy->name())
			throw Xapian::InternalError("clone changed the name");
		std::unique_ptr<Xapian::MatchSpy> copy(
			fresh->unserialise(spy->serialise(), reg));
		copy->merge_results(spy->serialise_results());
		std::unique_ptr<xc_multi_spy> m(
			static_cast<xc_multi_spy *>(copy.release()));
		m->finish();
		m->free_standing = true;
		*out = m.release();
		return XC_OK;
	});
}

extern "C" void xc_multi_spy_test_free(xc_multi_spy_t *spy)
{
	/* Spies an enquire owns are left alone: the enquire frees them. */
	if (spy && spy->free_standing)
		delete spy;
}

/* ---- Expand sets ------------------------------------------------------- */

/* The terms, copied out of Xapian's ESet in our order: weight descending,
 * then term ascending, so equal weights come out the same every time. */
struct xc_eset {
	std::vector<std::pair<std::string, double>> items;
};

/* Keeps plain words: leaves out terms starting with an upper-case ASCII
 * letter, which is how Omega's convention (and lede's schema) marks a
 * prefixed term. */
struct xc_plain_words final : public Xapian::ExpandDecider {
	bool operator()(const std::string &term) const override
	{
		return term.empty() || term[0] < 'A' || term[0] > 'Z';
	}
};

extern "C" xc_status_t xc_enquire_eset(xc_enquire_t *enq,
				       const uint32_t *rset_docids, size_t n,
				       uint32_t maxitems, const char *prefix,
				       size_t prefix_len,
				       int exclude_prefixed, xc_eset_t **out)
{
	if (!enq)
		return XC_MISUSE;
	if (!out)
		return xc_misuse(&enq->msg, "out is NULL");
	*out = nullptr;
	if (!rset_docids && n > 0)
		return xc_misuse(&enq->msg, "rset_docids is NULL");
	if (!xc_valid_str(prefix, prefix_len))
		return xc_misuse(&enq->msg, "prefix is NULL");
	for (size_t i = 0; i < n; i++)
		if (rset_docids[i] == 0)
			return xc_misuse(&enq->msg,
					 "docid 0 in the relevance set");
	return xc_guard(&enq->msg, [&] {
		Xapian::RSet rset;
		for (size_t i = 0; i < n; i++)
			rset.add_document(rset_docids[i]);
		std::string pre = xc_string(prefix, prefix_len);
		Xapian::ExpandDeciderFilterPrefix by_prefix(pre);
		xc_plain_words plain;
		const Xapian::ExpandDecider *decider =
			!pre.empty()	   ? &by_prefix
			: exclude_prefixed ? static_cast<const Xapian::
							ExpandDecider *>(&plain)
					   : nullptr;
		Xapian::ESet eset;
		try {
			eset = enq->enq.get_eset(maxitems, rset, decider);
		} catch (const Xapian::DatabaseModifiedError &) {
			/* As for matches: reopen and try once more. */
			enq->db->db.reopen();
			eset = enq->enq.get_eset(maxitems, rset, decider);
		}
		std::unique_ptr<xc_eset_t> e(new xc_eset_t);
		e->items.reserve(eset.size());
		for (Xapian::ESetIterator it = eset.begin(); it != eset.end();
		     ++it)
			e->items.emplace_back(*it, it.get_weight());
		std::sort(e->items.begin(), e->items.end(),
			  [](const std::pair<std::string, double> &a,
			     const std::pair<std::string, double> &b) {
				  if (a.second != b.second)
					  return a.second > b.second;
				  return a.first < b.first;
			  });
		*out = e.release();
		return XC_OK;
	});
}

extern "C" void xc_eset_free(xc_eset_t *eset)
{
	delete eset;
}

extern "C" size_t xc_eset_size(const xc_eset_t *eset)
{
	return eset ? eset->items.size() : 0;
}

extern "C" xc_status_t xc_eset_item(const xc_eset_t *eset, size_t i,
				    const char **term, size_t *len,
				    double *weight)
{
	if (!eset || !term || i >= eset->items.size())
		return XC_MISUSE;
	/* A plain read of the copy made after the expansion. */
	const auto &item = eset->items[i];
	*term = item.first.c_str();
	if (len)
		*len = item.first.size();
	if (weight)
		*weight = item.second;
	return XC_OK;
}
