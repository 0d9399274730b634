import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { JOB_LIFETIME_DAYS } from '../../domain/jobs/job-lifetime.js';
import type { DbContext } from '../database.js';
import { type JOB_STATUSES, jobPostings } from '../schema.js';

export type JobPosting = typeof jobPostings.$inferSelect;
export type NewJobPosting = typeof jobPostings.$inferInsert;
export type JobStatus = (typeof JOB_STATUSES)[number];

/** The posting fields a source provides; an upsert compares exactly these to tell updated from unchanged. */
export const JOB_DATA_COLUMNS = [
  'title',
  'company',
  'location',
  'description',
  'requirements',
  'salary_range',
  'salary_min',
  'salary_max',
  'salary_currency',
  'salary_period',
  'salary_min_annual',
  'salary_max_annual',
  'contract_type',
  'experience_required',
  'experience_min',
  'experience_max',
  'skills',
  'keywords',
  'is_remote',
  'work_arrangement',
  'job_url',
  'posted_date',
  'employment_type',
  'location_city',
  'location_region',
  'location_country',
  'salary_min_exact',
  'salary_max_exact',
  'salary_source',
] as const;

/** Changing any of these changes what the job's embedding says: the old vector is dropped. */
const EMBEDDED_COLUMNS = ['title', 'skills', 'requirements', 'description'] as const;

export type JobDataColumn = (typeof JOB_DATA_COLUMNS)[number];
export type JobUpsertInput = Pick<NewJobPosting, JobDataColumn> & {
  platform: string;
  external_job_id: string;
  /** The role the posting's title maps to, when known per row (the provenance's role wins when given). */
  normalized_role_id?: number | null;
};
export interface JobUpsertProvenance {
  import_batch_id?: number | null;
  scraped_by_key_id?: number | null;
  scrape_session_id?: string | null;
  normalized_role_id?: number | null;
}
export type UpsertOutcome = 'new' | 'updated' | 'unchanged';
export interface UpsertedJob {
  id: number;
  platform: string;
  external_job_id: string;
  outcome: UpsertOutcome;
}

/** Who found a job first keeps the credit; the last import that changed it is its batch. */
const FIRST_SEEN_COLUMNS = ['scraped_by_key_id', 'scrape_session_id', 'normalized_role_id'] as const;
const PROVENANCE_COLUMNS = ['import_batch_id', ...FIRST_SEEN_COLUMNS] as const;
const tuple = (prefix: string, columns: readonly string[]) =>
  `(${columns.map((c) => `${prefix}${c}`).join(', ')})`;

/** A posting older than the job lifetime when it arrives is stored expired and never matched. */
const POSTED_TOO_LONG_AGO = (prefix: string) =>
  `COALESCE(${prefix}posted_date < current_date - ${JOB_LIFETIME_DAYS}, false)`;

/**
 * One set-based statement: insert new postings, update changed ones, leave identical ones untouched
 * (no write, no new updated_at), and report each input's id and outcome. Keys must be unique in `jobs`.
 * Rows are written in key order so that two batches sharing keys wait for each other instead of deadlocking.
 * An identical posting another transaction committed while this statement waited on it is neither written
 * nor visible to this statement's snapshot: `UNCHANGED_SQL` finds those in a statement of its own.
 */
const UPSERT_SQL = `
WITH input AS (
  SELECT * FROM jsonb_populate_recordset(NULL::job_postings, $1::jsonb)
), written AS (
  INSERT INTO job_postings AS jp (platform, external_job_id, ${JOB_DATA_COLUMNS.join(', ')}, ${PROVENANCE_COLUMNS.join(', ')}, status)
  SELECT platform, external_job_id, ${JOB_DATA_COLUMNS.join(', ')}, ${PROVENANCE_COLUMNS.join(', ')},
         CASE WHEN ${POSTED_TOO_LONG_AGO('input.')} THEN 'expired' ELSE 'active' END FROM input
  ORDER BY platform, external_job_id
  ON CONFLICT (platform, external_job_id) DO UPDATE SET
    ${JOB_DATA_COLUMNS.map((c) => `${c} = EXCLUDED.${c}`).join(',\n    ')},
    import_batch_id = COALESCE(EXCLUDED.import_batch_id, jp.import_batch_id),
    ${FIRST_SEEN_COLUMNS.map((c) => `${c} = COALESCE(jp.${c}, EXCLUDED.${c})`).join(',\n    ')},
    embedding = CASE WHEN ${tuple('jp.', EMBEDDED_COLUMNS)} IS DISTINCT FROM ${tuple('EXCLUDED.', EMBEDDED_COLUMNS)}
                THEN NULL ELSE jp.embedding END,
    embedding_model = CASE WHEN ${tuple('jp.', EMBEDDED_COLUMNS)} IS DISTINCT FROM ${tuple('EXCLUDED.', EMBEDDED_COLUMNS)}
                THEN NULL ELSE jp.embedding_model END,
    status = CASE WHEN jp.status = 'expired' AND EXCLUDED.posted_date > jp.posted_date
                       AND NOT ${POSTED_TOO_LONG_AGO('EXCLUDED.')} THEN 'active' ELSE jp.status END,
    updated_at = now()
  WHERE ${tuple('jp.', JOB_DATA_COLUMNS)} IS DISTINCT FROM ${tuple('EXCLUDED.', JOB_DATA_COLUMNS)}
  RETURNING jp.id, jp.platform, jp.external_job_id, CASE WHEN jp.xmax = 0 THEN 'new' ELSE 'updated' END AS outcome
)
SELECT id, platform, external_job_id, outcome FROM written
UNION ALL
SELECT jp.id, jp.platform, jp.external_job_id, 'unchanged'
FROM input JOIN job_postings jp USING (platform, external_job_id)
WHERE NOT EXISTS (SELECT 1 FROM written w WHERE w.platform = input.platform AND w.external_job_id = input.external_job_id)`;

/** A new statement, so a new snapshot under READ COMMITTED: it sees postings committed during the upsert. */
const UNCHANGED_SQL = `
SELECT jp.id, jp.platform, jp.external_job_id, 'unchanged' AS outcome
FROM jsonb_to_recordset($1::jsonb) AS missing(platform text, external_job_id text)
JOIN job_postings jp USING (platform, external_job_id)`;

const keyOf = (job: { platform: string; external_job_id: string }) =>
  `${job.platform}\u0000${job.external_job_id}`;

export function jobPostingRepository({ db, sql: raw }: DbContext) {
  return {
    async upsertMany(
      jobs: readonly JobUpsertInput[],
      provenance: JobUpsertProvenance = {},
    ): Promise<UpsertedJob[]> {
      if (jobs.length === 0) return [];
      const rows = jobs.map((job) => ({ ...job, ...provenance }));
      const { rows: written } = await raw.query<UpsertedJob>(UPSERT_SQL, [JSON.stringify(rows)]);
      if (written.length === jobs.length) return written;
      const seen = new Set(written.map(keyOf));
      const missing = jobs
        .filter((job) => !seen.has(keyOf(job)))
        .map(({ platform, external_job_id }) => ({ platform, external_job_id }));
      const { rows: unchanged } = await raw.query<UpsertedJob>(UNCHANGED_SQL, [JSON.stringify(missing)]);
      if (written.length + unchanged.length !== jobs.length) {
        throw new Error(
          `upsert accounted for ${written.length + unchanged.length} of ${jobs.length} postings`,
        );
      }
      return [...written, ...unchanged];
    },
    async insert(input: NewJobPosting): Promise<JobPosting> {
      const [row] = await db.insert(jobPostings).values(input).returning();
      return row!;
    },
    async findById(id: number): Promise<JobPosting | undefined> {
      const [row] = await db.select().from(jobPostings).where(eq(jobPostings.id, id));
      return row;
    },
    async findByExternalId(platform: string, externalJobId: string): Promise<JobPosting | undefined> {
      const [row] = await db
        .select()
        .from(jobPostings)
        .where(and(eq(jobPostings.platform, platform), eq(jobPostings.external_job_id, externalJobId)));
      return row;
    },
    findByIds(ids: number[]): Promise<JobPosting[]> {
      if (ids.length === 0) return Promise.resolve([]);
      return db.select().from(jobPostings).where(inArray(jobPostings.id, ids));
    },
    listActive(options: { limit?: number; offset?: number } = {}): Promise<JobPosting[]> {
      return db
        .select()
        .from(jobPostings)
        .where(eq(jobPostings.status, 'active'))
        .orderBy(desc(jobPostings.imported_at), desc(jobPostings.id))
        .limit(options.limit ?? 50)
        .offset(options.offset ?? 0);
    },
    async setStatus(id: number, status: JobStatus): Promise<JobPosting | undefined> {
      const [row] = await db
        .update(jobPostings)
        .set({ status, updated_at: sql`now()` })
        .where(eq(jobPostings.id, id))
        .returning();
      return row;
    },
  };
}
