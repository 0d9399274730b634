import type { Database } from '../db/database.js';
import { withTenant } from '../db/with-tenant.js';
import { SIGNATURE_HEADER, signatureHeader } from '../domain/webhook-signature.js';
import { EVENT, EVENT_SCHEMAS, type WebhookDelivery } from '../events/events.js';
import { type OutgoingPolicy, postJson } from './outgoing-request.js';
import { findDeliveryToSend, recordDeliveryAttempt } from './webhook-endpoint-queries.js';

/** The delivery task's payload, as published (`events/events.ts`). */
export type DeliveryEvent = WebhookDelivery;

export function parseDeliveryEvent(data: unknown): DeliveryEvent | null {
  const parsed = EVENT_SCHEMAS[EVENT.webhookDelivery].safeParse(data ?? {});
  return parsed.success ? parsed.data : null;
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
  const delivery = await withTenant(database, event.tenantId, (tx) =>
    findDeliveryToSend(tx, event.tenantId, event.deliveryId),
  );
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
  await withTenant(database, event.tenantId, (tx) =>
    recordDeliveryAttempt(tx, event.tenantId, delivery.id, outcome, result),
  );
  if (outcome === 'retrying') throw new DeliveryFailed(`webhook delivery ${delivery.id}: ${result.error}`);
  return outcome;
}
