import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { FailedAuthLimiter } from '../../accounts/failed-auth-limiter.js';
import type { Database } from '../../db/database.js';
import type { SkillMatcher } from '../../domain/skills.js';
import { AppError } from '../../errors.js';
import { publishJobsImported } from '../../events/events.js';
import { jobInputSchema } from '../../ingestion/job-input.js';
import { claimNextRole } from '../../scraper/claim-next-role.js';
import { completeSession } from '../../scraper/complete-session.js';
import { failSession } from '../../scraper/fail-session.js';
import type { JobQueue } from '../../worker/job-queue.js';
import { problemSchema } from '../problem.js';
import { scraperAuth } from '../scraper-auth.js';

export const MAX_JOBS_PER_POST = 5000;

const claimedRoleSchema = z
  .object({
    session_id: z.uuid(),
    started_at: z.date(),
    role: z.object({
      id: z.number().int(),
      name: z.string(),
      aliases: z.array(z.string()),
      category: z.string().nullable(),
      priority: z.string(),
      candidate_count: z.number().int(),
    }),
    hints: z.object({
      locations: z.array(z.object({ location: z.string(), candidates: z.number().int() })),
      remote_candidates: z.number().int(),
      top_skills: z.array(z.string()),
      known_jobs: z.number().int(),
    }),
  })
  .meta({
    id: 'ClaimedRole',
    example: {
      session_id: '0b6a1a52-3f0e-4f6e-9d43-2f1c7b9f3e21',
      started_at: '2026-11-28T18:00:00.000Z',
      role: {
        id: 12,
        name: 'Python Developer',
        aliases: ['Python Engineer'],
        category: 'Engineering',
        priority: 'normal',
        candidate_count: 17,
      },
      hints: {
        locations: [{ location: 'Austin, TX', candidates: 5 }],
        remote_candidates: 9,
        top_skills: ['Python', 'AWS'],
        known_jobs: 240,
      },
    },
  });

const jobProblemSchema = z.object({ index: z.number().int(), field: z.string(), message: z.string() });

const sessionResultSchema = z
  .object({
    session_id: z.uuid(),
    status: z.literal('completed'),
    role_id: z.number().int().nullable(),
    jobs_found: z.number().int(),
    jobs_imported: z.number().int(),
    jobs_skipped: z.number().int(),
    jobs_failed: z.number().int(),
    duration_seconds: z.number().int(),
    new_job_ids: z.array(z.number().int()),
    errors: z.array(jobProblemSchema),
    /** Optional fields of stored jobs that did not parse: the job is stored with the field empty. */
    warnings: z.array(jobProblemSchema),
  })
  .meta({
    id: 'ScrapeSessionResult',
    example: {
      session_id: '0b6a1a52-3f0e-4f6e-9d43-2f1c7b9f3e21',
      status: 'completed',
      role_id: 12,
      jobs_found: 3,
      jobs_imported: 1,
      jobs_skipped: 1,
      jobs_failed: 1,
      duration_seconds: 84,
      new_job_ids: [5012],
      errors: [{ index: 2, field: 'title', message: 'is required' }],
      warnings: [{ index: 0, field: 'posted_date', message: '"last Tuesday-ish" is not a date: not stored' }],
    },
  });

const sessionIdBody = { session_id: z.uuid() };
const security: Record<string, string[]>[] = [{ scraperKey: [] }, { scraperKeyHeader: [] }];
const authErrors = { 401: problemSchema, 429: problemSchema };

export interface ScraperRouteDependencies {
  database: Database;
  skills: () => SkillMatcher;
  limiter: FailedAuthLimiter;
  queue: Pick<JobQueue, 'send'> | undefined;
  bodyLimit: number;
  /** Failed scrapes of a role in a row before it stops at `failed`. */
  maxAttempts?: number;
}

/** The scraper's side of the queue. Only scraper API keys work here; user sessions do not. */
export function scraperRoutes(deps: ScraperRouteDependencies): FastifyPluginAsyncZod {
  return async (app) => {
    app.addHook('onRequest', scraperAuth({ database: deps.database, limiter: deps.limiter }));

    const claimSchema = {
      tags: ['scraper'],
      security,
      description:
        'Atomically claims the next pending role (priority, then candidate count, then least recently scraped) and ' +
        'starts a scrape session. 204 when nothing is waiting.',
      response: { 200: claimedRoleSchema, 204: z.null().describe('Nothing to scrape now'), ...authErrors },
    };
    app.get(
      '/api/scraper/queue/next-role',
      {
        schema: {
          ...claimSchema,
          summary: 'Claim the next role (GET form, kept for the spec)',
          description: `${claimSchema.description} Not idempotent: a retried GET claims another role; use POST /api/scraper/queue/claim with an Idempotency-Key.`,
        },
      },
      async (request, reply) => {
        const claimed = await claimNextRole(deps.database, request.scraperKey!);
        return claimed ? reply.status(200).send(claimed) : reply.status(204).send(null);
      },
    );
    app.post(
      '/api/scraper/queue/claim',
      {
        schema: {
          ...claimSchema,
          summary: 'Claim the next role',
          description: `${claimSchema.description} With an Idempotency-Key header, a retry returns the session the first attempt started.`,
          headers: z.object({ 'idempotency-key': z.string().min(1).max(100).optional() }),
        },
      },
      async (request, reply) => {
        const claimed = await claimNextRole(
          deps.database,
          request.scraperKey!,
          request.headers['idempotency-key'] ?? null,
        );
        return claimed ? reply.status(200).send(claimed) : reply.status(204).send(null);
      },
    );

    app.post(
      '/api/scraper/queue/jobs',
      {
        bodyLimit: deps.bodyLimit,
        // Scraped pages often carry stray control characters: they are removed from the jobs, not refused.
        config: { freeText: ['body.jobs'] },
        schema: {
          tags: ['scraper'],
          security,
          summary: 'Post the jobs found for a claimed session',
          description:
            'Valid jobs are parsed, deduplicated on (platform, external_job_id) and linked to the role; invalid ones ' +
            'are reported by index and never block the others. The session and role complete and `jobs/imported` is ' +
            'enqueued in the same transaction. Retrying the identical body returns the first answer; posting to a ' +
            "session completed with another body is 422; to a failed or timed-out session 409; another key's session is 403.",
          body: z.object({ ...sessionIdBody, jobs: z.array(z.unknown()).max(MAX_JOBS_PER_POST) }).meta({
            description: `Each item follows the JobInput schema; at most ${MAX_JOBS_PER_POST} per post.`,
          }),
          response: {
            200: sessionResultSchema,
            400: problemSchema,
            403: problemSchema,
            404: problemSchema,
            409: problemSchema,
            422: problemSchema,
            ...authErrors,
          },
        },
      },
      async (request) => {
        const queue = deps.queue;
        if (!queue)
          throw new AppError('unavailable', 'Background tasks are not running; jobs cannot be accepted now.');
        return completeSession(
          {
            database: deps.database,
            skills: deps.skills(),
            onJobsImported: publishJobsImported(queue),
          },
          request.scraperKey!,
          request.body,
        );
      },
    );

    app.post(
      '/api/scraper/queue/fail',
      {
        schema: {
          tags: ['scraper'],
          security,
          summary: 'Give up on a claimed session; the role returns to the queue',
          description:
            "Ends a claimed scrape session as failed with the scraper's error message; the role goes back to the queue (or to `failed` after its retry cap). A session of another key is a 403, one not in progress a 409.",
          body: z.object({ ...sessionIdBody, error_message: z.string().trim().min(1).max(2000) }),
          response: {
            200: z
              .object({ session_id: z.uuid(), status: z.literal('failed'), error_message: z.string() })
              .meta({
                examples: [
                  {
                    session_id: '0b6a1a52-3f0e-4f6e-9d43-2f1c7b9f3e21',
                    status: 'failed',
                    error_message: 'Job board answered 403 (blocked)',
                  },
                ],
              }),
            403: problemSchema,
            404: problemSchema,
            409: problemSchema,
            ...authErrors,
          },
        },
      },
      async (request) => failSession(deps.database, request.scraperKey!, request.body, deps.maxAttempts),
    );

    app.get(
      '/api/scraper/job-schema',
      {
        schema: {
          tags: ['scraper'],
          security,
          summary: 'The JobInput schema the jobs endpoint accepts (JSON Schema)',
          description:
            'The JSON Schema of one job in the body of `POST /api/scraper/queue/jobs`, for scrapers to validate what they send.',
          response: {
            200: z.record(z.string(), z.unknown()).meta({
              examples: [
                {
                  $schema: 'https://json-schema.org/draft/2020-12/schema',
                  type: 'object',
                  properties: { title: { type: 'string' } },
                  required: ['external_job_id', 'platform', 'title'],
                },
              ],
            }),
          },
        },
      },
      async () => z.toJSONSchema(jobInputSchema) as Record<string, unknown>,
    );
  };
}
