/* language.c: language tags, stemmer names, stopwords and a cheap guess.
 * SPDX-License-Identifier: MIT
 *
 * One table (languages[] below) knows every language lede names: its ISO
 * 639-1 code, the other codes and English names metadata uses for it, the
 * Snowball stemmer Xapian 1.4.22 ships for it (checked against
 * Xapian::Stem::get_available_languages()), and its stopword list.
 *
 * Decisions beyond language.h, kept here so the tests can pin them down:
 * - Norwegian is "no" whatever the tag says ("nb", "nn", "nob", "nno",
 *   "Bokmal"): Xapian has one Norwegian stemmer, and one code keeps the
 *   language facet from splitting one archive's articles in three. The
 *   retired codes "iw" (Hebrew) and "in" (Indonesian) still occur in old
 *   feeds and map to "he" and "id".
 * - Stopword lists are written in folded form, the form ldi_analyze gives
 *   ("ete" for "été", "sie" for "się", "dont" for "don't"), and kept sorted
 *   by bytes so duplicates show; test_language checks both. Lookup is one
 *   hash table over all the lists (stop_table).
 *   Russian is there for stopword lookup only: Cyrillic text is recognised
 *   by its letters, never by its stopwords.
 * - Detection reads the first DETECT_BYTES bytes only: enough for a few
 *   hundred words, and cheap on a 50 MB body. Script decides first:
 *   letters are counted per script, Han, kana and Hangul weighing
 *   CJK_WEIGHT letters each (one of them carries about as much text as a
 *   short Latin word), and the leading script must hold DOMINANT_PCT per
 *   cent of the weight, or the text is mixed and the answer NULL.
 * - Scripts used by several languages go to the one news archives hold
 *   most: Devanagari is "hi" (Nepali and Marathi need metadata), Arabic
 *   script "ar". Cyrillic is "ru" unless letters Russian lacks say
 *   otherwise: є і ї ґ "uk", ђ ј љ њ ћ џ "sr", a frequent ъ with no ы, э
 *   or ё "bg".
 * - For Latin script each word votes for every language whose stopword
 *   list holds it, each vote weighing 1/k when k lists hold the word: a
 *   word many languages share ("a", "de", "en") says little, and close
 *   pairs (Danish and Norwegian, Spanish and Catalan) are told apart by
 *   the words they do not share. The winner needs MIN_HITS stopwords, a
 *   share of at least MIN_SHARE_PCT per cent of the words, and
 *   LEAD_NUM/LEAD_DEN times the weighted votes of the runner-up, or else
 *   clearly more of the words that tell the two apart, or letters only it
 *   writes (see clear_lead). Such letters (ł, ř, ő, ğ: marked_letters)
 *   also let MIN_HITS_MARKED stopwords do for MIN_HITS, since feeds are
 *   full of a headline and one sentence. Latin languages without a list
 *   here (Vietnamese, Slovak, Croatian, ...) come out NULL or, when close
 *   to a listed one, as that one (Slovak as "cs").
 */
#include "language.h"

#include "analyze.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#define DETECT_BYTES 4096
#define CJK_WEIGHT 3
#define DOMINANT_PCT 60
/* Fewer letters than this in the leading script decide nothing. */
#define MIN_SCRIPT_LETTERS 4
/* Latin text needs this many words (not numbers) to be judged at all. */
#define MIN_WORDS 8
#define MIN_HITS 5
/* ... or this many, with MARKED_MIN letters of its own (marked_letters). */
#define MIN_HITS_MARKED 3
#define MARKED_MIN 3
#define MIN_SHARE_PCT 15
#define LEAD_NUM 3
#define LEAD_DEN 2
#define APART_MIN 3

/* Stopwords: articles, pronouns, prepositions, conjunctions, auxiliaries
 * and common adverbs, as news text uses them; folded and sorted by bytes
 * (UTF-8 order is code point order). */

static const char *const stop_en[] = {
	"a", "about", "above", "after", "again", "against", "all", "almost",
	"along", "already", "also", "although", "always", "am", "among", "an",
	"and", "another", "any", "anyone", "anything", "are", "arent",
	"around", "as", "at", "away", "be", "because", "been", "before",
	"behind", "being", "below", "beside", "besides", "between", "both",
	"but", "by", "can", "cannot", "cant", "could", "couldnt", "did",
	"didnt", "do", "does", "doesnt", "doing", "done", "dont", "down",
	"during", "each", "either", "else", "enough", "even", "ever", "every",
	"few", "for", "from", "further", "had", "hadnt", "has", "hasnt",
	"have", "havent", "having", "he", "her", "here", "hers", "herself",
	"him", "himself", "his", "how", "however", "i", "if", "im", "in",
	"indeed", "into", "is", "isnt", "it", "its", "itself", "ive", "just",
	"least", "less", "many", "may", "maybe", "me", "might", "more", "most",
	"much", "must", "my", "myself", "neither", "never", "no", "nor", "not",
	"now", "of", "off", "often", "on", "once", "one", "only", "onto", "or",
	"other", "others", "otherwise", "our", "ours", "ourselves", "out",
	"over", "own", "per", "perhaps", "quite", "rather", "same", "she",
	"should", "shouldnt", "since", "so", "some", "something", "soon",
	"still", "such", "than", "that", "thats", "the", "their", "theirs",
	"them", "themselves", "then", "there", "therefore", "theres", "these",
	"they", "theyre", "this", "those", "though", "through", "thus", "to",
	"too", "toward", "towards", "under", "unless", "until", "up", "upon",
	"us", "very", "via", "was", "wasnt", "we", "were", "werent", "what",
	"whatever", "when", "whenever", "where", "whereas", "whether", "which",
	"while", "who", "whom", "whose", "why", "will", "with", "within",
	"without", "wont", "would", "wouldnt", "yet", "you", "your", "youre",
	"yours", "yourself",
};

static const char *const stop_fr[] = {
	"a", "afin", "ai", "ainsi", "alors", "apres", "as", "au", "aucun",
	"aucune", "aujourdhui", "aupres", "aussi", "autre", "autres", "aux",
	"avaient", "avais", "avait", "avant", "avec", "avoir", "avons",
	"ayant", "beaucoup", "ca", "car", "ce", "ceci", "cela", "celle",
	"celles", "celui", "cependant", "certains", "ces", "cest", "cet",
	"cette", "ceux", "chaque", "chez", "comme", "comment", "contre",
	"dans", "dautres", "de", "deja", "depuis", "des", "deux", "doit",
	"donc", "dont", "du", "dun", "dune", "elle", "elles", "en", "encore",
	"entre", "es", "est", "et", "etaient", "etait", "etant", "ete", "etre",
	"eu", "eux", "faire", "fait", "fois", "font", "hors", "ici", "il",
	"ils", "jamais", "je", "jusqua", "la", "le", "les", "leur", "leurs",
	"lors", "lorsque", "lui", "ma", "mais", "me", "meme", "memes", "mes",
	"moi", "moins", "mon", "na", "ne", "nest", "ni", "non", "nos", "notre",
	"nous", "on", "ont", "ou", "par", "parce", "parmi", "pas", "pendant",
	"peu", "peut", "plus", "plusieurs", "pour", "pourquoi", "pourtant",
	"puis", "quand", "que", "quel", "quelle", "quelles", "quels", "qui",
	"quil", "quoi", "quun", "quune", "sa", "sans", "se", "selon", "ses",
	"sest", "si", "sinon", "soi", "soit", "son", "sont", "sous", "suis",
	"sur", "ta", "tandis", "te", "tes", "toi", "ton", "tous", "tout",
	"toute", "toutes", "tres", "tu", "un", "une", "vers", "voici", "voila",
	"vos", "votre", "vous", "y",
};

static const char *const stop_de[] = {
	"aber", "alle", "allem", "allen", "aller", "alles", "als", "also",
	"am", "an", "andere", "anderen", "anderer", "auch", "auf", "aus",
	"bei", "beim", "bereits", "bin", "bis", "bisher", "bist", "da",
	"dabei", "dadurch", "dafur", "dagegen", "damit", "dann", "daran",
	"darauf", "darum", "das", "dass", "dem", "den", "denen", "denn", "der",
	"deren", "des", "deshalb", "dessen", "die", "dies", "diese", "diesem",
	"diesen", "dieser", "dieses", "doch", "dort", "du", "durch", "ein",
	"eine", "einem", "einen", "einer", "eines", "er", "es", "etwa",
	"etwas", "euch", "euer", "fur", "gegen", "gewesen", "gibt", "habe",
	"haben", "hat", "hatte", "hatten", "hier", "hin", "ich", "ihm", "ihn",
	"ihnen", "ihr", "ihre", "ihrem", "ihren", "ihrer", "im", "immer", "in",
	"ins", "ist", "ja", "jede", "jedem", "jeden", "jeder", "jedoch",
	"jetzt", "kann", "kein", "keine", "keinen", "konnen", "konnte", "laut",
	"man", "mehr", "mein", "meine", "mich", "mir", "mit", "muss", "mussen",
	"musste", "nach", "nachdem", "nicht", "nichts", "noch", "nun", "nur",
	"ob", "oder", "ohne", "schon", "sehr", "sein", "seine", "seinem",
	"seinen", "seiner", "seit", "sich", "sie", "sind", "so", "soll",
	"sollen", "sollte", "sondern", "sowie", "sowohl", "uber", "um", "und",
	"uns", "unser", "unsere", "unter", "vom", "von", "vor", "wahrend",
	"war", "waren", "warum", "was", "weil", "weiter", "welche", "welchen",
	"welcher", "wenn", "wer", "werden", "wie", "wieder", "will", "wir",
	"wird", "wo", "wurde", "wurden", "zu", "zum", "zur", "zwar",
	"zwischen",
};

static const char *const stop_es[] = {
	"a", "ademas", "ahora", "al", "algo", "algun", "alguna", "algunas",
	"alguno", "algunos", "ante", "antes", "aqui", "asi", "aun", "aunque",
	"bajo", "bien", "cada", "como", "con", "contra", "cual", "cuales",
	"cuando", "cuanto", "de", "del", "desde", "despues", "donde",
	"durante", "e", "el", "ella", "ellas", "ello", "ellos", "en",
	"entonces", "entre", "era", "eran", "es", "esa", "esas", "ese", "eso",
	"esos", "esta", "estaba", "estado", "estan", "estar", "estas", "este",
	"esto", "estos", "fue", "fueron", "ha", "haber", "habia", "habian",
	"hace", "hacia", "han", "hasta", "hay", "hemos", "la", "las", "le",
	"les", "lo", "los", "luego", "mas", "me", "mi", "mientras", "misma",
	"mismo", "muy", "nada", "ni", "no", "nos", "nosotros", "o", "otra",
	"otras", "otro", "otros", "para", "pero", "poco", "por", "porque",
	"puede", "pueden", "pues", "que", "quien", "quienes", "se", "sea",
	"segun", "ser", "si", "sido", "siempre", "sin", "sino", "sobre",
	"solo", "son", "su", "sus", "tambien", "tampoco", "tan", "tanto", "te",
	"tiene", "tienen", "toda", "todas", "todo", "todos", "tras", "tu",
	"tus", "u", "un", "una", "unas", "uno", "unos", "ya", "yo",
};

static const char *const stop_it[] = {
	"a", "ad", "agli", "ai", "al", "alla", "alle", "allo", "anche",
	"ancora", "avere", "aveva", "avevano", "ce", "che", "chi", "ci",
	"come", "con", "contro", "cosi", "cui", "da", "dai", "dal", "dalla",
	"dalle", "dallo", "degli", "dei", "del", "della", "delle", "dello",
	"dentro", "di", "dopo", "dove", "e", "ed", "era", "erano", "essere",
	"fa", "fino", "fra", "gia", "gli", "ha", "hanno", "ho", "i", "il",
	"in", "infatti", "io", "la", "le", "lei", "li", "lo", "loro", "lui",
	"ma", "mai", "me", "meno", "mentre", "mi", "mio", "molto", "ne",
	"negli", "nei", "nel", "nella", "nelle", "nello", "noi", "non",
	"nostro", "o", "ogni", "oltre", "ovvero", "per", "perche", "piu",
	"poi", "presso", "proprio", "puo", "quale", "quali", "quando",
	"quanto", "quella", "quelle", "quelli", "quello", "questa", "queste",
	"questi", "questo", "qui", "se", "sei", "sempre", "senza", "si", "sia",
	"siamo", "sono", "sopra", "sotto", "stata", "stati", "stato", "su",
	"sua", "sue", "sui", "sul", "sulla", "suo", "suoi", "tra", "tu",
	"tutta", "tutte", "tutti", "tutto", "un", "una", "uno", "vi", "voi",
};

static const char *const stop_pt[] = {
	"a", "agora", "ainda", "ao", "aos", "apenas", "apos", "aqui", "as",
	"assim", "ate", "bem", "cada", "com", "como", "contra", "da", "das",
	"de", "dela", "dele", "deles", "depois", "desde", "dessa", "desse",
	"desta", "deste", "disso", "do", "dos", "durante", "e", "ela", "elas",
	"ele", "eles", "em", "enquanto", "entao", "entre", "era", "eram",
	"essa", "essas", "esse", "esses", "esta", "estao", "estas", "estava",
	"este", "estes", "eu", "foi", "foram", "ha", "havia", "isso", "isto",
	"ja", "lhe", "lhes", "mais", "mas", "me", "mesmo", "muito", "muitos",
	"na", "nao", "nas", "nem", "nessa", "nesse", "nesta", "neste", "nisso",
	"no", "nos", "nossa", "nosso", "num", "numa", "o", "onde", "os", "ou",
	"para", "pela", "pelas", "pelo", "pelos", "pode", "pois", "por",
	"porem", "porque", "quais", "qual", "quando", "que", "quem", "sao",
	"se", "segundo", "seja", "sem", "ser", "sera", "seria", "seu", "seus",
	"sido", "sob", "sobre", "sua", "suas", "tambem", "tem", "ter", "tinha",
	"toda", "todas", "todo", "todos", "tudo", "um", "uma", "umas", "uns",
	"vai", "voce",
};

static const char *const stop_nl[] = {
	"aan", "al", "alle", "alleen", "als", "altijd", "ben", "bij", "bijna",
	"daar", "dan", "dat", "de", "deze", "die", "dit", "doch", "doen",
	"door", "dus", "echter", "een", "eens", "en", "er", "geen", "geweest",
	"haar", "had", "hadden", "heb", "hebben", "hebt", "heeft", "hem",
	"hen", "het", "hier", "hij", "hoe", "hun", "ik", "in", "is", "ja",
	"je", "jij", "kan", "kon", "konden", "kunnen", "maar", "me", "meer",
	"men", "met", "mij", "mijn", "moet", "moeten", "na", "naar", "nadat",
	"niet", "niets", "nog", "nu", "of", "om", "omdat", "onder", "ons",
	"onze", "ook", "op", "over", "reeds", "sinds", "te", "tegen",
	"tijdens", "toch", "toe", "tot", "tussen", "u", "uit", "uw", "van",
	"veel", "volgens", "voor", "waar", "waarom", "wanneer", "want",
	"waren", "was", "wat", "we", "wel", "werd", "werden", "wie", "wij",
	"wil", "worden", "wordt", "zal", "ze", "zei", "zelf", "zich", "zij",
	"zijn", "zo", "zonder", "zou", "zouden", "zullen",
};

static const char *const stop_sv[] = {
	"alla", "allt", "alltid", "andra", "annu", "ar", "at", "att", "av",
	"aven", "bara", "blev", "bli", "blir", "da", "dar", "de", "dem", "den",
	"denna", "deras", "dess", "dessa", "det", "detta", "dig", "din",
	"ditt", "du", "efter", "eller", "en", "enligt", "ett", "fick", "finns",
	"for", "fran", "hade", "han", "hans", "har", "hennes", "hon", "honom",
	"hur", "i", "icke", "in", "inga", "ingen", "inom", "inte", "jag",
	"kan", "kunde", "man", "med", "mellan", "men", "mer", "mig", "min",
	"mitt", "mot", "mycket", "nagon", "nagot", "nagra", "nar", "nastan",
	"ni", "nu", "och", "ocksa", "om", "oss", "over", "pa", "redan", "sa",
	"samma", "sedan", "sig", "sin", "sina", "sitt", "sjalv", "ska",
	"skall", "skulle", "som", "till", "under", "upp", "ut", "utan", "vad",
	"var", "vara", "varit", "vi", "vid", "vilka", "vilken", "vilket",
};

static const char *const stop_da[] = {
	"af", "alle", "allerede", "alt", "anden", "andet", "andre", "at",
	"bare", "begge", "blandt", "blev", "blive", "bliver", "da", "de",
	"dem", "den", "denne", "dens", "der", "deres", "det", "dette", "dig",
	"din", "dit", "dog", "du", "efter", "eller", "en", "end", "er", "et",
	"for", "fordi", "fra", "gennem", "ham", "han", "hans", "har", "havde",
	"have", "hende", "hendes", "her", "hos", "hun", "hvad", "hvem", "hver",
	"hvilke", "hvilken", "hvis", "hvor", "hvordan", "hvorfor", "i",
	"ifolge", "ikke", "ind", "ingen", "intet", "jeg", "jer", "kan",
	"kunne", "lidt", "man", "mange", "med", "meget", "mellem", "men",
	"mens", "mig", "min", "mine", "mit", "mod", "nar", "ned", "nogen",
	"noget", "nogle", "nu", "og", "ogsa", "om", "op", "os", "over", "pa",
	"sa", "sagde", "selv", "siden", "sig", "sin", "sine", "sit", "skal",
	"skulle", "som", "stadig", "til", "ud", "uden", "under", "vaere",
	"vaeret", "var", "ved", "vi", "vil", "ville", "vor", "vores",
};

static const char *const stop_no[] = {
	"alle", "alt", "andre", "at", "av", "bare", "berre", "blant", "ble",
	"bli", "blir", "blitt", "da", "de", "deg", "dei", "dem", "den",
	"denne", "der", "deres", "derimot", "det", "dette", "din", "ditt",
	"du", "ein", "eit", "eller", "en", "enn", "er", "et", "etter", "for",
	"fordi", "fra", "gjennom", "ha", "hadde", "ham", "han", "hans", "har",
	"henne", "hennes", "her", "ho", "hos", "hun", "hva", "hvem", "hver",
	"hvilke", "hvis", "hvor", "hvordan", "hvorfor", "i", "ifolge", "ikke",
	"ikkje", "ingen", "inn", "jeg", "kan", "kunne", "kva", "man", "mange",
	"med", "meg", "mellom", "men", "mens", "mot", "mye", "na", "nar",
	"noe", "noen", "og", "ogsa", "om", "opp", "oss", "over", "pa", "sa",
	"sammen", "seg", "selv", "siden", "sin", "sine", "sitt", "skal",
	"skulle", "som", "til", "under", "ut", "uten", "vaere", "vaert", "var",
	"vare", "vart", "ved", "vi", "vil", "ville",
};

static const char *const stop_fi[] = {
	"aikana", "aina", "ei", "eivat", "eli", "emme", "en", "ennen", "et",
	"ette", "han", "hanen", "hanta", "he", "heidan", "ilman", "ja",
	"jalkeen", "jo", "johon", "joiden", "joista", "joita", "joka", "jolla",
	"jonka", "jopa", "jos", "jossa", "jota", "jotka", "jotta", "kaikki",
	"kanssa", "kautta", "koska", "kuin", "kuitenkin", "kun", "lisaksi",
	"me", "meidan", "mika", "mina", "minun", "mita", "miten", "mukaan",
	"mukana", "mutta", "myohemmin", "myos", "nain", "nama", "ne", "niiden",
	"niin", "niita", "noin", "nyt", "ole", "olen", "oli", "olisi",
	"olisivat", "olivat", "olla", "ollut", "on", "ovat", "se", "seka",
	"sen", "siella", "siina", "siita", "silla", "sina", "sinun", "sita",
	"sitten", "tai", "takia", "talla", "tama", "taman", "tassa", "te",
	"teidan", "vaan", "vai", "vain", "viela", "voi", "vuoksi", "yli",
};

static const char *const stop_hu[] = {
	"a", "abban", "ahogy", "ahol", "aki", "akik", "akkor", "alatt",
	"altal", "amely", "amelyek", "ami", "amikor", "amit", "annak", "arra",
	"arrol", "at", "az", "azok", "azonban", "azt", "bar", "be", "benne",
	"csak", "de", "ebben", "egy", "egyes", "egyik", "el", "ellen", "elott",
	"en", "ennek", "erre", "errol", "es", "ez", "ezek", "ezert", "ezt",
	"fel", "felett", "ha", "hanem", "hogy", "igen", "igy", "illetve",
	"ilyen", "is", "ismet", "itt", "kell", "kellett", "ki", "kozott", "le",
	"lehet", "lesz", "lett", "maga", "majd", "mar", "masik", "meg",
	"mellett", "mely", "mert", "mi", "miatt", "mind", "minden", "mint",
	"most", "nagyon", "neki", "nekik", "nelkul", "nem", "nincs", "o", "ok",
	"olyan", "on", "ott", "pedig", "ra", "rola", "sem", "sok", "sokkal",
	"soran", "szerint", "te", "tehat", "ti", "ugy", "ugyanis", "utan",
	"vagy", "valamint", "van", "vannak", "vele", "volt", "voltak",
};

static const char *const stop_ro[] = {
	"a", "acea", "aceasta", "aceea", "acest", "acesta", "aceste",
	"acestea", "acestei", "acestui", "acolo", "acum", "ai", "al", "ale",
	"alt", "alta", "alte", "altul", "am", "ar", "are", "as", "asupra",
	"au", "avea", "avut", "azi", "ca", "cand", "care", "cat", "catre",
	"ce", "cea", "cei", "cel", "cele", "celor", "chiar", "cu", "cum", "da",
	"daca", "dar", "de", "deci", "deja", "desi", "despre", "din", "dintre",
	"doar", "dupa", "e", "ea", "ei", "el", "ele", "era", "erau", "este",
	"eu", "fara", "fi", "fie", "fiecare", "fiind", "fost", "iar", "il",
	"in", "inainte", "inca", "insa", "intre", "isi", "la", "le", "li",
	"lor", "lui", "mai", "mult", "multe", "ne", "nici", "noi", "nu", "o",
	"ori", "pe", "pentru", "potrivit", "prin", "sa", "sau", "se", "si",
	"sub", "sunt", "toate", "tot", "toti", "tu", "un", "una", "unde",
	"unei", "unor", "unui", "va", "voi", "vor",
};

static const char *const stop_tr[] = {
	"acaba", "ama", "ancak", "artik", "aslinda", "ayrica", "bazi", "belki",
	"ben", "beni", "benim", "beri", "bile", "bir", "biri", "birkac", "biz",
	"bize", "bizim", "bu", "buna", "bunlar", "bunlari", "bunu", "bunun",
	"burada", "cok", "cunku", "da", "daha", "de", "degil", "diger", "diye",
	"dolayi", "eden", "etti", "gibi", "gore", "hem", "hep", "hepsi", "her",
	"hic", "icin", "ile", "ilgili", "ise", "iste", "kadar", "karsi",
	"kendi", "ki", "kim", "mi", "mu", "nasil", "ne", "neden", "o", "olan",
	"olarak", "oldu", "oldugu", "oldugunu", "olmak", "olmasi", "olur",
	"ona", "onlar", "onlari", "onu", "onun", "sekilde", "sen", "sey",
	"siz", "sonra", "su", "tarafindan", "tum", "uzere", "var", "ve",
	"veya", "ya", "yani", "yine", "yok", "zaten",
};

static const char *const stop_ca[] = {
	"a", "aixi", "aixo", "al", "alla", "als", "altra", "altre", "altres",
	"amb", "aquell", "aquella", "aquelles", "aquells", "aquest", "aquesta",
	"aquestes", "aquests", "aqui", "ara", "cada", "cap", "com", "contra",
	"de", "del", "dels", "des", "despres", "dins", "doncs", "durant", "el",
	"ella", "elles", "ells", "els", "en", "encara", "entre", "era", "eren",
	"es", "esta", "estan", "estat", "fa", "fins", "fou", "ha", "han",
	"havia", "hem", "hi", "i", "ja", "jo", "la", "les", "li", "llavors",
	"lo", "mentre", "mes", "molt", "molts", "ni", "no", "nos", "nosaltres",
	"nostra", "nostre", "o", "on", "pel", "pels", "per", "pero", "perque",
	"poc", "pot", "qual", "quan", "que", "qui", "quin", "quina", "quines",
	"quins", "se", "segons", "sense", "ser", "seria", "seu", "seus",
	"seva", "seves", "si", "sigui", "sobre", "son", "sota", "tambe",
	"tant", "te", "tenen", "tot", "tota", "totes", "tots", "un", "una",
	"unes", "uns", "va", "vaig", "van", "vosaltres",
};

static const char *const stop_eu[] = {
	"al", "ala", "aldiz", "arte", "asko", "aurka", "ba", "bai", "baina",
	"baino", "baita", "bat", "batean", "baten", "batzuk", "behar", "beraz",
	"bere", "beren", "berriz", "beste", "bezala", "bidez", "buruz", "da",
	"dago", "daude", "dela", "dena", "dio", "diote", "dira", "direla",
	"ditu", "dituen", "dituzte", "du", "duela", "dugu", "dut", "dute",
	"edo", "egin", "egiten", "ere", "eta", "ez", "ezta", "gabe", "gainera",
	"gero", "gu", "guk", "gure", "guztia", "guztiak", "haiek", "hala",
	"han", "haren", "hark", "hau", "hauek", "hemen", "honek", "honetan",
	"hor", "hori", "horiek", "horregatik", "horrek", "horretan", "hura",
	"izan", "izango", "ni", "nik", "nire", "noiz", "nola", "non", "nor",
	"orain", "ordea", "oso", "zaie", "zaio", "zegoen", "zela", "zen",
	"zer", "zergatik", "zion", "zirela", "ziren", "zituen", "zu", "zuek",
	"zuela", "zuen", "zuk", "zure", "zuten",
};

static const char *const stop_ga[] = {
	"a", "ach", "ag", "agus", "air", "an", "ann", "anois", "ansin", "aon",
	"ar", "as", "ata", "ba", "beidh", "bheidh", "bhfuil", "bhi", "ca",
	"cad", "cathain", "ce", "cen", "cheana", "chomh", "chuig", "chun",
	"conas", "da", "de", "den", "dhi", "di", "do", "dom", "don", "duit",
	"e", "ea", "faoi", "fein", "fos", "freisin", "gach", "gan", "go",
	"gur", "i", "iad", "idir", "ina", "is", "le", "leis", "lena", "leo",
	"ma", "mar", "mas", "me", "mo", "muid", "na", "nach", "nar", "ni",
	"nil", "no", "nuair", "o", "orm", "os", "raibh", "roimh", "sa", "san",
	"se", "seo", "si", "siad", "sibh", "sin", "sinn", "ta", "thar",
	"thart", "tri", "tu", "uaidh", "uirthi", "um",
};

static const char *const stop_id[] = {
	"ada", "adalah", "agar", "akan", "aku", "anda", "antara", "apa",
	"apabila", "atas", "atau", "bagi", "bahkan", "bahwa", "baik", "banyak",
	"begitu", "belum", "berada", "bila", "bisa", "dalam", "dan", "dapat",
	"dari", "daripada", "demikian", "dengan", "di", "dia", "hanya",
	"harus", "hingga", "ia", "ini", "itu", "jika", "juga", "kalau", "kami",
	"kamu", "karena", "ke", "kemudian", "kepada", "ketika", "kita", "lagi",
	"lain", "lalu", "lebih", "maka", "masih", "menjadi", "mereka", "meski",
	"namun", "oleh", "pada", "para", "pula", "pun", "saat", "saja", "sama",
	"sampai", "sangat", "saya", "sebagai", "sebelum", "secara", "sedang",
	"sejak", "sekarang", "selama", "sementara", "semua", "sendiri",
	"seperti", "sering", "serta", "setelah", "sudah", "tak", "tanpa",
	"tapi", "telah", "tentang", "terhadap", "tersebut", "tetapi", "tidak",
	"untuk", "yaitu", "yakni", "yang",
};

static const char *const stop_lt[] = {
	"ant", "apie", "ar", "arba", "as", "be", "bei", "bet", "bus", "buti",
	"buvau", "buvo", "dabar", "dar", "del", "esame", "esu", "gali",
	"galima", "gi", "i", "iki", "ir", "is", "ja", "jai", "jam", "jau",
	"jei", "jeigu", "ji", "jie", "jiems", "jis", "jo", "jos", "juos",
	"jus", "jusu", "kad", "kada", "kai", "kaip", "kartu", "kas", "kiek",
	"kita", "kitas", "kiti", "kitu", "kur", "kuri", "kurie", "kuriems",
	"kurio", "kurios", "kuris", "kuriuos", "labai", "link", "mano", "mes",
	"metu", "musu", "ne", "nebuvo", "nei", "nera", "nes", "net", "nors",
	"nuo", "o", "pagal", "pat", "per", "po", "prie", "pries", "sau",
	"save", "savo", "si", "siame", "sie", "sio", "sis", "siuo", "su", "ta",
	"taciau", "tai", "taigi", "taip", "tam", "tarp", "tas", "tavo", "tie",
	"tiek", "tik", "to", "todel", "tos", "tu", "turi", "uz", "vel", "virs",
	"vis", "visa", "visi", "visos", "visus", "yra",
};

static const char *const stop_pl[] = {
	"a", "aby", "albo", "ale", "ani", "az", "bardziej", "bardzo", "beda",
	"bedzie", "bez", "bo", "by", "byc", "byl", "byla", "byli", "bylo",
	"byly", "choc", "chociaz", "ci", "cie", "co", "cos", "czy", "czyli",
	"dla", "dlatego", "do", "gdy", "gdyz", "gdzie", "go", "i", "ich", "im",
	"iz", "ja", "jak", "jako", "jednak", "jego", "jej", "jesli", "jest",
	"jestem", "jeszcze", "jezeli", "juz", "kiedy", "ktora", "ktore",
	"ktorego", "ktorej", "ktory", "ktorych", "ktorym", "ktorzy", "ktos",
	"lub", "ma", "maja", "mi", "mial", "miala", "mialy", "miedzy", "mieli",
	"mnie", "moze", "mu", "my", "na", "nad", "nam", "nas", "nawet", "nic",
	"nich", "nie", "niego", "niej", "nim", "niz", "no", "o", "od", "on",
	"ona", "one", "oni", "ono", "oraz", "po", "pod", "podczas", "poniewaz",
	"przed", "przez", "przy", "sa", "sam", "sama", "samo", "sie", "sobie",
	"swego", "swoich", "swoim", "swoj", "swoje", "swojej", "tak", "takze",
	"tam", "te", "tego", "tej", "temu", "ten", "teraz", "tez", "to", "tu",
	"tutaj", "ty", "tych", "tylko", "tym", "tymi", "u", "w", "we",
	"wedlug", "wiec", "wlasnie", "wobec", "wszyscy", "wszystkich",
	"wszystko", "z", "za", "zas", "ze", "zostal", "zostala", "zostali",
	"zostalo", "zostaly",
};

static const char *const stop_cs[] = {
	"a", "aby", "ale", "ani", "asi", "az", "bez", "bude", "budou", "by",
	"byl", "byla", "byli", "bylo", "byly", "byt", "ci", "co", "do", "i",
	"jak", "jako", "je", "jeho", "jej", "jeji", "jejich", "jen", "jenz",
	"jeste", "jestli", "jez", "jiz", "jsem", "jsme", "jsou", "jste", "k",
	"kam", "kde", "kdy", "kdyz", "ke", "ktera", "ktere", "kteri", "kterou",
	"ktery", "kterych", "kterym", "ma", "maji", "mel", "mela", "meli",
	"mezi", "mi", "mit", "mohl", "mu", "muze", "my", "na", "nad", "nam",
	"nas", "ne", "nebo", "nebyl", "neni", "nez", "nic", "o", "od", "on",
	"ona", "oni", "ono", "pak", "po", "pod", "podle", "pokud", "pouze",
	"pred", "pres", "pri", "pro", "proto", "protoze", "s", "se", "si",
	"sve", "sveho", "svuj", "svych", "ta", "tak", "take", "tam", "tato",
	"ten", "tento", "teto", "tim", "to", "toho", "tohoto", "tom", "tomto",
	"tomu", "tu", "tuto", "ty", "tyto", "u", "uz", "v", "ve", "vsak",
	"vse", "vsechny", "z", "za", "zda", "ze",
};

static const char *const stop_ru[] = {
	"а", "без", "более", "будет", "будут", "бы", "был", "была", "были",
	"было", "быть", "в", "вам", "вас", "ваш", "ведь", "весь", "во", "вот",
	"все", "всем", "всех", "вся", "вы", "где", "да", "даже", "для", "до",
	"другие", "другого", "другои", "его", "ее", "еи", "ему", "если",
	"есть", "еще", "же", "за", "здесь", "и", "из", "или", "им", "ими",
	"их", "к", "каждыи", "как", "какая", "какие", "какои", "ко", "когда",
	"кому", "которая", "которого", "которое", "которои", "которые",
	"которыи", "которым", "которых", "кто", "ли", "либо", "лишь", "между",
	"менее", "меня", "мне", "может", "можно", "мои", "моя", "мы", "на",
	"над", "надо", "нам", "нас", "наш", "наша", "наши", "не", "него",
	"нее", "неи", "нем", "нет", "ни", "ним", "них", "но", "нужно", "о",
	"об", "обо", "однако", "около", "он", "она", "они", "оно", "от",
	"очень", "перед", "по", "под", "пока", "после", "потому", "поэтому",
	"при", "про", "с", "сам", "сама", "сами", "само", "свое", "своего",
	"своеи", "свои", "своих", "свою", "своя", "себе", "себя", "сеичас",
	"со", "та", "так", "такая", "также", "такие", "такое", "такои", "там",
	"те", "тебе", "тебя", "теперь", "тех", "тогда", "того", "тоже", "тои",
	"только", "том", "тот", "тут", "ты", "у", "уже", "хотя", "чего", "чем",
	"через", "что", "чтоб", "чтобы", "эта", "эти", "этих", "это", "этого",
	"этои", "этом", "этот", "я",
};

#define LIST(a) a, sizeof(a) / sizeof(a[0])
#define NOLIST NULL, 0

struct language {
	const char *code;	  /* ISO 639-1 */
	const char *stemmer;	  /* Xapian's Snowball name, or NULL */
	const char *aliases[4];	  /* other codes, lower case */
	const char *names[3];	  /* English names, lower case */
	int latin;		  /* votes in Latin-script detection */
	const char *const *stop;  /* sorted, folded */
	size_t nstop;
};

static const struct language languages[] = {
	{ "en", "english", { "eng" }, { "english" }, 1, LIST(stop_en) },
	{ "fr", "french", { "fra", "fre" }, { "french" }, 1, LIST(stop_fr) },
	{ "de", "german", { "deu", "ger" }, { "german" }, 1, LIST(stop_de) },
	{ "es", "spanish", { "spa" }, { "spanish", "castilian" }, 1,
	  LIST(stop_es) },
	{ "it", "italian", { "ita" }, { "italian" }, 1, LIST(stop_it) },
	{ "pt", "portuguese", { "por" }, { "portuguese" }, 1, LIST(stop_pt) },
	{ "nl", "dutch", { "nld", "dut" }, { "dutch", "flemish" }, 1,
	  LIST(stop_nl) },
	{ "sv", "swedish", { "swe" }, { "swedish" }, 1, LIST(stop_sv) },
	{ "da", "danish", { "dan" }, { "danish" }, 1, LIST(stop_da) },
	{ "no", "norwegian", { "nb", "nn", "nor", "nob" },
	  { "norwegian", "bokmal", "nynorsk" }, 1, LIST(stop_no) },
	{ "fi", "finnish", { "fin" }, { "finnish" }, 1, LIST(stop_fi) },
	{ "hu", "hungarian", { "hun" }, { "hungarian" }, 1, LIST(stop_hu) },
	{ "ro", "romanian", { "ron", "rum" }, { "romanian", "moldavian" }, 1,
	  LIST(stop_ro) },
	{ "tr", "turkish", { "tur" }, { "turkish" }, 1, LIST(stop_tr) },
	{ "ca", "catalan", { "cat" }, { "catalan", "valencian" }, 1,
	  LIST(stop_ca) },
	{ "eu", "basque", { "eus", "baq" }, { "basque" }, 1, LIST(stop_eu) },
	{ "ga", "irish", { "gle" }, { "irish", "irish gaelic" }, 1,
	  LIST(stop_ga) },
	{ "id", "indonesian", { "ind", "in" }, { "indonesian" }, 1,
	  LIST(stop_id) },
	{ "lt", "lithuanian", { "lit" }, { "lithuanian" }, 1, LIST(stop_lt) },
	{ "pl", NULL, { "pol" }, { "polish" }, 1, LIST(stop_pl) },
	{ "cs", NULL, { "ces", "cze" }, { "czech" }, 1, LIST(stop_cs) },
	{ "ru", "russian", { "rus" }, { "russian" }, 0, LIST(stop_ru) },
	{ "uk", NULL, { "ukr" }, { "ukrainian" }, 0, NOLIST },
	{ "bg", NULL, { "bul" }, { "bulgarian" }, 0, NOLIST },
	{ "sr", NULL, { "srp" }, { "serbian" }, 0, NOLIST },
	{ "hr", NULL, { "hrv" }, { "croatian" }, 0, NOLIST },
	{ "sl", NULL, { "slv" }, { "slovenian", "slovene" }, 0, NOLIST },
	{ "sk", NULL, { "slk", "slo" }, { "slovak" }, 0, NOLIST },
	{ "el", NULL, { "ell", "gre" }, { "greek" }, 0, NOLIST },
	{ "ar", "arabic", { "ara" }, { "arabic" }, 0, NOLIST },
	{ "he", NULL, { "heb", "iw" }, { "hebrew" }, 0, NOLIST },
	{ "hy", "armenian", { "hye", "arm" }, { "armenian" }, 0, NOLIST },
	{ "ne", "nepali", { "nep" }, { "nepali" }, 0, NOLIST },
	{ "hi", NULL, { "hin" }, { "hindi" }, 0, NOLIST },
	{ "ta", "tamil", { "tam" }, { "tamil" }, 0, NOLIST },
	{ "th", NULL, { "tha" }, { "thai" }, 0, NOLIST },
	{ "vi", NULL, { "vie" }, { "vietnamese" }, 0, NOLIST },
	{ "ja", NULL, { "jpn" }, { "japanese" }, 0, NOLIST },
	{ "zh", NULL, { "zho", "chi", "cmn" }, { "chinese", "mandarin" }, 0,
	  NOLIST },
	{ "ko", NULL, { "kor" }, { "korean" }, 0, NOLIST },
};

#define NLANG (sizeof languages / sizeof languages[0])
/* A language's stopwords are one bit of a 64-bit set (stop_langs). */
_Static_assert(sizeof languages / sizeof languages[0] <= 64,
	       "more languages than bits in a stopword set");

/* Compares s[0..n) with the lower-case NUL-terminated word, ignoring ASCII
 * case (tags are ASCII; a locale's tolower has no business here). */
static int ascii_ieq(const char *s, size_t n, const char *word)
{
	size_t i;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c >= 'A' && c <= 'Z')
			c = (unsigned char)(c - 'A' + 'a');
		if (word[i] == '\0' || (unsigned char)word[i] != c)
			return 0;
	}
	return word[n] == '\0';
}

static const struct language *by_name(const char *s, size_t n)
{
	size_t i, j;

	for (i = 0; i < NLANG; i++)
		for (j = 0; j < 3 && languages[i].names[j]; j++)
			if (ascii_ieq(s, n, languages[i].names[j]))
				return &languages[i];
	return NULL;
}

static const struct language *by_code(const char *s, size_t n)
{
	size_t i, j;

	for (i = 0; i < NLANG; i++) {
		if (ascii_ieq(s, n, languages[i].code))
			return &languages[i];
		for (j = 0; j < 4 && languages[i].aliases[j]; j++)
			if (ascii_ieq(s, n, languages[i].aliases[j]))
				return &languages[i];
	}
	return NULL;
}

static int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
	       c == '\v';
}

const char *ldi_language_code(const char *tag, size_t len)
{
	const struct language *lang;
	size_t primary;

	if (!tag)
		return NULL;
	while (len > 0 && is_space(tag[0])) {
		tag++;
		len--;
	}
	while (len > 0 && is_space(tag[len - 1]))
		len--;
	if (len == 0)
		return NULL;
	/* A whole name first, so "Irish Gaelic" is not cut at its space. */
	lang = by_name(tag, len);
	if (lang)
		return lang->code;
	for (primary = 0; primary < len; primary++)
		if (tag[primary] == '-' || tag[primary] == '_')
			break;
	if (primary == 2 || primary == 3)
		lang = by_code(tag, primary);
	else
		lang = by_name(tag, primary); /* "English-US", "polish_PL" */
	return lang ? lang->code : NULL;
}

static const struct language *by_canonical(const char *code)
{
	size_t i;

	if (!code)
		return NULL;
	for (i = 0; i < NLANG; i++)
		if (!strcmp(languages[i].code, code))
			return &languages[i];
	return NULL;
}

const char *ldi_language_stemmer(const char *code)
{
	const struct language *lang = by_canonical(code);

	return lang ? lang->stemmer : NULL;
}

/* Every stopword of every list in one open-addressing table, mapping the
 * word to the set of languages that list it (bit i: languages[i]). One
 * probe answers "which languages stop this word", which the writer asks
 * for every token and detection for every word of every language; a
 * binary search per list made that the indexer's top cost. Built once,
 * on first use, and read-only after. */
#define STOP_SLOTS 16384 /* a power of two, over twice the words listed */

struct stop_slot {
	const char *word; /* NULL: empty */
	uint32_t len;
	uint64_t langs;
};

static struct stop_slot stop_table[STOP_SLOTS];
static pthread_once_t stop_once = PTHREAD_ONCE_INIT;

static uint32_t stop_hash(const char *s, size_t len)
{
	uint32_t h = 2166136261u; /* FNV-1a */
	size_t i;

	for (i = 0; i < len; i++) {
		h ^= (unsigned char)s[i];
		h *= 16777619u;
	}
	return h;
}

static struct stop_slot *stop_find(const char *term, size_t len)
{
	uint32_t i = stop_hash(term, len) & (STOP_SLOTS - 1);

	while (stop_table[i].word &&
	       (stop_table[i].len != len ||
		memcmp(stop_table[i].word, term, len) != 0))
		i = (i + 1) & (STOP_SLOTS - 1);
	return &stop_table[i];
}

static void stop_build(void)
{
	size_t i, j;

	for (i = 0; i < NLANG; i++)
		for (j = 0; j < languages[i].nstop; j++) {
			const char *w = languages[i].stop[j];
			struct stop_slot *slot = stop_find(w, strlen(w));

			slot->word = w;
			slot->len = (uint32_t)strlen(w);
			slot->langs |= UINT64_C(1) << i;
		}
}

/* The set of languages whose lists hold term[0..len). */
static uint64_t stop_langs(const char *term, size_t len)
{
	pthread_once(&stop_once, stop_build);
	if (len > UINT32_MAX)
		return 0;
	return stop_find(term, len)->langs;
}

static int in_list(const struct language *lang, const char *term, size_t len)
{
	return (stop_langs(term, len) >> (size_t)(lang - languages)) & 1;
}

int ldi_is_stopword(const char *code, const char *term, size_t len)
{
	const struct language *lang = by_canonical(code);

	if (!lang || !term)
		return 0;
	return in_list(lang, term, len);
}

/* Exposed so test_language can check every list is sorted and folded. */
const char *const *ldi_language_stopwords(const char *code, size_t *count)
{
	const struct language *lang = by_canonical(code);

	*count = lang ? lang->nstop : 0;
	return lang ? lang->stop : NULL;
}

enum script {
	SC_LATIN,
	SC_GREEK,
	SC_CYRILLIC,
	SC_ARMENIAN,
	SC_HEBREW,
	SC_ARABIC,
	SC_DEVANAGARI,
	SC_TAMIL,
	SC_THAI,
	SC_HANGUL,
	SC_KANA,
	SC_HAN,
	SC_OTHER,
	SC_COUNT
};

/* Code point ranges of the scripts that decide a language, sorted. Only
 * letters and marks inside them are counted (see letter_script). */
static const struct {
	int32_t first, last;
	enum script script;
} script_ranges[] = {
	{ 0x0041, 0x005A, SC_LATIN },	   { 0x0061, 0x007A, SC_LATIN },
	{ 0x00C0, 0x024F, SC_LATIN },	   { 0x0370, 0x03FF, SC_GREEK },
	{ 0x0400, 0x052F, SC_CYRILLIC },   { 0x0531, 0x058F, SC_ARMENIAN },
	{ 0x0591, 0x05FF, SC_HEBREW },	   { 0x0600, 0x06FF, SC_ARABIC },
	{ 0x0750, 0x077F, SC_ARABIC },	   { 0x08A0, 0x08FF, SC_ARABIC },
	{ 0x0900, 0x097F, SC_DEVANAGARI }, { 0x0B80, 0x0BFF, SC_TAMIL },
	{ 0x0E00, 0x0E7F, SC_THAI },	   { 0x1100, 0x11FF, SC_HANGUL },
	{ 0x1C80, 0x1C8F, SC_CYRILLIC },   { 0x1E00, 0x1EFF, SC_LATIN },
	{ 0x1F00, 0x1FFF, SC_GREEK },	   { 0x2C60, 0x2C7F, SC_LATIN },
	{ 0x2DE0, 0x2DFF, SC_CYRILLIC },   { 0x3040, 0x30FF, SC_KANA },
	{ 0x3130, 0x318F, SC_HANGUL },	   { 0x31F0, 0x31FF, SC_KANA },
	{ 0x3400, 0x4DBF, SC_HAN },	   { 0x4E00, 0x9FFF, SC_HAN },
	{ 0xA640, 0xA69F, SC_CYRILLIC },   { 0xA720, 0xA7FF, SC_LATIN },
	{ 0xA960, 0xA97F, SC_HANGUL },	   { 0xAC00, 0xD7FF, SC_HANGUL },
	{ 0xF900, 0xFAFF, SC_HAN },	   { 0xFB13, 0xFB17, SC_ARMENIAN },
	{ 0xFB1D, 0xFB4F, SC_HEBREW },	   { 0xFB50, 0xFDFF, SC_ARABIC },
	{ 0xFE70, 0xFEFF, SC_ARABIC },	   { 0xFF21, 0xFF3A, SC_LATIN },
	{ 0xFF41, 0xFF5A, SC_LATIN },	   { 0xFF66, 0xFF9F, SC_KANA },
	{ 0xFFA0, 0xFFDC, SC_HANGUL },	   { 0x20000, 0x3FFFF, SC_HAN },
};

/* The script of a letter or mark; SC_COUNT for anything else (digits,
 * punctuation, symbols, spaces), which says nothing about language. */
static enum script letter_script(int32_t cp)
{
	size_t lo = 0, hi = sizeof script_ranges / sizeof script_ranges[0];
	utf8proc_category_t cat;

	if (cp < 0x80) {
		if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z'))
			return SC_LATIN;
		return SC_COUNT;
	}
	cat = utf8proc_category(cp);
	if (cat < UTF8PROC_CATEGORY_LU || cat > UTF8PROC_CATEGORY_ME)
		return SC_COUNT;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (cp < script_ranges[mid].first)
			hi = mid;
		else if (cp > script_ranges[mid].last)
			lo = mid + 1;
		else
			return script_ranges[mid].script;
	}
	return SC_OTHER;
}

/* Letters that, among the languages with stopword lists, only one
 * language writes (lower case). They confirm a stopword leader in text too
 * short for MIN_HITS, such as a headline and one sentence, but never pick
 * a language alone: a quoted name ("Łódź", "Dvořák") has them too. */
static const struct {
	const char *code;
	int32_t letters[6];
} marked_letters[] = {
	{ "pl", { 0x0142, 0x015B, 0x017A, 0x017C, 0x0107, 0x0144 } },
	{ "cs", { 0x0159, 0x016F, 0x011B } },
	{ "hu", { 0x0151, 0x0171 } },
	{ "tr", { 0x011F, 0x0131, 0x015F } },
	{ "ro", { 0x0219, 0x021B, 0x0103, 0x0163 } },
	{ "lt", { 0x0117, 0x0173, 0x012F, 0x016B } },
	{ "pt", { 0x00E3, 0x00F5 } },
	{ "es", { 0x00F1 } },
	{ "de", { 0x00DF } },
};

#define NMARKED (sizeof marked_letters / sizeof marked_letters[0])

struct script_counts {
	unsigned long n[SC_COUNT];
	unsigned long cyr_uk;	/* є і ї ґ: Ukrainian, not Russian */
	unsigned long cyr_sr;	/* ђ ј љ њ ћ џ: Serbian, not Russian */
	unsigned long cyr_ru;	/* ы э ё: Russian, not Ukrainian or Bulgarian */
	unsigned long cyr_hard; /* ъ: rare in Russian, common in Bulgarian */
	unsigned long marked[NMARKED];
};

static void count_marked(struct script_counts *sc, int32_t cp)
{
	size_t i, j;

	cp = utf8proc_tolower(cp);
	for (i = 0; i < NMARKED; i++)
		for (j = 0; j < 6 && marked_letters[i].letters[j]; j++)
			if (marked_letters[i].letters[j] == cp)
				sc->marked[i]++;
}

static void count_cyrillic(struct script_counts *sc, int32_t cp)
{
	int32_t lower = cp;

	if (cp >= 0x0400 && cp <= 0x040F)
		lower = cp + 0x50;
	else if (cp >= 0x0410 && cp <= 0x042F)
		lower = cp + 0x20;
	else if (cp == 0x0490)
		lower = 0x0491;
	switch (lower) {
	case 0x0454: case 0x0456: case 0x0457: case 0x0491:
		sc->cyr_uk++;
		break;
	case 0x0452: case 0x0458: case 0x0459: case 0x045A: case 0x045B:
	case 0x045F:
		sc->cyr_sr++;
		break;
	case 0x044B: case 0x044D: case 0x0451:
		sc->cyr_ru++;
		break;
	case 0x044A:
		sc->cyr_hard++;
		break;
	default:
		break;
	}
}

static void count_scripts(const char *text, size_t len,
			  struct script_counts *sc)
{
	const utf8proc_uint8_t *s = (const utf8proc_uint8_t *)text;
	size_t i = 0;

	memset(sc, 0, sizeof *sc);
	while (i < len) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t n;
		enum script script;

		if (s[i] < 0x80) {
			cp = s[i];
			n = 1;
		} else {
			n = utf8proc_iterate(s + i, (utf8proc_ssize_t)(len - i),
					     &cp);
			if (n <= 0) { /* invalid byte: skip it alone */
				i++;
				continue;
			}
		}
		i += (size_t)n;
		script = letter_script(cp);
		if (script == SC_COUNT)
			continue;
		sc->n[script]++;
		if (script == SC_CYRILLIC)
			count_cyrillic(sc, cp);
		else if (script == SC_LATIN && cp >= 0x00DF)
			count_marked(sc, cp);
	}
}

static const char *cyrillic_language(const struct script_counts *sc)
{
	unsigned long all = sc->n[SC_CYRILLIC];

	/* Ukrainian і alone is about 5% of Ukrainian letters; Russian ы is
	 * about 2% of Russian ones. Two per cent of a script's letters that
	 * another language never writes is not a quoted name. */
	if (sc->cyr_uk > sc->cyr_ru && sc->cyr_uk * 50 >= all)
		return "uk";
	if (sc->cyr_sr > sc->cyr_ru && sc->cyr_sr * 50 >= all)
		return "sr";
	if (sc->cyr_hard > 5 * sc->cyr_ru && sc->cyr_hard * 67 >= all)
		return "bg";
	return "ru";
}

/* The language the script alone decides; NULL for Latin script (left to
 * the stopwords) and for mixed or too short text, with *latin set when
 * Latin script leads clearly. */
static const char *script_language(const struct script_counts *sc,
				   int *latin)
{
	unsigned long weight[SC_COUNT], total = 0, cjk, lead_weight;
	enum script lead = SC_LATIN;
	int i;

	*latin = 0;
	for (i = 0; i < SC_COUNT; i++) {
		weight[i] = sc->n[i];
		if (i == SC_HANGUL || i == SC_KANA || i == SC_HAN)
			weight[i] *= CJK_WEIGHT;
		total += weight[i];
	}
	/* Japanese mixes kana with Han and Korean may mix in Han: the CJK
	 * scripts lead together, then their shares say which language. */
	cjk = weight[SC_HANGUL] + weight[SC_KANA] + weight[SC_HAN];
	for (i = 0; i < SC_COUNT; i++)
		if (i != SC_HANGUL && i != SC_KANA && i != SC_HAN &&
		    weight[i] > weight[lead])
			lead = (enum script)i;
	lead_weight = weight[lead];
	if (cjk > lead_weight) {
		lead = SC_HAN;
		lead_weight = cjk;
	}
	if (total == 0 || lead_weight * 100 < total * DOMINANT_PCT)
		return NULL;
	if (lead == SC_HAN) {
		unsigned long chars = sc->n[SC_HANGUL] + sc->n[SC_KANA] +
				      sc->n[SC_HAN];

		if (chars < MIN_SCRIPT_LETTERS)
			return NULL;
		/* Japanese writes about half its characters in kana; a
		 * Chinese text has none, bar a quoted name. */
		if (sc->n[SC_KANA] * 20 >= chars)
			return "ja";
		if (sc->n[SC_HANGUL] > sc->n[SC_HAN])
			return "ko";
		return "zh";
	}
	if (sc->n[lead] < MIN_SCRIPT_LETTERS)
		return NULL;
	switch (lead) {
	case SC_LATIN:
		*latin = 1;
		return NULL;
	case SC_GREEK:
		return "el";
	case SC_CYRILLIC:
		return cyrillic_language(sc);
	case SC_ARMENIAN:
		return "hy";
	case SC_HEBREW:
		return "he";
	case SC_ARABIC:
		return "ar";
	case SC_DEVANAGARI:
		return "hi";
	case SC_TAMIL:
		return "ta";
	case SC_THAI:
		return "th";
	default:
		return NULL;
	}
}

struct votes {
	uint64_t latin; /* latin_langs() */
	unsigned long words;
	unsigned long hits[NLANG];
	double score[NLANG];
	/* both[i][j]: words in i's list and in j's; those in i's but not
	 * in j's are hits[i] - both[i][j]. Counting the pairs a word is in
	 * costs far less than the pairs it is not in: most stopwords are
	 * in one list or a few. */
	unsigned long both[NLANG][NLANG];
};

/* The languages that vote in Latin-script detection (bit i:
 * languages[i]). */
static uint64_t latin_langs(void)
{
	uint64_t set = 0;
	size_t i;

	for (i = 0; i < NLANG; i++)
		if (languages[i].latin)
			set |= UINT64_C(1) << i;
	return set;
}

static int vote(void *ctx, const ldi_token_t *tok)
{
	struct votes *v = ctx;
	unsigned char in[NLANG]; /* the languages listing the word */
	uint64_t hit;
	size_t i, j, k = 0;

	/* Parts, alternative forms and n-grams repeat a word already seen;
	 * numbers belong to no language. */
	if (tok->kind != LDI_TOKEN_WORD && tok->kind != LDI_TOKEN_COMPOUND)
		return 0;
	if (tok->len == 0 || (tok->term[0] >= '0' && tok->term[0] <= '9'))
		return 0;
	v->words++;
	/* Most words are in no list: nothing more to count. */
	hit = stop_langs(tok->term, tok->len) & v->latin;
	if (!hit)
		return 0;
	for (i = 0; i < NLANG; i++)
		if ((hit >> i) & 1)
			in[k++] = (unsigned char)i;
	for (i = 0; i < k; i++) {
		v->hits[in[i]]++;
		v->score[in[i]] += 1.0 / (double)k;
		for (j = 0; j < k; j++)
			v->both[in[i]][in[j]]++;
	}
	return 0;
}

/* Whether the text has MARKED_MIN letters only `code` writes. */
static int marked_for(const struct script_counts *sc, const char *code)
{
	size_t i;

	for (i = 0; i < NMARKED; i++)
		if (!strcmp(marked_letters[i].code, code))
			return sc->marked[i] >= MARKED_MIN;
	return 0;
}

/* Whether the leader's votes are clearly ahead of the runner-up's: by
 * LEAD_NUM/LEAD_DEN in weighted votes; or, for two close languages whose
 * shared words drown the rest, by APART_MIN words that only the leader
 * lists against at most a third as many that only the runner-up lists;
 * or, failing both, by letters only the leader writes (Polish and Czech
 * share most short words, but not ł or ř). */
static int clear_lead(const struct votes *v, const struct script_counts *sc,
		      size_t best, size_t second)
{
	unsigned long mine = v->hits[best] - v->both[best][second];
	unsigned long theirs = v->hits[second] - v->both[second][best];

	if (v->score[best] * LEAD_DEN >= v->score[second] * LEAD_NUM)
		return 1;
	if (mine >= APART_MIN && mine >= 3 * theirs)
		return 1;
	return marked_for(sc, languages[best].code) &&
	       !marked_for(sc, languages[second].code);
}

static const char *stopword_language(const char *text, size_t len,
				     const struct script_counts *sc)
{
	struct votes *v = calloc(1, sizeof *v);
	size_t i, best = 0, second = 1;
	const char *lang = NULL;
	unsigned long min_hits;

	if (!v)
		return NULL;
	v->latin = latin_langs();
	if (ldi_analyze(text, len, vote, v) != 0 || v->words < MIN_WORDS)
		goto out;
	if (v->score[second] > v->score[best]) {
		best = 1;
		second = 0;
	}
	for (i = 2; i < NLANG; i++) {
		if (v->score[i] > v->score[best]) {
			second = best;
			best = i;
		} else if (v->score[i] > v->score[second]) {
			second = i;
		}
	}
	/* Two close leaders: the one whose own letters the text has goes
	 * first (ties of weighted votes are common between pl and cs). */
	if (v->score[best] * LEAD_DEN < v->score[second] * LEAD_NUM &&
	    marked_for(sc, languages[second].code) &&
	    !marked_for(sc, languages[best].code)) {
		i = best;
		best = second;
		second = i;
	}
	min_hits = marked_for(sc, languages[best].code) ? MIN_HITS_MARKED
							: MIN_HITS;
	if (v->hits[best] >= min_hits &&
	    v->hits[best] * 100 >= v->words * MIN_SHARE_PCT &&
	    clear_lead(v, sc, best, second))
		lang = languages[best].code;
out:
	free(v);
	return lang;
}

const char *ldi_language_detect(const char *text, size_t len)
{
	struct script_counts sc;
	const char *lang;
	int latin;

	if (!text || len == 0)
		return NULL;
	if (len > DETECT_BYTES) {
		/* Cut at a character boundary, not inside one. */
		len = DETECT_BYTES;
		while (len > 0 && ((unsigned char)text[len] & 0xC0) == 0x80)
			len--;
	}
	count_scripts(text, len, &sc);
	lang = script_language(&sc, &latin);
	if (lang || !latin)
		return lang;
	return stopword_language(text, len, &sc);
}
