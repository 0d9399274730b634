import { isUniqueViolation } from '../db/constraint-errors.js';
import type { Database } from '../db/database.js';
import { userRepository } from '../db/repositories/user.repository.js';
import { withTenant } from '../db/with-tenant.js';
import { AppError } from '../errors.js';
import { type Account, findAccount } from './account-queries.js';
import { hashPassword, passwordProblem } from './passwords.js';
import { deleteSessionsOfUser } from './session-queries.js';

/** Roles a tenant admin may give within the agency: never PM_ADMIN. */
export const TENANT_USER_ROLES = ['TENANT_ADMIN', 'RECRUITER'] as const;
export type TenantUserRole = (typeof TENANT_USER_ROLES)[number];

function assertPassword(password: string): void {
  const problem = passwordProblem(password);
  if (problem) {
    throw new AppError('validation_failed', `The password needs ${problem}.`, {
      errors: [{ field: 'password', message: problem }],
    });
  }
}

const emailTaken = (email: string) => new AppError('conflict', `A user with email ${email} already exists.`);

/** The platform operator (no agency): created from the command line to bootstrap an installation. */
export async function createPlatformAdmin(
  database: Database,
  input: { email: string; password: string; name?: string | undefined },
): Promise<Account> {
  assertPassword(input.password);
  try {
    const user = await userRepository(database).create({
      tenant_id: null,
      email: input.email,
      password_hash: await hashPassword(input.password),
      role: 'PM_ADMIN',
      full_name: input.name ?? null,
    });
    return (await findAccount(database.sql, user.id))!;
  } catch (error) {
    if (isUniqueViolation(error)) throw emailTaken(input.email);
    throw error;
  }
}

export async function createTenantUser(
  database: Database,
  tenantId: number,
  input: { email: string; password: string; name?: string | undefined; role: TenantUserRole },
): Promise<Account> {
  assertPassword(input.password);
  const passwordHash = await hashPassword(input.password);
  try {
    return await withTenant(database, tenantId, async (tx) => {
      const user = await userRepository(tx).create({
        tenant_id: tenantId,
        email: input.email,
        password_hash: passwordHash,
        role: input.role,
        full_name: input.name ?? null,
      });
      return (await findAccount(tx.sql, user.id))!;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw emailTaken(input.email);
    throw error;
  }
}

export interface TenantUserPatch {
  name?: string | null | undefined;
  role?: TenantUserRole | undefined;
  is_active?: boolean | undefined;
}

/**
 * Changes a user of the actor's own agency (404 for anyone else's). An admin cannot change their own role or
 * deactivate themself: the agency would risk losing its last admin. A deactivated user is signed out.
 */
export async function updateTenantUser(
  database: Database,
  actor: { userId: number; tenantId: number },
  userId: number,
  patch: TenantUserPatch,
): Promise<Account> {
  return withTenant(database, actor.tenantId, async (tx) => {
    const target = await userRepository(tx).findInTenant(actor.tenantId, userId);
    if (!target) throw AppError.notFound(`User ${userId}`);
    const changesOwnAccess =
      (patch.role !== undefined && patch.role !== target.role) || patch.is_active === false;
    if (target.id === actor.userId && changesOwnAccess) {
      throw new AppError('unprocessable', 'You cannot change your own role or deactivate yourself.');
    }
    await userRepository(tx).updateInTenant(actor.tenantId, userId, {
      ...(patch.name !== undefined ? { full_name: patch.name } : {}),
      ...(patch.role !== undefined ? { role: patch.role } : {}),
      ...(patch.is_active !== undefined ? { is_active: patch.is_active } : {}),
    });
    if (patch.is_active === false) await deleteSessionsOfUser(tx.sql, userId);
    return (await findAccount(tx.sql, userId))!;
  });
}
