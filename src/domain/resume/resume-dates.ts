/**
 * Date ranges in resumes ("November 2017 to Present", "Jan 2015 - Mar 2018", "03/2016 – 12/2019", "2012 - 2014")
 * and the months they cover. Months are counted as `year * 12 + month` (month 0-11). Pure.
 */

export interface MonthRange {
  /** First month, `year * 12 + month`. */
  start: number;
  /** Last month (inclusive); the reference month when the range is open ("to Present"). */
  end: number;
  current: boolean;
  /** Character span of the range in the searched text. */
  from: number;
  to: number;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_WORD = String.raw`(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`;
const YEAR = String.raw`(?:19[5-9]\d|20\d\d)`;
const POINT = String.raw`(?:${MONTH_WORD}\s*[',]?\s*${YEAR}|(?:0?[1-9]|1[0-2])\s*[/.-]\s*${YEAR}|${YEAR})`;
const OPEN_END = String.raw`(?:present|current(?:ly)?|now|today|till\s+date|to\s+date|date|ongoing)`;
const RANGE = new RegExp(
  String.raw`(?<![\w/])(?<start>${POINT})\s*(?:to|till|until|[-–—~]+|through)\s*(?<end>${POINT}|${OPEN_END})(?![\w/])`,
  'giu',
);

/** A point as a month number; a bare year is its first month when starting, last when ending. */
export function monthOf(point: string, isEnd: boolean): number | null {
  const text = point.toLowerCase();
  const year = /(19[5-9]\d|20\d\d)/.exec(text);
  if (!year) return null;
  const yearNumber = Number(year[1]);
  const word = /[a-z]{3}/.exec(text);
  if (word) {
    const month = MONTHS.indexOf(word[0]);
    return month < 0 ? null : yearNumber * 12 + month;
  }
  const numeric = /^(\d{1,2})\s*[/.-]/.exec(text);
  if (numeric) return yearNumber * 12 + Number(numeric[1]) - 1;
  return yearNumber * 12 + (isEnd ? 11 : 0);
}

export function findDateRanges(text: string, referenceMonth: number): MonthRange[] {
  const ranges: MonthRange[] = [];
  for (const match of text.matchAll(RANGE)) {
    const { start: startText, end: endText } = match.groups as { start: string; end: string };
    const start = monthOf(startText, false);
    const current = !/\d/.test(endText);
    const end = current ? referenceMonth : monthOf(endText, true);
    if (start === null || end === null || end < start || start > referenceMonth) continue;
    ranges.push({
      start,
      end: Math.min(end, referenceMonth),
      current,
      from: match.index,
      to: match.index + match[0].length,
    });
  }
  return ranges;
}

/** Months covered by the union of the ranges: overlapping jobs count once. */
export function coveredMonths(ranges: readonly Pick<MonthRange, 'start' | 'end'>[]): number {
  const sorted = [...ranges].sort((a, b) => a.start - b.start);
  let total = 0;
  let run: { start: number; end: number } | null = null;
  for (const range of sorted) {
    if (run && range.start <= run.end + 1) run.end = Math.max(run.end, range.end);
    else {
      if (run) total += run.end - run.start + 1;
      run = { start: range.start, end: range.end };
    }
  }
  return run ? total + run.end - run.start + 1 : total;
}

export const monthNumber = (date: Date) => date.getUTCFullYear() * 12 + date.getUTCMonth();
export const monthLabel = (month: number) =>
  `${Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}`;
