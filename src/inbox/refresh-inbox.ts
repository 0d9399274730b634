/**
 * Derives inbox entries from what is stored, set-based, once per tenant: recommended matches of owned
 * candidates (announced once per pair, again only when the score rose by the tenant's margin), pipeline moves
 * someone else made on a recruiter's candidate, and answers to the recruiter's role-mapping reports.
 * Runs after matching (a queued task) and whenever an inbox is read; an advisory lock per tenant keeps two
 * concurrent runs from announcing the same pair twice. An announced pair is also a `match.recommended`
 * webhook delivery for each subscribed endpoint (the outbox; src/webhooks dispatches it).
 */
import type { Database, DbContext } from '../db/database.js';
import { withTenant } from '../db/with-tenant.js';
import { activeTenantIds } from '../digest/digest.repository.js';
import { withHeadlineReasons } from '../matching/explain-matches.js';
import { DEFAULT_ALERT_SETTINGS } from './alert-settings.js';
import {
  type AnnouncedMatch,
  announceMatches,
  dueMatches,
  insertRoleReportAnswerEntries,
  insertStatusChangeEntries,
  lockTenantInbox,
} from './inbox-queries.js';

/** Only matches stored or rescored this recently are announced (a first run does not flood the inbox). */
const ANNOUNCE_WINDOW = '7 days';
const EVENT_WINDOW = '30 days';

export async function refreshTenantInbox(tx: DbContext, tenantId: number): Promise<AnnouncedMatch[]> {
  await lockTenantInbox(tx, tenantId);
  const margin = DEFAULT_ALERT_SETTINGS.rescore_margin;
  const due = await withHeadlineReasons(tx, await dueMatches(tx, tenantId, ANNOUNCE_WINDOW, margin));
  const announced = await announceMatches(tx, tenantId, ANNOUNCE_WINDOW, margin, due);
  await insertStatusChangeEntries(tx, tenantId, EVENT_WINDOW);
  await insertRoleReportAnswerEntries(tx, tenantId, EVENT_WINDOW);
  return announced;
}

/**
 * Refreshes every active tenant's inbox (the background task), then runs `after` in the same tenant
 * transaction (webhook events and their dispatch); returns how many pairs were announced.
 */
export async function refreshAllInboxes(
  database: Database,
  after?: (tx: DbContext, tenantId: number) => Promise<void>,
): Promise<number> {
  let total = 0;
  for (const id of await activeTenantIds(database.sql)) {
    total += await withTenant(database, id, async (tx) => {
      const announced = await refreshTenantInbox(tx, id);
      await after?.(tx, id);
      return announced.length;
    });
  }
  return total;
}
