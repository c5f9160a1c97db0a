/* latency.c: the query file and the timing report (see latency.h).
 * SPDX-License-Identifier: MIT
 */
#define _POSIX_C_SOURCE 200809L
#include "latency.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static char *
copy(const char *s, size_t len)
{
	char *c = malloc(len + 1);
	if (c) {
		memcpy(c, s, len);
		c[len] = '\0';
	}
	return c;
}

void
bench_free_queries(bench_query_t *queries, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(queries[i].words);
		free(queries[i].filter);
	}
	free(queries);
}

/* Parses one line (without its newline) into q. Returns 0, or -1 with
 * *why set. */
static int
parse_line(char *line, bench_query_t *q, const char **why)
{
	char *tab1 = strchr(line, '\t');
	char *tab2 = tab1 ? strchr(tab1 + 1, '\t') : NULL;
	if (!tab2) {
		*why = "expected KIND<TAB>WORDS<TAB>FILTER";
		return -1;
	}
	*tab1 = *tab2 = '\0';
	if (!strcmp(line, "words"))
		q->kind = BENCH_WORDS;
	else if (!strcmp(line, "phrase"))
		q->kind = BENCH_PHRASE;
	else if (!strcmp(line, "filter"))
		q->kind = BENCH_FILTER;
	else {
		*why = "unknown kind (words, phrase or filter)";
		return -1;
	}
	const char *words = tab1 + 1, *filter = tab2 + 1;
	if (!*words) {
		*why = "no words";
		return -1;
	}
	if ((q->kind == BENCH_FILTER) != (*filter != '\0')) {
		*why = "a filter query needs a filter, others none";
		return -1;
	}
	q->words = copy(words, strlen(words));
	q->filter = copy(filter, strlen(filter));
	if (!q->words || !q->filter) {
		free(q->words);
		free(q->filter);
		*why = "out of memory";
		return -1;
	}
	return 0;
}

int
bench_read_queries(const char *prog, const char *path, bench_query_t **out,
		   size_t *n)
{
	FILE *f = fopen(path, "r");
	if (!f) {
		fprintf(stderr, "%s: cannot open '%s': %s\n", prog, path,
			strerror(errno));
		return -1;
	}
	bench_query_t *qs = NULL;
	size_t count = 0, cap = 0, lineno = 0;
	char *line = NULL;
	size_t linecap = 0;
	ssize_t len;
	int rc = 0;
	while ((len = getline(&line, &linecap, f)) >= 0) {
		lineno++;
		while (len > 0 &&
		       (line[len - 1] == '\n' || line[len - 1] == '\r'))
			line[--len] = '\0';
		if (len == 0)
			continue;
		if (count == cap) {
			size_t ncap = cap ? 2 * cap : 256;
			bench_query_t *grown = realloc(qs, ncap * sizeof *qs);
			if (!grown) {
				fprintf(stderr, "%s: out of memory\n", prog);
				rc = -1;
				break;
			}
			qs = grown;
			cap = ncap;
		}
		const char *why;
		if (parse_line(line, &qs[count], &why) != 0) {
			fprintf(stderr, "%s: %s:%zu: %s\n", prog, path, lineno,
				why);
			rc = -1;
			break;
		}
		count++;
	}
	if (rc == 0 && ferror(f)) {
		fprintf(stderr, "%s: cannot read '%s': %s\n", prog, path,
			strerror(errno));
		rc = -1;
	}
	if (rc == 0 && count == 0) {
		fprintf(stderr, "%s: %s: no queries\n", prog, path);
		rc = -1;
	}
	free(line);
	fclose(f);
	if (rc != 0) {
		bench_free_queries(qs, count);
		return -1;
	}
	*out = qs;
	*n = count;
	return 0;
}

double
bench_now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

/* Nearest rank: the smallest value with at least p of them at or below. */
static double
percentile(const double *sorted, size_t n, size_t percent)
{
	size_t rank = (n * percent + 99) / 100;
	if (rank < 1)
		rank = 1;
	return sorted[rank - 1];
}

/* Sorts ms (n timings) and prints their count and percentiles after
 * label. */
static void
print_percentiles(const char *label, double *ms, size_t n)
{
	if (n == 0) {
		printf("%s 0 - - -", label);
		return;
	}
	qsort(ms, n, sizeof *ms, cmp_double);
	printf("%s %zu %.3f %.3f %.3f", label, n, percentile(ms, n, 50),
	       percentile(ms, n, 95), percentile(ms, n, 99));
}

int
bench_report(const double *ms, const bench_kind_t *kinds, size_t n,
	     size_t zero)
{
	static const char *const labels[] = { "latency-words",
					      "latency-phrase",
					      "latency-filter" };
	double *sorted = malloc((n ? n : 1) * sizeof *sorted);
	if (!sorted) {
		fprintf(stderr, "out of memory\n");
		return -1;
	}
	memcpy(sorted, ms, n * sizeof *sorted);
	print_percentiles("latency", sorted, n);
	printf(" %zu\n", zero);
	for (int k = BENCH_WORDS; k <= BENCH_FILTER; k++) {
		size_t m = 0;
		for (size_t i = 0; i < n; i++)
			if (kinds[i] == (bench_kind_t)k)
				sorted[m++] = ms[i];
		print_percentiles(labels[k], sorted, m);
		putchar('\n');
	}
	free(sorted);
	return 0;
}

int
bench_parse_rounds(const char *prog, const char *s, unsigned *rounds)
{
	char *end;
	errno = 0;
	unsigned long v = strtoul(s, &end, 10);
	if (errno || end == s || *end || v < 1 || v > 1000) {
		fprintf(stderr, "%s: rounds '%s': expected a number from 1 "
				"to 1000\n", prog, s);
		return -1;
	}
	*rounds = (unsigned)v;
	return 0;
}
