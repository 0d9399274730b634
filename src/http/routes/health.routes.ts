import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/database.js';
import { readMigrations } from '../../db/migrator.js';
import { EVENT } from '../../events/events.js';
import { checkReadiness } from '../../operations/readiness.js';
import { problemSchema } from '../problem.js';

const readySchema = z
  .object({
    status: z.literal('ready'),
    database: z.object({ engine: z.enum(['pglite', 'pg']), migrationsApplied: z.number().int() }),
    /** Processes running background tasks seen recently: 0 means nothing is matching or scraping upkeep. */
    workers: z.object({ alive: z.number().int() }),
    /** Each task queue's backlog: a growing `waiting` with an old `oldestWaitingAt` means tasks are not being run. */
    queues: z.array(
      z.object({
        name: z.string(),
        waiting: z.number().int(),
        active: z.number().int(),
        failed: z.number().int(),
        oldestWaitingAt: z.string().nullable(),
      }),
    ),
  })
  .meta({
    examples: [
      {
        status: 'ready',
        database: { engine: 'pg', migrationsApplied: 31 },
        workers: { alive: 2 },
        queues: [
          {
            name: EVENT.jobsImported,
            waiting: 3,
            active: 1,
            failed: 0,
            oldestWaitingAt: '2026-05-04T09:30:00.000Z',
          },
        ],
      },
    ],
  });

export function healthRoutes(database: Database): FastifyPluginAsyncZod {
  const migrations = readMigrations();
  return async (app) => {
    app.get(
      '/healthz',
      {
        schema: {
          tags: ['health'],
          security: [],
          summary: 'Liveness: the process is up',
          description:
            'Answers 200 while the process runs, without touching the database; for a liveness probe.',
          response: { 200: z.object({ status: z.literal('ok') }).meta({ examples: [{ status: 'ok' }] }) },
        },
      },
      async () => ({ status: 'ok' as const }),
    );

    app.get(
      '/readyz',
      {
        schema: {
          tags: ['health'],
          security: [],
          summary: 'Readiness: the database is reachable and its migrations are current',
          description:
            "200 when the database answers and every migration is applied, with the engine, the live workers and each task queue's backlog (waiting, running and failed tasks, the oldest waiting one's time); otherwise 503, so a load balancer stops sending traffic.",
          response: { 200: readySchema, 503: problemSchema },
        },
      },
      async () => checkReadiness(database, migrations),
    );
  };
}
