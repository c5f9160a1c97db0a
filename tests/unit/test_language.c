/* test_language.c: unit tests of language tags, stemmers, stopwords and
 * detection (language.h).
 * SPDX-License-Identifier: MIT
 *
 * Detection cases are short news paragraphs written for this test, one per
 * line with the language expected; a failure names the case's line.
 */
#include "analyze.h"
#include "check.h"
#include "language.h"

#include <stdlib.h>
#include <string.h>

struct code_case {
	int line;
	const char *tag;
	const char *want;
};

#define C(tag, want) { __LINE__, tag, want }

static const struct code_case code_cases[] = {
	C("en", "en"),
	C("en-US", "en"),
	C("en-us", "en"),
	C("EN", "en"),
	C("en-UK", "en"),
	C("en_GB", "en"),
	C("pt_BR", "pt"),
	C("pl-PL", "pl"),
	C("pol", "pl"),
	C("POL", "pl"),
	C("Polish", "pl"),
	C("polish", "pl"),
	C("ENGLISH", "en"),
	C(" de-DE ", "de"),
	C("deu", "de"),
	C("ger", "de"),
	C("fre", "fr"),
	C("fra-FR", "fr"),
	C("dut", "nl"),
	C("nb-NO", "no"),
	C("nn", "no"),
	C("nob", "no"),
	C("Norwegian", "no"),
	C("rum", "ro"),
	C("ron", "ro"),
	C("gre", "el"),
	C("Greek", "el"),
	C("baq", "eu"),
	C("gle", "ga"),
	C("Irish Gaelic", "ga"),
	C("arm", "hy"),
	C("cze", "cs"),
	C("zh-Hant-TW", "zh"),
	C("zh_CN", "zh"),
	C("chi", "zh"),
	C("ja-JP", "ja"),
	C("ko", "ko"),
	C("iw", "he"),
	C("in", "id"),
	C("uk-UA", "uk"),
	C("en_US.UTF-8", "en"),
	C("English-US", "en"),
	C("", NULL),
	C("   ", NULL),
	C("xx", NULL),
	C("xx-YY", NULL),
	C("e", NULL),
	C("engl", NULL),
	C("klingon", NULL),
	C("-en", NULL),
	C("zz_Latn", NULL),
	C("\xC3\xA9n", NULL),
};

struct stem_case {
	const char *code;
	const char *want;
};

static const struct stem_case stem_cases[] = {
	{ "en", "english" },	{ "fr", "french" },	{ "de", "german" },
	{ "es", "spanish" },	{ "it", "italian" },	{ "pt", "portuguese" },
	{ "nl", "dutch" },	{ "sv", "swedish" },	{ "da", "danish" },
	{ "no", "norwegian" },	{ "fi", "finnish" },	{ "hu", "hungarian" },
	{ "ro", "romanian" },	{ "ru", "russian" },	{ "tr", "turkish" },
	{ "ar", "arabic" },	{ "ca", "catalan" },	{ "eu", "basque" },
	{ "ga", "irish" },	{ "id", "indonesian" }, { "lt", "lithuanian" },
	{ "ne", "nepali" },	{ "ta", "tamil" },	{ "hy", "armenian" },
	{ "pl", NULL },		{ "cs", NULL },		{ "uk", NULL },
	{ "el", NULL },		{ "ja", NULL },		{ "zh", NULL },
	{ "ko", NULL },		{ "hi", NULL },		{ "xx", NULL },
	{ "EN", NULL },		{ "", NULL },
};

struct detect_case {
	int line;
	const char *text;
	const char *want;
};

#define D(text, want) { __LINE__, text, want }

static const struct detect_case detect_cases[] = {
	D("The prime minister said on Tuesday that the government would not "
	  "raise taxes before the next election. Opposition leaders called "
	  "the plan a gamble and asked where the money for hospitals would "
	  "come from.",
	  "en"),
	D("Le gouvernement a annoncé mardi une hausse du prix de l'électricité "
	  "de dix pour cent. Selon le ministre, cette mesure est nécessaire "
	  "pour financer les réseaux, mais les syndicats ont déjà appelé à une "
	  "grève dans toute la France.",
	  "fr"),
	D("Die Bundesregierung hat am Mittwoch ein neues Gesetz für den "
	  "Klimaschutz beschlossen. Nach Angaben des Ministeriums sollen die "
	  "Emissionen bis zum Jahr 2030 deutlich sinken, doch die Opposition "
	  "kritisiert, dass die Pläne nicht weit genug gehen.",
	  "de"),
	D("El Gobierno aprobó este martes un nuevo paquete de ayudas para los "
	  "agricultores afectados por la sequía. Según el ministro, las "
	  "medidas llegarán a más de cien mil familias antes del verano, "
	  "aunque las organizaciones del sector piden más apoyo.",
	  "es"),
	D("Il governo ha approvato ieri sera il decreto sulle pensioni, che "
	  "sarà discusso in Parlamento la prossima settimana. Secondo i "
	  "sindacati il testo non risolve i problemi dei lavoratori più "
	  "giovani e per questo hanno annunciato uno sciopero.",
	  "it"),
	D("O governo anunciou nesta segunda-feira um novo programa de "
	  "habitação para as famílias de baixa renda. Segundo o ministro, as "
	  "primeiras casas serão entregues até o fim do ano, mas a oposição "
	  "diz que o orçamento não é suficiente.",
	  "pt"),
	D("Het kabinet heeft dinsdag besloten om de accijns op brandstof niet "
	  "te verhogen. Volgens de minister is dat nodig omdat veel "
	  "huishoudens het al moeilijk hebben, maar de oppositie vindt dat er "
	  "te weinig wordt gedaan voor het klimaat.",
	  "nl"),
	D("Regeringen meddelade på tisdagen att skatten på bensin inte ska "
	  "höjas under nästa år. Enligt finansministern är det nödvändigt "
	  "eftersom många hushåll har det svårt, men oppositionen menar att "
	  "beslutet är ett misstag för klimatet.",
	  "sv"),
	D("Regeringen meddelte tirsdag, at afgiften på benzin ikke skal hæves "
	  "i det kommende år. Ifølge ministeren er det nødvendigt, fordi mange "
	  "familier har svært ved at få pengene til at slå til. "
	  "Oppositionen mener dog, at der er tale om en fejl, og at der burde "
	  "have været gjort noget mere for klimaet.",
	  "da"),
	D("Regjeringen sa tirsdag at avgiften på bensin ikke skal økes neste "
	  "år. Ifølge finansministeren er det nødvendig fordi mange "
	  "husholdninger sliter. Opposisjonen mener derimot at det er feil, og "
	  "at det burde vært gjort noe mer for klimaet etter flere år med "
	  "tørke.",
	  "no"),
	D("Rząd przyjął we wtorek projekt ustawy o podatku od nieruchomości. "
	  "Według ministra finansów nowe przepisy mają wejść w życie już od "
	  "stycznia, ale opozycja twierdzi, że to za wcześnie i że samorządy "
	  "nie są na to gotowe.",
	  "pl"),
	D("Vláda ve středu schválila návrh zákona o dani z nemovitostí. Podle "
	  "ministra financí by nová pravidla měla platit už od ledna, ale "
	  "opozice tvrdí, že je to příliš brzy a že obce na to nejsou "
	  "připraveny.",
	  "cs"),
	D("A kormány kedden elfogadta az új adótörvényt, amely szerint a "
	  "benzin ára nem emelkedik jövőre. A miniszter azt mondta, hogy erre "
	  "azért van szükség, mert sok család nehéz helyzetben van, de az "
	  "ellenzék szerint ez nem elég.",
	  "hu"),
	D("Hallitus ilmoitti tiistaina, että polttoaineveroa ei nosteta ensi "
	  "vuonna. Ministerin mukaan päätös on välttämätön, koska monet "
	  "perheet ovat vaikeassa tilanteessa, mutta oppositio on sitä mieltä "
	  "että ilmasto unohtuu.",
	  "fi"),
	D("Hükümet salı günü yaptığı açıklamada akaryakıt vergisinin gelecek "
	  "yıl artırılmayacağını bildirdi. Bakan, bu kararın birçok aile için "
	  "çok önemli olduğunu söyledi ama muhalefet bu adımın yeterli "
	  "olmadığını ve daha fazla destek gerektiğini belirtti.",
	  "tr"),
	D("Guvernul a anunțat marți că prețul la energie nu va crește în "
	  "anul următor. Potrivit ministrului, această măsură este necesară "
	  "pentru că multe familii au probleme, dar opoziția spune că planul "
	  "nu este suficient.",
	  "ro"),
	D("El Govern va aprovar dimarts un nou paquet d'ajudes per als "
	  "pagesos afectats per la sequera. Segons el conseller, les mesures "
	  "arribaran a més de deu mil famílies abans de l'estiu, però les "
	  "organitzacions del sector demanen més suport.",
	  "ca"),
	D("Pemerintah mengumumkan pada hari Selasa bahwa harga bahan bakar "
	  "tidak akan naik tahun ini. Menurut menteri, keputusan itu diambil "
	  "karena banyak keluarga yang masih kesulitan, tetapi pihak oposisi "
	  "mengatakan bahwa langkah tersebut belum cukup.",
	  "id"),
	D("Правительство во вторник объявило, что цены на бензин не будут "
	  "повышены в следующем году. По словам министра, это решение было "
	  "принято потому, что многие семьи испытывают трудности.",
	  "ru"),
	D("Уряд у вівторок оголосив, що ціни на пальне не зростуть наступного "
	  "року. За словами міністра, це рішення ухвалили через те, що "
	  "багато родин мають труднощі.",
	  "uk"),
	D("Η κυβέρνηση ανακοίνωσε την Τρίτη ότι οι τιμές της βενζίνης δεν θα "
	  "αυξηθούν τον επόμενο χρόνο. Σύμφωνα με τον υπουργό, η απόφαση "
	  "ελήφθη επειδή πολλές οικογένειες αντιμετωπίζουν δυσκολίες.",
	  "el"),
	D("أعلنت الحكومة يوم الثلاثاء أن أسعار الوقود لن ترتفع في العام "
	  "المقبل. وقال الوزير إن القرار اتخذ لأن كثيرا من الأسر تواجه "
	  "صعوبات، لكن المعارضة اعتبرت الخطوة غير كافية.",
	  "ar"),
	D("הממשלה הודיעה ביום שלישי כי מחירי הדלק לא יעלו בשנה הבאה. לדברי "
	  "השר, ההחלטה התקבלה משום שמשפחות רבות מתקשות.",
	  "he"),
	D("सरकार ने मंगलवार को घोषणा की कि अगले साल ईंधन की कीमतें नहीं "
	  "बढ़ेंगी। मंत्री ने कहा कि यह फैसला इसलिए लिया गया क्योंकि कई परिवार "
	  "मुश्किल में हैं।",
	  "hi"),
	D("รัฐบาลประกาศเมื่อวันอังคารว่าราคาน้ำมันจะไม่ขึ้นในปีหน้า "
	  "รัฐมนตรีกล่าวว่าการตัดสินใจนี้เป็นเพราะหลายครอบครัวยังลำบาก",
	  "th"),
	D("政府は火曜日、来年の燃料価格を引き上げないと発表した。大臣は、"
	  "多くの家庭が苦しい状況にあるためだと説明した。",
	  "ja"),
	D("政府周二宣布，明年燃油价格不会上涨。部长表示，这一决定是因为许多"
	  "家庭仍然面临困难，但反对党认为措施不够。",
	  "zh"),
	D("정부는 화요일 내년 연료 가격을 올리지 않겠다고 발표했다. 장관은 "
	  "많은 가정이 어려움을 겪고 있기 때문이라고 설명했다.",
	  "ko"),
	/* A headline and one sentence: too few stopwords alone, but letters
	 * only Polish writes confirm them; Polish and Czech share most of
	 * their short words. */
	D("Pożar w kamienicy przy ulicy Głównej. Do zdarzenia doszło w "
	  "czwartek na terenie Łodzi, strażacy są na miejscu.",
	  "pl"),
	D("Jak głosować poza miejscem zamieszkania i za granicą? Do "
	  "października można to zrobić o prawie do głosowania z urzędu.",
	  "pl"),
	D("Ke konci října se o tom bude jednat i za účasti ministra. Jak "
	  "řekl, do té doby není co dodat, na úřadě se čeká.",
	  "cs"),
	/* Too short, mixed or without evidence. */
	D("", NULL),
	D("Hello there", NULL),
	D("Brexit: the latest", NULL),
	D("12345 67890 2023-10-01 20:00", NULL),
	D("!!! ??? ... --- ***", NULL),
	D("The summit opened in Berlin today, and the talks will go on. "
	  "Саммит открылся сегодня в Берлине, и переговоры продолжатся.",
	  NULL),
	D("Apple Microsoft Google Amazon Tesla Nvidia Netflix Meta Intel "
	  "Samsung Sony Toyota",
	  NULL),
	/* Invalid bytes are skipped, not fatal. */
	D("The \xFF\xFE minister said \xC3 that the government would not "
	  "raise taxes before the next election and that it was final.",
	  "en"),
};

static void test_codes(void)
{
	size_t i;

	for (i = 0; i < sizeof code_cases / sizeof code_cases[0]; i++) {
		const struct code_case *c = &code_cases[i];
		const char *got = ldi_language_code(c->tag, strlen(c->tag));

		if ((got == NULL) != (c->want == NULL) ||
		    (got && strcmp(got, c->want)))
			fprintf(stderr, "line %d: tag \"%s\"\n", c->line,
				c->tag);
		CHECK_STR(got, c->want);
	}
	CHECK_STR(ldi_language_code(NULL, 0), NULL);
	/* Only the first len bytes count. */
	CHECK_STR(ldi_language_code("pt-BRxx", 2), "pt");
	CHECK_STR(ldi_language_code("polishx", 6), "pl");
}

static void test_stemmers(void)
{
	size_t i;

	for (i = 0; i < sizeof stem_cases / sizeof stem_cases[0]; i++)
		CHECK_STR(ldi_language_stemmer(stem_cases[i].code),
			  stem_cases[i].want);
	CHECK_STR(ldi_language_stemmer(NULL), NULL);
}

static void test_detect(void)
{
	size_t i;

	for (i = 0; i < sizeof detect_cases / sizeof detect_cases[0]; i++) {
		const struct detect_case *c = &detect_cases[i];
		const char *got = ldi_language_detect(c->text,
						      strlen(c->text));

		if ((got == NULL) != (c->want == NULL) ||
		    (got && strcmp(got, c->want)))
			fprintf(stderr, "line %d: detected \"%s\"\n", c->line,
				got ? got : "(null)");
		CHECK_STR(got, c->want);
	}
	CHECK_STR(ldi_language_detect(NULL, 0), NULL);
}

/* A long text: only the start is read, and a cut inside a character does
 * no harm. */
static void test_detect_long(void)
{
	static const char unit[] = "Zażółć gęślą jaźń, że się nie da. ";
	size_t n = 20000, used = 0;
	char *text = malloc(n);

	CHECK(text != NULL);
	if (!text)
		return;
	while (used + sizeof unit - 1 <= n) {
		memcpy(text + used, unit, sizeof unit - 1);
		used += sizeof unit - 1;
	}
	CHECK_STR(ldi_language_detect(text, used), "pl");
	CHECK_STR(ldi_language_detect(text, 4097), "pl");
	free(text);
}

static void test_stopwords(void)
{
	CHECK_INT(ldi_is_stopword("en", "the", 3), 1);
	CHECK_INT(ldi_is_stopword("en", "dont", 4), 1);
	CHECK_INT(ldi_is_stopword("en", "minister", 8), 0);
	CHECK_INT(ldi_is_stopword("en", "th", 2), 0);
	CHECK_INT(ldi_is_stopword("en", "thee", 4), 0);
	CHECK_INT(ldi_is_stopword("de", "fur", 3), 1);
	CHECK_INT(ldi_is_stopword("de", "uber", 4), 1);
	CHECK_INT(ldi_is_stopword("de", "dass", 4), 1);
	CHECK_INT(ldi_is_stopword("de", "für", strlen("für")), 0);
	CHECK_INT(ldi_is_stopword("fr", "ete", 3), 1);
	CHECK_INT(ldi_is_stopword("fr", "etre", 4), 1);
	CHECK_INT(ldi_is_stopword("fr", "gouvernement", 12), 0);
	CHECK_INT(ldi_is_stopword("pl", "sie", 3), 1);
	CHECK_INT(ldi_is_stopword("pl", "ze", 2), 1);
	CHECK_INT(ldi_is_stopword("pl", "juz", 3), 1);
	CHECK_INT(ldi_is_stopword("pl", "byl", 3), 1);
	CHECK_INT(ldi_is_stopword("pl", "rzad", 4), 0);
	CHECK_INT(ldi_is_stopword("cs", "ze", 2), 1);
	CHECK_INT(ldi_is_stopword("da", "pa", 2), 1);
	CHECK_INT(ldi_is_stopword("da", "vaere", 5), 1);
	CHECK_INT(ldi_is_stopword("tr", "icin", 4), 1);
	CHECK_INT(ldi_is_stopword("ro", "si", 2), 1);
	CHECK_INT(ldi_is_stopword("ru", "и", strlen("и")), 1);
	CHECK_INT(ldi_is_stopword("ru", "еще", strlen("еще")), 1);
	CHECK_INT(ldi_is_stopword("ru", "которыи", strlen("которыи")), 1);
	CHECK_INT(ldi_is_stopword("ru", "ещё", strlen("ещё")), 0);
	/* The length bounds the term: "these" cut to "the". */
	CHECK_INT(ldi_is_stopword("en", "these", 3), 1);
	CHECK_INT(ldi_is_stopword("en", "", 0), 0);
	/* No list, or no such language. */
	CHECK_INT(ldi_is_stopword("ja", "no", 2), 0);
	CHECK_INT(ldi_is_stopword("xx", "the", 3), 0);
	CHECK_INT(ldi_is_stopword(NULL, "the", 3), 0);
	CHECK_INT(ldi_is_stopword("EN", "the", 3), 0);
}

struct one_token {
	int count;
	int kind_ok;
	char term[LDI_MAX_TERM_BYTES + 1];
};

static int take_token(void *ctx, const ldi_token_t *tok)
{
	struct one_token *t = ctx;

	if (++t->count == 1) {
		t->kind_ok = tok->kind == LDI_TOKEN_WORD;
		if (tok->len <= LDI_MAX_TERM_BYTES) {
			memcpy(t->term, tok->term, tok->len);
			t->term[tok->len] = '\0';
		}
	}
	return 0;
}

/* Every list is strictly sorted (so binary search finds every word, and
 * none is listed twice) and every entry is already a folded term: the
 * analyser turns it into exactly itself. */
static void test_lists(void)
{
	static const char *const with_lists[] = {
		"en", "fr", "de", "es", "it", "pt", "nl", "sv",
		"da", "no", "fi", "hu", "ro", "tr", "ca", "eu",
		"ga", "id", "lt", "pl", "cs", "ru",
	};
	size_t i, j;

	for (i = 0; i < sizeof with_lists / sizeof with_lists[0]; i++) {
		const char *code = with_lists[i];
		size_t n;
		const char *const *list = ldi_language_stopwords(code, &n);

		CHECK(list != NULL);
		if (n < 80)
			fprintf(stderr, "%s: %zu stopwords\n", code, n);
		CHECK(n >= 80);
		for (j = 0; list && j < n; j++) {
			struct one_token t;
			size_t len = strlen(list[j]);

			memset(&t, 0, sizeof t);
			if (j > 0 && strcmp(list[j - 1], list[j]) >= 0) {
				fprintf(stderr, "%s: \"%s\" before \"%s\"\n",
					code, list[j - 1], list[j]);
				CHECK(!"list sorted");
			}
			CHECK_INT(ldi_analyze(list[j], len, take_token, &t),
				  0);
			if (t.count != 1 || !t.kind_ok ||
			    strcmp(t.term, list[j])) {
				fprintf(stderr, "%s: \"%s\" is not folded\n",
					code, list[j]);
				CHECK(!"entry folded");
			}
			CHECK_INT(ldi_is_stopword(code, list[j], len), 1);
		}
	}
	for (i = 0; i < 2; i++) {
		size_t n = 1;

		CHECK(ldi_language_stopwords(i ? "ja" : "xx", &n) == NULL);
		CHECK_INT(n, 0);
	}
}

/* Whether the sorted list[0..n) holds s[0..len): the answer
 * ldi_is_stopword must give, found without its hash table. */
static int listed(const char *const *list, size_t n, const char *s,
		  size_t len)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		size_t wlen = strlen(list[mid]);
		int c = memcmp(list[mid], s, wlen < len ? wlen : len);

		if (c == 0 && wlen != len)
			c = wlen < len ? -1 : 1;
		if (c == 0)
			return 1;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

/* The table built at build time answers exactly as the lists do: every
 * listed word, cut by a byte and grown by one, is a stopword of precisely
 * the languages whose lists hold it, whatever other lists share it. */
static void test_lookup_exact(void)
{
	static const char *const codes[] = {
		"en", "fr", "de", "es", "it", "pt", "nl", "sv", "da", "no",
		"fi", "hu", "ro", "tr", "ca", "eu", "ga", "id", "lt", "pl",
		"cs", "ru", "uk", "ja", "zh",
	};
	const size_t ncodes = sizeof codes / sizeof codes[0];
	size_t a, b, j, v;

	for (a = 0; a < ncodes; a++) {
		size_t n;
		const char *const *list = ldi_language_stopwords(codes[a], &n);

		for (j = 0; j < n; j++) {
			char word[64];
			size_t len = strlen(list[j]);

			CHECK(len + 2 <= sizeof word);
			if (len + 2 > sizeof word)
				continue;
			memcpy(word, list[j], len);
			word[len] = 's';
			for (v = 0; v < 3; v++) {
				size_t wlen = v == 0 ? len : v == 1 ? len - 1
								    : len + 1;

				for (b = 0; b < ncodes; b++) {
					size_t m;
					const char *const *other =
						ldi_language_stopwords(codes[b],
								       &m);
					int want = listed(other, m, word, wlen);

					if (ldi_is_stopword(codes[b], word,
							    wlen) == want)
						continue;
					fprintf(stderr, "%s: \"%.*s\" not %d\n",
						codes[b], (int)wlen, word,
						want);
					CHECK(!"lookup as the lists say");
				}
			}
		}
	}
}

int main(void)
{
	test_codes();
	test_stemmers();
	test_detect();
	test_detect_long();
	test_stopwords();
	test_lists();
	test_lookup_exact();
	return CHECK_DONE();
}
