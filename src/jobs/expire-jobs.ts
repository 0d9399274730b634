import type { Database } from '../db/database.js';
import { JOB_LIFETIME_DAYS } from '../domain/jobs/job-lifetime.js';
import { markJobsChanged } from '../matching/due-pairs.js';

/**
 * Marks active jobs `expired` once they are older than the lifetime: counted from `posted_date`, or from
 * `imported_at` when the posting date is unknown. Idempotent and safe to run from several workers.
 */
export async function expireJobs(database: Database, lifetimeDays = JOB_LIFETIME_DAYS): Promise<number> {
  return database.transaction(async (tx) => {
    const { rows } = await tx.sql.query<{ id: number }>(
      `UPDATE job_postings SET status = 'expired', updated_at = now()
       WHERE status = 'active'
         AND COALESCE(posted_date::timestamptz, imported_at) < now() - make_interval(days => $1)
       RETURNING id`,
      [lifetimeDays],
    );
    // The candidates who stored or were near these jobs get their lists refilled (the refresh task).
    await markJobsChanged(
      tx,
      rows.map((row) => row.id),
    );
    return rows.length;
  });
}
