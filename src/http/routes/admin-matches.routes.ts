import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { MatchingDependencies } from '../../matching/match-imported-jobs.js';
import { checkMatches } from '../../matching/refresh-matches.js';
import { requireRole } from '../auth/principal.js';
import { guardEveryRoute } from '../openapi.js';
import { problemSchema } from '../problem.js';

const driftSchema = z
  .object({
    candidates_checked: z.number().int(),
    pairs_expected: z.number().int(),
    pairs_stored: z.number().int(),
    missing: z.number().int(),
    unexpected: z.number().int(),
    outdated: z.number().int(),
    drifted_candidates: z.array(z.number().int()),
    samples: z.array(
      z.object({
        candidate_id: z.number().int(),
        job_posting_id: z.number().int(),
        kind: z.enum(['missing', 'unexpected', 'outdated']),
        stored_score: z.number().nullable(),
        expected_score: z.number().nullable(),
      }),
    ),
    repaired: z.boolean(),
  })
  .meta({
    id: 'MatchDrift',
    examples: [
      {
        candidates_checked: 240,
        pairs_expected: 3310,
        pairs_stored: 3308,
        missing: 2,
        unexpected: 0,
        outdated: 1,
        drifted_candidates: [42],
        samples: [
          {
            candidate_id: 42,
            job_posting_id: 1207,
            kind: 'outdated',
            stored_score: 84.1,
            expected_score: 87.5,
          },
        ],
        repaired: false,
      },
    ],
  });

/** Platform admins: drift between stored matches and a full rescore, and its repair. */
export function adminMatchRoutes(deps: { matching: () => MatchingDependencies }): FastifyPluginAsyncZod {
  return async (app) => {
    app.addHook('onRoute', guardEveryRoute(requireRole('PM_ADMIN')));
    app.get(
      '/api/admin/matches/check',
      {
        schema: {
          tags: ['matches'],
          summary: 'Compare stored matches with a from-scratch rescore (nothing is written)',
          description:
            'Rescores every candidate from scratch in memory and reports stored matches that are missing, extra or have a different score; read-only.',
          response: { 200: driftSchema, 401: problemSchema, 403: problemSchema },
        },
      },
      async () => checkMatches(deps.matching()),
    );
    app.post(
      '/api/admin/matches/repair',
      {
        schema: {
          tags: ['matches'],
          summary: 'Compare, then rescore every candidate whose stored matches drifted',
          description:
            'Runs the same comparison as the check, then rescores and stores every candidate whose matches drifted; answers the drift report.',
          response: { 200: driftSchema, 401: problemSchema, 403: problemSchema },
        },
      },
      async () => checkMatches(deps.matching(), { repair: true }),
    );
  };
}
