/* fuzz_analyze.c: libFuzzer target for ldi_analyze and ldi_fold.
 * SPDX-License-Identifier: MIT
 *
 * Each input is analysed raw (the analyser must treat invalid UTF-8 as a
 * separator, never read past the end or crash) and after ldi_utf8_repair
 * (as the indexer feeds it), and folded both ways. Every token is checked
 * against the promises analyze.h makes, so a broken promise is a crash
 * the fuzzer reports, not only a memory error.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "analyze.h"
#include "utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

struct sink {
	size_t len;   /* of the text analysed */
	size_t count; /* tokens so far */
	size_t stop;  /* stop after this many tokens; 0: never */
	unsigned sum; /* reads every byte handed out, for ASan */
};

static int check_token(void *ctx, const ldi_token_t *tok)
{
	struct sink *s = ctx;
	size_t i;

	if (tok->len == 0 || tok->len > LDI_MAX_URL_BYTES ||
	    tok->term[tok->len] != '\0' || strlen(tok->term) != tok->len)
		abort();
	if (tok->kind != LDI_TOKEN_SPECIAL && tok->len > LDI_MAX_TERM_BYTES)
		abort();
	if (!tok->exact || tok->exact_len == 0 ||
	    tok->exact[tok->exact_len] != '\0')
		abort();
	if (tok->exact != tok->term && tok->exact_len == tok->len &&
	    !memcmp(tok->exact, tok->term, tok->len))
		abort(); /* equal forms must share the pointer */
	if (tok->start >= tok->end || tok->end > s->len)
		abort();
	if (tok->pos_inc > 1 || (s->count == 0 && tok->pos_inc != 1))
		abort();
	/* Only tokens that follow another may share its position. */
	if (tok->pos_inc == 0 && tok->kind != LDI_TOKEN_PART &&
	    tok->kind != LDI_TOKEN_ALT && tok->kind != LDI_TOKEN_NGRAM)
		abort();
	if ((unsigned)tok->kind > LDI_TOKEN_SPECIAL)
		abort();
	for (i = 0; i < tok->len; i++)
		s->sum += (unsigned char)tok->term[i];
	for (i = 0; i < tok->exact_len; i++)
		s->sum += (unsigned char)tok->exact[i];
	s->count++;
	return s->stop && s->count == s->stop ? 42 : 0;
}

static void analyze(const char *text, size_t len)
{
	struct sink s = { len, 0, 0, 0 };
	size_t all;
	int rc;

	if (ldi_analyze(text, len, check_token, &s) != 0)
		abort();
	/* Stopping half-way returns the callback's value, and the tokens
	 * before the stop are the same ones. */
	all = s.count;
	if (all > 1) {
		s.count = 0;
		s.stop = all / 2;
		rc = ldi_analyze(text, len, check_token, &s);
		if (rc != 42 || s.count != all / 2)
			abort();
	}
}

static void fold(const char *text, size_t len, int must_work)
{
	char *out = NULL;
	size_t outlen = 0;
	int rc = ldi_fold(text, len, &out, &outlen);

	if (rc == 0) {
		if (!out || strlen(out) > outlen || out[outlen] != '\0')
			abort();
		free(out);
	} else if (must_work) {
		abort(); /* repaired text is valid UTF-8 */
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *raw = (const char *)data;
	size_t outlen = 0, nbad = 0;
	char *fixed;

	analyze(raw, size);
	fold(raw, size, 0);
	fixed = ldi_utf8_repair(raw, size, &outlen, &nbad);
	if (!fixed)
		return 0;
	analyze(fixed, outlen);
	fold(fixed, outlen, 1);
	free(fixed);
	return 0;
}
