/* url.h: what a link says about where an article comes from (internal).
 * SPDX-License-Identifier: MIT
 *
 * Many records carry only a link: feed archives, JSON exports, saved
 * pages. Its host names the outlet and its path often names the section
 * (theguardian.com/world/..., bbc.co.uk/sport/...), so lede fills source
 * and section from it when the record gives neither.
 */
#ifndef LEDE_URL_H
#define LEDE_URL_H

#include <stddef.h>

/* 1 when s starts with "http://" or "https://" (any case). */
int ldi_is_url(const char *s);

/* The host of an http(s) URL, lower-cased, without "www.", "m.",
 * "feeds." or "rss." in front and without port or credentials:
 * "https://www.BBC.co.uk:443/news/x" gives "bbc.co.uk". Written to buf
 * (size bytes); 0 when url has no host or it does not fit. */
int ldi_url_host(const char *url, char *buf, size_t size);

/* The first path segment that names a section: letters, digits and
 * hyphens, at least one letter, 2 to 40 bytes, not the last segment (that
 * is the article's own slug), not a date or number ("2023", "10"), not a
 * file ("index.html"), not a language code ("en", "pl") and not a word
 * that names no section ("article", "story", "amp", "live", ...).
 * Lower-cased into buf; 0 when there is none. */
int ldi_url_section(const char *url, char *buf, size_t size);

/* 1 when a folder name can be a section: it is not a date or a number
 * ("2023-10-01", "07") and not one of the names of folders that hold
 * anything ("data", "articles", "tmp", ...). */
int ldi_folder_is_section(const char *name, size_t len);

#endif /* LEDE_URL_H */
