import type { DbContext } from '../db/database.js';

export const JOB_LIFETIME_DAYS = 30;

/**
 * Marks active jobs `expired` once they are older than the lifetime: counted from `posted_date`, or from
 * `imported_at` when the posting date is unknown. Idempotent and safe to run from several workers.
 */
export async function expireJobs(ctx: DbContext, lifetimeDays = JOB_LIFETIME_DAYS): Promise<number> {
  const { rowCount } = await ctx.sql.query(
    `UPDATE job_postings SET status = 'expired', updated_at = now()
     WHERE status = 'active'
       AND COALESCE(posted_date::timestamptz, imported_at) < now() - make_interval(days => $1)`,
    [lifetimeDays],
  );
  return rowCount;
}
