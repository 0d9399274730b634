/**
 * Posting dates as files write them: ISO ("2024-12-17", "2024-12-17T10:00:00Z"), numeric with the day and
 * month in either order ("12/17/2024" from a spreadsheet, "17.12.2024", "17/12/24"), with a month name
 * ("Dec 17, 2024", "17 December 2024"), and relative to the day the file was scraped ("3 days ago", "today",
 * "30+ days ago").
 *
 * Day/month order is a property of a file, not of a row: `DateOrderEvidence` remembers the first row that
 * settles it (a first number above 12 is a day, a second one above 12 is a day) and ambiguous rows follow it.
 * The import looks ahead through the file's first rows with {@link learnDateOrder} before it reads any, so
 * rows before the settling one follow it too. A file whose dates never settle it follows the separator's usual
 * convention ("/" month first as in the US, "." and "-" day first as in Europe).
 */

export type DateOrder = 'dmy' | 'mdy';

/** Mutable per-file state: the day/month order once a row has shown it. */
export interface DateOrderEvidence {
  order: DateOrder | null;
}

export function newDateOrderEvidence(): DateOrderEvidence {
  return { order: null };
}

export interface PostedDateContext {
  /** The day relative dates count back from (the file's scrape date, else the import date), YYYY-MM-DD. */
  referenceDate?: string | null;
  evidence?: DateOrderEvidence;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'] as const;

const MIN_YEAR = 1990;
const MAX_YEAR = 2100;

function isoDate(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return null;
  if (year < MIN_YEAR || year > MAX_YEAR) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function fullYear(text: string): number {
  const year = Number(text);
  return text.length === 2 ? 2000 + year : year;
}

function monthOfName(name: string): number | null {
  const index = MONTHS.indexOf(name.slice(0, 3).toLowerCase() as (typeof MONTHS)[number]);
  return index < 0 ? null : index + 1;
}

function daysBefore(reference: string, days: number): string | null {
  const base = Date.parse(`${reference}T00:00:00Z`);
  if (Number.isNaN(base)) return null;
  return new Date(base - days * 86_400_000).toISOString().slice(0, 10);
}

const ISO_RE = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:$|[T\s])/;
const NUMERIC_RE = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?:$|[T\s,])/;
const NAMED_MONTH_FIRST_RE = /^([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b/i;
const NAMED_DAY_FIRST_RE = /^(\d{1,2})(?:st|nd|rd|th)?[\s-]+([a-z]{3,9})\.?[\s-]+(\d{4})\b/i;
const RELATIVE_RE =
  /^(?:(\d{1,3})\+?\s*(day|week|month|hour|minute)s?\s+ago|today|just\s+(?:now|posted)|yesterday)$/i;
const RELATIVE_UNIT_DAYS: Readonly<Record<string, number>> = {
  minute: 0,
  hour: 0,
  day: 1,
  week: 7,
  month: 30,
};

/** The day/month order one date shows, if it shows one ("17/12/2024": day first; "12/17/2024": month first). */
export function dateOrderOf(text: string): DateOrder | null {
  const numeric = NUMERIC_RE.exec(text.trim());
  if (!numeric) return null;
  const [first, second] = [Number(numeric[1]), Number(numeric[3])];
  if (first > 12 && second <= 12) return 'dmy';
  if (second > 12 && first <= 12) return 'mdy';
  return null;
}

/** Records in `evidence` the order `text` shows, unless the file's order is already known; true once it is. */
export function learnDateOrder(text: string, evidence: DateOrderEvidence): boolean {
  evidence.order ??= dateOrderOf(text);
  return evidence.order !== null;
}

function numericDate(
  first: number,
  second: number,
  year: number,
  separator: string,
  context: PostedDateContext,
) {
  const evidence = context.evidence;
  let order: DateOrder | null = first > 12 ? 'dmy' : second > 12 ? 'mdy' : null;
  if (order !== null && evidence) evidence.order ??= order;
  order ??= evidence?.order ?? (separator === '/' ? 'mdy' : 'dmy');
  return order === 'dmy' ? isoDate(year, second, first) : isoDate(year, first, second);
}

function relativeDate(match: RegExpExecArray, reference: string | null | undefined): string | null {
  if (!reference) return null;
  const word = match[0].toLowerCase();
  if (word === 'yesterday') return daysBefore(reference, 1);
  if (match[1] === undefined) return daysBefore(reference, 0);
  return daysBefore(reference, Number(match[1]) * (RELATIVE_UNIT_DAYS[match[2]!.toLowerCase()] ?? 1));
}

/** YYYY-MM-DD, or null when the text is not a date this reads (the caller records a warning). */
export function parsePostedDate(text: string, context: PostedDateContext = {}): string | null {
  const value = text.trim();
  const iso = ISO_RE.exec(value);
  if (iso) return isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const numeric = NUMERIC_RE.exec(value);
  if (numeric) {
    return numericDate(Number(numeric[1]), Number(numeric[3]), fullYear(numeric[4]!), numeric[2]!, context);
  }
  const monthFirst = NAMED_MONTH_FIRST_RE.exec(value);
  if (monthFirst) {
    const month = monthOfName(monthFirst[1]!);
    return month === null ? null : isoDate(Number(monthFirst[3]), month, Number(monthFirst[2]));
  }
  const dayFirst = NAMED_DAY_FIRST_RE.exec(value);
  if (dayFirst) {
    const month = monthOfName(dayFirst[2]!);
    return month === null ? null : isoDate(Number(dayFirst[3]), month, Number(dayFirst[1]));
  }
  const relative = RELATIVE_RE.exec(value);
  return relative ? relativeDate(relative, context.referenceDate) : null;
}
