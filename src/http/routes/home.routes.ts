import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/database.js';
import { AppError } from '../../errors.js';
import { FUNNEL_STAGES, homePage, markHomeSeen } from '../../home/home.js';
import { requireRole, TENANT_ROLES, tenantOf } from '../auth/principal.js';
import { problemSchema } from '../problem.js';

const count = z.number().int();
/** Every stage a property of its own, so generated client types name them. */
const funnelSchema = z.object(
  Object.fromEntries(FUNNEL_STAGES.map((stage) => [stage, count])) as Record<
    (typeof FUNNEL_STAGES)[number],
    typeof count
  >,
);
const daysSchema = z.array(z.object({ day: z.string(), count: z.number().int() }));

const homeSchema = z
  .object({
    scope: z.enum(['mine', 'agency']),
    since: z.date(),
    stage_limit_days: z.number().int(),
    new_matches: z.array(
      z.object({
        candidate_id: z.number().int(),
        candidate_name: z.string(),
        new_count: z.number().int(),
        best_score: z.number(),
        newest_at: z.date(),
        matches: z.array(
          z.object({
            match_id: z.number().int(),
            job_posting_id: z.number().int(),
            job_title: z.string(),
            company: z.string().nullable(),
            match_score: z.number(),
            reason: z.string().nullable(),
            matched_at: z.date(),
          }),
        ),
      }),
    ),
    quiet_candidates: z.array(
      z.object({
        candidate_id: z.number().int(),
        candidate_name: z.string(),
        last_matched_at: z.date().nullable(),
      }),
    ),
    waiting_applications: z.array(
      z.object({
        application_id: z.number().int(),
        candidate_id: z.number().int(),
        candidate_name: z.string(),
        job_title: z.string(),
        application_status: z.string(),
        days_waiting: z.number().int(),
      }),
    ),
    funnel: funnelSchema,
    matches_per_day: daysSchema,
    per_recruiter: z
      .array(
        z.object({
          user_id: z.number().int(),
          name: z.string(),
          funnel: funnelSchema,
          matches_per_day: daysSchema,
        }),
      )
      .nullable(),
  })
  .meta({
    id: 'HomePage',
    examples: [
      {
        scope: 'mine',
        since: '2026-11-28T14:05:00.000Z',
        stage_limit_days: 7,
        new_matches: [
          {
            candidate_id: 42,
            candidate_name: 'Priya Sharma',
            new_count: 2,
            best_score: 87.5,
            newest_at: '2026-11-30T09:12:00.000Z',
            matches: [
              {
                match_id: 9001,
                job_posting_id: 1207,
                job_title: 'Senior Python Developer',
                company: 'Acme Analytics',
                match_score: 87.5,
                reason: 'All 3 required skills',
                matched_at: '2026-11-30T09:12:00.000Z',
              },
            ],
          },
        ],
        quiet_candidates: [
          { candidate_id: 51, candidate_name: 'Tom Becker', last_matched_at: '2026-11-10T09:00:00.000Z' },
        ],
        waiting_applications: [
          {
            application_id: 305,
            candidate_id: 42,
            candidate_name: 'Priya Sharma',
            job_title: 'Senior Python Developer',
            application_status: 'screening',
            days_waiting: 9,
          },
        ],
        funnel: { matched: 14, shortlisted: 5, applied: 4, interviewing: 1, offer: 0, placed: 1 },
        matches_per_day: [
          { day: '2026-11-29', count: 5 },
          { day: '2026-11-30', count: 3 },
        ],
        per_recruiter: null,
      },
    ],
  });

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema } as const;

export function homeRoutes(deps: { database: Database }): FastifyPluginAsyncZod {
  return async (app) => {
    const recruiter = { preHandler: requireRole(...TENANT_ROLES) };
    const viewerOf = (request: Parameters<typeof tenantOf>[0]) => ({
      tenantId: tenantOf(request),
      userId: request.principal!.userId,
      isAdmin: request.principal!.role === 'TENANT_ADMIN',
    });

    app.get(
      '/api/home',
      {
        ...recruiter,
        schema: {
          tags: ['home'],
          summary:
            'The home page: new recommended matches since last seen (grouped by candidate), candidates with no match ' +
            'in 7 days, applications waiting past the stage limit, funnel and matches per day (per recruiter for admins)',
          description:
            "Everything the recruiter's home page shows in one answer. `scope=agency` (agency admins only, else 403) covers the whole agency; the default `mine` the caller's own candidates.",
          querystring: z.object({ scope: z.enum(['mine', 'agency']).default('mine') }).strict(),
          response: { 200: homeSchema, ...errors },
        },
      },
      async (request) => {
        const viewer = viewerOf(request);
        if (request.query.scope === 'agency' && !viewer.isAdmin)
          throw new AppError('forbidden', 'The whole agency is for agency admins; recruiters see their own.');
        return homePage(deps.database, viewer, request.query.scope);
      },
    );

    app.post(
      '/api/home/seen',
      {
        ...recruiter,
        schema: {
          tags: ['home'],
          summary: 'Mark the home page seen: new matches count from now',
          description:
            "Stores now as the caller's `home_seen_at`; matches recommended before it are no longer counted as new.",
          response: {
            200: z
              .object({ home_seen_at: z.date() })
              .meta({ examples: [{ home_seen_at: '2026-11-30T09:12:00.000Z' }] }),
            ...errors,
          },
        },
      },
      async (request) => ({ home_seen_at: await markHomeSeen(deps.database, viewerOf(request)) }),
    );
  };
}
