import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/database.js';
import { MATCH_STATUSES } from '../../db/schema.js';
import { AppError } from '../../errors.js';
import { type MatchListOptions, RECRUITER_MATCH_STATUSES } from '../../matching/match-queries.js';
import {
  listMatchesOfCandidate,
  listMatchesOfJob,
  rematchCandidateLater,
  setMatchStatus,
  showMatch,
} from '../../matching/match-review.js';
import type { JobQueue } from '../../worker/job-queue.js';
import { requireRole, TENANT_ROLES, tenantOf } from '../auth/principal.js';
import { problemSchema } from '../problem.js';
import { idParams, pagedQuery } from '../schemas.js';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema } as const;

const booleanQuery = z
  .enum(['true', 'false', '1', '0'])
  .transform((value) => value === 'true' || value === '1')
  .optional();

const listQuery = pagedQuery(
  {
    q: z
      .string()
      .trim()
      .max(200)
      .optional()
      .meta({ description: "Searches the job's title and company and the candidate's name" }),
    min_score: z.coerce.number().min(0).max(100).optional(),
    recommended_only: booleanQuery,
    status: z.enum(MATCH_STATUSES).optional(),
    sort: z.enum(['score', 'date']).default('score'),
    include_inactive_jobs: booleanQuery.meta({
      description: 'Also list matches of expired, filled or closed jobs (hidden by default)',
    }),
  },
  { default: 50, max: 200 },
);

const jobSummarySchema = z.object({
  id: z.number().int(),
  title: z.string(),
  company: z.string().nullable(),
  location: z.string().nullable(),
  is_remote: z.boolean(),
  salary_range: z.string().nullable(),
  salary_min_annual: z.number().nullable(),
  salary_max_annual: z.number().nullable(),
  salary_currency: z.string().nullable(),
  status: z.string().nullable(),
});

const matchSummarySchema = z
  .object({
    id: z.number().int(),
    candidate_id: z.number().int(),
    job_posting_id: z.number().int(),
    match_score: z.number(),
    is_recommended: z.boolean(),
    status: z.string(),
    matched_skills: z.array(z.string()),
    missing_skills: z.array(z.string()),
    matched_at: z.date().nullable(),
    viewed_at: z.date().nullable(),
    job: jobSummarySchema,
    candidate: z.object({
      id: z.number().int(),
      first_name: z.string(),
      last_name: z.string(),
      current_title: z.string().nullable(),
    }),
  })
  .meta({
    id: 'MatchSummary',
    examples: [
      {
        id: 9001,
        candidate_id: 42,
        job_posting_id: 1207,
        match_score: 87.5,
        is_recommended: true,
        status: 'suggested',
        matched_skills: ['Python', 'Django', 'PostgreSQL'],
        missing_skills: [],
        matched_at: '2026-11-28T14:05:00.000Z',
        viewed_at: null,
        job: {
          id: 1207,
          title: 'Senior Python Developer',
          company: 'Acme Analytics',
          location: 'Austin, TX',
          is_remote: false,
          salary_range: '$120,000 - $150,000',
          salary_min_annual: 120000,
          salary_max_annual: 150000,
          salary_currency: 'USD',
          status: 'active',
        },
        candidate: { id: 42, first_name: 'Priya', last_name: 'Sharma', current_title: 'Python Developer' },
      },
    ],
  });

const matchDetailSchema = matchSummarySchema
  .extend({
    skill_match_score: z.number().nullable(),
    experience_match_score: z.number().nullable(),
    location_match_score: z.number().nullable(),
    salary_match_score: z.number().nullable(),
    semantic_similarity: z.number().nullable(),
    match_reasons: z.array(z.string()),
    improvements: z.unknown(),
    scoring_version: z.string().nullable(),
    updated_at: z.date().nullable(),
  })
  .meta({
    id: 'MatchDetail',
    examples: [
      {
        id: 9001,
        candidate_id: 42,
        job_posting_id: 1207,
        match_score: 87.5,
        is_recommended: true,
        status: 'viewed',
        matched_skills: ['Python', 'Django', 'PostgreSQL'],
        missing_skills: [],
        matched_at: '2026-11-28T14:05:00.000Z',
        viewed_at: '2026-11-30T09:12:00.000Z',
        job: {
          id: 1207,
          title: 'Senior Python Developer',
          company: 'Acme Analytics',
          location: 'Austin, TX',
          is_remote: false,
          salary_range: '$120,000 - $150,000',
          salary_min_annual: 120000,
          salary_max_annual: 150000,
          salary_currency: 'USD',
          status: 'active',
        },
        candidate: { id: 42, first_name: 'Priya', last_name: 'Sharma', current_title: 'Python Developer' },
        skill_match_score: 100,
        experience_match_score: 90,
        location_match_score: 100,
        salary_match_score: 80,
        semantic_similarity: 71.2,
        match_reasons: ['All 3 required skills', '6 years of experience for 5+ required', 'Same city'],
        improvements: ['Salary expectation is near the top of the range'],
        scoring_version: '2',
        updated_at: '2026-11-30T09:12:00.000Z',
      },
    ],
  });

const pageSchema = z.object({
  items: z.array(matchSummarySchema),
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
});

function listOptions(query: z.infer<typeof listQuery>): MatchListOptions {
  return {
    sort: query.sort,
    ...(query.q ? { q: query.q } : {}),
    limit: query.limit,
    offset: query.offset,
    ...(query.min_score === undefined ? {} : { minScore: query.min_score }),
    ...(query.recommended_only ? { recommendedOnly: true } : {}),
    ...(query.status ? { status: query.status } : {}),
    ...(query.include_inactive_jobs ? { includeInactiveJobs: true } : {}),
  };
}

/** Recruiters' match views: ranked jobs per candidate, candidates per job, the breakdown, status, rematch. */
export function matchRoutes(deps: {
  database: Database;
  queue?: Pick<JobQueue, 'send'>;
}): FastifyPluginAsyncZod {
  return async (app) => {
    const recruiter = { preHandler: requireRole(...TENANT_ROLES) };

    for (const [url, summary, description, list] of [
      [
        '/api/candidates/:id/matches',
        "A candidate's matched jobs, best first (or newest first with sort=date)",
        "The candidate's stored matches with score and components, filtered by minimum score, recommendation or recruiter status; jobs no longer active are left out unless `include_inactive_jobs=true`. Paginated with `page`/`page_size`.",
        listMatchesOfCandidate,
      ],
      [
        '/api/jobs/:id/matches',
        "This agency's candidates matched to a job, best first",
        "The agency's candidates matched to the job, with the same filters and paging as a candidate's matches; only the caller's agency's candidates are ever listed.",
        listMatchesOfJob,
      ],
    ] as const) {
      app.get(
        url,
        {
          ...recruiter,
          schema: {
            tags: ['matches'],
            summary,
            description,
            params: idParams,
            querystring: listQuery,
            response: { 200: pageSchema, ...errors },
          },
        },
        async (request) =>
          list(deps.database, tenantOf(request), request.params.id, listOptions(request.query)),
      );
    }

    app.get(
      '/api/matches/:id',
      {
        ...recruiter,
        schema: {
          tags: ['matches'],
          summary: 'One match with its full breakdown: component scores, reasons, improvements',
          description:
            'The match with every component score, the weights that combined them, the reasons it fits and what would improve it.',
          params: idParams,
          response: { 200: matchDetailSchema, ...errors },
        },
      },
      async (request) => showMatch(deps.database, tenantOf(request), request.params.id),
    );

    app.patch(
      '/api/matches/:id',
      {
        ...recruiter,
        schema: {
          tags: ['matches'],
          summary: 'Set the recruiter status: viewed (records viewed_at), shortlisted, rejected or suggested',
          description: "Sets the recruiter's status of the match; `viewed` also records when.",
          params: idParams,
          body: z.object({ status: z.enum(RECRUITER_MATCH_STATUSES) }).strict(),
          response: { 200: matchDetailSchema, ...errors },
        },
      },
      async (request) =>
        setMatchStatus(deps.database, tenantOf(request), request.params.id, request.body.status),
    );

    app.post(
      '/api/candidates/:id/rematch',
      {
        ...recruiter,
        schema: {
          tags: ['matches'],
          summary: 'Rescore a candidate in the background (candidates/changed)',
          description:
            'Queues a rescore of the candidate against the active jobs; the stored matches are replaced when the task runs. 503 when no background queue runs.',
          params: idParams,
          response: {
            202: z.object({ queued: z.boolean() }).meta({ examples: [{ queued: true }] }),
            503: problemSchema,
            ...errors,
          },
        },
      },
      async (request, reply) => {
        const queue = deps.queue;
        if (!queue) throw new AppError('unavailable', 'Background tasks are not running; try again later.');
        const result = await rematchCandidateLater(
          deps.database,
          queue,
          tenantOf(request),
          request.params.id,
        );
        return reply.status(202).send(result);
      },
    );
  };
}
