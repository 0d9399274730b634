import type { FastifyReply, FastifyRequest } from 'fastify';
import type { UserRole } from '../../db/repositories/user.repository.js';
import { AppError } from '../../errors.js';

/** Who is calling: set by the session authentication hook from the session cookie, never from the request body. */
export interface Principal {
  userId: number;
  email: string;
  role: UserRole;
  /** null only for PM_ADMIN, the platform operator, who belongs to no agency. */
  tenantId: number | null;
  sessionId: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    principal?: Principal;
  }
}

/** A route-level requirement: a signed-in user with one of these roles (401 when signed out, 403 otherwise). */
export function requireRole(...roles: UserRole[]) {
  const guard = async (request: FastifyRequest, _reply: FastifyReply): Promise<void> => {
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
