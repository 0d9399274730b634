import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { CandidateServiceDependencies } from '../../candidates/candidates.js';
import { keepBothCandidates } from '../../candidates/find-duplicates.js';
import { mergeCandidates, undoMerge } from '../../candidates/merge-candidates.js';
import { actorOf, requireRole, TENANT_ROLES } from '../auth/principal.js';
import { problemSchema } from '../problem.js';
import { idParams } from '../schemas.js';

const otherId = z.number().int().positive().max(2_147_483_647);
const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema } as const;

/** What a recruiter does about a duplicate: merge (undoable for 30 days), or keep both. */
export function candidateDuplicateRoutes(deps: CandidateServiceDependencies): FastifyPluginAsyncZod {
  return async (app) => {
    const recruiter = { preHandler: requireRole(...TENANT_ROLES) };

    app.post(
      '/api/candidates/:id/merge',
      {
        ...recruiter,
        schema: {
          tags: ['candidates'],
          summary:
            'Merge a duplicate into this candidate: history, roles, matches, applications and files move here; undo within 30 days',
          description:
            'Merges the candidate named in the body into this one: status history, roles, matches, applications and resume files move here and the other candidate is removed; the merge can be undone until `undo_until`.',
          params: idParams,
          body: z.object({ duplicate_id: otherId }).strict(),
          response: {
            200: z
              .object({
                merge_id: z.number().int(),
                kept_candidate_id: z.number().int(),
                merged_candidate_id: z.number().int(),
                undo_until: z.date(),
              })
              .meta({
                examples: [
                  {
                    merge_id: 9,
                    kept_candidate_id: 42,
                    merged_candidate_id: 57,
                    undo_until: '2026-12-30T09:12:00.000Z',
                  },
                ],
              }),
            ...errors,
          },
        },
      },
      async (request) =>
        mergeCandidates(deps, actorOf(request), request.params.id, request.body.duplicate_id),
    );

    app.post(
      '/api/candidate-merges/:id/undo',
      {
        ...recruiter,
        schema: {
          tags: ['candidates'],
          summary: 'Undo a merge (within 30 days): the merged candidate comes back with what moved',
          description:
            'Restores the merged candidate with everything that moved; after 30 days it is a 422, a merge undone before is a 409.',
          params: idParams,
          response: {
            200: z
              .object({ restored_candidate_id: z.number().int() })
              .meta({ examples: [{ restored_candidate_id: 57 }] }),
            ...errors,
            409: problemSchema,
            422: problemSchema,
          },
        },
      },
      async (request) => undoMerge(deps, actorOf(request), request.params.id),
    );

    app.post(
      '/api/candidates/:id/not-duplicate',
      {
        ...recruiter,
        schema: {
          tags: ['candidates'],
          summary: 'Keep both: remember that two candidates are different people',
          description:
            'Records that this candidate and the one in the body are different people, so the duplicate check stops pairing them.',
          params: idParams,
          body: z
            .object({ other_id: otherId })
            .strict()
            .meta({ examples: [{ other_id: 57 }] }),
          response: { 204: z.null(), ...errors },
        },
      },
      async (request, reply) => {
        await keepBothCandidates(deps.database, actorOf(request), request.params.id, request.body.other_id);
        return reply.status(204).send(null);
      },
    );
  };
}
