import type { DbContext } from '../db/database.js';
import { failedAttempt } from './queue-maintenance.js';

/** Ends a scrape session `failed` with the scraper's message and its duration. */
export async function markSessionFailed(
  tx: DbContext,
  sessionId: number,
  errorMessage: string,
): Promise<void> {
  await tx.sql.query(
    `UPDATE scrape_sessions SET status = 'failed', error_message = $2, completed_at = now(),
         duration_seconds = GREATEST(0, round(extract(epoch FROM now() - started_at)))::int, updated_at = now()
       WHERE id = $1`,
    [sessionId, errorMessage],
  );
}

/** Counts a failed scrape of a role being scraped: back to `pending`, or `failed` at `maxAttempts`. */
export async function recordRoleScrapeFailure(
  tx: DbContext,
  roleId: number,
  errorMessage: string,
  maxAttempts: number,
): Promise<void> {
  await tx.sql.query(
    `UPDATE global_roles SET ${failedAttempt('$2', '$3')} WHERE id = $1 AND queue_status = 'processing'`,
    [roleId, errorMessage, maxAttempts],
  );
}
