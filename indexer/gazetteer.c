/* gazetteer.c: countries, regions and cities by name, loaded once.
 * SPDX-License-Identifier: MIT
 *
 * Every place has one canonical name, the one a reader of English news
 * expects on a facet: ISO's common name where it has one ("Bolivia",
 * "South Korea"), else its short name ("United Kingdom"), except where
 * ISO's short name is not what newspapers write (table `country_names`:
 * "Russia", not "Russian Federation"; "Turkey", not "Türkiye"). Every
 * other spelling is an alias of it: official names, the names in
 * `aliases` ("UK", "U.K.", "Britain"), and for each name with accents the
 * same name without them ("Krakow" for "Kraków", "Lodz" for "Łódź"),
 * because English copy often drops them.
 *
 * Subdivisions are taken only where readers know them and they are not
 * common words: the nations of the United Kingdom, US states, Canadian
 * provinces, Australian states, German Länder (under their English
 * names), Indian states (without ISO's macrons: "Bihar", not "Bihār"),
 * Chinese provinces and Polish voivodeships (under ISO's Polish names,
 * "Mazowieckie"; Polish text names them as adjectives after
 * "województwo", see ldi_gazetteer_voivodeship). Japanese prefectures are
 * left out: most are surnames too. Cities and regions are hand-picked.
 *
 * Decisions:
 * - "America" alone is the United States ("Latin America", "Bank of
 *   America" and "Captain America" are settled by the longest match and
 *   by extract.c's neighbour rules). "Korea" alone names no country.
 * - "Congo" alone is the Democratic Republic of Congo, the one the news
 *   is about nearly every time; "Republic of the Congo" must be spelt
 *   out.
 * - "Washington" alone is the US capital ("Washington DC"): news means
 *   the city or the government there far more often than the state,
 *   which is "Washington State" when written so. George Washington and
 *   the Washington Post are kept out by extract.c's neighbour rules.
 * - "Georgia" is one place name for the country and the US state: the
 *   facet shows the same string either way.
 * - "New York" is the city and the state alike.
 * - Names that are also common first names or football clubs (Jordan,
 *   Chad, Victoria, Liverpool, Madrid) are places only after a locative
 *   word (LDI_PLACE_CONTEXT); "Reunion", the accentless Réunion, is an
 *   English word and is dropped.
 */
#include "gazetteer.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>
#include <utf8proc.h>

#include "analyze.h"
#include "extract.h"

#define DEFAULT_DIR "/usr/share/iso-codes/json"

/* Internal flag: a stop-listed key, never a place. */
#define STOP 0x100u
/* Internal flag of the folded map: two places fold to this key. */
#define AMBIGUOUS 0x200u

#define MAX_KEY 256

struct voivodeship {
	char *stem;		/* "mazowieck" */
	size_t len;
	const char *canonical;	/* "Mazowieckie" */
};

static struct {
	ldi_wordmap_t names;	/* key as written -> entry */
	ldi_wordmap_t folded;	/* ldi_fold(key) -> canonical (queries) */
	ldi_arena_t arena;
	struct voivodeship voiv[16];
	size_t nvoiv;
	int oom;
} gaz;

static pthread_once_t gaz_once = PTHREAD_ONCE_INIT;

/* ---- Tables -------------------------------------------------------------- */

/* Countries whose ISO short (or common) name is not the one readers expect,
 * by alpha-2 code. */
static const struct {
	const char *code, *name;
} country_names[] = {
	{ "RU", "Russia" },
	{ "CZ", "Czech Republic" },
	{ "CI", "Ivory Coast" },
	{ "CD", "Democratic Republic of Congo" },
	{ "CG", "Republic of the Congo" },
	{ "FK", "Falkland Islands" },
	{ "VA", "Vatican City" },
	{ "PS", "Palestine" },
	{ "TR", "Turkey" },
	{ "CV", "Cape Verde" },
	{ "BN", "Brunei" },
	{ "FM", "Micronesia" },
	{ "VG", "British Virgin Islands" },
	{ "VI", "US Virgin Islands" },
	{ "SH", "Saint Helena" },
	{ "BQ", "Caribbean Netherlands" },
	{ "CC", "Cocos Islands" },
	{ "MF", "Saint Martin" },
	{ "SX", "Sint Maarten" },
	{ "MO", "Macau" },
	{ "PN", "Pitcairn Islands" },
	{ "UM", NULL },		/* no one writes it */
};

/* Subdivisions whose ISO name is not the English one, by ISO 3166-2 code;
 * NULL leaves the subdivision out. */
static const struct {
	const char *code, *name;
} subdivision_names[] = {
	{ "DE-BY", "Bavaria" },
	{ "DE-HE", "Hesse" },
	{ "DE-NI", "Lower Saxony" },
	{ "DE-NW", "North Rhine-Westphalia" },
	{ "DE-RP", "Rhineland-Palatinate" },
	{ "DE-SN", "Saxony" },
	{ "DE-ST", "Saxony-Anhalt" },
	{ "DE-TH", "Thuringia" },
	{ "DE-MV", "Mecklenburg-Western Pomerania" },
	{ "US-DC", "Washington DC" },
	{ "US-WA", "Washington State" },
	{ "US-UM", NULL },
	{ "US-VI", NULL },	/* countries in 3166-1 already */
	{ "US-PR", NULL },
	{ "US-GU", NULL },
	{ "US-AS", NULL },
	{ "US-MP", NULL },
	{ "CN-XZ", "Tibet" },
	{ "CN-NM", "Inner Mongolia" },
	{ "CN-GX", "Guangxi" },
	{ "CN-NX", "Ningxia" },
	{ "CN-XJ", "Xinjiang" },
	{ "CN-TW", NULL },
	{ "CN-HK", NULL },
	{ "CN-MO", NULL },
	{ "IN-DH", NULL },	/* Dadra and Nagar Haveli and Daman and Diu */
};

/* Countries whose subdivisions of these types are taken. */
static const struct {
	const char *country;
	const char *types[3];
} subdivision_types[] = {
	{ "GB", { "Country", "Province" } },
	{ "US", { "State", "District" } },
	{ "CA", { "Province", "Territory" } },
	{ "AU", { "State", "Territory" } },
	{ "DE", { "Land" } },
	{ "IN", { "State", "Union territory" } },
	{ "PL", { "Voivodship" } },
	{ "CN", { "Province", "Autonomous region", "Municipality" } },
};

#define CTX LDI_PLACE_CONTEXT
#define FIRST LDI_PLACE_FIRSTNAME

/* Names as newspapers write them. A NULL canonical means the name is its
 * own canonical form (cities and regions). These come before the ISO
 * names, so their flags and canonical forms win. */
static const struct {
	const char *name, *canonical;
	unsigned flags;
} aliases[] = {
	/* Countries */
	{ "UK", "United Kingdom", 0 },
	{ "U.K.", "United Kingdom", 0 },
	{ "Britain", "United Kingdom", 0 },
	{ "Great Britain", "United Kingdom", 0 },
	{ "US", "United States", 0 },
	{ "U.S.", "United States", 0 },
	{ "USA", "United States", 0 },
	{ "U.S.A.", "United States", 0 },
	{ "America", "United States", 0 },
	{ "United States of America", "United States", 0 },
	{ "UAE", "United Arab Emirates", 0 },
	{ "Holland", "Netherlands", 0 },
	{ "The Netherlands", "Netherlands", 0 },
	{ "Czechia", "Czech Republic", 0 },
	{ "Côte d'Ivoire", "Ivory Coast", 0 },
	{ "DR Congo", "Democratic Republic of Congo", 0 },
	{ "DRC", "Democratic Republic of Congo", 0 },
	{ "Congo", "Democratic Republic of Congo", 0 },
	{ "Democratic Republic of the Congo", "Democratic Republic of Congo",
	  0 },
	{ "Congo-Kinshasa", "Democratic Republic of Congo", 0 },
	{ "Congo-Brazzaville", "Republic of the Congo", 0 },
	{ "Republic of Congo", "Republic of the Congo", 0 },
	{ "Burma", "Myanmar", 0 },
	{ "Swaziland", "Eswatini", 0 },
	{ "Macedonia", "North Macedonia", 0 },
	{ "East Timor", "Timor-Leste", 0 },
	{ "Türkiye", "Turkey", 0 },
	{ "Cabo Verde", "Cape Verde", 0 },
	{ "Vatican", "Vatican City", 0 },
	{ "Holy See", "Vatican City", 0 },
	{ "State of Palestine", "Palestine", 0 },
	{ "Palestinian territories", "Palestine", 0 },
	{ "Palestinian Territories", "Palestine", 0 },
	{ "Republic of Korea", "South Korea", 0 },
	{ "DPRK", "North Korea", 0 },
	{ "Republic of Ireland", "Ireland", 0 },
	{ "Falklands", "Falkland Islands", 0 },
	{ "Macao", "Macau", 0 },
	{ "Bosnia", "Bosnia and Herzegovina", 0 },
	{ "Bosnia-Herzegovina", "Bosnia and Herzegovina", 0 },
	{ "Trinidad", "Trinidad and Tobago", 0 },
	{ "St Kitts and Nevis", "Saint Kitts and Nevis", 0 },
	{ "St Lucia", "Saint Lucia", 0 },
	{ "St Vincent and the Grenadines", "Saint Vincent and the Grenadines",
	  0 },
	{ "Soviet Union", NULL, 0 },
	{ "USSR", "Soviet Union", 0 },
	{ "Yugoslavia", NULL, 0 },
	/* Names that are also first names, words or clubs. */
	{ "Jordan", "Jordan", CTX | FIRST },
	{ "Chad", "Chad", CTX | FIRST },
	{ "Victoria", "Victoria", CTX | FIRST },
	{ "Georgia", "Georgia", FIRST },
	{ "Virginia", "Virginia", FIRST },
	{ "Alberta", "Alberta", FIRST },
	{ "India", "India", FIRST },
	{ "Israel", "Israel", FIRST },
	{ "Kenya", "Kenya", FIRST },
	{ "Indiana", "Indiana", FIRST },
	{ "Montana", "Montana", FIRST },
	{ "Paris", "Paris", FIRST },
	{ "Sydney", "Sydney", FIRST },
	{ "Florence", "Florence", FIRST },
	{ "Sofia", "Sofia", FIRST },
	{ "Brittany", "Brittany", FIRST },
	{ "Washington", "Washington DC", FIRST },
	{ "Washington DC", "Washington DC", 0 },
	{ "Washington D.C.", "Washington DC", 0 },
	{ "Washington state", "Washington State", 0 },
	{ "Bayern", "Bavaria", CTX },
	{ "Hessen", "Hesse", 0 },
	{ "Niedersachsen", "Lower Saxony", 0 },
	{ "Nordrhein-Westfalen", "North Rhine-Westphalia", 0 },
	{ "Rheinland-Pfalz", "Rhineland-Palatinate", 0 },
	{ "Sachsen", "Saxony", 0 },
	{ "Sachsen-Anhalt", "Saxony-Anhalt", 0 },
	{ "Thüringen", "Thuringia", 0 },
	{ "Mecklenburg-Vorpommern", "Mecklenburg-Western Pomerania", 0 },
	{ "Xizang", "Tibet", 0 },
	/* Regions */
	{ "Europe", NULL, 0 },
	{ "Africa", NULL, 0 },
	{ "Asia", NULL, 0 },
	{ "Middle East", NULL, 0 },
	{ "Latin America", NULL, 0 },
	{ "South America", NULL, 0 },
	{ "North America", NULL, 0 },
	{ "Central America", NULL, 0 },
	{ "Caribbean", NULL, 0 },
	{ "Scandinavia", NULL, 0 },
	{ "Balkans", NULL, 0 },
	{ "Southeast Asia", NULL, 0 },
	{ "South-East Asia", "Southeast Asia", 0 },
	{ "South East Asia", "Southeast Asia", 0 },
	{ "Arctic", NULL, 0 },
	{ "Kashmir", NULL, 0 },
	{ "Kurdistan", NULL, 0 },
	{ "Darfur", NULL, 0 },
	{ "Chechnya", NULL, 0 },
	{ "Crimea", NULL, 0 },
	{ "Donbas", NULL, 0 },
	{ "Donbass", "Donbas", 0 },
	{ "Siberia", NULL, 0 },
	{ "West Bank", NULL, 0 },
	{ "Gaza", NULL, 0 },
	{ "Gaza Strip", "Gaza", 0 },
	{ "Golan Heights", NULL, 0 },
	{ "Sinai", NULL, 0 },
	{ "Catalonia", NULL, 0 },
	{ "Basque Country", NULL, 0 },
	{ "Andalusia", NULL, 0 },
	{ "Sicily", NULL, 0 },
	{ "Sardinia", NULL, 0 },
	{ "Lombardy", NULL, 0 },
	{ "Tuscany", NULL, 0 },
	{ "Corsica", NULL, 0 },
	{ "Normandy", NULL, 0 },
	{ "Flanders", NULL, 0 },
	{ "Wallonia", NULL, 0 },
	{ "Balochistan", NULL, 0 },
	{ "Baluchistan", "Balochistan", 0 },
	{ "Sindh", NULL, 0 },
	{ "Khyber Pakhtunkhwa", NULL, 0 },
	/* Cities */
	{ "London", NULL, 0 },
	{ "Paris", NULL, 0 },
	{ "New York City", "New York", 0 },
	{ "NYC", "New York", 0 },
	{ "Los Angeles", NULL, 0 },
	{ "San Francisco", NULL, 0 },
	{ "Chicago", NULL, 0 },
	{ "Boston", NULL, 0 },
	{ "Miami", NULL, 0 },
	{ "Houston", NULL, 0 },
	{ "Dallas", NULL, 0 },
	{ "Atlanta", NULL, 0 },
	{ "Seattle", NULL, 0 },
	{ "Detroit", NULL, 0 },
	{ "Philadelphia", NULL, 0 },
	{ "Las Vegas", NULL, 0 },
	{ "New Orleans", NULL, 0 },
	{ "Toronto", NULL, 0 },
	{ "Montreal", NULL, 0 },
	{ "Vancouver", NULL, 0 },
	{ "Ottawa", NULL, 0 },
	{ "Mexico City", NULL, 0 },
	{ "Havana", NULL, 0 },
	{ "Rio de Janeiro", NULL, 0 },
	{ "São Paulo", NULL, 0 },
	{ "Buenos Aires", NULL, 0 },
	{ "Bogotá", NULL, 0 },
	{ "Caracas", NULL, 0 },
	{ "Dublin", NULL, 0 },
	{ "Edinburgh", NULL, 0 },
	{ "Cardiff", NULL, 0 },
	{ "Belfast", NULL, 0 },
	{ "Glasgow", NULL, 0 },
	{ "Birmingham", NULL, 0 },
	{ "Bristol", NULL, 0 },
	{ "Sheffield", NULL, 0 },
	{ "Manchester", NULL, CTX },
	{ "Liverpool", NULL, CTX },
	{ "Leeds", NULL, CTX },
	{ "Newcastle", NULL, CTX },
	{ "Southampton", NULL, CTX },
	{ "Berlin", NULL, 0 },
	{ "Munich", NULL, 0 },
	{ "Frankfurt", NULL, 0 },
	{ "Cologne", NULL, 0 },
	{ "Rome", NULL, 0 },
	{ "Milan", NULL, CTX },
	{ "Turin", NULL, CTX },
	{ "Venice", NULL, 0 },
	{ "Naples", NULL, 0 },
	{ "Madrid", NULL, CTX },
	{ "Barcelona", NULL, CTX },
	{ "Lisbon", NULL, 0 },
	{ "Amsterdam", NULL, 0 },
	{ "The Hague", NULL, 0 },
	{ "Brussels", NULL, 0 },
	{ "Geneva", NULL, 0 },
	{ "Zurich", NULL, 0 },
	{ "Vienna", NULL, 0 },
	{ "Prague", NULL, 0 },
	{ "Budapest", NULL, 0 },
	{ "Warsaw", NULL, 0 },
	{ "Warszawa", "Warsaw", 0 },
	{ "Kraków", NULL, 0 },
	{ "Cracow", "Kraków", 0 },
	{ "Gdańsk", NULL, 0 },
	{ "Wrocław", NULL, 0 },
	{ "Poznań", NULL, 0 },
	{ "Łódź", NULL, 0 },
	{ "Szczecin", NULL, 0 },
	{ "Lublin", NULL, 0 },
	{ "Katowice", NULL, 0 },
	{ "Białystok", NULL, 0 },
	{ "Gdynia", NULL, 0 },
	{ "Bydgoszcz", NULL, 0 },
	{ "Toruń", NULL, 0 },
	{ "Rzeszów", NULL, 0 },
	{ "Athens", NULL, 0 },
	{ "Istanbul", NULL, 0 },
	{ "Ankara", NULL, 0 },
	{ "Moscow", NULL, 0 },
	{ "St Petersburg", NULL, 0 },
	{ "St. Petersburg", "St Petersburg", 0 },
	{ "Saint Petersburg", "St Petersburg", 0 },
	{ "Kyiv", NULL, 0 },
	{ "Kiev", "Kyiv", 0 },
	{ "Kharkiv", NULL, 0 },
	{ "Kharkov", "Kharkiv", 0 },
	{ "Odesa", NULL, 0 },
	{ "Odessa", "Odesa", 0 },
	{ "Lviv", NULL, 0 },
	{ "Donetsk", NULL, 0 },
	{ "Luhansk", NULL, 0 },
	{ "Mariupol", NULL, 0 },
	{ "Kherson", NULL, 0 },
	{ "Zaporizhzhia", NULL, 0 },
	{ "Bakhmut", NULL, 0 },
	{ "Minsk", NULL, 0 },
	{ "Vilnius", NULL, 0 },
	{ "Riga", NULL, 0 },
	{ "Tallinn", NULL, 0 },
	{ "Helsinki", NULL, 0 },
	{ "Stockholm", NULL, 0 },
	{ "Oslo", NULL, 0 },
	{ "Copenhagen", NULL, 0 },
	{ "Reykjavik", NULL, 0 },
	{ "Belgrade", NULL, 0 },
	{ "Zagreb", NULL, 0 },
	{ "Sarajevo", NULL, 0 },
	{ "Bucharest", NULL, 0 },
	{ "Tbilisi", NULL, 0 },
	{ "Baku", NULL, 0 },
	{ "Yerevan", NULL, 0 },
	{ "Jerusalem", NULL, 0 },
	{ "Tel Aviv", NULL, 0 },
	{ "Ramallah", NULL, 0 },
	{ "Beirut", NULL, 0 },
	{ "Damascus", NULL, 0 },
	{ "Aleppo", NULL, 0 },
	{ "Baghdad", NULL, 0 },
	{ "Mosul", NULL, 0 },
	{ "Basra", NULL, 0 },
	{ "Falluja", "Fallujah", 0 },
	{ "Fallujah", NULL, 0 },
	{ "Tehran", NULL, 0 },
	{ "Riyadh", NULL, 0 },
	{ "Jeddah", NULL, 0 },
	{ "Mecca", NULL, 0 },
	{ "Dubai", NULL, 0 },
	{ "Abu Dhabi", NULL, 0 },
	{ "Doha", NULL, 0 },
	{ "Cairo", NULL, 0 },
	{ "Kabul", NULL, 0 },
	{ "Kandahar", NULL, 0 },
	{ "Islamabad", NULL, 0 },
	{ "Karachi", NULL, 0 },
	{ "Lahore", NULL, 0 },
	{ "New Delhi", NULL, 0 },
	{ "Mumbai", NULL, 0 },
	{ "Bombay", "Mumbai", 0 },
	{ "Kolkata", NULL, 0 },
	{ "Calcutta", "Kolkata", 0 },
	{ "Chennai", NULL, 0 },
	{ "Bangalore", NULL, 0 },
	{ "Bengaluru", "Bangalore", 0 },
	{ "Hyderabad", NULL, 0 },
	{ "Dhaka", NULL, 0 },
	{ "Kathmandu", NULL, 0 },
	{ "Colombo", NULL, 0 },
	{ "Beijing", NULL, 0 },
	{ "Shanghai", NULL, 0 },
	{ "Shenzhen", NULL, 0 },
	{ "Wuhan", NULL, 0 },
	{ "Tokyo", NULL, 0 },
	{ "Osaka", NULL, 0 },
	{ "Kyoto", NULL, 0 },
	{ "Hiroshima", NULL, 0 },
	{ "Nagasaki", NULL, 0 },
	{ "Fukushima", NULL, 0 },
	{ "Okinawa", NULL, 0 },
	{ "Hokkaido", NULL, 0 },
	{ "Seoul", NULL, 0 },
	{ "Pyongyang", NULL, 0 },
	{ "Taipei", NULL, 0 },
	{ "Bangkok", NULL, 0 },
	{ "Hanoi", NULL, 0 },
	{ "Kuala Lumpur", NULL, 0 },
	{ "Jakarta", NULL, 0 },
	{ "Manila", NULL, 0 },
	{ "Melbourne", NULL, 0 },
	{ "Brisbane", NULL, 0 },
	{ "Perth", NULL, 0 },
	{ "Auckland", NULL, 0 },
	{ "Lagos", NULL, 0 },
	{ "Abuja", NULL, 0 },
	{ "Nairobi", NULL, 0 },
	{ "Addis Ababa", NULL, 0 },
	{ "Johannesburg", NULL, 0 },
	{ "Cape Town", NULL, 0 },
	{ "Harare", NULL, 0 },
	{ "Khartoum", NULL, 0 },
	{ "Tripoli", NULL, 0 },
	{ "Tunis", NULL, 0 },
	{ "Algiers", NULL, 0 },
	{ "Mogadishu", NULL, 0 },
	{ "Kinshasa", NULL, 0 },
	{ "Kigali", NULL, 0 },
	{ "Kampala", NULL, 0 },
	{ "Dakar", NULL, 0 },
	{ "Accra", NULL, 0 },
};

#undef CTX
#undef FIRST

/* Names never taken as places, whatever a table or ISO says: English
 * words that an alias or an accentless form would otherwise make. */
static const char *const stopped[] = {
	"Reunion",	/* Réunion without its accent */
	"Korea",	/* which one? */
	"Guinea pig",
};

/* Polish forms (inflected and native names) of places; only in Polish
 * text, where "Polsce" means Poland and "Czech" means the Czech
 * Republic, not the English adjective. */
static const struct {
	const char *forms;	/* space-separated, '_' inside a form */
	const char *canonical;
} polish[] = {
	{ "Polska Polski Polsce Polskę Polską", "Poland" },
	{ "Niemcy Niemiec Niemczech Niemcom Niemcami", "Germany" },
	{ "Rosja Rosji Rosję Rosją", "Russia" },
	{ "Ukraina Ukrainy Ukrainie Ukrainę Ukrainą", "Ukraine" },
	{ "Izrael Izraela Izraelu Izraelem", "Israel" },
	{ "Stany_Zjednoczone Stanów_Zjednoczonych Stanach_Zjednoczonych "
	  "Stanom_Zjednoczonym", "United States" },
	{ "Wielka_Brytania Wielkiej_Brytanii Wielką_Brytanię",
	  "United Kingdom" },
	{ "Francja Francji Francję Francją", "France" },
	{ "Chiny Chin Chinach Chinom Chinami", "China" },
	{ "Białoruś Białorusi", "Belarus" },
	{ "Litwa Litwy Litwie Litwę", "Lithuania" },
	{ "Łotwa Łotwy Łotwie Łotwę", "Latvia" },
	{ "Estonia Estonii", "Estonia" },
	{ "Czechy Czech Czechach", "Czech Republic" },
	{ "Słowacja Słowacji Słowację", "Slovakia" },
	{ "Węgry Węgier Węgrzech", "Hungary" },
	{ "Włochy Włoch Włoszech", "Italy" },
	{ "Hiszpania Hiszpanii Hiszpanię", "Spain" },
	{ "Portugalia Portugalii", "Portugal" },
	{ "Japonia Japonii Japonię", "Japan" },
	{ "Indie Indii Indiach", "India" },
	{ "Iran Iranu Iranie", "Iran" },
	{ "Irak Iraku", "Iraq" },
	{ "Turcja Turcji Turcję", "Turkey" },
	{ "Szwecja Szwecji Szwecję", "Sweden" },
	{ "Norwegia Norwegii Norwegię", "Norway" },
	{ "Dania Danii", "Denmark" },
	{ "Finlandia Finlandii", "Finland" },
	{ "Austria Austrii", "Austria" },
	{ "Szwajcaria Szwajcarii", "Switzerland" },
	{ "Holandia Holandii Holandię", "Netherlands" },
	{ "Belgia Belgii", "Belgium" },
	{ "Grecja Grecji", "Greece" },
	{ "Kanada Kanady Kanadzie", "Canada" },
	{ "Meksyk Meksyku", "Mexico" },
	{ "Brazylia Brazylii", "Brazil" },
	{ "Egipt Egiptu Egipcie", "Egypt" },
	{ "Syria Syrii", "Syria" },
	{ "Liban Libanu Libanie", "Lebanon" },
	{ "Mołdawia Mołdawii", "Moldova" },
	{ "Rumunia Rumunii", "Romania" },
	{ "Bułgaria Bułgarii", "Bulgaria" },
	{ "Serbia Serbii", "Serbia" },
	{ "Chorwacja Chorwacji", "Croatia" },
	{ "Słowenia Słowenii", "Slovenia" },
	{ "Gruzja Gruzji", "Georgia" },
	{ "Armenia Armenii", "Armenia" },
	{ "Azerbejdżan Azerbejdżanu", "Azerbaijan" },
	{ "Kazachstan Kazachstanu", "Kazakhstan" },
	{ "Afganistan Afganistanu", "Afghanistan" },
	{ "Pakistan Pakistanu", "Pakistan" },
	{ "Korea_Północna Korei_Północnej", "North Korea" },
	{ "Korea_Południowa Korei_Południowej", "South Korea" },
	{ "Australia Australii", "Australia" },
	{ "Irlandia Irlandii", "Ireland" },
	{ "Szkocja Szkocji", "Scotland" },
	{ "Anglia Anglii", "England" },
	{ "Europa Europy Europie Europę", "Europe" },
	{ "Afryka Afryki Afryce", "Africa" },
	{ "Azja Azji", "Asia" },
	{ "Bliski_Wschód Bliskim_Wschodzie Bliskiego_Wschodu",
	  "Middle East" },
	{ "Strefa_Gazy Strefie_Gazy Strefy_Gazy Gazie", "Gaza" },
	{ "Zachodni_Brzeg Zachodnim_Brzegu", "West Bank" },
	{ "Krym Krymie Krymu", "Crimea" },
	{ "Warszawa Warszawy Warszawie Warszawę Warszawą", "Warsaw" },
	{ "Krakowa Krakowie", "Kraków" },
	{ "Gdańska Gdańsku", "Gdańsk" },
	{ "Wrocławia Wrocławiu", "Wrocław" },
	{ "Poznania Poznaniu", "Poznań" },
	{ "Łodzi", "Łódź" },
	{ "Szczecina Szczecinie", "Szczecin" },
	{ "Lublina Lublinie", "Lublin" },
	{ "Katowic Katowicach", "Katowice" },
	{ "Białegostoku", "Białystok" },
	{ "Gdyni", "Gdynia" },
	{ "Bydgoszczy", "Bydgoszcz" },
	{ "Torunia Toruniu", "Toruń" },
	{ "Rzeszowa Rzeszowie", "Rzeszów" },
	{ "Kijów Kijowa Kijowie", "Kyiv" },
	{ "Charków Charkowa Charkowie", "Kharkiv" },
	{ "Lwów Lwowa Lwowie", "Lviv" },
	{ "Moskwa Moskwy Moskwie", "Moscow" },
	{ "Mińsk Mińsku", "Minsk" },
	{ "Wilno Wilna Wilnie", "Vilnius" },
	{ "Berlina Berlinie", "Berlin" },
	{ "Paryż Paryża Paryżu", "Paris" },
	{ "Londyn Londynu Londynie", "London" },
	{ "Waszyngton Waszyngtonie Waszyngtonu", "Washington DC" },
	{ "Bruksela Brukseli", "Brussels" },
	{ "Jerozolima Jerozolimy Jerozolimie", "Jerusalem" },
	{ "Tel_Awiw Tel_Awiwie", "Tel Aviv" },
	{ "Rzym Rzymie Rzymu", "Rome" },
	{ "Wiedeń Wiedniu", "Vienna" },
	{ "Praga Pradze Pragi", "Prague" },
	{ "Mazowsze Mazowszu Mazowsza", "Mazowieckie" },
	{ "Małopolska Małopolsce", "Małopolskie" },
	{ "Wielkopolska Wielkopolsce", "Wielkopolskie" },
	{ "Pomorze Pomorzu Pomorza", "Pomorskie" },
	{ "Podlasie Podlasiu", "Podlaskie" },
	{ "Podkarpacie Podkarpaciu", "Podkarpackie" },
	{ "Dolny_Śląsk Dolnym_Śląsku Dolnego_Śląska", "Dolnośląskie" },
	{ "Warmia_i_Mazury Warmii_i_Mazurach", "Warmińsko-mazurskie" },
	{ "Lubelszczyzna Lubelszczyźnie", "Lubelskie" },
};

/* ---- Building ------------------------------------------------------------ */

/* Letters that Unicode does not decompose but English copy writes without
 * their stroke ("Lodz" for "Łódź"). */
static const struct {
	const char *from, *to;
} unstroked[] = {
	{ "\xc5\x81", "L" }, { "\xc5\x82", "l" }, /* Ł ł */
	{ "\xc3\x98", "O" }, { "\xc3\xb8", "o" }, /* Ø ø */
	{ "\xc4\x90", "D" }, { "\xc4\x91", "d" }, /* Đ đ */
	{ "\xc4\xb1", "i" },			  /* ı */
};

/* The name without accents (malloc'ed), or NULL when it has none or
 * memory ran out. */
static char *accentless(const char *name)
{
	utf8proc_uint8_t *stripped = NULL;
	char *out;
	size_t i, o = 0, n;

	for (i = 0; name[i] && (unsigned char)name[i] < 0x80; i++)
		;
	if (!name[i])
		return NULL;	/* ASCII: nothing to strip */
	if (utf8proc_map((const utf8proc_uint8_t *)name, 0, &stripped,
			 UTF8PROC_NULLTERM | UTF8PROC_STABLE |
				 UTF8PROC_COMPOSE | UTF8PROC_STRIPMARK) < 0)
		return NULL;
	n = strlen((char *)stripped);
	out = malloc(n + 1);
	if (!out) {
		free(stripped);
		return NULL;
	}
	for (i = 0; i < n;) {
		size_t k;

		for (k = 0; k < sizeof unstroked / sizeof *unstroked; k++) {
			size_t flen = strlen(unstroked[k].from);

			if (!strncmp((char *)stripped + i, unstroked[k].from,
				     flen)) {
				out[o++] = unstroked[k].to[0];
				i += flen;
				break;
			}
		}
		if (k == sizeof unstroked / sizeof *unstroked)
			out[o++] = (char)stripped[i++];
	}
	out[o] = '\0';
	free(stripped);
	if (!strcmp(out, name)) {
		free(out);
		return NULL;
	}
	return out;
}

/* A copy of `name` in the arena as a key: runs of spaces made one,
 * U+2019 made "'", a trailing "(...)" or "[...]" dropped, a leading "the "
 * dropped. NULL when out of memory or nothing is left. */
static char *clean_name(const char *name)
{
	size_t n = strlen(name), i, o = 0;
	char *buf = malloc(n + 1), *key;

	if (!buf)
		return NULL;
	if (!strncmp(name, "the ", 4))
		name += 4, n -= 4;
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)name[i];

		if ((c == '(' || c == '[') && o > 0)
			break;
		if (c == 0xe2 && (unsigned char)name[i + 1] == 0x80 &&
		    (unsigned char)name[i + 2] == 0x99) {
			buf[o++] = '\'';
			i += 2;
		} else if (c == ' ' || c == '\t' || c == '\n') {
			if (o > 0 && buf[o - 1] != ' ')
				buf[o++] = ' ';
		} else {
			buf[o++] = (char)c;
		}
	}
	while (o > 0 && buf[o - 1] == ' ')
		o--;
	key = o ? ldi_arena_strndup(&gaz.arena, buf, o) : NULL;
	free(buf);
	return key;
}

/* Records the folded form of key for ldi_place_canonical. */
static void add_folded(const char *key, const char *canonical)
{
	char *folded, *copy;
	size_t len;
	ldi_wordmap_entry_t *e;

	if (ldi_fold(key, strlen(key), &folded, &len) < 0) {
		gaz.oom = 1;
		return;
	}
	copy = ldi_arena_strndup(&gaz.arena, folded, len);
	free(folded);
	if (!copy || !(e = ldi_wordmap_put(&gaz.folded, copy, len))) {
		gaz.oom = 1;
		return;
	}
	if (!e->value && !(e->flags & AMBIGUOUS))
		e->value = canonical;
	else if (e->value && strcmp(e->value, canonical)) {
		e->value = NULL;
		e->flags |= AMBIGUOUS;
	}
}

static void add_key(const char *key, const char *canonical, unsigned flags);

/* Adds key (an arena or static string, already clean) as a name of the
 * place `canonical`, unless the key is taken: earlier tables win. Each
 * word-prefix of the key is marked, so a lookup can stop early. */
static void add_name(const char *key, const char *canonical, unsigned flags)
{
	char *plain;

	add_key(key, canonical, flags);
	plain = accentless(key);
	if (plain) {
		char *copy = ldi_arena_strndup(&gaz.arena, plain,
					       strlen(plain));

		free(plain);
		if (!copy)
			gaz.oom = 1;
		else
			add_key(copy, canonical, flags);
	}
}

static void add_key(const char *key, const char *canonical, unsigned flags)
{
	size_t len = strlen(key), i;
	ldi_wordmap_entry_t *e = ldi_wordmap_put(&gaz.names, key, len);

	if (!e) {
		gaz.oom = 1;
		return;
	}
	if (e->flags & (LDI_PLACE_NAME | STOP))
		return;
	e->flags |= LDI_PLACE_NAME | flags;
	e->value = canonical;
	add_folded(key, canonical);
	for (i = 1; i < len; i++) {
		if (key[i] != ' ')
			continue;
		e = ldi_wordmap_put(&gaz.names, key, i);
		if (!e) {
			gaz.oom = 1;
			return;
		}
		e->flags |= LDI_PLACE_PREFIX;
	}
}

static void add_stopped(void)
{
	size_t i;

	for (i = 0; i < sizeof stopped / sizeof *stopped; i++) {
		ldi_wordmap_entry_t *e =
			ldi_wordmap_put(&gaz.names, stopped[i],
					strlen(stopped[i]));

		if (!e) {
			gaz.oom = 1;
			return;
		}
		e->flags |= STOP;
	}
}

static void add_aliases(void)
{
	size_t i;

	for (i = 0; i < sizeof aliases / sizeof *aliases; i++) {
		const char *canon = aliases[i].canonical ? aliases[i].canonical
							 : aliases[i].name;

		add_name(aliases[i].name, canon, aliases[i].flags);
		add_name(canon, canon, 0);
	}
}

static const char *json_str(json_t *obj, const char *key)
{
	return json_string_value(json_object_get(obj, key));
}

static void add_country(json_t *c)
{
	const char *code = json_str(c, "alpha_2");
	const char *name = json_str(c, "name");
	const char *common = json_str(c, "common_name");
	const char *official = json_str(c, "official_name");
	const char *canon = NULL;
	char *key;
	size_t i;

	if (!code || !name)
		return;
	for (i = 0; i < sizeof country_names / sizeof *country_names; i++)
		if (!strcmp(country_names[i].code, code)) {
			if (!country_names[i].name)
				return;
			canon = country_names[i].name;
		}
	if (!canon)
		canon = common ? common : name;
	/* "Bolivia, Plurinational State of" is a catalogue entry, not a
	 * name anyone writes. */
	if (strchr(canon, ','))
		return;
	if (!(key = clean_name(canon)))
		goto oom;
	canon = key;
	add_name(canon, canon, 0);
	if (!strchr(name, ',')) {
		if (!(key = clean_name(name)))
			goto oom;
		add_name(key, canon, 0);
	}
	if (official && !strchr(official, ',')) {
		if (!(key = clean_name(official)))
			goto oom;
		add_name(key, canon, 0);
	}
	return;
oom:
	gaz.oom = 1;
}

static int wanted_type(const char *code, const char *type)
{
	size_t i, k;

	for (i = 0; i < sizeof subdivision_types / sizeof *subdivision_types;
	     i++) {
		if (strncmp(code, subdivision_types[i].country, 2) ||
		    code[2] != '-')
			continue;
		for (k = 0; k < 3 && subdivision_types[i].types[k]; k++)
			if (!strcmp(type, subdivision_types[i].types[k]))
				return 1;
	}
	return 0;
}

/* Records a Polish voivodeship's adjective stem: "Mazowieckie" gives
 * "mazowieck", which "mazowieckim" and "mazowieckiego" start with. */
static void add_voivodeship(const char *canon)
{
	utf8proc_uint8_t *lower = NULL;
	size_t n;

	if (gaz.nvoiv == sizeof gaz.voiv / sizeof *gaz.voiv)
		return;
	if (utf8proc_map((const utf8proc_uint8_t *)canon, 0, &lower,
			 UTF8PROC_NULLTERM | UTF8PROC_STABLE |
				 UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD) < 0) {
		gaz.oom = 1;
		return;
	}
	n = strlen((char *)lower);
	if (n > 2 && !strcmp((char *)lower + n - 2, "ie")) {
		char *stem = ldi_arena_strndup(&gaz.arena, (char *)lower,
					       n - 2);

		if (!stem)
			gaz.oom = 1;
		else {
			gaz.voiv[gaz.nvoiv].stem = stem;
			gaz.voiv[gaz.nvoiv].len = n - 2;
			gaz.voiv[gaz.nvoiv].canonical = canon;
			gaz.nvoiv++;
		}
	}
	free(lower);
}

/* Chinese provinces are "Anhui Sheng", municipalities "Beijing Shi":
 * the suffix is the administrative kind, not part of the name. */
static void drop_suffix(char *name, const char *suffix)
{
	size_t n = strlen(name), s = strlen(suffix);

	if (n > s && !strcmp(name + n - s, suffix))
		name[n - s] = '\0';
}

static void add_subdivision(json_t *d)
{
	const char *code = json_str(d, "code");
	const char *name = json_str(d, "name");
	const char *type = json_str(d, "type");
	const char *canon = NULL;
	char *key, *plain;
	size_t i;

	if (!code || !name || !type || !wanted_type(code, type))
		return;
	for (i = 0; i < sizeof subdivision_names / sizeof *subdivision_names;
	     i++)
		if (!strcmp(subdivision_names[i].code, code)) {
			if (!subdivision_names[i].name)
				return;
			canon = subdivision_names[i].name;
		}
	if (!(key = clean_name(name)))
		goto oom;
	if (!strncmp(code, "CN-", 3)) {
		drop_suffix(key, " Sheng");
		drop_suffix(key, " Shi");
	}
	if (!strncmp(code, "IN-", 3) && (plain = accentless(key))) {
		/* ISO's macrons ("Bihār") are a transliteration no newspaper
		 * uses: the plain form is the name. */
		key = ldi_arena_strndup(&gaz.arena, plain, strlen(plain));
		free(plain);
		if (!key)
			goto oom;
	}
	if (!canon)
		canon = key;
	add_name(canon, canon, 0);
	add_name(key, canon, 0);
	if (!strncmp(code, "PL-", 3))
		add_voivodeship(canon);
	return;
oom:
	gaz.oom = 1;
}

/* Adds each form of polish[i]: forms are separated by spaces, and '_'
 * stands for a space inside a form. */
static void add_polish(void)
{
	size_t i;

	for (i = 0; i < sizeof polish / sizeof *polish; i++) {
		const char *p = polish[i].forms;

		while (*p) {
			size_t n = strcspn(p, " "), k;
			char *form = ldi_arena_strndup(&gaz.arena, p, n);

			if (!form) {
				gaz.oom = 1;
				return;
			}
			for (k = 0; k < n; k++)
				if (form[k] == '_')
					form[k] = ' ';
			add_name(form, polish[i].canonical, LDI_PLACE_POLISH);
			p += n;
			while (*p == ' ')
				p++;
		}
	}
}

static int load_array(const char *dir, const char *file, const char *key,
		      void (*add)(json_t *))
{
	char path[4096];
	json_t *root, *list, *item;
	size_t i;

	if ((size_t)snprintf(path, sizeof path, "%s/%s", dir, file) >=
	    sizeof path)
		return -1;
	root = json_load_file(path, 0, NULL);
	if (!root)
		return -1;
	list = json_object_get(root, key);
	if (!json_is_array(list)) {
		json_decref(root);
		return -1;
	}
	json_array_foreach(list, i, item)
		add(item);
	json_decref(root);
	return 0;
}

static void load(void)
{
	const char *dir = getenv("LEDE_ISO_CODES_DIR");

	if (!dir || !*dir)
		dir = DEFAULT_DIR;
	add_stopped();
	add_aliases();
	if (load_array(dir, "iso_3166-1.json", "3166-1", add_country) < 0 ||
	    load_array(dir, "iso_3166-2.json", "3166-2", add_subdivision) < 0 ||
	    gaz.oom) {
		/* Without ISO's lists the gazetteer would be a few hand-picked
		 * cities: better none, as gazetteer.h says. */
		ldi_wordmap_clear(&gaz.names);
		ldi_wordmap_clear(&gaz.folded);
		ldi_arena_free(&gaz.arena);
		gaz.nvoiv = 0;
		return;
	}
	add_polish();
	if (gaz.oom) {
		ldi_wordmap_clear(&gaz.names);
		ldi_wordmap_clear(&gaz.folded);
		ldi_arena_free(&gaz.arena);
		gaz.nvoiv = 0;
	}
}

/* ---- Lookups ------------------------------------------------------------- */

const ldi_wordmap_entry_t *ldi_gazetteer_find(const char *key, size_t len)
{
	const ldi_wordmap_entry_t *e;

	pthread_once(&gaz_once, load);
	e = ldi_wordmap_get(&gaz.names, key, len);
	return e && !(e->flags & STOP) ? e : NULL;
}

const char *ldi_gazetteer_voivodeship(const char *word, size_t len)
{
	static const char *const endings[] = { "ie", "im", "iego", "iemu" };
	size_t i, k;

	pthread_once(&gaz_once, load);
	for (i = 0; i < gaz.nvoiv; i++) {
		const struct voivodeship *v = &gaz.voiv[i];

		if (len <= v->len || memcmp(word, v->stem, v->len))
			continue;
		for (k = 0; k < sizeof endings / sizeof *endings; k++)
			if (len - v->len == strlen(endings[k]) &&
			    !memcmp(word + v->len, endings[k], len - v->len))
				return v->canonical;
	}
	return NULL;
}

/* The query side: exact spelling first, then any case and accents, and
 * without a leading "the". Stop-listed and context-only names count:
 * someone who types place:Jordan means the country. */
const char *ldi_place_canonical(const char *name, size_t len)
{
	char key[MAX_KEY], *folded;
	size_t i, o = 0, flen;
	const ldi_wordmap_entry_t *e;
	const char *canon = NULL;

	if (!name)
		return NULL;
	if (len == LEDE_NTS)
		len = strlen(name);
	pthread_once(&gaz_once, load);
	for (i = 0; i < len && o < sizeof key - 1; i++) {
		unsigned char c = (unsigned char)name[i];

		if (c == 0xe2 && i + 2 < len &&
		    (unsigned char)name[i + 1] == 0x80 &&
		    (unsigned char)name[i + 2] == 0x99) {
			key[o++] = '\'';
			i += 2;
		} else if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
			if (o > 0 && key[o - 1] != ' ')
				key[o++] = ' ';
		} else {
			key[o++] = (char)c;
		}
	}
	if (i < len)
		return NULL;	/* longer than any place name */
	while (o > 0 && key[o - 1] == ' ')
		o--;
	if (!o)
		return NULL;
	e = ldi_wordmap_get(&gaz.names, key, o);
	if (e && (e->flags & LDI_PLACE_NAME))
		return e->value;
	if (ldi_fold(key, o, &folded, &flen) < 0)
		return NULL;
	e = ldi_wordmap_get(&gaz.folded, folded, flen);
	if (!e && flen > 4 && !memcmp(folded, "the ", 4))
		e = ldi_wordmap_get(&gaz.folded, folded + 4, flen - 4);
	if (e)
		canon = e->value;
	free(folded);
	return canon;
}
