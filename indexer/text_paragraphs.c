/* text_paragraphs.c: a plain-text body split into paragraphs.
 * SPDX-License-Identifier: MIT
 *
 * Blank lines separate paragraphs; the body handed on has exactly
 * "\n\n" between paragraphs, each trimmed. A line break inside a
 * paragraph stays "\n": it is either a hard wrap or a deliberate break
 * (a list, a table of results, an address), nothing here can tell
 * which, and both read as white space to the analyser. The one exception
 * is an archive that puts a paragraph on each line: no wrapping leaves
 * lines longer than LDI_LONG_LINE characters, so a block made mostly of
 * such lines is split into a paragraph per line.
 */
#include <stdlib.h>
#include <string.h>

#include "text_body.h"
#include "text_line.h"

/* One trimmed line of the body, and whether a blank line came before. */
typedef struct line {
	const char *s;
	size_t len;
	int after_blank;
} line_t;

/* The non-blank lines of s[0..len), trimmed, into a malloc'ed array. */
static line_t *split_lines(const char *s, size_t len, size_t *n_out)
{
	size_t i = 0, n = 0, cap = 1;
	line_t *lines;
	int blank = 0;

	for (i = 0; i < len; i++)
		if (s[i] == '\n' || s[i] == '\r')
			cap++;
	lines = malloc(cap * sizeof *lines);
	if (!lines)
		return NULL;
	i = 0;
	while (i < len) {
		size_t start = i, end;

		while (i < len && s[i] != '\n' && s[i] != '\r')
			i++;
		end = i;
		ldi_trim_line(s, &start, &end);
		if (start == end) {
			blank = 1;
		} else {
			lines[n].s = s + start;
			lines[n].len = end - start;
			lines[n].after_blank = blank;
			n++;
			blank = 0;
		}
		if (i < len)
			ldi_skip_break(s, len, &i);
	}
	*n_out = n;
	return lines;
}

/* Is the block lines[0..n) an archive's paragraphs one per line rather
 * than one paragraph? See the top of the file. */
static int one_per_line(const line_t *lines, size_t n)
{
	size_t i, n_long = 0;

	if (n < 2)
		return 0;
	for (i = 0; i < n; i++)
		if (ldi_n_chars(lines[i].s, lines[i].len) > LDI_LONG_LINE)
			n_long++;
	return n_long * 4 > n;
}

/* Appends lines[0..n) to b as one paragraph. */
static void add_para(ldi_body_t *b, char **out, const line_t *lines, size_t n)
{
	size_t i;

	b->p[b->n].s = *out;
	b->p[b->n].kind = LDI_PARA_TEXT;
	b->n++;
	for (i = 0; i < n; i++) {
		if (i)
			*(*out)++ = '\n';
		memcpy(*out, lines[i].s, lines[i].len);
		*out += lines[i].len;
	}
	*(*out)++ = '\0';
}

lede_status_t ldi_body_split(const char *s, size_t len, ldi_body_t *b)
{
	size_t n_lines, i, j;
	line_t *lines = split_lines(s, len, &n_lines);
	char *out;

	if (!lines)
		return LEDE_NOMEM;
	/* Paragraphs take no more than the text: each joining "\n" or
	 * closing NUL stands where at least one line break was. */
	b->text = malloc(len + 1);
	b->cap = n_lines + 1;
	b->p = malloc(b->cap * sizeof *b->p);
	if (!b->text || !b->p) {
		free(lines);
		return LEDE_NOMEM;
	}
	out = b->text;
	for (i = 0; i < n_lines; i = j) {
		for (j = i + 1; j < n_lines && !lines[j].after_blank; j++)
			;
		if (one_per_line(lines + i, j - i)) {
			size_t k;

			for (k = i; k < j; k++)
				add_para(b, &out, lines + k, 1);
		} else {
			add_para(b, &out, lines + i, j - i);
		}
	}
	free(lines);
	return LEDE_OK;
}
