/**
 * Webhook events as an outbox derived from stored data, set-based: pipeline moves, placements and new
 * candidates of the tenant since each subscribed endpoint was registered (within a day) become one delivery
 * per endpoint, once (unique per endpoint and event key). `match.recommended` deliveries are written by the
 * inbox refresh when a pair is announced. Dispatch queues a delivery task for each delivery not yet queued.
 */
import type { DbContext } from '../db/database.js';
import type { JobQueue } from '../worker/job-queue.js';

export const WEBHOOK_TASK = { deliver: 'webhooks/deliver' } as const;

const WINDOW = '1 day';

export async function collectWebhookEvents(tx: DbContext, tenantId: number): Promise<void> {
  const subscribed = (event: string) =>
    `JOIN webhook_endpoints w ON w.tenant_id = $1 AND w.is_active AND '${event}' = ANY (w.events)`;
  const insert = `INSERT INTO webhook_deliveries (tenant_id, endpoint_id, event_type, event_key, payload)`;
  const onConflict = 'ON CONFLICT (endpoint_id, event_key) WHERE replay_of IS NULL DO NOTHING';
  await tx.sql.query(
    `${insert}
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
  await tx.sql.query(
    `${insert}
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
  await tx.sql.query(
    `${insert}
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

/** Queues a delivery task for every delivery of the tenant not yet queued, in the caller's transaction. */
export async function dispatchDeliveries(
  tx: DbContext,
  queue: Pick<JobQueue, 'send'>,
  tenantId: number,
): Promise<number> {
  const { rows } = await tx.sql.query<{ id: number }>(
    `UPDATE webhook_deliveries SET queued_at = now()
      WHERE tenant_id = $1 AND queued_at IS NULL AND status = 'pending' RETURNING id`,
    [tenantId],
  );
  for (const { id } of rows) await queue.send(WEBHOOK_TASK.deliver, { tenantId, deliveryId: id }, { tx });
  return rows.length;
}
