import type { Database } from '../db/database.js';
import { withTenant } from '../db/with-tenant.js';
import { SIGNATURE_HEADER, signatureHeader } from '../domain/webhook-signature.js';
import { type OutgoingPolicy, postJson } from './outgoing-request.js';

export interface DeliveryEvent {
  tenantId: number;
  deliveryId: number;
}

export function parseDeliveryEvent(data: unknown): DeliveryEvent | null {
  const event = data as Partial<DeliveryEvent> | null;
  return event && Number.isSafeInteger(event.tenantId) && Number.isSafeInteger(event.deliveryId)
    ? (event as DeliveryEvent)
    : null;
}

export class DeliveryFailed extends Error {}

/**
 * One attempt of a delivery: signed POST outside any transaction, then the attempt logged. A failure that a
 * retry may fix throws (pg-boss retries with exponential backoff) until the last attempt, which marks the
 * delivery failed; a refused address fails at once.
 */
export async function deliverWebhook(
  database: Database,
  policy: OutgoingPolicy,
  event: DeliveryEvent,
  attempt: { retryCount: number; retryLimit: number },
  clock: () => number = Date.now,
): Promise<'succeeded' | 'retrying' | 'failed' | 'skipped'> {
  const delivery = await withTenant(database, event.tenantId, async (tx) => {
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
      [event.tenantId, event.deliveryId],
    );
    return rows[0];
  });
  if (!delivery || delivery.status === 'succeeded' || delivery.status === 'failed') return 'skipped';
  const body = JSON.stringify({
    id: delivery.event_key,
    delivery_id: delivery.id,
    type: delivery.event_type,
    created_at: delivery.created_at,
    data: delivery.payload,
  });
  const timestamp = Math.floor(clock() / 1000);
  const result = delivery.is_active
    ? await postJson(
        new URL(delivery.url),
        body,
        {
          [SIGNATURE_HEADER]: signatureHeader(delivery.secret, timestamp, body),
          'user-agent': 'Jobmatch-Webhooks/1',
          'jobmatch-event': delivery.event_type,
          'jobmatch-delivery': String(delivery.id),
        },
        policy,
      )
    : { status: null, durationMs: 0, error: 'the endpoint is disabled', refused: true, excerpt: null };
  const outcome =
    result.error === null
      ? 'succeeded'
      : result.refused || attempt.retryCount >= attempt.retryLimit
        ? 'failed'
        : 'retrying';
  await withTenant(database, event.tenantId, async (tx) => {
    await tx.sql.query(
      `INSERT INTO webhook_attempts (tenant_id, delivery_id, status_code, duration_ms, error, response_excerpt)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [event.tenantId, delivery.id, result.status, result.durationMs, result.error, result.excerpt],
    );
    await tx.sql.query(
      `UPDATE webhook_deliveries
          SET status = $3::varchar, attempts = attempts + 1, last_status_code = $4, last_error = $5, last_duration_ms = $6,
              delivered_at = CASE WHEN $3::varchar = 'succeeded' THEN now() ELSE delivered_at END
        WHERE tenant_id = $1 AND id = $2`,
      [event.tenantId, delivery.id, outcome, result.status, result.error, result.durationMs],
    );
  });
  if (outcome === 'retrying') throw new DeliveryFailed(`webhook delivery ${delivery.id}: ${result.error}`);
  return outcome;
}
