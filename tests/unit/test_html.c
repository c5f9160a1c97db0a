/* test_html.c: unit tests for html_text (fragments to text) and the HTML
 * page reader.
 * SPDX-License-Identifier: MIT
 *
 * Usage: test_html FIXTURES_DIR (tests/fixtures/formats).
 */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "html_text.h"

/* One html_to_text case: input, expected text. */
struct text_case {
	const char *html;
	const char *want;
};

static const struct text_case text_cases[] = {
	{"", ""},
	{"   \n\t ", ""},
	{"plain words", "plain words"},
	{"  plain \n\n words  ", "plain words"},
	{"<p>One</p><p>Two</p>", "One\n\nTwo"},
	{"<p>One<br>two</p>", "One\ntwo"},
	{"One<br><br>Two", "One\n\nTwo"},
	{"One<br/>\n<br />Two", "One\n\nTwo"},
	{"<b>bold</b> <i>and</i><em>glued</em>", "bold andglued"},
	{"Fish &amp; chips &lt;3 &#8364;5 &#x2019;s&nbsp;&nbsp;x",
	 "Fish & chips <3 \xE2\x82\xAC" "5 \xE2\x80\x99s x"},
	{"<div><h2>Cross</h2>Text <a href=\"/x\">link</a>.</div>",
	 "Cross\n\nText link."},
	{"<ul><li>a</li><li>b</li></ul>after", "a\n\nb\n\nafter"},
	{"<table><tr><td>1</td><td>2</td></tr><tr><th>3</th></tr></table>",
	 "1 2\n\n3"},
	{"Hi<script>var x = '<p>no</p>';</script> there", "Hi there"},
	{"<style>p { color: red }</style><p>Styled</p>", "Styled"},
	{"<noscript>Enable JS</noscript><iframe src=x>frame</iframe>ok",
	 "ok"},
	{"<img src=\"a.jpg\" alt=\"A photo\"> Caption", "Caption"},
	{"<!-- a comment --><p>text</p>", "text"},
	{"<p>Unclosed <b>bold <i>both", "Unclosed bold both"},
	{"</p></div>stray closers", "stray closers"},
	{"a < b and c > d", "a < b and c > d"},
	{"<html><head><title>T</title><meta charset=latin1></head>"
	 "<body><p>caf\xC3\xA9</p></body></html>",
	 "caf\xC3\xA9"},
	{"<p>\xE6\x97\xA5\xE6\x9C\xAC</p>", "\xE6\x97\xA5\xE6\x9C\xAC"},
	{"<blockquote>Quoted</blockquote>said", "Quoted\n\nsaid"},
};

static void test_html_to_text(void)
{
	size_t i, n;

	for (i = 0; i < sizeof text_cases / sizeof text_cases[0]; i++) {
		const struct text_case *c = &text_cases[i];
		char *got = ldi_html_to_text(c->html, strlen(c->html), &n);

		if (!got || strcmp(got, c->want)) {
			fprintf(stderr, "case %zu: \"%s\"\n", i, c->html);
			CHECK_STR(got, c->want);
		} else {
			CHECK_INT(n, strlen(c->want));
		}
		free(got);
	}

	/* Length, not NUL, ends the input; out_len may be NULL. */
	{
		char *got = ldi_html_to_text("<b>ab</b>cd", 7, NULL);

		CHECK_STR(got, "ab");
		free(got);
		got = ldi_html_to_text(NULL, 0, &n);
		CHECK_STR(got, "");
		CHECK_INT(n, 0);
		free(got);
	}
}

static void test_has_markup(void)
{
	CHECK_INT(ldi_html_has_markup("", 0), 0);
	CHECK_INT(ldi_html_has_markup("plain text", 10), 0);
	CHECK_INT(ldi_html_has_markup("a < b", 5), 0);
	CHECK_INT(ldi_html_has_markup("x<", 2), 0);
	CHECK_INT(ldi_html_has_markup("AT&T", 4), 0);
	CHECK_INT(ldi_html_has_markup("fish & chips; more", 18), 0);
	CHECK_INT(ldi_html_has_markup("&amp", 4), 0);
	CHECK_INT(ldi_html_has_markup("&#;", 3), 0);
	CHECK_INT(ldi_html_has_markup("&#x;", 4), 0);
	CHECK_INT(ldi_html_has_markup("<p>", 3), 1);
	CHECK_INT(ldi_html_has_markup("x</p", 4), 1);
	CHECK_INT(ldi_html_has_markup("<!-- c -->", 10), 1);
	CHECK_INT(ldi_html_has_markup("Tom &amp; Jerry", 15), 1);
	CHECK_INT(ldi_html_has_markup("&#8217;", 7), 1);
	CHECK_INT(ldi_html_has_markup("&#x2019;", 8), 1);
	CHECK_INT(ldi_html_has_markup("&eacute;", 8), 1);
	/* Only len bytes are looked at. */
	CHECK_INT(ldi_html_has_markup("ab<p>", 3), 0);
}

int main(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	test_has_markup();
	test_html_to_text();
	return CHECK_DONE();
}
