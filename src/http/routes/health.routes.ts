import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/database.js';
import { readMigrations } from '../../db/migrator.js';
import { checkReadiness } from '../../operations/readiness.js';
import { problemSchema } from '../problem.js';

const readySchema = z
  .object({
    status: z.literal('ready'),
    database: z.object({ engine: z.enum(['pglite', 'pg']), migrationsApplied: z.number().int() }),
    /** Processes running background tasks seen recently: 0 means nothing is matching or scraping upkeep. */
    workers: z.object({ alive: z.number().int() }),
  })
  .meta({
    examples: [{ status: 'ready', database: { engine: 'pg', migrationsApplied: 31 }, workers: { alive: 2 } }],
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
            '200 when the database answers and every migration is applied, with the engine and the live workers; otherwise 503, so a load balancer stops sending traffic.',
          response: { 200: readySchema, 503: problemSchema },
        },
      },
      async () => checkReadiness(database, migrations),
    );
  };
}
