import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/database.js';
import { INBOX_KINDS } from '../../db/schema.js';
import { getAlertSettings, updateAlertSettings } from '../../inbox/alert-settings.js';
import { INBOX_LIST, listInbox, markRead, unreadCount } from '../../inbox/inbox.js';
import { requireRole, TENANT_ROLES, tenantOf } from '../auth/principal.js';
import { problemSchema } from '../problem.js';
import { listQuery } from '../schemas.js';

const id = z.number().int().positive().max(2_147_483_647);
const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema } as const;
const entrySchema = z
  .object({
    id: z.number().int(),
    kind: z.enum(INBOX_KINDS),
    title: z.string(),
    detail: z.string().nullable(),
    link: z.string().nullable(),
    candidate_id: z.number().int().nullable(),
    job_posting_id: z.number().int().nullable(),
    score: z.number().nullable(),
    created_at: z.date(),
    read_at: z.date().nullable(),
  })
  .meta({
    id: 'InboxEntry',
    examples: [
      {
        id: 88,
        kind: 'match.recommended',
        title: 'New match for Priya Sharma: Senior Python Developer (87.5)',
        detail: 'Acme Analytics, Austin, TX',
        link: '/matches/9001',
        candidate_id: 42,
        job_posting_id: 1207,
        score: 87.5,
        created_at: '2026-11-28T14:05:00.000Z',
        read_at: null,
      },
    ],
  });
const alertSettingsSchema = z
  .object({ stage_limit_days: z.number().int(), rescore_margin: z.number() })
  .meta({ id: 'AlertSettings', examples: [{ stage_limit_days: 7, rescore_margin: 5 }] });

export function inboxRoutes(deps: { database: Database }): FastifyPluginAsyncZod {
  return async (app) => {
    const recruiter = { preHandler: requireRole(...TENANT_ROLES) };
    const readerOf = (request: Parameters<typeof tenantOf>[0]) => ({
      tenantId: tenantOf(request),
      userId: request.principal!.userId,
    });

    app.get(
      '/api/inbox',
      {
        ...recruiter,
        schema: {
          tags: ['inbox'],
          summary:
            "The caller's notifications, newest first: new recommended matches, application changes, role-mapping answers",
          description:
            "The signed-in user's notifications (`unread=true` for unread only), with the total and unread counts; `q` searches title and detail, `sort`/`order` sort them; paginated with `page`/`page_size`.",
          querystring: listQuery({ unread: z.stringbool().default(false) }, INBOX_LIST, {
            default: 50,
            max: 200,
          }),
          response: {
            200: z.object({ items: z.array(entrySchema), total: z.number().int(), unread: z.number().int() }),
            ...errors,
          },
        },
      },
      async (request) => listInbox(deps.database, readerOf(request), request.query),
    );

    app.get(
      '/api/inbox/unread-count',
      {
        ...recruiter,
        schema: {
          tags: ['inbox'],
          summary: 'Unread notifications (the header badge)',
          description: 'Just the number of unread notifications, cheap enough to poll for the header badge.',
          response: {
            200: z.object({ unread: z.number().int() }).meta({ examples: [{ unread: 3 }] }),
            ...errors,
          },
        },
      },
      async (request) => ({ unread: await unreadCount(deps.database, readerOf(request)) }),
    );

    app.post(
      '/api/inbox/read',
      {
        ...recruiter,
        schema: {
          tags: ['inbox'],
          summary: 'Mark notifications read: the given ids, or all without ids',
          description:
            "Marks the listed notification ids (the caller's own only; unknown ids are a 404) or, with no ids, every notification read; answers the new unread count.",
          body: z.object({ ids: z.array(id).min(1).max(500).optional() }).strict(),
          response: {
            200: z.object({ unread: z.number().int() }).meta({ examples: [{ unread: 0 }] }),
            ...errors,
            404: problemSchema,
          },
        },
      },
      async (request) => ({ unread: await markRead(deps.database, readerOf(request), request.body.ids) }),
    );

    app.get(
      '/api/settings/alerts',
      {
        ...recruiter,
        schema: {
          tags: ['settings'],
          summary:
            "The agency's alert settings: stage waiting limit (days) and the score rise that re-announces a match",
          description:
            'How many days an application may wait in a stage before the home page flags it, and how much a match score must rise before it is announced again; defaults until an admin saves them.',
          response: { 200: alertSettingsSchema, ...errors },
        },
      },
      async (request) => getAlertSettings(deps.database, tenantOf(request)),
    );

    app.put(
      '/api/settings/alerts',
      {
        preHandler: requireRole('TENANT_ADMIN'),
        schema: {
          tags: ['settings'],
          summary: 'Change the alert settings (agency admins)',
          description: "Replaces the agency's alert settings; only agency admins may change them.",
          body: z
            .object({
              stage_limit_days: z.number().int().min(1).max(365).optional(),
              rescore_margin: z.number().min(0).max(100).optional(),
            })
            .strict(),
          response: { 200: alertSettingsSchema, ...errors },
        },
      },
      async (request) => updateAlertSettings(deps.database, readerOf(request), request.body),
    );
  };
}
