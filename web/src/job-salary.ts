import { formatSalaryRange } from './format';
import type { JobDetail } from './types';

type SalaryFields = Pick<
  JobDetail,
  | 'salary_range'
  | 'salary_min'
  | 'salary_max'
  | 'salary_min_exact'
  | 'salary_max_exact'
  | 'salary_currency'
  | 'salary_period'
  | 'salary_source'
>;

const SALARY_SOURCE_NOTE: Record<NonNullable<JobDetail['salary_source']>, string> = {
  columns: 'from the amount columns',
  salary_text: 'from the salary text',
  description: 'read from the description',
};

/** The stated pay in its own period, to the cent when it has cents ("$46.23 – $72.23 per hour"). */
export function statedSalary(j: SalaryFields): string {
  const min = j.salary_min_exact ?? j.salary_min;
  const max = j.salary_max_exact ?? j.salary_max;
  const hasCents = [min, max].some((v) => v != null && !Number.isInteger(v));
  const range = formatSalaryRange(min, max, j.salary_currency, hasCents ? 2 : 0);
  return range === '—' ? range : `${range}${j.salary_period ? ` per ${j.salary_period}` : ''}`;
}

/** The parsed pay in its own period; when the posting's salary text gave no figures, says so (not a dash). */
export function parsedSalary(j: SalaryFields): string {
  const stated = statedSalary(j);
  return stated === '—' && j.salary_range ? 'not read from the salary text' : stated;
}

/**
 * The salary as the source wrote it: its text, else the figures it came from (JobSpy's amount columns, or the
 * description when those are empty) with where they were read; a dash only when the posting states no pay.
 */
export function postedSalary(j: SalaryFields): string {
  if (j.salary_range) return j.salary_range;
  const stated = statedSalary(j);
  if (stated === '—') return '—';
  return j.salary_source ? `${stated} (${SALARY_SOURCE_NOTE[j.salary_source]})` : stated;
}
