import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/database.js';
import { QUEUE_STATUSES, SCRAPE_SESSION_STATUSES } from '../../db/schema.js';
import {
  API_KEY_LIST,
  createApiKey,
  listApiKeysPage,
  revokeApiKey,
  rotateApiKey,
  toApiKeySummary,
} from '../../scraper/api-keys.js';
import { requeueRole } from '../../scraper/queue-maintenance.js';
import {
  listQueue,
  listSessions,
  QUEUE_LIST,
  SCRAPER_SUMMARY_LIST,
  SESSION_LIST,
  summarizeScrapersPage,
} from '../../scraper/scrape-reports.js';
import { requireRole } from '../auth/principal.js';
import { guardEveryRoute } from '../openapi.js';
import { problemSchema } from '../problem.js';
import { apiKeyFields, databaseId, listQuery } from '../schemas.js';

const apiKeySchema = z.object(apiKeyFields).meta({
  id: 'ScraperApiKey',
  examples: [
    {
      id: 2,
      name: 'indeed-scraper',
      is_active: true,
      created_at: '2026-10-02T10:00:00.000Z',
      created_by: 1,
      last_used_at: '2026-11-30T09:12:00.000Z',
      total_requests: 5120,
      revoked_at: null,
    },
  ],
});

const pageSizes = { default: 50, max: 500 };
const sessionFilterShape = {
  scraper_key_id: databaseId.optional(),
  role_id: databaseId.optional(),
  status: z.enum(SCRAPE_SESSION_STATUSES).optional(),
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
};
const sessionSchema = z
  .object({
    id: z.number().int(),
    session_id: z.string(),
    scraper_key_id: z.number().int(),
    scraper_name: z.string().nullable(),
    global_role_id: z.number().int().nullable(),
    role_name: z.string().nullable(),
    status: z.string(),
    started_at: z.date(),
    completed_at: z.date().nullable(),
    duration_seconds: z.number().int().nullable(),
    jobs_found: z.number().int().nullable(),
    jobs_imported: z.number().int().nullable(),
    jobs_skipped: z.number().int().nullable(),
    jobs_failed: z.number().int().nullable(),
    error_message: z.string().nullable(),
  })
  .meta({
    id: 'ScrapeSession',
    examples: [
      {
        id: 311,
        session_id: '0b6a1a52-3f0e-4f6e-9d43-2f1c7b9f3e21',
        scraper_key_id: 2,
        scraper_name: 'indeed-scraper',
        global_role_id: 12,
        role_name: 'Python Developer',
        status: 'completed',
        started_at: '2026-11-28T14:05:00.000Z',
        completed_at: '2026-11-28T14:06:24.000Z',
        duration_seconds: 84,
        jobs_found: 3,
        jobs_imported: 1,
        jobs_skipped: 1,
        jobs_failed: 1,
        error_message: null,
      },
    ],
  });

/** Platform admins: scraper keys, the scrape queue and scraper performance. */
export function adminScraperRoutes(deps: { database: Database }): FastifyPluginAsyncZod {
  return async (app) => {
    app.addHook('onRoute', guardEveryRoute(requireRole('PM_ADMIN')));
    const errors = { 401: problemSchema, 403: problemSchema };

    app.post(
      '/api/admin/scraper-keys',
      {
        schema: {
          tags: ['scraper admin'],
          summary: 'Create a scraper API key; the secret is in this response only',
          description:
            'Creates a named key; the secret (`jm_sk_...`) is returned once and stored only as a hash.',
          body: z.object({ name: z.string() }).strict(),
          response: {
            201: z.object({ key: apiKeySchema, secret: z.string() }),
            400: problemSchema,
            ...errors,
          },
        },
      },
      async (request, reply) => {
        const created = await createApiKey(deps.database, {
          name: request.body.name,
          createdBy: request.principal?.userId ?? null,
        });
        return reply.status(201).send({ key: toApiKeySummary(created.key), secret: created.secret });
      },
    );
    app.get(
      '/api/admin/scraper-keys',
      {
        schema: {
          tags: ['scraper admin'],
          summary: 'Scraper API keys (never their secrets)',
          description:
            'Every scraper key with its name and state (active, rotating, revoked), newest first; secrets are never shown again. `q` searches the name, `sort`/`order` sort them; paginated with `page`/`page_size`.',
          querystring: listQuery({}, API_KEY_LIST, { default: 500, max: 500 }),
          response: { 200: z.object({ items: z.array(apiKeySchema), total: z.number().int() }), ...errors },
        },
      },
      async (request) => listApiKeysPage(deps.database, request.query),
    );
    app.post(
      '/api/admin/scraper-keys/:id/revoke',
      {
        schema: {
          tags: ['scraper admin'],
          summary: 'Revoke a scraper API key (idempotent)',
          description: 'Revokes the key at once; revoking a revoked key answers `already_revoked: true`.',
          params: z.object({ id: databaseId }),
          response: {
            200: z.object({ key: apiKeySchema, already_revoked: z.boolean() }),
            404: problemSchema,
            ...errors,
          },
        },
      },
      async (request) => {
        const { key, alreadyRevoked } = await revokeApiKey(deps.database, request.params.id);
        return { key, already_revoked: alreadyRevoked };
      },
    );
    app.post(
      '/api/admin/scraper-keys/:id/rotate',
      {
        schema: {
          tags: ['scraper admin'],
          summary: 'Rotate a scraper API key: a new key now, the old one working for an overlap period',
          description:
            'Creates a successor key (secret shown once) and lets the old key work for `overlap_minutes` more; a key already being rotated is a 409, a revoked or unknown one a 404.',
          params: z.object({ id: databaseId }),
          body: z.object({ overlap_minutes: z.number().int().min(0).max(10_080).default(60) }).strict(),
          response: {
            201: z.object({ key: apiKeySchema, secret: z.string(), previous_key: apiKeySchema }),
            404: problemSchema,
            409: problemSchema,
            ...errors,
          },
        },
      },
      async (request, reply) => {
        const rotated = await rotateApiKey(deps.database, request.params.id, {
          overlapSeconds: request.body.overlap_minutes * 60,
          createdBy: request.principal?.userId ?? null,
        });
        return reply.status(201).send({
          key: toApiKeySummary(rotated.key),
          secret: rotated.secret,
          previous_key: toApiKeySummary(rotated.previous),
        });
      },
    );

    app.get(
      '/api/admin/queue',
      {
        schema: {
          tags: ['scraper admin'],
          summary: 'The scrape queue: roles with status, priority, candidate counts and last scrape',
          description:
            'Roles in the scrape queue with queue status, priority, candidate count, jobs scraped, last scrape and failures, in claim order; filter by status, `q` searches name and category, `sort`/`order` sort them; paginated with `page`/`page_size`.',
          querystring: listQuery({ status: z.enum(QUEUE_STATUSES).optional() }, QUEUE_LIST, pageSizes),
          response: {
            200: z
              .object({
                items: z.array(
                  z.object({
                    id: z.number().int(),
                    name: z.string(),
                    category: z.string().nullable(),
                    queue_status: z.string(),
                    priority: z.string(),
                    candidate_count: z.number().int(),
                    total_jobs_scraped: z.number().int(),
                    last_scraped_at: z.date().nullable(),
                    scrape_failures: z.number().int(),
                    last_scrape_error: z.string().nullable(),
                  }),
                ),
                total: z.number().int(),
              })
              .meta({
                examples: [
                  {
                    items: [
                      {
                        id: 12,
                        name: 'Python Developer',
                        category: 'Engineering',
                        queue_status: 'pending',
                        priority: 'high',
                        candidate_count: 17,
                        total_jobs_scraped: 240,
                        last_scraped_at: '2026-11-28T14:05:00.000Z',
                        scrape_failures: 0,
                        last_scrape_error: null,
                      },
                    ],
                    total: 1,
                  },
                ],
              }),
            ...errors,
          },
        },
      },
      async (request) => listQueue(deps.database, request.query),
    );

    app.post(
      '/api/admin/queue/:id/requeue',
      {
        schema: {
          tags: ['scraper admin'],
          summary: 'Put a role back in the scrape queue (a `failed` one after its retry cap), failures reset',
          description:
            'Sets the role back to `pending` and its failure count to zero, so scrapers claim it again.',
          params: z.object({ id: databaseId }),
          response: {
            200: z
              .object({ id: z.number().int(), queue_status: z.string() })
              .meta({ examples: [{ id: 12, queue_status: 'pending' }] }),
            404: problemSchema,
            ...errors,
          },
        },
      },
      async (request) => requeueRole(deps.database, request.params.id),
    );

    app.get(
      '/api/admin/scrape-sessions',
      {
        schema: {
          tags: ['scraper admin'],
          summary: 'Scrape sessions, newest first, filtered by scraper, role, status and time range',
          description:
            'Scrape sessions with scraper, role, status, counts, duration and error; filter by scraper key, role, status and a `from`/`to` time range, `q` searches scraper, role and error, `sort`/`order` sort them; paginated with `page`/`page_size`.',
          querystring: listQuery(sessionFilterShape, SESSION_LIST, pageSizes),
          response: { 200: z.object({ items: z.array(sessionSchema), total: z.number().int() }), ...errors },
        },
      },
      async (request) => listSessions(deps.database, request.query),
    );

    app.get(
      '/api/admin/scrape-sessions/summary',
      {
        schema: {
          tags: ['scraper admin'],
          summary:
            'Per-scraper summary: sessions, jobs per session, failure and timeout rates, median duration',
          description:
            'One row per scraper key over the filtered sessions: sessions per outcome, jobs found and imported, jobs per session, failure and timeout rate and median duration; most sessions first. `q` searches the scraper name, `sort`/`order` sort them; paginated with `page`/`page_size`.',
          querystring: listQuery(sessionFilterShape, SCRAPER_SUMMARY_LIST, { default: 500, max: 500 }),
          response: {
            200: z
              .object({
                items: z.array(
                  z.object({
                    scraper_key_id: z.number().int(),
                    scraper_name: z.string().nullable(),
                    sessions: z.number().int(),
                    completed: z.number().int(),
                    failed: z.number().int(),
                    timed_out: z.number().int(),
                    in_progress: z.number().int(),
                    jobs_found: z.number().int(),
                    jobs_imported: z.number().int(),
                    jobs_per_session: z.number().nullable(),
                    failure_rate: z.number().nullable(),
                    timeout_rate: z.number().nullable(),
                    median_duration_seconds: z.number().nullable(),
                  }),
                ),
                total: z.number().int(),
              })
              .meta({
                examples: [
                  {
                    items: [
                      {
                        scraper_key_id: 2,
                        scraper_name: 'indeed-scraper',
                        sessions: 40,
                        completed: 36,
                        failed: 3,
                        timed_out: 1,
                        in_progress: 0,
                        jobs_found: 1210,
                        jobs_imported: 830,
                        jobs_per_session: 30.25,
                        failure_rate: 0.075,
                        timeout_rate: 0.025,
                        median_duration_seconds: 81,
                      },
                    ],
                    total: 1,
                  },
                ],
              }),
            ...errors,
          },
        },
      },
      async (request) => summarizeScrapersPage(deps.database, request.query),
    );
  };
}
