/* read_message.c: e-mail and Usenet messages (RFC 5322, MIME), and mbox.
 * SPDX-License-Identifier: MIT
 *
 * A message becomes one article: Subject is the headline, From gives the
 * authors, Date the date, the first of the Newsgroups the section,
 * Message-ID the id and Keywords the tags. Organization is left alone:
 * it is where the poster worked, not what the post is about, and taking
 * it as the source would make every post from one university look like
 * one publisher's. Lines, Path, NNTP-Posting-Host and the like are
 * transport, not content.
 *
 * The headline is the subject without its leading "Re:", "Fwd:" and
 * "Fw:" (however many, in any case): a thread's posts then share one
 * headline, so a search for the topic finds the whole thread and the
 * near-duplicate collapse can group it, and "re" is not indexed as a
 * headline word in most of a news archive. Everything after the first
 * real word stays as written ("Saturn (was Re: Prefab Space Station?)").
 *
 * The body is what the poster wrote. Discussion archives repeat each
 * post many times over in the replies that quote it; indexing the quotes
 * would make every reply match what it answers, and rank long threads
 * for words their posters never wrote. So quoted lines, the attribution
 * lines that introduce them, signatures, PGP armour and uuencoded data
 * are left out (clean_body() and the passes it runs say how each is
 * recognised). A reply that is all quote still gives an article: its
 * headline and authors are worth finding.
 *
 * MIME: quoted-printable and base64 are decoded and the charset read
 * through charset.c; of a multipart, the first text/plain part (depth
 * first, so inside multipart/alternative and forwarded messages too).
 * The plain part is what the writer typed, where the HTML one is what a
 * mail client made of it. A message with no text/plain part at all gives
 * its first text/html part, reduced to text by ldi_html_to_text as feed
 * descriptions are.
 *
 * Dates are read with lede_date_parse, as feeds' and pages' are: it knows
 * news's day names, two-digit years, zone names ("Tue, 20 Apr 93
 * 12:00:00 EDT"), ctime's order ("Tue Apr 20 12:00:00 1993") and RFC
 * 5322's obsolete zones and years.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "charset.h"
#include "hash.h"
#include "html_text.h"
#include "reader.h"
#include "record.h"
#include "utf8.h"

/* MIME nesting deeper than this is an attack or a loop, not a message. */
#define MAX_DEPTH 16
/* A signature is at most this many lines after its "-- " line. Longer,
 * and what follows the line is more text (moderators' notes, a forwarded
 * post), so only the block up to the next blank line is left out. */
#define SIG_MAX_LINES 15
/* A Usenet signature without "-- " is found in the last this many
 * non-blank lines, below a rule of dashes, underscores or equals signs. */
#define SIG_WINDOW 12
/* At most this many authors and tags. */
#define MAX_NAMES 100
/* Room for a charset name or a boundary (RFC 2046: at most 70). */
#define PARAM_MAX 128

/* A stretch of the input, with the line it starts on. */
typedef struct slice {
	const char *p;
	size_t n;
	size_t line;
} slice_t;

/* The header fields we read; the first of each wins. */
typedef struct headers {
	slice_t from, subject, date, newsgroups, message_id, keywords;
	slice_t content_type, encoding;
	size_t count; /* fields of any name */
} headers_t;

typedef struct msg {
	const ldi_reader_t *r; /* warnings go here */
	size_t line_base;      /* added to header lines; 0: name no lines */
	/* Strings made for the current message, freed after it. */
	ldi_kept_t kept;
	ldi_strlist_t authors, tags; /* borrowed from kept */
	/* The first text/html entity met, read only when there is no
	 * text/plain one; it points into the message being read. */
	int have_html;
	const char *html;
	size_t html_len;
	slice_t html_ct, html_enc;
	int nomem;
} msg_t;

/* A growing string; `failed` once memory ran out. */
typedef struct strbuf {
	char *p;
	size_t n, cap;
	int failed;
} strbuf_t;

/* ---- Small helpers ----------------------------------------------------- */

static int is_wsp(char c)
{
	return c == ' ' || c == '\t';
}

static int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
	       c == '\f' || c == '\v';
}

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static int is_alpha(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static char lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

/* 1 when s[0..n) starts with lit, ignoring case. */
static int starts_ci(const char *s, size_t n, const char *lit)
{
	size_t k = strlen(lit), i;

	if (n < k)
		return 0;
	for (i = 0; i < k; i++)
		if (lower(s[i]) != lit[i])
			return 0;
	return 1;
}

static int ends_ci(const char *s, size_t n, const char *lit)
{
	size_t k = strlen(lit);

	return n >= k && starts_ci(s + n - k, k, lit);
}

static int equals_ci(const char *s, size_t n, const char *lit)
{
	return n == strlen(lit) && starts_ci(s, n, lit);
}

static void trim(const char **s, size_t *n)
{
	while (*n > 0 && is_space(**s)) {
		(*s)++;
		(*n)--;
	}
	while (*n > 0 && is_space((*s)[*n - 1]))
		(*n)--;
}

/* The length of the line at buf[pos..len) without its LF or CRLF; *next
 * is where the following line starts. */
static size_t line_at(const char *buf, size_t len, size_t pos, size_t *next)
{
	const char *nl = memchr(buf + pos, '\n', len - pos);
	size_t end = nl ? (size_t)(nl - buf) : len;

	*next = nl ? end + 1 : len;
	if (end > pos && buf[end - 1] == '\r')
		end--;
	return end - pos;
}

static int hex_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c = lower(c);
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

static void sb_add(strbuf_t *b, const char *s, size_t n)
{
	if (b->failed)
		return;
	if (b->cap - b->n <= n) {
		size_t cap = b->cap ? b->cap : 64;
		char *grown;

		while (cap - b->n <= n) {
			if (cap > SIZE_MAX / 2) {
				b->failed = 1;
				return;
			}
			cap *= 2;
		}
		grown = realloc(b->p, cap);
		if (!grown) {
			b->failed = 1;
			return;
		}
		b->p = grown;
		b->cap = cap;
	}
	if (n)
		memcpy(b->p + b->n, s, n);
	b->n += n;
	b->p[b->n] = '\0';
}

/* ---- Ownership --------------------------------------------------------- */

/* Takes ownership of p until the end of the message. */
static char *keep(msg_t *m, char *p)
{
	char *kept = ldi_keep(&m->kept, p);

	if (!kept)
		m->nomem = 1;
	return kept;
}

/* The string b built, owned by m; NULL when it is empty or memory ran
 * out (m->nomem says which). */
static char *sb_keep(msg_t *m, strbuf_t *b)
{
	if (b->failed) {
		free(b->p);
		m->nomem = 1;
		return NULL;
	}
	if (b->n == 0) {
		free(b->p);
		return NULL;
	}
	return keep(m, b->p);
}

static void end_message(msg_t *m)
{
	ldi_kept_release(&m->kept, 0);
	m->authors.n = 0;
	m->tags.n = 0;
	m->have_html = 0;
}

/* Adds s to a list of names unless it is NULL or already there, or the
 * list is full: a From or Keywords line with more than MAX_NAMES entries
 * is a mailing-list blunder or an attack, and the check for repeats would
 * grow with the square of its length. */
static void add_unique(msg_t *m, ldi_strlist_t *list, const char *s)
{
	if (ldi_strlist_add(list, s, MAX_NAMES, LDI_MATCH_EXACT))
		m->nomem = 1;
}

/* ---- Header block ------------------------------------------------------ */

/* The length of the field name when the line starts "Name:" (blanks
 * before the colon allowed, as RFC 5322's obsolete syntax does), else 0. */
static size_t field_name_len(const char *s, size_t n)
{
	size_t i = 0, k;

	while (i < n && (unsigned char)s[i] > 32 &&
	       (unsigned char)s[i] < 127 && s[i] != ':')
		i++;
	if (i == 0)
		return 0;
	k = i;
	while (k < n && is_wsp(s[k]))
		k++;
	return k < n && s[k] == ':' ? i : 0;
}

static slice_t *field_slot(headers_t *h, const char *name, size_t n)
{
	if (equals_ci(name, n, "from"))
		return &h->from;
	if (equals_ci(name, n, "subject"))
		return &h->subject;
	if (equals_ci(name, n, "date"))
		return &h->date;
	if (equals_ci(name, n, "newsgroups"))
		return &h->newsgroups;
	if (equals_ci(name, n, "message-id"))
		return &h->message_id;
	if (equals_ci(name, n, "keywords"))
		return &h->keywords;
	if (equals_ci(name, n, "content-type"))
		return &h->content_type;
	if (equals_ci(name, n, "content-transfer-encoding"))
		return &h->encoding;
	return NULL;
}

/* Where the header block starts: past folded lines with no field before
 * them (at most three), when a field follows them; *lines gets how many
 * were passed. They are what is left when an archive cut a field out but
 * not its continuation: 20 Newsgroups lost "Path:" that way. */
static size_t skip_orphan_lines(const char *buf, size_t len, size_t *lines)
{
	size_t pos = 0, next, n;

	*lines = 0;
	while (pos < len && is_wsp(buf[pos]) && *lines < 3) {
		size_t k = 0;

		n = line_at(buf, len, pos, &next);
		while (k < n && is_wsp(buf[pos + k]))
			k++;
		if (k == n)
			break;
		(*lines)++;
		pos = next;
	}
	if (pos == 0 || pos >= len)
		return 0;
	n = line_at(buf, len, pos, &next);
	if (!field_name_len(buf + pos, n)) {
		*lines = 0;
		return 0;
	}
	return pos;
}

/* Reads the header block at the start of buf into h and returns the
 * number of fields (0: buf does not start with one). *body is where the
 * body starts: after the empty line that ends the block, or at the first
 * line that is neither a field nor a continuation, which a broken writer
 * meant as the body. Values span their continuation lines; they are
 * unfolded when copied. */
static size_t read_headers(const char *buf, size_t len, headers_t *h,
			   size_t *body)
{
	size_t line, pos;
	slice_t *cur = NULL;
	int in_field = 0;

	memset(h, 0, sizeof *h);
	pos = skip_orphan_lines(buf, len, &line);
	while (pos < len) {
		size_t next, n = line_at(buf, len, pos, &next), name_len;
		const char *s = buf + pos;

		line++;
		if (n == 0) {
			pos = next;
			break;
		}
		if (in_field && is_wsp(s[0])) {
			if (cur)
				cur->n = (size_t)(s + n - cur->p);
			pos = next;
			continue;
		}
		name_len = field_name_len(s, n);
		if (name_len == 0)
			break;
		h->count++;
		in_field = 1;
		cur = field_slot(h, s, name_len);
		if (cur && cur->p) {
			cur = NULL;
		} else if (cur) {
			const char *colon = memchr(s, ':', n);

			cur->p = colon + 1;
			cur->n = (size_t)(s + n - cur->p);
			cur->line = line;
		}
		pos = next;
	}
	*body = pos;
	return h->count;
}

/* The value unfolded (RFC 5322: line breaks before white space removed)
 * and trimmed, raw bytes still; NULL when empty. */
static char *unfold(msg_t *m, slice_t f)
{
	const char *s = f.p;
	size_t n = f.n, i, o = 0;
	char *out;

	if (!s)
		return NULL;
	trim(&s, &n);
	if (n == 0)
		return NULL;
	out = keep(m, malloc(n + 1));
	if (!out)
		return NULL;
	for (i = 0; i < n; i++)
		if (s[i] != '\r' && s[i] != '\n')
			out[o++] = s[i];
	out[o] = '\0';
	return out;
}

/* ---- RFC 2047 encoded words ---------------------------------------------*/

/* Decodes base64 leniently: characters outside the alphabet (line
 * breaks, stray padding) are skipped, and a last group of two or three
 * characters still gives its bytes. Writes at most 3 * n / 4 + 2 bytes. */
static size_t base64_decode(const char *s, size_t n, char *out)
{
	unsigned acc = 0;
	int bits = 0;
	size_t i, o = 0;

	for (i = 0; i < n; i++) {
		char c = s[i];
		int v;

		if (c >= 'A' && c <= 'Z')
			v = c - 'A';
		else if (c >= 'a' && c <= 'z')
			v = c - 'a' + 26;
		else if (c >= '0' && c <= '9')
			v = c - '0' + 52;
		else if (c == '+')
			v = 62;
		else if (c == '/')
			v = 63;
		else
			continue;
		acc = ((acc << 6) | (unsigned)v) & 0xFFFFFFu;
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			out[o++] = (char)((acc >> bits) & 0xFF);
		}
	}
	return o;
}

/* Quoted-printable (RFC 2045): "=XX" is a byte, "=" at a line end a soft
 * break; an "=" that is neither stays as it is. In an encoded word
 * (q_word) "_" is a space. Writes at most n bytes. */
static size_t qp_decode(const char *s, size_t n, int q_word, char *out)
{
	size_t i = 0, o = 0;

	while (i < n) {
		char c = s[i];
		size_t k = i + 1;

		if (c == '=' && i + 2 < n && hex_value(s[i + 1]) >= 0 &&
		    hex_value(s[i + 2]) >= 0) {
			out[o++] = (char)(hex_value(s[i + 1]) * 16 +
					  hex_value(s[i + 2]));
			i += 3;
			continue;
		}
		/* A soft break, perhaps with padding before it. */
		while (c == '=' && !q_word && k < n && is_wsp(s[k]))
			k++;
		if (c == '=' && !q_word && (k == n || s[k] == '\n' ||
					    s[k] == '\r')) {
			if (k < n && s[k] == '\r')
				k++;
			if (k < n && s[k] == '\n')
				k++;
			i = k;
		} else {
			out[o++] = q_word && c == '_' ? ' ' : c;
			i++;
		}
	}
	return o;
}

/* An encoded word at s: "=?charset?Q?text?=" or with B. Sets its parts
 * and returns its length, or 0 when s does not start one. Words hold no
 * white space (RFC 2047 section 5), which also keeps "=?" in ordinary
 * text from swallowing what follows. */
static size_t encoded_word(const char *s, size_t n, slice_t *charset,
			   char *enc, slice_t *text)
{
	size_t i = 2, cs_start, t_start;

	if (n < 8 || s[0] != '=' || s[1] != '?')
		return 0;
	cs_start = i;
	while (i < n && s[i] != '?' && !is_space(s[i]) && i - cs_start < 64)
		i++;
	if (i >= n || s[i] != '?' || i == cs_start || i - cs_start >= 64)
		return 0;
	charset->p = s + cs_start;
	charset->n = i - cs_start;
	i++;
	if (i + 1 >= n || s[i + 1] != '?')
		return 0;
	*enc = lower(s[i]);
	if (*enc != 'q' && *enc != 'b')
		return 0;
	i += 2;
	t_start = i;
	while (i < n && s[i] != '?' && !is_space(s[i]))
		i++;
	if (i + 1 >= n || s[i] != '?' || s[i + 1] != '=')
		return 0;
	text->p = s + t_start;
	text->n = i - t_start;
	return i + 2;
}

/* Appends bytes in charset (NULL: not declared) as UTF-8. */
static void add_decoded(strbuf_t *b, const char *charset, const char *s,
			size_t n)
{
	size_t i, out_len;
	char *u;

	for (i = 0; i < n && (unsigned char)s[i] < 0x80 && s[i]; i++)
		;
	if (i == n) {
		sb_add(b, s, n);
		return;
	}
	u = ldi_charset_to_utf8(charset, s, n, &out_len);
	if (!u) {
		b->failed = 1;
		return;
	}
	sb_add(b, u, out_len);
	free(u);
}

/* Bytes of adjacent encoded words in one charset, converted together: a
 * writer may split a multi-byte character between two words. */
typedef struct pending {
	char charset[64];
	strbuf_t bytes;
} pending_t;

static void flush_pending(strbuf_t *out, pending_t *pw)
{
	if (pw->bytes.failed)
		out->failed = 1;
	else if (pw->bytes.n)
		add_decoded(out, pw->charset, pw->bytes.p, pw->bytes.n);
	pw->bytes.n = 0;
}

static void add_word(strbuf_t *out, pending_t *pw, slice_t charset, char enc,
		     slice_t text)
{
	char cs[64], *tmp;
	size_t k, n;

	/* RFC 2231 lets a word name its language: "utf-8*en". */
	for (k = 0; k < charset.n && charset.p[k] != '*'; k++)
		cs[k] = lower(charset.p[k]);
	cs[k] = '\0';
	if (pw->bytes.n && strcmp(cs, pw->charset))
		flush_pending(out, pw);
	memcpy(pw->charset, cs, k + 1);
	tmp = malloc(text.n + 3);
	if (!tmp) {
		out->failed = 1;
		return;
	}
	n = enc == 'b' ? base64_decode(text.p, text.n, tmp)
		       : qp_decode(text.p, text.n, 1, tmp);
	sb_add(&pw->bytes, tmp, n);
	free(tmp);
}

/* Runs of white space and control characters become one space; the
 * ends are trimmed. Unfolded headers keep their tabs, and a decoded word
 * may hold a line break. */
static void squeeze(char *s)
{
	size_t i, o = 0;
	int space = 0;

	for (i = 0; s[i]; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c < 0x20 || c == 0x7F) {
			space = o > 0;
			continue;
		}
		if (c == ' ') {
			space = o > 0;
			continue;
		}
		if (space)
			s[o++] = ' ';
		space = 0;
		s[o++] = (char)c;
	}
	s[o] = '\0';
}

/* A header value as text: encoded words decoded, white space between two
 * of them dropped (RFC 2047 section 6.2), other 8-bit bytes read as
 * charset.c's guess (raw Latin-1 in old Usenet headers), spaces
 * squeezed. Owned by m; NULL when empty. */
static char *header_text(msg_t *m, const char *s, size_t n)
{
	strbuf_t out = {0};
	pending_t pw;
	size_t i = 0, plain = 0;
	int after_word = 0;

	memset(&pw, 0, sizeof pw);
	while (i < n) {
		slice_t cs, text;
		char enc;
		size_t w = s[i] == '=' ? encoded_word(s + i, n - i, &cs, &enc,
						      &text)
				       : 0;
		size_t k;

		if (!w) {
			i++;
			continue;
		}
		for (k = plain; k < i && is_space(s[k]); k++)
			;
		if (!after_word || k < i) {
			flush_pending(&out, &pw);
			add_decoded(&out, NULL, s + plain, i - plain);
		}
		add_word(&out, &pw, cs, enc, text);
		i += w;
		plain = i;
		after_word = 1;
	}
	flush_pending(&out, &pw);
	add_decoded(&out, NULL, s + plain, n - plain);
	free(pw.bytes.p);
	if (!out.failed && out.n) {
		squeeze(out.p);
		out.n = strlen(out.p);
	}
	return sb_keep(m, &out);
}

/* ---- Subject, From, ids, lists ----------------------------------------- */

/* Past one "Re:", "Re^2:", "Re[2]:", "Fwd:" or "Fw:" at s (any case,
 * spaces allowed before the colon); 0 when there is none. */
static size_t reply_prefix(const char *s)
{
	size_t i;

	if (starts_ci(s, strlen(s), "fwd"))
		i = 3;
	else if (starts_ci(s, strlen(s), "re") || starts_ci(s, strlen(s), "fw"))
		i = 2;
	else
		return 0;
	if (s[i] == '^') {
		i++;
		while (is_digit(s[i]))
			i++;
	} else if (s[i] == '[' || s[i] == '(') {
		char close = s[i] == '[' ? ']' : ')';

		i++;
		while (is_digit(s[i]))
			i++;
		if (s[i] != close)
			return 0;
		i++;
	}
	while (s[i] == ' ')
		i++;
	return s[i] == ':' ? i + 1 : 0;
}

static const char *headline_of(const char *subject)
{
	size_t k;

	if (!subject)
		return NULL;
	while ((k = reply_prefix(subject)) > 0) {
		subject += k;
		while (*subject == ' ')
			subject++;
	}
	return *subject ? subject : NULL;
}

/* Copies a phrase without its quotes and backslash escapes, and without
 * comments: "\"Spencer, Henry\" (Hank)" -> "Spencer, Henry". */
static void unquote_phrase(const char *s, size_t n, strbuf_t *b)
{
	size_t i;
	int quoted = 0, depth = 0;

	for (i = 0; i < n; i++) {
		char c = s[i];

		if (c == '\\' && i + 1 < n && (quoted || depth)) {
			i++;
			if (!depth)
				sb_add(b, s + i, 1);
		} else if (quoted) {
			if (c == '"')
				quoted = 0;
			else
				sb_add(b, &c, 1);
		} else if (c == '(') {
			depth++;
		} else if (c == ')' && depth) {
			depth--;
		} else if (!depth) {
			if (c == '"')
				quoted = 1;
			else
				sb_add(b, &c, 1);
		}
	}
}

/* The text of the first comment in s ("(Henry Spencer)"), nested
 * comments and escapes included as written; 0 when there is none. */
static int first_comment(const char *s, size_t n, slice_t *out)
{
	size_t i, start = 0;
	int depth = 0, quoted = 0;

	for (i = 0; i < n; i++) {
		char c = s[i];

		if (c == '\\') {
			i++;
		} else if (quoted) {
			quoted = c != '"';
		} else if (c == '"' && !depth) {
			quoted = 1;
		} else if (c == '(') {
			if (depth++ == 0)
				start = i + 1;
		} else if (c == ')' && depth) {
			if (--depth == 0) {
				out->p = s + start;
				out->n = i - start;
				return 1;
			}
		}
	}
	return 0;
}

/* A phrase or comment as text: unquoted, decoded, squeezed; owned by m,
 * NULL when nothing is left. */
static char *phrase_text(msg_t *m, const char *s, size_t n)
{
	strbuf_t b = {0};
	char *text;

	unquote_phrase(s, n, &b);
	if (b.failed) {
		free(b.p);
		m->nomem = 1;
		return NULL;
	}
	text = header_text(m, b.p ? b.p : "", b.n);
	free(b.p);
	/* Old mailers quoted names with apostrophes: 'Henry Spencer'. */
	n = text ? strlen(text) : 0;
	if (n > 2 && text[0] == '\'' && text[n - 1] == '\'') {
		text[n - 1] = '\0';
		memmove(text, text + 1, n - 1);
	}
	return text;
}

/* The name of one mailbox: its display name as given, unquoted
 * ("\"Spencer, Henry\" <henry@zoo>" -> "Spencer, Henry"); else the
 * comment Usenet put after the address ("henry@zoo (Henry Spencer)");
 * else the address. Owned by m; NULL when the mailbox is empty. */
static char *mailbox_name(msg_t *m, const char *s, size_t n)
{
	size_t i, angle = n, an;
	int depth = 0, quoted = 0;
	slice_t comment;
	const char *a, *close;
	char *name = NULL;

	for (i = 0; i < n && angle == n; i++) {
		char c = s[i];

		if (c == '\\')
			i++;
		else if (quoted)
			quoted = c != '"';
		else if (c == '"' && !depth)
			quoted = 1;
		else if (c == '(')
			depth++;
		else if (c == ')' && depth)
			depth--;
		else if (c == '<' && !depth)
			angle = i;
	}
	if (angle < n)
		name = phrase_text(m, s, angle);
	if (!name && !m->nomem && first_comment(s, n, &comment))
		name = phrase_text(m, comment.p, comment.n);
	if (name || m->nomem)
		return name;
	/* The address alone: inside the angle brackets, or the whole
	 * mailbox without its comments. */
	a = angle < n ? s + angle + 1 : s;
	an = angle < n ? n - angle - 1 : n;
	close = memchr(a, '>', an);
	if (close)
		an = (size_t)(close - a);
	return phrase_text(m, a, an);
}

/* Each mailbox in an address list ("a@b (A), \"C, D\" <c@d>") adds an
 * author. Commas inside quotes, comments and angle brackets do not split,
 * nor do those before any address: "Cox, Jr. <cox@x>" is one mailbox
 * whose writer forgot the quotes. */
static void read_authors(msg_t *m, const char *s)
{
	size_t i, start = 0, n = strlen(s);
	int depth = 0, quoted = 0, angle = 0, address = 0;

	for (i = 0; i <= n && !m->nomem && m->authors.n < MAX_NAMES; i++) {
		char c = i < n ? s[i] : ',';

		address |= c == '@' || c == '<';
		if (c == '\\' && i + 1 < n) {
			i++;
		} else if (quoted) {
			quoted = c != '"' && i < n;
		} else if (c == '"' && !depth) {
			quoted = 1;
		} else if (c == '(') {
			depth++;
		} else if (c == ')' && depth) {
			depth--;
		} else if (c == '<' && !depth) {
			angle = 1;
		} else if (c == '>' && !depth) {
			angle = 0;
		}
		if (i == n || ((c == ',' || c == ';') && !quoted && !depth &&
			       !angle && address)) {
			char *name = mailbox_name(m, s + start, i - start);

			add_unique(m, &m->authors, name);
			start = i + 1;
			address = 0;
		}
	}
}

/* The Message-ID without its angle brackets: what is inside the first
 * pair, else the first word. */
static char *message_id(msg_t *m, const char *v)
{
	const char *open = strchr(v, '<'), *s = v;
	size_t n;

	if (open) {
		const char *close = strchr(open, '>');

		s = open + 1;
		n = close ? (size_t)(close - s) : strlen(s);
	} else {
		n = strcspn(s, " \t");
	}
	trim(&s, &n);
	return n ? header_text(m, s, n) : NULL;
}

/* The first group of "sci.space,sci.astro". */
static char *first_group(msg_t *m, const char *v)
{
	size_t n = strcspn(v, ", \t");

	return n ? header_text(m, v, n) : NULL;
}

/* Keywords split at commas and semicolons; each one decoded. */
static void read_tags(msg_t *m, const char *v)
{
	size_t start = 0, i, n = strlen(v);

	for (i = 0; i <= n && !m->nomem && m->tags.n < MAX_NAMES; i++) {
		if (i < n && v[i] != ',' && v[i] != ';')
			continue;
		add_unique(m, &m->tags,
			   header_text(m, v + start, i - start));
		start = i + 1;
	}
}

/* ---- Dates ------------------------------------------------------------- */

static int64_t read_date(msg_t *m, const slice_t *f)
{
	char *raw = unfold(m, *f), *text, qbuf[LDI_QUOTE_MAX + 4];
	int64_t t;

	if (!raw)
		return LEDE_NO_DATE;
	if (lede_date_parse(raw, LEDE_NTS, &t) == LEDE_OK)
		return t;
	text = header_text(m, raw, strlen(raw));
	if (text)
		ldi_warn(m->r, m->line_base ? m->line_base + f->line - 1 : 0,
			 "unrecognised date '%s' (field left empty)",
			 ldi_quote(text, qbuf));
	return LEDE_NO_DATE;
}

/* ---- Body: cleaning ---------------------------------------------------- */

typedef struct line {
	const char *s;
	size_t n;  /* without the line end and trailing blanks */
	int drop;  /* left out of the body */
	int quote; /* 2: a quote marker; 1: one only after a quote */
} line_t;

/* The body's lines; NULL when memory ran out. */
static line_t *split_lines(const char *text, size_t *count)
{
	size_t n = 1, i, k = 0;
	const char *p = text;
	line_t *lines;

	for (i = 0; text[i]; i++)
		n += text[i] == '\n';
	lines = calloc(n, sizeof *lines);
	if (!lines)
		return NULL;
	for (;;) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);

		while (len > 0 && is_space(p[len - 1]))
			len--;
		lines[k].s = p;
		lines[k].n = len;
		k++;
		if (!nl)
			break;
		p = nl + 1;
	}
	*count = k;
	return lines;
}

/* Lines lose their trailing blanks in split_lines(), so a line of
 * blanks is empty. */
static int is_blank(const line_t *l)
{
	return l->n == 0;
}

static int line_is(const line_t *l, const char *lit)
{
	return l->n == strlen(lit) && !memcmp(l->s, lit, l->n);
}

static int line_starts(const line_t *l, const char *lit)
{
	return l->n >= strlen(lit) && !memcmp(l->s, lit, strlen(lit));
}

/* PGP clear-signing (RFC 4880 section 7): the signed text stays, without
 * its "-----BEGIN PGP SIGNED MESSAGE-----" line, the "Hash:" lines after
 * it and the dash-escaping ("- " before lines that start with '-'). The
 * signature, and keys and encrypted blocks, are armour, not words. */
static void drop_pgp(line_t *lines, size_t count)
{
	size_t i = 0;
	int in_signed = 0;

	while (i < count) {
		line_t *l = &lines[i];

		if (line_is(l, "-----BEGIN PGP SIGNED MESSAGE-----")) {
			l->drop = 1;
			for (i++; i < count && !is_blank(&lines[i]) &&
				  field_name_len(lines[i].s, lines[i].n);
			     i++)
				lines[i].drop = 1;
			if (i < count && is_blank(&lines[i]))
				lines[i++].drop = 1;
			in_signed = 1;
		} else if (line_starts(l, "-----BEGIN PGP ")) {
			while (i < count &&
			       !line_starts(&lines[i], "-----END PGP "))
				lines[i++].drop = 1;
			if (i < count)
				lines[i++].drop = 1;
			in_signed = 0;
		} else {
			if (in_signed && line_starts(l, "- ")) {
				l->s += 2;
				l->n -= 2;
			}
			i++;
		}
	}
}

/* A line of uuencoded data: its first character gives the byte count,
 * which fixes the line's greatest length (one more for encoders that add
 * a checksum); it may be shorter, as trailing spaces (zeros) are often
 * lost on the way. */
static int is_uu_line(const line_t *l)
{
	size_t i, want;

	if (l->n == 0)
		return 0;
	for (i = 0; i < l->n; i++)
		if ((unsigned char)l->s[i] < 0x20 ||
		    (unsigned char)l->s[i] > 0x60)
			return 0;
	want = 1 + ((size_t)((l->s[0] - 0x20) & 0x3F) + 2) / 3 * 4;
	return l->n <= want + 1;
}

/* "begin 644 name" */
static int is_uu_begin(const line_t *l)
{
	size_t i = 6, k = 0;

	if (!line_starts(l, "begin "))
		return 0;
	while (i < l->n && l->s[i] >= '0' && l->s[i] <= '7') {
		i++;
		k++;
	}
	return (k == 3 || k == 4) && i + 1 < l->n && l->s[i] == ' ';
}

/* A full line of uuencoded data: 45 bytes, "M" and 60 characters. */
static int is_uu_full(const line_t *l)
{
	return l->n >= 60 && l->n <= 62 && l->s[0] == 'M' && is_uu_line(l);
}

/* uuencoded files: "begin 644 name" to "end", and the later parts of a
 * file posted in pieces, which have no "begin": runs of three or more
 * full data lines, with the short lines that end them. */
static void drop_uuencode(line_t *lines, size_t count)
{
	size_t i = 0, j;
	int no_end = 0; /* no "end" line after here: stop looking */

	while (i < count) {
		if (is_uu_begin(&lines[i])) {
			j = count;
			if (!no_end)
				for (j = i + 1;
				     j < count && !line_is(&lines[j], "end");
				     j++)
					;
			no_end = j == count;
			if (j == count) /* no "end": as far as data goes */
				for (j = i + 1;
				     j < count && (is_uu_line(&lines[j]) ||
						   is_blank(&lines[j]));
				     j++)
					;
			else
				j++;
			while (i < j)
				lines[i++].drop = 1;
			continue;
		}
		for (j = i; j < count && is_uu_full(&lines[j]); j++)
			;
		if (j - i >= 3) {
			while (j < count && is_uu_line(&lines[j]))
				j++;
			if (j < count && line_is(&lines[j], "end"))
				j++;
			while (i < j)
				lines[i++].drop = 1;
			continue;
		}
		i++;
	}
}

/* 2 for a line with a quote marker: ">", "|>", "#>", ": " (tin's),
 * "JS> " (initials, as some readers quote). 1 for "| ", "} " and "# ",
 * which also start tables, boxes and shell comments and so count only
 * after a quote. 0 otherwise; ":-)" is a smiley, not a quote, and
 * "#include" is code. */
static int quote_marker(const line_t *l)
{
	size_t i = 0, k;
	char c, next;

	while (i < l->n && is_wsp(l->s[i]))
		i++;
	if (i == l->n)
		return 0;
	c = l->s[i];
	next = i + 1 < l->n ? l->s[i + 1] : ' ';
	if (c == '>')
		return 2;
	if ((c == '|' || c == '#') && (next == '>' || next == '|'))
		return 2;
	if (c == ':' && (is_wsp(next) || next == ':' || next == '>'))
		return 2;
	if ((c == '|' || c == '}' || c == '#') && is_wsp(next))
		return 1;
	for (k = i; k < l->n && k - i < 4 && l->s[k] >= 'A' &&
		    l->s[k] <= 'Z';
	     k++)
		;
	if (k > i && k < l->n && l->s[k] == '>' &&
	    (k + 1 == l->n || l->s[k + 1] == ' ' || l->s[k + 1] == '>'))
		return 2;
	return 0;
}

/* The last line of an attribution: 2 for "... writes:" and "X wrote:",
 * which are little else; 1 for "says:" and "said:", which introduce a
 * quote but may also introduce the poster's own account. */
static int is_attribution_end(const line_t *l)
{
	static const char *const ends[] = {
		"writes:", "wrote:", "writes...", "wrote...", "writes :",
		"wrote :", "says:", "said:"};
	size_t k;

	for (k = 0; k < sizeof ends / sizeof ends[0]; k++)
		if (ends_ci(l->s, l->n, ends[k]))
			return k < 6 ? 2 : 1;
	return 0;
}

/* The first line of an attribution wrapped over several. */
static int is_attribution_start(const line_t *l)
{
	return starts_ci(l->s, l->n, "in article") ||
	       starts_ci(l->s, l->n, "in <") || starts_ci(l->s, l->n, "on ") ||
	       starts_ci(l->s, l->n, "quoting ");
}

/* The nearest line before i that is not blank, or count when none. */
static size_t prev_nonblank(const line_t *lines, size_t i, size_t count)
{
	while (i > 0) {
		i--;
		if (!is_blank(&lines[i]))
			return i;
	}
	return count;
}

static size_t next_nonblank(const line_t *lines, size_t i, size_t count)
{
	for (i++; i < count; i++)
		if (!is_blank(&lines[i]))
			return i;
	return count;
}

/* Quoted lines. A weak marker ("| ") quotes only in a run that follows a
 * quote or an attribution: elsewhere it is a table or a box. */
static void drop_quotes(line_t *lines, size_t count)
{
	size_t i, j, k;

	for (i = 0; i < count; i++) {
		if (lines[i].drop)
			continue;
		lines[i].quote = quote_marker(&lines[i]);
		if (lines[i].quote == 2)
			lines[i].drop = 1;
	}
	for (i = 0; i < count; i = j) {
		j = i + 1;
		if (lines[i].drop || lines[i].quote != 1)
			continue;
		while (j < count && !lines[j].drop && lines[j].quote == 1)
			j++;
		k = prev_nonblank(lines, i, count);
		if (k < count && ((lines[k].drop && lines[k].quote) ||
				  is_attribution_end(&lines[k])))
			for (k = i; k < j; k++)
				lines[k].drop = 1;
	}
}

/* Attributions: "In article <...>, x@y (Name) writes:" (often wrapped
 * over two or three lines), "X wrote:", right before a quote. Posters
 * often cut the quote and leave its attribution: one that opens the
 * body, or is plainly one ("In article <...> ... writes:"), goes even
 * with no quote after it. A line "In article <...>" alone before a
 * quote goes too. */
static void drop_attributions(line_t *lines, size_t count)
{
	size_t i, j, k;
	int text = 0;

	for (i = 0; i < count; i++) {
		int ends, starts, quoted;

		if (is_blank(&lines[i]))
			continue;
		if (lines[i].drop)
			continue;
		ends = is_attribution_end(&lines[i]);
		starts = starts_ci(lines[i].s, lines[i].n, "in article") ||
			 starts_ci(lines[i].s, lines[i].n, "in <");
		j = next_nonblank(lines, i, count);
		quoted = j < count && lines[j].drop && lines[j].quote;
		if (!((ends || starts) && quoted) &&
		    !(ends == 2 && (starts || !text))) {
			text = 1;
			continue;
		}
		lines[i].drop = 1;
		/* Up to two wrapped lines above, back to the one that
		 * starts the attribution. */
		for (k = i; k > 0 && i - k < 2; k--) {
			const line_t *above = &lines[k - 1];

			if (above->drop || is_blank(above))
				break;
			if (is_attribution_start(above)) {
				for (j = k - 1; j < i; j++)
					lines[j].drop = 1;
				break;
			}
		}
	}
}

static int is_sig_dashes(const line_t *l)
{
	return line_is(l, "--"); /* "-- " once trailing blanks are gone */
}

/* Where the block of lines starting at i ends: the next blank line, or
 * i + max, whichever is first. */
static size_t block_end(const line_t *lines, size_t i, size_t count,
			size_t max)
{
	size_t start = i;

	while (i < count && !is_blank(&lines[i]) && i - start < max)
		i++;
	return i;
}

/* What a signature holds and a post's text or a table rarely does: an
 * address, a bang path, a telephone, a web site; or it is short. */
static int looks_like_signature(const line_t *lines, size_t from,
				size_t to)
{
	size_t i, k, n = 0;

	for (i = from; i < to; i++) {
		const line_t *l = &lines[i];

		if (l->drop || is_blank(l))
			continue;
		n++;
		for (k = 0; k + 1 < l->n; k++) {
			if (l->s[k] == '@' ||
			    (l->s[k] == '!' && is_alpha(l->s[k + 1])) ||
			    starts_ci(l->s + k, l->n - k, "phone") ||
			    starts_ci(l->s + k, l->n - k, "fax") ||
			    starts_ci(l->s + k, l->n - k, "http") ||
			    starts_ci(l->s + k, l->n - k, "www."))
				return 1;
		}
	}
	return n <= 3;
}

/* The signature after "-- " (or "--": archives strip the space). When
 * much follows the line, only the block up to the next blank line goes:
 * the rest is text that came after the signature (a moderator's note, a
 * forwarded post). A "--" line followed by quotes, or by nothing, or
 * opening the body above text that does not look like a signature,
 * signs nothing and goes alone. */
static void drop_signature(line_t *lines, size_t count)
{
	size_t i, j, end, left = 0; /* kept non-blank lines after i */
	int before = 0;

	for (i = 0; i < count; i++)
		left += !lines[i].drop && !is_blank(&lines[i]);
	for (i = 0; i < count; i++) {
		if (is_blank(&lines[i]))
			continue;
		left -= !lines[i].drop;
		if (lines[i].drop || !is_sig_dashes(&lines[i])) {
			before = 1;
			continue;
		}
		lines[i].drop = 1;
		j = next_nonblank(lines, i, count);
		if (j == count || lines[j].drop)
			continue;
		end = block_end(lines, j, count, SIG_MAX_LINES + 1);
		if (!before && (end - j > SIG_MAX_LINES ||
				!looks_like_signature(lines, j, end)))
			continue;
		if (left <= SIG_MAX_LINES)
			end = count;
		for (; j < end; j++) {
			left -= !lines[j].drop && !is_blank(&lines[j]);
			lines[j].drop = 1;
		}
		if (end == count)
			return;
		i = end;
	}
}

/* A rule of at least four dashes, underscores, equals signs, stars,
 * tildes, hashes or percent signs, with box corners and spaces. */
static int is_rule(const line_t *l)
{
	size_t i, marks = 0;

	for (i = 0; i < l->n; i++) {
		char c = l->s[i];

		if (c && strchr("-_=*~#%", c))
			marks++;
		else if (!c || !strchr("+|/\\ \t", c))
			return 0;
	}
	return marks >= 4;
}

/* Usenet signatures often have no "-- " line but a rule above them:
 * "-----\nHenry Spencer  henry@zoo.toronto.edu". Looked for in the last
 * SIG_WINDOW non-blank lines only, below some text of the post's own,
 * and only when what is under the rule looks like a signature. */
static void drop_rule_signature(line_t *lines, size_t count)
{
	size_t i, seen = 0, first = count, rule = count;

	for (i = count; i > 0 && seen < SIG_WINDOW; i--) {
		if (lines[i - 1].drop || is_blank(&lines[i - 1]))
			continue;
		seen++;
		if (is_rule(&lines[i - 1]))
			rule = i - 1;
	}
	if (rule == count)
		return;
	for (i = 0; i < rule; i++)
		if (!lines[i].drop && !is_blank(&lines[i]) &&
		    !is_rule(&lines[i])) {
			first = i;
			break;
		}
	if (first == count || !looks_like_signature(lines, rule + 1, count))
		return;
	for (i = rule; i < count; i++)
		lines[i].drop = 1;
}

/* The kept lines, paragraphs apart by one blank line: a run of blank
 * or left-out lines between two kept lines is one paragraph break. */
static char *join_lines(msg_t *m, const line_t *lines, size_t count)
{
	strbuf_t b = {0};
	size_t i;
	int gap = 0;

	for (i = 0; i < count; i++) {
		if (lines[i].drop || is_blank(&lines[i])) {
			gap = 1;
			continue;
		}
		if (b.n)
			sb_add(&b, gap ? "\n\n" : "\n", gap ? 2 : 1);
		sb_add(&b, lines[i].s, lines[i].n);
		gap = 0;
	}
	return sb_keep(m, &b);
}

/* The author's own text of a body (UTF-8): see the passes above. */
static char *clean_body(msg_t *m, const char *text)
{
	size_t count;
	line_t *lines = split_lines(text, &count);
	char *body;

	if (!lines) {
		m->nomem = 1;
		return NULL;
	}
	drop_pgp(lines, count);
	drop_uuencode(lines, count);
	drop_quotes(lines, count);
	drop_attributions(lines, count);
	drop_signature(lines, count);
	drop_rule_signature(lines, count);
	body = join_lines(m, lines, count);
	free(lines);
	return body;
}

/* ---- Body: MIME -------------------------------------------------------- */

/* The media type of a Content-Type value, lower-cased; text/plain when
 * there is none or it cannot be read (RFC 2045 section 5.2), or
 * message/rfc822 for a part of a multipart/digest (RFC 2046 5.1.5). */
static void media_type(slice_t ct, int in_digest, char type[32],
		       char sub[32])
{
	size_t i = 0, k;
	const char *s = ct.p;
	size_t n = s ? ct.n : 0;

	strcpy(type, in_digest ? "message" : "text");
	strcpy(sub, in_digest ? "rfc822" : "plain");
	while (i < n && is_space(s[i]))
		i++;
	for (k = i; k < n && s[k] != '/' && s[k] != ';' && !is_space(s[k]);
	     k++)
		;
	if (k == i || k - i >= 32 || k >= n || s[k] != '/')
		return;
	memcpy(type, s + i, k - i);
	type[k - i] = '\0';
	i = ++k;
	while (k < n && s[k] != ';' && !is_space(s[k]) && s[k] != '(')
		k++;
	if (k == i || k - i >= 32) {
		strcpy(type, "text");
		strcpy(sub, "plain");
		return;
	}
	memcpy(sub, s + i, k - i);
	sub[k - i] = '\0';
	for (k = 0; type[k]; k++)
		type[k] = lower(type[k]);
	for (k = 0; sub[k]; k++)
		sub[k] = lower(sub[k]);
}

/* Parameter `name` of a Content-Type value into out (PARAM_MAX bytes),
 * unquoted. 0 when absent, empty or too long. */
static int ct_param(slice_t ct, const char *name, char out[PARAM_MAX])
{
	const char *s = ct.p;
	size_t n = s ? ct.n : 0, i = 0;

	while (i < n) {
		size_t a, an, o = 0;
		int match;

		while (i < n && s[i] != ';') {
			if (s[i] == '"') /* a ';' in a quoted value */
				for (i++; i < n && s[i] != '"'; i++)
					i += s[i] == '\\';
			i++;
		}
		if (i >= n)
			return 0;
		i++;
		while (i < n && is_space(s[i]))
			i++;
		a = i;
		while (i < n && s[i] != '=' && s[i] != ';' && !is_space(s[i]))
			i++;
		an = i - a;
		while (i < n && is_space(s[i]))
			i++;
		if (i >= n || s[i] != '=')
			continue;
		i++;
		while (i < n && is_space(s[i]))
			i++;
		match = equals_ci(s + a, an, name);
		if (i < n && s[i] == '"') {
			for (i++; i < n && s[i] != '"'; i++) {
				if (s[i] == '\\' && i + 1 < n)
					i++;
				if (match && o + 1 < PARAM_MAX)
					out[o++] = s[i];
				else if (match)
					return 0;
			}
			if (i < n)
				i++; /* the closing quote */
		} else {
			for (; i < n && s[i] != ';' && !is_space(s[i]); i++) {
				if (match && o + 1 < PARAM_MAX)
					out[o++] = s[i];
				else if (match)
					return 0;
			}
		}
		if (match) {
			out[o] = '\0';
			return o > 0;
		}
	}
	return 0;
}

/* The body of a text entity as UTF-8: transfer encoding undone, charset
 * decoded. Owned by m; its length in *len. */
static char *decode_body(msg_t *m, const char *s, size_t n, slice_t ct,
			 slice_t enc, size_t *len)
{
	char charset[PARAM_MAX], *raw = NULL, *utf8;
	const char *e = enc.p;
	size_t en = e ? enc.n : 0, dn = n;

	trim(&e, &en);
	if (equals_ci(e, en, "quoted-printable") ||
	    equals_ci(e, en, "base64")) {
		raw = malloc(n + 3);
		if (!raw) {
			m->nomem = 1;
			return NULL;
		}
		dn = lower(e[0]) == 'b' ? base64_decode(s, n, raw)
					: qp_decode(s, n, 0, raw);
		s = raw;
	}
	utf8 = ldi_charset_to_utf8(ct_param(ct, "charset", charset) ? charset
								   : NULL,
				   s, dn, len);
	free(raw);
	return keep(m, utf8);
}

/* The body of a text/plain entity as UTF-8, CRLF made LF. Owned by m. */
static char *plain_text(msg_t *m, const char *s, size_t n, slice_t ct,
			slice_t enc)
{
	size_t un, i, o;
	char *utf8 = decode_body(m, s, n, ct, enc, &un);

	if (!utf8)
		return NULL;
	for (i = 0, o = 0; i < un; i++)
		if (utf8[i] != '\r')
			utf8[o++] = utf8[i];
		else if (i + 1 == un || utf8[i + 1] != '\n')
			utf8[o++] = '\n'; /* an old Mac's lone CR */
	utf8[o] = '\0';
	return utf8;
}

static char *entity_text(msg_t *m, const char *s, size_t n, slice_t ct,
			 slice_t enc, int in_digest, int depth);

/* One body part: its own header block, then its body. */
static char *part_text(msg_t *m, const char *s, size_t n, int in_digest,
		       int depth)
{
	headers_t h;
	size_t body;

	read_headers(s, n, &h, &body);
	return entity_text(m, s + body, n - body, h.content_type, h.encoding,
			   in_digest, depth + 1);
}

/* A boundary line: "--boundary", or "--boundary--" (*last set) to end
 * the multipart; trailing blanks allowed. */
static int is_boundary(const char *s, size_t n, const char *b, size_t bn,
		       int *last)
{
	size_t i;

	if (n < bn + 2 || s[0] != '-' || s[1] != '-' || memcmp(s + 2, b, bn))
		return 0;
	i = bn + 2;
	*last = n - i >= 2 && s[i] == '-' && s[i + 1] == '-';
	if (*last)
		i += 2;
	while (i < n && is_wsp(s[i]))
		i++;
	return i == n;
}

/* The first text/plain part of a multipart, depth first. A last part cut
 * off before its closing boundary still counts: a truncated message
 * keeps its text. */
static char *multipart_text(msg_t *m, const char *s, size_t n,
			    const char *b, int digest, int depth)
{
	size_t pos = 0, start = SIZE_MAX, bn = strlen(b);
	char *text;

	while (pos < n) {
		size_t next, len = line_at(s, n, pos, &next), end = pos;
		int last;

		if (!is_boundary(s + pos, len, b, bn, &last)) {
			pos = next;
			continue;
		}
		/* The line break before a boundary belongs to it. */
		if (end > 0 && s[end - 1] == '\n')
			end--;
		if (end > 0 && s[end - 1] == '\r')
			end--;
		if (start != SIZE_MAX && end >= start) {
			text = part_text(m, s + start, end - start, digest,
					 depth);
			if (text || m->nomem)
				return text;
		}
		if (last)
			return NULL;
		start = next;
		pos = next;
	}
	if (start != SIZE_MAX && start < n)
		return part_text(m, s + start, n - start, digest, depth);
	return NULL;
}

/* The text of one entity, the whole message first: itself when it is
 * text/plain, the first text/plain inside when it is a multipart or a
 * message/rfc822 (a forward), else NULL. */
static char *entity_text(msg_t *m, const char *s, size_t n, slice_t ct,
			 slice_t enc, int in_digest, int depth)
{
	char type[32], sub[32], boundary[PARAM_MAX];

	if (depth > MAX_DEPTH)
		return NULL;
	media_type(ct, in_digest, type, sub);
	if (!strcmp(type, "text") && !strcmp(sub, "plain"))
		return plain_text(m, s, n, ct, enc);
	if (!strcmp(type, "text") && !strcmp(sub, "html")) {
		/* Kept for later: a text/plain part further on wins. */
		if (!m->have_html) {
			m->have_html = 1;
			m->html = s;
			m->html_len = n;
			m->html_ct = ct;
			m->html_enc = enc;
		}
		return NULL;
	}
	if (!strcmp(type, "multipart")) {
		if (!ct_param(ct, "boundary", boundary))
			return NULL;
		return multipart_text(m, s, n, boundary,
				      !strcmp(sub, "digest"), depth);
	}
	if (!strcmp(type, "message") &&
	    (!strcmp(sub, "rfc822") || !strcmp(sub, "global")))
		return part_text(m, s, n, 0, depth);
	return NULL;
}

/* The text of the first text/html entity, for a message with no
 * text/plain one; NULL when it has none or it holds no text. Owned by
 * m. The charset is the MIME header's, as for text/plain (with none,
 * charset.c's guess): a <meta> inside the HTML is not looked for. */
static char *html_body(msg_t *m)
{
	size_t len;
	char *html, *text;

	if (!m->have_html)
		return NULL;
	html = decode_body(m, m->html, m->html_len, m->html_ct, m->html_enc,
			   &len);
	if (!html)
		return NULL;
	text = keep(m, ldi_html_to_text(html, len, &len));
	return text && len ? text : NULL;
}

/* ---- One message ------------------------------------------------------- */

/* Warns about a message that cannot be read, and says so. */
static lede_status_t reject(msg_t *m, int in_mbox, const char *why)
{
	ldi_warn(m->r, 0, "%s%s", why, in_mbox ? " (message skipped)" : "");
	return LEDE_BAD_INPUT;
}

/* The id: the Message-ID, else fallback_id, else a hash of the text. */
static const char *article_id(msg_t *m, const headers_t *h,
			      const char *fallback_id, const char *buf,
			      size_t len, char hash_id[LDI_CONTENT_ID_SIZE])
{
	char *raw = unfold(m, h->message_id);
	const char *id = raw ? message_id(m, raw) : NULL;

	if (id)
		return id;
	if (fallback_id)
		return fallback_id;
	ldi_content_id(buf, len, hash_id);
	return hash_id;
}

/* Reads one message (an envelope "From " line first is allowed) and
 * passes it on; its id is the Message-ID, else fallback_id, else a hash.
 * m->line_base is the input line the message starts on, 0 when warnings
 * should not name lines; in_mbox adds "(message skipped)" to the reason
 * a message is rejected. Returns LEDE_OK, LEDE_DONE, LEDE_NOMEM or
 * LEDE_BAD_INPUT (warned about). */
static lede_status_t read_one(msg_t *m, const char *buf, size_t len,
			      const char *fallback_id, int in_mbox)
{
	char hash_id[LDI_CONTENT_ID_SIZE];
	size_t start = 0, body, i;
	headers_t h;
	lede_article_t a;
	char *v, *text;

	for (i = 0; i < len && is_space(buf[i]); i++)
		;
	if (i == len)
		return reject(m, in_mbox,
			      len ? "no message (blank input)"
				  : "no message (empty input)");
	if (len >= 5 && !memcmp(buf, "From ", 5)) {
		line_at(buf, len, 0, &start);
		if (m->line_base)
			m->line_base++;
	}
	if (!read_headers(buf + start, len - start, &h, &body))
		return reject(m, in_mbox,
			      "not a message: no header lines at the start");
	if (!h.from.p && !h.subject.p)
		return reject(m, in_mbox,
			      "not a message: no From or Subject header");
	body += start;

	memset(&a, 0, sizeof a);
	a.date = h.date.p ? read_date(m, &h.date) : LEDE_NO_DATE;
	v = unfold(m, h.subject);
	a.headline = v ? headline_of(header_text(m, v, strlen(v))) : NULL;
	if ((v = unfold(m, h.from)) != NULL)
		read_authors(m, v);
	if ((v = unfold(m, h.newsgroups)) != NULL)
		a.section = first_group(m, v);
	if ((v = unfold(m, h.keywords)) != NULL)
		read_tags(m, v);
	a.id = article_id(m, &h, fallback_id, buf, len, hash_id);
	text = entity_text(m, buf + body, len - body, h.content_type,
			   h.encoding, 0, 0);
	if (!text && !m->nomem)
		text = html_body(m);
	if (text)
		a.body = clean_body(m, text);
	if (m->nomem)
		return LEDE_NOMEM;
	a.authors = m->authors.v;
	a.n_authors = m->authors.n;
	a.tags = m->tags.v;
	a.n_tags = m->tags.n;
	return m->r->on_article(m->r->ctx, &a) ? LEDE_DONE : LEDE_OK;
}

static void msg_free(msg_t *m)
{
	end_message(m);
	ldi_kept_free(&m->kept);
	ldi_strlist_free(&m->authors);
	ldi_strlist_free(&m->tags);
}

lede_status_t ldi_read_message(const ldi_reader_t *r, const char *buf,
			       size_t len)
{
	msg_t m;
	lede_status_t st;

	memset(&m, 0, sizeof m);
	m.r = r;
	m.line_base = 1;
	st = read_one(&m, buf ? buf : "", buf ? len : 0, r->name, 0);
	msg_free(&m);
	return st;
}

/* ---- mbox -------------------------------------------------------------- */

/* Where the message after the one at pos starts: a "From " line after an
 * empty line (or len). */
static size_t next_from_line(const char *buf, size_t len, size_t pos)
{
	int after_empty = 0;

	line_at(buf, len, pos, &pos);
	while (pos < len) {
		size_t next, n = line_at(buf, len, pos, &next);

		if (after_empty && n >= 5 && !memcmp(buf + pos, "From ", 5))
			return pos;
		after_empty = n == 0;
		pos = next;
	}
	return len;
}

/* 1 when the line is mboxrd-quoted: ">From ", ">>From ", ... */
static int is_quoted_from(const char *s, size_t n)
{
	size_t i = 0;

	while (i < n && s[i] == '>')
		i++;
	return i > 0 && n - i >= 5 && !memcmp(s + i, "From ", 5);
}

/* The message with one '>' taken off each quoted "From " line; NULL when
 * out of memory. Sets *out_len. */
static char *unquote_from(const char *s, size_t n, size_t *out_len)
{
	char *out = malloc(n + 1);
	size_t pos = 0, o = 0;

	if (!out)
		return NULL;
	while (pos < n) {
		size_t next, len = line_at(s, n, pos, &next);

		if (is_quoted_from(s + pos, len))
			pos++;
		memcpy(out + o, s + pos, next - pos);
		o += next - pos;
		pos = next;
	}
	out[o] = '\0';
	*out_len = o;
	return out;
}

/* Reads record recno of an mbox: warnings name it "name#N" and so does
 * its id when it has no Message-ID. */
static lede_status_t read_record(msg_t *m, const ldi_reader_t *r,
				 const char *s, size_t n, size_t recno)
{
	ldi_reader_t sub = *r;
	const char *base = r->name ? r->name : "<input>";
	size_t name_len = strlen(base) + 24, i, fixed_len;
	char *name = malloc(name_len), *fixed = NULL;
	lede_status_t st;

	if (!name)
		return LEDE_NOMEM;
	snprintf(name, name_len, "%s#%zu", base, recno);
	for (i = 0; i < n; i++)
		if (s[i] == '>' && (i == 0 || s[i - 1] == '\n') &&
		    is_quoted_from(s + i, n - i))
			break;
	if (i < n) {
		fixed = unquote_from(s, n, &fixed_len);
		if (!fixed) {
			free(name);
			return LEDE_NOMEM;
		}
		s = fixed;
		n = fixed_len;
	}
	sub.name = name;
	m->r = &sub;
	m->line_base = 0;
	st = read_one(m, s, n, r->name ? name : NULL, 1);
	end_message(m);
	m->r = r;
	free(fixed);
	free(name);
	return st;
}

lede_status_t ldi_read_mbox(const ldi_reader_t *r, const char *buf,
			    size_t len)
{
	msg_t m;
	lede_status_t st = LEDE_OK;
	size_t pos = 0, recno = 0, emitted = 0;

	if (!buf)
		len = 0;
	/* Blank lines before the first message are nothing. */
	while (pos < len) {
		size_t next, n = line_at(buf, len, pos, &next), k;

		for (k = 0; k < n && is_space(buf[pos + k]); k++)
			;
		if (k < n)
			break;
		pos = next;
	}
	if (pos >= len) {
		ldi_warn(r, 0, "no messages (%s input)",
			 len ? "blank" : "empty");
		return LEDE_BAD_INPUT;
	}
	memset(&m, 0, sizeof m);
	m.r = r;
	while (pos < len) {
		size_t end = next_from_line(buf, len, pos);

		st = read_record(&m, r, buf + pos, end - pos, ++recno);
		if (st == LEDE_OK)
			emitted++;
		else if (st != LEDE_BAD_INPUT)
			break;
		pos = end;
	}
	msg_free(&m);
	if (st == LEDE_DONE || st == LEDE_NOMEM)
		return st;
	return emitted ? LEDE_OK : LEDE_BAD_INPUT;
}
