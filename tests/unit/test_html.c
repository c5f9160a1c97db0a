/* test_html.c: unit tests for html_text (fragments to text) and the HTML
 * page reader.
 * SPDX-License-Identifier: MIT
 *
 * Usage: test_html FIXTURES_DIR (tests/fixtures/formats).
 */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "hash.h"
#include "html_text.h"
#include "lede.h"
#include "reader.h"

#define MAX_SEEN 8
#include "reader_check.h"

/* Reads len bytes of buf (LEDE_NTS: a C string) as a page into s. */
static lede_status_t read_page(struct seen *s, const char *name,
			       const char *buf, size_t len)
{
	return seen_read(s, ldi_read_html, name, buf, len);
}

static lede_status_t read_fixture(struct seen *s, const char *file)
{
	return seen_read_file(s, ldi_read_html, file);
}

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


static void test_page_jsonld(void)
{
	struct seen s = {0};

	CHECK_INT(read_fixture(&s, "news-jsonld.html"), LEDE_OK);
	CHECK_INT(s.n, 1);
	CHECK_INT(s.n_warn, 0);
	if (s.n != 1)
		goto out;
	/* JSON-LD wins over Open Graph and the other meta tags. */
	CHECK_STR(s.id[0],
		  "https://www.northerncourier.example/news/york-floods-2023");
	CHECK_STR(s.url[0], s.id[0]);
	CHECK_STR(s.headline[0],
		  "Flood defences hold as River Ouse peaks in York");
	CHECK_STR(s.authors[0], "Helen Marsh|Tom O'Brien");
	CHECK_INT(s.date[0], 1698912900); /* 2023-11-02T08:15:00Z */
	CHECK_STR(s.source[0], "The Northern Courier");
	CHECK_STR(s.section[0], "UK News");
	CHECK_STR(s.language[0], "en-gb");
	CHECK_STR(s.tags[0], "Flooding|York|River Ouse|Environment Agency");
	CHECK_STR(s.body[0],
		  "Flood defences in York held overnight as the River Ouse "
		  "reached its highest level for three years, the Environment "
		  "Agency said.\n\n"
		  "The river peaked at 4.9 metres above its normal level "
		  "shortly after 6am on Thursday \xE2\x80\x93 just below the "
		  "5.2m record set in 2000.\n\n"
		  "Roads closed\n\n"
		  "Several roads near the city centre remain closed, and "
		  "residents of Clifton were told to expect \xE2\x80\x9C"
		  "further disruption\xE2\x80\x9D into the weekend.\n\n"
		  "Council leader Claire Douglas said the barriers had "
		  "\xE2\x80\x9C" "done exactly what they were built to "
		  "do\xE2\x80\x9D.\n\n"
		  "The agency will review the barriers next month.");
	/* Furniture, adverts and code: none of it in the body. */
	CHECK(!contains(s.body[0], "cookies"));
	CHECK(!contains(s.body[0], "Sport"));
	CHECK(!contains(s.body[0], "Advertisement"));
	CHECK(!contains(s.body[0], "Sponsored"));
	CHECK(!contains(s.body[0], "googletag"));
	CHECK(!contains(s.body[0], "TRACKING"));
	CHECK(!contains(s.body[0], "Share on"));
	CHECK(!contains(s.body[0], "Photograph"));
	CHECK(!contains(s.body[0], "Read more"));
	CHECK(!contains(s.body[0], "Related stories"));
	CHECK(!contains(s.body[0], "morning briefing"));
	CHECK(!contains(s.body[0], "First!"));
	CHECK(!contains(s.body[0], "Most read"));
	CHECK(!contains(s.body[0], "rights reserved"));
	CHECK(!contains(s.body[0], "By Helen"));
out:
	seen_free(&s);
}

static void test_page_open_graph(void)
{
	struct seen s = {0};

	CHECK_INT(read_fixture(&s, "og-only.html"), LEDE_OK);
	CHECK_INT(s.n, 1);
	CHECK_INT(s.n_warn, 0);
	if (s.n != 1)
		goto out;
	CHECK_STR(s.id[0], "https://coastline.example/2024/03/harbour-wall");
	CHECK_STR(s.url[0], s.id[0]);
	/* " - Coastline Daily" is the site's name: cut. */
	CHECK_STR(s.headline[0], "Harbour wall repairs to cost \xC2\xA3" "3m");
	/* The Facebook page given as article:author is not a name. */
	CHECK_STR(s.authors[0], "Priya Nair");
	CHECK_INT(s.date[0], 1709645400); /* 2024-03-05T13:30:00Z */
	CHECK_STR(s.source[0], "Coastline Daily");
	CHECK_STR(s.section[0], "Local");
	CHECK_STR(s.language[0], "en-gb");
	/* article:tag wins over keywords; "harbour" repeats "Harbour". */
	CHECK_STR(s.tags[0], "Harbour|Council budget");
	CHECK_STR(s.body[0],
		  "Repairs to the storm-damaged harbour wall at Porthmellin "
		  "will cost about \xC2\xA3" "3m, the council has said.\n\n"
		  "Work is due to start in May\nand to last six months.");
out:
	seen_free(&s);
}

static void test_page_without_article(void)
{
	struct seen s = {0};

	CHECK_INT(read_fixture(&s, "plain-page.html"), LEDE_OK);
	CHECK_INT(s.n, 1);
	CHECK_INT(s.n_warn, 0);
	if (s.n != 1)
		goto out;
	/* No canonical URL: the name is the id. */
	CHECK_STR(s.id[0], "plain-page.html");
	CHECK_STR(s.url[0], NULL);
	/* Of two <h1>, the one the title repeats, not the logo. */
	CHECK_STR(s.headline[0], "Council approves bridge repairs");
	CHECK_STR(s.authors[0], "Sam Patel");
	CHECK_STR(s.tags[0], "bridges|council|transport");
	CHECK_INT(s.date[0], 1655164800); /* 2022-06-14 */
	CHECK_STR(s.source[0], NULL);
	CHECK_STR(s.language[0], NULL);
	CHECK_STR(s.body[0],
		  "The town council voted on Tuesday to repair the old stone "
		  "bridge over the Wey.\n\n"
		  "The bridge has been closed to traffic since March.");
out:
	seen_free(&s);
}

static void test_page_charsets(void)
{
	struct seen s = {0};
	static const char utf16[] =
		"\xFF\xFE<\0p\0>\0c\0a\0f\0\xE9\0<\0/\0p\0>\0";

	/* Declared ISO-8859-1, read as windows-1252: 0x93 is a quote. */
	CHECK_INT(read_fixture(&s, "latin1.html"), LEDE_OK);
	CHECK_INT(s.n_warn, 0);
	CHECK_STR(s.headline[0], "Caf\xC3\xA9s : les loyers inqui\xC3\xA8"
				 "tent les g\xC3\xA9rants");
	CHECK_STR(s.source[0], "Le Petit Journal");
	CHECK_STR(s.language[0], "fr");
	CHECK_INT(s.date[0], LEDE_NO_DATE);
	CHECK_STR(s.body[0],
		  "\xC2\xAB Nous ne tiendrons pas \xC2\xBB, confie la "
		  "g\xC3\xA9rante du caf\xC3\xA9 de la gare.\n\n"
		  "Les loyers ont augment\xC3\xA9 de 20 % en deux ans "
		  "\xE2\x80\x93 un \xE2\x80\x9Crecord\xE2\x80\x9D.");

	/* Nothing declared: valid UTF-8 is UTF-8, else windows-1252. */
	CHECK_INT(read_page(&s, "u.html", "<p>caf\xC3\xA9</p>", LEDE_NTS),
		  LEDE_OK);
	CHECK_STR(s.body[0], "caf\xC3\xA9");
	CHECK_INT(s.n_warn, 0);
	CHECK_INT(read_page(&s, "w.html", "<p>caf\xE9 \x80" "5</p>",
			    LEDE_NTS),
		  LEDE_OK);
	CHECK_STR(s.body[0], "caf\xC3\xA9 \xE2\x82\xAC" "5");
	CHECK_INT(s.n_warn, 0);
	/* windows-1252 leaves five bytes undefined: each is one U+FFFD,
	 * and the page goes on after it. */
	CHECK_INT(read_page(&s, "w.html",
			    "<meta charset=windows-1252><p>a\x9D" "b \xE9</p>",
			    LEDE_NTS),
		  LEDE_OK);
	CHECK_STR(s.body[0], "a\xEF\xBF\xBD" "b \xC3\xA9");
	CHECK_INT(s.n_warn, 1);
	CHECK_STR(s.warning[0],
		  "invalid windows-1252: 1 byte replaced by U+FFFD");

	/* Declared UTF-8 with a broken byte: repaired, and said so. */
	CHECK_INT(read_page(&s, "b.html",
			    "<meta charset=\"utf-8\"><p>caf\xE9 cr\xC3\xA8me</p>",
			    LEDE_NTS),
		  LEDE_OK);
	CHECK_STR(s.body[0], "caf\xEF\xBF\xBD cr\xC3\xA8me");
	CHECK_INT(s.n_warn, 1);
	CHECK_STR(s.where[0], "b.html");
	CHECK_STR(s.warning[0], "invalid UTF-8: 1 byte replaced by U+FFFD");

	/* http-equiv, an XML declaration, a charset libxml2 lacks, one
	 * inside a comment (which does not count). */
	CHECK_INT(read_page(&s, "e.html",
			    "<meta http-equiv=content-type content='text/html;"
			    " charset=koi8-r'><p>\xC4\xC1</p>",
			    LEDE_NTS),
		  LEDE_OK);
	CHECK_STR(s.body[0], "\xD0\xB4\xD0\xB0");
	CHECK_INT(read_page(&s, "x.html",
			    "<?xml version=\"1.0\" encoding=\"ISO-8859-15\"?>"
			    "<html><p>\xA4</p></html>",
			    LEDE_NTS),
		  LEDE_OK);
	CHECK_STR(s.body[0], "\xE2\x82\xAC");
	CHECK_INT(read_page(&s, "k.html",
			    "<meta charset=x-klingon><p>caf\xC3\xA9</p>",
			    LEDE_NTS),
		  LEDE_OK);
	CHECK_STR(s.body[0], "caf\xC3\xA9");
	CHECK_INT(s.n_warn, 1);
	CHECK_STR(s.warning[0], "unknown charset 'x-klingon'; read as UTF-8");
	CHECK_INT(read_page(&s, "c.html",
			    "<!-- <meta charset=koi8-r> --><p>caf\xC3\xA9</p>",
			    LEDE_NTS),
		  LEDE_OK);
	CHECK_STR(s.body[0], "caf\xC3\xA9");

	CHECK_INT(read_page(&s, "k.html",
			    "<meta charset=x-klingon><p>caf\xE9</p>",
			    LEDE_NTS),
		  LEDE_OK);
	CHECK_STR(s.body[0], "caf\xC3\xA9");
	CHECK_INT(s.n_warn, 1);
	CHECK_STR(s.warning[0],
		  "unknown charset 'x-klingon'; read as windows-1252");

	/* Labels read as charset.c reads them for mail too: UTF-8 with no
	 * valid multi-byte character was never UTF-8; us-ascii over UTF-8
	 * is UTF-8; gb2312 is GB18030. A <meta> that says UTF-16 is
	 * ASCII, so it is not UTF-16. */
	CHECK_INT(read_page(&s, "l.html",
			    "<meta charset=utf-8><p>caf\xE9</p>", LEDE_NTS),
		  LEDE_OK);
	CHECK_STR(s.body[0], "caf\xC3\xA9");
	CHECK_INT(s.n_warn, 0);
	CHECK_INT(read_page(&s, "a.html",
			    "<meta charset=us-ascii><p>caf\xC3\xA9</p>",
			    LEDE_NTS),
		  LEDE_OK);
	CHECK_STR(s.body[0], "caf\xC3\xA9");
	CHECK_INT(read_page(&s, "g.html",
			    "<meta charset=gb2312><p>\x81\x40</p>", LEDE_NTS),
		  LEDE_OK);
	CHECK_STR(s.body[0], "\xE4\xB8\x82");
	CHECK_INT(s.n_warn, 0);
	CHECK_INT(read_page(&s, "16.html",
			    "<meta charset=utf-16><p>caf\xC3\xA9</p>",
			    LEDE_NTS),
		  LEDE_OK);
	CHECK_STR(s.body[0], "caf\xC3\xA9");
	CHECK_INT(s.n_warn, 0);

	/* Byte order marks. */
	CHECK_INT(read_page(&s, "bom.html", "\xEF\xBB\xBF<p>caf\xC3\xA9</p>",
			    LEDE_NTS),
		  LEDE_OK);
	CHECK_STR(s.body[0], "caf\xC3\xA9");
	CHECK_INT(read_page(&s, "le.html", utf16, sizeof utf16 - 1), LEDE_OK);
	CHECK_STR(s.body[0], "caf\xC3\xA9");
	seen_free(&s);
}

#define BLOG_PAGE(extra) \
	"<html><head>" \
	"<script type=\"application/ld+json\">{\"@type\": \"WebSite\"," \
	" \"name\": \"Site\",}</script>" \
	"<script type='application/ld+json'>//<![CDATA[\n" \
	"[{\"@type\": \"Organization\", \"name\": \"Org\"}," \
	" {\"@type\": [\"CreativeWork\", \"http://schema.org/BlogPosting\"]," \
	"  \"headline\": \"Ten &amp; counting\"," \
	"  \"author\": \"By Ann Lee and Bo Ray\"," \
	"  \"datePublished\": \"last Tuesday\"," \
	"  \"articleSection\": \"Opinion\"," \
	"  \"publisher\": \"The Blog\"," \
	"  \"keywords\": [\"Cats\", \" dogs \", \"cats\", 7]," \
	"  \"url\": \"https://blog.example/ten\"," \
	"  \"articleBody\": \"<p>One.</p><p>Two &amp; three.</p>\"}]\n" \
	"//]]></script>" extra "</head>" \
	"<body><article><p>The page's own text.</p></article></body>" \
	"</html>"

static void test_page_json_ld_forms(void)
{
	struct seen s = {0};

	CHECK_INT(read_page(&s, "blog.html", BLOG_PAGE(""), LEDE_NTS),
		  LEDE_OK);
	CHECK_INT(s.n, 1);
	CHECK_STR(s.headline[0], "Ten & counting");
	CHECK_STR(s.authors[0], "Ann Lee|Bo Ray");
	CHECK_STR(s.section[0], "Opinion");
	CHECK_STR(s.source[0], "The Blog");
	CHECK_STR(s.tags[0], "Cats|dogs");
	/* No canonical URL or og:url: the name is the id, the url is the
	 * JSON-LD one. */
	CHECK_STR(s.id[0], "blog.html");
	CHECK_STR(s.url[0], "https://blog.example/ten");
	/* articleBody, reduced to text, rather than the page's text. */
	CHECK_STR(s.body[0], "One.\n\nTwo & three.");
	CHECK_INT(s.date[0], LEDE_NO_DATE);
	CHECK_INT(s.n_warn, 1);
	CHECK_STR(s.where[0], "blog.html");
	CHECK_STR(s.warning[0],
		  "cannot read date 'last Tuesday'; indexed without a date");

	/* A date the meta tags give takes over, with no warning. */
	CHECK_INT(read_page(&s, "blog.html",
			    BLOG_PAGE("<meta property=article:published_time"
				      " content=2021-05-06>"),
			    LEDE_NTS),
		  LEDE_OK);
	CHECK_INT(s.date[0], 1620259200);
	CHECK_INT(s.n_warn, 0);

	/* mainEntity of a WebPage; mainEntityOfPage as a string. */
	CHECK_INT(read_page(&s, "m.html",
			    "<script type=application/ld+json>"
			    "{\"@type\": \"WebPage\", \"mainEntity\": {"
			    "\"@type\": \"ReportageNewsArticle\","
			    " \"headline\": \"Main entity\","
			    " \"author\": [\"A One\", {\"name\": \"B Two\"}],"
			    " \"mainEntityOfPage\": \"https://n.example/m\","
			    " \"inLanguage\": \"de-AT\"}}</script>"
			    "<p>Text.</p>",
			    LEDE_NTS),
		  LEDE_OK);
	CHECK_STR(s.headline[0], "Main entity");
	CHECK_STR(s.authors[0], "A One|B Two");
	CHECK_STR(s.url[0], "https://n.example/m");
	CHECK_STR(s.language[0], "de-at");
	CHECK_STR(s.body[0], "Text.");
	seen_free(&s);
}

static void test_page_body_choice(void)
{
	struct seen s = {0};

	/* <main> when there is no <article>; the aside's teaser <article>
	 * is not the story. */
	CHECK_INT(read_page(&s, "m.html",
			    "<title>T</title><body><main><p>Main text.</p>"
			    "</main><aside><article><p>A teaser that is longer"
			    " than the main text, to tempt the reader.</p>"
			    "</article></aside></body>",
			    LEDE_NTS),
		  LEDE_OK);
	CHECK_STR(s.headline[0], "T");
	CHECK_STR(s.body[0], "Main text.");
	CHECK_INT(read_page(&s, "d.html",
			    "<body><div class=story><p>Story text.</p></div>"
			    "<div class=related-links><article><p>Teaser</p>"
			    "</article></div></body>",
			    LEDE_NTS),
		  LEDE_OK);
	CHECK_STR(s.body[0], "Story text.");
	/* Of two articles, the one with more text. */
	CHECK_INT(read_page(&s, "two.html",
			    "<article><p>Short.</p></article>"
			    "<article><p>The longer one.</p></article>",
			    LEDE_NTS),
		  LEDE_OK);
	CHECK_STR(s.body[0], "The longer one.");

	/* Whole words of class names and ids, not parts of them. */
	CHECK_INT(read_page(&s, "cls.html",
			    "<article>"
			    "<div class='shadow'>shadow</div>"
			    "<div class='heading read-more'>heading</div>"
			    "<div id='thread'>thread</div>"
			    "<div class='loaded'>loaded</div>"
			    "<div class='header-ad'>X1</div>"
			    "<div class='box adSlot'>X2</div>"
			    "<div id='ad300x250'>X3</div>"
			    "<div class='promo-box'>X4</div>"
			    "<div id='taboola-below'>X5</div>"
			    "<div class='ArticleShareTools'>X6</div>"
			    "<div hidden>X7</div>"
			    "<div role=navigation>X8</div>"
			    "<span aria-hidden=true>X9</span>"
			    "<p class='promos'>X10</p><p class='advertising'>X11"
			    "</p><p id='cookies_notice'>X12</p>"
			    "</article>",
			    LEDE_NTS),
		  LEDE_OK);
	CHECK_STR(s.body[0], "shadow\n\nheading\n\nthread\n\nloaded");

	/* The tree holds decoded text: an escaped tag in a title is text. */
	CHECK_INT(read_page(&s, "t.html",
			    "<title>Why &lt;b&gt; tags   matter</title>"
			    "<p>Body.</p>",
			    LEDE_NTS),
		  LEDE_OK);
	CHECK_STR(s.headline[0], "Why <b> tags matter");

	/* A headline with no body is still an article. */
	CHECK_INT(read_page(&s, "h.html", "<title>Only a title</title>",
			    LEDE_NTS),
		  LEDE_OK);
	CHECK_STR(s.headline[0], "Only a title");
	CHECK_STR(s.body[0], NULL);
	seen_free(&s);
}

static void test_page_problems(void)
{
	struct seen s = {0};
	char hash[LDI_CONTENT_ID_SIZE];
	const char *page = "<p>No name given.</p>";
	char *big;
	size_t i;

	CHECK_INT(read_fixture(&s, "empty.xml"), LEDE_BAD_INPUT);
	CHECK_INT(s.n, 0);
	CHECK_INT(s.n_warn, 1);
	CHECK_STR(s.where[0], "empty.xml");
	CHECK_STR(s.warning[0], "no article text (empty input)");
	CHECK_INT(read_page(&s, "w.html", " \r\n\t", LEDE_NTS),
		  LEDE_BAD_INPUT);
	CHECK_STR(s.warning[0], "no article text (empty input)");

	CHECK_INT(read_fixture(&s, "binary.png"), LEDE_BAD_INPUT);
	CHECK_INT(s.n, 0);
	CHECK_INT(s.n_warn, 1);
	CHECK_STR(s.warning[0], "binary data, not an HTML page");

	CHECK_INT(read_page(&s, "nav.html",
			    "<html><body><nav>Home | News</nav>"
			    "<script>var x = 1;</script>"
			    "<footer>(c) 2024</footer></body></html>",
			    LEDE_NTS),
		  LEDE_BAD_INPUT);
	CHECK_INT(s.n, 0);
	CHECK_INT(s.n_warn, 1);
	CHECK_STR(s.where[0], "nav.html");
	CHECK_STR(s.warning[0], "no article text (no headline or body found)");

	/* No name: the id is a hash of the page as given. */
	ldi_content_id(page, strlen(page), hash);
	CHECK_INT(read_page(&s, NULL, page, LEDE_NTS), LEDE_OK);
	CHECK_STR(s.id[0], hash);
	CHECK_INT(read_page(&s, NULL, "<nav>x</nav>", LEDE_NTS),
		  LEDE_BAD_INPUT);
	CHECK_STR(s.where[0], "<input>");

	/* The callback stops the read. */
	s.stop_after = 1;
	CHECK_INT(read_page(&s, "s.html", "<p>x</p>", LEDE_NTS), LEDE_DONE);
	CHECK_INT(s.n, 1);
	s.stop_after = 0;

	/* A NUL byte past the start is damage, read as a space. */
	big = malloc(9100);
	if (big) {
		memcpy(big, "<!--", 4);
		memset(big + 4, 'x', 9000);
		memcpy(big + 9004, "--><p>a\0b</p>", 13);
		CHECK_INT(read_page(&s, "nul.html", big, 9017), LEDE_OK);
		CHECK_STR(s.body[0], "a b");
		free(big);
	}

	/* Deep nesting, in the page and in its JSON-LD. */
	big = malloc(200001);
	if (big) {
		for (i = 0; i < 200000; i += 5)
			memcpy(big + i, "<div>", 5);
		big[200000] = '\0';
		CHECK(read_page(&s, "deep.html", big, LEDE_NTS) !=
		      LEDE_NOMEM);
		memcpy(big, "<script type=application/ld+json>", 33);
		memset(big + 33, '[', 100000);
		memcpy(big + 100033, "</script><p>x</p>", 18);
		CHECK_INT(read_page(&s, "deepld.html", big, LEDE_NTS),
			  LEDE_OK);
		CHECK_STR(s.body[0], "x");
		free(big);
	}
	seen_free(&s);
}

/* Odd inputs must give a status, never a crash or a leak. */
static void test_page_no_crash(void)
{
	static const char *const odd[] = {
		"<", "<html", "<!--", "<!-- <meta charset=", "<meta charset=",
		"<meta", "<meta http-equiv=content-type content=\"charset=",
		"<?xml encoding=", "<?xml", "</p>", "<p", "&", "&#0;",
		"&#xFFFFFFFF;", "<script type=application/ld+json>{",
		"<script type=application/ld+json>{\"@type\": \"Article\"}",
		"<script type=application/ld+json>{\"@type\": [], \"@graph\":"
		" [null, 1, {\"@type\": \"NewsArticle\", \"author\": [[\"x\"],"
		" {}], \"keywords\": {}, \"publisher\": [], \"headline\": 5}]}",
		"<html lang=\"\"><title></title><h1></h1>",
		"<meta property=og:title content=\"  \">",
		"<link rel=canonical><meta name=author content=\", ; and \">x",
		"\xFE\xFF", "\xFF\xFE<", "\xEF\xBB\xBF",
		"<table><tr><td>a<td>b</table>",
	};
	struct seen s = {0};
	size_t i;

	for (i = 0; i < sizeof odd / sizeof odd[0]; i++) {
		lede_status_t st = read_page(&s, "odd", odd[i], LEDE_NTS);

		CHECK(st == LEDE_OK || st == LEDE_BAD_INPUT);
	}
	seen_free(&s);
}

int main(int argc, char **argv)
{
	if (argc > 1)
		fixtures = argv[1];
	if (argc > 2)
		return seen_show_file(ldi_read_html, argv[2]);
	test_has_markup();
	test_html_to_text();
	test_page_jsonld();
	test_page_open_graph();
	test_page_without_article();
	test_page_charsets();
	test_page_json_ld_forms();
	test_page_body_choice();
	test_page_problems();
	test_page_no_crash();
	return CHECK_DONE();
}
