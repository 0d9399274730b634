import { randomBytes } from 'node:crypto';
import type { Database } from '../db/database.js';
import type { WEBHOOK_EVENTS } from '../db/schema.js';
import { withTenant } from '../db/with-tenant.js';
import { type ListQuery, type ListSpec, pageOfItems } from '../domain/list.js';
import { AppError } from '../errors.js';
import type { JobQueue } from '../worker/job-queue.js';
import { type OutgoingPolicy, refusalOf } from './outgoing-request.js';
import {
  DELIVERY_LIST,
  deleteEndpoint,
  endpointExists,
  endpointsOf,
  findEndpoint,
  insertEndpoint,
  insertReplay,
  latestDeliveries,
  updateEndpoint,
} from './webhook-endpoint-queries.js';
import { queueDelivery } from './webhook-events.js';

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

export function createWebhookEndpoint(
  database: Database,
  admin: Admin,
  policy: OutgoingPolicy,
  input: { url: string; description?: string | null | undefined; events: WebhookEvent[] },
): Promise<WebhookEndpoint> {
  const url = checkedUrl(input.url, policy);
  return withTenant(database, admin.tenantId, async (tx) => {
    const id = await insertEndpoint(tx, {
      tenantId: admin.tenantId,
      url,
      description: input.description ?? null,
      events: [...new Set(input.events)],
      secret: `whsec_${randomBytes(24).toString('base64url')}`,
      createdBy: admin.userId,
    });
    return findEndpoint(tx, id);
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
    const updated = await updateEndpoint(tx, tenantId, id, {
      url,
      events: patch.events ? [...new Set(patch.events)] : null,
      isActive: patch.is_active ?? null,
    });
    if (!updated) throw AppError.notFound(`Webhook endpoint ${id}`);
    return findEndpoint(tx, id);
  });
}

export function deleteWebhookEndpoint(database: Database, tenantId: number, id: number): Promise<void> {
  return withTenant(database, tenantId, async (tx) => {
    if (!(await deleteEndpoint(tx, tenantId, id))) throw AppError.notFound(`Webhook endpoint ${id}`);
  });
}

/** What the endpoint and delivery lists search and sort by (their query strings are built from them). */
export { DELIVERY_LIST };

/** Endpoints as a list: `q` searches URL and description; oldest first (the order they were added). */
export const ENDPOINT_LIST = {
  search: ['url', 'description'],
  sort: {
    created_at: { column: 'created_at', order: 'asc' },
    url: { column: 'url', order: 'asc' },
    last_delivery_at: { column: 'last_delivery_at', order: 'desc' },
    failed: { column: 'failed', order: 'desc' },
  },
  defaultSort: 'created_at',
} as const satisfies ListSpec;

/** A page of the agency's endpoints (a short list, read whole). */
export function listWebhookEndpointsPage(
  database: Database,
  tenantId: number,
  query: ListQuery<keyof typeof ENDPOINT_LIST.sort>,
): Promise<{ items: WebhookEndpoint[]; total: number }> {
  return withTenant(database, tenantId, async (tx) =>
    pageOfItems(await endpointsOf(tx, tenantId), ENDPOINT_LIST, query),
  );
}

/** A page of an endpoint's deliveries (newest first by default), each with its attempts (status, response time, error). */
export function listWebhookDeliveries(
  database: Database,
  tenantId: number,
  endpointId: number,
  query: Parameters<typeof latestDeliveries>[3],
): Promise<{ items: WebhookDelivery[]; total: number }> {
  return withTenant(database, tenantId, async (tx) => {
    if (!(await endpointExists(tx, tenantId, endpointId)))
      throw AppError.notFound(`Webhook endpoint ${endpointId}`);
    const page = await latestDeliveries(tx, tenantId, endpointId, query);
    return {
      items: page.items.map((row) => ({
        ...row,
        attempt_log: row.attempt_log.map((a) => ({ ...a, attempted_at: new Date(a.attempted_at) })),
      })),
      total: page.total,
    };
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
    const replay = await insertReplay(tx, tenantId, deliveryId);
    if (!replay) throw AppError.notFound(`Webhook delivery ${deliveryId}`);
    await queueDelivery(tx, queue, { tenantId, deliveryId: replay.id });
    return replay;
  });
}
