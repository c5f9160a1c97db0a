/* url.c: source and section from a link or a folder name.
 * SPDX-License-Identifier: MIT
 */
#include <string.h>

#include "url.h"

static char lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

static int is_alpha(char c)
{
	c = lower(c);
	return c >= 'a' && c <= 'z';
}

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static int prefix_is(const char *s, const char *prefix)
{
	size_t i;

	for (i = 0; prefix[i]; i++)
		if (lower(s[i]) != prefix[i])
			return 0;
	return 1;
}

int ldi_is_url(const char *s)
{
	return s && (prefix_is(s, "http://") || prefix_is(s, "https://"));
}

/* Where the host starts and how long it is, past scheme and
 * credentials; 0 when url is not http(s). */
static int host_span(const char *url, const char **host, size_t *len)
{
	const char *h, *end, *at;

	if (!ldi_is_url(url))
		return 0;
	h = strstr(url, "://") + 3;
	end = h + strcspn(h, "/?#");
	at = memchr(h, '@', (size_t)(end - h));
	if (at)
		h = at + 1;
	*host = h;
	*len = strcspn(h, ":/?#");
	return *len > 0;
}

int ldi_url_host(const char *url, char *buf, size_t size)
{
	static const char *const strip[] = {"www.", "m.", "feeds.", "rss.",
					    "amp."};
	const char *h;
	size_t n, i;

	if (!host_span(url, &h, &n))
		return 0;
	for (i = 0; i < sizeof strip / sizeof strip[0]; i++) {
		size_t k = strlen(strip[i]);

		/* Only when a dot is left after it: "m.com" stays. */
		if (n > k && prefix_is(h, strip[i]) &&
		    memchr(h + k, '.', n - k)) {
			h += k;
			n -= k;
			break;
		}
	}
	if (n + 1 > size)
		return 0;
	for (i = 0; i < n; i++)
		buf[i] = lower(h[i]);
	buf[n] = '\0';
	return 1;
}

static int all_digits_or_dashes(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!is_digit(s[i]) && s[i] != '-' && s[i] != '_')
			return 0;
	return 1;
}

/* 1 when s (n bytes, any case) is one of the lower-case words. */
static int one_of(const char *const *words, size_t count, const char *s,
		  size_t n)
{
	size_t i, k;

	for (i = 0; i < count; i++) {
		if (strlen(words[i]) != n)
			continue;
		for (k = 0; k < n && lower(s[k]) == words[i][k]; k++)
			;
		if (k == n)
			return 1;
	}
	return 0;
}

/* Words that name no section, in paths and in folder names. */
static int is_generic(const char *s, size_t n)
{
	static const char *const words[] = {
		"article", "articles", "story", "stories", "amp", "live",
		"www", "web", "content", "entry", "post", "posts", "p",
		"a", "item", "items", "video", "videos", "watch", "id",
		"html", "index", "pages", "page", "data", "tmp", "temp",
		"export", "exports", "archive", "archives", "corpus",
		"dump", "files", "input", "feeds", "feed", "rss", "home",
		"en", "pl", "de", "fr", "es", "it", "uk", "us", "gb",
		"en-gb", "en-us", "static", "s", "n", "r", "x", "go",
		/* CMS plumbing seen in feed links: /category/NAME/ */
		"category", "categories", "section", "sections", "tag",
		"tags", "topic", "topics"};

	return one_of(words, sizeof words / sizeof words[0], s, n);
}

static int ends_search(const char *s, size_t n)
{
	static const char *const words[] = {"sites", "site", "node",
					    "nodes", "author", "authors",
					    "people", "user", "users"};

	return one_of(words, sizeof words / sizeof words[0], s, n);
}

static int good_segment(const char *s, size_t n)
{
	size_t i;
	int letters = 0;

	if (n < 2 || n > 40 || all_digits_or_dashes(s, n) ||
	    is_generic(s, n))
		return 0;
	for (i = 0; i < n; i++) {
		if (is_alpha(s[i]))
			letters++;
		else if (!is_digit(s[i]) && s[i] != '-' && s[i] != '_')
			return 0;
	}
	/* "a1b2c3d4": an id, not a name. */
	return letters * 2 > (int)n;
}

int ldi_url_section(const char *url, char *buf, size_t size)
{
	const char *h, *p;
	size_t n;

	if (!host_span(url, &h, &n))
		return 0;
	p = h + n;
	p += strcspn(p, "/?#");
	while (*p == '/') {
		const char *seg = p + 1;
		size_t len = strcspn(seg, "/?#");

		/* The last segment is the article's slug. */
		if (seg[len] != '/')
			return 0;
		/* What follows these is an author or a number, not a
		 * section: forbes.com/sites/NAME/, Drupal's /node/123. */
		if (ends_search(seg, len))
			return 0;
		if (good_segment(seg, len)) {
			size_t i;

			if (len + 1 > size)
				return 0;
			for (i = 0; i < len; i++)
				buf[i] = lower(seg[i]);
			buf[len] = '\0';
			return 1;
		}
		p = seg + len;
	}
	return 0;
}

int ldi_folder_is_section(const char *name, size_t len)
{
	return len > 0 && len <= 64 && !all_digits_or_dashes(name, len) &&
	       !is_generic(name, len) && name[0] != '.';
}
