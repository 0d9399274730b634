import type { Database, DbContext } from '../db/database.js';
import { withTenant } from '../db/with-tenant.js';
import { saveAlertSettings, storedAlertSettings } from './inbox-queries.js';

export interface AlertSettings {
  /** An open application waiting longer than this in one stage shows on the home page. */
  stage_limit_days: number;
  /** A pair already announced is announced again only when its score rose by this many points. */
  rescore_margin: number;
}

export const DEFAULT_ALERT_SETTINGS: AlertSettings = { stage_limit_days: 7, rescore_margin: 5 };

export async function loadAlertSettings(tx: DbContext, tenantId: number): Promise<AlertSettings> {
  return (await storedAlertSettings(tx, tenantId)) ?? DEFAULT_ALERT_SETTINGS;
}

export function getAlertSettings(database: Database, tenantId: number): Promise<AlertSettings> {
  return withTenant(database, tenantId, (tx) => loadAlertSettings(tx, tenantId));
}

export function updateAlertSettings(
  database: Database,
  actor: { tenantId: number; userId: number },
  input: Partial<AlertSettings>,
): Promise<AlertSettings> {
  return withTenant(database, actor.tenantId, async (tx) => {
    const current = await loadAlertSettings(tx, actor.tenantId);
    const next = { ...current, ...input };
    await saveAlertSettings(tx, actor.tenantId, next, actor.userId);
    return next;
  });
}
