/**
 * Seniority fit: the posting's level against the candidate's.
 *
 * Levels are read from titles by their level words ("Jr", "Graduate", "Senior", "Lead", "Principal",
 * "Head of", "Director"...), roman or numeric grades ("Engineer II", "Data Engineer 4" read as mid / senior
 * the way ladders usually run) and nothing else. The posting's level comes from its title, else from its
 * minimum years (MIN_YEARS_LEVELS); the candidate's from their current title or, when they asked for roles,
 * the highest level among those roles (what they want next), else from their years (YEARS_LEVELS).
 *
 * Score by the gap (candidate level - posting level): 0 → 100; over-qualified +1 → 90, +2 → 70, +3 or more
 * → 45 (a senior asking for senior roles does not want a junior one); under-qualified -1 → 80, -2 → 50, -3
 * or more → 20: a stretch of one level is common, two is a different job. Unknown on either side → no
 * evidence.
 */

export const LEVELS = ['intern', 'junior', 'mid', 'senior', 'lead', 'principal'] as const;
export type Level = (typeof LEVELS)[number];

const LEVEL_WORDS: readonly [RegExp, Level][] = [
  [/\b(?:interns?|internship|trainee|apprentice|placement|student)\b/i, 'intern'],
  [/\b(?:head of|director|vp|vice president|chief|cto|cio|cdo)\b/i, 'principal'],
  [/\b(?:principal|staff|distinguished)\b/i, 'principal'],
  [/\b(?:lead|leader|manager|architect)\b/i, 'lead'],
  [/\b(?:senior|snr|sr)\b\.?/i, 'senior'],
  [/\b(?:junior|jnr|jr|graduate|grad|entry[- ]level|associate|college hire|fresher)\b\.?/i, 'junior'],
  [/\b(?:mid[- ]level|intermediate)\b/i, 'mid'],
  [/\b(?:iv|v|4|5)\b(?!\s*(?:years?|yrs?|\+))/i, 'senior'],
  [/\b(?:ii|iii|2|3)\b(?!\s*(?:years?|yrs?|\+))/i, 'mid'],
  [/\b(?:I|1)\b(?!\s*(?:years?|yrs?|\+))/, 'junior'],
];

/** The level a title names, or null when it names none. The first matching rule wins. */
export function levelFromTitle(title: string | null | undefined): Level | null {
  if (typeof title !== 'string' || title.trim() === '') return null;
  for (const [pattern, level] of LEVEL_WORDS) if (pattern.test(title)) return level;
  return null;
}

function levelFromYears(years: number, thresholds: readonly [number, Level][]): Level {
  let level: Level = thresholds[0]![1];
  for (const [from, at] of thresholds) if (years >= from) level = at;
  return level;
}

/** A candidate's level from their years: 0-1 junior, 2-4 mid, 5-9 senior, 10+ lead. */
const YEARS_LEVELS: readonly [number, Level][] = [
  [0, 'junior'],
  [2, 'mid'],
  [5, 'senior'],
  [10, 'lead'],
];
/** A posting's level from the minimum years it asks: 0-1 junior, 2-4 mid, 5-7 senior, 8+ lead. */
const MIN_YEARS_LEVELS: readonly [number, Level][] = [
  [0, 'junior'],
  [2, 'mid'],
  [5, 'senior'],
  [8, 'lead'],
];

export type LevelSource = 'title' | 'preferred roles' | 'years';

export interface KnownLevel {
  level: Level;
  source: LevelSource;
}

export function jobLevel(title: string, experienceMin: number | null): KnownLevel | null {
  const fromTitle = levelFromTitle(title);
  if (fromTitle !== null) return { level: fromTitle, source: 'title' };
  if (experienceMin !== null && Number.isFinite(experienceMin) && experienceMin >= 0) {
    return { level: levelFromYears(experienceMin, MIN_YEARS_LEVELS), source: 'years' };
  }
  return null;
}

export function candidateLevel(
  title: string | null | undefined,
  preferredRoles: readonly string[] | undefined,
  years: number | null,
): KnownLevel | null {
  let wanted: Level | null = null;
  for (const role of preferredRoles ?? []) {
    const level = levelFromTitle(role);
    if (level !== null && (wanted === null || LEVELS.indexOf(level) > LEVELS.indexOf(wanted))) wanted = level;
  }
  if (wanted !== null) return { level: wanted, source: 'preferred roles' };
  const fromTitle = levelFromTitle(title);
  if (fromTitle !== null) return { level: fromTitle, source: 'title' };
  if (years !== null && Number.isFinite(years) && years >= 0) {
    return { level: levelFromYears(years, YEARS_LEVELS), source: 'years' };
  }
  return null;
}

const OVER_SCORES = [100, 90, 70, 45];
const UNDER_SCORES = [100, 80, 50, 20];

export type SeniorityFit =
  | { kind: 'unknown' }
  | { kind: 'fits' | 'over' | 'under'; gap: number; job: KnownLevel; candidate: KnownLevel };

export interface SeniorityMatch {
  score: number;
  fit: SeniorityFit;
}

export function scoreSeniority(candidate: KnownLevel | null, job: KnownLevel | null): SeniorityMatch {
  if (candidate === null || job === null) return { score: 0, fit: { kind: 'unknown' } };
  const gap = LEVELS.indexOf(candidate.level) - LEVELS.indexOf(job.level);
  const steps = Math.min(3, Math.abs(gap));
  const score = gap >= 0 ? OVER_SCORES[steps]! : UNDER_SCORES[steps]!;
  const kind = gap === 0 ? 'fits' : gap > 0 ? 'over' : 'under';
  return { score, fit: { kind, gap, job, candidate } };
}
