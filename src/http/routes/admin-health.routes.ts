import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/database.js';
import { EVENT } from '../../events/events.js';
import { healthReport } from '../../operations/health.js';
import { retryFailedTask } from '../../operations/task-queries.js';
import { requireRole } from '../auth/principal.js';
import { guardEveryRoute } from '../openapi.js';
import { problemSchema } from '../problem.js';

const healthSchema = z
  .object({
    database: z.object({
      engine: z.enum(['pglite', 'pg']),
      location: z.string(),
      reachable: z.literal(true),
    }),
    migrations: z.object({ applied: z.number().int(), pending: z.array(z.string()) }),
    workers: z.array(
      z.object({
        host: z.string(),
        pid: z.number().int(),
        kind: z.string(),
        started_at: z.date(),
        last_seen_at: z.date(),
        alive: z.boolean(),
      }),
    ),
    queues: z.array(
      z.object({
        name: z.string(),
        waiting: z.number().int(),
        active: z.number().int(),
        failed: z.number().int(),
        oldest_waiting_at: z.date().nullable(),
      }),
    ),
    failed_tasks: z.array(
      z.object({
        id: z.string(),
        queue: z.string(),
        failed_at: z.date().nullable(),
        retry_count: z.number().int(),
        error: z.string().nullable(),
      }),
    ),
    scrapers: z.array(
      z.object({
        scraper_key_id: z.number().int(),
        scraper_name: z.string(),
        last_session_at: z.date(),
        last_status: z.string(),
        last_error: z.string().nullable(),
      }),
    ),
  })
  .meta({
    id: 'HealthReport',
    examples: [
      {
        database: { engine: 'pg', location: '127.0.0.1:5432/jobmatch', reachable: true },
        migrations: { applied: 31, pending: [] },
        workers: [
          {
            host: 'app-1',
            pid: 4121,
            kind: 'worker',
            started_at: '2026-11-28T14:05:00.000Z',
            last_seen_at: '2026-11-30T09:12:00.000Z',
            alive: true,
          },
        ],
        queues: [
          {
            name: EVENT.webhookDelivery,
            waiting: 3,
            active: 1,
            failed: 0,
            oldest_waiting_at: '2026-11-30T09:12:00.000Z',
          },
        ],
        failed_tasks: [],
        scrapers: [
          {
            scraper_key_id: 2,
            scraper_name: 'indeed-scraper',
            last_session_at: '2026-11-28T14:05:00.000Z',
            last_status: 'completed',
            last_error: null,
          },
        ],
      },
    ],
  });

/** Platform admins: the operational state (database, workers, task backlog and failures, scrapers). */
export function adminHealthRoutes(deps: { database: Database }): FastifyPluginAsyncZod {
  return async (app) => {
    app.addHook('onRoute', guardEveryRoute(requireRole('PM_ADMIN')));
    app.get(
      '/api/admin/health',
      {
        schema: {
          tags: ['health'],
          summary:
            'Database, migrations, workers alive, task backlog per queue, failed tasks, last scrape per scraper',
          description:
            'The operational state in one answer: database engine and migrations, live workers with host and pid, backlog and oldest waiting task per queue, recent failed tasks with their error, and the last session per scraper.',
          response: { 200: healthSchema, 401: problemSchema, 403: problemSchema },
        },
      },
      async () => healthReport(deps.database),
    );
    app.post(
      '/api/admin/health/failed-tasks/:id/retry',
      {
        schema: {
          tags: ['health'],
          summary: 'Put a failed background task back in its queue (one more attempt)',
          description:
            'Retries one failed task listed by `GET /api/admin/health` (its id there): the task goes back to its queue as created, with one more attempt. A task that is not failed (or no longer exists) is a 404.',
          params: z.object({ id: z.uuid() }),
          response: {
            200: z.object({ id: z.string(), queue: z.string() }).meta({
              example: { id: '0b6f3c1e-8a51-4c8e-9d0e-2f1a7c5b9e44', queue: EVENT.webhookDelivery },
            }),
            401: problemSchema,
            403: problemSchema,
            404: problemSchema,
          },
        },
      },
      async (request) => retryFailedTask(deps.database, request.params.id),
    );
  };
}
