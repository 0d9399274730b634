import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/database.js';
import { WEBHOOK_DELIVERY_STATUSES, WEBHOOK_EVENTS } from '../../db/schema.js';
import { AppError } from '../../errors.js';
import type { OutgoingPolicy } from '../../webhooks/outgoing-request.js';
import {
  createWebhookEndpoint,
  DELIVERY_LIST,
  deleteWebhookEndpoint,
  ENDPOINT_LIST,
  listWebhookDeliveries,
  listWebhookEndpointsPage,
  replayWebhookDelivery,
  updateWebhookEndpoint,
} from '../../webhooks/webhook-endpoints.js';
import type { JobQueue } from '../../worker/job-queue.js';
import { requireRole, tenantOf } from '../auth/principal.js';
import { problemSchema } from '../problem.js';
import { idParams, listQuery } from '../schemas.js';

const events = z.array(z.enum(WEBHOOK_EVENTS)).min(1).max(WEBHOOK_EVENTS.length);
const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema } as const;
const endpointSchema = z
  .object({
    id: z.number().int(),
    url: z.string(),
    description: z.string().nullable(),
    events: z.array(z.enum(WEBHOOK_EVENTS)),
    secret: z.string().meta({
      description: 'Signs each delivery: Jobmatch-Signature: t=<unix>,v1=<HMAC-SHA256 hex of "t.body">',
    }),
    is_active: z.boolean(),
    created_at: z.date(),
    deliveries: z.number().int(),
    failed: z.number().int(),
    last_delivery_at: z.date().nullable(),
  })
  .meta({
    id: 'WebhookEndpoint',
    examples: [
      {
        id: 4,
        url: 'https://hooks.northwind.example/jobmatch',
        description: 'ATS sync',
        events: ['match.recommended', 'placement.created'],
        secret: 'whsec_6f1c2d9a8b7e4f3a',
        is_active: true,
        created_at: '2026-11-28T14:05:00.000Z',
        deliveries: 12,
        failed: 1,
        last_delivery_at: '2026-11-30T09:12:00.000Z',
      },
    ],
  });
const deliverySchema = z
  .object({
    id: z.number().int(),
    endpoint_id: z.number().int(),
    event_type: z.enum(WEBHOOK_EVENTS),
    event_key: z.string(),
    payload: z.unknown(),
    status: z.enum(WEBHOOK_DELIVERY_STATUSES),
    attempts: z.number().int(),
    last_status_code: z.number().int().nullable(),
    last_error: z.string().nullable(),
    last_duration_ms: z.number().int().nullable(),
    replay_of: z.number().int().nullable(),
    created_at: z.date(),
    delivered_at: z.date().nullable(),
    attempt_log: z.array(
      z.object({
        attempted_at: z.date(),
        status_code: z.number().int().nullable(),
        duration_ms: z.number().int(),
        error: z.string().nullable(),
      }),
    ),
  })
  .meta({
    id: 'WebhookDelivery',
    examples: [
      {
        id: 120,
        endpoint_id: 4,
        event_type: 'placement.created',
        event_key: 'placement:21',
        payload: { placement_id: 21, candidate_id: 42 },
        status: 'succeeded',
        attempts: 2,
        last_status_code: 200,
        last_error: null,
        last_duration_ms: 184,
        replay_of: null,
        created_at: '2026-11-30T09:12:00.000Z',
        delivered_at: '2026-11-30T09:12:00.000Z',
        attempt_log: [
          {
            attempted_at: '2026-11-30T09:12:00.000Z',
            status_code: 503,
            duration_ms: 2010,
            error: 'HTTP 503',
          },
          { attempted_at: '2026-11-30T09:12:00.000Z', status_code: 200, duration_ms: 184, error: null },
        ],
      },
    ],
  });

/** Webhook endpoints of an agency, their delivery log and replays; agency admins only. */
export function webhookRoutes(deps: {
  database: Database;
  policy: OutgoingPolicy;
  queue?: Pick<JobQueue, 'send'> | undefined;
}): FastifyPluginAsyncZod {
  return async (app) => {
    const admin = { preHandler: requireRole('TENANT_ADMIN') };
    const tags = ['webhooks'];

    app.get(
      '/api/webhooks',
      {
        ...admin,
        schema: {
          tags,
          summary: "The agency's webhook endpoints",
          description:
            "The agency's registered endpoints with their events, signing secret, whether they are active, and delivery counts; `q` searches URL and description, `sort`/`order` sort them; paginated with `page`/`page_size`.",
          querystring: listQuery({}, ENDPOINT_LIST, { default: 500, max: 500 }),
          response: { 200: z.object({ items: z.array(endpointSchema), total: z.number().int() }), ...errors },
        },
      },
      async (request) => listWebhookEndpointsPage(deps.database, tenantOf(request), request.query),
    );

    app.post(
      '/api/webhooks',
      {
        ...admin,
        schema: {
          tags,
          summary:
            'Register an HTTPS endpoint for match.recommended, application.status_changed, placement.created, candidate.created',
          description:
            "Registers an endpoint for the listed events. Each delivery is signed with the endpoint's `secret` (`Jobmatch-Signature` header). A text that is not a URL, or a URL the outgoing policy refuses (e.g. plain HTTP or a private address), is a 422.",
          body: z
            .object({
              url: z.string().min(1).max(2000),
              description: z.string().max(200).nullable().optional(),
              events,
            })
            .strict(),
          response: { 201: endpointSchema, ...errors, 422: problemSchema },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await createWebhookEndpoint(
              deps.database,
              { tenantId: tenantOf(request), userId: request.principal!.userId },
              deps.policy,
              request.body,
            ),
          ),
    );

    app.patch(
      '/api/webhooks/:id',
      {
        ...admin,
        schema: {
          tags,
          summary: 'Change an endpoint: URL, events, or switch it off and on',
          description:
            "Changes the URL, the events or `is_active` of one of the agency's endpoints; a URL the outgoing policy refuses is a 422.",
          params: idParams,
          body: z
            .object({
              url: z.string().min(1).max(2000).optional(),
              events: events.optional(),
              is_active: z.boolean().optional(),
            })
            .strict(),
          response: { 200: endpointSchema, ...errors, 404: problemSchema, 422: problemSchema },
        },
      },
      async (request) =>
        updateWebhookEndpoint(deps.database, tenantOf(request), deps.policy, request.params.id, request.body),
    );

    app.delete(
      '/api/webhooks/:id',
      {
        ...admin,
        schema: {
          tags,
          summary: 'Remove an endpoint with its delivery log',
          description: 'Deletes the endpoint together with its delivery log.',
          params: idParams,
          response: { 204: z.null(), ...errors, 404: problemSchema },
        },
      },
      async (request, reply) => {
        await deleteWebhookEndpoint(deps.database, tenantOf(request), request.params.id);
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/api/webhooks/:id/deliveries',
      {
        ...admin,
        schema: {
          tags,
          summary: "An endpoint's latest deliveries with every attempt (HTTP status, response time, error)",
          description:
            'Deliveries to the endpoint, newest first, each with its attempts (status code, duration, error); `q` searches event type and key, status and error, `sort`/`order` sort them; paginated with `page`/`page_size`.',
          params: idParams,
          querystring: listQuery({}, DELIVERY_LIST, { default: 50, max: 200 }),
          response: {
            200: z.object({ items: z.array(deliverySchema), total: z.number().int() }),
            ...errors,
            404: problemSchema,
          },
        },
      },
      async (request) =>
        listWebhookDeliveries(deps.database, tenantOf(request), request.params.id, request.query),
    );

    app.post(
      '/api/webhooks/deliveries/:id/replay',
      {
        ...admin,
        schema: {
          tags,
          summary: 'Send a delivery again (a new delivery, signed afresh)',
          description:
            'Queues a new delivery of the same event and payload, signed afresh; 503 when no background queue runs.',
          params: idParams,
          response: {
            202: z.object({ id: z.number().int() }).meta({ examples: [{ id: 121 }] }),
            ...errors,
            404: problemSchema,
            503: problemSchema,
          },
        },
      },
      async (request, reply) => {
        if (!deps.queue)
          throw new AppError('unavailable', 'Background tasks are not running in this process.');
        return reply
          .status(202)
          .send(await replayWebhookDelivery(deps.database, deps.queue, tenantOf(request), request.params.id));
      },
    );
  };
}
