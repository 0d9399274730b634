import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { assignCandidateOwner } from '../../candidates/candidate-overview.js';
import type { Database } from '../../db/database.js';
import { requireRole, tenantOf } from '../auth/principal.js';
import { problemSchema } from '../problem.js';
import { candidateSchema } from './candidates.routes.js';

const id = z.coerce.number().int().positive().max(2_147_483_647);

export function candidateOwnerRoutes(deps: { database: Database }): FastifyPluginAsyncZod {
  return async (app) => {
    app.put(
      '/api/candidates/:id/owner',
      {
        preHandler: requireRole('TENANT_ADMIN'),
        schema: {
          tags: ['candidates'],
          summary: 'Give a candidate to another recruiter of the agency (null: no owner); agency admins',
          description:
            'Sets the owning recruiter (a user of the agency) or clears it with null; a user of another agency or an inactive one is a 422.',
          params: z.object({ id }),
          body: z.object({ owner_user_id: id.nullable() }).strict(),
          response: {
            200: candidateSchema,
            400: problemSchema,
            401: problemSchema,
            403: problemSchema,
            404: problemSchema,
            422: problemSchema,
          },
        },
      },
      async (request) =>
        assignCandidateOwner(deps.database, tenantOf(request), request.params.id, request.body.owner_user_id),
    );
  };
}
