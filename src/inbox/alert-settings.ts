import type { Database, DbContext } from '../db/database.js';
import { withTenant } from '../db/with-tenant.js';

export interface AlertSettings {
  /** An open application waiting longer than this in one stage shows on the home page. */
  stage_limit_days: number;
  /** A pair already announced is announced again only when its score rose by this many points. */
  rescore_margin: number;
}

export const DEFAULT_ALERT_SETTINGS: AlertSettings = { stage_limit_days: 7, rescore_margin: 5 };

export async function loadAlertSettings(tx: DbContext, tenantId: number): Promise<AlertSettings> {
  const { rows } = await tx.sql.query<AlertSettings>(
    'SELECT stage_limit_days, rescore_margin FROM tenant_alert_settings WHERE tenant_id = $1',
    [tenantId],
  );
  return rows[0] ?? DEFAULT_ALERT_SETTINGS;
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
    await tx.sql.query(
      `INSERT INTO tenant_alert_settings (tenant_id, stage_limit_days, rescore_margin, updated_by)
       VALUES ($1, $2, $3, $4)
       ON CONFLICT (tenant_id) DO UPDATE SET stage_limit_days = EXCLUDED.stage_limit_days,
         rescore_margin = EXCLUDED.rescore_margin, updated_by = EXCLUDED.updated_by, updated_at = now()`,
      [actor.tenantId, next.stage_limit_days, next.rescore_margin, actor.userId],
    );
    return next;
  });
}
