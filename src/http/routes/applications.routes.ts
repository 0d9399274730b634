import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  APPLICATION_LIST,
  applicationPipeline,
  changeApplicationStatus,
  createApplication,
  getApplication,
  listApplications,
} from '../../applications/applications.js';
import type { Database } from '../../db/database.js';
import { APPLICATION_EVENT_KINDS, APPLICATION_STATUSES, APPLIED_VIA } from '../../db/schema.js';
import type { JobQueue } from '../../worker/job-queue.js';
import { requireRole, TENANT_ROLES, tenantOf } from '../auth/principal.js';
import { problemSchema } from '../problem.js';
import { databaseId, listQuery } from '../schemas.js';

const id = databaseId;
const APPLICATION_EXAMPLE = {
  id: 305,
  candidate_id: 42,
  candidate_name: 'Priya Sharma',
  job_posting_id: 1207,
  job_title: 'Senior Python Developer',
  company: 'Acme Analytics',
  match_id: 9001,
  application_status: 'screening',
  applied_via: 'platform',
  cover_letter: null,
  notes: 'Strong Django background.',
  applied_at: '2026-11-28T14:05:00.000Z',
  status_updated_at: '2026-11-30T09:12:00.000Z',
  updated_at: '2026-11-30T09:12:00.000Z',
  review_reason: null,
};
export const applicationSchema = z
  .object({
    id: z.number().int(),
    candidate_id: z.number().int(),
    candidate_name: z.string(),
    job_posting_id: z.number().int(),
    job_title: z.string(),
    company: z.string().nullable(),
    match_id: z.number().int().nullable(),
    application_status: z.enum(APPLICATION_STATUSES),
    applied_via: z.string().nullable(),
    cover_letter: z.string().nullable(),
    notes: z.string().nullable(),
    applied_at: z.date(),
    status_updated_at: z.date().nullable(),
    updated_at: z.date(),
    review_reason: z.string().nullable(),
  })
  .meta({ id: 'Application', examples: [APPLICATION_EXAMPLE] });

const details = {
  applied_via: z.enum(APPLIED_VIA).optional(),
  cover_letter: z.string().max(20_000).nullable().optional(),
  notes: z.string().max(10_000).nullable().optional(),
};
const createBody = z.union([
  z.object({ match_id: id, ...details }).strict(),
  z.object({ candidate_id: id, job_posting_id: id, ...details }).strict(),
]);
const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema } as const;

export function applicationRoutes(deps: {
  database: Database;
  /** Queues an inbox refresh after each change, so its webhooks go out at once. */
  queue?: Pick<JobQueue, 'send'> | undefined;
}): FastifyPluginAsyncZod {
  return async (app) => {
    const recruiter = { preHandler: requireRole(...TENANT_ROLES) };
    const actorOf = (request: Parameters<typeof tenantOf>[0]) => ({
      tenantId: tenantOf(request),
      userId: request.principal!.userId,
    });

    app.post(
      '/api/applications',
      {
        ...recruiter,
        schema: {
          tags: ['applications'],
          summary:
            'Apply a candidate to a job: from a match ({match_id}) or directly ({candidate_id, job_posting_id})',
          description:
            'Creates an application at `applied`. The candidate and job must belong to (or be visible to) the agency; an application that already exists for the pair is a 409; a candidate or job in a state that cannot apply is a 422.',
          body: createBody,
          response: {
            201: applicationSchema,
            ...errors,
            404: problemSchema,
            409: problemSchema,
            422: problemSchema,
          },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await createApplication(deps.database, actorOf(request), request.body, deps.queue)),
    );

    app.get(
      '/api/applications',
      {
        ...recruiter,
        schema: {
          tags: ['applications'],
          summary: "The agency's applications, per candidate or per job, newest first",
          description:
            'Filter by candidate, job or status; `q` searches candidate, job and company, `sort`/`order` sort it; paginated with `page`/`page_size` and counted in `total`.',
          querystring: listQuery(
            {
              candidate_id: id.optional(),
              job_posting_id: id.optional(),
              status: z.enum(APPLICATION_STATUSES).optional(),
            },
            APPLICATION_LIST,
            { default: 50, max: 200 },
          ),
          response: {
            200: z.object({ items: z.array(applicationSchema), total: z.number().int() }),
            ...errors,
          },
        },
      },
      async (request) => listApplications(deps.database, tenantOf(request), request.query),
    );

    app.get(
      '/api/applications/pipeline',
      {
        ...recruiter,
        schema: {
          tags: ['applications'],
          summary: 'The pipeline: every stage with its count and its most recently moved applications',
          description:
            'One entry per application status in pipeline order, each with its count and up to `per_stage` applications moved most recently; this is the data of the pipeline board.',
          querystring: z.object({ per_stage: z.coerce.number().int().min(1).max(200).default(20) }).strict(),
          response: {
            200: z.object({
              stages: z.array(
                z.object({
                  status: z.enum(APPLICATION_STATUSES),
                  count: z.number().int(),
                  items: z.array(applicationSchema),
                }),
              ),
            }),
            ...errors,
          },
        },
      },
      async (request) => ({
        stages: await applicationPipeline(deps.database, tenantOf(request), request.query.per_stage),
      }),
    );

    app.get(
      '/api/applications/:id',
      {
        ...recruiter,
        schema: {
          tags: ['applications'],
          summary: 'An application with its history (who moved it, when, from, to, note)',
          description:
            'The application with candidate and job names and its full status history, oldest first.',
          params: z.object({ id }),
          response: {
            200: applicationSchema
              .extend({
                history: z.array(
                  z.object({
                    id: z.number().int(),
                    kind: z.enum(APPLICATION_EVENT_KINDS),
                    undoes_event_id: z.number().int().nullable(),
                    from_status: z.string().nullable(),
                    to_status: z.string(),
                    changed_by: z.number().int().nullable(),
                    changed_by_email: z.string().nullable(),
                    note: z.string().nullable(),
                    changed_at: z.date(),
                  }),
                ),
              })
              .meta({
                examples: [
                  {
                    ...APPLICATION_EXAMPLE,
                    history: [
                      {
                        id: 611,
                        kind: 'move',
                        undoes_event_id: null,
                        from_status: null,
                        to_status: 'applied',
                        changed_by: 17,
                        changed_by_email: 'dana.reyes@northwind.example',
                        note: null,
                        changed_at: '2026-11-28T14:05:00.000Z',
                      },
                      {
                        id: 640,
                        kind: 'move',
                        undoes_event_id: null,
                        from_status: 'applied',
                        to_status: 'screening',
                        changed_by: 17,
                        changed_by_email: 'dana.reyes@northwind.example',
                        note: 'Phone screen booked',
                        changed_at: '2026-11-30T09:12:00.000Z',
                      },
                    ],
                  },
                ],
              }),
            ...errors,
            404: problemSchema,
          },
        },
      },
      async (request) => getApplication(deps.database, tenantOf(request), request.params.id),
    );

    app.post(
      '/api/applications/:id/status',
      {
        ...recruiter,
        schema: {
          tags: ['applications'],
          summary:
            'Move an application: applied → screening → interviewing → offer (accepting records a placement); rejected/withdrawn while open',
          description:
            'Moves the application one step along the pipeline (or closes it as rejected/withdrawn) and records who moved it with an optional note. A move the pipeline does not allow is a 422; accepting an offer goes through `/placement`.',
          params: z.object({ id }),
          body: z
            .object({
              status: z.enum(APPLICATION_STATUSES),
              note: z.string().max(2000).nullable().optional(),
            })
            .strict(),
          response: { 200: applicationSchema, ...errors, 404: problemSchema, 422: problemSchema },
        },
      },
      async (request) =>
        changeApplicationStatus(deps.database, actorOf(request), request.params.id, request.body, deps.queue),
    );
  };
}
