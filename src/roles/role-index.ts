import type { SqlExecutor } from '../db/database.js';
import { buildRoleCatalog, type CatalogRole, type RoleCatalog } from '../domain/roles/decide-role.js';
import type { RoleIndex } from '../domain/roles/normalize-role.js';
import { catalogRoles, roleCatalogFingerprint } from './role-queries.js';

export interface LoadedRoleIndex {
  /** Every role: the index the scraper filter and plain text lookups use. */
  index: RoleIndex;
  /** Canonical and created roles apart, for role normalization. */
  catalog: RoleCatalog;
  roles: ReadonlyMap<number, CatalogRole>;
}

let cached: { fingerprint: string; loaded: LoadedRoleIndex } | undefined;

/** The text-matching index over every role, rebuilt only when the roles changed. */
export async function loadRoleIndex(sql: SqlExecutor): Promise<LoadedRoleIndex> {
  const fingerprint = await roleCatalogFingerprint(sql);
  if (cached?.fingerprint === fingerprint) return cached.loaded;
  const roles = await catalogRoles(sql);
  const catalog = buildRoleCatalog(roles);
  const loaded = { index: catalog.all, catalog, roles: new Map(roles.map((role) => [role.id, role])) };
  cached = { fingerprint, loaded };
  return loaded;
}
