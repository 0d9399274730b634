import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { FailedAuthLimiter } from '../../accounts/failed-auth-limiter.js';
import { MAX_PASSWORD_LENGTH } from '../../accounts/passwords.js';
import { sessionAccount, signOut } from '../../accounts/sessions.js';
import { signIn } from '../../accounts/sign-in.js';
import type { Database } from '../../db/database.js';
import { USER_ROLES } from '../../db/schema.js';
import { AppError } from '../../errors.js';
import { requireRole } from '../auth/principal.js';
import { SESSION_COOKIE } from '../auth/session-auth.js';
import { problemSchema } from '../problem.js';

export const accountSchema = z
  .object({
    id: z.number().int(),
    email: z.string(),
    name: z.string().nullable(),
    role: z.enum(USER_ROLES),
    is_active: z.boolean(),
    tenant: z.object({ id: z.number().int(), name: z.string() }).nullable(),
    last_login_at: z.date().nullable(),
    created_at: z.date(),
  })
  .meta({
    id: 'Account',
    examples: [
      {
        id: 17,
        email: 'dana.reyes@northwind.example',
        name: 'Dana Reyes',
        role: 'RECRUITER',
        is_active: true,
        tenant: { id: 3, name: 'Northwind Talent' },
        last_login_at: '2026-11-30T09:12:00.000Z',
        created_at: '2026-10-01T08:00:00.000Z',
      },
    ],
  });

const sessionResponse = z.object({ user: accountSchema, csrf_token: z.string() });

/** HttpOnly: scripts cannot read it; SameSite=Lax: not sent on cross-site POSTs; Secure whenever served over https. */
function sessionCookieOptions(request: FastifyRequest) {
  return { httpOnly: true, sameSite: 'lax', secure: request.protocol === 'https', path: '/' } as const;
}

const clearSessionCookie = (request: FastifyRequest, reply: FastifyReply) =>
  reply.clearCookie(SESSION_COOKIE, sessionCookieOptions(request));

export function authRoutes(deps: {
  database: Database;
  limiter: FailedAuthLimiter;
  addressLimiter?: FailedAuthLimiter;
  ttlHours: number;
}): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/api/auth/login',
      {
        config: { csrfExempt: true },
        schema: {
          tags: ['auth'],
          security: [],
          summary: 'Sign in with email and password; sets the session cookie and returns the CSRF token',
          description:
            "Checks the password (argon2) and starts a session: the HttpOnly `jm_session` cookie is set and the answer carries `csrf_token`, which every later change must send in `X-CSRF-Token`. Wrong credentials are a 401 that does not say which part was wrong; repeated failures per address and e-mail are a 429 with `Retry-After`. Signing in again replaces this browser's previous session.",
          body: z
            .object({
              email: z.string().trim().min(1).max(255),
              password: z.string().min(1).max(MAX_PASSWORD_LENGTH),
            })
            .strict(),
          response: { 200: sessionResponse, 401: problemSchema, 429: problemSchema },
        },
      },
      async (request, reply) => {
        const result = await signIn(deps, {
          email: request.body.email,
          password: request.body.password,
          ip: request.ip,
          ...(request.headers['user-agent'] ? { userAgent: request.headers['user-agent'] } : {}),
          ...(request.principal ? { replacesSessionId: request.principal.sessionId } : {}),
        });
        reply.setCookie(SESSION_COOKIE, result.token, sessionCookieOptions(request));
        return { user: result.account, csrf_token: result.csrfToken };
      },
    );

    app.post(
      '/api/auth/logout',
      {
        preHandler: requireRole(...USER_ROLES),
        schema: {
          tags: ['auth'],
          summary: 'Sign out: the session ends on the server and the cookie is cleared',
          description:
            'Deletes the session on the server and clears the cookie; the CSRF token dies with it.',
          response: { 204: z.null(), 401: problemSchema, 403: problemSchema },
        },
      },
      async (request, reply) => {
        await signOut(deps.database, request.principal!.sessionId);
        clearSessionCookie(request, reply);
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/api/auth/session',
      {
        schema: {
          tags: ['auth'],
          security: [],
          summary: 'Whether this browser is signed in: the user and CSRF token, or nulls (never 401)',
          description:
            'For a page that starts up not knowing whether it has a session; `/api/auth/me` is 401 when signed out.',
          response: {
            200: z.object({ user: accountSchema.nullable(), csrf_token: z.string().nullable() }),
          },
        },
      },
      async (request) => {
        const account = request.principal
          ? await sessionAccount(deps.database, request.principal.userId)
          : undefined;
        return account
          ? { user: account, csrf_token: request.sessionCsrfToken ?? '' }
          : { user: null, csrf_token: null };
      },
    );

    app.get(
      '/api/auth/me',
      {
        preHandler: requireRole(...USER_ROLES),
        schema: {
          tags: ['auth'],
          summary: 'The signed-in user and the CSRF token of the session',
          description:
            "The account behind the session cookie (role, agency, last sign-in) and the session's CSRF token; 401 when signed out (use `/api/auth/session` to ask without an error).",
          response: { 200: sessionResponse, 401: problemSchema },
        },
      },
      async (request) => {
        const account = await sessionAccount(deps.database, request.principal!.userId);
        if (!account) throw new AppError('unauthorized', 'Sign in first.');
        return { user: account, csrf_token: request.sessionCsrfToken ?? '' };
      },
    );
  };
}
