import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/database.js';
import { DIGEST_FREQUENCIES } from '../../db/schema.js';
import { digestSetting, setDigestSetting } from '../../digest/digests.js';
import { actorOf, requireRole, TENANT_ROLES } from '../auth/principal.js';
import { problemSchema } from '../problem.js';

const settingSchema = z
  .object({
    digest: z.enum(DIGEST_FREQUENCIES),
    digest_sent_at: z.date().nullable(),
  })
  .meta({
    id: 'DigestSetting',
    description: 'The signed-in user’s e-mail digest: off, daily or weekly, and when the last one was sent.',
    example: { digest: 'daily', digest_sent_at: '2026-12-02T07:00:04.000Z' },
  });
const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema } as const;

/** The signed-in user's e-mail digest setting (opt-in). */
export function digestRoutes(deps: { database: Database }): FastifyPluginAsyncZod {
  return async (app) => {
    const agencyUser = { preHandler: requireRole(...TENANT_ROLES) };
    app.get(
      '/api/me/digest',
      {
        ...agencyUser,
        schema: {
          tags: ['inbox'],
          summary: 'My e-mail digest setting',
          description: 'Off until the user opts in.',
          response: { 200: settingSchema, ...errors },
        },
      },
      async (request) => digestSetting(deps.database, actorOf(request)),
    );
    app.put(
      '/api/me/digest',
      {
        ...agencyUser,
        schema: {
          tags: ['inbox'],
          summary: 'Opt in to (or out of) the e-mail digest',
          description:
            'A daily or weekly e-mail with the new recommended matches of my candidates since the last digest, ' +
            'grouped by candidate, and their application changes, with links into the app. Sent through the ' +
            'configured SMTP server (JOBMATCH_SMTP_URL) on JOBMATCH_DIGEST_CRON; nothing is sent when nothing is new.',
          body: z
            .object({ digest: z.enum(DIGEST_FREQUENCIES) })
            .strict()
            .meta({ example: { digest: 'weekly' } }),
          response: { 200: settingSchema, ...errors },
        },
      },
      async (request) => setDigestSetting(deps.database, actorOf(request), request.body.digest),
    );
  };
}
