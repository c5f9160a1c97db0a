/* extract_words.c: the English words extraction's rules turn on, and the
 * organisations known by name.
 * SPDX-License-Identifier: MIT
 *
 * Each list is a class of extract_int.h. They are built into one hash map
 * from the lower-case word to its classes, once per process, so the
 * tokenizer learns everything about a word with one lookup.
 *
 * The lists hold what newspapers write, not what a dictionary holds: a
 * word belongs to a list when leaving it out made extraction wrong on
 * real articles (a "Street" in a person's name, a "Meanwhile" at the
 * start of one).
 */
#include <ctype.h>
#include <pthread.h>
#include <string.h>

#include "extract_int.h"
#include "language.h"

static const char honorifics[] = "mr mrs ms miss mx dr sir dame";

static const char nobles[] = "lord lady baroness baron viscount marquess";

static const char royals[] =
	"pope king queen prince princess duke duchess earl countess emperor "
	"empress sheikh";

static const char titles[] =
	"president minister secretary chancellor senator sen rep "
	"representative congressman congresswoman governor gov judge justice "
	"commissioner inspector detective det sergeant sgt constable pc dc "
	"di dci supt superintendent professor prof general gen captain capt "
	"colonel col lieutenant lt major maj brigadier admiral commander "
	"marshal corporal private coach archbishop bishop cardinal father rev "
	"reverend rabbi imam ayatollah ambassador chairman chairwoman "
	"chairperson mayor councillor cllr leader speaker executive officer "
	"premier attorney counsel envoy deputy mp mep msp qc vice-president "
	"president-elect taoiseach chancellor-elect treasurer";

static const char roles[] =
	"spokesman spokeswoman spokesperson chairman chairwoman chief "
	"executive director manager boss coach striker forward midfielder "
	"defender goalkeeper keeper winger captain skipper player star actor "
	"actress singer songwriter musician rapper drummer guitarist writer "
	"author novelist poet playwright producer presenter host broadcaster "
	"comedian analyst economist strategist expert academic professor "
	"lecturer researcher scientist lawyer solicitor barrister attorney "
	"judge magistrate officer detective inspector colleague founder "
	"co-founder head editor correspondent reporter journalist columnist "
	"critic commentator leader minister secretary chancellor president "
	"senator governor mp mep adviser advisor aide official candidate "
	"campaigner activist veteran champion rival opponent partner son "
	"daughter wife husband brother sister father mother widow owner "
	"investor banker trader designer architect doctor surgeon nurse "
	"teacher student chef model photographer artist boxer golfer jockey "
	"trainer runner sprinter athlete cyclist swimmer driver batsman "
	"bowler fly-half scrum-half full-back centre flanker prop hooker "
	"premier envoy ambassador negotiator commander soldier sergeant "
	"priest vicar bishop archbishop imam rabbi deputy vice-president "
	"vice-chairman prosecutor defendant suspect victim chairperson ceo "
	"boss frontman guitarist bassist midfielder mayor councillor "
	"chief-executive manager-elect filmmaker film-maker director-general";

static const char speech[] =
	"said says told tells added adds explained explains warned warns "
	"insisted insists claimed claims argued argues stressed stresses "
	"admitted admits noted notes wrote writes commented comments "
	"continued continues asked asks replied replies recalled recalls "
	"revealed reveals confirmed confirms announced announces declared "
	"declares urged urges suggested suggests acknowledged acknowledges "
	"conceded concedes predicted predicts maintained maintains agreed "
	"agrees";

static const char org_words[] =
	"party council commission committee bank ministry department office "
	"university college association agency authority corporation corp "
	"inc ltd plc llc group union federation club fc police service "
	"services court parliament assembly institute institution foundation "
	"trust society board organisation organization airlines airways "
	"company bureau confederation fund network networks holdings "
	"industries motors systems technologies communications telecom "
	"chamber alliance movement front army navy reserve exchange "
	"studios league academy museum gallery library school "
	"forum observatory tribunal secretariat directorate guard "
	"regiment brigade brigades command conference consortium cooperative "
	"co-operative embassy consulate congress senate "
	"partnership centre commissioners administration limited advisors "
	"advisers laboratories labs research registry campaign";

static const char nonnames[] =
	"monday tuesday wednesday thursday friday saturday sunday january "
	"february march july september october november december street "
	"road avenue lane square cup championship championships trophy prize "
	"award awards games olympics olympic open festival day week year "
	"christmas easter internet web premiership grand slam test nations "
	"tour stadium park centre center station airport house palace castle "
	"bridge tower island islands river mount lake sea ocean valley way "
	"gate government state states republic kingdom empire act bill "
	"budget report review show oscar oscars bafta baftas grammy grammys "
	"emmy emmys globe globes album chart radio tv channel news online "
	"times post herald journal mail telegraph guardian observer "
	"independent express mirror tribune gazette chronicle standard "
	"united city rovers athletic albion wanderers town county rangers "
	"celtic hotspur villa forest labour labor tory tories lib dem dems "
	"democrat democrats republican republicans conservative conservatives "
	"liberal liberals unionist unionists nationalist nationalists "
	"socialist socialists communist communists exchequer commons "
	"treasury whitehall downing westminster brexit covid coronavirus "
	"super bowl series final finals semi world global new royal national "
	"central great big brother windows xbox playstation linux explorer "
	"firefox mac macintosh ipod internet dot com online digital mobile "
	"league division premier champions ministry department office "
	"school university college hospital church museum gallery theatre "
	"cinema hotel club team squad crown court high supreme appeal "
	"general assembly council army navy force forces police service "
	"northern southern eastern western north south east west "
	"international european african asian american arab islamic "
	"muslim christian jewish catholic protestant god allah jesus "
	"bible koran quran chapter section article page part volume "
	"edition version update release tax vat gdp ftse dow nasdaq "
	"index market markets stock stocks shares bond bonds relations arts "
	"kids affairs sciences resources studies products solutions partners "
	"associates brothers sisters sons entertainment media pictures "
	"records music software fair magazine man capital securities "
	"consulting full article story sox stick aid bay restoration read "
	"insider universe fire";

static const char demonyms[] =
	"british english scottish welsh irish american french german italian "
	"spanish portuguese dutch belgian swiss austrian swedish norwegian "
	"danish finnish polish czech slovak hungarian romanian bulgarian "
	"greek turkish russian ukrainian belarusian georgian armenian "
	"israeli palestinian arab lebanese syrian iraqi iranian afghan "
	"pakistani indian chinese japanese korean vietnamese thai indonesian "
	"malaysian filipino australian canadian mexican brazilian argentine "
	"argentinian chilean colombian venezuelan cuban african egyptian "
	"libyan moroccan algerian tunisian nigerian kenyan ethiopian somali "
	"sudanese zimbabwean european asian latin saudi yemeni qatari "
	"emirati jordanian serbian croatian bosnian albanian kosovan "
	"slovenian estonian latvian lithuanian icelandic scandinavian nordic "
	"baltic kurdish muslim christian jewish catholic protestant sunni "
	"shia shiite western eastern soviet deutsche aussie";

static const char openers[] =
	"meanwhile yesterday today tonight tomorrow now later earlier last "
	"next separately elsewhere instead also still speaking asked despite "
	"following according after before under when while since unlike "
	"like overall however therefore currently recently previously "
	"initially eventually finally ultimately analysts officials critics "
	"experts observers sources ministers police supporters opponents fans "
	"many most some several other others both former ex new old "
	"thousands hundreds millions dozens but and so yet then "
	"even only just if unless although though whereas because please "
	"thanks thank welcome congratulations dear hello hi perhaps maybe "
	"certainly clearly sadly luckily fortunately unfortunately "
	"interestingly importantly crucially notably indeed besides "
	"furthermore moreover additionally nevertheless nonetheless "
	"regardless tuesday monday wednesday thursday friday saturday sunday "
	"shares profits sales prices talks plans fears hopes calls one two "
	"three four five six seven eight nine ten";

static const char particles[] =
	"de da van von der den del della di du la le bin ibn al el dos das "
	"ter ten bint abu";

static const char locatives[] =
	"in to from into across near at throughout visit visited visiting "
	"visits towards toward outside inside around via within beyond leave "
	"left leaving reach reached enter entered entering return returned "
	"returning fled flee travel travelled traveled of";

static const char males[] =
	"mr sir lord king prince duke earl pope father baron emperor sheikh "
	"he viscount marquess";

static const char females[] =
	"mrs ms miss dame lady queen princess duchess countess baroness she "
	"empress";

static const char gov_words[] =
	"government prime minister president foreign home defence defense "
	"army navy embassy ambassador cabinet parliament forces troops "
	"treasury secretary chancellor premier envoy consulate military "
	"officials authorities police economy";

static const char compass[] =
	"north south east west northern southern eastern western central "
	"greater upper lower mid north-east north-west south-east south-west "
	"north-eastern north-western south-eastern south-western inner outer "
	"downtown coastal rural";

static const char pronouns[] = "he she";

static const char connectors[] = "of for and the & de du des";

static const char times[] =
	"monday tuesday wednesday thursday friday saturday sunday january "
	"february march april may june july august september october "
	"november december";

static const char romans[] = "ii iii iv vi vii viii ix xi xii xiii xiv xv xvi";

static const char determiners[] =
	"the a an his her its their this that these those our my";

static const struct {
	const char *words;
	uint32_t cls;
} word_lists[] = {
	{ honorifics, W_HONORIFIC },
	{ nobles, W_NOBLE },
	{ royals, W_ROYAL },
	{ titles, W_TITLE },
	{ roles, W_ROLE },
	{ speech, W_SPEECH },
	{ org_words, W_ORG },
	{ nonnames, W_NONNAME },
	{ demonyms, W_DEMONYM },
	{ openers, W_OPENER },
	{ particles, W_PARTICLE },
	{ locatives, W_LOCATIVE },
	{ males, W_MALE },
	{ females, W_FEMALE },
	{ gov_words, W_GOV },
	{ compass, W_COMPASS },
	{ pronouns, W_PRONOUN },
	{ connectors, W_CONNECTOR },
	{ romans, W_ROMAN },
	{ determiners, W_DET },
	{ times, W_TIME },
};

#define NOT_SENT ORG_NOT_SENT
#define NOT_AFTER_CAP ORG_NOT_AFTER_CAP
#define MIXED ORG_MIXED_CASE

/* Organisations known by name, as written (case matters: "Nato" and
 * "NATO" are both here, "nato" is not). A NULL canonical means the name
 * is its own canonical form. */
static const struct {
	const char *name, *canonical;
	unsigned flags;
} known_orgs[] = {
	{ "UN", "United Nations", 0 },
	{ "U.N.", "United Nations", 0 },
	{ "United Nations", NULL, 0 },
	{ "EU", "European Union", 0 },
	{ "E.U.", "European Union", 0 },
	{ "European Union", NULL, 0 },
	{ "NATO", NULL, 0 },
	{ "Nato", "NATO", 0 },
	{ "North Atlantic Treaty Organization", "NATO", 0 },
	{ "FBI", NULL, 0 },
	{ "CIA", NULL, 0 },
	{ "NSA", NULL, 0 },
	{ "MI5", NULL, 0 },
	{ "MI6", NULL, 0 },
	{ "GCHQ", NULL, 0 },
	{ "IMF", "International Monetary Fund", 0 },
	{ "International Monetary Fund", NULL, 0 },
	{ "WTO", "World Trade Organization", 0 },
	{ "World Trade Organization", NULL, 0 },
	{ "World Trade Organisation", "World Trade Organization", 0 },
	{ "WHO", "World Health Organization", MIXED },
	{ "World Health Organization", NULL, 0 },
	{ "World Health Organisation", "World Health Organization", 0 },
	{ "OPEC", NULL, 0 },
	{ "Opec", "OPEC", 0 },
	{ "FIFA", NULL, 0 },
	{ "Fifa", "FIFA", 0 },
	{ "UEFA", NULL, 0 },
	{ "Uefa", "UEFA", 0 },
	{ "IOC", "International Olympic Committee", 0 },
	{ "OECD", NULL, 0 },
	{ "NHS", NULL, 0 },
	{ "National Health Service", "NHS", 0 },
	{ "CPS", "Crown Prosecution Service", 0 },
	{ "Fed", "Federal Reserve", NOT_SENT },
	{ "Federal Reserve", NULL, 0 },
	{ "US Federal Reserve", "Federal Reserve", 0 },
	{ "Metropolitan Police", NULL, 0 },
	{ "Met Police", "Metropolitan Police", 0 },
	{ "Scotland Yard", NULL, 0 },
	{ "Met Office", NULL, 0 },
	{ "White House", NULL, 0 },
	{ "Pentagon", NULL, 0 },
	{ "Kremlin", NULL, 0 },
	{ "Downing Street", NULL, 0 },
	{ "Congress", NULL, NOT_SENT },
	{ "US Congress", "Congress", 0 },
	{ "House of Commons", NULL, 0 },
	{ "Commons", "House of Commons", NOT_SENT },
	{ "House of Lords", NULL, 0 },
	{ "House of Representatives", NULL, 0 },
	{ "Treasury", NULL, NOT_SENT },
	{ "Labour", "Labour Party", NOT_SENT },
	{ "Labour Party", NULL, 0 },
	{ "New Labour", "Labour Party", 0 },
	{ "Tories", "Conservative Party", 0 },
	{ "Tory", "Conservative Party", NOT_SENT },
	{ "Conservatives", "Conservative Party", NOT_AFTER_CAP },
	{ "Conservative Party", NULL, 0 },
	{ "Liberal Democrats", NULL, 0 },
	{ "Liberal Democrat", "Liberal Democrats", 0 },
	{ "Lib Dems", "Liberal Democrats", 0 },
	{ "Lib Dem", "Liberal Democrats", 0 },
	{ "SNP", "Scottish National Party", 0 },
	{ "Scottish National Party", NULL, 0 },
	{ "Plaid Cymru", NULL, 0 },
	{ "UKIP", "UK Independence Party", 0 },
	{ "Ukip", "UK Independence Party", 0 },
	{ "UK Independence Party", NULL, 0 },
	{ "DUP", "Democratic Unionist Party", 0 },
	{ "Democratic Unionist Party", NULL, 0 },
	{ "Sinn Fein", "Sinn Féin", 0 },
	{ "Sinn Féin", NULL, 0 },
	{ "IRA", NULL, 0 },
	{ "Green Party", NULL, 0 },
	{ "Democrats", "Democratic Party", NOT_AFTER_CAP },
	{ "Democratic Party", NULL, 0 },
	{ "Republicans", "Republican Party", NOT_AFTER_CAP },
	{ "Republican Party", NULL, 0 },
	{ "GOP", "Republican Party", 0 },
	{ "Hamas", NULL, 0 },
	{ "Hezbollah", NULL, 0 },
	{ "Hizbollah", "Hezbollah", 0 },
	{ "Fatah", NULL, 0 },
	{ "Taliban", NULL, 0 },
	{ "al-Qaeda", NULL, 0 },
	{ "al Qaeda", "al-Qaeda", 0 },
	{ "Al-Qaeda", "al-Qaeda", 0 },
	{ "Al Qaeda", "al-Qaeda", 0 },
	{ "al-Qaida", "al-Qaeda", 0 },
	{ "Al-Qaida", "al-Qaeda", 0 },
	{ "ISIS", "Islamic State", 0 },
	{ "Islamic State", NULL, 0 },
	{ "Interpol", NULL, 0 },
	{ "Europol", NULL, 0 },
	{ "Amnesty International", NULL, 0 },
	{ "Human Rights Watch", NULL, 0 },
	{ "Greenpeace", NULL, 0 },
	{ "Oxfam", NULL, 0 },
	{ "Red Cross", NULL, 0 },
	{ "UNICEF", NULL, 0 },
	{ "Unicef", "UNICEF", 0 },
	{ "UNESCO", NULL, 0 },
	{ "Unesco", "UNESCO", 0 },
	{ "BBC", NULL, 0 },
	{ "ITV", NULL, 0 },
	{ "CNN", NULL, 0 },
	{ "Reuters", NULL, 0 },
	{ "Associated Press", NULL, 0 },
	{ "AFP", NULL, 0 },
	{ "Sky News", NULL, 0 },
	{ "Al Jazeera", NULL, 0 },
	{ "New York Times", NULL, 0 },
	{ "Washington Post", NULL, 0 },
	{ "Wall Street Journal", NULL, 0 },
	{ "Financial Times", NULL, 0 },
	{ "Microsoft", NULL, 0 },
	{ "Google", NULL, 0 },
	{ "Apple", NULL, NOT_SENT },
	{ "Sony", NULL, 0 },
	{ "Nintendo", NULL, 0 },
	{ "Yahoo", NULL, 0 },
	{ "IBM", NULL, 0 },
	{ "Intel", NULL, 0 },
	{ "Vodafone", NULL, 0 },
	{ "Tesco", NULL, 0 },
	{ "Ryanair", NULL, 0 },
	{ "easyJet", NULL, 0 },
	{ "Toyota", NULL, 0 },
	{ "General Motors", NULL, 0 },
	{ "General Electric", NULL, 0 },
	{ "British Chambers of Commerce", NULL, 0 },
	{ "Scottish Executive", NULL, 0 },
	{ "Church of England", NULL, 0 },
	{ "Church of Scotland", NULL, 0 },
	{ "Catholic Church", NULL, 0 },
	{ "Roman Catholic Church", "Catholic Church", 0 },
	{ "World Food Programme", NULL, 0 },
	{ "UN Development Programme", NULL, 0 },
	{ "Welsh Assembly Government", NULL, 0 },
	{ "Northern Ireland Executive", NULL, 0 },
	{ "European Commission", NULL, 0 },
	{ "Boeing", NULL, 0 },
	{ "Airbus", NULL, 0 },
	{ "BP", NULL, 0 },
	{ "Shell", NULL, NOT_SENT },
	{ "Gazprom", NULL, 0 },
	{ "Yukos", NULL, 0 },
	{ "eBay", NULL, 0 },
	{ "Facebook", NULL, 0 },
	{ "Twitter", NULL, 0 },
	{ "Tesla", NULL, 0 },
	{ "OpenAI", NULL, 0 },
	{ "Nvidia", NULL, 0 },
	{ "Samsung", NULL, 0 },
	{ "Nokia", NULL, 0 },
	{ "Siemens", NULL, 0 },
	{ "Volkswagen", NULL, 0 },
	{ "BMW", NULL, 0 },
	{ "Honda", NULL, 0 },
	{ "Nissan", NULL, 0 },
	{ "Barclays", NULL, 0 },
	{ "HSBC", NULL, 0 },
	{ "Goldman Sachs", NULL, 0 },
	{ "Morgan Stanley", NULL, 0 },
	{ "Merrill Lynch", NULL, 0 },
	{ "JPMorgan", NULL, 0 },
	{ "JP Morgan", "JPMorgan", 0 },
	{ "Citigroup", NULL, 0 },
	{ "Walmart", NULL, 0 },
	{ "Wal-Mart", "Walmart", 0 },
	{ "Coca-Cola", NULL, 0 },
	{ "Disney", NULL, 0 },
	{ "Time Warner", NULL, 0 },
	{ "AOL", NULL, 0 },
	{ "Viacom", NULL, 0 },
	{ "Netflix", NULL, 0 },
	{ "Spotify", NULL, 0 },
	{ "Uber", NULL, 0 },
	{ "TikTok", NULL, 0 },
	{ "Pfizer", NULL, 0 },
	{ "AstraZeneca", NULL, 0 },
	{ "GlaxoSmithKline", NULL, 0 },
	{ "Unilever", NULL, 0 },
	{ "Marks & Spencer", NULL, 0 },
	{ "Lehman Brothers", NULL, 0 },
	{ "Nasdaq", NULL, 0 },
	{ "SpaceX", NULL, 0 },
	{ "Huawei", NULL, 0 },
	{ "Alibaba", NULL, 0 },
	{ "Tencent", NULL, 0 },
	{ "ByteDance", NULL, 0 },
	{ "Ofcom", NULL, 0 },
	{ "Ofgem", NULL, 0 },
	{ "Ofsted", NULL, 0 },
	{ "Ofwat", NULL, 0 },
};

#undef NOT_SENT
#undef NOT_AFTER_CAP
#undef MIXED

static ldi_wordmap_t words;
static ldi_wordmap_t orgs;
static pthread_once_t words_once = PTHREAD_ONCE_INIT;

/* Tables that fail to build (out of memory) are left empty: extraction
 * then finds less, and says nothing, like a gazetteer without its
 * files. */
static int add_word(const char *w, size_t len, uint32_t cls)
{
	ldi_wordmap_entry_t *e = ldi_wordmap_put(&words, w, len);

	if (!e)
		return -1;
	e->flags |= cls;
	return 0;
}

static int add_list(const char *list, uint32_t cls)
{
	while (*list) {
		size_t n = strcspn(list, " ");

		if (n && add_word(list, n, cls) < 0)
			return -1;
		list += n;
		while (*list == ' ')
			list++;
	}
	return 0;
}

static int add_org(const char *name, const char *canonical, unsigned flags)
{
	size_t len = strlen(name), i;
	ldi_wordmap_entry_t *e = ldi_wordmap_put(&orgs, name, len);

	if (!e)
		return -1;
	e->flags |= ORG_NAME | flags;
	e->value = canonical ? canonical : name;
	for (i = 1; i < len; i++) {
		if (name[i] != ' ')
			continue;
		if (!(e = ldi_wordmap_put(&orgs, name, i)))
			return -1;
		e->flags |= ORG_PREFIX;
	}
	return 0;
}

static void build(void)
{
	const char *const *stop;
	size_t nstop, i;

	stop = ldi_language_stopwords("en", &nstop);
	for (i = 0; i < nstop; i++)
		if (add_word(stop[i], strlen(stop[i]), W_STOP) < 0)
			goto oom;
	for (i = 0; i < sizeof word_lists / sizeof *word_lists; i++)
		if (add_list(word_lists[i].words, word_lists[i].cls) < 0)
			goto oom;
	for (i = 0; i < sizeof known_orgs / sizeof *known_orgs; i++)
		if (add_org(known_orgs[i].name, known_orgs[i].canonical,
			    known_orgs[i].flags) < 0)
			goto oom;
	return;
oom:
	ldi_wordmap_clear(&words);
	ldi_wordmap_clear(&orgs);
}

/* Longest word looked up: longer ones are in no list. */
#define MAX_WORD 24

uint32_t ldi_word_class(const char *word, size_t len)
{
	char lower[MAX_WORD];
	const ldi_wordmap_entry_t *e;
	size_t i;

	pthread_once(&words_once, build);
	if (len > MAX_WORD)
		return 0;
	for (i = 0; i < len; i++) {
		unsigned char ch = (unsigned char)word[i];

		if (ch >= 0x80)
			return 0;
		lower[i] = (char)tolower(ch);
	}
	e = ldi_wordmap_get(&words, lower, len);
	return e ? e->flags : 0;
}

const ldi_wordmap_entry_t *ldi_org_find(const char *key, size_t len)
{
	pthread_once(&words_once, build);
	return ldi_wordmap_get(&orgs, key, len);
}
