import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FailedAuthLimiter } from '../accounts/failed-auth-limiter.js';
import type { Database } from '../db/database.js';
import { urlCarriesCredential } from '../domain/credentials-in-url.js';
import { AppError } from '../errors.js';
import { authenticateApiKey, invalidApiKeyError, type ScraperApiKey } from '../scraper/api-keys.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The authenticated scraper key, set by `scraperAuth` on the routes it guards. */
    scraperKey?: ScraperApiKey;
  }
}

export interface ScraperAuthDependencies {
  database: Database;
  limiter: FailedAuthLimiter;
}

export const KEY_IN_URL_MESSAGE =
  'API keys are not accepted in the URL, where they end up in logs and histories. ' +
  'Send the key in the Authorization header (Bearer) or the X-API-Key header, and revoke the exposed key.';

type PresentedKey = { kind: 'none' } | { kind: 'one'; key: string } | { kind: 'conflicting' };

/** The key from `Authorization: Bearer <key>` or `X-API-Key: <key>`; both must agree when both are sent. */
export function presentedKey(headers: FastifyRequest['headers']): PresentedKey {
  const candidates: string[] = [];
  const authorization = headers.authorization;
  if (authorization !== undefined) {
    const bearer = /^\s*bearer\s+(\S+)\s*$/i.exec(authorization);
    candidates.push(bearer ? bearer[1]! : ''); // another scheme: refused like a malformed key
  }
  const apiKeyHeader = headers['x-api-key'];
  if (Array.isArray(apiKeyHeader)) return { kind: 'conflicting' };
  if (apiKeyHeader !== undefined) candidates.push(apiKeyHeader.trim());
  if (candidates.length === 0) return { kind: 'none' };
  const [first, ...rest] = candidates;
  return rest.every((other) => other === first) ? { kind: 'one', key: first! } : { kind: 'conflicting' };
}

export function rateLimitedError(blockedForMs: number): AppError {
  const seconds = Math.max(1, Math.ceil(blockedForMs / 1000));
  return new AppError(
    'rate_limited',
    `Too many failed authentication attempts. Retry in ${seconds} seconds.`,
    {
      headers: { 'Retry-After': String(seconds) },
    },
  );
}

/**
 * A hook (use it as `onRequest`, or `preHandler`) that admits only requests carrying an active scraper key
 * and sets `request.scraperKey`. Missing, malformed, unknown and revoked keys all get the same 401.
 * Failed attempts other than a missing key count against the client address in `limiter`; a blocked
 * address gets 429 even with a valid key, until its block ends.
 */
export function scraperAuth({ database, limiter }: ScraperAuthDependencies) {
  return async function authenticateScraper(request: FastifyRequest, _reply: FastifyReply): Promise<void> {
    const blockedForMs = limiter.blockedForMs(request.ip);
    if (blockedForMs > 0) throw rateLimitedError(blockedForMs);

    // A client sending its key in the URL is misconfigured rather than guessing: say so, without counting it.
    if (urlCarriesCredential(request.url)) {
      throw new AppError('unauthorized', KEY_IN_URL_MESSAGE, { headers: { 'WWW-Authenticate': 'Bearer' } });
    }

    const presented = presentedKey(request.headers);
    if (presented.kind === 'none') throw invalidApiKeyError();
    try {
      request.scraperKey = await authenticateApiKey(
        database,
        presented.kind === 'one' ? presented.key : undefined,
      );
    } catch (error) {
      if (error instanceof AppError && error.code === 'unauthorized') limiter.recordFailure(request.ip);
      throw error;
    }
  };
}
