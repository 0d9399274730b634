import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/database.js';
import { reportRoleMapping } from '../../roles/role-corrections.js';
import { requireRole, TENANT_ROLES, tenantOf } from '../auth/principal.js';
import { problemSchema } from '../problem.js';
import { databaseIdValue } from '../schemas.js';
import { roleReportSchema } from './admin-roles.routes.js';

/** Recruiters report a preferred role that was mapped to the wrong canonical role. */
export function roleReportRoutes(deps: { database: Database }): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/api/roles/reports',
      {
        preHandler: requireRole(...TENANT_ROLES),
        schema: {
          tags: ['roles'],
          summary: 'Report a wrong role mapping (admins review reports)',
          description:
            "A recruiter reports that a candidate's preferred role or a job was mapped to the wrong global role, optionally proposing the right one; platform admins see it in the role reports.",
          body: z
            .object({
              input_text: z.string().trim().min(1).max(200),
              candidate_id: databaseIdValue.nullable().optional(),
              global_role_id: databaseIdValue.nullable().optional(),
              suggested_role_name: z.string().trim().min(1).max(255).nullable().optional(),
              note: z.string().trim().max(2000).nullable().optional(),
            })
            .strict(),
          response: {
            201: roleReportSchema,
            400: problemSchema,
            401: problemSchema,
            403: problemSchema,
            404: problemSchema,
          },
        },
      },
      async (request, reply) => {
        const body = request.body;
        const report = await reportRoleMapping(deps.database, tenantOf(request), {
          inputText: body.input_text,
          candidateId: body.candidate_id ?? null,
          globalRoleId: body.global_role_id ?? null,
          suggestedRoleName: body.suggested_role_name ?? null,
          note: body.note ?? null,
          reportedBy: request.principal?.userId ?? null,
        });
        return reply.status(201).send(report);
      },
    );
  };
}
