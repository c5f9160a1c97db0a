// header_as_cxx.cc: lede.h compiles as C++ and is usable from C++.
// SPDX-License-Identifier: MIT
//
// Built as C++11 and as the C++ of the rest of the build, with -Wall
// -Wextra -pedantic -Werror: the C11 test's program, compiled as C++, plus
// what only C++ can check.
#define HEADER_AS_NO_MAIN
#include "header_as_c11.c"

#include <type_traits>

// The declarations have the types the manual gives.
static_assert(std::is_same<decltype(&lede_db_open),
			   lede_status_t (*)(const char *, lede_open_flags_t,
					     lede_db_t **, char **)>::value,
	      "lede_db_open's type");
static_assert(std::is_same<decltype(lede_results_field(nullptr,
						       LEDE_FIELD_ID, 0)),
			   const char *>::value,
	      "borrowed strings are const char *");
static_assert(LEDE_OK == 0, "success is zero");

int
main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: header_as_cxx INDEX\n");
		return 2;
	}
	return run_example(argv[1]);
}
