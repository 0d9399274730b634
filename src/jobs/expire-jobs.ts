import type { Database } from '../db/database.js';
import { JOB_LIFETIME_DAYS } from '../domain/jobs/job-lifetime.js';
import { markJobsChanged } from '../matching/due-pairs.js';
import { expireJobsOlderThan } from './job-queries.js';

/**
 * Marks active jobs `expired` once they are older than the lifetime: counted from `posted_date`, or from
 * `imported_at` when the posting date is unknown. Idempotent and safe to run from several workers.
 */
export async function expireJobs(database: Database, lifetimeDays = JOB_LIFETIME_DAYS): Promise<number> {
  return database.transaction(async (tx) => {
    const expired = await expireJobsOlderThan(tx, lifetimeDays);
    // The candidates who stored or were near these jobs get their lists refilled (the refresh task).
    await markJobsChanged(tx, expired);
    return expired.length;
  });
}
