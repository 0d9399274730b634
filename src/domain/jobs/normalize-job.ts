import type { FieldProblem } from '../../errors.js';
import { parseExperience } from '../experience.js';
import { extractKeywords, stripHtml } from '../keywords.js';
import { type CountryEvidence, type PlaceLookup, parseLocationInFile } from '../location.js';
import { parseWorkArrangement } from '../remote.js';
import {
  parseSalaryWithProblems,
  periodFromInterval,
  type SalaryParse,
  salaryFromAmounts,
} from '../salary.js';
import type { SkillMatcher } from '../skills.js';
import { parseEmploymentTerms } from './employment-type.js';
import { canonicalJobUrl, deriveExternalJobId } from './external-id.js';
import type { JobRecord } from './job-record.js';
import { type DateOrderEvidence, parsePostedDate } from './posted-date.js';

export { parsePostedDate } from './posted-date.js';

/** Where the stored salary was read from. */
export type SalarySource = 'columns' | 'salary_text' | 'description';

/** A posting ready to store: the job_postings columns that come from the source row. */
export interface NormalizedJob {
  external_job_id: string;
  platform: string;
  title: string;
  company: string | null;
  location: string | null;
  description: string | null;
  requirements: string | null;
  salary_range: string | null;
  salary_min: number | null;
  salary_max: number | null;
  salary_min_exact: number | null;
  salary_max_exact: number | null;
  salary_source: SalarySource | null;
  salary_currency: string | null;
  salary_period: string | null;
  salary_min_annual: number | null;
  salary_max_annual: number | null;
  contract_type: string | null;
  experience_required: string | null;
  experience_min: number | null;
  experience_max: number | null;
  skills: string[];
  keywords: string[];
  is_remote: boolean;
  work_arrangement: string | null;
  job_url: string | null;
  posted_date: string | null;
  employment_type: string | null;
  location_city: string | null;
  location_region: string | null;
  location_country: string | null;
}

/**
 * A row is rejected only for its required fields (title, platform, a usable id); an optional field that
 * cannot be read is stored as null and reported as a warning, so nothing valid is lost.
 */
export type NormalizeResult =
  | { ok: true; job: NormalizedJob; warnings: FieldProblem[] }
  | { ok: false; errors: FieldProblem[] };

export interface NormalizeContext {
  /** Used when the row names no platform of its own. */
  platform?: string | undefined;
  skills: SkillMatcher;
  /** The day relative dates ("3 days ago") count back from: the file's scrape date or the import's. */
  referenceDate?: string | null;
  /** The file's day/month order, learnt from its rows (one object per file). */
  dateOrder?: DateOrderEvidence;
  /** A gazetteer (`src/geo/gazetteer.ts` `placesNamed`): a bare city gets its country from it. */
  places?: PlaceLookup | undefined;
  /** The countries of the file's rows so far (one object per file): ambiguous codes lean to the file's. */
  countries?: CountryEvidence | undefined;
}

const PLATFORM = /^[a-z0-9][a-z0-9_.-]{0,49}$/;
const MAX_SKILLS = 100;
const SKILL_LENGTH = 100;
const DESCRIPTION_SCAN_LIMIT = 20_000;
const SALARY_RANGE_LENGTH = 255;

/** PostgreSQL text cannot hold NUL; other control characters but tab and newlines are noise. */
const clean = (text: string | undefined): string | undefined => {
  if (text === undefined) return undefined;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point.
  const cleaned = text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '').trim();
  return cleaned === '' ? undefined : cleaned;
};

/** Glassdoor-style "Acme\n3.8": a company name is one line; the rest is decoration. */
const firstLine = (text: string | undefined) =>
  clean(text?.split(/\r?\n/).find((line) => line.trim() !== ''));

/**
 * A location list too long for its column ("London; Paris; ... 40 cities") keeps as many whole entries as
 * fit and says how many more there were, instead of failing the row or cutting a name in half.
 */
export function fitLocationList(location: string, max = 255): string {
  if (location.length <= max) return location;
  const parts = location.split(/\s*[;|\n]\s*/);
  let kept = '';
  for (let index = 0; index < parts.length; index += 1) {
    const next = kept ? `${kept}; ${parts[index]}` : parts[index]!;
    const suffix = ` (+${parts.length - index - 1} more)`;
    if (next.length + suffix.length > max) {
      return kept ? `${kept} (+${parts.length - index} more)` : `${location.slice(0, max - 1)}…`;
    }
    kept = next;
  }
  return kept;
}

function parseAmount(text: string | undefined): number | null | 'invalid' {
  if (text === undefined) return null;
  const normalized = text.replace(/[,\s]/g, '').replace(/^[$£€₹]/, '');
  if (normalized === '' || /^(nan|null|none)$/i.test(normalized)) return null;
  const value = Number(normalized);
  return Number.isFinite(value) && value >= 0 ? value : 'invalid';
}

function splitList(text: string | undefined): string[] {
  if (!text) return [];
  const trimmed = text.trim();
  if (trimmed.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(trimmed);
      if (Array.isArray(parsed)) return parsed.map(String);
    } catch {
      // not JSON: split as text below
    }
  }
  return trimmed.split(/\s*[,;|\n]\s*/).filter(Boolean);
}

type StoredSalary = SalaryParse & { salary_range: string | null; salary_source: SalarySource | null };

/** Salary from the amount columns, else the salary text, else the description (JobSpy leaves columns empty). */
function salaryOf(record: JobRecord, plainDescription: string, warnings: FieldProblem[]): StoredSalary {
  const min = parseAmount(record.salary_min);
  const max = parseAmount(record.salary_max);
  if (min === 'invalid')
    warnings.push({ field: 'salary_min', message: `"${record.salary_min?.slice(0, 40)}" is not an amount` });
  if (max === 'invalid')
    warnings.push({ field: 'salary_max', message: `"${record.salary_max?.slice(0, 40)}" is not an amount` });
  let raw = clean(record.salary_range) ?? null;
  if (raw && raw.length > SALARY_RANGE_LENGTH) {
    warnings.push({
      field: 'salary_range',
      message: `longer than ${SALARY_RANGE_LENGTH} characters: not stored`,
    });
    raw = null;
  }
  const hints = {
    currency: clean(record.salary_currency) ?? null,
    period: periodFromInterval(record.salary_period),
  };
  const amounts = { min: min === 'invalid' ? null : min, max: max === 'invalid' ? null : max };
  if (amounts.min !== null || amounts.max !== null) {
    const structured = salaryFromAmounts({
      ...amounts,
      currency: hints.currency,
      interval: record.salary_period ?? null,
    });
    if (structured.salary_min !== null || structured.salary_max !== null) {
      return { ...structured, salary_range: raw, salary_source: 'columns' };
    }
    warnings.push({ field: 'salary_min', message: 'the amounts are not a plausible salary: not stored' });
  }
  const text = parseSalaryWithProblems(raw, hints);
  const fromText = text.salary;
  if (fromText.salary_min !== null || fromText.salary_max !== null) {
    return { ...fromText, salary_range: raw, salary_source: 'salary_text' };
  }
  // "$1", "$99,999,999", "£50,000 - $70,000": figures that are not a plausible salary are not stored as one
  // (Glassdoor's "-1" is its placeholder for none).
  if (raw !== null && /\d/.test(raw) && !/^\s*-\d+\s*$/.test(raw)) {
    warnings.push({
      field: 'salary_range',
      message: text.mixedCurrencies
        ? `"${raw.slice(0, 60)}" states amounts in different currencies: no salary stored`
        : `"${raw.slice(0, 60)}" is not a plausible salary: not parsed`,
    });
  }
  const description = parseSalaryWithProblems(plainDescription, hints);
  const fromDescription = description.salary;
  if (fromDescription.salary_min !== null || fromDescription.salary_max !== null) {
    return { ...fromDescription, salary_range: raw, salary_source: 'description' };
  }
  if (description.mixedCurrencies) {
    warnings.push({
      field: 'description',
      message: 'the pay in the description is stated in different currencies: no salary stored',
    });
  }
  return { ...fromText, salary_range: raw, salary_source: null };
}

function lengthProblem(field: string, value: string | undefined, max: number): FieldProblem | null {
  return value !== undefined && value.length > max
    ? { field, message: `longer than ${max} characters` }
    : null;
}

/** Turns one mapped row into a posting, or says which fields are wrong. Pure. */
export function normalizeJobRecord(record: JobRecord, context: NormalizeContext): NormalizeResult {
  const problems: FieldProblem[] = [];
  const warnings: FieldProblem[] = [];
  const title = clean(record.title)?.replace(/\s+/g, ' ');
  if (!title) problems.push({ field: 'title', message: 'is required' });

  const platform = (clean(record.platform) ?? context.platform)?.toLowerCase();
  if (!platform)
    problems.push({ field: 'platform', message: 'is required (give --platform or a platform column)' });
  else if (!PLATFORM.test(platform)) {
    problems.push({
      field: 'platform',
      message: `"${platform}" is not a platform name (a-z, 0-9, _ . -; max 50)`,
    });
  }

  const fullCompany = firstLine(record.company);
  const company = optionalText('company', fullCompany, 255, warnings);
  const fullLocation = clean(record.location)?.replace(/\s+/g, ' ');
  const location = fullLocation === undefined ? undefined : fitLocationList(fullLocation);
  const description = clean(record.description);
  const requirements = clean(record.requirements);
  const externalId = clean(record.external_job_id);

  let jobUrl: string | null = null;
  const rawUrl = clean(record.job_url);
  if (rawUrl) {
    if (!canonicalJobUrl(rawUrl))
      warnings.push({
        field: 'job_url',
        message: `"${rawUrl.slice(0, 80)}" is not an http(s) URL: not stored`,
      });
    else jobUrl = rawUrl;
  }

  let postedDate: string | null = null;
  const rawDate = clean(record.posted_date);
  if (rawDate) {
    postedDate = parsePostedDate(rawDate, {
      referenceDate: context.referenceDate ?? null,
      ...(context.dateOrder ? { evidence: context.dateOrder } : {}),
    });
    if (!postedDate)
      warnings.push({ field: 'posted_date', message: `"${rawDate.slice(0, 40)}" is not a date: not stored` });
  }

  for (const problem of [
    lengthProblem('title', title, 500),
    lengthProblem('external_job_id', externalId, 255),
  ]) {
    if (problem) problems.push(problem);
  }
  if (problems.length > 0 || !title || !platform) return { ok: false, errors: problems };

  const plainDescription = description ? stripHtml(description).slice(0, DESCRIPTION_SCAN_LIMIT) : '';
  const plainRequirements = requirements ? stripHtml(requirements) : '';
  const salary = salaryOf(record, plainDescription, warnings);
  const terms = parseEmploymentTerms(clean(record.employment_type), title);

  const declaredExperience = clean(record.experience_required);
  const experience = parseExperience(
    declaredExperience ?? [plainRequirements, plainDescription].filter(Boolean).join('\n'),
  );
  const experienceText =
    declaredExperience && declaredExperience.length <= 100
      ? declaredExperience
      : experience.experience_required;

  const skills = context.skills
    .canonicalizeList([
      ...splitList(record.skills),
      ...context.skills.extract([title, plainRequirements, plainDescription].join('\n')),
    ])
    .filter((skill) => skill.length <= SKILL_LENGTH)
    .slice(0, MAX_SKILLS);

  const arrangement = parseWorkArrangement({
    title,
    location: location ?? null,
    description: plainDescription,
    isRemoteFlag: clean(record.is_remote) ?? null,
    workFromHomeType: clean(record.work_arrangement) ?? null,
  });
  const place = parseLocationInFile(fullLocation, context.places, context.countries);

  return {
    ok: true,
    warnings,
    job: {
      external_job_id:
        externalId ??
        deriveExternalJobId({ job_url: jobUrl ?? undefined, title, company: fullCompany, location }),
      platform,
      title,
      company: company ?? null,
      location: location ?? null,
      description: description ?? null,
      requirements: requirements ?? null,
      salary_range: salary.salary_range,
      salary_min: salary.salary_min,
      salary_max: salary.salary_max,
      salary_min_exact: salary.salary_min_exact,
      salary_max_exact: salary.salary_max_exact,
      salary_source: salary.salary_source,
      salary_currency: salary.salary_currency,
      salary_period: salary.salary_period,
      salary_min_annual: salary.salary_min_annual,
      salary_max_annual: salary.salary_max_annual,
      contract_type: salary.contract_type ?? terms.contract_type,
      experience_required: experienceText,
      experience_min: experience.experience_min,
      experience_max: experience.experience_max,
      skills,
      keywords: extractKeywords({
        title,
        description: plainDescription,
        requirements: plainRequirements,
        skills,
      }),
      is_remote: arrangement.is_remote || place.is_remote,
      work_arrangement: arrangement.work_arrangement ?? (place.is_remote ? 'remote' : null),
      job_url: jobUrl,
      posted_date: postedDate,
      employment_type: terms.employment_type,
      location_city: place.city,
      location_region: place.region,
      location_country: place.country,
    },
  };
}

/** An optional text too long for its column is stored cut at a word, with a warning. */
function optionalText(
  field: string,
  value: string | undefined,
  max: number,
  warnings: FieldProblem[],
): string | undefined {
  if (value === undefined || value.length <= max) return value;
  warnings.push({ field, message: `longer than ${max} characters: stored shortened` });
  const cut = value.slice(0, max - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max / 2))}…`;
}
