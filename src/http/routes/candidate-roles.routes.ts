import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/database.js';
import { correctRoleOfCandidate } from '../../roles/role-corrections.js';
import { ROLE_CHOICE_LIST, searchRolesByName } from '../../roles/role-queries.js';
import type { JobQueue } from '../../worker/job-queue.js';
import { requireRole, TENANT_ROLES, tenantOf } from '../auth/principal.js';
import { problemSchema } from '../problem.js';
import { databaseId, databaseIdValue, listQuery } from '../schemas.js';

const roleRef = z.object({ id: z.number().int(), name: z.string() });

/** A recruiter corrects the canonical role a preferred role mapped to. */
export function candidateRoleRoutes(deps: {
  database: Database;
  queue?: Pick<JobQueue, 'send'> | undefined;
}): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/roles',
      {
        preHandler: requireRole(...TENANT_ROLES, 'PM_ADMIN'),
        schema: {
          tags: ['candidates'],
          summary: 'Canonical roles by name or alias, for choosing a mapping',
          description:
            'Global roles whose name or alias contains `q`, for choosing a role mapping in the web app (names starting with `q` first, then the most wanted; `sort`/`order` sort otherwise); paginated with `page`/`page_size`; any signed-in user.',
          querystring: listQuery({}, ROLE_CHOICE_LIST, { default: 20, max: 50 }),
          response: {
            200: z
              .object({
                items: z.array(roleRef.extend({ category: z.string().nullable() })),
                total: z.number().int(),
              })
              .meta({
                examples: [
                  { items: [{ id: 12, name: 'Python Developer', category: 'Engineering' }], total: 1 },
                ],
              }),
            401: problemSchema,
          },
        },
      },
      async (request) => searchRolesByName(deps.database, request.query),
    );

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
          params: z.object({ id: databaseId }),
          body: z
            .object({
              input_text: z.string().trim().min(1).max(200),
              global_role_id: databaseIdValue,
            })
            .strict(),
          response: {
            200: z.object({ input_text: z.string(), previous_role: roleRef, role: roleRef }).meta({
              examples: [
                {
                  input_text: 'Backend Engineer',
                  previous_role: { id: 30, name: 'Software Engineer' },
                  role: { id: 44, name: 'Backend Developer' },
                },
              ],
            }),
            400: problemSchema,
            401: problemSchema,
            403: problemSchema,
            404: problemSchema,
          },
        },
      },
      async (request) =>
        correctRoleOfCandidate(deps.database, deps.queue, tenantOf(request), request.params.id, {
          ...request.body,
          reported_by: request.principal?.userId ?? null,
        }),
    );
  };
}
