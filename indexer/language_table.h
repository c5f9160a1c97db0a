/* language_table.h: the languages lede names, with their stopword lists.
 * SPDX-License-Identifier: MIT
 *
 * Data only, with two readers: language.c, which answers from it, and
 * stop_table_gen.c, which hashes the lists at build time into the table
 * language.c looks stopwords up in (stop_table.h). Both take a language's
 * bit in a stopword set from its place in languages[], so they agree by
 * construction. The arrays are static: one .c file of a program includes
 * this.
 */
#ifndef LEDE_LANGUAGE_TABLE_H
#define LEDE_LANGUAGE_TABLE_H

#include <stddef.h>

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

#endif /* LEDE_LANGUAGE_TABLE_H */
