/* test_analyze.c: unit tests of tokens, terms and folding (analyze.h).
 * SPDX-License-Identifier: MIT
 *
 * Each case is one line: input text, then the tokens expected, separated
 * by single spaces, as in Xapian's term-generator tests. A token is shown
 * as its term, after '+' when it shares the previous token's position
 * (pos_inc 0), after a kind tag unless it is a WORD (c: compound, p: part,
 * a: alt, n: ngram, s: special), and followed by {exact} when its exact
 * form differs from the term. So "post-incident" gives
 * "c:postincident +p:post p:incident". A failure names the case's line,
 * the input, and the expected and actual tokens.
 */
#include "analyze.h"
#include "check.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

struct term_case {
	int line;
	const char *in;
	size_t len; /* of in: some inputs hold a NUL */
	const char *want;
};

#define T(in, want) { __LINE__, in, sizeof(in) - 1, want }

static const struct term_case term_cases[] = {
	/* Plain words, separators, case. */
	T("", ""),
	T("   \t\n", ""),
	T("!!! ... --- ?!", ""),
	T("Hello world", "hello world"),
	T("Hello, world!", "hello world"),
	T("tab\tnew\nline\r\nend", "tab new line end"),
	T("MiXeD CaSe", "mixed case"),
	T("abc123 456def", "abc123 456def"),
	T("a\0b", "a b"),
	T("\"quoted\" (parens) [brackets]", "quoted parens brackets"),

	/* Apostrophes: join letters, drop a final possessive "'s". */
	T("don't", "dont"),
	T("don\xE2\x80\x99t", "dont"),
	T("Met's plan", "met plan"),
	T("Met\xE2\x80\x99s plan", "met plan"),
	T("MET'S", "met"),
	T("Jones'", "jones"),
	T("the Joneses' house", "the joneses house"),
	T("O'Neill", "oneill"),
	T("O'Neill's", "oneill"),
	T("rock'n'roll", "rocknroll"),
	T("'quoted'", "quoted"),
	T("\xE2\x80\x99tis", "tis"),
	T("it's", "it"),
	T("90's", "90 s"),
	T("L'Or\xC3\xA9" "al", "loreal{lor\xC3\xA9" "al}"),
	T("a' b", "a b"),
	T("the 's", "the s"),
	T("Met'sy", "metsy"),
	T("don\xCA\xBCt", "dont"),
	T("don\xEF\xBC\x87t", "dont"),
	T("Charles's", "charles"),

	/* Single letters joined by dots. */
	T("U.K.", "uk"),
	T("the U.K. economy", "the uk economy"),
	T("U.S.A", "usa"),
	T("e.g. this", "eg this"),
	T("U.S.-led", "c:usled +p:us p:led"),
	T("J.R.R. Tolkien", "jrr tolkien"),
	T("U.Kingdom", "u kingdom"),
	T("St.Andrews", "st andrews"),
	T("Plan A. Then", "plan a then"),
	T("A.1", "a 1"),
	T("www.bbc.co.uk", "s:www.bbc.co.uk"),
	T("\xC3\x89.U.", "eu{\xC3\xA9u}"),
	T("U.S.Army", "us army"),
	T("e\xCC\x81.u.", "eu{\xC3\xA9u}"),

	/* Numbers: ',' between digits dropped, '.' kept. */
	T("1.13bn", "1.13bn"),
	T("$11.1bn", "11.1bn"),
	T("\xC2\xA3" "600m", "600m"),
	T("10,000", "10000"),
	T("10,000.50", "10000.50"),
	T("20:00", "20:00"),
	T("3.5%", "3.5"),
	T("in 2015.", "in 2015"),
	T("1,2 and 3.", "12 and 3"),
	T("v2.0", "v2.0"),
	T("1.2.3", "1.2.3"),
	T(".5 and 5.", "5 and 5"),
	T("1, 2", "1 2"),
	T("ab,cd ab.cd", "ab cd ab cd"),
	T("\xEF\xBC\x91\xEF\xBC\x92\xEF\xBC\x93", "123"),
	T("\xEF\xBC\x91\xEF\xBC\x8E\xEF\xBC\x95", "1.5"),
	T("x\xC2\xB2 \xC2\xBD", "x2 12"),
	/* Symbols separate even where NFKC would give letters. */
	T("5\xE3\x8E\x8F", "5"),
	T("\xE2\x85\xAB \xC7\x85" "emal", "xii dzemal{d\xC5\xBE" "emal}"),
	T("\xE2\x92\x88", "1"),

	/* Hyphens join compounds; dashes separate. */
	T("well-known", "c:wellknown +p:well p:known"),
	T("e-mail", "c:email +p:e p:mail"),
	T("pre\xE2\x80\x93war", "pre war"),

	/* NFKC, full case folding, accents. */
	T("Caf\xC3\xA9", "cafe{caf\xC3\xA9}"),
	T("CAF\xC3\x89", "cafe{caf\xC3\xA9}"),
	T("cafe\xCC\x81", "cafe{caf\xC3\xA9}"),
	T("\xEF\xBC\xA1\xEF\xBC\xA2\xEF\xBC\xA3", "abc"),
	T("\xEF\xAC\x81nance", "finance"),
	T("Stra\xC3\x9F" "e", "strasse"),
	T("STRASSE", "strasse"),
	T("\xE1\xBA\x9E", "ss"),
	T("na\xC3\xAFve r\xC3\xA9sum\xC3\xA9",
	  "naive{na\xC3\xAFve} resume{r\xC3\xA9sum\xC3\xA9}"),
	T("\xC4\xB2ssel", "ijssel"),
	T("\xC4\xB0stanbul", "istanbul{i\xCC\x87stanbul}"),
	T("I\xC5\x9F\xC4\xB1k ISIK", "isik{i\xC5\x9F\xC4\xB1k} isik"),
	T("\xCE\x9F\xCE\x94\xCE\xA5\xCE\xA3\xCE\xA3\xCE\x95\xCE\xA5\xCE\xA3",
	  "\xCE\xBF\xCE\xB4\xCF\x85\xCF\x83\xCF\x83\xCE\xB5\xCF\x85\xCF\x83"),
	T("\xCE\x9F\xCE\xB4\xCF\x85\xCF\x83\xCF\x83\xCE\xAD\xCF\x8D\xCF\x82",
	  "\xCE\xBF\xCE\xB4\xCF\x85\xCF\x83\xCF\x83\xCE\xB5\xCF\x85\xCF\x83{"
	  "\xCE\xBF\xCE\xB4\xCF\x85\xCF\x83\xCF\x83\xCE\xAD\xCF\x8D\xCF\x83}"),

	/* Letters without a decomposition, folded by our own table. */
	T("\xC5\x81\xC3\xB3" "d\xC5\xBA", "lodz{\xC5\x82\xC3\xB3" "d\xC5\xBA}"),
	T("\xC5\x81\xC3\x93" "D\xC5\xB9", "lodz{\xC5\x82\xC3\xB3" "d\xC5\xBA}"),
	T("\xC3\x98rsted \xC3\xB8l", "orsted{\xC3\xB8rsted} ol{\xC3\xB8l}"),
	T("\xC4\x90okovi\xC4\x87", "dokovic{\xC4\x91okovi\xC4\x87}"),
	T("\xC4\xA6" "amrun", "hamrun{\xC4\xA7" "amrun}"),
	T("\xC3\x86sir \xC5\x92uvre",
	  "aesir{\xC3\xA6sir} oeuvre{\xC5\x93uvre}"),
	T("\xC3\x9E\xC3\xB3rr", "thorr{\xC3\xBE\xC3\xB3rr}"),
	T("Gu\xC3\xB0mundsson", "gudmundsson{gu\xC3\xB0mundsson}"),

	/* Invisible joiners do not split words; a zero-width space does. */
	T("co\xC2\xADoperate", "cooperate"),
	T("ab\xE2\x80\x8D" "cd", "abcd"),
	T("ab\xE2\x80\x8C" "cd", "abcd"),
	T("ab\xE2\x81\xA0" "cd", "abcd"),
	T("ab\xE2\x80\x8B" "cd", "ab cd"),
	T("\xE2\x80\x8D" "ab\xE2\x80\x8D cd", "ab cd"),
	/* Persian "mikhaham" with its ZWNJ. */
	T("\xD9\x85\xDB\x8C\xE2\x80\x8C\xD8\xAE\xD9\x88\xD8\xA7\xD9\x87"
	  "\xD9\x85",
	  "\xD9\x85\xDB\x8C\xD8\xAE\xD9\x88\xD8\xA7\xD9\x87\xD9\x85"),

	/* Right-to-left scripts: words kept, vowel marks stripped from the
	 * term; the exact form keeps them, in canonical order (the Hebrew
	 * qamats, class 18, goes before the shin dot, class 24). */
	T("\xD9\x85\xD9\x8E\xD8\xB1\xD9\x92\xD8\xAD\xD9\x8E\xD8\xA8\xD9\x8B"
	  "\xD8\xA7 \xD8\xA8\xD8\xA7\xD9\x84\xD8\xB9\xD8\xA7\xD9\x84\xD9\x85",
	  "\xD9\x85\xD8\xB1\xD8\xAD\xD8\xA8\xD8\xA7{\xD9\x85\xD9\x8E\xD8\xB1"
	  "\xD9\x92\xD8\xAD\xD9\x8E\xD8\xA8\xD9\x8B\xD8\xA7} \xD8\xA8\xD8\xA7"
	  "\xD9\x84\xD8\xB9\xD8\xA7\xD9\x84\xD9\x85"),
	T("\xD7\xA9\xD7\x81\xD6\xB8\xD7\x9C\xD7\x95\xD6\xB9\xD7\x9D \xD7\xA2"
	  "\xD7\x95\xD7\x9C\xD7\x9D",
	  "\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D{\xD7\xA9\xD6\xB8\xD7\x81\xD7\x9C"
	  "\xD7\x95\xD6\xB9\xD7\x9D} \xD7\xA2\xD7\x95\xD7\x9C\xD7\x9D"),

	/* Emoji and other symbols separate. */
	T("fire\xF0\x9F\x94\xA5sale", "fire sale"),
	T("I \xE2\x9D\xA4\xEF\xB8\x8F NY", "i ny"),
	T("\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9 family", "family"),
	T("1\xEF\xB8\x8F\xE2\x83\xA3 first", "1 first"),
	T("a\xE2\x84\xA2 b\xC2\xA9", "a b"),

	/* Han, kana and Hangul: one word per character. */
	T("\xE6\x9D\xB1\xE4\xBA\xAC",
	  "\xE6\x9D\xB1 +n:\xE6\x9D\xB1\xE4\xBA\xAC \xE4\xBA\xAC"),
	T("\xE6\x9D\xB1\xE4\xBA\xAC\xE3\x82\xBF\xE3\x83\xAF\xE3\x83\xBC",
	  "\xE6\x9D\xB1 +n:\xE6\x9D\xB1\xE4\xBA\xAC \xE4\xBA\xAC +n:"
	  "\xE4\xBA\xAC\xE3\x82\xBF \xE3\x82\xBF +n:\xE3\x82\xBF\xE3\x83\xAF "
	  "\xE3\x83\xAF +n:\xE3\x83\xAF\xE3\x83\xBC \xE3\x83\xBC"),
	T("\xE3\x81\xB2\xE3\x82\x89\xE3\x81\x8C\xE3\x81\xAA",
	  "\xE3\x81\xB2 +n:\xE3\x81\xB2\xE3\x82\x89 \xE3\x82\x89 +n:"
	  "\xE3\x82\x89\xE3\x81\x8C \xE3\x81\x8C +n:\xE3\x81\x8C\xE3\x81\xAA "
	  "\xE3\x81\xAA"),
	/* Decomposed ga (ka + U+3099) and halfwidth ga gi keep voicing. */
	T("\xE3\x81\x8B\xE3\x82\x99", "\xE3\x81\x8C"),
	T("\xEF\xBD\xB6\xEF\xBE\x9E\xEF\xBD\xB7\xEF\xBE\x9E",
	  "\xE3\x82\xAC +n:\xE3\x82\xAC\xE3\x82\xAE \xE3\x82\xAE"),
	T("\xEF\xBD\xB6\xEF\xBE\x80",
	  "\xE3\x82\xAB +n:\xE3\x82\xAB\xE3\x82\xBF \xE3\x82\xBF"),
	T("\xED\x95\x9C\xEA\xB5\xAD\xEC\x96\xB4",
	  "\xED\x95\x9C +n:\xED\x95\x9C\xEA\xB5\xAD \xEA\xB5\xAD +n:"
	  "\xEA\xB5\xAD\xEC\x96\xB4 \xEC\x96\xB4"),
	/* Hangul "han" as conjoining jamo is one syllable. */
	T("\xE1\x84\x92\xE1\x85\xA1\xE1\x86\xAB", "\xED\x95\x9C"),
	T("Tokyo\xE6\x9D\xB1\xE4\xBA\xAC" "2020",
	  "tokyo \xE6\x9D\xB1 +n:\xE6\x9D\xB1\xE4\xBA\xAC \xE4\xBA\xAC 2020"),
	/* A compatibility ideograph folds to its unified one. */
	T("\xEF\xA4\x80", "\xE8\xB1\x88"),
	T("\xE4\xB8\xAD\xE6\x96\x87\xEF\xBC\x8C" "English\xE3\x80\x82",
	  "\xE4\xB8\xAD +n:\xE4\xB8\xAD\xE6\x96\x87 \xE6\x96\x87 english"),
	/* A stray halfwidth voicing mark alone is no term. */
	T("\xEF\xBE\x9E", ""),

	/* Invalid UTF-8 separates words and never crashes. */
	T("abc\xFF" "def", "abc def"),
	T("\xC3", ""),
	T("caf\xC3", "caf"),
	T("ab\xC0\xAF" "cd", "ab cd"),
	T("ab\xED\xA0\x80" "cd", "ab cd"),
	T("\xF4\x90\x80\x80x", "x"),
	T("\xE6\x9D" "ab", "ab"),

	/* Combining marks continue a word but never start one. */
	T("\xCC\x81" "abc", "abc"),
	T("a\xCC\x81\xCC\x81\xCC\x81" "b", "ab{\xC3\xA1\xCC\x81\xCC\x81" "b}"),
	T("\xCC\x81\xCC\x81", ""),

	/* Scripts without spaces stay one run; Indic vowel signs are marks
	 * and are stripped like accents (pinned here so a change is seen). */
	T("\xE0\xB8\xA0\xE0\xB8\xB2\xE0\xB8\xA9\xE0\xB8\xB2",
	  "\xE0\xB8\xA0\xE0\xB8\xB2\xE0\xB8\xA9\xE0\xB8\xB2"),
	T("\xE0\xA4\xB9\xE0\xA4\xBF\xE0\xA4\xA8\xE0\xA5\x8D\xE0\xA4\xA6"
	  "\xE0\xA5\x80",
	  "\xE0\xA4\xB9\xE0\xA4\xA8\xE0\xA4\xA6{\xE0\xA4\xB9\xE0\xA4\xBF"
	  "\xE0\xA4\xA8\xE0\xA5\x8D\xE0\xA4\xA6\xE0\xA5\x80}"),
	/* Hyphenated compounds: the whole, then the parts. */
	T("post-incident", "c:postincident +p:post p:incident"),
	T("Post-Incident review", "c:postincident +p:post p:incident review"),
	T("mother-in-law's car", "c:motherinlaw +p:mother p:in p:law car"),
	T("Jean-Luc\xE2\x80\x99s", "c:jeanluc +p:jean p:luc"),
	T("covid-19", "c:covid19 +p:covid p:19"),
	T("COVID-19 cases", "c:covid19 +p:covid p:19 cases"),
	T("10-year-old", "c:10yearold +p:10 p:year p:old"),
	T("F-16s", "c:f16s +p:f p:16s"),
	T("non\xE2\x80\x90stop", "c:nonstop +p:non p:stop"),
	T("non\xE2\x80\x91stop", "c:nonstop +p:non p:stop"),
	T("pre\xE2\x80\x94war", "pre war"),
	T("anti-U.K. protest", "c:antiuk +p:anti p:uk protest"),
	T("\xC5\x81\xC3\xB3" "d\xC5\xBA-based",
	  "c:lodzbased{\xC5\x82\xC3\xB3" "d\xC5\xBA" "based} +p:lodz{\xC5\x82"
	  "\xC3\xB3" "d\xC5\xBA} p:based"),
	T("rock'n'roll-style", "c:rocknrollstyle +p:rocknroll p:style"),
	T("a-b-c-d-e-f-g-h", "c:abcdefgh +p:a p:b p:c p:d p:e p:f p:g p:h"),
	T("a-b-c-d-e-f-g-h-i", "a b c d e f g h i"),
	T("x--y -z w-", "x y z w"),
	T("x-\xE6\x9D\xB1", "x \xE6\x9D\xB1"),
	T("x-\xCC\x81y", "x y"),
	T("2004-05-season", "c:2004-05season +p:2004-05 p:season"),
	T("1/2-inch", "c:1/2inch +p:1/2 p:inch"),
	T("A-1-2", "c:a1-2 +p:a p:1-2"),
	T("e-\xC3\xA9", "c:ee{e\xC3\xA9} +p:e p:e{\xC3\xA9}"),

	/* Times, ranges and dates stay one term; currency separates. */
	T("at 9:30am", "at 9:30am"),
	T("12:30:45", "12:30:45"),
	T("20: and :00", "20 and 00"),
	T("a:b", "a b"),
	T("2004-05", "2004-05"),
	T("2004\xE2\x80\x91" "05", "2004-05"),
	T("2004\xE2\x80\x93" "05", "2004 05"),
	T("24/7 9/11", "24/7 9/11"),
	T("12/05/2020", "12/05/2020"),
	T("and/or", "and or"),
	T("1-0 win", "1-0 win"),
	T("1,000-2,000", "1000-2000"),
	T("1.5-2", "1.5-2"),
	T("\xEF\xBC\x92\xEF\xBC\x90\xEF\xBC\x90\xEF\xBC\x94\xEF\xBC\x8D"
	  "\xEF\xBC\x90\xEF\xBC\x95",
	  "2004-05"),
	T("\xEF\xBC\x92\xEF\xBC\x90\xEF\xBC\x9A\xEF\xBC\x90\xEF\xBC\x90",
	  "20:00"),
	T("\xE2\x82\xAC" "1.2bn \xC2\xA5" "5 $5", "1.2bn 5 5"),
	T("\xC2\xA3" "600m-deal", "c:600mdeal +p:600m p:deal"),
	T("-5", "5"),

	/* URLs: one case-folded term, trailing punctuation dropped. */
	T("http://www.bbc.co.uk/news", "s:http://www.bbc.co.uk/news"),
	T("HTTPS://Example.COM/A?b=1&c=2", "s:https://example.com/a?b=1&c=2"),
	T("see www.bbc.co.uk.", "see s:www.bbc.co.uk"),
	T("(http://x.org/a_(b))", "s:http://x.org/a_(b)"),
	T("[http://x.org/a]", "s:http://x.org/a"),
	T("<http://a.com/x>, then", "s:http://a.com/x then"),
	T("\"http://a.com\"", "s:http://a.com"),
	T("http://a.com/caf\xC3\xA9?", "s:http://a.com/caf\xC3\xA9"),
	T("http://a.com/\xE2\x80\x9Cq\xE2\x80\x9D", "s:http://a.com/ q"),
	T("http://a.com/\xE6\x9D\xB1\xE4\xBA\xAC",
	  "s:http://a.com/ \xE6\x9D\xB1 +n:\xE6\x9D\xB1\xE4\xBA\xAC "
	  "\xE4\xBA\xAC"),
	T("http:// x", "http x"),
	T("www. www.5", "www s:www.5"),
	T("xhttp://a.com", "xhttp a com"),
	T("https://t.co/AbC!? ok", "s:https://t.co/abc ok"),

	/* E-mail addresses. */
	T("news@bbc.co.uk", "s:news@bbc.co.uk"),
	T("Write to John.Smith@BBC.co.uk.", "write to s:john.smith@bbc.co.uk"),
	T("j_doe+tag@mail.example.org", "s:j_doe+tag@mail.example.org"),
	T("a@b", "a b"),
	T("user@localhost", "user localhost"),
	T("x@y.123", "x y 123"),
	T("a@b.c", "a bc"),
	T(".a.@b.com", "a s:@b +a:b com"),

	/* @handles and #hashtags: the whole, then the bare word. */
	T("@BBCNews", "s:@bbcnews +a:bbcnews"),
	T("RT @user_1: hi", "rt s:@user_1 +a:user1 hi"),
	T("#Brexit", "s:#brexit +a:brexit"),
	T("#Brexit's end", "s:#brexit +a:brexit end"),
	T("#climate_change", "s:#climate_change +a:climatechange"),
	T("#\xC5\x81\xC3\xB3" "d\xC5\xBA",
	  "s:#lodz{#\xC5\x82\xC3\xB3" "d\xC5\xBA} +a:lodz{\xC5\x82\xC3\xB3"
	  "d\xC5\xBA}"),
	T("C# and F#", "c and f"),
	T("#1 @10", "1 10"),
	T("a#b a@b", "a b a b"),
	T("##tag", "s:#tag +a:tag"),
	T("@_x", "s:@_x +a:x"),
	T("#\xE6\x9D\xB1\xE4\xBA\xAC",
	  "\xE6\x9D\xB1 +n:\xE6\x9D\xB1\xE4\xBA\xAC \xE4\xBA\xAC"),
	T("(#tag)", "s:#tag +a:tag"),

	/* CJK bigrams: Chinese, Japanese and Korean. */
	T("\xE5\x8C\x97\xE4\xBA\xAC\xE5\xB8\x82",
	  "\xE5\x8C\x97 +n:\xE5\x8C\x97\xE4\xBA\xAC \xE4\xBA\xAC +n:"
	  "\xE4\xBA\xAC\xE5\xB8\x82 \xE5\xB8\x82"),
	T("\xE4\xB8\xAD\xE6\x96\x87 \xE6\x96\x87\xE5\xAD\x97",
	  "\xE4\xB8\xAD +n:\xE4\xB8\xAD\xE6\x96\x87 \xE6\x96\x87 \xE6\x96\x87"
	  " +n:\xE6\x96\x87\xE5\xAD\x97 \xE5\xAD\x97"),
	T("\xE6\x9D\xB1\xE4\xBA\xAC\xE3\x80\x81\xE5\xA4\xA7\xE9\x98\xAA",
	  "\xE6\x9D\xB1 +n:\xE6\x9D\xB1\xE4\xBA\xAC \xE4\xBA\xAC \xE5\xA4\xA7"
	  " +n:\xE5\xA4\xA7\xE9\x98\xAA \xE9\x98\xAA"),
	T("\xE3\x81\x8B\xE3\x82\x99\xE3\x81\x8D",
	  "\xE3\x81\x8C +n:\xE3\x81\x8C\xE3\x81\x8D \xE3\x81\x8D"),
	T("\xE3\x83\x86\xE3\x83\xAC\xE3\x83\x93",
	  "\xE3\x83\x86 +n:\xE3\x83\x86\xE3\x83\xAC \xE3\x83\xAC +n:"
	  "\xE3\x83\xAC\xE3\x83\x93 \xE3\x83\x93"),
	T("\xED\x95\x9C\xEA\xB5\xAD \xEC\x82\xAC\xEB\x9E\x8C",
	  "\xED\x95\x9C +n:\xED\x95\x9C\xEA\xB5\xAD \xEA\xB5\xAD \xEC\x82\xAC"
	  " +n:\xEC\x82\xAC\xEB\x9E\x8C \xEB\x9E\x8C"),
	T("\xE6\x9D\xB1" "a\xE4\xBA\xAC", "\xE6\x9D\xB1 a \xE4\xBA\xAC"),
	T("\xE6\x9D\xB1\xE2\x80\x8D\xE4\xBA\xAC", "\xE6\x9D\xB1 \xE4\xBA\xAC"),

	/* Emoji and symbols are ignored, not joined to words. */
	T("\xF0\x9F\x87\xAC\xF0\x9F\x87\xA7 UK", "uk"),
	T("\xE2\x98\x85\xE2\x98\x85\xE2\x98\x85 review", "review"),
	T("a\xE2\x86\x92" "b x+y=z", "a b x y z"),
	T("100\xC2\xB0" "C", "100 c"),
	T("ok\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD!", "ok"),

	/* Unicode corner cases: NFD, fullwidth, ligatures, casing. */
	T("\xC5\x81o\xCC\x81" "dz\xCC\x81",
	  "lodz{\xC5\x82\xC3\xB3" "d\xC5\xBA}"),
	T("Zaz\xCC\x87o\xCC\x81\xC5\x82" "c\xCC\x81",
	  "zazolc{za\xC5\xBC\xC3\xB3\xC5\x82\xC4\x87}"),
	T("\xEF\xBC\xA3\xEF\xBD\x81\xEF\xBD\x86\xC3\xA9", "cafe{caf\xC3\xA9}"),
	T("\xEF\xAC\x82our \xEF\xAC\x80", "flour ff"),
	T("I\xCC\x87STANBUL", "istanbul{i\xCC\x87stanbul}"),
	T("\xCE\xA3\xCE\x9F\xCE\xA6\xCE\x99\xCE\x91 \xCF\x83\xCE\xBF\xCF\x86"
	  "\xCE\xB9\xCE\xB1\xCF\x82",
	  "\xCF\x83\xCE\xBF\xCF\x86\xCE\xB9\xCE\xB1 \xCF\x83\xCE\xBF\xCF\x86"
	  "\xCE\xB9\xCE\xB1\xCF\x83"),
	T("\xC3\x9F \xE1\xBA\x9E", "ss ss"),
	T("Gr\xC3\xB6\xC3\x9F" "e", "grosse{gr\xC3\xB6sse}"),
	T("M\xC3\xBCller M\xC3\x9CLLER",
	  "muller{m\xC3\xBCller} muller{m\xC3\xBCller}"),
	T("Zaz\xCC\x87\xC3\xB3\xC5\x82" "c\xCC\x81 g\xC4\x99\xC5\x9Bl\xC4\x85 "
	  "ja\xC5\xBA\xC5\x84",
	  "zazolc{za\xC5\xBC\xC3\xB3\xC5\x82\xC4\x87} gesla{g\xC4\x99\xC5\x9B"
	  "l\xC4\x85} jazn{ja\xC5\xBA\xC5\x84}"),
	T("\xD7\x99\xD7\xA8\xD7\x95\xD7\xA9\xD7\x9C\xD7\x99\xD7\x9D 2024",
	  "\xD7\x99\xD7\xA8\xD7\x95\xD7\xA9\xD7\x9C\xD7\x99\xD7\x9D 2024"),
	T("\xD8\xA7\xD9\x84\xD9\x82\xD8\xAF\xD8\xB3-\xD8\xA7\xD9\x84\xD8\xB4"
	  "\xD8\xB1\xD9\x8A\xD9\x81",
	  "c:\xD8\xA7\xD9\x84\xD9\x82\xD8\xAF\xD8\xB3\xD8\xA7\xD9\x84\xD8\xB4"
	  "\xD8\xB1\xD9\x8A\xD9\x81 +p:\xD8\xA7\xD9\x84\xD9\x82\xD8\xAF"
	  "\xD8\xB3 p:\xD8\xA7\xD9\x84\xD8\xB4\xD8\xB1\xD9\x8A\xD9\x81"),
	T("\xE2\x80\x8FRTL\xE2\x80\x8E mark", "rtl mark"),
	T("a\xE2\x80\x8D" "b\xE2\x80\x8C" "c", "abc"),

};

/* Collects the tokens of one analysis, rendered as the table shows them,
 * and checks what every token must satisfy. */
struct collect {
	char buf[4096];
	size_t len;
	size_t count;
	size_t inlen;
	int stop_after; /* return 7 after this many terms; 0: never */
	ldi_token_t toks[16]; /* term and exact point into terms, exacts */
	int same_ptr[16];     /* exact was the term's pointer */
	char terms[16][LDI_MAX_URL_BYTES + 1];
	char exacts[16][4 * LDI_MAX_TERM_BYTES + 1];
};

static void append(struct collect *c, const char *s, size_t n)
{
	if (c->len + n + 1 < sizeof c->buf) {
		memcpy(c->buf + c->len, s, n);
		c->len += n;
		c->buf[c->len] = '\0';
	}
}

static int collect_fn(void *ctx, const ldi_token_t *tok)
{
	static const char *const tags[] = { "", "c:", "p:", "a:", "n:",
					    "s:" };
	struct collect *c = ctx;

	/* Invariants of the contract; breaking one fails the case. */
	if (strlen(tok->term) != tok->len || !tok->exact ||
	    strlen(tok->exact) != tok->exact_len)
		return 99; /* not NUL-terminated at len */
	if (tok->exact != tok->term && tok->exact_len == tok->len &&
	    !memcmp(tok->exact, tok->term, tok->len))
		return 98; /* equal forms must share the pointer */
	if (tok->start >= tok->end || tok->end > c->inlen)
		return 97; /* range outside the input */
	if (tok->pos_inc > 1 || (c->count == 0 && tok->pos_inc != 1))
		return 96; /* the first token takes a position */
	if ((unsigned)tok->kind > LDI_TOKEN_SPECIAL)
		return 95;
	if (c->count)
		append(c, " ", 1);
	if (tok->pos_inc == 0)
		append(c, "+", 1);
	append(c, tags[tok->kind], strlen(tags[tok->kind]));
	append(c, tok->term, tok->len);
	if (tok->exact != tok->term) {
		append(c, "{", 1);
		append(c, tok->exact, tok->exact_len);
		append(c, "}", 1);
	}
	if (c->count < 16 && tok->len < sizeof c->terms[0] &&
	    tok->exact_len < sizeof c->exacts[0]) {
		memcpy(c->terms[c->count], tok->term, tok->len + 1);
		memcpy(c->exacts[c->count], tok->exact, tok->exact_len + 1);
		c->toks[c->count] = *tok;
		c->toks[c->count].term = c->terms[c->count];
		c->toks[c->count].exact = c->exacts[c->count];
		c->same_ptr[c->count] = tok->exact == tok->term;
	}
	c->count++;
	if (c->stop_after && c->count == (size_t)c->stop_after)
		return 7;
	return 0;
}

static int run(struct collect *c, const char *in, size_t len)
{
	memset(c, 0, sizeof *c);
	c->inlen = len;
	return ldi_analyze(in, len, collect_fn, c);
}

static void test_terms(void)
{
	size_t i;
	struct collect c;

	for (i = 0; i < sizeof term_cases / sizeof term_cases[0]; i++) {
		const struct term_case *tc = &term_cases[i];
		int rc = run(&c, tc->in, tc->len);

		if (rc == 0 && !strcmp(c.buf, tc->want)) {
			check_passed++;
		} else {
			check_failed++;
			fprintf(stderr,
				"%s:%d: input \"%s\": want \"%s\", got \"%s\""
				" (rc %d)\n",
				__FILE__, tc->line, tc->in, tc->want, c.buf,
				rc);
		}
	}
}

struct offset_case {
	int line;
	const char *in;
	size_t index; /* which token */
	const char *term;
	size_t start, end;
};

#define O(in, index, term, start, end) { __LINE__, in, index, term, start, end }

static const struct offset_case offset_cases[] = {
	O("Hello world", 1, "world", 6, 11),
	O("U.K. economy", 0, "uk", 0, 4),
	O("U.K. economy", 1, "economy", 5, 12),
	O("U.S.-led", 0, "usled", 0, 8),
	O("U.S.-led", 1, "us", 0, 4),
	O("U.S.-led", 2, "led", 5, 8),
	O("Met's plan", 0, "met", 0, 5),
	O("Met's plan", 1, "plan", 6, 10),
	O("Jones' plan", 0, "jones", 0, 5),
	O("don't", 0, "dont", 0, 5),
	O("Caf\xC3\xA9 au", 0, "cafe", 0, 5),
	O("Caf\xC3\xA9 au", 1, "au", 6, 8),
	O("cafe\xCC\x81 x", 0, "cafe", 0, 6),
	O("\xE6\x9D\xB1\xE4\xBA\xAC", 1, "\xE6\x9D\xB1\xE4\xBA\xAC", 0, 6),
	O("\xE6\x9D\xB1\xE4\xBA\xAC", 2, "\xE4\xBA\xAC", 3, 6),
	O("ab\xFF" "cd", 1, "cd", 3, 5),
	O("co\xC2\xAD" "op", 0, "coop", 0, 6),
	O("ab\xE2\x80\x8D x", 0, "ab", 0, 2),
	O("$11.1bn", 0, "11.1bn", 1, 7),
	O("10,000 x", 0, "10000", 0, 6),
	O("\xCC\x81" "abc", 0, "abc", 2, 5),
	O("\xE3\x81\x8B\xE3\x82\x99!", 0, "\xE3\x81\x8C", 0, 6),
	O("mother-in-law's x", 0, "motherinlaw", 0, 15),
	O("mother-in-law's x", 3, "law", 10, 15),
	O("2004-05 x", 0, "2004-05", 0, 7),
	O("see www.bbc.co.uk.", 1, "www.bbc.co.uk", 4, 17),
	O("mail a@b.com.", 1, "a@b.com", 5, 12),
	O("#Brexit's x", 0, "#brexit", 0, 9),
	O("#Brexit's x", 1, "brexit", 1, 9),
	O("\xE6\x9D\xB1\xE4\xBA\xAC\xE9\x83\xBD", 3, "\xE4\xBA\xAC\xE9\x83"
	  "\xBD", 3, 9),
};

static void test_offsets(void)
{
	size_t i;
	struct collect c;

	for (i = 0; i < sizeof offset_cases / sizeof offset_cases[0]; i++) {
		const struct offset_case *oc = &offset_cases[i];
		const ldi_token_t *t = &c.toks[oc->index];
		int ok;

		run(&c, oc->in, strlen(oc->in));
		ok = c.count > oc->index && !strcmp(t->term, oc->term) &&
		     t->start == oc->start && t->end == oc->end;
		if (ok) {
			check_passed++;
		} else {
			check_failed++;
			fprintf(stderr,
				"%s:%d: input \"%s\" token %zu: want \"%s\" "
				"[%zu,%zu), got %s\n",
				__FILE__, oc->line, oc->in, oc->index,
				oc->term, oc->start, oc->end,
				c.count > oc->index ? "another" : "none");
		}
	}
}

/* Filter values keep their spaces and punctuation. */
static void check_fold(int line, const char *in, size_t len,
		       const char *want)
{
	char *out = NULL;
	size_t outlen = 0;
	int rc = ldi_fold(in, len, &out, &outlen);

	if (want == NULL ? rc == -1
			 : rc == 0 && outlen == strlen(want) &&
				   !strcmp(out, want)) {
		check_passed++;
	} else {
		check_failed++;
		fprintf(stderr, "%s:%d: ldi_fold(\"%s\"): want \"%s\", "
				"got \"%s\" (rc %d)\n",
			__FILE__, line, in, want ? want : "(error)",
			rc == 0 ? out : "(error)", rc);
	}
	free(out);
}

#define FOLD(in, want) check_fold(__LINE__, in, strlen(in), want)

static void test_fold(void)
{
	FOLD("BBC News", "bbc news");
	FOLD("", "");
	FOLD("Caf\xC3\xA9 Soci\xC3\xA9t\xC3\xA9", "cafe societe");
	FOLD("cafe\xCC\x81", "cafe");
	FOLD("U.K. & Europe!", "u.k. & europe!");
	FOLD("\xEF\xBC\xA1\xEF\xBC\xA2\xEF\xBC\xA3", "abc");
	FOLD("\xC5\x81\xC3\xB3" "d\xC5\xBA", "lodz");
	FOLD("Stra\xC3\x9F" "e", "strasse");
	FOLD("\xC2\xBD", "1\xE2\x81\x84" "2");
	FOLD("a\xE2\x80\x8D" "b", "ab");
	FOLD("\xEF\xBD\xB6\xEF\xBE\x9E", "\xE3\x82\xAC");
	FOLD("\xE3\x81\x8B\xE3\x82\x99\xE3\x82\x99", "\xE3\x81\x8C");
	FOLD("ab\xFF", NULL);
	FOLD("\xC3", NULL);
	FOLD("\xED\xA0\x80", NULL);
}

/* A word's term from ldi_analyze equals its ldi_fold. */
static void test_agree(void)
{
	static const char *const words[] = {
		"Caf\xC3\xA9",
		"\xC5\x81\xC3\xB3" "d\xC5\xBA",
		"Stra\xC3\x9F" "e",
		"\xEF\xAC\x81nance",
		"\xE3\x81\x8B\xE3\x82\x99",
		"\xC4\xB0stanbul",
		"\xE1\x84\x92\xE1\x85\xA1\xE1\x86\xAB", "\xEF\xA4\x80",
	};
	size_t i;
	struct collect c;

	for (i = 0; i < sizeof words / sizeof words[0]; i++) {
		char *f = NULL;
		size_t flen;

		run(&c, words[i], strlen(words[i]));
		CHECK_INT(ldi_fold(words[i], strlen(words[i]), &f, &flen), 0);
		CHECK_INT(c.count, 1);
		CHECK_STR(c.toks[0].term, f);
		free(f);
	}
}

static void test_lengths(void)
{
	char buf[512];
	struct collect c;
	size_t i;

	/* Exactly LDI_MAX_TERM_BYTES is a term; one more is not. */
	memset(buf, 'a', LDI_MAX_TERM_BYTES + 1);
	run(&c, buf, LDI_MAX_TERM_BYTES);
	CHECK_INT(c.count, 1);
	CHECK_INT(c.toks[0].len, LDI_MAX_TERM_BYTES);
	run(&c, buf, LDI_MAX_TERM_BYTES + 1);
	CHECK_INT(c.count, 0);

	/* The limit is on the folded form: 32 "é" (64 bytes) fold to 32
	 * bytes, 33 "ß" (66 bytes) to 66. */
	for (i = 0; i < 32; i++)
		memcpy(buf + 2 * i, "\xC3\xA9", 2);
	run(&c, buf, 64);
	CHECK_INT(c.count, 1);
	CHECK_INT(c.toks[0].len, 32);
	for (i = 0; i < 33; i++)
		memcpy(buf + 2 * i, "\xC3\x9F", 2);
	run(&c, buf, 66);
	CHECK_INT(c.count, 0);

	/* A long word between short ones does not disturb them. */
	memset(buf, 'x', 300);
	memcpy(buf, "ok ", 3);
	memcpy(buf + 297, " ok", 3);
	run(&c, buf, 300);
	CHECK_STR(c.buf, "ok ok");
}

/* exact: the term's own pointer for ASCII words and whenever the forms
 * are equal, the accented form otherwise. */
static void test_exact(void)
{
	struct collect c;
	size_t i;
	char buf[512];

	run(&c, "Hello world 1.5bn U.K. don't", 28);
	CHECK_INT(c.count, 5);
	for (i = 0; i < c.count && i < 16; i++) {
		CHECK(c.same_ptr[i]);
		CHECK_INT(c.toks[i].exact_len, c.toks[i].len);
	}
	/* Equal after folding though not ASCII: still the same pointer. */
	run(&c, "\xCE\xB1\xCE\xB2 \xEF\xBC\xA1 Stra\xC3\x9F" "e", 12);
	CHECK_INT(c.count, 3);
	for (i = 0; i < c.count && i < 16; i++)
		CHECK(c.same_ptr[i]);
	run(&c, "Caf\xC3\xA9", 5);
	CHECK(!c.same_ptr[0]);
	CHECK_STR(c.toks[0].exact, "caf\xC3\xA9");
	CHECK_INT(c.toks[0].exact_len, 5);

	/* 30 letters with three marks each: the term fits, the exact form
	 * (more than EXACT_MAX bytes) does not, and the term stands in. */
	for (i = 0; i < 30; i++)
		memcpy(buf + 7 * i, "a\xCC\x81\xCC\x88\xCC\xA3", 7);
	run(&c, buf, 210);
	CHECK_INT(c.count, 1);
	CHECK_INT(c.toks[0].len, 30);
	CHECK(c.same_ptr[0]);
}

/* A skipped token gives its position to the one that would have shared
 * it: a compound too long to be a term still starts at a new position. */
static void test_positions(void)
{
	struct collect c;
	char buf[256];

	memset(buf, 'a', 40);
	buf[40] = '-';
	memset(buf + 41, 'b', 40);
	run(&c, buf, 81);
	CHECK_INT(c.count, 2);
	CHECK_INT(c.toks[0].kind, LDI_TOKEN_PART);
	CHECK_INT(c.toks[0].pos_inc, 1);
	CHECK_INT(c.toks[1].pos_inc, 1);
	CHECK_INT(c.toks[0].start, 0);
	CHECK_INT(c.toks[1].start, 41);

	/* A part too long: the others stay, the compound goes. */
	memcpy(buf, "ab-", 3);
	memset(buf + 3, 'x', 70);
	memcpy(buf + 73, "-cd", 3);
	run(&c, buf, 76);
	CHECK_STR(c.buf, "p:ab p:cd");
	CHECK_INT(c.toks[0].pos_inc, 1);

	/* A hashtag too long: no SPECIAL, no ALT, the next word goes on. */
	buf[0] = '#';
	memset(buf + 1, 'h', 70);
	memcpy(buf + 71, " ok", 3);
	run(&c, buf, 74);
	CHECK_STR(c.buf, "ok");
}

static void test_url_lengths(void)
{
	char buf[1200];
	struct collect c;

	/* A URL of exactly LDI_MAX_URL_BYTES is a term; one more is
	 * skipped whole, not split into words. */
	memcpy(buf, "http://a.com/", 13);
	memset(buf + 13, 'p', LDI_MAX_URL_BYTES - 13);
	memcpy(buf + LDI_MAX_URL_BYTES, " ok", 3);
	run(&c, buf, LDI_MAX_URL_BYTES + 3);
	CHECK_INT(c.count, 2);
	CHECK_INT(c.toks[0].kind, LDI_TOKEN_SPECIAL);
	CHECK_INT(c.toks[0].len, LDI_MAX_URL_BYTES);
	CHECK_INT(c.toks[1].pos_inc, 1);
	memset(buf + 13, 'p', LDI_MAX_URL_BYTES - 12);
	memcpy(buf + LDI_MAX_URL_BYTES + 1, " ok", 3);
	run(&c, buf, LDI_MAX_URL_BYTES + 4);
	CHECK_STR(c.buf, "ok");
	CHECK_INT(c.toks[0].pos_inc, 1);
	/* Far longer than the gather buffer. */
	memset(buf + 13, 'q', 1100);
	run(&c, buf, 1113);
	CHECK_INT(c.count, 0);
}

static void test_stop(void)
{
	struct collect c;

	memset(&c, 0, sizeof c);
	c.inlen = 13;
	c.stop_after = 2;
	CHECK_INT(ldi_analyze("one two three", 13, collect_fn, &c), 7);
	CHECK_INT(c.count, 2);

	/* Inside a compound, a CJK run and after a SPECIAL. */
	memset(&c, 0, sizeof c);
	c.inlen = 16;
	c.stop_after = 2;
	CHECK_INT(ldi_analyze("post-incident xy", 16, collect_fn, &c), 7);
	CHECK_INT(c.count, 2);
	memset(&c, 0, sizeof c);
	c.inlen = 9;
	c.stop_after = 2;
	CHECK_INT(ldi_analyze("\xE6\x9D\xB1\xE4\xBA\xAC\xE9\x83\xBD", 9,
			      collect_fn, &c),
		  7);
	CHECK_INT(c.count, 2);
	memset(&c, 0, sizeof c);
	c.inlen = 10;
	c.stop_after = 1;
	CHECK_INT(ldi_analyze("#brexit xy", 10, collect_fn, &c), 7);
	CHECK_INT(c.count, 1);
}

/* Pathological input stays linear: a million marks on one letter, a
 * million marks in an order utf8proc would have to sort, a 50 MB word. */
static void test_pathological(void)
{
	size_t n = 1000000, i, big = 50u << 20;
	char *s = malloc(2 * n + 2);
	char *f = NULL;
	size_t flen = 0;
	struct collect c;
	clock_t t0 = clock();

	CHECK(s != NULL);
	if (!s)
		return;
	s[0] = 'a';
	for (i = 0; i < n; i++) /* U+0301 (class 230), U+0316 (220) */
		memcpy(s + 1 + 2 * i, i % 2 ? "\xCC\x96" : "\xCC\x81", 2);
	s[1 + 2 * n] = 'b';
	run(&c, s, 2 * n + 2);
	CHECK_STR(c.buf, "ab");
	CHECK_INT(ldi_fold(s, 2 * n + 2, &f, &flen), 0);
	CHECK_STR(f, "ab");
	free(f);
	free(s);

	s = malloc(big);
	CHECK(s != NULL);
	if (!s)
		return;
	memset(s, 'z', big);
	run(&c, s, big);
	CHECK_INT(c.count, 0);
	free(s);

	/* The new scanners on 2 MB each (a quadratic scan of 2 MB is
	 * trillions of steps; a linear one well under a second even under
	 * the sanitizers, on a busy machine): hyphen chains, ranges, '@' and
	 * '#' runs, local parts before a far '@', a URL without end, CJK. */
	{
		static const char *const units[] = {
			"a-", "1-", "@", "#", "a.", "a@", "@a", "#a",
			"www.", "\xE6\x9D\xB1", "a.b-c@",
		};
		size_t u, n10 = 2u << 20;

		s = malloc(n10);
		CHECK(s != NULL);
		if (!s)
			return;
		for (u = 0; u < sizeof units / sizeof units[0]; u++) {
			size_t ul = strlen(units[u]), j;

			for (j = 0; j + ul <= n10; j += ul)
				memcpy(s + j, units[u], ul);
			CHECK_INT(run(&c, s, j), 0);
		}
		memcpy(s, "http://", 7);
		memset(s + 7, 'u', n10 - 7);
		CHECK_INT(run(&c, s, n10), 0);
		CHECK_INT(c.count, 0);
		free(s);
	}
	/* Generous even under sanitizers; quadratic would take hours. */
	CHECK((double)(clock() - t0) / CLOCKS_PER_SEC < 30.0);
}

int main(void)
{
	const char *v = ldi_unicode_version();

	test_terms();
	test_offsets();
	test_fold();
	test_agree();
	test_exact();
	test_positions();
	test_lengths();
	test_url_lengths();
	test_stop();
	test_pathological();
	CHECK(v != NULL && v[0] >= '1' && v[0] <= '9');
	printf("%zu term cases, %zu offset cases\n",
	       sizeof term_cases / sizeof term_cases[0],
	       sizeof offset_cases / sizeof offset_cases[0]);
	return CHECK_DONE();
}
