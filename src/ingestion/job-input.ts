import { z } from 'zod';
import type { JobRecord } from '../domain/jobs/job-record.js';
import type { NormalizedJob } from '../domain/jobs/normalize-job.js';
import type { SkillMatcher } from '../domain/skills.js';
import type { FieldProblem } from '../errors.js';
import { newJobBatch } from './job-batch.js';

const text = (max: number) => z.string().max(max);
const amount = z.union([z.number().finite().nonnegative(), z.string().max(50)]);

/** Jobmatch's job schema: what the scraper API accepts, and what an import in the Jobmatch layout holds. */
export const jobInputSchema = z
  .object({
    external_job_id: z.union([z.string().min(1).max(255), z.number().int()]).optional(),
    platform: z.string().min(1).max(50).optional(),
    title: z.string().min(1).max(500),
    company: text(255).nullish(),
    location: text(2000).nullish(),
    description: text(200_000).nullish(),
    requirements: text(50_000).nullish(),
    salary_range: text(255).nullish(),
    salary_min: amount.nullish(),
    salary_max: amount.nullish(),
    salary_currency: text(10).nullish(),
    salary_period: text(20).nullish(),
    experience_required: text(500).nullish(),
    skills: z.union([z.array(z.string().max(100)).max(200), z.string().max(5000)]).nullish(),
    is_remote: z.union([z.boolean(), z.string().max(20)]).nullish(),
    work_arrangement: text(50).nullish(),
    job_url: z.string().max(2000).nullish(),
    posted_date: text(40).nullish(),
    employment_type: text(50).nullish(),
  })
  .meta({
    id: 'JobInput',
    example: {
      external_job_id: 'indeed-7c1e9a',
      platform: 'indeed',
      title: 'Senior Python Developer',
      company: 'Acme Corp',
      location: 'Austin, TX',
      description: 'Build data APIs with Python and AWS. 5+ years of experience.',
      salary_range: '$150K - $180K a year',
      skills: ['Python', 'AWS', 'PostgreSQL'],
      is_remote: false,
      job_url: 'https://www.indeed.com/viewjob?jk=7c1e9a',
      posted_date: '2026-11-20',
    },
  });

export type JobInput = z.infer<typeof jobInputSchema>;

/** A typed job as the text record the import pipeline normalizes. */
export function jobInputToRecord(job: JobInput): JobRecord {
  const record: JobRecord = {};
  for (const [key, value] of Object.entries(job)) {
    if (value === null || value === undefined) continue;
    (record as Record<string, string>)[key] = Array.isArray(value) ? JSON.stringify(value) : String(value);
  }
  return record;
}

export type ValidatedJob =
  /** `warnings`: optional fields that did not parse, stored empty (the job itself is kept). */
  | { index: number; ok: true; job: NormalizedJob; warnings: FieldProblem[] }
  | { index: number; ok: false; errors: FieldProblem[] };

/**
 * Validates each posted job on its own: a bad one is reported by index and never blocks the others. The jobs
 * of one call are one batch, normalized as an import file's rows are (`newJobBatch`): the same gazetteer and
 * country evidence for locations, the batch's day/month order, relative dates counted from today.
 */
export function validateJobInputs(
  jobs: readonly unknown[],
  context: { platform?: string; skills: SkillMatcher },
): ValidatedJob[] {
  const batch = newJobBatch(context);
  const parsedJobs = jobs.map((raw) => jobInputSchema.safeParse(raw));
  for (const parsed of parsedJobs) {
    if (parsed.success && parsed.data.posted_date && batch.learnDateOrder(parsed.data.posted_date)) break;
  }
  return parsedJobs.map((parsed, index) => {
    if (!parsed.success) {
      return {
        index,
        ok: false,
        errors: parsed.error.issues.map((issue) => ({
          field: issue.path.join('.') || '(job)',
          message: issue.message,
        })),
      };
    }
    const result = batch.normalize(jobInputToRecord(parsed.data));
    return result.ok
      ? { index, ok: true, job: result.job, warnings: result.warnings }
      : { index, ok: false, errors: result.errors };
  });
}
