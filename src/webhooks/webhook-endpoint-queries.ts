import type { DbContext } from '../db/database.js';
import type { WebhookDelivery, WebhookEndpoint, WebhookEvent } from './webhook-endpoints.js';

const ENDPOINT_SELECT = `
  SELECT w.id, w.url, w.description, w.events, w.secret, w.is_active, w.created_at,
         (SELECT count(*)::int FROM webhook_deliveries d WHERE d.endpoint_id = w.id) AS deliveries,
         (SELECT count(*)::int FROM webhook_deliveries d WHERE d.endpoint_id = w.id AND d.status = 'failed') AS failed,
         (SELECT max(created_at) FROM webhook_deliveries d WHERE d.endpoint_id = w.id) AS last_delivery_at
    FROM webhook_endpoints w`;

export async function insertEndpoint(
  tx: DbContext,
  endpoint: {
    tenantId: number;
    url: string;
    description: string | null;
    events: WebhookEvent[];
    secret: string;
    createdBy: number;
  },
): Promise<number> {
  const { rows } = await tx.sql.query<{ id: number }>(
    `INSERT INTO webhook_endpoints (tenant_id, url, description, events, secret, created_by)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [
      endpoint.tenantId,
      endpoint.url,
      endpoint.description,
      endpoint.events,
      endpoint.secret,
      endpoint.createdBy,
    ],
  );
  return rows[0]!.id;
}

export async function findEndpoint(tx: DbContext, id: number): Promise<WebhookEndpoint> {
  return (await tx.sql.query<WebhookEndpoint>(`${ENDPOINT_SELECT} WHERE w.id = $1`, [id])).rows[0]!;
}

export async function endpointsOf(tx: DbContext, tenantId: number): Promise<WebhookEndpoint[]> {
  const { rows } = await tx.sql.query<WebhookEndpoint>(
    `${ENDPOINT_SELECT} WHERE w.tenant_id = $1 ORDER BY w.created_at, w.id`,
    [tenantId],
  );
  return rows;
}

/** Sets the given fields (null: unchanged); false when the tenant has no such endpoint. */
export async function updateEndpoint(
  tx: DbContext,
  tenantId: number,
  id: number,
  patch: { url: string | null; events: WebhookEvent[] | null; isActive: boolean | null },
): Promise<boolean> {
  const { rowCount } = await tx.sql.query(
    `UPDATE webhook_endpoints SET url = coalesce($3, url), events = coalesce($4, events),
              is_active = coalesce($5, is_active), updated_at = now()
        WHERE tenant_id = $1 AND id = $2`,
    [tenantId, id, patch.url, patch.events, patch.isActive],
  );
  return rowCount > 0;
}

export async function deleteEndpoint(tx: DbContext, tenantId: number, id: number): Promise<boolean> {
  const { rowCount } = await tx.sql.query('DELETE FROM webhook_endpoints WHERE tenant_id = $1 AND id = $2', [
    tenantId,
    id,
  ]);
  return rowCount > 0;
}

export async function endpointExists(tx: DbContext, tenantId: number, id: number): Promise<boolean> {
  const { rows } = await tx.sql.query('SELECT 1 FROM webhook_endpoints WHERE tenant_id = $1 AND id = $2', [
    tenantId,
    id,
  ]);
  return rows.length > 0;
}

/** The endpoint's latest deliveries, newest first, each with its attempts (`attempted_at` as text). */
export async function latestDeliveries(
  tx: DbContext,
  tenantId: number,
  endpointId: number,
  limit: number,
): Promise<WebhookDelivery[]> {
  const { rows } = await tx.sql.query<WebhookDelivery>(
    `SELECT d.id, d.endpoint_id, d.event_type, d.event_key, d.payload, d.status, d.attempts, d.last_status_code,
            d.last_error, d.last_duration_ms, d.replay_of, d.created_at, d.delivered_at,
            coalesce((SELECT json_agg(json_build_object('attempted_at', a.attempted_at, 'status_code', a.status_code,
                               'duration_ms', a.duration_ms, 'error', a.error) ORDER BY a.attempted_at, a.id)
                        FROM webhook_attempts a WHERE a.delivery_id = d.id), '[]'::json) AS attempt_log
       FROM webhook_deliveries d
      WHERE d.tenant_id = $1 AND d.endpoint_id = $2
      ORDER BY d.created_at DESC, d.id DESC LIMIT $3`,
    [tenantId, endpointId, limit],
  );
  return rows;
}

/** A new delivery repeating `deliveryId`, marked queued; undefined when the tenant has no such delivery. */
export async function insertReplay(
  tx: DbContext,
  tenantId: number,
  deliveryId: number,
): Promise<{ id: number } | undefined> {
  const { rows } = await tx.sql.query<{ id: number }>(
    `INSERT INTO webhook_deliveries (tenant_id, endpoint_id, event_type, event_key, payload, replay_of, queued_at)
       SELECT tenant_id, endpoint_id, event_type, event_key, payload, id, now()
         FROM webhook_deliveries WHERE tenant_id = $1 AND id = $2
       RETURNING id`,
    [tenantId, deliveryId],
  );
  return rows[0];
}
