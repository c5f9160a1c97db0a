/* language.h: which language an article is in, and what that changes.
 * SPDX-License-Identifier: MIT
 *
 * The language picks the Snowball stemmer (among those Xapian ships) and
 * the stopword list lede carries (Debian ships none for Xapian). It comes
 * from the article's metadata when it has one, else from a cheap guess:
 * the script of the letters, then which language's stopwords the text is
 * full of. A language Xapian has no stemmer for is indexed unstemmed.
 */
#ifndef LEDE_LANGUAGE_H
#define LEDE_LANGUAGE_H

#include <stddef.h>

/* The canonical code (ISO 639-1, lower case: "en", "pl", "pt") of a
 * language tag as metadata gives it: BCP 47 ("en-US", "pt_BR", "EN"),
 * ISO 639-2 ("pol", "eng") or an English name ("Polish", "english").
 * NULL when the tag is empty or names no language lede knows. The string
 * is static. */
const char *ldi_language_code(const char *tag, size_t len);

/* The name of Xapian's Snowball stemmer for a canonical code ("english"
 * for "en"), or NULL when Xapian 1.4 has none (e.g. "pl", "ja"). */
const char *ldi_language_stemmer(const char *code);

/* Guesses the language of text (UTF-8) from its first few thousand bytes:
 * kana -> "ja", Hangul -> "ko", Han alone -> "zh", then Cyrillic, Greek,
 * Arabic, Hebrew, Thai and other scripts with one dominant language; for
 * Latin script, the language whose stopwords make up the largest share of
 * the words, if that share is clear enough. NULL when the evidence is too
 * weak (short or mixed text). Static string. */
const char *ldi_language_detect(const char *text, size_t len);

/* 1 if the folded term (as ldi_analyze makes it: lower case, no accents)
 * is a stopword of the language `code`; 0 otherwise or for languages
 * without a list. */
int ldi_is_stopword(const char *code, const char *term, size_t len);

/* The stopword list of `code`, sorted, *count entries; NULL (and *count 0)
 * for languages without one. Static. For tests and tools. */
const char *const *ldi_language_stopwords(const char *code, size_t *count);

#endif /* LEDE_LANGUAGE_H */
