/* xc_enquire.cc: running matches, reading results, snippets, value spies.
 * SPDX-License-Identifier: MIT
 */
#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <new>
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
		enq->tie_slot = Xapian::BAD_VALUENO;
		return XC_OK;
	});
}

extern "C" xc_status_t xc_enquire_set_sort_by_relevance(xc_enquire_t *enq)
{
	if (!enq)
		return XC_MISUSE;
	return xc_guard(&enq->msg, [&] {
		enq->enq.set_sort_by_relevance();
		enq->tie_slot = Xapian::BAD_VALUENO;
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
		/* Applied by each xc_enquire_mset (see xc_spies_reset). */
		enq->tie_slot = slot;
		enq->tie_reverse = reverse != 0;
		return XC_OK;
	});
}

extern "C" xc_status_t xc_enquire_set_collapse_key(xc_enquire_t *enq,
						   unsigned slot,
						   uint32_t max,
						   unsigned count_slot)
{
	if (!enq)
		return XC_MISUSE;
	if (max && count_slot == Xapian::BAD_VALUENO)
		return xc_misuse(&enq->msg, "count slot is not a value slot");
	return xc_guard(&enq->msg, [&] {
		/* Applied by each xc_enquire_mset (see xc_spies_reset). */
		bool on = max && slot != Xapian::BAD_VALUENO;
		enq->collapse_slot = on ? slot : Xapian::BAD_VALUENO;
		enq->collapse_max = on ? max : 0;
		enq->count_slot = count_slot;
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

/* ---- Columns ------------------------------------------------------------
 *
 * Facet spies look up one value slot in every document a match looks at,
 * which is most of a query's time once it counts a large match set: Xapian
 * reads each value from the slot's stream and counts it in a map of
 * strings. A column reads the slot of the whole database once, so that a
 * spy only looks up a number by docid. It is read once spies have looked
 * up, in that slot since the database last changed, as many documents as
 * it holds: reading the slot whole then costs about what was already read
 * piecemeal, and a handle that runs one query never pays for it. Columns
 * are for one local database opened for reading: a writer's own changes
 * show at once, a remote server runs the spies itself, and over a view
 * Xapian hands spies each part's own docids with no word of the part. */

static bool xc_columns_allowed(const xc_db_t *db)
{
	return !db->remote && !db->writable && !db->is_view;
}

/* The column of slot of what enq reads, current: what was read at
 * another stamp is let go. NULL when there can be none: enq's database
 * can have none, or changed since enq was made. */
static xc_column *xc_column_of(const xc_enquire_t *enq, Xapian::valueno slot,
				bool ranked)
{
	xc_db_t *db = enq->db;
	if (!xc_columns_allowed(db) || xc_db_stamp(db) != enq->stamp)
		return nullptr;
	xc_column *c = nullptr;
	for (auto &col : db->columns)
		if (col->slot == slot && col->ranked == ranked)
			c = col.get();
	if (!c) {
		db->columns.emplace_back(new xc_column);
		c = db->columns.back().get();
		c->slot = slot;
		c->ranked = ranked;
		c->stamp = xc_db_stamp(db);
	}
	uint64_t stamp = xc_db_stamp(db);
	if (c->stamp != stamp) {
		c->data.reset();
		c->looked = 0;
		c->stamp = stamp;
	}
	return c;
}

/* Reads slot of the whole database. */
static std::shared_ptr<const xc_column_data>
xc_column_read(const Xapian::Database &db, Xapian::valueno slot)
{
	auto col = std::make_shared<xc_column_data>();
	col->ord.assign(size_t(db.get_lastdocid()) + 1, 0);
	col->values.emplace_back();
	std::unordered_map<std::string, uint32_t> index;
	uint32_t last = 0;
	for (Xapian::ValueIterator it = db.valuestream_begin(slot);
	     it != db.valuestream_end(slot); ++it) {
		std::string v = *it;
		Xapian::docid did = it.get_docid();
		/* Neighbours often share a value (a feed's items, a day's
		 * articles): checked before the map. */
		uint32_t o = last;
		if (!last || col->values[last] != v) {
			auto r = index.emplace(v, uint32_t(col->values.size()));
			if (r.second)
				col->values.push_back(std::move(v));
			o = r.first->second;
		}
		if (did >= col->ord.size())
			col->ord.resize(size_t(did) + 1, 0);
		col->ord[did] = o;
		last = o;
	}
	return col;
}

/* Reads slot of the whole database as each document's value's place in
 * byte order, for ordering ties without reading their values. */
static std::shared_ptr<const xc_column_data>
xc_column_read_ranked(const Xapian::Database &db, Xapian::valueno slot)
{
	auto col = std::make_shared<xc_column_data>();
	std::vector<std::pair<std::string, Xapian::docid>> all;
	col->ord.assign(size_t(db.get_lastdocid()) + 1, 0);
	for (Xapian::ValueIterator it = db.valuestream_begin(slot);
	     it != db.valuestream_end(slot); ++it)
		all.emplace_back(*it, it.get_docid());
	std::sort(all.begin(), all.end());
	uint32_t place = 0;
	for (size_t i = 0; i < all.size(); i++) {
		if (i == 0 || all[i].first != all[i - 1].first)
			place++;
		if (all[i].second >= col->ord.size())
			col->ord.resize(size_t(all[i].second) + 1, 0);
		col->ord[all[i].second] = place;
	}
	return col;
}

/* The column of slot for enq (ranked or not), read first if it is due;
 * NULL when the values are to be read one by one. */
static std::shared_ptr<const xc_column_data>
xc_column_get(const xc_enquire_t *enq, Xapian::valueno slot,
	      bool ranked = false)
{
	xc_column *c = xc_column_of(enq, slot, ranked);
	if (!c)
		return nullptr;
	if (!c->data && c->looked && c->looked >= enq->dbh.get_doccount())
		c->data = ranked ? xc_column_read_ranked(enq->dbh, slot)
				 : xc_column_read(enq->dbh, slot);
	return c->data;
}

/* Notes that slot was looked up in n documents of enq's without a
 * column (ranked or not). */
static void xc_column_note(const xc_enquire_t *enq, Xapian::valueno slot,
			   uint64_t n, bool ranked = false)
{
	xc_column *c = xc_column_of(enq, slot, ranked);
	if (c)
		c->looked += n;
}

xc_column_spy::xc_column_spy(std::shared_ptr<const xc_column_data> c,
			     Xapian::valueno s)
	: col(std::move(c)), slot(s)
{
	if (col->spare.size() == col->values.size())
		counts.swap(col->spare);
	else
		counts.assign(col->values.size(), 0);
}

void xc_column_spy::give_back()
{
	if (counts.empty() || !col->spare.empty()) {
		counts = std::vector<uint32_t>();
		return;
	}
	for (uint32_t o : touched)
		counts[o] = 0;
	touched.clear();
	counts.swap(col->spare);
}

void xc_column_spy::count_apart(const Xapian::Document &doc)
{
	std::string v = doc.get_value(slot);
	if (!v.empty())
		++extra[v];
}

/* ---- Matches --------------------------------------------------------- */

/* Matches a page counts, at least, when every match is to be counted
 * apart (see xc_enquire_mset): enough for many queries to need one match,
 * few enough for Xapian to skip weak matches soon in the others. Over
 * BBC x16 and the RSS index, 50 to 200 did about the same, and better
 * than 1000 or 3000 for the slowest queries. */
#define XC_PAGE_CHECK 200

/* Whether the enquire picks the page itself (xc_window_page): over local
 * databases, when it collapses or orders ties by a value. */
static bool xc_windowed(const xc_enquire_t *enq)
{
	return !enq->db->remote &&
	       (enq->collapse_max || enq->tie_slot != Xapian::BAD_VALUENO);
}

/* Gives every spy a fresh counter before a match, attached to the
 * enquire that runs it (enq's, or the one counting apart): Xapian's spies
 * add to their counts on each run, and ours must describe one run. The
 * old counters are detached before they are freed. Sets the collapse key
 * and order Xapian is to use: over local databases no
 * collapsing and plain relevance for ties ordered by a value, both of
 * which xc_window_page does; over remote ones the enquire's, and then
 * the counter of the documents the match looks at. */
static void xc_spies_reset(xc_enquire_t *enq, Xapian::Enquire &target)
{
	bool xapian_collapses = enq->collapse_max && enq->db->remote;

	std::vector<xc_column_spy *> columns;

	enq->enq.clear_matchspies();
	if (enq->count_enq)
		enq->count_enq->clear_matchspies();
	enq->count_total = nullptr;
	enq->columns_spy.reset();
	for (auto &s : enq->spies) {
		s->items.clear();
		s->spy.reset();
		s->column.reset();
		std::shared_ptr<const xc_column_data> col =
			xc_column_get(enq, s->slot);
		if (col) {
			s->column.reset(new xc_column_spy(col, s->slot));
			columns.push_back(s->column.get());
			continue;
		}
		s->spy.reset(new Xapian::ValueCountMatchSpy(s->slot));
		target.add_matchspy(s->spy.get());
		/* Any value spy's total is the documents it saw. */
		if (xapian_collapses && !enq->count_total)
			enq->count_total = s->spy.get();
	}
	/* Xapian may still point at the old counters until this reset, so
	 * they are only replaced here. */
	enq->key_spy.reset();
	if (enq->collapse_max && !enq->db->remote && enq->paging) {
		std::shared_ptr<const xc_column_data> col =
			xc_column_get(enq, enq->collapse_slot);
		if (col) {
			enq->key_spy.reset(
				new xc_column_spy(col, enq->collapse_slot));
			columns.push_back(enq->key_spy.get());
		}
	}
	enq->columns_spy.reset();
	if (!columns.empty()) {
		enq->columns_spy.reset(new xc_columns_spy);
		enq->columns_spy->spies = columns;
		target.add_matchspy(enq->columns_spy.get());
	}
	enq->counter.reset();
	enq->counting = xapian_collapses;
	if (xapian_collapses && !enq->count_total) {
		auto *c = new Xapian::ValueCountMatchSpy(enq->count_slot);
		enq->counter.reset(c);
		enq->count_total = c;
		target.add_matchspy(c);
	}
	if (xapian_collapses)
		enq->enq.set_collapse_key(enq->collapse_slot,
					  enq->collapse_max);
	else
		enq->enq.set_collapse_key(Xapian::BAD_VALUENO);
	if (enq->tie_slot == Xapian::BAD_VALUENO)
		return;
	if (enq->db->remote)
		enq->enq.set_sort_by_relevance_then_value(enq->tie_slot,
							  enq->tie_reverse);
	else
		enq->enq.set_sort_by_relevance();
}

/* Copies a spy's counts out in our order. Xapian's top_values breaks ties
 * arbitrarily, and results must be deterministic, so we sort ourselves:
 * count descending, then value ascending. */
static void xc_spies_collect(xc_enquire_t *enq)
{
	for (auto &s : enq->spies) {
		std::vector<std::pair<std::string, uint32_t>> items;
		if (s->column) {
			const xc_column_spy &c = *s->column;
			items.reserve(c.touched.size() + c.extra.size());
			for (uint32_t o : c.touched)
				items.emplace_back(c.col->values[o],
						   c.counts[o]);
			s->column->give_back();
			for (const auto &e : c.extra) {
				auto it = std::find_if(
					items.begin(), items.end(),
					[&](const std::pair<std::string,
							    uint32_t> &x) {
						return x.first == e.first;
					});
				if (it != items.end())
					it->second += e.second;
				else
					items.emplace_back(e.first, e.second);
			}
		} else if (s->spy) {
			for (Xapian::TermIterator it = s->spy->values_begin();
			     it != s->spy->values_end(); ++it)
				items.emplace_back(*it, it.get_termfreq());
			xc_column_note(enq, s->slot, s->spy->get_total());
		}
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

/* Orders the ties of m->ms (equal weights, in docid order from Xapian)
 * by the value in the tie slot into order[0..usable), the window's
 * matches surely in their place: all but those of the weight of its last
 * one, unless it holds every match, as a match left out of it may have
 * that weight and a value that goes before theirs. */
static Xapian::doccount xc_window_ties(const xc_enquire_t *enq, xc_mset_t *m,
				       bool whole,
				       std::vector<Xapian::doccount> &order)
{
	Xapian::doccount n = m->ms.size(), usable = n;

	for (Xapian::doccount i = 0; i < n; i++)
		order.push_back(i);
	if (enq->tie_slot == Xapian::BAD_VALUENO || n == 0)
		return usable;
	if (!whole) {
		double last = m->ms[n - 1].get_weight();
		usable = 0;
		while (usable < n && m->ms[usable].get_weight() > last)
			usable++;
	}
	/* The values' places from the ranked column when there is one:
	 * Xapian would have read the value of every match it looked at,
	 * so it is read whole on the same terms as a spied slot. */
	std::shared_ptr<const xc_column_data> ranks =
		xc_column_get(enq, enq->tie_slot, true);
	std::vector<std::pair<std::string, Xapian::doccount>> run;
	std::vector<std::pair<uint32_t, Xapian::doccount>> placed;
	bool reverse = enq->tie_reverse;
	for (Xapian::doccount i = 0, j; i < usable; i = j) {
		double w = m->ms[i].get_weight();
		for (j = i + 1; j < usable && m->ms[j].get_weight() == w; j++)
			;
		if (j - i < 2)
			continue;
		/* Stable: equal values stay in docid order, as in Xapian. */
		run.clear();
		placed.clear();
		for (Xapian::doccount k = i; k < j && ranks; k++) {
			Xapian::docid did = *m->ms[k];
			if (did >= ranks->ord.size())
				break;
			placed.emplace_back(ranks->ord[did], k);
		}
		if (placed.size() == j - i) {
			std::stable_sort(
				placed.begin(), placed.end(),
				[reverse](const std::pair<uint32_t,
							  Xapian::doccount> &a,
					  const std::pair<uint32_t,
							  Xapian::doccount> &b) {
					return reverse ? b.first < a.first
						       : a.first < b.first;
				});
			for (Xapian::doccount k = i; k < j; k++)
				order[k] = placed[k - i].second;
			continue;
		}
		for (Xapian::doccount k = i; k < j; k++)
			run.emplace_back(
				m->ms[k].get_document().get_value(enq->tie_slot),
				k);
		std::stable_sort(
			run.begin(), run.end(),
			[reverse](const std::pair<std::string, Xapian::doccount>
					  &a,
				  const std::pair<std::string, Xapian::doccount>
					  &b) {
				return reverse ? b.first < a.first
					       : a.first < b.first;
			});
		for (Xapian::doccount k = i; k < j; k++)
			order[k] = run[k - i].second;
	}
	return usable;
}

/* Picks the page from m->ms, the best `window` matches: their ties
 * ordered (xc_window_ties), then, when collapsing, the matches kept are
 * those with no key and the first collapse_max of each key, in that
 * order; the page is those kept from `first` to `want` - 1. The usable
 * part of the window is walked whole, for the counts of what each key
 * lost and of what was kept. */
static void xc_window_pick(xc_enquire_t *enq, xc_mset_t *m, uint64_t first,
			   uint64_t want, uint64_t window, uint64_t docs)
{
	struct per_key {
		Xapian::doccount kept = 0, dropped = 0;
	};
	std::unordered_map<std::string, per_key> seen;
	std::vector<Xapian::doccount> order;
	Xapian::doccount kept = 0;
	bool collapsing = enq->collapse_max > 0;

	m->picked = true;
	m->collapsed = collapsing;
	m->first = static_cast<uint32_t>(first);
	m->picks.clear();
	m->keys.clear();
	m->dropped.clear();
	m->whole = m->ms.size() < window || window >= docs;
	m->usable = xc_window_ties(enq, m, m->whole, order);
	/* The keys come from the key spy's column when there is one. */
	const xc_column_data *keys =
		enq->key_spy ? enq->key_spy->col.get() : nullptr;
	for (Xapian::doccount u = 0; u < m->usable; u++) {
		Xapian::doccount i = order[u];
		std::string key;
		if (collapsing) {
			Xapian::docid did = *m->ms[i];
			if (keys && did < keys->ord.size())
				key = keys->values[keys->ord[did]];
			else
				key = m->ms[i].get_document().get_value(
					enq->collapse_slot);
			if (!key.empty()) {
				per_key &k = seen[key];
				if (k.kept == enq->collapse_max) {
					k.dropped++;
					continue;
				}
				k.kept++;
			}
		}
		if (kept >= first && kept < want) {
			m->picks.push_back(i);
			m->keys.push_back(std::move(key));
		}
		kept++;
		/* Without collapsing nothing after the page matters. */
		if (!collapsing && kept >= want)
			break;
	}
	m->kept = kept;
	for (const std::string &key : m->keys)
		m->dropped.push_back(key.empty() ? 0 : seen[key].dropped);
}

/* A match over local databases that collapses or orders ties by a value,
 * both done here rather than by Xapian, which reads the collapse key and
 * the value of every match it looks at, and keeps each key in a map: with
 * exact facets (every match looked at) that cost more than the rest of
 * the match. The page needs only the best matches by relevance, in docid
 * order when equal, until `first + max` are kept and in their place, so
 * the match asks for about four times that many (the window), and for
 * four times more whenever too few were, until it has the page or every
 * match. A second match costs more than a larger first one: at BBC x16,
 * whose stories come in up to 16 copies of equal weight, a window of
 * twice the page needed a second match for 17% of the bench's queries,
 * and four times the page none, with p50 0.177 -> 0.154 ms and p99
 * 0.684 -> 0.467 (the same at x1). A key's best matches are the first of
 * it in the final order, so the page is the one Xapian would give; the
 * bounds of the matches before collapsing are Xapian's own, exact when
 * the match saw every match. */
static void xc_window_page(xc_enquire_t *enq, xc_mset_t *m, uint32_t first,
			   uint32_t max, uint32_t checkatleast)
{
	uint64_t want = uint64_t(first) + max;
	uint64_t docs = enq->db->db.get_doccount();
	uint64_t all = std::max<uint64_t>(docs, 1);
	uint64_t window = want ? std::min(4 * want + 8, all) : 0;

	for (;;) {
		m->ms = enq->enq.get_mset(0, Xapian::doccount(window),
					  checkatleast);
		xc_window_pick(enq, m, first, want, window, docs);
		if (m->whole || m->kept >= want)
			break;
		window = std::min(4 * window, all);
		xc_spies_reset(enq, enq->enq);
	}
}

/* The match whose bounds and spies describe the whole match set. */
static const Xapian::MSet &xc_mset_counts(const xc_mset_t *m)
{
	return m->count_apart ? m->cms : m->ms;
}

/* Whether a match saw every match: its bounds agree, and so do its
 * spies, which count every document it looks at. */
static bool xc_saw_all(const xc_enquire_t *enq, const Xapian::MSet &ms)
{
	Xapian::doccount n = ms.get_matches_upper_bound();

	if (ms.get_matches_lower_bound() != n)
		return false;
	for (const auto &s : enq->spies) {
		uint64_t total = s->column ? s->column->total
			       : s->spy	   ? s->spy->get_total()
					   : n;
		if (total != n)
			return false;
	}
	return !enq->key_spy || enq->key_spy->total == n;
}

/* Counts the matches, for the bounds and the spies, apart from the page:
 * a match with no page under Xapian's BoolWeight, which looks at every
 * match without weighing any (see xc_enquire_mset). */
static void xc_count_apart(xc_enquire_t *enq, xc_mset_t *m,
			   uint32_t checkatleast)
{
	if (!enq->count_enq) {
		enq->count_enq.reset(new Xapian::Enquire(enq->dbh));
		enq->count_enq->set_weighting_scheme(Xapian::BoolWeight());
	}
	enq->count_enq->set_query(enq->enq.get_query());
	xc_spies_reset(enq, *enq->count_enq);
	m->cms = enq->count_enq->get_mset(0, 0, checkatleast);
	m->count_apart = true;
}

/* After a collapsed page's matches: a key spy that saw every match has
 * each key's matches, all but the collapse_max kept dropped, so the
 * collapse counts are those, exact. The collapse slot is looked up in
 * every match (by the key spy, or in effect by Xapian's collapsing), so
 * without one its column is noted on the same terms as a spied slot's. */
static void xc_collapse_counts(xc_enquire_t *enq, xc_mset_t *m)
{
	const xc_column_spy *ks = enq->key_spy.get();
	const Xapian::MSet &counts = xc_mset_counts(m);

	if (!m->collapsed)
		return;
	if (!ks) {
		xc_column_note(enq, enq->collapse_slot,
			       counts.get_matches_lower_bound());
		return;
	}
	m->counts_exact =
		ks->total == counts.get_matches_upper_bound() &&
		counts.get_matches_lower_bound() ==
			counts.get_matches_upper_bound();
	for (size_t p = 0; m->counts_exact && p < m->picks.size(); p++) {
		Xapian::docid did = *m->ms[m->picks[p]];
		if (m->keys[p].empty() || did >= ks->col->ord.size())
			continue;
		Xapian::doccount n = ks->counts[ks->col->ord[did]];
		m->dropped[p] = n - std::min(n, enq->collapse_max);
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
		/* Looking at every match under BM25 costs a weight per
		 * match and a place among the best for many: over a local
		 * database, when every match is to be looked at, the page
		 * is matched first as if fewer were (XC_PAGE_CHECK), and
		 * when that match did not see them all, a second one with
		 * no page and no weights counts them, for the bounds and
		 * the spies. The page is the same: Xapian leaves out only
		 * matches too weak for it. */
		auto run = [&] {
			uint64_t want = uint64_t(first) + max;
			bool apart = !enq->db->remote &&
				     checkatleast >= enq->dbh.get_doccount() &&
				     checkatleast > XC_PAGE_CHECK;
			uint32_t check = apart ? XC_PAGE_CHECK : checkatleast;
			m->count_apart = false;
			m->counts_exact = false;
			enq->paging = want > 0;
			xc_spies_reset(enq, enq->enq);
			if (apart && want == 0) {
				/* Counts alone: the counting match. */
				xc_count_apart(enq, m.get(), checkatleast);
				m->ms = m->cms;
			} else if (xc_windowed(enq)) {
				xc_window_page(enq, m.get(), first, max,
					       check);
			} else {
				m->ms = enq->enq.get_mset(first, max, check);
			}
			if (apart && !m->count_apart &&
			    !xc_saw_all(enq, m->ms))
				xc_count_apart(enq, m.get(), checkatleast);
			xc_collapse_counts(enq, m.get());
			if (xc_windowed(enq) &&
			    enq->tie_slot != Xapian::BAD_VALUENO &&
			    !xc_column_get(enq, enq->tie_slot, true))
				xc_column_note(
					enq, enq->tie_slot,
					xc_mset_counts(m.get())
						.get_matches_lower_bound(),
					true);
		};
		try {
			run();
		} catch (const Xapian::DatabaseModifiedError &) {
			/* Xapian's advice: reopen and try again. Once only;
			 * a second failure goes to the translator. The
			 * spies may hold partial counts, so they restart. */
			xc_db_reopen_retry(enq->db);
			run();
		}
		xc_spies_collect(enq);
		if (enq->key_spy)
			enq->key_spy->give_back();
		if (enq->counting) {
			/* Xapian skips documents too weak for the page only
			 * once it has counted checkatleast of them (raised
			 * to cover the page), and never more than the
			 * database holds: below that, it saw them all. */
			uint64_t check = std::max<uint64_t>(
				checkatleast, uint64_t(first) + max);
			m->counted = true;
			m->seen = enq->count_total->get_total();
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

/* The hits of the page: a collapsed page is picked from the window. */
static size_t xc_mset_count(const xc_mset_t *mset)
{
	return mset->picked ? mset->picks.size() : mset->ms.size();
}

/* The i-th hit of the page (i in range) in the MSet. */
static Xapian::MSetIterator xc_mset_at(const xc_mset_t *mset, size_t i)
{
	return mset->ms[mset->picked ? mset->picks[i] : Xapian::doccount(i)];
}

extern "C" size_t xc_mset_size(const xc_mset_t *mset)
{
	return mset ? xc_mset_count(mset) : 0;
}

extern "C" void xc_mset_matches(const xc_mset_t *mset, uint32_t *estimated,
				uint32_t *lower, uint32_t *upper)
{
	/* These only read numbers the match stored; they cannot throw. */
	uint32_t e = 0, lo = 0, hi = 0;
	if (mset) {
		const Xapian::MSet &ms = xc_mset_counts(mset);
		e = ms.get_matches_estimated();
		lo = ms.get_matches_lower_bound();
		hi = ms.get_matches_upper_bound();
	}
	if (mset && mset->collapsed) {
		/* Collapsed here: exact when the window held every
		 * match; else at least what the window kept, and about
		 * the share of it the window kept. */
		size_t n = mset->usable;
		if (mset->whole) {
			e = lo = hi = mset->kept;
		} else {
			lo = std::max<uint32_t>(mset->kept, lo ? 1 : 0);
			if (n)
				e = static_cast<uint32_t>(
					double(e) * mset->kept / double(n) +
					0.5);
			e = std::min(std::max(e, lo), hi);
		}
	}
	if (estimated)
		*estimated = e;
	if (lower)
		*lower = lo;
	if (upper)
		*upper = hi;
}

extern "C" xc_status_t xc_mset_item(const xc_mset_t *mset, size_t i,
				    uint32_t *docid, double *weight,
				    uint32_t *rank)
{
	if (!mset)
		return XC_MISUSE;
	if (i >= xc_mset_count(mset))
		return xc_misuse(&mset->msg, "hit index out of range");
	return xc_guard(&mset->msg, [&] {
		Xapian::MSetIterator it = xc_mset_at(mset, i);
		if (docid)
			*docid = *it;
		if (weight)
			*weight = it.get_weight();
		if (rank)
			*rank = mset->picked
					? mset->first + static_cast<uint32_t>(i)
					: it.get_rank();
		return XC_OK;
	});
}

extern "C" void xc_mset_uncollapsed_matches(const xc_mset_t *mset,
					    uint32_t *estimated,
					    uint32_t *lower, uint32_t *upper)
{
	/* Numbers the match stored, like xc_mset_matches: no throw. */
	uint32_t e = 0, lo = 0, hi = 0;
	if (mset && mset->counted) {
		/* Xapian collapsed: its bounds stay loose even when the
		 * match saw every document; the counter counted them. */
		const Xapian::MSet &ms = mset->ms;
		e = ms.get_uncollapsed_matches_estimated();
		lo = ms.get_uncollapsed_matches_lower_bound();
		hi = ms.get_uncollapsed_matches_upper_bound();
		if (mset->exhaustive)
			e = lo = hi = static_cast<uint32_t>(mset->seen);
		else if (lo < mset->seen)
			lo = static_cast<uint32_t>(mset->seen);
	} else if (mset) {
		/* No collapsing by Xapian (none, or ours): its own. */
		const Xapian::MSet &ms = xc_mset_counts(mset);
		e = ms.get_matches_estimated();
		lo = ms.get_matches_lower_bound();
		hi = ms.get_matches_upper_bound();
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
	if (i >= xc_mset_count(mset))
		return xc_misuse(&mset->msg, "hit index out of range");
	if (mset->picked) {
		*count = mset->collapsed ? mset->dropped[i] : 0;
		return XC_OK;
	}
	return xc_guard(&mset->msg, [&] {
		*count = xc_mset_at(mset, i).get_collapse_count();
		return XC_OK;
	});
}

extern "C" int xc_mset_collapse_counts_exact(const xc_mset_t *mset)
{
	return mset && mset->counts_exact;
}

extern "C" xc_status_t xc_mset_collapse_key(const xc_mset_t *mset, size_t i,
					    const char **key, size_t *len)
{
	if (!mset)
		return XC_MISUSE;
	if (!key)
		return xc_misuse(&mset->msg, "key is NULL");
	*key = "";
	if (len)
		*len = 0;
	if (i >= xc_mset_count(mset))
		return xc_misuse(&mset->msg, "hit index out of range");
	return xc_guard(&mset->msg, [&] {
		mset->key = mset->picked ? mset->keys[i]
					 : xc_mset_at(mset, i).get_collapse_key();
		*key = mset->key.c_str();
		if (len)
			*len = mset->key.size();
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
	if (i >= xc_mset_count(mset))
		return xc_misuse(&mset->msg, "hit index out of range");
	return xc_guard(&mset->msg, [&] {
		std::unique_ptr<xc_doc_t> doc(new xc_doc_t);
		Xapian::MSetIterator it = xc_mset_at(mset, i);
		/* Xapian fetches a document's data lazily, so a stale
		 * revision would only show on a later xc_doc_get_data with
		 * no retry; reading it here, where the retry is, keeps it in
		 * the handle (Xapian's Document would read it again). Values
		 * and terms stay lazy: reading every value slot of every hit
		 * cost more than the data (xc_mset_value reads one with the
		 * retry). */
		auto fetch = [&] {
			doc->doc = it.get_document();
			doc->data = doc->doc.get_data();
			doc->has_data = true;
		};
		try {
			fetch();
		} catch (const Xapian::DatabaseModifiedError &) {
			/* The Enquire holds a copy of the database handle
			 * sharing its internals, so reopening ours moves
			 * the mset's view too. Retried once only. */
			xc_db_reopen_retry(mset->enq->db);
			fetch();
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
	if (i >= xc_mset_count(mset))
		return xc_misuse(&mset->msg, "hit index out of range");
	return xc_guard(&mset->msg, [&] {
		Xapian::MSetIterator it = xc_mset_at(mset, i);
		try {
			mset->value = it.get_document().get_value(slot);
		} catch (const Xapian::DatabaseModifiedError &) {
			/* As in xc_mset_document: retried once. */
			xc_db_reopen_retry(mset->enq->db);
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
		/* Over several databases Xapian approximates a term's
		 * frequency from the parts holding the relevance set unless
		 * asked for the exact one: a view must weigh as one database
		 * holding everything would. */
		const int flags = Xapian::Enquire::USE_EXACT_TERMFREQ;
		try {
			eset = enq->enq.get_eset(maxitems, rset, flags,
						 decider);
		} catch (const Xapian::DatabaseModifiedError &) {
			/* As for matches: reopen and try once more. */
			xc_db_reopen_retry(enq->db);
			eset = enq->enq.get_eset(maxitems, rset, flags,
						 decider);
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
