/**
 * Parses free-text posting locations ("San Francisco, CA", "Remote - US", "Bengaluru, Karnataka, India",
 * "Massachusetts - Boston", "SF, NYC, SEA") into city / region / country (ISO 3166 alpha-2). Pure.
 *
 * Several locations ("A; B", "A | B", "A or B", "SF, NYC, SEA") yield the first one that names a place;
 * `is_remote` is true when any of them is remote. Region is the 2-letter code for US states and Canadian
 * provinces, otherwise the text as written ("Karnataka", "Scotland").
 */

export interface ParsedLocation {
  city: string | null;
  region: string | null;
  country: string | null;
  is_remote: boolean;
  raw: string | null;
}

interface PlaceParts {
  city: string | null;
  region: string | null;
  country: string | null;
  isRemote: boolean;
}

const US_STATES: Record<string, string> = {
  AL: 'Alabama',
  AK: 'Alaska',
  AZ: 'Arizona',
  AR: 'Arkansas',
  CA: 'California',
  CO: 'Colorado',
  CT: 'Connecticut',
  DE: 'Delaware',
  FL: 'Florida',
  GA: 'Georgia',
  HI: 'Hawaii',
  ID: 'Idaho',
  IL: 'Illinois',
  IN: 'Indiana',
  IA: 'Iowa',
  KS: 'Kansas',
  KY: 'Kentucky',
  LA: 'Louisiana',
  ME: 'Maine',
  MD: 'Maryland',
  MA: 'Massachusetts',
  MI: 'Michigan',
  MN: 'Minnesota',
  MS: 'Mississippi',
  MO: 'Missouri',
  MT: 'Montana',
  NE: 'Nebraska',
  NV: 'Nevada',
  NH: 'New Hampshire',
  NJ: 'New Jersey',
  NM: 'New Mexico',
  NY: 'New York',
  NC: 'North Carolina',
  ND: 'North Dakota',
  OH: 'Ohio',
  OK: 'Oklahoma',
  OR: 'Oregon',
  PA: 'Pennsylvania',
  RI: 'Rhode Island',
  SC: 'South Carolina',
  SD: 'South Dakota',
  TN: 'Tennessee',
  TX: 'Texas',
  UT: 'Utah',
  VT: 'Vermont',
  VA: 'Virginia',
  WA: 'Washington',
  WV: 'West Virginia',
  WI: 'Wisconsin',
  WY: 'Wyoming',
  DC: 'District of Columbia',
  PR: 'Puerto Rico',
};

const CA_PROVINCES: Record<string, string> = {
  AB: 'Alberta',
  BC: 'British Columbia',
  MB: 'Manitoba',
  NB: 'New Brunswick',
  NL: 'Newfoundland and Labrador',
  NS: 'Nova Scotia',
  NT: 'Northwest Territories',
  NU: 'Nunavut',
  ON: 'Ontario',
  PE: 'Prince Edward Island',
  QC: 'Quebec',
  SK: 'Saskatchewan',
  YT: 'Yukon',
};

const UK_NATIONS = ['England', 'Scotland', 'Wales', 'Northern Ireland'];
/** India's states and union territories (JobSpy writes "Bengaluru, KA, IN", Indeed "Bengaluru, Karnataka"). */
const INDIAN_STATES =
  `Andhra Pradesh|Arunachal Pradesh|Assam|Bihar|Chhattisgarh|Goa|Gujarat|Haryana|Himachal Pradesh|
Jharkhand|Karnataka|Kerala|Madhya Pradesh|Maharashtra|Manipur|Meghalaya|Mizoram|Nagaland|Odisha|Punjab|Rajasthan|Sikkim|
Tamil Nadu|Telangana|Tripura|Uttar Pradesh|Uttarakhand|West Bengal|Andaman and Nicobar Islands|Chandigarh|Dadra and
Nagar Haveli and Daman and Diu|Delhi|NCT of Delhi|Jammu and Kashmir|Ladakh|Lakshadweep|Puducherry`
    .replace(/\n/g, ' ')
    .split('|');

/** alpha-2 → names, alpha-3 and common spellings. */
const COUNTRIES: Record<string, string[]> = {
  US: ['United States', 'United States of America', 'USA', 'U.S.', 'U.S.A.', 'America', 'US'],
  GB: ['United Kingdom', 'UK', 'U.K.', 'Great Britain', 'Britain', 'GBR', 'GB'],
  CA: ['Canada', 'CAN'],
  IE: ['Ireland', 'IRL', 'IE'],
  DE: ['Germany', 'Deutschland', 'DEU'],
  FR: ['France', 'FRA', 'FR'],
  NL: ['Netherlands', 'The Netherlands', 'Holland', 'NLD', 'NL'],
  BE: ['Belgium', 'BEL', 'BE'],
  LU: ['Luxembourg'],
  CH: ['Switzerland', 'CHE', 'CH'],
  AT: ['Austria', 'AUT', 'AT'],
  ES: ['Spain', 'ESP', 'ES'],
  PT: ['Portugal', 'PRT', 'PT'],
  IT: ['Italy', 'ITA', 'IT'],
  SE: ['Sweden', 'SWE', 'SE'],
  NO: ['Norway', 'NOR'],
  DK: ['Denmark', 'DNK', 'DK'],
  FI: ['Finland', 'FIN', 'FI'],
  PL: ['Poland', 'POL', 'PL'],
  CZ: ['Czech Republic', 'Czechia', 'CZE', 'CZ'],
  RO: ['Romania', 'ROU', 'RO'],
  HU: ['Hungary', 'HUN', 'HU'],
  GR: ['Greece', 'GRC', 'GR'],
  UA: ['Ukraine', 'UKR', 'UA'],
  IL: ['Israel', 'ISR'],
  AE: ['United Arab Emirates', 'UAE', 'ARE', 'AE'],
  SA: ['Saudi Arabia', 'SAU'],
  TR: ['Turkey', 'Türkiye', 'TUR', 'TR'],
  IN: ['India', 'IND'],
  PK: ['Pakistan', 'PAK'],
  CN: ['China', 'CHN', 'CN'],
  HK: ['Hong Kong', 'HKG', 'HK'],
  TW: ['Taiwan', 'TWN', 'TW'],
  JP: ['Japan', 'JPN', 'JP'],
  KR: ['South Korea', 'Korea', 'KOR', 'KR'],
  SG: ['Singapore', 'SGP', 'SG'],
  MY: ['Malaysia', 'MYS', 'MY'],
  TH: ['Thailand', 'THA', 'TH'],
  VN: ['Vietnam', 'Viet Nam', 'VNM', 'VN'],
  PH: ['Philippines', 'PHL', 'PH'],
  ID: ['Indonesia', 'IDN'],
  AU: ['Australia', 'AUS', 'AU'],
  NZ: ['New Zealand', 'NZL', 'NZ'],
  MX: ['Mexico', 'México', 'MEX', 'MX'],
  BR: ['Brazil', 'Brasil', 'BRA', 'BR'],
  AR: ['Argentina', 'ARG'],
  CL: ['Chile', 'CHL', 'CL'],
  CO: ['Colombia', 'COL'],
  PE: ['Peru', 'PER'],
  CR: ['Costa Rica', 'CRI', 'CR'],
  ZA: ['South Africa', 'ZAF', 'ZA'],
  NG: ['Nigeria', 'NGA', 'NG'],
  KE: ['Kenya', 'KEN', 'KE'],
  EG: ['Egypt', 'EGY', 'EG'],
};

/** Big cities people name without a country, with the spellings and nicknames postings use. */
const MAJOR_CITIES: { name: string; country: string; region?: string; aliases?: string[] }[] = [
  {
    name: 'New York',
    country: 'US',
    region: 'NY',
    // The five boroughs are New York City.
    aliases: [
      'NYC',
      'New York City',
      'Manhattan',
      'Brooklyn',
      'Queens',
      'Bronx',
      'The Bronx',
      'Staten Island',
    ],
  },
  { name: 'San Francisco', country: 'US', region: 'CA', aliases: ['SF', 'San Fransisco'] },
  { name: 'Los Angeles', country: 'US', region: 'CA', aliases: ['LA'] },
  { name: 'Seattle', country: 'US', region: 'WA', aliases: ['SEA'] },
  { name: 'Chicago', country: 'US', region: 'IL', aliases: ['CHI'] },
  { name: 'Atlanta', country: 'US', region: 'GA', aliases: ['ATL'] },
  { name: 'Boston', country: 'US', region: 'MA' },
  { name: 'Austin', country: 'US', region: 'TX' },
  { name: 'Dallas', country: 'US', region: 'TX' },
  { name: 'Houston', country: 'US', region: 'TX' },
  { name: 'Denver', country: 'US', region: 'CO' },
  { name: 'Miami', country: 'US', region: 'FL' },
  { name: 'Philadelphia', country: 'US', region: 'PA' },
  { name: 'Pittsburgh', country: 'US', region: 'PA' },
  { name: 'San Jose', country: 'US', region: 'CA' },
  { name: 'San Diego', country: 'US', region: 'CA' },
  { name: 'Palo Alto', country: 'US', region: 'CA' },
  { name: 'Mountain View', country: 'US', region: 'CA' },
  { name: 'Minneapolis', country: 'US', region: 'MN' },
  { name: 'Phoenix', country: 'US', region: 'AZ' },
  { name: 'Portland', country: 'US', region: 'OR' },
  { name: 'Washington', country: 'US', region: 'DC', aliases: ['Washington DC', 'Washington D.C.'] },
  { name: 'Toronto', country: 'CA', region: 'ON' },
  { name: 'Vancouver', country: 'CA', region: 'BC' },
  { name: 'Montreal', country: 'CA', region: 'QC', aliases: ['Montréal'] },
  { name: 'Ottawa', country: 'CA', region: 'ON' },
  { name: 'Calgary', country: 'CA', region: 'AB' },
  { name: 'Edmonton', country: 'CA', region: 'AB' },
  { name: 'London', country: 'GB', region: 'England' },
  { name: 'Manchester', country: 'GB', region: 'England' },
  { name: 'Birmingham', country: 'GB', region: 'England' },
  { name: 'Leeds', country: 'GB', region: 'England' },
  { name: 'Bristol', country: 'GB', region: 'England' },
  { name: 'Newcastle upon Tyne', country: 'GB', region: 'England', aliases: ['Newcastle'] },
  { name: 'Edinburgh', country: 'GB', region: 'Scotland' },
  { name: 'Glasgow', country: 'GB', region: 'Scotland' },
  { name: 'Cardiff', country: 'GB', region: 'Wales' },
  { name: 'Belfast', country: 'GB', region: 'Northern Ireland' },
  { name: 'Dublin', country: 'IE' },
  { name: 'Paris', country: 'FR' },
  { name: 'Berlin', country: 'DE' },
  { name: 'Munich', country: 'DE', aliases: ['München'] },
  { name: 'Hamburg', country: 'DE' },
  { name: 'Amsterdam', country: 'NL' },
  { name: 'Madrid', country: 'ES' },
  { name: 'Barcelona', country: 'ES' },
  { name: 'Lisbon', country: 'PT', aliases: ['Lisboa'] },
  { name: 'Milan', country: 'IT', aliases: ['Milano'] },
  { name: 'Rome', country: 'IT', aliases: ['Roma'] },
  { name: 'Zurich', country: 'CH', aliases: ['Zürich'] },
  { name: 'Stockholm', country: 'SE' },
  { name: 'Copenhagen', country: 'DK' },
  { name: 'Warsaw', country: 'PL', aliases: ['Warszawa'] },
  { name: 'Tel Aviv', country: 'IL', aliases: ['Tel Aviv-Yafo', 'Tel Aviv-Jaffa'] },
  { name: 'Dubai', country: 'AE' },
  { name: 'Bengaluru', country: 'IN', aliases: ['Bangalore'] },
  { name: 'Mumbai', country: 'IN', aliases: ['Bombay'] },
  { name: 'Hyderabad', country: 'IN' },
  { name: 'Pune', country: 'IN' },
  { name: 'Chennai', country: 'IN', aliases: ['Madras'] },
  { name: 'Gurugram', country: 'IN', aliases: ['Gurgaon'] },
  { name: 'New Delhi', country: 'IN', aliases: ['Delhi'] },
  { name: 'Tokyo', country: 'JP' },
  // City-states: the name is the city and the country.
  { name: 'Singapore', country: 'SG' },
  { name: 'Hong Kong', country: 'HK' },
  { name: 'Luxembourg', country: 'LU' },
  { name: 'Monaco', country: 'MC' },
  { name: 'Seoul', country: 'KR' },
  { name: 'Beijing', country: 'CN' },
  { name: 'Shanghai', country: 'CN' },
  { name: 'Sydney', country: 'AU' },
  { name: 'Melbourne', country: 'AU' },
  { name: 'São Paulo', country: 'BR', aliases: ['Sao Paulo'] },
  { name: 'Mexico City', country: 'MX', aliases: ['Ciudad de México'] },
];

const REMOTE_WORDS =
  /^(?:remote|fully remote|100% remote|remote first|remote-first|virtual|work (?:from|at) home|wfh|telecommute|anywhere)$/i;
/** Labels that are not places: work arrangements and placeholders ("2 Locations", "Multiple"). */
const NOT_A_PLACE =
  /^(?:apac|emea|amer|americas|latam|nordics|dach|benelux|europe|asia(?: pacific)?|africa|middle east|oceania|(?:north|south|mid)?[- ]?(?:east|west)(?:ern)?(?: coast)?|(?:north|south)(?:ern)?|central|mid-?west|mid-?atlantic|pacific northwest|gulf coast|hybrid|on-?site|in[- ]office|office|in[- ]person|flexible|(?:multiple|select(?:ed)?|several|many|all|other) locations?|multiple|various(?: locations)?|\d+ locations?|locations?|worldwide|global|anywhere|n\/a|na|tbd|field|other|headquarters|hq)$/i;
const ARRANGEMENT_PREFIX =
  /^(?:hybrid|on[- ]?site|in[- ]office|in[- ]person|(?:(?:fully|temporarily|partially|partly|mostly|100%)\s+)?remote)(?:\s+(?:work|working|role|position|job|remote|hybrid))?\s+(?:in|from|within|at|near)\s+(?:the\s+)?(?=\S)/i;
/** "Sydney or Melbourne", "Sydney Or Melbourne"; not "Hillsboro, OR" (Oregon). */
const SEGMENT_SEPARATORS = /\s*(?:;|\||•|·|\/|\b[oO]r\b|\n)\s*/;
/** "Central London", "Greater Boston", "Downtown Austin": a part of the city. */
const AREA_PREFIX = /^(?:central|greater|downtown|inner|metro)\s+/i;
/**
 * "North London" is a part of London, but in North America a compass word names another town ("South San
 * Francisco", "North Las Vegas", "West Hollywood"), which keeps its own name.
 */
const COMPASS_PREFIX = /^(?:(?:north|south)(?:[- ]?(?:east|west))?|east|west)\s+/i;
/** "SF Office", "Toronto Metro", "London HQ", "Austin Campus": a site of the place named before it. */
const SITE_SUFFIX =
  /\s+(?:office|offices|hq|headquarters|campus|metro(?:politan)?(?: area)?|(?:bay\s+)?area|hub|warehouse|store|plant|factory|facility|depot|lab|labs|municipality)$/i;

const normalize = (text: string): string =>
  text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[.]/g, '').replace(/\s+/g, ' ').trim();

const stateByName = new Map(Object.entries(US_STATES).map(([code, name]) => [normalize(name), code]));
const provinceByName = new Map(Object.entries(CA_PROVINCES).map(([code, name]) => [normalize(name), code]));
const countryByName = new Map<string, string>();
for (const [code, names] of Object.entries(COUNTRIES))
  for (const name of names) countryByName.set(normalize(name), code);
/** Two-letter codes with an English name that are not countries today (unions, reserved and withdrawn codes). */
const NOT_COUNTRY_CODES = new Set(
  'AC AN BU CP CS DD DG EA EU EZ FX IC NT QO SU TA TP UN XA XB YD YU ZR ZZ'.split(' '),
);
/** Every other ISO 3166 country by its English name ("Samoa", "Bosnia & Herzegovina") and its capital code. */
const regionNames = new Intl.DisplayNames('en', { type: 'region', fallback: 'none' });
for (let first = 65; first <= 90; first += 1) {
  for (let second = 65; second <= 90; second += 1) {
    const code = String.fromCharCode(first, second);
    const name = regionNames.of(code);
    if (name === undefined || NOT_COUNTRY_CODES.has(code) || /^X[A-JL-Z]$/.test(code)) continue;
    COUNTRIES[code] ??= [];
    const spellings = [name, name.replace(/\s*\(.*\)$/, ''), name.replace(/&/g, 'and'), code];
    for (const spelling of spellings)
      if (!countryByName.has(normalize(spelling))) countryByName.set(normalize(spelling), code);
  }
}
const nationByName = new Map(UK_NATIONS.map((nation) => [normalize(nation), nation]));
const indianStateByName = new Map(INDIAN_STATES.map((state) => [normalize(state), state]));
const cityByAlias = new Map<string, (typeof MAJOR_CITIES)[number]>();
for (const city of MAJOR_CITIES) {
  for (const alias of [city.name, ...(city.aliases ?? [])]) cityByAlias.set(normalize(alias), city);
}

const EMPTY: ParsedLocation = { city: null, region: null, country: null, is_remote: false, raw: null };

/**
 * Parses a location text. `context` is optional evidence from outside the text (I/O stays with the caller):
 * a gazetteer of place names and the country most of the file's rows are in (`withPlaceEvidence` below).
 */
export function parseLocation(
  text: string | null | undefined,
  context: LocationContext = {},
): ParsedLocation {
  return withPlaceEvidence(readLocation(text), context);
}

function readLocation(text: string | null | undefined): ParsedLocation {
  if (typeof text !== 'string') return EMPTY;
  const raw = text.replace(/\s+/g, ' ').trim();
  if (raw === '') return EMPTY;
  // "(San Francisco, Chicago, NYC)": a whole text in parentheses is the text.
  const unwrapped = /^\(([^()]*)\)$/.exec(raw);
  if (unwrapped) return { ...readLocation(unwrapped[1]), raw };
  // Parentheses qualify the whole text ("Austin, TX (Hybrid)", "Remote (US/Canada)"): read them, then drop them.
  const { text: qualified, isRemote: remoteInParens } = stripNoise(raw);
  // Indeed's "Hybrid work in Boston, MA" and "Remote in Austin, TX": the arrangement, then the place.
  const arrangement = ARRANGEMENT_PREFIX.exec(qualified);
  const unqualified = arrangement ? qualified.slice(arrangement[0].length) : qualified;
  const remotePrefix =
    arrangement !== null &&
    /^(?:(?:fully|100%)\s+)?remote/i.test(arrangement[0]) &&
    !/hybrid/i.test(arrangement[0]);
  const segments = unqualified
    .split(SEGMENT_SEPARATORS)
    // "San Francisco, CA & Remote CA": "&" joins places, unless the whole names a country ("Trinidad & Tobago").
    .flatMap((segment) =>
      segment.split(',').some((part) => lookupCountry(part) !== null && part.includes('&'))
        ? [segment]
        : segment.split(/\s+&\s+/),
    )
    .filter((s) => s.trim() !== '');
  const placeTexts = segments.flatMap(splitCommaList);
  const places = statesAmongStates(placeTexts, placeTexts.map(parsePlace));
  const isRemote = remoteInParens || remotePrefix || places.some((p) => p.isRemote);
  const best =
    places.find((p) => p.city !== null) ??
    places.find((p) => p.region !== null || p.country !== null) ??
    null;
  // A remote segment's country ("Remote - US") describes the job as well as an office segment would.
  const remoteCountry = places.find((p) => p.isRemote && p.country !== null)?.country ?? null;
  return {
    city: best?.city ?? null,
    region: best?.region ?? null,
    country: best?.country ?? remoteCountry,
    is_remote: isRemote,
    raw,
  };
}

/**
 * "Kansas, USA; Missouri, USA; Washington, USA": in a list whose earlier places are states alone, a place named
 * by a word that is both a state and a city is the state too.
 */
function statesAmongStates(texts: readonly string[], places: PlaceParts[]): PlaceParts[] {
  return places.map((place, index) => {
    const earlierState = places
      .slice(0, index)
      .some((earlier) => earlier.city === null && earlier.region !== null);
    const [firstPart, ...rest] = splitParts(stripNoise(texts[index]!).text);
    // "New York, NY" names its state: the city stays.
    const bare = rest.every((part) => lookupRegion(part) === null);
    const state = earlierState && bare && place.city !== null && firstPart ? lookupRegion(firstPart) : null;
    return state === null ? place : { ...place, city: null, region: state.region, country: state.country };
  });
}

/** The comma parts as places: a part that is no region or country, after a region or country, starts a new one. */
function placeGroups(parts: readonly string[]): string[] {
  const groups: string[][] = [];
  let closed = true;
  for (const part of parts) {
    const qualifier = isRegionOrCountry(stripNoise(part).text);
    if (closed && !qualifier) groups.push([part]);
    else if (groups.length === 0) groups.push([part]);
    else groups.at(-1)!.push(part);
    closed = groups.at(-1)!.length > 1 && qualifier;
  }
  return groups.map((group) => group.join(', '));
}

/** "SF, NYC, SEA" is a list of places, whereas "Toronto, ON, Canada" is one place. */
function splitCommaList(segment: string): string[] {
  const parts = segment
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length < 2) return [segment];
  // "SF, SEA, NY", "US-San Francisco, US-Chicago": a known city second is a second place, so a later code is
  // no region of the first; so is a state named like a city ("San Francisco, New York, Seattle") when a third
  // known city follows.
  const cities = parts.slice(0, 3).map((part) => knownCity(splitParts(stripNoise(part).text).at(-1) ?? ''));
  const second = stripNoise(parts[1]!).text;
  if (cities[0] && cities[1] && (!isRegionOrCountry(second) || cities[2])) return parts;
  // "San Francisco, CA, Seattle WA, New York, NY": a part after a place's region or country starts another place.
  const groups = placeGroups(parts);
  if (groups.length > 1) return groups;
  const describesOnePlace = parts.slice(1).some((part) => isRegionOrCountry(stripNoise(part).text));
  if (describesOnePlace) return [segment];
  const allKnownCities = parts.every(
    (part) => knownCity(stripNoise(part).text) !== undefined || isRemoteLabel(part),
  );
  return allKnownCities ? parts : [segment];
}

function isRemoteLabel(text: string): boolean {
  return remoteLabelRest(text) !== null;
}

/** A state, province or country written as a name (not a code, which a hyphenated word may hold). */
function isWrittenRegionOrCountry(text: string): boolean {
  return text.trim().length > 3 && isRegionOrCountry(text);
}

function isRegionOrCountry(text: string): boolean {
  return lookupRegion(text) !== null || lookupCountry(text) !== null;
}

/** Removes postcodes and parentheses, noting whether they said "remote". */
function stripNoise(text: string): { text: string; isRemote: boolean } {
  let isRemote = false;
  const withoutParens = text.replace(/\(([^)]*)\)?/g, (_, inner: string) => {
    if (/\bremote\b/i.test(inner)) isRemote = true;
    return ' ';
  });
  const cleaned = withoutParens
    .replace(/\b\d{5}(?:-\d{4})?\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    // "06394 - Tennessee ...": a separator left at an end by what was removed separates nothing.
    .replace(/^[-–:,\s]+|[-–:,\s]+$/g, '');
  return { text: cleaned, isRemote };
}

/**
 * Places written by their codes, read from the end: JobSpy's "City, State-code, Country-code" ("Bengaluru,
 * KA, IN", "Toronto, ON, CA") and "..., City, ST" ("California, MO" is a city in Missouri; "123 W 45th St,
 * New York, NY": the street is skipped).
 */
function placeFromTrailingCodes(parts: readonly string[], isRemote: boolean): PlaceParts | null {
  const isCode = (part: string | undefined): part is string => part !== undefined && /^[A-Z]{2}$/.test(part);
  const last = parts.at(-1);
  const beforeLast = parts.at(-2);
  if (
    parts.length >= 3 &&
    isCode(last) &&
    COUNTRIES[last] !== undefined &&
    /^[A-Z0-9]{1,3}$/.test(beforeLast ?? '')
  ) {
    const region = beforeLast!;
    const northAmerican = last === 'US' ? US_STATES : last === 'CA' ? CA_PROVINCES : null;
    const cityText = parts.at(-3)!;
    // "Remote, KA, IN": a remote label before the codes is no city.
    if (remoteLabelRest(cityText) !== null) return { city: null, region, country: last, isRemote: true };
    if ((northAmerican === null || northAmerican[region] !== undefined) && isPlausibleCityName(cityText)) {
      const known = knownCity(cityText);
      return { city: known ? cityName(cityText, known) : cityText, region, country: last, isRemote };
    }
  }
  if (
    parts.length >= 2 &&
    isCode(last) &&
    (US_STATES[last] !== undefined || CA_PROVINCES[last] !== undefined)
  ) {
    const cityText = withoutStreetAddress(beforeLast!);
    // "KA, IN", "ON, CA", "Karnataka, IN": JobSpy's region and country codes without a city.
    const regionOfCountry = regionBeforeCountryCode(cityText, last);
    if (regionOfCountry !== null) return { city: null, region: regionOfCountry, country: last, isRemote };
    const known = knownCity(cityText);
    // "Berlin, DE" is Berlin in Germany, not a Berlin in Delaware.
    if (known !== undefined && known.country === last) {
      return { city: known.name, region: known.region ?? null, country: last, isRemote };
    }
    if (isPlausibleCityName(cityText) && !NOT_A_PLACE.test(cityText) && remoteLabelRest(cityText) === null) {
      const country = US_STATES[last] !== undefined ? 'US' : 'CA';
      return {
        city: known?.country === country ? cityName(cityText, known) : cityText,
        region: last,
        country,
        isRemote,
      };
    }
  }
  return null;
}

const STREET_WORDS =
  /^(?:st|street|ave|avenue|blvd|boulevard|rd|road|dr|drive|ln|lane|way|pl|place|plaza|sq|square|ct|court|pkwy|parkway|hwy|highway|ter|terrace|center|centre|floor|fl|suite|ste)\.?$/i;

/** "1 Liberty Plaza New York" → "New York": a house number, the street, then the city (written without a comma). */
function withoutStreetAddress(text: string): string {
  if (!/^\d+[A-Za-z]?\s/.test(text)) return text;
  const words = text.split(' ');
  for (let take = Math.min(3, words.length - 1); take >= 1; take--) {
    const tail = words.slice(-take).join(' ');
    if (knownCity(tail) !== undefined) return tail;
  }
  const lastStreetWord = words.findLastIndex((word) => STREET_WORDS.test(word));
  return lastStreetWord >= 0 && lastStreetWord < words.length - 1
    ? words.slice(lastStreetWord + 1).join(' ')
    : text;
}

/** The region in "KA, IN" or "Karnataka, IN" (JobSpy without a city), or null when the part is not one. */
function regionBeforeCountryCode(part: string, code: string): string | null {
  if (COUNTRIES[code] === undefined) return null;
  const region = lookupRegion(part);
  // A North American name keeps the city reading ("Ontario, CA" is Ontario, California, as "California, MO").
  const isBareCode = /^[A-Z]{2,3}$/.test(part);
  const northAmericanName = !isBareCode && (region?.country === 'US' || region?.country === 'CA');
  if (region !== null && region.country === code && !northAmericanName) return region.region;
  // A bare code that is no region of the state the code would be ("KA" is no US state): the country's region.
  const northAmerican = code === 'US' ? US_STATES : code === 'CA' ? CA_PROVINCES : null;
  if (isBareCode && region === null && northAmerican === null) return part;
  return null;
}

/** A legal-entity suffix: the part before it is an employer's name ("Tennessee CVS Pharmacy, L.L.C."). */
const LEGAL_SUFFIX =
  /^(?:l\.?l\.?c\.?|l\.?l\.?p\.?|inc\.?|incorporated|ltd\.?|limited|corp\.?|corporation|gmbh|plc|s\.a\.|pvt\.? ltd\.?)$/i;

/**
 * A location that is an employer's name (an ATS's store entity "Tennessee CVS Pharmacy, L.L.C."): the name is
 * no city, but a region or country its first words name is the place. Null when no part is a legal suffix.
 */
function employerNamePlace(parts: readonly string[], isRemote: boolean): PlaceParts | null {
  const suffixIndex = parts.findIndex((part) => LEGAL_SUFFIX.test(part));
  if (suffixIndex < 1) return null;
  const place: PlaceParts = { city: null, region: null, country: null, isRemote };
  for (const part of parts.slice(0, suffixIndex)) {
    const words = part.split(' ');
    for (let take = Math.min(3, words.length - 1); take >= 1; take--) {
      if (applyRegionOrCountry(place, words.slice(0, take).join(' '))) break;
    }
  }
  return place;
}

function parsePlace(segment: string): PlaceParts {
  const { text, isRemote: remoteInParens } = stripNoise(segment);
  const employer = employerNamePlace(splitParts(text), remoteInParens);
  if (employer !== null) return employer;
  const byCodes = placeFromTrailingCodes(splitParts(text), remoteInParens);
  if (byCodes !== null) return byCodes;
  const place: PlaceParts = { city: null, region: null, country: null, isRemote: remoteInParens };
  const cityCandidates: string[] = [];
  let explicitCountry: string | null = null;
  let placeIndex = 0;
  const parts = splitParts(text);
  for (const [partIndex, part] of parts.entries()) {
    // "Lohr am Main, BY, Germany", "Sanand, GJ, India": a code before the written country is its region.
    if (
      /^[A-Z]{2,3}$/.test(part) &&
      lookupRegion(part) === null &&
      parts
        .slice(partIndex + 1)
        .some((later) => lookupRegion(later) === null && lookupCountry(later) !== null)
    ) {
      place.region ??= part;
      continue;
    }
    // A street address ("1 World Trade Center") is skipped: the city is the part after it.
    if (/^\d+[A-Za-z]?\s+\p{L}/u.test(part)) continue;
    const index = placeIndex++;
    if (lookupRegion(part) === null) explicitCountry ??= lookupCountry(part);
    const remoteRest = remoteLabelRest(part);
    if (remoteRest !== null) {
      place.isRemote = true;
      if (remoteRest !== '') applyRegionOrCountry(place, remoteRest);
      continue;
    }
    // "New York" leading a location is the city; later ("Albany, New York") it is the state.
    const known = knownCity(part);
    // "Washington - Bellevue": a leading name that is also a state is the state when a place follows it.
    const stateBeforePlace =
      lookupRegion(part) !== null && parts.slice(partIndex + 1).some((later) => isPlaceWord(later));
    const isLeadingCity = index === 0 && known !== undefined && !stateBeforePlace;
    // "APAC - Singapore - Singapore": a city-state's name is its country and a city.
    if (!isLeadingCity && known !== undefined && lookupCountry(part) === known.country)
      cityCandidates.push(part);
    if (!isLeadingCity && applyRegionOrCountry(place, part)) continue;
    if (NOT_A_PLACE.test(part) || !isPlausibleCityName(part)) continue;
    cityCandidates.push(part);
  }
  // A country written out beats the one a region implies ("Dublin, England, Ireland" is in Ireland).
  if (explicitCountry !== null && place.country !== explicitCountry) {
    place.country = explicitCountry;
    place.region = null;
  }
  const knownIndex = cityCandidates.findIndex((c) => knownCity(c) !== undefined);
  const known = knownIndex >= 0 ? knownCity(cityCandidates[knownIndex]!)! : null;
  const cityIndex = known && (place.country === null || place.country === known.country) ? knownIndex : 0;
  const cityText = cityCandidates[cityIndex];
  if (cityText === undefined) return place;
  const usesKnown = known !== null && cityIndex === knownIndex;
  place.city = usesKnown ? cityName(cityText, known) : cityText;
  // "Bengaluru, Karnataka": an unrecognised part after the city names its region.
  const regionText = cityCandidates.slice(cityIndex + 1).find((c) => normalize(c) !== normalize(cityText));
  if (place.region === null) place.region = regionText ?? (usesKnown ? (known.region ?? null) : null);
  if (usesKnown) place.country ??= known.country;
  return place;
}

/** A part that can name a city: not a region, country, remote label or placeholder. */
function isPlaceWord(part: string): boolean {
  return (
    !isRegionOrCountry(part) &&
    remoteLabelRest(part) === null &&
    !NOT_A_PLACE.test(part) &&
    isPlausibleCityName(part)
  );
}

function knownCity(text: string): (typeof MAJOR_CITIES)[number] | undefined {
  const key = normalize(text);
  return cityByAlias.get(key) ?? cityByAlias.get(key.replace(AREA_PREFIX, '').replace(COMPASS_PREFIX, ''));
}

/** The city's name as stored: the table's for a known city, except a North American compass town keeps its own. */
function cityName(text: string, known: (typeof MAJOR_CITIES)[number]): string {
  const key = normalize(text);
  if (cityByAlias.has(key) || AREA_PREFIX.test(key)) return known.name;
  return COMPASS_PREFIX.test(key) && (known.country === 'US' || known.country === 'CA') ? text : known.name;
}

/** "SF Office" → "SF", "Toronto Metro" → "Toronto"; "Bay Area" stays (nothing known is left). */
function withoutSiteSuffix(part: string): string {
  const rest = part.replace(SITE_SUFFIX, '').trim();
  if (rest === part || rest === '') return part;
  return knownCity(rest) !== undefined || isRegionOrCountry(rest) ? rest : part;
}

/** "Remote", "Remote US", "Remote in the US", "US Remote", "Virtual Canada" → the place after "remote" ('' if none); null if not remote. */
function remoteLabelRest(part: string): string | null {
  if (REMOTE_WORDS.test(part.trim())) return '';
  const leading =
    /^(?:remote|virtual|work (?:from|at) home|wfh)\b[\s-]*(?:(?:in|within|from)\s+)?(?:the\s+)?(.*)$/i.exec(
      part.trim(),
    );
  if (leading) return leading[1]!.trim();
  const trailing = /^(.*?)[\s-]*\bremote$/i.exec(part.trim());
  return trailing ? trailing[1]!.trim() : null;
}

/** Splits "Massachusetts - Boston", "US-San Francisco", "Toronto, ON, Canada" into parts. */
function splitParts(text: string): string[] {
  return text
    .split(/\s*,\s*|\s+[-–]\s+|:\s+/)
    .flatMap((part) => {
      const glued = /^([A-Za-z]{2,3})-(.+)$/.exec(part);
      if (glued && (lookupCountry(glued[1]!) || /^remote$/i.test(glued[2]!) || /^remote$/i.test(glued[1]!))) {
        return [glued[1]!, glued[2]!];
      }
      // "Field-Florida", "Texas-Houston": a written state or country glued by a hyphen is a part of its own.
      const words = /^(\p{L}[\p{L} ]+)-(\p{L}[\p{L} ]+)$/u.exec(part);
      if (words && knownCity(part) === undefined && [words[1]!, words[2]!].some(isWrittenRegionOrCountry)) {
        return [words[1]!, words[2]!];
      }
      return [part];
    })
    .map((part) => withoutSiteSuffix(part.trim()))
    .filter(Boolean);
}

function applyRegionOrCountry(place: PlaceParts, part: string): boolean {
  const region = lookupRegion(part);
  if (region && place.region === null) {
    place.region = region.region;
    place.country ??= region.country;
    return true;
  }
  const country = lookupCountry(part);
  if (country) {
    place.country ??= country;
    return true;
  }
  return false;
}

function lookupRegion(text: string): { region: string; country: string } | null {
  const trimmed = text.trim();
  // "New York State", "Washington State".
  const key = normalize(trimmed).replace(/ state$/, '');
  const upper = trimmed.replace(/\./g, '').toUpperCase();
  if (trimmed.replace(/\./g, '').length === 2 && trimmed.replace(/\./g, '') === upper) {
    if (US_STATES[upper]) return { region: upper, country: 'US' };
    if (CA_PROVINCES[upper]) return { region: upper, country: 'CA' };
  }
  const state = stateByName.get(key);
  if (state) return { region: state, country: 'US' };
  const province = provinceByName.get(key);
  if (province) return { region: province, country: 'CA' };
  const nation = nationByName.get(key);
  if (nation) return { region: nation, country: 'GB' };
  const indianState = indianStateByName.get(key);
  if (indianState) return { region: indianState, country: 'IN' };
  return null;
}

function lookupCountry(text: string): string | null {
  const trimmed = text.trim();
  const key = normalize(trimmed);
  const code = countryByName.get(key);
  if (!code) return null;
  // Two- and three-letter codes only when written in capitals ("IN" is India, "in" is a word).
  const isCode = trimmed.replace(/\./g, '').length <= 3;
  return !isCode || trimmed === trimmed.toUpperCase() ? code : null;
}

function isPlausibleCityName(text: string): boolean {
  return /\p{L}/u.test(text) && !/\d/.test(text) && text.length <= 60 && text.split(' ').length <= 6;
}

/** Regions postings name beside a title ("Sales Engineer EMEA", "Account Executive, DACH"). */
const WORLD_REGIONS = [
  'EMEA',
  'APAC',
  'APJ',
  'LATAM',
  'LatAm',
  'DACH',
  'Nordics',
  'Benelux',
  'CEE',
  'Europe',
  'Asia',
  'Asia Pacific',
  'North America',
  'South America',
  'Latin America',
  'Americas',
  'Middle East',
  'Africa',
];

/**
 * Place names as they appear inside a job title: countries by name (no two-letter codes, which are words:
 * "IT", "AT", "IN"), US states, Canadian provinces, UK nations, the big cities and world regions.
 */
const PLACE_NAMES = new Set(
  [
    ...Object.values(COUNTRIES)
      .flat()
      .filter((name) => name.length >= 4 || ['UK', 'USA', 'UAE'].includes(name)),
    ...Object.values(US_STATES),
    ...Object.values(CA_PROVINCES),
    ...UK_NATIONS,
    ...MAJOR_CITIES.flatMap((city) => [city.name, ...(city.aliases ?? [])]),
    ...WORLD_REGIONS,
  ].map(normalize),
);

/** Whether the text (a word or a few) is a place name: "Italy", "new york", "EMEA". */
export function isPlaceName(text: string): boolean {
  return PLACE_NAMES.has(normalize(text));
}

/** A place of some name that a gazetteer knows: ISO country, region (US/CA code, UK nation, else null), people. */
export interface PlaceCandidate {
  country: string;
  region: string | null;
  population: number;
}

/** The places called by a city name (any order). Supplied by the caller: `src/geo/gazetteer.ts`. */
export type PlaceLookup = (city: string) => readonly PlaceCandidate[];

export interface LocationContext {
  placesOf?: PlaceLookup | undefined;
  /** How many earlier rows of the same file are in each country (`CountryEvidence`). */
  fileCountries?: ReadonlyMap<string, number> | undefined;
}

/**
 * Which namesake a bare city name means, weighed by evidence. A place weighs its population; the file's rows
 * lift the places of the countries they are in by at most ten times (1 + 9 x the country's share of the
 * rows, once at least 5 rows name a country), so a file of American jobs reads "St. Louis" as Missouri's
 * (not Senegal's) but "Prague" still as the capital, not a village in Oklahoma. When the file leans to one
 * country (`countryHintOf`) and the name is no place of it in the gazetteer, the text may name a place the
 * gazetteer lacks or knows by another name ("Hermiston, Currie" in a file of British jobs): that unknown
 * place competes as a town of 15,000 in the file's country. The likeliest place is taken only when it
 * dominates: at least twice the weight of all other places of the name together (Basel, Sofia, Aberdeen;
 * not Cambridge, Victoria or Springfield); a place in a country the file has not shown must also be a town of
 * at least 15,000 people: a lone village's name is weak evidence that a text means it.
 */
const DOMINANT_SHARE = 2 / 3;
const MIN_DOMINANT_POPULATION = 15_000;
const FILE_LIFT = 9;

function dominantPlace(
  candidates: readonly PlaceCandidate[],
  fileCountries: ReadonlyMap<string, number> = new Map(),
): PlaceCandidate | null {
  if (candidates.length === 0) return null;
  const rows = [...fileCountries.values()].reduce((sum, n) => sum + n, 0);
  const shareOf = (country: string) =>
    rows >= MIN_COUNTRY_ROWS ? (fileCountries.get(country) ?? 0) / rows : 0;
  const weight = (c: PlaceCandidate) => c.population * (1 + FILE_LIFT * shareOf(c.country));
  const hint = countryHintOf(fileCountries);
  const unknownPlace =
    hint !== null && !candidates.some((c) => c.country === hint)
      ? weight({ country: hint, region: null, population: MIN_DOMINANT_POPULATION })
      : 0;
  const total = candidates.reduce((sum, c) => sum + weight(c), unknownPlace);
  const top = candidates.reduce((best, c) => (weight(c) > weight(best) ? c : best));
  const bigEnough = shareOf(top.country) > 0 || top.population >= MIN_DOMINANT_POPULATION;
  return bigEnough && weight(top) >= DOMINANT_SHARE * total ? top : null;
}

/** The text ends with the two-letter code (after postcodes and parentheses): it stands in the country's place. */
/** The text ends with the code ("Indore, IN") or leads with it before a dash ("IN - Bengaluru"). */
function endsWithCode(raw: string, code: string): boolean {
  const text = stripNoise(raw).text;
  return new RegExp(`(?:^|[^A-Za-z])${code}$`).test(text) || new RegExp(`^${code}\\s+[-–]\\s`).test(text);
}

/**
 * Decides with evidence from outside the text what the text leaves open:
 * - a city without a country ("Basel", "St. Louis") gets the place the gazetteer's namesakes point to
 *   (`dominantPlace`), and a US/Canadian city without its state the state of its dominant namesake there;
 * - a trailing code (or one leading before a dash: "IN - Bengaluru") that is both a state or province and a
 *   country ("Indore, IN", "Eindhoven, NL") is the
 *   country when the city is a place of that country and of no such state, or, when the gazetteer knows
 *   neither, when the file's rows are in that country;
 * - a code alone ("IN", "Remote - IN") is the file's country when that country has that code.
 */
function withPlaceEvidence(parsed: ParsedLocation, context: LocationContext): ParsedLocation {
  const fileCountries = context.fileCountries ?? new Map<string, number>();
  const hint = countryHintOf(fileCountries);
  const { city, region, country, raw } = parsed;
  if (raw === null) return parsed;
  const ambiguousCode =
    region !== null &&
    // Puerto Rico is both: GeoNames files its towns under PR, and the state table keeps it a US region.
    region !== 'PR' &&
    (country === 'US' || country === 'CA') &&
    /^[A-Z]{2}$/.test(region) &&
    region !== country &&
    COUNTRIES[region] !== undefined &&
    endsWithCode(raw, region)
      ? region
      : null;
  if (city === null) {
    return ambiguousCode !== null && hint === ambiguousCode
      ? { ...parsed, region: null, country: ambiguousCode }
      : parsed;
  }
  const candidates = context.placesOf?.(city) ?? [];
  if (ambiguousCode !== null) {
    const inState = candidates.some((c) => c.country === country && c.region === ambiguousCode);
    const inCountry = candidates.filter((c) => c.country === ambiguousCode);
    if ((!inState && inCountry.length > 0) || (candidates.length === 0 && hint === ambiguousCode))
      return { ...parsed, region: dominantPlace(inCountry)?.region ?? null, country: ambiguousCode };
    return parsed;
  }
  if (country === null) {
    const place = dominantPlace(candidates, fileCountries);
    return place === null ? parsed : { ...parsed, country: place.country, region: region ?? place.region };
  }
  if (region === null && (country === 'US' || country === 'CA')) {
    const place = dominantPlace(candidates.filter((c) => c.country === country));
    return place?.region ? { ...parsed, region: place.region } : parsed;
  }
  return parsed;
}

/** Mutable per-file state: how many of the file's rows so far are in each country. */
export interface CountryEvidence {
  counts: Map<string, number>;
}

export function newCountryEvidence(): CountryEvidence {
  return { counts: new Map() };
}

const MIN_COUNTRY_ROWS = 5;

/** The file's country: once at least 5 rows name a country and two thirds of them name this one. */
function countryHintOf(fileCountries: ReadonlyMap<string, number>): string | null {
  let total = 0;
  let leader: [string, number] | null = null;
  for (const entry of fileCountries) {
    total += entry[1];
    if (leader === null || entry[1] > leader[1]) leader = entry;
  }
  return leader !== null && total >= MIN_COUNTRY_ROWS && leader[1] >= DOMINANT_SHARE * total
    ? leader[0]
    : null;
}

/**
 * Parses one row's location in a file: with the country the earlier rows point to, and then counted towards
 * it (rows stream, so a row sees the evidence of the rows before it).
 */
export function parseLocationInFile(
  text: string | null | undefined,
  placesOf: PlaceLookup | undefined,
  evidence: CountryEvidence | undefined,
): ParsedLocation {
  const place = parseLocation(text, { placesOf, fileCountries: evidence?.counts });
  if (evidence !== undefined && place.country !== null)
    evidence.counts.set(place.country, (evidence.counts.get(place.country) ?? 0) + 1);
  return place;
}
