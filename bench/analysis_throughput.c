/* analysis_throughput.c: MB/s of ldi_analyze against Xapian's TermGenerator.
 * SPDX-License-Identifier: MIT
 *
 * Reads every .txt file under a folder (default ../shared/corpora/bbc),
 * repairs it as the indexer would (not timed), then times N passes of
 * ldi_analyze over all of it and, in the same run, N passes of Xapian's
 * TermGenerator (english stemmer, STEM_SOME) over the same text, and
 * prints bytes and tokens per second for each.
 *
 * The two do not do the same work: ldi_analyze normalises (NFKC, case and
 * accent folding), finds compounds, URLs and CJK bigrams, and hands each
 * token to a callback that only counts it; the TermGenerator lower-cases,
 * stems and adds every term to a Xapian::Document. The numbers say whether
 * analysis could be a bottleneck of indexing, not which is "faster".
 *
 * Usage: analysis_throughput [-n passes] [folder]
 */
#define _POSIX_C_SOURCE 200809L

#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "analyze.h"
#include "utf8.h"
#include "xapian-c.h"

struct text {
	char *s;
	size_t len;
};

struct corpus {
	struct text *t;
	size_t n, cap;
	size_t bytes;
};

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int ends_with_txt(const char *name)
{
	size_t n = strlen(name);

	return n > 4 && !strcmp(name + n - 4, ".txt");
}

/* Reads a whole file, repaired to valid UTF-8. Returns 0 or -1. */
static int add_file(struct corpus *c, const char *path)
{
	FILE *f = fopen(path, "rb");
	char *raw = NULL, *grown;
	size_t len = 0, cap = 0, got;

	if (!f) {
		fprintf(stderr, "analysis_throughput: %s: %s\n", path,
			strerror(errno));
		return -1;
	}
	for (;;) {
		if (len == cap) {
			cap = cap ? 2 * cap : 65536;
			grown = realloc(raw, cap);
			if (!grown) {
				free(raw);
				fclose(f);
				return -1;
			}
			raw = grown;
		}
		got = fread(raw + len, 1, cap - len, f);
		len += got;
		if (got == 0)
			break;
	}
	fclose(f);
	if (c->n == c->cap) {
		struct text *t;

		c->cap = c->cap ? 2 * c->cap : 1024;
		t = realloc(c->t, c->cap * sizeof *t);
		if (!t) {
			free(raw);
			return -1;
		}
		c->t = t;
	}
	c->t[c->n].s = ldi_utf8_repair(raw, len, &c->t[c->n].len, NULL);
	free(raw);
	if (!c->t[c->n].s)
		return -1;
	c->bytes += c->t[c->n].len;
	c->n++;
	return 0;
}

/* Adds every .txt file under dir, in no particular order. */
static int walk(struct corpus *c, const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int rc = 0;

	if (!d) {
		fprintf(stderr, "analysis_throughput: %s: %s\n", dir,
			strerror(errno));
		return -1;
	}
	while (rc == 0 && (e = readdir(d)) != NULL) {
		struct stat st;
		char *path;
		size_t plen;

		if (e->d_name[0] == '.')
			continue;
		plen = strlen(dir) + strlen(e->d_name) + 2;
		path = malloc(plen);
		if (!path) {
			rc = -1;
			break;
		}
		snprintf(path, plen, "%s/%s", dir, e->d_name);
		if (stat(path, &st) == 0) {
			if (S_ISDIR(st.st_mode))
				rc = walk(c, path);
			else if (S_ISREG(st.st_mode) &&
				 ends_with_txt(e->d_name))
				rc = add_file(c, path);
		}
		free(path);
	}
	closedir(d);
	return rc;
}

struct counts {
	uint64_t tokens;
	uint64_t positions;
};

static int count_token(void *ctx, const ldi_token_t *tok)
{
	struct counts *k = ctx;

	k->tokens++;
	k->positions += tok->pos_inc;
	return 0;
}

static void report(const char *what, double secs, double bytes,
		   uint64_t terms, const char *unit)
{
	printf("%-16s %8.3f s %9.1f MB/s %12.0f %s/s\n", what, secs,
	       bytes / secs / 1e6, (double)terms / secs, unit);
}

int main(int argc, char **argv)
{
	const char *dir = "../shared/corpora/bbc";
	struct corpus c = { NULL, 0, 0, 0 };
	struct counts k = { 0, 0 };
	uint64_t tg_terms = 0;
	long passes = 3;
	double t0, t_ours, t_xapian, total;
	size_t i;
	long r;
	int argi = 1;

	if (argi + 1 < argc && !strcmp(argv[argi], "-n")) {
		passes = strtol(argv[argi + 1], NULL, 10);
		argi += 2;
	}
	if (argi < argc)
		dir = argv[argi++];
	if (argi != argc || passes < 1) {
		fprintf(stderr,
			"usage: analysis_throughput [-n passes] [folder]\n");
		return 2;
	}
	if (walk(&c, dir) != 0)
		return 1;
	if (c.n == 0) {
		fprintf(stderr, "analysis_throughput: no .txt file under %s\n",
			dir);
		return 1;
	}
	total = (double)c.bytes * (double)passes;
	printf("%zu files, %.2f MB, %ld passes\n", c.n, c.bytes / 1e6,
	       passes);

	t0 = now();
	for (r = 0; r < passes; r++)
		for (i = 0; i < c.n; i++)
			if (ldi_analyze(c.t[i].s, c.t[i].len, count_token,
					&k) != 0) {
				fprintf(stderr, "analysis_throughput: "
						"ldi_analyze failed\n");
				return 1;
			}
	t_ours = now() - t0;

	t0 = now();
	for (r = 0; r < passes; r++)
		for (i = 0; i < c.n; i++) {
			uint64_t n = 0;
			xc_status_t st = xc_termgen_count_terms(
				c.t[i].s, c.t[i].len, "english", &n);

			if (st != XC_OK) {
				fprintf(stderr,
					"analysis_throughput: TermGenerator: "
					"%s\n",
					xc_status_str(st));
				return 1;
			}
			tg_terms += n;
		}
	t_xapian = now() - t0;

	report("ldi_analyze", t_ours, total, k.tokens, "tokens");
	report("", t_ours, total, k.positions, "positions");
	report("TermGenerator", t_xapian, total, tg_terms, "positions");
	printf("per pass: ldi_analyze %.0f tokens at %.0f positions; "
	       "TermGenerator %.0f positions\n",
	       (double)k.tokens / passes, (double)k.positions / passes,
	       (double)tg_terms / passes);
	for (i = 0; i < c.n; i++)
		free(c.t[i].s);
	free(c.t);
	return 0;
}
