/* latency.h: the query file and the timing report the compare.sh query
 * programs share (query_latency, fts5_bench, xapian_minimal).
 * SPDX-License-Identifier: MIT
 *
 * A query file has one query per line, KIND<TAB>WORDS<TAB>FILTER, as
 * compare-prep.py writes it: KIND "words" (any of the words), "phrase"
 * (the words in that order) or "filter" (the words, only in articles whose
 * filter field is FILTER). Each program turns a query into its engine's
 * own syntax. Plain C that also compiles as C++.
 */
#ifndef LEDE_BENCH_LATENCY_H
#define LEDE_BENCH_LATENCY_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum bench_kind {
	BENCH_WORDS,
	BENCH_PHRASE,
	BENCH_FILTER
} bench_kind_t;

typedef struct bench_query {
	bench_kind_t kind;
	char *words;  /* space-separated, lower case */
	char *filter; /* "" unless kind is BENCH_FILTER */
} bench_query_t;

/* Reads the query file at path into *out (*n queries; free them with
 * bench_free_queries). Returns 0, or -1 after printing why to stderr,
 * after the program's name prog, naming the file and line. */
int bench_read_queries(const char *prog, const char *path,
		       bench_query_t **out, size_t *n);
void bench_free_queries(bench_query_t *queries, size_t n);

/* A monotonic clock in milliseconds. */
double bench_now_ms(void);

/* Prints "latency N P50 P95 P99 ZERO" to stdout: the number of timings,
 * their 50th, 95th and 99th percentiles (nearest rank, milliseconds) and
 * how many queries found nothing; then "latency-KIND N P50 P95 P99" for
 * the timings of each kind of query (kinds[i] is the kind of ms[i]).
 * Returns 0, or -1 after printing why (out of memory). */
int bench_report(const double *ms, const bench_kind_t *kinds, size_t n,
		 size_t zero);

/* Parses the -r argument: a count of timed rounds from 1 to 1000. Returns
 * 0, or -1 after printing why (after prog). */
int bench_parse_rounds(const char *prog, const char *s, unsigned *rounds);

#ifdef __cplusplus
}
#endif

#endif /* LEDE_BENCH_LATENCY_H */
