/* check.h: the few assertions lede's C tests need, with file and line.
 * SPDX-License-Identifier: MIT
 *
 * A failed check prints where it was and what differed, and the test goes
 * on, so one run shows every failure. CHECK_DONE() prints the tally in the
 * "N passed, N failed" form and gives main's exit status.
 */
#ifndef LEDE_TEST_CHECK_H
#define LEDE_TEST_CHECK_H

#include <stdio.h>
#include <string.h>

static unsigned check_passed, check_failed;

#define CHECK(cond)                                                       \
	do {                                                              \
		if (cond) {                                               \
			check_passed++;                                   \
		} else {                                                  \
			check_failed++;                                   \
			fprintf(stderr, "%s:%d: check failed: %s\n",      \
				__FILE__, __LINE__, #cond);               \
		}                                                         \
	} while (0)

#define CHECK_INT(got, want)                                              \
	do {                                                              \
		long long check_g_ = (long long)(got);                    \
		long long check_w_ = (long long)(want);                   \
		if (check_g_ == check_w_) {                               \
			check_passed++;                                   \
		} else {                                                  \
			check_failed++;                                   \
			fprintf(stderr, "%s:%d: %s is %lld, want %lld\n", \
				__FILE__, __LINE__, #got, check_g_,       \
				check_w_);                                \
		}                                                         \
	} while (0)

#define CHECK_STR(got, want)                                              \
	do {                                                              \
		const char *check_g_ = (got);                             \
		const char *check_w_ = (want);                            \
		if (check_g_ && check_w_ && !strcmp(check_g_, check_w_)) { \
			check_passed++;                                   \
		} else if (!check_g_ && !check_w_) {                      \
			check_passed++;                                   \
		} else {                                                  \
			check_failed++;                                   \
			fprintf(stderr, "%s:%d: %s is \"%s\", want \"%s\"\n", \
				__FILE__, __LINE__, #got,                 \
				check_g_ ? check_g_ : "(null)",           \
				check_w_ ? check_w_ : "(null)");          \
		}                                                         \
	} while (0)

#define CHECK_DONE()                                                      \
	(printf("%u passed, %u failed\n", check_passed, check_failed),    \
	 check_failed ? 1 : 0)

#endif /* LEDE_TEST_CHECK_H */
