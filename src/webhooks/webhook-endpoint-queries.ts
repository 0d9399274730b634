import type { DbContext } from '../db/database.js';
import { type ListQuery, type ListSpec, listPage } from '../db/list-page.js';
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
/** An endpoint's deliveries as a list: `q` searches event type and key, status and error; newest first. */
export const DELIVERY_LIST = {
  search: ['event_type', 'event_key', 'status', 'last_error'],
  sort: {
    created_at: { column: 'created_at', order: 'desc' },
    delivered_at: { column: 'delivered_at', order: 'desc' },
    attempts: { column: 'attempts', order: 'desc' },
  },
  defaultSort: 'created_at',
} as const satisfies ListSpec;

export function latestDeliveries(
  tx: DbContext,
  tenantId: number,
  endpointId: number,
  query: ListQuery<keyof typeof DELIVERY_LIST.sort>,
): Promise<{ items: WebhookDelivery[]; total: number }> {
  return listPage<WebhookDelivery, keyof typeof DELIVERY_LIST.sort>(
    tx.sql,
    {
      text: `SELECT d.id, d.endpoint_id, d.event_type, d.event_key, d.payload, d.status, d.attempts,
                    d.last_status_code, d.last_error, d.last_duration_ms, d.replay_of, d.created_at, d.delivered_at,
                    coalesce((SELECT json_agg(json_build_object('attempted_at', a.attempted_at,
                                'status_code', a.status_code, 'duration_ms', a.duration_ms, 'error', a.error)
                                ORDER BY a.attempted_at, a.id)
                                FROM webhook_attempts a WHERE a.delivery_id = d.id), '[]'::json) AS attempt_log
               FROM webhook_deliveries d
              WHERE d.tenant_id = $1 AND d.endpoint_id = $2`,
      params: [tenantId, endpointId],
    },
    DELIVERY_LIST,
    query,
  );
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

const WINDOW = '1 day';

const subscribed = (event: string) =>
  `JOIN webhook_endpoints w ON w.tenant_id = $1 AND w.is_active AND '${event}' = ANY (w.events)`;
const insertDelivery = `INSERT INTO webhook_deliveries (tenant_id, endpoint_id, event_type, event_key, payload)`;
const onConflict = 'ON CONFLICT (endpoint_id, event_key) WHERE replay_of IS NULL DO NOTHING';

/** Pipeline moves of the tenant since each subscribed endpoint was registered (within a day), one delivery per endpoint, once. */
export async function insertStatusChangeDeliveries(tx: DbContext, tenantId: number): Promise<void> {
  await tx.sql.query(
    `${insertDelivery}
     SELECT $1, w.id, 'application.status_changed', 'application_event:' || e.id,
            jsonb_build_object('application_id', a.id, 'candidate_id', a.candidate_id,
              'job_posting_id', a.job_posting_id, 'from_status', e.from_status, 'to_status', e.to_status,
              'kind', e.kind, 'note', e.note, 'changed_by', e.changed_by, 'changed_at', e.changed_at)
       FROM job_application_events e
       JOIN job_applications a ON a.id = e.application_id
       JOIN candidates c ON c.id = a.candidate_id AND c.tenant_id = $1
       ${subscribed('application.status_changed')}
      WHERE e.changed_at > greatest(w.created_at, now() - $2::interval)
     ${onConflict}`,
    [tenantId, WINDOW],
  );
}

/** Placements of the tenant since each subscribed endpoint was registered (within a day), one delivery per endpoint, once. */
export async function insertPlacementDeliveries(tx: DbContext, tenantId: number): Promise<void> {
  await tx.sql.query(
    `${insertDelivery}
     SELECT $1, w.id, 'placement.created', 'placement:' || p.id,
            jsonb_build_object('placement_id', p.id, 'application_id', p.application_id,
              'candidate_id', p.candidate_id, 'job_posting_id', p.job_posting_id, 'start_date', p.start_date,
              'currency', p.currency, 'rate_period', p.rate_period, 'pay_rate', p.pay_rate,
              'bill_rate', p.bill_rate, 'fee', p.fee, 'margin', p.margin, 'margin_percent', p.margin_percent)
       FROM placements p
       ${subscribed('placement.created')}
      WHERE p.tenant_id = $1 AND p.created_at > greatest(w.created_at, now() - $2::interval)
     ${onConflict}`,
    [tenantId, WINDOW],
  );
}

/** New candidates of the tenant since each subscribed endpoint was registered (within a day), one delivery per endpoint, once. */
export async function insertCandidateCreatedDeliveries(tx: DbContext, tenantId: number): Promise<void> {
  await tx.sql.query(
    `${insertDelivery}
     SELECT $1, w.id, 'candidate.created', 'candidate:' || c.id,
            jsonb_build_object('candidate_id', c.id, 'first_name', c.first_name, 'last_name', c.last_name,
              'email', c.email, 'status', c.status, 'owner_user_id', c.owner_user_id, 'created_at', c.created_at)
       FROM candidates c
       ${subscribed('candidate.created')}
      WHERE c.tenant_id = $1 AND c.created_at > greatest(w.created_at, now() - $2::interval)
     ${onConflict}`,
    [tenantId, WINDOW],
  );
}

/** Marks the tenant's pending deliveries not yet queued as queued; their ids. */
export async function markPendingDeliveriesQueued(tx: DbContext, tenantId: number): Promise<number[]> {
  const { rows } = await tx.sql.query<{ id: number }>(
    `UPDATE webhook_deliveries SET queued_at = now()
      WHERE tenant_id = $1 AND queued_at IS NULL AND status = 'pending' RETURNING id`,
    [tenantId],
  );
  return rows.map((row) => row.id);
}

/** A delivery with its endpoint's address, secret and state; undefined when the tenant has no such delivery. */
export async function findDeliveryToSend(tx: DbContext, tenantId: number, deliveryId: number) {
  const { rows } = await tx.sql.query<{
    id: number;
    status: string;
    event_type: string;
    event_key: string;
    payload: unknown;
    created_at: Date;
    url: string;
    secret: string;
    is_active: boolean;
  }>(
    `SELECT d.id, d.status, d.event_type, d.event_key, d.payload, d.created_at, w.url, w.secret, w.is_active
       FROM webhook_deliveries d JOIN webhook_endpoints w ON w.id = d.endpoint_id
      WHERE d.tenant_id = $1 AND d.id = $2`,
    [tenantId, deliveryId],
  );
  return rows[0];
}

/** Logs one attempt of a delivery and moves the delivery to the attempt's outcome. */
export async function recordDeliveryAttempt(
  tx: DbContext,
  tenantId: number,
  deliveryId: number,
  outcome: string,
  result: { status: number | null; durationMs: number; error: string | null; excerpt: string | null },
): Promise<void> {
  await tx.sql.query(
    `INSERT INTO webhook_attempts (tenant_id, delivery_id, status_code, duration_ms, error, response_excerpt)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [tenantId, deliveryId, result.status, result.durationMs, result.error, result.excerpt],
  );
  await tx.sql.query(
    `UPDATE webhook_deliveries
        SET status = $3::varchar, attempts = attempts + 1, last_status_code = $4, last_error = $5, last_duration_ms = $6,
            delivered_at = CASE WHEN $3::varchar = 'succeeded' THEN now() ELSE delivered_at END
      WHERE tenant_id = $1 AND id = $2`,
    [tenantId, deliveryId, outcome, result.status, result.error, result.durationMs],
  );
}
