import { isUniqueViolation } from '../db/constraint-errors.js';
import type { Database } from '../db/database.js';
import { type Tenant, tenantRepository } from '../db/repositories/tenant.repository.js';
import { userRepository } from '../db/repositories/user.repository.js';
import { AppError } from '../errors.js';
import { type Account, findAccount } from './account.js';
import { hashPassword } from './passwords.js';

/** A URL-safe slug from an agency name: "Acme Staffing, Inc." → "acme-staffing-inc". */
export function slugOf(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 100);
}

export interface NewTenantWithAdmin {
  name: string;
  slug?: string | undefined;
  admin: { email: string; password: string; name?: string | undefined };
}

/** Creates an agency and its first TENANT_ADMIN together: both exist or neither does. */
export async function createTenantWithAdmin(
  database: Database,
  input: NewTenantWithAdmin,
): Promise<{ tenant: Tenant; admin: Account }> {
  const slug = input.slug ?? slugOf(input.name);
  if (!slug) throw new AppError('validation_failed', 'The tenant needs a name with letters or digits.');
  const passwordHash = await hashPassword(input.admin.password);
  try {
    return await database.transaction(async (tx) => {
      const tenant = await tenantRepository(tx).create({ name: input.name, slug });
      const user = await userRepository(tx).create({
        tenant_id: tenant.id,
        email: input.admin.email,
        password_hash: passwordHash,
        role: 'TENANT_ADMIN',
        full_name: input.admin.name ?? null,
      });
      return { tenant, admin: (await findAccount(tx.sql, user.id))! };
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError(
        'conflict',
        `A tenant with slug "${slug}" or a user with that email already exists.`,
      );
    }
    throw error;
  }
}
