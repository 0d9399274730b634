import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { touchSession } from '../../accounts/session-queries.js';
import type { Database } from '../../db/database.js';
import { AppError } from '../../errors.js';

export const SESSION_COOKIE = 'jm_session';
export const CSRF_HEADER = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyRequest {
    /** The CSRF token of the session that authenticated this request. */
    sessionCsrfToken?: string;
  }
  interface FastifyContextConfig {
    /** Route needs no CSRF token even for a signed-in caller (sign-in itself). */
    csrfExempt?: boolean;
  }
}

/** A random cookie token is 43 base64url characters; anything else is not worth a database lookup. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/**
 * `onRequest` hook: sets `request.principal` from a valid session cookie (sliding its expiry). It never fails
 * a request by itself; routes decide with `requireRole`. Other credentials (scraper API keys) never make a
 * principal, so they cannot reach user routes.
 */
export function sessionAuth(deps: { database: Database; ttlHours: number }) {
  return async function authenticateSession(request: FastifyRequest): Promise<void> {
    const token = request.cookies[SESSION_COOKIE];
    if (!token || !TOKEN_SHAPE.test(token)) return;
    const session = await touchSession(deps.database.sql, token, deps.ttlHours);
    if (!session) return;
    request.principal = {
      userId: session.userId,
      email: session.email,
      role: session.role,
      tenantId: session.tenantId,
      sessionId: session.sessionId,
    };
    request.sessionCsrfToken = session.csrfToken;
  };
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * `onRequest` hook after `sessionAuth`: a cookie-authenticated request that changes state must echo the
 * session's CSRF token in `x-csrf-token` (403 otherwise). A cross-site page can make the browser send the
 * cookie but cannot read the token.
 */
export async function csrfGuard(request: FastifyRequest, _reply: FastifyReply): Promise<void> {
  if (!request.principal || !request.sessionCsrfToken || SAFE_METHODS.has(request.method)) return;
  if (request.routeOptions.config?.csrfExempt) return;
  const header = request.headers[CSRF_HEADER];
  const presented = typeof header === 'string' ? header : '';
  if (!timingSafeEqual(digest(presented), digest(request.sessionCsrfToken))) {
    throw new AppError(
      'forbidden',
      `Missing or wrong CSRF token: send the session's token in ${CSRF_HEADER}.`,
    );
  }
}
