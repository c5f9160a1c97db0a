/* finish.h: completing records between the readers and the caller
 * (internal). See finish.c for the rules.
 * SPDX-License-Identifier: MIT
 */
#ifndef LEDE_FINISH_H
#define LEDE_FINISH_H

#include "lede.h"
#include "reader.h"

/* No news article comes near this; a record this big is a data dump
 * that found its way into a text field. */
#define LDI_MAX_ARTICLE (16 * 1024 * 1024)

typedef struct ldi_finish {
	const ldi_reader_t *reader; /* the reader these records come from */
	lede_article_fn on_article;  /* the caller's */
	lede_warning_fn on_warning;
	void *ctx;
	unsigned flags;		/* LEDE_PARSE_* */
	int folder_sections;	/* the folder in reader->name may give a
				   section: inputs of one article each */
	size_t emitted;		/* records passed to on_article */
	int stopped;		/* on_article asked to stop */
	lede_status_t failed;	/* LEDE_NOMEM once memory ran out */
	char *why;		/* the parser's last warning (LDI_WHY_SIZE
				   bytes), noted here; NULL: not kept */
} ldi_finish_t;

/* An lede_article_fn and a lede_warning_fn whose ctx is an ldi_finish_t:
 * readers call these, and they call the caller's. */
int ldi_finish_article(void *ctx, const lede_article_t *article);
void ldi_finish_warning(void *ctx, const char *where, const char *message);

#endif /* LEDE_FINISH_H */
