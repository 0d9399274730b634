import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/database.js';
import { ADMIN_JOB_STATUSES, setJobStatus } from '../../jobs/set-job-status.js';
import { requireRole } from '../auth/principal.js';
import { guardEveryRoute } from '../openapi.js';
import { problemSchema } from '../problem.js';
import { databaseId } from '../schemas.js';

export function adminJobRoutes(deps: { database: Database }): FastifyPluginAsyncZod {
  return async (app) => {
    app.addHook('onRoute', guardEveryRoute(requireRole('PM_ADMIN')));
    app.patch(
      '/api/admin/jobs/:id',
      {
        schema: {
          tags: ['jobs'],
          summary: "Set a job's status: filled or closed by hand, or active again",
          description:
            "Sets a job posting's status by hand; a closed or filled job leaves matching and search results.",
          params: z.object({ id: databaseId }),
          body: z.object({ status: z.enum(ADMIN_JOB_STATUSES) }).strict(),
          response: {
            200: z
              .object({
                id: z.number().int(),
                status: z.string().nullable(),
                updated_at: z.date().nullable(),
              })
              .meta({ examples: [{ id: 1207, status: 'filled', updated_at: '2026-11-30T09:12:00.000Z' }] }),
            404: problemSchema,
          },
        },
      },
      async (request) => {
        const job = await setJobStatus(deps.database, request.params.id, request.body.status);
        return { id: job.id, status: job.status, updated_at: job.updated_at };
      },
    );
  };
}
