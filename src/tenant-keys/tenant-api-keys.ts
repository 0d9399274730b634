/**
 * Agencies' API keys for the recruiter API: the scraper keys' code (src/scraper/api-keys.ts) with the agency
 * as owner, run in the agency's transaction under row-level security. A key acts for the agency admin who
 * created it, with a recruiter's reach: `read` keys only read, `write` keys may also change data; neither
 * opens admin, account or scraper routes (src/http/auth/principal.ts decides).
 */
import type { Database } from '../db/database.js';
import { tenantRepository } from '../db/repositories/tenant.repository.js';
import { userRepository } from '../db/repositories/user.repository.js';
import type { ApiKeyScope } from '../db/schema.js';
import { withTenant } from '../db/with-tenant.js';
import { AppError } from '../errors.js';
import {
  type ApiKeyListQuery,
  type ApiKeySummary,
  authenticateApiKey,
  createApiKey,
  invalidApiKeyError,
  listApiKeys,
  listApiKeysPage,
  revokeApiKey,
  rotateApiKeyIn,
  toApiKeySummary,
} from '../scraper/api-keys.js';

export interface AgencyAdmin {
  tenantId: number;
  userId: number;
}

const ownerOf = (tenantId: number) => ({ kind: 'tenant', tenantId }) as const;

/**
 * For the operator's CLI: the agency by slug and the admin a key will act for (the given e-mail, or the
 * agency's first active admin); a clear 404 otherwise.
 */
export async function agencyAdminBySlug(
  database: Database,
  slug: string,
  email?: string,
): Promise<AgencyAdmin> {
  const tenant = await tenantRepository(database).findBySlug(slug);
  if (!tenant) throw new AppError('not_found', `No agency with slug "${slug}".`);
  const admins = (await userRepository(database).listByTenant(tenant.id))
    .filter((user) => user.role === 'TENANT_ADMIN' && user.is_active)
    .filter((user) => email === undefined || user.email.toLowerCase() === email.toLowerCase())
    .sort((a, b) => a.id - b.id);
  if (!admins[0]) {
    throw new AppError(
      'not_found',
      `Agency "${slug}" has no active agency admin${email ? ` with e-mail ${email}` : ''}.`,
    );
  }
  return { tenantId: tenant.id, userId: admins[0].id };
}

/** A new key and its secret, shown once. */
export function createTenantApiKey(
  database: Database,
  admin: AgencyAdmin,
  input: { name: string; scope: ApiKeyScope },
): Promise<{ key: ApiKeySummary; secret: string }> {
  return withTenant(database, admin.tenantId, async (tx) => {
    const created = await createApiKey(tx, {
      name: input.name,
      createdBy: admin.userId,
      owner: ownerOf(admin.tenantId),
      scope: input.scope,
    });
    return { key: toApiKeySummary(created.key), secret: created.secret };
  });
}

export function listTenantApiKeys(database: Database, tenantId: number): Promise<ApiKeySummary[]> {
  return withTenant(database, tenantId, (tx) => listApiKeys(tx, ownerOf(tenantId)));
}

/** A page of the agency's keys, searched and sorted as `API_KEY_LIST` says. */
export function listTenantApiKeysPage(
  database: Database,
  tenantId: number,
  query: ApiKeyListQuery,
): Promise<{ items: ApiKeySummary[]; total: number }> {
  return withTenant(database, tenantId, (tx) => listApiKeysPage(tx, query, ownerOf(tenantId)));
}

export function revokeTenantApiKey(database: Database, tenantId: number, id: number) {
  return withTenant(database, tenantId, (tx) => revokeApiKey(tx, id, ownerOf(tenantId)));
}

/** A new key with the same name and scope; the old one keeps working for `overlapSeconds`. */
export function rotateTenantApiKey(
  database: Database,
  admin: AgencyAdmin,
  id: number,
  overlapSeconds: number,
): Promise<{ key: ApiKeySummary; secret: string; previous: ApiKeySummary }> {
  return withTenant(database, admin.tenantId, async (tx) => {
    const rotated = await rotateApiKeyIn(tx, id, {
      overlapSeconds,
      createdBy: admin.userId,
      owner: ownerOf(admin.tenantId),
    });
    return {
      key: toApiKeySummary(rotated.key),
      secret: rotated.secret,
      previous: toApiKeySummary(rotated.previous),
    };
  });
}

/** Who a presented tenant key acts for. */
export interface TenantKeyIdentity {
  keyId: number;
  scope: ApiKeyScope;
  tenantId: number;
  userId: number;
  email: string;
}

/**
 * The identity of an active tenant key, its use counted; otherwise the uniform 401 of scraper keys. Runs as
 * system work: the agency is not known until the key names it.
 */
export async function authenticateTenantKey(
  database: Database,
  presented: string | undefined,
): Promise<TenantKeyIdentity> {
  const key = await authenticateApiKey(database, presented, 'tenant');
  const creator =
    key.created_by === null ? undefined : await userRepository(database).findById(key.created_by);
  if (!creator || key.tenant_id === null || key.scope === null) throw invalidApiKeyError();
  return {
    keyId: key.id,
    scope: key.scope,
    tenantId: key.tenant_id,
    userId: creator.id,
    email: creator.email,
  };
}
