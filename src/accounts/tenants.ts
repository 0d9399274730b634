import { isUniqueViolation } from '../db/constraint-errors.js';
import type { Database } from '../db/database.js';
import { type NewTenant, type Tenant, tenantRepository } from '../db/repositories/tenant.repository.js';
import { userRepository } from '../db/repositories/user.repository.js';
import { inTenantTransaction } from '../db/with-tenant.js';
import { type ListQuery, type ListSpec, pageOfItems } from '../domain/list.js';
import { AppError } from '../errors.js';
import { type Account, findAccount, listTenantAccounts } from './account-queries.js';
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

/** Agencies as a list: `q` searches name and slug; by name by default. */
export const TENANT_LIST = {
  search: ['name', 'slug'],
  sort: {
    name: { column: 'name', order: 'asc' },
    created_at: { column: 'created_at', order: 'desc' },
  },
  defaultSort: 'name',
} as const satisfies ListSpec;

/** A page of the platform's agencies (a short list, read whole). */
export async function listTenants(
  database: Database,
  query: ListQuery<keyof typeof TENANT_LIST.sort>,
): Promise<{ items: Tenant[]; total: number }> {
  return pageOfItems(await tenantRepository(database).list(), TENANT_LIST, query);
}

/** The users of one agency, read under its row-level security. */
export const listTenantUsers = inTenantTransaction((tx, tenantId) => listTenantAccounts(tx.sql, tenantId));

/** An agency's users as a list: `q` searches e-mail and name; by e-mail by default. */
export const TENANT_USER_LIST = {
  search: ['email', 'name'],
  sort: {
    email: { column: 'email', order: 'asc' },
    name: { column: 'name', order: 'asc' },
    role: { column: 'role', order: 'asc' },
    last_login_at: { column: 'last_login_at', order: 'desc' },
    created_at: { column: 'created_at', order: 'desc' },
  },
  defaultSort: 'email',
} as const satisfies ListSpec;

/** A page of one agency's users (a short list, read whole under its row-level security). */
export const listTenantUsersPage = inTenantTransaction(
  async (tx, tenantId, query: ListQuery<keyof typeof TENANT_USER_LIST.sort>) =>
    pageOfItems(await listTenantAccounts(tx.sql, tenantId), TENANT_USER_LIST, query),
);

export async function getTenantWithUsers(
  database: Database,
  tenantId: number,
): Promise<Tenant & { users: Account[] }> {
  const tenant = await tenantRepository(database).findById(tenantId);
  if (!tenant) throw AppError.notFound(`Tenant ${tenantId}`);
  return { ...tenant, users: await listTenantUsers(database, tenant.id) };
}

export async function updateTenant(
  database: Database,
  tenantId: number,
  patch: Partial<NewTenant>,
): Promise<Tenant> {
  try {
    const tenant = await tenantRepository(database).update(tenantId, patch);
    if (!tenant) throw AppError.notFound(`Tenant ${tenantId}`);
    return tenant;
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('conflict', `The slug ${patch.slug} is taken.`);
    throw error;
  }
}

/** Who acts for an agency at the command line: the user with `email`, else its first admin; 404 if none. */
export async function findAgencyMember(
  database: Database,
  slug: string,
  email: string | null,
): Promise<{ tenantId: number; userId: number }> {
  const member = await userRepository(database).findActiveMember(slug, email);
  if (!member)
    throw new AppError(
      'not_found',
      `No agency "${slug}"${email ? ` with user ${email}` : ' with an active user'}.`,
    );
  return { tenantId: member.tenant_id, userId: member.user_id };
}
