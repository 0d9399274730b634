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
 * - Amounts are rounded to integers; annual amounts are computed from the unrounded amount, then rounded.
 */

export type SalaryPeriod = 'hour' | 'day' | 'week' | 'month' | 'year';
export type ContractType = 'W2' | 'C2C' | '1099';

export interface SalaryParse {
  salary_min: number | null;
  salary_max: number | null;
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
  kr: { code: null, family: ['SEK', 'NOK', 'DKK', 'ISK'] },
  rmb: { code: 'CNY', family: [] },
};

const CURRENCY_PATTERN = [
  String.raw`(?:US|CA|C|AU|A|NZ|SG|S|HK|MX|R)?\$`,
  '[£€₹¥₩₱₽₺₪₦]',
  String.raw`(?<![A-Za-z])(?:[Rr][Ss]\.?(?=\s*\d)|kr\b|zł)`,
  String.raw`\b(?:${CURRENCY_CODES.join('|')})\b`,
].join('|');

const CURRENCY_RE = new RegExp(CURRENCY_PATTERN, 'u');
const CURRENCY_AT_END_RE = new RegExp(`(?:${CURRENCY_PATTERN})\\s?$`, 'u');
const CURRENCY_AT_START_RE = new RegExp(`^\\s?(?:${CURRENCY_PATTERN})`, 'u');

function normalizeCurrencyHint(hint: string | null | undefined): string | null {
  const code = hint?.trim().toUpperCase() ?? '';
  return /^[A-Z]{3}$/.test(code) ? code : null;
}

/** ISO code for a currency marker or code ("$", "CA$", "£", "Rs.", "gbp"), resolved by the hint if ambiguous. */
export function resolveCurrency(marker: string | null | undefined, hint?: string | null): string | null {
  const key = (marker ?? '').trim().toLowerCase().replace(/\.$/, '');
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

const PERIOD_MARKERS: ReadonlyArray<readonly [SalaryPeriod, RegExp]> = [
  [
    'hour',
    new RegExp(
      String.raw`\b(?:per|an?|each|every)\s+(?:hour|hr)s?\b|\/\s*(?:hour|hr|h)s?\b|\bhourly\b|${AFTER_AMOUNT}(?:ph|p\/h|p\.h\.?)${NOT_LETTER}`,
      'i',
    ),
  ],
  [
    'day',
    new RegExp(
      String.raw`\b(?:per|a|each|every)\s+day\b|\/\s*(?:day|d)\b|\bdaily\b|\bday\s+rate\b|${AFTER_AMOUNT}(?:pd|p\/d|p\.d\.?)${NOT_LETTER}`,
      'i',
    ),
  ],
  [
    'week',
    new RegExp(
      String.raw`\b(?:per|a|each|every)\s+(?:week|wk)\b|\/\s*(?:week|wk|w)\b|\bweekly\b|${AFTER_AMOUNT}(?:pw|p\/w|p\.w\.?)${NOT_LETTER}`,
      'i',
    ),
  ],
  [
    'month',
    new RegExp(
      String.raw`\b(?:per|a|each|every)\s+(?:month|mo|mth)\b|\/\s*(?:month|mo|mth|m)\b|\bmonthly\b|${AFTER_AMOUNT}(?:pcm|pm|p\/m|p\.m\.?)${NOT_LETTER}`,
      'i',
    ),
  ],
  [
    'year',
    new RegExp(
      String.raw`\b(?:per|a|each|every)\s+(?:year|yr|annum)\b|\/\s*(?:year|yr|y|annum)\b|\b(?:yearly|annually|annual|annum|lpa)\b|${AFTER_AMOUNT}(?:pa|p\/a|p\.a\.?)${NOT_LETTER}`,
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
  [/^(?:l|lpa|lakhs?|lacs?)$/i, 1e5, true],
  [/^(?:cr|crores?)$/i, 1e7, true],
];

/** Digits with separators; a plain space only groups when exactly three digits follow ("50 000"). */
const DIGIT_RUN = String.raw`\d+(?:(?:[.,'’\u00a0\u202f\u2009]| (?=\d{3}(?!\d)))\d+)*`;

const AMOUNT_RE = new RegExp(
  String.raw`(?<![\d.,])(${DIGIT_RUN})(?:\s?(k|thousand|million|mm|mn|m|lpa|lakhs?|lacs?|l|crores?|cr)(?![a-z]))?`,
  'giu',
);

interface AmountToken {
  /** Start of the token, including an adjacent currency marker before it. */
  start: number;
  /** End of the token, including an adjacent currency marker after it. */
  end: number;
  number: number;
  multiplier: number | null;
  indianUnit: boolean;
  hasCurrency: boolean;
}

/** Longest adjacent currency marker ("CA$ ", " USD") plus a character of context. */
const MARKER_WINDOW = 6;

function scanAmounts(text: string): AmountToken[] {
  const tokens: AmountToken[] = [];
  for (const match of text.matchAll(AMOUNT_RE)) {
    const run = match[1] ?? '';
    const unit = match[2];
    const multiplier = unit ? MULTIPLIERS.find(([re]) => re.test(unit)) : undefined;
    const number = readNumber(run, multiplier !== undefined);
    if (number === null) continue;
    const afterIndex = match.index + match[0].length;
    const before = text
      .slice(Math.max(0, match.index - MARKER_WINDOW), match.index)
      .match(CURRENCY_AT_END_RE);
    const after = text.slice(afterIndex, afterIndex + MARKER_WINDOW).match(CURRENCY_AT_START_RE);
    tokens.push({
      start: match.index - (before?.[0].length ?? 0),
      end: afterIndex + (after?.[0].length ?? 0),
      number,
      multiplier: multiplier?.[1] ?? null,
      indianUnit: multiplier?.[2] ?? false,
      hasCurrency: before !== null || after !== null,
    });
  }
  return tokens;
}

// ---------------------------------------------------------------------------------------------------------
// Text parsing

const RANGE_GAP_RE = /^\s*(?:-|–|—|‒|−|~|to|and|till|until)\s*$/i;
const MIN_ONLY_BEFORE_RE =
  /(?:\bfrom|\bstarting(?:\s+(?:at|from))?|\bmin(?:imum)?\.?|\bat\s+least|\bover|\bmore\s+than|\babove|>=?)\s*(?:of\s*)?:?\s*$/i;
const MAX_ONLY_BEFORE_RE =
  /(?:\bup\s*to|\bmax(?:imum)?\.?|\bunder|\bless\s+than|\bbelow|\bno\s+more\s+than|<=?)\s*(?:of\s*)?:?\s*$/i;
const MIN_ONLY_AFTER_RE = /^\s*(?:\+|and\s+(?:above|up)\b|or\s+more\b)/i;
const NEGATIVE_SIGN_BEFORE_RE = /[-−]$/;

const ESTIMATE_RE = /\best(?:\.|imated?\b)/i;
const EMPLOYER_PROVIDED_RE = /\bemployer[\s-]+provided\b/i;
const CONTRACT_MARKERS: ReadonlyArray<readonly [ContractType, RegExp]> = [
  ['W2', /\bW-?2\b/i],
  ['C2C', /\bC2C\b|\bcorp(?:oration)?[\s-]*(?:to|2)[\s-]*corp(?:oration)?\b/i],
  ['1099', /(?<![\d$£€.,])\b1099\b(?![\d.,])/],
];
/** "401(k)" / "401k" is a retirement plan, unless a currency symbol says it is money ("$401K"). */
const NON_AMOUNT_NUMBERS_RE = /(?<![$£€₹¥]\s?)\b401\s?\(?k\)?/gi;

function findContractType(text: string): ContractType | null {
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

interface AmountRange {
  min: number | null;
  max: number | null;
  indianUnit: boolean;
}

/** Picks the first range or single amount, preferring ones that carry a currency or a K/M/lakh unit. */
function pickAmountRange(text: string, tokens: readonly AmountToken[]): AmountRange | null {
  let fallback: AmountRange | null = null;
  let index = 0;
  while (index < tokens.length) {
    const first = tokens[index]!;
    const previousEnd = index > 0 ? tokens[index - 1]!.end : 0;
    const before = text.slice(previousEnd, first.start);
    const second = tokens[index + 1];
    const isRange = second !== undefined && RANGE_GAP_RE.test(text.slice(first.end, second.start));
    const group = isRange ? [first, second] : [first];
    index += group.length;
    if (NEGATIVE_SIGN_BEFORE_RE.test(before)) continue;
    const last = group[group.length - 1]!;
    const range = isRange
      ? rangeFromPair(first, second)
      : singleAmount(first, before, text.slice(last.end, tokens[index]?.start ?? text.length));
    if (group.some((t) => t.hasCurrency || t.multiplier !== null)) return range;
    fallback ??= range;
  }
  return fallback;
}

function rangeFromPair(low: AmountToken, high: AmountToken): AmountRange {
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

function singleAmount(token: AmountToken, before: string, after: string): AmountRange {
  const amount = token.number * (token.multiplier ?? 1);
  const minOnly = MIN_ONLY_BEFORE_RE.test(before) || MIN_ONLY_AFTER_RE.test(after);
  const maxOnly = !minOnly && MAX_ONLY_BEFORE_RE.test(before);
  return { min: maxOnly ? null : amount, max: minOnly ? null : amount, indianUnit: token.indianUnit };
}

export function parseSalary(raw: string | null | undefined, hints?: SalaryHints): SalaryParse {
  if (typeof raw !== 'string' || raw.trim() === '') return { ...EMPTY_SALARY };
  const contractType = findContractType(raw);
  const text = blankOut(
    CONTRACT_MARKERS.reduce((cleaned, [, marker]) => blankOut(cleaned, marker), raw),
    NON_AMOUNT_NUMBERS_RE,
  );
  const range = pickAmountRange(text, scanAmounts(text));
  const marker = text.match(CURRENCY_RE)?.[0] ?? null;
  const textCurrency = resolveCurrency(marker, hints?.currency);
  return buildSalary({
    min: range?.min ?? null,
    max: range?.max ?? null,
    currency: textCurrency ?? (range?.indianUnit ? 'INR' : normalizeCurrencyHint(hints?.currency)),
    period: findStatedPeriod(text) ?? hints?.period ?? (range?.indianUnit ? 'year' : null),
    contractType,
    isEstimate: ESTIMATE_RE.test(text),
    employerProvided: EMPLOYER_PROVIDED_RE.test(text),
  });
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
  const lowestPlausible = period ? MIN_PLAUSIBLE_ANNUAL * scale : 1;
  if (
    Math.round(lowest) < 1 ||
    annualLow < lowestPlausible ||
    annualHigh > MAX_PLAUSIBLE_ANNUAL * scale ||
    highest > MAX_STORABLE_AMOUNT
  ) {
    return empty;
  }

  return {
    salary_min: min === null ? null : Math.round(min),
    salary_max: max === null ? null : Math.round(max),
    salary_currency: facts.currency,
    salary_period: period,
    salary_min_annual: min === null || period === null ? null : annualize(min, period),
    salary_max_annual: max === null || period === null ? null : annualize(max, period),
    contract_type: facts.contractType,
    is_estimate: facts.isEstimate,
    employer_provided: facts.employerProvided,
  };
}
