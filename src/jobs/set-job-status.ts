import type { DbContext } from '../db/database.js';
import { type JobPosting, jobPostingRepository } from '../db/repositories/job-posting.repository.js';
import { AppError } from '../errors.js';

/** Statuses an admin sets by hand; `expired` is the lifecycle task's. */
export const ADMIN_JOB_STATUSES = ['active', 'filled', 'closed'] as const;
export type AdminJobStatus = (typeof ADMIN_JOB_STATUSES)[number];

export async function setJobStatus(
  ctx: DbContext,
  jobId: number,
  status: AdminJobStatus,
): Promise<JobPosting> {
  const job = await jobPostingRepository(ctx).setStatus(jobId, status);
  if (!job) throw AppError.notFound(`Job ${jobId}`);
  return job;
}
