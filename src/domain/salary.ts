/**
 * Salary parsing for job ingestion: free-text salary strings ("$150K - $180K", "£380 to £415 per day",
 * "₹12 LPA", "$55-65/hr W2") and structured amounts (JobSpy, Adzuna) become one normalized shape.
 *
 * Rules that are not obvious from the code:
 * - A number is never guessed into a salary. Junk ("DOE", "Competitive", "-1", "$0", absurd amounts) gives
 *   EMPTY_SALARY: every field null, both flags false. An explicit contract marker (W2/C2C/1099) is still
 *   reported, because it is stated, not guessed.
 * - Period: an explicit marker ("per hour", "/hr", "a year", "p.a.", "LPA", "day rate", ...) wins; else the
 *   caller's hint; else lakh/crore amounts are yearly (Indian CTC convention); else amounts of at least
 *   10,000 (scaled for low-value currencies) are yearly, as Glassdoor's "$53K-$91K" are. Smaller amounts
 *   without a marker keep their numbers but get period null: "$40" may be hourly, daily or monthly, and an
 *   hourly rate is only recorded when the text says so.
 * - Without a currency and without a period there is no evidence that a bare number is a salary: EMPTY.
 * - Separators: "1,250" and "€60.000" group thousands (one separator followed by exactly three digits),
 *   "$25.00" and "60,5" are decimals, "60.000,50" and "1,234.56" use the last separator as decimal, and a
 *   K/M multiplier makes the separator decimal ("1.250M" is 1,250,000).
 * - "$150-180K" applies the K to both bounds; min > max is swapped; a single value is both min and max;
 *   "From"/"at least"/"+" give min only, "Up to"/"max" give max only.
 * - Amounts are rounded to integers (the spec's INTEGER columns); `salary_min_exact`/`salary_max_exact` keep
 *   them to the cent ("$46.23 an hour"); annual amounts are computed from the exact amount, then rounded.
 *
 * Reading a free text (a description or a salary line) is "parse into parts, then decide":
 * - Every number becomes a token with its adjacent currency marker (symbol, code, also glued "GBP70,000",
 *   or a word: "EURO", "pounds") and its K/M/B/lakh unit. Numbers glued to a word ("J13129") or followed by
 *   a count noun ("40 hours", "15%", "3 days", "14th") are not amounts.
 * - Tokens form ranges ("£500 - £550", also with a unit or code after each end: "$40/hour to $50/hour") or
 *   single figures; each figure gets the words of its own phrase before and after it.
 * - A figure is not pay when its own words say it is something else: a noun after it ("$2,000 learning
 *   budget", "10K sign-on bonus", "$5B in funding") or a benefit/company word before it not followed by a
 *   pay word ("raised over", "Referral bonus - earn up to", "Benefits Salary banding" is pay). Billions and
 *   trillions are implausible as pay by size.
 * - Its period is the one stated next to it ("per day", "/hr", "Hourly rate:"), not one elsewhere in the
 *   text ("2 days per week in the office"); else the caller's hint; else the market's convention: Polish
 *   and similar currencies quote monthly below 60,000, UK contract (IR35) texts quote day rates, yearly-
 *   sized amounts are yearly.
 * - A small figure with no period at all is only pay when a pay word labels it ("Rate: £450") or the text
 *   is a short salary field by itself ("$40").
 * - The first figure that passes wins; figures with a currency or unit before bare numbers.
 */

import { separateGluedWords } from './glued-words.js';

export type SalaryPeriod = 'hour' | 'day' | 'week' | 'month' | 'year';
export type ContractType = 'W2' | 'C2C' | '1099';

export interface SalaryParse {
  salary_min: number | null;
  salary_max: number | null;
  /** The amounts as written, to the cent ("$46.23 an hour"); salary_min/max are the rounded integers. */
  salary_min_exact: number | null;
  salary_max_exact: number | null;
  /** ISO 4217 code. */
  salary_currency: string | null;
  salary_period: SalaryPeriod | null;
  salary_min_annual: number | null;
  salary_max_annual: number | null;
  contract_type: ContractType | null;
  /** The source labels the figure an estimate ("(Glassdoor est.)"). */
  is_estimate: boolean;
  /** "Employer Provided Salary:" prefix. */
  employer_provided: boolean;
}

export interface SalaryHints {
  currency?: string | null;
  period?: SalaryPeriod | null;
}

export interface SalaryAmountsInput {
  min?: number | string | null;
  max?: number | string | null;
  currency?: string | null;
  interval?: string | null;
}

export const EMPTY_SALARY: Readonly<SalaryParse> = Object.freeze({
  salary_min: null,
  salary_max: null,
  salary_min_exact: null,
  salary_max_exact: null,
  salary_currency: null,
  salary_period: null,
  salary_min_annual: null,
  salary_max_annual: null,
  contract_type: null,
  is_estimate: false,
  employer_provided: false,
});

/** Paid units per year: 40 h x 52 weeks, 5 days x 52 weeks. */
export const ANNUAL_FACTOR: Readonly<Record<SalaryPeriod, number>> = {
  hour: 2080,
  day: 260,
  week: 52,
  month: 12,
  year: 1,
};

export function annualize(amount: number, period: SalaryPeriod): number {
  return Math.round(amount * ANNUAL_FACTOR[period]);
}

// ---------------------------------------------------------------------------------------------------------
// Plausibility, in US-dollar-sized units; multiplied by the currency's magnitude scale.

const YEARLY_AMOUNT_THRESHOLD = 10_000;
const MIN_PLAUSIBLE_ANNUAL = 500;
/** No stated hourly rate is under two dollar-sized units ("$1 an hour" is a placeholder, not pay). */
const MIN_PLAUSIBLE_HOURLY = 2;
const MAX_PLAUSIBLE_ANNUAL = 10_000_000;
/** salary_min / salary_max are Postgres `integer` columns. */
const MAX_STORABLE_AMOUNT = 2_147_483_647;

/** Rough order of magnitude of one US dollar in currencies far smaller than it. */
const CURRENCY_MAGNITUDE: Readonly<Record<string, number>> = {
  ARS: 1000,
  BDT: 100,
  CLP: 1000,
  CNY: 10,
  COP: 1000,
  CZK: 10,
  DKK: 10,
  EGP: 10,
  HUF: 100,
  IDR: 10_000,
  INR: 100,
  ISK: 100,
  JPY: 100,
  KES: 100,
  KRW: 1000,
  LKR: 100,
  MXN: 10,
  NGN: 1000,
  NOK: 10,
  PHP: 100,
  PKR: 100,
  RUB: 100,
  SEK: 10,
  THB: 10,
  TRY: 10,
  TWD: 10,
  UAH: 10,
  VND: 10_000,
  ZAR: 10,
};

function currencyMagnitude(currency: string | null): number {
  return currency === null ? 1 : (CURRENCY_MAGNITUDE[currency] ?? 1);
}

// ---------------------------------------------------------------------------------------------------------
// Currencies

const CURRENCY_CODES = [
  'USD',
  'CAD',
  'AUD',
  'NZD',
  'SGD',
  'HKD',
  'MXN',
  'GBP',
  'EUR',
  'CHF',
  'SEK',
  'NOK',
  'DKK',
  'ISK',
  'PLN',
  'CZK',
  'HUF',
  'RON',
  'BGN',
  'INR',
  'PKR',
  'BDT',
  'LKR',
  'JPY',
  'CNY',
  'RMB',
  'KRW',
  'TWD',
  'PHP',
  'IDR',
  'MYR',
  'THB',
  'VND',
  'BRL',
  'ARS',
  'CLP',
  'COP',
  'PEN',
  'ZAR',
  'NGN',
  'KES',
  'EGP',
  'AED',
  'SAR',
  'QAR',
  'ILS',
  'TRY',
  'RUB',
  'UAH',
] as const;

interface CurrencyMarker {
  /** Currency when the caller's hint does not pick a member of `family`. */
  code: string | null;
  /** Currencies sharing the marker ("$", "¥", "kr"): a hint from this list resolves it. */
  family: readonly string[];
}

const DOLLARS = ['USD', 'CAD', 'AUD', 'NZD', 'SGD', 'HKD', 'MXN'];

const CURRENCY_MARKERS: Readonly<Record<string, CurrencyMarker>> = {
  $: { code: 'USD', family: DOLLARS },
  us$: { code: 'USD', family: [] },
  ca$: { code: 'CAD', family: [] },
  c$: { code: 'CAD', family: [] },
  au$: { code: 'AUD', family: [] },
  a$: { code: 'AUD', family: [] },
  nz$: { code: 'NZD', family: [] },
  sg$: { code: 'SGD', family: [] },
  s$: { code: 'SGD', family: [] },
  hk$: { code: 'HKD', family: [] },
  mx$: { code: 'MXN', family: [] },
  r$: { code: 'BRL', family: [] },
  '£': { code: 'GBP', family: [] },
  '€': { code: 'EUR', family: [] },
  '₹': { code: 'INR', family: [] },
  rs: { code: 'INR', family: [] },
  '¥': { code: 'JPY', family: ['JPY', 'CNY'] },
  '₩': { code: 'KRW', family: [] },
  '₱': { code: 'PHP', family: [] },
  '₽': { code: 'RUB', family: [] },
  '₺': { code: 'TRY', family: [] },
  '₪': { code: 'ILS', family: [] },
  '₦': { code: 'NGN', family: [] },
  zł: { code: 'PLN', family: [] },
  kč: { code: 'CZK', family: [] },
  rm: { code: 'MYR', family: [] },
  円: { code: 'JPY', family: [] },
  kr: { code: null, family: ['SEK', 'NOK', 'DKK', 'ISK'] },
  rmb: { code: 'CNY', family: [] },
  euro: { code: 'EUR', family: [] },
  euros: { code: 'EUR', family: [] },
  dollar: { code: 'USD', family: DOLLARS },
  dollars: { code: 'USD', family: DOLLARS },
  pound: { code: 'GBP', family: [] },
  pounds: { code: 'GBP', family: [] },
  sterling: { code: 'GBP', family: [] },
  'pounds sterling': { code: 'GBP', family: [] },
  rupee: { code: 'INR', family: [] },
  rupees: { code: 'INR', family: [] },
  zloty: { code: 'PLN', family: [] },
  zlotys: { code: 'PLN', family: [] },
  złotych: { code: 'PLN', family: [] },
  yen: { code: 'JPY', family: ['JPY', 'CNY'] },
};

const CURRENCY_PATTERN = [
  // "employees$10,000": the letters before "$" end a word, they are no "S$" prefix.
  String.raw`(?:(?<![A-Za-z])(?:US|CA|C|AU|A|NZ|SG|S|HK|MX|R))?\$`,
  '[£€₹¥₩₱₽₺₪₦円]',
  String.raw`(?<![A-Za-z])(?:[Rr][Ss]\.?(?=\s*\d)|RM(?=\s?\d)|kr\b|zł(?!\p{L})|kč(?!\p{L})|złotych)`,
  // A code may be glued to the number ("GBP70,000", "70000EUR") but not to a word ("EURO" is a word).
  `(?<![A-Za-z])(?:${CURRENCY_CODES.join('|')})(?![A-Za-z])`,
  String.raw`\b(?:euros?|EURO|dollars?|pounds?(?:\s+sterling)?|sterling|rupees?|zlotys?|yen)\b`,
].join('|');

const CURRENCY_RE = new RegExp(CURRENCY_PATTERN, 'iu');
const CURRENCY_AT_END_RE = new RegExp(`(?:${CURRENCY_PATTERN})\\s?$`, 'iu');
const CURRENCY_AT_START_RE = new RegExp(`^\\s?(?:${CURRENCY_PATTERN})`, 'iu');

function normalizeCurrencyHint(hint: string | null | undefined): string | null {
  const code = hint?.trim().toUpperCase() ?? '';
  return /^[A-Z]{3}$/.test(code) ? code : null;
}

/** ISO code for a currency marker or code ("$", "CA$", "£", "Rs.", "gbp"), resolved by the hint if ambiguous. */
export function resolveCurrency(marker: string | null | undefined, hint?: string | null): string | null {
  const key = (marker ?? '').trim().toLowerCase().replace(/\.$/, '').replace(/\s+/g, ' ');
  if (key === '') return null;
  const hinted = normalizeCurrencyHint(hint);
  const known = CURRENCY_MARKERS[key];
  if (known) return hinted && known.family.includes(hinted) ? hinted : known.code;
  const code = key.toUpperCase();
  return (CURRENCY_CODES as readonly string[]).includes(code) ? code : null;
}

// ---------------------------------------------------------------------------------------------------------
// Periods

const AFTER_AMOUNT = String.raw`(?<=[\dkKlL])\s?`;
const NOT_LETTER = '(?![a-z])';
/** "bi-weekly", "semi-monthly", "bimonthly": every two weeks or twice a month is neither a week nor a month. */
const NOT_MULTIPLE = String.raw`(?<!\b(?:bi|semi)[\s-]?)`;

const PERIOD_MARKERS: ReadonlyArray<readonly [SalaryPeriod, RegExp]> = [
  [
    'hour',
    new RegExp(
      String.raw`\b(?:per|an?|each|every)\s+(?:hour|hr)s?\b|\/\s*(?:hour|hr|h)s?\b|\bhourly\b|\b(?:pro\s+stunde|stündlich|par\s+heure|por\s+hora|per\s+uur|za\s+godzin[eę]|\/\s*godz)\b|${AFTER_AMOUNT}(?:ph|p\/h|p\.h\.?)${NOT_LETTER}`,
      'i',
    ),
  ],
  [
    'day',
    new RegExp(
      String.raw`\b(?:per|a|each|every)\s+day\b|\/\s*(?:day|d)\b|\bdaily\b|\bday\s+rates?\b|${AFTER_AMOUNT}(?:pd|p\/d|p\.d\.?)${NOT_LETTER}`,
      'i',
    ),
  ],
  [
    'week',
    new RegExp(
      String.raw`\b(?:per|a|each|every)\s+(?:week|wk)\b|\/\s*(?:week|wk|w)\b|${NOT_MULTIPLE}\bweekly\b|${AFTER_AMOUNT}(?:pw|p\/w|p\.w\.?)${NOT_LETTER}`,
      'i',
    ),
  ],
  [
    'month',
    new RegExp(
      String.raw`\b(?:per|a|each|every)\s+(?:month|mo|mth)\b|\/\s*(?:month|mo|mth|m|mies|mc)\b|${NOT_MULTIPLE}\bmonthly\b|\b(?:monatlich|pro\s+monat|im\s+monat|par\s+mois|mensuel(?:le)?|al\s+mes|mensual|per\s+maand)\b|\/\s*mois\b|\bmies(?:\.|i[eę]cznie)|\bm-c\b|${AFTER_AMOUNT}(?:pcm|pm|p\/m|p\.m\.?)${NOT_LETTER}`,
      'i',
    ),
  ],
  [
    'year',
    new RegExp(
      String.raw`\b(?:per|a|each|every)\s+(?:year|yr|annum)\b|\/\s*(?:year|yr|y|annum)\b|\b(?:yearly|annually|annual|annum|lpa)\b|\b(?:jährlich|pro\s+jahr|im\s+jahr|par\s+an|annuel(?:le)?|al\s+año|anual|per\s+jaar|rocznie)\b|${AFTER_AMOUNT}(?:pa|p\/a|p\.a\.?)${NOT_LETTER}`,
      'i',
    ),
  ],
];

/** The period named first in the text, if any. */
function findStatedPeriod(text: string): SalaryPeriod | null {
  let best: { period: SalaryPeriod; index: number } | null = null;
  for (const [period, marker] of PERIOD_MARKERS) {
    const index = text.search(marker);
    if (index >= 0 && (best === null || index < best.index)) best = { period, index };
  }
  return best?.period ?? null;
}

const INTERVAL_ALIASES: Readonly<Record<string, SalaryPeriod>> = {
  hour: 'hour',
  hourly: 'hour',
  hr: 'hour',
  h: 'hour',
  perhour: 'hour',
  day: 'day',
  daily: 'day',
  d: 'day',
  perday: 'day',
  week: 'week',
  weekly: 'week',
  wk: 'week',
  w: 'week',
  perweek: 'week',
  month: 'month',
  monthly: 'month',
  mo: 'month',
  mth: 'month',
  m: 'month',
  pcm: 'month',
  permonth: 'month',
  year: 'year',
  yearly: 'year',
  yr: 'year',
  y: 'year',
  annual: 'year',
  annually: 'year',
  annum: 'year',
  perannum: 'year',
  peryear: 'year',
  pa: 'year',
};

/** A structured source's interval ("hourly", "annum", "per month") as a period; null when unknown. */
export function periodFromInterval(interval: string | null | undefined): SalaryPeriod | null {
  const key = (interval ?? '').toLowerCase().replace(/[^a-z]/g, '');
  return INTERVAL_ALIASES[key] ?? null;
}

// ---------------------------------------------------------------------------------------------------------
// Numbers

/**
 * Reads a digit run that may hold thousands separators and a decimal mark ("132,596", "€60.000,50",
 * "25.00", "1'250"). `hasMultiplier` marks a following K/M, which makes a lone separator decimal.
 * Returns null when the grouping is malformed ("1,23,4").
 */
export function readNumber(run: string, hasMultiplier = false): number | null {
  if (!/^\d[\d.,'’\u00a0\u202f\u2009 ]*$/.test(run) || !/\d$/.test(run)) return null;
  if (/^\d+$/.test(run)) return Number(run);
  const decimalIndex = findDecimalMark(run, hasMultiplier);
  const integerPart = decimalIndex >= 0 ? run.slice(0, decimalIndex) : run;
  const fraction = decimalIndex >= 0 ? run.slice(decimalIndex + 1) : '';
  if (!/^\d*$/.test(fraction)) return null;
  const groupSeparators = new Set(integerPart.replace(/\d/g, ''));
  if (groupSeparators.size > 1) return null;
  const groups = integerPart.split(/\D/);
  const [first = '', ...rest] = groups;
  // Indian grouping: thousands, then pairs ("8,00,000" is 800,000; "1,20,00,000" is 12,000,000).
  const indian =
    groupSeparators.has(',') &&
    rest.length >= 2 &&
    first.length >= 1 &&
    first.length <= 2 &&
    rest.at(-1)?.length === 3 &&
    rest.slice(0, -1).every((g) => g.length === 2);
  if (
    !indian &&
    rest.length > 0 &&
    (first.length === 0 || first.length > 3 || rest.some((g) => g.length !== 3))
  ) {
    return null;
  }
  return Number(`${groups.join('')}.${fraction || '0'}`);
}

function findDecimalMark(run: string, hasMultiplier: boolean): number {
  const index = Math.max(run.lastIndexOf('.'), run.lastIndexOf(','));
  if (index < 0) return -1;
  const mark = run.charAt(index);
  if (run.split(mark).length - 1 > 1) return -1;
  const digitsAfter = run.length - index - 1;
  const otherSeparatorBefore = /\D/.test(run.slice(0, index));
  return digitsAfter !== 3 || hasMultiplier || otherSeparatorBefore ? index : -1;
}

const MULTIPLIERS: ReadonlyArray<readonly [RegExp, number, boolean]> = [
  // [unit, factor, is an Indian unit (lakh/crore): implies INR and a yearly figure]
  [/^(?:k|thousand)$/i, 1e3, false],
  [/^(?:m|mm|mn|million)$/i, 1e6, false],
  [/^(?:b|bn|billion)$/i, 1e9, false],
  [/^(?:t|tn|trillion)$/i, 1e12, false],
  [/^(?:l|lpa|lakhs?|lacs?)$/i, 1e5, true],
  [/^(?:cr|crores?)$/i, 1e7, true],
];

/** Digits with separators; a plain space only groups when exactly three digits follow ("50 000"). */
const DIGIT_RUN = String.raw`\d+(?:(?:[.,'’\u00a0\u202f\u2009]| (?=\d{3}(?!\d)))\d+)*`;

const AMOUNT_RE = new RegExp(
  String.raw`(?<![\d.,])(${DIGIT_RUN})(?:\s?(k|thousand|million|mm|mn|m|billion|bn|b|trillion|tn|t|lpa|lakhs?|lacs?|l|crores?|cr)(?!\p{L}))?`,
  'giu',
);

interface AmountToken {
  /** Start of the token, including an adjacent currency marker before it. */
  start: number;
  /** End of the token, including an adjacent currency marker after it. */
  end: number;
  /** Where the digits end (before a trailing unit or currency marker). */
  numberEnd: number;
  number: number;
  multiplier: number | null;
  indianUnit: boolean;
  /** The adjacent currency marker ("$", "GBP", "euros"), if any. */
  currencyMarker: string | null;
}

/** Longest adjacent currency marker (" pounds sterling") plus a character of context. */
const MARKER_WINDOW = 16;

/**
 * A number followed by a count noun is not an amount ("40 hours per week", "15% bonus", "3 days per week",
 * "14th June"); "£500 day rate" is.
 */
const COUNT_NOUN_AFTER_RE =
  /^\s?(?:%|percent\b|hours?\b|hrs?\b|days?\b(?!\s*rate)|(?:paid\s+|annual\s+|bank\s+|public\s+)?(?:holidays?|vacation|leave)\b|weeks?\b|months?\b|years?\b|yrs?\b|employees\b|people\b|staff\b|members\b|countries\b|offices\b|locations\b|customers\b|clients\b|users\b|(?:st|nd|rd|th)\b|x\b)/i;

/** Letters that may follow an amount without a space: periods ("pd", "ph", "pa", "pcm", "hr") and ordinals. */
const GLUED_UNIT_RE = /^(?:p[hdwam]|pcm|p|hr?s?|hour|day|d|yr|annum|pa|month|mo|week|wk)$/i;
const MONTH_OR_DATE_WORD_BEFORE_RE =
  /\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|since|until|till|by|in|during|early|late|mid|summer|spring|autumn|fall|winter|fy|q[1-4])[\s,.-]*(?:\d{1,2}(?:st|nd|rd|th)?,?\s*)?$/i;

/** "December 2026", "since 2006": a bare four-digit year after a month or a time word is a date. */
function isCalendarYear(text: string, index: number, run: string): boolean {
  if (!/^(?:19|20)\d\d$/.test(run)) return false;
  return MONTH_OR_DATE_WORD_BEFORE_RE.test(text.slice(Math.max(0, index - 24), index));
}

const PREFIX_MARKER_OF_NEXT_RE = /^\s+[£$€₹¥]\s?\d/u;

function scanAmounts(text: string): AmountToken[] {
  const tokens: AmountToken[] = [];
  for (const match of text.matchAll(AMOUNT_RE)) {
    const run = match[1] ?? '';
    const unit = match[2];
    const multiplier = unit ? MULTIPLIERS.find(([re]) => re.test(unit)) : undefined;
    const number = readNumber(run, multiplier !== undefined);
    if (number === null) continue;
    const afterIndex = match.index + match[0].length;
    const numberEnd = match.index + run.length;
    const before = text
      .slice(Math.max(0, match.index - MARKER_WINDOW), match.index)
      .match(CURRENCY_AT_END_RE);
    // "J13129", "Cat5", "L50": digits glued to a word are a code, unless the word is a currency ("GBP70k").
    if (before === null && /\p{L}/u.test(text.charAt(match.index - 1))) continue;
    if (multiplier === undefined && COUNT_NOUN_AFTER_RE.test(text.slice(numberEnd, numberEnd + 12))) {
      continue;
    }
    const markedAfter = text.slice(afterIndex, afterIndex + MARKER_WINDOW).match(CURRENCY_AT_START_RE);
    // "Band 7 £45,000": a symbol written before the next figure is that figure's marker.
    const after =
      markedAfter !== null &&
      PREFIX_MARKER_OF_NEXT_RE.test(text.slice(afterIndex, afterIndex + MARKER_WINDOW))
        ? null
        : markedAfter;
    // A currency word glued inside a word ("...KR6") is no marker; bare digits glued to letters after them
    // ("6Gs71") are a code unless the letters are a unit ("450pd"). Marked amounts may be glued to the next
    // word: flattened pages lose line breaks ("£90,000This").
    const gluedAfter = text.slice(afterIndex).match(/^\p{L}+/u)?.[0];
    const wordMarkerInsideWord =
      before !== null &&
      /^\p{L}/u.test(before[0]) &&
      /[\p{L}\d]/u.test(text.charAt(match.index - before[0].length - 1));
    // "the low $60s", "mid-$80s": a plural figure is an approximate band, not an amount.
    if (wordMarkerInsideWord || gluedAfter === 's') continue;
    const markerGluedAsWord = before !== null && /^\p{L}/u.test(before[0]) && !/\s$/.test(before[0]);
    const codeGlued = gluedAfter !== undefined && !GLUED_UNIT_RE.test(gluedAfter);
    if (after === null && codeGlued && (before === null || markerGluedAsWord)) continue;
    if (
      before === null &&
      after === null &&
      multiplier === undefined &&
      isCalendarYear(text, match.index, run)
    ) {
      continue;
    }
    tokens.push({
      start: match.index - (before?.[0].length ?? 0),
      end: afterIndex + (after?.[0].length ?? 0),
      numberEnd,
      number,
      multiplier: multiplier?.[1] ?? null,
      indianUnit: multiplier?.[2] ?? false,
      currencyMarker: (before?.[0] ?? after?.[0])?.trim() ?? null,
    });
  }
  return tokens;
}

// ---------------------------------------------------------------------------------------------------------
// Text parsing

/** A unit or currency code written after the first end of a range ("$40/hour to $50/hour", "50k GBP - 60k"). */
const PER_END_UNIT = String.raw`(?:\/\s*[a-z]+|\s*(?:per|an?)\s+[a-z]+|\s*(?:hourly|daily|weekly|monthly|annually|yearly)|\s*p[/.]?[hdwma]\b\.?|\s*[A-Z]{3})?`;
// "£52,800* up to £70,400*": a footnote mark after the first end, "up to" as the joiner.
const RANGE_GAP_RE = new RegExp(
  String.raw`^${PER_END_UNIT}\*?\s*(?:-|–|—|‒|−|~|to|,?\s*up\s+to|and|till|until)\s*$`,
  'i',
);
/** "Min $40/hr, Max $50/hr", "Minimum: £30,000; Maximum: £40,000": two labelled bounds are one range. */
const MAX_LABEL_GAP_RE = new RegExp(
  String.raw`^${PER_END_UNIT}\s*[,;|/-]?\s*(?:and\s+|to\s+)?(?:(?:salary|pay|rate|wage|base)\s+)?max(?:imum)?\.?\s*(?:(?:salary|pay|rate|wage)\s*)?(?:of\s*)?:?\s*$`,
  'i',
);
const MIN_LABEL_BEFORE_RE = /\bmin(?:imum)?\.?\s*(?:(?:salary|pay|rate|wage)\s*)?(?:of\s*)?:?\s*$/i;

/** "Starting at $46.23 per hour and up to $72.23 per hour": a floor, then a ceiling joined by "and up to". */
const AND_UP_TO_GAP_RE = new RegExp(String.raw`^${PER_END_UNIT}\s*,?\s*and\s+up\s+to\s*$`, 'i');

/** "and", "up to" join a range only upwards: "£30,000 and up to £5,000 bonus" is a salary and a bonus. */
const UPWARD_ONLY_JOINER_RE = /(?:\band|\bup\s+to)\s*$/i;

function joinsRange(text: string, first: AmountToken, second: AmountToken, before: string): boolean {
  const gap = text.slice(first.end, second.start);
  if (!isRangeGap(gap, before) || isCutBelow(text, second, first)) return false;
  const value = (t: AmountToken) => t.number * (t.multiplier ?? 1);
  return (
    !UPWARD_ONLY_JOINER_RE.test(gap) ||
    value(second) >= value(first) ||
    second.multiplier !== first.multiplier
  );
}

function isRangeGap(gap: string, before: string): boolean {
  if (RANGE_GAP_RE.test(gap)) return true;
  if (MAX_LABEL_GAP_RE.test(gap) && MIN_LABEL_BEFORE_RE.test(before)) return true;
  return AND_UP_TO_GAP_RE.test(gap) && MIN_ONLY_BEFORE_RE.test(before);
}

const MIN_ONLY_BEFORE_RE =
  /(?:\bfrom|\bstarting(?:\s+(?:at|from))?|\bmin(?:imum)?\.?|\bat\s+least|\bover|\bmore\s+than|\babove|>=?)\s*(?:of\s*)?:?\s*$/i;
const MAX_ONLY_BEFORE_RE =
  /(?:\bup(?:\s*to)?|\bmax(?:imum)?\.?|\bunder|\bless\s+than|\bbelow|\bno\s+more\s+than|<=?|\bto)\s*(?:of\s*)?:?\s*$/i;
/** "$100K+" (glued) is a minimum; "£85,000 + benefits" (spaced) adds extras to the figure. */
const MIN_ONLY_AFTER_RE = /^(?:\+|\s*(?:and\s+(?:above\b|up\b(?!\s+to\b))|or\s+more\b))/i;
const NEGATIVE_SIGN_BEFORE_RE = /[-−]$/;

/** Where a figure's own phrase ends: a sentence, a list separator or an added extra ("+ bonus", "plus"). */
const PHRASE_END_RE = /[.!?](?:\s|$)|[\n;|•(]|\s\+|\bplus\b|,\s|➕/;
/** Where the words leading to a figure start; the dot of a label's abbreviation ("Min. $90,000") ends nothing. */
const PHRASE_START_RE = /(?<!\b(?:min|max|approx|incl|excl|avg|ca|sal|comp))\.\s|[!?]\s|[\n;|•]/gi;
const CONTEXT_WINDOW = 60;

/** Words naming the figure as something other than pay when they follow it ("$2,000 learning budget"). */
const NON_PAY_AFTER_RE =
  /^(?<gap>\*?\s*(?:[\p{L}\d'’/&-]+\s+){0,4}?)(?:(?:sign[\s-]*on|signing|joining|referral|relocation|retention|loyalty)\s+bonus|budget|allowance|stipend|reimburse\w*|subsid\w*|perks?\b|shares\b|stock\b|funding|revenues?\b|market\b(?!\s+rate)|valuation|turnover|AUM\b|assets\b|raised\b|financing|series\s+[a-f]\b|loan|discount|vouchers?\b|fund\b|contribution|insurance|learning|training|wellbeing|wellness|set[\s-]?up\b|equipment|gym|commut\w*|cycle\b|relocation\b|(?:(?:shift|night|weekend|evening)\s+)?differential|fertility|adoption|tuition|child[\s-]?care|family[\s-]+(?:forming|building)|referrals?\b|RSUs?\b|commissions?\b(?![\s-]*(?:based|only|structure|scheme|plan)\b)|in\s+(?:sales|savings|investment|capital|commerce|payments|premiums?|equity|stock|options))/iu;
/** Words that end a figure's own noun phrase: an extra listed after the pay, or a condition on it. */
const EXTRAS_OR_CONDITION_RE =
  /\b(?:depend\w*|based|subject|doe|negotiable|competitive|bonus(?:es)?|benefits?|pension|holidays?|healthcare|equity|plus)\b/i;
/** "£85,000 - £115,000 Travel Allowance Bonus Pension": more extras after the noun make it a list after the pay. */
const MORE_EXTRAS_RE =
  /^\s*[,+&]?\s*(?:bonus(?:es)?|pension|holidays?|benefits|private\s+medical|medical|healthcare|car\b|life\s+assurance|share\s+options|equity)\b/i;
/** Words before a figure that make it a company, benefit or bonus figure ("raised over $100M"). */
const NON_PAY_BEFORE_RE =
  /\b(?:bonus(?:es)?|budget|allowance|stipend|reimbursement|subsidy|perks?|relocation|referral|refer|funding|deals?|quotas?|equity|RSUs?|raised|revenues?|turnover|assets|valued|valuation|worth|market|managing|manages|AUM|invest(?:s|ed|ing|ments?|ors?)?\b|lent|loans?|sav(?:e|es|ed|ing|ings)|contribut(?:es|ed|ing|ions?)|pension|insurance|shares|stock|discount|benefit|fund|series\s+[a-f]|acquisition|spend|processed|sold|sales|payments|commerce|expenditures?|capital|grants?|prize|commissions?\b(?![\s-]*(?:based|only|structure|scheme|plan)\b)|matching|match(?=\s+(?:up\s+to|of)\b))\b/i;
/** A pay noun right after the figure names it, whatever came before ("pension & more! £55K Basic Salary"). */
const PAY_AFTER_RE = /^\s*(?:\p{L}+\s+){0,2}?(?:salary|basic|base|(?<!per\s)pay|rate|ote|wage)\b/iu;
/** Words labelling a figure as pay. */
const PAY_LABEL_RE =
  /\b(?:salary|salaries|(?<!per\s)pay|paying|rate|rates|compensation|wages?|remuneration|basic|base|ote|income|earnings|hiring\s+rate|ctc)\b|\bir35\b/i;
/** Period words before a figure ("Hourly rate:", "Day Rate: £500", "Pay Type Hourly Min Hiring Rate $18"). */
const PERIOD_BEFORE_RE: ReadonlyArray<readonly [SalaryPeriod, RegExp]> = [
  ['hour', /\bhourly\b[^.;\n£$€\d]{0,30}$/i],
  ['day', /\b(?:daily|day\s*rates?)\b[^.;\n£$€\d]{0,30}$/i],
  ['week', /\bweekly\b[^.;\n£$€\d]{0,30}$/i],
  ['month', /\bmonthly\b[^.;\n£$€\d]{0,30}$/i],
];
/** UK contractors are paid by the day: a figure in a text about IR35 without a stated unit is a day rate. */
const DAY_RATE_CONTEXT_RE = /\bIR35\b|\bday[\s-]*rates?\b/i;
const DAY_RATE_RANGE = [100, 3000] as const;
/** Currencies whose salaries are quoted per month by convention (Polish "15 000 - 20 000 PLN" brutto). */
const MONTHLY_CONVENTION_CURRENCIES: ReadonlySet<string> = new Set([
  'PLN',
  'CZK',
  'HUF',
  'RON',
  'BGN',
  'UAH',
  'BRL',
  'ARS',
  'TRY',
  'PHP',
]);
/** In those currencies a figure above this (times the magnitude) is a yearly one. */
const MONTHLY_CONVENTION_LIMIT = 60_000;
/** A text this short is a salary field by itself ("$40", "£45-50"): its figure needs no pay label. */
const DEDICATED_FIELD_LENGTH = 40;
/** Without a stated period an amount below this (times the magnitude) is not a salary ("$1"). */
const MIN_UNSTATED_PERIOD_AMOUNT = 5;

const ESTIMATE_RE = /\best(?:\.|imated?\b)/i;
const EMPLOYER_PROVIDED_RE = /\bemployer[\s-]+provided\b/i;
const CONTRACT_MARKERS: ReadonlyArray<readonly [ContractType, RegExp]> = [
  ['W2', /\bW-?2\b/i],
  ['C2C', /\bC2C\b|\bcorp(?:oration)?[\s-]*(?:to|2)[\s-]*corp(?:oration)?\b/i],
  ['1099', /(?<![\d$£€.,])\b1099\b(?![\d.,])/],
];
/** "401(k)" / "401k" is a retirement plan, unless a currency symbol says it is money ("$401K"). */
const NON_AMOUNT_NUMBERS_RE = /(?<![$£€₹¥]\s?)\b401\s?\(?k\)?/gi;

/** The first W2 / C2C / 1099 marker in a text. */
export function findContractType(text: string): ContractType | null {
  let best: { type: ContractType; index: number } | null = null;
  for (const [type, marker] of CONTRACT_MARKERS) {
    const index = text.search(marker);
    if (index >= 0 && (best === null || index < best.index)) best = { type, index };
  }
  return best?.type ?? null;
}

function blankOut(text: string, pattern: RegExp): string {
  const global = new RegExp(
    pattern.source,
    pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`,
  );
  return text.replace(global, (found) => ' '.repeat(found.length));
}

interface Candidate {
  first: AmountToken;
  last: AmountToken;
  min: number | null;
  max: number | null;
  indianUnit: boolean;
  /** Words leading to the figure, from the start of its phrase. */
  before: string;
  /** Words after the figure, to the end of its phrase. */
  after: string;
  /** The figure with its own units ("£500 - £550 per day"), to look for a stated period. */
  span: string;
}

function phraseBefore(text: string, from: number, to: number): string {
  const window = text.slice(Math.max(from, to - CONTEXT_WINDOW), to);
  const starts = [...window.matchAll(PHRASE_START_RE)];
  const last = starts[starts.length - 1];
  return last === undefined ? window : window.slice(last.index + last[0].length);
}

function phraseAfter(text: string, from: number, to: number): string {
  const window = text.slice(from, Math.min(to, from + CONTEXT_WINDOW));
  const end = window.search(PHRASE_END_RE);
  return end >= 0 ? window.slice(0, end) : window;
}

/** Groups the amounts into ranges ("£500 - £550", "$40/hour to $50/hour") and single figures. */
function findCandidates(text: string, tokens: readonly AmountToken[]): Candidate[] {
  const candidates: Candidate[] = [];
  let index = 0;
  while (index < tokens.length) {
    const first = tokens[index]!;
    const previousEnd = index > 0 ? tokens[index - 1]!.end : 0;
    const second = tokens[index + 1];
    const before = phraseBefore(text, previousEnd, first.start);
    const isRange = second !== undefined && joinsRange(text, first, second, before);
    const last = isRange ? second : first;
    index += isRange ? 2 : 1;
    const nextStart = tokens[index]?.start ?? text.length;
    // "-1" is a placeholder; "is -£32,157 - £40,197" has a stray dash before the currency, not a sign.
    const gap = text.slice(previousEnd, first.start);
    const markerFirst =
      first.currencyMarker !== null && text.charAt(first.start) === first.currencyMarker.charAt(0);
    const strayDash = markerFirst && /\S\s+[-−]$/.test(text.slice(0, first.start));
    if (!strayDash && NEGATIVE_SIGN_BEFORE_RE.test(gap)) continue;
    const bounds = isRange
      ? rangeFromPair(first, second)
      : singleAmount(first, before, text.slice(last.end, nextStart));
    candidates.push({
      first,
      last,
      ...bounds,
      before,
      after: phraseAfter(text, last.end, nextStart),
      span: text.slice(first.start, spanEnd(text, last.end, nextStart)).replace(PHRASE_END_RE, '\u0000'),
    });
  }
  return candidates;
}

/** Snippets cut with an ellipsis ("Rate: £450 - £5…"): a last figure below the one before it lost its digits. */
const CUT_AT_END_RE = /^\s*(?:…|\.{3})\s*$/;

function isCutBelow(text: string, token: AmountToken, previous: AmountToken): boolean {
  const value = (t: AmountToken) => t.number * (t.multiplier ?? 1);
  return CUT_AT_END_RE.test(text.slice(token.end)) && value(token) < value(previous);
}

/** A figure's own units end before the next number: "£50K Benefits - 2 days a week" states no weekly pay. */
function spanEnd(text: string, from: number, nextStart: number): number {
  const limit = Math.min(nextStart, from + 25);
  const nextDigit = text.slice(from, limit).search(/\d/);
  return nextDigit < 0 ? limit : from + nextDigit;
}

function rangeFromPair(
  low: AmountToken,
  high: AmountToken,
): Omit<Candidate, 'first' | 'last' | 'before' | 'after' | 'span'> {
  // "$150-180K": a unit written once applies to the bound that lacks one when that keeps the order.
  const lowUnit =
    low.multiplier ?? (high.multiplier !== null && low.number <= high.number ? high.multiplier : 1);
  const highUnit =
    high.multiplier ?? (low.multiplier !== null && high.number >= low.number ? low.multiplier : 1);
  return {
    min: low.number * lowUnit,
    max: high.number * highUnit,
    indianUnit: low.indianUnit || high.indianUnit,
  };
}

function singleAmount(
  token: AmountToken,
  before: string,
  after: string,
): Omit<Candidate, 'first' | 'last' | 'before' | 'after' | 'span'> {
  const amount = token.number * (token.multiplier ?? 1);
  const maxOnly = MAX_ONLY_BEFORE_RE.test(before);
  const minOnly = !maxOnly && (MIN_ONLY_BEFORE_RE.test(before) || MIN_ONLY_AFTER_RE.test(after));
  return { min: maxOnly ? null : amount, max: minOnly ? null : amount, indianUnit: token.indianUnit };
}

/** The period stated by the figure's own words, if any. */
function statedPeriod(candidate: Candidate): SalaryPeriod | null {
  const span = candidate.span.split('\u0000')[0] ?? '';
  const after = findStatedPeriod(span);
  if (after !== null) return after;
  return PERIOD_BEFORE_RE.find(([, marker]) => marker.test(candidate.before))?.[0] ?? null;
}

/**
 * Figures counted in millions ("a $1MM deal", "2.5 million") measure companies, funds and deals; they are pay
 * only when they stand alone in a salary field or a pay word names them.
 */
const COMPANY_SCALE_MULTIPLIER = 1e6;

function isCompanyScale(candidate: Candidate, context: TextContext): boolean {
  if ((candidate.first.multiplier ?? 1) < COMPANY_SCALE_MULTIPLIER) return false;
  const standsAlone = context.dedicatedField && candidate.before.trim() === '';
  return !standsAlone && !PAY_LABEL_RE.test(candidate.before) && !PAY_LABEL_RE.test(candidate.after);
}

/**
 * "$2,500 annual bonus", "a £5k performance bonus": a kind of bonus right after the figure names the figure,
 * unless a pay label names it first ("Salary: £60,000 annual bonus, pension": a flattened list of extras).
 */
const BONUS_KIND_AFTER_RE =
  /^\s*(?:annual|yearly|quarterly|monthly|performance|year[\s-]end|target|holiday|christmas|completion|discretionary)(?:[\s-]+(?:performance|based|related))?\s+bonus(?:es)?\b/i;
/** "Hours: 40 per week", "Schedule: 37.5 a week": a bare figure under a working-time label is a count. */
const WORKING_TIME_LABEL_BEFORE_RE =
  /\b(?:hours?|hrs|schedule|shifts?|working\s+(?:week|time|pattern))\s*:?\s*(?:of\s+|up\s+to\s+|about\s+|approx\.?\s+|around\s+)?$/i;

function isUnmarkedFigure(candidate: Candidate): boolean {
  const { first, last } = candidate;
  return (
    first.currencyMarker === null &&
    last.currencyMarker === null &&
    first.multiplier === null &&
    last.multiplier === null
  );
}

/** "£76,071 per year - estimated", "$85K a year (est.)": a job board's pay estimate names the figure as pay. */
const ESTIMATE_AFTER_RE = /^\s*(?:(?:per|an?|\/)\s*\p{L}+\s*)?[-–(]?\s*est(?:\.|imated?\b)/iu;

function isNonPay(candidate: Candidate): boolean {
  if (PAY_AFTER_RE.test(candidate.after) || ESTIMATE_AFTER_RE.test(candidate.after)) return false;
  const bonusKind = candidate.after.match(BONUS_KIND_AFTER_RE);
  if (
    bonusKind !== null &&
    !PAY_LABEL_RE.test(candidate.before) &&
    !MORE_EXTRAS_RE.test(candidate.after.slice(bonusKind[0].length))
  ) {
    return true;
  }
  if (isUnmarkedFigure(candidate) && WORKING_TIME_LABEL_BEFORE_RE.test(candidate.before)) return true;
  const nonPayAfter = candidate.after.match(NON_PAY_AFTER_RE);
  // "Up to £75,000 Bonus Car Allowance", "£565 to £696 depending on market conditions": a list of extras or a
  // condition between the figure and the noun; the noun names something after the figure, not the figure.
  if (
    nonPayAfter !== null &&
    !EXTRAS_OR_CONDITION_RE.test(nonPayAfter.groups?.gap ?? '') &&
    !MORE_EXTRAS_RE.test(candidate.after.slice(nonPayAfter[0].length))
  ) {
    return true;
  }
  const nonPay = [...candidate.before.matchAll(new RegExp(NON_PAY_BEFORE_RE.source, 'gi'))].at(-1);
  if (nonPay === undefined) return false;
  // "Benefits Salary banding between £50,000": a pay word after the benefit word names the figure.
  const payAfter = candidate.before.slice(nonPay.index + nonPay[0].length);
  if (PAY_LABEL_RE.test(payAfter)) return false;
  // "Stipend: ₹15,000/month": an intern's stipend given as the field, with its own period, is the pay.
  const asField =
    /^stipend$/i.test(nonPay[0]) &&
    candidate.before.slice(0, nonPay.index).trim() === '' &&
    /^\s*:\s*$/.test(payAfter);
  return !(asField && statedPeriod(candidate) !== null);
}

interface TextContext {
  text: string;
  hints: SalaryHints | undefined;
  /** The first currency marker of the whole text, for figures without their own. */
  textCurrency: string | null;
  dayRateContext: boolean;
  dedicatedField: boolean;
  contractType: ContractType | null;
  isEstimate: boolean;
  employerProvided: boolean;
  /** Set while parsing: a figure was dropped because its amounts are in different currencies. */
  mixedCurrencies: boolean;
}

function candidateCurrency(candidate: Candidate, context: TextContext): string | null | 'mixed' {
  const own = [candidate.first.currencyMarker, candidate.last.currencyMarker]
    .filter((m): m is string => m !== null)
    .map((m) => resolveCurrency(m, context.hints?.currency));
  const distinct = new Set(own.filter((c) => c !== null));
  if (distinct.size > 1) return 'mixed';
  if (distinct.size === 1) return [...distinct][0]!;
  const labelled = candidate.before.match(CURRENCY_RE)?.[0];
  return (
    resolveCurrency(labelled, context.hints?.currency) ??
    context.textCurrency ??
    (candidate.indianUnit ? 'INR' : normalizeCurrencyHint(context.hints?.currency))
  );
}

/** The period when the figure states none: the caller's hint, then the conventions of its market. */
function conventionalPeriod(
  candidate: Candidate,
  currency: string | null,
  context: TextContext,
): SalaryPeriod | null {
  if (context.hints?.period) return context.hints.period;
  if (candidate.indianUnit) return 'year';
  const bounds = [candidate.min, candidate.max].filter((v): v is number => v !== null);
  const scale = currencyMagnitude(currency);
  if (currency !== null && MONTHLY_CONVENTION_CURRENCIES.has(currency)) {
    return bounds.every((v) => v < MONTHLY_CONVENTION_LIMIT * scale) ? 'month' : 'year';
  }
  if (
    context.dayRateContext &&
    bounds.every((v) => v >= DAY_RATE_RANGE[0] * scale && v <= DAY_RATE_RANGE[1] * scale)
  ) {
    return 'day';
  }
  return null;
}

/** "Requisition ID: 45678", "Job #: 2020-1234", "Austin, TX 78701": identifiers and postal codes, not amounts. */
const IDENTIFIER_LABEL_BEFORE_RE =
  /(?:\b(?:id|no|number|code|ref(?:erence)?|req(?:uisition)?|job|posting|vacancy|zip|postcode|suite|ext)\.?|#)\s*[:#.]?\s*$/i;
const STATE_CODE_BEFORE_RE = /,\s*[A-Z]{2}\s*$/;

function isUnlabelledIdentifier(candidate: Candidate, context: TextContext): boolean {
  if (!isUnmarkedFigure(candidate) || context.textCurrency !== null) return false;
  if (PAY_LABEL_RE.test(candidate.before) || statedPeriod(candidate) !== null) return false;
  return IDENTIFIER_LABEL_BEFORE_RE.test(candidate.before) || STATE_CODE_BEFORE_RE.test(candidate.before);
}

function salaryOfCandidate(candidate: Candidate, context: TextContext): SalaryParse | null {
  if (isNonPay(candidate) || isCompanyScale(candidate, context)) return null;
  if (isUnlabelledIdentifier(candidate, context)) return null;
  const currency = candidateCurrency(candidate, context);
  if (currency === 'mixed') {
    context.mixedCurrencies = true;
    return null;
  }
  const period = statedPeriod(candidate) ?? conventionalPeriod(candidate, currency, context);
  const salary = buildSalary({
    min: candidate.min,
    max: candidate.max,
    currency,
    period,
    contractType: context.contractType,
    isEstimate: context.isEstimate,
    employerProvided: context.employerProvided,
  });
  if (salary.salary_min === null && salary.salary_max === null) return null;
  // A small figure without a period is only pay when something says so ("Rate: £450", a salary field).
  const labelled =
    context.dedicatedField || PAY_LABEL_RE.test(candidate.before) || PAY_LABEL_RE.test(candidate.after);
  if (salary.salary_period === null && !labelled) return null;
  return salary;
}

/** JobSpy writes markdown with a backslash escape ("\\*\\*Pay\\*\\*: $20 \\- $25"): the escaped character is meant. */
const MARKDOWN_ESCAPE_RE = /\\([\\`*_{}[\]()#+\-.!~|<>$])/g;
/** "$60,000 or €45,000", "€45,000 / $50,000": two amounts offered in different currencies state no one salary. */
const ALTERNATIVE_GAP_RE = /^\s*(?:or|\/|\|)\s*$/i;

function isOtherCurrencyAlternative(
  candidate: Candidate,
  next: Candidate | undefined,
  salary: SalaryParse,
  context: TextContext,
): boolean {
  if (next === undefined || next.first.currencyMarker === null) return false;
  if (!ALTERNATIVE_GAP_RE.test(context.text.slice(candidate.last.end, next.first.start))) return false;
  const other = resolveCurrency(next.first.currencyMarker, context.hints?.currency);
  return other !== null && other !== salary.salary_currency;
}

export function parseSalary(raw: string | null | undefined, hints?: SalaryHints): SalaryParse {
  return parseSalaryWithProblems(raw, hints).salary;
}

export interface SalaryTextParse {
  salary: SalaryParse;
  /**
   * "£50,000 - $70,000", "$60,000 or €45,000": the text states pay in more than one currency and no single
   * salary was taken from it (an importer records this as a warning rather than guess a currency).
   */
  mixedCurrencies: boolean;
}

/** `parseSalary`, also saying why a text with figures gave no salary. */
export function parseSalaryWithProblems(
  raw: string | null | undefined,
  hints?: SalaryHints,
): SalaryTextParse {
  if (typeof raw !== 'string' || raw.trim() === '')
    return { salary: { ...EMPTY_SALARY }, mixedCurrencies: false };
  const contractType = findContractType(raw);
  const text = blankOut(
    CONTRACT_MARKERS.reduce(
      (cleaned, [, marker]) => blankOut(cleaned, marker),
      separateGluedWords(raw.replace(MARKDOWN_ESCAPE_RE, '$1')),
    ),
    NON_AMOUNT_NUMBERS_RE,
  );
  const context: TextContext = {
    text,
    hints,
    textCurrency: resolveCurrency(text.match(CURRENCY_RE)?.[0], hints?.currency),
    dayRateContext: DAY_RATE_CONTEXT_RE.test(text),
    dedicatedField: text.trim().length <= DEDICATED_FIELD_LENGTH,
    contractType,
    isEstimate: ESTIMATE_RE.test(text),
    employerProvided: EMPLOYER_PROVIDED_RE.test(text),
    mixedCurrencies: false,
  };
  const none = () => ({
    salary: { ...EMPTY_SALARY, contract_type: contractType },
    mixedCurrencies: context.mixedCurrencies,
  });
  // The first figure that reads as pay; figures with a currency or a K/M unit before bare numbers.
  let fallback: SalaryParse | null = null;
  const candidates = findCandidates(text, scanAmounts(text));
  for (const [index, candidate] of candidates.entries()) {
    const salary = salaryOfCandidate(candidate, context);
    if (salary === null) continue;
    if (isOtherCurrencyAlternative(candidate, candidates[index + 1], salary, context)) {
      context.mixedCurrencies = true;
      return none();
    }
    if (!isUnmarkedFigure(candidate)) return { salary, mixedCurrencies: false };
    fallback ??= salary;
  }
  return fallback === null ? none() : { salary: fallback, mixedCurrencies: false };
}

// ---------------------------------------------------------------------------------------------------------
// Structured amounts

function amountFromField(value: number | string | null | undefined): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  // Machine-written numbers use "." as the decimal point: "69313.35", "60.000" is sixty.
  if (/^-?\d+(?:\.\d+)?$/.test(trimmed)) return Number(trimmed);
  const run = trimmed.match(new RegExp(DIGIT_RUN, 'u'))?.[0];
  return run === undefined ? null : readNumber(run);
}

/** Salary from a structured source's separate fields (JobSpy min_amount/max_amount/interval, Adzuna). */
export function salaryFromAmounts(input: SalaryAmountsInput): SalaryParse {
  const currency = input.currency?.trim() ? input.currency.trim() : null;
  return buildSalary({
    min: amountFromField(input.min),
    max: amountFromField(input.max),
    currency: resolveCurrency(currency),
    period: periodFromInterval(input.interval),
    contractType: null,
    isEstimate: false,
    employerProvided: false,
  });
}

// ---------------------------------------------------------------------------------------------------------
// Shared validation

interface SalaryFacts {
  min: number | null;
  max: number | null;
  currency: string | null;
  /** Stated or hinted period; null lets the amount's size decide. */
  period: SalaryPeriod | null;
  contractType: ContractType | null;
  isEstimate: boolean;
  employerProvided: boolean;
}

function positiveOrNull(value: number | null): number | null {
  return value !== null && Number.isFinite(value) && value > 0 ? value : null;
}

function toCents(amount: number): number {
  return Math.round(amount * 100) / 100;
}

function buildSalary(facts: SalaryFacts): SalaryParse {
  const empty: SalaryParse = { ...EMPTY_SALARY, contract_type: facts.contractType };
  let min = positiveOrNull(facts.min);
  let max = positiveOrNull(facts.max);
  if (min !== null && max !== null && min > max) [min, max] = [max, min];
  const bounds = [min, max].filter((v): v is number => v !== null);
  if (bounds.length === 0) return empty;

  const scale = currencyMagnitude(facts.currency);
  const period = facts.period ?? (bounds.every((v) => v >= YEARLY_AMOUNT_THRESHOLD * scale) ? 'year' : null);
  if (period === null && facts.currency === null) return empty;

  const [lowest, highest] = [Math.min(...bounds), Math.max(...bounds)];
  const annualLow = period ? lowest * ANNUAL_FACTOR[period] : lowest;
  const annualHigh = period ? highest * ANNUAL_FACTOR[period] : highest;
  const lowestPlausible = (period ? MIN_PLAUSIBLE_ANNUAL : MIN_UNSTATED_PERIOD_AMOUNT) * scale;
  if (
    Math.round(lowest) < 1 ||
    annualLow < lowestPlausible ||
    (period === 'hour' && lowest < MIN_PLAUSIBLE_HOURLY * scale) ||
    annualHigh > MAX_PLAUSIBLE_ANNUAL * scale ||
    highest > MAX_STORABLE_AMOUNT
  ) {
    return empty;
  }

  return {
    salary_min: min === null ? null : Math.round(min),
    salary_max: max === null ? null : Math.round(max),
    salary_min_exact: min === null ? null : toCents(min),
    salary_max_exact: max === null ? null : toCents(max),
    salary_currency: facts.currency,
    salary_period: period,
    salary_min_annual: min === null || period === null ? null : annualize(min, period),
    salary_max_annual: max === null || period === null ? null : annualize(max, period),
    contract_type: facts.contractType,
    is_estimate: facts.isEstimate,
    employer_provided: facts.employerProvided,
  };
}
