import type { FastifyRequest } from 'fastify';
import type { FailedAuthLimiter } from '../accounts/failed-auth-limiter.js';
import type { Database } from '../db/database.js';
import { API_KEY_PREFIXES } from '../domain/api-key.js';
import { AppError } from '../errors.js';
import { invalidApiKeyError } from '../scraper/api-keys.js';
import { authenticateTenantKey } from '../tenant-keys/tenant-api-keys.js';
import { KEY_IN_URL_MESSAGE, presentedKey, rateLimitedError } from './scraper-auth.js';

const carriesTenantKey = (value: string | string[] | undefined) =>
  [value ?? []].flat().some((text) => text.includes(API_KEY_PREFIXES.tenant));

/**
 * `onRequest` hook after `sessionAuth`: a request carrying a tenant API key (`jm_tk_...`, in
 * `Authorization: Bearer` or `X-API-Key`) gets `request.apiKeyPrincipal`, which `requireRole` admits on the
 * recruiter API only. The same guarantees as scraper keys: one 401 for a missing, malformed, unknown or
 * revoked key, failed attempts counted per address (the limiter is shared with the scraper API), and keys in
 * the URL refused. Other credentials pass through untouched (scraper keys are checked by the scraper routes).
 */
export function tenantKeyAuth(deps: { database: Database; limiter: FailedAuthLimiter }) {
  return async function authenticateTenantKeyRequest(request: FastifyRequest): Promise<void> {
    if (request.url.includes(API_KEY_PREFIXES.tenant)) {
      throw new AppError('unauthorized', KEY_IN_URL_MESSAGE, { headers: { 'WWW-Authenticate': 'Bearer' } });
    }
    const { authorization } = request.headers;
    if (!carriesTenantKey(authorization) && !carriesTenantKey(request.headers['x-api-key'])) return;
    const blockedForMs = deps.limiter.blockedForMs(request.ip);
    if (blockedForMs > 0) throw rateLimitedError(blockedForMs);
    if (request.principal) {
      throw new AppError('unauthorized', 'Send either a session or an API key, not both.');
    }
    const presented = presentedKey(request.headers);
    try {
      if (presented.kind !== 'one') throw invalidApiKeyError();
      const identity = await authenticateTenantKey(deps.database, presented.key);
      request.apiKeyPrincipal = {
        userId: identity.userId,
        email: identity.email,
        role: 'RECRUITER',
        tenantId: identity.tenantId,
        sessionId: '',
        apiKey: { id: identity.keyId, scope: identity.scope },
      };
    } catch (error) {
      if (error instanceof AppError && error.code === 'unauthorized') deps.limiter.recordFailure(request.ip);
      throw error;
    }
  };
}
