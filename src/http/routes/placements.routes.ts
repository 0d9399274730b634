import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { reopenApplicationWithReason, undoApplicationMove } from '../../applications/pipeline-moves.js';
import type { Database } from '../../db/database.js';
import { RATE_PERIODS } from '../../db/schema.js';
import { listPlacements, PLACEMENT_LIST, recordPlacement } from '../../placements/placements.js';
import type { JobQueue } from '../../worker/job-queue.js';
import { requireRole, TENANT_ROLES, tenantOf } from '../auth/principal.js';
import { problemSchema } from '../problem.js';
import { listQuery } from '../schemas.js';
import { applicationSchema } from './applications.routes.js';

const id = z.coerce.number().int().positive().max(2_147_483_647);
const amount = z.number().min(0).max(9_999_999_999.99);
const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema } as const;

const placementSchema = z
  .object({
    id: z.number().int(),
    application_id: z.number().int(),
    candidate_id: z.number().int(),
    candidate_name: z.string(),
    job_posting_id: z.number().int(),
    job_title: z.string(),
    company: z.string().nullable(),
    start_date: z.string(),
    currency: z.string(),
    rate_period: z.enum(RATE_PERIODS),
    pay_rate: z.number(),
    bill_rate: z.number().nullable(),
    fee: z.number().nullable(),
    margin: z.number(),
    margin_percent: z.number().nullable(),
    created_by: z.number().int().nullable(),
    created_at: z.date(),
  })
  .meta({
    id: 'Placement',
    examples: [
      {
        id: 21,
        application_id: 305,
        candidate_id: 42,
        candidate_name: 'Priya Sharma',
        job_posting_id: 1207,
        job_title: 'Senior Python Developer',
        company: 'Acme Analytics',
        start_date: '2027-01-04',
        currency: 'USD',
        rate_period: 'hour',
        pay_rate: 62,
        bill_rate: 85,
        fee: null,
        margin: 23,
        margin_percent: 27.06,
        created_by: 17,
        created_at: '2026-11-30T09:12:00.000Z',
      },
    ],
  });

const placementBody = z
  .object({
    start_date: z.iso.date(),
    currency: z.string().regex(/^[A-Za-z]{3}$/, 'a three-letter currency code'),
    rate_period: z.enum(RATE_PERIODS),
    pay_rate: amount,
    bill_rate: amount.optional(),
    fee: amount.optional(),
    close_job: z.boolean().default(false),
    note: z.string().max(2000).nullable().optional(),
  })
  .strict()
  .refine((body) => (body.bill_rate === undefined) !== (body.fee === undefined), {
    message: 'give a bill_rate (contract) or a fee (permanent), not both',
    path: ['bill_rate'],
  });

/** The pipeline beyond forward moves: undo, reopen, and accepting an offer as a placement. */
export function placementRoutes(deps: {
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
      '/api/applications/:id/placement',
      {
        ...recruiter,
        schema: {
          tags: ['applications'],
          summary:
            'Accept an offer: records the placement (start date, pay rate, bill rate or fee; margin computed), ' +
            'sets the candidate to placed, marks their other open applications for review, closes the job for the agency when close_job',
          description:
            'Records the placement of an application at `offer`: the margin is computed from pay and bill rate (or the fee), the candidate becomes `placed`, their other open applications are marked for review and, with `close_job`, the job is closed for the agency. An application not at `offer` is a 422.',
          params: z.object({ id }),
          body: placementBody,
          response: {
            201: z.object({
              placement: placementSchema,
              job_closed: z.boolean(),
              applications_for_review: z.number().int(),
            }),
            ...errors,
            404: problemSchema,
            422: problemSchema,
          },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await recordPlacement(
              deps.database,
              actorOf(request),
              request.params.id,
              request.body,
              deps.queue,
            ),
          ),
    );

    app.post(
      '/api/applications/:id/undo',
      {
        ...recruiter,
        schema: {
          tags: ['applications'],
          summary:
            'Undo the latest move of an application (only by the user who made it); the history keeps both',
          description:
            "Reverts the latest status change if the caller made it; the history keeps both the move and its undo. Nothing to undo, or someone else's move, is a 422.",
          params: z.object({ id }),
          response: { 200: applicationSchema, ...errors, 404: problemSchema, 422: problemSchema },
        },
      },
      async (request) => undoApplicationMove(deps.database, actorOf(request), request.params.id, deps.queue),
    );

    app.post(
      '/api/applications/:id/reopen',
      {
        ...recruiter,
        schema: {
          tags: ['applications'],
          summary:
            'Reopen a rejected or withdrawn application at the stage it was closed from, with a reason',
          description:
            'Reopens a rejected or withdrawn application at the stage it was closed from; the reason goes into the history. An open application is a 422.',
          params: z.object({ id }),
          body: z.object({ reason: z.string().trim().min(1).max(2000) }).strict(),
          response: { 200: applicationSchema, ...errors, 404: problemSchema, 422: problemSchema },
        },
      },
      async (request) =>
        reopenApplicationWithReason(
          deps.database,
          actorOf(request),
          request.params.id,
          request.body.reason,
          deps.queue,
        ),
    );

    app.get(
      '/api/placements',
      {
        ...recruiter,
        schema: {
          tags: ['applications'],
          summary: "The agency's placements with their margins, newest first",
          description:
            'Every placement of the agency with candidate, job, rates and computed margin; `q` searches candidate, job and company, `sort`/`order` sort it, paginated with `page`/`page_size`.',
          querystring: listQuery({}, PLACEMENT_LIST, { default: 50, max: 200 }),
          response: {
            200: z.object({ items: z.array(placementSchema), total: z.number().int() }),
            ...errors,
          },
        },
      },
      async (request) => listPlacements(deps.database, tenantOf(request), request.query),
    );
  };
}
