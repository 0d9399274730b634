import type { DbContext } from '../db/database.js';
import type { ListSpec, SortOrder } from '../db/list-page.js';
import type { JOB_STATUSES, SALARY_SOURCES } from '../db/schema.js';
import { AppError } from '../errors.js';

export type JobStatusFilter = (typeof JOB_STATUSES)[number];

export interface JobSearchFilters {
  /** Words in the title, company or description. */
  q?: string;
  /** Every one of these skills (case-insensitive). */
  skills?: string[];
  company?: string;
  location?: string;
  remote?: boolean;
  /** Annual salary range the job's range must reach into. */
  salaryMin?: number;
  salaryMax?: number;
  status?: JobStatusFilter;
  sort?: JobSort | undefined;
  order?: SortOrder | undefined;
  limit: number;
  offset: number;
}

/**
 * Job postings as a list: `q` searches title, company and description (its words, see the filters); newest
 * posting first by default. Columns are of `job_postings`.
 */
export const JOB_LIST = {
  search: ['title', 'company', 'description'],
  sort: {
    posted_date: { column: 'posted_date', order: 'desc' },
    salary: { column: 'salary_max_annual', order: 'desc' },
    title: { column: 'title', order: 'asc' },
    company: { column: 'company', order: 'asc' },
  },
  defaultSort: 'posted_date',
} as const satisfies ListSpec;
export type JobSort = keyof typeof JOB_LIST.sort;

/** The ORDER BY of a job search: the default keeps postings of a day in import order. */
function jobOrder(filters: JobSearchFilters): string {
  const key = filters.sort ?? JOB_LIST.defaultSort;
  const { column, order: natural } = JOB_LIST.sort[key];
  const order = (filters.order ?? natural) === 'desc' ? 'DESC' : 'ASC';
  const then = key === 'posted_date' ? `, j.imported_at ${order}` : '';
  return `j.${column} ${order} NULLS LAST${then}, j.id ${order}`;
}

export interface JobListItem {
  id: number;
  title: string;
  company: string | null;
  location: string | null;
  is_remote: boolean;
  work_arrangement: string | null;
  employment_type: string | null;
  salary_range: string | null;
  salary_min_annual: number | null;
  salary_max_annual: number | null;
  salary_currency: string | null;
  skills: string[];
  status: string | null;
  platform: string;
  posted_date: string | null;
  imported_at: Date;
  role_name: string | null;
}

export interface JobDetail extends JobListItem {
  external_job_id: string | null;
  description: string | null;
  requirements: string | null;
  salary_min: number | null;
  salary_max: number | null;
  salary_period: string | null;
  /** The amounts to the cent, and where the salary was read (columns, salary_text, description). */
  salary_min_exact: number | null;
  salary_max_exact: number | null;
  salary_source: (typeof SALARY_SOURCES)[number] | null;
  contract_type: string | null;
  experience_required: string | null;
  experience_min: number | null;
  experience_max: number | null;
  keywords: string[];
  job_url: string | null;
  location_city: string | null;
  location_region: string | null;
  location_country: string | null;
  normalized_role_id: number | null;
  updated_at: Date;
}

const LIST_COLUMNS = `j.id, j.title, j.company, j.location, coalesce(j.is_remote, false) AS is_remote,
  j.work_arrangement, j.employment_type, j.salary_range, j.salary_min_annual, j.salary_max_annual,
  j.salary_currency, coalesce(j.skills, '{}') AS skills, j.status, j.platform, j.posted_date::text AS posted_date,
  j.imported_at, r.name AS role_name`;

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, '\\$&')}%`;

/** Builds the WHERE clause and its parameters from the filters that are set. */
function whereClause(filters: JobSearchFilters): { where: string; params: unknown[] } {
  const conditions: string[] = [];
  const params: unknown[] = [];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  if (filters.status) conditions.push(`j.status = ${param(filters.status)}`);
  const q = filters.q?.trim();
  if (q) {
    const p = param(likePattern(q));
    conditions.push(`(j.title ILIKE ${p} OR j.company ILIKE ${p} OR j.description ILIKE ${p})`);
  }
  const skills = [...new Set((filters.skills ?? []).map((s) => s.trim().toLowerCase()).filter(Boolean))];
  if (skills.length > 0) {
    const p = param(skills);
    conditions.push(
      `(SELECT count(DISTINCT lower(s)) FROM unnest(j.skills) AS s WHERE lower(s) = ANY(${p}::text[])) = cardinality(${p}::text[])`,
    );
  }
  if (filters.company?.trim())
    conditions.push(`j.company ILIKE ${param(likePattern(filters.company.trim()))}`);
  if (filters.location?.trim())
    conditions.push(`j.location ILIKE ${param(likePattern(filters.location.trim()))}`);
  if (filters.remote !== undefined)
    conditions.push(`coalesce(j.is_remote, false) = ${param(filters.remote)}`);
  if (filters.salaryMin !== undefined) {
    conditions.push(`coalesce(j.salary_max_annual, j.salary_min_annual) >= ${param(filters.salaryMin)}`);
  }
  if (filters.salaryMax !== undefined) {
    conditions.push(`coalesce(j.salary_min_annual, j.salary_max_annual) <= ${param(filters.salaryMax)}`);
  }
  return { where: conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '', params };
}

/** Job postings (shared by all agencies) matching the filters, newest posting first. */
export async function searchJobs(
  ctx: DbContext,
  filters: JobSearchFilters,
): Promise<{ items: JobListItem[]; total: number }> {
  if (
    filters.salaryMin !== undefined &&
    filters.salaryMax !== undefined &&
    filters.salaryMin > filters.salaryMax
  ) {
    throw new AppError('validation_failed', 'salary_min must not exceed salary_max.', {
      errors: [{ field: 'salary_min', message: 'must not exceed salary_max' }],
    });
  }
  const { where, params } = whereClause(filters);
  const n = params.length;
  const { rows } = await ctx.sql.query<JobListItem & { total: number }>(
    `SELECT ${LIST_COLUMNS}, count(*) OVER () AS total
       FROM job_postings j LEFT JOIN global_roles r ON r.id = j.normalized_role_id
       ${where}
      ORDER BY ${jobOrder(filters)}
      LIMIT $${n + 1} OFFSET $${n + 2}`,
    [...params, filters.limit, filters.offset],
  );
  const total = rows[0]?.total ?? (filters.offset > 0 ? await countJobs(ctx, where, params) : 0);
  return { items: rows.map(({ total: _total, ...item }) => item), total: Number(total) };
}

async function countJobs(ctx: DbContext, where: string, params: unknown[]): Promise<number> {
  const { rows } = await ctx.sql.query<{ total: number }>(
    `SELECT count(*)::int AS total FROM job_postings j ${where}`,
    params,
  );
  return Number(rows[0]?.total ?? 0);
}

/** One posting with its parsed fields and its raw text. */
export async function getJob(ctx: DbContext, id: number): Promise<JobDetail> {
  const { rows } = await ctx.sql.query<JobDetail>(
    `SELECT ${LIST_COLUMNS}, j.external_job_id, j.description, j.requirements, j.salary_min, j.salary_max,
            j.salary_period, j.salary_min_exact::float8 AS salary_min_exact,
            j.salary_max_exact::float8 AS salary_max_exact, j.salary_source, j.contract_type, j.experience_required, j.experience_min, j.experience_max,
            coalesce(j.keywords, '{}') AS keywords, j.job_url, j.location_city, j.location_region,
            j.location_country, j.normalized_role_id, j.updated_at
       FROM job_postings j LEFT JOIN global_roles r ON r.id = j.normalized_role_id
      WHERE j.id = $1`,
    [id],
  );
  const job = rows[0];
  if (!job) throw AppError.notFound(`Job ${id}`);
  return job;
}

/** Marks active jobs older than `lifetimeDays` expired; returns their ids. */
export async function expireJobsOlderThan(ctx: DbContext, lifetimeDays: number): Promise<number[]> {
  const { rows } = await ctx.sql.query<{ id: number }>(
    `UPDATE job_postings SET status = 'expired', updated_at = now()
       WHERE status = 'active'
         AND COALESCE(posted_date::timestamptz, imported_at) < now() - make_interval(days => $1)
       RETURNING id`,
    [lifetimeDays],
  );
  return rows.map((row) => row.id);
}
