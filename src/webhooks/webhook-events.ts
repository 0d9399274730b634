/**
 * Webhook events as an outbox derived from stored data, set-based: pipeline moves, placements and new
 * candidates of the tenant since each subscribed endpoint was registered (within a day) become one delivery
 * per endpoint, once (unique per endpoint and event key). `match.recommended` deliveries are written by the
 * inbox refresh when a pair is announced. Dispatch queues a delivery task for each delivery not yet queued.
 */
import type { DbContext } from '../db/database.js';
import { EVENT, type EventQueue, eventPublisher } from '../events/events.js';
import {
  insertCandidateCreatedDeliveries,
  insertPlacementDeliveries,
  insertStatusChangeDeliveries,
  markPendingDeliveriesQueued,
} from './webhook-endpoint-queries.js';

export const WEBHOOK_TASK = { deliver: EVENT.webhookDelivery } as const;

export async function collectWebhookEvents(tx: DbContext, tenantId: number): Promise<void> {
  await insertStatusChangeDeliveries(tx, tenantId);
  await insertPlacementDeliveries(tx, tenantId);
  await insertCandidateCreatedDeliveries(tx, tenantId);
}

/** Queues a delivery task for every delivery of the tenant not yet queued, in the caller's transaction. */
export async function dispatchDeliveries(
  tx: DbContext,
  queue: EventQueue,
  tenantId: number,
): Promise<number> {
  const ids = await markPendingDeliveriesQueued(tx, tenantId);
  for (const id of ids) await queueDelivery(tx, queue, { tenantId, deliveryId: id });
  return ids.length;
}

/** Queues one delivery task in `tx`. */
export async function queueDelivery(
  tx: DbContext,
  queue: EventQueue | undefined,
  delivery: { tenantId: number; deliveryId: number },
): Promise<void> {
  await eventPublisher(queue).publish(tx, { name: EVENT.webhookDelivery, data: delivery });
}
