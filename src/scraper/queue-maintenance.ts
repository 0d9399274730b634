import type { DbContext } from '../db/database.js';
import { AppError } from '../errors.js';

/** Failed or timed-out scrapes of a role in a row after which it stops at `failed` instead of `pending`. */
export const DEFAULT_SCRAPE_MAX_ATTEMPTS = 5;

/** SET clause for a role whose scrape failed: counted, its error kept, back to `pending` or, at the cap, `failed`. */
export const failedAttempt = (errorParam: string, capParam: string) =>
  `scrape_failures = scrape_failures + 1, last_scrape_error = ${errorParam},
   queue_status = CASE WHEN scrape_failures + 1 >= ${capParam} THEN 'failed' ELSE 'pending' END, updated_at = now()`;

/**
 * Sessions that outlived their lease are `timeout`, and their roles go back to `pending` (unless another
 * session holds them). One statement: idempotent, and safe when several workers run it at once.
 */
export async function expireScrapeLeases(
  ctx: DbContext,
  leaseSeconds: number,
  maxAttempts = DEFAULT_SCRAPE_MAX_ATTEMPTS,
): Promise<number> {
  const { rows } = await ctx.sql.query<{ expired: number }>(
    `WITH expired AS (
       UPDATE scrape_sessions SET status = 'timeout', completed_at = now(),
         duration_seconds = GREATEST(0, round(extract(epoch FROM now() - started_at)))::int,
         error_message = 'The scraper did not post results within the lease.', updated_at = now()
       WHERE status = 'in_progress' AND started_at < now() - make_interval(secs => $1)
       RETURNING global_role_id
     ), requeued AS (
       UPDATE global_roles r SET ${failedAttempt("'The scraper did not post results within the lease.'", '$2')}
       WHERE r.queue_status = 'processing' AND r.id IN (SELECT global_role_id FROM expired)
         AND NOT EXISTS (
           SELECT 1 FROM scrape_sessions s WHERE s.global_role_id = r.id AND s.status = 'in_progress'
             AND s.started_at >= now() - make_interval(secs => $1))
       RETURNING r.id
     )
     SELECT (SELECT count(*) FROM expired)::int AS expired`,
    [leaseSeconds, maxAttempts],
  );
  return rows[0]?.expired ?? 0;
}

/** Roles scraped more than `afterSeconds` ago are due again. */
export async function recycleScrapedRoles(ctx: DbContext, afterSeconds: number): Promise<number> {
  const { rowCount } = await ctx.sql.query(
    `UPDATE global_roles SET queue_status = 'pending', updated_at = now()
     WHERE queue_status = 'completed' AND (last_scraped_at IS NULL OR last_scraped_at < now() - make_interval(secs => $1))`,
    [afterSeconds],
  );
  return rowCount;
}

/** An admin puts a role back in the queue by hand (typically a `failed` one), its failure count reset. */
export async function requeueRole(
  ctx: DbContext,
  roleId: number,
): Promise<{ id: number; queue_status: string }> {
  const { rows } = await ctx.sql.query<{ id: number; queue_status: string }>(
    `UPDATE global_roles SET queue_status = CASE WHEN queue_status = 'processing' THEN queue_status ELSE 'pending' END,
       scrape_failures = 0, updated_at = now()
     WHERE id = $1 RETURNING id, queue_status`,
    [roleId],
  );
  if (!rows[0]) throw AppError.notFound(`Role ${roleId}`);
  return rows[0];
}
