import type { DbContext } from '../db/database.js';

/**
 * Sessions that outlived their lease are `timeout`, and their roles go back to `pending` (unless another
 * session holds them). One statement: idempotent, and safe when several workers run it at once.
 */
export async function expireScrapeLeases(ctx: DbContext, leaseSeconds: number): Promise<number> {
  const { rows } = await ctx.sql.query<{ expired: number }>(
    `WITH expired AS (
       UPDATE scrape_sessions SET status = 'timeout', completed_at = now(),
         duration_seconds = GREATEST(0, round(extract(epoch FROM now() - started_at)))::int,
         error_message = 'The scraper did not post results within the lease.', updated_at = now()
       WHERE status = 'in_progress' AND started_at < now() - make_interval(secs => $1)
       RETURNING global_role_id
     ), requeued AS (
       UPDATE global_roles r SET queue_status = 'pending', updated_at = now()
       WHERE r.queue_status = 'processing' AND r.id IN (SELECT global_role_id FROM expired)
         AND NOT EXISTS (
           SELECT 1 FROM scrape_sessions s WHERE s.global_role_id = r.id AND s.status = 'in_progress'
             AND s.started_at >= now() - make_interval(secs => $1))
       RETURNING r.id
     )
     SELECT (SELECT count(*) FROM expired)::int AS expired`,
    [leaseSeconds],
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
