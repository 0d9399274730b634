import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notifyCandidateChanged } from '../../candidates/candidate-events.js';
import type { Database } from '../../db/database.js';
import { withTenant } from '../../db/with-tenant.js';
import { correctCandidateRole } from '../../roles/correct-candidate-role.js';
import type { JobQueue } from '../../worker/job-queue.js';
import { requireRole, TENANT_ROLES, tenantOf } from '../auth/principal.js';
import { problemSchema } from '../problem.js';

const roleRef = z.object({ id: z.number().int(), name: z.string() });

/** A recruiter corrects the canonical role a preferred role mapped to. */
export function candidateRoleRoutes(deps: {
  database: Database;
  queue?: Pick<JobQueue, 'send'> | undefined;
}): FastifyPluginAsyncZod {
  return async (app) => {
    app.put(
      '/api/candidates/:id/roles',
      {
        preHandler: requireRole(...TENANT_ROLES),
        schema: {
          tags: ['candidates'],
          summary: "Correct the canonical role one of the candidate's preferred roles maps to",
          description:
            'The link becomes manual (kept across later profile edits), role counts stay exact, the candidate is ' +
            'rescored, and the correction is filed as a mapping report for the platform admins.',
          params: z.object({ id: z.coerce.number().int().positive() }),
          body: z
            .object({
              input_text: z.string().trim().min(1).max(200),
              global_role_id: z.number().int().positive(),
            })
            .strict(),
          response: {
            200: z.object({ input_text: z.string(), previous_role: roleRef, role: roleRef }),
            400: problemSchema,
            401: problemSchema,
            403: problemSchema,
            404: problemSchema,
          },
        },
      },
      async (request) => {
        const tenantId = tenantOf(request);
        return withTenant(deps.database, tenantId, async (tx) => {
          const corrected = await correctCandidateRole(tx, tenantId, request.params.id, {
            ...request.body,
            reported_by: request.principal?.userId ?? null,
          });
          await notifyCandidateChanged(deps.queue, tx, { tenantId, candidateId: request.params.id });
          return corrected;
        });
      },
    );
  };
}
