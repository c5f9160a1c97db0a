// header_as_cxx.cc: lede.h and xapian-c.h must compile as C++ too.
// SPDX-License-Identifier: MIT
#include "lede.h"
#include "xapian-c.h"

// Referencing the API makes the compiler check the declarations, not only
// parse them.
extern "C++" const void *lede_header_as_cxx_check();
const void *
lede_header_as_cxx_check()
{
	lede_article_t a = {};
	a.date = LEDE_NO_DATE;
	static const void *fns[] = {
		reinterpret_cast<const void *>(&lede_db_open),
		reinterpret_cast<const void *>(&lede_query_run),
		reinterpret_cast<const void *>(&xc_db_open),
	};
	return a.id ? nullptr : fns;
}
