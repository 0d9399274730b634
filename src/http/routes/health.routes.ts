import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/database.js';
import { readMigrations } from '../../db/migrator.js';
import { checkReadiness } from '../../operations/readiness.js';
import { problemSchema } from '../problem.js';

const readySchema = z.object({
  status: z.literal('ready'),
  database: z.object({ engine: z.enum(['pglite', 'pg']), migrationsApplied: z.number().int() }),
  /** Processes running background tasks seen recently: 0 means nothing is matching or scraping upkeep. */
  workers: z.object({ alive: z.number().int() }),
});

export function healthRoutes(database: Database): FastifyPluginAsyncZod {
  const migrations = readMigrations();
  return async (app) => {
    app.get(
      '/healthz',
      {
        schema: {
          tags: ['health'],
          summary: 'Liveness: the process is up',
          response: { 200: z.object({ status: z.literal('ok') }) },
        },
      },
      async () => ({ status: 'ok' as const }),
    );

    app.get(
      '/readyz',
      {
        schema: {
          tags: ['health'],
          summary: 'Readiness: the database is reachable and its migrations are current',
          response: { 200: readySchema, 503: problemSchema },
        },
      },
      async () => checkReadiness(database, migrations),
    );
  };
}
