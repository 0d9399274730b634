import type { FastifyReply, FastifyRequest } from 'fastify';
import type { UserRole } from '../../accounts/account-queries.js';
import type { ApiKeyScope } from '../../db/schema.js';
import { AppError } from '../../errors.js';

/** Who is calling: set by the session authentication hook from the session cookie, never from the request body. */
export interface Principal {
  userId: number;
  email: string;
  role: UserRole;
  /** null only for PM_ADMIN, the platform operator, who belongs to no agency. */
  tenantId: number | null;
  /** Empty for a tenant API key. */
  sessionId: string;
  /** Set when a tenant API key, not a session, authenticated the request. */
  apiKey?: { id: number; scope: ApiKeyScope };
}

declare module 'fastify' {
  interface FastifyRequest {
    principal?: Principal;
    /**
     * Who a tenant API key acts for (src/http/tenant-key-auth.ts). It becomes `principal` only on a route
     * of the recruiter API (see {@link requireRole}), so nothing else ever sees it.
     */
    apiKeyPrincipal?: Principal;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * A tenant API key reaches the recruiter API only: routes open to recruiters and closed to platform admins.
 * Admin routes (agency or platform), account and sign-in routes, and scraper routes are never opened; a read
 * key only reads.
 */
function admitApiKey(request: FastifyRequest, roles: UserRole[]): void {
  const keyPrincipal = request.apiKeyPrincipal;
  if (request.principal || !keyPrincipal) return;
  if (!roles.includes('RECRUITER') || roles.includes('PM_ADMIN')) {
    throw new AppError('forbidden', 'API keys open only the recruiter API.');
  }
  if (!SAFE_METHODS.has(request.method) && keyPrincipal.apiKey?.scope !== 'write') {
    throw new AppError('forbidden', 'This API key is read-only: changes need a key with the write scope.');
  }
  request.principal = keyPrincipal;
}

/** A route-level requirement: a signed-in user with one of these roles (401 when signed out, 403 otherwise). */
export function requireRole(...roles: UserRole[]) {
  const guard = async (request: FastifyRequest, _reply: FastifyReply): Promise<void> => {
    admitApiKey(request, roles);
    if (!request.principal) throw new AppError('unauthorized', 'Sign in first.');
    if (!roles.includes(request.principal.role)) {
      throw new AppError('forbidden', 'Your role does not allow this.');
    }
  };
  // The roles travel with the guard: the OpenAPI document states each operation's access from them.
  return Object.assign(guard, { roles: Object.freeze([...roles]) });
}

/** Roles that work an agency's candidates. */
export const TENANT_ROLES: UserRole[] = ['TENANT_ADMIN', 'RECRUITER'];

/** The caller's agency: always from the session, never from the request. */
export function tenantOf(request: FastifyRequest): number {
  const tenantId = request.principal?.tenantId;
  if (tenantId === null || tenantId === undefined) {
    throw new AppError('forbidden', 'This needs a user of an agency.');
  }
  return tenantId;
}

/** The caller as use cases record them: the agency from the session and the signed-in user. */
export function actorOf(request: FastifyRequest): { tenantId: number; userId: number } {
  return { tenantId: tenantOf(request), userId: request.principal!.userId };
}
