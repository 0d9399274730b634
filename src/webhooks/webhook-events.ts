/**
 * Webhook events as an outbox derived from stored data, set-based: pipeline moves, placements and new
 * candidates of the tenant since each subscribed endpoint was registered (within a day) become one delivery
 * per endpoint, once (unique per endpoint and event key). `match.recommended` deliveries are written by the
 * inbox refresh when a pair is announced. Dispatch queues a delivery task for each delivery not yet queued.
 */
import type { DbContext } from '../db/database.js';
import type { JobQueue } from '../worker/job-queue.js';
import {
  insertCandidateCreatedDeliveries,
  insertPlacementDeliveries,
  insertStatusChangeDeliveries,
  markPendingDeliveriesQueued,
} from './webhook-endpoint-queries.js';

export const WEBHOOK_TASK = { deliver: 'webhooks/deliver' } as const;

export async function collectWebhookEvents(tx: DbContext, tenantId: number): Promise<void> {
  await insertStatusChangeDeliveries(tx, tenantId);
  await insertPlacementDeliveries(tx, tenantId);
  await insertCandidateCreatedDeliveries(tx, tenantId);
}

/** Queues a delivery task for every delivery of the tenant not yet queued, in the caller's transaction. */
export async function dispatchDeliveries(
  tx: DbContext,
  queue: Pick<JobQueue, 'send'>,
  tenantId: number,
): Promise<number> {
  const ids = await markPendingDeliveriesQueued(tx, tenantId);
  for (const id of ids) await queue.send(WEBHOOK_TASK.deliver, { tenantId, deliveryId: id }, { tx });
  return ids.length;
}
