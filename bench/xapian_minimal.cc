// xapian_minimal.cc: the least a program on Xapian's own TermGenerator
// does to index and search the articles lede indexes: what Xapian itself
// can do, for compare.sh to measure lede against.
// SPDX-License-Identifier: MIT
//
// Usage: xapian_minimal index DB ARTICLES [BATCH]
//        xapian_minimal search [-r rounds] [-f] DB QUERIES
//
// index: creates DB anew and adds every record of ARTICLES (scriptindex's
//   input format, as compare-prep.py writes it): the headline indexed
//   with prefix S and without, then the body, with positions, the English
//   stemmer (STEM_SOME, the TermGenerator's default); the section as a
//   boolean term XS and in value slot 0; id and headline as the document
//   data; replaced by its unique term Q+id (an id too long for a term is
//   hashed), as lede and Omega replace. It commits every BATCH documents
//   (default 0: only once, at the end; set XAPIAN_FLUSH_THRESHOLD above
//   the article count for a single commit, since Xapian otherwise flushes
//   by itself every 10,000 documents). Prints "docs N".
// search: reads the queries (see latency.h), runs them all once, then
//   times each `rounds` times (default 3): QueryParser (English stemmer,
//   STEM_SOME, default flags, OR), the filter as OP_FILTER with the XS
//   term, the ten best by BM25 with each one's data; with -f also one
//   exact facet over the whole match set, a ValueCountMatchSpy on the
//   section slot (check_at_least the document count), its ten top values
//   read. Prints "docs N" and "latency ..." (see latency.h).
//
// Xapian is used directly here, not through our binding: the point is
// Xapian with nothing of ours around it.
#include <xapian.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <string>
#include <vector>

#include <unistd.h>

#include "latency.h"

namespace {

volatile size_t sink;

// Xapian's limit on a term is 245 bytes; longer ids become a hash.
std::string
id_term(const std::string &id)
{
	std::string term = "Q" + id;
	if (term.size() <= 240)
		return term;
	uint64_t h = UINT64_C(0xcbf29ce484222325);
	for (unsigned char c : id)
		h = (h ^ c) * UINT64_C(0x100000001b3);
	char buf[40];
	snprintf(buf, sizeof buf, "#%016llx", (unsigned long long)h);
	return term.substr(0, 200) + buf;
}

struct record {
	std::string id, headline, body, section;
	bool have = false;
};

void
add(Xapian::WritableDatabase &db, Xapian::TermGenerator &tg,
    const record &r)
{
	Xapian::Document doc;
	tg.set_document(doc);
	tg.index_text(r.headline, 1, "S");
	tg.index_text(r.headline);
	tg.increase_termpos();
	tg.index_text(r.body);
	if (!r.section.empty()) {
		doc.add_boolean_term("XS" + r.section.substr(0, 200));
		doc.add_value(0, r.section);
	}
	std::string q = id_term(r.id);
	doc.add_boolean_term(q);
	doc.set_data(r.id + "\n" + r.headline);
	db.replace_document(q, doc);
}

int
do_index(const char *dbpath, const char *path, unsigned long batch)
{
	std::ifstream in(path);
	if (!in) {
		fprintf(stderr, "xapian_minimal: cannot open '%s'\n", path);
		return 1;
	}
	Xapian::WritableDatabase db(dbpath, Xapian::DB_CREATE_OR_OVERWRITE);
	Xapian::TermGenerator tg;
	tg.set_stemmer(Xapian::Stem("english"));
	record r;
	std::string line, *last = nullptr;
	unsigned long docs = 0;
	auto flush = [&]() {
		if (!r.have)
			return;
		add(db, tg, r);
		++docs;
		if (batch && docs % batch == 0)
			db.commit();
		r = record();
		last = nullptr;
	};
	while (std::getline(in, line)) {
		if (line.empty()) {
			flush();
			continue;
		}
		size_t eq = line.find('=');
		if (eq == std::string::npos) {
			fprintf(stderr, "xapian_minimal: %s: a line without "
					"'='\n", path);
			return 1;
		}
		if (eq == 0) {
			if (last)
				*last += "\n" + line.substr(1);
			continue;
		}
		std::string name = line.substr(0, eq);
		last = name == "id"	  ? &r.id :
		       name == "headline" ? &r.headline :
		       name == "body"	  ? &r.body :
		       name == "section"  ? &r.section :
					    nullptr;
		if (last)
			*last = line.substr(eq + 1);
		r.have = true;
	}
	flush();
	db.commit();
	printf("docs %lu\n", docs);
	return 0;
}

int
do_search(const char *dbpath, const char *qpath, unsigned rounds, bool facet)
{
	bench_query_t *queries;
	size_t n;
	if (bench_read_queries("xapian_minimal", qpath, &queries, &n) != 0)
		return 1;
	Xapian::Database db(dbpath);
	Xapian::QueryParser qp;
	qp.set_stemmer(Xapian::Stem("english"));
	qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
	Xapian::doccount docs = db.get_doccount();
	std::vector<double> ms;
	std::vector<bench_kind_t> kinds;
	size_t zero = 0;
	auto run_one = [&](const bench_query_t &bq) {
		std::string text = bq.words;
		if (bq.kind == BENCH_PHRASE)
			text = "\"" + text + "\"";
		Xapian::Query q = qp.parse_query(text);
		if (bq.kind == BENCH_FILTER)
			q = Xapian::Query(Xapian::Query::OP_FILTER, q,
					  Xapian::Query(std::string("XS") +
							bq.filter));
		Xapian::Enquire enq(db);
		enq.set_query(q);
		Xapian::ValueCountMatchSpy spy(0);
		if (facet)
			enq.add_matchspy(&spy);
		Xapian::MSet mset = enq.get_mset(0, 10, facet ? docs : 0);
		for (auto i = mset.begin(); i != mset.end(); ++i)
			sink += i.get_document().get_data().size();
		if (facet)
			for (Xapian::TermIterator t = spy.top_values_begin(10);
			     t != spy.top_values_end(10); ++t)
				sink += t.get_termfreq();
		return mset.get_matches_estimated();
	};
	for (size_t i = 0; i < n; i++) // warm-up
		zero += run_one(queries[i]) == 0;
	for (unsigned r = 0; r < rounds; r++) {
		for (size_t i = 0; i < n; i++) {
			double t0 = bench_now_ms();
			run_one(queries[i]);
			ms.push_back(bench_now_ms() - t0);
			kinds.push_back(queries[i].kind);
		}
	}
	printf("docs %u\n", docs);
	int rc = bench_report(ms.data(), kinds.data(), ms.size(), zero);
	bench_free_queries(queries, n);
	return rc == 0 ? 0 : 1;
}

void
usage()
{
	fprintf(stderr, "usage: xapian_minimal index DB ARTICLES [BATCH]\n"
			"       xapian_minimal search [-r rounds] [-f] DB "
			"QUERIES\n");
}

} // namespace

int
main(int argc, char **argv)
{
	try {
		if ((argc == 4 || argc == 5) && !strcmp(argv[1], "index")) {
			unsigned long batch = 0;
			if (argc == 5) {
				char *end;
				batch = strtoul(argv[4], &end, 10);
				if (end == argv[4] || *end) {
					usage();
					return 2;
				}
			}
			return do_index(argv[2], argv[3], batch);
		}
		if (argc < 2 || strcmp(argv[1], "search") != 0) {
			usage();
			return 2;
		}
		unsigned rounds = 3;
		bool facet = false;
		int c;
		optind = 2;
		while ((c = getopt(argc, argv, "r:f")) != -1) {
			if (c == 'r') {
				if (bench_parse_rounds("xapian_minimal",
						       optarg, &rounds) != 0)
					return 2;
			} else if (c == 'f') {
				facet = true;
			} else {
				usage();
				return 2;
			}
		}
		if (argc - optind != 2) {
			usage();
			return 2;
		}
		return do_search(argv[optind], argv[optind + 1], rounds, facet);
	} catch (const Xapian::Error &e) {
		fprintf(stderr, "xapian_minimal: %s\n",
			e.get_description().c_str());
	} catch (const std::exception &e) {
		fprintf(stderr, "xapian_minimal: %s\n", e.what());
	}
	return 1;
}
