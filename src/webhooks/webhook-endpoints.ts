import { randomBytes } from 'node:crypto';
import type { Database } from '../db/database.js';
import type { WEBHOOK_EVENTS } from '../db/schema.js';
import { withTenant } from '../db/with-tenant.js';
import { AppError } from '../errors.js';
import type { JobQueue } from '../worker/job-queue.js';
import { type OutgoingPolicy, refusalOf } from './outgoing-request.js';
import { WEBHOOK_TASK } from './webhook-events.js';

export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

export interface WebhookEndpoint {
  id: number;
  url: string;
  description: string | null;
  events: WebhookEvent[];
  secret: string;
  is_active: boolean;
  created_at: Date;
  deliveries: number;
  failed: number;
  last_delivery_at: Date | null;
}

export interface WebhookDelivery {
  id: number;
  endpoint_id: number;
  event_type: WebhookEvent;
  event_key: string;
  payload: unknown;
  status: 'pending' | 'retrying' | 'succeeded' | 'failed';
  attempts: number;
  last_status_code: number | null;
  last_error: string | null;
  last_duration_ms: number | null;
  replay_of: number | null;
  created_at: Date;
  delivered_at: Date | null;
  attempt_log: {
    attempted_at: Date;
    status_code: number | null;
    duration_ms: number;
    error: string | null;
  }[];
}

interface Admin {
  tenantId: number;
  userId: number;
}

function checkedUrl(text: string, policy: OutgoingPolicy): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new AppError('unprocessable', `${text} is not a URL.`, {
      errors: [{ field: 'body.url', message: 'not a URL' }],
    });
  }
  const refusal = refusalOf(url, policy);
  if (refusal)
    throw new AppError('unprocessable', `This endpoint cannot be used: ${refusal}.`, {
      errors: [{ field: 'body.url', message: refusal }],
    });
  return url.toString();
}

const ENDPOINT_SELECT = `
  SELECT w.id, w.url, w.description, w.events, w.secret, w.is_active, w.created_at,
         (SELECT count(*)::int FROM webhook_deliveries d WHERE d.endpoint_id = w.id) AS deliveries,
         (SELECT count(*)::int FROM webhook_deliveries d WHERE d.endpoint_id = w.id AND d.status = 'failed') AS failed,
         (SELECT max(created_at) FROM webhook_deliveries d WHERE d.endpoint_id = w.id) AS last_delivery_at
    FROM webhook_endpoints w`;

export function createWebhookEndpoint(
  database: Database,
  admin: Admin,
  policy: OutgoingPolicy,
  input: { url: string; description?: string | null | undefined; events: WebhookEvent[] },
): Promise<WebhookEndpoint> {
  const url = checkedUrl(input.url, policy);
  return withTenant(database, admin.tenantId, async (tx) => {
    const { rows } = await tx.sql.query<{ id: number }>(
      `INSERT INTO webhook_endpoints (tenant_id, url, description, events, secret, created_by)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [
        admin.tenantId,
        url,
        input.description ?? null,
        [...new Set(input.events)],
        `whsec_${randomBytes(24).toString('base64url')}`,
        admin.userId,
      ],
    );
    return (await tx.sql.query<WebhookEndpoint>(`${ENDPOINT_SELECT} WHERE w.id = $1`, [rows[0]!.id]))
      .rows[0]!;
  });
}

export function listWebhookEndpoints(database: Database, tenantId: number): Promise<WebhookEndpoint[]> {
  return withTenant(database, tenantId, async (tx) => {
    const { rows } = await tx.sql.query<WebhookEndpoint>(
      `${ENDPOINT_SELECT} WHERE w.tenant_id = $1 ORDER BY w.created_at, w.id`,
      [tenantId],
    );
    return rows;
  });
}

export function updateWebhookEndpoint(
  database: Database,
  tenantId: number,
  policy: OutgoingPolicy,
  id: number,
  patch: { url?: string | undefined; events?: WebhookEvent[] | undefined; is_active?: boolean | undefined },
): Promise<WebhookEndpoint> {
  const url = patch.url === undefined ? null : checkedUrl(patch.url, policy);
  return withTenant(database, tenantId, async (tx) => {
    const { rowCount } = await tx.sql.query(
      `UPDATE webhook_endpoints SET url = coalesce($3, url), events = coalesce($4, events),
              is_active = coalesce($5, is_active), updated_at = now()
        WHERE tenant_id = $1 AND id = $2`,
      [tenantId, id, url, patch.events ? [...new Set(patch.events)] : null, patch.is_active ?? null],
    );
    if (rowCount === 0) throw AppError.notFound(`Webhook endpoint ${id}`);
    return (await tx.sql.query<WebhookEndpoint>(`${ENDPOINT_SELECT} WHERE w.id = $1`, [id])).rows[0]!;
  });
}

export function deleteWebhookEndpoint(database: Database, tenantId: number, id: number): Promise<void> {
  return withTenant(database, tenantId, async (tx) => {
    const { rowCount } = await tx.sql.query(
      'DELETE FROM webhook_endpoints WHERE tenant_id = $1 AND id = $2',
      [tenantId, id],
    );
    if (rowCount === 0) throw AppError.notFound(`Webhook endpoint ${id}`);
  });
}

/** An endpoint's latest deliveries, each with its attempts (status, response time, error). */
export function listWebhookDeliveries(
  database: Database,
  tenantId: number,
  endpointId: number,
  limit: number,
): Promise<WebhookDelivery[]> {
  return withTenant(database, tenantId, async (tx) => {
    const endpoint = await tx.sql.query('SELECT 1 FROM webhook_endpoints WHERE tenant_id = $1 AND id = $2', [
      tenantId,
      endpointId,
    ]);
    if (endpoint.rows.length === 0) throw AppError.notFound(`Webhook endpoint ${endpointId}`);
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
    return rows.map((row) => ({
      ...row,
      attempt_log: row.attempt_log.map((a) => ({ ...a, attempted_at: new Date(a.attempted_at) })),
    }));
  });
}

/** Sends a delivery again as a new delivery (`replay_of`), queued at once. */
export function replayWebhookDelivery(
  database: Database,
  queue: Pick<JobQueue, 'send'>,
  tenantId: number,
  deliveryId: number,
): Promise<{ id: number }> {
  return withTenant(database, tenantId, async (tx) => {
    const { rows } = await tx.sql.query<{ id: number }>(
      `INSERT INTO webhook_deliveries (tenant_id, endpoint_id, event_type, event_key, payload, replay_of, queued_at)
       SELECT tenant_id, endpoint_id, event_type, event_key, payload, id, now()
         FROM webhook_deliveries WHERE tenant_id = $1 AND id = $2
       RETURNING id`,
      [tenantId, deliveryId],
    );
    const replay = rows[0];
    if (!replay) throw AppError.notFound(`Webhook delivery ${deliveryId}`);
    await queue.send(WEBHOOK_TASK.deliver, { tenantId, deliveryId: replay.id }, { tx });
    return replay;
  });
}
