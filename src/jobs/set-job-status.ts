import type { Database } from '../db/database.js';
import { type JobPosting, jobPostingRepository } from '../db/repositories/job-posting.repository.js';
import { AppError } from '../errors.js';
import { markJobsChanged } from '../matching/due-pairs.js';

/** Statuses an admin sets by hand; `expired` is the lifecycle task's. */
export const ADMIN_JOB_STATUSES = ['active', 'filled', 'closed'] as const;
export type AdminJobStatus = (typeof ADMIN_JOB_STATUSES)[number];

export async function setJobStatus(
  database: Database,
  jobId: number,
  status: AdminJobStatus,
): Promise<JobPosting> {
  return database.transaction(async (tx) => {
    const job = await jobPostingRepository(tx).setStatus(jobId, status);
    if (!job) throw AppError.notFound(`Job ${jobId}`);
    await markJobsChanged(tx, [jobId], { entered: status === 'active' });
    return job;
  });
}
