/* byline.c: authors' names in bylines and biographies.
 * SPDX-License-Identifier: MIT
 *
 * A name is known by its shape alone (capitalised words, initials,
 * particles): no list of people could be complete. That shape fits much
 * that is no name ("By Christmas Day", "By Staff Reporter"), so each
 * rule narrows it by context: words that start sentences or give titles,
 * a line that ends a sentence, a role noun that must follow a
 * biography's name.
 */
#include <string.h>

#include "byline.h"
#include "text_line.h"

/* A byline line is short: a name or three and a role. */
#define BYLINE_MAX_CHARS 100

/* A biography is a sentence or two; a longer last paragraph is prose. */
#define BIO_MAX_WORDS 60

/* The role noun must come within this many words of "is a". */
#define BIO_ROLE_WITHIN 8

/* ---- Names ------------------------------------------------------------- */

/* Nouns that say someone writes or broadcasts for a living. */
static const char *const role_nouns[] = {
	"correspondent", "reporter", "editor", "writer", "columnist",
	"journalist", "analyst", "presenter", "producer", "commentator",
	"contributor",
};

/* Titles and the like: beside a name in a byline ("Jane Smith, Chief
 * Executive"), never part of it. */
static const char *const title_nouns[] = {
	"attorney", "chairman", "chairwoman", "chief", "director",
	"executive", "founder", "head", "lawyer", "manager", "minister",
	"officer", "president", "professor", "secretary", "spokesman",
	"spokeswoman", "staff", "team", "desk",
};

/* Is the word s[0..len), in any case (and, with `plural`, perhaps with
 * an 's' added), in list[0..n)? */
static int word_in(const char *const *list, size_t n, const char *s,
		   size_t len, int plural)
{
	size_t k, w;

	for (k = 0; k < n; k++) {
		w = strlen(list[k]);
		if ((w == len || (plural && w + 1 == len && s[w] == 's')) &&
		    ldi_starts_with_ci(s, list[k]))
			return 1;
	}
	return 0;
}

/* Is the word s[0..len) a role ("editor", "sub-editor", "writers")? */
static int is_role_noun(const char *s, size_t len)
{
	size_t i;

	for (i = len; i > 0 && s[i - 1] != '-'; i--)
		;
	return word_in(role_nouns, sizeof role_nouns / sizeof role_nouns[0],
		       s + i, len - i, 1);
}

/* Can the word s[0..len) not be part of a person's name? */
static int is_title_noun(const char *s, size_t len)
{
	return is_role_noun(s, len) ||
	       word_in(title_nouns, sizeof title_nouns / sizeof title_nouns[0],
		       s, len, 1);
}

/* Capitalised words that are no part of a name, though shaped like one:
 * "By Christmas Eve, ..." and "By Monday Morning ..." start sentences. */
static const char *const not_names[] = {
	"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
	"Sunday", "Christmas", "Easter", "Boxing", "Eve",
};

/* Capitalised words that begin sentences rather than names. */
static const char *const not_first_names[] = {
	"The", "A", "An", "This", "That", "These", "Those", "It", "He", "She",
	"They", "We", "I", "His", "Her", "Its", "Our", "Their", "My", "Your",
	"Mr", "Mrs", "Ms", "Dr", "Sir",
};

/* Lower-case words that join the parts of a name. */
static const char *const particles[] = {
	"de", "da", "del", "della", "der", "den", "di", "do", "dos", "das",
	"du", "des", "la", "le", "van", "von", "ter", "ten", "bin", "bint",
	"ibn", "al", "el", "y",
};

static int in_list(const char *const *list, size_t n, const char *s,
		   size_t len)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strlen(list[i]) == len && !memcmp(list[i], s, len))
			return 1;
	return 0;
}

enum { W_OTHER, W_CAPITAL, W_INITIAL, W_PARTICLE };

/* The word at s: letters, with single hyphens and apostrophes inside
 * ("Nowak-Kowalski", "O'Brien"). Its length goes to *len; returns what
 * sort of name part it is. A capitalised word needs a lower-case letter,
 * so that "BBC" in "By Jane Smith, BBC News" is no part of a name. */
static int name_word(const char *s, size_t *len)
{
	size_t i = 0, n, n_first, n_next;
	int32_t first = ldi_decode(s, &n_first), cp = first;
	int has_lower = 0;

	n = n_first;
	while (ldi_is_letter(cp)) {
		has_lower |= ldi_is_lower(cp);
		i += n;
		cp = ldi_decode(s + i, &n);
		if ((cp == '-' || cp == '\'' || cp == 0x2019) &&
		    ldi_is_letter(ldi_decode(s + i + n, &n_next))) {
			i += n;
			cp = ldi_decode(s + i, &n);
		}
	}
	*len = i;
	if (i == 0)
		return W_OTHER;
	if (i == n_first && ldi_is_upper(first) && s[i] == '.') {
		*len = i + 1;
		return W_INITIAL;
	}
	if (in_list(particles, sizeof particles / sizeof particles[0], s, i))
		return W_PARTICLE;
	if (ldi_is_upper(first) && has_lower && !is_title_noun(s, i) &&
	    !in_list(not_names, sizeof not_names / sizeof not_names[0], s, i))
		return W_CAPITAL;
	return W_OTHER;
}

/* Words are taken while they are name parts, spaces between them; the
 * name ends at its last capitalised word, so that an initial or a
 * particle after it ("Jane Smith de") is left out. */
size_t ldi_parse_name(const char *s)
{
	size_t i = 0, end = 0, len, n_parts = 0, n_particles = 0;
	size_t parts_at_end = 0;
	int kind;

	for (;;) {
		kind = name_word(s + i, &len);
		if (kind == W_OTHER)
			break;
		if (i == 0 && (kind == W_PARTICLE ||
			       in_list(not_first_names,
				       sizeof not_first_names /
					       sizeof not_first_names[0],
				       s, len)))
			return 0;
		if (kind == W_PARTICLE) {
			if (++n_particles > 3)
				return 0;
		} else if (++n_parts > 4) {
			return 0;
		}
		i += len;
		if (kind == W_CAPITAL) {
			end = i;
			parts_at_end = n_parts;
		}
		if (s[i] != ' ')
			break;
		while (s[i] == ' ')
			i++;
	}
	return parts_at_end >= 2 ? end : 0;
}

/* ---- Bylines ----------------------------------------------------------- */

int ldi_has_role_word(const char *s, size_t len)
{
	size_t i = 0, k;

	while (i < len) {
		for (k = i; k < len && !ldi_is_space(s[k]) && s[k] != ','; k++)
			;
		if (is_role_noun(s + i, k - i) ||
		    (k - i == 4 && !memcmp(s + i, "News", 4)))
			return 1;
		i = k + 1;
	}
	return 0;
}

/* Verbs a sentence has and a byline's role does not. */
static const char *const role_verbs[] = {
	"is", "are", "was", "were", "be", "been", "has", "have", "had",
	"will", "would", "can", "could", "said", "says", "did", "does", "do",
};

int ldi_is_role(const char *s, size_t len)
{
	size_t i = 0, k;

	if (!ldi_is_short(s, len) || ldi_ends_full_stop(s, len) ||
	    !(ldi_starts_capital(s) || ldi_has_role_word(s, len)))
		return 0;
	while (i < len) {
		for (k = i; k < len && !ldi_is_space(s[k]) && s[k] != ','; k++)
			;
		if (word_in(role_verbs,
			    sizeof role_verbs / sizeof role_verbs[0], s + i,
			    k - i, 0))
			return 0;
		i = k + 1;
	}
	return 1;
}

/* " in Kyiv", " in New York" after a byline's name: its length. */
static size_t skip_place(const char *s)
{
	size_t i = 4, end = 0, len, n;

	if (strncmp(s, " in ", 4) != 0)
		return 0;
	for (n = 0; n < 3 && name_word(s + i, &len) == W_CAPITAL; n++) {
		i += len;
		end = i;
		if (s[i] != ' ')
			break;
		i++;
	}
	return end;
}

/* Does s hold the rest of a list of names, "B, C and D", up to the end
 * of the line or a comma before a role? A comma after a byline's first
 * name starts either such a list or a role ("Biometric Privacy & Data
 * Privacy Attorney" is a role: its last "name" runs into "Attorney"). */
static int more_names(const char *s)
{
	size_t k;
	int last = 0;

	for (;;) {
		k = ldi_parse_name(s);
		if (!k)
			return 0;
		s += k;
		s += skip_place(s);
		if (last)
			return *s == '\0' || *s == '\n' || *s == ',';
		if (!strncmp(s, " and ", 5)) {
			s += 5;
			last = 1;
		} else if (!strncmp(s, " & ", 3)) {
			s += 3;
			last = 1;
		} else if (!strncmp(s, ", ", 2)) {
			s += 2;
		} else {
			return 0;
		}
	}
}

/* "By the end of the year, ..." fails on its own first word, but "By
 * Christmas Day, sales had doubled." only on its full stop: a byline is
 * never a sentence. */
int ldi_parse_byline(const char *s, size_t len, ldi_span_t *names,
		     size_t *n)
{
	size_t i = 3, k;
	int last = 0;

	*n = 0;
	if (len < 3 || strncmp(s, "By ", 3) != 0 ||
	    ldi_n_chars(s, len) > BYLINE_MAX_CHARS || ldi_ends_sentence(s, len))
		return 0;
	for (;;) {
		k = ldi_parse_name(s + i);
		if (!k)
			return 0;
		if (*n < LDI_MAX_AUTHORS) {
			names[*n].s = s + i;
			names[*n].len = k;
			(*n)++;
		}
		i += k;
		i += skip_place(s + i);
		if (last)
			break;
		if (!strncmp(s + i, " and ", 5)) {
			i += 5;
			last = 1;
		} else if (!strncmp(s + i, " & ", 3)) {
			i += 3;
			last = 1;
		} else if (!strncmp(s + i, ", ", 2) && more_names(s + i + 2)) {
			i += 2;
		} else {
			break;
		}
	}
	/* Then nothing, a comma (the role on the next line), or a comma
	 * and a role: "By Jane Smith Managing Director" is no byline. */
	if (i == len)
		return 1;
	if (s[i] != ',')
		return 0;
	for (i++; i < len && ldi_is_blank(s[i]); i++)
		;
	return i == len || ldi_is_role(s + i, len - i);
}

/* ---- Biographies ------------------------------------------------------- */

/* Does the word s[0..len) end a sentence? "said." does, but neither an
 * initial ("K.") nor an abbreviation ("U.S.") does. */
static int word_ends_sentence(const char *s, size_t len)
{
	char c = len ? s[len - 1] : '\0';

	if (c == '!' || c == '?')
		return 1;
	if (c != '.' || len < 3)
		return 0;
	return memchr(s, '.', len - 1) == NULL;
}

/* Does a role noun come within BIO_ROLE_WITHIN words of s, before the
 * sentence ends ("the BBC's health correspondent", "a freelance writer
 * based in Kraków")? */
static int role_follows(const char *s)
{
	size_t n, len, k;

	for (n = 0; n < BIO_ROLE_WITHIN && *s; n++) {
		for (len = 0; s[len] && !ldi_is_space(s[len]); len++)
			;
		for (k = len; k > 0 && strchr(",.;:!?", s[k - 1]); k--)
			;
		if (is_role_noun(s, k))
			return 1;
		if (word_ends_sentence(s, len))
			return 0;
		s += len;
		while (ldi_is_space(*s))
			s++;
	}
	return 0;
}

/* The article word after " is " tells a description ("is a", "is the")
 * from a verb phrase ("is expected"); the role noun then tells an
 * author's description from anyone else's. */
size_t ldi_parse_bio(const char *s)
{
	size_t k = ldi_parse_name(s);
	const char *w;

	if (!k || strncmp(s + k, " is ", 4) != 0)
		return 0;
	w = s + k + 4;
	if (!strncmp(w, "a ", 2))
		w += 2;
	else if (!strncmp(w, "an ", 3))
		w += 3;
	else if (!strncmp(w, "the ", 4))
		w += 4;
	else
		return 0;
	if (ldi_count_words(s, strlen(s)) > BIO_MAX_WORDS || !role_follows(w))
		return 0;
	return k;
}
