import type { DbContext } from '../db/database.js';
import { AppError } from '../errors.js';
import { markScrapedRolesDue, resetRoleForScrape, timeOutExpiredSessions } from './scraper-queries.js';

/** Failed or timed-out scrapes of a role in a row after which it stops at `failed` instead of `pending`. */
export const DEFAULT_SCRAPE_MAX_ATTEMPTS = 5;

/**
 * Sessions that outlived their lease are `timeout`, and their roles go back to `pending` (unless another
 * session holds them). One statement: idempotent, and safe when several workers run it at once.
 */
export async function expireScrapeLeases(
  ctx: DbContext,
  leaseSeconds: number,
  maxAttempts = DEFAULT_SCRAPE_MAX_ATTEMPTS,
): Promise<number> {
  return timeOutExpiredSessions(ctx, leaseSeconds, maxAttempts);
}

/** Roles scraped more than `afterSeconds` ago are due again. */
export async function recycleScrapedRoles(ctx: DbContext, afterSeconds: number): Promise<number> {
  return markScrapedRolesDue(ctx, afterSeconds);
}

/** An admin puts a role back in the queue by hand (typically a `failed` one), its failure count reset. */
export async function requeueRole(
  ctx: DbContext,
  roleId: number,
): Promise<{ id: number; queue_status: string }> {
  const role = await resetRoleForScrape(ctx, roleId);
  if (!role) throw AppError.notFound(`Role ${roleId}`);
  return role;
}
