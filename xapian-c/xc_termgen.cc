/* xc_termgen.cc: Xapian's own TermGenerator, as a yardstick for analysis.
 * SPDX-License-Identifier: MIT
 *
 * lede does not index with the TermGenerator (it lower-cases but does not
 * normalise Unicode, see STYLE.md §4); the bench runs it over the same text
 * as ldi_analyze so the throughput of the two can be compared in one run.
 */
#include <new>

#include "xc_internal.h"

extern "C" xc_status_t xc_termgen_count_terms(const char *text, size_t len,
					      const char *stem_language,
					      uint64_t *terms)
{
	if (!terms)
		return XC_MISUSE;
	*terms = 0;
	if (!xc_valid_str(text, len))
		return XC_MISUSE;
	return xc_guard(nullptr, [&] {
		Xapian::TermGenerator tg;
		Xapian::Document doc;

		if (stem_language && *stem_language) {
			tg.set_stemmer(Xapian::Stem(stem_language));
			tg.set_stemming_strategy(
				Xapian::TermGenerator::STEM_SOME);
		}
		tg.set_document(doc);
		tg.index_text(xc_string(text, len));
		*terms = tg.get_termpos();
		return XC_OK;
	});
}
