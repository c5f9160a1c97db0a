/* xc_query.cc: building queries by hand and with Xapian's query parser.
 * SPDX-License-Identifier: MIT
 */
#include <cmath>
#include <new>

#include "xc_internal.h"

/* Maps our operator enum to Xapian's; false for a value outside it, since
 * a C caller can pass any integer. */
static bool xc_map_op(long op, Xapian::Query::op *xop)
{
	switch (op) {
	case XC_OP_AND:
		*xop = Xapian::Query::OP_AND;
		return true;
	case XC_OP_OR:
		*xop = Xapian::Query::OP_OR;
		return true;
	case XC_OP_AND_NOT:
		*xop = Xapian::Query::OP_AND_NOT;
		return true;
	case XC_OP_XOR:
		*xop = Xapian::Query::OP_XOR;
		return true;
	case XC_OP_AND_MAYBE:
		*xop = Xapian::Query::OP_AND_MAYBE;
		return true;
	case XC_OP_FILTER:
		*xop = Xapian::Query::OP_FILTER;
		return true;
	case XC_OP_NEAR:
		*xop = Xapian::Query::OP_NEAR;
		return true;
	case XC_OP_PHRASE:
		*xop = Xapian::Query::OP_PHRASE;
		return true;
	case XC_OP_ELITE_SET:
		*xop = Xapian::Query::OP_ELITE_SET;
		return true;
	case XC_OP_SYNONYM:
		*xop = Xapian::Query::OP_SYNONYM;
		return true;
	case XC_OP_MAX:
		*xop = Xapian::Query::OP_MAX;
		return true;
	}
	return false;
}

/* Every query constructor ends here: the new handle is made inside the
 * guard so a failed allocation is a status, not an escaping exception. */
template <typename Make>
static xc_status_t xc_query_make(xc_query_t **out, Make &&make)
{
	if (!out)
		return XC_MISUSE;
	*out = nullptr;
	return xc_guard(nullptr, [&] {
		std::unique_ptr<xc_query_t> q(new xc_query_t);
		q->q = make();
		*out = q.release();
		return XC_OK;
	});
}

extern "C" xc_status_t xc_query_term(const char *term, size_t len,
				     uint32_t wqf, uint32_t pos,
				     xc_query_t **out)
{
	if (!xc_valid_str(term, len))
		return XC_MISUSE;
	return xc_query_make(out, [&] {
		return Xapian::Query(xc_string(term, len), wqf, pos);
	});
}

extern "C" xc_status_t xc_query_wildcard(const char *prefix, size_t len,
					 uint32_t max_expansion,
					 xc_query_t **out)
{
	if (!xc_valid_str(prefix, len))
		return XC_MISUSE;
	/* WILDCARD_LIMIT_ERROR makes an over-wide expansion fail at search
	 * time rather than silently drop terms; see xc_translate. */
	return xc_query_make(out, [&] {
		return Xapian::Query(Xapian::Query::OP_WILDCARD,
				     xc_string(prefix, len), max_expansion,
				     Xapian::Query::WILDCARD_LIMIT_ERROR,
				     Xapian::Query::OP_SYNONYM);
	});
}

extern "C" xc_status_t xc_query_combine(xc_op_t op, xc_query_t *const *subs,
					size_t n, uint32_t window,
					xc_query_t **out)
{
	Xapian::Query::op xop;

	if (!xc_map_op(xc_enum_arg(op), &xop) || (!subs && n > 0))
		return XC_MISUSE;
	for (size_t i = 0; i < n; i++)
		if (!subs[i])
			return XC_MISUSE;
	return xc_query_make(out, [&] {
		std::vector<Xapian::Query> v;
		v.reserve(n);
		for (size_t i = 0; i < n; i++)
			v.push_back(subs[i]->q);
		return Xapian::Query(xop, v.begin(), v.end(), window);
	});
}

extern "C" xc_status_t xc_query_value_range(unsigned slot, const char *lo,
					    size_t lolen, const char *hi,
					    size_t hilen, xc_query_t **out)
{
	/* NULL is meaningful here (an open end), so a NULL pointer with a
	 * length is the only bad combination. */
	if ((!lo && lolen != 0 && lolen != XC_NTS) ||
	    (!hi && hilen != 0 && hilen != XC_NTS))
		return XC_MISUSE;
	return xc_query_make(out, [&] {
		if (lo && hi)
			return Xapian::Query(Xapian::Query::OP_VALUE_RANGE,
					     slot, xc_string(lo, lolen),
					     xc_string(hi, hilen));
		if (hi)
			return Xapian::Query(Xapian::Query::OP_VALUE_LE, slot,
					     xc_string(hi, hilen));
		/* Xapian turns OP_VALUE_GE with "" into MatchAll, which
		 * would take in documents with no value in the slot too;
		 * every set value is at least "\0", so that bound keeps
		 * to documents that have one. */
		std::string low = xc_string(lo, lolen);
		if (low.empty())
			low.assign(1, '\0');
		return Xapian::Query(Xapian::Query::OP_VALUE_GE, slot, low);
	});
}

extern "C" xc_status_t xc_query_scale(const xc_query_t *q, double factor,
				      xc_query_t **out)
{
	if (!q)
		return XC_MISUSE;
	if (!(factor >= 0.0) || std::isinf(factor))
		return xc_misuse(&q->msg,
				 "scale factor must be finite and >= 0");
	return xc_query_make(out, [&] {
		return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, q->q,
				     factor);
	});
}

extern "C" xc_status_t xc_query_match_all(xc_query_t **out)
{
	return xc_query_make(out, [] { return Xapian::Query::MatchAll; });
}

extern "C" xc_status_t xc_query_match_nothing(xc_query_t **out)
{
	return xc_query_make(out, [] { return Xapian::Query::MatchNothing; });
}

extern "C" void xc_query_free(xc_query_t *q)
{
	delete q;
}

extern "C" int xc_query_empty(const xc_query_t *q)
{
	return q ? q->q.empty() : 1;
}

extern "C" xc_status_t xc_query_describe(const xc_query_t *q, char **out)
{
	if (!q || !out)
		return XC_MISUSE;
	*out = nullptr;
	return xc_guard(&q->msg, [&] {
		*out = xc_strdup(q->q.get_description());
		return XC_OK;
	});
}

/* ---- Query parser ------------------------------------------------------ */

extern "C" xc_status_t xc_qparser_new(xc_qparser_t **out)
{
	if (!out)
		return XC_MISUSE;
	*out = nullptr;
	return xc_guard(nullptr, [&] {
		*out = new xc_qparser_t;
		return XC_OK;
	});
}

extern "C" void xc_qparser_free(xc_qparser_t *qp)
{
	delete qp;
}

extern "C" const char *xc_qparser_errmsg(const xc_qparser_t *qp)
{
	return qp ? qp->msg.c_str() : "query parser handle is NULL";
}

extern "C" xc_status_t xc_qparser_set_database(xc_qparser_t *qp,
					       xc_db_t *db)
{
	if (!qp)
		return XC_MISUSE;
	if (!db)
		return xc_misuse(&qp->msg, "database is NULL");
	return xc_guard(&qp->msg, [&] {
		qp->qp.set_database(db->db);
		return XC_OK;
	});
}

extern "C" xc_status_t xc_qparser_set_stemmer(xc_qparser_t *qp,
					      const xc_stemmer_t *stemmer)
{
	if (!qp)
		return XC_MISUSE;
	if (!stemmer)
		return xc_misuse(&qp->msg, "stemmer is NULL");
	return xc_guard(&qp->msg, [&] {
		qp->qp.set_stemmer(stemmer->stem);
		return XC_OK;
	});
}

extern "C" xc_status_t xc_qparser_set_stemming_strategy(
	xc_qparser_t *qp, xc_stem_strategy_t strategy)
{
	Xapian::QueryParser::stem_strategy s;

	if (!qp)
		return XC_MISUSE;
	switch (xc_enum_arg(strategy)) {
	case XC_STEM_NONE:
		s = Xapian::QueryParser::STEM_NONE;
		break;
	case XC_STEM_SOME:
		s = Xapian::QueryParser::STEM_SOME;
		break;
	case XC_STEM_ALL:
		s = Xapian::QueryParser::STEM_ALL;
		break;
	case XC_STEM_ALL_Z:
		s = Xapian::QueryParser::STEM_ALL_Z;
		break;
	case XC_STEM_SOME_FULL_POS:
		s = Xapian::QueryParser::STEM_SOME_FULL_POS;
		break;
	default:
		return xc_misuse(&qp->msg, "unknown stemming strategy");
	}
	return xc_guard(&qp->msg, [&] {
		qp->qp.set_stemming_strategy(s);
		return XC_OK;
	});
}

extern "C" xc_status_t xc_qparser_set_default_op(xc_qparser_t *qp,
						 xc_op_t op)
{
	Xapian::Query::op xop;

	if (!qp)
		return XC_MISUSE;
	switch (xc_enum_arg(op)) {
	case XC_OP_AND:
	case XC_OP_OR:
	case XC_OP_NEAR:
	case XC_OP_PHRASE:
	case XC_OP_ELITE_SET:
	case XC_OP_MAX:
		xc_map_op(xc_enum_arg(op), &xop);
		break;
	default:
		return xc_misuse(&qp->msg,
				 "default operator must be AND, OR, NEAR, "
				 "PHRASE, ELITE_SET or MAX");
	}
	return xc_guard(&qp->msg, [&] {
		qp->qp.set_default_op(xop);
		return XC_OK;
	});
}

extern "C" xc_status_t xc_qparser_add_prefix(xc_qparser_t *qp,
					     const char *field,
					     const char *prefix)
{
	if (!qp)
		return XC_MISUSE;
	if (!field || !prefix)
		return xc_misuse(&qp->msg, "field or prefix is NULL");
	return xc_guard(&qp->msg, [&] {
		qp->qp.add_prefix(field, prefix);
		return XC_OK;
	});
}

extern "C" xc_status_t xc_qparser_add_boolean_prefix(xc_qparser_t *qp,
						     const char *field,
						     const char *prefix)
{
	if (!qp)
		return XC_MISUSE;
	if (!field || !prefix)
		return xc_misuse(&qp->msg, "field or prefix is NULL");
	return xc_guard(&qp->msg, [&] {
		qp->qp.add_boolean_prefix(field, prefix);
		return XC_OK;
	});
}

/* Our flag bits are our own, so a change in Xapian's values cannot leak
 * into the ABI; this translates them one by one. */
static const struct {
	unsigned ours;
	unsigned xapian;
} xc_qp_flags[] = {
	{XC_QP_BOOLEAN, Xapian::QueryParser::FLAG_BOOLEAN},
	{XC_QP_PHRASE, Xapian::QueryParser::FLAG_PHRASE},
	{XC_QP_LOVEHATE, Xapian::QueryParser::FLAG_LOVEHATE},
	{XC_QP_BOOLEAN_ANY_CASE, Xapian::QueryParser::FLAG_BOOLEAN_ANY_CASE},
	{XC_QP_WILDCARD, Xapian::QueryParser::FLAG_WILDCARD},
	{XC_QP_PURE_NOT, Xapian::QueryParser::FLAG_PURE_NOT},
	{XC_QP_PARTIAL, Xapian::QueryParser::FLAG_PARTIAL},
	{XC_QP_SPELLING_CORRECTION,
	 Xapian::QueryParser::FLAG_SPELLING_CORRECTION},
	{XC_QP_SYNONYM, Xapian::QueryParser::FLAG_SYNONYM},
	{XC_QP_CJK_NGRAM, Xapian::QueryParser::FLAG_CJK_NGRAM},
};

extern "C" xc_status_t xc_qparser_parse(xc_qparser_t *qp, const char *query,
					size_t len, unsigned flags,
					const char *default_prefix,
					xc_query_t **out)
{
	unsigned xflags = 0, known = 0;

	if (!qp)
		return XC_MISUSE;
	if (!out)
		return xc_misuse(&qp->msg, "out is NULL");
	*out = nullptr;
	if (!xc_valid_str(query, len))
		return xc_misuse(&qp->msg, "query is NULL");
	for (const auto &f : xc_qp_flags) {
		known |= f.ours;
		if (flags & f.ours)
			xflags |= f.xapian;
	}
	if (flags & ~known)
		return xc_misuse(&qp->msg, "unknown query parser flag");
	return xc_guard(&qp->msg, [&] {
		std::unique_ptr<xc_query_t> q(new xc_query_t);
		q->q = qp->qp.parse_query(xc_string(query, len), xflags,
					  default_prefix ? default_prefix
							 : "");
		qp->corrected = qp->qp.get_corrected_query_string();
		*out = q.release();
		return XC_OK;
	});
}

extern "C" xc_status_t xc_qparser_corrected(xc_qparser_t *qp, const char **s,
					    size_t *len)
{
	if (!qp)
		return XC_MISUSE;
	if (!s)
		return xc_misuse(&qp->msg, "s is NULL");
	return xc_guard(&qp->msg, [&] {
		*s = qp->corrected.c_str();
		if (len)
			*len = qp->corrected.size();
		return XC_OK;
	});
}
